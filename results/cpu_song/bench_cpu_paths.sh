#!/usr/bin/env bash
# InstGlow's CPU code paths on an otherwise idle machine: `gensep bench separate` (four freshly initialised priors
# of the cpu profile, 10 s of audio, 10 iterations after a warm-up) with OpenMP's busy-waiting on and off, bf16
# autocast, and torch.compile. From the checkout: bash results/cpu_song/bench_cpu_paths.sh > results/cpu_song/bench_cpu_paths.txt
set -uo pipefail
G=.venv/bin/gensep
run() { echo "== $*"; "$@" 2>/dev/null | grep -E '"(s_per_iter|wall_s|warmup_s)"'; }
run env OMP_WAIT_POLICY=PASSIVE $G bench separate --profile cpu --seconds 10 --iters 10
run env OMP_WAIT_POLICY=ACTIVE  $G bench separate --profile cpu --seconds 10 --iters 10
run env OMP_WAIT_POLICY=PASSIVE $G bench separate --profile cpu --seconds 10 --iters 10 --amp
run env OMP_WAIT_POLICY=PASSIVE $G bench separate --profile cpu --seconds 10 --iters 10 --compile
run env OMP_WAIT_POLICY=PASSIVE $G bench separate --profile cpu --seconds 60 --iters 5
