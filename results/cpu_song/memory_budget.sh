#!/usr/bin/env bash
# `gensep separate --memory-gb` on the 10-minute stereo 44.1 kHz song of run.sh: the budget, the blocks it chose and
# the peak resident memory of the whole run. From the folder that holds data/mini and the priors:
#   bash main/results/cpu_song/memory_budget.sh main runs/ch08_cpu/08_gmsdi_separation/priors > memory_budget.log
set -euo pipefail
M=$1; P=$2; PY=$M/.venv/bin/python; G=$M/.venv/bin/gensep; T=${TMPDIR:-/tmp}/gensep_song
mkdir -p $T
[ -f $T/long10.flac ] || $PY $M/results/cpu_song/make_song.py data/mini 10 $T/long10.flac
for gb in ${BUDGETS:-2 3 4 6}; do
  echo "== --memory-gb $gb"
  $PY $M/results/cpu_song/peak_memory.py $G separate $T/long10.flac --priors $P --sources bass,drums,guitar,piano --iters 1 \
      --memory-gb $gb --root $T/budget$gb --force 2>&1 | grep -v '%|' | sed "s#$T#\$TMP#g"
done
