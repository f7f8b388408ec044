"""Grade a folder of submitted exercise notebooks in one batch (``casework grade``).

Each submission is read once (its SHA-256 is kept; the file is never written), checked against
the exercise's template (``exercises/<same exercise>.ipynb``) and then executed from an
in-memory copy in a fresh kernel of its own, in parallel worker processes, with a time limit
per notebook. The check records the checker emits (display data with the MIME type
:data:`CHECK_MIME`) are collected from the outputs.

Rules (the workbook's, modelled on nbgrader's autograder):

* The exercise is the notebook metadata ``casework.exercise`` if present, else the number the
  file name starts with (``07_목표_홍길동.ipynb`` -> ``07``).
* Cells tagged ``check`` or ``check-setup`` in the template are found in the submission by cell
  id, or else by identical source. An edited one is put back to the template's source before
  running (the learner cannot change how an answer is judged) and reported; a deleted one is
  reported as "check 셀 삭제됨" and its question scores 0.
* A question's score comes from the last record its own check cell emitted; records emitted
  anywhere else (a learner trying ``check`` in a scratch cell, or forging a record) are ignored.
* Outputs saved in the submission are cleared first, so only this run's records count.
* Execution stops at the first error (like papermill); checks that ran before still count.
* Expected questions are ``casework.checks.exercise_spec(exercise)`` when the library knows the
  exercise, else the questions of the template's check cells.
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import json
import math
import os
import re
import tempfile
import time
import warnings
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

import nbformat
from nbformat.notebooknode import NotebookNode

from casework.assign import exercise_id_of
from casework.errors import CaseworkError
from casework.feedback import Status

__all__ = [
    "CHECK_MIME",
    "CHECK_TAG",
    "SETUP_TAG",
    "DEFAULT_TIMEOUT",
    "RecordStatus",
    "CheckRecord",
    "CheckCell",
    "Template",
    "ProblemKind",
    "Problem",
    "GradeStatus",
    "SubmissionResult",
    "GradeRun",
    "default_workers",
    "load_template",
    "load_templates",
    "find_submissions",
    "grade_submission",
    "grade_all",
    "grades_rows",
    "grades_csv",
]

CHECK_MIME = "application/vnd.casework.check+json"
CHECK_TAG = "check"
SETUP_TAG = "check-setup"
DEFAULT_TIMEOUT = 60.0
_STARTUP_TIMEOUT = 120
_QUESTION_RE = re.compile(r"""\bcheck\(\s*(?P<q>["'])(?P<id>[^"'\\]+)(?P=q)""")


# --------------------------------------------------------------------------- records


# A record's status is the checker's Feedback status, serialised by its value.
RecordStatus = Status


@dataclass(frozen=True)
class CheckRecord:
    """One machine-readable check result, as emitted by ``Checker.__call__``."""

    exercise: str
    question: str
    status: RecordStatus
    score: float
    summary: str = ""
    points: tuple[str, ...] = ()
    learner: str = ""
    case_id: str = ""
    seed: int | None = None

    @classmethod
    def from_data(cls, data: Any) -> CheckRecord | None:
        """Parse a record (a dict, or its JSON text); ``None`` if it is not a valid record."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except ValueError:
                return None
        if not isinstance(data, dict):
            return None
        try:
            status = RecordStatus(data.get("status"))
        except ValueError:
            return None
        score = data.get("score")
        question, exercise = data.get("question"), data.get("exercise")
        if (
            not isinstance(question, str)
            or not isinstance(exercise, str)
            or isinstance(score, bool)
            or not isinstance(score, (int, float))
            or not math.isfinite(score)
            or not 0.0 <= score <= 1.0
        ):
            return None
        points = data.get("points") or ()
        seed = data.get("seed")
        return cls(
            exercise=exercise,
            question=question,
            status=status,
            score=float(score),
            summary=str(data.get("summary") or ""),
            points=tuple(str(p) for p in points) if isinstance(points, (list, tuple)) else (),
            learner=str(data.get("learner") or ""),
            case_id=str(data.get("case_id") or ""),
            seed=seed if isinstance(seed, int) and not isinstance(seed, bool) else None,
        )


# --------------------------------------------------------------------------- templates


@dataclass(frozen=True)
class CheckCell:
    """A cell tagged ``check`` (with the questions it checks) or ``check-setup``."""

    cell_id: str
    source: str
    questions: tuple[str, ...]
    setup: bool = False


@dataclass(frozen=True)
class Template:
    """What grading needs from one exercise notebook in the template folder."""

    exercise: str
    path: Path
    questions: tuple[str, ...]
    checks: tuple[CheckCell, ...]


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _normal(source: str) -> str:
    # Trailing spaces and blank lines are not an edit.
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def _tags(cell: dict[str, Any]) -> list[str]:
    tags = cell.get("metadata", {}).get("tags", [])
    return [str(t) for t in tags] if isinstance(tags, list) else []


def _spec_questions(exercise: str) -> tuple[str, ...] | None:
    """Question ids from ``casework.checks.exercise_spec``, or None if it cannot say."""
    try:
        from casework import checks  # written alongside; optional for grading
    except ImportError:
        return None
    spec_fn = getattr(checks, "exercise_spec", None)
    if spec_fn is None:
        return None
    try:
        spec = spec_fn(exercise)
    except Exception:  # noqa: BLE001 - an unknown exercise (e.g. a test fixture) falls back
        return None
    items = getattr(spec, "questions", spec)
    if isinstance(items, dict):
        items = list(items)
    ids: list[str] = []
    try:
        for item in items:
            if isinstance(item, str):
                ids.append(item)
            else:
                qid = next(
                    (getattr(item, a) for a in ("id", "question_id", "question") if hasattr(item, a)),
                    None,
                )
                if not isinstance(qid, str):
                    return None
                ids.append(qid)
    except TypeError:
        return None
    return tuple(ids) or None


def load_template(path: str | os.PathLike[str]) -> Template:
    """Read one exercise notebook and describe its check cells and questions."""
    from casework.exercisegen import read_notebook

    file = Path(path)
    nb = read_notebook(file)
    exercise = exercise_id_of(nb, file.name)
    if exercise is None:
        raise CaseworkError(
            f"{file.name}: 어떤 연습인지 알 수 없습니다. 파일 이름을 번호로 시작하거나(예: 07_목표.ipynb) "
            "메타데이터에 casework.exercise를 쓰세요."
        )
    checks: list[CheckCell] = []
    from_cells: list[str] = []
    for cell in nb.cells:
        tags = _tags(cell)
        if cell.get("cell_type") != "code" or not ({CHECK_TAG, SETUP_TAG} & set(tags)):
            continue
        source = _source(cell)
        questions = tuple(m.group("id") for m in _QUESTION_RE.finditer(source))
        setup = SETUP_TAG in tags
        if not setup:
            from_cells.extend(q for q in questions if q not in from_cells)
        checks.append(CheckCell(str(cell.get("id", "")), source, () if setup else questions, setup))
    questions = _spec_questions(exercise) or tuple(from_cells)
    if not questions:
        raise CaseworkError(
            f"{file.name}: 'check' 태그가 붙은 셀이 없어 채점할 문항을 알 수 없습니다. "
            "해답 노트북의 check 셀에 태그를 붙이고 연습 노트북을 다시 만드세요."
        )
    return Template(exercise, file, questions, tuple(checks))


def load_templates(template_dir: str | os.PathLike[str]) -> dict[str, Template]:
    """Every ``*.ipynb`` template in ``template_dir`` by exercise id."""
    folder = Path(template_dir)
    if not folder.is_dir():
        raise CaseworkError(f"{folder}: 연습 노트북 폴더가 없습니다. --template-dir로 폴더를 지정하세요.")
    templates: dict[str, Template] = {}
    for path in sorted(folder.glob("*.ipynb")):
        if path.name.startswith("."):
            continue
        template = load_template(path)
        if template.exercise in templates:
            other = templates[template.exercise].path.name
            raise CaseworkError(
                f"{folder}: 연습 {template.exercise}의 원본이 둘입니다({other}, {path.name}). 하나만 남기세요."
            )
        templates[template.exercise] = template
    if not templates:
        raise CaseworkError(f"{folder}: 연습 노트북(.ipynb)이 하나도 없습니다. --template-dir를 확인하세요.")
    return templates


# --------------------------------------------------------------------------- results


class ProblemKind(str, Enum):
    """Kinds of problem a submission can have; the value is a short Korean label."""

    NOT_A_NOTEBOOK = "노트북 아님"
    BROKEN_JSON = "JSON 깨짐"
    UNKNOWN_EXERCISE = "연습을 알 수 없음"
    NO_TEMPLATE = "연습 원본 없음"
    KERNEL_FAILED = "커널 시작 실패"
    KERNEL_ERROR = "실행 오류"
    TIMEOUT = "시간 초과"
    KERNEL_DIED = "커널 종료"
    SETUP_DELETED = "check-setup 셀 삭제됨"
    SETUP_EDITED = "check-setup 셀 수정됨"
    CHECK_DELETED = "check 셀 삭제됨"
    CHECK_EDITED = "check 셀 수정됨"
    CHECK_NOT_RUN = "check 실행 안 됨"
    BAD_RECORD = "채점 기록 이상"


_NOT_GRADABLE = {
    ProblemKind.NOT_A_NOTEBOOK,
    ProblemKind.BROKEN_JSON,
    ProblemKind.UNKNOWN_EXERCISE,
    ProblemKind.NO_TEMPLATE,
    ProblemKind.KERNEL_FAILED,
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a submission, explained in Korean."""

    kind: ProblemKind
    message: str

    def __str__(self) -> str:
        return self.message


class GradeStatus(str, Enum):
    """Overall state of one submission (Korean value, shown in grades.csv)."""

    GRADED = "채점 완료"
    NEEDS_REVIEW = "확인 필요"
    STOPPED = "오류로 중단"
    TIMED_OUT = "시간 초과"
    NOT_GRADED = "채점 불가"


@dataclass(frozen=True)
class SubmissionResult:
    """The grade of one submitted file."""

    file: str
    learner: str
    exercise: str | None
    questions: tuple[str, ...]
    scores: dict[str, float | None]
    records: dict[str, CheckRecord]
    problems: tuple[Problem, ...]
    sha256: str
    seconds: float = 0.0

    @property
    def total(self) -> float:
        return sum(s for s in self.scores.values() if s is not None)

    @property
    def status(self) -> GradeStatus:
        kinds = {p.kind for p in self.problems}
        if kinds & _NOT_GRADABLE:
            return GradeStatus.NOT_GRADED
        if ProblemKind.TIMEOUT in kinds:
            return GradeStatus.TIMED_OUT
        if kinds & {ProblemKind.KERNEL_ERROR, ProblemKind.KERNEL_DIED}:
            return GradeStatus.STOPPED
        if kinds:
            return GradeStatus.NEEDS_REVIEW
        return GradeStatus.GRADED


@dataclass(frozen=True)
class GradeRun:
    """All results of one grading run, sorted by file, and the questions of each exercise."""

    results: tuple[SubmissionResult, ...]
    questions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    timeout: float = DEFAULT_TIMEOUT
    workers: int = 1
    seconds: float = 0.0


# --------------------------------------------------------------------------- preparing


@dataclass(frozen=True)
class _Job:
    """What a worker needs to execute one submission (picklable)."""

    notebook_json: str
    timeout: float
    kernel_name: str


@dataclass(frozen=True)
class _Outcome:
    """What a worker found: the records per cell and how the run ended."""

    records: tuple[tuple[int, Any], ...] = ()
    error: tuple[int, str, str] | None = None  # cell index, exception name, message
    timed_out_at: int | None = None
    timed_out: bool = False
    died_at: int | None = None
    start_failure: str | None = None
    seconds: float = 0.0


@dataclass
class _Prepared:
    file: str
    learner: str
    sha256: str
    template: Template
    nb: NotebookNode
    question_cells: dict[str, int]  # question -> index of its check cell in nb
    cell_questions: dict[int, tuple[str, ...]]
    deleted: tuple[str, ...]
    problems: list[Problem]
    setup_index: int | None = None


def _failed(file: str, learner: str, sha: str, kind: ProblemKind, message: str,
            exercise: str | None = None, questions: tuple[str, ...] = ()) -> SubmissionResult:
    return SubmissionResult(
        file=file, learner=learner, exercise=exercise, questions=questions,
        scores={q: None for q in questions}, records={}, problems=(Problem(kind, message),), sha256=sha,
    )


def _learner_of(nb: NotebookNode | None, path: Path) -> str:
    if nb is not None:
        meta = nb.get("metadata", {})
        for value in (
            (meta.get("casework") or {}).get("learner") if isinstance(meta.get("casework"), dict) else None,
            ((meta.get("papermill") or {}).get("parameters") or {}).get("learner")
            if isinstance(meta.get("papermill"), dict) else None,
        ):
            if isinstance(value, str) and value.strip():
                return value.strip()
    return path.stem


def _parse(data: bytes) -> tuple[NotebookNode | None, ProblemKind | None, str]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, ProblemKind.NOT_A_NOTEBOOK, "UTF-8 글이 아닙니다. 주피터 노트북 파일이 아닌 것 같습니다."
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, ProblemKind.BROKEN_JSON, (
            f"노트북 파일(JSON)이 깨져 있습니다({exc.lineno}번째 줄 {exc.colno}번째 글자). "
            "학습자에게 JupyterLab에서 열어 다시 저장해 제출하게 하세요."
        )
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list) or raw.get("nbformat") != 4:
        return None, ProblemKind.NOT_A_NOTEBOOK, (
            "JSON이지만 주피터 노트북 형식이 아닙니다('cells' 목록이나 nbformat 4가 없음)."
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            nb = nbformat.reads(text, as_version=4)
    except Exception:  # noqa: BLE001 - any shape nbformat rejects
        return None, ProblemKind.NOT_A_NOTEBOOK, "노트북 형식이 잘못되어 읽을 수 없습니다."
    return nb, None, ""


def _prepare(path: Path, root: Path, templates: dict[str, Template]) -> _Prepared | SubmissionResult:
    file = path.relative_to(root).as_posix()
    data = path.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    if path.suffix.lower() != ".ipynb":
        return _failed(file, path.stem, sha, ProblemKind.NOT_A_NOTEBOOK,
                       f"노트북(.ipynb) 파일이 아닙니다({path.suffix or '확장자 없음'}). 제출물을 확인하세요.")
    nb, kind, message = _parse(data)
    if nb is None:
        assert kind is not None
        return _failed(file, path.stem, sha, kind, message)
    learner = _learner_of(nb, path)
    exercise = exercise_id_of(nb, path.name)
    if exercise is None:
        return _failed(file, learner, sha, ProblemKind.UNKNOWN_EXERCISE,
                       "어떤 연습인지 알 수 없습니다(파일 이름이 번호로 시작하지 않고 메타데이터도 없음).")
    template = templates.get(exercise)
    if template is None:
        known = ", ".join(sorted(templates)) or "없음"
        return _failed(file, learner, sha, ProblemKind.NO_TEMPLATE,
                       f"연습 {exercise}의 원본 노트북이 연습 폴더에 없습니다(있는 연습: {known}).", exercise)

    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    by_id = {str(c.get("id")): i for i, c in enumerate(nb.cells) if c.get("id")}
    problems: list[Problem] = []
    question_cells: dict[str, int] = {}
    cell_questions: dict[int, tuple[str, ...]] = {}
    deleted: list[str] = []
    edited: list[str] = []
    used: set[int] = set()
    setup_index: int | None = None
    for check in template.checks:
        index = by_id.get(check.cell_id) if check.cell_id else None
        if index is not None and nb.cells[index].get("cell_type") != "code":
            index = None
        if index is not None and _normal(_source(nb.cells[index])) != _normal(check.source):
            nb.cells[index]["source"] = check.source  # judged by the template's code, not the learner's
            if check.setup:
                problems.append(Problem(ProblemKind.SETUP_EDITED,
                                        "check-setup 셀 수정됨: 원본으로 되돌려 채점했습니다."))
            else:
                edited.extend(check.questions)
        if index is None:
            index = next(
                (i for i, c in enumerate(nb.cells)
                 if i not in used and c.get("cell_type") == "code"
                 and _normal(_source(c)) == _normal(check.source)),
                None,
            )
        if index is None:
            if check.setup:
                problems.append(Problem(ProblemKind.SETUP_DELETED,
                                        "check-setup 셀 삭제됨: 채점기를 만들 수 없어 check가 돌지 않습니다."))
            else:
                deleted.extend(check.questions)
            continue
        used.add(index)
        if check.setup:
            setup_index = index
        else:
            cell_questions[index] = check.questions
            for q in check.questions:
                question_cells.setdefault(q, index)
    if deleted:
        problems.append(Problem(ProblemKind.CHECK_DELETED,
                                f"check 셀 삭제됨: {', '.join(deleted)} (이 문항은 0점)"))
    if edited:
        problems.append(Problem(ProblemKind.CHECK_EDITED,
                                f"check 셀 수정됨: {', '.join(edited)} (원본으로 되돌려 채점했습니다)"))
    return _Prepared(
        file, learner, sha, template, nb, question_cells, cell_questions, tuple(deleted), problems, setup_index
    )


# --------------------------------------------------------------------------- executing (worker side)


def _kernel_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CASEWORK_STRICT_CHECKS", None)  # a failed check must score 0, not stop the notebook
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    env.setdefault("MPLBACKEND", "Agg")
    return env


def _collect(nb: NotebookNode) -> tuple[tuple[int, Any], ...]:
    found: list[tuple[int, Any]] = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []) or []:
            if output.get("output_type") in ("display_data", "execute_result"):
                data = output.get("data", {})
                if CHECK_MIME in data:
                    found.append((index, _plain(data[CHECK_MIME])))
    return tuple(found)


def _plain(value: Any) -> Any:
    # NotebookNode -> dict, so the outcome pickles cheaply across processes.
    return json.loads(json.dumps(value)) if not isinstance(value, str) else value


def _execute(job: _Job) -> _Outcome:
    """Run one prepared notebook in a new kernel; never raises for the notebook's own faults."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from jupyter_client.utils import ensure_async

    started = time.perf_counter()
    nb = nbformat.from_dict(json.loads(job.notebook_json))
    running: list[int | None] = [None]
    with tempfile.TemporaryDirectory(prefix="casework-grade-") as workdir:
        client = NotebookClient(
            nb,
            timeout=job.timeout,
            startup_timeout=_STARTUP_TIMEOUT,
            kernel_name=job.kernel_name,
            allow_errors=False,
            record_timing=False,
            shutdown_kernel="immediate",
            resources={"metadata": {"path": workdir}},
        )
        # Unix-socket transport: no unencrypted TCP port other local users could connect to.
        if os.name == "posix":
            km = client.create_kernel_manager()
            km.transport = "ipc"
            km.ip = os.path.join(workdir, "kernel")

        deadline = [math.inf]

        def remaining(cell: Any = None) -> float:
            return deadline[0] - time.monotonic()

        # nbclient's own per-cell limit, set to what is left of the notebook's budget. (An outer
        # asyncio.wait_for would not do: nbclient turns the cancellation into DeadKernelError.)
        client.timeout_func = remaining

        async def run_cells() -> None:
            for index, cell in enumerate(client.nb.cells):
                running[0] = index
                if cell.get("cell_type") == "code" and remaining() <= 0:
                    raise CellTimeoutError("notebook time limit reached")
                await client.async_execute_cell(
                    cell, index, execution_count=client.code_cells_executed + 1
                )

        async def drive() -> _Outcome:
            try:
                async with client.async_setup_kernel(env=_kernel_env()):
                    assert client.kc is not None
                    await client.async_wait_for_reply(await ensure_async(client.kc.kernel_info()))
                    # The limit starts once the kernel is ready: a busy machine must not eat the
                    # learner's budget.
                    deadline[0] = time.monotonic() + job.timeout
                    try:
                        await run_cells()
                    except CellTimeoutError:
                        return _Outcome(timed_out=True, timed_out_at=running[0])
                    except CellExecutionError as exc:
                        return _Outcome(error=(running[0] or 0, exc.ename, exc.evalue))
                    except DeadKernelError:
                        if remaining() <= 0:
                            return _Outcome(timed_out=True, timed_out_at=running[0])
                        return _Outcome(died_at=running[0] if running[0] is not None else -1)
            except (RuntimeError, TimeoutError, OSError) as exc:
                if running[0] is None:
                    return _Outcome(start_failure=f"{type(exc).__name__}: {exc}")
                return _Outcome(died_at=running[0])
            return _Outcome()

        outcome = asyncio.run(drive())
    return _Outcome(
        records=_collect(nb),
        error=outcome.error,
        timed_out=outcome.timed_out,
        timed_out_at=outcome.timed_out_at,
        died_at=outcome.died_at,
        start_failure=outcome.start_failure,
        seconds=time.perf_counter() - started,
    )


# --------------------------------------------------------------------------- judging


def _where(prepared: _Prepared, index: int) -> str:
    """'5번째 셀(q2 check 셀)' / '4번째 셀(q2 답 부분)' for an error message."""
    place = f"{index + 1}번째 셀"
    if index == prepared.setup_index:
        return f"{place}(check-setup 셀)"
    if prepared.setup_index is not None and index < prepared.setup_index:
        return place
    if index in prepared.cell_questions:
        return f"{place}({', '.join(prepared.cell_questions[index])} check 셀)"
    later = [i for i in prepared.cell_questions if i > index]
    if later:
        return f"{place}({', '.join(prepared.cell_questions[min(later)])} 답 부분)"
    return place


def _finish(prepared: _Prepared, outcome: _Outcome, timeout: float) -> SubmissionResult:
    template = prepared.template
    questions = template.questions
    problems = list(prepared.problems)
    if outcome.start_failure is not None:
        problems.insert(0, Problem(ProblemKind.KERNEL_FAILED,
                                   f"커널을 시작하지 못했습니다({outcome.start_failure})."))
    if outcome.error is not None:
        index, name, value = outcome.error
        value = " ".join(str(value).split())
        what = f"{name}: {value}" if value else name
        problems.insert(0, Problem(ProblemKind.KERNEL_ERROR,
                                   f"{_where(prepared, index)}에서 오류가 나 실행이 멈췄습니다({what})."))
    if outcome.timed_out:
        at = f"{_where(prepared, outcome.timed_out_at)}을 실행하던 중 " if outcome.timed_out_at is not None else ""
        problems.insert(0, Problem(ProblemKind.TIMEOUT,
                                   f"시간 초과: {timeout:g}초 안에 끝나지 않아 {at}커널을 멈췄습니다. "
                                   "무한 반복이 있는지 보세요."))
    if outcome.died_at is not None:
        at = f"({_where(prepared, outcome.died_at)} 실행 중)" if outcome.died_at >= 0 else ""
        problems.insert(0, Problem(ProblemKind.KERNEL_DIED, f"커널이 갑자기 꺼졌습니다{at}. 메모리를 너무 많이 쓰거나 프로세스를 끝내는 코드가 있는지 보세요."))

    records: dict[str, CheckRecord] = {}
    bad = 0
    for index, data in outcome.records:
        record = CheckRecord.from_data(data)
        if record is None:
            bad += 1
            continue
        if record.exercise != template.exercise or record.question not in questions:
            continue
        home = prepared.question_cells.get(record.question)
        if home is not None and index != home:
            continue  # only the question's own check cell counts
        records[record.question] = record
    if bad:
        problems.append(Problem(ProblemKind.BAD_RECORD, f"형식이 맞지 않는 채점 기록 {bad}개를 무시했습니다."))

    scores: dict[str, float | None] = {}
    not_run: list[str] = []
    no_cell: list[str] = []
    for q in questions:
        scores[q] = records[q].score if q in records else None
        if q in records or q in prepared.deleted:
            continue
        (not_run if template_has_cell(template, q) else no_cell).append(q)
    if no_cell:
        # The library expects the question but the template has no check cell for it.
        problems.append(Problem(ProblemKind.CHECK_NOT_RUN,
                                f"연습 원본에 check 셀이 없는 문항: {', '.join(no_cell)}"))
    if not_run and outcome.start_failure is None:
        problems.append(Problem(ProblemKind.CHECK_NOT_RUN, f"실행되지 않은 check: {', '.join(not_run)}"))
    return SubmissionResult(
        file=prepared.file, learner=prepared.learner, exercise=template.exercise,
        questions=questions, scores=scores, records=records, problems=tuple(problems),
        sha256=prepared.sha256, seconds=outcome.seconds,
    )


def template_has_cell(template: Template, question: str) -> bool:
    """Whether some check cell of ``template`` checks ``question``."""
    return any(question in c.questions for c in template.checks)


# --------------------------------------------------------------------------- batch


def default_workers() -> int:
    """min(4, CPU count): kernel start-up is CPU-bound, more workers than cores only queue."""
    return max(1, min(4, os.cpu_count() or 1))


def find_submissions(
    submissions_dir: str | os.PathLike[str], *, exclude: Iterable[str | os.PathLike[str]] = ()
) -> list[Path]:
    """Every file under ``submissions_dir`` (recursively), sorted; hidden files and folders
    (``.ipynb_checkpoints``) and anything under ``exclude`` are skipped."""
    root = Path(submissions_dir)
    if not root.is_dir():
        raise CaseworkError(f"{root}: 제출물 폴더가 없습니다. 학습자 노트북을 모은 폴더를 지정하세요.")
    skip = [Path(e).resolve() for e in exclude]
    found: list[Path] = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") or part.startswith("~$") for part in rel.parts):
            continue
        if not path.is_file():
            continue
        resolved = path.resolve()
        if any(resolved == s or s in resolved.parents for s in skip):
            continue
        found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def grade_submission(
    path: str | os.PathLike[str],
    templates: dict[str, Template],
    *,
    root: str | os.PathLike[str] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    kernel_name: str = "python3",
) -> SubmissionResult:
    """Grade one file in this process (``grade_all`` does the same in worker processes)."""
    file = Path(path)
    prepared = _prepare(file, Path(root) if root is not None else file.parent, templates)
    if isinstance(prepared, SubmissionResult):
        return prepared
    outcome = _execute(_Job(json.dumps(prepared.nb), timeout, kernel_name))
    return _finish(prepared, outcome, timeout)


def _check_options(timeout: float, workers: int | None) -> int:
    if isinstance(timeout, bool) or not isinstance(timeout, (int, float)) or not timeout > 0 or not math.isfinite(timeout):
        raise CaseworkError(f"--timeout은 0보다 큰 초 단위 숫자여야 합니다 (예: 60). 받은 값: {timeout!r}")
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise CaseworkError(f"--workers는 1 이상의 정수여야 합니다 (예: 4). 받은 값: {workers!r}")
    return workers


def grade_all(
    submissions_dir: str | os.PathLike[str],
    template_dir: str | os.PathLike[str],
    *,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int | None = None,
    kernel_name: str = "python3",
    exclude: Sequence[str | os.PathLike[str]] = (),
    on_start: Callable[[int], None] | None = None,
    on_result: Callable[[SubmissionResult], None] | None = None,
) -> GradeRun:
    """Grade every file under ``submissions_dir`` against the templates in ``template_dir``.

    Notebooks run in parallel (``workers`` processes, default :func:`default_workers`), each
    in its own kernel with ``timeout`` seconds once the kernel is ready. A broken submission
    becomes a result with problems; it never stops the others. ``on_start(n)`` is called with
    the number of files, ``on_result`` once per finished file (for a progress bar).
    """
    started = time.perf_counter()
    n_workers = _check_options(timeout, workers)
    templates = load_templates(template_dir)
    root = Path(submissions_dir)
    files = find_submissions(root, exclude=exclude)
    if on_start is not None:
        on_start(len(files))
    results: list[SubmissionResult] = []

    def done(result: SubmissionResult) -> None:
        results.append(result)
        if on_result is not None:
            on_result(result)

    pending: list[_Prepared] = []
    for path in files:
        try:
            prepared = _prepare(path, root, templates)
        except OSError as exc:
            done(_failed(path.relative_to(root).as_posix(), path.stem, "", ProblemKind.NOT_A_NOTEBOOK,
                         f"파일을 읽을 수 없습니다({exc.strerror})."))
            continue
        if isinstance(prepared, SubmissionResult):
            done(prepared)
        else:
            pending.append(prepared)

    jobs = [_Job(json.dumps(p.nb), float(timeout), kernel_name) for p in pending]
    if n_workers == 1 or len(jobs) <= 1:
        for prepared, job in zip(pending, jobs):
            done(_finish(prepared, _execute(job), timeout))
    else:
        _run_parallel(pending, jobs, min(n_workers, len(jobs)), timeout, done)

    results.sort(key=lambda r: r.file)
    questions = {t.exercise: t.questions for t in templates.values()
                 if any(r.exercise == t.exercise for r in results)}
    return GradeRun(tuple(results), questions, float(timeout), n_workers, time.perf_counter() - started)


def _run_parallel(
    pending: list[_Prepared], jobs: list[_Job], n_workers: int, timeout: float,
    done: Callable[[SubmissionResult], None],
) -> None:
    executor = ProcessPoolExecutor(max_workers=n_workers)
    try:
        futures: dict[Future[_Outcome], _Prepared] = {
            executor.submit(_execute, job): prepared for prepared, job in zip(pending, jobs)
        }
        for future in as_completed(futures):
            prepared = futures[future]
            try:
                outcome = future.result()
            except BrokenProcessPool:
                outcome = _Outcome(start_failure="채점 작업 프로세스가 갑자기 끝났습니다")
            except Exception as exc:  # noqa: BLE001 - one notebook never stops the others
                outcome = _Outcome(start_failure=f"{type(exc).__name__}: {exc}")
            done(_finish(prepared, outcome, timeout))
    except BaseException:
        # Interrupted: drop queued work and stop the workers (their kernels exit with them).
        executor.shutdown(wait=False, cancel_futures=True)
        for process in list(getattr(executor, "_processes", {}).values()):
            process.terminate()
        raise
    executor.shutdown(wait=True)


# --------------------------------------------------------------------------- grades.csv


def _score_text(score: float | None) -> str:
    if score is None:
        return ""
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def grades_rows(run: GradeRun) -> tuple[list[str], list[list[str]]]:
    """The header and rows of grades.csv.

    Columns: 학습자, 파일, 연습, one per question (``q1``; ``07:q1`` when several exercises
    are graded together), 총점, 만점, 상태, 문제점. A question whose check did not run is empty.
    """
    several = len(run.questions) > 1
    columns: list[tuple[str, str]] = [
        (ex, q) for ex in sorted(run.questions) for q in run.questions[ex]
    ]
    header = ["학습자", "파일", "연습"]
    header += [f"{ex}:{q}" if several else q for ex, q in columns]
    header += ["총점", "만점", "상태", "문제점"]
    rows: list[list[str]] = []
    for r in run.results:
        row = [r.learner, r.file, r.exercise or ""]
        for ex, q in columns:
            row.append(_score_text(r.scores.get(q)) if r.exercise == ex else "")
        graded = r.status is not GradeStatus.NOT_GRADED
        row += [
            _score_text(r.total) if graded else "",
            str(len(r.questions)) if r.questions else "",
            r.status.value,
            "; ".join(p.message for p in r.problems),
        ]
        rows.append(row)
    return header, rows


def grades_csv(run: GradeRun) -> str:
    """grades.csv as text (write it as UTF-8 with BOM so Excel shows Hangul)."""
    import csv
    import io

    header, rows = grades_rows(run)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
