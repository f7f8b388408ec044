"""Tests for casework.cases: do the textbook's cases load faithfully from their YAML files, and
can an instructor add a case without code and get clear Korean errors when a file is wrong?"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from casework import cases
from casework.cases import Case, CaseKind, CaseSummary, ResourceSector
from casework.domains import Domain
from casework.errors import CaseworkError, DataFileError
from casework.planning import NeedStatement, Objective, PlanChain

BUNDLED = ["elderly_alone", "sick_child", "low_grades", "no_living_money", "drinking_violence"]
EXAMPLE_NO = {"sick_child": 1, "low_grades": 2, "no_living_money": 3, "drinking_violence": 4}

NEW_CASE = """\
# 강사가 만든 새 사례
id: new_case
title: 새 사례
kind: 문제·요구·욕구 예시
source: 강사 작성 (교재에 없음)
summary: 연습용 사례입니다.
facts:
  - 사실 하나
chains:
  - problem: 문제
    needs:
      - text: 욕구
        domain: HEALTH
"""


@pytest.fixture(autouse=True)
def _no_env_dir(monkeypatch):
    monkeypatch.delenv(cases.ENV_VAR, raising=False)


@pytest.fixture(scope="module")
def loaded() -> dict[str, Case]:
    return {cid: cases.load_case(cid) for cid in BUNDLED}


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- bundled cases


def test_bundled_cases_are_listed_in_teaching_order():
    """Are the five bundled cases listed, elderly case first, then examples 1-4?"""
    summaries = cases.list_cases()
    assert [s.id for s in summaries] == BUNDLED
    assert cases.case_ids() == BUNDLED
    assert all(isinstance(s, CaseSummary) for s in summaries)
    assert summaries[0].kind is CaseKind.CASE_STUDY
    assert {s.kind for s in summaries[1:]} == {CaseKind.PLANNING_EXAMPLE}
    assert summaries[0].title == "80세 독거노인 사례"


def test_one_file_per_case():
    """Does each bundled case live in its own file named after its id?"""
    names = sorted(p.stem for p in cases.CASES_DIR.glob("*.yaml"))
    assert names == sorted(BUNDLED)


@pytest.mark.parametrize("case_id", BUNDLED)
def test_round_trip(tmp_path, loaded, case_id):
    """Does load → dump → load give an equal case, with Korean kept readable?"""
    case = loaded[case_id]
    text = cases.dump_case(case)
    assert "\\u" not in text and case.title in text
    again = cases.load_case_file(write(tmp_path, f"{case_id}.yaml", text))
    assert again == case


@pytest.mark.parametrize("case_id", BUNDLED)
def test_every_case_has_source_and_facts(loaded, case_id):
    """Does every bundled case cite its source and state facts?"""
    case = loaded[case_id]
    assert "광진구청 복지정책과 희망나눔팀" in case.source
    assert case.facts and all(f.strip() for f in case.facts)


@pytest.mark.parametrize("case_id", sorted(EXAMPLE_NO))
def test_examples_cite_their_example_number(loaded, case_id):
    """Does each worked example say which 예시 of the textbook it is?"""
    case = loaded[case_id]
    assert f"예시 {EXAMPLE_NO[case_id]}" in case.source
    assert len(case.chains) == 1 and not case.chains[0].practice_data


def test_sick_child_example(loaded):
    """Example 1: two health needs, the 6-month/30% objective and the conditional '?' items?"""
    chain = loaded["sick_child"].chains[0]
    assert "잔병치레" in chain.problem_quote
    assert chain.demands[-1] == "병원비 좀 지원해 주세요."
    assert [n.text for n in chain.needs] == ["건강회복의 욕구", "정상발달의 욕구"]
    first = chain.objectives[0]
    assert first.purpose == "자녀의 건강회복"
    assert "30%" in first.objective and "6개월" in first.objective
    assert "1년" in chain.objectives[1].objective
    conditional = [s for s in chain.services if s.endswith("?")]
    assert len(conditional) == 3 and any("의료적 검사?" in s for s in conditional)
    assert "(치료가 필요하다면) 치료 제공" in chain.services


def test_low_grades_example(loaded):
    """Example 2: self-esteem and learning needs, '몇 개월' placeholders, the tutoring-fee item?"""
    chain = loaded["low_grades"].chains[0]
    assert chain.problem == "학교성적 하위권임"
    assert "학원비 좀 지원해주세요." in chain.demands
    assert [(n.text, n.domain) for n in chain.needs] == [
        ("자존감 회복의 욕구", Domain.HEALTH), ("학업능력향상의 욕구", Domain.EDUCATION)]
    assert all("몇 개월" in o.objective and "30%" in o.objective for o in chain.objectives)
    assert any("학습진단 검사 의뢰" in s for s in chain.services)
    assert any(s.endswith("대학생 자원봉사자 연결") for s in chain.services)


def test_no_living_money_example(loaded):
    """Example 3: three family needs, one agreed purpose, the husband's fear kept in the plan?"""
    chain = loaded["no_living_money"].chains[0]
    assert chain.problem == "실제 기초적인 생활은 해결되고 있음"
    assert chain.demands[-1] == "일자리 좀 소개해 주세요."
    assert len(chain.needs) == 3 and {n.domain for n in chain.needs} == {Domain.FAMILY}
    assert [o.purpose for o in chain.objectives] == ["평등한 부부관계회복"]
    assert "몇 개월 안에" in chain.objectives[0].objective and "경제권" in chain.objectives[0].objective
    assert len(chain.services) == 1 and chain.services[0].endswith("부부상담실시")
    assert "결혼이 깨질까 두려워" in chain.services[0]


def test_drinking_violence_example(loaded):
    """Example 4: three purposes, the 70% objective and the note that the goal may need revising?"""
    chain = loaded["drinking_violence"].chains[0]
    assert len(chain.objectives) == 3
    assert [o.purpose for o in chain.objectives] == [
        "(남편의) 건강회복", "(자녀의) 안전확보", "안정적 결혼생활"]
    assert "70%" in chain.objectives[1].objective
    assert [n.domain for n in chain.needs] == [Domain.HEALTH, Domain.SAFETY, Domain.FAMILY]
    assert any("목표를 고쳐야 함" in s and s.endswith("이혼을 위한 법적 지원") for s in chain.services)
    assert any("접근금지 명령" in s for s in chain.services)
    assert "가정폭력으로 신고된 적" in chain.problem


def test_elderly_facts(loaded):
    """Does the elderly case state the facts of slide 44?"""
    facts = " ".join(loaded["elderly_alone"].facts)
    for word in ["80세", "독거", "만성질병", "돌볼 가족이 없다", "경제적으로 어렵다", "이동", "서비스에 접근",
                 "복합적인 문제", "욕구가 계속"]:
        assert word in facts, word


def test_elderly_needs_cover_domains_and_have_resources(loaded):
    """Are the elderly needs in at least 8 domains, each with a resource?"""
    needs = loaded["elderly_alone"].needs_by_domain
    assert len({n.domain for n in needs}) >= 8
    assert all(n.resources for n in needs)
    by_id = {n.id: n for n in needs}
    assert [r.name for r in by_id["economy"].resources] == [
        "공적자원 활용", "노인기금", "기초노령연금", "생계비", "장애지원"]
    assert by_id["medical"].detail == "만성질환 고려"
    assert [r.name for r in by_id["medical"].resources] == [
        "지역노인병원 연계", "정기검진", "수시 의료서비스 지원"]
    assert [r.name for r in by_id["housework_daily_life"].resources] == [
        "돌봄서비스", "가사", "간병지원", "자원봉사자 활용", "공공근로", "사회적 일자리 연계"]
    labels = {n.label for n in needs}
    for label in ["주택보수", "심리적 외로움", "외출 및 이동문제", "부동산 처분", "법률적인 도움"]:
        assert label in labels, label
    decline = [r.name for r in by_id["anticipated_decline"].resources]
    assert "지속적인 돌봄서비스와 관리체계" in decline and "지역 생활 입소시설" in decline


def test_elderly_additions_are_marked_practice_data(loaded):
    """Is every resource the slides do not name marked practice_data?"""
    needs = {n.id: n for n in loaded["elderly_alone"].needs_by_domain}
    for need_id in ["housing_repair", "loneliness", "going_out_mobility", "property_disposal",
                    "legal_help", "money_management"]:
        assert all(r.practice_data for r in needs[need_id].resources), need_id
    for need_id in ["economy", "medical", "housework_daily_life"]:
        assert not any(r.practice_data for r in needs[need_id].resources), need_id
    case = loaded["elderly_alone"]
    assert case.practice_data is not None and case.practice_data.person_name == "김○○ 어르신"
    assert all(c.practice_data for c in case.chains)


def test_resources_by_sector(loaded):
    """Are a need's resources grouped under all three sectors?"""
    need = next(n for n in loaded["elderly_alone"].needs_by_domain if n.id == "loneliness")
    grouped = need.resources_by_sector()
    assert set(grouped) == set(ResourceSector)
    assert all(len(names) == 1 for names in grouped.values())


def test_elderly_approaches(loaded):
    """Is the traditional linear approach given step by step, ending in closure?"""
    approaches = loaded["elderly_alone"].approaches
    assert approaches is not None
    assert approaches.traditional.steps[0] == "사회복지사에 의한 노인문제 사정"
    assert approaches.traditional.steps[-1] == "실천 종결"
    assert len(approaches.traditional.steps) == 6
    assert "사례관리자 한 사람" in approaches.case_management.note


def test_neighbour_network(loaded):
    """Does the lunch-box example say who cooks, the menu, monitoring and the worker's limit?"""
    net = loaded["elderly_alone"].neighbour_network
    assert net is not None and "도시락" in net.title
    assert any("누가 만들어 배달" in q for q in net.questions)
    assert any("건강상태와 기호" in t for t in net.tasks)
    assert net.monitoring == ["건강", "가족관계", "심리·정서적 문제"]
    conclusion = " ".join(net.conclusion)
    assert "사례관리자 한 사람" in conclusion and "불가능" in conclusion and "힘을 길러" in conclusion


def test_conversion_to_planning_dataclasses(loaded):
    """Do chains become PlanChain/NeedStatement/Objective with Domain values?"""
    chain = loaded["sick_child"].plan_chains()[0]
    assert isinstance(chain, PlanChain)
    assert chain.needs[0] == NeedStatement("건강회복의 욕구", Domain.HEALTH)
    assert chain.objectives[0] == Objective("자녀의 건강회복", "6개월 안에 병원치료를 받는 날이 지금보다 30% 줄어듦")
    assert chain.demands == ("병원치료를 받고 싶어요. 그런데 병원비가 없어요.", "병원비 좀 지원해 주세요.")
    statements = loaded["elderly_alone"].need_statements()
    assert statements[0] == NeedStatement("경제적인 문제", Domain.ECONOMY)


def test_no_fake_identifiers_in_case_files():
    """Do the case files contain no phone-number or resident-number-like strings?"""
    import re

    pattern = re.compile(r"\d{6}-\d{7}|01\d-?\d{3,4}-?\d{4}")
    for path in cases.CASES_DIR.glob("*.yaml"):
        assert not pattern.search(path.read_text(encoding="utf-8")), path


# ----------------------------------------------------------------------------- instructor cases


def test_new_case_via_extra_dirs(tmp_path):
    """Does a case written to a folder load via extra_dirs, after the bundled ones?"""
    write(tmp_path / "mine", "new_case.yaml", NEW_CASE)
    assert cases.case_ids(extra_dirs=[tmp_path / "mine"]) == [*BUNDLED, "new_case"]
    case = cases.load_case("new_case", extra_dirs=[tmp_path / "mine"])
    assert case.chains[0].needs[0].domain is Domain.HEALTH  # English name accepted
    assert cases.list_cases(extra_dirs=[tmp_path / "mine"])[-1] == CaseSummary(
        "new_case", "새 사례", CaseKind.PLANNING_EXAMPLE)


def test_an_edited_case_file_is_read_again(tmp_path):
    """After an instructor edits a case file, does the next load see the edit (no stale cache)?"""
    path = write(tmp_path, "new_case.yaml", NEW_CASE)
    assert cases.load_case("new_case", extra_dirs=[tmp_path]).title == "새 사례"
    path.write_text(NEW_CASE.replace("새 사례", "고친 사례 제목"), encoding="utf-8")
    assert cases.load_case("new_case", extra_dirs=[tmp_path]).title == "고친 사례 제목"
    path.write_text(NEW_CASE.replace("title:", "titel:"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"new_case.yaml"):
        cases.load_case("new_case", extra_dirs=[tmp_path])


def test_extra_dirs_accepts_a_single_path(tmp_path):
    """Is one folder path given as a plain string treated as one folder, not letters?"""
    write(tmp_path, "new_case.yaml", NEW_CASE)
    assert cases.load_case("new_case", extra_dirs=str(tmp_path)).id == "new_case"


def test_new_case_via_env_var(tmp_path, monkeypatch):
    """Does CASEWORK_CASES_DIR add the instructor's folders (several, separated by pathsep)?"""
    import os

    write(tmp_path / "a", "new_case.yaml", NEW_CASE)
    write(tmp_path / "b", "other.yaml", NEW_CASE.replace("id: new_case", "id: other"))
    monkeypatch.setenv(cases.ENV_VAR, f"{tmp_path / 'a'}{os.pathsep}{tmp_path / 'b'}")
    assert cases.load_case("new_case").title == "새 사례"
    assert set(cases.case_ids()) == {*BUNDLED, "new_case", "other"}


def test_env_var_with_missing_folder(tmp_path, monkeypatch):
    """Is a folder in CASEWORK_CASES_DIR that does not exist reported, naming the variable?"""
    monkeypatch.setenv(cases.ENV_VAR, str(tmp_path / "없음"))
    with pytest.raises(DataFileError) as info:
        cases.list_cases()
    assert cases.ENV_VAR in str(info.value) and "없음" in str(info.value)


def test_missing_extra_dir(tmp_path):
    """Is a missing extra folder reported instead of ignored?"""
    with pytest.raises(DataFileError, match="없는폴더"):
        cases.list_cases(extra_dirs=[tmp_path / "없는폴더"])


def test_unknown_id_lists_available(tmp_path):
    """Does an unknown id give a Korean error listing the ids there are, with a guess?"""
    with pytest.raises(CaseworkError) as info:
        cases.load_case("sick_chld")
    msg = str(info.value)
    assert "'sick_chld'" in msg and "혹시 'sick_child'" in msg
    assert all(cid in msg for cid in BUNDLED)
    assert not isinstance(info.value, DataFileError)


@pytest.mark.parametrize("bad", [None, 3, "", "  "])
def test_load_case_bad_id(bad):
    """Is an id that is not a non-empty text refused?"""
    with pytest.raises(CaseworkError, match="사례 id"):
        cases.load_case(bad)


@pytest.mark.parametrize("bad", [3, [3], object()])
def test_bad_extra_dirs(bad):
    """Is something that is not a folder list refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="extra_dirs"):
        cases.list_cases(extra_dirs=bad)


def test_load_case_file_bad_input():
    """Is a non-path given to load_case_file refused?"""
    with pytest.raises(CaseworkError, match="경로"):
        cases.load_case_file(3)


def test_dump_case_bad_input():
    """Is dump_case given something other than a Case refused?"""
    with pytest.raises(CaseworkError, match="Case"):
        cases.dump_case({"id": "x"})


def test_duplicate_need_ids_refused(tmp_path):
    """Are two needs_by_domain entries with the same id refused?"""
    need = "  - id: a\n    label: 욕구\n    domain: 경제\n    resources:\n      - {name: 자원, sector: 공적}\n"
    path = write(tmp_path, "dup.yaml", NEW_CASE + "needs_by_domain:\n" + need + need)
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(path)
    assert "needs_by_domain" in str(info.value) and "'a'" in str(info.value)


def test_unknown_resource_sector_lists_sectors(tmp_path):
    """Is a resource sector other than 공적/민간/비공식 refused with the three listed?"""
    path = write(tmp_path, "s.yaml", NEW_CASE + "needs_by_domain:\n  - id: a\n    label: 욕구\n"
                 "    domain: 경제\n    resources:\n      - {name: 자원, sector: 공공}\n")
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(path)
    msg = str(info.value)
    assert "needs_by_domain[0].resources[0].sector" in msg and "공적, 민간, 비공식" in msg


# ----------------------------------------------------------------------------- malformed files

MALFORMED = [
    ("missing_field", NEW_CASE.replace("source: 강사 작성 (교재에 없음)\n", ""), ["source", "빠졌습니다"]),
    ("wrong_type", NEW_CASE.replace("facts:\n  - 사실 하나\n", "facts: 사실 하나\n"), ["facts", "목록"]),
    ("unknown_domain", NEW_CASE.replace("domain: HEALTH", "domain: 건강회복"),
     ["chains[0].needs[0].domain", "'건강회복'", "법률 및 권익보장"]),
    ("typo_field", NEW_CASE.replace("title:", "titel:"), ["titel", "혹시 'title'의 오타"]),
    ("typo_nested", NEW_CASE.replace("    needs:", "    need:"), ["chains[0].need", "'needs'의 오타"]),
    ("bad_kind", NEW_CASE.replace("kind: 문제·요구·욕구 예시", "kind: 노인"), ["kind", "사례 연구"]),
    ("blank_title", NEW_CASE.replace("title: 새 사례", 'title: "  "'), ["title", "비어 있습니다"]),
    ("bad_yaml", NEW_CASE.replace("summary: 연습용 사례입니다.", "summary: 요약: 콜론"), ["YAML", "6번째 줄"]),
    ("empty", "# 주석뿐\n", ["내용이 없습니다"]),
    ("not_mapping", "- id: x\n- title: y\n", ["맨 바깥 단계", "목록"]),
    ("bad_id_chars", NEW_CASE.replace("id: new_case", "id: 새 사례"), ["위치 id", "영어 소문자"]),
    ("no_needs", NEW_CASE.split("    needs:")[0] + "    needs: []\n", ["chains[0].needs", "최소 1개"]),
]


@pytest.mark.parametrize("name, text, fragments", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_is_explained(tmp_path, name, text, fragments):
    """Does each kind of malformed case file give a DataFileError naming the file and the field?"""
    path = write(tmp_path, f"{name}.yaml", text)
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(path)
    msg = str(info.value)
    assert f"{name}.yaml" in msg
    for fragment in fragments:
        assert fragment in msg, (fragment, msg)


@pytest.mark.parametrize("name, text, fragments", MALFORMED, ids=[m[0] for m in MALFORMED])
def test_folder_with_one_bad_file_loads_nothing(tmp_path, name, text, fragments):
    """With one bad file beside a good one, does loading refuse even the good case?"""
    folder = tmp_path / "mine"
    write(folder, "good.yaml", NEW_CASE.replace("id: new_case", "id: good"))
    write(folder, f"{name}.yaml", text)
    with pytest.raises(DataFileError) as info:
        cases.load_case("good", extra_dirs=[folder])
    assert f"{name}.yaml" in str(info.value) and "아무 파일도 불러오지 않았습니다" in str(info.value)
    assert "good.yaml" not in str(info.value)


def test_duplicate_id_across_files(tmp_path):
    """Are two instructor files with the same id both named?"""
    write(tmp_path, "one.yaml", NEW_CASE)
    write(tmp_path, "two.yaml", NEW_CASE)
    with pytest.raises(DataFileError) as info:
        cases.list_cases(extra_dirs=[tmp_path])
    msg = str(info.value)
    assert "one.yaml" in msg and "two.yaml" in msg and "'new_case'" in msg


def test_duplicate_of_bundled_id(tmp_path):
    """Is an instructor file reusing a bundled id refused, naming both files?"""
    write(tmp_path, "mine.yaml", NEW_CASE.replace("id: new_case", "id: sick_child"))
    with pytest.raises(DataFileError) as info:
        cases.load_case("sick_child", extra_dirs=[tmp_path])
    msg = str(info.value)
    assert "mine.yaml" in msg and "sick_child.yaml" in msg


# ----------------------------------------------------------------------------- import cost


def test_import_loads_no_widget_or_plot_library():
    """Does importing casework.cases leave matplotlib, ipywidgets and IPython unloaded?"""
    code = ("import sys, casework.cases; "
            "bad = [m for m in ('matplotlib', 'ipywidgets', 'IPython') if m in sys.modules]; "
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


# ----------------------------------------------------------------------------- chapter 05 practice data

PRACTICE_HEAD = NEW_CASE + (
    "needs_by_domain:\n  - id: a\n    label: 욕구\n    domain: 경제\n    resources:\n"
    "      - {name: 자원, sector: 공적}\n"
    "practice_data:\n  note: 연습용입니다.\n  person_name: 김○○\n"
)


def test_elderly_practice_instruments_score(loaded):
    """Do the practice K-ADL and IADL answers score to the totals their observations imply?"""
    from casework.assessment import score_kadl, score_lawton_iadl

    practice = loaded["elderly_alone"].practice_data
    kadl = score_kadl(practice.kadl_answers())
    assert kadl.total == 8 and kadl.needs_help == ("목욕하기",)
    iadl = score_lawton_iadl(practice.lawton_answers())
    assert iadl.total == 4
    assert set(iadl.unable) == {"장보기", "식사 준비", "교통수단 이용", "약 복용 관리"}
    assert all(s.observation for s in practice.kadl + practice.lawton_iadl)


def test_elderly_practice_ratings_cover_every_need(loaded):
    """Has every elderly need a practice severity, and do its links name known needs?"""
    case = loaded["elderly_alone"]
    ids = {n.id for n in case.needs_by_domain}
    ratings = case.practice_data.need_ratings
    assert set(ratings) == ids
    assert ratings["medical"].severity == 5 and ratings["medical"].priority == 1
    assert "going_out_mobility" in ratings["medical"].connected_to


def test_elderly_practice_ecomaps_show_growth(loaded):
    """Does the after eco-map add ties and ease the stressful hospital tie?"""
    from casework.resources import compare_ecomaps

    before, after = loaded["elderly_alone"].practice_data.ecomaps()
    assert before.person == after.person == "김○○ 어르신"
    change = compare_ecomaps(before, after)
    assert {t.name for t in change.added} == {"돌봄서비스", "병원 동행 자원봉사자", "경로당 친구들"}
    assert [a.name for a, _ in change.stress_eased] == ["지역노인병원"]
    assert "이웃" in {a.name for a, _ in change.strengthened}
    assert not change.removed


def test_elderly_practice_service_plan(loaded):
    """Does the practice plan become a ServicePlan with every item owned by the person?"""
    from casework.planning import ServicePlan

    plan = loaded["elderly_alone"].practice_data.service_plan.to_service_plan("김○○")
    assert isinstance(plan, ServicePlan) and len(plan.items) == 5
    assert plan.client_name == "김○○" and plan.items[0].priority == 1
    assert all(i.objective.startswith("어르신이") for i in plan.items)


def test_practice_rating_for_unknown_need_refused(tmp_path):
    """Is a practice rating for a need id not in needs_by_domain refused, naming the id?"""
    text = PRACTICE_HEAD + "  need_ratings:\n    b:\n      severity: 3\n      priority: 1\n      reason: 까닭\n"
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(write(tmp_path, "r.yaml", text))
    assert "'b'" in str(info.value) and "need_ratings" in str(info.value)


def test_practice_rating_link_to_unknown_need_refused(tmp_path):
    """Is a connected_to link to an unknown need refused?"""
    text = PRACTICE_HEAD + ("  need_ratings:\n    a:\n      severity: 3\n      priority: 1\n"
                            "      reason: 까닭\n      connected_to: [zz]\n")
    with pytest.raises(DataFileError, match="'zz'"):
        cases.load_case_file(write(tmp_path, "r.yaml", text))


@pytest.mark.parametrize("severity", [0, 6])
def test_practice_severity_out_of_range_refused(tmp_path, severity):
    """Is a practice severity outside 1-5 refused?"""
    text = PRACTICE_HEAD + (f"  need_ratings:\n    a:\n      severity: {severity}\n      priority: 1\n"
                            "      reason: 까닭\n")
    with pytest.raises(DataFileError, match="severity"):
        cases.load_case_file(write(tmp_path, "r.yaml", text))


def test_practice_kadl_with_missing_items_refused(tmp_path):
    """Is a practice K-ADL list that leaves items out refused, naming the missing ones?"""
    text = PRACTICE_HEAD + "  kadl:\n    - {item: 옷 입기, score: 1, observation: 혼자 입는다}\n"
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(write(tmp_path, "k.yaml", text))
    assert "빠진 항목" in str(info.value) and "목욕하기" in str(info.value)


def test_practice_iadl_score_out_of_range_refused(tmp_path):
    """Is a Lawton IADL practice score other than 0/1 refused?"""
    from casework.assessment import LAWTON_IADL_ITEMS

    rows = "".join(f"    - {{item: {i}, score: {2 if n == 0 else 1}, observation: 본 모습}}\n"
                   for n, i in enumerate(LAWTON_IADL_ITEMS))
    with pytest.raises(DataFileError, match="0부터 1까지"):
        cases.load_case_file(write(tmp_path, "i.yaml", PRACTICE_HEAD + "  lawton_iadl:\n" + rows))


def test_practice_ecomap_with_duplicate_tie_refused(tmp_path):
    """Are two ties to the same name in a practice eco-map refused?"""
    text = PRACTICE_HEAD + ("  ecomap_before:\n    - {name: 이웃, kind: 이웃, strength: 약함}\n"
                            "    - {name: 이웃, kind: 이웃, strength: 강함}\n")
    with pytest.raises(DataFileError, match="두 번"):
        cases.load_case_file(write(tmp_path, "e.yaml", text))


def test_practice_ecomap_unknown_strength_lists_values(tmp_path):
    """Is a tie strength outside 약함/보통/강함 refused with the allowed values?"""
    text = PRACTICE_HEAD + "  ecomap_after:\n    - {name: 이웃, kind: 이웃, strength: 매우강함}\n"
    with pytest.raises(DataFileError) as info:
        cases.load_case_file(write(tmp_path, "e.yaml", text))
    assert "약함, 보통, 강함" in str(info.value)


def test_practice_ecomap_needs_a_person_name(tmp_path):
    """Is an eco-map without person_name refused (the map needs someone at its centre)?"""
    text = PRACTICE_HEAD.replace("  person_name: 김○○\n", "") + (
        "  ecomap_after:\n    - {name: 이웃, kind: 이웃, strength: 강함}\n")
    with pytest.raises(DataFileError, match="person_name"):
        cases.load_case_file(write(tmp_path, "e.yaml", text))


def test_checking_a_copy_of_a_bundled_case_reports_the_id_clash(tmp_path):
    """C15: 'casework cases FILE' must refuse what would make every case unloadable."""
    copy = tmp_path / "my_copy.yaml"
    copy.write_bytes((Path(cases.__file__).parent / "data" / "cases" / "sick_child.yaml").read_bytes())
    with pytest.raises(DataFileError, match=r"이미 .*sick_child.yaml"):
        cases.check_case_file(copy)
    assert cases.check_case_file(Path(cases.__file__).parent / "data" / "cases" / "sick_child.yaml").id == "sick_child"
