"""Quiz items (course content as YAML data) and how an answer to each is judged.

Four kinds cover the walkthrough's exercises:

- ``choice``: pick one option; every option carries its own explanation.
- ``match``: pair each left item (a definition) with a right item (its author); each pair
  carries the reason it belongs together.
- ``order``: put steps in order; each step may carry the reason for its place.
- ``categorize``: put each statement in a category (e.g. 문제 / 요구 / 욕구).

A wrong item is told what it is and why, in Korean with particles that fit the word.

Files live in ``casework/data/quizzes/<id>.yaml`` and are validated on load.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casework.errors import CaseworkError
from casework.feedback import Feedback, Status

QUIZ_DIR = Path(__file__).parent / "data" / "quizzes"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Question(_Model):
    """Fields every question kind has; each kind also gives its ``right_answer()``."""

    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    prompt: str = Field(min_length=1)
    explanation: str = ""


class Option(_Model):
    text: str = Field(min_length=1)
    correct: bool = False
    why: str = Field(min_length=1)


class ChoiceQuestion(_Question):
    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> "ChoiceQuestion":
        if sum(o.correct for o in self.options) != 1:
            raise ValueError("options 중 정확히 하나에 correct: true 가 있어야 합니다")
        return self

    def right_answer(self) -> str:
        return next(o.text for o in self.options if o.correct)


class Pair(_Model):
    left: str = Field(min_length=1)
    right: str = Field(min_length=1)
    why: str = ""


class MatchQuestion(_Question):
    kind: Literal["match"]
    pairs: list[Pair] = Field(min_length=2)

    @model_validator(mode="after")
    def _unique_left(self) -> "MatchQuestion":
        lefts = [p.left for p in self.pairs]
        if len(set(lefts)) != len(lefts):
            raise ValueError("pairs 의 left 항목이 중복되었습니다")
        return self

    @property
    def choices(self) -> list[str]:
        return sorted({p.right for p in self.pairs})

    def right_answer(self) -> dict[str, str]:
        return {p.left: p.right for p in self.pairs}


class OrderQuestion(_Question):
    """Steps in their right order; in YAML a step is a text or ``{text: …, why: …}``."""

    kind: Literal["order"]
    items: list[str] = Field(min_length=2)
    reasons: dict[str, str] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _split_reasons(cls, data: object) -> object:
        if not isinstance(data, dict) or not isinstance(data.get("items"), list):
            return data
        items, reasons = [], dict(data.get("reasons") or {})
        for item in data["items"]:
            if isinstance(item, dict):
                if set(item) - {"text", "why"} or not isinstance(item.get("text"), str):
                    raise ValueError("items 의 항목은 글자이거나 text 와 why 를 가진 항목이어야 합니다")
                items.append(item["text"])
                if item.get("why"):
                    reasons[item["text"]] = item["why"]
            else:
                items.append(item)
        return {**data, "items": items, "reasons": reasons}

    @model_validator(mode="after")
    def _unique(self) -> "OrderQuestion":
        if len(set(self.items)) != len(self.items):
            raise ValueError("items 에 같은 항목이 두 번 있습니다")
        unknown = [k for k in self.reasons if k not in self.items]
        if unknown:
            raise ValueError(f"reasons 에 items 에 없는 항목이 있습니다: {', '.join(unknown)}")
        return self

    def right_answer(self) -> list[str]:
        return list(self.items)


class Item(_Model):
    text: str = Field(min_length=1)
    category: str = Field(min_length=1)
    why: str = ""


class CategorizeQuestion(_Question):
    kind: Literal["categorize"]
    categories: list[str] = Field(min_length=2)
    items: list[Item] = Field(min_length=1)

    @model_validator(mode="after")
    def _known_categories(self) -> "CategorizeQuestion":
        for item in self.items:
            if item.category not in self.categories:
                raise ValueError(
                    f"항목 '{item.text}' 의 category '{item.category}' 가 categories "
                    f"({', '.join(self.categories)}) 에 없습니다"
                )
        return self

    def right_answer(self) -> dict[str, str]:
        return {i.text: i.category for i in self.items}


Question = Annotated[
    Union[ChoiceQuestion, MatchQuestion, OrderQuestion, CategorizeQuestion],
    Field(discriminator="kind"),
]


class Quiz(_Model):
    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    title: str = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> "Quiz":
        ids = [q.id for q in self.questions]
        if len(set(ids)) != len(ids):
            raise ValueError("questions 의 id 가 중복되었습니다")
        return self

    def question(self, question_id: str):
        for q in self.questions:
            if q.id == question_id:
                return q
        known = ", ".join(q.id for q in self.questions)
        raise CaseworkError(f"'{question_id}' 라는 문제가 없습니다. 있는 문제: {known}")


def quiz_ids() -> list[str]:
    return sorted(p.stem for p in QUIZ_DIR.glob("*.yaml"))


def load_quiz(quiz_id: str) -> Quiz:
    """Load and validate ``casework/data/quizzes/<quiz_id>.yaml``."""
    path = QUIZ_DIR / f"{quiz_id}.yaml"
    if not path.is_file():
        raise CaseworkError(f"'{quiz_id}' 퀴즈 파일이 없습니다. 있는 퀴즈: {', '.join(quiz_ids()) or '없음'}")
    from casework.datafiles import load_yaml_model

    return load_yaml_model(path, Quiz)


def _blank(answer: object) -> bool:
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (Mapping, Sequence)):
        return len(answer) == 0
    return False


def judge(question, answer: object) -> Feedback:
    """Judge one answer; a blank answer (None, ..., '', empty) is 'unanswered', never an error."""
    if _blank(answer):
        return Feedback.unanswered()
    judge_kind = {
        "choice": _judge_choice,
        "match": _judge_match,
        "order": _judge_order,
        "categorize": _judge_categorize,
    }[question.kind]
    return judge_kind(question, answer)


def _verdict(n_right: int, n_total: int, wrong_points: list[str], explanation: str) -> Feedback:
    score = n_right / n_total
    if n_right == n_total:
        points = (explanation,) if explanation else ()
        return Feedback(Status.CORRECT, f"{n_total}개 모두 맞았습니다.", points, 1.0)
    status = Status.PARTIAL if n_right else Status.INCORRECT
    return Feedback(status, f"{n_total}개 중 {n_right}개가 맞았습니다.", tuple(wrong_points), score)


def _judge_choice(q: ChoiceQuestion, answer: object) -> Feedback:
    if isinstance(answer, bool) or not isinstance(answer, (int, str)):
        raise CaseworkError("선택형 문제의 답은 보기의 글자(문자열)나 보기 번호(1부터)로 주세요.")
    if isinstance(answer, int):
        if not 1 <= answer <= len(q.options):
            raise CaseworkError(f"보기 번호는 1부터 {len(q.options)} 사이여야 합니다 (받은 값: {answer}).")
        chosen = q.options[answer - 1]
    else:
        matches = [o for o in q.options if o.text == answer.strip()]
        if not matches:
            raise CaseworkError(f"'{answer}'{_josa(answer, '은')} 보기에 없습니다. 보기 중 하나를 그대로 골라 주세요.")
        chosen = matches[0]
    if chosen.correct:
        return Feedback(Status.CORRECT, chosen.why, (q.explanation,) if q.explanation else (), 1.0)
    right = next(o for o in q.options if o.correct)
    why = _without_affirmation(right.why)
    return Feedback(Status.INCORRECT, chosen.why, (f"정답은 '{right.text}'입니다.{' ' + why if why else ''}",), 0.0)


def _judge_match(q: MatchQuestion, answer: object) -> Feedback:
    if not isinstance(answer, Mapping):
        raise CaseworkError("연결 문제의 답은 {왼쪽 항목: 오른쪽 항목} 형태의 사전(dict)으로 주세요.")
    expected = {p.left: p for p in q.pairs}
    unknown = [k for k in answer if k not in expected]
    if unknown:
        raise CaseworkError(f"문제에 없는 항목이 있습니다: {', '.join(map(str, unknown))}")
    wrong = []
    for left, pair in expected.items():
        given = answer.get(left)
        if given in (None, "", Ellipsis):
            wrong.append(f"'{_short(left)}'에 아직 답하지 않았습니다.")
        elif given != pair.right:
            wrong.append(_sentence(
                f"'{_short(left)}'의 짝은 '{given}'{_josa(str(given), '이')} 아니라 '{pair.right}'입니다.", pair.why))
    return _verdict(len(expected) - len(wrong), len(expected), wrong, q.explanation)


def _judge_order(q: OrderQuestion, answer: object) -> Feedback:
    if isinstance(answer, (str, Mapping)) or not isinstance(answer, Sequence):
        raise CaseworkError("순서 문제의 답은 항목을 순서대로 담은 리스트로 주세요.")
    answer = list(answer)
    missing = [i for i in q.items if i not in answer]
    extra = [a for a in answer if a not in q.items]
    if missing or extra or len(answer) != len(q.items):
        parts = []
        if missing:
            parts.append(f"빠진 항목: {', '.join(missing)}")
        if extra:
            parts.append(f"문제에 없는 항목: {', '.join(map(str, extra))}")
        if not parts:
            parts.append("같은 항목을 두 번 넣었습니다")
        return Feedback(Status.INCORRECT, "모든 항목을 한 번씩 넣어 주세요.", tuple(parts), 0.0)
    wrong = [
        _sentence(f"{pos}번째 자리의 '{_short(given)}'{_josa(given, '은')} {q.items.index(given) + 1}번째에 옵니다.",
                  q.reasons.get(given, ""))
        for pos, (given, right) in enumerate(zip(answer, q.items), start=1)
        if given != right
    ]
    return _verdict(len(q.items) - len(wrong), len(q.items), wrong, q.explanation)


def _judge_categorize(q: CategorizeQuestion, answer: object) -> Feedback:
    if not isinstance(answer, Mapping):
        raise CaseworkError("분류 문제의 답은 {항목: 분류} 형태의 사전(dict)으로 주세요.")
    bad = [c for c in answer.values() if c not in (None, "", Ellipsis) and c not in q.categories]
    if bad:
        raise CaseworkError(f"분류는 {', '.join(q.categories)} 중 하나여야 합니다 (받은 값: {bad[0]}).")
    wrong = []
    for item in q.items:
        given = answer.get(item.text)
        if given in (None, "", Ellipsis):
            wrong.append(f"'{_short(item.text)}'{_josa(item.text, '을')} 아직 분류하지 않았습니다.")
        elif given != item.category:
            wrong.append(_sentence(
                f"'{_short(item.text)}'{_josa(item.text, '은')} '{given}'{_josa(given, '이')} 아니라 "
                f"'{item.category}'입니다.", item.why))
    return _verdict(len(q.items) - len(wrong), len(q.items), wrong, q.explanation)


def _sentence(verdict: str, why: str) -> str:
    return f"{verdict} {why}" if why else verdict


_AFFIRMATION = re.compile(r"^\s*맞(습니다|아요)[.!]?\s*")


def _without_affirmation(why: str) -> str:
    """A right option's explanation without its opening '맞습니다.' (shown after a wrong pick)."""
    return _AFFIRMATION.sub("", why, count=1)


# Private until the shared josa helper of the judging layer exists.
_PARTICLES = {"은": ("은", "는"), "이": ("이", "가"), "을": ("을", "를"), "과": ("과", "와"), "으로": ("으로", "로")}
_DIGIT_HAS_FINAL = {"0": True, "1": True, "2": False, "3": True, "4": False,
                    "5": False, "6": True, "7": True, "8": True, "9": False}
_DIGIT_FINAL_RIEUL = {"1", "7", "8"}
_TRAILING = " \t'\"‘’“”()[]{}«»「」『』<>.,…·:;!?"


def _josa(word: str, particle: str) -> str:
    """The form of ``particle`` (given as 은/이/을/과/으로) that follows ``word`` as it is read."""
    with_final, without_final = _PARTICLES[particle]
    last = word.rstrip(_TRAILING)[-1:]
    if "가" <= last <= "힣":
        final = (ord(last) - ord("가")) % 28
        has_final, rieul = final != 0, final == 8
    elif last in _DIGIT_HAS_FINAL:
        has_final, rieul = _DIGIT_HAS_FINAL[last], last in _DIGIT_FINAL_RIEUL
    else:  # Latin letters and the rest: an ending in l, m, n or ng is read with a final consonant
        tail = word.rstrip(_TRAILING)[-2:].lower()
        has_final, rieul = last.lower() in ("l", "m", "n") or tail == "ng", last.lower() == "l"
    if particle == "으로" and rieul:
        return without_final
    return with_final if has_final else without_final


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
