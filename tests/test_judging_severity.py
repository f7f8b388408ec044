"""Tests for casework.judging.severity: the learner's severity per need against the workbook example."""

import pytest

from casework.cases import load_case
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.judging import severity as js
from casework.judging.feedback import Level, Status


def _example(case):
    return {n.id: case.practice_data.need_ratings[n.id].severity for n in case.needs_by_domain}


@pytest.mark.parametrize("severity, priority", [(5, 1), (4, 1), (3, 2), (2, 3), (1, 3)])
def test_priority_from_severity(severity, priority):
    """Does the workbook rule map severity 4-5 to priority 1, 3 to 2 and 1-2 to 3?"""
    assert js.priority_from_severity(severity) == priority


@pytest.mark.parametrize("bad", [0, 6, "3", True, 2.0])
def test_priority_from_severity_bad_input(bad):
    """Is a severity outside 1-5 (or not an int) refused?"""
    with pytest.raises(CaseworkError, match="1~5"):
        js.priority_from_severity(bad)


def test_practice_needs_follow_the_case_file(case):
    """Do the practice needs carry the file's severity, priority and links, keyed by need id?"""
    needs = {n.key: n for n in js.practice_needs(case)}
    assert set(needs) == {n.id for n in case.needs_by_domain}
    assert needs["medical"].severity == 5 and needs["medical"].domain is Domain.HEALTH
    assert needs["economy"].connected_to == ("medical", "money_management")
    assert needs["economy"].description == "경제적인 문제"


def test_practice_needs_need_practice_data():
    """Is a case without practice ratings refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="연습"):
        js.practice_needs(load_case("sick_child"))


def test_learner_needs_leave_out_zero_and_blank(case):
    """Are needs rated 0 or left blank left out, and priorities set by the workbook rule?"""
    needs = js.learner_needs(case, {"medical": 5, "economy": 0, "loneliness": None, "housing_repair": 2})
    assert [(n.key, n.severity, n.priority) for n in needs] == [("medical", 5, 1), ("housing_repair", 2, 3)]


def test_learner_needs_bad_input(case):
    """Are ratings for unknown needs or out of range refused when building the learner's needs?"""
    with pytest.raises(CaseworkError, match="없는 욕구"):
        js.learner_needs(case, {"nope": 3})
    with pytest.raises(CaseworkError, match="0\\(문제 아님\\)~5"):
        js.learner_needs(case, {"medical": -1})


def test_example_ratings_are_correct(case):
    """Does rating every need as the example does pass, naming the first-priority needs?"""
    fb = js.judge_severity(case, _example(case))
    assert fb.status is Status.CORRECT and fb.score == 1.0
    assert any("복합적 욕구" in p for p in fb.points)
    assert "우선순위 1" in fb.solution and "의료적인 문제 ↔ 외출 및 이동문제" in fb.solution


def test_one_step_off_still_counts_as_close(case):
    """Is a rating one step from the example still close (the workbook's tolerance)?"""
    ratings = _example(case) | {"medical": 4, "legal_help": 2}
    assert js.judge_severity(case, ratings).status is Status.CORRECT


def test_two_steps_off_is_pointed_out_with_the_reason(case):
    """Is a rating two steps away pointed out with both values and the example's reason?"""
    ratings = _example(case) | {"medical": 3}
    fb = js.judge_severity(case, ratings)
    assert fb.status is Status.PARTIAL
    point = next(p for p in fb.points if p.startswith("'의료적인 문제'"))
    assert "고른 심각도 3(보통)은" in point and "두 단계 이상" in point and "정기 진료가 자주 끊기고" in point
    assert "5(매우 심각)" not in fb.to_text(Level.HINT)  # the example's number only at 풀이
    assert "의료적인 문제 5(매우 심각)" in fb.solution
    assert "11개 가운데 10개" in fb.summary


def test_rating_zero_is_always_pointed_out(case):
    """Is calling a real need 'no problem' pointed out even when the example is only 1?"""
    ratings = _example(case) | {"legal_help": 0}
    fb = js.judge_severity(case, ratings)
    assert any(p.startswith("'법률적인 도움'을 문제가 아니라고") for p in fb.points)
    assert fb.status is Status.PARTIAL


def test_all_far_is_incorrect(case):
    """Is a rating far from the example on every need incorrect?"""
    ratings = {k: (1 if v >= 3 else 5) for k, v in _example(case).items()}
    fb = js.judge_severity(case, ratings)
    assert fb.status is Status.INCORRECT and fb.score == 0


def test_blank_needs_are_listed(case):
    """Are needs left blank listed, with no verdict yet?"""
    ratings = _example(case) | {"housing_repair": None}
    fb = js.judge_severity(case, ratings)
    assert fb.status is Status.UNANSWERED
    assert "주택보수" in fb.points[0] and "1개의 심각도를 아직" in fb.points[0]


def test_nothing_rated_is_unanswered(case):
    """Is an empty rating 'unanswered'?"""
    assert js.judge_severity(case, {}).status is Status.UNANSWERED


@pytest.mark.parametrize("bad, match", [
    ([3], "사전"), ({"nope": 3}, "없는 욕구"), ({"medical": 6}, "0\\(문제 아님\\)~5"),
    ({"medical": "3"}, "정수"), ({"medical": True}, "정수"),
])
def test_judge_severity_bad_input(case, bad, match):
    """Are malformed ratings refused with a Korean message?"""
    with pytest.raises(CaseworkError, match=match):
        js.judge_severity(case, bad)


def test_judge_severity_needs_a_case():
    """Is something other than a Case refused?"""
    with pytest.raises(CaseworkError, match="load_case"):
        js.judge_severity("elderly_alone", {})


def test_ratings_may_be_typed_as_lines(case):
    """Can the ratings be written 'need: severity', one per line, by label or id?"""
    text = "\n".join(f"{n.label}: {case.practice_data.need_ratings[n.id].severity}" for n in case.needs_by_domain)
    assert js.judge_severity(case, text).passed
    with pytest.raises(CaseworkError, match="이 사례의 욕구가 아닙니다"):
        js.judge_severity(case, "없는 욕구: 3")


def test_the_score_is_the_share_of_close_ratings(case):
    """Is the score the share of needs rated within a step of the example (the rubric for lists)?"""
    ratings = _example(case) | {"medical": 3, "economy": 1}
    fb = js.judge_severity(case, ratings)
    assert fb.status is Status.PARTIAL and fb.score == pytest.approx(9 / 11)
