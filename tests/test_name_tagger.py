"""Tests for the masking's statistical name tagger: features, the combination with the rules, freshness."""

from __future__ import annotations

import json
import re
import struct
import subprocess
import sys

import pytest

from casework.language import name_tagger
from casework.language.name_features import FEATURE_VERSION, bio_labels, char_features
from casework.language.name_tagger import META, tagged_names, training_hash
from casework.language.names import find_names
from casework.privacy import mask_case_text


def _features_at(text: str, i: int) -> list[str]:
    return char_features(text)[i]


def test_features_of_a_name_after_a_family_word_before_a_title():
    """Does a name between 딸 and 씨 carry the role word, the title and its place in the word?"""
    text = "딸 이수진 씨가 왔다"
    first, second = _features_at(text, 2), _features_at(text, 3)
    assert {"pw=딸", "pw_role", "nw_title", "c=이", "wpos=0", "tag=NNP"} <= set(first)
    assert {"c=수", "c-1=이", "wpos=1", "wend=1"} <= set(second)


def test_features_of_a_place_carry_no_name_cues():
    """Does a place with a particle at a sentence's start carry no role or title cue?"""
    text = "서울에서 혼자 살고 있음"
    feats = set(_features_at(text, 0))
    assert {"c=서", "w_first", "wpos=0"} <= feats
    assert not feats & {"pw_role", "pw_job", "nw_title"}
    assert any(f.startswith("tag=") for f in feats)


def test_word_and_character_features_keep_no_digits_of_a_note():
    """Do the neighbouring words and the characters carry a number's shape only, never its digits?"""
    text = "주민번호000101-3000000 확인한 김영희 씨, 연락처 010-0000-0001"
    feats = char_features(text)
    after_number = set(feats[text.index("확인한")])
    assert "pw=주민번호0-0" in after_number
    assert "nw2=0-" in feats[text.index("연락처")]
    values = [f.split("=", 1)[1] for fs in feats for f in fs if "=" in f]
    assert not any(re.search(r"\d{3}", v) for v in values)
    assert not any(re.search(r"[1-9]", v) for fs in feats for f in fs
                   if f.startswith(("c=", "c-", "c+", "cc+", "pw=", "nw2=")) for v in [f.split("=", 1)[1]])


def test_a_neighbouring_name_is_kept_as_a_mark_not_as_the_name():
    """Is a neighbouring word the analyser reads as a name, foreign letters or does not know stored as
    <N> and its particle, while a dictionary word stays as written?"""
    text = "딸 이수진 씨가 Suman과 같이 왔다"
    assert {"pw=<N>", "nw2=Su"} & set(char_features(text)[text.index("씨")]) == {"pw=<N>"}
    assert "nw2=<N" in char_features(text)[text.index("씨")]
    assert "pw=<N>과" in char_features(text)[text.index("같이")]
    assert "pw=딸" in char_features(text)[text.index("이수진")]
    assert not any("이수진" in f or "Suman" in f for fs in char_features(text) for f in fs)


def _model_strings(data: bytes) -> list[str]:
    """The strings a CRFsuite model file stores (its attributes and labels): each is kept in the
    file's string database as its length (with the closing NUL) as four bytes, then the bytes and a NUL."""
    out = []
    for m in re.finditer(rb"(?<=\x00)[^\x00]+\x00", data):
        if m.start() >= 4 and struct.unpack_from("<I", data, m.start() - 4)[0] == len(m.group(0)):
            try:
                word = m.group(0)[:-1].decode("utf-8")
            except UnicodeDecodeError:
                continue
            if word.isprintable():
                out.append(word)
    return out


def test_the_model_file_holds_no_number_from_the_training_notes():
    """Does the shipped model keep no run of three or more digits from the notes it was trained on?

    The file stores every feature value with a weight; the words around a name once carried phone and
    registration numbers there (pw=주민번호000101-3000000)."""
    from tools.train_name_tagger import DATA, load_notes

    data = name_tagger.MODEL.read_bytes()
    strings = _model_strings(data)
    assert "pw=<s>" in strings and len(strings) > 1000  # the reader finds the features
    runs = {r for note in load_notes(DATA / "masking.txt") for r in re.findall(r"\d{3,}", note.text)}
    assert len(runs) > 100  # the notes have numbers to leak
    leaked = [s for s in strings if re.search(r"\d{3,}", s)]
    assert leaked == [], leaked[:10]
    assert not [r for r in runs if len(r) >= 5 and r.encode() in data]  # nor anywhere in the bytes


def test_bio_labels():
    assert bio_labels(7, [(1, 3), (4, 5)]) == ["O", "B", "I", "O", "B", "O", "O"]


def _probabilities(marked: list[str]):
    """A stand-in for the model: probability 0.99 on the listed words, 0.01 elsewhere."""
    def probs(text):
        out = [0.01] * len(text)
        for word in marked:
            at = text.index(word)
            out[at:at + len(word)] = [0.99] * len(word)
        return out
    return probs


def test_a_tagger_only_name_is_hidden_and_listed_unsure(monkeypatch):
    """Is a name only the tagger finds hidden by mask_case_text and listed as unsure?"""
    text = "동료 Chaminda가 야간 근무를 대신 맡아 줌."
    assert all(s.text != "Chaminda" for s in find_names(text))  # the rules have no context for it
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities(["Chaminda"]))
    result = mask_case_text(text)
    assert "Chaminda" not in result.text and "C○○○○○○○가" in result.text
    assert result.unsure == ("Chaminda",) and result.counts["이름"] == 1


def _probabilities_at(word: str, p: float):
    """A stand-in for the model: probability ``p`` on ``word``, 0.01 elsewhere."""
    def probs(text):
        out = [0.01] * len(text)
        at = text.index(word)
        out[at:at + len(word)] = [p] * len(word)
        return out
    return probs


def test_a_word_the_tagger_half_believes_is_left_visible_and_listed_to_check(monkeypatch):
    """Is a word between the suggestion and the masking thresholds kept as written and listed to check?"""
    text = "동료 Chaminda가 야간 근무를 대신 맡아 줌."
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_at("Chaminda", 0.3))
    result = mask_case_text(text)
    assert result.text == text and result.counts["이름"] == 0
    assert result.to_check == ("Chaminda",) and result.unsure == ()


def test_below_the_suggestion_threshold_nothing_is_listed(monkeypatch):
    """Is a word under both thresholds (the tagger's, and a name's place's) neither hidden nor listed?"""
    text = "동료 Chaminda가 야간 근무를 대신 맡아 줌."
    low = min(name_tagger.SUGGEST_THRESHOLD, name_tagger.EVIDENCE_THRESHOLD) / 2
    monkeypatch.setattr(name_tagger, "name_probabilities", lambda text: [low] * len(text))
    assert mask_case_text(text).to_check == ()


def _flat(p: float):
    return lambda text: [p] * len(text)


@pytest.mark.parametrize(("text", "word"), [
    ("세금 문제는 담당 편 세무사가 맡기로 함.", "편"),  # a surname alone before a job the rules do not list
    ("09:40 다솜쌤: 가정방문 미룸", "다솜"),  # a title glued to the name
])
def test_a_word_in_a_names_place_is_listed_to_check(monkeypatch, text, word):
    """Is a word the tagger barely believes, standing where a name stands, left visible and listed?"""
    between = (name_tagger.EVIDENCE_THRESHOLD + name_tagger.SUGGEST_THRESHOLD) / 2
    monkeypatch.setattr(name_tagger, "name_probabilities", _flat(between))
    result = mask_case_text(text)
    assert word in result.text and word in result.to_check


@pytest.mark.parametrize("text", [
    "회사 사장님이 밀린 월급을 주기로 함.",  # a word before a title that is a word
    "변호사 사무실에서 서류를 받음.",  # a job, no name before it
    "집이 좁아 이사를 원함.",  # a noun and its subject particle
    "LH 매입임대 신청서 제출.",  # capitals are an agency, not a name
    "조현병 진단 뒤 통원 중.",
    "하늘이 맑아 산책을 나감.",
])
def test_ordinary_words_are_not_listed_by_their_place(monkeypatch, text):
    """Do ordinary words stay off the list when the tagger gives them as little as a name's place needs?"""
    between = (name_tagger.EVIDENCE_THRESHOLD + name_tagger.SUGGEST_THRESHOLD) / 2
    monkeypatch.setattr(name_tagger, "name_probabilities", _flat(between))
    assert mask_case_text(text).to_check == ()


def test_another_mention_of_a_hidden_name_is_listed():
    """A name is a name throughout its note: is a hidden name's other mention, left visible, listed,
    and are the friendly 이 before a particle, a calling and a name's Hangul beside its Latin letters
    places of a name?"""
    def listed(text: str, hidden: list[tuple[int, int]]) -> list[str]:
        probs = [name_tagger.EVIDENCE_THRESHOLD] * len(text)
        return [w.text for w in name_tagger.words_to_check(text, hidden, probs, 1.0, name_tagger.EVIDENCE_THRESHOLD)]

    assert "민서" in listed("민서는 오늘 결석. 민서 어머니와 통화.", [(0, 2)])
    assert "별님" in listed("그 뒤로 별님이가 학교를 빠짐.", [])
    assert "깡통" in listed("동네에서 '깡통'이라고 불리는 청년.", [])
    assert "어윤아" in listed("아내 Oyunaa(어윤아)와 함께 내방.", [(3, 9)])
    assert listed("집이 좁아 이사를 원함. 회사 사장님이 옴.", []) == []


def test_hidden_words_and_kept_words_are_never_listed_to_check(monkeypatch):
    """Is a word the rules keep (a place) or a name already hidden never listed to check?"""
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_at("신내동", 0.3))
    assert mask_case_text("아들은 지금 신내동에서 혼자 삶.").to_check == ()
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_at("이수진", 0.3))
    result = mask_case_text("딸 이수진 씨가 왔다")
    assert "이수진" not in result.text and result.to_check == ()


@pytest.mark.parametrize(("text", "word"), [
    ("아들은 지금 신내동에서 혼자 삶.", "신내동"),  # a place ending
    ("곽 씨는 곽티슈 공장에 다님.", "곽"),  # part of a longer word
    ("딸 하나(3세)와 함께 삶.", "하나"),  # a count
    ("카자흐스탄 출신으로 입국 3년째.", "카자흐스탄"),  # a country
    ("도 경계를 넘어 이사할 예정.", "도"),  # one syllable with nothing after it
    ("관리번호 2025광진0147 확인.", "2025광진0147"),  # a number
])
def test_a_word_the_rules_keep_stays_even_if_the_tagger_marks_it(monkeypatch, text, word):
    """Does a word the rules veto stay as written whatever probability the tagger gives it?"""
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities([word]))
    assert tagged_names(text, find_names(text)) == []
    assert word in mask_case_text(text).text


def test_the_rules_names_win_an_overlap(monkeypatch):
    """Does a tagger run overlapping a rule's name add nothing (the rule's span and sureness stay)?"""
    text = "딸 이수진 씨가 왔다"
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities(["이수진 씨"]))
    assert tagged_names(text, find_names(text)) == []
    assert mask_case_text(text).unsure == ()


def test_text_without_hangul_is_masked_and_calls_no_tagger_on_numbers(monkeypatch):
    """Does masking work on text with no Hangul: a romanised name and a phone, and digits alone?"""
    result = mask_case_text("Maria Santos, 010-0000-0000")  # mask
    assert result.counts == {"주민등록번호": 0, "전화번호": 1, "이름": 1}
    assert result.text == "M○○○○ ○○○○○○, 010-****-****"  # mask
    monkeypatch.setattr(name_tagger, "name_probabilities", lambda *_: pytest.fail("called on digits"))
    assert mask_case_text("2024-01-15 14:00 / 334,810").text == "2024-01-15 14:00 / 334,810"
    assert tagged_names("2024-01-15", []) == []


def test_the_shipped_model_finds_a_name_the_rules_miss():
    """Does the trained model, with the rules, hide a romanised name with no title or role word?"""
    text = "같은 라인 Suman과 Prakash가 먼저 퇴사해서 혼자 야간 근무함."
    assert not any(s.text in ("Suman", "Prakash") for s in find_names(text))
    result = mask_case_text(text)
    assert "Suman" not in result.text and "Prakash" not in result.text, result.text
    assert set(result.unsure) == {"Suman", "Prakash"}


def test_the_model_was_trained_on_the_current_data():
    """Was the model retrained after the masking data, its rules or the features last changed?"""
    meta = json.loads(META.read_text(encoding="utf-8"))
    assert meta["feature_version"] == FEATURE_VERSION and meta["training_hash"] == training_hash(), (
        "The masking data, masking_rules.yaml, names.py or the features changed since the name tagger "
        "was trained: run .venv/bin/python tools/train_name_tagger.py and commit the model and its JSON."
    )
    assert 0 < meta["threshold"] <= 1


def test_importing_the_tagger_loads_no_crfsuite():
    """Is the model loaded lazily: importing privacy and the tagger leaves pycrfsuite unloaded?"""
    code = "import sys, casework.privacy, casework.language.name_tagger; print('pycrfsuite' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


@pytest.mark.slow
def test_retraining_gives_the_committed_model(tmp_path):
    """Does training again on the development notes write the very model that is committed (regenerate, fail on diff)?"""
    from tools.train_name_tagger import DATA, _examples, load_notes

    model = tmp_path / "name_tagger.crfsuite"
    name_tagger.train_model(_examples(load_notes(DATA / "masking.txt")), model)
    assert model.read_bytes() == name_tagger.MODEL.read_bytes(), (
        "The committed name tagger differs from one trained now: run .venv/bin/python tools/train_name_tagger.py."
    )


def _probabilities_first(word: str):
    """A stand-in for the model: probability 0.99 on the first occurrence of ``word`` only."""
    def probs(text):
        out = [0.01] * len(text)
        at = text.index(word)
        out[at:at + len(word)] = [0.99] * len(word)
        return out
    return probs


def test_a_tagger_name_is_hidden_at_its_other_mentions_in_the_note(monkeypatch):
    """Does a name only the tagger finds, once, stay hidden where the note names the person again?"""
    text = "동료 Chaminda가 야간 근무를 맡음. Chaminda는 다음 달 귀국, 그 뒤 Chaminda의 자리는 빔."
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_first("Chaminda"))
    result = mask_case_text(text)
    assert "Chaminda" not in result.text and result.counts["이름"] == 3
    assert result.unsure == ("Chaminda",)


def test_the_given_name_of_a_tagger_full_name_is_hidden_where_it_names_the_person(monkeypatch):
    """After a full name only the tagger finds (곽슬기), is the given name that is also a word hidden
    as a sentence's subject, and kept inside a longer word or as a word mid-sentence?"""
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_first("곽슬기"))
    result = mask_case_text("같은 반 곽슬기와 자주 다툼. 슬기가 먼저 때렸다고 함. 슬기롭게 넘기자고 말함.")
    assert result.text == "같은 반 곽○○와 자주 다툼. 슬○가 먼저 때렸다고 함. 슬기롭게 넘기자고 말함."
    result = mask_case_text("같은 반 곽슬기와 자주 다툼. 담임은 슬기를 발휘해 중재함.")
    assert result.text == "같은 반 곽○○와 자주 다툼. 담임은 슬기를 발휘해 중재함."


def test_the_other_mentions_pass_the_vetoes_of_kept_words(monkeypatch):
    """Is a mention the rules keep (part of a place, a word with its 이 and a predicate) left as written?"""
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_first("다온"))
    text = "같은 조 다온과 자주 다툼. 다온동 주민센터 연계, 다온이 맑아 보였다고 함. 다온은 결근."
    assert find_names(text) == []
    result = mask_case_text(text)
    assert result.text == "같은 조 다○과 자주 다툼. 다온동 주민센터 연계, 다온이 맑아 보였다고 함. 다○은 결근."


def test_the_tagger_keeps_the_rules_kept_places_and_brands(monkeypatch):
    """Does the tagger leave a foreign city in an origin bracket, a country and a brand as written (the
    kept words), while a name beside them is still hidden?"""
    for word, text, expected in (
            ("라파스", "Juan 씨(볼리비아 라파스) 면담.", "J○○○ 씨(볼리비아 라파스) 면담."),
            ("케냐", "케냐에서 온 가족 면담.", "케냐에서 온 가족 면담."),
            ("쿠팡", "남편이 쿠팡 물류 야간 근무.", "남편이 쿠팡 물류 야간 근무."),
            ("미소", "딸 은솔과 미소가 놀러 옴.", "딸 은○과 미○가 놀러 옴.")):
        monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_first(word))
        assert mask_case_text(text).text == expected, word


def test_a_bare_word_is_no_mention_of_a_tagger_name(monkeypatch):
    """Is a tagger name's word left as written where it stands bare, with no particle or title (단비 같은)?"""
    text = "같은 반 보배는 보배 같은 존재라고 표현. 보배가 매일 전화함."
    assert find_names(text) == []
    monkeypatch.setattr(name_tagger, "name_probabilities", _probabilities_first("보배"))
    assert mask_case_text(text).text == "같은 반 보○는 보배 같은 존재라고 표현. 보○가 매일 전화함."


def test_name_substitution_keeps_shapes_mentions_and_spans():
    """Does a substituted copy (the cross-validation's --copies) give every mention of a person the same
    new name, keep a name's shape and its final consonant, and return spans that hold the new names?"""
    import random

    from tools.train_name_tagger import substituted

    text = "딸 김영희 씨가 방문. 영희는 김 씨 어머니를 돌봄. 남편 Nguyen Van Duc 씨."
    spans = [(2, 5), (13, 15), (17, 18), (33, 47)]
    new, new_spans = substituted(text, spans, random.Random(1))
    names = [new[s:e] for s, e in new_spans]
    assert names[0] != "김영희" and len(names[0]) == 3
    assert names[1] == names[0][1:] and names[2] == names[0][0]
    assert (ord(names[1][-1]) - 0xAC00) % 28 == 0  # 희 has no final consonant, nor has its substitute: 영희는 stays right
    assert len(names[3].split()) == 3 and names[3] != "Nguyen Van Duc"
    assert new.replace(names[0], "X").startswith("딸 X 씨가 방문.")
