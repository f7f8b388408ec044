"""Tests for casework.judging.instruments: K-ADL and Lawton IADL scorings against the observations."""

import pytest

from casework.assessment import KADL_ITEMS, LAWTON_IADL_ITEMS
from casework.errors import CaseworkError
from casework.judging import instruments as ji
from casework.judging.feedback import Level, Status


def test_kadl_practice_answers_are_correct(practice):
    """Does scoring K-ADL as the observations imply give the total and the item needing help?"""
    fb = ji.judge_kadl(practice.kadl_answers(), practice.kadl)
    assert fb.status is Status.CORRECT
    assert "총점 8점" in fb.summary and "7~21점" in fb.summary and "7개 항목 모두" in fb.summary
    assert any("목욕하기(부분도움)" in p for p in fb.points)
    assert any("원장원" in p for p in fb.points)


def test_kadl_wrong_item_quotes_the_observation_not_the_right_level(practice):
    """Does a wrong K-ADL item say what the chosen level means and quote the observation, without the level that fits?"""
    answers = practice.kadl_answers() | {"목욕하기": 1}
    fb = ji.judge_kadl(answers, practice.kadl)
    assert fb.status is Status.PARTIAL and "총점 7점" in fb.summary and "7개 가운데 6개" in fb.summary
    point = next(p for p in fb.points if p.startswith("'목욕하기'"))
    assert "고른 1(자립)은 '남의 도움 없이 혼자 한다'는 뜻입니다" in point and "욕실 바닥" in point
    assert "2(부분도움)" not in fb.to_text(Level.HINT) and "목욕하기 2(부분도움)" in fb.solution


def test_kadl_never_contradicts_itself(practice):
    """With a misscored item, is the 'all seven items independent' reading left out (it would contradict)?"""
    fb = ji.judge_kadl(practice.kadl_answers() | {"목욕하기": 1}, practice.kadl)
    assert not any("일곱 항목 모두 혼자" in p for p in fb.points)


def test_kadl_without_practice_only_totals():
    """Without observations, is the total given and the verdict correct (nothing to compare)?"""
    fb = ji.judge_kadl({i: 3 for i in KADL_ITEMS})
    assert fb.status is Status.CORRECT and "총점 21점" in fb.summary


def test_kadl_blank_items_are_listed(practice):
    """Are K-ADL items left blank listed, with no total yet?"""
    answers = practice.kadl_answers() | {"세수하기": None, "식사하기": None}
    fb = ji.judge_kadl(answers, practice.kadl)
    assert fb.status is Status.UNANSWERED
    assert "2개를 아직 고르지 않았습니다" in fb.points[0] and "세수하기, 식사하기" in fb.points[0]
    assert "총점" not in fb.summary


def test_kadl_nothing_chosen_is_unanswered():
    """Is an empty K-ADL 'unanswered'?"""
    assert ji.judge_kadl({}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    ({"옷 입기": 4}, "1, 2, 3"), ({"옷 입기": 1.0}, "1, 2, 3"), ({"달리기": 1}, "없는 항목"), ([1], "사전"),
])
def test_kadl_bad_input(bad, match):
    """Are malformed K-ADL answers refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        ji.judge_kadl(bad)


def test_lawton_practice_answers_are_correct(practice):
    """Does scoring IADL as observed give 4 of 8, with resource hints for the items not managed?"""
    fb = ji.judge_lawton(practice.lawton_answers(), practice.lawton_iadl)
    assert fb.status is Status.CORRECT and "총점 4점" in fb.summary
    hint = next(p for p in fb.points if p.startswith("혼자 하기 어려운 일"))
    assert "식사 준비 → 도시락 나눔" in hint and "재정 관리" not in hint
    assert any("Lawton, M. P. & Brody" in p for p in fb.points)


def test_lawton_wrong_item_shows_the_scoring_guide(practice):
    """Does a wrong IADL item show Lawton's scoring guide for that item?"""
    answers = practice.lawton_answers() | {"재정 관리": 0}
    fb = ji.judge_lawton(answers, practice.lawton_iadl)
    assert fb.status is Status.PARTIAL
    point = next(p for p in fb.points if p.startswith("'재정 관리'"))
    assert "고른 0점의 채점 기준은 '돈을 다룰 수 없으면 0점'입니다" in point and "은행 창구" in point
    assert "재정 관리 1점" in fb.solution


def test_lawton_all_wrong_is_incorrect(practice):
    """Is every IADL item scored against the observations incorrect?"""
    answers = {i: 1 - s for i, s in practice.lawton_answers().items()}
    assert ji.judge_lawton(answers, practice.lawton_iadl).status is Status.INCORRECT


def test_lawton_guide_covers_every_item():
    """Has every Lawton item a guide for 1 point and for 0 points?"""
    assert set(ji.LAWTON_GUIDE) == set(LAWTON_IADL_ITEMS)
    assert all("1점" in a and "0점" in b for a, b in ji.LAWTON_GUIDE.values())


@pytest.mark.parametrize("bad, match", [({"장보기": 2}, "0, 1"), ({"전화": 1}, "없는 항목")])
def test_lawton_bad_input(bad, match):
    """Are malformed IADL answers refused?"""
    with pytest.raises(CaseworkError, match=match):
        ji.judge_lawton(bad)


def test_bad_practice_list_refused():
    """Is a practice list that is not PracticeItemScore objects refused?"""
    with pytest.raises(CaseworkError, match="연습 자료"):
        ji.judge_kadl({}, [{"item": "옷 입기"}])


def test_scores_may_be_typed_as_lines(practice):
    """Can the scores be written 'item: score', one per line (이동 for 이동(옮겨 앉기))?"""
    text = "\n".join(f"{'이동' if i.startswith('이동') else i}: {s}" for i, s in practice.kadl_answers().items())
    assert ji.judge_kadl(text, practice.kadl).passed
    with pytest.raises(CaseworkError, match="K-ADL의 항목이 아닙니다"):
        ji.judge_kadl("달리기: 1", practice.kadl)
