"""Spectrograms of real test guitar and piano, and of the cpu profile's generated guitar and piano with plain sampling
and with the spectral gate of `spectral_gate_lib.py` (kappa 1 below sigma 0.1): two clips of 4 s each, w 3, ADPM2
50 steps, seed 0, 0-3 kHz, dB.

    python results/cpu_gmsdi/tonality/gate_spectrograms.py MODEL DATA OUT.png
"""
import sys, torch, matplotlib
matplotlib.use('Agg'); import matplotlib.pyplot as plt
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate, real_clips
sys.path.insert(0, __file__.rsplit('/', 1)[0]); from spectral_gate_lib import GatedSettings
model_dir, data, out = sys.argv[1:4]
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
rows = []
for lab in ('Guitar', 'Piano'):
    rows.append((f'real test {lab.lower()}', real_clips(data, lab, split='test', n=2, seconds=4.0, sample_rate=sr)))
    rows.append((f'generated {lab.lower()}, plain', generate(m, lab, n=2, seconds=4.0, w=3.0, settings=SamplerSettings(steps=50), seed=0)))
    rows.append((f'generated {lab.lower()}, spectral gate 1', generate(m, lab, n=2, seconds=4.0, w=3.0, settings=GatedSettings(steps=50, spectral_gate=1.0), seed=0)))
fig, ax = plt.subplots(len(rows), 2, figsize=(12, 2.6 * len(rows)))
top = round(3000 / sr * 1024)
for (name, clips), axr in zip(rows, ax):
    for x, a in zip(clips, axr):
        S = torch.stft(x.float(), 1024, 256, window=torch.hann_window(1024), return_complex=True).abs().square()
        a.imshow(10 * torch.log10(S[:top] + 1e-10), origin='lower', aspect='auto', vmin=-60, vmax=30, extent=[0, 4, 0, top * sr / 1024])
        a.set_title(name); a.set_ylabel('Hz')
for a in ax[-1]: a.set_xlabel('s')
plt.tight_layout(); plt.savefig(out, dpi=60)
print(f'wrote {out}')
