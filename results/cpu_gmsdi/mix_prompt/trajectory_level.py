"""Where along the sampler a generated clip gets its level: the denoised estimate's level (dBFS, audio domain, power
over all clips) and frame spread (dB) at each step of ADPM2 from noise, for one prompt.

    python results/cpu_gmsdi/mix_prompt/trajectory_level.py MODEL PROMPT [W [STEPS]]
"""
import sys, torch
from gensep.core import format_machine, machine_info
from gensep.diffusion import load_diffusion
from gensep.generation import SamplerSettings, generate
from gensep.frechet import frame_level_range
torch.set_grad_enabled(False)
model_dir, prompt = sys.argv[1], sys.argv[2]
w = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
steps = int(sys.argv[4]) if len(sys.argv) > 4 else 50
m = load_diffusion(model_dir, ema=True, device='cpu'); sr = m.sample_rate
print(f"# {format_machine(machine_info())}; model {model_dir} ({m.meta.get('step')} steps, EMA); '{prompt}', w {w}, ADPM2 {steps} steps, 8 clips of 4 s")
print('step,sigma,denoised_dbfs,denoised_spread_db')
def cb(info):
    d = info['denoised'][:, 0]
    print(f"{info['i']},{float(info['sigma']):.4g},{10 * torch.log10(d.pow(2).mean()).item():.2f},{frame_level_range(list(d), sr):.1f}", flush=True)
generate(m, prompt, n=8, seconds=4.0, w=w, settings=SamplerSettings('adpm2', steps), seed=0, callback=cb)
