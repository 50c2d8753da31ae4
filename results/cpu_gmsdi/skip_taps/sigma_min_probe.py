"""Single stems generated with the sampler stopping at other sigma_min (the lowest noise level above 0; 1e-4 by default):
level (dBFS, mean of 8 clips of 4 s), 10th-90th percentile spread of 0.1 s frame levels (dB), Frechet distance to each real class.

    python results/cpu_gmsdi/skip_taps/sigma_min_probe.py runs/gmsdi_skip15 SPLIT 10 1e-4,3e-3 Bass,Drums,Guitar,Piano
"""
import sys, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate, SamplerSettings, real_clips
from gensep.frechet import frechet_audio_distance, frame_level_range, level_dbfs
torch.set_grad_enabled(False)
model = load_diffusion(sys.argv[1], ema=True, device='cpu'); sr = model.sample_rate
split = sys.argv[2]; w = float(sys.argv[3])
labels = ['Bass', 'Drums', 'Guitar', 'Piano']
real = {l: real_clips('data/mini', l, n=8, seconds=4.0, sample_rate=sr, split=split) for l in labels}
for smin in [float(v) for v in sys.argv[4].split(',')]:
    for l in sys.argv[5].split(','):
        g = generate(model, l, n=8, seconds=4.0, w=w, settings=SamplerSettings(steps=50, sigma_min=smin), seed=0)
        fds = {m: round(frechet_audio_distance(list(real[m]), list(g), sr)) for m in labels}
        print(f'smin {smin:g} {l}: level {sum(level_dbfs(x) for x in g)/8:.1f} range {frame_level_range(list(g), sr):.1f} fd {fds}', flush=True)
