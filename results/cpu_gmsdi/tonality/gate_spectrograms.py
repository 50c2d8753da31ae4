"""Spectrograms of real test guitar and piano, and of the cpu profile's generated guitar and piano with plain sampling
and with the spectral gate of `spectral_gate_lib.py` (kappa 1 below sigma 0.1): two clips of 4 s each, w 3, ADPM2
50 steps, seed 0, 0-3 kHz, dB.

    python results/cpu_gmsdi/tonality/gate_spectrograms.py MODEL DATA OUT.png
"""
import sys, torch
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate, real_clips
sys.path.insert(0, __file__.rsplit('/', 1)[0]); from spectral_gate_lib import GatedSettings
from flatness import spectrogram_grid
model_dir, data, out = sys.argv[1:4]
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
rows = []
for lab in ('Guitar', 'Piano'):
    rows.append((f'real test {lab.lower()}', real_clips(data, lab, split='test', n=2, seconds=4.0, sample_rate=sr)))
    rows.append((f'generated {lab.lower()}, plain', generate(m, lab, n=2, seconds=4.0, w=3.0, settings=SamplerSettings(steps=50), seed=0)))
    rows.append((f'generated {lab.lower()}, spectral gate 1', generate(m, lab, n=2, seconds=4.0, w=3.0, settings=GatedSettings(steps=50, spectral_gate=1.0), seed=0)))
spectrogram_grid(rows, sr, out)
