"""Tests for casework.widgets.process: is the next-step widget wired to judging.next_step, with
the ladder and saved answers; and do the process tables read right?"""

from __future__ import annotations

import html

import pytest

pytest.importorskip("ipywidgets")

from casework.errors import CaseworkError
from casework.judging import next_step as jn
from casework.judging.feedback import Status
from casework.process import STEP_ORDER, DongStep, FiveStage, RothmanStage
from casework.widgets.process import (
    judge_next_step,
    mapping_table,
    next_step_scenarios,
    next_step_widget,
    participants_table,
    scenario,
    stages_table,
    step_label,
)

D = DongStep


def test_chapter_names_are_the_judging_layers():
    """Is judge_next_step, as chapter 02 imports it, the judging layer's own?"""
    assert judge_next_step is jn.judge_next_step and step_label is jn.step_label


# --------------------------------------------------------------------------- widget


def test_widget_routes_the_dropdown_to_the_judge():
    """Does picking a step and checking show that scenario's feedback in its own area?"""
    box = next_step_widget(only=["no-consent-yet", "job-lost"])
    assert [s.id for s in box.items] == ["no-consent-yet", "job-lost"]
    box.dropdowns[0].value = step_label(D.PLANNING_AND_CONTRACT)
    fb = box.check(0)
    assert fb == judge_next_step(scenario("no-consent-yet"), D.PLANNING_AND_CONTRACT)
    assert "동의를 받기 전에는" in box.feedback_areas[0].value
    assert box.feedback_areas[1].value == ""
    box.dropdowns[1].value = step_label(D.NEEDS_ASSESSMENT)
    assert box.check(1).passed and "data-status='correct'" in box.feedback_areas[1].value


def test_widget_button_click_runs_the_check():
    """Does clicking a block's button (not only calling check) update that block?"""
    box = next_step_widget(only=["first-visit"])
    block = box.children[0]
    button = block.children[1].children[1]
    box.dropdowns[0].value = step_label(D.NEEDS_ASSESSMENT)
    button.click()
    assert "data-status='correct'" in box.feedback_areas[0].value


def test_widget_untouched_is_unanswered():
    """Does checking before choosing say 'not answered yet'?"""
    box = next_step_widget(only=["first-visit"])
    assert box.check(0).status is Status.UNANSWERED


def test_widget_defaults_to_all_scenarios_and_refuses_an_empty_list():
    """Does the widget show every scenario by default and refuse an empty selection?"""
    assert len(next_step_widget().items) == len(next_step_scenarios())
    with pytest.raises(CaseworkError, match="상황"):
        next_step_widget([])
    with pytest.raises(CaseworkError, match="없는"):
        next_step_widget(only=["없는"])


def test_widget_ladder_opens_the_hint_then_the_step():
    """After a wrong pick, do 힌트 and 풀이 보기 open the scenario's hint and then the step that fits?"""
    item = scenario("job-lost")
    box = next_step_widget(only=["job-lost"])
    box.dropdowns[0].value = step_label(D.CLOSURE)
    box.check(0)
    assert html.escape(item.hint) not in box.feedback_areas[0].value
    box.hint(0)
    assert html.escape(item.hint) in box.feedback_areas[0].value
    box.solution(0)
    assert step_label(item.expected) in box.feedback_areas[0].value


def test_widget_choice_comes_back_after_a_rerun():
    """Is the step picked for a scenario saved and put back when the widget is made again?"""
    box = next_step_widget()
    box.dropdowns[1].value = step_label(D.PLANNING_AND_CONTRACT)
    box.check(1)
    again = next_step_widget()
    assert again.dropdowns[1].value == step_label(D.PLANNING_AND_CONTRACT)
    assert again.dropdowns[0].value == again.dropdowns[0].options[0]


# --------------------------------------------------------------------------- tables


def test_stages_tables():
    """Do the stage tables list each model's stages in order with a description?"""
    rothman = stages_table("Rothman")
    assert list(rothman["단계"]) == [s.value for s in RothmanStage]
    assert all(rothman["하는 일"].str.len() > 10)
    five = stages_table("5단계")
    assert list(five["영문"]) == [s.english for s in FiveStage]
    assert list(stages_table("동 단위")["단계"]) == [s.value for s in STEP_ORDER]
    with pytest.raises(CaseworkError, match="모형"):
        stages_table("7단계")


def test_mapping_table_rows():
    """Does the mapping table put each 동 step beside its Rothman and five-stage stage?"""
    table = mapping_table()
    assert len(table) == len(STEP_ORDER)
    row = table.set_index("동 단위 단계").loc[step_label(D.MONITORING)]
    assert row["Rothman(1991)"] == "모니터링과 재사정" and row["5단계 과정"] == "모니터링 및 조정"
    row = table.set_index("동 단위 단계").loc[step_label(D.SELECTION_AND_CONSENT)]
    assert row["Rothman(1991)"] == "사정" and row["5단계 과정"] == "사례 발견 및 평가"


def test_participants_table_shows_reading_and_chart_marks():
    """Does the participants table give the workbook's reading and the chart's own marks?"""
    table = participants_table().set_index("단계")
    planning = table.loc[step_label(D.PLANNING_AND_CONTRACT)]
    assert "통합사례회의" in planning["참여(워크북의 정리)"]
    assert planning["교재 도표에 표시된 것"] == "당사자(주민/가족), 통합사례회의"
    assert table.loc[step_label(D.INTERVENTION)]["세부 과업"] == "직접실천·간접실천"
    assert "내부 지원체계(동+구)" in table.loc[step_label(D.INTERVENTION)]["교재 도표에 표시된 것"]


def test_tables_show_long_text_in_full_and_hide_row_numbers():
    """Does a table's notebook view keep long descriptions whole and drop the 0, 1, 2 … index?"""
    rothman = stages_table("Rothman")
    html_view = rothman._repr_html_()
    assert RothmanStage.MONITORING_AND_REASSESSMENT.description in html_view
    assert "…" not in html_view and "..." not in html_view
    assert ">순서<" in html_view  # a named index is kept
    mapping_view = mapping_table()._repr_html_()
    assert "row_heading" not in mapping_view  # the unnamed index is hidden
    assert "text-align: left" in mapping_view


def test_step_label_accepts_names_and_refuses_unknown_steps():
    """Is a step name turned into its numbered label, and an unknown one refused?"""
    assert step_label("점검") == "6. 점검"
    with pytest.raises(CaseworkError, match="사례관리 단계"):
        step_label("7단계")


