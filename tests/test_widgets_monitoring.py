"""Tests for casework.widgets.monitoring: entries from the form, the progress report, checklists.

The log is the fictional practice case's (pdn.practice_monitoring_log).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import ipywidgets as w  # noqa: E402

from casework import pdn  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.monitoring import (  # noqa: E402
    REASSESSMENT_CHECKLIST,
    SERVICE_CHECKLIST,
    MonitoringLog,
    MonitoringMethod,
    MonitoringResult,
    ReassessmentTrigger,
    gas_t_score,
)
from casework.widgets import monitoring as wm  # noqa: E402

G1, G2, G3 = pdn.PRACTICE_GOALS


# --------------------------------------------------------------------------- reading tables


def test_methods_table_lists_four_methods():
    """Does the methods table show the four methods with their explanations?"""
    table = wm.methods_table()
    for method in MonitoringMethod:
        assert method.value in str(table) and method.explanation in str(table)
    assert table.html.count("<tr>") == 4


def test_checklist_table_shows_questions_and_actions():
    """Does the checklist table show every question and every action?"""
    text = str(wm.checklist_table(SERVICE_CHECKLIST))
    for number, item in enumerate(SERVICE_CHECKLIST.items, 1):
        assert f"{number}. {item.question}" in text
        for action in item.actions:
            assert action in text


def test_checklist_table_refuses_non_checklists():
    """Is a non-Checklist refused?"""
    with pytest.raises(CaseworkError, match="Checklist"):
        wm.checklist_table(["질문"])


# --------------------------------------------------------------------------- checklist feedback


def test_all_yes_is_correct():
    """Does answering yes to every question pass?"""
    assert wm.checklist_feedback(SERVICE_CHECKLIST, [True] * len(SERVICE_CHECKLIST)).passed


def test_open_questions_come_back_with_their_actions():
    """Does each question answered 'not yet' come back with its actions, and only those?"""
    answers = [True] * len(SERVICE_CHECKLIST)
    answers[3] = False
    feedback = wm.checklist_feedback(SERVICE_CHECKLIST, answers)
    assert feedback.status is Status.PARTIAL
    assert len(feedback.points) == 1
    item = SERVICE_CHECKLIST.items[3]
    assert feedback.points[0].startswith(f"4. {item.question}")
    assert all(action in feedback.points[0] for action in item.actions)
    assert feedback.score == pytest.approx(6 / 7)


def test_all_no_is_incorrect():
    """Is 'not yet' to everything incorrect with one point per question?"""
    feedback = wm.checklist_feedback(REASSESSMENT_CHECKLIST, [False])
    assert feedback.status is Status.INCORRECT and len(feedback.points) == 1


@pytest.mark.parametrize("answers,message", [
    ([True], "질문은 7개인데 답은 1개"),
    ("yes", "목록"),
    ([1] * 7, "True"),
])
def test_checklist_feedback_refuses_bad_answers(answers, message):
    """Are the wrong number or type of answers refused in Korean?"""
    with pytest.raises(CaseworkError, match=message):
        wm.checklist_feedback(SERVICE_CHECKLIST, answers)


def test_checklist_widget_reads_the_ticks():
    """Does ticking boxes and checking give the matching feedback?"""
    box = wm.checklist_widget(SERVICE_CHECKLIST)
    for tick in box.boxes:
        tick.value = True
    box.boxes[0].value = False
    assert box.check().status is Status.PARTIAL
    assert SERVICE_CHECKLIST.items[0].actions[0] in box.feedback_area.value


# --------------------------------------------------------------------------- entries


def test_level_options_cover_the_five_levels_and_blank():
    """Are the options '점수 없음' then +2 … −2 with their labels?"""
    options = wm.level_options()
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
    assert wm.parse_date(value) == expected


@pytest.mark.parametrize("value", ["", "10월 1일", "2025-02-30", None, 20251001, datetime(2025, 10, 1, 9)])
def test_parse_date_refuses_the_rest(value):
    """Are blank, Korean-style, impossible and non-date values refused in Korean?"""
    with pytest.raises(CaseworkError, match="날짜"):
        wm.parse_date(value)


def test_entry_from_form_drops_unscored_goals():
    """Does a goal left at '점수 없음' stay out of the entry, and a blank result mean none?"""
    entry = wm.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1, G2: None, G3: -1}, result="")
    assert entry.goal_levels == {G1: 1, G3: -1}
    assert entry.result is None
    assert entry.method is MonitoringMethod.REGULAR_CONTACT


def test_entry_from_form_keeps_result_and_needs_change():
    """Are the result and the needs-change tick carried into the entry?"""
    entry = wm.entry_from_form(date(2025, 10, 1), "척도·기록", {G1: 0}, needs_changed=True, result="재사정")
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
        wm.entry_from_form(**kwargs)


def test_log_with_adds_to_a_copy():
    """Does log_with return a longer log and leave the original alone?"""
    log = pdn.practice_monitoring_log()
    entry = wm.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1, G2: 1, G3: 1})
    new = wm.log_with(log, entry)
    assert len(new) == 7 and len(log) == 6
    assert new.entries[-1] is entry


def test_log_with_refuses_an_entry_out_of_order():
    """Is an entry dated before the last one refused, leaving the log unchanged?"""
    log = pdn.practice_monitoring_log()
    early = wm.entry_from_form("2025-08-15", "가정방문·상담", {G1: 1})
    with pytest.raises(CaseworkError, match="날짜 순서"):
        wm.log_with(log, early)
    assert len(log) == 6


def test_log_with_refuses_non_logs():
    """Is a non-log refused?"""
    entry = wm.entry_from_form("2025-10-01", "가정방문·상담", {G1: 1})
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        wm.log_with([], entry)


# --------------------------------------------------------------------------- report


def test_report_on_the_practice_log():
    """Does the report give the last T score, its change, levels and the July reassessment?"""
    report = wm.progress_report(pdn.practice_monitoring_log())
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
    report = wm.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10")
    assert not report.reassessment_due
    assert report.next_annual == date(2026, 7, 10)
    assert "2026-07-10까지" in str(report)


def test_annual_reassessment_falls_due_after_a_year():
    """Is a reassessment due a year after the last one, even with no change?"""
    report = wm.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10",
                                today="2026-07-10")
    assert [r.trigger for r in report.reasons] == [ReassessmentTrigger.ANNUAL]


def test_report_on_an_empty_log():
    """Does an empty log give a report without a T score rather than an error?"""
    report = wm.progress_report(MonitoringLog(date(2025, 3, 3)))
    assert report.latest_t is None and report.change is None
    assert "T점수를 낼 수 없습니다" in str(report)
    assert report.as_of == date(2025, 3, 3)


def test_report_html_colours_the_reassessment():
    """Is a due reassessment shown in the warning colour, and escaped?"""
    assert "#a66a00" in wm.progress_report(pdn.practice_monitoring_log()).to_html()
    calm = wm.progress_report(pdn.practice_monitoring_log(), last_assessed="2025-07-10")
    assert "#1b7f3b" in calm._repr_html_()


@pytest.mark.parametrize("kwargs,message", [
    ({"last_assessed": "작년"}, "마지막 사정일"),
    ({"today": "2025-08-01"}, "이후 날짜"),
    ({"last_assessed": "2025-09-10", "today": "2025-09-01"}, "앞섭니다"),
])
def test_report_refuses_bad_dates(kwargs, message):
    """Are an unreadable date, a 'today' before the last entry and reversed dates refused?"""
    with pytest.raises(CaseworkError, match=message):
        wm.progress_report(pdn.practice_monitoring_log(), **kwargs)


def test_report_refuses_non_logs():
    """Is a non-log refused?"""
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        wm.progress_report(None)


def test_log_table_has_a_column_per_goal():
    """Does the table have one row per entry and integer level columns per goal?"""
    frame = wm.log_table(pdn.practice_monitoring_log())
    assert len(frame) == 6
    assert list(frame[f"목표: {G1}"]) == [-1, 0, 0, 0, 1, 1]
    assert str(frame[f"목표: {G1}"].dtype) == "Int64"
    with pytest.raises(CaseworkError):
        wm.log_table("log")


# --------------------------------------------------------------------------- widget


def test_widget_starts_from_the_practice_log_without_changing_it():
    """Does the widget show the six-month report and suggest the next month's date?"""
    box = wm.monitoring_widget()
    assert "casework-monitoring" in box._dom_classes
    assert "59.1" in box.report.value
    assert box.date.value == "2025-10-01"
    assert set(box.levels) == set(pdn.PRACTICE_GOALS)
    assert all(d.value is None for d in box.levels.values())
    assert "<table" in box.table.value


def test_adding_an_entry_updates_score_table_and_date():
    """Does '기록 추가' add the entry, update the T score and move the date on a month?"""
    box = wm.monitoring_widget()
    for drop in box.levels.values():
        drop.value = 1
    feedback = box.add()
    assert feedback.passed and "모두 7건" in box.feedback_area.value
    assert len(box.state["log"]) == 7
    assert f"{gas_t_score([1, 1, 1]):.1f}" in box.report.value
    assert "2025-10-01" in box.table.value
    assert box.date.value == "2025-11-01"


def test_button_click_adds_an_entry():
    """Does clicking the button (not calling add) add the entry?"""
    box = wm.monitoring_widget()
    next(b for b in box.children if isinstance(b, w.Button) and b.description == "기록 추가").click()
    assert len(box.state["log"]) == 7
    assert "T점수 계산에서 빠집니다" in box.feedback_area.value


def test_bad_entry_shows_a_korean_error_and_adds_nothing():
    """Does a date before the last entry show an error and leave the log as it was?"""
    box = wm.monitoring_widget()
    box.date.value = "2025-08-15"
    feedback = box.add()
    assert feedback.status is Status.INCORRECT
    assert "날짜 순서" in box.feedback_area.value
    assert len(box.state["log"]) == 6


def test_needs_change_makes_reassessment_due():
    """After reassessing in July, does a new needs change make reassessment due again?"""
    box = wm.monitoring_widget(last_assessed=date(2025, 7, 10))
    assert "재사정할 때가 아닙니다" in box.report.value
    box.needs_changed.value = True
    box.add()
    assert "재사정이 필요합니다" in box.report.value and "욕구 변동" in box.report.value


def test_last_assessed_box_is_used_on_refresh():
    """Does editing the last-assessed box and refreshing change the advice?"""
    box = wm.monitoring_widget()
    assert "재사정이 필요합니다" in box.report.value
    box.last_assessed.value = "2025-07-10"
    box.refresh()
    assert "재사정할 때가 아닙니다" in box.report.value
    box.last_assessed.value = "언젠가"
    box.refresh()
    assert "마지막 사정일" in box.feedback_area.value


def test_widget_accepts_an_empty_log_and_refuses_non_logs():
    """Does an empty log start with the practice goals, and a non-log raise?"""
    box = wm.monitoring_widget(MonitoringLog(date(2025, 3, 3)))
    assert set(box.levels) == set(pdn.PRACTICE_GOALS)
    assert box.date.value == "2025-04-03"
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        wm.monitoring_widget("log")


def test_next_month_keeps_the_day_or_clips_it():
    """Is 'next month' the same day, clipped at month end, across a year end?"""
    assert wm._next_month(date(2025, 1, 31)) == date(2025, 2, 28)
    assert wm._next_month(date(2025, 12, 15)) == date(2026, 1, 15)
    assert wm._next_month(date(2024, 1, 30)) == date(2024, 2, 29)


# --------------------------------------------------------------------------- chapter 08 quiz


def test_ch08_quiz_matches_the_library():
    """Does the ch08 quiz name four methods and give T scores the library computes?"""
    from casework.quiz import load_quiz

    ch08 = load_quiz("ch08")
    assert len(ch08.question("methods").pairs) == len(MonitoringMethod)
    fifty = next(o.text for o in ch08.question("gas_fifty").options if o.correct)
    assert float(fifty) == gas_t_score([0, 0, 0])
    plus = next(o.text for o in ch08.question("gas_all_plus_one").options if o.correct)
    assert f"{gas_t_score([1, 1, 1]):.1f}" in plus
    assert all(i.why for i in ch08.question("when_reassess").items)
