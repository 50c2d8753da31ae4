"""The CUDA code paths: bf16 training, GPU separation against the CPU result, bf16 and compiled separation.

Skipped where there is no GPU (CI); run on a GPU machine with `pytest tests/test_cuda.py`."""
import math
import pandas as pd
import pytest
import torch
from gensep.baselines import TOY_SOURCES, toy_folder, toy_stems
from gensep.core import load_checkpoint
from gensep.glow import GlowConfig, GlowPrior, MODEL_BINS
from gensep.instglow import InstGlow, train_prior
from gensep.metrics import sdr_global
from gensep.train import TrainConfig, Trainer

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason='needs a CUDA GPU')


@pytest.fixture(scope='module')
def priors(tmp_path_factory):
    "Toy priors trained on the GPU (ci sizes, bf16 autocast: the Trainer's default on CUDA)."
    d = tmp_path_factory.mktemp('cuda')
    data = toy_folder(d / 'data', tracks=4, seconds=4.0)
    return {s: train_prior(s, data, d / s, profile='ci', steps=60, train=dict(lr=3e-3), device='cuda').cpu()
            for s in TOY_SOURCES}


def test_bf16_training_on_cuda(tmp_path):
    data = toy_folder(tmp_path / "data", tracks=4, seconds=4.0)
    from gensep.instglow import _segments
    prior = GlowPrior('tones', GlowConfig.for_profile('ci'))
    t = Trainer(prior, _segments(data, 'train', 'tones', 2.0, 'random', 160), None,
                TrainConfig(steps=20, batch_size=8, lr=3e-3, log_every=5), tmp_path / 'run', device='cuda')
    assert t.amp and t.device.type == 'cuda'
    t.fit()
    hist = pd.read_csv(tmp_path / 'run' / 'metrics.csv')
    assert hist.step.iloc[-1] == 20 and hist.loss.notna().all() and hist.loss.iloc[-1] < hist.loss.iloc[0], hist.loss
    again = load_checkpoint(tmp_path / 'run' / 'checkpoint')          # a GPU checkpoint loads on the CPU
    x = torch.rand(2, MODEL_BINS, 32)
    with torch.no_grad():
        a, b = prior.eval().glow.log_prob(x.cuda()).cpu(), again.eval().glow.log_prob(x)
    assert torch.allclose(a, b, rtol=1e-4, atol=1e-2), (a, b)


def test_time_limit_on_cuda(tmp_path):
    data = toy_folder(tmp_path / "data", tracks=4, seconds=4.0)
    prior = train_prior('noise', data, tmp_path / 'run', profile='ci', steps=10**6, device='cuda', minutes=0.05)
    step = pd.read_csv(tmp_path / 'run' / 'metrics.csv').step.iloc[-1]
    assert 0 < step < 10**6 and step % 10 == 0, step


def test_gpu_separation_matches_cpu(priors):
    mix = sum(toy_stems(3.0, seed=7).values())
    cpu = InstGlow(priors, iters=20, device='cpu', progress_bar=False).separate(mix)
    gpu = InstGlow(priors, iters=20, device='cuda', progress_bar=False).separate(mix)
    for s in TOY_SOURCES:
        assert sdr_global(cpu[s], gpu[s]) > 20, s       # the same optimisation, up to float rounding (cuDNN's TF32 convs)


@pytest.mark.parametrize('amp,compile', [(True, False), (False, True), (True, True)])
def test_fast_gpu_separation(priors, amp, compile):
    mix = sum(toy_stems(3.0, seed=7).values())
    ref = InstGlow(priors, iters=30, device='cuda', progress_bar=False).separate(mix)
    sep = InstGlow(priors, iters=30, device='cuda', amp=amp, compile=compile, progress_bar=False)
    est = sep.separate(mix)
    assert len(sep.trajectory.loss) == 31 and all(math.isfinite(v) for v in sep.trajectory.loss)
    assert sdr_global(mix, sum(est.values())) > 5               # the sources explain the mixture
    tol = 10 if amp else 20                                      # bf16 changes the path a little; compile barely
    for s in TOY_SOURCES: assert sdr_global(ref[s], est[s]) > tol, s
    est2 = sep.separate(mix)                                     # a second call reuses the compiled graph
    for s in TOY_SOURCES: assert sdr_global(est[s], est2[s]) > 40, s
