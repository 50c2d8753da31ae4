"""Sampler steps for GMSDI separation at the cpu profile: 25 against 50 Euler steps (s_churn 20) for the Extractor
(w 7.5) and the Separator (drums constrained, w 3), mean SI-SDRi on the first validation excerpts.

    python results/cpu_gmsdi_separation/steps_probe.py --data data/mini --model runs/gmsdi_all [--excerpts 3]
"""
import argparse, time
import pandas as pd
from gensep.core import format_machine
from gensep.data import list_tracks, eval_items
from gensep.diffusion import load_diffusion
from gensep.gmsdi import GMSDISeparator, GMSDIExtractor
from gensep.baselines import run_separator
from gensep.metrics import summary_table

p = argparse.ArgumentParser()
p.add_argument('--data', required=True); p.add_argument('--model', required=True)
p.add_argument('--excerpts', type=int, default=3); p.add_argument('--seconds', type=float, default=6.0)
a = p.parse_args()
S = ['bass', 'drums', 'guitar', 'piano']
model = load_diffusion(a.model)
items = [it for it in eval_items(list_tracks(a.data, 'valid'), 'slakh', chunk_seconds=a.seconds) if it[0].endswith('@01')][:a.excerpts]
print(format_machine()); print(f"validation excerpts: {[n for n, _, _ in items]}")
rows = {}
for steps in (25, 50):
    for sep in (GMSDIExtractor(model, w=7.5, steps=steps, progress_bar=False), GMSDISeparator(model, 'drums', w=3.0, steps=steps, progress_bar=False)):
        t0 = time.time(); df = run_separator(sep, items, S, metrics=('si_sdri',), accompaniment=False)
        rows[(sep.name, steps)] = {**summary_table(df, 'si_sdri', 'mean').iloc[0].round(2).to_dict(), 'seconds': round(time.time() - t0, 1)}
print(pd.DataFrame.from_dict(rows, orient='index').rename_axis(['method', 'steps']).to_string())
