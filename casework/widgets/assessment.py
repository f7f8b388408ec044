"""Chapter 05 exercises on a case study: rate needs by domain, score K-ADL / Lawton IADL,
and link resources to needs.

Each exercise has a plain judging function returning :class:`~casework.feedback.Feedback`
(:func:`judge_severity`, :func:`judge_kadl`, :func:`judge_lawton`,
:func:`judge_resource_picks`); the widgets only wire inputs to them.

The comparison values (severities, instrument scores) are the case file's ``practice_data``:
the workbook's own examples, not the textbook's. There is no single right severity; the
workbook's teaching rule flags a rating two or more steps away from the example.
"""

from __future__ import annotations

import html
import random
from collections.abc import Iterable, Mapping, Sequence

import ipywidgets as w

from casework.assessment import (
    KADL_ITEMS, KADL_LEVELS, KADL_SOURCE, LAWTON_IADL_ITEMS, LAWTON_SCORING_NOTE, LAWTON_SOURCE,
    AssessedNeed, connected_groups, score_kadl, score_lawton_iadl,
)
from casework.cases import Case, DomainNeed, PracticeItemScore, ResourceSector
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.plotting.needs import SEVERITY_WORDS, needs_chart
from casework.resources import Resource, ResourceKind, Sector, match_resources
from casework.widgets.base import checked_box, labelled_row

__all__ = [
    "SEVERITY_CHOICES", "CLOSE_ENOUGH", "priority_from_severity", "practice_needs", "learner_needs",
    "judge_severity", "severity_widget",
    "KADL_GUIDE", "LAWTON_GUIDE", "judge_kadl", "judge_lawton", "kadl_widget", "iadl_widget",
    "resource_pool", "resource_options", "judge_resource_picks", "resource_widget",
]

_BLANK_LABEL = "— 고르세요 —"
_BLANK = -1  # dropdown value for "not chosen yet"

SEVERITY_CHOICES: dict[int, str] = {0: "문제 아님", **SEVERITY_WORDS}
"""Choices offered per need: 0 (no problem) and the 1–5 severity words."""

CLOSE_ENOUGH = 1
"""Workbook rule: a rating within this many steps of the example counts as close."""


def _case(case: object) -> Case:
    if not isinstance(case, Case):
        raise CaseworkError(f"사례를 넣어 주세요(예: load_case('elderly_alone')). 받은 값: {type(case).__name__}")
    return case


def _practice(case: Case, what: str):
    data = case.practice_data
    if data is None:
        raise CaseworkError(f"사례 '{case.id}'에는 {what}에 쓸 연습 자료(practice_data)가 없습니다.")
    return data


# ---------------------------------------------------------------------------
# Needs by domain: severity ratings
# ---------------------------------------------------------------------------

def priority_from_severity(severity: int) -> int:
    """Workbook rule for the practice chart: severity 4–5 → priority 1, 3 → 2, 1–2 → 3.

    Real priorities are agreed with the person; this only lets a learner's ratings be coloured.
    """
    if isinstance(severity, bool) or not isinstance(severity, int) or not 1 <= severity <= 5:
        raise CaseworkError(f"심각도는 1~5의 정수여야 합니다. 받은 값: {severity!r}")
    return 1 if severity >= 4 else 2 if severity == 3 else 3


def practice_needs(case: Case) -> list[AssessedNeed]:
    """The case's needs with the workbook's practice severity, priority and links."""
    case = _case(case)
    ratings = _practice(case, "욕구 심각도").need_ratings
    missing = [n.id for n in case.needs_by_domain if n.id not in ratings]
    if not ratings or missing:
        raise CaseworkError(
            f"사례 '{case.id}'의 연습 심각도(need_ratings)가 모든 욕구에 있지 않습니다. 빠진 욕구: "
            f"{', '.join(missing) or '전부'}"
        )
    return [
        AssessedNeed(n.domain, n.label, ratings[n.id].severity, ratings[n.id].priority, key=n.id,
                     connected_to=tuple(ratings[n.id].connected_to))
        for n in case.needs_by_domain
    ]


def _check_ratings(case: Case, ratings: object) -> dict[str, int | None]:
    if not isinstance(ratings, Mapping):
        raise CaseworkError(f"심각도는 {{욕구 id: 0~5}} 형태의 사전(dict)으로 주세요. 받은 값: {ratings!r}")
    known = {n.id for n in case.needs_by_domain}
    unknown = [str(k) for k in ratings if k not in known]
    if unknown:
        raise CaseworkError(f"이 사례에 없는 욕구입니다: {', '.join(unknown)}. 있는 욕구: {', '.join(sorted(known))}")
    checked: dict[str, int | None] = {}
    for key, value in ratings.items():
        if value is None:
            checked[key] = None
        elif isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 5:
            raise CaseworkError(f"욕구 '{key}'의 심각도는 0(문제 아님)~5의 정수여야 합니다. 받은 값: {value!r}")
        else:
            checked[key] = value
    return checked


def learner_needs(case: Case, ratings: Mapping[str, int | None]) -> list[AssessedNeed]:
    """The learner's ratings as AssessedNeed (0 and blank are left out; priority by the workbook rule)."""
    case = _case(case)
    checked = _check_ratings(case, ratings)
    return [
        AssessedNeed(n.domain, n.label, checked[n.id], priority_from_severity(checked[n.id]), key=n.id)
        for n in case.needs_by_domain
        if checked.get(n.id)
    ]


def judge_severity(case: Case, ratings: Mapping[str, int | None]) -> Feedback:
    """Compare the learner's 0–5 rating per need (``{need id: rating or None}``) with the example.

    A rating of 0 ('문제 아님') for a need the case has is always pointed out; otherwise a
    rating two or more steps from the example is pointed out with the example's reason.
    """
    case = _case(case)
    checked = _check_ratings(case, ratings)
    reference = {n.key: n for n in practice_needs(case)}
    ratings_data = _practice(case, "욕구 심각도").need_ratings
    needs = case.needs_by_domain
    if all(checked.get(n.id) is None for n in needs):
        return Feedback.unanswered("욕구마다 심각도를 골라 보세요. 문제가 아니라고 보면 0을 고르세요.")
    blank = [n.label for n in needs if checked.get(n.id) is None]
    if blank:
        return Feedback(
            Status.UNANSWERED,
            f"욕구 {len(needs)}개 가운데 {len(blank)}개의 심각도를 아직 고르지 않았습니다.",
            (f"아직 고르지 않은 욕구: {', '.join(blank)}",),
        )

    points: list[str] = []
    close = 0
    for n in needs:
        mine, ref = checked[n.id], reference[n.id]
        reason = ratings_data[n.id].reason
        if mine == 0:
            points.append(
                f"'{n.label}'을(를) 문제가 아니라고 보았습니다. 이 사례에서는 돌봐야 할 욕구입니다"
                f"(워크북 예시 심각도 {ref.severity}). {reason}"
            )
        elif abs(mine - ref.severity) > CLOSE_ENOUGH:
            points.append(
                f"'{n.label}': 고른 심각도 {mine}({SEVERITY_CHOICES[mine]}), 워크북 예시 {ref.severity}"
                f"({SEVERITY_CHOICES[ref.severity]}). {reason}"
            )
        else:
            close += 1
    first = [n.description for n in reference.values() if n.priority == 1]
    points.append(f"워크북 예시에서 가장 먼저 다룰 욕구(우선순위 1): {', '.join(first)}.")
    groups = connected_groups(reference.values())
    if groups:
        chains = "; ".join(" ↔ ".join(n.description for n in g) for g in groups)
        points.append(
            f"이 욕구들은 서로 얽혀 있습니다({chains}). 하나씩 따로 풀기 어려운 복합적 욕구라서 "
            "여러 자원을 묶는 사례관리가 필요합니다."
        )
    points.append(
        "심각도에 하나뿐인 정답은 없습니다. 워크북 예시와 2단계 이상 차이 나는 것만 짚었으니, "
        "왜 다르게 보았는지 모임에서 이야기해 보세요."
    )
    total = len(needs)
    status = Status.CORRECT if close == total else Status.PARTIAL if close else Status.INCORRECT
    return Feedback(status, f"욕구 {total}개 가운데 {close}개가 워크북 예시와 비슷합니다(1단계 이내).",
                    tuple(points), close / total)


def _rating_dropdown() -> w.Dropdown:
    options = [(_BLANK_LABEL, _BLANK)] + [(f"{k} · {v}", k) for k, v in SEVERITY_CHOICES.items()]
    return w.Dropdown(options=options, value=_BLANK, layout=w.Layout(width="170px"))


def severity_widget(case: Case) -> w.VBox:
    """A dropdown per need; 확인 shows the feedback and the chart against the workbook example.

    The box has ``dropdowns`` ({need id: Dropdown}), ``ratings()`` and ``check()``.
    """
    case = _case(case)
    practice_needs(case)  # fail early, with the Korean message, if the case has no ratings
    drops = {n.id: _rating_dropdown() for n in case.needs_by_domain}
    rows = [labelled_row(f"{html.escape(n.label)} <span style='color:#666'>[{n.domain.value}]</span>", drops[n.id],
                         "330px")
            for n in case.needs_by_domain]
    chart = w.Output()

    def ratings() -> dict[str, int | None]:
        return {k: (None if d.value == _BLANK else d.value) for k, d in drops.items()}

    def judge() -> Feedback:
        import matplotlib.pyplot as plt
        from IPython.display import display

        current = ratings()
        chart.clear_output()
        mine = learner_needs(case, current)
        notes = {k: ("0 · 문제 아님" if v == 0 else "고르지 않음") for k, v in current.items() if not v}
        fig = needs_chart(mine, reference=practice_needs(case), title="내가 매긴 심각도와 워크북 예시",
                          row_notes=notes)
        with chart:
            display(fig)
        plt.close(fig)
        return judge_severity(case, current)

    return checked_box(rows, judge, button_label="확인하고 그래프 보기", after=[chart],
                       extra_attrs={"dropdowns": drops, "ratings": ratings})


# ---------------------------------------------------------------------------
# Functional assessment: K-ADL and Lawton IADL
# ---------------------------------------------------------------------------

KADL_GUIDE: dict[int, str] = {
    1: "자립: 남의 도움 없이 혼자 한다",
    2: "부분도움: 일부를 도와주거나 곁에서 붙잡아 주어야 한다",
    3: "완전도움: 거의 모두 남이 해 준다",
}
"""The workbook's short reading of the three K-ADL levels (not the instrument's own wording)."""

LAWTON_GUIDE: dict[str, tuple[str, str]] = {
    "전화 사용": ("스스로 번호를 찾아 걸거나, 아는 번호 몇 개만 걸거나, 걸려 온 전화를 받기만 해도 1점",
              "전화를 전혀 쓰지 못하면 0점"),
    "장보기": ("필요한 장을 모두 혼자 보면 1점",
            "작은 물건만 혼자 사거나, 누가 같이 가야 하거나, 전혀 못 보면 0점"),
    "식사 준비": ("끼니를 스스로 계획하고 준비해 제대로 차려 먹으면 1점",
              "재료를 갖다줘야 하거나, 데우기만 하거나, 차려도 끼니가 부실하거나, 남이 차려 줘야 하면 0점"),
    "집안일": ("혼자 하거나 힘든 일만 가끔 도움받거나, 가벼운 일만 하거나, 깔끔하게 유지하지 못해도 "
            "집안일에 참여하면 1점", "집안일에 전혀 참여하지 않으면 0점"),
    "빨래": ("자기 빨래를 다 하거나 양말 같은 작은 빨래만 해도 1점", "빨래를 모두 남이 해 주면 0점"),
    "교통수단 이용": ("대중교통을 혼자 타거나 운전하거나, 스스로 택시를 불러 타거나, 누가 함께하면 대중교통을 "
                "탈 수 있으면 1점", "남의 도움을 받아 택시·자가용으로만 다니거나 전혀 외출하지 않으면 0점"),
    "약 복용 관리": ("정해진 양을 제때 스스로 챙겨 먹으면 1점",
                "누가 미리 한 번 먹을 만큼씩 나눠 줘야 먹거나, 스스로 먹지 못하면 0점"),
    "재정 관리": ("돈 관리를 스스로 하거나, 날마다 쓰는 돈은 챙기되 은행 일·큰 지출만 도움받으면 1점",
              "돈을 다룰 수 없으면 0점"),
}
"""Lawton & Brody (1969)'s scoring of each item, shortened into Korean by the workbook."""

_IADL_RESOURCE_HINTS: dict[str, str] = {
    "전화 사용": "정기적인 안부 확인",
    "장보기": "장보기 동행이나 배달",
    "식사 준비": "도시락 나눔이나 밑반찬 지원",
    "집안일": "가사 지원",
    "빨래": "가사 지원",
    "교통수단 이용": "이동 지원 서비스나 병원 동행",
    "약 복용 관리": "복약 확인(방문 간호, 이웃의 안부 확인)",
    "재정 관리": "금전관리 지원",
}
"""Where each IADL item that a person cannot do points for resources (the workbook's examples)."""


def _check_answers(answers: object, items: Sequence[str], allowed: Iterable[int], tool: str) -> dict[str, int | None]:
    if not isinstance(answers, Mapping):
        raise CaseworkError(f"{tool} 응답은 {{항목: 점수}} 형태의 사전(dict)으로 주세요. 받은 값: {answers!r}")
    unknown = [str(k) for k in answers if k not in items]
    if unknown:
        raise CaseworkError(f"{tool}에 없는 항목입니다: {', '.join(unknown)}. 항목: {', '.join(items)}")
    allowed = tuple(allowed)
    checked: dict[str, int | None] = {}
    for item in items:
        value = answers.get(item)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value not in allowed):
            raise CaseworkError(
                f"{tool} 항목 '{item}'의 점수는 {', '.join(map(str, allowed))} 가운데 하나여야 합니다. 받은 값: {value!r}"
            )
        checked[item] = value
    return checked


def _key(practice: Sequence[PracticeItemScore], items: Sequence[str], tool: str) -> dict[str, PracticeItemScore]:
    if isinstance(practice, (str, bytes)) or not isinstance(practice, Sequence):
        raise CaseworkError(f"{tool} 연습 자료는 PracticeItemScore의 목록으로 주세요. 받은 값: {practice!r}")
    key: dict[str, PracticeItemScore] = {}
    for p in practice:
        if not isinstance(p, PracticeItemScore) or p.item not in items:
            raise CaseworkError(f"{tool} 연습 자료에 알 수 없는 항목이 있습니다: {p!r}")
        key[p.item] = p
    return key


def _blank_feedback(checked: Mapping[str, int | None], tool: str) -> Feedback | None:
    blank = [i for i, v in checked.items() if v is None]
    if len(blank) == len(checked):
        return Feedback.unanswered(f"{tool}의 항목마다 점수를 골라 보세요.")
    if blank:
        return Feedback(
            Status.UNANSWERED,
            f"{tool} {len(checked)}개 항목 가운데 {len(blank)}개를 아직 고르지 않았습니다. "
            "모든 항목을 골라야 총점을 낼 수 있습니다.",
            (f"아직 고르지 않은 항목: {', '.join(blank)}",),
        )
    return None


def _compare(checked: Mapping[str, int | None], key: Mapping[str, PracticeItemScore],
             describe) -> tuple[list[str], int]:
    points: list[str] = []
    right = 0
    for item, value in checked.items():
        expected = key.get(item)
        if expected is None:
            continue
        if value == expected.score:
            right += 1
        else:
            points.append(
                f"'{item}': {describe(item, value)}을 골랐지만, 관찰('{expected.observation}')에 맞는 "
                f"점수는 {describe(item, expected.score)}입니다."
            )
    return points, right


def _verdict(summary: str, points: list[str], right: int, total: int) -> Feedback:
    if not total:
        return Feedback(Status.CORRECT, summary, tuple(points), 1.0)
    status = Status.CORRECT if right == total else Status.PARTIAL if right else Status.INCORRECT
    if right < total:
        summary += f" 관찰 기록과 맞는 항목은 {total}개 가운데 {right}개입니다."
    return Feedback(status, summary, tuple(points), right / total)


def judge_kadl(answers: Mapping[str, int | None], practice: Sequence[PracticeItemScore] = ()) -> Feedback:
    """Total and interpretation of a K-ADL scoring (``{item: 1|2|3 or None}``).

    With ``practice`` (the case's observations and their scores) each item is also compared.
    Blank items are listed and no total is given until every item is scored.
    """
    checked = _check_answers(answers, KADL_ITEMS, KADL_LEVELS, "K-ADL")
    key = _key(practice, KADL_ITEMS, "K-ADL")
    blank = _blank_feedback(checked, "K-ADL")
    if blank is not None:
        return blank
    result = score_kadl({i: v for i, v in checked.items() if v is not None})
    points, right = _compare(checked, key, lambda _item, v: f"{v}({KADL_LEVELS[v]})")
    if result.needs_help:
        helped = ", ".join(f"{i}({result.level(i)})" for i in result.needs_help)
        points.append(
            f"도움이 필요한 항목: {helped}. 이 항목들이 돌봄서비스·가사지원 같은 자원을 잇는 근거가 됩니다."
        )
    else:
        points.append("일곱 항목 모두 혼자 합니다. 기본 일상생활은 자립입니다.")
    points.append(
        "워크북은 '몇 점 이상이면 어떻다'는 절단점을 쓰지 않습니다. 출처에서 확인하지 못했기 때문입니다. "
        f"출처: {KADL_SOURCE}"
    )
    summary = f"K-ADL 총점 {result.total}점 (7~21점, 높을수록 다른 사람의 도움이 더 필요합니다)."
    return _verdict(summary, points, right, len(key))


def judge_lawton(answers: Mapping[str, int | None], practice: Sequence[PracticeItemScore] = ()) -> Feedback:
    """Total and interpretation of a Lawton IADL scoring (``{item: 0|1 or None}``).

    With ``practice`` each item is also compared, quoting the item's scoring guide.
    """
    checked = _check_answers(answers, LAWTON_IADL_ITEMS, (0, 1), "Lawton IADL")
    key = _key(practice, LAWTON_IADL_ITEMS, "Lawton IADL")
    blank = _blank_feedback(checked, "Lawton IADL")
    if blank is not None:
        return blank
    result = score_lawton_iadl({i: v for i, v in checked.items() if v is not None})
    points, right = _compare(checked, key, lambda _item, v: f"{v}점")
    for item in LAWTON_IADL_ITEMS:
        expected = key.get(item)
        if expected is not None and checked[item] != expected.score:
            able, unable = LAWTON_GUIDE[item]
            points.append(f"'{item}'의 채점 기준: {able}; {unable}.")
    if result.unable:
        hints = "; ".join(f"{i} → {_IADL_RESOURCE_HINTS[i]}" for i in result.unable)
        points.append(f"혼자 하기 어려운 일이 자원을 이을 곳을 알려 줍니다: {hints}.")
    else:
        points.append("여덟 가지 일을 모두 혼자 할 수 있습니다.")
    points.append(f"{LAWTON_SCORING_NOTE} 출처: {LAWTON_SOURCE}")
    summary = f"Lawton IADL 총점 {result.total}점 (0~8점, 높을수록 혼자 할 수 있는 일이 많습니다)."
    return _verdict(summary, points, right, len(key))


def _instrument_widget(items: Sequence[str], options: list[tuple[str, int]], guides: Mapping[str, str],
                       practice: Sequence[PracticeItemScore], judge) -> w.VBox:
    observations = {p.item: p.observation for p in practice}
    drops = {i: w.Dropdown(options=[(_BLANK_LABEL, _BLANK), *options], value=_BLANK,
                           layout=w.Layout(width="200px")) for i in items}
    rows = []
    for item in items:
        seen = observations.get(item)
        text = f"<b>{item}</b>" + (f"<br><span style='color:#444'>관찰: {html.escape(seen)}</span>" if seen else "")
        guide = guides.get(item)
        if guide:
            text += f"<br><span style='color:#777;font-size:90%'>{html.escape(guide)}</span>"
        rows.append(labelled_row(text, drops[item], "520px"))

    def answers() -> dict[str, int | None]:
        return {i: (None if d.value == _BLANK else d.value) for i, d in drops.items()}

    return checked_box(rows, lambda: judge(answers(), practice), button_label="총점 계산",
                       extra_attrs={"dropdowns": drops, "answers": answers})


def kadl_widget(case: Case | None = None) -> w.VBox:
    """K-ADL: a 1/2/3 dropdown per item (with the case's observations, if any) and the total."""
    practice = [] if case is None else list(_practice(_case(case), "K-ADL").kadl)
    options = [(f"{k} · {v}", k) for k, v in KADL_LEVELS.items()]
    return _instrument_widget(KADL_ITEMS, options, {}, practice, judge_kadl)


def iadl_widget(case: Case | None = None) -> w.VBox:
    """Lawton IADL: a 1/0 dropdown per item with its scoring guide, and the total."""
    practice = [] if case is None else list(_practice(_case(case), "Lawton IADL").lawton_iadl)
    options = [("1 · 할 수 있음", 1), ("0 · 도움 없이는 못 함", 0)]
    guides = {i: f"{a} / {b}" for i, (a, b) in LAWTON_GUIDE.items()}
    return _instrument_widget(LAWTON_IADL_ITEMS, options, guides, practice, judge_lawton)


# ---------------------------------------------------------------------------
# Linking resources to needs
# ---------------------------------------------------------------------------

_SECTORS = {ResourceSector.PUBLIC: Sector.PUBLIC, ResourceSector.PRIVATE: Sector.PRIVATE,
            ResourceSector.INFORMAL: Sector.INFORMAL}
_HUMAN_WORDS = ("봉사", "주민", "재능기부", "전문가", "변호사")
# Workbook rule for choosing wrong options: resources in a different "family" of help.
# Work schemes give income, so they count with the money family.
_INCOME_WORDS = ("일자리", "공공근로")


def _kind(name: str, sector: ResourceSector) -> ResourceKind:
    """Workbook rule: people → 인적, informal ties → 관계, goods and services → 물적 자원."""
    plain = name.replace("주민센터", "")  # '동 주민센터' is an office, not residents
    if any(word in plain for word in _HUMAN_WORDS):
        return ResourceKind.HUMAN
    if sector is ResourceSector.INFORMAL:
        return ResourceKind.RELATIONAL
    return ResourceKind.MATERIAL


def _families(name: str, domains: Iterable[Domain]) -> set[str]:
    found = set()
    for d in domains:
        found.add("money" if d is Domain.ECONOMY else "legal" if d is Domain.LEGAL_RIGHTS else "care")
    if any(word in name for word in _INCOME_WORDS):
        found.add("money")
    return found


def resource_pool(case: Case) -> dict[str, Resource]:
    """Every resource the case names, as :class:`casework.resources.Resource` by name.

    A resource listed under several needs serves all their domains. Its kind (인적·물적·관계)
    is the workbook's reading of its name and sector (see ``_kind``).
    """
    case = _case(case)
    if not case.needs_by_domain:
        raise CaseworkError(f"사례 '{case.id}'에는 영역별 욕구(needs_by_domain)가 없어 자원을 고를 수 없습니다.")
    sectors: dict[str, ResourceSector] = {}
    domains: dict[str, set] = {}
    for need in case.needs_by_domain:
        for r in need.resources:
            if sectors.setdefault(r.name, r.sector) is not r.sector:
                raise CaseworkError(
                    f"자원 '{r.name}'이(가) 욕구마다 다른 제공 주체로 적혀 있습니다. 사례 파일에서 하나로 맞춰 주세요."
                )
            domains.setdefault(r.name, set()).add(need.domain)
    return {
        name: Resource(name, _kind(name, sectors[name]), _SECTORS[sectors[name]], frozenset(domains[name]))
        for name in sectors
    }


def resource_options(case: Case, *, seed: int = 0, distractors: int = 2) -> dict[str, list[str]]:
    """Per need id: its own resources plus ``distractors`` wrong options, shuffled by ``seed``.

    Wrong options come from a different family of help (money: 경제 and work schemes; legal:
    법률 및 권익보장; care: everything else), so that none of them plausibly fits the need.
    This grouping is the workbook's teaching rule.
    """
    case = _case(case)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise CaseworkError(f"seed는 정수여야 합니다. 받은 값: {seed!r}")
    if isinstance(distractors, bool) or not isinstance(distractors, int) or distractors < 0:
        raise CaseworkError(f"distractors는 0 이상의 정수여야 합니다. 받은 값: {distractors!r}")
    pool = resource_pool(case)
    options: dict[str, list[str]] = {}
    for need in case.needs_by_domain:
        own = [r.name for r in need.resources]
        mine = _families("", [need.domain])
        others = sorted(name for name, r in pool.items() if not _families(name, r.domains) & mine)
        rng = random.Random(f"{seed}-{need.id}")
        picked = own + rng.sample(others, min(distractors, len(others)))
        rng.shuffle(picked)
        options[need.id] = picked
    return options


def judge_resource_picks(case: Case, picks: Mapping[str, Iterable[str]]) -> Feedback:
    """Which needs are still unmet by the resources the learner linked (``{need id: [names]}``)?

    A need is met when at least one resource picked for it serves its domain
    (:func:`casework.resources.match_resources`); a pick that does not serve the need's
    domain is pointed out. The sector mix (공적·민간·비공식) is commented on too.
    """
    case = _case(case)
    if not isinstance(picks, Mapping):
        raise CaseworkError(f"고른 자원은 {{욕구 id: [자원 이름, ...]}} 형태로 주세요. 받은 값: {picks!r}")
    pool = resource_pool(case)
    needs: dict[str, DomainNeed] = {n.id: n for n in case.needs_by_domain}
    unknown = [str(k) for k in picks if k not in needs]
    if unknown:
        raise CaseworkError(f"이 사례에 없는 욕구입니다: {', '.join(unknown)}")
    chosen: dict[str, list[Resource]] = {}
    for need_id, names in picks.items():
        if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
            raise CaseworkError(f"욕구 '{need_id}'에 고른 자원은 이름의 목록으로 주세요. 받은 값: {names!r}")
        names = list(names)
        bad = [str(n) for n in names if n not in pool]
        if bad:
            raise CaseworkError(f"자원 목록에 없는 이름입니다: {', '.join(bad)}")
        chosen[need_id] = [pool[n] for n in dict.fromkeys(names)]
    if not any(chosen.values()):
        return Feedback.unanswered("욕구마다 알맞은 자원을 하나 이상 골라 보세요.")

    points: list[str] = []
    unmet: list[DomainNeed] = []
    clean = 0
    for need in case.needs_by_domain:
        statement = need.to_need_statement()
        picked = chosen.get(need.id, [])
        fits = match_resources([statement], picked)[statement]
        misfits = [r for r in picked if r not in fits]
        if not fits:
            unmet.append(need)
            points.append(
                f"'{need.label}'({need.domain.value}) 욕구는 아직 채워지지 않았습니다. 이 영역을 돕는 자원을 "
                f"골라 보세요. 예: {need.resources[0].name}"
            )
        for r in misfits:
            served = ", ".join(sorted(d.value for d in r.domains))
            points.append(
                f"'{r.name}'은(는) 자원 목록에서 {served} 영역을 돕는 자원이라 '{need.label}'({need.domain.value})에는 "
                "맞지 않습니다. 이 욕구에도 쓸 수 있다고 본다면 그 까닭을 모임에서 이야기해 보세요."
            )
        if fits and not misfits:
            clean += 1
    sectors = {r.sector for rs in chosen.values() for r in rs}
    if Sector.INFORMAL not in sectors:
        points.append(
            "고른 자원에 비공식 자원(이웃, 자원봉사 등)이 없습니다. 공적·민간 자원에 이웃의 관계망을 함께 "
            "묶어야 끊기지 않는 돌봄이 됩니다(도시락 배달 예시)."
        )
    elif len(sectors) == 3:
        points.append("공적·민간·비공식 자원을 두루 묶었습니다. 사례관리는 이렇게 여러 자원을 함께 잇는 일입니다.")
    if unmet:
        points.append("지역에 맞는 자원이 정말 없다면, 그 욕구가 바로 자원개발의 출발점입니다(11장).")
    total = len(needs)
    met = total - len(unmet)
    summary = f"욕구 {total}개 가운데 {met}개에 맞는 자원을 이었습니다."
    if unmet:
        summary += f" 아직 채워지지 않은 욕구: {', '.join(n.label for n in unmet)}."
    status = Status.CORRECT if clean == total else Status.PARTIAL if met else Status.INCORRECT
    return Feedback(status, summary, tuple(points), clean / total)


def resource_widget(case: Case, *, seed: int = 0) -> w.VBox:
    """Per need, checkboxes for its resource options; 확인 says which needs are still unmet.

    The box has ``checkboxes`` ({need id: {resource name: Checkbox}}), ``picks()`` and ``check()``.
    """
    case = _case(case)
    options = resource_options(case, seed=seed)
    pool = resource_pool(case)
    boxes: dict[str, dict[str, w.Checkbox]] = {}
    rows: list[w.Widget] = []
    for need in case.needs_by_domain:
        boxes[need.id] = {
            name: w.Checkbox(value=False, description=f"{name} ({pool[name].sector.value})", indent=False,
                             layout=w.Layout(width="auto", margin="0 14px 0 0"))
            for name in options[need.id]
        }
        rows.append(w.HTML(f"<b>{html.escape(need.label)}</b> <span style='color:#666'>[{need.domain.value}]</span>"))
        rows.append(w.HBox(list(boxes[need.id].values()), layout=w.Layout(flex_flow="row wrap")))

    def picks() -> dict[str, list[str]]:
        return {nid: [name for name, cb in row.items() if cb.value] for nid, row in boxes.items()}

    return checked_box(rows, lambda: judge_resource_picks(case, picks()),
                       extra_attrs={"checkboxes": boxes, "picks": picks})
