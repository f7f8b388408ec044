"""Tests for casework.labels: is a Korean-labelled enum parsed leniently but never guessed?"""

import pytest

from casework.domains import Domain
from casework.errors import CaseworkError
from casework.labels import parse_member


@pytest.mark.parametrize("value", [Domain.SOCIAL, "사회적 관계", "사회적관계", " 사회적  관계 ", "SOCIAL", "social"])
def test_member_label_and_name_are_accepted(value):
    """Are the member, its label (spaces ignored) and its English name all accepted?"""
    assert parse_member(Domain, value, "욕구 영역") is Domain.SOCIAL


def test_aliases_are_accepted():
    """Is an alias given by the caller accepted?"""
    assert parse_member(Domain, "돈", "욕구 영역", {"돈": Domain.ECONOMY}) is Domain.ECONOMY


@pytest.mark.parametrize("value", ["사회", "", None, 3, ["경제"]])
def test_anything_else_is_refused_with_the_allowed_labels(value):
    """Is an unknown value refused with a Korean message listing every label?"""
    with pytest.raises(CaseworkError, match="알 수 없는 욕구 영역입니다") as err:
        parse_member(Domain, value, "욕구 영역")
    assert all(m.value in str(err.value) for m in Domain)
