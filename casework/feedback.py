"""Feedback a learner sees: plain data, rendered as text or HTML by the caller."""

from __future__ import annotations

import html
from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    CORRECT = "correct"
    PARTIAL = "partial"
    INCORRECT = "incorrect"
    UNANSWERED = "unanswered"


# Korean grading marks (○ △ ×) rather than emoji: every Hangul font has them, so they
# render in any browser and in the Nanum-only test browser.
_BADGE = {
    Status.CORRECT: ("○", "맞았습니다", "#1b7f3b"),
    Status.PARTIAL: ("△", "일부 맞았습니다", "#a66a00"),
    Status.INCORRECT: ("×", "다시 생각해 보세요", "#b3261e"),
    Status.UNANSWERED: ("·", "아직 답하지 않았습니다", "#555555"),
}


@dataclass(frozen=True)
class Feedback:
    """The verdict on one answer: status, a one-line summary and specific points."""

    status: Status
    summary: str
    points: tuple[str, ...] = ()
    score: float = 0.0

    @property
    def passed(self) -> bool:
        return self.status is Status.CORRECT

    @classmethod
    def unanswered(cls, hint: str = "") -> "Feedback":
        points = (hint,) if hint else ()
        return cls(Status.UNANSWERED, "답을 입력한 뒤 다시 확인해 보세요.", points, 0.0)

    def to_text(self) -> str:
        icon, label, _ = _BADGE[self.status]
        lines = [f"{icon} {label} — {self.summary}"]
        lines += [f"  • {p}" for p in self.points]
        return "\n".join(lines)

    def to_html(self) -> str:
        icon, label, color = _BADGE[self.status]
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.points)
        body = f"<ul style='margin:4px 0 0 0'>{items}</ul>" if items else ""
        return (
            f"<div class='casework-feedback' data-status='{self.status.value}' "
            f"style='border-left:4px solid {color};padding:6px 10px;margin:6px 0'>"
            f"<b style='color:{color}'>{icon} {label}</b> — {html.escape(self.summary)}{body}</div>"
        )

    def _repr_html_(self) -> str:
        return self.to_html()

    def __str__(self) -> str:
        return self.to_text()
