"""Tests for casework.widgets.export: the closing section's save button (no browser, no kernel).

The notebook is a small saved one with a stored output, as JupyterLab leaves it after Ctrl+S.
"""

from __future__ import annotations

import nbformat
import pytest

pytest.importorskip("ipywidgets")

from casework.closing import HEADING, closing_cells
from casework.export.notebook import Saved
from casework.judging.feedback import Feedback, Status
from casework.widgets import export as we


def _saved_notebook(folder, *, ran: bool = True):
    nb = nbformat.v4.new_notebook()
    code = nbformat.v4.new_code_cell("1 + 1")
    if ran:
        code.execution_count = 1
        code.outputs = [nbformat.v4.new_output("execute_result", {"text/plain": "2"}, execution_count=1)]
    nb.cells = [nbformat.v4.new_markdown_cell("# 시험 장\n\n내 답: 욕구 중심"), code, *closing_cells("chapter")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "시험_장.ipynb"
    nbformat.write(nb, path)
    return path


def test_button_writes_the_page_and_shows_its_link(tmp_path, monkeypatch):
    """Does a click write the notebook as HTML into 내 작업 and show a download link for it?"""
    path = _saved_notebook(tmp_path)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path / "내 작업"))
    monkeypatch.chdir(tmp_path)
    box = we.save_notebook_widget(pdf=False)
    assert box.button.description == we.SAVE_LABEL and "Ctrl+S" in box.children[0].value
    box.button.click()
    files = sorted((tmp_path / "내 작업").iterdir())
    assert [p.suffix for p in files] == [".html"] and files[0].name.startswith("시험_장_")
    page = files[0].read_text(encoding="utf-8")
    assert "내 답: 욕구 중심" in page
    assert HEADING.removeprefix("## ") not in page, "the closing save section is printed"
    assert f"download='{files[0].name}'" in box.area.value and "저장했습니다" in box.area.value


def test_two_clicks_keep_the_first_file(tmp_path, monkeypatch):
    """Is an earlier copy kept when the button is pressed again?"""
    path = _saved_notebook(tmp_path)
    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path / "내 작업"))
    monkeypatch.chdir(tmp_path)
    box = we.save_notebook_widget(str(path), pdf=False)
    first, second = box.save(), box.save()
    assert isinstance(first, Saved) and isinstance(second, Saved)
    assert first.files[0] != second.files[0] and first.files[0].exists() and second.files[0].exists()


def test_unsaved_notebook_says_press_ctrl_s(tmp_path, monkeypatch):
    """Is a notebook saved without outputs refused with a Korean 'Ctrl+S' message and no file?"""
    path = _saved_notebook(tmp_path, ran=False)
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))
    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path / "내 작업"))
    box = we.save_notebook_widget(pdf=False)
    outcome = box.save()
    assert isinstance(outcome, Feedback) and outcome.status is Status.INCORRECT
    assert "Ctrl+S로 저장한 뒤 다시 눌러 주세요" in box.area.value
    assert "Traceback" not in box.area.value and not (tmp_path / "내 작업").exists()


def test_unknown_notebook_is_a_korean_message(tmp_path, monkeypatch):
    """Without JupyterLab's notebook name, does the area say what to do, in Korean, with no code?"""
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    box = we.save_notebook_widget(pdf=False)
    box.button.click()
    assert "어느 노트북인지 알 수 없습니다" in box.area.value
    assert "save_notebook(" not in box.area.value


def test_stale_file_gets_a_note(tmp_path, monkeypatch):
    """When cells ran after the last save, does the area tell the learner to press Ctrl+S and retry?"""
    from casework.export import notebook

    path = _saved_notebook(tmp_path)
    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path / "내 작업"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(notebook, "_stale_note", lambda counts: "주의: 마지막으로 저장한 뒤에 실행한 셀이 있습니다.")
    box = we.save_notebook_widget(str(path), pdf=False)
    box.save()
    assert "마지막으로 저장한 뒤에 실행한 셀" in box.area.value and "download=" in box.area.value
