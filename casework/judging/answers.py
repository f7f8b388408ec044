"""Reading answers written in plain Korean: no quotes, brackets, commas or Python.

An answer is the text a learner typed: in an exercise, the lines under ``%%답 q3``; in a chapter,
what a text box holds. Each reader turns that text into the value a judge compares, or raises
:class:`AnswerFormatError` whose Korean message says exactly how to write the answer.

Conventions a learner is told once (chapter 00 and every exercise):

* a sentence is written as it is, on one or more lines;
* a number is digits, with or without a unit: ``15``, ``15점``, ``62.35``;
* a choice is its number or its name: ``3`` or ``환경 변화`` (``3. 환경 변화`` too);
* a list or an order is one item per line (``-``, ``•`` or ``1.`` in front are fine);
* a table is one ``항목: 값`` pair per line;
* yes or no is ``예`` or ``아니오``.

Lines starting with ``#`` are notes to the learner and are never part of the answer.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

from casework._util.text import josa, short_quote, squash_label
from casework.errors import CaseworkError

__all__ = [
    "AnswerFormatError",
    "Choice",
    "answer_lines",
    "strip_bullet",
    "is_blank",
    "non_answer",
    "is_unanswered",
    "unanswered_hint",
    "read_text",
    "read_number",
    "read_choice",
    "read_list",
    "read_pairs",
    "read_yes_no",
    "choices_from_enum",
    "choices_line",
]

K = TypeVar("K")
E = TypeVar("E", bound=Enum)

_BULLET = re.compile(r"^\s*(?:[-•·*▪◦]|\d{1,2}\s*[.)]|[①-⑳])\s*")
_NUMBER = re.compile(r"^(?:약\s*)?([+\-−–]?\s*\d[\d,]*(?:\.\d+)?)\s*(?:점|개|회|명|번|일|건|점수|T점수)?\s*$")
_PAIR_SEP = re.compile(r"\s*(?:[:：→=]|->|=>)\s*")
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_YES = {"예", "네", "응", "맞다", "맞음", "맞습니다", "그렇다", "그렇습니다", "있다", "있음", "o", "○", "yes", "true"}
_NO = {"아니오", "아니요", "아니", "아니다", "아닙니다", "없다", "없음", "x", "×", "no", "false"}


MAX_SENTENCE = 2_000
"""Characters a sentence answer (a goal, a question, a need) may have."""
MAX_ANSWER = 20_000
"""Characters any answer may have; a longer one is refused before it is read."""


class AnswerFormatError(CaseworkError):
    """The answer could not be read; the message tells the learner how to write it."""


@dataclass(frozen=True)
class Choice(Generic[K]):
    """One option of a choice: the value a judge compares, its label and other accepted names."""

    key: K
    label: str
    aliases: tuple[str, ...] = field(default=())


def answer_lines(answer: object) -> list[str]:
    """The non-blank lines of a text answer, without ``#`` notes (whitespace kept inside a line)."""
    if not isinstance(answer, str):
        return []
    lines = []
    for raw in answer.splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            lines.append(line)
    return lines


def strip_bullet(line: str) -> str:
    """A line without the bullet or number in front (``-``, ``•``, ``1.``, ``①``)."""
    return _BULLET.sub("", line).strip()


def is_blank(answer: object) -> bool:
    """No answer yet: None, ``...``, blank text (notes only) or an empty container."""
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return not answer_lines(answer)
    if isinstance(answer, Mapping):
        return all(k is Ellipsis or v is Ellipsis or v is None or v == "" for k, v in answer.items())
    if isinstance(answer, (list, tuple, set, frozenset)):
        return all(item is Ellipsis or item is None or item == "" for item in answer)
    return False


_NON_ANSWER = re.compile(
    r"(?:잘|정말|전혀|아직|아무것도|아무거나)?"
    r"(?:모르겠(?:습니다|어요|어|음|네요|다|는데요?)?|모름|몰라요?|모릅니다|모르겠음|"
    r"없(?:음|어요|습니다|다|네요)|해당없음|해당사항없음|글쎄요?|미정|패스|생각안나요?|생각이안나요?)"
)
_NOT_WORDS = re.compile(r"[\s.,!?？~…·\-–—_ㅠㅜ]+")


def non_answer(answer: object) -> str:
    """The text if it only says there is no answer ('모르겠습니다', '없음', '-', '?'), else ''.

    Typed into a free-text box (a goal, a question, a need, a masked text) such words say the
    learner has not answered yet; the judges treat them as unanswered, not as an attempt.
    """
    if not isinstance(answer, str) or is_blank(answer):
        return ""
    text = " ".join(answer_lines(answer))
    squeezed = _NOT_WORDS.sub("", text)
    return text if not squeezed or _NON_ANSWER.fullmatch(squeezed) else ""


def is_unanswered(answer: object) -> bool:
    """Is a free-text answer blank or only a non-answer (see :func:`non_answer`)?"""
    return is_blank(answer) or bool(non_answer(answer))


def unanswered_hint(answer: object, ask: str) -> str:
    """``ask`` (what to write), after a sentence naming a non-answer the learner typed, if any."""
    said = non_answer(answer)
    if not said:
        return ask
    return f"{short_quote(said)}만 적혀 있어 아직 답하지 않은 것으로 봅니다. {ask}"


def _one_line(answer: object, what: str, example: str) -> str:
    lines = answer_lines(answer) if isinstance(answer, str) else []
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{josa(what, '을')} 글로 적어 주세요. 예: {example}")
    if len(lines) != 1:
        raise AnswerFormatError(
            f"{josa(what, '은')} 한 줄에 하나만 적어 주세요(지금 {len(lines)}줄). 예: {example}"
        )
    return lines[0]


def read_text(answer: object, what: str = "답") -> str:
    """A sentence in Korean: the lines joined with single spaces.

    Text that is not Korean writing (mostly Latin letters, digits and symbols, such as program
    code) is refused: a judge must not give it partial credit for the mistakes it happens to lack.
    """
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{josa(what, '을')} 글로 적어 주세요.")
    text = " ".join(" ".join(answer_lines(answer)).split())
    if len(text) > MAX_SENTENCE:
        raise AnswerFormatError(f"{josa(what, '이')} 너무 깁니다({len(text):,}자). {MAX_SENTENCE:,}자 안으로 줄여 한두 문장으로 적어 주세요.")
    hangul = sum("가" <= ch <= "힣" for ch in text)
    letters = sum(ch.isalpha() for ch in text)
    if text and (hangul < 2 or hangul < letters / 2):
        raise AnswerFormatError(f"{josa(what, '을')} 한국어 문장으로 적어 주세요(받은 답: {short_quote(text)}).")
    return text


def read_number(answer: object, what: str, example: str = "15") -> float:
    """A number written with digits, e.g. ``15``, ``15점``, ``62.35``, ``-1``, ``1,000``."""
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        value = float(answer)
    else:
        line = _one_line(answer, what, example)
        match = _NUMBER.match(line)
        if not match:
            raise AnswerFormatError(
                f"{josa(what, '을')} 숫자로 적어 주세요. 예: {example} "
                f"(받은 답: {short_quote(line)}). 글자 대신 아라비아 숫자를 쓰고, 단위(점)는 붙여도 됩니다."
            )
        text = re.sub(r"[\s,]", "", match.group(1)).replace("−", "-").replace("–", "-")
        value = float(text)
    if not math.isfinite(value):
        raise AnswerFormatError(f"{josa(what, '을')} 보통의 숫자로 적어 주세요. 예: {example}")
    return value


def _match_choice(text: str, options: Sequence[Choice[K]]) -> Choice[K] | None:
    key = squash_label(text)
    for option in options:
        if key == squash_label(option.label) or any(key == squash_label(a) for a in option.aliases):
            return option
    return None


def read_choice(answer: object, options: Sequence[Choice[K]], what: str, *, numbered: bool = True) -> K:
    """One option, by its number (``3``, ``3번``, ``③``), its name, or both (``3. 환경 변화``).

    A value that already is one of the keys (what a widget control holds) is taken as it is.
    """
    for option in options:
        if answer is option.key or (not isinstance(answer, str) and answer == option.key):
            return option.key
    if isinstance(answer, numbers.Integral) and not isinstance(answer, bool) and numbered:
        if 1 <= int(answer) <= len(options):
            return options[int(answer) - 1].key
    example = f"{options[0].label}" + (" 또는 1" if numbered else "")
    line = _one_line(answer, what, example)
    number_part, name_part = None, line
    match = re.match(r"^(\d{1,2})\s*(?:번|[.)])?\s*(.*)$", line)
    if numbered and match:
        number_part, name_part = int(match.group(1)), match.group(2)
    elif numbered and line[:1] in _CIRCLED:
        number_part, name_part = _CIRCLED.index(line[0]) + 1, line[1:]
    by_name = _match_choice(name_part, options) if name_part.strip() else None
    if number_part is not None:
        if not 1 <= number_part <= len(options):
            raise AnswerFormatError(
                f"{what} 번호는 1부터 {len(options)}까지입니다(받은 답: {number_part}). "
                f"보기: {choices_line(options, numbered=numbered)}"
            )
        by_number = options[number_part - 1]
        if by_name is not None and by_name is not by_number:
            raise AnswerFormatError(
                f"번호 {number_part}번은 '{by_number.label}'인데 이름은 '{by_name.label}'입니다. "
                "번호나 이름 가운데 하나만 적어 주세요."
            )
        if name_part.strip() and by_name is None:
            raise AnswerFormatError(
                f"{josa(short_quote(name_part), '은')} 보기에 없는 이름입니다. 번호만 적거나 보기의 이름을 그대로 적어 주세요. "
                f"보기: {choices_line(options, numbered=numbered)}"
            )
        return by_number.key
    if by_name is None:
        raise AnswerFormatError(
            f"{josa(short_quote(line), '은')} {what}의 보기에 없습니다. "
            + ("번호나 " if numbered else "")
            + f"보기의 이름을 그대로 적어 주세요. 보기: {choices_line(options, numbered=numbered)}"
        )
    return by_name.key


_NONE = {"없음", "없다", "없습니다", "없어요", "해당 없음", "해당없음"}


def read_list(answer: object, what: str, example: Sequence[str] = ()) -> list[str]:
    """Items one per line (a single line may also separate items with commas)."""
    if isinstance(answer, (list, tuple)):
        return [str(item).strip() for item in answer if item not in (None, Ellipsis) and str(item).strip()]
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{josa(what, '을')} 한 줄에 하나씩 적어 주세요.")
    lines = [_BULLET.sub("", line).strip() for line in answer_lines(answer)]
    if len(lines) == 1 and lines[0].rstrip(".") in _NONE:
        return []  # '없음': the learner says there is nothing to list
    if len(lines) == 1 and "," in lines[0]:
        lines = [part.strip() for part in lines[0].split(",")]
    return [line for line in lines if line]


def read_pairs(answer: object, what: str, example: str) -> list[tuple[str, str]]:
    """``항목: 값`` pairs, one per line (``→`` or ``=`` also separate the two parts)."""
    if isinstance(answer, Mapping):
        return [(str(k).strip(), str(v).strip()) for k, v in answer.items()
                if k is not Ellipsis and v not in (None, Ellipsis)]
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{josa(what, '은')} 한 줄에 하나씩 '항목: 값' 모양으로 적어 주세요. 예: {example}")
    pairs = []
    for line in answer_lines(answer):
        content = _BULLET.sub("", line)
        # The value (a label, a list of people) never holds a separator, but the item may:
        # split at the last one.
        seps = list(_PAIR_SEP.finditer(content))
        parts = [content[:seps[-1].start()], content[seps[-1].end():]] if seps else [content]
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise AnswerFormatError(
                f"{short_quote(line)} 줄에서 항목과 값을 나눌 수 없습니다. "
                f"한 줄에 하나씩 '항목: 값'처럼 쌍점(:)으로 나누어 적어 주세요. 예: {example}"
            )
        pairs.append((parts[0].strip(), parts[1].strip()))
    return pairs


def read_yes_no(answer: object, what: str) -> bool:
    """``예`` or ``아니오`` (네/아니요/O/X and the like are accepted too)."""
    if isinstance(answer, bool):
        return answer
    line = _one_line(answer, what, "예")
    word = squash_label(line).rstrip(".!")
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise AnswerFormatError(f"{josa(what, '은')} '예' 또는 '아니오'로 적어 주세요(받은 답: {short_quote(line)}).")


def choices_from_enum(enum_cls: type[E], aliases: Mapping[str, E] | None = None,
                      label: str = "value") -> list[Choice[E]]:
    """The members of a Korean-labelled enum as options (``label`` names the label attribute)."""
    extra: dict[E, list[str]] = {}
    for alias, member in (aliases or {}).items():
        extra.setdefault(member, []).append(alias)
    return [Choice(m, str(getattr(m, label)), (str(m.value), m.name, *extra.get(m, ()))) for m in enum_cls]


def choices_line(options: Iterable[Choice[K]], *, numbered: bool = True) -> str:
    """The options as one line: '1. 관계 변화, 2. 중대한 결정, …'."""
    if numbered:
        return ", ".join(f"{i}. {o.label}" for i, o in enumerate(options, 1))
    return ", ".join(o.label for o in options)
