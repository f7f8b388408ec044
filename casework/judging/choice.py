"""Judging one choice: a number, a name or a widget's selected value."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from casework._util.text import josa, short_quote
from casework.judging import rubric
from casework.judging.answers import Choice, is_blank, read_choice
from casework.judging.feedback import Feedback

__all__ = ["judge_choice"]

K = TypeVar("K")


def judge_choice(
    answer: object,
    options: Sequence[Choice[K]],
    expected: K,
    *,
    what: str,
    right_points: Sequence[str] = (),
    why_not: Callable[[K], str] | None = None,
    numbered: bool = True,
) -> Feedback:
    """Right or wrong; a wrong choice is told why *it* does not fit, never what the answer is.

    ``why_not(chosen)`` explains the chosen option (its own definition, the clue it misses).
    Raises AnswerFormatError when the answer names no option.
    """
    if is_blank(answer):
        return Feedback.unanswered(f"{josa(what, '을')} 하나 골라 적어 주세요. 예: {options[0].label}")
    chosen = read_choice(answer, options, what, numbered=numbered)
    label = {o.key: o.label for o in options}
    if chosen == expected:
        return rubric.right(f"답은 '{label[expected]}'입니다.", right_points)
    points = (why_not(chosen),) if why_not else ()
    return rubric.wrong(f"{josa(short_quote(label[chosen], 60), '으로')} 보기는 어렵습니다.", points)
