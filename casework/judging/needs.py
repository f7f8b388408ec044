"""Judging a need a learner wrote: a state to be met, not a demand for a service or money."""

from __future__ import annotations

from casework._util.text import josa
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_unanswered, read_text, unanswered_hint
from casework.judging.feedback import Feedback

__all__ = ["judge_need", "NEED_HINTS"]

NEED_HINTS = (
    "서비스나 돈의 이름이 아니라, 그것으로 당사자의 삶에서 채워져야 할 상태를 적어 보세요.",
    "'○○의 욕구'처럼 적으면 됩니다. 예: '병원비 좀 지원해 주세요'라는 요구 뒤의 욕구는 '건강회복의 욕구'입니다.",
)


def _quoted(words: tuple[str, ...]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def judge_need(answer: object) -> Feedback:
    """A need written as a state to be met is correct; a demand or a restated problem is not."""
    from casework.pdn import HEURISTIC_NOTE, StatementKind, read_statement

    if is_unanswered(answer):
        return Feedback.unanswered(unanswered_hint(answer, "'○○의 욕구'처럼 채워져야 할 상태를 적어 보세요."),
                                   hints=NEED_HINTS)
    try:
        text = read_text(answer, "욕구")
    except AnswerFormatError as exc:
        return rubric.wrong("욕구를 읽을 수 없습니다.", (str(exc),)).with_ladder(NEED_HINTS)
    reading = read_statement(text)
    if reading.kind is StatementKind.DEMAND:
        points: list[str] = []
        if reading.requests:
            points.append(
                f"{_quoted(reading.requests)}처럼 도움을 청하거나 바라는 말이 있습니다. 이것은 당사자의 목소리, "
                "곧 요구·바램 칸에 들어갈 말입니다."
            )
        if reading.means:
            points.append(
                f"{josa(_quoted(reading.means), '은')} "
                "욕구를 채우는 방법·수단의 이름입니다. 서비스와 돈은 서비스 계획 칸에 갑니다."
            )
        points.append("그 서비스나 돈으로 당사자의 삶에서 무엇이 채워지기를 바라는지 물어, 채워져야 할 상태로 다시 쓰세요.")
        points.append(HEURISTIC_NOTE)
        return rubric.wrong("욕구가 아니라 요구(방법을 청하는 말)로 읽힙니다.", points).with_ladder(NEED_HINTS)
    if reading.kind is StatementKind.NEED:
        return rubric.right(
            "채워져야 할 상태로 적혀 있어 욕구로 읽힙니다.",
            (f"{_quoted(reading.need_words)}처럼 채워져야 할 상태를 나타내는 말이 있고, 서비스나 돈을 청하는 말은 없습니다.",
             "이제 이 욕구에서 개입목적(기대하는 변화)과 개입목표(기간과 수준)로 이어 가 보세요.",
             HEURISTIC_NOTE),
        ).with_ladder(NEED_HINTS)
    return rubric.wrong(
        "무엇이 채워져야 하는지가 드러나지 않습니다.",
        ("어려움(문제)을 다시 적은 것처럼 보입니다. 그 어려움 때문에 당사자의 삶에서 모자란 것이 무엇인지 생각해 보세요.",
         HEURISTIC_NOTE),
    ).with_ladder(NEED_HINTS)
