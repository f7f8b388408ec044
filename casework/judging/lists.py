"""Judging who on combined agency lists is served twice and who was missed (chapter 11)."""

from __future__ import annotations

from typing import Any

from casework._util.text import squash_label
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_blank, read_list, read_pairs
from casework.judging.feedback import Feedback

__all__ = ["judge_agency_lists", "read_list_answer", "LIST_HINTS", "TWICE", "MISSED"]

TWICE = "두 곳 이상"
MISSED = "누락"

LIST_HINTS = (
    "여러 명단을 합친 표에서 이름과 생년월이 같은데 기관이 다른 줄을 찾아보세요. 띄어쓰기나 날짜 적는 방식이 달라도 같은 사람일 수 있습니다.",
    "욕구 사정 명단의 사람마다 서비스 명단에 있는지 하나씩 맞춰 보세요. 이름이 같아도 생년월이 다르면 다른 사람입니다.",
)


def read_list_answer(answer: object) -> tuple[list[Any], list[Any]]:
    """Two lines ``두 곳 이상: 가○○ (1941-03), …`` and ``누락: …`` (either may be blank or absent)."""
    if isinstance(answer, tuple) and len(answer) == 2:
        first, second = (read_list(part, "사람") if isinstance(part, str) else list(part or []) for part in answer)
        return first, second
    if isinstance(answer, dict):
        pairs = [(str(k), v) for k, v in answer.items()]
    else:
        pairs = read_pairs(answer, "답", f"{TWICE}: 가○○ (1941-03)")
    twice: list[str] = []
    missed: list[str] = []
    for key, value in pairs:
        items = read_list(value if isinstance(value, (list, tuple)) else str(value).replace("없음", ""), "사람")
        k = squash_label(key)
        if k in (squash_label(TWICE), "두곳이상에서받는사람", "중복"):
            twice += items
        elif k in (squash_label(MISSED), "누락된사람"):
            missed += items
        else:
            raise AnswerFormatError(f"줄의 앞머리는 '{TWICE}:' 또는 '{MISSED}:'로 써 주세요(받은 답: '{key}').")
    return twice, missed


def _solution(service_lists, need_list) -> str:
    """Everyone to find, each with the reason (the comparison with every person picked)."""
    from casework.agency_lists import compare_answers, person_choices

    everyone = list(person_choices(service_lists, need_list))
    full = compare_answers(service_lists, need_list, twice=everyone, missed=everyone)
    return " / ".join(full.right) or "두 곳 이상에서 받는 사람도, 누락된 사람도 없습니다."


def judge_agency_lists(answer: object, service_lists, need_list) -> Feedback:
    """Everyone found and no one wrongly picked is correct; each wrong pick is named with its reason."""
    from casework.agency_lists import compare_answers

    solution = _solution(service_lists, need_list)
    if is_blank(answer) or (isinstance(answer, tuple) and all(is_blank(part) for part in answer)):
        return Feedback.unanswered("두 곳 이상에서 받는 사람과 누락된 사람을 골라 보세요.", hints=LIST_HINTS,
                                   solution=solution)
    twice, missed = read_list_answer(answer)
    result = compare_answers(service_lists, need_list, twice=twice, missed=missed)
    points = [f"맞게 고른 사람 — {r}" for r in result.right] + list(result.wrong)
    if result.left_twice:
        points.append(f"두 곳 이상에서 받는 사람이 {result.left_twice}명 더 있습니다.")
    if result.left_missed:
        points.append(f"누락된 사람이 {result.left_missed}명 더 있습니다.")
    total = result.expected_twice + result.expected_missed
    if total == 0:
        if result.wrong:
            return rubric.wrong("이 명단에는 두 곳 이상에서 받는 사람도 누락된 사람도 없습니다.", points).with_ladder(LIST_HINTS, solution)
        return rubric.right("두 곳 이상에서 받는 사람도, 누락된 사람도 없다는 것을 맞게 보았습니다.").with_ladder(LIST_HINTS, solution)
    return rubric.from_share(
        len(result.right), total, n_extra=len(result.wrong),
        all_right=f"두 곳 이상에서 받는 사람 {result.expected_twice}명, 누락된 사람 {result.expected_missed}명을 모두 찾았습니다.",
        some_right=f"찾아야 할 {total}명 가운데 {len(result.right)}명을 맞게 골랐습니다."
                   + (f" 잘못 고른 사람이 {len(result.wrong)}명 있습니다." if result.wrong else ""),
        points=points,
    ).with_ladder(LIST_HINTS, solution)
