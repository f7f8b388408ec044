"""Chapter 04 exercises: sort intake stories into 처리유형, and check a question's wording.

The judging functions (:func:`judge_triage`, :func:`judge_question`) are plain functions that
return :class:`~casework.feedback.Feedback`; the widgets only wire inputs to them.

The four intake stories are fictional, written for the workbook, and live in
``casework/data/scenarios/intake_stories.yaml`` (:func:`intake_stories`). Their expected 처리유형
comes from :func:`casework.assessment.triage_intake`, i.e. from the workbook's teaching rule
(``TRIAGE_RULE``), not from the textbook, which names the deciding factors (문제의 유형과
복합성, 해결의지, 지원가능성) but gives no decision table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as w

from casework.assessment import (
    INTAKE_CAUTIONS, IntakeInformation, IntakeSummary, ProcessingType, TriageResult, triage_intake,
)
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.interview import LISTENING_PRINCIPLE, QuestionMistake, check_question
from casework.scenarios import bundled_scenario_file
from casework.widgets.base import BLANK_CHOICE as _BLANK, checked_box
from casework.widgets.quiz import text_checker

__all__ = [
    "IntakeStory", "intake_stories", "intake_story", "parse_processing_type", "judge_triage",
    "triage_widget", "judge_question", "question_checker", "UNCHECKED_REMINDER",
]


@dataclass(frozen=True)
class IntakeStory:
    """A fictional first interview: what the worker heard, and what they concluded from it."""

    id: str
    title: str
    narrative: str
    summary: IntakeSummary
    information: IntakeInformation

    def triage(self) -> TriageResult:
        """The workbook rule's verdict on this story."""
        return triage_intake(self.summary)


def intake_stories() -> tuple[IntakeStory, ...]:
    """The bundled stories, read once from ``casework/data/scenarios/intake_stories.yaml``."""
    return bundled_scenario_file("intake_stories.yaml", IntakeStory, "stories")


def intake_story(story_id: str) -> IntakeStory:
    """The story with this id ('가', '나', '다', '라')."""
    stories = _stories_by_id()
    if story_id not in stories:
        raise CaseworkError(f"'{story_id}' 이야기는 없습니다. 있는 이야기: {', '.join(stories)}")
    return stories[story_id]


def _stories_by_id() -> dict[str, IntakeStory]:
    return {s.id: s for s in intake_stories()}


def parse_processing_type(value: object) -> ProcessingType | None:
    """A 처리유형 from the enum, its name ('복지급여 신청') or label ('① 복지급여 신청'); None if blank."""
    if value is None or (isinstance(value, str) and (not value.strip() or value == _BLANK)):
        return None
    if isinstance(value, ProcessingType):
        return value
    if isinstance(value, str):
        text = value.strip()
        for member in ProcessingType:
            if text in (member.value, member.label, member.name):
                return member
    allowed = ", ".join(m.label for m in ProcessingType)
    raise CaseworkError(f"처리유형을 알아볼 수 없습니다: {value!r}. 다음 중 하나를 고르세요: {allowed}")


def _hint(chosen: ProcessingType, expected: ProcessingType) -> str:
    """A pointer to the deciding factor the learner seems to have missed."""
    cm, other = ProcessingType.CASE_MANAGEMENT_REFERRAL, ProcessingType.OTHER_AGENCY_INFORMATION
    if expected is other:
        return "먼저 이곳(동 주민센터·구청)에서 지원할 수 있는 일인지, 곧 지원가능성을 보세요."
    if chosen is other:
        return ("이곳에서 도울 수 있는 일을 다른 기관으로 보내면 주민은 거절당했다고 느끼기 쉽습니다. "
                "지원가능성부터 확인하세요.")
    if expected is cm:
        return ("급여나 서비스 하나로는 서로 얽힌 문제가 풀리지 않습니다. 문제들이 서로 이어져 있는지"
                "(복합성)와 당사자의 해결의지를 보세요.")
    if chosen is cm:
        return ("사례관리 의뢰는 서로 얽힌 욕구(복합적 욕구)와 해결의지가 함께 있을 때입니다. "
                "이 이야기의 욕구는 하나이거나 서로 얽혀 있지 않습니다.")
    return "소득·급여로 풀 문제인지, 서비스로 풀 문제인지(문제의 유형)를 다시 보세요."


def judge_triage(answers: Mapping[str, object]) -> Feedback:
    """Judge the learner's 처리유형 for each story (``{story id: type}``; blanks allowed).

    Every story's feedback gives the reasons from :func:`triage_intake`; a wrong pick also
    gets a pointer to the deciding factor that was missed.
    """
    if not isinstance(answers, Mapping):
        raise CaseworkError(f"답은 {{이야기: 처리유형}} 형태의 사전(dict)으로 주세요. 받은 값: {answers!r}")
    stories = intake_stories()
    known = [s.id for s in stories]
    unknown = [k for k in answers if k not in known]
    if unknown:
        raise CaseworkError(f"없는 이야기입니다: {', '.join(map(str, unknown))}. 있는 이야기: {', '.join(known)}")
    chosen = {k: parse_processing_type(v) for k, v in answers.items()}
    given = {k: v for k, v in chosen.items() if v is not None}
    if not given:
        return Feedback.unanswered("이야기마다 처리유형을 하나씩 골라 보세요.")

    points: list[str] = []
    right = 0
    for story in stories:
        result = story.triage()
        expected = result.processing_type
        why = " ".join(result.reasons)
        pick = given.get(story.id)
        if pick is None:
            points.append(f"이야기 {story.id}: 아직 고르지 않았습니다.")
        elif pick is expected:
            right += 1
            points.append(f"이야기 {story.id}: {expected.label} — 맞습니다. {why}")
        else:
            points.append(
                f"이야기 {story.id}: '{pick.label}'을(를) 골랐지만 워크북의 판단 규칙으로는 "
                f"'{expected.label}'입니다. {_hint(pick, expected)} 까닭: {why}"
            )
    points.append("두 가지 유의사항: " + " / ".join(INTAKE_CAUTIONS))
    total = len(stories)
    missing = total - len([s for s in stories if s.id in given])
    summary = f"이야기 {total}개 가운데 {right}개를 맞게 분류했습니다."
    if missing:
        summary += f" {missing}개는 아직 고르지 않았습니다."
    if right == total:
        status = Status.CORRECT
    elif right:
        status = Status.PARTIAL
    else:
        status = Status.INCORRECT
    return Feedback(status, summary, tuple(points), right / total)


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
    return checked_box(rows, lambda: judge_triage({k: d.value for k, d in drops.items()}),
                       extra_attrs={"dropdowns": drops})


# ---------------------------------------------------------------------------
# A question to the person, checked against the questioning mistakes
# ---------------------------------------------------------------------------

UNCHECKED_REMINDER = (
    f"'{QuestionMistake.BAD_TIMING.value}'과 '{QuestionMistake.IRRELEVANT.value}'은 글만 보고는 알 수 "
    "없습니다. 지금 당사자가 답할 수 있는 때인지, 돕는 데 꼭 필요한 질문인지는 스스로 살펴보세요."
)
_HEURISTIC = "이 점검은 글자 모양만 보는 어림 규칙(휴리스틱)이라 틀릴 수 있습니다."


def judge_question(text: str) -> Feedback:
    """Which questioning mistakes does this question show? (a heuristic over ``check_question``)

    No finding with a question mark is praised as an open question. Without a question mark
    the yes/no check cannot tell a question from a statement, so the verdict is only partial.
    """
    if not isinstance(text, str):
        raise CaseworkError(f"질문은 글(문자열)로 넣어 주세요. 받은 값: {text!r}")
    if not text.strip():
        return Feedback.unanswered("당사자에게 건넬 질문을 한 문장 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?")
    findings = check_question(text)
    if findings:
        names = ", ".join(f"'{f.mistake.value}'" for f in findings)
        return Feedback(
            Status.INCORRECT,
            f"질문할 때 흔히 하는 실수가 {len(findings)}가지 보입니다: {names}.",
            tuple(f.message for f in findings) + (UNCHECKED_REMINDER,),
            0.0,
        )
    if "?" not in text and "？" not in text:
        return Feedback(
            Status.PARTIAL,
            "규칙에 걸린 실수는 없지만, 물음표가 없어 질문인지 확실하지 않습니다.",
            (
                "당사자에게 묻는 말이라면 끝에 물음표(?)를 붙여 다시 확인해 보세요. 물음표가 있어야 "
                "'예/아니오로 답하게 하는 질문'인지도 살펴볼 수 있습니다.",
                "'~말씀해 주세요'처럼 이야기를 청하는 말이라면 그대로도 좋은 열린 요청입니다.",
                _HEURISTIC,
            ),
            0.5,
        )
    return Feedback(
        Status.CORRECT,
        "규칙에 걸린 실수가 없습니다. 당사자가 자기 말로 길게 답할 수 있는 열린 질문으로 보입니다.",
        (LISTENING_PRINCIPLE, UNCHECKED_REMINDER, _HEURISTIC),
        1.0,
    )


def question_checker(value: str = "") -> w.VBox:
    """A text box for one question and the feedback from :func:`judge_question`."""
    if not isinstance(value, str):
        raise CaseworkError(f"처음 넣어 둘 질문(value)은 글이어야 합니다. 받은 값: {value!r}")
    return text_checker(
        judge_question,
        placeholder="당사자에게 건넬 질문을 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?",
        button_label="질문 점검",
        value=value,
    )
