"""What an instructor learns from a graded cohort: difficulty, common wrong answers, hint use,
late work, similar free-text answers, and the exports that go to an LMS or a supervisor.

Similarity flags compare learners' free-text answers to the same question (rapidfuzz's ratio
on whitespace-normalised text). A flag is a prompt to talk with the learners, never a verdict:
two people may well write the same good goal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace

from casework.grading import GradeRun, GradeStatus, QuestionResult, SubmissionResult
from casework.judging.feedback import Status

__all__ = ["QuestionStats", "question_stats", "WrongAnswer", "common_wrong_answers", "SimilarPair",
           "similar_answers", "mask_learners", "lms_rows", "SIMILARITY_THRESHOLD"]

SIMILARITY_THRESHOLD = 90.0
MIN_FREE_TEXT = 15  # characters: shorter answers (numbers, choices) are expected to coincide


def _graded(run: GradeRun, exercise: str) -> list[SubmissionResult]:
    return [r for r in run.results if r.exercise == exercise and r.status is not GradeStatus.NOT_GRADED]


@dataclass(frozen=True)
class QuestionStats:
    exercise: str
    question: str
    learners: int
    correct: int
    unanswered: int
    mean_score: float
    hint_used: int
    solution_seen: int

    @property
    def share_correct(self) -> float:
        return self.correct / self.learners if self.learners else 0.0

    @property
    def difficulty(self) -> str:
        """The workbook's reading of the share correct: 쉬움 ≥ 80 %, 보통 ≥ 50 %, else 어려움."""
        if not self.learners:
            return "—"
        return "쉬움" if self.share_correct >= 0.8 else "보통" if self.share_correct >= 0.5 else "어려움"


def question_stats(run: GradeRun) -> list[QuestionStats]:
    stats = []
    for exercise in sorted(run.questions):
        results = _graded(run, exercise)
        for q in run.questions[exercise]:
            records = [r.records[q] for r in results if q in r.records]
            scores = [r.scores.get(q) or 0.0 for r in results]
            stats.append(QuestionStats(
                exercise, q, len(results), sum(rec.status is Status.CORRECT for rec in records),
                sum(rec.status is Status.UNANSWERED for rec in records) + len(results) - len(records),
                sum(scores) / len(scores) if scores else 0.0,
                sum(rec.hint_used for rec in records), sum(rec.solution_seen for rec in records)))
    return stats


def _normal(text: str) -> str:
    return " ".join(text.split())


@dataclass(frozen=True)
class WrongAnswer:
    exercise: str
    question: str
    answer: str
    learners: tuple[str, ...]


def common_wrong_answers(run: GradeRun, per_question: int = 3) -> list[WrongAnswer]:
    """The answers most often given that were not fully right, per question (blank ones left out)."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for r in run.results:
        for q, rec in r.records.items():
            if rec.status in (Status.CORRECT, Status.UNANSWERED) or not rec.answer.strip():
                continue
            shown = _normal("\n".join(line for line in rec.answer.splitlines() if not line.lstrip().startswith("#")))
            if shown:
                groups[(rec.exercise, q, shown)].append(r.learner)
    by_question: dict[tuple[str, str], list[WrongAnswer]] = defaultdict(list)
    for (ex, q, answer), who in groups.items():
        by_question[(ex, q)].append(WrongAnswer(ex, q, answer, tuple(who)))
    out: list[WrongAnswer] = []
    for key in sorted(by_question):
        ranked = sorted(by_question[key], key=lambda w: (-len(w.learners), w.answer))
        out += [w for w in ranked if len(w.learners) > 1][:per_question] or ranked[:1]
    return out


@dataclass(frozen=True)
class SimilarPair:
    exercise: str
    question: str
    first: str
    second: str
    similarity: float
    first_answer: str
    second_answer: str
    solution_seen: bool


def similar_answers(run: GradeRun, threshold: float = SIMILARITY_THRESHOLD,
                    min_chars: int = MIN_FREE_TEXT) -> list[SimilarPair]:
    """Pairs of learners whose free-text answers to one question are at least ``threshold`` % alike."""
    from rapidfuzz import fuzz, process

    found: list[SimilarPair] = []
    for exercise in sorted(run.questions):
        results = _graded(run, exercise)
        for q in run.questions[exercise]:
            items: list[tuple[SubmissionResult, QuestionResult, str]] = []
            for r in results:
                rec = r.records.get(q)
                text = _normal(rec.answer) if rec else ""
                if rec is not None and len(text) >= min_chars:
                    items.append((r, rec, text))
            if len(items) < 2:
                continue
            texts = [t for _, _, t in items]
            matrix = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=threshold, workers=1)
            for i in range(len(items)):
                for j in range(i + 1, len(items)):
                    score = float(matrix[i][j])
                    if score >= threshold:
                        (a, ra, ta), (b, rb, tb) = items[i], items[j]
                        found.append(SimilarPair(exercise, q, a.learner, b.learner, round(score, 1), ta, tb,
                                                 ra.solution_seen or rb.solution_seen))
    return sorted(found, key=lambda p: (-p.similarity, p.exercise, p.question, p.first, p.second))


def mask_learners(run: GradeRun) -> GradeRun:
    """The run with every learner shown as '학습자 001' … (by file order), file names (which hold
    the name) as '제출물 001' …, and no user names."""
    order = {r.file: i for i, r in enumerate(sorted(run.results, key=lambda r: r.file), 1)}
    width = max(3, len(str(len(order))))
    results = tuple(replace(r, learner=f"학습자 {order[r.file]:0{width}d}", user=None,
                            file=f"제출물 {order[r.file]:0{width}d}") for r in run.results)
    missing = tuple(replace(e, learner=f"제출 안 한 학습자 {i:0{width}d}", user=None, file=f"{e.file[:3]}(가림)")
                    for i, e in enumerate(run.missing, 1))
    return GradeRun(results, run.questions, run.seconds, missing)


def lms_rows(run: GradeRun, exercise: str) -> tuple[list[str], list[list[str]]]:
    """One exercise in a simple LMS-import shape: user, name, score, max, percent, status, late."""
    from casework.grading import excel_safe

    questions = run.questions.get(exercise, ())
    header = ["user", "name", "score", "max_score", "percent", "status", "late"]
    rows = []
    for r in run.results:
        if r.exercise != exercise:
            continue
        graded = r.status is not GradeStatus.NOT_GRADED
        score = round(r.total, 2) if graded else ""
        percent = round(100 * r.total / len(questions), 1) if graded and questions else ""
        rows.append([excel_safe(str(c)) for c in (r.user or "", r.learner, score, len(questions), percent,
                                                   r.status.name.lower(), {True: "yes", False: "no", None: ""}[r.late])])
    for e in run.missing:
        if not e.file.startswith(f"{exercise}_"):
            continue
        rows.append([excel_safe(str(c)) for c in (e.user or "", e.learner, 0, len(questions), 0.0, "missing", "")])
    return header, rows
