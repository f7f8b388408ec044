"""Tests for casework.quiz: the quiz content models and their files (judging: test_judging_quiz.py)."""

import pytest

from casework import quiz
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status

CHOICE = quiz.ChoiceQuestion(kind="choice", id="c1", prompt="고르세요", options=[
    {"text": "가", "correct": True, "why": "가가 맞는 이유"},
    {"text": "나", "why": "나가 틀린 이유"},
])
MATCH = quiz.MatchQuestion(kind="match", id="m1", prompt="연결", pairs=[
    {"left": "서비스 전달체계 요소의 연결·조정", "right": "NASW (1984)"},
    {"left": "공식·비공식 자원의 관계망 조직", "right": "Moxley (1989)"},
])
ORDER = quiz.OrderQuestion(kind="order", id="o1", prompt="순서", items=["접수", "사정", "종결"])
CAT = quiz.CategorizeQuestion(kind="categorize", id="k1", prompt="분류", categories=["문제", "욕구"], items=[
    {"text": "병원비가 없다", "category": "문제"},
    {"text": "건강회복", "category": "욕구", "why": "충족되어야 할 필요성입니다."},
])


def test_models_refuse_inconsistent_content():
    """Does a quiz with two correct options or an unknown category fail validation?"""
    with pytest.raises(ValueError):
        quiz.ChoiceQuestion(kind="choice", id="x", prompt="p", options=[
            {"text": "a", "correct": True, "why": "w"}, {"text": "b", "correct": True, "why": "w"}])
    with pytest.raises(ValueError):
        quiz.CategorizeQuestion(kind="categorize", id="x", prompt="p", categories=["a", "b"],
                                items=[{"text": "t", "category": "c"}])


def test_feedback_html_escapes_learner_text():
    """Is learner text escaped in the feedback HTML?"""
    fb = Feedback(Status.INCORRECT, "<script>", ("a & b",))
    html = fb.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_quiz_loads(quiz_id):
    """Does every bundled quiz file pass validation?"""
    loaded = quiz.load_quiz(quiz_id)
    assert loaded.id == quiz_id and loaded.questions


def test_judge_is_the_judging_layers_quiz_judge():
    """Does the old name casework.quiz.judge give the judging layer's verdict?"""
    from casework.judging.quiz import judge

    assert quiz.judge(CHOICE, 1) == judge(CHOICE, 1)


def test_a_question_may_carry_its_own_hints():
    """Can a question in a quiz file give its own hints (optional)?"""
    question = quiz.ChoiceQuestion(kind="choice", id="h", prompt="p", hints=["본문 3쪽"], options=[
        {"text": "a", "correct": True, "why": "w"}, {"text": "b", "why": "w"}])
    assert question.hints == ["본문 3쪽"] and CHOICE.hints == []


def test_unknown_quiz_lists_the_known_ones():
    """Is an unknown quiz id refused with the list of quizzes?"""
    with pytest.raises(CaseworkError, match="퀴즈 파일이 없습니다"):
        quiz.load_quiz("no-such-quiz")
