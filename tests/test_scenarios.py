"""Tests for casework.scenarios and the scenario files in casework/data/scenarios/."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from casework import pdn
from casework.caseload import Caseload, example_team
from casework.cases import Case, case_ids
from casework.closure import ClosureReason
from casework.errors import CaseworkError, DataFileError
from casework.process import DongStep
from casework.scenario_models import (
    RRN_PLACEHOLDER,
    SYNTHETIC_RRN,
    ClosureCase,
    IntakeStory,
    MaskingSample,
    NextStepScenario,
    closure_cases,
    intake_stories,
    masking_sample,
    next_step_scenarios,
)
from casework.scenarios import SCENARIOS_DIR, bundled_scenario_file, entry_model, load_scenario_file

# file name: (class, list key, id field, the public function that serves the bundled file)
FILES = {
    "next_step.yaml": (NextStepScenario, "scenarios", "id", next_step_scenarios),
    "closure.yaml": (ClosureCase, "cases", "id", closure_cases),
    "intake_stories.yaml": (IntakeStory, "stories", "id", intake_stories),
    "caseload_team.yaml": (Caseload, "team", "worker", example_team),
    "privacy_sample.yaml": (MaskingSample, None, "id", masking_sample),
    "practice_case.yaml": (Case, None, "id", pdn.practice_case),
}


def _load(tmp_path, name, text):
    cls, key, id_field, _ = FILES[name]
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, lambda: load_scenario_file(path, cls, key, id_field=id_field)


def _broken(tmp_path, name, old, new):
    """Load a copy of a bundled file with ``old`` replaced once by ``new``; return the error text."""
    text = (SCENARIOS_DIR / name).read_text(encoding="utf-8")
    assert old in text, old
    path, load = _load(tmp_path, name, text.replace(old, new, 1))
    with pytest.raises(DataFileError) as info:
        load()
    message = str(info.value)
    assert str(path) in message
    return message


def test_every_bundled_file_is_served_by_a_function():
    """Is every YAML file in the scenarios folder one this test (and the library) knows?"""
    assert sorted(p.name for p in SCENARIOS_DIR.glob("*.yaml")) == sorted(FILES)


@pytest.mark.parametrize("name", sorted(FILES))
def test_every_bundled_file_loads_and_starts_with_a_korean_comment(name):
    """Does each file load through its function, equal to loading the file directly?"""
    cls, key, id_field, function = FILES[name]
    loaded = function()
    raw = load_scenario_file(SCENARIOS_DIR / name, cls, key, id_field=id_field)
    if name == "privacy_sample.yaml":  # the placeholder becomes a synthetic number on load
        assert RRN_PLACEHOLDER in raw.text and RRN_PLACEHOLDER not in loaded.text
        assert loaded.text == raw.text.replace(RRN_PLACEHOLDER, SYNTHETIC_RRN)
    else:
        assert loaded == raw
    if key is not None:
        assert len(loaded) >= 1 and all(isinstance(item, cls) for item in loaded)
    first = (SCENARIOS_DIR / name).read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and any("가" <= ch <= "힣" for ch in first)


def test_bundled_files_are_read_once():
    """Is a bundled file read once and then served from the cache?"""
    assert next_step_scenarios() is next_step_scenarios()
    assert bundled_scenario_file("closure.yaml", ClosureCase, "cases") is closure_cases()


def test_enum_fields_are_read_from_korean_labels():
    """Do Korean labels in the files become the library's enum members?"""
    first = next_step_scenarios()[0]
    assert first.step is DongStep.DISCOVERY_INTAKE and first.expected is DongStep.NEEDS_ASSESSMENT
    assert set(first.tempting) == {DongStep.DISCOVERY_INTAKE}
    assert {c.reason for c in closure_cases() if c.may_close} == set(ClosureReason)


def test_practice_case_is_not_in_the_case_list_and_each_call_is_a_fresh_copy():
    """Is the fictional fifth case kept out of the textbook cases, and safe to change?"""
    assert pdn.practice_case().id not in case_ids()
    first = pdn.practice_case()
    first.chains[0].demands.append("바꾼 말")
    assert "바꾼 말" not in pdn.practice_case().chains[0].demands


# --------------------------------------------------------------------------- malformed copies


MALFORMED = [
    # (file, text to replace, replacement, fragments the Korean message must contain)
    pytest.param("next_step.yaml", "step: 발굴/접수/초기상담", "step: 접수",
                 ["scenarios[0].step", "대상자 선정 및 동의 확보"], id="unknown-step-label"),
    pytest.param("next_step.yaml", "    발굴/접수/초기상담: 초기상담은", "    방문: 초기상담은",
                 ["scenarios[0].tempting", "정해진 값이 아닙니다"], id="unknown-step-in-tempting"),
    pytest.param("next_step.yaml", "title: 이웃의 제보로 만난 어르신", "title: 2024",
                 ["scenarios[0].title", "따옴표"], id="number-for-text"),
    pytest.param("next_step.yaml", "id: no-consent-yet", "id: first-visit",
                 ["scenarios", "id 'first-visit'"], id="duplicate-id"),
    pytest.param("closure.yaml", "goals_reviewed: true", "goal_reviewed: true",
                 ["cases[0].goal_reviewed", "'goals_reviewed'의 오타"], id="typo-in-key"),
    pytest.param("closure.yaml", "may_close: false\n  reason: null", "may_close: false\n  reason: 사망",
                 ["cases[1]", "종결할 수 있는 사례에만 종결 사유를"], id="dataclass-rule"),
    pytest.param("intake_stories.yaml", "severity: 4", 'severity: "4"',
                 ["stories[0].summary.needs[0].severity", "정수"], id="quoted-number"),
    pytest.param("intake_stories.yaml", "domain: 경제", "domain: 돈",
                 ["stories[0].summary.needs[0].domain", "법률 및 권익보장"], id="nested-domain"),
    pytest.param("caseload_team.yaml", "worker: 나래", "worker: 가람",
                 ["team", "worker '가람'"], id="duplicate-worker"),
    pytest.param("caseload_team.yaml", "active_cases: 18", "active_cases: -1",
                 ["team[0]", "음수"], id="negative-caseload"),
    pytest.param("practice_case.yaml", "domain: 교육", "domain: 학교",
                 ["chains[0].needs[0].domain"], id="practice-case-domain"),
]


@pytest.mark.parametrize("name, old, new, fragments", MALFORMED)
def test_malformed_copy_names_the_file_and_the_field(tmp_path, name, old, new, fragments):
    """Does a malformed copy of a bundled file give a DataFileError naming the file and field?"""
    message = _broken(tmp_path, name, old, new)
    for fragment in fragments:
        assert fragment in message, (fragment, message)


def test_missing_field_in_the_privacy_sample(tmp_path):
    """Is a sample without names refused with the missing field's name?"""
    text = (SCENARIOS_DIR / "privacy_sample.yaml").read_text(encoding="utf-8")
    _, load = _load(tmp_path, "privacy_sample.yaml", text[: text.index("names:")])
    with pytest.raises(DataFileError, match="'names'"):
        load()


def test_a_file_with_an_empty_list_is_refused(tmp_path):
    """Is a file with no scenarios at all refused?"""
    _, load = _load(tmp_path, "next_step.yaml", "scenarios: []\n")
    with pytest.raises(DataFileError, match="scenarios"):
        load()


# --------------------------------------------------------------------------- the mechanism


@dataclass(frozen=True)
class _Pair:
    name: str
    count: int = 1


def test_entry_model_mirrors_a_dataclass(tmp_path):
    """Does a file record become the dataclass, with its defaults, and refuse extra keys?"""
    path = tmp_path / "pair.yaml"
    path.write_text("name: 하나\n", encoding="utf-8")
    assert load_scenario_file(path, _Pair) == _Pair("하나")
    path.write_text("name: 하나\ncolour: 빨강\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="colour"):
        load_scenario_file(path, _Pair)
    assert entry_model(_Pair) is entry_model(_Pair)


@pytest.mark.parametrize("call", [
    lambda: entry_model(dict),
    lambda: load_scenario_file(SCENARIOS_DIR / "practice_case.yaml", Case, "chains"),
    lambda: load_scenario_file(SCENARIOS_DIR / "caseload_team.yaml", Caseload, ""),
])
def test_bad_arguments_are_refused(call):
    """Are a non-dataclass, a key for a whole-file model and an empty key refused in Korean?"""
    with pytest.raises(CaseworkError):
        call()


def test_missing_file_is_a_data_file_error(tmp_path):
    """Does a missing scenario file give a Korean DataFileError with its path?"""
    with pytest.raises(DataFileError, match="파일이 없습니다"):
        load_scenario_file(tmp_path / "없음.yaml", Caseload, "team")
