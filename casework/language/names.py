"""Finding people's names in a case note without being told them.

Rules (the workbook's; word lists in ``casework/data/language/masking_rules.yaml``):

* **sure**: a word shaped like a Korean name (a surname from ``surnames`` or
  ``compound_surnames`` and one to three more syllables) right before a title (``titles``:
  김영희 어르신, 박철수 씨), right after a family or role word (``roles``: 딸 이수진), or right
  before a bracket (장민혁(34세)); a surname alone before 씨 (박씨 할아버지); a foreign name in
  Hangul before a title, from a ``foreign_family_names`` word or from words the analyser reads
  as proper nouns or does not know (응우옌 티 란 씨, 마리아 산토스 씨); two to four capitalised
  Latin words (Nguyen Thi Lan, MARIA SANTOS); a name-shaped word after a found name in a list
  (기영철·김순옥); and every further occurrence of a found name.
* **unsure**: a Korean-name-shaped word that only the analyser reads as a proper noun, not
  ending like a place or agency (``place_suffixes``). It is hidden too and reported as unsure.

Words in ``not_names`` and single known words other than proper nouns (연락처, 하나) are never
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["NameSpan", "find_names", "masking_rules"]

_LISTS = frozenset({"titles", "roles", "surnames", "compound_surnames", "foreign_family_names",
                    "not_names", "place_suffixes"})


def masking_rules():
    """The validated rule table of name finding."""
    from casework.language.rules import load_rule_table

    return load_rule_table("masking_rules.yaml", _LISTS)


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text: where it is, and whether the rules are sure of it."""

    start: int
    end: int
    text: str
    sure: bool
    surname_only: bool = False


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(masking_rules()[name].cues)


_HANGUL_WORD = re.compile(r"[가-힣]+")
_LATIN_NAME = re.compile(
    r"(?<![A-Za-z])(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?)"
    r"(?:[ ](?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,}(?:-[A-Z]{2,})?)){1,3}(?![A-Za-z])"
)
_PARTICLES = ("께서는", "께서", "에게서", "에게", "한테", "으로", "이랑", "하고", "이가", "이는", "이를", "이와",
              "이의", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "랑", "로", "께")


def _surname_split(word: str) -> bool:
    """Is ``word`` shaped like a Korean name: a known surname and one to three more syllables?"""
    if word in _words("not_names"):
        return False
    if word[:2] in _words("compound_surnames") and 3 <= len(word) <= 4:
        return True
    return word[:1] in _words("surnames") and 2 <= len(word) <= 4


def _is_common_noun(word: str) -> bool:
    from casework.language import analyse

    tokens = analyse(word)
    if len(tokens) == 1:
        return tokens[0].tag != "NNP" and not tokens[0].oov
    # 주민+번호 is a compound of known nouns; 한복+순 (a one-syllable piece) is a name misread
    return all(t.tag == "NNG" and not t.oov and len(t.form) >= 2 for t in tokens)


def _strip_particle(word: str) -> str:
    for p in _PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            return word[: -len(p)]
    return word


def _is_title(word: str) -> bool:
    """Is ``word`` a title, possibly with a particle after it (씨, 씨와, 어르신께서)?"""
    head = _HANGUL_WORD.match(word)
    if not head:
        return False
    head_text = head.group(0)
    return any(head_text == t or (head_text.startswith(t) and head_text[len(t):] in _PARTICLES)
               for t in _words("titles"))


def find_names(text: str) -> list[NameSpan]:
    """Names in ``text`` in text order, never overlapping (see the module docstring)."""
    from casework.language import analyse

    found: list[NameSpan] = []

    def add(start: int, end: int, sure: bool, surname_only: bool = False) -> bool:
        if end <= start or any(s.start < end and start < s.end for s in found):
            return False
        found.append(NameSpan(start, end, text[start:end], sure, surname_only))
        return True

    roles = _words("roles")
    words = [(m.start(), m.end(), m.group(0)) for m in re.finditer(r"\S+", text)]
    before_title = [k + 1 < len(words) and _is_title(words[k + 1][2]) for k in range(len(words))]

    for m in _LATIN_NAME.finditer(text):
        add(m.start(), m.end(), True)
    for k in range(len(words)):  # foreign names in Hangul: 응우옌 티 란 씨, 마리아 산토스 씨
        if before_title[k]:
            foreign = _foreign_before(words, k)
            if foreign:
                add(foreign[0], foreign[1], True)

    for k, (start, _end, raw) in enumerate(words):
        hangul = _HANGUL_WORD.match(raw)
        if not hangul:
            continue
        head = hangul.group(0)
        if raw[hangul.end():hangul.end() + 1] == "○":
            continue  # already masked (김○○)
        # 박씨, 권씨 (a surname alone before 씨)
        if len(head) >= 2 and head[0] in _words("surnames") and head[1] == "씨" and head[2:] in ("", *_PARTICLES):
            add(start, start + 1, True, surname_only=True)
            continue
        # a title glued to the name: 김영희님, 정옥희님이
        glued = next((head[:i] for i in range(2, len(head))
                      if _is_title(head[i:]) and not head[i:].startswith(("군", "양"))), None)
        if glued and _surname_split(glued) and not _is_common_noun(glued):
            add(start, start + len(glued), True)
            continue
        prev = words[k - 1][2] if k > 0 else ""
        stem = head if before_title[k] else _strip_particle(head)
        after_role = prev.rstrip(":") in roles  # 딸 이수진; not 어르신이 경로당에
        bracket = raw[hangul.end():].startswith("(")
        listed = prev.endswith(("·", ",")) and any(s.end >= words[k - 1][1] - 2 for s in found)
        parts = [(start + p.start(), p.group(0)) for p in _HANGUL_WORD.finditer(raw)] if "·" in raw else []
        if (before_title[k] or after_role or bracket or listed) and _surname_split(stem) \
                and not _is_common_noun(stem):
            add(start, start + len(stem), True)
            for at, part in parts[1:]:  # 기영철·김순옥
                if _surname_split(part):
                    add(at, at + len(part), True)
            continue
        if before_title[k] and len(stem) >= 2 and stem not in _words("not_names") and not _is_common_noun(stem):
            if all(t.tag == "NNP" or t.oov for t in analyse(stem)):  # 에르덴 씨
                add(start, start + len(stem), True)

    # the analyser's proper nouns with a Korean name's shape: unsure
    for tok in analyse(text):
        if tok.tag != "NNP" or not _surname_split(tok.form) or len(tok.form) > 3 + (tok.form[:2] in _words("compound_surnames")):
            continue
        if any(tok.form.endswith(s) for s in _words("place_suffixes")):
            continue
        after = text[tok.end: tok.end + 1]
        if after.isdigit() or (after and _HANGUL_WORD.match(after) and not text[tok.end:].startswith(_PARTICLES)):
            continue  # part of a longer word (광진구청, 구의3동)
        add(tok.start, tok.end, False)

    # every other occurrence of a name found
    for span in list(found):
        if span.surname_only or len(span.text) < 2:
            continue
        for m in re.finditer(re.escape(span.text), text):
            add(m.start(), m.end(), span.sure)
    return sorted(found, key=lambda s: s.start)


def _foreign_before(words, k: int) -> tuple[int, int] | None:
    """The span of a multi-word foreign name ending with word ``k`` (a title follows it)."""
    from casework.language import analyse

    family = _words("foreign_family_names")
    chosen: list[int] = []
    for j in range(k, max(k - 3, -1), -1):
        raw = words[j][2]
        if not re.fullmatch(r"[가-힣]{1,4}", raw) or raw in _words("roles"):
            break
        chosen.append(j)
        if raw in family:
            return words[j][0], words[k][1]
    # without a known family name: every word a proper noun or unknown to the analyser
    names = []
    for j in chosen:
        raw = words[j][2]
        tokens = analyse(raw)
        if raw in _words("not_names") or not all(t.tag == "NNP" or t.oov for t in tokens):
            break
        names.append(j)
    if len(names) >= 2:
        return words[names[-1]][0], words[k][1]
    return None
