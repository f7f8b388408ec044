"""Tests for casework.widgets.quiz: do the widgets route input to the judge without a browser?"""

import pytest

pytest.importorskip("ipywidgets")

from casework.feedback import Status
from casework.widgets import quiz as wq
from tests.test_quiz import CAT, CHOICE, MATCH, ORDER


def _dropdowns(box):
    found = []

    def walk(widget):
        if type(widget).__name__ == "Dropdown":
            found.append(widget)
        for child in getattr(widget, "children", ()):
            walk(child)

    walk(box)
    return found


def test_untouched_widget_reports_unanswered():
    """Does pressing 확인 before answering show 'not answered' instead of an error?"""
    for q in (CHOICE, MATCH, ORDER, CAT):
        box = wq.question_widget(q)
        assert box.check().status is Status.UNANSWERED
        assert "아직 답하지 않았습니다" in box.feedback_area.value


def test_order_widget_judges_the_selected_order():
    """Does choosing the right order in the dropdowns give a correct verdict?"""
    box = wq.question_widget(ORDER, seed=3)
    for drop, item in zip(_dropdowns(box), ORDER.items):
        drop.value = item
    assert box.check().passed
    assert "data-status='correct'" in box.feedback_area.value


def test_categorize_widget_shows_the_judges_feedback_then_the_ladder():
    """Does a wrong category show the judge's point, and the item's explanation only at 풀이 보기?"""
    from casework.judging.quiz import judge

    box = wq.question_widget(CAT)
    for drop in _dropdowns(box):
        drop.value = "문제"
    fb = box.check()
    assert fb == judge(CAT, box.read_answer())
    assert fb.status is Status.PARTIAL and fb.points[0] in box.feedback_area.value.replace("&#x27;", "'")
    assert "충족되어야 할 필요성" not in box.feedback_area.value
    box.solution()
    assert "충족되어야 할 필요성" in box.feedback_area.value


def test_button_click_runs_the_check():
    """Does clicking the button (not just calling check) update the feedback?"""
    box = wq.question_widget(CHOICE)
    box.children[1].value = "나"
    box.button.click()
    assert "data-status='incorrect'" in box.feedback_area.value


def test_text_checker_calls_the_plain_judge():
    """Does the text checker pass the typed text to the judge and show its verdict?"""
    from casework.judging import rubric

    seen = []

    def judge(text):
        seen.append(text)
        return rubric.right(f"받음: {text}")

    box = wq.text_checker(judge, placeholder="목표")
    box.text.value = "3개월 안에"
    box.check()
    assert seen == ["3개월 안에"] and "받음: 3개월 안에" in box.feedback_area.value


def test_text_checker_shows_library_errors_as_feedback():
    """Is a CaseworkError from the judge shown in Korean instead of raised?"""
    from casework.errors import CaseworkError

    def judge(text):
        raise CaseworkError("빈 목표입니다")

    box = wq.text_checker(judge, placeholder="목표")
    assert box.check().status is Status.INCORRECT
    assert "빈 목표입니다" in box.feedback_area.value


def test_choice_options_are_shuffled_the_same_way_for_the_same_seed():
    """Are choice options shown in a seeded order: stable per seed, not always the file order?"""
    from casework import quiz

    options = [{"text": t, "correct": t == "다", "why": f"{t}의 이유"} for t in ("가", "나", "다", "라", "마", "바")]
    question = quiz.ChoiceQuestion(kind="choice", id="c6", prompt="고르세요", options=options)
    file_order = tuple(o["text"] for o in options)
    orders = {seed: wq.question_widget(question, seed=seed).children[1].options for seed in range(6)}
    assert all(sorted(order) == sorted(file_order) for order in orders.values())
    assert wq.question_widget(question, seed=3).children[1].options == orders[3]
    assert any(order != file_order for order in orders.values())
    assert len(set(orders.values())) > 1


def test_shuffled_choice_is_still_judged_by_its_text():
    """After shuffling, does choosing the right option by its text still pass?"""
    for seed in range(4):
        box = wq.question_widget(CHOICE, seed=seed)
        box.children[1].value = "가"
        assert box.check().passed


def test_quiz_widget_saves_each_question_and_restores_it(tmp_path):
    """Does a quiz question keep its answer under (quiz id, question id) and show it again when rerun?"""
    from casework import progress, quiz

    question = quiz.load_quiz("ch03").question("scene_01")
    box = wq.quiz_widget("ch03", only=["scene_01"]).children[0]
    wrong = next(o.text for o in question.options if not o.correct)
    box.children[1].value = wrong
    assert box.check().status is Status.INCORRECT
    assert progress.saved_entry("ch03", "scene_01")["answer"] == wrong
    again = wq.quiz_widget("ch03", only=["scene_01"]).children[0]
    assert again.children[1].value == wrong and again.ladder.attempts == 1


def test_order_and_match_answers_come_back_after_a_rerun():
    """Are the dropdown answers of an order and a match question restored into the same slots?"""
    first = wq.question_widget(ORDER, seed=1, key=("demo", "order"))
    for drop, item in zip(_dropdowns(first), ["사정", "접수", "종결"]):
        drop.value = item
    first.check()
    again = wq.question_widget(ORDER, seed=1, key=("demo", "order"))
    assert [d.value for d in _dropdowns(again)] == ["사정", "접수", "종결"]
    match = wq.question_widget(MATCH, key=("demo", "match"))
    _dropdowns(match)[0].value = "NASW (1984)"
    match.check()
    again = wq.question_widget(MATCH, key=("demo", "match"))
    assert again.read_answer() == match.read_answer()
