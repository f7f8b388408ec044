"""Judging "the lowest caseload limit that sharing cases inside the team can meet" (chapter 10).

Below :func:`casework.caseload.lowest_shared_limit`, overload is a matter of staffing or caseload,
not of how cases are divided. A wrong limit is told which way to go and the figures to work it
out with; the limit itself is the model answer (풀이 보기).
"""

from __future__ import annotations

from collections.abc import Sequence

from casework.caseload import Caseload, lowest_shared_limit, summarize
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import is_blank, read_number
from casework.judging.feedback import Feedback

__all__ = ["CASELOAD_HINTS", "judge_lowest_shared_limit"]

CASELOAD_HINTS = (
    "팀이 맡은 사례를 모두 더한 뒤 사람 수로 나누어 보세요. 모두가 기준 안에 들려면 기준이 그 값보다 작을 수 없습니다.",
    "기준을 한 건씩 낮추며 요약의 마지막 줄이 바뀌는 곳을 찾아도 됩니다.",
)


def _limit(answer: object) -> int:
    if isinstance(answer, int) and not isinstance(answer, bool):
        return answer
    value = read_number(answer, "기준", "24")
    if not value.is_integer():
        raise CaseworkError(f"기준은 건수이니 정수로 적어 주세요(받은 값: {value}).")
    return int(value)


def judge_lowest_shared_limit(workers: Sequence[Caseload], limit: int | str | None) -> Feedback:
    """Judge a proposed answer (a number of cases, or text like '24건')."""
    lowest = lowest_shared_limit(workers)  # validates the team
    team = tuple(workers)
    summary_all = summarize(team, lowest)
    total, people = summary_all.total_cases, summary_all.workers
    solution = (f"{lowest}건입니다. 팀 전체 {total}건을 {people}명이 나누면 한 사람에 {total / people:.1f}건이라, "
                f"{lowest}건이 나누어 맡아 해결되는 가장 낮은 기준입니다.")
    if is_blank(limit):
        return Feedback.unanswered("슬라이더를 답이라고 생각하는 기준에 놓고 눌러 보세요.",
                                   hints=CASELOAD_HINTS, solution=solution)
    limit = _limit(limit)
    summary = summarize(team, limit)  # validates the limit
    if limit == lowest:
        points = [
            f"팀 전체 {total}건을 {people}명이 나누면 한 사람에 {total / people:.1f}건입니다. "
            f"그래서 {lowest}건이 나누어 해결되는 가장 낮은 기준입니다.",
        ]
        if summary.overloaded:
            points.append(
                f"지금은 {len(summary.overloaded)}명이 넘지만, 넘는 {summary.excess}건을 "
                f"여유 {summary.spare}건에 옮기면 모두 기준 안에 듭니다."
            )
        points.append(f"기준을 {lowest - 1}건 이하로 잡으면 나누기만으로는 안 되고, 인력 보강이나 사례 조정이 필요합니다.")
        return rubric.right(f"나누어 맡아 해결되는 가장 낮은 기준은 {lowest}건입니다.", points).with_ladder(CASELOAD_HINTS, solution)
    if limit > lowest:
        return rubric.wrong(
            f"기준 {limit}건에서도 나누어 맡으면 해결되지만, 더 낮은 기준에서도 됩니다.",
            (f"기준을 조금씩 낮추며 요약의 마지막 줄이 바뀌는 곳을 찾아보세요(팀 전체 {total}건, {people}명).",),
        ).with_ladder(CASELOAD_HINTS, solution)
    return rubric.wrong(
        f"기준 {limit}건에서는 나누어 맡아도 모두 기준 안에 들 수 없습니다.",
        (f"팀이 기준 안에서 맡을 수 있는 사례는 {limit}건 × {people}명 = {summary.capacity}건인데, "
         f"맡고 있는 사례는 {total}건입니다. 기준을 올려 보세요.",),
    ).with_ladder(CASELOAD_HINTS, solution)
