"""Tests for casework.monitoring: monitoring log, GAS T scores, checklists, reassessment."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime

import pytest

from casework.errors import CaseworkError
from casework.monitoring import (
    ANNUAL_REASSESSMENT_DAYS,
    FOLLOW_UP_CHECKLIST,
    REASSESSMENT_CHECKLIST,
    SERVICE_CHECKLIST,
    MonitoringEntry,
    MonitoringLog,
    MonitoringMethod,
    MonitoringResult,
    ReassessmentTrigger,
    gas_level_label,
    gas_t_score,
    next_annual_reassessment,
    reassessment_due,
    t_scores_over_time,
)

START = date(2024, 3, 1)


def entry(on: date, levels=None, **kw) -> MonitoringEntry:
    return MonitoringEntry(on, MonitoringMethod.REGULAR_CONTACT, "방문", levels or {}, **kw)


# --------------------------------------------------------------------------- GAS


def test_three_goals_at_minus_one_give_36_31():
    """Do three unweighted goals all at −1 give T = 36.31?"""
    assert round(gas_t_score([-1, -1, -1]), 2) == 36.31


def test_one_goal_at_plus_two_gives_70():
    """Does a single goal at +2 give T = 70?"""
    assert gas_t_score([2]) == pytest.approx(70.0)


def test_all_zero_gives_50():
    """Do goals all at the expected level give exactly 50?"""
    assert gas_t_score([0, 0, 0, 0]) == 50.0


def test_weights_change_the_score():
    """Does weighting the improved goal more raise T above the unweighted score?"""
    unweighted = gas_t_score([2, 0])
    weighted = gas_t_score([2, 0], weights=[3, 1])
    # 50 + 10*6 / sqrt(0.7*10 + 0.3*16) = 50 + 60/sqrt(11.8)
    assert weighted == pytest.approx(50 + 60 / 11.8**0.5)
    assert weighted > unweighted


def test_rho_zero_uses_plain_sum_of_squares():
    """With ρ = 0 is T = 50 + 10·Σx/√n?"""
    assert gas_t_score([1, 1, 1, 1], rho=0) == pytest.approx(50 + 10 * 4 / 2)


def test_tuple_and_zero_weight_are_accepted():
    """Is a zero weight on one goal allowed as long as another weight is positive?"""
    assert gas_t_score((2, -2), weights=(1, 0)) == pytest.approx(70.0)


@pytest.mark.parametrize(
    "levels",
    [[3], [-3], [1.0], [0.5], [True], [False], ["1"], [None]],
    ids=["3", "-3", "float 1.0", "0.5", "True", "False", "str", "None"],
)
def test_bad_levels_are_refused(levels):
    """Are levels outside −2..+2, floats (even 1.0), bools and strings refused?"""
    with pytest.raises(CaseworkError, match="수준"):
        gas_t_score(levels)


@pytest.mark.parametrize("levels", [[], (), "012", {"a": 1}, {1, 2}, 5, None])
def test_empty_or_wrong_container_is_refused(levels):
    """Are an empty list, a string, a dict, a set and a bare number refused?"""
    with pytest.raises(CaseworkError):
        gas_t_score(levels)


@pytest.mark.parametrize(
    "weights, pattern",
    [
        ([1, 1], "가중치가 2개"),
        ([1, 1, 1, 1], "가중치가 4개"),
        ([1, -1, 1], "음수"),
        ([0, 0, 0], "모두 0"),
        ([1, "2", 1], "숫자가 아닙니다"),
        ([1, True, 1], "숫자가 아닙니다"),
        ([1, float("nan"), 1], "숫자가 아닙니다"),
        ([1, float("inf"), 1], "숫자가 아닙니다"),
    ],
)
def test_bad_weights_are_refused(weights, pattern):
    """Are wrong-length, negative, all-zero and non-numeric weights refused?"""
    with pytest.raises(CaseworkError, match=pattern):
        gas_t_score([0, 1, -1], weights=weights)


@pytest.mark.parametrize("rho", [1, 1.0, -0.1, 1.5, float("nan"), "0.3", True])
def test_bad_rho_is_refused(rho):
    """Is ρ outside [0, 1) or not a number refused?"""
    with pytest.raises(CaseworkError, match="rho"):
        gas_t_score([0, 1], rho=rho)


def test_level_labels_run_from_much_less_to_much_more():
    """Do the five labels say 훨씬 못 미침 at −2, 기대한 만큼 at 0 and 훨씬 더 나음 at +2?"""
    assert "훨씬 못 미침" in gas_level_label(-2)
    assert "조금 못 미침" in gas_level_label(-1)
    assert "기대한 만큼" in gas_level_label(0)
    assert "조금 더 나음" in gas_level_label(1)
    assert "훨씬 더 나음" in gas_level_label(2)


@pytest.mark.parametrize("level", [3, -3, 1.0, True, "0"])
def test_level_label_refuses_bad_level(level):
    """Does gas_level_label refuse what gas_t_score refuses?"""
    with pytest.raises(CaseworkError):
        gas_level_label(level)


# --------------------------------------------------------------------------- methods


def test_four_methods_with_korean_explanations():
    """Are there exactly the four textbook methods, each explained in Korean?"""
    assert [m.value for m in MonitoringMethod] == ["가정방문·상담", "비공식 모니터링", "척도·기록", "제공기관 통해"]
    assert "척도" in MonitoringMethod.FORMAL.explanation
    assert "기관" in MonitoringMethod.PROVIDER.explanation
    assert "주변" in MonitoringMethod.INFORMAL.explanation
    assert "방문" in MonitoringMethod.REGULAR_CONTACT.explanation


def test_method_parse_accepts_label_and_refuses_unknown():
    """Does parse take a Korean label and refuse an unknown method?"""
    assert MonitoringMethod.parse("척도·기록") is MonitoringMethod.FORMAL
    with pytest.raises(CaseworkError, match="점검 방법"):
        MonitoringMethod.parse("전화")


def test_result_parse_accepts_reassessment_flag():
    """Is "재사정 필요" read as the 재사정 result, and nonsense refused?"""
    assert MonitoringResult.parse("재사정 필요") is MonitoringResult.REASSESS
    assert MonitoringResult.parse("달성") is MonitoringResult.ACHIEVED
    with pytest.raises(CaseworkError, match="이행여부"):
        MonitoringResult.parse("완료")


# --------------------------------------------------------------------------- entries and log


def test_entry_copies_levels_and_parses_labels():
    """Does an entry keep its own copy of the levels and accept Korean labels?"""
    levels = {"식사": 0}
    e = MonitoringEntry(START, "가정방문·상담", "", levels, result="연장")
    levels["식사"] = 2
    assert e.goal_levels == {"식사": 0}
    assert e.method is MonitoringMethod.REGULAR_CONTACT
    assert e.result is MonitoringResult.EXTENDED


@pytest.mark.parametrize(
    "kwargs, pattern",
    [
        ({"on": "2024-03-01"}, "날짜"),
        ({"on": datetime(2024, 3, 1, 9)}, "날짜"),
        ({"method": "전화"}, "점검 방법"),
        ({"note": None}, "메모"),
        ({"goal_levels": [("식사", 1)]}, "사전"),
        ({"goal_levels": {"": 1}}, "목표 이름"),
        ({"goal_levels": {"식사": 3}}, "범위"),
        ({"goal_levels": {"식사": 1.0}}, "정수"),
        ({"needs_changed": "예"}, "욕구 변동"),
        ({"result": "끝"}, "이행여부"),
    ],
)
def test_bad_entry_fields_are_refused(kwargs, pattern):
    """Are a string date, a datetime, an unknown method, bad levels and a non-bool flag refused?"""
    args = {"on": START, "method": MonitoringMethod.FORMAL, "note": "", "goal_levels": {}}
    args.update(kwargs)
    with pytest.raises(CaseworkError, match=pattern):
        MonitoringEntry(**args)


def make_log() -> MonitoringLog:
    log = MonitoringLog(START)
    log.add(entry(date(2024, 4, 1), {"식사": -1, "외출": -2}))
    log.add(entry(date(2024, 5, 1), {"식사": 0}))
    log.add(entry(date(2024, 5, 1)))  # same day, no scores
    log.add(entry(date(2024, 6, 1), {"식사": 1, "외출": 0}, result=MonitoringResult.EXTENDED))
    return log


def test_log_keeps_entries_in_order_and_allows_same_day():
    """Are entries kept in order, with two on the same day allowed?"""
    log = make_log()
    assert [e.on for e in log.entries] == [date(2024, 4, 1), date(2024, 5, 1), date(2024, 5, 1), date(2024, 6, 1)]
    assert len(log) == 4
    assert log.goals == ("식사", "외출")


def test_log_refuses_entry_before_the_last_one():
    """Is an entry dated before the last entry refused, leaving the log unchanged?"""
    log = make_log()
    with pytest.raises(CaseworkError, match="날짜 순서"):
        log.add(entry(date(2024, 5, 31)))
    assert len(log) == 4


def test_log_refuses_entry_before_plan_start():
    """Is an entry dated before the plan start refused?"""
    with pytest.raises(CaseworkError, match="계획 시작일"):
        MonitoringLog(START, [entry(date(2024, 2, 29))])


def test_log_refuses_non_entries_and_bad_start():
    """Are a plain dict entry and a string start date refused?"""
    with pytest.raises(CaseworkError, match="MonitoringEntry"):
        MonitoringLog(START).add({"on": START})
    with pytest.raises(CaseworkError, match="계획 시작일"):
        MonitoringLog("2024-03-01")
    with pytest.raises(CaseworkError, match="목록"):
        MonitoringLog(START, entries=5)


def test_levels_over_time_lists_only_scored_entries():
    """Does levels_over_time give (date, level) only where the goal was scored?"""
    log = make_log()
    assert log.levels_over_time("외출") == [(date(2024, 4, 1), -2), (date(2024, 6, 1), 0)]
    assert log.levels_over_time("식사") == [(date(2024, 4, 1), -1), (date(2024, 5, 1), 0), (date(2024, 6, 1), 1)]


def test_levels_over_time_refuses_unknown_goal():
    """Is a goal never scored (probably a typo) refused with the known goals named?"""
    with pytest.raises(CaseworkError, match="식사, 외출"):
        make_log().levels_over_time("식사하기")


def test_to_records_has_one_row_per_entry_with_goal_columns():
    """Does to_records give one dict per entry with a column per goal and None where unscored?"""
    rows = make_log().to_records()
    assert len(rows) == 4
    assert rows[0] == {
        "날짜": date(2024, 4, 1), "방법": "가정방문·상담", "메모": "방문", "욕구 변동": False,
        "결과": None, "목표: 식사": -1, "목표: 외출": -2,
    }
    assert rows[1]["목표: 외출"] is None
    assert rows[3]["결과"] == "연장"


def test_level_records_are_long_format():
    """Does level_records give one row per scored goal with its Korean label?"""
    rows = make_log().level_records()
    assert len(rows) == 5
    assert rows[1] == {"날짜": date(2024, 4, 1), "목표": "외출", "수준": -2, "수준 설명": gas_level_label(-2)}


def test_records_load_into_a_dataframe():
    """Do the records make a DataFrame with the expected columns?"""
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(make_log().to_records())
    assert list(df.columns)[-2:] == ["목표: 식사", "목표: 외출"]
    assert df["목표: 식사"].isna().tolist() == [False, False, True, False]
    assert df["목표: 식사"].dropna().tolist() == [-1, 0, 1]


def test_module_does_not_import_pandas():
    """Does importing casework.monitoring leave pandas unloaded?"""
    code = "import sys, casework.monitoring; print('pandas' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_t_scores_over_time_skip_unscored_entries():
    """Does each scored entry get its T score, skipping the entry with no scores?"""
    scores = t_scores_over_time(make_log())
    assert [d for d, _ in scores] == [date(2024, 4, 1), date(2024, 5, 1), date(2024, 6, 1)]
    assert scores[0][1] == pytest.approx(gas_t_score([-1, -2]))
    assert scores[1][1] == 50.0
    assert scores[2][1] == pytest.approx(gas_t_score([1, 0]))
    assert scores[0][1] < scores[2][1]


def test_t_scores_over_time_uses_weights_by_goal_name():
    """Are weights looked up by goal name?"""
    scores = t_scores_over_time(make_log(), weights={"식사": 1, "외출": 3})
    assert scores[0][1] == pytest.approx(gas_t_score([-1, -2], [1, 3]))


@pytest.mark.parametrize(
    "weights, pattern",
    [({"식사": 1}, "가중치가 없는 목표"), ({"식사": 1, "외출": 1, "수면": 1}, "기록에 없는 목표"), ([1, 1], "사전")],
)
def test_t_scores_over_time_refuses_bad_weights(weights, pattern):
    """Are missing, extra and non-dict weights refused?"""
    with pytest.raises(CaseworkError, match=pattern):
        t_scores_over_time(make_log(), weights=weights)


def test_t_scores_over_time_refuses_non_log():
    """Is a list of entries (not a MonitoringLog) refused?"""
    with pytest.raises(CaseworkError, match="MonitoringLog"):
        t_scores_over_time(list(make_log().entries))


# --------------------------------------------------------------------------- checklists


def test_service_checklist_has_the_seven_questions_with_their_items():
    """Are there 7 questions with 2, 3, 3, 2, 4, 3, 3 actions as in the textbook?"""
    assert len(SERVICE_CHECKLIST) == 7
    assert [len(i.actions) for i in SERVICE_CHECKLIST.items] == [2, 3, 3, 2, 4, 3, 3]
    assert all(i.question.endswith("?") for i in SERVICE_CHECKLIST.items)
    assert "지지망" in SERVICE_CHECKLIST.items[3].question
    assert "지역사회 자원을 개발" in SERVICE_CHECKLIST.items[4].actions[3]
    assert "없으면" not in SERVICE_CHECKLIST.items[4].actions[3]  # the textbook sets no such condition


def test_reassessment_and_follow_up_checklists():
    """Has the reassessment TIP one question with three actions and follow-up two questions?"""
    assert [len(i.actions) for i in REASSESSMENT_CHECKLIST.items] == [3]
    assert "위기도" in REASSESSMENT_CHECKLIST.items[0].actions[2]
    assert [len(i.actions) for i in FOLLOW_UP_CHECKLIST.items] == [2, 2]
    assert "동의" in FOLLOW_UP_CHECKLIST.items[0].question


# --------------------------------------------------------------------------- reassessment


def test_nothing_due_shortly_after_assessment():
    """Is no reassessment due a few months after the last one with a quiet log?"""
    assert reassessment_due(START, date(2024, 7, 1), make_log()) == []


def test_annual_boundary_is_365_days():
    """Is the yearly reassessment due at 365 days and not at 364?"""
    last = date(2023, 3, 1)
    assert reassessment_due(last, date(2024, 2, 28)) == []  # 364 days
    reasons = reassessment_due(last, date(2024, 2, 29))  # 365 days
    assert [r.trigger for r in reasons] == [ReassessmentTrigger.ANNUAL]
    assert "365일" in reasons[0].message
    assert reasons[0].on == date(2024, 2, 29)
    assert ANNUAL_REASSESSMENT_DAYS == 365


def test_annual_rule_falls_a_day_early_in_a_leap_year():
    """In a leap year is the yearly date one day before the calendar anniversary?"""
    assert next_annual_reassessment(date(2024, 1, 1)) == date(2024, 12, 31)
    assert next_annual_reassessment(date(2023, 1, 1)) == date(2024, 1, 1)


def test_result_and_needs_change_trigger_reassessment():
    """Do a 재사정 result and a change of needs each give a dated reason?"""
    log = make_log()
    log.add(entry(date(2024, 7, 1), needs_changed=True))
    log.add(entry(date(2024, 8, 1), result="재사정 필요"))
    reasons = reassessment_due(START, date(2024, 8, 2), log)
    assert [(r.trigger, r.on) for r in reasons] == [
        (ReassessmentTrigger.NEEDS_CHANGED, date(2024, 7, 1)),
        (ReassessmentTrigger.RESULT, date(2024, 8, 1)),
    ]
    assert "욕구" in reasons[0].message and "2024-07-01" in reasons[0].message


def test_entries_up_to_last_assessment_do_not_count():
    """Is a change of needs recorded on or before the last assessment ignored?"""
    log = MonitoringLog(START, [entry(date(2024, 4, 1), needs_changed=True), entry(date(2024, 5, 1), needs_changed=True)])
    assert reassessment_due(date(2024, 5, 1), date(2024, 6, 1), log) == []
    assert len(reassessment_due(date(2024, 4, 30), date(2024, 6, 1), log)) == 1


def test_all_three_triggers_together():
    """Can all three triggers be reported at once?"""
    log = MonitoringLog(START, [entry(date(2025, 1, 1), needs_changed=True, result="재사정")])
    triggers = {r.trigger for r in reassessment_due(START, date(2025, 3, 1), log)}
    assert triggers == set(ReassessmentTrigger)


def test_today_before_last_assessment_is_refused():
    """Is a today earlier than the last assessment refused?"""
    with pytest.raises(CaseworkError, match="마지막 사정일"):
        reassessment_due(date(2024, 5, 1), date(2024, 4, 30))


def test_log_entries_after_today_are_refused():
    """Is a log with an entry dated after today refused?"""
    with pytest.raises(CaseworkError, match="이후 날짜"):
        reassessment_due(START, date(2024, 5, 1), make_log())


@pytest.mark.parametrize(
    "args, pattern",
    [
        (("2024-01-01", date(2024, 2, 1)), "마지막 사정일"),
        ((date(2024, 1, 1), datetime(2024, 2, 1)), "오늘 날짜"),
        ((date(2024, 1, 1), date(2024, 2, 1), [1]), "MonitoringLog"),
    ],
)
def test_reassessment_due_bad_inputs(args, pattern):
    """Are string dates, datetimes and a non-log refused?"""
    with pytest.raises(CaseworkError, match=pattern):
        reassessment_due(*args)


@pytest.mark.parametrize("weights", [[1e308, 1e308], [1e-320, 1e-320], [3, 3]])
def test_gas_t_score_with_extreme_equal_weights_matches_unweighted(weights):
    """M5/M6: huge or tiny weights neither overflow nor divide by zero; equal weights change nothing."""
    assert gas_t_score([1, 2], weights) == pytest.approx(gas_t_score([1, 2]))


def test_gas_t_score_with_a_zero_weight_ignores_that_goal():
    assert gas_t_score([2, -2], [1e-320, 0]) == pytest.approx(gas_t_score([2]))
