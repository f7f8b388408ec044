"""Widgets for chapter 08 (서비스 제공·점검·재사정).

Wiring only. The plain functions live in :mod:`casework.monitoring_report` (entries from the
form, the progress report) and :mod:`casework.judging.checklist` (the self-check); their names
are re-exported here because chapter 08 imports them from this module.

* :func:`checklist_widget` — tick the questions you can answer yes to;
* :func:`monitoring_widget` — add entries and see the T score, the chart and reassessment advice.
  The entries a learner adds are saved and added again when the cell runs again.
"""

from __future__ import annotations

import functools
import html
from datetime import date
from typing import Any, TypedDict

import ipywidgets as w

from casework import pdn, progress
from casework.errors import CaseworkError
from casework.judging.checklist import checklist_feedback
from casework.judging.feedback import Feedback
from casework.judging.guard import judge_safely
from casework.monitoring import Checklist, MonitoringEntry, MonitoringLog, MonitoringMethod, MonitoringResult
from casework.monitoring_report import (
    ProgressReport,
    added_entry_note,
    entry_from_form,
    level_options,
    log_table,
    log_with,
    next_month,
    parse_date,
    progress_report,
)
from casework.widgets.base import Key, check_button, checked_box, feedback_area, show, table_html, with_attrs

__all__ = [
    "methods_table",
    "checklist_table",
    "checklist_feedback",
    "checklist_widget",
    "level_options",
    "parse_date",
    "entry_from_form",
    "log_with",
    "ProgressReport",
    "progress_report",
    "log_table",
    "monitoring_widget",
]


# --------------------------------------------------------------------------- reading tables


def methods_table() -> pdn.HtmlBlock:
    """The four monitoring methods with a sentence on each."""
    rows = [(f"{i}. {m.value}", [m.explanation]) for i, m in enumerate(MonitoringMethod, 1)]
    return pdn.key_value_table("점검(모니터링)의 네 가지 방법", rows)


def checklist_table(checklist: Checklist) -> pdn.HtmlBlock:
    """A direct-practice checklist: each question with its concrete actions."""
    if not isinstance(checklist, Checklist):
        raise CaseworkError(f"점검 질문 목록(Checklist)을 주세요. 예: SERVICE_CHECKLIST. 받은 값: {checklist!r}")
    rows = [(f"{i}. {item.question}", list(item.actions)) for i, item in enumerate(checklist.items, 1)]
    return pdn.key_value_table(checklist.title, rows)


def checklist_widget(checklist: Checklist) -> w.VBox:
    """Tick the questions you can answer yes to, then see what to do about the rest."""
    if not isinstance(checklist, Checklist):
        raise CaseworkError(f"점검 질문 목록(Checklist)을 주세요. 받은 값: {checklist!r}")
    boxes = [
        w.Checkbox(value=False, description=f"{i}. {item.question}", indent=False,
                   layout=w.Layout(width="95%"))
        for i, item in enumerate(checklist.items, 1)
    ]

    def read() -> list[bool]:
        return [b.value for b in boxes]

    def write(saved: Any) -> None:
        for box, value in zip(boxes, list(saved)):
            box.value = bool(value)

    return checked_box(
        [w.HTML(f"<b>{html.escape(checklist.title)}</b>"), *boxes],
        lambda: checklist_feedback(checklist, read()),
        key=("ch08", f"checklist-{checklist.title}"), read=read, write=write,
        button_label="점검 결과 보기", compact=True, extra_attrs={"boxes": boxes},
    )


# --------------------------------------------------------------------------- widget

_RESULT_BLANK = "(결과 없음)"


def _note_html(summary: str, notes: tuple[str, ...]) -> str:
    extra = "".join(f"<br>{html.escape(p)}" for p in notes)
    # Adding a record is not an answer to judge, so it gets no 맞았습니다 badge.
    return ("<div class='casework-feedback' data-status='recorded' style='border-left:4px solid "
            f"#1b7f3b;padding:6px 10px;margin:6px 0'>{html.escape(summary)}{extra}</div>")


class _State(TypedDict):
    """The monitoring widget's log so far and the form values added to it (saved as the answer)."""

    log: MonitoringLog
    added: list[dict[str, Any]]


def monitoring_widget(log: MonitoringLog | None = None, *, last_assessed: date | None = None,
                      key: Key | None = ("ch08", "monitoring-log")) -> w.VBox:
    """Add monitoring entries and see the T score, the progress chart and reassessment advice.

    Starts from ``log`` (default: the practice case's six months) without changing it; each
    '기록 추가' builds a new log with :func:`log_with`. With the default log, the entries a
    learner added are saved under ``key`` and added again when the widget is made again.
    Attributes for tests: ``date``, ``method``, ``levels`` (goal → Dropdown), ``needs_changed``,
    ``result``, ``note``, ``last_assessed``, ``add()``, ``feedback_area``, ``report``, ``chart``,
    ``table``, ``state``.
    """
    start_log = pdn.practice_monitoring_log() if log is None else log
    if not isinstance(start_log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    if log is not None:
        key = None  # a log passed in is the notebook's own; only the practice log's additions are kept
    goals = start_log.goals or pdn.PRACTICE_GOALS
    last_day = start_log.entries[-1].on if start_log.entries else start_log.plan_start
    state: _State = {"log": start_log, "added": []}

    style = {"description_width": "110px"}
    date_in = w.Text(value=next_month(last_day).isoformat(), description="점검 날짜",
                     placeholder="2025-10-01", style=style)
    method_in = w.Dropdown(options=[m.value for m in MonitoringMethod], description="점검 방법", style=style)
    level_ins = {
        goal: w.Dropdown(options=level_options(), index=0, description=goal, style=style,
                         layout=w.Layout(width="420px"))
        for goal in goals
    }
    changed_in = w.Checkbox(value=False, description="당사자의 욕구가 달라졌다", indent=False)
    result_in = w.Dropdown(options=[_RESULT_BLANK, *(r.value for r in MonitoringResult)],
                           description="점검 결과", style=style)
    note_in = w.Text(value="", description="메모", placeholder="본 것, 들은 것을 짧게", style=style,
                     layout=w.Layout(width="90%"))
    last_in = w.Text(value=(last_assessed or start_log.plan_start).isoformat(), description="마지막 사정일",
                     style=style)
    button = check_button("기록 추가", compact=True)
    recalc = w.Button(description="마지막 사정일 반영", icon="refresh", layout=w.Layout(width="auto"))
    area = feedback_area()
    saved_note = w.HTML()
    report_out = w.HTML()
    chart_out = w.Output()
    table_out = w.HTML()

    def refresh() -> ProgressReport | None:
        current = state["log"]
        feedback = judge_safely(lambda: progress_report(current, last_assessed=last_in.value))
        if not isinstance(feedback, ProgressReport):
            show(area, feedback)
            return None
        report = feedback
        report_out.value = report.to_html()
        table_out.value = table_html(log_table(current))
        if report.t_scores:
            import matplotlib.pyplot as plt
            from IPython.display import display

            from casework.plotting.progress import progress_chart

            fig = progress_chart(current)
            with chart_out:
                chart_out.clear_output(wait=True)
                display(fig)
            plt.close(fig)
        return report

    def form() -> dict[str, Any]:
        return {"on": date_in.value, "method": method_in.value,
                "levels": {g: d.value for g, d in level_ins.items()}, "note": note_in.value,
                "needs_changed": changed_in.value,
                "result": None if result_in.value == _RESULT_BLANK else result_in.value}

    def append(values: dict[str, Any]) -> MonitoringEntry:
        entry = entry_from_form(values["on"], values["method"], values["levels"], note=values["note"],
                                needs_changed=values["needs_changed"], result=values["result"])
        state["log"] = log_with(state["log"], entry)
        state["added"].append(values)
        return entry

    def add(_=None):
        """Add the form's entry; returns it, or the feedback that refused it."""
        values = form()
        outcome = judge_safely(lambda: append(values))
        if isinstance(outcome, Feedback):
            show(area, outcome)
            return outcome
        summary, notes = added_entry_note(outcome, state["log"])
        area.value = _note_html(summary, notes)
        if key is not None:
            try:
                progress.record_check(*key, answer=list(state["added"]), status="", score=0.0)
            except progress.ProgressError as exc:
                saved_note.value = f"<div style='color:#a66a00'>{html.escape(str(exc))}</div>"
        refresh()
        date_in.value = next_month(outcome.on).isoformat()
        return outcome

    if key is not None:
        entry = progress.saved_entry(*key)
        for values in (entry or {}).get("answer") or []:
            if isinstance(judge_safely(functools.partial(append, dict(values))), Feedback):
                break  # an entry that no longer fits (the practice log changed): keep the rest out
        if state["added"]:
            saved_note.value = (f"<div style='color:#555;font-size:90%'>지난번에 더한 점검 기록 {len(state['added'])}건을 "
                                "불러왔습니다.</div>")
            date_in.value = next_month(state["log"].entries[-1].on).isoformat()

    button.on_click(add)
    recalc.on_click(lambda _=None: refresh())
    refresh()
    box = w.VBox([
        w.HTML("<b>새 점검 기록</b>"), date_in, method_in,
        w.HTML("목표별 달성 수준 (−2 ~ +2)"), *level_ins.values(),
        changed_in, result_in, note_in, w.HBox([last_in, recalc]), button, saved_note, area,
        report_out, chart_out, w.HTML("<b>점검 기록</b>"), table_out,
    ])
    box.add_class("casework-monitoring")
    return with_attrs(box, date=date_in, method=method_in, needs_changed=changed_in, result=result_in,
                      note=note_in, last_assessed=last_in, feedback_area=area, report=report_out,
                      chart=chart_out, table=table_out, levels=level_ins, add=add, refresh=refresh,
                      state=state, saved_note=saved_note)
