"""Tests for casework.exercises: parameters, practice data, answers in plain Korean, every
question's judge and model answer, blanks, the hint ladder, strict mode and records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casework import checks
from casework.cases import case_ids
from casework.datafiles import load_yaml_model
from casework.errors import CaseworkError
from casework.exercises import MIME_TYPE, STRICT_ENV, exercise_ids, exercise_spec, exercise_text, new_checker, start
from casework.exercises.cells import parse_answer_cell
from casework.exercises.practice import PracticeData
from casework.exercises.spec import ExerciseText
from casework.judging.feedback import Level, Status

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ["elderly_alone", "sick_child", "low_grades", "no_living_money", "drinking_violence"]
RECORD_KEYS = {"exercise", "question", "status", "score", "summary", "points", "learner", "case_id", "seed",
               "attempt", "hint_used", "solution_seen"}


def make(exercise_id: str, case_id: str = "sick_child", seed: int = 0, **kw):
    params = {"learner": "테스트", "case_id": case_id, "seed": seed}
    params.update(kw)
    return new_checker(exercise_id, **params)


@pytest.fixture(autouse=True)
def no_strict_env(monkeypatch):
    monkeypatch.delenv(STRICT_ENV, raising=False)


# --------------------------------------------------------------------------- parameters


def test_good_parameters_build_a_checker():
    checker = start("07", learner=" 홍길동 ", case_id="low_grades", seed=3, show_hints=True)
    assert (checker.exercise_id, checker.learner, checker.case_id, checker.seed) == ("07", "홍길동", "low_grades", 3)
    assert checker.show_hints is True and checker.show_solutions is True and checker.strict is False
    assert checker.question_ids == ("q1", "q2", "q3", "q4")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"seed": "x"}, "0부터 4294967295까지의 정수"),
        ({"seed": True}, "True/False"),
        ({"seed": -1}, "0부터"),
        ({"seed": 1.0}, "0부터"),
        ({"seed": 2**32}, "4294967295"),
        ({"case_id": "nope"}, ", ".join(BUNDLED)),
        ({"case_id": "sick_chld"}, "혹시 'sick_child'"),
        ({"case_id": 3}, ", ".join(BUNDLED)),
        ({"show_hints": "yes"}, "True 또는 False"),
        ({"show_solutions": 1}, "show_solutions"),
        ({"learner": ""}, "learner"),
        ({"learner": None}, "learner"),
        ({"strict": "yes"}, "strict"),
    ],
)
def test_bad_parameters_raise_with_the_allowed_values(change, expected):
    params = {"learner": "홍길동", "case_id": "sick_child", "seed": 0, "show_hints": True}
    params.update(change)
    with pytest.raises(CaseworkError, match="parameters 셀") as err:
        start("07", **params)
    assert expected in str(err.value)


def test_numpy_integer_seed_is_accepted():
    np = pytest.importorskip("numpy")
    assert make("07", seed=np.int64(3)).seed == 3


def test_unknown_exercise_lists_the_exercises():
    with pytest.raises(CaseworkError, match="04, 05, 06, 07, 08, 11"):
        start("99", learner="홍길동", case_id="sick_child", seed=0, show_hints=True)


def test_bundled_cases_are_all_accepted():
    assert set(BUNDLED) <= set(case_ids())
    for case in BUNDLED:
        assert make("07", case).case_id == case


def test_exercise_ids_and_specs():
    assert set(exercise_ids()) >= {"04", "05", "06", "07", "08", "11"}
    spec = exercise_spec("07")
    assert list(spec) == ["q1", "q2", "q3", "q4"] and spec.exercise_id == "07" and spec.title
    with pytest.raises(CaseworkError, match="없는 연습 번호"):
        exercise_spec("99")


def test_the_old_checks_module_still_works():
    """Do notebooks handed out before (``from casework import checks``) still run?"""
    checker = checks.start("07", learner="홍길동", case_id="sick_child", seed=0, show_hints=True)
    assert checker("q4", ["현재 상태/관심사", "향후 원하는 상태", "행동/변화 전략"]).status is Status.CORRECT


# --------------------------------------------------------------------------- course text


def test_every_question_has_a_prompt_form_and_hints():
    for exercise_id in exercise_ids():
        for q in exercise_text(exercise_id).questions:
            assert q.prompt.strip() and q.form.strip() and q.hints
            assert "answer" not in q.prompt and 'data["' not in q.prompt, (exercise_id, q.id)


def _with(tmp_path, exercise_id: str, **changes) -> Path:
    import yaml

    data = yaml.safe_load((ROOT / "casework" / "data" / "exercises" / f"{exercise_id}.yaml").read_text(encoding="utf-8"))
    data.update(changes)
    path = tmp_path / f"{exercise_id}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_flawed_goal_with_no_mistake_is_refused_on_load(tmp_path):
    with pytest.raises(CaseworkError, match="계획 실수"):
        load_yaml_model(_with(tmp_path, "07", flawed_goals=["어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다"]),
                        ExerciseText)


def test_questions_out_of_order_are_refused(tmp_path):
    text = exercise_text("07")
    questions = [q.model_dump() for q in text.questions]
    questions[0]["id"], questions[1]["id"] = "q2", "q1"
    with pytest.raises(CaseworkError, match="q1부터 차례대로"):
        load_yaml_model(_with(tmp_path, "07", questions=questions), ExerciseText)


def test_a_question_without_hints_is_refused(tmp_path):
    questions = [q.model_dump() for q in exercise_text("07").questions]
    questions[0]["hints"] = []
    with pytest.raises(CaseworkError, match="hints"):
        load_yaml_model(_with(tmp_path, "07", questions=questions), ExerciseText)


def test_share_text_needs_its_placeholders(tmp_path):
    with pytest.raises(CaseworkError, match="자리가 없습니다"):
        load_yaml_model(_with(tmp_path, "11", share_texts=["이름도 번호도 없는 글"]), ExerciseText)


# --------------------------------------------------------------------------- practice data


def _plain(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, default=lambda v: v.to_dict() if hasattr(v, "to_dict") else str(v),
                      sort_keys=True)


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_practice_data_is_deterministic(exercise_id):
    assert _plain(make(exercise_id, "drinking_violence", 5).practice_data()) == \
        _plain(make(exercise_id, "drinking_violence", 5).practice_data())


@pytest.mark.parametrize("exercise_id", ["04", "05", "07", "08", "11"])
def test_practice_data_varies_with_the_seed(exercise_id):
    assert len({_plain(make(exercise_id, "elderly_alone", s).practice_data()) for s in range(6)}) > 1


def test_changing_practice_data_changes_no_judgement():
    checker = make("05", seed=4)
    data = checker.practice_data()
    total = sum(data["kadl"].values())
    data["kadl"]["옷 입기"] = 3 if data["kadl"]["옷 입기"] != 3 else 1
    assert checker.judge("q1", str(total)).status is Status.CORRECT


def test_show_gives_only_what_a_question_uses_without_python():
    data = make("05").practice_data()
    part = data.show("q1")
    assert list(part) == ["kadl"]
    assert "K-ADL" in part._repr_html_() and "data[" not in part._repr_html_() + part.to_text()
    with pytest.raises(CaseworkError, match="q1, q2"):
        data.show("q9")


def test_practice_html_shows_tables_and_empty_lists():
    html = PracticeData({"case_history": [{"날짜": "2024-01-01", "단계": "개입"}], "needs": []}, {})._repr_html_()
    assert ">날짜</th>" in html and "(없음)" in html


# --------------------------------------------------------------------------- model answers: every exercise, case and seed


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_model_answers_are_plain_text_and_judged_correct(exercise_id):
    """Is every question's model answer plain Korean (no Python) and judged correct, for every case and seed?"""
    for case in BUNDLED:
        for seed in range(4):
            checker = make(exercise_id, case, seed)
            for question in checker.question_ids:
                text = checker.model_answer(question)
                assert isinstance(text, str) and text.strip()
                assert not any(mark in text for mark in ("[", "{", '"')), text
                result = checker.judge(question, text)
                assert result.status is Status.CORRECT, (exercise_id, case, seed, question, text, result.to_text())


# --------------------------------------------------------------------------- blank and malformed answers


BLANKS = [..., None, "", "   ", "\n\n", "# 안내만 있는 칸\n", [], (), {}, [...]]


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_blank_answers_are_unanswered_for_every_question(exercise_id):
    checker = make(exercise_id)
    for question_id in checker.question_ids:
        for blank in BLANKS:
            result = checker.judge(question_id, blank)
            assert result.status is Status.UNANSWERED and result.score == 0.0, (question_id, blank)
            assert "답 쓰는 법" in result.points[0]


@pytest.mark.parametrize(("exercise_id", "question", "answer", "words"), [
    ("05", "q1", "열다섯", "숫자로"),
    ("05", "q1", "12\n13", "한 줄에"),
    ("07", "q1", "9", "1부터 7까지"),
    ("07", "q2", "환경", "보기에 없습니다"),
    ("07", "q2", "4. 관계 변화", "번호나 이름 가운데 하나만"),
    ("04", "q3", "아마도", "'예' 또는 '아니오'"),
    ("06", "q1", "병원비 좀 지원해 주세요 요구", "쌍점"),
    ("11", "q1", "기타: 가○○ (1941-03)", "'두 곳 이상:'"),
])
def test_malformed_answers_get_korean_guidance(exercise_id, question, answer, words):
    """Does an answer that cannot be read get a Korean message saying how to write it, not an exception?"""
    result = make(exercise_id).judge(question, answer)
    assert result.status is Status.INCORRECT
    assert any(words in p for p in result.points), result.points
    assert any(p.startswith("답 쓰는 법") for p in result.points) or (question == "q1" and exercise_id == "11")


# --------------------------------------------------------------------------- the ladder


def test_first_wrong_try_never_shows_the_answer(capsys):
    checker = make("07", "elderly_alone", 0)
    right = checker.model_answer("q2")
    wrong = next(n for n in ("1", "2", "3", "4", "5", "6") if checker.judge("q2", n).status is not Status.CORRECT)
    result = checker.check("q2", wrong)
    shown = capsys.readouterr().out
    assert right not in shown and result.solution == right
    checker.check("q2", wrong, Level.SOLUTION)
    assert right in capsys.readouterr().out


def test_hints_and_solutions_can_be_switched_off(capsys):
    checker = make("07", show_hints=False, show_solutions=False)
    result = checker.check("q3", "어르신이 운동을 한다", Level.SOLUTION)
    out = capsys.readouterr().out
    assert "힌트를 볼 수 없습니다" in out and "풀이를 볼 수 없습니다" in out
    assert result.solution not in out and not result.record()["hint_used"]


def test_attempts_and_ladder_use_are_recorded():
    checker = make("07")
    checker.check("q3", "어르신이 운동을 한다")
    checker.check("q3", "어르신이 운동을 한다", Level.HINT)
    record = checker.check("q3", "어르신이 3개월 안에 주 3회 이상 30분씩 걷기 운동을 한다").record()
    assert record["attempt"] == 3 and record["hint_used"] is True and record["solution_seen"] is False


def test_run_cell_reads_the_first_line():
    checker = make("07", "elderly_alone", 0)
    assert checker.run_cell("q4", checker.model_answer("q4")).status is Status.CORRECT
    assert checker.run_cell("q4 힌트", "").level is Level.HINT
    with pytest.raises(CaseworkError, match="힌트"):
        checker.run_cell("q4 아무말", "")
    with pytest.raises(CaseworkError, match="없는 문제 번호"):
        checker.run_cell("q9", "")


@pytest.mark.parametrize(("source", "question", "level", "body"), [
    ("%%답 q1\n3", "q1", Level.CHECK, "3"),
    ("%%답 q2 힌트\n가\n나", "q2", Level.HINT, "가\n나"),
    ("%%답 q3 풀이\n", "q3", Level.SOLUTION, ""),
    ("%%답   q4  \n- a", "q4", Level.CHECK, "- a"),
])
def test_answer_cells_parse(source, question, level, body):
    parsed = parse_answer_cell(source)
    assert (parsed.question, parsed.level, parsed.body, parsed.problem) == (question, level, body, "")


@pytest.mark.parametrize("source", ["answer1 = 3", "%답 q1\n3", "# %%답 q1"])
def test_other_cells_are_not_answer_cells(source):
    assert parse_answer_cell(source) is None


# --------------------------------------------------------------------------- strict mode


def test_strict_mode_raises_on_a_blank_and_a_wrong_answer(capsys):
    with pytest.raises(CaseworkError, match=r"엄격 모드.*unanswered"):
        make("07", strict=True).check("q3", "")
    with pytest.raises(CaseworkError, match="q3"):
        make("07", strict=True).check("q3", "도시락 배달 서비스를 연계한다")
    assert "다시 생각해 보세요" in capsys.readouterr().out


@pytest.mark.parametrize("value", ["1", "true", "YES"])
def test_strict_mode_from_the_environment(monkeypatch, value):
    monkeypatch.setenv(STRICT_ENV, value)
    assert make("07").strict is True


def test_unknown_question_id_raises_with_the_list():
    with pytest.raises(CaseworkError, match="q1, q2, q3, q4"):
        make("07").judge("q7", "답")


# --------------------------------------------------------------------------- records and display


def test_record_has_the_contract_fields():
    checker = make("08", "low_grades", 2, learner="홍길동")
    record = checker.check("q5", "요즘 어떻게 지내시는지 이야기해 주시겠어요?").record()
    assert set(record) == RECORD_KEYS
    assert (record["exercise"], record["question"], record["status"], record["score"]) == ("08", "q5", "correct", 1.0)
    assert (record["learner"], record["case_id"], record["seed"]) == ("홍길동", "low_grades", 2)
    json.dumps(record, ensure_ascii=False)


def test_inside_ipython_html_and_record_are_displayed_once(monkeypatch):
    from casework.exercises import checker as checker_module

    shown = []
    import IPython.display

    monkeypatch.setattr(checker_module, "_ipython_shell", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    make("07").check("q4", "현재 상태/관심사\n향후 원하는 상태\n행동/변화 전략")
    assert len(shown) == 1 and shown[0][1] is True
    assert set(shown[0][0]) == {"text/html", "text/plain", MIME_TYPE}
    assert "casework-feedback" in shown[0][0]["text/html"]


def test_the_answer_magic_in_a_real_ipython_shell():
    """Does ``%%답`` in a real shell show one result and leave the answer as plain text?"""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    try:
        shell.user_ns.update(learner="홍길동", case_id="elderly_alone", seed=0)
        shell.run_cell("from casework.exercises import start\n"
                       "check = start('07', learner=learner, case_id=case_id, seed=seed)")
        with capture_output() as captured:
            shell.run_cell("%%답 q2\n환경 변화가 아닐까")
        assert len(captured.outputs) == 1 and MIME_TYPE in captured.outputs[0].data
        assert captured.outputs[0].data[MIME_TYPE]["status"] == "incorrect"
    finally:
        InteractiveShell.clear_instance()


def test_importing_the_runtime_loads_no_notebook_libraries():
    code = ("import sys, casework.exercises, casework.checks\n"
            "print([m for m in ('IPython', 'ipywidgets', 'matplotlib') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_checker_summary_shows_learner_case_and_seed():
    checker = make("06", "low_grades", 9, learner="김학습")
    for text in (checker._repr_html_(), repr(checker)):
        assert "김학습" in text and "low_grades" in text and ">9<" in text.replace("연습 자료 번호: 9", ">9<")


# --------------------------------------------------------------------------- per exercise


def test_04_choices_by_name_or_number():
    from casework.assessment import ProcessingType, triage_intake
    from casework.interview import QuestionMistake, check_question

    checker = make("04", "sick_child", 3)
    mistake = check_question(checker.practice_data()["question_to_check"])[0].mistake
    assert checker.judge("q2", mistake.value).status is Status.CORRECT
    assert checker.judge("q2", str(list(QuestionMistake).index(mistake) + 1)).status is Status.CORRECT
    expected = triage_intake(checker._private["intake"]).processing_type
    for answer in (expected.value, str(expected.number), f"{expected.number}번", expected.label):
        assert checker.judge("q4", answer).status is Status.CORRECT, answer
    wrong = next(p for p in ProcessingType if p is not expected)
    result = checker.judge("q4", str(wrong.number))
    assert result.status is Status.INCORRECT and expected.value not in result.to_text()


def test_04_intake_covers_all_four_processing_types():
    from casework.assessment import triage_intake

    found = {triage_intake(make("04", c, s)._private["intake"]).processing_type for c in BUNDLED for s in range(8)}
    assert len(found) == 4


def test_05_lists_and_tables_score_partially():
    from casework.assessment import score_kadl

    checker = make("05", "elderly_alone", 2)
    needs_help = list(score_kadl(checker.practice_data()["kadl"]).needs_help)
    assert len(needs_help) >= 2
    assert checker.judge("q2", "\n".join(reversed(needs_help))).status is Status.CORRECT
    half = checker.judge("q2", needs_help[0])
    assert half.status is Status.PARTIAL and 0 < half.score < 1
    assert checker.judge("q2", "\n".join([*needs_help, "없는 항목"])).status is Status.PARTIAL
    need = make("05", "elderly_alone", 0)._private["need"]
    lines = {r.name: r.sector.value for r in need.resources}
    first = need.resources[0]
    lines[first.name] = "비공식" if first.sector.value != "비공식" else "공적"
    result = make("05", "elderly_alone", 0).judge("q4", "\n".join(f"{k}: {v}" for k, v in lines.items()))
    assert result.status is Status.PARTIAL
    assert first.sector.value not in result.points[0].split("나누었습니다.")[0].replace(lines[first.name], "")


def test_08_gas_t_score_within_a_hundredth():
    from casework.monitoring import gas_t_score

    checker = make("08", "sick_child", 6)
    expected = gas_t_score(checker.practice_data()["gas"]["수준"])
    assert checker.judge("q1", f"{expected + 0.009:.3f}").status is Status.CORRECT
    assert checker.judge("q1", f"{expected:.2f}점").status is Status.CORRECT
    assert checker.judge("q1", f"{expected + 0.02:.2f}").status is Status.INCORRECT


def test_08_next_step_covers_several_steps():
    from casework.process import next_step

    seen = {next_step(make("08", "low_grades", seed)._private["record"]) for seed in range(10)}
    assert len(seen) >= 4


def test_11_agency_lists_and_masking():
    checker = make("11", "elderly_alone", 3)
    assert checker.judge("q1", checker.model_answer("q1")).status is Status.CORRECT
    assert checker.judge("q1", "두 곳 이상: 없는 사람 (1900-01)\n누락: 없음").status is Status.INCORRECT
    data = checker.practice_data()
    assert checker.judge("q2", data["share_text"]).status is Status.INCORRECT
    assert checker.judge("q2", checker.model_answer("q2") + " 덧붙인 말").status is Status.PARTIAL


def test_an_answer_cell_run_before_setup_says_what_to_do():
    """Does %%답 before the setup cell give the Korean guidance, not 'Cell magic not found'?"""
    from IPython.core.interactiveshell import InteractiveShell

    from casework.exercises.magic import BEFORE_SETUP, load_ipython_extension

    shell = InteractiveShell.instance()
    try:
        load_ipython_extension(shell)
        result = shell.run_cell("%%답 q1\n3")
        assert isinstance(result.error_in_exec, CaseworkError) and str(result.error_in_exec) == BEFORE_SETUP
    finally:
        InteractiveShell.clear_instance()


def test_every_kernel_loads_the_answer_extension():
    """Does the kernel config tasks.py installs load casework.exercises.magic?"""
    config = (ROOT / "jupyter" / "ipython_kernel_config.py").read_text(encoding="utf-8")
    assert '"casework.exercises.magic"' in config
    assert "ipython_kernel_config.py" in (ROOT / "tasks.py").read_text(encoding="utf-8")
