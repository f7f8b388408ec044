"""Which subjects (topics) a sentence to the person is about: health, meals, money, family …

The topics and their cues are data, ``casework/data/language/topic_rules.yaml``: each named
list is one topic (its name is the id a client file uses, its ``label`` the Korean name shown
to a learner). A sentence may touch several topics; a general opening ("요즘 어떻게 지내세요?")
touches none. The rules are the workbook's own and are measured by
``benchmarks/bench_topics.py`` on a labelled set.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CORE_TOPICS", "TopicHit", "find_topics", "topic_ids", "topic_label", "topic_rules"]

CORE_TOPICS = frozenset({
    "health", "meals", "money", "family", "neighbours", "mobility", "housing", "loneliness",
    "feelings", "legal", "benefits", "daily_living", "future", "work", "children", "safety",
})
"""Topics the bundled clients use; the rule file must define them (it may add more)."""


@dataclass(frozen=True)
class TopicHit:
    """One topic found in a sentence, with the words that showed it and where the last one ends."""

    topic: str
    label: str
    evidence: tuple[str, ...]
    last: int = 0


def topic_rules():
    """The validated topic table (one cue list per topic)."""
    from casework.language.rules import load_rule_table

    return load_rule_table("topic_rules.yaml", CORE_TOPICS)


def topic_ids() -> tuple[str, ...]:
    """Every topic id, in the rule file's order."""
    return tuple(topic_rules().lists)


def topic_label(topic: str) -> str:
    """The Korean name of a topic (its id when the file gives none)."""
    cue_list = topic_rules().lists.get(topic)
    return (cue_list.label or topic) if cue_list is not None else topic


def find_topics(text: str, tokens: tuple | None = None) -> tuple[TopicHit, ...]:
    """The topics ``text`` is about, in the rule file's order (none for a general sentence)."""
    from casework.language import analyse

    if not text.strip():
        return ()
    tokens = analyse(text) if tokens is None else tokens
    hits = []
    for topic, cue_list in topic_rules().lists.items():
        found = cue_list.find(text, tokens)
        if found:
            hits.append(TopicHit(topic, cue_list.label or topic, tuple(h.text for h in found),
                                 max(h.end for h in found)))
    return tuple(hits)
