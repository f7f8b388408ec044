"""The assignment manifest: who got which notebook, with which case and seed.

``casework assign`` writes ``casework-manifest.json`` into its output folder; ``casework grade``
and ``casework collect`` read it. Identity, case and seed are taken from here, never from a
submission, and each issued notebook's cells are fingerprinted so that a submission whose
parameters, setup or answer cells were changed is reported.

Format (JSON, UTF-8)::

    {"format": "casework-assignment/1", "exercise": "07", "issued_at": "<ISO time>",
     "template_sha256": "<hex>", "show_hints": true, "show_solutions": false,
     "cells": [{"id": "parameters", "kind": "parameters", "sha256": "<hex>"}, ...],
     "learners": [{"learner": "홍길동", "user": "hong", "file": "07_…_홍길동.ipynb",
                   "case_id": "sick_child", "seed": 3, "token": "<hex>",
                   "issued_sha256": "<hex>", "params_sha256": "<hex>"}, ...]}

``user`` (the JupyterHub user name) may be absent when no hub is used.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from casework._util.fs import atomic_write
from casework.errors import CaseworkError

__all__ = ["MANIFEST_FILE", "FORMAT", "CellPrint", "ManifestEntry", "Manifest", "read_manifest", "write_manifest",
           "source_sha256", "cell_kind"]

MANIFEST_FILE = "casework-manifest.json"
FORMAT = "casework-assignment/1"
MAX_MANIFEST_BYTES = 50 * 1024 * 1024


def source_sha256(source: str) -> str:
    """The fingerprint of a cell's source (line endings normalised, trailing spaces ignored)."""
    text = "\n".join(line.rstrip() for line in source.replace("\r\n", "\n").split("\n")).strip()
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cell_kind(cell: dict[str, Any]) -> str:
    """'answer' (an ``%%답`` cell), 'parameters', 'injected-parameters' or 'fixed'."""
    tags = cell.get("metadata", {}).get("tags", []) or []
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    if cell.get("cell_type") == "code" and source.lstrip().startswith("%%답"):
        return "answer"
    for tag in ("injected-parameters", "parameters"):
        if tag in tags:
            return tag
    return "fixed"


@dataclass(frozen=True)
class CellPrint:
    """One cell of the issued exercise: its id, kind and the fingerprint of its source."""

    id: str
    kind: str
    sha256: str


@dataclass(frozen=True)
class ManifestEntry:
    """One learner's notebook as issued."""

    learner: str
    file: str
    case_id: str
    seed: int
    token: str
    issued_sha256: str = ""
    params_sha256: str = ""
    user: str | None = None


@dataclass(frozen=True)
class Manifest:
    exercise: str
    issued_at: str
    template_sha256: str
    cells: tuple[CellPrint, ...]
    learners: tuple[ManifestEntry, ...]
    show_hints: bool = True
    show_solutions: bool = False
    path: Path | None = field(default=None, compare=False)

    def by_file(self) -> dict[str, ManifestEntry]:
        return {e.file: e for e in self.learners}

    def by_token(self) -> dict[str, ManifestEntry]:
        return {e.token: e for e in self.learners}

    def to_json(self) -> str:
        data = {"format": FORMAT, **asdict(self)}
        data.pop("path")
        for entry in data["learners"]:
            if entry.get("user") is None:
                entry.pop("user", None)
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _bad(path: Path, problem: str) -> CaseworkError:
    return CaseworkError(
        f"{path}: 배정 기록(casework-manifest.json)을 읽을 수 없습니다. {problem} "
        "'casework assign'이 만든 파일을 고치지 말고 그대로 쓰세요."
    )


def _field(path: Path, data: dict[str, Any], name: str, kind: type | tuple[type, ...], where: str = "") -> Any:
    if name not in data:
        raise _bad(path, f"{where}'{name}' 항목이 없습니다.")
    value = data[name]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise _bad(path, f"{where}'{name}' 항목의 형식이 맞지 않습니다.")
    return value


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    """Read and check a manifest; every problem is one Korean sentence naming the file and field."""
    file = Path(path)
    if file.is_dir():
        file = file / MANIFEST_FILE
    try:
        size = file.stat().st_size
        if size > MAX_MANIFEST_BYTES:
            raise _bad(file, f"파일이 너무 큽니다({size // 1024 // 1024} MB).")
        data = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CaseworkError(f"{file}: 배정 기록 파일이 없습니다. 'casework assign'의 --out 폴더에 있는 "
                            f"{MANIFEST_FILE}를 지정하세요.") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _bad(file, f"JSON 형식이 깨졌습니다({exc.__class__.__name__}).") from None
    except OSError as exc:
        raise CaseworkError(f"{file}: 배정 기록을 읽을 수 없습니다({exc.strerror}).") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise _bad(file, f"형식 표시('format': '{FORMAT}')가 없습니다.")
    cells = []
    for i, cell in enumerate(_field(file, data, "cells", list)):
        where = f"cells {i + 1}번째의 "
        if not isinstance(cell, dict):
            raise _bad(file, f"{where}형식이 맞지 않습니다.")
        cells.append(CellPrint(_field(file, cell, "id", str, where), _field(file, cell, "kind", str, where),
                               _field(file, cell, "sha256", str, where)))
    entries = []
    for i, item in enumerate(_field(file, data, "learners", list)):
        where = f"learners {i + 1}번째의 "
        if not isinstance(item, dict):
            raise _bad(file, f"{where}형식이 맞지 않습니다.")
        user = item.get("user")
        entries.append(ManifestEntry(
            learner=_field(file, item, "learner", str, where), file=_field(file, item, "file", str, where),
            case_id=_field(file, item, "case_id", str, where), seed=_field(file, item, "seed", int, where),
            token=_field(file, item, "token", str, where), issued_sha256=str(item.get("issued_sha256", "")),
            params_sha256=str(item.get("params_sha256", "")), user=user if isinstance(user, str) else None,
        ))
    files = [e.file for e in entries]
    if len(set(files)) != len(files):
        raise _bad(file, "같은 파일 이름이 두 번 나옵니다.")
    return Manifest(
        exercise=_field(file, data, "exercise", str), issued_at=str(data.get("issued_at", "")),
        template_sha256=str(data.get("template_sha256", "")), cells=tuple(cells), learners=tuple(entries),
        show_hints=bool(data.get("show_hints", True)), show_solutions=bool(data.get("show_solutions", False)),
        path=file,
    )


def write_manifest(manifest: Manifest, folder: str | os.PathLike[str]) -> Path:
    """Write ``casework-manifest.json`` into ``folder`` atomically."""
    return atomic_write(Path(folder) / MANIFEST_FILE, manifest.to_json())
