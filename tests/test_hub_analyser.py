"""On the workbook's hub, learner kernels get their Korean tokens from the one shared analyser.

A real hub (free ports, temporary data folder) with its analyser service; a learner's server and
a kernel started through the REST API, as JupyterLab does. The test talks to the kernel directly
through its connection file (jupyter_client), runs a free-text check there, and reads from the
kernel itself that kiwipiepy was never imported and how much memory it holds.
"""

from __future__ import annotations

import json
import time

import pytest

pytest.importorskip("jupyterhub", reason="JupyterHub is not installed (python3 tasks.py test installs it)")
psutil = pytest.importorskip("psutil")
requests = pytest.importorskip("requests")

from jupyter_client import BlockingKernelClient  # noqa: E402

from casework.errors import CaseworkError  # noqa: E402
from casework.hub import launch  # noqa: E402
from casework.hub.client import HubClient  # noqa: E402

try:
    launch.find_proxy()
except CaseworkError:
    pytest.skip("configurable-http-proxy is not installed: `python3 tasks.py test` installs it with npm",
                allow_module_level=True)

pytestmark = pytest.mark.hub

GOAL = "어르신이 운동을 한다"
PROBE = f"""
import json, os, sys
from casework.goals import check_goal
findings = check_goal({GOAL!r})
with open('/proc/self/status') as f:
    rss = next(int(line.split()[1]) for line in f if line.startswith('VmRSS')) / 1024
print(json.dumps({{"kiwi": "kiwipiepy" in sys.modules, "env": os.environ.get("CASEWORK_ANALYSER"),
                  "findings": repr(findings), "rss_mib": rss}}))
"""
# A kernel that ran chapter 05 (no analyser) is about 130 MiB RSS, one that loaded Kiwi 380-420
# (README "규모"); the check must leave it near the first.
RSS_LIMIT_MIB = 200


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    data = tmp_path_factory.mktemp("hub-analyser")
    settings = launch.prepare(data, port=launch.free_port(), hub_port=launch.free_port(),
                              proxy_api_port=launch.free_port(), analyser_port=launch.free_port())
    running = launch.start_hub(settings)
    try:
        yield running
    finally:
        started = running.processes()
        running.stop()
        left = [pid for pid, created in started if psutil.pid_exists(pid)
                and psutil.Process(pid).create_time() == created and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE]
        assert left == [], f"left running after stop: {left}"


def _analyser_process(hub) -> psutil.Process:
    for proc in psutil.Process(hub.pid).children(recursive=True):
        if "casework.analyser" in proc.cmdline():
            return proc
    raise AssertionError("the hub did not start the analyser service")


def _kernel_process(hub, user: str) -> psutil.Process:
    for proc in psutil.Process(hub.pid).children(recursive=True):
        cmd = proc.cmdline()
        if "ipykernel_launcher" in " ".join(cmd) and proc.environ().get("JUPYTERHUB_USER") == user:
            return proc
    raise AssertionError(f"no kernel for {user}")


def _run(connection_file: str, code: str) -> str:
    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        # (wait_for_ready needs a kernel manager; this kernel belongs to the learner's server)
        client.kernel_info()
        client.get_shell_msg(timeout=60)
        time.sleep(1)  # let the output subscription settle before the probe prints
        out: list[str] = []
        reply = client.execute_interactive(code, timeout=120, output_hook=lambda m: out.append(m["content"].get("text", ""))
                                           if m["msg_type"] == "stream" else None)
        assert reply["content"]["status"] == "ok", reply["content"]
        return "".join(out)
    finally:
        client.stop_channels()


def test_learner_kernel_asks_the_shared_analyser_and_stays_small(hub):
    from casework.goals import check_goal

    analyser = _analyser_process(hub)
    user = "hong"
    with HubClient(hub.url, hub.token, timeout=120) as client:
        client.create_users([user])
        client.start_server(user, timeout=180)
    response = requests.post(f"{hub.url}/user/{user}/api/kernels", json={"name": "python3"},
                             headers={"Authorization": f"token {hub.token}"}, timeout=60)
    response.raise_for_status()
    deadline = time.monotonic() + 60
    while True:
        try:
            kernel = _kernel_process(hub, user)
            break
        except AssertionError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
    connection_file = kernel.cmdline()[kernel.cmdline().index("-f") + 1]
    result = json.loads(_run(connection_file, PROBE).strip().splitlines()[-1])

    assert result["env"] == f"http://127.0.0.1:{hub.settings.analyser_port}"
    assert result["kiwi"] is False, "the kernel loaded its own analyser"
    assert result["findings"] == repr(check_goal(GOAL))  # the same judgement as in-process analysis
    assert result["rss_mib"] < RSS_LIMIT_MIB, result
    assert analyser.is_running()
