"""Start JupyterHub or a learner's server, without one slow optional import.

    python -m casework.hub.entry hub -f CONFIG
    python -m casework.hub.entry singleuser [ARGS]

Both import jupyter_events, whose jsonschema format checker builds an IRI grammar
(``rfc3987_syntax``) for about 1.8 s of CPU; no event or notebook schema uses IRI formats, so it
is left out. On a shared 2-core machine this halves a learner server's start (measured:
6.7 s to 3.1 s of imports). Otherwise these are JupyterHub's own entry points, unchanged.
"""

from __future__ import annotations

import signal
import sys


def main() -> None:
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None blocks the import
    # Started from a background job, SIGINT arrives ignored, and processes the hub starts (the
    # idle culler) would inherit that and outlive its stop request: restore the usual handler.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    which = sys.argv.pop(1) if len(sys.argv) > 1 else ""
    if which == "hub":
        from jupyterhub.app import main as run
    elif which == "singleuser":
        from jupyterhub.singleuser import main as run
    else:
        sys.exit("usage: python -m casework.hub.entry {hub|singleuser} [ARGS]")
    sys.exit(run())


if __name__ == "__main__":
    main()
