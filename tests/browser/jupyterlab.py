"""Start JupyterLab from the project venv for one test, and always stop it by its PID.

Everything the server writes (settings, workspaces, runtime files, logs) goes to a temporary
directory, so the test neither reads nor changes the user's own Jupyter setup. The repo's
``jupyter/overrides.json`` (news and update-check toasts off) is used as the app settings, the
same file ``tasks.py`` copies into the venv; the user settings add only what the test needs.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casework.hub.launch import free_port

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "jupyter" / "overrides.json"

# User settings for the test only: never autosave (a test saves when it means to), render every
# cell (no windowing, so the whole notebook is in the DOM), start the notebook's own kernel
# without a "Select Kernel" dialog, shut the kernel down when a notebook is closed (so a reopened
# notebook starts from its saved file, as after a day away), and keep the news/update toasts off
# even if the overrides file changes.
USER_SETTINGS = {
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
        "kernelShutdown": True,
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}


@dataclass(frozen=True)
class LabServer:
    url: str
    pid: int
    log: Path

    def log_tail(self, chars: int = 3000) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]

    def kernel_state(self, path: str) -> tuple[str, int] | None:
        """(execution_state, connections) of the one kernel of the notebook at ``path``, or None.

        None while no session exists yet, and also when more than one session has that path
        (a state the test should not act in).
        """
        with urllib.request.urlopen(f"{self.url}/api/sessions", timeout=5) as response:
            sessions = [s for s in json.load(response) if s.get("path") == path and s.get("kernel")]
        if len(sessions) != 1:
            return None
        kernel = sessions[0]["kernel"]
        return kernel["execution_state"], int(kernel["connections"])

    def end_sessions(self) -> None:
        """End every notebook session and its kernel (a test leaves no kernel behind)."""
        with urllib.request.urlopen(f"{self.url}/api/sessions", timeout=5) as response:
            sessions = json.load(response)
        for session in sessions:
            request = urllib.request.Request(f"{self.url}/api/sessions/{session['id']}", method="DELETE")
            urllib.request.urlopen(request, timeout=30).close()


def _write_settings(base: Path) -> tuple[Path, Path]:
    app_settings = base / "app-settings"
    app_settings.mkdir(parents=True)
    shutil.copyfile(OVERRIDES, app_settings / "overrides.json")
    user_settings = base / "user-settings"
    for rel, content in USER_SETTINGS.items():
        path = user_settings / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content), encoding="utf-8")
    return app_settings, user_settings


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/api/status", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=15)


@contextmanager
def running_lab(tmp: Path, *, root: Path = ROOT, env: Mapping[str, str] | None = None,
                startup_timeout: float = 60.0) -> Iterator[LabServer]:
    """Run ``python -m jupyter lab`` on 127.0.0.1 at a free port; stop it however the block ends.

    ``root`` is the folder the server shows (a test that saves notebooks passes a copy of the
    workbook); ``env`` adds variables for the server and its kernels (e.g. CASEWORK_PROGRESS).
    """
    app_settings, user_settings = _write_settings(tmp)
    dirs = {name: tmp / name for name in ("workspaces", "runtime", "config", "data", "ipython")}
    for d in dirs.values():
        d.mkdir()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server_env = dict(
        os.environ,
        JUPYTER_RUNTIME_DIR=str(dirs["runtime"]),
        JUPYTER_CONFIG_DIR=str(dirs["config"]),
        JUPYTER_DATA_DIR=str(dirs["data"]),  # no stray user kernelspecs or extensions
        IPYTHONDIR=str(dirs["ipython"]),
        JUPYTERLAB_SETTINGS_DIR=str(user_settings),
        JUPYTERLAB_WORKSPACES_DIR=str(dirs["workspaces"]),
        PYTHONWARNINGS="ignore",
        **(env or {}),
    )
    cmd = [
        sys.executable, "-m", "jupyter", "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--port-retries=0",
        "--IdentityProvider.token=",
        "--ServerApp.password=",
        "--ServerApp.disable_check_xsrf=True",  # lets end_sessions() DELETE without a browser cookie
        f"--ServerApp.root_dir={root}",
        f"--LabApp.app_settings_dir={app_settings}",
        f"--LabApp.user_settings_dir={user_settings}",
        f"--LabApp.workspaces_dir={dirs['workspaces']}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--ServerApp.terminals_enabled=False",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI often run as root
    log = tmp / "jupyterlab.log"
    with log.open("wb") as log_file:
        proc = subprocess.Popen(cmd, cwd=root, env=server_env, stdout=log_file, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL)
    server = LabServer(url=url, pid=proc.pid, log=log)
    try:
        deadline = time.monotonic() + startup_timeout
        while not _answers(url):
            if proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited with code {proc.returncode}:\n{server.log_tail()}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"JupyterLab did not answer within {startup_timeout:.0f}s:\n{server.log_tail()}")
            time.sleep(0.25)
        yield server
    finally:
        _stop(proc)
