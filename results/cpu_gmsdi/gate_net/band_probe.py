"""Total and partial generation as the generation chapter makes them (w 3, the paper's negative prompts, ADPM2 100
steps, seed 0, gamma_x = gamma_y = 0): total generation of 8 four-stem bands of 4 s, and an accompaniment (drums,
guitar, piano) of 4 real bass lines of 4 s. Levels and log-mel Frechet distances of each source to real SPLIT clips of
its stem and of each mix to real four-stem mixtures.

    python results/cpu_gmsdi/gate_net/band_probe.py MODEL DATA SPLIT TRACK_NOISE(1|0) [RESCALE]

TRACK_NOISE 1: each denoiser is told the noise level its signal carries (the noise twin, gensep's default since
2026-12-06); 0: told sigma, as before (and as the paper). RESCALE: the guidance rescale (default
gensep.generation.DEFAULT_RESCALE; 0: the paper's plain guidance).
"""
import sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import DEFAULT_RESCALE, SamplerSettings, accompany, generate_total, real_clips
from gensep.frechet import frame_level_range, frechet_audio_distance, level_dbfs

model_dir, data, split, track = sys.argv[1], sys.argv[2], sys.argv[3], bool(int(sys.argv[4]))
rescale = float(sys.argv[5]) if len(sys.argv) > 5 else DEFAULT_RESCALE
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); track_noise {track}, w 3, rescale {rescale:g}, "
      f"negatives 'seed', ADPM2 100 steps, gamma_x = gamma_y = 0, {split}", flush=True)
real = {l: real_clips(data, l, split, n=8, seconds=4.0, sample_rate=sr, seed=0) for l in LABELS}
real['mix'] = real_clips(data, ', '.join(LABELS), split, n=8, seconds=4.0, sample_rate=sr, seed=0)
st = SamplerSettings('adpm2', 100)
row = lambda name, x, r: print(f"{name},{np.median([level_dbfs(c) for c in x]):.1f},{np.median([level_dbfs(c) for c in r]):.1f},"
                               f"{frechet_audio_distance(r, x, sr):.1f},{frame_level_range(list(x), sr):.1f}", flush=True)
print('signal,median_level_dbfs,real_median_level_dbfs,fd,level_range_db')
t0 = time.time()
tot = generate_total(model, [l.capitalize() for l in LABELS], 8, 4.0, 3.0, 'seed', gamma_x=0.0, gamma_y=0.0, settings=st, seed=0, track_noise=track, rescale=rescale)
total_s = time.time() - t0
for p, x in tot['sources'].items(): row(f'total {p.lower()}', x, real[p.lower()])
row('total mix', tot['mix'], real['mix'])
t0 = time.time()
acc = accompany(model, {'Bass': real['bass'][:4]}, ['Drums', 'Guitar', 'Piano'], n=4, w=3.0, negatives='seed', settings=st, seed=0, track_noise=track, rescale=rescale)
partial_s = time.time() - t0
for p in ('Drums', 'Guitar', 'Piano'): row(f'partial {p.lower()}', acc['sources'][p], real[p.lower()])
row('partial mix', acc['mix'], real['mix'])
print(f"# total {total_s:.0f} s, partial {partial_s:.0f} s")
