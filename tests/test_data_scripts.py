"""The dataset conversion scripts, run as subprocesses on fixtures written in the datasets' own formats."""
import json, os, shutil, subprocess, sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
import torch
import torchaudio
import yaml

REPO = Path(__file__).resolve().parents[1]
SCRIPTS = REPO / 'data_scripts'
PY = sys.executable  # the venv's python when run as `.venv/bin/python -m pytest`
SR, SR44 = 22050, 44100
# the scripts import gensep from this checkout (also when the editable install does not map it)
ENV = {**os.environ, 'GENSEP_NO_PROGRESS': '1',
       'PYTHONPATH': os.pathsep.join([str(REPO), *filter(None, [os.environ.get('PYTHONPATH')])])}


def run(script, *args):
    "Run data_scripts/`script` with `args`; returns the CompletedProcess (text output captured)."
    return run_all([(script, *args)])[0]


def run_all(calls):
    "Run several (script, *args) at once (each start imports torch: seconds); their CompletedProcesses in order."
    procs = [subprocess.Popen([PY, str(SCRIPTS / c[0]), *map(str, c[1:])], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=ENV) for c in calls]
    outs = [p.communicate(timeout=300) for p in procs]
    return [subprocess.CompletedProcess(p.args, p.returncode, *o) for p, o in zip(procs, outs)]


def read(path):
    "A WAV as a float32 numpy array, after checking it is 22050 Hz mono int16."
    info = sf.info(str(path))
    assert (info.samplerate, info.channels, info.subtype) == (SR, 1, 'PCM_16'), (path, info)
    return sf.read(str(path), dtype='float32')[0]


def resample44(x):
    "44.1 kHz (T,) or (T, C) numpy -> 22.05 kHz mono numpy, as the converters do it."
    x = torch.from_numpy(np.asarray(x, dtype=np.float32))
    return torchaudio.functional.resample(x.mean(-1) if x.ndim == 2 else x, SR44, SR).numpy()


def snr(ref, est): return 10 * np.log10(np.sum(ref ** 2) / np.sum((ref - est) ** 2))


def tree(root):
    "Every file under `root` with its size and modification time."
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns) for p in root.rglob('*') if p.is_file()}


# ---------------------------------------------------------------- fixtures

def write_slakh_track(folder, stems, seconds=1.0):
    "A Slakh2100 track: stems/SNN.flac (44.1 kHz PCM_16), mix.flac and metadata.yaml; stems: SNN -> (class, is_drum, rendered, Hz)."
    (folder / 'stems').mkdir(parents=True)
    t = np.arange(int(seconds * SR44)) / SR44
    meta = {'UUID': 'fixture-' + folder.name, 'audio_dir': 'stems', 'midi_dir': 'MIDI', 'normalized': True,
            'overall_gain': 0.5, 'target_peak': -1.0, 'stems': {}}
    mix = np.zeros_like(t)
    for sid, (cls, drum, rendered, hz) in stems.items():
        meta['stems'][sid] = {'audio_rendered': rendered, 'inst_class': cls, 'integrated_loudness': -20.0,
                              'is_drum': drum, 'midi_program_name': f'{cls} program', 'midi_saved': True,
                              'plugin_name': 'fixture.nkm', 'program_num': 0}
        if rendered:
            x = 0.04 * np.sin(2 * np.pi * hz * t)
            mix += x
            sf.write(str(folder / 'stems' / f'{sid}.flac'), x, SR44, subtype='PCM_16')
    sf.write(str(folder / 'mix.flac'), mix, SR44, subtype='PCM_16')
    (folder / 'metadata.yaml').write_text(yaml.safe_dump(meta))


@pytest.fixture
def slakh_root(tmp_path):
    root = tmp_path / 'slakh2100'
    write_slakh_track(root / 'train' / 'Track00001', {
        'S00': ('Bass', False, True, 55), 'S01': ('Drums', True, True, 300), 'S02': ('Guitar', False, True, 220),
        'S03': ('Piano', False, True, 262), 'S04': ('Piano', False, True, 330), 'S05': ('Strings', False, True, 440),
        'S06': ('Synth Pad', False, False, 500), 'S07': ('Organ', False, True, 600)})
    write_slakh_track(root / 'train' / 'Track00002', {
        'S00': ('Bass', False, True, 65), 'S01': ('Drums', True, True, 320), 'S02': ('Guitar', False, True, 230),
        'S03': ('Piano', False, True, 270)})
    write_slakh_track(root / 'validation' / 'Track01501', {
        'S00': ('Bass', False, True, 60), 'S01': ('Percussive', True, True, 350), 'S02': ('Piano', False, True, 280),
        'S03': ('Guitar', False, False, 240)})
    write_slakh_track(root / 'test' / 'Track01876', {
        'S00': ('Guitar', False, True, 250), 'S01': ('Chromatic Percussion', False, True, 700)})
    return root


def write_hq_track(folder, seed, seconds=1.0):
    "A MUSDB18-HQ track folder: stereo 44.1 kHz drums/bass/other/vocals.wav and their sum as mixture.wav."
    rng = np.random.default_rng(seed)
    folder.mkdir(parents=True)
    stems = {s: 0.1 * rng.standard_normal((int(seconds * SR44), 2)) for s in ('drums', 'bass', 'other', 'vocals')}
    for s, x in {**stems, 'mixture': sum(stems.values())}.items():
        sf.write(str(folder / f'{s}.wav'), x, SR44, subtype='PCM_16')


@pytest.fixture
def hq_root(tmp_path):
    root = tmp_path / 'musdb18hq'
    write_hq_track(root / 'train' / 'A Classic Education - NightOwl', 0)
    write_hq_track(root / 'train' / 'Actions - One Minute Smile', 1)       # an official validation track
    write_hq_track(root / 'train' / 'Leaf - Summerghost', 2)               # another one
    write_hq_track(root / 'test' / 'AM Contra - Heart Peripheral', 3)
    return root


@pytest.fixture
def musdb_root(tmp_path):
    "A fake MUSDB18 root holding the real 6 s excerpt that the stempeg wheel ships."
    if shutil.which('ffmpeg') is None or shutil.which('ffprobe') is None: pytest.skip('ffmpeg is not installed')
    stempeg = pytest.importorskip('stempeg')
    ex = Path(stempeg.example_stem_path())
    (tmp_path / 'musdb18' / 'train').mkdir(parents=True)
    shutil.copy(ex, tmp_path / 'musdb18' / 'train' / ex.name)
    return tmp_path / 'musdb18'


# ---------------------------------------------------------------- conversions

def test_prepare_slakh(slakh_root, tmp_path):
    out = tmp_path / 'out'
    r = run('prepare_slakh.py', slakh_root, out)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.strip().splitlines()[-1]) == {'train': 2, 'valid': 1, 'test': 1}
    assert sorted(str(p.relative_to(out)) for p in out.glob('*/*')) == [
        'test/Track01876', 'train/Track00001', 'train/Track00002', 'valid/Track01501']
    stems = ('bass', 'drums', 'guitar', 'piano', 'other')
    for track in out.glob('*/*'):
        assert sorted(p.stem for p in track.glob('*.wav')) == sorted(stems + ('mix',))
        x = {s: read(track / f'{s}.wav') for s in stems}
        mix = read(track / 'mix.wav')
        assert all(len(v) == SR for v in x.values()) and len(mix) == SR
        # mix.wav is the exact sum of the five int16 stems
        assert np.array_equal(np.round(mix * 32768), np.round(sum(x.values()) * 32768))
        meta = json.loads((track / 'metadata.json').read_text())
        assert meta['gain'] == 1.0 and meta['sample_rate'] == SR
        for s in meta['absent']: assert not x[s].any(), (track, s)
        for s in set(stems) - set(meta['absent']): assert np.sqrt(np.mean(x[s] ** 2)) > 0.01, (track, s)
    # Track00001: class sums; the unrendered Synth Pad stem is not there
    t1, src = out / 'train' / 'Track00001', slakh_root / 'train' / 'Track00001' / 'stems'
    meta = json.loads((t1 / 'metadata.json').read_text())
    assert meta['slakh_stems'] == {'bass': ['S00'], 'drums': ['S01'], 'guitar': ['S02'], 'piano': ['S03', 'S04'],
                                   'other': ['S05', 'S07']}
    assert meta['absent'] == [] and 'S06' not in meta['instruments']
    piano = resample44(sf.read(str(src / 'S03.flac'))[0] + sf.read(str(src / 'S04.flac'))[0])
    assert snr(piano, read(t1 / 'piano.wav')) > 60
    other = resample44(sf.read(str(src / 'S05.flac'))[0] + sf.read(str(src / 'S07.flac'))[0])
    assert snr(other, read(t1 / 'other.wav')) > 60
    assert snr(resample44(sf.read(str(src.parent / 'mix.flac'))[0]),
               read(t1 / 'mix.wav')) > 50     # all rendered stems together: Slakh's own mix
    # validation -> valid; is_drum decides drums; an unrendered guitar leaves the class absent
    meta = json.loads((out / 'valid' / 'Track01501' / 'metadata.json').read_text())
    assert meta['slakh_stems']['drums'] == ['S01'] and meta['absent'] == ['guitar', 'other']
    meta = json.loads((out / 'test' / 'Track01876' / 'metadata.json').read_text())
    assert meta['absent'] == ['bass', 'drums', 'piano'] and meta['slakh_stems']['other'] == ['S01']
    info = json.loads((out / 'dataset.json').read_text())
    assert info['name'] == 'slakh2100' and info['stems'] == list(stems)


def test_prepare_slakh_options(slakh_root, tmp_path):
    r = run('prepare_slakh.py', slakh_root, tmp_path / 'o', '--splits', 'train', 'validation', '--max-tracks', '1')
    assert r.returncode == 0, r.stderr
    assert sorted(str(p.relative_to(tmp_path / 'o')) for p in (tmp_path / 'o').glob('*/*')) == [
        'train/Track00001', 'valid/Track01501']


def test_prepare_musdb_hq(hq_root, tmp_path):
    out = tmp_path / 'out'
    r = run('prepare_musdb.py', hq_root, out, '--hq')
    assert r.returncode == 0, r.stderr
    assert sorted(str(p.relative_to(out)) for p in out.glob('*/*')) == [
        'test/AM Contra - Heart Peripheral', 'train/A Classic Education - NightOwl',
        'valid/Actions - One Minute Smile', 'valid/Leaf - Summerghost']
    for track in out.glob('*/*'):
        assert sorted(p.stem for p in track.glob('*.wav')) == ['bass', 'drums', 'mix', 'other', 'vocals']
        split = 'test' if track.parent.name == 'test' else 'train'
        for ours, theirs in [('vocals', 'vocals'), ('bass', 'bass'), ('drums', 'drums'), ('other', 'other'), ('mix', 'mixture')]:
            ref = resample44(sf.read(str(hq_root / split / track.name / f'{theirs}.wav'))[0])
            assert snr(ref, read(track / f'{ours}.wav')) > 60, (track, ours)
    info = json.loads((out / 'dataset.json').read_text())
    assert info['splits'] == {'train': 1, 'valid': 2, 'test': 1} and len(info['valid_tracks_missing']) == 12
    r = run('prepare_musdb.py', hq_root, tmp_path / 'o2', '--hq', '--no-valid')
    assert r.returncode == 0 and json.loads(r.stdout.strip().splitlines()[-1]) == {'train': 3, 'valid': 0, 'test': 1}


def test_prepare_musdb_stempeg_excerpt(musdb_root, tmp_path, capsys):
    out = tmp_path / 'out'
    r = run('prepare_musdb.py', musdb_root, out)
    assert r.returncode == 0, r.stderr
    track = out / 'train' / 'The Easton Ellises - Falcon 69'
    x = {s: read(track / f'{s}.wav') for s in ('vocals', 'bass', 'drums', 'other', 'mix')}
    assert all(len(v) == 134144 for v in x.values())          # 268288 samples at 44.1 kHz
    for s, v in x.items(): assert 10 * np.log10(np.mean(v ** 2)) > -30, s   # all five are clearly audible
    sum_snr = snr(x['mix'], x['vocals'] + x['bass'] + x['drums'] + x['other'])
    with capsys.disabled(): print(f"\nMUSDB18 excerpt: SNR of the stems' sum against the mixture {sum_snr:.1f} dB")
    assert sum_snr > 10        # AAC streams encoded separately: only approximately additive
    # the excerpt's mono mixture agrees with stempeg's own decoding
    import stempeg
    ref = resample44(stempeg.read_stems(stempeg.example_stem_path(), stem_id=0, dtype=np.float32)[0])
    assert snr(ref, x['mix']) > 60


# ---------------------------------------------------------------- bad input

def one_line_error(r):
    lines = r.stderr.strip().splitlines()
    return r.returncode == 2 and len(lines) == 1 and 'error' in lines[0]


@pytest.mark.parametrize('script,extra', [('prepare_slakh.py', []), ('prepare_musdb.py', []), ('prepare_musdb.py', ['--hq'])])
def test_missing_root(script, extra, tmp_path):
    r = run(script, tmp_path / 'nowhere', tmp_path / 'out', *extra)
    assert one_line_error(r), r.stderr
    assert 'nowhere: no such folder' in r.stderr and not (tmp_path / 'out').exists()


def test_existing_output_is_left_alone(slakh_root, hq_root, tmp_path):
    out = tmp_path / 'out'
    out.mkdir(); (out / 'results.txt').write_text('keep me')
    before = tree(out)
    for script, root, extra in [('prepare_slakh.py', slakh_root, []), ('prepare_musdb.py', hq_root, ['--hq'])]:
        r = run(script, root, out, *extra)
        assert one_line_error(r), r.stderr
        assert 'pass --force' in r.stderr
        assert tree(out) == before and (out / 'results.txt').read_text() == 'keep me'
    r = run('prepare_slakh.py', slakh_root, out, '--force')        # with --force it is replaced
    assert r.returncode == 0, r.stderr
    assert not (out / 'results.txt').exists() and (out / 'dataset.json').is_file()


def test_other_bad_input(slakh_root, hq_root, tmp_path):
    before = tree(hq_root)
    cases = [(('prepare_musdb.py', hq_root, tmp_path / 'o'), 'use --hq'),                       # HQ tree without --hq
             (('prepare_musdb.py', hq_root, hq_root / 'converted', '--hq'), 'must lie outside'),  # output inside the input
             (('prepare_slakh.py', slakh_root, tmp_path / 'o', '--splits', 'dev'), "unknown Slakh split 'dev'"),
             (('prepare_slakh.py', hq_root, tmp_path / 'o'), 'no Slakh2100 tracks'),
             (('prepare_slakh.py', slakh_root, tmp_path / 'o', '--max-tracks', '0'), 'max_tracks must be at least 1'),
             (('prepare_slakh.py', slakh_root), 'the following arguments are required: out'),   # argparse, one line too
             (('prepare_musdb.py', hq_root, tmp_path / 'o', '--max-tracks', 'two'), "invalid int value: 'two'")]
    for (args, msg), r in zip(cases, run_all([args for args, _ in cases])):
        assert one_line_error(r) and msg in r.stderr, (args, r.stderr)
    assert tree(hq_root) == before and not (tmp_path / 'o').exists()
    # a rendered stem whose file is missing names the file
    (slakh_root / 'train' / 'Track00002' / 'stems' / 'S02.flac').unlink()
    r = run('prepare_slakh.py', slakh_root, tmp_path / 'o2')
    assert one_line_error(r) and 'S02.flac: missing' in r.stderr, r.stderr
