"""Chapter 02: "what comes next?" scenarios judged by the process rules, and display tables.

The judging is plain (:func:`explain_refusal`, :func:`judge_next_step`) and rests on
:mod:`casework.process`: a step the record would not accept (``allowed_next_steps``) is
refused with the rule that stops it; a step the rules allow but the story does not call for
gets the scenario's own explanation. Choosing the step the case is already at means "stay
here and finish this step first".

The scenarios are fictional and live in ``casework/data/scenarios/next_step.yaml``
(:func:`next_step_scenarios`), so an instructor can add one without code. Rules on when a case may close come from
:mod:`casework.closure` (``decide_closure``), so a refused closure decision becomes feedback.
"""

from __future__ import annotations

import copy
import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import ipywidgets as w
import pandas as pd

from casework.closure import ClosureReason, decide_closure
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.process import (
    LOOP_BACK_FROM,
    STEP_ORDER,
    CaseRecord,
    DongStep,
    FiveStage,
    ProcessModel,
    RothmanStage,
    allowed_next_steps,
    chart_marks,
    map_stage,
    participants,
)
from casework.scenarios import bundled_scenario_file
from casework.widgets.base import BLANK_CHOICE as _BLANK, checked_blocks, checked_box

__all__ = [
    "NextStepScenario",
    "next_step_scenarios",
    "record_at",
    "explain_refusal",
    "judge_next_step",
    "scenario",
    "step_label",
    "first_sentence",
    "next_step_widget",
    "stages_table",
    "mapping_table",
    "participants_table",
    "WideTable",
]

OPENED_ON = date(2024, 3, 4)


# --------------------------------------------------------------------------- records


def record_at(
    step: DongStep | str,
    *,
    consent: bool = True,
    closure: ClosureReason | str | None = None,
    case_id: str = "연습-사례",
    opened_on: date = OPENED_ON,
) -> CaseRecord:
    """A case record walked legally to ``step``, one week per move.

    ``consent`` says whether consent was recorded at 대상자 선정 및 동의 확보 (it must be for
    any later step). ``closure`` is the reason the case was closed, for 종결 and 사후관리
    (default 목표 달성, which walks through 평가 first).
    """
    target = DongStep.parse(step)
    if not isinstance(consent, bool):
        raise CaseworkError(f"consent에는 True 또는 False를 넣어야 합니다. 받은 값: {consent!r}")
    if not consent and target.order > DongStep.SELECTION_AND_CONSENT.order:
        raise CaseworkError(
            f"'{target.value}' 단계까지 가려면 동의가 기록되어 있어야 합니다. consent=True로 두세요."
        )
    closed = target in (DongStep.CLOSURE, DongStep.FOLLOW_UP)
    if closure is not None and not closed:
        raise CaseworkError(
            f"종결 사유(closure)는 종결이나 사후관리 단계의 기록에만 씁니다. 지금 고른 단계: '{target.value}'"
        )
    reason = ClosureReason.parse(closure) if closure is not None else ClosureReason.GOAL_ACHIEVED
    if target is DongStep.FOLLOW_UP and reason is ClosureReason.DEATH:
        raise CaseworkError("사망으로 종결한 사례는 사후관리 단계로 가지 않습니다. 다른 종결 사유를 고르세요.")

    record = CaseRecord(case_id, opened_on)
    on = opened_on
    # Closing for 목표 달성 needs 평가; the other reasons close from 개입 in these scenarios.
    last_open = DongStep.EVALUATION if reason.needs_evaluation else DongStep.INTERVENTION
    walk_to = last_open if closed else target
    for nxt in STEP_ORDER[1:walk_to.order]:
        on += timedelta(days=7)
        if nxt is DongStep.PLANNING_AND_CONTRACT:
            record.record_consent(on)
        record.advance(nxt, on)
    if target is DongStep.SELECTION_AND_CONSENT and consent:
        record.record_consent(on + timedelta(days=3))
    if closed:
        on += timedelta(days=7)
        record.close(decide_closure(reason, on, decided_with_person=reason.person_can_take_part,
                                    goals_reviewed=reason.needs_evaluation))
    if target is DongStep.FOLLOW_UP:
        record.start_follow_up(on + timedelta(days=30))
    return record


# --------------------------------------------------------------------------- rules


def first_sentence(message: str) -> str:
    """The first sentence of a library message (the rule, without the how-to-fix part)."""
    head, sep, _ = message.partition(". ")
    return head + "." if sep else message


def _parse_choice(choice: DongStep | str) -> DongStep:
    if isinstance(choice, str):
        text = choice.strip()
        # Dropdown labels carry the step number in front: "5. 개입".
        if len(text) > 3 and text[0].isdigit() and text[1:3] == ". ":
            text = text[3:]
        return DongStep.parse(text)
    return DongStep.parse(choice)


def explain_refusal(
    record: CaseRecord,
    choice: DongStep | str,
    *,
    closing_reason: ClosureReason | str | None = None,
) -> str | None:
    """Why the process rules refuse ``choice`` as the next step, or None when they allow it.

    Staying at the current step is always allowed while the case is open. For 종결 with a
    ``closing_reason``, the closure rules are applied too (the decision is assumed to be made
    with the person where that is possible, and the goals reviewed only at 평가).
    """
    if not isinstance(record, CaseRecord):
        raise CaseworkError(f"사례 기록(CaseRecord)을 넣어 주세요. 받은 값: {record!r}")
    target = _parse_choice(choice)
    step = record.step
    if record.is_finished:
        return "사후관리까지 끝난 사례라 더 갈 단계가 없습니다. 다시 도움이 필요하면 새 사례로 접수합니다."
    if target is step:
        return None
    if target is DongStep.CLOSURE and target in allowed_next_steps(record):
        if closing_reason is None:
            return None
        reason = ClosureReason.parse(closing_reason)
        try:
            decision = decide_closure(
                reason, record.last_on,
                decided_with_person=reason.person_can_take_part,
                goals_reviewed=reason.needs_evaluation and step is DongStep.EVALUATION,
            )
            copy.deepcopy(record).close(decision)
        except CaseworkError as refusal:
            return first_sentence(str(refusal))
        return None
    if target in allowed_next_steps(record):
        return None

    following = STEP_ORDER[step.order] if step.order < len(STEP_ORDER) else None
    if target is DongStep.PLANNING_AND_CONTRACT and step is DongStep.SELECTION_AND_CONSENT:
        return (
            "동의를 받기 전에는 계획을 세울 수 없습니다. 먼저 당사자에게 사례관리를 설명하고 "
            "스스로 결정할 수 있게 도운 뒤, 동의를 받아야 합니다."
        )
    if target is DongStep.FOLLOW_UP and step is DongStep.CLOSURE:
        return "사망으로 종결한 사례에는 사후관리를 하지 않습니다."
    if target is DongStep.FOLLOW_UP:
        return "사후관리는 종결한 뒤에 하는 일입니다. 종결하기 전에는 사후관리를 시작할 수 없습니다."
    if target is DongStep.CLOSURE:
        return f"이미 종결한 사례입니다. 지금은 '{step.value}' 단계입니다."
    if target is DongStep.NEEDS_ASSESSMENT:
        places = ", ".join(s.value for s in LOOP_BACK_FROM)
        return (
            f"'{step.value}' 단계에서는 욕구(재)사정으로 돌아가지 않습니다. "
            f"재사정으로 돌아가는 길은 {places} 단계에서 열립니다."
        )
    if target.order < step.order:
        return (
            f"'{step.value}'에서 앞 단계인 '{target.value}'(으)로 되돌아갈 수 없습니다. "
            "욕구나 상황이 바뀌었다면 돌아가는 곳은 욕구(재)사정입니다."
        )
    if following is not None and target.order > following.order:
        skipped = ", ".join(s.value for s in STEP_ORDER[step.order:target.order - 1])
        return (
            f"단계를 건너뛸 수 없습니다. '{step.value}' 다음은 '{following.value}'입니다 "
            f"(건너뛰게 되는 단계: {skipped})."
        )
    return f"'{step.value}'에서 '{target.value}'(으)로 바로 갈 수 없습니다."  # pragma: no cover


# --------------------------------------------------------------------------- scenarios


@dataclass(frozen=True)
class NextStepScenario:
    """A described situation: where the case stands and which step should come next.

    ``expected`` equal to ``step`` means "stay and finish this step". ``closing_reason`` is the
    reason the story would give if the case were closed now (None: the story gives none).
    ``tempting`` explains choices the rules allow but the story does not call for.
    """

    id: str
    title: str
    story: str
    step: DongStep
    expected: DongStep
    why: str
    hint: str
    consent: bool = True
    closed_for: ClosureReason | None = None
    closing_reason: ClosureReason | None = None
    tempting: Mapping[DongStep, str] = field(default_factory=dict)

    def record(self) -> CaseRecord:
        """A fresh record at this scenario's step."""
        return record_at(self.step, consent=self.consent, closure=self.closed_for, case_id=self.id)


def next_step_scenarios() -> tuple[NextStepScenario, ...]:
    """The bundled scenarios, read once from ``casework/data/scenarios/next_step.yaml``."""
    return bundled_scenario_file("next_step.yaml", NextStepScenario, "scenarios")


def scenario(scenario_id: str) -> NextStepScenario:
    """The bundled scenario with this id."""
    scenarios = next_step_scenarios()
    for item in scenarios:
        if item.id == scenario_id:
            return item
    known = ", ".join(s.id for s in scenarios)
    raise CaseworkError(f"'{scenario_id}'라는 상황이 없습니다. 있는 상황: {known}")


def judge_next_step(item: NextStepScenario, choice: DongStep | str | None) -> Feedback:
    """Judge the step a learner picks for a scenario; None or blank is 'unanswered'."""
    if not isinstance(item, NextStepScenario):
        raise CaseworkError(f"상황(NextStepScenario)을 넣어 주세요. 받은 값: {item!r}")
    if choice is None or (isinstance(choice, str) and choice.strip() in ("", _BLANK)):
        return Feedback.unanswered(item.hint)
    target = _parse_choice(choice)
    record = item.record()
    if target is item.expected:
        return Feedback(Status.CORRECT, item.why, (), 1.0)
    refusal = explain_refusal(record, target, closing_reason=item.closing_reason)
    if refusal is not None:
        return Feedback(Status.INCORRECT, refusal, (f"힌트: {item.hint}",), 0.0)
    if target in item.tempting:
        return Feedback(Status.INCORRECT, item.tempting[target], (f"힌트: {item.hint}",), 0.0)
    if target is DongStep.CLOSURE and item.closing_reason is None:
        return Feedback(Status.INCORRECT, "이 상황에는 사례를 마칠 사유가 없습니다.", (f"힌트: {item.hint}",), 0.0)
    return Feedback(
        Status.INCORRECT,
        f"규칙상 '{target.value}'(으)로 갈 수는 있지만, 이 상황에 맞는 다음 걸음은 아닙니다.",
        (f"힌트: {item.hint}",),
        0.0,
    )


# --------------------------------------------------------------------------- widget


def step_label(step: DongStep | str) -> str:
    """The label a dropdown shows: the step's number and name."""
    step = DongStep.parse(step)
    return f"{step.order}. {step.value}"


def next_step_widget(
    scenarios: Sequence[NextStepScenario] | None = None, *, only: Sequence[str] | None = None
) -> w.VBox:
    """One block per scenario: the story, a step dropdown, a 확인 button and feedback.

    The box has ``items`` (the scenarios), ``dropdowns`` and ``check(i)`` so tests can drive it.
    """
    chosen = list(scenarios) if scenarios is not None else list(next_step_scenarios())
    if only is not None:
        chosen = [scenario(s) for s in only]
    if not chosen:
        raise CaseworkError("보여 줄 상황이 없습니다. 상황을 하나 이상 고르세요.")
    options = [_BLANK, *(step_label(s) for s in STEP_ORDER)]
    dropdowns = [
        w.Dropdown(options=options, value=_BLANK, description="다음 단계", layout=w.Layout(width="360px"))
        for _ in chosen
    ]
    blocks = []
    for number, (item, drop) in enumerate(zip(chosen, dropdowns), start=1):
        header = (
            f"<b>상황 {number}. {html.escape(item.title)}</b><br>{html.escape(item.story)}<br>"
            f"<span style='color:#555'>지금 단계: <b>{step_label(item.step)}</b></span>"
        )
        blocks.append(checked_box([w.HTML(header)], lambda item=item, drop=drop: judge_next_step(item, drop.value),
                                  beside=drop))
    return checked_blocks(blocks, extra_attrs={"items": chosen, "dropdowns": dropdowns})


# --------------------------------------------------------------------------- tables


class WideTable(pd.DataFrame):
    """A DataFrame that a notebook shows in full: long Korean text is not cut to '...', cells
    are left-aligned, and an unnamed 0, 1, 2 … index is hidden."""

    @property
    def _constructor(self):  # keep the class through pandas operations
        return WideTable

    def _repr_html_(self) -> str:  # type: ignore[override]
        styler = self.style
        if self.index.name is None:
            styler = styler.hide(axis="index")
        left = [("text-align", "left"), ("vertical-align", "top")]
        return styler.set_table_styles([{"selector": "th", "props": left}, {"selector": "td", "props": left}]).to_html()


def stages_table(model: ProcessModel | str) -> pd.DataFrame:
    """The stages of one model with what happens in each (in the workbook's words)."""
    chosen = ProcessModel.parse(model)
    rows = []
    for number, stage in enumerate(chosen.stages, start=1):
        row = {"순서": number, "단계": stage.value}
        if isinstance(stage, FiveStage):
            row["영문"] = stage.english
        row["하는 일"] = stage.description
        rows.append(row)
    return WideTable(rows).set_index("순서")


def mapping_table() -> pd.DataFrame:
    """Each 동 step beside the Rothman (1991) and five-stage stage it belongs to."""
    rows = []
    for step in STEP_ORDER:
        (rothman,) = map_stage(step, ProcessModel.ROTHMAN)
        (five,) = map_stage(step, ProcessModel.FIVE_STAGE)
        assert isinstance(rothman, RothmanStage) and isinstance(five, FiveStage)
        rows.append({"동 단위 단계": step_label(step), "Rothman(1991)": rothman.value, "5단계 과정": five.value})
    return WideTable(rows)


def participants_table() -> pd.DataFrame:
    """Who takes part at each 동 step: the workbook's reading and what the chart itself marks."""
    rows = []
    for step in STEP_ORDER:
        marks = chart_marks(step)
        for task in step.subtasks:
            marks = (*marks, *(m for m in chart_marks(task) if m not in marks))
        rows.append({
            "단계": step_label(step),
            "세부 과업": "·".join(t.value for t in step.subtasks),
            "참여(워크북의 정리)": ", ".join(p.value for p in participants(step)),
            "교재 도표에 표시된 것": ", ".join(p.value for p in marks),
        })
    return WideTable(rows)
