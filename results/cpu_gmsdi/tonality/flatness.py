"""The tonality probes' measures: spectral flatness, an estimate's error, and the three columns every probe prints."""
import torch
from gensep.frechet import frame_level_range, level_dbfs

def flatness_db(x: torch.Tensor, sr: int) -> float:
    "Median over loud frames (within 30 dB of each clip's loudest) of the 80 Hz - 3 kHz spectral flatness of clips x (N, T), dB."
    p = torch.stft(x, 2048, 512, window=torch.hann_window(2048), return_complex=True).abs().square()   # (N, bins, frames)
    f = torch.fft.rfftfreq(2048, 1 / sr); pb = p[:, (f >= 80) & (f <= 3000)] + 1e-12
    flat = 10 * (pb.log().mean(1).exp() / pb.mean(1)).log10()
    e = 10 * p.sum(1).log10(); loud = e >= e.amax(1, keepdim=True) - 30
    return float(flat[loud].median())

def error_db(estimate: torch.Tensor, clean: torch.Tensor) -> float:
    "Energy of estimate - clean over the energy of clean, over all clips, dB."
    return float(10 * ((estimate - clean).square().sum() / clean.square().sum()).log10())

def clip_stats(x: torch.Tensor, sr: int) -> str:
    "Clips x (N, T) as the probes' columns: flatness (dB), spread of 0.1 s frame levels (dB), median level (dBFS)."
    med = torch.tensor([level_dbfs(c) for c in x]).median()
    return f'{flatness_db(x, sr):11.1f} {frame_level_range(x, sr):9.1f} {med:11.1f}'

def spectrogram_grid(rows, sr: int, out: str) -> None:
    "Rows of (title, clips (N, T)) as a grid of 0-3 kHz power spectrograms in dB (1024-point frames, hop 256), one column per clip, saved to `out`."
    import matplotlib
    matplotlib.use('Agg'); import matplotlib.pyplot as plt
    fig, ax = plt.subplots(len(rows), 2, figsize=(12, 2.6 * len(rows)))
    top = round(3000 / sr * 1024)
    for (name, clips), axr in zip(rows, ax):
        for x, a in zip(clips, axr):
            S = torch.stft(x.float(), 1024, 256, window=torch.hann_window(1024), return_complex=True).abs().square()
            a.imshow(10 * torch.log10(S[:top] + 1e-10), origin='lower', aspect='auto', vmin=-60, vmax=30, extent=[0, x.shape[-1] / sr, 0, top * sr / 1024])
            a.set_title(name); a.set_ylabel('Hz')
    for a in ax[-1]: a.set_xlabel('s')
    plt.tight_layout(); plt.savefig(out, dpi=60)
    print(f'wrote {out}')
