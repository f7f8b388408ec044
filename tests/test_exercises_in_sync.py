"""Are the committed exercises/ exactly what solutions/ generates (nbdev-style drift check)?

If this fails, run ``casework generate-exercises`` from the repository root and commit the
changed files in exercises/. Never edit exercises/ by hand: edit the solution instead.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casework import exercisegen

ROOT = Path(__file__).resolve().parents[1]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
FIX = "run 'casework generate-exercises' in the repository root and commit exercises/"


def notebook_names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.glob("*.ipynb") if p.is_file() and not p.name.startswith("."))


def test_solutions_and_exercises_hold_the_same_file_names():
    """Does every solution have an exercise of the same name, and every exercise a solution?"""
    solutions, exercises = notebook_names(SOLUTIONS), notebook_names(EXERCISES)
    assert exercises == solutions, (
        f"only in solutions/: {sorted(set(solutions) - set(exercises))}; "
        f"only in exercises/: {sorted(set(exercises) - set(solutions))}; {FIX}"
    )


def test_committed_exercises_equal_freshly_generated_ones(tmp_path):
    """Does regenerating every exercise from solutions/ give the committed bytes?"""
    if not notebook_names(SOLUTIONS):
        pytest.skip("solutions/ has no notebooks yet, so there is nothing to regenerate")
    generated = exercisegen.generate_all(SOLUTIONS, tmp_path)
    differing = [
        path.name
        for path in generated
        if not (EXERCISES / path.name).is_file() or (EXERCISES / path.name).read_bytes() != path.read_bytes()
    ]
    assert differing == [], f"exercises out of date: {differing}; {FIX}"
    assert exercisegen.find_drift(SOLUTIONS, EXERCISES) == []
