"""InstGlow with `compile=True` (torch.compile of the batched loss) gives the eager result, and compiles once per shape.

Runs on the CPU (Inductor's C++ backend, about a minute on 2 cores); the GPU variants are in test_cuda.py."""
import torch
from torch._dynamo.utils import counters
from gensep.baselines import TOY_SOURCES, toy_folder, toy_stems
from gensep.instglow import InstGlow, train_prior
from gensep.metrics import sdr_global


def test_compiled_separation_matches_eager(tmp_path):
    data = toy_folder(tmp_path / 'data', tracks=4, seconds=3.0)
    priors = {s: train_prior(s, data, tmp_path / s, profile='ci', steps=10, train=dict(lr=3e-3)) for s in TOY_SOURCES[:2]}
    mix = sum(v for k, v in toy_stems(1.5, seed=7).items() if k in priors)
    ref = InstGlow(priors, gamma=0.5, iters=8, progress_bar=False).separate(mix)
    sep = InstGlow(priors, gamma=0.5, iters=8, compile=True, progress_bar=False)
    counters.clear()
    est = sep.separate(mix)
    graphs = counters['stats']['unique_graphs']
    assert graphs >= 1                                           # it did compile
    for s in priors: assert sdr_global(ref[s], est[s]) > 40, s    # and computes the same thing
    assert len(sep.trajectory.loss) == 9 and len(sep.trajectory.prior) == 9
    again = sep.separate(mix)                                    # same shape: the cached graph, no recompilation
    assert counters['stats']['unique_graphs'] == graphs
    for s in priors: assert torch.equal(est[s], again[s]), s
