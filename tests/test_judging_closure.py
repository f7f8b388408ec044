"""Tests for casework.judging.closure: closure calls judged by the closure rules, and follow-up plans."""

from __future__ import annotations

from datetime import date

import pytest

from casework.closure import NO_FOLLOW_UP_AFTER_DEATH, ClosureReason, decide_closure
from casework.errors import CaseworkError
from casework.judging.closure import (
    FIRST_CONTACT_WITHIN,
    FOLLOW_UP_SPAN,
    MAY_CLOSE,
    NOT_YET,
    follow_up_feedback,
    judge_closure,
    parse_months,
)
from casework.judging.feedback import Level, Status
from casework.process import DongStep
from casework.scenario_models import ClosureCase, closure_case, closure_cases, record_at

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
    assert case.why in fb.solution and fb.hints[0] == case.hint


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
        assert case.hint in fb.hints and case.hint not in fb.to_text(Level.CHECK)


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
    assert fb.summary.startswith("규칙만 보면 '전출·주거지 이전'으로 종결할 수는 있지만")


def test_saying_not_yet_to_a_closable_case_is_wrong_without_naming_the_reason():
    """Is 'not yet' wrong for a case that may close, the reason kept for 풀이 and the hint for 힌트?"""
    case = closure_case("passed-away")
    fb = judge_closure(case, NOT_YET)
    assert fb.status is Status.INCORRECT and "사망" not in fb.to_text(Level.CHECK)
    assert fb.hints[0] == case.hint and "'사망'" in fb.solution


def test_death_gets_no_follow_up_note_and_others_get_a_follow_up_note():
    """Does a correct 사망 closure say there is no follow-up, and others point to follow-up?"""
    assert judge_closure(closure_case("passed-away"), True, "사망").points == (NO_FOLLOW_UP_AFTER_DEATH,)
    assert "사후관리 일정" in judge_closure(closure_case("moving"), True, "전출·주거지 이전").points[0]


@pytest.mark.parametrize("may, reason", [(None, None), ("", None), ("  ", "사망"), ("# 메모", None)])
def test_no_call_is_unanswered(may, reason):
    """Is a missing close/not-yet answer 'unanswered'?"""
    assert judge_closure(closure_case("moving"), may, reason).status is Status.UNANSWERED


@pytest.mark.parametrize("reason", [None, "", "— 사유를 고르세요 —"])
def test_closing_without_a_reason_is_unanswered(reason):
    """Is 'may close' without a reason 'unanswered' with a prompt to pick one?"""
    fb = judge_closure(closure_case("moving"), True, reason)
    assert fb.status is Status.UNANSWERED and "사유" in fb.points[0] and fb.solution


def test_judge_closure_refuses_bad_input():
    """Are a missing case, an odd yes/no and an unknown reason refused in Korean?"""
    with pytest.raises(CaseworkError, match="ClosureCase"):
        judge_closure("moving", True, "사망")
    with pytest.raises(CaseworkError, match="종결 여부"):
        judge_closure(closure_case("moving"), "어쩌면", "사망")
    with pytest.raises(CaseworkError, match="종결 여부"):
        judge_closure(closure_case("moving"), 1, "사망")
    with pytest.raises(CaseworkError, match="종결 사유"):
        judge_closure(closure_case("moving"), True, "바빠서")
    with pytest.raises(CaseworkError, match="moving"):
        closure_case("없는 사례")


@pytest.mark.parametrize("may, reason", [("예", "전출·주거지 이전"), ("종결할 수 있다", "전출·주거지이전"),
                                         (True, R.MOVED_AWAY)])
def test_the_call_may_be_typed(may, reason):
    """Are 예/네 and the option names (spaces ignored) read like the widget's values?"""
    assert judge_closure(closure_case("moving"), may, reason).passed


def test_a_case_needs_a_reason_exactly_when_it_may_close():
    """Is a case that may close without a reason (or the reverse) refused as data?"""
    with pytest.raises(CaseworkError, match="종결 사유"):
        ClosureCase(id="x", title="t", story="s", step=DongStep.EVALUATION, decided_with_person=True,
                    goals_reviewed=True, may_close=True, reason=None, why="w", hint="h")


def test_cases_cover_every_reason_and_some_that_may_not_close():
    """Is every closure reason the answer to some case, with at least two cases that may not close?"""
    assert {c.reason for c in closure_cases() if c.may_close} == set(R)
    assert sum(not c.may_close for c in closure_cases()) >= 2


# --------------------------------------------------------------------------- follow-up


@pytest.mark.parametrize("text, months", [("1, 3, 6", (1, 3, 6)), ("1개월 3개월", (1, 3)), ("", ()), ("2,\n5", (2, 5))])
def test_parse_months(text, months):
    """Are months read from commas, spaces and '개월'?"""
    assert parse_months(text) == months


@pytest.mark.parametrize("bad", ["1, 세", "-1", "1.5", 3, "1, ②", "³"])
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
    """Are a late first contact, a plan past a year and a single contact each advised (one finding: partial)?"""
    late = follow_up_feedback(date(2024, 9, 2), [FIRST_CONTACT_WITHIN + 1, 6])
    assert late.status is Status.PARTIAL and late.score == 0.5 and "첫 연락" in late.points[0]
    long = follow_up_feedback(date(2024, 9, 2), [1, FOLLOW_UP_SPAN + 1])
    assert long.status is Status.PARTIAL and "마지막 연락" in long.points[0]
    single = follow_up_feedback(date(2024, 9, 2), [2])
    assert single.status is Status.PARTIAL and "한 번뿐" in single.points[0]


def test_two_pieces_of_advice_are_incorrect():
    """Is a plan with two findings incorrect (the one rubric: two or more findings)?"""
    fb = follow_up_feedback(date(2024, 9, 2), [4, 14])
    assert fb.status is Status.INCORRECT and fb.score == 0.0 and "2군데" in fb.summary


def test_months_may_be_typed():
    """Can the months be typed as '1, 3, 6' and the date as 2024-09-02?"""
    assert follow_up_feedback("2024-09-02", "1, 3, 6개월") == follow_up_feedback(date(2024, 9, 2), [1, 3, 6])


def test_methods_are_passed_through():
    """Does choosing one method for all contacts change every line?"""
    fb = follow_up_feedback(date(2024, 9, 2), [1, 2], methods="안부전화")
    assert all(p.endswith("안부전화") for p in fb.points if "회차" in p)


def test_death_and_empty_plans():
    """Is follow-up after 사망 refused as feedback, and an empty plan 'unanswered'?"""
    assert follow_up_feedback(date(2024, 9, 2), [1], reason="사망").status is Status.INCORRECT
    assert follow_up_feedback(date(2024, 9, 2), []).status is Status.UNANSWERED


@pytest.mark.parametrize("closed_on, months, match", [
    ("2024-13-02", [1], "연-월-일"), (None, [1], "종결일"), (date(2024, 9, 2), [3, 1], "작은 수부터"),
    (date(2024, 9, 2), [0], "개월"), (date(2024, 9, 2), "1, 세", "개월"),
])
def test_follow_up_feedback_refuses_bad_plans(closed_on, months, match):
    """Are a bad or missing date, unordered months, zero and words for months refused in Korean?"""
    with pytest.raises(CaseworkError, match=match):
        follow_up_feedback(closed_on, months)


