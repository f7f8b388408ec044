"""Resources (자원) and eco-maps (생태도) for linking needs to the community.

Sources: 광진구청 희망나눔팀 학습동아리 교재 (자원개발: 인적·물적·관계 자원; 이웃관계망을 활용한
자원 연계) and the lecture slides (공식적·비공식적 자원; the 80-year-old's public resources).

Teaching rules of the workbook, not of the textbook: a resource's sector decides whether it is
formal (공적, 민간) or informal (비공식); a resource fits a need when it serves the need's
domain.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import TypeVar

from casework._util.text import particle
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.labels import parse_member

__all__ = [
    "ResourceKind",
    "Sector",
    "Resource",
    "match_resources",
    "unmet_needs",
    "sample_resources",
    "TieKind",
    "TieStrength",
    "Flow",
    "Tie",
    "EcoMap",
    "EcoMapChange",
    "compare_ecomaps",
]




def _check_name(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CaseworkError(f"{what}{particle(str(what), '이')} 비어 있거나 글자가 아닙니다: {value!r}. 이름을 적어 주세요.")
    if value != value.strip():
        raise CaseworkError(f"{what} {value!r}의 앞뒤에 빈칸이 있습니다. 빈칸을 지우고 다시 적어 주세요.")
    return value


# --------------------------------------------------------------------------- resources


class ResourceKind(str, Enum):
    """The three kinds of resource in 자원개발 (동 주민센터)."""

    HUMAN = "인적 자원"
    MATERIAL = "물적 자원"
    RELATIONAL = "관계 자원"

    @property
    def explanation(self) -> str:
        """Korean explanation with examples."""
        return _KIND_EXPLANATIONS[self]

    @classmethod
    def parse(cls, value: ResourceKind | str) -> ResourceKind:
        """Accept a member, its Korean label or its English name."""
        return parse_member(cls, value, "자원 종류")


_KIND_EXPLANATIONS = {
    ResourceKind.HUMAN: (
        "사람 그 자체가 자원입니다. 공동체를 이루는 주체이면서 자신의 경력·기술·경험으로 서비스를 "
        "전하는 사람들로, 지역주민, 동네 소상공인, 직능단체, 주민이 스스로 만든 자조모임 등이 있습니다."
    ),
    ResourceKind.MATERIAL: (
        "문제를 푸는 데 필요한 재화와 서비스입니다. 공적 급여와 사회복지서비스 같은 공공자원도 여기에 "
        "들어갑니다."
    ),
    ResourceKind.RELATIONAL: (
        "당사자의 이웃관계망을 넓히고 튼튼하게 하는 자원입니다. 도움을 한쪽으로 건네는 데서 그치지 않고, "
        "이웃과 서로 주고받는 관계가 시작되는 출발점이 됩니다."
    ),
}


class Sector(str, Enum):
    """Who provides a resource. 공적 and 민간 are formal, 비공식 is informal.

    The label is 공적, as in the chapters and case files; 공공 is accepted as another name.
    """

    PUBLIC = "공적"
    PRIVATE = "민간"
    INFORMAL = "비공식"

    @property
    def is_formal(self) -> bool:
        """True for 공적 and 민간 (공식적 자원), False for 비공식."""
        return self is not Sector.INFORMAL

    @classmethod
    def parse(cls, value: Sector | str) -> Sector:
        """Accept a member, its Korean label (or 공공) or its English name."""
        return parse_member(cls, value, "자원 제공 주체", aliases={"공공": cls.PUBLIC})


@dataclass(frozen=True)
class Resource:
    """A community resource and the needs domains it serves.

    ``domains`` may be given as any iterable of Domain or Korean domain labels (not a single
    string); it is stored as a frozenset.
    """

    name: str
    kind: ResourceKind
    sector: Sector
    domains: frozenset[Domain]
    description: str = ""

    def __post_init__(self) -> None:
        _check_name(self.name, "자원 이름")
        object.__setattr__(self, "kind", ResourceKind.parse(self.kind))
        object.__setattr__(self, "sector", Sector.parse(self.sector))
        domains = self.domains
        if isinstance(domains, (str, Domain)) or not isinstance(domains, Iterable):
            raise CaseworkError(
                f"자원 '{self.name}'의 욕구 영역은 목록으로 주세요. 예: {{Domain.ECONOMY}} 또는 ['경제']. "
                f"받은 값: {domains!r}"
            )
        parsed = frozenset(Domain.parse(d) for d in domains)
        if not parsed:
            raise CaseworkError(f"자원 '{self.name}'{particle(str(self.name), '이')} 돕는 욕구 영역이 하나도 없습니다. 적어도 하나를 적어 주세요.")
        object.__setattr__(self, "domains", parsed)
        if not isinstance(self.description, str):
            raise CaseworkError(f"자원 '{self.name}'의 설명은 글자로 적어 주세요.")

    @property
    def is_formal(self) -> bool:
        """공식적 자원 if the sector is 공적 or 민간."""
        return self.sector.is_formal


def _need_domain(need: object) -> Domain:
    if isinstance(need, tuple):
        if len(need) != 2 or not isinstance(need[0], str):
            raise CaseworkError(
                f"욕구는 ('욕구 내용', 욕구 영역) 두 칸으로 적어 주세요. 받은 값: {need!r}"
            )
        if not need[0].strip():
            raise CaseworkError(f"욕구 내용이 비어 있습니다: {need!r}. 어떤 욕구인지 적어 주세요.")
        return Domain.parse(need[1])
    if hasattr(need, "domain"):
        return Domain.parse(need.domain)
    raise CaseworkError(
        f"욕구를 알아볼 수 없습니다: {need!r}. ('욕구 내용', 욕구 영역) 또는 domain이 있는 "
        "객체(NeedStatement 등)로 주세요."
    )


N = TypeVar("N")  # a need: a (text, domain) tuple or an object with .domain


def _check_inputs(needs: Iterable[N], resources: Iterable[Resource]) -> tuple[list[tuple[N, Domain]], list[Resource]]:
    if isinstance(needs, (str, bytes)) or not isinstance(needs, Iterable):
        raise CaseworkError(f"욕구 목록이 올바르지 않습니다: {needs!r}")
    if isinstance(resources, (str, bytes)) or not isinstance(resources, Iterable):
        raise CaseworkError(f"자원 목록이 올바르지 않습니다: {resources!r}")
    checked: list[tuple[N, Domain]] = []
    seen: set[object] = set()
    for need in needs:
        domain = _need_domain(need)
        if not isinstance(need, Hashable):
            raise CaseworkError(f"이 욕구는 사전의 열쇠로 쓸 수 없습니다(바뀔 수 있는 객체): {need!r}")
        if need in seen:
            raise CaseworkError(f"같은 욕구가 두 번 들어 있습니다: {need!r}. 하나만 남겨 주세요.")
        seen.add(need)
        checked.append((need, domain))
    res = list(resources)
    names: set[str] = set()
    for r in res:
        if not isinstance(r, Resource):
            raise CaseworkError(f"자원 목록에 Resource가 아닌 값이 있습니다: {r!r}")
        if r.name in names:
            raise CaseworkError(f"자원 '{r.name}'{particle(str(r.name), '이')} 두 번 들어 있습니다. 이름이 겹치지 않게 해 주세요.")
        names.add(r.name)
    return checked, res


def match_resources(needs: Iterable[N], resources: Iterable[Resource]) -> dict[N, tuple[Resource, ...]]:
    """Map each need to the resources serving its domain, in the resources' order.

    A need is a ``(text, domain)`` tuple or any hashable object with a ``.domain``
    (e.g. ``planning.NeedStatement``). A need with no fitting resource maps to ``()``.
    """
    checked, res = _check_inputs(needs, resources)
    return {need: tuple(r for r in res if domain in r.domains) for need, domain in checked}


def unmet_needs(needs: Iterable[N], resources: Iterable[Resource]) -> list[N]:
    """The needs no resource serves: a cue to develop a new resource (자원개발)."""
    return [need for need, fits in match_resources(needs, resources).items() if not fits]


def sample_resources() -> tuple[Resource, ...]:
    """A small teaching list for the 80-year-old living alone (lecture slides; 도시락 example)."""
    D = Domain
    return (
        Resource("기초노령연금", ResourceKind.MATERIAL, Sector.PUBLIC, frozenset({D.ECONOMY}),
                 "공적 급여로 생활비 부담을 덜어 줍니다."),
        Resource("생계비 지원", ResourceKind.MATERIAL, Sector.PUBLIC, frozenset({D.ECONOMY}),
                 "기본적인 생활을 잇도록 돕는 공적 지원입니다."),
        Resource("지역 노인병원 연계·정기검진", ResourceKind.MATERIAL, Sector.PRIVATE, frozenset({D.HEALTH}),
                 "만성질환을 살피고 정기적으로 검진받도록 연결합니다."),
        Resource("돌봄·가사·간병 지원", ResourceKind.MATERIAL, Sector.PUBLIC, frozenset({D.DAILY_LIVING, D.HEALTH}),
                 "혼자 하기 어려운 집안일과 돌봄을 돕습니다."),
        Resource("자원봉사자 말벗·동행", ResourceKind.HUMAN, Sector.PRIVATE, frozenset({D.SOCIAL, D.DAILY_LIVING}),
                 "외출과 병원 길에 함께하고 말벗이 되어 줍니다."),
        Resource("이웃 도시락 나눔", ResourceKind.RELATIONAL, Sector.INFORMAL,
                 frozenset({D.DAILY_LIVING, D.SOCIAL, D.SAFETY}),
                 "이웃이 도시락을 전하며 안부를 살피고, 서로 돕는 관계가 시작됩니다."),
    )


# --------------------------------------------------------------------------- eco-map


class TieKind(str, Enum):
    """Who is on the other end of a tie in an eco-map."""

    FAMILY = "가족"
    NEIGHBOUR = "이웃"
    FRIEND = "친구"
    AGENCY = "기관"
    PUBLIC = "공공"
    OTHER = "기타"


class TieStrength(str, Enum):
    """How strong a tie is; ``rank`` orders them (약함 < 보통 < 강함)."""

    WEAK = "약함"
    MODERATE = "보통"
    STRONG = "강함"

    @property
    def rank(self) -> int:
        """1 for 약함, 2 for 보통, 3 for 강함."""
        return {TieStrength.WEAK: 1, TieStrength.MODERATE: 2, TieStrength.STRONG: 3}[self]


class Flow(str, Enum):
    """Which way support and resources flow along a tie."""

    TO_PERSON = "당사자에게"
    FROM_PERSON = "당사자로부터"
    BOTH = "양방향"
    NONE = "없음"


@dataclass(frozen=True)
class Tie:
    """One line of an eco-map between the person and someone or something around them."""

    name: str
    kind: TieKind
    strength: TieStrength
    stressful: bool = False
    flow: Flow = Flow.NONE

    def __post_init__(self) -> None:
        _check_name(self.name, "관계 대상 이름")
        object.__setattr__(self, "kind", parse_member(TieKind, self.kind, "관계 종류"))
        object.__setattr__(self, "strength", parse_member(TieStrength, self.strength, "관계 강도"))
        object.__setattr__(self, "flow", parse_member(Flow, self.flow, "자원 흐름 방향"))
        if not isinstance(self.stressful, bool):
            raise CaseworkError(
                f"'{self.name}'{particle(str(self.name), '과')}의 관계가 스트레스를 주는지(stressful)는 True 또는 False로 적어 주세요. "
                f"받은 값: {self.stressful!r}"
            )

    def describe(self) -> str:
        """Short Korean description, e.g. "이웃 박○○ (이웃, 보통, 양방향)"."""
        stress = ", 스트레스" if self.stressful else ""
        return f"{self.name} ({self.kind.value}, {self.strength.value}, 흐름 {self.flow.value}{stress})"


@dataclass(frozen=True)
class EcoMap:
    """The person at the centre and their ties; tie names must be unique."""

    person: str
    ties: tuple[Tie, ...] = ()

    def __post_init__(self) -> None:
        _check_name(self.person, "당사자 이름")
        if not isinstance(self.ties, tuple):
            raise CaseworkError("생태도의 관계(ties)는 Tie를 담은 tuple로 주세요. 예: ties=(Tie(...), Tie(...))")
        names: set[str] = set()
        for tie in self.ties:
            if not isinstance(tie, Tie):
                raise CaseworkError(f"생태도에 Tie가 아닌 값이 있습니다: {tie!r}")
            if tie.name == self.person:
                raise CaseworkError(f"'{tie.name}'{particle(str(tie.name), '은')} 당사자 자신입니다. 당사자와 다른 사람·기관만 관계로 적어 주세요.")
            if tie.name in names:
                raise CaseworkError(
                    f"'{tie.name}'{particle(str(tie.name), '과')}의 관계가 두 번 적혀 있습니다. 한 대상에는 관계 하나만 적어 주세요."
                )
            names.add(tie.name)

    def tie(self, name: str) -> Tie:
        """The tie with this name; an unknown name is refused."""
        for t in self.ties:
            if t.name == name:
                return t
        raise CaseworkError(f"'{name}'{particle(str(name), '과')}의 관계는 이 생태도에 없습니다.")

    @property
    def stressful_ties(self) -> tuple[Tie, ...]:
        """Ties marked as a source of stress."""
        return tuple(t for t in self.ties if t.stressful)


@dataclass(frozen=True)
class EcoMapChange:
    """What changed between two eco-maps of the same person."""

    added: tuple[Tie, ...]
    removed: tuple[Tie, ...]
    strengthened: tuple[tuple[Tie, Tie], ...]
    weakened: tuple[tuple[Tie, Tie], ...]
    stress_eased: tuple[tuple[Tie, Tie], ...]
    stress_added: tuple[tuple[Tie, Tie], ...]
    flow_changed: tuple[tuple[Tie, Tie], ...]

    @property
    def unchanged(self) -> bool:
        """True when nothing changed."""
        return not any(
            (self.added, self.removed, self.strengthened, self.weakened,
             self.stress_eased, self.stress_added, self.flow_changed)
        )

    def summary_lines(self) -> list[str]:
        """Korean lines for the learner, one per change."""
        lines = [f"새로 생긴 관계: {t.describe()}" for t in self.added]
        lines += [f"끊어진 관계: {t.describe()}" for t in self.removed]
        lines += [f"강해진 관계: {a.name} ({a.strength.value} → {b.strength.value})" for a, b in self.strengthened]
        lines += [f"약해진 관계: {a.name} ({a.strength.value} → {b.strength.value})" for a, b in self.weakened]
        lines += [f"스트레스가 줄어든 관계: {a.name}" for a, _ in self.stress_eased]
        lines += [f"스트레스가 생긴 관계: {a.name}" for a, _ in self.stress_added]
        lines += [f"흐름이 바뀐 관계: {a.name} ({a.flow.value} → {b.flow.value})" for a, b in self.flow_changed]
        return lines or ["달라진 관계가 없습니다."]


def compare_ecomaps(before: EcoMap, after: EcoMap) -> EcoMapChange:
    """Compare two eco-maps of the same person, tie by tie (matched by name)."""
    if not isinstance(before, EcoMap) or not isinstance(after, EcoMap):
        raise CaseworkError("비교할 두 생태도를 모두 EcoMap으로 주세요.")
    if before.person != after.person:
        raise CaseworkError(
            f"서로 다른 사람의 생태도입니다('{before.person}', '{after.person}'). 같은 당사자의 전후 생태도를 비교하세요."
        )
    old = {t.name: t for t in before.ties}
    new = {t.name: t for t in after.ties}
    pairs = [(old[n], new[n]) for n in old if n in new]
    return EcoMapChange(
        added=tuple(t for n, t in new.items() if n not in old),
        removed=tuple(t for n, t in old.items() if n not in new),
        strengthened=tuple((a, b) for a, b in pairs if b.strength.rank > a.strength.rank),
        weakened=tuple((a, b) for a, b in pairs if b.strength.rank < a.strength.rank),
        stress_eased=tuple((a, b) for a, b in pairs if a.stressful and not b.stressful),
        stress_added=tuple((a, b) for a, b in pairs if b.stressful and not a.stressful),
        flow_changed=tuple((a, b) for a, b in pairs if a.flow is not b.flow),
    )
