"""Validation loss of trained diffusion runs, last vs EMA weights, on the same valid items for every run.

    python results/cpu_gmsdi/valid_table.py --data data/mini runs/gmsdi_all runs/gmsdi_nosingles > valid_table.csv

The loss is `mean_validation_metrics` (EDM loss at five fixed noise levels, fixed noise) averaged over
the non-overlapping windows of the valid split, built once with subsets='all' (single stems included) and once
with 'no-singles', so that runs trained on different subsets are compared on identical items.
"""
import argparse
from pathlib import Path
from gensep.data import MixtureDataset, list_tracks
from gensep.diffusion import load_diffusion, mean_validation_metrics

ap = argparse.ArgumentParser()
ap.add_argument('runs', nargs='+')
ap.add_argument('--data', required=True)
a = ap.parse_args()
print('run,weights,valid_items,loss,' + ','.join(f'loss_sigma{i}' for i in range(5)))
for run in a.runs:
    for ema in (False, True):
        m = load_diffusion(run, ema=ema, device='cpu'); cfg = m.cfg
        for subsets in ('all', 'no-singles'):
            ds = MixtureDataset(list_tracks(a.data, 'valid'), labels=cfg.conditioner['labels'], samples=cfg.window,
                                sample_rate=cfg.sample_rate, subsets=subsets, mode='chunks', seed=0)
            r = mean_validation_metrics(m, ds)
            print(f"{Path(run).name},{'EMA' if ema else 'last'},{subsets},{r['loss']:.4f}," +
                  ','.join(f"{r[f'loss_sigma{i}']:.4f}" for i in range(5)), flush=True)
