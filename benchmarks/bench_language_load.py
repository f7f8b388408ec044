"""Load time and memory of the Korean analyser, in a plain process and inside a Jupyter kernel.

    .venv/bin/python benchmarks/bench_language_load.py [--runs 3]

Each run starts a fresh interpreter (or kernel), imports casework, and then judges one goal,
which loads Kiwi once. Printed: the resident memory (RSS) before and after, and the time of the
first and of a second judgement. Medians over the runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

PROBE = r"""
import json, time
def rss():
    with open('/proc/self/status') as f:
        return next(int(l.split()[1]) for l in f if l.startswith('VmRSS')) / 1024
import casework.goals
before = rss()
t = time.perf_counter(); casework.goals.check_goal('어르신이 3개월 안에 주 2회 경로당에 나간다'); first = time.perf_counter() - t
t = time.perf_counter(); casework.goals.check_goal('남편이 평생 술을 끊는다'); second = time.perf_counter() - t
from casework.language import load_seconds
print(json.dumps({'rss_before': before, 'rss_after': rss(), 'first': first, 'second': second, 'kiwi_load': load_seconds()}))
"""


def plain() -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def kernel() -> dict:
    from jupyter_client.manager import start_new_kernel

    km, kc = start_new_kernel(kernel_name="python3")
    try:
        reply = []
        kc.execute_interactive(PROBE, output_hook=lambda m: reply.append(m["content"].get("text", ""))
                               if m["msg_type"] == "stream" else None, timeout=120)
        return json.loads("".join(reply).strip().splitlines()[-1])
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for name, probe in (("plain process", plain), ("Jupyter kernel", kernel)):
        runs = [probe() for _ in range(args.runs)]
        med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
        print(f"{name:15} RSS {med['rss_before']:.0f} MB → {med['rss_after']:.0f} MB "
              f"(+{med['rss_after'] - med['rss_before']:.0f} MB); Kiwi load {med['kiwi_load']:.2f} s; "
              f"first judgement {med['first']:.2f} s, next {med['second'] * 1000:.1f} ms (median of {args.runs})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
