"""Judging a case text masked before it is shared (chapter 10, exercise 11).

Two tasks: :func:`judge_masked_text` judges a text the learner masked by hand against the
workbook's masking rule; :func:`masking_feedback` (chapter 10's widget) masks a text with
:func:`casework.privacy.mask_case_text` and points at what may still identify someone
(:func:`casework.leftovers.find_leftovers`), each leftover a finding for the one rubric.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from casework._util.text import short_quote
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import answer_lines, is_unanswered, read_list, unanswered_hint
from casework.judging.feedback import Feedback
from casework.leftovers import Leftover, find_leftovers

if TYPE_CHECKING:  # pragma: no cover
    from casework.privacy import MaskResult

__all__ = ["judge_masked_text", "MASKING_HINTS", "MASKING_RULE", "LEFTOVER_HINTS", "MaskCheck", "parse_names",
           "check_masking", "masking_feedback"]

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
    if is_unanswered(answer):
        return Feedback.unanswered(unanswered_hint(answer, "가린 사례 글을 적어 보세요."), hints=MASKING_HINTS,
                                   solution=expected)
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


# --------------------------------------------------------------------------- chapter 10: masking + leftovers

LEFTOVER_HINTS = (
    "가린 결과를 처음부터 끝까지 읽으며 주소, 계좌번호, 생년월일, 이름처럼 사람을 알아볼 수 있는 것이 남았는지 찾아보세요.",
    "남은 이름은 '가릴 이름' 칸에 더하고, 주소나 계좌번호는 글에서 지우거나 '○○동', '통장'처럼 말로만 적으세요.",
)
_READ_AGAIN = "자동으로 찾지 못하는 정보(직장, 학교, 드문 사연 등)도 있으니 나누기 전에 한 번 더 읽어 보세요."


@dataclass(frozen=True)
class MaskCheck:
    """The masking result and what still looks like personal data afterwards."""

    result: Any  # casework.privacy.MaskResult
    leftovers: tuple[Leftover, ...]

    @property
    def clean(self) -> bool:
        """Did the heuristics find nothing left?"""
        return not self.leftovers


def parse_names(text: object) -> list[str]:
    """Names typed in one box, separated by commas or line breaks (or a list); blanks are skipped."""
    if isinstance(text, (list, tuple)):
        return [str(t).strip() for t in text if str(t).strip()]
    if not isinstance(text, str):
        raise CaseworkError(f"이름은 쉼표로 나누어 적어 주세요. 예: '홍길순, 홍길동'. 받은 값: {text!r}")
    return [name for line in read_list(text, "이름") for name in (part.strip() for part in line.split(",")) if name]


def check_masking(text: str, names: Iterable[str] = ()) -> MaskCheck:
    """Mask ``text`` (RRNs, phone numbers, the listed names) and look for what is left."""
    from casework.privacy import mask_case_text

    result = mask_case_text(text, names)
    return MaskCheck(result, find_leftovers(result.text))


def _counts_line(result: MaskResult) -> str:
    parts = [f"{kind} {n}건" for kind, n in result.counts.items()]
    return "가린 것: " + ", ".join(parts) + f" (모두 {result.total}건)"


def _guess_lines(result: MaskResult) -> tuple[str, ...]:
    """Lines naming the words hidden as names on a guess and the words left visible that may be names,
    so the worker checks them before sharing; none when there are none."""
    def quoted(words: tuple[str, ...]) -> str:
        return ", ".join(f"'{word}'" for word in words)

    lines = []
    if result.unsure:
        lines.append(f"이름으로 짐작해 가린 말: {quoted(result.unsure)}. 이름이 아니라면 나누기 전에 원래 말로 "
                     "되돌려 적으세요.")
    if result.to_check:
        lines.append(f"가리지 않았지만 이름일 수도 있는 말: {quoted(result.to_check)}. 사람 이름이면 '가릴 이름' "
                     "칸에 적고 다시 가리세요.")
    return tuple(lines)


def _cleaned(check: MaskCheck) -> str:
    """The masked text with every leftover struck out: the model answer of chapter 10's task."""
    text = check.result.text
    for item in check.leftovers:
        # A name follows the masking rule (surname kept); anything else is struck out.
        shown = item.text[0] + "○" * (len(item.text) - 1) if item.kind == "이름" else f"[{item.kind} 지움]"
        text = text.replace(item.text, shown)
    return text


def masking_feedback(text: str, names: Iterable[str] | str = ()) -> Feedback:
    """Feedback on a case text masked for sharing; ``names`` may be a list or one comma-separated line.

    Each leftover is a finding (one is partial, two or more incorrect); the masked text with the
    leftovers struck out is the model answer.
    """
    listed = parse_names(names)
    if is_unanswered(text):
        return Feedback.unanswered(unanswered_hint(text, "나눌 사례 요약을 붙여 넣으세요."), hints=LEFTOVER_HINTS)
    check = check_masking(text, listed)
    solution = _cleaned(check)
    if check.result.total == 0 and not check.leftovers:
        return rubric.right("가릴 만한 번호나 이름을 찾지 못했습니다.",
                            (*_guess_lines(check.result), _READ_AGAIN)).with_ladder(LEFTOVER_HINTS, solution)
    points = [f"{item.kind}: {short_quote(item.text)} — {item.advice}" for item in check.leftovers]
    guesses = _guess_lines(check.result)
    return rubric.from_findings(
        points,
        ok="개인정보로 보이는 것은 더 찾지 못했습니다.",
        ok_points=(_counts_line(check.result), *guesses),
        one="아직 개인정보로 보이는 것이 한 군데 남아 있습니다.",
        many=f"아직 개인정보로 보이는 것이 {len(points)}군데 남아 있습니다.",
        notes=(_counts_line(check.result), *guesses, _READ_AGAIN) if points else (_READ_AGAIN,),
    ).with_ladder(LEFTOVER_HINTS, solution)
