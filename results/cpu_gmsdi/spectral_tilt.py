"""Mean power spectrum of training mixtures (bass + drums + guitar + piano, first 20 cpu mini-Slakh training tracks, at
11.025 kHz) in octave bands (dB, mean power per STFT bin; bands 20-62, 62-125, 125-250, 250-500, 500-1k, 1-2k, 2-4k,
4-5.5k Hz), as they are (a=0) and after the pre-emphasis x[n] - a x[n-1] scaled to keep white noise's power; "std ratio":
RMS after / before. What chose `DiffusionConfig.emphasis` 0.8 and its gain 1.8 (= 1 / (0.4325 sqrt(1.64)), which keeps the
mixtures' power). From the folder holding data/:
    main/.venv/bin/python main/results/cpu_gmsdi/spectral_tilt.py > main/results/cpu_gmsdi/spectral_tilt.txt
"""
import torch, torchaudio, glob, math
from gensep.audio import load_audio
P = 0; n = 0
for t in sorted(glob.glob('data/mini/train/*'))[:20]:
    x = sum(load_audio(f"{t}/{s}.wav") for s in ('bass','drums','guitar','piano'))
    x = torchaudio.functional.resample(x, 22050, 11025)
    S = torch.stft(x, 1024, 256, window=torch.hann_window(1024), return_complex=True).abs().pow(2).mean(1)
    P = P + S; n += 1
P = P / n; f = torch.linspace(0, 5512.5, P.numel())
edges = [20, 62, 125, 250, 500, 1000, 2000, 4000, 5500]
for a in (0, 0.7, 0.8, 0.9, 0.95):
    H = (1 - a * torch.exp(-1j * 2 * math.pi * f / 11025)).abs().pow(2) / (1 + a * a)
    Q = P * H
    row = [10 * math.log10(Q[(f >= lo) & (f < hi)].mean()) for lo, hi in zip(edges, edges[1:])]
    print(f"a={a}: " + ' '.join(f"{v:6.1f}" for v in row), ' std ratio', (Q.sum() / P.sum()).sqrt().item())
