"""Korean language analysis behind the free-text judges (goals, questions, needs, masking).

Two layers, both importable without cost:

* :func:`josa` picks a particle from the word before it (은/는, 이/가, 을/를, 와/과, (으)로),
  so feedback never shows ``은(는)``. It needs no analyser.
* :func:`analyse` splits a text into morphemes with kiwipiepy (Apache-2.0) and its model
  package. The analyser is loaded once per process, on the first call, with the typo and
  multi-word dictionaries off (they cost about 190 MB and the judges do not need them), and
  with the workbook's small user dictionary (``casework/data/language/user_dictionary.yaml``)
  for known mis-tags such as 드세요. Importing this package never loads it.

Tags are Kiwi's Sejong-style tags (NNG noun, NNP proper noun, NP pronoun, VV verb, VA
adjective, VX auxiliary, EP pre-final ending, EF final ending, EC connective ending, ETM
adnominal ending, JKS subject particle, JX topic particle, ...). Irregular-verb suffixes
(``VA-I``) are dropped and the conjoining jamo Kiwi uses for endings (``ᆫ다``) are written as
the ordinary letters (``ㄴ다``), so rule tables stay readable.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Token",
    "analyse",
    "josa",
    "with_josa",
    "kiwi_is_loaded",
    "load_kiwi",
    "load_seconds",
]

# --------------------------------------------------------------------------- particles

_PAIRS = {
    "은": ("은", "는"), "는": ("은", "는"), "은/는": ("은", "는"),
    "이": ("이", "가"), "가": ("이", "가"), "이/가": ("이", "가"),
    "을": ("을", "를"), "를": ("을", "를"), "을/를": ("을", "를"),
    "과": ("과", "와"), "와": ("과", "와"), "과/와": ("과", "와"),
    "으로": ("으로", "로"), "로": ("으로", "로"), "(으)로": ("으로", "로"),
    "이다": ("이다", "다"), "이에요": ("이에요", "예요"), "예요": ("이에요", "예요"),
    "아": ("아", "야"), "야": ("아", "야"), "이라고": ("이라고", "라고"), "라고": ("이라고", "라고"),
}
# How the last character of a word is read when it is not Hangul: digits and Latin letters
# as they are said in Korean (3 → 삼, has a final consonant; 2 → 이, has none).
_DIGIT_FINAL = {"0": "ㅇ", "1": "ㄹ", "2": "", "3": "ㅁ", "4": "", "5": "", "6": "ㄱ",
                "7": "ㄹ", "8": "ㄹ", "9": ""}
_LATIN_FINAL = {"l": "ㄹ", "m": "ㅁ", "n": "ㄴ", "r": "", "b": "", "c": "", "d": "", "g": "",
                "k": "", "p": "", "t": ""}
_CLOSERS = "'\"’”)]}」』>》 .,!?…·"


def _final_consonant(word: str) -> str | None:
    """The final consonant of the word's last readable character ('' for none; None if unknown).

    A particle after a parenthetical follows the word before it: 기간(3개월 안에)과.
    """
    word = word.rstrip()
    while word.endswith(")") and "(" in word:
        word = word[:word.rindex("(")].rstrip()
    for ch in reversed(word.rstrip(_CLOSERS) or word):
        code = ord(ch) - 0xAC00
        if 0 <= code < 11172:
            jong = code % 28
            return "" if jong == 0 else "ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"[jong - 1]
        if ch.isdigit():
            return _DIGIT_FINAL.get(ch, "")
        if ch.isascii() and ch.isalpha():
            return _LATIN_FINAL.get(ch.lower(), "")
        if ch in _CLOSERS:
            continue
        return None
    return None


def josa(word: str, particle: str) -> str:
    """The particle that fits after ``word``: ``josa('복지급여 신청', '을')`` → ``'을'``.

    ``particle`` is either form of a pair (은/는, 이/가, 을/를, 과/와, 으로/로, 이에요/예요 …).
    (으)로 takes 로 after a final ㄹ. When the last character cannot be read, the form for a
    final consonant is used.
    """
    if particle not in _PAIRS:
        raise ValueError(f"unknown particle pair: {particle!r}")
    with_final, without_final = _PAIRS[particle]
    final = _final_consonant(word)
    if final is None:
        return with_final
    if with_final == "으로":
        return "로" if final in ("", "ㄹ") else "으로"
    return with_final if final else without_final


def with_josa(word: str, particle: str) -> str:
    """``word`` followed by the fitting particle: ``with_josa("'욕구'", '이')`` → ``"'욕구'가"``."""
    return f"{word}{josa(word, particle)}"


# --------------------------------------------------------------------------- analysis


@dataclass(frozen=True)
class Token:
    """One morpheme: its form, tag and where it stands in the analysed text."""

    form: str
    tag: str
    start: int
    end: int
    oov: bool = False

    def __str__(self) -> str:
        return f"{self.form}/{self.tag}"


_LOCK = threading.Lock()
_STATE: dict[str, object] = {}

# Kiwi writes the consonant of an ending as a conjoining jamo (ᆫ다); rules use the letter (ㄴ다).
_JAMO = str.maketrans({"\u11a8": "ㄱ", "\u11ab": "ㄴ", "\u11af": "ㄹ", "\u11b7": "ㅁ",
                       "\u11b8": "ㅂ", "\u11ba": "ㅅ", "\u11bb": "ㅆ", "\u11bc": "ㅇ"})


def load_kiwi():
    """The process's one Kiwi analyser, loaded on first use with the workbook's settings."""
    kiwi = _STATE.get("kiwi")
    if kiwi is not None:
        return kiwi
    with _LOCK:
        if "kiwi" not in _STATE:
            started = time.perf_counter()
            from kiwipiepy import Kiwi

            from casework.language.userdict import apply_user_dictionary

            kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
            apply_user_dictionary(kiwi)
            kiwi.tokenize("")  # Kiwi finishes loading on its first analysis
            _STATE["seconds"] = time.perf_counter() - started
            _STATE["kiwi"] = kiwi
    return _STATE["kiwi"]


def kiwi_is_loaded() -> bool:
    """Has this process loaded the analyser yet?"""
    return "kiwi" in _STATE


def load_seconds() -> float | None:
    """How long loading the analyser took in this process (None before it was loaded)."""
    value = _STATE.get("seconds")
    return float(value) if value is not None else None


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Token, ...]:
    """The morphemes of ``text`` (loads the analyser on the first call)."""
    kiwi = load_kiwi()
    return tuple(
        Token(t.form.translate(_JAMO), t.tag.split("-")[0], t.start, t.end, bool(t.oov))
        for t in kiwi.tokenize(text)
    )
