"""Parsing the Korean-labelled enums used across the library."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from casework.errors import CaseworkError

E = TypeVar("E", bound=Enum)


def _squash(text: str) -> str:
    return "".join(text.split()).lower()


def parse_member(cls: type[E], value: object, what: str, aliases: dict[str, E] | None = None) -> E:
    """The member of ``cls`` named by ``value``: a member, its Korean label or English name.

    Spaces and letter case are ignored, so "사회적관계" finds "사회적 관계". Anything else
    raises a Korean CaseworkError that names ``what`` and lists the allowed labels.
    """
    if isinstance(value, cls):
        return value
    if isinstance(value, str):
        key = _squash(value)
        for member in cls:
            if key in (_squash(str(member.value)), member.name.lower()):
                return member
        for alias, member in (aliases or {}).items():
            if key == _squash(alias):
                return member
    allowed = ", ".join(str(m.value) for m in cls)
    raise CaseworkError(f"알 수 없는 {what}입니다: {value!r}. 다음 중 하나를 쓰세요: {allowed}")
