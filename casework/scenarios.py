"""Course scenarios kept as YAML data files, validated on load.

The stories, cases and sample data the exercises use (chapter 02's next-step situations,
chapter 04's intake stories, chapter 09's closure cases, chapter 10's team and masking sample,
the fictional fifth case of chapters 06–08) live in ``casework/data/scenarios/*.yaml``. An
instructor changes or adds a scenario by editing a file; each file starts with a Korean
comment that explains its format.

Each file is read into the library's own dataclass (``NextStepScenario``, ``ClosureCase``,
``Caseload`` …) through a strict pydantic model made from that dataclass's fields
(:func:`entry_model`): unknown keys are refused, enum fields are read from their Korean
labels, numbers, true/false and text must have their own YAML type, and the dataclass's own
checks run too. Any problem becomes a :class:`casework.errors.DataFileError` whose Korean
message names the file, the line and the field (via :func:`casework.datafiles.load_yaml_model`).
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, Union

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StrictBool,
    StrictInt,
    StrictStr,
    create_model,
    field_validator,
    model_validator,
)

from casework._util.text import particle
from casework.datafiles import load_yaml_model
from casework.errors import CaseworkError

__all__ = ["SCENARIOS_DIR", "entry_model", "load_scenario_file", "bundled_scenario_file"]

SCENARIOS_DIR = Path(__file__).parent / "data" / "scenarios"

# YAML already gives numbers, true/false and text their own types, so a quoted "3" or an
# unquoted 2024 where text belongs is a mistake to point out, not to convert silently.
_STRICT = {bool: StrictBool, int: StrictInt, str: StrictStr}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Entry(_Strict):
    """A validated file entry that has been built into its dataclass (``built``)."""

    target: ClassVar[type]
    _built: Any = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _build(self) -> _Entry:
        # The dataclass's own checks raise CaseworkError (a ValueError), which pydantic
        # reports at this entry's position in the file.
        values = {name: _unwrap(getattr(self, name)) for name in type(self).model_fields}
        self._built = self.target(**values)
        return self

    @property
    def built(self) -> Any:
        return self._built


def _unwrap(value: Any) -> Any:
    if isinstance(value, _Entry):
        return value.built
    if isinstance(value, tuple):
        return tuple(_unwrap(v) for v in value)
    if isinstance(value, dict):
        return {k: _unwrap(v) for k, v in value.items()}
    return value


def _field_type(tp: Any) -> Any:
    """``tp`` with dataclasses replaced by their entry models and scalars made strict."""
    if tp in _STRICT:
        return _STRICT[tp]
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return entry_model(tp)
    args = typing.get_args(tp)
    if not args:
        return tp
    new = tuple(a if a is Ellipsis else _field_type(a) for a in args)
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        return Union[new]  # noqa: UP007 (a Union built from a runtime tuple)
    return origin[new]


@functools.cache
def entry_model(cls: type) -> type[_Entry]:
    """A strict pydantic model with the init fields of dataclass ``cls``; validating builds ``cls``."""
    if not (isinstance(cls, type) and dataclasses.is_dataclass(cls)):
        raise CaseworkError(f"entry_model에는 dataclass를 주세요. 받은 값: {cls!r}")
    hints = typing.get_type_hints(cls)
    fields: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.default is not dataclasses.MISSING:
            default: Any = f.default
        elif f.default_factory is not dataclasses.MISSING:
            default = Field(default_factory=f.default_factory)
        else:
            default = ...
        fields[f.name] = (_field_type(hints[f.name]), default)
    model = create_model(cls.__name__, __base__=_Entry, **fields)
    model.target = cls
    return model


def _unique(id_field: str):
    def check(entries: tuple[_Entry, ...]) -> tuple[_Entry, ...]:
        seen: dict[object, int] = {}
        for number, entry in enumerate(entries, start=1):
            value = getattr(entry, id_field, None)
            if value is None:
                continue
            if value in seen:
                raise ValueError(
                    f"{id_field} '{value}'{particle(str(value), '이')} {seen[value]}번째 항목과 {number}번째 항목에 똑같이 있습니다. "
                    f"{id_field}는 항목마다 달라야 합니다."
                )
            seen[value] = number
        return entries

    return check


@functools.cache
def _list_model(key: str, cls: type, id_field: str) -> type[_Strict]:
    # tuple[entry, ...] with an entry type made at run time, so spelled as the alias it is.
    fields: dict[str, Any] = {key: (types.GenericAlias(tuple, (entry_model(cls), ...)), Field(min_length=1))}
    return create_model(
        f"{cls.__name__}List",
        __base__=_Strict,
        __validators__={"unique": field_validator(key)(_unique(id_field))},
        **fields,
    )


def load_scenario_file(path: str | Path, cls: type, key: str | None = None, *, id_field: str = "id") -> Any:
    """Read one scenario file, refusing anything malformed with a Korean DataFileError.

    ``cls`` is a pydantic model (the file is that model), a dataclass (the file is one
    record of it), or, with ``key``, a dataclass whose records are listed under ``key``:
    at least one, returned as a tuple, no two with the same ``id_field`` value.
    """
    # Not narrowing cls itself: mypy would then see type[object], which it takes as unhashable.
    model = cls if isinstance(cls, type) and issubclass(cls, BaseModel) else None
    if model is not None:
        if key is not None:
            raise CaseworkError("pydantic 모델 파일에는 key를 쓰지 않습니다.")
        return load_yaml_model(path, model)
    if key is None:
        return load_yaml_model(path, entry_model(cls)).built
    if not isinstance(key, str) or not key:
        raise CaseworkError(f"key에는 목록 이름을 글로 주세요. 받은 값: {key!r}")
    entries: Sequence[_Entry] = getattr(load_yaml_model(path, _list_model(key, cls, id_field)), key)
    return tuple(entry.built for entry in entries)


@functools.cache
def bundled_scenario_file(file_name: str, cls: type, key: str | None = None, *, id_field: str = "id") -> Any:
    """:func:`load_scenario_file` for ``casework/data/scenarios/<file_name>``, read once."""
    return load_scenario_file(SCENARIOS_DIR / file_name, cls, key, id_field=id_field)
