"""One denoiser call on real test clips plus noise of std sigma (EMA weights, the clip's own label): mean log-mel of
the top 24 of 64 bands for the real, the noisy and the denoised clips. The noise is added in the model's signal
domain (`DiffusionModel.to_model`; the audio itself unless the model diffuses pre-emphasised audio), and the
noisy and denoised clips are scored as audio.

    python results/cpu_gmsdi/denoiser_hf.py runs/gmsdi_all data/mini > denoiser_hf.txt
    python results/cpu_gmsdi/denoiser_hf.py RUN data/mini last Bass,Drums,Guitar,Piano   # last weights, other labels
"""
import sys, torch
from gensep.diffusion import load_diffusion
from gensep.generation import real_clips
from gensep.frechet import LogMelFrames
torch.set_grad_enabled(False); torch.manual_seed(0)
ema = not (len(sys.argv) > 3 and sys.argv[3] == 'last')
labels = sys.argv[4].split(',') if len(sys.argv) > 4 else ['Bass', 'Piano']
m = load_diffusion(sys.argv[1], ema=ema, device='cpu'); sr = m.sample_rate
emb = LogMelFrames(sample_rate=sr)
hf = lambda x: emb.embed(list(x), sr).mean(0)[40:].mean().item()
for l in labels:
    x0 = real_clips(sys.argv[2], l, n=8, seconds=4.0, sample_rate=sr)
    row = [f'{l}: real HF {hf(x0):.2f}']
    for s in (0.01, 0.03, 0.1, 0.3):
        un = m.to_model(x0) + s * torch.randn_like(x0)
        xn, d = m.to_audio(un), m.to_audio(m.denoise(un, torch.full((len(x0),), s), m.encode([l] * len(x0))))
        row.append(f'sigma {s}: noisy {hf(xn):.2f} denoised {hf(d):.2f}')
    print(' | '.join(row), flush=True)
