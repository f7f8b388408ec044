"""The spawner: each learner's JupyterLab runs from the project's venv in their own home folder.

Based on JupyterHub's ``SimpleLocalProcessSpawner`` (no system users: every server runs as the
hub's own user, so this is for a trial or a trusted group, not isolation; see README). It adds
what a workshop needs: the workbook chapters copied into a new home, one log file per learner,
and a failed start that ends in seconds with a Korean message naming the cause (exit code and
the last lines of that learner's log) instead of JupyterHub's bare HTTP 500 after a time-out.
"""

from __future__ import annotations

import asyncio
import html
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner
from tornado import web
from traitlets import Unicode

from casework.hub.launch import free_port

WORKBOOK_FOLDER = "워크북"


class SpawnError(web.HTTPError):
    """A start that failed, with the Korean text JupyterHub shows the learner (page and API)."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(500, "%s", f"{message} {detail}".strip())
        self.jupyterhub_message = message
        shown = f'<pre style="white-space: pre-wrap; text-align: left">{html.escape(detail)}</pre>' if detail else ""
        self.jupyterhub_html_message = f"<p>{html.escape(message)}</p>{shown}"


def _log_tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip().splitlines()[-lines:])


_START_ATTEMPTS = 3


class _PortTaken(Exception):
    """The server exited because another program took its port first."""


def _log_since(path: Path, offset: int) -> str:
    try:
        with path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")
    except OSError:
        return ""


def _listening(ip: str, port: int) -> bool:
    try:
        with socket.create_connection((ip, port), timeout=0.5):
            return True
    except OSError:
        return False


class CaseworkSpawner(SimpleLocalProcessSpawner):
    workbook_dir = Unicode("", config=True, help="Chapter notebooks copied into a new home ('' for none).")
    log_dir = Unicode("", config=True, help="Folder for one log file per learner server.")

    @property
    def log_path(self) -> Path:
        return Path(self.log_dir) / f"{self.user.name}.log"

    def _prepare_home(self) -> None:
        home = Path(self.home_dir)
        home.mkdir(parents=True, exist_ok=True)
        chapters = Path(self.workbook_dir) if self.workbook_dir else None
        target = home / WORKBOOK_FOLDER
        if chapters and chapters.is_dir() and not target.exists():
            # Once per home: later starts never overwrite what the learner changed.
            shutil.copytree(chapters, target, ignore=shutil.ignore_patterns(".*"))

    async def start(self):
        name = self.user.name
        program = Path(self.cmd[0])
        if not os.access(program, os.X_OK):
            raise SpawnError(
                f"{name}님의 학습 서버 프로그램을 찾지 못했습니다. 강사에게 알려 주세요.",
                f"실행 파일이 없습니다: {program}. 'python3 tasks.py hub'로 설치를 다시 하세요.",
            )
        try:
            self._prepare_home()
            Path(self.log_dir).mkdir(parents=True, exist_ok=True)
            log = self.log_path.open("ab")
        except OSError as exc:
            raise SpawnError(
                f"{name}님의 홈 폴더를 준비하지 못했습니다. 강사에게 알려 주세요.",
                f"{self.home_dir}: {exc.strerror or exc}",
            ) from None
        self.popen_kwargs = {"stdout": log, "stderr": subprocess.STDOUT, "stdin": subprocess.DEVNULL}
        try:
            for attempt in range(1, _START_ATTEMPTS + 1):
                self.port = free_port(self.ip or "127.0.0.1")
                started_at = self.log_path.stat().st_size
                ip, port = await super().start()
                try:
                    await self._wait_listening(ip, port, started_at, last_attempt=attempt == _START_ATTEMPTS)
                except _PortTaken:
                    self.log.warning("%s: port %s was taken while the server started; trying another", name, port)
                    continue
                return ip, port
        finally:
            log.close()  # the child keeps its own copy of the descriptor
        raise AssertionError("unreachable: the last attempt raises SpawnError")

    async def _wait_listening(self, ip: str, port: int, log_offset: int = 0, *, last_attempt: bool = True) -> None:
        """Return once the server accepts connections; raise SpawnError if it exits or hangs.

        Raises _PortTaken instead when the server exited because its port was taken and another
        attempt is left.
        """
        deadline = time.monotonic() + self.http_timeout
        while not _listening(ip, port):
            status = self.proc.poll() if self.proc is not None else None
            if status is not None:
                if not last_attempt and "is already in use" in _log_since(self.log_path, log_offset):
                    raise _PortTaken
                raise SpawnError(
                    f"{self.user.name}님의 학습 서버가 시작하자마자 멈췄습니다 (종료 코드 {status}). "
                    "강사에게 알려 주세요.",
                    f"기록 파일 {self.log_path}의 끝부분:\n{_log_tail(self.log_path)}",
                )
            if time.monotonic() > deadline:
                await self.stop(now=True)
                raise SpawnError(
                    f"{self.user.name}님의 학습 서버가 {self.http_timeout}초 안에 준비되지 않았습니다. "
                    "잠시 뒤 다시 시도하고, 계속되면 강사에게 알려 주세요.",
                    f"기록 파일 {self.log_path}의 끝부분:\n{_log_tail(self.log_path)}",
                )
            await asyncio.sleep(0.1)
