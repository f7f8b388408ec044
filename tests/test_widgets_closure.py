"""Tests for casework.widgets.closure: do the chapter 09 widgets wire their controls to
judging.closure, with the ladder and saved answers?"""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("ipywidgets")

from casework.closure import ClosureReason, follow_up_schedule
from casework.errors import CaseworkError
from casework.judging import closure as jc
from casework.judging.feedback import Status
from casework.widgets.closure import (
    MAY_CLOSE,
    NOT_YET,
    closure_case,
    closure_cases,
    closure_widget,
    follow_up_feedback,
    follow_up_table,
    follow_up_widget,
    judge_closure,
    reasons_table,
)

R = ClosureReason


def test_chapter_names_are_the_judging_layers():
    """Are judge_closure and follow_up_feedback, as chapter 09 imports them, the judging layer's own?"""
    assert judge_closure is jc.judge_closure and follow_up_feedback is jc.follow_up_feedback


def test_closure_widget_routes_radio_and_dropdown():
    """Do the radio and dropdown reach the judge, and is feedback shown per case?"""
    box = closure_widget(only=["feels-better", "moving"])
    box.radios[0].value = MAY_CLOSE
    box.dropdowns[0].value = "목표 달성"
    assert box.check(0) == judge_closure(closure_case("feels-better"), MAY_CLOSE, "목표 달성")
    assert "평가해야 합니다" in box.feedback_areas[0].value
    box.radios[1].value = MAY_CLOSE
    box.dropdowns[1].value = "전출·주거지 이전"
    assert box.check(1).passed
    box.radios[1].value = NOT_YET
    box.blocks[1].button.click()
    assert "data-status='incorrect'" in box.feedback_areas[1].value


def test_closure_widget_ladder_opens_the_hint_then_the_answer():
    """After a wrong call, do 힌트 and 풀이 보기 open the case's hint and then the right call?"""
    case = closure_case("moving")
    box = closure_widget(only=["moving"])
    box.radios[0].value = NOT_YET
    box.check(0)
    assert case.hint not in box.feedback_areas[0].value
    box.hint(0)
    assert case.hint in box.feedback_areas[0].value
    box.solution(0)
    assert "사유는 &#x27;전출·주거지 이전&#x27;입니다" in box.feedback_areas[0].value


def test_closure_answers_come_back_after_a_rerun():
    """Are the radio and the reason saved per case and put back when the widget is made again?"""
    box = closure_widget()
    box.radios[2].value = MAY_CLOSE
    box.dropdowns[2].value = "사망"
    box.check(2)
    again = closure_widget()
    assert (again.radios[2].value, again.dropdowns[2].value) == (MAY_CLOSE, "사망")
    assert again.radios[0].value is None


def test_closure_widget_untouched_and_empty():
    """Is an untouched case 'unanswered', and is an empty selection refused?"""
    box = closure_widget()
    assert len(box.items) == len(closure_cases())
    assert box.check(0).status is Status.UNANSWERED
    with pytest.raises(CaseworkError):
        closure_widget([])


def test_reasons_table_lists_the_six_reasons():
    """Does the reasons table list each reason with whether the person can decide with us?"""
    table = reasons_table().set_index("종결 사유")
    assert list(table.index) == [r.value for r in R]
    assert table.loc["사망", "당사자와 함께 결정"].startswith("아니요")
    assert table.loc["목표 달성", "먼저 평가 필요"] == "예"


def test_follow_up_table_has_one_row_per_contact():
    """Is the schedule shown with dates, months and methods, one row per contact?"""
    table = follow_up_table(follow_up_schedule(date(2024, 1, 31)))
    assert list(table.index) == [1, 2, 3]
    assert list(table["날짜"]) == [date(2024, 2, 29), date(2024, 4, 30), date(2024, 7, 31)]
    assert list(table["종결 후"]) == ["1개월", "3개월", "6개월"]
    assert list(table["방법"]) == ["재방문", "안부전화", "재방문"]


@pytest.mark.parametrize("bad", ["1, 3", [1, 3], None])
def test_follow_up_table_refuses_anything_but_a_schedule(bad):
    """Is something other than a follow_up_schedule result refused?"""
    with pytest.raises(CaseworkError, match="follow_up_schedule"):
        follow_up_table(bad)


def test_follow_up_widget_builds_the_schedule_from_ticked_months():
    """Do ticked months and the method choice produce the dated table and feedback?"""
    box = follow_up_widget(date(2024, 1, 31))
    assert box.check().status is Status.UNANSWERED and box.table.value == ""
    for m in (1, 3, 6):
        box.month_boxes[m - 1].value = True
    fb = box.check()
    assert fb == follow_up_feedback(date(2024, 1, 31), [1, 3, 6]) and fb.passed
    assert "2024-02-29" in box.table.value and "2024-07-31" in box.table.value
    box.method.value = "모두 안부전화"
    box.check()
    assert "재방문" not in box.table.value


def test_follow_up_widget_after_death_shows_the_refusal():
    """Does the widget for a 사망 closure refuse follow-up and show no table?"""
    box = follow_up_widget(reason="사망")
    box.month_boxes[0].value = True
    assert box.check().status is Status.INCORRECT and box.table.value == ""


def test_follow_up_widget_without_a_date():
    """Is a cleared date shown as feedback, not raised?"""
    box = follow_up_widget()
    box.date_picker.value = None
    box.month_boxes[0].value = True
    fb = box.check()
    assert fb.status is Status.INCORRECT and "종결일" in fb.points[0]


def test_follow_up_plan_comes_back_after_a_rerun():
    """Are the ticked months and the method saved and put back when the widget is made again?"""
    box = follow_up_widget(date(2024, 1, 31))
    for m in (1, 3, 6):
        box.month_boxes[m - 1].value = True
    box.method.value = "모두 안부전화"
    box.check()
    again = follow_up_widget()
    assert [b.value for b in again.month_boxes][:6] == [True, False, True, False, False, True]
    assert again.method.value == "모두 안부전화" and again.date_picker.value == date(2024, 1, 31)


@pytest.mark.parametrize("kwargs", [{"closed_on": "2024-09-02"}, {"reason": "바빠서"}])
def test_follow_up_widget_refuses_bad_start_values(kwargs):
    """Is a text closing date or an unknown reason refused in Korean before building the widget?"""
    with pytest.raises(CaseworkError):
        follow_up_widget(**kwargs)
