"""Every chapter notebook runs end to end at the `ci` profile through papermill, with its parameters injected,
exactly as `gensep chapter NAME --profile ci` runs it; then `tests/check_<chapter>.py` checks what it wrote."""
import importlib.util
from pathlib import Path
import pytest
from gensep.cli import list_chapters, run_chapter

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
