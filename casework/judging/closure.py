"""Judging closure calls and follow-up plans (chapter 09).

:func:`judge_closure` builds the closure decision the learner proposes with
:func:`casework.closure.decide_closure` and applies it to a case record at the case's step, so
the library's refusals (no decision without the person, no 목표 달성 without 평가) become the
feedback. :func:`follow_up_feedback` turns :func:`casework.closure.follow_up_schedule` into a
dated plan with advice.

The advice on follow-up timing (first contact within three months, the whole follow-up within a
year, more than one contact) is the workbook's teaching rule: the textbook says only that
follow-up runs for "일정 기간" with a limited purpose. Each piece of advice is a finding, scored
by the one rubric (:func:`casework.judging.rubric.from_findings`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from casework._util.text import josa, short_quote
from casework.closure import NO_FOLLOW_UP_AFTER_DEATH, ClosureReason, FollowUpMethod, decide_closure, follow_up_schedule
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, Choice, is_blank, read_choice
from casework.judging.feedback import Feedback
from casework.judging.next_step import first_sentence

__all__ = [
    "DECIDED_ON", "MAY_CLOSE", "NOT_YET", "FIRST_CONTACT_WITHIN", "FOLLOW_UP_SPAN", "FOLLOW_UP_HINTS",
    "judge_closure", "parse_months", "follow_up_feedback",
]

DECIDED_ON = date(2024, 9, 2)
MAY_CLOSE = "종결할 수 있다"
NOT_YET = "아직 종결할 수 없다"
_BLANK_REASON = "— 사유를 고르세요 —"

# Workbook teaching rules for the advice (see module docstring).
FIRST_CONTACT_WITHIN = 3
FOLLOW_UP_SPAN = 12

CLOSURE_HINTS = (
    "종결 사유가 이야기에 실제로 있는지, 그 사유에 필요한 절차(당사자와 함께 결정, 목표 달성 평가)를 거쳤는지 차례로 보세요.",
)
FOLLOW_UP_HINTS = (
    f"첫 연락은 종결 {FIRST_CONTACT_WITHIN}개월 안에, 마지막 연락은 {FOLLOW_UP_SPAN}개월 안에 두고, 두 번 이상 잡아 보세요.",
    "사후관리는 변화가 유지되는지 살피는 제한된 활동입니다. 오래, 자주 할수록 좋은 것은 아닙니다.",
)

_MAY_CLOSE_CHOICES = [Choice(True, MAY_CLOSE, ("예", "네", "종결", "종결할 수 있음", "가능")),
                      Choice(False, NOT_YET, ("아니오", "아직", "아직 종결할 수 없음", "불가능"))]


def _may_close(value: object) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    if is_blank(value):
        return None
    if not isinstance(value, str):  # 1 == True in Python: only text or True/False
        raise AnswerFormatError(f"종결 여부는 '{MAY_CLOSE}' 또는 '{NOT_YET}'로 답해 주세요(받은 답: {value!r}).")
    return read_choice(value, _MAY_CLOSE_CHOICES, "종결 여부", numbered=False)


def _reason(value: object) -> ClosureReason | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", _BLANK_REASON)):
        return None
    if isinstance(value, ClosureReason):
        return value
    choices = [Choice(r, r.value) for r in ClosureReason]
    return read_choice(value, choices, "종결 사유", numbered=False)


def _solution(case) -> str:
    if case.may_close:
        return f"{MAY_CLOSE}, 사유는 '{case.reason.value}'입니다. {case.why}"
    return f"{NOT_YET}. {case.why}"


def judge_closure(case, may_close: bool | str | None, reason: ClosureReason | str | None = None) -> Feedback:
    """Judge a learner's closure call for a case, with the closure rules as the first judge.

    ``may_close`` is True/False or '종결할 수 있다' / '아직 종결할 수 없다' (예/아니오 too);
    ``reason`` is a closure reason or its name. A wrong call is told why it does not fit the
    story; the right call and reason are the model answer.
    """
    from casework.scenario_models import ClosureCase, record_at

    if not isinstance(case, ClosureCase):
        raise CaseworkError(f"종결 사례(ClosureCase)를 넣어 주세요. 받은 값: {case!r}")
    hints = (case.hint, *CLOSURE_HINTS)
    solution = _solution(case)
    answer = _may_close(may_close)
    if answer is None:
        return Feedback.unanswered(f"'{MAY_CLOSE}' 또는 '{NOT_YET}' 가운데 하나를 골라 보세요.",
                                   hints=hints, solution=solution)
    if not answer:
        if not case.may_close:
            return rubric.right(case.why).with_ladder(hints, solution)
        return rubric.wrong("아직 종결할 수 없다고 보았지만, 이야기 속에 종결할 근거가 있습니다.",
                            ("종결 사유 가운데 이야기에 실제로 일어난 일이 있는지 다시 보세요.",)
                            ).with_ladder(hints, solution)
    chosen = _reason(reason)
    if chosen is None:
        return Feedback.unanswered("종결할 수 있다고 보았다면 종결 사유도 골라 주세요.", hints=hints, solution=solution)

    tempting = (case.tempting[chosen],) if chosen in case.tempting else ()
    # The library decides first: an invalid decision or closure is refused with its rule.
    try:
        decision = decide_closure(chosen, DECIDED_ON, decided_with_person=case.decided_with_person,
                                  goals_reviewed=case.goals_reviewed)
        record_at(case.step, case_id=case.id).close(decision)
    except CaseworkError as refusal:
        return rubric.wrong(f"이 결정은 종결 규칙에 어긋납니다: {first_sentence(str(refusal))}", tempting
                            ).with_ladder(hints, solution)
    if not case.may_close:
        summary = tempting[0] if tempting else (
            f"규칙만 보면 {josa(short_quote(chosen.value), '으로')} 종결할 수는 있지만, 이 사례의 사정은 그렇지 않습니다.")
        return rubric.wrong(summary).with_ladder(hints, solution)
    if chosen is not case.reason:
        return rubric.partial(
            f"종결할 수 있다고 본 것은 옳지만, {josa(short_quote(chosen.value), '은')} 이 사례의 종결 사유로 보기 어렵습니다.",
            tempting,
        ).with_ladder(hints, solution)
    after = (NO_FOLLOW_UP_AFTER_DEATH if chosen is ClosureReason.DEATH
             else "종결 뒤에는 사후관리 일정을 세워 변화가 유지되는지 살핍니다.")
    return rubric.right(case.why, (after,)).with_ladder(hints, solution)


def parse_months(text: object) -> tuple[int, ...]:
    """Months written like "1, 3, 6" (commas, spaces or lines; 개월 may follow a number)."""
    if isinstance(text, (list, tuple)):
        text = " ".join(str(t) for t in text)
    if not isinstance(text, str):
        raise AnswerFormatError(f"개월 수는 글자로 적어 주세요. 예: 1, 3, 6. 받은 값: {text!r}")
    parts = text.replace(",", " ").replace("개월", " ").split()
    months = []
    for part in parts:
        if not part.isdecimal():  # not isdigit: int() refuses '②'
            raise AnswerFormatError(
                f"{josa(short_quote(part), '은')} 개월 수로 읽을 수 없습니다. 숫자만 쉼표로 나누어 적어 주세요. 예: 1, 3, 6")
        months.append(int(part))
    return tuple(months)


def follow_up_feedback(
    closed_on: date,
    months: Sequence[int] | str,
    *,
    reason: ClosureReason | str = ClosureReason.GOAL_ACHIEVED,
    methods: FollowUpMethod | str | Sequence[FollowUpMethod | str] | None = None,
) -> Feedback:
    """The dated follow-up plan for ``months`` after ``closed_on``, with advice.

    ``months`` is a list of numbers or text like "1, 3, 6"; none is *unanswered*. Bad months are
    refused by ``follow_up_schedule``. Each piece of advice (first contact within
    ``FIRST_CONTACT_WITHIN`` months, the last within ``FOLLOW_UP_SPAN``, more than one contact)
    is a finding: one is partial, two or more incorrect.
    """
    chosen_reason = ClosureReason.parse(reason)
    if isinstance(closed_on, str) and closed_on.strip():
        try:
            closed_on = date.fromisoformat(closed_on.strip())
        except ValueError:
            raise AnswerFormatError(f"종결일은 2024-09-02처럼 연-월-일로 적어 주세요(받은 답: {short_quote(closed_on)}).") from None
    if not isinstance(closed_on, date):
        raise AnswerFormatError("종결일을 골라 주세요. 예: 2024-09-02")
    solution = (f"예: 종결 뒤 1, 3, 6개월에 연락합니다. 첫 연락이 {FIRST_CONTACT_WITHIN}개월 안이고, "
                f"{FOLLOW_UP_SPAN}개월 안에 두 번 이상 살핀 뒤 마무리합니다.")
    if isinstance(months, str):
        months = parse_months(months)
    if isinstance(months, Sequence) and len(months) == 0:
        return Feedback.unanswered("종결 후 몇 개월째에 연락할지 하나 이상 골라 주세요.",
                                   hints=FOLLOW_UP_HINTS, solution=solution)
    if chosen_reason is ClosureReason.DEATH:
        return rubric.wrong(NO_FOLLOW_UP_AFTER_DEATH
                            ).with_ladder((), "사후관리 일정을 세우지 않습니다.")
    schedule = follow_up_schedule(closed_on, months=months, methods=methods)
    plan = [f"{f.number}회차: {f.due_on.isoformat()} (종결 {f.months_after}개월 뒤) {f.method.value}" for f in schedule]
    advice = []
    if len(schedule) == 1:
        advice.append("연락이 한 번뿐이면 변화가 이어지는지 지켜보기 어렵습니다. 두 번 이상 잡아 보세요.")
    if schedule[0].months_after > FIRST_CONTACT_WITHIN:
        advice.append(
            f"첫 연락이 종결 {schedule[0].months_after}개월 뒤입니다. 다시 어려워진 상황을 늦게 알게 될 수 있으니 "
            f"{FIRST_CONTACT_WITHIN}개월 안에 한 번 연락해 보세요."
        )
    if schedule[-1].months_after > FOLLOW_UP_SPAN:
        advice.append(
            f"마지막 연락이 종결 {schedule[-1].months_after}개월 뒤입니다. 사후관리는 일정 기간 동안만 하는 "
            f"제한된 활동이니 {FOLLOW_UP_SPAN}개월 안에서 마무리해 보세요."
        )
    planned = f"종결일 {closed_on.isoformat()} 뒤 사후관리 {len(schedule)}회를 잡았습니다."
    return rubric.from_findings(
        advice,
        ok=f"{planned} 시기와 횟수가 알맞습니다.",
        ok_points=(*plan, "연락할 때마다 변화가 잘 유지되는지, 다시 개입해야 할 일은 없는지 살피세요."),
        one=f"{planned} 다듬을 곳이 하나 있습니다.",
        many=f"{planned} 다듬을 곳이 {len(advice)}군데 있습니다.",
        notes=plan if advice else (),
    ).with_ladder(FOLLOW_UP_HINTS, solution)
