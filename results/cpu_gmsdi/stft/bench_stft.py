"""One training step (forward, backward, Adam) of the cpu profile's model at batch 8 on 3 s of noise, with folded
samples and with 256- and 512-point STFT frames: four steps each, seconds per step (the first includes warm-up).

    python results/cpu_gmsdi/stft/bench_stft.py > bench_stft.txt
"""
import time, torch
from gensep.core import format_machine
from gensep.diffusion import DiffusionConfig, DiffusionModel
print(format_machine())
torch.manual_seed(0)
for n in (0, 256, 512):
    m = DiffusionModel(DiffusionConfig.for_profile('cpu', stft=n))
    opt = torch.optim.Adam(m.parameters(), 1e-4)
    b = dict(audio=0.1 * torch.randn(8, 2**15), prompt=['Bass'] * 8)
    ts = []
    for i in range(4):
        t = time.time(); l = m.training_loss(b)['loss']; l.backward(); opt.step(); opt.zero_grad(); ts.append(time.time() - t)
    print(f"stft {n:3d}: {sum(p.numel() for p in m.parameters())} parameters, s per step {[round(x, 2) for x in ts]}", flush=True)
