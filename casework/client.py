"""Scripted clients for the interview practice, as YAML data files validated on load.

A client file (``casework/data/clients/<id>.yaml``) describes one person a learner interviews:
who they are (with details a seed varies for a cohort: a name, an age, small particulars), what
they say first, the facts a good interview can learn (each with the topics that reach it, the
reply to an open question, the short reply to a closed one, and how much trust it needs), the
person's other replies (to a leading question, to blame, to several questions at once …), how
trust rises and falls, and the manner a learner sees at each level of trust. No code is needed:
an instructor copies a file, edits it and checks it with ``casework clients FILE``; a folder in
the environment variable ``CASEWORK_CLIENTS_DIR`` adds files to the bundled ones. Every problem
is reported in Korean with the file, the line and how to fix it (:mod:`casework.datafiles`).

The engine that answers a learner's questions is :mod:`casework.conversation`; the format is
documented for developers in ``docs/CLIENTS.md``.
"""

from __future__ import annotations

import difflib
import os
import random
import string
from dataclasses import dataclass
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

from casework._util.text import josa
from casework.datafiles import (
    load_yaml_files,
    load_yaml_model,
    refuse_taken_id,
    yaml_files,
)
from casework.errors import CaseworkError, DataFileError

__all__ = [
    "BUILT_IN_PLACEHOLDERS",
    "CLIENTS_DIR",
    "DEFAULT_CLIENT",
    "DEFAULT_EFFECTS",
    "EFFECT_NAMES",
    "ENV_VAR",
    "Client",
    "Fact",
    "MannerLevel",
    "Person",
    "PersonDetails",
    "Replies",
    "Trust",
    "check_client_file",
    "client_dirs",
    "client_for_case",
    "client_ids",
    "list_clients",
    "load_client",
    "load_client_file",
    "render",
]

CLIENTS_DIR = Path(__file__).parent / "data" / "clients"
ENV_VAR = "CASEWORK_CLIENTS_DIR"
DEFAULT_CLIENT = "elderly_alone"
"""The client a case without its own client file uses (the textbook's 80-year-old)."""

DEFAULT_EFFECTS: dict[str, int] = {
    # listening and the principles kept (casework/data/language/listening_rules.yaml)
    "reflection": 2, "summary": 2, "empathy": 1, "invite_feeling": 1, "acceptance": 1,
    "self_determination": 1, "individualisation": 1, "confidentiality": 1, "greeting": 0,
    # the principles broken
    "blame": -3, "disapproval": -2, "directive": -2, "dismiss": -2, "stereotype": -2,
    "over_involvement": -1, "disclosure": -3,
    # the questioning mistakes (casework/questions.py)
    "leading": -1, "closed": 0, "several": -1, "complex": -1, "why": -3,
    # what only a whole interview shows
    "rapid": -1, "ignored_feeling": -1,
}
"""Workbook defaults: how far one kind of turn moves the person's trust (a file may change them)."""

EFFECT_NAMES = frozenset(DEFAULT_EFFECTS)
BUILT_IN_PLACEHOLDERS = frozenset({"name", "role", "age"})

_SLUG = r"^[a-z][a-z0-9_\-]*$"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("글이 비어 있습니다. 내용을 적거나 필요 없는 줄이면 지우세요.")
    return value


def _one_or_many(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


Text = Annotated[str, AfterValidator(_not_blank)]
Variants = Annotated[list[Text], BeforeValidator(_one_or_many), Field(min_length=1)]
Slug = Annotated[str, Field(pattern=_SLUG)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Person(_Model):
    """Who the person is, before the interview."""

    role: Text = Field(description="부르는 말, 예: 어르신, 씨, 님 (대답 앞과 화면에 붙음)")
    names: list[Text] = Field(min_length=1, description="가상의 이름 목록 (연습 자료 번호로 하나를 고름)")
    age: Annotated[list[Annotated[int, Field(ge=1, le=120)]], BeforeValidator(
        lambda v: [v] if isinstance(v, int) and not isinstance(v, bool) else v)] = Field(
        min_length=1, description="나이 또는 나이 목록 (목록이면 연습 자료 번호로 고름)")
    about: Text = Field(description="면접 전에 학습자가 아는 것 (소개 글)")


class Trust(_Model):
    """How the person's trust starts and what each level means."""

    start: int = Field(4, ge=0, description="처음 신뢰")
    max: int = Field(8, ge=1, le=20, description="가장 높은 신뢰")
    short_below: int = Field(2, ge=0, description="신뢰가 이보다 낮으면 짧게만 답함")
    close_at: int = Field(0, ge=0, description="신뢰가 이 값 이하가 되면 면접을 그만두자고 함")
    opens_up_at: int = Field(6, ge=0, description="신뢰가 이 값 이상이면 이어지는 이야기(then)까지 꺼냄")
    patience: int = Field(4, ge=1, le=20, description="듣는 말 없이 질문만 이만큼 이어지면 지치기 시작함")
    max_rise: int = Field(2, ge=0, le=10, description="한 차례에 오를 수 있는 신뢰의 최대치")
    max_fall: int = Field(3, ge=0, le=10, description="한 차례에 내려갈 수 있는 신뢰의 최대치")

    @model_validator(mode="after")
    def _ordered(self) -> Trust:
        if not self.close_at < self.short_below <= self.start <= self.max:
            raise ValueError(
                "신뢰 값은 close_at < short_below ≤ start ≤ max 순서여야 합니다 "
                f"(지금 close_at {self.close_at}, short_below {self.short_below}, start {self.start}, max {self.max})."
            )
        if self.opens_up_at > self.max:
            raise ValueError(f"opens_up_at({self.opens_up_at})이 max({self.max})보다 클 수 없습니다.")
        return self


class Fact(_Model):
    """One fact the interview can learn, with the replies that tell it or keep it back."""

    id: Slug = Field(description="영문 소문자로 된 사실의 이름, 예: lives_alone")
    summary: Text = Field(description="'알게 된 것' 목록에 보이는 한 줄")
    topics: list[str] = Field(min_length=1, description="이 사실에 닿는 이야깃거리(영역) id 목록")
    source: Text = Field(description="출처 (교재의 자리, 또는 '연습 자료')")
    practice_data: bool = Field(False, description="교재에 없는 연습용 사실이면 true")
    volunteers: bool = Field(False, description="일반적인 열린 질문에도 스스로 꺼내는 이야기인지")
    min_trust: int = Field(0, ge=0, description="이 신뢰 이상이어야 말하는 이야기 (민감한 사실)")
    feeling: bool = Field(False, description="감정이 실린 이야기인지 (알아주지 않고 넘어가면 때에 맞지 않은 질문)")
    then: list[Slug] = Field(default_factory=list, description="마음을 열면 이어서 꺼내는 사실의 id")
    reply: Text = Field(description="열린 질문에 하는 대답 (이 사실이 드러남)")
    short: Text = Field(description="닫힌 질문이나 경계할 때의 짧은 대답 (사실이 드러나지 않음)")
    guarded: Text | None = Field(None, description="아직 말하기 어려울 때 피하는 대답 (없으면 replies.guarded)")

    @field_validator("topics")
    @classmethod
    def _known_topics(cls, topics: list[str]) -> list[str]:
        from casework.topics import topic_ids

        known = topic_ids()
        for topic in topics:
            if topic not in known:
                close = difflib.get_close_matches(topic, known, n=1)
                hint = f" 혹시 '{close[0]}'인가요?" if close else ""
                raise ValueError(f"{josa(repr(topic), '은')} 없는 이야깃거리입니다.{hint} 쓸 수 있는 값: {', '.join(known)}")
        if len(set(topics)) != len(topics):
            raise ValueError("같은 이야깃거리가 두 번 있습니다.")
        return topics


def _default(*lines: str) -> Any:
    return Field(default_factory=lambda: list(lines))


class Replies(_Model):
    """What the person says when the question is not answered with a fact (variants rotate)."""

    acknowledge: Variants = _default("네, 맞아요.", "그래요.")
    agree: Variants = _default("네… 뭐, 그렇죠.", "네, 그런 셈이에요.")
    several: Variants = _default("한꺼번에 물으시니 정신이 없네요.")
    confused: Variants = _default("네? 무슨 말씀인지 잘 모르겠어요.")
    defensive: Variants = _default("제가 뭘 잘못했다는 거예요?", "그걸 꼭 따지셔야 해요?")
    lectured: Variants = _default("…네, 알겠어요.", "그건 제가 알아서 할게요.")
    hurt: Variants = _default("…그렇게 말씀하시니 더 할 말이 없네요.")
    alarmed: Variants = _default("그 얘기는 다른 사람한테 하지 말아 주세요.")
    guarded: Variants = _default("그건… 나중에 얘기할게요.")
    yes_no: Variants = _default("네.", "아니요, 뭐….")
    nothing_here: Variants = _default("그건 별로 문제 될 게 없어요.")
    already_told: Variants = _default("아까 말씀드린 그대로예요.")
    general_end: Variants = _default("글쎄요, 더 말씀드릴 게 생각이 안 나네요.")
    greeting: Variants = _default("네, 안녕하세요.")
    misheard: Variants = _default("음… 제가 그렇게 말했던가요?")
    tired: Variants = _default("자꾸 물으시니 좀 지치네요.")
    closing: Variants = _default("오늘은 여기까지만 할게요. 그만 가 보겠습니다.")
    gone: Variants = _default("(이야기를 그만두고 자리를 떴습니다.)")
    leaving: Variants = _default("이제 가 봐야겠어요. 오늘 이야기는 여기까지 해요.")
    unreadable: Variants = _default("네? 무슨 말씀인지 못 알아듣겠어요.")


class MannerLevel(_Model):
    """What the learner sees of the person's trust from this level up."""

    from_: int = Field(alias="from", ge=0, description="이 신뢰부터")
    text: Text = Field(description="당사자의 태도 (예: 조심스럽게 답하십니다)")


class Client(_Model):
    """One scripted client."""

    id: Slug = Field(description="영문 소문자로 된 당사자 파일의 이름, 예: elderly_alone")
    case: str = Field("", description="이 당사자가 나오는 사례의 id (연습 04가 사례에 맞는 당사자를 고름)")
    title: Text = Field(description="면접 연습의 제목")
    source: Text = Field(description="출처")
    note: Text = Field(description="교재에 없는 것을 덧붙였다는 안내 (인물은 가상)")
    order: int = Field(100, description="목록에서의 순서 (작을수록 앞)")
    person: Person
    setting: Text = Field(description="만나는 자리 (학습자에게 보임)")
    details: dict[Slug, list[Text]] = Field(
        default_factory=dict, description="연습 자료 번호로 고르는 작은 차이: 이름 → 값 목록 (대답에 {이름}으로 씀)")
    opening: Text = Field(description="당사자가 처음 하는 말")
    trust: Trust = Field(default_factory=lambda: Trust.model_validate({}))
    effects: dict[str, int] = Field(default_factory=dict, description="신뢰가 움직이는 정도 (기본값을 바꿀 때만)")
    manner: list[MannerLevel] = Field(min_length=1, description="신뢰 수준별로 보이는 태도")
    facts: list[Fact] = Field(min_length=3, description="면접으로 알 수 있는 사실")
    replies: Replies = Field(default_factory=Replies)
    model_interview: list[Text] = Field(min_length=3, description="풀이에 보이는 모범 질문 (차례대로)")
    needs: list[Text] = Field(default_factory=list, description="(선택) 교재가 찾은 욕구 — 풀이에 보임")
    pass_share: float = Field(0.8, ge=0.1, le=1.0, description="통과로 보는 알아낸 사실의 몫")
    max_turns: int = Field(30, ge=5, le=60, description="면접의 최대 차례 (넘으면 당사자가 자리를 뜸)")

    @field_validator("effects")
    @classmethod
    def _known_effects(cls, effects: dict[str, int]) -> dict[str, int]:
        for name, value in effects.items():
            if name not in EFFECT_NAMES:
                close = difflib.get_close_matches(name, sorted(EFFECT_NAMES), n=1)
                hint = f" 혹시 '{close[0]}'인가요?" if close else ""
                raise ValueError(f"{josa(repr(name), '은')} 없는 효과 이름입니다.{hint} 쓸 수 있는 값: {', '.join(sorted(EFFECT_NAMES))}")
            if not -10 <= value <= 10:
                raise ValueError(f"효과 '{name}'의 값은 -10부터 10 사이여야 합니다(받은 값: {value}).")
        return effects

    @field_validator("manner")
    @classmethod
    def _manner_from_zero(cls, levels: list[MannerLevel]) -> list[MannerLevel]:
        starts = [m.from_ for m in levels]
        if 0 not in starts:
            raise ValueError("manner에 from: 0인 줄이 있어야 합니다(신뢰가 가장 낮을 때의 태도).")
        if len(set(starts)) != len(starts):
            raise ValueError("manner에 같은 from 값이 두 번 있습니다.")
        return levels

    @model_validator(mode="after")
    def _consistent(self) -> Client:
        ids = [f.id for f in self.facts]
        doubled = sorted({i for i in ids if ids.count(i) > 1})
        if doubled:
            raise ValueError(f"사실 id가 두 번 나옵니다: {', '.join(doubled)}. 사실마다 다른 id를 쓰세요.")
        for fact in self.facts:
            for ref in fact.then:
                if ref not in ids or ref == fact.id:
                    raise ValueError(f"사실 '{fact.id}'의 then에 있는 '{ref}'는 다른 사실의 id가 아닙니다. 있는 id: {', '.join(ids)}")
            if fact.min_trust > self.trust.max:
                raise ValueError(f"사실 '{fact.id}'의 min_trust({fact.min_trust})가 trust.max({self.trust.max})보다 큽니다.")
        if not any(f.volunteers for f in self.facts):
            raise ValueError("volunteers: true인 사실이 하나 이상 있어야 합니다(일반적인 열린 질문에 꺼내는 이야기).")
        for key, values in self.details.items():
            if key in BUILT_IN_PLACEHOLDERS:
                raise ValueError(f"details의 '{key}'는 워크북이 정하는 자리 이름이라 쓸 수 없습니다. 다른 이름을 쓰세요.")
            if not values:
                raise ValueError(f"details의 '{key}'에 값이 하나도 없습니다.")
        allowed = BUILT_IN_PLACEHOLDERS | set(self.details)
        for where, text in self._texts():
            problem = _placeholder_problem(text, allowed)
            if problem:
                raise ValueError(f"{where}: {problem}")
        return self

    def _texts(self):
        yield "person.about", self.person.about
        yield "setting", self.setting
        yield "opening", self.opening
        for fact in self.facts:
            for field_name in ("summary", "reply", "short", "guarded"):
                value = getattr(fact, field_name)
                if value:
                    yield f"facts의 '{fact.id}' {field_name}", value
        for field_name in Replies.model_fields:
            for text in getattr(self.replies, field_name):
                yield f"replies.{field_name}", text
        for text in self.details.values():
            for value in text:
                yield "details", value

    # ----- what a seed decides

    def effect(self, name: str) -> int:
        """How far one kind of turn moves trust (this file's value, else the workbook default)."""
        return self.effects.get(name, DEFAULT_EFFECTS[name])

    def fact(self, fact_id: str) -> Fact:
        for fact in self.facts:
            if fact.id == fact_id:
                return fact
        raise CaseworkError(f"'{self.id}' 당사자에게 '{fact_id}'라는 사실이 없습니다.")

    def details_for(self, seed: int) -> PersonDetails:
        """The person's name, age and particulars for a seed: the same seed, the same person."""
        rng = random.Random(f"casework|client|{self.id}|{seed}")
        name = rng.choice(self.person.names)
        age = rng.choice(self.person.age)
        values = {key: rng.choice(options) for key, options in sorted(self.details.items())}
        values.update(name=name, role=self.person.role, age=str(age))
        return PersonDetails(name, age, self.person.role, values)

    def manner_at(self, trust: int) -> str:
        """The manner shown at this trust."""
        level = max((m for m in self.manner if m.from_ <= trust), key=lambda m: m.from_)
        return level.text


@dataclass(frozen=True)
class PersonDetails:
    """The person as one seed makes them."""

    name: str
    age: int
    role: str
    values: dict[str, str]

    @property
    def called(self) -> str:
        """How the person is named on screen, e.g. '김순례 어르신'."""
        return f"{self.name} {self.role}"


def render(text: str, values: dict[str, str]) -> str:
    """``text`` with its ``{placeholders}`` filled (the file was checked on load)."""
    return text.format_map(values)


def _placeholder_problem(text: str, allowed: set[str] | frozenset[str]) -> str:
    try:
        fields = [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:
        return ("중괄호 { }의 짝이 맞지 않습니다. 자리를 나타낼 때만 {name}처럼 쓰고, "
                "글자 그대로의 중괄호는 {{ }}로 두 번 적으세요.")
    for field in fields:
        if field not in allowed:
            return (f"'{{{field}}}'는 없는 자리입니다. 쓸 수 있는 자리: "
                    + ", ".join(f"{{{a}}}" for a in sorted(allowed)))
    return ""


# --------------------------------------------------------------------------- loading


def client_dirs() -> list[Path]:
    """Folders searched for clients: the bundled one, then those in ``CASEWORK_CLIENTS_DIR``."""
    extra = [Path(p.strip()).expanduser() for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip()]
    dirs, seen = [], set()
    for d in [CLIENTS_DIR, *extra]:
        if d.resolve() not in seen:
            seen.add(d.resolve())
            dirs.append(d)
    return dirs


def _client_files() -> list[Path]:
    files: list[Path] = []
    for d in client_dirs():
        try:
            files.extend(yaml_files(d))
        except DataFileError as exc:
            if d != CLIENTS_DIR:
                raise DataFileError(f"환경 변수 {ENV_VAR}에 적힌 폴더를 읽을 수 없습니다. {exc}") from None
            raise
    return files


_LOADED: dict[tuple, tuple[Client, ...]] = {}


def _load_all() -> tuple[Client, ...]:
    files = _client_files()
    key = tuple((str(f), st.st_mtime_ns, st.st_size) for f in files for st in (f.stat(),))
    if key not in _LOADED:
        loaded = load_yaml_files(files, Client, id_field="id")
        _LOADED.clear()
        _LOADED[key] = tuple(sorted((c for _, c in loaded), key=lambda c: (c.order, c.id)))
    return _LOADED[key]


def list_clients() -> list[Client]:
    """Every available client (bundled and the instructor's), in list order; all files validated."""
    return list(_load_all())


def client_ids() -> list[str]:
    return [c.id for c in _load_all()]


def load_client(client_id: str) -> Client:
    """The client with this id."""
    if not isinstance(client_id, str) or not client_id.strip():
        raise CaseworkError(f"당사자 id는 글이어야 합니다 (예: 'elderly_alone'). 받은 값: {client_id!r}")
    clients = _load_all()
    for client in clients:
        if client.id == client_id:
            return client
    known = [c.id for c in clients]
    close = difflib.get_close_matches(client_id, known, n=1)
    hint = f" 혹시 '{close[0]}'인가요?" if close else ""
    raise CaseworkError(f"id가 '{client_id}'인 당사자가 없습니다.{hint} 있는 당사자: {', '.join(known) or '없음'}")


def client_for_case(case_id: str) -> Client:
    """The client who tells this case, else the default client (the 80-year-old living alone)."""
    for client in _load_all():
        if client.case and client.case == case_id:
            return client
    return load_client(DEFAULT_CLIENT)


def load_client_file(path: str | os.PathLike[str]) -> Client:
    """Load and validate one client file, wherever it is."""
    if not isinstance(path, (str, os.PathLike)):
        raise CaseworkError(f"당사자 파일의 경로를 주세요 (예: '내_당사자/new_client.yaml'). 받은 값: {path!r}")
    return load_yaml_model(Path(path), Client)


def check_client_file(path: str | os.PathLike[str]) -> Client:
    """Load one client file as the workbook would, refusing an id another file already has."""
    client = load_client_file(path)
    refuse_taken_id(path, client.id, _client_files(), "당사자")
    return client
