"""At which noise level do generated guitar and piano lose their harmonic lines? Real validation clips (8 of 4 s),
noised to sigma s in the model's domain and sampled back down from s with their own prompt (`../sdedit/sdedit_lib.py`:
ADPM2, Karras schedule from s to 1e-4, w 3, rescale 0.7), as SDEdit does; s = 1 is plain generation. Tonality is measured by the spectral
flatness of the 80 Hz - 3 kHz band (geometric over arithmetic mean of the power spectrum, in dB; 2048-point frames,
hop 512, frames within 30 dB of the clip's loudest): about -2.5 dB for white noise, far below for a few harmonic
lines. Also printed: the 10th-90th percentile spread of 0.1 s frame levels (dB) and the median level (dBFS).

    python results/cpu_gmsdi/tonality/sdedit_tonality.py MODEL DATA [STEPS] [W] [STEMS] > OUT.txt
"""
import sys, time, torch
from gensep.diffusion import load_diffusion
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
torch.set_grad_enabled(False)
here = __file__.rsplit('/', 1)[0]; sys.path[:0] = [here, here + '/../sdedit']
from flatness import clip_stats, flatness_db
from sdedit_lib import SIGMAS, sdedit
model_dir, data = sys.argv[1], sys.argv[2]
steps = int(sys.argv[3]) if len(sys.argv) > 3 else 50
w = float(sys.argv[4]) if len(sys.argv) > 4 else 3.0
stems = sys.argv[5].split(',') if len(sys.argv) > 5 else ['Guitar', 'Piano']
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
print(f'model {model_dir} ({m.meta.get("step")} steps); ADPM2 {steps} steps from sigma s, w {w}, rescale 0.7, 8 valid clips of 4 s')
print(f'{"stem":6s} {"start sigma":>11s} {"flatness dB":>11s} {"spread dB":>9s} {"median dBFS":>11s}')
for lab in stems:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr)
    print(f'{lab:6s} {"real":>11s} {clip_stats(real, sr)}', flush=True)
    noise = torch.randn(real.shape, generator=torch.Generator().manual_seed(2)) * real.std()
    print(f'{lab:6s} {"white noise":>11s} {flatness_db(noise, sr):11.1f}', flush=True)
    for s in SIGMAS:
        t = time.time()
        out = sdedit(m, real, lab, s, steps, w)
        print(f'{lab:6s} {s:11g} {clip_stats(out, sr)}   ({time.time() - t:.0f} s)', flush=True)
