"""Exercise 08 점검·재사정: a GAS T score, the next step, reasons to reassess, a method, a question."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from casework._util.text import josa, short_quote
from casework.exercises.definition import Build, Context, Exercise, Question, as_lines, case_info, case_with_chains
from casework.judging.answers import Choice, choices_from_enum
from casework.judging.choice import judge_choice
from casework.judging.feedback import Feedback
from casework.judging.items import judge_set
from casework.judging.number import format_number, judge_number
from casework.judging.questions import judge_question

if TYPE_CHECKING:  # pragma: no cover
    from casework.process import CaseRecord, DongStep


@dataclass(frozen=True)
class _Contact:
    on: date
    method: Any
    needs_changed: bool
    result: Any


def _walk_record(b: Build):
    """A case record walked to a seed-chosen step, sometimes looping back to reassessment."""
    from casework.closure import ClosureReason, decide_closure
    from casework.process import STEP_ORDER, CaseRecord, DongStep

    rng = b.rng
    opened = date(2024, 3, 4) + timedelta(days=rng.randint(0, 60))
    record = CaseRecord(case_id=f"연습-{b.seed}", opened_on=opened)
    stop = rng.randint(0, STEP_ORDER.index(DongStep.CLOSURE))
    loop_back = stop >= STEP_ORDER.index(DongStep.MONITORING) and rng.random() < 0.3
    day = opened
    for step in STEP_ORDER[1:stop + 1]:
        day += timedelta(days=rng.randint(3, 20))
        if step is DongStep.CLOSURE:
            record.close(decide_closure(ClosureReason.GOAL_ACHIEVED, day, decided_with_person=True, goals_reviewed=True))
            break
        record.advance(step, day)
        if step is DongStep.SELECTION_AND_CONSENT:
            record.record_consent(day)
        if loop_back and step is DongStep.MONITORING:
            day += timedelta(days=rng.randint(3, 10))
            record.loop_back_to_reassessment(day, reason="당사자가 실직해 경제 상황이 달라짐")
            break
    return record


def _log(last: date, contacts: list[_Contact]):
    from casework.monitoring import MonitoringEntry, MonitoringLog

    return MonitoringLog(last, [MonitoringEntry(on=c.on, method=c.method, needs_changed=c.needs_changed,
                                                result=c.result) for c in contacts])


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework.monitoring import GAS_LEVELS, MonitoringMethod, MonitoringResult, reassessment_due
    from casework.process import DongStep

    rng = b.rng
    case = case_with_chains(b.case)
    goals = list(dict.fromkeys(o.purpose for c in case.chains for o in c.objectives))
    goals = (goals + [g for g in ("일상생활 유지", "건강 관리", "이웃과의 관계") if g not in goals])[:3]
    levels = [rng.choice(GAS_LEVELS) for _ in goals]
    record = _walk_record(b)

    # A monitoring log with at least one reason to reassess.
    last = date(2024, 1, 8) + timedelta(days=rng.randint(0, 90))
    contacts: list[_Contact] = []
    on = last
    for _ in range(rng.choice((2, 3))):
        on += timedelta(days=rng.randint(20, 45))
        contacts.append(_Contact(on, rng.choice(list(MonitoringMethod)), rng.random() < 0.3,
                                 rng.choice((None, None, MonitoringResult.EXTENDED, MonitoringResult.REASSESS))))
    today = on + timedelta(days=rng.randint(1, 20))
    if rng.random() < 0.35:
        today = last + timedelta(days=365 + rng.randint(0, 40))
    scenario = rng.choice(b.text.monitoring_scenarios)
    if not reassessment_due(last, today, _log(last, contacts)):
        contacts[-1] = replace(contacts[-1], needs_changed=True)
    history = []
    for t in record.history:
        note = t.note
        if t.to_step is DongStep.SELECTION_AND_CONSENT and record.consent_on is not None:
            note = "당사자 동의를 받아 기록함"
        history.append({"날짜": t.on.isoformat(), "단계": t.to_step.value, "메모": note or "-"})
    public = {
        "case": case_info(case),
        "gas": {"목표": goals, "수준": levels},
        "case_history": history,
        "reassessment": {
            "마지막 사정일": last.isoformat(),
            "오늘": today.isoformat(),
            "점검 기록": [
                {"날짜": c.on.isoformat(), "방법": c.method.value, "욕구 변동": "있음" if c.needs_changed else "없음",
                 "⑬ 이행여부": c.result.value if c.result is not None else "(아직 적지 않음)"}
                for c in contacts
            ],
        },
        "contact": scenario.text,
    }
    private = {"record": record, "log": _log(last, contacts), "last": last, "today": today,
               "contact_method": scenario.method}
    return public, private


def _t_score(ctx: Context) -> float:
    from casework.monitoring import gas_t_score

    return gas_t_score(ctx.data["gas"]["수준"])


def _q1(answer: object, ctx: Context) -> Feedback:
    n = len(ctx.data["gas"]["수준"])
    return judge_number(
        answer, _t_score(ctx), what="GAS T 점수", tolerance=0.01, example="53.75",
        right_points=("50점이면 기대한 만큼 이룬 것이고, 50보다 높으면 기대보다 나은 것입니다.",),
        wrong_points=(f"목표 {n}개의 수준을 모두 더한 값(합계)에 10을 곱하고, 0.7×{n} + 0.3×{n}×{n}의 제곱근으로 "
                      "나눈 다음 50을 더합니다. 소수 둘째 자리까지 맞춰 보세요.",),
    )


def _step_choices() -> list[Choice]:
    from casework.process import DongStep

    return choices_from_enum(DongStep, aliases={"재사정": DongStep.NEEDS_ASSESSMENT, "욕구사정": DongStep.NEEDS_ASSESSMENT,
                                                "계획수립": DongStep.PLANNING_AND_CONTRACT})


def _expected_step(record: CaseRecord) -> DongStep:
    from casework.process import next_step

    step = next_step(record)
    assert step is not None  # _walk_record stops at 종결 for 목표 달성 at the latest, and 사후관리 follows it
    return step


def _q2(answer: object, ctx: Context) -> Feedback:
    record = ctx.private["record"]
    expected = _expected_step(record)
    return judge_choice(
        answer, _step_choices(), expected, what="사례관리 단계", numbered=False,
        right_points=(expected.description,),
        why_not=lambda chosen: (f"기록의 마지막 줄이 지금 단계({short_quote(record.step.value)})입니다. 흐름에서 그다음이 "
                                "무엇인지, 재사정으로 돌아온 경우라면 어디서부터 다시 가는지 생각해 보세요."),
    )


def _q2_solution(ctx: Context) -> str:
    return _expected_step(ctx.private["record"]).value


def _reasons(ctx: Context):
    from casework.monitoring import reassessment_due

    return reassessment_due(ctx.private["last"], ctx.private["today"], ctx.private["log"])


def _q3(answer: object, ctx: Context) -> Feedback:
    from casework.monitoring import ReassessmentTrigger

    reasons = _reasons(ctx)
    aliases = {"점검결과": ReassessmentTrigger.RESULT.value, "평가결과": ReassessmentTrigger.RESULT.value,
               "재사정": ReassessmentTrigger.RESULT.value, "욕구변화": ReassessmentTrigger.NEEDS_CHANGED.value,
               "연1회": ReassessmentTrigger.ANNUAL.value, "1년": ReassessmentTrigger.ANNUAL.value}
    return judge_set(answer, [t.value for t in ReassessmentTrigger],
                     list(dict.fromkeys(r.trigger.value for r in reasons)), what="재사정 사유",
                     aliases=aliases, right_points=[r.message for r in reasons])


def _method_choices() -> list[Choice]:
    from casework.monitoring import MonitoringMethod as M

    return choices_from_enum(M, aliases={
        "정기적 접촉": M.REGULAR_CONTACT, "정기적인 접촉": M.REGULAR_CONTACT, "가정방문": M.REGULAR_CONTACT,
        "비공식": M.INFORMAL, "비공식적 모니터링": M.INFORMAL, "척도": M.FORMAL, "공식적 모니터링": M.FORMAL,
        "제공기관": M.PROVIDER, "서비스 제공기관": M.PROVIDER})


def _q4(answer: object, ctx: Context) -> Feedback:
    from casework.monitoring import MonitoringMethod

    expected = MonitoringMethod.parse(ctx.private["contact_method"])
    return judge_choice(
        answer, _method_choices(), expected, what="점검 방법", right_points=(expected.explanation,),
        why_not=lambda chosen: (f"{josa(short_quote(chosen.value), '은')} {chosen.explanation} 누구를 통해, 어떤 방식으로 "
                                "변화를 확인했는지 다시 보세요."),
    )


EXERCISE = Exercise(
    id="08",
    build=build,
    questions={
        "q1": Question(("gas",), _q1, lambda ctx: format_number(round(_t_score(ctx), 2))),
        "q2": Question(("case_history",), _q2, _q2_solution),
        "q3": Question(("reassessment",), _q3,
                       lambda ctx: as_lines(dict.fromkeys(r.trigger.value for r in _reasons(ctx)))),
        "q4": Question(("contact",), _q4, lambda ctx: str(ctx.private["contact_method"])),
        "q5": Question((), lambda a, ctx: judge_question(a),
                       lambda ctx: "서비스를 받으신 뒤로 생활에서 어떤 점이 달라지셨는지 이야기해 주시겠어요?"),
    },
    banks=("monitoring_scenarios",),
)
