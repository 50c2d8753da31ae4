"""Log-magnitude spectrograms (512-point STFT) of one real and one generated 6 s clip per stem (test split, seed 0,
ADPM2 50 steps, w 3), side by side, into OUT.png.

    python results/cpu_gmsdi/quiet_loss/spectrograms.py MODEL OUT.png
"""
import sys, torch, matplotlib; matplotlib.use('Agg'); import matplotlib.pyplot as plt
from gensep.diffusion import load_diffusion, LABELS
from gensep.generation import SamplerSettings, generate, real_clips
m = load_diffusion(sys.argv[1], ema=True, device='cpu'); sr = m.sample_rate
fig, ax = plt.subplots(4, 2, figsize=(12, 10), sharex=True, sharey=True)
for i, l in enumerate(LABELS):
    r = list(real_clips('data/mini', l, 'test', n=1, seconds=6.0, sample_rate=sr, seed=0))[0]
    g = generate(m, l.capitalize(), n=1, seconds=6.0, w=3, settings=SamplerSettings('adpm2', 50), seed=0)[0]
    for j, x in enumerate([r, g]):
        S = torch.stft(torch.as_tensor(x), 512, 128, window=torch.hann_window(512), return_complex=True).abs().add(1e-5).log10()
        ax[i, j].imshow(S.numpy(), origin='lower', aspect='auto', vmin=-5, vmax=1, extent=(0, 6, 0, sr / 2000))
        ax[i, j].set_title(f"{l}, {'real' if j == 0 else 'generated'}"); ax[i, j].set_ylabel('kHz')
ax[-1, 0].set_xlabel('s'); ax[-1, 1].set_xlabel('s')
fig.suptitle(f"{sys.argv[1]} ({m.meta.get('step')} steps)"); plt.tight_layout(); plt.savefig(sys.argv[2], dpi=60)
