"""InstGlow-MLE's optimiser: median global SDR (dB) along the iterations, per variant, on the first 10 s of the six
mini-Slakh test tracks (Slakh-like sources, the cpu priors of 300 steps). Variants: Adam's learning rate and betas,
a rising learning rate, L-BFGS, MAP with the cheap z-norm prior. From the folder that holds data/mini and the priors:
    .venv/bin/python main/results/cpu_song/optimiser_curves.py adam0.01 lbfgs ... > optimiser_curves.txt
(other priors: PRIORS=runs/priors_b4 .venv/bin/python ...)
(the names are the keys of VARIANTS; 'evals' counts loss evaluations, 'loss' is the mean objective).
"""
import os, sys, time, torch, pandas as pd, json
from gensep.data import list_tracks
from gensep.instglow import InstGlow, load_priors, _chunk, _unchunk, resynthesize
from gensep.glow import full_bins
from gensep.audio import stft
from gensep.metrics import sdr_global
SOURCES = ['bass','drums','guitar','piano']; SECONDS = 10.0
priors = load_priors(os.environ.get('PRIORS', 'runs/ch08_cpu/08_gmsdi_separation/priors'), SOURCES)   # PRIORS=folder for other priors
sep = InstGlow(priors, progress_bar=False)
fn = sep._loss_fn(tuple(SOURCES), torch.device('cpu'))
items = []
for t in list_tracks('data/mini', 'test'):
    refs = {s: r[:round(SECONDS * 22050)] for s, r in t.sources('slakh').items()}
    items.append((t.name, torch.stack(list(refs.values())).sum(0), refs))
VARIANTS = {
 'adam0.01': (dict(kind='adam', lr=0.01), 200, [10,20,30,40,60,80,100,150,200]),
 'adam0.05': (dict(kind='adam', lr=0.05), 100, [10,20,30,40,60,80,100]),
 'adam0.2': (dict(kind='adam', lr=0.2), 40, [10,20,30,40]),
 'adam0.1b5': (dict(kind='adam', lr=0.1, betas=(0.5, 0.9)), 40, [10,20,30,40]),
 'lbfgs': (dict(kind='lbfgs'), 15, [1,2,3,5,8,10,15]),
 'mapz0.1': (dict(kind='adam', lr=0.05, gamma=0.1, prior='znorm'), 40, [20,30,40]),
 'mapz1': (dict(kind='adam', lr=0.05, gamma=1.0, prior='znorm'), 40, [20,30,40]),
 'mapz0.3_0.1': (dict(kind='adam', lr=0.1, gamma=0.3, prior='znorm'), 40, [20,30,40]),
 'b5_0.05': (dict(kind='adam', lr=0.05, betas=(0.5, 0.9)), 40, [20,30,40]),
 'b0_0.1': (dict(kind='adam', lr=0.1, betas=(0.0, 0.9)), 30, [10,20,30]),
 'b5_0.1_99': (dict(kind='adam', lr=0.1, betas=(0.5, 0.99)), 30, [10,20,30]),
 'b8_0.1_9': (dict(kind='adam', lr=0.1, betas=(0.8, 0.9)), 30, [10,20,30]),
 'adam0.02': (dict(kind='adam', lr=0.02), 60, [30,40,50,60]),
 'rise40': (dict(kind='adam', lr=0.01, rise=10, over=40), 40, [20,30,40]),
 'rise30': (dict(kind='adam', lr=0.01, rise=20, over=30), 30, [20,30]),
 'rise40b': (dict(kind='adam', lr=0.02, rise=10, over=40), 40, [30,40]),
}
sel = sys.argv[1:] or list(VARIANTS)
for name in sel:
    kw, n, checks = VARIANTS[name]; rows = []
    fn = InstGlow(priors, progress_bar=False, gamma=kw.get('gamma', 0.0), prior=kw.get('prior', 'flow'))._loss_fn(tuple(SOURCES), torch.device('cpu'))
    t0 = time.perf_counter()
    for track, mix, refs in items:
        V = stft(mix).abs(); Vc, mask = _chunk(V[:512], 100000)
        z = torch.zeros(len(SOURCES), *Vc.shape, requires_grad=True)
        evals = [0]
        if kw['kind'] == 'adam': opt = torch.optim.Adam([z], lr=kw['lr'], betas=kw.get('betas', (0.9, 0.999)))
        else: opt = torch.optim.LBFGS([z], lr=1, max_iter=1, history_size=20, line_search_fn='strong_wolfe')
        sch = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: kw['rise'] ** min(1, k / kw['over'])) if 'rise' in kw else None
        def closure():
            opt.zero_grad(); loss, _ = fn(z, Vc, mask); loss.backward(); evals[0] += 1; return loss
        for it in range(1, n + 1):
            opt.step(closure)
            if sch: sch.step()
            if it in checks:
                with torch.no_grad(): loss, terms = fn(z, Vc, mask)
                mag = full_bins(_unchunk(terms['x'], V.shape[-1]).clamp_min(0), V)
                est = resynthesize(mix, mag)
                rows.append(dict(it=it, evals=evals[0], track=track, loss=loss.item(), **{s: float(sdr_global(refs[s], e)) for s, e in zip(SOURCES, est)}))
    df = pd.DataFrame(rows)
    med = df.groupby('it')[SOURCES].median(); med['mean'] = med.mean(1); med['evals'] = df.groupby('it')['evals'].mean(); med['loss'] = df.groupby('it')['loss'].mean()
    print(f'== {name} ({time.perf_counter()-t0:.0f} s)'); print(med.round(3).to_string(), flush=True)
