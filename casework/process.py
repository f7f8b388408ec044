"""Case management process models, how they map, and a case record that follows the 동 flow.

Three models are taught in chapter 02:
- Rothman (1991): six stages (seed 001).
- A five-stage version with English names (seed 002). The source calls the last stage
  "평가 및 폐쇄"; the workbook labels it "평가 및 종결" and keeps the source's word in
  ``FiveStage.source_label``.
- The 동 단위 flow from the Gwangjin-gu study-group textbook's chart "사례관리 수행과정 및 구조"
  (광진구청 희망나눔팀 학습동아리 교재, seed 003).

``CaseRecord`` walks the 동 flow and refuses moves the process does not allow. The rules that
go beyond the chart are the workbook's teaching rules and are marked as such below.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from casework._util.text import particle
from casework.closure import ClosureDecision, ClosureReason
from casework.errors import CaseworkError, InvalidTransition
from casework.labels import parse_member


def _require_date(value: object, what: str) -> date:
    if not isinstance(value, date) or isinstance(value, datetime):
        raise CaseworkError(
            f"{what}에는 날짜(date)를 넣어야 합니다. 받은 값: {value!r}. 예: date(2024, 3, 15)"
        )
    return value




# --------------------------------------------------------------------------- Rothman (1991)


class RothmanStage(str, Enum):
    """Rothman's (1991) six stages of comprehensive case management (seed 001)."""

    INTAKE = "접수"
    ASSESSMENT = "사정"
    GOALS_AND_PLANNING = "목표설정과 개입계획 수립"
    IMPLEMENTATION = "계획 이행"
    MONITORING_AND_REASSESSMENT = "모니터링과 재사정"
    CLOSURE = "종결"

    @property
    def description(self) -> str:
        """One line in the workbook's own Korean."""
        return _ROTHMAN_DESCRIPTIONS[self]

    @classmethod
    def parse(cls, value: object) -> RothmanStage:
        """Accept a member, its Korean label or its English name."""
        return parse_member(cls, value, "Rothman 단계")


_ROTHMAN_DESCRIPTIONS: dict[RothmanStage, str] = {
    RothmanStage.INTAKE: "의뢰나 직접 발견으로 만난 사람을 사례로 받아들이고, 서비스에 닿도록 적극적으로 이어 주기 시작하는 단계",
    RothmanStage.ASSESSMENT: "주로 직접 면접을 통해 클라이언트의 상태와 욕구, 동원할 수 있는 자원을 정확히 파악하는 단계",
    RothmanStage.GOALS_AND_PLANNING: "사정 결과를 바탕으로 클라이언트가 되도록 많이 참여한 가운데 목표를 정하고 실현 가능한 계획을 세우는 단계",
    RothmanStage.IMPLEMENTATION: "공식·비공식 서비스 공급자와 관계를 맺고, 정보 제공이나 동행 등으로 클라이언트가 실제로 서비스를 쓰게 돕는 단계",
    RothmanStage.MONITORING_AND_REASSESSMENT: (
        "서비스가 알맞게 제공되는지 꾸준히 살피고, 기능이나 환경이 바뀌어 욕구가 달라지면 다시 사정하는 단계"
    ),
    RothmanStage.CLOSURE: "계획대로 서비스가 이루어져 자립 정도가 나아졌음을 확인하고 클라이언트와 함께 마무리를 정하며 사후작업을 준비하는 단계",
}


# --------------------------------------------------------------------------- five stages


class FiveStage(str, Enum):
    """The five-stage version with English names (seed 002)."""

    INTAKE_AND_ASSESSMENT = "사례 발견 및 평가"
    PLANNING = "계획 수립"
    LINKING = "서비스 연결"
    MONITORING_AND_COORDINATION = "모니터링 및 조정"
    EVALUATION_AND_CLOSURE = "평가 및 종결"

    @property
    def english(self) -> str:
        """The English name the source gives in brackets."""
        return _FIVE_ENGLISH[self]

    @property
    def source_label(self) -> str:
        """The Korean label exactly as the source writes it (it says 폐쇄 for closure)."""
        return "평가 및 폐쇄" if self is FiveStage.EVALUATION_AND_CLOSURE else self.value

    @property
    def description(self) -> str:
        """One line in the workbook's own Korean."""
        return _FIVE_DESCRIPTIONS[self]

    @classmethod
    def parse(cls, value: object) -> FiveStage:
        """Accept a member, its Korean label (or the source's 평가 및 폐쇄) or English name."""
        extra = {m.english: m for m in cls}
        extra["평가 및 폐쇄"] = cls.EVALUATION_AND_CLOSURE
        return parse_member(cls, value, "5단계 과정의 단계", extra)


_FIVE_ENGLISH: dict[FiveStage, str] = {
    FiveStage.INTAKE_AND_ASSESSMENT: "Intake and Assessment",
    FiveStage.PLANNING: "Planning",
    FiveStage.LINKING: "Linking",
    FiveStage.MONITORING_AND_COORDINATION: "Monitoring and Coordination",
    FiveStage.EVALUATION_AND_CLOSURE: "Evaluation and Closure",
}

_FIVE_DESCRIPTIONS: dict[FiveStage, str] = {
    FiveStage.INTAKE_AND_ASSESSMENT: "도움이 필요한 사람을 찾고 신체·정신·사회·경제적 상황을 두루 살펴 어떤 서비스가 맞을지 가늠하는 단계",
    FiveStage.PLANNING: "목표, 필요한 서비스의 종류와 제공 방법, 일정을 담은 개인별 서비스 계획을 세우는 단계",
    FiveStage.LINKING: "공공기관, 비영리단체, 지역사회 자원 등 여러 제공자와 협력해 필요한 서비스에 이어 주는 단계",
    FiveStage.MONITORING_AND_COORDINATION: "계획이 실행되는 동안 진행을 계속 살피고, 필요가 달라지면 계획을 고쳐 맞추는 단계",
    FiveStage.EVALUATION_AND_CLOSURE: "서비스의 효과를 따져 보고, 목표를 이루었거나 더는 서비스가 필요 없으면 사례를 마무리하는 단계",
}


# --------------------------------------------------------------------------- 동 단위 flow


class DongStep(str, Enum):
    """A step of the 동 단위 case management flow, in order (seed 003 chart)."""

    DISCOVERY_INTAKE = "발굴/접수/초기상담"
    NEEDS_ASSESSMENT = "욕구(재)사정"
    SELECTION_AND_CONSENT = "대상자 선정 및 동의 확보"
    PLANNING_AND_CONTRACT = "계획 수립 및 계약"
    INTERVENTION = "개입"
    MONITORING = "점검"
    EVALUATION = "평가"
    CLOSURE = "종결"
    FOLLOW_UP = "사후관리"

    @property
    def order(self) -> int:
        """Position in the flow, starting at 1."""
        return STEP_ORDER.index(self) + 1

    @property
    def description(self) -> str:
        """One line in the workbook's own Korean."""
        return _DONG_DESCRIPTIONS[self]

    @property
    def subtasks(self) -> tuple[SubTask, ...]:
        """The chart's sub-tasks of this step (기능평가·사정, 직접실천·간접실천), if any."""
        return SUBTASKS.get(self, ())

    @classmethod
    def parse(cls, value: object) -> DongStep:
        """Accept a member, its Korean label (spaces ignored) or its English name."""
        return parse_member(cls, value, "사례관리 단계")


STEP_ORDER: tuple[DongStep, ...] = tuple(DongStep)

_DONG_DESCRIPTIONS: dict[DongStep, str] = {
    DongStep.DISCOVERY_INTAKE: "도움이 필요한 주민을 찾아내거나 의뢰받아 처음 만나고, 어떤 상황인지 듣는 단계",
    DongStep.NEEDS_ASSESSMENT: "기능평가와 사정으로 욕구와 강점·자원을 파악하는 단계. 욕구나 상황이 바뀌면 다시 돌아온다",
    DongStep.SELECTION_AND_CONSENT: "사례회의에서 사례관리로 도울 사람인지 정하고 당사자의 동의를 받는 단계",
    DongStep.PLANNING_AND_CONTRACT: "당사자와 함께 목표와 서비스 제공계획을 세우고 서로 약속(계약)하는 단계",
    DongStep.INTERVENTION: "사례관리자가 직접 돕고(직접실천) 동·구와 민관 자원을 이어 주고 조정하는(간접실천) 단계",
    DongStep.MONITORING: "서비스가 계획대로 제공되는지, 당사자의 욕구와 환경이 어떻게 바뀌는지 주기적으로 살피는 단계",
    DongStep.EVALUATION: "목표를 얼마나 이루었는지 당사자와 함께 따져 보는 단계. 평가를 마치지 않으면 종결하지 않는다",
    DongStep.CLOSURE: "목표 달성이나 전출·사망·연락두절 같은 사유로 사례관리를 마치기로 정하는 단계",
    DongStep.FOLLOW_UP: "종결 뒤 일정 기간 변화가 유지되는지 살피고 다시 개입해야 하는지 일찍 가려내는 단계",
}


class SubTask(str, Enum):
    """Sub-tasks the chart shows under 욕구(재)사정 and 개입."""

    FUNCTIONAL_ASSESSMENT = "기능평가"
    ASSESSMENT = "사정"
    DIRECT_PRACTICE = "직접실천"
    INDIRECT_PRACTICE = "간접실천"

    @property
    def step(self) -> DongStep:
        """The step this sub-task belongs to."""
        for step, tasks in SUBTASKS.items():
            if self in tasks:
                return step
        raise AssertionError(self)  # pragma: no cover - SUBTASKS covers every member


SUBTASKS: dict[DongStep, tuple[SubTask, ...]] = {
    DongStep.NEEDS_ASSESSMENT: (SubTask.FUNCTIONAL_ASSESSMENT, SubTask.ASSESSMENT),
    DongStep.INTERVENTION: (SubTask.DIRECT_PRACTICE, SubTask.INDIRECT_PRACTICE),
}


class Participant(str, Enum):
    """Who takes part in a step: roles and the two kinds of meeting on the chart."""

    PERSON = "당사자(주민/가족)"
    CASE_MANAGER = "사례관리자"
    TEAM_LEADER = "사례관리팀장·슈퍼바이저"
    INTERNAL_SUPPORT = "내부 지원체계(동+구)"
    EXTERNAL_SUPPORT = "외부 지원체계(민관협력)"
    CASE_MEETING = "사례회의"
    INTEGRATED_CASE_MEETING = "통합사례회의"

    @property
    def is_meeting(self) -> bool:
        """Is this a meeting rather than a person or a support system?"""
        return self in (Participant.CASE_MEETING, Participant.INTEGRATED_CASE_MEETING)


_P = Participant

# What the chart itself marks, as far as its text extraction can be read (columns aligned by
# tab position). The 사례관리자 row has no marks because the row label covers every step; the
# 팀장·슈퍼바이저 row has none in the extraction.
CHART_MARKS: dict[DongStep | SubTask, tuple[Participant, ...]] = {
    DongStep.SELECTION_AND_CONSENT: (_P.CASE_MEETING,),
    DongStep.PLANNING_AND_CONTRACT: (_P.PERSON, _P.INTEGRATED_CASE_MEETING),
    SubTask.INDIRECT_PRACTICE: (_P.INTERNAL_SUPPORT,),
    DongStep.MONITORING: (_P.PERSON, _P.INTEGRATED_CASE_MEETING, _P.EXTERNAL_SUPPORT),
    DongStep.EVALUATION: (_P.PERSON, _P.CASE_MEETING),
}

# The workbook's reading of the chart (teaching rule, not the textbook's words):
# - 사례관리자 takes part in every step and sub-task.
# - 당사자 also at intake, assessment (done mostly by direct interview, seed 001), consent,
#   direct practice, closure (decided together, seed 001) and follow-up (재방문·안부전화).
# - 팀장·슈퍼바이저 sits in wherever a 사례회의 or 통합사례회의 is held.
# - 외부 지원체계 appears in 간접실천 (linking to 민관 resources) as well as in 점검.
SUBTASK_PARTICIPANTS: dict[SubTask, tuple[Participant, ...]] = {
    SubTask.FUNCTIONAL_ASSESSMENT: (_P.PERSON, _P.CASE_MANAGER),
    SubTask.ASSESSMENT: (_P.PERSON, _P.CASE_MANAGER),
    SubTask.DIRECT_PRACTICE: (_P.PERSON, _P.CASE_MANAGER),
    SubTask.INDIRECT_PRACTICE: (_P.CASE_MANAGER, _P.INTERNAL_SUPPORT, _P.EXTERNAL_SUPPORT),
}

PARTICIPANTS: dict[DongStep, tuple[Participant, ...]] = {
    DongStep.DISCOVERY_INTAKE: (_P.PERSON, _P.CASE_MANAGER),
    DongStep.NEEDS_ASSESSMENT: (_P.PERSON, _P.CASE_MANAGER),
    DongStep.SELECTION_AND_CONSENT: (_P.PERSON, _P.CASE_MANAGER, _P.TEAM_LEADER, _P.CASE_MEETING),
    DongStep.PLANNING_AND_CONTRACT: (
        _P.PERSON, _P.CASE_MANAGER, _P.TEAM_LEADER, _P.INTEGRATED_CASE_MEETING,
    ),
    DongStep.INTERVENTION: (
        _P.PERSON, _P.CASE_MANAGER, _P.INTERNAL_SUPPORT, _P.EXTERNAL_SUPPORT,
    ),
    DongStep.MONITORING: (
        _P.PERSON, _P.CASE_MANAGER, _P.TEAM_LEADER, _P.EXTERNAL_SUPPORT,
        _P.INTEGRATED_CASE_MEETING,
    ),
    DongStep.EVALUATION: (_P.PERSON, _P.CASE_MANAGER, _P.TEAM_LEADER, _P.CASE_MEETING),
    DongStep.CLOSURE: (_P.PERSON, _P.CASE_MANAGER),
    DongStep.FOLLOW_UP: (_P.PERSON, _P.CASE_MANAGER),
}


def _parse_step_or_subtask(value: object) -> DongStep | SubTask:
    if isinstance(value, (DongStep, SubTask)):
        return value
    try:
        return DongStep.parse(value)
    except CaseworkError:
        pass
    try:
        return parse_member(SubTask, value, "세부 과업")
    except CaseworkError:
        allowed = ", ".join([s.value for s in DongStep] + [t.value for t in SubTask])
        raise CaseworkError(
            f"알 수 없는 단계나 세부 과업입니다: {value!r}. 다음 중 하나를 쓰세요: {allowed}"
        ) from None


def participants(step: DongStep | SubTask | str) -> tuple[Participant, ...]:
    """Who takes part in a step or sub-task, in the workbook's reading of the chart.

    The source chart survives only as a garbled text extraction, so the reading is ambiguous;
    ``chart_marks`` gives what the chart itself marks.
    """
    target = _parse_step_or_subtask(step)
    if isinstance(target, SubTask):
        return SUBTASK_PARTICIPANTS[target]
    return PARTICIPANTS[target]


def chart_marks(step: DongStep | SubTask | str) -> tuple[Participant, ...]:
    """What the source chart itself marks at a step or sub-task (may be empty)."""
    return CHART_MARKS.get(_parse_step_or_subtask(step), ())


# --------------------------------------------------------------------------- mapping


class ProcessModel(str, Enum):
    """The three process models taught in chapter 02."""

    ROTHMAN = "Rothman(1991) 6단계"
    FIVE_STAGE = "5단계 과정"
    DONG = "동 단위 수행과정"

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The model's stages in order."""
        return tuple(_MODEL_ENUMS[self])

    @classmethod
    def parse(cls, value: ProcessModel | str) -> ProcessModel:
        """Accept a member, its Korean label or its English name."""
        extra = {"Rothman": cls.ROTHMAN, "6단계": cls.ROTHMAN, "5단계": cls.FIVE_STAGE,
                 "five": cls.FIVE_STAGE, "동 단위": cls.DONG}
        return parse_member(cls, value, "사례관리 과정 모형", extra)


_MODEL_ENUMS: dict[ProcessModel, type[RothmanStage] | type[FiveStage] | type[DongStep]] = {
    ProcessModel.ROTHMAN: RothmanStage,
    ProcessModel.FIVE_STAGE: FiveStage,
    ProcessModel.DONG: DongStep,
}

Stage = RothmanStage | FiveStage | DongStep

# Workbook's mapping (the sources do not map the models onto each other):
# - 대상자 선정 및 동의 확보 belongs to Rothman's 사정: the selection rests on the assessment.
# - Rothman's 모니터링과 재사정 is 점검; its reassessment is the 동 flow's loop back to
#   욕구(재)사정.
# - 평가 belongs to closure in both other models: Rothman closes once the improvement is
#   confirmed, and the five-stage version pairs evaluation with closure. 사후관리 is the
#   follow-up work Rothman prepares at closure.
ROTHMAN_TO_DONG: dict[RothmanStage, tuple[DongStep, ...]] = {
    RothmanStage.INTAKE: (DongStep.DISCOVERY_INTAKE,),
    RothmanStage.ASSESSMENT: (DongStep.NEEDS_ASSESSMENT, DongStep.SELECTION_AND_CONSENT),
    RothmanStage.GOALS_AND_PLANNING: (DongStep.PLANNING_AND_CONTRACT,),
    RothmanStage.IMPLEMENTATION: (DongStep.INTERVENTION,),
    RothmanStage.MONITORING_AND_REASSESSMENT: (DongStep.MONITORING,),
    RothmanStage.CLOSURE: (DongStep.EVALUATION, DongStep.CLOSURE, DongStep.FOLLOW_UP),
}

FIVE_TO_DONG: dict[FiveStage, tuple[DongStep, ...]] = {
    FiveStage.INTAKE_AND_ASSESSMENT: (
        DongStep.DISCOVERY_INTAKE, DongStep.NEEDS_ASSESSMENT, DongStep.SELECTION_AND_CONSENT,
    ),
    FiveStage.PLANNING: (DongStep.PLANNING_AND_CONTRACT,),
    FiveStage.LINKING: (DongStep.INTERVENTION,),
    FiveStage.MONITORING_AND_COORDINATION: (DongStep.MONITORING,),
    FiveStage.EVALUATION_AND_CLOSURE: (DongStep.EVALUATION, DongStep.CLOSURE, DongStep.FOLLOW_UP),
}

DONG_TO_ROTHMAN: dict[DongStep, RothmanStage] = {
    step: stage for stage, steps in ROTHMAN_TO_DONG.items() for step in steps
}
DONG_TO_FIVE: dict[DongStep, FiveStage] = {
    step: stage for stage, steps in FIVE_TO_DONG.items() for step in steps
}


def _resolve_stage(stage: object, from_model: ProcessModel | str | None) -> Stage:
    if isinstance(stage, (RothmanStage, FiveStage, DongStep)):
        model = ProcessModel.parse(from_model) if from_model is not None else None
        if model is not None and not isinstance(stage, _MODEL_ENUMS[model]):
            raise CaseworkError(
                f"'{stage.value}'{particle(str(stage.value), '은')} {model.value}의 단계가 아닙니다. "
                "from_model을 빼거나 알맞은 모형을 적으세요."
            )
        return stage
    if from_model is not None:
        model = ProcessModel.parse(from_model)
        return _MODEL_ENUMS[model].parse(stage)
    found: list[Stage] = []
    for cls in (RothmanStage, FiveStage, DongStep):
        try:
            found.append(cls.parse(stage))
        except CaseworkError:
            pass
    if not found:
        raise CaseworkError(
            f"어느 모형의 단계인지 알 수 없습니다: {stage!r}. 단계 이름을 확인하거나 "
            "from_model로 모형(Rothman, 5단계, 동 단위)을 알려 주세요."
        )
    if len(found) > 1:
        models = ", ".join(
            m.value for m in ProcessModel if any(isinstance(f, _MODEL_ENUMS[m]) for f in found)
        )
        raise CaseworkError(
            f"'{stage}'{particle(str(stage), '은')} 여러 모형({models})에 있는 이름입니다. "
            "from_model로 어느 모형의 단계인지 알려 주세요."
        )
    return found[0]


def map_stage(
    stage: Stage | str,
    to_model: ProcessModel | str,
    *,
    from_model: ProcessModel | str | None = None,
) -> tuple[Stage, ...]:
    """The stage(s) of ``to_model`` that correspond to ``stage``, in process order.

    A Korean label that exists in two models (e.g. 종결) needs ``from_model``.
    """
    source = _resolve_stage(stage, from_model)
    target = ProcessModel.parse(to_model)
    if isinstance(source, DongStep):
        dong: tuple[DongStep, ...] = (source,)
    elif isinstance(source, RothmanStage):
        dong = ROTHMAN_TO_DONG[source]
    else:
        dong = FIVE_TO_DONG[source]
    if target is ProcessModel.DONG:
        return dong
    lookup = DONG_TO_ROTHMAN if target is ProcessModel.ROTHMAN else DONG_TO_FIVE
    result: list[Stage] = []
    for step in dong:
        mapped = lookup[step]
        if mapped not in result:
            result.append(mapped)
    return tuple(result)


# --------------------------------------------------------------------------- case record


@dataclass(frozen=True)
class Transition:
    """One dated move in a case record. ``from_step`` is None for the opening entry."""

    on: date
    from_step: DongStep | None
    to_step: DongStep
    note: str = ""


# Steps from which a change in needs or situation sends the case back to 욕구(재)사정. The
# chart has the words "욕구 및 상황변화" and "NO" but, flattened to text, not where they sit:
# the loop from 개입/점검 and "NO" as the branch at 평가 are the workbook's reading, resting on
# the textbook's reassessment timings (after monitoring and evaluation; when needs change).
# From 사후관리 the move is re-intervention (see REINTERVENTION_STEPS).
LOOP_BACK_FROM: tuple[DongStep, ...] = (
    DongStep.INTERVENTION, DongStep.MONITORING, DongStep.EVALUATION, DongStep.FOLLOW_UP,
)

# Re-intervention from 사후관리: the textbook leaves *whether* and *at which stage* to
# re-intervene to 심층상담, 욕구 재사정 and 위기도 (재사정 TIP 1), so any of these may be the
# re-entry. Workbook rule: the earlier closure and consent end; re-entering at 계획 수립 및
# 계약 or 개입 needs the person's consent again, given with the move.
REINTERVENTION_STEPS: tuple[DongStep, ...] = (
    DongStep.NEEDS_ASSESSMENT, DongStep.SELECTION_AND_CONSENT,
    DongStep.PLANNING_AND_CONTRACT, DongStep.INTERVENTION,
)


def _step_for_move(value: object) -> DongStep:
    try:
        return DongStep.parse(value)
    except CaseworkError as exc:
        raise InvalidTransition(str(exc)) from None


def _flow_next(step: DongStep) -> DongStep | None:
    index = STEP_ORDER.index(step)
    return STEP_ORDER[index + 1] if index + 1 < len(STEP_ORDER) else None


def _next_label(step: DongStep) -> str:
    following = _flow_next(step)
    return following.value if following is not None else "없음"


@dataclass
class CaseRecord:
    """A case moving through the 동 flow, with a dated history.

    Open it with ``CaseRecord(case_id, opened_on)``; it starts at 발굴/접수/초기상담. Workbook
    teaching rules enforced here: consent is recorded at 대상자 선정 및 동의 확보 and is needed
    before 계획 수립 및 계약; closing needs a ``ClosureDecision``, and closing for 목표 달성
    needs the 평가 step (no evaluation, no '목표 달성'), while the other reasons (전출, 사망,
    연락두절 ...) may close a case at any open step; 사망 closures get no follow-up; from
    사후관리 the case may be re-opened at one of ``REINTERVENTION_STEPS``; once follow-up has
    ended the record accepts no more moves.
    """

    case_id: str
    opened_on: date
    step: DongStep = field(init=False)
    history: list[Transition] = field(init=False, default_factory=list)
    consent_on: date | None = field(init=False, default=None)
    closure: ClosureDecision | None = field(init=False, default=None)
    follow_up_ended_on: date | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        if not isinstance(self.case_id, str) or not self.case_id.strip():
            raise CaseworkError(f"사례 번호(case_id)를 글자로 적어 주세요. 받은 값: {self.case_id!r}")
        _require_date(self.opened_on, "사례 개시일(opened_on)")
        self.step = DongStep.DISCOVERY_INTAKE
        self.history.append(Transition(self.opened_on, None, self.step, "사례 개시"))

    # ----------------------------------------------------------------- state

    @property
    def last_on(self) -> date:
        """The latest date recorded anywhere in the case."""
        dates = [t.on for t in self.history]
        dates += [d for d in (self.consent_on, self.follow_up_ended_on) if d is not None]
        return max(dates)

    @property
    def is_closed(self) -> bool:
        """Has the case been closed (종결 or 사후관리)?"""
        return self.closure is not None

    @property
    def is_finished(self) -> bool:
        """Has follow-up ended, so that the record takes no more moves?"""
        return self.follow_up_ended_on is not None

    # ----------------------------------------------------------------- checks

    def _check_date(self, on: object) -> date:
        on = _require_date(on, "날짜(on)")
        if on < self.last_on:
            raise InvalidTransition(
                f"{on.isoformat()}{particle(str(on.isoformat()), '은')} 마지막 기록일 {self.last_on.isoformat()}보다 이릅니다. "
                f"기록은 날짜 순서대로 쌓입니다. {self.last_on.isoformat()} 당일이나 그 이후의 날짜를 쓰세요."
            )
        return on

    def _refuse_if_finished(self) -> None:
        if self.follow_up_ended_on is not None:
            raise InvalidTransition(
                f"사후관리가 {self.follow_up_ended_on.isoformat()}에 끝난 사례라 "
                "더 진행할 수 없습니다. 다시 도움이 필요하면 새 사례로 접수하세요."
            )

    def _move(self, on: date, to_step: DongStep, note: str) -> Transition:
        if not isinstance(note, str):
            raise CaseworkError(f"메모(note)는 글자로 적어 주세요. 받은 값: {note!r}")
        transition = Transition(on, self.step, to_step, note)
        self.history.append(transition)
        self.step = to_step
        return transition

    # ----------------------------------------------------------------- moves

    def advance(self, to_step: DongStep | str, on: date, *, note: str = "") -> Transition:
        """Move forward to the next step of the flow (사후관리 may also be reached this way)."""
        target = _step_for_move(to_step)
        self._refuse_if_finished()
        if target is DongStep.FOLLOW_UP:
            return self.start_follow_up(on, note=note)
        if target is DongStep.CLOSURE:
            raise InvalidTransition(
                "종결은 사유와 함께 결정해야 해서 advance로는 할 수 없습니다. "
                "decide_closure(사유, 날짜, decided_with_person=...)로 종결 결정을 만든 뒤 close(결정)를 쓰세요."
            )
        if self.step is DongStep.CLOSURE:
            raise InvalidTransition(
                "이미 종결된 사례입니다. 다음은 사후관리입니다: start_follow_up(날짜)로 시작하세요."
            )
        if self.step is DongStep.FOLLOW_UP:
            raise InvalidTransition(
                "사후관리 중인 사례입니다. 다시 개입해야 하면 reintervene(날짜, at=다시 시작할 단계, reason=...)로 "
                "재개입하고(욕구(재)사정에서 다시 시작한다면 loop_back_to_reassessment(날짜, reason=...)), "
                "사후관리를 마치려면 end_follow_up(날짜)를 쓰세요."
            )
        expected = _flow_next(self.step)
        assert expected is not None  # only 사후관리 has no next step, and it was handled above
        if target is self.step:
            raise InvalidTransition(
                f"이미 '{self.step.value}' 단계입니다. 다음 단계는 '{expected.value}'입니다."
            )
        if target.order < self.step.order:
            hint = ""
            if target is DongStep.NEEDS_ASSESSMENT and self.step in LOOP_BACK_FROM:
                hint = (" 욕구나 상황이 바뀌어 다시 사정하려면 "
                        "loop_back_to_reassessment(날짜, reason=...)로 이유를 적어 돌아가세요.")
            raise InvalidTransition(
                f"'{self.step.value}'에서 앞 단계 '{target.value}'{particle(str(target.value), '으로')} 되돌아갈 수 없습니다. "
                f"다음 단계는 '{expected.value}'입니다.{hint}"
            )
        if target is not expected:
            skipped = ", ".join(s.value for s in STEP_ORDER[self.step.order:target.order - 1])
            raise InvalidTransition(
                f"단계를 건너뛸 수 없습니다: '{self.step.value}' 다음은 "
                f"'{expected.value}'입니다 (건너뛰려던 단계: {skipped}). "
                f"먼저 '{expected.value}'{particle(str(expected.value), '으로')} 진행하세요."
            )
        if target is DongStep.PLANNING_AND_CONTRACT and self.consent_on is None:
            raise InvalidTransition(
                "당사자의 동의 없이 계획 수립 및 계약으로 넘어갈 수 없습니다. "
                "당사자의 동의를 받고 record_consent(날짜)로 기록한 뒤 진행하세요."
            )
        return self._move(self._check_date(on), target, note)

    def record_consent(self, on: date) -> None:
        """Record the person's consent; done at 대상자 선정 및 동의 확보."""
        self._refuse_if_finished()
        if self.consent_on is not None:
            raise InvalidTransition(
                f"동의는 이미 {self.consent_on.isoformat()}에 기록되어 있습니다. "
                f"다음 단계 '{_next_label(self.step)}'{particle(str(_next_label(self.step)), '으로')} 진행하세요."
            )
        if self.step is not DongStep.SELECTION_AND_CONSENT:
            raise InvalidTransition(
                f"동의는 '{DongStep.SELECTION_AND_CONSENT.value}' 단계에서 기록합니다. "
                f"지금은 '{self.step.value}' 단계이니, 그 단계까지 차례로 진행한 뒤 기록하세요."
            )
        self.consent_on = self._check_date(on)

    def close(self, decision: ClosureDecision) -> Transition:
        """Close the case with a closure decision (see ``casework.closure.decide_closure``)."""
        self._refuse_if_finished()
        if not isinstance(decision, ClosureDecision):
            raise InvalidTransition(
                "종결 사유 없이 종결할 수 없습니다. decide_closure(사유, 날짜, decided_with_person=...)로 "
                f"종결 결정을 만들어 close에 넣으세요. 받은 값: {decision!r}"
            )
        if self.closure is not None:
            raise InvalidTransition(
                f"이미 '{self.closure.reason.value}'{particle(str(self.closure.reason.value), '으로')} 종결된 사례입니다. "
                "종결 뒤에는 사후관리(start_follow_up)로 이어 가세요."
            )
        if decision.reason.needs_evaluation and self.step is not DongStep.EVALUATION:
            raise InvalidTransition(
                f"목표 달성으로 종결하려면 평가 단계를 거쳐야 합니다. 지금은 '{self.step.value}' 단계입니다. "
                "평가를 하지 않았다면 종결하지 말고, 평가 단계까지 진행해 목표 달성 여부를 먼저 확인하세요."
            )
        on = self._check_date(decision.decided_on)
        note = f"종결 사유: {decision.reason.value}"
        if decision.note:
            note += f" — {decision.note}"
        transition = self._move(on, DongStep.CLOSURE, note)
        self.closure = decision
        return transition

    def start_follow_up(self, on: date, *, note: str = "") -> Transition:
        """Begin follow-up (사후관리); only after closing."""
        self._refuse_if_finished()
        if self.step is DongStep.FOLLOW_UP:
            raise InvalidTransition("이미 사후관리 중입니다. 마치려면 end_follow_up(날짜)를 쓰세요.")
        if self.step is not DongStep.CLOSURE:
            raise InvalidTransition(
                f"종결하기 전에는 사후관리를 시작할 수 없습니다. 지금은 '{self.step.value}' 단계입니다. "
                "먼저 decide_closure(...)로 종결을 결정하고 close(결정)로 종결하세요."
            )
        if self.closure is not None and self.closure.reason is ClosureReason.DEATH:
            raise InvalidTransition(
                "사망으로 종결된 사례에는 사후관리를 하지 않습니다(워크북의 규칙). 기록은 종결로 마무리하세요."
            )
        return self._move(self._check_date(on), DongStep.FOLLOW_UP, note)

    def end_follow_up(self, on: date) -> None:
        """End follow-up; afterwards the record accepts no more moves."""
        self._refuse_if_finished()
        if self.step is not DongStep.FOLLOW_UP:
            raise InvalidTransition(
                f"사후관리 중이 아니라 끝낼 수 없습니다. 지금은 '{self.step.value}' 단계입니다. "
                "종결한 뒤 start_follow_up(날짜)로 사후관리를 먼저 시작하세요."
            )
        self.follow_up_ended_on = self._check_date(on)

    def loop_back_to_reassessment(self, on: date, *, reason: str) -> Transition:
        """Go back to 욕구(재)사정 because needs or the situation changed (reason required).

        Allowed from 개입, 점검, 평가 and, as re-intervention, from 사후관리; re-intervention
        reopens the case, so the closure is cleared and consent must be recorded again.
        """
        self._refuse_if_finished()
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidTransition(
                "재사정으로 돌아가는 이유를 적어 주세요. 예: reason='실직으로 경제 상황이 바뀜'"
            )
        if self.step not in LOOP_BACK_FROM:
            allowed = ", ".join(s.value for s in LOOP_BACK_FROM)
            raise InvalidTransition(
                f"'{self.step.value}' 단계에서는 재사정으로 돌아갈 수 없습니다. "
                f"돌아갈 수 있는 단계: {allowed}. 지금은 다음 단계 "
                f"'{_next_label(self.step)}'{particle(str(_next_label(self.step)), '으로')} 진행하세요."
            )
        if self.step is DongStep.FOLLOW_UP:
            return self.reintervene(on, at=DongStep.NEEDS_ASSESSMENT, reason=reason)
        return self._move(self._check_date(on), DongStep.NEEDS_ASSESSMENT, reason.strip())

    def reintervene(
        self, on: date, *, at: DongStep | str, reason: str, consent_on: date | None = None
    ) -> Transition:
        """Re-open a case in 사후관리 at the stage chosen after 심층상담·욕구 재사정·위기도.

        ``at`` is one of ``REINTERVENTION_STEPS``. The closure and the old consent end; at
        계획 수립 및 계약 or 개입 the person's new consent date (``consent_on``) is required.
        """
        self._refuse_if_finished()
        if not isinstance(reason, str) or not reason.strip():
            raise InvalidTransition(
                "재개입하는 이유를 적어 주세요. 예: reason='무릎이 나빠져 다시 끼니를 거름'"
            )
        if self.step is not DongStep.FOLLOW_UP:
            raise InvalidTransition(
                f"재개입은 사후관리 중에 하는 일입니다. 지금은 '{self.step.value}' 단계입니다."
            )
        target = _step_for_move(at)
        if target not in REINTERVENTION_STEPS:
            places = ", ".join(s.value for s in REINTERVENTION_STEPS)
            raise InvalidTransition(
                f"'{target.value}' 단계에서 재개입할 수는 없습니다. 다시 시작할 수 있는 단계: {places}."
            )
        on = self._check_date(on)
        needs_consent = target.order > DongStep.SELECTION_AND_CONSENT.order
        if needs_consent and consent_on is None:
            raise InvalidTransition(
                f"'{target.value}'에서 다시 시작하려면 당사자의 동의를 새로 받아야 합니다(이전 동의는 종결로 끝났습니다). "
                "동의한 날을 consent_on=날짜로 함께 적어 주세요."
            )
        if consent_on is not None:
            consent_on = _require_date(consent_on, "다시 동의한 날(consent_on)")
            if not (self.last_on <= consent_on <= on):
                raise InvalidTransition(
                    f"다시 동의한 날 {consent_on.isoformat()}은 마지막 기록일 {self.last_on.isoformat()}과 "
                    f"재개입한 날 {on.isoformat()} 사이여야 합니다."
                )
            if not needs_consent:
                raise InvalidTransition(
                    f"'{target.value}'에서 다시 시작하면 동의는 대상자 선정 및 동의 확보 단계에서 "
                    "record_consent(날짜)로 받습니다. consent_on은 빼 주세요."
                )
        transition = self._move(on, target, f"재개입: {reason.strip()} (이전 종결과 동의는 끝남)")
        self.closure = None
        self.consent_on = consent_on
        return transition


def _require_record(record: object) -> CaseRecord:
    if not isinstance(record, CaseRecord):
        raise CaseworkError(f"사례 기록(CaseRecord)을 넣어 주세요. 받은 값: {record!r}")
    return record


def next_step(record: CaseRecord) -> DongStep | None:
    """The next step of the normal flow, or None when nothing follows.

    This ignores preconditions such as consent; ``allowed_next_steps`` honours them.
    """
    record = _require_record(record)
    if record.is_finished or record.step is DongStep.FOLLOW_UP:
        return None
    if record.step is DongStep.CLOSURE and record.closure is not None \
            and record.closure.reason is ClosureReason.DEATH:
        return None
    return _flow_next(record.step)


def allowed_next_steps(
    record: CaseRecord, *, include_early_closure: bool = True
) -> tuple[DongStep, ...]:
    """Every step the record would accept next, in flow order.

    Includes the loop back to 욕구(재)사정 where allowed, every re-entry stage during 사후관리
    (``REINTERVENTION_STEPS``) and, unless ``include_early_closure`` is False, 종결 from any
    open step (for reasons other than 목표 달성). 계획 수립 및 계약 is left out until consent is
    recorded (re-entering there from 사후관리 comes with a new consent).
    """
    record = _require_record(record)
    if not isinstance(include_early_closure, bool):
        raise CaseworkError(
            f"include_early_closure에는 True 또는 False를 넣어야 합니다. 받은 값: {include_early_closure!r}"
        )
    if record.is_finished:
        return ()
    step = record.step
    allowed: set[DongStep] = set()
    if step is DongStep.FOLLOW_UP:
        allowed.update(REINTERVENTION_STEPS)
    elif step is DongStep.CLOSURE:
        nxt = next_step(record)
        if nxt is not None:
            allowed.add(nxt)
    else:
        nxt = _flow_next(step)
        if nxt is not None and not (
            nxt is DongStep.PLANNING_AND_CONTRACT and record.consent_on is None
        ):
            allowed.add(nxt)
        if include_early_closure:
            allowed.add(DongStep.CLOSURE)
        if step in LOOP_BACK_FROM:
            allowed.add(DongStep.NEEDS_ASSESSMENT)
    return tuple(s for s in STEP_ORDER if s in allowed)
