"""Tests for casework.widgets.privacy: the masking widget's wiring (judging.masking), its ladder
and what it keeps.

Every number below is synthetic and exists only to be masked.
"""

from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")

from casework.errors import CaseworkError
from casework.judging.feedback import Status
from casework.widgets.privacy import SYNTHETIC_RRN, masking_feedback, masking_sample, masking_widget

SAMPLE_CASE_TEXT = masking_sample().text
SAMPLE_NAMES = masking_sample().names_text


# --------------------------------------------------------------------------- widget


def test_widget_shows_masked_text_and_feedback():
    """Does pressing 가리기 show the masked text and the partial feedback?"""
    box = masking_widget()
    fb = box.check()
    assert fb == masking_feedback(SAMPLE_CASE_TEXT, SAMPLE_NAMES)
    assert "홍○○ 어르신" in box.masked.value and SYNTHETIC_RRN not in box.masked.value  # mask
    area = box.feedback_area.value
    assert "data-status='incorrect'" in area and "햇살로 12" in area and "110-000-000000" in area
    assert "성춘향" not in area and "성○○" in box.masked.value  # the neighbour's name is found too


def test_widget_uses_the_names_box_and_escapes_html():
    """Are names from the names box masked, and is learner text escaped in the output?"""
    box = masking_widget(value="<b>김영희</b> 씨", names="")
    box.check()
    assert "&lt;b&gt;" in box.masked.value
    box.names.value = "김영희"
    fb = box.check()
    assert "김○○" in box.masked.value and fb.status is Status.CORRECT


def test_widget_shows_errors_as_feedback():
    """Is a bad name shown as Korean feedback instead of raised, with no masked text?"""
    box = masking_widget(value="홍길동 씨", names="홍")
    fb = box.check()
    assert fb.status is Status.INCORRECT and "한 글자" in fb.points[0] and box.masked.value == ""


def test_widget_empty_text():
    """Does an emptied text area give 'unanswered' and no masked output?"""
    box = masking_widget()
    box.text.value = ""
    assert box.check().status is Status.UNANSWERED and box.masked.value == ""


def test_widget_refuses_non_text_defaults():
    """Is a non-text starting value refused?"""
    with pytest.raises(CaseworkError):
        masking_widget(value=None)




def test_the_pasted_text_is_never_saved():
    """Is only the verdict of the masking widget saved, never the (possibly real) pasted text?"""
    from casework import progress

    box = masking_widget(value="김영희 씨는 햇살로 12에 산다", names="김영희")
    box.check()
    entry = progress.saved_entry("ch10", "masking")
    assert entry["answer"] is None and entry["attempts"] == 1
    assert "김영희" not in progress.progress_path().read_text(encoding="utf-8")
    assert masking_widget().text.value == SAMPLE_CASE_TEXT


def test_widget_ladder_shows_the_struck_out_text_on_request():
    """Does 풀이 보기 show the masked text with the leftovers struck out?"""
    box = masking_widget()
    box.check()
    box.solution()
    assert "[주소 지움]" in box.feedback_area.value
