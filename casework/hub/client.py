"""Talk to a JupyterHub and its learners' servers with the instructor service token.

Transport only: list and create hub users, start a learner's server and wait until it is ready,
and put or get a file (bytes, unchanged) in a learner's home through their server's Contents
API. Everything goes through the hub's public URL (the proxy), as a browser would; nothing
reads or writes a shared folder. Every failure an instructor can meet is a Korean
:class:`HubError` subclass that names the learner, file or address concerned.

The token needs these JupyterHub scopes (see ``casework.hub.config.INSTRUCTOR_SCOPES``):
``list:users`` and ``read:users`` (list users), ``admin:users`` (create users), ``servers``
(start, stop and read servers) and ``access:servers`` (the Contents API of each server).
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote, urlsplit

import requests

from casework._util.text import particle
from casework.errors import CaseworkError

SPAWN_FAILED_PREFIX = "Spawn failed: "


class HubError(CaseworkError):
    """A hub or learner-server request failed; the message says what and what to do."""


class HubUnreachable(HubError):
    """No answer from the hub address (wrong URL, hub stopped, network)."""


class HubAuthError(HubError):
    """The hub refused the token (wrong token or missing scopes)."""


class UserNotFound(HubError):
    """The hub has no user of that name."""


class ServerNotStarted(HubError):
    """The learner's server is not running."""


class ServerUnreachable(HubError):
    """The hub says the server runs, but it does not answer."""


class SpawnFailed(HubError):
    """The hub could not start the learner's server."""


class FileMissing(HubError):
    """No such file in the learner's home."""


@dataclass(frozen=True)
class HubUser:
    """What the hub says about one user and their default server."""

    name: str
    admin: bool
    server_ready: bool
    server_pending: str | None
    server_url: str | None
    last_activity: datetime | None


@dataclass(frozen=True)
class RemoteFile:
    """A file in a learner's home: its bytes as stored and the server's modification time."""

    user: str
    path: str
    data: bytes
    last_modified: datetime


def _when(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _user_from_model(model: dict[str, Any]) -> HubUser:
    server = (model.get("servers") or {}).get("") or {}
    return HubUser(
        name=model["name"],
        admin=bool(model.get("admin")),
        server_ready=bool(server.get("ready")),
        server_pending=server.get("pending") or model.get("pending"),
        server_url=server.get("url") or model.get("server"),
        last_activity=_when(model.get("last_activity")),
    )


def _message(response: requests.Response) -> str:
    """The hub's or server's own message in an error response, if it sent one."""
    try:
        body = response.json()
    except ValueError:
        return ""
    return str(body.get("message") or body.get("reason") or "") if isinstance(body, dict) else ""


def _quoted_path(path: str) -> str:
    parts = [p for p in path.replace("\\", "/").split("/") if p]
    if not parts or any(p in (".", "..") for p in parts):
        raise HubError(f"학습자 홈 안의 경로로 쓸 수 없는 값입니다: {path!r}. '폴더/파일.ipynb' 꼴로 주세요.")
    return "/".join(quote(p, safe="") for p in parts)


class HubClient:
    """A JupyterHub at ``url`` (the address learners open), used with a service ``token``."""

    def __init__(self, url: str, token: str, *, timeout: float = 15.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise HubError(f"허브 주소는 http:// 또는 https:// 로 시작해야 합니다 (받은 값: {url!r}).")
        if not token:
            raise HubAuthError("허브 서비스 토큰이 비어 있습니다. 'casework hub'가 알려 준 토큰 파일을 --token-file로 주세요.")
        self.url = url.rstrip("/")
        self.api = f"{self.url}/hub/api"
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.timeout = timeout
        self._session = requests.Session()
        self._session.headers["Authorization"] = f"token {token}"
        self._session.trust_env = False  # never send the token through a proxy from the environment

    def close(self) -> None:
        self._session.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ plumbing

    def _send(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        try:
            return self._session.request(method, url, timeout=self.timeout, allow_redirects=False, **kwargs)
        except (requests.ConnectionError, requests.Timeout) as exc:
            kind = "응답이 없습니다" if isinstance(exc, requests.Timeout) else "연결하지 못했습니다"
            raise HubUnreachable(
                f"허브({self.url})에 {kind}. 주소가 맞는지, 허브가 켜져 있는지 확인하세요."
            ) from None

    def _hub(self, method: str, path: str, *, user: str | None = None, server_errors: bool = False,
             **kwargs: Any) -> requests.Response:
        response = self._send(method, f"{self.api}{path}", **kwargs)
        if response.status_code in (401, 403):
            raise HubAuthError(
                f"허브가 서비스 토큰을 받아들이지 않았습니다 (HTTP {response.status_code}: {_message(response)}). "
                "토큰이 맞는지, 허브 설정의 instructor-tools 서비스 권한이 그대로인지 확인하세요."
            )
        if response.status_code == 404 and user is not None:
            raise UserNotFound(f"허브에 '{user}' 사용자가 없습니다. 배부 기록의 사용자 이름을 확인하거나 먼저 사용자를 만드세요.")
        if response.status_code >= 500 and not server_errors:
            raise HubError(f"허브가 요청을 처리하지 못했습니다 (HTTP {response.status_code}): {_message(response) or response.reason}")
        return response

    def _server_url(self, user: str, api_path: str) -> str:
        model = self.user(user)
        if not model.server_ready:
            state = f"시작하는 중({model.server_pending})" if model.server_pending else "꺼져 있음"
            raise ServerNotStarted(f"'{user}'의 학습 서버가 켜져 있지 않습니다 ({state}).")
        base = model.server_url or f"/user/{quote(user, safe='')}/"
        return f"{self.origin}{base.rstrip('/')}/{api_path}"

    def _on_server(self, method: str, user: str, api_path: str, **kwargs: Any) -> requests.Response:
        url = self._server_url(user, api_path)
        try:
            response = self._send(method, url, **kwargs)
        except HubUnreachable:
            raise ServerUnreachable(f"'{user}'의 학습 서버에 연결하지 못했습니다 (허브 {self.url}).") from None
        if response.status_code == 424 or (300 <= response.status_code < 400 and "/hub/" in response.headers.get("Location", "")):
            raise ServerNotStarted(f"'{user}'의 학습 서버가 켜져 있지 않습니다.")
        if response.status_code in (401, 403):
            raise HubAuthError(
                f"'{user}'의 학습 서버가 서비스 토큰을 받아들이지 않았습니다 (HTTP {response.status_code}). "
                "토큰에 access:servers 권한이 있는지 확인하세요."
            )
        if response.status_code in (502, 503, 504):
            raise ServerUnreachable(f"'{user}'의 학습 서버가 응답하지 않습니다 (HTTP {response.status_code}).")
        return response

    # ------------------------------------------------------------------ users and servers

    def users(self) -> list[HubUser]:
        """Every hub user, following the hub's pagination."""
        found: list[HubUser] = []
        offset = 0
        while True:
            response = self._hub(
                "GET", "/users", params={"offset": offset, "limit": 200},
                headers={"Accept": "application/jupyterhub-pagination+json"},
            )
            body = response.json()
            items = body["items"] if isinstance(body, dict) else body
            found.extend(_user_from_model(m) for m in items)
            following = (body.get("_pagination") or {}).get("next") if isinstance(body, dict) else None
            if not following:
                return found
            offset = following["offset"]

    def user(self, name: str) -> HubUser:
        response = self._hub("GET", f"/users/{quote(name, safe='')}", user=name)
        return _user_from_model(response.json())

    def create_users(self, names: Iterable[str]) -> list[str]:
        """Create the users the hub does not have yet; return the names created."""
        existing = {u.name for u in self.users()}
        created = []
        for name in names:
            if name in existing:
                continue
            response = self._hub("POST", f"/users/{quote(name, safe='')}")
            if response.status_code == 400:
                raise HubError(f"허브가 사용자 이름 '{name}'{particle(str(name), '을')} 받아들이지 않았습니다: {_message(response)}")
            if response.status_code not in (201, 409):
                raise HubError(f"사용자 '{name}'{particle(str(name), '을')} 만들지 못했습니다 (HTTP {response.status_code}): {_message(response)}")
            created.append(name)
            existing.add(name)
        return created

    def _spawn_failure(self, name: str) -> str:
        """The hub's message for the last failed start of ``name``'s server."""
        response = self._hub("GET", f"/users/{quote(name, safe='')}/server/progress", user=name, stream=True)
        try:
            # Bytes, not decode_unicode: an event stream is UTF-8, but requests would decode a
            # text/* body without a charset as ISO-8859-1.
            for raw in response.iter_lines():
                if raw.startswith(b"data:"):
                    event = json.loads(raw[5:])
                    if event.get("failed"):
                        return str(event.get("message", "")).removeprefix(SPAWN_FAILED_PREFIX)
        except (requests.RequestException, ValueError):
            pass
        finally:
            response.close()
        return ""

    def start_server(self, name: str, *, timeout: float = 90.0) -> HubUser:
        """Start ``name``'s server (if it is not running) and wait until the hub says it is ready."""
        response = self._hub("POST", f"/users/{quote(name, safe='')}/server", user=name, server_errors=True)
        if response.status_code >= 400 and "already running" not in _message(response):
            raise SpawnFailed(f"'{name}'의 학습 서버를 시작하지 못했습니다: {_message(response) or response.reason}")
        deadline = time.monotonic() + timeout
        while True:
            model = self.user(name)
            if model.server_ready:
                return model
            if not model.server_pending:
                reason = self._spawn_failure(name)
                raise SpawnFailed(f"'{name}'의 학습 서버를 시작하지 못했습니다: {reason or '허브 기록을 확인하세요.'}")
            if time.monotonic() > deadline:
                raise SpawnFailed(f"'{name}'의 학습 서버가 {timeout:.0f}초 안에 준비되지 않았습니다. 잠시 뒤 다시 해 보세요.")
            time.sleep(0.25)

    def stop_server(self, name: str, *, timeout: float = 60.0) -> None:
        """Stop ``name``'s server and wait until the hub says it has stopped."""
        self._hub("DELETE", f"/users/{quote(name, safe='')}/server", user=name)
        deadline = time.monotonic() + timeout
        while (model := self.user(name)).server_ready or model.server_pending:
            if time.monotonic() > deadline:
                raise HubError(f"'{name}'의 학습 서버가 {timeout:.0f}초 안에 멈추지 않았습니다.")
            time.sleep(0.25)

    # ------------------------------------------------------------------ files in a learner's home

    def _ensure_folder(self, user: str, folder: str) -> None:
        parts = [p for p in folder.split("/") if p]
        for depth in range(1, len(parts) + 1):
            path = "/".join(parts[:depth])
            found = self._on_server("GET", user, f"api/contents/{path}", params={"content": "0"})
            if found.status_code == 200:
                if found.json().get("type") != "directory":
                    raise HubError(f"'{user}'의 홈에 '{path}'{particle(str(path), '이')} 폴더가 아니라 파일로 있습니다.")
                continue
            made = self._on_server("PUT", user, f"api/contents/{path}", json={"type": "directory"})
            if made.status_code not in (200, 201):
                raise HubError(f"'{user}'의 홈에 폴더 '{path}'{particle(str(path), '을')} 만들지 못했습니다"
                    f" (HTTP {made.status_code}): {_message(made)}")

    def exists(self, user: str, path: str) -> bool:
        """Whether ``path`` exists (file or folder) in ``user``'s home."""
        response = self._on_server("GET", user, f"api/contents/{_quoted_path(path)}", params={"content": "0"})
        if response.status_code in (200, 404):
            return response.status_code == 200
        raise HubError(f"'{user}'의 홈에서 '{path}'{particle(str(path), '을')} 확인하지 못했습니다"
            f" (HTTP {response.status_code}): {_message(response)}")

    def put_file(self, user: str, path: str, data: bytes) -> datetime:
        """Write ``data`` unchanged at ``path`` in ``user``'s home; return the server's modification time."""
        quoted = _quoted_path(path)
        folder = quoted.rpartition("/")[0]
        if folder:
            self._ensure_folder(user, folder)
        body = {"type": "file", "format": "base64", "content": base64.b64encode(data).decode("ascii")}
        response = self._on_server("PUT", user, f"api/contents/{quoted}", json=body)
        if response.status_code not in (200, 201):
            raise HubError(f"'{user}'의 홈에 '{path}'{particle(str(path), '을')} 쓰지 못했습니다 (HTTP {response.status_code}): {_message(response)}")
        return datetime.fromisoformat(response.json()["last_modified"])

    def get_file(self, user: str, path: str) -> RemoteFile:
        """Read the file at ``path`` in ``user``'s home as stored (bytes) with its modification time."""
        quoted = _quoted_path(path)
        response = self._on_server(
            "GET", user, f"api/contents/{quoted}", params={"type": "file", "format": "base64", "content": "1"},
        )
        if response.status_code == 404:
            raise FileMissing(f"'{user}'의 홈에 '{path}' 파일이 없습니다.")
        if response.status_code == 400 and "directory" in _message(response).lower():
            raise FileMissing(f"'{user}'의 홈에서 '{path}'{particle(str(path), '은')} 파일이 아니라 폴더입니다.")
        if response.status_code != 200:
            raise HubError(f"'{user}'의 홈에서 '{path}'{particle(str(path), '을')} 읽지 못했습니다"
                f" (HTTP {response.status_code}): {_message(response)}")
        model = response.json()
        content = model.get("content") or ""
        data = base64.b64decode(content) if model.get("format") == "base64" else content.encode("utf-8")
        return RemoteFile(user=user, path=path, data=data, last_modified=datetime.fromisoformat(model["last_modified"]))
