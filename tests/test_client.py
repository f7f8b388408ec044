"""Tests for casework.client: scripted clients as data files, validated on load with Korean errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from casework import client as clients
from casework.client import (
    CLIENTS_DIR,
    DEFAULT_EFFECTS,
    Client,
    check_client_file,
    client_for_case,
    client_ids,
    list_clients,
    load_client,
    load_client_file,
)
from casework.errors import CaseworkError, DataFileError
from casework.topics import topic_ids

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def _raw(client_id: str) -> dict:
    return yaml.safe_load((CLIENTS_DIR / f"{client_id}.yaml").read_text(encoding="utf-8"))


def _write(tmp_path: Path, data: dict, name: str = "new.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def test_two_bundled_clients_load():
    """Do the 80-year-old and the wife without living money load from data, in order?"""
    assert client_ids()[:2] == ["elderly_alone", "no_living_money"]
    assert all(isinstance(c, Client) for c in list_clients())


def test_elderly_client_has_enough_facts_over_enough_topics():
    """Does the 80-year-old have at least 14 facts over at least 7 topics (the issue's floor)?"""
    client = load_client("elderly_alone")
    assert len(client.facts) >= 14
    assert len({t for f in client.facts for t in f.topics}) >= 7


def test_elderly_client_covers_the_slides_and_the_marked_practice_facts():
    """Is each fact of slides 44–47 and each practice fact of the case file told by some fact?"""
    client = load_client("elderly_alone")
    sources = " ".join(f.source for f in client.facts)
    for item in ("독거", "만성질병", "돌볼 가족 없음", "경제적으로 어려움", "이동의 문제", "서비스 접근",
                 "주택보수", "심리적 외로움", "외출 및 이동", "부동산 처분", "법률적인 도움", "금전적 관리",
                 "신체적 기능약화"):
        assert item in sources, item
    summaries = " ".join(f.summary for f in client.facts)
    for practice in ("혼자 병원", "찾아오는 사람은 거의 없다", "약을 거른", "조카", "김치", "욕실"):
        assert practice in summaries, practice
    assert "여든" in client.opening and client.person.age == [80]
    assert all(f.practice_data for f in client.facts if "연습" in f.source and "강의" not in f.source)


def test_wife_client_brings_the_demand_first_and_hides_the_needs():
    """Does the wife open with the demand (a job), while the marriage facts need trust?"""
    client = load_client("no_living_money")
    assert "일자리" in client.opening
    volunteered = [f.id for f in client.facts if f.volunteers]
    assert volunteered == ["wants_job", "no_allowance"]
    guarded = {f.id for f in client.facts if f.min_trust > client.trust.start}
    assert {"fear_abandoned", "husband_worry"} <= guarded
    assert client.needs == ["부부간 신뢰관계의 회복욕구", "평등한 부부관계 회복욕구", "안정적 결혼생활의 욕구"]


@pytest.mark.parametrize("client_id", ["elderly_alone", "no_living_money"])
def test_every_topic_is_a_topic_of_the_rule_table(client_id):
    """Do the facts name only topics the topic detector knows?"""
    known = set(topic_ids())
    assert {t for f in load_client(client_id).facts for t in f.topics} <= known


def test_a_case_without_its_own_client_gets_the_default():
    """Does each case find its own client, and a case without one the 80-year-old?"""
    assert client_for_case("no_living_money").id == "no_living_money"
    assert client_for_case("elderly_alone").id == "elderly_alone"
    assert client_for_case("sick_child").id == "elderly_alone"


def test_a_seed_varies_the_details_and_the_same_seed_repeats_them():
    """Does the same seed give the same person, and do seeds vary the name and particulars?"""
    client = load_client("no_living_money")
    assert client.details_for(3) == client.details_for(3)
    people = {(d.name, d.age, d.values["married_years"]) for d in map(client.details_for, range(12))}
    assert len(people) >= 4
    elderly = load_client("elderly_alone")
    assert {elderly.details_for(s).age for s in range(10)} == {80}  # the textbook's age stays


def test_manner_is_words_not_numbers():
    """Is the manner at each trust a Korean sentence without the number?"""
    client = load_client("elderly_alone")
    for trust in range(client.trust.max + 1):
        text = client.manner_at(trust)
        assert re.search("[가-힣]", text) and not re.search(r"\d", text)
    assert client.manner_at(0) != client.manner_at(client.trust.max)


def test_effects_default_and_can_be_changed_per_file():
    """Are the workbook's default trust effects used unless a file changes them?"""
    client = load_client("elderly_alone")
    assert client.effect("blame") == DEFAULT_EFFECTS["blame"] < 0 < DEFAULT_EFFECTS["reflection"]


# --------------------------------------------------------------------------- refusing bad files


def _broken(change):
    data = _raw("elderly_alone")
    data["id"] = "broken_client"
    change(data)
    return data


@pytest.mark.parametrize("change, message", [
    (lambda d: d["facts"][0].update(topics=["helth"]), "없는 이야깃거리.*health"),
    (lambda d: d["facts"][0].update(then=["nobody"]), "then에 있는 'nobody'"),
    (lambda d: d["facts"][1].update(id=d["facts"][0]["id"]), "사실 id가 두 번"),
    (lambda d: d["facts"][0].update(reply="{nmae} 말이에요"), r"'\{nmae\}'는 없는 자리"),
    (lambda d: d.update(opening="괄호 { 하나"), "중괄호"),
    (lambda d: d["trust"].update(short_below=0), "close_at < short_below"),
    (lambda d: d.update(effects={"blamee": -2}), "없는 효과 이름.*blame"),
    (lambda d: d.update(manner=[{"from": 3, "text": "조용합니다"}]), "from: 0"),
    (lambda d: [f.update(volunteers=False) for f in d["facts"]], "volunteers: true"),
    (lambda d: d["facts"][0].pop("short"), "short"),
    (lambda d: d["facts"][0].update(min_trust=99), "min_trust"),
    (lambda d: d.update(colour="red"), "colour"),
])
def test_a_broken_client_file_is_refused_in_korean(tmp_path, change, message):
    """Is each kind of mistake refused with a Korean message naming the file and what to fix?"""
    path = _write(tmp_path, _broken(change))
    with pytest.raises(DataFileError, match=message) as info:
        load_client_file(path)
    assert "new.yaml" in str(info.value)
    assert re.search("[가-힣]", str(info.value))


def test_a_new_file_may_not_reuse_a_bundled_id(tmp_path):
    """Is a new file with a bundled client's id refused before it breaks loading?"""
    data = _raw("elderly_alone")
    path = _write(tmp_path, data)
    with pytest.raises(DataFileError, match="이미"):
        check_client_file(path)


def test_an_instructor_adds_a_third_client_without_code(tmp_path, monkeypatch):
    """Does a documented file in CASEWORK_CLIENTS_DIR become a client a case can use?"""
    data = _raw("no_living_money")
    data.update(id="sick_child_mother", case="sick_child", title="아이가 자주 아프다는 어머니와의 첫 면접", order=3)
    data["facts"][0]["topics"] = ["children", "health"]
    folder = tmp_path / "clients"
    folder.mkdir()
    _write(folder, data, "sick_child_mother.yaml")
    monkeypatch.setenv(clients.ENV_VAR, str(folder))
    assert "sick_child_mother" in client_ids()
    assert client_for_case("sick_child").id == "sick_child_mother"
    assert check_client_file(folder / "sick_child_mother.yaml").id == "sick_child_mother"


def test_a_missing_instructor_folder_names_the_variable(tmp_path, monkeypatch):
    """Is a folder in CASEWORK_CLIENTS_DIR that does not exist reported, naming the variable?"""
    monkeypatch.setenv(clients.ENV_VAR, str(tmp_path / "없음"))
    with pytest.raises(DataFileError, match=clients.ENV_VAR):
        client_ids()


def test_an_unknown_client_id_suggests_the_close_one():
    """Does a typo in a client id get a Korean message with the close match?"""
    with pytest.raises(CaseworkError, match="elderly_alone"):
        load_client("elderly_alon")


def test_client_files_carry_no_real_looking_identifiers():
    """Are the bundled client files free of registration and phone numbers?"""
    for path in CLIENTS_DIR.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\d{6}\s*-\s*\d{7}", text)
        assert not re.search(r"01\d-\d{3,4}-\d{4}", text)


def test_the_clients_folder_env_accepts_several_folders(tmp_path, monkeypatch):
    """Are several folders separated by os.pathsep all searched?"""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    monkeypatch.setenv(clients.ENV_VAR, f"{a}{os.pathsep}{b}")
    assert clients.client_dirs()[1:] == [a, b]


def test_the_clients_command_lists_and_checks_files(tmp_path, capsys):
    """Does 'casework clients' list the clients, accept a good file and refuse a bad one with exit code 1?"""
    from casework import cli

    assert cli.main(["clients"]) == 0
    assert "elderly_alone" in capsys.readouterr().out
    data = _raw("no_living_money")
    data["id"] = "copy_of_wife"
    good = _write(tmp_path, data, "copy.yaml")
    assert cli.main(["clients", str(good)]) == 0
    assert "13가지 가운데 13가지" in capsys.readouterr().out
    data["model_interview"] = ["식사는 하세요?", "돈은 있으세요?", "왜 그렇게 사셨어요?"]
    weak = _write(tmp_path, data, "weak.yaml")
    assert cli.main(["clients", str(weak)]) == 1
    assert "통과 기준" in capsys.readouterr().err
    data["facts"][0]["topics"] = ["wrk"]
    bad = _write(tmp_path, data, "bad.yaml")
    assert cli.main(["clients", str(bad)]) == 1
    assert "혹시 'work'인가요?" in capsys.readouterr().err
