"""Tests for casework.cli: the ``casework`` command (Korean help, exit codes, no tracebacks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat import v4

from casework import cli
from casework import exercisegen as eg


def solution_nb(answer: str = "관계 욕구") -> nbformat.NotebookNode:
    return v4.new_notebook(
        cells=[
            v4.new_markdown_cell("## 질문\n<!-- BEGIN SOLUTION -->\n해설\n<!-- END SOLUTION -->", id="q"),
            v4.new_code_cell(f'answer = "{answer}"  # SOLUTION\ncheck("q1", answer)', id="a"),
        ]
    )


def write_nb(path: Path, nb: nbformat.NotebookNode) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    """A repository root (the current folder) with two solutions and no exercises."""
    write_nb(tmp_path / "solutions" / "01_intro.ipynb", solution_nb())
    write_nb(tmp_path / "solutions" / "02_goal.ipynb", solution_nb("목표"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- help and usage


def test_help_is_korean_and_lists_the_command(capsys):
    """Does 'casework --help' exit 0 with Korean text and list generate-exercises?"""
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("사용법: casework")
    assert "명령:" in out and "옵션:" in out and "도움말을 보여 주고" in out
    assert "generate-exercises    해답 노트북에서 연습 노트북을 만듭니다" in out
    assert "usage:" not in out and "show this help" not in out


def test_subcommand_help_describes_every_option(capsys):
    """Does 'generate-exercises --help' explain --solutions, --exercises and --check in Korean?"""
    code, out, _ = run(capsys, "generate-exercises", "--help")
    assert code == 0
    for option in ("--solutions DIR", "--exercises DIR", "--check"):
        assert option in out
    assert "종료 코드 1" in out and "### BEGIN SOLUTION" in out


def test_version_is_printed(capsys):
    """Does --version print the package version?"""
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"casework {cli.__version__}"


def test_no_command_prints_help_and_exits_2(capsys):
    """Does running casework with no command show the help and exit 2?"""
    code, out, _ = run(capsys)
    assert code == 2 and "generate-exercises" in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["bogus"], "없는 명령입니다: 'bogus'"),
        (["generate-exercises", "--solutions"], "--solutions 뒤에 값을 하나 쓰세요"),
        (["generate-exercises", "--frobnicate"], "알 수 없는 인자입니다: --frobnicate"),
    ],
)
def test_usage_errors_are_korean_and_exit_2(capsys, argv, words):
    """Are usage mistakes reported in Korean on stderr with exit code 2?"""
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert words in err and "사용법:" in err


def test_untranslated_argparse_messages_still_get_a_korean_lead():
    """Does an argparse message with no translation still start in Korean?"""
    assert cli._korean_argparse_message("something new") == "명령줄 인자가 잘못되었습니다: something new"


# --------------------------------------------------------------------------- generate-exercises


def test_generate_writes_exercises_under_the_current_folder(repo, capsys):
    """Without options, are exercises written to ./exercises from ./solutions?"""
    code, out, err = run(capsys, "generate-exercises")
    assert code == 0 and err == ""
    assert "연습 노트북 2개를 exercises에 만들었습니다 (새로 쓰거나 바뀐 파일 2개)" in out
    assert "exercises/01_intro.ipynb" in out
    written = repo / "exercises" / "01_intro.ipynb"
    assert written.read_bytes() == eg.exercise_bytes(repo / "solutions" / "01_intro.ipynb")


def test_generate_again_reports_no_changed_files(repo, capsys):
    """Does a second run report zero changed files?"""
    run(capsys, "generate-exercises")
    code, out, _ = run(capsys, "generate-exercises")
    assert code == 0 and "바뀐 파일 0개" in out and "  - " not in out


def test_generate_with_explicit_folders(tmp_path, capsys):
    """Are --solutions and --exercises honoured?"""
    write_nb(tmp_path / "src" / "05_case.ipynb", solution_nb())
    code, _, _ = run(
        capsys, "generate-exercises", "--solutions", str(tmp_path / "src"), "--exercises", str(tmp_path / "dst")
    )
    assert code == 0 and (tmp_path / "dst" / "05_case.ipynb").is_file()


def test_generate_warns_about_exercises_without_solutions(repo, capsys):
    """Is an exercise without a solution kept and mentioned as a warning?"""
    (repo / "exercises").mkdir()
    (repo / "exercises" / "99_old.ipynb").write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "generate-exercises")
    assert code == 0 and "99_old.ipynb" in err and "직접 지우세요" in err
    assert (repo / "exercises" / "99_old.ipynb").exists()


def test_generate_with_empty_solutions_says_so(tmp_path, monkeypatch, capsys):
    """Does an empty solutions folder give a clear message and exit 0?"""
    (tmp_path / "solutions").mkdir()
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "generate-exercises")
    assert code == 0 and "노트북이 없어" in out


def test_check_passes_after_generating(repo, capsys):
    """Does --check exit 0 right after generating?"""
    run(capsys, "generate-exercises")
    code, out, _ = run(capsys, "generate-exercises", "--check")
    assert code == 0 and "2개가 모두 해답과 일치합니다" in out


def test_check_lists_drift_exits_1_and_writes_nothing(repo, capsys):
    """Does --check list each drifted file, exit 1 and leave the folder untouched?"""
    run(capsys, "generate-exercises")
    (repo / "exercises" / "02_goal.ipynb").unlink()
    edited = repo / "exercises" / "01_intro.ipynb"
    edited.write_text(edited.read_text(encoding="utf-8").replace("answer = ...", "answer = 1"), encoding="utf-8")
    before = {p.name: p.read_bytes() for p in (repo / "exercises").iterdir()}
    code, _, err = run(capsys, "generate-exercises", "--check")
    assert code == 1
    assert "맞지 않습니다: 2건" in err
    assert "  - 01_intro.ipynb: 해답에서 만든 결과와 다릅니다(2번째 셀부터 다름)." in err
    assert "  - 02_goal.ipynb: 연습 파일이 없습니다" in err
    assert "casework generate-exercises" in err
    assert {p.name: p.read_bytes() for p in (repo / "exercises").iterdir()} == before


def test_broken_solution_is_a_one_line_korean_error_with_exit_2(repo, capsys):
    """Does a marker mistake print one Korean line naming file and cell, exit 2, write nothing?"""
    bad = solution_nb()
    bad.cells[1].source = "### BEGIN SOLUTION\nanswer = 1"
    write_nb(repo / "solutions" / "03_bad.ipynb", bad)
    for argv in (["generate-exercises"], ["generate-exercises", "--check"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == ""
        assert err.startswith("오류: 03_bad.ipynb 2번째 셀(코드) 1번째 줄:")
        assert err.count("\n") == 1 and "Traceback" not in err
    assert not (repo / "exercises").exists()


def test_missing_solutions_folder_is_an_error(tmp_path, monkeypatch, capsys):
    """Is running outside a repository (no solutions folder) an error, not 'all good'?"""
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "generate-exercises", "--check")
    assert code == 2 and "해답 폴더가 없습니다" in err


def test_os_errors_are_one_korean_line(repo, capsys, monkeypatch):
    """Is an OS error (e.g. permission) reported as one Korean line with exit 2?"""
    def denied(*_args):
        raise PermissionError(13, "Permission denied", "exercises")

    monkeypatch.setattr(eg, "generate_all", denied)
    code, _, err = run(capsys, "generate-exercises")
    assert code == 2 and err == "오류: 파일을 다루지 못했습니다 (exercises): Permission denied\n"


def test_unexpected_errors_are_one_line_without_traceback(repo, capsys, monkeypatch):
    """Does even an unexpected bug come out as one line, not a traceback?"""
    def bug(*_args):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(eg, "find_drift", bug)
    code, _, err = run(capsys, "generate-exercises", "--check")
    assert code == 2
    assert err == "오류: 예상하지 못한 문제입니다(RuntimeError: boom second line). 개발자에게 이 문장을 알려 주세요.\n"


def test_console_script_runs_and_never_shows_a_traceback(repo):
    """Does the installed 'casework' script give the same exit codes without tracebacks?"""
    script = Path(sys.executable).parent / "casework"
    if not script.exists():
        pytest.skip("the casework console script is not installed in this environment")
    assert cli.main(["generate-exercises"]) == 0
    check = subprocess.run([script, "generate-exercises", "--check"], capture_output=True, text=True, cwd=repo)
    assert check.returncode == 0 and "일치합니다" in check.stdout
    bad = subprocess.run(
        [script, "generate-exercises", "--solutions", "없는폴더"], capture_output=True, text=True, cwd=repo
    )
    assert bad.returncode == 2 and "Traceback" not in bad.stderr and bad.stderr.startswith("오류:")


def test_cases_lists_every_bundled_case(capsys):
    """Does `casework cases` list the five bundled cases with their titles?"""
    code, out, _ = run(capsys, "cases")
    assert code == 0
    for case_id in ("elderly_alone", "sick_child", "low_grades", "no_living_money", "drinking_violence"):
        assert case_id in out
    assert "사례 5개" in out


def test_cases_checks_a_good_file(capsys):
    """Does a valid case file pass the check with exit code 0?"""
    good = Path(cli.__file__).parent / "data" / "cases" / "sick_child.yaml"
    code, out, _ = run(capsys, "cases", str(good))
    assert code == 0 and "형식이 맞습니다" in out


def test_cases_reports_every_problem_of_a_bad_file(tmp_path, capsys):
    """Does a malformed case file get the file, the fields and exit code 1, while good ones still pass?"""
    bad = tmp_path / "new_case.yaml"
    bad.write_text("id: 새사례\ntitle: 시험\n", encoding="utf-8")
    missing = tmp_path / "missing.yaml"
    good = Path(cli.__file__).parent / "data" / "cases" / "low_grades.yaml"
    code, out, err = run(capsys, "cases", str(bad), str(missing), str(good))
    assert code == 1
    assert str(bad) in err and "id" in err and "source" in err and "facts" in err
    assert "파일이 없습니다" in err
    assert "low_grades" in out and "3개 중 2개" in err
