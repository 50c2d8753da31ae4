"""Guidance scale sweep for single-stem generation (EMA weights, ADPM2 50 steps, CLIPS clips of 4 s per label):
for each w and negative prompt (none; 'seed': the paper's; 'others': every other label), the clips' median level (dBFS; with an even number of clips, the upper of the two middle levels) and their log-mel Frechet
distance to the real clips of every class of one split; `closest` is the nearest real class.

    python results/cpu_gmsdi/w_sweep.py MODEL DATA SPLIT CLIPS "3,5,7.5" "none,seed" [SEED [WEIGHTS [RESCALES]]] > w_sweep_SPLIT.csv

SEED (default 0) seeds the generated clips; the real clips stay the same. WEIGHTS: ema (default) or last. RESCALES:
guidance rescale values (default "0": plain guidance; `generate(..., rescale=)`). With RESCALES given, the CSV has a
`rescale` column after `negative`.
"""
import itertools, sys, time, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate, SamplerSettings, real_clips
from gensep.frechet import frechet_audio_distance, level_dbfs
torch.set_grad_enabled(False)
model_dir, data, split, clips = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ws = [float(w) for w in sys.argv[5].split(',')]
negs = sys.argv[6].split(',') if len(sys.argv) > 6 else ['none']
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0
weights = sys.argv[8] if len(sys.argv) > 8 else 'ema'
rescales = [float(r) for r in sys.argv[9].split(',')] if len(sys.argv) > 9 else None
if weights not in ('ema', 'last'): sys.exit(f"WEIGHTS must be ema or last, got {weights!r}")
model = load_diffusion(model_dir, ema=weights == 'ema', device='cpu'); sr = model.sample_rate
labels = ['Bass', 'Drums', 'Guitar', 'Piano']
real = {l: real_clips(data, l, split=split, n=clips, seconds=4.0, sample_rate=sr) for l in labels}
print('w,negative,' + ('rescale,' if rescales else '') + 'stem,median_level_dbfs,' + ','.join(f'fd_to_{l.lower()}' for l in labels) + ',closest,own_class_closest,seconds', flush=True)
for w, neg, phi in itertools.product(ws, negs, rescales or [0.0]):
    for l in labels:
        t0 = time.time()
        negative = None if neg == 'none' else ', '.join(m for m in labels if m != l) if neg == 'others' else neg
        g = generate(model, l, n=clips, seconds=4.0, w=w, negative=negative,
                     settings=SamplerSettings(steps=50), seed=seed, rescale=phi)
        fds = {m: frechet_audio_distance(list(real[m]), list(g), sr) for m in labels}
        close = min(fds, key=fds.get)
        lev = sorted(level_dbfs(x) for x in g)[clips // 2]
        print(f'{w:g},{neg},' + (f'{phi:g},' if rescales else '') + f'{l.lower()},{lev:.1f},' + ','.join(f'{fds[m]:.1f}' for m in labels)
              + f',{close.lower()},{close == l},{time.time() - t0:.0f}', flush=True)
