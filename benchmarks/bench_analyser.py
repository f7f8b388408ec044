"""The shared analyser service against Kiwi in the process: latency per text, a class at once, memory.

    .venv/bin/python benchmarks/bench_analyser.py [--clients 30]

Starts ``python -m casework.analyser`` on a free port, then for every sentence of the labelled
sets (benchmarks/data/language) times one analysis in this process and one request to the
service (one new connection per request, as a kernel's check makes), side by side: median, 95th
percentile and maximum in milliseconds, and the longest text the judges accept (20,000
characters). Then ``--clients`` threads send all sentences at once (a class checking together):
requests per second and the slowest answer. Last, the memory of the service process (RSS and
PSS) and the seconds from its start to ready. The service is stopped by its PID.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, load_goals, load_notes, load_questions  # noqa: E402 (sibling script)
from bench_topics import load_topics  # noqa: E402

from casework.hub.launch import free_port  # noqa: E402
from casework.judging.answers import MAX_ANSWER  # noqa: E402
from casework.language import analyse_in_process, load_kiwi  # noqa: E402


def ask(url: str, text: str) -> float:
    started = time.perf_counter()
    request = urllib.request.Request(f"{url}/analyse", data=json.dumps({"text": text}).encode("utf-8"), method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        json.loads(response.read())
    return (time.perf_counter() - started) * 1000


def local(text: str) -> float:
    started = time.perf_counter()
    analyse_in_process(text)
    return (time.perf_counter() - started) * 1000


def line(name: str, ms: list[float]) -> str:
    ordered = sorted(ms)
    p95 = ordered[int(len(ordered) * 0.95) - 1]
    return f"{name:22} median {statistics.median(ms):6.2f}  p95 {p95:6.2f}  max {max(ms):7.2f} ms"


def main(argv: list[str] | None = None) -> int:
    import psutil

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    args = parser.parse_args(argv)
    texts = ([t for _, _, t in load_goals(DATA / "goals.tsv")] + [t for _, t in load_questions(DATA / "questions.tsv")]
             + [n.text for n in load_notes(DATA / "masking.txt")] + [t for _, t in load_topics(DATA / "topics.tsv")])
    longest = ("어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다. " * 1000)[:MAX_ANSWER]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    started = time.perf_counter()
    service = subprocess.Popen([sys.executable, "-m", "casework.analyser", "--port", str(port)],
                               stderr=subprocess.PIPE, text=True)
    try:
        assert service.stderr is not None
        if "ready" not in service.stderr.readline():
            raise SystemExit("the analyser service did not start")
        ready_s = time.perf_counter() - started
        load_kiwi()
        for text in texts[:20]:  # warm both sides
            local(text)
            ask(url, text)
        print(f"{len(texts)} sentences of the labelled sets, one at a time")
        print(line("in this process", [local(t) for t in texts]))
        print(line("service (HTTP)", [ask(url, t) for t in texts]))
        print(f"{MAX_ANSWER:,} characters: in this process {local(longest):.0f} ms, service {ask(url, longest):.0f} ms")
        started = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            answers = list(pool.map(lambda t: ask(url, t), texts))
        elapsed = time.perf_counter() - started
        print(f"{args.clients} clients at once, {len(texts)} requests: {len(texts) / elapsed:.0f} requests/s, "
              f"slowest answer {max(answers):.0f} ms, median {statistics.median(answers):.1f} ms")
        info = psutil.Process(service.pid).memory_full_info()
        print(f"service: ready {ready_s:.1f} s after start; RSS {info.rss / 2**20:.0f} MiB, PSS {info.pss / 2**20:.0f} MiB")
    finally:
        service.terminate()
        service.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
