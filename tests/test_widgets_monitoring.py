"""Tests for casework.widgets.monitoring: the checklist widget and the monitoring widget (wiring,
the ladder, saved entries; the plain functions are tested in test_monitoring_report and
test_judging_checklist).

The log is the fictional practice case's (pdn.practice_monitoring_log).
"""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("ipywidgets")
matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import ipywidgets as w  # noqa: E402

from casework import pdn  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.judging.checklist import checklist_feedback  # noqa: E402
from casework.judging.feedback import Status  # noqa: E402
from casework.monitoring import SERVICE_CHECKLIST, MonitoringLog, MonitoringMethod, gas_t_score  # noqa: E402
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


def test_checklist_widget_reads_the_ticks():
    """Does ticking boxes and checking give the matching feedback?"""
    box = wm.checklist_widget(SERVICE_CHECKLIST)
    for tick in box.boxes:
        tick.value = True
    box.boxes[0].value = False
    answers = [b.value for b in box.boxes]
    assert box.check() == checklist_feedback(SERVICE_CHECKLIST, answers)
    assert SERVICE_CHECKLIST.items[0].actions[0] in box.feedback_area.value


def test_checklist_ticks_come_back_after_a_rerun():
    """Are the ticks saved on 점검 결과 보기 and ticked again when the widget is made again?"""
    box = wm.checklist_widget(SERVICE_CHECKLIST)
    box.boxes[2].value = True
    box.check()
    assert [b.value for b in wm.checklist_widget(SERVICE_CHECKLIST).boxes][:3] == [False, False, True]


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
    entry = box.add()
    assert entry.goal_levels == {g: 1 for g in box.levels} and "모두 7건" in box.feedback_area.value
    assert "data-status='recorded'" in box.feedback_area.value and "맞았습니다" not in box.feedback_area.value
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


def test_added_entries_come_back_after_a_rerun():
    """Are the entries a learner added saved and added again when the practice widget is made again?"""
    box = wm.monitoring_widget()
    box.levels[G1].value = 2
    box.add()
    box.add()
    again = wm.monitoring_widget()
    assert len(again.state["log"]) == 8 and again.state["log"].entries[6].goal_levels == {G1: 2}
    assert again.date.value == "2025-12-01" and "2건을 불러왔습니다" in again.saved_note.value
    own = wm.monitoring_widget(MonitoringLog(date(2025, 3, 3)))
    assert len(own.state["log"]) == 0  # a log of the notebook's own is not mixed with saved entries


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
