"""Tests for casework.export: widgets as static HTML, notebook pages, PDF, the notebook calls, CLI.

One small notebook with real widgets is run once in a fresh kernel (nbclient keeps the widget
state in its metadata, as JupyterLab does on save with "save widget state" on).
"""

from __future__ import annotations

import re
import shutil
import stat
import subprocess

import nbformat
import pytest

from casework import cli, pdn
from casework.errors import CaseworkError
from casework.export import widget_html
from casework.export.files import execute_notebook, export_notebook
from casework.export.html import MISSING_WIDGET, notebook_to_html, static_widgets
from casework.export.pdf import find_browser

VIEW = widget_html.WIDGET_VIEW_MIME


def _ref(model_id: str) -> str:
    return f"IPY_MODEL_{model_id}"


def _models() -> dict:
    return {
        "box": {"model_name": "VBoxModel", "state": {
            "children": [_ref(x) for x in ("html", "drop", "radio", "text", "empty", "check", "btn", "hidden", "out")],
            "_dom_classes": ["casework-goal-checker"]}},
        "html": {"model_name": "HTMLModel", "state": {"value": "<b>문제 1</b>"}},
        "drop": {"model_name": "DropdownModel", "state": {
            "description": "단계", "_options_labels": ["— 고르세요 —", "사정", "계획"], "index": 2}},
        "radio": {"model_name": "RadioButtonsModel", "state": {"_options_labels": ["가", "나"], "index": 1}},
        "text": {"model_name": "TextModel", "state": {"description": "목표", "value": "어르신이 3개월 안에 <걷는다>"}},
        "empty": {"model_name": "TextModel", "state": {"description": "주인", "placeholder": "예: 어르신"}},
        "check": {"model_name": "CheckboxModel", "state": {"description": "덮어쓰기", "value": True}},
        "btn": {"model_name": "ButtonModel", "state": {"description": "목표 점검"}},
        "hidden": {"model_name": "HTMLModel", "state": {"value": "숨은 글", "layout": _ref("lay")}},
        "lay": {"model_name": "LayoutModel", "state": {"display": "none"}},
        "out": {"model_name": "OutputModel", "state": {"outputs": [
            {"output_type": "stream", "name": "stdout", "text": "출력 글\n"}]}},
    }


def test_widget_tree_renders_answers_as_static_html():
    """Do chosen options, typed text, ticks and nested output appear, and hidden parts not?"""
    html = widget_html.render("box", _models(), lambda out: f"<pre>{out['text']}</pre>")
    assert "casework-goal-checker" in html
    assert "<b>문제 1</b>" in html
    assert "단계" in html and "계획" in html and "사정" not in html
    assert "● 나" in html and "○ 가" in html
    assert "어르신이 3개월 안에 &lt;걷는다&gt;" in html  # typed text is escaped
    assert "예: 어르신" in html and "cw-w-empty" in html
    assert "☑ 덮어쓰기" in html
    assert "목표 점검" in html
    assert "숨은 글" not in html
    assert "출력 글" in html


def test_unknown_model_and_cycles():
    """Is an unknown model None, and does a model that contains itself not loop forever?"""
    assert widget_html.render("nope", _models()) is None
    models = {"a": {"model_name": "VBoxModel", "state": {"children": [_ref("a")]}}}
    assert widget_html.render("a", models) == ""


def test_saved_state_is_read_and_live_state_wins():
    """Does a later (live) state override the saved one for the same model?"""
    saved = {"widgets": {widget_html.WIDGET_STATE_MIME: {"state": {"t": {"model_name": "TextModel", "state": {"value": "옛 답"}}}}}}
    live = {"t": {"model_name": "TextModel", "state": {"value": "새 답"}}}
    models = widget_html.merge_states(widget_html.state_of(saved), live)
    assert "새 답" in widget_html.render("t", models)
    assert widget_html.state_of({}) == {}


WIDGET_NOTEBOOK = [
    "import ipywidgets as w",
    "box = w.VBox([w.HTML('<p>고르세요</p>'), w.Dropdown(options=['가', '나', '다'], value='다', description='답')])\nbox",
    "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(2, 1))\nax.plot([1, 2])\nplt.show()",
    "import pandas as pd\npd.DataFrame({'이름': ['홍길동'], '점수': [3]})",
]


@pytest.fixture(scope="module")
def ran_notebook(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nb")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 시험 노트북\n\n[다음](other.ipynb)")]
    nb.cells += [nbformat.v4.new_code_cell(src) for src in WIDGET_NOTEBOOK]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    execute_notebook(nb, folder)
    path = folder / "시험.ipynb"
    nbformat.write(nb, path)
    return path


def test_static_widgets_replace_widget_views(ran_notebook):
    """Does every widget output become HTML with the widget's value, and the metadata go?"""
    nb = nbformat.read(ran_notebook, as_version=4)
    assert "widgets" in nb.metadata
    page = static_widgets(nb)
    assert "widgets" not in page.metadata
    outputs = [o for c in page.cells if c.cell_type == "code" for o in c.outputs]
    assert not any(VIEW in o.get("data", {}) for o in outputs)
    html = next(o["data"]["text/html"] for o in outputs if "cw-w" in str(o.get("data", {}).get("text/html", "")))
    assert "고르세요" in html and "다" in html


def test_a_widget_without_saved_state_gets_a_korean_note(ran_notebook):
    """Is 'model not found' replaced by a Korean sentence saying how to fix it?"""
    nb = nbformat.read(ran_notebook, as_version=4)
    nb.metadata.pop("widgets")
    outputs = [o for c in static_widgets(nb).cells if c.cell_type == "code" for o in c.outputs]
    assert any(o.get("data", {}).get("text/html") == MISSING_WIDGET for o in outputs)


def test_page_loads_nothing_from_elsewhere(ran_notebook):
    """Is the page one file: no script, no remote stylesheet, images embedded, phone viewport?"""
    html = notebook_to_html(nbformat.read(ran_notebook, as_version=4))
    assert "<script" not in html
    assert not re.search(r"<(?:link|img|iframe)[^>]+(?:src|href)=['\"]?https?://", html)
    assert "data:image/png;base64," in html
    assert 'name="viewport"' in html and "@media print" in html
    assert "<title>시험 노트북</title>" in html and '<html lang="ko">' in html
    assert "<table" in html and "홍길동" in html


def test_export_notebook_writes_html_and_refuses_to_overwrite(ran_notebook, tmp_path):
    """Does export write a readable 0644 HTML file, and refuse an existing one without force?"""
    (written,) = export_notebook(ran_notebook, tmp_path, formats=["html"])
    assert written.name == "시험.html"
    assert stat.S_IMODE(written.stat().st_mode) & 0o044 == 0o044
    with pytest.raises(CaseworkError, match="이미 파일이 있습니다"):
        export_notebook(ran_notebook, tmp_path, formats=["html"])
    export_notebook(ran_notebook, tmp_path, formats=["html"], overwrite=True)
    with pytest.raises(CaseworkError, match="html, pdf"):
        export_notebook(ran_notebook, tmp_path, formats=["docx"])
    with pytest.raises(CaseworkError, match="노트북 파일이 없습니다"):
        export_notebook(tmp_path / "없음.ipynb", tmp_path)
    broken = tmp_path / "깨짐.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaseworkError, match="읽을 수 없습니다"):
        export_notebook(broken, tmp_path)


@pytest.mark.skipif(find_browser() is None or shutil.which("pdftotext") is None,
                    reason="no Chromium (python3 tasks.py test installs it as root) or pdftotext")
def test_pdf_holds_the_answers_and_korean_text(ran_notebook, tmp_path):
    """Is the PDF a real A4 PDF whose text has the chosen answer and the Korean page text?"""
    files = export_notebook(ran_notebook, tmp_path, formats=["pdf"])
    assert [f.suffix for f in files] == [".pdf"]
    assert files[0].read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(files[0]), "-"], capture_output=True, text=True, check=True).stdout
    assert "시험 노트북" in text and "고르세요" in text and "홍길동" in text
    info = subprocess.run(["pdfinfo", str(files[0])], capture_output=True, text=True).stdout
    assert "A4" in info or "595" in info


def test_cli_export_writes_html(ran_notebook, tmp_path, capsys):
    """Does 'casework export NB --html --out DIR' write the page and name it?"""
    assert cli.main(["export", str(ran_notebook), "--html", "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "시험.html").is_file()
    assert "시험.html" in capsys.readouterr().out
    assert cli.main(["export", str(tmp_path / "없음.ipynb"), "--out", str(tmp_path)]) == 2
    assert "노트북 파일이 없습니다" in capsys.readouterr().err


# --------------------------------------------------------------------------- notebook calls


def test_save_notebook_from_a_kernel(ran_notebook, tmp_path, monkeypatch):
    """Does save_notebook find the notebook JupyterLab names and link the files it writes?"""
    from casework.export import notebook

    monkeypatch.setenv("JPY_SESSION_NAME", str(ran_notebook))
    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path / "내 작업"))
    monkeypatch.chdir(ran_notebook.parent)
    saved = notebook.save_notebook(pdf=False)
    assert len(saved.files) == 1 and saved.files[0].parent == tmp_path / "내 작업"
    assert saved.files[0].name.startswith("시험_") and saved.files[0].suffix == ".html"
    html = saved._repr_html_()
    assert "download=" in html and "%EB%82%B4%20%EC%9E%91%EC%97%85" in html  # "내 작업" URL-quoted
    again = notebook.save_notebook(pdf=False)
    assert again.files[0] != saved.files[0] and saved.files[0].exists(), "an earlier copy was replaced"


def test_save_notebook_says_what_to_do(tmp_path, monkeypatch):
    """Without a known notebook, or with one never run and saved, is there a Korean hint?"""
    from casework.export import notebook

    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    with pytest.raises(CaseworkError, match="어느 노트북인지"):
        notebook.save_notebook()
    empty = tmp_path / "빈.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1")]), empty)
    monkeypatch.setenv("JPY_SESSION_NAME", str(empty))
    with pytest.raises(CaseworkError, match="Ctrl\\+S"):
        notebook.save_notebook()


def test_plan_files_writes_three_formats(tmp_path, monkeypatch):
    """Does plan_files(plan) write .xlsx, .hwpx and .html that read back as the same plan?"""
    from casework import plan_export
    from casework.export import notebook
    from casework.planning import ServicePlan

    monkeypatch.setenv("CASEWORK_WORK_DIR", str(tmp_path))
    plan = pdn.practice_service_plan()
    saved = notebook.plan_files(plan)
    assert sorted(p.suffix for p in saved.files) == [".html", ".hwpx", ".xlsx"]
    by_suffix = {p.suffix: p for p in saved.files}
    assert ServicePlan.from_excel(by_suffix[".xlsx"]) == plan
    assert plan_export.from_hwpx(by_suffix[".hwpx"]) == plan
    assert "서비스 이용 동의" in by_suffix[".html"].read_text(encoding="utf-8")
    assert len(notebook.plan_files(plan).files) == 3 and len(list(tmp_path.iterdir())) == 6


def test_plan_files_refuses_what_is_not_a_plan(tmp_path):
    """Is a value that is not a ServicePlan, or a missing folder, refused in Korean?"""
    from casework.export import notebook

    with pytest.raises(CaseworkError, match="ServicePlan"):
        notebook.plan_files("계획", folder=tmp_path)
    with pytest.raises(CaseworkError, match="저장할 폴더가 없습니다"):
        notebook.plan_files(pdn.practice_service_plan(), folder=tmp_path / "없음")
    assert list(tmp_path.iterdir()) == []


def test_display_math_becomes_a_picture():
    """Is a $$…$$ formula drawn as an embedded SVG (no MathJax), and unknown TeX left as text?"""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
        "# 수식\n\n$$T = 50 + \\frac{10 \\sum_i w_i x_i}{\\sqrt{\\rho}}$$\n\n$$\\nosuchmacro{x}$$")])
    html = notebook_to_html(nb)
    assert len(re.findall(r"class=[\"']cw-math", html)) == 1 and "data:image/svg+xml;base64," in html
    assert "\\nosuchmacro" in html
