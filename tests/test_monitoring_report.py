"""Tests for casework.monitoring_report: monitoring entries from the form and the progress report.

The log is the fictional practice case's (pdn.practice_monitoring_log).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from casework import monitoring_report as mr
from casework import pdn
from casework.errors import CaseworkError
from casework.monitoring import (
    MonitoringLog,
    MonitoringMethod,
    MonitoringResult,
    ReassessmentTrigger,
    gas_t_score,
)

G1, G2, G3 = pdn.PRACTICE_GOALS


# --------------------------------------------------------------------------- entries


def test_level_options_cover_the_five_levels_and_blank():
    """Are the options '점수 없음' then +2 … −2 with their labels?"""
    options = mr.level_options()
    assert [v for _, v in options] == [None, 2, 1, 0, -1, -2]
    assert options[1][0].startswith("+2 ") and options[-1][0].startswith("-2 ")
    assert "기대한 만큼" in options[3][0]


@pytest.mark.parametrize("value,expected", [
    ("2025-10-01", date(2025, 10, 1)),
    (" 2025-10-01 ", date(2025, 10, 1)),
    (date(2025, 10, 1), date(2025, 10, 1)),
])
def test_parse_date_accepts_iso_text_and_dates(value, expected):
    """Are ISO text and dates accepted?"""
    assert mr.parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "10월 1일", "2025-02-30", None, 20251001, datetime(2025, 10, 1, 9)])
def test_parse_date_refuses_the_rest(value):
    """Are blank, Korean-style, impossible and non-date values refused in Korean?"""
    with pytest.raises(CaseworkError, match="날짜"):
        mr.parse_date(value)


def test_entry_from_form_drops_unscored_goals():
    """Does a goal left at '점수 없음' stay out of the entry, and a blank result mean none?"""
    entry = mr.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1, G2: None, G3: -1}, result="")
    assert entry.goal_levels == {G1: 1, G3: -1}
    assert entry.result is None
    assert entry.method is MonitoringMethod.REGULAR_CONTACT


def test_entry_from_form_keeps_result_and_needs_change():
    """Are the result and the needs-change tick carried into the entry?"""
    entry = mr.entry_from_form(date(2025, 10, 1), "척도·기록", {G1: 0}, needs_changed=True, result="재사정")
    assert entry.result is MonitoringResult.REASSESS and entry.calls_for_reassessment


@pytest.mark.parametrize("kwargs,message", [
    ({"on": "어제", "method": "가정방문·상담", "levels": {}}, "점검 날짜"),
    ({"on": "2025-10-01", "method": "전화", "levels": {}}, "점검 방법"),
    ({"on": "2025-10-01", "method": "가정방문·상담", "levels": {G1: 3}}, "범위"),
    ({"on": "2025-10-01", "method": "가정방문·상담", "levels": [1, 2]}, "사전"),
])
def test_entry_from_form_refuses_bad_values(kwargs, message):
    """Are a bad date, an unknown method, an out-of-range level and a non-dict refused?"""
    with pytest.raises(CaseworkError, match=message):
        mr.entry_from_form(**kwargs)


def test_log_with_adds_to_a_copy():
    """Does log_with return a longer log and leave the original alone?"""
    log = pdn.practice_monitoring_log()
    entry = mr.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1, G2: 1, G3: 1})
    new = mr.log_with(log, entry)
    assert len(new) == 7 and len(log) == 6
    assert new.entries[-1] is entry


def test_log_with_refuses_an_entry_out_of_order():
    """Is an entry dated before the last one refused, leaving the log unchanged?"""
    log = pdn.practice_monitoring_log()
    early = mr.entry_from_form("2025-08-15", "가정방문·상담", {G1: 1})
    with pytest.raises(CaseworkError, match="날짜 순서"):
        mr.log_with(log, early)
    assert len(log) == 6


def test_log_with_refuses_non_logs():
    """Is a non-log refused?"""
    entry = mr.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1})
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        mr.log_with([], entry)


# --------------------------------------------------------------------------- report


def test_report_on_the_practice_log():
    """Does the report give the last T score, its change, levels and the July reassessment?"""
    report = mr.progress_report(pdn.practice_monitoring_log())
    assert report.as_of == date(2025, 9, 1)
    assert report.latest_t == pytest.approx(gas_t_score([1, 1, 0]))
    assert report.change == pytest.approx(gas_t_score([1, 1, 0]) - gas_t_score([1, 0, 0]))
    assert report.latest_levels == {G1: 1, G2: 1, G3: 0}
    assert report.reassessment_due
    assert [r.trigger for r in report.reasons] == [ReassessmentTrigger.NEEDS_CHANGED]
    text = str(report)
    assert "최근 GAS T점수: 59.1 (지난 점검보다 +4.6)" in text
    assert "재사정이 필요합니다" in text and "2025-07-01" in text


def test_reassessing_after_the_change_clears_the_reason():
    """Once reassessed after July, is no reassessment due, with the next annual date shown?"""
    report = mr.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10")
    assert not report.reassessment_due
    assert report.next_annual == date(2026, 7, 10)
    assert "2026-07-10까지" in str(report)


def test_annual_reassessment_falls_due_after_a_year():
    """Is a reassessment due a year after the last one, even with no change?"""
    report = mr.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10",
                                today="2026-07-10")
    assert [r.trigger for r in report.reasons] == [ReassessmentTrigger.ANNUAL]


def test_report_on_an_empty_log():
    """Does an empty log give a report without a T score rather than an error?"""
    report = mr.progress_report(MonitoringLog(date(2025, 3, 3)))
    assert report.latest_t is None and report.change is None
    assert "T점수를 낼 수 없습니다" in str(report)
    assert report.as_of == date(2025, 3, 3)


def test_report_html_colours_the_reassessment():
    """Is a due reassessment shown in the warning colour, and escaped?"""
    assert "#a66a00" in mr.progress_report(pdn.practice_monitoring_log()).to_html()
    calm = mr.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10")
    assert "#1b7f3b" in calm._repr_html_()


@pytest.mark.parametrize("kwargs,message", [
    ({"last_assessed": "작년"}, "마지막 사정일"),
    ({"today": "2025-08-01"}, "이후 날짜"),
    ({"last_assessed": "2025-09-10", "today": "2025-09-01"}, "앞섭니다"),
])
def test_report_refuses_bad_dates(kwargs, message):
    """Are an unreadable date, a 'today' before the last entry and reversed dates refused?"""
    with pytest.raises(CaseworkError, match=message):
        mr.progress_report(pdn.practice_monitoring_log(), **kwargs)


def test_report_refuses_non_logs():
    """Is a non-log refused?"""
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        mr.progress_report(None)


def test_log_table_has_a_column_per_goal():
    """Does the table number its rows from 1, say 예/아니요, and keep integer level columns per goal?"""
    frame = mr.log_table(pdn.practice_monitoring_log())
    assert len(frame) == 6 and list(frame.index) == [1, 2, 3, 4, 5, 6] and frame.index.name == "번호"
    assert list(frame[f"목표: {G1}"]) == [-1, 0, 0, 0, 1, 1]
    assert str(frame[f"목표: {G1}"].dtype) == "Int64"
    assert list(frame["욕구 변동"]) == ["아니요", "아니요", "아니요", "예", "아니요", "아니요"]
    assert "None" not in frame.to_string() and "True" not in frame.to_string()
    with pytest.raises(CaseworkError):
        mr.log_table("log")


def test_added_entry_note_says_what_was_added():
    """Does the note after adding give the date and the count, and warn when no goal was scored?"""
    log = pdn.practice_monitoring_log()
    entry = mr.entry_from_form("2025-10-01", "가정방문·상담", {G1: None})
    summary, notes = mr.added_entry_note(entry, mr.log_with(log, entry))
    assert summary == "2025-10-01 점검 기록을 더했습니다(모두 7건)."
    assert notes and "T점수 계산에서 빠집니다" in notes[0]


def test_next_month_keeps_the_day_or_clips_it():
    """Is 'next month' the same day, clipped at month end, across a year end?"""
    assert mr.next_month(date(2025, 1, 31)) == date(2025, 2, 28)
    assert mr.next_month(date(2025, 12, 15)) == date(2026, 1, 15)
    assert mr.next_month(date(2024, 1, 30)) == date(2024, 2, 29)


