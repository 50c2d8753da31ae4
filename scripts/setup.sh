#!/usr/bin/env bash
# Idempotent setup: system packages (apt), then .venv with every Python package at the version that
# requirements.lock pins (transitive ones included), gensep installed in editable mode, and a smoke import
# of the stack. Seconds when nothing is missing. Used by every `make` target and by CI.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES="ffmpeg libfluidsynth3 fluid-soundfont-gm g++ chromium"   # g++: torch.compile on the CPU; chromium: tests/test_browser.py
missing=""
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null && SUDO="sudo -n"
  if [ "$(id -u)" -eq 0 ] || [ -n "$SUDO" ]; then
    echo "setup: installing system packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get install -y --no-install-recommends $missing >/dev/null 2>&1 \
      || { $SUDO apt-get update -qq && $SUDO apt-get install -y --no-install-recommends $missing >/dev/null; }
  else
    echo "setup: WARNING: missing system packages:$missing (need root to apt-get install them)" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv with $($PY --version)"
  $PY -m venv .venv
fi
# Reinstall only when the declared dependencies or the lock change.
stamp=$(cat settings.ini setup.py requirements.lock | sha256sum | cut -c1-16)
if [ "$(cat .venv/.gensep-installed 2>/dev/null)" != "$stamp" ]; then
  echo "setup: installing the locked Python dependencies into .venv (first time: about 3 minutes, torch is large)"
  log=.venv/pip-install.log
  pip=".venv/bin/python -m pip"
  # requirements.lock is applied as constraints: every package, direct or transitive, gets the lock's version.
  if ! { $pip install -c requirements.lock pip \
         && $pip install -c requirements.lock -e '.[dev,t5]' \
         && $pip check; } >"$log" 2>&1; then
    grep -v "is ignored" "$log" | tail -n 30 >&2; echo "setup: pip install failed (full log: $log)" >&2; exit 1
  fi
  echo "$stamp" > .venv/.gensep-installed
fi
# Smoke import of the stack: one line naming the package that cannot load.
.venv/bin/python scripts/smoke.py
