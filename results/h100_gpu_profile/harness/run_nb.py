# Run a chapter notebook's code cells as a script (the GPU image has no Jupyter/papermill), with the
# parameters cell overridden as papermill would: python run_nb.py NB.ipynb key=value ...
import ast, json, sys, time
import matplotlib; matplotlib.use('Agg')
nb = json.load(open(sys.argv[1]))
params = {k: ast.literal_eval(v) for k, v in (a.split('=', 1) for a in sys.argv[2:])}
ns = {'__name__': '__main__'}
for i, c in enumerate(nb['cells']):
    if c['cell_type'] != 'code': continue
    src = ''.join(c['source']); t = time.time()
    exec(compile(src, f'cell{i}', 'exec'), ns)
    if 'parameters' in c.get('metadata', {}).get('tags', []):
        for k, v in params.items():
            assert k in ns, f'unknown parameter {k}'; ns[k] = v
        print('parameters:', params, flush=True)
    print(f'[cell {i}: {time.time() - t:.1f} s]', flush=True)
