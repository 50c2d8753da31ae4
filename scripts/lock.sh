#!/usr/bin/env bash
# Refresh requirements.lock from the ranges in settings.ini (every package, transitive ones included).
#   make lock                  re-resolve, keeping the locked versions that still satisfy settings.ini
#   make lock UPGRADE=all      move every package to the newest version the ranges allow
#   make lock UPGRADE=numpy    move one package (repeat: UPGRADE="numpy scipy")
# Then `make test`: setup sees the changed lock and reinstalls. The lock is resolved for this machine's
# Python and platform (the header says which).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
tool=.venv/bin/pip-compile
if [ ! -x "$tool" ]; then   # the lock must be refreshable even when the current one does not install
  [ -x .venv-lock/bin/pip-compile ] || { $PY -m venv .venv-lock && .venv-lock/bin/pip install -q pip-tools; }
  tool=.venv-lock/bin/pip-compile
fi
up=()
case "${UPGRADE:-}" in
  "") ;;
  all) up=(--upgrade) ;;
  *) for p in $UPGRADE; do up+=(--upgrade-package "$p"); done ;;
esac
"$tool" --quiet --extra dev --extra t5 --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links \
  "${up[@]}" --output-file requirements.lock setup.py
echo "lock: requirements.lock has $(grep -c '^[A-Za-z0-9]' requirements.lock) pinned packages; run make test"
