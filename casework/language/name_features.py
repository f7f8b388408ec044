"""Per-character features for the statistical name tagger (:mod:`casework.language.name_tagger`).

Each character of a note gets a list of string features: the characters around it, where it
stands in its word, the analyser's token that contains it and the tokens around, and the words
before and after (a family or role word, a job title, a title). Labels are BIO per character (the
data's names are character spans; the analyser's tokens may split or join a name).

No feature value holds a digit of the note other than 0: the model file stores every value it was
trained with, so a neighbouring word (pw=주민번호000101-3000000) would carry a registration or phone
number into it. Words are shaped (every digit run becomes 0) and digit characters become 0
(tests/test_name_tagger.py reads the model file's strings). In cross-validation the shapes changed
one name in 2,705 (2,682 → 2,681 hidden at 0.8, kept items equal). For the same reason a
neighbouring word the analyser reads as a proper noun or foreign letters, or does not know, is
stored as ``<N>`` and its particle (pw=<N>과), not as the word: that is where a note's full names
were (pw=백승철); cross-validation was unchanged (2,681 at 0.8, 2,682 at 0.5). What stays: the
characters and character pairs of names (c-1c=서연 holds a two-syllable given name; a CRF over
characters needs them, and a pair names no one alone), and names the analyser knows as words
(pw=은별).

The rules' own verdict (sure/unsure) is no feature: in leave-one-annotator-out cross-validation
(tools/train_name_tagger.py) a model with it learned to repeat the rules, which are near perfect
on the notes they were tuned on, and added one name in 2,705; trained also on copies without it,
it did no better than without it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from casework.language import analyse
from casework.language.names import _after_role, _ends_with_job_title, _is_title, _words

__all__ = ["FEATURE_VERSION", "char_features", "bio_labels"]

FEATURE_VERSION = 4
"""Raise when the features change: the model must be retrained (tests/test_name_tagger.py)."""

_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+")
_EDGE = "([{<「『\"'“‘)]}>」』”’.,:;!?"


def _kind(ch: str) -> str:
    if "가" <= ch <= "힣":
        return "H"
    if ch.isascii() and ch.isalpha():
        return "U" if ch.isupper() else "L"
    if ch.isdigit():
        return "D"
    if ch.isspace():
        return "S"
    return "P"


def _char(text: str, i: int) -> str:
    """The character at ``i`` ("#" outside the text); a digit is "0", so the model keeps no digits of a note."""
    if not 0 <= i < len(text):
        return "#"
    return "0" if text[i].isdigit() else text[i]


def _shape(word: str) -> str:
    """A word as a feature value: every run of digits becomes one "0" (주민번호000101-3000000 → 주민번호0-0).

    The model file stores every feature value it saw, so a whole word from a note would carry its
    phone and registration numbers, dates and case numbers into the file."""
    return _DIGITS.sub("0", word)


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def char_features(text: str) -> list[list[str]]:
    """The features of every character of ``text``."""
    n = len(text)
    feats: list[list[str]] = [[] for _ in range(n)]
    for i in range(n):
        c, kinds = _char(text, i), "".join(_kind(_char(text, j)) for j in range(i - 2, i + 3))
        f = feats[i]
        f += [f"c={c}", f"c-1={_char(text, i - 1)}", f"c+1={_char(text, i + 1)}",
              f"c-2={_char(text, i - 2)}", f"c+2={_char(text, i + 2)}",
              f"c-1c={_char(text, i - 1)}{c}", f"cc+1={c}{_char(text, i + 1)}",
              f"c+1c+2={_char(text, i + 1)}{_char(text, i + 2)}", f"c-2c-1={_char(text, i - 2)}{_char(text, i - 1)}",
              f"k={kinds[2]}", f"kk={kinds}"]
    _add_word_features(text, feats)
    _add_token_features(text, feats)
    return feats


def _add_word_features(text: str, feats: list[list[str]]) -> None:
    words = [(m.start(), m.end(), m.group(0).strip(_EDGE)) for m in _WORD.finditer(text)]
    surnames = _words("surnames")
    tokens = analyse(text)
    starts = [t.start for t in tokens]
    values = [_shape(_word_value(w, tokens[bisect_left(starts, s):bisect_left(starts, e)])) for s, e, w in words]
    for k, (start, end, word) in enumerate(words):
        prev = words[k - 1][2] if k else "<s>"
        nxt = words[k + 1][2] if k + 1 < len(words) else "</s>"
        common = [f"wlen={_bucket(end - start, 6)}", f"pw={values[k - 1] if k else prev}",
                  f"nw2={values[k + 1][:2] if k + 1 < len(words) else nxt[:2]}"]
        if _after_role(prev):
            common.append("pw_role")
        if _ends_with_job_title(prev):
            common.append("pw_job")
        if _is_title(nxt):
            common.append("nw_title")
        if prev.endswith(("·", ",")) or text[max(0, start - 2):start].strip() in (",", "·"):
            common.append("pw_list")
        if word[:1] in surnames:
            common.append("w_surname")
        if prev[-1:] in ".!?" or k == 0:
            common.append("w_first")
        for i in range(start, end):
            feats[i] += [*common, f"wpos={_bucket(i - start, 4)}", f"wend={_bucket(end - 1 - i, 4)}"]


def _word_value(word: str, tokens) -> str:
    """A neighbouring word as a feature value: the word itself, but a word the analyser reads as a
    proper noun, foreign letters or does not know (a name, often) only as <N> and its particle."""
    if any(t.oov or t.tag in ("NNP", "SL", "SH") for t in tokens):
        tail = tokens[-1].form if tokens and tokens[-1].tag.startswith("J") else ""
        return "<N>" + tail
    return word


def _add_token_features(text: str, feats: list[list[str]]) -> None:
    tokens = analyse(text)
    for t, tok in enumerate(tokens):
        nxt = tokens[t + 1] if t + 1 < len(tokens) else None
        prev = tokens[t - 1] if t else None
        common = [f"tag={tok.tag}", f"ptag={prev.tag if prev else '<s>'}", f"ntag={nxt.tag if nxt else '</s>'}",
                  f"tlen={_bucket(tok.end - tok.start, 5)}"]
        if tok.oov:
            common.append("oov")
        elif tok.tag in ("NNG", "NNP"):
            common.append("dict")
        if nxt is not None and nxt.tag.startswith(("J", "E", "V", "X")):
            common.append(f"nform={nxt.form}/{nxt.tag}")
        if nxt is not None and nxt.start > tok.end:
            common.append("ngap")
        for i in range(tok.start, min(tok.end, len(text))):
            if any(x.startswith("tag=") for x in feats[i]):
                continue  # a character two tokens share keeps the first
            where = "S" if tok.end - tok.start == 1 else "B" if i == tok.start else "E" if i == tok.end - 1 else "I"
            feats[i] += [*common, f"tpos={where}"]


def bio_labels(length: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    """B at a name's first character, I inside it, O elsewhere."""
    labels = ["O"] * length
    for start, end in spans:
        labels[start] = "B"
        for i in range(start + 1, end):
            labels[i] = "I"
    return labels
