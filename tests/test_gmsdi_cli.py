"""`gensep train diffusion`, `gensep generate` and `gensep accompany` as a user runs them, on a tiny synthetic stem
folder (ci profile): files written, settings recorded, nothing overwritten, one-line errors."""
import os, json, subprocess, sys
from pathlib import Path
import numpy as np
import torch
import pytest
import soundfile as sf
from gensep.baselines import toy_folder
from gensep.generation import COUPLINGS, DEFAULT_COUPLING, DEFAULT_GAMMA_Y, DEFAULT_RESCALE, PLAIN_RESCALE

GENSEP = str(Path(sys.executable).parent / 'gensep')


def gensep(*args):
    env = dict(os.environ, GENSEP_PRIORS=os.environ.get('GENSEP_PRIORS', '/nonexistent/gensep-priors'))   # never the checkout's runs/priors
    return subprocess.run([GENSEP, *map(str, args)], capture_output=True, text=True, env=env)


@pytest.fixture(scope='module')
def model(tmp_path_factory):
    d = tmp_path_factory.mktemp('gmsdi')
    data = toy_folder(d / 'data', tracks=4, seconds=3.0)
    r = gensep('train', 'diffusion', '--data', data, '--profile', 'ci', '--steps', 10, '--labels', 'tones,noise,bass', '--out', d / 'model')
    assert r.returncode == 0, r.stderr
    assert 'trained the diffusion model (10 steps)' in r.stdout
    return d


def test_train_is_resumable(model):
    run = model / 'model'
    assert (run / 'checkpoint' / 'ema.safetensors').is_file()
    r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'ci', '--steps', 10, '--labels', 'tones,noise,bass', '--out', run)
    assert r.returncode == 1 and '--resume' in r.stderr and r.stderr.count('\n') == 1


def test_train_model_options_reach_the_checkpoint(model, tmp_path):
    "Model options such as --sigma-data, --emphasis, --level-input and --local-level end up in the checkpoint's config, --precision in the training settings; a bad value is refused in one line."
    r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'ci', '--steps', 2, '--labels', 'tones,noise,bass',
               '--sigma-data', 0.1, '--emphasis', 0.8, '--emphasis-gain', 1.8, '--level-input', '--local-level', 64, '--precision', 'amx',
               '--skip-gate', '--gate-net', 4, '--loss-audio', '--out', tmp_path / 'sd')
    assert r.returncode == 0, r.stderr
    cfg = json.loads((tmp_path / 'sd' / 'checkpoint' / 'config.json').read_text())['config']
    assert (cfg['sigma_data'], cfg['emphasis'], cfg['emphasis_gain'], cfg['level_input'], cfg['local_level']) == (0.1, 0.8, 1.8, True, 64)
    assert (cfg['skip_gate'], cfg['gate_net'], cfg['loss_audio']) == (True, 4, True)
    state = torch.load(tmp_path / 'sd' / 'checkpoint' / 'trainer_state.pt', weights_only=True)
    assert state['config']['amp'] == 'amx'                          # --precision reaches the training settings
    r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'cpu', '--steps', 1, '--labels', 'tones,noise,bass',
               '--no-level-input', '--skip-taps', 0, '--no-skip-gate', '--loss-emphasis', -0.5, '--out', tmp_path / 'plain')   # the cpu profile switches them on (one step: about 10 s)
    assert r.returncode == 0, r.stderr
    cfg = json.loads((tmp_path / 'plain' / 'checkpoint' / 'config.json').read_text())['config']
    assert (cfg['level_input'], cfg['skip_taps'], cfg['loss_emphasis']) == (False, 0, -0.5)   # turned off or changed; the profile's other settings stay
    assert cfg['loss_audio'] is True
    assert (cfg['skip_gate'], cfg['gate_net']) == (False, 0)           # without the gate, no net on it either
    r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'ci', '--steps', 2, '--gate-net', 4, '--out', tmp_path / 'nogate')
    assert r.returncode == 1 and 'skip_gate=True' in r.stderr and r.stderr.count('\n') == 1
    r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'ci', '--steps', 2, '--sigma-data', 0, '--out', tmp_path / 'bad')
    assert r.returncode == 1 and 'sigma_data' in r.stderr and r.stderr.count('\n') == 1


def test_generate_total_and_single(model, tmp_path):
    out = tmp_path / 'gen'
    r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones, Bass', '--seconds', 0.5, '--steps', 4, '--w', 2, '--out', out)
    assert r.returncode == 0, r.stderr
    wavs = {p.stem: sf.read(str(p)) for p in out.glob('*.wav')}
    assert set(wavs) == {'tones', 'bass', 'mix'}
    assert all(sr == 8000 and len(x) == 4000 and np.isfinite(x).all() for x, sr in wavs.values())
    np.testing.assert_allclose(wavs['mix'][0], wavs['tones'][0] + wavs['bass'][0], atol=1e-5)
    info = json.loads((out / 'generation.json').read_text())
    assert info['prompts'] == ['Tones', 'Bass'] and info['w'] == 2 and set(info['level_dbfs'][0]) == {'tones', 'bass', 'mix'}
    assert info['rescale'] == DEFAULT_RESCALE                  # a band's guidance rescale unless --rescale says otherwise
    assert info['gamma_y'] == DEFAULT_GAMMA_Y == 0.0            # the mixture follows the sources unless --gamma-y says otherwise
    r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones, Bass', '--seconds', 0.5, '--steps', 4, '--gamma-y', 'inf', '--out', tmp_path / 'paper')
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / 'paper' / 'generation.json').read_text())['gamma_y'] == 'inf'   # the paper's setting, as plain JSON
    assert info['coupling'] == DEFAULT_COUPLING                 # how the rows were tied, recorded
    for c in COUPLINGS:
        r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones, Bass', '--seconds', 0.5, '--steps', 4, '--coupling', c, '--out', tmp_path / f'tie_{c}')
        assert r.returncode == 0, r.stderr
        assert json.loads((tmp_path / f'tie_{c}' / 'generation.json').read_text())['coupling'] == c
    mixes = [sf.read(str(tmp_path / f'tie_{c}' / 'mix.wav'))[0] for c in COUPLINGS]
    assert all(np.isfinite(m).all() for m in mixes) and np.abs(mixes[0] - mixes[2]).max() > 1e-4   # another tie, another band
    r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones', '--seconds', 0.5, '--steps', 4, '--out', out)
    assert r.returncode == 1 and 'already exists' in r.stderr and r.stderr.count('\n') == 1
    r = gensep('generate', '--model', model / 'model', '--prompt', 'Noise; Tones, Bass', '--seconds', 0.5, '--steps', 3, '--n', 2,
               '--negative', 'Tones', '--out', tmp_path / 'groups')
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / 'groups' / 'sample001').iterdir()) == ['mix.wav', 'noise.wav', 'tones+bass.wav']
    for phi in (0, 1):                                          # guidance rescale: another sample from the same noise, recorded
        r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones', '--seconds', 0.5, '--steps', 4, '--w', 8, '--rescale', phi,
                   '--out', tmp_path / f'rescale{phi}')
        assert r.returncode == 0, r.stderr
        assert json.loads((tmp_path / f'rescale{phi}' / 'generation.json').read_text())['rescale'] == phi
    plain, rescaled = (sf.read(str(tmp_path / f'rescale{phi}' / 'tones.wav'))[0] for phi in (0, 1))
    assert np.isfinite(rescaled).all() and np.abs(rescaled - plain).max() > 1e-4
    r = gensep('generate', '--model', model / 'model', '--prompt', 'Tones', '--seconds', 0.5, '--steps', 4, '--w', 8, '--out', tmp_path / 'single')
    assert r.returncode == 0, r.stderr                          # one source without a negative prompt: plain guidance by default
    assert json.loads((tmp_path / 'single' / 'generation.json').read_text())['rescale'] == PLAIN_RESCALE == 0.0
    np.testing.assert_array_equal(sf.read(str(tmp_path / 'single' / 'tones.wav'))[0], plain)


def test_accompany(model, tmp_path):
    x, sr = sf.read(str(model / 'data' / 'test' / 'track3' / 'bass.wav'))
    sf.write(str(tmp_path / 'bass.flac'), x[:22050], sr)
    r = gensep('accompany', tmp_path / 'bass.flac', '--model', model / 'model', '--given', 'bass', '--generate', 'tones,noise',
               '--steps', 4, '--out', tmp_path / 'acc')
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / 'acc').glob('*.wav')) == ['bass.wav', 'mix.wav', 'noise.wav', 'tones.wav']
    info = json.loads((tmp_path / 'acc' / 'generation.json').read_text())
    assert info['given'] == ['Bass'] and info['rescale'] == DEFAULT_RESCALE   # partial generation: rescaled guidance by default
    assert info['coupling'] == DEFAULT_COUPLING
    r = gensep('accompany', tmp_path / 'bass.flac', '--model', model / 'model', '--given', 'bass', '--generate', 'tones,noise',
               '--steps', 4, '--coupling', 'posterior-once', '--out', tmp_path / 'acc_once')
    assert r.returncode == 0, r.stderr
    assert json.loads((tmp_path / 'acc_once' / 'generation.json').read_text())['coupling'] == 'posterior-once'


@pytest.mark.parametrize('args,msg', [
    (['--prompt', 'Cello'], "unknown label 'cello'"),
    (['--prompt', ' '], 'empty'),
    (['--prompt', 'Bass', '--sampler', 'rk4'], "unknown sampler 'rk4'"),
    (['--prompt', 'Bass', '--n', '0'], 'at least one'),
    (['--prompt', 'Bass', '--rescale', '1.5'], 'between 0 and 1'),
    (['--prompt', 'Bass, Drums', '--coupling', 'gibbs'], 'use one of paper'),
])
def test_generate_bad_input(model, tmp_path, args, msg):
    r = gensep('generate', '--model', model / 'model', '--steps', 2, '--out', tmp_path / 'x', *args)
    assert r.returncode == 1 and msg in r.stderr.lower() and r.stderr.count('\n') == 1, r.stderr
    assert not (tmp_path / 'x').exists() or not any((tmp_path / 'x').iterdir())


def test_bad_model_and_audio(model, tmp_path):
    r = gensep('generate', '--model', tmp_path, '--prompt', 'Bass', '--out', tmp_path / 'x')
    assert r.returncode == 1 and 'no trained diffusion model' in r.stderr and r.stderr.count('\n') == 1, r.stderr
    (tmp_path / 'bad.wav').write_bytes(b'not audio')
    r = gensep('accompany', tmp_path / 'bad.wav', '--model', model / 'model', '--given', 'bass', '--generate', 'tones', '--out', tmp_path / 'y')
    assert r.returncode == 1 and r.stderr.count('\n') == 1, r.stderr


@pytest.fixture(scope='module')
def mixture(model):
    "A mixture the models have never seen (the test track's stems, summed), as FLAC at 22.05 kHz."
    folder = model / 'data' / 'test' / 'track3'
    x = sum(sf.read(str(folder / f'{s}.wav'))[0] for s in ('tones', 'noise', 'bass'))[:22050]
    sf.write(str(model / 'mix.flac'), x, 22050)
    return model / 'mix.flac'


@pytest.mark.parametrize('method', ['gmsdi-separator', 'gmsdi-extractor', 'gmsdi-ensemble'])
def test_separate_with_gmsdi(model, mixture, tmp_path, method):
    out = tmp_path / 'sep'
    r = gensep('separate', mixture, '--method', method, '--model', model / 'model', '--sources', 'tones,noise,bass',
               '--constrained', 'bass', '--steps', 3, '--out', out)
    assert r.returncode == 0, r.stderr
    wavs = {p.stem: sf.read(str(p)) for p in out.glob('*.wav')}
    assert set(wavs) == {'tones', 'noise', 'bass'}
    assert all(sr == 22050 and len(x) == 22050 and np.isfinite(x).all() for x, sr in wavs.values())
    if method == 'gmsdi-separator':                  # the Separator's stems add up to the mixture (below the model's 4 kHz band)
        total = sum(x for x, _ in wavs.values()); mix = sf.read(str(mixture))[0]
        lo = lambda v: np.fft.rfft(v)[:1800]         # bins below 1.8 kHz
        assert np.abs(lo(total) - lo(mix)).max() < 0.05 * np.abs(lo(mix)).max()
    r = gensep('separate', mixture, '--method', method, '--model', model / 'model', '--sources', 'tones,bass', '--out', out)
    assert r.returncode == 1 and 'already exists' in r.stderr and r.stderr.count('\n') == 1, r.stderr


def test_separate_with_postfilter(model, mixture, tmp_path):
    "--postfilter mask reaches the separator: its stems differ from the sampled ones' and add up to the mixture."
    stems = {}
    for pf in ('none', 'mask'):
        r = gensep('separate', mixture, '--method', 'gmsdi-extractor', '--model', model / 'model', '--sources', 'tones,noise,bass',
                   '--steps', 3, '--postfilter', pf, '--out', tmp_path / pf)
        assert r.returncode == 0, r.stderr
        stems[pf] = np.stack([sf.read(str(tmp_path / pf / f'{s}.wav'))[0] for s in ('tones', 'noise', 'bass')])
    np.testing.assert_allclose(stems['mask'].sum(0), sf.read(str(mixture))[0], atol=1e-3)
    assert np.abs(stems['mask'] - stems['none']).max() > 1e-3


def test_separate_with_msdm(model, mixture, tmp_path):
    for s in ('tones', 'bass'):
        r = gensep('train', 'diffusion', '--data', model / 'data', '--profile', 'ci', '--steps', 4, '--labels', s, '--out', tmp_path / 'msdm' / s)
        assert r.returncode == 0, r.stderr
    r = gensep('separate', mixture, '--method', 'msdm', '--model', tmp_path / 'msdm', '--sources', 'tones,bass', '--steps', 2,
               '--out', tmp_path / 'sep')
    assert r.returncode == 0, r.stderr
    assert 'msdm_bass' in r.stdout and sorted(p.name for p in (tmp_path / 'sep').iterdir()) == ['bass.wav', 'tones.wav']
    r = gensep('separate', mixture, '--method', 'msdm', '--model', tmp_path / 'msdm', '--sources', 'tones,noise', '--out', tmp_path / 'x')
    assert r.returncode == 1 and 'no MSDM prior for noise' in r.stderr and r.stderr.count('\n') == 1, r.stderr


@pytest.mark.parametrize('args,msg', [
    (['--method', 'gmsdi-separator', '--sources', 'tones,bass'], 'needs --model'),
    (['--method', 'gmsdi-separator', '--model', 'MODEL', '--sources', 'tones,cello'], 'not cello'),
    (['--method', 'gmsdi-separator', '--model', 'MODEL', '--sources', 'tones,bass', '--constrained', 'noise'], "constrained source 'noise'"),
    (['--method', 'gmsdi-extractor', '--model', 'MODEL', '--sources', 'tones'], 'at least 2 sources'),
    (['--method', 'gmsdi-ensemble', '--model', 'MODEL', '--sources', 'tones,bass', '--ensemble', 'nope.json'], 'no such file'),
    (['--method', 'instglow', '--sources', 'tones,bass'], 'no trained priors in'),   # the default folder is empty
])
def test_separate_gmsdi_bad_input(model, mixture, tmp_path, args, msg):
    args = [str(model / 'model') if a == 'MODEL' else a for a in args]
    r = gensep('separate', mixture, *args, '--steps', 1, '--out', tmp_path / 'x')
    assert r.returncode == 1 and msg in r.stderr and r.stderr.count('\n') == 1, r.stderr
    assert not (tmp_path / 'x').exists() or not any((tmp_path / 'x').iterdir())


@pytest.mark.parametrize('method', ['gmsdi-extractor', 'instglow'])
def test_separate_refuses_nan_audio(model, tmp_path, method):
    x = np.zeros(8000, dtype=np.float32); x[100] = np.nan; x[200] = np.inf
    sf.write(str(tmp_path / 'nan.wav'), x, 22050, subtype='FLOAT')
    r = gensep('separate', tmp_path / 'nan.wav', '--method', method, '--model', model / 'model', '--priors', tmp_path, '--sources', 'tones,bass',
               '--steps', 1, '--out', tmp_path / 'x')
    assert r.returncode == 1 and 'NaN or infinite samples' in r.stderr and r.stderr.count('\n') == 1, r.stderr
    assert not (tmp_path / 'x').exists() or not any((tmp_path / 'x').iterdir())
