"""Do the sources of a generated band cancel each other? Total generation as the generation chapter makes it (w 3,
the paper's negative prompts, ADPM2 100 steps, seed 0, 4 s bands) with the given rescale, gamma_x and gamma_y; per
band: the zero-lag correlation of every pair of sources, and the power of their sum against the sum of their powers
(1: uncorrelated; below 1: they cancel), with the same figures for real four-stem windows of SPLIT. Also the levels of
each source, of the mix (their sum) and of the sampled mixture y, and the log-mel Frechet distances of each source to
real clips of its stem and of the mix and y to real four-stem mixtures (the references of ../gate_net/band_probe.py).

    python results/cpu_gmsdi/band_coherence/coherence_probe.py MODEL DATA SPLIT BANDS RESCALE [GAMMA_X [GAMMA_Y [TIE]]]

TIE: how the rows' estimates are tied:
- `paper`, `posterior`, `posterior-once` or `posterior-bins`: gensep.generation.generate_total's `coupling=` (see
  `fuse_rows` and `fuse_bins`); the runs
  of 2026-12-06 made with the two posterior ties used this probe's own copy of the formulas, before they entered gensep
  (the same to 2.4e-7 on random rows);
- a number LAMBDA: the paper's tie with the mixture row's prior weighed by LAMBDA (its estimate X_y + LAMBDA (D_y - X_y)).
"""
import sys, time, itertools
import numpy as np, torch
from gensep.core import format_machine
from gensep.data import MixtureDataset, list_tracks
from gensep.diffusion import LABELS, load_diffusion
import gensep.generation as G
from gensep.generation import SamplerSettings
from gensep.frechet import frechet_audio_distance, level_dbfs

model_dir, data, split, bands, rescale = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
gx = float(sys.argv[6]) if len(sys.argv) > 6 else 0.0
gy = float(sys.argv[7]) if len(sys.argv) > 7 else 0.0
tie_mode = sys.argv[8] if len(sys.argv) > 8 else 'paper'
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA); w 3, rescale {rescale:g}, gamma_x {gx:g}, "
      f"gamma_y {gy:g}, tie {tie_mode}, negatives 'seed', ADPM2 100 steps, {bands} bands of 4 s, seed 0; real: {split}", flush=True)

def stats(S):   # S (bands, K, T) -> per-pair median correlation, median power ratio, median levels
    S = S.double(); K = S.shape[1]
    corr = {f"{LABELS[i]}-{LABELS[j]}": np.median([torch.corrcoef(s[[i, j]])[0, 1].item() for s in S]) for i, j in itertools.combinations(range(K), 2)}
    ratio = [(s.sum(0).square().mean() / s.square().mean(-1).sum()).item() for s in S]
    return corr, np.median(ratio), np.percentile(ratio, [10, 90])

n = round(4.0 * sr)
ds = MixtureDataset(list_tracks(data, split), labels=tuple(LABELS), samples=n, sample_rate=sr, subsets='full', mode='chunks', min_db=-50.0)
keep = [w for w in ds.windows if set(range(len(LABELS))) <= set(w[2])]
pick = sorted(torch.randperm(len(keep), generator=torch.Generator().manual_seed(0))[:32].tolist())
real = torch.stack([ds.stems[keep[j][0]][:, keep[j][1]:keep[j][1] + n] for j in pick])
t0 = time.time()
coupling = tie_mode if tie_mode in G.COUPLINGS else 'paper'
if tie_mode not in G.COUPLINGS:   # the mixture row's prior tempered inside the paper's tie, the noise twin included
    lam = float(tie_mode); _sample = G._sample_tied
    def temper(D, X):
        D = D.clone(); D[:, -1] = X[:, -1] + lam * (D[:, -1] - X[:, -1]); return D
    G._sample_tied = lambda model, stack, tie, *a: _sample(model, stack, lambda D, X, s: tie(temper(D, X), X, s), *a)
tot = G.generate_total(model, [l.capitalize() for l in LABELS], bands, 4.0, 3.0, 'seed', gamma_x=gx, gamma_y=gy,
                     settings=SamplerSettings('adpm2', 100), seed=0, rescale=rescale, coupling=coupling)
secs = time.time() - t0
gen = torch.stack([tot['sources'][l.capitalize()] for l in LABELS], 1)
print('what,' + ','.join(stats(real)[0]) + ',power_ratio_median,power_ratio_p10,power_ratio_p90')
for name, S in (('real', real), ('generated', gen)):
    c, r, (p10, p90) = stats(S)
    print(f"{name}," + ','.join(f"{v:.3f}" for v in c.values()) + f",{r:.3f},{p10:.3f},{p90:.3f}")
lv = lambda x: np.median([level_dbfs(c) for c in x])
print('levels_dbfs,' + ','.join(LABELS) + ',mix,y')
print('real,' + ','.join(f"{lv(real[:, k]):.1f}" for k in range(len(LABELS))) + f",{lv(real.sum(1)):.1f},")
print('generated,' + ','.join(f"{lv(gen[:, k]):.1f}" for k in range(len(LABELS))) + f",{lv(tot['mix']):.1f},{lv(tot['y']):.1f}")
ref = {l: G.real_clips(data, l, split, n=8, seconds=4.0, sample_rate=sr, seed=0) for l in LABELS}   # the band probe's references
ref['mix'] = G.real_clips(data, ', '.join(LABELS), split, n=8, seconds=4.0, sample_rate=sr, seed=0)
print('log_mel_fd,' + ','.join(LABELS) + ',mix,y')
print('generated,' + ','.join(f"{frechet_audio_distance(ref[l], gen[:, k], sr):.1f}" for k, l in enumerate(LABELS))
      + f",{frechet_audio_distance(ref['mix'], tot['mix'], sr):.1f},{frechet_audio_distance(ref['mix'], tot['y'], sr):.1f}")
print(f"# generation {secs:.0f} s; real: {len(real)} windows")
