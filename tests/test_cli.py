"""The `gensep` command as a user runs it: real subprocesses, real files, exit codes and one-line errors."""
import filecmp, json, subprocess, sys
from pathlib import Path
import numpy as np
import soundfile as sf
import pytest

GENSEP = str(Path(sys.executable).parent / 'gensep')


def gensep(*args, cwd=None):
    return subprocess.run([GENSEP, *map(str, args)], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope='module')
def rendered(tmp_path_factory):
    "The command from the issue, run twice into two folders."
    d = tmp_path_factory.mktemp('render')
    for name in ('a', 'b'):
        r = gensep('data', 'mini-slakh', '--out', d / name, '--tracks', 2, '--seconds', 8, '--seed', 1)
        assert r.returncode == 0, r.stderr
    return d


def test_mini_slakh_is_deterministic(rendered):
    files = sorted(p.relative_to(rendered / 'a') for p in (rendered / 'a').rglob('*') if p.is_file())
    assert len([f for f in files if f.suffix == '.wav']) == 2 * 7       # 6 stems + mix per track
    assert sorted(p.relative_to(rendered / 'b') for p in (rendered / 'b').rglob('*') if p.is_file()) == files
    _, mismatch, errors = filecmp.cmpfiles(rendered / 'a', rendered / 'b', [str(f) for f in files], shallow=False)
    assert not mismatch and not errors, mismatch


def test_mini_slakh_stems_are_real_and_sum_to_the_mix(rendered):
    tracks = [p for p in (rendered / 'a').glob('*/*') if p.is_dir()]
    assert len(tracks) == 2
    for t in tracks:
        stems = {p.stem: sf.read(str(p))[0] for p in t.glob('*.wav') if p.stem != 'mix'}
        assert set(stems) == {'bass', 'drums', 'guitar', 'piano', 'vocals', 'other'}
        for s, x in stems.items():
            assert len(x) == 8 * 22050 and np.sqrt(np.mean(x ** 2)) > 1e-3, f"{t.name}/{s} is silent"
        mix, sr = sf.read(str(t / 'mix.wav'))
        assert sr == 22050 and np.abs(mix).max() < 1
        err = sum(stems.values()) - mix
        snr = 10 * np.log10(np.sum(mix ** 2) / max(np.sum(err ** 2), 1e-30))
        assert snr > 60, snr


def test_bad_input_is_one_line_and_overwrites_nothing(rendered, tmp_path):
    before = {p: p.read_bytes() for p in (rendered / 'a').rglob('*.wav')}
    cases = [('data', 'mini-slakh', '--out', rendered / 'a', '--tracks', 2, '--seconds', 8),      # exists
             ('data', 'mini-slakh', '--out', tmp_path / 'x', '--tracks', 0),
             ('data', 'mini-slakh', '--out', tmp_path / 'x', '--seconds', -1, '--tracks', 1),
             ('data', 'mini-slakh', '--out', tmp_path / 'x', '--soundfont', tmp_path / 'no.sf2', '--tracks', 1),
             ('data', 'mini-slakh', '--out', tmp_path / 'x', '--split-ratio', '0.5,0.1,0.1'),
             ('evaluate', '--reference', tmp_path / 'nothing', '--estimates', rendered / 'a'),
             ('chapter', 'no_such_chapter')]
    for args in cases:
        r = gensep(*args)
        assert r.returncode != 0, args
        assert r.stderr.startswith('gensep: error:') and r.stderr.count('\n') == 1, (args, r.stderr)
    assert not (tmp_path / 'x').exists()
    assert before == {p: p.read_bytes() for p in (rendered / 'a').rglob('*.wav')}


def test_evaluate_prints_and_saves_a_table(rendered, tmp_path):
    track = next(p for p in sorted((rendered / 'a').glob('*/track*')) if p.is_dir())
    est = tmp_path / 'est'; est.mkdir()
    rng = np.random.default_rng(0)
    for s in ('bass', 'drums', 'guitar', 'piano'):
        x, sr = sf.read(str(track / f'{s}.wav'))
        noise = rng.standard_normal(len(x)) * np.sqrt(np.mean(x ** 2)) * 10 ** (-10 / 20)   # 10 dB SNR
        sf.write(str(est / f'{s}.wav'), x + noise, sr, subtype='FLOAT')
    r = gensep('evaluate', '--reference', track, '--estimates', est, '--sources', 'bass,drums,guitar,piano')
    assert r.returncode == 0, r.stderr
    assert 'sdr_global' in r.stdout and (est / 'evaluation.csv').is_file() and (est / 'evaluation.json').is_file()
    import pandas as pd
    df = pd.read_csv(est / 'evaluation.csv')
    g = df[df.metric == 'sdr_global'].value
    assert len(g) == 4 and np.allclose(g, 10, atol=0.3), g.tolist()    # white noise at 10 dB SNR gives SDR ~ 10 dB
    r2 = gensep('evaluate', '--reference', track, '--estimates', est, '--sources', 'bass,drums,guitar,piano')
    assert r2.returncode != 0 and 'already exists' in r2.stderr


def test_pack_copies_stems_as_flac_at_a_models_rate(rendered, tmp_path):
    "`gensep data pack`: the stems asked for, at the rate asked for, equal to the original below the new Nyquist."
    import torch, torchaudio
    out = tmp_path / 'packed'
    r = gensep('data', 'pack', rendered / 'a', '--out', out, '--sample-rate', 11025, '--stems', 'bass,drums')
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith('packed 2 tracks'), r.stdout
    tracks = sorted(p for p in (rendered / 'a').glob('*/*') if p.is_dir())
    for t in tracks:
        q = out / t.relative_to(rendered / 'a')
        assert sorted(f.name for f in q.iterdir()) == ['bass.flac', 'drums.flac', 'metadata.json']
        for s in ('bass', 'drums'):
            y, sr = sf.read(str(q / f'{s}.flac'), dtype='float32')
            x = torchaudio.functional.resample(torch.from_numpy(sf.read(str(t / f'{s}.wav'), dtype='float32')[0]), 22050, 11025)
            assert sr == 11025 and len(y) == 8 * 11025 == len(x)
            assert np.abs(y - x.numpy()).max() < 1e-4, (t.name, s)           # int16 rounding only
    bad = gensep('data', 'pack', rendered / 'a', '--out', tmp_path / 'x', '--stems', 'strings')
    assert bad.returncode == 1 and 'has no stem' in bad.stderr and bad.stderr.count('\n') == 1, bad.stderr
    assert not (tmp_path / 'x').exists()


def test_bench_train_takes_a_batch_size():
    r = gensep('bench', 'train', '--model', 'diffusion', '--profile', 'ci', '--steps', 1, '--batch-size', 3)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout[r.stdout.index('{'):])['batch_size'] == 3, r.stdout
