"""Checking a written goal against the seven common planning mistakes of the textbook.

Source: 광진구청 희망나눔팀 학습동아리 교재 (seed 003), "계획수립단계에서 흔히 하는 실수 7가지"
and the problem/demand/need table, whose eight model objectives get no mistake here.

The rules are the workbook's, read from ``casework/data/language/goal_rules.yaml`` (reviewable
word lists) and applied to the goal's morphemes (:func:`casework.language.analyse`). The
*predicate window* is the goal's last two words, where Korean puts the main verb.

1. **The worker's task or the service itself**: a worker as subject (``worker`` + 이/가, 은/는,
   에서); a worker's verb used as a predicate (``worker_verbs`` + 하다, or ending the goal:
   연계한다, 지원함, 사업 연계); a causing predicate in the window (``causative``: ~하도록 한다,
   회복시킨다); with no person as subject, a helping predicate (``help_verb``: 돕는다) or a
   service named as the means (``service_as_means``: 프로그램으로, 상담을 통해; ``means`` around
   any service of the class: 자조모임을 통해) or a visit then a check (``visit_check``: 방문하여 …
   점검함, the worker's monitoring); the person
   receiving or using a service (``service_nouns`` with ``service_use``: 상담을 받는다,
   프로그램에 참여한다, 교실에 다닌다), but not applying for or deciding on one (``service_choice``:
   수강을 신청한다, 이용할지 결정한다, 참석 여부를 결정한다); an ``owner`` that is a worker; a
   worker as subject also after a title (통장님이); with the person as subject an agency before 에서 is
   the place (청년이 … 주민센터에서 신청을 마친다). Within a time frame the worker's own act,
   a causing predicate included (…하도록 돕는다), is judged at closure (1, not also 7). A party
   out of reach as subject (사장이 임금을 지급함, 전 부인이 … 만나게 해 준다, 이혼한 아내가 …) makes a
   worker's verb or a causing predicate given as a favour theirs: that is 6, not 1. A care act that
   family members do too (``care_acts``: 동행, 안부 전화) with a person as subject (아들이 … 동행한다)
   or done 서로 is their own act, not the worker's. Helping as the goal's end also counts as a noun
   (신청 도움); the person's own conduct is no causing predicate (가족을 힘들게 하지 않는다, 할머니가
   손자를 … 입학시킨다). A causing predicate whose caused act has no object, place or level (서로
   대화하도록 돕는다) is a habit: not judged at closure (1 and 7).
2. **One service's target**: a service's performance measure (``kpi``: 이용률, 사용률, 만족도,
   출석률, 결석, 미수령, 거부, 예약·약속을 어기는, 연결되지 않는 …; ``use_rate``: its use as a rate or in full, 빠짐없이 참석한다, 10회기 중 8회기,
   중단 없이 유지; a marker of completeness, ``in_full``, then a use or delivery word,
   ``attendance``: 빠짐없이 나온다, 한 번도 거절하지 않고 받는다, 10회 가운데 9회 출석, 수료까지 마침)
   next to a service: the one service class that mistake 1 uses (``service_nouns`` and the places
   that give them, ``providers``: 지역아동센터, 경로식당; not 주민센터), or a delivery word
   (``service_context``: 이용자, 예약, 배달). A completeness marker measures the noun phrase
   before it (its object, else its place): a service only where that phrase names one and is
   not the person's own paperwork (``paperwork``: 부모급여 신청을 모두 마침) — 혈압약을 하루도
   빠짐없이 복용 measures the pills; a miss negated inside the marker (``missed``: 한 번도 어기지
   않음) is a use. The 받다/이용하다 of such a goal belongs to the
   measure, so it is not also mistake 1.
3. **Whose goal is unclear**: no ``owner`` given, no person in the goal (``person``), no worker
   as subject, and the change happens between people (``relational``: 갈등, 대화, 폭력, 서로 …).
   A goal with no subject whose change is plainly the person's own (3개월 안에 주 2회 경로당에
   나간다) is read as the person's, as in the textbook's table.
4. **Vague concept**: a concept from ``vague`` (삶의 질, 정서적 안정, 자존감 …), not inside a name
   (``vague_in_names``: 행복주택, 행복지킴이통장; 부자가정 is no grand goal for 5 either), with no scale
   (``scale``) and no measured level anywhere in the goal; a count of the service used as the means
   before it (주 1회 미술치료를 통해 자존감이 …) doses the service and defines nothing, nor does a
   count of the days in the undefined state itself (정서적으로 안정된 날이 주 5일).
5. **Lifetime goal**: a word from ``grand`` or a goal to repay all debts (``all_debt``), not one
   that starts inside the time frame (3개월 내 집안 is no 내 집).
6. **Not reachable by case management**: ``unreachable`` (완치, 로또, 운이 따라, 기준 완화, 성격,
   집주인이, 옛 동료가, 주택공사가 …); another party as the subject of a decision
   (``party_decision``: 예전 직장이 … 고용하기로 결정한다) or the giver of a favour (``favour``: 주치의가
   약을 줄여 준다, named by 이/가, 은/는 or 께서), or acting on the person (the nearest subject before a
   person as object or recipient: 경찰이 가해 학생을 송치한다, 친부가 … 아이에게 연락해 온다) or as the one persuaded (``persuasion``:
   집주인을 설득해 …), where the nouns before the particle hold no person or worker word; a
   decision received (판정된다, 허가를 받는다: the decider is outside), a school as subject, a
   rule's figure as the subject of a change (지급 연령이 올라가) and another party's act stopping
   (추심이 멈춘다) are in ``unreachable``, as are weather as the subject of an absence, a price or a
   benefit rising, a disease's symptoms stopping, a condition gone completely (완전히 사라진다), restored
   as before (예전처럼 회복된다) or no longer worsening (더 이상 나빠지지 않는다), never again suffering a
   harm others inflict (다시는 … 사기를 당하지 않는다), the police or a court as
   subject and a rule abolished. A subject and a predicate that a
   modifier clause splits (폭염특보가 내린 날에는 … 하지 않는다) are no pair; a modifier with no subject of
   its own does not split (예전처럼 건강한 몸을 되찾는다). A person set apart (헤어진, 연락이 끊긴) is out of
   reach as a subject, not as the one the person acts on or toward (헤어진 여동생을 찾는 신청을 마친다,
   연락이 끊긴 조카에게 편지를 부친다); 혼자서 names no party. The goal's subject (the last one outside a
   modifier clause: 가해자가 찾아올 때 is none) is another party when its last noun has the shape of one
   (``parties``: …조합, …위원회, …업체, …청, a noun + 회의, 조합장, 소장, 직원; :func:`_outside_party`), a
   service's provider (…기관, …업체) only when it decides or changes terms (``party_terms``), or when its last
   noun is a force of nature (``forces``: 태풍이, 하천이, 풍랑주의보가; :func:`_is_force`); persuading,
   asking or negotiating with such a party for its act (``persuasion``: 소장에게 요청해 …, 조합 측과 협의해 …)
   is 6 too, and 1 as well with nobody as subject. A party that gives care or checks (``provider_acts``:
   원장이 안부를 확인해 준다) is a provider (1), not 6; a level given in a test the person takes
   (레벨테스트에서 … 판정을 받는다) is the person's own outcome. Passives of an authority's act (등록된다,
   선발된다), a grade moved, quotas and provided hours rising, prices and neighbours' complaints are in
   ``unreachable``.
7. **Cannot be judged at closure**: no time frame (``time_frame``, ``placeholder``), or no
   criterion: no measured level (a number outside the time frame, ``frequency``, ``scale``),
   no one-time outcome (``completion`` as the predicate in the window) and no absence
   (``absence``); effort alone (``effort``) is no criterion. A goal out of reach (6) names one
   event whatever its verb (법원이 인가해 준다, 요건이 완화된다, or a noun: 사장이 밀린 임금 지급): with a
   time frame it is judged, unless the verb is a change without a level (성격이 좋아진다) or becoming a
   vague state (전 남편이 정서적으로 안정된다). With a time frame, a concrete act
   of the person (a verb with an object or a place: 검진을 예약한다, 시험에 응시한다) is judged
   too (:func:`_action`); a change without a level (``gradual``), a habit (``manner``: 잘, 자주;
   ``not_acts``: 나간다, 다닌다), becoming, a state or effort (``not_acts``), a vague concept or a
   lifetime goal is not, except a grand status (``grand_outcomes``: 부자가 된다, 명문대에 보낸다),
   reached or not by closure like repaying every debt (5 only). A trip made alone to a named place (혼자
   화장실까지 이동, 골목까지 혼자 걸어 나간다: :func:`_trip_alone`) and a set done in full (서류를 모두
   준비한다) are such acts, though going out and preparing alone are not.

A blank number (``몇 개월``, ``OO회``) is not a mistake: the textbook leaves its figures open.
:func:`goal_notes` returns a separate note that asks for the figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from itertools import pairwise

from casework._util.text import josa, overlaps
from casework.errors import CaseworkError

__all__ = [
    "PlanningMistake",
    "GoalFinding",
    "GoalNote",
    "HEURISTIC_NOTE",
    "BLANK_NUMBER_NOTE",
    "check_goal",
    "goal_notes",
    "goal_rules",
]


class PlanningMistake(str, Enum):
    """The seven common mistakes when writing plan goals (계획수립단계에서 흔히 하는 실수).

    Members are in the textbook's order; the value is the workbook's short Korean label.
    """

    WORKER_TASK = "사례관리자의 할 일·서비스 제공자의 목표·서비스 자체를 목표로 함"
    SINGLE_SERVICE = "개별 서비스의 목표를 세움"
    NO_OWNER = "누구의 목표인지 알 수 없음"
    VAGUE_CONCEPT = "자의적이거나 뜻이 모호한 목표"
    LIFETIME_GOAL = "남은 생애에도 이루기 어려운 원대한 목표"
    UNREACHABLE = "사례관리로 이룰 수 없는 목표"
    NOT_EVALUABLE = "종결 때 달성 여부를 판단할 수 없는 목표"

    @property
    def number(self) -> int:
        """Position in the textbook's list, 1–7."""
        return list(PlanningMistake).index(self) + 1

    @property
    def explanation(self) -> str:
        """Why this is a mistake, in the workbook's words."""
        return _MISTAKE_EXPLANATIONS[self]


_MISTAKE_EXPLANATIONS: dict[PlanningMistake, str] = {
    PlanningMistake.WORKER_TASK: (
        "목표는 당사자에게 일어날 변화입니다. 사례관리자가 할 일, 서비스 제공자의 목표, "
        "서비스 내용은 그 변화를 위한 수단일 뿐입니다. 당사자가 서비스를 '받는다', '이용한다'는 "
        "것도 서비스 자체를 적은 것입니다."
    ),
    PlanningMistake.SINGLE_SERVICE: (
        "사례관리 계획의 목표는 여러 서비스가 함께 이루어 낼 당사자의 변화입니다. 서비스 한 가지의 "
        "이용률이나 만족도 같은 성과 지표는 그 서비스의 목표일 뿐입니다."
    ),
    PlanningMistake.NO_OWNER: (
        "누가 달라져야 하는지 분명해야 당사자가 자기 목표로 받아들이고, 점검할 때도 "
        "누구를 보아야 할지 알 수 있습니다."
    ),
    PlanningMistake.VAGUE_CONCEPT: (
        "'행복', '삶의 질'처럼 사람마다 다르게 이해하는 말은 무엇을 이루면 되는지 "
        "알려 주지 못합니다."
    ),
    PlanningMistake.LIFETIME_GOAL: (
        "평생에 걸친 큰 목표는 사례관리 기간 안에 이룰 수 없어 당사자를 지치게 합니다."
    ),
    PlanningMistake.UNREACHABLE: (
        "병의 완치, 제도나 정책, 다른 사람의 선택처럼 사례관리의 힘이 닿지 않는 일은 목표가 될 수 "
        "없습니다."
    ),
    PlanningMistake.NOT_EVALUABLE: (
        "종결할 때 이루었는지 판단하려면 기간과 판단 기준(잴 수 있는 수준이나 이루었는지 알 수 있는 "
        "일)이 목표에 들어 있어야 합니다."
    ),
}

HEURISTIC_NOTE = (
    "※ 문장을 낱말과 말끝으로 나누어 워크북의 규칙 표와 견주어 찾은 자동 점검 결과입니다. 문맥상 문제가 없다면 "
    "그대로 두어도 됩니다."
)
BLANK_NUMBER_NOTE = (
    "숫자를 비워 둔 자리가 있습니다. 교재의 예시도 숫자를 비워 두었으니 잘못은 아니지만, 실제 "
    "계획에는 당사자와 합의한 숫자를 넣어야 종결 때 이루었는지 판단할 수 있습니다."
)


@dataclass(frozen=True)
class GoalFinding:
    """One planning mistake found in a goal.

    ``message`` says what is wrong and how to rewrite (it ends with :data:`HEURISTIC_NOTE`);
    ``how_to_fix`` is the rewrite advice with an example on its own; ``evidence`` quotes the
    words that triggered the check, or says what was looked for and not found.
    """

    mistake: PlanningMistake
    message: str
    how_to_fix: str
    evidence: str

    def __str__(self) -> str:
        return f"[{self.mistake.number}. {self.mistake.value}] {self.message}"


@dataclass(frozen=True)
class GoalNote:
    """Something to add that is not a mistake: a blank number like ``몇 개월``."""

    message: str
    evidence: str

    def __str__(self) -> str:
        return f"[알림] {self.message} ({self.evidence})"


_LISTS = frozenset({
    "person", "worker", "worker_verbs", "admin_endings", "causative", "help_verb", "service_nouns",
    "service_as_means", "service_use", "kpi", "service_context", "use_rate", "relational", "vague",
    "vague_in_names", "relative_level", "scale", "grand", "all_debt", "unreachable", "time_frame",
    "placeholder", "frequency", "completion", "effort", "absence", "applying", "gradual", "not_acts", "manner",
    "in_full", "attendance", "means", "service_choice", "party_decision", "persuasion", "missed", "paperwork",
    "providers", "not_services", "visit_check", "care_acts", "grand_outcomes", "favour", "parties", "party_terms",
    "provider_acts", "forces",
})


def goal_rules():
    """The validated rule table of the goal checks."""
    from casework.language.rules import load_rule_table

    return load_rule_table("goal_rules.yaml", _LISTS)


def require_text(value: object, what: str) -> str:
    """``value`` if it is text that is not blank, else a Korean error naming ``what``."""
    if not isinstance(value, str):
        raise CaseworkError(f"{josa(what, '은')} 글자로 써야 합니다: {value!r}")
    if not value.strip():
        raise CaseworkError(f"{josa(what, '이')} 비어 있습니다. 내용을 적어 주세요.")
    return value


def _quoted(hits) -> str:
    seen: list[str] = []
    for h in hits:
        word = " ".join((h if isinstance(h, str) else h.text).split())
        if word and word not in seen:
            seen.append(word)
    return ", ".join(f"'{w}'" for w in seen)


def _whole_word(text: str, hit) -> str:
    """The hit extended to the end of its word, so a verb is quoted with its ending (연계한다)."""
    end = text.find(" ", hit.end)
    return text[hit.start:len(text) if end < 0 else end].rstrip(".,!?")


def _and(items: list[str]) -> str:
    """'A과 B' with the particle that fits A."""
    return " ".join(josa(item, "과") for item in items[:-1]) + (" " if len(items) > 1 else "") + items[-1]


def _finding(mistake: PlanningMistake, problem: str, fix: str, evidence: str) -> GoalFinding:
    return GoalFinding(mistake, f"{problem} {fix} {HEURISTIC_NOTE}", fix, evidence)


@dataclass(frozen=True)
class _Reading:
    """What the rule lists found in one goal, each list read when a check first asks for it."""

    text: str
    tokens: tuple
    hits: dict

    def __getitem__(self, name: str):
        if name not in self.hits:
            found = goal_rules()[name].find(self.text, self.tokens)
            if name == "person":  # '3개월 내 말다툼' is read as '나의': a time frame is nobody
                found = _outside(found, self["time_frame"])
            elif name == "time_frame":  # '죽을 때까지' spans a lifetime (5), it sets no time frame
                found = [h for h in found if not any(g.start <= h.start < g.end for g in self["grand"])]
            elif name == "placeholder":  # 'OO' in a name (김OO 어르신, OO씨는) stands for the name
                found = [h for h in found if not _name_placeholder(self.text, h)]
            self.hits[name] = found
        return self.hits[name]

    def index_at(self, pos: int) -> int | None:
        return next((i for i, t in enumerate(self.tokens) if t.start <= pos < t.end), None)

    def token_after(self, hit):
        i = next((k for k, t in enumerate(self.tokens) if t.start >= hit.end), None)
        return None if i is None else self.tokens[i]

    @property
    def window_start(self) -> int:
        """Where the last two words begin (the predicate window)."""
        words = self.text.rstrip(" .!?").split(" ")
        return len(self.text.rstrip(" .!?")) - len(" ".join(words[-2:]))

    @cached_property
    def gradual(self) -> list:
        """A change without a level in the predicate window (좋아진다, 개선된다): no one-off event.

        Found letter by letter in the window's text (``gradual`` of the rule table), not at morphemes.
        """
        return goal_rules()["gradual"].find(self.text[self.window_start:], ())

    @cached_property
    def services(self) -> list:
        """The one service class of mistakes 1 and 2: a service's name or the place that gives it
        (``service_nouns``, ``providers``; not 주민센터, where one applies)."""
        found = self["service_nouns"] + [h for h in self["providers"]
                                         if not self.text[max(0, h.start - 2):h.end].endswith(("주민센터", "행정복지센터"))]
        return [h for h in found if not overlaps(h, self["not_services"])]  # 학교 상담: the school's meeting

    def in_window(self, hits):
        return [h for h in hits if h.end > self.window_start]

    def is_predicate(self, hit) -> bool:
        """Does the hit act as a predicate?

        A verb; a noun + 하다/되다; the goal's last word; a noun before an administrative ending
        (연계 완료); or a noun + 을/를 + a light verb ending the goal (신청을 한다, 이사를 간다).
        """
        i = self.index_at(hit.end - 1)
        if i is None:
            return False
        if self.tokens[i].tag.startswith("V") or self.tokens[i].tag in ("XSV", "XSA"):  # 치료되, 완화하
            return True
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is not None and any(a.start == nxt.start for a in self["admin_endings"]):
            return True
        after = self.tokens[i + 2] if nxt is not None and i + 2 < len(self.tokens) else None
        # a task done up to a point (매칭까지 마침, 연계까지 완료)
        if nxt is not None and nxt.form == "까지" and after is not None and (
                after.form in ("마치", "끝내") or any(a.start == after.start for a in self["admin_endings"])):
            return True
        if nxt is not None and nxt.tag == "JKO" and i + 2 < len(self.tokens):
            verb = self.tokens[i + 2]
            if any(a.start == verb.start for a in self["admin_endings"]):  # 연계 의뢰를 완료함
                return True
            rest = [t for t in self.tokens[i + 3:] if not t.tag.startswith("E") and t.tag not in ("SF", "SP")]
            if verb.tag == "VV" and verb.form in _LIGHT_VERBS and not rest:
                return True
        # a task in a list of tasks (자활근로 연계 및 취업 지원) is a predicate too
        # a bracket after the goal's end holds its time frame (신청 완료(1개월 내))
        return nxt is None or nxt.tag in ("XSV", "XSA", "SF", "SP", "EC", "SSO") or nxt.form == "및" or (
            nxt.tag == "VCP") or hit.end >= len(self.text.rstrip(" .!?"))


_OWN_CAUSING = frozenset({"시키", "설득", "요청", "요구", "관리", "주", "드리"})
"""Causing predicates that are the person's own act when the person is the subject (할머니가 손자를
… 입학시킨다, 어머니가 아들이 병원에 가도록 설득한다)."""


_LIGHT_VERBS = frozenset({"하", "가", "보", "드리"})
"""Verbs that carry a noun's meaning as its predicate: 신청을 한다, 이사를 간다, 면접을 본다,
안부전화를 드린다."""


_COUNTED_UNITS = frozenset({"날", "때", "시간"})
"""Nouns a goal counts (…한 날이 주 5일): a vague state before them names what is counted."""


def _state_counted(r: _Reading, hit) -> bool:
    """Does the vague hit name the days that are counted (안정된 날, 행복한 날, 건강하게 지내는 날), through a
    modifier ending?"""
    i = r.index_at(hit.end - 1)
    if i is None:
        return False
    # the hit may end on the modifier ending itself (마음이 편한: 편하 + ㄴ share a letter), and an
    # adverb of the state may come before the verb of the days (건강하게 지내는 날)
    for k in range(i, min(i + 5, len(r.tokens))):
        token = r.tokens[k]
        if token.tag == "ETM":
            return k + 1 < len(r.tokens) and r.tokens[k + 1].form in _COUNTED_UNITS
        if k > i and token.tag not in ("XSV", "XSA", "EP", "EC", "VV", "VX", "JKO"):  # 안정을 느끼는 날
            return False
    return False


def _action(r: _Reading) -> list:
    """The goal's predicate when it is a concrete act of the person: a verb with an object or a place.

    With a time frame such an act (검진을 예약한다, 시험에 응시한다, 외출을 한다) either happened
    by closure or did not. Not a change without a level (좋아진다, 개선된다), not becoming
    (…이 된다), not a verb standing alone (노력한다, 성장한다).
    """
    if r.gradual:
        return []
    trip = _trip_alone(r)
    if trip:
        return trip
    verbs = [i for i, t in enumerate(r.tokens) if t.start >= r.window_start and t.tag in ("VV", "XSV")]
    if not verbs:
        return []
    i = verbs[-1]
    verb = r.tokens[i]
    # the noun the verb carries: 준비한다, 준비를 한다, 최선을 다한다
    carried = r.tokens[i - 2] if i > 1 and r.tokens[i - 1].tag == "JKO" else r.tokens[i - 1] if i else verb
    # a set of things done in full (서류를 모두 준비한다) is done by closure or not, as a trip made alone is
    first = r.tokens.index(carried) if carried is not verb and carried.tag.startswith("NN") else i
    whole = first > 1 and r.tokens[first - 1].form in _WHOLE and r.tokens[first - 1].tag == "MAG" and any(
        t.tag == "JKO" for t in r.tokens[:first - 1])
    if not whole and (_is_one_of(verb, r["not_acts"]) or (_is_one_of(carried, r["not_acts"])
                                                         and (verb.tag == "XSV" or verb.form in ("하", "다하")))):
        return []
    # a habit in a manner or an unmeasured frequency (식사를 잘 한다, 자주 나간다) has no level
    if any(h.start < verb.end for h in r["manner"]):
        return []
    times = r["time_frame"]
    # the particle of the time frame (3개월 안에) is no place
    args = [t for t in r.tokens[:i] if (t.tag == "JKO" or (t.tag in ("JKB", "JX") and t.form in _PLACE_PARTICLES))
            and not any(s.start <= t.start <= s.end for s in times)]
    # a note drops the object's particle (치과 예약 직접 잡으심, 예방접종 모두 맞힘): a noun right before the
    # verb, adverbs between, is its object
    k = i - 1
    while k >= 0 and r.tokens[k].tag == "MAG":
        k -= 1
    if verb.tag == "VV" and k >= 0 and r.tokens[k].tag == "NNG" and not any(
            s.start <= r.tokens[k].start < s.end for s in times):
        args.append(r.tokens[k])
    return [verb] if args else []


_WHOLE = frozenset({"모두", "전부", "빠짐없이"})
"""Adverbs of a set done in full before the goal's verb (서류를 모두 준비한다)."""

_TRIP = frozenset({"가", "나가", "다니", "오", "걷", "다녀오", "걸어가", "이동", "왕복", "다녀가"})
"""Verbs (and nouns) of going somewhere: 혼자 … 까지 with one of them is a trip made alone."""


def _trip_alone(r: _Reading) -> list:
    """The goal's end when it is a trip made alone to a named place (혼자 화장실까지 이동, 골목까지 혼자 걸어
    나간다): a skill shown, done by closure or not, not a habit of going out (경로당에 나간다)."""
    window = [t for t in r.tokens if t.start >= r.window_start and (t.tag in ("VV", "XSV") or (
        t.tag == "NNG" and t.form in _TRIP))]
    alone = any(t.form in ("혼자", "스스로") for t in r.tokens)
    times = r["time_frame"]
    place = any(t.form == "까지" and k and r.tokens[k - 1].tag.startswith("NN")
                and not any(s.start <= t.start < s.end for s in times) for k, t in enumerate(r.tokens))
    if alone and place and window and window[-1].form in _TRIP and not any(h.start < window[-1].end for h in r["manner"]):
        return [window[-1]]
    return []


def _is_one_of(token, hits) -> bool:
    """Is ``token`` exactly one of the one-morpheme ``hits`` (the same place in the text)?"""
    return any(h.start == token.start and h.end == token.end for h in hits)


_PLACE_PARTICLES = frozenset({"에", "에서", "에게", "께", "한테", "으로", "로", "와", "과", "까지"})


def _in_full(r: _Reading) -> list:
    """A service used or delivered in full: a marker (빠짐없이, 한 번도 … 않고, 10회 가운데 9회) then a use,
    or a miss negated inside the marker (한 번도 어기지 않음, 한 번도 거르지 않는다).

    Only a measure of the service's delivery where the goal names a service (the caller checks)
    and what is measured is the service: the object (or the place) before the marker names a
    service, its provider or a delivery word, and is no paperwork of the person's own (부모급여
    신청을 모두 마침). The person's own habit (혈압약을 하루도 빠짐없이 복용) measures the pills,
    not the service; a worker's task done up to a point (매칭까지 마침) is a task (mistake 1).
    """
    found = []
    for marker in _outside(r["in_full"], r["time_frame"]):
        if overlaps(marker, r["worker_verbs"]):
            continue
        use = next((a for a in r["attendance"] if a.end > marker.end), None)
        missed = [m for m in r["missed"] if marker.start <= m.start and m.end <= marker.end]
        if use is None and not missed:
            continue
        # going as far as a place (직업훈련장까지 혼자 가기) is a destination, not a service used in full
        if marker.text.endswith("까지") and use is not None and use.text in _MOTION:
            continue
        measured = _measured_before(r, marker.start)
        if measured is not None and (overlaps(_tokens_in(r, measured)[-2], r["paperwork"])
                                     or not overlaps(measured, r.services + r["service_context"]
                                                     + r["attendance"])):
            continue
        end = use.end if use is not None else marker.end
        found.append(_Hit(r.text[marker.start:end], marker.start, end))
    return found


_MOTION = frozenset({"가", "오", "나가", "나오", "다니"})
"""Verbs of going somewhere: after …까지 they name a destination (훈련장까지 가다), no completeness."""


_NOUN_PHRASE = frozenset({"NNG", "NNP", "NNB", "SN", "XSN", "JKG", "MM", "SL"})
"""Tags inside a noun phrase before its particle: nouns, counts and possessors."""


def _measured_before(r: _Reading, pos: int):
    """What a completeness marker at ``pos`` measures: the nearest object (…을/를) before it, else
    the nearest place (…에); None when there is neither. The time frame is neither."""
    times = r["time_frame"]
    before = [i for i, t in enumerate(r.tokens) if t.end <= pos and not any(s.start <= t.start < s.end for s in times)]
    for tags in (("JKO",), ("JKB",)):
        for i in reversed(before):
            tok = r.tokens[i]
            if tok.tag in tags and (tok.tag == "JKO" or tok.form in ("에", "에서")):
                run = _noun_run_before(r, i)
                if run is None and i and r.tokens[i - 1].tag == "NNB":  # a count as the object (40시간을)
                    run = _Hit(r.text[r.tokens[i - 1].start:tok.end], r.tokens[i - 1].start, tok.end)
                # the time frame's particle (6개월 안에) is no place
                if run is None or any(s.start <= r.tokens[i - 1].start < s.end for s in times):
                    continue
                # the whole noun phrase is measured: a possessor, a count (사례관리자와의 월 1회 면담 약속을)
                k = r.index_at(run.start) or 0
                while k and (r.tokens[k - 1].tag in _NOUN_PHRASE or (
                        r.tokens[k - 1].form in ("와", "과") and k < len(r.tokens) and r.tokens[k].tag == "JKG")):
                    k -= 1
                run = _Hit(r.text[r.tokens[k].start:run.end], r.tokens[k].start, run.end)
                return run
    return None


def _noun_run_before(r: _Reading, i: int):
    """The run of nouns right before token ``i`` (a particle), with the particle; None if there is none."""
    k = i
    while k > 0 and r.tokens[k - 1].tag in ("NNG", "NNP", "XSN", "SL"):
        k -= 1
    return None if k == i else _Hit(r.text[r.tokens[k].start:r.tokens[i].end], r.tokens[k].start, r.tokens[i].end)


def _party_decides(r: _Reading) -> list:
    """Another party as the subject of a decision in the predicate (예전 직장이 … 고용하기로 결정한다),
    or as the one persuaded (집주인을 설득해 …게 한다): the outcome is that party's choice.

    The party is the run of nouns before 이/가, 은/는, 께서 or 에서 (or 을/를 before 설득); it is
    another party when no person or worker word is in it (어머니는 … 결정한다 is the person's own
    decision; 남편을 설득해 is the family, part of the case).
    """
    people = r["person"] + r["worker"] + r["time_frame"]
    persuaded = _persuaded(r)
    if persuaded:
        return [persuaded[0][1]]
    outside = _outside_party(r)
    if outside:
        return outside
    acting = _party_acts_on_person(r, people)
    if acting is not None:
        return [acting]
    # a favour given (깎아 준다, 받아 준다) is the giver's choice, as a decision is; its giver is named
    # by 이/가, 은/는 or 께서 (놀이터에서 놀아 준다 names a place)
    decided = r.in_window(r["party_decision"])
    decisions = sorted(decided + r.in_window(r["favour"]), key=lambda h: h.start)
    if not decisions or _provider_act(r):
        return []
    found = []
    for i, tok in enumerate(r.tokens):
        if tok.start >= decisions[-1].start:
            break
        if not (tok.tag == "JKS" or (tok.tag == "JX" and tok.form in ("은", "는"))
                or (tok.tag == "JKB" and tok.form in ("에서", "께서"))):
            continue
        # passing (합격한다) is the person's own outcome: '시험에서' is where, not who decides
        if tok.form == "에서" and (r.text[decisions[-1].start:].startswith("합격") or not decided):
            continue
        subject = _noun_run_before(r, i)
        # the subject of a time clause (충동이 들 때 쓸 방법을 … 보여 준다) gives nothing
        if subject is None or _in_time_clause(r, i):
            continue
        if overlaps(subject, people):
            return []  # the person (or the worker) decides
        found.append(subject)
    return found[:1]


_TESTS = ("시험", "테스트", "검정")
"""What a level is judged in by one's own performance (레벨테스트에서 … 판정을 받는다, 정기시험에서 합격)."""


def _test_result(r: _Reading, hit) -> bool:
    """Is ``hit`` a level given in a test the person takes (세종학당 레벨테스트에서 초급2 단계 판정을 받는다)?
    Passing or placing in a test is the person's own outcome, like passing an exam, not another party's
    decision."""
    first = r.index_at(hit.start)
    return first is not None and any(
        t.tag.startswith("NN") and t.form.endswith(_TESTS) and nxt.form == "에서"
        for t, nxt in pairwise(r.tokens[:first + 1]))


def _provider_act(r: _Reading) -> bool:
    """Does the goal end in caring or checking (``provider_acts``, ``care_acts``, ``visit_check``: 안부를 확인해
    준다, 살피도록 부탁함)? Whoever does it then gives care (1); it is no party's decision (6)."""
    return bool(r.in_window(r["provider_acts"] + r["care_acts"] + r["visit_check"]))


def _minor_subject(r: _Reading, hit) -> bool:
    """Is ``hit`` a party as subject (…이/가, …은/는) that is not the goal's own: the subject of a modifier
    clause (가해자가 찾아올 때 연락할 곳), or one that gives care (원장이 안부를 확인해 준다)?"""
    toks = _tokens_in(r, hit)
    subject = next((t for t in toks if t.tag in ("JKS", "JX") and t.form not in ("도", "만")), None)
    if subject is None or toks[0].tag.startswith(("J", "E")):
        return False
    # (a hit that goes on past its subject, 연락이 끊긴, is itself the clause and is read by its own rule)
    return _provider_act(r) or (subject is toks[-1] and _in_modifier(r, r.tokens.index(subject)))


def _persuaded(r: _Reading) -> list:
    """(cue hit, party) where the goal persuades, asks or negotiates with a party outside the case to get
    its act (집주인을 설득해 …게 한다, 소장에게 요청해 … 바꾼다, 조합 측과 협의해 … 늦춘다). One persuaded is
    anyone outside the case; one asked or negotiated with is a party known by its name (…조합, …청,
    소장, 집주인), not a teacher one plans with."""
    # a title after a party's noun (목사님을) makes no person of it
    people = [h for h in r["person"] if h.text != "님"] + r["worker"] + r["time_frame"]
    for hit in r["persuasion"]:
        i = next(k for k, t in enumerate(r.tokens) if t.start >= hit.start and t.tag in ("JKO", "JKB"))
        party = _party_run(r, i)
        if party is not None and not overlaps(party, people) and (
                any(t.form == "설득" for t in _tokens_in(r, hit)) or _is_party(r, party)):
            return [(hit, party)]
    return []


def _party_run(r: _Reading, i: int):
    """The noun run before token ``i`` (a particle), a trailing 측 included (조합 측과, 친부 측을)."""
    k = i
    while k > 0 and (r.tokens[k - 1].tag in ("NNG", "NNP", "XSN", "SL") or (
            r.tokens[k - 1].form == "측" and r.tokens[k - 1].tag in ("NNB", "NNG"))):
        k -= 1
    return None if k == i else _Hit(r.text[r.tokens[k].start:r.tokens[i].end], r.tokens[k].start, r.tokens[i].end)


def _is_party(r: _Reading, run) -> bool:
    """Does the noun run name a party outside the case by its last noun (…조합, …업체, …청, 조합장, 소장,
    직원 in ``parties``), 들, 님 and 측 after it aside? A person word in that name makes it the family's
    (가족회의); one before it only says whom the party serves (아동보호전문기관)."""
    toks = [t for t in _tokens_in(r, run) if not t.tag.startswith("J")]
    while toks and ((toks[-1].form in ("들", "님") and toks[-1].tag == "XSN") or toks[-1].form == "측"):
        toks.pop()
    return bool(toks) and any(h.end == toks[-1].end and h.start >= run.start and not overlaps(h, r["person"])
                              for h in r["parties"])


def _is_force(r: _Reading, run) -> bool:
    """Is the subject's last noun a force of nature (``forces``: 태풍이, 하천이, 풍랑주의보가)? Whatever it
    does, weather and nature decide it; the nouns before it (올해 장마철 동안 마을 앞) may hold the time frame."""
    toks = [t for t in _tokens_in(r, run) if not t.tag.startswith("J")]
    return bool(toks) and any(h.end == toks[-1].end and h.start >= toks[-1].start for h in r["forces"])


def _in_time_clause(r: _Reading, i: int) -> bool:
    """Is the subject whose particle is token ``i`` the subject of a clause that sets a case (충동이 들 때,
    가해자가 찾아올 경우): its first predicate ends in a modifier ending before 때 or 경우? A day it sets
    (집주인이 약속한 날에 돌려준다) may still be its own act."""
    k = i + 1
    while k < len(r.tokens) and r.tokens[k].tag != "ETM":
        if r.tokens[k].tag in ("EF", "SF", "EC", "JKS"):
            return False
        k += 1
    return k + 1 < len(r.tokens) and r.tokens[k + 1].form in ("때", "경우")


def _in_modifier(r: _Reading, i: int) -> bool:
    """Is the subject whose particle is token ``i`` the subject of a modifier clause (가해자가 찾아올 때,
    가해자가 모르는 번호로): its first predicate ends in a modifier ending, and the noun it modifies is a
    time or a means, not the goal's object or subject (사장이 밀린 임금을 지급한다 keeps 사장 as subject)?"""
    k = i + 1
    while k < len(r.tokens) and not r.tokens[k].tag.startswith(("V", "XSV", "XSA")):
        if r.tokens[k].tag in ("EF", "SF", "EC"):
            return False
        k += 1
    k += 1
    while k < len(r.tokens) and r.tokens[k].tag in ("EP", "VX"):
        k += 1
    if k >= len(r.tokens) or r.tokens[k].tag != "ETM":
        return False
    k += 1
    # a time or a case the clause sets (찾아올 때, 쉬는 날에, 없는 동안) is no noun of the main clause
    if k < len(r.tokens) and r.tokens[k].form in _WHEN:
        return True
    while k < len(r.tokens) and r.tokens[k].tag in ("NNG", "NNP", "NNB", "NR", "MM", "SN", "SW", "XSN"):
        k += 1
    # the modified noun as the goal's object, subject or last word (사장이 밀린 임금 지급) is the main clause's
    return not (k >= len(r.tokens) or r.tokens[k].tag in ("JKO", "JKS", "SF", "SSO"))


def _main_subject(r: _Reading):
    """The noun run of the goal's last subject (이/가, 은/는, 께서) outside a modifier clause; None if none."""
    subjects = [run for i, tok in enumerate(r.tokens)
                if ((tok.tag == "JKS" and tok.form != "서") or (tok.tag == "JX" and tok.form in ("은", "는"))
                    or tok.form == "께서")
                and (run := _party_run(r, i)) is not None and not _in_modifier(r, i)]
    return subjects[-1] if subjects else None


def _caring_party(r: _Reading) -> list:
    """The subject when a party outside the case gives care or checks (어린이집 원장이 안부를 확인해 준다,
    관리사무소가 가스 밸브를 점검한다): a provider's task (1), not the person's change."""
    run = _main_subject(r)
    if run is None or not _provider_act(r) or overlaps(run, r["worker"]):
        return []
    return [run] if _is_party(r, run) or (overlaps(run, r["unreachable"]) and not overlaps(run, r["person"])) else []


_WHEN = frozenset({"때", "동안", "경우", "날", "뒤", "후", "전", "사이", "중", "적"})
"""Nouns after a modifier ending that make its clause a time or a case (가해자가 찾아올 때)."""


def _outside_party(r: _Reading) -> list:
    """The goal's subject when it is a party outside the case known by its name (``parties``: 조합이, 철거업체
    소장이, 입주자대표회의가, 용역 직원들이): the outcome is that party's act, whatever its verb.

    The subject is the last one (이/가, 은/는, 께서) outside a modifier clause. A service's provider (…기관,
    …업체, the worker list) counts only when it decides or changes terms (``party_terms``: 결정한다, 중단한다,
    내린다); anyone caring or checking (``provider_acts``: 안부를 확인해 준다) is a provider (1), not 6.
    """
    run = _main_subject(r)
    if run is not None and not _provider_act(r) and _is_force(r, run):
        # the force with its particle, not the time frame before it (올겨울 동안 풍랑주의보가)
        last = [t for t in _tokens_in(r, run) if not t.tag.startswith("J")][-1]
        return [_Hit(r.text[last.start:run.end], last.start, run.end)]
    if _provider_act(r) or run is None or not _is_party(r, run) or overlaps(run, r["time_frame"]):
        return []
    if overlaps(run, r["worker"]) and not r.in_window(r["party_terms"] + r["party_decision"]):
        return []
    return [run]


def _party_acts_on_person(r: _Reading, people: list):
    """The subject when it is another party acting on the person (경찰이 가해 학생을 송치한다, 재활병원이
    할아버지를 받아 준다, 친부가 … 아이에게 연락해 온다): a person word is an object (을/를) or a recipient
    (에게, 께, 한테), and the nearest subject before it (이/가, 은/는, 께서) holds no person, worker or time
    word. What another party does to the person is that party's choice; None otherwise."""
    # 혼자서, 둘이서 say how many act (서 read as a subject particle), not who
    subjects = [(run, tok) for i, tok in enumerate(r.tokens)
                if ((tok.tag == "JKS" and tok.form != "서") or (tok.tag == "JX" and tok.form in ("은", "는"))
                    or tok.form == "께서")
                and (run := _noun_run_before(r, i)) is not None]
    for person in r["person"]:
        nxt = r.token_after(person)
        if nxt is None or nxt.start != person.end or not (nxt.tag == "JKO" or nxt.form in ("에게", "께", "한테")):
            continue
        # a subject inside a clause that describes the person (연락이 끊긴 조카에게) acts on no one
        before = [run for run, tok in subjects if tok.end <= person.start and not any(
            t.tag == "ETM" and tok.end <= t.start for t in r.tokens if t.end <= person.start)]
        if before and not overlaps(before[-1], people):
            return before[-1]
    return None


def _subject_particle(r: _Reading, hit) -> bool:
    """Is ``hit`` a subject: right before 이/가, a topic 은/는 (not 까지 or 도: 복지관까지 걸어간다),
    에서 or 께서, also after a title (통장님이)?"""
    nxt = r.token_after(hit)
    if nxt is not None and nxt.start == hit.end and nxt.form == "님" and nxt.tag == "XSN":
        hit, nxt = nxt, r.token_after(nxt)
    return nxt is not None and hit.end == nxt.start and (
        nxt.tag == "JKS" or (nxt.tag == "JX" and nxt.form in ("은", "는"))
        or (nxt.tag == "JKB" and nxt.form in ("에서", "께서")))


def _granted(r: _Reading, hit) -> bool:
    """Is the causing predicate given as a favour (만나게 해 준다: 하 + 어 + 주)?"""
    i = r.index_at(hit.end - 1)
    rest = r.tokens[i + 1:i + 3] if i is not None else ()
    return len(rest) == 2 and rest[0].tag == "EC" and rest[1].form == "주" and rest[1].tag == "VX"


def _negated(r: _Reading, hit) -> bool:
    """Is the causing predicate negated (힘들게 하지 않는다, 고생 안 시킨다)?"""
    i = r.index_at(hit.end - 1)
    rest = r.tokens[i + 1:i + 3] if i is not None else ()
    first = r.index_at(hit.start)
    before = r.tokens[first - 1] if first else None
    return (len(rest) == 2 and rest[0].form == "지" and rest[1].form == "않") or (
        before is not None and before.form in ("안", "못") and before.tag == "MAG")


def _open_cause(r: _Reading, hit) -> bool:
    """Is the act caused (…도록, …게) one with no object and no place before it (서로 대화하도록)?
    The time frame's particle is no place."""
    times = r["time_frame"]
    return not any((t.tag == "JKO" or (t.tag in ("JKB", "JX") and t.form in _PLACE_PARTICLES))
                   and not any(s.start <= t.start <= s.end for s in times)
                   for t in r.tokens if t.end <= hit.start)


def _splits_clause(r: _Reading, hit) -> bool:
    """Does a modifier clause end inside ``hit``, an ending then the noun it modifies (폭염특보가 내린 날에는
    … 않는다)? The words before that noun then belong to the modifier, not to the goal's predicate."""
    toks = _tokens_in(r, hit)
    # the clause splits the pair only when the hit's subject is inside it: an adjective or a verb with no
    # subject of its own before it modifies a noun of the goal's own clause (예전처럼 건강한 몸을 되찾는다)
    return any(a.tag == "ETM" and b.tag in ("NNG", "NNB") and _has_subject(toks[:k])
               for k, (a, b) in enumerate(pairwise(toks)))


def _has_subject(toks) -> bool:
    """Is there a subject among ``toks``: 이/가, 께서, or a topic 은/는 after a noun?"""
    return any(t.tag == "JKS" or t.form == "께서"
               or (t.tag == "JX" and t.form in ("은", "는") and k and toks[k - 1].tag.startswith("N"))
               for k, t in enumerate(toks))


def _party_subject(r: _Reading) -> bool:
    """Is a party out of the case's reach the subject (집주인이, 전 직장 사장이)?"""
    return any(t.tag in ("JKS", "JX") for h in r["unreachable"] for t in _tokens_in(r, h)[-1:]) or any(
        _subject_particle(r, h) or _modifies_subject(r, h) for h in r["unreachable"])  # 전 부인이, 이혼한 아내가


def _modifies_subject(r: _Reading, hit) -> bool:
    """Does ``hit`` end in a modifier of the subject noun right after it (이혼한 아내가, 헤어진 남편이)?"""
    toks = _tokens_in(r, hit)
    nxt = r.token_after(hit)
    return bool(toks) and toks[-1].tag == "ETM" and nxt is not None and nxt.tag == "NNG" and _subject_particle(
        r, _Hit(nxt.form, nxt.start, nxt.end))


def _sought_person(r: _Reading, hit) -> bool:
    """Does ``hit`` set apart a person (헤어진, 연락이 끊긴, 이혼한) whom the person of the goal acts on or
    toward, as object or recipient (헤어진 여동생을 찾는 신청을 마친다, 연락이 끊긴 조카에게 편지를 부친다), or
    whose belongings a purpose clause seeks (헤어진 아들의 주소를 찾으려고 …)? Then the goal's own act is in
    reach; as the subject (헤어진 남자친구가 찾아오지 않는다) or one whose heart is to change it is not."""
    toks = _tokens_in(r, hit)
    if not toks or toks[-1].tag != "ETM":
        return False
    rest = [t for t in r.tokens if t.start >= hit.end]
    k = 0
    while k < len(rest) and rest[k].tag in ("NNG", "NNP", "XSN"):
        k += 1
    if k == 0 or k == len(rest):
        return False
    nxt = rest[k]
    if nxt.tag == "JKO" or nxt.form in ("에게", "께", "한테"):
        return True
    return nxt.tag == "JKG" and any(t.form in ("려고", "으려고") or (t.form == "위하" and t.tag == "VV")
                                   for t in rest[k:])


def _read(goal: str) -> _Reading:
    from casework.language import analyse

    goal_rules()  # validated once, before any list is read
    return _Reading(goal, analyse(goal), {})


def _name_placeholder(text: str, hit) -> bool:
    """Is the blank a name's place: right after a surname (김OO) or right before 씨/님 (OO씨)?"""
    before = text[hit.start - 1] if hit.start else " "
    return "가" <= before <= "힣" or re.match(r"[OoO○ㅇX]+\s*[씨님]", text[hit.start:]) is not None


_MONEY_RATE = re.compile(r"(수수료|[^수]료|^료|[비세금자])[율률]$")
"""A rate whose noun names money (수수료율, 이자율, 세율, 부담금율): a price, no service's measure
(수료율, a course completed, is a measure)."""


def _named_worker(r: _Reading, hit) -> bool:
    """Is ``hit`` a worker's title before the worker's name as subject (요양보호사 순자 씨가, 요양보호사 OO
    선생님이)?"""
    i = r.index_at(hit.end - 1)
    if i is None:
        return False
    rest = list(r.tokens[i + 1:i + 7])
    names = 0
    while rest and rest[0].tag in ("NNP", "NNG", "SL", "SH") and rest[0].form not in _NAME_TITLES and names < 3:
        rest.pop(0)
        names += 1
    titles = 0
    while rest and rest[0].form in _NAME_TITLES:
        rest.pop(0)
        titles += 1
    return bool(names and titles and rest) and (rest[0].tag == "JKS" or (rest[0].tag == "JX" and rest[0].form in ("은", "는")))


_NAME_TITLES = frozenset({"씨", "님", "선생", "쌤"})
"""What follows a worker's name (순자 씨, OO 선생님)."""


def _names_subject(r: _Reading, hit) -> bool:
    """Is ``hit`` a noun inside the subject's noun phrase, nouns after it up to 이/가 (참여 연령 기준이)?"""
    i = r.index_at(hit.end - 1)
    if i is None or r.tokens[i].tag != "NNG":
        return False
    rest = r.tokens[i + 1:]
    k = next((n for n, t in enumerate(rest) if t.tag != "NNG"), len(rest))
    # a participant as the subject (노노케어 참여 어르신이) is the person using it
    return 0 < k < len(rest) and rest[k].tag == "JKS" and not any(
        t.start <= p.start < rest[k].start for p in r["person"] for t in rest[:1])


def _in_service_name(r: _Reading, hit) -> bool:
    """Is ``hit`` glued to a service's name after it, through nouns written without a space (자립프로그램,
    평생교육 바우처, 정서안정지원사업)? It is then part of the name, not a concept or a lifetime goal."""
    i = r.index_at(hit.end - 1)
    if i is None:
        return False
    for tok in r.tokens[i + 1:]:
        if tok.start != r.tokens[i].end or tok.tag not in ("NNG", "NNP", "XSN"):
            return False
        if any(s.start == tok.start for s in r.services):
            return True
        i += 1
    return False


def _outside(hits, spans) -> list:
    return [h for h in hits if not any(s.start <= h.start < s.end for s in spans)]


def _measures(r: _Reading) -> list:
    """Measured levels: numbers outside the time frame, frequencies, scales, blank figures.

    A ratio (30%, 두 배, 절반) is among them: it is a criterion at closure.
    """
    times = r["time_frame"]
    numbers = []
    for i, tok in enumerate(r.tokens):
        if tok.tag == "SN" and not any(s.start <= tok.start < s.end for s in times):
            end = r.tokens[i + 1].end if i + 1 < len(r.tokens) else tok.end
            numbers.append(_Hit(r.text[tok.start:end], tok.start, end))
    return numbers + _outside(r["frequency"] + r["placeholder"], times) + r["scale"]


def _stem_ends(r: _Reading, hit) -> tuple[int, ...]:
    """Where ``hit`` ends without its endings, with and without the 되/하 that makes a noun a verb
    (등록되ㄴ다 → 등록되, 등록)."""
    toks = [t for t in _tokens_in(r, hit) if not t.tag.startswith("E")]
    stems = [t for t in toks if not t.tag.startswith("XSV")]
    return (toks[-1].end if toks else hit.end, stems[-1].end if stems else hit.end)


def _tokens_in(r: _Reading, hit) -> list:
    return [t for t in r.tokens if hit.start <= t.start and t.end <= hit.end]


def _object_of(r: _Reading, hit, concepts) -> bool:
    """Is ``hit`` the predicate of one of ``concepts``, with only particles between (자존감을 찾는다)?"""
    return any(c.end <= hit.start and all(t.tag.startswith("J") for t in r.tokens
                                          if c.end <= t.start and t.end <= hit.start)
               for c in concepts)


@dataclass(frozen=True)
class _Hit:
    text: str
    start: int
    end: int


def check_goal(text: str, *, owner: str | None = None) -> list[GoalFinding]:
    """Check one written goal against the seven planning mistakes of the textbook.

    Returns the findings in the textbook's order (empty list: nothing found). ``owner`` names
    whose goal it is ("어르신", "자녀") when the goal itself has no subject, as the 개입목적 does
    in the textbook's table. The rules are described in this module's docstring.
    """
    goal = " ".join(require_text(text, "목표 문장").split())
    if owner is not None:
        if not isinstance(owner, str) or not owner.strip():
            raise CaseworkError(
                "owner(목표의 주인)는 '어르신', '자녀'처럼 사람을 가리키는 글자로 쓰거나, "
                "정하지 않으려면 None으로 두세요."
            )
        owner = owner.strip()
    r = _read(goal)
    findings: list[GoalFinding] = []

    # 1. the worker's task, the provider's goal or the service itself
    # another party as subject (사장이 임금을 지급함) does the act: it is out of reach (6), not a task
    person_subject = [h for h in r["person"] if (nxt := r.token_after(h)) is not None
                      and h.end == nxt.start and nxt.tag in ("JKS", "JX")]
    # with the person as subject, an agency before 에서 is where the person acts (청년이 … 주민센터에서
    # 신청을 마친다), not who acts
    # without a worker's act in the goal it is where anyone acts too (같은 물류센터에서 근무를 유지한다)
    worker_act_named = bool(r["worker_verbs"] or r["causative"] or r["help_verb"] or r["visit_check"])
    # a provider deciding or changing terms (입양기관이 결정해 준다, 추심업체가 전화를 중단한다) is another party
    outside = _outside_party(r)
    worker_subjects = [h for h in r["worker"] if (_subject_particle(r, h) or _named_worker(r, h)) and not (
        (person_subject or not worker_act_named) and (nxt := r.token_after(h)) is not None and nxt.form == "에서")
        and not overlaps(h, outside)]
    worker_hits = list(worker_subjects)
    # a care act a family member does too (아들이 … 동행한다, 서로 안부 전화를 한다) is their own act
    own_care = [h for h in r["care_acts"] if (person_subject and not worker_subjects)
                or any(x.text == "서로" for x in r["relational"])]
    # the person asking an agency for help (어머니가 … 긴급지원을 요청한다) acts on their own behalf
    task_verbs = [h for h in r["worker_verbs"] if not overlaps(h, r["applying"] + own_care)
                  and not ((person_subject or owner) and not worker_subjects and h.text.endswith(("요청", "전달")))]
    # another party deciding or paying in the predicate (현장 반장이 밀린 일당을 지급한다, 조합이 이주비
    # 지급을 결정한다) does the act too: out of reach (6), not a task
    party_decides = _party_decides(r)
    if not (_party_subject(r) or party_decides):
        worker_hits += [h for h in task_verbs
                        if (nxt := r.token_after(h)) is None or nxt.tag == "XSV" or r.is_predicate(h)]
    # another party letting someone do it (전 부인이 아이를 만나게 해 준다) is that party's act (6);
    # the worker getting a party to act (LH가 … 배정해 주도록 한다) is still the worker's
    # the person's own conduct is no task: not causing harm (가족을 힘들게 하지 않는다), a person who gets
    # a family member into something (할머니가 손자를 … 입학시킨다)
    # (or does it for someone: 옆집 반장이 쓰레기를 대신 치워 준다)
    causing = [h for h in r.in_window(r["causative"]) if not (_party_subject(r) and (
                   _granted(r, h) or _tokens_in(r, h)[0].form == "대신"))
               and not _negated(r, h) and not ((person_subject or owner) and not worker_subjects and not _party_subject(r)
                                                and _tokens_in(r, h)[-1].form in _OWN_CAUSING)]
    worker_hits += causing
    # helping as the goal's end (신청 도움, 준비를 돕는다), nobody else as subject
    helping = [h for h in r.in_window(r["help_verb"]) if r.is_predicate(h)] if not person_subject else []
    if not person_subject:
        # a means (지원으로, 참여를 통해) is a service only where the goal names one; the worker's own
        # act as the means (가정방문으로, 취업알선으로) is the worker's plan whatever it serves
        worker_hits += helping + [m for m in r["service_as_means"]
                                  if r.services or overlaps(m, r["worker_verbs"])]
        # a visit then a check with nobody as subject (방문하여 … 점검함) is the worker's monitoring
        worker_hits += r.in_window(r["visit_check"])
        # any service of the class as the means (자조모임을 통해, 방문간호 서비스로)
        worker_hits += [m for m in r["means"] if not overlaps(m, r["service_as_means"])
                        and any(m.start < s.end <= _tokens_in(r, m)[0].end for s in r.services)]
    kpi = r["kpi"] + r["use_rate"] + _in_full(r) if r.services or r["service_context"] else []
    # a rate of money (수수료율, 이자율, 세율) is a price, not a service's use
    kpi = [h for h in kpi if not _MONEY_RATE.search(h.text)]
    # a use that modifies a noun (치료를 받는 날이 준다) describes what is counted, not the goal's end
    # deciding whether to use or applying to attend (이용할지 결정한다, 수강을 신청한다) is the person's own act
    # nor does a use inside the subject's noun phrase (공공일자리 참여 연령 기준이 완화된다)
    uses = [h for h in r["service_use"] if ((nxt := r.token_after(h)) is None or nxt.tag != "ETM")
            and not overlaps(h, r["service_choice"]) and not _names_subject(r, h)] if not kpi else []
    if r.services and uses:
        worker_hits += r.services[:1] + uses[:1]
    # persuading or asking a party with nobody as subject (조합 측과 협의해 …, 교육지원청에 건의하여 …) is the
    # worker's act toward the outcome
    if not person_subject and not worker_subjects and owner is None:
        worker_hits += [hit for hit, _party in _persuaded(r)]
    worker_hits += _caring_party(r)
    if owner and goal_rules()["worker"].find(owner, ()):
        worker_hits.append(f"owner={owner}")
    # the worker's own act as the goal's end (사례관리자가 … 돕는다, 서비스 제공함), not a means to a change
    worker_task = bool(worker_subjects or r.in_window([h for h in task_verbs if r.is_predicate(h)])
                       or causing or helping or r.in_window(r["visit_check"]))
    # causing an act with no object, place or level (서로 대화하도록 돕는다) sets no criterion: the
    # act caused is a habit, whoever causes it
    open_cause = bool(causing or helping) and not worker_subjects and not r.in_window(
        [h for h in task_verbs if r.is_predicate(h)]) and _open_cause(r, (causing + helping)[0])
    if worker_hits:
        worker_hits = [h if isinstance(h, str) else _whole_word(goal, h) for h in worker_hits]
        findings.append(_finding(
            PlanningMistake.WORKER_TASK,
            "목표가 당사자의 변화가 아니라 사례관리자나 기관이 할 일, 또는 서비스 자체로 적혀 있습니다.",
            "서비스를 받은 결과 당사자에게 일어날 변화를, 당사자를 주어로 다시 쓰세요. 서비스는 "
            "④ 서비스 내용 칸에 적습니다. 예: '도시락 배달 서비스를 연계한다' → '어르신이 3개월 안에 "
            "하루 두 끼 이상 거르지 않고 식사한다'.",
            _quoted(worker_hits),
        ))

    # 2. one individual service's target
    if kpi:
        findings.append(_finding(
            PlanningMistake.SINGLE_SERVICE,
            f"{josa(_quoted(kpi), '은')} 서비스 한 가지가 잘 전달되었는지를 재는 지표입니다. "
            "당사자의 생활이 어떻게 달라졌는지는 알려 주지 않습니다.",
            "그 서비스로 당사자의 생활이 어떻게 달라지기를 바라는지 목표로 쓰세요. 예: "
            "'방문간호 서비스 이용률 90% 달성' → '어르신이 3개월 안에 혈압약을 빠뜨리는 날이 "
            "주 1일 이하로 줄어든다'.",
            _quoted(kpi),
        ))

    # 3. whose goal it is, where it really is unclear
    # a group word glued to a service (가족상담, 부부상담 연계를 통해) names the service, not an owner
    owners = [h for h in r["person"] if not any(s.start == h.end for s in r.services)]
    if owner is None and not owners and not worker_subjects and r["relational"]:
        findings.append(_finding(
            PlanningMistake.NO_OWNER,
            f"{josa(_quoted(r['relational']), '은')} 둘 이상의 사람 사이에서 일어나는 일인데, "
            "누가 달라져야 하는지 적혀 있지 않습니다.",
            "변화할 사람을 주어로 넣으세요(남편이, 부부가, 어머니와 딸이 …). 예: '6개월 안에 폭력이 "
            "한 번도 일어나지 않는다' → '남편이 6개월 동안 아내에게 한 번도 폭력을 쓰지 않는다'.",
            f"사람을 가리키는 말을 찾지 못함; 관계를 나타내는 말: {_quoted(r['relational'])}",
        ))

    measures = _measures(r)
    # 4. arbitrary or undefined concept with nothing that defines it: a scale or a count does,
    # a ratio of the concept itself (자존감 20% 향상) does not; a name (자립준비청년) is no concept
    vague = [h for h in r["vague"] if not overlaps(h, r["vague_in_names"]) and not _in_service_name(r, h)]
    # a count of the service used as the means (주 1회 미술치료를 통해 자존감이 30% 향상) doses the
    # service, it does not define the concept after it
    means_end = max((h.end for h in r["service_as_means"] + r["means"] + r["worker_verbs"]
                     if vague and h.end <= vague[0].start), default=-1)
    counts = [m for m in measures if not overlaps(m, r["relative_level"]) and m.end > means_end]
    # days counted of the undefined state itself (정서적으로 안정된 날이 주 5일) still leave it undefined
    if any(_state_counted(r, h) for h in vague):
        counts = []
    if vague and not counts:
        findings.append(_finding(
            PlanningMistake.VAGUE_CONCEPT,
            f"{_quoted(vague)}처럼 사람마다 다르게 이해할 수 있는 말이 있고, 척도나 셀 수 있는 "
            "횟수로 그 뜻을 정해 두지 않았습니다(그 말 자체를 몇 % 높인다고 해서 뜻이 정해지지는 않습니다).",
            "그 말이 당사자의 생활에서 무엇을 뜻하는지 당사자와 합의해, 눈으로 확인할 수 있는 행동이나 "
            "척도 점수로 바꾸세요. 예: '삶의 질이 좋아진다' → '어르신이 3개월 안에 이웃과 주 3회 이상 "
            "함께 식사한다'.",
            _quoted(vague),
        ))

    # 5. a lifetime goal (not a word the time frame explains: '3개월 내 집안' is no '내 집')
    # (a hit that only spans the time frame, 채무조정 연계로 3년 안에 빚을 모두 정리, still counts)
    # a name that holds a grand word (부자가정, a father-and-child family) is no grand goal, as for 4
    grand = _outside([h for h in r["grand"] if not overlaps(h, r["vague_in_names"]) and not _in_service_name(r, h)]
                     + r["all_debt"], r["time_frame"])
    if grand:
        findings.append(_finding(
            PlanningMistake.LIFETIME_GOAL,
            f"{_quoted(grand)} 같은 말은 남은 생애 전체에 걸치거나 사례관리의 크기를 넘는 목표를 "
            "뜻해, 사례관리 기간 안에 이룰 수 없습니다.",
            "사례관리 기간 안에 닿을 수 있는 중간 단계로 줄이세요. 예: '평생 술을 끊는다' → '남편이 "
            "3개월 안에 술 마시는 날이 주 1일 이하로 줄어든다'.",
            _quoted(grand),
        ))

    # 6. not reachable through case management (a cancelled booking is a service's measure, not 취소)
    # a subject and predicate that a modifier clause splits (폭염특보가 내린 날에는 … 하지 않는다) are no pair
    # a party that only describes the service measured (법원이 명한 수강명령을 빠짐없이 이수한다) is no subject
    unreachable = [h for h in r["unreachable"] if not overlaps(h, kpi) and not _splits_clause(r, h)
                   and not _sought_person(r, h) and not _minor_subject(r, h) and not _test_result(r, h)
                   and not (kpi and _tokens_in(r, h)[-1:] and _tokens_in(r, h)[-1].tag in ("JKS", "JX")
                            and any(h.end <= s.start < kpi[0].start for s in r.services))] + [
        h for h in party_decides if not (kpi and h.end <= kpi[0].start)]
    if unreachable:
        findings.append(_finding(
            PlanningMistake.UNREACHABLE,
            f"{josa(_quoted(unreachable), '은')} 사례관리로 바꿀 수 있는 일이 아닙니다. "
            "의학, 운, 제도, 다른 사람의 선택처럼 사례관리의 힘이 닿지 않는 영역입니다.",
            "사례관리로 도울 수 있는 부분(치료를 꾸준히 받기, 생활비 관리, 당사자 자신의 행동)을 "
            "목표로 쓰세요. 예: '병이 완치된다' → '어르신이 6개월 동안 예약된 진료의 90% 이상에 "
            "빠지지 않고 간다'.",
            _quoted(unreachable),
        ))

    # 7. cannot be judged at closure
    has_time = bool(r["time_frame"])
    # becoming something vague or out of reach (새사람이 된다) is no criterion; a cure or a win
    # (완치된다, 당첨된다) can still be checked at closure, however unlikely
    # (a cure ends its hit with the one-word outcome: '장애가 낫는다', '장애가 치료된다', its ending aside:
    # '유공자로 등록된다')
    beyond = [u for u in unreachable if not any(
        c.end in (u.end, *_stem_ends(r, u)) and u.start <= c.start
        and len([t for t in _tokens_in(r, c) if not t.tag.startswith(("XS", "E"))]) == 1 for c in r["completion"])]
    # finding or regaining a vague concept (마음의 안정을 찾는다) is no outcome either
    outcomes = [h for h in r.in_window(r["completion"]) if r.is_predicate(h)
                and not overlaps(h, vague + beyond) and not _object_of(r, h, vague)]
    # whatever its verb, another party's decision, a rule changed, a cure or a win is one event
    # that either happened by closure or did not (법원이 인가해 준다, 요건이 완화된다); becoming
    # someone else (새사람이 된다) or a change without a level (성격이 좋아진다) is not
    # (becoming a vague state, 전 남편이 정서적으로 안정된다, is no event; a goal ending in a noun,
    # 사장이 밀린 임금 지급, names its event by that noun)
    if unreachable and not r.gradual and not r.in_window(vague) and not overlaps(
            _Hit("", r.window_start, len(goal)), [c for c in r["completion"] if overlaps(c, beyond) and r.is_predicate(c)]):
        window = [t for t in r.tokens if t.start >= r.window_start]
        outcomes += ([t for t in window if t.tag in ("VV", "XSV", "VX")]
                     or [t for t in window if t.tag == "NNG"][-1:])[:1]
    # a grand status (부자가 된다, 명문대에 보낸다) is reached or not by closure: with a time frame
    # it is one outcome (5 only), as repaying every debt is
    if has_time and not r.gradual:
        outcomes += [h for h in r["grand_outcomes"] if overlaps(h, grand)]
    if has_time and not (measures or outcomes or unreachable or vague or grand):
        outcomes += _action(r)
    effort_only = bool(r.in_window(r["effort"]))
    # within a time frame the worker's task or the service (1) is done by closure or not: 1, not also 7
    worker_act = has_time and worker_task and not (r.gradual or vague or unreachable or (open_cause and not measures))
    has_criterion = not effort_only and bool(measures or outcomes or r["absence"] or worker_act)
    if not (has_time and has_criterion):
        missing = []
        if not has_time:
            missing.append("기간(3개월 안에, 연말까지)")
        if not has_criterion:
            missing.append("판단 기준(주 2회, 30% 감소, 척도 점수, 신청을 마친다처럼 이루었는지 알 수 있는 일)")
        findings.append(_finding(
            PlanningMistake.NOT_EVALUABLE,
            f"종결할 때 이 목표를 이루었는지 판단하기 어렵습니다. "
            f"{josa(_and(missing), '이')} 적혀 있지 않습니다.",
            "언제까지 어느 수준에 이를지를 넣으세요. 예: '어르신이 운동을 한다' → '어르신이 3개월 안에 "
            "주 3회 이상 30분씩 걷기 운동을 한다'.",
            "찾지 못함: " + ", ".join(m.split("(")[0] for m in missing),
        ))
    return findings


def goal_notes(text: str) -> list[GoalNote]:
    """Notes that are not mistakes: a blank number (몇 개월, OO회) asks for the agreed figure."""
    goal = " ".join(require_text(text, "목표 문장").split())
    blanks = _read(goal)["placeholder"]
    if not blanks:
        return []
    return [GoalNote(BLANK_NUMBER_NOTE + " 예: '몇 개월 내에' → '6개월 내에'.", _quoted(blanks))]
