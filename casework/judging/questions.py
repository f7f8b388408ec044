"""Judging a question a learner would ask the person, against the questioning mistakes."""

from __future__ import annotations

import re

from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_unanswered, read_text, unanswered_hint
from casework.judging.feedback import Feedback

__all__ = ["judge_question", "looks_like_question", "QUESTION_HINTS", "UNCHECKED_REMINDER"]

QUESTION_HINTS = (
    "'예/아니오'로 끝나는 질문 대신 '어떻게', '어떤', '무엇을'로 당사자가 자기 말로 길게 답할 수 있게 물어보세요.",
    "한 번에 하나만 묻고, '왜'로 따지는 대신 '어떤 일이 있었는지 말씀해 주시겠어요?'처럼 청해 보세요.",
)

UNCHECKED_REMINDER = (
    "'적절하지 않을 때 하는 질문'과 '관계없는 질문'은 글만 보고는 알 수 없습니다. 지금 당사자가 답할 수 "
    "있는 때인지, 돕는 데 꼭 필요한 질문인지는 스스로 살펴보세요."
)

# The workbook's rule for "is this a question": a question mark, a question ending, or a polite
# request to tell (…주세요, …주시겠어요).
_QUESTION_END = re.compile(
    r"([?？]|나요|까요|니까|는지요|가요|을까|ㄹ까|래요|주시겠어요|주실래요|주세요|주십시오)[.!…~\s]*$"
)


def looks_like_question(text: str) -> bool:
    """The text ends with a question mark or a question or request ending (workbook rule)."""
    return bool(_QUESTION_END.search(text.strip()))


def judge_question(answer: object) -> Feedback:
    """A question with no questioning mistake is correct; one mistake partial; more incorrect.

    A sentence that does not ask (no question or request ending) is incorrect.
    """
    from casework.interview import HEURISTIC_NOTE, LISTENING_PRINCIPLE, check_question

    if is_unanswered(answer):
        return Feedback.unanswered(
            unanswered_hint(answer, "당사자에게 건넬 질문을 한 문장 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?"),
            hints=QUESTION_HINTS)
    try:
        text = read_text(answer, "질문")
    except AnswerFormatError as exc:
        return rubric.wrong("질문을 읽을 수 없습니다.", (str(exc),)).with_ladder(QUESTION_HINTS)
    if not looks_like_question(text):
        return rubric.wrong(
            "당사자에게 묻는 문장이 아닙니다.",
            ("질문이나 이야기를 청하는 말로 끝나지 않습니다. 물음표(?)로 끝내거나 '~말씀해 주시겠어요?'처럼 "
             "당사자에게 묻는 문장으로 써 주세요.",),
        ).with_ladder(QUESTION_HINTS)
    findings = check_question(text)
    points = [f"[{f.mistake.value}] {f.message}" for f in findings]
    return rubric.from_findings(
        points,
        ok="질문할 때 흔히 하는 실수가 보이지 않는 열린 질문입니다.",
        ok_points=(LISTENING_PRINCIPLE,),
        one=f"질문할 때 흔히 하는 실수가 하나 보입니다: {findings[0].mistake.value}." if findings else "",
        many=f"질문할 때 흔히 하는 실수가 {len(findings)}가지 보입니다.",
        notes=(UNCHECKED_REMINDER,) if findings else (UNCHECKED_REMINDER, HEURISTIC_NOTE),
    ).with_ladder(QUESTION_HINTS)
