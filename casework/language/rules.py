"""Rule tables for the free-text judges: reviewable word lists and morpheme patterns in YAML.

Each judge (goals, questions, needs, masking) reads one file in ``casework/data/language/``.
A file is a set of named cue lists; the judge's code says how the lists combine (for example
"a vague concept counts only when no scale measures it"), and each list says in Korean what it
looks for, with example sentences that must match and must not match (the tests check them).

A cue is one of two things:

* **a word**, written as it is (``삶의 질``, ``평생``): found where a morpheme starts, spaces
  ignored, so ``삶의질`` matches too (a verb is better written as a pattern, ``싸우/VV``,
  because its ending can merge with the stem: 싸운다);
* **a morpheme pattern**, morphemes ``형태/품사`` separated by spaces (``왜/MAG … 었/EP``):

  - ``잖아요|잖아/EF``: any of these forms with this tag;
  - ``/EF``: any form with this tag; ``하`` without a tag: any tag; ``V*``: a tag prefix;
    ``OO*/SL``: a form prefix (a Latin token starting with OO: OOkg); ``*돌보미/NNG``: a form
    suffix (a noun ending in 돌보미: 아이돌보미);
  - ``…``: any number of morphemes in between (within one sentence).

Loading validates every file (unknown keys, empty lists, malformed patterns, missing lists)
and reports problems in Korean with the file and line, like the other content files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel, ConfigDict, Field, StrictStr, field_validator, model_validator

from casework.language import Token

__all__ = ["RULES_DIR", "Hit", "Cue", "CueList", "RuleTable", "load_rule_table", "find_all"]

RULES_DIR = Path(__file__).resolve().parent.parent / "data" / "language"

GAP = "…"
_ITEM = re.compile(r"^(?P<form>[^/\s]*)(?:/(?P<tag>[A-Z*|]+))?$")


@dataclass(frozen=True)
class Hit:
    """Where a cue matched: the words as written in the text and their position."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class _Item:
    forms: frozenset[str] | None
    tags: tuple[str, ...] | None
    prefixes: tuple[str, ...] = ()  # from forms written 'OO*'
    suffixes: tuple[str, ...] = ()  # from forms written '*돌보미'

    def accepts(self, token: Token) -> bool:
        if self.forms is not None and token.form not in self.forms and not (
                self.prefixes and token.form.startswith(self.prefixes)) and not (
                self.suffixes and token.form.endswith(self.suffixes)):
            return False
        if self.tags is None:
            return True
        return any(token.tag.startswith(t[:-1]) if t.endswith("*") else token.tag == t
                   for t in self.tags)


class Cue:
    """One word or morpheme pattern of a rule table (see the module docstring)."""

    def __init__(self, source: str) -> None:
        self.source = " ".join(source.split())
        self.is_pattern = "/" in self.source or GAP in self.source
        self.items: tuple[_Item | None, ...] = ()
        self.word = ""
        if self.is_pattern:
            self.items = tuple(self._parse(part) for part in self.source.split(" "))
            if self.items[0] is None or self.items[-1] is None:
                raise ValueError(f"'{GAP}'는 두 형태소 사이에만 쓸 수 있습니다: '{self.source}'")
        else:
            self.word = "".join(self.source.split())
            if not self.word:
                raise ValueError("빈 낱말은 찾을 수 없습니다.")

    def _parse(self, part: str) -> _Item | None:
        if part == GAP:
            return None
        m = _ITEM.match(part)
        if not m or (not m.group("form") and not m.group("tag")):
            raise ValueError(
                f"형태소 '{part}'를 읽을 수 없습니다. '형태/품사'(예: 왜/MAG), '/품사', '형태', "
                f"'{GAP}' 가운데 하나로 적으세요: '{self.source}'"
            )
        forms = frozenset(m.group("form").split("|")) if m.group("form") else None
        tags = tuple(t for t in m.group("tag").split("|") if t) if m.group("tag") else None
        prefixes = tuple(f[:-1] for f in forms or () if f.endswith("*") and len(f) > 1)
        suffixes = tuple(f[1:] for f in forms or () if f.startswith("*") and len(f) > 1)
        return _Item(forms, tags, prefixes, suffixes)

    def find(self, text: str, tokens: tuple[Token, ...]) -> list[Hit]:
        """Every place this cue matches in ``text`` (analysed as ``tokens``)."""
        prepared = _prepare(text, tokens)
        if not self.is_pattern:
            hits = _find_word(self.word, text, prepared)
            if tokens:  # a word starts where a morpheme starts: not '로또' in '으로 또래'
                hits = [h for h in hits if h.start in prepared.starts]
            return hits
        hits = []
        for i in prepared.candidates(self.items[0]):
            end = self._match(tokens, i, 0)
            if end is not None:
                start, stop = tokens[i].start, tokens[end - 1].end
                hits.append(Hit(text[start:stop], start, stop))
        return hits

    def _match(self, tokens: tuple[Token, ...], i: int, k: int) -> int | None:
        if k == len(self.items):
            return i
        item = self.items[k]
        if item is None:  # gap: any tokens, but not across a sentence end
            for j in range(i, len(tokens) + 1):
                end = self._match(tokens, j, k + 1)
                if end is not None:
                    return end
                if j < len(tokens) and tokens[j].tag == "SF":
                    return None
            return None
        if i < len(tokens) and item.accepts(tokens[i]):
            return self._match(tokens, i + 1, k + 1)
        return None

    def __repr__(self) -> str:
        return f"Cue({self.source!r})"


@dataclass(frozen=True)
class _Prepared:
    """What every cue needs of one analysed text, computed once for all of a table's cues."""

    flat: str  # the text without spaces
    where: tuple[int, ...]  # the position in the text of each character of ``flat``
    starts: frozenset[int]  # where morphemes start
    by_form: dict[str, list[int]]  # token indices by form
    size: int

    def candidates(self, first: _Item | None) -> list[int] | range:
        """Token indices where a pattern starting with ``first`` can match."""
        if first is None or first.forms is None or first.prefixes or first.suffixes:
            return range(self.size)
        return sorted(i for form in first.forms for i in self.by_form.get(form, ()))


_LAST: list[tuple[str, tuple[Token, ...], _Prepared]] = []


def _prepare(text: str, tokens: tuple[Token, ...]) -> _Prepared:
    # the judges ask one text with one token tuple for dozens of lists in a row: keep the last
    if _LAST:
        last_text, last_tokens, prepared = _LAST[-1]
        if last_tokens is tokens and last_text == text:
            return prepared
    where = tuple(i for i, ch in enumerate(text) if not ch.isspace())
    by_form: dict[str, list[int]] = {}
    for i, t in enumerate(tokens):
        by_form.setdefault(t.form, []).append(i)
    prepared = _Prepared("".join(text[i] for i in where), where, frozenset(t.start for t in tokens),
                         by_form, len(tokens))
    _LAST[:] = [(text, tokens, prepared)]
    return prepared


def _find_word(word: str, text: str, prepared: _Prepared) -> list[Hit]:
    flat, where = prepared.flat, prepared.where
    hits, at = [], flat.find(word)
    while at >= 0:
        start, end = where[at], where[at + len(word) - 1] + 1
        hits.append(Hit(text[start:end], start, end))
        at = flat.find(word, at + len(word))
    return hits


def find_all(cues: list[Cue], text: str, tokens: tuple[Token, ...]) -> list[Hit]:
    """Hits of several cues, in text order, overlapping hits merged into the longest."""
    screen = _word_screen(tuple(c.word for c in cues if not c.is_pattern))
    if screen is not None and not screen.search(_prepare(text, tokens).flat):
        cues = [c for c in cues if c.is_pattern]  # none of the words occurs: skip them one by one
    hits = sorted((h for c in cues for h in c.find(text, tokens)), key=lambda h: (h.start, -h.end))
    merged: list[Hit] = []
    for h in hits:
        if merged and h.start < merged[-1].end:
            if h.end > merged[-1].end:
                last = merged.pop()
                merged.append(Hit(text[last.start:h.end], last.start, h.end))
            continue
        merged.append(h)
    return merged


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class CueList(_Strict):
    """A named list of cues with what it means and examples that pin it down."""

    explain: StrictStr = Field(min_length=1, description="이 목록이 무엇을 찾는지 (한국어)")
    label: StrictStr = Field("", description="화면에 보일 짧은 이름 (있으면), 예: 건강")
    cues: list[StrictStr] = Field(min_length=1, description="낱말 또는 형태소 패턴")
    examples: list[StrictStr] = Field(default_factory=list, description="찾아야 하는 예")
    counter_examples: list[StrictStr] = Field(default_factory=list, description="찾지 말아야 하는 예")

    @field_validator("cues")
    @classmethod
    def _parse_cues(cls, cues: list[str]) -> list[str]:
        for source in cues:
            Cue(source)  # raises ValueError with a Korean message
        if len(set(cues)) != len(cues):
            doubled = sorted({c for c in cues if cues.count(c) > 1})
            raise ValueError(f"같은 항목이 두 번 있습니다: {', '.join(doubled)}")
        return cues

    @property
    def parsed(self) -> list[Cue]:
        return _parsed(tuple(self.cues))

    def find(self, text: str, tokens: tuple[Token, ...]) -> list[Hit]:
        """Hits of this list's cues in ``text``."""
        return find_all(self.parsed, text, tokens)


@cache
def _parsed(cues: tuple[str, ...]) -> list[Cue]:
    return [Cue(c) for c in cues]


@lru_cache(maxsize=1024)
def _word_screen(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern that finds whether any of ``words`` occurs at all (None: no words)."""
    return re.compile("|".join(map(re.escape, words))) if words else None


class RuleTable(_Strict):
    """One judge's rule file: a title and its named cue lists."""

    required: ClassVar[frozenset[str]] = frozenset()
    title: StrictStr
    lists: dict[StrictStr, CueList]

    @model_validator(mode="after")
    def _has_required_lists(self) -> RuleTable:
        missing = sorted(self.required - set(self.lists))
        if missing:
            raise ValueError(f"lists에 다음 목록이 있어야 합니다: {', '.join(missing)}")
        return self

    def __getitem__(self, name: str) -> CueList:
        return self.lists[name]


def rule_table_model(names: set[str] | frozenset[str], title: str) -> type[RuleTable]:
    """A RuleTable model that requires the given list names."""
    return type(f"RuleTable_{title}", (RuleTable,), {"required": frozenset(names), "__module__": __name__})


@cache
def load_rule_table(file_name: str, names: frozenset[str]) -> RuleTable:
    """Read and validate ``casework/data/language/<file_name>`` once per process."""
    from casework.datafiles import load_yaml_model

    return load_yaml_model(RULES_DIR / file_name, rule_table_model(names, Path(file_name).stem))
