"""What the generated guitar is like: real training guitars split by their General MIDI program (distorted:
'Overdriven Guitar', 'Distortion Guitar'; clean: every other guitar program), against generated guitar clips.

    python results/cpu_gmsdi/guitar_modes/guitar_modes.py MODEL DATA [CLIPS [W [SEED]]]

Prints: how the judge (the stem classifier of judge_sweep.py, trained on 4 x 32 training clips per stem, seed 1) labels
real training guitars of each kind; the Frechet distance (log-mel and classifier) of the generated guitar, of the
real test guitars and of each kind of real training guitar to each kind and to the test split's classes; and the mean
level per octave band (dB, relative to each set's total) of every set.
"""
import json, sys, time
import numpy as np, torch
from pathlib import Path
from gensep.core import format_machine
from gensep.data import MixtureDataset, list_tracks
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import SamplerSettings, generate, real_clips
from gensep.frechet import fit_stem_classifier, frame_level_range, nearest_class_table
from gensep.audio import stft

model_dir, data = sys.argv[1], sys.argv[2]
clips = int(sys.argv[3]) if len(sys.argv) > 3 else 16
w = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
seed = int(sys.argv[5]) if len(sys.argv) > 5 else 0
DISTORTED = {'Overdriven Guitar', 'Distortion Guitar'}
G = LABELS.index('guitar')
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); {clips} generated guitar clips of 4 s, w {w}, seed {seed}", flush=True)

def program(t):
    m = json.loads((Path(t.path) / "metadata.json").read_text())
    return m['parts']['guitar'][0]['instrument']

def guitar_clips(tracks, n, seed=0):
    ds = MixtureDataset(tracks, labels=LABELS, samples=round(4.0 * sr), sample_rate=sr, subsets='full', mode='chunks')
    keep = [i for i, (_, _, act) in enumerate(ds.windows) if G in act]
    pick = sorted(torch.randperm(len(keep), generator=torch.Generator().manual_seed(seed))[:n].tolist())
    return [ds.stems[ds.windows[keep[j]][0]][G, ds.windows[keep[j]][1]:ds.windows[keep[j]][1] + ds.n] for j in pick]

tracks = list_tracks(data, 'train')
kind = {t.name: ('distorted' if program(t) in DISTORTED else 'clean') for t in tracks}
print(f"# training tracks with guitar: {sum(k == 'distorted' for k in kind.values())} distorted, {sum(k == 'clean' for k in kind.values())} clean", flush=True)
sets = {k: guitar_clips([t for t in tracks if kind[t.name] == k], clips, seed=0) for k in ('distorted', 'clean')}
t0 = time.time()
judge_clips = {l: list(real_clips(data, l, 'train', n=4 * 32, seconds=4.0, sample_rate=sr, seed=1)) for l in LABELS}
judge, _ = fit_stem_classifier(judge_clips, sr, steps=300, seed=0)
print(f"# classifier trained in {time.time() - t0:.0f} s", flush=True)
for k, v in sets.items():
    lab = judge.classify(v, sr)
    print(f"# real training guitars, {k}: labelled {({l: lab.count(l) for l in LABELS})}; frame spread {frame_level_range(v, sr):.1f} dB", flush=True)
ref = {l: list(real_clips(data, l, 'test', n=clips, seconds=4.0, sample_rate=sr, seed=0)) for l in LABELS}
t0 = time.time()
gen = list(generate(model, 'Guitar', n=clips, seconds=4.0, w=w, settings=SamplerSettings('adpm2', 100), seed=seed))
lab = judge.classify(gen, sr)
print(f"# generated guitar ({time.time() - t0:.0f} s): labelled {({l: lab.count(l) for l in LABELS})}; frame spread {frame_level_range(gen, sr):.1f} dB", flush=True)
refs = {**{f'train {k} guitar': v for k, v in sets.items()}, **{f'test {l}': v for l, v in ref.items()}}
cands = {'generated guitar': gen, 'test guitar': ref['guitar'], **{f'train {k} guitar': v for k, v in sets.items()}}
for name, emb in (('log-mel', 'logmel-frames'), ('classifier', judge)):
    t = nearest_class_table(refs, cands, sr, embedding=emb)
    cols = [c for c in t.columns if c.startswith('fd_to_')]
    print(f"\n## Frechet distance, {name} (rows: candidate sets; columns: reference sets)")
    print(t[cols + ['closest']].round(1).to_string())
edges = [31.25 * 2 ** i for i in range(9)]   # octave bands from 31 Hz to 8 kHz; the model's rate caps them at sr / 2
def bands(v):
    p = torch.stack([stft(x, 1024, 256).abs().square().mean(-1) for x in v]).mean(0)   # (bins,)
    f = torch.linspace(0, sr / 2, len(p))
    b = torch.stack([p[(f >= lo) & (f < min(2 * lo, sr / 2))].sum() for lo in edges if lo < sr / 2])
    return (10 * torch.log10(b / b.sum())).tolist()
print("\n## share of power per octave band, dB (band lower edges " + ', '.join(f'{e:g}' for e in edges if e < sr / 2) + " Hz)")
for name, v in cands.items(): print(f"{name:>22}: " + ' '.join(f'{x:6.1f}' for x in bands(v)))
