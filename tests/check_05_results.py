"""What the results chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import numpy as np
import pandas as pd

METHODS = ['instglow_mle', 'instglow_mle_wiener', 'instglow_map0.5', 'instglow_map0.5_wiener', 'nmf', 'mixture',
           'oracle_irm', 'oracle_wiener', 'mle / oracle_irm']


def check(work):
    for name, stems in (('musdb', ['vocals', 'bass', 'drums', 'other', 'accompaniment']),
                        ('slakh', ['bass', 'drums', 'guitar', 'piano'])):
        t = pd.read_csv(work / f'table_sdr_{name}.csv', index_col=0)
        assert list(t.index) == METHODS and list(t.columns) == stems + ['all'], t
        assert np.isfinite(t.values).all()
        # every real method is above the floor and below the Wiener oracle on average
        for m in METHODS[:5]:
            assert t.loc['mixture', 'all'] < t.loc[m, 'all'] < t.loc['oracle_wiener', 'all'], (name, m, t)
        np.testing.assert_allclose(t.loc['mle / oracle_irm'], t.loc['instglow_mle'] / t.loc['oracle_irm'], atol=0.02)
    s = json.loads((work / 'summary.json').read_text())
    assert s['profile'] == 'ci' and set(s['mle_beats_nmf']) == {'musdb', 'slakh'} and s['map_gamma'] == [0.5]
    assert all(v == 20 for v in s['prior_steps'].values()), s['prior_steps']
    scores = pd.read_csv(work / 'scores.csv')
    assert set(scores.metric) == {'sdr_global', 'si_sdri'} and set(scores.setting) == {'musdb', 'slakh'}
    assert (work / 'table_sdr.png').stat().st_size > 10_000 and (work / 'gamma_sweep.png').stat().st_size > 10_000
    # the estimates are kept for listening: one folder per test item, with the mixture and each method's stems
    import soundfile as sf
    for name, stems in (('musdb', ['vocals', 'bass', 'drums', 'other', 'accompaniment']),
                        ('slakh', ['bass', 'drums', 'guitar', 'piano'])):
        items = sorted((work / 'stems' / name).iterdir())
        assert len(items) == s['test_items'], items
        for m in ('instglow_mle', 'instglow_mle_wiener', 'instglow_map0.5'):
            got = sorted(f.stem for f in (items[0] / m).glob('*.wav'))
            assert got == sorted(stems), (m, got)
        mix, est = sf.read(items[0] / 'mixture.wav')[0], sf.read(items[0] / 'instglow_mle' / 'bass.wav')[0]
        assert len(mix) == len(est) and np.isfinite(est).all() and np.abs(est).max() > 0
