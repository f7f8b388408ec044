"""Tests for casework.judging.answers: reading plain-Korean answers, and refusing what is not one."""

from __future__ import annotations

import pytest

from casework.judging.answers import (
    MAX_SENTENCE,
    AnswerFormatError,
    is_blank,
    read_list,
    read_number,
    read_pairs,
    read_text,
)


@pytest.mark.parametrize("answer", [None, ..., "", "   \n ", "# 메모만 있음", [], {}, ["", None], {"a": None}])
def test_blank_answers(answer):
    assert is_blank(answer)


@pytest.mark.parametrize("answer", ["0", "없음", 0, [1], {"a": 1}])
def test_non_blank_answers(answer):
    assert not is_blank(answer)


def test_read_text_joins_lines_and_spaces():
    assert read_text("  어르신이\n  3개월 안에   경로당에 나간다 ") == "어르신이 3개월 안에 경로당에 나간다"


@pytest.mark.parametrize("answer", ["goal = 'x'", "print(1)", "ok", "123 456", "a가 b"])
def test_read_text_refuses_what_is_not_korean(answer):
    with pytest.raises(AnswerFormatError, match="한국어 문장으로"):
        read_text(answer, "목표")


def test_read_text_refuses_an_essay_with_a_korean_message():
    with pytest.raises(AnswerFormatError, match=f"{MAX_SENTENCE:,}자 안으로"):
        read_text("가" * (MAX_SENTENCE + 1), "목표")


def test_read_text_keeps_korean_with_some_latin():
    assert read_text("K-ADL 점수가 3개월 안에 2점 낮아진다") == "K-ADL 점수가 3개월 안에 2점 낮아진다"


@pytest.mark.parametrize(("answer", "expected"), [
    ("가\n나", ["가", "나"]), ("가, 나", ["가", "나"]), ("- 가\n• 나", ["가", "나"]),
    ("없음", []), ("없습니다.", []), ("해당 없음", []), (["가", None, " 나 "], ["가", "나"]),
])
def test_read_list(answer, expected):
    assert read_list(answer, "항목") == expected


def test_none_word_is_an_item_among_others():
    """'없음' empties the list only when it is the whole answer."""
    assert read_list("가\n없음", "항목") == ["가", "없음"]


@pytest.mark.parametrize(("answer", "expected"), [("15", 15), ("15점", 15), ("1,000", 1000), ("62.35", 62.35), (7, 7)])
def test_read_number(answer, expected):
    assert read_number(answer, "총점") == expected


@pytest.mark.parametrize("answer", ["열다섯", "15\n16", True])
def test_read_number_refuses_with_an_example(answer):
    with pytest.raises(AnswerFormatError, match="총점"):
        read_number(answer, "총점", "15")


def test_read_pairs_splits_at_the_last_separator():
    assert read_pairs("도시락 배달: 민간\n주거급여 → 공적", "자원 분류", "도시락: 민간") == [
        ("도시락 배달", "민간"), ("주거급여", "공적")]


@pytest.mark.parametrize("text", ["모르겠습니다", "잘 모르겠어요", "모름", "없음", "없습니다.", "-", "?", "...", "해당 없음",
                                  "아직 모르겠음", "  잘 모르겠네요 ㅠㅠ  "])
def test_non_answer_is_found_in_what_a_learner_types_when_stuck(text):
    """Are '모르겠습니다', '없음', '-', '?' and the like read as no answer, with a Korean hint naming them?"""
    from casework.judging.answers import non_answer, unanswered_hint

    assert non_answer(text)
    assert unanswered_hint(text, "목표를 적어 보세요.").endswith("만 적혀 있어 아직 답하지 않은 것으로 봅니다. 목표를 적어 보세요.")


@pytest.mark.parametrize("text", ["", "3개월 안에 어르신이 주 2회 이상 경로당에 나간다", "없으세요?", "가족 중에 도와줄 사람이 없음",
                                  "모르는 사람과 이야기하기를 어려워함", "잘 모르겠으면 언제든 물어보세요?"])
def test_an_answer_with_words_is_not_a_non_answer(text):
    """Is a real answer (even one containing 없음 or 모르) never taken for a non-answer?"""
    from casework.judging.answers import non_answer

    assert non_answer(text) == ""


def test_free_text_judges_give_unanswered_for_a_non_answer():
    """Do the goal, question, need, interview and masking judges give 'unanswered' (score 0) for '모르겠습니다'?"""
    from casework.judging.feedback import Status
    from casework.judging.goals import judge_goal
    from casework.judging.masking import masking_feedback
    from casework.judging.needs import judge_need
    from casework.judging.questions import judge_question

    for judge in (judge_goal, judge_question, judge_need, masking_feedback):
        fb = judge("모르겠습니다")
        assert fb.status is Status.UNANSWERED and fb.score == 0.0, judge.__name__
        assert "'모르겠습니다'만 적혀 있어" in fb.points[0]
