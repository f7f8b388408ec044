"""Tests for casework.judging.plan_form: the ①–⑮ form built from what a learner typed, judged
row by row, with the goal checker on each ③ objective; and saving it as .xlsx.

All people and values are fictional (김○○, 연습-2025-001, 1953-01-01).
"""

from __future__ import annotations

import pytest

from casework import pdn
from casework.errors import CaseworkError
from casework.judging import plan_form as pf
from casework.judging.feedback import Level, Status
from casework.judging.goals import judge_goal
from casework.planning import ServicePlan

# --------------------------------------------------------------------------- plan form: plain functions


def _good_form():
    return pf.plan_to_form(pdn.practice_service_plan())


def test_form_round_trip_builds_the_same_plan():
    """Does the text of a plan, fed back through the form, give the same plan?"""
    header, rows = _good_form()
    assert header["birth_date"] == "1953-01-01"
    assert rows[0]["priority"] == "1" and rows[0]["result"] == ""
    feedback, plan = pf.plan_form_feedback(header, rows)
    assert feedback.passed, feedback
    assert plan == pdn.practice_service_plan()


def test_form_lists_every_bad_row():
    """Does the feedback name the header problem and each bad row, and build no plan?"""
    header, rows = _good_form()
    header["case_number"] = ""
    rows[0]["start"] = "2025-13-01"
    rows[1]["priority"] = "둘"
    rows[2]["end"] = "2025-03-01"
    rows.append({name: "" for name in pf.ITEM_FIELDS})
    feedback, plan = pf.plan_form_feedback(header, rows)
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
    feedback, plan = pf.plan_form_feedback(header, [])
    assert plan is None and "하나 이상" in feedback.points[0]


def test_form_with_weak_objective_is_built_but_flagged():
    """Does a valid plan whose ③ objective trips the goal checks come back PARTIAL, with the plan?"""
    header, rows = _good_form()
    rows[0]["objective"] = "학교사회복지사 상담을 연계한다"
    feedback, plan = pf.plan_form_feedback(header, rows)
    assert feedback.status is Status.PARTIAL and feedback.score == 0.5 and isinstance(plan, ServicePlan)
    assert "1번째 항목의 ③ 개입목표" in feedback.points[0]
    assert judge_goal(rows[0]["objective"]).summary in feedback.points[0]  # the goal checker's own words


def test_form_numbers_are_decimal_digits():
    """Is a circled '①' refused in Korean (int() cannot read it), while a full-width '２' reads as 2?"""
    header, rows = _good_form()
    rows[0]["priority"] = "①"
    feedback, plan = pf.plan_form_feedback(header, rows)
    assert plan is None and "⑤ 우선순위에는 숫자만 적으세요(예: 2). 받은 값: '①'" in feedback.points[0]
    rows[0]["priority"] = "２"
    feedback, plan = pf.plan_form_feedback(header, rows)
    assert feedback.passed and plan.items[0].priority == 2


def test_form_optional_fields_may_stay_blank():
    """Do blank dates, times and result become 'not given' rather than errors?"""
    header = {"case_number": "연습-1", "client_name": "김○○", "case_manager": "박○○"}
    rows = [{"objective": "어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다", "service": "경로당 안내",
             "priority": "1", "start": "", "end": "", "times_per_week": "", "result": ""}]
    feedback, plan = pf.plan_form_feedback(header, rows)
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
        feedback, plan = pf.plan_form_feedback(header, rows)
    except CaseworkError as err:
        assert message in str(err)
    else:
        assert plan is None and any(message in p for p in feedback.points)


def test_unknown_item_field_is_reported():
    """Is a row with a field the form does not have reported?"""
    header, rows = _good_form()
    rows[0]["colour"] = "빨강"
    feedback, plan = pf.plan_form_feedback(header, rows)
    assert plan is None and "알 수 없는 칸" in feedback.points[0]


def test_plan_to_form_refuses_non_plans():
    """Is something other than a ServicePlan refused?"""
    with pytest.raises(CaseworkError):
        pf.plan_to_form({"case_number": "1"})


# --------------------------------------------------------------------------- export


def test_export_writes_a_readable_workbook(tmp_path):
    """Does export write an .xlsx that reads back as the same plan?"""
    plan = pdn.practice_service_plan()
    feedback = pf.export_plan(plan, "내_계획표.xlsx", tmp_path)
    assert feedback.passed
    assert (tmp_path / "내_계획표.xlsx").is_file()
    assert ServicePlan.from_excel(tmp_path / "내_계획표.xlsx") == plan
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file left


def test_export_refuses_to_overwrite_and_says_so(tmp_path):
    """Is an existing file left alone without the overwrite box, and replaced with it?"""
    target = tmp_path / "계획.xlsx"
    target.write_bytes(b"old")
    feedback = pf.export_plan(pdn.practice_service_plan(), "계획.xlsx", tmp_path)
    assert feedback.status is Status.INCORRECT
    assert "이미 있어서 저장하지 않았습니다" in feedback.summary
    assert target.read_bytes() == b"old"
    feedback = pf.export_plan(pdn.practice_service_plan(), "계획.xlsx", tmp_path, overwrite=True)
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
        pf.export_plan(pdn.practice_service_plan(), name, tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_export_refuses_missing_folder_plan_and_bad_flag(tmp_path):
    """Are a missing folder, a missing plan and a non-bool overwrite refused?"""
    plan = pdn.practice_service_plan()
    with pytest.raises(CaseworkError, match="폴더가 없습니다"):
        pf.export_plan(plan, "a.xlsx", tmp_path / "없음")
    with pytest.raises(CaseworkError, match="계획표"):
        pf.export_plan("계획표 아님", "a.xlsx", tmp_path)
    with pytest.raises(CaseworkError, match="overwrite"):
        pf.export_plan(plan, "a.xlsx", tmp_path, overwrite="yes")


def test_every_verdict_carries_hints_and_a_model_row():
    """Do right, partial and wrong forms all carry the hints and a model row at 풀이 보기?"""
    header, rows = _good_form()
    for feedback, _ in (pf.plan_form_feedback(header, rows), pf.plan_form_feedback(header, [])):
        assert feedback.hints == pf.PLAN_FORM_HINTS
        assert "③ 개입목표" in feedback.solution and "풀이:" in feedback.to_text(Level.SOLUTION)


def test_the_model_row_passes_the_goal_checker():
    """Is the objective shown as the model answer one the goal checker itself passes?"""
    objective = pdn.practice_service_plan().items[0].objective
    assert judge_goal(objective).passed and objective in pf.plan_form_feedback({}, [])[0].solution


def test_export_refuses_no_plan_with_the_form_message(tmp_path):
    """Is saving without a built plan refused, pointing at the form's errors?"""
    with pytest.raises(CaseworkError, match="고칠 곳이 있어 저장하지 않았습니다"):
        pf.export_plan(None, "a.xlsx", tmp_path)
