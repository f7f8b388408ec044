"""Tests for casework.assign: one personalised exercise notebook per learner."""

from __future__ import annotations

import json
import os
from pathlib import Path

import nbformat
import pytest

from casework import assign, cli
from casework.cases import case_ids
from casework.errors import CaseworkError

TEMPLATE = Path(__file__).resolve().parents[1] / "exercises" / "07_목표_설정_연습.ipynb"


def cohort(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "cohort.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------- reading the cohort


def test_korean_headers_with_blank_lines_keep_file_line_numbers(tmp_path):
    """Are blank lines skipped while each learner keeps the line number it has in the file?"""
    path = cohort(tmp_path, "이름,사례,시드\n홍길동,sick_child,3\n\n  \n김영희,,\n")
    result = assign.read_cohort(path)
    assert result.learners == (
        assign.Learner(2, "홍길동", "sick_child", 3, 0),
        assign.Learner(5, "김영희", None, None, 1),
    )
    assert result.problems == () and result.encoding == "utf-8"


def test_english_headers_in_any_case_and_extra_columns(tmp_path):
    """Are Name/Case/Seed headers accepted (any case, any order) and other columns ignored?"""
    path = cohort(tmp_path, "Email,Seed,NAME,case\nx@example.org,9,Kim,low_grades\n")
    assert assign.read_cohort(path).learners == (assign.Learner(2, "Kim", "low_grades", 9, 0),)


def test_name_column_alone_is_enough(tmp_path):
    """Is a cohort with only the 이름 column valid?"""
    path = cohort(tmp_path, "이름\n가\n나\n")
    assert [x.name for x in assign.read_cohort(path).learners] == ["가", "나"]


@pytest.mark.parametrize(("encoding", "expected"), [("utf-8-sig", "utf-8-sig"), ("cp949", "cp949")])
def test_bom_and_cp949_files_are_read(tmp_path, encoding, expected):
    """Are a UTF-8 file with BOM (Excel) and a CP949 file (Korean Excel 'CSV') read right?"""
    path = cohort(tmp_path, "이름,사례\n홍길동,sick_child\n", encoding)
    result = assign.read_cohort(path)
    assert result.encoding == expected and result.learners[0].name == "홍길동"


def test_bad_rows_are_reported_with_line_and_reason(tmp_path):
    """Are an empty name, an unknown case and non-integer seeds reported by line, others kept?"""
    path = cohort(
        tmp_path,
        "이름,사례,시드\n"
        "홍길동,,1\n"
        ",sick_child,2\n"
        "김철수,nope,\n"
        "이영희,,1.5\n"
        "박민수,,-1\n"
        "최지우,,abc\n"
        '"줄\n바꿈",,\n'
        "정다은,,\n",
    )
    result = assign.read_cohort(path)
    assert [(x.line, x.name, x.position) for x in result.learners] == [(2, "홍길동", 0), (10, "정다은", 7)]
    lines = {p.line: p.message for p in result.problems}
    assert sorted(lines) == [3, 4, 5, 6, 7, 9]
    assert lines[3] == "이름이 비어 있습니다. 학습자 이름을 쓰세요."
    assert lines[4].startswith("(김철수) 'nope'는 없는 사례 id입니다. 쓸 수 있는 사례: ")
    assert lines[4].endswith(", ".join(case_ids()))
    assert lines[5] == "(이영희) 시드 '1.5'는 0부터 4294967295까지의 정수가 아닙니다. 0, 1, 2처럼 쓰거나 비워 두세요."
    assert "'-1'" in lines[6] and "'abc'" in lines[7]
    assert "줄바꿈이나 보이지 않는 문자" in lines[9]
    assert str(result.problems[0]) == "3번째 줄: 이름이 비어 있습니다. 학습자 이름을 쓰세요."


def test_missing_name_column_is_a_clear_error(tmp_path):
    """Does a cohort without 이름 raise a Korean error naming the columns it found?"""
    path = cohort(tmp_path, "성명,사례\n홍길동,sick_child\n")
    with pytest.raises(CaseworkError, match=r"'이름' 열이 없습니다 \(찾은 열: '성명', '사례'\)"):
        assign.read_cohort(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "명단이 비어 있습니다"), ("\n\n", "명단이 비어 있습니다"), ("이름,시드\n\n", "학습자가 한 명도 없습니다")],
)
def test_empty_cohorts_are_errors(tmp_path, text, words):
    """Are an empty file and a header-only file errors rather than 'nothing to do'?"""
    with pytest.raises(CaseworkError, match=words):
        assign.read_cohort(cohort(tmp_path, text))


def test_undecodable_file_is_an_error(tmp_path):
    """Is a file that is neither UTF-8 nor CP949 refused with a hint on how to save it?"""
    path = tmp_path / "cohort.csv"
    path.write_bytes("이름\n".encode() + b"\x80\xff\n")
    with pytest.raises(CaseworkError, match="UTF-8이나 CP949"):
        assign.read_cohort(path)


@pytest.mark.parametrize("bad", [None, 3])
def test_cohort_path_must_be_a_path(bad):
    """Is a non-path cohort argument a Korean error?"""
    with pytest.raises(CaseworkError, match="명단 파일의 경로"):
        assign.read_cohort(bad)


def test_missing_cohort_and_folder_cohort_are_errors(tmp_path):
    """Are a missing file and a folder given as the cohort reported?"""
    with pytest.raises(CaseworkError, match="명단 파일이 없습니다"):
        assign.read_cohort(tmp_path / "없음.csv")
    with pytest.raises(CaseworkError, match="폴더입니다"):
        assign.read_cohort(tmp_path)


# --------------------------------------------------------------------------- file names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("홍길동", "홍길동"),
        ("홍 길동", "홍_길동"),
        ("../../evil", "evil"),
        ("..", ""),
        ("a/b\\c", "a_b_c"),
        ('x:*?"<>|y', "x_y"),
        ("\x00bell\x07\x1b", "bell"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        (".hidden", "hidden"),
        ("끝에 점.", "끝에_점"),
        ("\u1112\u1169\u11bc", "홍"),  # decomposed Hangul (macOS) becomes composed
        ("가" * 80, "가" * 60),
    ],
)
def test_safe_file_part(name, expected):
    """Does a learner name become a safe, readable piece of a file name?"""
    assert assign.safe_file_part(name) == expected


# --------------------------------------------------------------------------- assigning


@pytest.fixture
def out(tmp_path):
    return tmp_path / "배포"


def test_assign_writes_one_notebook_per_learner_with_parameters(tmp_path, out):
    """Does each learner get a notebook whose injected cell follows the parameters cell?"""
    path = cohort(tmp_path, "이름,사례,시드\n홍길동,sick_child,3\n김영희,,\n")
    result = assign.assign(path, TEMPLATE, out, seed_base=10)
    assert result.ok and result.exercise_id == "07"
    assert [(a.path.name, a.case_id, a.seed, a.status) for a in result.assignments] == [
        ("07_목표_설정_연습_홍길동.ipynb", "sick_child", 3, assign.WriteStatus.WRITTEN),
        ("07_목표_설정_연습_김영희.ipynb", "elderly_alone", 11, assign.WriteStatus.WRITTEN),
    ]
    nb = read(out / "07_목표_설정_연습_홍길동.ipynb")
    tags = [c.metadata.get("tags", []) for c in nb.cells]
    assert tags[2] == ["parameters"] and tags[3] == ["injected-parameters"]
    assert nb.cells[3].id == "injected-parameters"
    assert nb.cells[3].source == ("# 학습자별 값\nlearner = '홍길동'\ncase_id = 'sick_child'\nseed = 3\n"
                                  "show_hints = True\nshow_solutions = False\n")
    token = nb.metadata.casework.token
    assert nb.metadata.casework == {"exercise": "07", "learner": "홍길동", "token": token} and len(token) == 16
    assert nb.metadata.papermill.parameters == {"learner": "홍길동", "case_id": "sick_child", "seed": 3,
                                                "show_hints": True, "show_solutions": False}


def test_personalised_notebook_differs_from_the_exercise_only_by_the_injected_cell(tmp_path, out):
    """Are all other cells (ids, tags, sources) exactly the exercise's?"""
    assign.assign(cohort(tmp_path, "이름\n홍길동\n"), TEMPLATE, out)
    nb, template = read(out / "07_목표_설정_연습_홍길동.ipynb"), read(TEMPLATE)
    assert [c for c in nb.cells if c.id != "injected-parameters"] == template.cells


def test_assign_does_not_execute(tmp_path, out):
    """Are the personalised notebooks free of outputs (nothing was run)?"""
    assign.assign(cohort(tmp_path, "이름\n홍길동\n"), TEMPLATE, out)
    nb = read(out / "07_목표_설정_연습_홍길동.ipynb")
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")


def test_default_seeds_follow_file_order_including_bad_rows(tmp_path, out):
    """Does fixing a bad row later leave the default seeds of the other learners unchanged?"""
    bad = assign.assign(cohort(tmp_path, "이름,시드\n가,\n나,x\n다,\n"), TEMPLATE, out, seed_base=100)
    assert [a.seed for a in bad.assignments] == [100, 102]
    fixed = assign.assign(cohort(tmp_path, "이름,시드\n가,\n나,\n다,\n", name="fixed.csv"), TEMPLATE, out,
                          seed_base=100)
    assert [(a.seed, a.status) for a in fixed.assignments] == [
        (100, assign.WriteStatus.UNCHANGED), (101, assign.WriteStatus.WRITTEN), (102, assign.WriteStatus.UNCHANGED)
    ]


def test_duplicates_and_path_tricks_stay_inside_the_folder(tmp_path, out):
    """Do duplicate names get _2/_3 and '../../evil' stay in the out folder, unchanged as a name?"""
    path = cohort(tmp_path, "이름\n홍길동\n홍길동\n../../evil\n홍길동\nKim\nkim\n")
    result = assign.assign(path, TEMPLATE, out)
    names = [a.path.name for a in result.assignments]
    assert names == [
        "07_목표_설정_연습_홍길동.ipynb", "07_목표_설정_연습_홍길동_2.ipynb", "07_목표_설정_연습_evil.ipynb", "07_목표_설정_연습_홍길동_3.ipynb",
        "07_목표_설정_연습_Kim.ipynb", "07_목표_설정_연습_kim_2.ipynb",
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted([*names, "casework-manifest.json"])
    assert not (tmp_path.parent / "evil").exists() and not list(tmp_path.glob("*evil*"))
    assert read(out / "07_목표_설정_연습_evil.ipynb").metadata.casework.learner == "../../evil"


def test_bad_rows_are_skipped_and_the_rest_assigned(tmp_path, out):
    """Are valid learners written even when other rows are bad, and ok False?"""
    result = assign.assign(cohort(tmp_path, "이름,사례\n가,nope\n나,\n"), TEMPLATE, out)
    assert not result.ok and [p.line for p in result.problems] == [2]
    assert sorted(p.name for p in out.iterdir()) == ["07_목표_설정_연습_나.ipynb", "casework-manifest.json"]


def test_existing_files_are_never_overwritten_without_force(tmp_path, out):
    """Is a learner's changed file kept (SKIPPED) unless force, then REPLACED?"""
    path = cohort(tmp_path, "이름\n홍길동\n")
    assign.assign(path, TEMPLATE, out)
    target = out / "07_목표_설정_연습_홍길동.ipynb"
    target.write_text("학습자가 고친 내용", encoding="utf-8")
    again = assign.assign(path, TEMPLATE, out)
    assert again.assignments[0].status is assign.WriteStatus.SKIPPED
    assert target.read_text(encoding="utf-8") == "학습자가 고친 내용"
    forced = assign.assign(path, TEMPLATE, out, force=True)
    assert forced.assignments[0].status is assign.WriteStatus.REPLACED
    assert read(target).metadata.casework.learner == "홍길동"


def test_written_files_are_complete_and_no_temp_files_remain(tmp_path, out):
    """Is every written file a whole notebook with the usual permissions and no leftovers?"""
    assign.assign(cohort(tmp_path, "이름\n가\n나\n"), TEMPLATE, out)
    assert sorted(p.name for p in out.iterdir()) == ["07_목표_설정_연습_가.ipynb", "07_목표_설정_연습_나.ipynb",
                                                     "casework-manifest.json"]
    mask = os.umask(0)
    os.umask(mask)
    assert (out / "07_목표_설정_연습_가.ipynb").stat().st_mode & 0o777 == 0o666 & ~mask


def test_failed_write_leaves_no_partial_file(tmp_path, out, monkeypatch):
    """If writing fails midway, is neither the file nor a temp file left behind?"""
    def broken_link(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(assign.os, "link", broken_link)
    with pytest.raises(OSError):
        assign.assign(cohort(tmp_path, "이름\n가\n"), TEMPLATE, out)
    assert list(out.iterdir()) == []


def test_missing_name_column_writes_nothing(tmp_path, out):
    """Does a cohort without 이름 stop before creating the out folder?"""
    with pytest.raises(CaseworkError, match="'이름' 열이 없습니다"):
        assign.assign(cohort(tmp_path, "name_kr\n홍길동\n"), TEMPLATE, out)
    assert not out.exists()


def test_exercise_without_parameters_cell_is_refused(tmp_path, out):
    """Is an exercise with no 'parameters' cell refused before anything is written?"""
    nb = read(TEMPLATE)
    nb.cells[2].metadata.pop("tags")
    bad = tmp_path / "07_nop.ipynb"
    bad.write_text(nbformat.writes(nb), encoding="utf-8")
    with pytest.raises(CaseworkError, match="'parameters' 태그"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), bad, out)
    assert not out.exists()


def test_exercise_without_id_is_refused(tmp_path, out):
    """Is an exercise whose id can be read neither from metadata nor file name refused?"""
    nb = read(TEMPLATE)
    bad = tmp_path / "연습.ipynb"
    bad.write_text(nbformat.writes(nb), encoding="utf-8")
    with pytest.raises(CaseworkError, match="어떤 연습인지 알 수 없습니다"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), bad, out)


def test_exercise_id_falls_back_to_the_file_number(tmp_path):
    """Without metadata, is the exercise id the number the file name starts with?"""
    nb = read(TEMPLATE)
    assert "casework" not in nb.metadata
    assert assign.exercise_id_of(nb, "07_목표.ipynb") == "07"
    assert assign.exercise_id_of(nb, "목표.ipynb") is None


@pytest.mark.parametrize(("exercise", "words"), [("없는.ipynb", "파일이 없습니다"), ("cohort.csv", "\\.ipynb")])
def test_bad_exercise_paths(tmp_path, out, exercise, words):
    """Are a missing exercise and a non-notebook exercise refused?"""
    path = cohort(tmp_path, "이름\n가\n")
    with pytest.raises(CaseworkError, match=words):
        assign.assign(path, tmp_path / exercise, out)


@pytest.mark.parametrize("seed_base", [-1, True, 1.5])
def test_bad_seed_base(tmp_path, out, seed_base):
    """Is a negative or non-integer seed base refused?"""
    with pytest.raises(CaseworkError, match="--seed-base"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), TEMPLATE, out, seed_base=seed_base)


def test_out_is_a_file(tmp_path):
    """Is --out pointing at a file refused?"""
    (tmp_path / "file").write_text("x")
    with pytest.raises(CaseworkError, match="폴더가 아니라 파일"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), TEMPLATE, tmp_path / "file")


def test_parameter_defaults_reads_literals():
    """Are the parameters cell's literal defaults read?"""
    assert assign.parameter_defaults(read(TEMPLATE)) == {
        "learner": "학습자", "case_id": "elderly_alone", "seed": 0, "show_hints": True, "show_solutions": True,
    }


def test_awkward_names_survive_as_python_values(tmp_path, out):
    """Do quotes and backslashes in a name reach the notebook exactly, as valid Python?"""
    name = "O'Neil \"\\ 김"
    result = assign.assign(cohort(tmp_path, '이름\n"O\'Neil ""\\ 김"\n'), TEMPLATE, out)
    nb = read(result.assignments[0].path)
    namespace: dict[str, object] = {}
    exec(nb.cells[3].source, namespace)
    assert namespace["learner"] == name


# --------------------------------------------------------------------------- the command


def test_assign_command_prints_table_and_exits_0(tmp_path, capsys):
    """Does 'casework assign' print a Korean table and summary and exit 0?"""
    path = cohort(tmp_path, "이름,사례\n홍길동,sick_child\n", "cp949")
    code, out, err = run_cli(capsys, "assign", "--cohort", str(path), "--exercise", str(TEMPLATE),
                             "--out", str(tmp_path / "o"))
    assert code == 0, err
    assert out.splitlines()[0].split() == ["줄", "이름", "사례", "시드", "파일", "결과"]
    assert "홍길동  sick_child" in out and "07_목표_설정_연습_홍길동.ipynb" in out
    assert "학습자 1명의 노트북을" in out and "새로 만듦 1" in out


def test_assign_command_lists_bad_rows_and_exits_1(tmp_path, capsys):
    """Does a bad row show its line number on stderr, exit 1, and the rest still get files?"""
    path = cohort(tmp_path, "이름,시드\n가,\n나,일\n")
    code, _out, err = run_cli(capsys, "assign", "--cohort", str(path), "--exercise", str(TEMPLATE),
                             "--out", str(tmp_path / "o"))
    assert code == 1
    assert "  - 3번째 줄: (나) 시드 '일'는 0부터 4294967295까지의 정수가 아닙니다." in err
    assert (tmp_path / "o" / "07_목표_설정_연습_가.ipynb").exists()


def test_assign_command_says_how_to_overwrite(tmp_path, capsys):
    """When files exist, does the command say so and mention --force?"""
    path = cohort(tmp_path, "이름\n가\n")
    argv = ["assign", "--cohort", str(path), "--exercise", str(TEMPLATE), "--out", str(tmp_path / "o")]
    run_cli(capsys, *argv)
    (tmp_path / "o" / "07_목표_설정_연습_가.ipynb").write_text("x")
    code, out, _ = run_cli(capsys, *argv)
    assert code == 0 and "건너뜀(이미 있음)" in out and "--force" in out


def test_assign_command_missing_column_exit_2_nothing_written(tmp_path, capsys):
    """Is a cohort without 이름 a one-line Korean error with exit 2 and no folder?"""
    path = cohort(tmp_path, "학생\n가\n")
    code, out, err = run_cli(capsys, "assign", "--cohort", str(path), "--exercise", str(TEMPLATE),
                             "--out", str(tmp_path / "o"))
    assert code == 2 and out == "" and err.startswith("오류: cohort.csv: 첫 줄에 '이름' 열이 없습니다")
    assert err.count("\n") == 1 and not (tmp_path / "o").exists()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["assign"], "꼭 필요한 인자가 빠졌습니다"),
        (["assign", "--cohort", "c", "--exercise", "e", "--out", "o", "--seed-base", "x"], "--seed-base에는 숫자를"),
    ],
)
def test_assign_usage_errors(capsys, argv, words):
    """Are usage mistakes Korean with exit code 2?"""
    code, _, err = run_cli(capsys, *argv)
    assert code == 2 and words in err


def test_assign_help(capsys):
    """Does 'assign --help' describe the cohort columns and every option?"""
    code, out, _ = run_cli(capsys, "assign", "--help")
    assert code == 0
    for words in ("--cohort CSV", "--exercise IPYNB", "--out DIR", "--seed-base N", "--force", "이름", "CP949"):
        assert words in out


# --------------------------------------------------------------------------- manifest, seeds, solutions


def test_assign_writes_a_manifest_with_identity_and_fingerprints(tmp_path, out):
    """Does the manifest record each learner's file, case, seed and token, and the issued cells?"""
    from casework.manifest import read_manifest

    assign.assign(cohort(tmp_path, "이름,사례,시드,사용자\n홍길동,sick_child,3,hong\n김영희,,,\n"), TEMPLATE, out)
    manifest = read_manifest(out / "casework-manifest.json")
    assert manifest.exercise == "07" and manifest.show_solutions is False
    first, second = manifest.learners
    assert (first.learner, first.case_id, first.seed, first.user) == ("홍길동", "sick_child", 3, "hong")
    assert (second.learner, second.case_id, second.seed, second.user) == ("김영희", "elderly_alone", 1, None)
    assert read(out / first.file).metadata.casework.token == first.token != second.token
    assert [c.kind for c in manifest.cells].count("answer") == 4


def test_running_again_keeps_tokens_and_files(tmp_path, out):
    path = cohort(tmp_path, "이름\n가\n나\n")
    assign.assign(path, TEMPLATE, out)
    before = (out / "casework-manifest.json").read_text(encoding="utf-8")
    again = assign.assign(path, TEMPLATE, out)
    assert {a.status for a in again.assignments} == {assign.WriteStatus.UNCHANGED}
    after = (out / "casework-manifest.json").read_text(encoding="utf-8")
    assert [e["token"] for e in json.loads(before)["learners"]] == [e["token"] for e in json.loads(after)["learners"]]


def test_default_seeds_never_collide_with_given_ones(tmp_path, out):
    """A8: '가,,1' and '라,,' must not both get seed 1 for the same case."""
    result = assign.assign(cohort(tmp_path, "이름,사례,시드\n가,,1\n라,,\n"), TEMPLATE, out)
    assert [a.seed for a in result.assignments] == [1, 2]
    assert result.warnings == ()


def test_given_seeds_that_collide_are_warned_about(tmp_path, out):
    result = assign.assign(cohort(tmp_path, "이름,시드\n가,5\n나,5\n"), TEMPLATE, out)
    assert len(result.warnings) == 1 and "가" in result.warnings[0] and "나" in result.warnings[0]


def test_unclosed_quote_is_reported_not_made_a_learner(tmp_path, out):
    """A29: a row with an unclosed quote is reported by line; no learner '닫히지 않은,,' is made."""
    result = assign.assign(cohort(tmp_path, '이름,사례,시드\n가나다,,1\n"닫히지 않은,,\n'), TEMPLATE, out)
    assert [a.learner.name for a in result.assignments] == ["가나다"]
    assert [p.line for p in result.problems] == [3] and "따옴표" in result.problems[0].message


def test_a_solution_notebook_is_refused_unless_allowed(tmp_path, out):
    """A33: handing out solutions/ needs --allow-solutions."""
    solution = TEMPLATE.parents[1] / "solutions" / TEMPLATE.name
    with pytest.raises(CaseworkError, match="해답 노트북"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), solution, out)
    assert not out.exists()
    assert assign.assign(cohort(tmp_path, "이름\n가\n"), solution, out, allow_solutions=True).ok


def test_a_folder_holding_another_exercise_is_refused(tmp_path, out):
    assign.assign(cohort(tmp_path, "이름\n가\n"), TEMPLATE, out)
    other = TEMPLATE.parent / "04_초기상담_연습.ipynb"
    with pytest.raises(CaseworkError, match="다른 연습 노트북"):
        assign.assign(cohort(tmp_path, "이름\n가\n"), other, out)
