"""Tests for casework.closure: closure reasons, deciding together, follow-up, re-intervention."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from casework.closure import (
    DEFAULT_FOLLOW_UP_MONTHS,
    FOLLOW_UP_PURPOSES,
    ClosureDecision,
    ClosureReason,
    FollowUp,
    FollowUpMethod,
    FollowUpObservation,
    add_months,
    decide_closure,
    follow_up_schedule,
    judge_reintervention,
)
from casework.errors import CaseworkError

DAY = date(2024, 5, 10)


# --------------------------------------------------------------------------- reasons


def test_reasons_are_the_six_from_the_textbook_in_order():
    """Are the closure reasons exactly the six Korean labels, in the workbook's order?"""
    assert [r.value for r in ClosureReason] == [
        "목표 달성", "전출·주거지 이전", "사망", "장기간 연락두절", "정기적 접촉 불가", "본인·보호자 의사",
    ]


def test_every_reason_has_a_korean_explanation():
    """Does each reason carry its own non-empty Korean explanation?"""
    texts = [r.explanation for r in ClosureReason]
    assert all(texts) and len(set(texts)) == len(texts)
    assert "자립" in ClosureReason.GOAL_ACHIEVED.explanation


def test_only_death_and_lost_contact_exclude_the_person():
    """Can the person take part in every closure except 사망 and 장기간 연락두절?"""
    excluded = {r for r in ClosureReason if not r.person_can_take_part}
    assert excluded == {ClosureReason.DEATH, ClosureReason.LOST_CONTACT}


def test_only_goal_achieved_needs_evaluation():
    """Is 목표 달성 the only reason that needs the goals evaluated first?"""
    assert {r for r in ClosureReason if r.needs_evaluation} == {ClosureReason.GOAL_ACHIEVED}


@pytest.mark.parametrize(
    "label, expected",
    [
        ("목표 달성", ClosureReason.GOAL_ACHIEVED),
        ("목표달성", ClosureReason.GOAL_ACHIEVED),
        (" 사망 ", ClosureReason.DEATH),
        ("moved_away", ClosureReason.MOVED_AWAY),
        (ClosureReason.LOST_CONTACT, ClosureReason.LOST_CONTACT),
    ],
)
def test_parse_accepts_labels_names_and_members(label, expected):
    """Does parse accept the Korean label (spaces ignored), the English name and a member?"""
    assert ClosureReason.parse(label) is expected


@pytest.mark.parametrize("bad", ["졸업", "", None, 3])
def test_parse_refuses_unknown_reasons_and_lists_the_allowed_ones(bad):
    """Is an unknown reason refused with a message listing every allowed reason?"""
    with pytest.raises(CaseworkError) as info:
        ClosureReason.parse(bad)
    message = str(info.value)
    assert "알 수 없는 종결 사유" in message
    assert all(r.value in message for r in ClosureReason)


# --------------------------------------------------------------------------- decisions


def test_decision_made_with_the_person_is_accepted():
    """Is a move-away closure decided with the person returned as a ClosureDecision?"""
    decision = decide_closure("전출·주거지 이전", DAY, decided_with_person=True, note="구로구로 이사")
    assert decision == ClosureDecision(ClosureReason.MOVED_AWAY, DAY, True, "구로구로 이사", False)


def test_decision_without_the_person_is_refused_and_says_what_to_do():
    """Is a closure the person could join, but did not, refused with the fix named?"""
    with pytest.raises(CaseworkError) as info:
        decide_closure(ClosureReason.PERSON_OR_GUARDIAN_WISH, DAY, decided_with_person=False)
    assert "함께 결정" in str(info.value)
    assert "decided_with_person=True" in str(info.value)


@pytest.mark.parametrize("reason", [ClosureReason.DEATH, ClosureReason.LOST_CONTACT])
def test_person_who_cannot_take_part_may_be_absent(reason):
    """May 사망 and 장기간 연락두절 be decided without the person?"""
    decision = decide_closure(reason, DAY, decided_with_person=False, note="팀장과 협의")
    assert decision.reason is reason and decision.decided_with_person is False


@pytest.mark.parametrize("reason", ["사망", "장기간 연락두절"])
def test_claiming_the_person_joined_when_they_cannot_is_refused(reason):
    """Is 'decided with the person' refused as a contradiction for 사망 and 연락두절?"""
    with pytest.raises(CaseworkError) as info:
        decide_closure(reason, DAY, decided_with_person=True)
    assert "decided_with_person=False" in str(info.value)


def test_goal_achieved_needs_reviewed_goals():
    """Is 목표 달성 refused until the goals were reviewed, and accepted afterwards?"""
    with pytest.raises(CaseworkError) as info:
        decide_closure("목표 달성", DAY, decided_with_person=True)
    assert "goals_reviewed=True" in str(info.value)
    ok = decide_closure("목표 달성", DAY, decided_with_person=True, goals_reviewed=True)
    assert ok.goals_reviewed is True


def test_direct_construction_is_checked_too():
    """Does building ClosureDecision directly apply the same rules and parse labels?"""
    with pytest.raises(CaseworkError):
        ClosureDecision("정기적 접촉 불가", DAY, decided_with_person=False)
    decision = ClosureDecision("정기적 접촉 불가", DAY, decided_with_person=True)
    assert decision.reason is ClosureReason.NO_REGULAR_CONTACT


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"reason": "이사", "decided_on": DAY, "decided_with_person": True}, "종결 사유"),
        ({"reason": "사망", "decided_on": "2024-05-10", "decided_with_person": False}, "날짜"),
        ({"reason": "사망", "decided_on": datetime(2024, 5, 10), "decided_with_person": False}, "날짜"),
        ({"reason": "사망", "decided_on": DAY, "decided_with_person": "no"}, "True 또는 False"),
        ({"reason": "사망", "decided_on": DAY, "decided_with_person": False, "goals_reviewed": 1},
         "True 또는 False"),
        ({"reason": "사망", "decided_on": DAY, "decided_with_person": False, "note": 5}, "메모"),
    ],
)
def test_decide_closure_refuses_bad_input(kwargs, fragment):
    """Are a bad reason, a non-date, a non-bool flag and a non-text note each refused?"""
    with pytest.raises(CaseworkError) as info:
        decide_closure(**kwargs)
    assert fragment in str(info.value)


# --------------------------------------------------------------------------- follow-up


def test_default_schedule_is_one_three_six_months_visit_phone_visit():
    """Does the default plan contacts at 1, 3 and 6 months: visit, phone, visit?"""
    plan = follow_up_schedule(date(2024, 3, 15))
    assert DEFAULT_FOLLOW_UP_MONTHS == (1, 3, 6)
    assert plan == (
        FollowUp(1, date(2024, 4, 15), 1, FollowUpMethod.VISIT),
        FollowUp(2, date(2024, 6, 15), 3, FollowUpMethod.PHONE),
        FollowUp(3, date(2024, 9, 15), 6, FollowUpMethod.VISIT),
    )


def test_month_end_dates_fall_back_to_the_last_day():
    """Does a closure on 31 January give a due date at the end of February (leap year)?"""
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)


def test_one_method_for_all_and_one_per_contact():
    """Can methods be one label for all contacts or one per contact?"""
    phone = follow_up_schedule(DAY, months=(2, 4), methods="안부전화")
    assert [f.method for f in phone] == [FollowUpMethod.PHONE, FollowUpMethod.PHONE]
    mixed = follow_up_schedule(DAY, months=(1, 2), methods=("안부전화", FollowUpMethod.VISIT))
    assert [f.method for f in mixed] == [FollowUpMethod.PHONE, FollowUpMethod.VISIT]
    assert [f.due_on for f in mixed] == [date(2024, 6, 10), date(2024, 7, 10)]


def test_single_contact_default_is_a_visit():
    """Is a single follow-up contact by default a visit?"""
    assert follow_up_schedule(DAY, months=[12])[0].method is FollowUpMethod.VISIT


def test_purposes_cover_stability_reintervention_and_support():
    """Do the stated purposes name stability, early re-intervention judgement and support?"""
    joined = " ".join(FOLLOW_UP_PURPOSES)
    assert "안정" in joined and "개입" in joined and "지지적 상담" in joined


@pytest.mark.parametrize(
    "months, fragment",
    [
        ((), "비어"),
        ((0, 3), "1 이상"),
        ((-1,), "1 이상"),
        ((1, 2.5), "1 이상"),
        ((True,), "1 이상"),
        ((3, 1, 6), "작은 수부터"),
        ((1, 1, 6), "작은 수부터"),
        ("136", "목록"),
        (6, "목록"),
    ],
)
def test_schedule_refuses_bad_months(months, fragment):
    """Are empty, non-positive, non-integer, unsorted, repeated or non-list months refused?"""
    with pytest.raises(CaseworkError) as info:
        follow_up_schedule(DAY, months=months)
    assert fragment in str(info.value)


def test_schedule_refuses_bad_date_and_methods():
    """Are a non-date, an unknown method and a wrong number of methods refused?"""
    with pytest.raises(CaseworkError, match="날짜"):
        follow_up_schedule("2024-05-10")
    with pytest.raises(CaseworkError, match="알 수 없는 사후관리 방법"):
        follow_up_schedule(DAY, methods="문자")
    with pytest.raises(CaseworkError, match="방법의 수"):
        follow_up_schedule(DAY, months=(1, 3, 6), methods=("재방문", "안부전화"))


# --------------------------------------------------------------------------- re-intervention


def test_stable_change_does_not_suggest_reintervention():
    """Does a stable observation keep follow-up going without re-intervention?"""
    advice = judge_reintervention(FollowUpObservation(DAY, change_maintained=True))
    assert advice.suggested is False
    assert "사후관리" in advice.next_action


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        ({"change_maintained": False}, "유지되지"),
        ({"change_maintained": True, "difficulty_raised_again": True}, "다시 호소"),
        ({"change_maintained": True, "new_or_hidden_problem": True}, "드러나지 않았던"),
        ({"change_maintained": True, "crisis_signs": True}, "위기"),
    ],
)
def test_each_warning_sign_suggests_going_back_to_reassessment(kwargs, fragment):
    """Does each warning sign alone suggest re-intervention via 욕구(재)사정, naming the sign?"""
    advice = judge_reintervention(FollowUpObservation(DAY, **kwargs))
    assert advice.suggested is True
    assert any(fragment in r for r in advice.reasons)
    assert "욕구(재)사정" in advice.next_action


def test_all_warning_signs_are_listed_together():
    """Are all present signs listed, one reason each?"""
    obs = FollowUpObservation(DAY, False, True, True, True)
    assert len(judge_reintervention(obs).reasons) == 4


def test_observation_and_judge_refuse_bad_input():
    """Are a non-bool sign, a non-date and a non-observation refused?"""
    with pytest.raises(CaseworkError, match="True 또는 False"):
        FollowUpObservation(DAY, change_maintained="yes")
    with pytest.raises(CaseworkError, match="날짜"):
        FollowUpObservation("2024-05-10", change_maintained=True)
    with pytest.raises(CaseworkError, match="FollowUpObservation"):
        judge_reintervention({"change_maintained": False})
