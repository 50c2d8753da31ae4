"""Spectrograms of real test guitar and piano beside each given model's generated guitar and piano: two clips of 4 s
per row, w 3, ADPM2 50 steps, seed 0, 0-3 kHz, dB (the figures of the gate's README, for any models).

    python results/cpu_gmsdi/gate_net/spectrograms.py DATA OUT.png MODEL [MODEL ...]
"""
import sys, torch
sys.path.insert(0, __file__.rsplit('/', 2)[0] + '/tonality'); from flatness import spectrogram_grid
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
spectrogram_grid(rows, sr, out)
