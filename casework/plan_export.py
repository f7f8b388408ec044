"""The ①–⑮ service plan form in the files 동 주민센터 staff keep: HWPX, and the xlsx layout.

* :func:`to_hwpx` writes a :class:`~casework.planning.ServicePlan` as an HWPX document (the
  format of 한글, which public offices file) with python-hwpx: the title, a header table (①, ②),
  the services table (③–⑬), the consent statement with its date, and a signature table
  (⑭, ⑮). :func:`from_hwpx` reads such a file back, field by field.
* :func:`fit_row_heights` sets the height of every row of an openpyxl sheet from its wrapped
  text, so a printed form never has lines running into the next row.

python-hwpx and openpyxl are imported inside the functions, so importing this module is cheap.
python-hwpx is alpha and changes its API between major versions: the version is pinned exactly.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from casework._util.fs import atomic_write
from casework._util.sheets import fit_row_heights, text_lines
from casework._util.text import particle
from casework.errors import CaseworkError
from casework.planning import (
    FIELD_LABELS,
    ITEM_COLUMNS,
    ServicePlan,
    ServicePlanItem,
    _check_output_path,
    _korean_date,
    _parse_consent_date,
    _parse_korean_date,
)

__all__ = ["to_hwpx", "from_hwpx", "fit_row_heights", "text_lines"]

TITLE = "서비스제공 계획 및 점검표"
CONSENT_HEADING = "서비스 이용 동의"
# Header table: label and value pairs, row by row; the goals span the rest of their row.
_HEADER_ROWS = (
    (("case_number", FIELD_LABELS["case_number"]), ("client_name", "대상자명")),
    (("birth_date", "생년월일"), ("case_manager", "담당 사례관리자")),
)
_GOAL_ROWS = (("short_term_goal", "② 단기 성과목표"), ("long_term_goal", "② 장기 성과목표"))
_SIGNATURES = ("client_signature", "manager_signature")
# Relative widths of the services table's eleven columns (③ and ④ carry the long text).
_ITEM_WEIGHTS = (24, 22, 7, 9, 11, 11, 8, 14, 9, 13, 14)


# --------------------------------------------------------------------------- HWPX


def _item_cells(item: ServicePlanItem) -> list[str]:
    row = item.as_row()
    cells = []
    for label in ITEM_COLUMNS:
        value = row[label]
        cells.append("" if value is None else value.isoformat() if isinstance(value, date) else str(value))
    return cells


def to_hwpx(plan: ServicePlan, path: str | os.PathLike[str], *, overwrite: bool = False) -> Path:
    """Write ``plan`` as an HWPX document at ``path`` (must end in .hwpx); return the path.

    Written whole or not at all; an existing file is replaced only with ``overwrite=True``.
    """
    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"HWPX로 저장할 계획표(ServicePlan)를 주세요. 받은 값: {plan!r}")
    target = _check_output_path(path, overwrite=overwrite, suffix=".hwpx")
    from hwpx import HwpxDocument

    doc = HwpxDocument.new()
    doc.page.setup(paper_size="A4", orientation="landscape", margins_mm={
        "left": 12, "right": 12, "top": 12, "bottom": 12})
    doc.paragraphs[0].text = TITLE
    doc.styles.apply_paragraph_format(paragraph_index=0, alignment="center")
    bold = doc.styles.ensure_run(bold=True, size=16)
    for run in doc.paragraphs[0].runs:
        run.char_pr_id_ref = bold

    head = doc.add_table(len(_HEADER_ROWS) + len(_GOAL_ROWS), 4)
    for r, pairs in enumerate(_HEADER_ROWS):
        for c, (name, label) in enumerate(pairs):
            value = getattr(plan, name)
            head.set_cell_text(r, 2 * c, label)
            head.set_cell_text(r, 2 * c + 1, value.isoformat() if isinstance(value, date) else value or "")
    for r, (name, label) in enumerate(_GOAL_ROWS, start=len(_HEADER_ROWS)):
        head.set_cell_text(r, 0, label)
        head.merge_cells(r, 1, r, 3)
        head.set_cell_text(r, 1, getattr(plan, name))
    head.set_column_widths([18, 32, 18, 32])

    doc.add_paragraph("")
    items = doc.add_table(len(plan.items) + 1, len(ITEM_COLUMNS))
    for c, label in enumerate(ITEM_COLUMNS):
        items.set_cell_text(0, c, label)
        items.set_cell_shading(0, c, "#E8EEF5")
    for r, item in enumerate(plan.items, start=1):
        for c, text in enumerate(_item_cells(item)):
            items.set_cell_text(r, c, text)
    items.set_column_widths(list(_ITEM_WEIGHTS))

    doc.add_paragraph("")
    doc.add_paragraph(CONSENT_HEADING)
    doc.add_paragraph(plan.consent_text())
    doc.add_paragraph(_korean_date(plan.signed_on))
    doc.styles.apply_paragraph_format(paragraph_index=len(doc.paragraphs) - 1, alignment="right")
    signatures = doc.add_table(len(_SIGNATURES), 3)
    for r, name in enumerate(_SIGNATURES):
        signatures.set_cell_text(r, 0, FIELD_LABELS[name])
        signatures.set_cell_text(r, 1, getattr(plan, name))
        signatures.set_cell_text(r, 2, "(인)")
    signatures.set_column_widths([20, 50, 10])

    report = doc.validate()
    if report.issues:  # pragma: no cover - python-hwpx refusing its own document
        raise CaseworkError(f"HWPX 문서를 만들지 못했습니다: {report.issues[0]}")
    return atomic_write(target, lambda temp: doc.save_to_path(temp), overwrite=overwrite)


def _tables(doc: Any) -> list[Any]:
    return [table for paragraph in doc.paragraphs for table in getattr(paragraph, "tables", [])]


def from_hwpx(path: str | os.PathLike[str]) -> ServicePlan:
    """Read back a plan written by :func:`to_hwpx`; the layout is checked label by label."""
    source = Path(path)
    if source.suffix.lower() != ".hwpx":
        raise CaseworkError(f"'.hwpx' 파일만 읽을 수 있습니다: {source.name}")
    if not source.is_file():
        raise CaseworkError(f"파일이 없습니다: {source}")
    from hwpx import HwpxDocument

    try:
        doc = HwpxDocument.open(source)
    except Exception as exc:  # python-hwpx raises several unrelated types
        raise CaseworkError(f"HWPX 파일을 열 수 없습니다: {source.name} ({exc})") from None
    tables = _tables(doc)
    if len(tables) != 3:
        raise CaseworkError(
            f"{source.name}: 표가 3개(머리말, 서비스, 서명) 있어야 하는데 {len(tables)}개입니다. "
            "워크북이 만든 파일인지 확인하세요."
        )
    head, items_table, signs = tables

    def cell(table: Any, r: int, c: int, label: str | None = None) -> str:
        text = table.cell(r, c).text or ""
        if label is not None and text != label:
            raise CaseworkError(
                f"{source.name}: 표의 {r + 1}행 {c + 1}열에 '{label}'{particle(str(label), '이')} 있어야 합니다(지금: '{text}'). "
                "양식의 틀을 바꾸지 말고 값만 고쳐 주세요."
            )
        return text

    header: dict[str, Any] = {}
    for r, pairs in enumerate(_HEADER_ROWS):
        for c, (name, label) in enumerate(pairs):
            cell(head, r, 2 * c, label)
            header[name] = cell(head, r, 2 * c + 1)
    for r, (name, label) in enumerate(_GOAL_ROWS, start=len(_HEADER_ROWS)):
        cell(head, r, 0, label)
        header[name] = cell(head, r, 1)
    header["birth_date"] = header["birth_date"] or None
    for c, label in enumerate(ITEM_COLUMNS):
        cell(items_table, 0, c, label)
    items = []
    for r in range(1, items_table.row_count):
        cells = {label: cell(items_table, r, c) for c, label in enumerate(ITEM_COLUMNS)}
        row: dict[str, object] = dict(cells)
        for name in ("priority", "times_per_week"):
            text = cells[FIELD_LABELS[name]].strip()
            # isdecimal, not isdigit: '①' is a digit that int() refuses; it goes on to be refused in Korean
            row[FIELD_LABELS[name]] = int(text) if text.isdecimal() else (text or None)
        for name in ("start", "end"):
            row[FIELD_LABELS[name]] = cells[FIELD_LABELS[name]] or None
        items.append(ServicePlanItem.from_row(row, where=f"{source.name} 서비스 표 {r}행"))
    for r, name in enumerate(_SIGNATURES):
        cell(signs, r, 0, FIELD_LABELS[name])
        header[name] = cell(signs, r, 1)

    texts = [p.text or "" for p in doc.paragraphs]
    try:
        at = texts.index(CONSENT_HEADING)
    except ValueError:
        raise CaseworkError(f"{source.name}에 '{CONSENT_HEADING}' 문단이 없습니다.") from None
    if at + 2 >= len(texts):
        raise CaseworkError(f"{source.name}: 동의 문구나 작성일이 빠졌습니다.")
    consent_from = _parse_consent_date(texts[at + 1], source.name)
    signed_on = _parse_korean_date(texts[at + 2], "작성일", source.name)
    try:
        return ServicePlan(items=tuple(items), consent_from=consent_from, signed_on=signed_on, **header)
    except CaseworkError as exc:
        raise CaseworkError(f"{source.name}: {exc}") from None


