# Decode the FLAC parts carried to the device into the stem-folder layout (WAV PCM_16, bit-exact).
import shutil, sys, soundfile as sf
from pathlib import Path
src, dst = Path(sys.argv[1]), Path(sys.argv[2]); n = 0
for f in sorted(src.rglob('*')):
    if not f.is_file(): continue
    rel = f.relative_to(src); (dst/rel).parent.mkdir(parents=True, exist_ok=True)
    if f.suffix == '.flac':
        x, sr = sf.read(f, dtype='int16'); sf.write(dst/rel.with_suffix('.wav'), x, sr, subtype='PCM_16'); n += 1
    else: shutil.copy(f, dst/rel)
print(f"{src}: {n} stems -> {dst}; total wav files now {len(list(dst.rglob('*.wav')))}")
