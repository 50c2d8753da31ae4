"""A spectral gate on the sampler's denoised estimates, tried as a way to give generated guitar and piano harmonic
lines (it does not: it makes time-frequency blobs; README.md). `GatedSettings` is gensep's `SamplerSettings` with two
more fields: below `gate_below`, each estimate d goes through `gensep.diffusion.wiener_gate` for an error of
`spectral_gate` x sigma (bins weaker than that are cut) and is scaled back to its own energy."""
from dataclasses import dataclass
import torch
from gensep.diffusion import wiener_gate
from gensep.generation import SamplerSettings

def gate_estimate(d: torch.Tensor, noise_std: torch.Tensor) -> torch.Tensor:
    "Estimates d (B, T) through `wiener_gate` for an error of std `noise_std` (B,), each scaled back to its energy."
    g = wiener_gate(d, noise_std)
    return g * (d.float().square().mean(-1, keepdim=True) / g.square().mean(-1, keepdim=True).clamp_min(1e-20)).sqrt()

@dataclass
class GatedSettings(SamplerSettings):
    spectral_gate: float = 0.0     # kappa (0: off)
    gate_below: float = 0.1        # the noise level under which the gate acts

    def run(self, denoise, x, callback=None, generator=None, progress_bar=False):
        if self.spectral_gate:
            plain = denoise
            def denoise(x, sigma):   # sigma: one level, or one per item of the last dimension but one
                d = plain(x, sigma); rows = d.reshape(-1, d.shape[-1])
                s = torch.as_tensor(sigma, dtype=torch.float32, device=d.device).expand(d.shape[:-1]).reshape(-1)
                on = s <= self.gate_below
                if not on.any(): return d
                return torch.where(on[:, None], gate_estimate(rows, self.spectral_gate * s).to(d.dtype), rows).reshape(d.shape)
        return super().run(denoise, x, callback, generator, progress_bar)
