"""Judging a table answer: each item given a label (문장 → 문제/요구/욕구, 자원 → 공적/민간/비공식)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

from casework._util.text import josa, short_quote, squash_label
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, Choice, is_blank, read_choice, read_pairs
from casework.judging.feedback import Feedback

__all__ = ["judge_table"]

K = TypeVar("K")


def _find_item(name: str, items: Sequence[str]) -> str | None:
    key = squash_label(name)
    exact = [i for i in items if squash_label(i) == key]
    if exact:
        return exact[0]
    # A learner may copy only the start of a long sentence: accept an unambiguous prefix.
    starts = [i for i in items if len(key) >= 6 and squash_label(i).startswith(key.rstrip("…."))]
    return starts[0] if len(starts) == 1 else None


def judge_table(
    answer: object,
    expected: Mapping[str, K],
    options: Sequence[Choice[K]],
    *,
    what: str,
    label_what: str,
    example: str,
    why_not: Callable[[str, K], str] | None = None,
    right_points: Sequence[str] = (),
    matching: bool = False,
) -> Feedback:
    """Item by item: the share of items labelled right is the score.

    ``answer`` is text with one ``항목: 값`` line per item, or a mapping (a widget's values).
    A wrong label gets ``why_not(item, chosen)`` — why that label does not fit — and never the
    right label. ``matching`` words the messages for pairing items (이었습니다) rather than
    sorting them (나누었습니다).
    """
    if is_blank(answer):
        return Feedback.unanswered(f"{what}: 한 줄에 하나씩 '항목: {label_what}'처럼 적어 주세요. 예: {example}")
    pairs = read_pairs(answer, what, example)
    items = list(expected)
    label = {o.key: o.label for o in options}
    given: dict[str, K] = {}
    points: list[str] = []
    extra = 0
    for name, value in pairs:
        item = _find_item(name, items)
        if item is None:
            points.append(f"자료에 없는 항목입니다: {short_quote(name)}. 자료에 나온 이름·문장을 그대로 적어 주세요.")
            extra += 1
            continue
        try:
            given[item] = read_choice(value, options, label_what, numbered=False)
        except AnswerFormatError as exc:
            points.append(f"{short_quote(item)}: {exc}")
    right = 0
    for item, want in expected.items():
        if item not in given:
            points.append(f"{short_quote(item)}에 답이 없습니다.")
            continue
        got = given[item]
        if got == want:
            right += 1
            continue
        reason = why_not(item, got) if why_not else "설명을 다시 읽고 생각해 보세요."
        chosen = short_quote(label[got], 30)
        put = f"{josa(chosen, '과')} 이었습니다" if matching else f"{josa(chosen, '으로')} 나누었습니다"
        points.append(f"{josa(short_quote(item), '을')} {put}. {reason}")
    total = len(expected)
    done = "이었습니다" if matching else "나누었습니다"
    return rubric.from_share(
        right, total, n_extra=extra,
        all_right=f"{total}개를 모두 맞게 {done}.",
        some_right=f"{total}개 가운데 {right}개를 맞게 {done}.",
        points=points if right < total or extra else right_points,
    )
