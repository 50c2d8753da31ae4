"""Write a stereo 44.1 kHz "song" of MINUTES minutes from the mini-Slakh test split: each test track's Slakh-like stems
panned apart (bass 0.5, drums 0.4, guitar 0.15, piano 0.85), one track after the other, repeated as needed.

    .venv/bin/python results/cpu_song/make_song.py data/mini 3 /tmp/song3.mp3     # format from the suffix
"""
import math, sys, numpy as np, soundfile as sf, torch, torchaudio
from gensep.data import list_tracks

data, minutes, path = sys.argv[1], float(sys.argv[2]), sys.argv[3]
SR, PAN = 44100, dict(bass=0.5, drums=0.4, guitar=0.15, piano=0.85)
pieces = []
for t in list_tracks(data, 'test'):
    st = t.sources('slakh')
    pieces.append(sum(torch.stack([math.cos(PAN[s] * math.pi / 2) * x, math.sin(PAN[s] * math.pi / 2) * x]) for s, x in st.items()))
track = torchaudio.functional.resample(torch.cat(pieces, 1), 22050, SR)
track = (0.7 * track / track.abs().max()).T.numpy().astype(np.float32)       # (T, 2)
n = round(minutes * 60 * SR)
with sf.SoundFile(path, 'w', samplerate=SR, channels=2, **({'format': 'MP3'} if path.endswith('.mp3') else {})) as f:
    done = 0
    while done < n:
        k = min(len(track), n - done); f.write(track[:k]); done += k
print(f"{path}: {minutes} min, stereo, {SR} Hz")
