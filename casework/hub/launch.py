"""Start the workbook's JupyterHub and stop it again, everything by PID.

:func:`prepare` writes the data folder (settings with secrets kept between runs), and
:func:`start_hub` runs ``jupyterhub`` in the background, logging to ``logs/hub.log``, and
returns once the hub answers through its proxy. :meth:`RunningHub.stop` collects the PIDs of
the hub and of everything it started (proxy, services, learner servers, their kernels) before
it asks the hub to shut down, then ends whatever is left of them by those PIDs.
``casework hub``, the integration test and the benchmark all use this one launcher.
"""

from __future__ import annotations

import importlib.util
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from casework._util.text import particle
from casework.errors import CaseworkError
from casework.hub.settings import DATA_ENV, HubSettings, load_settings, merged, save_settings, settings_path

CONFIG_FILE = Path(__file__).with_name("jupyterhub_config.py")
PROXY_ENV = "CASEWORK_PROXY"
PROXY_NAME = "configurable-http-proxy"


def repo_root() -> Path | None:
    """The checkout this package runs from (editable install), or None."""
    root = Path(__file__).resolve().parents[2]
    return root if (root / "tasks.py").is_file() else None


def find_proxy() -> str:
    """configurable-http-proxy: $CASEWORK_PROXY, the project's npm folder, or PATH."""
    candidates = [os.environ.get(PROXY_ENV, "")]
    root = repo_root()
    if root:
        candidates.append(str(root / "jupyter" / "proxy" / "node_modules" / ".bin" / PROXY_NAME))
    candidates.append(shutil.which(PROXY_NAME) or "")
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise CaseworkError(
        f"{PROXY_NAME}{particle(str(PROXY_NAME), '을')} 찾지 못했습니다. 'python3 tasks.py hub'가 npm으로 설치합니다 "
        "(Node.js 20 이상 필요). 다른 곳에 있다면 CASEWORK_PROXY 환경 변수에 그 경로를 적으세요."
    )


def check_hub_installed() -> None:
    for module in ("jupyterhub", "jupyterhub_idle_culler", "jupyterlab"):
        if importlib.util.find_spec(module) is None:
            raise CaseworkError(
                f"허브에 필요한 파이썬 패키지({module})가 이 환경에 없습니다. 'python3 tasks.py hub'로 설치하고 시작하세요."
            )


def port_free(ip: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do: TIME_WAIT is no conflict
        try:
            sock.bind((ip or "0.0.0.0", port))
        except OSError:
            return False
    return True


_LOWEST_PORT = 20000
_handed_out: deque[int] = deque(maxlen=64)


def _ephemeral_start(path: Path = Path("/proc/sys/net/ipv4/ip_local_port_range")) -> int:
    """The lowest port the kernel hands out for port-0 binds and outgoing connections."""
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768  # Linux's default


def free_port(ip: str = "127.0.0.1", *, ephemeral_start: int | None = None) -> int:
    """A free TCP port below the kernel's ephemeral range, not handed out recently by this process.

    A server binds its port seconds after the port was chosen (JupyterLab takes several). A port
    from the ephemeral range (``bind(0)``) can meanwhile be taken by any outgoing connection or
    kernel on the machine, and the server then exits with "port already in use".
    """
    top = ephemeral_start or _ephemeral_start()
    candidates = range(_LOWEST_PORT, top) if top > _LOWEST_PORT + 1000 else range(0)
    for port in random.sample(candidates, min(100, len(candidates))):
        if port in _handed_out:
            continue
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind((ip, port))
            except OSError:
                continue
        _handed_out.append(port)
        return port
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:  # no room below: the kernel chooses
        sock.bind((ip, 0))
        return int(sock.getsockname()[1])


def prepare(data_dir: str | Path, **values: object) -> HubSettings:
    """Write ``hub.json`` in ``data_dir``: ``values`` over the previous run's, secrets kept.

    Passwords not given come from ``CASEWORK_HUB_PASSWORD`` / ``CASEWORK_HUB_INSTRUCTOR_PASSWORD``,
    then from the previous run, else they are generated.
    """
    data = Path(data_dir).resolve()
    previous = load_settings(data) if settings_path(data).is_file() else None
    values.setdefault("learner_password", os.environ.get("CASEWORK_HUB_PASSWORD"))
    values.setdefault("instructor_password", os.environ.get("CASEWORK_HUB_INSTRUCTOR_PASSWORD"))
    base = dict(vars(previous)) if previous else {}
    base.update(merged(previous, **values))
    base["data_dir"] = str(data)
    base["proxy_command"] = values.get("proxy_command") or find_proxy()
    base["venv_bin"] = str(Path(sys.executable).parent)
    if values.get("workbook_dir") is None:
        root = repo_root()
        base["workbook_dir"] = str(root / "notebooks") if root else None
    settings = HubSettings(**base)
    save_settings(settings)
    for sub in ("homes", "logs"):
        (data / sub).mkdir(exist_ok=True)
    return settings


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/hub/api/", timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return False


def _descendants(pid: int) -> list[tuple[int, float]]:
    """(pid, create_time) of ``pid`` and all its descendants, so a reused PID is never hit."""
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []
    found = []
    for proc in procs:
        with suppress(psutil.NoSuchProcess):
            found.append((proc.pid, proc.create_time()))
    return found


def _end(pids: list[tuple[int, float]], timeout: float) -> None:
    import psutil

    alive = []
    for pid, created in pids:
        try:
            proc = psutil.Process(pid)
            if proc.create_time() == created:
                proc.terminate()
                alive.append(proc)
        except psutil.NoSuchProcess:
            pass
    _, left = psutil.wait_procs(alive, timeout=timeout)
    for proc in left:
        with suppress(psutil.NoSuchProcess):
            proc.kill()
    psutil.wait_procs(left, timeout=timeout)


@dataclass
class RunningHub:
    settings: HubSettings
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return self.settings.url

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def token(self) -> str:
        return self.settings.service_token

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""

    def processes(self) -> list[tuple[int, float]]:
        return _descendants(self.process.pid)

    def stop(self, timeout: float = 20.0) -> None:
        """Shut the hub down (it stops learner servers and the proxy), then end any leftover by PID."""
        if self.process.poll() is not None:
            return
        started = self.processes()
        self.process.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)
        _end(started, timeout=5.0)
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def start_hub(settings: HubSettings, *, ready_timeout: float = 60.0) -> RunningHub:
    """Run JupyterHub in the background with ``settings``; return once it answers at its URL."""
    check_hub_installed()
    ports = [("허브 주소, --port", settings.port), ("허브 내부", settings.hub_port), ("프록시 관리", settings.proxy_api_port)]
    if settings.shared_analyser:
        ports.append(("형태소 분석 서비스", settings.analyser_port))
    for what, port in ports:
        if not port_free(settings.ip if what.startswith("허브 주소") else "127.0.0.1", port):
            raise CaseworkError(f"포트 {port}번({what})을 이미 다른 프로그램이 쓰고 있습니다. 다른 포트를 주거나 그 프로그램을 끄세요.")
    log = settings.data / "logs" / "hub.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, **{DATA_ENV: settings.data_dir})
    cmd = [str(Path(settings.venv_bin) / "python"), "-m", "casework.hub.entry", "hub", "-f", str(CONFIG_FILE)]
    with log.open("ab") as out:
        # Own session: Ctrl+C reaches only the caller, which stops the hub in order (stop()).
        process = subprocess.Popen(cmd, cwd=settings.data, env=env, stdout=out, stderr=subprocess.STDOUT,
                                   stdin=subprocess.DEVNULL, start_new_session=True)
    hub = RunningHub(settings=settings, process=process, log=log)
    deadline = time.monotonic() + ready_timeout
    try:
        while not _answers(settings.url):
            if process.poll() is not None:
                raise CaseworkError(f"허브가 시작하지 못하고 멈췄습니다 (종료 코드 {process.returncode}). 기록 {log}의 끝부분:\n{hub.log_tail(2000)}")
            if time.monotonic() > deadline:
                raise CaseworkError(f"허브가 {ready_timeout:.0f}초 안에 준비되지 않았습니다. 기록 {log}의 끝부분:\n{hub.log_tail(2000)}")
            time.sleep(0.2)
    except BaseException:
        hub.stop()
        raise
    return hub


@contextmanager
def running_hub(settings: HubSettings, **kwargs: float) -> Iterator[RunningHub]:
    """:func:`start_hub`, and always :meth:`RunningHub.stop` however the block ends."""
    hub = start_hub(settings, **kwargs)
    try:
        yield hub
    finally:
        hub.stop()
