"""Judging the resources a learner links to each need of a case (chapter 05).

A need is met when at least one resource picked for it serves its domain
(:func:`casework.resources.match_resources`); a pick that serves another domain is pointed out.
An unmet need is named (it is the learner's own list), never the resource that would meet it:
that is the model answer (풀이 보기). :func:`resource_pool` and :func:`resource_options` give the
resources and the options a question offers per need.

An answer is ``{need id: [resource names]}`` (the widget's ticked boxes) or text with one
``욕구: 자원, 자원`` line per need.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping

from casework._util.text import josa, short_quote, squash_label
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, is_blank, read_list, read_pairs
from casework.judging.feedback import Feedback

__all__ = ["RESOURCE_HINTS", "resource_pool", "resource_options", "judge_resource_picks"]

RESOURCE_HINTS = (
    "욕구마다 그 영역(경제, 건강, 생활환경 …)을 돕는 자원인지 보세요. 이름이 그럴듯해도 다른 영역을 돕는 자원이 섞여 있습니다.",
    "공적 자원과 민간 자원에 이웃 같은 비공식 자원을 함께 묶어야 돌봄이 끊기지 않습니다.",
)

_HUMAN_WORDS = ("봉사", "주민", "재능기부", "전문가", "변호사")
# Workbook rule for choosing wrong options: resources in a different "family" of help.
# Work schemes give income, so they count with the money family.
_INCOME_WORDS = ("일자리", "공공근로")


def _case(case: object):
    from casework.cases import Case

    if not isinstance(case, Case):
        raise CaseworkError(f"사례를 넣어 주세요(예: load_case('elderly_alone')). 받은 값: {type(case).__name__}")
    return case


def _kind(name: str, sector):
    """Workbook rule: people → 인적, informal ties → 관계, goods and services → 물적 자원."""
    from casework.cases import ResourceSector
    from casework.resources import ResourceKind

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


def resource_pool(case) -> dict:
    """Every resource the case names, as :class:`casework.resources.Resource` by name.

    A resource listed under several needs serves all their domains. Its kind (인적·물적·관계)
    is the workbook's reading of its name and sector (see ``_kind``).
    """
    from casework.cases import ResourceSector
    from casework.resources import Resource, Sector

    sectors_map = {ResourceSector.PUBLIC: Sector.PUBLIC, ResourceSector.PRIVATE: Sector.PRIVATE,
                   ResourceSector.INFORMAL: Sector.INFORMAL}
    case = _case(case)
    if not case.needs_by_domain:
        raise CaseworkError(f"사례 '{case.id}'에는 영역별 욕구(needs_by_domain)가 없어 자원을 고를 수 없습니다.")
    sectors: dict = {}
    domains: dict[str, set] = {}
    for need in case.needs_by_domain:
        for r in need.resources:
            if sectors.setdefault(r.name, r.sector) is not r.sector:
                raise CaseworkError(
                    f"자원 {josa(short_quote(r.name), '이')} 욕구마다 다른 제공 주체로 적혀 있습니다. "
                    "사례 파일에서 하나로 맞춰 주세요."
                )
            domains.setdefault(r.name, set()).add(need.domain)
    return {
        name: Resource(name, _kind(name, sectors[name]), sectors_map[sectors[name]], frozenset(domains[name]))
        for name in sectors
    }


def resource_options(case, *, seed: int = 0, distractors: int = 2) -> dict[str, list[str]]:
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


def _need_ids(case) -> dict[str, str]:
    """A need's id by its Korean name as the learner sees it (경제적인 문제) or by its id."""
    by_name = {squash_label(n.label): n.id for n in case.needs_by_domain}
    by_name.update({squash_label(n.id): n.id for n in case.needs_by_domain})
    return by_name


def _from_text(case, answer: str) -> dict[str, list[str]]:
    by_name = _need_ids(case)
    picks: dict[str, list[str]] = {}
    for name, value in read_pairs(answer, "고른 자원", "의료적인 문제: 정기검진"):
        need_id = by_name.get(squash_label(name))
        if need_id is None:
            raise AnswerFormatError(f"{josa(short_quote(name), '은')} 이 사례의 욕구가 아닙니다. 욕구 이름을 그대로 적어 주세요.")
        picks[need_id] = read_list(value, "자원")
    return picks


def _solution(case) -> str:
    from casework.cases import ResourceSector

    picks = [f"{n.label} → {n.resources[0].name}" for n in case.needs_by_domain if n.resources]
    informal = [r.name for n in case.needs_by_domain for r in n.resources if r.sector is ResourceSector.INFORMAL]
    text = "욕구마다 한 가지 예: " + " / ".join(picks) + "."
    if informal:
        text += f" 비공식 자원으로는 {informal[0]} 같은 것을 함께 묶습니다."
    return text


def judge_resource_picks(case, picks: Mapping[str, Iterable[str]] | str) -> Feedback:
    """Which needs are still unmet by the resources the learner linked?

    A need is met when at least one resource picked for it serves its domain; a pick that does
    not serve the need's domain is pointed out. The sector mix (공적·민간·비공식) is commented on.
    The score is the share of needs met with no misfit pick.
    """
    from casework.resources import Sector, match_resources

    case = _case(case)
    if isinstance(picks, str):
        picks = _from_text(case, picks) if not is_blank(picks) else {}
    if not isinstance(picks, Mapping):
        raise CaseworkError(f"고른 자원은 {{욕구 이름: [자원 이름, ...]}} 형태로 주세요. 받은 값: {picks!r}")
    pool = resource_pool(case)
    need_ids = _need_ids(case)
    unknown = [str(k) for k in picks if squash_label(str(k)) not in need_ids]
    if unknown:
        raise CaseworkError(f"이 사례에 없는 욕구입니다: {', '.join(unknown)}. "
                            f"고를 수 있는 욕구: {', '.join(n.label for n in case.needs_by_domain)}")
    chosen: dict[str, list] = {}
    for key, names in picks.items():
        need_id = need_ids[squash_label(str(key))]
        if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
            raise CaseworkError(f"욕구 '{key}'에 고른 자원은 이름의 목록으로 주세요. 받은 값: {names!r}")
        names = list(names)
        bad = [str(n) for n in names if n not in pool]
        if bad:
            raise CaseworkError(f"자원 목록에 없는 이름입니다: {', '.join(bad)}")
        chosen[need_id] = [pool[n] for n in dict.fromkeys(names)]
    solution = _solution(case)
    if not any(chosen.values()):
        return Feedback.unanswered("욕구마다 알맞은 자원을 하나 이상 골라 보세요.", hints=RESOURCE_HINTS,
                                   solution=solution)

    points: list[str] = []
    unmet = []
    clean = 0
    for need in case.needs_by_domain:
        statement = need.to_need_statement()
        picked = chosen.get(need.id, [])
        fits = match_resources([statement], picked)[statement]
        misfits = [r for r in picked if r not in fits]
        if not fits:
            unmet.append(need)
            points.append(f"{short_quote(need.label)}({need.domain.value}) 욕구는 아직 채워지지 않았습니다. "
                          "이 영역을 돕는 자원을 골라 보세요.")
        for r in misfits:
            served = ", ".join(sorted(d.value for d in r.domains))
            points.append(
                f"{josa(short_quote(r.name), '은')} 자원 목록에서 {served} 영역을 돕는 자원이라 "
                f"{short_quote(need.label)}({need.domain.value})에는 맞지 않습니다. 이 욕구에도 쓸 수 있다고 본다면 "
                "그 까닭을 모임에서 이야기해 보세요."
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
    total = len(case.needs_by_domain)
    met = total - len(unmet)
    summary = (f"욕구 {total}개 모두에 맞는 자원을 이었습니다." if met == total
               else f"욕구 {total}개 가운데 {met}개에 맞는 자원을 이었습니다.")
    if unmet:
        summary += f" 아직 채워지지 않은 욕구: {', '.join(n.label for n in unmet)}."
    elif clean < total:
        summary += " 다만 욕구와 맞지 않는 자원도 함께 골랐습니다."
    return rubric.from_share(clean, total, all_right=summary, some_right=summary, points=points
                             ).with_ladder(RESOURCE_HINTS, solution)
