"""The closing section every chapter and exercise notebook ends with: keep this notebook as a file.

A short markdown cell and a hidden code cell (one call) that shows the save button
(:func:`casework.widgets.export.save_notebook_widget`). The cells are written here once:
the exercise generator appends them to every exercise, and the skeleton tests check that each
chapter and solution holds exactly these cells (chapters just before ``## 다음 장``, exercises
and solutions at the end).
"""

from __future__ import annotations

from typing import Literal

import nbformat
from nbformat.notebooknode import NotebookNode

__all__ = ["HEADING", "MARKDOWN_ID", "CODE_ID", "closing_cells", "without_closing", "with_closing"]

HEADING = "## 파일로 남기기"
MARKDOWN_ID = "closing-save-text"
CODE_ID = "closing-save-button"
Kind = Literal["chapter", "exercise"]

_WHAT = {"chapter": "이 장을", "exercise": "이 연습문제를"}
_TEXT = (
    "{heading}\n\n"
    "{what} 내 답과 피드백까지 담아 HTML과 PDF 파일로 남기려면, 먼저 **Ctrl+S**로 노트북을 저장한 뒤 "
    "아래 단추를 누르세요. 파일은 `내 작업` 폴더에 저장한 날짜와 시각을 붙여 만들어지고, 단추 아래에 "
    "내려받기 링크가 나옵니다. 단추가 보이지 않으면 맨 위의 코드 셀부터 차례로 실행하세요(**Shift+Enter**)."
)
_CODE = {
    "chapter": "save_notebook_widget()",
    # An exercise has no imports cell beyond check-setup (kept as the contract has it), so the
    # closing cell brings its own import.
    "exercise": "from casework.widgets.export import save_notebook_widget\n\nsave_notebook_widget()",
}


def closing_cells(kind: Kind) -> list[NotebookNode]:
    """The two closing cells for a chapter (``"chapter"``) or an exercise (``"exercise"``)."""
    text = nbformat.v4.new_markdown_cell(_TEXT.format(heading=HEADING, what=_WHAT[kind]), id=MARKDOWN_ID)
    code = nbformat.v4.new_code_cell(_CODE[kind], id=CODE_ID)
    code.metadata = NotebookNode({"jupyter": NotebookNode({"source_hidden": True}),
                                  "tags": ["nbval-ignore-output"]})
    return [text, code]


def without_closing(cells: list[NotebookNode]) -> list[NotebookNode]:
    """``cells`` without the closing cells (found by their ids)."""
    return [c for c in cells if c.get("id") not in (MARKDOWN_ID, CODE_ID)]


def with_closing(cells: list[NotebookNode], kind: Kind, *, before_heading: str | None = None) -> list[NotebookNode]:
    """``cells`` with the closing cells (re)placed at the end, or before the markdown cell that
    starts with ``before_heading`` (a chapter's ``## 다음 장``)."""
    rest = without_closing(cells)
    at = len(rest)
    if before_heading is not None:
        at = next((i for i, c in enumerate(rest)
                   if c.get("cell_type") == "markdown" and "".join(c.get("source", "")).startswith(before_heading)), at)
    return [*rest[:at], *closing_cells(kind), *rest[at:]]
