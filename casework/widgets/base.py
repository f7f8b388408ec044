"""The wiring every checked widget shares: controls → a judge → a feedback area, with the ladder.

A widget module builds its controls and a ``judge`` — a function of no arguments that reads the
controls and returns a :class:`~casework.judging.feedback.Feedback` from :mod:`casework.judging`.
:func:`checked_box` adds the rest once:

* the ladder: **확인** shows what is right, what is wrong and why; after a check that is not
  right, **힌트** opens the hints; **풀이 보기** opens the model answer on request;
* the feedback area, and Korean feedback instead of a traceback when an answer is refused
  (:func:`casework.judging.guard.judge_safely`);
* progress: with a ``key`` (chapter, widget id) and ``read``/``write`` for the controls, the
  last answer is put back into the controls when the widget is created, and every check saves
  the answer, the verdict, the number of tries and hint use (:mod:`casework.progress`).

Tests and notebooks drive a box without clicking through its ``check()``, ``hint()`` and
``solution()`` attributes.
"""

from __future__ import annotations

import html
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

import ipywidgets as w
from traitlets import TraitError

from casework import progress
from casework._util.text import particle
from casework.errors import CaseworkError
from casework.judging.answers import is_blank
from casework.judging.feedback import Feedback, Level, Status
from casework.judging.guard import judge_safely

__all__ = [
    "BLANK_CHOICE",
    "Key",
    "Ladder",
    "feedback_area",
    "show",
    "check_button",
    "labelled_row",
    "judged",
    "checked_box",
    "checked_blocks",
    "with_attrs",
    "blank_to_none",
    "table_html",
]

BLANK_CHOICE = "— 고르세요 —"
"""The first option of a dropdown the learner has not touched yet."""

HINT_LABEL = "힌트"
SOLUTION_LABEL = "풀이 보기"

Judge = Callable[[], Feedback]
Key = tuple[str, str]
"""Where a widget's answer is saved: (chapter or exercise id, the widget's own id)."""
V = TypeVar("V")


def feedback_area() -> w.HTML:
    """An empty HTML area where feedback appears."""
    return w.HTML(value="", layout=w.Layout(min_height="1.5em"))


def show(area: w.HTML, feedback: Feedback, level: Level = Level.CHECK) -> None:
    """Put ``feedback`` into ``area`` as HTML, up to ``level`` of the ladder."""
    area.value = feedback.to_html(level)


def check_button(label: str = "확인", *, compact: bool = False) -> w.Button:
    """The blue check button; ``compact`` keeps it from stretching across a VBox."""
    button = w.Button(description=label, button_style="primary", icon="check",
                      tooltip="답을 확인합니다", layout=w.Layout(width="auto"))
    if compact:
        button.layout.align_self = "flex-start"
    return button


def _ladder_button(label: str, icon: str, tooltip: str) -> w.Button:
    return w.Button(description=label, icon=icon, tooltip=tooltip,
                    layout=w.Layout(width="auto", display="none"))


def labelled_row(label: str, control: w.Widget, width: str = "430px") -> w.HBox:
    """A fixed-width HTML label with a control to its right."""
    return w.HBox([w.HTML(f"<div style='width:{width};padding-right:8px'>{label}</div>"), control])


def blank_to_none(value: V, blank: object = BLANK_CHOICE) -> V | None:
    """A control's value, with the untouched 'choose' option read as no answer."""
    return None if value == blank else value


def judged(judge: Judge, area: w.HTML) -> Callable[..., Feedback]:
    """A click handler for an action button (not an answer): run ``judge`` safely and show it."""

    def run(_: object = None) -> Feedback:
        feedback = judge_safely(judge)
        show(area, feedback)
        return feedback

    return run


class Ladder:
    """확인 → 힌트 → 풀이 보기 for one answer, with its saved progress.

    ``read()`` returns the controls' answer as JSON data and ``write(answer)`` puts a saved one
    back; without them (or without ``key``) nothing is saved. ``save_answer=False`` keeps the
    verdict and tries but not the answer itself (for text a learner may paste from a real case).
    ``on_show(feedback, level)`` runs whenever the feedback is shown (to reveal a table or
    redraw a chart for the level reached, say). With ``restore=False`` the caller calls
    :meth:`restore` once its controls are wired.
    """

    def __init__(self, judge: Judge, *, key: Key | None = None, read: Callable[[], object] | None = None,
                 write: Callable[[object], None] | None = None, save_answer: bool = True,
                 on_show: Callable[[Feedback, Level], None] | None = None, button_label: str = "확인",
                 compact: bool = False, restore: bool = True) -> None:
        self._judge = judge
        self.key = key
        self._read = read
        self._write = write
        self._save_answer = save_answer
        self._on_show = on_show
        self.area = feedback_area()
        self.note = w.HTML(value="")
        self.button = check_button(button_label, compact=compact)
        self.hint_button = _ladder_button(HINT_LABEL, "lightbulb-o", "힌트를 봅니다")
        self.solution_button = _ladder_button(SOLUTION_LABEL, "eye", "풀이(모범 답)를 봅니다")
        self.feedback: Feedback | None = None
        self.level = Level.CHECK
        self.attempts = 0
        self.button.on_click(self.check)
        self.hint_button.on_click(self.hint)
        self.solution_button.on_click(self.solution)
        if restore:
            self.restore()

    # ----- the ladder

    def check(self, _: object = None) -> Feedback:
        """Judge the controls' answer, show it at the level reached so far, and save it."""
        feedback = judge_safely(self._judge)
        self.feedback = feedback
        if feedback.status is not Status.UNANSWERED:
            self.attempts += 1
            self._save(feedback)
        elif self._read is not None and not is_blank(self._read()):
            self._save(feedback)  # a half-filled answer is kept too, without counting a try
        self._show()
        return feedback

    def keep(self) -> None:
        """Save the controls' answer as work in progress (no try counted, no verdict)."""
        self._save(Feedback.unanswered())

    def hint(self, _: object = None) -> Feedback:
        """Open the hints (judging first if nothing was checked yet)."""
        return self._climb(Level.HINT)

    def solution(self, _: object = None) -> Feedback:
        """Open the model answer (judging first if nothing was checked yet)."""
        return self._climb(Level.SOLUTION)

    def _climb(self, level: Level) -> Feedback:
        if self.feedback is None:
            self.check()
        assert self.feedback is not None
        self.level = max(self.level, level)
        if self.key is not None:
            self._guarded(progress.record_level, *self.key, hint_used=level >= Level.HINT,
                          solution_seen=level >= Level.SOLUTION)
        self._show()
        return self.feedback

    def _show(self) -> None:
        feedback = self.feedback
        if feedback is None:
            return
        show(self.area, feedback, self.level)
        not_right = feedback.status is not Status.CORRECT
        self.hint_button.layout.display = "" if not_right and feedback.hints and self.level < Level.HINT else "none"
        self.solution_button.layout.display = "" if feedback.solution and self.level < Level.SOLUTION else "none"
        if self._on_show is not None:
            self._on_show(feedback, self.level)

    # ----- progress

    def _guarded(self, action, *args, **kwargs):
        """Run a progress-file action; a problem is shown under the feedback, never raised."""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", progress.ProgressWarning)
            try:
                result = action(*args, **kwargs)
            except progress.ProgressError as exc:
                self.note.value = _note(str(exc))
                return None
        for warning in caught:
            if issubclass(warning.category, progress.ProgressWarning):
                self.note.value = _note(str(warning.message))
        return result

    def _save(self, feedback: Feedback) -> None:
        if self.key is None or self._read is None:
            return
        answer = self._read() if self._save_answer else None
        self._guarded(progress.record_check, *self.key, answer=answer, status=feedback.status.value,
                      score=feedback.score, attempts=self.attempts,
                      hint_used=self.level >= Level.HINT, solution_seen=self.level >= Level.SOLUTION)

    def fill(self, answer: object) -> None:
        """Put ``answer`` (the data ``read()`` gives) into the controls, as :meth:`restore` does."""
        if self._write is None:
            raise CaseworkError("이 문제는 답을 저장하지 않아 채워 넣을 수 없습니다.")
        self._write(answer)

    def restore(self) -> None:
        """Put the saved answer back into the controls (done on creation unless ``restore=False``)."""
        if self.key is None:
            return
        entry = self._guarded(progress.saved_entry, *self.key)
        if not entry:
            return
        self.attempts = int(entry.get("attempts", 0) or 0)
        if entry.get("solution_seen"):
            self.level = Level.SOLUTION
        elif entry.get("hint_used"):
            self.level = Level.HINT
        answer = entry.get("answer")
        restored = False
        if answer is not None and self._write is not None:
            try:
                self._write(answer)
                restored = True
            except (CaseworkError, ValueError, TypeError, KeyError, TraitError):
                restored = False  # a stale saved answer (the options changed) must not break the page
        if self.attempts:
            result = _LAST_RESULT.get(entry.get("status", ""), "기록 없음")
            what = "지난번 답을 불러왔습니다" if restored else "지난번 기록이 있습니다"
            label = self.button.description
            self.note.value = _note(f"{what}(확인 {self.attempts}번, 마지막 결과: {result}). "
                                    f"[{label}]{particle(label, '을')} 누르면 다시 채점합니다.", color="#555")


_LAST_RESULT = {"correct": "맞음", "partial": "일부 맞음", "incorrect": "아직 맞지 않음"}


def _note(text: str, color: str = "#a66a00") -> str:
    return f"<div style='color:{color};font-size:90%;margin:2px 0'>{html.escape(text)}</div>"


def checked_box(
    children: Sequence[w.Widget],
    judge: Judge,
    *,
    key: Key | None = None,
    read: Callable[[], object] | None = None,
    write: Callable[[object], None] | None = None,
    save_answer: bool = True,
    on_show: Callable[[Feedback, Level], None] | None = None,
    button_label: str = "확인",
    extra_attrs: Mapping[str, object] | None = None,
    css_class: str | None = None,
    compact: bool = False,
    beside: w.Widget | None = None,
    after: Sequence[w.Widget] = (),
) -> w.VBox:
    """``children``, the ladder buttons, a feedback area and ``after``, wired to ``judge``.

    The buttons sit in one row, to the right of ``beside`` when one is given. The box has
    ``check()``, ``hint()``, ``solution()``, ``feedback_area``, ``button`` (확인),
    ``hint_button``, ``solution_button``, ``ladder`` and every name in ``extra_attrs``.
    ``key``, ``read`` and ``write`` save and restore the answer (see :class:`Ladder`).
    """
    ladder = Ladder(judge, key=key, read=read, write=write, save_answer=save_answer, on_show=on_show,
                    button_label=button_label, compact=compact)
    buttons = [ladder.button, ladder.hint_button, ladder.solution_button]
    row = w.HBox(buttons if beside is None else [beside, *buttons], layout=w.Layout(align_items="center"))
    box = w.VBox([*children, row, ladder.note, ladder.area, *after])
    if css_class:
        box.add_class(css_class)
    return with_attrs(box, check=ladder.check, hint=ladder.hint, solution=ladder.solution, ladder=ladder,
                      feedback_area=ladder.area, button=ladder.button, hint_button=ladder.hint_button,
                      solution_button=ladder.solution_button, **(extra_attrs or {}))


def checked_blocks(blocks: Sequence[w.VBox], *, extra_attrs: Mapping[str, object] | None = None) -> w.VBox:
    """Several :func:`checked_box` blocks, one under another, with a gap after each.

    The box has ``check(i)``, ``hint(i)``, ``solution(i)`` (for block ``i``), ``blocks``,
    ``feedback_areas`` and ``extra_attrs``.
    """
    blocks = list(blocks)
    for block in blocks:
        block.layout.margin = "0 0 12px 0"
    box = w.VBox(blocks)
    return with_attrs(box, check=lambda i: blocks[i].check(), hint=lambda i: blocks[i].hint(),
                      solution=lambda i: blocks[i].solution(), blocks=blocks,
                      feedback_areas=[b.feedback_area for b in blocks], **(extra_attrs or {}))


def with_attrs(box: w.VBox, **attrs: object) -> w.VBox:
    """``box`` with each keyword set as an attribute (what tests and notebooks drive it by)."""
    for name, value in attrs.items():
        setattr(box, name, value)
    return box


# Widget HTML gets none of JupyterLab's output-table styling, so each cell carries its own.
_CELL = "text-align:left;vertical-align:top;padding:3px 10px;"
_TH = _CELL + "border-bottom:2px solid #999;background:#f5f5f5;white-space:nowrap"
_TD = _CELL + "border-bottom:1px solid #ddd"
_SHORT = 14  # a column whose every value is at most this long is kept on one line


def table_html(frame) -> str:
    """A DataFrame as a table that lines up inside a widget: left-aligned, ruled, short columns
    unwrapped, empty cells blank; a named index is the first column, an unnamed one is left out."""
    columns = [str(c) for c in frame.columns]
    rows = [list(row) for row in frame.astype(object).itertuples(index=False)]
    if frame.index.name is not None:
        columns = [str(frame.index.name), *columns]
        rows = [[index, *row] for index, row in zip(frame.index, rows)]
    texts = [["" if _blank(v) else str(v) for v in row] for row in rows]
    short = [all(len(row[i]) <= _SHORT for row in texts) for i in range(len(columns))]
    head = "".join(f"<th style='{_TH}'>{html.escape(c)}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td style='{_TD}{';white-space:nowrap' if short[i] else ''}'>{html.escape(v)}</td>"
                         for i, v in enumerate(row)) + "</tr>"
        for row in texts
    )
    return f"<table style='border-collapse:collapse;margin:6px 0'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _blank(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and pandas' NA are not equal to themselves
    except (TypeError, ValueError):
        return True  # pd.NA raises on truth testing
