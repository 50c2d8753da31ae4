"""One denoiser call on pure noise of std sigma (a silent clip made noisy), 4 items of 4 s per prompt: the output's
power relative to the input's in 1.9-5.5 kHz (HF) and below 500 Hz (LF). An ideal denoiser of a silent clip outputs
silence (-inf dB); the posterior mean of a stem that is sometimes silent is well below 0 dB.

    python results/cpu_gmsdi/denoiser_silence.py RUN [ema|last] > denoiser_silence.txt
"""
import sys, torch
from gensep.diffusion import load_diffusion
torch.set_grad_enabled(False); torch.manual_seed(0)
m = load_diffusion(sys.argv[1], ema=(sys.argv[2] if len(sys.argv) > 2 else 'ema') == 'ema', device='cpu'); sr = m.sample_rate
power = lambda y: torch.stft(y, 1024, 256, window=torch.hann_window(1024), return_complex=True).abs().pow(2).mean((0, 2))
f = torch.arange(513) * sr / 1024; hi, lo = (f > 1900) & (f < 5500), f < 500
print(f'{sys.argv[1]} ({"EMA" if m.used_ema else "last"} weights)')
for l in ['Bass', 'Drums', 'Guitar', 'Piano']:
    row = [l]
    for s in (0.003, 0.01, 0.03, 0.1, 0.3):
        xn = s * torch.randn(4, 4 * sr)
        P, Pn = power(m.denoise(xn, torch.full((4,), s), m.encode([l] * 4))), power(xn)
        row.append(f'sigma {s}: HF {10 * torch.log10(P[hi].sum() / Pn[hi].sum()):.1f} dB, LF {10 * torch.log10(P[lo].sum() / Pn[lo].sum()):.1f} dB')
    print(' | '.join(row), flush=True)
