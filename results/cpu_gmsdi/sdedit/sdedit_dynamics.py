"""At which noise level do generated stems lose their dynamics? Real validation clips of one stem (8 clips of 4 s),
noised to sigma s in the model's domain and sampled back down from s (ADPM2, Karras schedule from s to 1e-4,
w 3, rescale 0.7, the stem's own prompt), as SDEdit does. Printed: the 10th-90th percentile spread of 0.1 s frame
levels (dB), the median level (dBFS), and how well the result follows the real clip's envelope (correlation of frame
levels in dB). s = 1 is plain generation.

    python results/cpu_gmsdi/sdedit/sdedit_dynamics.py MODEL DATA [STEPS] [W] > OUT.txt
"""
import sys, time, torch
from gensep.diffusion import load_diffusion
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
from gensep.frechet import frame_levels_dbfs
torch.set_grad_enabled(False)
sys.path.insert(0, __file__.rsplit('/', 1)[0]); from sdedit_lib import SIGMAS, sdedit
model_dir, data = sys.argv[1], sys.argv[2]
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 50
w = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
print(f'model {model_dir} ({m.meta.get("step")} steps); ADPM2 {steps} steps from sigma s, w {w}, rescale 0.7, 8 valid clips of 4 s')
print(f'{"stem":6s} {"start sigma":>11s} {"spread dB":>9s} {"median dBFS":>11s} {"env corr":>8s}')
def levels(x): return frame_levels_dbfs(x, sr).float().reshape(len(x), -1)
def stats(x, ref):
    l, r = levels(x), levels(ref)
    q = torch.quantile(l.flatten(), torch.tensor([.1, .5, .9]))
    lc, rc = l - l.mean(1, keepdim=True), r - r.mean(1, keepdim=True)
    corr = ((lc * rc).sum(1) / (lc.norm(dim=1) * rc.norm(dim=1)).clamp_min(1e-9)).mean()
    return q[2] - q[0], q[1], corr
for lab in ['Bass', 'Drums', 'Guitar', 'Piano']:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr)
    sp, med, c = stats(real, real)
    print(f'{lab:6s} {"real":>11s} {sp:9.1f} {med:11.1f} {c:8.2f}', flush=True)
    for s in SIGMAS:
        t = time.time()
        sp, med, c = stats(sdedit(m, real, lab, s, steps, w), real)
        print(f'{lab:6s} {s:11g} {sp:9.1f} {med:11.1f} {c:8.2f}   ({time.time() - t:.0f} s)', flush=True)
