"""Tests for casework.judging.triage as chapter 04 uses it: the four intake stories, each given a 처리유형.

A wrong type is told which deciding factor it misses, never the type that fits; the types that
fit (with the workbook rule's reasons) are the model answer.
"""

import pytest

from casework.assessment import ProcessingType
from casework.judging.answers import AnswerFormatError
from casework.judging.feedback import Level, Status
from casework.judging.triage import TRIAGE_HINTS, judge_intake_stories

P = ProcessingType
EXPECTED = {"가": P.CASE_MANAGEMENT_REFERRAL, "나": P.BENEFIT_APPLICATION,
            "다": P.OTHER_AGENCY_INFORMATION, "라": P.SERVICE_APPLICATION}
RIGHT = {k: v.label for k, v in EXPECTED.items()}


def _point(fb, story):
    return next(p for p in fb.points if p.startswith(f"이야기 {story}"))


def test_all_right_is_correct_with_each_storys_reason():
    """Does a fully right answer pass and explain each story with the rule's reason?"""
    fb = judge_intake_stories(RIGHT)
    assert fb.status is Status.CORRECT and fb.score == 1.0 and fb.summary == "4개를 모두 맞게 분류했습니다."
    assert all("맞게 골랐습니다" in _point(fb, s) for s in EXPECTED)
    assert "복합적 욕구" in _point(fb, "가")


@pytest.mark.parametrize("answer", [
    {k: v for k, v in EXPECTED.items()},
    {k: v.value for k, v in EXPECTED.items()},
    "가: ③\n나: 복지급여 신청\n다: 4\n라: ② 복지서비스 신청",
])
def test_the_type_may_be_the_enum_its_name_its_label_or_typed_text(answer):
    """Are the enum, its name, its circled label, its number and 'id: type' lines all read?"""
    assert judge_intake_stories(answer).passed


def test_complex_story_sent_to_benefit_is_told_the_factor_not_the_type():
    """Does sending the tangled story to a benefit point at complexity without naming ③ at 확인?"""
    fb = judge_intake_stories(RIGHT | {"가": P.BENEFIT_APPLICATION.label})
    assert fb.status is Status.PARTIAL and fb.score == 0.75
    point = _point(fb, "가")
    assert "'① 복지급여 신청'으로 처리하기는 어렵습니다" in point and "복합성" in point
    assert "③" not in point and "사례관리 의뢰" not in point
    assert "③" not in "".join(fb.lines(Level.HINT))
    assert "이야기 가: ③ 서비스연계 및 사례관리 의뢰" in fb.solution


@pytest.mark.parametrize("story, chosen, words", [
    ("라", P.CASE_MANAGEMENT_REFERRAL, "얽혀 있지 않거나"),
    ("다", P.SERVICE_APPLICATION, "지원가능성"),
    ("나", P.OTHER_AGENCY_INFORMATION, "거절당했다"),
    ("나", P.SERVICE_APPLICATION, "문제의 유형"),
])
def test_each_wrong_type_points_at_the_missed_factor(story, chosen, words):
    """Does each kind of mistake get the pointer to the factor it missed, without the right type?"""
    point = _point(judge_intake_stories({story: chosen}), story)
    assert words in point and EXPECTED[story].label not in point


def test_all_wrong_is_incorrect_and_blanks_are_named():
    """Is every story wrong incorrect, and are stories left blank named as not chosen?"""
    wrong = {"가": P.SERVICE_APPLICATION, "나": P.SERVICE_APPLICATION,
             "다": P.BENEFIT_APPLICATION, "라": P.BENEFIT_APPLICATION}
    assert judge_intake_stories(wrong).status is Status.INCORRECT
    fb = judge_intake_stories({"가": P.CASE_MANAGEMENT_REFERRAL, "나": None})
    assert _point(fb, "나") == "이야기 나: 아직 고르지 않았습니다."


@pytest.mark.parametrize("blank", [{}, {"가": None}, {"가": "", "나": None}, "", "# 메모"])
def test_nothing_chosen_is_unanswered(blank):
    """Is an answer with no type chosen 'unanswered' with the hints, not an error?"""
    fb = judge_intake_stories(blank)
    assert fb.status is Status.UNANSWERED and fb.hints == TRIAGE_HINTS


def test_an_unreadable_type_is_pointed_out_for_that_story():
    """Is a type that names no option pointed out for its story (the others still judged)?"""
    fb = judge_intake_stories(RIGHT | {"가": "상담"})
    assert fb.status is Status.PARTIAL and "보기에 없습니다" in _point(fb, "가")


@pytest.mark.parametrize("bad, match", [({"마": P.SERVICE_APPLICATION}, "없는 이야기"), (["가"], "한 줄에 하나씩")])
def test_malformed_answers_are_refused_in_korean(bad, match):
    """Are an unknown story and an answer of the wrong shape refused with guidance?"""
    with pytest.raises(AnswerFormatError, match=match):
        judge_intake_stories(bad)
