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


@pytest.fixture(autouse=True)
def _own_progress_file(tmp_path_factory, monkeypatch):
    """Each test gets its own empty progress file, so no saved answer leaks between tests."""
    monkeypatch.setenv("CASEWORK_PROGRESS", str(tmp_path_factory.mktemp("progress") / "progress.json"))
