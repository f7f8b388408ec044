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
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casework._util.fs import atomic_write
from casework._util.text import josa
from casework.datafiles import load_yaml_model
from casework.errors import DataFileError

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


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


def _plain_notebook_name(name: str) -> str:
    if "/" in name or "\\" in name or name in (".", "..") or not name.endswith(".ipynb"):
        raise ValueError(f"폴더 없이 '.ipynb'로 끝나는 파일 이름이어야 합니다 (받은 값: {name!r})")
    return name


def _aware(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("시간대가 붙은 시각이어야 합니다 (예: 2026-11-30T10:00:00+00:00)")
    return value


class _CellModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    id: Text
    kind: Literal["answer", "parameters", "injected-parameters", "fixed"]
    sha256: Sha256


class _LearnerModel(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    learner: Text
    user: Text | None = None
    file: Annotated[Text, AfterValidator(_plain_notebook_name)]
    case_id: Text
    seed: int = Field(ge=0)
    token: Text
    issued_sha256: Sha256
    params_sha256: str = ""


class _ManifestModel(BaseModel):
    """The file's schema; validated with the course data files' Korean messages and line numbers."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["casework-assignment/1"]
    exercise: Text
    issued_at: Annotated[datetime, AfterValidator(_aware)]
    template_sha256: Sha256
    show_hints: bool = True
    show_solutions: bool = False
    cells: list[_CellModel] = Field(default_factory=list)
    learners: list[_LearnerModel] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> _ManifestModel:
        for name in ("file", "user", "token"):
            seen: set[str] = set()
            for entry in self.learners:
                value = getattr(entry, name)
                if value is None:
                    continue
                if value in seen:
                    raise ValueError(f"learners의 {name} 값 {josa(repr(value), '이')} 두 번 이상 나옵니다. 학습자마다 달라야 합니다")
                seen.add(value)
        return self


def read_manifest(path: str | os.PathLike[str]) -> Manifest:
    """Read and check a manifest (or the one inside an ``assign --out`` folder).

    Every problem is a Korean :class:`DataFileError` naming the file, the field and what to fix.
    """
    file = Path(path)
    if file.is_dir():
        file = file / MANIFEST_FILE
    if not file.is_file():
        raise DataFileError(f"배정 기록 파일이 없습니다: '{file}'. 'casework assign'이 --out 폴더에 만든 "
                            f"{MANIFEST_FILE} 파일의 경로를 주세요.")
    if file.stat().st_size > MAX_MANIFEST_BYTES:
        raise DataFileError(f"배정 기록 파일 '{file}'이 너무 큽니다. 'casework assign'이 만든 파일을 주세요.")
    try:
        json.loads(file.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise DataFileError(f"배정 기록 파일 '{file}'이 UTF-8 글이 아닙니다. 'casework assign'이 만든 파일을 주세요.") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"배정 기록 파일 '{file}'의 {exc.lineno}번째 줄 {exc.colno}번째 글자에서 JSON 형식이 깨졌습니다. "
            "손으로 고쳤다면 되돌리거나 'casework assign'을 다시 실행해 새로 만드세요."
        ) from None
    model = load_yaml_model(file, _ManifestModel)
    return Manifest(
        exercise=model.exercise, issued_at=model.issued_at.isoformat(), template_sha256=model.template_sha256,
        cells=tuple(CellPrint(c.id, c.kind, c.sha256) for c in model.cells),
        learners=tuple(ManifestEntry(learner=e.learner, file=e.file, case_id=e.case_id, seed=e.seed, token=e.token,
                                     issued_sha256=e.issued_sha256, params_sha256=e.params_sha256, user=e.user)
                       for e in model.learners),
        show_hints=model.show_hints, show_solutions=model.show_solutions, path=file,
    )


def write_manifest(manifest: Manifest, folder: str | os.PathLike[str]) -> Path:
    """Write ``casework-manifest.json`` into ``folder`` atomically."""
    return atomic_write(Path(folder) / MANIFEST_FILE, manifest.to_json())
