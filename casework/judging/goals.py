"""Judging a written goal against the textbook's seven planning mistakes."""

from __future__ import annotations

from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_unanswered, read_text, unanswered_hint
from casework.judging.feedback import Feedback

__all__ = ["judge_goal", "GOAL_HINTS"]

GOAL_HINTS = (
    "누가(당사자), 언제까지(기간), 무엇이 어느 수준으로(측정할 수 있는 변화) 달라지는지 한 문장에 담아 보세요.",
    "사례관리자가 할 일이나 서비스 이름은 목표가 아니라 계획입니다. 그 서비스로 당사자에게 일어날 변화를 쓰세요.",
)


def judge_goal(answer: object, *, owner: str | None = None) -> Feedback:
    """A goal with none of the seven mistakes is correct; one mistake is partial; more is incorrect.

    ``owner`` names whose goal it is when the context already does (the textbook's table names
    the person in the 개입목적), so a sentence without a subject is not counted as mistake 3.
    """
    from casework.goals import HEURISTIC_NOTE, check_goal, goal_notes
    from casework.planning import suggest_goal_type

    if is_unanswered(answer):
        return Feedback.unanswered(unanswered_hint(answer, "당사자에게 일어날 변화를 기간과 수준을 넣어 목표로 적어 보세요."),
                                   hints=GOAL_HINTS)
    try:
        text = read_text(answer, "목표")
    except AnswerFormatError as exc:
        return rubric.wrong("목표를 읽을 수 없습니다.", (str(exc),)).with_ladder(GOAL_HINTS)
    findings = check_goal(text, owner=owner.strip() if isinstance(owner, str) and owner.strip() else None)
    kinds = []
    points = []
    for f in findings:
        if f.mistake in kinds:
            continue
        kinds.append(f.mistake)
        points.append(f"{f.mistake.number}. {f.mistake.value} — 근거: {f.evidence}. 고치기: {f.how_to_fix}")
    ok_points = ["누가, 언제까지, 어느 수준으로 달라지는지가 드러나는 목표입니다."]
    types = suggest_goal_type(text)
    if types:
        ok_points.append("목표 유형으로는 " + ", ".join(f"'{t.value}'" for t in types) + "에 가까워 보입니다.")
    ok_points.append("당사자가 이 목표를 자기 목표로 받아들였는지는 직접 확인하세요.")
    numbers = ", ".join(f"{m.number}번" for m in sorted(kinds, key=lambda m: m.number))
    return rubric.from_findings(
        points,
        ok="계획을 세울 때 흔히 하는 일곱 가지 실수가 보이지 않습니다.",
        ok_points=ok_points,
        one=f"고칠 점이 하나 있습니다: {kinds[0].number}. {kinds[0].value}." if kinds else "",
        many=f"일곱 가지 실수 가운데 {len(kinds)}가지가 보입니다: {numbers}.",
        notes=(*(str(n) for n in goal_notes(text)), HEURISTIC_NOTE),
    ).with_ladder(GOAL_HINTS)
