"""Tests for casework.widgets.base: is the controls → judge → feedback wiring, with the ladder and
the saved progress, done right once?"""

import json

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as w

from casework import progress
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError
from casework.judging.feedback import Feedback, Status
from casework.widgets import base
from casework.widgets import quiz as wq


def _fixed(feedback=None):
    feedback = feedback or rubric.right("좋습니다")
    return lambda: feedback


WRONG = rubric.wrong("고른 보기는 어렵습니다.", ("왜 아닌지",)).with_ladder(("첫 힌트",), "모범 답")


def _shown(box):
    return box.hint_button.layout.display != "none", box.solution_button.layout.display != "none"


def test_checked_box_lays_out_children_buttons_note_area_and_after():
    """Are the children first, then the button row, the note, the feedback area and the trailing widgets?"""
    first, last = w.HTML("위"), w.HTML("아래")
    box = base.checked_box([first], _fixed(), after=[last])
    assert box.children[0] is first and box.children[-1] is last
    row = box.children[1]
    assert row.children == (box.button, box.hint_button, box.solution_button)
    assert box.children[3] is box.feedback_area


def test_check_shows_the_judges_feedback_and_returns_it():
    """Does check() put the judge's verdict into the feedback area and return it?"""
    box = base.checked_box([], _fixed(rubric.partial("절반입니다")))
    feedback = box.check()
    assert feedback.status is Status.PARTIAL
    assert "절반입니다" in box.feedback_area.value and "data-status='partial'" in box.feedback_area.value


def test_button_click_runs_the_judge_each_time():
    """Does a click (not just check()) call the judge, once per click?"""
    calls = []

    def judge():
        calls.append(1)
        return rubric.right(f"{len(calls)}번째")

    box = base.checked_box([], judge)
    box.button.click()
    box.button.click()
    assert len(calls) == 2 and "2번째" in box.feedback_area.value


def test_ladder_buttons_appear_after_a_wrong_check_and_open_hints_then_the_answer():
    """Is 힌트 hidden until a not-right check, then hints, then the model answer on request?"""
    box = base.checked_box([], _fixed(WRONG))
    assert _shown(box) == (False, False)
    box.check()
    assert _shown(box) == (True, True)
    assert "왜 아닌지" in box.feedback_area.value
    assert "첫 힌트" not in box.feedback_area.value and "모범 답" not in box.feedback_area.value
    box.hint_button.click()
    assert "첫 힌트" in box.feedback_area.value and "모범 답" not in box.feedback_area.value
    assert _shown(box) == (False, True)
    box.solution_button.click()
    assert "모범 답" in box.feedback_area.value and _shown(box) == (False, False)


def test_no_hint_button_for_a_right_answer_but_the_model_answer_stays_on_request():
    """After a right check, is 힌트 hidden and 풀이 보기 offered only if there is a model answer?"""
    right = rubric.right("맞습니다.").with_ladder(("힌트",), "모범 답")
    box = base.checked_box([], _fixed(right))
    box.check()
    assert _shown(box) == (False, True)
    bare = base.checked_box([], _fixed(rubric.right("맞습니다.")))
    bare.check()
    assert _shown(bare) == (False, False)


def test_hint_before_any_check_judges_first():
    """Does hint() with nothing checked yet judge the answer and show the hints?"""
    box = base.checked_box([], _fixed(WRONG))
    feedback = box.hint()
    assert feedback is WRONG and "첫 힌트" in box.feedback_area.value


@pytest.mark.parametrize("error, summary", [
    (AnswerFormatError("숫자로 적어 주세요"), "답을 읽을 수 없습니다."),
    (CaseworkError("날짜를 고르세요"), "답에 고칠 곳이 있습니다."),
])
def test_a_refused_answer_becomes_incorrect_feedback(error, summary):
    """Is an unreadable or refused answer shown as Korean feedback (as in an exercise) rather than raised?"""
    def judge():
        raise error

    box = base.checked_box([], judge)
    feedback = box.check()
    assert feedback.status is Status.INCORRECT and feedback.summary == summary
    assert str(error) in feedback.points[0] and "data-status='incorrect'" in box.feedback_area.value


def test_other_errors_are_not_hidden():
    """Is a programming error (not a CaseworkError) raised, not turned into feedback?"""
    def judge():
        raise KeyError("버그")

    with pytest.raises(KeyError):
        base.checked_box([], judge).check()


def test_label_css_class_compact_and_extra_attrs():
    """Do the button label, CSS class, compact button and extra attributes all reach the box?"""
    text = w.Text()
    box = base.checked_box([text], _fixed(), button_label="목표 점검", css_class="casework-x",
                           compact=True, extra_attrs={"text": text})
    assert box.button.description == "목표 점검"
    assert (box.hint_button.description, box.solution_button.description) == ("힌트", "풀이 보기")
    assert "casework-x" in box._dom_classes
    assert box.button.layout.align_self == "flex-start"
    assert box.text is text


def test_beside_puts_the_buttons_in_a_row_with_the_control():
    """With ``beside``, are the buttons in one row to the right of that control?"""
    drop = w.Dropdown(options=["가", "나"])
    box = base.checked_box([w.HTML("상황")], _fixed(), beside=drop)
    row = box.children[1]
    assert isinstance(row, w.HBox) and row.children[:2] == (drop, box.button)


def test_checked_blocks_route_check_hint_solution_i_to_block_i():
    """Does check(i) / hint(i) / solution(i) act on block i only?"""
    blocks = [base.checked_box([], _fixed(rubric.right("첫째"))), base.checked_box([], _fixed(WRONG))]
    box = base.checked_blocks(blocks, extra_attrs={"items": ["a", "b"]})
    assert box.check(1).status is Status.INCORRECT
    assert "고른 보기" in box.feedback_areas[1].value and box.feedback_areas[0].value == ""
    box.solution(1)
    assert "모범 답" in box.feedback_areas[1].value
    assert box.items == ["a", "b"] and all(b.layout.margin == "0 0 12px 0" for b in blocks)


def test_judged_handler_for_action_buttons():
    """Does judged() give a click handler with the same treatment of a refused value?"""
    area = base.feedback_area()

    def judge():
        raise CaseworkError("명단을 먼저 합치세요")

    handler = base.judged(judge, area)
    assert handler(w.Button()).status is Status.INCORRECT
    assert "명단을 먼저 합치세요" in area.value


def test_quiz_module_still_exports_the_helpers():
    """Can chapters keep importing feedback_area, show and check_button from widgets.quiz?"""
    assert wq.feedback_area is base.feedback_area
    assert wq.show is base.show
    assert wq.check_button is base.check_button


def test_labelled_row_keeps_the_label_width():
    """Does a labelled row put a fixed-width label left of its control?"""
    control = w.Dropdown(options=["가"])
    row = base.labelled_row("항목", control, "330px")
    assert "width:330px" in row.children[0].value and row.children[1] is control


def test_with_attrs_sets_every_keyword_and_returns_the_box():
    """Does with_attrs set each keyword on the box, for widgets with their own layout?"""
    box = w.VBox()
    assert base.with_attrs(box, state={"a": 1}, check=len) is box
    assert box.state == {"a": 1} and box.check is len


# --------------------------------------------------------------------------- saved progress


def _text_box(judge, key=("ch99", "q")):
    text = w.Text()
    box = base.checked_box([text], lambda: judge(text.value), key=key, read=lambda: text.value,
                           write=lambda saved: setattr(text, "value", saved))
    return box, text


def _judge(value: str) -> Feedback:
    if not value:
        return Feedback.unanswered()
    return (rubric.right("맞습니다.") if value == "정답" else WRONG)


def test_each_check_saves_answer_verdict_and_tries():
    """Does every check write the answer, the status, the score and the count of tries?"""
    box, text = _text_box(_judge)
    text.value = "오답"
    box.check()
    text.value = "정답"
    box.check()
    entry = progress.saved_entry("ch99", "q")
    assert entry["answer"] == "정답" and entry["status"] == "correct" and entry["score"] == 1.0
    assert entry["attempts"] == 2 and entry["hint_used"] is False


def test_an_unanswered_check_is_not_saved_or_counted():
    """Is pressing 확인 on an empty answer neither counted nor saved?"""
    box, _ = _text_box(_judge)
    box.check()
    assert progress.saved_entry("ch99", "q") is None and box.ladder.attempts == 0


def test_hint_and_solution_use_is_saved():
    """Are opening the hints and the model answer recorded with the entry?"""
    box, text = _text_box(_judge)
    text.value = "오답"
    box.check()
    box.hint()
    assert progress.saved_entry("ch99", "q")["hint_used"] is True
    box.solution()
    entry = progress.saved_entry("ch99", "q")
    assert entry["solution_seen"] is True and entry["attempts"] == 1


def test_a_new_widget_restores_the_saved_answer_and_says_so():
    """Does running the cell again put the saved answer back, with the tries and the last result?"""
    first, text = _text_box(_judge)
    text.value = "오답"
    first.check()
    first.hint()
    again, again_text = _text_box(_judge)
    assert again_text.value == "오답"
    assert "지난번 답을 불러왔습니다" in again.ladder.note.value and "확인 1번" in again.ladder.note.value
    assert again.ladder.attempts == 1
    again.check()
    assert progress.saved_entry("ch99", "q")["attempts"] == 2
    assert "첫 힌트" in again.feedback_area.value  # the hints already opened stay open


def test_a_stale_saved_answer_does_not_break_the_widget():
    """Is a saved answer the controls can no longer take ignored (the widget still works)?"""
    progress.record_check("ch99", "drop", answer="없는 보기", status="incorrect", score=0.0)
    drop = w.Dropdown(options=["가", "나"], value="가")

    def write(saved):
        drop.value = saved

    box = base.checked_box([drop], _fixed(), key=("ch99", "drop"), read=lambda: drop.value, write=write)
    assert drop.value == "가" and "지난번 기록이 있습니다" in box.ladder.note.value
    assert box.check().passed


def test_without_a_key_nothing_is_saved(tmp_path):
    """Does a widget without a key leave the progress file alone?"""
    box = base.checked_box([], _fixed(WRONG))
    box.check()
    assert not progress.progress_path().exists()


def test_save_answer_false_keeps_the_verdict_but_not_the_text():
    """With save_answer=False (a pasted case text), is only the verdict saved?"""
    box = base.checked_box([], _fixed(WRONG), key=("ch99", "secret"), read=lambda: "주민등록번호가 든 글",
                           save_answer=False)
    box.check()
    entry = progress.saved_entry("ch99", "secret")
    assert entry["answer"] is None and entry["status"] == "incorrect"
    assert "주민등록번호가 든 글" not in progress.progress_path().read_text(encoding="utf-8")


def test_an_unwritable_progress_file_is_reported_not_raised(tmp_path, monkeypatch):
    """When the file cannot be written, does the widget still judge and say why in Korean?"""
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("CASEWORK_PROGRESS", str(blocker / "progress.json"))
    box, text = _text_box(_judge)
    text.value = "정답"
    assert box.check().passed
    assert "학습 기록을" in box.ladder.note.value and "저장하지 못했습니다" in box.ladder.note.value


def test_a_corrupt_progress_file_is_set_aside_with_a_korean_note():
    """Does a broken file give a Korean note and a backup, and the widget still work?"""
    path = progress.progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{깨진", encoding="utf-8")
    box, text = _text_box(_judge)
    assert "읽을 수 없어 새로 시작합니다" in box.ladder.note.value
    assert list(path.parent.glob("progress.json.broken-*"))
    text.value = "정답"
    assert box.check().passed
    assert json.loads(path.read_text(encoding="utf-8"))["items"]["ch99"]["q"]["status"] == "correct"
