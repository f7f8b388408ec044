"""The problem / demand / need table (문제·요구·욕구) as teaching tools.

Source: 광진구청 복지정책과 희망나눔팀, 「사례관리 학습 동아리 교재」 — the planning table with
five columns ((제시된) 문제, 요구/바램, 욕구, (합의된) 개입목적·목표, 서비스 계획) and four
worked examples, which live as data in ``casework/data/cases/*.yaml``.

This module builds on those case files, so the case data stays the single source:

* :data:`COLUMNS` — the five columns with their definitions in the workbook's words;
* :func:`chain_table`, :func:`plan_table`, :func:`columns_table` — readable tables (HTML for a
  notebook, plain text for a terminal) of a case's chains;
* :func:`categorize_question` — a categorize quiz question (문제 / 요구·바램 / 욕구) made from a
  case's chains;
* :func:`read_statement` (judged by :func:`casework.judging.needs.judge_need`) — a documented
  rule (word lists in ``casework/data/language/need_rules.yaml``, matched on morphemes) that tells a
  need statement from a demand (a request for a service, money or goods);
* :func:`practice_case`, :func:`practice_service_plan`, :func:`practice_monitoring_log` — a
  fictional fifth case (not in the textbook) that chapters 06–08 follow from the presenting
  problem to monitoring.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from casework._util.text import josa, markdown_escape
from casework.cases import Case, load_case
from casework.errors import CaseworkError
from casework.monitoring import MonitoringEntry, MonitoringLog, MonitoringMethod
from casework.planning import PlanChain, ServicePlan, ServicePlanItem
from casework.quiz import CategorizeQuestion, Item
from casework.scenarios import bundled_scenario_file

__all__ = [
    "HtmlBlock",
    "PdnColumn",
    "COLUMNS",
    "CATEGORY_PROBLEM",
    "CATEGORY_DEMAND",
    "CATEGORY_NEED",
    "CATEGORIES",
    "key_value_table",
    "columns_table",
    "chain_table",
    "plan_table",
    "strip_need_word",
    "categorize_question",
    "StatementKind",
    "StatementReading",
    "HEURISTIC_NOTE",
    "read_statement",
    "PRACTICE_GOALS",
    "practice_case",
    "practice_service_plan",
    "practice_monitoring_log",
]


# --------------------------------------------------------------------------- display


class HtmlBlock:
    """Rendered content: HTML in a notebook (``_repr_html_``), plain text elsewhere, and the
    same content as markdown (for the chapters' generated text, :mod:`casework.notebooks_sync`)."""

    __slots__ = ("html", "markdown", "text")

    def __init__(self, html_text: str, text: str, markdown: str = "") -> None:
        self.html = html_text
        self.text = text
        self.markdown = markdown

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


# !important: JupyterLab right-aligns and centres output tables with more specific selectors.
_TABLE_CSS = (
    "<style>.cw-pdn{border-collapse:collapse;margin:6px 0 !important;max-width:60em}"
    ".cw-pdn th,.cw-pdn td{border:1px solid #999 !important;padding:4px 8px !important;"
    "text-align:left !important;vertical-align:top !important;line-height:1.5 !important}"
    ".cw-pdn th{background:#eef3f8;white-space:nowrap}"
    ".cw-pdn td ul{margin:0;padding-left:1.2em}.cw-pdn .note{color:#555;font-size:92%}"
    ".cw-pdn caption{text-align:left;font-weight:bold;padding:2px 0 4px}</style>"
)


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _cell(values: list[str]) -> str:
    if not values:
        return "<span class='note'>(교재에 적힌 내용 없음)</span>"
    if len(values) == 1:
        return _esc(values[0])
    return "<ul>" + "".join(f"<li>{_esc(v)}</li>" for v in values) + "</ul>"


def _html_table(caption: str, rows: list[tuple[str, list[str]]], notes: Sequence[str] = ()) -> str:
    body = "".join(f"<tr><th>{_esc(head)}</th><td>{_cell(values)}</td></tr>" for head, values in rows)
    if notes:
        body += f"<tr><th>덧붙임</th><td class='note'>{_cell(list(notes))}</td></tr>"
    return f"{_TABLE_CSS}<table class='cw-pdn'><caption>{_esc(caption)}</caption>{body}</table>"


def _markdown_table(caption: str, rows: list[tuple[str, list[str]]], notes: Sequence[str] = ()) -> str:
    lines = [f"**{markdown_escape(caption)}**", ""]
    for head, values in [*rows, *([("덧붙임", list(notes))] if notes else [])]:
        if len(values) == 1:
            lines.append(f"- **{markdown_escape(head)}** — {markdown_escape(values[0])}")
        else:
            lines.append(f"- **{markdown_escape(head)}**" + ("" if values else " — (교재에 적힌 내용 없음)"))
            lines.extend(f"  - {markdown_escape(v)}" for v in values)
    return "\n".join(lines)


def key_value_table(caption: str, rows: Sequence[tuple[str, Sequence[str]]],
                    notes: Sequence[str] = ()) -> HtmlBlock:
    """A two-column table (heading | one value or a bulleted list), escaped, as an HtmlBlock."""
    if not isinstance(caption, str):
        raise CaseworkError(f"표 제목은 글자로 주세요. 받은 값: {caption!r}")
    clean: list[tuple[str, list[str]]] = []
    for row in rows:
        if not (isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], str)
                and not isinstance(row[1], str) and all(isinstance(v, str) for v in row[1])):
            raise CaseworkError(f"표의 각 줄은 ('제목', ['내용', ...]) 꼴이어야 합니다. 받은 값: {row!r}")
        clean.append((row[0], list(row[1])))
    return HtmlBlock(_html_table(caption, clean, notes), _text_table(caption, clean, notes),
                     _markdown_table(caption, clean, notes))


def _text_table(caption: str, rows: list[tuple[str, list[str]]], notes: Sequence[str] = ()) -> str:
    lines = [f"[{caption}]"]
    for head, values in [*rows, *([("덧붙임", list(notes))] if notes else [])]:
        lines.append(f"■ {head}")
        if values:
            lines.extend(f"  - {v}" for v in values)
        else:
            lines.append("  (없음)")
    return "\n".join(lines)


# --------------------------------------------------------------------------- the five columns


@dataclass(frozen=True)
class PdnColumn:
    """One column of the planning table, with its definition in the workbook's words."""

    key: str
    label: str
    english: str
    definition: str


COLUMNS: tuple[PdnColumn, ...] = (
    PdnColumn(
        "problem",
        "(제시된) 문제",
        "problem",
        "당사자가 말로 털어놓는 생활의 어려움입니다. 물질·정신·사회·제도의 어느 면에서 무언가가 "
        "모자라거나 빠져 있어서(결핍) 생깁니다. 교재의 예시를 보면 이 칸에 당사자의 말과 함께, "
        "사례관리자가 확인한 실제 상태도 적습니다.",
    ),
    PdnColumn(
        "demand",
        "요구·바램",
        "demand / wish",
        "당사자가 문제를 풀거나 욕구를 채우는 데 도움이 되리라 믿어서, 또는 자기가 아는 방법이라서 "
        "청하는 도움입니다. '병원비', '일자리'처럼 자원이나 서비스의 모양을 띠는 일이 많고, "
        "당사자의 목소리로 적힙니다. 교재의 예시는 청하는 말과 함께, 도움을 청하며 털어놓은 "
        "걱정과 까닭도 이 칸에 적습니다.",
    ),
    PdnColumn(
        "need",
        "욕구",
        "need",
        "상식이나 사회가 기대하는 삶의 수준과 지금 상태 사이의 틈에서 드러나는 모자람(결핍·부족)을, "
        "자원이나 서비스로 풀거나 채워야 할(충족되어야 할) 필요성입니다. 사례관리자가 당사자와 함께 읽어 내며, "
        "'건강회복의 욕구'처럼 채워져야 할 상태로 적습니다.",
    ),
    PdnColumn(
        "objective",
        "(합의된) 개입목적·목표",
        "agreed purpose and objective",
        "여러 욕구 가운데 정해진 기간 안에 채울 수 있거나 당사자가 가장 앞에 두는 욕구를 골라 "
        "당사자와 합의해 세웁니다. 찾아낸 욕구가 모두 목표가 될 수도, 일부만 될 수도 있습니다. "
        "개입목적은 욕구가 채워졌을 때 기대하는 변화 상태이고, 개입목표는 그 변화의 구체적인 "
        "수준(기간과 수치)입니다.",
    ),
    PdnColumn(
        "services",
        "서비스 계획",
        "service plan",
        "목적과 목표를 이루는 방법·수단으로 쓸 자원과 서비스의 계획입니다. 목표를 가로막는 걸림돌"
        "(장애물)을 치우는 노력도 넣습니다. 사례관리자의 역량, 지역사회 자원, 당사자의 역량을 모두 엮어 "
        "설계하고, 필요하면 그 셋의 역량을 키우는 노력도 계획에 담습니다.",
    ),
)

CATEGORY_PROBLEM = "문제"
CATEGORY_DEMAND = "요구·바램"
CATEGORY_NEED = "욕구"
CATEGORIES: tuple[str, ...] = (CATEGORY_PROBLEM, CATEGORY_DEMAND, CATEGORY_NEED)


def columns_table() -> HtmlBlock:
    """The five columns with their definitions, as one table."""
    rows = [(f"{i}. {c.label} ({c.english})", [c.definition]) for i, c in enumerate(COLUMNS, 1)]
    caption = "계획수립 표의 다섯 칸"
    return HtmlBlock(_html_table(caption, rows), _text_table(caption, rows), _markdown_table(caption, rows))


# --------------------------------------------------------------------------- case chains


def _as_case(case: Case | str) -> Case:
    if isinstance(case, Case):
        return case
    if isinstance(case, str):
        return load_case(case)
    raise CaseworkError(
        f"사례는 load_case로 불러온 Case나 사례 id(예: 'sick_child')로 주세요. 받은 값: {case!r}"
    )


def _chains(case: Case) -> tuple[PlanChain, ...]:
    chains = case.plan_chains()
    if not chains:
        raise CaseworkError(
            f"'{case.id}' 사례에는 문제→요구→욕구 표(chains)가 없습니다. "
            "sick_child, low_grades, no_living_money, drinking_violence 같은 계획수립 예시를 고르세요."
        )
    return chains


def _problem_values(chain: PlanChain) -> list[str]:
    values = []
    if chain.problem_quote.strip():
        values.append(f"“{chain.problem_quote.strip()}”")
    values.append(chain.problem)
    return values


def _objective_values(chain: PlanChain) -> list[str]:
    return [f"개입목적: {o.purpose} → 개입목표: {o.objective}" for o in chain.objectives]


def chain_table(case: Case | str) -> HtmlBlock:
    """The case's chains as a readable table, one row per column, from problem to service plan."""
    c = _as_case(case)
    chains = _chains(c)
    html_parts, text_parts, md_parts = [], [], []
    for number, chain in enumerate(chains, 1):
        caption = c.title if len(chains) == 1 else f"{c.title} ({number})"
        rows = [
            (COLUMNS[0].label, _problem_values(chain)),
            (COLUMNS[1].label, [f"“{d}”" for d in chain.demands]),
            (COLUMNS[2].label, [n.text for n in chain.needs]),
            (COLUMNS[3].label, _objective_values(chain)),
            (COLUMNS[4].label, list(chain.services)),
        ]
        html_parts.append(_html_table(caption, rows, list(chain.notes)))
        text_parts.append(_text_table(caption, rows, list(chain.notes)))
        md_parts.append(_markdown_table(caption, rows, list(chain.notes)))
    source = f"<p class='note' style='color:#555'>출처: {_esc(c.source)}</p>"
    return HtmlBlock("".join(html_parts) + source, "\n\n".join(text_parts) + f"\n출처: {c.source}",
                     "\n\n".join(md_parts) + f"\n\n출처: {markdown_escape(c.source)}")


def plan_table(case: Case | str) -> HtmlBlock:
    """Only the last two columns (agreed objectives and service plan), shown after the quiz."""
    c = _as_case(case)
    chains = _chains(c)
    html_parts, text_parts = [], []
    for chain in chains:
        caption = f"{c.title}: 합의된 목적·목표와 서비스 계획"
        rows = [(COLUMNS[3].label, _objective_values(chain)), (COLUMNS[4].label, list(chain.services))]
        html_parts.append(_html_table(caption, rows, list(chain.notes)))
        text_parts.append(_text_table(caption, rows, list(chain.notes)))
    return HtmlBlock("".join(html_parts), "\n\n".join(text_parts))


# --------------------------------------------------------------------------- the sorting quiz

_NEED_WORD = re.compile(r"\s*(?:의\s*)?욕구\s*$")


def strip_need_word(text: str) -> str:
    """'건강회복의 욕구' → '건강회복': drop the trailing word 욕구 so a quiz does not give it away."""
    if not isinstance(text, str):
        raise CaseworkError(f"욕구 문장은 글자로 주세요. 받은 값: {text!r}")
    stripped = _NEED_WORD.sub("", text).strip()
    return stripped or text.strip()


_WHY = {
    CATEGORY_PROBLEM: (
        "문제 칸에는 당사자가 털어놓은 어려움과 사례관리자가 확인한 실제 상태가 들어갑니다. "
        "무엇을 해 달라는 청도, 무엇이 채워져야 한다는 판단도 아직 담겨 있지 않습니다."
    ),
    CATEGORY_DEMAND: (
        "요구·바램 칸에는 당사자가 도움을 청하며 한 말이 당사자의 목소리 그대로 들어갑니다. 도움이 "
        "되리라 믿고 청하는 방법과 바람이 중심이고, 교재는 그와 함께 털어놓은 걱정이나 까닭도 이 "
        "칸에 적었습니다."
    ),
    CATEGORY_NEED: (
        "욕구는 기대되는 삶의 수준과 지금 상태의 틈, 곧 채워져야 할 필요성입니다. 사례관리자가 "
        "당사자와 함께 요구 뒤에서 읽어 낸 것입니다."
    ),
}


def category_meaning(category: str) -> str:
    """What goes into one column of the table (문제, 요구·바램 or 욕구), in Korean."""
    if category not in _WHY:
        raise CaseworkError(f"알 수 없는 칸입니다: {category!r}. 쓸 수 있는 값: {', '.join(CATEGORIES)}")
    return _WHY[category]


def _demand_why(text: str) -> str:
    reading = read_statement(text)
    found = reading.requests + reading.means
    if not found:
        return (
            f"{_WHY[CATEGORY_DEMAND]} 이 말은 무엇을 청하는 말은 아니지만, 당사자가 도움을 청하면서 "
            "함께 털어놓은 걱정이나 까닭이라 교재는 요구·바램 칸에 적었습니다. 문제 칸에는 처음 "
            "털어놓은 어려움과 사례관리자가 확인한 상태가 들어갑니다."
        )
    quoted = ", ".join(f"'{m}'" for m in found)
    return f"{_WHY[CATEGORY_DEMAND]} 이 말에는 {quoted}처럼 방법을 청하거나 바라는 낱말이 있습니다."


def categorize_question(case: Case | str, *, hide_need_word: bool = True) -> CategorizeQuestion:
    """A categorize question built from a case's chains.

    The problem quote and the worker's reading of the problem go to 문제, each demand to
    요구·바램, each need to 욕구. Each item's ``why`` comes from the column definitions. With
    ``hide_need_word`` (the default; the workbook's choice, not the textbook's) the trailing
    word '욕구' is dropped from the need texts so the word itself does not give the answer away.
    A statement written twice under the same column is asked once; the same words under two
    different columns make the question ambiguous and are refused.
    """
    c = _as_case(case)
    if not isinstance(hide_need_word, bool):
        raise CaseworkError(f"hide_need_word는 True 또는 False로 주세요. 받은 값: {hide_need_word!r}")
    placed: dict[str, str] = {}
    items: list[Item] = []

    def put(text: str, category: str, why: str) -> None:
        text = text.strip()
        if text in placed:
            if placed[text] != category:
                raise CaseworkError(
                    f"'{c.id}' 사례에서 {josa(repr(text), '이')} {placed[text]} 칸과 {category} 칸에 함께 있어 "
                    "분류 문제를 만들 수 없습니다. 사례 파일에서 한쪽 문장을 고쳐 주세요."
                )
            return
        placed[text] = category
        items.append(Item(text=text, category=category, why=why))

    for chain in _chains(c):
        if chain.problem_quote.strip():
            put(chain.problem_quote, CATEGORY_PROBLEM, _WHY[CATEGORY_PROBLEM])
        put(chain.problem, CATEGORY_PROBLEM, _WHY[CATEGORY_PROBLEM])
        for demand in chain.demands:
            put(demand, CATEGORY_DEMAND, _demand_why(demand))
        for need in chain.needs:
            text = strip_need_word(need.text) if hide_need_word else need.text
            put(text, CATEGORY_NEED, _WHY[CATEGORY_NEED])
    return CategorizeQuestion(
        kind="categorize",
        id=f"pdn-{c.id}",
        prompt=f"「{c.title}」 사례의 문장을 문제, 요구·바램, 욕구로 나누어 보세요.",
        categories=list(CATEGORIES),
        items=items,
        explanation=(
            "요구는 당사자가 떠올린 방법이고, 욕구는 그 방법으로 채우려는 모자람입니다. "
            "목표와 서비스는 요구가 아니라 욕구에서 나옵니다."
        ),
    )


# --------------------------------------------------------------------------- need or demand?


class StatementKind(str, Enum):
    """How :func:`read_statement` reads a statement a learner wrote as a need."""

    DEMAND = "요구·바램"
    NEED = "욕구"
    UNCLEAR = "알기 어려움"


@dataclass(frozen=True)
class StatementReading:
    """The verdict of :func:`read_statement` with the words that led to it."""

    kind: StatementKind
    requests: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    need_words: tuple[str, ...] = ()


HEURISTIC_NOTE = (
    "※ 문장을 낱말과 말끝으로 나누어 워크북의 낱말 목록과 견주어 판단한 자동 점검입니다. 문맥상 맞게 썼다고 생각하면 동료나 슈퍼바이저와 "
    "함께 다시 살펴보세요."
)

_NEED_LISTS = frozenset({"request", "means", "need_marks"})


def need_rules():
    """The validated word lists of :func:`read_statement` (``casework/data/language/need_rules.yaml``)."""
    from casework.language.rules import load_rule_table

    return load_rule_table("need_rules.yaml", _NEED_LISTS)


def _found(name: str, text: str, tokens) -> tuple[str, ...]:
    seen: list[str] = []
    for hit in need_rules()[name].find(text, tokens):
        word = " ".join(hit.text.split())
        if word not in seen:
            seen.append(word)
    return tuple(seen)


def read_statement(text: str) -> StatementReading:
    """Read a statement written as a need: is it a need, or really a demand?

    The workbook's teaching rule rather than the textbook's, with word lists in
    ``casework/data/language/need_rules.yaml`` matched on the statement's morphemes:

    1. request or wish wording (``request``: …주세요, 받고 싶다, 좋겠어요, 부탁 …) or the name of
       a means (``means``: 서비스, 지원, 병원비, 일자리, 상담, 도시락 …) →
       :attr:`StatementKind.DEMAND`, even when the word 욕구 is there too ('병원비 지원의 욕구'
       names the means, not the gap);
    2. otherwise a state to be met (``need_marks``: 욕구, 필요성, 회복, 확보, 향상, 안정 …) →
       :attr:`StatementKind.NEED`;
    3. otherwise :attr:`StatementKind.UNCLEAR` (often the problem restated).
    """
    if not isinstance(text, str):
        raise CaseworkError(f"욕구 문장은 글자로 적어 주세요. 받은 값: {text!r}")
    statement = " ".join(text.split())
    if not statement:
        raise CaseworkError("욕구 문장이 비어 있습니다. '○○의 욕구'처럼 적어 주세요.")
    from casework.language import analyse

    tokens = analyse(statement)
    requests = _found("request", statement, tokens)
    means = _found("means", statement, tokens)
    need_words = _found("need_marks", statement, tokens)
    if requests or means:
        kind = StatementKind.DEMAND
    elif need_words:
        kind = StatementKind.NEED
    else:
        kind = StatementKind.UNCLEAR
    return StatementReading(kind, requests, means, need_words)


# --------------------------------------------------------------------------- the fifth case

#: Short names of the practice case's three goals, as used in its monitoring log and chart.
PRACTICE_GOALS: tuple[str, str, str] = ("손녀 결석 줄이기", "할머니·담임 의논", "손녀 또래 모임")


def practice_case() -> Case:
    """The fictional fifth case (not in the textbook), validated like any case file.

    It lives in ``casework/data/scenarios/practice_case.yaml``, apart from the bundled case
    folder, so it is not listed among the textbook's cases. The file is read once; each call
    returns a fresh copy.
    """
    return bundled_scenario_file("practice_case.yaml", Case).model_copy(deep=True)


def practice_service_plan() -> ServicePlan:
    """A filled service plan form (①–⑮) for the practice case; every value is fictional."""
    start = date(2025, 3, 3)
    objectives = [o.objective for o in practice_case().chains[0].objectives]
    return ServicePlan(
        case_number="연습-2025-001",
        client_name="김○○",
        birth_date=date(1953, 1, 1),
        case_manager="박○○ (○○동 주민센터)",
        short_term_goal="손녀가 학교에 꾸준히 다니고, 할머니가 학교와 직접 연락한다.",
        long_term_goal="할머니와 손녀가 이웃·학교와 이어진 채 스스로 학교생활을 꾸려 간다.",
        items=(
            ServicePlanItem(
                objective=objectives[0],
                service="학교사회복지사와의 상담(결석 까닭 살피기, 등교 지원)",
                priority=1, timing="즉시", start=start, end=date(2025, 5, 30), times_per_week=1,
                provider="○○초등학교", staff="학교사회복지사", check_method="출결 기록 확인",
            ),
            ServicePlanItem(
                objective=objectives[1],
                service="담임교사 첫 상담 동행, 알림장 읽기 도움",
                priority=2, timing="1개월 안", start=date(2025, 3, 17), end=date(2025, 5, 30),
                times_per_week=1,
                provider="○○동 주민센터", staff="박○○", check_method="가정방문·상담",
            ),
            ServicePlanItem(
                objective=objectives[2],
                service="지역아동센터 방과후 활동 연계",
                priority=3, timing="2개월 안", start=date(2025, 4, 1), end=date(2025, 8, 29),
                times_per_week=2, provider="○○지역아동센터", staff="센터 담당 교사",
                check_method="제공기관 통해",
            ),
        ),
        consent_from=start,
        signed_on=start,
    )


def practice_monitoring_log() -> MonitoringLog:
    """Six monthly monitoring entries for the practice case's three goals (fictional).

    The plan starts on 2025-03-03. In July a neighbour reports that the grandmother will have
    knee surgery, so her needs change and a reassessment falls due.
    """
    _g1, _g2, _g3 = PRACTICE_GOALS
    m = MonitoringMethod
    rows = [
        (date(2025, 4, 1), m.REGULAR_CONTACT, "가정방문. 3월 결석 3일. 할머니는 담임과 아직 통화하지 못함.",
         (-1, -1, -2), False),
        (date(2025, 5, 2), m.PROVIDER, "학교사회복지사와 통화. 4월 결석 1일, 놀림 문제로 반 상담을 함.",
         (0, -1, -1), False),
        (date(2025, 6, 2), m.FORMAL, "출결 기록 분석. 5월 결석 1일. 할머니가 담임과 한 번 의논함.",
         (0, 0, -1), False),
        (date(2025, 7, 1), m.INFORMAL, "통장님이 전함: 할머니가 다음 달 무릎 수술을 앞두고 있어 돌봄 공백이 걱정됨.",
         (0, 0, -1), True),
        (date(2025, 8, 1), m.REGULAR_CONTACT, "가정방문. 손녀가 방과후 모임에 주 2회 나가기 시작함.",
         (1, 0, 0), False),
        (date(2025, 9, 1), m.PROVIDER, "지역아동센터 방문. 또래 모임에 꾸준히 나오고 결석은 없음.",
         (1, 1, 0), False),
    ]
    entries = [
        MonitoringEntry(on=on, method=method, note=note,
                        goal_levels=dict(zip(PRACTICE_GOALS, levels)), needs_changed=changed)
        for on, method, note, levels, changed in rows
    ]
    return MonitoringLog(date(2025, 3, 3), entries)
