"""Judging a number the learner computed (a total, a T score)."""

from __future__ import annotations

from collections.abc import Sequence

from casework._util.text import josa
from casework.judging import rubric
from casework.judging.answers import is_blank, read_number
from casework.judging.feedback import Feedback

__all__ = ["judge_number", "format_number"]


def format_number(value: float) -> str:
    """An integer without '.0', anything else with two decimals."""
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def judge_number(answer: object, expected: float, *, what: str, tolerance: float = 0.0,
                 right_points: Sequence[str] = (), wrong_points: Sequence[str] = (),
                 example: str = "15") -> Feedback:
    """Right within ``tolerance``; a wrong number is shown back, never the right one."""
    if is_blank(answer):
        return Feedback.unanswered(f"{josa(what, '을')} 숫자로 적어 주세요. 예: {example}")
    value = read_number(answer, what, example)
    if abs(value - expected) <= tolerance + 1e-9:
        return rubric.right(f"{josa(what, '은')} {format_number(expected)}입니다.", right_points)
    return rubric.wrong(f"{josa(what, '이')} 맞지 않습니다(적은 값: {format_number(value)}).", wrong_points)
