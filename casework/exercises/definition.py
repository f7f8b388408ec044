"""What an exercise is made of: a practice-data builder and its questions' judges and model answers.

Each ``exNN`` module of this package defines one :class:`Exercise` named ``EXERCISE``; the
registry finds them by module name, so adding an exercise is adding a module and its YAML text.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from casework.cases import Case, load_case
from casework.errors import CaseworkError
from casework.exercises.spec import ExerciseText
from casework.judging.feedback import Feedback

__all__ = ["Build", "Context", "Question", "Exercise", "registry", "exercise_def", "case_info",
           "case_needs", "case_with_chains", "as_lines", "first_quote", "model_answer"]


@dataclass
class Build:
    """What a practice builder gets: the case, a seeded random source and the course text."""

    case: Case
    rng: random.Random
    text: ExerciseText
    case_id: str
    seed: int


@dataclass
class Context:
    """What a judge gets: its own copy of the practice data, private values and the case."""

    data: dict[str, Any]
    private: dict[str, Any]
    case: Case
    text: ExerciseText


Judge = Callable[[object, Context], Feedback]
Solution = Callable[[Context], str]


@dataclass(frozen=True)
class Question:
    """One question: the practice keys it shows, its judge and its model answer in plain Korean."""

    keys: tuple[str, ...]
    judge: Judge
    solution: Solution


@dataclass(frozen=True)
class Exercise:
    """One exercise: how its practice data is built and how each question is judged."""

    id: str
    build: Callable[[Build], tuple[dict[str, Any], dict[str, Any]]]
    questions: Mapping[str, Question]
    banks: tuple[str, ...] = field(default=())

    def practice(self, text: ExerciseText, case: Case, seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
        """The (public, private) practice data for one case and seed: the same every time."""
        rng = random.Random(f"casework|{self.id}|{case.id}|{seed}")
        return self.build(Build(case, rng, text, case.id, seed))


@functools.cache
def registry() -> dict[str, Exercise]:
    """Every exercise of the package, by id (found as the ``exNN`` modules)."""
    import casework.exercises as package

    found: dict[str, Exercise] = {}
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("ex") and info.name[2:].isdigit():
            module = importlib.import_module(f"casework.exercises.{info.name}")
            exercise = module.EXERCISE
            found[exercise.id] = exercise
    return dict(sorted(found.items()))


def exercise_def(exercise_id: object) -> Exercise:
    exercises = registry()
    if not isinstance(exercise_id, str) or exercise_id not in exercises:
        raise CaseworkError(
            f"없는 연습 번호입니다: {exercise_id!r}. 쓸 수 있는 값: {', '.join(exercises)} "
            "(따옴표로 감싼 두 자리 글, 예: \"07\")"
        )
    return exercises[exercise_id]


# ----- small builders shared by several exercises


def as_lines(items) -> str:
    """A list answer in plain Korean: one item a line, or '없음' for an empty list."""
    return "\n".join(items) or "없음"


def case_info(case: Case) -> dict[str, str]:
    return {"사례": case.title, "요약": case.summary}


def case_with_chains(case: Case) -> Case:
    """The case itself if it has planning chains, else the bundled sick_child (workbook rule)."""
    if any(chain.objectives for chain in case.chains):
        return case
    return load_case("sick_child")


def case_needs(case: Case) -> list[tuple[str, Any]]:
    """(text, Domain) of every need in the case: chain needs first, then needs by domain."""
    seen: dict[str, Any] = {}
    for chain in case.chains:
        for need in chain.needs:
            seen.setdefault(need.text, need.domain)
    for listed in case.needs_by_domain:
        seen.setdefault(listed.label, listed.domain)
    return list(seen.items())


def first_quote(case: Case) -> str:
    for chain in case.chains:
        if chain.problem_quote.strip():
            return chain.problem_quote
    return case.summary


def model_answer(ctx: Context, question_id: str, fallback: str, key: str | None = None) -> str:
    """The exercise text's model answer for ``key`` (default: this case's id), else ``fallback``."""
    return ctx.text.model_answers.get(question_id, {}).get(key or ctx.case.id, fallback)
