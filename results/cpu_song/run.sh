#!/usr/bin/env bash
# The measurements of results/cpu_song/README.md, in order, from the folder that holds data/mini and the priors:
#   bash main/results/cpu_song/run.sh main runs/ch08_cpu/08_gmsdi_separation/priors > results.log
# (first argument: the checkout; second: a folder with bass, drums, guitar, piano priors of the cpu profile)
set -euo pipefail
M=$1; P=$2; PY=$M/.venv/bin/python; G=$M/.venv/bin/gensep; T=${TMPDIR:-/tmp}/gensep_song
mkdir -p $T
$PY $M/results/cpu_song/make_song.py data/mini 3 $T/song3.mp3
$PY $M/results/cpu_song/make_song.py data/mini 0.5 $T/song30s.mp3
echo "== a 3-minute stereo 44.1 kHz MP3, --fast"
$PY $M/results/cpu_song/peak_memory.py $G separate $T/song3.mp3 --priors $P --sources bass,drums,guitar,piano --fast --root $T/sep --force
echo "== its first 30 s, the paper's setting (150 iterations at lr 0.01)"
$PY $M/results/cpu_song/peak_memory.py $G separate $T/song30s.mp3 --priors $P --sources bass,drums,guitar,piano --root $T/sep --force
echo "== stereo: masks against mono output"
$PY $M/results/cpu_song/stereo_sdr.py data/mini $P fast
echo "== long inputs: peak memory"
$PY $M/results/cpu_song/make_song.py data/mini 10 $T/long10.flac
$PY $M/results/cpu_song/peak_memory.py $G separate $T/long10.flac --priors $P --sources bass,drums,guitar,piano --iters 2 --root $T/sep --force
$PY $M/results/cpu_song/make_song.py data/mini 60 $T/long60.flac
$PY $M/results/cpu_song/peak_memory.py $G separate $T/long60.flac --priors $P --sources bass,drums,guitar,piano --iters 1 --root $T/sep --force
