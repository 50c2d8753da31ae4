"""InstGlow-MLE at a coarser frame rate first (issue "Separating your own music", part 2: an idea to measure).

The priors model 512-bin magnitude frames along time with convolutions, so they can score a sequence of every
f-th frame of the mixture's spectrogram, an f times cheaper problem. Each variant optimises the latents on that
coarse problem (Adam, lr 0.01, the paper's steps), then goes back to the full frame rate in one of three ways and
runs some full-rate iterations:
  mask    the coarse estimates, interpolated along time, become ratio masks x_j / sum_k x_k on the full-rate mixture
          (no full-rate iteration at all; the masks explain the mixture exactly; also scored along the coarse iterations)
  encode  those masked full-rate estimates are encoded exactly by each prior and optimised on at full rate
  repeat  the coarse latents, each repeated f times along time, start the full-rate optimisation
  pool    like mask, but the coarse problem is the mean of each f consecutive frames (not every f-th frame, which can
          miss a drum hit that falls between), and the masks interpolate linearly between the groups' centres
  rms     like pool, with the root mean square of each f frames (the energy of the group)
Baseline: the paper's setting (z = 0, 150 full-rate iterations, lr 0.01), scored as estimated (raw) and through
the same ratio masks. Median global SDR (dB) over the first 10 s of the six mini-Slakh test tracks (SPLIT=valid: valid;
EXCERPTS=3: every 10 s excerpt of the 30 s tracks), and the cost in
full-rate iteration equivalents (a coarse iteration counts 1/f; the time per track is printed too).

From the folder that holds data/mini and the priors:
    .venv/bin/python main/results/cpu_song/coarse_to_fine.py PRIORS [VARIANT ...] > coarse_to_fine.txt
VARIANT: f<factor>c<coarse iters>_<mode>[_lr<lr>][_b<beta1>,<beta2>], e.g. f2c150_mask, f4c150_encode,
f2c60_mask_lr0.03_b0.5,0.99 (the optional suffixes set the coarse stage's Adam; f1 is the full rate, so
f1c30_mask_lr0.1_b0.5,0.99 is `gensep separate --fast` scored through masks); 'paper' is the baseline; 'timing'
times an iteration (no scoring) at every frame, every 2nd and every 4th frame of the first track, in alternating rounds.
"""
import os, sys, time, re, torch, pandas as pd
from gensep.core import format_machine, machine_info
from gensep.data import list_tracks
from gensep.instglow import InstGlow, load_priors, _chunk, _unchunk, resynthesize, strided_to_full
from gensep.glow import full_bins, vmap_priors
from gensep.audio import stft
from gensep.songs import shares
from gensep.metrics import sdr_global

priors_dir = sys.argv[1]
variants = sys.argv[2:] or ['paper', 'f2c150_mask', 'f4c150_mask', 'f2c150_repeat', 'f2c150_encode']
SOURCES, SECONDS, LR = ['bass', 'drums', 'guitar', 'piano'], 10.0, 0.01
SPLIT = os.environ.get('SPLIT', 'test')   # SPLIT=valid chooses settings on the validation tracks
EXCERPTS = int(os.environ.get('EXCERPTS', 1))   # consecutive 10 s excerpts per track (EXCERPTS=3: the whole 30 s tracks)
FINE_CHECKS = [0, 10, 20, 30, 50]       # full-rate iterations after the coarse stage at which SDR is scored
COARSE_CHECKS = [20, 30, 40, 60, 80, 100]   # coarse iterations (short of the last) at which the masked estimates are scored too
print(format_machine(machine_info()), flush=True)
priors = load_priors(priors_dir, SOURCES)
fn = InstGlow(priors, progress_bar=False)._loss_fn(tuple(SOURCES), torch.device('cpu'))
enc = vmap_priors([priors[s].eval() for s in SOURCES], 'encode')
items = []
for t in list_tracks('data/mini', SPLIT):
    src, n = t.sources('slakh'), round(SECONDS * 22050)
    for k in range(EXCERPTS):
        refs = {s: r[k * n:(k + 1) * n] for s, r in src.items()}
        if min(len(r) for r in refs.values()) < n: break
        items.append((t.name + (f'@{k}' if EXCERPTS > 1 else ''), torch.stack(list(refs.values())).sum(0), refs))

def adam(z, V, mask, iters, checks=(), score=None, lr=LR, betas=(0.9, 0.999)):
    "Adam (lr 0.01 unless given) on latents z (S, C, F, L); score(x) at the iteration counts in checks; returns the last estimate."
    z = z.detach().clone().requires_grad_(True); opt = torch.optim.Adam([z], lr=lr, betas=betas)
    for it in range(iters + 1):
        loss, terms = fn(z, V, mask)
        if it in checks: score(it, terms['x'])
        if it == iters: return terms['x'], z.detach()
        opt.zero_grad(); loss.backward(); opt.step()

def pooled(V, f, how):
    "Mean (how='pool') or root mean square ('rms') of each f consecutive frames of V (F, N), the last group padded by repetition."
    N = V.shape[-1]; Nk = -(-N // f)
    Vp = torch.cat([V, V[:, -1:].expand(-1, Nk * f - N)], -1).reshape(V.shape[0], Nk, f)
    return Vp.mean(-1) if how == 'pool' else Vp.pow(2).mean(-1).sqrt()

def pooled_to_full(x, V, f):
    "Estimates x (S, F, Nk) of groups of f frames -> ratio-masked estimates (S, F, N) of V, linear between group centres."
    N, Nk = V.shape[-1], x.shape[-1]
    p = ((torch.arange(N, dtype=torch.float64) - (f - 1) / 2) / f).clamp(0, Nk - 1)
    i0 = p.floor().long(); i1 = (i0 + 1).clamp_max(Nk - 1); w = (p - i0).to(x.dtype)
    up = x[..., i0] * (1 - w) + x[..., i1] * w
    return shares(up.clamp_min(0)) * V

def masked(V, x, eps=1e-8):
    "Ratio masks of estimates x (S, F, N) applied to mixture magnitudes V (F, N)."
    return x / (x.sum(0, keepdim=True) + eps) * V

def sdrs(mix, refs, mag_full):
    est = resynthesize(mix, mag_full)
    return {s: float(sdr_global(refs[s], e)) for s, e in zip(SOURCES, est)}

def scorer(name, track, mix, refs, V, Vfull, prefix, cost0):
    "score(it, x): a row each for the raw and the masked estimates x after `it` iterations of a stage that began at cost0."
    def score(it, x):
        x = _unchunk(x, V.shape[-1]).clamp_min(0)
        for kind, mag in (('raw', x), ('masked', masked(V, x))):
            rows.append(dict(variant=name, stage=f'{prefix}{it} it, {kind}', cost=cost0 + it, track=track, **sdrs(mix, refs, full_bins(mag, Vfull))))
    return score

def timing(rounds=3, iters=20):
    "Seconds per Adam iteration (no scoring) on the first track at every frame, every 2nd and every 4th, in alternating rounds."
    V = stft(items[0][1]).abs()[:512]; per = {f: [] for f in (1, 2, 4)}
    for _ in range(rounds):
        for f in per:
            Vk, mk = _chunk(V[:, ::f], 100000); z0 = torch.zeros(len(SOURCES), *Vk.shape)
            t0 = time.perf_counter(); adam(z0, Vk, mk, iters); per[f].append((time.perf_counter() - t0) / iters)
    for f, ts in per.items():
        print(f'every {f} frame(s), {V[:, ::f].shape[-1]} frames: {sorted(ts)[len(ts) // 2]:.3f} s per iteration (median of {rounds} rounds of {iters}; all: {", ".join(f"{t:.3f}" for t in ts)})', flush=True)

rows = []
for name in variants:
    if name == 'timing': timing(); continue
    t_all = time.perf_counter()
    for track, mix, refs in items:
        Vfull = stft(mix).abs(); V = Vfull[:512]; N = V.shape[-1]
        if name == 'paper':
            Vc, mask = _chunk(V, 100000); z0 = torch.zeros(len(SOURCES), *Vc.shape)
            t0 = time.perf_counter(); adam(z0, Vc, mask, 150, (30, 50, 100, 150), scorer(name, track, mix, refs, V, Vfull, '', 0))
            print(f'{name} {track}: {time.perf_counter() - t0:.1f} s', flush=True); continue
        f, nc, mode, lr, b1, b2 = re.fullmatch(r'f(\d+)c(\d+)_([a-z]+)(?:_lr([\d.]+))?(?:_b([\d.]+),([\d.]+))?', name).groups()
        f, nc, lr, betas = int(f), int(nc), float(lr or LR), (float(b1 or 0.9), float(b2 or 0.999))
        t0 = time.perf_counter()
        if mode in ('pool', 'rms'):
            Vg = pooled(V, f, mode); Vk, mk = _chunk(Vg, 100000); Nk = Vg.shape[-1]
            to_full = lambda xk: pooled_to_full(_unchunk(xk, Nk).clamp_min(0), V, f)
        else:
            Vk, mk = _chunk(V[:, ::f], 100000); Nk = V[:, ::f].shape[-1]
            to_full = lambda xk: strided_to_full(_unchunk(xk, Nk).clamp_min(0), V, f)   # masked full-rate estimates (S, F, N)
        def coarse_score(it, x):
            rows.append(dict(variant=name, stage=f'coarse {it} it, masked', cost=it / f, track=track, **sdrs(mix, refs, full_bins(to_full(x), Vfull))))
        checks = [c for c in COARSE_CHECKS if c < nc]
        xk, zk = adam(torch.zeros(len(SOURCES), *Vk.shape), Vk, mk, nc, checks, coarse_score, lr=lr, betas=betas)
        xm = to_full(xk)
        t_coarse = time.perf_counter() - t0
        rows.append(dict(variant=name, stage=f'coarse {nc} it, masked', cost=nc / f, track=track, **sdrs(mix, refs, full_bins(xm, Vfull))))
        if mode in ('mask', 'pool', 'rms'):
            print(f'{name} {track}: coarse {t_coarse:.1f} s', flush=True); continue
        Vc, mask = _chunk(V, 100000)
        if mode == 'encode':
            with torch.no_grad(): z0 = enc(torch.stack([_chunk(x, 100000)[0] for x in xm])).float()
        else:
            zr = zk.repeat_interleave(f, -1)
            z0 = torch.zeros(len(SOURCES), *Vc.shape); L = min(zr.shape[-1], z0.shape[-1]); z0[..., :L] = zr[..., :L]
        t1 = time.perf_counter(); adam(z0, Vc, mask, max(FINE_CHECKS), FINE_CHECKS, scorer(name, track, mix, refs, V, Vfull, '+', nc / f))
        print(f'{name} {track}: coarse {t_coarse:.1f} s, {max(FINE_CHECKS)} full-rate iterations {time.perf_counter() - t1:.1f} s', flush=True)
    df = pd.DataFrame([r for r in rows if r['variant'] == name])
    med = df.groupby('stage', sort=False)[SOURCES].median(); med['mean'] = med.mean(axis=1)
    med['cost (full-rate iterations)'] = df.groupby('stage', sort=False)['cost'].first()
    print(f'== {name} ({time.perf_counter() - t_all:.0f} s for {len(items)} tracks)'); print(med.round(2).to_string(), flush=True)
