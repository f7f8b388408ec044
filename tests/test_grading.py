"""Tests for casework.grading: answers are read and judged; a submission's code never runs.

A cohort is assigned from the real exercise 07 with ``casework assign`` into a temporary folder;
each test edits copies of those notebooks the way a learner (or an attacker) would and grades
them against the manifest.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

import casework
from casework import assign, cli, grading
from casework.exercises import new_checker
from casework.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[1]
EXERCISE = ROOT / "exercises" / "07_목표_설정_연습.ipynb"
NAMES = ["가윤", "나래", "다솜", "라온"]


@pytest.fixture()
def cohort(tmp_path):
    """Four assigned notebooks (seeds 0–3) in tmp/subs, their manifest in tmp/issued."""
    csv = tmp_path / "명단.csv"
    csv.write_text("이름,사례,시드\n" + "".join(f"{n},elderly_alone,{i}\n" for i, n in enumerate(NAMES)),
                   encoding="utf-8")
    issued = tmp_path / "issued"
    result = assign.assign(csv, EXERCISE, issued)
    assert result.ok
    subs = tmp_path / "subs"
    subs.mkdir()
    for a in result.assignments:
        (subs / a.path.name).write_bytes(a.path.read_bytes())
    return subs, issued / "casework-manifest.json"


def file_of(subs: Path, name: str) -> Path:
    return subs / f"07_목표_설정_연습_{name}.ipynb"


def edit(path: Path, change) -> None:
    nb = nbformat.read(path, as_version=4)
    change(nb)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def cell(nb, cell_id):
    return next(c for c in nb.cells if c.get("id") == cell_id)


def answer(path: Path, question: str, text: str) -> None:
    edit(path, lambda nb: setattr(cell(nb, f"{question}-answer"), "source", f"%%답 {question}\n{text}"))


def model_answers(name: str) -> dict[str, str]:
    seed = NAMES.index(name)
    checker = new_checker("07", learner=name, case_id="elderly_alone", seed=seed)
    return {q: checker.model_answer(q) for q in checker.question_ids}


def grade(subs: Path, manifest: Path) -> dict[str, grading.SubmissionResult]:
    run = grading.grade_all(subs, [manifest])
    return {r.file: r for r in run.results}


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()}


# --------------------------------------------------------------------------- plain grading


def test_blank_scores_zero_and_model_answers_score_full(cohort):
    """Does a blank notebook score 0 and one with the library's model answers full marks?"""
    subs, manifest = cohort
    for question, text in model_answers("가윤").items():
        answer(file_of(subs, "가윤"), question, text)
    results = grade(subs, manifest)
    good, blank = results[file_of(subs, "가윤").name], results[file_of(subs, "나래").name]
    assert (good.total, good.status) == (4, grading.GradeStatus.GRADED)
    assert blank.total == 0 and all(r.status.value == "unanswered" for r in blank.records.values())


def test_answers_are_judged_for_the_manifest_seed(cohort):
    """Is each answer judged with the learner's own practice data (the seed in the manifest)?"""
    subs, manifest = cohort
    mine, other = model_answers("나래"), model_answers("다솜")
    differing = [q for q in mine if mine[q] != other[q] and q != "q3"]
    assert differing, "seeds 1 and 2 should give different practice data"
    for q in differing:
        answer(file_of(subs, "나래"), q, other[q])
        answer(file_of(subs, "다솜"), q, other[q])
    results = grade(subs, manifest)
    assert all(results[file_of(subs, "다솜").name].records[q].score == 1 for q in differing)
    assert any(results[file_of(subs, "나래").name].records[q].score < 1 for q in differing)


def test_plain_korean_answers_in_every_form(cohort):
    """Are a number, a name, a multi-line list and a sentence all read without Python syntax?"""
    subs, manifest = cohort
    text = model_answers("라온")
    answer(file_of(subs, "라온"), "q1", f"# 안내 줄은 읽지 않습니다\n{text['q1']}")
    answer(file_of(subs, "라온"), "q4", "\n".join(f"- {line}" for line in text["q4"].splitlines()))
    result = grade(subs, manifest)[file_of(subs, "라온").name]
    assert result.records["q1"].score == 1 and result.records["q4"].score == 1
    assert result.records["q1"].answer.endswith(text["q1"])


def test_submissions_are_never_modified(cohort):
    """Are the submission files byte-identical after grading?"""
    subs, manifest = cohort
    answer(file_of(subs, "가윤"), "q1", "3")
    before = hashes(subs)
    grade(subs, manifest)
    assert hashes(subs) == before


# --------------------------------------------------------------------------- attacks: nothing runs

ATTACK_MARK = "casework-attack-ran"


def python_attack(tmp_path: Path, body: str) -> str:
    """Python that would leave a marker file if it were ever executed."""
    marker = tmp_path / ATTACK_MARK
    return f"import pathlib\npathlib.Path({str(marker)!r}).write_text('ran')\n{body}"


@pytest.mark.parametrize("body", [
    # G10: patch the checker so every answer is correct
    "from casework import checks as _c\n_c.Checker.judge = lambda self, q, a: None",
    # G9: rebind check to something that displays forged records
    "check = lambda q, a: display({'application/vnd.casework.check+json': {'status': 'correct'}}, raw=True)",
    # G12: an IPython hook that forges a record after every cell
    "get_ipython().events.register('post_run_cell', lambda r: None)",
    # S5: leave a process running
    "import subprocess\nsubprocess.Popen(['sleep', '97'])",
    # G17: allocate gigabytes
    "x = bytearray(2 * 1024 ** 3)",
    # G20: print hundreds of megabytes
    "for _ in range(300):\n    print('x' * 10 ** 6)",
])
def test_code_in_an_answer_is_never_executed(cohort, tmp_path, body):
    """Does code typed into answer cells stay text: no marker file, score 0, nothing left running?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    for q in ("q1", "q2", "q3", "q4"):
        answer(target, q, python_attack(tmp_path, body))
    result = grade(subs, manifest)[target.name]
    assert not (tmp_path / ATTACK_MARK).exists()
    assert result.total == 0
    assert "sleep 97" not in subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout


def test_code_in_setup_cells_is_never_executed(cohort, tmp_path):
    """Does rewriting the setup and data cells run nothing and get the submission flagged?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    attack = python_attack(tmp_path, "")

    def change(nb):
        cell(nb, "check-setup").source = attack
        cell(nb, "practice-data").source = attack
        nb.cells.insert(3, nbformat.v4.new_code_cell(attack))

    edit(target, change)
    result = grade(subs, manifest)[target.name]
    assert not (tmp_path / ATTACK_MARK).exists()
    assert result.status is grading.GradeStatus.NEEDS_REVIEW
    assert any(p.kind is grading.ProblemKind.SETUP_CHANGED for p in result.problems)


def test_forged_records_in_outputs_do_not_count(cohort):
    """Do saved outputs claiming 'correct' change nothing (G9, G11, G12)?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    forged = {"exercise": "07", "question": "q1", "status": "correct", "score": 1.0, "attempt": 1}

    def change(nb):
        for q in ("q1", "q2", "q3", "q4"):
            cell(nb, f"{q}-answer").outputs = [nbformat.v4.new_output(
                "display_data", data={"application/vnd.casework.check+json": dict(forged, question=q)})]

    edit(target, change)
    result = grade(subs, manifest)[target.name]
    assert result.total == 0
    assert result.records["q1"].attempts == 1  # the learner's own report, kept for information only


def test_other_files_and_the_package_are_untouched(cohort, tmp_path):
    """Can a submission read or rewrite other submissions, --out or the installed package (S1–S4)?"""
    subs, manifest = cohort
    package = Path(casework.__file__).resolve().parent / "checks.py"
    package_hash = hashlib.sha256(package.read_bytes()).hexdigest()
    out = tmp_path / "out"
    body = (f"open({str(file_of(subs, '나래'))!r}, 'a').write(' ')\n"
            f"open({str(out / 'grades.csv')!r}, 'w').write('해커,100')\n"
            f"open({str(package)!r}, 'a').write('\\nChecker.judge = None\\n')")
    answer(file_of(subs, "가윤"), "q1", python_attack(tmp_path, body))
    before = hashes(subs)
    assert cli.main(["grade", str(subs), "--manifest", str(manifest), "--out", str(out)]) == 0
    assert hashes(subs) == before
    assert hashlib.sha256(package.read_bytes()).hexdigest() == package_hash
    assert "해커" not in (out / "grades.csv").read_text(encoding="utf-8-sig")
    assert not (tmp_path / ATTACK_MARK).exists()


def test_grading_memory_stays_small_whatever_the_submissions_ask(cohort, tmp_path):
    """Does a grader process stay far below the gigabytes a hostile submission asks for (G17, G20)?"""
    subs, manifest = cohort
    answer(file_of(subs, "가윤"), "q1", "x = bytearray(2 * 1024 ** 3)\n" + "가" * 2_000_000)
    script = ("import resource, sys\nfrom casework import grading\n"
              f"grading.grade_all({str(subs)!r}, [{str(manifest)!r}])\n"
              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    # KiB: the Korean analyser takes ~350 MB once; far under the 2 GB the code asks for.
    assert int(done.stdout.split()[-1]) < 1024 * 1024


def test_oversized_submission_is_not_read(cohort):
    """Is a file over the size limit reported instead of read (G34)?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    target.write_bytes(target.read_bytes() + b" " * 2048)
    result = {r.file: r for r in grading.grade_all(subs, [manifest], max_bytes=1024).results}[target.name]
    assert [p.kind for p in result.problems] == [grading.ProblemKind.TOO_LARGE]
    assert result.status is grading.GradeStatus.NOT_GRADED


def test_links_are_not_followed(cohort):
    """Is a symlink (to a classmate's notebook or the solutions) reported, not graded (G32)?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    target.unlink()
    target.symlink_to(ROOT / "solutions" / EXERCISE.name)
    result = grade(subs, manifest)[target.name]
    assert [p.kind for p in result.problems] == [grading.ProblemKind.LINK]


# --------------------------------------------------------------------------- identity comes from the manifest


def test_changed_learner_name_in_metadata_changes_nothing(cohort):
    """Is the learner the manifest's even when the notebook's metadata names someone else (G35)?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    edit(target, lambda nb: nb.metadata["casework"].update(learner="=HYPERLINK(\"x\")"))
    assert grade(subs, manifest)[target.name].learner == "가윤"


def test_swapped_seed_or_case_is_reported_and_ignored(cohort):
    """Is editing the injected parameters to a classmate's seed flagged and judged with the own seed (G37, G38)?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    theirs = model_answers("나래")
    edit(target, lambda nb: setattr(cell(nb, "injected-parameters"), "source",
                                    "learner = '가윤'\ncase_id = 'elderly_alone'\nseed = 1\n"))
    for q in ("q1", "q2"):
        answer(target, q, theirs[q])
    result = grade(subs, manifest)[target.name]
    assert (result.seed, result.case_id) == (0, "elderly_alone")
    assert any(p.kind is grading.ProblemKind.PARAMETERS_CHANGED for p in result.problems)
    assert result.status is grading.GradeStatus.NEEDS_REVIEW


def test_a_classmates_notebook_handed_in_as_ones_own_is_reported(cohort):
    """Is a copy of a classmate's notebook (their token) under one's own file name flagged?"""
    subs, manifest = cohort
    file_of(subs, "가윤").write_bytes(file_of(subs, "나래").read_bytes())
    result = grade(subs, manifest)[file_of(subs, "가윤").name]
    problems = [p for p in result.problems if p.kind is grading.ProblemKind.TOKEN_MISMATCH]
    assert problems and "나래" in problems[0].message


def test_unknown_files_are_not_graded(cohort):
    """Is a notebook no manifest names reported and not graded?"""
    subs, manifest = cohort
    (subs / "07_목표_설정_연습_모르는사람.ipynb").write_bytes(file_of(subs, "가윤").read_bytes())
    result = grade(subs, manifest)["07_목표_설정_연습_모르는사람.ipynb"]
    assert result.status is grading.GradeStatus.NOT_GRADED
    assert "가윤" in result.problems[0].message


def test_deleted_and_relabelled_answer_cells_are_reported(cohort):
    """Does a deleted answer cell score 0 and a changed first line get reported?"""
    subs, manifest = cohort
    target = file_of(subs, "가윤")
    right = model_answers("가윤")

    def change(nb):
        nb.cells = [c for c in nb.cells if c.get("id") != "q2-answer"]
        cell(nb, "q1-answer").source = f"%%답 q3\n{right['q1']}"

    edit(target, change)
    result = grade(subs, manifest)[target.name]
    kinds = [p.kind for p in result.problems]
    assert grading.ProblemKind.ANSWER_DELETED in kinds and grading.ProblemKind.ANSWER_HEADER in kinds
    assert "q2" not in result.records and result.records["q1"].score == 1


@pytest.mark.parametrize(("content", "kind"), [
    (b"{\"cells\": [", grading.ProblemKind.BROKEN_JSON),
    (b"{\"hello\": [1, 2]}", grading.ProblemKind.NOT_A_NOTEBOOK),
    (b"\xff\xfe\x00", grading.ProblemKind.BROKEN_JSON),
    (b"[" * 100_000 + b"]" * 100_000, grading.ProblemKind.NOT_A_NOTEBOOK),
])
def test_broken_files_are_reported_with_a_reason(cohort, content, kind):
    subs, manifest = cohort
    file_of(subs, "가윤").write_bytes(content)
    result = grade(subs, manifest)[file_of(subs, "가윤").name]
    assert result.problems[0].kind in (kind, grading.ProblemKind.BROKEN_JSON)
    assert result.status is grading.GradeStatus.NOT_GRADED


# --------------------------------------------------------------------------- the run, the CSV, the CLI


def test_grades_csv_is_excel_safe(tmp_path):
    """Does a learner name starting with '=' reach grades.csv as text, not a formula (G36)?"""
    csv = tmp_path / "c.csv"
    csv.write_text('이름\n"=HYPERLINK(""http://x.invalid"",""클릭"")"\n@SUM(A1)\n', encoding="utf-8")
    assign.assign(csv, EXERCISE, tmp_path / "issued")
    manifest = tmp_path / "issued" / "casework-manifest.json"
    run = grading.grade_all(tmp_path / "issued", [manifest])
    import csv as csvlib
    import io

    rows = list(csvlib.reader(io.StringIO(grading.grades_csv(run))))[1:]
    assert [row[0][:2] for row in rows] == ["'=", "'@"]


def test_grades_csv_is_exact(cohort):
    """Golden: the header and a blank learner's row."""
    subs, manifest = cohort
    answer(file_of(subs, "가윤"), "q1", "모르겠어요")
    header, rows = grading.grades_rows(grading.grade_all(subs, [manifest]))
    assert header == ["학습자", "사용자", "파일", "연습", "사례", "시드", "q1", "q2", "q3", "q4", "총점", "만점", "상태",
                      "힌트 본 문항", "풀이 본 문항", "시도 횟수(학습자 기록)", "늦게 냄", "문제점"]
    assert rows[0] == ["가윤", "", "07_목표_설정_연습_가윤.ipynb", "07", "elderly_alone", "0", "0", "0", "0", "0",
                       "0", "4", "채점 완료", "", "", "", "", ""]


def test_missing_learners_get_a_row(cohort):
    subs, manifest = cohort
    file_of(subs, "라온").unlink()
    run = grading.grade_all(subs, [manifest])
    assert [e.learner for e in run.missing] == ["라온"]
    assert grading.grades_rows(run)[1][-1][12] == "제출 안 함"


def test_late_flags_come_from_collected_json(cohort):
    subs, manifest = cohort
    (subs / "collected.json").write_text(json.dumps({"files": [
        {"file": file_of(subs, "가윤").name, "late": True}, {"file": file_of(subs, "나래").name, "late": False}]}),
        encoding="utf-8")
    results = grade(subs, manifest)
    assert results[file_of(subs, "가윤").name].late is True
    assert results[file_of(subs, "가윤").name].status is grading.GradeStatus.GRADED  # late is information
    assert results[file_of(subs, "나래").name].late is False


def test_an_interrupted_run_resumes_where_it_stopped(cohort, tmp_path, monkeypatch):
    """After Ctrl-C, does a rerun grade only what was not graded (journal)?"""
    subs, manifest = cohort
    journal = tmp_path / "journal.jsonl"
    seen: list[str] = []

    def stop_after_two(result):
        seen.append(result.file)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        grading.grade_all(subs, [manifest], journal=journal, on_result=stop_after_two)
    calls: list[str] = []
    real = grading.grade_submission
    monkeypatch.setattr(grading, "grade_submission", lambda p, *a, **k: calls.append(Path(p).name) or real(p, *a, **k))
    run = grading.grade_all(subs, [manifest], journal=journal)
    assert len(run.results) == 4 and len(calls) == 2 and not set(calls) & set(seen)


def test_ctrl_c_says_so_and_exits_130(cohort, tmp_path, monkeypatch, capsys):
    subs, manifest = cohort

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(grading, "grade_submission", interrupt)
    assert cli.main(["grade", str(subs), "--manifest", str(manifest), "--out", str(tmp_path / "o")]) == 130
    assert "중단했습니다" in capsys.readouterr().err
    assert not (tmp_path / "o" / "grades.csv").exists()


@pytest.mark.parametrize("where", ["same", "file"])
def test_wrong_out_is_refused_before_any_work(cohort, tmp_path, monkeypatch, capsys, where):
    """Is --out that is the submissions folder or a file refused before grading starts (G25, G31)?"""
    subs, manifest = cohort
    out = subs if where == "same" else tmp_path / "file.txt"
    if where == "file":
        out.write_text("x")
    monkeypatch.setattr(grading, "grade_all", lambda *a, **k: pytest.fail("grading started"))
    assert cli.main(["grade", str(subs), "--manifest", str(manifest), "--out", str(out)]) == 2
    assert "--out" in capsys.readouterr().err or where == "file"


def test_grade_requires_a_manifest(cohort, capsys):
    subs, _ = cohort
    assert cli.main(["grade", str(subs), "--out", str(subs.parent / "o")]) == 2
    assert "--manifest" in capsys.readouterr().err


def test_grade_command_writes_both_files(cohort, tmp_path, capsys):
    subs, manifest = cohort
    out = tmp_path / "out"
    assert cli.main(["grade", str(subs), "--manifest", str(manifest), "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"grades.csv", "report.html", "results.json", "lms_07.csv"}
    assert "실행하지 않았습니다" in capsys.readouterr().out
    assert cli.main(["grade", str(subs), "--manifest", str(manifest), "--out", str(out)]) == 2


def test_report_lists_every_submission_needing_review(cohort):
    from casework import report

    subs, manifest = cohort
    file_of(subs, "가윤").write_text("{", encoding="utf-8")
    html = report.render_report(grading.grade_all(subs, [manifest]))
    assert "07_목표_설정_연습_가윤.ipynb" in html and "깨져" in html and "class=\"heatmap\"" in html


def test_manifest_is_read_back(cohort):
    _, manifest = cohort
    m = read_manifest(manifest)
    assert m.exercise == "07" and [e.learner for e in m.learners] == NAMES
    assert {c.kind for c in m.cells} >= {"answer", "parameters", "fixed"}
