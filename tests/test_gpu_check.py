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
    assert names[0] == 'CUDA tests' and 'tests/test_cuda.py' in rows[0][2]
    assert any(n.startswith('train glow') for n in names) and any('compile' in n for n in names), names
    for name, limit, cmd in rows[1:]:
        argv = shlex.split(cmd)
        assert argv[:3] == ['python', '-m', 'gensep.cli'], cmd
        a = make_parser().parse_args(argv[3:])          # argparse exits (fails the test) on an invalid command
        assert a.command == 'bench' and a.profile == 'gpu', cmd

@pytest.mark.skipif(torch.cuda.is_available(), reason='this machine has a GPU')
def test_no_gpu_is_one_line():
    p = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True)
    assert p.returncode == 2 and p.stderr.count('\n') == 1 and 'no CUDA GPU' in p.stderr, (p.returncode, p.stderr)
