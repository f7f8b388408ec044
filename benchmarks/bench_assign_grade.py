#!/usr/bin/env python3
"""Benchmark: ``casework assign`` + ``casework grade`` against a plain papermill loop.

Builds a cohort of N learners (default 30) for one exercise (``exercises/07_*.ipynb`` if it
exists, else the first exercise there, else the test fixture), then times, in the same run:

(``exercises/`` empty but ``solutions/`` filled: the exercises are generated into the work folder.)

* ours: ``casework assign`` (one personalised notebook per learner, nothing executed) followed
  by ``casework grade`` (each notebook executed in its own kernel, parallel workers, report);
* baseline: a shell loop calling the papermill CLI once per learner over the same exercise and
  the same parameters (``for ...; do papermill ex.ipynb out/NAME.ipynb -p learner ... ; done``),
  which parameterises and executes each notebook but grades nothing.

Prints both wall-clock times (time.perf_counter) and the ratio baseline / ours.

    .venv/bin/python benchmarks/bench_assign_grade.py [--learners 30] [--workers N] [--keep]
"""

from __future__ import annotations

import argparse
import csv
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
FIXTURE = ROOT / "tests" / "fixtures" / "grading" / "exercises" / "90_점검.ipynb"


def pick_exercise(work: Path) -> Path:
    """exercises/07_*.ipynb, else any exercise, else one generated from solutions/, else the fixture."""
    folder = ROOT / "exercises"
    if not any(folder.glob("*.ipynb")) and any((ROOT / "solutions").glob("*.ipynb")):
        folder = work / "exercises"
        subprocess.run([str(BIN / "casework"), "generate-exercises", "--solutions", str(ROOT / "solutions"),
                        "--exercises", str(folder)], check=True, capture_output=True)
    exercises = sorted(folder.glob("*.ipynb"))
    preferred = [p for p in exercises if p.name.startswith("07_")]
    return (preferred or exercises or [FIXTURE])[0]


def cases() -> list[str]:
    sys.path.insert(0, str(ROOT))
    from casework.cases import case_ids

    return case_ids()


def run(cmd: list[str] | str, **kw) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    return time.perf_counter() - start, proc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--exercise", type=Path, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="casework-bench-"))
    exercise = (args.exercise or pick_exercise(work)).resolve()
    template_dir = exercise.parent
    ids = cases()
    learners = [(f"학습자{i:02d}", ids[i % len(ids)], i) for i in range(1, args.learners + 1)]
    cohort = work / "cohort.csv"
    with cohort.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["이름", "사례", "시드"])
        writer.writerows(learners)
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    shown = exercise.relative_to(ROOT) if exercise.is_relative_to(ROOT) else f"{exercise.name} (generated from solutions/)"
    print(f"exercise: {shown}  learners: {len(learners)}  cpu: {os.cpu_count()}  "
          f"load: {os.getloadavg()[0]:.1f}")

    # Warm the file cache and .pyc files for both sides, so neither pays first-import costs.
    run([str(BIN / "python"), "-c", "import papermill, nbclient, ipykernel.kernelapp, casework.cli"], env=env)

    # ---------------------------------------------------------------- ours
    assigned, graded = work / "assigned", work / "graded"
    grade_cmd = [str(BIN / "casework"), "grade", str(assigned), "--template-dir", str(template_dir),
                 "--out", str(graded), "--timeout", "120"]
    if args.workers:
        grade_cmd += ["--workers", str(args.workers)]
    t_assign, p_assign = run([str(BIN / "casework"), "assign", "--cohort", str(cohort), "--exercise",
                              str(exercise), "--out", str(assigned)], env=env)
    t_grade, p_grade = run(grade_cmd, env=env)
    ours = t_assign + t_grade
    if p_assign.returncode != 0 or p_grade.returncode != 0:
        print(p_assign.stdout, p_assign.stderr, p_grade.stdout, p_grade.stderr, sep="\n")
        return 1
    rows = list(csv.reader((graded / "grades.csv").open(encoding="utf-8-sig")))
    statuses = {}
    for row in rows[1:]:
        statuses[row[-2]] = statuses.get(row[-2], 0) + 1

    # ---------------------------------------------------------------- baseline
    out = work / "papermill"
    out.mkdir()
    lines = [
        f"papermill {shlex.quote(str(exercise))} {shlex.quote(str(out / f'{name}.ipynb'))} "
        f"-k python3 -p learner {shlex.quote(name)} -p case_id {case} -p seed {seed} --log-level ERROR || true"
        for name, case, seed in learners
    ]
    script = work / "baseline.sh"
    script.write_text("set -u\n" + "\n".join(lines) + "\n", encoding="utf-8")
    t_base, p_base = run(["bash", str(script)], env=dict(env, PATH=f"{BIN}{os.pathsep}{env['PATH']}"))
    executed = len(list(out.glob("*.ipynb")))

    print(f"ours     : assign {t_assign:6.1f}s + grade {t_grade:6.1f}s = {ours:6.1f}s  "
          f"({len(rows) - 1} graded: {statuses})")
    print(f"baseline : papermill loop              = {t_base:6.1f}s  ({executed} notebooks executed)")
    print(f"ratio    : baseline / ours = {t_base / ours:.2f}x")
    if args.keep:
        print(f"work folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
