#!/usr/bin/env python
"""Convert MUSDB18 (<root>/{train,test}/*.stem.mp4) or MUSDB18-HQ (--hq: <root>/{train,test}/<track>/*.wav)
into a gensep stem folder: <out>/{train,valid,test}/<track>/{vocals,bass,drums,other,mix}.wav, 22050 Hz mono int16.
The 14 official validation tracks move from train to valid (--no-valid keeps them in train)."""
import sys

from _cli import Parser, convert


def main(argv=None) -> int:
    p = Parser('prepare_musdb.py', __doc__)
    p.add_argument('root', help='MUSDB18 root folder (holds train/ and test/)')
    p.add_argument('out', help='output stem folder (created; must be empty unless --force)')
    p.add_argument('--hq', action='store_true', help='the root is MUSDB18-HQ (wav folders), not .stem.mp4 files')
    p.add_argument('--no-valid', action='store_true', help='keep the official validation tracks in train')
    p.add_argument('--max-tracks', type=int, default=None, help='convert at most this many tracks per split')
    p.add_argument('--force', action='store_true', help='empty an existing non-empty output folder first')
    a = p.parse_args(argv)
    from gensep.data import MUSDB_VALID_TRACKS, prepare_musdb   # imported after parsing: --help stays instant
    return convert(p.prog, prepare_musdb, root=a.root, out=a.out, hq=a.hq, max_tracks=a.max_tracks, force=a.force,
                   valid_tracks=None if a.no_valid else MUSDB_VALID_TRACKS)


if __name__ == '__main__': sys.exit(main())
