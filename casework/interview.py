"""Interviewing: checking a question against the seven common questioning mistakes.

Source: 광진구청 희망나눔팀 학습동아리 교재 (seed 003), "질문할 때 흔히 하는 7가지 실수" and
"면접의 20%는 질문하기, 80%는 잘 듣는 것".

``check_question`` looks at the wording of one question and catches five of the seven mistakes
with rules of thumb tuned for spoken Korean. The rules (which words count, the length limit,
how clauses are counted) are the workbook's own teaching rules, not the textbook's, and they
can be wrong both ways; every finding says so. The other two mistakes (bad timing, irrelevant
questions) depend on the situation, not the words, and are explained in
``UNCHECKABLE_MISTAKES`` instead of being guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from casework.errors import CaseworkError

__all__ = [
    "QuestionMistake", "QuestionFinding", "check_question", "UncheckableMistake",
    "UNCHECKABLE_MISTAKES", "uncheckable_notes", "MAX_QUESTION_LENGTH", "MAX_CONNECTIVES",
    "HEURISTIC_NOTE", "ASKING_SHARE", "LISTENING_SHARE", "LISTENING_PRINCIPLE",
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


ASKING_SHARE = 0.2
LISTENING_SHARE = 0.8
LISTENING_PRINCIPLE = (
    "면접에서 묻는 일은 20% 정도, 나머지 80%는 잘 듣는 일입니다. 좋은 질문 하나를 던졌다면 "
    "서둘러 다음 질문으로 넘어가지 말고 당사자의 이야기를 끝까지 들어 주세요."
)

HEURISTIC_NOTE = "(글자 모양만 보고 찾은 어림 규칙, 곧 휴리스틱이라 틀릴 수 있습니다.)"

MAX_QUESTION_LENGTH = 60
"""Workbook rule: a question longer than this many characters (spaces included) is flagged as long."""
MAX_CONNECTIVES = 1
"""Workbook rule: more than one connective ending (i.e. more than two clauses) is flagged as complex."""


# ---------------------------------------------------------------------------
# Word lists (the workbook's choices)
# ---------------------------------------------------------------------------

# Interrogative words; the lookaheads drop non-question uses such as 언제나, 누구나, 뭐든,
# 얼마 전 ("a while ago"), 왜냐하면, 어떻게든.
_WH = re.compile(
    r"(무엇(?!이든)|무얼|뭐(?!든)|뭘|뭔|어떻(?!게든)|어떤|어떠|어때|어땠|언제(?!나|든)|어디(?!든)|"
    r"누구(?!나|든)|누가|누굴|얼마(?!\s*(?:전|후|안\s*되))|몇(?!몇)|왜(?!냐)|무슨|어느|어째서|어쩌)"
)
# A request for a story is an open invitation even when it is shaped like a yes/no question.
_REQUEST = re.compile(r"(말씀|이야기|얘기|들려|설명|알려)")
_CHOICE = re.compile(r"아니면|혹은")
_QUESTION_END = re.compile(r"(나요|까요|니까|는지요|을까|냐|니|가요)[.!…]*$")

_WHY = re.compile(r"(왜(?!냐)|어째서|무엇 때문에|뭐 때문에|무슨 이유로|무슨 이유에서)")
_NEGATION = re.compile(r"(^|\s)(안|못)(\s|하|해|했)|않")

_LEADING_ANYWHERE = [
    re.compile(r"\S*잖(아요|아|습니까|아요\?)"),
    re.compile(r"\S*지\s*않(아요|으세요|나요|습니까|으셨어요|았어요|을까요|으십니까|겠어요)"),
    re.compile(r"\S*겠(죠|지요)"),
    re.compile(r"당연히|물론"),
]
_LEADING_TAG = re.compile(r"\S*(죠|지요)\s*[?？]?\s*$")
_POLITE_JIYO = re.compile(r"[는은신던인]지요")

_CONNECTOR_WORDS = re.compile(r"\S*(요|고|까|죠|며|데)[,，]?\s+(그리고|또한?)\s+\S+")
_CLAUSE_GO = re.compile(r"(시고|셨고|었고|았고|했고|였고|이고|겠고)$")
_AUXILIARY_AFTER_GO = re.compile(r"^(나서|난|나면|나니|계시|계셨|있|싶|오|가|보|말)")
_TOPIC = re.compile(r"\S+[은는]$")
_NOT_TOPIC = re.compile(r"(시는|하는|있는|없는|되는|가는|오는|주는|보는|드는|나는|내는|이는|하신은)$")

_CONNECTIVE_ENDINGS = (
    "는데", "은데", "지만", "면서", "으며", "거나", "다가", "는지", "은지", "던지", "도록",
    "어서", "아서", "해서", "여서", "셔서", "워서", "와서", "져서", "려서", "나서", "돼서", "봐서", "줘서",
    "으면", "하면", "다면", "시면", "되면", "지면",
    "시고", "셨고", "었고", "았고", "했고", "였고", "겠고",
    "니까",
)
_DOUBLE_NEGATIVE = [
    re.compile(r"(^|\s)(안|못)\s+\S*지\s*(않|못)"),
    re.compile(r"(않|못하|없)\S*\s+(것|건|게|거)\S*\s*(아니|아닌|아닐)"),
    re.compile(r"(없|않|아니|못하)지\s*(않|못)"),
]

_PUNCT = ".,!?？…~\"'“”‘’()"


def _tokens(text: str) -> list[str]:
    return [t.strip(_PUNCT) for t in text.split() if t.strip(_PUNCT)]


def _sentences(text: str) -> list[str]:
    parts = re.findall(r"[^?？.!]+[?？.!]*", text)
    return [p.strip() for p in parts if p.strip()]


def _is_question(sentence: str) -> bool:
    return sentence.rstrip().endswith(("?", "？")) or bool(_QUESTION_END.search(sentence.rstrip()))


def _final_jong(syllable: str) -> int:
    """Index of the final consonant of a Hangul syllable (0 = none), or -1 if not Hangul."""
    code = ord(syllable) - 0xAC00
    return code % 28 if 0 <= code < 11172 else -1


_JONG_BIEUP, _JONG_SSANGSIOT, _JONG_NIEUN = 17, 20, 4


def _has_past_marker(text: str) -> bool:
    # A syllable ending in ㅆ (했, 었, 셨, 랬 ...) marks the past; 있 and 겠 do not.
    return any(_final_jong(ch) == _JONG_SSANGSIOT and ch not in "있겠" for ch in text)


def _asks_about_event(text: str) -> bool:
    # "...한 거예요?", "그런 건지": an adnominal ending in ㄴ before 거/건/것 asks what happened.
    toks = _tokens(text)
    return any(
        tok and _final_jong(tok[-1]) == _JONG_NIEUN and nxt.startswith(("거", "건", "것"))
        for tok, nxt in zip(toks, toks[1:])
    )


def _count_connectives(sentence: str) -> list[str]:
    toks = _tokens(sentence)
    found: list[str] = []
    for tok in toks[:-1]:  # the last word carries the sentence ending, not a connective
        if not tok.endswith(_CONNECTIVE_ENDINGS):
            continue
        if tok.endswith("니까") and len(tok) >= 3 and _final_jong(tok[-3]) == _JONG_BIEUP:
            continue  # 습니까/합니까 are question endings
        found.append(tok)
    return found


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------

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
        f"한 번에 두 가지 이상을 묻는 것 같습니다('{evidence}'). 이러면 당사자는 보통 마지막 질문에만 "
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
        f"'왜 그랬느냐'고 원인을 따지는 질문으로 들릴 수 있습니다('{evidence}'). 당사자는 추궁당한다고 "
        "느끼고 변명부터 하게 됩니다. 무슨 일이 있었는지, 그때 어떠셨는지를 물어 보세요. "
        "예: '왜 약을 안 드셨어요?' 대신 '약을 챙겨 드시기에 어떤 점이 어려우세요?' " + HEURISTIC_NOTE
    )


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

def _leading_in(sentence: str) -> str | None:
    for pattern in _LEADING_ANYWHERE:
        m = pattern.search(sentence)
        if m:
            return m.group(0).strip()
    if _is_question(sentence):
        m = _LEADING_TAG.search(sentence)
        # "성함이 어떻게 되시죠?" is a polite open question, and "~는지요?" a neutral polite ending.
        if m and not _WH.search(sentence) and not _POLITE_JIYO.search(m.group(0)):
            return m.group(0).strip()
    return None


def _find_leading(sentences: list[str]) -> str | None:
    for sentence in sentences:
        found = _leading_in(sentence)
        if found:
            return found
    return None


def _find_closed(questions: list[str]) -> str | None:
    for q in questions:
        if _WH.search(q) or _REQUEST.search(q) or _CHOICE.search(q):
            continue
        # A leading question is yes/no by construction; the leading finding already covers it.
        if _leading_in(q):
            continue
        return q
    return None


def _find_multiple(text: str, questions: list[str]) -> str | None:
    marks = text.count("?") + text.count("？")
    if marks >= 2:
        return " / ".join(questions)
    m = _CONNECTOR_WORDS.search(text)
    if m:
        return m.group(0).strip()
    for q in questions:
        toks = _tokens(q)
        for i, tok in enumerate(toks[:-1]):
            if not _CLAUSE_GO.search(tok) or _AUXILIARY_AFTER_GO.match(toks[i + 1]):
                continue
            left, right = " ".join(toks[: i + 1]), " ".join(toks[i + 1:])
            both_wh = bool(_WH.search(left) and _WH.search(right))
            new_topic = any(_TOPIC.search(t) and not _NOT_TOPIC.search(t) for t in toks[i + 1:-1])
            if both_wh or new_topic:
                return f"{tok} {toks[i + 1]}"
    return None


def _find_complex(text: str, questions: list[str]) -> list[str]:
    details: list[str] = []
    if len(text) > MAX_QUESTION_LENGTH:
        details.append(f"{len(text)}자로 {MAX_QUESTION_LENGTH}자보다 깁니다")
    for q in questions or [text]:
        connectives = _count_connectives(q)
        if len(connectives) > MAX_CONNECTIVES:
            details.append(f"절이 {len(connectives) + 1}개 이어져 있습니다({', '.join(connectives)} 뒤에서 이어짐)")
            break
    for pattern in _DOUBLE_NEGATIVE:
        m = pattern.search(text)
        if m:
            details.append(f"부정이 겹쳐 있습니다: '{m.group(0).strip()}'")
            break
    return details


def _find_why(text: str) -> str | None:
    m = _WHY.search(text)
    if not m:
        return None
    rest = text[m.start():]
    clause = re.split(r"[?？.!]", rest, maxsplit=1)[0].strip()
    if _has_past_marker(clause) or _NEGATION.search(" " + clause) or _asks_about_event(clause):
        return clause
    return None


def check_question(text: str) -> list[QuestionFinding]:
    """Check one question (or a short run of questions) for five of the seven mistakes.

    Returns at most one finding per mistake, in the textbook's order; an empty list means no
    rule fired, not that the question is good. Text that is not a question at all (a
    statement) usually gets no findings. The two mistakes that depend on the situation are
    described in ``UNCHECKABLE_MISTAKES``.
    """
    if not isinstance(text, str):
        raise CaseworkError(f"질문은 글(문자열)로 넣어 주세요. 받은 값: {text!r} ({type(text).__name__})")
    text = " ".join(text.split())
    if not text:
        raise CaseworkError("질문이 비어 있습니다. 당사자에게 할 질문을 한 문장 이상 적어 주세요.")

    questions = [s for s in _sentences(text) if _is_question(s)]
    findings: list[QuestionFinding] = []

    leading = _find_leading(_sentences(text))
    if leading:
        findings.append(QuestionFinding(QuestionMistake.LEADING, _msg_leading(leading), leading))
    closed = _find_closed(questions)
    if closed:
        findings.append(QuestionFinding(QuestionMistake.CLOSED_WHEN_INFO_NEEDED, _msg_closed(closed), closed))
    multiple = _find_multiple(text, questions)
    if multiple:
        findings.append(QuestionFinding(QuestionMistake.MULTIPLE, _msg_multiple(multiple), multiple))
    complex_details = _find_complex(text, questions)
    if complex_details:
        findings.append(
            QuestionFinding(QuestionMistake.COMPLEX, _msg_complex(complex_details), "; ".join(complex_details))
        )
    why = _find_why(text)
    if why:
        findings.append(QuestionFinding(QuestionMistake.WHY_INTERROGATION, _msg_why(why), why))
    return findings


# ---------------------------------------------------------------------------
# The two mistakes no wording rule can catch
# ---------------------------------------------------------------------------

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
