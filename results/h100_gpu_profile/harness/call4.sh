set -o pipefail
source devexp/scripts/env.sh
python3 devexp/scripts/unpack.py devexp/p4 /root/data
python3 devexp/scripts/run_nb.py nbs/chapters/05_results.ipynb "profile='gpu'" "out_dir='/root/res'" "data_dir='/root/data'" jobs=6 minutes=5.0 seconds=10.0 save_stems=False 2>&1 | grep -v "it/s\]\|s/it\]" | tail -80
tar czf $OUT/res.tgz --exclude=checkpoint -C /root res; ls -la $OUT
