"""Checking a question to a person against the textbook's questioning mistakes.

Source: 광진구청 희망나눔팀 학습동아리 교재 (seed 003), "질문할 때 흔히 하는 7가지 실수".
Five of the seven mistakes show in the words; the rules that find them are the workbook's own,
read from ``casework/data/language/question_rules.yaml`` (reviewable word lists) and applied to
the sentence's morphemes (:func:`casework.language.analyse`):

* the text is cut into utterances at sentence ends; an utterance is a **question** when it ends
  with a question mark, with a question ending (``question_end``), or is a wh-question ending
  in a final ending before a comma;
* **leading** (답을 유도): a presuming ending (``presumption``: ~잖아요, ~거 아니에요?); in a
  question, a loaded word (``loaded_words``: 당연히, 물론; not one in a ``background_clause``
  before a wh-word: 분명히 약속하셨는데 왜 …), or without a wh-word a ``~죠?``, ``~지?``
  (``tag_question``) or a negative question (``negative_question``: ~지 않아요?);
* **closed** (예/아니오): a question that is not leading and has no wh-word (``wh`` minus
  ``not_wh``, minus one inside an embedded clause, ``embedded_question``: …맞는지 따져 보신 적
  있으세요?), no request for a story (``request``), no choice (``choice``), does not ask
  permission (``permission``) and is not a follow-up fragment without a predicate (안주는요?);
* **several at once**: two or more questions (a present polite ending before a comma asks too when
  그리고 or a new topic follows: 연락되세요, 양육비는 …?; not a greeting, ``not_asking``), one
  question whose two ``-고`` halves each ask something (a wh-word on both sides, also inside an
  embedded clause after the join; a new topic ``~은/는`` after ``-고``; a wh-half with a topic or a
  copula, then a yes/no half of its own: 가족은 몇 명이고 다 같이 사세요?), or embedded questions
  listed with a comma or 그리고 (``embedded_join``: …해 왔는지 그리고 어떻게 …하셨는지);
* **complex**: longer than :data:`MAX_QUESTION_LENGTH` characters, more than
  :data:`MAX_CONNECTIVES` clause connectives, two or more negations in one question (one in each
  of two joined questions piles nothing up; the 않 of a negative question frames it), jargon
  (``jargon``), asking the person to rate or classify (``judgement``: 어느 정도라고 보세요?), or more
  than :data:`MAX_NOUN_RUN` nouns in a row with no particle between them (an administrative, legal or
  clinical term built of nouns; ``noun_run_breaks`` cut such a run), demanding an account with 도대체
  (``account_demand``: …이유가 도대체 뭐예요?); a term is also known by its
  formation (a head such as 여부, 요건, 측면; a noun with -성, -화, -률; -적인; 재- before a compound),
  unless it is an everyday word of that shape (``plain_terms``: 가능성, 구체적인, 재계약);
* **why-interrogation**: a ``why`` word followed by a past, undone or happened event
  (``why_blames``), or a blaming frame without 왜 (``blame_frames``).

Bad timing and irrelevant questions depend on the situation, not the words; they are explained
in :data:`UNCHECKABLE_MISTAKES` instead of being guessed at.
"""

from __future__ import annotations

from bisect import bisect
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING

from casework._util.text import overlaps
from casework.errors import CaseworkError

if TYPE_CHECKING:
    from casework.language.rules import Hit

__all__ = [
    "QuestionMistake", "QuestionFinding", "check_question", "UncheckableMistake",
    "UNCHECKABLE_MISTAKES", "uncheckable_notes", "MAX_QUESTION_LENGTH", "MAX_CONNECTIVES",
    "MAX_NEGATIONS", "MAX_NOUN_RUN", "HEURISTIC_NOTE", "question_rules", "question_parts",
]


class QuestionMistake(str, Enum):
    """The seven common questioning mistakes, in the textbook's order."""

    LEADING = "답을 유도하는 질문"
    BAD_TIMING = "적절하지 않은 때에 하는 질문"
    CLOSED_WHEN_INFO_NEEDED = "정보가 필요한데 예/아니오로 답하게 하는 질문"
    IRRELEVANT = "관계없는 질문"
    MULTIPLE = "한 번에 둘 이상 묻는 질문"
    COMPLEX = "답하기 어렵고 복잡한 질문"
    WHY_INTERROGATION = "왜 그랬냐고 추궁하는 질문"


@dataclass(frozen=True)
class QuestionFinding:
    """One suspected mistake: which one, a Korean explanation with a rewrite, and the words that triggered it."""

    mistake: QuestionMistake
    message: str
    evidence: str
    heuristic: bool = True


HEURISTIC_NOTE = "(문장을 낱말과 말끝으로 나누어 워크북의 규칙 표와 견주어 읽은 결과라 틀릴 수 있습니다.)"

MAX_QUESTION_LENGTH = 60
"""Workbook rule: a question longer than this many characters (spaces included) is flagged as long."""
MAX_CONNECTIVES = 2
"""Workbook rule: more clause connectives than this (four or more clauses) is flagged as complex."""
MAX_NEGATIONS = 1
"""Workbook rule: more negations than this in one question is flagged as complex."""
MAX_NOUN_RUN = 5
"""Workbook rule: more nouns than this in a row, no particle between them, is a term the person may not know.

Chosen on the labelled questions (benchmarks/data/language): six or more in a row marked 11 complex
questions that no other check found and one good question (a greeting with an agency's name); five
marked 14 and five others.
"""

_LISTS = frozenset({
    "wh", "not_wh", "request", "choice", "permission", "question_end", "tag_question",
    "presumption", "negative_question", "embedded_question", "loaded_words", "clause_join", "auxiliary_after", "topic", "connective",
    "fixed_connective", "negation", "jargon", "why", "why_blames", "blame_frames", "background_clause",
    "embedded_join", "not_asking", "listed_topics", "joined_requests", "asks_if_known", "judgement", "noun_run_breaks",
    "plain_terms", "account_demand",
})


def question_rules():
    """The validated rule table of the question checks."""
    from casework.language.rules import load_rule_table

    return load_rule_table("question_rules.yaml", _LISTS)


# ---------------------------------------------------------------------------- utterances

_FINAL_LIKE = frozenset({"어요", "아요", "여요", "세요", "으세요", "나요", "까요", "ㄹ까요", "을까요", "죠", "지요", "에요",
                         "예요"})


@dataclass(frozen=True)
class _Unit:
    text: str
    start: int
    end: int
    tokens: tuple
    is_question: bool
    choice: bool = False


def _units(text: str, tokens: tuple) -> list[_Unit]:
    """Cut the text into utterances: after sentence marks, and after a final ending before a comma."""
    rules = question_rules()
    groups: list[list] = [[]]
    for i, tok in enumerate(tokens):
        groups[-1].append(tok)
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        final_before_comma = (
            nxt is not None and nxt.tag == "SP" and nxt.form in ",，"
            and (tok.tag == "EF" or (tok.tag == "EC" and tok.form in _FINAL_LIKE))
        )
        # a question ending with a word right after it (오전이 좋으세요 오후가 좋으세요?) ends an
        # utterance as a comma would; a statement's (말인데요 그 뒤로 …) leads into the question
        final_before_word = (tok.tag == "EF" and nxt is not None and nxt.tag not in ("SF", "SP")
                             and tok.form.endswith(("세요", "어요", "아요", "나요", "까요", "예요", "에요")))
        if (tok.tag == "SF" and (nxt is None or nxt.tag != "SF")) or final_before_comma or final_before_word:
            groups.append([])
    units: list[_Unit] = []
    for group in groups:
        words = [t for t in group if t.tag not in ("SF", "SP")]
        if not words:
            continue
        start, end = group[0].start, group[-1].end
        # a trailing comma belongs to the utterance before it
        while end < len(text) and text[end] in ",， ":
            end += 1
        piece = text[start:end].strip(" ,，")
        sub = tuple(group)
        has_mark = any(t.tag == "SF" and ("?" in t.form or "？" in t.form) for t in group)  # ??, ?!
        has_end = bool(rules["question_end"].find(text, sub))
        asks = bool(_wh_hits(text, sub)) and words[-1].tag in ("EF", "EC") and not has_mark
        # a request that holds a wh-clause (어디가 아프신지 … 말씀해 주세요.) asks, with or without '?'
        asks = asks or (bool(rules["request"].find(text, sub)) and bool(_wh_hits(text, sub, embedded_too=True)))
        units.append(_Unit(piece, start, end, sub, has_mark or has_end or asks))
    # '연락되세요, 양육비는 받고 계세요?': a present polite ending before a comma asks too when a
    # question with a new topic, or one after 그리고, follows
    for i, unit in enumerate(units[:-1]):
        if not unit.is_question and units[i + 1].is_question and _asks_before_comma(text, unit, units[i + 1]):
            units[i] = replace(unit, is_question=True)
    # "…세요? 아니면 …세요?" and "화요일이 좋으세요, 목요일이 좋으세요?" are one choice question, not two
    merged: list[_Unit] = []
    for unit in units:
        if merged and (rules["choice"].find(text, unit.tokens[:2]) or _parallel(text, merged[-1], unit)):
            last = merged.pop()
            unit = _Unit(text[last.start:unit.end].strip(" ,，"), last.start, unit.end,
                         last.tokens + unit.tokens, last.is_question or unit.is_question, choice=True)
        merged.append(unit)
    return merged


def _asks_before_comma(text: str, unit: _Unit, nxt: _Unit) -> bool:
    """Does ``unit`` end in a present polite ending (…세요, 계세요) before a comma, with a predicate,
    no past or guess (고생 많으셨어요, 힘드셨겠어요 are reflections) and no greeting (``not_asking``),
    and does ``nxt`` open with 그리고 or a new topic (양육비는)?"""
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    first = next((t for t in nxt.tokens if t.tag not in ("SF", "SP")), None)
    if len(words) < 2 or first is None or "," not in text[words[-1].end:first.start]:
        return False
    last, before = words[-1], words[-2]
    if last.tag != "EF" or last.form not in ("세요", "으세요", "어요", "아요", "여요", "나요"):
        return False
    if before.tag == "EP" or not before.tag.startswith(("V", "XS")) or question_rules()["not_asking"].find(
            text, unit.tokens):
        return False  # '어서 오세요, …': a greeting or an invitation asks nothing
    return first.form == "그리고" or bool(question_rules()["topic"].find(text, nxt.tokens))


def _predicate(unit: _Unit) -> tuple[str, str] | None:
    """The last predicate's stem and final ending (좋, 으세요), if the utterance ends in one."""
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    if len(words) < 2 or not (words[-1].tag == "EF" or (words[-1].tag == "EC" and words[-1].form in _FINAL_LIKE)):
        return None  # the analyser reads a final ending before a comma as connective (할까요, …)
    stem = next((t for t in reversed(words[:-1]) if t.tag.startswith(("V", "XS")) and t.tag != "VX"), None)
    return None if stem is None else (stem.form, words[-1].form)


def _parallel(text: str, last: _Unit, unit: _Unit) -> bool:
    """Two alternatives after a comma or a final ending, no new topic: one predicate (A가 좋으세요,
    B가 좋으세요?), or the same shape around another noun (화요일이 괜찮으세요, 목요일이 나으세요?
    월세예요 전세예요?), or two offers of what to do (댁으로 찾아뵐까요, 센터에서 만날까요?)."""
    if last.tokens[-1].tag == "SF" or question_rules()["topic"].find(text, unit.tokens):
        return False
    if _offer(last) and _offer(unit):
        return True
    mine, theirs = _predicate(last), _predicate(unit)
    if mine is None or theirs is None:
        return False
    return mine == theirs or (mine[1] == theirs[1] and _same_shape(last, unit))


def _offer(unit: _Unit) -> bool:
    """Does ``unit`` end in an offer, …ㄹ까요 (찾아뵐까요, 만날까요)?"""
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    return bool(words) and words[-1].form in ("ㄹ까요", "을까요") and not any(
        t.tag == "EP" and t.form != "시" for t in words)  # a past guess (드셨을까요?) asks, it offers nothing


def _same_shape(last: _Unit, unit: _Unit) -> bool:
    """Does ``unit`` repeat the tags of the end of ``last`` with another noun (화요일이 → 목요일이)?"""
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    before = [t for t in last.tokens if t.tag not in ("SF", "SP")][-len(words):]
    nouns = [(a.form, b.form) for a, b in zip(before, words, strict=False) if b.tag in ("NNG", "NNP", "NR", "SN")]
    return (len(before) == len(words) and [t.tag for t in before] == [t.tag for t in words]
            and bool(nouns) and all(a != b for a, b in nouns))


def _wh_hits(text: str, tokens: tuple, *, embedded_too: bool = False):
    """The wh-words that ask: not a blocked one (``not_wh``), not one inside an embedded question
    (어떤 절차가 맞는지 따져 보신 적 있으세요?: the main predicate asks yes or no) unless
    ``embedded_too``."""
    rules = question_rules()
    hits = rules["wh"].find(text, tokens)
    blocked = rules["not_wh"].find(text, tokens)
    embedded = [e for e in rules["embedded_question"].find(text, tokens)
                if e.end < tokens[-1].start] if tokens and not embedded_too else []
    why = rules["why"].find(text, tokens)  # '왜 그런지 알아볼까요?', '왜 … 그만두셨는지 궁금해요' still ask why
    return [h for h in hits if not any(b.start <= h.start < b.end for b in blocked)
            and not (embedded and not overlaps(h, why) and _in_embedded(h, embedded, tokens))]


def _in_embedded(hit, embedded, tokens: tuple) -> bool:
    """Is ``hit`` in a clause that one of ``embedded`` (…는지) closes, with no other clause end between?"""
    return any(e.start > hit.end and not any(t.tag in ("EC", "EF", "SF") and hit.end <= t.start < e.start
                                             for t in tokens) for e in embedded)



# ---------------------------------------------------------------------------- the five checks


def _leading(text: str, unit: _Unit) -> str | None:
    rules = question_rules()
    if rules["presumption"].find(text, unit.tokens):
        return unit.text
    if not unit.is_question:
        return None
    # a loaded word in a clause that sets out a fact before a wh-question (분명히 약속하셨는데 왜 …)
    # states the past; the question itself is open
    wh = _wh_hits(text, unit.tokens)
    background = rules["background_clause"].find(text, unit.tokens)
    loaded = [h for h in rules["loaded_words"].find(text, unit.tokens)
              if not any(b.start > h.end and any(w.start > b.end for w in wh) for b in background)]
    if loaded:
        return loaded[0].text
    # a negation inside a clause (못 가지 않으셨던 적은 없으세요?) is no negative question: it must end it
    negative = [h for h in rules["negative_question"].find(text, unit.tokens)
                if not any(t.tag.startswith("V") and t.start >= h.end for t in unit.tokens)]
    if not wh and (rules["tag_question"].find(text, unit.tokens) or negative):
        return unit.text
    return None


def _closed(text: str, unit: _Unit) -> bool:
    rules = question_rules()
    if not unit.is_question:
        return False
    # whether one knows a wh-clause (얼마인지 아세요?, 언제 오라고 했는지 아세요?) is answered yes or no
    if rules["asks_if_known"].find(text, unit.tokens):
        return not unit.choice and not any(
            rules[name].find(text, unit.tokens) for name in ("request", "choice", "permission"))
    if _wh_hits(text, unit.tokens):
        # '어디 계시고 양육비는 받으세요?': the second question, joined by -고, is yes/no;
        # a fragment (…되시고 연세는요?) asks "what about", it is open; so does a choice (누구랑 사시고,
        # 집은 전세예요 월세예요?)
        return not unit.choice and any(not _wh_hits(text, right) and any(t.tag.startswith(("V", "XSV", "XSA")) for t in right) and not any(
            rules[name].find(text, right) for name in ("request", "choice", "permission"))
            for _, right, _ in _joined_questions(text, unit))
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    if len(words) >= 2 and words[-1].form == "요" and words[-2].tag == "JX" and words[-2].form in ("은", "는", "ㄴ"):
        return False  # '싫어하는 건요?', '작은애는요?': a follow-up fragment after a topic asks "what about", it is open
    if not any(t.tag.startswith(("V", "XS")) or (t.tag == "EF" and t.form.endswith("세요")) for t in unit.tokens):
        # '안주는요?', '가족은요?': a follow-up fragment asks "what about …", it is open;
        # a noun with a polite ending and no copula (집은 전세세요?) is a yes/no question
        return False
    return not unit.choice and not any(
        rules[name].find(text, unit.tokens) for name in ("request", "choice", "permission"))


def _joined_questions(text: str, unit: _Unit) -> list[tuple[tuple, tuple, Hit]]:
    """(left tokens, right tokens, join) for each -고 that joins two questions in one utterance."""
    rules = question_rules()
    toks = unit.tokens
    aux = {(h.start) for h in rules["auxiliary_after"].find(text, toks)}
    fixed = rules["fixed_connective"].find(text, toks)
    found = []
    for join in rules["clause_join"].find(text, toks):
        cut = next(i for i, t in enumerate(toks) if t.start == join.start)
        if cut + 1 >= len(toks) or toks[cut + 1].start in aux or overlaps(join, fixed):
            continue
        left, right = toks[:cut], toks[cut + 1:]
        left_wh, right_wh = _wh_hits(text, left), _wh_hits(text, right)
        # a wh-word in an embedded question after the join asks too (어떤 것이고 어떤 사연이 있는지 …)
        right_asks = right_wh or (_wh_hits(text, right, embedded_too=True) if left_wh else [])
        both_wh = bool(left_wh) and bool(right_asks)
        # statements before one wh-question set out one situation (애들은 학교 가고 남편은 일하러
        # 나가고 … 뭐 하세요?): one question, however many clauses
        background = not left_wh and bool(right_wh)
        # a clause that sets out a fact (…안 맞으셨을 텐데) between the join and the wh-word makes
        # the -고 halves background to one question, as the first example did
        if right_wh and any(b.end <= right_wh[0].start for b in rules["background_clause"].find(text, right)):
            continue
        new_topic = not background and bool(rules["topic"].find(text, right)) and (
            bool(rules["topic"].find(text, left)) or bool(left_wh))
        # a wh-question (가족은 몇 명이고, 어디 사시고), then a yes/no question of its own (다 같이
        # 사세요?); not a why or a how that blames one act (왜 맞고도 가만히 계셨어요?, 어떻게 아이를
        # 혼자 두고 나가실 수가 있어요?) unless a topic or a copula opens the first question
        plain_wh = [h for h in left_wh if h.text not in ("어떻게", "어떻") and not rules["why"].find(text, left)]
        yes_no = (bool(left_wh) and not right_asks and not rules["why"].find(text, left)
                  and (bool(plain_wh) or toks[cut - 1].tag == "VCP" or bool(rules["topic"].find(text, left)))
                  and _own_yes_no(text, right))
        if both_wh or new_topic or yes_no:
            found.append((left, right, join))
    return found


def _own_yes_no(text: str, right: tuple) -> bool:
    """Is ``right`` a question of its own: it ends in a final ending, has a word of its own before
    its predicate (다 같이 사세요, not a bare 지내세요) and is no request?"""
    words = [t for t in right if t.tag not in ("SF", "SP")]
    if not words or words[-1].tag != "EF" or question_rules()["request"].find(text, right):
        return False
    own = [t for t in words if not t.tag.startswith(("V", "E", "XS", "J"))]
    return bool(own) and words.index(own[0]) < len(words) - 2


def _clause_halves(text: str, unit: _Unit) -> str | None:
    """Two questions joined by -고 inside one utterance, as the words around the join."""
    joined = _joined_questions(text, unit)
    if not joined:
        return None
    left, right, join = joined[0]
    before = text[left[0].start:join.end] if left else ""
    after = text[right[0].start:right[-1].end]
    return f"{before.strip()} / {after.strip(' ?？.')}"


def _listed_questions(text: str, unit: _Unit) -> str | None:
    """Embedded questions listed in one turn (…해 왔는지 그리고 …하셨는지, …남았는지, 그리고 … 되시는지요?):
    a ``~는지`` clause, a comma or 그리고, then another question; or three or more things to tell
    listed before one request (``listed_topics``: 그만두게 된 과정과 … 경위, … 사정을 말씀해 주세요)."""
    rules = question_rules()
    listed = rules["listed_topics"].find(text, unit.tokens)
    if listed:
        return listed[0].text
    if rules["joined_requests"].find(text, unit.tokens):  # 알려 주시고, … 적어 주시겠어요?: two requests
        return unit.text.strip()
    for join in rules["embedded_join"].find(text, unit.tokens):
        rest = tuple(t for t in unit.tokens if t.start >= join.end)
        # '쓰실지 가족이 하실지, 어느 쪽으로 …': asking which of the listed is one choice
        if any(t.form == "어느" for t in rest):
            continue
        if rules["embedded_question"].find(text, rest) or _wh_hits(text, rest, embedded_too=True):
            first = next((t for t in unit.tokens if t.tag not in ("SF", "SP")), None)
            ending = next(t for t in unit.tokens if t.start == join.start)
            begin = first.start if first is not None else join.start
            return f"{text[begin:ending.end].strip()} / {text[rest[0].start:rest[-1].end].strip(' ?？.')}"
    return None


def _complex(text: str, units: list[_Unit]) -> list[str]:
    rules = question_rules()
    details: list[str] = []
    if len(text) > MAX_QUESTION_LENGTH:
        details.append(f"{len(text)}자로 {MAX_QUESTION_LENGTH}자보다 깁니다")
    for unit in units:
        fixed = rules["fixed_connective"].find(text, unit.tokens)
        aux = {h.start for h in rules["auxiliary_after"].find(text, unit.tokens)}
        connectives = []
        for hit in rules["connective"].find(text, unit.tokens):
            if any(f.start <= hit.start < f.end for f in fixed):
                continue
            i = next(k for k, t in enumerate(unit.tokens) if t.start == hit.start)
            if i + 1 < len(unit.tokens) and unit.tokens[i + 1].start in aux:
                continue
            connectives.append(hit)
        if len(connectives) > MAX_CONNECTIVES:
            words = ", ".join(_word_at(text, h.start) for h in connectives)
            details.append(f"절이 {len(connectives) + 1}개 이어져 있습니다({words})")
            break
    for unit in units:
        # the 아니 of a presuming '~거 아니에요?' and the 않 of a negative question ('~낫지 않겠어요?')
        # frame the question, they negate nothing in it
        frames = rules["presumption"].find(text, unit.tokens) + [
            h for h in rules["negative_question"].find(text, unit.tokens)
            if not any(t.tag.startswith("V") and t.start >= h.end for t in unit.tokens)]
        negations = [h for h in rules["negation"].find(text, unit.tokens)
                     if not any(f.start <= h.start < f.end for f in frames)]
        # one negation in each of two joined questions (왜 안 드셨고 왜 안 가셨어요?) piles nothing up
        cuts = sorted(join.start for _, _, join in _joined_questions(text, unit))
        per_part = [sum(1 for h in negations if bisect(cuts, h.start) == k) for k in range(len(cuts) + 1)]
        if max(per_part) > MAX_NEGATIONS:
            details.append(f"부정이 겹쳐 있습니다: '{unit.text}'")
            break
    tokens = _all_tokens(units)
    # a word formed like a term (가능성, 구체적인, 재계약) that people use every day is no jargon
    plain = rules["plain_terms"].find(text, tokens)
    jargon = [h for h in rules["jargon"].find(text, tokens) if not overlaps(h, plain)]
    if jargon:
        words = ", ".join(f"'{h.text}'" for h in jargon)
        details.append(f"당사자에게 낯선 말이 있습니다: {words}")
    # '…이유가 도대체 뭐예요?' demands an account of the whole past at once
    demand = rules["account_demand"].find(text, tokens)
    if demand:
        details.append(f"까닭을 한꺼번에 설명하라고 몰아세웁니다: '{demand[0].text}'")
    # asking the person to rate or classify (어느 정도라고 보세요?) hands them the asker's assessment
    judged = rules["judgement"].find(text, tokens)
    if judged:
        start = text.rfind(" ", 0, judged[0].start) + 1
        start = text.rfind(" ", 0, max(start - 1, 0)) + 1 if start else 0  # with what is rated (어느 쪽이라고)
        end = text.find(" ", judged[0].end)
        asked = text[start:len(text) if end < 0 else end].rstrip("?.!")
        details.append(f"당사자에게 평가나 분류를 맡깁니다: '{asked}'")
    run = _longest_noun_run(text, tokens)
    if len(run) > MAX_NOUN_RUN and not any(h.start < run[-1].end and run[0].start < h.end for h in jargon):
        start = text.rfind(" ", 0, run[0].start) + 1  # quote whole words: the analyser may split one oddly
        details.append(f"명사만 길게 이어진 용어가 있습니다: '{text[start:run[-1].end]}'")
    return details


_NOUNISH = frozenset({"NNG", "NNP", "XSN", "XPN", "SL"})


def _longest_noun_run(text: str, tokens: tuple) -> list:
    """The longest run of nouns (and noun affixes) with no particle or ending between them."""
    breaks = {t.start for h in question_rules()["noun_run_breaks"].find(text, tokens)
              for t in tokens if h.start <= t.start < h.end}
    best: list = []
    run: list = []
    for t in tokens:
        run = [*run, t] if t.tag in _NOUNISH and t.start not in breaks else []
        if len(run) > len(best):
            best = run
    return best


def _all_tokens(units: list[_Unit]) -> tuple:
    return tuple(t for u in units for t in u.tokens)


def _word_at(text: str, index: int) -> str:
    start = text.rfind(" ", 0, index) + 1
    end = text.find(" ", index)
    return text[start:end if end >= 0 else len(text)].strip(",.?")


def _why(text: str, units: list[_Unit]) -> str | None:
    rules = question_rules()
    for unit in units:
        frames = rules["blame_frames"].find(text, unit.tokens)
        if frames:
            return unit.text
        for hit in rules["why"].find(text, unit.tokens):
            after = tuple(t for t in unit.tokens if t.start >= hit.end)
            if _present_thought(after):
                continue
            if rules["why_blames"].find(text, after):
                return text[hit.start:unit.end].strip(" ,?？.")
    return None


def _present_thought(after: tuple) -> bool:
    """Does the why ask about a present thought (왜 안 맞는다고 생각하세요?): a quoted clause with no
    past (…다고, …라고) before a present 생각하다, 보다 or 느끼다? The negation inside the quote is the
    thought, not an undone act."""
    quote = next((k for k, t in enumerate(after) if t.tag == "EC" and t.form.endswith(("다고", "라고"))), None)
    if quote is None or quote + 1 >= len(after) or any(t.tag == "EP" for t in after[:quote]):
        return False
    rest = after[quote + 1:]
    return rest[0].form in ("생각", "보", "느끼") and not any(t.tag == "EP" and t.form != "시" for t in rest)


# ---------------------------------------------------------------------------- messages


def _msg_leading(evidence: str) -> str:
    return (
        f"답을 미리 정해 두고 묻는 말투로 보입니다('{evidence}'). 이렇게 물으면 당사자는 사실과 달라도 "
        "'네'라고 맞춰 주기 쉽습니다. 짐작을 빼고 열어서 물어 보세요. "
        "예: '많이 힘드셨죠?' 대신 '그때 마음이 어떠셨어요?' " + HEURISTIC_NOTE
    )


def _msg_closed(evidence: str) -> str:
    return (
        f"'예/아니오'로 끝날 수 있는 질문입니다('{evidence}'). 사실 하나를 확인하려는 것이면 괜찮지만, "
        "상황을 알고 싶다면 '어떻게', '무엇', '누가', '언제' 같은 말로 열어 물어 보세요. "
        "예: '도와주는 분이 있으세요?' 대신 '힘들 때는 누가 도와주세요?' " + HEURISTIC_NOTE
    )


def _msg_multiple(evidence: str) -> str:
    return (
        f"한 번에 두 가지 이상을 묻고 있습니다('{evidence}'). 이러면 당사자는 보통 마지막 질문에만 "
        "답하게 됩니다. 하나씩 나누어 묻고, 답을 다 들은 뒤에 다음 질문으로 넘어가세요. "
        "예: '식사는 잘 하시고 잠은 잘 주무세요?' → '요즘 식사는 어떻게 하세요?' (답을 들은 뒤) "
        "'잠은 어떠세요?' " + HEURISTIC_NOTE
    )


def _msg_complex(details: list[str]) -> str:
    return (
        f"답하기 어려운 복잡한 질문일 수 있습니다({'; '.join(details)}). 질문을 이해하는 데 힘을 쓰면 "
        "정작 하고 싶은 이야기를 못 하게 됩니다. 짧고 쉬운 말로, 부정어 없이, 한 가지만 물어 보세요. "
        "예: '요즘 가장 힘든 일은 뭐예요?' " + HEURISTIC_NOTE
    )


def _msg_why(evidence: str) -> str:
    return (
        f"지난 일을 두고 왜 그랬느냐고 따지는 질문으로 들릴 수 있습니다('{evidence}'). 당사자는 추궁당한다고 "
        "느끼고 변명부터 하게 됩니다. 무슨 일이 있었는지, 그때 어떠셨는지를 물어 보세요. "
        "예: '왜 약을 안 드셨어요?' 대신 '약을 챙겨 드시기에 어떤 점이 어려우세요?' " + HEURISTIC_NOTE
    )


# ---------------------------------------------------------------------------- entry point


def check_question(text: str) -> list[QuestionFinding]:
    """Check one question (or a short run of questions) for five of the seven mistakes.

    Returns at most one finding per mistake, in the textbook's order; an empty list means no
    rule fired, not that the question is good. A statement usually gets no findings. The two
    mistakes that depend on the situation are described in :data:`UNCHECKABLE_MISTAKES`.
    """
    from casework.language import analyse

    if not isinstance(text, str):
        raise CaseworkError(f"질문은 글(문자열)로 넣어 주세요. 받은 값: {text!r} ({type(text).__name__})")
    text = " ".join(text.split())
    if not text:
        raise CaseworkError("질문이 비어 있습니다. 당사자에게 할 질문을 한 문장 이상 적어 주세요.")
    units = _units(text, analyse(text))
    questions = [u for u in units if u.is_question]
    findings: list[QuestionFinding] = []

    # a presuming statement before a blaming question (그렇게 말씀드렸잖아요. 왜 또 그러셨어요?) is the
    # reproach's preface: the turn blames (W), it does not suggest an answer
    leading = next((found for k, u in enumerate(units) if (found := _leading(text, u)) and not (
        not u.is_question and any(v.is_question and _why(text, [v]) for v in units[k + 1:]))), None)
    if leading:
        findings.append(QuestionFinding(QuestionMistake.LEADING, _msg_leading(leading), leading))
    # a reproach (보고만 계셨어요?) asks for no information: it blames (W), it is not closed; nor does a
    # yes/no question about an undone act or not knowing after a blaming one (왜 안 하셨어요? … 모르셨어요?)
    closed = next((u.text for k, u in enumerate(questions) if _closed(text, u) and not _leading(text, u)
                   and not question_rules()["blame_frames"].find(text, u.tokens)
                   and not _reproach_goes_on(text, questions[:k], u)), None)
    if closed:
        findings.append(QuestionFinding(QuestionMistake.CLOSED_WHEN_INFO_NEEDED, _msg_closed(closed), closed))
    # a leading tail after a comma and a blaming question (왜 그러셨어요, 잘못하신 거 아시죠?) and a bare tag
    # after a statement (…있었을 거예요, 그렇죠?) press the same point: no second question (after a question
    # mark, '왜 또 드셨어요? 끊기로 하셨잖아요?', the annotators count two)
    asking = [u for k, u in enumerate(questions) if not (_bare_tag(u) or (
        k and questions[k - 1].tokens[-1].tag != "SF" and _leading(text, u) and not _wh_hits(text, u.tokens)
        and _why(text, questions[:k])))]
    multiple = " / ".join(u.text for u in asking) if len(asking) >= 2 else next(
        (found for u in questions if (found := _clause_halves(text, u) or _listed_questions(text, u))), None)
    if multiple:
        findings.append(QuestionFinding(QuestionMistake.MULTIPLE, _msg_multiple(multiple), multiple))
    details = _complex(text, units)
    if details:
        findings.append(QuestionFinding(QuestionMistake.COMPLEX, _msg_complex(details), "; ".join(details)))
    why = _why(text, units)
    if why:
        findings.append(QuestionFinding(QuestionMistake.WHY_INTERROGATION, _msg_why(why), why))
    return findings


_TAG_STEMS = frozenset({"그렇", "그러", "맞", "그치", "그쵸", "그지", "안", "않", "지"})


def _bare_tag(unit: _Unit) -> bool:
    """Is ``unit`` a tag and nothing else (그렇죠?, 맞죠?, 그치?, 안 그래요?): no word of its own besides
    the tag's stem, negation and endings?"""
    words = [t for t in unit.tokens if t.tag not in ("SF", "SP")]
    return bool(words) and any(t.tag in ("IC", "EF") for t in words) and all(
        t.tag.startswith(("E", "J")) or t.form in _TAG_STEMS for t in words)


def _reproach_goes_on(text: str, before: list[_Unit], unit: _Unit) -> bool:
    """Does ``unit`` follow a blaming question and hold an undone act or not knowing (아이들 생각은 안
    하셨어요?, 과태료 나오는 거 모르셨어요?)? It carries the reproach on; it asks for no fact."""
    return bool(before) and _why(text, before) is not None and any(
        (t.tag == "MAG" and t.form in ("안", "못")) or (t.tag == "VX" and t.form == "않")
        or (t.tag == "VV" and t.form == "모르") for t in unit.tokens)


def question_parts(text: str) -> list[str]:
    """The utterances of ``text`` that ask something, in order (empty for a statement)."""
    from casework.language import analyse

    text = " ".join(text.split())
    if not text:
        return []
    return [u.text for u in _units(text, analyse(text)) if u.is_question]


# ---------------------------------------------------------------------------- the two situational mistakes


@dataclass(frozen=True)
class UncheckableMistake:
    """A mistake that depends on the situation: why no text rule catches it, and what to watch for."""

    mistake: QuestionMistake
    why_not_checked: str
    watch_for: tuple[str, ...]


UNCHECKABLE_MISTAKES: dict[QuestionMistake, UncheckableMistake] = {
    QuestionMistake.BAD_TIMING: UncheckableMistake(
        QuestionMistake.BAD_TIMING,
        "같은 질문도 언제 하느냐에 따라 좋은 질문이 되기도 하고 실수가 되기도 합니다. 질문의 글자만 봐서는 "
        "그 순간의 분위기를 알 수 없으므로 이 워크북은 자동으로 판단하지 않습니다.",
        (
            "당사자가 울고 있거나 몹시 흥분해 있어 답할 상태가 아닌가?",
            "가족이나 이웃이 옆에 있어 솔직하게 말하기 어려운 자리인가?",
            "전화, 방문객, 소음 때문에 면접이 자꾸 끊기고 있는가?",
            "당사자가 하던 이야기를 끊고 내 질문을 끼워 넣고 있지는 않은가?",
        ),
    ),
    QuestionMistake.IRRELEVANT: UncheckableMistake(
        QuestionMistake.IRRELEVANT,
        "어떤 질문이 상관있는지는 면접의 목적과 당사자의 형편에 달려 있어서, 질문 한 문장만으로는 "
        "가려낼 수 없습니다. 그래서 이 워크북은 자동으로 판단하지 않습니다.",
        (
            "이 답을 들으면 당사자를 돕는 데 무엇이 달라지는가?",
            "호기심이나 서식 칸 채우기 때문에 묻고 있지는 않은가?",
            "지금 당사자가 꺼낸 이야기와 이어지는 질문인가?",
            "꼭 필요한 정보만 묻고 있는가(사생활 보호)?",
        ),
    ),
}


def uncheckable_notes() -> list[str]:
    """The two situational mistakes as Korean paragraphs with their watch-for questions."""
    notes = []
    for item in UNCHECKABLE_MISTAKES.values():
        checklist = " ".join(f"· {w}" for w in item.watch_for)
        notes.append(f"[{item.mistake.value}] {item.why_not_checked} 스스로 살펴볼 점: {checklist}")
    return notes
