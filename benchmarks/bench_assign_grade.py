#!/usr/bin/env python3
"""Benchmark: ``casework assign`` + ``casework grade`` against a plain papermill loop, side by side.

Builds a cohort of N learners (default 30) for exercise 07 over the bundled cases, then times,
in the same run:

* ours: ``casework assign`` (one personalised notebook per learner and the manifest, nothing
  executed), answers written into every notebook (half the model answers, half wrong ones, the
  way a cohort hands in), then ``casework grade`` (answers read and judged, never executed;
  grades.csv and report.html written);
* baseline: a shell loop calling the papermill CLI once per learner over the same exercise with
  the same parameters (``for …; do papermill ex.ipynb out/NAME.ipynb -p learner … ; done``),
  which executes each notebook in a kernel and grades nothing.

Prints both wall-clock times (time.perf_counter) and the ratio baseline / ours. A second mode
times ``casework grade`` alone on a large cohort (``--grade-only 1000``) and compares it with the
papermill loop's per-notebook time measured on ``--sample`` notebooks in the same run (the
baseline for 1,000 is that per-notebook time × 1,000: labelled as extrapolated).

    .venv/bin/python benchmarks/bench_assign_grade.py [--learners 30] [--keep]
    .venv/bin/python benchmarks/bench_assign_grade.py --grade-only 1000 [--sample 10]
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
EXERCISE = ROOT / "exercises" / "07_목표_설정_연습.ipynb"
sys.path.insert(0, str(ROOT))


def cohort_csv(path: Path, n: int) -> None:
    from casework.cases import case_ids

    ids = case_ids()
    rows = [f"학습자{i:04d},{ids[i % len(ids)]},{i}" for i in range(n)]
    path.write_text("이름,사례,시드\n" + "\n".join(rows) + "\n", encoding="utf-8")


def fill_answers(folder: Path) -> None:
    """Write answers into each assigned notebook as a learner would (every other one right)."""
    import nbformat

    from casework.exercises import new_checker
    from casework.manifest import read_manifest

    manifest = read_manifest(folder / "casework-manifest.json")
    for i, entry in enumerate(manifest.learners):
        checker = new_checker(manifest.exercise, learner=entry.learner, case_id=entry.case_id, seed=entry.seed)
        path = folder / entry.file
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if cell.get("id", "").endswith("-answer"):
                q = cell.id.removesuffix("-answer")
                text = checker.model_answer(q) if i % 2 == 0 else "잘 모르겠습니다"
                cell.source = f"{cell.source}\n{text}"
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def timed(cmd: list[str] | str, **kw) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if proc.returncode != 0:
        sys.exit(f"command failed ({proc.returncode}): {cmd}\n{proc.stderr[-2000:]}")
    return time.perf_counter() - start


def ours(work: Path, n: int) -> tuple[float, float, float]:
    csv_path = work / "cohort.csv"
    cohort_csv(csv_path, n)
    issued = work / "issued"
    t_assign = timed([str(BIN / "casework"), "assign", "--cohort", str(csv_path), "--exercise", str(EXERCISE),
                      "--out", str(issued)])
    fill_answers(issued)  # the learners' work: not timed
    t_grade = timed([str(BIN / "casework"), "grade", str(issued), "--manifest", str(issued / "casework-manifest.json"),
                     "--out", str(work / "results")])
    return t_assign, t_grade, t_assign + t_grade


def baseline(work: Path, n: int) -> float:
    from casework.cases import case_ids

    ids = case_ids()
    out = work / "papermill"
    out.mkdir()
    lines = []
    for i in range(n):
        lines.append(" ".join(shlex.quote(str(a)) for a in [
            BIN / "papermill", EXERCISE, out / f"학습자{i:04d}.ipynb", "-p", "learner", f"학습자{i:04d}",
            "-p", "case_id", ids[i % len(ids)], "-p", "seed", str(i), "--log-level", "ERROR"]))
    script = work / "loop.sh"
    script.write_text("set -e\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return timed(["bash", str(script)], cwd=ROOT)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=30)
    parser.add_argument("--grade-only", type=int, default=0, metavar="N")
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="casework-bench-"))
    (work / "ours").mkdir()
    try:
        if args.grade_only:
            t_assign, t_grade, _ = ours(work / "ours", args.grade_only)
            per_notebook = baseline(work, args.sample) / args.sample
            extrapolated = per_notebook * args.grade_only
            print(f"grade only, {args.grade_only} submissions (2 cores): casework grade {t_grade:.1f} s "
                  f"({t_grade / args.grade_only * 1000:.1f} ms each; assign took {t_assign:.1f} s)")
            print(f"papermill loop, {args.sample} notebooks measured: {per_notebook:.2f} s each; "
                  f"× {args.grade_only} = {extrapolated:.0f} s (extrapolated)")
            print(f"ratio (extrapolated papermill / ours): {extrapolated / t_grade:.0f}×")
        else:
            t_assign, t_grade, total = ours(work / "ours", args.learners)
            t_base = baseline(work, args.learners)
            print(f"{args.learners} learners, exercise 07, same run:")
            print(f"  ours: assign {t_assign:.2f} s + grade {t_grade:.2f} s = {total:.2f} s (judged, grades.csv + report.html)")
            print(f"  papermill CLI loop: {t_base:.1f} s (executed, nothing graded)")
            print(f"  ratio: {t_base / total:.1f}×")
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
