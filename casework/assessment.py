"""Assessment: needs by domain, intake information, functional assessment and intake triage.

Sources
- 정보수집, 초기상담결과 처리, 복합적 욕구: 광진구청 희망나눔팀 학습동아리 교재 (seed 003).
- K-ADL: 원장원 외 (2002), 「한국형 일상생활활동 측정도구(K-ADL)와 한국형 도구적
  일상생활활동 측정도구(K-IADL)의 개발」, 대한노인병학회지 6(2), 107–120.
- Lawton IADL: Lawton, M. P. & Brody, E. M. (1969), "Assessment of older people:
  self-maintaining and instrumental activities of daily living", The Gerontologist 9(3), 179–186.

Where the textbook names factors but gives no rule (the triage table, what counts as
"connected"), the rule here is the workbook's own teaching rule and is marked as such.
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from casework._util.text import particle
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.labels import parse_member

__all__ = [
    "SEVERITY_WORDS", "ProblemTiming", "AssessedNeed", "needs_by_domain", "prioritised", "is_complex",
    "connected_groups",
    "StrengthKind", "WeaknessKind", "Strength", "Weakness", "IntakeInformation",
    "KADL_ITEMS", "KADL_LEVELS", "KADL_SOURCE", "KadlResult", "score_kadl",
    "LAWTON_IADL_ITEMS", "LAWTON_ITEMS_OMITTED_FOR_MEN_IN_ORIGINAL", "LAWTON_SOURCE", "LAWTON_SCORING_NOTE",
    "LawtonResult", "score_lawton_iadl",
    "ProcessingType", "ProblemType", "IntakeSummary", "TriageResult", "triage_intake",
    "CAUTION_NO_HOSTILITY", "CAUTION_NOT_REFUSED", "INTAKE_CAUTIONS", "TRIAGE_RULE",
]


# ---------------------------------------------------------------------------
# Small validators (Korean messages, never silent fixes)
# ---------------------------------------------------------------------------

def _require_int(value: object, what: str, low: int, high: int | None = None) -> int:
    # bool is a subclass of int; True must not pass as 1.
    if isinstance(value, bool) or not isinstance(value, int):
        rng = f"{low}~{high}" if high is not None else f"{low} 이상"
        raise CaseworkError(
            f"{what}{particle(str(what), '은')} 정수여야 합니다({rng}). 받은 값: {value!r} ({type(value).__name__})"
        )
    if value < low or (high is not None and value > high):
        rng = f"{low}~{high}" if high is not None else f"{low} 이상"
        raise CaseworkError(f"{what}{particle(str(what), '은')} {rng} 사이의 정수여야 합니다. 받은 값: {value}")
    return value


def _require_text(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CaseworkError(f"{what}{particle(str(what), '을')} 비어 있지 않은 글로 적어 주세요. 받은 값: {value!r}")
    return value.strip()


def _require_bool(value: object, what: str) -> bool:
    if not isinstance(value, bool):
        raise CaseworkError(f"{what}{particle(str(what), '은')} True(예) 또는 False(아니오)로 적어 주세요. 받은 값: {value!r}")
    return value


def _text_tuple(values: object, what: str) -> tuple[str, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise CaseworkError(f"{what}{particle(str(what), '은')} 글의 목록(리스트)으로 적어 주세요. 받은 값: {values!r}")
    return tuple(_require_text(v, what) for v in values)


# ---------------------------------------------------------------------------
# Assessed needs
# ---------------------------------------------------------------------------

class ProblemTiming(str, Enum):
    """Whether a problem needs help now or may arise later (현재 문제 / 잠재적인 문제)."""

    CURRENT = "현재 문제"
    POTENTIAL = "잠재적인 문제"

    @classmethod
    def parse(cls, value: ProblemTiming | str) -> ProblemTiming:
        """Accept the enum, its Korean label, '현재'/'잠재', or the English name."""
        if isinstance(value, ProblemTiming):
            return value
        if isinstance(value, str):
            text = value.strip()
            aliases = {"현재": cls.CURRENT, "잠재": cls.POTENTIAL, "잠재적": cls.POTENTIAL}
            if text in aliases:
                return aliases[text]
            for member in cls:
                if text in (member.value, member.name, member.name.lower()):
                    return member
        raise CaseworkError(
            f"문제의 시점은 '현재 문제' 또는 '잠재적인 문제'로 적어 주세요. 받은 값: {value!r}"
        )


SEVERITY_WORDS: dict[int, str] = {1: "가벼움", 2: "조금 어려움", 3: "보통", 4: "심각", 5: "매우 심각"}
"""Workbook words for the 1–5 severity scale (the textbook gives no scale)."""


@dataclass(frozen=True)
class AssessedNeed:
    """One assessed need.

    ``severity`` is 1..5 (5 most severe); ``priority`` is 1, 2, ... (1 is dealt with first).
    ``key`` names the need so that other needs can point at it in ``connected_to``;
    it defaults to the description. Links are read in both directions.
    """

    domain: Domain
    description: str
    severity: int
    priority: int
    timing: ProblemTiming = ProblemTiming.CURRENT
    key: str = ""
    connected_to: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "domain", Domain.parse(self.domain))
        object.__setattr__(self, "description", _require_text(self.description, "욕구 설명"))
        _require_int(self.severity, "심각도(severity)", 1, 5)
        _require_int(self.priority, "우선순위(priority)", 1)
        object.__setattr__(self, "timing", ProblemTiming.parse(self.timing))
        if not isinstance(self.key, str):
            raise CaseworkError(f"욕구의 이름(key)은 글이어야 합니다. 받은 값: {self.key!r}")
        object.__setattr__(self, "key", self.key.strip() or self.description)
        links = _text_tuple(self.connected_to, "연결된 욕구(connected_to)")
        if self.key in links:
            raise CaseworkError(f"욕구 '{self.key}'가 자기 자신과 연결되어 있습니다. 다른 욕구의 이름을 적어 주세요.")
        object.__setattr__(self, "connected_to", links)


def _check_needs(needs: Iterable[AssessedNeed], what: str = "욕구 목록") -> list[AssessedNeed]:
    if isinstance(needs, (str, bytes)) or not isinstance(needs, Iterable):
        raise CaseworkError(f"{what}{particle(str(what), '은')} AssessedNeed의 목록이어야 합니다. 받은 값: {needs!r}")
    items = list(needs)
    for item in items:
        if not isinstance(item, AssessedNeed):
            raise CaseworkError(
                f"{what}에 AssessedNeed가 아닌 값이 있습니다: {item!r}. AssessedNeed(...)로 만들어 주세요."
            )
    return items


def needs_by_domain(needs: Iterable[AssessedNeed]) -> dict[Domain, list[AssessedNeed]]:
    """Group needs by domain. Keys follow Domain's order; only domains with needs appear."""
    items = _check_needs(needs)
    return {d: [n for n in items if n.domain is d] for d in Domain if any(n.domain is d for n in items)}


def prioritised(needs: Iterable[AssessedNeed]) -> list[AssessedNeed]:
    """Needs in working order: priority 1 first; within a priority, the more severe first."""
    return sorted(_check_needs(needs), key=lambda n: (n.priority, -n.severity))


def _adjacency(items: list[AssessedNeed]) -> dict[str, set[str]]:
    keys = [n.key for n in items]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        raise CaseworkError(
            f"같은 이름(key)의 욕구가 둘 이상 있습니다: {', '.join(dupes)}. 각 욕구에 다른 key를 붙여 주세요."
        )
    graph: dict[str, set[str]] = {k: set() for k in keys}
    for need in items:
        for other in need.connected_to:
            if other not in graph:
                raise CaseworkError(
                    f"욕구 '{need.key}'가 목록에 없는 욕구 '{other}'와 연결되어 있습니다. "
                    "연결할 욕구도 목록에 넣거나 이름을 고쳐 주세요."
                )
            graph[need.key].add(other)
            graph[other].add(need.key)
    return graph


def connected_groups(needs: Iterable[AssessedNeed]) -> list[list[AssessedNeed]]:
    """Groups of two or more needs joined by ``connected_to`` links (in input order)."""
    items = _check_needs(needs)
    graph = _adjacency(items)
    by_key = {n.key: n for n in items}
    seen: set[str] = set()
    groups: list[list[AssessedNeed]] = []
    for need in items:
        if need.key in seen:
            continue
        stack, members = [need.key], set()
        while stack:
            k = stack.pop()
            if k in members:
                continue
            members.add(k)
            stack.extend(graph[k] - members)
        seen |= members
        if len(members) > 1:
            groups.append([by_key[n.key] for n in items if n.key in members])
    return groups


def is_complex(needs: Iterable[AssessedNeed]) -> bool:
    """Are these needs complex (복합적 욕구)?

    Following the textbook, complex means problems that are connected with each other, not
    merely many or severe ones. The workbook models the connection as an explicit
    ``connected_to`` link, so: complex if and only if at least two needs are linked.
    """
    return bool(connected_groups(needs))


# ---------------------------------------------------------------------------
# Intake information: problems, strengths, weaknesses (seed 003 정보수집)
# ---------------------------------------------------------------------------

class StrengthKind(str, Enum):
    """Strengths the textbook lists; the list ends in '등', so 기타 is allowed too."""

    SUPPORT_SYSTEM = "지지체계"
    TALENT = "재능"
    SUCCESS_EXPERIENCE = "성공경험"
    CAPACITY = "역량"
    POSITIVE_ATTITUDE = "긍정적인 태도"
    OTHER = "기타"


class WeaknessKind(str, Enum):
    """Weaknesses the textbook lists; the list ends in '등', so 기타 is allowed too."""

    NO_EXTERNAL_SUPPORT = "외부 지지체계 부재/부족"
    LACK_OF_EXPERIENCE = "경험부족"
    LACK_OF_INFORMATION = "정보부족"
    NEGATIVE_ATTITUDE = "부정적인 태도"
    EVENT_SEEN_AS_FAILURE = "실패라고 규정한 사건"
    OTHER = "기타"


def _parse_kind(enum_cls: type[Enum], value: object, what: str) -> Enum:
    return parse_member(enum_cls, value, f"{what} 종류")


@dataclass(frozen=True)
class Strength:
    """A strength of the person, with a concrete note (e.g. '딸이 주 1회 방문')."""

    kind: StrengthKind
    note: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _parse_kind(StrengthKind, self.kind, "강점"))
        object.__setattr__(self, "note", _require_text(self.note, "강점의 구체적인 내용"))


@dataclass(frozen=True)
class Weakness:
    """A weakness of the person's situation, with a concrete note."""

    kind: WeaknessKind
    note: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _parse_kind(WeaknessKind, self.kind, "약점"))
        object.__setattr__(self, "note", _require_text(self.note, "약점의 구체적인 내용"))


@dataclass(frozen=True)
class IntakeInformation:
    """What the first interview gathers: current and potential problems, strengths, weaknesses."""

    current_problems: tuple[str, ...] = ()
    potential_problems: tuple[str, ...] = ()
    strengths: tuple[Strength, ...] = ()
    weaknesses: tuple[Weakness, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "current_problems", _text_tuple(self.current_problems, "현재 문제"))
        object.__setattr__(self, "potential_problems", _text_tuple(self.potential_problems, "잠재적인 문제"))
        for name, cls, label in (("strengths", Strength, "강점"), ("weaknesses", Weakness, "약점")):
            values = getattr(self, name)
            if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
                raise CaseworkError(f"{label} 목록은 {cls.__name__}의 목록이어야 합니다. 받은 값: {values!r}")
            values = tuple(values)
            for v in values:
                if not isinstance(v, cls):
                    raise CaseworkError(
                        f"{label} 목록에 {cls.__name__}가 아닌 값이 있습니다: {v!r}. "
                        f"{cls.__name__}(kind=..., note=...)로 만들어 주세요."
                    )
            object.__setattr__(self, name, values)

    def missing(self) -> list[str]:
        """Korean reminders of what has not been gathered yet; empty when all four parts exist."""
        notes: list[str] = []
        if not self.current_problems:
            notes.append("지금 도움이 필요한 '현재 문제'가 아직 기록되지 않았습니다. 당사자가 말한 어려움을 그대로 적어 두세요.")
        if not self.potential_problems:
            notes.append(
                "'잠재적인 문제'가 비어 있습니다. 지금은 괜찮지만 앞으로 생길 수 있는 어려움"
                "(예: 건강이 나빠지면 혼자 장보기가 어려워질 수 있음)도 살펴보세요."
            )
        if not self.strengths:
            notes.append(
                "강점이 하나도 기록되지 않았습니다. 지지체계, 재능, 성공경험, 역량, 긍정적인 태도 가운데 "
                "당사자에게 있는 것을 찾아 적어 주세요. 강점은 해결 방법을 찾는 출발점입니다."
            )
        if not self.weaknesses:
            notes.append(
                "약점이 기록되지 않았습니다. 외부 지지체계 부재/부족, 경험부족, 정보부족, 부정적인 태도, "
                "실패라고 규정한 사건 등이 있는지 확인해 주세요."
            )
        return notes

    @property
    def is_complete(self) -> bool:
        """True when nothing is missing."""
        return not self.missing()


# ---------------------------------------------------------------------------
# Functional assessment (기능평가)
# ---------------------------------------------------------------------------

# The workbook brief cited 대한가정의학회지; the development paper's own journal page and later
# citations (Won CW et al., J Korean Geriatr Soc 2002;6:107-20) give 대한노인병학회지, used here.
KADL_SOURCE = (
    "원장원 외 (2002). 한국형 일상생활활동 측정도구(K-ADL)와 한국형 도구적 일상생활활동 "
    "측정도구(K-IADL)의 개발. 대한노인병학회지 6(2), 107–120."
)

# Short labels chosen by the workbook. The instrument's exact Korean question wording
# (and its per-item descriptions) could not be checked offline, so these are item names,
# not the official questionnaire text.
KADL_ITEMS: tuple[str, ...] = (
    "옷 입기", "세수하기", "목욕하기", "식사하기", "이동(옮겨 앉기)", "화장실 사용", "대소변 조절",
)
KADL_LEVELS: dict[int, str] = {1: "자립", 2: "부분도움", 3: "완전도움"}

_KADL_ALIASES = {"이동": "이동(옮겨 앉기)", "옮겨앉기": "이동(옮겨 앉기)", "화장실사용하기": "화장실 사용",
                 "대소변조절하기": "대소변 조절"}


def _item_lookup(items: Sequence[str], aliases: Mapping[str, str]) -> dict[str, str]:
    # Matching ignores spaces only ("옷입기" = "옷 입기"); documented, not a silent repair.
    table = {i.replace(" ", ""): i for i in items}
    table.update({a.replace(" ", ""): canonical for a, canonical in aliases.items()})
    return table


def _collect_answers(
    answers: object, items: Sequence[str], aliases: Mapping[str, str], low: int, high: int, tool: str
) -> dict[str, int]:
    if not isinstance(answers, Mapping):
        raise CaseworkError(f"{tool} 응답은 {{항목 이름: 점수}} 형태의 사전(dict)으로 주세요. 받은 값: {answers!r}")
    lookup = _item_lookup(items, aliases)
    scores: dict[str, int] = {}
    for raw_name, value in answers.items():
        if not isinstance(raw_name, str):
            raise CaseworkError(f"{tool} 항목 이름은 글이어야 합니다. 받은 값: {raw_name!r}")
        canonical = lookup.get(raw_name.replace(" ", ""))
        if canonical is None:
            raise CaseworkError(
                f"{tool}에 없는 항목입니다: '{raw_name}'. 항목은 다음과 같습니다: {', '.join(items)}"
            )
        if canonical in scores:
            raise CaseworkError(f"{tool} 항목 '{canonical}'의 점수가 두 번 들어왔습니다. 한 번만 적어 주세요.")
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise CaseworkError(
                f"{tool} 항목 '{canonical}'의 점수는 {low}부터 {high}까지의 정수여야 합니다. 받은 값: {value!r}"
            )
        value = int(value)  # numpy integers (a pandas row) are integers too
        if not low <= value <= high:
            raise CaseworkError(
                f"{tool} 항목 '{canonical}'의 점수는 {low}부터 {high}까지여야 합니다. 받은 값: {value}"
            )
        scores[canonical] = value
    missing = [i for i in items if i not in scores]
    if missing:
        raise CaseworkError(
            f"{tool}의 모든 항목에 점수가 있어야 합니다. 빠진 항목: {', '.join(missing)}"
        )
    return {i: scores[i] for i in items}


@dataclass(frozen=True)
class KadlResult:
    """K-ADL scores: total 7..21, higher means more dependent on others."""

    total: int
    items: dict[str, int]
    needs_help: tuple[str, ...]

    def level(self, item: str) -> str:
        """The Korean level label (자립/부분도움/완전도움) of one item."""
        if item not in self.items:
            raise CaseworkError(f"K-ADL에 없는 항목입니다: '{item}'. 항목: {', '.join(KADL_ITEMS)}")
        return KADL_LEVELS[self.items[item]]


def score_kadl(answers: Mapping[str, int]) -> KadlResult:
    """Score the K-ADL (원장원 외, 2002): 7 items, each 1 자립 / 2 부분도움 / 3 완전도움.

    The total runs from 7 to 21; a higher total means more dependence. Items scored 2 or 3
    are listed in ``needs_help``. All seven items are required. Names match ignoring spaces,
    and '이동' is accepted for '이동(옮겨 앉기)'. The item names are short labels, not the
    instrument's verified question wording. No cut-off score is applied: the workbook
    could not verify one from the source, so the total is reported as is.
    """
    items = _collect_answers(answers, KADL_ITEMS, _KADL_ALIASES, 1, 3, "K-ADL")
    return KadlResult(
        total=sum(items.values()),
        items=items,
        needs_help=tuple(i for i, s in items.items() if s >= 2),
    )


LAWTON_SOURCE = (
    "Lawton, M. P. & Brody, E. M. (1969). Assessment of older people: self-maintaining and "
    "instrumental activities of daily living. The Gerontologist, 9(3), 179–186."
)
LAWTON_IADL_ITEMS: tuple[str, ...] = (
    "전화 사용", "장보기", "식사 준비", "집안일", "빨래", "교통수단 이용", "약 복용 관리", "재정 관리",
)
LAWTON_ITEMS_OMITTED_FOR_MEN_IN_ORIGINAL: tuple[str, ...] = ("식사 준비", "집안일", "빨래")
LAWTON_SCORING_NOTE = (
    "1969년 원래 척도는 남성에게 식사 준비, 집안일, 빨래를 빼고 5개 항목만 점수를 매겼습니다. "
    "이 워크북은 성별과 관계없이 8개 항목을 모두 매깁니다(0~8점, 높을수록 혼자 할 수 있는 일이 많음)."
)


@dataclass(frozen=True)
class LawtonResult:
    """Lawton IADL scores: total 0..8, higher means more independent."""

    total: int
    items: dict[str, int]
    unable: tuple[str, ...]


def score_lawton_iadl(answers: Mapping[str, int]) -> LawtonResult:
    """Score the Lawton IADL (Lawton & Brody, 1969): 8 items, each 0 (unable) or 1 (able).

    The total runs from 0 to 8; higher means more independent. In the 1969 original only five
    items were scored for men (food preparation, housekeeping and laundry were left out); this
    workbook scores all eight for everyone. The Korean item names are the workbook's own
    translation. No cut-off is applied.
    """
    items = _collect_answers(answers, LAWTON_IADL_ITEMS, {}, 0, 1, "Lawton IADL")
    return LawtonResult(
        total=sum(items.values()),
        items=items,
        unable=tuple(i for i, s in items.items() if s == 0),
    )


# ---------------------------------------------------------------------------
# Intake triage (초기상담결과 처리)
# ---------------------------------------------------------------------------

class ProcessingType(str, Enum):
    """The four ways an intake is processed (처리유형), in the textbook's order."""

    BENEFIT_APPLICATION = "복지급여 신청"
    SERVICE_APPLICATION = "복지서비스 신청"
    CASE_MANAGEMENT_REFERRAL = "서비스연계 및 사례관리 의뢰"
    OTHER_AGENCY_INFORMATION = "타기관 사업 정보 제공"

    @property
    def number(self) -> int:
        """1..4 as numbered in the textbook."""
        return list(ProcessingType).index(self) + 1

    @property
    def label(self) -> str:
        """Label with its circled number, e.g. '① 복지급여 신청'."""
        return f"{'①②③④'[self.number - 1]} {self.value}"


class ProblemType(str, Enum):
    """The kind of help the main problem calls for (the workbook's reading of 문제의 유형)."""

    INCOME_BENEFIT = "소득·급여"     # solved mainly by a public benefit (생계, 의료, 주거급여 등)
    SERVICE = "서비스"               # solved mainly by a service (돌봄, 방문, 상담 등)

    @classmethod
    def parse(cls, value: ProblemType | str) -> ProblemType:
        """Accept the enum, its label (the middle dot may be left out) or the English name."""
        if isinstance(value, ProblemType):
            return value
        if isinstance(value, str):
            text = value.strip()
            for member in cls:
                if text in (member.value, member.value.replace("·", ""), member.name, member.name.lower()):
                    return member
        raise CaseworkError(f"문제의 유형은 '소득·급여' 또는 '서비스'로 적어 주세요. 받은 값: {value!r}")


# The two cautions as the textbook gives them (003 초기상담결과 처리), in the workbook's words;
# the workbook's own advice around them lives in chapter 04's text, labelled as such.
CAUTION_NO_HOSTILITY = (
    "더 많은 지원을 받으려고 상담자에게 거짓으로 말하는 주민이 있더라도, 섣불리 적대감을 드러내거나 "
    "비난하는 태도를 보이지 않도록 조심합니다."
)
CAUTION_NOT_REFUSED = (
    "지원할 수 없거나 다른 기관의 정보를 안내해야 할 때에는, 주민이 거절당했다거나 내쳐졌다는 나쁜 느낌을 "
    "받지 않도록 세심하게 배려합니다."
)
INTAKE_CAUTIONS: tuple[str, ...] = (CAUTION_NO_HOSTILITY, CAUTION_NOT_REFUSED)

TRIAGE_RULE: tuple[str, ...] = (
    "1. 욕구가 서로 연결된 복합적 욕구이고 당사자에게 해결의지가 있으면 → ③ 서비스연계 및 사례관리 의뢰",
    "2. (1이 아니고) 여기서 지원할 수 없으면 → ④ 타기관 사업 정보 제공",
    "3. 복합적 욕구이지만 아직 해결의지가 없으면 → 지금 요청한 급여(①)나 서비스(②)부터 처리하고, "
    "관계를 이어 가며 사례관리를 다시 검토",
    "4. 그 밖에 소득·급여 문제이면 → ① 복지급여 신청",
    "5. 그 밖에 서비스 욕구이면 → ② 복지서비스 신청",
)
"""The workbook's teaching rule, first match wins. The textbook names the factors (문제의 유형과
복합성, 해결의지, 지원가능성) but gives no decision table; this order is the workbook's choice."""


@dataclass(frozen=True)
class IntakeSummary:
    """What the worker concluded after the first interview, as the triage rule needs it.

    ``support_here``: can this office (동 주민센터·구청) help with its own benefits, services
    or case management (지원가능성)? ``other_agency_programme``: a fitting programme of another
    agency, if one is known.
    """

    needs: tuple[AssessedNeed, ...]
    problem_type: ProblemType
    will_to_solve: bool
    support_here: bool
    other_agency_programme: str = ""

    def __post_init__(self) -> None:
        needs = tuple(_check_needs(self.needs, "초기상담 욕구 목록"))
        if not needs:
            raise CaseworkError("초기상담 요약에 욕구가 하나도 없습니다. 상담에서 확인한 욕구를 한 가지 이상 적어 주세요.")
        object.__setattr__(self, "needs", needs)
        object.__setattr__(self, "problem_type", ProblemType.parse(self.problem_type))
        _require_bool(self.will_to_solve, "해결의지(will_to_solve)")
        _require_bool(self.support_here, "지원가능성(support_here)")
        if not isinstance(self.other_agency_programme, str):
            raise CaseworkError(
                f"타기관 사업(other_agency_programme)은 글로 적어 주세요. 받은 값: {self.other_agency_programme!r}"
            )
        object.__setattr__(self, "other_agency_programme", self.other_agency_programme.strip())


@dataclass(frozen=True)
class TriageResult:
    """The processing type with the Korean reasons that led to it and the cautions that apply."""

    processing_type: ProcessingType
    reasons: list[str]
    cautions: list[str] = field(default_factory=list)
    revisit_case_management: bool = False


def _direct_type(summary: IntakeSummary) -> ProcessingType:
    if summary.problem_type is ProblemType.INCOME_BENEFIT:
        return ProcessingType.BENEFIT_APPLICATION
    return ProcessingType.SERVICE_APPLICATION


def triage_intake(summary: IntakeSummary) -> TriageResult:
    """Decide the processing type with the workbook's teaching rule (see ``TRIAGE_RULE``).

    Every branch explains itself in Korean. ``CAUTION_NO_HOSTILITY`` is always attached;
    ``CAUTION_NOT_REFUSED`` is attached whenever the person is sent elsewhere or cannot be
    supported here.
    """
    if not isinstance(summary, IntakeSummary):
        raise CaseworkError(f"triage_intake에는 IntakeSummary를 넘겨 주세요. 받은 값: {summary!r}")
    groups = connected_groups(summary.needs)
    complex_ = bool(groups)
    reasons: list[str] = []
    cautions = [CAUTION_NO_HOSTILITY]

    if complex_:
        linked = "; ".join(" ↔ ".join(n.key for n in g) for g in groups)
        reasons.append(f"서로 연결된 욕구가 있어 복합적 욕구로 봅니다({linked}).")
    elif len(summary.needs) > 1:
        reasons.append(
            f"욕구가 {len(summary.needs)}가지이지만 서로 연결되어 있지 않아 복합적 욕구로 보지 않습니다. "
            "복합성은 문제의 개수나 심각도가 아니라 문제들이 얽혀 있는지로 판단합니다."
        )
    else:
        reasons.append("확인된 욕구가 한 가지이므로 단일한 문제로 봅니다.")

    # Rule 1
    if complex_ and summary.will_to_solve:
        reasons.append("당사자에게 해결의지가 있어 함께 계획을 세울 수 있습니다.")
        reasons.append("얽힌 문제는 하나씩 따로 해결하기 어려우므로 여러 자원을 묶어 주는 사례관리로 의뢰합니다.")
        if not summary.support_here:
            reasons.append("이곳의 급여·서비스만으로는 지원이 어렵지만, 사례관리에서 지역의 다른 자원을 함께 찾습니다.")
            cautions.append(CAUTION_NOT_REFUSED)
        return TriageResult(ProcessingType.CASE_MANAGEMENT_REFERRAL, reasons, cautions)

    # Rule 2
    if not summary.support_here:
        reasons.append("이곳(동 주민센터·구청)의 급여나 서비스로는 지원할 수 없습니다.")
        if summary.other_agency_programme:
            reasons.append(f"다른 기관의 '{summary.other_agency_programme}' 사업이 이 욕구에 맞으므로 그 정보를 안내합니다.")
        else:
            reasons.append(
                "맞는 타기관 사업이 아직 정해지지 않았습니다. 지역 자원 목록에서 알맞은 사업을 찾아 "
                "기관 이름, 연락 방법, 신청 절차까지 안내해 주세요."
            )
        if complex_:
            reasons.append("복합적 욕구이므로 해결의지가 생기면 사례관리 의뢰를 다시 검토하세요.")
        cautions.append(CAUTION_NOT_REFUSED)
        return TriageResult(ProcessingType.OTHER_AGENCY_INFORMATION, reasons, cautions,
                            revisit_case_management=complex_)

    # Rule 3
    if complex_:
        chosen = _direct_type(summary)
        reasons.append(
            "복합적 욕구이지만 아직 당사자에게 해결의지가 없습니다. 사례관리는 당사자가 함께할 때 가능하므로 "
            "억지로 의뢰하지 않습니다(자기결정)."
        )
        reasons.append(
            f"우선 지금 요청한 것을 '{chosen.value}'으로 처리하고, 만남을 이어 가며 당사자가 바라는 변화를 "
            "함께 찾은 뒤 사례관리 의뢰를 다시 검토합니다."
        )
        return TriageResult(chosen, reasons, cautions, revisit_case_management=True)

    # Rules 4 and 5
    chosen = _direct_type(summary)
    if chosen is ProcessingType.BENEFIT_APPLICATION:
        reasons.append("소득·급여로 해결할 수 있는 문제이므로 복지급여를 신청하도록 돕습니다.")
    else:
        reasons.append("서비스로 해결할 수 있는 욕구이므로 복지서비스를 신청하도록 돕습니다.")
    if not summary.will_to_solve:
        reasons.append("해결의지가 아직 약해 보이니 신청 과정을 당사자와 함께 확인하고 한 번 더 연락해 보세요.")
    return TriageResult(chosen, reasons, cautions)
