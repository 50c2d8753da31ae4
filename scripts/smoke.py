"""Smoke check run at the end of `scripts/setup.sh`: import the stack and touch each native library.

Prints one line naming the first package that cannot load and exits 1; silent on success.
(`pip check` cannot see a torchaudio built for another torch: it declares no torch version.)
"""
import sys

def _torch():
    import torch
    torch.ones(2) @ torch.ones(2)

def _torchaudio():
    import torch, torchaudio, torchaudio.functional as F
    F.lfilter(torch.zeros(1, 8), torch.tensor([1.0, 0.0]), torch.tensor([1.0, 0.0]))  # loads libtorchaudio.so

def _soundfile():
    import soundfile
    soundfile.__libsndfile_version__

def _fluidsynth():
    import fluidsynth
    fluidsynth.Synth

def _gensep():
    import gensep.core, gensep.audio

CHECKS = {'torch': _torch, 'torchaudio': _torchaudio, 'soundfile': _soundfile, 'fluidsynth': _fluidsynth,
          'gensep': _gensep}

def main(names=None):
    for name in names or CHECKS:
        try: CHECKS[name]()
        except BaseException as e:  # a broken native library can raise anything (OSError, ImportError, AttributeError)
            msg = (str(e).strip().splitlines() or [type(e).__name__])[0][:300]
            print(f"setup: smoke check failed: cannot load {name}: {type(e).__name__}: {msg} "
                  f"(to reinstall the lock: rm .venv/.gensep-installed; make setup)", file=sys.stderr)
            return 1
    return 0

if __name__ == '__main__': sys.exit(main(sys.argv[1:]))
