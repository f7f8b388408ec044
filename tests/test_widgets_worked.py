"""Tests for casework.widgets.worked: does a worked example show the answer and its real feedback?"""

import pytest

from casework import quiz as quizlib
from casework.errors import CaseworkError
from casework.judging.feedback import Status
from casework.widgets.worked import WorkedExample, worked_example

QUIZ_YAML = """\
id: demo
title: 예시 퀴즈
questions:
  - kind: choice
    id: pick
    prompt: "셀을 실행하는 키는?"
    options:
      - text: "Shift+Enter"
        correct: true
        why: "셀을 실행하고 다음 셀로 갑니다."
      - text: "Enter"
        why: "셀 안에서 줄만 바꿉니다."
  - kind: match
    id: pair
    prompt: "정의와 학자를 이으세요"
    pairs:
      - {left: "기제(mechanism)", right: "NASW (1984)"}
      - {left: "관계망의 조직·조정·유지", right: "Moxley (1989)"}
  - kind: order
    id: steps
    prompt: "순서대로"
    items: ["접수", "사정", "종결"]
  - kind: categorize
    id: sort
    prompt: "분류하세요"
    categories: ["지켰다", "어겼다"]
    items:
      - {text: "동의한 정보만 알렸다", category: "지켰다"}
      - {text: "병명을 이웃에게 말했다", category: "어겼다", why: "동의 범위를 넘었습니다."}
"""


@pytest.fixture
def demo_quiz(tmp_path, monkeypatch):
    (tmp_path / "demo.yaml").write_text(QUIZ_YAML, encoding="utf-8")
    monkeypatch.setattr(quizlib, "QUIZ_DIR", tmp_path)
    return "demo"


def test_wrong_choice_by_number_shows_option_text_and_its_why(demo_quiz):
    """Does a wrong option number show that option's text, its why, and (as a worked example) the 풀이?"""
    ex = worked_example(demo_quiz, "pick", 2)
    assert isinstance(ex, WorkedExample)
    assert ex.feedback.status is Status.INCORRECT
    assert ex.answer_lines == ("② Enter",)
    text = ex.to_text()
    assert "셀 안에서 줄만 바꿉니다." in text and "풀이: Shift+Enter" in text and "힌트:" in text
    assert text.startswith("문제: 셀을 실행하는 키는?")
    assert "Shift+Enter" not in ex.feedback.to_text()  # a learner's own 확인 does not give it away


def test_right_choice_by_text_is_correct(demo_quiz):
    """Is the right option given as text judged correct and shown as typed?"""
    ex = worked_example(demo_quiz, "pick", " Shift+Enter ")
    assert ex.feedback.passed
    assert ex.answer_lines == ("Shift+Enter",)


def test_match_answer_lists_each_pair_and_names_the_wrong_one(demo_quiz):
    """Does a half-right matching list both pairs and point at the wrong definition?"""
    ex = worked_example(demo_quiz, "pair", {"기제(mechanism)": "NASW (1984)",
                                             "관계망의 조직·조정·유지": "NASW (1984)"})
    assert ex.answer_lines == ("기제(mechanism) → NASW (1984)", "관계망의 조직·조정·유지 → NASW (1984)")
    assert ex.feedback.status is Status.PARTIAL
    assert "관계망" in ex.feedback.points[0]


def test_order_answer_is_numbered(demo_quiz):
    """Is an order answer shown as a numbered list?"""
    ex = worked_example(demo_quiz, "steps", ["사정", "접수", "종결"])
    assert ex.answer_lines == ("1. 사정", "2. 접수", "3. 종결")
    assert ex.feedback.status is Status.PARTIAL


def test_categorize_feedback_carries_the_items_why(demo_quiz):
    """Does a wrong category in the worked example show the item's own explanation (in the 풀이)?"""
    ex = worked_example(demo_quiz, "sort", {"동의한 정보만 알렸다": "지켰다", "병명을 이웃에게 말했다": "지켰다"})
    assert "동의 범위를 넘었습니다." in ex.to_text()


def test_blank_answer_is_shown_as_unanswered(demo_quiz):
    """Is a blank sample answer shown as not answered rather than raising?"""
    ex = worked_example(demo_quiz, "pick", None)
    assert ex.feedback.status is Status.UNANSWERED
    assert ex.answer_lines == ("(아직 답하지 않음)",)


def test_html_escapes_and_embeds_the_feedback(demo_quiz):
    """Does the HTML view escape the answer text and include the feedback badge?"""
    ex = worked_example(demo_quiz, "sort", {"동의한 정보만 알렸다": "어겼다"})
    page = ex._repr_html_()
    assert "casework-feedback" in page and "data-status='incorrect'" in page
    assert "→ 어겼다" in page
    odd = WorkedExample("<b>", ("a & b",), ex.feedback)._repr_html_()
    assert "<b>:" not in odd and "&lt;b&gt;" in odd and "a &amp; b" in odd
    assert str(ex) == ex.to_text()


@pytest.mark.parametrize("quiz_id, question_id, answer, message", [
    ("no-such", "pick", 1, "퀴즈 파일이 없습니다"),
    ("demo", "no-such", 1, "문제가 없습니다"),
    ("demo", "pick", 3, "번호는 1부터 2까지"),
    ("demo", "pick", "Tab", "보기에 없습니다"),
    ("demo", "pair", ["NASW (1984)"], "'항목: 값'"),
    ("demo", "sort", 5, "'항목: 값'"),
])
def test_bad_ids_and_answers_raise_korean_errors(demo_quiz, quiz_id, question_id, answer, message):
    """Is an unknown quiz or question, or a malformed answer, refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=message):
        worked_example(quiz_id, question_id, answer)
