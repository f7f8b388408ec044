"""Chapter 09: may this case close, and with which reason? Then plan the follow-up.

The judging is plain. :func:`judge_closure` builds the closure decision the learner proposes
with :func:`casework.closure.decide_closure` and applies it to a case record at the case's
step, so the library's refusals (no decision without the person, no 목표 달성 without 평가)
become the feedback. :func:`follow_up_feedback` turns :func:`casework.closure.follow_up_schedule`
into a dated plan with advice.

The cases are fictional and live in ``casework/data/scenarios/closure.yaml``
(:func:`closure_cases`). The advice on follow-up timing (first contact within three months,
the whole follow-up within a year, more than one contact) is the workbook's teaching rule:
the textbook says only that follow-up runs for "일정 기간" with a limited purpose.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import ipywidgets as w
import pandas as pd

from casework.closure import (
    ClosureReason,
    FollowUp,
    FollowUpMethod,
    decide_closure,
    follow_up_schedule,
)
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.process import DongStep
from casework.widgets.process import WideTable, first_sentence, record_at
from casework.scenarios import bundled_scenario_file
from casework.widgets.base import checked_blocks, checked_box

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

DECIDED_ON = date(2024, 9, 2)
MAY_CLOSE = "종결할 수 있다"
NOT_YET = "아직 종결할 수 없다"
_BLANK = "— 사유를 고르세요 —"

# Workbook teaching rules for the advice (see module docstring).
FIRST_CONTACT_WITHIN = 3
FOLLOW_UP_SPAN = 12


# --------------------------------------------------------------------------- closure cases


@dataclass(frozen=True)
class ClosureCase:
    """A described case at some step; may it close now, and for which reason?

    ``decided_with_person`` and ``goals_reviewed`` are facts of the story that go into the
    closure decision the learner proposes. ``tempting`` explains reasons the rules would accept
    but the story does not support.
    """

    id: str
    title: str
    story: str
    step: DongStep
    decided_with_person: bool
    goals_reviewed: bool
    may_close: bool
    reason: ClosureReason | None
    why: str
    hint: str
    tempting: Mapping[ClosureReason, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.may_close != (self.reason is not None):
            raise CaseworkError(f"사례 '{self.id}': 종결할 수 있는 사례에만 종결 사유를 적습니다.")


def closure_cases() -> tuple[ClosureCase, ...]:
    """The bundled cases, read once from ``casework/data/scenarios/closure.yaml``."""
    return bundled_scenario_file("closure.yaml", ClosureCase, "cases")


def closure_case(case_id: str) -> ClosureCase:
    """The bundled closure case with this id."""
    cases = closure_cases()
    for case in cases:
        if case.id == case_id:
            return case
    known = ", ".join(c.id for c in cases)
    raise CaseworkError(f"'{case_id}'라는 사례가 없습니다. 있는 사례: {known}")


def _parse_may_close(value: bool | str | None) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        if text == MAY_CLOSE:
            return True
        if text == NOT_YET:
            return False
    raise CaseworkError(f"종결 여부는 '{MAY_CLOSE}' 또는 '{NOT_YET}'로 답해 주세요. 받은 값: {value!r}")


def judge_closure(
    case: ClosureCase,
    may_close: bool | str | None,
    reason: ClosureReason | str | None = None,
) -> Feedback:
    """Judge a learner's closure call for a case, with the closure rules as the first judge."""
    if not isinstance(case, ClosureCase):
        raise CaseworkError(f"종결 사례(ClosureCase)를 넣어 주세요. 받은 값: {case!r}")
    answer = _parse_may_close(may_close)
    if answer is None:
        return Feedback.unanswered(case.hint)
    hint = (f"힌트: {case.hint}",)
    if not answer:
        if not case.may_close:
            return Feedback(Status.CORRECT, case.why, (), 1.0)
        return Feedback(
            Status.INCORRECT,
            "이 사례는 지금 종결할 수 있습니다. 이야기 속에 종결 사유가 있습니다.",
            hint,
            0.0,
        )
    if reason is None or (isinstance(reason, str) and reason.strip() in ("", _BLANK)):
        return Feedback.unanswered("종결할 수 있다고 보았다면 종결 사유도 골라 주세요.")
    chosen = ClosureReason.parse(reason)

    # The library decides first: an invalid decision or closure is refused with its rule.
    try:
        decision = decide_closure(
            chosen, DECIDED_ON,
            decided_with_person=case.decided_with_person,
            goals_reviewed=case.goals_reviewed,
        )
        record_at(case.step, case_id=case.id).close(decision)
    except CaseworkError as refusal:
        points = (*((case.tempting[chosen],) if chosen in case.tempting else ()), *hint)
        return Feedback(
            Status.INCORRECT,
            f"이 결정은 종결 규칙에 어긋납니다: {first_sentence(str(refusal))}",
            points,
            0.0,
        )

    if not case.may_close:
        summary = case.tempting.get(
            chosen, f"규칙만 보면 '{chosen.value}'(으)로 종결할 수는 있지만, 이 사례의 사정은 그렇지 않습니다."
        )
        return Feedback(Status.INCORRECT, summary, hint, 0.0)
    if chosen is not case.reason:
        extra = (case.tempting[chosen],) if chosen in case.tempting else ()
        return Feedback(
            Status.PARTIAL,
            f"종결할 수 있다는 판단은 맞습니다. 다만 이 사례의 종결 사유는 '{chosen.value}'이(가) 아닙니다.",
            (*extra, *hint),
            0.5,
        )
    after = (
        "사망으로 종결한 사례에는 사후관리를 하지 않습니다."
        if chosen is ClosureReason.DEATH
        else "종결 뒤에는 사후관리 일정을 세워 변화가 유지되는지 살핍니다."
    )
    return Feedback(Status.CORRECT, case.why, (after,), 1.0)


def closure_widget(cases: Sequence[ClosureCase] | None = None, *, only: Sequence[str] | None = None) -> w.VBox:
    """One block per case: the story, 종결 여부 (radio), 사유 (dropdown), 확인 and feedback.

    The box has ``items``, ``radios``, ``dropdowns`` and ``check(i)`` for tests.
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
        blocks.append(checked_box(
            [w.HTML(header), radio],
            lambda case=case, radio=radio, drop=drop: judge_closure(case, radio.value, drop.value),
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
        {"회차": f.number, "날짜": f.due_on.isoformat(), "종결 후": f"{f.months_after}개월", "방법": f.method.value}
        for f in schedule
    ]
    return WideTable(rows, columns=["회차", "날짜", "종결 후", "방법"]).set_index("회차")


def parse_months(text: str) -> tuple[int, ...]:
    """Read months written like "1, 3, 6" (commas or spaces; 개월 may follow a number)."""
    if not isinstance(text, str):
        raise CaseworkError(f"개월 수는 글자로 적어 주세요. 예: '1, 3, 6'. 받은 값: {text!r}")
    parts = text.replace(",", " ").replace("개월", " ").split()
    months = []
    for part in parts:
        if not part.isdigit():
            raise CaseworkError(f"'{part}'은(는) 개월 수로 읽을 수 없습니다. 숫자만 쉼표로 나누어 적어 주세요. 예: 1, 3, 6")
        months.append(int(part))
    return tuple(months)


def follow_up_feedback(
    closed_on: date,
    months: Sequence[int],
    *,
    reason: ClosureReason | str = ClosureReason.GOAL_ACHIEVED,
    methods: FollowUpMethod | str | Sequence[FollowUpMethod | str] | None = None,
) -> Feedback:
    """The dated follow-up plan for ``months`` after ``closed_on``, with advice.

    Empty ``months`` is 'unanswered'. Bad months are refused by ``follow_up_schedule``. The
    advice (first contact within ``FIRST_CONTACT_WITHIN`` months, the last within
    ``FOLLOW_UP_SPAN``, more than one contact) is the workbook's teaching rule.
    """
    chosen_reason = ClosureReason.parse(reason)
    if isinstance(months, Sequence) and not isinstance(months, (str, bytes)) and len(months) == 0:
        return Feedback.unanswered("종결 후 몇 개월째에 연락할지 하나 이상 골라 주세요.")
    if chosen_reason is ClosureReason.DEATH:
        return Feedback(Status.INCORRECT, "사망으로 종결한 사례에는 사후관리를 하지 않습니다.", (), 0.0)
    schedule = follow_up_schedule(closed_on, months=months, methods=methods)
    points = [
        f"{f.number}회차: {f.due_on.isoformat()} (종결 {f.months_after}개월 뒤) {f.method.value}" for f in schedule
    ]
    advice = []
    if len(schedule) == 1:
        advice.append("연락이 한 번뿐이면 변화가 이어지는지 지켜보기 어렵습니다. 두 번 이상 잡아 보세요.")
    if schedule[0].months_after > FIRST_CONTACT_WITHIN:
        advice.append(
            f"첫 연락이 종결 {schedule[0].months_after}개월 뒤입니다. 다시 어려워진 상황을 늦게 알게 될 수 있으니 "
            f"{FIRST_CONTACT_WITHIN}개월 안에 한 번 연락해 보세요."
        )
    if schedule[-1].months_after > FOLLOW_UP_SPAN:
        advice.append(
            f"마지막 연락이 종결 {schedule[-1].months_after}개월 뒤입니다. 사후관리는 일정 기간 동안만 하는 "
            f"제한된 활동이니 {FOLLOW_UP_SPAN}개월 안에서 마무리해 보세요."
        )
    summary = f"종결일 {closed_on.isoformat()} 뒤 사후관리 {len(schedule)}회를 잡았습니다."
    if advice:
        return Feedback(Status.PARTIAL, summary, (*points, *advice), 0.5)
    purpose = "연락할 때마다 변화가 잘 유지되는지, 다시 개입해야 할 일은 없는지 살피세요."
    return Feedback(Status.CORRECT, summary, (*points, purpose), 1.0)


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

    def judge() -> Feedback:
        months = [m for m, box in zip(range(1, 13), boxes) if box.value]
        table.value = ""
        if not isinstance(picker.value, date):
            raise CaseworkError("종결일을 골라 주세요.")
        feedback = follow_up_feedback(picker.value, months, reason=chosen_reason,
                                      methods=_METHOD_CHOICES[method.value])
        if months and chosen_reason is not ClosureReason.DEATH:
            schedule = follow_up_schedule(picker.value, months=months, methods=_METHOD_CHOICES[method.value])
            table.value = follow_up_table(schedule).to_html()
        return feedback

    grid = w.GridBox(boxes, layout=w.Layout(grid_template_columns="repeat(6, 90px)"))
    return checked_box(
        [w.HTML(f"<b>종결 사유: {chosen_reason.value}</b> — 종결 후 몇 개월째에 연락할지 고르세요."),
         picker, grid, method],
        judge,
        button_label="일정 만들기",
        after=[table],
        extra_attrs={"month_boxes": boxes, "date_picker": picker, "method": method, "table": table},
    )
