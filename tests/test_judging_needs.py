"""Tests for casework.judging.needs: a need is a state to be met, not a demand or a restated problem."""

from casework.judging.feedback import Status
from casework.judging.needs import judge_need
from casework.pdn import HEURISTIC_NOTE


def test_judge_need_names_a_demand():
    """Does a need that is really a demand get feedback saying it is a demand, with the fix in the hints?"""
    feedback = judge_need("돌봄 서비스 받고 싶어요")
    assert feedback.status is Status.INCORRECT
    assert "요구" in feedback.summary and "욕구가 아니라" in feedback.summary
    assert any("'받고 싶'" in p for p in feedback.points)
    assert any("'서비스'" in p and "서비스 계획" in p for p in feedback.points)
    assert any("건강회복의 욕구" in h for h in feedback.hints)
    assert feedback.points[-1] == HEURISTIC_NOTE


def test_judge_need_praises_a_need():
    """Does a real need pass and point on to objectives?"""
    feedback = judge_need("(손녀의) 학교생활 적응의 욕구")
    assert feedback.passed
    assert any("개입목적" in p for p in feedback.points)


def test_judge_need_on_a_restated_problem():
    """Does a restated problem get a hint to write what must be met?"""
    feedback = judge_need("손녀가 학교에 안 가요")
    assert feedback.status is Status.INCORRECT
    assert "모자란 것" in feedback.points[0] and any("○○의 욕구" in h for h in feedback.hints)


def test_judge_need_blank_is_unanswered():
    """Is an empty box 'not answered yet', not an error?"""
    assert judge_need("  ").status is Status.UNANSWERED


def test_judge_need_turns_non_text_into_feedback():
    """Is a non-string answer feedback (unreadable), never a traceback?"""
    assert judge_need(None).status is Status.UNANSWERED
    assert judge_need(3).summary == "욕구를 읽을 수 없습니다."
