"""Tests for casework.conversation: the scripted client's reply rules, one test each, and whole interviews."""

from __future__ import annotations

import pytest

from casework.client import load_client
from casework.conversation import MAX_LINE, Interview, clean_line, read_line
from casework.listening import Principle
from casework.questions import QuestionMistake


@pytest.fixture(scope="module")
def elderly():
    return load_client("elderly_alone")


@pytest.fixture(scope="module")
def wife():
    return load_client("no_living_money")


def play(client, lines, seed=0) -> Interview:
    return Interview.replay(client, seed, lines)


def last(client, lines, seed=0):
    return play(client, lines, seed).turns[-1]


# --------------------------------------------------------------------------- reading a line


def test_a_check_back_is_listening_not_a_leading_question():
    """Is '~다는 말씀이시죠?' read as a listening response, without the leading/closed findings?"""
    reading = read_line("혼자 병원 다니시기가 제일 힘드시다는 말씀이시죠?")
    assert reading.listening and not reading.is_question
    assert QuestionMistake.LEADING not in reading.mistakes()
    plain = read_line("혼자 사시니까 외로우시죠?")
    assert plain.is_question and QuestionMistake.LEADING in plain.mistakes()


def test_lines_are_cleaned_of_control_characters_and_cut():
    """Are control and format characters removed and a line cut at MAX_LINE characters?"""
    assert clean_line("요즘\x00 어떻게\u202e 지내\tㅅ세요?\x1b[31m") == "요즘 어떻게 지내 ㅅ세요? [31m"
    assert len(clean_line("가" * (MAX_LINE * 3))) == MAX_LINE


# --------------------------------------------------------------------------- one test per reply rule


def test_open_general_question_gets_the_first_thing_on_the_mind(elderly):
    """Does an open question on no topic get the first fact the person volunteers?"""
    turn = last(elderly, ["요즘 어떻게 지내세요?"])
    assert (turn.rule, turn.facts) == ("open_general", ("hospital_alone",))
    assert "병원" in turn.reply


def test_open_question_on_a_topic_gets_the_first_untold_fact_on_it(elderly):
    """Does '식사는 어떻게 하세요?' tell the meals fact?"""
    turn = last(elderly, ["식사는 어떻게 하세요?"])
    assert (turn.rule, turn.facts) == ("open_topic", ("poor_meals",))


def test_closed_question_gets_the_short_reply_and_no_fact(elderly):
    """Does a yes/no question get the fact's short reply without telling the fact?"""
    turn = last(elderly, ["식사는 하세요?"])
    assert (turn.rule, turn.facts) == ("closed", ())
    assert turn.reply == elderly.fact("poor_meals").short
    assert QuestionMistake.CLOSED_WHEN_INFO_NEEDED in turn.mistakes


def test_leading_question_gets_agreement_and_no_fact(elderly):
    """Does a leading question get '네, 뭐… 그렇죠' style agreement and lower trust?"""
    turn = last(elderly, ["혼자 사시니까 많이 외로우시죠?"])
    assert (turn.rule, turn.facts) == ("agree", ())
    assert turn.reply in elderly.replies.agree
    assert turn.trust == elderly.trust.start + elderly.effect("leading")


def test_several_questions_get_a_short_answer_to_the_last_part_only(elderly):
    """Are several questions at once answered only briefly, about the last one?"""
    turn = last(elderly, ["식사는 어떻게 하시고, 이웃과는 어떻게 지내세요?"])
    assert turn.rule == "several" and turn.facts == ()
    assert turn.reply.endswith(elderly.fact("neighbours_distant").short)


def test_complex_question_confuses(elderly):
    """Does a question full of jargon get '무슨 말인지 어려워서' and no fact?"""
    turn = last(elderly, ["어르신의 지지체계와 자원 현황에 대해 말씀해 주시겠어요?"])
    assert (turn.rule, turn.facts) == ("confused", ())
    assert turn.reply in elderly.replies.confused


def test_why_question_makes_the_person_defensive_and_breaks_non_judgement(elderly):
    """Does '왜 … 안 가셨어요?' get a defensive reply, cost trust and break 비심판적 태도?"""
    turn = last(elderly, ["왜 그동안 병원에 안 가셨어요?"])
    assert turn.rule == "defensive" and turn.reply in elderly.replies.defensive
    assert Principle.NON_JUDGEMENTAL in turn.broken
    assert turn.trust == elderly.trust.start + elderly.effect("why")


BROKEN_PRINCIPLES = [
    # (lines said, reply rule, principle the last line breaks)
    pytest.param(["어르신이 게으르셔서 그래요."], "defensive", Principle.NON_JUDGEMENTAL, id="blame-defensive"),
    pytest.param(["병원에 꼭 가셔야 해요."], "lectured", Principle.SELF_DETERMINATION, id="directive-lecture"),
    pytest.param(["그러시면 안 돼요."], "lectured", Principle.ACCEPTANCE, id="disapproval-lecture"),
    pytest.param(["요즘 어떻게 지내세요?", "별일 아니에요."], "hurt", Principle.EXPRESSION_OF_FEELINGS,
                 id="dismissing-feelings-hurts"),
    pytest.param(["노인들은 다 그래요."], "hurt", Principle.INDIVIDUALISATION, id="stereotype-hurts"),
    pytest.param(["조카분께 다 말씀드릴게요."], "alarmed", Principle.CONFIDENTIALITY, id="telling-others-alarms"),
]


@pytest.mark.parametrize("lines, rule, principle", BROKEN_PRINCIPLES)
def test_a_line_that_breaks_a_principle_gets_its_reply(elderly, lines, rule, principle):
    """Does blaming, lecturing, dismissing, stereotyping or telling others get its reply and break its principle?"""
    turn = last(elderly, lines)
    assert turn.rule == rule and principle in turn.broken


def test_a_fitting_reflection_raises_trust_and_the_person_goes_on(elderly):
    """Does reflecting what was just said raise trust and bring the next fact unasked?"""
    interview = play(elderly, ["요즘 어떻게 지내세요?", "혼자 병원 다니시기가 많이 힘드셨군요."])
    turn = interview.turns[-1]
    assert turn.rule == "listening" and turn.listening and turn.facts == ("no_bus",)
    assert turn.trust == elderly.trust.start + elderly.effect("reflection")
    assert turn.reply.split(" ", 1)[0] in " ".join(elderly.replies.acknowledge)


def test_a_reflection_of_something_not_said_is_misheard(elderly):
    """Does a reflection about something the person did not say get '내가 그랬던가?' and no trust?"""
    turn = last(elderly, ["요즘 어떻게 지내세요?", "자녀분들과 사이가 안 좋으셨군요."])
    assert (turn.rule, turn.facts) == ("misheard", ())
    assert turn.trust == elderly.trust.start


def test_reflections_in_a_row_count_once(elderly):
    """Is only the first of two listening statements in a row rewarded?"""
    interview = play(elderly, ["요즘 어떻게 지내세요?", "많이 힘드셨겠어요.", "정말 힘드셨겠어요."])
    assert interview.turns[1].trust == interview.turns[2].trust


def test_greeting_and_plain_statement(elderly):
    """Is a greeting answered with a greeting and a plain statement with an acknowledgement?"""
    interview = play(elderly, ["안녕하세요, 동 주민센터 담당 주무관입니다.", "오늘 날씨가 참 좋네요."])
    assert [t.rule for t in interview.turns] == ["greeting", "statement"]
    assert all(t.facts == () for t in interview.turns)


def test_a_sensitive_fact_is_guarded_until_trust_allows(elderly):
    """Is the house kept back at first, then told after empathy raises trust?"""
    interview = play(elderly, ["집이나 땅 같은 재산 문제는 어떻게 하고 계세요?"])
    assert interview.turns[-1].rule == "guarded" and interview.turns[-1].facts == ()
    turn = interview.ask("그런 얘기는 꺼내기 어려우실 수 있어요. 많이 걱정되시겠어요.")
    assert "house_to_sell" in turn.facts


def test_low_trust_gives_short_answers_only(elderly):
    """After blame, does an open question get only a short answer?"""
    turn = last(elderly, ["왜 그동안 병원에 안 가셨어요?", "식사는 어떻게 하세요?"])
    assert turn.trust < elderly.trust.short_below
    assert (turn.rule, turn.facts) == ("low_trust", ())


def test_closing_down_ends_the_interview(elderly):
    """When trust reaches close_at, does the person ask to stop, and say nothing more after?"""
    interview = play(elderly, ["왜 병원에 안 가셨어요?", "왜 약을 안 드셨어요?", "식사는 어떻게 하세요?"])
    rules = [t.rule for t in interview.turns]
    assert rules == ["defensive", "closing", "gone"]
    assert interview.ended and interview.closed_down and interview.told == []
    assert "일어나려" in interview.manner


def test_already_told_and_nothing_here(elderly):
    """Is a topic already told answered '아까 얘기했잖아요', and one with no fact '별일 없어요'?"""
    interview = play(elderly, ["식사는 어떻게 하세요?", "반찬은 어떻게 해 드세요?", "예전에는 어떤 일을 하셨어요?"])
    assert [t.rule for t in interview.turns] == ["open_topic", "already_told", "nothing_here"]


def test_general_end_when_nothing_volunteered_is_left(wife):
    """When everything the person volunteers is told, does a general question get '더 말씀드릴 건 없는'?"""
    interview = play(wife, ["요즘 어떻게 지내세요?", "어떤 일로 오셨는지 더 들려주시겠어요?", "요즘 어떻게 지내세요?"])
    assert [t.rule for t in interview.turns] == ["open_general", "open_general", "general_end"]


def test_at_high_trust_a_fact_brings_the_next_one(elderly):
    """Above opens_up_at, does a told fact bring the fact in its 'then'?"""
    interview = play(elderly, ["요즘 어떻게 지내세요?", "혼자 병원 다니시기가 많이 힘드셨군요."])
    assert interview.trust >= elderly.trust.opens_up_at
    turn = interview.ask("댁에서는 어떻게 지내세요?")
    assert turn.facts == ("chronic_illness", "decline_ahead") or len(turn.facts) == 2


def test_questions_without_listening_tire_the_person(elderly):
    """Is the question after 'patience' questions in a row tiring (effect 'rapid', '자꾸 물어' prefix)?"""
    lines = ["식사는 어떻게 하세요?", "사시는 집은 어떠세요?", "이웃과는 어떻게 지내세요?", "연금은 어떻게 받으세요?",
             "가족은 어떻게 되세요?"]
    interview = play(elderly, lines)
    assert not any(name == "rapid" for t in interview.turns[:4] for name, _ in t.effects)
    assert any(name == "rapid" for name, _ in interview.turns[4].effects)
    assert interview.turns[4].reply.startswith(tuple(elderly.replies.tired))


def test_a_question_right_after_a_feeling_is_bad_timing(elderly):
    """Is a question straight after a reply full of feeling counted as asking at the wrong time?"""
    interview = play(elderly, ["가족은 어떻게 되세요?", "가족 이야기를 조금 더 들려주시겠어요?", "식사는 어떻게 하세요?"])
    assert interview.turns[1].facts == ("no_family_care",) and elderly.fact("no_family_care").feeling
    assert QuestionMistake.BAD_TIMING in interview.turns[2].mistakes
    kind = play(elderly, ["가족은 어떻게 되세요?", "가족 이야기를 조금 더 들려주시겠어요?",
                          "많이 서운하셨겠어요. 식사는 어떻게 하세요?"])
    assert QuestionMistake.BAD_TIMING not in kind.turns[2].mistakes


def test_an_unreadable_line_is_not_understood_and_costs_nothing(elderly):
    """Is a non-Korean line answered '못 알아듣겠어요' without changing trust?"""
    turn = last(elderly, ["print('hello'); import os"])
    assert turn.rule == "unreadable" and turn.trust == elderly.trust.start


def test_past_max_turns_the_person_leaves(elderly):
    """After max_turns lines, does the person leave?"""
    interview = play(elderly, ["요즘 어떻게 지내세요?", "많이 힘드셨겠어요."] * (elderly.max_turns // 2 + 1))
    assert interview.turns[elderly.max_turns].rule == "leaving" and interview.ended


# --------------------------------------------------------------------------- determinism and seeds


def test_same_seed_same_replies_and_another_seed_other_details(elderly, wife):
    """Do the same questions with the same seed give the same replies, and seeds vary the person?"""
    lines = list(elderly.model_interview)
    first, again = play(elderly, lines, 4), play(elderly, lines, 4)
    assert [t.reply for t in first.turns] == [t.reply for t in again.turns]
    assert [t.facts for t in first.turns] == [t.facts for t in again.turns]
    people = {play(wife, [], s).person.called for s in range(8)}
    assert len(people) >= 3
    replies = {" ".join(t.reply for t in play(elderly, ["가족은 어떻게 되세요?"], s).turns) for s in range(8)}
    assert len(replies) >= 2  # the years living alone vary


# --------------------------------------------------------------------------- whole interviews

GOOD_ELDERLY = [
    "어르신, 오늘 이렇게 와 주셔서 고맙습니다. 요즘 어떻게 지내시는지 들려주시겠어요?",
    "혼자 병원 다니시기가 많이 힘드셨군요.",
    "몸은 요즘 어떠세요?",
    "몸이 점점 안 좋아지셔서 많이 걱정되시겠어요.",
    "약값 때문에 그런 일까지 있으셨군요. 살림 형편은 어떠세요?",
    "한 달을 버티시느라 많이 빠듯하셨겠어요.",
    "집에서는 어떻게 지내세요?",
    "아파도 혼자 누워 계셔야 하니 많이 서운하셨겠어요.",
    "끼니는 어떻게 챙기세요?",
    "사시는 집은 어떠세요?",
    "씻으실 때마다 겁이 나셨겠어요.",
    "동네 분들과는 어떻게 지내세요?",
    "말할 사람이 없어 서글프셨군요.",
    "연금이나 수당은 어떻게 받고 계세요?",
    "오늘 하신 말씀은 허락 없이 다른 분께 알리지 않을게요. 앞으로 어떻게 지내고 싶으세요?",
]

GOOD_WIFE = [
    "어서 오세요. 오늘 어떤 일로 오셨는지 편하게 말씀해 주시겠어요?",
    "일자리를 찾고 계신다고요?",
    "집안 살림은 요즘 어떻게 하고 계세요?",
    "생활비를 받지 못하셔서 많이 답답하셨겠어요.",
    "늘 불안하셨겠어요. 남편분과는 요즘 어떻게 지내세요?",
    "돈 얘기만 나오면 다투셔서 많이 힘드셨겠어요.",
    "남편분과의 관계가 앞으로 어떻게 되기를 바라세요?",
    "헤어지고 싶은 게 아니라 잘 살고 싶으시다는 말씀이시군요.",
    "많이 무서우셨겠어요. 이런 이야기는 주로 누구와 나누세요?",
    "털어놓을 데가 없어 많이 외로우셨겠어요.",
    "오늘 하신 말씀은 허락 없이 남편분께 알리지 않을게요. 집에서 위험하다고 느낄 때는 어떻게 하세요?",
]

BLAMING = ["요즘 어떻게 지내세요?", "왜 그동안 주민센터에 한 번도 안 오셨어요?", "그러니까 일이 이렇게 커지죠.",
           "병원은 어떻게 다니세요?", "왜 약을 제때 안 드셨어요?", "식사는 어떻게 하세요?"]
LEADING = ["혼자 사시니까 많이 외로우시죠?", "자녀분들이 잘 안 찾아오시잖아요?", "돈이 많이 부족하시죠?",
           "병원비가 부담되시는 거 아니에요?", "식사도 잘 못 챙기시죠?", "집도 많이 낡았죠?",
           "당연히 도움이 필요하시겠죠?", "몸도 많이 안 좋으시죠?"]
RAPID = ["성함이 어떻게 되세요?", "연세는요?", "가족은 있으세요?", "자녀분은요?", "어디 아프신 데는 있으세요?",
         "병원은 어디 다니세요?", "약은 드세요?", "돈은 얼마나 있으세요?", "연금은 받으세요?", "식사는 하세요?",
         "집은 자가예요?", "이웃은 있으세요?", "식사는 하시고 약은 드시고 잠은 잘 주무세요?"]
WIFE_BAD = ["남편분이 생활비를 안 주신다고요? 왜 그렇게 사셨어요?", "일을 안 하시니까 그렇죠.",
            "그냥 참고 사세요. 다들 그렇게 살아요.", "남편분과는 어떻게 지내세요?", "일자리는 어떻게 구하고 계세요?"]


@pytest.mark.parametrize("client_id, lines", [("elderly_alone", GOOD_ELDERLY), ("no_living_money", GOOD_WIFE)])
@pytest.mark.parametrize("seed", [0, 7])
def test_a_good_interview_finds_most_facts_within_15_turns(client_id, lines, seed):
    """Open questions one at a time with reflections and no blame: ≥80 % of the facts within 15 turns?"""
    client = load_client(client_id)
    assert len(lines) <= 15
    interview = play(client, lines, seed)
    assert interview.found_share >= 0.8, [t.rule for t in interview.turns]
    assert not interview.ended
    assert not any(t.broken for t in interview.turns)
    assert sum(t.listening for t in interview.turns) >= len(lines) / 3


@pytest.mark.parametrize("client_id, lines", [
    ("elderly_alone", BLAMING), ("elderly_alone", LEADING), ("elderly_alone", RAPID), ("no_living_money", WIFE_BAD)])
def test_a_blaming_leading_or_rapid_fire_interview_finds_little_and_the_person_closes_down(client_id, lines):
    """Blame, leading questions or rapid fire: fewer than half the facts and the person closes down?"""
    client = load_client(client_id)
    interview = play(client, lines)
    assert interview.found_share < 0.5
    assert interview.closed_down and interview.turns[-1].rule in ("closing", "gone")


@pytest.mark.parametrize("client_id", ["elderly_alone", "no_living_money"])
def test_the_model_interview_passes_for_every_seed(client_id):
    """Does each client's model interview reach its pass share for several seeds (what 풀이 shows)?"""
    client = load_client(client_id)
    for seed in range(4):
        interview = play(client, client.model_interview, seed)
        assert interview.found_share >= client.pass_share and not interview.closed_down
        assert not any(t.mistakes or t.broken for t in interview.turns), [
            (t.number, t.mistakes, t.broken) for t in interview.turns if t.mistakes or t.broken]
