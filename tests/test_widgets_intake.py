"""Tests for casework.widgets.intake: do the chapter 04 widgets wire their controls to the
judges exercise 04 uses (judging.triage, judging.questions), with the ladder and saved answers?"""

import pytest

pytest.importorskip("ipywidgets")

from casework import progress, quiz
from casework.assessment import ProcessingType
from casework.judging.feedback import Status
from casework.judging.questions import judge_question
from casework.judging.quiz import judge as judge_quiz
from casework.judging.triage import judge_intake_stories
from casework.widgets import intake

P = ProcessingType
RIGHT = {"가": P.CASE_MANAGEMENT_REFERRAL, "나": P.BENEFIT_APPLICATION,
         "다": P.OTHER_AGENCY_INFORMATION, "라": P.SERVICE_APPLICATION}


def test_chapter_names_are_the_judging_layers_judges():
    """Are the names chapter 04 imports (judge_triage, judge_question) the judging layer's own?"""
    assert intake.judge_triage is judge_intake_stories
    assert intake.judge_question is judge_question


def test_triage_widget_untouched_is_unanswered():
    """Does pressing 확인 before choosing show 'not answered' (the blank option is no answer)?"""
    box = intake.triage_widget()
    assert box.check().status is Status.UNANSWERED
    assert "아직 답하지 않았습니다" in box.feedback_area.value


def test_triage_widget_routes_dropdowns_to_the_judge():
    """Does choosing every right type and clicking give the judge's correct verdict?"""
    box = intake.triage_widget()
    for story_id, drop in box.dropdowns.items():
        drop.value = RIGHT[story_id].label
    box.button.click()
    assert "data-status='correct'" in box.feedback_area.value


def test_a_wrong_type_shows_the_judges_feedback_and_the_answer_only_at_the_solution():
    """Is a wrong type's feedback the judge's own, with the right type only after 풀이 보기?"""
    box = intake.triage_widget()
    box.dropdowns["가"].value = P.BENEFIT_APPLICATION.label
    fb = box.check()
    assert fb == judge_intake_stories({"가": P.BENEFIT_APPLICATION.label})
    assert "③ 서비스연계" not in box.feedback_area.value
    box.solution()
    assert "③ 서비스연계" in box.feedback_area.value


def test_triage_answers_come_back_after_a_rerun():
    """Are the chosen types saved and put back into the dropdowns when the cell runs again?"""
    box = intake.triage_widget()
    box.dropdowns["나"].value = P.BENEFIT_APPLICATION.label
    box.check()
    assert progress.saved_entry("ch04", "triage")["answer"]["나"] == P.BENEFIT_APPLICATION.label
    again = intake.triage_widget()
    assert again.dropdowns["나"].value == P.BENEFIT_APPLICATION.label
    assert again.dropdowns["가"].value == intake._BLANK


@pytest.mark.parametrize("question", ["병원비가 없으시죠?", "요즘 어떻게 지내시나요", "아이가 공부를 잘 못합니다."])
def test_question_checker_gives_the_exercise_verdict(question):
    """Does the chapter's checker give exactly the exercise judge's verdict (the review's drift cases)?"""
    box = intake.question_checker(question)
    assert box.check() == judge_question(question)


def test_question_checker_shows_the_finding_and_the_hints_on_request():
    """Does the checker show the finding for a why question, and its hints after 힌트?"""
    box = intake.question_checker()
    box.text.value = "왜 약을 안 드셨어요?"
    box.check()
    assert "data-status" in box.feedback_area.value and "힌트:" not in box.feedback_area.value
    box.hint()
    assert "힌트:" in box.feedback_area.value


def test_question_checker_keeps_the_typed_question():
    """Is the typed question saved and shown again when the checker is made again?"""
    box = intake.question_checker()
    box.text.value = "요즘 하루를 어떻게 보내세요?"
    box.check()
    assert intake.question_checker().text.value == "요즘 하루를 어떻게 보내세요?"


def test_question_checker_refuses_a_non_text_start_value():
    """Is a non-text start value refused in Korean?"""
    from casework.errors import CaseworkError

    with pytest.raises(CaseworkError, match="글"):
        intake.question_checker(3)


def test_chapter_quiz_loads_and_its_right_answers_pass():
    """Does ch04.yaml load, and does every question accept its own right answer?"""
    for question in quiz.load_quiz("ch04").questions:
        assert judge_quiz(question, question.right_answer()).passed, question.id
