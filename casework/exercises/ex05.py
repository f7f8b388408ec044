"""Exercise 05 독거노인 사례: K-ADL and IADL totals, who helps with what, and a goal."""

from __future__ import annotations

from typing import Any

from casework.cases import Case, ResourceSector, load_case
from casework.exercises.definition import Build, Context, Exercise, Question, as_lines, case_info, model_answer
from casework.judging.answers import Choice
from casework.judging.feedback import Feedback
from casework.judging.goals import judge_goal
from casework.judging.items import judge_set
from casework.judging.number import judge_number
from casework.judging.table import judge_table

SECTOR_MEANING = {
    ResourceSector.PUBLIC.value: "국가나 지방자치단체가 제도로 제공하는 자원(급여, 바우처, 공공 돌봄 등)",
    ResourceSector.PRIVATE.value: "복지관·병원·후원 단체처럼 민간 기관이 제공하는 자원",
    ResourceSector.INFORMAL.value: "가족, 이웃, 친구처럼 제도 밖에서 관계로 돕는 자원",
}


def _case_with_resources(case: Case) -> Case:
    """The case itself if it lists needs by domain with resources, else the bundled elderly case."""
    return case if case.needs_by_domain else load_case("elderly_alone")


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.assessment import KADL_ITEMS, LAWTON_IADL_ITEMS

    rng = b.rng
    while True:
        kadl = {item: rng.choice((1, 1, 1, 2, 2, 3)) for item in KADL_ITEMS}
        if 1 <= sum(v >= 2 for v in kadl.values()) < len(KADL_ITEMS):
            break
    while True:
        iadl = {item: rng.choice((0, 1, 1)) for item in LAWTON_IADL_ITEMS}
        if 0 < sum(iadl.values()) < len(LAWTON_IADL_ITEMS):
            break
    focus = rng.choice([item for item, v in iadl.items() if v == 0])
    study = _case_with_resources(b.case)
    candidates = [n for n in study.needs_by_domain if len({r.sector for r in n.resources}) >= 2]
    need = rng.choice(candidates)
    names = [r.name for r in need.resources]
    rng.shuffle(names)
    public = {
        "case": case_info(study),
        "kadl": kadl,
        "iadl": iadl,
        "focus_item": focus,
        "need_resources": {"욕구": need.label, "자원": names},
    }
    return public, {"need": need}


def _q1(answer: object, ctx: Context) -> Feedback:
    from casework.assessment import score_kadl

    total = score_kadl(ctx.data["kadl"]).total
    return judge_number(answer, total, what="K-ADL 총점",
                        right_points=(f"일곱 항목 점수를 더하면 {total}점입니다(7–21점, 높을수록 다른 사람의 도움이 많이 필요함).",),
                        wrong_points=("항목마다 1(자립)·2(부분도움)·3(완전도움) 점수를 모두 더하세요.",))


def _q2(answer: object, ctx: Context) -> Feedback:
    from casework.assessment import KADL_ITEMS, score_kadl

    return judge_set(answer, KADL_ITEMS, score_kadl(ctx.data["kadl"]).needs_help, what="도움이 필요한 항목",
                     aliases={"이동": "이동(옮겨 앉기)", "옮겨앉기": "이동(옮겨 앉기)"})


def _q3(answer: object, ctx: Context) -> Feedback:
    from casework.assessment import score_lawton_iadl

    total = score_lawton_iadl(ctx.data["iadl"]).total
    return judge_number(answer, total, what="IADL 총점",
                        right_points=(f"혼자 할 수 있는 항목(1점)이 {total}개입니다(0–8점, 높을수록 혼자 할 수 있는 일이 많음).",),
                        wrong_points=("항목마다 0(할 수 없음) 또는 1(할 수 있음)입니다. 1점인 항목을 세어 보세요.",))


def _sector_choices() -> list[Choice]:
    return [Choice(ResourceSector.PUBLIC.value, "공적", ("공공", "공적 자원", "공공 자원")),
            Choice(ResourceSector.PRIVATE.value, "민간", ("민간 자원",)),
            Choice(ResourceSector.INFORMAL.value, "비공식", ("비공식 자원", "비공식적"))]


def _q4(answer: object, ctx: Context) -> Feedback:
    need = ctx.private["need"]
    return judge_table(
        answer, {r.name: r.sector.value for r in need.resources}, _sector_choices(),
        what="자원 구분", label_what="자원 제공 주체", example="돌봄서비스: 공적",
        why_not=lambda item, chosen: f"{chosen} 자원은 {SECTOR_MEANING[chosen]}입니다. 누가 이 자원을 내놓는지 보세요.",
    )


def _q4_solution(ctx: Context) -> str:
    return "\n".join(f"{name}: {next(r.sector.value for r in ctx.private['need'].resources if r.name == name)}"
                     for name in ctx.data["need_resources"]["자원"])


EXERCISE = Exercise(
    id="05",
    build=build,
    questions={
        "q1": Question(("kadl",), _q1, lambda ctx: str(sum(ctx.data["kadl"].values()))),
        "q2": Question(("kadl",), _q2,
                       lambda ctx: as_lines(i for i, s in ctx.data["kadl"].items() if s >= 2)),
        "q3": Question(("iadl",), _q3, lambda ctx: str(sum(ctx.data["iadl"].values()))),
        "q4": Question(("need_resources",), _q4, _q4_solution),
        "q5": Question(("iadl", "focus_item"), lambda a, ctx: judge_goal(a),
                       lambda ctx: model_answer(ctx, "q5", f"어르신이 3개월 안에 {ctx.data['focus_item']}을 주 1회 이상 혼자 해낸다",
                                                 key=ctx.data["focus_item"])),
    },
)
