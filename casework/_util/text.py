"""Korean text helpers: particles chosen from the word, label matching, short quotes."""

from __future__ import annotations

import re
import string

__all__ = ["final_consonant", "particle", "josa", "squash", "squash_label", "short_quote", "markdown_escape",
           "overlaps", "DASHES"]

DASHES = "-–—‐－ㅡ"
"""Dashes people type in a number: hyphen, en and em dash, the Unicode and full-width hyphens, and
the Hangul vowel ㅡ that a phone keyboard offers where the hyphen is hard to reach."""

# How a final digit is read aloud, as the index of its final consonant (0 = none): 1 일, 3 삼,
# 6 육, 7 칠, 8 팔, 0 영; a run ending in zeros is read 십, 백, 천, 만.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_ACRONYM_FINAL = {"L": 8, "M": 16, "N": 4, "R": 8}  # 엘, 엠, 엔, 알; other letter names end in a vowel
_WORD_FINAL = {"l": 8, "m": 16, "n": 4}  # a word read aloud: '-l' ㄹ, '-m' ㅁ, '-n' ㄴ ('-ng' below)
_CLOSERS = "'\"’”)]}」』》〉> .,!?…·"

_PAIRS = {
    "은": ("은", "는"), "는": ("은", "는"), "은/는": ("은", "는"),
    "이": ("이", "가"), "가": ("이", "가"), "이/가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"), "을/를": ("을", "를"),
    "과": ("과", "와"), "와": ("과", "와"), "과/와": ("과", "와"),
    "아": ("아", "야"), "야": ("아", "야"),
    "이다": ("이다", "다"), "이에요": ("이에요", "예요"), "예요": ("이에요", "예요"),
    "이라고": ("이라고", "라고"), "라고": ("이라고", "라고"), "입니다": ("입니다", "입니다"),
}
_TO = ("으로", "로", "(으)로")


def final_consonant(word: str) -> int | None:
    """The final-consonant index of the sound ``word`` ends with (0 = none), or None if unknown.

    Closing quotes and brackets are skipped, and so is a trailing parenthetical (a particle after
    '기간(3개월 안에)' follows 기간); a final number or Latin word is read aloud.
    """
    core = word.rstrip()
    while core.endswith(")") and "(" in core and not core.startswith("("):
        core = core[:core.rindex("(")].rstrip()
    core = core.rstrip(_CLOSERS)
    if not core:
        return None
    last = core[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last in _DIGIT_FINAL:  # ASCII digits only: '①' or a full-width '３' is not read aloud
        digits = core[len(core.rstrip("0123456789")):]
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros == 0 or digits.strip("0") == "":
            return _DIGIT_FINAL[last]
        return {1: 17, 2: 1, 3: 4}.get(zeros, 4)
    if last.isascii() and last.isalpha():
        tail = core[len(core.rstrip(string.ascii_letters)):]
        if tail.isupper():
            return _ACRONYM_FINAL.get(last, 0)
        if tail.lower().endswith("ng"):
            return 21
        return _WORD_FINAL.get(last.lower(), 0)
    return None


def particle(word: str, pair: str) -> str:
    """The form of a particle that fits after ``word``: ``particle("욕구", "을")`` → ``"를"``.

    ``pair`` is either form of 은/는, 이/가, 을/를, 과/와, 아/야, 이다, 이에요/예요, 이라고/라고, or
    (으)로. (으)로 takes 로 after ㄹ. When the last sound cannot be told (a symbol), the form for
    a final consonant is used.
    """
    final = final_consonant(word)
    if pair in _TO:
        return "로" if final in (0, 8) else "으로"
    if pair not in _PAIRS:
        raise ValueError(f"unknown particle pair: {pair!r}")
    with_final, without = _PAIRS[pair]
    return with_final if final is None or final else without


def josa(word: str, pair: str) -> str:
    """``word`` followed by the particle that fits its last sound; never a bracketed "은(는)".

    >>> josa("욕구", "은"), josa("문제", "이"), josa("서울", "으로"), josa("K-ADL", "을"), josa("'hong'", "이")
    ('욕구는', '문제가', '서울로', 'K-ADL을', "'hong'이")
    """
    return word + particle(word, pair)


def squash(text: str) -> str:
    """Lower-case text without any whitespace (for comparing what a learner typed)."""
    return "".join(text.split()).lower()


def squash_label(text: str) -> str:
    """Like :func:`squash`, also ignoring middle dots and slashes ("자원·정보" = "자원정보")."""
    return re.sub(r"[\s·ㆍ/・]", "", text).lower()


def short_quote(text: str, limit: int = 40) -> str:
    """``text`` in single quotes, shortened at a word boundary with '…' when longer than ``limit``."""
    text = " ".join(str(text).split())
    if len(text) > limit:
        cut = text[:limit]
        space = cut.rfind(" ")
        if space >= limit // 2:
            cut = cut[:space]
        text = cut.rstrip(" ,.·") + "…"
    return f"'{text}'"


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    """``text`` as literal markdown: marks escaped, a range ``4~5`` written ``4–5``.

    JupyterLab's renderer strikes out text between single tildes, so a range keeps an en dash
    and any other tilde is escaped; a line break becomes ``<br>`` (safe inside a table cell).
    """
    text = _MD_SPECIAL.sub(r"\\\1", str(text))
    text = re.sub(r"(?<=\d)\s*~\s*(?=\d)", "–", text).replace("~", "\\~")
    return "<br>".join(line.strip() for line in text.splitlines()) if "\n" in text else text


def overlaps(hit, spans) -> bool:
    """Does ``hit`` share a character with any of ``spans`` (anything with ``start`` and ``end``)?"""
    return any(s.start < hit.end and hit.start < s.end for s in spans)
