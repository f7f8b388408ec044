"""The exercise runtime: one learner's practice data and the judging of their answers.

An exercise notebook builds one :class:`Checker` in its ``check-setup`` cell::

    check = start("07", learner=learner, case_id=case_id, seed=seed, show_hints=show_hints)

which also registers the ``%%답`` cell magic. Each answer cell reads::

    %%답 q3
    어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다

and running it shows the feedback at once. The answer stays in the notebook as plain text, so it
survives reopening and ``casework grade`` judges the same text without running anything. A
result is shown as HTML and, in IPython, also emitted as a record (:data:`MIME_TYPE`) that keeps
the attempt count and hint use with the answer.

A blank answer is *unanswered* and never raises. In strict mode (``strict=True`` or the
environment variable ``CASEWORK_STRICT_CHECKS=1``) every result other than *correct* raises
:class:`CaseworkError` after it is shown: the solution notebooks are tested that way.
"""

from __future__ import annotations

import copy
import difflib
import html
import os
import sys
from dataclasses import dataclass
from typing import Any

from casework.cases import Case, case_ids, load_case
from casework.errors import CaseworkError, DataFileError
from casework.exercises.cells import header_line, parse_answer_cell
from casework.exercises.definition import Context, Exercise, exercise_def, registry
from casework.exercises.practice import PracticeData
from casework.exercises.spec import ExerciseText, QuestionText, load_exercise_text
from casework.judging import rubric
from casework.judging.answers import MAX_ANSWER, AnswerFormatError, is_blank
from casework.judging.feedback import Feedback, Level, Status

__all__ = [
    "MIME_TYPE", "STRICT_ENV", "ExerciseSpec", "CheckFeedback", "Checker", "exercise_ids", "exercise_text",
    "exercise_spec", "start", "new_checker",
]

MIME_TYPE = "application/vnd.casework.check+json"
STRICT_ENV = "CASEWORK_STRICT_CHECKS"
_TRUE_WORDS = {"1", "true", "yes", "on"}


def exercise_ids() -> tuple[str, ...]:
    """The ids of every exercise that has checks, in order ('04', '05', …)."""
    return tuple(registry())


def exercise_text(exercise_id: str) -> ExerciseText:
    """The validated course text of one exercise, checked against its judges."""
    exercise = exercise_def(exercise_id)
    text = load_exercise_text(exercise.id)
    path = f"casework/data/exercises/{exercise.id}.yaml"
    ids = [q.id for q in text.questions]
    if ids != list(exercise.questions):
        raise CaseworkError(
            f"{path}: 문제가 {', '.join(ids)}인데 채점 함수는 {', '.join(exercise.questions)}에 있습니다. "
            f"문제를 더하거나 빼려면 casework/exercises/ex{exercise.id}.py도 함께 고쳐야 합니다."
        )
    for bank in exercise.banks:
        if not getattr(text, bank):
            raise CaseworkError(f"{path}: 이 연습에는 '{bank}' 목록이 있어야 합니다. 한 개 이상 적어 주세요.")
    return text


@dataclass(frozen=True)
class ExerciseSpec:
    """The question ids of an exercise in order, with its id and title."""

    exercise_id: str
    title: str
    question_ids: tuple[str, ...]

    def __iter__(self):
        return iter(self.question_ids)

    def __len__(self) -> int:
        return len(self.question_ids)


def exercise_spec(exercise_id: str) -> ExerciseSpec:
    text = exercise_text(exercise_id)
    return ExerciseSpec(text.id, text.title, tuple(q.id for q in text.questions))


@dataclass(frozen=True)
class CheckFeedback(Feedback):
    """Feedback on one checked answer, with who, what and where for the record."""

    exercise: str = ""
    question: str = ""
    learner: str = ""
    case_id: str = ""
    seed: int = 0
    attempt: int = 0
    level: Level = Level.CHECK
    answer: str = ""

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
            "attempt": self.attempt,
            "hint_used": self.level >= Level.HINT,
            "solution_seen": self.level >= Level.SOLUTION,
        }

    def _ipython_display_(self) -> None:
        # The check has already displayed this result; echoing the return value would show it twice.
        return None


def _ipython_shell() -> Any:
    if "IPython" not in sys.modules:
        return None
    from IPython import get_ipython

    return get_ipython()


class Checker:
    """Judges one learner's answers to one exercise; build it with :func:`start`."""

    def __init__(self, text: ExerciseText, exercise: Exercise, case: Case, *, learner: str, seed: int,
                 show_hints: bool = True, show_solutions: bool = True, strict: bool = False) -> None:
        self._text = text
        self._exercise = exercise
        self._case = case
        self.exercise_id = text.id
        self.learner = learner
        self.case_id = case.id
        self.seed = seed
        self.show_hints = show_hints
        self.show_solutions = show_solutions
        self.strict = strict
        self._data, self._private = exercise.practice(text, case, seed)
        self._attempts: dict[str, int] = {}
        self._levels: dict[str, Level] = {}

    @property
    def title(self) -> str:
        return self._text.title

    @property
    def question_ids(self) -> tuple[str, ...]:
        return tuple(self._exercise.questions)

    def practice_data(self) -> PracticeData:
        """A fresh copy of this learner's practice material (changing it changes no judgement)."""
        keys = {qid: q.keys for qid, q in self._exercise.questions.items()}
        return PracticeData(copy.deepcopy(self._data), keys)

    def question(self, question_id: object) -> QuestionText:
        for q in self._text.questions:
            if q.id == question_id:
                return q
        raise CaseworkError(
            f"없는 문제 번호입니다: {question_id!r}. 이 연습({self.exercise_id})의 문제: {', '.join(self.question_ids)}"
        )

    def _context(self) -> Context:
        return Context(copy.deepcopy(self._data), self._private, self._case, self._text)

    def hints(self, question_id: str) -> tuple[str, ...]:
        return tuple(self.question(question_id).hints)

    def model_answer(self, question_id: str) -> str:
        """The model answer in plain Korean, as a learner would write it."""
        self.question(question_id)
        return self._exercise.questions[question_id].solution(self._context())

    def judge(self, question_id: str, answer: object) -> Feedback:
        """Judge an answer (plain text, or a value a widget holds) without showing or counting it."""
        question = self.question(question_id)
        ladder = (tuple(question.hints), self.model_answer(question.id))
        if is_blank(answer):
            return Feedback.unanswered(f"답 쓰는 법: {question.form}").with_ladder(*ladder)
        if isinstance(answer, str) and len(answer) > MAX_ANSWER:
            return rubric.wrong("답이 너무 길어 읽지 않았습니다.", (
                f"답 칸에는 {MAX_ANSWER:,}자까지 읽습니다(지금 {len(answer):,}자). 답만 남기고 지워 주세요.",)).with_ladder(*ladder)
        try:
            result = self._exercise.questions[question.id].judge(answer, self._context())
        except AnswerFormatError as exc:
            result = rubric.wrong("답을 읽을 수 없습니다.", (str(exc), f"답 쓰는 법: {question.form}"))
        except CaseworkError as exc:
            result = rubric.wrong("답에 고칠 곳이 있습니다.", (str(exc),))
        return result.with_ladder(*ladder)

    def check(self, question_id: str, answer: object, level: Level = Level.CHECK) -> CheckFeedback:
        """Judge, count the attempt, show the result at ``level``, and in strict mode raise unless correct."""
        result = self.judge(question_id, answer)
        question = self.question(question_id).id
        self._attempts[question] = self._attempts.get(question, 0) + 1
        refused = []
        requested = level
        if requested >= Level.SOLUTION and not self.show_solutions:
            refused.append("이 연습에서는 풀이를 볼 수 없습니다(강사가 정한 설정).")
            level = Level.HINT
        if requested >= Level.HINT and not self.show_hints:
            refused.append("이 연습에서는 힌트를 볼 수 없습니다(강사가 정한 설정).")
            level = Level.CHECK
        self._levels[question] = max(level, self._levels.get(question, Level.CHECK))
        feedback = CheckFeedback(
            result.status, result.summary, result.points, result.score, result.hints, result.solution,
            exercise=self.exercise_id, question=question, learner=self.learner, case_id=self.case_id,
            seed=self.seed, attempt=self._attempts[question], level=self._levels[question],
            answer=answer if isinstance(answer, str) else repr(answer),
        )
        self._emit(feedback, level, refused)
        if self.strict and feedback.status is not Status.CORRECT:
            raise CaseworkError(
                f"[엄격 모드] 연습 {self.exercise_id} {question}의 결과가 '{feedback.status.value}'입니다: {feedback.summary}"
            )
        return feedback

    def __call__(self, question_id: str, answer: object) -> CheckFeedback:
        """``check("q1", answer1)``: the older way of answering, kept for notebooks handed out before."""
        return self.check(question_id, answer)

    def run_cell(self, line: str, cell: str) -> CheckFeedback | None:
        """What ``%%답`` does: read the question and level from ``line``, judge ``cell``."""
        parsed = parse_answer_cell(f"%%답 {line}\n{cell}")
        if parsed is None or parsed.problem:
            message = parsed.problem if parsed else "첫 줄을 '%%답 q1'처럼 적어 주세요."
            raise CaseworkError(f"{message} 이 연습의 문제: {', '.join(self.question_ids)}")
        return self.check(parsed.question, parsed.body, parsed.level)

    # ----- display

    def _next_step_html(self, feedback: CheckFeedback, level: Level) -> str:
        if feedback.status is Status.CORRECT:
            return ""
        tips = []
        if level < Level.HINT and self.show_hints and feedback.hints:
            tips.append(f"힌트를 보려면 답 칸 첫 줄을 <code>{html.escape(header_line(feedback.question, Level.HINT))}</code>"
                        "로 바꾸어 다시 실행하세요.")
        elif level < Level.SOLUTION and self.show_solutions and feedback.solution:
            tips.append(f"풀이를 보려면 첫 줄을 <code>{html.escape(header_line(feedback.question, Level.SOLUTION))}</code>"
                        "로 바꾸어 다시 실행하세요. 먼저 스스로 한 번 더 고쳐 보기를 권합니다.")
        return "".join(f"<div style='color:#555;margin:2px 0 6px 14px'>{t}</div>" for t in tips)

    def _emit(self, feedback: CheckFeedback, level: Level, notes: list[str]) -> None:
        text = feedback.to_text(level) + "".join(f"\n  • {n}" for n in notes)
        if _ipython_shell() is None:
            print(text)
            return
        from IPython.display import display

        body = feedback.to_html(level)
        body += "".join(f"<div style='color:#555;margin:2px 0 6px 14px'>{html.escape(n)}</div>" for n in notes)
        body += self._next_step_html(feedback, level)
        display({"text/html": body, "text/plain": text, MIME_TYPE: feedback.record()}, raw=True)

    def _summary_rows(self) -> list[tuple[str, str]]:
        return [
            ("연습", f"{self.exercise_id}. {self.title}"),
            ("학습자", self.learner),
            ("사례", f"{self._case.title} ({self.case_id})"),
            ("연습 자료 번호", str(self.seed)),
            ("문제", ", ".join(self.question_ids)),
            ("힌트", "볼 수 있음" if self.show_hints else "볼 수 없음"),
            ("풀이", "볼 수 있음" if self.show_solutions else "볼 수 없음"),
        ]

    def _repr_html_(self) -> str:
        rows = "".join(f"<tr><th style='text-align:left;padding-right:12px'>{html.escape(k)}</th>"
                       f"<td style='text-align:left'>{html.escape(v)}</td></tr>" for k, v in self._summary_rows())
        return f"<table class='casework-checker'>{rows}</table>"

    def __repr__(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self._summary_rows())


def _strict_from_env() -> bool:
    return os.environ.get(STRICT_ENV, "").strip().lower() in _TRUE_WORDS


def _is_int(value: object) -> bool:
    return (isinstance(value, int) or type(value).__name__ in {"int64", "int32", "int16", "int8", "uint32", "uint64"}) \
        and not isinstance(value, bool)


def new_checker(exercise_id: str, *, learner: str, case_id: str, seed: int, show_hints: bool = True,
                show_solutions: bool = True, strict: bool = False) -> Checker:
    """Validate the parameters and build a checker (no IPython involved: the grader uses this)."""
    problems: list[str] = []
    if not isinstance(exercise_id, str) or exercise_id not in registry():
        problems.append(f"연습 번호 {exercise_id!r}는 없습니다. 쓸 수 있는 값: {', '.join(exercise_ids())}")
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
    if not _is_int(seed) or int(seed) < 0 or int(seed) > 2**32 - 1:
        problems.append("seed에는 0부터 4294967295까지의 정수를 넣어 주세요(예: 0, 1, 2, 3 …; True/False와 글은 안 됩니다). "
                        f"받은 값: {seed!r} ({type(seed).__name__})")
    for name, value in (("show_hints", show_hints), ("show_solutions", show_solutions), ("strict", strict)):
        if not isinstance(value, bool):
            problems.append(f"{name}에는 True 또는 False만 쓸 수 있습니다(따옴표 없이). 받은 값: {value!r}")
    if problems:
        raise CaseworkError("parameters 셀(첫 번째 코드 셀)의 값을 고쳐 주세요. " + " / ".join(problems))
    assert case is not None
    return Checker(exercise_text(exercise_id), exercise_def(exercise_id), case, learner=learner.strip(),
                   seed=int(seed), show_hints=show_hints, show_solutions=show_solutions,
                   strict=strict or _strict_from_env())


def start(exercise_id: str, *, learner: str, case_id: str, seed: int, show_hints: bool = True,
          show_solutions: bool = True, strict: bool = False) -> Checker:
    """Build the checker for a notebook and register the ``%%답`` cell magic in IPython."""
    checker = new_checker(exercise_id, learner=learner, case_id=case_id, seed=seed, show_hints=show_hints,
                          show_solutions=show_solutions, strict=strict)
    shell = _ipython_shell()
    if shell is not None:
        from casework.exercises.magic import register

        register(shell, checker)
    return checker


