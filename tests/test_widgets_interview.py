"""Tests for casework.widgets.interview: chapter 04's interview box, its replies and its saved transcript."""

from __future__ import annotations

import pytest

from casework import progress
from casework.client import load_client
from casework.errors import CaseworkError
from casework.judging.feedback import Status
from casework.widgets.intake import interview_widget
from tests.test_conversation import GOOD_ELDERLY


def test_asking_shows_the_reply_the_facts_and_the_manner_not_trust():
    """Does 묻기 add the question and the reply to the transcript, list what was learned and show a manner?"""
    box = interview_widget("elderly_alone")
    box.input.value = "요즘 어떻게 지내세요?"
    box.ask_button.click()
    assert box.input.value == ""
    assert "요즘 어떻게 지내세요?" in box.transcript.value and "병원" in box.transcript.value
    assert "혼자 병원에 다니는 일이 가장 힘들다" in box.facts.value and "(1/18)" in box.facts.value
    assert "지금 모습:" in box.manner.value and "trust" not in box.manner.value.lower()
    assert not any(ch.isdigit() for ch in box.manner.value.split("지금 모습:")[1])


def test_a_question_with_a_mistake_gets_a_cue_without_revealing_facts():
    """Is a leading question marked in the transcript, and no missed fact shown?"""
    box = interview_widget("elderly_alone")
    box.ask("혼자 사시니까 외로우시죠?")
    assert "점검: [답을 유도하는 질문]" in box.transcript.value
    client = load_client("elderly_alone")
    assert not any(f.summary in box.transcript.value + box.facts.value for f in client.facts)


def test_the_transcript_survives_making_the_widget_again():
    """After questions are asked, does a new widget (reopened notebook) replay them with the same replies?"""
    first = interview_widget("elderly_alone", seed=2)
    for line in GOOD_ELDERLY[:4]:
        first.ask(line)
    again = interview_widget("elderly_alone", seed=2)
    assert again.questions == GOOD_ELDERLY[:4]
    assert again.transcript.value == first.transcript.value and again.facts.value == first.facts.value
    entry = progress.saved_entry("ch04", "interview-elderly_alone")
    assert entry["answer"] == GOOD_ELDERLY[:4] and entry["attempts"] == 0


def test_review_judges_the_whole_interview_and_reset_starts_over():
    """Does 면접 돌아보기 give the whole-interview verdict, and 처음부터 다시 clear the transcript?"""
    box = interview_widget("elderly_alone")
    for line in GOOD_ELDERLY:
        box.ask(line)
    feedback = box.review.check()
    assert feedback.status is Status.CORRECT
    assert "사실 18가지 가운데" in box.review.feedback_area.value
    box.reset()
    assert box.questions == [] and "1. 나" not in box.transcript.value
    assert interview_widget("elderly_alone").questions == []


def test_need_and_goal_after_the_interview_use_the_usual_judges():
    """Are the need and goal boxes judged by judge_need and judge_goal?"""
    box = interview_widget("no_living_money")
    box.need.text.value = "일자리 좀 소개해 주세요"
    assert box.need.check().status is Status.INCORRECT
    box.goal.text.value = "부부가 3개월 안에 한 달 생활비를 함께 의논해 정한다"
    assert box.goal.check().status is Status.CORRECT


def test_bad_arguments_are_refused_in_korean():
    """Is an unknown client or a bad seed refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="당사자"):
        interview_widget("nobody")
    with pytest.raises(CaseworkError, match="seed"):
        interview_widget("elderly_alone", seed=-1)


def test_a_stale_saved_answer_does_not_break_the_widget():
    """Does a saved answer of the wrong shape leave an empty, working widget?"""
    progress.record_check("ch04", "interview-elderly_alone", answer={"not": "a list"}, status="unanswered", score=0.0,
                          attempts=1)
    box = interview_widget("elderly_alone")
    assert box.questions == []
    box.ask("요즘 어떻게 지내세요?")
    assert box.interview().told == ["hospital_alone"]
