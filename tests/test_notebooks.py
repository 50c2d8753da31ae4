"""The notebooks are the source: gensep/ must be exactly what nbdev_export makes of nbs/, and committed
notebooks carry no outputs. Both checks fail if someone edits gensep/ by hand or commits an executed notebook."""
import json, os, shutil, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def test_library_is_in_sync_with_notebooks(tmp_path):
    shutil.copy(ROOT / 'settings.ini', tmp_path)
    shutil.copytree(ROOT / 'nbs', tmp_path / 'nbs', ignore=shutil.ignore_patterns('.ipynb_checkpoints'))
    (tmp_path / 'gensep').mkdir()
    shutil.copy(ROOT / 'gensep' / '__init__.py', tmp_path / 'gensep')
    env = {k: v for k, v in os.environ.items() if k != 'IN_TEST'}     # nbdev_export does nothing under IN_TEST
    subprocess.run([str(BIN / 'nbdev_export')], cwd=tmp_path, check=True, capture_output=True, env=env)
    made = {p.relative_to(tmp_path / 'gensep') for p in (tmp_path / 'gensep').rglob('*.py')}
    have = {p.relative_to(ROOT / 'gensep') for p in (ROOT / 'gensep').rglob('*.py')}
    assert made == have, f"modules differ: only exported {sorted(map(str, made - have))}, only in gensep/ {sorted(map(str, have - made))}"
    stale = [str(p) for p in made if (tmp_path / 'gensep' / p).read_text() != (ROOT / 'gensep' / p).read_text()]
    assert not stale, f"gensep/ is out of sync with nbs/ for {stale}: run `make export`"


def test_notebooks_are_committed_clean():
    dirty = []
    for nb in sorted((ROOT / 'nbs').rglob('*.ipynb')):
        if '.ipynb_checkpoints' in nb.parts: continue
        cells = json.loads(nb.read_text())['cells']
        if any(c.get('outputs') or c.get('execution_count') for c in cells if c['cell_type'] == 'code'):
            dirty.append(nb.name)
    assert not dirty, f"notebooks with outputs (run `make export`, which runs nbdev_clean): {dirty}"
