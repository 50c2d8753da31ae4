"""Settings every test run needs, however pytest is started (`make test` sets them too)."""
import os

# Progress bars off: in the executed chapters a notebook progress bar is a widget too, and tests count widgets.
os.environ.setdefault('GENSEP_NO_PROGRESS', '1')
