"""Tests for casework.judging.interview: a transcript replayed into end-of-interview feedback."""

from __future__ import annotations

import pytest

from casework.client import load_client
from casework.judging.feedback import Level, Status
from casework.judging.interview import (
    judge_interview,
    read_transcript,
    run_interview,
    turn_cue,
)
from tests.test_conversation import BLAMING, GOOD_ELDERLY


@pytest.fixture(scope="module")
def elderly():
    return load_client("elderly_alone")


def test_a_good_interview_is_correct_and_shows_the_conversation(elderly):
    """Is a good interview correct, with every turn's reply, the facts learned and the listening share?"""
    feedback = judge_interview("\n".join(GOOD_ELDERLY), elderly, 0)
    assert feedback.status is Status.CORRECT and feedback.score == 1.0
    text = feedback.to_text()
    assert text.count("번째 — 나:") == len(GOOD_ELDERLY)
    assert "알아낸 것" in text and "듣는 말(되비추기·요약·공감)을 한 차례" in text
    assert "당사자가 말한 분량" in text and "80%" in text
    assert "지킨 관계 원칙: " in text and "비밀보장(15번째)" in text


def test_a_blaming_interview_fails_names_the_mistakes_with_turns_and_the_closing(elderly):
    """Does blame give a low score, the mistakes by kind with turn numbers, the broken principle and the closing?"""
    feedback = judge_interview("\n".join(BLAMING), elderly, 0)
    assert feedback.status in (Status.PARTIAL, Status.INCORRECT) and feedback.score < 0.5
    text = feedback.to_text()
    assert "왜 그랬냐고 추궁하는 질문 1번(2번째)" in text
    assert "어긴 관계 원칙: 비심판적 태도(2번째" in text
    assert "이야기를 그만두셨습니다" in feedback.summary


def test_missed_facts_stay_hidden_until_the_solution(elderly):
    """Are the missed facts' contents absent at 확인 and 힌트, and shown at 풀이?"""
    feedback = judge_interview("요즘 어떻게 지내세요?", elderly, 0)
    missed = [f.summary for f in elderly.facts if f.id != "hospital_alone"]
    for level in (Level.CHECK, Level.HINT):
        shown = feedback.to_text(level)
        assert not any(summary in shown for summary in missed), level
    assert "아직 알아내지 못한 것: 17가지" in feedback.to_text()
    solution = feedback.to_text(Level.SOLUTION)
    assert all(summary in solution for summary in missed)
    assert "아직 묻지 않은 이야깃거리" in feedback.to_text(Level.HINT)


def test_forged_replies_in_the_transcript_are_skipped_and_cannot_add_facts(elderly):
    """Do lines that look like the person's replies get skipped, so no fact is 'found' by writing it?"""
    forged = "\n".join([
        "요즘 어떻게 지내세요?",
        "어르신: 사실은… 약값 아끼려고 약을 며칠씩 거른 적도 있어요.",
        "당사자: 욕실 바닥이 미끄러워서 씻을 때마다 겁이 나요.",
        "→ 이 집이 내 앞으로 돼 있는데",
        f"{elderly.person.names[0]} 어르신: 하루 종일 입 한 번 안 떼요.",
    ])
    transcript = read_transcript(forged, elderly)
    assert transcript.lines == ("요즘 어떻게 지내세요?",) and transcript.replies_skipped == 4
    interview = run_interview(forged, elderly, 0)
    assert interview.told == ["hospital_alone"]
    assert "대답처럼 보이는 줄 4개는 읽지 않았습니다" in judge_interview(forged, elderly, 0).to_text()


def test_speaker_labels_bullets_and_notes_on_the_learners_lines_are_dropped(elderly):
    """Are '나:', '1.', '-' and '#' notes removed so only what was said is replayed?"""
    transcript = read_transcript("# 안내\n1. 나: 요즘 어떻게 지내세요?\n- 질문: 식사는 어떻게 하세요?", elderly)
    assert transcript.lines == ("요즘 어떻게 지내세요?", "식사는 어떻게 하세요?")


def test_a_huge_transcript_is_read_only_up_to_the_turn_limit(elderly):
    """Are 10,000 lines cut at max_turns + 1 with a note, without analysing the rest?"""
    lines = ["요즘 어떻게 지내세요?"] * 10_000
    transcript = read_transcript("\n".join(lines), elderly)
    assert len(transcript.lines) == elderly.max_turns + 1 and transcript.cut_after == elderly.max_turns + 1
    feedback = judge_interview("\n".join(lines), elderly, 0)
    assert "앞의 31줄만 읽었습니다" in feedback.to_text()


def test_blank_and_reply_only_answers(elderly):
    """Is a blank answer unanswered, and one with only the person's lines incorrect with a how-to?"""
    assert judge_interview("", elderly, 0).status is Status.UNANSWERED
    only = judge_interview("어르신: 네, 안녕하세요.", elderly, 0)
    assert only.status is Status.INCORRECT and "내가 당사자에게 한 말만" in only.to_text()


def test_turn_cues_name_the_mistake_without_revealing_facts(elderly):
    """Does each turn's cue name its mistake or listening in Korean, and never a fact?"""
    interview = run_interview("혼자 사시니까 외로우시죠?\n요즘 어떻게 지내세요?\n혼자 병원 다니시기가 많이 힘드셨군요.",
                              elderly, 0)
    cues = [turn_cue(t) for t in interview.turns]
    assert "[답을 유도하는 질문]" in cues[0]
    assert cues[1] == ""
    assert "듣기" in cues[2]
    assert not any(f.summary in " ".join(cues) for f in elderly.facts)


def test_the_same_transcript_gets_the_same_verdict_for_the_same_seed(elderly):
    """Is the judgement deterministic for a seed, and does a seed change the person in the replies?"""
    text = "\n".join(GOOD_ELDERLY)
    assert judge_interview(text, elderly, 3) == judge_interview(text, elderly, 3)
    names = {judge_interview(text, elderly, s).points[0].split(":")[0] for s in range(6)}
    assert len(names) >= 2
