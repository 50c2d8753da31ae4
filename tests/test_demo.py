"""`make demo` at the ci profile: the whole chain of chapters, each fed by the previous ones' outputs."""
import subprocess, sys
from pathlib import Path

GENSEP = str(Path(sys.executable).parent / 'gensep')


def test_demo_runs_and_writes_its_report(tmp_path):
    out = tmp_path / 'demo'
    r = subprocess.run([GENSEP, 'demo', '--profile', 'ci', '--out', str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr[-2000:]
    report = (out / 'report.md').read_text()
    for name in ('01_mini_slakh', '05_results', '02_nll_boxplots'):
        assert (out / f'{name}.ipynb').is_file() and f'## {name}' in report
    tables = {p.name for p in (out / 'tables').iterdir()}
    assert {'05_results_table_sdr_musdb.csv', '05_results_table_sdr_slakh.csv', '01_mini_slakh_table_sdr_slakh.csv'} <= tables
    # the results chapter used the data rendered by the first chapter, and the NLL chapter the priors it trained
    assert not (out / '05_results' / 'data').exists() and not (out / '02_nll_boxplots' / 'priors').exists()
    assert 'instglow_mle' in (out / 'tables' / '05_results_table_sdr_slakh.csv').read_text()
    # a second run refuses to overwrite the report
    r = subprocess.run([GENSEP, 'demo', '--profile', 'ci', '--out', str(out)], capture_output=True, text=True)
    assert r.returncode == 1 and 'already exists' in r.stderr
