"""Tests for the structured judges (judging.number, choice, items, table): blank, right, wrong, partial.

A blank answer is 'unanswered' in every one of them, with a line that says how to answer; a
wrong answer never shows the right one.
"""

from __future__ import annotations

import pytest

from casework.judging.answers import AnswerFormatError, Choice
from casework.judging.choice import judge_choice
from casework.judging.feedback import Status
from casework.judging.items import judge_order, judge_set
from casework.judging.number import judge_number
from casework.judging.table import judge_table

KINDS = [Choice("public", "공적"), Choice("private", "민간"), Choice("informal", "비공식")]


def blank_cases():
    yield "number", lambda a: judge_number(a, 12, what="K-ADL 총점")
    yield "choice", lambda a: judge_choice(a, KINDS, "public", what="자원 종류")
    yield "set", lambda a: judge_set(a, ["가", "나", "다"], ["가"], what="도움이 필요한 항목")
    yield "order", lambda a: judge_order(a, ["가", "나", "다"], what="단계")
    yield "table", lambda a: judge_table(a, {"주거급여": "public"}, KINDS, what="자원 분류", label_what="자원 종류",
                                          example="주거급여: 공적")


@pytest.mark.parametrize(("name", "judge"), list(blank_cases()), ids=[n for n, _ in blank_cases()])
@pytest.mark.parametrize("answer", ["", "  \n", None, "# 아직"])
def test_blank_is_unanswered_and_says_how_to_answer(name, judge, answer):
    fb = judge(answer)
    assert fb.status is Status.UNANSWERED and fb.score == 0 and fb.points and "적어 주세요" in fb.points[0]


def test_number_right_and_wrong_never_shows_the_answer():
    assert judge_number("12점", 12, what="K-ADL 총점").status is Status.CORRECT
    wrong = judge_number("13", 12, what="K-ADL 총점")
    assert wrong.status is Status.INCORRECT and "13" in wrong.summary and "12" not in wrong.to_text()


def test_choice_by_number_or_name_and_a_wrong_pick_is_not_told_the_answer():
    assert judge_choice("1", KINDS, "public", what="자원 종류").status is Status.CORRECT
    assert judge_choice("공적", KINDS, "public", what="자원 종류").status is Status.CORRECT
    wrong = judge_choice("민간", KINDS, "public", what="자원 종류")
    assert wrong.status is Status.INCORRECT and "공적" not in wrong.to_text()
    with pytest.raises(AnswerFormatError, match="보기"):
        judge_choice("아무거나", KINDS, "public", what="자원 종류")


def test_set_scores_the_share_and_counts_extra_picks():
    assert judge_set("가", ["가", "나", "다"], ["가"], what="항목").status is Status.CORRECT
    partial = judge_set("가\n나", ["가", "나", "다"], ["가", "다"], what="항목")
    assert partial.status is Status.PARTIAL and partial.score == pytest.approx(1 / 3)
    assert judge_set("없음", ["가", "나"], [], what="항목").status is Status.CORRECT
    assert judge_set("없음", ["가", "나"], ["가"], what="항목").status is Status.INCORRECT


def test_order_scores_items_in_place():
    assert judge_order("가\n나\n다", ["가", "나", "다"], what="단계").status is Status.CORRECT
    swapped = judge_order("나\n가\n다", ["가", "나", "다"], what="단계")
    assert swapped.status is Status.PARTIAL and swapped.score == pytest.approx(1 / 3)
    assert judge_order("가\n나", ["가", "나", "다"], what="단계").status is Status.INCORRECT


def test_table_scores_each_row():
    expected = {"주거급여": "public", "반찬 나눔": "informal"}
    fb = judge_table("주거급여: 공적\n반찬 나눔: 민간", expected, KINDS, what="자원 분류", label_what="자원 종류",
                     example="주거급여: 공적")
    assert fb.status is Status.PARTIAL and fb.score == pytest.approx(0.5) and "비공식" not in fb.to_text()
