"""`make gpu-check` (scripts/gpu_check.py) is a project command: its steps are valid gensep commands, and on a
machine without a GPU it stops at once with one line."""
import shlex, subprocess, sys
from pathlib import Path
import pytest, torch
from gensep.cli import make_parser

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / 'scripts' / 'gpu_check.py'

def test_steps_are_valid_commands():
    out = subprocess.run([sys.executable, str(SCRIPT), '--list'], capture_output=True, text=True, check=True).stdout
    rows = [l.split('\t') for l in out.strip().splitlines()]
    names = [r[0] for r in rows]
    tests = [r[2] for r in rows if r[0].startswith('CUDA tests')]
    assert names[:2] == ['CUDA tests, InstGlow', 'CUDA tests, GMSDI'], names
    assert sorted(t.split()[-1] for t in tests) == sorted(str(p.relative_to(ROOT)) for p in (ROOT / 'tests').glob('test_cuda*.py'))
    assert any(n.startswith('train glow') for n in names) and any('compile' in n for n in names), names
    assert {'denoise', 'generate', 'separate-gmsdi'} <= {shlex.split(r[2])[4] for r in rows[2:]}, names
    for name, limit, cmd in rows[2:]:
        argv = shlex.split(cmd)
        assert argv[:3] == ['python', '-m', 'gensep.cli'], cmd
        a = make_parser().parse_args(argv[3:])          # argparse exits (fails the test) on an invalid command
        assert a.command == 'bench' and a.profile == ('cpu' if 'cpu-profile' in name else 'gpu'), cmd
        if 'bf16' in name: assert a.amp or a.precision == 'bf16', cmd

def test_only_picks_steps_by_name():
    run = lambda *args: subprocess.run([sys.executable, str(SCRIPT), '--list', *args], capture_output=True, text=True)
    names = [l.split('\t')[0] for l in run('--only', 'gmsdi, train diffusion').stdout.strip().splitlines()]
    assert names and all('GMSDI' in n or n.startswith('train diffusion') for n in names), names
    assert 'CUDA tests, GMSDI' in names and 'train diffusion, bf16' in names and 'train glow, fp32' not in names
    p = run('--only', 'no such step')
    assert p.returncode == 1 and 'matches no step' in p.stderr and 'CUDA tests, InstGlow' in p.stderr, p.stderr

@pytest.mark.skipif(torch.cuda.is_available(), reason='this machine has a GPU')
def test_no_gpu_is_one_line():
    p = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.count('\n') == 1 and 'no CUDA GPU' in p.stderr, (p.returncode, p.stderr)
