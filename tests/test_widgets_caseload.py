"""Tests for casework.widgets.caseload: the limit slider, the chart, and the wiring of the sharing question."""

from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from casework import caseload  # noqa: E402
from casework.caseload import Caseload  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.judging import caseload as jc  # noqa: E402
from casework.widgets.caseload import (  # noqa: E402
    caseload_widget,
    chart_png,
    judge_lowest_shared_limit,
    lowest_shared_limit,
)

TEAM = (Caseload("가", 10), Caseload("나", 25), Caseload("다", 31), Caseload("라", 30))  # 96 cases


def test_chapter_names_are_the_judging_layers():
    """Are the names chapter 10 imports the judging and domain layers' own?"""
    assert judge_lowest_shared_limit is jc.judge_lowest_shared_limit
    assert lowest_shared_limit is caseload.lowest_shared_limit


def test_chart_png_closes_its_figure():
    """Are PNG bytes returned with no figure left open (so the notebook does not show it twice)?"""
    before = plt.get_fignums()
    data = chart_png(TEAM, 24)
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and plt.get_fignums() == before


def test_widget_starts_where_nobody_is_over_and_redraws_on_slide():
    """Does the slider start at the largest load, and does moving it redraw chart and summary?"""
    box = caseload_widget(TEAM)
    assert box.slider.value == 31
    assert "기준을 넘는 사람이 없습니다." in box.summary.value
    first = box.image.value
    box.slider.value = 24
    assert box.image.value != first
    assert "다(31건), 라(30건), 나(25건)" in box.summary.value


def test_widget_check_judges_the_slider_value():
    """Does the button judge the current slider value and show the feedback?"""
    box = caseload_widget(TEAM)
    assert box.check() == judge_lowest_shared_limit(TEAM, 31)
    box.slider.value = 24
    assert box.check().passed and "data-status='correct'" in box.feedback_area.value
    box.slider.value = 23
    assert box.feedback_area.value == ""  # moving the slider clears the old verdict


def test_the_example_teams_answer_comes_back_after_a_rerun():
    """With the example team, is the slider answer saved and set again when the widget is made again?"""
    box = caseload_widget()
    box.slider.value = 25
    box.check()
    assert caseload_widget().slider.value == 25
    assert caseload_widget(TEAM).slider.value == 31  # another team: not the example's answer


def test_widget_refuses_bad_team_or_limit():
    """Is a bad team or starting limit refused before any widget is built?"""
    with pytest.raises(CaseworkError):
        caseload_widget([])
    with pytest.raises(CaseworkError):
        caseload_widget(TEAM, limit=0)


@pytest.mark.parametrize("team", [[], "가", [Caseload("가", 1), "나"]])
def test_lowest_shared_limit_and_chart_png_refuse_bad_teams(team):
    """Are bad teams refused by the helper functions too, with no figure left open?"""
    before = plt.get_fignums()
    with pytest.raises(CaseworkError):
        lowest_shared_limit(team)
    with pytest.raises(CaseworkError):
        chart_png(team, 10)
    assert plt.get_fignums() == before
