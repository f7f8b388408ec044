"""Tests for casework.widgets.closure: are closure calls judged by the closure rules?"""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("ipywidgets")

from casework.closure import ClosureReason, decide_closure, follow_up_schedule  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.process import DongStep  # noqa: E402
from casework.widgets.closure import (  # noqa: E402
    closure_cases,
    FIRST_CONTACT_WITHIN,
    FOLLOW_UP_SPAN,
    MAY_CLOSE,
    NOT_YET,
    ClosureCase,
    closure_case,
    closure_widget,
    follow_up_feedback,
    follow_up_table,
    follow_up_widget,
    judge_closure,
    parse_months,
    reasons_table,
)
from casework.widgets.process import record_at  # noqa: E402

R = ClosureReason


def _rules_accept(case: ClosureCase, reason: ClosureReason) -> bool:
    try:
        decision = decide_closure(reason, date(2024, 9, 2), decided_with_person=case.decided_with_person,
                                  goals_reviewed=case.goals_reviewed)
        record_at(case.step).close(decision)
    except CaseworkError:
        return False
    return True


# --------------------------------------------------------------------------- cases


@pytest.mark.parametrize("case", closure_cases(), ids=lambda c: c.id)
def test_right_answer_is_correct_and_accepted_by_the_rules(case):
    """Is each case's right answer judged correct, and (if it closes) accepted by the library?"""
    if case.may_close:
        assert _rules_accept(case, case.reason)
        fb = judge_closure(case, True, case.reason)
    else:
        fb = judge_closure(case, False)
    assert fb.status is Status.CORRECT and fb.summary == case.why and fb.score == 1.0


@pytest.mark.parametrize("case", [c for c in closure_cases() if not c.may_close], ids=lambda c: c.id)
def test_cases_that_may_not_close_have_no_reason_that_fits(case):
    """For a case that may not close, is every reason either refused by the rules or explained?"""
    for reason in R:
        fb = judge_closure(case, True, reason)
        assert fb.status is Status.INCORRECT
        assert _rules_accept(case, reason) is False or reason in case.tempting, (case.id, reason)


@pytest.mark.parametrize("case", closure_cases(), ids=lambda c: c.id)
def test_rule_refusals_become_the_feedback(case):
    """When decide_closure or the record refuses, does the feedback quote that rule?"""
    for reason in R:
        if _rules_accept(case, reason):
            continue
        fb = judge_closure(case, MAY_CLOSE, reason)
        assert fb.status is Status.INCORRECT
        assert fb.summary.startswith("이 결정은 종결 규칙에 어긋납니다: ")
        assert fb.points[-1] == f"힌트: {case.hint}"


def test_closing_without_evaluation_quotes_the_evaluation_rule():
    """Does 'close for 목표 달성' without 평가 get the library's evaluation rule?"""
    fb = judge_closure(closure_case("feels-better"), True, "목표 달성")
    assert fb.summary == "이 결정은 종결 규칙에 어긋납니다: 목표 달성으로 종결하려면 먼저 목표를 얼마나 이루었는지 평가해야 합니다."


def test_closing_alone_quotes_the_decide_together_rule():
    """Does a worker's solo decision get the 'decide with the person' rule?"""
    fb = judge_closure(closure_case("worker-alone"), True, "정기적 접촉 불가")
    assert "당사자와 함께 결정해야 합니다" in fb.summary


def test_right_call_wrong_reason_is_partial_with_the_specific_note():
    """Is 'may close' with a reason that does not fit judged partial, with that reason's note?"""
    case = closure_case("moving")
    fb = judge_closure(case, True, R.PERSON_OR_GUARDIAN_WISH)
    assert fb.status is Status.PARTIAL and fb.score == 0.5
    assert fb.points[0] == case.tempting[R.PERSON_OR_GUARDIAN_WISH]


def test_rules_allow_but_story_does_not():
    """When the rules would accept a reason but the story does not support it, is that said?"""
    case = closure_case("feels-better")
    fb = judge_closure(case, True, R.PERSON_OR_GUARDIAN_WISH)
    assert fb.status is Status.INCORRECT and fb.summary == case.tempting[R.PERSON_OR_GUARDIAN_WISH]
    plain = ClosureCase(id="x", title="t", story="s", step=DongStep.MONITORING, decided_with_person=True,
                        goals_reviewed=False, may_close=False, reason=None, why="w", hint="h")
    fb = judge_closure(plain, True, R.MOVED_AWAY)
    assert fb.summary.startswith("규칙만 보면 '전출·주거지 이전'(으)로 종결할 수는 있지만")


def test_saying_not_yet_to_a_closable_case_is_wrong():
    """Is 'not yet' wrong for a case that may close, with the hint?"""
    case = closure_case("passed-away")
    fb = judge_closure(case, NOT_YET)
    assert fb.status is Status.INCORRECT and fb.points == (f"힌트: {case.hint}",)


def test_death_gets_no_follow_up_note_and_others_get_a_follow_up_note():
    """Does a correct 사망 closure say there is no follow-up, and others point to follow-up?"""
    assert judge_closure(closure_case("passed-away"), True, "사망").points == ("사망으로 종결한 사례에는 사후관리를 하지 않습니다.",)
    assert "사후관리 일정" in judge_closure(closure_case("moving"), True, "전출·주거지 이전").points[0]


@pytest.mark.parametrize("may, reason", [(None, None), ("", None), ("  ", "사망")])
def test_no_call_is_unanswered(may, reason):
    """Is a missing close/not-yet answer 'unanswered'?"""
    assert judge_closure(closure_case("moving"), may, reason).status is Status.UNANSWERED


@pytest.mark.parametrize("reason", [None, "", "— 사유를 고르세요 —"])
def test_closing_without_a_reason_is_unanswered(reason):
    """Is 'may close' without a reason 'unanswered' with a prompt to pick one?"""
    fb = judge_closure(closure_case("moving"), True, reason)
    assert fb.status is Status.UNANSWERED and "사유" in fb.points[0]


def test_judge_closure_refuses_bad_input():
    """Are a missing case, an odd yes/no and an unknown reason refused in Korean?"""
    with pytest.raises(CaseworkError, match="ClosureCase"):
        judge_closure("moving", True, "사망")
    with pytest.raises(CaseworkError, match="종결 여부"):
        judge_closure(closure_case("moving"), "네", "사망")
    with pytest.raises(CaseworkError, match="종결 여부"):
        judge_closure(closure_case("moving"), 1, "사망")
    with pytest.raises(CaseworkError, match="종결 사유"):
        judge_closure(closure_case("moving"), True, "바빠서")
    with pytest.raises(CaseworkError, match="moving"):
        closure_case("없는 사례")


def test_a_case_needs_a_reason_exactly_when_it_may_close():
    """Is a case that may close without a reason (or the reverse) refused as data?"""
    with pytest.raises(CaseworkError, match="종결 사유"):
        ClosureCase(id="x", title="t", story="s", step=DongStep.EVALUATION, decided_with_person=True,
                    goals_reviewed=True, may_close=True, reason=None, why="w", hint="h")


def test_cases_cover_every_reason_and_some_that_may_not_close():
    """Is every closure reason the answer to some case, with at least two cases that may not close?"""
    assert {c.reason for c in closure_cases() if c.may_close} == set(R)
    assert sum(not c.may_close for c in closure_cases()) >= 2


# --------------------------------------------------------------------------- widget


def test_closure_widget_routes_radio_and_dropdown():
    """Do the radio and dropdown reach the judge, and is feedback shown per case?"""
    box = closure_widget(only=["feels-better", "moving"])
    box.radios[0].value = MAY_CLOSE
    box.dropdowns[0].value = "목표 달성"
    assert box.check(0).status is Status.INCORRECT
    assert "평가해야 합니다" in box.feedback_areas[0].value
    box.radios[1].value = MAY_CLOSE
    box.dropdowns[1].value = "전출·주거지 이전"
    assert box.check(1).passed
    button = box.children[1].children[2].children[1]
    box.radios[1].value = NOT_YET
    button.click()
    assert "data-status='incorrect'" in box.feedback_areas[1].value


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


# --------------------------------------------------------------------------- follow-up


def test_follow_up_table_has_one_row_per_contact():
    """Is the schedule shown with dates, months and methods, one row per contact?"""
    table = follow_up_table(follow_up_schedule(date(2024, 1, 31)))
    assert list(table.index) == [1, 2, 3]
    assert list(table["날짜"]) == ["2024-02-29", "2024-04-30", "2024-07-31"]
    assert list(table["종결 후"]) == ["1개월", "3개월", "6개월"]
    assert list(table["방법"]) == ["재방문", "안부전화", "재방문"]


@pytest.mark.parametrize("bad", ["1, 3", [1, 3], None])
def test_follow_up_table_refuses_anything_but_a_schedule(bad):
    """Is something other than a follow_up_schedule result refused?"""
    with pytest.raises(CaseworkError, match="follow_up_schedule"):
        follow_up_table(bad)


@pytest.mark.parametrize("text, months", [("1, 3, 6", (1, 3, 6)), ("1개월 3개월", (1, 3)), ("", ()), ("2,\n5", (2, 5))])
def test_parse_months(text, months):
    """Are months read from commas, spaces and '개월'?"""
    assert parse_months(text) == months


@pytest.mark.parametrize("bad", ["1, 세", "-1", "1.5", 3])
def test_parse_months_refuses_non_numbers(bad):
    """Is a part that is not a whole number refused with an example?"""
    with pytest.raises(CaseworkError, match="개월"):
        parse_months(bad)


def test_good_plan_is_correct_and_lists_dates():
    """Does a plan within the advice get 'correct' with each dated contact?"""
    fb = follow_up_feedback(date(2024, 9, 2), [1, 3, 6])
    assert fb.status is Status.CORRECT
    assert fb.points[0] == "1회차: 2024-10-02 (종결 1개월 뒤) 재방문"
    assert fb.points[2] == "3회차: 2025-03-02 (종결 6개월 뒤) 재방문"


def test_late_or_long_or_single_plans_get_advice():
    """Are a late first contact, a plan past a year and a single contact each advised?"""
    late = follow_up_feedback(date(2024, 9, 2), [FIRST_CONTACT_WITHIN + 1, 6])
    assert late.status is Status.PARTIAL and any("첫 연락" in p for p in late.points)
    long = follow_up_feedback(date(2024, 9, 2), [1, FOLLOW_UP_SPAN + 1])
    assert any("마지막 연락" in p for p in long.points)
    single = follow_up_feedback(date(2024, 9, 2), [2])
    assert any("한 번뿐" in p for p in single.points)


def test_methods_are_passed_through():
    """Does choosing one method for all contacts change every line?"""
    fb = follow_up_feedback(date(2024, 9, 2), [1, 2], methods="안부전화")
    assert all(p.endswith("안부전화") for p in fb.points[:2])


def test_death_and_empty_plans():
    """Is follow-up after 사망 refused as feedback, and an empty plan 'unanswered'?"""
    assert follow_up_feedback(date(2024, 9, 2), [1], reason="사망").status is Status.INCORRECT
    assert follow_up_feedback(date(2024, 9, 2), []).status is Status.UNANSWERED


@pytest.mark.parametrize("closed_on, months", [("2024-09-02", [1]), (date(2024, 9, 2), [3, 1]),
                                                (date(2024, 9, 2), [0]), (date(2024, 9, 2), "1,3")])
def test_follow_up_feedback_lets_the_library_refuse_bad_plans(closed_on, months):
    """Are a text date, unordered months, zero and a string of months refused by the library?"""
    with pytest.raises(CaseworkError):
        follow_up_feedback(closed_on, months)


def test_follow_up_widget_builds_the_schedule_from_ticked_months():
    """Do ticked months and the method choice produce the dated table and feedback?"""
    box = follow_up_widget(date(2024, 1, 31))
    assert box.check().status is Status.UNANSWERED and box.table.value == ""
    for m in (1, 3, 6):
        box.month_boxes[m - 1].value = True
    fb = box.check()
    assert fb.passed
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
    assert fb.status is Status.INCORRECT and "종결일" in fb.summary


@pytest.mark.parametrize("kwargs", [{"closed_on": "2024-09-02"}, {"reason": "바빠서"}])
def test_follow_up_widget_refuses_bad_start_values(kwargs):
    """Is a text closing date or an unknown reason refused in Korean before building the widget?"""
    with pytest.raises(CaseworkError):
        follow_up_widget(**kwargs)
