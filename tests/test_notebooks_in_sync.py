"""Is the generated markdown in the chapters exactly what the data gives (nbdev-style drift check)?

If this fails, run ``python -m casework.notebooks_sync`` from the repository root and commit the
changed notebooks. Never edit a generated part by hand: edit the data file or the block in
casework/notebooks_sync.py.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from casework import notebooks_sync as sync
from casework._util.text import markdown_escape
from casework.errors import CaseworkError

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
FIX = f"run '{sync.COMMAND}' in the repository root and commit notebooks/"


def test_generated_markdown_equals_what_the_data_gives():
    """Does regenerating every block leave every chapter as committed?"""
    differed = {name: blocks for name, blocks in sync.sync_folder(ROOT / "notebooks", write=False).items() if blocks}
    assert differed == {}, f"generated markdown out of date: {differed}; {FIX}"


def test_every_block_stands_in_exactly_one_chapter():
    """Is each block of BLOCKS used once, in the chapter its name says, and no marker unknown?"""
    where: dict[str, list[str]] = {}
    for path in CHAPTERS:
        held, _ = sync.sync_notebook(path, write=False)
        for name in held:
            where.setdefault(name, []).append(path.name[:2])
    assert sorted(where) == sorted(sync.BLOCKS), set(where) ^ set(sync.BLOCKS)
    assert all(chapters == [name[2:4]] for name, chapters in where.items()), where


def test_a_drifted_block_is_found_and_rewritten(tmp_path):
    """Is a hand edit inside a generated part reported by --check and undone by a sync?"""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    source = next(p for p in CHAPTERS if p.name.startswith("04"))
    copy = folder / source.name
    shutil.copyfile(source, copy)
    nb = nbformat.read(copy, as_version=4)
    cell = next(c for c in nb.cells if "generated: ch04.intake_cautions" in c.source)
    cell.source = cell.source.replace("조심합니다", "조심하세요")
    nbformat.write(nb, copy)
    assert sync.main(["--check", "--notebooks", str(folder)]) == 1
    assert sync.sync_folder(folder, write=False) == {source.name: ["ch04.intake_cautions"]}
    assert sync.main(["--notebooks", str(folder)]) == 0
    assert copy.read_bytes() == source.read_bytes()


def test_hand_text_around_a_block_is_kept():
    """Is the text before and after a block left alone, and only the part between markers rewritten?"""
    name = "ch08.annual_reassessment"
    stale = f"앞 글\n\n{sync.begin_marker(name)}\n\n옛 내용\n\n<!-- end generated: {name} -->\n\n뒤 글"
    new, names = sync.sync_text(stale)
    assert names == [name]
    assert new.startswith("앞 글\n\n") and new.endswith("\n\n뒤 글") and "옛 내용" not in new
    assert sync.render(name) in new
    assert sync.without_generated(new) == "앞 글\n\n\n\n뒤 글"


def test_broken_markers_are_refused_in_korean():
    """Does a missing end marker or an unknown block name stop the sync with a Korean message?"""
    with pytest.raises(CaseworkError, match="끝 표시"):
        sync.sync_text(f"{sync.begin_marker('ch04.listening')}\n\n글")
    with pytest.raises(CaseworkError, match="없는 생성 블록"):
        sync.sync_text("<!-- begin generated: ch99.nothing -->\n\n<!-- end generated: ch99.nothing -->")


def test_markdown_escape_keeps_text_literal():
    """Are marks escaped, ranges written with an en dash, and line breaks kept inside a table cell?"""
    assert markdown_escape("0~8점") == "0–8점"
    assert markdown_escape("~죠?") == "\\~죠?"
    assert markdown_escape("**굵게** a|b [링크]") == "\\*\\*굵게\\*\\* a\\|b \\[링크\\]"
    assert markdown_escape("첫 줄\n둘째 줄") == "첫 줄<br>둘째 줄"


def test_generated_tables_number_from_one_and_read_korean_dates():
    """Do the generated tables show 1-based numbers, 예/아니요 and dates as 2025년 4월 1일?"""
    log = sync.render("ch08.practice_log")
    assert re.search(r"^\| 1 \| 2025년 4월 1일 \|", log, re.M), log[:300]
    assert "| 예 |" in log and "True" not in log and "None" not in log
    assert "2024년 3월 20일" in sync.render("ch02.record_after_consent")


def test_the_checkers_rule_table_counts_come_from_the_table():
    """Do the passages beside the four checkers count the rule table's lists, cues and examples?"""
    from casework.language.rules import RuleTable

    rules = RuleTable.model_validate({"title": "시험 규칙", "lists": {
        "a": {"explain": "가", "cues": ["왜/MAG", "어째서"], "examples": ["왜요?"], "counter_examples": ["예"]},
        "b": {"explain": "나", "cues": ["죠/EF"]},
    }})
    text = sync._rule_table_size(rules)
    assert "「시험 규칙」" in text and "2갈래" in text and "모두 3개" in text and "모두 2개" in text
    for name in ("ch04.question_rules", "ch06.need_rules", "ch07.goal_rules", "ch10.masking_rules"):
        assert "**규칙 표**" in sync.render(name)
