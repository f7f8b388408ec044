"""Do the exercise notebooks keep the contract (docs/EXERCISES.md) when really executed?

* shape: parameters and check-setup cells, one ``%%답`` answer cell per question, stable cell
  ids, prompts from the YAML;
* every generated exercise runs top to bottom for every bundled case and none of its answers is
  correct; every solution passes every question in strict mode (``CASEWORK_STRICT_CHECKS=1``)
  with its default parameters, and its written answers are the library's model answers;
* bad papermill parameters stop the notebook with the Korean message listing allowed values.

Notebooks are executed with papermill in a temporary folder. To keep the run short on two
cores, the runs of one notebook share one kernel (started from this venv's ``python3`` kernel
spec with the right environment) and the kernel is shut down before the next notebook's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from jupyter_client.manager import KernelManager
from papermill.exceptions import PapermillExecutionError

from casework import checks
from casework.closing import closing_cells
from casework.exercises.cells import parse_answer_cell

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
BUNDLED = ["elderly_alone", "sick_child", "low_grades", "no_living_money", "drinking_violence"]
NAMES = sorted(p.name for p in SOLUTIONS.glob("*.ipynb"))
FOLDERS = {"solutions": SOLUTIONS, "exercises": EXERCISES}


def exercise_id_of(name: str) -> str:
    return name[:2]


def read(folder: str, name: str) -> nbformat.NotebookNode:
    return nbformat.read(FOLDERS[folder] / name, as_version=nbformat.NO_CONVERT)


def tagged(nb: nbformat.NotebookNode, tag: str) -> list[nbformat.NotebookNode]:
    return [c for c in nb.cells if tag in c.get("metadata", {}).get("tags", [])]


def check_records(nb: nbformat.NotebookNode) -> list[dict]:
    """The machine-readable check records in an executed notebook, in cell order."""
    found = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            record = output.get("data", {}).get(checks.MIME_TYPE)
            if record is not None:
                found.append(dict(record))
    return found


# --------------------------------------------------------------------------- shape (no kernel)


def test_required_chapters_have_an_exercise():
    """Do chapters 04, 05, 06, 07, 08 and 11 each have a solution and an exercise?"""
    assert {"04", "05", "06", "07", "08", "11"} <= {exercise_id_of(n) for n in NAMES}
    assert sorted(p.name for p in EXERCISES.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("folder", ["solutions", "exercises"])
@pytest.mark.parametrize("name", NAMES)
def test_notebook_shape(folder, name):
    """Has the notebook the contract's shape: intro, 시작하기 전에, parameters, check-setup, answer cells, 정리,
    and the closing save section?"""
    nb = read(folder, name)
    exercise_id = exercise_id_of(name)
    assert nb.nbformat == 4 and nb.nbformat_minor >= 5
    assert all(c.get("id") for c in nb.cells)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert markdown[0].startswith(f"# {exercise_id}. ")
    assert any(m.startswith("## 시작하기 전에") and "%%답 q1" in m for m in markdown)
    assert markdown[-2].startswith("## 정리")
    closing = [(c.cell_type, c.id, c.source, c.metadata) for c in closing_cells("exercise")]
    assert [(c.cell_type, c.id, c.source, c.metadata) for c in nb.cells[-2:]] == closing, "closing save section"

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert [c.id for c in tagged(nb, "parameters")] == [code[0].id]
    defaults: dict = {}
    exec(code[0].source, defaults)
    assert (defaults["learner"], defaults["case_id"], defaults["seed"], defaults["show_hints"],
            defaults["show_solutions"]) == ("학습자", "elderly_alone", 0, True, True)
    assert tagged(nb, "check-setup") == [code[1]]
    assert f'check = start("{exercise_id}", learner=learner, case_id=case_id, seed=seed' in code[1].source

    spec = checks.exercise_spec(exercise_id)
    answers = tagged(nb, "answer")
    assert [c.id for c in answers] == [f"{q}-answer" for q in spec]
    assert [c.source.splitlines()[0] for c in answers] == [f"%%답 {q}" for q in spec]
    assert name == f"{checks.exercise_text(exercise_id).notebook}.ipynb"


@pytest.mark.parametrize("name", NAMES)
def test_prompts_come_from_the_exercise_yaml(name):
    """Does each question's markdown cell hold the prompt written in casework/data/exercises/NN.yaml?"""
    nb = read("solutions", name)
    cells = {c.id: c.source for c in nb.cells}
    for number, question in enumerate(checks.exercise_text(exercise_id_of(name)).questions, 1):
        prompt = cells[f"{question.id}-prompt"]
        assert prompt.startswith(f"## 문제 {number}. {question.title}")
        assert question.prompt in prompt
        assert f"# {question.form}" in cells[f"{question.id}-answer"]


@pytest.mark.parametrize("name", NAMES)
def test_exercise_answers_are_blank_and_solutions_hold_the_model_answers(name):
    """Is every exercise answer cell empty but for its guidance, and every solution answer the model answer?"""
    exercise, solution = read("exercises", name), read("solutions", name)
    assert not tagged(exercise, "solution-only")
    checker = checks.start(exercise_id_of(name), learner="학습자", case_id="elderly_alone", seed=0, show_hints=True)
    for qid in checks.exercise_spec(exercise_id_of(name)):
        blank = next(c for c in exercise.cells if c.id == f"{qid}-answer")
        assert all(line.startswith(("%%답", "#")) for line in blank.source.splitlines())
        filled = parse_answer_cell(next(c for c in solution.cells if c.id == f"{qid}-answer").source)
        body = "\n".join(line for line in filled.body.splitlines() if not line.startswith("#"))
        assert body == checker.model_answer(qid), (name, qid, "run tools/refresh_solution_answers.py")


# --------------------------------------------------------------------------- papermill, one kernel per notebook


class KernelPool:
    """At most one live kernel, reused while the same notebook is run again."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.key: tuple[str, ...] | None = None
        self.km: KernelManager | None = None

    def get(self, key: tuple[str, ...], *, strict: bool) -> KernelManager:
        if self.key != key or self.km is None or not self.km.is_alive():
            self.close()
            env = {k: v for k, v in os.environ.items() if k != checks.STRICT_ENV}
            if strict:
                env[checks.STRICT_ENV] = "1"
            km = KernelManager(kernel_name="python3")
            km.start_kernel(cwd=str(self.workdir), env=env)
            self.key, self.km = key, km
        return self.km

    def close(self) -> None:
        if self.km is not None:
            self.km.shutdown_kernel(now=True)
        self.key, self.km = None, None


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    kernels = KernelPool(tmp_path_factory.mktemp("kernel-cwd"))
    yield kernels
    kernels.close()


@pytest.fixture(scope="module")
def outdir(tmp_path_factory):
    return tmp_path_factory.mktemp("papermill-out")


def run(pool: KernelPool, outdir: Path, folder: str, name: str, parameters: dict, *, strict: bool):
    output = outdir / f"{folder}-{parameters.get('case_id')}-{name}"
    km = pool.get((folder, name, str(strict)), strict=strict)
    return papermill.execute_notebook(
        str(FOLDERS[folder] / name), str(output), parameters=parameters, kernel_name="python3",
        km=km, progress_bar=False, request_save_on_cell_execute=False, log_output=False,
    )


MATRIX = [(name, case_id) for name in NAMES for case_id in BUNDLED]


@pytest.mark.parametrize(("name", "case_id"), MATRIX)
def test_exercise_runs_and_no_answer_is_correct(pool, outdir, name, case_id):
    """Does the blank exercise run top to bottom for every case, with every answer recorded and none correct?"""
    nb = run(pool, outdir, "exercises", name, {"learner": "연습생", "case_id": case_id, "seed": 1}, strict=False)
    records = check_records(nb)
    spec = checks.exercise_spec(exercise_id_of(name))
    assert [r["question"] for r in records] == list(spec)
    assert all(r["status"] != "correct" for r in records)
    assert all(r["status"] == "unanswered" and r["score"] == 0.0 for r in records)
    assert {(r["learner"], r["case_id"], r["seed"], r["exercise"]) for r in records} == {
        ("연습생", case_id, 1, exercise_id_of(name))}


@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_question_strictly(pool, outdir, name):
    """Does the solution pass every question with CASEWORK_STRICT_CHECKS=1 in the kernel?

    Its written answers belong to its default parameters; other cases and seeds are covered by
    the model-answer tests in tests/test_exercises.py and the grading tests."""
    nb = run(pool, outdir, "solutions", name, {"learner": "강사", "case_id": "elderly_alone", "seed": 0}, strict=True)
    records = check_records(nb)
    assert [r["question"] for r in records] == list(checks.exercise_spec(exercise_id_of(name)))
    assert all(r["status"] == "correct" and r["score"] == 1.0 for r in records), records


def test_strict_kernel_really_fails_a_blank_exercise(pool, outdir):
    """With CASEWORK_STRICT_CHECKS=1, does a blank exercise stop at its first check (so the solution runs prove something)?"""
    name = NAMES[0]
    with pytest.raises(PapermillExecutionError) as info:
        run(pool, outdir, "exercises", name, {"case_id": "sick_child"}, strict=True)
    assert info.value.ename == "CaseworkError"
    assert "엄격 모드" in info.value.evalue and "q1" in info.value.evalue


BAD = [
    ({"seed": "x"}, "0부터 4294967295까지의 정수"),
    ({"case_id": "nope"}, ", ".join(BUNDLED)),
    ({"show_hints": "yes"}, "True 또는 False"),
    ({"learner": ""}, "비어 있지 않은 글"),
]


@pytest.mark.parametrize(("bad", "expected"), BAD)
def test_bad_parameters_stop_at_check_setup(pool, outdir, bad, expected):
    """Does a bad papermill parameter stop the notebook at check-setup with the Korean list of allowed values?"""
    name = next(n for n in NAMES if n.startswith("07"))
    parameters = {"learner": "홍길동", "case_id": "sick_child", "seed": 3, **bad}
    with pytest.raises(PapermillExecutionError) as info:
        run(pool, outdir, "exercises", name, parameters, strict=False)
    error = info.value
    assert error.ename == "CaseworkError"
    assert expected in error.evalue and expected in str(error)
    failed = nbformat.read(outdir / f"exercises-{parameters['case_id']}-{name}", as_version=4)
    errored = [c.id for c in failed.cells if any(o.get("output_type") == "error" for o in c.get("outputs", []))]
    assert errored == ["check-setup"]


def test_python3_kernel_is_this_venv(pool, outdir, tmp_path):
    """Does kernel_name='python3' start this venv's Python (so the notebooks import this casework)?"""
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("import sys, casework\nprint(sys.prefix)\nprint(casework.__file__)")
    cell.id = "where"
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    path = tmp_path / "where.ipynb"
    nbformat.write(nb, path)
    km = pool.get(("where",), strict=False)
    done = papermill.execute_notebook(str(path), str(tmp_path / "out.ipynb"), kernel_name="python3", km=km,
                                      progress_bar=False)
    prefix, module = done.cells[0].outputs[0]["text"].split()
    assert prefix == sys.prefix
    assert Path(module).resolve().is_relative_to(ROOT / "casework")


def test_documented_papermill_command_personalises_an_exercise(tmp_path):
    """Does the command in docs/papermill.md (papermill CLI, its own kernel) hand out a personalised exercise?"""
    name = next(n for n in NAMES if n.startswith("07"))
    output = tmp_path / "홍길동_07.ipynb"
    command = [str(Path(sys.executable).with_name("papermill")), f"exercises/{name}", str(output),
               "-p", "learner", "홍길동", "-p", "case_id", "sick_child", "-p", "seed", "3"]
    assert " ".join(command[1:2]) in (ROOT / "docs" / "papermill.md").read_text(encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != checks.STRICT_ENV}
    subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True)
    records = check_records(nbformat.read(output, as_version=4))
    assert {(r["learner"], r["case_id"], r["seed"]) for r in records} == {("홍길동", "sick_child", 3)}
    assert [r["status"] for r in records] == ["unanswered"] * len(checks.exercise_spec("07"))
