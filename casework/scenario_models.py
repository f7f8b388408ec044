"""The chapter scenarios as data: what each story holds, and the bundled files that hold them.

Four kinds of fictional scenario feed the chapter exercises; each is read from
``casework/data/scenarios/*.yaml`` through :func:`casework.scenarios.bundled_scenario_file`
(strict, Korean errors naming file, line and field):

* :class:`NextStepScenario` (chapter 02, ``next_step.yaml``): where a case stands, which step comes next;
* :class:`IntakeStory` (chapter 04, ``intake_stories.yaml``): a first interview to sort by 처리유형;
* :class:`ClosureCase` (chapter 09, ``closure.yaml``): may the case close now, and why;
* :class:`MaskingSample` (chapter 10, ``privacy_sample.yaml``): a case summary to mask.

:func:`record_at` builds the case record a story starts from. Nothing here judges an answer;
that is :mod:`casework.judging`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from casework._util.text import josa
from casework.assessment import IntakeInformation, IntakeSummary, TriageResult, triage_intake
from casework.closure import ClosureReason, decide_closure
from casework.errors import CaseworkError
from casework.process import STEP_ORDER, CaseRecord, DongStep
from casework.scenarios import bundled_scenario_file

__all__ = [
    "OPENED_ON", "record_at",
    "NextStepScenario", "next_step_scenarios", "scenario",
    "IntakeStory", "intake_stories", "intake_story",
    "ClosureCase", "closure_cases", "closure_case",
    "MaskingSample", "masking_sample", "SYNTHETIC_RRN", "RRN_PLACEHOLDER",
]

OPENED_ON = date(2024, 3, 4)


def _by_id(items, item_id: str, noun: str):
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(i.id for i in items)
    raise CaseworkError(f"'{item_id}'라는 {josa(noun, '이')} 없습니다. 있는 {noun}: {known}")


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


# --------------------------------------------------------------------------- chapter 02


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
    return _by_id(next_step_scenarios(), scenario_id, "상황")


# --------------------------------------------------------------------------- chapter 04


@dataclass(frozen=True)
class IntakeStory:
    """A fictional first interview: what the worker heard, and what they concluded from it."""

    id: str
    title: str
    narrative: str
    summary: IntakeSummary
    information: IntakeInformation

    def triage(self) -> TriageResult:
        """The workbook rule's verdict on this story."""
        return triage_intake(self.summary)


def intake_stories() -> tuple[IntakeStory, ...]:
    """The bundled stories, read once from ``casework/data/scenarios/intake_stories.yaml``."""
    return bundled_scenario_file("intake_stories.yaml", IntakeStory, "stories")


def intake_story(story_id: str) -> IntakeStory:
    """The story with this id ('가', '나', '다', '라')."""
    stories = {s.id: s for s in intake_stories()}
    if story_id not in stories:
        raise CaseworkError(f"'{story_id}' 이야기는 없습니다. 있는 이야기: {', '.join(stories)}")
    return stories[story_id]


# --------------------------------------------------------------------------- chapter 09


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
    return _by_id(closure_cases(), case_id, "사례")


# --------------------------------------------------------------------------- chapter 10


@dataclass(frozen=True)
class MaskingSample:
    """A fictional case summary to practise on and the names to mask in it."""

    text: str
    names: tuple[str, ...]

    @property
    def names_text(self) -> str:
        """The names as one comma-separated line, as the names box shows them."""
        return ", ".join(self.names)


# The sample's resident number, assembled here so that no RRN-shaped string is stored in a
# data file (bundled data must hold none); the YAML has the placeholder below instead.
SYNTHETIC_RRN = "-".join(("000101", "4000000"))
RRN_PLACEHOLDER = "{가짜_주민등록번호}"


def masking_sample() -> MaskingSample:
    """The bundled sample, read once from ``casework/data/scenarios/privacy_sample.yaml``.

    The names are the classic placeholder 홍길동 (and 홍길순) and the tale's 성춘향; every
    number in it is synthetic, made to be masked. ``{가짜_주민등록번호}`` in the file becomes
    :data:`SYNTHETIC_RRN`.
    """
    sample = bundled_scenario_file("privacy_sample.yaml", MaskingSample)
    return MaskingSample(sample.text.replace(RRN_PLACEHOLDER, SYNTHETIC_RRN), sample.names)
