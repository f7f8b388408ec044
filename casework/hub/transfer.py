"""Hand out and collect notebooks through a JupyterHub (no shared folder).

:func:`collect` copies each manifest learner's current notebook from their home into a
submissions folder, unchanged, and records in ``collected.json`` when it was collected, when
the learner last saved it (server time) and whether that was after the deadline. It only reads
the learner's file. :func:`push_notebooks` puts notebooks into learners' homes; ``assign
--hub`` uses it. Both report every learner they could not serve, by name, and go on with the
rest.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from pathlib import Path
from typing import TypedDict

from casework._util.fs import atomic_write
from casework._util.text import particle
from casework.errors import CaseworkError
from casework.hub.client import (
    FileMissing,
    HubClient,
    HubError,
    HubUnreachable,
    ServerNotStarted,
    ServerUnreachable,
    SpawnFailed,
)
from casework.manifest import Manifest

COLLECTED_FILE = "collected.json"
COLLECTED_FORMAT = "casework-collection/1"


class _Labelled(str, Enum):
    """A status whose value goes into JSON and whose Korean label goes on screen."""

    @property
    def label(self) -> str:
        return _LABELS[type(self)][self]


class CollectStatus(_Labelled):
    COLLECTED = "collected"
    NO_USER = "no_user"
    NOT_STARTED = "not_started"
    MISSING_FILE = "missing_file"
    UNREACHABLE = "unreachable"
    FAILED = "failed"


class PushStatus(_Labelled):
    PUSHED = "pushed"
    KEPT = "kept"
    NO_USER = "no_user"
    NOT_STARTED = "not_started"
    UNREACHABLE = "unreachable"
    FAILED = "failed"


# Per class: the two enums share values ("no_user"), and str enums with one value are equal keys.
_LABELS: dict[type[_Labelled], dict[_Labelled, str]] = {
    CollectStatus: {
        CollectStatus.COLLECTED: "가져옴",
        CollectStatus.NO_USER: "허브 사용자 없음",
        CollectStatus.NOT_STARTED: "서버 꺼짐",
        CollectStatus.MISSING_FILE: "파일 없음",
        CollectStatus.UNREACHABLE: "서버 응답 없음",
        CollectStatus.FAILED: "가져오지 못함",
    },
    PushStatus: {
        PushStatus.PUSHED: "넣음",
        PushStatus.KEPT: "이미 있어 그대로 둠",
        PushStatus.NO_USER: "허브 사용자 없음",
        PushStatus.NOT_STARTED: "서버를 시작하지 못함",
        PushStatus.UNREACHABLE: "서버 응답 없음",
        PushStatus.FAILED: "넣지 못함",
    },
}


class _Who(TypedDict):
    """The fields of :class:`Collected` that name the learner and the file."""

    learner: str
    user: str | None
    file: str


@dataclass(frozen=True)
class Collected:
    """One learner's line in ``collected.json``."""

    learner: str
    user: str | None
    file: str
    status: CollectStatus
    collected_at: datetime | None = None
    last_modified: datetime | None = None
    late: bool | None = None
    sha256: str | None = None
    message: str | None = None

    def as_json(self) -> dict[str, object]:
        def iso(value: datetime | None) -> str | None:
            return value.astimezone(UTC).isoformat() if value else None

        return {
            "learner": self.learner, "user": self.user, "file": self.file,
            "collected_at": iso(self.collected_at), "last_modified": iso(self.last_modified),
            "late": self.late, "status": self.status.value, "sha256": self.sha256, "message": self.message,
        }


@dataclass(frozen=True)
class CollectResult:
    out: Path
    record: Path
    items: list[Collected]


def parse_deadline(text: str) -> datetime:
    """An ISO 8601 time with its offset (``2026-12-01T18:00+09:00``); Korean error otherwise."""
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CaseworkError(f"--deadline 값 '{text}'{particle(str(text), '을')} 시각으로 읽지 못했습니다. 예: 2026-12-01T18:00+09:00") from None
    if value.tzinfo is None:
        raise CaseworkError(
            f"--deadline 값 '{text}'에 시간대가 없습니다. 한국 시각이면 뒤에 +09:00을 붙이세요 (예: {text.strip()}+09:00)."
        )
    return value


def _home_path(folder: str, file: str) -> str:
    folder = folder.strip("/")
    return f"{folder}/{file}" if folder else file


def _check_out(out: Path, targets: Sequence[Path], force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{out}: 폴더가 아니라 파일입니다. --out에 폴더를 지정하세요.")
    existing = [p.name for p in [out / COLLECTED_FILE, *targets] if p.exists()]
    if existing and not force:
        shown = ", ".join(existing[:5]) + (f" 외 {len(existing) - 5}개" if len(existing) > 5 else "")
        raise CaseworkError(
            f"{out}에 이미 가져온 파일이 있습니다 ({shown}). 다시 가져와 덮어쓰려면 --force를 붙이고, "
            "남기려면 다른 --out 폴더를 지정하세요."
        )


def collect(
    client: HubClient,
    manifest: Manifest,
    out: str | Path,
    *,
    folder: str = "",
    deadline: datetime | None = None,
    force: bool = False,
    start_stopped: bool = False,
    on_item: Callable[[Collected], None] | None = None,
) -> CollectResult:
    """Copy every manifest learner's notebook from their hub home into ``out``.

    Files are written unchanged and atomically; nothing in ``out`` is replaced without
    ``force``. With ``start_stopped`` a learner whose server is off (never started, or culled
    when idle) gets it started to read the file, and stopped again afterwards.
    """
    out = Path(out)
    _check_out(out, [out / entry.file for entry in manifest.learners], force)
    users = {u.name: u for u in client.users()}  # also fails early, in Korean, on a wrong URL or token
    out.mkdir(parents=True, exist_ok=True)
    items: list[Collected] = []
    for entry in manifest.learners:
        base: _Who = {"learner": entry.learner, "user": entry.user, "file": entry.file}
        if not entry.user or entry.user not in users:
            why = "배부 기록에 허브 사용자 이름이 없습니다." if not entry.user else f"허브에 '{entry.user}' 사용자가 없습니다."
            item = Collected(**base, status=CollectStatus.NO_USER, message=why)
        else:
            item = _collect_one(client, entry.user, _home_path(folder, entry.file), out / entry.file,
                                base, deadline=deadline, force=force,
                                start=start_stopped and not users[entry.user].server_ready)
        items.append(item)
        if on_item:
            on_item(item)
    record = {
        "format": COLLECTED_FORMAT,
        "hub": client.url,
        "exercise": manifest.exercise,
        "folder": folder.strip("/"),
        "deadline": deadline.isoformat() if deadline else None,
        "files": [item.as_json() for item in items],
    }
    text = json.dumps(record, ensure_ascii=False, indent=2) + "\n"
    record_path = atomic_write(out / COLLECTED_FILE, text.encode("utf-8"), overwrite=force)
    return CollectResult(out=out, record=record_path, items=items)


def _collect_one(client: HubClient, user: str, home_path: str, target: Path, base: _Who, *,
                 deadline: datetime | None, force: bool, start: bool) -> Collected:
    started = False
    try:
        if start:
            client.start_server(user)
            started = True
        remote = client.get_file(user, home_path)
        collected_at = datetime.now(UTC)
        atomic_write(target, remote.data, overwrite=force)
        return Collected(
            **base, status=CollectStatus.COLLECTED, collected_at=collected_at,
            last_modified=remote.last_modified,
            late=(remote.last_modified > deadline) if deadline else None,
            sha256=hashlib.sha256(remote.data).hexdigest(),
        )
    except ServerNotStarted as exc:
        return Collected(**base, status=CollectStatus.NOT_STARTED, message=str(exc))
    except FileMissing as exc:
        return Collected(**base, status=CollectStatus.MISSING_FILE, message=str(exc))
    except (ServerUnreachable, HubUnreachable) as exc:
        return Collected(**base, status=CollectStatus.UNREACHABLE, message=str(exc))
    except HubError as exc:
        return Collected(**base, status=CollectStatus.FAILED, message=str(exc))
    finally:
        if started:
            try:
                client.stop_server(user)
            except HubError:
                pass  # the idle culler stops it later; the collected file is what matters here


# --------------------------------------------------------------------------- hand out


@dataclass(frozen=True)
class Pushed:
    user: str
    path: str
    status: PushStatus
    last_modified: datetime | None = None
    message: str | None = None


def push_notebooks(
    client: HubClient,
    items: Iterable[tuple[str, str, bytes]],
    *,
    overwrite: bool = False,
    stop_started: bool = True,
    on_item: Callable[[Pushed], None] | None = None,
) -> list[Pushed]:
    """Put each ``(user, path, data)`` into that user's home; one result per item, in order.

    A user's server is started if needed (and, with ``stop_started``, stopped again). A file
    already in the home is kept unless ``overwrite``: it may hold the learner's work.
    """
    users = {u.name: u for u in client.users()}
    results: list[Pushed] = []
    for user, path, data in items:
        if user not in users:
            result = Pushed(user, path, PushStatus.NO_USER, message=f"허브에 '{user}' 사용자가 없습니다.")
        else:
            result = _push_one(client, user, path, data, overwrite=overwrite,
                               stop=stop_started and not users[user].server_ready)
        results.append(result)
        if on_item:
            on_item(result)
    return results


def _push_one(client: HubClient, user: str, path: str, data: bytes, *, overwrite: bool, stop: bool) -> Pushed:
    started = False
    try:
        client.start_server(user)
        started = stop
        if not overwrite and client.exists(user, path):
            return Pushed(user, path, PushStatus.KEPT, message=f"'{user}'의 홈에 '{path}'{particle(str(path), '이')} 이미 있어 그대로 두었습니다.")
        return Pushed(user, path, PushStatus.PUSHED, last_modified=client.put_file(user, path, data))
    except SpawnFailed as exc:
        return Pushed(user, path, PushStatus.NOT_STARTED, message=str(exc))
    except (ServerUnreachable, HubUnreachable, ServerNotStarted) as exc:
        return Pushed(user, path, PushStatus.UNREACHABLE, message=str(exc))
    except HubError as exc:
        return Pushed(user, path, PushStatus.FAILED, message=str(exc))
    finally:
        if started:
            with contextlib.suppress(HubError):
                client.stop_server(user)
