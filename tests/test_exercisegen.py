"""Tests for casework.exercisegen: solution notebooks in, learners' exercise notebooks out.

Golden files: ``tests/goldens/exercisegen/solution.ipynb`` uses every marker form and
``expected_exercise.ipynb`` is its exercise, committed byte for byte. When a change to the
generator is meant to change the output, regenerate the golden deliberately and review the diff
before committing it::

    .venv/bin/python -c "from pathlib import Path; from casework.exercisegen import exercise_bytes; \
p = Path('tests/goldens/exercisegen'); \
(p / 'expected_exercise.ipynb').write_bytes(exercise_bytes(p / 'solution.ipynb'))"
    git diff tests/goldens/exercisegen/

There is deliberately no ``--update-goldens`` switch: a golden only changes by that command
plus a reviewed diff, never as a side effect of running the tests.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import stat
from pathlib import Path

import nbformat
import pytest
from nbformat import v4

from casework import exercisegen as eg
from casework.closing import CODE_ID, HEADING, MARKDOWN_ID, closing_cells, without_closing
from casework.errors import CaseworkError

GOLDENS = Path(__file__).resolve().parent / "goldens" / "exercisegen"
SOLUTION = GOLDENS / "solution.ipynb"
EXPECTED = GOLDENS / "expected_exercise.ipynb"


# --------------------------------------------------------------------------- helpers


def code(source: str, cell_id: str = "c", **metadata) -> nbformat.NotebookNode:
    cell = v4.new_code_cell(source, id=cell_id)
    cell.metadata.update(metadata)
    return cell


def md(source: str, cell_id: str = "m", **metadata) -> nbformat.NotebookNode:
    cell = v4.new_markdown_cell(source, id=cell_id)
    cell.metadata.update(metadata)
    return cell


def notebook(*cells: nbformat.NotebookNode) -> nbformat.NotebookNode:
    ids = [f"cell-{i}" for i in range(len(cells))]
    for cell, cell_id in zip(cells, ids):
        if cell.get("id") in ("c", "m"):
            cell["id"] = cell_id
    return v4.new_notebook(cells=list(cells))


def code_of(source: str) -> str:
    """Exercise source of a one-code-cell notebook."""
    return eg.generate_exercise(notebook(code(source))).cells[0].source


def body(nb: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    """The exercise's cells without the closing section every exercise ends with."""
    return without_closing(eg.generate_exercise(nb).cells)


def md_of(source: str) -> str | None:
    cells = body(notebook(md(source)))
    return cells[0].source if cells else None


def write_nb(path: Path, nb: nbformat.NotebookNode) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
    return path


def good_solution(answer: str = "관계 욕구") -> nbformat.NotebookNode:
    return notebook(
        md("## 질문\n\n<!-- BEGIN SOLUTION -->\n해설\n<!-- END SOLUTION -->"),
        code(f'answer = "{answer}"  # SOLUTION\ncheck("q1", answer)'),
    )


def broken_solution() -> nbformat.NotebookNode:
    return notebook(md("설명"), code("x = 1"), code("### BEGIN SOLUTION\nanswer = 1"))


def error_of(func, *args, **kwargs) -> str:
    with pytest.raises(CaseworkError) as info:
        func(*args, **kwargs)
    return str(info.value)


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


# --------------------------------------------------------------------------- goldens


def test_golden_solution_becomes_the_committed_expected_exercise_byte_for_byte():
    """Does the golden solution generate exactly the committed expected exercise?"""
    assert eg.exercise_bytes(SOLUTION) == EXPECTED.read_bytes()


def test_golden_generation_twice_gives_identical_bytes(tmp_path):
    """Does generating the same folder twice write byte-identical files?"""
    solutions = tmp_path / "solutions"
    solutions.mkdir()
    (solutions / "07_goal.ipynb").write_bytes(SOLUTION.read_bytes())
    first = eg.generate_all(solutions, tmp_path / "a")
    second = eg.generate_all(solutions, tmp_path / "b")
    assert first[0].read_bytes() == second[0].read_bytes() == EXPECTED.read_bytes()


def test_golden_exercise_holds_none_of_the_answers():
    """Is every answer text in the golden solution absent from the golden exercise?"""
    solution = SOLUTION.read_text(encoding="utf-8")
    exercise = EXPECTED.read_text(encoding="utf-8")
    answers = [
        "경로당 점심 모임에 나간다", "어르신 본인", "관계 욕구", "경로당 점심 모임 연결",
        "동 주민센터", "return True", "return review_due", "이웃과 인사를 나눈다",
        "summary =", "강사 메모", "**해설:**", "모범 답안", "# SOLUTION", "BEGIN SOLUTION",
        "solution-only", "exercise-only", "widget-state", "iopub", "q1 True",
    ]
    for text in answers:
        assert text in solution, text
        assert text not in exercise, text


def test_golden_exercise_and_solution_both_run_top_to_bottom():
    """Do the golden exercise and its solution run without error (no kernel needed)?"""
    for path in (SOLUTION, EXPECTED):
        nb = nbformat.read(path, as_version=4)
        namespace: dict = {}
        with contextlib.redirect_stdout(io.StringIO()) as out:
            for cell in nb.cells:
                if cell.cell_type == "code":
                    exec(compile(cell.source, f"{path.name}:{cell.id}", "exec"), namespace)
        printed = out.getvalue()
        if path is SOLUTION:
            assert printed.splitlines()[:4] == ["q1 True", "q2 True", "q3 True", "q4 True"]
        else:
            assert printed == "q1 False\nq2 False\nq3 False\nq4 False\n"


def test_golden_keeps_ids_metadata_and_drops_widget_state():
    """Are cell ids and notebook metadata kept, widget state and timing metadata dropped?"""
    solution = nbformat.read(SOLUTION, as_version=4)
    exercise = nbformat.read(EXPECTED, as_version=4)
    assert "widgets" in solution.metadata and "widgets" not in exercise.metadata
    assert exercise.metadata.casework == {"chapter": "07"}
    assert exercise.metadata.kernelspec == solution.metadata.kernelspec
    kept = {c.id for c in solution.cells} - {"teacher-note", "teacher-check", "answer-only"}
    assert [c.id for c in exercise.cells] == [*(c.id for c in solution.cells if c.id in kept), MARKDOWN_ID, CODE_ID]
    assert all("execution" not in c.metadata for c in exercise.cells)


# --------------------------------------------------------------------------- code cells


def test_block_becomes_one_ellipsis_line_at_the_marker_indentation():
    """Is a BEGIN/END block replaced by one '...' line indented like its BEGIN marker?"""
    source = (
        "def f(x):\n"
        "    # 힌트는 남습니다\n"
        "    ### BEGIN SOLUTION\n"
        "    y = x + 1\n"
        "    return y\n"
        "    ### END SOLUTION\n"
        "check('f', f)"
    )
    assert code_of(source) == "def f(x):\n    # 힌트는 남습니다\n    ...\ncheck('f', f)"


def test_block_with_tabs_and_trailing_spaces_is_recognised():
    """Are markers indented with a tab and followed by spaces still markers?"""
    source = "if True:\n\t### BEGIN SOLUTION   \n\tx = 1\n\t### END SOLUTION  \n"
    assert code_of(source) == "if True:\n\t...\n"


def test_block_as_the_last_line_keeps_no_extra_newline():
    """Does a block ending the cell leave '...' without a trailing newline?"""
    assert code_of("### BEGIN SOLUTION\nx = 1\n### END SOLUTION") == "..."


def test_empty_block_still_leaves_an_ellipsis():
    """Does an empty BEGIN/END pair still leave a '...' placeholder?"""
    assert code_of("a = 1\n### BEGIN SOLUTION\n### END SOLUTION\nb = 2") == "a = 1\n...\nb = 2"


def test_two_blocks_in_one_cell_are_both_replaced():
    """Are two separate blocks in one cell each replaced?"""
    source = "### BEGIN SOLUTION\na = 1\n### END SOLUTION\nmid = 0\n### BEGIN SOLUTION\nb = 2\n### END SOLUTION\n"
    assert code_of(source) == "...\nmid = 0\n...\n"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('goal = "3개월 안에 ..."  # SOLUTION', "goal = ..."),
        ('goal: str = "주 2회"  # SOLUTION', "goal: str = ..."),
        ('answers["q1"] = "B"  # SOLUTION', 'answers["q1"] = ...'),
        ('answers["a=b"] = 1  # SOLUTION', 'answers["a=b"] = ...'),
        ('    owner="사례관리자",  # SOLUTION', "    owner=...,"),
        ('    when="매주")  # SOLUTION', "    when=...)"),
        ('    items=["a", "b"]),  # SOLUTION', "    items=...),"),
        ("ok = a == b  # SOLUTION", "ok = ..."),
        ('tag = "#해시 태그"  # SOLUTION', "tag = ..."),
        ('x=f(a=1)#SOLUTION', "x=..."),
        ("f = lambda x=1: x  # SOLUTION", "f = ..."),
    ],
)
def test_inline_marker_replaces_the_right_hand_side(line, expected):
    """Does a line ending in '# SOLUTION' keep its left side and lose its value?"""
    assert code_of(line) == expected


def test_inline_marker_inside_a_string_is_not_a_marker():
    """Is '# SOLUTION' inside a string left alone?"""
    assert code_of('text = "값 # SOLUTION"') == 'text = "값 # SOLUTION"'


def test_other_comments_and_check_calls_are_kept():
    """Are hint comments and check() calls copied unchanged?"""
    source = '# 힌트: 기간을 넣으세요\ngoal = "x"  # SOLUTION\ncheck("q1", goal)  # 확인\n'
    assert code_of(source) == '# 힌트: 기간을 넣으세요\ngoal = ...\ncheck("q1", goal)  # 확인\n'


def test_inline_marker_inside_a_block_disappears_with_the_block():
    """Is an inline-marked line inside a block removed with the block?"""
    assert code_of("### BEGIN SOLUTION\nx = 1  # SOLUTION\n### END SOLUTION") == "..."


def test_crlf_line_endings_are_kept():
    """Are Windows line endings in a cell kept as they were?"""
    assert code_of('a = "x"  # SOLUTION\r\nb = 1\r\n') == "a = ...\r\nb = 1\r\n"


def test_outputs_and_execution_counts_are_cleared():
    """Are outputs emptied and execution counts reset?"""
    cell = code("print(1)", execution={"iopub.status.busy": "t"}, collapsed=True)
    cell.execution_count = 3
    cell.outputs = [v4.new_output("stream", name="stdout", text="1\n")]
    out = eg.generate_exercise(notebook(cell)).cells[0]
    assert out.outputs == [] and out.execution_count is None
    assert out.metadata == {"collapsed": True}


def test_input_notebook_is_not_changed():
    """Is the solution notebook passed in left exactly as it was?"""
    nb = good_solution()
    nb.metadata["widgets"] = {"state": {}}
    before = nbformat.writes(nb)
    eg.generate_exercise(nb)
    assert nbformat.writes(nb) == before


def test_plain_dict_with_list_sources_is_accepted():
    """Does a plain dict notebook with list-of-lines sources work too?"""
    nb = json.loads(nbformat.writes(good_solution()))
    assert isinstance(nb["cells"][1]["source"], list)
    out = eg.generate_exercise(nb)
    assert out.cells[1].source == 'answer = ...\ncheck("q1", answer)'


# --------------------------------------------------------------------------- markdown and tags


def test_markdown_region_is_removed_without_leaving_a_double_blank_line():
    """Is a markdown solution region cut out and the gap closed?"""
    source = "질문\n\n<!-- BEGIN SOLUTION -->\n답\n<!-- END SOLUTION -->\n\n다음 문단"
    assert md_of(source) == "질문\n\n다음 문단"


def test_markdown_region_at_the_end_leaves_no_trailing_blank():
    """Does a region at the end of a cell leave no trailing blank lines?"""
    assert md_of("질문\n\n<!--BEGIN SOLUTION-->\n답\n<!-- END SOLUTION -->\n") == "질문"


def test_markdown_cell_that_was_all_solution_is_dropped():
    """Is a markdown cell holding only a solution region dropped?"""
    assert md_of("<!-- BEGIN SOLUTION -->\n모범 답안\n<!-- END SOLUTION -->") is None


def test_empty_markdown_cell_without_markers_is_kept():
    """Is an already-empty markdown cell left in place?"""
    assert md_of("") == ""


def test_markdown_without_markers_is_copied_exactly():
    """Is a markdown cell without markers copied byte for byte, trailing blanks included?"""
    assert md_of("# 제목\n\n본문  \n\n") == "# 제목\n\n본문  \n\n"


def test_raw_cells_follow_the_markdown_rules():
    """Are solution regions removed from raw cells too?"""
    raw = v4.new_raw_cell("앞\n<!-- BEGIN SOLUTION -->\n답\n<!-- END SOLUTION -->\n뒤", id="r")
    assert eg.generate_exercise(notebook(raw)).cells[0].source == "앞\n뒤"


def test_every_exercise_ends_with_the_closing_save_section():
    """Does the generator end each exercise with the closing cells, replacing a stale copy in the solution?"""
    plain = eg.generate_exercise(good_solution())
    assert [(c.cell_type, c.source) for c in plain.cells[-2:]] == [
        (c.cell_type, c.source) for c in closing_cells("exercise")]
    assert plain.cells[-1].metadata["jupyter"]["source_hidden"] is True
    stale = good_solution()
    stale.cells.insert(0, md("## 옛 문구", MARKDOWN_ID))
    again = eg.generate_exercise(stale)
    assert [c.id for c in again.cells].count(MARKDOWN_ID) == 1 and again.cells[-2].source.startswith(HEADING)
    assert eg.notebook_bytes(again) == eg.notebook_bytes(plain)


def test_solution_only_cells_are_dropped():
    """Are code and markdown cells tagged solution-only left out of the exercise?"""
    nb = notebook(
        md("강사 메모", tags=["solution-only"]),
        code("assert answer", tags=["solution-only", "hide"]),
        md("남는 셀"),
    )
    assert [c.source for c in body(nb)] == ["남는 셀"]


def test_exercise_only_cells_are_kept_and_lose_only_that_tag():
    """Is an exercise-only cell kept, with its other tags but without exercise-only?"""
    nb = notebook(
        md("여기에 답을 쓰세요", "a", tags=["exercise-only"]),
        md("여기에도", "b", tags=["prompt", "exercise-only"]),
    )
    cells = body(nb)
    assert [c.source for c in cells] == ["여기에 답을 쓰세요", "여기에도"]
    assert "tags" not in cells[0].metadata
    assert cells[1].metadata.tags == ["prompt"]


# --------------------------------------------------------------------------- marker errors


@pytest.mark.parametrize(
    ("cells", "cell_no", "line_no", "words"),
    [
        ([code("a = 1\n### BEGIN SOLUTION\nb = 2")], 1, 2, "END SOLUTION"),
        ([md("x"), code("b = 2\n### END SOLUTION")], 2, 2, "없이"),
        ([code("### BEGIN SOLUTION\n  ### BEGIN SOLUTION\n### END SOLUTION")], 1, 2, "먼저 닫으세요"),
        ([md("설명\n### BEGIN SOLUTION\n답\n### END SOLUTION")], 1, 2, "코드 셀용"),
        ([md("답: 3  # SOLUTION")], 1, 1, "코드 셀용"),
        ([code("<!-- BEGIN SOLUTION -->\nx = 1\n<!-- END SOLUTION -->")], 1, 1, "마크다운용"),
        ([code("## BEGIN SOLUTION\nx = 1\n## END SOLUTION")], 1, 1, "정확하지 않습니다"),
        ([code("### begin solution\nx = 1")], 1, 1, "정확하지 않습니다"),
        ([code("x = 1  # solution")], 1, 1, "대문자"),
        ([code('print("답")  # SOLUTION')], 1, 1, "대입 줄"),
        ([code("x += 1  # SOLUTION")], 1, 1, "대입 줄"),
        ([code("if x >= 1: y = 2  # SOLUTION")], 1, 1, "대입 줄"),
        ([code("x =   # SOLUTION")], 1, 1, "값이 없습니다"),
        ([md("<!-- BEGIN SOLUTION -->\n답")], 1, 1, "END SOLUTION"),
        ([md("답\n<!-- END SOLUTION -->")], 1, 2, "없이"),
        ([md("<!-- BEGIN SOLUTION -->\n<!-- BEGIN SOLUTION -->\n<!-- END SOLUTION -->")], 1, 2, "먼저 닫으세요"),
        ([md("답은 <!-- BEGIN SOLUTION --> 이것")], 1, 1, "정확하지 않습니다"),
        ([code("x = 1"), code("### BEGIN SOLUTION\nif x:\n### END SOLUTION\n    y = 1")], 2, 2, "파이썬 문법"),
    ],
)
def test_marker_mistakes_name_the_notebook_cell_and_line(cells, cell_no, line_no, words):
    """Does each marker mistake raise a Korean error naming the file, cell and line?"""
    message = error_of(eg.generate_exercise, notebook(*cells), name="07_goal.ipynb")
    assert f"07_goal.ipynb {cell_no}번째 셀" in message
    assert f"{line_no}번째 줄" in message
    assert words in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        (code("x = 1", tags=["exercise-only"]), "코드 셀에는"),
        (md("메모", tags=["solution-only", "exercise-only"]), "함께"),
        (md("메모", tags=["solution_only"]), "'solution-only' 태그로"),
        (md("메모", tags=["Exercise-Only"]), "'exercise-only' 태그로"),
    ],
)
def test_tag_mistakes_are_errors(cell, words):
    """Are a code cell tagged exercise-only, both tags at once and misspelt tags refused?"""
    message = error_of(eg.generate_exercise, notebook(md("앞"), cell), name="03_bond.ipynb")
    assert "03_bond.ipynb 2번째 셀" in message and words in message


def test_magic_cells_are_not_syntax_checked():
    """Is a cell with IPython magics (not plain Python) generated without a syntax error?"""
    assert code_of("%matplotlib inline\n### BEGIN SOLUTION\nx = 1\n### END SOLUTION") == "%matplotlib inline\n..."


@pytest.mark.parametrize("bad", [None, [], {"cells": "x"}, "notebook"])
def test_generate_exercise_refuses_things_that_are_not_notebooks(bad):
    """Is a value that is not a notebook refused with a Korean message?"""
    assert "노트북이 아닙니다" in error_of(eg.generate_exercise, bad, name="x.ipynb")


# --------------------------------------------------------------------------- reading


def test_read_notebook_refuses_broken_json(tmp_path):
    """Does broken JSON give the file name and the line to fix?"""
    path = tmp_path / "01_x.ipynb"
    path.write_text('{"cells": [\n  {"cell_type": "code",}\n]}', encoding="utf-8")
    message = error_of(eg.read_notebook, path)
    assert "01_x.ipynb" in message and "2번째 줄" in message and "JSON" in message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("[1, 2]", "'cells'"),
        ('{"cells": [], "nbformat": 3, "nbformat_minor": 0, "metadata": {}}', "nbformat 4"),
    ],
)
def test_read_notebook_refuses_json_that_is_not_a_v4_notebook(tmp_path, content, words):
    """Is JSON that is not a v4 notebook refused?"""
    path = tmp_path / "bad.ipynb"
    path.write_text(content, encoding="utf-8")
    message = error_of(eg.read_notebook, path)
    assert "bad.ipynb" in message and words in message


def test_read_notebook_refuses_missing_and_duplicate_cell_ids(tmp_path):
    """Are a missing or a duplicated cell id refused instead of being randomly repaired?"""
    data = json.loads(nbformat.writes(notebook(md("a", "one"), md("b", "two"), md("c", "three"))))
    del data["cells"][1]["id"]
    path = tmp_path / "ids.ipynb"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert "2번째 셀" in error_of(eg.read_notebook, path)
    data["cells"][1]["id"] = "three"
    path.write_text(json.dumps(data), encoding="utf-8")
    message = error_of(eg.read_notebook, path)
    assert "3번째 셀" in message and "'three'" in message


def test_read_notebook_accepts_old_minor_versions_without_ids(tmp_path):
    """Is a v4.4 notebook (no cell ids) read and generated without inventing ids?"""
    data = {
        "cells": [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [],
                   "source": ['x = "a"  # SOLUTION']}],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 4,
    }
    path = tmp_path / "old.ipynb"
    path.write_text(json.dumps(data), encoding="utf-8")
    written = json.loads(eg.exercise_bytes(path))
    assert written["nbformat_minor"] == 4 and "id" not in written["cells"][0]
    assert eg.exercise_bytes(path) == eg.exercise_bytes(path)


def test_read_notebook_refuses_schema_errors_naming_the_cell(tmp_path):
    """Does a cell that breaks the notebook schema get named by number?"""
    data = json.loads(nbformat.writes(notebook(md("a"), md("b"))))
    data["cells"][1]["cell_type"] = "picture"
    path = tmp_path / "schema.ipynb"
    path.write_text(json.dumps(data), encoding="utf-8")
    message = error_of(eg.read_notebook, path)
    assert "schema.ipynb 2번째 셀" in message and "형식 검사" in message


def test_read_notebook_refuses_non_utf8_and_missing_files(tmp_path):
    """Are a non-UTF-8 file and a missing file refused in Korean?"""
    path = tmp_path / "latin.ipynb"
    path.write_bytes('{"cells": "é"}'.encode("latin-1"))
    assert "UTF-8" in error_of(eg.read_notebook, path)
    assert "파일이 없습니다" in error_of(eg.read_notebook, tmp_path / "none.ipynb")


def test_notebook_bytes_is_one_space_indented_unescaped_and_newline_terminated():
    """Is the written form nbformat's: indent 1, Korean unescaped, trailing newline?"""
    data = eg.notebook_bytes(eg.generate_exercise(good_solution()))
    text = data.decode("utf-8")
    assert text.endswith("}\n") and '\n "cells": [' in text and "질문" in text
    assert "\\u" not in text


# --------------------------------------------------------------------------- generate_all


def make_solutions(folder: Path, **notebooks: nbformat.NotebookNode) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for stem, nb in notebooks.items():
        write_nb(folder / f"{stem}.ipynb", nb)
    return folder


def test_generate_all_writes_one_exercise_per_solution(tmp_path):
    """Does each solution get an exercise of the same name, returned in name order?"""
    solutions = make_solutions(tmp_path / "solutions", **{"02_b": good_solution(), "01_a": good_solution()})
    (solutions / "notes.txt").write_text("무시", encoding="utf-8")
    (solutions / ".hidden.ipynb").write_text("{", encoding="utf-8")
    (solutions / ".ipynb_checkpoints").mkdir()
    write_nb(solutions / ".ipynb_checkpoints" / "01_a-checkpoint.ipynb", broken_solution())
    exercises = tmp_path / "out" / "exercises"
    paths = eg.generate_all(solutions, exercises)
    assert paths == [exercises / "01_a.ipynb", exercises / "02_b.ipynb"]
    assert sorted(p.name for p in exercises.iterdir()) == ["01_a.ipynb", "02_b.ipynb"]
    assert paths[0].read_bytes() == eg.exercise_bytes(solutions / "01_a.ipynb")
    assert "관계 욕구" not in paths[0].read_text(encoding="utf-8")
    assert stat.S_IMODE(paths[0].stat().st_mode) == 0o644


def test_generate_all_writes_nothing_when_one_solution_is_broken(tmp_path):
    """Does one broken solution stop the run before any exercise is written?"""
    solutions = make_solutions(
        tmp_path / "solutions", **{"01_a": good_solution(), "02_b": good_solution(), "03_c": broken_solution()}
    )
    exercises = tmp_path / "exercises"
    exercises.mkdir()
    (exercises / "01_a.ipynb").write_text("옛 내용", encoding="utf-8")
    before = folder_state(exercises)
    message = error_of(eg.generate_all, solutions, exercises)
    assert "03_c.ipynb 3번째 셀(코드) 1번째 줄" in message
    assert folder_state(exercises) == before


def test_generate_all_leaves_unchanged_files_alone(tmp_path):
    """Is an exercise that is already right left untouched (same mtime)?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    exercises = tmp_path / "e"
    [path] = eg.generate_all(solutions, exercises)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    eg.generate_all(solutions, exercises)
    assert path.stat().st_mtime_ns == 1_000_000_000
    write_nb(solutions / "01_a.ipynb", good_solution("다른 답"))
    path.write_text("손으로 고친 내용", encoding="utf-8")
    eg.generate_all(solutions, exercises)
    assert path.read_bytes() == eg.exercise_bytes(solutions / "01_a.ipynb")


def test_generate_all_keeps_extra_exercises(tmp_path):
    """Is an exercise without a solution kept (reported as drift, never deleted)?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    exercises = tmp_path / "e"
    exercises.mkdir()
    (exercises / "99_old.ipynb").write_text("{}", encoding="utf-8")
    eg.generate_all(solutions, exercises)
    assert (exercises / "99_old.ipynb").read_text(encoding="utf-8") == "{}"


def test_generate_all_with_no_solutions_writes_nothing(tmp_path):
    """Does an empty solutions folder give an empty list and create no folder?"""
    (tmp_path / "s").mkdir()
    assert eg.generate_all(tmp_path / "s", tmp_path / "e") == []
    assert not (tmp_path / "e").exists()


def test_generate_all_refuses_a_missing_solutions_folder_and_the_same_folder(tmp_path):
    """Are a missing solutions folder and solutions == exercises refused?"""
    assert "해답 폴더가 없습니다" in error_of(eg.generate_all, tmp_path / "none", tmp_path / "e")
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    before = folder_state(solutions)
    assert "같습니다" in error_of(eg.generate_all, solutions, tmp_path / "." / "s")
    assert folder_state(solutions) == before


def test_generate_all_failed_replace_keeps_the_old_file_and_no_temp_file(tmp_path, monkeypatch):
    """If the final rename fails, is the old exercise intact and the temp file gone?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    exercises = tmp_path / "e"
    exercises.mkdir()
    (exercises / "01_a.ipynb").write_text("옛 내용", encoding="utf-8")

    def broken_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(eg.os, "replace", broken_replace)
    message = error_of(eg.generate_all, solutions, exercises)
    assert "01_a.ipynb" in message and "쓸 수 없습니다" in message
    assert folder_state(exercises) == {"01_a.ipynb": "옛 내용".encode()}


# --------------------------------------------------------------------------- find_drift


def test_find_drift_is_empty_right_after_generating(tmp_path):
    """Is there no drift right after generating?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution(), "02_b": good_solution()})
    eg.generate_all(solutions, tmp_path / "e")
    assert eg.find_drift(solutions, tmp_path / "e") == []


def test_find_drift_reports_missing_extra_and_differing_files_in_name_order(tmp_path):
    """Are a missing, an extra and an edited exercise each reported, sorted by name?"""
    solutions = make_solutions(
        tmp_path / "s", **{"01_a": good_solution(), "02_b": good_solution(), "03_c": good_solution()}
    )
    exercises = tmp_path / "e"
    eg.generate_all(solutions, exercises)
    (exercises / "02_b.ipynb").unlink()
    edited = nbformat.read(exercises / "03_c.ipynb", as_version=4)
    edited.cells[1].source = 'answer = "학습자가 고침"'
    write_nb(exercises / "03_c.ipynb", edited)
    (exercises / "00_old.ipynb").write_text("{}", encoding="utf-8")
    before = folder_state(exercises)
    drift = eg.find_drift(solutions, exercises)
    assert len(drift) == 3
    assert drift[0].startswith("00_old.ipynb") and "해답이 없는" in drift[0]
    assert drift[1].startswith("02_b.ipynb") and "없습니다" in drift[1]
    assert drift[2].startswith("03_c.ipynb") and "2번째 셀부터" in drift[2]
    assert folder_state(exercises) == before


def test_find_drift_tells_formatting_only_differences_apart(tmp_path):
    """Is an exercise re-saved with other JSON formatting reported as formatting-only?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    exercises = tmp_path / "e"
    [path] = eg.generate_all(solutions, exercises)
    path.write_text(json.dumps(json.loads(path.read_bytes()), indent=2), encoding="utf-8")
    [line] = eg.find_drift(solutions, exercises)
    assert "저장 형식만" in line


def test_find_drift_reports_a_changed_cell_count(tmp_path):
    """Is an exercise with an extra cell at the end reported with both cell counts?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    exercises = tmp_path / "e"
    [path] = eg.generate_all(solutions, exercises)
    nb = nbformat.read(path, as_version=4)
    nb.cells.append(md("추가", "extra"))
    write_nb(path, nb)
    [line] = eg.find_drift(solutions, exercises)
    assert "셀 수가 다름" in line and "4개" in line and "5개" in line


def test_find_drift_with_no_exercises_folder_reports_every_file_missing(tmp_path):
    """Does a missing exercises folder make every solution's exercise missing?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": good_solution()})
    assert eg.find_drift(solutions, tmp_path / "none") == [
        "01_a.ipynb: 연습 파일이 없습니다(해답에서 새로 만들어야 함)."
    ]


def test_find_drift_raises_on_a_broken_solution(tmp_path):
    """Does a broken solution raise rather than report a confusing drift?"""
    solutions = make_solutions(tmp_path / "s", **{"01_a": broken_solution()})
    assert "01_a.ipynb" in error_of(eg.find_drift, solutions, tmp_path / "e")
    assert "같습니다" in error_of(eg.find_drift, solutions, solutions)


def test_words_that_merely_contain_end_solution_are_not_markers():
    """Is ordinary text like 'weekend solution' or 'friend-solution' left alone?"""
    assert md_of("주말 안내: weekend solution, friend-solution") == "주말 안내: weekend solution, friend-solution"
    assert code_of('url = "https://example.org/append-solution"') == 'url = "https://example.org/append-solution"'
