"""Widgets for the quiz kinds in :mod:`casework.quiz` (choice, match, order, categorize).

Controls only: the answer goes to :func:`casework.judging.quiz.judge`. Each question saves its
answer under (quiz id, question id) and puts it back when the cell runs again.
``feedback_area``, ``show`` and ``check_button`` live in :mod:`casework.widgets.base`; they are
re-exported here because chapters and older code import them from this module.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import ipywidgets as w

from casework import quiz as quizlib
from casework.errors import CaseworkError
from casework.judging.feedback import Feedback, Level
from casework.judging.quiz import judge as judge_quiz
from casework.widgets.base import (
    BLANK_CHOICE as _BLANK,
)
from casework.widgets.base import (
    Key,
    blank_to_none,
    check_button,
    checked_box,
    feedback_area,
    show,
)
from casework.widgets.base import (
    labelled_row as _row,
)

__all__ = ["question_widget", "quiz_widget", "text_checker", "feedback_area", "show", "check_button"]

_WIDE = w.Layout(width="auto")


def _dropdown(options: list[str]) -> w.Dropdown:
    return w.Dropdown(options=[_BLANK, *options], value=_BLANK, layout=w.Layout(width="260px"))


def _set(drop: w.Widget, value: object) -> None:
    """Put a saved value back if the control still offers it (content may have changed)."""
    if value in drop.options:
        drop.value = value


def question_widget(question, *, seed: int = 0, key: Key | None = None,
                    judge: Callable[[object, object], Feedback] | None = None,
                    on_show: Callable[[Feedback, Level], None] | None = None) -> w.VBox:
    """One question with its controls, the 확인 · 힌트 · 풀이 보기 buttons and a feedback area.

    Choice options, match rows, order slots and categorize items are shuffled with a
    generator seeded by ``seed`` and the question id, so every learner with the same seed
    sees the same order. ``key`` saves and restores the answer (see :mod:`casework.progress`);
    ``judge(question, answer)`` replaces the quiz judge (for a question with its own wording);
    ``on_show(feedback, level)`` runs whenever feedback is shown.
    The box has ``read_answer()``, ``check()``, ``hint()`` and ``solution()``.
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

        def write(answer):
            _set(radio, answer)
    elif question.kind == "match":
        drops = {p.left: _dropdown(question.choices) for p in question.pairs}
        lefts = list(drops)
        rng.shuffle(lefts)
        controls = [_row(left, drops[left]) for left in lefts]

        def read_answer():
            return {left: blank_to_none(d.value) for left, d in drops.items() if blank_to_none(d.value)}

        def write(answer):
            for left, value in dict(answer).items():
                if left in drops:
                    _set(drops[left], value)
    elif question.kind == "order":
        shuffled = list(question.items)
        rng.shuffle(shuffled)
        slots = [_dropdown(shuffled) for _ in question.items]
        controls = [_row(f"{i}번째", d) for i, d in enumerate(slots, start=1)]

        def read_answer():
            values = [blank_to_none(d.value) for d in slots]
            return [] if all(v is None for v in values) else [v or "" for v in values]

        def write(answer):
            for drop, value in zip(slots, list(answer)):
                _set(drop, value)
    elif question.kind == "categorize":
        texts = [i.text for i in question.items]
        rng.shuffle(texts)
        drops = {t: _dropdown(list(question.categories)) for t in texts}
        controls = [_row(t, drops[t]) for t in texts]

        def read_answer():
            return {t: blank_to_none(d.value) for t, d in drops.items() if blank_to_none(d.value)}

        def write(answer):
            for text, value in dict(answer).items():
                if text in drops:
                    _set(drops[text], value)
    else:  # pragma: no cover - the Quiz model admits only the kinds above
        raise CaseworkError(f"알 수 없는 문제 유형입니다: {question.kind}")

    run = judge or judge_quiz
    return checked_box(
        [w.HTML(f"<b>{question.prompt}</b>"), *controls],
        lambda: run(question, read_answer()),
        key=key, read=read_answer, write=write, on_show=on_show,
        extra_attrs={"read_answer": read_answer, "question": question},
    )


def quiz_widget(quiz_id: str, *, only: list[str] | None = None, seed: int = 0) -> w.VBox:
    """All questions of a quiz file (or the ``only`` ones), one under another.

    Each question keeps its answer under (``quiz_id``, question id) in the progress file.
    """
    quiz = quizlib.load_quiz(quiz_id)
    questions = [quiz.question(q) for q in only] if only else list(quiz.questions)
    return w.VBox([question_widget(q, seed=seed, key=(quiz_id, q.id)) for q in questions])


def text_checker(
    judge: Callable[[str], Feedback],
    *,
    placeholder: str,
    button_label: str = "확인",
    multiline: bool = False,
    value: str = "",
    key: Key | None = None,
) -> w.VBox:
    """A text box, the ladder buttons and a feedback area; ``judge`` is a plain function.

    With ``key`` the text is saved on every check and put back when the widget is made again
    (a ``value`` given explicitly wins over the saved text).
    """
    make = w.Textarea if multiline else w.Text
    box_in = make(value=value, placeholder=placeholder, layout=w.Layout(width="90%"))

    def write(answer: object) -> None:
        if isinstance(answer, str) and not value:
            box_in.value = answer

    return checked_box([box_in], lambda: judge(box_in.value), key=key, read=lambda: box_in.value, write=write,
                       button_label=button_label, extra_attrs={"text": box_in})
