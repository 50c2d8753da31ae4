"""What a perfect model of the training split would score on the own-class criterion: real clips of the *training*
split (8 clips of 4 s per class, two draws: seeds 0 and 1) measured against the real clips of the validation and test
splits (seed 0, as w_sweep.py and the generation chapter draw them), exactly as generated clips are, with the log-mel
Frechet distance at the model's rate (11025 Hz). A class whose training clips are not nearest their own class on a
split cannot be expected to be generated nearest it there.

    python results/cpu_gmsdi/train_clips_oracle.py data/mini > results/cpu_gmsdi/train_clips_oracle.txt   (from the repository root)
"""
import sys, torch
from gensep.core import format_machine, machine_info
from gensep.generation import real_clips
from gensep.frechet import nearest_class_table
data = sys.argv[1] if len(sys.argv) > 1 else 'data/mini'
L, SR = ['bass', 'drums', 'guitar', 'piano'], 11025
print(format_machine(machine_info()))
for split in ('valid', 'test'):
    ref = {l: list(real_clips(data, l, split=split, n=8, seconds=4.0, sample_rate=SR)) for l in L}
    for seed in (0, 1):
        train = {l: list(real_clips(data, l, split='train', n=8, seconds=4.0, sample_rate=SR, seed=seed)) for l in L}
        tab = nearest_class_table(ref, train, SR)
        print(f"\n{split} split, training clips seed {seed}: {int(tab.own_class_closest.sum())} of 4 nearest their own class")
        print(tab.round(0).to_string())
