"""Checks for the exercise notebooks: personalised practice data and judged answers.

An exercise notebook builds one :class:`Checker` in its ``check-setup`` cell::

    check = checks.start("07", learner=learner, case_id=case_id, seed=seed, show_hints=show_hints)

``check.practice_data()`` gives the learner's practice material, made deterministically from
(exercise, case, seed), and every ``check("qN", answer)`` cell judges one answer. The result is
shown as HTML and also emitted as a machine-readable record (MIME type :data:`MIME_TYPE`) that
``casework grade`` collects; outside IPython the text form is printed. See docs/EXERCISES.md.

Judging follows the library, never string equality of free text:

* a goal by :func:`casework.planning.check_goal`, a question by
  :func:`casework.interview.check_question`, a need by :func:`casework.pdn.need_feedback`;
* numbers and choices by the value the library computes from the same practice data
  (K-ADL and Lawton IADL totals, the GAS T score, the intake processing type, the next step of
  a :class:`casework.process.CaseRecord`, the reassessment triggers, unmet needs, masking …).

Teaching rules of the workbook (the textbook says nothing about scoring):

* a free-text answer with one finding is *partial* (score 0.5), with two or more *incorrect*;
* a list or table answer scores the share it got right; everything right is *correct*;
* a question counts as a question when it ends with a question mark or a Korean question or
  request ending (…나요, …까요, …주시겠어요, …주세요); :func:`check_question` alone returns no
  finding for a plain statement.

A blank answer (``...``, None, an empty text or container) is *unanswered* and never raises.
In strict mode (``strict=True`` or the environment variable ``CASEWORK_STRICT_CHECKS=1``) every
result other than *correct*, unanswered included, raises :class:`CaseworkError` after it is
shown: the solution notebooks are tested that way.

Prompts and hints are course content in ``casework/data/exercises/NN.yaml``, validated on load;
the judging functions live here. IPython is imported only when a result is shown inside it.
"""

from __future__ import annotations

import copy
import difflib
import functools
import html
import math
import numbers
import os
import random
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from casework.cases import Case, ResourceSector, case_ids, load_case
from casework.datafiles import load_yaml_model
from casework.errors import CaseworkError, DataFileError
from casework.feedback import Feedback, Status
from casework.labels import parse_member

__all__ = [
    "MIME_TYPE",
    "STRICT_ENV",
    "EXERCISES_DIR",
    "QuestionText",
    "MonitoringScenario",
    "ExerciseText",
    "ExerciseSpec",
    "PracticeData",
    "CheckFeedback",
    "Checker",
    "exercise_ids",
    "exercise_text",
    "exercise_spec",
    "start",
]

MIME_TYPE = "application/vnd.casework.check+json"
STRICT_ENV = "CASEWORK_STRICT_CHECKS"
EXERCISES_DIR = Path(__file__).parent / "data" / "exercises"

_TRUE_WORDS = {"1", "true", "yes", "on"}

# --------------------------------------------------------------------------- course texts (YAML)


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("글이 비어 있습니다. 내용을 적거나 필요 없는 줄이면 지우세요.")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]



def _each_shows_one_mistake(items: list[str], check: Callable[[str], list], what: str, kind: str) -> list[str]:
    """Practice items must show exactly one mistake, or the question they feed is ambiguous."""
    for text in items:
        found = check(text)
        if len(found) != 1:
            names = ", ".join(f.mistake.value for f in found) or "없음"
            raise ValueError(
                f"'{text}'에서 찾은 {what}가 {len(found)}개입니다({names}). 실수가 꼭 하나만 "
                f"잡히는 {kind}으로 고쳐 주세요."
            )
    return items

class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionText(_Model):
    """One question of an exercise: its id, title, prompt (markdown) and hint."""

    id: str = Field(pattern=r"^q[1-9][0-9]?$", description="문제 번호, 예: q1")
    title: Text = Field(description="문제 제목")
    prompt: Text = Field(description="노트북에 보이는 문제 설명 (마크다운)")
    hint: Text = Field(description="show_hints가 True일 때 채점 결과에 붙는 힌트")


class MonitoringScenario(_Model):
    """A monitoring contact described in words, with the method it is an example of."""

    text: Text = Field(description="점검 장면 설명")
    method: Text = Field(description="점검 방법: 가정방문·상담, 비공식 모니터링, 척도·기록, 제공기관 통해")

    @field_validator("method")
    @classmethod
    def _known_method(cls, value: str) -> str:
        from casework.monitoring import MonitoringMethod

        try:
            return MonitoringMethod.parse(value).value
        except CaseworkError as exc:
            raise ValueError(str(exc)) from None


class ExerciseText(_Model):
    """The course text of one exercise (``casework/data/exercises/NN.yaml``)."""

    id: str = Field(pattern=r"^[0-9]{2}$", description="연습 번호 (장 번호 두 자리), 예: '07'")
    title: Text = Field(description="연습 제목")
    notebook: Text = Field(description="연습 노트북 파일 이름 (확장자 없이)")
    chapter: Text = Field(description="먼저 읽을 장 노트북 파일 이름 (확장자 없이)")
    questions: list[QuestionText] = Field(min_length=1, description="문제 목록 (q1, q2, … 순서)")
    flawed_questions: list[Text] = Field(default_factory=list,
                                         description="실수가 꼭 하나 있는 면접 질문 (04)")
    other_agency_programmes: list[Text] = Field(default_factory=list,
                                                description="안내할 타기관 사업 이름 (04)")
    flawed_goals: list[Text] = Field(default_factory=list,
                                     description="실수가 꼭 하나 있는 목표 문장 (07)")
    monitoring_scenarios: list[MonitoringScenario] = Field(default_factory=list,
                                                           description="점검 장면 (08)")
    share_texts: list[Text] = Field(default_factory=list,
                                    description="가려서 나눌 사례 글, {name} {family} {rrn} {phone} 자리 포함 (11)")

    @field_validator("questions")
    @classmethod
    def _numbered_in_order(cls, questions: list[QuestionText]) -> list[QuestionText]:
        ids = [q.id for q in questions]
        wanted = [f"q{i}" for i in range(1, len(ids) + 1)]
        if ids != wanted:
            raise ValueError(f"문제 id는 q1부터 차례대로 써야 합니다. 지금: {', '.join(ids)} / 기대: {', '.join(wanted)}")
        return questions

    @field_validator("flawed_questions")
    @classmethod
    def _one_question_mistake_each(cls, items: list[str]) -> list[str]:
        from casework.interview import check_question

        return _each_shows_one_mistake(items, check_question, "질문 실수", "질문")

    @field_validator("flawed_goals")
    @classmethod
    def _one_goal_mistake_each(cls, items: list[str]) -> list[str]:
        from casework.planning import check_goal

        return _each_shows_one_mistake(items, check_goal, "계획 실수", "목표 문장")

    @field_validator("share_texts")
    @classmethod
    def _placeholders(cls, items: list[str]) -> list[str]:
        for text in items:
            missing = [p for p in ("{name}", "{rrn}", "{phone}") if p not in text]
            if missing:
                raise ValueError(f"사례 글에 {', '.join(missing)} 자리가 없습니다: '{text[:40]}…'")
            try:
                text.format(name="가", family="나", rrn="0", phone="0")
            except (KeyError, IndexError, ValueError):
                raise ValueError(
                    "사례 글의 중괄호 자리는 {name}, {family}, {rrn}, {phone}만 쓸 수 있습니다: "
                    f"'{text[:40]}…'"
                ) from None
        return items


# --------------------------------------------------------------------------- small helpers


def _squash(text: str) -> str:
    """Lower-case text without spaces or middle dots, for comparing labels a learner typed."""
    return re.sub(r"[\s·ㆍ/・]", "", text).lower()


def _josa(word: str, particle: str) -> str:
    """``word`` with the particle that fits its last sound: 은/는, 이/가, 을/를, 과/와 or (으)로.

    ``particle`` is one of "은", "이", "을", "과", "으로". Quotes and brackets at the end are
    skipped; a final digit is read aloud (3 → 삼). Anything else falls back to the 은(는) form.
    """
    pairs = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와"), "으로": ("으로", "로")}
    with_final, without = pairs[particle]
    core = word.rstrip("'\"’”)]」』 .")
    last = core[-1:] if core else ""
    if "가" <= last <= "힣":
        final = (ord(last) - 0xAC00) % 28
    elif last.isdigit():
        final = {"0": 21, "1": 8, "3": 16, "6": 1, "7": 8, "8": 8}.get(last, 0)
    else:
        return f"{word}{with_final}({without})"
    if particle == "으로":
        return word + ("로" if final in (0, 8) else "으로")
    return word + (with_final if final else without)


def _is_blank(answer: object) -> bool:
    """``...``, None, an empty or all-space text, an empty container, or one holding only ``...``."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, Mapping):
        return len(answer) == 0 or all(k is Ellipsis for k in answer)
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(item is Ellipsis for item in answer)
    return False


def _show(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _feedback(status: Status, summary: str, points: Iterable[str] = (), score: float | None = None) -> Feedback:
    default = {Status.CORRECT: 1.0, Status.PARTIAL: 0.5}.get(status, 0.0)
    return Feedback(status, summary, tuple(points), default if score is None else score)


def _wrong_type(what: str, answer: object, example: str) -> Feedback:
    return _feedback(
        Status.INCORRECT,
        f"답의 모양이 맞지 않습니다. {what}",
        (f"받은 값: {_show(answer)} ({type(answer).__name__}). 예: {example}",),
    )


def _as_text(answer: object) -> str | None:
    return " ".join(answer.split()) if isinstance(answer, str) else None


def _as_number(answer: object) -> float | None:
    if isinstance(answer, bool):
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
    elif isinstance(answer, str):
        try:
            value = float(answer.strip().replace(",", ""))
        except ValueError:
            return None
    else:
        return None
    return value if math.isfinite(value) else None


def _as_list(answer: object) -> list[object] | None:
    """A list answer; a text is split on commas (the workbook accepts "옷 입기, 목욕하기")."""
    if isinstance(answer, str):
        return [part.strip() for part in answer.split(",") if part.strip()]
    if isinstance(answer, (list, tuple, set, frozenset)):
        return [item for item in answer if item is not Ellipsis]
    return None


def _as_bool(answer: object) -> bool | None:
    if isinstance(answer, bool):
        return answer
    if isinstance(answer, str):
        word = _squash(answer)
        if word in {"예", "네", "그렇다", "true", "yes"}:
            return True
        if word in {"아니오", "아니요", "아니다", "false", "no"}:
            return False
    return None


def _parse_choice(enum_cls: type[Enum], answer: object, what: str, *,
                  numbered: bool = False, aliases: Mapping[str, Enum] | None = None) -> Enum:
    """The member a learner meant: the member, its label (spaces ignored), a circled or plain number."""
    members = list(enum_cls)
    if numbered and isinstance(answer, numbers.Integral) and not isinstance(answer, bool):
        if 1 <= int(answer) <= len(members):
            return members[int(answer) - 1]
    if isinstance(answer, str):
        text = answer.strip()
        circled = "①②③④⑤⑥⑦⑧⑨"
        if numbered and text[:1] in circled:
            index = circled.index(text[0])
            rest = text[1:].strip()
            if index < len(members) and (not rest or _squash(rest) == _squash(str(members[index].value))):
                return members[index]
        if numbered and text.isdigit() and 1 <= int(text) <= len(members):
            return members[int(text) - 1]
        for alias, member in (aliases or {}).items():
            if _squash(text) == _squash(alias):
                return member
    return parse_member(enum_cls, answer, what)


def _choices_line(enum_cls: type[Enum], *, numbered: bool = False) -> str:
    if numbered:
        return ", ".join(f"{i}. {m.value}" for i, m in enumerate(enum_cls, 1))
    return ", ".join(str(m.value) for m in enum_cls)


def _set_feedback(picked: Sequence[str], expected: Sequence[str], *, what: str,
                  unknown: Sequence[str] = ()) -> Feedback:
    """Compare a learner's picks with the expected items (both already canonical labels)."""
    want, got = list(dict.fromkeys(expected)), list(dict.fromkeys(picked))
    right = [x for x in got if x in want]
    wrong = [x for x in got if x not in want]
    left = [x for x in want if x not in got]
    points: list[str] = []
    if unknown:
        points.append(f"보기에 없는 항목이 있습니다: {', '.join(repr(u) for u in unknown)}. 자료에 나온 이름 그대로 적어 주세요.")
    if wrong:
        points.append(f"{what}에 들지 않는 것을 골랐습니다: {', '.join(wrong)}.")
    if left:
        points.append(f"{_josa(what, '이')} {len(left)}개 더 있습니다. 자료를 다시 살펴보세요.")
    total = len(want) + len(wrong) + len(unknown)
    if not wrong and not left and not unknown:
        return _feedback(Status.CORRECT, f"{_josa(what, '을')} 모두 맞게 골랐습니다: {', '.join(want)}.", points)
    score = len(right) / total if total else 0.0
    status = Status.PARTIAL if right else Status.INCORRECT
    return _feedback(status, f"{what} {len(want)}개 가운데 {len(right)}개를 맞게 골랐습니다.", points, score)


def _match_labels(items: Iterable[object], known: Sequence[str],
                  aliases: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Map typed labels onto known ones (spaces and dots ignored); return (matched, unknown)."""
    table = {_squash(k): k for k in known}
    table.update({_squash(a): k for a, k in (aliases or {}).items()})
    matched, unknown = [], []
    for item in items:
        key = _squash(str(item.value)) if isinstance(item, Enum) else _squash(str(item))
        (matched.append(table[key]) if key in table else unknown.append(str(item)))
    return matched, unknown


def _table_feedback(answer: Mapping[object, object], expected: Mapping[str, str], *,
                    parse: Callable[[object], str], what: str, aliases: Mapping[str, str] | None = None) -> Feedback:
    """Judge a {item: label} answer item by item against ``expected``."""
    lookup = {_squash(k): k for k in expected}
    lookup.update({_squash(a): k for a, k in (aliases or {}).items()})
    given: dict[str, object] = {}
    points: list[str] = []
    for key, value in answer.items():
        name = lookup.get(_squash(str(key)))
        if name is None:
            points.append(f"자료에 없는 항목입니다: {key!r}. 자료에 나온 문장·이름을 그대로 열쇠로 쓰세요.")
            continue
        given[name] = value
    right = 0
    for name, want in expected.items():
        if name not in given or given[name] is Ellipsis:
            points.append(f"'{name}'에 답이 없습니다.")
            continue
        try:
            got = parse(given[name])
        except CaseworkError as exc:
            points.append(f"'{name}': {exc}")
            continue
        if got == want:
            right += 1
        else:
            points.append(f"{_josa(repr(name), '을')} {_josa(repr(got), '으로')} 나누었습니다. {what} 설명을 다시 읽고 생각해 보세요.")
    total = len(expected)
    if right == total and not points:
        return _feedback(Status.CORRECT, f"{total}개를 모두 맞게 나누었습니다.", ())
    status = Status.PARTIAL if right else Status.INCORRECT
    return _feedback(status, f"{total}개 가운데 {right}개를 맞게 나누었습니다.", points, right / total if total else 0.0)


# --------------------------------------------------------------------------- free-text judges

_QUESTION_END = re.compile(
    r"([?？]|나요|까요|니까|는지요|가요|을까|ㄹ까|래요|주시겠어요|주실래요|주세요|주십시오)[.!…~\s]*$"
)


def _looks_like_question(text: str) -> bool:
    """Workbook rule: the text ends with a question mark or a question or request ending."""
    return bool(_QUESTION_END.search(text.strip()))


def judge_question(answer: object) -> Feedback:
    """Judge a question to ask the person: a question with no questioning mistake is correct."""
    from casework.interview import check_question

    text = _as_text(answer)
    if text is None:
        return _wrong_type("질문을 따옴표로 감싼 글로 적어 주세요.", answer, '"요즘 하루를 어떻게 보내시는지 이야기해 주시겠어요?"')
    findings = check_question(text)
    points = [f"[{f.mistake.value}] {f.message}" for f in findings]
    if not _looks_like_question(text):
        points.insert(0, "질문이나 이야기를 청하는 말로 끝나지 않습니다. 물음표(?)로 끝내거나 "
                         "'~말씀해 주시겠어요?'처럼 당사자에게 묻는 문장으로 써 주세요.")
        return _feedback(Status.INCORRECT, "당사자에게 묻는 문장이 아닙니다.", points)
    if not findings:
        return _feedback(Status.CORRECT, "질문할 때 흔히 하는 실수가 보이지 않는 열린 질문입니다.",
                         ("질문한 뒤에는 서둘러 다음 질문으로 넘어가지 말고 당사자의 이야기를 끝까지 들어 주세요.",))
    if len(findings) == 1:
        return _feedback(Status.PARTIAL, f"질문 실수가 하나 보입니다: {findings[0].mistake.value}.", points)
    return _feedback(Status.INCORRECT, f"질문 실수가 {len(findings)}가지 보입니다.", points)


def judge_goal(answer: object, *, owner: str | None = None) -> Feedback:
    """Judge a written goal: no planning-mistake finding is correct; one is partial."""
    from casework.planning import check_goal

    text = _as_text(answer)
    if text is None:
        return _wrong_type("목표를 따옴표로 감싼 글로 적어 주세요.", answer, '"어르신이 3개월 안에 …"')
    findings = check_goal(text, owner=owner)
    points = [str(f) for f in findings]
    if not findings:
        return _feedback(Status.CORRECT, "계획수립 때 흔히 하는 일곱 가지 실수가 보이지 않습니다.",
                         ("누가, 언제까지, 어느 수준으로 달라지는지 드러나는 목표입니다. 당사자와 합의했는지도 꼭 확인하세요.",))
    if len(findings) == 1:
        return _feedback(Status.PARTIAL, f"고칠 점이 하나 있습니다: {findings[0].mistake.value}.", points)
    return _feedback(Status.INCORRECT, f"고칠 점이 {len(findings)}가지 있습니다.", points)


def judge_need(answer: object) -> Feedback:
    """Judge a need statement with :func:`casework.pdn.need_feedback` (need or demand?)."""
    from casework.pdn import need_feedback

    text = _as_text(answer)
    if text is None:
        return _wrong_type("욕구를 따옴표로 감싼 글로 적어 주세요.", answer, '"건강회복의 욕구"')
    return need_feedback(text)


# --------------------------------------------------------------------------- practice building


@dataclass
class _Build:
    """What a practice builder gets: the case, a seeded random source and the course text."""

    case: Case
    rng: random.Random
    text: ExerciseText
    case_id: str
    seed: int


@dataclass
class _Context:
    """What a judge gets: the checker's own copy of the practice data and library objects."""

    data: dict[str, Any]
    private: dict[str, Any]
    case: Case


def _case_info(case: Case) -> dict[str, str]:
    return {"사례": case.title, "요약": case.summary}


def _case_with_chains(case: Case) -> Case:
    """The case itself if it has planning chains, else the bundled sick_child (workbook rule)."""
    if any(chain.objectives for chain in case.chains):
        return case
    return load_case("sick_child")


def _case_needs(case: Case) -> list[tuple[str, Any]]:
    """(text, Domain) of every need in the case: chain needs first, then needs by domain."""
    seen: dict[str, Any] = {}
    for chain in case.chains:
        for need in chain.needs:
            seen.setdefault(need.text, need.domain)
    for need in case.needs_by_domain:
        seen.setdefault(need.label, need.domain)
    return list(seen.items())


def _first_quote(case: Case) -> str:
    for chain in case.chains:
        if chain.problem_quote.strip():
            return chain.problem_quote
    return case.summary


# ----- 04 초기상담


def _build_04(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.assessment import AssessedNeed, IntakeSummary, ProblemType

    rng = b.rng
    needs = _case_needs(b.case) or [("일상생활 유지의 욕구", "일상생활유지")]
    picked = rng.sample(needs, k=min(len(needs), rng.choice((2, 3))))
    linked = len(picked) >= 2 and rng.random() < 0.55
    assessed = []
    for i, (text, domain) in enumerate(picked):
        links = (picked[0][0],) if linked and i == 1 else ()
        if linked and i == 2 and rng.random() < 0.5:
            links = (picked[1][0],)
        assessed.append(AssessedNeed(domain=domain, description=text, severity=rng.randint(2, 5),
                                     priority=i + 1, key=text, connected_to=links))
    problem_type = rng.choice(list(ProblemType))
    will = rng.random() < 0.6
    support_here = rng.random() < 0.6
    programme = "" if support_here or rng.random() < 0.3 else rng.choice(b.text.other_agency_programmes)
    summary = IntakeSummary(tuple(assessed), problem_type, will, support_here, programme)
    links_text = [f"{n.key} ↔ {other}" for n in assessed for other in n.connected_to]
    public = {
        "case": _case_info(b.case),
        "quote": _first_quote(b.case),
        "question_to_check": rng.choice(b.text.flawed_questions),
        "intake": {
            "확인한 욕구": [f"{n.description} ({n.domain.value})" for n in assessed],
            "서로 얽혀 있는 욕구": links_text,
            "문제의 유형": problem_type.value,
            "해결의지": "있음" if will else "아직 없음",
            "이곳에서 지원 가능": "예" if support_here else "아니오",
            "알맞은 타기관 사업": programme or "아직 찾지 못함",
        },
    }
    return public, {"intake": summary}


def _judge_04_q1(answer: object, ctx: _Context) -> Feedback:
    return judge_question(answer)


def _judge_named_mistake(
    answer: object, expected: Enum, enum_cls: type[Enum], what: str, *, example: Enum,
    example_number: int, right_point: str, hint: str,
) -> Feedback:
    """Judge "which of the seven mistakes is this?" answered by name or number (1~7)."""
    try:
        chosen = _parse_choice(enum_cls, answer, what, numbered=True)
    except CaseworkError:
        return _wrong_type(f"일곱 가지 {what} 가운데 하나의 이름이나 번호(1~7)를 적어 주세요.", answer,
                           f'"{example.value}" 또는 {example_number}. 보기: {_choices_line(enum_cls, numbered=True)}')
    if chosen is expected:
        return _feedback(Status.CORRECT, f"맞습니다. '{expected.value}'입니다.", (right_point,))
    return _feedback(Status.INCORRECT, f"{_josa(repr(chosen.value), '으로')} 보기는 어렵습니다.", (hint,))


def _judge_04_q2(answer: object, ctx: _Context) -> Feedback:
    from casework.interview import QuestionMistake, check_question

    finding = check_question(ctx.data["question_to_check"])[0]
    return _judge_named_mistake(
        answer, finding.mistake, QuestionMistake, "질문 실수", example=QuestionMistake.LEADING,
        example_number=1, right_point=finding.message,
        hint="질문의 끝맺음과 '왜', '그리고' 같은 낱말, 한 문장에 묻는 것이 몇 가지인지 살펴보세요.",
    )


def _judge_04_q3(answer: object, ctx: _Context) -> Feedback:
    from casework.assessment import is_complex

    summary = ctx.private["intake"]
    expected = is_complex(summary.needs)
    chosen = _as_bool(answer)
    if chosen is None:
        return _wrong_type("True(복합적이다) 또는 False(복합적이지 않다)로 적어 주세요.", answer, "True")
    if chosen == expected:
        why = ("욕구들이 서로 얽혀 있어 하나를 풀려면 다른 것도 함께 다뤄야 합니다."
               if expected else "욕구가 여러 가지여도 서로 얽혀 있지 않으면 복합적이라고 하지 않습니다.")
        return _feedback(Status.CORRECT, "맞습니다.", (why,))
    return _feedback(
        Status.INCORRECT,
        "다시 생각해 보세요.",
        ("복합성은 욕구의 개수나 심각한 정도가 아니라, 욕구들이 서로 얽혀 있는지로 판단합니다. "
         "자료의 '서로 얽혀 있는 욕구'를 보세요.",),
    )


def _judge_04_q4(answer: object, ctx: _Context) -> Feedback:
    from casework.assessment import ProcessingType, triage_intake

    result = triage_intake(ctx.private["intake"])
    try:
        chosen = _parse_choice(ProcessingType, answer, "처리유형", numbered=True)
    except CaseworkError:
        return _wrong_type("네 가지 처리유형 가운데 하나의 이름이나 번호(1~4)를 적어 주세요.", answer,
                           f'"{ProcessingType.SERVICE_APPLICATION.value}" 또는 2. 보기: {_choices_line(ProcessingType, numbered=True)}')
    if chosen is result.processing_type:
        points = list(result.reasons)
        if result.revisit_case_management:
            points.append("관계를 이어 가며 나중에 사례관리 의뢰를 다시 검토하세요.")
        points += [f"유의할 점: {c}" for c in result.cautions]
        return _feedback(Status.CORRECT, f"맞습니다. {result.processing_type.label}입니다.", points)
    return _feedback(
        Status.INCORRECT,
        f"{_josa(repr(chosen.label), '으로')} 처리하기는 어렵습니다.",
        ("문제의 유형과 복합성, 당사자의 해결의지, 이곳에서 지원할 수 있는지를 차례로 따져 보세요. "
         "복합적 욕구가 있고 해결의지도 있으면 무엇이 가장 알맞을까요?",),
    )


# ----- 05 사례 연구: 80세 독거노인


def _case_with_resources(case: Case) -> Case:
    """The case itself if it lists needs by domain with resources, else the bundled elderly case."""
    return case if case.needs_by_domain else load_case("elderly_alone")


def _build_05(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.assessment import KADL_ITEMS, LAWTON_IADL_ITEMS

    rng = b.rng
    while True:
        kadl = {item: rng.choice((1, 1, 1, 2, 2, 3)) for item in KADL_ITEMS}
        if 1 <= sum(v >= 2 for v in kadl.values()) < len(KADL_ITEMS):
            break
    while True:
        iadl = {item: rng.choice((0, 1, 1)) for item in LAWTON_IADL_ITEMS}
        if 0 < sum(iadl.values()) < len(LAWTON_IADL_ITEMS):
            break
    focus = rng.choice([item for item, v in iadl.items() if v == 0])
    study = _case_with_resources(b.case)
    candidates = [n for n in study.needs_by_domain if len({r.sector for r in n.resources}) >= 2]
    need = rng.choice(candidates)
    names = [r.name for r in need.resources]
    rng.shuffle(names)
    public = {
        "case": _case_info(study),
        "kadl": kadl,
        "iadl": iadl,
        "focus_item": focus,
        "need_resources": {"욕구": need.label, "자원": names},
    }
    return public, {"need": need}


def _judge_05_q1(answer: object, ctx: _Context) -> Feedback:
    from casework.assessment import score_kadl

    result = score_kadl(ctx.data["kadl"])
    return _number_feedback(answer, result.total, what="K-ADL 총점", tolerance=0,
                            right_points=(f"7개 항목 점수를 더하면 {result.total}점입니다(7~21점, 높을수록 다른 사람의 도움이 많이 필요함).",),
                            wrong_points=("항목마다 1(자립)·2(부분도움)·3(완전도움) 점수를 모두 더하세요.",))


def _judge_05_q2(answer: object, ctx: _Context) -> Feedback:
    from casework.assessment import KADL_ITEMS, score_kadl

    result = score_kadl(ctx.data["kadl"])
    items = _as_list(answer)
    if items is None:
        return _wrong_type("항목 이름의 목록으로 적어 주세요.", answer, '["목욕하기", "이동(옮겨 앉기)"]')
    matched, unknown = _match_labels(items, KADL_ITEMS, {"이동": "이동(옮겨 앉기)", "옮겨앉기": "이동(옮겨 앉기)"})
    return _set_feedback(matched, result.needs_help, what="도움이 필요한 항목", unknown=unknown)


def _judge_05_q3(answer: object, ctx: _Context) -> Feedback:
    from casework.assessment import score_lawton_iadl

    result = score_lawton_iadl(ctx.data["iadl"])
    return _number_feedback(answer, result.total, what="IADL 총점", tolerance=0,
                            right_points=(f"혼자 할 수 있는 항목(1점)이 {result.total}개입니다(0~8점, 높을수록 혼자 할 수 있는 일이 많음).",),
                            wrong_points=("항목마다 0(할 수 없음) 또는 1(할 수 있음)입니다. 1점인 항목을 세어 보세요.",))


def _judge_05_q4(answer: object, ctx: _Context) -> Feedback:
    need = ctx.private["need"]
    if not isinstance(answer, Mapping):
        return _wrong_type("{자원 이름: 공적/민간/비공식} 모양의 사전으로 적어 주세요.", answer, '{"돌봄서비스": "공적"}')
    expected = {r.name: r.sector.value for r in need.resources}

    def parse(value: object) -> str:
        return _parse_choice(ResourceSector, value, "자원 제공 주체", aliases={"공공": ResourceSector.PUBLIC}).value

    return _table_feedback(answer, expected, parse=parse, what="공적·민간·비공식 자원의")


def _judge_05_q5(answer: object, ctx: _Context) -> Feedback:
    return judge_goal(answer)


def _number_feedback(answer: object, expected: float, *, what: str, tolerance: float,
                     right_points: Sequence[str] = (), wrong_points: Sequence[str] = ()) -> Feedback:
    value = _as_number(answer)
    if value is None:
        return _wrong_type(f"{_josa(what, '을')} 숫자로 적어 주세요.", answer, "15")
    if abs(value - expected) <= tolerance + 1e-9:
        return _feedback(Status.CORRECT, f"맞습니다. {_josa(what, '은')} {_fmt(expected)}입니다.", right_points)
    return _feedback(Status.INCORRECT, f"{_josa(what, '이')} 맞지 않습니다(적은 값: {_fmt(value)}).", wrong_points)


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


# ----- 06 문제·요구·욕구


def _build_06(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.pdn import CATEGORY_DEMAND, CATEGORY_NEED, CATEGORY_PROBLEM, categorize_question

    rng = b.rng
    case = _case_with_chains(b.case)
    items = categorize_question(case).items
    by_cat = {c: [i for i in items if i.category == c] for c in (CATEGORY_PROBLEM, CATEGORY_DEMAND, CATEGORY_NEED)}
    chosen = (rng.sample(by_cat[CATEGORY_PROBLEM], k=min(1, len(by_cat[CATEGORY_PROBLEM])))
              + rng.sample(by_cat[CATEGORY_DEMAND], k=min(2, len(by_cat[CATEGORY_DEMAND])))
              + rng.sample(by_cat[CATEGORY_NEED], k=min(2, len(by_cat[CATEGORY_NEED]))))
    rng.shuffle(chosen)
    demands = [d for chain in case.chains for d in chain.demands]
    chain = next(c for c in case.chains if c.objectives)
    objective = chain.objectives[0]
    public = {
        "case": _case_info(case),
        "statements": [i.text for i in chosen],
        "demand": rng.choice(demands) if demands else chain.problem,
        "objective": {"개입목적": objective.purpose, "개입목표(교재)": objective.objective},
    }
    return public, {"categories": {i.text: i.category for i in chosen}}


def _judge_06_q1(answer: object, ctx: _Context) -> Feedback:
    from casework.pdn import CATEGORIES, CATEGORY_DEMAND

    if not isinstance(answer, Mapping):
        return _wrong_type("{문장: 문제/요구·바램/욕구} 모양의 사전으로 적어 주세요.", answer, '{"병원비 좀 지원해 주세요.": "요구·바램"}')
    aliases = {"요구": CATEGORY_DEMAND, "바램": CATEGORY_DEMAND, "바람": CATEGORY_DEMAND, "요구바람": CATEGORY_DEMAND}

    def parse(value: object) -> str:
        if isinstance(value, str):
            matched, _ = _match_labels([value], CATEGORIES, aliases)
            if matched:
                return matched[0]
        raise CaseworkError(f"분류는 {', '.join(CATEGORIES)} 가운데 하나로 적어 주세요. 받은 값: {value!r}")

    return _table_feedback(answer, ctx.private["categories"], parse=parse, what="문제·요구·욕구의")


def _judge_06_q2(answer: object, ctx: _Context) -> Feedback:
    return judge_need(answer)


def _judge_06_q3(answer: object, ctx: _Context) -> Feedback:
    return judge_goal(answer)


# ----- 07 목표 설정과 계획 수립


def _build_07(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.planning import ASSESSMENT_STEPS, GoalType

    rng = b.rng
    case = _case_with_chains(b.case)
    chain = next(c for c in case.chains if c.objectives)
    need = chain.needs[-1]
    examples = [(example, t) for t in GoalType for example in t.examples]
    example, _ = rng.choice(examples)
    titles = [s.title for s in ASSESSMENT_STEPS]
    shuffled = titles[:]
    while shuffled == titles:
        rng.shuffle(shuffled)
    public = {
        "case": _case_info(case),
        "goal_to_check": rng.choice(b.text.flawed_goals),
        "goal_example": example,
        "need": {"욕구": need.text, "영역": need.domain.value, "문제": chain.problem},
        "steps_shuffled": shuffled,
    }
    return public, {}


def _judge_07_q1(answer: object, ctx: _Context) -> Feedback:
    from casework.planning import PlanningMistake, check_goal

    finding = check_goal(ctx.data["goal_to_check"])[0]
    return _judge_named_mistake(
        answer, finding.mistake, PlanningMistake, "계획수립 실수", example=PlanningMistake.NO_OWNER,
        example_number=3, right_point=finding.how_to_fix,
        hint="문장의 주어가 누구인지, 서비스가 목적이 되었는지, 기간과 수준이 있는지, 이룰 수 있는 일인지 차례로 점검해 보세요.",
    )


def _judge_07_q2(answer: object, ctx: _Context) -> Feedback:
    from casework.planning import GoalType

    example = ctx.data["goal_example"]
    expected = next(t for t in GoalType if example in t.examples)
    try:
        chosen = _parse_choice(GoalType, answer, "목표 유형", numbered=True)
    except CaseworkError:
        return _wrong_type("여섯 가지 목표 유형 가운데 하나의 이름이나 번호(1~6)를 적어 주세요.", answer,
                           f'"{GoalType.ENVIRONMENT.value}". 보기: {_choices_line(GoalType, numbered=True)}')
    if chosen is expected:
        return _feedback(Status.CORRECT, f"맞습니다. {_josa(repr(example), '은')} '{expected.value}' 유형의 예입니다.",
                         (expected.description,))
    return _feedback(Status.INCORRECT, f"{_josa(repr(example), '은')} '{chosen.value}' 유형의 예가 아닙니다.",
                     (f"{_josa(repr(chosen.value), '은')} {chosen.description}입니다. 무엇이 달라지는 목표인지 생각해 보세요.",))


def _judge_07_q3(answer: object, ctx: _Context) -> Feedback:
    return judge_goal(answer)


def _judge_07_q4(answer: object, ctx: _Context) -> Feedback:
    from casework.planning import ASSESSMENT_STEPS

    titles = [s.title for s in ASSESSMENT_STEPS]
    items = _as_list(answer)
    if items is None or isinstance(answer, (set, frozenset)):
        return _wrong_type("세 단계의 이름을 순서대로 목록에 적어 주세요.", answer, f"{titles[::-1]!r}")
    matched, unknown = _match_labels(items, titles)
    if unknown or len(matched) != len(titles) or len(set(matched)) != len(titles):
        points = [f"자료에 없는 단계 이름: {', '.join(repr(u) for u in unknown)}"] if unknown else []
        points.append(f"세 단계({', '.join(ctx.data['steps_shuffled'])})를 한 번씩 모두 적어 주세요.")
        return _feedback(Status.INCORRECT, "세 단계가 빠짐없이 한 번씩 들어 있지 않습니다.", points)
    right = sum(a == b for a, b in zip(matched, titles))
    if right == len(titles):
        return _feedback(Status.CORRECT, "맞습니다. 지금의 상태를 듣고, 바라는 상태를 그리고, 그곳에 이를 전략을 함께 고릅니다.",
                         [f"{s.number}. {s.title}: {s.explanation}" for s in ASSESSMENT_STEPS])
    return _feedback(Status.PARTIAL if right else Status.INCORRECT,
                     f"세 단계 가운데 {right}개가 제자리에 있습니다.",
                     ("당사자의 지금 이야기를 듣는 일, 바라는 상태를 찾는 일, 방법을 고르는 일 가운데 무엇이 먼저일까요?",),
                     right / len(titles))


# ----- 08 서비스 제공·점검·재사정


def _build_08(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.closure import ClosureReason, decide_closure
    from casework.monitoring import (
        GAS_LEVELS, MonitoringEntry, MonitoringLog, MonitoringMethod, MonitoringResult,
    )
    from casework.process import STEP_ORDER, CaseRecord, DongStep

    rng = b.rng
    case = _case_with_chains(b.case)
    goals = list(dict.fromkeys(o.purpose for c in case.chains for o in c.objectives))
    goals = (goals + [g for g in ("일상생활 유지", "건강 관리", "이웃과의 관계") if g not in goals])[:3]
    levels = [rng.choice(GAS_LEVELS) for _ in goals]

    # A case record walked to a seed-chosen step (sometimes looping back to reassessment).
    opened = date(2024, 3, 4) + timedelta(days=rng.randint(0, 60))
    record = CaseRecord(case_id=f"연습-{b.seed}", opened_on=opened)
    stop = rng.randint(0, STEP_ORDER.index(DongStep.CLOSURE))
    loop_back = stop >= STEP_ORDER.index(DongStep.MONITORING) and rng.random() < 0.3
    day = opened
    for step in STEP_ORDER[1:stop + 1]:
        day += timedelta(days=rng.randint(3, 20))
        if step is DongStep.CLOSURE:
            record.close(decide_closure(ClosureReason.GOAL_ACHIEVED, day, decided_with_person=True, goals_reviewed=True))
            break
        record.advance(step, day)
        if step is DongStep.SELECTION_AND_CONSENT:
            record.record_consent(day)
        if loop_back and step is DongStep.MONITORING:
            day += timedelta(days=rng.randint(3, 10))
            record.loop_back_to_reassessment(day, reason="당사자가 실직해 경제 상황이 달라짐")
            break
    history = []
    for t in record.history:
        note = t.note
        if t.to_step is DongStep.SELECTION_AND_CONSENT and record.consent_on is not None:
            note = "당사자 동의를 받아 기록함"
        history.append({"날짜": t.on.isoformat(), "단계": t.to_step.value, "메모": note or "-"})

    # A monitoring log with at least one reason to reassess.
    last = date(2024, 1, 8) + timedelta(days=rng.randint(0, 90))
    entries_spec = []
    on = last
    for _ in range(rng.choice((2, 3))):
        on += timedelta(days=rng.randint(20, 45))
        entries_spec.append([on, rng.choice(list(MonitoringMethod)), rng.random() < 0.3,
                             rng.choice((None, None, MonitoringResult.EXTENDED, MonitoringResult.REASSESS))])
    today = on + timedelta(days=rng.randint(1, 20))
    if rng.random() < 0.35:
        today = last + timedelta(days=365 + rng.randint(0, 40))
    log = MonitoringLog(last, [MonitoringEntry(on=d, method=m, needs_changed=n, result=r) for d, m, n, r in entries_spec])
    from casework.monitoring import reassessment_due

    scenario = rng.choice(b.text.monitoring_scenarios)
    if not reassessment_due(last, today, log):
        entries_spec[-1][2] = True
        log = MonitoringLog(last, [MonitoringEntry(on=d, method=m, needs_changed=n, result=r) for d, m, n, r in entries_spec])
    public = {
        "case": _case_info(case),
        "gas": {"목표": goals, "수준": levels},
        "case_history": history,
        "reassessment": {
            "마지막 사정일": last.isoformat(),
            "오늘": today.isoformat(),
            "점검 기록": [
                {"날짜": d.isoformat(), "방법": m.value, "욕구 변동": "있음" if n else "없음",
                 "⑬ 이행여부": r.value if r is not None else "(아직 적지 않음)"}
                for d, m, n, r in entries_spec
            ],
        },
        "contact": scenario.text,
    }
    return public, {"record": record, "log": log, "last": last, "today": today, "contact_method": scenario.method}


def _judge_08_q1(answer: object, ctx: _Context) -> Feedback:
    from casework.monitoring import gas_t_score

    levels = ctx.data["gas"]["수준"]
    expected = gas_t_score(levels)
    return _number_feedback(
        answer, expected, what="GAS T 점수", tolerance=0.01,
        right_points=("50점이면 기대한 만큼 이룬 것이고, 50보다 높으면 기대보다 나은 것입니다.",),
        wrong_points=(f"T = 50 + 10·Σx / √((1−ρ)·n + ρ·n²), ρ = 0.3, n = {len(levels)}입니다. 소수 둘째 자리까지 맞춰 보세요.",),
    )


def _judge_08_q2(answer: object, ctx: _Context) -> Feedback:
    from casework.process import DongStep, next_step

    record = ctx.private["record"]
    expected = next_step(record)
    try:
        chosen = _parse_choice(DongStep, answer, "사례관리 단계")
    except CaseworkError:
        return _wrong_type("동 단위 사례관리 단계의 이름을 적어 주세요.", answer,
                           f'"{DongStep.NEEDS_ASSESSMENT.value}". 보기: {_choices_line(DongStep)}')
    if chosen is expected:
        return _feedback(Status.CORRECT, f"맞습니다. 다음은 '{expected.value}' 단계입니다.", (expected.description,))
    return _feedback(Status.INCORRECT, f"{_josa(repr(chosen.value), '은')} 지금 바로 다음 단계가 아닙니다.",
                     (f"기록의 마지막 줄이 지금 단계('{record.step.value}')입니다. 흐름에서 그다음이 무엇인지, "
                      "재사정으로 돌아온 경우라면 어디서부터 다시 가는지 생각해 보세요.",))


def _judge_08_q3(answer: object, ctx: _Context) -> Feedback:
    from casework.monitoring import ReassessmentTrigger, reassessment_due

    reasons = reassessment_due(ctx.private["last"], ctx.private["today"], ctx.private["log"])
    expected = list(dict.fromkeys(r.trigger.value for r in reasons))
    items = _as_list(answer)
    if items is None:
        return _wrong_type("재사정 사유의 목록으로 적어 주세요.", answer, f'["{ReassessmentTrigger.NEEDS_CHANGED.value}"]')
    aliases = {"점검결과": ReassessmentTrigger.RESULT.value, "평가결과": ReassessmentTrigger.RESULT.value,
               "재사정": ReassessmentTrigger.RESULT.value, "욕구변화": ReassessmentTrigger.NEEDS_CHANGED.value,
               "연1회": ReassessmentTrigger.ANNUAL.value, "1년": ReassessmentTrigger.ANNUAL.value}
    matched, unknown = _match_labels(items, [t.value for t in ReassessmentTrigger], aliases)
    result = _set_feedback(matched, expected, what="재사정 사유", unknown=unknown)
    if result.status is Status.CORRECT:
        return _feedback(Status.CORRECT, result.summary, [r.message for r in reasons])
    return result


def _judge_08_q4(answer: object, ctx: _Context) -> Feedback:
    from casework.monitoring import MonitoringMethod

    expected = MonitoringMethod.parse(ctx.private["contact_method"])
    aliases = {"정기적 접촉": MonitoringMethod.REGULAR_CONTACT, "정기적인 접촉": MonitoringMethod.REGULAR_CONTACT,
               "가정방문": MonitoringMethod.REGULAR_CONTACT, "비공식": MonitoringMethod.INFORMAL,
               "비공식적 모니터링": MonitoringMethod.INFORMAL, "척도": MonitoringMethod.FORMAL,
               "공식적 모니터링": MonitoringMethod.FORMAL, "제공기관": MonitoringMethod.PROVIDER,
               "서비스 제공기관": MonitoringMethod.PROVIDER}
    try:
        chosen = _parse_choice(MonitoringMethod, answer, "점검 방법", numbered=True, aliases=aliases)
    except CaseworkError:
        return _wrong_type("네 가지 점검 방법 가운데 하나의 이름이나 번호(1~4)를 적어 주세요.", answer,
                           f'"{MonitoringMethod.FORMAL.value}". 보기: {_choices_line(MonitoringMethod, numbered=True)}')
    if chosen is expected:
        return _feedback(Status.CORRECT, f"맞습니다. '{expected.value}'입니다.", (expected.explanation,))
    return _feedback(Status.INCORRECT, f"{_josa(repr(chosen.value), '으로')} 보기는 어렵습니다.",
                     ("누구를 통해, 어떤 방식으로 변화를 확인했는지 보세요. 당사자를 직접 만났나요, 주변 사람이 전했나요, "
                      "점수로 비교했나요, 서비스 기관에 확인했나요?",))


def _judge_08_q5(answer: object, ctx: _Context) -> Feedback:
    return judge_question(answer)


# ----- 11 동 단위 사례관리와 자원개발


def _build_11(b: _Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework import agency_lists
    from casework.privacy import mask_case_text
    from casework.resources import sample_resources, unmet_needs

    rng = b.rng
    lists = agency_lists.sample_agency_lists()
    names = list(lists)
    chosen = sorted(rng.sample(names, k=rng.choice((2, 3))), key=names.index)
    service_lists = [lists[n] for n in chosen]
    need_list = agency_lists.sample_need_list()
    choices = list(agency_lists.person_choices(service_lists, need_list))

    # Synthetic identifiers only: assembled so that no RRN-shaped literal sits in the source.
    person = rng.choice(("김가나", "이다라", "박마바", "최사아"))
    family = rng.choice(("김자차", "이카타", "박파하"))
    rrn = f"{rng.randint(30, 59):02d}{'01'}{'01'}-{rng.choice('12')}{'0' * 6}"
    phone = f"010-{'0' * 4}-{'0' * 3}{rng.randint(1, 9)}"
    share_text = rng.choice(b.text.share_texts).format(name=person, family=family, rrn=rrn, phone=phone)
    names_to_mask = [person, family] if family in share_text else [person]
    masked = mask_case_text(share_text, names_to_mask).text

    resources = list(sample_resources())
    kinds_pick = [r for r in resources if r.kind.value != "물적 자원"]
    kinds_pick += rng.sample([r for r in resources if r.kind.value == "물적 자원"], k=2)
    rng.shuffle(kinds_pick)

    needs = _case_needs(b.case) or _case_needs(load_case("elderly_alone"))
    picked_needs = rng.sample(needs, k=min(len(needs), rng.choice((3, 4))))
    available = rng.sample(resources, k=rng.randint(2, len(resources)))
    if not unmet_needs(picked_needs, available):
        gone = rng.choice(picked_needs)[1]
        available = [r for r in available if gone not in r.domains]
    available.sort(key=resources.index)
    public = {
        "case": _case_info(b.case),
        "service_lists": {n: agency_lists.masked_view(lists[n]) for n in chosen},
        "need_list": agency_lists.masked_view(need_list),
        "people": choices,
        "share_text": share_text,
        "names": names_to_mask,
        "resources_to_sort": {r.name: r.description for r in kinds_pick},
        "needs": [f"{text} ({domain.value})" for text, domain in picked_needs],
        "available_resources": {r.name: ", ".join(sorted(d.value for d in r.domains)) for r in available},
    }
    private = {
        "service_lists": service_lists,
        "need_list": need_list,
        "masked": masked,
        "kinds": {r.name: r.kind.value for r in kinds_pick},
        "unmet": [f"{text} ({domain.value})" for text, domain in unmet_needs(picked_needs, available)],
    }
    return public, private


def _judge_11_q1(answer: object, ctx: _Context) -> Feedback:
    from casework import agency_lists

    if not isinstance(answer, Mapping):
        return _wrong_type('{"두 곳 이상": [...], "누락": [...]} 모양의 사전으로 적어 주세요.', answer,
                           '{"두 곳 이상": ["가○○ (1941-03)"], "누락": []}')
    keys = {_squash(str(k)): v for k, v in answer.items()}
    twice = keys.get(_squash("두 곳 이상"), [])
    missed = keys.get(_squash("누락"), [])
    extra = [k for k in answer if _squash(str(k)) not in {_squash("두 곳 이상"), _squash("누락")}]
    if extra:
        return _wrong_type(f"열쇠는 '두 곳 이상'과 '누락' 두 가지만 씁니다. 알 수 없는 열쇠: {', '.join(map(repr, extra))}.",
                           answer, '{"두 곳 이상": [...], "누락": [...]}')
    twice = [] if twice is Ellipsis else twice
    missed = [] if missed is Ellipsis else missed
    try:
        return agency_lists.check_answers(ctx.private["service_lists"], ctx.private["need_list"],
                                          twice=twice, missed=missed)
    except CaseworkError as exc:
        return _feedback(Status.INCORRECT, "답에 고칠 곳이 있습니다.", (str(exc),))


def _judge_11_q2(answer: object, ctx: _Context) -> Feedback:
    from casework.privacy import mask_case_text

    text = answer if isinstance(answer, str) else None
    if text is None:
        return _wrong_type("가린 사례 글을 따옴표로 감싼 글로 적어 주세요.", answer, '"김○○ 님은 …"')
    left = mask_case_text(text, ctx.data["names"])
    expected = ctx.private["masked"]
    if left.total:
        remaining = [f"{kind} {n}건" for kind, n in left.counts.items() if n]
        return _feedback(Status.INCORRECT, "아직 누구인지 알아볼 수 있는 정보가 남아 있습니다.",
                         (f"남은 것: {', '.join(remaining)}.",
                          "주민등록번호는 모두, 전화번호는 앞자리만 남기고, 이름은 성만 남기고 가리세요."))
    if " ".join(text.split()) == " ".join(expected.split()):
        return _feedback(Status.CORRECT, "식별 정보를 모두 가렸고 나머지 내용은 그대로 남겼습니다.",
                         ("가린 글도 나누기 전에 한 번 더 읽어 보세요. 주소나 드문 사연처럼 자동으로 찾지 못하는 정보가 있을 수 있습니다.",))
    diff = difflib.SequenceMatcher(a=expected, b=text)
    first = next(op for op in diff.get_opcodes() if op[0] != "equal")
    _, a0, a1, b0, b1 = first
    return _feedback(Status.PARTIAL, "식별 정보는 가렸지만 워크북의 가리는 규칙과 다른 곳이 있습니다.",
                     (f"다른 곳: '{text[max(0, b0 - 8):b1 + 8]}' (규칙대로라면 '{expected[max(0, a0 - 8):a1 + 8]}')",
                      "주민등록번호는 ******-*******, 전화번호는 앞자리(010)만 두고 숫자를 *로, 이름은 성만 두고 ○로 바꿉니다. "
                      "다른 내용은 지우거나 바꾸지 마세요."))


def _judge_11_q3(answer: object, ctx: _Context) -> Feedback:
    from casework.resources import ResourceKind

    if not isinstance(answer, Mapping):
        return _wrong_type("{자원 이름: 인적/물적/관계 자원} 모양의 사전으로 적어 주세요.", answer, '{"이웃 도시락 나눔": "관계 자원"}')
    aliases = {"인적": ResourceKind.HUMAN, "물적": ResourceKind.MATERIAL, "관계": ResourceKind.RELATIONAL}

    def parse(value: object) -> str:
        return _parse_choice(ResourceKind, value, "자원 종류", aliases=aliases).value

    return _table_feedback(answer, ctx.private["kinds"], parse=parse, what="인적·물적·관계 자원의")


def _judge_11_q4(answer: object, ctx: _Context) -> Feedback:
    items = _as_list(answer)
    if items is None:
        return _wrong_type("욕구의 목록으로 적어 주세요.", answer, f'["{ctx.data["needs"][0]}"]')
    shown = ctx.data["needs"]
    aliases = {re.sub(r"\s*\([^)]*\)$", "", n): n for n in shown}
    matched, unknown = _match_labels(items, shown, aliases)
    result = _set_feedback(matched, ctx.private["unmet"], what="맞는 자원이 없는 욕구", unknown=unknown)
    if result.status is Status.CORRECT:
        return _feedback(Status.CORRECT, result.summary,
                         ("맞는 자원이 없는 욕구는 새 자원을 개발할 단서입니다. 이웃, 주민 모임, 동네 가게처럼 "
                          "지역의 인적·관계 자원부터 찾아보세요.",))
    return result


# --------------------------------------------------------------------------- registry


Judge = Callable[[object, _Context], Feedback]
Builder = Callable[[_Build], tuple[dict[str, Any], dict[str, Any]]]


@dataclass(frozen=True)
class _Definition:
    """How one exercise builds its practice data and judges its questions."""

    build: Builder
    judges: Mapping[str, Judge]
    keys: Mapping[str, tuple[str, ...]]  # practice-data keys each question uses
    banks: tuple[str, ...] = ()


_DEFINITIONS: dict[str, _Definition] = {
    "04": _Definition(
        _build_04,
        {"q1": _judge_04_q1, "q2": _judge_04_q2, "q3": _judge_04_q3, "q4": _judge_04_q4},
        {"q1": ("case", "quote"), "q2": ("question_to_check",), "q3": ("intake",), "q4": ("intake",)},
        ("flawed_questions", "other_agency_programmes"),
    ),
    "05": _Definition(
        _build_05,
        {"q1": _judge_05_q1, "q2": _judge_05_q2, "q3": _judge_05_q3, "q4": _judge_05_q4, "q5": _judge_05_q5},
        {"q1": ("kadl",), "q2": ("kadl",), "q3": ("iadl",), "q4": ("need_resources",), "q5": ("iadl", "focus_item")},
    ),
    "06": _Definition(
        _build_06,
        {"q1": _judge_06_q1, "q2": _judge_06_q2, "q3": _judge_06_q3},
        {"q1": ("case", "statements"), "q2": ("demand",), "q3": ("objective",)},
    ),
    "07": _Definition(
        _build_07,
        {"q1": _judge_07_q1, "q2": _judge_07_q2, "q3": _judge_07_q3, "q4": _judge_07_q4},
        {"q1": ("goal_to_check",), "q2": ("goal_example",), "q3": ("case", "need"), "q4": ("steps_shuffled",)},
        ("flawed_goals",),
    ),
    "08": _Definition(
        _build_08,
        {"q1": _judge_08_q1, "q2": _judge_08_q2, "q3": _judge_08_q3, "q4": _judge_08_q4, "q5": _judge_08_q5},
        {"q1": ("gas",), "q2": ("case_history",), "q3": ("reassessment",), "q4": ("contact",), "q5": ()},
        ("monitoring_scenarios",),
    ),
    "11": _Definition(
        _build_11,
        {"q1": _judge_11_q1, "q2": _judge_11_q2, "q3": _judge_11_q3, "q4": _judge_11_q4},
        {"q1": ("service_lists", "need_list", "people"), "q2": ("share_text", "names"),
         "q3": ("resources_to_sort",), "q4": ("case", "needs", "available_resources")},
        ("share_texts",),
    ),
}

# Korean labels of the practice-data keys, for display.
_LABELS: dict[str, str] = {
    "case": "사례", "quote": "당사자가 처음 한 말", "question_to_check": "살펴볼 질문",
    "intake": "초기상담 요약", "kadl": "K-ADL 응답 (1 자립 · 2 부분도움 · 3 완전도움)",
    "iadl": "Lawton IADL 응답 (1 할 수 있음 · 0 할 수 없음)", "focus_item": "목표를 세울 IADL 항목",
    "need_resources": "욕구와 자원", "statements": "나눌 문장", "demand": "당사자의 요구",
    "objective": "교재의 개입목적·개입목표", "goal_to_check": "살펴볼 목표 문장",
    "goal_example": "목표의 예", "need": "목표를 세울 욕구", "steps_shuffled": "뒤섞인 사정 단계",
    "gas": "목표별 달성 수준 (−2 ~ +2)", "case_history": "사례 기록", "reassessment": "재사정 자료",
    "contact": "점검 장면", "service_lists": "기관별 서비스 명단 (이름 가림)",
    "need_list": "욕구 사정 명단 (이름 가림)", "people": "고를 수 있는 사람 표시",
    "share_text": "학습 동아리에 나누려는 사례 글", "names": "가릴 이름",
    "resources_to_sort": "나눌 자원", "needs": "욕구", "available_resources": "지금 쓸 수 있는 자원 (돕는 욕구 영역)",
}


# --------------------------------------------------------------------------- loading and spec


def exercise_ids() -> tuple[str, ...]:
    """The ids of every exercise that has checks, in order ('04', '05', …)."""
    return tuple(sorted(_DEFINITIONS))


def _check_exercise_id(exercise_id: object) -> str:
    if not isinstance(exercise_id, str) or exercise_id not in _DEFINITIONS:
        raise CaseworkError(
            f"없는 연습 번호입니다: {exercise_id!r}. 쓸 수 있는 값: {', '.join(exercise_ids())} "
            "(따옴표로 감싼 두 자리 글, 예: \"07\")"
        )
    return exercise_id


@functools.lru_cache(maxsize=None)
def exercise_text(exercise_id: str) -> ExerciseText:
    """The validated course text of one exercise (prompts, hints, practice banks)."""
    exercise_id = _check_exercise_id(exercise_id)
    text = load_yaml_model(EXERCISES_DIR / f"{exercise_id}.yaml", ExerciseText)
    definition = _DEFINITIONS[exercise_id]
    path = f"casework/data/exercises/{exercise_id}.yaml"
    if text.id != exercise_id:
        raise CaseworkError(f"{path}: id가 '{text.id}'입니다. 파일 이름과 같은 '{exercise_id}'로 고쳐 주세요.")
    ids = [q.id for q in text.questions]
    if ids != list(definition.judges):
        raise CaseworkError(
            f"{path}: 문제가 {', '.join(ids)}인데 채점 함수는 {', '.join(definition.judges)}에 있습니다. "
            "문제를 더하거나 빼려면 casework/checks.py의 채점 함수도 함께 고쳐야 합니다."
        )
    for bank in definition.banks:
        if not getattr(text, bank):
            raise CaseworkError(f"{path}: 이 연습에는 '{bank}' 목록이 있어야 합니다. 한 개 이상 적어 주세요.")
    return text


class ExerciseSpec(tuple):
    """The question ids of one exercise in order (a tuple of str), with its id and title."""

    exercise_id: str
    title: str

    def __new__(cls, exercise_id: str, title: str, question_ids: Iterable[str]) -> "ExerciseSpec":
        spec = super().__new__(cls, tuple(question_ids))
        spec.exercise_id = exercise_id
        spec.title = title
        return spec

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(self)


def exercise_spec(exercise_id: str) -> ExerciseSpec:
    """The question ids of an exercise in order, e.g. ``('q1', 'q2', 'q3', 'q4')``."""
    text = exercise_text(exercise_id)
    return ExerciseSpec(text.id, text.title, (q.id for q in text.questions))


# --------------------------------------------------------------------------- display


def _is_record_list(value: object) -> bool:
    return (isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)
            and all(list(v) == list(value[0]) for v in value))


def _html_value(value: object) -> str:
    if hasattr(value, "to_html") and hasattr(value, "columns"):
        return value.to_html(index=False, border=0)  # a pandas DataFrame
    if _is_record_list(value):
        head = "".join(f"<th style='text-align:left'>{html.escape(str(k))}</th>" for k in value[0])
        body = "".join("<tr>" + "".join(f"<td style='text-align:left'>{html.escape(str(v))}</td>" for v in row.values())
                       + "</tr>" for row in value)
        return f"<table><tr>{head}</tr>{body}</table>"
    if isinstance(value, (list, tuple)) and not value:
        return "(없음)"
    if isinstance(value, Mapping):
        rows = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{html.escape(str(k))}</th>"
                       f"<td style='text-align:left'>{_html_value(v)}</td></tr>" for k, v in value.items())
        return f"<table>{rows}</table>"
    if isinstance(value, (list, tuple)):
        return "<ul style='margin:0'>" + "".join(f"<li>{_html_value(v)}</li>" for v in value) + "</ul>"
    return html.escape(str(value))


def _text_value(value: object, indent: str = "  ") -> str:
    if hasattr(value, "to_string") and hasattr(value, "columns"):
        return "\n".join(indent + line for line in value.to_string(index=False).splitlines())
    if _is_record_list(value):
        return "\n".join(indent + " | ".join(str(v) for v in row.values()) for row in value)
    if isinstance(value, (list, tuple)) and not value:
        return indent + "(없음)"
    if isinstance(value, Mapping):
        return "\n".join(f"{indent}{k}: {_text_value(v, indent + '  ').strip()}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "\n".join(f"{indent}- {_text_value(v, indent + '  ').strip()}" for v in value)
    return indent + str(value)


class PracticeData(dict):
    """The learner's practice material: a plain dict (``data["kadl"]``) that displays in Korean.

    ``show("q1")`` displays only what question q1 uses.
    """

    def __init__(self, items: Mapping[str, Any], question_keys: Mapping[str, tuple[str, ...]]) -> None:
        super().__init__(items)
        self._question_keys = dict(question_keys)

    def show(self, question_id: str) -> "PracticeData":
        """The part of the material that one question uses."""
        if question_id not in self._question_keys:
            raise CaseworkError(
                f"없는 문제 번호입니다: {question_id!r}. 쓸 수 있는 값: {', '.join(self._question_keys)}"
            )
        keys = self._question_keys[question_id]
        return PracticeData({k: self[k] for k in keys if k in self}, {question_id: keys})

    def _rows(self) -> list[tuple[str, str, object]]:
        return [(key, _LABELS.get(key, key), value) for key, value in self.items()]

    def _repr_html_(self) -> str:
        if not self:
            return "<p>이 문제에는 따로 주는 자료가 없습니다.</p>"
        rows = "".join(
            f"<tr><th style='text-align:left;vertical-align:top;padding-right:12px'>{html.escape(label)}<br>"
            f"<code>data[\"{html.escape(key)}\"]</code></th><td style='text-align:left'>{_html_value(value)}</td></tr>"
            for key, label, value in self._rows()
        )
        return f"<table class='casework-practice'>{rows}</table>"

    def to_text(self) -> str:
        if not self:
            return "이 문제에는 따로 주는 자료가 없습니다."
        return "\n".join(f"{label} — data[\"{key}\"]\n{_text_value(value)}" for key, label, value in self._rows())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.to_text())

    def __reduce_ex__(self, protocol: Any) -> Any:  # keeps deepcopy simple
        return (self.__class__, (dict(self), self._question_keys))


@dataclass(frozen=True)
class CheckFeedback(Feedback):
    """Feedback on one checked answer, with who, what and where for the grading record."""

    exercise: str = ""
    question: str = ""
    learner: str = ""
    case_id: str = ""
    seed: int = 0

    def record(self) -> dict[str, Any]:
        """The machine-readable record emitted with MIME type :data:`MIME_TYPE`."""
        return {
            "exercise": self.exercise,
            "question": self.question,
            "status": self.status.value,
            "score": round(float(self.score), 4),
            "summary": self.summary,
            "points": list(self.points),
            "learner": self.learner,
            "case_id": self.case_id,
            "seed": self.seed,
        }

    def _ipython_display_(self) -> None:
        # The check call has already displayed this result; echoing the return value of the
        # check cell would show it twice. print(feedback) shows it again as text.
        return None


def _ipython_shell() -> Any:
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()


def _emit(feedback: CheckFeedback) -> None:
    """Show one result: HTML plus the record in IPython, the text form elsewhere."""
    if _ipython_shell() is None:
        print(feedback.to_text())
        return
    from IPython.display import display

    display({"text/html": feedback.to_html(), "text/plain": feedback.to_text(), MIME_TYPE: feedback.record()}, raw=True)


# --------------------------------------------------------------------------- the checker


class Checker:
    """Judges one learner's answers to one exercise; build it with :func:`start`."""

    def __init__(self, text: ExerciseText, definition: _Definition, case: Case, *, learner: str,
                 seed: int, show_hints: bool, strict: bool) -> None:
        self._text = text
        self._definition = definition
        self._case = case
        self.exercise_id = text.id
        self.learner = learner
        self.case_id = case.id
        self.seed = seed
        self.show_hints = show_hints
        self.strict = strict
        rng = random.Random(f"casework|{text.id}|{case.id}|{seed}")
        data, private = definition.build(_Build(case, rng, text, case.id, seed))
        self._data = data
        self._private = private

    @property
    def title(self) -> str:
        return self._text.title

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(self._definition.judges)

    def practice_data(self) -> PracticeData:
        """A fresh copy of this learner's practice material (changing it changes no judgement)."""
        return PracticeData(copy.deepcopy(self._data), self._definition.keys)

    def _question(self, question_id: object) -> QuestionText:
        for q in self._text.questions:
            if q.id == question_id:
                return q
        raise CaseworkError(
            f"없는 문제 번호입니다: {question_id!r}. 이 연습({self.exercise_id})의 문제: {', '.join(self.question_ids)}"
        )

    def hint(self, question_id: str) -> str:
        """The hint of a question (shown with results only when ``show_hints`` is True)."""
        return self._question(question_id).hint

    def judge(self, question_id: str, answer: object) -> CheckFeedback:
        """Judge an answer without showing it and without strict mode."""
        question = self._question(question_id)
        if _is_blank(answer):
            result = Feedback.unanswered()
        else:
            context = _Context(copy.deepcopy(self._data), self._private, self._case)
            try:
                result = self._definition.judges[question.id](answer, context)
            except CaseworkError as exc:
                result = _feedback(Status.INCORRECT, "답을 채점할 수 없습니다.", (str(exc),))
        points = list(result.points)
        if self.show_hints and result.status is not Status.CORRECT:
            points.append(f"힌트: {question.hint}")
        return CheckFeedback(result.status, result.summary, tuple(points), float(result.score),
                             exercise=self.exercise_id, question=question.id, learner=self.learner,
                             case_id=self.case_id, seed=self.seed)

    def __call__(self, question_id: str, answer: object) -> CheckFeedback:
        """Judge, show the result with its record, and in strict mode raise unless correct."""
        result = self.judge(question_id, answer)
        _emit(result)
        if self.strict and result.status is not Status.CORRECT:
            raise CaseworkError(
                f"[엄격 모드] 연습 {self.exercise_id} {result.question}의 결과가 '{result.status.value}'입니다: {result.summary}"
            )
        return result

    def _summary_rows(self) -> list[tuple[str, str]]:
        return [
            ("연습", f"{self.exercise_id}. {self.title}"),
            ("학습자", self.learner),
            ("사례", f"{self._case.title} ({self.case_id})"),
            ("seed", str(self.seed)),
            ("문제", ", ".join(self.question_ids)),
            ("힌트", "보임" if self.show_hints else "숨김"),
        ]

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{html.escape(k)}</th>"
                       f"<td style='text-align:left'>{html.escape(v)}</td></tr>" for k, v in self._summary_rows())
        return f"<table class='casework-checker'>{rows}</table>"

    def __repr__(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self._summary_rows())


def _strict_from_env() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in _TRUE_WORDS


def start(exercise_id: str, *, learner: str, case_id: str, seed: int, show_hints: bool,
          strict: bool = False) -> Checker:
    """Validate the notebook's parameters and build the checker for one exercise.

    Every problem with the parameters is reported at once, in Korean, with the allowed values.
    """
    problems: list[str] = []
    if not isinstance(exercise_id, str) or exercise_id not in _DEFINITIONS:
        problems.append(f"연습 번호 {exercise_id!r}은(는) 없습니다. 쓸 수 있는 값: {', '.join(exercise_ids())}")
    if not isinstance(learner, str) or not learner.strip():
        problems.append(f"learner(학습자 이름)에는 비어 있지 않은 글을 넣어 주세요(예: learner = \"홍길동\"). 받은 값: {learner!r}")
    case: Case | None = None
    if isinstance(case_id, str) and case_id.strip():
        try:
            case = load_case(case_id)
        except DataFileError:
            raise
        except CaseworkError:
            case = None
    if case is None:
        known = case_ids()
        close = difflib.get_close_matches(case_id, known, n=1) if isinstance(case_id, str) else []
        hint = f" 혹시 '{close[0]}'인가요?" if close else ""
        problems.append(f"case_id {case_id!r}인 사례가 없습니다.{hint} 쓸 수 있는 값: {', '.join(known)}")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        problems.append(f"seed에는 0 이상의 정수를 넣어 주세요(예: 0, 1, 2, 3 …; True/False와 글은 안 됩니다). "
                        f"받은 값: {seed!r} ({type(seed).__name__})")
    if not isinstance(show_hints, bool):
        problems.append(f"show_hints에는 True 또는 False만 쓸 수 있습니다(따옴표 없이). 받은 값: {show_hints!r}")
    if not isinstance(strict, bool):
        problems.append(f"strict에는 True 또는 False만 쓸 수 있습니다. 받은 값: {strict!r}")
    if problems:
        raise CaseworkError("parameters 셀(첫 번째 코드 셀)의 값을 고쳐 주세요. " + " / ".join(problems))
    assert case is not None
    text = exercise_text(exercise_id)
    return Checker(text, _DEFINITIONS[exercise_id], case, learner=learner.strip(), seed=seed,
                   show_hints=show_hints, strict=strict or _strict_from_env())
