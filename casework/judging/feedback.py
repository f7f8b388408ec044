"""Feedback a learner sees: plain data, rendered as text or HTML by the caller.

Feedback is a ladder. Level 0 (확인) says what is right, what is wrong and why, and never gives
the answer away on a wrong try; level 1 (힌트) adds the hints; level 2 (풀이 보기) adds the model
answer. Status and score always agree (see :mod:`casework.judging.rubric`): a Feedback whose
score contradicts its status cannot be built.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import Enum, IntEnum

__all__ = ["Status", "Level", "Feedback", "STATUS_LABELS"]


class Status(str, Enum):
    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    UNANSWERED = "unanswered"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


class Level(IntEnum):
    """How far up the ladder the learner has asked to see."""

    CHECK = 0  # 확인
    HINT = 1  # 힌트
    SOLUTION = 2  # 풀이 보기


STATUS_LABELS = {
    Status.CORRECT: "맞았습니다",
    Status.PARTIAL: "일부 맞았습니다",
    Status.INCORRECT: "다시 생각해 보세요",
    Status.UNANSWERED: "아직 답하지 않았습니다",
}

# Korean grading marks (○ △ ×) rather than emoji: every Hangul font has them, so they
# render in any browser and in the Nanum-only test browser.
_BADGE = {
    Status.CORRECT: ("○", "#1b7f3b"),
    Status.PARTIAL: ("△", "#a66a00"),
    Status.INCORRECT: ("×", "#b3261e"),
    Status.UNANSWERED: ("·", "#555555"),
}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: status, a one-line summary, specific points and the ladder."""

    status: Status
    summary: str
    points: tuple[str, ...] = ()
    score: float = 0.0
    hints: tuple[str, ...] = ()
    solution: str = ""

    def __post_init__(self) -> None:
        score = float(self.score)
        if not 0.0 <= score <= 1.0:
            raise ValueError(f"score must lie in [0, 1], got {score}")
        agrees = {
            Status.CORRECT: score == 1.0,
            Status.PARTIAL: 0.0 < score < 1.0,
            Status.INCORRECT: score == 0.0,
            Status.UNANSWERED: score == 0.0,
        }[self.status]
        if not agrees:
            raise ValueError(f"status {self.status.value} contradicts score {score}")

    @property
    def passed(self) -> bool:
        return self.status is Status.CORRECT

    @classmethod
    def unanswered(cls, hint: str = "", *, hints: tuple[str, ...] = (), solution: str = "") -> Feedback:
        points = (hint,) if hint else ()
        return cls(Status.UNANSWERED, "답을 적은 뒤 다시 확인해 보세요.", points, 0.0, hints, solution)

    def with_ladder(self, hints: tuple[str, ...] | list[str] = (), solution: str = "") -> Feedback:
        """The same verdict with hints and a model answer attached (kept if already set)."""
        return Feedback(self.status, self.summary, self.points, self.score,
                        self.hints or tuple(hints), self.solution or solution)

    def lines(self, level: Level = Level.CHECK) -> list[str]:
        """The points shown at ``level``: the 확인 points, then hints, then the model answer."""
        out = list(self.points)
        if level >= Level.HINT and self.status is not Status.CORRECT:
            out += [f"힌트: {h}" for h in self.hints]
        if level >= Level.SOLUTION and self.solution:
            out.append(f"풀이: {self.solution}")
        return out

    def to_text(self, level: Level = Level.CHECK) -> str:
        icon, _ = _BADGE[self.status]
        text = [f"{icon} {self.status.label} — {self.summary}"]
        text += [f"  • {p}" for p in self.lines(level)]
        return "\n".join(text)

    def to_html(self, level: Level = Level.CHECK) -> str:
        icon, color = _BADGE[self.status]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.lines(level))
        body = f"<ul style='margin:4px 0 0 0;padding-left:1.4em'>{items}</ul>" if items else ""
        return (
            f"<div class='casework-feedback' data-status='{self.status.value}' "
            f"style='border-left:4px solid {color};padding:6px 10px;margin:6px 0;text-align:left'>"
            f"<b style='color:{color}'>{icon} {self.status.label}</b> — {html.escape(self.summary)}{body}</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()
