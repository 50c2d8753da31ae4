"""`make gpu-check`: gensep's GPU code paths and speed figures on this machine, in one report.

Runs, in this order, each step as a subprocess with its own time limit (a failing step is reported, the others
still run): the CUDA tests (`pytest tests/test_cuda*.py`), then the `gensep bench` commands at the gpu profile
(separation eager and compiled/bf16, training fp32 and bf16 for every model that `gensep bench train` knows).
Writes runs/gpu-check/report.md (tables) and report.json (every raw figure), naming the machine they ran on.
Exits 2 with one line when there is no CUDA GPU, 1 when a step failed.

    make gpu-check                         # after `make test`'s setup
    python scripts/gpu_check.py --quick    # shorter benchmarks (about 5 minutes in all on an H100)
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def steps(quick: bool):
    py, gs = [sys.executable], [sys.executable, '-m', 'gensep.cli']
    sec = '20' if quick else '60'
    out = [('CUDA tests', py + ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'] + sorted(str(p.relative_to(ROOT)) for p in (ROOT / 'tests').glob('test_cuda*.py')), 900),
           ('separate, eager fp32', gs + ['bench', 'separate', '--profile', 'gpu', '--seconds', sec], 300),
           ('separate, bf16 + compile reduce-overhead', gs + ['bench', 'separate', '--profile', 'gpu', '--seconds', sec, '--amp', '--compile', 'reduce-overhead'], 600)]
    for amp in ([], ['--amp']):   # GMSDI: guided network evaluations on 4 x 12 s (a separation step's batch)
        out.append((f"diffusion denoiser, {'bf16' if amp else 'fp32'}", gs + ['bench', 'denoise', '--profile', 'gpu', '--seconds', '12', '--batch', '4'] + amp, 300))
    out.append(('GMSDI total generation, 4 sources x 12 s, 20 adpm2 steps', gs + ['bench', 'generate', '--profile', 'gpu', '--seconds', '12', '--steps', '20'], 600))
    from gensep.cli import BENCH_MODELS
    for m in BENCH_MODELS:
        for prec in ('off', 'bf16'):
            out.append((f'train {m}, {"fp32" if prec == "off" else prec}', gs + ['bench', 'train', '--model', m, '--profile', 'gpu', '--precision', prec, '--steps', '10' if quick else '30'], 600))
    return out

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='runs/gpu-check', help='report folder (relative to the project root)')
    ap.add_argument('--quick', action='store_true', help='shorter benchmarks')
    ap.add_argument('--list', action='store_true', help='print the steps and their commands, run nothing')
    a = ap.parse_args(argv)
    if a.list:
        for name, cmd, limit in steps(a.quick): print(f"{name}\t{limit}\t{' '.join(['python'] + cmd[1:])}")
        return 0
    import torch
    if not torch.cuda.is_available():
        print('gpu-check: no CUDA GPU is visible to torch here (torch.cuda.is_available() is False)', file=sys.stderr); return 2
    from gensep.core import machine_info, format_machine
    info = machine_info('cuda'); out = ROOT / a.out; out.mkdir(parents=True, exist_ok=True)
    print(f"gpu-check on {format_machine(info)}", flush=True)
    env = dict(os.environ, GENSEP_NO_PROGRESS='1', MPLBACKEND='Agg', PYTHONUNBUFFERED='1')
    results = []
    for name, cmd, limit in steps(a.quick):
        print(f"== {name}: {' '.join(cmd[1:])}", flush=True); t0 = time.time()
        try:
            p = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=limit)
            rc, text = p.returncode, p.stdout + p.stderr
        except subprocess.TimeoutExpired as e:
            rc, text = 'timeout', f"stopped after {limit} s\n" + (e.stdout or b'').decode(errors='replace')[-4000:]
        r = dict(step=name, command=' '.join(['python'] + cmd[1:]), rc=rc, seconds=round(time.time() - t0, 1))
        if rc == 0 and 'bench' in cmd:
            try: r['figures'] = json.loads(text[text.index('{'):text.rindex('}') + 1])
            except ValueError: r['rc'] = 'unparsed output'
        lines = [l for l in text.strip().splitlines() if l.strip()]
        r['tail'] = lines[-3:] if rc == 0 else lines[-25:]
        print(f"   {'ok' if r['rc'] == 0 else 'FAILED (' + str(r['rc']) + ')'} in {r['seconds']} s: {lines[-1] if lines else ''}", flush=True)
        results.append(r)
    report = dict(machine=info, date=time.strftime('%Y-%m-%d %H:%M'), quick=a.quick, steps=results)
    (out / 'report.json').write_text(json.dumps(report, indent=1))
    md = [f"# gensep gpu-check, {report['date']}", '', f"Machine: {format_machine(info)}", '',
          '| step | result | seconds | figures |', '|---|---|---|---|']
    keys = ('s_per_iter', 'wall_s', 'warmup_s', 'items_per_s', 's_per_step', 'evals_per_s', 's_per_guided_call', 's_per_10s_audio', 'peak_gpu_gib')
    for r in results:
        f = r.get('figures', {}); figs = ', '.join(f"{k} {f[k]}" for k in keys if k in f)
        md.append(f"| {r['step']} | {'ok' if r['rc'] == 0 else 'FAILED'} | {r['seconds']} | {figs or (r['tail'][-1] if r['tail'] else '')} |")
    md += ['', 'Commands (from the project root):', ''] + [f"    {r['command']}" for r in results]
    failed = [r for r in results if r['rc'] != 0]
    for r in failed: md += ['', f"## {r['step']} failed", '', '```', *r['tail'], '```']
    (out / 'report.md').write_text('\n'.join(md) + '\n')
    print(f"gpu-check: {len(results) - len(failed)}/{len(results)} steps ok; report in {a.out}/report.md")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
