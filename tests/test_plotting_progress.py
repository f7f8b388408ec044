"""Tests for casework.plotting.progress: does the progress chart draw the log truthfully?

PNGs are written to build/ to be looked at (Hangul as glyphs, −2 ticks, nothing cut off).
"""

from __future__ import annotations

import warnings
from datetime import date
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from casework import pdn  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.monitoring import MonitoringEntry, MonitoringLog, t_scores_over_time  # noqa: E402
from casework.plotting.progress import progress_chart  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


def _draw(log, name, **kwargs):
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = progress_chart(log, **kwargs)
        fig.savefig(BUILD / name, dpi=100)
    return fig


def _fits(fig):
    """Every text artist lies inside the figure (nothing cut off)."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    for text in fig.findobj(matplotlib.text.Text):
        if not text.get_visible() or not text.get_text():
            continue
        box = text.get_window_extent(renderer)
        assert box.x0 >= -1 and box.y0 >= -1, text.get_text()
        assert box.x1 <= width + 1 and box.y1 <= height + 1, text.get_text()


def test_practice_log_chart_draws_without_warnings():
    """Does the six-month chart draw with no glyph warning and keep all labels inside?"""
    fig = _draw(pdn.practice_monitoring_log(), "progress_practice.png")
    try:
        assert (BUILD / "progress_practice.png").stat().st_size > 10_000
        _fits(fig)
    finally:
        plt.close(fig)


def test_levels_panel_has_one_line_per_goal_at_the_true_levels():
    """Is there one line per goal whose points sit within the nudge of the recorded levels?"""
    log = pdn.practice_monitoring_log()
    fig = _draw(log, "progress_levels.png")
    try:
        ax_levels, _ax_t = fig.axes
        lines = [x for x in ax_levels.get_lines() if not x.get_label().startswith("_")]
        assert [x.get_label().replace("\n", "") for x in lines] == list(log.goals)
        for line, goal in zip(lines, log.goals):
            expected = [lvl for _, lvl in log.levels_over_time(goal)]
            assert [round(y) for y in line.get_ydata()] == expected
            assert all(abs(y - e) <= 0.1 for y, e in zip(line.get_ydata(), expected))
    finally:
        plt.close(fig)


def test_negative_ticks_use_an_ascii_minus():
    """Are the level ticks -2 … +2 with a plain hyphen (NanumGothic has no U+2212)?"""
    fig = _draw(pdn.practice_monitoring_log(), "progress_ticks.png")
    try:
        labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
        assert labels == ["-2", "-1", "0", "+1", "+2"]
        assert not any("\u2212" in t.get_text() for t in fig.findobj(matplotlib.text.Text))
    finally:
        plt.close(fig)


def test_t_score_panel_plots_the_library_scores():
    """Does the T-score line carry exactly t_scores_over_time, with a reference line at 50?"""
    log = pdn.practice_monitoring_log()
    fig = _draw(log, "progress_t.png")
    try:
        ax_t = fig.axes[1]
        t_line = next(x for x in ax_t.get_lines() if x.get_label() == "T점수")
        assert list(t_line.get_ydata()) == pytest.approx([t for _, t in t_scores_over_time(log)])
        assert any(list(x.get_ydata()) == [50, 50] for x in ax_t.get_lines())
        notes = [t.get_text() for t in ax_t.texts]
        assert "31.7" in notes and "59.1" in notes
    finally:
        plt.close(fig)


def test_reassessment_entries_are_marked():
    """Is the July needs change marked '재사정 필요' on the chart?"""
    fig = _draw(pdn.practice_monitoring_log(), "progress_mark.png")
    try:
        marks = [t for t in fig.axes[0].texts if t.get_text() == "재사정 필요"]
        assert len(marks) == 1
        assert marks[0].xy[0] == date(2025, 7, 1)
    finally:
        plt.close(fig)


def test_weights_change_the_t_line():
    """Do weights reach the T-score computation?"""
    log = pdn.practice_monitoring_log()
    weights = dict(zip(log.goals, (3, 1, 1)))
    fig = _draw(log, "progress_weighted.png", weights=weights, title="가중치를 준 T점수")
    try:
        t_line = next(x for x in fig.axes[1].get_lines() if x.get_label() == "T점수")
        assert list(t_line.get_ydata()) == pytest.approx([t for _, t in t_scores_over_time(log, weights)])
        assert fig.axes[0].get_title() == "가중치를 준 T점수"
    finally:
        plt.close(fig)


def test_single_entry_and_long_goal_names_fit():
    """Does one entry with long goal names draw without cutting labels off?"""
    log = MonitoringLog(date(2025, 1, 2), [MonitoringEntry(
        on=date(2025, 2, 3), method="척도·기록",
        goal_levels={"어르신이 석 달 안에 이웃과 주 3회 이상 함께 식사하기": -2, "정기 진료 빠짐없이": 2},
    )])
    fig = _draw(log, "progress_single.png")
    try:
        _fits(fig)
    finally:
        plt.close(fig)


def test_entries_without_levels_are_skipped_and_an_all_blank_log_refused():
    """Is an entry without levels left out, and a log with no levels at all refused?"""
    blank = MonitoringLog(date(2025, 1, 2), [MonitoringEntry(on=date(2025, 2, 3), method="가정방문·상담")])
    with pytest.raises(CaseworkError, match="수준"):
        progress_chart(blank)
    blank.add(MonitoringEntry(on=date(2025, 3, 3), method="가정방문·상담", goal_levels={"목표": 0}))
    fig = _draw(blank, "progress_partial.png")
    try:
        t_line = next(x for x in fig.axes[1].get_lines() if x.get_label() == "T점수")
        assert len(t_line.get_xdata()) == 1
    finally:
        plt.close(fig)


@pytest.mark.parametrize("bad", [None, [], "log"])
def test_refuses_non_logs(bad):
    """Is anything but a MonitoringLog refused in Korean?"""
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        progress_chart(bad)


def test_refuses_bad_title_and_bad_weights():
    """Are a non-text title and weights for unknown goals refused?"""
    log = pdn.practice_monitoring_log()
    with pytest.raises(CaseworkError, match="제목"):
        progress_chart(log, title=3)
    with pytest.raises(CaseworkError, match="가중치"):
        progress_chart(log, weights={"없는 목표": 1})


def test_import_does_not_load_pyplot():
    """Is pyplot imported only when a chart is drawn?"""
    import subprocess
    import sys

    code = ("import sys, casework.plotting.progress; "
            "assert 'matplotlib.pyplot' not in sys.modules; print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
