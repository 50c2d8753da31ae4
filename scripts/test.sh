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
# pytest-xdist: two workers, each test file whole in one of them (its module fixtures are made once). Much of a
# test is kernel start-up, subprocesses and single-threaded Python, so two at a time use two cores better
# (2-core Xeon: 780 s against 1139 s one after the other; README).
# GENSEP_TEST_WORKERS=0 runs them one after the other in this process.
workers=${GENSEP_TEST_WORKERS:-2}
echo "== pytest tests/ ($workers workers)"
if [ "$workers" = 0 ]; then .venv/bin/python -m pytest tests -q -p no:cacheprovider
else .venv/bin/python -m pytest tests -q -p no:cacheprovider -n "$workers" --dist loadfile; fi
echo "== all tests passed in $(( $(date +%s) - start )) s"
