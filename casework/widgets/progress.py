"""The "내 학습 현황" view: what is done, what was right and where hints were used.

Wiring only: the figures come from :mod:`casework.progress` (the learner's progress file, plus
the check records kept in saved exercise notebooks). A chapter-00 cell shows it with::

    from casework.widgets.progress import 내_학습_현황
    내_학습_현황()

Forgetting answers takes two clicks: 기록 지우기, then 예, 지웁니다.
"""

from __future__ import annotations

import html
import os
import warnings
from pathlib import Path

import ipywidgets as w

from casework import progress
from casework.widgets.base import with_attrs

__all__ = ["progress_view", "내_학습_현황"]

_ALL = "모든 장"


def _default_exercises() -> Path | None:
    for folder in (Path.cwd() / "exercises", Path.cwd().parent / "exercises"):
        if folder.is_dir():
            return folder
    return None


def _list(labels: list[str]) -> str:
    return "<br>".join(html.escape(label) for label in labels) or "—"


def _table(rows: list[progress.ChapterProgress]) -> str:
    if not rows:
        return "<p>아직 확인한 답이 없습니다. 장마다 위젯에 답하고 [확인]을 누르면 여기에 쌓입니다.</p>"
    head = "".join(f"<th style='text-align:left;padding:4px 10px;white-space:nowrap'>{h}</th>"
                   for h in ("장·연습", "답한 문제", "맞은 문제", "다시 볼 문제", "힌트를 본 문제", "풀이를 본 문제"))
    body = []
    for row in rows:
        def labels(items: tuple[str, ...], chapter: str = row.chapter) -> list[str]:
            return [progress.item_label(chapter, item) for item in items]

        cells = (html.escape(progress.chapter_title(row.chapter)), f"{row.answered}개", f"{row.correct}개",
                 _list(labels(row.not_yet_right)), _list(labels(row.hint_used)), _list(labels(row.solution_seen)))
        body.append("<tr>" + "".join(
            f"<td style='text-align:left;vertical-align:top;padding:4px 10px;border-top:1px solid #ddd;"
            f"{'white-space:nowrap' if i < 3 else ''}'>{c}</td>" for i, c in enumerate(cells)) + "</tr>")
    return (f"<table style='border-collapse:collapse'><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def progress_view(*, exercises: str | os.PathLike[str] | None = None) -> w.VBox:
    """Per chapter and exercise: answered, right, to look at again, hints and model answers opened.

    ``exercises`` is the folder of the learner's exercise notebooks (default: ``exercises/``
    beside or above the working folder); their saved check records are counted too. The box has
    ``refresh()``, ``ask_reset()``, ``confirm_reset()``, ``cancel_reset()``, ``table``,
    ``chapter`` (which chapter to forget) and ``message``.
    """
    folder = Path(exercises) if exercises is not None else _default_exercises()
    table = w.HTML()
    message = w.HTML()
    chapter = w.Dropdown(options=[_ALL], value=_ALL, description="지울 범위", layout=w.Layout(width="360px"))
    reset_button = w.Button(description="기록 지우기", icon="trash", layout=w.Layout(width="auto"))
    yes = w.Button(description="예, 지웁니다", button_style="danger", layout=w.Layout(width="auto"))
    no = w.Button(description="아니요", layout=w.Layout(width="auto"))
    confirm = w.HBox([w.HTML("정말 지울까요? 지운 답은 되살릴 수 없습니다. "), yes, no],
                     layout=w.Layout(display="none", align_items="center"))
    refresh_button = w.Button(description="새로 고침", icon="refresh", layout=w.Layout(width="auto", align_self="flex-start"))

    def refresh(_=None) -> list[progress.ChapterProgress]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", progress.ProgressWarning)
            data = progress.load_progress()
        notes = [str(c.message) for c in caught if issubclass(c.category, progress.ProgressWarning)]
        saved_chapters = sorted(data["items"])
        if folder is not None and folder.is_dir():
            data = progress.merge_exercise_records(data, progress.exercise_records(folder))
        rows = progress.chapter_progress(data)
        table.value = _table(rows)
        chapter.options = [_ALL, *(progress.chapter_title(c) for c in saved_chapters)]
        chapter.value = _ALL
        state["chapters"] = dict(zip(chapter.options[1:], saved_chapters))
        if notes:
            message.value = "".join(f"<div style='color:#a66a00'>{html.escape(n)}</div>" for n in notes)
        return rows

    def ask_reset(_=None) -> None:
        confirm.layout.display = ""
        message.value = ""

    def cancel_reset(_=None) -> None:
        confirm.layout.display = "none"

    def confirm_reset(_=None) -> int:
        confirm.layout.display = "none"
        which = state["chapters"].get(chapter.value)
        try:
            removed = progress.reset_progress(which)
        except progress.ProgressError as exc:
            message.value = f"<div style='color:#b3261e'>{html.escape(str(exc))}</div>"
            return 0
        refresh()
        where = "모든 장" if which is None else progress.chapter_title(which)
        message.value = f"<div style='color:#555'>{html.escape(where)}의 답 {removed}개를 지웠습니다.</div>"
        return removed

    state: dict[str, dict[str, str]] = {"chapters": {}}
    reset_button.on_click(ask_reset)
    yes.on_click(confirm_reset)
    no.on_click(cancel_reset)
    refresh_button.on_click(refresh)
    refresh()
    where = html.escape(str(progress.progress_path()))
    box = w.VBox([
        w.HTML("<h4>내 학습 현황</h4><p style='color:#555'>위젯에서 [확인]을 누를 때마다 답과 결과가 "
               f"<code>{where}</code>에 저장됩니다. 연습문제는 저장한 노트북에서 읽어 옵니다.</p>"),
        table, refresh_button, w.HBox([chapter, reset_button]), confirm, message,
    ])
    box.add_class("casework-progress-view")
    return with_attrs(box, refresh=refresh, ask_reset=ask_reset, confirm_reset=confirm_reset,
                      cancel_reset=cancel_reset, table=table, chapter=chapter, message=message, confirm=confirm)


내_학습_현황 = progress_view
"""The chapter-00 name of :func:`progress_view`."""
