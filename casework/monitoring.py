"""Service delivery, monitoring (서비스 제공 및 점검) and reassessment (재사정).

Source: 광진구청 희망나눔팀 학습동아리 교재 (the definition of 서비스 제공 및 점검, its four
methods, the 직접실천의 TIP checklists, and the three 재사정 시기).

Goal Attainment Scaling (GAS; Kiresuk & Sherman 1968) is not in the textbook. The workbook adds
it as one "공식적·양적 모니터링" tool: each goal is scored on five levels from −2 to +2 and the
levels are combined into a T score with mean 50 and standard deviation 10.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import Enum
from typing import TypeGuard

from casework._util.text import particle
from casework.errors import CaseworkError
from casework.labels import parse_member
from casework.planning import PlanResult

__all__ = [
    "MONITORING_DEFINITION",
    "REASSESSMENT_DEFINITION",
    "MonitoringMethod",
    "MonitoringResult",
    "MonitoringEntry",
    "MonitoringLog",
    "GAS_LEVELS",
    "gas_level_label",
    "gas_t_score",
    "t_scores_over_time",
    "ChecklistItem",
    "Checklist",
    "SERVICE_CHECKLIST",
    "REASSESSMENT_CHECKLIST",
    "FOLLOW_UP_CHECKLIST",
    "ReassessmentTrigger",
    "ReassessmentReason",
    "ANNUAL_REASSESSMENT_DAYS",
    "next_annual_reassessment",
    "reassessment_due",
]

MONITORING_DEFINITION = (
    "서비스 제공 및 점검은 합의한 계획대로 서비스를 제공하면서, 계획이 실제로 이행되고 있는지와 "
    "당사자 가구의 환경·욕구·변화를 정해진 간격으로 살피는 활동입니다. 여기서 서비스에는 공공·민간 "
    "기관이 제공하는 서비스뿐 아니라 사례관리자가 직접 하는 지지·상담도 들어갑니다. 사례관리자에게 "
    "이 단계는 서비스 제공, 의뢰·요청, 점검으로 이루어지며, 계획을 세운 뒤부터 종결할 때까지 이어집니다."
)

REASSESSMENT_DEFINITION = (
    "재사정은 당사자의 상황과 욕구가 어떻게 달라졌는지 다시 파악하고, 그에 맞춰 개입계획을 고치고 "
    "보완하는 작업입니다. 그 결과는 2차 내부판정회의나 동 단위 통합사례회의에서 함께 나눕니다."
)


def _check_text(value: object, what: str, *, allow_empty: bool = False) -> str:
    if not isinstance(value, str):
        raise CaseworkError(f"{what}{particle(str(what), '은')} 글자(str)로 적어 주세요. 받은 값: {value!r}")
    if not allow_empty and not value.strip():
        raise CaseworkError(f"{what}{particle(str(what), '이')} 비어 있습니다. 내용을 적어 주세요.")
    return value


def _check_date(value: object, what: str) -> date:
    # datetime is a subclass of date, but comparing the two raises TypeError later on.
    if isinstance(value, datetime) or not isinstance(value, date):
        raise CaseworkError(
            f"{what}{particle(str(what), '은')} 날짜(datetime.date)여야 합니다. 예: date(2024, 3, 1). 받은 값: {value!r}"
        )
    return value


class MonitoringMethod(str, Enum):
    """The four ways of monitoring in the textbook. The value is the Korean label."""

    REGULAR_CONTACT = "가정방문·상담"
    INFORMAL = "비공식 모니터링"
    FORMAL = "척도·기록"
    PROVIDER = "제공기관 통해"

    @property
    def explanation(self) -> str:
        """A one-sentence Korean explanation of the method."""
        return _METHOD_EXPLANATIONS[self]

    @classmethod
    def parse(cls, value: MonitoringMethod | str) -> MonitoringMethod:
        """Accept a member, its Korean label or its English name; refuse anything else."""
        return parse_member(cls, value, "점검 방법")


_METHOD_EXPLANATIONS = {
    MonitoringMethod.REGULAR_CONTACT: (
        "정기적인 접촉: 정해 둔 간격으로 가정을 방문하거나 상담하며 당사자를 직접 만나 변화를 확인합니다."
    ),
    MonitoringMethod.INFORMAL: (
        "비공식적·질적 모니터링: 이웃, 가족, 통장 등 주변 사람들이 전하는 반응과 평가를 통해 "
        "숫자로 잡히지 않는 변화를 살핍니다."
    ),
    MonitoringMethod.FORMAL: (
        "공식적·양적 모니터링: 척도 점수나 기록지를 분석해 변화를 수치로 비교합니다."
    ),
    MonitoringMethod.PROVIDER: (
        "서비스 제공기관을 통한 모니터링: 기관 담당자와 연락하거나 기관을 방문하고, 회의를 열어 "
        "서비스가 계획대로 가고 있는지 확인합니다."
    ),
}


# ⑬ 이행여부 is one vocabulary shared with the service plan form.
MonitoringResult = PlanResult


# --------------------------------------------------------------------------- GAS

GAS_LEVELS: tuple[int, ...] = (-2, -1, 0, 1, 2)

_GAS_LABELS = {
    -2: "기대보다 훨씬 못 미침",
    -1: "기대보다 조금 못 미침",
    0: "기대한 만큼 달성",
    1: "기대보다 조금 더 나음",
    2: "기대보다 훨씬 더 나음",
}


def _is_int(value: object) -> TypeGuard[numbers.Integral]:
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def _check_level(value: object, where: str) -> int:
    # Floats (even 1.0) and bools are refused: a GAS level is one of five ordinal points,
    # and a float usually means an average or a typo that should not pass unnoticed.
    if not _is_int(value):
        raise CaseworkError(
            f"{where}의 목표달성 수준은 −2, −1, 0, 1, 2 중 하나의 정수여야 합니다. "
            f"받은 값: {value!r} (소수나 True/False는 받지 않습니다)"
        )
    level = int(value)
    if level not in GAS_LEVELS:
        raise CaseworkError(
            f"{where}의 목표달성 수준 {level}{particle(str(level), '은')} 범위를 벗어났습니다. −2부터 +2 사이의 정수로 적어 주세요."
        )
    return level


def gas_level_label(level: int) -> str:
    """Korean label of a GAS level (−2 … +2)."""
    return _GAS_LABELS[_check_level(level, "입력한 값")]


def _as_list(values: object, what: str) -> list[object]:
    if isinstance(values, (str, bytes, Mapping, set, frozenset)) or not isinstance(values, Iterable):
        raise CaseworkError(
            f"{what}{particle(str(what), '은')} 목표 순서대로 나열한 목록(list 또는 tuple)이어야 합니다. 받은 값: {values!r}"
        )
    return list(values)


def gas_t_score(
    levels: Sequence[int],
    weights: Sequence[float] | None = None,
    rho: float = 0.3,
) -> float:
    """Kiresuk & Sherman (1968) GAS T score.

    T = 50 + 10·Σwᵢxᵢ / √((1−ρ)Σwᵢ² + ρ(Σwᵢ)²), with xᵢ in −2..+2 and ρ the assumed
    correlation between goal scores (0.3 by convention). Unweighted means every wᵢ = 1.
    Levels must be ints (floats such as 1.0 and bools are refused); weights must be
    non-negative, finite, not all zero and one per level; 0 ≤ ρ < 1.
    """
    raw_levels = _as_list(levels, "목표달성 수준")
    if not raw_levels:
        raise CaseworkError("목표달성 수준이 하나도 없습니다. 목표마다 −2부터 +2 사이의 수준을 하나씩 넣어 주세요.")
    xs = [_check_level(v, f"{i + 1}번째 목표") for i, v in enumerate(raw_levels)]

    if weights is None:
        ws = [1.0] * len(xs)
    else:
        raw_weights = _as_list(weights, "가중치")
        if len(raw_weights) != len(xs):
            raise CaseworkError(
                f"가중치가 {len(raw_weights)}개인데 목표는 {len(xs)}개입니다. 목표마다 가중치를 하나씩 주세요."
            )
        ws = []
        for i, w in enumerate(raw_weights):
            if isinstance(w, bool) or not isinstance(w, numbers.Real) or not math.isfinite(float(w)):
                raise CaseworkError(f"{i + 1}번째 가중치 {w!r}는 숫자가 아닙니다. 0 이상의 숫자로 적어 주세요.")
            if w < 0:
                raise CaseworkError(f"{i + 1}번째 가중치가 {w}입니다. 가중치는 음수일 수 없습니다.")
            ws.append(float(w))
        if not any(ws):
            raise CaseworkError("가중치가 모두 0입니다. 적어도 한 목표에는 0보다 큰 가중치를 주세요.")

    if isinstance(rho, bool) or not isinstance(rho, numbers.Real) or not math.isfinite(float(rho)):
        raise CaseworkError(f"상관계수 rho는 숫자여야 합니다. 받은 값: {rho!r}")
    if not 0 <= rho < 1:
        raise CaseworkError(f"상관계수 rho={rho}는 쓸 수 없습니다. 0 이상 1 미만으로 주세요 (보통 0.3).")

    # T does not change when every weight is scaled alike; scaling by the largest keeps huge
    # (1e308) and tiny (1e-320) weights from overflowing or dividing by zero.
    largest = max(ws)
    ws = [w / largest for w in ws]
    weighted_sum = math.fsum(w * x for w, x in zip(ws, xs))
    sum_sq = math.fsum(w * w for w in ws)
    total = math.fsum(ws)
    denominator = math.sqrt((1 - rho) * sum_sq + rho * total * total)
    return 50.0 + 10.0 * weighted_sum / denominator


# --------------------------------------------------------------------------- log


@dataclass(frozen=True)
class MonitoringEntry:
    """One monitoring contact: when, how, what was seen, GAS level per goal and the result."""

    on: date
    method: MonitoringMethod
    note: str = ""
    goal_levels: dict[str, int] = field(default_factory=dict)
    needs_changed: bool = False
    result: MonitoringResult | None = None

    def __post_init__(self) -> None:
        _check_date(self.on, "점검 날짜")
        object.__setattr__(self, "method", MonitoringMethod.parse(self.method))
        _check_text(self.note, "점검 메모", allow_empty=True)
        if not isinstance(self.goal_levels, Mapping):
            raise CaseworkError(
                "목표별 수준(goal_levels)은 {'목표 이름': 수준} 형태의 사전(dict)으로 적어 주세요. "
                f"받은 값: {self.goal_levels!r}"
            )
        levels: dict[str, int] = {}
        for goal, level in self.goal_levels.items():
            if not isinstance(goal, str) or not goal.strip():
                raise CaseworkError(f"목표 이름이 비어 있거나 글자가 아닙니다: {goal!r}")
            levels[goal] = _check_level(level, f"목표 '{goal}'")
        object.__setattr__(self, "goal_levels", levels)  # a private copy
        if not isinstance(self.needs_changed, bool):
            raise CaseworkError(
                f"욕구 변동 여부(needs_changed)는 True 또는 False로 적어 주세요. 받은 값: {self.needs_changed!r}"
            )
        if self.result is not None:
            object.__setattr__(self, "result", MonitoringResult.parse(self.result))

    @property
    def calls_for_reassessment(self) -> bool:
        """True when the result is 재사정 or the person's needs changed."""
        return self.needs_changed or self.result is MonitoringResult.REASSESS


class MonitoringLog:
    """Monitoring entries of one service plan, kept in date order.

    Two entries on the same day are allowed (e.g. a home visit and a call to the provider);
    an entry dated before the last one or before the plan start is refused.
    """

    def __init__(self, plan_start: date, entries: Iterable[MonitoringEntry] = ()) -> None:
        self.plan_start = _check_date(plan_start, "계획 시작일")
        self._entries: list[MonitoringEntry] = []
        if isinstance(entries, (str, bytes)) or not isinstance(entries, Iterable):
            raise CaseworkError(f"점검 기록 목록이 올바르지 않습니다: {entries!r}")
        for entry in entries:
            self.add(entry)

    def add(self, entry: MonitoringEntry) -> None:
        """Append an entry; refuse one out of date order."""
        if not isinstance(entry, MonitoringEntry):
            raise CaseworkError(f"MonitoringEntry만 추가할 수 있습니다. 받은 값: {entry!r}")
        if entry.on < self.plan_start:
            raise CaseworkError(
                f"점검 날짜 {entry.on}{particle(str(entry.on), '이')} 계획 시작일 {self.plan_start}보다 앞섭니다. "
                "계획을 세우기 전의 점검은 기록할 수 없으니 날짜를 확인해 주세요."
            )
        if self._entries and entry.on < self._entries[-1].on:
            raise CaseworkError(
                f"점검 날짜 {entry.on}{particle(str(entry.on), '이')} 마지막 기록({self._entries[-1].on})보다 앞섭니다. "
                "기록은 날짜 순서대로 추가해 주세요."
            )
        self._entries.append(entry)

    @property
    def entries(self) -> tuple[MonitoringEntry, ...]:
        """All entries in date order."""
        return tuple(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def goals(self) -> tuple[str, ...]:
        """Goal names in the order they first appear."""
        seen: dict[str, None] = {}
        for entry in self._entries:
            for goal in entry.goal_levels:
                seen.setdefault(goal, None)
        return tuple(seen)

    def levels_over_time(self, goal: str) -> list[tuple[date, int]]:
        """(date, level) for every entry that scored ``goal``; an unknown goal is refused."""
        _check_text(goal, "목표 이름")
        if goal not in self.goals:
            known = ", ".join(self.goals) or "(없음)"
            raise CaseworkError(f"'{goal}' 목표의 점검 기록이 없습니다. 기록된 목표: {known}")
        return [(e.on, e.goal_levels[goal]) for e in self._entries if goal in e.goal_levels]

    def to_records(self) -> list[dict[str, object]]:
        """One dict per entry (Korean keys); each goal is a column "목표: 이름" (None if not scored)."""
        goals = self.goals
        rows: list[dict[str, object]] = []
        for e in self._entries:
            row: dict[str, object] = {
                "날짜": e.on,
                "방법": e.method.value,
                "메모": e.note,
                "욕구 변동": e.needs_changed,
                "결과": e.result.value if e.result else None,
            }
            for goal in goals:
                row[f"목표: {goal}"] = e.goal_levels.get(goal)
            rows.append(row)
        return rows

    def level_records(self) -> list[dict[str, object]]:
        """Long format: one dict per (entry, goal) with 날짜, 목표, 수준, 수준 설명."""
        return [
            {"날짜": e.on, "목표": goal, "수준": level, "수준 설명": _GAS_LABELS[level]}
            for e in self._entries
            for goal, level in e.goal_levels.items()
        ]


def t_scores_over_time(
    log: MonitoringLog,
    weights: Mapping[str, float] | None = None,
    rho: float = 0.3,
) -> list[tuple[date, float]]:
    """GAS T score of each entry that scored at least one goal, in date order.

    ``weights`` maps goal name → weight; when given it must name every goal in the log and
    no other.
    """
    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"MonitoringLog를 넣어 주세요. 받은 값: {log!r}")
    if weights is not None:
        if not isinstance(weights, Mapping):
            raise CaseworkError("가중치는 {'목표 이름': 가중치} 형태의 사전(dict)으로 주세요.")
        missing = [g for g in log.goals if g not in weights]
        extra = [g for g in weights if g not in log.goals]
        if missing:
            raise CaseworkError(f"가중치가 없는 목표가 있습니다: {', '.join(missing)}")
        if extra:
            raise CaseworkError(f"점검 기록에 없는 목표에 가중치를 주었습니다: {', '.join(map(str, extra))}")
    out: list[tuple[date, float]] = []
    for e in log.entries:
        if not e.goal_levels:
            continue
        goals = list(e.goal_levels)
        ws = None if weights is None else [weights[g] for g in goals]
        out.append((e.on, gas_t_score([e.goal_levels[g] for g in goals], ws, rho)))
    return out


# --------------------------------------------------------------------------- checklists


@dataclass(frozen=True)
class ChecklistItem:
    """A self-check question with the concrete actions that answer it."""

    question: str
    actions: tuple[str, ...]


@dataclass(frozen=True)
class Checklist:
    """A titled list of self-check questions (직접실천의 TIP)."""

    title: str
    items: tuple[ChecklistItem, ...]

    def __len__(self) -> int:
        return len(self.items)


SERVICE_CHECKLIST = Checklist(
    "서비스 제공 및 점검: 직접실천 점검 질문",
    (
        ChecklistItem(
            "어떤 서비스를 언제 받게 되는지 당사자에게 충분히 알렸는가?",
            (
                "서비스를 이용할 때 알아야 할 점을 당사자에게 설명한다.",
                "당사자의 참여와 협력이 있어야 하는 서비스는 이용 방식을 당사자와 합의한다.",
            ),
        ),
        ChecklistItem(
            "당사자와 소통할 통로를 열어 두고 믿음 있는 관계를 이어 가고 있는가?",
            (
                "대화하고 의논하면서 문제를 푸는 과정을 당사자와 함께한다.",
                "당사자가 자원에 더 쉽게 닿도록 정보를 주고 뒷받침한다.",
                "당사자의 삶과 가치를 판단하지 않고 있는 그대로 이해한다.",
            ),
        ),
        ChecklistItem(
            "당사자의 동기를 북돋우고 참여를 넓히려고 애쓰고 있는가?",
            (
                "당사자가 스스로 결정할 권리를 지킨다.",
                "필요한 자원을 당사자와 함께 찾아본다.",
                "당사자가 더 적극적으로 참여하도록 돕는다.",
            ),
        ),
        ChecklistItem(
            "당사자의 사회적 지지망이 넓어지고 단단해지도록 돕고 있는가?",
            (
                "당사자가 사는 동네의 사람들을 만나 이야기를 나눈다.",
                "당사자와 그에게 중요한 사람 사이의 관계가 잘 이어지도록 돕는다.",
            ),
        ),
        ChecklistItem(
            "서비스 계획에 따라 서비스가 제공되고 자원이 연결되고 있는가?",
            (
                "계획한 서비스가 실제로 어떻게 제공되었는지 확인한다.",
                "계획에 맞춰 의뢰할 내용을 글로 정리해 해당 기관에 서비스를 요청한다.",
                "목표를 이루기 위해 당사자, 사례관리자, 서비스 제공기관이 함께 움직인다.",
                "당사자의 욕구에 맞는 서비스를 제공할 수 있도록 지역사회 자원을 개발한다.",
            ),
        ),
        ChecklistItem(
            "목표 달성에 필요한 자원과 서비스가 알맞게 제공되고 있는가?",
            (
                "여러 가지 점검 방법을 꾸준히 함께 쓴다.",
                "서비스가 계획대로 이루어지고 있는지 확인한다.",
                "당사자에게 일어나는 변화를 지켜본다.",
            ),
        ),
        ChecklistItem(
            "당사자가 주체로서 제 역할을 키워 가도록 힘쓰고 있는가?",
            (
                "당사자에게 역할을 맡겨 문제를 푸는 과정에 함께하게 한다.",
                "필요한 자원을 당사자와 함께 찾아본다.",
                "당사자가 자원에 더 쉽게 다가갈 수 있도록 힘쓴다.",
            ),
        ),
    ),
)

REASSESSMENT_CHECKLIST = Checklist(
    "재사정: 직접실천 점검 질문",
    (
        ChecklistItem(
            "다시 개입해야 하는 상황인지 가리기 위해 사정·평가 기술을 쓰고 있는가?",
            (
                "당사자가 다시 어려움을 호소하면 그 상황을 처음부터 새로 살펴본다.",
                "지금의 문제가 새로 생긴 것인지, 숨어 있다가 드러난 것인지 가려낸다.",
                "다시 개입할지, 어느 단계부터 다시 할지 정하기 위해 심층상담, 욕구 재사정, "
                "위기도 평가 같은 전문적인 사정 기술을 쓴다.",
            ),
        ),
    ),
)

FOLLOW_UP_CHECKLIST = Checklist(
    "사후관리: 직접실천 점검 질문",
    (
        ChecklistItem(
            "사후관리가 당사자의 동의 아래 이루어지고 있는가?",
            (
                "종결하면서, 일정 기간 사후관리가 이어진다는 것을 당사자에게 알린다.",
                "사후관리가 무엇이고 왜 필요한지 당사자에게 전한다.",
            ),
        ),
        ChecklistItem(
            "사후관리에 필요한 기술을 쓰고 있는가?",
            (
                "달라진 상태가 자리 잡도록 지지적인 상담을 하거나 정보를 준다.",
                "다시 개입해야 하는 상황인지 가리기 위해 사정·평가 기술을 쓴다.",
            ),
        ),
    ),
)


# --------------------------------------------------------------------------- reassessment

#: The workbook's teaching rule for "연 1회 이상": reassess when 365 days or more have passed
#: since the last assessment. (The textbook says only "at least once a year"; counting days
#: rather than calendar dates makes the rule unambiguous, including for 29 February, and in a
#: leap year it falls one day early, which is on the safe side.)
ANNUAL_REASSESSMENT_DAYS = 365


class ReassessmentTrigger(str, Enum):
    """The three 재사정 시기 in the textbook."""

    RESULT = "점검·평가 결과"
    NEEDS_CHANGED = "욕구 변동"
    ANNUAL = "연 1회 이상"


@dataclass(frozen=True)
class ReassessmentReason:
    """Why a reassessment is due, with a Korean message for the learner."""

    trigger: ReassessmentTrigger
    message: str
    on: date | None = None


def next_annual_reassessment(last_assessed: date) -> date:
    """The date by which the yearly reassessment falls due (last + 365 days)."""
    _check_date(last_assessed, "마지막 사정일")
    return last_assessed + timedelta(days=ANNUAL_REASSESSMENT_DAYS)


def reassessment_due(
    last_assessed: date,
    today: date,
    log: MonitoringLog | None = None,
) -> list[ReassessmentReason]:
    """Reasons to reassess now; an empty list means none.

    Only log entries dated after ``last_assessed`` count (an entry on the same day is taken to
    be part of that assessment — the workbook's rule). Entries dated after ``today`` are refused.
    """
    _check_date(last_assessed, "마지막 사정일")
    _check_date(today, "오늘 날짜")
    if today < last_assessed:
        raise CaseworkError(
            f"오늘 날짜 {today}{particle(str(today), '이')} 마지막 사정일 {last_assessed}보다 앞섭니다. 두 날짜를 확인해 주세요."
        )
    if log is not None and not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록은 MonitoringLog로 넣어 주세요. 받은 값: {log!r}")

    reasons: list[ReassessmentReason] = []
    for e in log.entries if log is not None else ():
        if e.on > today:
            raise CaseworkError(
                f"점검 기록에 오늘({today}) 이후 날짜({e.on})가 있습니다. 날짜를 확인해 주세요."
            )
        if e.on <= last_assessed:
            continue
        if e.result is MonitoringResult.REASSESS:
            reasons.append(
                ReassessmentReason(
                    ReassessmentTrigger.RESULT,
                    f"{e.on} 점검에서 결과를 '재사정'으로 판단했습니다. 점검·평가 결과 필요하다고 본 "
                    "것이니 당사자의 상황과 욕구를 다시 사정하세요.",
                    e.on,
                )
            )
        if e.needs_changed:
            reasons.append(
                ReassessmentReason(
                    ReassessmentTrigger.NEEDS_CHANGED,
                    f"{e.on} 점검에서 당사자의 욕구가 달라졌다고 기록했습니다. 달라진 욕구에 맞게 "
                    "계획을 고치려면 재사정이 필요합니다.",
                    e.on,
                )
            )

    elapsed = (today - last_assessed).days
    if elapsed >= ANNUAL_REASSESSMENT_DAYS:
        reasons.append(
            ReassessmentReason(
                ReassessmentTrigger.ANNUAL,
                f"마지막 사정({last_assessed}) 뒤로 {elapsed}일이 지났습니다. 적어도 한 해에 한 번은 "
                "재사정해 당사자의 최근 정보와 상황을 새로 반영하세요.",
                next_annual_reassessment(last_assessed),
            )
        )
    return reasons
