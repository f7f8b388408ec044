"""The wiring every exercise widget shares: controls, a check button and a feedback area.

A widget module builds its controls and a ``judge`` — a function of no arguments that reads
the controls and returns a :class:`~casework.feedback.Feedback` from a plain, unit-tested
library function. :func:`checked_box` does the rest once: the button, the feedback area, the
click handler that turns a :class:`~casework.errors.CaseworkError` into Korean feedback
instead of a traceback, and the ``check()`` / ``feedback_area`` / ``button`` attributes that
tests and notebooks use to drive a widget without clicking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import ipywidgets as w

from casework.errors import CaseworkError
from casework.feedback import Feedback, Status

__all__ = [
    "BLANK_CHOICE",
    "feedback_area",
    "show",
    "check_button",
    "labelled_row",
    "judged",
    "checked_box",
    "checked_blocks",
    "with_attrs",
]

BLANK_CHOICE = "— 고르세요 —"
"""The first option of a dropdown the learner has not touched yet."""

Judge = Callable[[], Feedback]


def feedback_area() -> w.HTML:
    """An empty HTML area where feedback appears."""
    return w.HTML(value="", layout=w.Layout(min_height="1.5em"))


def show(area: w.HTML, feedback: Feedback) -> None:
    """Put ``feedback`` into ``area`` as HTML."""
    area.value = feedback.to_html()


def check_button(label: str = "확인", *, compact: bool = False) -> w.Button:
    """The blue check button; ``compact`` keeps it from stretching across a VBox."""
    button = w.Button(description=label, button_style="primary", icon="check",
                      tooltip="답을 확인합니다", layout=w.Layout(width="auto"))
    if compact:
        button.layout.align_self = "flex-start"
    return button


def labelled_row(label: str, control: w.Widget, width: str = "430px") -> w.HBox:
    """A fixed-width HTML label with a control to its right."""
    return w.HBox([w.HTML(f"<div style='width:{width};padding-right:8px'>{label}</div>"), control])


def judged(judge: Judge, area: w.HTML) -> Callable[..., Feedback]:
    """A click handler: run ``judge``, show its feedback in ``area`` and return it.

    A CaseworkError from the judge is shown as INCORRECT feedback with its Korean message.
    """

    def check(_: object = None) -> Feedback:
        try:
            feedback = judge()
        except CaseworkError as err:
            feedback = Feedback(Status.INCORRECT, str(err))
        show(area, feedback)
        return feedback

    return check


def checked_box(
    children: Sequence[w.Widget],
    judge: Judge,
    *,
    button_label: str = "확인",
    extra_attrs: Mapping[str, object] | None = None,
    css_class: str | None = None,
    compact: bool = False,
    beside: w.Widget | None = None,
    after: Sequence[w.Widget] = (),
) -> w.VBox:
    """``children``, a check button, a feedback area and ``after``, wired to ``judge``.

    The button sits in a row to the right of ``beside`` when one is given. The box has
    ``check()`` (the click handler, also callable without a click), ``feedback_area``,
    ``button`` and every name in ``extra_attrs``.
    """
    area = feedback_area()
    button = check_button(button_label, compact=compact)
    check = judged(judge, area)
    button.on_click(check)
    row = button if beside is None else w.HBox([beside, button])
    box = w.VBox([*children, row, area, *after])
    if css_class:
        box.add_class(css_class)
    return with_attrs(box, check=check, feedback_area=area, button=button, **(extra_attrs or {}))


def checked_blocks(blocks: Sequence[w.VBox], *, extra_attrs: Mapping[str, object] | None = None) -> w.VBox:
    """Several :func:`checked_box` blocks, one under another, with a gap after each.

    The box has ``check(i)`` (check block ``i``), ``feedback_areas`` and ``extra_attrs``.
    """
    blocks = list(blocks)
    for block in blocks:
        block.layout.margin = "0 0 12px 0"

    def check(i: int) -> Feedback:
        return blocks[i].check()

    box = w.VBox(blocks)
    return with_attrs(box, check=check, feedback_areas=[b.feedback_area for b in blocks], **(extra_attrs or {}))


def with_attrs(box: w.VBox, **attrs: object) -> w.VBox:
    """``box`` with each keyword set as an attribute (what tests and notebooks drive it by)."""
    for name, value in attrs.items():
        setattr(box, name, value)
    return box
