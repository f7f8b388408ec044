"""Tests for casework.language: particles, the lazy analyser, its user dictionary and the rule tables."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

from casework._util.text import josa, particle
from casework.errors import DataFileError
from casework.language import Token, analyse, load_kiwi
from casework.language.rules import RULES_DIR, Cue, load_rule_table, rule_table_model
from casework.language.userdict import user_dictionary

ROOT = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- particles


@pytest.mark.parametrize(
    "word, pair, expected",
    [
        ("복지급여 신청", "을", "을"), ("욕구", "을", "를"), ("'욕구'", "이", "가"), ("'평생'", "은", "은"),
        ("서비스", "은/는", "는"), ("기관", "과", "과"), ("학교", "와", "와"), ("서울", "으로", "로"),
        ("집", "(으)로", "으로"), ("나무", "로", "로"), ("3", "이", "이"), ("2", "이", "가"),
        ("K-ADL", "을", "을"), ("기간(3개월 안에, 연말까지)", "이", "이"), ("판단 기준(…알 수 있는 일)", "이", "이"),
        ("ㅋ", "이", "이"),
    ],
)
def test_josa_picks_the_particle_from_the_word(word, pair, expected):
    """Does josa pick the particle from the last readable character (skipping quotes and brackets)?"""
    assert particle(word, pair) == expected


@pytest.mark.parametrize("word", ["항목①", "목표３", "제²"])
def test_josa_after_a_digit_that_is_not_ascii(word):
    """Does a word ending in '①', a full-width '３' or '²' get the with-final-consonant form, not a crash?"""
    assert josa(word, "은") == word + "은" and josa(word, "이") == word + "이"


def test_josa_joins_the_word_and_refuses_an_unknown_pair():
    """Does josa join the word and particle, and is an unknown pair refused?"""
    assert josa("'① 복지급여 신청'", "을") == "'① 복지급여 신청'을"
    with pytest.raises(ValueError):
        particle("사례", "에게")


# --------------------------------------------------------------------------- loading


def test_importing_the_judges_does_not_load_the_analyser():
    """Do the domain modules and the judges import without loading kiwipiepy, until a judge runs?"""
    code = (
        "import sys\n"
        "import casework, casework.planning, casework.interview, casework.privacy, casework.pdn\n"
        "import casework.goals, casework.questions, casework.language, casework.language.names\n"
        "assert 'kiwipiepy' not in sys.modules, 'loaded on import'\n"
        "from casework.goals import check_goal\n"
        "check_goal('어르신이 3개월 안에 주 2회 경로당에 나간다')\n"
        "assert 'kiwipiepy' in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"
    assert out.stderr == ""  # no warning a notebook would show


def test_the_analyser_is_loaded_once():
    """Is the same Kiwi returned on every call?"""
    assert load_kiwi() is load_kiwi()


def test_analyse_gives_tokens_with_readable_endings():
    """Are tokens plain Token objects, with -I tags dropped and endings written as ㄴ다, not ᆫ다?"""
    tokens = analyse("어르신이 경로당에 나간다")
    assert all(isinstance(t, Token) for t in tokens)
    assert [str(t) for t in tokens] == ["어르신/NNG", "이/JKS", "경로당/NNG", "에/JKB", "나가/VV", "ㄴ다/EF"]
    assert "어떻/VA" in [str(t) for t in analyse("어떻게 지내세요?")]
    assert tokens[2].start == 5 and tokens[2].end == 8


@pytest.mark.parametrize("word", user_dictionary().words, ids=lambda w: w.form)
def test_user_dictionary_fixes_each_mis_tag(word):
    """Does each user dictionary entry's example contain the form analysed as the entry says?"""
    tokens = [str(t) for t in analyse(word.example)]
    n = len(word.analysis)
    windows = [tokens[i:i + n] for i in range(len(tokens) - n + 1)]
    assert word.analysis in windows, tokens


def test_user_dictionary_is_small_and_explained():
    """Is every entry explained in Korean, and the known mis-tag 드세요 among them?"""
    words = user_dictionary().words
    assert 1 <= len(words) <= 30
    assert "드세요" in {w.form for w in words}
    assert all(any("가" <= ch <= "힣" for ch in w.why) for w in words)


# --------------------------------------------------------------------------- rule tables

TABLES = ["goal_rules.yaml", "question_rules.yaml", "need_rules.yaml", "masking_rules.yaml", "topic_rules.yaml",
          "listening_rules.yaml"]


def _table(name: str):
    raw = yaml.safe_load((RULES_DIR / name).read_text(encoding="utf-8"))
    return load_rule_table(name, frozenset(raw["lists"]))


@pytest.mark.parametrize("name", TABLES)
def test_rule_table_examples_match_and_counter_examples_do_not(name):
    """Does every list in the table find each of its examples and none of its counter-examples?"""
    table = _table(name)
    assert table.title
    checked = 0
    for list_name, cue_list in table.lists.items():
        assert cue_list.explain and cue_list.examples, list_name
        for example in cue_list.examples:
            if name == "masking_rules.yaml":  # plain word lists: the example is one of the words
                assert example in cue_list.cues, (list_name, example)
            else:
                assert cue_list.find(example, analyse(example)), (list_name, example)
            checked += 1
        for counter in cue_list.counter_examples:
            assert not cue_list.find(counter, analyse(counter)), (list_name, counter)
            checked += 1
    assert checked >= len(table.lists)


# Rows of the twenty-first to twenty-third parts' causes, each worded afresh: (table, list, text, found?).
CAUSE_ROWS = [
    # 1: a device put in, written as a noun phrase (… 설치 (완료)), is the worker's task
    ("goal_rules.yaml", "worker_verbs", "한 달 안에 할아버지 댁에 화재감지기 설치 완료", True),
    ("goal_rules.yaml", "worker_verbs", "3주 안에 독거 가구 다섯 곳에 가스차단기 설치", True),
    # 1: asking an agency for interpreting or a call to check on someone, nobody as subject
    ("goal_rules.yaml", "worker_verbs", "다음 주까지 가족센터에 통번역 지원을 요청한다", True),
    ("goal_rules.yaml", "worker_verbs", "두 달 동안 할머니께 주 1회 안부확인 전화를 드림", True),
    ("goal_rules.yaml", "worker_verbs", "어머니가 한 달 안에 이웃에게 장보기 도움을 요청한다", False),
    # 1: 결정 and 강화 after a worker's verb end the goal like 완료 (지원 결정, 연계 강화)
    ("goal_rules.yaml", "admin_endings", "2주 안에 주거급여 지원 결정", True),
    ("goal_rules.yaml", "admin_endings", "방문 모니터링 강화", True),
    ("goal_rules.yaml", "admin_endings", "아들이 한 달 안에 복학 여부를 정한다", False),
    # 2: 미수신 (kiwi reads it as 미수 + 이다) and a provider written as one word
    ("goal_rules.yaml", "kpi", "석 달 동안 안부 문자 미수신 주 1회 이하", True),
    ("goal_rules.yaml", "kpi", "어르신이 한 달 안에 미수금을 모두 받는다", False),
    ("goal_rules.yaml", "providers", "4개월간 주간보호센터 결석 월 1일 이하", True),
    ("goal_rules.yaml", "providers", "어르신이 두 달 안에 경로당에 주 3회 나간다", False),
    # 2: putting off a visit appointment is missing it; a home tutor is a provider
    ("goal_rules.yaml", "missed", "두 달간 상담 약속을 한 번도 미루지 않는다", True),
    ("goal_rules.yaml", "missed", "아들이 한 달 안에 이력서를 세 곳에 낸다", False),
    ("goal_rules.yaml", "service_context", "방문교사 수업 결석 월 1회 이하", True),
    # 4: adjustment as a nominal goal, cohesion, a burden on the mind
    ("goal_rules.yaml", "vague", "결혼이민자의 지역사회 적응 향상", True),
    ("goal_rules.yaml", "vague", "부부의 응집력이 높아진다", True),
    ("goal_rules.yaml", "vague", "1년 안에 간병에서 오는 마음의 짐이 가벼워진다", True),
    ("goal_rules.yaml", "vague", "4주 안에 아이가 어린이집 적응 기간을 마친다", False),
    ("goal_rules.yaml", "vague", "한 학기 안에 손자의 학교 적응도가 30% 오른다", True),
    ("goal_rules.yaml", "vague", "아들이 학교 적응도 잘하고 매일 등교한다", False),
    # 2: a 단주모임 is a service, as a 자조모임 is; centres kiwi may read as one word
    ("goal_rules.yaml", "service_nouns", "6개월간 보건소 단주모임 참석률 90% 이상", True),
    ("goal_rules.yaml", "providers", "건강가정지원센터 부모교실 결석 월 1회 이하", True),
    # 5: SKY is 명문대
    ("goal_rules.yaml", "grand", "아들을 SKY에 입학시킨다", True),
    ("goal_rules.yaml", "grand_outcomes", "5년 안에 손자가 스카이 대학에 들어간다", True),
    ("goal_rules.yaml", "grand", "딸이 두 달 안에 전문대 입학 원서를 낸다", False),
    # 6: a rate lowered, a limit relaxed, a hospital, an embassy, a neighbour's head or a teacher deciding
    ("goal_rules.yaml", "unreachable", "올해 안에 건강보험료 본인부담금이 인하된다", True),
    ("goal_rules.yaml", "unreachable", "고용허가제 체류 제한 완화", True),
    ("goal_rules.yaml", "unreachable", "요양병원이 두 달 안에 병원비를 나누어 내게 해 준다", True),
    ("goal_rules.yaml", "unreachable", "동네 의원에서 진료비를 깎아 준다", True),
    ("goal_rules.yaml", "unreachable", "한 달 안에 대사관에서 출생증명서를 떼어 준다", True),
    ("goal_rules.yaml", "unreachable", "윗집 반장이 석 달 안에 어르신 장보기를 대신해 준다", True),
    ("goal_rules.yaml", "unreachable", "학교 선생님이 두 달 안에 아이 자리를 바꿔 준다", True),
    ("goal_rules.yaml", "unreachable", "어르신이 3개월 안에 병원에 주 1회 혼자 다녀온다", False),
    ("goal_rules.yaml", "unreachable", "어머니가 한 달 안에 담임교사에게 상담을 요청한다", False),
    # 7: 내년 안에 (kiwi reads 나의 년) and an "N개월 과정" are time frames
    ("goal_rules.yaml", "time_frame", "내년 안에 요양보험 기준이 바뀐다", True),
    ("goal_rules.yaml", "time_frame", "아들이 3개월 과정 바리스타 교육을 수료한다", True),
    ("goal_rules.yaml", "time_frame", "아들이 바리스타 교육 과정을 수료한다", False),
    # W: reproach without 왜 (…하시지 그러셨어요, …될 때까지 몰랐, …하면 …줄 모르셨어요,
    # …될지 생각 안 해 보셨어요, 안 …하고 그냥 계셨어요)
    ("question_rules.yaml", "blame_frames", "미리 연락하시지 그러셨어요?", True),
    ("question_rules.yaml", "blame_frames", "빚이 그만큼 쌓일 때까지 정말 모르셨어요?", True),
    ("question_rules.yaml", "blame_frames", "그렇게 굶으시면 쓰러지는 줄 모르셨어요?", True),
    ("question_rules.yaml", "blame_frames", "카드를 돌려 막으면 어떻게 될지 생각도 안 해 보셨어요?", True),
    ("question_rules.yaml", "blame_frames", "아이 밥도 안 챙기고 그냥 있었어요?", True),
    ("question_rules.yaml", "blame_frames", "이 서비스가 있다는 걸 언제 처음 아셨어요?", False),
    ("question_rules.yaml", "blame_frames", "그때는 어떻게 지내셨어요?", False),
    ("question_rules.yaml", "blame_frames", "요즘은 집에서 그냥 쉬고 계세요?", False),
    # W inside a presumption: the listener's fault (잘못하신, 귀찮으셔서, 그렇게 …니까 … 거)
    ("question_rules.yaml", "blame_frames", "그건 아버님이 일을 잘못 처리하신 거잖아요?", True),
    ("question_rules.yaml", "blame_frames", "병원에 안 가신 건 게을러서 그러신 거 아니에요?", True),
    ("question_rules.yaml", "blame_frames", "밤마다 그렇게 마시니까 간이 나빠진 거잖아요?", True),
    ("question_rules.yaml", "blame_frames", "제가 잘못 들은 건가요?", False),
    ("question_rules.yaml", "blame_frames", "혼자 지내시니까 적적하시죠?", False),
    # M: three things listed before one request; a request closed with 주시고, then a question
    ("question_rules.yaml", "listed_topics", "집을 나오게 된 이유와 지금 지내는 곳, 앞으로 계획을 말해 줄래요?", True),
    ("question_rules.yaml", "listed_topics", "전화번호랑 주소, 생일을 적어 주시겠어요?", True),
    ("question_rules.yaml", "listed_topics", "아드님과 따님 연락처를 알려 주시겠어요?", False),
    ("question_rules.yaml", "embedded_join", "서류 먼저 보여 주시고, 언제 이사 오셨는지도 알려 주세요.", True),
    ("question_rules.yaml", "embedded_join", "잠깐만 기다려 주시고 이쪽으로 앉으세요.", False),
    # X: practitioners' words a person would not use
    ("question_rules.yaml", "jargon", "돌봄 분담 구조는 누가 정하셨어요?", True),
    ("question_rules.yaml", "jargon", "남편분을 떠나보낸 뒤 애도 과정은 어떠셨어요?", True),
    ("question_rules.yaml", "jargon", "이 일이 가족에게 갖는 함의는 뭐라고 보세요?", True),
    ("question_rules.yaml", "jargon", "감면 적용 여부를 인지하고 계세요?", True),
    ("question_rules.yaml", "jargon", "집 구조가 어떻게 되세요?", False),
    ("question_rules.yaml", "jargon", "요즘 어떤 점이 제일 힘드세요?", False),
    # second round (twenty-fourth to twenty-sixth parts): causes in the structure of the sentence
    # 1: a provider named by its suffix (…돌보미, …도우미, …지도사) or a service's teacher as subject
    ("goal_rules.yaml", "worker", "산모도우미가 한 달간 정해진 방문을 모두 채운다", True),
    ("goal_rules.yaml", "worker", "학습지 선생님이 석 달 동안 수업을 한 번도 빠뜨리지 않는다", True),
    ("goal_rules.yaml", "worker", "학교 교사가 한 달 안에 아이 사정을 이해한다", False),
    # 1: urging the person to act is a causing predicate (…도록 권유한다, 독려함)
    ("goal_rules.yaml", "causative", "아드님이 병원 진료를 빠지지 않도록 독려한다", True),
    ("goal_rules.yaml", "causative", "어머니가 아이에게 공부를 하도록 권유한다", True),
    ("goal_rules.yaml", "causative", "어머니가 두 달 안에 아이 숙제를 주 3회 봐 준다", False),
    # not 1: the class teacher's meeting, with 님 glued to the title
    ("goal_rules.yaml", "not_services", "한 달 안에 손자 담임선생님 면담에 간다", True),
    ("goal_rules.yaml", "not_services", "아들이 석 달 동안 청소년상담센터 상담을 받는다", False),
    # 2: a provider named by its suffix (…사업단); an asset account kept without cancelling
    ("goal_rules.yaml", "providers", "공익형사업단 결근 월 1일 이하", True),
    ("goal_rules.yaml", "use_rate", "희망적금 중도 해지 없이 1년 유지", True),
    ("goal_rules.yaml", "use_rate", "아들이 1년 동안 적금을 매달 붓는다", False),
    # 3: quarrels and shares between people with nobody named
    ("goal_rules.yaml", "relational", "두 달 안에 고함 지르는 일이 월 1회 이하", True),
    ("goal_rules.yaml", "relational", "한 달 안에 빨래와 청소를 분담한다", True),
    ("goal_rules.yaml", "relational", "어르신이 3개월 안에 반찬을 혼자 만든다", False),
    # 6: a parent by birth who lives apart; being designated by a decision; another party paying back
    ("goal_rules.yaml", "unreachable", "아이 생모가 석 달 안에 면접교섭에 나온다", True),
    ("goal_rules.yaml", "unreachable", "두 달 안에 장애인 전용 임대주택 입주자로 확정된다", True),
    ("goal_rules.yaml", "unreachable", "어머니가 석 달 안에 아이를 직접 돌보기로 결정한다", False),
    ("goal_rules.yaml", "party_decision", "석 달 안에 전 집주인이 보증금 잔액을 돌려준다", True),
    ("goal_rules.yaml", "party_decision", "아들이 한 달 안에 월세를 낸다", False),
    # 7: a disappearance is an outcome; a deadline set by a clause (…되는 해까지); not a lifetime
    ("goal_rules.yaml", "completion", "반년 안에 환청이 사라진다", True),
    ("goal_rules.yaml", "time_frame", "손자가 초등학교를 졸업할 때까지 주 2회 이상 도서관에 간다", True),
    ("goal_rules.yaml", "time_frame", "손자가 졸업하고 도서관에 간다", False),
    # 4: a state of mind counted in days is still undefined
    ("goal_rules.yaml", "vague", "두 달 동안 마음이 편안한 날이 주 5일 이상", True),
    # C: whether one knows a wh-clause; M: two requests joined by 주시고; W: 또 … 거예요? after the act
    ("question_rules.yaml", "asks_if_known", "관리비가 얼마 밀렸는지 아세요?", True),
    ("question_rules.yaml", "asks_if_known", "관리비가 얼마 밀렸는지 알려 주세요.", False),
    ("question_rules.yaml", "joined_requests", "이름을 써 주시고 도장도 찍어 주시겠어요?", True),
    ("question_rules.yaml", "joined_requests", "밥 차려 주시고 나서 뭐 하세요?", False),
    ("question_rules.yaml", "wh", "그러다 쓰러지시면 어쩌시려고요?", True),
    ("question_rules.yaml", "blame_frames", "그렇게 말렸는데 또 보증을 서 주신 거예요?", True),
    ("question_rules.yaml", "blame_frames", "남편분이 또 술 드신 거죠?", False),
    # X: a when-clause (…을 때, …는 날에는) and 니 (…다 보니) end clauses too; formal criteria words
    ("question_rules.yaml", "connective", "병원에 가시는 날에는 누가 아이를 봐요?", True),
    ("question_rules.yaml", "connective", "혼자 살다 보니 적적하시죠?", True),
    ("question_rules.yaml", "connective", "요즘 날씨는 어떠세요?", False),
    ("question_rules.yaml", "jargon", "수급 요건은 누구한테 들으셨어요?", True),
    ("question_rules.yaml", "jargon", "요즘 몸은 어떠세요?", False),
    # M: kiwi may read the join of two wh-questions as a final 고 (주무셨고 뭐 드셨어요?)
    ("question_rules.yaml", "clause_join", "어제 어디 가셨고 누구 만나셨어요?", True),
    # third round (thirtieth to thirty-second parts): classes, not words
    # 6: weather as the subject of an absence, a price or a benefit rising, a disease's symptoms stopping
    ("goal_rules.yaml", "unreachable", "이번 장마 동안 폭우 피해가 한 번도 없다", True),
    ("goal_rules.yaml", "unreachable", "장마철에 어르신이 배수구를 주 1회 청소한다", False),
    ("goal_rules.yaml", "unreachable", "내년까지 배춧값이 30% 오른다", True),
    ("goal_rules.yaml", "unreachable", "어르신이 석 달 안에 약값 영수증을 모아 둔다", False),
    ("goal_rules.yaml", "unreachable", "장애인연금이 내년에 오른다", True),
    ("goal_rules.yaml", "unreachable", "아버지의 파킨슨 증상이 더 심해지지 않는다", True),
    ("goal_rules.yaml", "unreachable", "어르신이 두 달 안에 증상 일지를 매일 쓴다", False),
    # 6: a rule abolished, a benefit's period extended, a bus route extended, a creditor's act stopped
    ("goal_rules.yaml", "unreachable", "한부모 수당 소득 기준 전면 폐지", True),
    ("goal_rules.yaml", "unreachable", "내년 안에 아동수당 지급 연령 확대", True),
    ("goal_rules.yaml", "unreachable", "아들이 한 달 안에 체류기간 연장을 신청한다", False),
    ("goal_rules.yaml", "unreachable", "마을버스 노선이 우리 동네까지 연장된다", True),
    ("goal_rules.yaml", "unreachable", "카드사가 두 달 안에 압류를 멈춘다", True),
    ("goal_rules.yaml", "unreachable", "대부업체가 석 달 안에 추심을 중단한다", True),
    # 6: someone outside the case (별거 중인, 친엄마), being selected, the neighbours' prejudice
    ("goal_rules.yaml", "unreachable", "별거 중인 아내가 석 달 안에 아이를 만나러 온다", True),
    ("goal_rules.yaml", "unreachable", "아이 친엄마가 석 달 안에 양육비를 보낸다", True),
    ("goal_rules.yaml", "unreachable", "석 달 안에 의료급여 대상자로 선정된다", True),
    ("goal_rules.yaml", "unreachable", "동네 사람들의 편견이 사라진다", True),
    ("goal_rules.yaml", "unreachable", "아들이 석 달 안에 학교 친구에 대한 편견을 말로 적어 본다", False),
    ("goal_rules.yaml", "party_decision", "두 달 안에 조합이 아버지의 조합원 자격을 인정한다", True),
    # 6: symptoms gone, a rule changed, a visa issued, an offender's family, senses returning, wages rising,
    # a decision coming out
    ("goal_rules.yaml", "unreachable", "반년 안에 아이의 틱 증상이 없어진다", True),
    ("goal_rules.yaml", "unreachable", "어르신이 석 달 안에 두통 증상이 없는 날이 주 5일 이상이 된다", False),
    ("goal_rules.yaml", "unreachable", "내년 안에 장애인 등록 기준이 바뀐다", True),
    ("goal_rules.yaml", "unreachable", "석 달 안에 배우자 비자가 발급된다", True),
    ("goal_rules.yaml", "unreachable", "두 달 안에 가해 학생 보호자가 아이에게 사과한다", True),
    ("goal_rules.yaml", "unreachable", "반년 안에 할머니의 시력이 돌아온다", True),
    ("goal_rules.yaml", "unreachable", "내년에 최저 시급이 오른다", True),
    ("goal_rules.yaml", "unreachable", "두 달 안에 의료비 감면 결정이 나온다", True),
    ("goal_rules.yaml", "unreachable", "어머니가 한 달 안에 입소 여부를 결정한다", False),
    # 5: land or a building bought, a building's owner, one's own house bought without a particle
    ("goal_rules.yaml", "grand", "귀촌한 아들이 3년 안에 과수원 땅을 사들인다", True),
    ("goal_rules.yaml", "grand", "10년 안에 빌딩 주인이 된다", True),
    ("goal_rules.yaml", "grand", "자기 집 사서 결혼하기", True),
    ("goal_rules.yaml", "grand", "할아버지가 한 달 안에 상가 건물 청소 일을 구한다", False),
    ("goal_rules.yaml", "grand_outcomes", "귀촌한 아들이 3년 안에 과수원 땅을 사들인다", True),
    # 5: every debt cleared (청산, 털어내다, a life without debt)
    ("goal_rules.yaml", "all_debt", "카드빚 없는 생활을 한다", True),
    ("goal_rules.yaml", "all_debt", "2년 안에 채무 청산", True),
    ("goal_rules.yaml", "all_debt", "2년 안에 빚을 다 털어 버린다", True),
    ("goal_rules.yaml", "all_debt", "어머니가 두 달 안에 밀린 전기요금을 모두 낸다", False),
    # 7: an event's time (입학 때까지), the first weeks (첫 3주간), 마침 read as an adverb
    ("goal_rules.yaml", "time_frame", "손녀가 중학교 입학 때까지 혼자 등교한다", True),
    ("goal_rules.yaml", "time_frame", "퇴원 후 첫 3주간 매일 산책한다", True),
    ("goal_rules.yaml", "time_frame", "손녀가 혼자 등교할 때가 많다", False),
    ("goal_rules.yaml", "completion", "2주 안에 체납 보험료 분할납부 신청 마침", True),
    # 4: settling in is vague, 고립감 is a known idea like 외로움 (7, not 4), trust in other words
    ("goal_rules.yaml", "vague", "귀국한 가족의 국내 정착", True),
    ("goal_rules.yaml", "vague", "이웃 간 믿음이 생긴다", True),
    ("goal_rules.yaml", "vague", "어르신의 고립감이 줄어든다", False),
    ("goal_rules.yaml", "vague_in_names", "어머니가 한 달 안에 정착지원금 신청을 마친다", True),
    # 2: a missed visit never dropped, the visits filled, complaints counted, an account kept
    ("goal_rules.yaml", "in_full", "요양보호사가 석 달 동안 정한 방문을 한 번도 안 빠뜨린다", True),
    ("goal_rules.yaml", "attendance", "방문교사가 예정 수업 8회를 모두 채운다", True),
    ("goal_rules.yaml", "kpi", "석 달간 반찬 배달 민원 0건", True),
    ("goal_rules.yaml", "kpi", "아들이 석 달 안에 층간소음 민원을 한 번 넣는다", False),
    ("goal_rules.yaml", "use_rate", "청년내일저축계좌 2년간 해지 없이 유지", True),
    # 1: an agency asked for support, patrols or monitoring with nobody as subject; a village head as a provider
    ("goal_rules.yaml", "worker_verbs", "2주 안에 푸드뱅크에 김장김치 후원 요청", True),
    ("goal_rules.yaml", "worker_verbs", "한 달 안에 파출소에 야간 순찰을 요청한다", True),
    ("goal_rules.yaml", "worker_verbs", "어머니가 한 달 안에 이웃에게 장보기 도움을 요청한다", False),
    ("goal_rules.yaml", "worker", "노인회 부녀회장이 석 달 동안 주 1회 어르신 댁을 찾아간다", True),
    ("goal_rules.yaml", "worker", "이장이 한 달 안에 주 2회 어르신께 전화를 드린다", True),
    # 7: regaining a state is no act (되찾다, as 회복); resuming is a one-time outcome (재개)
    ("goal_rules.yaml", "not_acts", "아버지가 두 달 안에 입맛을 되찾는다", True),
    ("goal_rules.yaml", "not_acts", "아버지가 두 달 안에 맡긴 통장을 찾는다", False),
    ("goal_rules.yaml", "completion", "석 달 안에 면접교섭 재개", True),
    # 1: an agency named by its suffix (…전담기관, …지원기관) gives a service received
    ("goal_rules.yaml", "providers", "청년이 아동자립지원기관 상담을 석 달간 월 2회 받는다", True),
    ("goal_rules.yaml", "providers", "청년이 석 달 안에 월세 계약을 맺는다", False),
    # W: an undone act confirmed once more (이번에도/결국 … 거예요?), how much others worried (얼마나
    # …었는지 아세요?), 줄 몰랐어요, 'not even' (…지도 않으셨어요), 어떻게 … 아직 안, …ㄹ 동안 뭐 했어요
    ("question_rules.yaml", "blame_frames", "이번에도 병원 예약을 안 지키신 거예요?", True),
    ("question_rules.yaml", "blame_frames", "결국 또 카드로 사 버리신 거예요?", True),
    ("question_rules.yaml", "blame_frames", "이번에도 같은 병원으로 가시는 거예요?", False),
    ("question_rules.yaml", "blame_frames", "선생님이 얼마나 기다렸는지 아세요?", True),
    ("question_rules.yaml", "blame_frames", "약을 하루에 얼마나 드시는지 아세요?", False),
    ("question_rules.yaml", "blame_frames", "이렇게 빚이 늘어날 줄 모르셨어요?", True),
    ("question_rules.yaml", "blame_frames", "아이가 우는데 달래 주지도 않으셨어요?", True),
    ("question_rules.yaml", "blame_frames", "어떻게 전입신고를 여태 안 하셨어요?", True),
    ("question_rules.yaml", "blame_frames", "월세가 석 달 밀릴 동안 뭐 하셨어요?", True),
    ("question_rules.yaml", "blame_frames", "아이가 학교에 있을 동안 뭐 하세요?", False),
    ("question_rules.yaml", "why_blames", "왜 이제서야 연락하세요?", True),
    ("question_rules.yaml", "why_blames", "왜 그렇게 생각하세요?", False),
    # C: 언제쯤 read as a noun asks when; a request in plain speech (적어 줄래요?) is a request
    ("question_rules.yaml", "wh", "병원에는 언제쯤 가시면 좋을까요?", True),
    ("question_rules.yaml", "request", "다니는 병원 이름을 적어 줄래요?", True),
    ("question_rules.yaml", "request", "동생 숙제를 봐 줄 수 있어?", False),
    # X: a noun made an adjective-noun by 적 before another noun (인지적 왜곡) is a practitioner's term
    ("question_rules.yaml", "jargon", "그때 신체적 증상은 어떠셨어요?", True),
    ("question_rules.yaml", "jargon", "요즘 적적하실 때는 뭐 하세요?", False),
    # X: 기제 is a noun of its own, not the letters across 나가기 제일
    ("question_rules.yaml", "jargon", "아버님이 쓰시는 대처기제가 뭐예요?", True),
    ("question_rules.yaml", "jargon", "집 밖에 나가기 제일 싫을 때가 언제예요?", False),
    ("question_rules.yaml", "jargon", "자원봉사하시는 분이 언제 오세요?", False),
    ("question_rules.yaml", "jargon", "버스를 타자마자 어지러우셨어요?", False),
    ("question_rules.yaml", "jargon", "동네에 쓸 수 있는 자원은 뭐가 있을까요?", True),
    # 1: a staff title by its suffix (…팀장, …요원); running or building a programme or a system; counselling
    # with a worker; the worker's own act as the means (안부전화로)
    ("goal_rules.yaml", "worker", "생활관 팀장이 한 달 동안 주 2회 퇴소 준비를 점검한다", True),
    ("goal_rules.yaml", "worker_verbs", "두 달 안에 부모 교육 프로그램 운영", True),
    ("goal_rules.yaml", "worker_verbs", "아버지가 1년 안에 작은 세탁소를 운영한다", False),
    ("goal_rules.yaml", "service_use", "출소자가 보호관찰관과 월 1회 면담한다", True),
    ("goal_rules.yaml", "service_use", "아들이 한 달 안에 친구와 진로를 상의한다", False),
    ("goal_rules.yaml", "service_as_means", "두 달간 취업 알선으로 월 소득을 20만 원 늘린다", True),
    ("goal_rules.yaml", "causative", "두 달 안에 채권자가 독촉을 멈추도록 요청한다", True),
    # 1, 2: a court-ordered programme (…명령) and a shelter are a service and its provider; a meal missed there
    ("goal_rules.yaml", "service_nouns", "6개월간 사회봉사명령 시간을 빠짐없이 채운다", True),
    ("goal_rules.yaml", "service_nouns", "어머니가 석 달 안에 접근금지명령을 신청한다", False),
    ("goal_rules.yaml", "providers", "두 달간 여성쉼터 프로그램 결석 월 1회 이하", True),
    ("goal_rules.yaml", "kpi", "석 달간 노숙인쉼터 저녁 결식 주 2회 이하", True),
    ("goal_rules.yaml", "kpi", "어르신이 석 달 안에 결식 없이 하루 세 끼를 드신다", False),
    # 6: parties in the plural; a court's term shortened
    ("goal_rules.yaml", "unreachable", "반년 안에 건물주들이 월세를 동결한다", True),
    ("goal_rules.yaml", "unreachable", "석 달 안에 집행유예 기간이 단축된다", True),
    # 5: an elite university by another name; owning a building; not a penny of debt
    ("goal_rules.yaml", "grand", "손자를 일류대에 입학시킨다", True),
    ("goal_rules.yaml", "grand", "딸이 내년에 지역 전문대에 입학한다", False),
    ("goal_rules.yaml", "grand_outcomes", "5년 안에 아파트를 소유한다", True),
    ("goal_rules.yaml", "all_debt", "빚 한 푼 없는 생활", True),
    # 7: a span of days in a native word (이틀 안에); 3: harmony is between people
    ("goal_rules.yaml", "time_frame", "퇴원 후 이틀 안에 약 봉투를 정리한다", True),
    ("goal_rules.yaml", "time_frame", "이틀에 한 번 산책한다", False),
    ("goal_rules.yaml", "relational", "가족의 화합이 두 배로 늘어난다", True),
    # abbreviated notes drop particles: a provider's help (활동지원사 도움), a home-visit service (방문학습),
    # cancellations counted, a service as the means (…상담 통해), another party's act or a disease's course
    # without 이/가 (6), adjustment as a noun (4), and a delivery (전달) is the worker's task
    ("goal_rules.yaml", "service_nouns", "요양보호사 도움 받아 주 2회 머리 감기", True),
    ("goal_rules.yaml", "service_nouns", "아들이 한 달 안에 이웃 도움을 청한다", False),
    ("goal_rules.yaml", "kpi", "석 달간 방문교육 결석 1회 이하", True),
    ("goal_rules.yaml", "means", "자조모임 통해 외출 늘리기", True),
    ("goal_rules.yaml", "unreachable", "1년 안에 할머니 치매 진행 멈춤", True),
    ("goal_rules.yaml", "unreachable", "올여름 폭우 피해 한 번도 없음", True),
    ("goal_rules.yaml", "unreachable", "석 달 안에 반 친구들 따돌림 0회", True),
    ("goal_rules.yaml", "unreachable", "아들이 석 달 안에 반 친구들과 축구를 주 1회 한다", False),
    ("goal_rules.yaml", "vague", "1년 안에 직장 적응", True),
    ("goal_rules.yaml", "worker_verbs", "한 달 안에 후원 이불 20채 전달", True),
    ("goal_rules.yaml", "worker_verbs", "두 아이가 서로 욕 안 내뱉도록 노력", False),
    ("goal_rules.yaml", "causative", "석 달간 약 누락 0회 되도록 관리", True),
    # 6: a committee by its suffix (…위원회) or a donor or church deciding, a designation lifted, symptoms
    # worsening, a recurrence, a tumour's size; 2: missing a probation meeting
    ("goal_rules.yaml", "unreachable", "석 달 안에 장학위원회가 아들을 장학생으로 뽑는다", True),
    ("goal_rules.yaml", "unreachable", "어머니가 석 달 안에 학교운영위원회 회의에 한 번 참석한다", False),
    ("goal_rules.yaml", "unreachable", "교회가 반찬 후원을 끊지 않는다", True),
    ("goal_rules.yaml", "unreachable", "할머니가 석 달 안에 교회에서 주 1회 성경 모임에 나간다", False),
    ("goal_rules.yaml", "unreachable", "두 달 안에 접근금지 조치가 해제된다", True),
    ("goal_rules.yaml", "unreachable", "할아버지의 떨림 증상이 심해지지 않는다", True),
    ("goal_rules.yaml", "unreachable", "반년 안에 갑상선 종양 크기가 줄어든다", True),
    ("goal_rules.yaml", "use_rate", "두 달간 보호관찰 면담에 한 번도 빠지지 않는다", True),
    # 1: holding a case meeting, sharing a case, securing donors, asking a professional, doing it on the
    # person's behalf (대신 … 해 드린다), a provider's care received, a camp, a check-up call as the means
    ("goal_rules.yaml", "worker_verbs", "2주 안에 통합사례회의를 열어 역할을 정한다", True),
    ("goal_rules.yaml", "worker_verbs", "가족이 두 달 안에 주 1회 가족회의를 연다", False),
    ("goal_rules.yaml", "worker_verbs", "연말까지 연탄 후원자 확보", True),
    ("goal_rules.yaml", "worker_verbs", "한 달 안에 지구대 경찰관에게 순찰 기록을 요청한다", True),
    ("goal_rules.yaml", "causative", "다음 주까지 전입신고를 대신 해 드린다", True),
    ("goal_rules.yaml", "service_nouns", "두 달 동안 생활지원사의 방문을 주 2회 받는다", True),
    ("goal_rules.yaml", "service_nouns", "아들이 석 달 안에 이웃의 방문을 반긴다", False),
    ("goal_rules.yaml", "service_as_means", "정기적인 안부 전화로 고립을 막는다", True),
    # W: a rhetorical who (누가 …라고 했어요?), all used up (다 … 버리셨어요?), an undone act confirmed (…거네요?),
    # sitting idle (가만히 계셨어요?); L: a casual must (…야지?) and a past negative question (…지 않았어요?)
    ("question_rules.yaml", "blame_frames", "누가 그 돈을 빌려 주라고 했어요?", True),
    ("question_rules.yaml", "blame_frames", "누가 이 약을 드시라고 처방했는지 아세요?", False),
    ("question_rules.yaml", "blame_frames", "적금을 다 깨 버리셨어요?", True),
    ("question_rules.yaml", "blame_frames", "짐은 벌써 다 싸 두셨어요?", False),
    ("question_rules.yaml", "blame_frames", "결국 이번 달도 못 내신 거네요?", True),
    ("question_rules.yaml", "blame_frames", "결국 큰따님 댁으로 가신 거네요?", False),
    ("question_rules.yaml", "blame_frames", "아이가 다칠 동안 가만히 계셨어요?", True),
    ("question_rules.yaml", "tag_question", "오늘은 병원에 가야지?", True),
    ("question_rules.yaml", "negative_question", "그때보다 기침이 줄지 않았어요?", True),
    # W: what were you doing (그 동안 뭐 했대요?, 안 챙기고 뭐 하신 거예요?), why only now (왜 이제 와서)
    ("question_rules.yaml", "blame_frames", "남편분은 그 동안 뭐 하셨대요?", True),
    ("question_rules.yaml", "blame_frames", "숙제도 안 봐 주고 뭐 하셨어요?", True),
    ("question_rules.yaml", "blame_frames", "그 동안 뭐 하면서 지내셨어요?", False),
    ("question_rules.yaml", "why_blames", "왜 이제 와서 말씀하세요?", True),
    # W: not knowing a consequence (이렇게 … 걸 모르셨어요?), 결국 또 … 거야?, not even (…도 안 …고 …셨어요?), only
    # waiting (그냥 …기만 하셨어요?), leaving someone alone (…만 두고, 어떻게 … 두셨어요?); L: …지 않을까? and …거 아닐까요?
    ("question_rules.yaml", "blame_frames", "약값이 이렇게 늘어난 걸 모르셨어요?", True),
    ("question_rules.yaml", "blame_frames", "따님이 이사 온 걸 모르셨어요?", False),
    ("question_rules.yaml", "blame_frames", "결국 또 학원 빠진 거야?", True),
    ("question_rules.yaml", "blame_frames", "신분증도 안 챙기고 오셨어요?", True),
    ("question_rules.yaml", "blame_frames", "신분증은 챙기고 오셨어요?", False),
    ("question_rules.yaml", "blame_frames", "아이가 열이 나는데 그냥 재우기만 하셨어요?", True),
    ("question_rules.yaml", "blame_frames", "동생만 두고 밤에 나가셨어요?", True),
    ("question_rules.yaml", "blame_frames", "어떻게 어머님을 그 방에 혼자 두셨어요?", True),
    ("question_rules.yaml", "blame_frames", "통장은 어디에 두셨어요?", False),
    ("question_rules.yaml", "negative_question", "내일 다시 와 보는 게 낫지 않을까?", True),
    ("question_rules.yaml", "presumption", "그게 다 술 때문인 거 아닐까요?", True),
    # X: benefit-rule and legal terms by their shape (…기준 초과, …여부 of a ruling, …성 인정, 본인부담 경감), a
    # spreading crisis (생활 전반으로 전이)
    ("question_rules.yaml", "jargon", "재산 기준 충족 여부는 들어 보셨어요?", True),
    ("question_rules.yaml", "jargon", "다음 모임 참석 여부를 알려 주시겠어요?", False),
    ("question_rules.yaml", "jargon", "본인부담 상한 제도 아세요?", True),
]


@pytest.mark.parametrize("name, list_name, text, found", CAUSE_ROWS)
def test_cause_rows_of_the_last_three_parts(name, list_name, text, found):
    """Does each list find its must-match rows and leave its must-not-match rows alone?"""
    hits = _table(name).lists[list_name].find(text, analyse(text))
    assert bool(hits) is found, (list_name, text, hits)


@pytest.mark.parametrize("goal, mistake, flagged", [
    ("한 달 안에 할아버지 댁에 화재감지기 설치 완료", 1, True),
    ("할머니가 한 달 안에 화재감지기 설치에 동의한다", 1, False),
    ("할아버지가 2주 안에 현관에 안전손잡이를 설치할지 정하신다", 1, False),
    ("두 달 동안 할머니께 주 1회 안부확인 전화를 드림", 1, True),
    ("작은아들이 두 달 동안 아버지께 주 1회 안부확인 전화를 드린다", 1, False),
    ("올해 안에 건강보험료 본인부담금이 인하된다", 6, True),
    ("올해 안에 건강보험료 본인부담금이 인하된다", 7, False),
    # days counted of an undefined state leave it undefined (4); a count of a thing defines it
    ("아버지가 석 달 안에 행복한 날이 주 3일 이상 된다", 4, True),
    ("어르신이 두 달 안에 건강한 반찬을 주 4회 이상 드신다", 4, False),
    ("석 달 안에 즐겁게 지내는 날이 주 4일 이상", 4, False),
    ("석 달 안에 건강하게 지내는 날이 주 4일 이상", 4, True),
    # another party paying is out of reach (6), not the worker's task (1)
    ("한 달 안에 공사장 십장이 밀린 노임을 지급한다", 1, False),
    ("한 달 안에 공사장 십장이 밀린 노임을 지급한다", 6, True),
    ("한 달 안에 긴급생계비를 지급한다", 1, True),
    # a cure-like disappearance within a time frame is judged at closure (6, not 7)
    ("반년 안에 아들의 환청이 사라진다", 7, False),
    # passing an exam is the person's own outcome: '시험에서' names where, not who decides (not 6)
    ("올해 11월 자격시험에서 요양보호사 실기에 합격한다", 6, False),
    ("석 달 안에 예전 회사가 아들을 다시 채용하기로 결정한다", 6, True),
    # the worker's managing as the means to a service's rate (관리로) is the worker's task (1)
    ("4개월간 참여자 출석 관리로 한국어교실 출석률 90% 달성", 1, True),
    # an ex-spouse as the object of the person's own act is no party deciding (not 6)
    ("어머니가 두 달 안에 전 남편을 상대로 양육비 청구를 신청한다", 6, False),
    ("전 남편이 두 달 안에 양육비를 다시 보낸다", 6, True),
    # a lifetime span is no time frame
    ("죽을 때까지 자식에게 기대지 않고 산다", 7, True),
    # third round: a subject and predicate split by a modifier clause are no pair (not 6)
    ("한파특보가 내린 날에는 어르신이 석 달 동안 새벽 외출을 하지 않는다", 6, False),
    ("이번 장마 동안 폭우 피해가 한 번도 없다", 6, True),
    # with the person as subject, an agency before 에서 is the place (not 1)
    ("청년이 한 달 안에 행정복지센터에서 전입신고를 마친다", 1, False),
    ("행정복지센터에서 한 달 안에 긴급생계비를 지급한다", 1, True),
    # another party's act named by a noun (사장이 … 지급) or ending in 멈춤 is one event (6, not 7)
    ("두 달 안에 식당 사장이 밀린 월급 지급", 7, False),
    ("두 달 안에 식당 사장이 밀린 월급 지급", 6, True),
    ("석 달 안에 대부업체가 독촉 전화를 멈춤", 7, False),
    # becoming a vague state is no event, even for another party (4, 6 and 7)
    ("헤어진 아내가 반년 안에 정서적으로 안정된다", 7, True),
    # another party recognising a status decides it (6); the person recognising is the person's own act
    ("두 달 안에 조합이 아버지의 조합원 자격을 인정한다", 6, True),
    ("어머니가 한 달 안에 아들의 진로 선택을 인정한다", 6, False),
    # a benefit named with 정착 is a name, not the vague concept (not 4)
    ("어머니가 한 달 안에 정착지원금 신청을 마친다", 4, False),
    ("귀국한 가족의 국내 정착", 4, True),
    # the person asking an agency for support acts on their own behalf (not 1); nobody as subject, it is a task
    ("어머니가 한 달 안에 구청에 생계비 지원을 요청한다", 1, False),
    ("한 달 안에 구청에 생계비 지원을 요청한다", 1, True),
    # a decision coming out names one event (6, not 7)
    ("두 달 안에 의료비 감면 결정이 나온다", 7, False),
    # a grand purchase within a time frame is judged at closure (5, not 7)
    ("귀촌한 아들이 3년 안에 과수원 땅을 사들인다", 5, True),
    ("귀촌한 아들이 3년 안에 과수원 땅을 사들인다", 7, False),
    # a vague or grand word glued to a service's name is part of the name (not 4, not 5)
    ("2개월간 쉼터 자립프로그램 출석률 85% 이상", 4, False),
    ("올해 안에 평생교육 바우처 사용률 80% 이상", 5, False),
    # an agency before 에서 is who acts only where the goal names a worker's act
    ("같은 콜센터에서 6개월 안에 주 5일 근무를 유지한다", 1, False),
    ("복지관에서 6개월 안에 주 1회 밑반찬을 배달한다", 1, True),
    # a rate of money is a price, not a service's measure; a course's completion rate is one
    ("두 달 안에 상담 때 받은 대출 계약서의 이자율을 확인한다", 2, False),
    ("석 달 안에 지역자활센터 교육 수료율 90% 이상", 2, True),
    # a party that only describes the service measured is no subject (2, not 6)
    ("반년 안에 법원이 정한 수강명령 40시간을 빠짐없이 이수한다", 6, False),
    ("반년 안에 법원이 정한 수강명령 40시간을 빠짐없이 이수한다", 2, True),
    ("반년 안에 완치되어 재활 서비스 만족도가 오른다", 6, True),
    # a vague state felt on counted days is still undefined (4)
    ("두 달 안에 마음의 평화를 느끼는 날이 주 4일 이상", 4, True),
    # going as far as a place is a destination, not a service used in full
    ("석 달 안에 직업훈련장까지 혼자 버스로 가기를 3회 해낸다", 2, False),
    # a use inside the subject's noun phrase is no use; a participant as the subject is
    ("반년 안에 노인 공공일자리 참여 나이 기준이 완화된다", 1, False),
    ("노노케어 참여 어르신이 석 달간 주 2회 이웃 어르신께 말벗 서비스를 드린다", 1, True),
    # a provider's staff doing it for the person, the worker's visit as the means
    ("쉼터 실장이 석 달간 입소자 통장을 대신 관리해 준다", 1, True),
    ("월 2회 가정방문으로 출소자의 생활 점검", 1, True),
    # persuading: the person's own act with the person as subject, else the worker's
    ("어머니가 한 달 안에 아들이 병원에 가도록 설득한다", 1, False),
    ("한 달 안에 집주인이 누수를 고치도록 설득한다", 1, True),
    ("두 달 안에 사장님이 밀린 월급을 주도록 설득한다", 1, True),
    # a bracket after the goal's end holds its time frame: the noun before it is the predicate (not 7)
    ("신청서 제출 완료(2주 내)", 7, False),
    # a note drops the object's particle: a noun then the verb is still a concrete act (not 7)
    ("할머니가 두 달 안에 보청기 혼자 끼심", 7, False),
    # a delivery is the worker's task, the person's own with the person as subject
    ("딸이 한 달 안에 집주인에게 수리 요청을 직접 전달한다", 1, False),
    ("한 달 안에 후원 이불 20채 전달", 1, True),
    # managing so that something happens: the worker's, the person's own with the person as subject
    ("두 달간 반찬 미배달 0건 되도록 관리", 1, True),
    ("어머니가 석 달 안에 아이가 약을 먹도록 관리한다", 1, False),
    # 안 내도록 is no 안내 (guidance)
    ("서로 큰소리 안 내도록 노력", 1, False),
    # a worker's title before the worker's name as subject is the worker (1)
    ("생활지원사 영희 씨가 석 달 동안 주 2회 안부를 살핀다", 1, True),
    ("할머니가 석 달 안에 생활지원사 영희 씨와 주 1회 산책한다", 1, False),
    # doing it for someone: a party out of reach is 6, not the worker's task
    ("석 달 안에 집주인이 물이 새는 배관을 대신 고쳐 준다", 1, False),
    # a favour given by a party outside the case (…해 준다 with 주치의, 보건소, 재활병원 as subject) is that
    # party's choice (6); given by the person, a relative or the worker it is not; a place before 에서 gives nothing
    ("석 달 안에 동네 약국 약사가 약값을 깎아 준다", 6, True),
    ("두 달 안에 구립 요양원이 대기 순번을 앞당겨 준다", 6, True),
    ("석 달 안에 외삼촌이 어머니 이사 날짜를 정해 알려 준다", 6, False),
    ("아들이 두 달 안에 주 1회 이상 할머니 약을 챙겨 드린다", 6, False),
    ("석 달 안에 주 2회 공원에서 손녀와 30분 넘게 놀아 준다", 6, False),
    # a condition gone completely, restored as before, or no longer worsening is a cure (6)
    ("반년 안에 발목 화상 흉터가 말끔히 없어진다", 6, True),
    ("석 달 안에 할아버지의 청각이 예전처럼 회복된다", 6, True),
    ("어머니의 류마티스 관절염이 더 이상 악화되지 않는다", 6, True),
    ("아버지가 석 달 안에 술을 완전히 끊는다", 6, False),
    ("아들이 두 달 안에 예전처럼 주 3회 학교 도서관에 나간다", 6, False),
    ("몇 개월 안에 남편의 불면증이 사라짐", 6, False),
    # another party acting on the person (the person as its object or recipient) is that party's choice (6);
    # a relative or the person as the nearest subject is in the case
    ("한 달 안에 전 직장 상사가 아버지를 다시 부른다", 6, True),
    ("두 달 안에 헤어진 애인 부모가 딸에게 사과 편지를 보낸다", 6, True),
    ("부산 사는 큰아들이 두 달 안에 아버지를 모실지 정한다", 6, False),
    ("아주머니가 석 달 안에 손자에게 주 1회 전화한다", 6, False),
    # never again suffering a harm that others inflict is out of reach (6) and grand (5); never again doing
    # harm oneself is the person's own conduct (not 6)
    ("어머니가 다시는 보이스피싱 사기를 당하지 않는다", 6, True),
    ("아들이 다시는 친구를 때리지 않는다", 6, False),
    # a birth parent living elsewhere making up their mind decides (6), a relative in the case does not
    ("석 달 안에 생부가 아이 학비를 보내기로 마음먹는다", 6, True),
    ("큰딸이 석 달 안에 어머니를 모시고 살기로 마음먹는다", 6, False),
    # the police or a court as subject decide (6); the person going to them acts
    ("한 달 안에 경찰서가 사건을 검찰에 넘긴다", 6, True),
    ("어머니가 한 달 안에 경찰서에 피해 신고서를 낸다", 6, False),
    # a person set apart (헤어진, 연락이 끊긴) is out of reach as the subject (6); the person acting on or
    # toward them, or seeking their whereabouts in a purpose clause, is in reach; 혼자서 names no party
    ("연락이 끊긴 큰딸이 반년 안에 먼저 전화를 걸어온다", 6, True),
    ("두 달 안에 연락이 끊긴 사촌에게 안부 카드를 직접 써서 보낸다", 6, False),
    ("한 달 안에 오래전 헤어진 형을 찾는 실종 신고를 마친다", 6, False),
    ("어머니가 석 달 안에 헤어진 딸의 연락처를 알아보려고 주민센터에 간다", 6, False),
    ("두 달 안에 혼자서 손자를 치과에 한 번 데려간다", 6, False),
    # a body or a sense restored as before is a cure (6), also through a plain modifier (건강한 몸을)
    ("사고 전처럼 튼튼한 다리를 되찾는다", 6, True),
    ("반년 안에 잃은 청력을 되찾는다", 6, True),
    # never again undergoing what others do (…당하다, 쫓겨나다, 에게 … 듣다) is out of reach (6)
    ("아버지가 다시는 회사에서 해고당하지 않는다", 6, True),
    ("다시는 월세방에서 쫓겨나지 않는다", 6, True),
    ("다시는 동네 사람들에게 욕을 듣지 않는다", 6, True),
    ("아들이 다시는 수업을 빠지지 않는다", 6, False),
    ("어머니가 다시는 이웃에게 돈을 빌리지 않는다", 6, False),
    # other people's mistreatment as the subject of a change is theirs to stop (6), not the person's answer to it
    ("한 학기 안에 동네 형들의 괴롭힘이 멈춘다", 6, True),
    ("석 달 안에 아들이 반 친구들의 놀림에 웃으며 대꾸하는 법을 익힌다", 6, False),
])
def test_cause_rows_through_the_goal_judge(goal, mistake, flagged):
    """Does the judge read the new cues where the subject and the predicate decide (a consent, a family
    call), and a count of the days in an undefined state?"""
    from casework.goals import check_goal

    assert any(f.mistake.number == mistake for f in check_goal(goal)) is flagged


@pytest.mark.parametrize("question, flagged", [
    ("다음 주에는 제가 댁으로 갈까요, 복지관에서 뵐까요?", False),
    ("약은 드셨을까요, 병원은 다녀오셨을까요?", True),
])
def test_two_offers_are_one_choice_not_a_closed_question(question, flagged):
    """Are two offers of what to do (…갈까요, …뵐까요?) one choice, while two past guesses still ask yes or no?"""
    from casework.questions import check_question

    assert any(f.mistake.name == "CLOSED_WHEN_INFO_NEEDED" for f in check_question(question)) is flagged


@pytest.mark.parametrize("goal, owner, mistake, flagged", [
    # with the owner as the implied subject, getting someone into something or delivering a note is the owner's
    # own act (not 1); with no owner it is the worker's
    ("아들을 1년 안에 특성화고에 진학시킨다", "아버지", 1, False),
    ("한 달 안에 후원 이불 20채 전달", None, 1, True),
    ("한 달 안에 집주인에게 수리 요청서를 직접 전달한다", "세입자", 1, False),
])
def test_cause_rows_with_an_owner(goal, owner, mistake, flagged):
    """Does the owner column stand for the subject where the goal names none?"""
    from casework.goals import check_goal

    assert any(f.mistake.number == mistake for f in check_goal(goal, owner=owner)) is flagged


@pytest.mark.parametrize("question, mistake, flagged", [
    # a presuming statement before a blaming why is the reproach's preface (W, not L); before an open question it leads
    ("그렇게 여러 번 말씀드렸잖아요. 왜 또 안 가셨어요?", "LEADING", False),
    ("그렇게 여러 번 말씀드렸잖아요. 왜 또 안 가셨어요?", "WHY_INTERROGATION", True),
    ("약은 꼭 드셔야 한다고 했잖아요. 약은 언제 드세요?", "LEADING", True),
    # asking the person to rate or classify (…이라고 보세요?) is the asker's assessment (X); what they think
    # is needed, or why something matters to them, is theirs to say
    ("따님의 등교 거부는 어느 단계라고 보세요?", "COMPLEX", True),
    ("할머니 기억력은 몇 점 정도라고 보십니까?", "COMPLEX", True),
    ("지금 제일 필요한 게 뭐라고 생각하세요?", "COMPLEX", False),
    ("어째서 그 일이 제일 급하다고 보세요?", "COMPLEX", False),
])
def test_cause_rows_through_the_question_judge(question, mistake, flagged):
    """Does the question judge combine its lists where the turn's shape decides?"""
    from casework.questions import check_question

    assert any(f.mistake.name == mistake for f in check_question(question)) is flagged


def test_the_judges_use_the_tables_they_load():
    """Do the four judges load their tables with every list their code needs?"""
    from casework.goals import goal_rules
    from casework.language.names import masking_rules
    from casework.pdn import need_rules
    from casework.questions import question_rules

    assert len(goal_rules().lists) >= 20 and len(question_rules().lists) >= 19
    assert set(need_rules().lists) == {"request", "means", "need_marks"}
    assert "titles" in masking_rules().lists


@pytest.mark.parametrize(
    "source, text, found",
    [
        ("왜/MAG … 었/EP", "왜 약을 안 드셨어요?", "왜 약을 안 드셨"),
        ("잖아요|잖아/EF", "잘 챙겨 주시잖아요.", "잖아요"),
        ("/EF", "어디 가세요?", "세요"),
        ("삶의 질", "삶의질이 좋아진다", "삶의질"),
        ("/V* ㄴ다/EF", "어르신이 경로당에 나간다", "나간다"),
        ("OO*|XX*/SL", "체중이 OOkg 이상 늘어난다", "OOkg"),
    ],
)
def test_cue_patterns(source, text, found):
    """Do words (spaces ignored) and morpheme patterns (alternatives, tag prefixes, gaps) match?"""
    [hit] = Cue(source).find(text, analyse(text))
    assert hit.text == found


def test_a_list_finds_what_its_cues_find_one_by_one():
    """Does a whole list (word screen, shared preparation) give the merged hits of its cues alone?

    Over every list of the goal and question tables and a few texts, including a slice of the
    tokens (a word must start at a morpheme of the slice) and the same text asked twice.
    """
    from casework.goals import goal_rules
    from casework.language.rules import Hit
    from casework.questions import question_rules

    def naive(cue, text, tokens):  # every start tried, the text squeezed afresh
        if cue.is_pattern:
            return [Hit(text[tokens[i].start:tokens[end - 1].end], tokens[i].start, tokens[end - 1].end)
                    for i in range(len(tokens)) if (end := cue._match(tokens, i, 0)) is not None]
        where = [i for i, ch in enumerate(text) if not ch.isspace()]
        flat, starts, hits = "".join(text[i] for i in where), {t.start for t in tokens}, []
        at = flat.find(cue.word)
        while at >= 0:
            start, end = where[at], where[at + len(cue.word) - 1] + 1
            if not tokens or start in starts:
                hits.append(Hit(text[start:end], start, end))
            at = flat.find(cue.word, at + len(cue.word))
        return hits

    def merged(cues, text, tokens):
        hits = sorted((h for c in cues for h in naive(c, text, tokens)), key=lambda h: (h.start, -h.end))
        out: list[Hit] = []
        for h in hits:
            if out and h.start < out[-1].end:
                if h.end > out[-1].end:
                    last = out.pop()
                    out.append(Hit(text[last.start:h.end], last.start, h.end))
                continue
            out.append(h)
        return out

    texts = ["사례관리자가 매주 가정방문한다", "왜 약을 안 드셨어요? 어제는 어디 가셨어요?",
             "어르신이 3개월 안에 도시락 배달 서비스를 빠짐없이 받는다"]
    checked = 0
    for table in (goal_rules(), question_rules()):
        for cue_list in table.lists.values():
            for text in texts:
                tokens = analyse(text)
                for toks in (tokens, tokens[2:], tokens):
                    expected = merged([Cue(c) for c in cue_list.cues], text, toks)
                    assert cue_list.find(text, toks) == expected, (cue_list.cues[:3], text)
                    checked += bool(expected)
    assert checked >= 20  # the texts do hit many lists


def test_a_form_prefix_needs_the_prefix():
    """Does 'OO*/SL' match only a Latin token that starts with OO (not OECD)?"""
    assert not Cue("OO*/SL").find("OECD 기준", analyse("OECD 기준"))


@pytest.mark.parametrize("goal", ["OO개월 안에 체중이 OOkg 이상 늘어난다", "어르신이 ○○개월 안에 체중을 ○○kg 이상 유지한다"])
def test_a_blank_figure_before_a_latin_unit_is_a_note_not_a_mistake(goal):
    """Is a blank figure before kg or cm answered with the note that asks for it, and no mistake 7?"""
    from casework.goals import check_goal, goal_notes

    assert check_goal(goal) == []
    assert goal_notes(goal)


def test_a_gap_does_not_cross_a_sentence_end():
    """Does '…' stop at the end of a sentence?"""
    assert Cue("왜/MAG … 었/EP").find("왜요? 어제 갔었어요", analyse("왜요? 어제 갔었어요")) == []


@pytest.mark.parametrize(
    "body, message",
    [
        ("title: t\nlists:\n  wh:\n    explain: x\n    cues: [\"왜/MAG … \"]\n    examples: [왜]\n", "'…'"),
        ("title: t\nlists:\n  wh:\n    explain: x\n    cues: [\"왜/mag/\"]\n    examples: [왜]\n", "형태소"),
        ("title: t\nlists:\n  wh:\n    explain: x\n    cues: [왜, 왜]\n", "두 번"),
        ("title: t\nlists:\n  wh:\n    explain: x\n    cues: []\n", "lists.wh.cues"),
        ("title: t\nlists:\n  other:\n    explain: x\n    cues: [왜]\n", "wh"),
        ("title: t\nlists:\n  wh:\n    explain: x\n    cues: [왜]\n    colour: red\n", "colour"),
    ],
)
def test_a_broken_rule_file_is_refused_in_korean(tmp_path, body, message):
    """Is a malformed pattern, a duplicate, an empty list, a missing list or an unknown key refused?"""
    from casework.datafiles import load_yaml_model

    path = tmp_path / "rules.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as info:
        load_yaml_model(path, rule_table_model({"wh"}, "test"))
    assert "rules.yaml" in str(info.value)


# --------------------------------------------------------------------------- the benchmark


def test_benchmark_runs_on_a_small_slice():
    """Does the accuracy benchmark run end to end on the first items of each set and print its tables?"""
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_language.py"), "--limit", "12", "--show-errors"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert out.returncode == 0, out.stderr
    for heading in ("Goals (7 planning mistakes)", "Questions (5 checkable mistakes)", "Masking",
                    "good items flagged", "identifiers hidden"):
        assert heading in out.stdout
    assert "12 goals, 12 questions, 12 masking notes" in out.stdout


def test_benchmark_counts_hidden_spans_that_are_no_identifier():
    """Does score_masking count a hidden word that is neither an identifier nor a kept item as over-masked,
    and not a hidden identifier?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    from casework.privacy import Masked, MaskResult

    text = "김영희 씨가 사과를 샀다"
    note = bench.Note(text, identifiers=[("이름", 0, 3)], kept=[])

    def mask(_text: str) -> MaskResult:
        return MaskResult("", {}, (Masked("name", "김영희", 0, 3), Masked("name", "사과", 7, 9)))

    scores = bench.score_masking(mask, [note])
    assert scores["hidden"] == 1 and scores["spans"] == 2 and scores["over"] == ["사과"]


def test_benchmark_scores_a_name_by_what_the_output_shows():
    """Is a name whose hidden span starts on it (김선생님 → 김○○님: the span keeps its first character) scored
    visible, while the same span starting before a full name's surname hides the given name?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    from casework.privacy import Masked, MaskResult

    glued = bench.Note("김선생님 연락 옴", identifiers=[("이름", 0, 1)], kept=[])
    full = bench.Note("김영희 씨 연락 옴", identifiers=[("이름", 0, 3)], kept=[])

    def shown(_text: str) -> MaskResult:
        return MaskResult("김○○님 연락 옴", {"name": 1}, (Masked("name", "김선생", 0, 3),))

    def hidden(_text: str) -> MaskResult:
        return MaskResult("김○○ 씨 연락 옴", {"name": 1}, (Masked("name", "김영희", 0, 3),))

    assert bench.score_masking(shown, [glued])["hidden"] == 0
    assert bench.score_masking(hidden, [full])["hidden"] == 1


def test_benchmark_reads_a_surname_before_the_maskers_blank_as_the_maskers_own_form():
    """Is a surname marked before ○ (김○○, the masker's own output for a full name) scored hidden when left as
    written, while a lone surname before 씨 must be hidden?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    from casework.privacy import MaskResult

    blank = bench.Note("김○○ 할아버지 독거", identifiers=[("이름", 0, 1)], kept=[])
    lone = bench.Note("김 씨 독거", identifiers=[("이름", 0, 1)], kept=[])

    def mask(text: str) -> MaskResult:
        return MaskResult(text, {})

    assert bench.score_masking(mask, [blank])["hidden"] == 1
    assert bench.score_masking(mask, [lone])["hidden"] == 0


def test_benchmark_sets_meet_the_size_the_issue_asks_for():
    """Are the development sets as large and balanced as required? The quarter with two or three mistakes is
    asked of the first annotator's set, written to the issue's spec; later annotators wrote about a quarter too,
    but their repeats of goals already in the set were left out, mostly single-mistake ones."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    first = bench.load_goals(bench.DATA / "goals.tsv", "first")
    assert len(first) >= 200 and sum(1 for e, _, _ in first if len(e) >= 2) >= len(first) / 4
    goals = bench.load_goals(bench.DATA / "goals.tsv")
    questions = bench.load_questions(bench.DATA / "questions.tsv")
    notes = bench.load_notes(bench.DATA / "masking.txt")
    assert len(goals) >= 200 and sum(1 for e, _, _ in goals if not e) >= 50
    assert all(sum(1 for e, _, _ in goals if str(n) in e) >= 15 for n in range(1, 8))
    assert sum(1 for e, _, _ in goals if len(e) >= 2) >= len(goals) / 5
    assert len(questions) >= 150 and sum(1 for e, _ in questions if not e) >= 40
    assert all(sum(1 for e, _ in questions if c in e) >= 18 for c in "LCMXW")
    assert len(notes) >= 100
    # synthetic numbers only: every registration number ends in six zeros
    for note in notes:
        for kind, start, end in note.identifiers:
            if kind in ("주민", "외국인"):
                assert note.text[start:end].endswith("000000")


def test_benchmark_parts_divide_the_sets_at_the_annotators():
    """Do --part first to fifty-ninth split each set at its markers, together giving all items?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    for load, name in ((bench.load_goals, "goals.tsv"), (bench.load_questions, "questions.tsv"),
                       (bench.load_notes, "masking.txt")):
        parts = [load(bench.DATA / name, part) for part in bench.PARTS[1:]]
        assert all(parts), name
        assert sum(map(len, parts)) == len(load(bench.DATA / name)), name
    assert [len(bench.load_goals(bench.DATA / "goals.tsv", p)) for p in bench.PARTS[1:]] == [
        214, 156, 180, 184, 200, 202, 182, 212, 217, 190, 190, 173, 160, 161, 178, 164, 174, 169, 167, 175, 174, 173, 173,
        165, 168, 169, 157, 166, 156, 171, 179, 177, 174, 169, 165, 164, 164, 175, 150, 168, 176, 159, 164, 150,
        164, 152, 163, 168, 176, 158, 159, 165, 154, 163, 125, 158,
        169, 178, 167]
    with pytest.raises(SystemExit):
        bench.load_goals(bench.DATA / "goals.tsv", "sixtieth")


def test_topic_benchmark_runs_and_its_set_covers_every_topic():
    """Does the topic benchmark run, and does its labelled set have ≥10 sentences per topic and general ones?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_topics

    from casework.topics import topic_ids

    rows = bench_topics.load_topics(bench_topics.DATA / "topics.tsv")
    assert len(rows) >= 200 and sum(1 for e, _ in rows if not e) >= 15
    assert all(sum(1 for e, _ in rows if t in e) >= 10 for t in topic_ids())
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_topics.py"), "--limit", "40"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Topics: recall R, precision P" in out.stdout and "health (건강)" in out.stdout


def test_topics_and_manner_are_read_from_their_tables():
    """Do find_topics and read_manner report what their lists say (several topics, principles kept and broken)?"""
    from casework.listening import Principle, read_manner
    from casework.topics import find_topics

    assert {h.topic for h in find_topics("병원비는 어떻게 마련하세요?")} == {"health", "money"}
    assert find_topics("요즘 어떻게 지내세요?") == ()
    kept, broken = read_manner("오늘 하신 말씀은 허락 없이 다른 분께 알리지 않을게요.").principles()
    assert kept == (Principle.CONFIDENTIALITY,) and broken == ()
    kept, broken = read_manner("병원에 꼭 가셔야 해요.").principles()
    assert broken == (Principle.SELF_DETERMINATION,)
    assert read_manner("혼자 병원 다니시기가 많이 힘드셨군요.").listening
    assert not read_manner("혼자 사시니까 외로우시죠?").listening


def test_hold_out_lists_the_cues_only_one_annotator_uses():
    """Does own_cues list a cue hit only by one part's items (or whose examples are all that part's), not a shared one?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    from casework.language import analyse
    from casework.language.rules import rule_table_model

    table = rule_table_model({"a"}, "t").model_validate({"title": "t", "lists": {"a": {
        "explain": "x", "cues": ["바우처", "상담", "안녕감"], "examples": ["안녕감 회복"]}}})
    items = [("first", "상담을 받는다"), ("sixth", "바우처 사용률 100%"), ("sixth", "상담 만족도"),
             ("sixth", "안녕감 회복")]
    own = bench.own_cues(table, items, "sixth", analyse)
    assert [line.split(" (")[0] for line in own] == ["a: 바우처", "a: 안녕감"]
    assert bench.own_cues(table, items, "first", analyse) == []
    assert "--hold-out" in bench.__doc__


def test_hold_out_option_prints_one_part_and_its_own_cues(capsys):
    """Does --hold-out sixth score the sixth part only and end with its own cues per rule table?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    assert bench.main(["--hold-out", "sixth", "--no-baseline", "--limit", "3"]) == 0
    out = capsys.readouterr().out
    assert "(sixth annotator) — 3 goals" in out
    assert "Cues that exist only for the sixth annotator" in out
    assert all(f"  {name}: " in out for name in ("goals", "questions", "masking"))


def test_baseline_loader_leaves_no_temporary_folder(tmp_path, monkeypatch):
    """Does loading the old regex judges clean up the folder their sources were written to?"""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_language as bench

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    modules = bench.load_baseline()
    if modules is None:
        pytest.skip("no git history with the baseline commit in this checkout")
    assert set(modules) == {"planning", "interview", "privacy"}
    assert callable(modules["privacy"].mask_case_text)
    assert list(tmp_path.iterdir()) == []
