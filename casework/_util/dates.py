"""Reading a date the way a Korean worker writes it."""

from __future__ import annotations

import re
from datetime import date

__all__ = ["parse_date_text", "korean_date"]

_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-./]|년)\s*(\d{1,2})\s*(?:[-./]|월)\s*(\d{1,2})\s*일?\s*\.?\s*$")


def parse_date_text(text: str) -> date | None:
    """2025-03-01, 2025.3.1, 2025/03/01 or 2025년 3월 1일 as a date; None if not a real date.

    >>> parse_date_text("1945.3.2"), parse_date_text("2025년 3월 1일"), parse_date_text("2025-02-30")
    (datetime.date(1945, 3, 2), datetime.date(2025, 3, 1), None)
    """
    match = _DATE.match(text)
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def korean_date(value: date) -> str:
    """A date the way a Korean reader writes it: 2026년 3월 3일."""
    return f"{value.year}년 {value.month}월 {value.day}일"
