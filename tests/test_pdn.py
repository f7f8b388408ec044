"""Tests for casework.pdn: the problem/demand/need table, its quiz and the need-or-demand rule.

The practice case, its plan and its log are fictional (김○○, 연습-2025-001).
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from casework import pdn
from casework.cases import Case, load_case
from casework.errors import CaseworkError
from casework.feedback import Status
from casework.goals import check_goal
from casework.judging.quiz import judge
from casework.monitoring import ReassessmentTrigger, reassessment_due, t_scores_over_time
from casework.quiz import CategorizeQuestion

EXAMPLES = ("sick_child", "low_grades", "no_living_money", "drinking_violence")


# --------------------------------------------------------------------------- columns and tables


def test_five_columns_in_textbook_order():
    """Are the five columns problem → demand → need → objective → services, each defined?"""
    assert [c.key for c in pdn.COLUMNS] == ["problem", "demand", "need", "objective", "services"]
    assert [c.label for c in pdn.COLUMNS] == [
        "(제시된) 문제", "요구·바램", "욕구", "(합의된) 개입목적·목표", "서비스 계획",
    ]
    for column in pdn.COLUMNS:
        assert column.definition.endswith(".") and len(column.definition) > 40


def test_column_definitions_keep_the_textbook_facts():
    """Do the definitions carry the textbook's key facts (gap, means, some or all needs)?"""
    by_key = {c.key: c for c in pdn.COLUMNS}
    assert "자원이나 서비스" in by_key["demand"].definition
    assert "차이" in by_key["need"].definition or "틈" in by_key["need"].definition
    assert "일부만" in by_key["objective"].definition
    assert "걸림돌" in by_key["services"].definition
    assert "당사자의 역량" in by_key["services"].definition


def test_columns_table_renders_all_five():
    """Does the columns table show each label in HTML and in text?"""
    table = pdn.columns_table()
    for column in pdn.COLUMNS:
        assert column.label in table.html and column.label in str(table)
    assert table._repr_html_() == table.html


@pytest.mark.parametrize("case_id", EXAMPLES)
def test_chain_table_shows_every_part_of_the_chain(case_id):
    """Does the chain table show the quote, each demand, need, objective and service of the case?"""
    case = load_case(case_id)
    table = pdn.chain_table(case)
    chain = case.chains[0]
    text = str(table)
    for piece in [chain.problem, *chain.demands, *(n.text for n in chain.needs),
                  *(o.objective for o in chain.objectives), *chain.services]:
        assert piece in text
    assert case.source in text
    assert "<table" in table.html


def test_chain_table_escapes_html():
    """Is text from a case file escaped, so '<b>' in a case cannot break the page?"""
    data = load_case("sick_child").model_dump(mode="json")
    data["chains"][0]["problem"] = "<b>위험</b> & 걱정"
    table = pdn.chain_table(Case.model_validate(data))
    assert "&lt;b&gt;위험&lt;/b&gt; &amp; 걱정" in table.html
    assert "<b>위험</b>" not in table.html


def test_plan_table_shows_only_objectives_and_services():
    """Does the plan table (shown after the quiz) hide demands and needs?"""
    case = load_case("low_grades")
    table = pdn.plan_table(case)
    assert "몇 개월 안에 평균 성적이 지금보다 30% 오름" in str(table)
    assert "학원비 지원" in str(table)
    assert "학원비 좀 지원해주세요." not in str(table)
    assert "자존감 회복의 욕구" not in str(table)


def test_tables_accept_a_case_id():
    """Can a table be made from the case id as well as from a Case?"""
    assert str(pdn.chain_table("sick_child")) == str(pdn.chain_table(load_case("sick_child")))


@pytest.mark.parametrize("bad", [None, 3, ["sick_child"]])
def test_tables_refuse_non_cases(bad):
    """Is anything but a Case or an id refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="사례"):
        pdn.chain_table(bad)


def test_case_without_chains_is_refused():
    """Does a case with no chains get a message naming the worked examples to use instead?"""
    data = load_case("sick_child").model_dump(mode="json")
    data["chains"] = []
    bare = Case.model_validate(data)
    with pytest.raises(CaseworkError, match="sick_child"):
        pdn.categorize_question(bare)
    with pytest.raises(CaseworkError, match="chains"):
        pdn.chain_table(bare)
    with pytest.raises(CaseworkError, match="chains"):
        pdn.plan_table(bare)


def test_unknown_case_id_is_refused():
    """Is an unknown case id refused (by load_case) rather than building an empty quiz?"""
    with pytest.raises(CaseworkError, match="사례가 없습니다"):
        pdn.categorize_question("no_such_case")


def test_key_value_table_refuses_malformed_rows():
    """Is a row that is not ('제목', ['내용']) refused?"""
    with pytest.raises(CaseworkError, match="꼴이어야"):
        pdn.key_value_table("표", [("제목", "내용이 목록이 아님")])
    with pytest.raises(CaseworkError, match="제목"):
        pdn.key_value_table(3, [])


# --------------------------------------------------------------------------- the sorting quiz


@pytest.mark.parametrize("case_id", EXAMPLES)
def test_quiz_is_built_from_the_case_chains(case_id):
    """Does every quote/problem go to 문제, demand to 요구·바램, need to 욕구 — straight from the file?"""
    case = load_case(case_id)
    question = pdn.categorize_question(case)
    assert isinstance(question, CategorizeQuestion)
    assert question.categories == ["문제", "요구·바램", "욕구"]
    assert question.id == f"pdn-{case_id}"
    by_text = {item.text: item.category for item in question.items}
    chain = case.chains[0]
    assert by_text[chain.problem_quote] == "문제"
    assert by_text[chain.problem] == "문제"
    for demand in chain.demands:
        assert by_text[demand] == "요구·바램"
    for need in chain.needs:
        assert by_text[pdn.strip_need_word(need.text)] == "욕구"
    assert len(question.items) == 2 + len(chain.demands) + len(chain.needs)


def test_need_word_is_hidden_by_default_and_can_be_kept():
    """Is '욕구' dropped from need texts unless hide_need_word=False?"""
    hidden = {i.text for i in pdn.categorize_question("sick_child").items}
    kept = {i.text for i in pdn.categorize_question("sick_child", hide_need_word=False).items}
    assert "건강회복" in hidden and "건강회복의 욕구" not in hidden
    assert "건강회복의 욕구" in kept


@pytest.mark.parametrize("text,expected", [
    ("건강회복의 욕구", "건강회복"),
    ("부부간 신뢰관계의 회복욕구", "부부간 신뢰관계의 회복"),
    ("(자녀의) 안전확보의 욕구", "(자녀의) 안전확보"),
    ("욕구", "욕구"),
    ("학업능력향상", "학업능력향상"),
])
def test_strip_need_word(text, expected):
    """Is only the trailing word 욕구 (with 의) removed, and a bare '욕구' left alone?"""
    assert pdn.strip_need_word(text) == expected


def test_strip_need_word_refuses_non_text():
    """Is a non-string need refused?"""
    with pytest.raises(CaseworkError):
        pdn.strip_need_word(None)


def test_right_answers_pass_and_a_wrong_one_explains_itself():
    """Does sorting by the file pass, and does a demand put under 욕구 hear what 욕구 holds (not the answer)?"""
    question = pdn.categorize_question("sick_child")
    answer = {item.text: item.category for item in question.items}
    assert judge(question, answer).passed
    answer["병원비 좀 지원해 주세요."] = "욕구"
    feedback = judge(question, answer)
    assert feedback.status is Status.PARTIAL
    point = next(p for p in feedback.points if "병원비 좀" in p)
    assert pdn.category_meaning("욕구") in point and "요구·바램" not in point
    assert "'지원'" in feedback.solution and "'주세요'" in feedback.solution


def test_need_put_under_problem_gets_the_problem_definition():
    """Does a need sorted as 문제 hear what the 문제 column holds, and the need definition only at 풀이?"""
    question = pdn.categorize_question("drinking_violence")
    feedback = judge(question, {"(자녀의) 안전확보": "문제"})
    point = next(p for p in feedback.points if "안전확보" in p)
    assert pdn.category_meaning("문제") in point and "채워져야 할 필요성" not in point
    assert "채워져야 할 필요성" in feedback.solution


def test_same_words_in_two_columns_are_refused():
    """Is a case whose demand repeats its problem word for word refused as ambiguous?"""
    data = load_case("sick_child").model_dump(mode="json")
    data["chains"][0]["demands"].append(data["chains"][0]["problem"])
    with pytest.raises(CaseworkError, match="문제 칸과 요구·바램 칸"):
        pdn.categorize_question(Case.model_validate(data))


def test_same_words_twice_in_one_column_are_asked_once():
    """Is a demand written twice asked only once (no duplicate dropdown)?"""
    data = load_case("sick_child").model_dump(mode="json")
    data["chains"][0]["demands"].append("병원비 좀 지원해 주세요.")
    texts = [i.text for i in pdn.categorize_question(Case.model_validate(data)).items]
    assert texts.count("병원비 좀 지원해 주세요.") == 1


def test_hide_need_word_must_be_bool():
    """Is a non-bool hide_need_word refused?"""
    with pytest.raises(CaseworkError, match="True 또는 False"):
        pdn.categorize_question("sick_child", hide_need_word="yes")


# --------------------------------------------------------------------------- need or demand

K = pdn.StatementKind

# (statement, expected kind): the table the heuristic is tuned on.
STATEMENTS = [
    # the textbook's needs
    ("건강회복의 욕구", K.NEED),
    ("정상발달의 욕구", K.NEED),
    ("자존감 회복의 욕구", K.NEED),
    ("학업능력향상의 욕구", K.NEED),
    ("부부간 신뢰관계의 회복욕구", K.NEED),
    ("평등한 부부관계 회복욕구", K.NEED),
    ("안정적 결혼생활의 욕구", K.NEED),
    ("(남편의) 건강회복의 욕구", K.NEED),
    ("(자녀의) 안전확보의 욕구", K.NEED),
    # needs a learner might write
    ("손녀의 학교생활 적응의 욕구", K.NEED),
    ("할머니의 양육 역량 강화", K.NEED),
    ("정서적 안정이 필요함", K.NEED),
    ("또래관계 형성의 필요성", K.NEED),
    # the textbook's requests
    ("병원비 좀 지원해 주세요", K.DEMAND),
    ("학원비 좀 지원해주세요", K.DEMAND),
    ("일자리 좀 소개해 주세요", K.DEMAND),
    ("이혼 할 수 있게 도와주세요", K.DEMAND),
    # demands dressed as needs
    ("병원비 지원의 욕구", K.DEMAND),
    ("경제적 지원 욕구", K.DEMAND),
    ("심리상담 서비스를 받고 싶다", K.DEMAND),
    ("돌봄 서비스가 필요하다", K.DEMAND),
    ("학습지를 넣어 달라고 함", K.DEMAND),
    ("도시락을 받았으면 좋겠어요", K.DEMAND),
    ("후원금이 필요해요", K.DEMAND),
    ("학원에 보내고 싶다", K.DEMAND),
    ("치료비 걱정 없이 병원에 가고 싶어요", K.DEMAND),
    # the problem restated
    ("손녀가 학교에 안 가요", K.UNCLEAR),
    ("아이가 자주 아파요", K.UNCLEAR),
    ("남편이 술을 마신다", K.UNCLEAR),
    # near misses: '달라지다' is not '달라고'
    ("생활이 달라지기를 기대하는 자립의 욕구", K.NEED),
]


@pytest.mark.parametrize("text,expected", STATEMENTS, ids=[s for s, _ in STATEMENTS])
def test_read_statement_table(text, expected):
    """Does the heuristic read each statement in the table as expected?"""
    assert pdn.read_statement(text).kind is expected


def test_reading_names_the_words_it_used():
    """Does the reading report the request and means words that decided it?"""
    reading = pdn.read_statement("병원비 좀 지원해 주세요")
    assert reading.requests == ("주세요",)
    assert reading.means == ("병원비", "지원")
    assert pdn.read_statement("건강회복의 욕구").need_words == ("회복", "욕구")


@pytest.mark.parametrize("bad", [None, 3, ["욕구"]])
def test_read_statement_refuses_non_text(bad):
    """Is a non-string refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="글자"):
        pdn.read_statement(bad)


def test_read_statement_refuses_blank():
    """Is a blank statement refused (read_statement has no 'unanswered')?"""
    with pytest.raises(CaseworkError, match="비어"):
        pdn.read_statement("   ")


# --------------------------------------------------------------------------- the fifth case


def test_practice_case_is_marked_fictional_and_valid():
    """Is the fifth case a valid Case, marked as practice data and not from the textbook?"""
    case = pdn.practice_case()
    assert isinstance(case, Case)
    assert case.practice_data is not None and "가상" in case.practice_data.note
    assert all(chain.practice_data for chain in case.chains)
    assert "교재에 없음" in case.source
    assert case.id not in [c for c in ("sick_child", "low_grades")]


def test_practice_case_feeds_the_same_tools():
    """Do the quiz and the tables work on the practice case like on the textbook's?"""
    case = pdn.practice_case()
    question = pdn.categorize_question(case)
    assert {"학습지 좀 넣어 주세요.", "돌봄 서비스 받고 싶어요."} <= {i.text for i in question.items}
    assert "학교사회복지사" in str(pdn.chain_table(case))


def test_practice_demands_and_needs_read_as_such():
    """Are the practice case's request demands read as demands and its needs as needs?"""
    chain = pdn.practice_case().chains[0]
    assert pdn.read_statement("학습지 좀 넣어 주세요.").kind is K.DEMAND
    assert pdn.read_statement("돌봄 서비스 받고 싶어요.").kind is K.DEMAND
    for need in chain.needs:
        assert pdn.read_statement(need.text).kind is K.NEED


def test_practice_objectives_pass_the_goal_checks():
    """Do the model objectives of the practice case show none of the seven mistakes?"""
    for objective in pdn.practice_case().chains[0].objectives:
        assert check_goal(objective.objective) == []


def test_practice_plan_has_one_item_per_objective():
    """Does the practice plan have three items whose ③ objectives are the case's objectives?"""
    plan = pdn.practice_service_plan()
    objectives = [o.objective for o in pdn.practice_case().chains[0].objectives]
    assert [item.objective for item in plan.items] == objectives
    assert [item.priority for item in plan.items] == [1, 2, 3]
    assert plan.consent_from == date(2025, 3, 3)
    assert "2025년 3월 3일부터" in plan.consent_text()


def test_practice_log_has_three_goals_over_six_months():
    """Does the log hold six monthly entries scoring the three goals?"""
    log = pdn.practice_monitoring_log()
    assert len(log) == 6
    assert log.goals == pdn.PRACTICE_GOALS
    assert [e.on.month for e in log.entries] == [4, 5, 6, 7, 8, 9]
    assert all(set(e.goal_levels) == set(pdn.PRACTICE_GOALS) for e in log.entries)


def test_practice_log_rises_and_calls_for_reassessment_in_july():
    """Does the T score rise from below to above 50, with a needs change in July?"""
    log = pdn.practice_monitoring_log()
    scores = [t for _, t in t_scores_over_time(log)]
    assert scores[0] < 40 and scores[-1] > 55
    assert scores == sorted(scores)
    reasons = reassessment_due(log.plan_start, date(2025, 9, 1), log)
    assert [r.trigger for r in reasons] == [ReassessmentTrigger.NEEDS_CHANGED]
    assert reasons[0].on == date(2025, 7, 1)


def test_practice_log_is_a_fresh_copy():
    """Does each call give a new log, so adding to one does not change the next?"""
    first = pdn.practice_monitoring_log()
    first.add(type(first.entries[0])(on=date(2025, 10, 1), method="가정방문·상담"))
    assert len(pdn.practice_monitoring_log()) == 6


def test_importing_pdn_loads_no_widget_or_plot_library():
    """Does `import casework.pdn` stay a core module (no ipywidgets, matplotlib, IPython)?"""
    code = (
        "import sys, casework.pdn; "
        "bad = [m for m in ('ipywidgets', 'matplotlib', 'IPython') if m in sys.modules]; "
        "assert not bad, bad; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


# --------------------------------------------------------------------------- chapter 06 quiz


def test_ch06_quiz_loads_and_matches_the_columns():
    """Does the ch06 quiz load, pair each column label once, and explain every sorted item?"""
    from casework.quiz import load_quiz

    ch06 = load_quiz("ch06")
    assert sorted(ch06.question("columns").choices) == sorted(c.label for c in pdn.COLUMNS)
    mixed = ch06.question("mixed")
    assert all(item.why for item in mixed.items)
    assert {item.category for item in mixed.items} == set(mixed.categories)
    # the demand/need items in the quiz agree with the heuristic
    for item in mixed.items:
        if item.category == "요구·바램" and "주세요" in item.text:
            assert pdn.read_statement(item.text).kind is K.DEMAND
        if item.category == "욕구":
            assert pdn.read_statement(item.text).kind is K.NEED
