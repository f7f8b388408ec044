#!/usr/bin/env python3
"""Benchmark: import time of casework (package and whole domain core) against ``import pandas``.

Each statement runs in a fresh interpreter, interleaved with the others, N times; the median
wall time of each is printed with its ratio to pandas. Interpreter start-up is included in
every figure alike (a bare ``pass`` is shown for reference).

    .venv/bin/python benchmarks/bench_import.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CORE = ("process", "assessment", "planning", "interview", "monitoring", "closure",
        "resources", "privacy", "cases")
STATEMENTS = {
    "python (pass)": "pass",
    "import pandas": "import pandas",
    "import casework": "import casework",
    "casework core (9 modules)": "import " + ", ".join(f"casework.{m}" for m in CORE),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    times: dict[str, list[float]] = {k: [] for k in STATEMENTS}
    for _ in range(args.runs):
        for label, stmt in STATEMENTS.items():
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", stmt], check=True)
            times[label].append(time.perf_counter() - start)
    base = statistics.median(times["import pandas"])
    for label, values in times.items():
        med = statistics.median(values)
        print(f"{label:28s} median {med * 1000:7.1f} ms   ratio to pandas {med / base:5.2f}")


if __name__ == "__main__":
    main()
