"""Guidance rescale on total and partial generation (EMA weights, ADPM2 50 steps, the paper's negative prompts, as in
the generation chapter): for each rescale value, CLIPS coherent 4-source bands of 4 s (`generate_total`) and
accompaniments of min(CLIPS, 4) real bass lines (`accompany`, drums, guitar and piano generated); per signal the median
level (dBFS) and the log-mel Frechet distance to the real clips of every class of one split and to real 4-stem
mixtures; `closest` is the nearest real class (stems only).

    python results/cpu_gmsdi/rescale_total.py MODEL DATA SPLIT CLIPS W "0,0.7" [SEED] > rescale_total_SPLIT.csv
"""
import sys, time, numpy as np, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate_total, accompany, SamplerSettings, real_clips
from gensep.frechet import frechet_audio_distance, level_dbfs
torch.set_grad_enabled(False)
if len(sys.argv) < 7: sys.exit(__doc__)
model_dir, data, split, clips, w = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
rescales = [float(r) for r in sys.argv[6].split(',')]
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
labels = ['Bass', 'Drums', 'Guitar', 'Piano']
real = {l: real_clips(data, l, split=split, n=clips, seconds=4.0, sample_rate=sr) for l in labels}
real['mix'] = real_clips(data, ', '.join(labels), split=split, n=clips, seconds=4.0, sample_rate=sr)
st = SamplerSettings(steps=50)
print('rescale,kind,signal,median_level_dbfs,' + ','.join(f'fd_to_{l.lower()}' for l in [*labels, 'mix']) + ',closest,seconds', flush=True)

def row(phi, kind, name, x, secs):
    fds = {m: frechet_audio_distance(list(real[m]), list(x), sr) for m in [*labels, 'mix']}
    close = min(labels, key=fds.get).lower() if name != 'mix' else ''
    lev = float(np.median([level_dbfs(c) for c in x]))
    print(f'{phi:g},{kind},{name.lower()},{lev:.1f},' + ','.join(f'{fds[m]:.1f}' for m in [*labels, 'mix']) + f',{close},{secs:.0f}', flush=True)

for phi in rescales:
    t0 = time.time()
    tot = generate_total(model, labels, clips, 4.0, w, 'seed', settings=st, seed=seed, rescale=phi)
    secs = time.time() - t0
    for p, x in tot['sources'].items(): row(phi, 'total', p, x, secs)
    row(phi, 'total', 'mix', tot['mix'], secs)
    bass = real['Bass'][:min(clips, 4)]
    t0 = time.time()
    acc = accompany(model, {'Bass': bass}, labels[1:], n=len(bass), w=w, negatives='seed', settings=st, seed=seed, rescale=phi)
    secs = time.time() - t0
    for p in labels[1:]: row(phi, 'partial', p, acc['sources'][p], secs)
    row(phi, 'partial', 'mix', acc['mix'], secs)
