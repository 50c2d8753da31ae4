"""Spectrograms of real test guitar and piano beside each given model's generated guitar and piano: two clips of 4 s
per row, w 3, ADPM2 50 steps, seed 0, 0-3 kHz, dB (the figures of the gate's README, for any models).

    python results/cpu_gmsdi/gate_net/spectrograms.py DATA OUT.png MODEL [MODEL ...]
"""
import sys, torch, matplotlib
matplotlib.use('Agg'); import matplotlib.pyplot as plt
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate, real_clips
data, out, models = sys.argv[1], sys.argv[2], sys.argv[3:]
ms = [(d, load_diffusion(d, device='cpu')) for d in models]; sr = ms[0][1].sample_rate
rows = []
for lab in ('Guitar', 'Piano'):
    rows.append((f'real test {lab.lower()}', real_clips(data, lab, split='test', n=2, seconds=4.0, sample_rate=sr)))
    for d, m in ms:
        rows.append((f'{lab.lower()}: {d.rstrip("/").rsplit("/", 1)[-1]} ({m.meta.get("step")} steps)',
                     generate(m, lab, n=2, seconds=4.0, w=3.0, settings=SamplerSettings(steps=50), seed=0)))
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
