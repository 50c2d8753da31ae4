"""`make demo` at the ci profile: the whole chain of chapters, each fed by the previous ones' outputs."""
import os, subprocess, sys
from pathlib import Path

GENSEP = str(Path(sys.executable).parent / 'gensep')


def test_demo_runs_and_writes_its_report(tmp_path):
    out = tmp_path / 'demo'
    # a relative --out, as `make demo` gives it: chapters run in nbs/chapters, so every folder must be resolved
    env = {**os.environ, 'GENSEP_PRIORS': str(tmp_path / 'home')}
    r = subprocess.run([GENSEP, 'demo', '--profile', 'ci', '--out', 'demo'], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    report = (out / 'report.md').read_text()
    # it says where it is, without the kernel's warning about TCP, and leaves its priors where `gensep separate` looks
    assert '[1/6] mini_slakh: started at 0:00' in r.stdout and '[6/6] gmsdi_separation' in r.stdout, r.stdout
    assert 'TCP' not in r.stderr and 'TCP' not in r.stdout, r.stderr[-2000:]
    assert 'installed in' in r.stdout and sorted(p.name for p in (tmp_path / 'home').iterdir()) == ['bass', 'drums', 'guitar', 'other', 'piano', 'vocals']
    for name in ('01_mini_slakh', '05_results', '02_nll_boxplots', '06_training_on_mixtures', '07_generation', '08_gmsdi_separation'):
        assert (out / f'{name}.ipynb').is_file() and f'## {name}' in report
    # at the ci profile the chapters keep their own ci sizes: none of the cpu demo's (DEMO_SIZES) reaches them
    assert "'steps'" not in report and "'clips'" not in report and "'minutes'" not in report and "'data_dir'" in report, report[:3000]
    tables = {p.name for p in (out / 'tables').iterdir()}
    assert {'05_results_table_sdr_musdb.csv', '05_results_table_sdr_slakh.csv', '01_mini_slakh_table_sdr_slakh.csv'} <= tables
    # the results chapter used the data rendered by the first chapter, and the NLL chapter the priors it trained
    assert not (out / '05_results' / 'data').exists() and not (out / '02_nll_boxplots' / 'priors').exists()
    assert 'instglow_mle' in (out / 'tables' / '05_results_table_sdr_slakh.csv').read_text()
    # chapters 5 and 8 loaded the NMF baselines chapter 1 fitted on the same data instead of fitting them again
    assert (out / '01_mini_slakh' / 'nmf' / 'slakh' / 'model.safetensors').is_file()
    assert 'NMF, slakh: loaded from' in (out / '05_results.ipynb').read_text() and 'NMF, musdb: loaded from' in (out / '05_results.ipynb').read_text()
    assert 'NMF: loaded from' in (out / '08_gmsdi_separation.ipynb').read_text()
    # plots are copied next to the report and shown in it; the separated stems are pointed to
    plots = {p.name for p in (out / 'plots').iterdir()}
    assert {'05_results_table_sdr.png', '02_nll_boxplots_nll_boxplot.png'} <= plots, plots
    assert '![table_sdr](plots/05_results_table_sdr.png)' in report and '05_results/stems/' in report
    assert len(list((out / '05_results' / 'stems' / 'slakh').rglob('instglow_mle/piano.wav'))) >= 1
    # GMSDI: the generation chapter used the model the training chapter trained; its tables and players are in the report
    assert not (out / '07_generation' / 'model').exists() and (out / '06_training_on_mixtures' / 'model' / 'checkpoint').is_dir()
    assert {'07_generation_table_frechet.csv', '07_generation_table_single.csv', '06_training_on_mixtures_table_preview_levels.csv'} <= tables
    assert '<audio controls src="07_generation/total/mix.wav">' in report and 'Own class closest' in report
    assert "Own class closest in the stem classifier's embedding" in report and '07_generation_table_classifier_controls.csv' in tables
    # GMSDI separation beside InstGlow, with the models the earlier chapters trained
    assert not (out / '08_gmsdi_separation' / 'model').exists() and not (out / '08_gmsdi_separation' / 'priors').exists()
    t2 = (out / 'tables' / '08_gmsdi_separation_table2.csv').read_text()
    assert 'gmsdi_ensemble' in t2 and 'instglow_mle' in t2 and 'msdm' not in t2
    assert '<audio controls src="08_gmsdi_separation/example/gmsdi_extractor/drums.wav">' in report
    # a second run refuses to overwrite the report
    r = subprocess.run([GENSEP, 'demo', '--profile', 'ci', '--out', 'demo'], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 1 and 'already exists' in r.stderr
    # after the demo, a song separates with no other argument: the MUSDB-like priors it installed, stems under separated/
    import numpy as np, soundfile as sf
    t = np.arange(44100 * 2) / 44100
    sf.write(str(tmp_path / 'song.wav'), np.stack([np.sin(2 * np.pi * 110 * t), 0.5 * np.sin(2 * np.pi * 440 * t)], 1) * 0.3, 44100)
    r = subprocess.run([GENSEP, 'separate', 'song.wav'], capture_output=True, text=True, cwd=tmp_path, env=env)
    assert r.returncode == 0, r.stderr[-2000:]
    stems = sorted(p.name for p in (tmp_path / 'separated' / 'instglow_mle' / 'song').iterdir())
    assert stems == ['accompaniment.wav', 'bass.wav', 'drums.wav', 'other.wav', 'vocals.wav'], stems
