"""Load course data files (cases, quiz items, ...) from YAML into pydantic models.

Every problem becomes a :class:`casework.errors.DataFileError` whose Korean message names the
file, the line where it can be found, the field path (``chains[0].needs[1].domain``), what was
expected, what was found and how to fix it. Instructors who edit these files are not
programmers, so pydantic's English messages are translated here rather than passed through.

Loading several files is all-or-nothing: either every file is valid and all are returned, or
one error lists every bad file and nothing is returned.
"""

from __future__ import annotations

import datetime
import difflib
import os
import types
import typing
from collections import abc
from collections.abc import Iterable, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from casework.errors import CaseworkError, DataFileError

__all__ = [
    "YAML_SUFFIXES",
    "dump_yaml",
    "load_yaml_dir",
    "load_yaml_files",
    "load_yaml_model",
    "read_yaml_mapping",
    "yaml_files",
]

M = TypeVar("M", bound=BaseModel)

YAML_SUFFIXES = (".yaml", ".yml")

_FIX_HEADER = "고치는 방법"


# --------------------------------------------------------------------------- YAML reading


class _DuplicateKeyError(yaml.constructor.ConstructorError):
    def __init__(self, key: Any, first_line: int, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key {key!r} (first at line {first_line})", mark)
        self.key = key
        self.first_line = first_line


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping.

    Plain ``safe_load`` keeps the last value silently, which hides copy-paste mistakes.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node)
            if key in seen:
                raise _DuplicateKeyError(key, seen[key].start_mark.line + 1, key_node.start_mark)
            seen[key] = key_node
        return super().construct_mapping(node, deep=deep)


# PyYAML's English problem texts, most common first, with a Korean explanation and a fix.
_YAML_PROBLEMS: tuple[tuple[str, str], ...] = (
    ("mapping values are not allowed",
     "여기에는 '이름: 값'이 올 수 없습니다. 들여쓰기가 어긋났거나, 글 안에 ': '(콜론과 빈칸)이 "
     "들어 있을 수 있습니다. 콜론이 들어간 글은 큰따옴표로 감싸세요 (예: \"개입목적: 건강회복\")."),
    ("cannot start any token",
     "이 글자로는 값을 시작할 수 없습니다. 탭 문자라면 빈칸(스페이스)으로 바꾸세요. "
     "@ 나 ` 로 시작하는 글은 따옴표로 감싸세요."),
    ("could not find expected ':'",
     "'이름: 값'에서 콜론(:)을 찾지 못했습니다. 줄마다 '이름: 값' 형식인지, 따옴표 짝이 맞는지 "
     "확인하세요."),
    ("did not find expected key",
     "들여쓰기가 앞줄과 맞지 않습니다. 같은 단계의 항목은 같은 칸에서 시작해야 합니다."),
    ("did not find expected '-' indicator",
     "목록의 들여쓰기가 맞지 않습니다. 목록의 각 줄은 같은 칸에서 '- '로 시작해야 합니다."),
    ("found unexpected end of stream",
     "파일이 도중에 끝났습니다. 따옴표(\" 또는 ')의 짝이 맞는지 확인하세요."),
    ("expected a single document",
     "한 파일에 문서가 둘 이상 있습니다('---' 줄). 파일 하나에는 내용 하나만 두세요."),
    ("found undefined alias", "정의되지 않은 별칭(*이름)을 썼습니다. * 로 시작하는 글은 따옴표로 감싸세요."),
    ("found duplicate anchor", "같은 앵커(&이름)가 두 번 정의되었습니다."),
    ("while scanning a quoted scalar",
     "따옴표로 시작한 글이 닫히지 않았습니다. 여는 따옴표와 닫는 따옴표의 짝을 맞추세요."),
    ("could not determine a constructor",
     "알 수 없는 태그(!로 시작)를 썼습니다. ! 로 시작하는 글은 따옴표로 감싸세요."),
)


def _yaml_problem_text(exc: yaml.YAMLError) -> str:
    if isinstance(exc, _DuplicateKeyError):
        return (f"항목 '{exc.key}'가 한 묶음 안에 두 번 나옵니다 (처음은 {exc.first_line}번째 줄). "
                "하나를 지우거나 이름을 고치세요.")
    problem = str(getattr(exc, "problem", "") or "")
    context = str(getattr(exc, "context", "") or "")
    for needle, korean in _YAML_PROBLEMS:
        if needle in problem or needle in context:
            return korean
    return "YAML 문법에 맞지 않습니다. 들여쓰기, '이름: 값'의 콜론 뒤 빈칸, 따옴표 짝을 확인하세요."


def _yaml_error_message(path: Path, exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    where = ""
    if mark is not None:
        where = f" ({mark.line + 1}번째 줄, {mark.column + 1}번째 칸 근처)"
    detail = "" if isinstance(exc, _DuplicateKeyError) else " ".join(
        str(p) for p in (getattr(exc, "context", None), getattr(exc, "problem", None)) if p
    )
    lines = [
        f"파일 '{path}': YAML 문법 오류{where}.",
        f"  - {_yaml_problem_text(exc)}",
    ]
    if detail:
        lines.append(f"  - (YAML 원문 메시지: {detail})")
    return "\n".join(lines)


def _read_text(path: Path) -> str:
    if not path.exists():
        raise DataFileError(f"파일이 없습니다: '{path}'. 경로와 파일 이름을 확인하세요.")
    if path.is_dir():
        raise DataFileError(f"파일이 아니라 폴더입니다: '{path}'. YAML 파일의 경로를 주세요.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"파일을 열 수 없습니다: '{path}' ({exc.strerror or exc}). "
                            "파일 권한과 경로를 확인하세요.") from exc
    try:
        # utf-8-sig: a BOM is still UTF-8 (Windows Notepad writes one); drop it, refuse others.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DataFileError(
            f"파일 '{path}': UTF-8로 저장되어 있지 않습니다 ({line}번째 줄 근처에서 읽을 수 없는 "
            "글자가 나왔습니다). 한글 윈도의 기본 인코딩(CP949/EUC-KR)으로 저장된 것 같습니다. "
            "편집기에서 인코딩을 'UTF-8'로 골라 다시 저장하세요."
        ) from exc


def _too_deep(path: Path) -> str:
    return (f"파일 '{path}': 괄호나 들여쓰기가 너무 깊게 겹쳐 있어 읽지 않았습니다. 파일이 깨졌거나 잘못 "
            "만들어진 것 같습니다. 다른 사례 파일을 본떠 다시 적어 주세요.")


def _compose(path: Path, text: str) -> tuple[Any, yaml.Node | None]:
    """Parse ``text``; return the Python data and the node tree (for line numbers)."""
    loader = _StrictLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        raise DataFileError(_yaml_error_message(path, exc)) from exc
    except RecursionError:
        raise DataFileError(_too_deep(path)) from None
    finally:
        loader.dispose()
    return data, node


def _describe_value(value: Any) -> str:
    """A Korean name for the kind of value YAML produced."""
    if value is None:
        return "빈 값"
    if isinstance(value, bool):
        return "참/거짓 값(true/false)"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "날짜"
    if isinstance(value, int):
        return "정수"
    if isinstance(value, float):
        return "숫자"
    if isinstance(value, str):
        return "글"
    if isinstance(value, dict):
        return "'이름: 값' 묶음"
    if isinstance(value, (list, tuple)):
        return "목록"
    return type(value).__name__


def read_yaml_mapping(path: str | Path) -> tuple[dict[str, Any], yaml.Node]:
    """Read a UTF-8 YAML file whose top level must be a mapping; return data and node tree."""
    path = _check_path(path)
    text = _read_text(path)
    data, node = _compose(path, text)
    if node is None or data is None:
        raise DataFileError(
            f"파일 '{path}': 내용이 없습니다 (비어 있거나 주석만 있습니다). "
            "'id: ...', 'title: ...'처럼 '이름: 값' 줄을 적어 주세요."
        )
    if not isinstance(data, dict):
        raise DataFileError(
            f"파일 '{path}': 맨 바깥 단계는 '이름: 값' 묶음이어야 하는데 지금은 {_describe_value(data)}입니다. "
            "첫 줄이 '- '로 시작하거나 글 한 줄만 있는지 확인하고, "
            "'id: ...'처럼 이름을 붙여 적으세요."
        )
    return data, node


# --------------------------------------------------------------------------- model typing


def _strip_annotated(tp: Any) -> Any:
    while typing.get_origin(tp) is typing.Annotated:
        tp = typing.get_args(tp)[0]
    return tp


def _union_members(tp: Any) -> tuple[Any, ...]:
    """The non-None members of a union, nested unions flattened; () if ``tp`` is no union."""
    origin = typing.get_origin(tp)
    if origin is not typing.Union and origin is not types.UnionType:
        return ()
    members: list[Any] = []
    for arg in typing.get_args(tp):
        arg = _strip_annotated(arg)
        if arg is type(None):
            continue
        members.extend(_union_members(arg) or (arg,))
    return tuple(members)


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _tags_of(model: type[BaseModel]) -> set[str]:
    """Values pydantic may put in ``loc`` to name ``model`` inside a union.

    That is the class name (plain unions) or a Literal field's value (discriminated unions).
    """
    tags = {model.__name__}
    for info in model.model_fields.values():
        ann = _strip_annotated(info.annotation)
        if typing.get_origin(ann) is typing.Literal:
            tags.update(str(a) for a in typing.get_args(ann))
    return tags


def _walk(model_cls: type[BaseModel], loc: Sequence[int | str]) -> tuple[str, Any]:
    """Turn a pydantic ``loc`` into a readable path and the annotation found at its end.

    Union tags that pydantic inserts into ``loc`` are dropped from the path. The returned
    annotation is ``None`` when the path leaves the known model structure.
    """
    parts: list[str] = []
    tp: Any = model_cls
    for item in loc:
        tp = _strip_annotated(tp) if tp is not None else None
        members = _union_members(tp) if tp is not None else ()
        if members and isinstance(item, str):
            chosen = [m for m in members if _is_model(m) and item in _tags_of(m)]
            if chosen:  # a union tag, not a field: leave it out of the displayed path
                tp = chosen[0]
                continue
            models = [m for m in members if _is_model(m)]
            tp = models[0] if len(models) == 1 else None
        elif members:
            tp = members[0] if len(members) == 1 else None
        if isinstance(item, int):
            parts.append(f"[{item}]")
            args = typing.get_args(tp) if tp is not None else ()
            tp = (args[0] if args else None) if typing.get_origin(tp) in (list, tuple, set, frozenset, abc.Sequence) else None
        else:
            parts.append(("." if parts else "") + str(item))
            if _is_model(tp) and item in tp.model_fields:
                tp = tp.model_fields[item].annotation
            elif typing.get_origin(tp) is dict:
                tp = typing.get_args(tp)[1]
            else:
                tp = None
    return "".join(parts), (_strip_annotated(tp) if tp is not None else None)


def _model_at(model_cls: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    _, tp = _walk(model_cls, loc)
    members = _union_members(tp) if tp is not None else ()
    if members:
        models = [m for m in members if _is_model(m)]
        return models[0] if len(models) == 1 else None
    return tp if _is_model(tp) else None


def _describe_annotation(tp: Any) -> str:
    tp = _strip_annotated(tp)
    members = _union_members(tp)
    if members:
        return " 또는 ".join(dict.fromkeys(_describe_annotation(m) for m in members))
    origin = typing.get_origin(tp)
    if tp is str:
        return "글"
    if tp is bool:
        return "참/거짓 값(true 또는 false)"
    if tp is int:
        return "정수"
    if tp is float:
        return "숫자"
    if isinstance(tp, type) and issubclass(tp, Enum):
        return "정해진 값 중 하나(" + ", ".join(str(m.value) for m in tp) + ")"
    if origin is typing.Literal:
        return "정해진 값 중 하나(" + ", ".join(str(a) for a in typing.get_args(tp)) + ")"
    if origin in (list, tuple, set, frozenset):
        return "목록('- '로 시작하는 줄들)"
    if origin is dict or _is_model(tp):
        return "'이름: 값' 묶음"
    return "값"


# --------------------------------------------------------------------------- line numbers


def _node_at(node: yaml.Node | None, loc: Sequence[int | str]) -> tuple[yaml.Node | None, bool]:
    """Find the YAML node for ``loc``; return (deepest node found, whether all of loc matched)."""
    current = node
    for item in loc:
        if isinstance(current, yaml.MappingNode) and isinstance(item, str):
            nxt = None
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode) and key_node.value == item:
                    nxt = value_node
                    break
            if nxt is None:
                # Probably a union tag that is not a key: try the same node for the next item.
                continue
            current = nxt
        elif isinstance(current, yaml.SequenceNode) and isinstance(item, int):
            if not 0 <= item < len(current.value):
                return current, False
            current = current.value[item]
        else:
            return current, False
    return current, True


def _key_node(node: yaml.Node | None, key: str) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node
    return None


def _line_of(root: yaml.Node | None, loc: Sequence[int | str], error_type: str) -> int | None:
    if root is None or not loc:
        return None
    if error_type == "missing":
        if len(loc) == 1:  # a missing top-level key has no useful line
            return None
        found, _ = _node_at(root, loc[:-1])
    elif error_type == "extra_forbidden" and loc:
        parent, _ = _node_at(root, loc[:-1])
        found = _key_node(parent, str(loc[-1])) or parent
    else:
        found, _ = _node_at(root, loc)
    return found.start_mark.line + 1 if found is not None else None


# --------------------------------------------------------------------------- error translation


def _show(value: Any, limit: int = 60) -> str:
    if isinstance(value, str):
        text = value if len(value) <= limit else value[: limit - 1] + "…"
        return f"'{text}'"
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:4])
        return f"'이름: 값' 묶음({keys}{', …' if len(value) > 4 else ''})"
    if isinstance(value, (list, tuple)):
        return f"목록({len(value)}개 항목)"
    if value is None:
        return "빈 값"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"날짜 {value.isoformat()}"
    return str(value)


def _quote_hint(found: Any) -> str:
    if isinstance(found, dict):
        return (" 글 안에 ': '(콜론과 빈칸)이 있으면 YAML이 '이름: 값'으로 읽습니다. "
                "글 전체를 큰따옴표로 감싸세요.")
    if isinstance(found, (datetime.date, datetime.datetime)):
        return " YAML은 따옴표 없는 날짜를 날짜 값으로 읽습니다. 글로 쓰려면 큰따옴표로 감싸세요 (예: \"2024-01-01\")."
    if isinstance(found, (bool, int, float)):
        return (" YAML은 따옴표 없는 숫자나 yes/no/true/false를 글로 보지 않습니다. "
                "글로 쓰려면 큰따옴표로 감싸세요 (예: \"2024\").")
    if found is None:
        return " 값이 비어 있습니다. 콜론 뒤에 내용을 적으세요."
    return ""


_TYPE_WORDS = {
    "string_type": "글",
    "int_type": "정수",
    "int_parsing": "정수",
    "int_from_float": "정수",
    "float_type": "숫자",
    "float_parsing": "숫자",
    "bool_type": "참/거짓 값(true 또는 false)",
    "bool_parsing": "참/거짓 값(true 또는 false)",
    "list_type": "목록('- '로 시작하는 줄들)",
    "tuple_type": "목록('- '로 시작하는 줄들)",
    "set_type": "목록('- '로 시작하는 줄들)",
    "dict_type": "'이름: 값' 묶음",
    "model_type": "'이름: 값' 묶음",
    "model_attributes_type": "'이름: 값' 묶음",
    "date_type": "날짜(예: 2024-03-01)",
    "date_parsing": "날짜(예: 2024-03-01)",
}


def _allowed_values(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    # pydantic writes "'a', 'b' or 'c'"; make it a plain comma list.
    return expected.replace("' or '", "', '").replace("'", "")


def _translate(model_cls: type[BaseModel], err: ErrorDetails) -> tuple[str, str, str]:
    """Return (problem, found, fix) in Korean for one pydantic error."""
    kind = err["type"]
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    found = err.get("input")
    field = str(loc[-1]) if loc else ""

    if kind == "missing":
        _, tp = _walk(model_cls, loc)
        what = _describe_annotation(tp) if tp is not None else "값"
        desc = ""
        parent = _model_at(model_cls, loc[:-1])
        if parent is not None and field in parent.model_fields:
            d = parent.model_fields[field].description
            desc = f" ({d})" if d else ""
        return (f"꼭 있어야 하는 항목이 빠졌습니다: '{field}'{desc}.",
                "",
                f"'{field}: ...' 줄을 추가하세요 (넣을 값: {what}).")

    if kind == "extra_forbidden":
        parent = _model_at(model_cls, loc[:-1])
        names = sorted(parent.model_fields) if parent is not None else []
        close = difflib.get_close_matches(field, names, n=1, cutoff=0.6)
        fix = (f"혹시 '{close[0]}'의 오타인가요? 그렇다면 이름을 '{close[0]}'라고 고치세요."
               if close else "이 줄을 지우거나 이름을 고치세요.")
        if names:
            fix += f" 여기에 쓸 수 있는 이름: {', '.join(names)}."
        return (f"알 수 없는 항목입니다: '{field}'.", "", fix)

    if kind == "invalid_key":
        return ("항목 이름은 글이어야 합니다. 숫자나 빈 값(null)은 항목 이름으로 쓸 수 없습니다.", _show(found),
                "항목 이름을 영어 소문자로 고치거나 그 줄을 지우세요.")

    if kind in ("enum", "literal_error"):
        allowed = _allowed_values(ctx)
        return ("정해진 값이 아닙니다.", _show(found),
                f"다음 중 하나를 그대로 적으세요: {allowed}.")

    if kind in ("union_tag_invalid", "union_tag_not_found"):
        disc = str(ctx.get("discriminator", "kind")).strip("'")
        allowed = _allowed_values({"expected": ctx.get("expected_tags", "")})
        problem = (f"'{disc}' 값이 없습니다." if kind == "union_tag_not_found"
                   else f"'{disc}' 값이 정해진 값이 아닙니다.")
        shown = _show(ctx.get("tag")) if kind == "union_tag_invalid" else ""
        return (problem, shown, f"'{disc}:'에 다음 중 하나를 적으세요: {allowed}.")

    if kind in _TYPE_WORDS:
        want = _TYPE_WORDS[kind]
        hint = _quote_hint(found) if kind == "string_type" else ""
        if kind in ("list_type", "tuple_type", "set_type") and isinstance(found, str):
            hint = " 한 줄 글이 아니라, 줄마다 '- '로 시작하는 목록으로 적으세요."
        if kind in ("model_type", "dict_type") and isinstance(found, str):
            hint = " 아래 줄에 들여써서 '이름: 값' 형식으로 적으세요."
        if found is None and not hint:
            hint = " 값이 비어 있습니다. 콜론 뒤에 내용을 적으세요."
        return (f"형식이 맞지 않습니다. 필요한 것: {want}, 지금 있는 것: {_describe_value(found)}.",
                _show(found), f"{want}의 형식으로 고치세요.{hint}")

    if kind == "string_too_short":
        n = ctx.get("min_length", 1)
        if n <= 1:
            return ("글이 비어 있습니다.", _show(found), "내용을 적거나, 필요 없는 항목이면 줄을 지우세요.")
        return (f"글이 너무 짧습니다 (최소 {n}글자).", _show(found), f"{n}글자 이상으로 적으세요.")
    if kind == "string_too_long":
        n = ctx.get("max_length")
        return (f"글이 너무 깁니다 (최대 {n}글자).", _show(found), f"{n}글자 이하로 줄이세요.")
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        actual = ctx.get("actual_length", 0)
        return (f"항목이 너무 적습니다 (최소 {n}개, 지금 {actual}개).", "",
                f"'- '로 시작하는 항목을 {n}개 이상 적으세요.")
    if kind == "too_long":
        n = ctx.get("max_length")
        actual = ctx.get("actual_length")
        return (f"항목이 너무 많습니다 (최대 {n}개, 지금 {actual}개).", "", f"{n}개 이하로 줄이세요.")
    if kind == "string_pattern_mismatch":
        return ("형식이 맞지 않습니다.", _show(found),
                f"정해진 형식({ctx.get('pattern')})에 맞게 고치세요. id라면 영어 소문자, 숫자, "
                "밑줄(_), 하이픈(-)만 쓰세요 (예: sick_child).")
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        words = {"greater_than": "보다 커야", "greater_than_equal": " 이상이어야",
                 "less_than": "보다 작아야", "less_than_equal": " 이하여야"}
        limit = next(iter(ctx.values()), "")
        return (f"값이 {limit}{words[kind]} 합니다.", _show(found), "범위 안의 값으로 고치세요.")
    if kind in ("value_error", "assertion_error"):
        inner = ctx.get("error")
        text = str(inner) if inner is not None else err.get("msg", "")
        return (text, _show(found) if loc else "", "")
    return (f"값이 올바르지 않습니다 ({err.get('msg', kind)}).", _show(found), "")


def _validation_message(path: Path, model_cls: type[BaseModel], exc: ValidationError,
                        root: yaml.Node | None) -> str:
    errors = exc.errors(include_url=False)
    lines = [f"파일 '{path}'에 고칠 곳이 {len(errors)}군데 있습니다."]
    for err in errors:
        loc = tuple(err["loc"])
        shown_path, _ = _walk(model_cls, loc)
        where = shown_path or "(파일 전체)"
        if err["type"] == "invalid_key":
            where = "(맨 바깥 단계의 항목 이름)"
        line = _line_of(root, loc, err["type"])
        at = f" ({line}번째 줄)" if line else ""
        problem, found, fix = _translate(model_cls, err)
        lines.append(f"  - 위치 {where}{at}: {problem}")
        if found:
            lines.append(f"      지금 값: {found}")
        if fix:
            lines.append(f"      {_FIX_HEADER}: {fix}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- public API


def _check_path(path: Any, what: str = "파일") -> Path:
    if not isinstance(path, (str, os.PathLike)):
        raise CaseworkError(f"{what}의 경로를 글이나 Path로 주세요. 받은 값: {path!r}")
    return Path(path)


def _check_model(model_cls: Any) -> None:
    if not (isinstance(model_cls, type) and issubclass(model_cls, BaseModel)):
        raise CaseworkError(f"model_cls에는 pydantic 모델 클래스를 주세요. 받은 값: {model_cls!r}")


def load_yaml_model(path: str | os.PathLike[str], model_cls: type[M]) -> M:
    """Read one YAML file and validate it as ``model_cls``; raise DataFileError if anything is wrong."""
    path = _check_path(path)
    _check_model(model_cls)
    data, root = read_yaml_mapping(path)
    try:
        return model_cls.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(_validation_message(path, model_cls, exc, root)) from None
    except RecursionError:
        raise DataFileError(_too_deep(path)) from None


def yaml_files(directory: str | Path) -> list[Path]:
    """The ``*.yaml``/``*.yml`` files directly in ``directory``, sorted by name.

    Hidden files (editor backups such as ``.#case.yaml``) are skipped.
    """
    directory = _check_path(directory, "폴더")
    if not directory.exists():
        raise DataFileError(f"폴더가 없습니다: '{directory}'. 경로를 확인하세요.")
    if not directory.is_dir():
        raise DataFileError(f"폴더가 아닙니다: '{directory}'. 데이터 파일이 든 폴더의 경로를 주세요.")
    return sorted(
        (p for p in directory.iterdir()
         if p.suffix.lower() in YAML_SUFFIXES and not p.name.startswith(".") and p.is_file()),
        key=lambda p: p.name,
    )


def load_yaml_files(paths: Iterable[str | Path], model_cls: type[M], *,
                    id_field: str | None = "id") -> list[tuple[Path, M]]:
    """Load every file, all-or-nothing; return (path, model) pairs in the given order.

    If any file is bad, or two files share the same ``id_field`` value, one DataFileError
    lists every problem and nothing is returned.
    """
    _check_model(model_cls)
    if isinstance(paths, (str, os.PathLike)) or not isinstance(paths, Iterable):
        raise CaseworkError(f"paths에는 파일 경로의 목록을 주세요. 받은 값: {paths!r}")
    loaded: list[tuple[Path, M]] = []
    problems: list[str] = []
    for raw in paths:
        path = _check_path(raw)
        try:
            loaded.append((path, load_yaml_model(path, model_cls)))
        except DataFileError as exc:
            problems.append(str(exc))
    if id_field is not None:
        first_seen: dict[Any, Path] = {}
        for path, model in loaded:
            key = getattr(model, id_field, None)
            if key is None:
                continue
            if key in first_seen:
                problems.append(
                    f"두 파일의 {id_field}가 똑같이 '{key}'입니다: '{first_seen[key]}', '{path}'. "
                    f"{id_field}는 파일마다 달라야 합니다. 둘 중 한 파일의 {id_field}를 바꾸세요."
                )
            else:
                first_seen[key] = path
    if problems:
        count = len(problems)
        header = (f"데이터 파일에 문제가 {count}건 있어서 아무 파일도 불러오지 않았습니다. "
                  "아래를 모두 고친 뒤 다시 불러오세요.")
        raise DataFileError(header + "\n\n" + "\n\n".join(problems))
    return loaded


def load_yaml_dir(directory: str | Path, model_cls: type[M], *,
                  id_field: str | None = "id") -> list[M]:
    """Load every YAML file in ``directory`` (sorted by file name), all-or-nothing."""
    return [model for _, model in load_yaml_files(yaml_files(directory), model_cls, id_field=id_field)]


def refuse_taken_id(path: str | os.PathLike[str], new_id: Any, files: Iterable[Path], what: str) -> None:
    """Raise DataFileError when another of ``files`` already uses ``new_id`` (a new file is checked).

    The workbook refuses to load any file of a kind when two share an id, so a new file must not
    reuse the id of a bundled file or of one in an instructor's folder.
    """
    own = Path(path).resolve()
    for other in files:
        if other.resolve() == own:
            continue
        try:
            other_id = read_yaml_mapping(other)[0].get("id")
        except DataFileError:
            continue
        if other_id == new_id:
            raise DataFileError(
                f"파일 '{path}': id '{new_id}'는 이미 '{other}'에서 쓰고 있습니다. 두 파일의 id가 같으면 "
                f"워크북이 어느 {what}도 불러오지 않으므로, 이 파일의 id를 다른 이름으로 바꾸세요."
            )


def dump_yaml(data: Any) -> str:
    """YAML text that keeps Korean readable and the key order as given."""
    try:
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000,
                              default_flow_style=False)
    except yaml.representer.RepresenterError as exc:
        raise CaseworkError(
            f"YAML로 쓸 수 없는 값이 있습니다: {exc.args[-1]!r}. 글, 숫자, 참/거짓, 목록, "
            "'이름: 값' 묶음만 쓸 수 있습니다 (모델이라면 model_dump(mode='json')을 먼저 하세요)."
        ) from exc
