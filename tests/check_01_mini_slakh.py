"""What the mini-Slakh chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import pandas as pd


def check(work):
    for name, stems in (('musdb', ['vocals', 'bass', 'drums', 'other', 'accompaniment']),
                        ('slakh', ['bass', 'drums', 'guitar', 'piano'])):
        t = pd.read_csv(work / f'table_sdr_{name}.csv', index_col=0)
        assert list(t.columns) == stems + ['all'], t.columns
        assert set(t.index) == {'mixture', 'nmf', 'oracle_irm', 'oracle_wiener'}
        # the floor, NMF and the ceiling come out in the order they must
        assert t.loc['mixture', 'all'] < t.loc['nmf', 'all'] < t.loc['oracle_irm', 'all'] < t.loc['oracle_wiener', 'all'], t
    # the fitted NMF baselines are kept for the later chapters (their nmf_dir), with what they were fitted on
    from gensep.baselines import nmf_baseline
    from gensep.data import list_tracks
    from gensep.core import get_profile
    for name in ('musdb', 'slakh'):
        nmf = nmf_baseline(list_tracks(work / 'data', 'train'), name, **get_profile('ci').nmf, load_from=work / 'nmf' / name)
        assert nmf.meta['setting'] == name and bool(nmf.fitted)
    scores = pd.read_csv(work / 'baselines.csv')
    assert {'method', 'track', 'source', 'metric', 'value', 'setting'} <= set(scores.columns)
    assert set(scores.metric) == {'sdr_global', 'sdr_v4_median', 'si_sdri'}
    assert (work / 'baselines.png').stat().st_size > 10_000
    assert json.loads((work / 'summary.json').read_text())['profile'] == 'ci'
