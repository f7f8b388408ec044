"""Hand out one personalised exercise notebook per learner (``casework assign``).

The cohort is a CSV file with a header line. Columns (Korean or English header):

    이름 / name   required: the learner's name
    사례 / case   optional: a case id (``casework.cases.case_ids()``); blank = the exercise's default
    시드 / seed   optional: an integer seed (0 or more); blank = ``seed_base`` + the row's
                  position among the learner rows (0, 1, 2, ...; blank lines not counted), moved
                  on to the next free seed if another learner already has that case and seed
    사용자 / user optional: the learner's JupyterHub user name (for ``--hub``)

Other columns are ignored. The file may be UTF-8 (with or without BOM) or CP949 (what Korean
Excel writes); blank lines are skipped. Each learner gets a copy of the exercise with papermill's
``parameterize_notebook`` (nothing is executed): an ``injected-parameters`` cell right after the
``parameters`` cell sets ``learner``, ``case_id``, ``seed``, ``show_hints`` and
``show_solutions``. The notebook metadata ``casework`` records the exercise id and a random
token; ``casework-manifest.json`` in the output folder records, per learner, the file, case,
seed, token and fingerprints of the issued cells (:mod:`casework.manifest`). ``casework grade``
takes identity, case and seed from that manifest, never from the submission.

A solution notebook (answers filled in, ``solution-only`` cells, solution markers) is refused
as the exercise unless ``allow_solutions``: it would hand out the answer key.

A bad row is reported with its line number and skipped; the other rows are still assigned.
Files are written atomically and never overwritten unless ``force=True``.
"""

from __future__ import annotations

import ast
import copy
import csv
import hashlib
import io
import os
import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode
from papermill.parameterize import parameterize_notebook
from papermill.translators import PythonTranslator, papermill_translators

from casework._util.fs import atomic_write
from casework._util.text import josa
from casework.errors import CaseworkError
from casework.manifest import (
    MANIFEST_FILE,
    CellPrint,
    Manifest,
    ManifestEntry,
    cell_kind,
    read_manifest,
    source_sha256,
    write_manifest,
)

__all__ = [
    "NAME_HEADERS",
    "CASE_HEADERS",
    "SEED_HEADERS",
    "USER_HEADERS",
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
    "looks_like_solution",
    "assign",
]

NAME_HEADERS = ("이름", "name")
CASE_HEADERS = ("사례", "case", "case_id")
SEED_HEADERS = ("시드", "seed")
USER_HEADERS = ("사용자", "user", "아이디", "id", "username")
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
    user: str | None = None


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
    user_col = _find_column(header, USER_HEADERS)
    unclosed = _unclosed_quote_line(text)

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
        if unclosed is not None and line >= unclosed:
            problems.append(RowProblem(unclosed, "따옴표(\")가 열렸는데 닫히지 않아 이 줄부터 파일 끝까지를 "
                                                 "읽을 수 없습니다. 따옴표를 닫거나 지우고 다시 실행하세요."))
            break
        name = _cell(row, name_col)
        case_text = _cell(row, case_col)
        seed_text = _cell(row, seed_col)
        user_text = _cell(row, user_col)
        reasons: list[str] = []
        if not name:
            reasons.append("이름이 비어 있습니다. 학습자 이름을 쓰세요.")
        elif not _printable(name):
            reasons.append("이름에 줄바꿈이나 보이지 않는 문자(제어 문자, 폭 없는 공백, 이모지를 잇는 문자 등)가 "
                           "들어 있습니다. 이름을 보통 글자로 한 줄에 쓰세요.")
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
                    f"시드 '{seed_text}'는 0부터 {MAX_SEED}까지의 정수가 아닙니다. 0, 1, 2처럼 쓰거나 비워 두세요."
                )
        if user_text and not re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,63}", user_text):
            reasons.append(f"사용자 이름 '{user_text}'는 허브에서 쓸 수 없는 모양입니다. 영어 소문자, 숫자, 점(.), "
                           "밑줄(_), 하이픈(-)만 쓰세요.")
        if reasons:
            who = f"({name}) " if name and _printable(name) else ""
            problems.append(RowProblem(line, who + " / ".join(reasons)))
        else:
            learners.append(Learner(line, unicodedata.normalize("NFC", name), case_id, seed, position,
                                    user_text or None))
    if not learners and not problems:
        raise CaseworkError(
            f"{file.name}: 학습자가 한 명도 없습니다. 둘째 줄부터 학습자 이름을 한 줄에 한 명씩 쓰세요."
        )
    return Cohort(tuple(learners), tuple(problems), encoding)


def _unclosed_quote_line(text: str) -> int | None:
    """The 1-based line where a quote opens and never closes (CSV reads on to the end), or None."""
    open_line: int | None = None
    for number, line in enumerate(text.splitlines(), 1):
        for _ in range(line.count('"')):
            open_line = number if open_line is None else None
    return open_line


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
    template: NotebookNode, *, exercise_id: str, learner: str, case_id: str | None, seed: int,
    show_hints: bool | None = None, show_solutions: bool | None = None, token: str | None = None,
) -> NotebookNode:
    """A copy of ``template`` with the learner's parameters injected (nothing executed).

    ``case_id=None`` keeps the exercise's default case; ``show_hints``/``show_solutions`` of
    None keep the template's defaults. ``token`` goes into the notebook metadata.
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
    known = parameter_defaults(template)
    for name, value in (("show_hints", show_hints), ("show_solutions", show_solutions)):
        if value is not None and name in known:
            parameters[name] = value
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
    if token:
        casework_meta["token"] = token
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
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def looks_like_solution(nb: NotebookNode) -> str | None:
    """Why ``nb`` looks like a solution notebook (a Korean reason), or None."""
    for number, cell in enumerate(nb.cells, 1):
        source = _source(cell)
        if "solution-only" in _tags(cell):
            return f"{number}번째 셀에 'solution-only' 태그가 있습니다"
        if cell.get("cell_type") == "code" and source.lstrip().startswith("%%답"):
            body = [line for line in source.splitlines()[1:] if line.strip() and not line.lstrip().startswith("#")]
            if body:
                return f"{number}번째 셀(답 칸)에 답이 적혀 있습니다"
        if re.search(r"#\s*SOLUTION\s*$|BEGIN SOLUTION", source, re.M):
            return f"{number}번째 셀에 해답 표시가 있습니다"
    return None


def _template_prints(template: NotebookNode) -> tuple[CellPrint, ...]:
    return tuple(CellPrint(str(c.get("id", "")), cell_kind(c), source_sha256(_source(c))) for c in template.cells)


def _choose_seeds(learners: Sequence[Learner], cases: Sequence[str], seed_base: int) -> tuple[list[int], list[str]]:
    """Seeds for every learner: explicit ones as given, others from seed_base + position, moved
    on past any (case, seed) already taken so no two learners get the same practice data.
    Returns the seeds and Korean warnings for explicit seeds that collide."""
    taken: dict[tuple[str, int], str] = {}
    warnings_: list[str] = []
    for learner, case in zip(learners, cases):
        if learner.seed is not None:
            other = taken.get((case, learner.seed))
            if other is not None:
                warnings_.append(f"{learner.line}번째 줄: {learner.name}와 {other}가 같은 사례({case})와 시드"
                                 f"({learner.seed})를 받아 연습 자료와 정답이 같습니다. 일부러 그런 것이 아니면 시드를 바꾸세요.")
            taken.setdefault((case, learner.seed), learner.name)
    seeds: list[int] = []
    for learner, case in zip(learners, cases):
        if learner.seed is not None:
            seeds.append(learner.seed)
            continue
        seed = seed_base + learner.position
        while (case, seed) in taken:
            seed += 1
        if seed > MAX_SEED:
            raise CaseworkError(f"--seed-base가 너무 큽니다. 시드는 {MAX_SEED} 이하여야 합니다.")
        taken[(case, seed)] = learner.name
        seeds.append(seed)
    return seeds, warnings_


def _existing_manifest(out: Path, exercise_id: str, template_sha: str, force: bool) -> Manifest | None:
    if not (out / MANIFEST_FILE).is_file():
        return None
    old = read_manifest(out / MANIFEST_FILE)
    if (old.exercise, old.template_sha256) != (exercise_id, template_sha) and not force:
        raise CaseworkError(
            f"{out}에는 다른 연습 노트북(연습 {old.exercise})으로 만든 배정 기록이 있습니다. 다른 --out 폴더를 "
            "지정하거나, 이전 배정을 버리려면 --force를 붙이세요."
        )
    return old if old.exercise == exercise_id else None


def assign(
    cohort_csv: str | os.PathLike[str],
    exercise: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    seed_base: int = 0,
    force: bool = False,
    allow_solutions: bool = False,
    show_hints: bool = True,
    show_solutions: bool = False,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> AssignResult:
    """Write one personalised notebook per valid cohort row, and the manifest, into ``out_dir``.

    The cohort and the exercise are fully read and checked before anything is written, so a
    file-level error writes nothing. An existing file is left alone (``SKIPPED``) unless
    ``force``; a file whose content is already right is reported ``UNCHANGED``. The manifest
    keeps the tokens of learners assigned before, so running again gives the same files.
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
    solution_reason = looks_like_solution(template)
    if solution_reason and not allow_solutions:
        raise CaseworkError(
            f"{josa(exercise_path.name, '은')} 해답 노트북으로 보입니다({solution_reason}). 학습자에게 정답을 나눠 주게 되므로 "
            "멈췄습니다. exercises/의 연습 노트북을 지정하세요. 정말 해답을 나눠 주려면 --allow-solutions를 붙이세요."
        )
    if not _has_parameters_cell(template):
        personalise(template, exercise_id=exercise_id, learner="-", case_id=None, seed=0)
    cohort = read_cohort(cohort_csv)
    defaults = parameter_defaults(template)
    default_case = case if isinstance(case := defaults.get("case_id"), str) else "elderly_alone"

    learners = cohort.learners
    names = _file_names(exercise_path.stem, learners)
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{out}: 폴더가 아니라 파일입니다. --out에 폴더를 지정하세요.")
    template_sha = hashlib.sha256(exercise_path.read_bytes()).hexdigest()
    old = _existing_manifest(out, exercise_id, template_sha, force)
    old_entries = old.by_file() if old else {}
    cases = [learner.case_id or default_case for learner in learners]
    seeds, seed_warnings = _choose_seeds(learners, cases, seed_base)
    planned: list[tuple[Learner, Path, str, int, bytes, ManifestEntry]] = []
    for learner, file_name, case_id, seed in zip(learners, names, cases, seeds):
        previous = old_entries.get(file_name)
        same = previous and (previous.learner, previous.case_id, previous.seed) == (learner.name, case_id, seed)
        token = previous.token if same and previous else secrets.token_hex(8)
        nb = personalise(template, exercise_id=exercise_id, learner=learner.name, case_id=case_id, seed=seed,
                         show_hints=show_hints, show_solutions=show_solutions, token=token)
        data = (nbformat.writes(nb) + "\n").encode("utf-8")
        params = next((_source(c) for c in nb.cells if "injected-parameters" in _tags(c)), "")
        entry = ManifestEntry(learner=learner.name, file=file_name, case_id=case_id, seed=seed, token=token,
                              issued_sha256=hashlib.sha256(data).hexdigest(), params_sha256=source_sha256(params),
                              user=learner.user)
        planned.append((learner, out / file_name, case_id, seed, data, entry))

    if planned:
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CaseworkError(f"{out}: 폴더를 만들 수 없습니다 ({exc.strerror}).") from None
    loop: Iterable[tuple[Learner, Path, str, int, bytes, ManifestEntry]] = planned
    if progress is not None:
        loop = progress(planned)
    done: list[Assignment] = []
    entries = dict(old_entries)
    try:
        for learner, target, case_id, seed, data, entry in loop:
            if target.exists():
                if target.is_file() and target.read_bytes() == data:
                    status = WriteStatus.UNCHANGED
                elif force:
                    atomic_write(target, data)
                    status = WriteStatus.REPLACED
                else:
                    status = WriteStatus.SKIPPED
            else:
                atomic_write(target, data, overwrite=False)
                status = WriteStatus.WRITTEN
            if status is not WriteStatus.SKIPPED:
                entries[entry.file] = entry
            done.append(Assignment(learner, target, case_id, seed, status))
    finally:
        if planned and (done or old is not None):
            write_manifest(Manifest(
                exercise=exercise_id, issued_at=datetime.now(UTC).isoformat(timespec="seconds"),
                template_sha256=template_sha, cells=_template_prints(template), learners=tuple(entries.values()),
                show_hints=show_hints, show_solutions=show_solutions,
            ), out)
    return AssignResult(tuple(done), cohort.problems, exercise_id, tuple(seed_warnings))
