"""Tests for casework.widgets.progress: the 내 학습 현황 view over the progress file."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("ipywidgets")

from casework import progress
from casework.widgets.progress import progress_view, 내_학습_현황
from casework.widgets.quiz import quiz_widget


def _answer_scene(number: int, right: bool, hint: bool = False):
    from casework import quiz

    question = quiz.load_quiz("ch03").question(f"scene_{number:02d}")
    box = quiz_widget("ch03", only=[question.id]).children[0]
    box.children[1].value = next(o.text for o in question.options if o.correct == right)
    box.check()
    if hint:
        box.hint()


def test_the_korean_name_is_the_view():
    """Can chapter 00 call the view by its Korean name?"""
    assert 내_학습_현황 is progress_view


def test_empty_progress_says_how_it_fills(tmp_path):
    """With nothing answered yet, does the view say how answers get there?"""
    view = progress_view(exercises=tmp_path)
    assert "아직 확인한 답이 없습니다" in view.table.value
    assert str(progress.progress_path()) in view.children[0].value


def test_the_table_shows_done_right_and_hints_per_chapter(tmp_path):
    """After answering in a chapter widget, does the view count it and name where hints were used?"""
    _answer_scene(1, right=True)
    _answer_scene(2, right=False, hint=True)
    view = progress_view(exercises=tmp_path)
    table = view.table.value
    row = next(r for r in progress.chapter_progress() if r.chapter == "ch03")
    assert (row.answered, row.correct) == (2, 1)
    assert "03장 관계 맺기" in table and ">2개</td>" in table and ">1개</td>" in table
    assert table.count("[장면 2]") == 2  # once under 다시 볼 문제, once under 힌트를 본 문제
    assert "[장면 1]" not in table


def test_exercise_notebooks_are_counted_too(tmp_path):
    """Are the check records of saved exercise notebooks in the folder shown as their exercise?"""
    record = {"exercise": "07", "question": "q1", "status": "correct", "score": 1.0, "attempt": 1,
              "hint_used": False, "solution_seen": False}
    nb = {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": [
        {"output_type": "display_data", "metadata": {}, "data": {"application/vnd.casework.check+json": record}}]}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "07_목표.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    assert "연습 07 목표 설정과 계획 수립 연습" in progress_view(exercises=tmp_path).table.value


def test_reset_asks_first_and_then_forgets_one_chapter(tmp_path):
    """Does 기록 지우기 ask first, 아니요 keep everything, and 예 forget only the chosen chapter?"""
    _answer_scene(1, right=True)
    progress.record_check("ch05", "kadl-elderly_alone", answer={}, status="partial", score=0.5)
    view = progress_view(exercises=tmp_path)
    view.ask_reset()
    assert view.confirm.layout.display == ""
    view.cancel_reset()
    assert view.confirm.layout.display == "none" and len(progress.load_progress()["items"]) == 2
    view.chapter.value = "03장 관계 맺기"
    view.ask_reset()
    assert view.confirm_reset() == 1
    assert set(progress.load_progress()["items"]) == {"ch05"}
    assert "03장 관계 맺기의 답 1개를 지웠습니다" in view.message.value
    assert "03장" not in view.table.value and "05장" in view.table.value


def test_reset_everything(tmp_path):
    """With 모든 장 chosen, does confirming forget every saved answer?"""
    _answer_scene(1, right=True)
    view = progress_view(exercises=tmp_path)
    view.ask_reset()
    view.confirm_reset()
    assert progress.load_progress()["items"] == {} and "아직 확인한 답이 없습니다" in view.table.value


def test_a_corrupt_file_is_shown_as_a_korean_note(tmp_path):
    """Does an unreadable progress file give a Korean note in the view, not a traceback?"""
    path = progress.progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("not json", encoding="utf-8")
    view = progress_view(exercises=tmp_path)
    assert "읽을 수 없어 새로 시작합니다" in view.message.value
