"""Seconds per InstGlow iteration on a 46 s block (`--fast`'s setting: every 2nd frame, lr 0.02, betas (0.5, 0.99);
four priors), with THREADS torch threads. Run one process with 2 threads, then one with 1, then two with 1 thread at
the same time: if two single-thread processes together beat one 2-thread process, separating two blocks at once
in two processes would be faster.

    python results/cpu_song/threads_probe.py PRIORS THREADS     (from the folder holding data/mini)
"""
import sys, time, torch
torch.set_num_threads(int(sys.argv[2]))
from gensep.instglow import InstGlow, load_priors
from gensep.data import list_tracks
S = ['bass', 'drums', 'guitar', 'piano']
ig = InstGlow(load_priors(sys.argv[1], S), progress_bar=False, iters=10, lr=0.02, betas=(0.5, 0.99), stride=2)
mix = list_tracks('data/mini', 'test')[0].mixture('slakh')
mix = torch.cat([mix] * 2)[:round(46 * 22050)]
ig.separate(mix[:22050 * 5], S)                       # warm-up
t0 = time.perf_counter(); ig.separate(mix, S); dt = time.perf_counter() - t0
print('threads', torch.get_num_threads(), f'{dt / 10:.3f} s/iter for 46 s', flush=True)
