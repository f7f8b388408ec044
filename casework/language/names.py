"""Finding people's names in a case note without being told them.

Rules (the workbook's; word lists in ``casework/data/language/masking_rules.yaml``):

* **sure**: a word shaped like a Korean name (a surname from ``surnames`` or
  ``compound_surnames`` and one to three more syllables) right before a title (``titles``:
  김영희 어르신, 박철수 씨), right after a family or role word (``roles``: 딸 이수진), or right
  before a bracket (장민혁(34세)); a name-shaped word that is also a dictionary word when it sits
  between a role and a title (담당 배수진 주무관); a surname alone before a title, glued or
  spaced (박씨, 박 씨, 김할머니, 서 여사), except a determiner '이' whose title the text already
  used (어르신이 … 이 어르신은: it points back); a foreign name in Hangul before a title, glued or
  spaced, from a ``foreign_family_names`` word or from words the analyser reads as proper nouns
  or does not know (응우옌 티 란 씨, 마리아 산토스씨); two to four capitalised
  Latin words (Nguyen Thi Lan, MARIA SANTOS; tones dropped first: Nguyễn Thị Thu Hà); a name-shaped word after a found name in a list
  (기영철·김순옥); full names with one surname joined by · or a comma (손유진·손유나, 우진수,
  우진철 씨); a name after a job title written first (``job_titles``: 복지팀장 오민지에게);
  a title with 님 (노 팀장님); a surname with 군/양 glued where the analyser splits them (서군,
  not 장군); a surname before a blank given name (김OO 씨); one romanised word before a title or
  after a family word (Nurzhan 씨, 딸 Anna); the same person named again in the note
  (coreference: after 김영희, '김 씨', '김씨', '김 할머니', '영희 씨', '영희가'; a given name
  that is also a word, 하늘, only before a title, as 하늘이가, or opening a sentence as its topic or
  subject: 김은혜 … 삶. 은혜는, 길슬기 … 슬기가 학교를); a surname with 님 glued
  (최님; not 손님, 형님); a romanised name found in the note written again in Hangul (Olga …
  올가 씨: the same consonants); a foreign name before an age (응우옌 티 투(34세)) and its last
  word again before a title (투 씨는); surnames listed as households (장, 구 두 가구; 윤·장 두
  가구) and those surnames alone later in the note (장 통화 안 됨, 구는 부재); a surname between a
  role and an age (대상자 윤(77세)); and every further occurrence of a found name (of a name that is
  also a word, 유리, 지원, only where it is called by name: a title, 이 and a particle, an age);
  the note's own name model: a given name of a full name found, wherever it starts a word
  (민수한테서), a surname the note used as a sentence's subject (금은 …), a foreign given name's
  full form before a bracket (마리아 산토스(필리핀)); a name before a bracketed aside and a title
  (Anna (러시아) 씨, 아이게림(카자흐스탄) 씨); a name after a role with a birth order or a landlord
  (작은손자 바다는 초등 3학년, 집주인 모경수); one syllable after a role before an age (딸 린(6세));
  a name the note gives as a name (``naming_verbs``: '콩이'라고 부르는, 란이라고 불러, 영식이
  아저씨라고 부름; 이름은 별이와 달이) and that given name with a surname elsewhere (장영식);
  foreign names by their shape without a title (a ``foreign_family_names`` word glued to more
  syllables, 쩐반민으로; a ``foreign_name_endings`` ending, 이바노바; a word no dictionary knows
  before 씨 or 님, 아이게림 씨, 스레이몸님; a long unknown word after a role, 배우자 닐루파르); a romanised name's
  Hangul form in brackets after it (Jocelyn Reyes 씨 (조슬린 레예스)); a word joined by 랑/와/과
  to a name found (하늘이랑 수아가); a given name that is a word with a title written apart (보람
  씨는) or opening a sentence as its topic (… 수령. 바다는); a dictionary word right before 씨 as a
  title (금화 씨; not 씨를); a surname written apart before a given name found (진 슬기 씨) and a name
  a syllable at a time before a title or after a family word (김 은 별 학생, 딸 위 새 롬(38세)); a surname before a local role (윤 통장); a
  surname or a one-syllable name used alone, glued to 님/씨 elsewhere (주 님 … 주님, 동 씨 … 동씨); a one-syllable given name of a full
  name found, with a particle (노솔 … 솔만); a name-shaped word right before a registration
  number or first in brackets before an age (할머니(이순자, 81세)); a foreign name led by a
  family name without a title (응우옌 티 란으로, 쩐티 마이로, 응우옌 티 투(Nguyen …) or a dictionary-word family name
  after an unknown given name (수닐 타파 씨); a romanised family name with an initial (KIM Y.)
  or as a passport writes it before a title (SANTOS, MARIA 씨); a nickname the note gives
  (별명이 '짱구'인, '똘똘이'라 부르는) at every occurrence; names listed in brackets after a family
  word (자녀 셋(철수, 영희, 민수)) and a quoted call with the vocative 아/야 ("민수야 밥 먹자"),
  both unsure. Also sure: an online ID, an @handle, a channel or game nickname after 닉네임,
  아이디, 채널명 or 프로필명 (게임 닉네임 새벽늑대로만); a teknonym's child name before 엄마/아빠
  (똘이 엄마, 캉이 아빠); a quoted nickname with a kinship title, whole ('짱구 오빠'라는); a name in
  Chinese characters opening with a common surname (``hanja_surnames``: 王偉) and its reading after
  it (張麗(장리)); a capitalised Cyrillic word (Тёма); a staff member's name or surname before a
  staff title (장 통역사, 길소라 요원, 복지관(장 과장)); a name before a label and its number
  (고은비 주민 020819-…, 변우식 전화 010-…); the name after 성함은; a surname a note states after
  성 (하루(12세) 성 탁.); a dictionary word with 씨 glued (만석씨가; not 마음씨).
* **unsure**: a Korean-name-shaped word that only the analyser reads as a proper noun, not
  ending like a place or agency (``place_suffixes``); a given name alone after a family word or
  before an age in brackets, or next in a list after one (손녀 수아가, 민준(7세), 자녀 은별, 은솔),
  read as a proper noun or cut into single syllables (은+별); one syllable that is no surname
  before 씨 or 님 (란 씨); a child's name that
  is also a word, with 이 before an age or school year (하늘이(초3)); a word, dictionary word or
  not, between a family or person word and an age (손자 하늘(11세), 아기 하늘(5개월); not a count,
  딸 하나(7세)); a proper noun whose predicate is an age or a school year (드미트리는 10세, 유리는
  중학교 1학년); a name with the friendly 이 and a particle (하늘이가; not 놀이가, 고양이는, where
  the analyser knows the word with its 이), or with 이, 이네, 이와 before a family word or a school
  year (다은이네, 하늘이 엄마, 다은이 5학년). Hidden too and reported as unsure.

Words in ``not_names``, ``person_words`` and single known words other than proper nouns (연락처,
하나) are never names; before a title alone, a word with a particle, an ending or a verb (3개월
안에 할머니가, 혼자 사시는 어르신) is no name; a bracket marks a name only when it holds an age,
a number, a sex or a school year (not 우울척도(PHQ-9)); a word ending in 에/에서 after a family
word is a place (아들 서울에 거주); a word ending like a place or team (``place_suffixes``: 담당
복지팀, 화양동 통장님, 보람그룹홈) is no name; a surname the note used is no person as the subject
of a thing's predicate (``thing_predicates``: 문은 잠겨 있음, 강이 범람함); a name that is also a
word, then 이 and an adjective or verb, is the word (하늘이 맑아); a surname-like syllable on a
common noun before a verb after a title is the noun (금 씨 할머니 금반지 팔아); a lone proper-noun
reading of a dictionary word is checked after a determiner (바다); an adjective's stem is no name
with the friendly 이 (한결같이); a two-syllable proper noun before a common noun is a place (강남
식당); 두/세/네 before a title are numbers (두 어르신); 나 at a sentence's start is 'I'.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from casework._util.text import DASHES, final_consonant
from casework.language import analyse

__all__ = ["NameSpan", "coordinated_names", "find_names", "masking_rules"]

_LISTS = frozenset({"titles", "roles", "surnames", "compound_surnames", "foreign_family_names",
                    "not_names", "place_suffixes", "job_titles", "person_words", "foreign_name_endings",
                    "thing_predicates", "naming_verbs", "countries", "hanja_surnames", "calling_verbs",
                    "world_places", "kept_brands", "shop_words", "agency_short_names", "surname_titles",
                    "rare_surnames"})


def masking_rules():
    """The validated rule table of name finding."""
    from casework.language.rules import load_rule_table

    return load_rule_table("masking_rules.yaml", _LISTS)


@dataclass(frozen=True)
class NameSpan:
    """A name found in a text: where it is, and whether the rules are sure of it."""

    start: int
    end: int
    text: str
    sure: bool
    surname_only: bool = False
    given_only: bool = False
    named: bool = False
    """The note gives the word as a name ('꼬마'라고 부르는, 별명이 '짱구'): every occurrence is the person."""


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset(masking_rules()[name].cues)


_HANGUL_WORD = re.compile(r"[가-힣]+")
_WORD = re.compile(r"[^\s(\[{<「『\"'“‘]\S*")
"""A word: from its first character that is not a space or an opening bracket or quote."""
_LATIN_SINGLE = re.compile(r"(?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?|[A-Z]{2,})")
_BLANK_GIVEN = re.compile(r"(?:OO|XX|ㅇㅇ|\*\*)")
"""A given name left blank after a surname (김OO 씨): the surname alone is still written."""
_PERSON_BRACKET = re.compile(r"\(\s*(?:만\s*)?[0-9초중고남여]")
"""A bracket after a name holds an age, a number, a sex or a school year: 장민혁(34세), 김영희(여, 82)."""
_AGE_BRACKET = re.compile(r"\(\s*(?:[가-힣]{1,2},\s?)?(?:만\s*|생후\s*)?\d{1,3}\s*(?:세|살|개월)"
                          r"|\(\s*(?:[초중고]|초등|중학교?|고등학교?)\s*\d|\(\s*\d\s*학년")
"""An age or a school year in brackets right after a word ((7세), (만 19세), (5개월), (생후 4개월), (초3), (초등 5학년),
(2학년)), also after a family word ((손녀, 15세)): a person."""
_AGE_WORDS = re.compile(r"\s*(?:만\s*)?\d{1,3}\s*(?:세|살)(?![가-힣])|\s*(?:[초중고]|초등학교|중학교|고등학교)\s*\d\s*(?:학년)?"
                        r"|\s*\d\s*학년")
"""An age or a school year as what a sentence says of its subject (드미트리는 10세, 유리는 중학교 1학년)."""
_TOPIC = ("이는", "이가", "은", "는", "이", "가")
_FRIENDLY = ("가", "는", "를", "랑", "한테", "하고", "도", "네", "와", "의")
"""Particles after a child's name with the friendly 이 (하늘이가, 민준이는); never after a noun's own 이."""
_UP = "A-ZÀ-ÖØ-ÞĐƠƯ"
_LOW = "a-zß-öø-ÿđơưạ-ỹ"
"""Latin letters with the diacritics of Vietnamese and Western names (Huỳnh Thị Kim Phượng, José)."""
_LATIN_NAME = re.compile(
    rf"(?<![A-Za-z{_LOW}])(?:[A-Z][a-z]?\. )?(?:[{_UP}][{_LOW}]+(?:-[A-Za-z][{_LOW}]+)?|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)"
    rf"(?:[ ](?:[{_UP}][{_LOW}]+(?:-[A-Za-z][{_LOW}]+)?|[A-Z]{{2,}}(?:-[A-Z]{{2,}})?)){{1,4}}(?![A-Za-z{_LOW}])"
)
"""Two to five capitalised words, the first perhaps after an abbreviated name (Ma. Theresa Villanueva)."""
_LATIN_INITIAL = re.compile(
    r"(?<![A-Za-z.])(?:(?:[A-Z][a-z]+|[A-Z]{2,}) [A-Z]\.|[A-Z]\. ?[A-Z][a-z]+)(?![A-Za-z])")
"""A romanised family name with an initial (KIM Y., Lee J., J. Lee): how a signature or a form shows a name."""
_CYRILLIC_NAME = re.compile(r"(?<![А-Яа-яЁё])[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁ][а-яё]+){0,3}(?![А-Яа-яЁё])")
"""A capitalised word in Cyrillic, up to four (Тёма, Ольга Петрова): a name, as one in Chinese characters."""
_LATIN_COMMA = re.compile(r"(?<![A-Za-z])[A-Z]{3,}, [A-Z]{3,}(?: [A-Z]{3,})?(?![A-Za-z])")
"""A name as a passport writes it (SANTOS, MARIA): only before a title, not a list of acronyms."""
_SENTENCE_SUBJECT = re.compile(r"(?:^|(?<=[.!?]\s))([가-힣]{1,2})(?=(?:은|는|이|가|과|와|도)\s)")
"""A one- or two-syllable word with a subject particle at a sentence's start (금은 …, 편은 …)."""
_BEFORE_BRACKET = re.compile(r"(?<![가-힣])([가-힣]{2,6}) ([가-힣]{2,6})(?=\()")
"""Two Hangul words, the second right before a bracket (마리아 산토스(필리핀))."""
_PARTICLES = ("께서는", "께서", "에게서", "에게", "한테", "으로", "이랑", "하고", "이가", "이는", "이를", "이와",
              "이의", "은", "는", "이", "가", "을", "를", "의", "와", "과", "도", "만", "랑", "로", "께")


def _surname_split(word: str) -> bool:
    """Is ``word`` shaped like a Korean name: a known surname and one to three more syllables?"""
    if word in _words("not_names"):
        return False
    if word[:2] in _words("compound_surnames") and 3 <= len(word) <= 4:
        return True
    return word[:1] in _words("surnames") and 2 <= len(word) <= 4


def _is_common_noun(word: str) -> bool:
    tokens = analyse(word)
    if len(tokens) == 1 and tokens[0].tag == "NNP" and len(word) >= 2:
        # alone a dictionary word may be read as a proper noun (바다); after a determiner it is not
        framed = [t for t in analyse(f"그 {word}") if t.start >= 2]
        return (len(framed) == 1 and framed[0].tag == "NNG" and not framed[0].oov) or _noun_compound(word)
    if len(tokens) == 1:
        return tokens[0].tag != "NNP" and not tokens[0].oov
    # 주민+번호 is a compound of known nouns; 한복+순 (a one-syllable piece) is a name misread;
    # a noun with a counting suffix (사흘+째, 이틀+간) is a word too
    if len(tokens) == 2 and tokens[1].tag == "XSN" and tokens[1].form in ("째", "간", "쯤", "들"):
        tokens = tokens[:1]
    return all(t.tag == "NNG" and not t.oov and len(t.form) >= 2 for t in tokens)


def _noun_compound(word: str) -> bool:
    """Is ``word`` (four syllables or more, read whole as a proper noun) two dictionary nouns of two
    syllables or more each, as 정신건강 is 정신 + 건강? A four-syllable name does not split so."""
    for cut in range(2, len(word) - 1):
        halves = [analyse(word[:cut]), analyse(word[cut:])]
        if all(len(h) == 1 and h[0].tag == "NNG" and not h[0].oov for h in halves):
            return True
    return False


_AFTER_FINAL = ("이", "은", "을", "과", "으")
_AFTER_VOWEL = ("는", "를", "가", "와")


def _particle_fits(stem: str, particle: str) -> bool:
    """Can ``particle`` follow ``stem`` by its sound (영숙이, 마이가; not 마 + 이, 란 + 는)?"""
    final = final_consonant(stem)
    return not ((particle.startswith(_AFTER_FINAL) and final == 0) or (particle.startswith(_AFTER_VOWEL) and final))


def _strip_particle(word: str) -> str:
    """``word`` without a particle that fits its sound (영숙이가 → 영숙; 왕리웨이 keeps its 이)."""
    for p in _PARTICLES:
        if word.endswith(p) and len(word) - len(p) >= 2:
            if not _particle_fits(word[: -len(p)], p):
                continue
            return word[: -len(p)]
    return word


def _listed_word(word: str) -> bool:
    """A word or a place closed by a comma or a stop (연결, 평택,): a list item, not a name before the
    title that opens the next item (…상담사 연결, 법무사 통화)."""
    head = word[:-1]
    return word.endswith((",", ".")) and _HANGUL_WORD.fullmatch(head) is not None and (
        head in _words("countries") or _is_common_noun(head))


def _is_title(word: str, *, said: bool = False) -> bool:
    """Is ``word`` a title, possibly with a particle after it (씨, 씨와, 어르신께서)? With ``said``, a
    title of two syllables or more may also take a household's 네 or the copula (구 사장네 식당, 함
    사장이라 불리는: after a surname alone), but 씨, 님, 군, 양 may not (아저씨라고 is no 아저 and 씨)."""
    head = _HANGUL_WORD.match(word)
    if not head:
        return False
    head_text = head.group(0)
    return any(head_text == t or (head_text.startswith(t) and (_honorific_rest(head_text[len(t):]) or (
        said and len(t) >= 2 and head_text[len(t):] in _HOUSEHOLD_OR_COPULA))) for t in _words("titles"))


_HOUSEHOLD_OR_COPULA = frozenset({"네", "네가", "네는", "네도", "네의", "님네", "이라", "이라고", "이라는", "이란", "라", "라고", "라는",
                                  "란"})


def _without_household(word: str) -> str:
    """``word`` without a household's 네 or the copula at its end (왕할머니라고 → 왕할머니)."""
    return next((word[:-len(t)] for t in sorted(_HOUSEHOLD_OR_COPULA, key=len, reverse=True) if word.endswith(t)), word)


def _honorific_rest(rest: str) -> bool:
    """A particle, or 님 and a particle, after a title (씨가, 팀장님, 주무관님께서); the particle may
    take 도, 는 or 만 after it (목사님께도, 관찰관에게는)."""
    return _particle(rest) or (rest.startswith("님") and (rest == "님" or _particle(rest[1:]))) or (
        rest.startswith("댁") and rest[1:] in ("", *_PARTICLES))  # 최 할머니댁: the person's home


def _particle(rest: str) -> bool:
    """A particle, alone or with 도, 는 or 만 after it (께도, 에게는, 한테만)."""
    return rest in _PARTICLES or (len(rest) >= 2 and rest[:-1] in _PARTICLES and rest[-1] in "도는만")


def _fold_latin(text: str) -> str:
    """``text`` with Latin letters' diacritics dropped, one character for one (Nguyễn Thị → Nguyen
    Thi, Đức → Duc), so that a Vietnamese name written with its tones has a romanised name's shape."""
    out = []
    for ch in text:
        if ch.isascii() or not ch.isalpha() or "가" <= ch <= "힣":
            out.append(ch)
            continue
        base = "D" if ch == "Đ" else "d" if ch == "đ" else unicodedata.normalize("NFD", ch)[0]
        out.append(base if base.isascii() and base.isalpha() else ch)
    return "".join(out)


def find_names(text: str) -> list[NameSpan]:
    """Names in ``text`` in text order, never overlapping (see the module docstring)."""
    folded = _fold_latin(text)
    if folded == text:
        return _find_names(text)
    return [replace(s, text=text[s.start:s.end]) for s in _find_names(folded)]


def _find_names(text: str) -> list[NameSpan]:
    found: list[NameSpan] = []
    doc = analyse(text)

    def add(start: int, end: int, sure: bool, surname_only: bool = False, given_only: bool = False,
            named: bool = False) -> bool:
        if end <= start or any(s.start < end and start < s.end for s in found):
            return False
        if _kept_word_at(text, start, end, named):
            return False  # 케냐, (페루 쿠스코), 정관장, 구의1동, 타망족: a place, a brand or a group, not a person
        if not sure and text[start:end] in _words("countries") and not _after_role(_word_before(text, start)):
            return False  # 인천, 하노이, 태국: a place is a name only where a title or a family word calls it one
        found.append(NameSpan(start, end, text[start:end], sure, surname_only, given_only, named))
        return True

    roles = _words("roles")
    late: list[int] = []  # one-syllable names with the friendly 이 (별이와), added after the other rules
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    # a bracketed aside between a name and its title (Anna (러시아) 씨) is looked through, and is no name
    asides = [k for k in range(len(words)) if words[k][0] > 0 and text[words[k][0] - 1] == "("
              and words[k][2].endswith(")")]
    # the last item of a bracket (…(27세, 지적장애) 씨) is an aside about the name before it, not a name
    before_title = [k + 1 < len(words) and k not in asides and not _listed_word(words[k][2])
                    and not (words[k][2].endswith(")") and "(" not in words[k][2]) and (
        _is_title(words[k + 1][2]) or (k + 1 in asides and k + 2 < len(words) and _is_title(words[k + 2][2])))
        for k in range(len(words))]

    _add_quoted_callings(text, add)  # before a word of a quoted nickname is taken alone ('감자 아저씨')
    _add_called_descriptions(text, add)  # and of one not quoted (호랑이 할아버지로 불리는)
    _add_taekho(words, add)  # before 순천 is taken for a place
    _add_house_callings(text, add)  # before the house is taken for a name alone (감나무집)
    _add_aged_lists(text, add)
    _add_glued_local_roles(text, add)
    _add_glued_to_role(text, add)
    _add_digit_handles(text, add)  # before the handle's word is taken alone (재하TV)
    _add_quoted_handles(text, add)
    _add_quoted_with_name(text, add)
    _add_latin_honorifics(text, add)
    _add_latin_initials(text, add)
    _add_surnames_before_some(text, add)
    for m in _LATIN_NAME.finditer(text):
        add(m.start(), m.end(), True)
    for m in _CYRILLIC_NAME.finditer(text):  # Тёма, Ольга Петрова: the script changes nothing
        add(m.start(), m.end(), True)
    for m in _LATIN_INITIAL.finditer(text):  # KIM Y., LEE J.로, J. Lee
        add(m.start(), m.end(), True)
    for m in _LATIN_COMMA.finditer(text):  # SANTOS, MARIA 씨: a passport's family name, a comma, the given name
        if _is_title(_word_at(text[m.end():].lstrip())):
            found[:] = [s for s in found if not (m.start() <= s.start and s.end <= m.end())]
            add(m.start(), m.end(), True)
    for k, (start, _end, raw) in enumerate(words):  # one romanised name: Nurzhan 씨, 딸 Anna, Maria씨가
        latin = _LATIN_SINGLE.match(raw)
        if not latin or _BLANK_GIVEN.fullmatch(latin.group(0)) or set(latin.group(0)) <= {"O", "X"} \
                or latin.group(0) in _LATIN_HONORIFICS or latin.group(0) == "ID":
            continue  # 본인 ID parkjs77: the word for the handle, not a name
        rest = raw[latin.end():]
        glued_title = bool(rest) and _is_title(rest)
        # after a family word or a role (딸 Sofia는, 아들 Artem(12세), 아기 Hana) a particle or an
        # age may follow; before a title nothing may
        after_role = k > 0 and (words[k - 1][2].rstrip(":,") in roles or _is_person_word(words[k - 1][2]) is True)
        particle_or_age = rest.rstrip(".,") in _PARTICLES or rest.startswith(("(", "이(")) or not rest.rstrip(".,")
        aside = bool(re.fullmatch(r"\([^()]+\)", rest)) and before_title[k]  # Rosalie(필리핀) 씨
        if rest.startswith("(") and not aside:  # Dolgor(돌고르, 몽골) 씨: a bracket with a comma, then the title
            closing = re.compile(r"\([^()]+\)").match(text, start + latin.end())
            aside = closing is not None and _is_title(_word_at(text[closing.end():].lstrip()))
        if re.fullmatch(r"[A-Z]{2,}", latin.group(0)) and re.match(r"\s?(?:\d|점)", text[start + latin.end():]):
            continue  # 어르신 MMSE 18점, GDS 9점: a scale's acronym before its score, not a name
        if (not rest and before_title[k]) or (after_role and particle_or_age) or glued_title or aside:
            add(start, start + latin.end(), True)
    for k in range(len(words)):  # foreign names in Hangul: 응우옌 티 란 씨, 마리아 산토스 씨, 응우옌 티 투(34세)
        lead = _HANGUL_WORD.match(words[k][2])
        aged = lead is not None and k > 0 and bool(_AGE_BRACKET.match(words[k][2], lead.end()))
        if before_title[k] or aged:
            foreign = _foreign_before(words, k, lead.group(0) if aged and lead else None, doc=doc)
            if foreign:
                add(foreign[0], foreign[1], True)
    _add_households(text, add)
    _add_spaced_syllables(text, words, found, add)  # before a syllable of it is taken for a surname alone (곽 분 이 할머니)

    for k, (start, _end, raw) in enumerate(words):
        # a surname alone opening a bracket glued to the word before, then a title: 복지관(장 과장)
        opened = raw.rfind("(")
        if opened > 0 and before_title[k] and len(raw) - opened == 2 and raw[-1] in _words("surnames") \
                and raw[-1] not in _NOT_SYLLABLE_NAMES:
            add(start + opened + 1, start + opened + 2, True, surname_only=True)
            continue
        hangul = _HANGUL_WORD.match(raw)
        if not hangul:
            continue
        head = hangul.group(0)
        if raw[hangul.end():hangul.end() + 1] == "○":
            continue  # already masked (김○○)
        if len(head) == 1 and head in _words("surnames") and _BLANK_GIVEN.match(raw, hangul.end()):
            add(start, start + 1, True, surname_only=True)  # 김OO 씨
            continue
        glued_foreign = _glued_title_at(head)
        if glued_foreign and k > 0:  # 응우옌 티 홍씨, 아나벨 크루즈씨
            foreign = _foreign_before(words, k, head[:glued_foreign], doc)
            if foreign and add(foreign[0], foreign[1], True):
                continue
        # a word with a bracketed aside, then 씨 or 님 (아이게림(카자흐스탄) 씨와): the aside says where
        # the person is from, as an age would say how old
        if raw[hangul.end():hangul.end() + 1] == "(" and raw.endswith(")") and before_title[k] \
                and words[k + 1][2].startswith(("씨", "님")) and 2 <= len(head) <= 6 \
                and not _is_person_word(head) and not _is_common_noun(head) and head not in _words("not_names"):
            add(start, start + len(head), True)
            continue
        # one word the analyser reads as a proper noun before 씨 or 님 (올가 씨, 알리나씨는): a name
        called = _called_proper(head, before_title[k] and words[k + 1][2].startswith(("씨", "님")))
        if called and add(start, start + len(called), True):
            continue
        # a longer word no dictionary knows before 씨 or 님 (아이게림 씨, 아이게림씨, 엥흐자르갈님): a foreign name
        called = _unknown_before_ssi(head, before_title[k] and words[k + 1][2].startswith(("씨", "님")))
        if called and add(start, start + len(called), True):
            continue
        # a dictionary word right before 씨 as a person's title (금화 씨, 슬기 씨는; not 수박 씨를)
        if before_title[k] and raw == head and 2 <= len(head) <= 3 and _ssi_of_person(words[k + 1][2]) \
                and _is_common_noun(head) and _is_person_word(head) is False and head not in _words("not_names") \
                and add(start, start + len(head), True, given_only=not _surname_split(head)):
            continue
        # the same with 씨 glued (만석씨가, 은결씨): not a word that ends in 씨 (마음씨, 아가씨, 날씨)
        ssi = head.find("씨", 2)
        if 2 <= ssi <= 3 and _ssi_of_person(head[ssi:]) and _is_common_noun(head[:ssi]) \
                and _is_person_word(head[:ssi]) is False and head[:ssi] not in _words("not_names") \
                and len(analyse(head[:ssi + 1])) >= 2 \
                and add(start, start + ssi, True, given_only=not _surname_split(head[:ssi])):
            continue
        # a surname alone before a title: 박씨, 천씨네, 김할머니, 엄여사는; 박 씨, 서 여사
        if _surname_alone(text, words, k, head, before_title[k] or (
                head != "이" and k + 1 < len(words) and (_local_role_word(words[k + 1][2]) or (
                    raw == head and (_surname_title(words[k + 1][2]) or _is_title(words[k + 1][2], said=True)))))):
            add(start, start + 1, True, surname_only=True)
            continue
        # a surname alone before a job noun the title list lacks (임 약사, 계 단장님, 하 후견인 연락처 010…):
        # with 님 on it, an agency or a role before, a bracket around or a phone number after
        if _surname_before_job_noun(text, words, k, head):
            add(start, start + 1, True, surname_only=True)
            continue
        # one syllable glued to 씨, whatever follows (임씨라고만, 란씨가, 좌씨 할망): the surname, or a
        # foreigner's one-syllable name, before its title
        # (not a shop, 권씨상회; not Latin letters read out, 디씨 DC, 비씨카드 BC)
        if len(head) >= 2 and head[1] == "씨" and head[0] not in _NOT_SYLLABLE_NAMES and head[0] not in "비디큐티" \
                and _ssi_after_name(head[:2]) \
                and not head[2:].startswith((*_words("shop_words"), *_words("place_suffixes"))) \
                and (head[0] in _words("surnames") or _lone_noun(head[0])):
            surname = head[0] in _words("surnames")
            add(start, start + 1, surname, surname_only=surname, given_only=not surname)
            continue
        prev = words[k - 1][2] if k > 0 else ""
        if k > 1 and _is_title(prev) and (_is_title(words[k - 2][2]) or any(s.end == words[k - 2][1] for s in found)):
            prev = ""  # 금 씨 할머니 금반지: 할머니 is the title of the name before, no role before a new one
        # a surname alone between a role and an age: 대상자 윤(77세, 남)
        if len(head) == 1 and head in _words("surnames") and _after_role(prev) \
                and _AGE_BRACKET.match(text, start + hangul.end()):
            add(start, start + 1, True, surname_only=True)
            continue
        # one syllable that is no surname before 씨 or 님: a given name (란 씨, 투 씨): unsure
        if len(head) == 1 and raw == head and before_title[k] and head not in _words("surnames") \
                and words[k + 1][2].startswith(("씨", "님")) and _lone_noun(head):
            add(start, start + 1, False, given_only=True)
            continue
        # a title glued to the name: 김영희님, 정옥희님이
        glued = next((head[:i] for i in range(2, len(head))
                      if _is_title(head[i:]) and not head[i:].startswith(("군", "양"))), None)
        if glued and _surname_split(glued) and not _is_common_noun(glued) and glued not in _words("titles"):  # not 권사님
            add(start, start + len(glued), True)
            continue
        # a full name glued to 청년 (김로운청년), as to a title; not a kind of young adult (은둔청년, 이주청년)
        if len(head) >= 5 and head[3:5] == "청년" and _particle_or_none(head[5:]) and _korean_name_shaped(head[:3]):
            add(start, start + 3, True)
            continue
        # two particles may follow (태윤이한테도); a full name ending in 이 before a bracket keeps it (국순이(78세))
        # no particle comes before a bracket: 송재만(57세) keeps its 만 (only 이 may be the friendly one)
        bracketed = raw[hangul.end():hangul.end() + 1] == "(" and not head.endswith("이")
        stem = head if before_title[k] or bracketed or _full_name_with_i(head, raw) \
            else _strip_particle(_strip_particle(head))
        # 딸 이수진; 복지팀장 오민지에게 (a title before the name); not 어르신이 경로당에
        after_role = _after_role(prev) or _ends_with_job_title(prev)
        if _AGE_BRACKET.match(text, start + hangul.end()) and head == stem + "이" and 2 <= len(stem) <= 3 \
                and _is_person_word(stem) is False:
            add(start, start + len(stem), False, given_only=True)  # 하늘이(초3): a name that is also a word
            continue
        if len(head) == 2 and _AGE_BRACKET.match(text, start + 2) and _friendly_name(head + "가") == head[0]:
            late.append(start)  # 별이(17세): one syllable with the friendly 이
            continue
        bracket = bool(_PERSON_BRACKET.match(raw, hangul.end()))
        listed = (prev.endswith(("·", ",")) and any(s.end >= words[k - 1][1] - 2 for s in found)) or (
            # joined to a name found (하늘이랑 수아가, 민준이와 서연이); not to a surname alone (길씨와 나이차)
            prev.endswith(("랑", "와", "과", "하고"))
            and any(words[k - 1][0] <= s.start < words[k - 1][1] and not s.surname_only for s in found))
        parts = [(start + p.start(), p.group(0)) for p in _HANGUL_WORD.finditer(raw)] if "·" in raw else []
        # between a role and a title a dictionary word is a name too (담당 배수진 주무관)
        # before a title alone, a word with a particle or an ending is no name (3개월 안에 할머니가,
        # 혼자 사시는 어르신)
        weak = before_title[k] and not (after_role or bracket or listed)
        place = head.endswith(("에", "에서")) and not head.endswith("에게")  # 아들 서울에 거주
        if (before_title[k] or after_role or bracket or listed) and _surname_split(stem) \
                and not _is_person_word(stem) and not _is_title(stem) and not (weak and _has_grammar(stem)) and not place \
                and not _inflected_verb(stem) \
                and not (_place_or_team(stem, words[k + 1][2] if k + 1 < len(words) else "")
                         and not _AGE_BRACKET.match(text, start + len(stem))) \
                and not (_is_common_noun(stem) and not (after_role and before_title[k])):
            add(start, start + len(stem), True)
            for at, part in parts[1:]:  # 기영철·김순옥
                if _surname_split(part):
                    add(at, at + len(part), True)
            continue
        if before_title[k] and len(stem) >= 2 and stem not in _words("not_names") and not _is_common_noun(stem) \
                and not stem.endswith(tuple(_words("place_suffixes"))):
            if _proper(analyse(stem)):  # 에르덴 씨
                add(start, start + len(stem), True)
                continue
        # a family word before and an age after: a name even if it is also a word (손자 하늘(11세)): unsure
        if _after_role(prev) and _AGE_BRACKET.match(text, start + hangul.end()) \
                and 1 <= len(head) <= 3 and _is_person_word(head) is False and not _is_count(head) \
                and not (len(head) == 1 and head in _words("surnames")):  # 딸 린(6세) too
            add(start, start + len(head), False, given_only=True)
            continue
        # a proper noun whose predicate is an age or a school year (드미트리는 10세): unsure
        subject = _subject_of_age(text, words, k, head, doc, named=_after_role(prev))
        if subject:
            add(start, start + len(subject), False, given_only=True)
            continue
        # a child's name with the friendly 이 (하늘이가, 다온이는): no noun takes 이 and then 가
        friendly = _friendly_name(head) or (raw == head and k + 1 < len(words) and _friendly_bare(
            head, words[k + 1][2], text[words[k][1]:]))
        if friendly:
            if len(friendly) == 1:  # 별이와: one syllable, asked after the rules that mark a nickname whole (똘이)
                late.append(start)
            else:
                add(start, start + len(friendly), False, given_only=True)
            continue
        # a given name alone after a family word, next in a list of names, or before an age
        # (손녀 수아가, 자녀 은별, 은솔; 민준이(7세)): unsure
        given = _strip_given(_strip_particle(_strip_particle(head)))
        if (_after_role(prev) or listed or _AGE_BRACKET.match(text, start + hangul.end())) \
                and _is_person_word(given) is False and _given_name_shape(given, head[len(given):]):
            add(start, start + len(given), False, given_only=True)

    # the analyser's proper nouns with a Korean name's shape: unsure
    for tok in doc:
        if tok.tag != "NNP" or not _surname_split(tok.form) or len(tok.form) > 3 + (tok.form[:2] in _words("compound_surnames")):
            continue
        if any(tok.form.endswith(s) for s in _words("place_suffixes")) or _is_person_word(tok.form):
            continue
        nxt = next((t for t in doc if t.start > tok.start), None)
        if len(tok.form) >= 3 and _is_common_noun(tok.form[1:]) and nxt is not None and nxt.tag in ("VV", "VA") \
                and nxt.start == tok.end + 1:
            continue  # 금반지 팔아: a surname-like syllable on a common noun, the object of a verb
        if len(tok.form) == 2 and nxt is not None and nxt.tag == "NNG" and nxt.start == tok.end + 1 \
                and _is_person_word(_word_at(text[nxt.start:])) is False and not _is_title(_word_at(text[nxt.start:])):
            continue  # 강남 식당에서: a two-syllable proper noun before a common noun names a place or thing
        after = text[tok.end: tok.end + 1]
        rest = _word_at(text[tok.end:])
        if after.isdigit() or (rest and not (rest in _PARTICLES or _is_title(rest))) \
                or re.search(r"[0-9]-$", text[:tok.start]):
            continue  # part of a longer word (광진구청, 구의3동) or of a code (2025-안산-0142)
        alone = analyse(tok.form)
        if (_is_common_noun(tok.form) or all(t.tag == "NNG" and not t.oov for t in alone)) and not _is_title(rest):
            continue  # 고독사 위험, 나이차: dictionary words the sentence reads as a proper noun
        add(tok.start, tok.end, False)

    _add_naming(text, words, add)
    _add_hanja_names(text, add)
    _add_hanja_runs(text, add)
    _add_foreign_shapes(words, add)
    _add_foreign_runs(words, found, add)
    _add_before_registration(text, add)
    _add_before_age(text, add)
    _add_bracketed_names(text, add)
    _add_bracketed_lists(text, add)
    _add_vocatives(text, add)
    _add_references(text, found, add)
    _add_spaced_surnames(text, found, add)
    _add_surname_repeats(text, found, add)
    _add_full_forms(text, found, add, doc)
    _add_bracketed_transcriptions(text, found, add)
    _add_other_script_names(text, found, add)
    _add_sibling_lists(text, add)
    _add_group_lists(text, add)
    _add_before_origin_brackets(text, add)
    _add_foreign_given(words, found, add)
    _add_transcriptions(words, found, add)
    _add_bracketed_full_names(text, add)
    _add_bracketed_titled(text, add)
    _add_aliases(text, add)
    _add_quoted_vocatives(text, add)
    _add_role_name_phone(text, add)
    for name in coordinated_names(text, found, [(f.start, f.end) for f in found]):
        add(name.start, name.end, False, given_only=name.given_only)
    _add_real_names_in_brackets(text, add)  # after: the word after its bracket is no name listed with it
    _extend_foreign_names(text, found)
    _extend_foreign_names_right(text, found)

    # every other occurrence of a name found
    for span in list(found):
        if span.surname_only or len(span.text) < 2:
            continue
        # a name that is also a word (하늘, 유리, 지원) is masked only where it names the person
        word_too = _HANGUL_WORD.fullmatch(span.text) and _is_word(span.text)
        for m in re.finditer(re.escape(span.text), text):
            if _inside_word(text, m.start(), m.end()) or _counted(text, m.start(), m.end()):
                continue  # 보라색, 하늘색: part of a longer word, not the name; 딸 하나: a count
            if not word_too or span.named or _called_by_name(span.text, text[m.end():]) \
                    or _sentence_topic(text, m.start(), m.end()):
                add(m.start(), m.end(), span.sure, given_only=span.given_only)
    for start in late:  # the syllable alone, so that the name itself is hidden (○이와, not 별○와)
        add(start, start + 1, False, given_only=True)
    return sorted(found, key=lambda s: s.start)


_LOCAL_ROLES = ("통장", "반장", "이장", "동장")
"""Local roles written after a surname (윤 통장, 오 반장): a person, though 통장 is also a bankbook."""


def _local_role_word(word: str) -> bool:
    """Is ``word`` a local role with what may follow it (반장, 반장님이, 반장네, 이장(010-…)이, 반장,)?"""
    word = _strip_particle(re.split(r"[(" + _QUOTE + r"]", word)[0].rstrip(".,;:")).rstrip("님")
    return word in _LOCAL_ROLES or (word.endswith("네") and word[:-1].rstrip("님") in _LOCAL_ROLES)


def _surname_title(word: str) -> bool:
    """Is ``word`` a title only after a surname written apart (최 기사와, 소 선배(공장 시절), 봉 형한테)?"""
    word = re.split(r"[(" + _QUOTE + r"]", word)[0].rstrip(".,;:")
    return any(word == t or (word.startswith(t) and _honorific_rest(word[len(t):])) for t in _words("surname_titles"))


_NOT_SYLLABLE_NAMES = frozenset("한두세네그이저각전현새옛첫몇온모본동타및등또더잘안못꼭다좀총약")
"""One-syllable words that are determiners, numbers or adverbs, never part of a spaced name (이 두 어르신)."""
_COUNTERS = frozenset("번대명개달분잔병곳채장권벌끼해살")
"""Counters after 한 'one' (한 번, 한 대, 한 명): 한 there is a number, not a surname or a syllable of a name."""
_NOT_SPACED_SYLLABLES = frozenset("두세네그저각몇및등또더잘안못꼭다좀총약첫옛타")
"""The given name's syllables of a name written a syllable at a time are none of these (이 두 어르신, 김 씨 두 딸);
한, 이, 새, 전, 현, 모 … are common in given names (한 새 벽, 곽 분 이)."""
_REGISTRATION_AFTER = re.compile(rf"\s?\(?\d{{6}}(?:\s*[{DASHES}]\s*|\s{{0,2}})[1-8]\d{{6}}(?!\d)")
"""A registration number right after a word (유경아 791125-…): the number's holder is named before it."""


def _ssi_of_person(word: str) -> bool:
    """Is ``word`` 씨 as a title (씨, 씨가, 씨는, 씨와 …), not a seed (씨를, 씨앗)?"""
    return word.startswith("씨") and word[1:].rstrip(".,") in ("", "가", "는", "와", "의", "에게", "한테", "께서", "도", "네",
                                                            "랑", "하고", "에게서", "만")


def _full_name_with_i(head: str, raw: str) -> bool:
    """Is ``head``, right before a bracket, a full name whose given name ends in 이 (국순이(78세)), not a
    given name with the friendly 이 (하늘이(초3)): a surname, one syllable and 이, that syllable and
    the surname no dictionary word?"""
    return raw[len(head):].startswith("(") and len(head) == 3 and head.endswith("이") \
        and head[0] in _words("surnames") and not _is_common_noun(head[:2]) and _is_person_word(head) is False


def _korean_name_shaped(word: str) -> bool:
    """A surname and a given name that are no person word and no dictionary word (유경아, 이순자)."""
    return _surname_split(word) and _is_person_word(word) is False and not _is_common_noun(word)


def _add_before_registration(text: str, add) -> None:
    """A name-shaped word right before a registration number (유경아 791125-2…, 신동현 8207…)."""
    for m in re.finditer(r"(?<![가-힣])([가-힣]{2,4})(?=" + _REGISTRATION_AFTER.pattern + ")", text):
        word = m.group(1)
        if _korean_name_shaped(word) and _is_person_word(word) is False:  # not (사위, 남): a family word
            add(m.start(1), m.end(1), True)
    # with a label between: 고은비 주민 020819-4…, 변우식 전화 010-0000-0390
    for m in _LABELLED_NUMBER.finditer(text):
        word = m.group(1)
        if _korean_name_shaped(word) and _is_person_word(word) is False:  # not (사위, 남): a family word
            add(m.start(1), m.end(1), True)


_SEX = r"(?:남|여)(?:자|성)?"
_AGE_AFTER = re.compile(r"(?<![가-힣])([가-힣]{2,4}),? (?:만 ?)?\d{1,3} ?(?:(?:세|살)(?:,? ?[/·]? ?" + _SEX + r")?|(?:, ?| ?[/·] ?| )"
                        + _SEX + r")(?=[\s,.;/)]|$)")
"""A word, an age and/or a sex, unbracketed (안하린 23 여, 다온 9세, 김로운 24세 남)."""


def _add_before_age(text: str, add) -> None:
    """A name-shaped word right before an age written out, as hurried notes and lists give people
    (안하린 23 여, 자녀 다온 9세, 이든 7세): a Korean full name that is no word, or a word the analyser
    reads as a proper noun or does not know; no person, role, count or place word (아들 9세, 당시 9세)."""
    matches = [m for m in _AGE_AFTER.finditer(text) if not (
        _role_with_particle(m.group(1)) or _is_person_word(m.group(1)) is not False or _is_count(m.group(1)) or _is_title(m.group(1))
        or m.group(1) in _words("roles") or m.group(1) in _words("not_names") or _is_word(m.group(1))
        or m.group(1).endswith(tuple(_words("place_suffixes"))) or _adverb(m.group(1)))]
    for i, m in enumerate(matches):
        word = m.group(1)
        tokens = analyse(word)
        # in a list of two or more (다온 9세, 이든 7세) a given name may read as grammar (이든: 이 + 든)
        listed = any(0 < abs(m.start() - o.end()) <= 2 or 0 < abs(o.start() - m.end()) <= 2
                     for o in matches[:i] + matches[i + 1:])
        nouns = len(tokens) >= 2 and all(not t.oov and t.tag in ("NNG", "NNB") for t in tokens)  # 나이차 28세
        if (len(word) == 3 and _korean_name_shaped(word) and not nouns) or (len(word) <= 3 and (
                listed or (len(tokens) == 1 and (tokens[0].oov or tokens[0].tag == "NNP")))):
            add(m.start(1), m.end(1), False)


def _role_with_particle(word: str) -> bool:
    """Is ``word`` a family, role or dictionary word with a particle (딸은, 아들이)?"""
    head = word[:-1]
    return len(word) >= 2 and word[-1] in "은는이가을를도만" and (
        head in _words("roles") or _is_person_word(head) is not False or _is_word(head))


def _adverb(word: str) -> bool:
    """Does the analyser read ``word`` as an adverb, a determiner or a pronoun (지금, 그때, 이미)?"""
    tokens = analyse(word)
    return len(tokens) >= 1 and tokens[0].tag in ("MAG", "MAJ", "MM", "NP") and len(tokens[0].form) == len(word)


_LABELLED_NUMBER = re.compile(
    r"(?<![가-힣])([가-힣]{3,4}) (?:주민(?:등록)?(?:번호)?|외국인(?:등록)?(?:번호)?|전화(?:번호)?|연락처|휴대폰|핸드폰)"
    r":?(?:" + _REGISTRATION_AFTER.pattern + r"|\s?0\d{1,2}[" + DASHES + r"\s]?\d{3,4}[" + DASHES + r"\s]?\d{4}(?!\d))")
"""A name, a label (주민, 주민번호, 전화, 연락처, 휴대폰) and the number: the number's holder is named first."""


_BRACKETED_NAME = re.compile(r"\(([가-힣]{2,4})\s?[,/]\s?(?:만\s?)?(?:\d{1,3}\s?(?:세|살)?|[남여])(?=[,/)\s])")
"""A name first in brackets, then an age or a sex (할머니(이순자, 81세), 아들(김민수/남))."""


def _add_bracketed_names(text: str, add) -> None:
    """A name-shaped word first in brackets before an age or a sex: the person the word before names."""
    for m in _BRACKETED_NAME.finditer(text):
        word = m.group(1)
        if _korean_name_shaped(word) and _is_person_word(word) is False:  # not (사위, 남): a family word
            add(m.start(1), m.end(1), True)


_BRACKETED_LIST = re.compile(r"([가-힣]+)\s?(?:[가-힣]{1,2}|\d\s?명)?\s?\(([가-힣 ]+(?:\s?[,·]\s?[가-힣 ]+)+)\)")
"""A bracketed list of names after a family word and a count: 자녀 셋(철수, 영희, 민수)."""
_VOCATIVE = re.compile(r"[" + "'‘’\"“”" + r"]([가-힣]{2,3})(아|야)(?=[\s,!.])")
"""A quoted call by name with the vocative 아/야 ("민수야 밥 먹자")."""


def _add_bracketed_lists(text: str, add) -> None:
    """Names listed in brackets after a family word (자녀 셋(철수, 영희, 민수), 아들 둘(민수 15세, 민호 12세))."""
    for m in _BRACKETED_LIST.finditer(text):
        if not _after_role(m.group(1)):
            continue
        at = m.start(2)
        for item in re.finditer(r"[^,·]+", m.group(2)):
            word = _HANGUL_WORD.search(item.group(0))
            if word and 1 <= len(word.group(0)) <= 4 and _is_person_word(word.group(0)) is False \
                    and not _is_count(word.group(0)) and not _has_grammar(word.group(0)):
                add(at + item.start() + word.start(), at + item.start() + word.end(), False, given_only=True)


def _add_vocatives(text: str, add) -> None:
    """A name called in a quoted utterance with the vocative 아 after a final consonant or 야 after a
    vowel ("민수야 밥 먹자", '지현아'): not a dictionary or person word (얘야, 엄마야)."""
    for m in _VOCATIVE.finditer(text):
        stem, ending = m.group(1), m.group(2)
        if bool(final_consonant(stem)) != (ending == "아"):
            continue
        if _is_person_word(stem) is False and not _is_common_noun(stem) and stem not in _words("not_names"):
            add(m.start(1), m.end(1), False, given_only=True)


_FORM_LABELS = ("성명", "이름", "신청인", "임대인", "임차인", "채무자", "채권자", "세대주", "대리인", "고소인", "신고인",
                "예금주", "소유자", "대표자", "수령인", "작성자")
"""A form's field for a person (성명, 신청인, 임대인 …): on a scanned or OCR'd form the name after it is
often spaced a syllable at a time (신 청 인 : 오 세 진)."""


def _after_form_label(text: str, start: int) -> bool:
    """Does a form's person field end just before ``start``, written whole or spaced (성명 …, 임 대 인 : …,
    …·성명 …, 신 청 인 성 명 …), with a colon or not?"""
    tail = re.sub(r"[\s:：]+$", "", text[max(0, start - 16):start])
    squeezed = re.sub(r"(?<=[가-힣]) (?=[가-힣](?![가-힣]))|(?<=(?<![가-힣])[가-힣]) (?=[가-힣])", "", tail)
    label = next((w for w in _FORM_LABELS if squeezed.endswith(w)), "")
    return bool(label) and not (label == "이름" and _HANGUL_WORD.match(squeezed[-3:-2] or "-"))


def _spaced_words(joined: str) -> bool:
    """Are three spaced syllables, joined, words rather than a name (미기재, 미작성, 해당무)?"""
    tokens = analyse(joined)
    return any(t.tag == "XPN" for t in tokens) or (len(tokens) >= 2 and all(t.tag.startswith("N") and not t.oov for t in tokens))


def _opens_form_label(text: str, start: int) -> bool:
    """Does a form's field, spaced a syllable at a time, begin at ``start`` (성 명 류 다 온: 성 is no surname)?"""
    squeezed = re.sub(r"\s+", "", text[start:start + 12])
    return squeezed.startswith((*_FORM_LABELS, "주민", "생년", "주소", "연락처", "전화"))


def _add_spaced_syllables(text: str, words, found: list[NameSpan], add) -> None:
    """A Korean name written a syllable at a time (김 은 별 학생, 딸 한 새 벽 씨가, 장남 위 태 섭(사망)):
    a surname, then two single syllables that are no number, determiner or adverb (not 이 두 어르신),
    before a title or after a family word. It replaces what was found inside it (진 선생님, 롱 씨)."""
    starts = {w[0]: k for k, w in enumerate(words)}
    for m in re.finditer(r"(?<![가-힣])(?=([가-힣]) ([가-힣]) ([가-힣]))", text):  # overlapping: 딸 한 새 벽
        form = _after_form_label(text, m.start()) and not _opens_form_label(text, m.start()) \
            and m.group(3) not in _COUNTERS and m.group(3) not in ("분", "명") \
            and not _spaced_words("".join(m.groups()))  # 성명 이 두 분: a count; 성명 : 미 기 재: words
        if m.group(1) not in _words("surnames") or ({m.group(2), m.group(3)} & _NOT_SPACED_SYLLABLES and not form) \
                or (m.group(1) == "이" and {m.group(2), m.group(3)} & {"새", "한"}):
            continue  # 이 새 집, 이 한 분: 이 is 'this' there; after 성명 or 신청인 a form's name (류 다 온, 오 세 진)
        if (m.group(1) == "한" and m.group(2) in _COUNTERS) or (m.group(2) == "한" and m.group(3) in _COUNTERS):
            continue  # 한 번 한씨, 차 한 대: 한 is 'one' before a counter
        k = starts.get(m.start())
        end = m.start() + 5
        glued = _word_at(text[end:])
        after = glued or (_word_at(text[end + 1:]) if text[end:end + 1] == " " else "")
        titled = bool(after) and _is_title(after)
        if glued and not titled:
            continue  # 김 은 별빛: the last syllable starts a word
        if not titled and not (k and _after_role(words[k - 1][2])) and not form:
            continue
        found[:] = [s for s in found if not (m.start() <= s.start and s.end <= end)]
        add(m.start(), end, True)


def _add_spaced_surnames(text: str, found: list[NameSpan], add) -> None:
    """A surname written apart before a given name found (진 슬기 씨): the full name is the person."""
    for span in [s for s in found if s.given_only and _HANGUL_WORD.fullmatch(s.text)]:
        if span.start >= 2 and text[span.start - 1] == " " and text[span.start - 2] in _words("surnames") \
                and not _HANGUL_WORD.match(text[span.start - 3:span.start - 2] or "-"):
            found[:] = [s for s in found if s is not span]
            add(span.start - 2, span.end, span.sure)


def _add_surname_repeats(text: str, found: list[NameSpan], add) -> None:
    """A surname the note used alone for a person (주 님, 마 어머님), glued to 님 or 씨 elsewhere
    (주님, 마님): the same person, even where the glued form is also a word. So is a one-syllable
    name that is no surname (동 씨 … 동씨, 란 씨 … 란님)."""
    for one in {s for s in found if (s.surname_only or s.given_only) and len(s.text) == 1}:
        for m in re.finditer(rf"(?<![가-힣]){one.text}(?=(?:님|씨)(?:{'|'.join(_PARTICLES)})?(?![가-힣]))", text):
            if _surname_word_of(text, m.start()):
                continue
            add(m.start(), m.end(), one.sure, surname_only=one.surname_only, given_only=one.given_only)


def _surname_word_of(text: str, at: int) -> bool:
    """Is 성씨 at ``at`` the word 'surname' said of a person before it (남편분 성씨는, 아버지 성씨는), not the
    surname 성 and its title?"""
    if not text.startswith("성씨", at):
        return False
    before = (text[:at].split() or [""])[-1]
    return before.endswith("분") or before in _words("roles")


_MIDDLE_NAMES = ("티", "반")
"""Vietnamese middle names in Hangul (Thị, Văn): between two short words they mark a name."""


def _add_foreign_runs(words, found: list[NameSpan], add) -> None:
    """A foreign name in Hangul without a title, led by a known family name alone or glued to a
    syllable or two (응우옌 티 란으로, 쩐티 마이로): the family name and the short words after it
    that are no dictionary word; a one-syllable family name alone needs two such words."""
    family = _words("foreign_family_names")
    for k, (start, _end, raw) in enumerate(words):
        if not re.fullmatch(r"[가-힣]{1,5}", raw):
            continue
        lead = next((f for f in family if raw.startswith(f) and len(raw) <= len(f) + 2), None)
        if lead is None and k + 1 < len(words) and words[k + 1][2] in _MIDDLE_NAMES and len(raw) <= 2 \
                and raw not in _NOT_SYLLABLE_NAMES and raw not in _NOT_TEKNONYMS and _is_person_word(raw) is False \
                and not (len(raw) > 1 and (_is_common_noun(raw) or _has_grammar(raw))):
            lead = raw  # a family name the list lacks before a Vietnamese middle name (짠 티 마이씨, 판 반 득)
        if lead is None or (raw != lead and not all(t.oov for t in analyse(raw))):
            continue  # glued, only as a word no dictionary knows (쩐티; not 보람이)
        end, count = 0, 0
        for at, _e, nxt in words[k + 1:k + 3]:
            stem = nxt.split("(")[0].rstrip(".,")  # 응우옌 티 투(Nguyen Thi Thu: a bracket ends the name
            stem = stem[:_glued_title_at(stem) or len(stem)]  # 홍씨(…: so does a glued title
            for p in _PARTICLES:
                if stem.endswith(p) and len(stem) > len(p) and _particle_fits(stem[: -len(p)], p):
                    stem = stem[: -len(p)]
                    break
            if not re.fullmatch(r"[가-힣]{1,3}", stem) or stem in _NOT_SYLLABLE_NAMES or _is_person_word(stem) \
                    or (len(stem) > 1 and (_is_common_noun(stem) or _has_grammar(stem))):
                break
            end, count = at + len(stem), count + 1
            if stem != nxt:
                break  # a particle ends the name
        if count >= (2 if raw == lead and len(lead) == 1 else 1):
            found[:] = [s for s in found if not (start <= s.start and s.end <= end)]  # 마이 alone found first
            add(start, end, True)


def _sentence_topic(text: str, start: int, end: int, *, subject: bool = False) -> bool:
    """Does the name at text[start:end] open a sentence as its topic with 은/는 (… 수령. 바다는 …), and
    is the sentence not about a thing (하늘은 맑음)? A name found in the note is the person there.

    With ``subject``, also as its subject with 이/가 fitting the name's sound (… 양육. 슬기가 학교를 …),
    not right before an adjective or verb (하늘이 맑아) and not a thing's (물이 차다)."""
    opens = start == 0 or bool(re.search(r"[.!?]\s$", text[max(0, start - 2):start]))
    rest = text[end:]
    if not opens or rest[1:2] not in (" ", "") or _thing_subject(rest):
        return False
    if rest[:1] in ("은", "는"):
        return True
    if not subject or rest[:1] != ("이" if final_consonant(text[start:end]) else "가"):
        return False
    after = _word_at(rest[2:])
    return not (after and analyse(after)[0].tag in ("VA", "VV"))


def _inside_word(text: str, start: int, end: int) -> bool:
    """Is text[start:end] glued to Hangul that is no surname before it, or no particle, title or
    friendly 이 after it (보라색, 하늘색)?"""
    tail = _word_at(text[end:])
    before = text[start - 1:start]
    if _HANGUL_WORD.fullmatch(before or "-") and before not in _words("surnames"):  # 백승현 … 승현이는
        return True
    return bool(tail) and not (
        tail.startswith(_PARTICLES) or _is_title(tail) or tail[0] in "이야아네")


def _is_word(word: str) -> bool:
    """Is ``word`` also an ordinary word: a common noun (하늘), a noun made from an adjective or a
    verb (기쁨, 믿음), or a place (정선, 영주)? A name that is one is hidden only where it names the person."""
    if _is_common_noun(word) or word in _words("countries"):
        return True
    tokens = analyse(word)
    return len(tokens) == 2 and not any(t.oov for t in tokens) and tokens[0].tag in ("VA", "VV") \
        and tokens[1].form in ("ㅁ", "음", "기")


def _counted(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a number word right after a family word (딸 하나, 아들 둘): a count, kept?"""
    before = text[:start]
    return before.endswith(" ") and bool(before.split()) and _after_role(before.split()[-1]) \
        and _is_count(text[start:end])


def _has_grammar(word: str) -> bool:
    """Does the analyser find a particle, an ending or a verb in ``word`` (안에, 사시는, 연말까지)?

    A name ending in 이 or 아 after a proper noun (염순이 → 염/NNP 순 이/JKS, 현정아 → 현정/NNP
    아/JKV) is read with a particle it does not have: that last syllable does not count; nor
    does a verb read into a three-syllable word after a surname (강말자 → 강/NNP 말/VX 자/EF).
    """
    tokens = list(analyse(word))
    if len(tokens) >= 2 and tokens[0].tag == "NNP" and tokens[-1].form in ("이", "아"):
        tokens.pop()
    # a surname read as a proper noun, then two syllables read as a verb (강말자 → 강/NNP 말/VX 자/EF)
    if len(word) == 3 and tokens and tokens[0].tag == "NNP" and len(tokens[0].form) == 1 and _strip_particle(word) == word:
        return False
    return any(t.tag.startswith(("J", "E", "V", "XSV", "XSA")) for t in tokens)


def _inflected_verb(word: str) -> bool:
    """Does the analyser read ``word`` as a verb with a pre-final ending (오셨다, 가셨음, 왔대) and no proper noun?
    Names are often read with a particle or an ending (순임, 말자가), but not with 시, 었 or 겠."""
    tokens = analyse(word)
    return any(t.tag == "EP" for t in tokens) and not any(t.tag == "NNP" for t in tokens)


_BIRTH_ORDER = ("큰", "작은", "막내", "첫째", "둘째", "셋째", "외", "친")


def _after_role(word: str) -> bool:
    """Is ``word`` a family or role word before a name: a role (딸, 집주인), a kind of person, or a
    role with a birth order or side (작은손자, 외손녀)?"""
    word = word.rstrip(":")  # not a comma: '청소년, 꿈드림 연계' ends the phrase
    if word in _words("roles") or word in _words("person_words"):
        return True
    return any(word.startswith(p) and word[len(p):] in _words("roles") for p in _BIRTH_ORDER)


def _ends_with_job_title(word: str) -> bool:
    """Is ``word`` a job title written before a name (팀장, 복지팀장, 주무관)?"""
    word = word.rstrip(":,")
    return any(word.endswith(t) for t in _words("job_titles"))


def _is_person_word(word: str) -> bool | None:
    """True for a word that names a role, title or kind of person (아들, 어르신, 청년); None if not Hangul."""
    if not _HANGUL_WORD.fullmatch(word or "-"):
        return None
    return word in _words("roles") or word in _words("not_names") or word in _words("titles") \
        or word in _words("person_words")


def _strip_given(word: str) -> str:
    """A given name without the friendly 이 after a final consonant (민준이 → 민준)."""
    if len(word) >= 3 and word.endswith("이") and final_consonant(word[:-1]):
        return word[:-1]
    return word


def _given_name_shape(word: str, after: str) -> bool:
    """A given name alone: two or three syllables the analyser reads as one proper noun (or does
    not know), not ending like a place and not followed by a place's particle (서울에, 부산에서)."""
    if not 2 <= len(word) <= 5 or any(word.endswith(s) for s in _words("place_suffixes")):
        return False
    if re.match(r"(?:이?)(?:에서|에|으로|로)(?![가-힣])", after):
        return False
    tokens = analyse(word)
    if len(word) == 2 and len(tokens) == 2 and not _has_grammar(word) and not _is_common_noun(word):
        return True  # 은별 → 은+별, 은솔 → 은+솔: a name the analyser cuts into syllables
    # four or five syllables only as one unknown word (배우자 닐루파르): a foreign given name
    return len(tokens) == 1 and (tokens[0].tag == "NNP" or tokens[0].oov) and (len(word) <= 3 or tokens[0].oov)


_HOUSEHOLDS = re.compile(r"(?<![가-힣])([가-힣])((?:\s?[·,]\s?[가-힣])+)\s?(?:[두세네]|\d+)\s?(?:가구|가정|세대|집)")
"""Surnames listed as household labels: 장, 구 두 가구; 윤·장 두 가구."""


def _add_households(text: str, add) -> None:
    """Surnames listed as households (장,구 두 가구), and the same surnames alone later in the
    note, bare or with a particle (장 통화 안 됨, 구는 부재): the note uses them as labels."""
    labels = set()
    for m in _HOUSEHOLDS.finditer(text):
        letters = [(m.start(1), m.group(1))] + [
            (m.start(2) + p.start(), p.group(0)) for p in re.finditer(r"[가-힣]", m.group(2))]
        if all(ch in _words("surnames") for _, ch in letters):
            for at, ch in letters:
                add(at, at + 1, True, surname_only=True)
                labels.add(ch)
    for ch in labels:
        for m in re.finditer(rf"(?<![가-힣]){ch}(?=(은|는|이|가|도|의|와|과|네)?(?![가-힣]))", text):
            add(m.start(), m.start() + 1, True, surname_only=True)


def _lone_noun(syllable: str) -> bool:
    """Is one syllable a noun the analyser reads alone (란, 투), not a determiner, pronoun or number (각, 그, 한)?"""
    tokens = analyse(syllable)
    return len(tokens) == 1 and tokens[0].tag in ("NNG", "NNP")


def _add_foreign_given(words, found: list[NameSpan], add) -> None:
    """The last word of a foreign name in Hangul found in the note, again before a title: the
    person called by the given name (응우옌 티 투 … 투 씨는, 로사 델라크루즈 … 델라크루즈 씨)."""
    given = {s.text.split()[-1] for s in found if s.sure and " " in s.text and _HANGUL_WORD.search(s.text)}
    for k, (start, _end, raw) in enumerate(words[:-1]):
        if raw in given and _is_title(words[k + 1][2]):
            add(start, start + len(raw), True, given_only=True)


def _add_references(text: str, found: list[NameSpan], add) -> None:
    """Coreference: the surname or the given name alone of a full Korean name found in the same
    note is the same person (김영희 … 김 씨, 김씨, 영희 씨, 영희가, 김 할머니)."""
    for span in [s for s in found if s.sure and not s.surname_only and _HANGUL_WORD.fullmatch(s.text)]:
        cut = 2 if span.text[:2] in _words("compound_surnames") else 1
        surname, given = span.text[:cut], span.text[cut:]
        if not (span.text[:cut] in _words("surnames") or cut == 2) or not given:
            continue
        if len(given) == 1:  # 노솔 … 솔만 부르면: a one-syllable given name only with a particle
            for m in re.finditer(rf"(?<![가-힣]){given}(?=(?:만|은|는|을|를|도|한테|에게|이가|이는|이랑)(?![가-힣]))", text):
                add(m.start(), m.end(), True, given_only=True)
            continue
        for m in re.finditer(rf"(?<![가-힣]){re.escape(given)}", text):
            rest = text[m.end():]
            # the note's own name model: a given name that is no word is the person wherever it
            # starts a word (영희랑, 영희한테서); one that is also a word (하늘, 지원) only where it is
            # called by name
            if (_called_by_name(given, rest, age=False) or not _is_word(given)
                    or _sentence_topic(text, m.start(), m.end(), subject=True)) \
                    and not _inside_word(text, m.start(), m.end()):  # 김은혜 … 은혜는 대학; not 새롬그룹홈
                add(m.start(), m.end(), True, given_only=True)
        for m in re.finditer(rf"(?<![가-힣]){re.escape(surname)}(?=\s?([가-힣]+))", text):
            if _is_title(m.group(1)) or m.group(1).startswith("씨"):
                add(m.start(), m.end(), True, surname_only=True)
    _add_given_full_names(text, found, add)
    _add_surname_subjects(text, found, add)
    _add_short_forms(text, found, add)


_SHORT_FORM_AFTER = r"(?=(?:이(?:가|는|도|랑|를|의|만|와|하고|한테|에게|네|야)|아)(?![가-힣]))"


def _add_short_forms(text: str, found: list[NameSpan], add) -> None:
    """The friendly short form of a two-syllable given name found in the note: its last syllable with
    a final consonant, the friendly 이 and a particle, or the vocative 아 (김하결 … 결이가, 결아; 다솔 …
    솔이랑), as the note calls the person; only the syllable is the name, as in a nickname made from a
    name. Not a bare 이 (별이 떴다) nor a word with its 이 (길이가)."""
    for span in [s for s in found if not s.surname_only and _HANGUL_WORD.fullmatch(s.text)]:
        cut = 2 if span.text[:2] in _words("compound_surnames") else 1
        given = span.text[cut:] if len(span.text) == cut + 2 and _surname_split(span.text) else (
            span.text if len(span.text) == 2 and span.given_only else "")
        if len(given) != 2 or not final_consonant(given[-1]):
            continue
        whole = analyse(given[-1] + "이")
        if len(whole) == 1 and not whole[0].oov and whole[0].tag != "NNP":
            continue  # 길이가, 놀이는: the syllable and 이 are one word
        for m in re.finditer(rf"(?<![가-힣]){given[-1]}{_SHORT_FORM_AFTER}", text):
            add(m.start(), m.end(), span.sure, given_only=True)


def _add_given_full_names(text: str, found: list[NameSpan], add) -> None:
    """A given name the note uses (영식 씨, 영식이 아저씨라고) written with a surname elsewhere
    (장영식): the full name is the same person."""
    for given in {s.text for s in found if s.given_only and _HANGUL_WORD.fullmatch(s.text) and len(s.text) >= 2}:
        for m in re.finditer(rf"(?<![가-힣])([가-힣]){re.escape(given)}", text):
            if m.group(1) in _words("surnames"):
                found[:] = [s for s in found if not (m.start() <= s.start and s.end <= m.end())]
                add(m.start(), m.end(), True)


def _add_surname_subjects(text: str, found: list[NameSpan], add) -> None:
    """A surname the note already used for a person (금동수 …; 편 할아버지 …), alone as the subject
    at a sentence's start (금은 금요일마다 …, 편은 치매 초기, 편과 처는 …, 편도 …): the note calls the person by it.

    Not 이 or 나, which are also 'this' and 'I'; only at a sentence's start, where a one-syllable noun (금 as gold,
    편 as side) rarely stands alone with 은/는.
    """
    surnames = {s.text[:2] if s.text[:2] in _words("compound_surnames") else s.text[:1]
                for s in found if s.sure and _HANGUL_WORD.fullmatch(s.text)
                and (s.surname_only or _surname_split(s.text))}
    surnames -= {"이", "나"}  # also 'this' and 'I' (나는 괜찮다고 함)
    for m in _SENTENCE_SUBJECT.finditer(text) if surnames else ():
        if m.group(1) in surnames and not _thing_subject(text[m.end(1):]):
            add(m.start(1), m.end(1), True, surname_only=True)


def _add_full_forms(text: str, found: list[NameSpan], add, doc: tuple) -> None:
    """A foreign given name found in the note, written elsewhere with its family name before a
    bracket (마리아 씨 … 마리아 산토스(필리핀)): the longer form is the same person."""
    given = {s.text for s in found if s.sure and _HANGUL_WORD.fullmatch(s.text) and len(s.text) >= 2}
    for m in _BEFORE_BRACKET.finditer(text) if given else ():
        if m.group(1) not in given:
            continue
        family = [t for t in doc if m.start(2) <= t.start and t.end <= m.end(2)]
        if family and _proper(family) and not _is_person_word(m.group(2)):
            # the given name alone may be found there already: the full form replaces it
            found[:] = [s for s in found if not (s.start == m.start(1) and s.end == m.end(1))]
            add(m.start(1), m.end(2), True)


def _word_before(text: str, start: int) -> str:
    """The word before ``start`` (손녀 in '손녀 경주가'), '' if none."""
    before = text[:start].split()
    return before[-1] if before and text[:start].endswith(" ") else ""


def _word_at(text: str) -> str:
    """The Hangul word ``text`` starts with ('' if none)."""
    word = _HANGUL_WORD.match(text)
    return word.group(0) if word else ""


def _called_by_name(name: str, rest: str, *, age: bool = True) -> bool:
    """Does ``rest``, the text after ``name``, call it a person's name: a title, the friendly 이 with
    a particle (하늘이가), or (with ``age``) an age in brackets (유리(13세))?"""
    tail = _word_at(rest)
    if tail == "이" and (after := _word_at(rest[1:].lstrip())) and rest[1:2] == " " \
            and analyse(after)[0].tag in ("VA", "VV"):
        return False  # 하늘이 맑아, 하늘이 흐려: the word with its subject particle, then its predicate
    spaced = _word_at(rest[1:]) if rest[:1] == " " and not tail else ""
    return _is_title(tail) or _is_title(spaced) or (age and bool(_AGE_BRACKET.match(rest))) or (
        tail.startswith("이") and tail[1:] in ("", *_PARTICLES) and _strip_given(name + "이") == name)


def _is_count(word: str) -> bool:
    """Is ``word`` a number word (하나, 둘, 셋): 딸 하나(7세) is a count, not a name?"""
    tokens = analyse(word)
    return len(tokens) == 1 and (tokens[0].tag in ("NR", "SN") or (tokens[0].tag == "MM" and word in _NUMBER_DETERMINERS))


_NUMBER_DETERMINERS = frozenset({"한", "두", "세", "석", "서", "네", "넉", "너", "몇", "여러", "스무", "서너", "두세", "너덧",
                                 "대여섯", "예닐곱", "첫", "모든", "온"})
"""Determiners that count (딸 두 명, 자녀 몇); not 별 (별 문제), which is also a child's name (딸 별(2세))."""


def _subject_of_age(text: str, words, k: int, head: str, doc: tuple = (), *, named: bool = False) -> str:
    """The name in word ``k`` when it is a proper noun the next words give an age or a school year
    (드미트리는 10세, 유리는 중학교 1학년), read as one in the sentence ``doc``; '' otherwise
    (나이는 10세, 아들은 10세). After a family word (``named``: 작은손자 바다는 초등 3학년) a
    dictionary word is a name there too."""
    if k + 1 >= len(words) or words[k][2] != head or not _AGE_WORDS.match(text, words[k][1]):
        return ""
    for p in _TOPIC:
        stem = head[: -len(p)]
        # no place check: a place has no age (드미트리, 유리 end like 구의리)
        if head.endswith(p) and 2 <= len(stem) <= 5 and _is_person_word(stem) is False:
            at = words[k][0]
            in_doc = [t for t in doc if at <= t.start and t.end <= at + len(stem)]
            if named or (in_doc and _proper(in_doc)):
                return stem
    return ""


def _friendly_name(head: str) -> str:
    """The name in ``head`` written with the friendly 이 and a particle (하늘이가 → 하늘, 별이와 → 별), or ''.

    Only after a final consonant, and not where the analyser knows the word with its 이 (놀이가,
    고양이는, 길이를, 같이도): there the 이 belongs to the word.
    """
    for p in _FRIENDLY:
        stem = head[: -len(p) - 1]
        if head.endswith("이" + p) and 1 <= len(stem) <= 3 and final_consonant(stem) \
                and _is_person_word(stem) is False and _is_person_word(stem + "이") is False:
            whole = analyse(stem + "이")
            if len(whole) == 1 and not whole[0].oov and whole[0].tag != "NNP":
                return ""
            return stem
    return ""


_LATIN_CLASSES = (("ng", "n"), ("ch", "s"), ("sh", "s"), ("ph", "b"), ("th", "t"), ("c", "k"), ("q", "k"), ("g", "k"),
                  ("x", "s"), ("z", "s"), ("j", "s"), ("l", "r"), ("d", "t"), ("p", "b"), ("f", "b"), ("v", "b"))
_INITIALS = "kknttrmbbss sssktbh"  # ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ as sound classes (ㅇ silent)
_FINALS = " kkknnntrrrrrrrrmbbssnssktbh"  # none, ㄱ … ㅎ; a final ㅇ as n (응우옌, Nguyen)


def _skeleton_latin(word: str) -> str:
    """The consonants of a romanised name as sound classes (Dmitri → tmtr, Olga → rk)."""
    word = word.lower()
    for a, b in _LATIN_CLASSES:
        word = word.replace(a, b)
    return "".join(c for c in word if c in "kntrmbs")


def _skeleton_hangul(word: str) -> str:
    """The consonants of a Hangul word as the same sound classes (드미트리 → tmtr, 올가 → rk)."""
    out = []
    for ch in word:
        code = ord(ch) - 0xAC00
        if not 0 <= code < 11172:
            return ""
        out.append(_INITIALS[code // 588] + _FINALS[code % 28])
    return "".join(c for c in "".join(out) if c in "kntrmbs")


def _add_transcriptions(words, found: list[NameSpan], add) -> None:
    """A romanised name found in the note, written again in Hangul (Olga … 올가 씨, Dmitri …
    드미트리는): a Hangul word with the same consonants, two at least, that is no known word."""
    latin = {_skeleton_latin(w) for s in found if s.sure and re.fullmatch(r"[A-Za-z -]+", s.text)
             for w in s.text.split()}
    latin = {sk for sk in latin if len(sk) >= 2}
    if not latin:
        return
    for start, _end, raw in words:
        head = _HANGUL_WORD.match(raw)
        if not head:
            continue
        stem = _strip_particle(head.group(0))
        if 2 <= len(stem) <= 5 and _skeleton_hangul(stem) in latin and not _is_word(stem) \
                and _is_person_word(stem) is False:
            add(start, start + len(stem), True)


def _called_proper(head: str, before_ssi: bool) -> str:
    """The name in ``head`` when it is 2–4 syllables read as one proper noun before 씨 or 님 in the
    next word, or before a glued 씨 (알리나씨는); '' if not. Dictionary and person words are no names."""
    glued = next((i for i in range(2, min(len(head), 5)) if head[i] == "씨"), 0)  # not 님: 아드님, 따님
    name = head[:glued] if glued else head if before_ssi else ""
    if not 2 <= len(name) <= 4 or _is_person_word(name) or _is_common_noun(name) or name in _words("not_names"):
        return ""
    tokens = analyse(f"{name} 씨")
    return name if tokens[0].tag == "NNP" and tokens[0].form == name else ""


def _proper(tokens) -> bool:
    return all(t.tag == "NNP" or t.oov for t in tokens)


def _glued_title_at(head: str) -> int:
    """Where a title glued to the end of a Hangul word begins (크루즈씨 → 3), or 0 if none does."""
    return next((i for i in range(1, len(head)) if _is_title(head[i:]) and not head[i:].startswith(("군", "양"))), 0)


def _surname_alone(text: str, words, k: int, head: str, before_title: bool) -> bool:
    """Is word ``k`` a surname alone before a title (박씨, 천씨네, 김할머니; 박 씨, 서 여사)?"""
    # a rare surname (엽, 온, 부) only written apart before a title: 엽 할머니, 온 선생님, 부 원장
    rare = head in _words("rare_surnames") and before_title and words[k][2] == head
    if rare and head in ("가", "시"):  # a particle written apart (할머니 가 영감), 'when' (위기 시 형)
        prev = words[k - 1][2] if k else ""
        rare = not _HANGUL_WORD.fullmatch(prev[-1:] or "-") or (head == "시" and _after_role(prev))
    if (head[:1] not in _words("surnames") and not rare) or head in _words("not_names") \
            or _strip_particle(head) in _words("not_names") or _without_household(head) in _words("not_names"):
        return False  # 왕할머니가, 왕할머니라고: a kin word, not the surname 왕 and a title
    if head[:1] == "모" and k > 0 and words[k - 1][2] in _words("surnames"):
        return False  # 박 모씨, 고 모 할머니: 모 is "a certain", after the surname
    if len(head) >= 2:  # glued; 님 glued to one syllable is a surname unless it is a listed word (손님, 형님)
        rest = head[1:]
        # a title glued to a surname, unless another title follows (딸 윤샘 씨: 윤샘 is the name)
        glued = (rest.startswith("씨") and rest[1:] in ("", "네", *_PARTICLES)) or (
            # 학생 glued is a word far more often than a title (장학생, 유학생, 전학생)
            _is_title(rest, said=True) and not rest.startswith(("님", "군", "양", "학생")) and not before_title) or (
            rest[:1] in ("군", "양") and rest[1:] in ("", *_PARTICLES) and _split_as_surname(head)) or (
            rest[:1] == "님" and rest[1:] in ("", *_PARTICLES)  # 최님, 고님이; not 손님, 형님, 주님
            and head[:2] not in _words("titles") and head[:2] not in _words("not_names")) or (
            rest.startswith(("가", "청년")) and _surname_and_suffix(head))
        # asked last (it analyses the word): 공사장 is a dictionary word that opens with a surname and ends like a title
        return glued and not _is_common_noun(_strip_particle(head))
    if not before_title or words[k][2] != head:
        return False
    # a determiner '이' points back at someone the text already called by this title
    after = words[k + 1][2]
    if head in ("두", "세", "네") and not after.startswith("씨"):
        return False  # 두 어르신, 세 할머니: a number of people, not the rare surnames 두, 세

    titles = [t for t in _words("titles") if after.startswith(t)]
    return not (head == "이" and any(t in text[: words[k][0]] for t in titles))


_JOB_NOUN_ENDINGS = ("사", "장", "인", "자", "원", "관")
_SEX_OR_DEPUTY = frozenset("남여부")
"""Surname syllables that before a job are more often a sex (남 봉사자) or a father or deputy (부 원장)."""
_PHONE_SOON = re.compile(r"(?:\s?[가-힣]{1,4}){0,2}\s?:?\s?0\d{1,2}\s?[-–.]?\s?\d{3,4}")


def _job_noun(word: str) -> tuple[str, bool] | None:
    """``word`` as a job noun said after a name (약사, 후견인, 단장님께, 주거복지사님: a dictionary noun or a
    listed title with words before it, ending like a job), and whether 님 follows it."""
    head = _HANGUL_WORD.match(word)
    if not head:
        return None
    stem = _strip_particle(_strip_particle(head.group(0)))
    honoured = stem.endswith("님")
    stem = stem.removesuffix("님")
    if not 2 <= len(stem) <= 10 or not stem.endswith(_JOB_NOUN_ENDINGS) or stem in _words("roles"):
        return None
    listed = any(stem.endswith(t) and len(t) >= 3 for t in _words("titles"))
    if not listed and not (len(stem) <= 3 and _is_common_noun(stem)):
        return None
    return stem, honoured


def _surname_before_job_noun(text: str, words, k: int, head: str) -> bool:
    """Is word ``k`` a surname alone before a job noun (:func:`_job_noun`), with 님 on the noun, an agency or
    a job before the surname, a bracket opening right before it, or a phone number after?"""
    if len(head) != 1 or words[k][2] != head or k + 1 >= len(words) or head not in _words("surnames") \
            or head in _NOT_SYLLABLE_NAMES or head in _SEX_OR_DEPUTY:
        return False  # 남 봉사자, 여 간호사: a sex; 부 원장: a father or a deputy
    job = _job_noun(words[k + 1][2])
    if job is None:
        return False
    prev = words[k - 1][2].rstrip(":,") if k > 0 else ""
    # not a family word or a title before (할아버지 감 농사, 석희 씨 "형 후견인은): the noun may be no job
    placed = _names_agency(prev) or _ends_with_job_title(prev) or prev.endswith(job[0][-2:])
    bracketed = text[words[k][0] - 1:words[k][0]] == "("
    phone = _PHONE_SOON.match(text, words[k + 1][1]) is not None
    return job[1] or placed or bracketed or phone


def _surname_and_suffix(word: str) -> bool:
    """Does the analyser read ``word`` as a surname and 가 "the family" (최가네, 윤가와, 황가) or 청년
    (조청년, 하청년이), as the conventions read "최가" and a title glued to a surname? Not a word that
    starts so (주가, 원가, 성가대)."""
    if word[1:3] == "청년":  # glued, 한청년 is the surname 한 (one young adult is written apart: 한 청년)
        return _particle_or_none(word[3:]) and (word[0] not in _NOT_SYLLABLE_NAMES or word[0] == "한")
    tokens = analyse(word)
    return len(tokens) >= 2 and tokens[0].tag == "NNP" and tokens[0].form == word[:1] \
        and tokens[1].form == "가" and tokens[1].tag == "XSN"


def _particle_or_none(rest: str) -> bool:
    return not rest or _particle(rest)


def _ssi_after_name(word: str) -> bool:
    """Does the analyser read one syllable and 씨 (란씨, 훙씨, 좌씨) as a name and its title, not as a
    word that ends in 씨 (날씨, 솜씨, 볍씨, 겉씨)?"""
    tokens = analyse(word)
    if len(tokens) == 1:
        return tokens[0].tag == "NNP" and not tokens[0].oov
    return len(tokens) == 2 and tokens[0].tag in ("NNP", "NNG") and (tokens[1].form, tokens[1].tag) == ("씨", "NNB")


def _split_as_surname(word: str) -> bool:
    """Does the analyser read ``word`` as a surname and 군/양 (서군, 김양), not one noun (장군, 태양)?"""
    tokens = analyse(word)
    return len(tokens) >= 2 and tokens[0].tag == "NNP" and len(tokens[0].form) == 1 and tokens[1].tag == "NNB"


def _foreign_before(words, k: int, last: str | None = None, doc: tuple = ()) -> tuple[int, int] | None:
    """The span of a multi-word foreign name ending with word ``k``.

    A title follows word ``k``, or is glued to it and ``last`` is the word without it. A word is
    name-like when the analyser reads it as a proper noun or does not know it, alone or in the
    sentence ``doc`` (크루즈 is a cruise alone, a name in '아나벨 크루즈씨').
    """
    family = _words("foreign_family_names")
    end = words[k][1] if last is None else words[k][0] + len(last)
    chosen: list[int] = []
    for j in range(k, max(k - 3, -1), -1):
        raw = last if j == k and last is not None else words[j][2]
        if not re.fullmatch(r"[가-힣]{1,6}", raw) or raw in _words("roles") or raw in _words("countries") \
                or _ends_with_job_title(raw) or (
                j < k and len(raw) >= 2 and raw.endswith(tuple(_words("place_suffixes")))) or _agency_word(raw):
            break  # 자양동 정 님, 치센 심 간호사: a place or an agency before a name is not part of it
        chosen.append(j)
        if raw in family:
            return words[j][0], end
    # without a known family name: every word a proper noun or unknown to the analyser, and the
    # last no Korean full name (구역장 곽은하 권사님: a role before a Korean name)
    last_word = last if last is not None else words[k][2]
    if len(last_word) == 3 and _korean_name_shaped(last_word):
        return None
    names = []
    for j in chosen:
        raw = last if j == k and last is not None else words[j][2]
        at = words[j][0]
        in_doc = [t for t in doc if at <= t.start and t.end <= at + len(raw)]
        if raw in _words("not_names") or not (_proper(analyse(raw)) or (in_doc and _proper(in_doc))):
            # the family name last may be a dictionary word after a given name no dictionary knows
            # (수닐 타파 씨): one unknown word before it makes the pair a name
            if j == k and len(chosen) > 1 and 2 <= len(raw) <= 3 and raw not in _words("not_names") \
                    and not _has_grammar(raw) and _is_person_word(raw) is False \
                    and all(t.oov for t in analyse(words[k - 1][2])) and len(words[k - 1][2]) >= 2:
                return words[k - 1][0], end
            break
        names.append(j)
    if len(names) >= 2:
        return words[names[-1]][0], end
    return None


def _thing_subject(rest: str) -> bool:
    """Is the word after a subject particle (``rest`` starts with it) a thing's predicate
    (문은 잠겨 있음, 강이 범람함): the subject is a thing, not a person?"""
    after = _word_at(rest.lstrip("은는이가").lstrip())
    tokens = analyse(after) if after else ()
    # a one-syllable stem only as a verb (물이 차다, not 차 as a car)
    return bool(tokens) and tokens[0].form in _words("thing_predicates") and (
        tokens[0].tag.startswith("V") or len(tokens[0].form) >= 2)


def _place_or_team(stem: str, after: str) -> bool:
    """Is ``stem`` a place before a local role (화양동 통장님) or a team after a role (담당 복지팀)?"""
    suffix = next((x for x in _words("place_suffixes") if stem.endswith(x) and len(stem) > len(x)), None)
    if suffix is None:
        return False
    # a shop or workplace named with two syllables or more before a long ending (민수상회 사장) is a place
    return after.startswith(_LOCAL_ROLES) or _is_common_noun(stem[: -len(suffix)]) or (
        len(suffix) >= 2 and len(stem) - len(suffix) >= 2)


def _friendly_bare(head: str, after: str, rest: str) -> str:
    """The name in ``head`` written with the friendly 이 alone, then a family word or a school year
    (하늘이 엄마, 다은이 5학년); '' if not, or where the analyser knows the word with its 이 (고양이)."""
    stem = head[:-1]
    if not (head.endswith("이") and 2 <= len(stem) <= 3 and final_consonant(stem)):
        return ""
    if _is_person_word(stem) is not False or _is_person_word(head) is not False:
        return ""
    nxt = _word_at(after)
    if not (nxt in _words("roles") or _AGE_WORDS.match(rest)):
        return ""
    whole = analyse(head)
    if (len(whole) == 1 and not whole[0].oov and whole[0].tag != "NNP") or any(
            t.tag.startswith(("VA", "VV")) for t in analyse(stem)):
        return ""  # 고양이: one known word; 한결같이: an adjective's adverb form
    return stem


_QUOTE = "'‘’\"“”"


def _add_naming(text: str, words, add) -> None:
    """Names the note gives as names: the word before (이)라고 부르다 ('콩이'라고 부르는, 란이라고
    불러, 영식이 아저씨라고 부름) and the words after 이름은 (이름은 별이와 달이)."""
    _add_quoted_nicknames(text, add)
    for m in re.finditer(r"라고?\s?([가-힣]+)", text):  # '콩이'라고 부르는, '똘똘이'라 부르는
        if not _calling_verb(m.group(1)):
            continue
        before = text[: m.start()]
        if not m.group(0).startswith("라고") and not before.endswith(tuple(_QUOTE)):
            continue  # 라 without 고 only after a quoted name ('똘똘이'라 부르는; not 장애라 부르기)
        if before.endswith(tuple(_QUOTE)):
            # '우리 용이'라고: the affectionate 우리 is no part of the name
            inner = re.search(r"[" + _QUOTE + r"](우리 )?([가-힣]{1,4})[" + _QUOTE + r"]$", before)
            if inner and _is_person_word(inner.group(2)) is False:
                name = inner.group(2)
                if inner.group(1) and name.endswith("이") and len(name) >= 2 and final_consonant(name[:-1]):
                    name = name[:-1]  # '우리 용이': the friendly 이 after the name
                add(inner.start(2), inner.start(2) + len(name), True, given_only=True, named=True)
            continue
        latin = re.search(r"(?<![A-Za-z])([A-Z][a-z]+)이?$", before)  # Nok이라고 불러, Mom이라고 불림
        if latin:
            add(latin.start(1), latin.end(1), True, given_only=True, named=True)
            continue
        word = re.search(r"([가-힣]+)$", before)
        if word is None:
            continue
        at, name = word.start(1), word.group(1)
        if _is_title(name):  # 영식이 아저씨라고: the name is the word before the title
            word = re.search(r"([가-힣]+)\s$", before[:at])
            if word is None or analyse(word.group(1))[0].tag in ("MAG", "MAJ", "NP", "MM"):
                continue  # 다들 할머니라고, 모두 아저씨라고: who calls, not a name
            at, name = word.start(1), word.group(1)
        if name.endswith("이") and len(name) >= 2 and final_consonant(name[:-1]):
            name = name[:-1]  # 란이라고, 영식이: the friendly or copula 이
        if 1 <= len(name) <= 4 and _is_person_word(name) is False and not _is_count(name) \
                and name not in ("뭐", "무엇", "누구", "그", "이", "저"):
            add(at, at + len(name), True, given_only=True, named=True)
    _add_called_as(text, add)
    _add_cued_names(text, add)
    for m in re.finditer(r"(?<![가-힣])(?:별명|애칭)(?:은|이|:)(?:\s|(?=[" + _QUOTE + r"]))[" + _QUOTE + r"]?([가-힣]{1,4})[" + _QUOTE
                         + r"]?"
                         r"(?=(?:이?다|인|임|이고|이라|라)?(?![가-힣]))", text):
        if _is_person_word(m.group(1)) is False:  # 별명이 '짱구'인 아들, 애칭은 콩이
            add(m.start(1), m.end(1), True, given_only=True, named=True)
    _add_handles(text, add)
    _add_chat_speakers(text, add)
    _add_teknonyms(text, add)
    _add_stated_surnames(text, add)
    _add_surnames_of_agencies(text, add)
    _add_glued_titles_after_agencies(text, add)
    for m in re.finditer(r"(?<![가-힣])(?:이름|성함)(?:은|이|:)\s?", text):
        for start, _end, raw in [w for w in words if w[0] >= m.end()][:4]:
            word = raw.rstrip(",.")
            joined = raw.endswith(",") or word.endswith(("와", "과", "랑", "하고"))
            for p in ("와", "과", "랑", "하고"):
                if word.endswith(p) and len(word) > len(p):
                    word = word[: -len(p)]
                    break
            friendly = word.endswith("이") and len(word) >= 2 and bool(final_consonant(word[:-1]))
            if friendly:
                word = word[:-1]
            # the list ends at a word that is no name (엄마는, 모름); a dictionary word is a name
            # here only with the friendly 이 (별이와 달이; not 비공개)
            if not (_HANGUL_WORD.fullmatch(word) and len(word) <= 4 and _is_person_word(_strip_particle(word)) is False
                    and not _has_grammar(word) and (friendly or _proper(analyse(word)))):
                break
            add(start, start + len(word), True, given_only=True, named=True)
            if not joined:
                break


_HANDLE_CUE = re.compile(r"(?:(?<![가-힣])|(?<=롤)|(?<=게임))(?:닉네임|닉|아이디|채널명|채널|프로필명|계정|대화명|별명|애칭"
                         r"|(?<![A-Za-z])ID(?![A-Za-z]))(?:은|이|는|:)?\s?")
"""The words before an online ID, a handle, a channel or a nickname (게임 닉네임 새벽늑대로만, 아이디 jiwoo_03,
라이더 ID kim0705)."""
_HANDLE = re.compile(r"@?[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_]|@[A-Za-z0-9]")
_AFTER_HANDLE = ("으로만", "로만", "으로", "로", "이라고", "라고", "이라는", "라는", "이라", "라", "인", "임", "이다", "다",
                 "예요", "이에요", "을", "를", "은", "는", "가", "에", "에서", "")
_AT_HANDLE = re.compile(r"(?<![A-Za-z0-9_.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")


_DIGIT_HANDLE = re.compile(r"(?<![가-힣A-Za-z0-9_.@])([가-힣]{2,6}\d{2,4}|[가-힣]{2,3}(?:TV|tv|티비))(?![A-Za-z0-9_])")
"""A Hangul word glued to digits (흑염룡99, 솜사탕00) or a channel of a name and TV (재하TV)."""


def _add_digit_handles(text: str, add) -> None:
    """A game nickname or chat handle of a Hangul word and digits (흑염룡99가, 솜사탕00 님), and a
    channel named after its owner (재하TV): a handle, as the thirtieth to thirty-second annotators
    read them; not a brand (비타500), a disease (코로나19), a count or a word with a number after it
    (1동, 2024년: a digit never follows a unit) nor a channel of a dictionary word (여행TV)."""
    for m in _DIGIT_HANDLE.finditer(text):
        handle = m.group(1)
        stem = re.sub(r"(?:\d+|TV|tv|티비)$", "", handle)
        rest = text[m.end():]
        if handle in _words("kept_brands") or stem in _words("kept_brands") or stem in ("코로나", "코비드") \
                or stem in _words("countries") or _is_person_word(stem) is not False or _is_title(stem):
            continue
        if handle[len(stem):].isdigit():
            # only where it is called like a person: a particle, a title, or 라는/이라는 after it
            called = re.match(r"\s?(?:님|씨)|이?라는|이?라고", rest) or _HANDLE_CUE.search(text[max(0, m.start() - 8):m.start()])
            digits = handle[len(stem):]
            if not called and stem.endswith(("로", "길", "동", "리", "가", "층", "호", "번", "반", "통", "선", "실", "관")):
                continue  # 자양로15, 내선203, 상담실2: an address, a line or a room, not a handle
            if not called and (re.fullmatch(r"(?:19|20)\d\d", digits) or not re.match(
                    r"(?:가|이|는|은|랑|이랑|한테|에게|하고|와|과|도|를|을|의|[\s.,;:!?)'\"’”]|$)(?![가-힣A-Za-z0-9])|"
                    r"(?:한테|에게|랑|이랑|하고)", rest)):
                continue  # 희망2024 사업: a year names a programme; 사과10개: a count
            if not called and not (_proper(analyse(stem)) or len(analyse(stem)) >= 2 or all(t.oov for t in analyse(stem))):
                continue
        elif _is_word(stem):
            continue
        add(m.start(1), m.end(1), True, given_only=True, named=True)


_CHAT_CUE = r"(?:닉네임|닉|아이디|밴드|카톡|카카오톡|단톡방?|오픈채팅|랜덤채팅|채팅방?|맘카페|카페|인스타|디코|후원자|채널)"
_QUOTED_HANDLE = re.compile(
    r"(?:(?<![가-힣])" + _CHAT_CUE + r"(?:에서|에|의|방에서)?\s(?:[가-힣]{1,6}\s)?)?"
    r"[" + _QUOTE + r"]([가-힣A-Za-z][가-힣A-Za-z0-9_.]{1,14})[" + _QUOTE + r"]"
    r"(?:(?=\(?[가-힣 ]{0,6}" + _CHAT_CUE + r"(?:으로|로|을|이|에서|에)?(?![가-힣]))|(?=님)"
    r"|(?=(?:이)?라는\s(?:[가-힣]+\s)?" + _CHAT_CUE + r")|(?=으로|로))")
"""A nickname in quotes at a chat, band or café, or called a nickname (랜덤채팅 '별빛소녀'로, 카톡 '별님맘'으로만,
'콩이맘'이라는 닉네임으로, '햇살가득'(밴드 닉네임), 밴드 후원자 '행복한미소'님)."""


def _add_quoted_handles(text: str, add) -> None:
    """A quoted nickname is a name where a chat word stands before it and 로/으로 or 님 after it, or a chat
    word follows it (_QUOTED_HANDLE; the conventions' band and 맘카페 nicknames); not a person word, a
    place or a brand, nor a quoted message ('알겠어요'로 답장: a verb's ending)."""
    for m in _QUOTED_HANDLE.finditer(text):
        name = m.group(1)
        cue_before = m.start(1) - 1 > m.start()
        after = text[m.end(1) + 1:]
        if not cue_before and after.startswith(("으로", "로")):
            continue  # '…'로 with no chat word before it: a quoted word used as a means, not a handle
        if (_is_person_word(name) is not False and not re.search(r"[A-Za-z0-9_]", name)) \
                or name in _words("kept_brands") or name in _words("countries") \
                or name.endswith(("요", "다", "까", "죠", "니다")):
            continue
        add(m.start(1), m.end(1), True, given_only=True, named=True)


def _add_handles(text: str, add) -> None:
    """An online ID, a handle, a channel or a game nickname is a name (the eighteenth to twentieth
    annotators' convention), marked as written: any @handle, and the word after 닉네임, 아이디,
    채널명 or 프로필명, quoted or not, without the particle after it."""
    for m in _AT_HANDLE.finditer(text):
        add(m.start(), m.end(), True, given_only=True, named=True)
    for m in _HANDLE_CUE.finditer(text):
        at = m.end()
        quoted = text[at:at + 1] in _QUOTE
        at += quoted
        latin = _HANDLE.match(text, at)
        after = text[latin.end():latin.end() + 1] if latin else ""
        # alone (아이디 kisseu.) with a letter in it, or with a particle after it (jiwoo_0311로)
        if latin and ((re.search(r"[A-Za-z]", latin.group(0)) and not after.isalpha())
                      or (re.match(r"[가-힣]", after or " ") and _strip_handle_particle(text, latin.end()) is not None)):
            add(latin.start(), latin.end(), True, given_only=True, named=True)
            continue
        hangul = _HANGUL_WORD.match(text, at)
        if not hangul:
            continue
        word = hangul.group(0)
        stem = word if quoted and text[hangul.end():hangul.end() + 1] in _QUOTE else next(
            (word[: len(word) - len(p)] for p in _AFTER_HANDLE if word.endswith(p) and len(word) - len(p) >= 2), "")
        # unquoted, a Hangul nickname is no single dictionary word (닉네임 변경, 아이디 분실)
        plain = quoted or (len(stem) >= 2 and not m.group(0).startswith(("아이디", "계정", "ID")) and not _has_grammar(stem)
                           and not (len(analyse(stem)) == 1 and _is_common_noun(stem)))
        if stem and len(stem) <= (10 if quoted else 6) and _is_person_word(stem) is False and not _is_count(stem) and plain:
            add(hangul.start(), hangul.start() + len(stem), True, given_only=True, named=True)


_CHAT_SPEAKER = re.compile(
    r"(?:(?P<time>\d{1,2}:\d{2}\s)|(?P<cue>(?<![가-힣])(?:카톡|카카오톡|단톡방?|단체방|밴드|오픈채팅방?|문자)\s)"
    r"|(?P<edge>^|[" + _QUOTE + r"]|/\s))"
    r"(?P<name>[가-힣A-Za-z][가-힣A-Za-z0-9_♡]{1,11}):\s")
"""A speaker's label in a copied chat or text thread (오후 11:52 솔바람: …, 카톡 우리동네통장: …, "행운맘: …"):
the nickname before the colon is the person who wrote the line."""
_THREAD_LABELS = frozenset({"문자", "카톡", "답장", "답변", "회신", "수신", "발신", "통화", "전화", "메모", "내용", "원문", "본인",
                            "상담자", "담당자", "담당", "작성자", "보낸사람", "받는사람", "공지", "알림"})
"""Words that label a line of a copied thread, not its writer (14:05 답장: …, 10:30 문자: 내일 와요)."""
_CLOCK_OR_CHAT = re.compile(r"\d{1,2}:\d{2}|" + _CHAT_CUE)


def _spoken_line(text: str, at: int) -> bool:
    """Does the chat line from ``at`` (to the next `` / `` or the end) read as speech (…불렀어요, 가볼게요~),
    not as a record's entry (10:00 방문: 부재, 23:11 답장: "…")?"""
    line = text[at:].split(" / ", 1)[0]
    if line[:1] in _QUOTE:
        return False  # 23:11 답장: "…": a record's label before a quoted message
    return re.search(r"요(?![가-힣])|[~!?]|ㅠ|ㅋ", line) is not None


def _add_chat_speakers(text: str, add) -> None:
    """The nickname that opens a line of a chat or text thread (_CHAT_SPEAKER) is a name: after a clock time
    or a chat word, or at the start of the note, a quote or a ``/`` where the note also has a clock time or
    a chat word. Never a dictionary word, a compound of them or a person word (10:00 방문:, / 연락처:, 보호자:)."""
    if not _CLOCK_OR_CHAT.search(text):
        return
    for m in _CHAT_SPEAKER.finditer(text):
        name = m.group("name")
        hangul = _HANGUL_WORD.fullmatch(name.replace("♡", "")) is not None
        if _is_person_word(name.rstrip("♡")) or _is_count(name) or name in _THREAD_LABELS:
            continue
        if hangul and 0 < _glued_title_at(name) <= 3:
            continue  # 다솜쌤: a short name with its title glued on is the title rules' (the name alone, checked)
        if hangul and (_has_grammar(name) or ((_is_common_noun(name.rstrip("♡")) or (len(name) >= 4 and _noun_compound(name)))
                                              and not (m.group("time") and _spoken_line(text, m.end())))):
            continue  # a word is a nickname (솔바람, 나리) only after a clock time and before a spoken line
        if not hangul and not re.search(r"[가-힣_0-9♡]", name) and m.group("edge") is not None:
            continue  # Note: …, / Re: … at an edge: an English label, not a nickname
        add(m.start("name"), m.end("name"), True, given_only=True, named=True)


_TEKNONYM = re.compile(r"(?<![가-힣])([가-힣]{1,3}) (?:엄마|아빠|맘)(?!들)")
_NOT_TEKNONYMS = frozenset({"우리", "저희", "그", "이", "저", "애", "아이", "아기", "새", "친", "옆집", "남의", "내", "네",
                            "제", "니", "두", "세", "한", "젊은", "어린", "싱글", "워킹", "초보", "학부모", "학교"})


_SURNAME_GIVEN = re.compile(r"(?<![가-힣])성(?:은|이)? ([가-힣])(?=[.,]|씨|$)")
"""A surname the note states (민서 성 피., 성은 모씨): the syllable after 성 is the surname."""


def _add_stated_surnames(text: str, add) -> None:
    """The surname a note states after 성 (하루(12세) 성 탁.): a surname alone."""
    for m in _SURNAME_GIVEN.finditer(text):
        if m.group(1) in _words("surnames"):
            add(m.start(1), m.end(1), True, surname_only=True)


_SURNAME_AGENCY = re.compile(r"(?<![가-힣○])([가-힣])\(([가-힣]{2,12})(?=[),\s])")
"""A syllable glued to a bracket that opens with a word (노(정센), 탁(주민센터, 주무관))."""


def _add_surnames_of_agencies(text: str, add) -> None:
    """A surname alone before a bracket that names the agency the person works for, as minutes list
    the people present (노(정센), 심(구의지구대)): the bracket says who the syllable is."""
    for m in _SURNAME_AGENCY.finditer(text):
        agency = m.group(2)
        if m.group(1) in _words("surnames") and _names_agency(agency):
            add(m.start(1), m.end(1), True, surname_only=True)


_AGENCY_GLUED_TITLE = re.compile(r"(?<![가-힣])([가-힣]{2,12})\(([가-힣])([가-힣]{2,6})(?=[),])")


def _add_glued_titles_after_agencies(text: str, add) -> None:
    """A surname glued to a title in a bracket after an agency, as minutes list the people present
    (보건소(엄간호사), 복지관(탁과장)): the syllable is the person's surname; not a title that is one word
    (보건소(수간호사), 병원(부원장)) or a deputy (부팀장)."""
    for m in _AGENCY_GLUED_TITLE.finditer(text):
        agency, surname, title = m.groups()
        if surname not in _words("surnames") or surname in _NOT_SYLLABLE_NAMES or surname in _SEX_OR_DEPUTY \
                or not _is_title(title) or title.startswith(("님", "군", "양", "학생", "씨")) \
                or _is_common_noun(surname + title):
            continue
        if _names_agency(agency):
            add(m.start(2), m.end(2), True, surname_only=True)


def _add_teknonyms(text: str, add) -> None:
    """A teknonym ("똘이 엄마", "영수 아빠"): the child's name before 엄마 or 아빠 is a name (the
    eighteenth to twentieth annotators' convention), the parent word stays. The word is marked with
    a friendly 이 (캉이 아빠); a family word, a determiner or a dictionary word before it is none."""
    for m in _TEKNONYM.finditer(text):
        word = m.group(1)
        stem = _strip_given(word) if len(word) >= 2 else word
        if stem.endswith("이") and len(stem) == 2 and final_consonant(stem[0]):
            stem = stem[0]  # 캉이 아빠: a one-syllable name with the friendly 이
        if word in _NOT_TEKNONYMS or stem in _NOT_TEKNONYMS or _is_person_word(stem) is not False \
                or _is_count(stem) or (_has_grammar(stem) and _has_grammar(word)) or _is_common_noun(stem) \
                or _is_common_noun(word) \
                or (len(stem) == 1 and stem in _NOT_SYLLABLE_NAMES):
            continue
        add(m.start(1), m.end(1), True, given_only=True)
    for m in _GLUED_TEKNONYM.finditer(text):
        stem = m.group(1)
        if stem.endswith("이") and len(stem) == 3 and final_consonant(stem[1]):
            stem = stem[:2]  # 예찬이엄마: the friendly 이
        tokens = analyse(stem)
        if stem in _NOT_TEKNONYMS or _is_person_word(stem) is not False or _is_count(stem) or _is_word(stem) \
                or stem in _words("roles") or stem in _words("not_names") or stem[:1] in ("친", "새", "시", "애", "큰", "작", "외") \
                or (tokens[0].tag in ("VA", "VV", "NP", "MM", "XPN") and len(tokens[0].form) >= len(stem) - 1):
            continue  # 착한엄마, 우리엄마: an adjective or a pronoun before the parent word
        add(m.start(1), m.start(1) + len(stem), False, given_only=True)


_GLUED_TEKNONYM = re.compile(r"(?<![가-힣])([가-힣]{2,3})(?:엄마|아빠|맘)(?=(?:가|이|는|은|랑|이랑|한테|에게|께|와|하고|도|를|의|님)?(?![가-힣]))")
"""A child's name glued to 엄마, 아빠 or 맘 (다온엄마랑, 예찬이아빠): a teknonym written in haste."""


_QUOTED_NICKNAME = re.compile(r"[" + _QUOTE + r"]([가-힣]{1,4}) (오빠|누나|언니|형|아저씨|아줌마|아주머니|할아버지|할머니|삼촌|이모|"
                              r"할배|할매)[" + _QUOTE + r"]")


def _add_quoted_nicknames(text: str, add) -> None:
    """A quoted nickname with a kinship title ('짱구 오빠'라는 사람, '고물 할아버지'라 부르는): a nickname
    is a name (the fifteenth to twentieth annotators' conventions), marked whole with its title."""
    for m in _QUOTED_NICKNAME.finditer(text):
        word = m.group(1)
        if _is_person_word(word) is False and not _is_count(word) and not _has_grammar(word) \
                and word not in _NOT_TEKNONYMS:
            add(m.start(1), m.end(2), True, given_only=True, named=True)


def _strip_handle_particle(text: str, at: int) -> str | None:
    """The particle after a handle (jiwoo_0311로), or None when a longer Hangul word follows."""
    rest = _HANGUL_WORD.match(text, at)
    word = rest.group(0) if rest else ""
    return word if word in _AFTER_HANDLE else None


_CALLED_AS = re.compile(r"[" + _QUOTE + r"](?:우리 )?([가-힣]{1,4})[" + _QUOTE + r"](?:으로|로)\s?([가-힣]+)")
"""A quoted name, then 으로 or 로 and a naming verb: '진주댁'으로 불림, '짱구'로 불리는 (a nickname, a 택호)."""
_NAMED_AS = re.compile(r"(?<![A-Za-z가-힣])([A-Z][a-z]+|[가-힣]{2,4})(?:이)?라는 (?:[가-힣]+ )?(?:이름|별명|애칭)")
"""A name the note says is a name: Camille라는 프랑스 이름, 민수라는 이름의 아들."""


def _add_called_as(text: str, add) -> None:
    """Nicknames and 택호 a person is called by ('진주댁'으로 불림, '짱구'로 불리는), and a name the
    note calls a name (Camille라는 프랑스 이름): every occurrence is the person (named)."""
    for m in _CALLED_AS.finditer(text):
        if any(m.group(2).startswith(v) for v in _words("naming_verbs")) and _is_person_word(m.group(1)) is False:
            add(m.start(1), m.end(1), True, given_only=True, named=True)
    for m in _NAMED_AS.finditer(text):
        if _is_person_word(m.group(1)) is not True and not _is_count(m.group(1)):
            add(m.start(1), m.end(1), True, given_only=True, named=True)


_NAME_NOUNS = ("이름", "성함", "성명", "본명", "가명", "실명", "별명", "애칭", "별칭", "아명", "태명", "필명", "예명",
               "세례명", "법명", "택호", "닉네임")
_CUE_ENDING = (r"(?:이?라(?:고(?:만|도|요)?|는|며|서)?|이?란|이에요|예요|이었[가-힣]{0,3}|였[가-힣]{0,3}|이?야|임|인데|이고"
               r"|이며|이다|입니다|으?로(?:만|도|는)?)")
_SPEECH_ENDING = re.compile(r"(?:이?라(?:고(?:만|도|요)?)?|이에요|예요|이었[가-힣]{0,3}|였[가-힣]{0,3}|이?야)(?![가-힣])")
"""Where a dictionary word after 이름은 is still the name: said as a name (이름은 소라예요, 소라라고)."""
_CUED_NAME = re.compile(
    r"(?<![가-힣])[가-힣]{0,3}(?:" + "|".join(_NAME_NOUNS) + r")(?:(?:은|는|이|가|을|를|:)?\s|(?:은|는|이|가|을|를|:)(?=["
    + _QUOTE + r"]))"
    r"(?:([" + _QUOTE + r"])([가-힣]{1,5}|[A-Z][a-z]+|[\u4e00-\u9fff]{2,4})[" + _QUOTE + r"](?=(?:인|" + _CUE_ENDING
    + r")?(?![가-힣]))"
    r"|([가-힣]{1,5}?|[A-Z][a-z]+|[\u4e00-\u9fff]{2,4})(?=" + _CUE_ENDING + r"(?![가-힣])|[.,)/]|$))")
"""A name after a word for a name and its particle (이름은 소라예요, 가명 '하늘'로, 태명은 '콩콩이'라고,
아명은 개똥이였다고, 한국 이름 준.): the name the note gives, quoted or with its copula or 로."""
_NAMED_BEFORE = re.compile(
    r"(?:[" + _QUOTE + r"]([가-힣A-Za-z0-9_♡]{1,12})[" + _QUOTE + r"]|(?<![가-힣A-Za-z])([가-힣]{1,5}?|[A-Z][a-z]+))"
    r"(?:이라는|라는|이란|란) (?:[가-힣]+ )?(?:" + "|".join(_NAME_NOUNS) + r"|사람|분|딸|아들|아이|애|친구|여자|남자|형|동생"
    r"|언니|누나|오빠|청년|학생|남편|아내|손녀|손자|조카|직원)(?![가-힣]{4})")
"""A name before (이)라는 and a word for a name or a person ('감자'라는 별칭, 하나라는 딸, Mark라는 사람)."""
_NOT_CUED = frozenset({"뭐", "무엇", "누구", "그", "이", "저", "모름", "미상", "불명", "비공개", "없음", "확인", "같", "뭔지",
                       "그냥", "원래", "진짜", "실제", "같은", "다른", "우리", "라고", "라", "라는"})


def _cued_name_ok(name: str, word: str, quoted: bool, *, common: bool = True) -> bool:
    """Is ``name``, given after a word for a name or before (이)라는, a name and not a word of the
    sentence? ``word`` is the name with what is glued to it (몰라, 바뀌었다); a dictionary word is a
    name only quoted or where ``common`` allows it."""
    if name in _NOT_CUED or (_HANGUL_WORD.fullmatch(name) and _is_person_word(name) is not False):
        return False
    tokens = analyse(name if quoted or not word else word)
    if not tokens or tokens[0].tag.startswith(("V", "M", "E", "J", "X")) or tokens[0].tag in ("NP", "NNB"):
        return False  # 이름은 몰라, 이름이 바뀌었다: a verb or an adverb, no name
    return quoted or common or not (_HANGUL_WORD.fullmatch(name) and _is_common_noun(name) and len(name) > 1)


def _add_cued_names(text: str, add) -> None:
    """Names a note gives as names: after 이름, 가명, 태명 … (quoted, or with the copula or 로 after
    them), and before (이)라는 with a word for a name or a person; every occurrence is the person."""
    for m in _CUED_NAME.finditer(text):
        quoted = m.group(2) is not None
        at = 2 if quoted else 3
        end = m.end(at)
        if text[end:end + 1] == "임" and end - m.start(at) == 2 and _korean_name_shaped(text[m.start(at):end + 1]):
            end += 1  # 본명은 길순임, 83세: the name ends in 임
        name = text[m.start(at):end]
        # unquoted, a dictionary word is the name only as said (이름은 소라예요; not 가명 사용, 이름은 한글로)
        common = bool(_SPEECH_ENDING.match(text, end))
        if not quoted and re.match(r"으?로", text[end:]) and not any(t.oov for t in analyse(name)) \
                and not _surname_split(name):
            continue  # 이름을 수어로는: how it is said, not a name (딸 이름은 장수진으로만: a name)
        if _cued_name_ok(name, _word_at(text[m.start(at):]), quoted, common=common):
            # a quoted word ('안경'인 석씨) is the person only here; a name that is no word, everywhere
            add(m.start(at), end, True, given_only=True, named=not _is_word(name))
    for m in _NAMED_BEFORE.finditer(text):
        at = 1 if m.group(1) is not None else 2
        # 친척이라는 사람: unquoted, a dictionary word before 이라는 is what the person is
        if _cued_name_ok(m.group(at), _word_at(text[m.start(at):]), at == 1, common=False):
            add(m.start(at), m.end(at), True, given_only=True, named=not _is_word(m.group(at)))


_HANJA_BRACKET = re.compile(r"(?<![가-힣])([가-힣]{2,4})\(([\u4e00-\u9fff]{2,4})\)")
"""A Hangul word, then the same number of Chinese characters in brackets: 장리(張麗)."""


_HANJA_RUN = re.compile(r"(?<![\u4e00-\u9fff가-힣])([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])(?:\(([가-힣]{2,4})(?=[,)]))?")
"""Two or three Chinese characters standing alone, and the Hangul reading in brackets after them: 張麗(장리)."""


def _add_hanja_runs(text: str, add) -> None:
    """A name in Chinese characters on its own (王偉, 49세; 張敏.): two or three characters opening
    with a common surname, and its Hangul reading in brackets (張麗(장리)); not a glossed word (事例)."""
    for m in _HANJA_RUN.finditer(text):
        if m.group(1)[0] not in _words("hanja_surnames"):
            continue
        add(m.start(1), m.end(1), True)
        if m.group(2) and _is_person_word(m.group(2)) is False and not _is_common_noun(m.group(2)):
            add(m.start(2), m.end(2), True)


def _add_hanja_names(text: str, add) -> None:
    """A name-shaped Hangul word glossed with as many Chinese characters (장리(張麗)): both are the
    name (the script changes nothing); not a word glossed (사례(事例))."""
    for m in _HANJA_BRACKET.finditer(text):
        word = m.group(1)
        if len(word) == len(m.group(2)) and _surname_split(word) and _is_person_word(word) is False \
                and not _is_common_noun(word):
            add(m.start(1), m.end(1), True)
            add(m.start(2), m.end(2), True)


def _add_foreign_shapes(words, add) -> None:
    """Foreign names in Hangul by their shape, without a title: a known family name glued to more
    syllables (쩐반민으로, 응우옌티란), or a Russian or Central Asian ending (이바노바, 카리모프), on a
    word the analyser does not know as a common noun."""
    family = sorted(_words("foreign_family_names"), key=len, reverse=True)
    endings = tuple(_words("foreign_name_endings"))
    for start, _end, raw in words:
        head = _HANGUL_WORD.match(raw)
        if not head:
            continue
        stem = _strip_particle(head.group(0))
        if len(stem) < 3 or _is_common_noun(stem) or _is_person_word(stem) is not False or stem in _words("not_names") \
                or stem.endswith(tuple(_words("place_suffixes"))):
            continue  # 보람그룹홈: an agency
        # one word the analyser does not know, or reads as proper nouns only (not 보람+그룹+홈);
        # not a known word whose end looks like a particle (레스토랑)
        tokens, whole = analyse(stem), analyse(head.group(0))
        if not _proper(tokens) or (len(whole) == 1 and not whole[0].oov):
            continue
        lead = next((f for f in family if stem.startswith(f) and len(stem) >= len(f) + 2), None)
        # a known family name glued to more: only a word no dictionary knows (not 보라매공원)
        if (lead and any(t.oov for t in tokens) and not _is_common_noun(stem[len(lead):])) or stem.endswith(endings):
            add(start, start + len(stem), True)


_TRANSCRIPTION_BRACKET = re.compile(r"(?:\s?[가-힣]{1,3})?\s?\((?:([가-힣]+),\s?)?([가-힣 ]+)\)")
"""A bracket after a romanised name: the name in Hangul, after a family word and a comma or not."""


def _add_bracketed_transcriptions(text: str, found: list[NameSpan], add) -> None:
    """A romanised name found, then the same name in Hangul in brackets (Jocelyn Reyes 씨 (조슬린
    레예스), Nguyen Thi Lan(응우옌 티 란)): as many words, each starting with the same sound."""
    for span in [s for s in found if s.sure and re.fullmatch(r"[A-Za-z][A-Za-z -]*", s.text)]:
        m = _TRANSCRIPTION_BRACKET.match(text, span.end)
        if m is None or (m.group(1) and not _after_role(m.group(1))):
            continue
        latin, hangul = span.text.split(), m.group(2).split()
        if len(latin) != len(hangul) or any(
                _skeleton_latin(a)[:1] != _skeleton_hangul(b)[:1] for a, b in zip(latin, hangul)):
            # one Hangul word for one of the name's words, by its first two sounds: Tran Van Duc(득), Nguyen
            # Thi Lan(사위, 란) — the given name the person goes by
            parts = re.split(r"[ -]", span.text)
            if len(hangul) != 1 or len(parts) < 2 or not any(
                    len(_skeleton_hangul(hangul[0])) >= 2 and _skeleton_latin(a)[:2] == _skeleton_hangul(hangul[0])[:2]
                    for a in parts):
                continue
        found[:] = [s for s in found if not (m.start(2) <= s.start and s.end <= m.end(2))]
        add(m.start(2), m.end(2), True)


_OTHER_SCRIPT_BRACKET = re.compile(r"(?:\s?씨)?\s?\(([^()]*)\)")
_LATIN_NAME_WORDS = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}")
_HANGUL_NAME_WORDS = re.compile(r"[가-힣]{1,6}(?: [가-힣]{1,6}){0,3}")
_GENDER = frozenset({"남", "여", "남성", "여성", "남아", "여아"})


def _add_other_script_names(text: str, found: list[NameSpan], add) -> None:
    """The same person's name in the other script in the bracket after a name found, before any
    comma (Anastasia Pak(아나스타샤, 17세), Tran Van Nam(쩐 반 남), 시리폰(Siriporn)), and a
    romanised name beside an age in a bracket (딸 하나(3세, Ada)): the bracket belongs to that person."""
    for span in [s for s in found if s.sure and not s.surname_only]:
        m = _OTHER_SCRIPT_BRACKET.match(text, span.end)
        if m is None:
            continue
        first = m.group(1).split(",")[0].strip()
        at = m.start(1) + m.group(1).index(first) if first else 0
        latin_span = re.fullmatch(r"[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё .'-]*", span.text) is not None
        if latin_span:
            ok = _HANGUL_NAME_WORDS.fullmatch(first) is not None and first not in _GENDER \
                and not _is_common_noun(first.replace(" ", "")) \
                and not any(w in _words("countries") or (len(w) > 1 and _is_common_noun(w)) or _is_person_word(w)
                            for w in first.split())  # not (사위, 민): a family word, then the name
        else:
            ok = _LATIN_NAME_WORDS.fullmatch(first) is not None
        if ok:
            # the whole Hangul form, though one of its words was found alone first (쩐 티 호아, 마이클 존스)
            found[:] = [s for s in found if not (at <= s.start and s.end <= at + len(first))]
            add(at, at + len(first), True)
    for span in [s for s in found if not s.surname_only]:
        # the mirror image: the name found is the first item in the bracket, the other script before it
        if text[span.start - 1:span.start] != "(":
            continue
        latin_span = re.fullmatch(r"[A-Za-z][A-Za-z .'-]*", span.text) is not None
        if not latin_span:
            before = re.search(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}$", text[:span.start - 1])
            if before is not None:
                add(before.start(), before.end(), True)
            continue
        words = re.findall(r"[가-힣]+", text[max(0, span.start - 30):span.start - 1].split("(")[-1].split(",")[-1])
        tail = text[:span.start - 1]
        if not words or not re.search(r"[가-힣]$", tail):
            continue
        latin = span.text.split()
        taken: list[str] = []
        if len(words) >= len(latin) and all(_skeleton_latin(a)[:1] == _skeleton_hangul(b)[:1]
                                            for a, b in zip(latin, words[-len(latin):])):
            words = []  # the same words with the same first sounds (응우옌 티 투(Nguyen Thi Thu)
            taken = re.findall(r"[가-힣]+", tail)[-len(latin):]
        for w in reversed(words):
            if w in _GENDER | _words("countries") or _is_person_word(w) is not False or _is_common_noun(w) or len(taken) == 4:
                break
            taken.insert(0, w)
        other = " ".join(taken)
        if taken and tail.endswith(other):
            at = len(tail) - len(other)
            # the whole Hangul form, though one of its words was found alone first (쩐 티 마이(Tran Thi Mai))
            found[:] = [s for s in found if not (at <= s.start and s.end <= len(tail))]
            add(at, len(tail), True)
    _add_latin_with_hangul(text, add)
    for m in re.finditer(r"\(([^()]*\d{1,3}\s?(?:세|살)[^()]*)\)", text):
        for part in re.finditer(r"(?<=,)\s?([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\s?(?=,|$)", m.group(1)):
            add(m.start(1) + part.start(1), m.start(1) + part.end(1), True)


_LATIN_THEN_HANGUL = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\(([가-힣]{1,6}(?: [가-힣]{1,6}){0,3})(?=[,)])")
"""A romanised name, then a Hangul form first in the bracket: Maksym(막심, 6세), Aung Kyaw(아웅 쪼), Bich(빅)씨."""


def _add_latin_with_hangul(text: str, add) -> None:
    """A romanised name and its Hangul form in the bracket right after it, as many words, the first
    starting with the same sound (Maksym(막심, 6세), Dilnoza(딜노자)씨): both are the name, found or
    not, whatever the Hangul means as a word; not a country or a sex (Maria(필리핀))."""
    for m in _LATIN_THEN_HANGUL.finditer(text):
        latin, hangul = m.group(1).split(), m.group(2).split()
        if len(latin) != len(hangul) or any(w in _GENDER | _words("countries") for w in hangul) \
                or not _skeleton_latin(latin[0])[:1] or _skeleton_latin(latin[0])[:1] != _skeleton_hangul(hangul[0])[:1]:
            continue
        add(m.start(1), m.end(1), True)
        add(m.start(2), m.end(2), True)


_DOT_LIST = re.compile(r"(?<![가-힣])([가-힣]{3})((?:\s?[·,]\s?[가-힣]{3}(?![가-힣]))+)")


def _add_sibling_lists(text: str, add) -> None:
    """Full names joined by a middle dot or a comma, all with the same surname (손유진·손유나·손유찬,
    우진수, 우진철 씨): siblings; not words that start alike (소고기·소시지: dictionary words)."""
    for m in _DOT_LIST.finditer(text):
        names = [m.group(1), *re.findall(r"[가-힣]{3}", m.group(2))]
        if names[0][0] in _words("surnames") and all(n[0] == names[0][0] for n in names) \
                and not any(_is_common_noun(n) or _is_person_word(n) is not False for n in names):
            for n in re.finditer(r"[가-힣]{3}", m.group(0)):
                add(m.start() + n.start(), m.start() + n.end(), True)


_GROUP_ITEMS = r"([가-힣]{1,3}(?:\s?·\s?[가-힣]{1,3}|,[가-힣]{1,3}){1,4})"  # a comma with a space ends a clause
_GROUP_AFTER = re.compile(r"(?<![가-힣])" + _GROUP_ITEMS + r"\s?(?:[두세네]\s?)?(?:남매|자매|형제|쌍둥이|손주|부부|모자|모녀|부자|부녀)"
                          r"(?:들|는|가|의|를|와|도|이|은)?(?![가-힣])")
_GROUP_CUES = ("쌍둥이", "남매", "자매", "형제", "가해", "피해", "가해자", "피해자", "동기")
_GROUP_BEFORE = re.compile(r"(?<![가-힣])(?:" + "|".join(_GROUP_CUES) + r"|아이들\s?(?:둘|셋|넷))\s(?=[가-힣])")
_GROUP_LIST = re.compile(_GROUP_ITEMS + r"(?![가-힣])")
"""Given names listed with a middle dot or a bare comma beside a word for the group they make (은우·은서 남매,
채원·채윤·채민 세 손주, 쌍둥이 지안·지온, 아이들 셋 다온·이든·로아, 가해 민찬·규리)."""
_NOT_GROUP_ITEMS = frozenset({"남", "여", "초", "중", "고", "대", "남아", "여아", "남자", "여자"})


def _add_group_lists(text: str, add) -> None:
    """Given names listed beside the group they make (_GROUP_AFTER, _GROUP_BEFORE): each a name, even one
    that is also a word (서진, 로아), unless every item is a word (오전·오후) or an item names a relation
    (아들·딸 남매), a sex or a school level (남·여 쌍둥이, 초·중 자매)."""
    lists = list(_GROUP_AFTER.finditer(text))
    lists += [m for m in (_GROUP_LIST.match(text, cue.end()) for cue in _GROUP_BEFORE.finditer(text)) if m]
    for m in lists:
        items = [(m.start(1) + p.start(), p.group(0)) for p in _HANGUL_WORD.finditer(m.group(1))]
        if m.re is _GROUP_LIST:
            # the list ends before the next cue (피해 서하, 가해 민찬·규리); its last item may take a particle
            cut = next((i for i, (_, w) in enumerate(items) if w in _GROUP_CUES), len(items))
            items = items[:cut]
            if items:
                items[-1] = (items[-1][0], _strip_particle(items[-1][1]))
            if len(items) < 2:
                continue
        if any(_is_person_word(w) is not False or w in _NOT_GROUP_ITEMS or w in _words("countries")
               or (len(w) == 1 and w in _NOT_SYLLABLE_NAMES) or _is_count(w) for _, w in items) \
                or all(_is_common_noun(w) for _, w in items):
            continue
        for at, w in items:
            add(at, at + len(w), False, given_only=True)


_LINK = r"(?:이랑|랑|하고|와|과)\s|\s?[·,/]\s?"
_LINKED_AFTER = re.compile(r"(?:" + _LINK + r")([가-힣]+)")
_LINKED_BEFORE = re.compile(r"(?<![가-힣])([가-힣]{1,4}?)(?:" + _LINK + r")$")


def _coordinate_name(stem: str, like: str) -> bool:
    """Could ``stem``, joined to the name ``like`` by a list mark or 랑/와/하고, be a name of its
    kind: as long, a surname first if ``like`` has one, no dictionary word, person word, count,
    title or word with grammar (탁지연, 중랑구 …: a place)?"""
    surnames = _words("surnames")
    if len(like) == 3 and like[0] in surnames and stem[:1] not in surnames:
        return False
    return len(stem) == len(like) and 2 <= len(stem) <= 3 and not _is_word(stem) \
        and _is_person_word(stem) is False and stem not in _words("not_names") and not _is_count(stem) \
        and not _is_title(stem) and not _has_grammar(stem) and stem not in _words("countries")


def coordinated_names(text: str, names: Sequence[NameSpan], taken: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """Name-shaped words joined to ``names`` by a list mark or 랑/와/하고 (지안·지온, 루아랑 시아는,
    민서와 도하가), and to those in turn: names of the same kind, unsure. A dictionary word or a
    person word is no name (민서와 동생, 지안·어린이집); nothing overlapping ``taken`` is returned."""
    out: list[NameSpan] = []
    spans = list(taken)
    todo = list(names)

    def take(start: int, stem: str, like: NameSpan) -> None:
        end = start + len(stem)
        if _coordinate_name(stem, like.text) and not _kept_word_at(text, start, end) \
                and not any(a < end and start < b for a, b in spans):
            out.append(NameSpan(start, end, stem, sure=False, given_only=like.given_only))
            spans.append((start, end))
            todo.append(out[-1])

    while todo:  # a chain (지안·지온·지유) is followed to its end
        span = todo.pop()
        if span.surname_only or not _HANGUL_WORD.fullmatch(span.text):
            continue
        after = _LINKED_AFTER.match(text, span.end)
        if after:
            take(after.start(1), _friendly_name(after.group(1)) or _strip_particle(after.group(1)), span)
        before = _LINKED_BEFORE.search(text[max(0, span.start - 8):span.start])
        if before:
            stem = before.group(1)
            if stem.endswith("이") and len(stem) == 3 and final_consonant(stem[:2]):
                stem = stem[:2]  # 민준이랑 서윤: the friendly 이
            take(span.start - len(before.group(0)), stem, span)
    return out


def _add_glued_to_role(text: str, add) -> None:
    """A name glued to the family or role word before it, where the analyser parts them (아들건우가,
    대상자엄태구님, 손녀하린이): a full name with a title, or a given name the analyser reads as a
    proper noun, with a particle; unsure. Not a word (아들내미, 가족돌봄휴가) or a person word (아들며느리)."""
    for m in _HANGUL_WORD.finditer(text):
        word = m.group(0)
        cuts = [cut for cut in range(1, min(4, len(word) - 1) + 1) if _after_role(word[:cut])]
        if not cuts:
            continue  # most words open with no role word: no analysis needed
        tokens = {t.start: t for t in analyse(word)}
        for cut in cuts:
            if cut not in tokens:
                continue
            rest = word[cut:]
            titled = next((rest[:i] for i in range(3, len(rest)) if _is_title(rest[i:])), "")
            if len(titled) == 3 and _korean_name_shaped(titled):
                add(m.start() + cut, m.start() + cut + 3, False)
                break
            given = _strip_given(_strip_particle(rest))
            if given != rest and (tokens[cut].tag == "NNP" or tokens[cut].oov) and _is_person_word(given) is False \
                    and not _is_common_noun(given) and _given_name_shape(given, rest[len(given):]):
                add(m.start() + cut, m.start() + cut + len(given), False, given_only=True)
                break


def _unknown_before_ssi(head: str, before_ssi: bool) -> str:
    """The name in ``head`` when it is three to six syllables no dictionary knows, before 씨 or 님 in
    the next word or glued to it (아이게림 씨, 아이게림씨는, 스레이몸님); '' if not. A known word
    before 님 (간호사님, 센터장님) is a title, not a name."""
    glued = next((i for i in range(3, min(len(head), 7)) if head[i] in "씨님"), 0)
    name = head[:glued] if glued else head if before_ssi else ""
    if not 3 <= len(name) <= 6 or _is_person_word(name) is not False or _is_common_noun(name) \
            or name in _words("not_names") or _strip_particle(name) != name \
            or name.endswith(tuple(_words("place_suffixes"))):
        return ""
    return name



# ---- kept words: foreign places, brands, 동 names and groups a rule would take for a name

_WORD_EDGE = " \t\n([{<「『\"'“‘”’/,·;:"
_ORIGIN_AFTER = re.compile(r"\s?(?:출신|국적)")
_SIMILE_AFTER = re.compile(r"\s(?:같은|같이|같다|같아)(?![가-힣])")
_REPAID_AFTER = re.compile(r"(?:을|를|은|는|도|만)?\s?(?:[가-힣]{1,3}\s)?갚")
_DONG_AFTER = re.compile(r"\d+\s?동(?![가-힣])")
_NUMBERED_PLACE_AFTER = re.compile(r"\d+(?:가|로|길)(?:\d+(?:가|동|로|길))*(?:역|동)?")
"""A place's number and its unit glued to the place (성수1가2동, 종로3가역, 세종로1길)."""
_UNITS = frozenset("원인명")
_BIG_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s?[십백천만억]+\s?$")


@cache
def _business_words() -> tuple[str, ...]:
    """The endings of a shop's or a firm's name (분식, 떡집, 택배, 센터): two syllables or more."""
    return (*(w for w in _words("shop_words") if len(w) >= 2), *_long_place_suffixes())


def _agency_word(word: str) -> bool:
    """Is ``word`` an agency's short name (정센, 치센, 노보전)?"""
    return word in _words("agency_short_names")


@cache
def _long_place_suffixes() -> tuple[str, ...]:
    """The place and agency endings of two syllables or more (지구대, 센터, 보건소)."""
    return tuple(w for w in _words("place_suffixes") if len(w) >= 2)


def _names_agency(word: str) -> bool:
    """Is ``word`` an agency: its short name (정센) or a word ending like one (구의지구대, 강북구보건소)?"""
    return _agency_word(word) or word.endswith(_long_place_suffixes())


def _kept_word_at(text: str, start: int, end: int, named: bool = False) -> bool:
    """Is ``text[start:end]`` part of a word that must stay: a foreign country or city (Grace 씨(가나),
    가족 필리핀), everything before the first comma of a bracket that opens with one ((페루 쿠스코),
    (볼리비아 Santa Cruz 출신)), a place before 출신 or 국적, a brand (정관장, 유튜브; not a nickname
    the note gives, '박카스'라는 별명), a 동 with its number (구의1동) or a people (타망족 모임)? A title
    right after the word makes it a name again (가나 씨)."""
    left = start
    while left > 0 and text[left - 1] not in _WORD_EDGE:
        left -= 1
    right = end
    while right < len(text) and (_HANGUL_WORD.match(text[right]) or text[right].isalpha()):
        right += 1
    word = text[left:right]
    stem = _strip_particle(word)
    span = text[start:end]
    if any(w.endswith("족") and len(w) >= 2 for w in (*span.split(), stem)):
        return True  # 타망족 모임 대표: a people, not a person
    if (_DONG_AFTER.match(text, end) or _NUMBERED_PLACE_AFTER.match(text, end)) and _HANGUL_WORD.fullmatch(span):
        return True  # 구의1동, 성내2동, 성수1가2동, 종로3가역: a place and its number
    if span[:1] in _UNITS and (re.search(r"\d$", text[:start]) or _BIG_NUMBER_BEFORE.search(text, 0, start)):
        return True  # 월 33만 원이, 1,200만 원, 2인 중: the unit of an amount or a count, not a name
    if any(form.endswith(w) and len(form) > len(w) and start < left + len(form)
           for form in {stem, word} for w in _business_words()):  # 김안과: 과 is no particle here
        return True  # 지훈문구, 태양분식, 천일택배, 민내과: a shop or a firm named after its owner names the shop
    shop = re.match(r"(?:이)?네\s?([가-힣]+)", text[end:])
    if shop and _strip_particle(shop.group(1)) in _words("shop_words"):
        return True  # 민수네 분식, 용석이네 포장마차: a shop named after its owner names the shop
    if not named and _HANGUL_WORD.fullmatch(span) and _is_word(span) and _SIMILE_AFTER.match(text, end):
        return True  # 가뭄에 단비 같은 분, 보배 같은 자식: the word in a simile, not the person it names
    after = text[right:].lstrip()
    titled = bool(after) and _is_title(_word_at(after))
    if not named and not titled and _HANGUL_WORD.fullmatch(span) and _is_common_noun(span) \
            and _REPAID_AFTER.match(text, end):
        return True  # 은혜를 갚다, 엄마 은혜 갚는 거죠: the word as the object of 갚다, not the person
    if not named and not titled and {span, word, stem} & _words("kept_brands"):
        return True
    if not named and {span, word, stem} & _words("agency_short_names"):
        return True  # 정센 상담사, 노보전 팀장: an agency's short name, also before a title (the staff of the agency)
    places = _words("world_places")
    if titled:
        return False
    if {span, word, stem} & places or (
            all(w in places for w in span.split()) and span.strip()):
        return True
    if _ORIGIN_AFTER.match(text, end) and not _KOREAN_FULL_NAME.fullmatch(span):
        return True  # 볼리비아 Santa Cruz 출신, 산티아고 출신
    opened = text.rfind("(", 0, start)
    if opened >= 0 and ")" not in text[opened:start]:
        first = re.match(r"[^\s,)]+", text[opened + 1:])
        if first and first.group(0) in places and "," not in text[opened:start] \
                and all(w in places for w in text[opened + 1:start].split()):
            # (페루 쿠스코), (콩고민주공화국 킨샤사): where the person is from; not a name after
            # other words in the bracket ((베트남 출신 남편 판 반 득, …))
            return True
    return False


_KOREAN_FULL_NAME = re.compile(r"[가-힣]{3}")


_BEFORE_ORIGIN = re.compile(r"(?<![A-Za-z])([A-Z][a-z]+(?: [A-Z][a-z]+){0,3})\(([가-힣]+)(?=[,)\s])")


def _add_before_origin_brackets(text: str, add) -> None:
    """A romanised name right before a bracket that opens with a foreign country (Fatima(우즈벡, 29) 씨,
    Omar(수단)): the bracket says where the person is from, so the word before it is the person."""
    for m in _BEFORE_ORIGIN.finditer(text):
        if m.group(2) in _words("world_places"):
            add(m.start(1), m.end(1), True)
# --------------------------------------------------------------------------- names left visible

_CALLED_QUOTED = re.compile(
    r"[" + _QUOTE + r"](?:우리 )?([가-힣A-Za-z][가-힣A-Za-z0-9]*(?: [가-힣A-Za-z0-9]+){0,2})[" + _QUOTE + r"]"
    r"(?:이)?(?:라고|라|으로|로)(?:만|는|도)?\s?([가-힣]+)")
"""A quoted nickname, then 이라고, 라고, 이라, 라, 으로 or 로 and a verb: '초민'이라고 부름, 'JC'로 부름, '짱구'로 통함."""
_CALLED_VOCATIVE = re.compile(
    r"[" + _QUOTE + r"]([가-힣]{1,3})(아|야)[" + _QUOTE + r"]\s?(?:하고|라고|하며|하면서)?\s?([가-힣]+)")
"""A quoted call with the vocative, then a naming verb: '복순아' 하고 부르신다, '흥이야' 불러요."""
_NICKNAME_TITLES = ("할매", "할배", "할머니", "할아버지", "아저씨", "아재", "아줌마", "아주머니", "영감", "언니", "오빠",
                    "누나", "형", "삼촌", "이모", "양반")
_TITLED_NICKNAME = re.compile(
    r"[" + _QUOTE + r"]([가-힣]+(?: [가-힣]+){0,2}) (" + "|".join(_NICKNAME_TITLES) + r")[" + _QUOTE + r"]")
"""A quoted nickname of one to three words and a title ('뚱이 할매', '빨간 모자 할머니', '맥가이버 아재')."""


def _calling_verb(word: str) -> bool:
    """Does ``word`` begin with a verb of calling (부르다, 불리다) or of going by a name (통하다)?"""
    return any(word.startswith(v) for v in (*_words("naming_verbs"), *_words("calling_verbs")))


def _nickname_words(words: list[str]) -> bool:
    """Are ``words`` a nickname's own words, not a person word, a determiner or a word with a particle
    ('우리 할머니', '그 아저씨', '옆집 언니' name nobody)?"""
    for w in words:
        if _is_person_word(w) is not False or w in _NOT_TEKNONYMS or _is_count(w) or w in _words("not_names"):
            return False
        if any(t.tag.startswith("J") for t in analyse(w)):
            return False
    return True


def _called_words(words: list[str]) -> bool:
    """Before a verb of calling a nickname's words may be person words too ('박사 할아버지'로 불리는);
    not a determiner or a word with a particle."""
    return not any(w in _NOT_TEKNONYMS or any(t.tag.startswith("J") for t in analyse(w)) for w in words)


_CALLED_DESCRIPTION = re.compile(
    r"(?<![가-힣0-9A-Za-z])((?:[가-힣]+ ){1,3})(" + "|".join(_NICKNAME_TITLES) + r")\s?(?:이)?(?:라고|라|으로|로)(?:만|는|도)?\s?([가-힣]+)")
"""Up to three words and a title, then 이라고, 라고, 라, 으로 or 로 and a verb of calling: 박스 할머니로 통하는,
빨간 조끼 할아버지라 부름 (a nickname not quoted)."""


def _description_word(word: str) -> bool:
    """Can ``word`` be part of a nickname made of a description (고양이, 빨간, 모자): a dictionary noun
    or an adjective's form before a noun, not a person or role word, a determiner or a word with a particle?"""
    if not _nickname_words([word]) or _ends_with_job_title(word) or word in _words("roles"):
        return False
    tokens = analyse(word)
    if all(t.tag == "NNG" and not t.oov for t in tokens):
        return True  # not a name (영식이 아저씨라고: only the name is marked)
    return len(tokens) == 2 and tokens[0].tag == "VA" and tokens[1].tag == "ETM"  # 빨간, 파란


def _add_called_descriptions(text: str, add) -> None:
    """A nickname made of a description and a title, not quoted, before a verb of calling (고양이 할머니라
    불리는, 훈장 할아버지로 불리시는): marked whole from the first word that can be part of it."""
    for m in _CALLED_DESCRIPTION.finditer(text):
        if not _calling_verb(m.group(3)):
            continue
        words = m.group(1).split()
        keep = len(words)
        while keep and _description_word(words[keep - 1]):
            keep -= 1
        if keep == len(words):
            continue  # 다들 할머니라고 부름, 옆집 아저씨라고: no description
        start = m.start(1) + len(" ".join(words[:keep])) + (1 if keep else 0)
        add(start, m.end(2), True, given_only=True, named=True)


def _add_quoted_callings(text: str, add) -> None:
    """Nicknames a note quotes as what a person is called (the fifteenth to twenty-third annotators'
    conventions), marked whole: a quoted word before 이라고, 라고, 으로 or 로 and a verb of calling or going
    by ('초민'이라고 부름, 'Tony'로 불린다, '호랑이 영감'으로 통하는), a quoted call with the vocative
    before such a verb ('복순아' 하고 부르신다: the name without 아/야), and a quoted nickname with a
    title ('뚱이 할매', '빨간 모자 할머니'). A quoted person word ('엄마'라고 부름) is none."""
    for m in _CALLED_QUOTED.finditer(text):
        name = m.group(1)
        if not _calling_verb(m.group(2)) or len(name.replace(" ", "")) > 8:
            continue
        hangul = [w for w in name.split() if _HANGUL_WORD.fullmatch(w)]
        if len(name.split()) == 1 and hangul and (_is_person_word(name) is not False or _is_title(name)):
            continue
        if len(name.split()) > 1 and (not _called_words(name.split()[:-1]) or name.split()[-1] in ("엄마", "아빠", "맘")):
            continue  # a teknonym ('지호 엄마'라고) marks only the child's name, as _add_teknonyms does
        end = m.end(1)
        if text[m.start(1) - 3:m.start(1)] == "우리 " and len(name) == 2 and name.endswith("이") \
                and final_consonant(name[0]):
            end -= 1  # '우리 용이': a one-syllable name with the friendly 이, which stays visible
        add(m.start(1), end, True, given_only=True, named=True)
    for m in _CALLED_VOCATIVE.finditer(text):
        stem, ending = m.group(1), m.group(2)
        if bool(final_consonant(stem)) != (ending == "아") or not _calling_verb(m.group(3)):
            continue
        if _is_person_word(stem) is False and stem not in _words("not_names"):
            add(m.start(1), m.end(1), True, given_only=True, named=True)
    for m in _TITLED_NICKNAME.finditer(text):
        if _nickname_words(m.group(1).split()):
            add(m.start(1), m.end(2), True, given_only=True, named=True)


_BRACKET_AFTER_PERSON = re.compile(r"(\S+?)\s?\(([가-힣]{3,4})(?=\s?(?:[,)/]|님[,)\s]|씨[,)\s])|\d{1,3}세)")
"""A word, then a full name first in brackets: 연 할머니(연분희, …), 영수 엄마(길미숙), '왕눈이'(최덕희 님)."""


def _add_bracketed_full_names(text: str, add) -> None:
    """A Korean full name first in the bracket right after a title, a family or role word, a job
    title or a quoted nickname (용 할머니(용점순), 남 주무관(남지원, 희망복지지원단), 영수
    엄마(길미숙), '왕눈이'(최덕희 님)): the bracket gives the name of the person just called so."""
    for m in _BRACKET_AFTER_PERSON.finditer(text):
        before, name = m.group(1), m.group(2)
        glued_age = text[m.end(2):m.end(2) + 1].isdigit()  # 윤씨아저씨(윤만복58세): the age glued to the name
        glued_title = before[:1] in _words("surnames") and _is_title(before[1:])  # 손군(손다니엘, 고2)
        called = before[-1:] in _QUOTE or _is_title(before) or _after_role(before) or _ends_with_job_title(before) \
            or glued_age or glued_title
        # a particle inside a bracket is unusual, but a name may end like one (길덕만): the glued age settles it
        if called and _korean_name_shaped(name) and (glued_age or not _has_grammar(name)):
            add(m.start(2), m.end(2), True)


def _foreign_word_before(word: str) -> bool:
    """Could ``word``, right before a foreign name found, be the first word of that name (모하마드
    라힘, 아베베 기르마, 니말 페레라)? A proper noun or a word unknown to the analyser, or one it can
    only cut into single syllables, that is no dictionary, person, place or country word."""
    if not _HANGUL_WORD.fullmatch(word) or not 2 <= len(word) <= 5 or _is_person_word(word) is not False \
            or word in _words("countries") or _is_common_noun(word) or _ends_with_job_title(word) \
            or word.endswith(tuple(_words("place_suffixes"))) or _is_title(word) or _agency_word(word):
        return False  # 지아센 김지아 선생님: an agency's short name before a full name is no part of it
    tokens = analyse(word)
    if any(t.tag.startswith(("J", "E", "V", "XS")) for t in tokens):
        return False
    return _proper(tokens) or all(len(t.form) == 1 for t in tokens)


_FOREIGN_NEXT = re.compile(r" ([가-힣]{2,8})(?=\)|\(|,|·|씨|님|\s(?:씨|님)(?![가-힣]))")


def _extend_foreign_names_right(text: str, found: list[NameSpan]) -> None:
    """A foreign given name in Hangul found alone (데이비드, 마리아, 세르게이) and, right after it, a word that
    can be a foreign name's, closed by a bracket, a comma, a dot or a title (데이비드 밀러), 마리아 가르시아),
    세르게이 알렉산드로비치씨): the family name or patronymic is part of the name. A Korean full name is not
    extended; a one-syllable surname right before such a pair joins it (김 세르게이 알렉산드로비치)."""
    for span in list(found):
        if span not in found:
            continue  # joined to a name before it
        if span.surname_only or not _HANGUL_WORD.fullmatch(span.text) or len(span.text) < 2 \
                or _is_common_noun(span.text):
            continue
        m = _FOREIGN_NEXT.match(text, span.end)
        # the family name may have been found alone (안나 페트로바): it joins; any other overlap stops
        if m is None or any(s.start < m.end(1) and m.start(1) < s.end and not (s.start == m.start(1) and s.end == m.end(1))
                            for s in found if s is not span):
            continue
        nxt = m.group(1)
        if _is_title(_word_at(text[m.start(1):])):
            continue  # 영식이 아저씨라고: the title itself (아저씨), not a family name before 씨
        long_word = len(nxt) > 5 and not _is_common_noun(nxt) and all(t.oov or t.tag == "NNP" for t in analyse(nxt))
        if not (_foreign_word_before(nxt) or long_word) or _korean_name_shaped(nxt) \
                or (_korean_name_shaped(span.text) and len(nxt) < 3):
            continue  # 마리아 가르시아 but not 김민수 알리: a Korean full name's shape takes a long family name only
        start = span.start
        before = re.search(r"(?:^|(?<=[\s(]))([가-힣]) $", text[:start])
        if before is not None and before.group(1) in _words("surnames") and before.group(1) not in _NOT_SYLLABLE_NAMES \
                and not any(s.start < start and before.start(1) < s.end for s in found if s is not span):
            start = before.start(1)
        joined = replace(span, start=start, end=m.end(1), text=text[start:m.end(1)])
        found[:] = [joined if s is span else s for s in found if not (s.start == m.start(1) and s.end == m.end(1))]


def _extend_foreign_names(text: str, found: list[NameSpan]) -> None:
    """A foreign name in Hangul found by its last word only (라힘(방글라데시) 씨, 나비 씨): the words
    right before it that can be a foreign name's are part of it (up to two more words). A Korean
    full name (김민수) is not extended."""
    for i, span in enumerate(found):
        if span.surname_only or not _HANGUL_WORD.fullmatch(span.text) or len(span.text) < 2:
            continue
        # a Korean full name's shape (기르마 too) only after a word no dictionary knows (아베베 기르마)
        korean = len(span.text) == 3 and _korean_name_shaped(span.text)
        after = text[span.end:].lstrip()
        if not (text[span.end:span.end + 1] == "(" or _is_title(_word_at(after))):
            continue  # only a name that a bracket or a title marks as the person's
        start = span.start
        for _ in range(2):
            m = re.search(r"(?:^|(?<=[\s,.]))([가-힣]+) $", text[:start])
            if m is None or not _foreign_word_before(m.group(1)) or (korean and not (
                    len(m.group(1)) >= 3 and all(t.oov for t in analyse(m.group(1))))) or any(s.start < start and m.start(1) < s.end
                                                                         for s in found if s is not span):
                break
            start = m.start(1)
        if start != span.start:
            found[i] = replace(span, start=start, text=text[start:span.end])


_BRACKET_TITLED = re.compile(r"(?<=\()([가-힣]{2,6}) ?(?=(?:씨|님)(?![가-힣]))")
"""A word first in a bracket before 씨 or 님, the bracket glued to a number (010–0000–0562(아이게림 씨 본인))."""
_ROLE_NAME_PHONE = re.compile(
    r"(?<![가-힣])([가-힣]+) ([가-힣]{2,6}) (?=\+?\d{2,3}[" + DASHES + r"\s.]?\d{3,4}[" + DASHES + r"\s.]?\d{4}(?!\d))")
"""A family or role word, a word and a phone number: 언니 아이굴 010 0000 0377 (the phone's holder)."""


def _add_bracketed_titled(text: str, add) -> None:
    """A name before 씨 or 님 that opens a bracket glued to the word before, which the word loop
    does not see as a word of its own: the same tests as for a word before 씨 (아이게림 씨)."""
    for m in _BRACKET_TITLED.finditer(text):
        name = _unknown_before_ssi(m.group(1), True) or _called_proper(m.group(1), True)
        if name:
            add(m.start(1), m.start(1) + len(name), True)


def _add_role_name_phone(text: str, add) -> None:
    """A word between a family or role word and a phone number (비상연락 언니 아이굴 010 …): the
    phone's holder, named; not a person, dictionary or place word, nor one with a particle."""
    for m in _ROLE_NAME_PHONE.finditer(text):
        role, name = m.group(1), m.group(2)
        if not _after_role(role) or _is_person_word(name) is not False or _is_common_noun(name) \
                or _has_grammar(name) or name in _words("countries") or name in _words("not_names") \
                or name.endswith(tuple(_words("place_suffixes"))):
            continue
        add(m.start(2), m.end(2), True)


_NOT_TAEKHO = frozenset({"사돈", "친정", "시가", "처가", "외가", "본가", "형님", "선생", "아우", "큰", "작은"})
"""Words before 댁 that make a family word, not a 택호 (사돈댁, 친정댁)."""


_QUOTED_COPULA = ("이라", "이라고", "이라는", "이라며", "이라서", "으로", "으로는")
_HOUSE_TITLES = ("할머니", "할아버지", "할매", "할배", "할망", "하르방", "아저씨", "아줌마", "아주머니", "영감", "양반")
_HOUSE_CALLING = re.compile(r"(?<![가-힣])([가-힣]{2,5})집 (" + "|".join(_HOUSE_TITLES) + ")")
_NOT_HOUSE = frozenset({"건넛", "작은", "우리", "저희", "이웃", "주인", "친정", "처갓", "외갓", "남의", "맞은편", "건너"})


def _add_house_callings(text: str, add) -> None:
    """A thing's house and an elder's title used as a name (감나무집 할머니, 두부집 할매로, 은행나무집 할아버지):
    marked whole, as the conventions say for a description and a title; not a neighbour's or a kin house
    (옆집 할머니, 친정집 할머니, 주인집 아저씨). The house alone is a name only with the title."""
    for m in _HOUSE_CALLING.finditer(text):
        stem = m.group(1)
        if stem in _NOT_HOUSE or stem.endswith(("옆", "앞", "윗", "뒷", "아랫")) or _is_person_word(stem) is not False \
                or not _is_common_noun(stem):
            continue
        add(m.start(1), m.end(2), True, named=True)


_AGED_ITEM = r"([가-힣]{1,3})\((?:만\s?)?\d{1,2}\s?(?:세|살)\)"
_AGED_LIST = re.compile(r"(?<![가-힣])" + _AGED_ITEM + r"(?:\s?[,·]\s?" + _AGED_ITEM + r")+")


def _add_aged_lists(text: str, add) -> None:
    """Two or more words each with an age in a bracket, joined by commas (별(7세),솔(5세),결(3세)): children
    listed by name, though each name is also a word; not family words (아들(7세), 딸(5세)) or counts."""
    for m in _AGED_LIST.finditer(text):
        items = [(i.start(1), i.group(1)) for i in re.finditer(_AGED_ITEM, m.group(0))]
        if any(_is_person_word(w) is not False or _is_count(w) or w in _words("not_names") for _a, w in items):
            continue
        for at, w in items:
            add(m.start() + at, m.start() + at + len(w), False, given_only=True)


def _add_taekho(words, add) -> None:
    """A 택호, a place and 댁 (순천댁에게만, 청주댁이, 베트남댁): a name (the fifteenth to
    twenty-third annotators' conventions), marked whole without its particle; not a title's home
    (할머니댁, 김 씨댁) or a family word (사돈댁)."""
    for start, _end, raw in words:
        head = _HANGUL_WORD.match(raw)
        if not head:
            continue
        word = head.group(0)
        at = word.find("댁", 2)
        rest = word[at + 1:]
        if not 2 <= at <= 4 or not (rest in ("", *_PARTICLES, *_QUOTED_COPULA)
                                    or (rest[-1:] in "만도는" and rest[:-1] in _PARTICLES)):
            continue  # 순천댁에게만, 청주댁이, 진주댁이라 불리는
        stem = word[:at]
        tokens = analyse(stem)
        if stem in _NOT_TAEKHO or _is_person_word(stem) is not False or _is_title(stem) or len(tokens) != 1 \
                or tokens[0].tag not in ("NNP", "NNG") or stem.endswith(tuple(_words("place_suffixes"))):
            continue
        add(start, start + at + 1, True, given_only=True, named=True)


_ALIAS_CUE = re.compile(r"(?<![가-힣])(?:통칭|일명|별칭)\s?[" + _QUOTE + r"]?([가-힣]{1,6}|[A-Z][a-z]+)")
"""The name after 통칭, 일명 or 별칭 (통칭 딜리, 일명 '짱구'): what the person is called."""


_QUOTED_WITH_NAME = re.compile(r"[" + _QUOTE + r"]([가-힣]{1,6})[" + _QUOTE + r"]\((?:(본명|실명|이름|본인이)|([가-힣]{3})\))")
"""A quoted nickname with the person's real name, or a word about it, in a bracket after it ('도사'(본명 모름),
'왕언니'(명정숙), '까치'(본인이 그렇게 불러 달라 함))."""


def _add_quoted_with_name(text: str, add) -> None:
    """A quoted word with a bracket that names the person or says what the word is to them (본명, 실명, 이름,
    본인이 …) is the person's nickname, marked whole; with a full name in the bracket only if the name has a
    name's shape (not '희망'(복지관)). Not a person word ('엄마'(본명 …) is a kin word)."""
    for m in _QUOTED_WITH_NAME.finditer(text):
        if _is_person_word(m.group(1)) is not False or _is_count(m.group(1)):
            continue
        if m.group(3) and not _korean_name_shaped(m.group(3)):
            continue
        add(m.start(1), m.end(1), True, given_only=True, named=True)


_LATIN_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
_LATIN_HONORIFIC = re.compile(r"(?<![A-Za-z])(?:Mr|Mrs|Ms|Miss|Dr)\.?\s?([A-Z][a-z]+|[A-Z]{2,})(?![A-Za-z])")
"""A romanised name after Mr., Mrs., Ms. or Dr. (Mr. Park과, Mrs. Garcia라): the name, not the honorific."""


def _add_latin_honorifics(text: str, add) -> None:
    for m in _LATIN_HONORIFIC.finditer(text):
        add(m.start(1), m.end(1), True)


_LATIN_LETTER = re.compile(r"(?<![A-Za-z0-9_.@\-])([A-Z])(?![A-Za-z0-9])")
"""One capital letter standing for a person (K씨, J님, P군(15세), S 어르신): an initial used as a name."""


def _add_latin_initials(text: str, add) -> None:
    """One capital letter right before a title, glued or spaced (K씨(67세), J님, S 어르신): an initial used
    as a name, as the conventions read initials (J님); not a letter before another word (A형, B동), nor
    one the note sets up as a placeholder (신고인(이하 A씨) … A씨 말로는)."""
    placeholders = set(re.findall(r"이하\s?([A-Z])(?![A-Za-z])", text))
    for m in _LATIN_LETTER.finditer(text):
        if m.group(1) in placeholders:
            continue
        rest = text[m.end():]
        glued = _HANGUL_WORD.match(rest)
        word = glued.group(0) if glued else _word_at(rest[1:]) if rest[:1] == " " else ""
        if word and _is_title(word) and not word.startswith(("학생", "선생")):
            add(m.start(1), m.end(1), True, given_only=True, named=True)


_SURNAME_SOME = re.compile(r"(?<![가-힣])([가-힣]) 모(?=\s?씨|\s[가-힣])")
"""A surname and 모 "a certain" (박 모씨, 박 모 씨, 고 모 할머니): the surname is the person's."""


def _add_surnames_before_some(text: str, add) -> None:
    for m in _SURNAME_SOME.finditer(text):
        after = text[m.end():].lstrip()
        if m.group(1) in _words("surnames") and m.group(1) not in _NOT_SYLLABLE_NAMES \
                and (after.startswith("씨") or _is_title(_word_at(after))):
            add(m.start(1), m.end(1), True, surname_only=True)


_REAL_NAME_BRACKET = re.compile(r"\((?:본명|실명|본래 이름|원래 이름|한국 이름|한국명)\s?:?\s?([가-힣]{2,5}(?: [가-힣]{2,5}){0,2})(?=[),])")
"""The real name in a bracket after a nickname or an alias (Mr. Kim(본명 김대성), (본명 마리아 가르시아))."""


def _add_real_names_in_brackets(text: str, add) -> None:
    """A name in a bracket after 본명, 실명 or 한국 이름 is the person's: a Korean name's shape, or words the
    analyser reads as proper nouns (마리아 가르시아); not 모름, 비공개 or 원치 않음."""
    for m in _REAL_NAME_BRACKET.finditer(text):
        name = m.group(1)
        parts = name.split()
        if any(_is_person_word(w) is not False or _has_grammar(w) or _is_common_noun(w) for w in parts):
            continue
        if (len(parts) == 1 and _korean_name_shaped(name)) or all(_proper(analyse(w)) for w in parts):
            add(m.start(1), m.end(1), True)


def _add_aliases(text: str, add) -> None:
    """A name given after 통칭, 일명 or 별칭 (Dilnoza Karimova(31), 통칭 딜리): a nickname, a name."""
    for m in _ALIAS_CUE.finditer(text):
        word = m.group(1)
        if text[m.start(1) - 1] not in " " + _QUOTE and word in _PARTICLES:
            continue  # 별칭을 씀: the cue's own particle, no name
        stem = word if not _HANGUL_WORD.fullmatch(word) else _strip_particle(word)
        if _HANGUL_WORD.fullmatch(stem) and (_is_person_word(stem) is not False or _is_count(stem)
                                            or (_is_common_noun(stem) and len(stem) > 1)):
            continue
        add(m.start(1), m.start(1) + len(stem), True, given_only=True, named=True)


_GLUED_LOCAL_ROLE = re.compile(r"(?<![가-힣])([가-힣]|[가-힣]{3})(?:" + "|".join(_LOCAL_ROLES) + r")(?=님|\(|[.,\s" + _QUOTE + r"]|이|은|을|과|의|$)")
"""A surname or a full name glued to a local role (육반장(육정남), 허통장님과, 김민규반장이, '편반장'이라고), as 피영감
with a title."""


def _add_glued_local_roles(text: str, add) -> None:
    """A surname or a full name glued to 통장, 반장, 이장 or 동장 marks only the name (the twelfth part's
    convention for a glued title); not 이 (이통장: this bankbook), a syllable that is rarely one, or
    a word (마을통장, 새마을반장)."""
    for m in _GLUED_LOCAL_ROLE.finditer(text):
        name = m.group(1)
        if len(name) == 3:
            if _korean_name_shaped(name):
                add(m.start(1), m.end(1), True)
        elif name in _words("surnames") and name not in _NOT_SYLLABLE_NAMES and name != "이":
            add(m.start(1), m.end(1), True, surname_only=True)


_QUOTED_CALL = re.compile(r"[" + _QUOTE + r"]([가-힣]{1,3})(아|야)(?=[\s,!~?])((?:, ?[가-힣]{1,3}(?:아|야)(?=[\s,!~?]))*)")
"""A quoted utterance opening with a call by name and more words ("지수야 선생님 오셨다", "민아, 솔아 빨리")."""


def _called_noun(stem: str, ending: str) -> bool:
    """Is ``stem`` + ``ending`` a noun called with the vocative (지수야, 솔아; the analyser may read 야
    after a vowel as the copula: 유리야, 하루야), not a person word (엄마야, 친구야) or a verb (괜찮아)?"""
    if bool(final_consonant(stem)) != (ending == "아") or _is_person_word(stem) is not False \
            or stem in _words("not_names") or (len(stem) == 1 and stem in _NOT_SYLLABLE_NAMES):
        return False
    tokens = analyse(stem + ending)
    nouns = [t for t in tokens if t.tag in ("NNG", "NNP")]
    called = tokens[-1].tag == "JKV" or (ending == "야" and [t.tag for t in tokens[-2:]] == ["VCP", "EF"])
    return called and bool(nouns) and "".join(t.form for t in nouns) == stem


def _add_quoted_vocatives(text: str, add) -> None:
    """A name called at the opening of a quoted utterance, with the vocative 아/야 and more words after
    it ("지수야 선생님 오셨다~", "유리야 괜찮아?", "민아, 솔아 빨리 숨어"): a name even when it is also a
    word, since nobody calls a word; without the 아/야 (unsure)."""
    for m in _QUOTED_CALL.finditer(text):
        calls = [(m.start(1), m.group(1), m.group(2))]
        for more in re.finditer(r"([가-힣]{1,3})(아|야)", m.group(3)):
            calls.append((m.start(3) + more.start(1), more.group(1), more.group(2)))
        for at, stem, ending in calls:
            if _called_noun(stem, ending):
                add(at, at + len(stem), False, given_only=True, named=True)
