"""Chapter 04 widgets: sort intake stories into 처리유형, check a question's wording, practise an interview.

Wiring only. The stories are content (:mod:`casework.scenario_models`); the verdicts come from
:func:`casework.judging.triage.judge_intake_stories` and
:func:`casework.judging.questions.judge_question` — the same judges exercise 04 uses.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from casework.assessment import ProcessingType
from casework.errors import CaseworkError
from casework.judging.questions import UNCHECKED_REMINDER, judge_question
from casework.judging.triage import judge_intake_stories
from casework.scenario_models import IntakeStory, intake_stories, intake_story
from casework.widgets.base import BLANK_CHOICE as _BLANK
from casework.widgets.base import blank_to_none, checked_box
from casework.widgets.interview import interview_feedback, interview_widget
from casework.widgets.quiz import text_checker

__all__ = [
    "IntakeStory", "intake_stories", "intake_story", "judge_triage",
    "triage_widget", "judge_question", "question_checker", "UNCHECKED_REMINDER", "interview_widget",
    "interview_feedback",
]

judge_triage = judge_intake_stories
"""Chapter 04's name for :func:`casework.judging.triage.judge_intake_stories`."""


def triage_widget() -> w.VBox:
    """The four stories, a 처리유형 dropdown under each, one 확인 button and the feedback.

    The box has ``dropdowns`` ({story id: Dropdown}) and ``check()`` for tests and notebooks.
    """
    options = [_BLANK, *(m.label for m in ProcessingType)]
    drops: dict[str, w.Dropdown] = {}
    rows: list[w.Widget] = []
    for story in intake_stories():
        drop = w.Dropdown(options=options, value=_BLANK, description="처리유형",
                          layout=w.Layout(width="420px"))
        drops[story.id] = drop
        rows.append(w.HTML(f"<p><b>이야기 {story.id}. {html.escape(story.title)}</b><br>"
                           f"{html.escape(story.narrative)}</p>"))
        rows.append(drop)

    def answers() -> dict[str, object]:
        return {k: blank_to_none(d.value) for k, d in drops.items()}

    def write(saved: Any) -> None:
        for story_id, value in dict(saved).items():
            if story_id in drops and value in options:
                drops[story_id].value = value

    return checked_box(rows, lambda: judge_triage(answers()), key=("ch04", "triage"), read=answers, write=write,
                       extra_attrs={"dropdowns": drops})


def question_checker(value: str = "") -> w.VBox:
    """A text box for one question and the feedback from :func:`judge_question`."""
    if not isinstance(value, str):
        raise CaseworkError(f"처음 넣어 둘 질문(value)은 글이어야 합니다. 받은 값: {value!r}")
    return text_checker(
        judge_question,
        placeholder="당사자에게 건넬 질문을 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?",
        button_label="질문 점검",
        value=value,
        key=("ch04", "question"),
    )
