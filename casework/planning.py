"""Planning: from the presenting problem to a service plan.

The chain follows the Gwangjin-gu study-group textbook (광진구청 희망나눔팀 학습동아리 교재):
(제시된) 문제 → 요구/바램 → 욕구 → (합의된) 개입목적·개입목표 → 서비스 계획.

Besides the chain records this module holds, from the same textbook (the seven planning
mistakes a written goal can make are in :mod:`casework.goals`):

* the three assessment steps that lead from needs assessment to planning
  (:data:`ASSESSMENT_STEPS`);
* the six goal types with the textbook's examples (:class:`GoalType`,
  :func:`suggest_goal_type`);
* the service plan and checklist form, fields ①–⑮, with its consent statement
  (:class:`ServicePlan`, :class:`ServicePlanItem`, :class:`PlanResult`), exportable to a
  pandas DataFrame, an .xlsx workbook laid out like the paper form, and printable HTML.

pandas and openpyxl are imported inside the functions that need them, so importing this module
stays light.
"""

from __future__ import annotations

import html
import math
import numbers
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from casework._util.dates import korean_date, parse_date_text
from casework._util.sheets import fit_row_heights
from casework._util.text import particle
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.goals import require_text as _require_text
from casework.labels import parse_member

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

__all__ = [
    "Objective",
    "NeedStatement",
    "PlanChain",
    "AssessmentStep",
    "ASSESSMENT_STEPS",
    "GoalType",
    "suggest_goal_type",
    "PlanResult",
    "FIELD_LABELS",
    "ITEM_COLUMNS",
    "CONSENT_TEMPLATE",
    "consent_text",
    "ServicePlanItem",
    "ServicePlan",
    "MAX_TIMES_PER_WEEK",
]


# --------------------------------------------------------------------------- chain records


@dataclass(frozen=True)
class Objective:
    """개입목적 (the hoped-for change) with its 개입목표 (the concrete level of it)."""

    purpose: str
    objective: str


@dataclass(frozen=True)
class NeedStatement:
    """A need (욕구): the gap between the expected standard of life and the present state."""

    text: str
    domain: Domain = Domain.OTHER


@dataclass(frozen=True)
class PlanChain:
    """One worked row: problem → demands → needs → agreed objectives → service items.

    ``problem_quote`` is what the person said; ``problem`` the worker's reading of it.
    """

    problem: str
    problem_quote: str = ""
    demands: tuple[str, ...] = ()
    needs: tuple[NeedStatement, ...] = ()
    objectives: tuple[Objective, ...] = ()
    services: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- assessment steps


@dataclass(frozen=True)
class AssessmentStep:
    """One of the three steps from needs assessment to planning (사정 → 계획수립).

    ``questions`` for step 1 restate what the textbook says the worker should come to
    understand; the prompts for steps 2 and 3 are the workbook's own.
    """

    number: int
    title: str
    explanation: str
    questions: tuple[str, ...] = ()


ASSESSMENT_STEPS: tuple[AssessmentStep, ...] = (
    AssessmentStep(
        1,
        "현재 상태/관심사",
        "당사자가 지금 겪는 어려움과 마음 쓰는 일을 재촉하지 않고 끝까지 들어 주는 단계입니다. "
        "이렇게 들어 주는 과정에서 믿음과 라포가 생깁니다.",
        (
            "당사자가 드러내는 문제(이슈)는 무엇인가?",
            "자기 상황을 돌아볼 통찰력과 성숙함이 있는가?",
            "있다면, 가장 힘이 되는 지지자원은 무엇인가?",
            "관계를 맺는 데 도움이 될 다른 정보는 무엇인가?",
        ),
    ),
    AssessmentStep(
        2,
        "향후 원하는 상태",
        "당사자가 스스로 목표를 찾아내고, 문제가 풀릴 수 있다는 희망을 품도록 곁에서 "
        "지지하는 단계입니다.",
        (
            "당사자는 무엇이 달라지기를 바라는가?",
            "그렇게 달라지면 하루하루의 생활이 어떻게 바뀌는가?",
        ),
    ),
    AssessmentStep(
        3,
        "행동/변화 전략",
        "바라는 상태에 이르려면 무엇을 할지 당사자와 함께 의논하고, 당사자가 전략을 "
        "고르도록 돕는 단계입니다.",
        (
            "목표에 다가가기 위해 당사자가 할 수 있는 일은 무엇인가?",
            "여러 방법 가운데 당사자가 고른 전략은 무엇이고, 누가 무엇을 돕는가?",
        ),
    ),
)


# --------------------------------------------------------------------------- goal types


class GoalType(str, Enum):
    """The six goal types of the textbook. The value is the workbook's short Korean label."""

    RELATIONSHIP = "관계 변화"
    MAJOR_DECISION = "중대한 결정"
    HARMFUL_BEHAVIOUR = "부정적 행동 변화"
    ENVIRONMENT = "환경 변화"
    RESOURCES = "자원·정보 습득"
    ROLE_SKILLS = "사회적 역할 기술 습득"

    @property
    def description(self) -> str:
        """What this type of goal changes, in the workbook's words."""
        return _GOAL_TYPE_DESCRIPTIONS[self]

    @property
    def examples(self) -> tuple[str, ...]:
        """The textbook's examples for this goal type."""
        return _GOAL_TYPE_EXAMPLES[self]

    @classmethod
    def parse(cls, value: GoalType | str) -> GoalType:
        """Accept a member, its Korean label or its English name; refuse anything else."""
        return parse_member(cls, value, "목표 유형")


_GOAL_TYPE_DESCRIPTIONS: dict[GoalType, str] = {
    GoalType.RELATIONSHIP: "다른 사람과의 관계를 바꾸거나, 그 사람을 바라보는 자기 인식을 바꾸는 목표",
    GoalType.MAJOR_DECISION: "삶의 방향을 가르는 중요한 결정을 내리는 목표",
    GoalType.HARMFUL_BEHAVIOUR: "자신이나 다른 사람, 주변 환경에 해가 되는 행동을 바꾸는 목표",
    GoalType.ENVIRONMENT: "당사자를 둘러싼 환경을 바꾸는 목표",
    GoalType.RESOURCES: "필요한 자원이나 정보를 얻는 목표",
    GoalType.ROLE_SKILLS: "기능적인 사회적 역할을 해내는 데 필요한 기술을 익히는 목표",
}

_GOAL_TYPE_EXAMPLES: dict[GoalType, tuple[str, ...]] = {
    GoalType.RELATIONSHIP: ("부부관계 증진", "이웃관계형성"),
    GoalType.MAJOR_DECISION: ("시설입소", "거주지 이전"),
    GoalType.HARMFUL_BEHAVIOUR: ("폭력", "음주", "흡연", "생활습관"),
    GoalType.ENVIRONMENT: ("주거환경 개선", "이웃주민 지지체계 구축"),
    GoalType.RESOURCES: ("기초수급", "채무변제", "후원금 확보"),
    GoalType.ROLE_SKILLS: ("손자녀양육기술 습득", "일상생활기술"),
}

# Keyword patterns per goal type: the workbook's own list, not the textbook's.
_GOAL_TYPE_KEYWORDS: dict[GoalType, tuple[str, ...]] = {
    GoalType.RELATIONSHIP: (
        r"관계", r"부부", r"이웃(?!주민\s*지지)", r"대화", r"갈등", r"화해", r"소통", r"친구",
        r"모임", r"교류", r"왕래", r"연락", r"만남", r"고립",
    ),
    GoalType.MAJOR_DECISION: (
        r"시설", r"입소", r"요양원", r"그룹홈", r"거주지", r"이사", r"이혼", r"결정", r"선택",
        r"전입", r"전출",
    ),
    GoalType.HARMFUL_BEHAVIOUR: (
        r"폭력", r"폭언", r"학대", r"음주", r"(?<!기)술(?!관리)", r"과음", r"금주", r"단주",
        r"흡연", r"담배", r"금연", r"도박", r"생활\s*습관", r"게임", r"자해",
    ),
    GoalType.ENVIRONMENT: (
        r"주거", r"환경", r"집\s*수리", r"청소(?!년)", r"곰팡이", r"난방", r"보일러", r"위생",
        r"지지\s*체계", r"안전\s*바", r"단열",
    ),
    GoalType.RESOURCES: (
        r"수급", r"채무", r"빚", r"후원", r"급여", r"수당", r"연금", r"정보", r"자원",
        r"일자리", r"취업", r"소득", r"지원금", r"바우처", r"파산", r"회생", r"신청",
    ),
    GoalType.ROLE_SKILLS: (
        r"기술", r"양육", r"일상\s*생활", r"습득", r"익힌", r"익히", r"요리", r"돈\s*관리",
        r"가계부", r"복약", r"장보기", r"대중교통", r"배운", r"배우",
    ),
}


def suggest_goal_type(text: str) -> tuple[GoalType, ...]:
    """Suggest goal types for a goal by keywords, best match first.

    This is only a suggestion from a keyword list (the workbook's, not the textbook's):
    an empty tuple means no keyword matched, not that the goal has no type.
    """
    goal = _require_text(text, "목표 문장")
    scores: list[tuple[int, int, GoalType]] = []
    for order, goal_type in enumerate(GoalType):
        hits = sum(1 for pattern in _GOAL_TYPE_KEYWORDS[goal_type] if re.search(pattern, goal))
        if hits:
            scores.append((-hits, order, goal_type))
    return tuple(goal_type for _, _, goal_type in sorted(scores))


# --------------------------------------------------------------------------- planning mistakes
# The goal checks live in casework.goals (rules in casework/data/language/goal_rules.yaml);
# their names stay importable from here.

# --------------------------------------------------------------------------- service plan form


class PlanResult(str, Enum):
    """⑬ 이행여부 on the service plan and checklist form."""

    ACHIEVED = "달성"
    EXTENDED = "연장"
    REASSESS = "재사정"

    @classmethod
    def parse(cls, value: PlanResult | str | None) -> PlanResult | None:
        """Accept a member, its Korean label or English name; None or "" mean "not yet"."""
        if value is None:
            return None
        if isinstance(value, cls):
            return value
        if isinstance(value, str):
            text = value.strip()
            if not text:
                return None
            if text == "재사정 필요":
                return cls.REASSESS
            for member in cls:
                if text in (member.value, member.name, member.name.lower()):
                    return member
        raise CaseworkError(
            f"⑬ 이행여부에 알 수 없는 값이 있습니다: {value!r}. '달성', '연장', '재사정' 중 "
            "하나를 쓰거나, 아직 점검 전이면 비워 두세요."
        )


FIELD_LABELS: dict[str, str] = {
    "case_number": "① 관리번호",
    "client_name": "① 대상자명",
    "birth_date": "① 생년월일",
    "case_manager": "① 담당 사례관리자",
    "short_term_goal": "② 단기 성과목표",
    "long_term_goal": "② 장기 성과목표",
    "objective": "③ 개입목표",
    "service": "④ 서비스 내용",
    "priority": "⑤ 우선순위",
    "timing": "⑥ 개입시기",
    "start": "⑦ 서비스 시작일자",
    "end": "⑧ 서비스 종료일자",
    "times_per_week": "⑨ 횟수(회/1주당)",
    "provider": "⑩ 제공기관",
    "staff": "⑪ 담당자",
    "check_method": "⑫ 점검방법",
    "result": "⑬ 이행여부",
    "consent_from": "동의 시작일",
    "signed_on": "작성일",
    "client_signature": "⑭ 성명",
    "manager_signature": "⑮ 사례관리자",
}

_ITEM_FIELDS = (
    "objective", "service", "priority", "timing", "start", "end", "times_per_week",
    "provider", "staff", "check_method", "result",
)
ITEM_COLUMNS: tuple[str, ...] = tuple(FIELD_LABELS[f] for f in _ITEM_FIELDS)

# Workbook rule: at most three times a day, every day.
MAX_TIMES_PER_WEEK = 21

CONSENT_TEMPLATE = (
    "본인은 {from_date}부터 위에 적은 서비스를 제공받고 이용하는 데 동의합니다. 계획한 목표를 "
    "이루기 위해 적극적으로 참여하고 협력할 것을 서로 약속합니다. 또한 더 나은 생활 지원을 "
    "위하여, 협력하는 기관들과 본인 및 가족의 기초정보와 서비스 진행 과정에 관한 정보를 "
    "공유하는 데 동의합니다."
)
_BLANK_DATE = "      년      월      일"


def _korean_date(value: date | None) -> str:
    return _BLANK_DATE if value is None else korean_date(value)


def consent_text(from_date: date | None = None) -> str:
    """The consent statement of the form, with the start date filled in or left blank."""
    if from_date is not None and (not isinstance(from_date, date) or isinstance(from_date, datetime)):
        raise CaseworkError(
            f"동의 시작일은 날짜(date)여야 합니다: {from_date!r}. 예: date(2025, 3, 1)"
        )
    return CONSENT_TEMPLATE.format(from_date=_korean_date(from_date))


# ---- value checks shared by the dataclasses and the readers


EXCEL_CELL_LIMIT = 32_767


def _check_text(value: object, name: str, *, required: bool) -> str:
    label = FIELD_LABELS[name]
    if not isinstance(value, str):
        raise CaseworkError(f"{label} 칸에는 글을 적어야 합니다: {value!r}")
    if required and not value.strip():
        raise CaseworkError(f"{label} 칸이 비어 있습니다. 꼭 적어야 하는 칸입니다.")
    bad = [ch for ch in value if ord(ch) < 32 and ch not in "\n\t"]
    if bad:
        raise CaseworkError(f"{label} 칸에 보이지 않는 제어 문자(코드 {ord(bad[0])})가 들어 있습니다. 다른 프로그램에서 "
                            "붙여 넣을 때 딸려 온 것 같으니, 그 칸을 지우고 다시 적어 주세요.")
    if len(value) > EXCEL_CELL_LIMIT:
        raise CaseworkError(f"{label} 칸의 글이 너무 깁니다({len(value):,}자). 엑셀 칸 하나에는 {EXCEL_CELL_LIMIT:,}자까지 "
                            "들어가므로, 줄여서 적어 주세요.")
    return value


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    # pandas.NA / NaT without importing pandas
    return type(value).__name__ in {"NAType", "NaTType"}


def _check_date(value: object, name: str) -> date | None:
    """None, a date, or an ISO 'YYYY-MM-DD' string (parsed, never guessed)."""
    label = FIELD_LABELS[name]
    if _is_missing(value):
        return None
    if isinstance(value, datetime):
        raise CaseworkError(
            f"{label}에는 시각 없이 날짜만 넣으세요: {value!r}. 예: date(2025, 3, 1) 또는 '2025-03-01'"
        )
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        parsed = parse_date_text(value)
        if parsed is not None:
            return parsed
    raise CaseworkError(
        f"{label}의 날짜를 읽을 수 없습니다: {value!r}. '2025-03-01'이나 '2025.3.1'처럼 연, 월, 일 순서로 쓰세요."
    )


def _check_int(value: object, name: str, *, low: int, high: int | None, required: bool) -> int | None:
    label = FIELD_LABELS[name]
    if _is_missing(value):
        if required:
            raise CaseworkError(f"{label}{particle(str(label), '이')} 비어 있습니다. {low} 이상의 정수를 넣으세요.")
        return None
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise CaseworkError(f"{label}{particle(str(label), '은')} 정수로 넣어야 합니다: {value!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bound = f"{low} 이상 {high} 이하" if high is not None else f"{low} 이상"
        raise CaseworkError(f"{label}{particle(str(label), '은')} {bound}의 정수여야 합니다: {number}")
    return number


@dataclass(frozen=True)
class ServicePlanItem:
    """One row of the form: ③ objective to ⑬ result.

    Dates accept ``datetime.date`` or an ISO string ('2025-03-01'); ``result`` accepts a
    :class:`PlanResult`, its label, or None/"" while not yet checked. ``times_per_week`` is
    None when the service is not weekly (e.g. a one-off referral).
    """

    objective: str
    service: str
    priority: int
    timing: str = ""
    start: date | None = None
    end: date | None = None
    times_per_week: int | None = None
    provider: str = ""
    staff: str = ""
    check_method: str = ""
    result: PlanResult | None = None

    def __post_init__(self) -> None:
        _check_text(self.objective, "objective", required=True)
        _check_text(self.service, "service", required=True)
        for name in ("timing", "provider", "staff", "check_method"):
            _check_text(getattr(self, name), name, required=False)
        _check_int(self.priority, "priority", low=1, high=None, required=True)
        _check_int(self.times_per_week, "times_per_week", low=1, high=MAX_TIMES_PER_WEEK,
                   required=False)
        start = _check_date(self.start, "start")
        end = _check_date(self.end, "end")
        if start and end and end < start:
            raise CaseworkError(
                f"{FIELD_LABELS['end']}({end.isoformat()})가 {FIELD_LABELS['start']}"
                f"({start.isoformat()})보다 앞섭니다. 종료일은 시작일과 같거나 뒤여야 합니다."
            )
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "result", PlanResult.parse(self.result))

    def as_row(self) -> dict[str, Any]:
        """The row keyed by the form's column labels (③–⑬); result as its label or ""."""
        row: dict[str, Any] = {FIELD_LABELS[f]: getattr(self, f) for f in _ITEM_FIELDS}
        row[FIELD_LABELS["result"]] = self.result.value if self.result else ""
        return row

    @classmethod
    def from_row(cls, row: Mapping[str, Any], *, where: str = "") -> ServicePlanItem:
        """Build an item from a row keyed by the column labels (as read from a table)."""
        prefix = f"{where}: " if where else ""
        try:
            values: dict[str, Any] = {}
            for name in _ITEM_FIELDS:
                value = row.get(FIELD_LABELS[name])
                if name in ("timing", "provider", "staff", "check_method", "result"):
                    value = "" if _is_missing(value) else value
                elif name in ("start", "end"):
                    value = _cell_date(value, name)
                elif name in ("priority", "times_per_week"):
                    value = _cell_int(value, name)
                values[name] = value
            return cls(**values)
        except CaseworkError as exc:
            raise CaseworkError(f"{prefix}{exc}") from None


def _cell_date(value: object, name: str) -> object:
    """Dates as a spreadsheet gives them: midnight datetimes and Timestamps become dates."""
    if _is_missing(value):
        return None
    if isinstance(value, datetime):
        if (value.hour, value.minute, value.second, value.microsecond) != (0, 0, 0, 0):
            raise CaseworkError(f"{FIELD_LABELS[name]}에 시각이 들어 있습니다: {value!r}. 날짜만 넣으세요.")
        return value.date()
    return value


def _cell_int(value: object, name: str) -> object:
    """Whole floats from a spreadsheet or DataFrame (2.0) become ints; 2.5 stays and is refused."""
    if isinstance(value, float) and not math.isnan(value) and value.is_integer():
        return int(value)
    if isinstance(value, numbers.Integral) and not isinstance(value, bool):
        return int(value)
    return value


_HEADER_FIELDS = (
    "case_number", "client_name", "birth_date", "case_manager", "short_term_goal",
    "long_term_goal",
)


@dataclass(frozen=True)
class ServicePlan:
    """The service plan and checklist form (서비스제공 계획 및 점검표), fields ①–⑮.

    ``consent_from`` is the date from which the person agrees to the services (the date in the
    consent sentence); ``signed_on`` the date written under it; the two signatures are the
    names written at ⑭ and ⑮ (empty while unsigned). 생년월일 is personal data: keep the file
    where only the people in the consent statement can see it.
    """

    case_number: str
    client_name: str
    case_manager: str
    birth_date: date | None = None
    short_term_goal: str = ""
    long_term_goal: str = ""
    items: tuple[ServicePlanItem, ...] = ()
    consent_from: date | None = None
    signed_on: date | None = None
    client_signature: str = ""
    manager_signature: str = ""

    def __post_init__(self) -> None:
        for name in ("case_number", "client_name", "case_manager"):
            _check_text(getattr(self, name), name, required=True)
        for name in ("short_term_goal", "long_term_goal", "client_signature", "manager_signature"):
            _check_text(getattr(self, name), name, required=False)
        birth = _check_date(self.birth_date, "birth_date")
        if birth is not None and not date(1900, 1, 1) <= birth <= date.today():
            raise CaseworkError(
                f"{FIELD_LABELS['birth_date']}{particle(str(FIELD_LABELS['birth_date']), '이')} 있을 수 없는 날짜입니다: {birth.isoformat()}. "
                "1900년 이후, 오늘 이전의 날짜를 넣으세요."
            )
        consent_from = _check_date(self.consent_from, "consent_from")
        signed_on = _check_date(self.signed_on, "signed_on")
        if isinstance(self.items, (str, bytes)) or not isinstance(self.items, Iterable):
            raise CaseworkError("items에는 ServicePlanItem 여러 개를 목록으로 넣으세요.")
        items = tuple(self.items)
        for index, item in enumerate(items, start=1):
            if not isinstance(item, ServicePlanItem):
                raise CaseworkError(
                    f"{index}번째 서비스 항목이 ServicePlanItem이 아닙니다: {item!r}"
                )
        object.__setattr__(self, "birth_date", birth)
        object.__setattr__(self, "consent_from", consent_from)
        object.__setattr__(self, "signed_on", signed_on)
        object.__setattr__(self, "items", items)

    # ---- convenience

    def add_item(self, item: ServicePlanItem) -> ServicePlan:
        """A copy of the plan with one more service row."""
        if not isinstance(item, ServicePlanItem):
            raise CaseworkError(f"추가할 항목은 ServicePlanItem이어야 합니다: {item!r}")
        return replace(self, items=(*self.items, item))

    def consent_text(self) -> str:
        """The consent statement with this plan's start date (blank if not set)."""
        return consent_text(self.consent_from)

    # ---- pandas

    def to_dataframe(self) -> pd.DataFrame:
        """The items table (③–⑬) as a DataFrame with the form's Korean column labels."""
        import pandas as pd

        frame = pd.DataFrame([item.as_row() for item in self.items], columns=list(ITEM_COLUMNS))
        for name in ("priority", "times_per_week"):
            frame[FIELD_LABELS[name]] = frame[FIELD_LABELS[name]].astype("Int64")
        return frame

    @classmethod
    def from_dataframe(cls, frame: pd.DataFrame, **header: Any) -> ServicePlan:
        """Rebuild a plan from :meth:`to_dataframe` output plus the header fields as keywords.

        The columns must be exactly the form's labels (:data:`ITEM_COLUMNS`), in any order.
        """
        import pandas as pd

        if not isinstance(frame, pd.DataFrame):
            raise CaseworkError(f"pandas DataFrame을 넣어야 합니다: {type(frame).__name__}")
        columns = [str(c) for c in frame.columns]
        unknown = [c for c in columns if c not in ITEM_COLUMNS]
        missing = [c for c in ITEM_COLUMNS if c not in columns]
        if unknown:
            raise CaseworkError(
                f"서비스제공 계획표에 없는 열이 있습니다: {', '.join(unknown)}. "
                f"열 이름은 {', '.join(ITEM_COLUMNS)} 이어야 합니다."
            )
        if missing:
            raise CaseworkError(f"서비스제공 계획표의 열이 빠졌습니다: {', '.join(missing)}")
        allowed = set(cls.__dataclass_fields__) - {"items"}
        extra = sorted(set(header) - allowed)
        if extra:
            raise CaseworkError(
                f"알 수 없는 머리말 항목입니다: {', '.join(extra)}. 쓸 수 있는 항목: "
                f"{', '.join(sorted(allowed))}"
            )
        items = []
        for number, (_, row) in enumerate(frame.iterrows(), start=1):
            values = {str(k): (None if _is_missing(v) else v) for k, v in row.items()}
            items.append(ServicePlanItem.from_row(values, where=f"{number}번째 행"))
        return cls(items=tuple(items), **header)

    # ---- Excel

    def to_excel(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
        """Write the form as an .xlsx workbook laid out like the paper form; return the path.

        Written to a temporary file in the same folder and moved into place, so a failure
        never leaves half a file. An existing file is replaced only with ``overwrite=True``.
        """
        target = _check_output_path(path, overwrite=overwrite, suffix=".xlsx")
        workbook = self._build_workbook()
        _atomic_write(target, workbook.save)
        return target

    def _build_workbook(self):  # -> openpyxl.Workbook
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
        from openpyxl.worksheet.datavalidation import DataValidation
        from openpyxl.worksheet.properties import PageSetupProperties
        from openpyxl.worksheet.worksheet import Worksheet

        wb = Workbook()
        ws = wb.active
        assert isinstance(ws, Worksheet)  # a new workbook starts with one worksheet
        ws.title = _SHEET_TITLE
        thin = Side(style="thin", color="444444")
        box = Border(left=thin, right=thin, top=thin, bottom=thin)
        label_fill = PatternFill("solid", fgColor="E8EEF5")
        bold = Font(bold=True)
        wrap = Alignment(wrap_text=True, vertical="top")
        center = Alignment(horizontal="center", vertical="center", wrap_text=True)

        def put(ref: str, value: object, *, label: bool = False, number_format: str | None = None):
            cell = ws[ref]
            cell.value = None if value == "" else value  # empty cells stay truly empty
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # user text, never a formula
            cell.border = box
            if label:
                cell.font = bold
                cell.fill = label_fill
                cell.alignment = center
            else:
                cell.alignment = wrap
            if number_format:
                cell.number_format = number_format
            return cell

        ws.merge_cells("A1:K1")
        ws["A1"] = _SHEET_TITLE
        ws["A1"].font = Font(bold=True, size=16)
        ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
        ws.row_dimensions[1].height = 30

        put("A3", FIELD_LABELS["case_number"], label=True)
        put("B3", self.case_number)
        put("C3", "대상자명", label=True)
        put("D3", self.client_name)
        put("E3", "생년월일", label=True)
        put("F3", self.birth_date, number_format="yyyy-mm-dd")
        put("G3", "담당 사례관리자", label=True)
        ws.merge_cells("H3:K3")
        put("H3", self.case_manager)

        put("A4", "② 성과목표", label=True)
        put("B4", "단기 성과목표", label=True)
        ws.merge_cells("C4:F4")
        put("C4", self.short_term_goal)
        put("G4", "장기 성과목표", label=True)
        ws.merge_cells("H4:K4")
        put("H4", self.long_term_goal)
        ws.row_dimensions[4].height = 36

        header_row = _ITEMS_HEADER_ROW
        for col, label in enumerate(ITEM_COLUMNS, start=1):
            put(f"{_col(col)}{header_row}", label, label=True)
        ws.row_dimensions[header_row].height = 32
        row = header_row
        for row, item in enumerate(self.items, start=header_row + 1):
            values = item.as_row()
            for col, label in enumerate(ITEM_COLUMNS, start=1):
                fmt = "yyyy-mm-dd" if label in (FIELD_LABELS["start"], FIELD_LABELS["end"]) else None
                put(f"{_col(col)}{row}", values[label], number_format=fmt)
        if self.items:
            check = DataValidation(type="list", formula1='"달성,연장,재사정"', allow_blank=True)
            check.error = "달성, 연장, 재사정 중 하나를 고르세요."
            ws.add_data_validation(check)
            check.add(f"K{header_row + 1}:K{row}")

        consent_row = row + 2
        ws[f"A{consent_row}"] = _CONSENT_LABEL
        ws[f"A{consent_row}"].font = bold
        ws.merge_cells(f"A{consent_row + 1}:K{consent_row + 1}")
        ws[f"A{consent_row + 1}"] = self.consent_text()
        ws[f"A{consent_row + 1}"].alignment = wrap
        ws.row_dimensions[consent_row + 1].height = 48
        ws.merge_cells(f"A{consent_row + 2}:K{consent_row + 2}")
        ws[f"A{consent_row + 2}"] = _korean_date(self.signed_on)
        ws[f"A{consent_row + 2}"].alignment = Alignment(horizontal="right")
        for offset, name in ((3, "client_signature"), (4, "manager_signature")):
            r = consent_row + offset
            ws[f"H{r}"] = f"{FIELD_LABELS[name]}:"
            ws[f"H{r}"].font = bold
            ws[f"H{r}"].alignment = Alignment(horizontal="right")
            ws.merge_cells(f"I{r}:J{r}")
            signature = getattr(self, name)
            ws[f"I{r}"] = signature or None
            if signature.startswith("="):
                ws[f"I{r}"].data_type = "s"
            ws[f"I{r}"].border = Border(bottom=thin)
            ws[f"K{r}"] = "(인)"

        for col, width in enumerate(_COLUMN_WIDTHS, start=1):
            ws.column_dimensions[_col(col)].width = width
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_title_rows = f"{header_row}:{header_row}"
        fit_row_heights(ws)
        return wb

    @classmethod
    def from_excel(cls, path: str | os.PathLike[str]) -> ServicePlan:
        """Read back a workbook written by :meth:`to_excel` (the layout is checked)."""
        from openpyxl import load_workbook

        source = Path(path)
        if source.suffix.lower() != ".xlsx":
            raise CaseworkError(f"'.xlsx' 파일만 읽을 수 있습니다: {source.name}")
        if not source.is_file():
            raise CaseworkError(f"파일이 없습니다: {source}")
        try:
            wb = load_workbook(source)
        except Exception as exc:  # openpyxl raises several unrelated types
            raise CaseworkError(f"엑셀 파일을 열 수 없습니다: {source.name} ({exc})") from None
        if _SHEET_TITLE not in wb.sheetnames:
            raise CaseworkError(
                f"{source.name}에 '{_SHEET_TITLE}' 시트가 없습니다. 워크북이 만든 파일인지 확인하세요."
            )
        ws = wb[_SHEET_TITLE]

        def expect(ref: str, label: str) -> None:
            if ws[ref].value != label:
                raise CaseworkError(
                    f"{source.name}의 {ref} 칸에 '{label}'{particle(str(label), '이')} 있어야 합니다(지금: {ws[ref].value!r}). "
                    "양식의 틀을 바꾸지 말고 값만 고쳐 주세요."
                )

        def text(ref: str) -> str:
            value = ws[ref].value
            return "" if value is None else value if isinstance(value, str) else str(value)

        for ref, label in (("A3", FIELD_LABELS["case_number"]), ("C3", "대상자명"),
                           ("E3", "생년월일"), ("G3", "담당 사례관리자"),
                           ("A4", "② 성과목표"), ("B4", "단기 성과목표"), ("G4", "장기 성과목표")):
            expect(ref, label)
        for col, label in enumerate(ITEM_COLUMNS, start=1):
            expect(f"{_col(col)}{_ITEMS_HEADER_ROW}", label)

        try:
            items = []
            row = _ITEMS_HEADER_ROW + 1
            while any(ws.cell(row, col).value not in (None, "") for col in range(1, 12)):
                values = {label: ws.cell(row, col).value for col, label in enumerate(ITEM_COLUMNS, 1)}
                items.append(ServicePlanItem.from_row(values, where=f"{source.name} {row}행"))
                row += 1
            consent_row = row + 1
            expect(f"A{consent_row}", _CONSENT_LABEL)
            consent_from = _parse_consent_date(text(f"A{consent_row + 1}"), source.name)
            signed_on = _parse_korean_date(text(f"A{consent_row + 2}"), "작성일", source.name)
            expect(f"H{consent_row + 3}", f"{FIELD_LABELS['client_signature']}:")
            expect(f"H{consent_row + 4}", f"{FIELD_LABELS['manager_signature']}:")
            return cls(
                case_number=text("B3"),
                client_name=text("D3"),
                birth_date=_check_date(_cell_date(ws["F3"].value, "birth_date"), "birth_date"),
                case_manager=text("H3"),
                short_term_goal=text("C4"),
                long_term_goal=text("H4"),
                items=tuple(items),
                consent_from=consent_from,
                signed_on=signed_on,
                client_signature=text(f"I{consent_row + 3}"),
                manager_signature=text(f"I{consent_row + 4}"),
            )
        except CaseworkError as exc:
            message = str(exc)
            if source.name not in message:
                message = f"{source.name}: {message}"
            raise CaseworkError(message) from None

    # ---- HTML

    def to_html(self, *, full_document: bool = True) -> str:
        """Printable HTML of the form; all user text is escaped.

        With ``full_document=False`` only the styled ``<div>`` is returned (for a notebook).
        """
        e = _esc
        header = (
            "<table class='cw-head'>"
            f"<tr><th>{e(FIELD_LABELS['case_number'])}</th><td>{e(self.case_number)}</td>"
            f"<th>대상자명</th><td>{e(self.client_name)}</td>"
            f"<th>생년월일</th><td>{e(_iso(self.birth_date))}</td>"
            f"<th>담당 사례관리자</th><td>{e(self.case_manager)}</td></tr>"
            f"<tr><th>② 성과목표</th><th>단기 성과목표</th><td colspan='2'>{e(self.short_term_goal)}</td>"
            f"<th>장기 성과목표</th><td colspan='3'>{e(self.long_term_goal)}</td></tr>"
            "</table>"
        )
        head_cells = "".join(f"<th>{e(label)}</th>" for label in ITEM_COLUMNS)
        body_rows = []
        for item in self.items:
            cells = [
                e(item.objective), e(item.service), str(item.priority), e(item.timing),
                e(_iso(item.start)), e(_iso(item.end)),
                "" if item.times_per_week is None else str(item.times_per_week),
                e(item.provider), e(item.staff), e(item.check_method), _result_boxes(item.result),
            ]
            body_rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        if not body_rows:
            body_rows.append(f"<tr><td colspan='{len(ITEM_COLUMNS)}' class='empty'>"
                             "아직 적은 서비스가 없습니다.</td></tr>")
        items = (
            "<table class='cw-items'><thead><tr>" + head_cells + "</tr></thead><tbody>"
            + "".join(body_rows) + "</tbody></table>"
        )
        signatures = "".join(
            f"<p>{e(FIELD_LABELS[name])}: <span class='sign'>{e(getattr(self, name))}</span> (인)</p>"
            for name in ("client_signature", "manager_signature")
        )
        fragment = (
            f"<div class='cw-plan'><style>{_CSS}</style>"
            f"<h1>{_SHEET_TITLE}</h1>{header}{items}"
            f"<section class='consent'><h2>{_CONSENT_LABEL}</h2><p>{e(self.consent_text())}</p>"
            f"<p class='date'>{e(_korean_date(self.signed_on))}</p>"
            f"<div class='signatures'>{signatures}</div></section></div>"
        )
        if not full_document:
            return fragment
        return (
            "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>"
            f"<title>{_SHEET_TITLE} - {e(self.case_number)}</title></head>"
            f"<body>{fragment}</body></html>"
        )

    def _repr_html_(self) -> str:
        return self.to_html(full_document=False)


_SHEET_TITLE = "서비스제공 계획 및 점검표"
_CONSENT_LABEL = "서비스 이용 동의"
_ITEMS_HEADER_ROW = 6
_COLUMN_WIDTHS = (30, 30, 9, 12, 14, 14, 11, 16, 11, 16, 13)

_CSS = (
    ".cw-plan{font-family:'Malgun Gothic','Apple SD Gothic Neo','Noto Sans KR','NanumGothic',sans-serif;"
    "font-size:10.5pt;color:#111;max-width:280mm}"
    ".cw-plan h1{font-size:16pt;text-align:center;margin:0 0 8pt}"
    ".cw-plan h2{font-size:11pt;margin:0 0 4pt}"
    ".cw-plan table{border-collapse:collapse;width:100%;margin:0 0 8pt}"
    # !important: JupyterLab's output styles right-align and centre table cells more specifically.
    ".cw-plan th,.cw-plan td{border:1px solid #444 !important;padding:3pt 5pt !important;"
    "vertical-align:top !important;text-align:left !important}"
    ".cw-plan th{background:#e8eef5;font-weight:600}"
    ".cw-plan td.empty{color:#666;text-align:center !important}"
    ".cw-plan .consent{border:1px solid #444;padding:6pt 8pt;line-height:1.6}"
    ".cw-plan .date,.cw-plan .signatures{text-align:right}"
    ".cw-plan .sign{display:inline-block;min-width:30mm;border-bottom:1px solid #444}"
    "@media print{@page{size:A4 landscape;margin:12mm}"
    ".cw-plan{max-width:none}.cw-plan th{background:none}"
    ".cw-plan tr,.cw-plan .consent{page-break-inside:avoid}}"
)


def _esc(value: str) -> str:
    return html.escape(value, quote=True)


def _iso(value: date | None) -> str:
    return "" if value is None else value.isoformat()


def _result_boxes(result: PlanResult | None) -> str:
    return " ".join(
        f"{'☑' if member is result else '☐'} {member.value}" for member in PlanResult
    )


def _col(number: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[number - 1]


_KOREAN_DATE = re.compile(r"(\d{4})\s*년\s*(\d{1,2})\s*월\s*(\d{1,2})\s*일")
_BLANK_KOREAN_DATE = re.compile(r"^\s*년\s*월\s*일\s*$")


def _parse_korean_date(value: str, what: str, file_name: str) -> date | None:
    if _BLANK_KOREAN_DATE.match(value):
        return None
    match = _KOREAN_DATE.fullmatch(value.strip())
    if not match:
        raise CaseworkError(f"{file_name}: {what}{particle(str(what), '을')} 읽을 수 없습니다: {value!r}. '2025년 3월 1일'처럼 쓰세요.")
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        raise CaseworkError(f"{file_name}: {what}{particle(str(what), '이')} 없는 날짜입니다: {value!r}") from None


def _parse_consent_date(sentence: str, file_name: str) -> date | None:
    prefix, sep, _ = sentence.partition("부터")
    if not sep or not prefix.startswith("본인은"):
        raise CaseworkError(f"{file_name}: 동의 문구를 알아볼 수 없습니다. 양식의 동의 문구를 지우지 마세요.")
    return _parse_korean_date(prefix[len("본인은"):], FIELD_LABELS["consent_from"], file_name)


def _check_output_path(path: str | os.PathLike[str], *, overwrite: bool, suffix: str) -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise CaseworkError(f"저장할 파일 경로를 글자로 넣으세요: {path!r}")
    target = Path(path)
    if target.suffix.lower() != suffix:
        raise CaseworkError(f"파일 이름이 '{suffix}'로 끝나야 합니다: {target.name}")
    if not target.parent.is_dir():
        raise CaseworkError(f"저장할 폴더가 없습니다: {target.parent}")
    if target.is_dir():
        raise CaseworkError(f"같은 이름의 폴더가 있습니다: {target}")
    if target.exists() and not overwrite:
        raise CaseworkError(
            f"이미 파일이 있습니다: {target.name}. 덮어쓰려면 overwrite=True 를 넣으세요."
        )
    return target


def _atomic_write(target: Path, save) -> None:
    from casework._util.fs import atomic_write

    atomic_write(target, save, overwrite=True)  # _check_output_path already asked about it
