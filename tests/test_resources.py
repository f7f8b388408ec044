"""Tests for casework.resources: resource kinds, need matching, eco-map comparison."""

from __future__ import annotations

import pytest

from casework.domains import Domain
from casework.errors import CaseworkError
from casework.planning import NeedStatement
from casework.resources import (
    EcoMap,
    Flow,
    Resource,
    ResourceKind,
    Sector,
    Tie,
    TieKind,
    TieStrength,
    compare_ecomaps,
    match_resources,
    sample_resources,
    unmet_needs,
)


def res(name: str, *domains: Domain, sector: Sector = Sector.PUBLIC) -> Resource:
    return Resource(name, ResourceKind.MATERIAL, sector, frozenset(domains))


# --------------------------------------------------------------------------- kinds and sectors


def test_three_resource_kinds_with_textbook_examples():
    """Are the three kinds 인적·물적·관계 with the textbook's examples in their explanations?"""
    assert [k.value for k in ResourceKind] == ["인적 자원", "물적 자원", "관계 자원"]
    for word in ("지역주민", "소상공인", "직능단체", "자조모임"):
        assert word in ResourceKind.HUMAN.explanation
    assert "공적 급여" in ResourceKind.MATERIAL.explanation
    assert "이웃관계망" in ResourceKind.RELATIONAL.explanation


def test_formal_is_derived_from_sector():
    """Are 공공 and 민간 formal and 비공식 informal, for sectors and resources alike?"""
    assert Sector.PUBLIC.is_formal and Sector.PRIVATE.is_formal
    assert not Sector.INFORMAL.is_formal
    assert res("이웃", Domain.SOCIAL, sector=Sector.INFORMAL).is_formal is False
    assert res("복지관", Domain.SOCIAL, sector=Sector.PRIVATE).is_formal is True


def test_resource_accepts_labels_and_stores_frozenset():
    """Does a resource accept Korean labels and keep its domains as a frozenset of Domain?"""
    r = Resource("주거 수리", "물적 자원", "민간", ["생활환경", Domain.SAFETY])
    assert r.kind is ResourceKind.MATERIAL and r.sector is Sector.PRIVATE
    assert r.domains == frozenset({Domain.LIVING_ENVIRONMENT, Domain.SAFETY})


@pytest.mark.parametrize(
    "args, pattern",
    [
        (("", "물적 자원", "공공", ["경제"]), "자원 이름"),
        ((" 급여", "물적 자원", "공공", ["경제"]), "빈칸"),
        (("급여", "돈", "공공", ["경제"]), "자원 종류"),
        (("급여", "물적 자원", "정부", ["경제"]), "자원 제공 주체"),
        (("급여", "물적 자원", "공공", "경제"), "목록"),
        (("급여", "물적 자원", "공공", Domain.ECONOMY), "목록"),
        (("급여", "물적 자원", "공공", []), "하나도 없습니다"),
        (("급여", "물적 자원", "공공", ["재정"]), "욕구 영역"),
        (("급여", "물적 자원", "공공", ["경제"], None), "설명"),
    ],
)
def test_bad_resource_fields_are_refused(args, pattern):
    """Are an empty name, unknown kind/sector/domain, a bare string of domains and no domains refused?"""
    with pytest.raises(CaseworkError, match=pattern):
        Resource(*args)


# --------------------------------------------------------------------------- matching

RESOURCES = (
    res("기초연금", Domain.ECONOMY),
    res("방문간호", Domain.HEALTH, Domain.DAILY_LIVING),
    res("이웃 안부 살피기", Domain.SOCIAL, Domain.SAFETY, sector=Sector.INFORMAL),
)


def test_match_resources_maps_each_need_to_fitting_resources():
    """Does each need get exactly the resources serving its domain, in list order?"""
    needs = [("생활비 부족", Domain.ECONOMY), ("만성질환 관리", Domain.HEALTH), ("외로움", "사회적 관계")]
    matched = match_resources(needs, RESOURCES)
    assert [r.name for r in matched[needs[0]]] == ["기초연금"]
    assert [r.name for r in matched[needs[1]]] == ["방문간호"]
    assert [r.name for r in matched[needs[2]]] == ["이웃 안부 살피기"]
    assert list(matched) == needs


def test_match_resources_accepts_need_statements():
    """Does a planning.NeedStatement (an object with .domain) work as a need?"""
    need = NeedStatement("안전한 주거", Domain.SAFETY)
    assert match_resources([need], RESOURCES)[need] == (RESOURCES[2],)


def test_unmet_needs_lists_needs_without_resource():
    """Are only the needs no resource serves listed, with an empty mapping for them?"""
    needs = [("생활비", Domain.ECONOMY), ("법률 상담", Domain.LEGAL_RIGHTS), ("일자리", Domain.EMPLOYMENT)]
    assert unmet_needs(needs, RESOURCES) == [needs[1], needs[2]]
    assert match_resources(needs, RESOURCES)[needs[1]] == ()
    assert unmet_needs(needs[:1], RESOURCES) == []


def test_no_resources_leaves_every_need_unmet():
    """With an empty resource list is every need unmet?"""
    needs = [("생활비", Domain.ECONOMY)]
    assert unmet_needs(needs, []) == needs


@pytest.mark.parametrize(
    "needs, resources, pattern",
    [
        ([("생활비",)], RESOURCES, "두 칸"),
        ([("", Domain.ECONOMY)], RESOURCES, "욕구 내용이 비어"),
        ([(1, Domain.ECONOMY)], RESOURCES, "두 칸"),
        ([("생활비", "재정")], RESOURCES, "욕구 영역"),
        (["생활비"], RESOURCES, "알아볼 수 없습니다"),
        ([("생활비", Domain.ECONOMY), ("생활비", Domain.ECONOMY)], RESOURCES, "두 번"),
        ("생활비", RESOURCES, "욕구 목록"),
        ([("생활비", Domain.ECONOMY)], [RESOURCES[0], RESOURCES[0]], "두 번"),
        ([("생활비", Domain.ECONOMY)], ["기초연금"], "Resource가 아닌"),
        ([("생활비", Domain.ECONOMY)], "기초연금", "자원 목록"),
    ],
)
def test_match_resources_bad_inputs(needs, resources, pattern):
    """Are malformed needs, duplicates and non-Resource items refused by both functions?"""
    with pytest.raises(CaseworkError, match=pattern):
        match_resources(needs, resources)
    with pytest.raises(CaseworkError, match=pattern):
        unmet_needs(needs, resources)


def test_unhashable_need_object_is_refused():
    """Is a mutable object with .domain (unusable as a dict key) refused?"""

    class Need:
        __hash__ = None  # type: ignore[assignment]

        def __init__(self) -> None:
            self.domain = Domain.HEALTH

    with pytest.raises(CaseworkError, match="열쇠"):
        match_resources([Need()], RESOURCES)


def test_sample_resources_cover_the_elderly_case():
    """Do the sample resources span all three sectors and serve economy and health?"""
    sample = sample_resources()
    assert {r.sector for r in sample} == set(Sector)
    assert unmet_needs([("생활비", Domain.ECONOMY), ("만성질환", Domain.HEALTH)], sample) == []
    assert len({r.name for r in sample}) == len(sample)


# --------------------------------------------------------------------------- eco-map


def tie(name, kind="이웃", strength="보통", stressful=False, flow="없음") -> Tie:
    return Tie(name, kind, strength, stressful, flow)


def test_tie_parses_labels():
    """Does a tie accept Korean labels for kind, strength and flow?"""
    t = tie("아들", "가족", "약함", True, "당사자로부터")
    assert (t.kind, t.strength, t.flow) == (TieKind.FAMILY, TieStrength.WEAK, Flow.FROM_PERSON)
    assert "스트레스" in t.describe()


@pytest.mark.parametrize(
    "kw, pattern",
    [
        ({"name": ""}, "관계 대상 이름"),
        ({"kind": "동료"}, "관계 종류"),
        ({"strength": "매우 강함"}, "관계 강도"),
        ({"flow": "위로"}, "자원 흐름"),
        ({"stressful": "예"}, "True 또는 False"),
    ],
)
def test_bad_tie_fields_are_refused(kw, pattern):
    """Are an empty name and unknown kind, strength, flow or a non-bool stress flag refused?"""
    args = {"name": "아들", "kind": "가족", "strength": "보통", "stressful": False, "flow": "없음"}
    args.update(kw)
    with pytest.raises(CaseworkError, match=pattern):
        Tie(**args)


def test_ecomap_refuses_duplicate_tie_names():
    """Are two ties to the same name refused?"""
    with pytest.raises(CaseworkError, match="두 번"):
        EcoMap("김○○", (tie("아들", "가족"), tie("아들", "가족", "강함")))


@pytest.mark.parametrize(
    "person, ties, pattern",
    [
        ("", (), "당사자 이름"),
        ("김○○", [tie("아들")], "tuple"),
        ("김○○", ("아들",), "Tie가 아닌"),
        ("김○○", (tie("김○○"),), "당사자 자신"),
    ],
)
def test_ecomap_bad_inputs(person, ties, pattern):
    """Are an empty person, a list, a non-Tie and a tie to the person themself refused?"""
    with pytest.raises(CaseworkError, match=pattern):
        EcoMap(person, ties)


def test_ecomap_lookup_and_stressful_ties():
    """Does tie() find a tie by name, refuse an unknown one, and stressful_ties filter?"""
    m = EcoMap("김○○", (tie("아들", "가족", stressful=True), tie("주민센터", "공공")))
    assert m.tie("주민센터").kind is TieKind.PUBLIC
    assert [t.name for t in m.stressful_ties] == ["아들"]
    with pytest.raises(CaseworkError, match="없습니다"):
        m.tie("복지관")


BEFORE = EcoMap(
    "김○○",
    (
        tie("아들", "가족", "약함", stressful=True, flow="당사자로부터"),
        tie("주민센터", "공공", "약함", flow="당사자에게"),
        tie("옛 친구", "친구", "보통"),
        tie("경로당", "기관", "강함", flow="양방향"),
    ),
)
AFTER = EcoMap(
    "김○○",
    (
        tie("아들", "가족", "보통", stressful=False, flow="양방향"),
        tie("주민센터", "공공", "강함", flow="당사자에게"),
        tie("경로당", "기관", "보통", flow="양방향"),
        tie("이웃 박○○", "이웃", "보통", flow="양방향"),
    ),
)


def test_compare_ecomaps_finds_every_kind_of_change():
    """Are added, removed, strengthened, weakened, stress and flow changes all found?"""
    c = compare_ecomaps(BEFORE, AFTER)
    assert [t.name for t in c.added] == ["이웃 박○○"]
    assert [t.name for t in c.removed] == ["옛 친구"]
    assert [a.name for a, _ in c.strengthened] == ["아들", "주민센터"]
    assert [a.name for a, _ in c.weakened] == ["경로당"]
    assert [a.name for a, _ in c.stress_eased] == ["아들"]
    assert c.stress_added == ()
    assert [a.name for a, _ in c.flow_changed] == ["아들"]
    assert not c.unchanged


def test_compare_ecomaps_summary_lines_are_korean():
    """Do the summary lines name each change with before → after strengths?"""
    lines = compare_ecomaps(BEFORE, AFTER).summary_lines()
    assert lines[0].startswith("새로 생긴 관계: 이웃 박○○")
    assert "끊어진 관계: 옛 친구 (친구, 보통, 흐름 없음)" in lines
    assert "강해진 관계: 주민센터 (약함 → 강함)" in lines
    assert "약해진 관계: 경로당 (강함 → 보통)" in lines
    assert "스트레스가 줄어든 관계: 아들" in lines
    assert "흐름이 바뀐 관계: 아들 (당사자로부터 → 양방향)" in lines
    assert len(lines) == 7


def test_reverse_comparison_swaps_added_and_removed():
    """Comparing after→before, is stress reported as added and strengths as weakened?"""
    c = compare_ecomaps(AFTER, BEFORE)
    assert [t.name for t in c.removed] == ["이웃 박○○"]
    assert [a.name for a, _ in c.stress_added] == ["아들"]
    assert [a.name for a, _ in c.weakened] == ["아들", "주민센터"]


def test_identical_ecomaps_have_no_change():
    """Does comparing a map with itself report no change?"""
    c = compare_ecomaps(BEFORE, BEFORE)
    assert c.unchanged
    assert c.summary_lines() == ["달라진 관계가 없습니다."]


def test_compare_refuses_different_people_and_non_maps():
    """Are eco-maps of two people, and non-EcoMap inputs, refused?"""
    with pytest.raises(CaseworkError, match="서로 다른 사람"):
        compare_ecomaps(BEFORE, EcoMap("이○○"))
    with pytest.raises(CaseworkError, match="EcoMap"):
        compare_ecomaps(BEFORE, None)
