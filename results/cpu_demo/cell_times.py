"""The slowest cells of executed chapter notebooks, from the durations papermill records in each cell's metadata.

    python results/cpu_demo/cell_times.py runs/demo/*.ipynb

How the 2026-12-06 trims were found (README, section "the NMF baselines fitted once").
"""
import json, sys

for path in sys.argv[1:]:
    cells = json.load(open(path))['cells']
    rows = [(c['metadata']['papermill']['duration'] or 0, i, ''.join(c['source'])[:70].replace('\n', ' '))
            for i, c in enumerate(cells) if c.get('metadata', {}).get('papermill', {}).get('duration') is not None]
    print(f"== {path}: {sum(d for d, _, _ in rows):.0f} s in cells")
    for d, i, s in sorted(rows, reverse=True)[:8]: print(f"  {d:7.1f} s  cell {i:2d}  {s}")
