#!/usr/bin/env python
"""Convert Slakh2100 (<root>/{train,validation,test}/TrackNNNNN/{stems/SNN.flac,metadata.yaml}) into a gensep
stem folder: <out>/{train,valid,test}/<track>/{bass,drums,guitar,piano,other,mix}.wav, 22050 Hz mono int16.
Stems are summed by instrument class; classes a track lacks are silent and listed as 'absent' in metadata.json."""
import argparse, json, sys


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line on stderr, exit code 2 (argparse prints the usage too)
        self.exit(2, f"{self.prog}: error: {message}\n")


def main(argv=None) -> int:
    p = _Parser(prog='prepare_slakh.py', description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument('root', help='Slakh2100 root folder (holds train/, validation/, test/)')
    p.add_argument('out', help='output stem folder (created; must be empty unless --force)')
    p.add_argument('--splits', nargs='+', default=['train', 'validation', 'test'],
                   help='Slakh splits to convert (train validation test; valid is accepted for validation)')
    p.add_argument('--max-tracks', type=int, default=None, help='convert at most this many tracks per split')
    p.add_argument('--force', action='store_true', help='empty an existing non-empty output folder first')
    a = p.parse_args(argv)
    from gensep.core import GensepError   # imported after parsing: --help and usage errors stay instant
    from gensep.data import prepare_slakh
    try: info = prepare_slakh(a.root, a.out, splits=a.splits, max_tracks=a.max_tracks, force=a.force)
    except GensepError as e:
        print(f"{p.prog}: error: {e}", file=sys.stderr); return 2
    print(json.dumps(info['splits']))
    return 0


if __name__ == '__main__': sys.exit(main())
