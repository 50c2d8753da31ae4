"""InstGlow-MLE speed-ups against the paper's setting on the mini-Slakh test split (Slakh-like sources).

Run from the folder that holds data/mini and the priors (relative paths), e.g.
    .venv/bin/python results/cpu_song/instglow_speed.py data/mini runs/ch08_cpu/08_gmsdi_separation/priors > results/cpu_song/instglow_speed.txt
Prints one row per variant: median global SDR per stem over the first `SECONDS` of every test track, and the
compute time per second of audio (wall time of separate(), this machine).
"""
import sys, time, torch, pandas as pd
from gensep.core import format_machine, machine_info
from gensep.data import list_tracks
from gensep.instglow import InstGlow, load_priors
from gensep.metrics import sdr_global

data, priors_dir = sys.argv[1], sys.argv[2]
SECONDS, SOURCES = 10.0, ['bass', 'drums', 'guitar', 'piano']
VARIANTS = {   # name: InstGlow keyword arguments
    'paper (zeros, lr 0.01 constant, 150 it)': dict(iters=150, lr=0.01),
    'zeros, lr 0.05 cosine, 30 it': dict(iters=30, lr=0.05, schedule='cosine'),
    'zeros, lr 0.03 cosine, 40 it': dict(iters=40, lr=0.03, schedule='cosine'),
    'zeros, lr 0.05 constant, 30 it': dict(iters=30, lr=0.05),
    'zeros, lr 0.01 constant, 30 it': dict(iters=30, lr=0.01),
    'zeros, lr 0.1 constant, 30 it': dict(iters=30, lr=0.1),
    'zeros, lr 0.05 constant, 60 it': dict(iters=60, lr=0.05),
    'equal shares, lr 0.01 constant, 30 it': dict(iters=30, lr=0.01, init='equal'),
    'zeros, lr 0.1 constant, betas (0.5, 0.99), 30 it': dict(iters=30, lr=0.1, betas=(0.5, 0.99)),
    'zeros, lr 0.01 constant, 100 it': dict(iters=100, lr=0.01),
    'zeros, lr 0.02 constant, 60 it': dict(iters=60, lr=0.02),
}
if len(sys.argv) > 3: VARIANTS = {k: v for k, v in VARIANTS.items() if any(s in k for s in sys.argv[3:])}
print(format_machine(machine_info()), f'torch threads: {torch.get_num_threads()}', flush=True)
priors = load_priors(priors_dir, SOURCES)
items = []
for t in list_tracks(data, 'test'):
    refs = {s: r[:round(SECONDS * 22050)] for s, r in t.sources('slakh').items()}
    items.append((t.name, torch.stack(list(refs.values())).sum(0), refs))
rows = []
for name, kw in VARIANTS.items():
    sep = InstGlow(priors, progress_bar=False, **kw); wall, audio = 0.0, 0.0
    for track, mix, refs in items:
        t0 = time.perf_counter(); est = sep.separate(mix, SOURCES); wall += time.perf_counter() - t0; audio += mix.shape[0] / 22050
        rows.append(dict(variant=name, track=track, **{s: float(sdr_global(refs[s], est[s])) for s in SOURCES}))
    med = pd.DataFrame([r for r in rows if r['variant'] == name])[SOURCES].median()
    print(f"{name}: " + ', '.join(f'{s} {med[s]:.2f}' for s in SOURCES) + f", mean {med.mean():.2f} dB; "
          f"{wall / audio:.2f} s of compute per s of audio ({wall:.0f} s for {audio:.0f} s)", flush=True)
df = pd.DataFrame(rows)
print(df.groupby('variant', sort=False)[SOURCES].median().round(2).to_string())
