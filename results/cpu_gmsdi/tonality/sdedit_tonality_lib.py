"""Helpers of the tonality probes: spectral flatness, and a plain STFT Wiener gate for white noise of known sigma."""
import torch

def flatness_db(x: torch.Tensor, sr: int) -> float:
    "Median over loud frames (within 30 dB of each clip's loudest) of the 80 Hz - 3 kHz spectral flatness of clips x (N, T), dB."
    p = torch.stft(x, 2048, 512, window=torch.hann_window(2048), return_complex=True).abs().square()   # (N, bins, frames)
    f = torch.fft.rfftfreq(2048, 1 / sr); pb = p[:, (f >= 80) & (f <= 3000)] + 1e-12
    flat = 10 * (pb.log().mean(1).exp() / pb.mean(1)).log10()
    e = 10 * p.sum(1).log10(); loud = e >= e.amax(1, keepdim=True) - 30
    return float(flat[loud].median())

def wiener_gate(x: torch.Tensor, sigma: float, n_fft: int = 512, hop: int = 128) -> torch.Tensor:
    "x (N, T) = signal + white noise of std sigma: each STFT bin scaled by max(0, 1 - E|noise bin|^2 / |X|^2)."
    win = torch.hann_window(n_fft); X = torch.stft(x, n_fft, hop, window=win, return_complex=True)
    pn = sigma ** 2 * win.square().sum()
    G = (1 - pn / X.abs().square().clamp_min(1e-20)).clamp_min(0)
    return torch.istft(G * X, n_fft, hop, window=win, length=x.shape[-1])
