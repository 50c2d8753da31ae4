"""Partial generation as the generation chapter makes it (w 3, the paper's negative prompts, ADPM2 100 steps, seed 0):
drums, guitar and piano for 4 real bass lines of 4 s of SPLIT, tied with the given coupling; levels and log-mel
Frechet distances of each generated source to real clips of its stem and of the mix to real four-stem mixtures, with
the references and settings of ../gate_net/band_probe.py's partial rows.

    python results/cpu_gmsdi/band_coherence/partial_probe.py MODEL DATA SPLIT RESCALE COUPLING
"""
import sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import SamplerSettings, accompany, real_clips
from gensep.frechet import frame_level_range, frechet_audio_distance, level_dbfs

model_dir, data, split, rescale, coupling = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), sys.argv[5]
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); w 3, rescale {rescale:g}, coupling {coupling}, "
      f"negatives 'seed', ADPM2 100 steps, gamma_x = gamma_y = 0, {split}", flush=True)
real = {l: real_clips(data, l, split, n=8, seconds=4.0, sample_rate=sr, seed=0) for l in LABELS}
real['mix'] = real_clips(data, ', '.join(LABELS), split, n=8, seconds=4.0, sample_rate=sr, seed=0)
row = lambda name, x, r: print(f"{name},{np.median([level_dbfs(c) for c in x]):.1f},{np.median([level_dbfs(c) for c in r]):.1f},"
                               f"{frechet_audio_distance(r, x, sr):.1f},{frame_level_range(list(x), sr):.1f}", flush=True)
print('signal,median_level_dbfs,real_median_level_dbfs,fd,level_range_db')
t0 = time.time()
acc = accompany(model, {'Bass': real['bass'][:4]}, ['Drums', 'Guitar', 'Piano'], n=4, w=3.0, negatives='seed',
                settings=SamplerSettings('adpm2', 100), seed=0, rescale=rescale, coupling=coupling)
for p in ('Drums', 'Guitar', 'Piano'): row(f'partial {p.lower()}', acc['sources'][p], real[p.lower()])
row('partial mix', acc['mix'], real['mix'])
print(f"# partial {time.time() - t0:.0f} s")
