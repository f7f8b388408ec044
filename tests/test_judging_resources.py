"""Tests for casework.judging.resources: resources linked to the needs of a case."""

import pytest

from casework.cases import load_case
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.judging import resources as jr
from casework.judging.feedback import Level, Status
from casework.resources import ResourceKind, Sector


def test_resource_pool_merges_needs_and_reads_kinds(case):
    """Does a resource listed under two needs serve both domains, with the workbook's kind?"""
    pool = jr.resource_pool(case)
    legal = pool["공공 법률구조기관의 상담"]
    assert legal.domains == frozenset({Domain.LEGAL_RIGHTS}) and legal.sector is Sector.PUBLIC
    assert pool["이웃의 외출 동행"].kind is ResourceKind.RELATIONAL
    assert pool["자원봉사자 활용"].kind is ResourceKind.HUMAN
    assert pool["기초노령연금"].kind is ResourceKind.MATERIAL
    assert pool["동 주민센터의 연금·수당 수급 확인과 신청 안내"].kind is ResourceKind.MATERIAL


def test_resource_options_hold_own_resources_and_far_distractors(case):
    """Does each need offer all its own resources plus two options from another family of help?"""
    pool = jr.resource_pool(case)
    options = jr.resource_options(case, seed=1)
    for need in case.needs_by_domain:
        own = {r.name for r in need.resources}
        extra = [o for o in options[need.id] if o not in own]
        assert own <= set(options[need.id]) and len(extra) == 2, need.id
        for name in extra:
            assert need.domain not in pool[name].domains
    economy_extra = [o for o in options["economy"] if o not in {r.name for r in case.needs_by_domain[0].resources}]
    assert not any(d is Domain.ECONOMY for o in economy_extra for d in pool[o].domains)
    assert "공공근로" not in economy_extra and "사회적 일자리 연계" not in economy_extra


def test_resource_options_depend_on_seed_only(case):
    """Is the order the same for the same seed and different for another seed?"""
    assert jr.resource_options(case, seed=3) == jr.resource_options(case, seed=3)
    assert jr.resource_options(case, seed=3) != jr.resource_options(case, seed=4)


@pytest.mark.parametrize("kwargs", [{"seed": "1"}, {"seed": True}, {"distractors": -1}])
def test_resource_options_bad_input(case, kwargs):
    """Are a non-integer seed and a negative number of distractors refused?"""
    with pytest.raises(CaseworkError):
        jr.resource_options(case, **kwargs)


def _full_picks(case):
    # One own resource per need, with at least one informal resource overall.
    picks = {n.id: [n.resources[0].name] for n in case.needs_by_domain}
    picks["loneliness"].append("이웃의 안부 방문(이웃 관계망)")
    return picks


def test_one_fitting_resource_per_need_is_correct(case):
    """Does linking a fitting resource to every need pass, praising the mix of sectors?"""
    fb = jr.judge_resource_picks(case, _full_picks(case))
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert "11개 모두에 맞는 자원" in fb.summary
    assert any("두루 묶었습니다" in p for p in fb.points)


def test_unmet_needs_are_named(case):
    """Are needs with no fitting resource named as still unmet, with an example resource?"""
    picks = _full_picks(case) | {"housing_repair": [], "legal_help": []}
    fb = jr.judge_resource_picks(case, picks)
    assert fb.status is Status.PARTIAL
    assert "아직 채워지지 않은 욕구: 주택보수, 법률적인 도움" in fb.summary
    point = next(p for p in fb.points if p.startswith("'주택보수'(생활환경) 욕구는 아직"))
    example = next(n for n in case.needs_by_domain if n.id == "housing_repair").resources[0].name
    assert example not in fb.to_text(Level.HINT) and f"주택보수 → {example}" in fb.solution
    assert "예:" not in point
    assert any("자원개발" in p for p in fb.points)


def test_misfit_pick_is_explained(case):
    """Is a resource that serves another domain pointed out, naming the domain it serves?"""
    picks = _full_picks(case) | {"medical": ["정기검진", "기초노령연금"]}
    fb = jr.judge_resource_picks(case, picks)
    assert fb.status is Status.PARTIAL  # the need is met, but the misfit keeps it from being clean
    point = next(p for p in fb.points if p.startswith("'기초노령연금'"))
    assert "경제 영역" in point and "'의료적인 문제'(건강)" in point


def test_only_misfits_leave_the_need_unmet(case):
    """Does a need with only a misfit pick count as unmet?"""
    fb = jr.judge_resource_picks(case, {"medical": ["기초노령연금"]})
    assert "의료적인 문제" in fb.summary.split("아직 채워지지 않은 욕구:")[1]
    assert fb.status is Status.INCORRECT


def test_no_informal_resource_is_pointed_out(case):
    """Does a set of picks with no informal resource get the neighbour-network reminder?"""
    fb = jr.judge_resource_picks(case, {"economy": ["기초노령연금"]})
    assert any("비공식 자원" in p and "도시락" in p for p in fb.points)


def test_no_picks_is_unanswered(case):
    """Is picking nothing 'unanswered'?"""
    assert jr.judge_resource_picks(case, {}).status is Status.UNANSWERED
    assert jr.judge_resource_picks(case, {"economy": []}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    (["economy"], "욕구 이름"), ({"nope": []}, "고를 수 있는 욕구: 경제적인 문제"), ({"economy": "기초노령연금"}, "목록"),
    ({"economy": ["로또"]}, "없는 이름"),
])
def test_judge_resource_picks_bad_input(case, bad, match):
    """Are malformed picks refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        jr.judge_resource_picks(case, bad)


def test_resource_pool_needs_case_needs():
    """Is a case without needs by domain refused for the resource exercise?"""
    with pytest.raises(CaseworkError, match="needs_by_domain"):
        jr.resource_pool(load_case("sick_child"))


def test_picks_may_be_typed_as_lines(case):
    """Can the picks be written 'need: resource, resource', one need per line?"""
    fb = jr.judge_resource_picks(case, "의료적인 문제: 정기검진, 기초노령연금")
    assert fb == jr.judge_resource_picks(case, {"medical": ["정기검진", "기초노령연금"]})


def test_picks_may_name_needs_as_the_learner_sees_them(case):
    """Are the Korean need names (경제적인 문제) read like the ids, so a worked example shows no English?"""
    korean = {"경제적인 문제": ["기초노령연금"], "의료적인 문제": ["정기검진", "생계비"]}
    assert jr.judge_resource_picks(case, korean) == jr.judge_resource_picks(
        case, {"economy": ["기초노령연금"], "medical": ["정기검진", "생계비"]})
    with pytest.raises(CaseworkError, match="욕구 '의료적인 문제'에 고른 자원은"):
        jr.judge_resource_picks(case, {"의료적인 문제": "정기검진"})
