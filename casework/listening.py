"""How a sentence to the person is said: listening responses and Biestek's relationship principles.

Source: 광진구청 희망나눔팀 학습동아리 교재 (seed 003): "면접의 20%는 질문하기, 80%는 잘 듣는 것"
and 비에스텍의 7대 관계 원칙 (Biestek 1957). The cues are the workbook's own, read from
``casework/data/language/listening_rules.yaml`` (reviewable lists with examples that must and
must not match) and matched on morphemes:

* **listening responses** — a reflection (~셨군요, ~다는 말씀이시죠), a summary (정리해 보면,
  말씀을 들어 보니) or empathy (힘드셨겠어요) answers what the person said instead of asking more;
* **principles** — each of the seven principles has lists that show it kept (수용: "그럴 수
  있어요") and lists that show it broken (비심판적 태도: "잘못하셨네요"); which lists belong to
  which principle is :data:`PRINCIPLE_CUES` (a teaching rule of the workbook). A why-question
  about a past act (the question checks' "추궁") also breaks 비심판적 태도, which the caller adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = [
    "CHECK_BACK_CUES",
    "LISTENING_CUES",
    "PRINCIPLE_CUES",
    "MannerReading",
    "Principle",
    "listening_rules",
    "read_manner",
]


class Principle(str, Enum):
    """Biestek's seven principles, in the textbook's order."""

    INDIVIDUALISATION = "개별화"
    EXPRESSION_OF_FEELINGS = "의도적 감정표현"
    CONTROLLED_INVOLVEMENT = "통제된 정서적 관여"
    ACCEPTANCE = "수용"
    NON_JUDGEMENTAL = "비심판적 태도"
    SELF_DETERMINATION = "자기결정"
    CONFIDENTIALITY = "비밀보장"


PRINCIPLE_CUES: dict[Principle, tuple[tuple[str, ...], tuple[str, ...]]] = {
    Principle.INDIVIDUALISATION: (("individualisation",), ("stereotype",)),
    Principle.EXPRESSION_OF_FEELINGS: (("invite_feeling",), ("dismiss",)),
    Principle.CONTROLLED_INVOLVEMENT: (("empathy",), ("over_involvement",)),
    Principle.ACCEPTANCE: (("acceptance",), ("disapproval",)),
    Principle.NON_JUDGEMENTAL: (("acceptance",), ("blame",)),
    Principle.SELF_DETERMINATION: (("self_determination",), ("directive",)),
    Principle.CONFIDENTIALITY: (("confidentiality",), ("disclosure",)),
}
"""Workbook rule: the cue lists that show each principle (kept, broken)."""

LISTENING_CUES = ("reflection", "summary", "empathy")
"""Lists that make a turn a listening response (되비추기, 요약, 공감)."""

CHECK_BACK_CUES = ("reflection", "summary")
"""Lists that make a '~죠?' a check on understanding rather than a leading question."""

_LISTS = frozenset({
    "reflection", "summary", "empathy", "invite_feeling", "acceptance", "self_determination",
    "individualisation", "confidentiality", "greeting", "blame", "disapproval", "directive", "dismiss",
    "stereotype", "over_involvement", "disclosure",
})


def listening_rules():
    """The validated table of listening and manner cues."""
    from casework.language.rules import load_rule_table

    return load_rule_table("listening_rules.yaml", _LISTS)


@dataclass(frozen=True)
class MannerReading:
    """The manner cues found in one sentence: list name → the words that showed it."""

    cues: dict[str, tuple[str, ...]]

    def has(self, *names: str) -> bool:
        return any(name in self.cues for name in names)

    @property
    def listening(self) -> bool:
        """Does the sentence reflect, summarise or empathise?"""
        return self.has(*LISTENING_CUES)

    def principles(self) -> tuple[tuple[Principle, ...], tuple[Principle, ...]]:
        """(principles the sentence shows kept, principles it shows broken)."""
        kept = tuple(p for p, (keep, _) in PRINCIPLE_CUES.items() if self.has(*keep))
        broken = tuple(p for p, (_, breaks) in PRINCIPLE_CUES.items() if self.has(*breaks))
        return tuple(p for p in kept if p not in broken), broken

    def label(self, name: str) -> str:
        """The Korean name of a cue list."""
        cue_list = listening_rules().lists.get(name)
        return (cue_list.label or name) if cue_list is not None else name


def read_manner(text: str, tokens: tuple | None = None) -> MannerReading:
    """The listening and principle cues in ``text``."""
    from casework.language import analyse

    if not text.strip():
        return MannerReading({})
    tokens = analyse(text) if tokens is None else tokens
    found = {}
    for name, cue_list in listening_rules().lists.items():
        hits = cue_list.find(text, tokens)
        if hits:
            found[name] = tuple(h.text for h in hits)
    return MannerReading(found)
