"""The textbook's cases as YAML data files, validated on load.

Bundled cases live in ``casework/data/cases/*.yaml`` (one case per file). An instructor adds a
case by writing another YAML file, either into a folder passed as ``extra_dirs`` or into a
folder named by the environment variable ``CASEWORK_CASES_DIR`` (several folders may be
separated by ``os.pathsep``). No code is needed; every file is checked on load and a Korean
message says exactly what to fix.

A case has common fields (id, title, kind, source, summary, facts) and a list of planning
``chains`` (problem → demand/wish → need → agreed purpose & objective → services), following
the Gwangjin-gu study-group textbook (광진구청 복지정책과 희망나눔팀, 사례관리 학습 동아리 교재).
A case study may also carry needs by domain with their resources, the traditional versus
case-management approach, and the neighbour-network example.

Anything a file adds beyond its source (a fictional name, practice answers, a resource the
source does not name) is marked ``practice_data`` in the file.
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from casework._util.text import particle
from casework.assessment import score_kadl, score_lawton_iadl
from casework.datafiles import dump_yaml, load_yaml_files, load_yaml_model, refuse_taken_id, yaml_files
from casework.domains import Domain
from casework.errors import CaseworkError, DataFileError
from casework.planning import NeedStatement, Objective, PlanChain, ServicePlan, ServicePlanItem
from casework.resources import EcoMap, Flow, Tie, TieKind, TieStrength

__all__ = [
    "CASES_DIR",
    "ENV_VAR",
    "Approach",
    "ApproachComparison",
    "Case",
    "CaseKind",
    "CaseSummary",
    "Chain",
    "ChainNeed",
    "ChainObjective",
    "DomainNeed",
    "NeighbourNetwork",
    "PracticeData",
    "PracticeItemScore",
    "PracticePlan",
    "PracticePlanItem",
    "PracticeRating",
    "PracticeTie",
    "Resource",
    "ResourceSector",
    "case_dirs",
    "case_ids",
    "dump_case",
    "list_cases",
    "load_case",
    "load_case_file",
]

CASES_DIR = Path(__file__).parent / "data" / "cases"
ENV_VAR = "CASEWORK_CASES_DIR"

_SLUG = re.compile(r"[a-z0-9_-]+")


class CaseKind(str, Enum):
    """What a case file is for. The value is the Korean label written in the file."""

    CASE_STUDY = "사례 연구"
    PLANNING_EXAMPLE = "문제·요구·욕구 예시"


class ResourceSector(str, Enum):
    """Who provides a resource.

    The seed slides list the resources without sorting them; the sorting into these three
    sectors is the workbook's teaching choice, not the textbook's.
    """

    PUBLIC = "공적"
    PRIVATE = "민간"
    INFORMAL = "비공식"


# --------------------------------------------------------------------------- field types


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("글이 비어 있습니다. 내용을 적거나, 필요 없는 줄이면 지우세요.")
    return value


def _slug(value: str) -> str:
    if not _SLUG.fullmatch(value):
        raise ValueError(
            "id에는 영어 소문자, 숫자, 밑줄(_), 하이픈(-)만 쓸 수 있습니다 "
            "(빈칸·한글·대문자는 안 됩니다). 예: sick_child"
        )
    return value


def _domain_label(value: Any) -> Any:
    # Accept the English member name too (Domain.parse); anything else falls through so that
    # pydantic reports it as "not one of the allowed values", listing them.
    try:
        return Domain.parse(value)
    except CaseworkError:
        return value


Text = Annotated[str, AfterValidator(_not_blank)]
Slug = Annotated[str, AfterValidator(_slug)]
DomainField = Annotated[Domain, BeforeValidator(_domain_label)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --------------------------------------------------------------------------- planning chain


class ChainNeed(_Model):
    """A need (욕구) in a chain, filed under one of the life domains."""

    text: Text = Field(description="욕구, 예: 건강회복의 욕구")
    domain: DomainField = Field(description="욕구 영역, 예: 건강")

    def to_need_statement(self) -> NeedStatement:
        return NeedStatement(text=self.text, domain=self.domain)


class ChainObjective(_Model):
    """An agreed purpose (개입목적) with its objective (개입목표)."""

    purpose: Text = Field(description="개입목적: 기대하는 변화")
    objective: Text = Field(description="개입목표: 변화의 구체적인 수준")

    def to_objective(self) -> Objective:
        return Objective(purpose=self.purpose, objective=self.objective)


class Chain(_Model):
    """One worked row: problem → demands/wishes → needs → agreed objectives → services."""

    problem_quote: str = Field("", description="당사자가 한 말 그대로")
    problem: Text = Field(description="사례관리자가 읽어 낸 (제시된) 문제")
    demands: list[Text] = Field(default_factory=list, description="요구·바램 (당사자의 말)")
    needs: list[ChainNeed] = Field(min_length=1, description="욕구 목록 (text와 domain)")
    objectives: list[ChainObjective] = Field(default_factory=list,
                                             description="합의된 개입목적·개입목표")
    services: list[Text] = Field(default_factory=list, description="서비스 계획 항목")
    notes: list[Text] = Field(default_factory=list, description="덧붙이는 설명")
    practice_data: bool = Field(False, description="교재에 없는 연습용 내용이면 true")

    def to_plan_chain(self) -> PlanChain:
        """The library's :class:`casework.planning.PlanChain` for this row."""
        return PlanChain(
            problem=self.problem,
            problem_quote=self.problem_quote,
            demands=tuple(self.demands),
            needs=tuple(n.to_need_statement() for n in self.needs),
            objectives=tuple(o.to_objective() for o in self.objectives),
            services=tuple(self.services),
            notes=tuple(self.notes),
        )


# --------------------------------------------------------------------------- case-study parts


class Resource(_Model):
    """A resource that can meet a need, with the sector that provides it."""

    name: Text = Field(description="자원 이름")
    sector: ResourceSector = Field(description="공적 / 민간 / 비공식")
    practice_data: bool = Field(False, description="교재에 없는 자원이면 true")


class DomainNeed(_Model):
    """A need of a case study, filed under a domain, with the resources for it."""

    id: Slug = Field(description="욕구의 짧은 영문 이름, 예: economy")
    label: Text = Field(description="교재의 표현, 예: 경제적인 문제")
    domain: DomainField = Field(description="욕구 영역")
    detail: str = Field("", description="교재가 덧붙인 설명")
    resources: list[Resource] = Field(min_length=1, description="이 욕구에 쓸 자원 목록")
    note: str = Field("", description="워크북이 덧붙인 설명")
    practice_data: bool = Field(False, description="교재에 없는 욕구이면 true")

    def to_need_statement(self) -> NeedStatement:
        return NeedStatement(text=self.label, domain=self.domain)

    def resources_by_sector(self) -> dict[ResourceSector, tuple[str, ...]]:
        """Resource names grouped by sector; every sector is present, possibly empty."""
        return {s: tuple(r.name for r in self.resources if r.sector is s) for s in ResourceSector}


class Approach(_Model):
    """A way of working on the case, as ordered steps or key points."""

    label: Text = Field(description="접근 방법의 이름")
    steps: list[Text] = Field(min_length=1, description="단계 또는 요점")
    note: str = Field("", description="한계나 특징")


class ApproachComparison(_Model):
    """The traditional individual approach set against the case-management approach."""

    traditional: Approach
    case_management: Approach


class NeighbourNetwork(_Model):
    """Linking resources through a neighbour network (e.g. lunch-box delivery)."""

    title: Text
    purpose: Text = Field(description="이웃 관계망 연계의 의미")
    questions: list[Text] = Field(default_factory=list, description="생각해 볼 질문")
    tasks: list[Text] = Field(min_length=1, description="해야 할 일")
    monitoring: list[Text] = Field(default_factory=list, description="지속적으로 살필 측면")
    conclusion: list[Text] = Field(min_length=1, description="결론")


class PracticeRating(_Model):
    """The workbook's example severity and priority for one case-study need (practice data)."""

    severity: int = Field(ge=1, le=5, description="심각도 1~5 (5가 가장 심각)")
    priority: int = Field(ge=1, description="우선순위 (1이 가장 먼저)")
    reason: Text = Field(description="이렇게 매긴 까닭")
    connected_to: list[Slug] = Field(default_factory=list, description="서로 얽힌 다른 욕구의 id")


class PracticeItemScore(_Model):
    """One item of a functional assessment: what was observed and the score it gets."""

    item: Text = Field(description="도구의 항목 이름, 예: 목욕하기")
    score: int = Field(description="이 관찰에 맞는 점수")
    observation: Text = Field(description="상담·방문에서 본 모습")


class PracticeTie(_Model):
    """One tie of a practice eco-map (see :class:`casework.resources.Tie`)."""

    name: Text = Field(description="관계 대상, 예: 이웃")
    kind: TieKind = Field(description="가족 / 이웃 / 친구 / 기관 / 공공 / 기타")
    strength: TieStrength = Field(description="약함 / 보통 / 강함")
    stressful: bool = Field(False, description="스트레스를 주는 관계이면 true")
    flow: Flow = Field(Flow.NONE, description="당사자에게 / 당사자로부터 / 양방향 / 없음")

    def to_tie(self) -> Tie:
        return Tie(self.name, self.kind, self.strength, self.stressful, self.flow)


class PracticePlanItem(_Model):
    """One row (③–⑫) of a practice service plan."""

    objective: Text = Field(description="③ 개입목표")
    service: Text = Field(description="④ 서비스 내용")
    priority: int = Field(ge=1, description="⑤ 우선순위")
    timing: str = Field("", description="⑥ 개입시기")
    times_per_week: int | None = Field(None, ge=1, le=21, description="⑨ 횟수(회/1주당)")
    provider: str = Field("", description="⑩ 제공기관")
    staff: str = Field("", description="⑪ 담당자")
    check_method: str = Field("", description="⑫ 점검방법")

    def to_item(self) -> ServicePlanItem:
        return ServicePlanItem(**self.model_dump())


class PracticePlan(_Model):
    """A practice service plan (서비스제공 계획 및 점검표) for the case."""

    case_number: Text = Field(description="① 관리번호 (연습용)")
    case_manager: Text = Field(description="① 담당 사례관리자")
    short_term_goal: Text = Field(description="② 단기 성과목표")
    long_term_goal: Text = Field(description="② 장기 성과목표")
    items: list[PracticePlanItem] = Field(min_length=1, description="③–⑫ 서비스 항목")

    def to_service_plan(self, client_name: str) -> ServicePlan:
        """The :class:`casework.planning.ServicePlan` for this practice plan."""
        return ServicePlan(
            case_number=self.case_number, client_name=client_name, case_manager=self.case_manager,
            short_term_goal=self.short_term_goal, long_term_goal=self.long_term_goal,
            items=tuple(i.to_item() for i in self.items),
        )


def _as_value_error(build: Any) -> Any:
    # The library raises CaseworkError (Korean); pydantic reports ValueError in its error list.
    try:
        return build()
    except CaseworkError as exc:
        raise ValueError(str(exc)) from None


class PracticeData(_Model):
    """Material invented for practice; none of it comes from the source."""

    note: Text = Field(description="연습용 가상 자료라는 안내")
    person_name: str = Field("", description="가상의 이름, 예: 김○○ 어르신")
    facts: list[Text] = Field(default_factory=list, description="연습용으로 덧붙인 사실")
    need_ratings: dict[Slug, PracticeRating] = Field(
        default_factory=dict, description="욕구 id별 연습용 심각도·우선순위")
    kadl: list[PracticeItemScore] = Field(default_factory=list, description="K-ADL 연습 관찰과 점수")
    lawton_iadl: list[PracticeItemScore] = Field(
        default_factory=list, description="Lawton IADL 연습 관찰과 점수")
    ecomap_before: list[PracticeTie] = Field(default_factory=list, description="사례관리 이전 생태도")
    ecomap_after: list[PracticeTie] = Field(default_factory=list, description="사례관리 이후 생태도")
    service_plan: PracticePlan | None = Field(None, description="연습용 서비스제공 계획")

    @model_validator(mode="after")
    def _check_instruments_and_maps(self) -> PracticeData:
        if self.kadl:
            _as_value_error(lambda: score_kadl(self.kadl_answers()))
        if self.lawton_iadl:
            _as_value_error(lambda: score_lawton_iadl(self.lawton_answers()))
        if self.ecomap_before or self.ecomap_after:
            if not self.person_name.strip():
                raise ValueError("생태도를 그리려면 person_name(가상의 이름)이 있어야 합니다.")
            _as_value_error(self.ecomaps)
        return self

    def kadl_answers(self) -> dict[str, int]:
        """The practice K-ADL scores as ``{item: score}``, ready for ``score_kadl``."""
        return _answers(self.kadl, "K-ADL")

    def lawton_answers(self) -> dict[str, int]:
        """The practice Lawton IADL scores as ``{item: score}``, ready for ``score_lawton_iadl``."""
        return _answers(self.lawton_iadl, "Lawton IADL")

    def ecomaps(self) -> tuple[EcoMap, EcoMap]:
        """The eco-maps before and after case management, centred on ``person_name``."""
        return (
            EcoMap(self.person_name, tuple(t.to_tie() for t in self.ecomap_before)),
            EcoMap(self.person_name, tuple(t.to_tie() for t in self.ecomap_after)),
        )


def _answers(scores: list[PracticeItemScore], tool: str) -> dict[str, int]:
    answers: dict[str, int] = {}
    for s in scores:
        if s.item in answers:
            raise CaseworkError(f"{tool} 항목 '{s.item}'{particle(str(s.item), '이')} 두 번 나옵니다. 한 번만 적어 주세요.")
        answers[s.item] = s.score
    return answers


# --------------------------------------------------------------------------- the case


class Case(_Model):
    """One case file."""

    id: Slug = Field(description="영문 소문자·숫자·_·- 로 된 사례 이름, 예: sick_child")
    title: Text = Field(description="사례 제목")
    kind: CaseKind = Field(description="사례 연구 / 문제·요구·욕구 예시")
    source: Text = Field(description="출처, 예: 광진구청 복지정책과 희망나눔팀, 사례관리 학습 동아리 교재")
    order: int = Field(100, description="목록에서의 순서 (작을수록 앞)")
    summary: Text = Field(description="사례 요약")
    facts: list[Text] = Field(min_length=1, description="사례의 사실들")
    chains: list[Chain] = Field(default_factory=list, description="문제→요구→욕구→목표→서비스")
    needs_by_domain: list[DomainNeed] = Field(default_factory=list, description="영역별 욕구와 자원")
    approaches: ApproachComparison | None = None
    neighbour_network: NeighbourNetwork | None = None
    practice_data: PracticeData | None = None

    @field_validator("needs_by_domain")
    @classmethod
    def _unique_need_ids(cls, needs: list[DomainNeed]) -> list[DomainNeed]:
        seen: set[str] = set()
        for need in needs:
            if need.id in seen:
                raise ValueError(f"욕구 id '{need.id}'가 두 번 나옵니다. 욕구마다 다른 id를 쓰세요.")
            seen.add(need.id)
        return needs

    @model_validator(mode="after")
    def _ratings_name_known_needs(self) -> Case:
        if self.practice_data is None:
            return self
        known = {n.id for n in self.needs_by_domain}
        for need_id, rating in self.practice_data.need_ratings.items():
            for ref in (need_id, *rating.connected_to):
                if ref not in known:
                    raise ValueError(
                        f"practice_data.need_ratings에 needs_by_domain에 없는 욕구 id '{ref}'가 있습니다. "
                        f"있는 id: {', '.join(sorted(known)) or '없음'}"
                    )
        return self

    def plan_chains(self) -> tuple[PlanChain, ...]:
        """All chains as :class:`casework.planning.PlanChain` objects."""
        return tuple(c.to_plan_chain() for c in self.chains)

    def need_statements(self) -> tuple[NeedStatement, ...]:
        """The case study's needs by domain as :class:`casework.planning.NeedStatement`."""
        return tuple(n.to_need_statement() for n in self.needs_by_domain)

    def summary_row(self) -> CaseSummary:
        return CaseSummary(id=self.id, title=self.title, kind=self.kind)


@dataclass(frozen=True)
class CaseSummary:
    """What a case list shows: id, title and kind."""

    id: str
    title: str
    kind: CaseKind


# --------------------------------------------------------------------------- loading


def _as_dirs(extra_dirs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[Path]:
    # A single path given where a list was expected would otherwise be split into letters.
    if isinstance(extra_dirs, (str, os.PathLike)):
        return [Path(extra_dirs)]
    try:
        items = list(extra_dirs)
    except TypeError:
        raise CaseworkError(
            f"extra_dirs에는 폴더 경로의 목록을 주세요 (예: ['내_사례']). 받은 값: {extra_dirs!r}"
        ) from None
    dirs = []
    for item in items:
        if not isinstance(item, (str, os.PathLike)):
            raise CaseworkError(f"extra_dirs의 항목은 폴더 경로여야 합니다. 받은 값: {item!r}")
        dirs.append(Path(item))
    return dirs


def _env_dirs() -> list[Path]:
    raw = os.environ.get(ENV_VAR, "")
    return [Path(part.strip()).expanduser() for part in raw.split(os.pathsep) if part.strip()]


def case_dirs(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> list[Path]:
    """Folders searched for cases: the bundled one, then ``CASEWORK_CASES_DIR``, then extra_dirs."""
    dirs: list[Path] = []
    seen: set[Path] = set()
    for d in [CASES_DIR, *_env_dirs(), *_as_dirs(extra_dirs)]:
        key = d.resolve()
        if key not in seen:
            seen.add(key)
            dirs.append(d)
    return dirs


def _case_files(extra_dirs: Iterable[str | os.PathLike[str]]) -> list[Path]:
    env = {d.resolve() for d in _env_dirs()}
    files: list[Path] = []
    for d in case_dirs(extra_dirs):
        try:
            files.extend(yaml_files(d))
        except DataFileError as exc:
            if d.resolve() in env:
                raise DataFileError(f"환경 변수 {ENV_VAR}에 적힌 폴더를 읽을 수 없습니다. {exc}") from None
            raise
    return files


# Validated cases keyed by every file's (path, mtime, size): a notebook calls load_case often,
# and an instructor's edit to a file changes its key, so nothing stale is served.
_LOADED: dict[tuple, tuple[Case, ...]] = {}


def _load_all(extra_dirs: Iterable[str | os.PathLike[str]]) -> tuple[Case, ...]:
    files = _case_files(extra_dirs)
    key = tuple((str(f), st.st_mtime_ns, st.st_size) for f in files for st in (f.stat(),))
    if key not in _LOADED:
        loaded = load_yaml_files(files, Case, id_field="id")
        _LOADED.clear()
        _LOADED[key] = tuple(sorted((case for _, case in loaded), key=lambda c: (c.order, c.id)))
    return _LOADED[key]


def list_cases(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> list[CaseSummary]:
    """Every available case (bundled and the instructor's), in list order.

    All files are validated; if any is bad, DataFileError lists every bad file.
    """
    return [case.summary_row() for case in _load_all(extra_dirs)]


def case_ids(extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> list[str]:
    """The ids of every available case, in list order."""
    return [case.id for case in _load_all(extra_dirs)]


def load_case(case_id: str, extra_dirs: Iterable[str | os.PathLike[str]] = ()) -> Case:
    """The case with this id, from the bundled cases or the instructor's folders."""
    if not isinstance(case_id, str) or not case_id.strip():
        raise CaseworkError(f"사례 id는 글이어야 합니다 (예: 'sick_child'). 받은 값: {case_id!r}")
    cases = _load_all(extra_dirs)
    for case in cases:
        if case.id == case_id:
            return case
    known = [c.id for c in cases]
    close = difflib.get_close_matches(case_id, known, n=1)
    hint = f" 혹시 '{close[0]}'인가요?" if close else ""
    raise CaseworkError(
        f"id가 '{case_id}'인 사례가 없습니다.{hint} 있는 사례: {', '.join(known) or '없음'}"
    )


def load_case_file(path: str | os.PathLike[str]) -> Case:
    """Load and validate one case file, wherever it is."""
    if not isinstance(path, (str, os.PathLike)):
        raise CaseworkError(f"사례 파일의 경로를 주세요 (예: '내_사례/new_case.yaml'). 받은 값: {path!r}")
    return load_yaml_model(path, Case)


def check_case_file(path: str | os.PathLike[str]) -> Case:
    """Load one case file as the workbook would: also refuse an id another case file already has.

    The workbook refuses to load any case when two files share an id, so a new file must not
    reuse the id of a bundled case or of a file in ``CASEWORK_CASES_DIR``.
    """
    case = load_case_file(path)
    refuse_taken_id(path, case.id, _case_files(()), "사례")
    return case


def dump_case(case: Case) -> str:
    """The case as YAML text (Korean kept readable); loading it back gives an equal case."""
    if not isinstance(case, Case):
        raise CaseworkError(f"dump_case에는 Case를 주세요 (load_case로 불러온 사례). 받은 값: {type(case).__name__}")
    return dump_yaml(case.model_dump(mode="json", exclude_defaults=True))
