"""Exercise 06 문제·요구·욕구: sort statements, find the need behind a demand, rewrite an objective."""

from __future__ import annotations

from typing import Any

from casework.exercises.definition import (
    Build,
    Context,
    Exercise,
    Question,
    case_info,
    case_with_chains,
    model_answer,
)
from casework.judging.answers import Choice
from casework.judging.feedback import Feedback
from casework.judging.goals import judge_goal
from casework.judging.needs import judge_need
from casework.judging.table import judge_table


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.pdn import CATEGORY_DEMAND, CATEGORY_NEED, CATEGORY_PROBLEM, categorize_question

    rng = b.rng
    case = case_with_chains(b.case)
    items = categorize_question(case).items
    by_cat = {c: [i for i in items if i.category == c] for c in (CATEGORY_PROBLEM, CATEGORY_DEMAND, CATEGORY_NEED)}
    chosen = (rng.sample(by_cat[CATEGORY_PROBLEM], k=min(1, len(by_cat[CATEGORY_PROBLEM])))
              + rng.sample(by_cat[CATEGORY_DEMAND], k=min(2, len(by_cat[CATEGORY_DEMAND])))
              + rng.sample(by_cat[CATEGORY_NEED], k=min(2, len(by_cat[CATEGORY_NEED]))))
    rng.shuffle(chosen)
    demands = [d for chain in case.chains for d in chain.demands]
    chain = next(c for c in case.chains if c.objectives)
    objective = chain.objectives[0]
    public = {
        "case": case_info(case),
        "statements": [i.text for i in chosen],
        "demand": rng.choice(demands) if demands else chain.problem,
        "objective": {"개입목적": objective.purpose, "개입목표(교재)": objective.objective},
    }
    return public, {"categories": {i.text: i.category for i in chosen}, "study_case": case.id}


def category_choices() -> list[Choice]:
    from casework.pdn import CATEGORY_DEMAND, CATEGORY_NEED, CATEGORY_PROBLEM

    return [Choice(CATEGORY_PROBLEM, CATEGORY_PROBLEM, ("문제 칸",)),
            Choice(CATEGORY_DEMAND, CATEGORY_DEMAND, ("요구", "바램", "바람", "요구바람", "요구/바램")),
            Choice(CATEGORY_NEED, CATEGORY_NEED, ("욕구 칸",))]


def _why_not_category(item: str, chosen: str) -> str:
    from casework.pdn import category_meaning

    return f"{category_meaning(chosen)} 이 문장이 그런지 다시 읽어 보세요."


def _q1(answer: object, ctx: Context) -> Feedback:
    return judge_table(answer, ctx.private["categories"], category_choices(), what="문장 분류",
                       label_what="분류", example="병원비 좀 지원해 주세요: 요구·바램", why_not=_why_not_category)


def _study_case_id(ctx: Context) -> str:
    return str(ctx.private["study_case"])


EXERCISE = Exercise(
    id="06",
    build=build,
    questions={
        "q1": Question(("case", "statements"), _q1,
                       lambda ctx: "\n".join(f"{t}: {c}" for t, c in ctx.private["categories"].items())),
        "q2": Question(("demand",), lambda a, ctx: judge_need(a),
                       lambda ctx: model_answer(ctx, "q2", "건강회복의 욕구", key=_study_case_id(ctx))),
        "q3": Question(("objective",), lambda a, ctx: judge_goal(a),
                       lambda ctx: model_answer(ctx, "q3", "아이가 6개월 안에 병원치료 일수가 지금보다 30% 이상 줄어든다",
                                                key=_study_case_id(ctx))),
    },
)
