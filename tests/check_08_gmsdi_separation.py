"""What the GMSDI separation chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import numpy as np
import pandas as pd

LABELS = ['bass', 'drums', 'guitar', 'piano']


def check(work):
    grid = pd.read_csv(work / 'table1_grid.csv')
    assert sorted(grid.method.unique()) == ['gmsdi_extractor'] + [f'gmsdi_separator_{s}' for s in LABELS]
    assert sorted(grid.w.unique()) == [1.0, 3.0, 7.5, 15.0, 24.0] and set(grid.source) == set(LABELS)
    t1 = pd.read_csv(work / 'table1.csv', index_col=0)
    assert t1.shape == (5, 5) and np.isfinite(t1.values).all(), t1
    spec = json.loads((work / 'ensemble.json').read_text())
    assert set(spec['choice']) == set(LABELS) and set(spec['choice'].values()) <= {'separator', 'extractor'}
    t2 = pd.read_csv(work / 'table2.csv', index_col=0)
    assert list(t2.index) == ['gmsdi_ensemble', f"gmsdi_separator_{spec['separator']['constrained']}", 'gmsdi_extractor', 'msdm_drums',
                              'instglow_mle', 'nmf', 'mixture', 'oracle_irm'], t2.index
    assert list(t2.columns) == LABELS + ['all']
    assert np.allclose(t2.loc['mixture', LABELS].astype(float), 0, atol=1e-3)          # SI-SDRi of the mixture itself is 0
    for s in LABELS:                                                                   # the Ensemble is the chosen rule, per stem
        src = f"gmsdi_separator_{spec['separator']['constrained']}" if spec['choice'][s] == 'separator' else 'gmsdi_extractor'
        assert t2.loc['gmsdi_ensemble', s] == t2.loc[src, s]
    s = json.loads((work / 'summary.json').read_text())
    assert s['profile'] == 'ci' and all(v > 0 for v in s['s_per_12s'].values()) and set(s['ensemble_above_zero']) == set(LABELS)
    for m in ('gmsdi_separator_drums', 'gmsdi_extractor'):
        assert sorted(p.name for p in (work / 'example' / m).iterdir()) == [f'{l}.wav' for l in LABELS]
    for png in ('trajectories.png', 'table1.png', 'table2.png'): assert (work / png).stat().st_size > 5_000, png
