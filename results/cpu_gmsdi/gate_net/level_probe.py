"""Where single-stem generation loses level: the same clips (same seed) generated at several guidance settings.

    python results/cpu_gmsdi/gate_net/level_probe.py MODEL DATA STEMS SETTINGS [CLIPS [STEPS]]

STEMS: e.g. bass,piano. SETTINGS: ';'-separated w:rescale[:negative] triples, e.g. "1:0;3:0;3:0.7;3:1;3:0.7:seed"
(w 1 is the conditional denoiser alone, so its rescale does not matter; negative 'seed' is the paper's).
CLIPS clips of 4 s per stem and setting (default 4), ADPM2 with STEPS steps (default 50), generation seed 0.
Prints per stem and setting the median level (dBFS) and the frame-level spread (10th to 90th percentile of 0.1 s
frames, dB) of the generated clips, and the same for real test clips of the stem.
`../w_sweep.py` sweeps w and rescale too, for all four stems and with Frechet distances, but without the frame
spread; this probe adds the spread and picks the stems.
"""
import sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate, real_clips
from gensep.frechet import frame_level_range, level_dbfs

model_dir, data, stems = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
settings = [s.split(':') for s in sys.argv[4].split(';')]
clips = int(sys.argv[5]) if len(sys.argv) > 5 else 4
steps = int(sys.argv[6]) if len(sys.argv) > 6 else 50
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); {clips} clips of 4 s, ADPM2 {steps} steps, seed 0", flush=True)
print('stem,w,rescale,negative,median_level_dbfs,level_spread_db,seconds')
for stem in stems:
    real = real_clips(data, stem.capitalize(), 'test', n=clips, seconds=4.0, sample_rate=sr, seed=0)
    print(f"{stem},real,,,{np.median([level_dbfs(c) for c in real]):.1f},{frame_level_range(list(real), sr):.1f},", flush=True)
    for s in settings:
        w, rescale, neg = float(s[0]), float(s[1]), (s[2] if len(s) > 2 else None)
        t0 = time.time()
        x = generate(model, stem.capitalize(), n=clips, seconds=4.0, w=w, negative=neg, rescale=rescale,
                     settings=SamplerSettings('adpm2', steps), seed=0)
        print(f"{stem},{w:g},{rescale:g},{neg or 'none'},{np.median([level_dbfs(c) for c in x]):.1f},"
              f"{frame_level_range(list(x), sr):.1f},{time.time() - t0:.0f}", flush=True)
