"""Is the missing dynamics of generated stems the sampler's? Percentiles (5, 25, 50, 90 %) of the levels (dBFS) of
0.1 s frames of 4 generated clips of 4 s per prompt (Piano, Bass; w 3, rescale 0.7, seed 0) with ADPM2, ADPM2 from
sigma_max 3 instead of 1, Euler with churn 20 and Heun, 50 steps each; and of 4 real clips of the validation split.

    python results/cpu_gmsdi/sampler_dynamics.py MODEL DATA > sampler_dynamics.txt
"""
import sys, time, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate, SamplerSettings, real_clips
from gensep.core import format_machine, machine_info
from gensep.frechet import frame_levels_dbfs
torch.set_grad_enabled(False)
model_dir, data = sys.argv[1], sys.argv[2]
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
print(f'model {model_dir} ({m.meta.get("step")} steps); level percentiles 5, 25, 50, 90 % of 0.1 s frames (dBFS)')
def pct(x): return ' '.join(f'{v:6.1f}' for v in torch.quantile(frame_levels_dbfs(x, sr).float(), torch.tensor([.05, .25, .5, .9])))
for lab in ['Piano', 'Bass']:
    print(f'{"real (valid)":26s} {lab:6s} {pct(real_clips(data, lab, split="valid", n=4, seconds=4.0, sample_rate=sr))}', flush=True)
for name, st in [('adpm2 50', SamplerSettings(steps=50)), ('adpm2 50, sigma_max 3', SamplerSettings(steps=50, sigma_max=3.0)),
                 ('euler 50, s_churn 20', SamplerSettings('euler', 50, options=dict(s_churn=20))), ('heun 50', SamplerSettings('heun', 50))]:
    for lab in ['Piano', 'Bass']:
        t = time.time(); g = generate(m, lab, n=4, seconds=4.0, w=3, settings=st, seed=0, rescale=0.7)
        print(f'{name:26s} {lab:6s} {pct(g)}   ({time.time() - t:.0f} s)', flush=True)
