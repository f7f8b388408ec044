"""Generate learners' exercise notebooks from solution notebooks.

Each exercise is written once, as its solution ``solutions/NN_name.ipynb``; the learner's copy
``exercises/NN_name.ipynb`` (same file name) is generated from it and never edited by hand.
Nothing is executed. The marker syntax follows nbgrader's where one exists.

Code cells
    Block form: the lines between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` (each marker
    alone on its line, any indentation) are replaced by one line ``...`` at the BEGIN marker's
    indentation, so ``def f():`` bodies and list literals stay valid Python::

        answer = [
            ### BEGIN SOLUTION
            "강점", "자원",
            ### END SOLUTION
        ]                      ->   answer = [\\n    ...\\n]

    Inline form: a line ending with the comment ``# SOLUTION`` must be a plain assignment
    (``name = value``, ``name: type = value``, ``d["k"] = value`` or a keyword argument
    ``key=value,`` inside a multi-line call); its right-hand side becomes ``...`` and the
    comment is dropped: ``goal = "3개월 안에 ..."  # SOLUTION`` -> ``goal = ...``. A trailing
    comma is kept. The line is read on its own, so the value must fit on that one line.

    Every other line (hint comments, ``check("q1", answer)`` calls) is kept as it is. If the
    solution cell is valid Python, the exercise cell must be too, or generation stops.

Answer cells
    A code cell whose first line is ``%%답 qN`` holds a plain-Korean answer: the exercise keeps
    that first line and the ``#`` guidance lines and drops every other line (the model answer),
    so no marker is needed::

        %%답 q3                      %%답 q3
        # 목표 한 문장을 적습니다.   ->   # 목표 한 문장을 적습니다.
        어르신이 3개월 안에 …

Markdown (and raw) cells
    The lines from ``<!-- BEGIN SOLUTION -->`` to ``<!-- END SOLUTION -->`` (each marker alone
    on its line) are removed; a cell left empty by that is dropped.

Cell tags
    ``solution-only``: the cell is dropped from the exercise (an instructor note, a worked
    answer). ``exercise-only``: the cell is kept in the exercise, with the tag removed there.
    The solution notebook keeps such cells too, because the solution file is run as it is
    (e.g. by nbval); that is harmless for a markdown prompt such as "여기에 답을 쓰세요", so the
    tag is allowed on markdown and raw cells only. On a code cell it is an error: the cell
    would also run in the solution and could overwrite the answer.

Closing section
    Every exercise ends with the closing section of :mod:`casework.closing` (a save button): the
    generator puts the current one at the end, replacing any copy the solution holds, so a new
    exercise cannot be made without it and a changed wording reaches every exercise.

Output
    Outputs are cleared and ``execution_count`` set to None; per-cell ``execution`` timing
    metadata and the notebook's widget state (``metadata.widgets``) are removed; everything
    else, including cell ids, is kept from the source. Notebooks are written by nbformat
    (1-space indent, sorted keys, Korean unescaped, trailing newline), so generating twice
    gives byte-identical files.

Errors are ``CaseworkError`` with a Korean message naming the notebook, the 1-based cell number
and how to fix it. :func:`generate_all` builds every exercise in memory before writing any,
and writes each file atomically, so a failing run leaves ``exercises/`` untouched.
"""

from __future__ import annotations

import ast
import copy
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbformat.validator import ValidationError

from casework._util.fs import atomic_write
from casework.closing import with_closing
from casework.errors import CaseworkError

__all__ = [
    "BEGIN_CODE",
    "END_CODE",
    "BEGIN_MARKDOWN",
    "END_MARKDOWN",
    "INLINE_MARKER",
    "SOLUTION_ONLY",
    "EXERCISE_ONLY",
    "read_notebook",
    "generate_exercise",
    "notebook_bytes",
    "exercise_bytes",
    "solution_notebooks",
    "generate_all",
    "find_drift",
]

BEGIN_CODE = "### BEGIN SOLUTION"
END_CODE = "### END SOLUTION"
BEGIN_MARKDOWN = "<!-- BEGIN SOLUTION -->"
END_MARKDOWN = "<!-- END SOLUTION -->"
INLINE_MARKER = "# SOLUTION"
SOLUTION_ONLY = "solution-only"
EXERCISE_ONLY = "exercise-only"

_BEGIN_CODE_RE = re.compile(r"^(?P<indent>[ \t]*)###[ \t]*BEGIN SOLUTION[ \t]*$")
_END_CODE_RE = re.compile(r"^[ \t]*###[ \t]*END SOLUTION[ \t]*$")
_BEGIN_MD_RE = re.compile(r"^[ \t]*<!--[ \t]*BEGIN SOLUTION[ \t]*-->[ \t]*$")
_END_MD_RE = re.compile(r"^[ \t]*<!--[ \t]*END SOLUTION[ \t]*-->[ \t]*$")
# Anything that looks like a marker but is not exactly one: caught so a typo cannot leak answers.
_MARKER_WORDS_RE = re.compile(r"\b(BEGIN|END)[ \t_-]*SOLUTION\b", re.IGNORECASE)
_INLINE_COMMENT_RE = re.compile(r"^#[ \t]*SOLUTION[ \t]*$")
_INLINE_NEAR_RE = re.compile(r"^#[ \t]*solution[ \t]*[.:!]?[ \t]*$", re.IGNORECASE)
_KNOWN_TAGS = (SOLUTION_ONLY, EXERCISE_ONLY)


@dataclass(frozen=True)
class _Where:
    """Where a problem is, for error messages: notebook name and 1-based cell number."""

    notebook: str
    cell: int
    kind: str

    def __str__(self) -> str:
        return f"{self.notebook} {self.cell}번째 셀({self.kind})"


def _fail(where: _Where, line: int | None, problem: str, fix: str) -> CaseworkError:
    place = f"{where} {line}번째 줄" if line is not None else str(where)
    return CaseworkError(f"{place}: {problem} {fix}")


# --------------------------------------------------------------------------- reading / writing


def read_notebook(path: str | os.PathLike[str]) -> NotebookNode:
    """Read a v4 notebook without letting nbformat invent (random) cell ids."""
    path = Path(path)
    name = path.name
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise CaseworkError(f"{path}: 파일이 없습니다. 경로를 확인하세요.") from None
    except UnicodeDecodeError:
        raise CaseworkError(
            f"{name}: UTF-8로 읽을 수 없는 파일입니다. JupyterLab에서 열어 다시 저장하세요."
        ) from None
    except OSError as exc:
        raise CaseworkError(f"{path}: 파일을 읽을 수 없습니다 ({exc.strerror}).") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CaseworkError(
            f"{name}: 노트북 JSON이 깨져 있습니다 ({exc.lineno}번째 줄 {exc.colno}번째 글자). "
            "쉼표·따옴표·괄호를 고치거나 git에서 이전 판을 되살리세요."
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        raise CaseworkError(
            f"{name}: 주피터 노트북 형식이 아닙니다('cells' 목록이 없음). "
            "JupyterLab에서 만든 .ipynb 파일인지 확인하세요."
        )
    if data.get("nbformat") != 4:
        raise CaseworkError(
            f"{name}: nbformat 4 형식만 다룹니다(이 파일은 {data.get('nbformat')!r}). "
            "JupyterLab에서 열어 다시 저장하세요."
        )
    _check_cell_ids(data, name)
    nb = nbformat.v4.to_notebook_json(data)
    try:
        nbformat.validate(nb)
    except ValidationError as exc:
        where = list(getattr(exc, "absolute_path", []) or [])
        cell = (
            f" {where[1] + 1}번째 셀"
            if len(where) >= 2 and where[0] == "cells" and isinstance(where[1], int)
            else ""
        )
        raise CaseworkError(
            f"{name}{cell}: 노트북 형식 검사를 통과하지 못했습니다. "
            "JupyterLab에서 열어 다시 저장하거나 손으로 고친 부분을 되돌리세요."
        ) from None
    return nb


def _check_cell_ids(data: dict, name: str) -> None:
    # nbformat would silently add random ids, making output non-deterministic.
    if data.get("nbformat_minor", 0) < 5:
        return
    seen: dict[str, int] = {}
    for number, cell in enumerate(data["cells"], 1):
        cell_id = cell.get("id") if isinstance(cell, dict) else None
        if not isinstance(cell_id, str) or not cell_id:
            raise CaseworkError(
                f"{name} {number}번째 셀: 셀 id가 없습니다. "
                "JupyterLab에서 열어 저장하면 id가 채워집니다."
            )
        if cell_id in seen:
            raise CaseworkError(
                f"{name} {number}번째 셀: 셀 id '{cell_id}' 값이 {seen[cell_id]}번째 셀과 같습니다. "
                "셀을 복사해 붙였다면 한쪽의 id를 지우고 JupyterLab에서 다시 저장하세요."
            )
        seen[cell_id] = number


def notebook_bytes(nb: NotebookNode) -> bytes:
    """Serialise a notebook exactly as it is committed (nbformat JSON + trailing newline)."""
    text = nbformat.writes(nb, version=nbformat.NO_CONVERT)
    if not text.endswith("\n"):
        text += "\n"
    return text.encode("utf-8")


# --------------------------------------------------------------------------- code cells


def _code_chars(line: str):
    """Yield (index, char, depth) for the characters of one line that are outside strings.

    ``depth`` is the bracket depth before the character, relative to the line's start.
    """
    i, depth, quote, n = 0, 0, "", len(line)
    while i < n:
        ch = line[i]
        if quote:
            if ch == "\\":
                i += 2
            elif line.startswith(quote, i):
                i += len(quote)
                quote = ""
            else:
                i += 1
            continue
        if ch in "'\"":
            quote = ch * 3 if line.startswith(ch * 3, i) else ch
            i += len(quote)
            continue
        yield i, ch, depth
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        i += 1


def _comment_start(line: str) -> int | None:
    return next((i for i, ch, _ in _code_chars(line) if ch == "#"), None)


def _assignment_at(code: str) -> int | None:
    """Index of the plain-assignment '=' in ``code`` (no comment), or None.

    Only '=' at bracket depth 0 counts, and not as part of '==', '!=', '<=', '>=', an
    augmented assignment or a walrus: those make the line "not a plain assignment".
    """
    skip_next = False
    for i, ch, depth in _code_chars(code):
        if skip_next:
            skip_next = False
            continue
        if ch != "=" or depth != 0:
            continue
        if code[i + 1 : i + 2] == "=":
            skip_next = True  # '=='
            continue
        if i and code[i - 1] in "=!<>+-*/%&|^@:":
            return None
        return i
    return None


def _value_tail(rhs: str) -> str:
    """What must survive after the value: brackets closed on this line and a trailing comma."""
    for i, ch, depth in _code_chars(rhs):
        if ch in ")]}" and depth == 0:
            return rhs[i:].strip()
    return "," if rhs.rstrip().endswith(",") else ""


def _inline(body: str, where: _Where, line_no: int) -> str:
    """Apply the inline ``# SOLUTION`` form to one line (without its line ending)."""
    hash_at = _comment_start(body)
    if hash_at is None:
        return body
    comment = body[hash_at:].strip()
    if not _INLINE_COMMENT_RE.match(comment):
        if _INLINE_NEAR_RE.match(comment):
            raise _fail(
                where, line_no,
                f"해답 표시는 대문자로 정확히 써야 합니다: '{comment}'.",
                f"줄 끝에 '{INLINE_MARKER}' 표시를 쓰세요.",
            )
        return body
    code = body[:hash_at].rstrip()
    eq_at = _assignment_at(code)
    if eq_at is None:
        raise _fail(
            where, line_no,
            f"'{INLINE_MARKER}' 표시는 '이름 = 값' 꼴의 대입 줄에만 쓸 수 있습니다.",
            f"값을 한 줄 대입으로 바꾸거나, 여러 줄이면 '{BEGIN_CODE}' 표시와 '{END_CODE}' 표시로 감싸세요.",
        )
    rhs = code[eq_at + 1 :]
    tail = _value_tail(rhs)
    if not rhs.strip().removesuffix(tail).strip():
        raise _fail(
            where, line_no,
            f"'{INLINE_MARKER}' 표시가 붙은 대입에 값이 없습니다.",
            "'=' 오른쪽에 해답 값을 쓰세요.",
        )
    gap = rhs[: len(rhs) - len(rhs.lstrip())]
    return f"{code[: eq_at + 1]}{gap}...{tail}"


def _check_no_stray_marker(body: str, where: _Where, line_no: int) -> None:
    if not _MARKER_WORDS_RE.search(body):
        return
    if _BEGIN_MD_RE.match(body) or _END_MD_RE.match(body):
        raise _fail(
            where, line_no,
            "코드 셀에 마크다운용 표시(<!-- ... -->)가 있습니다.",
            f"코드 셀에서는 '{BEGIN_CODE}' 표시와 '{END_CODE}' 표시를 쓰세요.",
        )
    raise _fail(
        where, line_no,
        f"해답 표시의 모양이 정확하지 않습니다: '{body.strip()}'.",
        f"한 줄에 '{BEGIN_CODE}' 또는 '{END_CODE}'만 정확히(대문자, # 세 개) 쓰세요.",
    )


def _strip_code(source: str, where: _Where) -> str:
    out: list[str] = []
    open_at: tuple[int, str] | None = None  # (line number, indentation) of the open BEGIN
    for line_no, line in enumerate(source.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        eol = line[len(body):]
        begin = _BEGIN_CODE_RE.match(body)
        if begin:
            if open_at is not None:
                raise _fail(
                    where, line_no,
                    f"'{BEGIN_CODE}' 안에 또 '{BEGIN_CODE}' 표시가 있습니다({open_at[0]}번째 줄에서 이미 열림).",
                    f"{open_at[0]}번째 줄의 해답 구역을 '{END_CODE}' 표시로 먼저 닫으세요.",
                )
            open_at = (line_no, begin.group("indent"))
            continue
        if _END_CODE_RE.match(body):
            if open_at is None:
                raise _fail(
                    where, line_no,
                    f"'{BEGIN_CODE}' 없이 '{END_CODE}' 표시가 나왔습니다.",
                    f"해답이 시작되는 줄 앞에 '{BEGIN_CODE}' 표시를 넣거나 이 줄을 지우세요.",
                )
            out.append(f"{open_at[1]}...{eol}")
            open_at = None
            continue
        _check_no_stray_marker(body, where, line_no)
        if open_at is not None:
            continue  # solution line: dropped
        out.append(_inline(body, where, line_no) + eol)
    if open_at is not None:
        raise _fail(
            where, open_at[0],
            f"'{BEGIN_CODE}' 표시를 닫는 '{END_CODE}' 표시가 이 셀에 없습니다.",
            f"해답이 끝나는 줄 다음에 '{END_CODE}' 표시를 넣으세요(표시는 셀을 넘어가지 못합니다).",
        )
    return "".join(out)


_ANSWER_PREFIX = "%%답"


def _strip_answer(source: str, where: _Where) -> str:
    """An answer cell keeps its first line and its ``#`` guidance lines; the answer goes."""
    lines = source.splitlines()
    for line_no, line in enumerate(lines, 1):
        _check_no_stray_marker(line, where, line_no)
    kept = [lines[0]] + [line for line in lines[1:] if line.lstrip().startswith("#")]
    return "\n".join(kept)


def _check_still_python(solution: str, exercise: str, where: _Where) -> None:
    try:
        ast.parse(solution)
    except SyntaxError:
        return  # magics or a deliberately broken cell: nothing to compare against
    try:
        ast.parse(exercise)
    except SyntaxError as exc:
        raise _fail(
            where, exc.lineno,
            "해답을 지운 연습 셀이 파이썬 문법에 맞지 않습니다.",
            "해답 표시가 문장 전체를 감싸도록 위치를 옮기세요.",
        ) from None


# --------------------------------------------------------------------------- markdown cells


def _strip_markdown(source: str, where: _Where) -> str:
    out: list[str] = []
    open_at: int | None = None
    removed = False
    after_region = False
    for line_no, line in enumerate(source.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        if _BEGIN_MD_RE.match(body):
            if open_at is not None:
                raise _fail(
                    where, line_no,
                    f"'{BEGIN_MARKDOWN}' 안에 또 '{BEGIN_MARKDOWN}' 표시가 있습니다({open_at}번째 줄에서 이미 열림).",
                    f"{open_at}번째 줄의 해답 구역을 '{END_MARKDOWN}' 표시로 먼저 닫으세요.",
                )
            open_at = line_no
            continue
        if _END_MD_RE.match(body):
            if open_at is None:
                raise _fail(
                    where, line_no,
                    f"'{BEGIN_MARKDOWN}' 없이 '{END_MARKDOWN}' 표시가 나왔습니다.",
                    f"해답 앞에 '{BEGIN_MARKDOWN}' 표시를 넣거나 이 줄을 지우세요.",
                )
            open_at = None
            removed = after_region = True
            continue
        if _MARKER_WORDS_RE.search(body) or body.strip().endswith(INLINE_MARKER):
            stripped = body.strip()
            if _BEGIN_CODE_RE.match(body) or _END_CODE_RE.match(body) or stripped.endswith(
                INLINE_MARKER
            ):
                problem = f"마크다운 셀에 코드 셀용 표시가 있습니다: '{stripped}'."
            else:
                problem = f"해답 표시의 모양이 정확하지 않습니다: '{stripped}'."
            raise _fail(
                where, line_no, problem,
                f"마크다운 셀에서는 한 줄에 '{BEGIN_MARKDOWN}' 또는 '{END_MARKDOWN}'만 쓰세요.",
            )
        if open_at is not None:
            continue
        blank = not body.strip()
        # Do not leave a double blank line where a region was cut out.
        if after_region and blank and (not out or not out[-1].strip()):
            continue
        after_region = False
        out.append(line)
    if open_at is not None:
        raise _fail(
            where, open_at,
            f"'{BEGIN_MARKDOWN}' 표시를 닫는 '{END_MARKDOWN}' 표시가 이 셀에 없습니다.",
            f"해답이 끝나는 줄 다음에 '{END_MARKDOWN}' 표시를 넣으세요.",
        )
    text = "".join(out)
    if removed:
        text = text.rstrip()
        while text.startswith(("\n", "\r")):
            text = text[1:]
    return text


# --------------------------------------------------------------------------- notebooks


def _cell_tags(cell: NotebookNode, where: _Where) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    for tag in tags:
        normal = re.sub(r"[\s_]+", "-", str(tag).strip().lower())
        if normal in _KNOWN_TAGS and tag != normal:
            raise _fail(
                where, None,
                f"태그 철자가 정확하지 않습니다: '{tag}'.",
                f"'{normal}' 태그로 고치세요.",
            )
    if SOLUTION_ONLY in tags and EXERCISE_ONLY in tags:
        raise _fail(
            where, None,
            f"'{SOLUTION_ONLY}' 태그와 '{EXERCISE_ONLY}' 태그가 함께 붙어 있습니다.",
            "둘 중 하나만 남기세요.",
        )
    if EXERCISE_ONLY in tags and cell.cell_type == "code":
        raise _fail(
            where, None,
            f"코드 셀에는 '{EXERCISE_ONLY}' 태그를 쓸 수 없습니다(해답 노트북을 실행할 때 "
            "이 셀도 실행되어 답을 덮어쓸 수 있음).",
            f"마크다운 셀로 바꾸거나 '{BEGIN_CODE}' 표시를 쓰세요.",
        )
    return list(tags)


_KIND = {"code": "코드", "markdown": "마크다운", "raw": "raw"}


def generate_exercise(nb: NotebookNode, *, name: str = "노트북") -> NotebookNode:
    """Return the exercise version of solution notebook ``nb`` (``nb`` is not changed).

    ``name`` is the notebook's file name, used in error messages.
    """
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list):
        raise CaseworkError(f"{name}: 주피터 노트북이 아닙니다. nbformat으로 읽은 노트북을 넘기세요.")
    result = nbformat.from_dict(copy.deepcopy(nb))
    result.setdefault("metadata", nbformat.NotebookNode()).pop("widgets", None)
    cells: list[NotebookNode] = []
    for number, cell in enumerate(result.cells, 1):
        where = _Where(name, number, _KIND.get(cell.get("cell_type"), str(cell.get("cell_type"))))
        cell.setdefault("metadata", nbformat.NotebookNode())
        if isinstance(cell.get("source"), list):
            cell.source = "".join(cell.source)
        tags = _cell_tags(cell, where)
        if SOLUTION_ONLY in tags:
            continue
        if EXERCISE_ONLY in tags:
            tags.remove(EXERCISE_ONLY)
            if tags:
                cell.metadata["tags"] = tags
            else:
                del cell.metadata["tags"]
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code" and cell.source.startswith(_ANSWER_PREFIX):
            cell.source = _strip_answer(cell.source, where)
            cell.outputs = []
            cell.execution_count = None
        elif cell.cell_type == "code":
            new = _strip_code(cell.source, where)
            _check_still_python(cell.source, new, where)
            cell.source = new
            cell.outputs = []
            cell.execution_count = None
        else:
            new = _strip_markdown(cell.source, where)
            if not new.strip() and cell.source.strip():
                continue  # the whole cell was a solution region
            cell.source = new
        cells.append(cell)
    result.cells = with_closing(cells, "exercise")
    return result


def exercise_bytes(solution_path: str | os.PathLike[str]) -> bytes:
    """Read one solution notebook and return its exercise exactly as it would be written."""
    path = Path(solution_path)
    return notebook_bytes(generate_exercise(read_notebook(path), name=path.name))


def solution_notebooks(solutions_dir: str | os.PathLike[str]) -> list[Path]:
    """The ``*.ipynb`` files directly in ``solutions_dir``, sorted by name (hidden ones skipped)."""
    folder = Path(solutions_dir)
    if not folder.is_dir():
        raise CaseworkError(f"{folder}: 해답 폴더가 없습니다. --solutions로 폴더를 지정하세요.")
    return sorted(
        p for p in folder.glob("*.ipynb") if p.is_file() and not p.name.startswith(".")
    )


def _exercise_names(exercises_dir: Path) -> list[str]:
    if not exercises_dir.is_dir():
        return []
    return sorted(
        p.name for p in exercises_dir.glob("*.ipynb") if p.is_file() and not p.name.startswith(".")
    )


def _render_all(solutions_dir: Path, exercises_dir: Path) -> dict[str, bytes]:
    if solutions_dir.resolve() == exercises_dir.resolve():
        raise CaseworkError(
            f"{solutions_dir}: 해답 폴더와 연습 폴더가 같습니다. 해답을 덮어쓰게 되므로 "
            "서로 다른 폴더를 지정하세요."
        )
    return {p.name: exercise_bytes(p) for p in solution_notebooks(solutions_dir)}


def generate_all(
    solutions_dir: str | os.PathLike[str], exercises_dir: str | os.PathLike[str]
) -> list[Path]:
    """Generate every exercise; return the paths of all of them, sorted.

    All notebooks are generated in memory first, so an error writes nothing. Files whose
    content is already right are left untouched; the others are replaced atomically.
    Exercise files without a solution are not deleted (:func:`find_drift` reports them).
    """
    solutions, exercises = Path(solutions_dir), Path(exercises_dir)
    rendered = _render_all(solutions, exercises)
    if not rendered:
        return []
    try:
        exercises.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CaseworkError(f"{exercises}: 연습 폴더를 만들 수 없습니다 ({exc.strerror}).") from None
    paths: list[Path] = []
    for file_name, data in rendered.items():
        target = exercises / file_name
        paths.append(target)
        if target.is_file() and target.read_bytes() == data:
            continue
        try:
            atomic_write(target, data, fsync=True)
        except OSError as exc:
            raise CaseworkError(f"{target}: 파일을 쓸 수 없습니다 ({exc.strerror}).") from None
    return paths


def _first_difference(expected: bytes, actual: bytes) -> str:
    try:
        want, have = json.loads(expected), json.loads(actual)
    except ValueError:
        return "JSON으로 읽을 수 없음"
    if want == have:
        return "내용은 같고 저장 형식만 다름"
    want_cells, have_cells = want.get("cells", []), have.get("cells", [])
    for number, (a, b) in enumerate(zip(want_cells, have_cells), 1):
        if a != b:
            return f"{number}번째 셀부터 다름"
    if len(want_cells) != len(have_cells):
        return f"셀 수가 다름: 만들어야 할 것 {len(want_cells)}개, 있는 것 {len(have_cells)}개"
    return "노트북 메타데이터가 다름"


def find_drift(
    solutions_dir: str | os.PathLike[str], exercises_dir: str | os.PathLike[str]
) -> list[str]:
    """Describe every way ``exercises_dir`` differs from what would be generated.

    One line per file, sorted by file name: a missing exercise, an extra exercise with no
    solution, or an exercise whose bytes differ. An empty list means no drift.
    """
    solutions, exercises = Path(solutions_dir), Path(exercises_dir)
    rendered = _render_all(solutions, exercises)
    existing = set(_exercise_names(exercises))
    problems: list[tuple[str, str]] = []
    for file_name, data in rendered.items():
        target = exercises / file_name
        if file_name not in existing:
            problems.append((file_name, f"{file_name}: 연습 파일이 없습니다(해답에서 새로 만들어야 함)."))
            continue
        current = target.read_bytes()
        if current != data:
            why = _first_difference(data, current)
            problems.append((file_name, f"{file_name}: 해답에서 만든 결과와 다릅니다({why})."))
    for file_name in sorted(existing - rendered.keys()):
        problems.append(
            (file_name, f"{file_name}: 해답이 없는 연습 파일입니다(해답을 되살리거나 연습 파일을 지우세요).")
        )
    return [text for _, text in sorted(problems)]
