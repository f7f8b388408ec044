"""Korean language analysis behind the free-text judges (goals, questions, needs, masking).

(Particles in feedback are chosen by :func:`casework._util.text.josa`, which needs no analyser.)

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
    "kiwi_is_loaded",
    "load_kiwi",
    "load_seconds",
]

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
    return value if isinstance(value, float) else None


@lru_cache(maxsize=4096)
def analyse(text: str) -> tuple[Token, ...]:
    """The morphemes of ``text`` (loads the analyser on the first call)."""
    kiwi = load_kiwi()
    return tuple(
        Token(t.form.translate(_JAMO), t.tag.split("-")[0], t.start, t.end, bool(t.oov))
        for t in kiwi.tokenize(text)
    )
