"""Run a command and print its wall time and peak resident memory (the largest of it and its children, from getrusage).

    .venv/bin/python results/cpu_song/peak_memory.py gensep separate song.flac --iters 2 ...
"""
import resource, subprocess, sys, time
t0 = time.time()
r = subprocess.run(sys.argv[1:])
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"exit code {r.returncode}; wall {time.time() - t0:.0f} s; peak resident memory {peak_kib / 2**20:.2f} GiB", flush=True)
sys.exit(r.returncode)
