"""The scripted client answering a learner's questions: a pure, deterministic engine.

``Interview(client, seed).ask("요즘 어떻게 지내세요?")`` returns a :class:`Turn` with the
person's reply. Nothing is generated: every reply is a line of the client file
(:mod:`casework.client`), chosen by the workbook's reply rules from what the Korean analysis
reads in the question — its questioning mistakes (:func:`casework.questions.check_question`),
its topics (:func:`casework.topics.find_topics`) and its manner (:func:`casework.listening.read_manner`).
The same client, seed and questions always give the same replies, so a stored transcript is
judged by replaying the learner's questions; the replies are never read from the learner.

Reply rules, first match wins (each has its test):

1. the person has closed down or left → ``gone``; past ``max_turns`` → ``leaving``;
2. a line that is not Korean → ``unreadable`` (trust unchanged);
3. trust falls to ``close_at`` → ``closing``: the person asks to stop and the interview ends;
4. a why-question about a past act or blaming words → ``defensive``;
5. disapproval or a directive → ``lectured``; dismissing feelings or a stereotype → ``hurt``;
   telling others without consent → ``alarmed``;
6. a statement: a reflection, summary or empathy that fits what was just said → acknowledge and
   go on with the next thing on the person's mind (``listening``); one that does not fit →
   ``misheard``; a greeting → ``greeting``; anything else → ``acknowledge``;
7. a question: several at once → ``several`` and a short answer to the last part only; complex
   → ``confused``; leading → ``agree`` (nothing learned); low trust or a closed question → the
   fact's short reply; an open question on a topic → the first untold fact on it, or
   ``guarded`` when that fact needs more trust, ``already_told`` or ``nothing_here``; an open question
   on no topic → the next fact the person brings up unasked (``volunteers``), else ``general_end``.

At high trust (``opens_up_at``) a told fact brings the facts in its ``then`` with it. Asking
more than ``patience`` questions in a row without a listening response tires the person
(``tired``, effect ``rapid``); a question right after a reply full of feeling, with no word for
that feeling, counts as asking at the wrong time (effect ``ignored_feeling``).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from casework.client import Client, Fact, PersonDetails, render
from casework.listening import CHECK_BACK_CUES, MannerReading, Principle, read_manner
from casework.questions import (
    QuestionFinding,
    QuestionMistake,
    check_question,
    question_parts,
)
from casework.topics import TopicHit, find_topics

__all__ = ["MAX_LINE", "Interview", "Reading", "Turn", "clean_line", "is_korean", "read_line"]

MAX_LINE = 300
"""Characters of one line the engine reads; the rest is cut off."""

_MISTAKE_EFFECT = {
    QuestionMistake.LEADING: "leading",
    QuestionMistake.CLOSED_WHEN_INFO_NEEDED: "closed",
    QuestionMistake.MULTIPLE: "several",
    QuestionMistake.COMPLEX: "complex",
    QuestionMistake.WHY_INTERROGATION: "why",
}
_MANNER_EFFECTS = ("invite_feeling", "acceptance", "self_determination", "individualisation", "confidentiality",
                   "greeting", "blame", "disapproval", "directive", "dismiss", "stereotype", "over_involvement",
                   "disclosure")


def clean_line(text: str) -> str:
    """One line as the engine reads it: NFC, no control or format characters, one space, at most MAX_LINE."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch for ch in text)
    return " ".join(text.split())[:MAX_LINE].strip()


def is_korean(text: str) -> bool:
    """Korean writing: at least two Hangul syllables, and Hangul at least half of the letters."""
    hangul = sum("가" <= ch <= "힣" for ch in text)
    letters = sum(ch.isalpha() for ch in text)
    return hangul >= 2 and hangul >= letters / 2


@dataclass(frozen=True)
class Reading:
    """What the analysis reads in one line the learner said."""

    text: str
    readable: bool
    questions: tuple[str, ...] = ()
    findings: tuple[QuestionFinding, ...] = ()
    topics: tuple[TopicHit, ...] = ()
    manner: MannerReading = field(default_factory=lambda: MannerReading({}))
    asked_topics: frozenset[str] = frozenset()

    @property
    def is_question(self) -> bool:
        return bool(self.questions)

    @property
    def listening(self) -> bool:
        return self.manner.listening

    def mistakes(self) -> tuple[QuestionMistake, ...]:
        return tuple(f.mistake for f in self.findings)

    def topic_ids(self) -> frozenset[str]:
        return frozenset(h.topic for h in self.topics)


def read_line(text: str) -> Reading:
    """Analyse one line: its questions, questioning mistakes, topics and manner.

    Workbook rule: a question that only checks understanding ("~다는 말씀이시죠?", "정리해
    보면 …거죠?") is a listening response, not a question, so it is neither leading nor closed.
    """
    from casework.language import analyse

    text = clean_line(text)
    if not text or not is_korean(text):
        return Reading(text, False)
    tokens = analyse(text)
    manner = read_manner(text, tokens)
    questions = tuple(question_parts(text))
    if manner.has(*CHECK_BACK_CUES):
        questions = tuple(q for q in questions if not read_manner(q).has(*CHECK_BACK_CUES))
    findings = tuple(check_question(text))
    if manner.has(*CHECK_BACK_CUES):
        dropped = (QuestionMistake.LEADING, QuestionMistake.CLOSED_WHEN_INFO_NEEDED)
        findings = tuple(f for f in findings if f.mistake not in dropped)
    if not questions:  # a statement cannot be a leading or a closed question
        findings = tuple(f for f in findings if f.mistake not in _QUESTION_ONLY)
    topics = find_topics(text, tokens)
    asked = frozenset(h.topic for q in questions for h in find_topics(q)) if questions else frozenset()
    return Reading(text, True, questions, findings, topics, manner, asked)


_QUESTION_ONLY = (QuestionMistake.LEADING, QuestionMistake.CLOSED_WHEN_INFO_NEEDED, QuestionMistake.MULTIPLE)


@dataclass(frozen=True)
class Turn:
    """One exchange: what the learner said, what the person replied, and what it showed."""

    number: int
    question: str
    reply: str
    rule: str
    facts: tuple[str, ...] = ()
    trust: int = 0
    manner: str = ""
    mistakes: tuple[QuestionMistake, ...] = ()
    effects: tuple[tuple[str, int], ...] = ()
    kept: tuple[Principle, ...] = ()
    broken: tuple[Principle, ...] = ()
    listening: bool = False
    asked: bool = False
    topics: tuple[str, ...] = ()
    ended: bool = False


class Interview:
    """One interview with a scripted client: ask questions, read the replies."""

    def __init__(self, client: Client, seed: int = 0) -> None:
        self.client = client
        self.seed = int(seed)
        self.person: PersonDetails = client.details_for(self.seed)
        self.trust = client.trust.start
        self.turns: list[Turn] = []
        self.told: list[str] = []
        self.ended = False
        self.closed_down = False
        self._last_topics = frozenset(h.topic for h in find_topics(self.opening))
        self._last_facts: tuple[str, ...] = ()
        self._guarded: str | None = None
        self._streak = 0
        self._prev_listening = False

    @classmethod
    def replay(cls, client: Client, seed: int, questions: list[str] | tuple[str, ...]) -> Interview:
        """The interview these questions make (the same every time)."""
        interview = cls(client, seed)
        for question in questions:
            interview.ask(question)
        return interview

    # ----- what the learner sees

    @property
    def opening(self) -> str:
        return self._say(self.client.opening)

    @property
    def manner(self) -> str:
        """The person's manner now, in Korean (trust is never shown as a number)."""
        return f"{self.person.called}{self._particle()} {self.client.manner_at(self.trust)}"

    def _particle(self) -> str:
        from casework._util.text import particle

        return particle(self.person.called, "은")

    def facts_found(self) -> list[Fact]:
        """The facts learned so far, in the order they were told."""
        return [self.client.fact(f) for f in self.told]

    def facts_missed(self) -> list[Fact]:
        return [f for f in self.client.facts if f.id not in self.told]

    @property
    def found_share(self) -> float:
        return len(self.told) / len(self.client.facts)

    # ----- one turn

    def ask(self, text: str) -> Turn:
        """The person's reply to one line the learner says."""
        number = len(self.turns) + 1
        line = clean_line(text if isinstance(text, str) else str(text))
        if self.ended:
            return self._record(number, line, self._pick("gone", number), "gone")
        if number > self.client.max_turns:
            self.ended = True
            return self._record(number, line, self._pick("leaving", number), "leaving", ended=True)
        reading = read_line(line)
        if not reading.readable:
            return self._record(number, line, self._pick("unreadable", number), "unreadable")
        effects, valid_listening = self._effects(reading)
        delta = sum(v for _, v in effects)
        delta = max(-self.client.trust.max_fall, min(self.client.trust.max_rise, delta))
        self.trust = max(0, min(self.client.trust.max, self.trust + delta))
        kept, broken = reading.manner.principles()
        if QuestionMistake.WHY_INTERROGATION in reading.mistakes():
            broken = tuple(dict.fromkeys((*broken, Principle.NON_JUDGEMENTAL)))
            kept = tuple(p for p in kept if p is not Principle.NON_JUDGEMENTAL)
        mistakes = reading.mistakes()
        if any(name == "ignored_feeling" for name, _ in effects):
            mistakes = (*mistakes, QuestionMistake.BAD_TIMING)
        info: dict[str, Any] = {"mistakes": mistakes, "effects": tuple(effects), "kept": kept, "broken": broken,
                "listening": reading.listening, "asked": reading.is_question,
                "topics": tuple(h.topic for h in reading.topics)}
        self._prev_listening = reading.listening and not reading.is_question
        if self.trust <= self.client.trust.close_at:
            self.ended = self.closed_down = True
            return self._record(number, line, self._pick("closing", number), "closing", ended=True, **info)
        rule, reply, told = self._reply(reading, number, valid_listening)
        if any(name == "rapid" for name, _ in effects) and rule not in ("defensive", "lectured", "hurt", "alarmed"):
            reply = f"{self._pick('tired', number)} {reply}"
        return self._record(number, line, reply, rule, facts=told, **info)

    def _effects(self, reading: Reading) -> tuple[list[tuple[str, int]], bool]:
        client = self.client
        effects: list[tuple[str, int]] = []
        manner = reading.manner
        fits = self._fits(reading)
        valid_listening = reading.listening and not self._prev_listening and fits
        if valid_listening:
            for name in ("reflection", "summary", "empathy"):
                if manner.has(name):
                    effects.append((name, client.effect(name)))
        elif reading.listening and not self._prev_listening and manner.has("empathy"):
            effects.append(("empathy", client.effect("empathy")))
        for name in _MANNER_EFFECTS:
            if manner.has(name):
                effects.append((name, client.effect(name)))
        for mistake in reading.mistakes():
            effects.append((_MISTAKE_EFFECT[mistake], client.effect(_MISTAKE_EFFECT[mistake])))
        asking_only = reading.is_question and not reading.listening
        self._streak = self._streak + 1 if asking_only else 0
        if self._streak > client.trust.patience:
            effects.append(("rapid", client.effect("rapid")))
        last_feeling = any(client.fact(f).feeling for f in self._last_facts)
        if last_feeling and asking_only and not manner.has("invite_feeling", "acceptance", "empathy"):
            effects.append(("ignored_feeling", client.effect("ignored_feeling")))
        return [(n, v) for n, v in effects if v or n in ("closed", "greeting")], valid_listening

    def _reply(self, reading: Reading, number: int, valid_listening: bool) -> tuple[str, str, tuple[str, ...]]:
        manner = reading.manner
        mistakes = reading.mistakes()
        if QuestionMistake.WHY_INTERROGATION in mistakes or manner.has("blame"):
            return "defensive", self._pick("defensive", number), ()
        if manner.has("disapproval", "directive"):
            return "lectured", self._pick("lectured", number), ()
        if manner.has("dismiss", "stereotype"):
            return "hurt", self._pick("hurt", number), ()
        if manner.has("disclosure"):
            return "alarmed", self._pick("alarmed", number), ()
        if not reading.is_question:
            if reading.listening:
                if not valid_listening and not self._fits(reading):
                    return "misheard", self._pick("misheard", number), ()
                return self._go_on(number)
            if manner.has("greeting"):
                return "greeting", self._pick("greeting", number), ()
            return "statement", self._pick("acknowledge", number), ()
        if QuestionMistake.MULTIPLE in mistakes:
            fact = self._fact_on(self._last_part_topics(reading), any_trust=True)
            short = self._say(fact.short) if fact else self._pick("yes_no", number)
            return "several", f"{self._pick('several', number)} {short}", ()
        if QuestionMistake.COMPLEX in mistakes:
            return "confused", self._pick("confused", number), ()
        if QuestionMistake.LEADING in mistakes:
            return "agree", self._pick("agree", number), ()
        topics = reading.asked_topics
        if self.trust < self.client.trust.short_below or QuestionMistake.CLOSED_WHEN_INFO_NEEDED in mistakes:
            fact = self._fact_on(topics, any_trust=True) if topics else None
            rule = "low_trust" if self.trust < self.client.trust.short_below else "closed"
            return rule, self._say(fact.short) if fact else self._pick("yes_no", number), ()
        if topics:
            on_topic = [f for f in self.client.facts if set(f.topics) & topics]
            untold = [f for f in on_topic if f.id not in self.told]
            if untold and untold[0].min_trust <= self.trust:
                return ("open_topic", *self._tell(untold[0]))
            if untold:  # the first thing on this subject is still too hard to say
                self._guarded = untold[0].id
                return "guarded", self._guard(untold[0], number), ()
            if on_topic:
                return "already_told", self._pick("already_told", number), ()
            return "nothing_here", self._pick("nothing_here", number), ()
        waiting = [f for f in self.client.facts if f.volunteers and f.id not in self.told]
        ready = [f for f in waiting if f.min_trust <= self.trust]
        if ready:
            return ("open_general", *self._tell(ready[0]))
        if waiting:
            self._guarded = waiting[0].id
            return "guarded", self._guard(waiting[0], number), ()
        return "general_end", self._pick("general_end", number), ()

    def _fits(self, reading: Reading) -> bool:
        """Does a listening response speak of what was just said? Feeling words fit any subject."""
        said = reading.topic_ids() - ({"feelings"} - self._last_topics)
        return not said or bool(said & self._last_topics)

    def _go_on(self, number: int) -> tuple[str, str, tuple[str, ...]]:
        """After a fitting listening response: acknowledge, then the next thing on the person's mind."""
        ack = self._pick("acknowledge", number)
        if self.trust < self.client.trust.short_below:
            return "listening", ack, ()
        candidates: list[Fact] = []
        if self._guarded:
            candidates.append(self.client.fact(self._guarded))
        told_topics: set[str] = set()
        for fact_id in self._last_facts:
            candidates += [self.client.fact(t) for t in self.client.fact(fact_id).then]
            told_topics |= set(self.client.fact(fact_id).topics)
        candidates += [f for f in self.client.facts if set(f.topics) & told_topics]
        candidates += [f for f in self.client.facts if set(f.topics) & self._last_topics]
        candidates += [f for f in self.client.facts if f.volunteers]
        for fact in candidates:
            if fact.id not in self.told and fact.min_trust <= self.trust:
                reply, told = self._tell(fact)
                return "listening", f"{ack} {reply}", told
        return "listening", ack, ()

    def _tell(self, fact: Fact) -> tuple[str, tuple[str, ...]]:
        told = [fact]
        if self.trust >= self.client.trust.opens_up_at:
            more = [self.client.fact(t) for t in fact.then]
            told += [f for f in more if f.id not in self.told and f.min_trust <= self.trust][:1]
        for f in told:
            self.told.append(f.id)
        if self._guarded in {f.id for f in told}:
            self._guarded = None
        return " ".join(self._say(f.reply) for f in told), tuple(f.id for f in told)

    def _guard(self, fact: Fact, number: int) -> str:
        return self._say(fact.guarded) if fact.guarded else self._pick("guarded", number)

    def _fact_on(self, topics: frozenset[str], *, any_trust: bool) -> Fact | None:
        for fact in self.client.facts:
            if set(fact.topics) & topics and fact.id not in self.told and (any_trust or fact.min_trust <= self.trust):
                return fact
        return None

    @staticmethod
    def _last_part_topics(reading: Reading) -> frozenset[str]:
        """The topics of the last thing asked: the last question, or the topic mentioned last."""
        if len(reading.questions) > 1:
            return frozenset(h.topic for h in find_topics(reading.questions[-1]))
        if not reading.topics:
            return frozenset()
        last = max(h.last for h in reading.topics)
        return frozenset(h.topic for h in reading.topics if h.last == last)

    # ----- wording

    def _say(self, text: str) -> str:
        return render(text, self.person.values)

    def _pick(self, kind: str, number: int) -> str:
        variants = getattr(self.client.replies, kind)
        rng = random.Random(f"casework|reply|{self.client.id}|{self.seed}|{number}|{kind}")
        return self._say(rng.choice(variants))

    def _record(self, number: int, line: str, reply: str, rule: str, *, facts: tuple[str, ...] = (),
                ended: bool = False, **info: Any) -> Turn:
        turn = Turn(number=number, question=line, reply=reply, rule=rule, facts=facts, trust=self.trust,
                    manner=self.manner, ended=ended or self.ended, **info)
        self.turns.append(turn)
        if rule not in ("gone", "leaving", "unreadable"):
            # what the exchange was about: the words of the reply, the facts told, what was asked
            said = frozenset(h.topic for h in find_topics(reply))
            told = frozenset(t for f in facts for t in self.client.fact(f).topics)
            guarded = frozenset(self.client.fact(self._guarded).topics) if rule == "guarded" and self._guarded else frozenset()
            asked = frozenset(info.get("topics", ())) if rule not in ("greeting", "statement", "misheard") else frozenset()
            about = said | told | guarded | asked
            if about:  # a greeting or a bare "네" keeps the subject of the talk as it was
                self._last_topics = about
            self._last_facts = facts
        return turn
