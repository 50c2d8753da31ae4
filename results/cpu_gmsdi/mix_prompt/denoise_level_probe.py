"""One denoiser call on real clips plus noise, per noise level: how loud the estimate is against the clean clip.
A denoiser that is right on average returns about the clean level at low sigma and less at high sigma (the posterior
mean shrinks); one that returns more than the clean level adds energy that sampling keeps.

    python results/cpu_gmsdi/mix_prompt/denoise_level_probe.py MODEL DATA [SPLIT]

Per prompt (the four stems and the four-stem mixture, 8 valid clips of 4 s each) and sigma (model domain):
level of D(x + sigma n) minus level of x (dB, power over all clips), and the error's level against x (dB).
"""
import sys, torch
from gensep.core import format_machine, machine_info
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import real_clips
torch.set_grad_enabled(False)
model_dir, data = sys.argv[1], sys.argv[2]
split = sys.argv[3] if len(sys.argv) > 3 else 'valid'
m = load_diffusion(model_dir, ema=True, device='cpu'); sr = m.sample_rate
print(f"# {format_machine(machine_info())}; model {model_dir} ({m.meta.get('step')} steps, EMA), {split}, 8 clips of 4 s, w 1")
sigmas = [0.003, 0.01, 0.03, 0.1, 0.3, 1.0]
print('prompt,' + ','.join(f'gain_db@{s:g}' for s in sigmas) + ',' + ','.join(f'err_db@{s:g}' for s in sigmas))
db = lambda a, b: 10 * torch.log10(a.pow(2).mean() / b.pow(2).mean()).item()
for prompt in [l.capitalize() for l in LABELS] + [', '.join(l.capitalize() for l in LABELS)]:
    x = m.to_model(real_clips(data, prompt, split, n=8, seconds=4.0, sample_rate=sr, seed=0))
    g = torch.Generator().manual_seed(0); gains, errs = [], []
    for s in sigmas:
        D = m.denoise(x + s * torch.randn(x.shape, generator=g), s, m.encode([prompt] * len(x)))
        gains.append(db(D, x)); errs.append(db(D - x, x))
    print(f'"{prompt}",' + ','.join(f'{v:.2f}' for v in gains) + ',' + ','.join(f'{v:.1f}' for v in errs), flush=True)
