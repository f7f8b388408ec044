"""Tests for casework.analytics: difficulty, common wrong answers, similarity flags, masking, LMS."""

from __future__ import annotations

from casework import analytics
from casework.grading import GradeRun, QuestionResult, SubmissionResult
from casework.judging.feedback import Status
from casework.manifest import ManifestEntry

GOAL = "어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다"


def rec(q: str, status: str, score: float, answer: str, **kw) -> QuestionResult:
    return QuestionResult("07", q, Status(status), score, "요약", (), answer, **kw)


def learner(name: str, file: str, q1: QuestionResult, q3: QuestionResult, **kw) -> SubmissionResult:
    return SubmissionResult(file, name, "07", ("q1", "q3"), {"q1": q1, "q3": q3}, (), "0" * 64, **kw)


def run() -> GradeRun:
    return GradeRun((
        learner("가윤", "a.ipynb", rec("q1", "correct", 1, "3"), rec("q3", "correct", 1, GOAL), user="gayun"),
        learner("나래", "b.ipynb", rec("q1", "incorrect", 0, "5"), rec("q3", "correct", 1, GOAL + ".", hint_used=True),
                late=True),
        learner("다솜", "c.ipynb", rec("q1", "incorrect", 0, "5"),
                rec("q3", "partial", 0.5, "어르신이 운동을 한다", solution_seen=True, hint_used=True)),
        learner("=라온", "d.ipynb", rec("q1", "unanswered", 0, ""), rec("q3", "incorrect", 0, "도시락 배달 서비스를 연계한다")),
    ), {"07": ("q1", "q3")}, 1.0, (ManifestEntry("마루", "07_목표_마루.ipynb", "sick_child", 4, "t"),))


def test_question_stats_give_difficulty_and_hint_use():
    q1, q3 = analytics.question_stats(run())
    assert (q1.learners, q1.correct, q1.unanswered, q1.difficulty) == (4, 1, 1, "어려움")
    assert (q3.correct, q3.hint_used, q3.solution_seen, q3.difficulty) == (2, 2, 1, "보통")
    assert q3.mean_score == (1 + 1 + 0.5 + 0) / 4


def test_common_wrong_answers_are_counted_per_question():
    wrong = analytics.common_wrong_answers(run())
    assert [(w.question, w.answer, w.learners) for w in wrong if w.question == "q1"] == [("q1", "5", ("나래", "다솜"))]


def test_similar_free_text_answers_are_flagged_and_short_ones_are_not():
    pairs = analytics.similar_answers(run())
    assert [(p.question, p.first, p.second) for p in pairs] == [("q3", "가윤", "나래")]
    assert pairs[0].similarity >= 90 and not pairs[0].solution_seen
    assert analytics.similar_answers(run(), threshold=100.0) == []


def test_masking_hides_names_and_users_everywhere():
    masked = analytics.mask_learners(run())
    assert [r.learner for r in masked.results] == ["학습자 001", "학습자 002", "학습자 003", "학습자 004"]
    assert all(r.user is None for r in masked.results) and masked.missing[0].learner.startswith("제출 안 한")


def test_lms_rows_are_excel_safe_and_include_missing_learners():
    header, rows = analytics.lms_rows(run(), "07")
    assert header == ["user", "name", "score", "max_score", "percent", "status", "late"]
    assert rows[0] == ["gayun", "가윤", "2", "2", "100.0", "graded", ""]
    assert rows[1][-1] == "yes" and rows[3][1] == "'=라온"
    assert rows[-1] == ["", "마루", "0", "2", "0.0", "missing", ""]
