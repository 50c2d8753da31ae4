"""Where a model's generated stems are steady: the spread of 0.1 s frame levels (10th to 90th percentile, dB) of 8
generated and 8 real 4 s clips per stem (test split), over the whole band, below 300 Hz, above 1 kHz (two biquads
each) and in the model's pre-emphasised domain, with the clips' median level (dBFS).

    python results/cpu_gmsdi/quiet_loss/band_spread.py MODEL [SAMPLER_STEPS [W]]
"""
import sys, torch, torchaudio
from gensep.core import format_machine
from gensep.diffusion import load_diffusion, LABELS
from gensep.generation import SamplerSettings, generate, real_clips
from gensep.frechet import frame_level_range, level_dbfs
m = load_diffusion(sys.argv[1], ema=True, device='cpu'); sr = m.sample_rate
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 50; w = float(sys.argv[3]) if len(sys.argv) > 3 else 3.0
print(f"# {format_machine()}; model {sys.argv[1]} ({m.meta.get('step')} steps, EMA); ADPM2 {steps} steps, w {w:g}, seed 0", flush=True)
lp = lambda x: torchaudio.functional.lowpass_biquad(torchaudio.functional.lowpass_biquad(x, sr, 300.), sr, 300.)
hp = lambda x: torchaudio.functional.highpass_biquad(torchaudio.functional.highpass_biquad(x, sr, 1000.), sr, 1000.)
spread = lambda y: frame_level_range(list(y), sr)
def row(name, x):
    return (f"{name:22s} full {spread(x):5.1f}  <300Hz {spread(lp(x)):5.1f}  >1kHz {spread(hp(x)):5.1f}  "
            f"model-domain {spread(m.to_model(x)):5.1f}   median level {sorted(level_dbfs(c) for c in x)[len(x) // 2]:.1f}")
for l in LABELS:
    real = torch.stack(list(real_clips('data/mini', l, 'test', n=8, seconds=4.0, sample_rate=sr, seed=0)))
    g = generate(m, l.capitalize(), n=8, seconds=4.0, w=w, settings=SamplerSettings('adpm2', steps), seed=0)
    print(row(f'{l} real', real)); print(row(f'{l} generated', g), flush=True)
