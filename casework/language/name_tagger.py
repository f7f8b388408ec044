"""A statistical name tagger beside the masking rules: a linear-chain CRF (python-crfsuite).

The model labels every character of a note B/I/O for names (features:
:mod:`casework.language.name_features`). It was trained on the
development notes (``benchmarks/data/language/masking.txt``) by ``tools/train_name_tagger.py``,
which also chose the threshold by leave-one-annotator-out cross-validation; the model file and a
small JSON beside it (training data hash, feature version, threshold, date) live in
``casework/data/language/``. The model is loaded once per process, on first use.

:func:`tagged_names` adds the tagger's names the rules missed: runs of characters whose
probability of being a name is at least the threshold, that are a whole word (a particle, a
title or a bracket may follow), do not overlap a rule's name, and are no word the rules keep
(``not_names``, person words, countries, counts, a place or agency ending, a digit, a thing as a
subject, a word the analyser knows with its 이 …), and their other mentions in the note (the same
word again; a Korean full name's given name, where a name that is also a word names the person),
which pass the same vetoes. They are all unsure: hidden, and listed for the worker to check.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from casework.language import analyse
from casework.language.name_features import FEATURE_VERSION, bio_labels, char_features
from casework.language.names import (
    _AGE_BRACKET,
    _BLANK_GIVEN,
    _HANGUL_WORD,
    _NOT_SPACED_SYLLABLES,
    _PARTICLES,
    _WORD,
    NameSpan,
    _called_by_name,
    _ends_with_job_title,
    _is_common_noun,
    _is_count,
    _is_person_word,
    _is_title,
    _kept_word_at,
    _sentence_topic,
    _ssi_of_person,
    _strip_particle,
    _surname_split,
    _thing_subject,
    _without_household,
    _word_at,
    _words,
    coordinated_names,
)
from casework.language.rules import RULES_DIR

__all__ = ["MODEL", "META", "SUGGEST_THRESHOLD", "EVIDENCE_THRESHOLD", "words_to_check", "tagged_names", "suggested_names", "name_probabilities",
           "train_model", "training_hash", "model_in_use"]

MODEL = RULES_DIR / "name_tagger.crfsuite"
META = RULES_DIR / "name_tagger.json"
_ROOT = Path(__file__).resolve().parents[2]
TRAINING_FILES = (
    _ROOT / "benchmarks" / "data" / "language" / "masking.txt",
    RULES_DIR / "masking_rules.yaml",
    Path(__file__).with_name("names.py"),  # the features read its role, title and job-title tests
)
"""What the model depends on besides the features' code: a change to any of them needs retraining."""

_LOCK = threading.Lock()
_STATE: dict[str, Any] = {}
_LATIN = re.compile(r"[A-Za-z]")
_HANGUL = re.compile(r"[가-힣]")
_EDGE = " \t\n.,:;!?·()[]{}<>'\"‘’“”「」『』-/"


def training_hash(files: Sequence[Path] = TRAINING_FILES) -> str:
    """sha256 over the training files' bytes and the feature version."""
    h = hashlib.sha256(f"features {FEATURE_VERSION}\n".encode())
    for path in files:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def _loaded() -> tuple[Any, float]:
    """The process's tagger and threshold (loaded on first use, or the ones :func:`model_in_use` set)."""
    if "tagger" not in _STATE:
        with _LOCK:
            if "tagger" not in _STATE:
                import pycrfsuite

                tagger = pycrfsuite.Tagger()
                tagger.open(str(MODEL))
                _STATE["threshold"] = float(json.loads(META.read_text(encoding="utf-8"))["threshold"])
                _STATE["tagger"] = tagger
    return _STATE["tagger"], float(_STATE["threshold"])


@contextmanager
def model_in_use(path: Path, threshold: float) -> Iterator[None]:
    """Use another model file and threshold inside the block (cross-validation)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    saved = dict(_STATE)
    _STATE.update(tagger=tagger, threshold=threshold)
    name_probabilities.cache_clear()
    try:
        yield
    finally:
        tagger.close()
        _STATE.clear()
        _STATE.update(saved)
        name_probabilities.cache_clear()


@functools.lru_cache(maxsize=32)
def name_probabilities(text: str) -> tuple[float, ...]:
    """For each character of ``text``, the model's marginal probability that it is part of a name.

    Cached: masking asks once for the names to hide and once for the words to check."""
    if not text:
        return ()
    tagger, _ = _loaded()
    features = char_features(text)
    with _LOCK:  # the tagger holds one sequence at a time
        tagger.set(features)
        labels = set(tagger.labels())
        return tuple(sum(tagger.marginal(y, i) for y in ("B", "I") if y in labels) for i in range(len(text)))


def _kept_word(text: str, start: int, end: int, *, placed: bool = False) -> bool:
    """Is text[start:end] no whole name the rules would allow: part of a longer word (곽티슈, 신내동),
    one syllable with nothing after it, a digit, a count, a country, a listed non-name or person
    word, or a word ending like a place or agency?"""
    span = text[start:end]
    if _kept_word_at(text, start, end):
        return True  # 케냐, (페루 쿠스코), 정관장: a foreign place, a brand, a 동 or a people (the rules' kept words)
    if any(ch.isdigit() or ch == "○" for ch in span):
        return True  # a number, or a name already masked (○씨 할아버지: masking twice hides nothing more)
    left = start
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = end
    while right < len(text) and not text[right].isspace():
        right += 1
    lead, rest = text[left:start], text[end:right].rstrip(_EDGE)
    called = placed and (rest.lstrip(_QUOTES).startswith(_CALLED) or _titled(rest))  # 'Jason'이라는, 수빈쌤
    if placed:
        rest = rest.lstrip(")")
        lead = lead.rsplit("(", 1)[-1]  # Tsetseg(체첵, 몽골): the Hangul of a name in brackets
    if lead.strip(_EDGE) or not (rest == "" or rest.startswith("(") or rest in _PARTICLES or _is_title(rest)
                                 or (rest.startswith("이") and rest[1:] in ("", *_PARTICLES)) or called):
        return True
    if len(span) == 1 and not rest and not (placed and _titled(_word_at(text[right:].lstrip()))):
        return True  # 도 경계: a lone syllable is a name only with a particle or a title after it
    if any(w in _words("not_names") or w in _words("roles") or w in _words("person_words") for w in span.split()):
        return True  # 아이디 분실, 옆집 아저(씨): a word that labels a name or names a role is never part of one
    syllables = span.split()
    if len(syllables) > 1 and all(len(x) == 1 for x in syllables) and (
            syllables[0] not in _words("surnames") or any(x in _NOT_SPACED_SYLLABLES for x in syllables[1:])):
        return True  # 그 세 분: a name written a syllable at a time opens with a surname, as the rules read it
    if _LATIN.search(span) and _HANGUL.search(span):
        return True  # PC방: a name is written in one script
    if rest == "이" and _predicate_next(text[right:]):
        return True  # 하늘이 흐려: the word with its subject particle, then its predicate
    if _grammar_word(span, rest, text[end:], text[right:]):
        return True
    word = _strip_particle(span + rest) if rest and not rest.startswith("(") else span
    if _without_household(span + rest) in _words("not_names"):
        return True  # 왕할머니라고: a kin word with a title's tail, not a surname and a title
    if word in _words("not_names") or word in _words("countries") or _is_person_word(word) or _is_count(word):
        return True
    return any(w.endswith(s) for s in _words("place_suffixes") for w in (word, span))


def _grammar_word(span: str, rest: str, after: str, next_words: str) -> bool:
    """The rules' own vetoes: a blank given name (OO), a thing as a subject (문은 잠겨 있음), a word the
    analyser knows with its 이 (나이는, 고양이는), a pronoun, number or determiner (나는), a seed
    before 씨를 (수박 씨를), a label right before a number (Tel. 070…)."""
    if _BLANK_GIVEN.fullmatch(span) or set(span) <= set("OX"):
        return True
    if rest[:1] in ("은", "는", "이", "가") and _thing_subject(after):
        return True
    if rest.startswith("이"):
        whole = analyse(span + "이")
        if len(whole) == 1 and not whole[0].oov and whole[0].tag != "NNP":
            return True
    alone = analyse(span) if _HANGUL.search(span) else ()
    if len(alone) == 1 and alone[0].tag in ("NP", "NR", "MM"):
        return True
    following = next_words.split(maxsplit=1)[0] if next_words.split() else ""
    if not rest and following.startswith("씨") and not _ssi_of_person(following):
        return True
    return bool(re.match(r"[.:\s]{0,3}\d", after))


def _predicate_next(after: str) -> bool:
    word = after.split(maxsplit=1)[0] if after.split() else ""
    tokens = analyse(word) if word else ()
    return bool(tokens) and tokens[0].tag in ("VA", "VV")


EVIDENCE_THRESHOLD = 0.01
"""The lowest probability at which a word in a name's place (:func:`_name_places`) is named for
checking. Chosen with :data:`SUGGEST_THRESHOLD` by leave-one-annotator-out cross-validation."""

SUGGEST_THRESHOLD = 0.02
"""Below the masking threshold, down to this probability, a word is not hidden but named for the
worker to check. Chosen by leave-one-annotator-out cross-validation (``tools/train_name_tagger.py
--cross-validate-suggestions``) over the twenty-six parts (2,372 notes, masking threshold 0.8): of
the 155 names rules + tagger missed, the tagger alone at 0.1 named 38 for checking, with 61 words
that were no identifier (21 of them items the notes keep); with the other mentions of hidden names
and the words in a name's place (≥ 0.01) at 0.02, 73, with 207 such words (54 kept items, of 6,064),
about one word in eleven notes. At 0.1/0.01: 54, 85 (26); at 0.05/0.003: 61, 135 (34); at
0.02/0.003: 74, 218 (55); at 0.01/0.001: 79, 301 (73). On three fresh sets after the change, the
gain was small: 3 of 15, 3 of 17 and 4 of 25 names left visible were named (2, 3 and 3 before), with
16, 13 and 11 other words (7, 6 and 5 before); see README."""


def _runs(text: str, probs: Sequence[float], low: float) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of characters at or above ``low``, edges trimmed."""
    i = 0
    while i < len(text):
        if probs[i] < low:
            i += 1
            continue
        j = i
        while j < len(text) and probs[j] >= low:
            j += 1
        start, end = i, j
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        i = j
        if end > start:
            yield start, end


def _free_words(text: str, low: float, taken: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """Runs at or above ``low`` that overlap no span in ``taken`` and are no word the rules keep."""
    probs = name_probabilities(text)
    return [NameSpan(start, end, text[start:end], sure=False) for start, end in _runs(text, probs, low)
            if not any(a < end and start < b for a, b in taken) and not _kept_word(text, start, end)]


def _threshold_if_tagging(text: str) -> float | None:
    """The masking threshold, or None when the tagger has nothing to do: no letters, or the rules
    alone (cross-validation's baseline, a threshold above 1)."""
    if not any(ch.isalpha() for ch in text):
        return None
    _, threshold = _loaded()
    return threshold if threshold <= 1 else None


def tagged_names(text: str, rule_spans: Sequence[NameSpan]) -> list[NameSpan]:
    """The tagger's names that the rules did not find and do not keep, the names joined to them in a
    list (:func:`coordinated_names`) and their other mentions in the note (:func:`_mentions`), all unsure."""
    threshold = _threshold_if_tagging(text)
    if threshold is None:
        return []
    taken = [(s.start, s.end) for s in rule_spans]
    found = _free_words(text, threshold, taken)
    found += coordinated_names(text, found, taken + [(f.start, f.end) for f in found])
    return sorted(found + _mentions(text, found, taken + [(f.start, f.end) for f in found]), key=lambda f: f.start)


def _mentions(text: str, names: Sequence[NameSpan], taken: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """A name is a name throughout its note: the other mentions of the tagger's ``names``, as the rules
    treat their own names: the same word again (Suman … Suman이), and the given name of a Korean full
    name (곽슬기 … 슬기가); a name that is also a word (슬기, 하늘) only where it is called by name or
    opens a sentence as its topic or subject; a Hangul mention only with a particle, 이 or a title
    after it (단비는 … 단비 같은 존재: the bare word is the word). Every mention passes the same vetoes as the tagger's own
    words (:func:`_kept_word`: 슬기롭게, 곽티슈)."""
    out: list[NameSpan] = []
    spans = list(taken)
    for name in names:
        forms = [name.text]
        cut = 2 if name.text[:2] in _words("compound_surnames") else 1
        if _HANGUL_WORD.fullmatch(name.text) and _surname_split(name.text) and len(name.text) - cut >= 2:
            forms.append(name.text[cut:])
        for form in forms:
            word_too = bool(_HANGUL_WORD.fullmatch(form)) and _is_common_noun(form)
            for m in re.finditer(re.escape(form), text):
                start, end = m.start(), m.end()
                if any(a < end and start < b for a, b in spans) or _kept_word(text, start, end):
                    continue
                if word_too and not (_called_by_name(form, text[end:]) or _sentence_topic(text, start, end, subject=True)):
                    continue
                if _HANGUL_WORD.fullmatch(form) and not _word_at(text[end:]) and not _called_by_name(form, text[end:]):
                    continue  # 단비는 … 단비 같은 존재: a bare Hangul word, no particle or title, may be the word
                out.append(NameSpan(start, end, form, sure=False, given_only=form != name.text))
                spans.append((start, end))
    return out


def suggested_names(text: str, hidden: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """Words left visible that may be names: the tagger thinks so (probability ≥ :data:`SUGGEST_THRESHOLD`),
    or a name's place says so and the tagger does not rule it out (≥ :data:`EVIDENCE_THRESHOLD`,
    :func:`_name_places`)."""
    if _threshold_if_tagging(text) is None:
        return []
    return words_to_check(text, hidden, name_probabilities(text), SUGGEST_THRESHOLD, EVIDENCE_THRESHOLD)


def words_to_check(text: str, hidden: Sequence[tuple[int, int]], probs: Sequence[float], low: float,
                   evidenced: float | None) -> list[NameSpan]:
    """The tagger's words at or above ``low`` and, unless ``evidenced`` is None (the tagger alone, as
    cross-validation compares), other mentions of hidden names and the words in a name's place at or
    above ``evidenced``; left visible (outside ``hidden``) and no word the rules keep (:func:`_kept_word`),
    in text order. ``probs`` are the tagger's (cross-validation passes a held-out model's)."""
    found = [NameSpan(start, end, text[start:end], sure=False) for start, end in _runs(text, probs, low)
             if not any(a < end and start < b for a, b in hidden) and not _kept_word(text, start, end)]
    if evidenced is None:
        return found
    taken = [*hidden, *((f.start, f.end) for f in found)]
    for start, end in _other_mentions(text, hidden):
        if not any(a < end and start < b for a, b in taken) and not _kept_word(text, start, end, placed=True):
            found.append(NameSpan(start, end, text[start:end], sure=False))
            taken.append((start, end))
    for start, end in _name_places(text):
        if any(a < end and start < b for a, b in taken) or max(probs[start:end]) < evidenced \
                or _kept_word(text, start, end, placed=True):
            continue
        found.append(NameSpan(start, end, text[start:end], sure=False))
        taken.append((start, end))
    return sorted(found, key=lambda f: f.start)


def _other_mentions(text: str, hidden: Sequence[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A name is a name throughout its note: where a word hidden as a name (two letters or more) stands
    again, left visible, as a whole word ('왕눈이'라고 … 왕눈이는), it is named for checking."""
    for form in dict.fromkeys(text[a:b] for a, b in hidden):
        if len(form) < 2 or not (_HANGUL.search(form) or _LATIN.search(form)) or any(ch.isdigit() for ch in form) \
                or (_HANGUL_WORD.fullmatch(form) and _is_common_noun(form)):
            continue  # 하늘, 보람: a name that is also a word is named again only where the tagger or a place says so
        for m in re.finditer(re.escape(form), text):
            before = text[m.start() - 1] if m.start() else " "
            if not (before.isalpha() and before.isascii() == form[0].isascii()) \
                    and not (_LATIN.match(form[-1]) and text[m.end():m.end() + 1].isascii() and text[m.end():m.end() + 1].isalpha()):
                yield m.start(), m.end()


_HEAD = re.compile(r"[가-힣]+|[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?")
_QUOTES = "'‘’\"“”"
_CALLED = ("라고", "이라고", "라는", "이라는", "라 불", "이라 불", "라며", "이라며")
_TRANSLITERATED = re.compile(r"(?<![A-Za-z])[A-Z][a-z]+(?:[ -][A-Z]?[a-z]+){0,3}\(([가-힣]+(?: [가-힣]+){0,3})[,)]"
                             r"|([가-힣]+(?: [가-힣]+){0,3})\((?:[A-Z][a-z]+|[А-ЯЁ][а-яё]+)")


_JOB_ENDINGS = ("사", "장", "쌤", "교수", "코디", "님")
"""How a job or a title ends in the notes (변호사, 상담사, 반장, 사무장, 혜진쌤, 나 교수, 방 코디):
after a word, evidence of a name for checking only, never for hiding."""


def _titled(word: str) -> bool:
    """A title, a job title or a word ending like a job (:data:`_JOB_ENDINGS`), a particle allowed."""
    head = _strip_particle(word.rstrip(":,")) if word else ""
    if not head:
        return False
    if _is_title(word) or _ends_with_job_title(head) or (head[0] in "쌤님" and head[1:] in ("", *_PARTICLES)):
        return True
    tokens = analyse(head) if (len(head) > 2 and head.endswith(_JOB_ENDINGS)) or head in _JOB_ENDINGS else ()
    return len(tokens) == 1 and not tokens[0].oov and tokens[0].tag == "NNG"  # 변호사, not 수빈쌤


def _has_final(syllable: str) -> bool:
    """Does a Hangul syllable end in a consonant (봄, not 나)? The friendly 이 follows only such a name."""
    return "가" <= syllable <= "힣" and (ord(syllable) - 0xAC00) % 28 != 0


def _name_places(text: str) -> Iterator[tuple[int, int]]:
    """Words standing where a name stands, whatever the word: before a title, apart or glued (… 씨,
    장 변호사, 김민규반장, 수빈쌤), before an age in brackets (…(7세)), called so (…라고 부름,
    '…'이라는), the friendly 이 of a given name before a particle (봄이가, 민준이는: a noun takes no
    이 before 가), a proper noun or unknown word to the analyser called so or with that 이, the Hangul
    of a name written also in Latin or Cyrillic letters (Tsetseg(체첵), 올레그(Олег)), or a
    capitalised word in Latin letters. Each is only evidence: the tagger's probability must not rule
    the word out, and the rules' kept words stay kept."""
    for m in _TRANSLITERATED.finditer(text):
        group = 1 if m.group(1) else 2
        yield m.start(group), m.end(group)
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    for k, (start, _end, raw) in enumerate(words):
        head = _HEAD.match(raw)
        if not head:
            continue
        word, rest = head.group(0), raw[head.end():]
        end = start + len(word)
        following = words[k + 1][2] if k + 1 < len(words) else ""
        if _titled(rest) or (not rest and _titled(following)) or _AGE_BRACKET.match(rest) \
                or rest.lstrip(_QUOTES).startswith(_CALLED):
            called = rest.lstrip(_QUOTES).startswith(_CALLED)
            if called or not (_HANGUL_WORD.fullmatch(word) and len(word) > 1 and _is_common_noun(word)):
                yield start, end  # 회사 사장님: a word before a title is the word; a calling is a name
            continue
        if not _HANGUL.match(word):
            if start == 0 or text[start - 1].isspace() or text[start - 1] in _QUOTES + "(":
                yield start, end  # Minh, Anna: a capitalised word in Latin letters
            continue
        tokens = analyse(word)
        bare = analyse(_strip_particle(word))
        known = len(bare) == 1 and not bare[0].oov and bare[0].tag == "NNG"  # 변호사가, 회사: a word
        glued = next((i for i in range(len(word) - 1, 1, -1) if _titled(word[i:])), None)
        if glued is not None and not known:  # 김민규반장, 수빈쌤: a title glued to the name, the shortest
            yield start, start + glued
            continue
        friendly = re.fullmatch(r"([가-힣]+)이(" + "|".join(p for p in _PARTICLES if p[:1] != "이") + ")", word)
        if friendly and _has_final(friendly.group(1)[-1]):
            yield start, start + len(friendly.group(1))  # 봄이가, 가온이는: the friendly 이, then a particle
            continue
        if tokens and (tokens[0].tag == "NNP" or tokens[0].oov) and len(tokens) > 1 \
                and tokens[1].form == "이" and tokens[1].tag == "XSN":
            yield start, start + tokens[0].end


def train_model(notes: Sequence[tuple[str, Sequence[tuple[int, int]]]], path: Path,
                *, c1: float = 0.05, c2: float = 0.05, iterations: int = 150) -> None:
    """Train a CRF on (text, the labelled names' spans) and write it to ``path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, names in notes:
        trainer.append(char_features(text), bio_labels(len(text), names))
    trainer.set_params({"c1": c1, "c2": c2, "max_iterations": iterations, "feature.possible_transitions": True})
    trainer.train(str(path))
