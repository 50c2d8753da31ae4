"""What masking the song's own channels costs or gains against mono output, on stereo 44.1 kHz mini-Slakh mixtures.

Run from the folder that holds data/mini and the priors (relative paths), e.g.
    .venv/bin/python results/cpu_song/stereo_sdr.py data/mini runs/ch08_cpu/08_gmsdi_separation/priors [fast] > results/cpu_song/stereo_sdr.txt
Each test track's first 10 s: the four Slakh-like stems panned apart with constant-power panning (bass 0.5, drums 0.4,
guitar 0.15, piano 0.85; 0 = left), resampled to 44.1 kHz, summed into a stereo song. InstGlow-MLE separates the song's
mid signal at 22.05 kHz once; the same estimates are then scored three ways (median global SDR over tracks, dB):
  mono:    the 22.05 kHz mono estimates against the mid signal's stems (how every table of this project scores);
  dual:    the mono estimates, resampled to 44.1 kHz and copied to both channels, against the stereo stems;
  masks:   gensep.songs.apply_masks: the estimates' ratio masks applied to both channels at 44.1 kHz (what
           `gensep separate` writes), against the stereo stems.
"""
import math, sys, time, torch, torchaudio, pandas as pd
from gensep.core import format_machine, machine_info
from gensep.data import list_tracks
from gensep.instglow import InstGlow, load_priors
from gensep.metrics import sdr_global
from gensep.songs import apply_masks

data, priors_dir = sys.argv[1], sys.argv[2]
fast = dict(iters=30, lr=0.1) if 'fast' in sys.argv[3:] else {}
SECONDS, SR, SOURCES = 10.0, 44100, ['bass', 'drums', 'guitar', 'piano']
PAN = dict(bass=0.5, drums=0.4, guitar=0.15, piano=0.85)
print(format_machine(machine_info()), '| InstGlow', fast or 'paper setting (150 it, lr 0.01)', flush=True)
sep = InstGlow(load_priors(priors_dir, SOURCES), progress_bar=False, **fast)
up = lambda x: torchaudio.functional.resample(x, 22050, SR)
rows = []
for t in list_tracks(data, 'test'):
    stems = {s: r[:round(SECONDS * 22050)] for s, r in t.sources('slakh').items()}
    refs = {s: torch.stack([math.cos(PAN[s] * math.pi / 2) * up(x), math.sin(PAN[s] * math.pi / 2) * up(x)]) for s, x in stems.items()}
    song = sum(refs.values())                                             # (2, T) at 44.1 kHz
    mid = torchaudio.functional.resample(song.mean(0), SR, 22050)
    mid_refs = {s: torchaudio.functional.resample(r.mean(0), SR, 22050) for s, r in refs.items()}
    t0 = time.perf_counter(); est = sep.separate(mid, SOURCES); took = time.perf_counter() - t0
    masked = apply_masks(song, SR, torch.stack([est[s] for s in SOURCES]))
    for i, s in enumerate(SOURCES):
        dual = up(est[s])[:song.shape[1]].expand(2, -1)
        rows.append(dict(track=t.name, source=s, mono=float(sdr_global(mid_refs[s], est[s])),
                         dual=float(sdr_global(refs[s].flatten(), dual.flatten())),
                         masks=float(sdr_global(refs[s].flatten(), masked[i].flatten()))))
    print(f"{t.name}: separated in {took:.0f} s; stems add up to the song within {float((masked.sum(0) - song).abs().max()):.1e}", flush=True)
df = pd.DataFrame(rows)
print(df.groupby('source', sort=False)[['mono', 'dual', 'masks']].median().T.assign(mean=lambda d: d.mean(1)).round(2).to_string())
