"""Judging a set of picks (which items …?) and an order (put these steps in order)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from casework._util.text import josa, short_quote, squash_label
from casework.judging import rubric
from casework.judging.answers import is_blank, read_list
from casework.judging.feedback import Feedback

__all__ = ["match_labels", "judge_set", "judge_order"]


def match_labels(items: Iterable[object], known: Sequence[str],
                 aliases: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
    """Map typed labels onto known ones (spaces, dots and slashes ignored); (matched, unknown)."""
    table = {squash_label(k): k for k in known}
    table.update({squash_label(a): k for a, k in (aliases or {}).items()})
    matched: list[str] = []
    unknown: list[str] = []
    for item in items:
        text = str(getattr(item, "value", item))
        key = squash_label(text)
        if key in table:
            matched.append(table[key])
        else:
            unknown.append(text)
    return matched, unknown


def judge_set(answer: object, known: Sequence[str], expected: Sequence[str], *, what: str,
              aliases: Mapping[str, str] | None = None, right_points: Sequence[str] = ()) -> Feedback:
    """Which of ``known`` are ``expected``? Wrong picks are named; missing ones only counted."""
    if is_blank(answer):
        return Feedback.unanswered(f"{josa(what, '을')} 한 줄에 하나씩 적어 주세요. 없다고 보면 '없음'이라고 적으세요.")
    matched, unknown = match_labels(read_list(answer, what), known, aliases)
    want, got = list(dict.fromkeys(expected)), list(dict.fromkeys(matched))
    right = [x for x in got if x in want]
    wrong = [x for x in got if x not in want]
    left = [x for x in want if x not in got]
    points: list[str] = []
    if unknown:
        points.append(f"보기에 없는 항목이 있습니다: {', '.join(short_quote(u) for u in unknown)}. 자료에 나온 이름 그대로 적어 주세요.")
    if wrong:
        points.append(f"{what}에 들지 않는 것을 골랐습니다: {', '.join(wrong)}.")
    if left:
        points.append(f"{josa(what, '이')} {len(left)}개 더 있습니다. 자료를 다시 살펴보세요.")
    if not want:
        if not got and not unknown:
            return rubric.right(f"{josa(what, '이')} 없다는 것을 맞게 보았습니다.", right_points)
        return rubric.wrong(f"{josa(what, '은')} 하나도 없습니다.", points)
    if not wrong and not left and not unknown:
        return rubric.right(f"{josa(what, '을')} 모두 맞게 골랐습니다: {', '.join(want)}.", right_points)
    return rubric.from_share(
        len(right), len(want), n_extra=len(wrong) + len(unknown),
        all_right=f"{josa(what, '을')} 모두 골랐지만 더 고른 것이 있습니다.",
        some_right=f"{what} {len(want)}개 가운데 {len(right)}개를 맞게 골랐습니다.",
        points=points,
    )


def judge_order(answer: object, expected: Sequence[str], *, what: str,
                aliases: Mapping[str, str] | None = None, right_points: Sequence[str] = (),
                wrong_points: Sequence[str] = ()) -> Feedback:
    """Each item in its place scores; the right order is never printed on a wrong try."""
    if is_blank(answer):
        return Feedback.unanswered(f"{josa(what, '을')} 한 줄에 하나씩, 앞선 것부터 차례로 적어 주세요.")
    items = read_list(answer, what)
    matched, unknown = match_labels(items, expected, aliases)
    if unknown or len(matched) != len(expected) or len(set(matched)) != len(expected):
        points = [f"자료에 없는 이름: {', '.join(short_quote(u) for u in unknown)}."] if unknown else []
        points.append(f"{len(expected)}개를 한 줄에 하나씩, 빠짐없이 한 번씩 적어 주세요.")
        return rubric.wrong(f"{josa(what, '이')} 빠짐없이 한 번씩 들어 있지 않습니다.", points)
    in_place = sum(a == b for a, b in zip(matched, expected))
    return rubric.from_share(
        in_place, len(expected),
        all_right=f"{what} 순서가 모두 맞습니다.",
        some_right=f"{len(expected)}개 가운데 {in_place}개가 제자리에 있습니다.",
        points=right_points if in_place == len(expected) else wrong_points,
    )
