"""Memory per learner server and hub start-to-ready time, measured on a real local hub.

    .venv/bin/python benchmarks/bench_hub.py [--learners 10] [--working 3] [--chapters A.ipynb B.ipynb]
                                             [--answer q3=TEXT]

Starts the workbook's JupyterHub (casework.hub.launch, free ports on 127.0.0.1, a temporary data
folder), then:

1. hub start-to-ready: from starting the hub process until it answers through its proxy, and
   until all ``--learners`` learner servers (started at once through the REST API) are ready;
2. idle learner: memory of each learner's server process with no kernel (logged in, nothing
   open), and of the server plus one idle kernel (a notebook open, nothing run);
3. working learner: for ``--working`` learners, every code cell of a chapter notebook is run in
   a kernel through the server's kernel API (websocket, as JupyterLab does), then the server
   plus kernel is measured again; each further ``--chapters`` notebook runs in a kernel of its
   own (a learner with several notebooks open), and that kernel alone is measured too (the
   chapters with a free-text judge, 04 and 07 and an exercise's written answer, load the Korean
   analyser in it). In an exercise notebook the answer cell ``%%답 q3`` gets the text of
   ``--answer q3=...`` (the default: exercise 07's goal, judged by the goal checker). CPU
   seconds are read from the processes too: per server start and per chapter run, the figures
   that decide how many learners can work at the same moment on few cores.

Memory is RSS (what ``ps`` shows; counts shared libraries in full for every process) and PSS
(shared pages divided among the processes that share them: what the machine really spends per
learner, and the figure to size a server with). Everything started is stopped by PID.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import psutil
import requests
import websocket

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casework.hub import launch  # noqa: E402
from casework.hub.client import HubClient  # noqa: E402

MiB = 1024 * 1024


def server_process(hub: launch.RunningHub, user: str) -> psutil.Process:
    for proc in psutil.Process(hub.pid).children(recursive=True):
        try:
            if "singleuser" in proc.cmdline() and proc.environ().get("JUPYTERHUB_USER") == user:
                return proc
        except psutil.NoSuchProcess:
            continue
    raise RuntimeError(f"no server process for {user}")


def memory(proc: psutil.Process) -> dict[str, float]:
    """RSS and PSS (MiB) of a server and everything under it (its kernels)."""
    rss = pss = 0
    for p in [proc, *proc.children(recursive=True)]:
        info = p.memory_full_info()
        rss += info.rss
        pss += info.pss
    return {"rss": rss / MiB, "pss": pss / MiB, "processes": 1 + len(proc.children(recursive=True))}


def start_kernel(hub: launch.RunningHub, user: str) -> str:
    response = requests.post(f"{hub.url}/user/{user}/api/kernels", json={"name": "python3"},
                             headers={"Authorization": f"token {hub.token}"}, timeout=60)
    response.raise_for_status()
    return response.json()["id"]


def run_cells(hub: launch.RunningHub, user: str, kernel: str, cells: list[str]) -> float:
    """Run each cell in the kernel (as JupyterLab would, over the websocket); return seconds."""
    session = uuid.uuid4().hex
    url = f"{hub.url.replace('http', 'ws', 1)}/user/{user}/api/kernels/{kernel}/channels?session_id={session}"
    ws = websocket.create_connection(url, header=[f"Authorization: token {hub.token}"], timeout=300)
    started = time.monotonic()
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            ws.send(json.dumps({
                "header": {"msg_id": msg_id, "username": user, "session": session, "msg_type": "execute_request",
                           "version": "5.3", "date": datetime.now(UTC).isoformat()},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))
            while True:
                msg = json.loads(ws.recv())
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                if msg["msg_type"] == "error":
                    raise RuntimeError(f"cell failed for {user}: {msg['content']['ename']}: {msg['content']['evalue']}")
                if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                    break
    finally:
        ws.close()
    return time.monotonic() - started


def answered(code: str, answers: dict[str, str]) -> str:
    """An exercise's answer cell (first line ``%%답 q3``) with the learner's answer written in."""
    first = code.split("\n", 1)[0].split()
    if len(first) == 2 and first[0] == "%%답" and first[1] in answers:
        return f"{code.rstrip()}\n{answers[first[1]]}\n"
    return code


def own_memory(proc: psutil.Process) -> dict[str, float]:
    info = proc.memory_full_info()
    return {"rss": info.rss / MiB, "pss": info.pss / MiB}


def cpu_seconds(proc: psutil.Process) -> float:
    times = proc.cpu_times()
    return times.user + times.system


def summary(values: list[float]) -> str:
    return f"{statistics.mean(values):6.1f} (min {min(values):.1f}, max {max(values):.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=10)
    parser.add_argument("--working", type=int, default=3)
    parser.add_argument("--chapters", type=Path, nargs="+", default=[
        ROOT / "notebooks" / "05_사례연구_80세_독거노인.ipynb", ROOT / "notebooks" / "07_목표_설정과_계획_수립.ipynb",
        ROOT / "notebooks" / "04_초기상담과_정보수집.ipynb", ROOT / "exercises" / "07_목표_설정_연습.ipynb"])
    parser.add_argument("--answer", action="append", default=["q3=어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다"],
                        help="QID=TEXT: the answer written into an exercise's %%%%답 QID cell")
    parser.add_argument("--no-shared-analyser", action="store_true",
                        help="no analyser service: every kernel with a free-text check loads its own Kiwi")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    chapters = {}
    answers = dict(a.split("=", 1) for a in args.answer)
    for path in args.chapters:
        nb = json.loads(path.read_text(encoding="utf-8"))
        chapters[path.name] = [answered("".join(c["source"]), answers) for c in nb["cells"]
                               if c["cell_type"] == "code" and "".join(c["source"]).strip()]
    users = [f"learner{i:02d}" for i in range(1, args.learners + 1)]
    results: dict[str, object] = {"learners": args.learners, "working": args.working, "chapters": list(chapters),
                                  "shared_analyser": not args.no_shared_analyser,
                                  "cpus": psutil.cpu_count(), "load_before": psutil.getloadavg()[0]}

    with tempfile.TemporaryDirectory(prefix="bench-hub-") as data:
        settings = launch.prepare(data, port=launch.free_port(), hub_port=launch.free_port(),
                                  proxy_api_port=launch.free_port(), analyser_port=launch.free_port(),
                                  shared_analyser=not args.no_shared_analyser, cull_timeout=3600, cull_every=3600)
        t0 = time.monotonic()
        hub = launch.start_hub(settings)
        try:
            results["hub_ready_s"] = time.monotonic() - t0
            client = HubClient(hub.url, hub.token)
            client.create_users(users)
            t1 = time.monotonic()

            def start(user: str) -> float:
                with HubClient(hub.url, hub.token, timeout=120) as own:
                    own.start_server(user, timeout=300)
                return time.monotonic() - t1

            with ThreadPoolExecutor(max_workers=len(users)) as pool:
                ready_after = list(pool.map(start, users))
            results["servers_ready_s"] = max(ready_after)
            results["hub_start_to_all_ready_s"] = time.monotonic() - t0
            time.sleep(5)  # let start-up work (extension scans) settle before measuring idle
            hub_side = [psutil.Process(hub.pid), *[p for p in psutil.Process(hub.pid).children()
                                                   if "singleuser" not in p.cmdline()]]
            results["hub_overhead_rss_mib"] = sum(p.memory_info().rss for p in hub_side) / MiB
            analyser = [p for p in hub_side if "casework.analyser" in p.cmdline()]
            servers = {u: server_process(hub, u) for u in users}
            start_cpu = [cpu_seconds(p) for p in servers.values()]
            idle = [memory(p) for p in servers.values()]
            print(f"machine: {results['cpus']} CPUs, load before {results['load_before']:.2f}")
            print(f"hub ready (process start -> answers via proxy): {results['hub_ready_s']:.1f} s")
            print(f"{args.learners} learner servers started at once, all ready after: {results['servers_ready_s']:.1f} s "
                  f"(hub start to all ready: {results['hub_start_to_all_ready_s']:.1f} s); "
                  f"CPU per server start {summary(start_cpu)} s")
            print(f"hub + proxy + idle culler{' + analyser service' if analyser else ''}: "
                  f"RSS {results['hub_overhead_rss_mib']:.0f} MiB")
            print(f"idle learner, server only ({args.learners}):  RSS {summary([m['rss'] for m in idle])}  "
                  f"PSS {summary([m['pss'] for m in idle])} MiB")
            results.update(
                server_start_cpu_s=statistics.mean(start_cpu),
                idle_server_rss_mib=statistics.mean(m["rss"] for m in idle),
                idle_server_pss_mib=statistics.mean(m["pss"] for m in idle),
            )
            workers = users[: args.working]
            for n, (name, cells) in enumerate(chapters.items(), start=1):
                old = {u: {k.pid for k in servers[u].children(recursive=True)} for u in workers}
                kernels = {u: start_kernel(hub, u) for u in workers}
                time.sleep(3)
                new_kernel = {u: next(k for k in servers[u].children(recursive=True) if k.pid not in old[u])
                              for u in workers}
                before = {u: {k.pid: cpu_seconds(k) for k in servers[u].children(recursive=True)} for u in workers}
                opened = [memory(servers[u]) for u in workers]
                run_seconds = [run_cells(hub, u, k, cells) for u, k in kernels.items()]
                kernel_cpu = [
                    sum(cpu_seconds(k) - before[u].get(k.pid, 0.0) for k in servers[u].children(recursive=True))
                    for u in workers
                ]
                working = [memory(servers[u]) for u in workers]
                alone = [own_memory(new_kernel[u]) for u in workers]
                print(f"{n} notebook(s) open, kernel idle ({len(workers)}):  RSS {summary([m['rss'] for m in opened])}  "
                      f"PSS {summary([m['pss'] for m in opened])} MiB")
                print(f"{n} notebook(s) run ({name}, {len(cells)} cells, {statistics.mean(run_seconds):.1f} s wall, "
                      f"{statistics.mean(kernel_cpu):.1f} s CPU each): RSS {summary([m['rss'] for m in working])}  "
                      f"PSS {summary([m['pss'] for m in working])} MiB")
                print(f"   its kernel alone: RSS {summary([m['rss'] for m in alone])}  "
                      f"PSS {summary([m['pss'] for m in alone])} MiB")
                results[f"notebooks_{n}"] = {
                    "chapter": name, "cells": len(cells),
                    "opened_rss_mib": statistics.mean(m["rss"] for m in opened),
                    "opened_pss_mib": statistics.mean(m["pss"] for m in opened),
                    "working_rss_mib": statistics.mean(m["rss"] for m in working),
                    "working_pss_mib": statistics.mean(m["pss"] for m in working),
                    "kernel_rss_mib": statistics.mean(m["rss"] for m in alone),
                    "kernel_pss_mib": statistics.mean(m["pss"] for m in alone),
                    "run_wall_s": statistics.mean(run_seconds), "run_cpu_s": statistics.mean(kernel_cpu),
                }
            if analyser:
                service = results["analyser"] = own_memory(analyser[0])
                print(f"analyser service after all runs: RSS {service['rss']:.0f} MiB  PSS {service['pss']:.0f} MiB")
        finally:
            hub.stop()
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
