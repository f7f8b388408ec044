#!/usr/bin/env python3
"""Write the library's model answers into the answer cells of solutions/*.ipynb, then regenerate exercises/.

The solution notebooks answer for their default parameters (elderly_alone, seed 0). When a
case file, an exercise's practice data or a model answer changes, tests/test_solutions_and_exercises.py
says the written answers are out of date; run this from the repository root:

    .venv/bin/python tools/refresh_solution_answers.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casework.exercises import new_checker  # noqa: E402
from casework.exercises.cells import parse_answer_cell  # noqa: E402


def refresh(path: Path) -> bool:
    nb = nbformat.read(path, as_version=4)
    checker = new_checker(path.name[:2], learner="학습자", case_id="elderly_alone", seed=0)
    changed = False
    for cell in nb.cells:
        parsed = parse_answer_cell(cell.source) if cell.cell_type == "code" else None
        if parsed is None:
            continue
        lines = cell.source.split("\n")
        kept = [lines[0]] + [line for line in lines[1:] if line.startswith("#")]
        source = "\n".join([*kept, checker.model_answer(parsed.question)])
        if source != cell.source:
            cell.source, changed = source, True
    if changed:
        nbformat.write(nb, path)
    return changed


def main() -> int:
    changed = [p.name for p in sorted((ROOT / "solutions").glob("*.ipynb")) if refresh(p)]
    print("바뀐 해답 노트북: " + (", ".join(changed) if changed else "없음"))
    subprocess.run([str(Path(sys.executable).with_name("casework")), "generate-exercises"], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
