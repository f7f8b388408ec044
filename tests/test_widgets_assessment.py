"""Tests for casework.widgets.assessment: are severity ratings, K-ADL / IADL scorings and
resource picks judged with specific feedback, and do the widgets route input without a browser?"""

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from casework import quiz  # noqa: E402
from casework.assessment import KADL_ITEMS, LAWTON_IADL_ITEMS  # noqa: E402
from casework.cases import load_case  # noqa: E402
from casework.domains import Domain  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.resources import ResourceKind, Sector  # noqa: E402
from casework.widgets import assessment as wa  # noqa: E402


@pytest.fixture(scope="module")
def case():
    return load_case("elderly_alone")


@pytest.fixture(scope="module")
def practice(case):
    return case.practice_data


def _example(case):
    return {n.id: case.practice_data.need_ratings[n.id].severity for n in case.needs_by_domain}


# ----------------------------------------------------------------------------- severity


@pytest.mark.parametrize("severity, priority", [(5, 1), (4, 1), (3, 2), (2, 3), (1, 3)])
def test_priority_from_severity(severity, priority):
    """Does the workbook rule map severity 4-5 to priority 1, 3 to 2 and 1-2 to 3?"""
    assert wa.priority_from_severity(severity) == priority


@pytest.mark.parametrize("bad", [0, 6, "3", True, 2.0])
def test_priority_from_severity_bad_input(bad):
    """Is a severity outside 1-5 (or not an int) refused?"""
    with pytest.raises(CaseworkError, match="1~5"):
        wa.priority_from_severity(bad)


def test_practice_needs_follow_the_case_file(case):
    """Do the practice needs carry the file's severity, priority and links, keyed by need id?"""
    needs = {n.key: n for n in wa.practice_needs(case)}
    assert set(needs) == {n.id for n in case.needs_by_domain}
    assert needs["medical"].severity == 5 and needs["medical"].domain is Domain.HEALTH
    assert needs["economy"].connected_to == ("medical", "money_management")
    assert needs["economy"].description == "경제적인 문제"


def test_practice_needs_need_practice_data():
    """Is a case without practice ratings refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="연습"):
        wa.practice_needs(load_case("sick_child"))


def test_learner_needs_leave_out_zero_and_blank(case):
    """Are needs rated 0 or left blank left out, and priorities set by the workbook rule?"""
    needs = wa.learner_needs(case, {"medical": 5, "economy": 0, "loneliness": None, "housing_repair": 2})
    assert [(n.key, n.severity, n.priority) for n in needs] == [("medical", 5, 1), ("housing_repair", 2, 3)]


def test_learner_needs_bad_input(case):
    """Are ratings for unknown needs or out of range refused when building the learner's needs?"""
    with pytest.raises(CaseworkError, match="없는 욕구"):
        wa.learner_needs(case, {"nope": 3})
    with pytest.raises(CaseworkError, match="0\\(문제 아님\\)~5"):
        wa.learner_needs(case, {"medical": -1})


def test_severity_widget_needs_practice_ratings():
    """Is a case without practice ratings refused before any widget is built?"""
    with pytest.raises(CaseworkError, match="연습"):
        wa.severity_widget(load_case("sick_child"))


def test_example_ratings_are_correct(case):
    """Does rating every need as the example does pass, naming the first-priority needs?"""
    fb = wa.judge_severity(case, _example(case))
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert any("우선순위 1" in p and "의료적인 문제" in p for p in fb.points)
    assert any("복합적 욕구" in p and "의료적인 문제 ↔ 외출 및 이동문제" in p for p in fb.points)


def test_one_step_off_still_counts_as_close(case):
    """Is a rating one step from the example still close (the workbook's tolerance)?"""
    ratings = _example(case) | {"medical": 4, "legal_help": 2}
    assert wa.judge_severity(case, ratings).status is Status.CORRECT


def test_two_steps_off_is_pointed_out_with_the_reason(case):
    """Is a rating two steps away pointed out with both values and the example's reason?"""
    ratings = _example(case) | {"medical": 3}
    fb = wa.judge_severity(case, ratings)
    assert fb.status is Status.PARTIAL
    point = next(p for p in fb.points if p.startswith("'의료적인 문제'"))
    assert "고른 심각도 3(보통)" in point and "워크북 예시 5(매우 심각)" in point
    assert "정기 진료가 자주 끊기고" in point
    assert "11개 가운데 10개" in fb.summary


def test_rating_zero_is_always_pointed_out(case):
    """Is calling a real need 'no problem' pointed out even when the example is only 1?"""
    ratings = _example(case) | {"legal_help": 0}
    fb = wa.judge_severity(case, ratings)
    assert any(p.startswith("'법률적인 도움'을(를) 문제가 아니라고") for p in fb.points)
    assert fb.status is Status.PARTIAL


def test_all_far_is_incorrect(case):
    """Is a rating far from the example on every need incorrect?"""
    ratings = {k: (1 if v >= 3 else 5) for k, v in _example(case).items()}
    fb = wa.judge_severity(case, ratings)
    assert fb.status is Status.INCORRECT and fb.score == 0


def test_blank_needs_are_listed(case):
    """Are needs left blank listed, with no verdict yet?"""
    ratings = _example(case) | {"housing_repair": None}
    fb = wa.judge_severity(case, ratings)
    assert fb.status is Status.UNANSWERED
    assert "주택보수" in fb.points[0]


def test_nothing_rated_is_unanswered(case):
    """Is an empty rating 'unanswered'?"""
    assert wa.judge_severity(case, {}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    ([3], "사전"), ({"nope": 3}, "없는 욕구"), ({"medical": 6}, "0\\(문제 아님\\)~5"),
    ({"medical": "3"}, "정수"), ({"medical": True}, "정수"),
])
def test_judge_severity_bad_input(case, bad, match):
    """Are malformed ratings refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        wa.judge_severity(case, bad)


def test_judge_severity_needs_a_case():
    """Is something other than a Case refused?"""
    with pytest.raises(CaseworkError, match="load_case"):
        wa.judge_severity("elderly_alone", {})


def test_severity_widget_checks_and_draws(case):
    """Does choosing severities and clicking show feedback and keep no figure open?"""
    box = wa.severity_widget(case)
    for need_id, drop in box.dropdowns.items():
        drop.value = _example(case)[need_id]
    box.dropdowns["medical"].value = 0
    fb = box.check()
    assert fb.status is Status.PARTIAL
    assert "data-status='partial'" in box.feedback_area.value
    assert box.ratings()["medical"] == 0
    assert plt.get_fignums() == []


def test_severity_widget_untouched_is_unanswered(case):
    """Does pressing the button before choosing say 'not answered'?"""
    box = wa.severity_widget(case)
    assert box.check().status is Status.UNANSWERED
    assert set(box.ratings().values()) == {None}


# ----------------------------------------------------------------------------- K-ADL and IADL


def test_kadl_practice_answers_are_correct(practice):
    """Does scoring K-ADL as the observations imply give the total and the item needing help?"""
    fb = wa.judge_kadl(practice.kadl_answers(), practice.kadl)
    assert fb.status is Status.CORRECT
    assert "총점 8점" in fb.summary and "7~21점" in fb.summary
    assert any("목욕하기(부분도움)" in p for p in fb.points)
    assert any("원장원" in p for p in fb.points)


def test_kadl_wrong_item_quotes_the_observation(practice):
    """Does a wrong K-ADL item quote what was observed and the level it implies?"""
    answers = practice.kadl_answers() | {"목욕하기": 1}
    fb = wa.judge_kadl(answers, practice.kadl)
    assert fb.status is Status.PARTIAL and "총점 7점" in fb.summary
    point = next(p for p in fb.points if p.startswith("'목욕하기'"))
    assert "1(자립)을 골랐지만" in point and "2(부분도움)" in point and "욕실 바닥" in point


def test_kadl_without_practice_only_totals():
    """Without observations, is the total given and the verdict correct (nothing to compare)?"""
    fb = wa.judge_kadl({i: 3 for i in KADL_ITEMS})
    assert fb.status is Status.CORRECT and "총점 21점" in fb.summary


def test_kadl_blank_items_are_listed(practice):
    """Are K-ADL items left blank listed, with no total yet?"""
    answers = practice.kadl_answers() | {"세수하기": None, "식사하기": None}
    fb = wa.judge_kadl(answers, practice.kadl)
    assert fb.status is Status.UNANSWERED
    assert "2개를 아직 고르지 않았습니다" in fb.summary and "세수하기, 식사하기" in fb.points[0]
    assert "총점" not in fb.summary.replace("총점을 낼 수", "")


def test_kadl_nothing_chosen_is_unanswered():
    """Is an empty K-ADL 'unanswered'?"""
    assert wa.judge_kadl({}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    ({"옷 입기": 4}, "1, 2, 3"), ({"옷 입기": 1.0}, "1, 2, 3"), ({"달리기": 1}, "없는 항목"), ([1], "사전"),
])
def test_kadl_bad_input(bad, match):
    """Are malformed K-ADL answers refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        wa.judge_kadl(bad)


def test_lawton_practice_answers_are_correct(practice):
    """Does scoring IADL as observed give 4 of 8, with resource hints for the items not managed?"""
    fb = wa.judge_lawton(practice.lawton_answers(), practice.lawton_iadl)
    assert fb.status is Status.CORRECT and "총점 4점" in fb.summary
    hint = next(p for p in fb.points if p.startswith("혼자 하기 어려운 일"))
    assert "식사 준비 → 도시락 나눔" in hint and "재정 관리" not in hint
    assert any("Lawton, M. P. & Brody" in p for p in fb.points)


def test_lawton_wrong_item_shows_the_scoring_guide(practice):
    """Does a wrong IADL item show Lawton's scoring guide for that item?"""
    answers = practice.lawton_answers() | {"재정 관리": 0}
    fb = wa.judge_lawton(answers, practice.lawton_iadl)
    assert fb.status is Status.PARTIAL
    assert any(p.startswith("'재정 관리': 0점을 골랐지만") for p in fb.points)
    assert any(p.startswith("'재정 관리'의 채점 기준") and "은행 일" in p for p in fb.points)


def test_lawton_all_wrong_is_incorrect(practice):
    """Is every IADL item scored against the observations incorrect?"""
    answers = {i: 1 - s for i, s in practice.lawton_answers().items()}
    assert wa.judge_lawton(answers, practice.lawton_iadl).status is Status.INCORRECT


def test_lawton_guide_covers_every_item():
    """Has every Lawton item a guide for 1 point and for 0 points?"""
    assert set(wa.LAWTON_GUIDE) == set(LAWTON_IADL_ITEMS)
    assert all("1점" in a and "0점" in b for a, b in wa.LAWTON_GUIDE.values())


@pytest.mark.parametrize("bad, match", [({"장보기": 2}, "0, 1"), ({"전화": 1}, "없는 항목")])
def test_lawton_bad_input(bad, match):
    """Are malformed IADL answers refused?"""
    with pytest.raises(CaseworkError, match=match):
        wa.judge_lawton(bad)


def test_bad_practice_list_refused():
    """Is a practice list that is not PracticeItemScore objects refused?"""
    with pytest.raises(CaseworkError, match="연습 자료"):
        wa.judge_kadl({}, [{"item": "옷 입기"}])


def test_kadl_widget_shows_observations_and_totals(case, practice):
    """Does the K-ADL widget show each observation and total the chosen levels?"""
    box = wa.kadl_widget(case)
    html = " ".join(c.children[0].value for c in box.children if type(c).__name__ == "HBox")
    assert "욕실 바닥이 미끄러워" in html
    for item, drop in box.dropdowns.items():
        drop.value = practice.kadl_answers()[item]
    assert box.check().passed
    assert "총점 8점" in box.feedback_area.value


def test_iadl_widget_partly_filled_lists_blanks(case):
    """Does the IADL widget with one item chosen list the other seven as blank?"""
    box = wa.iadl_widget(case)
    box.dropdowns["장보기"].value = 0
    fb = box.check()
    assert fb.status is Status.UNANSWERED and "7개" in fb.summary


@pytest.mark.parametrize("make", [wa.kadl_widget, wa.iadl_widget])
def test_instrument_widgets_bad_case(make):
    """Are a non-case and a case without practice data refused by the K-ADL and IADL widgets?"""
    with pytest.raises(CaseworkError, match="load_case"):
        make("elderly_alone")
    with pytest.raises(CaseworkError, match="연습 자료"):
        make(load_case("sick_child"))


def test_widgets_without_a_case_have_no_observations():
    """Does the K-ADL widget work without a case (no observations, total only)?"""
    box = wa.kadl_widget()
    for drop in box.dropdowns.values():
        drop.value = 1
    assert box.check().passed


# ----------------------------------------------------------------------------- resources


def test_resource_pool_merges_needs_and_reads_kinds(case):
    """Does a resource listed under two needs serve both domains, with the workbook's kind?"""
    pool = wa.resource_pool(case)
    legal = pool["공공 법률구조기관의 상담"]
    assert legal.domains == frozenset({Domain.LEGAL_RIGHTS}) and legal.sector is Sector.PUBLIC
    assert pool["이웃의 외출 동행"].kind is ResourceKind.RELATIONAL
    assert pool["자원봉사자 활용"].kind is ResourceKind.HUMAN
    assert pool["기초노령연금"].kind is ResourceKind.MATERIAL
    assert pool["동 주민센터의 연금·수당 수급 확인과 신청 안내"].kind is ResourceKind.MATERIAL


def test_resource_options_hold_own_resources_and_far_distractors(case):
    """Does each need offer all its own resources plus two options from another family of help?"""
    pool = wa.resource_pool(case)
    options = wa.resource_options(case, seed=1)
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
    assert wa.resource_options(case, seed=3) == wa.resource_options(case, seed=3)
    assert wa.resource_options(case, seed=3) != wa.resource_options(case, seed=4)


@pytest.mark.parametrize("kwargs", [{"seed": "1"}, {"seed": True}, {"distractors": -1}])
def test_resource_options_bad_input(case, kwargs):
    """Are a non-integer seed and a negative number of distractors refused?"""
    with pytest.raises(CaseworkError):
        wa.resource_options(case, **kwargs)


def _full_picks(case):
    # One own resource per need, with at least one informal resource overall.
    picks = {n.id: [n.resources[0].name] for n in case.needs_by_domain}
    picks["loneliness"].append("이웃의 안부 방문(이웃 관계망)")
    return picks


def test_one_fitting_resource_per_need_is_correct(case):
    """Does linking a fitting resource to every need pass, praising the mix of sectors?"""
    fb = wa.judge_resource_picks(case, _full_picks(case))
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert "11개 가운데 11개" in fb.summary
    assert any("두루 묶었습니다" in p for p in fb.points)


def test_unmet_needs_are_named(case):
    """Are needs with no fitting resource named as still unmet, with an example resource?"""
    picks = _full_picks(case) | {"housing_repair": [], "legal_help": []}
    fb = wa.judge_resource_picks(case, picks)
    assert fb.status is Status.PARTIAL
    assert "아직 채워지지 않은 욕구: 주택보수, 법률적인 도움" in fb.summary
    assert any(p.startswith("'주택보수'(생활환경) 욕구는 아직") and "예:" in p for p in fb.points)
    assert any("자원개발" in p for p in fb.points)


def test_misfit_pick_is_explained(case):
    """Is a resource that serves another domain pointed out, naming the domain it serves?"""
    picks = _full_picks(case) | {"medical": ["정기검진", "기초노령연금"]}
    fb = wa.judge_resource_picks(case, picks)
    assert fb.status is Status.PARTIAL  # the need is met, but the misfit keeps it from being clean
    point = next(p for p in fb.points if p.startswith("'기초노령연금'"))
    assert "경제 영역" in point and "'의료적인 문제'(건강)" in point


def test_only_misfits_leave_the_need_unmet(case):
    """Does a need with only a misfit pick count as unmet?"""
    fb = wa.judge_resource_picks(case, {"medical": ["기초노령연금"]})
    assert "의료적인 문제" in fb.summary.split("아직 채워지지 않은 욕구:")[1]
    assert fb.status is Status.INCORRECT


def test_no_informal_resource_is_pointed_out(case):
    """Does a set of picks with no informal resource get the neighbour-network reminder?"""
    fb = wa.judge_resource_picks(case, {"economy": ["기초노령연금"]})
    assert any("비공식 자원" in p and "도시락" in p for p in fb.points)


def test_no_picks_is_unanswered(case):
    """Is picking nothing 'unanswered'?"""
    assert wa.judge_resource_picks(case, {}).status is Status.UNANSWERED
    assert wa.judge_resource_picks(case, {"economy": []}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    (["economy"], "욕구 id"), ({"nope": []}, "없는 욕구"), ({"economy": "기초노령연금"}, "목록"),
    ({"economy": ["로또"]}, "없는 이름"),
])
def test_judge_resource_picks_bad_input(case, bad, match):
    """Are malformed picks refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        wa.judge_resource_picks(case, bad)


def test_resource_pool_needs_case_needs():
    """Is a case without needs by domain refused for the resource exercise?"""
    with pytest.raises(CaseworkError, match="needs_by_domain"):
        wa.resource_pool(load_case("sick_child"))


def test_resource_widget_bad_input(case):
    """Are a bad seed and a case without needs by domain refused by the resource widget?"""
    with pytest.raises(CaseworkError, match="seed"):
        wa.resource_widget(case, seed="0")
    with pytest.raises(CaseworkError, match="needs_by_domain"):
        wa.resource_widget(load_case("sick_child"))


def test_resource_widget_routes_checkboxes(case):
    """Does ticking one fitting box per need and clicking give a correct verdict?"""
    box = wa.resource_widget(case, seed=2)
    for need_id, names in _full_picks(case).items():
        for name in names:
            box.checkboxes[need_id][name].value = True
    button = next(c for c in box.children if type(c).__name__ == "Button")
    button.click()
    assert "data-status='correct'" in box.feedback_area.value
    assert box.picks()["loneliness"] == [n for n in box.checkboxes["loneliness"]
                                         if n in _full_picks(case)["loneliness"]]


# ----------------------------------------------------------------------------- chapter quiz


def test_chapter_quiz_loads_and_its_right_answers_pass():
    """Does ch05.yaml load, and does every question accept its own right answer?"""
    q = quiz.load_quiz("ch05")
    assert len(q.questions) >= 6
    for question in q.questions:
        assert quiz.judge(question, question.right_answer()).passed, question.id


def test_quiz_sectors_agree_with_the_case_file(case):
    """Does the sector quiz put each resource where the elderly case file puts it?"""
    question = quiz.load_quiz("ch05").question("resource_sectors")
    sectors = {r.name: r.sector.value for n in case.needs_by_domain for r in n.resources}
    for item in question.items:
        assert sectors[item.text] == item.category, item.text


def test_quiz_traditional_steps_agree_with_the_case_file(case):
    """Does the order quiz use the case file's traditional steps in order?"""
    question = quiz.load_quiz("ch05").question("traditional_steps")
    assert list(question.items) == list(case.approaches.traditional.steps)
