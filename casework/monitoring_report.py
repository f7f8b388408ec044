"""Monitoring records from a form, and the progress report a learner sees (chapter 08).

Plain functions under the chapter 08 widget: :func:`entry_from_form` turns what the form holds
into a :class:`casework.monitoring.MonitoringEntry`, :func:`log_with` adds it to a copy of the
log, :func:`added_entry_note` says what was added, and :func:`progress_report` gives the latest
GAS T score, its change, each goal's level and whether a reassessment is due.
"""

from __future__ import annotations

import calendar
import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from casework._util.text import josa
from casework.errors import CaseworkError
from casework.monitoring import (
    GAS_LEVELS,
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

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "level_options", "parse_date", "entry_from_form", "log_with", "added_entry_note", "next_month",
    "ProgressReport", "progress_report", "log_table",
]


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
            raise CaseworkError(f"{josa(what, '이')} 비어 있습니다. 2025-10-01처럼 연-월-일로 적으세요.")
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise CaseworkError(f"{josa(what, '을')} 읽을 수 없습니다: {value!r}. 2025-10-01처럼 연-월-일로 적으세요.")


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
        on=parse_date(on, "점검 날짜"), method=MonitoringMethod.parse(method), note=note, goal_levels=scored,
        needs_changed=needs_changed, result=MonitoringResult.parse(result),
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


def log_table(log: MonitoringLog) -> pd.DataFrame:
    """The log as a table numbered from 1: date, method, note, 욕구 변동 (예/아니요), result,
    one column per goal (level)."""
    import pandas as pd

    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 주세요. 받은 값: {log!r}")
    columns = ["날짜", "방법", "메모", "욕구 변동", "결과", *(f"목표: {goal}" for goal in log.goals)]
    frame = pd.DataFrame(log.to_records(), columns=columns)
    frame["욕구 변동"] = ["예" if changed else "아니요" for changed in frame["욕구 변동"]]
    frame["결과"] = frame["결과"].fillna("")
    for goal in log.goals:
        frame[f"목표: {goal}"] = frame[f"목표: {goal}"].astype("Int64")
    frame.index = pd.RangeIndex(1, len(frame) + 1, name="번호")
    return frame


def added_entry_note(entry: MonitoringEntry, log: MonitoringLog) -> tuple[str, tuple[str, ...]]:
    """What the form says after ``entry`` was added to ``log``: a line and any notes."""
    notes = () if entry.goal_levels else ("목표 수준을 하나도 고르지 않아 이 기록은 T점수 계산에서 빠집니다.",)
    return f"{entry.on} 점검 기록을 더했습니다(모두 {len(log)}건).", notes


def next_month(day: date) -> date:
    """The same day next month (the month's last day when it has fewer days)."""
    year, month = (day.year + 1, 1) if day.month == 12 else (day.year, day.month + 1)
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
