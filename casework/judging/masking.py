"""Judging a case text masked before it is shared (chapter 10, exercise 11)."""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from casework.judging import rubric
from casework.judging.answers import answer_lines, is_blank
from casework.judging.feedback import Feedback

__all__ = ["judge_masked_text", "MASKING_HINTS", "MASKING_RULE"]

MASKING_RULE = ("주민등록번호는 모두 *로, 전화번호는 앞자리(010)만 두고 숫자를 *로, 이름은 성만 두고 ○로 바꿉니다. "
                "다른 내용은 지우거나 바꾸지 않습니다.")
MASKING_HINTS = (
    "주민등록번호, 전화번호, 이름이 글 안에 몇 번 나오는지 먼저 세어 보세요. 한 사람의 이름이 두 번 나올 수도 있습니다.",
    MASKING_RULE,
)


def _as_text(answer: object) -> str:
    return "\n".join(answer_lines(answer)) if isinstance(answer, str) else str(answer)


def judge_masked_text(answer: object, original: str, names: Sequence[str]) -> Feedback:
    """No identifier left and the rest untouched is correct; identifiers left is incorrect."""
    from casework.privacy import mask_case_text

    expected = mask_case_text(original, list(names)).text
    if is_blank(answer):
        return Feedback.unanswered("가린 사례 글을 적어 보세요.", hints=MASKING_HINTS, solution=expected)
    text = _as_text(answer)
    left = mask_case_text(text, list(names))
    if left.total:
        remaining = [f"{kind} {n}건" for kind, n in left.counts.items() if n]
        return rubric.wrong("아직 누구인지 알아볼 수 있는 정보가 남아 있습니다.",
                            (f"남은 것: {', '.join(remaining)}.",)).with_ladder(MASKING_HINTS, expected)
    if " ".join(text.split()) == " ".join(expected.split()):
        return rubric.right("식별 정보를 모두 가렸고 나머지 내용은 그대로 남겼습니다.", (
            "가린 글도 나누기 전에 한 번 더 읽어 보세요. 주소나 드문 사연처럼 자동으로 찾지 못하는 정보가 있을 수 있습니다.",
        )).with_ladder(MASKING_HINTS, expected)
    a, b = " ".join(expected.split()), " ".join(text.split())
    first = next(op for op in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes() if op[0] != "equal")
    _, _a0, _a1, b0, b1 = first
    return rubric.partial("식별 정보는 가렸지만 워크북의 가리는 규칙과 다른 곳이 있습니다.", (
        f"다른 곳: '{b[max(0, b0 - 8):b1 + 8]}'", MASKING_RULE,
    )).with_ladder(MASKING_HINTS, expected)
