"""Does a Wiener gate on each sampler step's denoised estimate let harmonic lines form? Plain generation (the SDEdit
round trip of `../sdedit/sdedit_lib.py` from sigma 1: ADPM2, 50 steps, w 3, rescale 0.7, 8 clips of 4 s per stem)
where every guided estimate d = D_w(x, sigma) is replaced by `wiener_gate(d, kappa c_out(sigma))`: bins of d weaker
than kappa times the denoiser's error scale c_out = sigma sigma_data / sqrt(sigma^2 + sigma_data^2) are cut. kappa 0:
plain sampling. KAPPAS are kappa or kappa@sigma_g: gate only the steps at sigma <= sigma_g; a trailing '+' keeps each item's energy
(the gated estimate scaled back to the energy of d). Flatness as in `sdedit_tonality.py` (white noise -2.5 dB; real valid guitar -21.5, piano -25.2).

    python results/cpu_gmsdi/tonality/gated_sampling.py MODEL DATA KAPPAS [STEMS] > OUT.txt   # KAPPAS e.g. 0,0.5,1@0.1
"""
import sys, time, torch
from gensep.diffusion import load_diffusion, wiener_gate
from gensep.generation import real_clips
from gensep.core import format_machine, machine_info
import gensep.generation as gen
torch.set_grad_enabled(False)
here = __file__.rsplit('/', 1)[0]; sys.path[:0] = [here, here + '/../sdedit']
from flatness import clip_stats
from spectral_gate_lib import gate_estimate
import sdedit_lib
model_dir, data = sys.argv[1], sys.argv[2]
kappas = [(float(k.rstrip('+').split('@')[0]), float(k.rstrip('+').split('@')[1]) if '@' in k else float('inf'), k.endswith('+'))
          for k in sys.argv[3].split(',')]
stems = sys.argv[4].split(',') if len(sys.argv) > 4 else ['Guitar', 'Piano']
print(format_machine(machine_info()))
m = load_diffusion(model_dir, device='cpu'); sr, sd = m.sample_rate, m.cfg.sigma_data
print(f'model {model_dir} ({m.meta.get("step")} steps); generation (SDEdit from sigma 1), ADPM2 50 steps, w 3, rescale 0.7, 8 clips of 4 s')

class Gated(gen.GuidedStack):
    kappa, below, keep = 0.0, float('inf'), False
    def __call__(self, x, sigma):
        d = super().__call__(x, sigma)
        s = torch.as_tensor(sigma, dtype=torch.float32).expand(d.shape[:-1]).reshape(-1)
        if not self.kappa or s.max() > self.below: return d
        std = self.kappa * s * sd / (s ** 2 + sd ** 2).sqrt()
        d2 = d.reshape(-1, d.shape[-1])
        return (gate_estimate(d2, std) if self.keep else wiener_gate(d2, std)).reshape(d.shape)
sdedit_lib.GuidedStack = Gated

print(f'{"stem":6s} {"kappa":>6s} {"below":>6s} {"keep":>5s} {"flatness dB":>11s} {"spread dB":>9s} {"median dBFS":>11s}')
for lab in stems:
    real = real_clips(data, lab, split='valid', n=8, seconds=4.0, sample_rate=sr)
    print(f'{lab:6s} {"real":>6s} {"":6s} {"":5s} {clip_stats(real, sr)}', flush=True)
    for k, below, keep in kappas:
        Gated.kappa, Gated.below, Gated.keep = k, below, keep; t = time.time()
        out = sdedit_lib.sdedit(m, real, lab, 1.0, 50, 3.0)
        print(f'{lab:6s} {k:6g} {below:6g} {"yes" if keep else "no":>5s} {clip_stats(out, sr)}   ({time.time() - t:.0f} s)', flush=True)
