# source me on the device: wheels the image lacks, the repo and the IPython stand-in on the path
[ -d /tmp/site/soundfile.py ] || [ -f /tmp/site/soundfile.py ] || python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site devexp/whl/*.whl
export PYTHONPATH=/tmp/site:$PWD:$PWD/devexp/shim PYTHONUNBUFFERED=1 MPLBACKEND=Agg
