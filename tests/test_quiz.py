"""Tests for casework.quiz and casework.feedback: is each kind judged specifically?"""

import pytest

from casework import quiz
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status

CHOICE = quiz.ChoiceQuestion(kind="choice", id="c1", prompt="고르세요", options=[
    {"text": "가", "correct": True, "why": "가가 맞는 이유"},
    {"text": "나", "why": "나가 틀린 이유"},
])
MATCH = quiz.MatchQuestion(kind="match", id="m1", prompt="연결", pairs=[
    {"left": "서비스 전달체계 요소의 연결·조정", "right": "NASW (1984)"},
    {"left": "공식·비공식 자원의 관계망 조직", "right": "Moxley (1989)", "why": "관계망을 말한 쪽입니다."},
])
ORDER = quiz.OrderQuestion(kind="order", id="o1", prompt="순서", items=[
    "접수", {"text": "사정", "why": "만난 뒤에야 욕구를 살필 수 있습니다."}, "종결"])
CAT = quiz.CategorizeQuestion(kind="categorize", id="k1", prompt="분류", categories=["문제", "욕구"], items=[
    {"text": "병원비가 없다", "category": "문제"},
    {"text": "건강회복", "category": "욕구", "why": "충족되어야 할 필요성입니다."},
])


@pytest.mark.parametrize("question", [CHOICE, MATCH, ORDER, CAT])
@pytest.mark.parametrize("blank", [None, ..., "", "   ", [], {}])
def test_blank_answers_are_unanswered_not_errors(question, blank):
    """Is a blank answer reported as not answered yet, for every kind?"""
    fb = quiz.judge(question, blank)
    assert fb.status is Status.UNANSWERED and not fb.passed


def test_choice_right_and_wrong_explain_themselves():
    """Does a wrong choice explain why it is wrong and name the right one?"""
    assert quiz.judge(CHOICE, "가").passed
    assert quiz.judge(CHOICE, 1).passed
    wrong = quiz.judge(CHOICE, "나")
    assert wrong.status is Status.INCORRECT
    assert wrong.summary == "나가 틀린 이유"
    assert wrong.points == ("정답은 '가'입니다. 가가 맞는 이유",)


def test_a_wrong_pick_is_never_told_맞습니다():
    """Is the right option's opening '맞습니다.' dropped when it is shown after a wrong pick?"""
    q = quiz.ChoiceQuestion(kind="choice", id="c2", prompt="p", options=[
        {"text": "가", "why": "아닙니다."}, {"text": "나", "correct": True, "why": "맞습니다. 교재가 그렇게 말합니다."}])
    assert quiz.judge(q, "가").points == ("정답은 '나'입니다. 교재가 그렇게 말합니다.",)
    assert quiz.judge(q, "나").summary.startswith("맞습니다.")


@pytest.mark.parametrize("bad", ["다", 0, 3, True, 1.5])
def test_choice_refuses_answers_not_among_options(bad):
    """Is an answer outside the options refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="보기"):
        quiz.judge(CHOICE, bad)


def test_match_partial_names_the_wrong_pair():
    """Does a half-right matching say which definition is wrong?"""
    fb = quiz.judge(MATCH, {"서비스 전달체계 요소의 연결·조정": "NASW (1984)",
                            "공식·비공식 자원의 관계망 조직": "NASW (1984)"})
    assert fb.status is Status.PARTIAL and fb.score == 0.5
    assert fb.points == ("'공식·비공식 자원의 관계망 조직'의 짝은 'NASW (1984)'가 아니라 'Moxley (1989)'입니다. "
                         "관계망을 말한 쪽입니다.",)


def test_match_refuses_unknown_left_items():
    """Is an item that is not in the question refused?"""
    with pytest.raises(CaseworkError, match="없는 항목"):
        quiz.judge(MATCH, {"엉뚱한 정의": "NASW (1984)"})


def test_order_points_at_wrong_positions():
    """Does a swapped order name the positions that are wrong?"""
    assert quiz.judge(ORDER, ["접수", "사정", "종결"]).passed
    fb = quiz.judge(ORDER, ["사정", "접수", "종결"])
    assert fb.status is Status.PARTIAL
    assert fb.points == ("1번째 자리의 '사정'은 2번째에 옵니다. 만난 뒤에야 욕구를 살필 수 있습니다.",
                         "2번째 자리의 '접수'는 1번째에 옵니다.")


def test_order_reasons_must_name_an_item():
    """Is a reason for a step that is not among the items refused?"""
    with pytest.raises(ValueError, match="reasons"):
        quiz.OrderQuestion(kind="order", id="o2", prompt="p", items=["a", "b"], reasons={"c": "왜"})


def test_order_with_missing_or_repeated_items_is_incorrect():
    """Is an incomplete or repeated order judged incorrect with what is missing?"""
    fb = quiz.judge(ORDER, ["접수", "접수", "종결"])
    assert fb.status is Status.INCORRECT and "사정" in fb.points[0]


def test_categorize_gives_the_items_why():
    """Does a wrong category repeat the item's explanation?"""
    fb = quiz.judge(CAT, {"병원비가 없다": "문제", "건강회복": "문제"})
    assert fb.status is Status.PARTIAL
    assert fb.points == ("'건강회복'은 '문제'가 아니라 '욕구'입니다. 충족되어야 할 필요성입니다.",)


@pytest.mark.parametrize(("word", "particle", "form"), [
    ("사정", "은", "은"), ("평가", "은", "는"), ("'문제'", "이", "가"), ("욕구·바램", "이", "이"),
    ("종결", "으로", "로"), ("점검", "으로", "으로"), ("Kumar (2000)", "이", "이"), ("NASW (1984)", "이", "가"),
    ("사례관리자의 할 일", "을", "을"), ("5단계 과정", "과", "과"), ("Linking", "이", "이"),
    ("Evaluation and Closure", "이", "가"), ("Planning", "은", "은"),
])
def test_particles_follow_the_word(word, particle, form):
    """Is the particle chosen from how the word ends (final consonant, ㄹ before 로)?"""
    assert quiz._josa(word, particle) == form


def test_categorize_refuses_unknown_category():
    """Is a category that does not exist refused?"""
    with pytest.raises(CaseworkError, match="분류는"):
        quiz.judge(CAT, {"병원비가 없다": "바램"})


def test_models_refuse_inconsistent_content():
    """Does a quiz with two correct options or an unknown category fail validation?"""
    with pytest.raises(ValueError):
        quiz.ChoiceQuestion(kind="choice", id="x", prompt="p", options=[
            {"text": "a", "correct": True, "why": "w"}, {"text": "b", "correct": True, "why": "w"}])
    with pytest.raises(ValueError):
        quiz.CategorizeQuestion(kind="categorize", id="x", prompt="p", categories=["a", "b"],
                                items=[{"text": "t", "category": "c"}])


def test_feedback_html_escapes_learner_text():
    """Is learner text escaped in the feedback HTML?"""
    fb = Feedback(Status.INCORRECT, "<script>", ("a & b",))
    html = fb.to_html()
    assert "<script>" not in html and "&lt;script&gt;" in html and "a &amp; b" in html


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_quiz_loads(quiz_id):
    """Does every bundled quiz file pass validation?"""
    loaded = quiz.load_quiz(quiz_id)
    assert loaded.id == quiz_id and loaded.questions


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_question_accepts_its_own_right_answer(quiz_id):
    """Does every question of every bundled quiz pass with the answer its own data gives?"""
    for question in quiz.load_quiz(quiz_id).questions:
        assert quiz.judge(question, question.right_answer()).passed, f"{quiz_id}/{question.id}"


def _wrong_answers(question):
    """For every question kind, an answer that gets every item wrong (or every wrong option)."""
    if question.kind == "choice":
        return [o.text for o in question.options if not o.correct]
    if question.kind == "match":
        rights = question.choices
        return [{p.left: next(r for r in rights if r != p.right) for p in question.pairs}]
    if question.kind == "order":
        return [list(reversed(question.items))]
    return [{i.text: next(c for c in question.categories if c != i.category) for i in question.items}]


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_wrong_answer_reads_as_korean_and_says_why(quiz_id):
    """Does every wrong answer get particles that fit, no '맞습니다' and a reason per wrong item?"""
    for question in quiz.load_quiz(quiz_id).questions:
        for answer in _wrong_answers(question):
            fb = quiz.judge(question, answer)
            text = fb.to_text()
            for clumsy in ("은(는)", "이(가)", "을(를)", "와(과)", "(으)로", "' 은", "' 이", "' 을"):
                assert clumsy not in text, f"{quiz_id}/{question.id}: {clumsy!r} in {text}"
            if question.kind == "choice":
                assert "맞습니다" not in fb.points[0] and not fb.summary.startswith("맞"), f"{quiz_id}/{question.id}"
            else:
                assert fb.points and all(p.rstrip().endswith(".") for p in fb.points), f"{quiz_id}/{question.id}"


@pytest.mark.parametrize("quiz_id", quiz.quiz_ids())
def test_every_bundled_pair_and_step_carries_its_reason(quiz_id):
    """Does every match pair and every order step of the bundled quizzes say why it goes there?"""
    for question in quiz.load_quiz(quiz_id).questions:
        if question.kind == "match":
            assert all(p.why for p in question.pairs), f"{quiz_id}/{question.id}"
        if question.kind == "order":
            assert set(question.reasons) == set(question.items), f"{quiz_id}/{question.id}"


def test_unknown_quiz_lists_the_known_ones():
    """Is an unknown quiz id refused with the list of quizzes?"""
    with pytest.raises(CaseworkError, match="퀴즈 파일이 없습니다"):
        quiz.load_quiz("no-such-quiz")
