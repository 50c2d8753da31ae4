"""Every chapter notebook runs end to end at the `ci` profile through papermill, with its parameters injected,
exactly as `gensep chapter NAME --profile ci` runs it; then its outputs are checked."""
import json
import pandas as pd
import pytest
from gensep.cli import list_chapters, run_chapter


def test_every_chapter_has_a_check():
    assert set(list_chapters()) <= set(CHECKS), f"chapters without a check here: {set(list_chapters()) - set(CHECKS)}"


def check_mini_slakh(work):
    for name, stems in (('musdb', ['vocals', 'bass', 'drums', 'other', 'accompaniment']),
                        ('slakh', ['bass', 'drums', 'guitar', 'piano'])):
        t = pd.read_csv(work / f'table_sdr_{name}.csv', index_col=0)
        assert list(t.columns) == stems + ['all'], t.columns
        assert set(t.index) == {'mixture', 'nmf', 'oracle_irm', 'oracle_wiener'}
        # the floor, NMF and the ceiling come out in the order they must
        assert t.loc['mixture', 'all'] < t.loc['nmf', 'all'] < t.loc['oracle_irm', 'all'] < t.loc['oracle_wiener', 'all'], t
    scores = pd.read_csv(work / 'baselines.csv')
    assert {'method', 'track', 'source', 'metric', 'value', 'setting'} <= set(scores.columns)
    assert set(scores.metric) == {'sdr_global', 'sdr_v4_median', 'si_sdri'}
    assert (work / 'baselines.png').stat().st_size > 10_000
    assert json.loads((work / 'summary.json').read_text())['profile'] == 'ci'


CHECKS = {'01_mini_slakh': check_mini_slakh}


@pytest.mark.parametrize('name', list_chapters())
def test_chapter_runs_at_ci_profile(name, tmp_path):
    work = run_chapter(name, tmp_path, profile='ci')
    assert (tmp_path / f'{name}.ipynb').is_file()
    CHECKS[name](work)
