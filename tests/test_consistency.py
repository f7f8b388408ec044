"""The same answer gets the same verdict wherever it is judged.

Every row of ``tests/data/consistency.yaml`` goes through each path that exists for its judge:

* **direct**: the judging layer's function, called as the chapter or exercise calls it;
* **widget**: the chapter widget, its controls filled the way the progress file restores them,
  then 확인 pressed;
* **cell**: the exercise checker running the ``%%답`` cell text, as the cell magic does;
* **grade**: ``casework grade`` reading the answer cell of a submitted notebook (assigned from
  the real exercise notebook, with its manifest), never running it.

Status, score, summary and points must be equal across the paths, and the status must be the
row's ``expect``. A blank exercise answer is the one allowed difference: the cell and the grader
say how to write the answer in the notebook, so for it only status and score are compared.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import nbformat
import pytest
import yaml

pytest.importorskip("ipywidgets")

from casework import assign, grading
from casework.exercises import new_checker
from casework.exercises.definition import exercise_def
from casework.judging.answers import AnswerFormatError
from casework.judging.feedback import Feedback
from casework.manifest import read_manifest

ROOT = Path(__file__).resolve().parents[1]
TABLE = yaml.safe_load((ROOT / "tests" / "data" / "consistency.yaml").read_text(encoding="utf-8"))
EXERCISE_FILES = {p.name[:2]: p for p in (ROOT / "exercises").glob("*.ipynb")}
LEARNER, CASE, SEED = "가윤", "elderly_alone", 3
FREE_TEXT = {"goal": ("07", "q3"), "question": ("04", "q1"), "need": ("06", "q2")}


def verdict(fb: Feedback) -> tuple[str, float, str, tuple[str, ...]]:
    return fb.status.value, round(float(fb.score), 4), fb.summary, tuple(fb.points)


def graded_verdict(record: grading.QuestionResult) -> tuple[str, float, str, tuple[str, ...]]:
    return record.status.value, round(float(record.score), 4), record.summary, tuple(record.points)


@pytest.fixture(autouse=True)
def _own_progress_file(tmp_path, monkeypatch):
    monkeypatch.setenv("CASEWORK_PROGRESS", str(tmp_path / "progress.json"))


# --------------------------------------------------------------------------- the exercise paths


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    """One assigned notebook per exercise, with its manifest: {exercise id: (path, manifest)}."""
    root = tmp_path_factory.mktemp("consistency")
    roster = root / "명단.csv"
    roster.write_text(f"이름,사례,시드\n{LEARNER},{CASE},{SEED}\n", encoding="utf-8")
    issued = {}
    for exercise_id, notebook in EXERCISE_FILES.items():
        result = assign.assign(roster, notebook, root / exercise_id)
        assert result.ok, result
        issued[exercise_id] = (result.assignments[0].path, read_manifest(root / exercise_id / "casework-manifest.json"))
    return issued


@functools.cache
def checker(exercise_id: str):
    return new_checker(exercise_id, learner=LEARNER, case_id=CASE, seed=SEED)


def answer_text(exercise_id: str, question: str, spec: str) -> str:
    """The answer a row names: a literal, or a transform of the model answer."""
    model = checker(exercise_id).model_answer(question)
    lines = [line for line in model.splitlines() if line.strip()]
    transforms: dict[str, Callable[[], str]] = {
        "model": lambda: model,
        "model-first": lambda: lines[0],
        "model-plus-one": lambda: str(int(model.strip()) + 1),
        "model-reversed": lambda: "\n".join(reversed(lines)),
    }
    return transforms[spec]() if spec in transforms else spec


def through_cell(exercise_id: str, question: str, text: str) -> Feedback:
    return checker(exercise_id).run_cell(question, text)


def through_grader(submissions, exercise_id: str, question: str, text: str) -> grading.QuestionResult:
    path, manifest = submissions[exercise_id]
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.get("id") == f"{question}-answer")
    cell.source = f"%%답 {question}\n{text}"
    nbformat.write(nb, path)
    result = grading.grade_submission(path, [manifest])
    assert not result.problems, result.problems
    return result.records[question]


def through_exercise_judge(exercise_id: str, question: str, text: str) -> Feedback:
    """The exercise definition's judge, given the learner's practice data (no checker, no cell)."""
    return exercise_def(exercise_id).questions[question].judge(text, checker(exercise_id)._context())


def same_everywhere(paths: dict[str, tuple], expect: str, *, blank: bool = False) -> None:
    first_name, first = next(iter(paths.items()))
    for name, got in paths.items():
        if blank:
            assert got[:2] == first[:2], f"{name} ≠ {first_name}: {got[:2]} vs {first[:2]}"
        else:
            assert got == first, f"{name} ≠ {first_name}:\n{got}\n{first}"
    assert first[0] == expect, f"expected {expect}, every path gave {first[0]}: {first[2]} {first[3]}"


# --------------------------------------------------------------------------- free text: four paths


def _widget_for(kind: str):
    from casework.widgets.intake import question_checker
    from casework.widgets.planning import goal_checker, practice_case_widget

    if kind == "goal":
        return goal_checker()
    if kind == "question":
        return question_checker()
    return practice_case_widget().need


def _fill(box, answer: object) -> None:
    box.ladder.fill(answer)


def _direct(kind: str, text: str) -> Feedback:
    from casework.judging.goals import judge_goal
    from casework.judging.needs import judge_need
    from casework.judging.questions import judge_question

    return {"goal": judge_goal, "question": judge_question, "need": judge_need}[kind](text)


FREE_ROWS = [(kind, text, expect) for kind in FREE_TEXT for text, expect in TABLE[kind]]


@pytest.mark.parametrize(("kind", "text", "expect"), FREE_ROWS, ids=[f"{k}:{t[:12]}" for k, t, _ in FREE_ROWS])
def test_free_text_is_judged_the_same_on_every_path(submissions, kind, text, expect):
    exercise_id, question = FREE_TEXT[kind]
    box = _widget_for(kind)
    _fill(box, {"goal": text, "owner": ""} if kind == "goal" else text)
    paths = {
        "direct": verdict(_direct(kind, text)),
        "widget": verdict(box.check()),
        "cell": verdict(through_cell(exercise_id, question, text)),
        "grade": graded_verdict(through_grader(submissions, exercise_id, question, text)),
    }
    if text.strip():
        assert paths["direct"][2] in box.feedback_area.value.replace("&#x27;", "'")  # what the learner sees
    same_everywhere(paths, expect, blank=not text.strip())


# --------------------------------------------------------------------------- the interview: four paths


INTERVIEW_ROWS = TABLE["interview"]


@pytest.mark.parametrize(("lines", "expect"), INTERVIEW_ROWS, ids=[f"interview-{i}" for i in range(len(INTERVIEW_ROWS))])
def test_an_interview_is_judged_the_same_on_every_path(submissions, lines, expect):
    from casework.client import client_for_case
    from casework.judging.interview import judge_interview
    from casework.widgets.interview import interview_widget

    client = client_for_case(CASE)
    seed = checker("04")._context().private["interview_seed"]
    if lines == "model":
        lines = list(client.model_interview)
    text = "\n".join(lines)
    box = interview_widget(client.id, seed=seed)
    for line in lines:
        box.ask(line)
    paths = {
        "direct": verdict(judge_interview(list(lines), client, seed)),
        "widget": verdict(box.review.check()),
        "cell": verdict(through_cell("04", "q5", text)),
        "grade": graded_verdict(through_grader(submissions, "04", "q5", text)),
    }
    same_everywhere(paths, expect, blank=not lines)


# --------------------------------------------------------------------------- exercise questions: three paths


EXERCISE_ROWS = TABLE["exercise"]


@pytest.mark.parametrize("row", EXERCISE_ROWS, ids=[f"{r['exercise']}{r['question']}:{r['answer'][:10]}" for r in EXERCISE_ROWS])
def test_exercise_answers_are_judged_the_same_in_the_cell_and_the_grader(submissions, row):
    exercise_id, question = row["exercise"], row["question"]
    text = answer_text(exercise_id, question, row["answer"])
    paths = {
        "cell": verdict(through_cell(exercise_id, question, text)),
        "grade": graded_verdict(through_grader(submissions, exercise_id, question, text)),
    }
    try:
        paths["direct"] = verdict(through_exercise_judge(exercise_id, question, text))
    except AnswerFormatError as exc:  # the checker turns it into feedback that quotes it
        assert str(exc) in paths["cell"][3] and paths["cell"][2] == "답을 읽을 수 없습니다."
    same_everywhere(paths, row["expect"], blank=not text.strip())


# --------------------------------------------------------------------------- chapter judges: two paths


def _elderly():
    from casework.cases import load_case

    return load_case("elderly_alone")


def _severity(answer):
    from casework.judging.severity import judge_severity
    from casework.widgets.assessment import severity_widget

    return severity_widget(_elderly()), answer, lambda: judge_severity(_elderly(), _with_blanks(answer, severity_widget))


def _with_blanks(answer: dict, make) -> dict:
    """The answer with every control the learner left alone as None (what the controls read)."""
    keys = make(_elderly()).ladder._read()
    return {k: answer.get(k) for k in keys}


def _instrument(kind: str):
    def build(answer):
        from casework.judging.instruments import judge_kadl, judge_lawton
        from casework.widgets.assessment import iadl_widget, kadl_widget

        make, judge = (kadl_widget, judge_kadl) if kind == "kadl" else (iadl_widget, judge_lawton)
        box = make()
        full = {k: answer.get(k) for k in box.ladder._read()}
        return box, answer, lambda: judge(full, ())
    return build


def _resources(answer):
    from casework.judging.resources import judge_resource_picks, resource_options
    from casework.widgets.assessment import resource_widget

    case = _elderly()
    options = resource_options(case, seed=0)
    if answer == "first-option-each":
        answer = {need_id: names[:1] for need_id, names in options.items()}
    elif answer == "first-option-one":
        first = next(iter(options))
        answer = {first: options[first][:1]}
    full = {need_id: list(answer.get(need_id, [])) for need_id in options}
    return resource_widget(case), answer, lambda: judge_resource_picks(case, full)


def _triage(answer):
    from casework.judging.triage import judge_intake_stories
    from casework.widgets.intake import triage_widget

    box = triage_widget()
    full = {k: answer.get(k) for k in box.ladder._read()}
    return box, answer, lambda: judge_intake_stories(full)


def _next_step(answer):
    from casework.judging.next_step import judge_next_step
    from casework.scenario_models import scenario
    from casework.widgets.process import next_step_widget

    box = next_step_widget(only=[answer["scenario"]])
    return box.blocks[0], answer["step"], lambda: judge_next_step(scenario(answer["scenario"]), answer["step"])


def _closure(answer):
    from casework.judging.closure import judge_closure
    from casework.scenario_models import closure_case
    from casework.widgets.closure import closure_widget

    box = closure_widget(only=[answer["case"]])
    data = {"may_close": answer["may_close"], "reason": answer["reason"]}
    return box.blocks[0], data, lambda: judge_closure(closure_case(answer["case"]), **data)


def _caseload(answer):
    from casework.caseload import example_team
    from casework.judging.caseload import judge_lowest_shared_limit
    from casework.widgets.caseload import caseload_widget

    return caseload_widget(), answer, lambda: judge_lowest_shared_limit(tuple(example_team()), answer)


def _checklist(answer):
    from casework.judging.checklist import checklist_feedback
    from casework.monitoring import SERVICE_CHECKLIST
    from casework.widgets.monitoring import checklist_widget

    return checklist_widget(SERVICE_CHECKLIST), answer, lambda: checklist_feedback(SERVICE_CHECKLIST, answer)


WIDGET_JUDGES: dict[str, Callable[[Any], tuple[Any, object, Callable[[], Feedback]]]] = {
    "severity": _severity, "kadl": _instrument("kadl"), "iadl": _instrument("iadl"), "resources": _resources,
    "triage": _triage, "next_step": _next_step, "closure": _closure, "caseload": _caseload, "checklist": _checklist,
}
WIDGET_ROWS = [(kind, answer, expect) for kind in WIDGET_JUDGES for answer, expect in TABLE[kind]]


@pytest.mark.parametrize(("kind", "answer", "expect"), WIDGET_ROWS,
                         ids=[f"{k}-{i}" for i, (k, _, _) in enumerate(WIDGET_ROWS)])
def test_chapter_widgets_give_the_judging_layers_verdict(kind, answer, expect):
    box, data, direct = WIDGET_JUDGES[kind](answer)
    box.ladder.fill(data)
    shown = box.check()
    same_everywhere({"direct": verdict(direct()), "widget": verdict(shown)}, expect)
    assert shown.summary.replace("'", "&#x27;") in box.feedback_area.value or shown.summary in box.feedback_area.value


def _quiz_answer(question, spec: str):
    if question.kind == "choice":
        right = question.right_answer()
        return right if spec == "right" else next(o.text for o in question.options if o.text != right)
    assert question.kind == "order"
    return list(question.items) if spec == "right" else list(reversed(question.items))


@pytest.mark.parametrize("row", TABLE["quiz"], ids=[f"{r['quiz']}-{r['question']}-{r['answer']}" for r in TABLE["quiz"]])
def test_quiz_widgets_give_the_judging_layers_verdict(row):
    from casework.judging.quiz import judge
    from casework.quiz import load_quiz
    from casework.widgets.quiz import question_widget

    question = load_quiz(row["quiz"]).question(row["question"])
    answer = _quiz_answer(question, row["answer"])
    box = question_widget(question, seed=7)
    box.ladder.fill(answer)
    same_everywhere({"direct": verdict(judge(question, answer)), "widget": verdict(box.check())}, row["expect"])


@pytest.mark.parametrize(("answer", "expect"), TABLE["masking"], ids=[str(i) for i in range(len(TABLE["masking"]))])
def test_masking_widget_gives_the_judging_layers_verdict(answer, expect):
    from casework.judging.masking import masking_feedback
    from casework.widgets.privacy import masking_widget

    box = masking_widget(value=answer["text"], names=answer["names"])
    same_everywhere({"direct": verdict(masking_feedback(answer["text"], answer["names"])),
                     "widget": verdict(box.check())}, expect)


# --------------------------------------------------------------------------- the table itself


def test_the_table_covers_every_judge_and_has_enough_rows():
    """Does the table reach every judging module that judges a learner's answer, with ≥ 60 rows?"""
    rows = sum(len(v) for v in TABLE.values())
    assert rows >= 60, rows
    judging = {p.stem for p in (ROOT / "casework" / "judging").glob("*.py")}
    not_judges = {"__init__", "answers", "feedback", "rubric", "guard"}
    reached = {"goals", "questions", "needs", "interview", "severity", "instruments", "resources", "triage", "next_step",
               "closure", "caseload", "checklist", "quiz", "masking"}
    # Through the exercises: choice (04 q2, 07 q2), number (05 q1), items (05 q2, 07 q4), table (05 q4,
    # 06 q1, 11 q3), lists (11 q1), masking (11 q2), triage (04 q4).
    reached |= {"choice", "number", "items", "table", "lists"}
    # plan_form is checked in tests/test_judging_plan_form.py against the widget; it takes a whole form.
    reached |= {"plan_form"}
    assert judging - not_judges == reached, sorted(judging - not_judges - reached)
    assert {r["exercise"] for r in TABLE["exercise"]} == set(EXERCISE_FILES)


def test_a_widget_that_judged_differently_would_fail(monkeypatch):
    """Is the comparison live: a widget whose judge drifts from the judging layer is caught?"""
    from casework.judging.feedback import Status as S
    from casework.widgets import planning

    monkeypatch.setattr(planning, "judge_goal", lambda text, owner=None: Feedback(S.PARTIAL, "다른 판정", (), 0.5))
    box = planning.goal_checker()
    box.ladder.fill({"goal": "어르신이 운동을 한다", "owner": ""})
    with pytest.raises(AssertionError):
        same_everywhere({"direct": verdict(_direct("goal", "어르신이 운동을 한다")), "widget": verdict(box.check())},
                        "partial")
