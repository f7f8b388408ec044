"""Running a judge so that a learner never sees a traceback.

An answer the readers cannot read (:class:`~casework.judging.answers.AnswerFormatError`) or a
value the library refuses (:class:`~casework.errors.CaseworkError`) becomes *incorrect* feedback
whose points carry the Korean message, worded as the exercise runtime words it. Any other
exception is a bug and is raised.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError
from casework.judging.feedback import Feedback

__all__ = ["UNREADABLE", "REFUSED", "judge_safely"]

T = TypeVar("T")

UNREADABLE = "답을 읽을 수 없습니다."
REFUSED = "답에 고칠 곳이 있습니다."


def judge_safely(judge: Callable[[], T]) -> T | Feedback:
    """``judge()``, or incorrect feedback with the Korean message when the answer is refused.

    ``judge`` usually returns Feedback; an action that returns something else (a report, a new
    record) gets the same treatment of a refused value.
    """
    try:
        return judge()
    except AnswerFormatError as exc:
        return rubric.wrong(UNREADABLE, (str(exc),))
    except CaseworkError as exc:
        return rubric.wrong(REFUSED, (str(exc),))
