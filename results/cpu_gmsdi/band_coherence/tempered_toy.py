"""The paper's tie with the mixture row's prior score weighed by LAMBDA, on Gaussian bands with exact denoisers and the
real sampler (ADPM2, 100 steps, with a noise twin): K = 4 white sources of power P and a mixture prior of power P_mix.
Prints the sources' power over P, the power of their sum over K P, and the mixture row's over K P.

    python results/cpu_gmsdi/band_coherence/tempered_toy.py > tempered_toy.txt
"""
import torch, math
from gensep.samplers import get_sampler, karras_sigmas
from gensep.generation import _coupling
torch.manual_seed(0)
K, P, n, T = 4, 0.01, 64, 2048
def run(lam, Py, sampler='adpm2', steps=100, twin=True):
    def tie(D, X, s):
        D = D.clone(); D[:, -1] = X[:, -1] + lam * (D[:, -1] - X[:, -1])
        r = X[:, K:] - X[:, :K].sum(1, keepdim=True)
        c = _coupling(s, 0.0, K + 1)
        return torch.cat([D[:, :K] + c * r, D[:, K:] - c * r], 1)
    pw = torch.tensor([P] * K + [Py])[None, :, None]
    def denoise(X, s):
        if twin:
            lv = X[-1].square().mean(-1).sqrt()[None, :, None]   # told level per row
            D = pw / (pw + lv ** 2) * X[:-1]
            return tie(torch.cat([D, torch.zeros_like(X[-1:])]), X, s)
        return tie(pw / (pw + s ** 2) * X, X, s)
    sig = karras_sigmas(steps, 1e-4, 1.0, 7.0)
    x = torch.randn(n + twin, K + 1, T) * sig[0]
    X = get_sampler(sampler)(denoise, x, sig, generator=torch.Generator().manual_seed(1))
    X = X[:-1] if twin else X
    src = X[:, :K]
    return (src.square().mean() / P).item(), (src.sum(1).square().mean() / (K * P)).item(), (X[:, K].square().mean()/(K*P)).item()
for Py in (K * P, K * P / 2.3):
    for lam in (1.0, 0.75, 0.5, 0.25, 0.1, 0.0):
        print(f"Py/KP {Py/(K*P):.2f} lam {lam}: source var/P, sum var/KP, y var/KP =", [round(v, 3) for v in run(lam, Py)])
