"""Tests for casework.widgets.base: is the controls + button + feedback wiring done right once?"""

import pytest

pytest.importorskip("ipywidgets")

import ipywidgets as w  # noqa: E402

from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Feedback, Status  # noqa: E402
from casework.widgets import base  # noqa: E402
from casework.widgets import quiz as wq  # noqa: E402


def _fixed(status=Status.CORRECT, summary="좋습니다"):
    return lambda: Feedback(status, summary)


def test_checked_box_lays_out_children_button_area_and_after():
    """Are the children first, then the button, the feedback area and the trailing widgets?"""
    first, last = w.HTML("위"), w.HTML("아래")
    box = base.checked_box([first], _fixed(), after=[last])
    assert box.children == (first, box.button, box.feedback_area, last)


def test_check_shows_the_judges_feedback_and_returns_it():
    """Does check() put the judge's verdict into the feedback area and return it?"""
    box = base.checked_box([], _fixed(Status.PARTIAL, "절반입니다"))
    feedback = box.check()
    assert feedback.status is Status.PARTIAL
    assert "절반입니다" in box.feedback_area.value and "data-status='partial'" in box.feedback_area.value


def test_button_click_runs_the_judge_each_time():
    """Does a click (not just check()) call the judge, once per click?"""
    calls = []

    def judge():
        calls.append(1)
        return Feedback(Status.CORRECT, f"{len(calls)}번째")

    box = base.checked_box([], judge)
    box.button.click()
    box.button.click()
    assert len(calls) == 2 and "2번째" in box.feedback_area.value


def test_a_caseworkerror_becomes_incorrect_feedback():
    """Is a CaseworkError from the judge shown as Korean feedback rather than raised?"""
    def judge():
        raise CaseworkError("날짜를 고르세요")

    box = base.checked_box([], judge)
    feedback = box.check()
    assert feedback.status is Status.INCORRECT and feedback.summary == "날짜를 고르세요"
    assert "data-status='incorrect'" in box.feedback_area.value


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
    assert "casework-x" in box._dom_classes
    assert box.button.layout.align_self == "flex-start"
    assert box.text is text
    plain = base.checked_box([], _fixed())
    assert plain.button.description == "확인" and plain.button.layout.align_self is None


def test_beside_puts_the_button_in_a_row_with_the_control():
    """With ``beside``, is the button in one row to the right of that control?"""
    drop = w.Dropdown(options=["가", "나"])
    box = base.checked_box([w.HTML("상황")], _fixed(), beside=drop)
    row = box.children[1]
    assert isinstance(row, w.HBox) and row.children == (drop, box.button)


def test_checked_blocks_route_check_i_to_block_i():
    """Does check(i) of a block list check block i only and show it in that block's area?"""
    blocks = [base.checked_box([], _fixed(Status.CORRECT, "첫째")),
              base.checked_box([], _fixed(Status.INCORRECT, "둘째"))]
    box = base.checked_blocks(blocks, extra_attrs={"items": ["a", "b"]})
    assert box.check(1).status is Status.INCORRECT
    assert "둘째" in box.feedback_areas[1].value and box.feedback_areas[0].value == ""
    assert box.items == ["a", "b"] and all(b.layout.margin == "0 0 12px 0" for b in blocks)


def test_judged_handler_for_custom_layouts():
    """Does judged() give a click handler with the same error handling, for custom layouts?"""
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
