"""Total generation of the four stems as the generation chapter does it (w, negative prompts 'seed', ADPM2 100 steps,
8 bands of 4 s, seed 0), with gamma_x and gamma_y given: levels and log-mel Frechet distances of each source to real
SPLIT clips of its stem, and of the mix to real four-stem mixtures.

    python results/cpu_gmsdi/mix_prompt/total_probe.py MODEL DATA SPLIT GAMMA_X GAMMA_Y [W]
"""
import sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import SamplerSettings, generate_total, real_clips
from gensep.frechet import frame_level_range, frechet_audio_distance, level_dbfs

model_dir, data, split, gx, gy = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5])
w = float(sys.argv[6]) if len(sys.argv) > 6 else 3.0
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); gamma_x {gx:g}, gamma_y {gy:g}, w {w:g}, "
      f"negatives 'seed', ADPM2 100 steps, 8 bands of 4 s, {split}", flush=True)
real = {l: real_clips(data, l, split, n=8, seconds=4.0, sample_rate=sr, seed=0) for l in LABELS}
real['mix'] = real_clips(data, ', '.join(LABELS), split, n=8, seconds=4.0, sample_rate=sr, seed=0)
t0 = time.time()
tot = generate_total(model, [l.capitalize() for l in LABELS], 8, 4.0, w, 'seed', gamma_x=gx, gamma_y=gy,
                     settings=SamplerSettings('adpm2', 100), seed=0)
print(f"# {time.time() - t0:.0f} s")
print('signal,median_level_dbfs,real_median_level_dbfs,fd,level_range_db')
for name, x in [*((p.lower(), v) for p, v in tot['sources'].items()), ('mix', tot['mix']), ('y', tot['y'])]:
    r = real['mix' if name in ('mix', 'y') else name]
    print(f"{name},{np.median([level_dbfs(c) for c in x]):.1f},{np.median([level_dbfs(c) for c in r]):.1f},"
          f"{frechet_audio_distance(r, x, sr):.1f},{frame_level_range(list(x), sr):.1f}", flush=True)
