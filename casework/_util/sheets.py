"""Row heights for spreadsheets written with openpyxl: wrapped text never overprints."""

from __future__ import annotations

import math
import unicodedata
from typing import Any

__all__ = ["text_lines", "fit_row_heights"]


# Excel and LibreOffice measure column widths in widths of the digit '0'; a Hangul syllable
# takes about two. Lines are 11pt text with leading (Malgun Gothic / Nanum need ~16pt).
_LINE_POINTS = 16.0
_PADDING_POINTS = 4.0


def _text_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def text_lines(text: str, width: float) -> int:
    """Lines ``text`` takes when wrapped at word boundaries in a cell ``width`` digits wide.

    Greedy word wrap, counting a Hangul syllable as two digits and leaving one digit for the
    cell's padding: an over-estimate rather than an under-estimate, so rows never overprint.
    """
    usable = max(1.0, width - 1.0)
    lines = 0
    for paragraph in str(text).split("\n"):
        line = 0.0
        count = 1
        for word in paragraph.split(" "):
            size = _text_width(word)
            if size > usable:  # a word longer than a line starts a line and breaks anywhere
                pieces = math.ceil(size / usable)
                count += pieces - (0 if line else 1)
                line = size - (pieces - 1) * usable
                continue
            needed = size if line == 0 else line + 1 + size
            if needed > usable:
                count += 1
                line = size
            else:
                line = needed
        lines += count
    return lines


def fit_row_heights(ws: Any, *, default_width: float = 8.43) -> None:
    """Set each row's height from the wrapped text in it (never lower than a set height)."""
    from openpyxl.utils import get_column_letter

    def width_of(col: int) -> float:
        dim = ws.column_dimensions.get(get_column_letter(col))
        return dim.width if dim is not None and dim.width else default_width

    spans: dict[tuple[int, int], float] = {}
    for merged in ws.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            spans[(merged.min_row, merged.min_col)] = sum(
                width_of(c) for c in range(merged.min_col, merged.max_col + 1))
    for row in ws.iter_rows():
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value:
                continue
            wraps = bool(cell.alignment is not None and cell.alignment.wrap_text)
            if not wraps and "\n" not in cell.value:
                continue
            width = spans.get((cell.row, cell.column), width_of(cell.column))
            scale = (cell.font.sz or 11) / 11 if cell.font is not None else 1.0
            lines = max(lines, math.ceil(text_lines(cell.value, width / scale) * scale))
        if lines > 1:
            height = lines * _LINE_POINTS + _PADDING_POINTS
            dim = ws.row_dimensions[row[0].row]
            dim.height = max(height, dim.height or 0)
