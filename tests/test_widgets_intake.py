"""Tests for casework.widgets.intake: are intake stories triaged and questions checked with
specific feedback, and do the widgets route input to those judges without a browser?"""

import pytest

pytest.importorskip("ipywidgets")

from casework import quiz  # noqa: E402
from casework.assessment import INTAKE_CAUTIONS, ProcessingType  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.interview import LISTENING_PRINCIPLE, QuestionMistake  # noqa: E402
from casework.widgets import intake  # noqa: E402

P = ProcessingType
EXPECTED = {
    "가": P.CASE_MANAGEMENT_REFERRAL,
    "나": P.BENEFIT_APPLICATION,
    "다": P.OTHER_AGENCY_INFORMATION,
    "라": P.SERVICE_APPLICATION,
}


# ----------------------------------------------------------------------------- the stories


def test_each_story_lands_in_a_different_type():
    """Do the four stories cover the four 처리유형, one each, by the workbook rule?"""
    assert {s.id: s.triage().processing_type for s in intake.intake_stories()} == EXPECTED


def test_stories_gather_all_four_kinds_of_information():
    """Has every story current and potential problems, strengths and weaknesses recorded?"""
    for story in intake.intake_stories():
        assert story.information.is_complete, story.id
        assert story.narrative and story.title


def test_story_names_are_masked():
    """Are the people in the stories fictional, with masked names (○○)?"""
    assert all("○○" in s.title for s in intake.intake_stories())


def test_intake_story_lookup_and_unknown_id():
    """Is a story found by id, and an unknown id refused listing the ids?"""
    assert intake.intake_story("다").summary.other_agency_programme
    with pytest.raises(CaseworkError, match="가, 나, 다, 라"):
        intake.intake_story("마")


@pytest.mark.parametrize("value, expected", [
    (P.SERVICE_APPLICATION, P.SERVICE_APPLICATION),
    ("복지급여 신청", P.BENEFIT_APPLICATION),
    ("③ 서비스연계 및 사례관리 의뢰", P.CASE_MANAGEMENT_REFERRAL),
    ("OTHER_AGENCY_INFORMATION", P.OTHER_AGENCY_INFORMATION),
    (None, None), ("", None), ("— 고르세요 —", None),
])
def test_parse_processing_type(value, expected):
    """Are the enum, its name, its circled label and blanks all read correctly?"""
    assert intake.parse_processing_type(value) is expected


@pytest.mark.parametrize("bad", ["사례관리", 3, ["복지급여 신청"]])
def test_parse_processing_type_refuses_unknown(bad):
    """Is an unknown 처리유형 refused with the four labels listed?"""
    with pytest.raises(CaseworkError, match="① 복지급여 신청"):
        intake.parse_processing_type(bad)


# ----------------------------------------------------------------------------- judge_triage


def test_all_right_is_correct_with_reasons_and_cautions():
    """Does a fully right answer pass, explain each story and carry both cautions?"""
    fb = intake.judge_triage({k: v.label for k, v in EXPECTED.items()})
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert "4개 가운데 4개" in fb.summary
    story_points = [p for p in fb.points if p.startswith("이야기")]
    assert len(story_points) == 4 and all("맞습니다" in p for p in story_points)
    assert "복합적 욕구" in story_points[0]            # 가: reasons from triage_intake
    assert "신용회복위원회" in story_points[2]          # 다: the other agency is named
    assert all(c in fb.points[-1] for c in INTAKE_CAUTIONS)


def test_complex_story_sent_to_benefit_gets_the_complexity_hint():
    """Does sending the tangled story to a benefit say the problems are connected?"""
    answers = {k: v.label for k, v in EXPECTED.items()} | {"가": P.BENEFIT_APPLICATION.label}
    fb = intake.judge_triage(answers)
    assert fb.status is Status.PARTIAL and fb.score == 0.75
    point = next(p for p in fb.points if p.startswith("이야기 가"))
    assert "① 복지급여 신청" in point and "③ 서비스연계 및 사례관리 의뢰" in point
    assert "복합성" in point and "수입 ↔ 허리 치료" in point


def test_simple_story_sent_to_case_management_gets_the_not_complex_hint():
    """Does sending a single-need story to case management say it is not complex?"""
    fb = intake.judge_triage({"라": P.CASE_MANAGEMENT_REFERRAL})
    point = next(p for p in fb.points if p.startswith("이야기 라"))
    assert "얽혀 있지 않습니다" in point and "② 복지서비스 신청" in point


def test_other_agency_story_kept_here_gets_the_support_hint():
    """Does keeping the debt story here point at 지원가능성?"""
    fb = intake.judge_triage({"다": P.SERVICE_APPLICATION})
    point = next(p for p in fb.points if p.startswith("이야기 다"))
    assert "지원가능성" in point and "④ 타기관 사업 정보 제공" in point


def test_sending_away_what_can_be_helped_here_warns_about_refusal():
    """Does sending the income story to another agency warn that it feels like a refusal?"""
    fb = intake.judge_triage({"나": P.OTHER_AGENCY_INFORMATION})
    point = next(p for p in fb.points if p.startswith("이야기 나"))
    assert "거절당했다" in point


def test_benefit_and_service_confused_points_at_problem_type():
    """Does mixing up ① and ② point at the type of problem?"""
    fb = intake.judge_triage({"나": P.SERVICE_APPLICATION})
    point = next(p for p in fb.points if p.startswith("이야기 나"))
    assert "문제의 유형" in point


def test_all_wrong_is_incorrect():
    """Is an answer with every story wrong marked incorrect with score 0?"""
    wrong = {"가": P.SERVICE_APPLICATION, "나": P.SERVICE_APPLICATION,
             "다": P.BENEFIT_APPLICATION, "라": P.BENEFIT_APPLICATION}
    fb = intake.judge_triage(wrong)
    assert fb.status is Status.INCORRECT and fb.score == 0


def test_partly_answered_names_the_blank_stories():
    """Are stories left blank named as not chosen yet?"""
    fb = intake.judge_triage({"가": P.CASE_MANAGEMENT_REFERRAL, "나": None})
    assert "3개는 아직 고르지 않았습니다" in fb.summary
    assert any(p == "이야기 나: 아직 고르지 않았습니다." for p in fb.points)


@pytest.mark.parametrize("blank", [{}, {"가": None}, {"가": "", "나": "— 고르세요 —"}])
def test_nothing_chosen_is_unanswered(blank):
    """Is an answer with no type chosen 'unanswered', not an error?"""
    assert intake.judge_triage(blank).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    (["가"], "사전"), ("가", "사전"), ({"마": P.SERVICE_APPLICATION}, "없는 이야기"),
    ({"가": "상담"}, "처리유형"),
])
def test_judge_triage_bad_input(bad, match):
    """Are malformed answers refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        intake.judge_triage(bad)


# ----------------------------------------------------------------------------- judge_question


def test_clean_open_question_is_praised():
    """Is a clean open question praised, with the 20/80 listening reminder?"""
    fb = intake.judge_question("요즘 하루를 어떻게 보내세요?")
    assert fb.status is Status.CORRECT and fb.passed
    assert "열린 질문" in fb.summary
    assert LISTENING_PRINCIPLE in fb.points
    assert any("휴리스틱" in p for p in fb.points)


@pytest.mark.parametrize("question, mistake", [
    ("많이 힘드셨죠?", QuestionMistake.LEADING),
    ("도와주는 분이 있으세요?", QuestionMistake.CLOSED_WHEN_INFO_NEEDED),
    ("식사는 어떻게 하시고 병원은 누구랑 가세요?", QuestionMistake.MULTIPLE),
    ("왜 약을 안 드셨어요?", QuestionMistake.WHY_INTERROGATION),
])
def test_question_mistakes_are_named(question, mistake):
    """Does a question with a mistake get that mistake named, with the rule's rewrite advice?"""
    fb = intake.judge_question(question)
    assert fb.status is Status.INCORRECT and fb.score == 0
    assert mistake.value in fb.summary
    assert any("예:" in p for p in fb.points)


def test_two_mistakes_are_counted():
    """Does a question with two mistakes say two?"""
    fb = intake.judge_question("식사는 잘 하시고 잠은 잘 주무세요?")
    assert "2가지" in fb.summary


def test_every_verdict_reminds_of_the_unchecked_mistakes():
    """Do both a faulty and a clean question remind that timing and relevance are not checked?"""
    for q in ("요즘 어떻게 지내세요?", "왜 그러셨어요?"):
        assert intake.UNCHECKED_REMINDER in intake.judge_question(q).points
    assert QuestionMistake.BAD_TIMING.value in intake.UNCHECKED_REMINDER
    assert QuestionMistake.IRRELEVANT.value in intake.UNCHECKED_REMINDER


def test_no_question_mark_is_only_partial():
    """Is a clean text without a question mark only partly credited, asking for a '?'?"""
    fb = intake.judge_question("지난 한 주 이야기를 들려주세요")
    assert fb.status is Status.PARTIAL and fb.score == 0.5
    assert "물음표" in fb.summary


@pytest.mark.parametrize("blank", ["", "   "])
def test_blank_question_is_unanswered(blank):
    """Is an empty question 'unanswered', not an error?"""
    assert intake.judge_question(blank).status is Status.UNANSWERED


@pytest.mark.parametrize("bad", [None, 3, ["질문"]])
def test_non_text_question_refused(bad):
    """Is a question that is not text refused?"""
    with pytest.raises(CaseworkError, match="질문"):
        intake.judge_question(bad)


# ----------------------------------------------------------------------------- widgets


def test_triage_widget_untouched_is_unanswered():
    """Does pressing 확인 before choosing show 'not answered'?"""
    box = intake.triage_widget()
    assert set(box.dropdowns) == set(EXPECTED)
    assert box.check().status is Status.UNANSWERED
    assert "data-status='unanswered'" in box.feedback_area.value


def test_triage_widget_routes_dropdowns_to_the_judge():
    """Does choosing every right type in the dropdowns and clicking give a correct verdict?"""
    box = intake.triage_widget()
    for sid, drop in box.dropdowns.items():
        drop.value = EXPECTED[sid].label
    button = next(c for c in box.children if type(c).__name__ == "Button")
    button.click()
    assert "data-status='correct'" in box.feedback_area.value


def test_question_checker_shows_the_finding():
    """Does the text checker show the why-interrogation finding for a why question?"""
    box = intake.question_checker()
    box.text.value = "왜 병원에 안 가셨어요?"
    fb = box.check()
    assert fb.status is Status.INCORRECT
    assert QuestionMistake.WHY_INTERROGATION.value in box.feedback_area.value


def test_question_checker_starts_with_a_given_question():
    """Does the checker start with the given text, and refuse a non-text start value?"""
    assert intake.question_checker("요즘 어떠세요?").text.value == "요즘 어떠세요?"
    with pytest.raises(CaseworkError, match="value"):
        intake.question_checker(3)


# ----------------------------------------------------------------------------- chapter quiz


def test_chapter_quiz_loads_and_its_right_answers_pass():
    """Does ch04.yaml load, and does every question accept its own right answer?"""
    q = quiz.load_quiz("ch04")
    assert len(q.questions) >= 6
    for question in q.questions:
        assert quiz.judge(question, question.right_answer()).passed, question.id
