"""Tests for casework.widgets.process: are next-step choices judged by the process rules?"""

from __future__ import annotations

import copy
from datetime import date

import pytest

pytest.importorskip("ipywidgets")

from casework.closure import ClosureReason, decide_closure  # noqa: E402
from casework.errors import CaseworkError, InvalidTransition  # noqa: E402
from casework.feedback import Status  # noqa: E402
from casework.process import (  # noqa: E402
    STEP_ORDER,
    CaseRecord,
    DongStep,
    FiveStage,
    RothmanStage,
    allowed_next_steps,
)
from casework.widgets.process import (  # noqa: E402
    next_step_scenarios,
    NextStepScenario,
    explain_refusal,
    judge_next_step,
    mapping_table,
    next_step_widget,
    participants_table,
    record_at,
    scenario,
    stages_table,
    step_label,
)

D = DongStep


def _try_move(record: CaseRecord, target: DongStep, reason: ClosureReason | None) -> None:
    """Make the move on a copy of the record the way a case manager would; raise if refused."""
    rec = copy.deepcopy(record)
    on = rec.last_on
    if target is D.CLOSURE:
        reason = reason or ClosureReason.PERSON_OR_GUARDIAN_WISH
        rec.close(decide_closure(reason, on, decided_with_person=reason.person_can_take_part,
                                 goals_reviewed=reason.needs_evaluation and rec.step is D.EVALUATION))
    elif target is D.FOLLOW_UP:
        rec.start_follow_up(on)
    elif rec.step is D.FOLLOW_UP:
        consent_on = on if target.order > D.SELECTION_AND_CONSENT.order else None
        rec.reintervene(on, at=target, reason="어려움을 다시 호소함", consent_on=consent_on)
    elif target is D.NEEDS_ASSESSMENT and rec.step is not D.DISCOVERY_INTAKE:
        rec.loop_back_to_reassessment(on, reason="상황 변화")
    else:
        rec.advance(target, on)


# --------------------------------------------------------------------------- record_at


@pytest.mark.parametrize("step", list(STEP_ORDER))
def test_record_at_reaches_every_step(step):
    """Does record_at walk a legal record to each step of the flow?"""
    record = record_at(step)
    assert record.step is step
    if step.order >= D.SELECTION_AND_CONSENT.order:
        assert record.consent_on is not None


def test_record_at_without_consent_and_with_a_closure_reason():
    """Can a record stop before consent, and be closed for a reason other than 목표 달성?"""
    assert record_at(D.SELECTION_AND_CONSENT, consent=False).consent_on is None
    moved = record_at(D.FOLLOW_UP, closure="전출·주거지 이전")
    assert moved.closure.reason is ClosureReason.MOVED_AWAY
    assert [t.to_step for t in moved.history][-3:] == [D.INTERVENTION, D.CLOSURE, D.FOLLOW_UP]
    goal = record_at(D.CLOSURE)
    assert D.EVALUATION in [t.to_step for t in goal.history]


@pytest.mark.parametrize("kwargs, match", [
    ({"step": "없는 단계"}, "알 수 없는"),
    ({"step": D.PLANNING_AND_CONTRACT, "consent": False}, "동의"),
    ({"step": D.INTERVENTION, "consent": "yes"}, "consent"),
    ({"step": D.MONITORING, "closure": "사망"}, "종결 사유"),
    ({"step": D.FOLLOW_UP, "closure": "사망"}, "사후관리"),
    ({"step": D.CLOSURE, "closure": "아파서"}, "종결 사유"),
])
def test_record_at_refuses_impossible_records(kwargs, match):
    """Is a record that the rules could never reach refused with a Korean message?"""
    step = kwargs.pop("step")
    with pytest.raises(CaseworkError, match=match):
        record_at(step, **kwargs)


# --------------------------------------------------------------------------- explain_refusal


def _states():
    yield record_at(D.SELECTION_AND_CONSENT, consent=False)
    for step in STEP_ORDER:
        yield record_at(step)
    yield record_at(D.CLOSURE, closure="사망")


@pytest.mark.parametrize("record", list(_states()), ids=lambda r: f"{r.step.value}-{r.consent_on is not None}")
def test_refusals_agree_with_the_case_record(record):
    """For every state and every choice, is a step refused exactly when the record refuses it?"""
    for target in STEP_ORDER:
        refusal = explain_refusal(record, target)
        if target is record.step:
            assert refusal is None
            continue
        allowed = target in allowed_next_steps(record)
        assert (refusal is None) == allowed, (record.step, target, refusal)
        if allowed:
            _try_move(record, target, None)
        else:
            with pytest.raises(InvalidTransition):
                _try_move(record, target, None)


def test_planning_without_consent_gets_the_consent_rule():
    """Does choosing planning before consent say that consent must come first?"""
    record = record_at(D.SELECTION_AND_CONSENT, consent=False)
    assert explain_refusal(record, D.PLANNING_AND_CONTRACT).startswith("동의를 받기 전에는 계획을 세울 수 없습니다")


@pytest.mark.parametrize("step, target, expected", [
    (D.INTERVENTION, D.FOLLOW_UP, "종결하기 전에는 사후관리를 시작할 수 없습니다"),
    (D.DISCOVERY_INTAKE, D.PLANNING_AND_CONTRACT, "단계를 건너뛸 수 없습니다"),
    (D.MONITORING, D.INTERVENTION, "앞 단계인 '개입'(으)로 되돌아갈 수 없습니다"),
    (D.PLANNING_AND_CONTRACT, D.NEEDS_ASSESSMENT, "욕구(재)사정으로 돌아가지 않습니다"),
    (D.FOLLOW_UP, D.CLOSURE, "이미 종결한 사례입니다"),
])
def test_each_rule_has_its_own_explanation(step, target, expected):
    """Does each kind of refused move get the rule that stops it?"""
    assert expected in explain_refusal(record_at(step), target)


def test_no_follow_up_after_death():
    """Is follow-up refused after a 사망 closure, with that reason?"""
    record = record_at(D.CLOSURE, closure="사망")
    assert explain_refusal(record, D.FOLLOW_UP) == "사망으로 종결한 사례에는 사후관리를 하지 않습니다."


def test_closing_for_goal_needs_evaluation_uses_the_closure_rule():
    """Is 목표 달성 closure before 평가 refused by decide_closure's rule, and allowed at 평가?"""
    refusal = explain_refusal(record_at(D.MONITORING), D.CLOSURE, closing_reason="목표 달성")
    assert refusal == "목표 달성으로 종결하려면 먼저 목표를 얼마나 이루었는지 평가해야 합니다."
    assert explain_refusal(record_at(D.EVALUATION), D.CLOSURE, closing_reason="목표 달성") is None
    assert explain_refusal(record_at(D.INTERVENTION), D.CLOSURE, closing_reason="전출·주거지 이전") is None


def test_finished_record_refuses_everything():
    """After follow-up has ended, is every choice refused (even staying)?"""
    record = record_at(D.FOLLOW_UP)
    record.end_follow_up(record.last_on)
    for target in STEP_ORDER:
        assert "새 사례로 접수" in explain_refusal(record, target)


@pytest.mark.parametrize("record, choice", [("기록", D.INTERVENTION), (None, D.INTERVENTION)])
def test_explain_refusal_needs_a_record(record, choice):
    """Is something other than a CaseRecord refused?"""
    with pytest.raises(CaseworkError, match="CaseRecord"):
        explain_refusal(record, choice)


@pytest.mark.parametrize("choice", ["없는 단계", 5, None])
def test_explain_refusal_refuses_unknown_steps(choice):
    """Is an unknown step refused with the list of steps?"""
    with pytest.raises(CaseworkError, match="사례관리 단계"):
        explain_refusal(record_at(D.INTERVENTION), choice)


def test_unknown_closing_reason_is_refused():
    """Is an unknown closing reason refused rather than ignored?"""
    with pytest.raises(CaseworkError, match="종결 사유"):
        explain_refusal(record_at(D.EVALUATION), D.CLOSURE, closing_reason="귀찮아서")


# --------------------------------------------------------------------------- scenarios


@pytest.mark.parametrize("item", next_step_scenarios(), ids=lambda s: s.id)
def test_each_scenarios_answer_is_allowed_and_correct(item):
    """Is each scenario's expected step one the rules allow, and judged correct with its why?"""
    record = item.record()
    assert record.step is item.step
    assert explain_refusal(record, item.expected, closing_reason=item.closing_reason) is None
    fb = judge_next_step(item, item.expected)
    assert fb.status is Status.CORRECT and fb.summary == item.why and fb.score == 1.0


@pytest.mark.parametrize("item", next_step_scenarios(), ids=lambda s: s.id)
def test_every_other_choice_is_wrong_with_a_reason_and_a_hint(item):
    """Is every other step judged incorrect, with a specific reason and the scenario's hint?"""
    for target in STEP_ORDER:
        if target is item.expected:
            continue
        fb = judge_next_step(item, target)
        assert fb.status is Status.INCORRECT and fb.score == 0.0
        assert fb.summary and fb.points == (f"힌트: {item.hint}",)
        refusal = explain_refusal(item.record(), target, closing_reason=item.closing_reason)
        if refusal is not None:
            assert fb.summary == refusal
        elif target in item.tempting:
            assert fb.summary == item.tempting[target]


def test_tempting_entries_are_only_for_moves_the_rules_allow():
    """Does each scenario explain only choices the rules would accept (the rules cover the rest)?"""
    for item in next_step_scenarios():
        for target in item.tempting:
            assert explain_refusal(item.record(), target, closing_reason=item.closing_reason) is None, (item.id, target)


def test_scenarios_cover_the_key_teaching_points():
    """Do the scenarios include staying for consent, the loop back, closing early and re-intervention?"""
    by_id = {s.id: s for s in next_step_scenarios()}
    assert len(by_id) == len(next_step_scenarios()) >= 8
    assert by_id["no-consent-yet"].expected is by_id["no-consent-yet"].step
    assert by_id["job-lost"].expected is D.NEEDS_ASSESSMENT
    assert by_id["moving-away"].expected is D.CLOSURE and by_id["moving-away"].step is D.INTERVENTION
    assert by_id["trouble-again"].step is D.FOLLOW_UP


def test_consent_scenario_feedback_for_planning():
    """Does choosing planning in the no-consent scenario give the consent rule as feedback?"""
    fb = judge_next_step(scenario("no-consent-yet"), "계획 수립 및 계약")
    assert fb.status is Status.INCORRECT
    assert fb.summary.startswith("동의를 받기 전에는 계획을 세울 수 없습니다")


def test_goal_closure_without_evaluation_is_refused_in_the_scenario():
    """Does closing in the 'plan on track' scenario get the evaluation rule?"""
    fb = judge_next_step(scenario("plan-on-track"), D.CLOSURE)
    assert "평가해야 합니다" in fb.summary


def test_closing_with_no_reason_in_the_story():
    """When the story gives no reason to close, is 종결 refused for that?"""
    fb = judge_next_step(scenario("first-visit"), "종결")
    assert fb.summary == "이 상황에는 사례를 마칠 사유가 없습니다."


@pytest.mark.parametrize("blank", [None, "", "  ", "— 고르세요 —"])
def test_blank_choice_is_unanswered_with_the_hint(blank):
    """Is an empty choice 'unanswered' (not an error), carrying the scenario's hint?"""
    item = scenario("job-lost")
    fb = judge_next_step(item, blank)
    assert fb.status is Status.UNANSWERED and fb.points == (item.hint,)


def test_dropdown_labels_are_accepted():
    """Is a numbered dropdown label like '2. 욕구(재)사정' read as its step?"""
    assert judge_next_step(scenario("first-visit"), step_label(D.NEEDS_ASSESSMENT)).passed


def test_judge_refuses_bad_input():
    """Is a missing scenario or an unknown step refused in Korean?"""
    with pytest.raises(CaseworkError, match="NextStepScenario"):
        judge_next_step("job-lost", D.NEEDS_ASSESSMENT)
    with pytest.raises(CaseworkError, match="사례관리 단계"):
        judge_next_step(scenario("job-lost"), "다음 단계")


def test_unknown_scenario_lists_the_known_ones():
    """Is an unknown scenario id refused with the list of ids?"""
    with pytest.raises(CaseworkError, match="first-visit"):
        scenario("없는-상황")


# --------------------------------------------------------------------------- widget


def test_widget_routes_the_dropdown_to_the_judge():
    """Does picking a step and checking show that scenario's feedback in its own area?"""
    box = next_step_widget(only=["no-consent-yet", "job-lost"])
    assert [s.id for s in box.items] == ["no-consent-yet", "job-lost"]
    box.dropdowns[0].value = step_label(D.PLANNING_AND_CONTRACT)
    fb = box.check(0)
    assert fb.status is Status.INCORRECT
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


def test_scenario_is_frozen_data():
    """Can a scenario be built directly and not changed afterwards?"""
    item = NextStepScenario(id="x", title="t", story="s", step=D.MONITORING, expected=D.EVALUATION,
                            why="w", hint="h")
    assert judge_next_step(item, D.EVALUATION).passed
    with pytest.raises(AttributeError):
        item.step = D.CLOSURE  # type: ignore[misc]
    assert item.record().opened_on == date(2024, 3, 4)


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


@pytest.mark.parametrize("message, first", [
    ("규칙입니다. 고치는 방법입니다.", "규칙입니다."),
    ("한 문장뿐입니다.", "한 문장뿐입니다."),
    ("날짜 2024.3.4에 끝. 다음", "날짜 2024.3.4에 끝."),
])
def test_first_sentence_keeps_the_rule(message, first):
    """Is only the first sentence (the rule) kept from a library message?"""
    from casework.widgets.process import first_sentence

    assert first_sentence(message) == first
