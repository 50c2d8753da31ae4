"""One denoiser call on real validation clips noised to sigma (in the model's domain), against a plain STFT Wiener gate
on the same noisy input (`gensep.diffusion.wiener_gate`: gain max(0, 1 - noise power / |X|^2) per bin, 512-point Hann
frames, hop 128, the noise power known from sigma). Printed: spectral flatness of 80 Hz - 3 kHz (as sdedit_tonality.py) of the clean clip, the
noisy input, the model's D(x, sigma) and the gate's output, and the error of each estimate against the clean clip
(dB of error energy over the clean clip's, in the audio domain). 8 clips of 4 s per stem, prompt the stem's label.

    python results/cpu_gmsdi/tonality/one_call.py MODEL DATA [STEMS] > OUT.txt
"""
import sys, torch
from gensep.diffusion import load_diffusion, wiener_gate
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
torch.set_grad_enabled(False)
sys.path.insert(0, __file__.rsplit('/', 1)[0]); from flatness import error_db, flatness_db
model_dir, data = sys.argv[1], sys.argv[2]
stems = sys.argv[3].split(',') if len(sys.argv) > 3 else ['Bass', 'Drums', 'Guitar', 'Piano']
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr = m.sample_rate
print(f'model {model_dir} ({m.meta.get("step")} steps, EMA); one call of D at sigma, conditional (w 1), 8 valid clips of 4 s')
print(f'{"stem":6s} {"sigma":>6s} {"flat clean":>10s} {"flat noisy":>10s} {"flat D":>7s} {"flat gate":>9s} {"err noisy":>9s} {"err D":>6s} {"err gate":>8s}')
for lab in stems:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr)
    u = m.to_model(real)
    for s in [0.003, 0.01, 0.03, 0.1, 0.3]:
        x = u + s * torch.randn(u.shape, generator=torch.Generator().manual_seed(0))
        d = m.denoise(x, s, m.encode([lab] * len(x)))
        g = wiener_gate(x, torch.full((len(x),), s))
        a = {k: m.to_audio(v) for k, v in dict(noisy=x, D=d, gate=g).items()}
        print(f'{lab:6s} {s:6g} {flatness_db(real, sr):10.1f} {flatness_db(a["noisy"], sr):10.1f} {flatness_db(a["D"], sr):7.1f} '
              f'{flatness_db(a["gate"], sr):9.1f} {error_db(a["noisy"], real):9.1f} {error_db(a["D"], real):6.1f} {error_db(a["gate"], real):8.1f}', flush=True)
