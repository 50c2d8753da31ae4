"""Single-stem generation judged twice: log-mel Frechet distance (`logmel-frames`) and a stem classifier's embedding
(`gensep.frechet.StemClassifier`, trained here on 4 x CLIPS isolated 4 s clips per stem of the training split, STEPS steps).
The generative model never saw an isolated stem; only the judge does.

    python results/cpu_gmsdi/judge/judge_sweep.py MODEL DATA SPLIT CLIPS "3,10" "none,seed" [SEED [STEPS [RESCALE [SAMPLER_STEPS [KAPPA [STEMS]]]]]]

Prints, for SPLIT: the classifier's accuracy on real clips, the yardstick (real training-split clips, seed 0, measured
against SPLIT's classes as generated clips are) in both embeddings, then per w, negative prompt and stem: the median
level, the nearest class in each embedding, the share of clips the classifier labels with the prompt's stem, and the
spread of the 0.1 s frame levels (10th to 90th percentile, dB; real SPLIT clips' in the header).
SEED seeds the generated clips (default 0); STEPS the classifier (default 300); RESCALE the guidance rescale
(default gensep.generation.DEFAULT_RESCALE); SAMPLER_STEPS ADPM2 steps (default 100, the generation chapter's); KAPPA the
sampler's spectral gate (`../tonality/spectral_gate_lib.py`, below sigma 0.1; default 0: off) for every generated clip;
STEMS the stems to generate, e.g. guitar,piano (default: all four; the judge and the controls are the same).
"""
import itertools, sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import DEFAULT_RESCALE, SamplerSettings, generate, real_clips
from gensep.frechet import fit_stem_classifier, frame_level_range, level_dbfs, nearest_class_table, noise_clips

model_dir, data, split, clips = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ws = [float(w) for w in sys.argv[5].split(',')]
negs = sys.argv[6].split(',') if len(sys.argv) > 6 else ['none']
seed = int(sys.argv[7]) if len(sys.argv) > 7 else 0
steps = int(sys.argv[8]) if len(sys.argv) > 8 else 300
rescale = float(sys.argv[9]) if len(sys.argv) > 9 else DEFAULT_RESCALE
sampler_steps = int(sys.argv[10]) if len(sys.argv) > 10 else 100
kappa = float(sys.argv[11]) if len(sys.argv) > 11 else 0.0
gen_stems = sys.argv[12].split(',') if len(sys.argv) > 12 else list(LABELS)
if kappa:
    sys.path.insert(0, __file__.rsplit('/', 2)[0] + '/tonality'); from spectral_gate_lib import GatedSettings
    settings = GatedSettings('adpm2', sampler_steps, spectral_gate=kappa)
else: settings = SamplerSettings('adpm2', sampler_steps)
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA), split {split}, {clips} clips of 4 s, "
      f"rescale {rescale}, ADPM2 {sampler_steps} steps" + (f", spectral gate {kappa:g}" if kappa else "") + f", generation seed {seed}, classifier {steps} steps", flush=True)
t0 = time.time()
judge_clips = {l: list(real_clips(data, l, 'train', n=4 * clips, seconds=4.0, sample_rate=sr, seed=1)) for l in LABELS}
judge, _ = fit_stem_classifier(judge_clips, sr, steps=steps, seed=0)
ref = {l: list(real_clips(data, l, split, n=clips, seconds=4.0, sample_rate=sr, seed=0)) for l in LABELS}
acc = {l: round(float(np.mean([c == l for c in judge.classify(v, sr)])), 3) for l, v in ref.items()}
print(f"# classifier trained in {time.time() - t0:.0f} s; real {split} clips labelled correctly: {acc}", flush=True)
print(f"# real {split} clips, frame-level spread (dB): {({l: round(frame_level_range(v, sr), 1) for l, v in ref.items()})}", flush=True)
train = {l: list(real_clips(data, l, 'train', n=clips, seconds=4.0, sample_rate=sr, seed=0)) for l in LABELS}
for name, emb in (('logmel-frames', 'logmel-frames'), ('stem-classifier', judge)):
    t = nearest_class_table(ref, train, sr, embedding=emb)
    print(f"# yardstick, real training clips, {name}: {int(t.own_class_closest.sum())} of 4 nearest their own class {dict(t.closest)}", flush=True)
controls = noise_clips(clips, round(4.0 * sr), -25.0, seed)
try: controls['unconditional (w 0)'] = generate(model, 'Bass', n=clips, seconds=4.0, w=0.0, settings=settings,
                                                 seed=seed, rescale=0.0)   # w 0: the null embedding's denoiser alone
except Exception as e: print(f"# no unconditional control: {e}")
for name, x in controls.items():
    x = list(10 ** (-25 / 20) * x / x.pow(2).mean(-1, keepdim=True).sqrt())  # -25 dBFS, about the real stems' level (the noise is already)
    a, b = nearest_class_table(ref, {name: x}, sr).iloc[0], nearest_class_table(ref, {name: x}, sr, embedding=judge).iloc[0]
    lab = judge.classify(x, sr)
    print(f"# control {name}: nearest {a.closest} (log-mel), {b.closest} (classifier; distances "
          + ' '.join(f"{k} {b[f'fd_to_{k}']:.1f}" for k in LABELS) + "); labelled " + str({k: lab.count(k) for k in LABELS}), flush=True)
print('w,negative,stem,median_level_dbfs,closest_logmel,closest_classifier,clips_labelled_own,'
      + ','.join(f'fd_to_{l}' for l in LABELS) + ',' + ','.join(f'cls_fd_to_{l}' for l in LABELS) + ',level_range_db,seconds', flush=True)
for w, neg in itertools.product(ws, negs):
    for l in gen_stems:
        t0 = time.time()
        negative = None if neg == 'none' else neg
        g = list(generate(model, l.capitalize(), n=clips, seconds=4.0, w=w, negative=negative,
                          settings=settings, seed=seed, rescale=rescale))
        a = nearest_class_table(ref, {l: g}, sr).iloc[0]
        b = nearest_class_table(ref, {l: g}, sr, embedding=judge).iloc[0]
        share = np.mean([c == l for c in judge.classify(g, sr)])
        lev = np.median([level_dbfs(x) for x in g])
        print(f"{w:g},{neg},{l},{lev:.1f},{a.closest},{b.closest},{share:.3f},"
              + ','.join(f"{a[f'fd_to_{k}']:.1f}" for k in LABELS) + ',' + ','.join(f"{b[f'fd_to_{k}']:.3f}" for k in LABELS)
              + f",{frame_level_range(g, sr):.1f},{time.time() - t0:.0f}", flush=True)
