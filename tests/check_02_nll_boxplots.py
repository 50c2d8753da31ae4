"""What the NLL box-plot chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import math
import numpy as np
import pandas as pd

CLASSES = ['vocals', 'bass', 'drums', 'other', 'guitar', 'piano']


def check(work):
    # every test segment of every class scored by every one of the six priors
    nll = pd.read_csv(work / 'nll.csv')
    assert {'class', 'segment', 'prior', 'nll_nats', 'nll_bits', 'rms_db'} <= set(nll.columns), nll.columns
    assert list(nll['class'].unique()) == CLASSES and list(nll.prior.unique()) == CLASSES
    per_seg = nll.groupby(['class', 'segment']).prior.agg(['nunique', 'size'])
    assert (per_seg['nunique'] == 6).all() and (per_seg['size'] == 6).all(), per_seg
    assert nll.segment.str.fullmatch(r'track\d+@\d+').all(), nll.segment.head()
    assert np.isfinite(nll[['nll_nats', 'nll_bits', 'rms_db']].values).all()
    assert np.allclose(nll.nll_bits, nll.nll_nats / math.log(2))
    assert (nll.rms_db >= -50).all()                               # silent segments were dropped
    wide = nll.pivot(index=['class', 'segment'], columns='prior', values='nll_nats')
    assert wide.std().min() > 0                                    # the priors really scored different segments

    # the own-prior rate, recomputed here from nll.csv
    rate = pd.read_csv(work / 'own_prior_rate.csv', index_col='class')
    assert list(rate.index) == CLASSES
    assert ((rate.rate >= 0) & (rate.rate <= 1)).all() and np.allclose(rate.chance, 1 / 6)
    best = wide.idxmin(axis=1)
    own = (best == best.index.get_level_values('class')).groupby(level='class').mean()
    assert np.allclose(rate.rate, own.reindex(CLASSES)), (rate.rate, own)
    assert (rate.segments == per_seg.groupby(level='class').size().reindex(CLASSES)).all()
    assert ((rate.mean_rank >= 1) & (rate.mean_rank <= 6)).all()

    conf = pd.read_csv(work / 'confusion.csv', index_col=0)
    assert list(conf.index) == CLASSES and list(conf.columns) == CLASSES
    assert (conf.sum(axis=1) == rate.segments).all() and (np.diag(conf.values) == rate.own_best).all()

    corr = pd.read_csv(work / 'correlation.csv', index_col=[0, 1])
    assert set(corr.index.get_level_values(0)) == {'all segments', 'within class'} and list(corr.columns) == CLASSES
    assert np.allclose(np.diag(corr.loc['all segments'].loc[CLASSES, CLASSES].values), 1)

    # the training benchmark: six runs of the ci profile's 20 steps of 4 segments
    tr = pd.read_csv(work / 'training.csv', index_col='run')
    assert list(tr.index) == CLASSES
    assert (tr.steps == 20).all() and (tr.batch_size == 4).all() and (tr.parallel_jobs == 2).all()
    assert (tr.time_s > 0).all() and (tr.segments_per_s > 0).all() and np.isfinite(tr.valid_loss).all()
    for s in CLASSES: assert (work / 'priors' / s / 'checkpoint' / 'config.json').is_file()

    for png in ('nll_boxplot.png', 'training_curves.png'): assert (work / png).stat().st_size > 10_000, png
    summary = json.loads((work / 'summary.json').read_text())
    assert summary['profile'] == 'ci' and summary['trained_here'] and summary['classes'] == CLASSES
    assert math.isclose(summary['mean_own_prior_rate'], rate.rate.mean()) and math.isclose(summary['chance'], 1 / 6)
    assert -1 <= summary['mean_correlation'] <= 1 and summary['test_segments'] == rate.segments.to_dict()
