"""Probe, not library code: how much of an InstGlow iteration an exact re-layout of the 12-block cpu prior saves.
The prior's reverse pass (latents -> magnitudes) plus its backward, as in one InstGlow-MLE iteration, two ways:
  * `glow.reverse` as gensep runs it (InvConvNear permutes its groups to and from channel order in every block,
    weight-normalised weights and the 4x4 inverse are recomputed at every call);
  * the same function with the channels kept in InvConvNear's group order from the first block to the last (one
    gather at each end; the couplings' first and last 1x1 convolutions take their weights permuted to match), the
    weight-normalised weights, the inverse matrices and exp(-logs) of ActNorm computed once.
Both on a batch of 4 latents of 10 s (862 frames), one prior; prints the largest difference of the outputs and the
seconds per pass (median of 7 after 2 warm-ups). From the folder holding the priors:
    .venv/bin/python main/results/cpu_song/fast_reverse_probe.py runs/ch08_cpu/08_gmsdi_separation/priors/bass
"""
import sys, time, statistics, torch, torch.nn.functional as F
from gensep.core import format_machine, machine_info
from gensep.instglow import load_prior

prior = load_prior(sys.argv[1]).eval().requires_grad_(False); g = prior.glow
C = g.config.n_bins * g.config.squeeze; n = g.config.n_split; G = C // n; H2 = C // 2
hh, gg, kk = torch.meshgrid(torch.arange(2), torch.arange(G), torch.arange(n // 2), indexing='ij')
nat = (hh * H2 + gg * (n // 2) + kk)                  # natural channel of (h, group, k)
pos = (hh * H2 + kk * G + gg)                         # its position in group order
nat_of_pos = torch.empty(C, dtype=torch.long); nat_of_pos[pos.flatten()] = nat.flatten()
pos_of_nat = torch.argsort(nat_of_pos)

def wn(conv): return (conv.v * (conv.g / conv.v.norm(dim=(1, 2), keepdim=True))).detach(), conv.bias.detach(), conv.pad
blocks = []
for i in range(0, len(g.flows), 3):
    an, ic, cp = g.flows[i:i + 3]
    sw, sb, _ = wn(cp.start); idx0 = nat_of_pos[:H2]                        # first half: natural = position order's channels
    ew, eb = cp.end.weight.detach(), cp.end.bias.detach(); idx1 = nat_of_pos[H2:] - H2
    blocks.append(dict(
        an_b=an.bias.detach()[:, nat_of_pos], an_s=torch.exp(-an.logs.detach())[:, nat_of_pos],
        winv=torch.linalg.inv(ic.weight.detach()),
        start=(sw[:, idx0], sb), end=(torch.cat([ew[idx1], ew[H2 + idx1]]), torch.cat([eb[idx1], eb[H2 + idx1]])),
        ins=[wn(c) for c in cp.net.ins], rs=[wn(c) for c in cp.net.res_skip], hidden=cp.net.hidden, bound=cp.logs_bound))

def coupling_rev(h, b):
    y0, y1 = h[:, :H2], h[:, H2:]
    x = F.conv1d(y0, *b['start']); skip = 0; Hd = b['hidden']
    for j, ((w, bias, pad), (rw, rb, _)) in enumerate(zip(b['ins'], b['rs'])):
        a = F.conv1d(x, w, bias, padding=pad)
        out = F.conv1d(torch.tanh(a[:, :Hd]) * torch.sigmoid(a[:, Hd:]), rw, rb)
        if j < len(b['ins']) - 1: x, skip = x + out[:, :Hd], skip + out[:, Hd:]
        else: skip = skip + out
    m, logs = F.conv1d(skip, *b['end']).chunk(2, 1)
    if b['bound']: logs = b['bound'] * torch.tanh(logs / b['bound'])
    return torch.cat([y0, (y1 - m) * torch.exp(-logs)], 1)

def fast_reverse(z):
    h, _ = g.squeeze(z); h = h[:, nat_of_pos]; B, _, T = h.shape
    for b in reversed(blocks):
        h = coupling_rev(h, b)
        h = torch.matmul(b['winv'], h.reshape(B, n, G * T)).reshape(B, C, T)
        h = (h - b['an_b']) * b['an_s']
    return g.transform.reverse(g.squeeze.reverse(h[:, pos_of_nat]))

torch.manual_seed(0)
z0 = 0.3 * torch.randn(4, g.config.n_bins, 862)
with torch.no_grad(): print('largest |difference| of the outputs:', float((g.reverse(z0) - fast_reverse(z0)).abs().max()),
                            'largest |output|:', float(g.reverse(z0).abs().max()))
def timed(f):
    ts = []
    for k in range(9):
        z = z0.clone().requires_grad_(True); t0 = time.perf_counter(); f(z).square().mean().backward(); ts.append(time.perf_counter() - t0)
    return statistics.median(ts[2:])
print(format_machine(machine_info()), f'torch threads: {torch.get_num_threads()}')
for name, f in [('glow.reverse', g.reverse), ('group order, weights once', fast_reverse)] * 2:
    print(f'{name}: {timed(f):.3f} s per reverse + backward', flush=True)
