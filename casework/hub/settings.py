"""What one hub needs to know, kept as ``hub.json`` in its data folder (owner-only).

``casework hub`` writes the file (secrets are generated once and kept); the JupyterHub config
file reads it through ``CASEWORK_HUB_DATA``. The data folder holds everything the hub writes:
its database and cookie secret, the learners' homes, logs and the JupyterLab app settings.
"""

from __future__ import annotations

import json
import os
import secrets
from dataclasses import asdict, dataclass
from pathlib import Path

from casework._util.fs import atomic_write
from casework._util.text import particle
from casework.errors import CaseworkError

DATA_ENV = "CASEWORK_HUB_DATA"
SETTINGS_FILE = "hub.json"
TOKEN_FILE = "instructor-token"
LEARNER_PASSWORD_MIN = 8  # SharedPasswordAuthenticator's own limits
INSTRUCTOR_PASSWORD_MIN = 32


@dataclass(frozen=True)
class HubSettings:
    data_dir: str
    learner_password: str
    instructor_password: str
    service_token: str
    proxy_command: str
    venv_bin: str
    workbook_dir: str | None = None
    instructor: str = "instructor"
    ip: str = "127.0.0.1"
    port: int = 8000
    hub_port: int = 8081
    proxy_api_port: int = 8001
    cull_timeout: int = 3600
    cull_every: int = 300
    # A class logging in at once on 2 cores: 30 starts x 2.8 CPU-s / 2 cores = 42 s for the last.
    http_timeout: int = 120

    @property
    def data(self) -> Path:
        return Path(self.data_dir)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.ip in ("", "0.0.0.0") else self.ip
        return f"http://{host}:{self.port}"

    def check(self) -> None:
        """Korean errors for values JupyterHub would reject with an English traceback."""
        if len(self.learner_password) < LEARNER_PASSWORD_MIN:
            raise CaseworkError(f"학습자 비밀번호는 {LEARNER_PASSWORD_MIN}자 이상이어야 합니다 (지금 {len(self.learner_password)}자).")
        if len(self.instructor_password) < INSTRUCTOR_PASSWORD_MIN:
            raise CaseworkError(
                f"강사 비밀번호는 {INSTRUCTOR_PASSWORD_MIN}자 이상이어야 합니다 (지금 {len(self.instructor_password)}자). "
                "비워 두면 'casework hub'가 만들어 줍니다."
            )
        if self.learner_password == self.instructor_password:
            raise CaseworkError("강사 비밀번호와 학습자 비밀번호가 같습니다. 서로 다르게 정하세요.")
        for name, port in (("--port", self.port), ("허브 내부 포트", self.hub_port), ("프록시 관리 포트", self.proxy_api_port)):
            if not 0 < port < 65536:
                raise CaseworkError(f"{name} 값 {port}{particle(str(port), '은')} 포트 번호(1–65535)가 아닙니다.")
        if len({self.port, self.hub_port, self.proxy_api_port}) != 3:
            raise CaseworkError("허브 주소 포트, 허브 내부 포트, 프록시 관리 포트는 서로 달라야 합니다.")


def new_secrets() -> dict[str, str]:
    return {
        "learner_password": secrets.token_urlsafe(9),
        "instructor_password": secrets.token_urlsafe(32),
        "service_token": secrets.token_hex(32),
    }


def settings_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / SETTINGS_FILE


def load_settings(data_dir: str | Path | None = None) -> HubSettings:
    """The settings in ``data_dir`` (default: ``$CASEWORK_HUB_DATA``)."""
    data_dir = data_dir or os.environ.get(DATA_ENV)
    if not data_dir:
        raise CaseworkError(f"허브 데이터 폴더를 모릅니다. 'casework hub'로 시작하거나 {DATA_ENV} 환경 변수에 폴더를 적으세요.")
    path = settings_path(data_dir)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return HubSettings(**raw)
    except FileNotFoundError:
        raise CaseworkError(f"허브 설정 파일이 없습니다: {path}. 'casework hub --data {data_dir}'로 한 번 시작하면 만들어집니다.") from None
    except (ValueError, TypeError) as exc:
        raise CaseworkError(f"허브 설정 파일 {path}{particle(str(path), '을')} 읽지 못했습니다"
            f" ({exc}). 지우고 'casework hub'로 다시 만드세요.") from None


def save_settings(settings: HubSettings) -> Path:
    """Write ``hub.json`` and the instructor token file, both readable by the owner only."""
    settings.check()
    data = settings.data
    data.mkdir(parents=True, exist_ok=True)
    text = json.dumps(asdict(settings), ensure_ascii=False, indent=2) + "\n"
    atomic_write(data / TOKEN_FILE, (settings.service_token + "\n").encode("ascii"), overwrite=True, mode=0o600)
    return atomic_write(settings_path(data), text.encode("utf-8"), overwrite=True, mode=0o600)


def merged(previous: HubSettings | None, **values: object) -> dict[str, object]:
    """``values`` with the secrets of ``previous`` (or new ones) for those not given."""
    kept = {k: getattr(previous, k) for k in new_secrets()} if previous else new_secrets()
    return {**kept, **{k: v for k, v in values.items() if v is not None}}

