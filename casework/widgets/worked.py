"""A worked example: a sample answer to a bundled quiz question and the feedback it gets.

A chapter shows one of these right after a quiz widget, so a reader sees what the feedback
looks like (and how specific it is) without clicking anything. A worked example shows the
whole ladder at once: 확인, then the hints, then the model answer. Nothing here imports
ipywidgets: the example renders as HTML in JupyterLab and as plain text with ``print``.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from casework import quiz as quizlib
from casework.judging.feedback import Feedback, Level, Status
from casework.judging.quiz import judge as judge_quiz

__all__ = ["WorkedExample", "worked_example"]

_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"


@dataclass(frozen=True)
class WorkedExample:
    """A question prompt, the sample answer as the learner would read it, and its feedback."""

    prompt: str
    answer_lines: tuple[str, ...]
    feedback: Feedback

    def to_text(self) -> str:
        lines = [f"문제: {self.prompt}", "예시 답:"]
        lines += [f"  {line}" for line in self.answer_lines]
        lines += ["받는 피드백(힌트와 풀이까지):", self.feedback.to_text(Level.SOLUTION)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:
        answers = "".join(f"<li>{html.escape(line)}</li>" for line in self.answer_lines)
        return (
            "<div class='casework-worked-example' style='border:1px dashed #999;"
            "padding:8px 12px;margin:6px 0'>"
            "<div style='color:#555'>풀이 예시 (버튼을 누르지 않아도 보이도록 미리 채점한 결과)</div>"
            f"<div><b>문제</b>: {html.escape(self.prompt)}</div>"
            f"<div><b>예시 답</b>:<ul style='margin:2px 0'>{answers}</ul></div>"
            f"<div><b>받는 피드백</b> (힌트와 풀이까지):</div>{self.feedback.to_html(Level.SOLUTION)}</div>"
        )


def worked_example(quiz_id: str, question_id: str, answer: object) -> WorkedExample:
    """Judge ``answer`` to question ``question_id`` of quiz ``quiz_id`` and keep both for display.

    ``answer`` takes the same forms as :func:`casework.judging.quiz.judge` (for a choice question the
    option number from 1 is the shortest). An unknown quiz, question or a malformed answer
    raises :class:`casework.errors.CaseworkError` with a Korean message.
    """
    question = quizlib.load_quiz(quiz_id).question(question_id)
    feedback = judge_quiz(question, answer)  # validates the answer before we describe it
    return WorkedExample(question.prompt, _describe(question, answer, feedback), feedback)


def _describe(question, answer: object, feedback: Feedback) -> tuple[str, ...]:
    if feedback.status is Status.UNANSWERED:
        return ("(아직 답하지 않음)",)
    if question.kind == "choice":
        if isinstance(answer, int):
            return (f"{_CIRCLED[answer - 1] if answer <= len(_CIRCLED) else answer} "
                    f"{question.options[answer - 1].text}",)
        return (str(answer).strip(),)
    if isinstance(answer, Mapping):
        return tuple(f"{left} → {right}" for left, right in answer.items())
    assert isinstance(answer, Sequence)  # judge refused every other shape already
    return tuple(f"{pos}. {item}" for pos, item in enumerate(answer, start=1))
