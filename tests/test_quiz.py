"""Tests for casework.quiz: the quiz content models and their files (judging: test_judging_quiz.py)."""

import pytest

from casework import quiz
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.judging.quiz import judge

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


def test_the_content_module_does_no_judging():
    """Is judging only in casework.judging.quiz (the content layer just validates questions)?"""
    assert not hasattr(quiz, "judge")


def test_a_question_may_carry_its_own_hints():
    """Can a question in a quiz file give its own hints (optional)?"""
    question = quiz.ChoiceQuestion(kind="choice", id="h", prompt="p", hints=["본문 3쪽"], options=[
        {"text": "a", "correct": True, "why": "w"}, {"text": "b", "why": "w"}])
    assert question.hints == ["본문 3쪽"] and CHOICE.hints == []


def test_unknown_quiz_lists_the_known_ones():
    """Is an unknown quiz id refused with the list of quizzes?"""
    with pytest.raises(CaseworkError, match="퀴즈 파일이 없습니다"):
        quiz.load_quiz("no-such-quiz")


# --------------------------------------------------------------------------- reasons per item (issue 11)

MATCH_WHY = quiz.MatchQuestion(kind="match", id="m2", prompt="연결", pairs=[
    {"left": "서비스 전달체계 요소의 연결·조정", "right": "NASW (1984)", "why": "'기제'라고 부른 쪽입니다."},
    {"left": "공식·비공식 자원의 관계망 조직", "right": "Moxley (1989)", "why": "관계망을 말한 쪽입니다."},
])
ORDER_WHY = quiz.OrderQuestion(kind="order", id="o2", prompt="순서", items=[
    "접수", {"text": "사정", "why": "만난 뒤에야 욕구를 살필 수 있습니다."}, "종결"])


def test_a_wrong_match_is_told_what_the_chosen_partner_is_about_without_the_answer():
    fb = judge(MATCH_WHY, {"서비스 전달체계 요소의 연결·조정": "NASW (1984)",
                                "공식·비공식 자원의 관계망 조직": "NASW (1984)"})
    assert fb.status is Status.PARTIAL
    assert any("'NASW (1984)'의 특징: '기제'라고 부른 쪽입니다." in p for p in fb.points)
    assert "Moxley" not in " ".join(fb.points) and "Moxley" in fb.solution


def test_a_wrong_order_gives_the_steps_reason():
    fb = judge(ORDER_WHY, ["사정", "접수", "종결"])
    assert fb.status is Status.PARTIAL
    assert "1번째 자리의 '사정'은 그 자리가 아닙니다. 만난 뒤에야 욕구를 살필 수 있습니다." in fb.points
    assert "2. 사정: 만난 뒤에야 욕구를 살필 수 있습니다." in fb.solution


def test_order_reasons_must_name_an_item():
    with pytest.raises(ValueError, match="reasons"):
        quiz.OrderQuestion(kind="order", id="o3", prompt="p", items=["a", "b"], reasons={"c": "왜"})


def test_a_right_options_reason_may_not_open_with_맞습니다():
    """The headline says 맞았습니다 and a wrong pick sees the reason as the model answer: is it refused?"""
    with pytest.raises(ValueError, match="맞습니다"):
        quiz.ChoiceQuestion(kind="choice", id="c2", prompt="p", options=[
            {"text": "가", "why": "아닙니다."}, {"text": "나", "correct": True, "why": "맞습니다. 교재가 그렇게 말합니다."}])


def test_a_wrong_pick_is_never_told_맞습니다():
    q = quiz.ChoiceQuestion(kind="choice", id="c2", prompt="p", options=[
        {"text": "가", "why": "아닙니다."}, {"text": "나", "correct": True, "why": "교재가 그렇게 말합니다."}])
    wrong = judge(q, "가")
    assert "맞습니다" not in wrong.to_text() and "맞습니다" not in wrong.to_text(2)
    assert "풀이: 나 — 교재가 그렇게 말합니다." in wrong.to_text(2)
