"""Tests for casework.widgets.planning: goal checker, sorting quiz, fifth case, plan form.

All people and values are fictional (김○○, 연습-2025-001, 1953-01-01).
"""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as w  # noqa: E402

from casework import pdn  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.planning import PlanningMistake, ServicePlan, check_goal  # noqa: E402
from casework.widgets import planning as wp  # noqa: E402

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


# --------------------------------------------------------------------------- goal_feedback


def test_worker_task_goal_names_mistake_one_with_the_fix():
    """Does '도시락 배달 서비스를 연계한다' get mistake 1, the evidence and the rewrite advice?"""
    feedback = wp.goal_feedback("도시락 배달 서비스를 연계한다")
    assert feedback.status is Status.INCORRECT
    assert "1번" in feedback.summary
    first = feedback.points[0]
    assert first.startswith("1. " + M.WORKER_TASK.value)
    assert "'연계한다'" in first and "고치기:" in first and "당사자를 주어로" in first
    assert feedback.points[-1].startswith("※")


def test_findings_come_in_textbook_order_with_a_score():
    """Are several findings listed 1 → 7 and scored by how many mistakes were avoided?"""
    feedback = wp.goal_feedback("도시락 배달 서비스를 연계한다")
    numbers = [int(p.split(".")[0]) for p in feedback.points[:-1]]
    assert numbers == sorted(numbers) == [1, 3, 7]
    assert feedback.score == pytest.approx(4 / 7)


def test_good_goal_is_praised_with_a_goal_type():
    """Does a goal with owner, period and level get praise and a goal-type suggestion?"""
    feedback = wp.goal_feedback("남편이 3개월 안에 술 마시는 날이 주 1일 이하로 줄어든다")
    assert feedback.passed
    assert "일곱 가지 실수가 보이지 않습니다" in feedback.summary
    assert any("부정적 행동 변화" in p for p in feedback.points)


def test_owner_box_supplies_the_owner():
    """Does the owner box clear the no-owner finding, and an empty box count as no owner?"""
    goal = "3개월 안에 주 2회 이상 경로당 모임에 나간다"
    assert "3번" in wp.goal_feedback(goal).summary
    assert "3번" in wp.goal_feedback(goal, "   ").summary
    assert wp.goal_feedback(goal, "어르신").passed


def test_each_mistake_can_be_triggered():
    """Can each of the seven mistakes be shown by a typical goal?"""
    cases = {
        M.WORKER_TASK: "사례관리자가 어르신을 병원에 모시고 간다",
        M.SINGLE_SERVICE: "어르신이 3개월 동안 방문간호 서비스를 주 2회 받는다",
        M.NO_OWNER: "3개월 안에 주 2회 이상 경로당 모임에 나간다",
        M.VAGUE_CONCEPT: "어르신의 삶의 질이 좋아진다",
        M.LIFETIME_GOAL: "남편이 평생 술을 끊는다",
        M.UNREACHABLE: "어르신의 병이 완치된다",
        M.NOT_EVALUABLE: "어르신이 운동을 한다",
    }
    for mistake, goal in cases.items():
        feedback = wp.goal_feedback(goal)
        assert any(p.startswith(f"{mistake.number}. {mistake.value}") for p in feedback.points), goal


def test_blank_goal_is_unanswered():
    """Is an empty goal 'not answered yet' rather than an error?"""
    assert wp.goal_feedback("  ").status is Status.UNANSWERED


@pytest.mark.parametrize("goal,owner", [(None, None), (3, None), ("어르신이 걷는다", 5)])
def test_goal_feedback_refuses_non_text(goal, owner):
    """Are a non-string goal or owner refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="글자"):
        wp.goal_feedback(goal, owner)


# --------------------------------------------------------------------------- goal_checker


def test_goal_checker_shape_matches_the_browser_test():
    """Has the checker the class, the placeholder, the exact button label and a feedback area?"""
    box = wp.goal_checker()
    assert isinstance(box, w.VBox)
    assert "casework-goal-checker" in box._dom_classes
    texts = _find(box, w.Text)
    assert texts[0].placeholder.startswith("목표를 입력하세요")
    assert len(texts) == 2 and texts[1] is box.owner
    buttons = _find(box, w.Button)
    assert [b.description for b in buttons] == ["목표 점검"]
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
    box = wp.goal_checker(value="3개월 안에 주 2회 이상 경로당 모임에 나간다", owner="어르신")
    assert box.check().passed
    assert "data-status='correct'" in box.feedback_area.value


# --------------------------------------------------------------------------- chapter 06 widgets


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
    button = _find(box, w.Button)[0]
    button.click()
    assert "학습진단 검사" in box.reveal.value
    assert "data-status='partial'" in box.quiz.feedback_area.value


def test_sort_widget_has_one_dropdown_per_statement():
    """Is there one dropdown per statement built from the case file?"""
    box = wp.pdn_sort_widget("drinking_violence")
    assert len(_find(box, w.Dropdown)) == len(box.question.items) == 10


def test_practice_widget_judges_need_and_goal():
    """Does the fifth-case widget call a demand a demand and check the goal?"""
    box = wp.practice_case_widget()
    box.need.text.value = "돌봄 서비스 받고 싶어요"
    assert box.need.check().status is Status.INCORRECT
    assert "욕구가 아니라" in box.need.feedback_area.value
    box.goal.goal.value = "학습지를 연계한다"
    assert not box.goal.check().passed
    assert box.answer.value == ""
    box.show_answer()
    assert "(손녀의) 학교생활 적응의 욕구" in box.answer.value


# --------------------------------------------------------------------------- plan form: plain functions


def _good_form():
    return wp.plan_to_form(pdn.practice_service_plan())


def test_form_round_trip_builds_the_same_plan():
    """Does the text of a plan, fed back through the form, give the same plan?"""
    header, rows = _good_form()
    assert header["birth_date"] == "1953-01-01"
    assert rows[0]["priority"] == "1" and rows[0]["result"] == ""
    feedback, plan = wp.plan_form_feedback(header, rows)
    assert feedback.passed, feedback
    assert plan == pdn.practice_service_plan()


def test_form_lists_every_bad_row():
    """Does the feedback name the header problem and each bad row, and build no plan?"""
    header, rows = _good_form()
    header["case_number"] = ""
    rows[0]["start"] = "2025-13-01"
    rows[1]["priority"] = "둘"
    rows[2]["end"] = "2025-03-01"
    rows.append({name: "" for name in wp.ITEM_FIELDS})
    feedback, plan = wp.plan_form_feedback(header, rows)
    assert plan is None and feedback.status is Status.INCORRECT
    assert "5군데" in feedback.summary
    text = "\n".join(feedback.points)
    assert "머리말: ① 관리번호" in text
    assert "1번째 서비스 항목: ⑦ 서비스 시작일자" in text
    assert "2번째 서비스 항목: ⑤ 우선순위에는 숫자만" in text
    assert "3번째 서비스 항목: ⑧ 서비스 종료일자" in text
    assert "4번째 서비스 항목이 비어 있습니다" in text


def test_form_needs_at_least_one_item():
    """Is a form with no service rows refused (the workbook's rule)?"""
    header, _ = _good_form()
    feedback, plan = wp.plan_form_feedback(header, [])
    assert plan is None and "하나 이상" in feedback.points[0]


def test_form_with_weak_objective_is_built_but_flagged():
    """Does a valid plan whose ③ objective trips the goal checks come back PARTIAL, with the plan?"""
    header, rows = _good_form()
    rows[0]["objective"] = "학교사회복지사 상담을 연계한다"
    feedback, plan = wp.plan_form_feedback(header, rows)
    assert feedback.status is Status.PARTIAL and isinstance(plan, ServicePlan)
    assert "1번째 항목의 ③ 개입목표" in feedback.points[0]


def test_form_optional_fields_may_stay_blank():
    """Do blank dates, times and result become 'not given' rather than errors?"""
    header = {"case_number": "연습-1", "client_name": "김○○", "case_manager": "박○○"}
    rows = [{"objective": "어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다", "service": "경로당 안내",
             "priority": "1", "start": "", "end": "", "times_per_week": "", "result": ""}]
    feedback, plan = wp.plan_form_feedback(header, rows)
    assert feedback.passed
    item = plan.items[0]
    assert (item.start, item.end, item.times_per_week, item.result) == (None, None, None, None)


@pytest.mark.parametrize("header,rows,message", [
    ("머리말", [], "사전"),
    ({"case_number": "1", "nickname": "x"}, [{}], "알 수 없는 항목"),
    ({}, "rows", "목록"),
])
def test_form_refuses_malformed_input(header, rows, message):
    """Is the wrong shape of header or rows refused or reported in Korean?"""
    try:
        feedback, plan = wp.plan_form_feedback(header, rows)
    except CaseworkError as err:
        assert message in str(err)
    else:
        assert plan is None and any(message in p for p in feedback.points)


def test_unknown_item_field_is_reported():
    """Is a row with a field the form does not have reported?"""
    header, rows = _good_form()
    rows[0]["colour"] = "빨강"
    feedback, plan = wp.plan_form_feedback(header, rows)
    assert plan is None and "알 수 없는 칸" in feedback.points[0]


def test_plan_to_form_refuses_non_plans():
    """Is something other than a ServicePlan refused?"""
    with pytest.raises(CaseworkError):
        wp.plan_to_form({"case_number": "1"})


# --------------------------------------------------------------------------- export


def test_export_writes_a_readable_workbook(tmp_path):
    """Does export write an .xlsx that reads back as the same plan?"""
    plan = pdn.practice_service_plan()
    feedback = wp.export_plan(plan, "내_계획표.xlsx", tmp_path)
    assert feedback.passed
    assert (tmp_path / "내_계획표.xlsx").is_file()
    assert ServicePlan.from_excel(tmp_path / "내_계획표.xlsx") == plan
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_export_refuses_to_overwrite_and_says_so(tmp_path):
    """Is an existing file left alone without the overwrite box, and replaced with it?"""
    target = tmp_path / "계획.xlsx"
    target.write_bytes(b"old")
    feedback = wp.export_plan(pdn.practice_service_plan(), "계획.xlsx", tmp_path)
    assert feedback.status is Status.INCORRECT
    assert "이미 있어서 저장하지 않았습니다" in feedback.summary
    assert target.read_bytes() == b"old"
    feedback = wp.export_plan(pdn.practice_service_plan(), "계획.xlsx", tmp_path, overwrite=True)
    assert feedback.passed and "바꾸어" in feedback.summary
    assert target.read_bytes() != b"old"


@pytest.mark.parametrize("name,message", [
    ("", "파일 이름을 적으세요"),
    ("../밖.xlsx", "폴더를 넣을 수 없습니다"),
    ("sub/계획.xlsx", "폴더를 넣을 수 없습니다"),
    (".숨김.xlsx", "폴더를 넣을 수 없습니다"),
    ("계획.csv", ".xlsx"),
    ("계획", ".xlsx"),
    (None, "파일 이름을 적으세요"),
])
def test_export_refuses_bad_names(tmp_path, name, message):
    """Are names with folders, hidden names or the wrong ending refused, writing nothing?"""
    with pytest.raises(CaseworkError, match=message):
        wp.export_plan(pdn.practice_service_plan(), name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_missing_folder_plan_and_bad_flag(tmp_path):
    """Are a missing folder, a missing plan and a non-bool overwrite refused?"""
    plan = pdn.practice_service_plan()
    with pytest.raises(CaseworkError, match="폴더가 없습니다"):
        wp.export_plan(plan, "a.xlsx", tmp_path / "없음")
    with pytest.raises(CaseworkError, match="계획표"):
        wp.export_plan(None, "a.xlsx", tmp_path)
    with pytest.raises(CaseworkError, match="overwrite"):
        wp.export_plan(plan, "a.xlsx", tmp_path, overwrite="yes")


# --------------------------------------------------------------------------- the form widget


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
    assert "연-월-일" in box.feedback_area.value
    assert box.preview.value == ""


def test_form_widget_add_and_remove_items(tmp_path):
    """Do '항목 추가' and '마지막 항목 지우기' change the number of rows?"""
    box = wp.service_plan_form(folder=tmp_path)
    assert len(box.items) == 1
    box.add_item()
    assert len(box.items) == 2
    box.remove_item()
    box.remove_item()
    box.remove_item()  # nothing left: no error
    assert len(box.items) == 0
    assert any("하나 이상" in p for p in box.check().points)


def test_form_widget_saves_and_refuses_to_overwrite(tmp_path):
    """Does '엑셀로 저장' write the file once and refuse the second time without the box?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.file_name.value = "연습.xlsx"
    assert box.save().passed
    assert (tmp_path / "연습.xlsx").is_file()
    second = box.save()
    assert second.status is Status.INCORRECT and "덮어쓰기" in box.save_area.value
    box.overwrite.value = True
    assert box.save().passed


def test_form_widget_does_not_save_a_bad_plan(tmp_path):
    """Is nothing written when the form has errors?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.header["client_name"].value = ""
    box.file_name.value = "연습.xlsx"
    assert box.save().status is Status.INCORRECT
    assert list(tmp_path.iterdir()) == []


def test_form_widget_reports_a_bad_file_name(tmp_path):
    """Is a bad file name shown as feedback, not raised?"""
    box = wp.service_plan_form(pdn.practice_service_plan(), folder=tmp_path)
    box.file_name.value = "연습.txt"
    feedback = box.save()
    assert feedback.status is Status.INCORRECT and ".xlsx" in box.save_area.value


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
_CHECKER_NOT_YET_ON_THE_READING = {
    "어르신이 3개월 동안 방문목욕 서비스를 주 1회 받는다",
    "어르신이 받는 방문간호 서비스의 이용률 90%를 달성한다",
}


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
