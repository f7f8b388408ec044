"""Grade a folder of submitted exercise notebooks in one batch (``casework grade``).

Grading reads answers; it never runs a learner's code. Each submission is read as JSON (its
SHA-256 is kept; the file is never written), matched to the assignment manifest
(:mod:`casework.manifest`) and compared cell by cell with the notebook as issued. The text of
each ``%%답`` answer cell is judged in this process by the exercise's judges
(:mod:`casework.exercises`), with the case and seed the manifest gives for that learner.
Nothing a submission contains is executed, imported or trusted as a result: saved outputs,
forged records, changed parameters and edited setup cells cannot change a grade; they are
reported instead.

Rules (the workbook's):

* A submission belongs to the manifest entry whose file name it has; the token in its metadata
  must agree (a copied notebook keeps the classmate's token and is reported). A file that no
  manifest names is reported and not graded.
* The learner, case and seed are the manifest's. Changed parameters, a changed setup or a
  changed, missing or added fixed cell are reported ("확인 필요"); the answers are still judged
  for the learner's own case and seed.
* An answer cell is found by its cell id from the issued notebook, else by its first line
  ``%%답 qN``. A deleted answer cell scores 0 and is reported; an answer cell whose first line
  names another question is reported and judged as the question of its cell id.
* Attempts and hint use come from the record the learner's kernel last displayed in the answer
  cell: they are the learner's own report, shown for information and never used for the score.
* Limits: a submission larger than ``max_bytes`` is not read; links (symlinks) are not followed.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from casework.errors import CaseworkError
from casework.exercises.cells import parse_answer_cell
from casework.exercises.checker import MIME_TYPE
from casework.judging.feedback import Level, Status
from casework.manifest import Manifest, ManifestEntry, read_manifest, source_sha256

__all__ = [
    "MAX_BYTES",
    "COLLECTED_FILE",
    "ProblemKind",
    "Problem",
    "QuestionResult",
    "GradeStatus",
    "SubmissionResult",
    "GradeRun",
    "find_submissions",
    "grade_submission",
    "grade_all",
    "grades_rows",
    "grades_csv",
    "Override",
    "read_overrides",
    "apply_overrides",
    "run_to_json",
    "run_from_json",
]

MAX_BYTES = 20 * 1024 * 1024
COLLECTED_FILE = "collected.json"
JOURNAL_FILE = ".casework-grading.jsonl"
_MAX_RECORD_CHARS = 20_000


class ProblemKind(str, Enum):
    """What was wrong with a submission (Korean value, shown in grades.csv)."""

    NOT_A_NOTEBOOK = "노트북 아님"
    BROKEN_JSON = "JSON 깨짐"
    TOO_LARGE = "파일이 너무 큼"
    LINK = "링크 파일"
    UNREADABLE = "읽을 수 없음"
    NOT_ASSIGNED = "배정 기록에 없음"
    TOKEN_MISMATCH = "다른 학습자의 노트북"
    DUPLICATE = "같은 학습자의 제출물이 여럿"
    PARAMETERS_CHANGED = "parameters 셀 수정됨"
    SETUP_CHANGED = "고정 셀 수정됨"
    CELL_DELETED = "고정 셀 삭제됨"
    ANSWER_DELETED = "답 칸 삭제됨"
    ANSWER_HEADER = "답 칸 첫 줄 수정됨"
    LATE = "늦게 냄"


_NOT_GRADABLE = {ProblemKind.NOT_A_NOTEBOOK, ProblemKind.BROKEN_JSON, ProblemKind.TOO_LARGE,
                 ProblemKind.LINK, ProblemKind.UNREADABLE, ProblemKind.NOT_ASSIGNED}
_INFORMATIONAL = {ProblemKind.LATE}


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
    NOT_GRADED = "채점 불가"


@dataclass(frozen=True)
class QuestionResult:
    """The verdict on one answer, with the learner's own report of attempts and hint use."""

    exercise: str
    question: str
    status: Status
    score: float
    summary: str
    points: tuple[str, ...] = ()
    answer: str = ""
    attempts: int | None = None
    hint_used: bool = False
    solution_seen: bool = False
    solution: str = ""
    hints: tuple[str, ...] = ()
    judged_score: float | None = None  # the judges' score when an instructor overrode it
    override_reason: str = ""


@dataclass(frozen=True)
class SubmissionResult:
    """The grade of one submitted file."""

    file: str
    learner: str
    exercise: str | None
    questions: tuple[str, ...]
    records: dict[str, QuestionResult]
    problems: tuple[Problem, ...]
    sha256: str
    case_id: str = ""
    seed: int | None = None
    user: str | None = None
    late: bool | None = None

    @property
    def scores(self) -> dict[str, float | None]:
        return {q: (self.records[q].score if q in self.records else None) for q in self.questions}

    @property
    def total(self) -> float:
        return sum(s for s in self.scores.values() if s is not None)

    @property
    def status(self) -> GradeStatus:
        kinds = {p.kind for p in self.problems}
        if kinds & _NOT_GRADABLE:
            return GradeStatus.NOT_GRADED
        if kinds - _INFORMATIONAL:
            return GradeStatus.NEEDS_REVIEW
        return GradeStatus.GRADED


@dataclass(frozen=True)
class GradeRun:
    """All results of one grading run, sorted by file, and the questions of each exercise."""

    results: tuple[SubmissionResult, ...]
    questions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    seconds: float = 0.0
    missing: tuple[ManifestEntry, ...] = ()


# --------------------------------------------------------------------------- reading


def _source(cell: dict[str, Any]) -> str:
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else str(source)


def _read(path: Path, max_bytes: int) -> tuple[dict[str, Any] | None, str, Problem | None]:
    """The notebook JSON, its SHA-256 and a problem if it cannot be graded."""
    if path.is_symlink():
        return None, "", Problem(ProblemKind.LINK, "링크(바로 가기) 파일입니다. 다른 파일을 가리킬 수 있어 읽지 않았습니다. "
                                                   "학습자의 실제 노트북 파일을 제출물 폴더에 두세요.")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, "", Problem(ProblemKind.TOO_LARGE, f"파일이 너무 큽니다({size / 1024 / 1024:.1f} MB, 한도 "
                                                            f"{max_bytes / 1024 / 1024:.0f} MB). 출력을 지우고 다시 저장해 제출하게 하세요.")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        return None, "", Problem(ProblemKind.UNREADABLE, f"파일을 읽을 수 없습니다({exc.strerror}).")
    sha = hashlib.sha256(data).hexdigest()
    try:
        nb = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        return None, sha, Problem(ProblemKind.BROKEN_JSON, "UTF-8 글자가 아닌 내용이 있어 노트북으로 읽을 수 없습니다.")
    except json.JSONDecodeError as exc:
        return None, sha, Problem(ProblemKind.BROKEN_JSON, f"노트북 파일(JSON)이 깨져 있습니다({exc.lineno}번째 줄 "
                                                            f"{exc.colno}번째 글자). 학습자에게 JupyterLab에서 열어 다시 저장해 제출하게 하세요.")
    except RecursionError:
        return None, sha, Problem(ProblemKind.BROKEN_JSON, "노트북 파일(JSON)이 지나치게 깊게 겹쳐 있어 읽지 않았습니다.")
    if not isinstance(nb, dict) or not isinstance(nb.get("cells"), list) or nb.get("nbformat") != 4:
        return None, sha, Problem(ProblemKind.NOT_A_NOTEBOOK, "JSON이지만 주피터 노트북(nbformat 4) 형식이 아닙니다. "
                                                             "JupyterLab에서 열어 다시 저장해 제출하게 하세요.")
    if not all(isinstance(c, dict) for c in nb["cells"]):
        return None, sha, Problem(ProblemKind.NOT_A_NOTEBOOK, "노트북의 셀 목록이 올바르지 않습니다.")
    return nb, sha, None


def _token_of(nb: dict[str, Any]) -> str | None:
    meta = nb.get("metadata")
    casework = meta.get("casework") if isinstance(meta, dict) else None
    token = casework.get("token") if isinstance(casework, dict) else None
    return token if isinstance(token, str) else None


def _last_record(cell: dict[str, Any], question: str) -> dict[str, Any] | None:
    """The record the learner's kernel displayed last in this cell (self-reported)."""
    found = None
    outputs = cell.get("outputs")
    for output in outputs if isinstance(outputs, list) else []:
        data = output.get("data") if isinstance(output, dict) else None
        record = data.get(MIME_TYPE) if isinstance(data, dict) else None
        if isinstance(record, dict) and record.get("question") == question and len(str(record)) < _MAX_RECORD_CHARS:
            found = record
    return found


def _attempts(record: dict[str, Any] | None) -> tuple[int | None, bool, bool]:
    if record is None:
        return None, False, False
    attempt = record.get("attempt")
    attempt = attempt if isinstance(attempt, int) and not isinstance(attempt, bool) and 0 <= attempt < 10**6 else None
    return attempt, record.get("hint_used") is True, record.get("solution_seen") is True


# --------------------------------------------------------------------------- comparing with the issued notebook


def _compare_cells(nb: dict[str, Any], manifest: Manifest, entry: ManifestEntry) -> tuple[dict[str, dict], list[Problem]]:
    """Answer cells by question, and problems with the fixed cells."""
    problems: list[Problem] = []
    cells = [c for c in nb["cells"] if isinstance(c, dict)]
    by_id: dict[str, dict] = {}
    for c in cells:
        by_id.setdefault(str(c.get("id", "")), c)
    answers: dict[str, dict] = {}
    changed, deleted = [], []
    for printed in manifest.cells:
        if printed.kind == "answer":
            continue
        cell = by_id.get(printed.id)
        if cell is None:
            deleted.append(printed.id)
        elif printed.kind == "parameters":
            if source_sha256(_source(cell)) != printed.sha256:
                problems.append(Problem(ProblemKind.PARAMETERS_CHANGED,
                                        "parameters 셀이 나누어 준 것과 다릅니다. 채점은 배정 기록의 사례와 시드로 했습니다."))
        elif source_sha256(_source(cell)) != printed.sha256:
            changed.append(printed.id)
    injected = by_id.get("injected-parameters")
    if entry.params_sha256 and (injected is None or source_sha256(_source(injected)) != entry.params_sha256):
        problems.append(Problem(ProblemKind.PARAMETERS_CHANGED,
                                "학습자별 값(이름·사례·시드)이 나누어 준 것과 다르거나 지워졌습니다. 채점은 배정 기록의 값으로 했습니다."))
    if changed:
        problems.append(Problem(ProblemKind.SETUP_CHANGED, f"고정 셀이 수정되었습니다: {', '.join(changed)}. 채점에는 "
                                                            "영향이 없지만(답 칸만 읽음) 학습자와 확인해 보세요."))
    if deleted:
        problems.append(Problem(ProblemKind.CELL_DELETED, f"고정 셀이 지워졌습니다: {', '.join(deleted)}."))
    for printed in manifest.cells:
        if printed.kind != "answer":
            continue
        question = printed.id.removesuffix("-answer")
        cell = by_id.get(printed.id)
        if cell is None:
            cell = next((c for c in cells if (p := parse_answer_cell(_source(c))) and p.question == question), None)
        if cell is None:
            problems.append(Problem(ProblemKind.ANSWER_DELETED, f"{question}의 답 칸이 지워졌습니다(이 문항은 0점)."))
            continue
        parsed = parse_answer_cell(_source(cell))
        if parsed is None or parsed.question != question or parsed.problem:
            problems.append(Problem(ProblemKind.ANSWER_HEADER,
                                    f"{question} 답 칸의 첫 줄이 '%%답 {question}'가 아닙니다. {question}의 답으로 읽었습니다."))
        answers[question] = cell
    return answers, problems


# --------------------------------------------------------------------------- grading one


def grade_submission(path: str | os.PathLike[str], manifests: Sequence[Manifest], *,
                     max_bytes: int = MAX_BYTES) -> SubmissionResult:
    """Grade one file against the manifests (a file no manifest names is not graded)."""
    from casework.exercises import exercise_spec, new_checker

    file = Path(path)
    entry_manifest = next(((m, m.by_file()[file.name]) for m in manifests if file.name in m.by_file()), None)
    nb, sha, problem = _read(file, max_bytes)
    if entry_manifest is None:
        problem = problem or Problem(ProblemKind.NOT_ASSIGNED, "배정 기록(casework-manifest.json)에 없는 파일 이름입니다. "
                                                               "나누어 준 파일 이름 그대로 제출하게 하세요.")
        token = _token_of(nb) if nb else None
        owner = next((e.learner for m in manifests for e in m.learners if token and e.token == token), None)
        if owner and problem.kind is ProblemKind.NOT_ASSIGNED:
            problem = Problem(ProblemKind.NOT_ASSIGNED, f"배정 기록에 없는 파일 이름입니다. 노트북 안의 표시로는 {owner}의 노트북입니다.")
        return SubmissionResult(file.name, "", None, (), {}, (problem,), sha)
    manifest, entry = entry_manifest
    questions = exercise_spec(manifest.exercise).question_ids
    base = dict(file=file.name, learner=entry.learner, exercise=manifest.exercise, questions=questions,
                sha256=sha, case_id=entry.case_id, seed=entry.seed, user=entry.user)
    if problem is not None or nb is None:
        return SubmissionResult(records={}, problems=(problem,) if problem else (), **base)
    problems: list[Problem] = []
    token = _token_of(nb)
    if token != entry.token:
        owner = next((e.learner for m in manifests for e in m.learners if token and e.token == token), None)
        problems.append(Problem(ProblemKind.TOKEN_MISMATCH,
                                f"파일 이름은 {entry.learner}의 것인데 노트북 안의 표시는 "
                                + (f"{owner}의 것입니다. 다른 학습자의 노트북을 냈을 수 있습니다." if owner else
                                   "배정 기록과 다릅니다. 나누어 준 노트북이 아닐 수 있습니다.")))
    answers, cell_problems = _compare_cells(nb, manifest, entry)
    problems += cell_problems
    checker = new_checker(manifest.exercise, learner=entry.learner, case_id=entry.case_id, seed=entry.seed)
    records: dict[str, QuestionResult] = {}
    for question in questions:
        cell = answers.get(question)
        if cell is None:
            continue
        parsed = parse_answer_cell(_source(cell))
        body = parsed.body if parsed is not None else _source(cell)
        feedback = checker.judge(question, body)
        attempts, hint_used, solution_seen = _attempts(_last_record(cell, question))
        if parsed is not None:
            hint_used = hint_used or parsed.level >= Level.HINT
            solution_seen = solution_seen or parsed.level >= Level.SOLUTION
        records[question] = QuestionResult(
            exercise=manifest.exercise, question=question, status=feedback.status, score=feedback.score,
            summary=feedback.summary, points=feedback.points, answer=body.strip()[:5000], attempts=attempts,
            hint_used=hint_used, solution_seen=solution_seen, solution=feedback.solution, hints=feedback.hints,
        )
    return SubmissionResult(records=records, problems=tuple(problems), **base)


# --------------------------------------------------------------------------- the whole folder


def find_submissions(folder: str | os.PathLike[str]) -> list[Path]:
    """The ``*.ipynb`` files directly in ``folder`` (hidden files and checkpoints skipped)."""
    root = Path(folder)
    if not root.exists():
        raise CaseworkError(f"{root}: 제출물 폴더가 없습니다. 경로를 확인하세요.")
    if not root.is_dir():
        raise CaseworkError(f"{root}: 폴더가 아니라 파일입니다. 제출물이 든 폴더를 지정하세요.")
    return sorted(p for p in root.iterdir() if p.suffix == ".ipynb" and not p.name.startswith("."))


def _late_flags(folder: Path) -> dict[str, bool]:
    """``late`` per file from ``collected.json`` (written by ``casework collect``), if present."""
    path = folder / COLLECTED_FILE
    if not path.is_file() or path.is_symlink():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    items = data.get("files", data) if isinstance(data, dict) else data
    flags: dict[str, bool] = {}
    if isinstance(items, dict):
        items = [dict(v, file=k) if isinstance(v, dict) else {} for k, v in items.items()]
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("file"), str) and isinstance(item.get("late"), bool):
            flags[item["file"]] = item["late"]
    return flags


def _duplicates(results: list[SubmissionResult]) -> list[SubmissionResult]:
    by_learner: dict[tuple[str | None, str], list[int]] = {}
    for i, r in enumerate(results):
        if r.exercise and r.status is not GradeStatus.NOT_GRADED:
            by_learner.setdefault((r.exercise, r.learner), []).append(i)
    out = list(results)
    for (_, learner), indexes in by_learner.items():
        if len(indexes) > 1:
            files = ", ".join(results[i].file for i in indexes)
            for i in indexes:
                r = out[i]
                extra = Problem(ProblemKind.DUPLICATE, f"{learner}의 제출물이 여럿입니다({files}).")
                out[i] = SubmissionResult(**{**r.__dict__, "problems": (*r.problems, extra)})
    return out


def _with_late(result: SubmissionResult, late: bool | None) -> SubmissionResult:
    if late is None:
        return result
    problems = result.problems + ((Problem(ProblemKind.LATE, "마감 뒤에 거두었습니다."),) if late else ())
    return SubmissionResult(**{**result.__dict__, "problems": problems, "late": late})


def _journal_key(path: Path, manifests: Sequence[Manifest]) -> str:
    stat = path.lstat()
    marks = "|".join(f"{m.path}:{m.template_sha256}" for m in manifests)
    return f"{path.name}|{stat.st_size}|{stat.st_mtime_ns}|{hashlib.sha256(marks.encode()).hexdigest()[:16]}"


def result_to_data(result: SubmissionResult) -> dict[str, Any]:
    """A submission's result as plain JSON data (for the journal and results.json)."""
    data = asdict(result)
    data["problems"] = [{"kind": p.kind.name, "message": p.message} for p in result.problems]
    data["records"] = {q: {**asdict(r), "status": r.status.value} for q, r in result.records.items()}
    return data


def result_from_data(data: dict[str, Any]) -> SubmissionResult:
    records = {q: QuestionResult(**{**r, "status": Status(r["status"]), "points": tuple(r["points"]),
                                    "hints": tuple(r["hints"])}) for q, r in data["records"].items()}
    problems = tuple(Problem(ProblemKind[p["kind"]], p["message"]) for p in data["problems"])
    return SubmissionResult(**{**data, "records": records, "problems": problems, "questions": tuple(data["questions"])})


def _result_to_json(key: str, result: SubmissionResult) -> str:
    return json.dumps({"key": key, "result": result_to_data(result)}, ensure_ascii=False)


def _result_from_json(data: dict[str, Any]) -> SubmissionResult:
    return result_from_data(data)


def run_to_json(run: GradeRun) -> str:
    """The whole run as JSON: every verdict with its feedback (what ``casework return`` reads)."""
    return json.dumps({
        "format": "casework-grades/1",
        "results": [result_to_data(r) for r in run.results],
        "questions": {ex: list(qs) for ex, qs in run.questions.items()},
        "seconds": run.seconds,
        "missing": [asdict(e) for e in run.missing],
    }, ensure_ascii=False, indent=1) + "\n"


def run_from_json(text: str, where: str = "results.json") -> GradeRun:
    try:
        data = json.loads(text)
        assert data.get("format") == "casework-grades/1"
        return GradeRun(
            tuple(result_from_data(r) for r in data["results"]),
            {ex: tuple(qs) for ex, qs in data["questions"].items()},
            float(data.get("seconds", 0.0)),
            tuple(ManifestEntry(**e) for e in data.get("missing", [])),
        )
    except (ValueError, KeyError, TypeError, AssertionError):
        raise CaseworkError(f"{where}: 채점 결과 파일을 읽을 수 없습니다. 'casework grade'를 다시 실행해 만드세요.") from None


# --------------------------------------------------------------------------- instructor overrides


@dataclass(frozen=True)
class Override:
    """An instructor's score for one answer, with the reason (kept across regrades)."""

    file: str
    question: str
    score: float
    reason: str
    line: int = 0


OVERRIDE_HEADER = ["파일", "문항", "점수", "이유"]


def read_overrides(path: str | os.PathLike[str]) -> list[Override]:
    """Read an overrides CSV (파일, 문항, 점수 0–1, 이유); every bad row is one Korean error."""
    import csv
    import io

    file = Path(path)
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp949", errors="replace")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or [c.strip() for c in rows[0][:4]] != OVERRIDE_HEADER:
        raise CaseworkError(f"{file.name}: 첫 줄은 '{','.join(OVERRIDE_HEADER)}'이어야 합니다.")
    found, problems = [], []
    for line, row in enumerate(rows[1:], 2):
        if not any(c.strip() for c in row):
            continue
        cells = [c.strip() for c in row] + [""] * 4
        try:
            score = float(cells[2])
        except ValueError:
            score = -1.0
        if not cells[0] or not cells[1]:
            problems.append(f"{line}번째 줄: 파일과 문항을 적어 주세요.")
        elif not 0.0 <= score <= 1.0:
            problems.append(f"{line}번째 줄: 점수는 0부터 1까지의 숫자로 적어 주세요(받은 값: '{cells[2]}').")
        elif not cells[3]:
            problems.append(f"{line}번째 줄: 점수를 바꾼 이유를 적어 주세요.")
        else:
            found.append(Override(cells[0], cells[1], score, cells[3], line))
    if problems:
        raise CaseworkError(f"{file.name}: 고칠 줄이 있습니다. " + " / ".join(problems))
    return found


def apply_overrides(run: GradeRun, overrides: Sequence[Override]) -> tuple[GradeRun, list[str]]:
    """The run with the instructor's scores in place (each marked with its reason), and Korean
    notes for overrides that match no graded answer."""
    by_key = {(o.file, o.question): o for o in overrides}
    used: set[tuple[str, str]] = set()
    results = []
    for r in run.results:
        records = dict(r.records)
        for q in r.questions:
            o = by_key.get((r.file, q))
            if o is None:
                continue
            used.add((r.file, q))
            old = records.get(q)
            status = Status.CORRECT if o.score == 1 else Status.INCORRECT if o.score == 0 else Status.PARTIAL
            base = old or QuestionResult(r.exercise or "", q, Status.UNANSWERED, 0.0, "답 칸이 없습니다.")
            records[q] = QuestionResult(**{**base.__dict__, "status": status, "score": o.score,
                                           "judged_score": base.score, "override_reason": o.reason})
        results.append(SubmissionResult(**{**r.__dict__, "records": records}))
    unused = [f"{o.line}번째 줄({o.file} {o.question})에 맞는 채점 결과가 없습니다." for o in overrides
              if (o.file, o.question) not in used]
    return GradeRun(tuple(results), run.questions, run.seconds, run.missing), unused


def _load_journal(path: Path | None) -> dict[str, SubmissionResult]:
    if path is None or not path.is_file():
        return {}
    done: dict[str, SubmissionResult] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            item = json.loads(line)
            done[item["key"]] = _result_from_json(item["result"])
        except (ValueError, KeyError, TypeError):
            continue  # a line cut by an interrupt: that submission is graded again
    return done


def grade_all(
    folder: str | os.PathLike[str],
    manifests: Sequence[str | os.PathLike[str] | Manifest],
    *,
    max_bytes: int = MAX_BYTES,
    journal: str | os.PathLike[str] | None = None,
    progress: Callable[[Iterable[Path]], Iterable[Path]] | None = None,
    on_result: Callable[[SubmissionResult], None] | None = None,
) -> GradeRun:
    """Grade every notebook in ``folder`` against the manifests; nothing is executed.

    ``journal`` (a file) records each result as it is made, so an interrupted run resumes where
    it stopped: a submission already in the journal with the same size and time is not
    graded again.
    """
    started = time.perf_counter()
    loaded = [m if isinstance(m, Manifest) else read_manifest(m) for m in manifests]
    if not loaded:
        raise CaseworkError("배정 기록이 없습니다. --manifest로 'casework assign'이 만든 casework-manifest.json을 지정하세요.")
    root = Path(folder)
    paths = find_submissions(root)
    journal_path = Path(journal) if journal is not None else None
    done = _load_journal(journal_path)
    late = _late_flags(root)
    results: list[SubmissionResult] = []
    handle = open(journal_path, "a", encoding="utf-8") if journal_path is not None else None  # noqa: SIM115 (closed in finally)
    try:
        iterable: Iterable[Path] = progress(paths) if progress is not None else paths
        for path in iterable:
            key = _journal_key(path, loaded)
            result = done.get(key)
            if result is None:
                result = grade_submission(path, loaded, max_bytes=max_bytes)
                if handle is not None:
                    handle.write(_result_to_json(key, result) + "\n")
                    handle.flush()
            result = _with_late(result, late.get(path.name))
            results.append(result)
            if on_result is not None:
                on_result(result)
    finally:
        if handle is not None:
            handle.close()
    results = _duplicates(results)
    questions: dict[str, tuple[str, ...]] = {}
    from casework.exercises import exercise_spec

    for m in loaded:
        questions[m.exercise] = exercise_spec(m.exercise).question_ids
    submitted = {r.file for r in results}
    missing = tuple(e for m in loaded for e in m.learners if e.file not in submitted)
    return GradeRun(tuple(sorted(results, key=lambda r: r.file)), questions, time.perf_counter() - started, missing)


# --------------------------------------------------------------------------- grades.csv


def _score_text(score: float | None) -> str:
    if score is None:
        return ""
    text = f"{score:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def excel_safe(text: str) -> str:
    """A cell Excel shows as text: a leading = + - @ or control character is quoted with '."""
    if text and (text[0] in "=+-@\t\r\n" or text[0] in "＝＋－＠"):
        return "'" + text
    return text


def grades_rows(run: GradeRun) -> tuple[list[str], list[list[str]]]:
    """The header and rows of grades.csv.

    Columns: 학습자, 사용자, 파일, 연습, 사례, 시드, one score per question (``q1``; ``07:q1``
    when several exercises are graded together; ``*`` marks a score the instructor changed), 총점,
    만점, 상태, 힌트 본 문항, 풀이 본 문항, 시도 횟수, 늦게 냄, 문제점. A learner in a manifest
    with no submission gets a row "제출 안 함".
    """
    several = len(run.questions) > 1
    columns = [(ex, q) for ex in sorted(run.questions) for q in run.questions[ex]]
    header = ["학습자", "사용자", "파일", "연습", "사례", "시드"]
    header += [f"{ex}:{q}" if several else q for ex, q in columns]
    header += ["총점", "만점", "상태", "힌트 본 문항", "풀이 본 문항", "시도 횟수(학습자 기록)", "늦게 냄", "문제점"]
    rows: list[list[str]] = []
    for r in run.results:
        graded = r.status is not GradeStatus.NOT_GRADED
        row = [r.learner, r.user or "", r.file, r.exercise or "", r.case_id, "" if r.seed is None else str(r.seed)]
        row += [_score_text(r.scores.get(q)) + ("*" if q in r.records and r.records[q].override_reason else "")
                if r.exercise == ex and graded else "" for ex, q in columns]
        records = [r.records[q] for q in r.questions if q in r.records]
        attempts = [f"{rec.question}:{rec.attempts}" for rec in records if rec.attempts is not None]
        row += [
            _score_text(r.total) if graded else "",
            str(len(r.questions)) if r.questions else "",
            r.status.value,
            " ".join(rec.question for rec in records if rec.hint_used),
            " ".join(rec.question for rec in records if rec.solution_seen),
            " ".join(attempts),
            {True: "예", False: "아니오", None: ""}[r.late],
            "; ".join([p.message for p in r.problems]
                      + [f"{rec.question} 점수를 강사가 바꿈(채점 {_score_text(rec.judged_score)}): {rec.override_reason}"
                         for rec in records if rec.override_reason]),
        ]
        rows.append([excel_safe(c) for c in row])
    for e in run.missing:
        rows.append([excel_safe(c) for c in [e.learner, e.user or "", e.file, "", e.case_id, str(e.seed)]
                     + [""] * len(columns) + ["", "", "제출 안 함", "", "", "", "", "제출물이 없습니다."]])
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


