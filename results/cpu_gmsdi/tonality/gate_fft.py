"""Would a longer STFT make the skip path's Wiener gate a better denoiser? The gate alone (`gensep.diffusion.wiener_gate`,
hop n_fft / 4, noise power known from sigma) on 8 real validation clips of 4 s noised to sigma in the model's domain:
spectral flatness of 80 Hz - 3 kHz of its output (as `flatness.py`) and its error against the clean clip (dB of error
energy over the clip's, audio domain), for 512 (the gate of `--skip-gate`), 1024, 2048 and 4096 points. No network.

    python results/cpu_gmsdi/tonality/gate_fft.py MODEL DATA > OUT.txt
"""
import sys, torch
from gensep.diffusion import load_diffusion, wiener_gate
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
torch.set_grad_enabled(False)
sys.path.insert(0, __file__.rsplit('/', 1)[0]); from flatness import error_db, flatness_db
model_dir, data = sys.argv[1], sys.argv[2]
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate   # only its domain (pre-emphasis) and rate are used
ffts = [512, 1024, 2048, 4096]
print(f'{"stem":6s} {"sigma":>5s} ' + ' '.join(f'{f"flat {n}":>9s} {f"err {n}":>8s}' for n in ffts))
for lab in ['Guitar', 'Piano']:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr); u = m.to_model(real)
    for s in [0.03, 0.1, 0.3, 1.0]:
        x = u + s * torch.randn(u.shape, generator=torch.Generator().manual_seed(0))
        cols = []
        for n in ffts:
            g = m.to_audio(wiener_gate(x, torch.full((len(x),), s), n_fft=n, hop=n // 4))
            cols.append(f'{flatness_db(g, sr):9.1f} {error_db(g, real):8.1f}')
        print(f'{lab:6s} {s:5g} ' + ' '.join(cols), flush=True)
