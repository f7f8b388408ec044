"""Tests for casework.judging.checklist: the direct-practice self-check of chapter 08."""

from __future__ import annotations

import pytest

from casework.errors import CaseworkError
from casework.judging import checklist as jc
from casework.judging.feedback import Status
from casework.monitoring import REASSESSMENT_CHECKLIST, SERVICE_CHECKLIST

# --------------------------------------------------------------------------- checklist feedback


def test_all_yes_is_correct():
    """Does answering yes to every question pass?"""
    assert jc.checklist_feedback(SERVICE_CHECKLIST, [True] * len(SERVICE_CHECKLIST)).passed


def test_open_questions_come_back_with_their_actions():
    """Does each question answered 'not yet' come back with its actions, and only those?"""
    answers = [True] * len(SERVICE_CHECKLIST)
    answers[3] = False
    feedback = jc.checklist_feedback(SERVICE_CHECKLIST, answers)
    assert feedback.status is Status.PARTIAL
    assert len(feedback.points) == 1
    item = SERVICE_CHECKLIST.items[3]
    assert feedback.points[0].startswith(f"4. {item.question}")
    assert all(action in feedback.points[0] for action in item.actions)
    assert feedback.score == pytest.approx(6 / 7)


def test_all_no_is_incorrect():
    """Is 'not yet' to everything incorrect with one point per question?"""
    feedback = jc.checklist_feedback(REASSESSMENT_CHECKLIST, [False])
    assert feedback.status is Status.INCORRECT and len(feedback.points) == 1


@pytest.mark.parametrize("answers,message", [
    ([True], "질문은 7개인데 답은 1개"),
    ("yes", "7줄"),
    ("\n".join(["예"] * 6 + ["글쎄"]), "'예' 또는 '아니오'"),
    ({"a": True}, "목록"),
    ([1] * 7, "True"),
])
def test_checklist_feedback_refuses_bad_answers(answers, message):
    """Are the wrong number or type of answers refused in Korean?"""
    with pytest.raises(CaseworkError, match=message):
        jc.checklist_feedback(SERVICE_CHECKLIST, answers)


def test_answers_may_be_typed_one_per_line():
    """Can the self-check be written as 예/아니오 lines, in the checklist's order?"""
    text = "\n".join(["예", "아니오"] + ["네"] * (len(SERVICE_CHECKLIST) - 2))
    answers = [True, False] + [True] * (len(SERVICE_CHECKLIST) - 2)
    assert jc.checklist_feedback(SERVICE_CHECKLIST, text) == jc.checklist_feedback(SERVICE_CHECKLIST, answers)
    assert jc.checklist_feedback(SERVICE_CHECKLIST, "").status is Status.UNANSWERED


def test_every_verdict_carries_the_ladder():
    """Do the verdicts carry a hint and a model answer for 풀이 보기?"""
    fb = jc.checklist_feedback(SERVICE_CHECKLIST, [False] * len(SERVICE_CHECKLIST))
    assert fb.hints == jc.CHECKLIST_HINTS and "그렇다" in fb.solution


