"""`gensep train glow` and `gensep separate` as a user runs them, on a tiny synthetic stem folder (ci profile)."""
import json, os, shutil, subprocess, sys
from pathlib import Path
import numpy as np
import pytest
import soundfile as sf
from safetensors.torch import load_file, save_file
from gensep.baselines import toy_folder

GENSEP = str(Path(sys.executable).parent / 'gensep')


def gensep(*args, env=None, cwd=None):
    env = {**os.environ, 'GENSEP_PRIORS': os.environ.get('GENSEP_PRIORS', '/nonexistent/gensep-priors'), **(env or {})}
    return subprocess.run([GENSEP, *map(str, args)], capture_output=True, text=True, env=env, cwd=cwd)


@pytest.fixture(scope='module')
def trained(tmp_path_factory):
    d = tmp_path_factory.mktemp('instglow')
    data = toy_folder(d / 'data', tracks=4, seconds=4.0)
    for s in ('tones', 'noise', 'bass'):
        r = gensep('train', 'glow', '--source', s, '--data', data, '--profile', 'ci', '--steps', 8, '--out', d / 'priors' / s)
        assert r.returncode == 0, r.stderr
    return d


def test_train_writes_a_resumable_run(trained):
    run = trained / 'priors' / 'bass'
    rows = (run / 'metrics.csv').read_text().strip().splitlines()
    assert rows[0].startswith('step,') and rows[-1].startswith('8,')
    assert json.loads((run / 'checkpoint' / 'config.json').read_text())['meta']['step'] == 8
    r = gensep('train', 'glow', '--source', 'bass', '--data', trained / 'data', '--profile', 'ci', '--steps', 8, '--out', run)
    assert r.returncode == 1 and '--resume' in r.stderr and r.stderr.count('\n') == 1
    r = gensep('train', 'glow', '--source', 'bass', '--data', trained / 'data', '--profile', 'ci', '--steps', 12, '--out', run, '--resume')
    assert r.returncode == 0, r.stderr
    assert (run / 'metrics.csv').read_text().strip().splitlines()[-1].startswith('12,')


def test_separate_writes_every_source(trained, tmp_path):
    mix = trained / 'data' / 'test' / 'track3'
    x = sum(sf.read(str(mix / f'{s}.wav'))[0] for s in ('tones', 'noise', 'bass'))
    sf.write(str(tmp_path / 'mix.flac'), x, 22050)
    out = tmp_path / 'sep'
    r = gensep('separate', tmp_path / 'mix.flac', '--priors', trained / 'priors', '--sources', 'tones,noise,bass',
               '--iters', 5, '--out', out)
    assert r.returncode == 0, r.stderr
    est = {p.stem: sf.read(str(p))[0] for p in out.glob('*.wav')}
    assert set(est) == {'tones', 'noise', 'bass'} and all(len(v) == len(x) and np.isfinite(v).all() for v in est.values())
    r = gensep('separate', tmp_path / 'mix.flac', '--priors', trained / 'priors', '--sources', 'tones,noise,bass', '--out', out)
    assert r.returncode == 1 and 'already exists' in r.stderr


def test_separate_bad_input(trained, tmp_path):
    priors = trained / 'priors'
    (tmp_path / 'mix.wav').write_bytes(b'not audio at all')
    good = trained / 'data' / 'test' / 'track3' / 'bass.wav'
    # a corrupt checkpoint, and a prior trained with another hop, next to good ones
    bad = tmp_path / 'priors'; shutil.copytree(priors, bad)
    (bad / 'noise' / 'checkpoint' / 'model.safetensors').write_bytes(b'garbage')
    other = tmp_path / 'priors2'; shutil.copytree(priors, other)
    cfg = other / 'bass' / 'checkpoint' / 'config.json'; info = json.loads(cfg.read_text())
    info['config']['hop'] = 128; cfg.write_text(json.dumps(info))
    # a prior whose weights hold a NaN: the loss is NaN from the first iteration
    nan = tmp_path / 'priors3'; shutil.copytree(priors, nan)
    f = nan / 'tones' / 'checkpoint' / 'model.safetensors'; w = load_file(str(f))
    w['glow.flows.2.end.bias'][0] = float('nan'); save_file(w, str(f))
    cases = [((good, '--priors', priors, '--sources', 'tones,vocals'), "no prior for ['vocals']"),
             ((tmp_path / 'mix.wav', '--priors', priors, '--sources', 'tones'), 'not audio'),
             ((tmp_path / 'none.wav', '--priors', priors, '--sources', 'tones'), 'no such file'),
             ((good, '--priors', tmp_path / 'nowhere', '--sources', 'tones'), 'no such folder of priors'),
             ((good, '--priors', bad, '--sources', 'tones,noise'), 'corrupt weights'),
             ((good, '--priors', other, '--sources', 'tones,bass'), "'hop': 128"),
             ((good, '--priors', nan, '--sources', 'tones,bass', '--iters', 3), 'became nan at iteration 0')]
    for args, msg in cases:
        out = tmp_path / 'out'
        r = gensep('separate', *args, '--out', out)
        assert r.returncode == 1 and msg in r.stderr and r.stderr.count('\n') == 1, (args, r.stderr)
        assert not out.exists(), args        # nothing written, in particular no NaN audio


def test_train_stops_at_its_time_budget(tmp_path):
    data = toy_folder(tmp_path / 'data', tracks=3, seconds=3.0)
    r = gensep('train', 'glow', '--source', 'tones', '--data', data, '--profile', 'ci', '--steps', 10**6,
               '--minutes', 0.03, '--out', tmp_path / 'run')
    assert r.returncode == 0, r.stderr
    step = json.loads((tmp_path / 'run' / 'checkpoint' / 'config.json').read_text())['meta']['step']
    assert 0 < step < 10**6 and step % 10 == 0, step                  # stopped by the clock, with a checkpoint


def _stereo_song(trained, path, sr=44100, seconds=3.0):
    "A stereo song at `sr` from a test track's stems, panned apart, written to `path` (its format from the suffix)."
    import torch, torchaudio
    folder = trained / 'data' / 'test' / 'track3'
    stems = [torch.from_numpy(sf.read(str(folder / f'{s}.wav'), dtype='float32')[0][:int(seconds * 22050)]) for s in ('tones', 'noise', 'bass')]
    x = sum(torch.stack([np.cos(p * np.pi / 2) * v, np.sin(p * np.pi / 2) * v]) for v, p in zip(stems, (0.1, 0.5, 0.9)))
    x = torchaudio.functional.resample(x, 22050, sr)
    sf.write(str(path), (0.5 * x / x.abs().max()).T.numpy(), sr)
    return path


def test_separate_songs_with_defaults(trained, tmp_path):
    """No --priors and no --out: the default priors folder ($GENSEP_PRIORS) and separated/<method>/<song>/;
    a stereo 44.1 kHz MP3 gives stereo 44.1 kHz stems that add up to it; several songs in one call."""
    home = tmp_path / 'home'; env = dict(GENSEP_PRIORS=str(home))
    song = _stereo_song(trained, tmp_path / 'song.mp3'); other = _stereo_song(trained, tmp_path / 'other.wav', sr=48000, seconds=2.0)
    r = gensep('separate', song, env=env, cwd=tmp_path)
    assert r.returncode == 1 and 'no trained priors in' in r.stderr and 'make demo' in r.stderr and r.stderr.count('\n') == 1, r.stderr
    shutil.copytree(trained / 'priors', home)
    r = gensep('separate', song, env=env, cwd=tmp_path)                     # toy priors cover neither setting
    assert r.returncode == 1 and 'cover no whole setting' in r.stderr, r.stderr
    r = gensep('separate', song, other, '--sources', 'tones,noise,bass', '--iters', 3, env=env, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    x, sr = sf.read(str(song), dtype='float32', always_2d=True)
    for name, (xin, rate) in {'song': (x, sr), 'other': sf.read(str(other), dtype='float32', always_2d=True)}.items():
        out = tmp_path / 'separated' / 'instglow_mle' / name
        stems = {p.stem: sf.read(str(p), always_2d=True) for p in out.glob('*.wav')}
        assert set(stems) == {'tones', 'noise', 'bass'}, list(out.iterdir())
        assert all(v.shape == xin.shape and r_ == rate for v, r_ in stems.values()), [(v.shape, r_) for v, r_ in stems.values()]
        assert np.abs(sum(v for v, _ in stems.values()) - xin).max() < 1e-4      # the stems add up to the song
    assert sr == 44100 and x.shape[1] == 2
    r = gensep('separate', song, '--sources', 'tones,noise,bass', '--iters', 3, env=env, cwd=tmp_path)
    assert r.returncode == 1 and 'already exists' in r.stderr, r.stderr
    r = gensep('separate', song, other, '--sources', 'tones,bass', '--out', tmp_path / 'o', env=env, cwd=tmp_path)
    assert r.returncode == 1 and '--out names one folder' in r.stderr, r.stderr


def test_separate_fast_shares_the_song_out(trained, tmp_path):
    """--fast optimises every 2nd frame (--stride 2) and shares the song out by the estimates' masks: the stereo stems
    still add up to the song; a bad --stride is one line and writes nothing."""
    song = _stereo_song(trained, tmp_path / 'song.wav', seconds=2.0)
    common = ('--priors', trained / 'priors', '--sources', 'tones,noise,bass')
    r = gensep('separate', song, *common, '--fast', '--iters', 3, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    x, sr = sf.read(str(song), dtype='float32', always_2d=True)
    stems = {p.stem: sf.read(str(p), always_2d=True)[0] for p in (tmp_path / 'separated' / 'instglow_mle_fast' / 'song').glob('*.wav')}
    assert set(stems) == {'tones', 'noise', 'bass'} and all(v.shape == x.shape for v in stems.values())
    assert np.abs(sum(stems.values()) - x).max() < 1e-4
    for bad in ('0', '-2'):
        r = gensep('separate', song, *common, '--stride', bad, '--out', tmp_path / 'o')
        assert r.returncode == 1 and f'stride must be a whole number >= 1, got {bad}' in r.stderr and r.stderr.count('\n') == 1, r.stderr
        assert not (tmp_path / 'o').exists()


def test_separate_repairs_nan_when_asked(trained, tmp_path):
    x = sf.read(str(trained / 'data' / 'test' / 'track3' / 'bass.wav'), dtype='float32')[0][:22050].copy()
    x[10:13] = np.nan
    sf.write(str(tmp_path / 'nan.wav'), x, 22050, subtype='FLOAT')
    args = ('separate', tmp_path / 'nan.wav', '--priors', trained / 'priors', '--sources', 'tones,bass', '--iters', 2, '--out', tmp_path / 'o')
    r = gensep(*args)
    assert r.returncode == 1 and '3 NaN or infinite samples; pass --repair' in r.stderr and not (tmp_path / 'o').exists(), r.stderr
    r = gensep(*args, '--repair')
    assert r.returncode == 0 and '3 NaN or infinite samples set to 0' in r.stderr, r.stderr
    assert all(np.isfinite(sf.read(str(p))[0]).all() for p in (tmp_path / 'o').glob('*.wav'))


def test_train_all_fills_the_default_priors(trained, tmp_path):
    home = tmp_path / 'home'
    r = gensep('train', 'glow', '--all', '--data', trained / 'data', '--profile', 'ci', '--steps', 2, env=dict(GENSEP_PRIORS=str(home)))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in home.iterdir()) == ['bass', 'other'], list(home.iterdir())   # toy stems: bass, and the rest as 'other'
    assert all((home / s / 'checkpoint' / 'config.json').is_file() for s in ('bass', 'other'))
    r = gensep('train', 'glow', '--data', trained / 'data', '--profile', 'ci')
    assert r.returncode == 1 and 'needs --source and --out' in r.stderr, r.stderr


_PEAK = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
         "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr); "
         "print('peak', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024); sys.exit(r.returncode)")


def _peak(*args):
    "Run `gensep args` in a fresh process; its exit code, output and peak resident memory in bytes."
    env = {**os.environ, 'GENSEP_PRIORS': '/nonexistent/gensep-priors'}
    r = subprocess.run([sys.executable, '-c', _PEAK, GENSEP, *map(str, args)], capture_output=True, text=True, env=env)
    return r.returncode, r.stdout + r.stderr, int(r.stdout.strip().splitlines()[-1].split()[1])


@pytest.mark.skipif(not sys.platform.startswith('linux'), reason='--memory-gb measures memory through Linux /proc')
def test_memory_budget_holds_on_a_long_song(trained, tmp_path):
    """A 3-minute stereo 44.1 kHz song under --memory-gb: the peak memory of the whole run stays under the budget,
    which was binding: the same song in blocks of 40 s needs more."""
    short = _stereo_song(trained, tmp_path / 'short.flac', seconds=3.0)
    x = sf.read(str(short), dtype='float32')[0]
    sf.write(str(tmp_path / 'long.flac'), np.tile(x, (60, 1)), 44100)               # 3 minutes
    common = ('--priors', trained / 'priors', '--sources', 'tones,noise,bass', '--iters', 1)
    rc, out, base = _peak('separate', short, *common, '--out', tmp_path / 's')
    assert rc == 0, out
    budget = base / 2**30 + 0.6
    rc, out, peak = _peak('separate', tmp_path / 'long.flac', *common, '--memory-gb', f'{budget:.3f}', '--out', tmp_path / 'b')
    assert rc == 0 and 'blocks of' in out, out
    assert peak <= budget * 2**30, (peak / 2**30, budget, out)
    assert all(sf.info(str(p)).frames == 60 * len(x) and sf.info(str(p)).channels == 2 for p in (tmp_path / 'b').glob('*.wav'))
    rc, out, whole = _peak('separate', tmp_path / 'long.flac', *common, '--block-seconds', 40, '--out', tmp_path / 'w')
    assert rc == 0, out
    assert whole > budget * 2**30, (whole / 2**30, budget)                            # the budget mattered
    print(f"budget {budget:.2f} GB: peak {peak / 2**30:.2f} GB; in 40 s blocks {whole / 2**30:.2f} GB")
    rc, out, _ = _peak('separate', short, *common, '--memory-gb', 0.05, '--out', tmp_path / 'x')
    assert rc == 1 and 'too little for this song' in out and not (tmp_path / 'x').exists(), out
    rc, out, _ = _peak('separate', short, *common, '--memory-gb', 2, '--block-seconds', 10, '--out', tmp_path / 'x')
    assert rc == 2 and 'not allowed with argument' in out, out
