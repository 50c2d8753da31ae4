# Pack the cpu mini-Slakh (seed 0) as FLAC into parts of at most LIMIT bytes each (lossless: int16 round trip).
import json, shutil, sys, soundfile as sf
from pathlib import Path
src, dst, LIMIT = Path('/work/exp/data'), Path('/work/main/devexp'), 62.3e6
files = []
for split in ('test', 'valid', 'train'):
    for t in sorted((src/split).iterdir()):
        for w in sorted(t.glob('*.wav')):
            if w.stem == 'mix' and split != 'test': continue
            files.append(w)
part, size = 1, 0
for w in files:
    rel = w.relative_to(src).with_suffix('.flac'); out = dst/f'p{part}'/rel
    x, sr = sf.read(w, dtype='int16'); assert sf.info(w).subtype == 'PCM_16'
    out.parent.mkdir(parents=True, exist_ok=True); sf.write(out, x, sr, format='FLAC', subtype='PCM_16', compression_level=1.0)
    size += out.stat().st_size
    shutil.copy(w.parent/'metadata.json', out.parent/'metadata.json'); size += (out.parent/'metadata.json').stat().st_size
    if size > LIMIT: part, size = part + 1, 0
shutil.copy(src/'dataset.json', dst/'p1'/'dataset.json')
for p in sorted(dst.glob('p[0-9]*')): print(p.name, sum(f.stat().st_size for f in p.rglob('*') if f.is_file()) / 1e6, 'MB', len(list(p.rglob('*.flac'))), 'files')
