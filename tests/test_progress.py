"""Tests for casework.progress: the per-learner progress file (save, restore, reset, never lose entries)."""

from __future__ import annotations

import json
import multiprocessing
import os
import stat

import pytest

from casework import progress
from casework.errors import CaseworkError


def test_path_follows_the_environment_and_defaults_to_home(monkeypatch, tmp_path):
    """Is CASEWORK_PROGRESS used when set, and ~/.casework/progress.json otherwise?"""
    monkeypatch.setenv(progress.ENV_VAR, str(tmp_path / "p.json"))
    assert progress.progress_path() == tmp_path / "p.json"
    monkeypatch.delenv(progress.ENV_VAR)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert progress.progress_path() == tmp_path / ".casework" / "progress.json"


def test_no_file_is_an_empty_progress():
    """Does a learner with no file yet get empty progress, and no file is made by reading?"""
    assert progress.load_progress() == {"version": 1, "items": {}}
    assert progress.saved_entry("ch03", "scene_01") is None
    assert not progress.progress_path().exists()


def test_record_check_counts_tries_and_keeps_hint_use():
    """Does each check add a try, and does hint use, once recorded, stay?"""
    progress.record_check("ch03", "scene_01", answer="가", status="incorrect", score=0.0)
    progress.record_level("ch03", "scene_01", hint_used=True)
    entry = progress.record_check("ch03", "scene_01", answer="나", status="correct", score=1.0)
    assert entry["attempts"] == 2 and entry["hint_used"] is True and entry["solution_seen"] is False
    assert progress.saved_entry("ch03", "scene_01")["answer"] == "나"


def test_solution_seen_implies_hint_used():
    """Does opening the model answer count as using the ladder's hints too?"""
    entry = progress.record_level("ch05", "kadl-x", solution_seen=True)
    assert entry["hint_used"] is True and entry["solution_seen"] is True and entry["attempts"] == 0


def test_entries_of_other_chapters_are_never_lost():
    """Does saving one widget keep every other entry, even one written by another process?"""
    progress.record_check("ch01", "a", answer=1, status="correct", score=1.0)
    path = progress.progress_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["items"]["ch02"] = {"b": {"answer": "x", "status": "partial", "score": 0.5, "attempts": 1}}
    path.write_text(json.dumps(data), encoding="utf-8")  # another notebook wrote meanwhile
    progress.record_check("ch03", "c", answer="y", status="incorrect", score=0.0)
    items = progress.load_progress()["items"]
    assert set(items) == {"ch01", "ch02", "ch03"}


def _write_many(path: str, worker: int) -> None:
    os.environ[progress.ENV_VAR] = path
    for n in range(15):
        progress.record_check(f"ch{worker}", f"q{n}", answer=n, status="correct", score=1.0)


def test_two_processes_writing_at_once_lose_nothing():
    """With two kernels saving at the same time, is every one of their entries in the file?"""
    path = str(progress.progress_path())
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_write_many, args=(path, i)) for i in (1, 2)]
    for p in workers:
        p.start()
    for p in workers:
        p.join(60)
    assert all(p.exitcode == 0 for p in workers)
    items = progress.load_progress()["items"]
    assert {k: len(v) for k, v in items.items()} == {"ch1": 15, "ch2": 15}


def test_the_default_folder_is_private(monkeypatch, tmp_path):
    """Is ~/.casework made readable by its owner only (the file holds the learner's answers)?"""
    monkeypatch.delenv(progress.ENV_VAR)
    monkeypatch.setenv("HOME", str(tmp_path))
    progress.record_check("ch00", "run_cell", answer=1, status="correct", score=1.0)
    mode = stat.S_IMODE((tmp_path / ".casework").stat().st_mode)
    assert mode == 0o700


@pytest.mark.parametrize("content", ["{깨진 json", "[1, 2]", '{"version": 99, "items": {}}',
                                     '{"version": 1, "items": {"ch01": ["x"]}}', b"\xff\xfe\x00"])
def test_a_corrupt_file_is_set_aside_with_a_korean_warning(content):
    """Is an unreadable file moved to a backup with a Korean warning, and progress starts afresh?"""
    path = progress.progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(content, bytes) else lambda c: path.write_text(c, encoding="utf-8"))(content)
    with pytest.warns(progress.ProgressWarning, match="학습 기록 파일.*읽을 수 없어 새로 시작합니다"):
        assert progress.load_progress() == {"version": 1, "items": {}}
    backups = list(path.parent.glob("progress.json.broken-*"))
    assert len(backups) == 1
    original = content if isinstance(content, bytes) else content.encode("utf-8")
    assert backups[0].read_bytes() == original
    progress.record_check("ch01", "a", answer=1, status="correct", score=1.0)
    assert progress.saved_entry("ch01", "a")["status"] == "correct"


def test_an_unwritable_place_raises_a_korean_progress_error(tmp_path, monkeypatch):
    """Is a path that cannot be written refused with a Korean message naming it and the way out?"""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(progress.ENV_VAR, str(blocker / "progress.json"))
    with pytest.raises(progress.ProgressError, match="저장하지 못했습니다") as info:
        progress.record_check("ch01", "a", answer=1, status="correct", score=1.0)
    assert str(blocker) in str(info.value) and progress.ENV_VAR in str(info.value)


def test_reset_one_chapter_or_everything():
    """Does reset remove one chapter's entries (or all), and say how many?"""
    for chapter, item in (("ch01", "a"), ("ch01", "b"), ("ch02", "c")):
        progress.record_check(chapter, item, answer=1, status="correct", score=1.0)
    assert progress.reset_progress("ch01") == 2
    assert set(progress.load_progress()["items"]) == {"ch02"}
    assert progress.reset_progress() == 1
    assert progress.load_progress()["items"] == {}


@pytest.mark.parametrize("chapter, item", [("", "a"), ("ch01", ""), (None, "a"), ("ch01", 3)])
def test_bad_keys_are_refused(chapter, item):
    """Is a blank or non-text chapter or item refused in Korean?"""
    with pytest.raises(CaseworkError, match="자리"):
        progress.record_check(chapter, item, answer=1, status="correct", score=1.0)


def test_chapter_progress_counts_done_right_hints_and_answers():
    """Does the summary count answered and right items and list where hints and answers were opened?"""
    progress.record_check("ch03", "scene_01", answer="가", status="correct", score=1.0)
    progress.record_check("ch03", "scene_02", answer="가", status="incorrect", score=0.0, hint_used=True)
    progress.record_level("ch03", "scene_03", solution_seen=True)  # opened, never checked
    (row,) = progress.chapter_progress()
    assert (row.chapter, row.answered, row.correct) == ("ch03", 2, 1)
    assert row.not_yet_right == ("scene_02",)
    assert set(row.hint_used) == {"scene_02", "scene_03"} and row.solution_seen == ("scene_03",)


def _notebook(tmp_path, records):
    outputs = [{"output_type": "display_data", "metadata": {},
                "data": {"text/plain": "x", "application/vnd.casework.check+json": r}} for r in records]
    nb = {"cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": outputs}],
          "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "07_연습.ipynb").write_text(json.dumps(nb), encoding="utf-8")


def test_exercise_records_are_read_from_saved_notebooks(tmp_path):
    """Are the check records in saved exercise notebooks counted, the last one per question?"""
    base = {"exercise": "07", "question": "q1", "score": 0.0, "hint_used": False, "solution_seen": False}
    _notebook(tmp_path, [base | {"status": "incorrect", "attempt": 1},
                         base | {"status": "correct", "score": 1.0, "attempt": 2, "hint_used": True}])
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    records = progress.exercise_records(tmp_path)
    assert records["ex07"]["q1"]["status"] == "correct" and records["ex07"]["q1"]["attempts"] == 2
    merged = progress.merge_exercise_records(progress.load_progress(), records)
    (row,) = progress.chapter_progress(merged)
    assert (row.chapter, row.answered, row.correct, row.hint_used) == ("ex07", 1, 1, ("q1",))


def test_labels_and_titles_are_korean():
    """Are chapters, exercises, quiz questions and widgets named in Korean for the view?"""
    assert progress.chapter_title("ch03") == "03장 관계 맺기"
    assert progress.chapter_title("ex07").startswith("연습 07 ")
    assert progress.item_label("ch03", "scene_01").startswith("'[장면 1]")
    assert progress.item_label("ch09", "closure-goal-reached") == "종결 판단: 목표를 확인한 평가 자리"
    assert progress.item_label("ch05", "kadl-elderly_alone") == "K-ADL 채점"
    assert progress.item_label("ex07", "q2") == "문제 q2"
