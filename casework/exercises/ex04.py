"""Exercise 04 초기상담: an open question, a questioning mistake, complexity, the processing type,
and an interview with a scripted client followed by a need and a goal from what it found."""

from __future__ import annotations

from typing import Any

from casework.exercises.definition import (
    Build,
    Context,
    Exercise,
    Question,
    case_info,
    case_needs,
    first_quote,
    model_answer,
)
from casework.judging import rubric
from casework.judging.answers import choices_from_enum, read_yes_no
from casework.judging.choice import judge_choice
from casework.judging.feedback import Feedback
from casework.judging.goals import judge_goal
from casework.judging.interview import judge_interview
from casework.judging.needs import judge_need
from casework.judging.questions import judge_question
from casework.judging.triage import judge_processing_type


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.assessment import AssessedNeed, IntakeSummary, ProblemType

    rng = b.rng
    needs = case_needs(b.case) or [("일상생활 유지의 욕구", "일상생활유지")]
    picked = rng.sample(needs, k=min(len(needs), rng.choice((2, 3))))
    linked = len(picked) >= 2 and rng.random() < 0.55
    assessed = []
    for i, (text, domain) in enumerate(picked):
        links: tuple[str, ...] = (picked[0][0],) if linked and i == 1 else ()
        if linked and i == 2 and rng.random() < 0.5:
            links = (picked[1][0],)
        assessed.append(AssessedNeed(domain=domain, description=text, severity=rng.randint(2, 5),
                                     priority=i + 1, key=text, connected_to=links))
    problem_type = rng.choice(list(ProblemType))
    will = rng.random() < 0.6
    support_here = rng.random() < 0.6
    programme = "" if support_here or rng.random() < 0.3 else rng.choice(b.text.other_agency_programmes)
    summary = IntakeSummary(tuple(assessed), problem_type, will, support_here, programme)
    links_text = [f"{n.key} ↔ {other}" for n in assessed for other in n.connected_to]
    public = {
        "case": case_info(b.case),
        "quote": first_quote(b.case),
        "question_to_check": rng.choice(b.text.flawed_questions),
        "intake": {
            "확인한 욕구": [f"{n.description} ({n.domain.value})" for n in assessed],
            "서로 얽혀 있는 욕구": links_text,
            "문제의 유형": problem_type.value,
            "해결의지": "있음" if will else "아직 없음",
            "이곳에서 지원 가능": "예" if support_here else "아니오",
            "알맞은 타기관 사업": programme or "아직 찾지 못함",
        },
    }
    public["interview"] = _interview_intro(b.case.id, b.seed)
    return public, {"intake": summary, "interview_seed": b.seed}


def _interview_intro(case_id: str, seed: int) -> dict[str, str]:
    from casework.client import client_for_case, render
    from casework.conversation import Interview

    client = client_for_case(case_id)
    interview = Interview(client, seed)
    values = interview.person.values
    return {"당사자": interview.person.called, "면접 전에 아는 것": render(client.person.about, values),
            "만나는 자리": render(client.setting, values), "처음 한 말": interview.opening}


def _client(ctx: Context):
    from casework.client import client_for_case

    return client_for_case(ctx.case.id)


def _q5(answer: object, ctx: Context) -> Feedback:
    return judge_interview(answer, _client(ctx), ctx.private["interview_seed"])


def _q6_solution(ctx: Context) -> str:
    client = _client(ctx)
    return client.needs[0] if client.needs else "일상생활 유지의 욕구"


def _q2(answer: object, ctx: Context) -> Feedback:
    from casework.interview import QuestionMistake, check_question

    finding = check_question(ctx.data["question_to_check"])[0]
    return judge_choice(
        answer, choices_from_enum(QuestionMistake), finding.mistake, what="질문 실수",
        right_points=(finding.message,),
        why_not=lambda chosen: "질문의 끝맺음과 '왜', '그리고' 같은 낱말, 한 문장에 묻는 것이 몇 가지인지 살펴보세요.",
    )


def _q2_solution(ctx: Context) -> str:
    from casework.interview import check_question

    return check_question(ctx.data["question_to_check"])[0].mistake.value


def _q3(answer: object, ctx: Context) -> Feedback:
    from casework.assessment import is_complex

    expected = is_complex(ctx.private["intake"].needs)
    if read_yes_no(answer, "복합적인지") == expected:
        why = ("욕구들이 서로 얽혀 있어 하나를 풀려면 다른 것도 함께 다뤄야 합니다."
               if expected else "욕구가 여러 가지여도 서로 얽혀 있지 않으면 복합적이라고 하지 않습니다.")
        return rubric.right(why)
    return rubric.wrong("다시 생각해 보세요.", (
        "복합성은 욕구의 개수나 심각한 정도가 아니라, 욕구들이 서로 얽혀 있는지로 판단합니다. "
        "자료의 '서로 얽혀 있는 욕구'를 보세요.",))


def _q3_solution(ctx: Context) -> str:
    from casework.assessment import is_complex

    return "예" if is_complex(ctx.private["intake"].needs) else "아니오"


def _q4_solution(ctx: Context) -> str:
    from casework.assessment import triage_intake

    return triage_intake(ctx.private["intake"]).processing_type.value


EXERCISE = Exercise(
    id="04",
    build=build,
    questions={
        "q1": Question(("case", "quote"), lambda a, ctx: judge_question(a),
                       lambda ctx: model_answer(ctx, "q1", "요즘 가장 힘드신 일이 무엇인지 이야기해 주시겠어요?")),
        "q2": Question(("question_to_check",), _q2, _q2_solution),
        "q3": Question(("intake",), _q3, _q3_solution),
        "q4": Question(("intake",), lambda a, ctx: judge_processing_type(a, ctx.private["intake"]), _q4_solution),
        "q5": Question(("interview",), _q5, lambda ctx: "\n".join(_client(ctx).model_interview)),
        "q6": Question(("interview",), lambda a, ctx: judge_need(a), _q6_solution),
        "q7": Question(("interview",), lambda a, ctx: judge_goal(a),
                       lambda ctx: model_answer(ctx, "q7", "어르신이 3개월 안에 한 달에 두 번 이상 정기 진료를 받으러 병원에 간다",
                                                key=_client(ctx).case or None)),
    },
    banks=("flawed_questions", "other_agency_programmes"),
)
