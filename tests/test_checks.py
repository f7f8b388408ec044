"""Tests for casework.checks: parameters, practice data, every judge, blanks, strict mode, records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casework import checks
from casework.cases import case_ids
from casework.datafiles import load_yaml_model
from casework.errors import CaseworkError, DataFileError
from casework.feedback import Feedback, Status

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ["elderly_alone", "sick_child", "low_grades", "no_living_money", "drinking_violence"]
RECORD_KEYS = {"exercise", "question", "status", "score", "summary", "points", "learner", "case_id", "seed"}


def make(exercise_id: str, case_id: str = "sick_child", seed: int = 0, **kw) -> checks.Checker:
    params = {"learner": "테스트", "case_id": case_id, "seed": seed, "show_hints": False}
    params.update(kw)
    return checks.start(exercise_id, **params)


@pytest.fixture(autouse=True)
def no_strict_env(monkeypatch):
    monkeypatch.delenv(checks.STRICT_ENV, raising=False)


# --------------------------------------------------------------------------- parameters


def test_good_parameters_build_a_checker():
    """Does start() with valid parameters give a checker that remembers them?"""
    checker = checks.start("07", learner=" 홍길동 ", case_id="low_grades", seed=3, show_hints=True)
    assert (checker.exercise_id, checker.learner, checker.case_id, checker.seed) == ("07", "홍길동", "low_grades", 3)
    assert checker.show_hints is True and checker.strict is False
    assert checker.question_ids == ("q1", "q2", "q3", "q4")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"seed": "x"}, "0 이상의 정수"),
        ({"seed": True}, "True/False"),
        ({"seed": -1}, "0 이상의 정수"),
        ({"seed": 1.0}, "0 이상의 정수"),
        ({"case_id": "nope"}, ", ".join(BUNDLED)),
        ({"case_id": "sick_chld"}, "혹시 'sick_child'"),
        ({"case_id": 3}, ", ".join(BUNDLED)),
        ({"show_hints": "yes"}, "True 또는 False"),
        ({"show_hints": 1}, "True 또는 False"),
        ({"learner": ""}, "learner"),
        ({"learner": "   "}, "learner"),
        ({"learner": None}, "learner"),
        ({"strict": "yes"}, "strict"),
    ],
)
def test_bad_parameters_raise_with_the_allowed_values(change, expected):
    """Does every bad parameter stop start() with a Korean message naming what is allowed?"""
    params = {"learner": "가", "case_id": "sick_child", "seed": 0, "show_hints": True}
    params.update(change)
    with pytest.raises(CaseworkError) as info:
        checks.start("07", **params)
    assert expected in str(info.value)
    assert "parameters 셀" in str(info.value)


def test_unknown_exercise_lists_the_exercises():
    """Does an unknown exercise id name the ones that exist?"""
    with pytest.raises(CaseworkError, match="04, 05, 06, 07, 08, 11"):
        checks.start("09", learner="가", case_id="sick_child", seed=0, show_hints=True)
    with pytest.raises(CaseworkError, match="04, 05, 06, 07, 08, 11"):
        checks.start(7, learner="가", case_id="sick_child", seed=0, show_hints=True)


def test_several_bad_parameters_are_reported_together():
    """Are all bad parameters named in one message, so one fix round is enough?"""
    with pytest.raises(CaseworkError) as info:
        checks.start("07", learner="", case_id="nope", seed="x", show_hints="yes")
    message = str(info.value)
    for part in ("learner", "case_id", "seed", "show_hints"):
        assert part in message


def test_bundled_cases_are_all_accepted():
    """Can every bundled case id be used for every exercise?"""
    assert set(BUNDLED) <= set(case_ids())
    for exercise_id in checks.exercise_ids():
        for case_id in BUNDLED:
            assert make(exercise_id, case_id).case_id == case_id


# --------------------------------------------------------------------------- spec and course text


def test_exercise_ids_cover_the_required_chapters():
    """Do the chapters 04, 05, 06, 07, 08 and 11 each have an exercise?"""
    assert {"04", "05", "06", "07", "08", "11"} <= set(checks.exercise_ids())


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_exercise_spec_lists_question_ids_in_order(exercise_id):
    """Does exercise_spec give q1, q2, … in order, as a tuple with the exercise's id and title?"""
    spec = checks.exercise_spec(exercise_id)
    assert spec == tuple(f"q{i}" for i in range(1, len(spec) + 1))
    assert 3 <= len(spec) <= 5
    assert spec.exercise_id == exercise_id and spec.title
    assert spec.question_ids == tuple(spec)
    assert make(exercise_id).question_ids == tuple(spec)


def test_exercise_spec_refuses_an_unknown_id():
    """Does exercise_spec refuse an id with no exercise?"""
    with pytest.raises(CaseworkError, match="04, 05"):
        checks.exercise_spec("99")


def test_every_question_has_a_korean_prompt_and_hint():
    """Has every question a non-empty Korean prompt and hint?"""
    for exercise_id in checks.exercise_ids():
        for question in checks.exercise_text(exercise_id).questions:
            assert any("가" <= ch <= "힣" for ch in question.prompt)
            assert any("가" <= ch <= "힣" for ch in question.hint)


def _yaml(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "07.yaml"
    path.write_text(
        'id: "07"\ntitle: 연습\nnotebook: 07_x\nchapter: 07_y\n'
        "questions:\n  - {id: q1, title: 제목, prompt: 설명, hint: 힌트}\n" + extra,
        encoding="utf-8",
    )
    return path


def test_a_flawed_goal_with_no_mistake_is_refused_on_load(tmp_path):
    """Is a practice goal that check_goal finds nothing wrong with refused when the file loads?"""
    path = _yaml(tmp_path, "flawed_goals:\n  - 어르신이 3개월 안에 주 3회 이상 이웃과 함께 식사한다\n")
    with pytest.raises(DataFileError, match="꼭 하나만"):
        load_yaml_model(path, checks.ExerciseText)


def test_a_flawed_question_with_two_mistakes_is_refused_on_load(tmp_path):
    """Is a practice question with more than one questioning mistake refused?"""
    path = _yaml(tmp_path, "flawed_questions:\n  - 남편분이 생활비를 주지 않으시는 것은 아니지 않나요?\n")
    with pytest.raises(DataFileError, match="꼭 하나만"):
        load_yaml_model(path, checks.ExerciseText)


def test_questions_out_of_order_are_refused(tmp_path):
    """Are question ids that skip a number refused?"""
    path = tmp_path / "07.yaml"
    path.write_text(
        'id: "07"\ntitle: 연습\nnotebook: a\nchapter: b\nquestions:\n'
        "  - {id: q1, title: 가, prompt: 나, hint: 다}\n  - {id: q3, title: 가, prompt: 나, hint: 다}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="q1부터 차례대로"):
        load_yaml_model(path, checks.ExerciseText)


def test_unknown_monitoring_method_is_refused(tmp_path):
    """Is a monitoring scene with a method the library does not know refused?"""
    path = _yaml(tmp_path, "monitoring_scenarios:\n  - {text: 전화했다, method: 텔레파시}\n")
    with pytest.raises(DataFileError, match="점검 방법"):
        load_yaml_model(path, checks.ExerciseText)


def test_share_text_needs_its_placeholders(tmp_path):
    """Is a share text without the {rrn} placeholder refused?"""
    path = _yaml(tmp_path, 'share_texts:\n  - "{name} 님 연락처 {phone}"\n')
    with pytest.raises(DataFileError, match="rrn"):
        load_yaml_model(path, checks.ExerciseText)


# --------------------------------------------------------------------------- practice data


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_practice_data_is_deterministic(exercise_id):
    """Do the same exercise, case and seed always give the same practice data?"""
    first = make(exercise_id, "drinking_violence", 5).practice_data()
    second = make(exercise_id, "drinking_violence", 5).practice_data()
    assert _plain(first) == _plain(second)


@pytest.mark.parametrize("exercise_id", ["04", "05", "07", "08", "11"])
def test_practice_data_varies_with_the_seed(exercise_id):
    """Do different seeds give different practice data (personalisation)?"""
    seen = {json.dumps(_plain(make(exercise_id, "elderly_alone", s).practice_data()), ensure_ascii=False, default=str)
            for s in range(6)}
    assert len(seen) > 1


@pytest.mark.parametrize("exercise_id", ["04", "06", "07"])
def test_practice_data_varies_with_the_case(exercise_id):
    """Does the chosen case change the practice material?"""
    a = _plain(make(exercise_id, "sick_child", 1).practice_data())
    b = _plain(make(exercise_id, "no_living_money", 1).practice_data())
    assert a != b


def _plain(data: dict) -> dict:
    out = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = {k: (v.to_dict() if hasattr(v, "to_dict") else v) for k, v in value.items()}
        elif hasattr(value, "to_dict"):
            value = value.to_dict()
        out[key] = value
    return out


def test_changing_practice_data_changes_no_judgement():
    """If a learner edits the data dict, is the answer still judged against the original?"""
    checker = make("05", seed=4)
    data = checker.practice_data()
    total = sum(data["kadl"].values())
    data["kadl"]["옷 입기"] = 3 if data["kadl"]["옷 입기"] != 3 else 1
    assert checker.judge("q1", total).status is Status.CORRECT
    assert checker.practice_data()["kadl"] != data["kadl"]


def test_show_gives_only_what_a_question_uses():
    """Does data.show('q1') keep only the keys question q1 uses, and refuse an unknown question?"""
    data = make("05").practice_data()
    part = data.show("q1")
    assert list(part) == ["kadl"]
    assert "K-ADL" in part._repr_html_() and 'data["kadl"]' in part.to_text()
    with pytest.raises(CaseworkError, match="q1, q2"):
        data.show("q9")


def test_practice_html_shows_tables_and_empty_lists():
    """Are record lists shown as a table and an empty list as (없음)?"""
    html = checks.PracticeData({"case_history": [{"날짜": "2024-01-01", "단계": "개입"}], "needs": []}, {})._repr_html_()
    assert "<th style='text-align:left'>날짜</th>" in html
    assert "(없음)" in html


# --------------------------------------------------------------------------- blank answers and strict mode


BLANKS = [..., None, "", "   ", [], (), {}, set(), [...], {...}]


@pytest.mark.parametrize("exercise_id", ["04", "05", "06", "07", "08", "11"])
def test_blank_answers_are_unanswered_for_every_question(exercise_id):
    """Is every kind of blank answer 'unanswered' (score 0) for every question, without raising?"""
    checker = make(exercise_id)
    for question_id in checker.question_ids:
        for blank in BLANKS:
            result = checker.judge(question_id, blank)
            assert result.status is Status.UNANSWERED, (question_id, blank)
            assert result.score == 0.0


def test_blank_answer_is_shown_and_never_raises(capsys):
    """Does check() on a blank answer print the unanswered feedback instead of raising?"""
    result = make("07")("q3", ...)
    assert result.status is Status.UNANSWERED
    assert "아직 답하지 않았습니다" in capsys.readouterr().out


def test_strict_mode_raises_on_a_blank_answer(capsys):
    """In strict mode, does a blank answer raise (so a solution with a blank fails)?"""
    with pytest.raises(CaseworkError, match="엄격 모드.*unanswered"):
        make("07", strict=True)("q3", ...)


def test_strict_mode_raises_on_a_wrong_answer_after_showing_it(capsys):
    """In strict mode, is a wrong answer shown first and then raised?"""
    with pytest.raises(CaseworkError, match="q3"):
        make("07", strict=True)("q3", "도시락 배달 서비스를 연계한다")
    assert "다시 생각해 보세요" in capsys.readouterr().out


def test_strict_mode_lets_a_correct_answer_pass(capsys):
    """In strict mode, does a correct answer return normally?"""
    result = make("07", strict=True)("q3", "아이가 1년 안에 정상발달 기준표의 정상 범위에 든다")
    assert result.status is Status.CORRECT


@pytest.mark.parametrize("value", ["1", "true", "YES"])
def test_strict_mode_from_the_environment(monkeypatch, value):
    """Does CASEWORK_STRICT_CHECKS=1 (or true/yes) turn strict mode on?"""
    monkeypatch.setenv(checks.STRICT_ENV, value)
    assert make("07").strict is True


def test_environment_zero_leaves_strict_mode_off(monkeypatch):
    """Does CASEWORK_STRICT_CHECKS=0 leave strict mode off?"""
    monkeypatch.setenv(checks.STRICT_ENV, "0")
    assert make("07").strict is False


def test_unknown_question_id_raises_with_the_list():
    """Does checking a question the exercise does not have name the ones it has?"""
    with pytest.raises(CaseworkError, match="q1, q2, q3, q4"):
        make("07").judge("q7", "답")


# --------------------------------------------------------------------------- records and display


def test_record_has_the_contract_fields():
    """Does the record carry exactly the fields of the contract, JSON-serialisable?"""
    checker = make("08", "low_grades", 2, learner="홍길동")
    record = checker.judge("q5", "요즘 어떻게 지내시는지 이야기해 주시겠어요?").record()
    assert set(record) == RECORD_KEYS
    assert record["exercise"] == "08" and record["question"] == "q5"
    assert record["status"] == "correct" and record["score"] == 1.0
    assert (record["learner"], record["case_id"], record["seed"]) == ("홍길동", "low_grades", 2)
    assert isinstance(record["points"], list)
    json.dumps(record, ensure_ascii=False)


@pytest.mark.parametrize(
    ("answer", "status"),
    [(..., "unanswered"), ("도시락 배달 서비스를 연계한다", "incorrect"),
     ("어르신이 방문간호 서비스를 주 2회 받는다", "partial")],
)
def test_record_status_and_score_follow_the_result(answer, status):
    """Do the record's status and score match the judgement (0 ≤ score ≤ 1)?"""
    record = make("07").judge("q3", answer).record()
    assert record["status"] == status
    assert 0.0 <= record["score"] <= 1.0
    assert (record["score"] == 0.5) == (status == "partial")


def test_check_feedback_is_a_feedback():
    """Is the returned value a Feedback (with passed) so other code can use it?"""
    result = make("07").judge("q4", ["현재 상태/관심사", "향후 원하는 상태", "행동/변화 전략"])
    assert isinstance(result, Feedback) and result.passed


def test_outside_ipython_the_text_is_printed(capsys):
    """Outside IPython, does check() print the text form with the summary?"""
    make("05", seed=1)("q3", 99)
    out = capsys.readouterr().out
    assert "다시 생각해 보세요" in out and "IADL 총점이 맞지 않습니다" in out


def test_inside_ipython_html_and_record_are_displayed_once(monkeypatch):
    """In IPython, is one raw display bundle sent with HTML, text and the JSON record?"""
    shown = []
    import IPython.display

    monkeypatch.setattr(checks, "_ipython_shell", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda obj, raw=False: shown.append((obj, raw)))
    make("07")("q4", ["현재 상태/관심사", "향후 원하는 상태", "행동/변화 전략"])
    assert len(shown) == 1
    bundle, raw = shown[0]
    assert raw is True
    assert set(bundle) == {"text/html", "text/plain", checks.MIME_TYPE}
    assert bundle[checks.MIME_TYPE]["status"] == "correct"
    assert "casework-feedback" in bundle["text/html"]


def test_a_real_ipython_shell_gets_one_output_per_check():
    """In a real IPython shell, does a check cell produce one display and no echoed result?"""
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    shell = InteractiveShell.instance()
    try:
        shell.user_ns["check"] = make("07")
        with capture_output() as captured:
            shell.run_cell('check("q2", "관계 변화")')
        assert len(captured.outputs) == 1
        assert checks.MIME_TYPE in captured.outputs[0].data
        # The plain shell still prints its "Out[n]:" prompt; the kernel sends nothing for it.
        assert "맞았습니다" not in captured.stdout and "casework" not in captured.stdout
    finally:
        InteractiveShell.clear_instance()


def test_importing_checks_loads_no_notebook_libraries():
    """Does importing casework.checks leave IPython, ipywidgets and matplotlib unimported?"""
    code = (
        "import sys, casework.checks\n"
        "print([m for m in ('IPython', 'ipywidgets', 'matplotlib') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_hints_follow_show_hints():
    """Is the hint added to a non-correct result only when show_hints is True?"""
    hint = make("07").hint("q3")
    assert any(hint in p for p in make("07", show_hints=True).judge("q3", "어르신이 운동을 한다").points)
    assert not any(hint in p for p in make("07", show_hints=False).judge("q3", "어르신이 운동을 한다").points)
    correct = make("07", show_hints=True).judge("q3", "아이가 1년 안에 정상발달 기준표의 정상 범위에 든다")
    assert not any(hint in p for p in correct.points)
    assert any(hint in p for p in make("07", show_hints=True).judge("q3", ...).points)


def test_checker_summary_shows_learner_case_and_seed():
    """Does the checker show who, which case and which seed in its HTML and repr?"""
    checker = make("06", "low_grades", 9, learner="김학습")
    for text in (checker._repr_html_(), repr(checker)):
        assert "김학습" in text and "low_grades" in text and "9" in text


# --------------------------------------------------------------------------- free-text judges


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("병원에 다니실 때 어떤 점이 가장 힘드신가요?", Status.CORRECT),
        ("요즘 하루를 어떻게 보내시는지 이야기해 주시겠어요?", Status.CORRECT),
        ("병원비가 없으시죠?", Status.PARTIAL),
        ("왜 그동안 병원에 안 가셨어요?", Status.PARTIAL),
        ("남편분이 생활비를 주지 않으시는 것은 아니지 않나요?", Status.INCORRECT),
        ("아이가 공부를 잘 못합니다.", Status.INCORRECT),
    ],
)
def test_judge_question(text, status):
    """Is a question judged by check_question: none found correct, one partial, two or a statement incorrect?"""
    result = checks.judge_question(text)
    assert result.status is status
    if status is not Status.CORRECT:
        assert result.points


def test_judge_question_lists_the_finding_messages():
    """Does a flawed question get the library's finding message as a point?"""
    from casework.interview import check_question

    text = "가족은 몇 명이고 어디 살고 무슨 일을 하세요?"
    assert check_question(text)[0].message in "".join(checks.judge_question(text).points)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("어르신이 3개월 안에 주 3회 이상 이웃과 함께 식사한다", Status.CORRECT),
        ("어르신이 운동을 한다", Status.PARTIAL),
        ("도시락 배달 서비스를 연계한다", Status.INCORRECT),
    ],
)
def test_judge_goal(text, status):
    """Is a goal judged by check_goal: no finding correct, one partial, more incorrect?"""
    assert checks.judge_goal(text).status is status


def test_judge_goal_lists_the_finding_messages():
    """Does a goal with findings list each finding as a point?"""
    from casework.planning import check_goal

    text = "남편이 다시는 술을 마시지 않는다"
    points = checks.judge_goal(text).points
    assert [str(f) for f in check_goal(text)] == list(points)


@pytest.mark.parametrize(
    ("text", "status"),
    [("건강회복의 욕구", Status.CORRECT), ("병원비 좀 지원해 주세요", Status.INCORRECT)],
)
def test_judge_need(text, status):
    """Is a need told apart from a demand by the library's need/demand rule?"""
    assert checks.judge_need(text).status is status


@pytest.mark.parametrize("judge", [checks.judge_goal, checks.judge_question, checks.judge_need])
def test_free_text_judges_refuse_a_non_text_without_raising(judge):
    """Does a number where text is wanted give 'incorrect' with an example, not an exception?"""
    result = judge(42)
    assert result.status is Status.INCORRECT
    assert "예:" in result.points[0]


# --------------------------------------------------------------------------- 04


def test_04_q2_and_q4_accept_name_or_number():
    """Are the questioning mistake and the processing type judged by value, by name or by number?"""
    from casework.assessment import ProcessingType, triage_intake
    from casework.interview import QuestionMistake, check_question

    checker = make("04", "sick_child", 3)
    data = checker.practice_data()
    mistake = check_question(data["question_to_check"])[0].mistake
    assert checker.judge("q2", mistake.value).status is Status.CORRECT
    assert checker.judge("q2", list(QuestionMistake).index(mistake) + 1).status is Status.CORRECT
    other = next(m for m in QuestionMistake if m is not mistake)
    assert checker.judge("q2", other.value).status is Status.INCORRECT
    assert checker.judge("q2", "모르겠음").status is Status.INCORRECT

    expected = triage_intake(checker._private["intake"]).processing_type
    assert checker.judge("q4", expected.value).status is Status.CORRECT
    assert checker.judge("q4", expected.number).status is Status.CORRECT
    assert checker.judge("q4", expected.label).status is Status.CORRECT
    wrong = next(p for p in ProcessingType if p is not expected)
    assert checker.judge("q4", wrong.number).status is Status.INCORRECT


def test_04_q3_compares_with_is_complex():
    """Is the complexity answer judged against assessment.is_complex, with 예/아니오 accepted?"""
    from casework.assessment import is_complex

    for seed in range(6):
        checker = make("04", "low_grades", seed)
        expected = is_complex(checker._private["intake"].needs)
        assert checker.judge("q3", expected).status is Status.CORRECT
        assert checker.judge("q3", not expected).status is Status.INCORRECT
        assert checker.judge("q3", "예" if expected else "아니오").status is Status.CORRECT
    assert checker.judge("q3", 1).status is Status.INCORRECT


def test_04_intake_covers_all_four_processing_types():
    """Across seeds, does the intake scenario lead to each of the four processing types?"""
    from casework.assessment import triage_intake

    found = {triage_intake(make("04", c, s)._private["intake"]).processing_type for c in BUNDLED for s in range(8)}
    assert len(found) == 4


# --------------------------------------------------------------------------- 05


def test_05_kadl_and_iadl_totals_are_judged_by_value():
    """Are the K-ADL and IADL totals compared with score_kadl and score_lawton_iadl?"""
    from casework.assessment import score_kadl, score_lawton_iadl

    checker = make("05", "elderly_alone", 7)
    data = checker.practice_data()
    kadl, iadl = score_kadl(data["kadl"]).total, score_lawton_iadl(data["iadl"]).total
    assert checker.judge("q1", kadl).status is Status.CORRECT
    assert checker.judge("q1", str(kadl)).status is Status.CORRECT
    assert checker.judge("q1", float(kadl)).status is Status.CORRECT
    assert checker.judge("q1", kadl + 1).status is Status.INCORRECT
    assert checker.judge("q1", "열다섯").status is Status.INCORRECT
    assert checker.judge("q1", True).status is Status.INCORRECT
    assert checker.judge("q3", iadl).status is Status.CORRECT
    assert checker.judge("q3", iadl - 1).status is Status.INCORRECT


def test_05_needs_help_items_score_partially():
    """Are the help-needing items compared as a set, partly right giving partial credit?"""
    from casework.assessment import score_kadl

    checker = make("05", "elderly_alone", 2)
    needs_help = list(score_kadl(checker.practice_data()["kadl"]).needs_help)
    assert len(needs_help) >= 2
    assert checker.judge("q2", needs_help).status is Status.CORRECT
    assert checker.judge("q2", ", ".join(reversed(needs_help))).status is Status.CORRECT
    half = checker.judge("q2", needs_help[:1])
    assert half.status is Status.PARTIAL and 0 < half.score < 1
    assert checker.judge("q2", needs_help + ["없는 항목"]).status is Status.PARTIAL
    assert checker.judge("q2", 3).status is Status.INCORRECT


def test_05_resource_sectors_are_judged_per_resource():
    """Is each resource's sector compared with the case file, one wrong giving partial?"""
    checker = make("05", "elderly_alone", 0)
    need = checker._private["need"]
    answer = {r.name: r.sector.value for r in need.resources}
    assert checker.judge("q4", answer).status is Status.CORRECT
    first = need.resources[0]
    answer[first.name] = "비공식" if first.sector.value != "비공식" else "공적"
    assert checker.judge("q4", answer).status is Status.PARTIAL
    assert checker.judge("q4", ["공적"]).status is Status.INCORRECT


def test_05_uses_the_elderly_case_for_resources_when_the_case_has_none():
    """For a case without needs by domain, does q4 use the 80-year-old's needs?"""
    from casework.cases import load_case

    labels = {n.label for n in load_case("elderly_alone").needs_by_domain}
    assert make("05", "sick_child", 1).practice_data()["need_resources"]["욕구"] in labels


def test_05_goal_is_judged_by_check_goal():
    """Is the IADL goal judged by check_goal?"""
    checker = make("05")
    assert checker.judge("q5", "어르신이 3개월 안에 하루 두 끼 이상 거르지 않고 식사한다").status is Status.CORRECT
    assert checker.judge("q5", "어르신의 삶의 질이 좋아진다").status is Status.INCORRECT


# --------------------------------------------------------------------------- 06


def test_06_statements_are_judged_against_the_case_table():
    """Are the statements judged against pdn's placing of the case's chain, with '요구' accepted?"""
    from casework import pdn
    from casework.cases import load_case

    checker = make("06", "low_grades", 1)
    placed = {i.text: i.category for i in pdn.categorize_question(load_case("low_grades")).items}
    statements = checker.practice_data()["statements"]
    answer = {s: placed[s] for s in statements}
    assert checker.judge("q1", answer).status is Status.CORRECT
    short = {s: ("요구" if c == pdn.CATEGORY_DEMAND else c) for s, c in answer.items()}
    assert checker.judge("q1", short).status is Status.CORRECT
    swapped = dict(answer)
    key = next(iter(swapped))
    swapped[key] = "욕구" if answer[key] != "욕구" else "문제"
    assert checker.judge("q1", swapped).status is Status.PARTIAL
    assert checker.judge("q1", {s: "몰라" for s in statements}).status is Status.INCORRECT


def test_06_need_and_objective():
    """Is the need judged by the need/demand rule and the objective by check_goal?"""
    checker = make("06", "drinking_violence", 2)
    assert checker.judge("q2", "자녀의 안전확보의 욕구").status is Status.CORRECT
    assert checker.judge("q2", "이혼할 수 있게 도와주세요").status is Status.INCORRECT
    assert checker.judge("q3", checker.practice_data()["objective"]["개입목표(교재)"]).status is not Status.CORRECT
    assert checker.judge("q3", "남편이 3개월 안에 잠들지 못하는 날이 주 2일 이하로 줄어든다").status is Status.CORRECT


# --------------------------------------------------------------------------- 07


def test_07_mistake_and_goal_type_are_judged_by_value():
    """Are the planning mistake (check_goal) and the goal type (the textbook's examples) judged by value?"""
    from casework.planning import GoalType, PlanningMistake, check_goal

    for seed in range(4):
        checker = make("07", "elderly_alone", seed)
        data = checker.practice_data()
        mistake = check_goal(data["goal_to_check"])[0].mistake
        assert checker.judge("q1", mistake.value).status is Status.CORRECT
        assert checker.judge("q1", mistake.number).status is Status.CORRECT
        assert checker.judge("q1", next(m for m in PlanningMistake if m is not mistake)).status is Status.INCORRECT
        goal_type = next(t for t in GoalType if data["goal_example"] in t.examples)
        assert checker.judge("q2", goal_type.value).status is Status.CORRECT
        assert checker.judge("q2", next(t for t in GoalType if t is not goal_type).value).status is Status.INCORRECT


def test_07_assessment_steps_order():
    """Is the order of the three assessment steps judged position by position?"""
    checker = make("07")
    right = ["현재 상태/관심사", "향후 원하는 상태", "행동/변화 전략"]
    assert checker.judge("q4", right).status is Status.CORRECT
    assert checker.judge("q4", [right[0], right[2], right[1]]).status is Status.PARTIAL
    assert checker.judge("q4", right[::-1]).status is Status.PARTIAL  # the middle one is in place
    assert checker.judge("q4", [right[1], right[2], right[0]]).status is Status.INCORRECT
    assert checker.judge("q4", right[:2]).status is Status.INCORRECT
    assert checker.judge("q4", set(right)).status is Status.INCORRECT
    shuffled = checker.practice_data()["steps_shuffled"]
    assert sorted(shuffled) == sorted(right) and shuffled != right


# --------------------------------------------------------------------------- 08


def test_08_gas_t_score_within_a_hundredth():
    """Is the GAS T score compared with gas_t_score within 0.01?"""
    from casework.monitoring import gas_t_score

    checker = make("08", "sick_child", 6)
    expected = gas_t_score(checker.practice_data()["gas"]["수준"])
    assert checker.judge("q1", expected + 0.009).status is Status.CORRECT
    assert checker.judge("q1", round(expected, 2)).status is Status.CORRECT
    assert checker.judge("q1", expected + 0.02).status is Status.INCORRECT


def test_08_next_step_comes_from_the_case_record():
    """Is the next step judged against process.next_step on the practice record?"""
    from casework.process import DongStep, next_step

    seen = set()
    for seed in range(10):
        checker = make("08", "low_grades", seed)
        expected = next_step(checker._private["record"])
        seen.add(expected)
        assert checker.practice_data()["case_history"][-1]["단계"] == checker._private["record"].step.value
        assert checker.judge("q2", expected.value).status is Status.CORRECT
        wrong = next(s for s in DongStep if s is not expected)
        assert checker.judge("q2", wrong.value).status is Status.INCORRECT
    assert len(seen) >= 4


def test_08_reassessment_reasons_come_from_reassessment_due():
    """Are the reassessment reasons compared with monitoring.reassessment_due, never empty?"""
    from casework.monitoring import reassessment_due

    for seed in range(8):
        checker = make("08", "elderly_alone", seed)
        p = checker._private
        expected = [r.trigger.value for r in reassessment_due(p["last"], p["today"], p["log"])]
        assert expected
        assert checker.judge("q3", list(dict.fromkeys(expected))).status is Status.CORRECT
        assert checker.judge("q3", ["없는 사유"]).status is Status.INCORRECT


def test_08_monitoring_method_and_question():
    """Is the monitoring method judged by value and the visit question by check_question?"""
    checker = make("08", "sick_child", 2)
    method = checker._private["contact_method"]
    assert checker.judge("q4", method).status is Status.CORRECT
    others = [m for m in ("가정방문·상담", "비공식 모니터링", "척도·기록", "제공기관 통해") if m != method]
    assert checker.judge("q4", others[0]).status is Status.INCORRECT
    assert checker.judge("q5", "서비스는 잘 받고 계시죠?").status is Status.PARTIAL


# --------------------------------------------------------------------------- 11


def test_11_agency_lists_are_judged_by_agency_lists():
    """Are the served-twice and missed people judged by agency_lists.check_answers?"""
    from casework import agency_lists

    checker = make("11", "elderly_alone", 3)
    lists = checker._private["service_lists"]
    needs = checker._private["need_list"]
    twice = [f"{n} ({b})" for n, b in zip(agency_lists.served_twice(lists)["이름"], agency_lists.served_twice(lists)["생년월일"])]
    missed = [f"{n} ({b})" for n, b in zip(agency_lists.missed(needs, lists)["이름"], agency_lists.missed(needs, lists)["생년월일"])]
    assert checker.judge("q1", {"두 곳 이상": twice, "누락": missed}).status is Status.CORRECT
    result = checker.judge("q1", {"두 곳 이상": ["없는 사람 (1900-01)"], "누락": []})
    assert result.status is Status.INCORRECT
    assert checker.judge("q1", {"두 곳": [], "빠짐": []}).status is Status.INCORRECT


def test_11_masking_is_judged_with_privacy():
    """Is the masked text correct only when nothing identifying is left and the rest is kept?"""
    from casework.privacy import mask_case_text

    checker = make("11", "sick_child", 1)
    data = checker.practice_data()
    masked = mask_case_text(data["share_text"], data["names"]).text
    assert checker.judge("q2", masked).status is Status.CORRECT
    assert checker.judge("q2", data["share_text"]).status is Status.INCORRECT
    assert checker.judge("q2", masked + " 덧붙인 말").status is Status.PARTIAL
    half = mask_case_text(data["share_text"], []).text  # names still readable
    assert checker.judge("q2", half).status is Status.INCORRECT


def test_11_resource_kinds_and_unmet_needs():
    """Are the resource kinds compared with sample_resources and the unmet needs with unmet_needs?"""
    from casework.resources import sample_resources

    checker = make("11", "elderly_alone", 4)
    data = checker.practice_data()
    kinds = {r.name: r.kind.value for r in sample_resources()}
    assert checker.judge("q3", {n: kinds[n] for n in data["resources_to_sort"]}).status is Status.CORRECT
    short = {n: kinds[n].replace(" 자원", "") for n in data["resources_to_sort"]}
    assert checker.judge("q3", short).status is Status.CORRECT
    unmet = checker._private["unmet"]
    assert unmet
    assert checker.judge("q4", unmet).status is Status.CORRECT
    met = [n for n in data["needs"] if n not in unmet]
    if met:
        assert checker.judge("q4", met).status is Status.INCORRECT


# --------------------------------------------------------------------------- Korean particles


@pytest.mark.parametrize(
    ("word", "particle", "expected"),
    [("점수", "은", "점수는"), ("총점", "은", "총점은"), ("사유", "을", "사유를"), ("항목", "이", "항목이"),
     ("'개입'", "으로", "'개입'으로"), ("'점검'", "으로", "'점검'으로"), ("'종결'", "으로", "'종결'로"),
     ("'평가'", "으로", "'평가'로"), ("50", "은", "50은"), ("T2", "은", "T2는"), ("GAS", "은", "GAS은(는)")],
)
def test_particles_follow_the_last_sound(word, particle, expected):
    """Does the feedback pick 은/는, 이/가, 을/를, (으)로 by the word's last sound?"""
    assert checks._josa(word, particle) == expected
