import sys

import pytest

# Golden notebooks are test data, not notebooks for nbval to run.
collect_ignore_glob = ["goldens/*"]


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test left open (only if the test used pyplot at all)."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")
