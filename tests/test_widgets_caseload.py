"""Tests for casework.widgets.caseload: the limit slider, the chart, and the sharing question."""

from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from casework.caseload import Caseload, example_team  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.widgets.caseload import (  # noqa: E402
    caseload_widget,
    chart_png,
    judge_lowest_shared_limit,
    lowest_shared_limit,
)

TEAM = (Caseload("가", 10), Caseload("나", 25), Caseload("다", 31), Caseload("라", 30))  # 96 cases


def test_lowest_shared_limit_is_the_ceiling_of_the_mean():
    """Is the answer the smallest whole limit with total <= limit x people?"""
    assert lowest_shared_limit(TEAM) == 24
    assert lowest_shared_limit(example_team()) == 24  # 143 / 6 = 23.8
    assert lowest_shared_limit([Caseload("가", 0)]) == 1


def test_the_right_limit_is_correct_and_explains_why():
    """Is the lowest shared limit judged correct, with the arithmetic and what lies below it?"""
    fb = judge_lowest_shared_limit(TEAM, 24)
    assert fb.status is Status.CORRECT and fb.summary == "24건이 맞습니다."
    assert fb.points[0].startswith("팀 전체 96건을 4명이 나누면 한 사람에 24.0건")
    assert "넘는 14건을 여유 14건에" in fb.points[1]
    assert fb.points[-1].startswith("기준을 23건 이하로")


def test_too_high_and_too_low_get_different_directions():
    """Does a limit above the answer say 'go lower' and one below it show the capacity sum?"""
    high = judge_lowest_shared_limit(TEAM, 30)
    assert high.status is Status.INCORRECT and "더 낮은 기준" in high.summary
    low = judge_lowest_shared_limit(TEAM, 20)
    assert low.status is Status.INCORRECT and "20건 × 4명 = 80건" in low.points[0]


@pytest.mark.parametrize("team, limit", [([], 10), ("가", 10), (TEAM, 0), (TEAM, "24"), (5, 3)])
def test_bad_input_is_refused(team, limit):
    """Is an empty, non-list or bad-limit input refused in Korean?"""
    with pytest.raises(CaseworkError):
        judge_lowest_shared_limit(team, limit)


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
    assert box.check().status is Status.INCORRECT
    box.slider.value = 24
    assert box.check().passed and "data-status='correct'" in box.feedback_area.value
    box.slider.value = 23
    assert box.feedback_area.value == ""  # moving the slider clears the old verdict


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
