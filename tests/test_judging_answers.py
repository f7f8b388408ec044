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
