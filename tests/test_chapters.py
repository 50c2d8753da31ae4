"""Every chapter notebook runs end to end at the `ci` profile through papermill, with its parameters injected,
exactly as `gensep chapter NAME --profile ci` runs it; then `tests/check_<chapter>.py` checks what it wrote."""
import importlib.util
from pathlib import Path
import pytest
from gensep.cli import list_chapters, run_chapter
from gensep.core import GensepError

HERE = Path(__file__).parent


def _check(name):
    f = HERE / f'check_{name}.py'
    spec = importlib.util.spec_from_file_location(f'check_{name}', f)
    mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)
    return mod.check


def test_every_chapter_has_a_check():
    missing = [c for c in list_chapters() if not (HERE / f'check_{c}.py').is_file()]
    assert not missing, f"chapters without tests/check_<chapter>.py: {missing}"


@pytest.mark.parametrize('name', list_chapters())
def test_chapter_runs_at_ci_profile(name, tmp_path):
    work = run_chapter(name, tmp_path, profile='ci')
    assert (tmp_path / f'{name}.ipynb').is_file()
    _check(name)(work)


def test_results_chapter_one_setting_and_a_gamma_sweep(tmp_path):
    "Table I for the Slakh-like setting alone (four priors trained, not six) with MAP at two weights."
    import json, pandas as pd
    work = run_chapter('results', tmp_path, profile='ci', settings='slakh', map_gamma=[0.1, 0.5], max_tracks=1,
                       save_stems=False, metrics='sdr_global')
    assert sorted(p.name for p in (work / 'priors').iterdir()) == ['bass', 'drums', 'guitar', 'piano']
    assert not (work / 'table_sdr_musdb.csv').exists()
    t = pd.read_csv(work / 'table_sdr_slakh.csv', index_col=0)
    assert list(t.index[:6]) == ['instglow_mle', 'instglow_mle_wiener', 'instglow_map0.1', 'instglow_map0.1_wiener',
                                 'instglow_map0.5', 'instglow_map0.5_wiener'], t.index
    assert t.loc['instglow_map0.1', 'all'] != t.loc['instglow_map0.5', 'all']     # two different runs
    s = json.loads((work / 'summary.json').read_text())
    assert s['settings'] == ['slakh'] and s['map_gamma'] == [0.1, 0.5] and set(s['instglow_seconds']) == {
        'slakh_gamma0', 'slakh_gamma0.1', 'slakh_gamma0.5'}
    assert (work / 'gamma_sweep.png').stat().st_size > 10_000 and not (work / 'stems').exists()


def test_training_chapter_hands_gate_net_to_the_model(tmp_path):
    "`gate_net` reaches the model's config: the ci profile has no gate for a net to correct, so gate_net=3 is refused there."
    with pytest.raises(GensepError, match=r"DiffusionError: gate_net=3 .*needs skip_gate=True"):
        run_chapter('training_on_mixtures', tmp_path, profile='ci', data_dir=str(tmp_path / 'unused'), gate_net=3)
