"""Judging the severity a learner gives each need of a case (chapter 05).

The comparison values are the case file's ``practice_data.need_ratings``: the workbook's own
example, not the textbook's. There is no single right severity; the workbook's teaching rule
points out a rating two or more steps away from the example (:data:`CLOSE_ENOUGH`), and calling
a need of the case 'no problem' (0). A rating that is pointed out gets the example's reason, not
its number; the example's numbers are the model answer (풀이 보기).

An answer is ``{need id: 0–5 or None}`` (what the widget's dropdowns hold) or text with one
``욕구: 심각도`` line per need (``의료적인 문제: 5``).
"""

from __future__ import annotations

from collections.abc import Mapping

from casework._util.text import josa, short_quote, squash_label
from casework.assessment import SEVERITY_WORDS, AssessedNeed, connected_groups
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_blank, read_number, read_pairs
from casework.judging.feedback import Feedback

__all__ = [
    "SEVERITY_CHOICES", "CLOSE_ENOUGH", "SEVERITY_HINTS", "priority_from_severity", "practice_needs",
    "learner_needs", "judge_severity",
]

CLOSE_ENOUGH = 1
"""Workbook rule: a rating within this many steps of the example counts as close."""

SEVERITY_HINTS = (
    "당장 안전이나 건강을 위협하는 욕구일수록 심각도가 높습니다. 사례 글에서 그 욕구 때문에 벌어지는 일을 찾아보세요.",
    "다른 욕구와 얽혀 함께 나빠지는 욕구는 하나만 따로 볼 때보다 무겁게 봅니다.",
)


SEVERITY_CHOICES: dict[int, str] = {0: "문제 아님", **SEVERITY_WORDS}
"""Choices offered per need: 0 (no problem) and the 1–5 severity words."""


def _case(case: object):
    from casework.cases import Case

    if not isinstance(case, Case):
        raise CaseworkError(f"사례를 넣어 주세요(예: load_case('elderly_alone')). 받은 값: {type(case).__name__}")
    return case


def _ratings_data(case):
    data = case.practice_data
    if data is None:
        raise CaseworkError(f"사례 '{case.id}'에는 욕구 심각도에 쓸 연습 자료(practice_data)가 없습니다.")
    return data.need_ratings


def priority_from_severity(severity: int) -> int:
    """Workbook rule for the practice chart: severity 4–5 → priority 1, 3 → 2, 1–2 → 3.

    Real priorities are agreed with the person; this only lets a learner's ratings be coloured.
    """
    if isinstance(severity, bool) or not isinstance(severity, int) or not 1 <= severity <= 5:
        raise CaseworkError(f"심각도는 1~5의 정수여야 합니다. 받은 값: {severity!r}")
    return 1 if severity >= 4 else 2 if severity == 3 else 3


def practice_needs(case) -> list:
    """The case's needs with the workbook's practice severity, priority and links."""
    case = _case(case)
    ratings = _ratings_data(case)
    missing = [n.id for n in case.needs_by_domain if n.id not in ratings]
    if not ratings or missing:
        raise CaseworkError(
            f"사례 '{case.id}'의 연습 심각도(need_ratings)가 모든 욕구에 있지 않습니다. 빠진 욕구: "
            f"{', '.join(missing) or '전부'}"
        )
    return [
        AssessedNeed(n.domain, n.label, ratings[n.id].severity, ratings[n.id].priority, key=n.id,
                     connected_to=tuple(ratings[n.id].connected_to))
        for n in case.needs_by_domain
    ]


def _from_text(case, answer: str) -> dict[str, int | None]:
    by_name = {squash_label(n.label): n.id for n in case.needs_by_domain}
    by_name.update({squash_label(n.id): n.id for n in case.needs_by_domain})
    ratings: dict[str, int | None] = {}
    for name, value in read_pairs(answer, "심각도", "의료적인 문제: 5"):
        need_id = by_name.get(squash_label(name))
        if need_id is None:
            raise AnswerFormatError(f"{josa(short_quote(name), '은')} 이 사례의 욕구가 아닙니다. 욕구 이름을 그대로 적어 주세요.")
        number = read_number(value, f"{name}의 심각도", "5")
        if not number.is_integer():
            raise AnswerFormatError(f"{name}의 심각도는 0(문제 아님)~5의 정수로 적어 주세요.")
        ratings[need_id] = int(number)
    return ratings


def _check_ratings(case, ratings: object) -> dict[str, int | None]:
    if isinstance(ratings, str):
        ratings = _from_text(case, ratings)
    if not isinstance(ratings, Mapping):
        raise CaseworkError(f"심각도는 {{욕구 id: 0~5}} 형태의 사전(dict)으로 주세요. 받은 값: {ratings!r}")
    known = {n.id for n in case.needs_by_domain}
    unknown = [str(k) for k in ratings if k not in known]
    if unknown:
        raise CaseworkError(f"이 사례에 없는 욕구입니다: {', '.join(unknown)}. 있는 욕구: {', '.join(sorted(known))}")
    checked: dict[str, int | None] = {}
    for key, value in ratings.items():
        if value is None:
            checked[key] = None
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
            raise CaseworkError(f"욕구 '{key}'의 심각도는 0(문제 아님)~5의 정수여야 합니다. 받은 값: {value!r}")
        else:
            checked[key] = value
    return checked


def learner_needs(case, ratings: Mapping[str, int | None]) -> list:
    """The learner's ratings as AssessedNeed (0 and blank are left out; priority by the workbook rule)."""
    case = _case(case)
    checked = _check_ratings(case, ratings)
    return [
        AssessedNeed(n.domain, n.label, level, priority_from_severity(level), key=n.id)
        for n in case.needs_by_domain
        if (level := checked.get(n.id))
    ]


def _solution(case, reference: Mapping) -> str:
    ratings = ", ".join(f"{n.description} {n.severity}({SEVERITY_CHOICES[n.severity]})" for n in reference.values())
    first = ", ".join(n.description for n in reference.values() if n.priority == 1)
    text = f"워크북 예시의 심각도: {ratings}. 가장 먼저 다룰 욕구(우선순위 1): {first}."
    groups = connected_groups(reference.values())
    if groups:
        chains = "; ".join(" ↔ ".join(n.description for n in g) for g in groups)
        text += f" 서로 얽힌 욕구: {chains}."
    return text


def judge_severity(case, ratings: Mapping[str, int | None] | str) -> Feedback:
    """Compare the learner's 0–5 rating per need with the workbook's example.

    A rating of 0 ('문제 아님') for a need the case has is always pointed out; otherwise a
    rating two or more steps from the example is pointed out with the example's reason.
    Needs not rated yet make the answer *unanswered*, with the blank needs listed.
    """
    case = _case(case)
    checked = _check_ratings(case, ratings)
    reference = {n.key: n for n in practice_needs(case)}
    reasons = _ratings_data(case)
    needs = case.needs_by_domain
    solution = _solution(case, reference)
    if is_blank(ratings) or all(checked.get(n.id) is None for n in needs):
        return Feedback.unanswered("욕구마다 심각도를 골라 보세요. 문제가 아니라고 보면 0을 고르세요.",
                                   hints=SEVERITY_HINTS, solution=solution)
    blank = [n.label for n in needs if checked.get(n.id) is None]
    if blank:
        return Feedback.unanswered(
            f"욕구 {len(needs)}개 가운데 {len(blank)}개의 심각도를 아직 고르지 않았습니다: {', '.join(blank)}.",
            hints=SEVERITY_HINTS, solution=solution)

    points: list[str] = []
    close = 0
    for n in needs:
        mine, ref = checked[n.id], reference[n.id]
        assert mine is not None  # blank ratings were answered as unanswered above
        reason = reasons[n.id].reason
        if mine == 0:
            points.append(f"{josa(short_quote(n.label), '을')} 문제가 아니라고 보았습니다. 이 사례에서는 돌봐야 할 "
                          f"욕구입니다. {reason}")
        elif abs(mine - ref.severity) > CLOSE_ENOUGH:
            word = f"{mine}({SEVERITY_CHOICES[mine]})"
            points.append(f"{short_quote(n.label)}: 고른 심각도 {josa(word, '은')} 워크북 예시와 두 단계 이상 "
                          f"차이가 납니다. {reason}")
        else:
            close += 1
    groups = connected_groups(reference.values())
    if groups:
        points.append("이 사례의 욕구들은 서로 얽혀 있습니다. 하나씩 따로 풀기 어려운 복합적 욕구라서 여러 자원을 "
                      "묶는 사례관리가 필요합니다.")
    points.append("심각도에 하나뿐인 정답은 없습니다. 워크북 예시와 두 단계 이상 차이 나는 것만 짚었으니, "
                  "왜 다르게 보았는지 모임에서 이야기해 보세요.")
    total = len(needs)
    return rubric.from_share(
        close, total,
        all_right=f"욕구 {total}개 모두 워크북 예시와 비슷하게 보았습니다(한 단계 이내).",
        some_right=f"욕구 {total}개 가운데 {close}개가 워크북 예시와 비슷합니다(한 단계 이내).",
        points=points,
    ).with_ladder(SEVERITY_HINTS, solution)
