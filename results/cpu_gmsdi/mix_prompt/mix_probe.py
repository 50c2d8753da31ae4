"""The four-stem prompt alone: how loud and how far from real four-stem mixtures the model's mixtures are, per w.
Total generation's mix follows this sample (gamma_y = inf), so this is what its mix distance measures.

    python results/cpu_gmsdi/mix_prompt/mix_probe.py MODEL DATA SPLIT CLIPS "1,2,3" [SEED [RESCALE [SAMPLER_STEPS]]]

Prints per w: median level (dBFS), log-mel Frechet distance to real SPLIT mixtures, frame-level spread (dB).
"""
import sys, time
import numpy as np
from gensep.core import format_machine
from gensep.diffusion import LABELS, load_diffusion
from gensep.generation import DEFAULT_RESCALE, SamplerSettings, generate, real_clips
from gensep.frechet import frame_level_range, frechet_audio_distance, level_dbfs

model_dir, data, split, clips = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
ws = [float(w) for w in sys.argv[5].split(',')]
seed = int(sys.argv[6]) if len(sys.argv) > 6 else 0
rescale = float(sys.argv[7]) if len(sys.argv) > 7 else DEFAULT_RESCALE
sampler_steps = int(sys.argv[8]) if len(sys.argv) > 8 else 100
model = load_diffusion(model_dir, ema=True, device='cpu'); sr = model.sample_rate
prompt = ', '.join(l.capitalize() for l in LABELS)
print(f"# {format_machine()}; model {model_dir} ({model.meta.get('step')} steps, EMA), split {split}, {clips} clips of 4 s, "
      f"prompt '{prompt}', rescale {rescale}, ADPM2 {sampler_steps} steps, seed {seed}", flush=True)
real = real_clips(data, prompt, split, n=clips, seconds=4.0, sample_rate=sr, seed=0)
train = real_clips(data, prompt, 'train', n=clips, seconds=4.0, sample_rate=sr, seed=0)
print(f"# real {split} mixtures: median level {np.median([level_dbfs(x) for x in real]):.1f} dBFS, frame spread "
      f"{frame_level_range(list(real), sr):.1f} dB; real training mixtures at distance {frechet_audio_distance(real, train, sr):.1f}", flush=True)
print('w,median_level_dbfs,fd_to_real_mix,level_range_db,seconds', flush=True)
for w in ws:
    t0 = time.time()
    g = generate(model, prompt, n=clips, seconds=4.0, w=w, settings=SamplerSettings('adpm2', sampler_steps), seed=seed, rescale=rescale)
    print(f"{w:g},{np.median([level_dbfs(x) for x in g]):.1f},{frechet_audio_distance(real, g, sr):.1f},"
          f"{frame_level_range(list(g), sr):.1f},{time.time() - t0:.0f}", flush=True)
