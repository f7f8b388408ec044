"""Tests for casework.quiz and casework.feedback: is each kind judged specifically?"""

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


@pytest.mark.parametrize("question", [CHOICE, MATCH, ORDER, CAT])
@pytest.mark.parametrize("blank", [None, ..., "", "   ", [], {}])
def test_blank_answers_are_unanswered_not_errors(question, blank):
    """Is a blank answer reported as not answered yet, for every kind?"""
    fb = quiz.judge(question, blank)
    assert fb.status is Status.UNANSWERED and not fb.passed


def test_choice_right_and_wrong_explain_themselves():
    """Does a wrong choice explain why it is wrong and name the right one?"""
    assert quiz.judge(CHOICE, "가").passed
    assert quiz.judge(CHOICE, 1).passed
    wrong = quiz.judge(CHOICE, "나")
    assert wrong.status is Status.INCORRECT
    assert wrong.summary == "나가 틀린 이유"
    assert "가" in wrong.points[0]


@pytest.mark.parametrize("bad", ["다", 0, 3, True, 1.5])
def test_choice_refuses_answers_not_among_options(bad):
    """Is an answer outside the options refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="보기"):
        quiz.judge(CHOICE, bad)


def test_match_partial_names_the_wrong_pair():
    """Does a half-right matching say which definition is wrong?"""
    fb = quiz.judge(MATCH, {"서비스 전달체계 요소의 연결·조정": "NASW (1984)",
                            "공식·비공식 자원의 관계망 조직": "NASW (1984)"})
    assert fb.status is Status.PARTIAL and fb.score == 0.5
    assert len(fb.points) == 1 and "공식·비공식" in fb.points[0]


def test_match_refuses_unknown_left_items():
    """Is an item that is not in the question refused?"""
    with pytest.raises(CaseworkError, match="없는 항목"):
        quiz.judge(MATCH, {"엉뚱한 정의": "NASW (1984)"})


def test_order_points_at_wrong_positions():
    """Does a swapped order name the positions that are wrong?"""
    assert quiz.judge(ORDER, ["접수", "사정", "종결"]).passed
    fb = quiz.judge(ORDER, ["사정", "접수", "종결"])
    assert fb.status is Status.PARTIAL
    assert fb.points[0].startswith("1번째") and fb.points[1].startswith("2번째")


def test_order_with_missing_or_repeated_items_is_incorrect():
    """Is an incomplete or repeated order judged incorrect with what is missing?"""
    fb = quiz.judge(ORDER, ["접수", "접수", "종결"])
    assert fb.status is Status.INCORRECT and "사정" in fb.points[0]


def test_categorize_gives_the_items_why():
    """Does a wrong category repeat the item's explanation?"""
    fb = quiz.judge(CAT, {"병원비가 없다": "문제", "건강회복": "문제"})
    assert fb.status is Status.PARTIAL
    assert "충족되어야 할 필요성" in fb.points[0]


def test_categorize_refuses_unknown_category():
    """Is a category that does not exist refused?"""
    with pytest.raises(CaseworkError, match="분류는"):
        quiz.judge(CAT, {"병원비가 없다": "바램"})


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


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_question_accepts_its_own_right_answer(quiz_id):
    """Does every question of every bundled quiz pass with the answer its own data gives?"""
    for question in quiz.load_quiz(quiz_id).questions:
        assert quiz.judge(question, question.right_answer()).passed, f"{quiz_id}/{question.id}"


def test_unknown_quiz_lists_the_known_ones():
    """Is an unknown quiz id refused with the list of quizzes?"""
    with pytest.raises(CaseworkError, match="퀴즈 파일이 없습니다"):
        quiz.load_quiz("no-such-quiz")
