"""What the `postfilter` of the diffusion separators does, measured on the excerpts of Tables 1 and 2: each method
samples once per excerpt, and its stems are scored as sampled (`raw`), and shared out of the mixture by ratio masks
(`mask`: |S_k| / sum_j |S_j|; `wiener`: squared) with `gensep.gmsdi.mask_stems`, exactly as `postfilter='mask'` /
`'wiener'` would return them. For the Extractor also: `residual X` (stem X replaced by the mixture minus the three
other stems, `GMSDIExtractor(..., residual=X)`) and `consistent` (the mixture's remainder shared equally).
Mean SI-SDRi (dB, MSDM windows) per stem on the validation excerpts (the second 6 s of each validation track) and
the test excerpts (the first two 6 s of each test track).

    python results/cpu_gmsdi_separation/postfilter_probe.py --data data/mini --model runs/gmsdi_all --msdm runs/msdm \
        --methods extractor:3 separator:guitar:1 separator:drums:1 msdm:drums:1

A method is extractor:W, separator:CONSTRAINED:W[:matched] (the constrained source asked at its real noise level)
or msdm:CONSTRAINED:W (needs --msdm).
"""
import argparse, time
import pandas as pd
import torch
from gensep.audio import SAMPLE_RATE
from gensep.core import format_machine
from gensep.data import list_tracks, eval_items
from gensep.diffusion import load_diffusion
from gensep.gmsdi import GMSDIExtractor, GMSDISeparator, MSDMSeparator, SeparationSampling, load_msdm, mask_stems, POSTFILTER_POWER
from gensep.metrics import si_sdri_windows

p = argparse.ArgumentParser()
p.add_argument('--data', required=True); p.add_argument('--model', required=True); p.add_argument('--msdm')
p.add_argument('--methods', nargs='+', default=['extractor:3']); p.add_argument('--seconds', type=float, default=6.0)
p.add_argument('--steps', type=int, default=25); p.add_argument('--seed', type=int, default=0)
p.add_argument('--sigma-min', type=float, default=SeparationSampling.sigma_min, help="the last noise level of the Karras schedule (default: the separators')")
a = p.parse_args()
S = ['bass', 'drums', 'guitar', 'piano']
model = load_diffusion(a.model)
msdm = load_msdm(a.msdm, S) if a.msdm else None
splits = {'valid': [it for it in eval_items(list_tracks(a.data, 'valid'), 'slakh', chunk_seconds=a.seconds) if it[0].endswith('@01')],
          'test': [it for it in eval_items(list_tracks(a.data, 'test'), 'slakh', chunk_seconds=a.seconds) if int(it[0].split('@')[1]) < 2]}
print(format_machine()); print(f"model {a.model} ({model.meta.get('step')} steps); {a.steps} Euler steps (s_churn 20, sigma_min {a.sigma_min:g}), seed {a.seed}")
kw = dict(steps=a.steps, seed=a.seed, sigma_min=a.sigma_min, progress_bar=False)

def make(spec):
    kind, *args = spec.split(':')
    if kind == 'extractor': return GMSDIExtractor(model, w=float(args[0]), negatives='seed', **kw)
    if kind == 'separator': return GMSDISeparator(model, args[0], w=float(args[1]), matched=args[2:] == ['matched'], **kw)
    if kind == 'msdm': return MSDMSeparator(msdm, args[0], w=float(args[1]), **kw)
    raise SystemExit(f"unknown method {spec}")

rows = []
for spec in a.methods:
    sep = make(spec); band = sep.sample_rate / 2
    for split, items in splits.items():
        t0 = time.time()
        for name, mix, refs in items:
            est = sep.separate(mix, S); E = torch.stack([est[s] for s in S])
            row = lambda v, e, only=None: rows.append(dict(split=split, method=spec, item=name, variant=v,
                                                           **{k: x for k, x in si_sdri_windows(refs, e, mix).items() if only in (None, k)}))
            row('raw', est)
            for v, pw in POSTFILTER_POWER.items(): row(v, dict(zip(S, mask_stems(mix, E, SAMPLE_RATE, band_hz=band, power=pw))))
            if spec.startswith('extractor'):
                row('consistent', dict(zip(S, E + (mix - E.sum(0)) / len(S))))
                for r in S: row(f'residual {r}', {**est, r: mix - sum(est[s] for s in S if s != r)}, only=r)
        print(f"{spec} {split}: {len(items)} excerpts in {time.time() - t0:.0f} s", flush=True)
df = pd.DataFrame(rows)
t = df.groupby(['split', 'method', 'variant'], sort=False)[S].mean()
t['all'] = t.mean(axis=1, skipna=False)
pd.set_option('display.width', 200)
print(t.round(2).to_string())
