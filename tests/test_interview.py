"""Tests for casework.interview: the question checker and the two situational mistakes."""

from __future__ import annotations

import pytest

from casework.errors import CaseworkError
from casework.interview import (
    ASKING_SHARE,
    HEURISTIC_NOTE,
    LISTENING_PRINCIPLE,
    LISTENING_SHARE,
    MAX_QUESTION_LENGTH,
    UNCHECKABLE_MISTAKES,
    QuestionFinding,
    QuestionMistake,
    check_question,
    uncheckable_notes,
)

L = QuestionMistake.LEADING
C = QuestionMistake.CLOSED_WHEN_INFO_NEEDED
M = QuestionMistake.MULTIPLE
X = QuestionMistake.COMPLEX
W = QuestionMistake.WHY_INTERROGATION

LONG = (
    "어머님께서 작년에 수술하신 뒤로 병원비 부담이 커지셨다고 들었는데 지금 받고 계신 지원 외에 "
    "어떤 도움이 더 필요하다고 생각하시는지 말씀해 주시겠어요?"
)

# (question, expected mistakes). Negatives matter as much as positives: they pin down the
# false positives the rules are tuned to avoid.
TABLE: list[tuple[str, set[QuestionMistake]]] = [
    # alternatives of one shape around another noun are a choice; a fragment after a question is open;
    # a wh-word in an embedded clause leaves a yes/no question closed (not 왜); a negation inside a
    # clause is no negative question
    ("다음 주 화요일이 괜찮으세요, 목요일이 나으세요?", set()),
    ("집은 월세예요 전세예요? 보증금은 얼마고요?", {M}),
    ("한국에는 언제 오셨어요? 가족은요?", {M}),
    ("어떤 절차가 본인 소득에 맞는지 따져 보신 적 있으세요?", {C}),
    ("왜 그런지 같이 한번 알아볼까요?", set()),
    ("돈이 없어서 병원에 못 가지 않으셨던 적은 없으세요?", {C, X}),
    # good open questions: nothing
    ("요즘 하루를 어떻게 보내세요?", set()),
    ("힘들 때는 누가 도와주세요?", set()),
    ("그때 마음이 어떠셨어요?", set()),
    ("요즘 가장 힘든 일은 뭐예요?", set()),
    ("약을 챙겨 드시기에 어떤 점이 어려우세요?", set()),
    ("요즘 지내시는 이야기를 좀 들려주시겠어요?", set()),      # a request for a story is open
    ("성함이 어떻게 되시죠?", set()),                          # polite ~죠 with a wh-word
    ("무슨 일로 오셨어요?", set()),                            # the usual opening, not a why
    ("밥 먹고 나서 뭐 하세요?", set()),                        # ~고 나서 is one clause chain
    ("어떻게 지내시고 계세요?", set()),                        # ~시고 계세요 is an auxiliary
    ("그리고 요즘 어떻게 지내세요?", set()),                   # 그리고 at the start joins nothing
    ("언제부터 혼자 사셨어요?", set()),
    ("집에 계시는 게 편하세요, 아니면 밖에 나가시는 게 편하세요?", set()),  # a choice, not yes/no
    ("왜 그렇게 생각하세요?", set()),                          # present-tense why: not flagged
    ("오늘 와 주셔서 고맙습니다.", set()),                     # a statement
    # leading
    ("많이 힘드셨죠?", {L}),
    ("그렇죠?", {L}),
    ("따님이 자주 오시지 않아요?", {L}),
    ("자녀분들이 잘 챙겨 주시잖아요.", {L}),
    ("당연히 병원에는 다니시고 계시겠죠?", {L}),
    # closed where information is needed
    ("도와주는 분이 있으세요?", {C}),
    ("식사는 하셨어요?", {C}),
    ("얼마 전에 이사하셨어요?", {C}),                          # 얼마 전 = a while ago
    ("병원에 또 가셨어요?", {C}),                              # 또 = again, joins nothing
    ("약을 드시고 좀 나아지셨어요?", {C}),                     # one question, not two
    ("식사는 잘 하시는지요?", {C}),                            # ~는지요 is not leading
    # more than one question
    ("가족은 몇 분이세요? 지금 누구랑 사세요?", {M}),
    ("가족은 몇 분이세요, 그리고 누구랑 사세요?", {M}),
    ("어디가 아프시고 언제부터 그러셨어요?", {M}),
    ("아드님은 뭐 하시고 따님은 뭐 하세요?", {M}),
    ("식사는 잘 하시고 잠은 잘 주무세요?", {C, M}),
    # long or complex
    (LONG, {X}),
    ("일을 그만두셨는데 돈이 없어서 힘드시면 어떻게 지내세요?", {X}),
    ("혼자 못 하시는 건 아니지 않아요?", {L, X}),
    # why-interrogation
    ("왜 약을 안 드셨어요?", {W}),
    ("왜 그런 일이 생긴 거예요?", {W}),
    ("어째서 그렇게 하셨어요?", {W}),
    ("뭐 때문에 그렇게 화가 나셨어요?", {W}),
    ("아이가 학교를 안 가는 동안 어머님은 뭘 하셨어요?", {W}),  # blaming without 왜
    ("집세를 몇 달씩 밀리시면 어떡해요?", {W}),
    ("약이 떨어지면 어떡하세요?", set()),                       # asking how one copes
    ("상담은 댁에서 할까요, 주민센터에서 할까요?", set()),     # a choice without 아니면
    ("취업만 하시면 다 해결되지 않겠어요?", {L}),
    ("아이 아빠는 어디 계시고 양육비는 받으세요?", {C, M}),   # the second question is yes/no
    ("오전이 좋으세요 오후가 좋으세요?", set()),              # a choice without a comma
    ("다음 방문 날짜를 정해 주실 수 있을까요?", set()),       # a polite request, not yes/no
    # background clauses (…통하고 … 맞으셨을 텐데) before one wh-question: one question
    ("처음 몇 해 동안 말도 잘 안 통하고 음식도 입에 안 맞으셨을 텐데 어떻게 견디셨어요?", {X}),
    ("손주들이 돌아오면 간식 챙겨 주시고 숙제 봐 주신 다음 저녁 하실 때까지 어떻게 보내세요?", {X}),
    # two questions in one turn: a wh-half then a yes/no half; a polite question before a comma and
    # 그리고 or a new topic; embedded questions listed; not a fixed 뭐 하고, a why's one act, a greeting
    ("가족은 몇 명이고 다 같이 사세요?", {C, M}),
    ("어디 사시고 혼자 사세요?", {C, M}),
    ("뭐 드시고 오셨어요?", set()),                        # a bare verb after -고: one act
    ("주말에는 뭐 하고 지내세요?", set()),
    ("왜 남편한테 맞고도 가만히 계셨어요?", {W}),
    ("약은 드시고 계세요, 그리고 병원은 어디 다니세요?", {C, M}),
    ("아이 아빠랑 연락되세요, 양육비는 받고 계세요?", {C, M}),
    ("어서 오세요, 오늘은 어떤 일로 오셨어요?", set()),
    ("고생 많으셨어요, 요즘은 어떠세요?", set()),
    ("그 뒤로 아드님이 다시 연락을 해 왔는지 그리고 그때 어머님은 어떻게 대응하셨는지 말씀해 주세요.", {M}),
    ("의미 있는 물건은 어떤 것이고 어떤 사연이 있는지 들려주실래요?", {M}),
    ("간병인을 쓰실지 가족이 하실지, 어느 쪽으로 생각하고 계세요?", set()),  # which of the two: a choice
    # one negation in each of two joined questions piles nothing up
    ("왜 약을 안 드셨고 병원은 왜 안 가셨어요?", {M, W}),
    # jargon of assessment: factors, capacity, intervention, grief types
    ("저장강박 행동의 촉발 요인이 무엇인지 같이 탐색해 볼까요?", {X}),
    ("보호자분의 돌봄 역량 강화를 위해 필요한 개입이 무엇이라고 보세요?", {X}),
    ("물건을 정리하는 게 어떤 점이 제일 어려우세요?", set()),
    # blame without 왜: an adverb before 두다, an honorific stem; why with a still undone act
    ("어떻게 어머님이 길을 잃으시도록 그냥 두셨어요?", {W}),
    ("그렇게 술을 드시면 어떡해요?", {W}),
    ("약을 드시면 어떻게 되세요?", set()),
    ("치우겠다고 하시고선 왜 아직 그대로예요?", {W}),
    ("왜 아직도 그 일이 마음에 걸리세요?", set()),
    # a banmal ~지? without a wh-word leads; with one it asks
    ("학교 가기 싫지?", {L}),
    ("오늘 뭐 먹었지?", set()),
    # a request (해 주실래요), asking whether now suits (통화 괜찮으세요) is no closed question
    ("아이 아빠 얘기를 조금 해 주실래요?", set()),
    ("지금 통화 괜찮으세요?", set()),
    ("요즘 몸은 괜찮으세요?", {C}),
    # a fragment after -고 asks "what about"; the 않 of a negative question frames it
    ("성함이 어떻게 되시고 연세는요?", {M}),
    ("애들 아빠랑은 연락 안 하시는 게 낫지 않겠어요?", {L}),
    ("학교 끝나고 집에 오면 주로 뭐 하면서 지내?", set()),
    # blaming without 왜: letting it come to this (…도록 뭐 하셨어요), just watching, -길래 after the
    # person's act, the reason for an undone past act; a reproach asks nothing, so it is not also C
    ("월세가 석 달이나 밀리도록 뭐 하셨어요?", {W}),
    ("아이가 아픈 동안 그냥 보고만 계셨어요?", {W}),
    ("월급을 어디에 쓰셨길래 통장이 비었어요?", {W}),
    ("병원 예약을 두 번이나 안 지키신 이유가 뭐예요?", {W}),
    ("무슨 일이 있었길래 그렇게 놀라셨어요?", set()),
    ("아이가 숙제를 하도록 뭐 해 주세요?", set()),
    ("이 동네로 이사 오고 싶으신 이유가 뭐예요?", set()),
    ("어제 뭐 하셨어요?", set()),
    # a why about a present thought, a negation inside the quote (안 맞는다고 생각하세요), is no blame
    ("요양원은 왜 안 좋다고 생각하세요?", set()),
    ("왜 약을 안 드셨다고 생각하세요?", {W}),
    # practitioners' terms and asking the person to analyse an effect are too abstract (X)
    ("자기 효능감은 어느 정도라고 느끼세요?", {X}),
    ("실직이 가족 역동에 어떤 영향을 미쳤다고 보세요?", {X}),
    ("이사가 아이에게 어떻게 작용했다고 보세요?", {X}),
    ("돌봄 소진 정도는 어떠세요?", {X}),
    ("이사하고 나서 아이가 어떻게 지내요?", set()),
    # '몇 년 동안', '몇 달씩' tell a span, they do not ask one: no second question after -고
    ("왜 가족한테 안 알리고 몇 년 동안 혼자 버티셨어요?", {W}),
    ("월세는 몇 달째 밀려 있어요?", set()),
    ("혼자 사신 지 몇 년 되셨고 자녀분들은 어디 사세요?", {M}),
    # repeated or mixed question marks still ask
    ("병원에는 다녀오셨어요??", {C}),
    ("약은 드셨어요?!", {C}),
]


@pytest.mark.parametrize("question,expected", TABLE, ids=[q[:20] for q, _ in TABLE])
def test_question_table(question, expected):
    """Does each question in the table get exactly the expected mistakes, no more and no fewer?"""
    found = {f.mistake for f in check_question(question)}
    assert found == expected


# the classes of the fifty-first round, by the letters they must get exactly ('' for none): a follow-up
# fragment after a topic asks "what about" (also after -고); a wh-question joined to a choice is two
# questions, the choice not closed; after a blaming question an undone act or not knowing carries the
# reproach on; a proposal (-어 볼래요/볼까요), a request for a call and a tag after a statement ('그치?',
# '안 그래요?'); a term by its formation (-성, 재-) but not an everyday word of that shape; reproach frames
# without 왜; a leading tail after a comma and a why, or a bare tag, is no second question; '몇 번이나 …는데'
# sets out a fact, it asks no count
BY_CLASS = {
    "M": ("주말엔 뭐 드세요? 평일 저녁은요?", "첫째는 어디 다녀요? 작은딸은요?", "할머님은 뭐라고 하셨고 삼촌은요?",
          "어디서 일하시고, 집은 자가예요 월세예요?"),
    "MW": ("왜 여태 병원에 안 가셨어요? 아이 걱정은 안 되셨어요?",
           "왜 그 돈을 빌려주셨어요? 못 받을 수도 있다는 거 모르셨어요?"),
    "": ("이 그림 카드 중에서 하나 골라 볼래요?", "내일 오후에 한 번 더 통화해 볼까요?", "확인되면 연락 주시겠어요?"),
    "L": ("혼자 있으면 심심하지, 그치?", "아드님도 힘드셨을 거예요, 안 그래요?", "많이 서운하셨을 거예요, 그렇죠?"),
    "X": ("치료 연속성이 끊긴 때가 언제예요?", "가족 역할 재조정 과정은 어떠셨어요?"),
    "C": ("구체적인 날짜가 정해졌어요?",),
    "W": ("도대체 매일 밤 어디서 뭐 하는 거야?", "그렇게 드시면 나중에 어쩌시려고 그래요?"),
    "LW": ("이번에도 또 서류를 안 가져오신 거 아니에요?", "왜 그 약을 끊으셨어요, 그러면 안 되는 거 아시죠?"),
    "WX": ("몇 번이나 문자를 남겼는데 답도 안 하시고 버티신 이유가 도대체 뭐예요?",),
}


@pytest.mark.parametrize("letters", sorted(BY_CLASS))
def test_question_classes_by_structure(letters):
    """Does each question of a class get exactly its letters (fragments, choices, reproaches carried on,
    proposals, tags, terms by formation, reproach frames)?"""
    codes = {"L": L, "C": C, "M": M, "X": X, "W": W}
    for text in BY_CLASS[letters]:
        assert {f.mistake for f in check_question(text)} == {codes[c] for c in letters}, text


def test_table_is_large_and_balanced():
    """Has the table at least 20 questions, with clean ones and every checkable mistake?"""
    assert len(TABLE) >= 20
    assert sum(1 for _, e in TABLE if not e) >= 10
    covered = set().union(*(e for _, e in TABLE))
    assert covered == {L, C, M, X, W}


def test_good_open_question_gets_no_findings():
    """Does the model open question from the brief get an empty list?"""
    assert check_question("요즘 하루를 어떻게 보내세요?") == []


def test_findings_are_honest_heuristics_with_rewrite_examples():
    """Does every finding say it is a heuristic, give an example rewrite and carry evidence?"""
    samples = ["많이 힘드셨죠?", "도와주는 분이 있으세요?", "가족은 몇 분이세요? 누구랑 사세요?", LONG,
               "왜 약을 안 드셨어요?"]
    for q in samples:
        for f in check_question(q):
            assert isinstance(f, QuestionFinding)
            assert f.heuristic is True
            assert HEURISTIC_NOTE in f.message and "규칙 표" in f.message
            assert "예:" in f.message
            assert (f.evidence and f.evidence in f.message) or f.mistake is X


def test_evidence_points_at_the_trigger():
    """Does the evidence quote the words that fired the rule?"""
    (leading,) = check_question("따님이 자주 오시지 않아요?")
    assert "않아요" in leading.evidence
    (why,) = check_question("왜 약을 안 드셨어요?")
    assert why.evidence.startswith("왜")
    (multi,) = check_question("가족은 몇 분이세요, 그리고 누구랑 사세요?")
    assert "그리고" in multi.evidence


def test_findings_follow_textbook_order_one_per_mistake():
    """Are findings in the textbook's order with at most one per mistake?"""
    text = "많이 힘드셨죠? 그렇죠? 왜 안 오셨어요?"
    kinds = [f.mistake for f in check_question(text)]
    assert len(kinds) == len(set(kinds))
    order = list(QuestionMistake)
    assert kinds == sorted(kinds, key=order.index)
    assert L in kinds and M in kinds and W in kinds


def test_length_limit_boundary():
    """Is a question of exactly the limit accepted and one character more flagged as long?"""
    base = "요즘 어떻게 지내세요?"
    at_limit = "가" * (MAX_QUESTION_LENGTH - len(base) - 1) + " " + base
    assert len(at_limit) == MAX_QUESTION_LENGTH
    assert X not in {f.mistake for f in check_question(at_limit)}
    over = "가" + at_limit
    assert X in {f.mistake for f in check_question(over)}


def test_whitespace_is_normalised_not_counted():
    """Do extra spaces and line breaks leave a good question clean?"""
    assert check_question("  요즘   하루를\n어떻게 보내세요?  ") == []


@pytest.mark.parametrize("bad", ["", "   ", None, 42, ["질문"], b"abc"])
def test_bad_input_is_refused_in_korean(bad):
    """Are empty text and non-strings refused with a Korean CaseworkError?"""
    with pytest.raises(CaseworkError, match="질문"):
        check_question(bad)


def test_uncheckable_mistakes_are_explained_not_faked():
    """Are timing and irrelevance explained with watch-for points and never reported by the checker?"""
    assert set(UNCHECKABLE_MISTAKES) == {QuestionMistake.BAD_TIMING, QuestionMistake.IRRELEVANT}
    for mistake, item in UNCHECKABLE_MISTAKES.items():
        assert item.mistake is mistake
        assert "자동으로 판단하지 않습니다" in item.why_not_checked
        assert len(item.watch_for) >= 3
    notes = uncheckable_notes()
    assert len(notes) == 2 and notes[0].startswith("[적절하지 않은 때에 하는 질문]")
    for q, _ in TABLE:
        kinds = {f.mistake for f in check_question(q)}
        assert not kinds & set(UNCHECKABLE_MISTAKES)


def test_seven_mistakes_and_listening_principle():
    """Are there seven mistakes, and is the 20/80 asking-listening split kept?"""
    assert len(QuestionMistake) == 7
    assert (ASKING_SHARE, LISTENING_SHARE) == (0.2, 0.8)
    assert "20%" in LISTENING_PRINCIPLE and "80%" in LISTENING_PRINCIPLE


def test_blame_without_why_jargon_and_one_situation_in_several_clauses():
    """Are 어쩌다/어쩌자고/…때까지 뭐 하셨어요 W, 임파워먼트/사정을 진행 X, and clauses before one wh-question not M?"""
    from casework.questions import QuestionMistake as Q
    from casework.questions import check_question

    def codes(text):
        return {f.mistake for f in check_question(text)}

    for text in ("어쩌다 월세를 여섯 달이나 밀리셨어요?", "어쩌자고 카드를 또 만드셨어요?",
                 "그렇게 될 때까지 가족분들은 뭐 하셨어요?"):
        assert codes(text) == {Q.WHY_INTERROGATION}, text
    assert Q.WHY_INTERROGATION not in codes("어쩌다 한 번씩 만나세요?")
    assert Q.COMPLEX in codes("임파워먼트 관점에서 어머님이 스스로 하실 수 있는 일은 뭐라고 보세요?")
    assert Q.COMPLEX not in codes("요즘 집안 사정은 어떠세요?")
    assert Q.MULTIPLE not in codes("애들은 학교 가고 남편은 일하러 나가고 혼자 남으시면 집에서 주로 뭐 하세요?")
    assert Q.MULTIPLE in codes("아버님은 어디 계시고 양육비는 받으세요?")


def test_a_long_run_of_nouns_is_a_term_the_person_may_not_know():
    """Are six or more nouns in a row (a benefit rule's or a law's term) complex, quoted whole, while
    names of agencies and people made of nouns are not?"""
    for text, term in (("기초연금 수급권 상실 신고 기한 안내는 받으셨어요?", "기초연금 수급권 상실 신고 기한 안내"),
                       ("국민연금 반환일시금 지급 청구 절차는 어떻게 알고 계세요?", "국민연금 반환일시금 지급 청구 절차"),
                       ("주거급여 수선유지급여 보수 범위 결정 통지를 받으셨나요?", "수선유지급여 보수 범위 결정 통지")):
        found = [f for f in check_question(text) if f.mistake == X]
        assert found and f"'{term}'" in found[0].evidence, text
    for text in ("아드님 방문간호사 선생님은 언제 오세요?", "치매안심센터 조기검진 결과 이야기 들으셨어요?",
                 "구청 복지정책과 주무관님 연락처 있으세요?", "요즘 아이 학교 생활은 어때요?"):
        assert X not in {f.mistake for f in check_question(text)}, text


def test_a_request_listing_two_wh_clauses_asks_two_things_even_with_a_full_stop():
    """Is '…아프신지, …다니시는지 말씀해 주세요.' M, while one wh-clause in a request is no question at fault?"""
    assert {f.mistake for f in check_question("어디가 아프신지, 병원은 어디 다니시는지 말씀해 주세요.")} == {M}
    assert M in {f.mistake for f in check_question("요즘 무엇이 힘드신지, 누가 도와주시는지 이야기해 주세요.")}
    for text in ("어디가 불편하신지 말씀해 주세요.", "요즘 어떻게 지내시는지 편하게 말씀해 주세요."):
        assert check_question(text) == [], text


def test_a_plain_request_to_talk_and_a_proposal_to_do_it_together_are_not_closed():
    """Are '말해 줄래?', '이야기해 줄 수 있어?' (requests) and '같이 정해 볼까요?' (a proposal) not C, while
    '같이 사시는 분이 계실까요?' and '엄마랑 같이 병원에 가 봤을까?' still are?"""
    for text in ("선생님께 하고 싶은 말이 있으면 편하게 말해 줄래?", "학교에서 있었던 일을 이야기해 줄 수 있어?",
                 "다음 상담 날짜를 같이 정해 볼까요?", "이번 주에 할 일을 함께 적어 볼까?"):
        assert C not in {f.mistake for f in check_question(text)}, text
    for text in ("같이 사시는 분이 계실까요?", "엄마랑 같이 병원에 가 봤을까?"):
        assert C in {f.mistake for f in check_question(text)}, text


def test_reproaches_without_why_while_an_act_went_on_an_undone_act_or_a_treated_object():
    """Are '…굶는 동안 … 뭐 하셨어요?', '말을 안 하면 어떡해요?', '어쩌다가 … 된 거예요?', '도대체 어떻게 된 일이에요?'
    and '쓰레기를 이렇게 쌓아 두고 어떻게 사셨어요?' W, while a present routine, a worry and a coping question are not?"""
    for text in ("아이가 굶는 동안 어머님은 뭐 하셨어요?", "그렇게 될 때까지 아무한테도 말을 안 하면 어떡해요?",
                 "어쩌다가 공과금을 여섯 달이나 밀리게 된 거예요?", "예약을 계속 미루신 건 도대체 어떻게 된 일이에요?",
                 "쓰레기를 이렇게 쌓아 두고 어떻게 사셨어요?", "어떻게 집을 이렇게 어지르셨어요?"):
        assert W in {f.mistake for f in check_question(text)}, text
    for text in ("아이가 자는 동안 어머님은 주로 뭐 하세요?", "그렇게 힘드셨는데 어떻게 견디셨어요?",
                 "약이 떨어지면 어떡해요?", "어쩌다가 한 번씩 연락하세요?"):
        assert W not in {f.mistake for f in check_question(text)}, text


def test_a_noun_with_a_polite_ending_and_no_copula_is_a_yes_no_question_but_a_fragment_is_not():
    """Is '집은 전세세요?' (전세 + 세요, no 이) closed, while '가족은요?' and '직업은 뭐세요?' stay open?"""
    assert C in {f.mistake for f in check_question("집은 전세세요? 보증금은 얼마고요?")}
    assert C in {f.mistake for f in check_question("혼자세요?")}
    for text in ("가족은요?", "직업은 뭐세요?", "수입은 얼마나 되세요? 지출은요?"):
        assert C not in {f.mistake for f in check_question(text)}, text
