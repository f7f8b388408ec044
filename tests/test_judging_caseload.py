"""Tests for casework.judging.caseload (and casework.caseload.lowest_shared_limit): the lowest
caseload limit that sharing cases inside the team can meet."""

from __future__ import annotations

import pytest

from casework.caseload import Caseload, example_team, lowest_shared_limit
from casework.errors import CaseworkError
from casework.judging.caseload import CASELOAD_HINTS, judge_lowest_shared_limit
from casework.judging.feedback import Level, Status

TEAM = (Caseload("가", 10), Caseload("나", 25), Caseload("다", 31), Caseload("라", 30))  # 96 cases


def test_lowest_shared_limit_is_the_ceiling_of_the_mean():
    """Is the answer the smallest whole limit with total <= limit x people?"""
    assert lowest_shared_limit(TEAM) == 24
    assert lowest_shared_limit(example_team()) == 24  # 143 / 6 = 23.8
    assert lowest_shared_limit([Caseload("가", 0)]) == 1


def test_the_right_limit_is_correct_and_explains_why():
    """Is the lowest shared limit judged correct, with the arithmetic and what lies below it?"""
    fb = judge_lowest_shared_limit(TEAM, 24)
    assert fb.status is Status.CORRECT and fb.summary == "나누어 맡아 해결되는 가장 낮은 기준은 24건입니다."
    assert fb.points[0].startswith("팀 전체 96건을 4명이 나누면 한 사람에 24.0건")
    assert "넘는 14건을 여유 14건에" in fb.points[1]
    assert fb.points[-1].startswith("기준을 23건 이하로")


def test_too_high_and_too_low_get_different_directions_but_not_the_answer():
    """Does a limit above say 'go lower', one below show the capacity sum, neither naming 24 before 풀이?"""
    high = judge_lowest_shared_limit(TEAM, 30)
    assert high.status is Status.INCORRECT and "더 낮은 기준" in high.summary
    low = judge_lowest_shared_limit(TEAM, 20)
    assert low.status is Status.INCORRECT and "20건 × 4명 = 80건" in low.points[0]
    for fb in (high, low):
        assert "24건" not in fb.to_text(Level.HINT) and fb.solution.startswith("24건입니다")
        assert fb.hints == CASELOAD_HINTS


@pytest.mark.parametrize("answer", ["24", "24건", " 24 건 ", 24.0])
def test_the_limit_may_be_typed(answer):
    """Is '24', '24건' or 24.0 read as the limit 24?"""
    assert judge_lowest_shared_limit(TEAM, answer).passed


@pytest.mark.parametrize("blank", [None, "", "  "])
def test_no_limit_is_unanswered(blank):
    """Is a missing limit 'unanswered' with the ladder, not an error?"""
    fb = judge_lowest_shared_limit(TEAM, blank)
    assert fb.status is Status.UNANSWERED and fb.solution


@pytest.mark.parametrize("team, limit", [([], 10), ("가", 10), (TEAM, 0), (TEAM, "스물넷"), (TEAM, "24.5"), (5, 3)])
def test_bad_input_is_refused(team, limit):
    """Is an empty, non-list or bad-limit input refused in Korean?"""
    with pytest.raises(CaseworkError):
        judge_lowest_shared_limit(team, limit)
