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


@pytest.fixture(scope="module")
def case():
    """The chapter 05 case study (80세 독거노인), for the tests of its widgets and judges."""
    from casework.cases import load_case

    return load_case("elderly_alone")


@pytest.fixture(scope="module")
def practice(case):
    """The case study's practice data (ratings, observations, plan)."""
    return case.practice_data


@pytest.fixture(autouse=True)
def _own_progress_file(tmp_path_factory, monkeypatch):
    """Each test gets its own empty progress file, so no saved answer leaks between tests."""
    monkeypatch.setenv("CASEWORK_PROGRESS", str(tmp_path_factory.mktemp("progress") / "progress.json"))
