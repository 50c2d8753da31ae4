#!/usr/bin/env python
"""Convert Slakh2100 (<root>/{train,validation,test}/TrackNNNNN/{stems/SNN.flac,metadata.yaml}) into a gensep
stem folder: <out>/{train,valid,test}/<track>/{bass,drums,guitar,piano,other,mix}.wav, 22050 Hz mono int16.
Stems are summed by instrument class; classes a track lacks are silent and listed as 'absent' in metadata.json."""
import sys

from _cli import Parser, convert


def main(argv=None) -> int:
    p = Parser('prepare_slakh.py', __doc__)
    p.add_argument('root', help='Slakh2100 root folder (holds train/, validation/, test/)')
    p.add_argument('out', help='output stem folder (created; must be empty unless --force)')
    p.add_argument('--splits', nargs='+', default=['train', 'validation', 'test'],
                   help='Slakh splits to convert (train validation test; valid is accepted for validation)')
    p.add_argument('--max-tracks', type=int, default=None, help='convert at most this many tracks per split')
    p.add_argument('--force', action='store_true', help='empty an existing non-empty output folder first')
    a = p.parse_args(argv)
    from gensep.data import prepare_slakh   # imported after parsing: --help and usage errors stay instant
    return convert(p.prog, prepare_slakh, root=a.root, out=a.out, splits=a.splits, max_tracks=a.max_tracks, force=a.force)


if __name__ == '__main__': sys.exit(main())
