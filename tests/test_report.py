"""Tests for casework.report: grades.csv and the cohort report.html (no kernels needed)."""

from __future__ import annotations

import pytest

from casework import report
from casework.errors import CaseworkError
from casework.grading import (
    GradeRun,
    Problem,
    ProblemKind,
    QuestionResult,
    SubmissionResult,
)
from casework.judging.feedback import Status

QUESTIONS = ("q1", "q2")
HINT = "약점보다 강점을 먼저 찾아보세요."


def record(question: str, status: str, score: float, *points: str, summary: str = "다시 생각해 보세요.") -> QuestionResult:
    return QuestionResult("90", question, Status(status), score, summary, tuple(points))


def graded(learner: str, file: str, q1: QuestionResult | None, q2: QuestionResult | None,
           *problems: Problem) -> SubmissionResult:
    records = {r.question: r for r in (q1, q2) if r is not None}
    return SubmissionResult(
        file=file, learner=learner, exercise="90", questions=QUESTIONS,
        records=records, problems=problems, sha256="0" * 64,
    )


def sample_run() -> GradeRun:
    return GradeRun(
        results=(
            graded("가윤", "a.ipynb", record("q1", "correct", 1.0), record("q2", "correct", 1.0)),
            graded("나래", "b.ipynb", record("q1", "incorrect", 0.0, HINT), record("q2", "partial", 0.5, "둘 중 하나만 맞았습니다.")),
            graded("다솜", "c.ipynb", record("q1", "incorrect", 0.0, HINT), None,
                   Problem(ProblemKind.SETUP_CHANGED, "고정 셀이 수정되었습니다: check-setup."),
                   Problem(ProblemKind.ANSWER_DELETED, "q2의 답 칸이 지워졌습니다(이 문항은 0점).")),
            graded("<script>라온", "d.ipynb", record("q1", "unanswered", 0.0, summary="아직 답하지 않았습니다."),
                   record("q2", "incorrect", 0.0, summary="틀렸습니다.")),
            SubmissionResult("broken.ipynb", "broken", None, (), {},
                             (Problem(ProblemKind.BROKEN_JSON, "노트북 파일(JSON)이 깨져 있습니다."),), "1" * 64),
        ),
        questions={"90": QUESTIONS},
        seconds=3.0,
    )


# --------------------------------------------------------------------------- mistakes


def test_common_mistakes_group_points_by_learner_most_first():
    """Are feedback points grouped per question, counted per learner, most frequent first?"""
    mistakes = report.common_mistakes(sample_run())
    assert [(m.question, m.feedback, m.learners) for m in mistakes] == [
        ("q1", HINT, ("나래", "다솜")),
        ("q1", "답을 쓰지 않았습니다", ("<script>라온",)),
        ("q2", "둘 중 하나만 맞았습니다.", ("나래",)),
        ("q2", "틀렸습니다.", ("<script>라온",)),
    ]
    assert mistakes[0].count == 2


def test_common_mistakes_respects_the_limit():
    """Does limit cut the list to the most frequent ones?"""
    assert [m.count for m in report.common_mistakes(sample_run(), limit=1)] == [2]


# --------------------------------------------------------------------------- heatmap


def test_heatmap_is_a_table_coloured_by_score():
    """Is each learner a row, each question a cell coloured from red (0) to green (1), '—' for no answer cell?"""
    table = report.heatmap_html(sample_run(), "90")
    assert table.count("<tr><th class=\"who\">") == 4  # the broken file is not in it
    assert 'style="background:rgb(26,152,80);color:#fff">1</td>' in table  # full marks: green
    assert 'style="background:rgb(215,48,39);color:#fff">0</td>' in table  # zero: red
    assert '<td class="heat" style="background:#d9d9d9">—</td>' in table  # 다솜's q2
    assert "&lt;script&gt;라온" in table


def test_heatmap_of_unknown_exercise_is_an_error():
    """Is asking for an exercise that was not graded a Korean error?"""
    with pytest.raises(CaseworkError, match="연습 07"):
        report.heatmap_html(sample_run(), "07")


# --------------------------------------------------------------------------- HTML


def test_report_has_every_section_and_the_heatmap():
    """Does report.html hold the summary, heatmap, mistakes table and broken list?"""
    page = report.render_report(sample_run())
    for heading in ("요약", "문항별 결과", "학습자 × 문항 점수", "자주 나온 실수", "확인이 필요한 제출물", "학습자별 총점"):
        assert f"<h2>{heading}</h2>" in page
    assert '<table class="heatmap" aria-label="연습 90 학습자별 문항 점수">' in page
    assert f"<tr><td>q1</td><td>{HINT}</td><td class=\"num\">2</td><td>나래, 다솜</td></tr>" in page
    assert "<tr><td>broken</td><td>broken.ipynb</td><td><span class=\"bad\">채점 불가</span></td><td>노트북 파일(JSON)이 깨져 있습니다.</td>" in page
    assert "고정 셀이 수정되었습니다: check-setup.<br>q2의 답 칸이 지워졌습니다(이 문항은 0점)." in page
    assert "제출물 5개를 채점했습니다(걸린 시간 3.0초). 채점은 답 칸의 글만 읽어 판단했고" in page


def test_report_escapes_learner_text():
    """Is a learner name containing HTML escaped, never injected?"""
    page = report.render_report(sample_run())
    assert "<script>라온" not in page and "&lt;script&gt;라온" in page


def test_question_statistics_count_correct_and_not_run():
    """Does the per-question table count graded, correct, average and not-run answers?"""
    page = report.render_report(sample_run())
    assert '<tr><td>q1</td><td class="num">4</td><td class="num">1</td><td class="num">0.25</td><td class="num">0</td></tr>' in page
    assert '<tr><td>q2</td><td class="num">3</td><td class="num">1</td><td class="num">0.5</td><td class="num">1</td></tr>' in page
    assert "채점한 학습자 4명, 평균 총점 0.62 / 2" in page


def test_empty_run_renders():
    """Does a run with no submissions still render a page that says so?"""
    page = report.render_report(GradeRun(results=(), questions={}))
    assert "제출물 0개를 채점했습니다" in page and "채점한 연습이 없습니다" in page


# --------------------------------------------------------------------------- writing


def test_write_outputs_writes_both_files_atomically(tmp_path):
    """Are grades.csv (UTF-8 with BOM) and report.html written, with no temp file left?"""
    written = report.write_outputs(sample_run(), tmp_path / "out")
    grades, page = written["grades.csv"], written["report.html"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["grades.csv", "lms_90.csv", "report.html", "results.json"]
    assert grades.read_bytes().startswith(b"\xef\xbb\xbf")
    assert grades.read_text(encoding="utf-8-sig").splitlines()[2] == "나래,,b.ipynb,90,,,0,0.5,0.5,2,채점 완료,,,,,"
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_existing_report_is_not_overwritten_without_force(tmp_path):
    """Is an earlier report kept unless force is given?"""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("이전", encoding="utf-8")
    with pytest.raises(CaseworkError, match="--force"):
        report.write_outputs(sample_run(), out)
    assert (out / "report.html").read_text(encoding="utf-8") == "이전"
    report.write_outputs(sample_run(), out, force=True)
    assert "채점 보고서" in (out / "report.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("exception", [KeyboardInterrupt, OSError])
def test_interruption_while_writing_leaves_old_files_and_no_temp(tmp_path, monkeypatch, exception):
    """If writing stops after the first temp file, are the old files intact and temps gone?"""
    out = tmp_path / "out"
    out.mkdir()
    (out / "grades.csv").write_text("old grades", encoding="utf-8")
    from casework._util import fs

    real = fs.tempfile.mkstemp
    calls = []

    def second_fails(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise exception()
        return real(*args, **kwargs)

    monkeypatch.setattr(fs.tempfile, "mkstemp", second_fails)
    with pytest.raises(exception):
        report.write_outputs(sample_run(), out, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["grades.csv"]
    assert (out / "grades.csv").read_text(encoding="utf-8") == "old grades"


def test_interruption_while_rendering_writes_nothing(tmp_path, monkeypatch):
    """If drawing the heatmap is interrupted, is no file (not even the folder) created?"""
    def interrupted(*_args):
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "heatmap_html", interrupted)
    with pytest.raises(KeyboardInterrupt):
        report.write_outputs(sample_run(), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_out_that_is_a_file_is_an_error(tmp_path):
    """Is an output path that is a file refused?"""
    (tmp_path / "f").write_text("x")
    with pytest.raises(CaseworkError, match="폴더가 아니라 파일"):
        report.write_outputs(sample_run(), tmp_path / "f")
