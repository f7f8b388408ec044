"""Exercise 07 목표 설정: name a planning mistake, a goal type, write a goal, order the three steps."""

from __future__ import annotations

from typing import Any

from casework._util.text import josa, short_quote
from casework.exercises.definition import (
    Build,
    Context,
    Exercise,
    Question,
    case_info,
    case_with_chains,
    model_answer,
)
from casework.judging.answers import choices_from_enum
from casework.judging.choice import judge_choice
from casework.judging.feedback import Feedback
from casework.judging.goals import judge_goal
from casework.judging.items import judge_order


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.planning import ASSESSMENT_STEPS, GoalType

    rng = b.rng
    case = case_with_chains(b.case)
    chain = next(c for c in case.chains if c.objectives)
    need = chain.needs[-1]
    examples = [(example, t) for t in GoalType for example in t.examples]
    example, _ = rng.choice(examples)
    titles = [s.title for s in ASSESSMENT_STEPS]
    shuffled = titles[:]
    while shuffled == titles:
        rng.shuffle(shuffled)
    public = {
        "case": case_info(case),
        "goal_to_check": rng.choice(b.text.flawed_goals),
        "goal_example": example,
        "need": {"욕구": need.text, "영역": need.domain.value, "문제": chain.problem},
        "steps_shuffled": shuffled,
    }
    return public, {"study_case": case.id}


def _q1(answer: object, ctx: Context) -> Feedback:
    from casework.goals import PlanningMistake, check_goal

    finding = check_goal(ctx.data["goal_to_check"])[0]
    return judge_choice(
        answer, choices_from_enum(PlanningMistake), finding.mistake, what="계획수립 실수",
        right_points=(finding.how_to_fix,),
        why_not=lambda chosen: (f"{josa(short_quote(chosen.value, 60), '은')} {chosen.explanation} "
                                "이 목표 문장에서 그런 곳을 찾을 수 있는지 다시 보세요."),
    )


def _goal_type_of(example: str):
    from casework.planning import GoalType

    return next(t for t in GoalType if example in t.examples)


def _q2(answer: object, ctx: Context) -> Feedback:
    from casework.planning import GoalType

    example = ctx.data["goal_example"]
    expected = _goal_type_of(example)
    return judge_choice(
        answer, choices_from_enum(GoalType), expected, what="목표 유형",
        right_points=(f"{josa(short_quote(example), '은')} {expected.description} 목표의 예입니다.",),
        why_not=lambda chosen: (f"{josa(short_quote(chosen.value), '은')} {chosen.description} 목표입니다. "
                                "이 예가 이루어지면 무엇이 달라지는지 생각해 보세요."),
    )


def _q4(answer: object, ctx: Context) -> Feedback:
    from casework.planning import ASSESSMENT_STEPS

    return judge_order(
        answer, [s.title for s in ASSESSMENT_STEPS], what="사정의 세 단계",
        right_points=[f"{s.number}. {s.title}: {s.explanation}" for s in ASSESSMENT_STEPS],
        wrong_points=("당사자의 지금 이야기를 듣는 일, 바라는 상태를 찾는 일, 방법을 고르는 일 가운데 무엇이 먼저일까요?",),
    )


def _q1_solution(ctx: Context) -> str:
    from casework.goals import check_goal

    return check_goal(ctx.data["goal_to_check"])[0].mistake.value


def _q4_solution(ctx: Context) -> str:
    from casework.planning import ASSESSMENT_STEPS

    return "\n".join(s.title for s in ASSESSMENT_STEPS)


EXERCISE = Exercise(
    id="07",
    build=build,
    questions={
        "q1": Question(("goal_to_check",), _q1, _q1_solution),
        "q2": Question(("goal_example",), _q2, lambda ctx: _goal_type_of(ctx.data["goal_example"]).value),
        "q3": Question(("case", "need"), lambda a, ctx: judge_goal(a),
                       lambda ctx: model_answer(ctx, "q3", "아이가 1년 안에 정상발달 기준표의 정상 범위에 든다",
                                                key=str(ctx.private["study_case"]))),
        "q4": Question(("steps_shuffled",), _q4, _q4_solution),
    },
    banks=("flawed_goals",),
)
