"""JupyterHub configuration for one server: applied to JupyterHub's config object ``c``.

``jupyterhub_config.py`` beside this module calls :func:`configure` with the settings from the
data folder. Choices, each explained where it is made:

- authenticator: JupyterHub's built-in shared-password authenticator (a workshop: one password
  for learners, a separate long one for the instructor, who is the only admin; only users the
  instructor created may log in);
- spawner: :class:`casework.hub.spawner.CaseworkSpawner`, JupyterLab from the project's venv,
  one home folder per learner under the data folder, Korean UI;
- services: ``instructor-tools`` (a token for ``casework collect``/``assign --hub`` with exactly
  the scopes below), ``idle-culler`` (stops servers idle for ``cull_timeout`` seconds) and
  ``analyser`` (:mod:`casework.analyser`: one Korean analyser for every learner kernel, named to
  them in ``CASEWORK_ANALYSER``; the hub starts it and stops it with itself).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any

from casework.hub.settings import HubSettings

TEMPLATES = Path(__file__).with_name("templates")
# The checkout's file; an installed package falls back to the copy tasks.py puts in the venv.
REPO_OVERRIDES = Path(__file__).resolve().parents[2] / "jupyter" / "overrides.json"
if not REPO_OVERRIDES.is_file():
    REPO_OVERRIDES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
LOCALE_OVERRIDE = {"@jupyterlab/translation-extension:plugin": {"locale": "ko_KR"}}

INSTRUCTOR_SERVICE = "instructor-tools"
# List users, create users, start/stop/read servers, and use each server's Contents API.
INSTRUCTOR_SCOPES = ["list:users", "read:users", "admin:users", "servers", "access:servers"]
# What jupyterhub-idle-culler's README asks for (no user deletion).
CULLER_SCOPES = ["list:users", "read:users:activity", "read:servers", "delete:servers"]
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,31}$"


def write_lab_settings(target: Path, overrides: Path = REPO_OVERRIDES) -> Path:
    """JupyterLab app settings for learner servers: the project's overrides plus Korean UI.

    The same mechanism as ``tasks.py`` (``overrides.json``, copied from ``jupyter/``); the
    locale sits in ``overrides.d``, which JupyterLab applies first, so a locale set in the
    project's own ``overrides.json`` wins. Also used to build the Kubernetes image.
    """
    (target / "overrides.d").mkdir(parents=True, exist_ok=True)
    copy = target / "overrides.json"
    if overrides.is_file() and not (copy.exists() and copy.samefile(overrides)):
        shutil.copyfile(overrides, copy)
    (target / "overrides.d" / "casework-hub.json").write_text(json.dumps(LOCALE_OVERRIDE, indent=2) + "\n", encoding="utf-8")
    return target


def configure(c: Any, settings: HubSettings) -> None:
    """Set every JupyterHub option this project relies on."""
    data = settings.data
    is_root = hasattr(os, "geteuid") and os.geteuid() == 0

    c.JupyterHub.ip = settings.ip
    c.JupyterHub.port = settings.port
    c.JupyterHub.hub_ip = "127.0.0.1"
    c.JupyterHub.hub_port = settings.hub_port
    c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(data / "jupyterhub.pid")
    c.JupyterHub.template_paths = [str(TEMPLATES)]
    c.JupyterHub.template_vars = {
        "announcement_login": "사례관리 워크북 학습 허브입니다. 강사가 알려 준 사용자 이름과 비밀번호로 들어오세요.",
    }
    c.JupyterHub.cleanup_servers = True  # stopping the hub stops every learner server it started
    c.ConfigurableHTTPProxy.command = [settings.proxy_command]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
    c.ConfigurableHTTPProxy.pid_file = str(data / "jupyterhub-proxy.pid")

    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = settings.learner_password
    c.SharedPasswordAuthenticator.admin_password = settings.instructor_password
    c.Authenticator.admin_users = {settings.instructor}
    c.Authenticator.allow_all = False
    c.Authenticator.allow_existing_users = True  # learners are the users the instructor created
    c.Authenticator.username_pattern = USERNAME_PATTERN

    from casework.hub.spawner import CaseworkSpawner

    c.JupyterHub.spawner_class = CaseworkSpawner
    c.CaseworkSpawner.home_dir_template = str(data / "homes" / "{username}")
    c.CaseworkSpawner.log_dir = str(data / "logs")
    c.CaseworkSpawner.workbook_dir = settings.workbook_dir or ""
    c.Spawner.cmd = [str(Path(settings.venv_bin) / "python"), "-m", "casework.hub.entry", "singleuser"]
    c.Spawner.default_url = "/lab"
    c.Spawner.http_timeout = settings.http_timeout
    c.Spawner.start_timeout = settings.http_timeout + 30
    args = [
        f"--LabApp.app_settings_dir={write_lab_settings(data / 'lab-settings')}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",  # learners do not install extensions
        "--ServerApp.terminals_enabled=False",  # learners need notebooks, not a shell
    ]
    if is_root:
        args.append("--allow-root")  # CI and fresh servers run the hub as root
    c.Spawner.args = args
    if settings.shared_analyser:
        c.Spawner.environment = {"CASEWORK_ANALYSER": f"http://127.0.0.1:{settings.analyser_port}"}

    c.JupyterHub.services = [
        {"name": INSTRUCTOR_SERVICE, "api_token": settings.service_token},
        {
            "name": "idle-culler",
            "command": [
                str(Path(settings.venv_bin) / "python"), "-m", "jupyterhub_idle_culler",
                f"--timeout={settings.cull_timeout}", f"--cull-every={settings.cull_every}",
            ],
        },
    ]
    if settings.shared_analyser:
        c.JupyterHub.services.append({
            "name": "analyser",
            "command": [str(Path(settings.venv_bin) / "python"), "-m", "casework.analyser",
                        "--port", str(settings.analyser_port)],
        })
    c.JupyterHub.load_roles = [
        {"name": INSTRUCTOR_SERVICE, "description": "casework collect / assign --hub",
         "scopes": INSTRUCTOR_SCOPES, "services": [INSTRUCTOR_SERVICE]},
        {"name": "idle-culler", "description": "Stop idle learner servers",
         "scopes": CULLER_SCOPES, "services": ["idle-culler"]},
    ]
