"""Installs gensep from settings.ini (nbdev 2 layout): `pip install -e .`"""
from configparser import ConfigParser
from pathlib import Path
import setuptools, shlex

cfg = ConfigParser(delimiters=['='])
cfg.read(Path(__file__).parent / 'settings.ini')
cfg = cfg['DEFAULT']
requirements = shlex.split(cfg.get('requirements', ''))
# extras: `pip install gensep[dev]` (pip-tools for `make lock`; Playwright and pytest-xdist for the tests), `gensep[t5]` (T5 text conditioning)
extras = {k: shlex.split(cfg.get(f'{k}_requirements', '')) for k in ('dev', 't5')}
scripts = [s.strip() for s in cfg.get('console_scripts', '').split('\n') if s.strip()]

setuptools.setup(
    name=cfg['lib_name'], version=cfg['version'], description=cfg['description'],
    long_description=(Path(__file__).parent / 'README.md').read_text(encoding='utf-8'),
    long_description_content_type='text/markdown',
    author=cfg['author'], author_email=cfg['author_email'], license='Apache-2.0',
    url=cfg['git_url'], keywords=cfg['keywords'].split(),
    packages=setuptools.find_packages(include=['gensep', 'gensep.*']),
    include_package_data=True, python_requires='>=' + cfg['min_python'],
    install_requires=requirements, extras_require=extras, zip_safe=False,
    entry_points={'console_scripts': scripts, 'nbdev': [f"{cfg['lib_path']}={cfg['lib_path']}._modidx:d"]},
)
