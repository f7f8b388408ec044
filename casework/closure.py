"""Closure (종결) and follow-up (사후관리).

Sources: Rothman (1991) as summarised in seed 001 — closure is decided by the case manager and
the client together, and follow-up work such as 재방문 and 안부전화 is prepared; the Gwangjin-gu
study-group textbook (광진구청 희망나눔팀 학습동아리 교재, seed 003) — the reasons a case closes
and the purpose of follow-up.

Teaching rules of the workbook (the sources are silent on them):
- A closure decision made without the person is refused, except when the person cannot take
  part (사망, 장기간 연락두절). For those two reasons a decision "with the person" is refused as
  a contradiction.
- Closing for 목표 달성 needs the goals to have been reviewed (평가) first.
- The follow-up interval (1, 3 and 6 months) and the default contact methods are the
  workbook's choice; the textbook only says "일정 기간".
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from casework._util.text import josa
from casework.errors import CaseworkError
from casework.labels import parse_member


def _require_date(value: object, what: str) -> date:
    # datetime is a date subclass; refuse it so a record never mixes times into its dates.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise CaseworkError(
            f"{what}에는 날짜(date)를 넣어야 합니다. 받은 값: {value!r}. "
            "예: date(2024, 3, 15)처럼 쓰세요."
        )
    return value


def _require_bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise CaseworkError(f"{what}에는 True 또는 False를 넣어야 합니다. 받은 값: {value!r}")
    return value


class ClosureReason(str, Enum):
    """A reason a case closes (종결 사유), from the textbook's 종결 section.

    The value is the Korean label learners see.
    """

    GOAL_ACHIEVED = "목표 달성"
    MOVED_AWAY = "전출·주거지 이전"
    DEATH = "사망"
    LOST_CONTACT = "장기간 연락두절"
    NO_REGULAR_CONTACT = "정기적 접촉 불가"
    PERSON_OR_GUARDIAN_WISH = "본인·보호자 의사"

    @property
    def explanation(self) -> str:
        """A short Korean explanation of when this reason applies."""
        return _REASON_EXPLANATIONS[self]

    @property
    def person_can_take_part(self) -> bool:
        """Can the person take part in the closure decision? (No for 사망, 장기간 연락두절.)"""
        return self not in (ClosureReason.DEATH, ClosureReason.LOST_CONTACT)

    @property
    def needs_evaluation(self) -> bool:
        """Must the goals be evaluated before closing? Only for 목표 달성 (workbook rule)."""
        return self is ClosureReason.GOAL_ACHIEVED

    @classmethod
    def parse(cls, value: ClosureReason | str) -> ClosureReason:
        """Accept a member, its Korean label or its English name; refuse anything else."""
        return parse_member(cls, value, "종결 사유")


_REASON_EXPLANATIONS: dict[ClosureReason, str] = {
    ClosureReason.GOAL_ACHIEVED: (
        "함께 세운 목표를 이루었거나, 자립 등으로 더는 사례관리로 개입할 필요가 없어진 경우"
    ),
    ClosureReason.MOVED_AWAY: "당사자가 다른 곳으로 이사해 이 지역에서 계속 돕기 어려워진 경우",
    ClosureReason.DEATH: "당사자가 세상을 떠난 경우",
    ClosureReason.LOST_CONTACT: "오랫동안 연락이 닿지 않아 사례관리를 이어 갈 수 없는 경우",
    ClosureReason.NO_REGULAR_CONTACT: "정기적으로 만나거나 연락할 수 없어 점검을 할 수 없는 경우",
    ClosureReason.PERSON_OR_GUARDIAN_WISH: "당사자 본인이나 보호자가 사례관리를 그만두기를 원한 경우",
}


@dataclass(frozen=True)
class ClosureDecision:
    """A decision to close a case: why, when, and whether it was made with the person.

    ``decided_with_person`` means the person (or, for 본인·보호자 의사, the guardian) took part.
    The rules are checked on construction, so an invalid decision cannot exist.
    """

    reason: ClosureReason
    decided_on: date
    decided_with_person: bool
    note: str = ""
    goals_reviewed: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "reason", ClosureReason.parse(self.reason))
        _require_date(self.decided_on, "종결 결정일(decided_on)")
        _require_bool(self.decided_with_person, "당사자와 함께 결정했는지(decided_with_person)")
        _require_bool(self.goals_reviewed, "목표를 평가했는지(goals_reviewed)")
        if not isinstance(self.note, str):
            raise CaseworkError(f"메모(note)는 글자로 적어 주세요. 받은 값: {self.note!r}")
        reason = self.reason
        quoted = f"'{reason.value}'"
        if reason.person_can_take_part and not self.decided_with_person:
            raise CaseworkError(
                f"{josa(quoted, '으로')} 종결할 때는 당사자와 함께 결정해야 합니다. "
                "당사자(또는 보호자)와 종결을 의논한 뒤 decided_with_person=True로 기록하세요."
            )
        if not reason.person_can_take_part and self.decided_with_person:
            raise CaseworkError(
                f"'{reason.value}'인 경우에는 당사자가 결정에 함께할 수 없습니다. "
                "decided_with_person=False로 기록하고, 누구와 의논했는지는 note에 적으세요."
            )
        if reason.needs_evaluation and not self.goals_reviewed:
            raise CaseworkError(
                "목표 달성으로 종결하려면 먼저 목표를 얼마나 이루었는지 평가해야 합니다. "
                "평가를 마친 뒤 goals_reviewed=True로 기록하세요."
            )


def decide_closure(
    reason: ClosureReason | str,
    decided_on: date,
    *,
    decided_with_person: bool,
    goals_reviewed: bool = False,
    note: str = "",
) -> ClosureDecision:
    """Make a closure decision; accepts a ClosureReason or its Korean label."""
    return ClosureDecision(
        reason=ClosureReason.parse(reason),
        decided_on=decided_on,
        decided_with_person=decided_with_person,
        note=note,
        goals_reviewed=goals_reviewed,
    )


# --------------------------------------------------------------------------- follow-up


class FollowUpMethod(str, Enum):
    """How a follow-up contact is made (seed 001 names both)."""

    VISIT = "재방문"
    PHONE = "안부전화"

    @classmethod
    def parse(cls, value: FollowUpMethod | str) -> FollowUpMethod:
        """Accept a member, its Korean label or its English name; refuse anything else."""
        return parse_member(cls, value, "사후관리 방법")


# What every follow-up contact is for (textbook 사후관리 section, in the workbook's words).
FOLLOW_UP_PURPOSES: tuple[str, ...] = (
    "종결 뒤에도 변화가 안정적으로 유지되는지 확인한다",
    "다시 개입해야 하는지를 일찍 가려낸다",
    "지지적 상담과 정보 제공으로 변화 유지와 지역사회 적응을 돕는다",
)

DEFAULT_FOLLOW_UP_MONTHS: tuple[int, ...] = (1, 3, 6)


@dataclass(frozen=True)
class FollowUp:
    """One planned follow-up contact after closure."""

    number: int
    due_on: date
    months_after: int
    method: FollowUpMethod


def add_months(start: date, months: int) -> date:
    """The same day ``months`` later; a day missing in that month becomes its last day."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _default_methods(count: int) -> tuple[FollowUpMethod, ...]:
    # Workbook choice: meet in person first and last (to see the change and to judge whether
    # follow-up can end), phone in between.
    if count == 1:
        return (FollowUpMethod.VISIT,)
    middle = (FollowUpMethod.PHONE,) * (count - 2)
    return (FollowUpMethod.VISIT, *middle, FollowUpMethod.VISIT)


def follow_up_schedule(
    closed_on: date,
    *,
    months: Sequence[int] = DEFAULT_FOLLOW_UP_MONTHS,
    methods: Sequence[FollowUpMethod | str] | FollowUpMethod | str | None = None,
) -> tuple[FollowUp, ...]:
    """Dated follow-up contacts after closure.

    ``months`` are whole months after ``closed_on``, strictly increasing; the default
    (1, 3, 6) is the workbook's choice, not the textbook's. ``methods`` is one method for all
    contacts or one per contact; by default 재방문 first and last, 안부전화 in between.
    """
    _require_date(closed_on, "종결일(closed_on)")
    if isinstance(months, (str, bytes)) or not isinstance(months, Sequence):
        raise CaseworkError(
            f"months에는 종결 후 몇 개월째인지를 차례로 적은 목록을 넣으세요. 예: (1, 3, 6). 받은 값: {months!r}"
        )
    months = tuple(months)
    if not months:
        raise CaseworkError("사후관리 일정이 비어 있습니다. months에 한 번 이상 넣으세요. 예: (1, 3, 6)")
    for m in months:
        if isinstance(m, bool) or not isinstance(m, int) or m <= 0:
            raise CaseworkError(
                f"사후관리 시점은 1 이상의 정수(개월)여야 합니다. 잘못된 값: {m!r}. 예: (1, 3, 6)"
            )
    for earlier, later in itertools.pairwise(months):
        if later <= earlier:
            raise CaseworkError(
                f"사후관리 시점은 작은 수부터 겹치지 않게 적어야 합니다: {months!r}. "
                f"예: {tuple(sorted(set(months)))}"
            )
    if methods is None:
        chosen = _default_methods(len(months))
    elif isinstance(methods, (str, FollowUpMethod)):
        chosen = (FollowUpMethod.parse(methods),) * len(months)
    else:
        chosen = tuple(FollowUpMethod.parse(m) for m in methods)
        if len(chosen) != len(months):
            raise CaseworkError(
                f"사후관리 방법의 수({len(chosen)})가 시점의 수({len(months)})와 다릅니다. "
                "시점마다 방법을 하나씩 적거나, 모두 같은 방법이면 하나만 적으세요."
            )
    return tuple(
        FollowUp(number=i, due_on=add_months(closed_on, m), months_after=m, method=method)
        for i, (m, method) in enumerate(zip(months, chosen), start=1)
    )


# --------------------------------------------------------------------------- re-intervention


@dataclass(frozen=True)
class FollowUpObservation:
    """What the case manager saw at one follow-up contact.

    The four questions follow the textbook's 사후관리 and 재사정 tips: is the change holding,
    does the person raise difficulties again, is there a new or a hidden problem, are there
    signs of the crisis coming back.
    """

    on: date
    change_maintained: bool
    difficulty_raised_again: bool = False
    new_or_hidden_problem: bool = False
    crisis_signs: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        _require_date(self.on, "사후관리 날짜(on)")
        _require_bool(self.change_maintained, "변화가 유지되는지(change_maintained)")
        _require_bool(self.difficulty_raised_again, "어려움을 다시 호소하는지(difficulty_raised_again)")
        _require_bool(self.new_or_hidden_problem, "새로운·잠재된 문제가 있는지(new_or_hidden_problem)")
        _require_bool(self.crisis_signs, "위기 징후가 있는지(crisis_signs)")
        if not isinstance(self.note, str):
            raise CaseworkError(f"메모(note)는 글자로 적어 주세요. 받은 값: {self.note!r}")


REINTERVENTION_STEP = "욕구(재)사정"


@dataclass(frozen=True)
class ReinterventionAdvice:
    """Whether a follow-up observation suggests re-intervention, and why."""

    suggested: bool
    reasons: tuple[str, ...]
    next_action: str


def judge_reintervention(observation: FollowUpObservation) -> ReinterventionAdvice:
    """Suggest considering re-intervention when any warning sign is present.

    This only suggests: whether to re-intervene and at which stage rests on 심층상담, 욕구
    재사정 and 위기도 (the textbook's reassessment TIP); a new problem starts at 욕구(재)사정.
    """
    if not isinstance(observation, FollowUpObservation):
        raise CaseworkError(
            "사후관리 관찰 기록(FollowUpObservation)을 넣어 주세요. "
            f"받은 값: {observation!r}"
        )
    reasons: list[str] = []
    if not observation.change_maintained:
        reasons.append("종결 때 이룬 변화가 유지되지 않고 있습니다.")
    if observation.difficulty_raised_again:
        reasons.append("당사자가 어려움을 다시 호소합니다.")
    if observation.new_or_hidden_problem:
        reasons.append("새로운 문제나 그동안 드러나지 않았던 문제가 보입니다.")
    if observation.crisis_signs:
        reasons.append("위기 상황이 다시 생길 징후가 있습니다.")
    if reasons:
        return ReinterventionAdvice(
            suggested=True,
            reasons=tuple(reasons),
            next_action=(
                "재개입을 검토하세요: 심층상담, 욕구 재사정, 위기도로 재개입할지와 어느 단계에서 다시 "
                f"시작할지를 정합니다. 새로 생긴 어려움이라면 {REINTERVENTION_STEP}부터 다시 합니다."
            ),
        )
    return ReinterventionAdvice(
        suggested=False,
        reasons=("변화가 유지되고 있고 새로운 어려움이나 위기 징후가 보이지 않습니다.",),
        next_action="계획한 사후관리를 이어 가며 지지적 상담과 필요한 정보를 제공하세요.",
    )
