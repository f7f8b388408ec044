"""After Run All, does every chapter show Korean, never a Python repr?

Each chapter notebook is run once in a fresh kernel (nbclient, two at a time, widget state
kept), then every output a learner sees is scanned by :mod:`tests.output_reprs`: plain and
HTML outputs, and the text of every widget as it first appears (labels, options, feedback, the
tables inside a widget). The check itself is tested first on the slips the learner walkthrough
found, so a pass over the chapters means something.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from casework.export.files import execute_notebook, read_notebook
from tests.output_reprs import html_slips, notebook_slips, output_slips, text_slips

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_the_check_catches_the_known_slips():
    """Would the check have caught each slip the walkthrough saw, and pass the fixed wording?"""
    slips = {
        "결정한 날: 2024-09-02 / 당사자와 함께: True": "True/False/None",
        "서로 관계없는 세 문제 → 복합적인가? False": "True/False/None",
        "결과: None": "True/False/None",
        "동의 여부는 True입니다": "True/False/None",
        "다음 정기 재사정: datetime.date(2026, 3, 3)": "datetime repr",
        "지금 갈 수 있는 단계: ['종결']": "list or tuple repr",
        "['가나1동 주민센터', '가나종합사회복지관']": "list or tuple repr",
        "('가나1동', 3)": "list or tuple repr",
        "{'경제': 3, '건강': 4}": "dict repr",
        "<casework.planning.ServicePlan object at 0x7f3a2c>": "object repr",
        "<PlanningMistake.WORKER_TASK: '사례관리자의 할 일'>": "enum repr",
        "AssessedNeed(domain='경제', description='밀린 공과금')": "dataclass repr",
        "NameError: name 'quiz_widget' is not defined": "English exception name",
        "Traceback (most recent call last):": "English exception name",
    }
    for text, kind in slips.items():
        found = text_slips(text)
        assert any(f.startswith(kind) for f in found), (text, found)
    clean = [
        "결정한 날: 2024년 9월 2일 / 당사자와 함께: 예",
        "지금 갈 수 있는 단계: 종결",
        "질문으로 들릴 수 있습니다('왜 약을 안 드셨어요'). 변명부터 하게 됩니다.",
        "가나1동 주민센터, 가나종합사회복지관, 가나재가노인지원센터",
        "T점수 68.3 · 목표 3개 가운데 2개 달성 [1–3]",
    ]
    for text in clean:
        assert text_slips(text) == [], (text, text_slips(text))


def test_the_check_reads_html_as_a_learner_sees_it():
    """In HTML: text is checked, tags and styles are not, and a 0, 1, 2 … index column is caught."""
    pandas_default = (
        "<table class='dataframe'><thead><tr><th></th><th>날짜</th><th>결과</th></tr></thead>"
        "<tbody><tr><th>0</th><td>2025-04-01</td><td>-1</td></tr>"
        "<tr><th>1</th><td>2025-05-01</td><td>0</td></tr></tbody></table>"
    )
    assert any(s.startswith("0-based index column") for s in html_slips(pandas_default))
    one_based = pandas_default.replace("<th>1</th>", "<th>2</th>").replace("<th>0</th>", "<th>1</th>")
    assert html_slips(one_based) == []
    assert html_slips("<style>.x{content:'None'}</style><p data-x='True'>예</p>") == []
    assert html_slips("<p>욕구 변동: <b>False</b></p>")
    assert html_slips("<p>&lt;casework.cases.Case object at 0x7f&gt;</p>")


def test_the_check_reads_outputs_and_widget_state():
    """Streams, errors, rich outputs and a widget's children (an Output widget inside a box)."""
    assert output_slips({"output_type": "stream", "name": "stdout", "text": ["동의: True\n"]})
    assert output_slips({"output_type": "error", "ename": "NameError", "evalue": "x", "traceback": []})
    rich = {"output_type": "execute_result", "data": {"text/plain": "['종결']", "text/html": "<p>종결</p>"}}
    assert output_slips(rich) == [], "JupyterLab shows the HTML, not the text/plain fallback"
    models = {
        "box": {"state": {"_model_name": "VBoxModel", "children": ["IPY_MODEL_label", "IPY_MODEL_out"]}},
        "label": {"state": {"_model_name": "LabelModel", "value": "점검 기록"}},
        "out": {"state": {"_model_name": "OutputModel", "outputs": [
            {"output_type": "display_data", "data": {"text/html": "<p>결과: None</p>"}}]}},
    }
    view = {"output_type": "display_data",
            "data": {"application/vnd.jupyter.widget-view+json": {"model_id": "box"},
                     "text/plain": "VBox(children=(Label(value='점검 기록'),))"}}
    found = output_slips(view, models)
    assert len(found) == 1 and "None" in found[0], found
    nb = {"metadata": {"widgets": {"application/vnd.jupyter.widget-state+json": {"state": models}}},
          "cells": [{"cell_type": "code", "outputs": [view]}]}
    assert notebook_slips(nb) == [f"cell 0: {found[0]}"]


@pytest.fixture(scope="module")
def executed():
    """Every chapter run once, two kernels at a time: {file name: executed notebook}."""

    def run(path: Path):
        return path.name, execute_notebook(read_notebook(path), path.parent.resolve())

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(pool.map(run, CHAPTERS))


@pytest.mark.parametrize("path", CHAPTERS, ids=lambda p: p.name[:2])
def test_chapter_outputs_show_no_python(executed, path):
    """Does the chapter, after Run All, show no Python repr in any output or widget?"""
    slips = notebook_slips(executed[path.name])
    assert slips == [], f"{path.name}:\n" + "\n".join(slips)
