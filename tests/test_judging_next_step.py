"""Tests for casework.judging.next_step: are next-step choices judged by the process rules,
without naming the step that fits before 풀이 보기?"""

from __future__ import annotations

import copy
from datetime import date

import pytest

from casework.closure import ClosureReason, decide_closure
from casework.errors import CaseworkError, InvalidTransition
from casework.judging.feedback import Level, Status
from casework.judging.next_step import explain_refusal, first_sentence, judge_next_step, step_label
from casework.process import STEP_ORDER, CaseRecord, DongStep, allowed_next_steps
from casework.scenario_models import NextStepScenario, next_step_scenarios, record_at, scenario

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
    (D.MONITORING, D.INTERVENTION, "앞 단계인 '개입'으로 되돌아갈 수 없습니다"),
    (D.PLANNING_AND_CONTRACT, D.NEEDS_ASSESSMENT, "욕구(재)사정으로 돌아가지 않습니다"),
    (D.FOLLOW_UP, D.CLOSURE, "이미 종결한 사례입니다"),
])
def test_each_rule_has_its_own_explanation(step, target, expected):
    """Does each kind of refused move get the rule that stops it?"""
    assert expected in explain_refusal(record_at(step), target)


def test_no_follow_up_after_death():
    """Is follow-up refused after a 사망 closure, with that reason?"""
    record = record_at(D.CLOSURE, closure="사망")
    assert explain_refusal(record, D.FOLLOW_UP) == "사망으로 종결한 사례에는 사후관리를 하지 않습니다(교재에는 없는 워크북의 규칙입니다)."


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


@pytest.mark.parametrize("choice", ["없는 단계", 10, None])
def test_explain_refusal_refuses_unknown_steps(choice):
    """Is an unknown step refused with Korean guidance?"""
    with pytest.raises(CaseworkError, match="단계"):
        explain_refusal(record_at(D.INTERVENTION), choice)


def test_a_step_may_be_named_numbered_or_labelled():
    """Is a step read from its name, its number or its dropdown label alike?"""
    record = record_at(D.DISCOVERY_INTAKE)
    assert explain_refusal(record, 5) == explain_refusal(record, "개입") == explain_refusal(record, "5. 개입")


def test_a_skip_can_be_explained_without_naming_the_next_step():
    """With name_the_next=False, is a skip refused without naming the step that comes next?"""
    record = record_at(D.DISCOVERY_INTAKE)
    plain = explain_refusal(record, D.INTERVENTION, name_the_next=False)
    assert plain.startswith("단계를 건너뛸 수 없습니다") and "욕구(재)사정" not in plain
    assert "욕구(재)사정" in explain_refusal(record, D.INTERVENTION)


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
def test_every_other_choice_is_wrong_with_a_reason_the_hint_and_the_answer_kept_back(item):
    """Is every other step incorrect, with a specific reason, the scenario's hint at 힌트 and the step at 풀이?"""
    for target in STEP_ORDER:
        if target is item.expected:
            continue
        fb = judge_next_step(item, target)
        assert fb.status is Status.INCORRECT and fb.score == 0.0
        assert fb.summary and fb.hints[0] == item.hint
        assert fb.solution.startswith(step_label(item.expected))
        refusal = explain_refusal(item.record(), target, closing_reason=item.closing_reason, name_the_next=False)
        if refusal is not None:
            assert fb.summary == refusal
        elif target in item.tempting:
            assert fb.summary == item.tempting[target]
        if item.expected is not item.step:
            assert f"'{item.expected.value}'" not in fb.to_text(Level.HINT), (item.id, target)


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
    assert fb.status is Status.UNANSWERED and fb.hints[0] == item.hint


def test_dropdown_labels_are_accepted():
    """Is a numbered dropdown label like '2. 욕구(재)사정' read as its step?"""
    assert judge_next_step(scenario("first-visit"), step_label(D.NEEDS_ASSESSMENT)).passed


def test_judge_refuses_bad_input():
    """Is a missing scenario or an unknown step refused in Korean?"""
    with pytest.raises(CaseworkError, match="NextStepScenario"):
        judge_next_step("job-lost", D.NEEDS_ASSESSMENT)
    with pytest.raises(CaseworkError, match="보기에 없습니다"):
        judge_next_step(scenario("job-lost"), "다음 단계")


def test_unknown_scenario_lists_the_known_ones():
    """Is an unknown scenario id refused with the list of ids?"""
    with pytest.raises(CaseworkError, match="first-visit"):
        scenario("없는-상황")


def test_scenario_is_frozen_data():
    """Can a scenario be built directly and not changed afterwards?"""
    item = NextStepScenario(id="x", title="t", story="s", step=D.MONITORING, expected=D.EVALUATION,
                            why="w", hint="h")
    assert judge_next_step(item, D.EVALUATION).passed
    with pytest.raises(AttributeError):
        item.step = D.CLOSURE  # type: ignore[misc]
    assert item.record().opened_on == date(2024, 3, 4)


@pytest.mark.parametrize("message, first", [
    ("규칙입니다. 고치는 방법입니다.", "규칙입니다."),
    ("한 문장뿐입니다.", "한 문장뿐입니다."),
    ("날짜 2024.3.4에 끝. 다음", "날짜 2024.3.4에 끝."),
])
def test_first_sentence_keeps_the_rule(message, first):
    """Is only the first sentence (the rule) kept from a library message?"""
    assert first_sentence(message) == first
