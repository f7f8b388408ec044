"""Read the assignment manifest that ``casework assign`` writes (``casework-manifest.json``).

The manifest says who got which notebook: learner name, hub user, file name, case, seed and
the checksums of what was issued. ``collect`` and ``return`` find each learner's file through
it. It is read defensively: every problem is a Korean :class:`~casework.errors.DataFileError`
naming the file, the field and what to fix (JSON is read with the same loader as the course
data files, so messages and line numbers look the same).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from casework.datafiles import load_yaml_model
from casework.errors import DataFileError

MANIFEST_NAME = "casework-manifest.json"
MANIFEST_FORMAT = "casework-assignment/1"

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


class ManifestLearner(BaseModel):
    """One learner's line: who, which hub user, which file, and what was issued."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    learner: Text
    user: Text | None = None
    file: Annotated[Text, AfterValidator(_plain_notebook_name)]
    case_id: Text | None = None
    seed: int = Field(ge=0)
    token: Text
    issued_sha256: Sha256


class Manifest(BaseModel):
    """The whole manifest of one ``assign`` run."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    format: Literal["casework-assignment/1"]
    exercise: Text
    issued_at: Annotated[datetime, AfterValidator(_aware)]
    template_sha256: Sha256
    learners: list[ManifestLearner] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique(self) -> Manifest:
        for field in ("file", "user"):
            seen: set[str] = set()
            for entry in self.learners:
                value = getattr(entry, field)
                if value is None:
                    continue
                if value in seen:
                    raise ValueError(f"learners의 {field} 값 '{value}'이(가) 두 번 이상 나옵니다. 학습자마다 달라야 합니다")
                seen.add(value)
        return self


def read_manifest(path: str | Path) -> Manifest:
    """Read and validate a manifest file (or the manifest inside an ``assign --out`` folder)."""
    path = Path(path)
    if path.is_dir():
        path = path / MANIFEST_NAME
    if not path.is_file():
        raise DataFileError(
            f"배부 기록 파일이 없습니다: '{path}'. 'casework assign'이 --out 폴더에 만든 "
            f"{MANIFEST_NAME} 파일의 경로를 주세요."
        )
    try:
        json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        raise DataFileError(f"배부 기록 파일 '{path}'이(가) UTF-8 글이 아닙니다. 'casework assign'이 만든 파일을 주세요.") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(
            f"배부 기록 파일 '{path}'의 {exc.lineno}번째 줄 {exc.colno}번째 글자에서 JSON 형식이 깨졌습니다. "
            "손으로 고쳤다면 되돌리거나 'casework assign'을 다시 실행해 새로 만드세요."
        ) from None
    # Field checks share the course data files' translator: the same Korean messages with lines.
    return load_yaml_model(path, Manifest)
