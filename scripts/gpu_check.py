"""`make gpu-check`: gensep's GPU code paths and speed figures on this machine, in one report.

Runs, in this order, each step as a subprocess with its own time limit (a failing step is reported, the others
still run): the CUDA tests (`tests/test_cuda.py` for InstGlow, `tests/test_cuda_diffusion.py` for GMSDI), then the
`gensep bench` commands at the gpu profile: InstGlow separation eager and compiled/bf16; GMSDI's guided denoiser and
total generation in fp32 and bf16, and the cpu profile's model generating on the GPU; training fp32 and bf16 for
every model that `gensep bench train` knows; GMSDI separation of one chunk. `--only` picks steps by name.
Writes runs/gpu-check/report.md (tables) and report.json (every raw figure), naming the machine they ran on, after
every step, so a run cut short keeps what it measured. Exits 2 with one line when there is no CUDA GPU, 1 when a
step failed.

    make gpu-check                                   # after `make test`'s setup
    make gpu-check QUICK=1 ONLY=GMSDI,diffusion      # shorter benchmarks, GMSDI's steps alone
    python scripts/gpu_check.py --list               # the steps and their commands; runs nothing

Without the project's setup (a machine that has torch but no network): the script needs only what `gensep` imports,
run from the project root, e.g. `PYTHONPATH=. python3 scripts/gpu_check.py --quick`.
"""
import argparse, json, os, subprocess, sys, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def steps(quick: bool):
    py, gs = [sys.executable], [sys.executable, '-m', 'gensep.cli']
    pytest = py + ['-m', 'pytest', '-q', '-p', 'no:cacheprovider']
    sec = '20' if quick else '60'
    out = [('CUDA tests, InstGlow', pytest + ['tests/test_cuda.py'], 900),
           ('CUDA tests, GMSDI', pytest + ['tests/test_cuda_diffusion.py'], 600),
           ('separate, eager fp32', gs + ['bench', 'separate', '--profile', 'gpu', '--seconds', sec], 300),
           ('separate, compile reduce-overhead (fp32)', gs + ['bench', 'separate', '--profile', 'gpu', '--seconds', sec, '--compile', 'reduce-overhead'], 600),
           ('separate, bf16 + compile reduce-overhead', gs + ['bench', 'separate', '--profile', 'gpu', '--seconds', sec, '--amp', '--compile', 'reduce-overhead'], 600)]
    for amp in ([], ['--amp']):   # GMSDI: guided network evaluations on 4 x 12 s (a separation step's batch), then a band
        prec = 'bf16' if amp else 'fp32'
        out += [(f"GMSDI denoiser, {prec}", gs + ['bench', 'denoise', '--profile', 'gpu', '--seconds', '12', '--batch', '4'] + amp, 300),
                (f"GMSDI total generation, 4 sources x 12 s, 20 adpm2 steps, {prec}",
                 gs + ['bench', 'generate', '--profile', 'gpu', '--seconds', '12', '--steps', '20'] + amp, 600)]
    # the cpu profile's model (what the chapters train here) generating on the GPU: 10 s, 50 steps as in the generation chapter
    out.append(('GMSDI total generation, cpu-profile model, 4 sources x 10 s, 50 adpm2 steps, fp32',
                gs + ['bench', 'generate', '--profile', 'cpu', '--seconds', '10', '--steps', '50'], 300))
    from gensep.cli import BENCH_MODELS
    for m in BENCH_MODELS:
        for prec in ('off', 'bf16'):
            out.append((f'train {m}, {"fp32" if prec == "off" else prec}', gs + ['bench', 'train', '--model', m, '--profile', 'gpu', '--precision', prec, '--steps', '10' if quick else '30'], 600))
    out.append(('GMSDI separation, one 12 s chunk, Separator / Extractor / MSDM at the gpu steps', gs + ['bench', 'separate-gmsdi', '--profile', 'gpu', '--seconds', '12'], 600))
    return out

def select(all_steps, only: str | None):
    "The steps whose name contains one of the comma-separated words of `only` (case-insensitive); all of them if None."
    if not only: return all_steps
    words = [w.strip().lower() for w in only.split(',') if w.strip()]
    kept = [s for s in all_steps if any(w in s[0].lower() for w in words)]
    if not kept: raise SystemExit(f"gpu-check: --only {only!r} matches no step; the steps are: {'; '.join(s[0] for s in all_steps)}")
    return kept

def write_report(out: Path, info: dict, results: list, quick: bool, date: str) -> list:
    "Write report.json (every raw figure) and report.md (one table) for the steps run so far; return the failed ones."
    from gensep.core import format_machine
    report = dict(machine=info, date=date, quick=quick, steps=results)
    (out / 'report.json').write_text(json.dumps(report, indent=1))
    md = [f"# gensep gpu-check, {date}", '', f"Machine: {format_machine(info)}", '',
          '| step | result | seconds | figures |', '|---|---|---|---|']
    keys = ('s_per_iter', 'wall_s', 'warmup_s', 'items_per_s', 'audio_s_per_s', 's_per_step', 'evals_per_s', 's_per_guided_call',
            's_per_10s_audio', 's_per_chunk', 'params_m', 'peak_gpu_gib')
    for r in results:
        f = r.get('figures', {}); figs = ', '.join(f"{k} {f[k]}" for k in keys if k in f)
        md.append(f"| {r['step']} | {'ok' if r['rc'] == 0 else 'FAILED'} | {r['seconds']} | {figs or (r['tail'][-1] if r['tail'] else '')} |")
    md += ['', 'Commands (from the project root):', ''] + [f"    {r['command']}" for r in results]
    failed = [r for r in results if r['rc'] != 0]
    for r in failed: md += ['', f"## {r['step']} failed", '', '```', *r['tail'], '```']
    (out / 'report.md').write_text('\n'.join(md) + '\n')
    return failed

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--out', default='runs/gpu-check', help='report folder (relative to the project root)')
    ap.add_argument('--quick', action='store_true', help='shorter benchmarks')
    ap.add_argument('--list', action='store_true', help='print the steps and their commands, run nothing')
    ap.add_argument('--only', default=None, help="comma-separated words: run only the steps whose name contains one (e.g. 'GMSDI,diffusion')")
    a = ap.parse_args(argv)
    todo = select(steps(a.quick), a.only)
    if a.list:
        for name, cmd, limit in todo: print(f"{name}\t{limit}\t{' '.join(['python'] + cmd[1:])}")
        return 0
    import torch
    if not torch.cuda.is_available():
        print('gpu-check: no CUDA GPU is visible to torch here (torch.cuda.is_available() is False)', file=sys.stderr); return 2
    from gensep.core import machine_info, format_machine
    info = machine_info('cuda'); out = ROOT / a.out; out.mkdir(parents=True, exist_ok=True)
    print(f"gpu-check on {format_machine(info)}", flush=True)
    env = dict(os.environ, GENSEP_NO_PROGRESS='1', MPLBACKEND='Agg', PYTHONUNBUFFERED='1')
    results, date = [], time.strftime('%Y-%m-%d %H:%M')
    for name, cmd, limit in todo:
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
        failed = write_report(out, info, results, a.quick, date)   # after every step: a run cut short keeps what it measured
    print(f"gpu-check: {len(results) - len(failed)}/{len(results)} steps ok; report in {a.out}/report.md")
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
