"""Interviewing: listening and asking, and the seven common questioning mistakes.

Source: 광진구청 희망나눔팀 학습동아리 교재 (seed 003), "질문할 때 흔히 하는 7가지 실수" and
"면접의 20%는 질문하기, 80%는 잘 듣는 것".

The question checker lives in :mod:`casework.questions` (rules in
``casework/data/language/question_rules.yaml``); its names stay importable from here.
"""

from __future__ import annotations

from casework.questions import (
    HEURISTIC_NOTE,
    MAX_CONNECTIVES,
    MAX_NEGATIONS,
    MAX_QUESTION_LENGTH,
    UNCHECKABLE_MISTAKES,
    QuestionFinding,
    QuestionMistake,
    UncheckableMistake,
    check_question,
    uncheckable_notes,
)

__all__ = [
    "QuestionMistake", "QuestionFinding", "check_question", "UncheckableMistake",
    "UNCHECKABLE_MISTAKES", "uncheckable_notes", "MAX_QUESTION_LENGTH", "MAX_CONNECTIVES",
    "MAX_NEGATIONS", "HEURISTIC_NOTE", "ASKING_SHARE", "LISTENING_SHARE", "LISTENING_PRINCIPLE",
]

ASKING_SHARE = 0.2
LISTENING_SHARE = 0.8
LISTENING_PRINCIPLE = (
    "면접에서 묻는 일은 20% 정도, 나머지 80%는 잘 듣는 일입니다. 좋은 질문 하나를 던졌다면 "
    "서둘러 다음 질문으로 넘어가지 말고 당사자의 이야기를 끝까지 들어 주세요."
)
