"""Why is a generated stem nearest another class? Mean level per mel band (dB, the offline Frechet embedding's
log-mel frames at its default 22.05 kHz analysis rate, as w_sweep.py and the chapter measure; 64 slaney bands
from 0 to 11 kHz grouped by 8; the model's 11.025 kHz clips leave the upper half of the bands at the floor) of real clips of every class and of generated clips
of each single-label prompt, with the per-group difference generated - real own class, and percentiles of the
level of 0.1 s frames (dBFS): do generated stems keep the real ones' quiet moments?

Then the Frechet distances again with the log-mel's floor raised (eps, in the embedding's power units), which
asks how much of the distance sits in bands far below the loudest ones.

    python results/cpu_gmsdi/band_levels.py MODEL DATA SPLIT CLIPS W [NEG [SEED [EPS,...]]] > band_levels.txt

Generated clips as in w_sweep.py (EMA weights, ADPM2 50 steps, 4 s, rescale 0.7); real clips as there (seed 0).
"""
import sys, math, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate, SamplerSettings, real_clips
from gensep.frechet import LogMelFrames, frame_levels_dbfs, nearest_class_table, level_dbfs
from gensep.core import format_machine, machine_info
torch.set_grad_enabled(False)
model_dir, data, split, clips, w = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5])
neg = sys.argv[6] if len(sys.argv) > 6 else 'none'
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0
epss = [float(e) for e in sys.argv[8].split(',')] if len(sys.argv) > 8 else [1e-5, 1e-3, 1e-1]
print(format_machine(machine_info()))
model = load_diffusion(model_dir, device='cpu'); sr = model.sample_rate
labels = ['Bass', 'Drums', 'Guitar', 'Piano']
real = {l: real_clips(data, l, split=split, n=clips, seconds=4.0, sample_rate=sr) for l in labels}
gen = {l: generate(model, l, n=clips, seconds=4.0, w=w, negative=None if neg == 'none' else neg,
                   settings=SamplerSettings(steps=50), seed=seed, rescale=0.7) for l in labels}
emb = LogMelFrames()
fb = emb.fb; centre = (fb * torch.arange(fb.shape[1])).sum(1) / fb.sum(1) * (emb.sample_rate / 2) / (fb.shape[1] - 1)
groups = [f'{centre[8 * g:8 * g + 8].mean() / 1000:.2f}k' for g in range(8)]   # each group of 8 bands by its centre frequency
def band_db(x): return (10 / math.log(10)) * emb.embed(list(x), sr).mean(0).reshape(8, 8).mean(1)   # (8,) dB
Q = torch.tensor([0.05, 0.1, 0.25, 0.5, 0.9])
def frame_levels(x): return torch.quantile(frame_levels_dbfs(x, sr).float(), Q)   # percentiles Q of the levels of 0.1 s frames
print(f'model {model_dir} ({model.meta.get("step")} steps), split {split}, {clips} clips of 4 s, w {w:g}, negative {neg}, seed {seed}')
print('mean log-mel level (dB, embedding units) per group of 8 mel bands, centre frequency in kHz:')
print(f'{"":24s}' + ''.join(f'{g:>8s}' for g in groups) + '   level dBFS')
for l in labels:
    print(f'{"real " + l.lower():24s}' + ''.join(f'{v:8.1f}' for v in band_db(real[l])) + f'   {sorted(level_dbfs(x) for x in real[l])[clips // 2]:.1f}')
for l in labels:
    print(f'{"generated " + l.lower():24s}' + ''.join(f'{v:8.1f}' for v in band_db(gen[l])) + f'   {sorted(level_dbfs(x) for x in gen[l])[clips // 2]:.1f}')
for l in labels:
    print(f'{"generated - real " + l.lower():24s}' + ''.join(f'{v:8.1f}' for v in band_db(gen[l]) - band_db(real[l])))
print('\nlevel of 0.1 s frames (dBFS), percentiles ' + ', '.join(f'{q:g}' for q in Q.tolist()) + ':')
for kind, d in (('real', real), ('generated', gen)):
    for l in labels: print(f'{kind + " " + l.lower():24s}' + ''.join(f'{v:8.1f}' for v in frame_levels(d[l])))
for eps in epss:
    t = nearest_class_table({l.lower(): real[l] for l in labels}, {l.lower(): gen[l] for l in labels}, sr, LogMelFrames(eps=eps))
    print(f'\nFrechet distances with the log-mel floor eps = {eps:g} ({10 * math.log10(eps):.0f} dB in embedding units):')
    print(t.round(1).to_string())
