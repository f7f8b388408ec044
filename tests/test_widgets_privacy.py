"""Tests for casework.widgets.privacy: masking a case summary and spotting what is left.

Every number below is synthetic and exists only to be masked.
"""

from __future__ import annotations

import pytest

pytest.importorskip("ipywidgets")

from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.privacy import RRN_MASK  # noqa: E402
from casework.widgets.privacy import (  # noqa: E402
    SYNTHETIC_RRN,
    check_masking,
    find_leftovers,
    masking_feedback,
    masking_sample,
    masking_widget,
    parse_names,
)

SAMPLE_CASE_TEXT = masking_sample().text
SAMPLE_NAMES = masking_sample().names_text


def _kinds(text):
    return [(l.kind, l.text) for l in find_leftovers(text)]


# --------------------------------------------------------------------------- leftovers


@pytest.mark.parametrize("text, expected", [
    ("통장 110-000-000000으로 받는다", [("긴 숫자", "110-000-000000")]),  # synthetic account, to mask
    ("집 전화 0200000000", [("긴 숫자", "0200000000")]),  # synthetic landline, to mask
    ("생년월일: 1950.1.1 이다", [("생년월일", "생년월일: 1950.1.1")]),
    ("1950년 1월 1일생 어르신", [("생년월일", "1950년 1월 1일생")]),
    ("햇살로 12, 3층", [("주소", "햇살로 12")]),
    ("햇살로12번길 3에 산다", [("주소", "햇살로12번길 3")]),
    ("101동 1203호에 산다", [("주소", "101동 1203호")]),
    ("햇살동 123-4 단독주택", [("주소", "햇살동 123-4")]),
    ("12번지 골목", [("주소", "12번지")]),
    ("무지개아파트에 산다", [("주소", "무지개아파트")]),
    ("메일 hong.gil@example.com 로", [("전자우편", "hong.gil@example.com")]),
    ("이웃 성춘향 씨가 돕는다", [("이름", "성춘향")]),
    ("김철수님과 통화", [("이름", "김철수")]),
    ("박씨 할머니", []),
])
def test_leftovers_are_found(text, expected):
    """Is each kind of identifying detail found, with the exact text?"""
    assert _kinds(text) == expected


@pytest.mark.parametrize("text", [
    "2024-03-15 상담",  # a date, not an identifier
    "월 300000원을 받는다",  # an amount
    "1200000 원",  # an amount with a space
    "78세 어르신",
    "선생님과 반장님, 통장님이 도와주신다",
    "이웃 할머니와 사례관리자님",
    "홍○○ 어르신과 010-****-**** 번호",  # already masked
    RRN_MASK,
    "집으로 돌아가셨다",
])
def test_ordinary_text_is_not_flagged(text):
    """Are dates, amounts, titles, masked items and ordinary words left alone?"""
    assert find_leftovers(text) == ()


def test_leftovers_come_in_text_order_without_overlaps():
    """Are leftovers listed in the order they appear, each span once?"""
    text = "김철수 씨, 햇살로 12, 통장 110-000-000000"  # synthetic, to mask
    assert [l.kind for l in find_leftovers(text)] == ["이름", "주소", "긴 숫자"]


def test_every_leftover_carries_advice():
    """Does every leftover say what to do about it?"""
    for item in find_leftovers(SAMPLE_CASE_TEXT):
        assert item.advice.endswith(("세요.", "지우세요."))


def test_find_leftovers_refuses_non_text():
    """Is something other than text refused in Korean?"""
    with pytest.raises(CaseworkError, match="글자"):
        find_leftovers(["홍길동"])


# --------------------------------------------------------------------------- masking


def test_sample_masks_numbers_and_names_and_flags_the_rest():
    """Does the sample lose its RRN, phones and listed names, leaving address, name and account flagged?"""
    check = check_masking(SAMPLE_CASE_TEXT, parse_names(SAMPLE_NAMES))
    assert check.result.counts == {"주민등록번호": 1, "전화번호": 2, "이름": 2}
    assert SYNTHETIC_RRN not in check.result.text and RRN_MASK in check.result.text  # mask
    assert "홍길순" not in check.result.text and "홍○○ 어르신" in check.result.text
    assert [l.kind for l in check.leftovers] == ["주소", "이름", "긴 숫자"]
    assert not check.clean


def test_feedback_is_partial_while_something_is_left():
    """Is the feedback partial, listing the counts and each leftover?"""
    fb = masking_feedback(SAMPLE_CASE_TEXT, SAMPLE_NAMES)
    assert fb.status is Status.PARTIAL
    assert fb.summary == "아직 개인정보로 보이는 것이 3군데 남아 있습니다."
    assert fb.points[0] == "가린 것: 주민등록번호 1건, 전화번호 2건, 이름 2건 (모두 5건)"
    assert any("성춘향" in p for p in fb.points)


def test_fixing_the_sample_makes_it_clean():
    """After listing the third name and removing address and account, is the feedback correct?"""
    text = (SAMPLE_CASE_TEXT.replace("햇살로 12, 3층", "햇살동")
            .replace(" 110-000-000000", ""))  # synthetic account, to mask
    fb = masking_feedback(text, SAMPLE_NAMES + ", 성춘향")
    assert fb.status is Status.CORRECT
    assert fb.points[0] == "가린 것: 주민등록번호 1건, 전화번호 2건, 이름 3건 (모두 6건)"
    assert "한 번 더 읽어" in fb.points[-1]


def test_nothing_to_mask_is_still_correct_with_a_reminder():
    """Is a text with nothing to mask correct, reminding the learner to read it again?"""
    fb = masking_feedback("어르신이 무릎이 아파 바깥출입이 어렵습니다.", [])
    assert fb.status is Status.CORRECT and fb.summary == "가릴 만한 번호나 이름을 찾지 못했습니다."


@pytest.mark.parametrize("text", ["", "   \n"])
def test_empty_text_is_unanswered(text):
    """Is an empty text 'unanswered', not an error?"""
    assert masking_feedback(text, "").status is Status.UNANSWERED


@pytest.mark.parametrize("text, names", [(None, []), (123, []), ("글", ["홍"]), ("글", [" 홍길동"]), ("글", 5)])
def test_masking_feedback_refuses_bad_input(text, names):
    """Are non-text input and bad names refused by the library in Korean?"""
    with pytest.raises(CaseworkError):
        masking_feedback(text, names)


@pytest.mark.parametrize("text, names", [("홍길순, 홍길동", ["홍길순", "홍길동"]), (" 홍길순 ,\n성춘향,, ", ["홍길순", "성춘향"]),
                                         ("", [])])
def test_parse_names(text, names):
    """Are names split on commas and line breaks, with blanks dropped?"""
    assert parse_names(text) == names


def test_parse_names_refuses_lists():
    """Is a list (not text) refused with an example?"""
    with pytest.raises(CaseworkError, match="쉼표"):
        parse_names(["홍길순"])


# --------------------------------------------------------------------------- widget


def test_widget_shows_masked_text_and_feedback():
    """Does pressing 가리기 show the masked text and the partial feedback?"""
    box = masking_widget()
    fb = box.check()
    assert fb.status is Status.PARTIAL
    assert "홍○○ 어르신" in box.masked.value and SYNTHETIC_RRN not in box.masked.value  # mask
    assert "data-status='partial'" in box.feedback_area.value and "성춘향" in box.feedback_area.value


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
    assert fb.status is Status.INCORRECT and "한 글자" in fb.summary and box.masked.value == ""


def test_widget_empty_text():
    """Does an emptied text area give 'unanswered' and no masked output?"""
    box = masking_widget()
    box.text.value = ""
    assert box.check().status is Status.UNANSWERED and box.masked.value == ""


def test_widget_refuses_non_text_defaults():
    """Is a non-text starting value refused?"""
    with pytest.raises(CaseworkError):
        masking_widget(value=None)


@pytest.mark.parametrize("text, names", [(None, []), ("글", "홍길동"), ("글", [""])])
def test_check_masking_refuses_bad_input(text, names):
    """Is non-text or a names string (not a list) refused by check_masking itself?"""
    with pytest.raises(CaseworkError):
        check_masking(text, names)
