"""Generation of 8 clips of 4 s per label with several sampler settings (EMA weights): mean of the clips' levels (dBFS), mean log-mel of the
top 24 of 64 bands (1.9-5.5 kHz; natural log of power, higher = more energy) against the real test clips, own-class
Frechet distance and the closest real class.

    python results/cpu_gmsdi/sampler_variants.py runs/gmsdi_all data/mini 8 ["VARIANT|VARIANT"] > sampler_variants.txt
"""
import sys, time, json, torch
from gensep.diffusion import load_diffusion
from gensep.generation import generate, SamplerSettings, real_clips
from gensep.frechet import frechet_audio_distance, LogMelFrames, level_dbfs
torch.set_grad_enabled(False)
model = load_diffusion(sys.argv[1], ema=True, device='cpu'); sr = model.sample_rate
data = sys.argv[2]; clips = int(sys.argv[3]) if len(sys.argv) > 3 else 8
labels = ['Bass', 'Drums', 'Guitar', 'Piano']
real = {l: real_clips(data, l, n=clips, seconds=4.0, sample_rate=sr) for l in labels}
emb = LogMelFrames(sample_rate=sr)
def hf(x): return emb.embed(list(x), sr).mean(0)[40:].mean().item()
variants = {
  'adpm2 eta1 smin1e-4': SamplerSettings(steps=50),
  'adpm2 eta0 smin1e-4': SamplerSettings(steps=50, options=dict(eta=0.0)),
  'adpm2 eta1 smin3e-3': SamplerSettings(steps=50, sigma_min=3e-3),
  'adpm2 eta0 smin3e-3': SamplerSettings(steps=50, sigma_min=3e-3, options=dict(eta=0.0)),
  'adpm2 w1': SamplerSettings(steps=50),
  'adpm2 w1.5': SamplerSettings(steps=50),
  'adpm2 w5': SamplerSettings(steps=50),
  'adpm2 w8': SamplerSettings(steps=50),
  'euler churn0 smin3e-3': SamplerSettings(sampler='euler', steps=100, sigma_min=3e-3),
}
for name in sys.argv[4].split('|') if len(sys.argv) > 4 else variants:
    st = variants[name]; t0 = time.time(); row = {}
    for l in labels:
        g = generate(model, l, n=clips, seconds=4.0, w=float(name.split(' w')[1]) if ' w' in name else 3.0, settings=st, seed=0, rescale=0.0)   # plain guidance, as when its outputs were made
        fds = {m: frechet_audio_distance(list(real[m]), list(g), sr) for m in labels}
        row[l] = dict(level=round(sum(level_dbfs(x) for x in g) / clips, 1), hf_gen=round(hf(g), 2), hf_real=round(hf(real[l]), 2),
                      own=round(fds[l]), closest=min(fds, key=fds.get))
    print(name, f'{time.time()-t0:.0f}s', json.dumps(row), flush=True)
