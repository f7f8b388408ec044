"""Tests for casework.widgets.assessment: do the chapter 05 widgets route their controls to the
judges (judging.severity, judging.instruments, judging.resources), with the ladder and saved answers?"""

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from casework import quiz  # noqa: E402
from casework.cases import load_case  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.judging import instruments, resources, severity  # noqa: E402
from casework.judging.feedback import Status  # noqa: E402
from casework.judging.quiz import judge as judge_quiz  # noqa: E402
from casework.widgets import assessment as wa  # noqa: E402


def _example(case):
    return {n.id: case.practice_data.need_ratings[n.id].severity for n in case.needs_by_domain}


def test_chapter_names_are_the_judging_layers():
    """Are the names chapter 05 imports the judging layer's own functions?"""
    assert wa.judge_severity is severity.judge_severity and wa.practice_needs is severity.practice_needs
    assert wa.judge_kadl is instruments.judge_kadl and wa.judge_lawton is instruments.judge_lawton
    assert wa.judge_resource_picks is resources.judge_resource_picks


# ----------------------------------------------------------------------------- severity


def test_severity_widget_needs_practice_ratings():
    """Is a case without practice ratings refused before any widget is built?"""
    with pytest.raises(CaseworkError, match="연습"):
        wa.severity_widget(load_case("sick_child"))


def test_severity_widget_checks_and_draws(case):
    """Does choosing severities and clicking give the judge's verdict and keep no figure open?"""
    box = wa.severity_widget(case)
    for need_id, drop in box.dropdowns.items():
        drop.value = _example(case)[need_id]
    box.dropdowns["medical"].value = 0
    fb = box.check()
    assert fb == severity.judge_severity(case, box.ratings())
    assert fb.status is Status.PARTIAL and "data-status='partial'" in box.feedback_area.value
    box.solution()
    assert "워크북 예시의 심각도" in box.feedback_area.value
    assert plt.get_fignums() == []


def test_severity_widget_untouched_is_unanswered(case):
    """Does pressing the button before choosing say 'not answered'?"""
    box = wa.severity_widget(case)
    assert box.check().status is Status.UNANSWERED
    assert set(box.ratings().values()) == {None}


def test_severity_ratings_come_back_after_a_rerun(case):
    """Are the chosen severities saved and put back when the widget is made again?"""
    box = wa.severity_widget(case)
    box.dropdowns["medical"].value = 4
    box.check()  # half filled: unanswered, but the choice is kept (not counted as a try)
    again = wa.severity_widget(case)
    assert again.dropdowns["medical"].value == 4 and again.ladder.attempts == 0


# ----------------------------------------------------------------------------- K-ADL and IADL


def test_kadl_widget_shows_observations_and_totals(case, practice):
    """Does the K-ADL widget show each observation and total the chosen levels?"""
    box = wa.kadl_widget(case)
    html = " ".join(c.children[0].value for c in box.children
                    if type(c).__name__ == "HBox" and type(c.children[0]).__name__ == "HTML")
    assert "욕실 바닥이 미끄러워" in html
    for item, drop in box.dropdowns.items():
        drop.value = practice.kadl_answers()[item]
    assert box.check() == instruments.judge_kadl(practice.kadl_answers(), practice.kadl)
    assert "총점 8점" in box.feedback_area.value


def test_kadl_widget_offers_hints_after_a_wrong_item(case, practice):
    """After a misscored item, are 힌트 and 풀이 보기 offered and do they open in order?"""
    box = wa.kadl_widget(case)
    for item, drop in box.dropdowns.items():
        drop.value = practice.kadl_answers()[item]
    box.dropdowns["목욕하기"].value = 1
    box.check()
    assert box.hint_button.layout.display != "none"
    box.hint()
    assert "힌트:" in box.feedback_area.value and "풀이:" not in box.feedback_area.value
    box.solution()
    assert "목욕하기 2(부분도움)" in box.feedback_area.value


def test_iadl_widget_partly_filled_lists_blanks(case):
    """Does the IADL widget with one item chosen list the other seven as blank?"""
    box = wa.iadl_widget(case)
    box.dropdowns["장보기"].value = 0
    fb = box.check()
    assert fb.status is Status.UNANSWERED and "7개" in fb.points[0]


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


def test_resource_widget_bad_input(case):
    """Are a bad seed and a case without needs by domain refused by the resource widget?"""
    with pytest.raises(CaseworkError, match="seed"):
        wa.resource_widget(case, seed="0")
    with pytest.raises(CaseworkError, match="needs_by_domain"):
        wa.resource_widget(load_case("sick_child"))


def _full_picks(case):
    picks = {n.id: [n.resources[0].name] for n in case.needs_by_domain}
    picks["loneliness"].append("이웃의 안부 방문(이웃 관계망)")
    return picks


def test_resource_widget_routes_checkboxes(case):
    """Does ticking one fitting box per need and clicking give the judge's correct verdict?"""
    box = wa.resource_widget(case, seed=2)
    for need_id, names in _full_picks(case).items():
        for name in names:
            box.checkboxes[need_id][name].value = True
    box.button.click()
    assert "data-status='correct'" in box.feedback_area.value
    assert box.picks()["loneliness"] == [n for n in box.checkboxes["loneliness"]
                                         if n in _full_picks(case)["loneliness"]]


def test_resource_picks_come_back_after_a_rerun(case):
    """Are the ticked boxes saved and ticked again when the widget is made again?"""
    box = wa.resource_widget(case, seed=2)
    box.checkboxes["economy"]["기초노령연금"].value = True
    box.check()
    assert wa.resource_widget(case, seed=2).picks()["economy"] == ["기초노령연금"]


# ----------------------------------------------------------------------------- chapter quiz


def test_chapter_quiz_loads_and_its_right_answers_pass():
    """Does ch05.yaml load, and does every question accept its own right answer?"""
    q = quiz.load_quiz("ch05")
    assert len(q.questions) >= 6
    for question in q.questions:
        assert judge_quiz(question, question.right_answer()).passed, question.id


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
