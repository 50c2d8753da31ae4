"""One InstGlow-MLE iteration (decode 4 priors' latents of 10 s, the generalised-KL loss, its gradient) with the
priors stacked as they are (`vmap_priors(..., 'decode_logdet')`) and as `FrozenGlow`s (`frozen=True`, what
`InstGlow` uses). Four cpu-profile priors with random coupling outputs (like `gensep bench separate`: the cost does
not depend on the weights' values), one 10 s chunk (862 frames). Prints the largest differences of the decoded
magnitudes, log-dets and of the gradient of a smooth function of them (the separation loss's own gradient is not
compared: these random priors decode magnitudes of either sign, and |sum of sources| has a kink at 0 where float
rounding flips the sign of a gradient), then seconds per iteration (median of 7 after 2 warm-ups), each variant four times,
alternating.
From the checkout, machine otherwise idle:
    .venv/bin/python results/cpu_song/frozen_speed.py
"""
import statistics, time, torch
from gensep.core import format_machine, machine_info, seed_everything
from gensep.glow import GlowConfig, GlowPrior, MODEL_BINS, vmap_priors
from gensep.instglow import separation_loss

g = seed_everything(0); priors = []
for i in range(4):
    p = GlowPrior(f'source{i}', GlowConfig.for_profile('cpu'))
    with torch.no_grad():
        for n, w in p.named_parameters():
            if '.end.' in n: w.normal_(0, 0.01, generator=g)
    priors.append(p.eval().requires_grad_(False))
V = torch.rand(1, MODEL_BINS, 862, generator=g) * 0.5; mask = torch.ones(1, 1, 862)
z0 = 0.3 * torch.randn(4, 1, MODEL_BINS, 862, generator=g)
fns = {'stacked Glow': vmap_priors(priors, 'decode_logdet'), 'stacked FrozenGlow': vmap_priors(priors, 'decode_logdet', frozen=True)}

def step(fn):
    z = z0.clone().requires_grad_(True); loss, _ = separation_loss(fn, z, V, mask); loss.backward(); return loss.detach(), z.grad

def smooth(fn):
    z = z0.clone().requires_grad_(True); x, ld = fn(z); (x.pow(2).sum() + ld.sum()).backward(); return x.detach(), ld.detach(), z.grad
(x1, d1, g1), (x2, d2, g2) = (smooth(f) for f in fns.values())
print(f"largest |difference|: magnitudes {(x1 - x2).abs().max().item():.1e} (largest {x1.abs().max().item():.2f}), "
      f"log-det {(d1 - d2).abs().max().item():.1e} (largest {d1.abs().max().item():.1f}), "
      f"gradient {(g1 - g2).abs().max().item():.1e} (largest {g1.abs().max().item():.2f})")
(l1, _), (l2, _) = (step(f) for f in fns.values())
print(f"separation loss {l1.item():.6f} vs {l2.item():.6f}")
print(format_machine(machine_info()), f'torch threads: {torch.get_num_threads()}')
def timed(fn):
    ts = []
    for k in range(9):
        t0 = time.perf_counter(); step(fn); ts.append(time.perf_counter() - t0)
    return statistics.median(ts[2:])
for name in list(fns) * 4: print(f"{name}: {timed(fns[name]):.3f} s per iteration", flush=True)
