"""No file of the repository names a folder of a development or GPU machine: results record paths relative to
the project root, or the command that made them."""
import re, subprocess
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]
# scratch folders seen on the machines gensep was made on; tests may still use /tmp/<name> for throwaway paths
MACHINE_PATHS = re.compile(r'(/work/|/root/|/home/[A-Za-z]|/tmp/pytest-of|/Users/[A-Za-z])')

def _tracked():
    try: out = subprocess.run(['git', 'ls-files', '-z'], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError): pytest.skip('not a git checkout')
    return [ROOT / f for f in out.split('\0') if f]

def test_no_absolute_machine_paths():
    bad = []
    for f in _tracked():
        if f.name == Path(__file__).name or not f.is_file() or f.stat().st_size > 5_000_000: continue
        try: text = f.read_text()
        except UnicodeDecodeError: continue
        for i, line in enumerate(text.splitlines(), 1):
            if MACHINE_PATHS.search(line): bad.append(f"{f.relative_to(ROOT)}:{i}: {line.strip()[:120]}")
    assert not bad, "absolute paths of a machine in the repository:\n" + "\n".join(bad)
