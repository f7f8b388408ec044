"""Do the chapter notebooks keep the workbook's skeleton and stay thin?

Every chapter (Project Pythia style): title, 학습 목표, 시작하기 전에, one short imports cell,
the content, 정리, the closing save section (casework.closing), 다음 장. Outputs are not stored (nbval re-runs every notebook), and no
helper is defined inside a notebook.

A chapter reads like a book before it is run: facts are markdown (generated from the data by
``python -m casework.notebooks_sync``, never printed by a cell), a code cell a reader sees is
one or two lines, and a cell that only shows a widget or a chart has its source collapsed.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

from casework.closing import HEADING as CLOSING_HEADING
from casework.closing import closing_cells

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
HEADINGS = ["## 학습 목표", "## 시작하기 전에", "## 정리", CLOSING_HEADING, "## 다음 장"]
MAX_CODE_LINES = 15
MAX_VISIBLE_LINES = 2
# A call that shows a widget or a chart: quiz_widget, triage_widget, needs_chart, goal_checker,
# service_plan_form, agency_list_exercise, worked_example, 내_학습_현황 …
DISPLAY_CALL = re.compile(r"(_widget|_chart|_checker|_form|_exercise|_upload|^worked_example|^내_학습_현황)$")


def _nb(path):
    return nbformat.read(path, as_version=4)


def test_all_twelve_chapters_exist():
    """Are chapters 00 to 11 all there, one notebook each?"""
    numbers = sorted(p.name[:2] for p in NOTEBOOKS)
    assert numbers == [f"{i:02d}" for i in range(12)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_skeleton_headings_in_order(path):
    """Does the notebook have title, 학습 목표, 시작하기 전에, …, 정리, 다음 장 in that order?"""
    nb = _nb(path)
    md = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert nb.cells[0].cell_type == "markdown"
    assert re.match(rf"# {path.name[:2]}\. \S", nb.cells[0].source), nb.cells[0].source[:40]
    positions = []
    for heading in HEADINGS:
        hits = [i for i, src in enumerate(md) if any(line.strip() == heading for line in src.splitlines())]
        assert hits, f"{path.name}: missing heading {heading!r}"
        positions.append(hits[0])
    assert positions == sorted(positions), f"{path.name}: headings out of order"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_closing_save_section_stands_just_before_the_next_chapter(path):
    """Does the chapter hold the closing save cells exactly as casework.closing writes them, before 다음 장?"""
    cells = _nb(path).cells
    at = next(i for i, c in enumerate(cells) if c.get("id") == closing_cells("chapter")[0].id)
    expected = [(c.cell_type, c.id, c.source, c.metadata) for c in closing_cells("chapter")]
    assert [(c.cell_type, c.id, c.source, c.metadata) for c in cells[at:at + 2]] == expected
    assert cells[at + 2].cell_type == "markdown" and cells[at + 2].source.startswith("## 다음 장")
    assert "save_notebook_widget" in cells[[c.cell_type for c in cells].index("code")].source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_imports_come_first_in_one_short_cell(path):
    """Is the first code cell imports only, and do later cells import nothing?"""
    code = [c for c in _nb(path).cells if c.cell_type == "code"]
    assert code, f"{path.name}: no code cells"
    first = ast.parse(code[0].source)
    for node in first.body:
        is_import = isinstance(node, (ast.Import, ast.ImportFrom))
        is_font_call = isinstance(node, ast.Expr) and "use_korean_font" in ast.unparse(node)
        assert is_import or is_font_call, f"{path.name}: imports cell also does {ast.unparse(node)!r}"
    for cell in code[1:]:
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, (ast.Import, ast.ImportFrom)), f"{path.name}: import after the first cell"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_code_cells_are_short_and_define_no_helpers(path):
    """Do code cells stay short and define no functions or classes (helpers live in casework)?"""
    for cell in _nb(path).cells:
        if cell.cell_type != "code":
            continue
        lines = _lines(cell.source)
        assert len(lines) <= MAX_CODE_LINES, f"{path.name}: a code cell has {len(lines)} lines"
        for node in ast.walk(ast.parse(cell.source)):
            assert not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)), (
                f"{path.name}: defines {type(node).__name__} in a cell; put it in casework/"
            )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_outputs_are_not_stored(path):
    """Are outputs stripped (nbval re-runs the notebook; README says outputs are not committed)?"""
    nb = _nb(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: stored output"
    assert "widgets" not in nb.metadata, f"{path.name}: stored widget state"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


def _lines(source: str) -> list[str]:
    return [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]


def _hidden(cell) -> bool:
    return bool(cell.metadata.get("jupyter", {}).get("source_hidden"))


def _called(source: str) -> list[str]:
    return [node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_no_cell_prints_facts(path):
    """Does no cell print? Facts are markdown a reader sees without running anything."""
    for cell in _nb(path).cells:
        if cell.cell_type == "code":
            assert "print" not in _called(cell.source), f"{path.name}: a cell prints: {cell.source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_widget_and_chart_cells_are_collapsed(path):
    """Has every cell that shows a widget or a chart its source collapsed (jupyter.source_hidden)?"""
    for cell in [c for c in _nb(path).cells if c.cell_type == "code"][1:]:
        if any(DISPLAY_CALL.search(name) for name in _called(cell.source)):
            assert _hidden(cell), f"{path.name}: display cell not collapsed: {cell.source[:60]!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_visible_code_cells_are_one_or_two_lines(path):
    """Is every code cell a reader sees (imports aside) one or two lines?"""
    for cell in [c for c in _nb(path).cells if c.cell_type == "code"][1:]:
        if not _hidden(cell):
            assert len(_lines(cell.source)) <= MAX_VISIBLE_LINES, f"{path.name}: {cell.source[:80]!r}"
