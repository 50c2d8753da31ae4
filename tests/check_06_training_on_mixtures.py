"""What the training-on-mixtures chapter must leave behind (run at the ci profile by tests/test_chapters.py)."""
import json
import pandas as pd


def check(work):
    s = json.loads((work / 'summary.json').read_text())
    assert s['profile'] == 'ci' and s['steps'] == 20 and s['subsets'] == 'half-singles' and 0.35 < s['single_stem_share'] < 0.65, s
    assert (work / 'model' / 'checkpoint' / 'ema.safetensors').is_file()
    hist = pd.read_csv(work / 'model' / 'metrics.csv')
    assert hist.step.iloc[-1] == 20 and hist.loss.notna().all() and hist.valid_loss.notna().any()
    lv = pd.read_csv(work / 'table_preview_levels.csv', index_col=0)
    assert list(lv.columns) == sorted(['Bass', 'Drums', 'Guitar', 'Piano', 'Bass, Drums, Guitar, Piano']) and len(lv) >= 2, lv
    for png in ('items.png', 'training.png', 'previews.png'): assert (work / png).stat().st_size > 5_000, png
    ema = pd.read_csv(work / 'table_ema.csv', index_col=0)
    assert list(ema.index) == ['last weights', 'EMA weights'] and ema['loss'].notna().all() and ema.loc['last weights', 'loss'] != ema.loc['EMA weights', 'loss']
