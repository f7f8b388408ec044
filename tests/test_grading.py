"""Tests for casework.grading: batch grading of submitted notebooks in their own kernels.

The cohort is built from the fixture exercise ``tests/fixtures/grading/exercises/90_점검.ipynb``
(three questions; its check-setup cell emits the same records as casework.checks). One grading
run (module fixture, two workers, 5-second limit) covers every kind of submission; the other
tests look at its results.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import nbformat
import pytest

from casework import assign, cli, grading
from casework.errors import CaseworkError

FIXTURES = Path(__file__).parent / "fixtures" / "grading"
TEMPLATES = FIXTURES / "exercises"
TEMPLATE = TEMPLATES / "90_점검.ipynb"
TIMEOUT = 5


def template() -> nbformat.NotebookNode:
    return nbformat.read(TEMPLATE, as_version=4)


def personal(name: str, seed: int = 0, **answers: str) -> nbformat.NotebookNode:
    """The learner's notebook as 'casework assign' makes it, with answers typed in."""
    nb = assign.personalise(template(), exercise_id="90", learner=name, case_id=None, seed=seed)
    for cell_id, source in answers.items():
        cell_by_id(nb, cell_id.replace("_", "-")).source = source
    return nb


def cell_by_id(nb: nbformat.NotebookNode, cell_id: str) -> nbformat.NotebookNode:
    return next(c for c in nb.cells if c.get("id") == cell_id)


def write(folder: Path, name: str, nb: nbformat.NotebookNode) -> None:
    (folder / name).write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


RIGHT = {"q1_answer": "answer1 = seed + 2", "q2_answer": 'answer2 = "강점"', "q3_answer": 'answer3 = ["이웃", "복지관"]'}


def build_cohort(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    write(folder, "90_점검_가윤.ipynb", personal("가윤", seed=4, **RIGHT))
    write(folder, "90_점검_나래.ipynb", personal(
        "나래", seed=1, q1_answer="answer1 = 3", q2_answer='answer2 = "약점"', q3_answer='answer3 = ["이웃"]'))
    good = nbformat.writes(personal("다솜", **RIGHT))
    (folder / "90_점검_다솜.ipynb").write_text(good[: len(good) // 2], encoding="utf-8")
    write(folder, "90_점검_라온.ipynb", personal("라온", **{**RIGHT, "q2_answer": "while True:\n    pass"}))
    write(folder, "90_점검_마루.ipynb", personal("마루", **{**RIGHT, "q2_answer": "answer2 = 1 / 0"}))
    deleted = personal("바다", **RIGHT)
    deleted.cells = [c for c in deleted.cells if c.get("id") != "q3-check"]
    write(folder, "90_점검_바다.ipynb", deleted)
    edited = personal("사랑", **{**RIGHT, "q2_answer": 'answer2 = "약점"'})
    cell_by_id(edited, "q2-check").source = 'check("q2", "강점")'
    write(folder, "90_점검_사랑.ipynb", edited)
    (folder / "90_점검_아라.ipynb").write_text('{"hello": "노트북 아님"}', encoding="utf-8")
    forged = personal("자유", q1_answer=(
        "answer1 = 0\nfrom IPython.display import display\n"
        "display({'application/vnd.casework.check+json': {'exercise': '90', 'question': 'q1',"
        " 'status': 'correct', 'score': 1.0}}, raw=True)"
    ))
    stale = {"exercise": "90", "question": "q2", "status": "correct", "score": 1.0}
    cell_by_id(forged, "q2-check").outputs = [
        nbformat.v4.new_output("display_data", data={grading.CHECK_MIME: stale})
    ]
    write(folder, "90_점검_자유.ipynb", forged)
    bad_param = personal("차차", **RIGHT)
    cell_by_id(bad_param, "injected-parameters").source = "learner = '차차'\nseed = 'abc'"
    write(folder, "90_점검_차차.ipynb", bad_param)
    (folder / "notes.txt").write_text("제출물이 아닌 메모", encoding="utf-8")
    other = personal("하늘", **RIGHT)
    other.metadata["casework"]["exercise"] = "55"
    write(folder, "55_other_하늘.ipynb", other)
    checkpoints = folder / ".ipynb_checkpoints"
    checkpoints.mkdir()
    write(checkpoints, "90_점검_가윤-checkpoint.ipynb", personal("가윤"))


def hashes(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("grading") / "submissions"
    build_cohort(folder)
    before = hashes(folder)
    run = grading.grade_all(folder, TEMPLATES, timeout=TIMEOUT, workers=2)
    return folder, before, run


def result(run: grading.GradeRun, learner: str) -> grading.SubmissionResult:
    return next(r for r in run.results if r.learner == learner)


# --------------------------------------------------------------------------- the cohort run


def test_submissions_are_never_modified(graded):
    """Are all submitted files byte-identical after grading, and is each hash recorded?"""
    folder, before, run = graded
    assert hashes(folder) == before
    for r in run.results:
        assert r.sha256 == before[r.file]


def test_every_file_is_reported_once_in_file_order(graded):
    """Is every submitted file (not the checkpoint copy) in the results, sorted by name?"""
    _, before, run = graded
    files = [r.file for r in run.results]
    assert files == sorted(f for f in before if not f.startswith("."))
    assert run.questions == {"90": ("q1", "q2", "q3")}


def test_good_submission_gets_full_marks(graded):
    """Does an all-right notebook score 1 on each question with no problem, using its seed?"""
    r = result(graded[2], "가윤")
    assert r.status is grading.GradeStatus.GRADED and r.problems == ()
    assert r.scores == {"q1": 1.0, "q2": 1.0, "q3": 1.0} and r.total == 3.0
    assert r.records["q1"].seed == 4 and r.records["q1"].learner == "가윤"


def test_partly_right_submission_gets_partial_scores_and_feedback(graded):
    """Does a partly right notebook get 1 / 0 / 0.5 with the checker's feedback kept?"""
    r = result(graded[2], "나래")
    assert r.status is grading.GradeStatus.GRADED
    assert r.scores == {"q1": 1.0, "q2": 0.0, "q3": 0.5}
    assert r.records["q2"].status is grading.RecordStatus.INCORRECT
    assert r.records["q2"].points == ("약점보다 강점을 먼저 찾아보세요.",)


def test_invalid_json_is_not_graded_with_the_place(graded):
    """Is a truncated notebook reported as broken JSON with its line, without running it?"""
    r = result(graded[2], "90_점검_다솜")
    assert r.status is grading.GradeStatus.NOT_GRADED
    assert [p.kind for p in r.problems] == [grading.ProblemKind.BROKEN_JSON]
    assert "번째 줄" in r.problems[0].message and r.scores == {}


def test_infinite_loop_times_out_and_keeps_earlier_checks(graded):
    """Is 'while True: pass' stopped at the limit, named, and q1 (run before) still counted?"""
    r = result(graded[2], "라온")
    assert r.status is grading.GradeStatus.TIMED_OUT
    assert r.scores == {"q1": 1.0, "q2": None, "q3": None}
    assert r.problems[0].message == (
        "시간 초과: 5초 안에 끝나지 않아 9번째 셀(q2 답 부분)을 실행하던 중 커널을 멈췄습니다. 무한 반복이 있는지 보세요."
    )
    assert r.problems[1].message == "실행되지 않은 check: q2, q3"


def test_kernel_error_names_cell_and_exception_and_keeps_earlier_checks(graded):
    """Does an exception in q2's answer stop the run, name cell and exception, and keep q1?"""
    r = result(graded[2], "마루")
    assert r.status is grading.GradeStatus.STOPPED
    assert r.scores == {"q1": 1.0, "q2": None, "q3": None}
    assert r.problems[0].kind is grading.ProblemKind.KERNEL_ERROR
    assert r.problems[0].message == (
        "9번째 셀(q2 답 부분)에서 오류가 나 실행이 멈췄습니다(ZeroDivisionError: division by zero)."
    )


def test_deleted_check_cell_is_reported_and_scores_zero(graded):
    """Is a deleted q3 check reported as 'check 셀 삭제됨' while q1 and q2 are graded?"""
    r = result(graded[2], "바다")
    assert r.status is grading.GradeStatus.NEEDS_REVIEW
    assert r.scores == {"q1": 1.0, "q2": 1.0, "q3": None} and r.total == 2.0
    assert [p.message for p in r.problems] == ["check 셀 삭제됨: q3 (이 문항은 0점)"]


def test_edited_check_cell_is_restored_before_judging(graded):
    """Does an edited check (passing the right answer itself) get judged by the original code?"""
    r = result(graded[2], "사랑")
    assert r.scores["q2"] == 0.0  # the learner's own answer2 = "약점", not the edited "강점"
    assert r.status is grading.GradeStatus.NEEDS_REVIEW
    assert [p.message for p in r.problems] == ["check 셀 수정됨: q2 (원본으로 되돌려 채점했습니다)"]


def test_json_that_is_not_a_notebook_is_not_graded(graded):
    """Is valid JSON without notebook cells reported as not a notebook?"""
    r = result(graded[2], "90_점검_아라")
    assert r.status is grading.GradeStatus.NOT_GRADED
    assert r.problems[0].kind is grading.ProblemKind.NOT_A_NOTEBOOK


def test_forged_and_stale_records_do_not_count(graded):
    """Are a record displayed from an answer cell and a saved old output both ignored?"""
    r = result(graded[2], "자유")
    assert r.scores == {"q1": 0.0, "q2": 0.0, "q3": 0.0}
    assert r.records["q2"].status is grading.RecordStatus.UNANSWERED
    assert r.status is grading.GradeStatus.GRADED


def test_bad_parameter_stops_at_check_setup(graded):
    """Does a wrong-typed parameter stop at check-setup with every check reported as not run?"""
    r = result(graded[2], "차차")
    assert r.status is grading.GradeStatus.STOPPED
    assert [p.message for p in r.problems] == [
        "4번째 셀(check-setup 셀)에서 오류가 나 실행이 멈췄습니다(TypeError: seed는 정수여야 합니다.).",
        "실행되지 않은 check: q1, q2, q3",
    ]


def test_non_notebook_file_and_unknown_exercise_are_reported(graded):
    """Are a .txt file and a notebook of an exercise with no template listed as not gradable?"""
    run = graded[2]
    txt = next(r for r in run.results if r.file == "notes.txt")
    assert txt.problems[0].message == "노트북(.ipynb) 파일이 아닙니다(.txt). 제출물을 확인하세요."
    other = result(run, "하늘")
    assert other.status is grading.GradeStatus.NOT_GRADED and other.exercise == "55"
    assert other.problems[0].message == "연습 55의 원본 노트북이 연습 폴더에 없습니다(있는 연습: 90)."


def test_grades_csv_is_exact(graded):
    """Is grades.csv exactly one row per file with scores, totals, statuses and reasons?"""
    broken_json = result(graded[2], "90_점검_다솜").problems[0].message
    assert broken_json.startswith("노트북 파일(JSON)이 깨져 있습니다(")
    assert grading.grades_csv(graded[2]) == (
        "학습자,파일,연습,q1,q2,q3,총점,만점,상태,문제점\n"
        "하늘,55_other_하늘.ipynb,55,,,,,,채점 불가,연습 55의 원본 노트북이 연습 폴더에 없습니다(있는 연습: 90).\n"
        "가윤,90_점검_가윤.ipynb,90,1,1,1,3,3,채점 완료,\n"
        "나래,90_점검_나래.ipynb,90,1,0,0.5,1.5,3,채점 완료,\n"
        f"90_점검_다솜,90_점검_다솜.ipynb,,,,,,,채점 불가,{broken_json}\n"
        '라온,90_점검_라온.ipynb,90,1,,,1,3,시간 초과,"시간 초과: 5초 안에 끝나지 않아 9번째 셀(q2 답 부분)을 '
        '실행하던 중 커널을 멈췄습니다. 무한 반복이 있는지 보세요.; 실행되지 않은 check: q2, q3"\n'
        '마루,90_점검_마루.ipynb,90,1,,,1,3,오류로 중단,"9번째 셀(q2 답 부분)에서 오류가 나 실행이 멈췄습니다'
        '(ZeroDivisionError: division by zero).; 실행되지 않은 check: q2, q3"\n'
        "바다,90_점검_바다.ipynb,90,1,1,,2,3,확인 필요,check 셀 삭제됨: q3 (이 문항은 0점)\n"
        "사랑,90_점검_사랑.ipynb,90,1,0,1,2,3,확인 필요,check 셀 수정됨: q2 (원본으로 되돌려 채점했습니다)\n"
        "90_점검_아라,90_점검_아라.ipynb,,,,,,,채점 불가,"
        "JSON이지만 주피터 노트북 형식이 아닙니다('cells' 목록이나 nbformat 4가 없음).\n"
        "자유,90_점검_자유.ipynb,90,0,0,0,0,3,채점 완료,\n"
        '차차,90_점검_차차.ipynb,90,,,,0,3,오류로 중단,"4번째 셀(check-setup 셀)에서 오류가 나 실행이 멈췄습니다'
        '(TypeError: seed는 정수여야 합니다.).; 실행되지 않은 check: q1, q2, q3"\n'
        "notes,notes.txt,,,,,,,채점 불가,노트북(.ipynb) 파일이 아닙니다(.txt). 제출물을 확인하세요.\n"
    )


# --------------------------------------------------------------------------- pieces


def test_a_submission_grades_the_same_in_process(tmp_path):
    """Does grade_submission (no worker pool) give the same scores as the batch?"""
    write(tmp_path, "90_점검_나래.ipynb", personal(
        "나래", seed=1, q1_answer="answer1 = 3", q2_answer='answer2 = "약점"', q3_answer='answer3 = ["이웃"]'))
    r = grading.grade_submission(tmp_path / "90_점검_나래.ipynb", grading.load_templates(TEMPLATES), timeout=TIMEOUT)
    assert r.scores == {"q1": 1.0, "q2": 0.0, "q3": 0.5} and r.file == "90_점검_나래.ipynb"


def test_template_lists_questions_and_check_cells():
    """Does a template give its exercise id, questions in order and the four check cells?"""
    t = grading.load_template(TEMPLATE)
    assert t.exercise == "90" and t.questions == ("q1", "q2", "q3")
    assert [(c.cell_id, c.questions, c.setup) for c in t.checks] == [
        ("setup", (), True), ("q1-check", ("q1",), False), ("q2-check", ("q2",), False), ("q3-check", ("q3",), False),
    ]


def test_deleted_setup_cell_is_reported(tmp_path):
    """Is a deleted check-setup cell reported before anything runs?"""
    nb = personal("가윤", **RIGHT)
    nb.cells = [c for c in nb.cells if c.get("id") != "setup"]
    write(tmp_path, "90_점검_가윤.ipynb", nb)
    prepared = grading._prepare(tmp_path / "90_점검_가윤.ipynb", tmp_path, grading.load_templates(TEMPLATES))
    assert [p.kind for p in prepared.problems] == [grading.ProblemKind.SETUP_DELETED]


def test_moved_check_cell_with_new_id_is_still_found(tmp_path):
    """Is a check cell that got a new id (cut and pasted) but kept its code not 'deleted'?"""
    nb = personal("가윤", **RIGHT)
    cell_by_id(nb, "q1-check")["id"] = "pasted-again"
    write(tmp_path, "90_점검_가윤.ipynb", nb)
    prepared = grading._prepare(tmp_path / "90_점검_가윤.ipynb", tmp_path, grading.load_templates(TEMPLATES))
    assert prepared.problems == [] and prepared.question_cells["q1"] == 6


@pytest.mark.parametrize(
    "data",
    [
        {"exercise": "90", "question": "q1", "status": "right", "score": 1.0},
        {"exercise": "90", "question": "q1", "status": "correct", "score": 1.5},
        {"exercise": "90", "question": "q1", "status": "correct", "score": True},
        {"exercise": "90", "question": "q1", "status": "correct", "score": float("nan")},
        {"exercise": "90", "question": 1, "status": "correct", "score": 1.0},
        {"question": "q1", "status": "correct", "score": 1.0},
        "{not json",
        ["a list"],
    ],
)
def test_malformed_records_are_rejected(data):
    """Is a record with a bad status, score, question or shape refused (None)?"""
    assert grading.CheckRecord.from_data(data) is None


def test_record_from_json_text_is_read():
    """Is a record given as JSON text parsed, points and seed included?"""
    record = grading.CheckRecord.from_data(json.dumps(
        {"exercise": "07", "question": "q2", "status": "partial", "score": 0.5, "points": ["a"], "seed": 3}))
    assert record == grading.CheckRecord("07", "q2", grading.RecordStatus.PARTIAL, 0.5, points=("a",), seed=3)


def test_default_workers_is_at_most_four(monkeypatch):
    """Is the default number of workers min(4, CPU count)?"""
    monkeypatch.setattr(grading.os, "cpu_count", lambda: 16)
    assert grading.default_workers() == 4
    monkeypatch.setattr(grading.os, "cpu_count", lambda: 2)
    assert grading.default_workers() == 2


# --------------------------------------------------------------------------- bad input


def test_missing_submissions_folder_is_an_error(tmp_path):
    """Is a missing submissions folder a Korean CaseworkError?"""
    with pytest.raises(CaseworkError, match="제출물 폴더가 없습니다"):
        grading.grade_all(tmp_path / "없음", TEMPLATES)


def test_missing_or_empty_template_folder_is_an_error(tmp_path):
    """Are a missing and an empty template folder errors naming --template-dir?"""
    (tmp_path / "subs").mkdir()
    with pytest.raises(CaseworkError, match="--template-dir"):
        grading.grade_all(tmp_path / "subs", tmp_path / "없음")
    (tmp_path / "empty").mkdir()
    with pytest.raises(CaseworkError, match="하나도 없습니다"):
        grading.grade_all(tmp_path / "subs", tmp_path / "empty")


@pytest.mark.parametrize(("timeout", "workers"), [(0, 1), (-1, 1), (float("inf"), 1), ("60", 1), (5, 0), (5, True)])
def test_bad_timeout_or_workers_are_errors(tmp_path, timeout, workers):
    """Are a non-positive or non-numeric timeout and a worker count below 1 refused?"""
    with pytest.raises(CaseworkError, match="--timeout|--workers"):
        grading.grade_all(tmp_path, TEMPLATES, timeout=timeout, workers=workers)


def test_template_without_checks_or_exercise_id_is_an_error(tmp_path):
    """Are a template with no check cells and one with no exercise id refused?"""
    nb = template()
    for cell in nb.cells:
        cell.metadata.pop("tags", None)
    write(tmp_path, "91_빈.ipynb", nb)
    with pytest.raises(CaseworkError, match="'check' 태그"):
        grading.load_template(tmp_path / "91_빈.ipynb")
    nameless = template()
    nameless.metadata.pop("casework")
    write(tmp_path, "이름없음.ipynb", nameless)
    with pytest.raises(CaseworkError, match="어떤 연습인지"):
        grading.load_template(tmp_path / "이름없음.ipynb")


def test_two_templates_for_one_exercise_are_an_error(tmp_path):
    """Are two template files for the same exercise refused?"""
    for name in ("90_a.ipynb", "90_b.ipynb"):
        write(tmp_path, name, template())
    with pytest.raises(CaseworkError, match="원본이 둘입니다"):
        grading.load_templates(tmp_path)


# --------------------------------------------------------------------------- the command


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_grade_command_writes_both_files_and_exits_0(tmp_path, capsys):
    """Does 'casework grade' grade, print a Korean summary, write both outputs and exit 0?"""
    subs = tmp_path / "subs"
    subs.mkdir()
    write(subs, "90_점검_가윤.ipynb", personal("가윤", **RIGHT))
    (subs / "broken.ipynb").write_text("{", encoding="utf-8")
    code, out, err = run_cli(capsys, "grade", str(subs), "--template-dir", str(TEMPLATES),
                             "--out", str(tmp_path / "out"), "--timeout", "20", "--workers", "1")
    assert code == 0, err
    assert "제출물 2개를" in out and "문제없음 1, 확인 필요 1" in out
    assert "broken.ipynb: 노트북 파일(JSON)이 깨져 있습니다" in out
    assert (tmp_path / "out" / "grades.csv").read_bytes().startswith("\ufeff학습자".encode())
    assert "<img src=\"data:image/png;base64," in (tmp_path / "out" / "report.html").read_text(encoding="utf-8")


def test_grade_command_refuses_to_overwrite_without_force(tmp_path, capsys):
    """Does an existing grades.csv stop the run (exit 2) before grading, untouched?"""
    (tmp_path / "subs").mkdir()
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "grades.csv").write_text("old", encoding="utf-8")
    code, _, err = run_cli(capsys, "grade", str(tmp_path / "subs"), "--template-dir", str(TEMPLATES),
                           "--out", str(tmp_path / "out"))
    assert code == 2 and "--force" in err
    assert (tmp_path / "out" / "grades.csv").read_text(encoding="utf-8") == "old"


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["grade"], "꼭 필요한 인자가 빠졌습니다"),
        (["grade", "subs", "--out", "o", "--workers", "많이"], "--workers에는 숫자를 쓰세요"),
        (["grade", "subs", "--out", "o", "--timeout", "x"], "--timeout에는 숫자를 쓰세요"),
        (["grade", "없는폴더", "--out", "o", "--template-dir", str(TEMPLATES)], "제출물 폴더가 없습니다"),
        (["grade", ".", "--out", "o", "--template-dir", str(TEMPLATES), "--workers", "0"], "--workers는 1 이상"),
    ],
)
def test_grade_usage_errors_exit_2(tmp_path, monkeypatch, capsys, argv, words):
    """Are usage mistakes Korean one-liners with exit code 2 and no output folder?"""
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and words in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


def test_interrupted_grading_writes_no_report(tmp_path, capsys, monkeypatch):
    """Does Ctrl-C during grading exit 130 and leave an earlier report exactly as it was?"""
    subs = tmp_path / "subs"
    subs.mkdir()
    for name in ("a.txt", "b.txt"):
        (subs / name).write_text("x", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.html").write_text("이전 보고서", encoding="utf-8")
    real = grading._prepare
    calls = []

    def interrupt_second(*args):
        calls.append(args)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(grading, "_prepare", interrupt_second)
    code, _, err = run_cli(capsys, "grade", str(subs), "--template-dir", str(TEMPLATES), "--out", str(out), "--force")
    assert code == 130 and "중단했습니다" in err
    assert sorted(p.name for p in out.iterdir()) == ["report.html"]
    assert (out / "report.html").read_text(encoding="utf-8") == "이전 보고서"


def test_grade_help_lists_options(capsys):
    """Does 'grade --help' explain every option in Korean?"""
    code, out, _ = run_cli(capsys, "grade", "--help")
    assert code == 0
    for option in ("SUBMISSIONS_DIR", "--template-dir DIR", "--out DIR", "--timeout SEC", "--workers N", "--force"):
        assert option in out
    assert "grades.csv" in out and "종료 코드 0" in out


def test_output_folder_inside_submissions_is_skipped(tmp_path):
    """Is an --out folder inside the submissions folder not graded as a submission?"""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "grades.csv").write_text("x", encoding="utf-8")
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert [p.name for p in grading.find_submissions(tmp_path, exclude=[tmp_path / "out"])] == ["a.txt"]



def test_cohort_report_has_heatmap_mistakes_and_every_broken_submission(graded):
    """Does the cohort's report show the heatmap, the shared mistake and each broken file's reason?"""
    import html

    from casework import report

    run = graded[2]
    page = report.render_report(run)
    assert '<img src="data:image/png;base64,' in page
    assert '<td>q2</td><td>약점보다 강점을 먼저 찾아보세요.</td><td class="num">2</td><td>나래, 사랑</td>' in page
    broken_part = page.split("<h2>확인이 필요한 제출물</h2>")[1].split("<h2>")[0]
    for r in run.results:
        listed = f"<td>{html.escape(r.file)}</td>" in broken_part
        assert listed == (r.status is not grading.GradeStatus.GRADED)
        if listed:
            assert html.escape(r.problems[0].message) in broken_part


# --------------------------------------------------------------------------- the real exercises

ROOT = Path(__file__).resolve().parents[1]


def real_exercise_pairs(exercises: Path = ROOT / "exercises", solutions: Path = ROOT / "solutions"):
    return [(e, solutions / e.name) for e in sorted(exercises.glob("*.ipynb")) if (solutions / e.name).is_file()]


def test_real_exercises_blank_scores_zero_and_solution_full_marks(tmp_path):
    """With casework.checks, does each blank exercise grade 0 and each solution full marks, cleanly?"""
    pairs = real_exercise_pairs()
    if not pairs:
        pytest.skip("no exercises/ with matching solutions/ yet")
    from casework.checks import exercise_spec

    for exercise, solution in pairs:
        (tmp_path / f"blank_{exercise.name}").write_bytes(exercise.read_bytes())
        (tmp_path / f"solved_{exercise.name}").write_bytes(solution.read_bytes())
        nb = nbformat.read(exercise, as_version=4)
        nb.metadata.setdefault("casework", {})["exercise"] = assign.exercise_id_of(nb, exercise.name)
        write(tmp_path, f"blank_{exercise.name}", nb)
        solved = nbformat.read(solution, as_version=4)
        solved.metadata["casework"] = dict(nb.metadata.casework)
        write(tmp_path, f"solved_{exercise.name}", solved)
    run = grading.grade_all(tmp_path, pairs[0][0].parent, timeout=120, workers=2)
    for r in run.results:
        assert r.questions == tuple(exercise_spec(r.exercise)), r.file
        assert r.status is grading.GradeStatus.GRADED, (r.file, [p.message for p in r.problems])
        expected = len(r.questions) if r.file.startswith("solved_") else 0
        assert r.total == expected, (r.file, r.scores)
