"""The sampler's spectral gate of `spectral_gate_lib.py` (`GatedSettings(spectral_gate=KAPPA, gate_below=SIGMA)`: below
SIGMA each estimate through a Wiener gate for an error of KAPPA x sigma, scaled back to its energy), measured as
`gated_sampling.py` measures its prototype: plain generation (the SDEdit round trip of `../sdedit/sdedit_lib.py` from
sigma 1: ADPM2, 50 steps, w 3, rescale 0.7, 8 clips of 4 s per stem), spectral flatness of 80 Hz - 3 kHz (white noise
-2.5 dB), spread of 0.1 s frame levels, median level.

    python results/cpu_gmsdi/tonality/gate_flatness.py MODEL DATA KAPPA@SIGMA[,KAPPA@SIGMA...] [STEMS] > OUT.txt
"""
import sys, time, torch
from gensep.diffusion import load_diffusion
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
torch.set_grad_enabled(False)
here = __file__.rsplit('/', 1)[0]; sys.path[:0] = [here, here + '/../sdedit']
from flatness import clip_stats
from sdedit_lib import sdedit
from spectral_gate_lib import GatedSettings
model_dir, data = sys.argv[1], sys.argv[2]
gates = [tuple(float(v) for v in k.split('@')) if '@' in k else (float(k), 0.1) for k in sys.argv[3].split(',')]
stems = sys.argv[4].split(',') if len(sys.argv) > 4 else ['Bass', 'Drums', 'Guitar', 'Piano']
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
print(f'model {model_dir} ({m.meta.get("step")} steps); generation from sigma 1 (noise plus a real clip, as SDEdit), ADPM2 50 steps, w 3, rescale 0.7, 8 clips of 4 s')
print(f'{"stem":6s} {"kappa":>6s} {"below":>6s} {"flatness dB":>11s} {"spread dB":>9s} {"median dBFS":>11s}')
for lab in stems:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr)
    print(f'{lab:6s} {"real":>6s} {"":6s} {clip_stats(real, sr)}', flush=True)
    for kappa, below in gates:
        t = time.time()
        out = sdedit(m, real, lab, 1.0, w=3.0, settings=GatedSettings(steps=50, spectral_gate=kappa, gate_below=below))
        print(f'{lab:6s} {kappa:6g} {below:6g} {clip_stats(out, sr)}   ({time.time() - t:.0f} s)', flush=True)
