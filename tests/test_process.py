"""Tests for casework.process: the three models, their mapping, participants, the case record."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from casework.closure import ClosureReason, decide_closure
from casework.errors import CaseworkError, InvalidTransition
from casework.process import (
    CHART_MARKS,
    DONG_TO_FIVE,
    DONG_TO_ROTHMAN,
    FIVE_TO_DONG,
    LOOP_BACK_FROM,
    PARTICIPANTS,
    REINTERVENTION_STEPS,
    ROTHMAN_TO_DONG,
    STEP_ORDER,
    CaseRecord,
    DongStep,
    FiveStage,
    Participant,
    ProcessModel,
    RothmanStage,
    SubTask,
    Transition,
    allowed_next_steps,
    chart_marks,
    map_stage,
    next_step,
    participants,
)

D = DongStep
P = Participant
START = date(2024, 3, 4)


def day(n: int) -> date:
    return START + timedelta(days=n)


def goal_met(on: date):
    return decide_closure("목표 달성", on, decided_with_person=True, goals_reviewed=True)


def record_at(step: DongStep) -> CaseRecord:
    """A record walked legally to ``step`` (before 종결): day(n) for the n-th move, consent
    recorded on the day of the move to planning."""
    record = CaseRecord("연습-01", START)
    for n, target in enumerate(STEP_ORDER[1:step.order], start=1):
        if target is D.PLANNING_AND_CONTRACT:
            record.record_consent(day(n))
        record.advance(target, day(n))
    return record


def closed_record() -> CaseRecord:
    record = record_at(D.EVALUATION)
    record.close(goal_met(day(20)))
    return record


# --------------------------------------------------------------------------- the models


def test_rothman_has_six_stages_in_order():
    """Are Rothman's six stages the seed's labels in the seed's order?"""
    assert [s.value for s in RothmanStage] == [
        "접수", "사정", "목표설정과 개입계획 수립", "계획 이행", "모니터링과 재사정", "종결",
    ]


def test_five_stage_model_keeps_english_names_and_the_source_word():
    """Do the five stages keep their English names, with 폐쇄 as the source's own label?"""
    assert [s.value for s in FiveStage] == [
        "사례 발견 및 평가", "계획 수립", "서비스 연결", "모니터링 및 조정", "평가 및 종결",
    ]
    assert [s.english for s in FiveStage] == [
        "Intake and Assessment", "Planning", "Linking", "Monitoring and Coordination",
        "Evaluation and Closure",
    ]
    assert FiveStage.EVALUATION_AND_CLOSURE.source_label == "평가 및 폐쇄"
    assert FiveStage.LINKING.source_label == "서비스 연결"


def test_dong_flow_has_nine_steps_in_chart_order_with_subtasks():
    """Is the 동 flow the chart's nine steps in order, with its two pairs of sub-tasks?"""
    assert [s.value for s in STEP_ORDER] == [
        "발굴/접수/초기상담", "욕구(재)사정", "대상자 선정 및 동의 확보", "계획 수립 및 계약",
        "개입", "점검", "평가", "종결", "사후관리",
    ]
    assert [s.order for s in STEP_ORDER] == list(range(1, 10))
    assert D.NEEDS_ASSESSMENT.subtasks == (SubTask.FUNCTIONAL_ASSESSMENT, SubTask.ASSESSMENT)
    assert D.INTERVENTION.subtasks == (SubTask.DIRECT_PRACTICE, SubTask.INDIRECT_PRACTICE)
    assert D.MONITORING.subtasks == ()
    assert SubTask.INDIRECT_PRACTICE.step is D.INTERVENTION


def test_every_stage_has_its_own_korean_description():
    """Does every stage of every model have a distinct, non-empty description?"""
    for enum in (RothmanStage, FiveStage, DongStep):
        texts = [s.description for s in enum]
        assert all(texts) and len(set(texts)) == len(texts)


@pytest.mark.parametrize(
    "enum, label, expected",
    [
        (DongStep, "대상자선정 및 동의 확보", D.SELECTION_AND_CONSENT),
        (DongStep, "monitoring", D.MONITORING),
        (DongStep, "  점검 ", D.MONITORING),
        (RothmanStage, "목표설정과 개입 계획 수립", RothmanStage.GOALS_AND_PLANNING),
        (FiveStage, "평가 및 폐쇄", FiveStage.EVALUATION_AND_CLOSURE),
        (FiveStage, "Linking", FiveStage.LINKING),
        (ProcessModel, "rothman", ProcessModel.ROTHMAN),
        (ProcessModel, "동 단위", ProcessModel.DONG),
    ],
)
def test_parse_accepts_korean_labels_and_english_names(enum, label, expected):
    """Does each parse accept its Korean label (spaces ignored), English name or alias?"""
    assert enum.parse(label) is expected


@pytest.mark.parametrize("enum", [DongStep, RothmanStage, FiveStage, ProcessModel])
@pytest.mark.parametrize("bad", ["상담", "", None])
def test_parse_refuses_unknown_names_listing_allowed(enum, bad):
    """Is an unknown name refused with a message listing the allowed labels?"""
    with pytest.raises(CaseworkError) as info:
        enum.parse(bad)
    assert "다음 중 하나" in str(info.value)
    assert all(m.value in str(info.value) for m in enum)


# --------------------------------------------------------------------------- participants


def test_case_manager_takes_part_in_every_step():
    """Is the 사례관리자 listed at every step of the flow?"""
    assert all(P.CASE_MANAGER in participants(s) for s in STEP_ORDER)
    assert set(PARTICIPANTS) == set(STEP_ORDER)


def test_meetings_sit_where_the_chart_puts_them():
    """Are 사례회의 at selection and evaluation, 통합사례회의 at planning and monitoring only?"""
    case_meeting = {s for s in STEP_ORDER if P.CASE_MEETING in participants(s)}
    integrated = {s for s in STEP_ORDER if P.INTEGRATED_CASE_MEETING in participants(s)}
    assert case_meeting == {D.SELECTION_AND_CONSENT, D.EVALUATION}
    assert integrated == {D.PLANNING_AND_CONTRACT, D.MONITORING}


def test_team_leader_sits_in_exactly_where_a_meeting_is_held():
    """Is the 팀장·슈퍼바이저 present exactly at the steps with a meeting?"""
    with_meeting = {s for s in STEP_ORDER if any(p.is_meeting for p in participants(s))}
    with_leader = {s for s in STEP_ORDER if P.TEAM_LEADER in participants(s)}
    assert with_leader == with_meeting


def test_support_systems_and_person_by_step():
    """Are 내부 지원체계 only in 개입, 외부 in 개입 and 점검, and the person at the chart's marks?"""
    assert {s for s in STEP_ORDER if P.INTERNAL_SUPPORT in participants(s)} == {D.INTERVENTION}
    assert {s for s in STEP_ORDER if P.EXTERNAL_SUPPORT in participants(s)} == {
        D.INTERVENTION, D.MONITORING,
    }
    for step in (D.PLANNING_AND_CONTRACT, D.MONITORING, D.EVALUATION, D.SELECTION_AND_CONSENT,
                 D.INTERVENTION, D.CLOSURE):
        assert P.PERSON in participants(step)


def test_subtask_participants_split_direct_and_indirect_practice():
    """Does 간접실천 bring in the support systems while 직접실천 is person and manager?"""
    assert participants("간접실천") == (
        P.CASE_MANAGER, P.INTERNAL_SUPPORT, P.EXTERNAL_SUPPORT,
    )
    assert participants(SubTask.DIRECT_PRACTICE) == (P.PERSON, P.CASE_MANAGER)
    assert P.INTERNAL_SUPPORT not in participants(SubTask.DIRECT_PRACTICE)


def test_chart_marks_are_the_literal_reading():
    """Do chart_marks give only what the chart marks, and is each mark in the reading too?"""
    assert chart_marks("평가") == (P.PERSON, P.CASE_MEETING)
    assert chart_marks(D.CLOSURE) == ()
    assert chart_marks("간접실천") == (P.INTERNAL_SUPPORT,)
    for where, marks in CHART_MARKS.items():
        assert set(marks) <= set(participants(where))


def test_participants_refuses_unknown_step():
    """Is an unknown step refused with steps and sub-tasks listed?"""
    with pytest.raises(CaseworkError) as info:
        participants("회의")
    assert "사후관리" in str(info.value) and "간접실천" in str(info.value)
    with pytest.raises(CaseworkError):
        chart_marks(42)


# --------------------------------------------------------------------------- mapping


def test_each_dong_step_maps_to_exactly_one_stage_in_each_model():
    """Does every 동 step appear exactly once in each mapping, in process order?"""
    for mapping in (ROTHMAN_TO_DONG, FIVE_TO_DONG):
        flattened = [s for steps in mapping.values() for s in steps]
        assert flattened == list(STEP_ORDER)
    assert set(DONG_TO_ROTHMAN) == set(STEP_ORDER) == set(DONG_TO_FIVE)


def test_explicit_mapping_choices():
    """Are the workbook's mapping choices the documented ones?"""
    assert ROTHMAN_TO_DONG[RothmanStage.ASSESSMENT] == (D.NEEDS_ASSESSMENT, D.SELECTION_AND_CONSENT)
    assert ROTHMAN_TO_DONG[RothmanStage.MONITORING_AND_REASSESSMENT] == (D.MONITORING,)
    assert ROTHMAN_TO_DONG[RothmanStage.CLOSURE] == (D.EVALUATION, D.CLOSURE, D.FOLLOW_UP)
    assert FIVE_TO_DONG[FiveStage.LINKING] == (D.INTERVENTION,)
    assert FIVE_TO_DONG[FiveStage.INTAKE_AND_ASSESSMENT] == (
        D.DISCOVERY_INTAKE, D.NEEDS_ASSESSMENT, D.SELECTION_AND_CONSENT,
    )


@pytest.mark.parametrize(
    "stage, to_model, kwargs, expected",
    [
        (RothmanStage.IMPLEMENTATION, "동 단위", {}, (D.INTERVENTION,)),
        ("계획 이행", ProcessModel.FIVE_STAGE, {}, (FiveStage.LINKING,)),
        ("사례 발견 및 평가", "Rothman", {}, (RothmanStage.INTAKE, RothmanStage.ASSESSMENT)),
        ("평가 및 폐쇄", "rothman", {}, (RothmanStage.CLOSURE,)),
        ("접수", "5단계", {}, (FiveStage.INTAKE_AND_ASSESSMENT,)),
        ("점검", "rothman", {}, (RothmanStage.MONITORING_AND_REASSESSMENT,)),
        (D.SELECTION_AND_CONSENT, "5단계", {}, (FiveStage.INTAKE_AND_ASSESSMENT,)),
        ("종결", "5단계", {"from_model": "동 단위"}, (FiveStage.EVALUATION_AND_CLOSURE,)),
        ("종결", "동 단위", {"from_model": "rothman"}, (D.EVALUATION, D.CLOSURE, D.FOLLOW_UP)),
        (FiveStage.PLANNING, "5단계", {}, (FiveStage.PLANNING,)),
    ],
)
def test_map_stage(stage, to_model, kwargs, expected):
    """Does map_stage give the corresponding stages of the target model, in order?"""
    assert map_stage(stage, to_model, **kwargs) == expected


def test_map_stage_refuses_ambiguous_unknown_and_mismatched_input():
    """Are an ambiguous label, an unknown stage or model, and a wrong from_model refused?"""
    with pytest.raises(CaseworkError, match="from_model"):
        map_stage("종결", "5단계")
    with pytest.raises(CaseworkError, match="어느 모형"):
        map_stage("상담", "5단계")
    with pytest.raises(CaseworkError, match="사례관리 과정 모형"):
        map_stage("접수", "7단계")
    with pytest.raises(CaseworkError, match="아닙니다"):
        map_stage(RothmanStage.INTAKE, "동 단위", from_model="5단계")
    with pytest.raises(CaseworkError, match="5단계 과정의 단계"):
        map_stage("접수", "동 단위", from_model="5단계")


def test_model_lists_its_stages():
    """Does each model list its own stages in order?"""
    assert ProcessModel.ROTHMAN.stages == tuple(RothmanStage)
    assert ProcessModel.DONG.stages == STEP_ORDER
    assert len(ProcessModel.FIVE_STAGE.stages) == 5


# --------------------------------------------------------------------------- record: legal paths


def test_new_record_starts_at_intake_with_an_opening_entry():
    """Does a new record start at 발굴/접수/초기상담 with one dated opening entry?"""
    record = CaseRecord("연습-01", START)
    assert record.step is D.DISCOVERY_INTAKE
    assert record.history == [Transition(START, None, D.DISCOVERY_INTAKE, "사례 개시")]
    assert record.consent_on is None and record.closure is None and not record.is_closed


def test_full_legal_path_through_every_step():
    """Can a case walk every step, close with a decision, follow up and finish?"""
    record = CaseRecord("연습-01", START)
    record.advance("욕구(재)사정", day(1))
    record.advance(D.SELECTION_AND_CONSENT, day(2))
    record.record_consent(day(3))
    record.advance("계획 수립 및 계약", day(4))
    record.advance("개입", day(5), note="주 1회 방문")
    record.advance("점검", day(30))
    record.advance("평가", day(60))
    record.close(goal_met(day(61)))
    record.start_follow_up(day(62))
    record.end_follow_up(day(200))
    assert [t.to_step for t in record.history] == list(STEP_ORDER)
    assert [t.from_step for t in record.history[1:]] == list(STEP_ORDER[:-1])
    assert record.consent_on == day(3)
    assert record.closure.reason is ClosureReason.GOAL_ACHIEVED
    assert record.history[4].note == "주 1회 방문"
    assert record.history[7].note == "종결 사유: 목표 달성"
    assert record.is_finished and record.last_on == day(200)


def test_same_day_moves_are_allowed():
    """May several steps be recorded on the same day?"""
    record = CaseRecord("연습-01", START)
    record.advance(D.NEEDS_ASSESSMENT, START)
    assert record.step is D.NEEDS_ASSESSMENT


def test_advance_to_follow_up_after_closing_works_like_start_follow_up():
    """Is advancing to 사후관리 after 종결 the same as start_follow_up?"""
    record = closed_record()
    record.advance("사후관리", day(21), note="1개월 재방문")
    assert record.step is D.FOLLOW_UP and record.history[-1].note == "1개월 재방문"


@pytest.mark.parametrize("from_step", [D.INTERVENTION, D.MONITORING, D.EVALUATION])
def test_loop_back_to_reassessment_with_a_reason(from_step):
    """Can 개입, 점검 or 평가 loop back to 욕구(재)사정 with the reason kept, consent intact?"""
    record = record_at(from_step)
    record.loop_back_to_reassessment(day(50), reason="  실직으로 경제 상황이 바뀜 ")
    assert record.step is D.NEEDS_ASSESSMENT
    assert record.history[-1] == Transition(
        day(50), from_step, D.NEEDS_ASSESSMENT, "실직으로 경제 상황이 바뀜"
    )
    assert record.consent_on is not None
    record.advance(D.SELECTION_AND_CONSENT, day(51))
    record.advance(D.PLANNING_AND_CONTRACT, day(52))
    assert record.step is D.PLANNING_AND_CONTRACT


def test_reintervention_from_follow_up_reopens_and_needs_new_consent():
    """Does re-intervention from 사후관리 clear the closure and require consent again?"""
    record = closed_record()
    record.start_follow_up(day(21))
    record.loop_back_to_reassessment(day(40), reason="어려움을 다시 호소함")
    assert record.step is D.NEEDS_ASSESSMENT
    assert record.closure is None and record.consent_on is None
    assert "재개입" in record.history[-1].note
    record.advance(D.SELECTION_AND_CONSENT, day(41))
    with pytest.raises(InvalidTransition, match="record_consent"):
        record.advance(D.PLANNING_AND_CONTRACT, day(42))
    record.record_consent(day(42))
    record.advance(D.PLANNING_AND_CONTRACT, day(42))


@pytest.mark.parametrize("at", [D.NEEDS_ASSESSMENT, D.SELECTION_AND_CONSENT])
def test_reintervention_before_planning_asks_consent_at_its_step(at):
    """Re-entering at 욕구(재)사정 or 대상자 선정 및 동의 확보: is consent taken again there?"""
    record = closed_record()
    record.start_follow_up(day(21))
    record.reintervene(day(40), at=at, reason="어려움을 다시 호소함")
    assert record.step is at and record.closure is None and record.consent_on is None
    with pytest.raises(InvalidTransition, match="consent_on"):
        closed = closed_record()
        closed.start_follow_up(day(21))
        closed.reintervene(day(40), at=at, reason="다시", consent_on=day(40))


@pytest.mark.parametrize("at", [D.PLANNING_AND_CONTRACT, D.INTERVENTION])
def test_reintervention_at_planning_or_intervention_needs_a_new_consent(at):
    """Re-entering at 계획 수립 및 계약 or 개입: is a new consent date required and kept?"""
    record = closed_record()
    record.start_follow_up(day(21))
    with pytest.raises(InvalidTransition, match="동의를 새로 받아야"):
        record.reintervene(day(40), at=at, reason="같은 서비스가 끊김")
    with pytest.raises(InvalidTransition, match="사이여야"):
        record.reintervene(day(40), at=at, reason="같은 서비스가 끊김", consent_on=day(41))
    record.reintervene(day(40), at=at, reason="같은 서비스가 끊김", consent_on=day(39))
    assert record.step is at and record.consent_on == day(39) and record.closure is None
    assert record.history[-1].note.startswith("재개입: 같은 서비스가 끊김")


@pytest.mark.parametrize("at", [D.DISCOVERY_INTAKE, D.MONITORING, D.EVALUATION, D.CLOSURE, "없는 단계"])
def test_reintervention_at_other_stages_or_outside_follow_up_is_refused(at):
    """Is re-entry refused at a stage that is not a re-entry point, and outside 사후관리?"""
    record = closed_record()
    record.start_follow_up(day(21))
    with pytest.raises(InvalidTransition):
        record.reintervene(day(40), at=at, reason="다시")
    with pytest.raises(InvalidTransition, match="사후관리 중에"):
        record_at(D.MONITORING).reintervene(day(60), at=D.INTERVENTION, reason="다시", consent_on=day(60))


@pytest.mark.parametrize("step", [D.DISCOVERY_INTAKE, D.NEEDS_ASSESSMENT, D.INTERVENTION])
@pytest.mark.parametrize("reason", ["사망", "장기간 연락두절"])
def test_early_closure_for_reasons_other_than_goals(step, reason):
    """May a case close before 평가 when the person died or cannot be reached?"""
    record = record_at(step)
    record.close(decide_closure(reason, day(30), decided_with_person=False))
    assert record.step is D.CLOSURE and record.closure.reason.value == reason


def test_early_closure_by_the_persons_wish():
    """May the person end the case at 점검 by their own wish?"""
    record = record_at(D.MONITORING)
    record.close(decide_closure("본인·보호자 의사", day(30), decided_with_person=True, note="본인 요청"))
    assert record.history[-1].note == "종결 사유: 본인·보호자 의사 — 본인 요청"


# --------------------------------------------------------------------------- case record: refusals


def test_planning_before_consent_is_refused():
    """Is 계획 수립 및 계약 refused until consent is recorded, saying how to record it?"""
    record = record_at(D.SELECTION_AND_CONSENT)
    with pytest.raises(InvalidTransition) as info:
        record.advance(D.PLANNING_AND_CONTRACT, day(10))
    assert "동의" in str(info.value) and "record_consent" in str(info.value)
    assert record.step is D.SELECTION_AND_CONSENT and len(record.history) == 3


def test_skipping_steps_is_refused_naming_the_next_step():
    """Is a jump over steps refused, naming the skipped steps and the right next one?"""
    record = CaseRecord("연습-01", START)
    with pytest.raises(InvalidTransition) as info:
        record.advance("계획 수립 및 계약", day(1))
    message = str(info.value)
    assert "건너뛸 수 없습니다" in message
    assert "먼저 '욕구(재)사정'으로 진행하세요" in message
    assert "대상자 선정 및 동의 확보" in message
    assert record.step is D.DISCOVERY_INTAKE


def test_moving_backwards_is_refused_and_points_to_the_loop():
    """Is advancing back to 욕구(재)사정 refused, pointing to loop_back_to_reassessment?"""
    record = record_at(D.MONITORING)
    with pytest.raises(InvalidTransition) as info:
        record.advance("욕구(재)사정", day(30))
    assert "되돌아갈 수 없습니다" in str(info.value)
    assert "loop_back_to_reassessment" in str(info.value)
    with pytest.raises(InvalidTransition, match="다음 단계는 '평가'"):
        record.advance("개입", day(30))


def test_advancing_to_the_current_step_is_refused():
    """Is advancing to the step the case is already at refused with the next step named?"""
    record = record_at(D.INTERVENTION)
    with pytest.raises(InvalidTransition, match=r"이미 '개입' 단계.*'점검'"):
        record.advance(D.INTERVENTION, day(30))


def test_closing_without_a_decision_is_refused():
    """Is closing via advance, or close() without a ClosureDecision, refused with the fix named?"""
    record = record_at(D.EVALUATION)
    with pytest.raises(InvalidTransition) as info:
        record.advance("종결", day(30))
    assert "decide_closure" in str(info.value) and "close" in str(info.value)
    for bad in (None, "목표 달성", ClosureReason.GOAL_ACHIEVED):
        with pytest.raises(InvalidTransition, match="종결 사유 없이"):
            record.close(bad)
    assert record.step is D.EVALUATION and record.closure is None


def test_goal_achieved_closure_before_evaluation_is_refused():
    """Is 목표 달성 refused before 평가 (no evaluation, no closure)?"""
    record = record_at(D.MONITORING)
    with pytest.raises(InvalidTransition) as info:
        record.close(goal_met(day(30)))
    assert "평가" in str(info.value) and "종결하지 말고" in str(info.value)
    assert record.step is D.MONITORING


def test_closing_twice_is_refused():
    """Is a second closure refused, pointing to follow-up?"""
    record = closed_record()
    with pytest.raises(InvalidTransition, match=r"이미 '목표 달성'.*start_follow_up"):
        record.close(goal_met(day(25)))


def test_follow_up_before_closing_is_refused():
    """Is follow-up refused before the case is closed, by either entry point?"""
    record = record_at(D.EVALUATION)
    with pytest.raises(InvalidTransition) as info:
        record.start_follow_up(day(30))
    assert "종결하기 전에는" in str(info.value) and "close" in str(info.value)
    with pytest.raises(InvalidTransition, match="종결하기 전에는"):
        record.advance("사후관리", day(30))
    with pytest.raises(InvalidTransition, match="start_follow_up"):
        record.end_follow_up(day(30))


def test_no_follow_up_after_death():
    """Is follow-up refused for a case closed because the person died?"""
    record = record_at(D.INTERVENTION)
    record.close(decide_closure("사망", day(30), decided_with_person=False))
    with pytest.raises(InvalidTransition, match="사망"):
        record.start_follow_up(day(31))
    assert next_step(record) is None and allowed_next_steps(record) == ()


def test_moves_after_follow_up_ended_are_refused():
    """Once follow-up has ended, is every further move refused with 'open a new case'?"""
    record = closed_record()
    record.start_follow_up(day(21))
    record.end_follow_up(day(100))
    attempts = [
        lambda: record.advance("사후관리", day(101)),
        lambda: record.loop_back_to_reassessment(day(101), reason="다시 어려움"),
        lambda: record.record_consent(day(101)),
        lambda: record.close(goal_met(day(101))),
        lambda: record.start_follow_up(day(101)),
        lambda: record.end_follow_up(day(101)),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidTransition, match="새 사례로 접수"):
            attempt()
    assert allowed_next_steps(record) == () and next_step(record) is None


def test_moves_after_closing_other_than_follow_up_are_refused():
    """After 종결, is advance refused with a pointer to start_follow_up, and the loop refused?"""
    record = closed_record()
    with pytest.raises(InvalidTransition, match="start_follow_up"):
        record.advance("개입", day(21))
    with pytest.raises(InvalidTransition, match="돌아갈 수 없습니다"):
        record.loop_back_to_reassessment(day(21), reason="상황 변화")


def test_advance_during_follow_up_is_refused_with_both_options():
    """During 사후관리, does advance name re-intervention and end_follow_up?"""
    record = closed_record()
    record.start_follow_up(day(21))
    with pytest.raises(InvalidTransition) as info:
        record.advance("욕구(재)사정", day(22))
    assert "loop_back_to_reassessment" in str(info.value) and "end_follow_up" in str(info.value)
    with pytest.raises(InvalidTransition, match="이미 사후관리 중"):
        record.start_follow_up(day(22))


def _consent_step_on(on: date) -> CaseRecord:
    record = CaseRecord("연습-01", START)
    record.advance(D.NEEDS_ASSESSMENT, on)
    record.advance(D.SELECTION_AND_CONSENT, on)
    return record


def _following_up() -> CaseRecord:
    record = closed_record()
    record.start_follow_up(day(21))
    return record


@pytest.mark.parametrize(
    "make, action",
    [
        (lambda: record_at(D.INTERVENTION), lambda r: r.advance(D.MONITORING, day(3))),
        (lambda: _consent_step_on(day(5)), lambda r: r.record_consent(day(4))),
        (lambda: record_at(D.INTERVENTION),
         lambda r: r.close(decide_closure("사망", day(3), decided_with_person=False))),
        (lambda: record_at(D.INTERVENTION),
         lambda r: r.loop_back_to_reassessment(day(3), reason="변화")),
        (closed_record, lambda r: r.start_follow_up(day(19))),
        (_following_up, lambda r: r.end_follow_up(day(20))),
    ],
    ids=["advance", "consent", "close", "loop", "start_follow_up", "end_follow_up"],
)
def test_a_date_earlier_than_the_last_entry_is_refused(make, action):
    """Is every kind of move dated before the last record refused, naming the last date?"""
    record = make()
    before = (list(record.history), record.consent_on, record.closure, record.follow_up_ended_on)
    with pytest.raises(InvalidTransition) as info:
        action(record)
    assert "보다 이릅니다" in str(info.value) and "이후의 날짜" in str(info.value)
    assert record.last_on.isoformat() in str(info.value)
    assert (list(record.history), record.consent_on, record.closure,
            record.follow_up_ended_on) == before


def test_consent_date_counts_as_the_last_entry():
    """Is a move dated before the recorded consent refused?"""
    record = _consent_step_on(day(2))
    record.record_consent(day(9))
    with pytest.raises(InvalidTransition, match=day(9).isoformat()):
        record.advance(D.PLANNING_AND_CONTRACT, day(5))


def test_consent_outside_its_step_or_twice_is_refused():
    """Is consent refused before 대상자 선정 및 동의 확보, and a second consent refused?"""
    record = CaseRecord("연습-01", START)
    with pytest.raises(InvalidTransition, match="대상자 선정 및 동의 확보' 단계에서 기록"):
        record.record_consent(day(1))
    record = _consent_step_on(day(1))
    record.record_consent(day(2))
    with pytest.raises(InvalidTransition, match=r"이미 .*기록되어.*계획 수립 및 계약"):
        record.record_consent(day(3))


@pytest.mark.parametrize("step", [D.DISCOVERY_INTAKE, D.NEEDS_ASSESSMENT, D.SELECTION_AND_CONSENT,
                                  D.PLANNING_AND_CONTRACT])
def test_loop_back_from_early_steps_is_refused(step):
    """Is the loop back refused before 개입, naming where it is allowed and what to do?"""
    record = record_at(step)
    with pytest.raises(InvalidTransition) as info:
        record.loop_back_to_reassessment(day(30), reason="상황 변화")
    message = str(info.value)
    assert "돌아갈 수 없습니다" in message and "개입, 점검, 평가, 사후관리" in message
    assert "진행하세요" in message


@pytest.mark.parametrize("reason", ["", "   ", None, 3])
def test_loop_back_needs_a_reason(reason):
    """Is the loop back refused without a written reason, with an example?"""
    record = record_at(D.MONITORING)
    with pytest.raises(InvalidTransition, match="이유를 적어"):
        record.loop_back_to_reassessment(day(30), reason=reason)
    assert record.step is D.MONITORING


@pytest.mark.parametrize("bad", ["상담", "사정", "", None, 7])
def test_unknown_step_names_are_refused(bad):
    """Is an unknown step name refused as InvalidTransition, listing the steps?"""
    record = CaseRecord("연습-01", START)
    with pytest.raises(InvalidTransition) as info:
        record.advance(bad, day(1))
    assert "알 수 없는 사례관리 단계" in str(info.value) and "사후관리" in str(info.value)


def test_record_refuses_bad_construction_and_bad_values():
    """Are an empty case id, a non-date and a non-text note refused?"""
    with pytest.raises(CaseworkError, match="case_id"):
        CaseRecord("  ", START)
    with pytest.raises(CaseworkError, match="날짜"):
        CaseRecord("연습-01", "2024-03-04")
    record = CaseRecord("연습-01", START)
    with pytest.raises(CaseworkError, match="날짜"):
        record.advance(D.NEEDS_ASSESSMENT, datetime(2024, 3, 5, 9, 0))
    with pytest.raises(CaseworkError, match="메모"):
        record.advance(D.NEEDS_ASSESSMENT, day(1), note=5)
    assert record.step is D.DISCOVERY_INTAKE


# --------------------------------------------------------------------------- next steps


@pytest.mark.parametrize("step", STEP_ORDER[:7])
def test_next_step_follows_the_flow(step):
    """Does next_step give the following step for every step up to 평가?"""
    assert next_step(record_at(step)) is STEP_ORDER[step.order]


def test_next_step_after_closing_and_during_follow_up():
    """Is 사후관리 next after 종결, and nothing next during 사후관리?"""
    record = closed_record()
    assert next_step(record) is D.FOLLOW_UP
    record.start_follow_up(day(21))
    assert next_step(record) is None


@pytest.mark.parametrize(
    "step, expected",
    [
        (D.DISCOVERY_INTAKE, (D.NEEDS_ASSESSMENT, D.CLOSURE)),
        (D.SELECTION_AND_CONSENT, (D.CLOSURE,)),
        (D.PLANNING_AND_CONTRACT, (D.INTERVENTION, D.CLOSURE)),
        (D.INTERVENTION, (D.NEEDS_ASSESSMENT, D.MONITORING, D.CLOSURE)),
        (D.EVALUATION, (D.NEEDS_ASSESSMENT, D.CLOSURE)),
    ],
)
def test_allowed_next_steps(step, expected):
    """Does allowed_next_steps list the loop, the next step (if consent allows) and 종결?"""
    assert allowed_next_steps(record_at(step)) == expected


def test_allowed_next_steps_after_consent_and_without_early_closure():
    """Does consent unlock planning, and can early closure be left out?"""
    record = _consent_step_on(day(1))
    record.record_consent(day(2))
    assert allowed_next_steps(record) == (D.PLANNING_AND_CONTRACT, D.CLOSURE)
    assert allowed_next_steps(record, include_early_closure=False) == (D.PLANNING_AND_CONTRACT,)
    assert allowed_next_steps(record_at(D.MONITORING), include_early_closure=False) == (
        D.NEEDS_ASSESSMENT, D.EVALUATION,
    )
    # At 평가, 종결 is the normal next step, not an early closure.
    assert allowed_next_steps(record_at(D.EVALUATION), include_early_closure=False) == (
        D.NEEDS_ASSESSMENT, D.CLOSURE,
    )


def test_allowed_next_steps_after_closing_and_in_follow_up():
    """After 종결 is only 사후관리 allowed, and during 사후관리 re-intervention at any re-entry stage?"""
    record = closed_record()
    assert allowed_next_steps(record) == (D.FOLLOW_UP,)
    record.start_follow_up(day(21))
    assert allowed_next_steps(record) == REINTERVENTION_STEPS
    assert set(LOOP_BACK_FROM) == {D.INTERVENTION, D.MONITORING, D.EVALUATION, D.FOLLOW_UP}


def test_next_step_functions_refuse_non_records():
    """Do next_step and allowed_next_steps refuse anything but a CaseRecord or a bad flag?"""
    with pytest.raises(CaseworkError, match="CaseRecord"):
        next_step("점검")
    with pytest.raises(CaseworkError, match="CaseRecord"):
        allowed_next_steps(None)
    with pytest.raises(CaseworkError, match="True 또는 False"):
        allowed_next_steps(CaseRecord("연습-01", START), include_early_closure="no")
