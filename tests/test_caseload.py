"""Tests for casework.caseload: who is over a chosen limit, and the team summary."""

from __future__ import annotations

import re

import pytest

from casework.caseload import (
    Caseload,
    CaseloadSummary,
    example_team,
    overloaded,
    summarize,
    summary_lines,
    team_from_counts,
)
from casework.errors import CaseworkError

TEAM = (Caseload("가", 10), Caseload("나", 25), Caseload("다", 31), Caseload("라", 30))


def test_overloaded_lists_only_those_strictly_above_the_limit_most_loaded_first():
    """Is someone at exactly the limit left out, and are the rest sorted by load?"""
    assert [w.worker for w in overloaded(TEAM, 25)] == ["다", "라"]
    assert [w.worker for w in overloaded(TEAM, 24)] == ["다", "라", "나"]


def test_overloaded_keeps_team_order_for_ties():
    """Do two workers with the same load keep the order they had in the team?"""
    team = [Caseload("첫째", 30), Caseload("둘째", 30), Caseload("셋째", 5)]
    assert [w.worker for w in overloaded(team, 10)] == ["첫째", "둘째"]


def test_nobody_over_a_high_limit():
    """Does a limit above everyone's load give an empty result?"""
    assert overloaded(TEAM, 31) == ()


def test_overloaded_accepts_an_iterator():
    """Is a one-shot iterator read correctly (not used up before checking)?"""
    assert [w.worker for w in overloaded(iter(TEAM), 30)] == ["다"]


def test_over_by_and_is_over():
    """Is the excess counted above the limit only?"""
    worker = Caseload("가", 28)
    assert worker.over_by(25) == 3 and worker.is_over(25)
    assert worker.over_by(28) == 0 and not worker.is_over(28)
    assert worker.over_by(40) == 0


def test_summary_numbers():
    """Are total, excess, spare, capacity and mean right for a known team?"""
    s = summarize(TEAM, 25)
    assert isinstance(s, CaseloadSummary)
    assert (s.workers, s.total_cases, s.excess, s.spare, s.capacity) == (4, 96, 11, 15, 100)
    assert s.mean == 24.0
    assert [w.worker for w in s.overloaded] == ["다", "라"]
    assert s.rebalancing_possible


def test_rebalancing_is_impossible_when_the_team_total_exceeds_capacity():
    """When total > limit × people, does the summary say sharing cannot fix it?"""
    s = summarize(TEAM, 23)
    assert s.total_cases > s.capacity and not s.rebalancing_possible
    lines = summary_lines(s)
    assert "인력 보강" in lines[-1]


def test_summary_lines_name_the_overloaded_and_the_excess():
    """Do the sentences name who is over, by how much in total, and that sharing would work?"""
    lines = summary_lines(summarize(TEAM, 25))
    assert lines[0].startswith("팀원 4명이 모두 96건")
    assert "다(31건), 라(30건)" in lines[2] and "11건" in lines[2]
    assert "여유가 15건" in lines[3]


def test_summary_lines_when_nobody_is_over():
    """Is 'nobody over' said plainly, with no advice about sharing?"""
    lines = summary_lines(summarize(TEAM, 40))
    assert lines[-1] == "기준을 넘는 사람이 없습니다." and len(lines) == 3


def test_summary_never_invents_a_standard():
    """Does the summary mention only the limit it was given?"""
    text = " ".join(summary_lines(summarize(TEAM, 17)))
    limits = re.findall(r"기준을 (\d+)건", text)
    assert limits and set(limits) == {"17"}


def test_example_team_is_the_fictional_six():
    """Is the example team six distinct fictional workers with plausible counts?"""
    assert [w.worker for w in example_team()] == ["가람", "나래", "다온", "라온", "마루", "바다"]
    assert sum(w.active_cases for w in example_team()) == 143


def test_team_from_counts_builds_and_checks():
    """Are (name, cases) pairs turned into a checked team?"""
    team = team_from_counts([("가", 3), ("나", 4)])
    assert team == (Caseload("가", 3), Caseload("나", 4))
    with pytest.raises(CaseworkError, match="두 개로"):
        team_from_counts([("가", 3, 1)])
    with pytest.raises(CaseworkError, match="쌍의 목록"):
        team_from_counts("가3")


# --------------------------------------------------------------------------- bad input


@pytest.mark.parametrize("name", ["", "  ", None, 3, " 가람"])
def test_caseload_refuses_bad_names(name):
    """Is a missing, blank, non-text or padded name refused in Korean?"""
    with pytest.raises(CaseworkError, match="담당자 이름"):
        Caseload(name, 3)


@pytest.mark.parametrize("count", [-1, 2.5, "3", True, None])
def test_caseload_refuses_bad_counts(count):
    """Is a negative, fractional, text or boolean case count refused?"""
    with pytest.raises(CaseworkError, match="사례 수"):
        Caseload("가람", count)


@pytest.mark.parametrize("limit", [0, -5, 2.5, "20", True, None])
def test_bad_limits_are_refused_with_the_no_standard_note(limit):
    """Is a bad limit refused, and does the message say the source gives no standard?"""
    with pytest.raises(CaseworkError, match="기준"):
        overloaded(TEAM, limit)
    with pytest.raises(CaseworkError, match="기준"):
        summarize(TEAM, limit)
    with pytest.raises(CaseworkError, match="기준"):
        Caseload("가", 3).over_by(limit)


def test_limit_message_says_the_source_has_no_number():
    """Does a non-number limit's message tell the learner the textbook has no standard?"""
    with pytest.raises(CaseworkError, match="교재에는 적정 사례 수가 나와 있지 않으니"):
        summarize(TEAM, "많이")


@pytest.mark.parametrize("team", [[], "가람", Caseload("가", 1), 5, [("가", 3)], [Caseload("가", 1), Caseload("가", 2)]])
def test_bad_teams_are_refused(team):
    """Is an empty team, a string, a single worker, a number, raw pairs or a duplicate name refused?"""
    with pytest.raises(CaseworkError):
        summarize(team, 10)


def test_duplicate_worker_message_names_the_person():
    """Does the duplicate-name message say who appears twice?"""
    with pytest.raises(CaseworkError, match="'가'가 두 번"):
        overloaded([Caseload("가", 1), Caseload("가", 2)], 10)


def test_summary_lines_refuses_other_objects():
    """Is anything but a CaseloadSummary refused?"""
    with pytest.raises(CaseworkError, match="CaseloadSummary"):
        summary_lines({"limit": 3})
