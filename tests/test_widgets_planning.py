"""Tests for casework.widgets.planning: goal checker, sorting quiz, fifth case, plan form (wiring only;
the judges are tested in test_judging_*).

All people and values are fictional (김○○, 연습-2025-001, 1953-01-01).
"""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as w

from casework import pdn
from casework.goals import PlanningMistake, check_goal
from casework.judging.feedback import Status
from casework.judging.goals import judge_goal
from casework.judging.needs import judge_need
from casework.judging.plan_form import export_plan, plan_form_feedback, plan_to_form
from casework.widgets import planning as wp

M = PlanningMistake


def _find(widget, kind):
    found = []

    def walk(node):
        if isinstance(node, kind):
            found.append(node)
        for child in getattr(node, "children", ()):
            walk(child)

    walk(widget)
    return found


# --------------------------------------------------------------------------- reading tables


def test_tables_list_the_textbook_lists():
    """Do the tables show 3 steps, 6 goal types with examples and 7 mistakes?"""
    steps = str(wp.assessment_steps_table())
    assert "1단계: 현재 상태/관심사" in steps and "3단계: 행동/변화 전략" in steps
    types = str(wp.goal_types_table())
    assert "6. 사회적 역할 기술 습득" in types and "손자녀양육기술 습득" in types
    mistakes = wp.planning_mistakes_table()
    assert "7. 종결 때 달성 여부를 판단할 수 없는 목표" in str(mistakes)
    assert mistakes.html.count("<tr>") == 7


# --------------------------------------------------------------------------- the goal judge


def test_goal_feedback_is_the_exercise_goal_judge():
    """Is chapter 07's goal_feedback the very judge exercise 07 uses (one judge, one verdict)?"""
    assert wp.goal_feedback is judge_goal


@pytest.mark.parametrize("goal", ["어르신이 운동을 한다", "3개월 안에 주거환경이 개선된다", "도시락 배달 서비스를 연계한다"])
def test_the_checker_widget_gives_the_exercise_verdict(goal):
    """Does the goal checker give exactly the exercise's verdict on the review's drift cases?"""
    assert wp.goal_checker(goal, key=None).check() == judge_goal(goal)


def test_one_mistake_is_partial_in_the_widget_too():
    """Is a goal with exactly one mistake partial with half the score (the one rubric), not 'incorrect 0.86'?"""
    feedback = wp.goal_checker("어르신이 운동을 한다", key=None).check()
    assert feedback.status is Status.PARTIAL and feedback.score == 0.5


# --------------------------------------------------------------------------- goal_checker


def test_goal_checker_shape_matches_the_browser_test():
    """Has the checker the class, the placeholder, the exact button labels and a feedback area?"""
    box = wp.goal_checker()
    assert isinstance(box, w.VBox)
    assert "casework-goal-checker" in box._dom_classes
    texts = _find(box, w.Text)
    assert texts[0].placeholder.startswith("목표를 입력하세요")
    assert len(texts) == 2 and texts[1] is box.owner
    buttons = _find(box, w.Button)
    assert [b.description for b in buttons] == ["목표 점검", "힌트", "풀이 보기"]
    assert box.feedback_area in _find(box, w.HTML)


def test_clicking_the_button_shows_the_mistake():
    """Does typing a goal and clicking '목표 점검' put the finding into the feedback area?"""
    box = wp.goal_checker()
    box.goal.value = "도시락 배달 서비스를 연계한다"
    box.button.click()
    assert "data-status='incorrect'" in box.feedback_area.value
    assert M.WORKER_TASK.value in box.feedback_area.value


def test_checker_uses_the_owner_box():
    """Does text in the owner box reach the judge?"""
    goal = "3개월 안에 주 2회 이상 경로당 모임에 나간다"
    assert wp.goal_checker(value=goal, owner="어르신").check() == judge_goal(goal, owner="어르신")
    box = wp.goal_checker(value=goal, owner="어르신")
    assert box.check().passed
    assert "data-status='correct'" in box.feedback_area.value


def test_checker_keeps_the_goal_and_owner_after_a_rerun():
    """Are the goal and owner saved on 목표 점검 and back in the boxes when the cell runs again?"""
    box = wp.goal_checker()
    box.goal.value, box.owner.value = "3개월 안에 주 2회 이상 경로당 모임에 나간다", "어르신"
    box.check()
    again = wp.goal_checker()
    assert (again.goal.value, again.owner.value) == ("3개월 안에 주 2회 이상 경로당 모임에 나간다", "어르신")
    assert wp.goal_checker(key=("ch06", "practice-goal")).goal.value == ""  # another checker, its own answer


# --------------------------------------------------------------------------- chapter 06 widgets


def test_sort_widget_uses_the_quiz_judge_with_the_column_meanings():
    """Does the sorting widget give the quiz judge's verdict, explaining the chosen column?"""
    from casework.judging.quiz import judge

    box = wp.pdn_sort_widget("sick_child")
    _find(box, w.Dropdown)[0].value = "욕구"
    feedback = box.check()
    assert feedback == judge(box.question, box.quiz.read_answer())


def test_sort_widget_reveals_the_plan_again_after_a_rerun():
    """Once answered, is the textbook's plan shown straight away when the cell runs again?"""
    box = wp.pdn_sort_widget("sick_child")
    _find(box, w.Dropdown)[0].value = "욕구"
    box.check()
    assert "병원치료를 받는 날" in wp.pdn_sort_widget("sick_child").reveal.value


def test_sort_widget_reveals_the_plan_only_after_an_answer():
    """Is the textbook's plan hidden until the learner checks an actual answer?"""
    box = wp.pdn_sort_widget("sick_child")
    assert box.reveal.value == ""
    box.check()
    assert box.reveal.value == ""  # nothing chosen yet: unanswered
    drops = _find(box, w.Dropdown)
    drops[0].value = "욕구"
    box.check()
    assert "6개월 안에 병원치료를 받는 날이 지금보다 30% 줄어듦" in box.reveal.value


def test_sort_widget_button_click_reveals_too():
    """Does a real click on 확인 (not just check()) reveal the plan?"""
    box = wp.pdn_sort_widget("low_grades")
    for drop in _find(box, w.Dropdown):
        drop.value = "문제"
    box.quiz.button.click()
    assert "학습진단 검사" in box.reveal.value
    assert "data-status='partial'" in box.quiz.feedback_area.value


def test_sort_widget_has_one_dropdown_per_statement():
    """Is there one dropdown per statement built from the case file?"""
    box = wp.pdn_sort_widget("drinking_violence")
    assert len(_find(box, w.Dropdown)) == len(box.question.items) == 10


def test_practice_widget_judges_need_and_goal():
    """Does the fifth-case widget judge the need with the exercise's need judge and check the goal?"""
    box = wp.practice_case_widget()
    box.need.text.value = "돌봄 서비스 받고 싶어요"
    assert box.need.check() == judge_need("돌봄 서비스 받고 싶어요")
    assert "욕구가 아니라" in box.need.feedback_area.value
    box.goal.goal.value = "학습지를 연계한다"
    assert not box.goal.check().passed
    assert box.answer.value == ""
    box.show_answer()
    assert "(손녀의) 학교생활 적응의 욕구" in box.answer.value


def _good_form():
    return plan_to_form(pdn.practice_service_plan())


def test_plan_form_names_are_the_judging_layers():
    """Are the form functions chapter 07 imports the judging layer's own?"""
    assert (wp.plan_form_feedback, wp.export_plan, wp.plan_to_form) == (plan_form_feedback, export_plan, plan_to_form)


def test_form_buttons_save_through_plan_files(tmp_path, monkeypatch):
    """Does the form's file button use casework.export.notebook.plan_files (one code path, no copy)?"""
    calls = []
    monkeypatch.setattr(wp, "plan_files", lambda plan, folder=None: calls.append((plan, folder)) or
                        __import__("casework.export.notebook", fromlist=["Saved"]).Saved([]))
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.files_button.click()
    assert calls == [(pdn.practice_service_plan(), tmp_path)]


# --------------------------------------------------------------------------- the form widget


def test_form_widget_gives_the_judges_verdict_with_the_ladder(tmp_path):
    """Does 계획표 확인 give plan_form_feedback's verdict, with 힌트 and 풀이 보기 offered on errors?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.items[0]["start"].value = "3월 3일"
    header = {name: b.value for name, b in box.header.items()}
    rows = [wp._read_item(f) for f in box.items]
    assert box.check() == plan_form_feedback(header, rows)[0]
    assert box.hint_button.layout.display != "none" and box.solution_button.layout.display != "none"


def test_form_widget_comes_back_after_a_rerun(tmp_path):
    """Is a blank form filled again from the saved answer (and a given plan left as given)?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.header["case_number"].value = "연습-2025-999"
    box.add_item()
    box.items[-1]["objective"].value = "어르신이 3개월 안에 주 1회 경로당에 나간다"
    box.check()
    again = wp.service_plan_form(folder=tmp_path)
    assert again.header["case_number"].value == "연습-2025-999"
    assert len(again.items) == 4 and again.items[-1]["objective"].value.startswith("어르신이 3개월")
    given = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    assert given.header["case_number"].value != "연습-2025-999" and len(given.items) == 3


def test_form_widget_prefills_checks_and_previews(tmp_path):
    """Does a pre-filled form check cleanly and show the printable HTML with the consent?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    assert len(box.items) == 3
    assert box.check().passed
    assert "서비스제공 계획 및 점검표" in box.preview.value
    assert "2025년 3월 3일부터" in box.preview.value


def test_form_widget_shows_errors_and_clears_preview(tmp_path):
    """Does a bad date show a Korean error and no preview?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.items[0]["start"].value = "3월 3일"
    feedback = box.check()
    assert feedback.status is Status.INCORRECT
    assert "연, 월, 일 순서로" in box.feedback_area.value
    assert box.preview.value == ""


def test_form_widget_add_and_remove_items(tmp_path):
    """Do '항목 추가' and '마지막 항목 지우기' change the number of rows?"""
    box = wp.service_plan_form(folder=tmp_path, key=None)
    assert len(box.items) == 1
    box.add_item()
    assert len(box.items) == 2
    box.remove_item()
    box.remove_item()
    box.remove_item()  # nothing left: no error
    assert len(box.items) == 0
    assert any("하나 이상" in p for p in box.check().points)


def test_files_button_writes_three_files_with_links(tmp_path):
    """Does '파일로 저장' check the form and write .xlsx, .hwpx and .html with a download link each?"""
    from casework import plan_export
    from casework.planning import ServicePlan

    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    saved = box.save_files()
    assert sorted(p.suffix for p in saved.files) == [".html", ".hwpx", ".xlsx"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in saved.files)
    by_suffix = {p.suffix: p for p in saved.files}
    assert ServicePlan.from_excel(by_suffix[".xlsx"]) == box.state["plan"] == pdn.practice_service_plan()
    assert plan_export.from_hwpx(by_suffix[".hwpx"]) == box.state["plan"]
    for path in saved.files:
        assert f"download='{path.name}'" in box.save_area.value
    assert "저장했습니다" in box.save_area.value
    again = box.save_files()
    assert len(list(tmp_path.iterdir())) == 6 and set(again.files).isdisjoint(saved.files), "a file was replaced"


def test_files_button_writes_nothing_for_a_plan_with_errors(tmp_path):
    """Is nothing written, and a Korean reason shown, when the form has errors?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.header["client_name"].value = ""
    assert box.save_files().status is Status.INCORRECT
    assert list(tmp_path.iterdir()) == []
    assert "파일을 만들지 않았습니다" in box.save_area.value and "고칠 칸" in box.save_area.value


def test_files_button_shows_a_missing_folder_in_korean(tmp_path):
    """Is a folder that does not exist a Korean message in the widget, not a traceback?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path / "없는 폴더")
    feedback = box.save_files()
    assert feedback.status is Status.INCORRECT and "저장할 폴더가 없습니다" in box.save_area.value


def test_example_button_fills_a_blank_form_at_once(tmp_path):
    """Does '예시 계획표로 채우기' fill a blank form with the worked example, which then checks cleanly?"""
    box = wp.service_plan_form(folder=tmp_path, key=None)
    assert box.fill_example() is True
    header, rows = plan_to_form(pdn.practice_service_plan())
    assert {n: b.value for n, b in box.header.items()} == {n: header.get(n, "") for n in box.header}
    assert [wp._read_item(f) for f in box.items] == [{k: r.get(k, "") for k in wp.ITEM_FIELDS} for r in rows]
    assert box.check().passed and box.confirm_row.layout.display == "none"


def test_example_button_asks_before_replacing_entries(tmp_path):
    """With entries in the form, is the example put in only after '예, 예시로 바꿉니다', and kept on '아니요'?"""
    box = wp.service_plan_form(folder=tmp_path, key=None)
    box.header["client_name"].value = "최○○"
    box.items[0]["objective"].value = "손녀가 3개월 안에 주 4일 이상 등교한다"
    assert box.fill_example() is False
    assert box.confirm_row.layout.display == "" and "지워집니다" in box.confirm_row.children[0].value
    box.cancel_example()
    assert box.confirm_row.layout.display == "none"
    assert box.items[0]["objective"].value == "손녀가 3개월 안에 주 4일 이상 등교한다" and len(box.items) == 1
    box.fill_example()
    box.confirm_yes.click()
    assert len(box.items) == 3 and box.header["client_name"].value != "최○○"
    assert box.confirm_row.layout.display == "none"


def test_example_fill_survives_a_reopen(tmp_path):
    """Is the example-filled form saved (progress file) and back when the cell runs again?"""
    box = wp.service_plan_form(folder=tmp_path)
    box.example_button.click()
    again = wp.service_plan_form(folder=tmp_path)
    assert len(again.items) == 3
    assert again.header["case_number"].value == box.header["case_number"].value != ""


def test_form_widget_reads_dropdowns(tmp_path):
    """Do the priority, times-per-week and result dropdowns reach the plan?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.items[0]["priority"].value = "4"
    box.items[0]["times_per_week"].value = "3"
    box.items[0]["result"].value = "연장"
    box.check()
    item = box.state["plan"].items[0]
    assert (item.priority, item.times_per_week, item.result.value) == (4, 3, "연장")
    assert item.start == date(2025, 3, 3)


# --------------------------------------------------------------------------- chapter 07 quiz


def test_ch07_quiz_uses_the_library_lists():
    """Does the ch07 quiz use the seven mistakes in order, the textbook examples and the three steps?"""
    from casework.planning import ASSESSMENT_STEPS, GoalType
    from casework.quiz import load_quiz

    ch07 = load_quiz("ch07")
    mistakes = ch07.question("mistakes")
    assert mistakes.categories == [m.value for m in PlanningMistake]
    assert {i.category for i in mistakes.items} == set(mistakes.categories)
    assert all(i.why for i in mistakes.items)
    lefts = {p.left for p in ch07.question("goal_types").pairs}
    assert lefts == {", ".join(t.examples) for t in GoalType}
    steps = ch07.question("steps").items
    assert [s.split(" — ")[0] for s in steps] == [s.title for s in ASSESSMENT_STEPS]


# The ch07 quiz follows the lead's reading of mistakes 1 and 2 (a service received is 1, a
# single service's delivery target is 2); check_goal is being rewritten to it on another
# branch. Until then it disagrees on exactly these items; empty this set when it agrees.
_CHECKER_NOT_YET_ON_THE_READING: set[str] = set()


def test_ch07_quiz_items_agree_with_the_goal_checker():
    """Is each sorted goal flagged by the checker with the quiz's answer among its findings?"""
    from casework.quiz import load_quiz

    disagree = {
        item.text for item in load_quiz("ch07").question("mistakes").items
        if item.category not in [f.mistake.value for f in check_goal(item.text)]
    }
    assert disagree == _CHECKER_NOT_YET_ON_THE_READING
    good = load_quiz("ch07").question("good_goal")
    right = next(o.text for o in good.options if o.correct)
    assert check_goal(right) == []
    assert all(check_goal(o.text) for o in good.options if not o.correct)
