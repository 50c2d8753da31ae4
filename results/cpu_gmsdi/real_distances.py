"""Log-mel Frechet distances between two draws of 8 real clips of 4 s per class (seed 0 against seed 1,
which may share windows where a split has few), valid and test splits of the cpu mini-Slakh: how far apart real
classes are, and how close a class is to itself, for reading the generation distances.

    python results/cpu_gmsdi/real_distances.py > results/cpu_gmsdi/real_distances.txt   (from the folder holding data/)
"""
import torch
from gensep.generation import real_clips
from gensep.frechet import frechet_audio_distance
torch.set_num_threads(1)
L=['Bass','Drums','Guitar','Piano']
for split in ('valid','test'):
    r={l: real_clips('data/mini', l, split=split, n=8, seconds=4.0, sample_rate=11025) for l in L}
    r2={l: real_clips('data/mini', l, split=split, n=8, seconds=4.0, sample_rate=11025, seed=1) for l in L}
    for a in L:
        print(split, a, {b: round(frechet_audio_distance(list(r[b]), list(r2[a]), 11025)) for b in L})
