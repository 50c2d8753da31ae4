"""Training speed of the cpu-size diffusion model with and without pre-emphasis (`emphasis` 0 and 0.8), alternating,
20 timed steps of batch 8 on random windows each (`gensep.train.bench_training`, as `gensep bench train`).
From the checkout, machine otherwise idle:
    .venv/bin/python results/cpu_gmsdi/bench_emphasis.py > results/cpu_gmsdi/bench_emphasis.txt
"""
from gensep.core import format_machine, machine_info
from gensep.diffusion import DiffusionConfig, DiffusionModel, _NoiseMixtures
from gensep.train import bench_training
print(format_machine(machine_info()))
for emph in (0.0, 0.8, 0.0, 0.8):
    cfg = DiffusionConfig.for_profile('cpu', emphasis=emph, emphasis_gain=1.8 if emph else 1.0)
    r = bench_training(DiffusionModel(cfg), _NoiseMixtures(8 * 25, cfg.window), 20, 8)
    print(f"emphasis {emph}: {r['s_per_step']} s per step, {r['items_per_s']} segments per second", flush=True)
