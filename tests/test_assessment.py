"""Tests for casework.assessment: needs, intake information, K-ADL, Lawton IADL, triage."""

from __future__ import annotations

import pytest

from casework.assessment import (
    CAUTION_NO_HOSTILITY,
    CAUTION_NOT_REFUSED,
    INTAKE_CAUTIONS,
    KADL_ITEMS,
    LAWTON_IADL_ITEMS,
    LAWTON_ITEMS_OMITTED_FOR_MEN_IN_ORIGINAL,
    LAWTON_SCORING_NOTE,
    TRIAGE_RULE,
    AssessedNeed,
    IntakeInformation,
    IntakeSummary,
    ProblemTiming,
    ProblemType,
    ProcessingType,
    Strength,
    StrengthKind,
    Weakness,
    WeaknessKind,
    connected_groups,
    is_complex,
    needs_by_domain,
    prioritised,
    score_kadl,
    score_lawton_iadl,
    triage_intake,
)
from casework.domains import Domain
from casework.errors import CaseworkError


def need(desc: str, domain="경제", severity=3, priority=1, **kw) -> AssessedNeed:
    return AssessedNeed(domain=domain, description=desc, severity=severity, priority=priority, **kw)


# --- AssessedNeed --------------------------------------------------------------------------

def test_need_accepts_korean_domain_label_and_timing():
    """Does a need given '건강' and '잠재' end up with Domain.HEALTH and ProblemTiming.POTENTIAL?"""
    n = need("낙상 위험", domain="건강", timing="잠재")
    assert n.domain is Domain.HEALTH
    assert n.timing is ProblemTiming.POTENTIAL
    assert n.key == "낙상 위험"


def test_need_defaults_to_current_problem():
    """Is a need a current problem unless told otherwise?"""
    assert need("월세 체납").timing is ProblemTiming.CURRENT


@pytest.mark.parametrize("severity", [0, 6, 2.5, True, "3", None])
def test_need_refuses_bad_severity(severity):
    """Is a severity outside 1..5, a float, a bool or a string refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="심각도"):
        need("x", severity=severity)


@pytest.mark.parametrize("priority", [0, -1, 1.0, False, "1"])
def test_need_refuses_bad_priority(priority):
    """Is a priority below 1 or not a plain int refused?"""
    with pytest.raises(CaseworkError, match="우선순위"):
        need("x", priority=priority)


def test_need_refuses_unknown_domain_empty_text_bad_timing_and_self_link():
    """Are an unknown domain, an empty description, a bad timing and a self-link all refused?"""
    with pytest.raises(CaseworkError, match="욕구 영역"):
        need("x", domain="우주")
    with pytest.raises(CaseworkError, match="욕구 설명"):
        need("   ")
    with pytest.raises(CaseworkError, match="잠재적인 문제"):
        need("x", timing="미래")
    with pytest.raises(CaseworkError, match="자기 자신"):
        need("x", key="a", connected_to=("a",))
    with pytest.raises(CaseworkError, match="connected_to"):
        need("x", connected_to="b")


def test_needs_by_domain_follows_domain_order_and_keeps_only_present_domains():
    """Are needs grouped under their domain, with keys in Domain order regardless of input order?"""
    a = need("외로움", domain="사회적 관계")
    b = need("생계비 부족", domain="경제")
    c = need("무릎 통증", domain="건강")
    d = need("병원비", domain="경제")
    grouped = needs_by_domain([a, b, c, d])
    assert list(grouped) == [Domain.HEALTH, Domain.SOCIAL, Domain.ECONOMY]
    assert grouped[Domain.ECONOMY] == [b, d]


def test_needs_by_domain_refuses_non_needs():
    """Is a plain string in the list refused?"""
    with pytest.raises(CaseworkError, match="AssessedNeed"):
        needs_by_domain([need("a"), "b"])
    with pytest.raises(CaseworkError):
        needs_by_domain("abc")


def test_prioritised_sorts_by_priority_then_more_severe_first():
    """Does priority 1 come first, and within a priority the higher severity?"""
    low = need("a", priority=2, severity=5)
    mild = need("b", priority=1, severity=2)
    severe = need("c", priority=1, severity=4)
    assert prioritised([low, mild, severe]) == [severe, mild, low]


def test_prioritised_refuses_bad_input():
    """Is a list containing something other than a need refused?"""
    with pytest.raises(CaseworkError):
        prioritised([1, 2])


# --- complex needs -------------------------------------------------------------------------

def test_three_unrelated_needs_are_not_complex():
    """Are three needs, even severe ones, not complex when none is linked to another?"""
    needs = [need("월세 체납", severity=5), need("치아 치료", domain="건강", severity=5),
             need("자녀 학습", domain="교육", severity=5)]
    assert is_complex(needs) is False
    assert connected_groups(needs) == []


def test_two_linked_needs_are_complex():
    """Are two needs complex once one points at the other with connected_to?"""
    drink = need("남편 음주", domain="건강", key="음주")
    safety = need("자녀 안전", domain="안전", key="안전", connected_to=("음주",))
    assert is_complex([drink, safety]) is True
    assert connected_groups([drink, safety, need("기타 민원", domain="기타")]) == [[drink, safety]]


def test_is_complex_refuses_link_to_missing_need_and_duplicate_keys():
    """Is a link to a need not in the list refused, and so are two needs with the same key?"""
    with pytest.raises(CaseworkError, match="목록에 없는"):
        is_complex([need("a", connected_to=("없는 욕구",))])
    with pytest.raises(CaseworkError, match="같은 이름"):
        is_complex([need("a", key="k"), need("b", key="k")])


# --- intake information --------------------------------------------------------------------

def test_strength_and_weakness_accept_textbook_labels():
    """Do the textbook's labels (spaces optional) parse to the right kinds?"""
    assert Strength("긍정적인태도", "웃음이 많음").kind is StrengthKind.POSITIVE_ATTITUDE
    assert Weakness("외부 지지체계 부재/부족", "가족 연락 끊김").kind is WeaknessKind.NO_EXTERNAL_SUPPORT
    assert [k.value for k in StrengthKind][:5] == ["지지체계", "재능", "성공경험", "역량", "긍정적인 태도"]
    assert [k.value for k in WeaknessKind][:5] == [
        "외부 지지체계 부재/부족", "경험부족", "정보부족", "부정적인 태도", "실패라고 규정한 사건"]


def test_strength_refuses_unknown_kind_and_empty_note():
    """Is an unknown strength kind or an empty note refused?"""
    with pytest.raises(CaseworkError, match="강점 종류"):
        Strength("돈", "많음")
    with pytest.raises(CaseworkError, match="강점의 구체적인 내용"):
        Strength("재능", "")
    with pytest.raises(CaseworkError, match="약점 종류"):
        Weakness("게으름", "x")


def test_intake_information_reports_each_missing_part():
    """Does an empty record name all four missing parts, and a full one none?"""
    empty = IntakeInformation()
    notes = empty.missing()
    assert len(notes) == 4
    assert any("현재 문제" in n for n in notes)
    assert any("잠재적인 문제" in n for n in notes)
    assert any("강점이 하나도" in n for n in notes)
    assert any("약점" in n for n in notes)
    assert not empty.is_complete
    full = IntakeInformation(
        current_problems=["난방비 부족"], potential_problems=["겨울철 건강 악화"],
        strengths=[Strength("지지체계", "이웃 할머니와 친함")],
        weaknesses=[Weakness("정보부족", "에너지바우처를 모름")],
    )
    assert full.missing() == []
    assert full.is_complete
    assert full.current_problems == ("난방비 부족",)


def test_intake_information_without_strengths_says_so():
    """Does a record with everything but strengths get exactly the no-strengths reminder?"""
    info = IntakeInformation(current_problems=["a"], potential_problems=["b"],
                             weaknesses=[Weakness("경험부족", "c")])
    assert len(info.missing()) == 1
    assert "강점이 하나도" in info.missing()[0]


def test_intake_information_refuses_bad_values():
    """Are a string instead of a list, an empty problem and a raw string strength refused?"""
    with pytest.raises(CaseworkError, match="목록"):
        IntakeInformation(current_problems="난방비")
    with pytest.raises(CaseworkError, match="현재 문제"):
        IntakeInformation(current_problems=[""])
    with pytest.raises(CaseworkError, match="Strength"):
        IntakeInformation(strengths=["재능"])


# --- K-ADL ---------------------------------------------------------------------------------

def kadl(**overrides):
    answers = {item: 1 for item in KADL_ITEMS}
    answers.update(overrides)
    return answers


def test_kadl_has_the_seven_items():
    """Are the seven K-ADL items the ones of 원장원 외 (2002), in order?"""
    assert KADL_ITEMS == ("옷 입기", "세수하기", "목욕하기", "식사하기", "이동(옮겨 앉기)",
                          "화장실 사용", "대소변 조절")


def test_kadl_total_range_and_items_needing_help():
    """Is an all-independent person 7, all-dependent 21, and are 2/3 items listed as needing help?"""
    assert score_kadl(kadl()).total == 7
    assert score_kadl({i: 3 for i in KADL_ITEMS}).total == 21
    answers = kadl()
    answers["목욕하기"] = 3
    answers["이동(옮겨 앉기)"] = 2
    result = score_kadl(answers)
    assert result.total == 10
    assert result.needs_help == ("목욕하기", "이동(옮겨 앉기)")
    assert result.items["목욕하기"] == 3
    assert result.level("목욕하기") == "완전도움"
    assert result.level("옷 입기") == "자립"


def test_kadl_accepts_spacing_variants_and_short_transfer_name():
    """Are '옷입기' and '이동' accepted as the items '옷 입기' and '이동(옮겨 앉기)'?"""
    answers = {i: 1 for i in KADL_ITEMS if i not in ("옷 입기", "이동(옮겨 앉기)")}
    answers["옷입기"] = 2
    answers["이동"] = 2
    result = score_kadl(answers)
    assert result.items["옷 입기"] == 2 and result.items["이동(옮겨 앉기)"] == 2
    assert result.total == 9


def test_kadl_refuses_missing_item_and_names_it():
    """Is a missing item refused with its name in the message?"""
    answers = kadl()
    del answers["대소변 조절"]
    with pytest.raises(CaseworkError, match="대소변 조절"):
        score_kadl(answers)


@pytest.mark.parametrize("bad", [0, 4, 1.5, True, "2", None])
def test_kadl_refuses_bad_score_and_names_item(bad):
    """Is a score outside 1..3 or not an int refused, naming the item?"""
    with pytest.raises(CaseworkError, match="세수하기"):
        score_kadl(kadl(세수하기=bad))


def test_kadl_refuses_unknown_duplicate_and_non_mapping():
    """Are an unknown item, the same item twice (with spacing variants) and a list refused?"""
    with pytest.raises(CaseworkError, match="걷기"):
        score_kadl({**kadl(), "걷기": 1})
    with pytest.raises(CaseworkError, match="두 번"):
        score_kadl({**kadl(), "옷입기": 1})
    with pytest.raises(CaseworkError, match="사전"):
        score_kadl([1] * 7)
    with pytest.raises(CaseworkError):
        score_kadl({**kadl(), 3: 1})
    with pytest.raises(CaseworkError, match="K-ADL에 없는"):
        score_kadl(kadl()).level("걷기")


# --- Lawton IADL ---------------------------------------------------------------------------

def test_lawton_items_and_omitted_for_men():
    """Are the eight items present, and the three left out for men in 1969 named?"""
    assert len(LAWTON_IADL_ITEMS) == 8
    assert set(LAWTON_ITEMS_OMITTED_FOR_MEN_IN_ORIGINAL) == {"식사 준비", "집안일", "빨래"}
    assert set(LAWTON_ITEMS_OMITTED_FOR_MEN_IN_ORIGINAL) <= set(LAWTON_IADL_ITEMS)
    assert "5개" in LAWTON_SCORING_NOTE and "8개" in LAWTON_SCORING_NOTE


def test_lawton_total_and_unable_items():
    """Is the total the number of 1s, and are 0 items listed as unable?"""
    answers = {i: 1 for i in LAWTON_IADL_ITEMS}
    assert score_lawton_iadl(answers).total == 8
    answers["재정 관리"] = 0
    answers["장보기"] = 0
    result = score_lawton_iadl(answers)
    assert result.total == 6
    assert result.unable == ("장보기", "재정 관리")
    assert score_lawton_iadl({i: 0 for i in LAWTON_IADL_ITEMS}).total == 0


@pytest.mark.parametrize("bad", [2, -1, 0.5, True, "1"])
def test_lawton_refuses_bad_score_and_names_item(bad):
    """Is a score other than the ints 0 or 1 refused, naming the item?"""
    answers = {i: 1 for i in LAWTON_IADL_ITEMS}
    answers["빨래"] = bad
    with pytest.raises(CaseworkError, match="빨래"):
        score_lawton_iadl(answers)


def test_lawton_refuses_missing_and_unknown_items():
    """Are a missing item and an unknown item refused by name?"""
    answers = {i: 1 for i in LAWTON_IADL_ITEMS}
    del answers["약 복용 관리"]
    with pytest.raises(CaseworkError, match="약 복용 관리"):
        score_lawton_iadl(answers)
    with pytest.raises(CaseworkError, match="운전"):
        score_lawton_iadl({**{i: 1 for i in LAWTON_IADL_ITEMS}, "운전": 1})
    with pytest.raises(CaseworkError):
        score_lawton_iadl(None)


# --- triage --------------------------------------------------------------------------------

def summary(needs, problem_type=ProblemType.SERVICE, will=True, here=True, other=""):
    return IntakeSummary(needs=tuple(needs), problem_type=problem_type, will_to_solve=will,
                         support_here=here, other_agency_programme=other)


LINKED = [need("실직", key="실직"), need("우울", domain="건강", key="우울", connected_to=("실직",))]


def test_processing_types_are_the_four_in_order():
    """Are the four processing types numbered ①–④ in the textbook's order?"""
    assert [t.label for t in ProcessingType] == [
        "① 복지급여 신청", "② 복지서비스 신청", "③ 서비스연계 및 사례관리 의뢰", "④ 타기관 사업 정보 제공"]
    assert len(TRIAGE_RULE) == 5


def test_complex_with_will_goes_to_case_management():
    """Do linked needs with will to solve give ③ with reasons naming the link?"""
    result = triage_intake(summary(LINKED, will=True))
    assert result.processing_type is ProcessingType.CASE_MANAGEMENT_REFERRAL
    assert any("실직 ↔ 우울" in r for r in result.reasons)
    assert CAUTION_NOT_REFUSED not in result.cautions


def test_complex_with_will_but_no_support_here_still_case_management_with_care():
    """Is ③ kept when this office cannot help alone, with the not-refused caution attached?"""
    result = triage_intake(summary(LINKED, will=True, here=False))
    assert result.processing_type is ProcessingType.CASE_MANAGEMENT_REFERRAL
    assert CAUTION_NOT_REFUSED in result.cautions


def test_no_support_here_with_other_programme_gives_information():
    """Does a single need this office cannot meet, with a fitting outside programme, give ④ naming it?"""
    result = triage_intake(summary([need("법률 상담", domain="법률 및 권익보장")], here=False,
                                   other="법률구조공단 무료 법률상담"))
    assert result.processing_type is ProcessingType.OTHER_AGENCY_INFORMATION
    assert any("법률구조공단 무료 법률상담" in r for r in result.reasons)
    assert CAUTION_NOT_REFUSED in result.cautions
    assert result.revisit_case_management is False


def test_no_support_here_without_programme_asks_worker_to_find_one():
    """Without a named programme, does ④ come with the instruction to look one up?"""
    result = triage_intake(summary([need("a")], here=False))
    assert result.processing_type is ProcessingType.OTHER_AGENCY_INFORMATION
    assert any("자원 목록" in r for r in result.reasons)


def test_complex_without_will_handles_request_and_revisits():
    """Does complex-but-unwilling give the asked-for ①, flag revisiting, and explain self-determination?"""
    result = triage_intake(summary(LINKED, problem_type=ProblemType.INCOME_BENEFIT, will=False))
    assert result.processing_type is ProcessingType.BENEFIT_APPLICATION
    assert result.revisit_case_management is True
    assert any("해결의지가 없" in r for r in result.reasons)
    assert any("자기결정" in r for r in result.reasons)


def test_complex_without_will_and_no_support_gives_information_and_revisit():
    """Does complex, unwilling and unsupported give ④ with a reminder to revisit?"""
    result = triage_intake(summary(LINKED, will=False, here=False, other="복지관 상담"))
    assert result.processing_type is ProcessingType.OTHER_AGENCY_INFORMATION
    assert result.revisit_case_management is True


def test_single_income_problem_gives_benefit_application():
    """Does one income problem give ① with the single-problem reason?"""
    result = triage_intake(summary([need("생계비 부족")], problem_type="소득·급여"))
    assert result.processing_type is ProcessingType.BENEFIT_APPLICATION
    assert any("한 가지" in r for r in result.reasons)
    assert result.cautions == [CAUTION_NO_HOSTILITY]


def test_single_service_need_gives_service_application():
    """Does one service need give ②?"""
    result = triage_intake(summary([need("가사 도움", domain="일상생활유지")]))
    assert result.processing_type is ProcessingType.SERVICE_APPLICATION
    assert any("서비스" in r for r in result.reasons)


def test_many_unrelated_severe_needs_are_not_treated_as_complex():
    """Do three severe unlinked needs give a direct type and say they are not complex?"""
    needs = [need("a", severity=5), need("b", severity=5), need("c", severity=5)]
    result = triage_intake(summary(needs, problem_type=ProblemType.INCOME_BENEFIT))
    assert result.processing_type is ProcessingType.BENEFIT_APPLICATION
    assert any("복합적 욕구로 보지 않습니다" in r for r in result.reasons)


def test_single_need_without_will_says_follow_up():
    """Does a simple case without will still get its type, plus a follow-up reason?"""
    result = triage_intake(summary([need("a")], will=False))
    assert result.processing_type is ProcessingType.SERVICE_APPLICATION
    assert any("한 번 더 연락" in r for r in result.reasons)


def test_every_branch_gives_korean_reasons():
    """Does every combination of the four factors give at least two Korean reasons?"""
    for needs in (LINKED, [need("a")]):
        for ptype in ProblemType:
            for will in (True, False):
                for here in (True, False):
                    result = triage_intake(summary(needs, ptype, will, here))
                    assert len(result.reasons) >= 2
                    assert all(any("가" <= ch <= "힣" for ch in r) for r in result.reasons)


def test_cautions_are_korean_constants():
    """Are the two intake cautions the two distinct Korean constants?"""
    assert INTAKE_CAUTIONS == (CAUTION_NO_HOSTILITY, CAUTION_NOT_REFUSED)
    assert "적대" in CAUTION_NO_HOSTILITY or "의심" in CAUTION_NO_HOSTILITY
    assert "거절" in CAUTION_NOT_REFUSED


def test_triage_refuses_bad_input():
    """Are a non-summary, an empty need list, non-bool factors and an unknown problem type refused?"""
    with pytest.raises(CaseworkError, match="IntakeSummary"):
        triage_intake({"needs": []})
    with pytest.raises(CaseworkError, match="욕구가 하나도"):
        summary([])
    with pytest.raises(CaseworkError, match="해결의지"):
        summary([need("a")], will="예")
    with pytest.raises(CaseworkError, match="지원가능성"):
        summary([need("a")], here=1)
    with pytest.raises(CaseworkError, match="문제의 유형"):
        summary([need("a")], problem_type="주거")
    with pytest.raises(CaseworkError, match="타기관"):
        summary([need("a")], other=None)
