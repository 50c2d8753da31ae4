set -o pipefail
T0=$(date +%s); el() { echo "### $(( $(date +%s) - T0 )) s: $*"; }
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv; nproc
source devexp/scripts/env.sh
python3 -c "import torch, soundfile, fastcore; print(torch.__version__, torch.cuda.get_device_name(), soundfile.__version__)"
el unpack; python3 devexp/scripts/unpack.py devexp/p1 /root/data
el cuda-tests; timeout 240 python3 -m pytest -q -x -p no:cacheprovider tests/test_cuda.py 2>&1 | tail -25
B="python3 -m gensep.cli bench separate --profile gpu --seconds 60 --sources 4"
el bench-old-fp32; PYTHONPATH=/tmp/site:$PWD/devexp/old timeout 90 $B | tail -14 | tr -d '\n '; echo
el bench-old-amp;  PYTHONPATH=/tmp/site:$PWD/devexp/old timeout 90 $B --amp | tail -14 | tr -d '\n '; echo
el bench-new-fp32; timeout 90 $B | tail -16 | tr -d '\n '; echo
el bench-new-amp;  timeout 90 $B --amp | tail -16 | tr -d '\n '; echo
el train-speed
timeout 150 python3 - <<'PY'
import pandas as pd, time
from gensep.instglow import train_prior
for amp in ('auto', 'off'):
    t = time.time(); out = f'/root/speed_{amp}'
    train_prior('drums', '/root/data', out, profile='gpu', minutes=0.6, train=dict(amp=amp, valid_every=50), force=True)
    h = pd.read_csv(f'{out}/metrics.csv')
    print(f"amp={amp}: steps {h.step.iloc[-1]} in {time.time()-t:.0f} s; samples/s median {h.samples_per_s.median():.1f}; "
          f"valid_loss {h.valid_loss.dropna().round(3).tolist()}", flush=True)
PY
el bench-new-compile; timeout 150 $B --compile | tail -16 | tr -d '\n '; echo
el bench-new-amp-compile; timeout 150 $B --amp --compile | tail -16 | tr -d '\n '; echo
el bench-new-amp-compile-ro; timeout 150 $B --amp --compile reduce-overhead | tail -16 | tr -d '\n '; echo
el done
