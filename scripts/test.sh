#!/usr/bin/env bash
# The whole test suite, as CI runs it: library notebooks with nbdev_test at the ci profile, then pytest
# (chapters executed with papermill at the ci profile, CLI, data scripts, DDP on CPU, notebook/library sync).
set -euo pipefail
cd "$(dirname "$0")/.."
export IN_TEST=1 GENSEP_NO_PROGRESS=1 GENSEP_PROFILE=ci MPLBACKEND=Agg
# two notebooks run at once on small machines: idle OpenMP threads must not spin while the other one works
export OMP_WAIT_POLICY=PASSIVE
start=$(date +%s)
echo "== nbdev_test (library notebooks; chapters are run by pytest through papermill)"
.venv/bin/nbdev_test --n_workers 2 --timing
echo "== pytest tests/"
.venv/bin/python -m pytest tests -q -p no:cacheprovider
echo "== all tests passed in $(( $(date +%s) - start )) s"
