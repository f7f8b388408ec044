"""Tests for casework.datafiles: does every bad data file get a Korean message that names the
file, the place and the fix, and is loading several files all-or-nothing?"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Literal

import pytest
from pydantic import BaseModel, ConfigDict, Field

from casework.datafiles import (
    dump_yaml,
    load_yaml_dir,
    load_yaml_files,
    load_yaml_model,
    read_yaml_mapping,
    yaml_files,
)
from casework.errors import CaseworkError, DataFileError


class Colour(str, Enum):
    RED = "빨강"
    BLUE = "파랑"


class _M(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Part(_M):
    name: str = Field(min_length=1)
    colour: Colour


class Small(_M):
    kind: Literal["small"]
    size: int


class Big(_M):
    kind: Literal["big"]
    size: int
    label: str


class Thing(_M):
    id: str
    title: str
    count: int = 0
    flag: bool = False
    parts: list[Part] = Field(min_length=1)
    tags: list[str] = Field(default_factory=list)
    box: Annotated[Small | Big, Field(discriminator="kind")] | None = None


GOOD = """\
id: one
title: 첫째
parts:
  - name: 바퀴
    colour: 빨강
"""


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str | bytes, name: str = "thing.yaml") -> str:
    path = write(tmp_path, name, text)
    with pytest.raises(DataFileError) as info:
        load_yaml_model(path, Thing)
    message = str(info.value)
    assert name in message
    return message


# ----------------------------------------------------------------------------- good input


def test_valid_file_becomes_the_model(tmp_path):
    """Does a valid file load into the model with its nested values?"""
    thing = load_yaml_model(write(tmp_path, "t.yaml", GOOD), Thing)
    assert thing.id == "one" and thing.title == "첫째"
    assert thing.parts[0].colour is Colour.RED


def test_data_file_error_is_a_casework_error():
    """Can callers catch DataFileError as a CaseworkError?"""
    assert issubclass(DataFileError, CaseworkError)


def test_byte_order_mark_is_accepted(tmp_path):
    """Does a UTF-8 file saved with a BOM (Windows Notepad) still load?"""
    thing = load_yaml_model(write(tmp_path, "bom.yaml", "\ufeff".encode() + GOOD.encode()), Thing)
    assert thing.id == "one"


def test_read_yaml_mapping_returns_data_and_nodes(tmp_path):
    """Does the raw reader give the mapping and a node tree with line marks?"""
    data, node = read_yaml_mapping(write(tmp_path, "t.yaml", GOOD))
    assert data["title"] == "첫째"
    assert node.start_mark.line == 0


# ----------------------------------------------------------------------------- validation messages


def test_missing_field_names_field_and_fix(tmp_path):
    """Is a missing required field named, with a line to add?"""
    msg = error_for(tmp_path, GOOD.replace("title: 첫째\n", ""))
    assert "위치 title" in msg and "빠졌습니다" in msg and "'title: ...' 줄을 추가" in msg


def test_nested_missing_field_has_path_and_line(tmp_path):
    """Does a missing nested field get the full path and the line of its parent?"""
    msg = error_for(tmp_path, GOOD.replace("    colour: 빨강\n", ""))
    assert "위치 parts[0].colour (4번째 줄)" in msg
    assert "빨강, 파랑" in msg  # what may be written there


def test_wrong_type_says_expected_and_found(tmp_path):
    """Does a number where a list is needed say what is needed and what is there?"""
    msg = error_for(tmp_path, GOOD + "tags: 3\n")
    assert "위치 tags (6번째 줄)" in msg
    assert "필요한 것: 목록" in msg and "지금 있는 것: 정수" in msg and "지금 값: 3" in msg


def test_text_written_as_single_line_where_list_needed(tmp_path):
    """Is a one-line text where a list belongs told to use '- ' lines?"""
    msg = error_for(tmp_path, GOOD + "tags: 하나\n")
    assert "'- '로 시작하는 목록" in msg and "'하나'" in msg


def test_number_where_text_needed_suggests_quotes(tmp_path):
    """Does an unquoted number in a text field get the advice to quote it?"""
    msg = error_for(tmp_path, GOOD.replace("title: 첫째", "title: 2024"))
    assert "위치 title (2번째 줄)" in msg and "큰따옴표" in msg


def test_colon_inside_text_is_explained(tmp_path):
    """Is a list item that YAML read as 'name: value' explained as a colon problem?"""
    msg = error_for(tmp_path, GOOD + "tags:\n  - 개입목적: 건강\n")
    assert "tags[0]" in msg and "콜론" in msg and "큰따옴표" in msg


def test_empty_value_is_called_empty(tmp_path):
    """Does 'title:' with nothing after it say the value is empty?"""
    msg = error_for(tmp_path, GOOD.replace("title: 첫째", "title:"))
    assert "위치 title" in msg and "빈 값" in msg


def test_value_not_in_allowed_list_lists_them(tmp_path):
    """Is a value outside an enum shown with every allowed value?"""
    msg = error_for(tmp_path, GOOD.replace("colour: 빨강", "colour: 초록"))
    assert "위치 parts[0].colour (5번째 줄)" in msg
    assert "'초록'" in msg and "빨강, 파랑" in msg


def test_empty_list_is_too_short(tmp_path):
    """Does an empty list that needs an item say how many are needed?"""
    msg = error_for(tmp_path, GOOD.split("parts:")[0] + "parts: []\n")
    assert "위치 parts" in msg and "최소 1개" in msg


def test_empty_string_is_reported(tmp_path):
    """Is an empty name reported as empty, not silently kept?"""
    msg = error_for(tmp_path, GOOD.replace("name: 바퀴", 'name: ""'))
    assert "parts[0].name" in msg and "비어 있습니다" in msg


def test_extra_field_typo_suggests_closest_name(tmp_path):
    """Does a misspelt field name get 'did you mean' with the right name?"""
    msg = error_for(tmp_path, GOOD.replace("title:", "titel:"))
    assert "알 수 없는 항목입니다: 'titel'" in msg
    assert "혹시 'title'의 오타" in msg


def test_nested_extra_field_suggests_from_the_right_model(tmp_path):
    """Is the suggestion for a nested typo taken from that nested model's fields?"""
    msg = error_for(tmp_path, GOOD.replace("colour:", "color:"))
    assert "parts[0].color (5번째 줄)" in msg and "'colour'의 오타" in msg
    assert "쓸 수 있는 이름: colour, name" in msg


def test_extra_field_without_close_match_lists_allowed(tmp_path):
    """Does an unrelated extra field get the list of allowed names and no guess?"""
    msg = error_for(tmp_path, GOOD + "zzz: 1\n")
    assert "'zzz'" in msg and "오타" not in msg and "쓸 수 있는 이름:" in msg


def test_union_tag_is_left_out_of_the_path(tmp_path):
    """In a discriminated union, is the path 'box.label', not 'box.big.label'?"""
    msg = error_for(tmp_path, GOOD + "box:\n  kind: big\n  size: 3\n")
    assert "위치 box.label" in msg and "box.big" not in msg


def test_unknown_union_tag_lists_kinds(tmp_path):
    """Is an unknown 'kind' in a union reported with the allowed kinds?"""
    msg = error_for(tmp_path, GOOD + "box:\n  kind: huge\n  size: 3\n")
    assert "위치 box" in msg and "'huge'" in msg and "small" in msg and "big" in msg


def test_every_problem_in_a_file_is_listed(tmp_path):
    """Are all problems of one file reported together, with their count?"""
    msg = error_for(tmp_path, GOOD.replace("title: 첫째\n", "").replace("colour: 빨강", "colour: 초록"))
    assert "2군데" in msg and "위치 title" in msg and "parts[0].colour" in msg


# ----------------------------------------------------------------------------- file-level problems


def test_yaml_syntax_error_gives_line(tmp_path):
    """Does a YAML syntax error give its line and a Korean explanation?"""
    msg = error_for(tmp_path, "id: one\ntitle: 개입목적: 건강\n")
    assert "YAML 문법 오류" in msg and "2번째 줄" in msg and "콜론" in msg


def test_unclosed_quote(tmp_path):
    """Is an unclosed quote explained as a quote problem?"""
    msg = error_for(tmp_path, 'id: one\ntitle: "첫째\n')
    assert "YAML 문법 오류" in msg and "따옴표" in msg


def test_tab_indentation(tmp_path):
    """Is a tab used for indentation explained, with its line?"""
    msg = error_for(tmp_path, "id: one\n\ttitle: 첫째\n")
    assert "2번째 줄" in msg and "탭" in msg


def test_duplicate_key_is_refused(tmp_path):
    """Is a key written twice refused instead of silently keeping the last one?"""
    msg = error_for(tmp_path, GOOD + "title: 둘째\n")
    assert "'title'" in msg and "두 번" in msg and "처음은 2번째 줄" in msg and "6번째 줄" in msg


@pytest.mark.parametrize("text", ["", "\n\n", "# 주석만 있음\n"])
def test_empty_file(tmp_path, text):
    """Is an empty (or comment-only) file reported as empty?"""
    assert "내용이 없습니다" in error_for(tmp_path, text)


@pytest.mark.parametrize("text, found", [("- 하나\n- 둘\n", "목록"), ("그냥 글\n", "글"), ("3\n", "정수")])
def test_top_level_not_a_mapping(tmp_path, text, found):
    """Is a file whose top level is a list or a scalar refused, naming what it is?"""
    msg = error_for(tmp_path, text)
    assert "맨 바깥 단계" in msg and f"지금은 {found}입니다" in msg


def test_not_utf8(tmp_path):
    """Is a CP949 file refused with advice to save as UTF-8 and the line where it broke?"""
    # "첫째" would not do: its CP949 bytes happen to be valid UTF-8.
    msg = error_for(tmp_path, "id: one\ntitle: 사례관리\n".encode("cp949"))
    assert "UTF-8" in msg and "2번째 줄" in msg


def test_missing_file(tmp_path):
    """Is a missing file named in the message?"""
    with pytest.raises(DataFileError, match=r"nope.yaml"):
        load_yaml_model(tmp_path / "nope.yaml", Thing)


def test_directory_instead_of_file(tmp_path):
    """Is a folder given as a file refused?"""
    with pytest.raises(DataFileError, match="폴더"):
        load_yaml_model(tmp_path, Thing)


# ----------------------------------------------------------------------------- several files


def test_dir_loads_all_in_name_order(tmp_path):
    """Does a directory load every .yaml/.yml file sorted by name, skipping others?"""
    write(tmp_path, "b.yaml", GOOD.replace("id: one", "id: b"))
    write(tmp_path, "a.yml", GOOD.replace("id: one", "id: a"))
    write(tmp_path, "notes.txt", "무시")
    write(tmp_path, ".#c.yaml", "망가진 : : 파일")
    assert [t.id for t in load_yaml_dir(tmp_path, Thing)] == ["a", "b"]


def test_dir_with_one_bad_file_loads_nothing(tmp_path):
    """If one file is bad, is nothing returned and every bad file listed?"""
    write(tmp_path, "a.yaml", GOOD.replace("id: one", "id: a"))
    write(tmp_path, "b.yaml", GOOD.replace("title: 첫째\n", ""))
    write(tmp_path, "c.yaml", "")
    with pytest.raises(DataFileError) as info:
        load_yaml_dir(tmp_path, Thing)
    msg = str(info.value)
    assert "2건" in msg and "아무 파일도 불러오지 않았습니다" in msg
    assert "b.yaml" in msg and "c.yaml" in msg and "a.yaml" not in msg


def test_duplicate_ids_across_files_name_both(tmp_path):
    """Are two files with the same id both named?"""
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    with pytest.raises(DataFileError) as info:
        load_yaml_dir(tmp_path, Thing)
    msg = str(info.value)
    assert "a.yaml" in msg and "b.yaml" in msg and "'one'" in msg


def test_duplicate_check_can_be_switched_off(tmp_path):
    """With id_field=None, may two files share an id?"""
    write(tmp_path, "a.yaml", GOOD)
    write(tmp_path, "b.yaml", GOOD)
    assert len(load_yaml_dir(tmp_path, Thing, id_field=None)) == 2


def test_load_yaml_files_keeps_paths(tmp_path):
    """Does load_yaml_files pair each model with its path, in the given order?"""
    b = write(tmp_path, "b.yaml", GOOD.replace("id: one", "id: b"))
    a = write(tmp_path, "a.yaml", GOOD.replace("id: one", "id: a"))
    assert [(p, t.id) for p, t in load_yaml_files([b, a], Thing)] == [(b, "b"), (a, "a")]


def test_missing_dir(tmp_path):
    """Is a missing folder named?"""
    with pytest.raises(DataFileError, match="없는폴더"):
        load_yaml_dir(tmp_path / "없는폴더", Thing)


def test_file_given_as_dir(tmp_path):
    """Is a file given where a folder is needed refused?"""
    with pytest.raises(DataFileError, match="폴더가 아닙니다"):
        yaml_files(write(tmp_path, "a.yaml", GOOD))


# ----------------------------------------------------------------------------- dumping


def test_dump_keeps_korean_and_order():
    """Is Korean written as is (not \\u escapes) and key order kept?"""
    text = dump_yaml({"title": "첫째", "id": "one"})
    assert text == "title: 첫째\nid: one\n"


def test_dump_refuses_objects_yaml_cannot_write():
    """Is an arbitrary object refused with a Korean message instead of a YAML traceback?"""
    with pytest.raises(CaseworkError, match="YAML로 쓸 수 없는 값"):
        dump_yaml({"x": object()})


# ----------------------------------------------------------------------------- bad arguments


@pytest.mark.parametrize("call", [
    lambda: load_yaml_model(3, Thing),
    lambda: load_yaml_model("a.yaml", dict),
    lambda: load_yaml_dir(None, Thing),
    lambda: load_yaml_files("a.yaml", Thing),
    lambda: load_yaml_files([3], Thing),
    lambda: load_yaml_files(["a.yaml"], "Thing"),
    lambda: yaml_files(3),
    lambda: read_yaml_mapping(None),
], ids=["model-path", "model-cls", "dir-path", "files-str", "files-item", "files-cls", "yaml-files",
        "read-mapping"])
def test_bad_arguments_are_refused_in_korean(call):
    """Is a wrong argument type refused with a Korean CaseworkError (not a TypeError)?"""
    with pytest.raises(CaseworkError, match="주세요"):
        call()


def test_a_file_nested_too_deep_names_the_file(tmp_path):
    """C14: 20,000 nested brackets give a Korean message naming the file, not a RecursionError."""
    path = tmp_path / "deep.yaml"
    path.write_text("id: deep\ntitle: " + "[" * 20000 + "]" * 20000 + "\n", encoding="utf-8")
    from casework.cases import Case

    with pytest.raises(DataFileError, match=r"deep.yaml.*너무 깊게"):
        load_yaml_model(path, Case)
