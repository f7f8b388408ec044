"""Widgets for chapter 08 (서비스 제공·점검·재사정).

Plain functions (unit-tested without a browser) do the work; the widgets only wire inputs to
them:

* :func:`entry_from_form` and :func:`log_with` — a monitoring entry from what the learner
  picked, added to a copy of the log;
* :func:`progress_report` — the latest GAS T score, its change, each goal's level and whether
  a reassessment is due (:class:`ProgressReport`);
* :func:`checklist_feedback` — which direct-practice questions are still open, with actions;
* :func:`monitoring_widget` and :func:`checklist_widget` on top of them.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

import ipywidgets as w

from casework import pdn
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.monitoring import (
    GAS_LEVELS,
    Checklist,
    MonitoringEntry,
    MonitoringLog,
    MonitoringMethod,
    MonitoringResult,
    ReassessmentReason,
    gas_level_label,
    next_annual_reassessment,
    reassessment_due,
    t_scores_over_time,
)
from casework.widgets.base import check_button, checked_box, feedback_area, show, with_attrs

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

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


def checklist_feedback(checklist: Checklist, answers: Sequence[bool]) -> Feedback:
    """Self-check: ``answers[i]`` is True when the worker can say yes to question i+1.

    Every question answered no comes back with the actions that would answer it.
    """
    if not isinstance(checklist, Checklist):
        raise CaseworkError(f"점검 질문 목록(Checklist)을 주세요. 받은 값: {checklist!r}")
    if isinstance(answers, (str, bytes, Mapping)) or not isinstance(answers, Sequence):
        raise CaseworkError("답은 질문 순서대로 True/False를 담은 목록으로 주세요.")
    if len(answers) != len(checklist):
        raise CaseworkError(f"질문은 {len(checklist)}개인데 답은 {len(answers)}개입니다. 질문마다 하나씩 답하세요.")
    if any(not isinstance(a, bool) for a in answers):
        raise CaseworkError("답은 True(그렇다) 또는 False(아직)로만 주세요.")
    open_items = [(i, item) for i, (item, yes) in enumerate(zip(checklist.items, answers), 1) if not yes]
    total = len(checklist)
    if not open_items:
        return Feedback(Status.CORRECT, f"{total}개 질문 모두 '그렇다'입니다. 지금처럼 이어 가세요.",
                        ("다음 점검 때도 같은 질문으로 다시 돌아보세요.",), 1.0)
    points = [f"{i}. {item.question} → 해 볼 일: " + " / ".join(item.actions) for i, item in open_items]
    done = total - len(open_items)
    return Feedback(
        Status.PARTIAL if done else Status.INCORRECT,
        f"{total}개 질문 가운데 {len(open_items)}개가 아직입니다. 아래 일을 다음 점검 전까지 해 보세요.",
        tuple(points),
        done / total,
    )


def checklist_widget(checklist: Checklist) -> w.VBox:
    """Tick the questions you can answer yes to, then see what to do about the rest."""
    if not isinstance(checklist, Checklist):
        raise CaseworkError(f"점검 질문 목록(Checklist)을 주세요. 받은 값: {checklist!r}")
    boxes = [
        w.Checkbox(value=False, description=f"{i}. {item.question}", indent=False,
                   layout=w.Layout(width="95%"))
        for i, item in enumerate(checklist.items, 1)
    ]
    return checked_box(
        [w.HTML(f"<b>{html.escape(checklist.title)}</b>"), *boxes],
        lambda: checklist_feedback(checklist, [b.value for b in boxes]),
        button_label="점검 결과 보기", compact=True, extra_attrs={"boxes": boxes},
    )


# --------------------------------------------------------------------------- entries


def level_options() -> list[tuple[str, int | None]]:
    """Dropdown options: '점수 없음' (None) then +2 … −2 with their Korean labels."""
    options: list[tuple[str, int | None]] = [("점수 없음", None)]
    for level in sorted(GAS_LEVELS, reverse=True):
        sign = "+" if level > 0 else ""
        options.append((f"{sign}{level}  {gas_level_label(level)}", level))
    return options


def parse_date(value: str | date, what: str = "날짜") -> date:
    """A date from a date or ISO text ('2025-10-01'); anything else is refused in Korean."""
    if isinstance(value, datetime):
        raise CaseworkError(f"{what}에는 시각 없이 날짜만 넣으세요: {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            raise CaseworkError(f"{what}이(가) 비어 있습니다. 2025-10-01처럼 연-월-일로 적으세요.")
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise CaseworkError(f"{what}을(를) 읽을 수 없습니다: {value!r}. 2025-10-01처럼 연-월-일로 적으세요.")


def entry_from_form(
    on: str | date,
    method: MonitoringMethod | str,
    levels: Mapping[str, int | None],
    *,
    note: str = "",
    needs_changed: bool = False,
    result: MonitoringResult | str | None = None,
) -> MonitoringEntry:
    """A monitoring entry from the form: a goal left at None ('점수 없음') is not scored.

    ``result`` '' or None means no result yet. Everything else is checked by
    :class:`casework.monitoring.MonitoringEntry`.
    """
    if not isinstance(levels, Mapping):
        raise CaseworkError("목표별 수준은 {'목표 이름': 수준} 꼴의 사전으로 주세요.")
    scored = {goal: level for goal, level in levels.items() if level is not None}
    if isinstance(result, str) and not result.strip():
        result = None
    return MonitoringEntry(
        on=parse_date(on, "점검 날짜"), method=method, note=note, goal_levels=scored,
        needs_changed=needs_changed, result=result,
    )


def log_with(log: MonitoringLog, entry: MonitoringEntry) -> MonitoringLog:
    """A new log with ``entry`` added at the end; ``log`` itself is left unchanged."""
    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    new = MonitoringLog(log.plan_start, log.entries)
    new.add(entry)
    return new


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class ProgressReport:
    """What a learner sees after adding an entry."""

    as_of: date
    last_assessed: date
    t_scores: tuple[tuple[date, float], ...]
    latest_levels: dict[str, int]
    reasons: tuple[ReassessmentReason, ...]
    next_annual: date

    @property
    def latest_t(self) -> float | None:
        return self.t_scores[-1][1] if self.t_scores else None

    @property
    def change(self) -> float | None:
        """Change of the T score since the previous scored entry (None with fewer than two)."""
        if len(self.t_scores) < 2:
            return None
        return self.t_scores[-1][1] - self.t_scores[-2][1]

    @property
    def reassessment_due(self) -> bool:
        return bool(self.reasons)

    def lines(self) -> list[str]:
        out: list[str] = []
        if self.latest_t is None:
            out.append("아직 목표달성 수준을 매긴 기록이 없어 T점수를 낼 수 없습니다.")
        else:
            line = f"최근 GAS T점수: {self.latest_t:.1f}"
            if self.change is not None:
                line += f" (지난 점검보다 {self.change:+.1f})"
            line += " — 50이면 모든 목표가 기대한 만큼 이루어진 상태입니다."
            out.append(line)
        for goal, level in self.latest_levels.items():
            sign = "+" if level > 0 else ""
            out.append(f"{goal}: {sign}{level} ({gas_level_label(level)})")
        if self.reasons:
            out.append(f"{self.as_of} 기준으로 재사정이 필요합니다.")
            out.extend(f"재사정 까닭({r.trigger.value}): {r.message}" for r in self.reasons)
        else:
            out.append(
                f"{self.as_of} 기준으로 지금은 재사정할 때가 아닙니다. 다음 정기 재사정(연 1회)은 "
                f"{self.next_annual}까지입니다."
            )
        return out

    def to_html(self) -> str:
        color = "#a66a00" if self.reasons else "#1b7f3b"
        items = "".join(f"<li>{html.escape(line)}</li>" for line in self.lines())
        return (
            f"<div class='casework-progress' style='border-left:4px solid {color};padding:6px 10px'>"
            f"<b>점검 결과 요약</b><ul style='margin:4px 0 0 0'>{items}</ul></div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return "\n".join(self.lines())


def progress_report(
    log: MonitoringLog, *, last_assessed: date | str | None = None, today: date | str | None = None
) -> ProgressReport:
    """Latest T score, its change, each goal's latest level and any reassessment reasons.

    ``last_assessed`` defaults to the plan start; ``today`` defaults to the date of the latest
    entry (the workbook's rule: judge the log as of its last monitoring, so a fictional log
    does not depend on the day it is read).
    """
    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    last = log.plan_start if last_assessed is None else parse_date(last_assessed, "마지막 사정일")
    if today is None:
        as_of = log.entries[-1].on if log.entries else log.plan_start
        as_of = max(as_of, last)
    else:
        as_of = parse_date(today, "기준 날짜")
    reasons = reassessment_due(last, as_of, log)
    latest: dict[str, int] = {}
    for entry in log.entries:
        latest.update(entry.goal_levels)
    ordered = {goal: latest[goal] for goal in log.goals}
    return ProgressReport(
        as_of=as_of,
        last_assessed=last,
        t_scores=tuple(t_scores_over_time(log)),
        latest_levels=ordered,
        reasons=tuple(reasons),
        next_annual=next_annual_reassessment(last),
    )


def log_table(log: MonitoringLog) -> "pd.DataFrame":
    """The log as a table: date, method, note, one column per goal (level), result."""
    import pandas as pd

    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    frame = pd.DataFrame(log.to_records())
    for goal in log.goals:
        frame[f"목표: {goal}"] = frame[f"목표: {goal}"].astype("Int64")
    return frame


# --------------------------------------------------------------------------- widget

_RESULT_BLANK = "(결과 없음)"


def _next_month(day: date) -> date:
    """The same day next month (the month's last day when it has fewer days)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def monitoring_widget(log: MonitoringLog | None = None, *, last_assessed: date | None = None) -> w.VBox:
    """Add monitoring entries and see the T score, the progress chart and reassessment advice.

    Starts from ``log`` (default: the practice case's six months) without changing it; each
    '기록 추가' builds a new log with :func:`log_with`. Attributes for tests: ``date``,
    ``method``, ``levels`` (goal → Dropdown), ``needs_changed``, ``result``, ``note``,
    ``last_assessed``, ``add()``, ``feedback_area``, ``report``, ``chart``, ``table``, ``state``.
    """
    start_log = pdn.practice_monitoring_log() if log is None else log
    if not isinstance(start_log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    goals = start_log.goals or pdn.PRACTICE_GOALS
    last_day = start_log.entries[-1].on if start_log.entries else start_log.plan_start
    state = {"log": start_log}

    style = {"description_width": "110px"}
    date_in = w.Text(value=_next_month(last_day).isoformat(), description="점검 날짜",
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
    report_out = w.HTML()
    chart_out = w.Output()
    table_out = w.HTML()

    def refresh() -> ProgressReport | None:
        current: MonitoringLog = state["log"]
        try:
            report = progress_report(current, last_assessed=last_in.value)
        except CaseworkError as err:
            show(area, Feedback(Status.INCORRECT, str(err)))
            return None
        report_out.value = report.to_html()
        table_out.value = log_table(current).to_html(index=False, na_rep="", border=0)
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

    def add(_=None) -> Feedback:
        try:
            entry = entry_from_form(
                date_in.value, method_in.value, {g: d.value for g, d in level_ins.items()},
                note=note_in.value, needs_changed=changed_in.value,
                result=None if result_in.value == _RESULT_BLANK else result_in.value,
            )
            state["log"] = log_with(state["log"], entry)
        except CaseworkError as err:
            feedback = Feedback(Status.INCORRECT, str(err))
            show(area, feedback)
            return feedback
        scored = len(entry.goal_levels)
        points = [] if scored else ["목표 수준을 하나도 고르지 않아 이 기록은 T점수 계산에서 빠집니다."]
        feedback = Feedback(Status.CORRECT, f"{entry.on} 점검 기록을 더했습니다 (모두 {len(state['log'])}건).",
                            tuple(points), 1.0)
        # Adding a record is not an answer to judge, so no "맞았습니다" badge here.
        extra = "".join(f"<br>{html.escape(p)}" for p in points)
        area.value = (
            "<div class='casework-feedback' data-status='correct' style='border-left:4px solid "
            f"#1b7f3b;padding:6px 10px;margin:6px 0'>📝 {html.escape(feedback.summary)}{extra}</div>"
        )
        refresh()
        date_in.value = _next_month(entry.on).isoformat()
        return feedback

    button.on_click(add)
    recalc.on_click(lambda _=None: refresh())
    refresh()
    box = w.VBox([
        w.HTML("<b>새 점검 기록</b>"), date_in, method_in,
        w.HTML("목표별 달성 수준 (−2 ~ +2)"), *level_ins.values(),
        changed_in, result_in, note_in, w.HBox([last_in, recalc]), button, area,
        report_out, chart_out, w.HTML("<b>점검 기록</b>"), table_out,
    ])
    box.add_class("casework-monitoring")
    return with_attrs(box, date=date_in, method=method_in, needs_changed=changed_in, result=result_in,
                      note=note_in, last_assessed=last_in, feedback_area=area, report=report_out,
                      chart=chart_out, table=table_out, levels=level_ins, add=add, refresh=refresh,
                      state=state)
