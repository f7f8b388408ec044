"""Tests for casework.leftovers: what in a masked case text may still identify someone.

Every number below is synthetic and exists only to be masked.
"""

from __future__ import annotations

import pytest

from casework.errors import CaseworkError
from casework.leftovers import find_leftovers
from casework.privacy import RRN_MASK
from casework.scenario_models import masking_sample

SAMPLE_CASE_TEXT = masking_sample().text


def _kinds(text):
    return [(item.kind, item.text) for item in find_leftovers(text)]


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
    assert [item.kind for item in find_leftovers(text)] == ["이름", "주소", "긴 숫자"]


def test_every_leftover_carries_advice():
    """Does every leftover say what to do about it?"""
    for item in find_leftovers(SAMPLE_CASE_TEXT):
        assert item.advice.endswith(("세요.", "지우세요."))


def test_find_leftovers_refuses_non_text():
    """Is something other than text refused in Korean?"""
    with pytest.raises(CaseworkError, match="글자"):
        find_leftovers(["홍길동"])


