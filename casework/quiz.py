"""Quiz items: course content as YAML data, validated on load.

Four kinds cover the walkthrough's exercises:

- ``choice``: pick one option; every option carries its own explanation.
- ``match``: pair each left item (a definition) with a right item (its author); each pair
  carries the reason it belongs together.
- ``order``: put steps in order; each step may carry the reason for its place.
- ``categorize``: put each statement in a category (e.g. 문제 / 요구 / 욕구).

Files live in ``casework/data/quizzes/<id>.yaml`` and are validated on load. A question may
carry its own ``hints``; the judging lives in :mod:`casework.judging.quiz`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from casework.errors import CaseworkError

QUIZ_DIR = Path(__file__).parent / "data" / "quizzes"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Question(_Model):
    """Fields every question kind has; each kind also gives its ``right_answer()``."""

    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    prompt: str = Field(min_length=1)
    explanation: str = ""
    hints: list[str] = Field(default_factory=list)


class Option(_Model):
    text: str = Field(min_length=1)
    correct: bool = False
    why: str = Field(min_length=1)


class ChoiceQuestion(_Question):
    kind: Literal["choice"]
    options: list[Option] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_correct(self) -> ChoiceQuestion:
        if sum(o.correct for o in self.options) != 1:
            raise ValueError("options 중 정확히 하나에 correct: true 가 있어야 합니다")
        # The feedback's headline already says 맞았습니다, and a learner who chose wrong sees this
        # reason as the model answer.
        if next(o for o in self.options if o.correct).why.lstrip().startswith("맞습니다"):
            raise ValueError("정답 보기의 why 는 '맞습니다'로 시작하지 않고 까닭만 적어 주세요")
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
    def _unique_left(self) -> MatchQuestion:
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
    def _unique(self) -> OrderQuestion:
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
    def _known_categories(self) -> CategorizeQuestion:
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
    ChoiceQuestion | MatchQuestion | OrderQuestion | CategorizeQuestion,
    Field(discriminator="kind"),
]


class Quiz(_Model):
    id: str = Field(pattern=r"^[a-z0-9_-]+$")
    title: str = Field(min_length=1)
    questions: list[Question] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Quiz:
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
