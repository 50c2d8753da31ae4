"""What the InstGlow separation chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import numpy as np
import pandas as pd
import soundfile as sf

SOURCES = ['bass', 'drums', 'guitar', 'piano']
METHODS = ['mixture', 'nmf', 'instglow_mle', 'instglow_map0.5', 'oracle_irm']
ITERS = 10  # the ci profile's separation iterations


def _wav(path):
    x, sr = sf.read(str(path), dtype='float64')
    assert sr == 22050 and x.ndim == 1, (path, sr, x.shape)
    return x


def check(work):
    summary = json.loads((work / 'summary.json').read_text())
    assert summary['profile'] == 'ci' and summary['sources'] == SOURCES and summary['setting'] == 'slakh', summary
    assert summary['iters'] == ITERS and summary['record'][0] == 0 and summary['record'][-1] == ITERS, summary

    # audio: the mixture is the sum of the references; every separator left a finite, non-silent estimate per source
    mix = _wav(work / 'mixture.wav')
    refs = {s: _wav(work / 'references' / f'{s}.wav') for s in SOURCES}
    assert np.abs(sum(refs.values()) - mix).max() < 1e-5
    est = {}
    for m in METHODS[1:]:
        assert sorted(p.name for p in (work / 'estimates' / m).iterdir()) == sorted(f'{s}.wav' for s in SOURCES), m
        est[m] = {s: _wav(work / 'estimates' / m / f'{s}.wav') for s in SOURCES}
        for s, x in est[m].items():
            assert len(x) == len(mix) and np.isfinite(x).all() and np.sqrt((x ** 2).mean()) > 1e-4, (m, s)
    assert max(np.abs(est['instglow_mle'][s] - est['instglow_map0.5'][s]).max() for s in SOURCES) > 1e-4   # gamma matters

    # the SDR table: methods x stems + all; the floor below every method, the oracle above every method
    t = pd.read_csv(work / 'sdr.csv', index_col=0)
    assert list(t.index) == METHODS and list(t.columns) == SOURCES + ['all'], t
    assert np.isfinite(t.values).all(), t
    assert np.allclose(t['all'], t[SOURCES].mean(axis=1)), t
    for m in METHODS[1:]: assert t.loc[m, 'all'] > t.loc['mixture', 'all'], t
    for m in METHODS[:-1]: assert t.loc[m, 'all'] < t.loc['oracle_irm', 'all'], t
    assert {m: round(v['all'], 3) for m, v in summary['sdr'].items()} == t['all'].round(3).to_dict()

    # the loss terms per iteration: the likelihood falls; MAP's loss is the likelihood plus gamma x the prior terms
    tr = pd.read_csv(work / 'trajectory.csv')
    prior = [f'prior_{s}' for s in SOURCES]
    assert set(tr.columns) == {'iteration', 'loss', 'likelihood', 'method', *prior}, tr.columns
    assert set(tr.method) == {'instglow_mle', 'instglow_map0.5'}
    for m, d in tr.groupby('method'):
        assert list(d.iteration) == list(range(ITERS + 1)), (m, d.iteration)
        lk = d.likelihood.to_numpy()
        assert np.isfinite(lk).all() and (np.diff(lk) <= 1e-6).all() and lk[-1] < 0.95 * lk[0], (m, lk)
        assert summary['likelihood'][m]['first'] == lk[0] and summary['likelihood'][m]['last'] == lk[-1]
    mle, mp = tr[tr.method == 'instglow_mle'], tr[tr.method == 'instglow_map0.5']
    assert mle[prior].isna().all().all() and np.allclose(mle.loss, mle.likelihood)
    assert mp[prior].notna().all().all() and np.allclose(mp.loss, mp.likelihood + 0.5 * mp[prior].sum(axis=1), atol=1e-4)
    assert mle.likelihood.iloc[-1] < mp.likelihood.iloc[-1]      # the prior term costs some fit to the mixture

    assert (work / 'trajectory.png').stat().st_size > 20_000
    # the interactive panel was rendered as a widget in the executed notebook
    nb = json.loads((work.parent / f'{work.name}.ipynb').read_text())
    views = [o for c in nb['cells'] if c['cell_type'] == 'code' for o in c.get('outputs', [])
             if 'application/vnd.jupyter.widget-view+json' in o.get('data', {})]
    assert len(views) == 1, len(views)
