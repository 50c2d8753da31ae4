"""What the generation chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import numpy as np
import pandas as pd
from gensep.core import load_checkpoint
from gensep.generation import DEFAULT_RESCALE, PLAIN_RESCALE

LABELS = ['bass', 'drums', 'guitar', 'piano']


def check(work):
    single = pd.read_csv(work / 'table_single.csv', keep_default_na=False)
    assert sorted(single.stem.unique()) == LABELS and len(single) == 8, single
    assert np.isfinite(single[[f'fd_to_{l}' for l in LABELS]].values.astype(float)).all()
    assert (single.median_level_dbfs.astype(float) > -120).all()
    for c in ('level_range_db', 'real_level_range_db'):                       # spread of 0.1 s frame levels (dB)
        assert (single[c].astype(float) >= 0).all() and np.isfinite(single[c].astype(float)).all(), single[c]
    assert single.groupby('stem').real_level_range_db.nunique().eq(1).all()    # one value per real class
    total = pd.read_csv(work / 'table_total.csv')
    assert list(total.signal) == LABELS + ['mix (sum of the sources)', 'mix (sampled y)'] and total.fd.notna().all()
    fr = pd.read_csv(work / 'table_frechet.csv', index_col=0)
    assert list(fr.columns) == LABELS + ['mix'] and 'partial generation (given bass)' in fr.index
    assert fr.loc['real clips of the training split', LABELS].notna().all(), fr
    part = pd.read_csv(work / 'table_partial.csv', index_col='signal').fd       # the accompaniment's distances, its mix as in table_frechet
    assert list(part.index) == ['fd_mix', 'fd_drums', 'fd_guitar', 'fd_piano'] and np.isfinite(part.values).all(), part
    assert abs(part.fd_mix - fr.loc['partial generation (given bass)', 'mix']) < 0.06, (part, fr)
    train = pd.read_csv(work / 'table_train_clips.csv', index_col='stem')       # the perfect-model yardstick
    assert list(train.index) == LABELS and list(train.closest.isin(LABELS)) == [True] * 4, train
    for l in LABELS:                                                            # own_class_closest says what closest says
        assert train.own_class_closest[l] == (train.closest[l] == l) == (train.loc[l, f'fd_to_{l}'] == train.loc[l, [f'fd_to_{k}' for k in LABELS]].min())
    s = json.loads((work / 'summary.json').read_text())
    assert s['profile'] == 'ci' and np.isfinite(s['coherence_rel_error']) and s['seconds_per_10s_single'] > 0, s
    assert s['rescale'] == {'single': PLAIN_RESCALE, 'single with negative prompt': DEFAULT_RESCALE,   # generation's default
                            'total and partial': DEFAULT_RESCALE}, s                                   # guidance rescales, recorded
    assert sorted(s['real_level_range_db']) == LABELS and all(                  # the summary's and the table's agree
        abs(s['real_level_range_db'][l] - float(single.query('stem == @l').real_level_range_db.iloc[0])) < 0.06 for l in LABELS), s
    assert s['train_clips_own_class_closest'] == {l: bool(train.own_class_closest[l]) for l in LABELS}, s
    # the second judge: a stem classifier trained on training-split stems, saved as a checkpoint, its verdicts in table and summary
    judge = load_checkpoint(work / 'stem_classifier')
    assert judge.classes == LABELS and judge.meta['split'] == 'train' and judge.meta['steps'] == s['classifier']['steps'] > 0
    train_c = pd.read_csv(work / 'table_train_clips_classifier.csv', index_col='stem')
    assert s['classifier']['train_clips_own_class_closest'] == {l: bool(train_c.own_class_closest[l]) for l in LABELS}, s
    assert set(single.closest_real_classifier) <= set(LABELS), single
    cfd = single[[f'classifier_fd_to_{l}' for l in LABELS]].astype(float)          # the classifier's distances say what closest says
    assert np.isfinite(cfd.values).all() and list(cfd.idxmin(axis=1).str[17:]) == list(single.closest_real_classifier), single
    assert list(single.own_class_closest_classifier.astype(str)) == [str(c == l) for c, l in zip(single.closest_real_classifier, single.stem)]
    lab = single.clips_labelled_own.astype(float)
    n = s['clips']                                                              # a share of the clips of each prompt
    assert lab.between(0, 1).all() and (lab * n).sub((lab * n).round()).abs().max() < 1e-2, lab
    ctl = pd.read_csv(work / 'table_classifier_controls.csv', index_col='control')   # noise controls, judged like generated stems
    assert list(ctl.index) == ['white noise', 'brown noise'] and set(ctl.closest) <= set(LABELS), ctl
    assert {k: v['closest'] for k, v in s['classifier']['controls'].items()} == dict(ctl.closest), s
    assert sorted(s['classifier']['real_test_clips_labelled_correctly']) == LABELS and len(s['classifier']['clips_labelled_own']) == 8, s
    assert sorted(p.name for p in (work / 'total').iterdir()) == ['bass.wav', 'drums.wav', 'guitar.wav', 'mix.wav', 'piano.wav']
    assert sorted(p.name for p in (work / 'partial').iterdir()) == ['bass.wav', 'drums.wav', 'guitar.wav', 'mix.wav', 'piano.wav']
    for png in ('single.png', 'total.png'): assert (work / png).stat().st_size > 5_000, png
    ws = pd.read_csv(work / 'table_w_sweep.csv')
    assert list(ws.w) == [1.0, 3.0, 5.0] and np.isfinite(ws[[f'fd_to_{l}' for l in LABELS]].values).all(), ws
    assert ws.fd_to_bass.nunique() == 3, ws                  # each w guided differently (same noise, same prompt)
    assert set(ws.closest_real) <= set(LABELS) and (work / 'w_sweep.png').stat().st_size > 5_000
