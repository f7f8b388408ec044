"""Widgets for the quiz kinds in :mod:`casework.quiz` (choice, match, order, categorize).

``feedback_area``, ``show`` and ``check_button`` live in :mod:`casework.widgets.base`; they are
re-exported here because chapters and older code import them from this module.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import ipywidgets as w

from casework import quiz as quizlib
from casework.errors import CaseworkError
from casework.feedback import Feedback
from casework.widgets.base import (
    BLANK_CHOICE as _BLANK,
    check_button,
    checked_box,
    feedback_area,
    labelled_row as _row,
    show,
)

__all__ = ["question_widget", "quiz_widget", "text_checker", "feedback_area", "show", "check_button"]

_WIDE = w.Layout(width="auto")


def _dropdown(options: list[str]) -> w.Dropdown:
    return w.Dropdown(options=[_BLANK, *options], value=_BLANK, layout=w.Layout(width="260px"))


def _value(dropdown: w.Dropdown) -> str | None:
    return None if dropdown.value == _BLANK else dropdown.value


def question_widget(question, *, seed: int = 0) -> w.VBox:
    """One question with its controls, a 확인 button and a feedback area.

    Choice options, match rows, order slots and categorize items are shuffled with a
    generator seeded by ``seed`` and the question id, so every learner with the same seed
    sees the same order. The returned box has ``read_answer()`` and ``check()`` attributes
    so tests and notebooks can drive it without clicking.
    """
    rng = random.Random(f"{seed}-{question.id}")
    controls: list[w.Widget]
    if question.kind == "choice":
        texts = [o.text for o in question.options]
        rng.shuffle(texts)
        radio = w.RadioButtons(options=texts, value=None, layout=_WIDE)
        controls = [radio]

        def read_answer():
            return radio.value
    elif question.kind == "match":
        drops = {p.left: _dropdown(question.choices) for p in question.pairs}
        lefts = list(drops)
        rng.shuffle(lefts)
        controls = [_row(left, drops[left]) for left in lefts]

        def read_answer():
            return {left: _value(d) for left, d in drops.items() if _value(d)}
    elif question.kind == "order":
        shuffled = list(question.items)
        rng.shuffle(shuffled)
        slots = [_dropdown(shuffled) for _ in question.items]
        controls = [_row(f"{i}번째", d) for i, d in enumerate(slots, start=1)]

        def read_answer():
            values = [_value(d) for d in slots]
            return [] if all(v is None for v in values) else [v or "" for v in values]
    elif question.kind == "categorize":
        texts = [i.text for i in question.items]
        rng.shuffle(texts)
        drops = {t: _dropdown(list(question.categories)) for t in texts}
        controls = [_row(t, drops[t]) for t in texts]

        def read_answer():
            return {t: _value(d) for t, d in drops.items() if _value(d)}
    else:  # pragma: no cover - the Quiz model admits only the kinds above
        raise CaseworkError(f"알 수 없는 문제 유형입니다: {question.kind}")

    return checked_box(
        [w.HTML(f"<b>{question.prompt}</b>"), *controls],
        lambda: quizlib.judge(question, read_answer()),
        extra_attrs={"read_answer": read_answer},
    )


def quiz_widget(quiz_id: str, *, only: list[str] | None = None, seed: int = 0) -> w.VBox:
    """All questions of a quiz file (or the ``only`` ones), one under another."""
    quiz = quizlib.load_quiz(quiz_id)
    questions = [quiz.question(q) for q in only] if only else list(quiz.questions)
    return w.VBox([question_widget(q, seed=seed) for q in questions])


def text_checker(
    judge: Callable[[str], Feedback],
    *,
    placeholder: str,
    button_label: str = "확인",
    multiline: bool = False,
    value: str = "",
) -> w.VBox:
    """A text box, a button and a feedback area; ``judge`` is a plain function."""
    make = w.Textarea if multiline else w.Text
    box_in = make(value=value, placeholder=placeholder, layout=w.Layout(width="90%"))
    return checked_box([box_in], lambda: judge(box_in.value), button_label=button_label,
                       extra_attrs={"text": box_in})
