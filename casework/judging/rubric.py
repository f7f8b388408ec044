"""The one rubric: how findings and counts become a status and a score.

Teaching rules of the workbook (the textbook says nothing about scoring):

* free text (a goal, a question, a need): no finding is *correct* (1.0), one finding is
  *partial* (0.5), two or more are *incorrect* (0.0);
* a single choice, a number or a yes/no: right is *correct*, wrong is *incorrect*;
* a list, table or order: the share of items right is the score; all right is *correct*,
  none right is *incorrect*, anything between is *partial*.

Every judge in :mod:`casework.judging` builds its Feedback through these functions, so a chapter
widget, an exercise notebook and the grader cannot disagree on what a finding is worth.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from casework.judging.feedback import Feedback, Status

__all__ = ["PARTIAL_SCORE", "right", "wrong", "partial", "from_findings", "from_share"]

PARTIAL_SCORE = 0.5


def right(summary: str, points: Iterable[str] = ()) -> Feedback:
    return Feedback(Status.CORRECT, summary, tuple(points), 1.0)


def wrong(summary: str, points: Iterable[str] = ()) -> Feedback:
    return Feedback(Status.INCORRECT, summary, tuple(points), 0.0)


def partial(summary: str, points: Iterable[str] = ()) -> Feedback:
    return Feedback(Status.PARTIAL, summary, tuple(points), PARTIAL_SCORE)


def from_findings(findings: Sequence[str], *, ok: str, ok_points: Iterable[str] = (),
                  one: str, many: str, notes: Iterable[str] = ()) -> Feedback:
    """Free text: no finding is correct, one is partial, two or more are incorrect.

    ``findings`` are the Korean points, one per finding; ``notes`` are extra points that are
    not findings (what a rule cannot see, a request for a missing figure) and never lower the
    score.
    """
    notes = tuple(notes)
    if not findings:
        return right(ok, (*ok_points, *notes))
    if len(findings) == 1:
        return partial(one, (*findings, *notes))
    return wrong(many, (*findings, *notes))


def from_share(n_right: int, n_total: int, *, all_right: str, some_right: str,
               points: Iterable[str] = (), n_extra: int = 0, none_right: str | None = None) -> Feedback:
    """A list, table or order: ``n_right`` of ``n_total`` expected items right.

    ``n_extra`` counts items given that should not be there (wrong picks, unknown names); they
    lower the score to ``n_right / (n_total + n_extra)``, so picking everything is not full marks.
    """
    points = tuple(points)
    if n_total <= 0 or n_right < 0 or n_extra < 0 or n_right > n_total:
        raise ValueError(f"bad counts: {n_right}/{n_total} (+{n_extra})")
    if n_right == n_total and n_extra == 0:
        return right(all_right, points)
    if n_right == 0:
        return wrong(none_right or some_right, points)
    return Feedback(Status.PARTIAL, some_right, points, n_right / (n_total + n_extra))
