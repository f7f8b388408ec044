"""Client of the shared analyser service (:mod:`casework.analyser`): tokens over 127.0.0.1 HTTP.

When ``CASEWORK_ANALYSER`` names the service (``http://127.0.0.1:8002``), :func:`casework.language.analyse`
asks it instead of loading Kiwi in this process. Any failure (not running, refused, slow, a bad
reply) returns None, so the caller analyses in-process: a judge never fails because of the
service. The first failure is noted once in the process's own log (the original stderr, which
for a learner kernel is the server's log file, not the notebook), and the service is not asked
again for a minute, so a hung service costs one timeout, not one per sentence.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import TextIO

ANALYSER_ENV = "CASEWORK_ANALYSER"
TIMEOUT_S = 5.0
RETRY_AFTER_S = 60.0

_STATE: dict[str, float | bool] = {"down_until": 0.0, "logged": False}
_log = logging.getLogger("casework.language.remote")


def _log_stream() -> TextIO | None:
    """The process's own stderr, never the notebook.

    In a Jupyter kernel fd 2 is piped into the notebook, and ``sys.stderr.fileno()`` is the
    kernel's copy of the original stderr (the learner server's log); elsewhere it is fd 2.
    """
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        return None
    return os.fdopen(os.dup(fd), "w", encoding="utf-8", buffering=1)


def _note_once(url: str, error: BaseException) -> None:
    if _STATE["logged"]:
        return
    _STATE["logged"] = True
    if not _log.handlers:
        stream = _log_stream()
        handler: logging.Handler = logging.StreamHandler(stream) if stream else logging.NullHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
        _log.addHandler(handler)
        _log.propagate = False
    _log.warning("analyser service %s not usable (%s: %s); analysing in this process instead",
                 url, type(error).__name__, error)


def fetch_tokens(url: str, text: str) -> list[tuple[str, str, int, int, bool]] | None:
    """(form, tag, start, end, oov) of each morpheme from the service at ``url``, or None."""
    if time.monotonic() < float(_STATE["down_until"]):
        return None
    import urllib.request

    request = urllib.request.Request(url.rstrip("/") + "/analyse", data=json.dumps({"text": text}).encode("utf-8"),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
            rows = json.loads(response.read())["tokens"]
        return [(str(f), str(t), int(s), int(e), bool(o)) for f, t, s, e, o in rows]
    except Exception as error:  # any failure means: analyse here (the judges must not fail)
        _STATE["down_until"] = time.monotonic() + RETRY_AFTER_S
        _note_once(url, error)
        return None
