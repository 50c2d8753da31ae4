"""GMSDI's CUDA paths: bf16 training of the diffusion model, and generation on the GPU against the CPU.

Skipped where there is no GPU (CI); `make gpu-check` runs it on a GPU machine."""
import math
import pandas as pd
import pytest
import torch
from gensep.baselines import toy_folder, TOY_SOURCES
from gensep.diffusion import DiffusionConfig, DiffusionModel, load_diffusion, train_diffusion
from gensep.generation import SamplerSettings, generate, generate_total

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason='needs a CUDA GPU')


def test_bf16_training_on_cuda(tmp_path):
    data = toy_folder(tmp_path / 'data', tracks=4, seconds=3.0)
    m = train_diffusion(data, tmp_path / 'run', profile='ci', steps=20, labels=TOY_SOURCES, device='cuda')
    hist = pd.read_csv(tmp_path / 'run' / 'metrics.csv')
    assert hist.step.iloc[-1] == 20 and hist.loss.notna().all()
    cpu = load_diffusion(tmp_path / 'run', device='cpu')             # a GPU checkpoint loads on the CPU
    x = 0.2 * torch.randn(2, 1000)
    with torch.no_grad():
        a = cpu.denoise(x, 0.3, cpu.encode(['Tones', 'Bass']))
        b = load_diffusion(tmp_path / 'run', device='cuda').denoise(x.cuda(), 0.3, cpu.to('cuda').encode(['Tones', 'Bass'])).cpu()
    assert torch.allclose(a, b, atol=1e-3), (a - b).abs().max()


def test_generation_on_cuda_matches_cpu():
    torch.manual_seed(0)
    m = DiffusionModel(DiffusionConfig.for_profile('ci')).eval()
    with torch.no_grad():
        for p in m.parameters(): p.add_(0.05 * torch.randn_like(p))
    st = SamplerSettings('euler', 10)                                 # deterministic: no churn
    a = generate(m, 'Bass', 2, 0.5, 2.0, settings=st, seed=3)
    b = generate(m.to('cuda'), 'Bass', 2, 0.5, 2.0, settings=st, seed=3).cpu()
    assert (a - b).abs().max() < 1e-2, (a - b).abs().max()
    with torch.autocast('cuda', torch.bfloat16):
        r = generate_total(m, ['Bass', 'Drums'], 2, 0.5, 2.0, settings=SamplerSettings(steps=6), seed=0)
    assert all(torch.isfinite(v).all() for v in r['sources'].values()) and r['mix'].device.type == 'cuda'
