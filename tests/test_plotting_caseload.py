"""Tests for casework.plotting.caseload: is the limit drawn and the overloaded marked red?"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402

from casework.caseload import Caseload, example_team  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.plotting.caseload import OK_COLOR, OVER_COLOR, caseload_chart  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


def _draw(team, limit, name):
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = caseload_chart(team, limit)
        fig.savefig(BUILD / name, dpi=100)
    return fig


def test_chart_draws_without_warnings_and_saves_a_png():
    """Does the chart draw with Hangul and no warning, and save a non-trivial PNG?"""
    fig = _draw(example_team(), 25, "caseload_chart.png")
    try:
        assert (BUILD / "caseload_chart.png").stat().st_size > 10_000
    finally:
        plt.close(fig)


def test_over_limit_bars_are_red_and_the_rest_blue():
    """Is each bar coloured by whether that worker is over the chosen limit?"""
    fig = _draw(example_team(), 25, "caseload_chart_colours.png")
    try:
        ax = fig.axes[0]
        colours = [to_hex(p.get_facecolor()) for p in ax.patches[: len(example_team())]]
        expected = [OVER_COLOR if w.active_cases > 25 else OK_COLOR for w in example_team()]
        assert colours == [to_hex(c) for c in expected]
    finally:
        plt.close(fig)


def test_limit_line_and_labels_show_the_chosen_value_and_the_excess():
    """Is the dashed line at the limit, labelled as a chosen value, with '+N건 초과' on red bars?"""
    fig = _draw(example_team(), 22, "caseload_chart_22.png")
    try:
        ax = fig.axes[0]
        dashed = [x for x in ax.get_lines() if x.get_linestyle() == "--"]
        assert dashed and list(dashed[0].get_ydata()) == [22, 22]
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        assert "기준 22건 (연습용으로 정한 값)" in legend and "기준 초과 (4명)" in legend
        notes = sorted(t.get_text() for t in ax.texts)
        assert notes == sorted(["+5건 초과", "+12건 초과", "+1건 초과", "+7건 초과"])
        ticks = [t.get_text() for t in ax.get_xticklabels()]
        assert ticks[0] == "가람\n18건"
    finally:
        plt.close(fig)


def test_limit_above_everyone_marks_nobody():
    """With a limit above every load, are there no red bars and no excess labels?"""
    fig = _draw(example_team(), 40, "caseload_chart_40.png")
    try:
        ax = fig.axes[0]
        assert not ax.texts
        assert ax.get_ylim()[1] > 40
    finally:
        plt.close(fig)


def test_chart_accepts_an_iterator():
    """Is a generator of workers drawn in full, not used up by validation?"""
    fig = caseload_chart((w for w in example_team()), 25)
    try:
        assert len(fig.axes[0].get_xticklabels()) == len(example_team())
    finally:
        plt.close(fig)


@pytest.mark.parametrize("team, limit", [([], 10), (example_team(), 0), (example_team(), "20"), ("가람", 5),
                                         ([Caseload("가", 1), "나"], 5)])
def test_bad_input_is_refused_before_drawing(team, limit):
    """Is a bad team or limit refused with a Korean message, and no figure left open?"""
    before = plt.get_fignums()
    with pytest.raises(CaseworkError):
        caseload_chart(team, limit)
    assert plt.get_fignums() == before
