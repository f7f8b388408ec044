"""Judging a direct-practice self-check (chapter 08): which checklist questions are still open.

A worker answers each question of a :class:`casework.monitoring.Checklist` with yes (True) or
not yet (False). Every question not yet answered yes comes back with the checklist's own actions;
the share of questions answered yes is the score (the one rubric's rule for lists).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, answer_lines, is_blank, read_yes_no
from casework.judging.feedback import Feedback

__all__ = ["CHECKLIST_HINTS", "checklist_feedback"]

CHECKLIST_HINTS = (
    "'그렇다'고 답하려면 기록이나 당사자의 말처럼 보여 줄 근거가 있어야 합니다. 근거가 없으면 아직으로 두세요.",
)
_SOLUTION = ("모든 질문에 근거를 들어 '그렇다'고 답할 수 있으면 됩니다. 아직인 질문은 '해 볼 일'을 다음 점검 전까지 "
             "해 보고, 다음 점검 때 같은 질문으로 다시 돌아봅니다.")


def _checklist(checklist: object):
    from casework.monitoring import Checklist

    if not isinstance(checklist, Checklist):
        raise CaseworkError(f"점검 질문 목록(Checklist)을 주세요. 받은 값: {checklist!r}")
    return checklist


def _answers(answers: object, total: int) -> list[bool]:
    if isinstance(answers, str):
        lines = answer_lines(answers)
        if len(lines) != total:
            raise AnswerFormatError(f"질문이 {total}개이니 한 줄에 하나씩 '예' 또는 '아니오'를 {total}줄 적어 주세요"
                                    f"(지금 {len(lines)}줄).")
        return [read_yes_no(line, f"{number}번 질문의 답") for number, line in enumerate(lines, 1)]
    if isinstance(answers, (bytes, Mapping)) or not isinstance(answers, Sequence):
        raise CaseworkError("답은 질문 순서대로 True/False를 담은 목록으로 주세요.")
    if len(answers) != total:
        raise CaseworkError(f"질문은 {total}개인데 답은 {len(answers)}개입니다. 질문마다 하나씩 답하세요.")
    if any(not isinstance(a, bool) for a in answers):
        raise CaseworkError("답은 True(그렇다) 또는 False(아직)로만 주세요.")
    return list(answers)


def checklist_feedback(checklist, answers: Sequence[bool] | str) -> Feedback:
    """Self-check: ``answers[i]`` is True when the worker can say yes to question i+1.

    Text answers are one 예/아니오 per line, in the checklist's order.
    """
    checklist = _checklist(checklist)
    if isinstance(answers, str) and is_blank(answers):
        return Feedback.unanswered("질문마다 '예' 또는 '아니오'로 답해 보세요.", hints=CHECKLIST_HINTS, solution=_SOLUTION)
    total = len(checklist)
    given = _answers(answers, total)
    open_items = [(i, item) for i, (item, yes) in enumerate(zip(checklist.items, given), 1) if not yes]
    points = [f"{i}. {item.question} → 해 볼 일: " + " / ".join(item.actions) for i, item in open_items]
    return rubric.from_share(
        total - len(open_items), total,
        all_right=f"{total}개 질문 모두 '그렇다'입니다. 지금처럼 이어 가세요.",
        some_right=f"{total}개 질문 가운데 {len(open_items)}개가 아직입니다. 아래 일을 다음 점검 전까지 해 보세요.",
        points=points or ("다음 점검 때도 같은 질문으로 다시 돌아보세요.",),
    ).with_ladder(CHECKLIST_HINTS, _SOLUTION)
