"""The environment is the lock: every package requirements.lock pins is installed at that version, and the
ranges a `pip install gensep` user gets (settings.ini) admit the locked versions and exclude torch/torchaudio
pairs that fail to load."""
import configparser, re, shlex
from importlib.metadata import version, PackageNotFoundError
from pathlib import Path
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]

def _norm(name): return re.sub(r'[-_.]+', '-', name).lower()

def _lock():
    pins = {}
    for line in (ROOT / 'requirements.lock').read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith('#'):
            name, ver = line.split(';')[0].strip().split('==')
            pins[_norm(name)] = ver
    return pins

def _settings_requirements():
    cfg = configparser.ConfigParser(delimiters=['=']); cfg.read(ROOT / 'settings.ini')
    return [Requirement(r) for r in shlex.split(cfg['DEFAULT']['requirements'])]

def test_lock_pins_the_stack():
    pins = _lock()
    for name in ('torch', 'torchaudio', 'numpy', 'scipy', 'librosa', 'nbdev', 'papermill', 'museval', 'pip'):
        assert name in pins, f"{name} is not in requirements.lock"

def test_installed_versions_are_the_locks():
    wrong = []
    for name, ver in _lock().items():
        try: have = version(name)
        except PackageNotFoundError: have = None
        if have != ver: wrong.append(f"{name}: lock {ver}, installed {have}")
    assert not wrong, "installed packages differ from requirements.lock (rm .venv/.gensep-installed; make setup):\n" + "\n".join(wrong)

def test_settings_ranges_admit_the_lock():
    pins = _lock()
    for req in _settings_requirements():
        assert req.specifier.contains(pins[_norm(req.name)], prereleases=True), f"settings.ini {req} excludes the lock's {pins[_norm(req.name)]}"

def test_settings_exclude_the_broken_torchaudio():
    reqs = {_norm(r.name): r for r in _settings_requirements()}
    # torchaudio 2.11.1 is built for a newer torch and fails to load beside torch 2.11.0 (undefined symbol)
    assert not (reqs['torch'].specifier.contains('2.11.0') and reqs['torchaudio'].specifier.contains('2.11.1'))
