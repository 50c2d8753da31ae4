"""The skip-path filter's response along a sampler trajectory: at each denoiser call (ADPM2 30 steps, w 1, 4 clips of 4 s),
the median and 90th percentile over patches of the maximum gain |H(f)| of (delta + taps), and the median mean gain.
A response above 1 would mean the filter adds energy.

    python results/cpu_gmsdi/mix_prompt/skip_filter_gain.py MODEL PROMPT
"""
import sys, torch
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate
torch.set_grad_enabled(False)
m = load_diffusion(sys.argv[1], ema=True, device='cpu'); prompt = sys.argv[2]
rec = []
def hook(mod, inp, out):
    taps = torch.tanh(out)            # (B, K, N)
    c = taps.clone(); c[:, c.shape[1] // 2] += 1
    H = torch.fft.rfft(c, n=64, dim=1).abs()    # (B, F, N)
    rec.append((H.max(1).values.median().item(), H.max(1).values.quantile(0.9).item(), H.mean(1).median().item()))
m.net.skip.register_forward_hook(hook)
sig = []
generate(m, prompt, n=4, seconds=4.0, w=1, settings=SamplerSettings('adpm2', 30), seed=0, callback=lambda i: sig.append(float(i['sigma'])))
print(f"# {len(rec)} denoiser calls, {len(sig)} steps; call, [median max gain, 90th pct max gain, median mean gain]")
for k in range(0, len(rec), 6): print(k, [round(v, 2) for v in rec[k]])
