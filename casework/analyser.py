"""One Korean analyser for a whole hub: ``python -m casework.analyser --port 8002``.

Every learner kernel that runs a free-text check would otherwise load its own Kiwi (about
250-280 MiB PSS each, README "규모"). This process loads it once and answers

    POST /analyse   {"text": "..."}   ->   200 {"tokens": [[form, tag, start, end, oov], ...]}

with exactly the tokens :func:`casework.language.analyse_in_process` gives. Kernels find it
through ``CASEWORK_ANALYSER=http://127.0.0.1:PORT`` (:mod:`casework.language.remote`).

HTTP on 127.0.0.1 rather than a Unix socket: the stdlib client and server need no extra code,
and the same protocol serves Kubernetes, where learner pods reach the hub's pod over the
network. Nothing else is served: no path but ``/analyse``, no method but POST, no file is read
or written; a body that is not a JSON object with a ``text`` string gets 400, one over the
judges' limit (:data:`casework.judging.answers.MAX_ANSWER` characters) 413. Requests run in
threads; Kiwi itself is asked by one thread at a time (an analysis takes milliseconds). SIGTERM
or SIGINT stops it cleanly (exit code 0).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from casework.judging.answers import MAX_ANSWER
from casework.language import analyse_in_process, load_kiwi

PATH = "/analyse"
# UTF-8 needs at most 4 bytes a character; JSON escaping (\uXXXX) at most 6 (12 for a pair).
MAX_BODY = MAX_ANSWER * 12 + 1024

_KIWI_LOCK = threading.Lock()


class AnalyserHandler(BaseHTTPRequestHandler):
    server_version = "casework-analyser"
    protocol_version = "HTTP/1.1"

    def _reply(self, status: int, payload: dict[str, object]) -> None:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _refuse_method(self) -> None:
        self._reply(405, {"error": f"only POST {PATH}"})

    do_GET = do_PUT = do_DELETE = do_PATCH = do_HEAD = _refuse_method

    def do_POST(self) -> None:
        if self.path != PATH:
            self._reply(404, {"error": f"only POST {PATH}"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._reply(411, {"error": "Content-Length required"})
            return
        if length < 0 or length > MAX_BODY:
            self.close_connection = True  # the body is not read
            self._reply(413, {"error": f"at most {MAX_ANSWER} characters"})
            return
        try:
            payload = json.loads(self.rfile.read(length).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            self._reply(400, {"error": "the body must be JSON: {\"text\": \"...\"}"})
            return
        text = payload.get("text") if isinstance(payload, dict) else None
        if not isinstance(text, str):
            self._reply(400, {"error": "\"text\" must be a string"})
            return
        if len(text) > MAX_ANSWER:
            self._reply(413, {"error": f"at most {MAX_ANSWER} characters"})
            return
        with _KIWI_LOCK:
            tokens = analyse_in_process(text)
        self._reply(200, {"tokens": [[t.form, t.tag, t.start, t.end, t.oov] for t in tokens]})

    def log_message(self, format: str, *args: object) -> None:
        """No line per request (texts are learners' answers); errors still reach stderr."""


class AnalyserServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default listen backlog (5) resets connections when a class checks at once


def serve(host: str, port: int, *, ready: threading.Event | None = None, stop: threading.Event | None = None) -> None:
    """Load Kiwi, then answer on ``host:port`` until ``stop`` is set (or SIGTERM/SIGINT in main)."""
    load_kiwi()
    server = AnalyserServer((host, port), AnalyserHandler)
    stop = stop or threading.Event()
    thread = threading.Thread(target=server.serve_forever, name="analyser", daemon=True)
    thread.start()
    print(f"casework analyser ready on http://{host}:{server.server_address[1]}", file=sys.stderr, flush=True)
    if ready is not None:
        ready.set()
    try:
        while not stop.wait(0.5):  # short waits: the signal handler runs between them
            pass
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="The workbook's shared Korean analyser service.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8002)
    args = parser.parse_args(argv)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    serve(args.host, args.port, stop=stop)
    return 0


if __name__ == "__main__":
    sys.exit(main())
