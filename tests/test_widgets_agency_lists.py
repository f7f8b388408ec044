"""Tests for casework.widgets.agency_lists: does the exercise route clicks to the library and to
judging.lists (the judge of exercise 11), with the ladder and saved picks?"""

import pytest

pytest.importorskip("ipywidgets")

from casework import agency_lists as al
from casework.errors import CaseworkError
from casework.judging.feedback import Status
from casework.judging.lists import judge_agency_lists
from casework.widgets.agency_lists import CSS_CLASS, agency_list_exercise

CENTER, WELFARE, HOME = "가나1동 주민센터", "가나종합사회복지관", "가나재가노인지원센터"


def _walk(widget, kind):
    found = []
    if type(widget).__name__ == kind:
        found.append(widget)
    for child in getattr(widget, "children", ()):
        found += _walk(child, kind)
    return found


def _button(box, label):
    return next(b for b in _walk(box, "Button") if b.description == label)


def test_box_has_its_css_class_and_two_pickers():
    """Is the exercise a VBox with its CSS class and a picker per list?"""
    box = agency_list_exercise()
    assert CSS_CLASS in box._dom_classes
    assert [p.value for p in box.pickers] == [CENTER, WELFARE]
    assert list(box.pickers[0].options) == [CENTER, WELFARE, HOME]


def test_combine_button_shows_masked_table_and_tick_boxes():
    """Does clicking 명단 합치기 show the combined table (names masked) and a box per person?"""
    box = agency_list_exercise()
    _button(box, "명단 합치기").click()
    html = box.table_area.value
    assert "가○○" in html and "가나다" not in html
    assert "욕구 사정 명단" in html
    labels = [c.description for c in _walk(box, "Checkbox")]
    choices = list(al.person_choices([al.sample_agency_lists()[CENTER], al.sample_agency_lists()[WELFARE]],
                                     al.sample_need_list()))
    assert labels == choices + choices


def test_ticking_the_right_people_and_clicking_check_is_correct():
    """Does ticking the library's answer and clicking 답 확인 show a correct verdict?"""
    box = agency_list_exercise()
    box.combine()
    box.tick(twice=["가○○ (1941-03)", "바○○ (1943-09)"],
             missed=["라○○ (1950-01)", "마○○ (1936-05)", "차○○ (1944-06)"])
    _button(box, "답 확인").click()
    assert "data-status='correct'" in box.feedback_area.value


def test_other_pair_gives_its_own_answer():
    """After choosing 복지관 + 재가센터, is 나○○ (moved 동) the overlap and 사○○ (1940-02) missed?"""
    box = agency_list_exercise(first=WELFARE, second=HOME)
    box.combine()
    box.tick(twice=["나○○ (1938-11)"], missed=["사○○ (1952-08)"])
    fb = box.check()
    lists = al.sample_agency_lists()
    assert fb == judge_agency_lists((["나○○ (1938-11)"], ["사○○ (1952-08)"]), [lists[WELFARE], lists[HOME]],
                                    al.sample_need_list())
    assert fb.status is Status.PARTIAL
    assert "누락이 아닙니다" in box.feedback_area.value


def test_namesake_feedback_reaches_the_page():
    """Does a namesake pick show the birth-month explanation in the feedback area?"""
    box = agency_list_exercise()
    box.combine()
    box.tick(twice=["사○○ (1940-02)"])
    box.check()
    assert "생년월이 다릅니다" in box.feedback_area.value


def test_same_list_twice_shows_korean_error():
    """Does choosing one list twice show an error in the feedback area, not a traceback?"""
    box = agency_list_exercise()
    box.pickers[1].value = CENTER
    assert box.combine() is None
    assert "같은 명단을 두 번" in box.feedback_area.value


def test_changing_lists_without_combining_again_is_flagged():
    """If the learner picks a new list but does not combine again, is that said plainly?"""
    box = agency_list_exercise()
    box.combine()
    box.pickers[1].value = HOME
    fb = box.check()
    assert fb.status is Status.INCORRECT and "명단 합치기" in fb.points[0]


def test_nothing_ticked_is_unanswered():
    """Is clicking 답 확인 with nothing ticked 'unanswered'?"""
    box = agency_list_exercise()
    box.combine()
    assert box.check().status is Status.UNANSWERED


def test_bad_arguments():
    """Do an unknown list title, a single list and an unknown tick get Korean errors?"""
    with pytest.raises(CaseworkError, match="명단이 없습니다"):
        agency_list_exercise(first="없는 기관")
    one = {CENTER: al.sample_agency_lists()[CENTER]}
    with pytest.raises(CaseworkError, match="두 개 이상"):
        agency_list_exercise(one)
    box = agency_list_exercise()
    box.combine()
    with pytest.raises(CaseworkError, match="고를 수 없는 사람"):
        box.tick(twice=["홍○○ (1900-01)"])


def test_ladder_buttons_sit_under_the_tick_boxes_and_open_in_order():
    """After a partly right check, are 힌트 and 풀이 보기 offered, opening the hints then the people?"""
    box = agency_list_exercise()
    box.combine()
    assert [b.description for b in _walk(box, "Button")][-3:] == ["답 확인", "힌트", "풀이 보기"]
    box.tick(twice=["가○○ (1941-03)"])
    box.check()
    assert "힌트:" not in box.feedback_area.value
    box.hint()
    assert "힌트:" in box.feedback_area.value


def test_the_picks_come_back_after_a_rerun():
    """Are the chosen lists and ticks saved and set again (lists combined) when the cell runs again?"""
    box = agency_list_exercise(first=WELFARE, second=HOME)
    box.combine()
    box.tick(twice=["나○○ (1938-11)"])
    box.check()
    again = agency_list_exercise()
    assert [p.value for p in again.pickers] == [WELFARE, HOME]
    ticked = [c.description for c in _walk(again, "Checkbox") if c.value]
    assert ticked == ["나○○ (1938-11)"] and "합친 명단" in again.table_area.value
