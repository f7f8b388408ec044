"""Tests for casework.handback and 'casework return'/'casework override': feedback pages and overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from casework import assign, cli, grading, handback
from casework.errors import CaseworkError
from casework.exercises import new_checker

ROOT = Path(__file__).resolve().parents[1]
EXERCISE = ROOT / "exercises" / "07_목표_설정_연습.ipynb"


@pytest.fixture()
def graded(tmp_path):
    csv = tmp_path / "c.csv"
    csv.write_text("이름,사례,시드\n가윤,elderly_alone,0\n<b>나래</b>,sick_child,1\n", encoding="utf-8")
    assign.assign(csv, EXERCISE, tmp_path / "subs")
    out = tmp_path / "out"
    assert cli.main(["grade", str(tmp_path / "subs"), "--manifest", str(tmp_path / "subs" / "casework-manifest.json"),
                     "--out", str(out)]) == 0
    return tmp_path, out


def test_return_writes_one_page_per_learner_without_model_answers(graded, capsys):
    tmp_path, out = graded
    assert cli.main(["return", str(out), "--to", str(tmp_path / "pages")]) == 0
    pages = sorted((tmp_path / "pages").iterdir())
    assert len(pages) == 2 and all(p.name.endswith("_피드백.html") for p in pages)
    text = (tmp_path / "pages" / "07_목표_설정_연습_가윤_피드백.html").read_text(encoding="utf-8")
    model = new_checker("07", learner="가윤", case_id="elderly_alone", seed=0).model_answer("q3")
    assert "총점 <b>0 / 4</b>" in text and "힌트:" in text and model not in text
    assert all("&lt;b&gt;나래" in p.read_text(encoding="utf-8") for p in pages if "나래" in p.name)


def test_return_shows_model_answers_only_when_asked(graded):
    tmp_path, out = graded
    cli.main(["return", str(out), "--to", str(tmp_path / "p2"), "--show-solutions"])
    model = new_checker("07", learner="가윤", case_id="elderly_alone", seed=0).model_answer("q3")
    assert model in (tmp_path / "p2" / "07_목표_설정_연습_가윤_피드백.html").read_text(encoding="utf-8")


def test_an_override_is_kept_and_marked_after_a_regrade(graded, capsys):
    tmp_path, out = graded
    assert cli.main(["override", str(out), "--file", "가윤", "--question", "q3", "--score", "1",
                     "--reason", "사례 회의에서 맞게 본 목표"]) == 0
    assert "가윤,,07_목표_설정_연습_가윤.ipynb,07,elderly_alone,0,0,0,1*,0,1,4" in (out / "grades.csv").read_text(encoding="utf-8-sig")
    assert cli.main(["grade", str(tmp_path / "subs"), "--manifest", str(tmp_path / "subs" / "casework-manifest.json"),
                     "--out", str(out), "--force"]) == 0
    grades = (out / "grades.csv").read_text(encoding="utf-8-sig")
    assert ",1*," in grades and "사례 회의에서 맞게 본 목표" in grades
    assert "강사가 바꾼 점수" in (out / "report.html").read_text(encoding="utf-8")
    cli.main(["return", str(out), "--to", str(tmp_path / "p3")])
    page = (tmp_path / "p3" / "07_목표_설정_연습_가윤_피드백.html").read_text(encoding="utf-8")
    assert "0점에서 1점으로 바꾸었습니다. 이유: 사례 회의에서 맞게 본 목표" in page


@pytest.mark.parametrize(("argv", "words"), [
    (["--file", "없는사람", "--question", "q1", "--score", "1", "--reason", "x"], "채점 결과에 없습니다"),
    (["--file", "가윤", "--question", "q9", "--score", "1", "--reason", "x"], "문항이 아닙니다"),
    (["--file", "가윤", "--question", "q1", "--score", "2", "--reason", "x"], "0부터 1까지"),
    (["--file", "가윤", "--question", "q1", "--score", "1", "--reason", " "], "이유"),
])
def test_bad_overrides_are_refused_in_korean(graded, capsys, argv, words):
    _, out = graded
    assert cli.main(["override", str(out), *argv]) == 2
    assert words in capsys.readouterr().err


def test_a_hand_edited_overrides_file_with_a_bad_row_names_the_line(graded):
    _, out = graded
    (out / "overrides.csv").write_text("파일,문항,점수,이유\nx.ipynb,q1,오점,이유\n", encoding="utf-8")
    with pytest.raises(CaseworkError, match="2번째 줄"):
        grading.read_overrides(out / "overrides.csv")


def test_grade_with_masked_names(graded):
    tmp_path, _ = graded
    out = tmp_path / "masked"
    cli.main(["grade", str(tmp_path / "subs"), "--manifest", str(tmp_path / "subs" / "casework-manifest.json"),
              "--out", str(out), "--mask-names"])
    for name in ("grades.csv", "report.html", "lms_07.csv"):
        text = (out / name).read_text(encoding="utf-8-sig")
        assert "가윤" not in text and "학습자 001" in text, name


def test_return_without_results_says_what_to_run(tmp_path, capsys):
    assert cli.main(["return", str(tmp_path)]) == 2
    assert "casework grade" in capsys.readouterr().err


def test_page_for_an_ungradable_file_says_why():
    result = grading.SubmissionResult("a.ipynb", "가윤", "07", ("q1",), {},
                                      (grading.Problem(grading.ProblemKind.BROKEN_JSON, "깨졌습니다"),), "")
    assert "채점하지 못했습니다" in handback.render_page(result) and "깨졌습니다" in handback.render_page(result)
