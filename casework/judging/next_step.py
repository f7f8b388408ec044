"""Judging "what comes next?" in the 동 case-management flow (chapter 02).

The process rules of :mod:`casework.process` judge first: a step the record would not accept
(``allowed_next_steps``) is refused with the rule that stops it (:func:`explain_refusal`); a step
the rules allow but the story does not call for gets the scenario's own explanation. Choosing the
step the case is already at means "stay here and finish this step first". A wrong choice is told
why it does not fit; the step that fits is the model answer (풀이 보기).
"""

from __future__ import annotations

import copy

from casework._util.text import josa
from casework.closure import NO_FOLLOW_UP_AFTER_DEATH, ClosureReason, decide_closure
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import Choice, is_blank, read_choice
from casework.judging.feedback import Feedback
from casework.process import LOOP_BACK_FROM, STEP_ORDER, CaseRecord, DongStep, allowed_next_steps

__all__ = ["NEXT_STEP_HINTS", "first_sentence", "step_label", "step_choices", "explain_refusal", "judge_next_step"]

NEXT_STEP_HINTS = (
    "지금 단계에서 꼭 끝내야 할 일(동의, 계획, 평가 …)이 끝났는지 먼저 보세요. 끝나지 않았다면 지금 단계에 머뭅니다.",
)


def first_sentence(message: str) -> str:
    """The first sentence of a library message (the rule, without the how-to-fix part)."""
    head, sep, _ = message.partition(". ")
    return head + "." if sep else message


def step_label(step: DongStep | str) -> str:
    """The label a dropdown shows: the step's number and name."""
    step = DongStep.parse(step)
    return f"{step.order}. {step.value}"


def step_choices() -> list[Choice]:
    """The nine steps as options: by number (5), name (개입) or label (5. 개입)."""
    return [Choice(s, s.value, (step_label(s), s.name)) for s in STEP_ORDER]


def _step(choice: object) -> DongStep:
    if isinstance(choice, DongStep):
        return choice
    return read_choice(choice, step_choices(), "단계")


def _to(step: DongStep) -> str:
    return josa(f"'{step.value}'", "으로")


def explain_refusal(
    record: CaseRecord,
    choice: DongStep | str,
    *,
    closing_reason: ClosureReason | str | None = None,
    name_the_next: bool = True,
) -> str | None:
    """Why the process rules refuse ``choice`` as the next step, or None when they allow it.

    Staying at the current step is always allowed while the case is open. For 종결 with a
    ``closing_reason``, the closure rules are applied too (the decision is assumed to be made
    with the person where that is possible, and the goals reviewed only at 평가). With
    ``name_the_next=False`` a skipped step is not named (when the next step is the answer).
    """
    if not isinstance(record, CaseRecord):
        raise CaseworkError(f"사례 기록(CaseRecord)을 넣어 주세요. 받은 값: {record!r}")
    target = _step(choice)
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
        return NO_FOLLOW_UP_AFTER_DEATH
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
            f"'{step.value}'에서 앞 단계인 {_to(target)} 되돌아갈 수 없습니다. "
            "욕구나 상황이 바뀌었다면 돌아가는 곳은 욕구(재)사정입니다."
        )
    if following is not None and target.order > following.order:
        if not name_the_next:
            return f"단계를 건너뛸 수 없습니다. '{step.value}'에서 {_to(target)} 가려면 그 사이의 단계를 먼저 거쳐야 합니다."
        skipped = ", ".join(s.value for s in STEP_ORDER[step.order:target.order - 1])
        return (
            f"단계를 건너뛸 수 없습니다. '{step.value}' 다음은 '{following.value}'입니다 "
            f"(건너뛰게 되는 단계: {skipped})."
        )
    return f"'{step.value}'에서 {_to(target)} 바로 갈 수 없습니다."  # pragma: no cover


def judge_next_step(item, choice: DongStep | str | None) -> Feedback:
    """Judge the step a learner picks for a scenario; None or blank is *unanswered*.

    ``choice`` is a step, its name, its number or the dropdown label ('5. 개입').
    """
    from casework.scenario_models import NextStepScenario

    if not isinstance(item, NextStepScenario):
        raise CaseworkError(f"상황(NextStepScenario)을 넣어 주세요. 받은 값: {item!r}")
    hints = (item.hint, *NEXT_STEP_HINTS)
    solution = f"{step_label(item.expected)}. {item.why}"
    if is_blank(choice) or (isinstance(choice, str) and choice.strip().startswith("—")):
        return Feedback.unanswered("다음 단계를 하나 골라 보세요.", hints=hints, solution=solution)
    target = _step(choice)
    if target is item.expected:
        return rubric.right(item.why).with_ladder(hints, solution)
    refusal = explain_refusal(item.record(), target, closing_reason=item.closing_reason, name_the_next=False)
    if refusal is not None:
        return rubric.wrong(refusal).with_ladder(hints, solution)
    if target in item.tempting:
        return rubric.wrong(item.tempting[target]).with_ladder(hints, solution)
    if target is DongStep.CLOSURE and item.closing_reason is None:
        return rubric.wrong("이 상황에는 사례를 마칠 사유가 없습니다.").with_ladder(hints, solution)
    return rubric.wrong(
        f"규칙상 {_to(target)} 갈 수는 있지만, 이 상황에 맞는 다음 걸음은 아닙니다."
    ).with_ladder(hints, solution)
