"""What the adding-a-source chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import numpy as np
import pandas as pd


def check(work):
    t = pd.read_csv(work / 'table_sdr.csv', index_col=0)
    assert set(t.index) == {'mixture', 'nmf', 'instglow_mle', 'instglow_old_priors_only'}, t.index
    assert list(t.columns) == ['bass', 'drums', 'guitar', 'piano', 'all']
    # the control has no guitar or piano estimate; every method with an estimate beats the floor somewhere
    assert t.loc['instglow_old_priors_only', ['guitar', 'piano']].isna().all()
    assert (t.loc['instglow_mle', ['bass', 'drums', 'guitar', 'piano']] > t.loc['mixture', ['bass', 'drums', 'guitar', 'piano']]).all(), t
    # the old priors were trained once, the new ones are separate runs, and only the new ones changed
    assert (work / 'old_priors' / 'bass' / 'checkpoint' / 'model.safetensors').is_file()
    assert sorted(p.name for p in (work / 'new_priors').iterdir()) == ['guitar', 'piano']
    s = json.loads((work / 'summary.json').read_text())
    assert s['profile'] == 'ci' and set(s['old_prior_fingerprints']) == {'bass', 'drums'} and s['train_new_priors_s'] > 0
    est = list((work / 'estimates' / 'instglow_mle').rglob('*.wav'))
    assert len(est) == 4 * s['items'], est
    scores = pd.read_csv(work / 'scores.csv')
    assert np.isfinite(scores[scores.method == 'instglow_mle'].value).all()
