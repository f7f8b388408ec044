"""Masking a case text before it is shared in a study group (비밀보장).

Biestek's principle of confidentiality as the textbook applies it: give people around the
person only the minimum information agreed with the person beforehand. This module hides the
identifiers the workbook can find mechanically: 주민등록번호 (also 외국인등록번호, counted
with them), phone numbers, and names — found without being told them
(:mod:`casework.language.names`) and always the names the learner lists. It does not find
addresses, workplaces or rare details that identify someone; a person must still read the text
before it is shared.

Rules chosen by the workbook (not by the textbook):

* An RRN is six digits YYMMDD (month 01–12, day 01–31), then a hyphen (spaces on either side
  allowed), one space or nothing, then seven digits whose first is 1–8 (5–8: foreigners). It must stand alone: digits or a digit-hyphen chain
  right before or after it (as in an account number) leave it untouched. The whole number
  becomes ``******-*******`` (e.g. a synthetic YYMMDD-NNNNNNN number). A bare
  13-digit number of that shape cannot be told apart from an RRN, so it is masked as one.
* A phone number keeps its prefix (mobile 01x, area code 02/031…, 070, 050x, or +82 with the
  leading 0 dropped, or another country's code) and every other digit becomes ``*``; separators
  (-, ., /, ·, space, any dash) are kept, and so is an extension (내선 123): it names no one alone.
  Mobile numbers may be written without separators; landlines need them, because a run of
  9–10 digits starting with 0 is too often something else.
* A name keeps its first character (the family name) and the rest becomes ○, wherever it
  occurs, so particles after it (님, 씨가, 의 …) are kept; a surname alone (박씨) becomes ○.
  A listed name that is also an ordinary word will be masked in that word too: over-masking
  is the safe side. Names the rules are not sure of, and names only the statistical tagger
  finds (:mod:`casework.language.name_tagger`), are hidden too and listed in
  :attr:`MaskResult.unsure`. A name is a name throughout its note: a name the tagger finds is
  hidden again where the note names the person again (the same word, a full name's given name),
  as the rules do with theirs. Words that may still be names are left as they are and listed in
  :attr:`MaskResult.to_check`, for the worker to read: words the tagger thinks less surely are
  names, other mentions of a name hidden elsewhere in the note, and words standing where a name
  stands (before a title, an age in brackets, a calling, the friendly 이) that the tagger does not
  rule out (:func:`casework.language.name_tagger.suggested_names`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from casework._util.text import DASHES, josa, overlaps
from casework.errors import CaseworkError

__all__ = [
    "SHARING_PRINCIPLE",
    "RRN_MASK",
    "MaskResult",
    "Masked",
    "mask_rrn",
    "mask_phone",
    "mask_names",
    "mask_case_text",
]

SHARING_PRINCIPLE = (
    "비밀보장은 비에스텍이 말한 관계 원칙의 하나로, 당사자의 사생활 정보를 지키는 일입니다. "
    "교재는 당사자의 관계망에 있는 사람과 연락할 때에도 당사자와 미리 합의해 둔 최소한의 정보만 "
    "건네라고 합니다. 학습 동아리에서 사례를 나눌 때도 마찬가지입니다. 배우는 데 꼭 필요한 내용만 "
    "남기고, 이름·주민등록번호·전화번호처럼 누구인지 알아볼 수 있는 정보는 가린 다음에 나누세요. "
    "주소, 직장, 드문 사연처럼 자동으로 가려지지 않는 정보도 있으니, 나누기 전에 직접 한 번 더 "
    "읽어 보세요."
)

RRN_MASK = "******-*******"
NAME_MASK_CHAR = "○"

_COUNT_KEYS = ("주민등록번호", "전화번호", "이름")

# Not preceded by a digit or by "digit + separator"; not followed by the mirror image.
# This keeps parts of longer numbers (accounts, dates, amounts) out of the match.
_BEFORE = r"(?<![0-9])(?<![0-9][-./])"
_AFTER = r"(?![0-9])(?![-./][0-9])"

_RRN = re.compile(
    _BEFORE
    + r"[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])"
    + rf"(?:[ ]*[{DASHES}][ ]*|[ ]{{1,2}})?[1-8][0-9]{{6}}"
    + _AFTER
)

# 010-0000-0000, 010 0000 0000, 010 - 0000 - 0000, 010)0000-0000, 010ㅡ0000ㅡ0000, 010/0000/0000, 010·0000·0000
_SEP = rf"(?:[ ]?[{DASHES}./)·][ ]?|[ ])"
_REST_LOOSE = rf"{_SEP}?[0-9]{{3,4}}{_SEP}?[0-9]{{4}}"  # separators optional
_REST_STRICT = rf"{_SEP}[0-9]{{3,4}}{_SEP}[0-9]{{4}}"  # separators required
_PHONE_WORDS = ("연락처", "전화", "전화번호", "휴대폰", "휴대폰번호", "핸드폰", "핸드폰번호", "집전화", "자택", "사무실",
                "Tel", "TEL", "tel", "HP", "H.P", "T.", "☎", "📞")
_AFTER_PHONE_WORD = "(?:" + "|".join(
    f"(?<={re.escape(word + gap)})" for word in _PHONE_WORDS for gap in ("", " ", ": ", ":", ". ", ") ", ")")
) + ")"
# Country codes of the families the workbook's cases come from (and NANP +1); another code,
# or an unassigned one such as +83, is not read as a phone.
_FOREIGN_CODES = r"(?:1|7|33|44|49|61|63|66|81|84|86|95|234|855|856|880|976|977|992|996|998)"
_AREA = r"(?:02|0[3-6][1-5]|070|050[2-8])"  # Seoul, the other areas, internet phones, 050x safe numbers
_PHONE = re.compile(
    "(?:"
    # +82, then the number without its leading 0 (a stray 0, also as "(0)", is tolerated).
    rf"(?<![0-9])(?P<intl>\+[ ]?82[ ]?[-)]?[ ]?(?:\(0\)|0)?[ ]?(?:1[016789]|2|[3-6][1-5]|70|50[2-8]))(?P<intl_rest>{_REST_LOOSE})"
    # 82 written without its plus, then a separator: 82-10-0000-0000
    rf"|{_BEFORE}(?<!\+)(?P<nplus>82[ {DASHES}](?:1[016789]|2|[3-6][1-5]|70))(?P<nplus_rest>{_REST_STRICT})"
    # another country: +1 000-000-0000, +84 90 000 0000 (groups separated, 7 digits or more after the code)
    rf"|(?<![0-9])(?P<foreign>\+[ ]?{_FOREIGN_CODES})(?P<foreign_rest>(?:[ {DASHES}][0-9]{{2,4}}){{2,4}})"
    rf"|{_BEFORE}(?<!\+)(?P<mobile>01[016789])(?P<mobile_rest>{_REST_LOOSE})"
    rf"|{_BEFORE}(?<!\+)(?P<land>{_AREA})(?P<land_rest>{_REST_STRICT})"
    # an area or mobile code in brackets: (02)0000-0000, (031) 000-0000, (010) 0000-0000, (02)-000-0000
    rf"|(?<![0-9])(?P<paren>\((?:{_AREA}|01[016789])\))(?P<paren_rest>{_SEP}?[0-9]{{3,4}}{_SEP}?[0-9]{{4}})"
    # a landline without separators only after a word that says it is a phone number
    rf"|{_AFTER_PHONE_WORD}(?P<bare>{_AREA})(?P<bare_rest>[0-9]{{7,8}})"
    ")" + _AFTER
)

_DIGIT = re.compile(r"[0-9]")
# a mobile number spelled in Hangul digits, as a person reads it out (공일공-공공공공-공사일팔), a particle
# after it outside (…-이삼사칠이라, …-공사일이로만)
_HANGUL_DIGITS = "공영일이삼사오육륙칠팔구"  # 륙 as 오륙 is said
# A Seoul, area or internet-phone code read out too (공이, 공삼일, 공칠공), and 다시 read for a dash
# (공이 다시 공공공공 다시 칠칠일공).
_HANGUL_SEP = rf"(?:[ {DASHES}.]| ?다시 ?)"
_HANGUL_PHONE = re.compile(rf"(?<![가-힣])(?P<mobile>공일[공영일육칠팔구]|공이|공[삼사오육][일이삼사오]|공칠공)"
                           rf"(?:{_HANGUL_SEP}?[{_HANGUL_DIGITS}]{{3,4}}){_HANGUL_SEP}?[{_HANGUL_DIGITS}]{{4}}"
                           r"(?=(?:이라고|라고|이라|라|으로만|로만|으로|로|이에요|예요|이|가|은|는|을|를|에|도|만|과|와)?(?![가-힣]))")


@dataclass(frozen=True)
class Masked:
    """One hidden item: its kind (a key of :attr:`MaskResult.counts`), the original words and where they were."""

    kind: str
    original: str
    start: int
    end: int


@dataclass(frozen=True)
class MaskResult:
    """The masked text, how many items of each kind were hidden, what was hidden on a guess
    (``unsure``) and the words left visible that may still be names (``to_check``)."""

    text: str
    counts: dict[str, int]
    hidden: tuple[Masked, ...] = field(default=())
    unsure: tuple[str, ...] = field(default=())
    to_check: tuple[str, ...] = field(default=())

    @property
    def total(self) -> int:
        """All hidden items together."""
        return sum(self.counts.values())


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise CaseworkError(
            f"가릴 내용은 글자(str)여야 합니다. 받은 값의 종류: {type(text).__name__}. "
            "사례 내용을 따옴표로 감싼 문자열로 넣어 주세요."
        )
    return text


def _check_names(names: object) -> list[str]:
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise CaseworkError(
            "이름은 목록으로 주세요. 예: ['김영희', '박철수']. 이름 하나만 있어도 ['김영희']처럼 적습니다."
        )
    checked: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise CaseworkError(f"이름은 글자(str)여야 합니다. 받은 값: {name!r}")
        if not name.strip():
            raise CaseworkError("빈 이름이 들어 있습니다. 가릴 이름을 적거나 목록에서 빼 주세요.")
        if name != name.strip():
            raise CaseworkError(f"이름 {name!r}의 앞뒤에 빈칸이 있습니다. 빈칸을 지우고 적어 주세요.")
        if len(name) < 2:
            raise CaseworkError(
                f"이름 {josa(repr(name), '은')} 한 글자라서 가릴 부분이 없습니다. 성과 이름을 함께 적어 주세요."
            )
        checked.append(name)
    return checked


def _rrn_spans(text: str) -> list[Masked]:
    return [Masked("주민등록번호", m.group(0), m.start(), m.end()) for m in _RRN.finditer(text)]


def _phone_spans(text: str) -> list[Masked]:
    return [Masked("전화번호", m.group(0), m.start(), m.end())
            for pattern in (_PHONE, _HANGUL_PHONE) for m in pattern.finditer(text)]


def _masked_phone(number: str) -> str:
    """The prefix (010, 02, +82 10) stays readable; every other digit becomes *."""
    # a bare landline is found only after its label, which ``number`` no longer has
    spelled = _HANGUL_PHONE.fullmatch(number)
    if spelled:  # Hangul digits: the prefix stays, every other digit becomes *
        return spelled.group("mobile") + re.sub(f"[{_HANGUL_DIGITS}]", "*", number[spelled.end("mobile"):])
    m = _PHONE.search(number) or _PHONE.search(f"전화 {number}")
    assert m is not None  # called only with text that _PHONE found
    key = next(k for k in ("intl", "nplus", "foreign", "mobile", "land", "paren", "bare") if m.group(k) is not None)
    return m.group(key) + _DIGIT.sub("*", m.string[m.end(key):m.end()])


def _mask_one_name(name: str) -> str:
    return name[0] + "".join(c if c.isspace() or c in "-·" else NAME_MASK_CHAR for c in name[1:])


def _name_spans(text: str, names: list[str]) -> tuple[list[Masked], list[str]]:
    spans: list[Masked] = []
    # Longest first, so that "김영희" wins over a listed "김영" at the same place.
    for name in sorted(set(names), key=len, reverse=True):
        for m in re.finditer(re.escape(name), text):
            spans.append(Masked("이름", m.group(0), m.start(), m.end()))
    unsure: list[str] = []
    if any(ch.isalpha() for ch in text):
        from casework.language.name_tagger import tagged_names
        from casework.language.names import find_names

        by_rules = find_names(text)
        for found in by_rules + tagged_names(text, by_rules):
            if set(found.text) <= {NAME_MASK_CHAR, " "}:
                continue  # a name masked already (○씨): masking twice hides nothing more
            spans.append(Masked("이름", found.text, found.start, found.end))
            if not found.sure and found.text not in unsure:
                unsure.append(found.text)
    return spans, unsure


def _apply(text: str, spans: list[Masked]) -> tuple[str, list[Masked]]:
    """Replace the spans (earlier kinds win an overlap) and return the text and the spans kept."""
    kept: list[Masked] = []
    for span in spans:
        if not overlaps(span, kept):
            kept.append(span)
    kept.sort(key=lambda k: k.start)
    out, at = [], 0
    for span in kept:
        out.append(text[at:span.start])
        if span.kind == "주민등록번호":
            out.append(RRN_MASK)
        elif span.kind == "전화번호":
            out.append(_masked_phone(span.original))
        elif len(span.original) == 1:
            out.append(NAME_MASK_CHAR)
        else:
            out.append(_mask_one_name(text[span.start:span.end]))
        at = span.end
    out.append(text[at:])
    return "".join(out), kept


def mask_rrn(text: str) -> str:
    """Replace every 주민등록번호/외국인등록번호 with ``******-*******``."""
    text = _check_text(text)
    return _apply(text, _rrn_spans(text))[0]


def mask_phone(text: str) -> str:
    """Mask phone numbers, keeping the prefix: 010-0000-0000 → 010-****-**** (mask)."""
    text = _check_text(text)
    return _apply(text, _phone_spans(text))[0]


def mask_names(text: str, names: Iterable[str]) -> str:
    """Mask the listed names only: keep the first character, the rest becomes ○ (김영희 → 김○○)."""
    text = _check_text(text)
    checked = _check_names(names)
    spans = [Masked("이름", m.group(0), m.start(), m.end())
             for name in sorted(set(checked), key=len, reverse=True)
             for m in re.finditer(re.escape(name), text)]
    return _apply(text, spans)[0]


def mask_case_text(text: str, names: Iterable[str] | None = None) -> MaskResult:
    """Mask RRNs, phone numbers and names (found, and any listed); count what was hidden.

    Dates, amounts, ages, counts, 관리번호, 동 names and agency names are left as they are.
    ``names`` (optional) lists names that are always masked, found or not.
    """
    _check_text(text)
    checked = _check_names(() if names is None else names)
    found_names, unsure = _name_spans(text, checked)
    masked, kept = _apply(text, _rrn_spans(text) + _phone_spans(text) + found_names)
    counts = {key: sum(1 for k in kept if k.kind == key) for key in _COUNT_KEYS}
    from casework.language.name_tagger import suggested_names

    to_check = dict.fromkeys(word.text for word in suggested_names(text, [(k.start, k.end) for k in kept]))
    return MaskResult(masked, counts, tuple(kept), tuple(u for u in unsure if any(k.original == u for k in kept)),
                      tuple(to_check))
