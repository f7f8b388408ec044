"""Judging the processing type (처리유형) chosen for an intake.

The expected type comes from :func:`casework.assessment.triage_intake`, the workbook's teaching
rule (the textbook names the deciding factors but gives no decision table).
"""

from __future__ import annotations

from collections.abc import Mapping

from casework._util.text import josa, short_quote
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, Choice, is_blank, read_choice, read_pairs
from casework.judging.feedback import Feedback, Status

__all__ = ["processing_type_choices", "why_not_processing_type", "judge_processing_type", "judge_triage_table",
           "judge_intake_stories", "TRIAGE_HINTS"]

TRIAGE_HINTS = (
    "문제의 유형(소득·급여로 풀 문제인가, 서비스로 풀 문제인가), 욕구들이 서로 얽혀 있는지(복합성), "
    "당사자의 해결의지, 이곳에서 지원할 수 있는지를 차례로 따져 보세요.",
    "복합적 욕구가 있고 해결의지도 있으면 급여나 서비스 하나로는 풀리지 않습니다.",
)


def processing_type_choices() -> list[Choice]:
    from casework.assessment import ProcessingType

    return [Choice(m, m.value, (m.label, m.name)) for m in ProcessingType]


def why_not_processing_type(chosen, expected) -> str:
    """Why ``chosen`` does not fit, pointing at the deciding factor — without naming ``expected``."""
    from casework.assessment import ProcessingType

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
                "이 초기상담의 욕구는 서로 얽혀 있지 않거나 해결의지가 아직 없습니다.")
    return "소득·급여로 풀 문제인지, 서비스로 풀 문제인지(문제의 유형)를 다시 보세요."


def judge_processing_type(answer: object, summary) -> Feedback:
    """One intake's 처리유형: right with the rule's reasons, wrong with the factor missed."""
    from casework.assessment import triage_intake

    result = triage_intake(summary)
    expected = result.processing_type
    solution = f"{expected.label}. {' '.join(result.reasons)}"
    if is_blank(answer):
        return Feedback.unanswered("네 가지 처리유형 가운데 하나를 골라 보세요.", hints=TRIAGE_HINTS, solution=solution)
    chosen = read_choice(answer, processing_type_choices(), "처리유형")
    if chosen is expected:
        points = list(result.reasons)
        if result.revisit_case_management:
            points.append("관계를 이어 가며 나중에 사례관리 의뢰를 다시 검토하세요.")
        points += [f"유의할 점: {c}" for c in result.cautions]
        return rubric.right(f"{expected.label}입니다.", points).with_ladder(TRIAGE_HINTS, solution)
    return rubric.wrong(f"{josa(short_quote(chosen.label), '으로')} 처리하기는 어렵습니다.",
                        (why_not_processing_type(chosen, expected),)).with_ladder(TRIAGE_HINTS, solution)


def judge_triage_table(answers: Mapping[str, object], summaries: Mapping[str, object],
                       titles: Mapping[str, str] | None = None) -> Feedback:
    """Several intakes at once ({id: answer}): each judged as :func:`judge_processing_type`."""
    if all(is_blank(a) for a in answers.values()):
        return Feedback.unanswered("이야기마다 처리유형을 하나씩 골라 보세요.", hints=TRIAGE_HINTS)
    points: list[str] = []
    right = 0
    solutions: list[str] = []
    for key, summary in summaries.items():
        name = (titles or {}).get(key, key)
        answer = answers.get(key)
        try:
            one = judge_processing_type(answer, summary)
        except AnswerFormatError as exc:
            points.append(f"{name}: {exc}")
            continue
        solutions.append(f"{name}: {one.solution}")
        if one.status is Status.CORRECT:
            right += 1
            points.append(f"{name}: 맞게 골랐습니다 — {one.summary} {' '.join(one.points[:1])}")
        elif is_blank(answer):
            points.append(f"{name}: 아직 고르지 않았습니다.")
        else:
            points.append(f"{name}: {one.summary} {' '.join(one.points)}")
    return rubric.from_share(
        right, len(summaries),
        all_right=f"{len(summaries)}개를 모두 맞게 분류했습니다.",
        some_right=f"{len(summaries)}개 가운데 {right}개를 맞게 분류했습니다.",
        points=points,
    ).with_ladder(TRIAGE_HINTS, " / ".join(solutions))



def judge_intake_stories(answers: Mapping[str, object] | str) -> Feedback:
    """Chapter 04: a 처리유형 for each bundled intake story (``{story id: answer}`` or ``가: …`` lines)."""
    from casework.scenario_models import intake_stories

    if isinstance(answers, str):
        answers = dict(read_pairs(answers, "답", "가: 복지급여 신청"))
    if not isinstance(answers, Mapping):
        raise AnswerFormatError("이야기마다 '가: 복지급여 신청'처럼 한 줄에 하나씩 처리유형을 적어 주세요.")
    stories = intake_stories()
    unknown = [str(k) for k in answers if k not in {s.id for s in stories}]
    if unknown:
        raise AnswerFormatError(f"없는 이야기입니다: {', '.join(unknown)}. 있는 이야기: {', '.join(s.id for s in stories)}")
    return judge_triage_table(answers, {s.id: s.summary for s in stories}, {s.id: f"이야기 {s.id}" for s in stories})
