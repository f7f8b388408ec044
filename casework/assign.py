"""Hand out one personalised exercise notebook per learner (``casework assign``).

The cohort is a CSV file with a header line. Columns (Korean or English header):

    이름 / name   required: the learner's name
    사례 / case   optional: a case id (``casework.cases.case_ids()``); blank = the exercise's default
    시드 / seed   optional: an integer seed (0 or more); blank = ``seed_base`` + the row's
                  position among the learner rows (0, 1, 2, ...; blank lines not counted)

Other columns are ignored. The file may be UTF-8 (with or without BOM) or CP949 (what Korean
Excel writes); blank lines are skipped. Each learner gets a copy of the exercise with papermill's
``parameterize_notebook`` (nothing is executed): an ``injected-parameters`` cell right after the
``parameters`` cell sets ``learner``, ``case_id`` and ``seed``. The notebook metadata
``casework`` records the exercise id and the learner, which ``casework grade`` reads back.

A bad row is reported with its line number and skipped; the other rows are still assigned.
Files are written atomically and never overwritten unless ``force=True``.
"""

from __future__ import annotations

import ast
import copy
import csv
import functools
import io
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode
from papermill.parameterize import parameterize_notebook
from papermill.translators import PythonTranslator, papermill_translators

from casework.errors import CaseworkError

__all__ = [
    "NAME_HEADERS",
    "CASE_HEADERS",
    "SEED_HEADERS",
    "MAX_SEED",
    "Learner",
    "RowProblem",
    "Cohort",
    "WriteStatus",
    "Assignment",
    "AssignResult",
    "read_cohort",
    "safe_file_part",
    "exercise_id_of",
    "parameter_defaults",
    "personalise",
    "assign",
]

NAME_HEADERS = ("이름", "name")
CASE_HEADERS = ("사례", "case", "case_id")
SEED_HEADERS = ("시드", "seed")
MAX_SEED = 2**32 - 1
_NAME_LIMIT = 60  # characters of the learner's name kept in a file name

_TRANSLATOR_NAME = "casework-python"
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$", re.IGNORECASE)
_UNSAFE_CHARS = re.compile(r'[\\/:*?"<>|]')
_INT_RE = re.compile(r"[+-]?[0-9]+")
_PREFIX_RE = re.compile(r"^([0-9]+)(?:[_\-. ]|$)")


# --------------------------------------------------------------------------- cohort file


@dataclass(frozen=True)
class Learner:
    """One valid cohort row.

    ``line`` is the 1-based line of the CSV file (header = line 1); ``position`` is the
    0-based order among the file's learner rows, counting rejected rows too, so fixing a bad
    row later does not change the default seed of the learners after it.
    """

    line: int
    name: str
    case_id: str | None = None
    seed: int | None = None
    position: int = 0


@dataclass(frozen=True)
class RowProblem:
    """A cohort row that could not be used, with a Korean reason."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.line}번째 줄: {self.message}"


@dataclass(frozen=True)
class Cohort:
    """The learners read from a cohort file, and the rows that were rejected."""

    learners: tuple[Learner, ...]
    problems: tuple[RowProblem, ...]
    encoding: str


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        candidates: tuple[str, ...] = ("utf-8-sig",)
    else:
        candidates = ("utf-8", "cp949")
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise CaseworkError(
        f"{name}: 글자 인코딩을 알 수 없습니다. UTF-8이나 CP949(엑셀의 'CSV' 저장)로 저장해 주세요."
    )


def _header_key(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip().lower().replace(" ", "")


def _find_column(header: list[str], names: Sequence[str]) -> int | None:
    keys = [_header_key(h) for h in header]
    for wanted in names:
        if wanted in keys:
            return keys.index(wanted)
    return None


def _cell(row: list[str], index: int | None) -> str:
    if index is None or index >= len(row):
        return ""
    return row[index].strip()


def read_cohort(
    path: str | os.PathLike[str], *, allowed_case_ids: Sequence[str] | None = None
) -> Cohort:
    """Read a cohort CSV; bad rows become :class:`RowProblem`s, the rest :class:`Learner`s.

    ``allowed_case_ids`` defaults to ``casework.cases.case_ids()``. A file-level problem
    (missing file, unknown encoding, no ``이름`` column, no learner at all) raises
    ``CaseworkError``.
    """
    if not isinstance(path, (str, os.PathLike)):
        raise CaseworkError(f"명단 파일의 경로를 주세요 (예: 'cohort.csv'). 받은 값: {path!r}")
    file = Path(path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise CaseworkError(f"{file}: 명단 파일이 없습니다. 경로를 확인하세요.") from None
    except IsADirectoryError:
        raise CaseworkError(f"{file}: 폴더입니다. 명단 CSV 파일을 지정하세요.") from None
    except OSError as exc:
        raise CaseworkError(f"{file}: 명단 파일을 읽을 수 없습니다 ({exc.strerror}).") from None
    text, encoding = _decode(data, file.name)
    rows = csv.reader(io.StringIO(text, newline=""))
    header: list[str] | None = None
    for row in rows:
        if any(c.strip() for c in row):
            header = row
            break
    if header is None:
        raise CaseworkError(
            f"{file.name}: 명단이 비어 있습니다. 첫 줄에 '이름,사례,시드'를, 다음 줄부터 학습자를 쓰세요."
        )
    name_col = _find_column(header, NAME_HEADERS)
    if name_col is None:
        found = ", ".join(repr(h.strip()) for h in header if h.strip()) or "없음"
        raise CaseworkError(
            f"{file.name}: 첫 줄에 '이름' 열이 없습니다 (찾은 열: {found}). "
            "첫 줄을 '이름,사례,시드'처럼 쓰세요. 사례와 시드 열은 없어도 됩니다."
        )
    case_col = _find_column(header, CASE_HEADERS)
    seed_col = _find_column(header, SEED_HEADERS)

    if allowed_case_ids is None:
        from casework.cases import case_ids

        allowed_case_ids = case_ids()
    allowed = list(allowed_case_ids)

    learners: list[Learner] = []
    problems: list[RowProblem] = []
    position = -1
    for row in rows:
        line = rows.line_num
        if not any(c.strip() for c in row):
            continue
        position += 1
        name = _cell(row, name_col)
        case_text = _cell(row, case_col)
        seed_text = _cell(row, seed_col)
        reasons: list[str] = []
        if not name:
            reasons.append("이름이 비어 있습니다. 학습자 이름을 쓰세요.")
        elif not _printable(name):
            reasons.append("이름에 줄바꿈이나 제어 문자가 들어 있습니다. 이름만 한 줄로 쓰세요.")
        case_id: str | None = None
        if case_text:
            if case_text in allowed:
                case_id = case_text
            else:
                reasons.append(
                    f"'{case_text}'는 없는 사례 id입니다. 쓸 수 있는 사례: {', '.join(allowed)}"
                )
        seed: int | None = None
        if seed_text:
            if _INT_RE.fullmatch(seed_text) and 0 <= int(seed_text) <= MAX_SEED:
                seed = int(seed_text)
            else:
                reasons.append(
                    f"시드 '{seed_text}'는 0 이상의 정수가 아닙니다. 0, 1, 2처럼 쓰거나 비워 두세요."
                )
        if reasons:
            who = f"({name}) " if name and _printable(name) else ""
            problems.append(RowProblem(line, who + " / ".join(reasons)))
        else:
            learners.append(Learner(line, unicodedata.normalize("NFC", name), case_id, seed, position))
    if not learners and not problems:
        raise CaseworkError(
            f"{file.name}: 학습자가 한 명도 없습니다. 둘째 줄부터 학습자 이름을 한 줄에 한 명씩 쓰세요."
        )
    return Cohort(tuple(learners), tuple(problems), encoding)


def _printable(text: str) -> bool:
    return not any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in text)


# --------------------------------------------------------------------------- file names


def safe_file_part(text: str) -> str:
    """``text`` as a safe piece of a file name, Korean kept readable.

    Path separators, Windows-reserved characters (``:*?"<>|``) and whitespace become ``_``;
    control characters are removed; ``..`` runs and leading/trailing dots and underscores are
    dropped, so the result can never climb out of a folder. May return ``""``.
    """
    text = unicodedata.normalize("NFC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf"))
    text = _UNSAFE_CHARS.sub("_", text)
    text = re.sub(r"\s+", "_", text)
    text = re.sub(r"\.{2,}", "_", text)
    text = re.sub(r"_{2,}", "_", text)
    text = text.strip("._ ")
    if len(text) > _NAME_LIMIT:
        text = text[:_NAME_LIMIT].rstrip("._ ")
    if _WINDOWS_RESERVED.match(text):
        text = f"{text}_"
    return text


def _file_names(stem: str, learners: Sequence[Learner]) -> list[str]:
    taken: set[str] = set()
    names: list[str] = []
    for learner in learners:
        part = safe_file_part(learner.name) or f"학습자{learner.line}"
        base = f"{stem}_{part}"
        candidate, n = f"{base}.ipynb", 1
        # Compare case-insensitively: two names differing only in case collide on Windows/macOS.
        while candidate.casefold() in taken:
            n += 1
            candidate = f"{base}_{n}.ipynb"
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


# --------------------------------------------------------------------------- notebooks


class _ReadableTranslator(PythonTranslator):
    """Python parameters with readable Korean: ``learner = '홍길동'`` instead of ``\\ud64d...``."""

    @classmethod
    def translate_str(cls, val: str) -> str:
        return repr(val)


papermill_translators.register(_TRANSLATOR_NAME, _ReadableTranslator)


def exercise_id_of(nb: NotebookNode, file_name: str) -> str | None:
    """The exercise id: notebook metadata ``casework.exercise``, else the file name's number."""
    meta = nb.get("metadata", {}).get("casework", {})
    if isinstance(meta, dict):
        value = meta.get("exercise")
        if isinstance(value, str) and value.strip():
            return value.strip()
    match = _PREFIX_RE.match(Path(file_name).name)
    return match.group(1) if match else None


def _tags(cell: dict[str, Any]) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return list(tags) if isinstance(tags, list) else []


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def parameter_defaults(nb: NotebookNode) -> dict[str, Any]:
    """The literal assignments of the first cell tagged ``parameters`` (name -> value)."""
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and "parameters" in _tags(cell):
            try:
                tree = ast.parse(_source(cell))
            except SyntaxError:
                return {}
            values: dict[str, Any] = {}
            for node in tree.body:
                if (
                    isinstance(node, ast.Assign)
                    and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name)
                ):
                    try:
                        values[node.targets[0].id] = ast.literal_eval(node.value)
                    except ValueError:
                        continue
            return values
    return {}


def _has_parameters_cell(nb: NotebookNode) -> bool:
    return any(c.get("cell_type") == "code" and "parameters" in _tags(c) for c in nb.cells)


def personalise(
    template: NotebookNode, *, exercise_id: str, learner: str, case_id: str | None, seed: int
) -> NotebookNode:
    """A copy of ``template`` with the learner's parameters injected (nothing executed).

    ``case_id=None`` keeps the exercise's default case (not injected).
    """
    if not _has_parameters_cell(template):
        raise CaseworkError(
            "연습 노트북에 'parameters' 태그가 붙은 코드 셀이 없어 학습자별 값을 넣을 수 없습니다. "
            "solutions/의 노트북에 parameters 셀을 넣고 연습 노트북을 다시 만드세요."
        )
    nb = copy.deepcopy(template)
    nb.metadata.setdefault("papermill", NotebookNode())
    # papermill expects every cell to have a tags list (its loader adds them); add them only
    # for the call, so the learner's notebook differs from the exercise by the injected cell.
    untagged = [cell for cell in nb.cells if "tags" not in cell.setdefault("metadata", NotebookNode())]
    for cell in untagged:
        cell.metadata["tags"] = []
    parameters: dict[str, Any] = {"learner": learner}
    if case_id is not None:
        parameters["case_id"] = case_id
    parameters["seed"] = seed
    nb = parameterize_notebook(
        nb, parameters, kernel_name=_TRANSLATOR_NAME, language="python", comment="학습자별 값"
    )
    for cell in untagged:
        del cell.metadata["tags"]
    for cell in nb.cells:
        if "injected-parameters" in _tags(cell):
            cell["id"] = "injected-parameters"  # papermill's is random; keep output reproducible
            if _literal_assignments(_source(cell)) != parameters:
                raise CaseworkError(
                    f"학습자 '{learner}'의 값을 노트북 코드로 옮기지 못했습니다. 이름에 특수 문자가 있는지 확인하세요."
                )
    casework_meta = dict(nb.metadata.get("casework", {}) or {})
    casework_meta.update({"exercise": exercise_id, "learner": learner})
    nb.metadata["casework"] = casework_meta
    return nb


def _literal_assignments(source: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            values[node.targets[0].id] = ast.literal_eval(node.value)
    return values


def _read_template(path: Path) -> NotebookNode:
    from casework.exercisegen import read_notebook

    if path.suffix != ".ipynb":
        raise CaseworkError(f"{path.name}: 연습 노트북(.ipynb)을 지정하세요.")
    return read_notebook(path)


@functools.cache
def _file_mode() -> int:
    """Permissions a plain ``open(..., "w")`` would give (mkstemp's are owner-only)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _write_atomic(target: Path, data: bytes, *, force: bool) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), _file_mode())
        if force:
            os.replace(tmp, target)
        else:
            # os.link fails if the target appeared meanwhile: never clobber a learner's file.
            os.link(tmp, target)
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# --------------------------------------------------------------------------- assign


class WriteStatus(str, Enum):
    """What happened to one learner's file."""

    WRITTEN = "새로 만듦"
    REPLACED = "덮어씀"
    UNCHANGED = "이미 같음"
    SKIPPED = "건너뜀(이미 있음)"


@dataclass(frozen=True)
class Assignment:
    """One learner's notebook."""

    learner: Learner
    path: Path
    case_id: str | None
    seed: int
    status: WriteStatus


@dataclass(frozen=True)
class AssignResult:
    """Everything ``assign`` did: one assignment per valid row, and the rejected rows."""

    assignments: tuple[Assignment, ...]
    problems: tuple[RowProblem, ...]
    exercise_id: str

    @property
    def ok(self) -> bool:
        return not self.problems


def assign(
    cohort_csv: str | os.PathLike[str],
    exercise: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    seed_base: int = 0,
    force: bool = False,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> AssignResult:
    """Write one personalised notebook per valid cohort row into ``out_dir``.

    The cohort and the exercise are fully read and checked before anything is written, so a
    file-level error writes nothing. An existing file is left alone (``SKIPPED``) unless
    ``force``; a file whose content is already right is reported ``UNCHANGED``.
    ``progress`` may wrap the per-learner loop (e.g. ``tqdm``).
    """
    if not isinstance(seed_base, int) or isinstance(seed_base, bool) or seed_base < 0:
        raise CaseworkError(f"--seed-base는 0 이상의 정수여야 합니다. 받은 값: {seed_base!r}")
    exercise_path = Path(exercise)
    template = _read_template(exercise_path)
    exercise_id = exercise_id_of(template, exercise_path.name)
    if exercise_id is None:
        raise CaseworkError(
            f"{exercise_path.name}: 어떤 연습인지 알 수 없습니다. 파일 이름이 '07_목표.ipynb'처럼 "
            "번호로 시작하거나 노트북 메타데이터에 casework.exercise가 있어야 합니다."
        )
    if not _has_parameters_cell(template):
        personalise(template, exercise_id=exercise_id, learner="-", case_id=None, seed=0)
    cohort = read_cohort(cohort_csv)
    defaults = parameter_defaults(template)
    default_case = defaults.get("case_id") if isinstance(defaults.get("case_id"), str) else None

    learners = cohort.learners
    names = _file_names(exercise_path.stem, learners)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{out}: 폴더가 아니라 파일입니다. --out에 폴더를 지정하세요.")
    planned: list[tuple[Learner, Path, str | None, int, bytes]] = []
    for learner, file_name in zip(learners, names):
        seed = learner.seed if learner.seed is not None else seed_base + learner.position
        if seed > MAX_SEED:
            raise CaseworkError(f"--seed-base가 너무 큽니다. 시드는 {MAX_SEED} 이하여야 합니다.")
        case_id = learner.case_id or default_case
        nb = personalise(
            template, exercise_id=exercise_id, learner=learner.name, case_id=case_id, seed=seed
        )
        data = (nbformat.writes(nb) + "\n").encode("utf-8")
        planned.append((learner, out / file_name, case_id, seed, data))

    if planned:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CaseworkError(f"{out}: 폴더를 만들 수 없습니다 ({exc.strerror}).") from None
    loop: Iterable[tuple[Learner, Path, str | None, int, bytes]] = planned
    if progress is not None:
        loop = progress(planned)
    done: list[Assignment] = []
    for learner, target, case_id, seed, data in loop:
        if target.exists():
            if target.is_file() and target.read_bytes() == data:
                status = WriteStatus.UNCHANGED
            elif force:
                _write_atomic(target, data, force=True)
                status = WriteStatus.REPLACED
            else:
                status = WriteStatus.SKIPPED
        else:
            _write_atomic(target, data, force=force)
            status = WriteStatus.WRITTEN
        done.append(Assignment(learner, target, case_id, seed, status))
    return AssignResult(tuple(done), cohort.problems, exercise_id)
