"""The SDEdit round trip of the sdedit and tonality probes."""
from dataclasses import replace
import torch
from gensep.generation import GuidedStack, SamplerSettings

SIGMAS = (0.01, 0.03, 0.1, 0.3, 1.0)   # the start levels the probes try; 1 is plain generation

@torch.no_grad()
def sdedit(model, clips: torch.Tensor, prompt: str, sigma: float, steps: int = 50, w: float = 3.0,
           settings: SamplerSettings | None = None) -> torch.Tensor:
    """Audio clips (N, T) noised to `sigma` in the model's domain (seed 0) and sampled back down from it with `prompt`:
    ADPM2, `steps` steps of a Karras schedule from sigma to 1e-4, w, rescale 0.7, sampler seed 1; `settings` replaces the
    sampler settings (steps included; its sigma_max is set to sigma). Returns audio (N, T)."""
    u = model.to_model(clips)[:, None]
    x = u + sigma * torch.randn(u.shape, generator=torch.Generator().manual_seed(0))
    st = replace(settings, sigma_max=sigma) if settings else SamplerSettings(steps=steps, sigma_max=sigma)
    return model.to_audio(st.run(GuidedStack(model, [prompt], [None], w, rescale=0.7), x, generator=torch.Generator().manual_seed(1))[:, 0])
