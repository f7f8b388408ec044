"""Do the chapter notebooks keep the workbook's skeleton and stay thin?

Every chapter (Project Pythia style): title, 학습 목표, 시작하기 전에, one short imports cell,
the content, 정리, 다음 장. Outputs are not stored (nbval re-runs every notebook), and no
helper is defined inside a notebook.
"""

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
HEADINGS = ["## 학습 목표", "## 시작하기 전에", "## 정리", "## 다음 장"]
MAX_CODE_LINES = 15


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
        lines = [x for x in cell.source.splitlines() if x.strip() and not x.strip().startswith("#")]
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
