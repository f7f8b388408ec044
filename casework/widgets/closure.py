"""Chapter 09 widgets: may this case close, and with which reason? Then plan the follow-up.

Wiring only. The cases are content (:mod:`casework.scenario_models`, ``closure.yaml``); the
verdicts come from :func:`casework.judging.closure.judge_closure` and
:func:`casework.judging.closure.follow_up_feedback`, re-exported here because chapter 09 imports
them from this module.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import ipywidgets as w
import pandas as pd

from casework.closure import ClosureReason, FollowUp, FollowUpMethod, follow_up_schedule
from casework.errors import CaseworkError
from casework.judging.closure import (
    DECIDED_ON,
    FIRST_CONTACT_WITHIN,
    FOLLOW_UP_SPAN,
    MAY_CLOSE,
    NOT_YET,
    follow_up_feedback,
    judge_closure,
    parse_months,
)
from casework.judging.feedback import Feedback
from casework.scenario_models import ClosureCase, closure_case, closure_cases
from casework.widgets.base import blank_to_none, checked_blocks, checked_box, table_html
from casework.widgets.process import WideTable

__all__ = [
    "ClosureCase",
    "closure_cases",
    "closure_case",
    "judge_closure",
    "closure_widget",
    "reasons_table",
    "follow_up_table",
    "parse_months",
    "follow_up_feedback",
    "follow_up_widget",
    "FIRST_CONTACT_WITHIN",
    "FOLLOW_UP_SPAN",
]

_BLANK = "— 사유를 고르세요 —"


def closure_widget(cases: Sequence[ClosureCase] | None = None, *, only: Sequence[str] | None = None) -> w.VBox:
    """One block per case: the story, 종결 여부 (radio), 사유 (dropdown), the ladder and feedback.

    The box has ``items``, ``radios``, ``dropdowns`` and ``check(i)``, ``hint(i)``,
    ``solution(i)`` for tests. The bundled cases keep their answers under ("ch09", case id).
    """
    chosen = list(cases) if cases is not None else list(closure_cases())
    if only is not None:
        chosen = [closure_case(c) for c in only]
    if not chosen:
        raise CaseworkError("보여 줄 사례가 없습니다. 사례를 하나 이상 고르세요.")
    reasons = [_BLANK, *(r.value for r in ClosureReason)]
    radios = [w.RadioButtons(options=[MAY_CLOSE, NOT_YET], value=None, layout=w.Layout(width="auto"))
              for _ in chosen]
    dropdowns = [w.Dropdown(options=reasons, value=_BLANK, description="종결 사유", layout=w.Layout(width="340px"))
                 for _ in chosen]
    blocks = []
    for number, (case, radio, drop) in enumerate(zip(chosen, radios, dropdowns), start=1):
        header = (
            f"<b>사례 {number}. {html.escape(case.title)}</b><br>{html.escape(case.story)}<br>"
            f"<span style='color:#555'>지금 단계: <b>{case.step.value}</b></span>"
        )

        def read(radio=radio, drop=drop) -> dict[str, object]:
            return {"may_close": radio.value, "reason": blank_to_none(drop.value, _BLANK)}

        def write(saved: Any, radio=radio, drop=drop) -> None:
            saved = dict(saved)
            if saved.get("may_close") in radio.options:
                radio.value = saved["may_close"]
            if saved.get("reason") in drop.options:
                drop.value = saved["reason"]

        def judge(case=case, read=read) -> Feedback:
            return judge_closure(case, **read())

        blocks.append(checked_box(
            [w.HTML(header), radio],
            judge,
            key=("ch09", f"closure-{case.id}") if case in closure_cases() else None, read=read, write=write,
            beside=drop,
        ))
    return checked_blocks(blocks, extra_attrs={"items": chosen, "radios": radios, "dropdowns": dropdowns})


def reasons_table() -> pd.DataFrame:
    """The closure reasons, when each applies, and whether the person can decide with us."""
    rows = [
        {
            "종결 사유": r.value,
            "언제": r.explanation,
            "당사자와 함께 결정": "예" if r.person_can_take_part else "아니요(함께할 수 없음)",
            "먼저 평가 필요": "예" if r.needs_evaluation else "",
        }
        for r in ClosureReason
    ]
    return WideTable(rows)


# --------------------------------------------------------------------------- follow-up


def follow_up_table(schedule: Sequence[FollowUp]) -> pd.DataFrame:
    """A follow-up schedule as a table: 회차, 날짜, 종결 후, 방법."""
    if isinstance(schedule, (str, bytes)) or not isinstance(schedule, Sequence) or not all(
        isinstance(f, FollowUp) for f in schedule
    ):
        raise CaseworkError("follow_up_schedule(...)로 만든 일정을 넣어 주세요.")
    rows = [
        {"회차": f.number, "날짜": f.due_on, "종결 후": f"{f.months_after}개월", "방법": f.method.value}
        for f in schedule
    ]
    return WideTable(rows, columns=["회차", "날짜", "종결 후", "방법"]).set_index("회차")


_METHOD_CHOICES: dict[str, FollowUpMethod | None] = {
    "기본(처음과 마지막은 재방문, 사이는 안부전화)": None,
    "모두 재방문": FollowUpMethod.VISIT,
    "모두 안부전화": FollowUpMethod.PHONE,
}


def follow_up_widget(closed_on: date = DECIDED_ON, *, reason: ClosureReason | str = ClosureReason.GOAL_ACHIEVED) -> w.VBox:
    """Tick the months after closure, choose how to contact, and see the dated schedule.

    The box has ``month_boxes`` (12 checkboxes), ``date_picker``, ``method`` and ``check()``.
    """
    chosen_reason = ClosureReason.parse(reason)
    if not isinstance(closed_on, date) or isinstance(closed_on, datetime):
        raise CaseworkError(f"종결일(closed_on)에는 날짜(date)를 넣어 주세요. 예: date(2024, 9, 2). 받은 값: {closed_on!r}")
    picker = w.DatePicker(value=closed_on, description="종결일")
    boxes = [w.Checkbox(value=False, description=f"{m}개월", indent=False, layout=w.Layout(width="80px"))
             for m in range(1, 13)]
    method = w.Dropdown(options=list(_METHOD_CHOICES), description="방법", layout=w.Layout(width="420px"))
    table = w.HTML()

    def months() -> list[int]:
        return [m for m, box in zip(range(1, 13), boxes) if box.value]

    def read() -> dict[str, object]:
        on = picker.value.isoformat() if isinstance(picker.value, date) else None
        return {"closed_on": on, "months": months(), "method": method.value}

    def write(saved: Any) -> None:
        saved = dict(saved)
        if saved.get("closed_on"):
            picker.value = date.fromisoformat(saved["closed_on"])
        for m, box in zip(range(1, 13), boxes):
            box.value = m in saved.get("months", [])
        if saved.get("method") in method.options:
            method.value = saved["method"]

    def judge() -> Feedback:
        table.value = ""
        feedback = follow_up_feedback(picker.value, months(), reason=chosen_reason,
                                      methods=_METHOD_CHOICES[method.value])
        if months() and chosen_reason is not ClosureReason.DEATH:
            schedule = follow_up_schedule(picker.value, months=months(), methods=_METHOD_CHOICES[method.value])
            table.value = table_html(follow_up_table(schedule))
        return feedback

    grid = w.GridBox(boxes, layout=w.Layout(grid_template_columns="repeat(6, 90px)"))
    return checked_box(
        [w.HTML(f"<b>종결 사유: {chosen_reason.value}</b> — 종결 후 몇 개월째에 연락할지 고르세요."),
         picker, grid, method],
        judge,
        key=("ch09", f"follow-up-{chosen_reason.name.lower()}"), read=read, write=write,
        button_label="일정 만들기",
        after=[table],
        extra_attrs={"month_boxes": boxes, "date_picker": picker, "method": method, "table": table},
    )
