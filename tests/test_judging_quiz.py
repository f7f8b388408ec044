"""Tests for casework.judging.quiz: are the four quiz kinds judged like the exercises' choices,
tables and orders, with a ladder that keeps the right answer for 풀이 보기?"""

import pytest

from casework import quiz
from casework.judging.answers import AnswerFormatError
from casework.judging.choice import judge_choice
from casework.judging.feedback import Level, Status
from casework.judging.quiz import KIND_HINTS, judge, question_hints, question_solution
from tests.test_quiz import CAT, CHOICE, MATCH, ORDER

ALL = [CHOICE, MATCH, ORDER, CAT]


@pytest.mark.parametrize("question", ALL, ids=lambda q: q.kind)
@pytest.mark.parametrize("blank", [None, ..., "", "   ", "# 메모만", [], {}])
def test_blank_answers_are_unanswered_not_errors(question, blank):
    """Is a blank answer reported as not answered yet, for every kind, with the ladder attached?"""
    fb = judge(question, blank)
    assert fb.status is Status.UNANSWERED and not fb.passed
    assert fb.hints == KIND_HINTS[question.kind] and fb.solution


def test_choice_right_by_text_number_or_plain_text():
    """Is the right option accepted as the widget's text, its number, or a typed number/name?"""
    for answer in ("가", 1, "1", "1번", "가 "):
        assert judge(CHOICE, answer).passed, answer


def test_a_wrong_choice_says_why_it_does_not_fit_and_never_names_the_right_one():
    """Does a wrong choice get its own 'why' at 확인, and the right option only at 풀이?"""
    wrong = judge(CHOICE, "나")
    assert wrong.status is Status.INCORRECT and wrong.score == 0.0
    assert wrong.points == ("나가 틀린 이유",)
    check = wrong.to_text(Level.CHECK)
    assert "'가'" not in check and "가가 맞는 이유" not in check
    assert "풀이: 가 — 가가 맞는 이유" in wrong.to_text(Level.SOLUTION)


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_no_wrong_choice_reveals_the_right_option_at_check(quiz_id):
    """In every bundled choice question, does no wrong option's feedback at 확인 quote the right option?"""
    for question in quiz.load_quiz(quiz_id).questions:
        if question.kind != "choice":
            continue
        right = question.right_answer()
        for number, option in enumerate(question.options, 1):
            if option.correct:
                continue
            shown = judge(question, number).to_text(Level.CHECK)
            assert f"'{right}'" not in shown, (quiz_id, question.id, option.text)


def test_choice_matches_the_generic_choice_judge():
    """Is a quiz choice judged by the same judge as an exercise choice (same status and score)?"""
    from casework.judging.answers import Choice

    options = [Choice(1, "가"), Choice(2, "나")]
    for answer in (1, 2, "가", "나"):
        generic = judge_choice(answer, options, 1, what="보기")
        mine = judge(CHOICE, answer)
        assert (mine.status, mine.score) == (generic.status, generic.score)


def test_option_texts_that_look_like_numbers_are_read_as_options():
    """Are options such as '50' or '4분의 1' taken as the option, not as option number 50 or 4?"""
    gas = quiz.load_quiz("ch08").question("gas_fifty")
    assert judge(gas, "50").passed
    assert judge(gas, "100").status is Status.INCORRECT
    share = quiz.load_quiz("ch01").question("us_share")
    right = share.right_answer()
    assert judge(share, right).passed


@pytest.mark.parametrize("bad", ["다", 0, 3, "7번", True, 1.5])
def test_choice_refuses_answers_not_among_options(bad):
    """Is an answer outside the options refused with Korean guidance listing the options?"""
    with pytest.raises(AnswerFormatError, match="보기"):
        judge(CHOICE, bad)


def test_match_partial_names_the_wrong_pair_without_the_right_one():
    """Does a half-right matching say which definition was joined wrongly, but not to what it belongs?"""
    fb = judge(MATCH, {"서비스 전달체계 요소의 연결·조정": "NASW (1984)",
                       "공식·비공식 자원의 관계망 조직": "NASW (1984)"})
    assert fb.status is Status.PARTIAL and fb.score == 0.5
    assert len(fb.points) == 1 and "공식·비공식" in fb.points[0] and "'NASW (1984)'와 이었습니다" in fb.points[0]
    assert "Moxley" not in fb.to_text(Level.HINT) and "Moxley" in fb.solution


def test_match_from_plain_text_lines():
    """Can a match be answered as 'left: right' lines, as in an exercise?"""
    text = "서비스 전달체계 요소의 연결·조정: NASW (1984)\n공식·비공식 자원의 관계망 조직: Moxley (1989)"
    assert judge(MATCH, text).passed


def test_match_counts_unknown_left_items_against_the_score():
    """Is an item that is not in the question pointed out and counted as an extra?"""
    fb = judge(MATCH, {"엉뚱한 정의": "NASW (1984)", "서비스 전달체계 요소의 연결·조정": "NASW (1984)",
                       "공식·비공식 자원의 관계망 조직": "Moxley (1989)"})
    assert fb.status is Status.PARTIAL and any("자료에 없는 항목" in p for p in fb.points)


def test_order_points_at_wrong_positions_without_the_right_order():
    """Does a swapped order name the wrong positions, and give the order only at 풀이?"""
    assert judge(ORDER, ["접수", "사정", "종결"]).passed
    assert judge(ORDER, "접수\n사정\n종결").passed
    fb = judge(ORDER, ["사정", "접수", "종결"])
    assert fb.status is Status.PARTIAL and fb.score == pytest.approx(1 / 3)
    assert fb.points[0].startswith("1번째 자리의 '사정'은") and fb.points[1].startswith("2번째 자리의 '접수'는")
    assert fb.solution == "접수 → 사정 → 종결"


def test_order_with_missing_or_repeated_items_is_incorrect():
    """Is an incomplete or repeated order judged incorrect, asking for every item once?"""
    fb = judge(ORDER, ["접수", "접수", "종결"])
    assert fb.status is Status.INCORRECT and any("빠짐없이 한 번씩" in p for p in fb.points)


def test_categorize_says_why_the_chosen_category_does_not_fit():
    """Does a wrong category get a pointer back to the categories, not the item's right category?"""
    fb = judge(CAT, {"병원비가 없다": "문제", "건강회복": "문제"})
    assert fb.status is Status.PARTIAL
    assert "'건강회복'을 '문제'로 나누었습니다" in fb.points[0]
    assert "충족되어야 할 필요성" not in fb.to_text(Level.HINT)
    assert "'건강회복' → 욕구" in fb.solution


def test_categorize_takes_a_why_not_from_the_caller():
    """Can a caller explain a wrong category in its own words (chapter 06 uses the column meanings)?"""
    fb = judge(CAT, {"병원비가 없다": "욕구", "건강회복": "욕구"}, why_not=lambda item, chosen: f"{chosen} 칸의 뜻")
    assert fb.points[0].endswith("욕구 칸의 뜻")


def test_categorize_refuses_unknown_category():
    """Is a category that does not exist pointed out for that item?"""
    fb = judge(CAT, {"병원비가 없다": "바램", "건강회복": "욕구"})
    assert fb.status is Status.PARTIAL and any("분류의 보기에 없습니다" in p for p in fb.points)


def test_question_hints_prefer_the_questions_own():
    """Are a question's own hints used before the kind's general hint?"""
    own = quiz.ChoiceQuestion(kind="choice", id="h", prompt="p", hints=["본문 3쪽"], options=[
        {"text": "a", "correct": True, "why": "w"}, {"text": "b", "why": "w"}])
    assert question_hints(own) == ("본문 3쪽",) and question_hints(CHOICE) == KIND_HINTS["choice"]
    assert question_solution(MATCH).count("→") == 2


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_question_accepts_its_own_right_answer(quiz_id):
    """Does every question of every bundled quiz pass with the answer its own data gives?"""
    for question in quiz.load_quiz(quiz_id).questions:
        assert judge(question, question.right_answer()).passed, f"{quiz_id}/{question.id}"


def test_a_solution_shown_after_a_wrong_choice_never_opens_with_praise():
    """Does 풀이 after a wrong answer never say '맞습니다'?"""
    checked = 0
    for quiz_id in quiz.quiz_ids():
        for question in quiz.load_quiz(quiz_id).questions:
            if question.kind != "choice":
                continue
            wrong = next(o for o in question.options if not o.correct)
            solution = judge(question, wrong.text).to_text(Level.SOLUTION)
            assert "맞습니다" not in solution.split("풀이:", 1)[1], (quiz_id, question.id, solution)
            checked += 1
    assert checked >= 25
