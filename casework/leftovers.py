"""What in a masked case text may still identify someone (chapter 10).

:func:`casework.privacy.mask_case_text` masks resident numbers, phone numbers and the names it
is given. :func:`find_leftovers` looks through a text for what that masking does not touch but
that often identifies a person: long runs of digits (account numbers, landlines without
separators), birth dates, street addresses and apartment units, e-mail addresses, and names
(found by :func:`casework.language.names.find_names`, the same finder masking uses).

These checks are the workbook's teaching heuristics, not rules from the sources: they will miss
some things and flag some harmless ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casework.errors import CaseworkError
from casework.language.names import find_names

__all__ = ["Leftover", "find_leftovers"]


@dataclass(frozen=True)
class Leftover:
    """Something in the masked text that still looks like personal data."""

    kind: str
    text: str
    advice: str


_DATE = re.compile(r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}$")
_LONG_DIGITS = re.compile(r"(?<![0-9*])[0-9](?:[0-9]|[- ](?=[0-9])){6,}(?![0-9])")
_BIRTH = re.compile(
    r"(?:생년월일|출생일?|생일)\s*[:：]?\s*\d{2,4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}일?"
    r"|\d{2,4}년\s*\d{1,2}월\s*\d{1,2}일\s*생"
)
_ADDRESS = re.compile(
    r"[가-힣0-9]+(?:로|길)\s?\d+(?:-\d+)?(?:번길\s?\d+)?"
    r"(?![0-9])(?!\s?(?:명|개|회|건|세|살|원|만|천|년|월|일|시|분|주|번째|차례|가지|층))"
    r"|\d+동\s?\d+호"
    r"|[가-힣]+(?:동|리)\s\d+-\d+"
    r"|\d+번지"
    r"|[가-힣]{2,}아파트"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A number followed by one of these is an amount or a count, not an identifier.
_UNIT_AFTER = "원만명개회건세"
def find_leftovers(text: str) -> tuple[Leftover, ...]:
    """What in ``text`` still looks like personal data, in the order it appears."""
    if not isinstance(text, str):
        raise CaseworkError(f"살펴볼 내용은 글자(str)여야 합니다. 받은 값의 종류: {type(text).__name__}")
    found: list[tuple[int, Leftover]] = []
    taken: list[range] = []

    def add(start: int, end: int, kind: str, advice: str) -> None:
        if any(start < r.stop and r.start < end for r in taken):
            return
        taken.append(range(start, end))
        found.append((start, Leftover(kind, text[start:end].strip(), advice)))

    for m in _BIRTH.finditer(text):
        add(m.start(), m.end(), "생년월일", "생년월일은 나이(78세)나 연령대 정도로 바꾸세요.")
    for m in _EMAIL.finditer(text):
        add(m.start(), m.end(), "전자우편", "전자우편 주소는 지우세요.")
    for m in _LONG_DIGITS.finditer(text):
        if _DATE.match(m.group(0)) or text[m.end():].lstrip()[:1] in tuple(_UNIT_AFTER):
            continue
        add(m.start(), m.end(), "긴 숫자", "계좌번호나 전화번호일 수 있습니다. 지우거나 '통장'처럼 말로만 적으세요.")
    for m in _ADDRESS.finditer(text):
        add(m.start(), m.end(), "주소", "도로명·번지·호수는 지우고, 필요하면 '○○동' 정도만 남기세요.")
    for name in find_names(text):
        if name.sure and not name.surname_only:  # 박씨 alone rarely identifies anyone
            add(name.start, name.end, "이름", "이름으로 보입니다. 가릴 이름 칸에 넣거나 '이웃 주민'처럼 바꾸세요.")
    return tuple(item for _, item in sorted(found, key=lambda pair: pair[0]))
