"""What the data scripts share: an argument parser whose errors are one line, and the call that turns a
GensepError into that line and exit code 2 (gensep is imported only then, so --help stays instant)."""
import argparse, json, sys


class Parser(argparse.ArgumentParser):
    def __init__(self, prog, doc):
        super().__init__(prog=prog, description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)

    def error(self, message):  # one line on stderr, exit code 2 (argparse prints the usage too)
        self.exit(2, f"{self.prog}: error: {message}\n")


def convert(prog: str, fn, **kwargs) -> int:
    "Call the converter `fn(**kwargs)`; print its splits as JSON (exit 0) or its GensepError as one line (exit 2)."
    from gensep.core import GensepError
    try: info = fn(**kwargs)
    except GensepError as e:
        print(f"{prog}: error: {e}", file=sys.stderr); return 2
    print(json.dumps(info['splits']))
    return 0
