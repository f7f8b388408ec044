"""Korean text helpers: particles chosen from the word, label matching, short quotes."""

from __future__ import annotations

import re

__all__ = ["final_consonant", "josa", "squash", "squash_label", "short_quote"]

# How a final digit or Latin letter is read aloud, as the index of its final consonant
# (0 = none, 8 = ㄹ, 16 = ㅁ, 4 = ㄴ …): 1 일, 3 삼, 6 육, 7 칠, 8 팔, 0 영, 10 십.
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 1, "7": 8, "8": 8, "9": 0}
_LATIN_FINAL = {"l": 8, "m": 16, "n": 4, "r": 8}  # 엘, 엠, 엔, 알; other letters end in a vowel
_TRAILING = "'\"’”)]」』》〉 .,!?…·"

_PAIRS = {
    "은": ("은", "는"), "는": ("은", "는"),
    "이": ("이", "가"), "가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"),
    "과": ("과", "와"), "와": ("과", "와"),
    "아": ("아", "야"), "야": ("아", "야"),
    "이다": ("이다", "다"), "입니다": ("입니다", "입니다"),
}


def final_consonant(word: str) -> int | None:
    """The final-consonant index of the sound ``word`` ends with (0 = none), or None if unknown.

    Closing quotes and brackets are skipped; a final digit or Latin letter is read aloud.
    """
    core = word.rstrip(_TRAILING)
    if not core:
        return None
    last = core[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    if last.isdigit():
        digits = re.search(r"[0-9]+$", core).group()  # type: ignore[union-attr]
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros == 0 or digits.strip("0") == "":
            return _DIGIT_FINAL[last]  # 일, 이, 삼 … or 영
        return {1: 17, 2: 1, 3: 4}.get(zeros, 4)  # 십, 백, 천, 만
    if last.isascii() and last.isalpha():
        word_end = re.search(r"[A-Za-z]+$", core).group()  # type: ignore[union-attr]
        if not word_end.isupper() and word_end.lower().endswith("ng"):
            return 21  # a word read aloud: 'hong' 홍, 'training' 트레이닝
        return _LATIN_FINAL.get(last.lower(), 0)
    if last in "○◯●*×":
        return 0
    return None


def josa(word: str, particle: str) -> str:
    """``word`` followed by the form of ``particle`` that fits its last sound.

    ``particle`` is either form of 은/는, 이/가, 을/를, 과/와, 아/야, or 으로/로. When the sound
    cannot be told (a symbol), the form for a word without a final consonant is used, never a
    bracketed "은(는)".

    >>> josa("욕구", "은"), josa("문제", "이"), josa("서울", "으로"), josa("K-ADL", "을"), josa("'hong'", "이")
    ('욕구는', '문제가', '서울로', 'K-ADL을', "'hong'이")
    """
    final = final_consonant(word)
    if particle in ("으로", "로"):
        return word + ("로" if final in (None, 0, 8) else "으로")
    with_final, without = _PAIRS[particle]
    return word + (with_final if final else without)


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
