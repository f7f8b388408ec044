"""Tests for casework.judging.masking: chapter 10's masking feedback (mask, then look for leftovers)
and the hand-masked text of exercise 11.

Every number below is synthetic and exists only to be masked.
"""

from __future__ import annotations

import pytest

from casework.errors import CaseworkError
from casework.judging.feedback import Level, Status
from casework.judging.masking import (
    LEFTOVER_HINTS,
    MASKING_HINTS,
    check_masking,
    judge_masked_text,
    masking_feedback,
    parse_names,
)
from casework.leftovers import find_leftovers
from casework.privacy import RRN_MASK, mask_case_text
from casework.scenario_models import SYNTHETIC_RRN, masking_sample

SAMPLE_CASE_TEXT = masking_sample().text
SAMPLE_NAMES = masking_sample().names_text


# --------------------------------------------------------------------------- masking


def test_sample_masks_numbers_and_names_and_flags_the_rest():
    """Does the sample lose its RRN, phones and names (the unlisted neighbour found too), leaving address and account flagged?"""
    check = check_masking(SAMPLE_CASE_TEXT, parse_names(SAMPLE_NAMES))
    assert check.result.counts == {"주민등록번호": 1, "전화번호": 2, "이름": 3}
    assert SYNTHETIC_RRN not in check.result.text and RRN_MASK in check.result.text  # mask
    assert "홍길순" not in check.result.text and "홍○○ 어르신" in check.result.text
    assert "성춘향" not in check.result.text  # found without being listed
    assert [item.kind for item in check.leftovers] == ["주소", "긴 숫자"]
    assert not check.clean


def test_each_leftover_is_a_finding_of_the_one_rubric():
    """Are leftovers scored as findings: three incorrect, one partial (0.5), none correct?"""
    fb = masking_feedback(SAMPLE_CASE_TEXT, SAMPLE_NAMES)
    assert fb.status is Status.INCORRECT and fb.score == 0.0
    assert fb.summary == "아직 개인정보로 보이는 것이 2군데 남아 있습니다."
    assert fb.points[0].startswith("주소: '햇살로 12'") and not any("성춘향" in p for p in fb.points)
    assert "가린 것: 주민등록번호 1건, 전화번호 2건, 이름 3건 (모두 6건)" in fb.points
    one = masking_feedback(SAMPLE_CASE_TEXT.replace(" 110-000-000000", ""), SAMPLE_NAMES)  # the address is left
    assert one.status is Status.PARTIAL and one.score == 0.5
    assert one.summary == "아직 개인정보로 보이는 것이 한 군데 남아 있습니다."


def test_the_model_answer_strikes_out_every_leftover():
    """Does the 풀이 show the masked text with each leftover struck out and names masked by the rule?"""
    fb = masking_feedback(SAMPLE_CASE_TEXT, SAMPLE_NAMES)
    assert "[주소 지움]" in fb.solution and "[긴 숫자 지움]" in fb.solution and "성○○ 씨" in fb.solution
    assert "성춘향" not in fb.solution and SYNTHETIC_RRN not in fb.solution
    assert find_leftovers(fb.solution) == ()
    assert fb.hints == LEFTOVER_HINTS


def test_fixing_the_sample_makes_it_clean():
    """After listing the third name and removing address and account, is the feedback correct?"""
    text = (SAMPLE_CASE_TEXT.replace("햇살로 12, 3층", "햇살동")
            .replace(" 110-000-000000", ""))  # synthetic account, to mask
    fb = masking_feedback(text, SAMPLE_NAMES + ", 성춘향")
    assert fb.status is Status.CORRECT and fb.summary == "개인정보로 보이는 것은 더 찾지 못했습니다."
    assert fb.points[0] == "가린 것: 주민등록번호 1건, 전화번호 2건, 이름 3건 (모두 6건)"
    assert "한 번 더 읽어" in fb.points[-1]


def test_names_hidden_on_a_guess_are_named_so_the_worker_can_check_them():
    """Does the feedback quote the words hidden only on a guess, and say nothing of the kind when all are sure?"""
    fb = masking_feedback("손녀 수아가 서류 가지고 옴. 하늘이(초3) 방과후 돌봄 필요", [])
    assert fb.status is Status.CORRECT
    assert "이름으로 짐작해 가린 말: '수아', '하늘'. 이름이 아니라면 나누기 전에 원래 말로 되돌려 적으세요." in fb.points
    sure = masking_feedback("김영희 어르신이 서류 가지고 옴.", [])
    assert sure.status is Status.CORRECT and not any("짐작" in p for p in sure.points)
    left = masking_feedback("손녀 수아가 햇살로 12, 3층에 삶.", [])  # an address is left: the line comes with the notes
    assert left.status is not Status.CORRECT and any("'수아'" in p for p in left.points)


def test_words_left_visible_that_may_be_names_are_named_for_checking(monkeypatch):
    """Does the feedback name a word the tagger half believes is a name, without counting it as a leftover?"""
    from casework.language import name_tagger

    text = "동료 Chaminda가 야간 근무를 대신 맡아 줌."

    def probs(t):
        return [0.3 if i in range(t.index("Chaminda"), t.index("Chaminda") + 8) else 0.01 for i in range(len(t))]

    monkeypatch.setattr(name_tagger, "name_probabilities", probs)
    fb = masking_feedback(text, [])
    assert fb.status is Status.CORRECT
    assert ("가리지 않았지만 이름일 수도 있는 말: 'Chaminda'. 사람 이름이면 '가릴 이름' 칸에 적고 다시 가리세요."
            in fb.points)
    listed = masking_feedback(text, ["Chaminda"])  # listing it hides it, and the line goes
    assert not any("이름일 수도" in p for p in listed.points)


def test_nothing_to_mask_is_still_correct_with_a_reminder():
    """Is a text with nothing to mask correct, reminding the learner to read it again?"""
    fb = masking_feedback("어르신이 무릎이 아파 바깥출입이 어렵습니다.", [])
    assert fb.status is Status.CORRECT and fb.summary == "가릴 만한 번호나 이름을 찾지 못했습니다."


@pytest.mark.parametrize("text", ["", "   \n", None])
def test_empty_text_is_unanswered(text):
    """Is an empty text 'unanswered', not an error?"""
    assert masking_feedback(text, "").status is Status.UNANSWERED


@pytest.mark.parametrize("text, names", [(123, []), ("글", ["홍"]), ("글", 5)])
def test_masking_feedback_refuses_bad_input(text, names):
    """Are non-text input and bad names refused by the library in Korean?"""
    with pytest.raises(CaseworkError):
        masking_feedback(text, names)


@pytest.mark.parametrize("text, names", [("홍길순, 홍길동", ["홍길순", "홍길동"]), (" 홍길순 ,\n성춘향,, ", ["홍길순", "성춘향"]),
                                         ("", []), (["홍길순", " "], ["홍길순"]), ("- 홍길순\n- 성춘향", ["홍길순", "성춘향"])])
def test_parse_names(text, names):
    """Are names split on commas and line breaks, with blanks dropped?"""
    assert parse_names(text) == names


def test_parse_names_refuses_other_values():
    """Is something that is neither text nor a list refused with an example?"""
    with pytest.raises(CaseworkError, match="쉼표"):
        parse_names(5)


@pytest.mark.parametrize("text, names", [(None, []), ("글", "홍길동"), ("글", [""])])
def test_check_masking_refuses_bad_input(text, names):
    """Is non-text or a names string (not a list) refused by check_masking itself?"""
    with pytest.raises(CaseworkError):
        check_masking(text, names)


# --------------------------------------------------------------------------- a text masked by hand


def test_a_hand_masked_text_by_the_rule_is_correct_and_leftovers_are_named_not_shown():
    """Is the sample masked by the rule correct, and one with a number left incorrect without the model text?"""
    names = list(masking_sample().names)
    right = mask_case_text(SAMPLE_CASE_TEXT, names).text
    assert judge_masked_text(right, SAMPLE_CASE_TEXT, names).passed
    left = right.replace(RRN_MASK, SYNTHETIC_RRN)
    fb = judge_masked_text(left, SAMPLE_CASE_TEXT, names)
    assert fb.status is Status.INCORRECT and "주민등록번호 1건" in fb.points[0]
    assert right not in fb.to_text(Level.HINT) and fb.solution == right and fb.hints == MASKING_HINTS
