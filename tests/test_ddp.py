"""Multi-process training: `torchrun --nproc_per_node 2` on CPU (Gloo) ends with the weights of one process trained
with the same global batch and data order, logs the same (process-averaged) metrics, writes one log and one
checkpoint, and resumes exactly."""
import os, subprocess, sys
from pathlib import Path
import pandas as pd
import pytest
import torch
from gensep.core import load_checkpoint, seed_everything
from gensep.train import ToyData, ToyRegressor, TrainConfig, Trainer

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ARGS = ['--batch_size', '8', '--log_every', '2', '--valid_every', '3', '--ckpt_every', '4', '--device', 'cpu']


def train(out: Path, *extra: str, procs: int = 1):
    "Run `python -m gensep.train` on the toy model, in one process or in `procs` under torchrun."
    launch = [sys.executable] if procs == 1 else [str(BIN / 'torchrun'), '--standalone', '--nproc_per_node', str(procs)]
    env = {**os.environ, 'GENSEP_NO_PROGRESS': '1', 'OMP_NUM_THREADS': '1',
           'PYTHONPATH': os.pathsep.join([str(ROOT), os.environ.get('PYTHONPATH', '')])}
    for k in ('RANK', 'LOCAL_RANK', 'WORLD_SIZE'): env.pop(k, None)
    r = subprocess.run(launch + ['-m', 'gensep.train', str(out), *ARGS, *extra], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]


def weights(run: Path) -> dict:
    return load_checkpoint(run / 'checkpoint').state_dict()


def test_two_processes_match_one(tmp_path):
    train(tmp_path / 'one', '--steps', '6')
    train(tmp_path / 'two', '--steps', '6', procs=2)
    one, two = weights(tmp_path / 'one'), weights(tmp_path / 'two')
    seed_everything(0); init = ToyRegressor().state_dict()   # what train_toy starts from
    for k in one:
        assert (one[k] - two[k]).abs().max() < 1e-6, k
        assert (one[k] - init[k]).abs().max() > 1e-3, f"{k} did not train"
    # only process 0 wrote, once: one log with one row per logged step, one checkpoint, nothing else
    assert sorted(p.name for p in (tmp_path / 'two').iterdir()) == ['checkpoint', 'metrics.csv']
    assert sorted(p.name for p in (tmp_path / 'two' / 'checkpoint').iterdir()) == ['config.json', 'model.safetensors', 'trainer_state.pt']
    h1, h2 = (pd.read_csv(tmp_path / r / 'metrics.csv') for r in ('one', 'two'))
    assert list(h2.step) == [2, 3, 4, 6]
    # logged terms are averaged over the processes: the same numbers as the single process's
    for c in ('loss', 'mae', 'grad_norm', 'valid_loss', 'valid_mae'):
        assert ((h1[c] - h2[c]).abs().fillna(0) < 1e-5).all(), (c, h1[c], h2[c])
    st = torch.load(tmp_path / 'two' / 'checkpoint' / 'trainer_state.pt', weights_only=True)
    assert len(st['rng']) == 2 and st['step'] == 6 and load_checkpoint(tmp_path / 'two' / 'checkpoint').meta['world_size'] == 2


def test_two_processes_resume_exactly(tmp_path):
    "With dropout (each process has its own random stream), 4 steps + resume to 6 equals 6 straight steps, bit for bit."
    train(tmp_path / 'straight', '--steps', '6', '--dropout', '0.3', procs=2)
    train(tmp_path / 'resumed', '--steps', '4', '--dropout', '0.3', procs=2)
    train(tmp_path / 'resumed', '--steps', '6', '--dropout', '0.3', '--resume', procs=2)
    a, b = weights(tmp_path / 'straight'), weights(tmp_path / 'resumed')
    assert all(torch.equal(a[k], b[k]) for k in a)
    sa, sb = (torch.load(tmp_path / r / 'checkpoint' / 'trainer_state.pt', weights_only=True)['optimizer']['state']
              for r in ('straight', 'resumed'))
    assert all(torch.equal(sa[i][k], sb[i][k]) for i in sa for k in sa[i])


def test_batch_must_divide_over_processes(tmp_path, monkeypatch):
    monkeypatch.setenv('WORLD_SIZE', '2')
    with pytest.raises(Exception, match='batch_size 7 is not divisible by the 2 processes'):
        Trainer(ToyRegressor(), ToyData(32), config=TrainConfig(steps=2, batch_size=7), out_dir=tmp_path / 'x')


def test_other_processes_do_not_touch_the_folder(tmp_path, monkeypatch):
    monkeypatch.setenv('WORLD_SIZE', '2'); monkeypatch.setenv('RANK', '1'); monkeypatch.setenv('LOCAL_RANK', '1')
    t = Trainer(ToyRegressor(), ToyData(32), config=TrainConfig(steps=2), out_dir=tmp_path / 'x', device='cpu')
    assert not t.is_main and t.local_batch == 4 and not (tmp_path / 'x').exists()


def test_two_processes_stop_together_at_a_time_budget(tmp_path):
    "`--minutes`: the processes agree on the last step (or the run would hang), which is logged, validated and saved."
    train(tmp_path / 'timed', '--steps', '1000000', '--minutes', '0.05', procs=2)
    h = pd.read_csv(tmp_path / 'timed' / 'metrics.csv')
    step = int(h.step.iloc[-1])
    assert 0 < step < 1_000_000 and step % 10 == 0 and pd.notna(h.valid_loss.iloc[-1]), h.tail(3)
    assert load_checkpoint(tmp_path / 'timed' / 'checkpoint').meta['step'] == step


def test_diffusion_trains_on_two_processes(tmp_path):
    "`torchrun ... gensep.cli train diffusion`: GMSDI's model (dict batches of audio and prompts, the EMA callback) under DDP."
    from gensep.baselines import toy_folder
    from gensep.diffusion import load_diffusion
    data = toy_folder(tmp_path / 'data', tracks=4, seconds=3.0)
    env = {**os.environ, 'GENSEP_NO_PROGRESS': '1', 'OMP_NUM_THREADS': '1'}
    for k in ('RANK', 'LOCAL_RANK', 'WORLD_SIZE'): env.pop(k, None)
    args = ['-m', 'gensep.cli', 'train', 'diffusion', '--data', str(data), '--profile', 'ci', '--steps', '6',
            '--labels', 'tones,noise,bass', '--device', 'cpu']
    for out, launch in (('one', [sys.executable]), ('two', [str(BIN / 'torchrun'), '--standalone', '--nproc_per_node', '2'])):
        r = subprocess.run(launch + args + ['--out', str(tmp_path / out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    a, b = (load_diffusion(tmp_path / r, ema=False).state_dict() for r in ('one', 'two'))
    # same global batch and data order; each process draws its own noise levels, so the runs differ, but both trained
    assert a.keys() == b.keys() and all(torch.isfinite(v).all() for v in b.values())
    assert a['net.out.2.weight'].abs().max() > 0 and b['net.out.2.weight'].abs().max() > 0     # zero at initialisation
    assert sorted(p.name for p in (tmp_path / 'two' / 'checkpoint').iterdir()) == ['config.json', 'ema.safetensors', 'model.safetensors', 'trainer_state.pt']
    h = pd.read_csv(tmp_path / 'two' / 'metrics.csv'); assert h.step.iloc[-1] == 6 and h.loss.notna().all()
