"""Tests for casework.scenario_models: the chapter scenarios as content, and record_at."""

from __future__ import annotations

import pytest

from casework.assessment import ProcessingType
from casework.closure import ClosureReason
from casework.errors import CaseworkError
from casework.process import STEP_ORDER, DongStep
from casework.scenario_models import (
    RRN_PLACEHOLDER,
    SYNTHETIC_RRN,
    closure_case,
    closure_cases,
    intake_stories,
    intake_story,
    masking_sample,
    next_step_scenarios,
    record_at,
    scenario,
)

D = DongStep
P = ProcessingType


# --------------------------------------------------------------------------- record_at


@pytest.mark.parametrize("step", STEP_ORDER, ids=lambda s: s.name)
def test_record_at_reaches_every_step(step):
    """Does record_at walk a legal record to each step of the flow?"""
    record = record_at(step)
    assert record.step is step
    if step.order > D.SELECTION_AND_CONSENT.order:
        assert record.consent_on is not None


def test_record_at_without_consent_and_with_a_closure_reason():
    """Can a record stop before consent, and close for a reason other than 목표 달성?"""
    assert record_at(D.SELECTION_AND_CONSENT, consent=False).consent_on is None
    moved = record_at(D.FOLLOW_UP, closure="전출·주거지 이전")
    assert moved.closure.reason is ClosureReason.MOVED_AWAY
    assert [t.to_step for t in moved.history][-3:] == [D.INTERVENTION, D.CLOSURE, D.FOLLOW_UP]
    goal = record_at(D.CLOSURE)
    assert D.EVALUATION in [t.to_step for t in goal.history]


@pytest.mark.parametrize("step, kwargs, match", [
    ("없는 단계", {}, "알 수 없는"),
    (D.PLANNING_AND_CONTRACT, {"consent": False}, "동의"),
    (D.INTERVENTION, {"closure": "사망"}, "종결 사유"),
    (D.FOLLOW_UP, {"closure": "사망"}, "사후관리"),
    (D.CLOSURE, {"closure": "아파서"}, "종결 사유"),
    (D.INTERVENTION, {"consent": "yes"}, "True 또는 False"),
])
def test_record_at_refuses_impossible_records(step, kwargs, match):
    """Are records the rules would never allow refused with a Korean reason?"""
    with pytest.raises(CaseworkError, match=match):
        record_at(step, **kwargs)


# --------------------------------------------------------------------------- the bundled scenarios


def test_scenarios_cover_the_flow_and_are_looked_up_by_id():
    """Are there at least eight next-step situations with unique ids, found by id?"""
    items = next_step_scenarios()
    assert len({s.id for s in items}) == len(items) >= 8
    assert scenario(items[0].id) is items[0]
    with pytest.raises(CaseworkError, match="상황이 없습니다"):
        scenario("no-such")


def test_each_story_lands_in_a_different_type():
    """Do the four intake stories cover the four 처리유형, one each, by the workbook rule?"""
    assert {s.id: s.triage().processing_type for s in intake_stories()} == {
        "가": P.CASE_MANAGEMENT_REFERRAL, "나": P.BENEFIT_APPLICATION,
        "다": P.OTHER_AGENCY_INFORMATION, "라": P.SERVICE_APPLICATION}


def test_stories_gather_all_four_kinds_of_information_with_masked_names():
    """Has every story its information recorded, and a fictional masked name (○○)?"""
    for story in intake_stories():
        assert story.information.is_complete and story.narrative and "○○" in story.title


def test_intake_story_lookup_and_unknown_id():
    """Is a story found by id, and an unknown id refused listing the ids?"""
    assert intake_story("다").summary.other_agency_programme
    with pytest.raises(CaseworkError, match="가, 나, 다, 라"):
        intake_story("마")


def test_closure_cases_are_consistent_and_looked_up():
    """Does every closure case carry a reason exactly when it may close, and is it found by id?"""
    for case in closure_cases():
        assert case.may_close == (case.reason is not None)
    assert closure_case("goal-reached").reason is ClosureReason.GOAL_ACHIEVED
    with pytest.raises(CaseworkError, match="사례가 없습니다"):
        closure_case("no-such")


def test_masking_sample_gets_its_synthetic_number_at_load():
    """Does the sample carry the synthetic resident number instead of the file's placeholder?"""
    sample = masking_sample()
    assert SYNTHETIC_RRN in sample.text and RRN_PLACEHOLDER not in sample.text
    assert sample.names_text == ", ".join(sample.names)
