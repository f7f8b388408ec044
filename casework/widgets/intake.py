"""Chapter 04 exercises: sort intake stories into 처리유형, and check a question's wording.

The judging functions (:func:`judge_triage`, :func:`judge_question`) are plain functions that
return :class:`~casework.feedback.Feedback`; the widgets only wire inputs to them.

The four intake stories are fictional, written for the workbook. Their expected 처리유형
comes from :func:`casework.assessment.triage_intake`, i.e. from the workbook's teaching rule
(``TRIAGE_RULE``), not from the textbook, which names the deciding factors (문제의 유형과
복합성, 해결의지, 지원가능성) but gives no decision table.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass

import ipywidgets as w

from casework.assessment import (
    INTAKE_CAUTIONS, AssessedNeed, IntakeInformation, IntakeSummary, ProblemType, ProcessingType,
    Strength, TriageResult, Weakness, triage_intake,
)
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.interview import LISTENING_PRINCIPLE, QuestionMistake, check_question
from casework.widgets.base import BLANK_CHOICE as _BLANK, checked_box
from casework.widgets.quiz import text_checker

__all__ = [
    "IntakeStory", "INTAKE_STORIES", "intake_story", "parse_processing_type", "judge_triage",
    "triage_widget", "judge_question", "question_checker", "UNCHECKED_REMINDER",
]


@dataclass(frozen=True)
class IntakeStory:
    """A fictional first interview: what the worker heard, and what they concluded from it."""

    id: str
    title: str
    narrative: str
    summary: IntakeSummary
    information: IntakeInformation

    def triage(self) -> TriageResult:
        """The workbook rule's verdict on this story."""
        return triage_intake(self.summary)


_D = Domain
INTAKE_STORIES: tuple[IntakeStory, ...] = (
    IntakeStory(
        id="가",
        title="허리를 다친 한부모 이○○ 씨(41세)",
        narrative=(
            "초등학생 아들과 둘이 사는 이○○ 씨는 식당에서 일하다 허리를 다쳐 두 달째 일을 못 하고 있습니다. "
            "수입이 끊기자 월세가 밀려 집주인에게 독촉을 받고, 그 뒤로 잠을 이루지 못합니다. 아들은 요즘 "
            "학교에 가기 싫다고 해서 담임선생님에게서 전화가 왔습니다. 가까이 도와줄 가족은 없습니다. "
            "\"어디서부터 손을 대야 할지 모르겠어요. 그래도 뭐든 해 보고 싶어요.\""
        ),
        summary=IntakeSummary(
            needs=(
                AssessedNeed(_D.ECONOMY, "끊긴 수입과 밀린 월세", 4, 1, key="수입",
                             connected_to=("허리 치료", "주거")),
                AssessedNeed(_D.HEALTH, "허리 치료와 회복", 3, 1, key="허리 치료"),
                AssessedNeed(_D.LIVING_ENVIRONMENT, "퇴거 걱정 없는 주거", 3, 2, key="주거"),
                AssessedNeed(_D.HEALTH, "불면과 우울", 3, 2, key="불면",
                             connected_to=("수입", "아들의 등교")),
                AssessedNeed(_D.EDUCATION, "아들의 등교", 3, 2, key="아들의 등교"),
            ),
            problem_type=ProblemType.INCOME_BENEFIT,
            will_to_solve=True,
            support_here=True,
        ),
        information=IntakeInformation(
            current_problems=("두 달째 수입이 없음", "월세 체납", "허리 통증", "잠을 이루지 못함"),
            potential_problems=("집에서 나가야 할 수 있음", "아들의 등교 거부가 길어질 수 있음"),
            strengths=(
                Strength("성공경험", "10년 넘게 혼자 일하며 아들을 키워 왔음"),
                Strength("긍정적인 태도", "뭐든 해 보고 싶다고 스스로 말함"),
            ),
            weaknesses=(
                Weakness("외부 지지체계 부재/부족", "가까이 도와줄 가족이 없음"),
                Weakness("정보부족", "받을 수 있는 지원을 잘 모름"),
            ),
        ),
    ),
    IntakeStory(
        id="나",
        title="다니던 인쇄소가 문을 닫은 최○○ 씨(62세)",
        narrative=(
            "최○○ 씨는 30년 다닌 인쇄소가 문을 닫아 석 달째 수입이 없습니다. 아내와 둘이 살고, 둘 다 "
            "건강에는 큰 문제가 없으며, 따로 사는 자녀들이 가끔 반찬을 보내 줍니다. 날마다 구직 사이트를 "
            "살피며 일자리를 찾고 있습니다. \"일을 구할 때까지 버틸 생활비가 있었으면 해요.\""
        ),
        summary=IntakeSummary(
            needs=(AssessedNeed(_D.ECONOMY, "일자리를 구할 때까지의 생계비", 3, 1, key="생계비"),),
            problem_type=ProblemType.INCOME_BENEFIT,
            will_to_solve=True,
            support_here=True,
        ),
        information=IntakeInformation(
            current_problems=("석 달째 수입이 없음",),
            potential_problems=("구직이 길어지면 저축이 바닥날 수 있음",),
            strengths=(
                Strength("지지체계", "아내와 함께 살고 자녀들이 돕고 있음"),
                Strength("역량", "30년 인쇄 경력"),
            ),
            weaknesses=(Weakness("경험부족", "복지급여를 신청해 본 적이 없음"),),
        ),
    ),
    IntakeStory(
        id="다",
        title="빚 독촉에 시달리는 정○○ 씨(35세)",
        narrative=(
            "정○○ 씨는 회사에 다니며 월급을 받고 있습니다. 몇 해 전 작은 가게를 하다 문을 닫으면서 진 "
            "카드빚 때문에 독촉 전화가 이어집니다. 생활비는 빠듯하지만 끼니를 거르거나 집세가 밀리지는 "
            "않았습니다. \"이 빚을 어떻게 정리할 수 있는지 알고 싶어요.\""
        ),
        summary=IntakeSummary(
            needs=(AssessedNeed(_D.LEGAL_RIGHTS, "채무 정리 방법에 대한 상담", 3, 1, key="채무 상담"),),
            problem_type=ProblemType.SERVICE,
            will_to_solve=True,
            support_here=False,
            other_agency_programme="신용회복위원회의 채무조정 상담",
        ),
        information=IntakeInformation(
            current_problems=("카드빚 독촉",),
            potential_problems=("빚이 불어나면 생활비가 모자랄 수 있음",),
            strengths=(Strength("역량", "꾸준히 직장을 다니고 있음"),),
            weaknesses=(Weakness("실패라고 규정한 사건", "가게를 닫은 일을 실패로 여기고 자책함"),),
        ),
    ),
    IntakeStory(
        id="라",
        title="고관절 수술 뒤 퇴원한 한○○ 어르신(77세)",
        narrative=(
            "한○○ 어르신은 고관절 수술을 받고 얼마 전 집으로 돌아왔습니다. 재활치료는 병원에서 잘 받고 "
            "있고, 기초연금으로 살림은 그럭저럭 꾸려 갑니다. 가까이 사는 딸이 주말마다 들르지만 평일에는 "
            "직장에 나갑니다. \"몸이 나을 때까지 두세 달만 청소랑 장보기를 누가 도와주면 좋겠어요.\""
        ),
        summary=IntakeSummary(
            needs=(AssessedNeed(_D.DAILY_LIVING, "회복기 동안의 가사 지원", 3, 1, key="가사 지원"),),
            problem_type=ProblemType.SERVICE,
            will_to_solve=True,
            support_here=True,
        ),
        information=IntakeInformation(
            current_problems=("혼자 청소와 장보기를 하기 어려움",),
            potential_problems=("무리하다 넘어지면 다시 다칠 수 있음",),
            strengths=(Strength("지지체계", "딸이 가까이 살며 주말마다 들름"),),
            weaknesses=(Weakness("외부 지지체계 부재/부족", "평일 낮에는 도와줄 사람이 없음"),),
        ),
    ),
)

_STORIES = {s.id: s for s in INTAKE_STORIES}


def intake_story(story_id: str) -> IntakeStory:
    """The story with this id ('가', '나', '다', '라')."""
    if story_id not in _STORIES:
        raise CaseworkError(f"'{story_id}' 이야기는 없습니다. 있는 이야기: {', '.join(_STORIES)}")
    return _STORIES[story_id]


def parse_processing_type(value: object) -> ProcessingType | None:
    """A 처리유형 from the enum, its name ('복지급여 신청') or label ('① 복지급여 신청'); None if blank."""
    if value is None or (isinstance(value, str) and (not value.strip() or value == _BLANK)):
        return None
    if isinstance(value, ProcessingType):
        return value
    if isinstance(value, str):
        text = value.strip()
        for member in ProcessingType:
            if text in (member.value, member.label, member.name):
                return member
    allowed = ", ".join(m.label for m in ProcessingType)
    raise CaseworkError(f"처리유형을 알아볼 수 없습니다: {value!r}. 다음 중 하나를 고르세요: {allowed}")


def _hint(chosen: ProcessingType, expected: ProcessingType) -> str:
    """A pointer to the deciding factor the learner seems to have missed."""
    cm, other = ProcessingType.CASE_MANAGEMENT_REFERRAL, ProcessingType.OTHER_AGENCY_INFORMATION
    if expected is other:
        return "먼저 이곳(동 주민센터·구청)에서 지원할 수 있는 일인지, 곧 지원가능성을 보세요."
    if chosen is other:
        return ("이곳에서 도울 수 있는 일을 다른 기관으로 보내면 주민은 거절당했다고 느끼기 쉽습니다. "
                "지원가능성부터 확인하세요.")
    if expected is cm:
        return ("급여나 서비스 하나로는 서로 얽힌 문제가 풀리지 않습니다. 문제들이 서로 이어져 있는지"
                "(복합성)와 당사자의 해결의지를 보세요.")
    if chosen is cm:
        return ("사례관리 의뢰는 서로 얽힌 욕구(복합적 욕구)와 해결의지가 함께 있을 때입니다. "
                "이 이야기의 욕구는 하나이거나 서로 얽혀 있지 않습니다.")
    return "소득·급여로 풀 문제인지, 서비스로 풀 문제인지(문제의 유형)를 다시 보세요."


def judge_triage(answers: Mapping[str, object]) -> Feedback:
    """Judge the learner's 처리유형 for each story (``{story id: type}``; blanks allowed).

    Every story's feedback gives the reasons from :func:`triage_intake`; a wrong pick also
    gets a pointer to the deciding factor that was missed.
    """
    if not isinstance(answers, Mapping):
        raise CaseworkError(f"답은 {{이야기: 처리유형}} 형태의 사전(dict)으로 주세요. 받은 값: {answers!r}")
    unknown = [k for k in answers if k not in _STORIES]
    if unknown:
        raise CaseworkError(f"없는 이야기입니다: {', '.join(map(str, unknown))}. 있는 이야기: {', '.join(_STORIES)}")
    chosen = {k: parse_processing_type(v) for k, v in answers.items()}
    given = {k: v for k, v in chosen.items() if v is not None}
    if not given:
        return Feedback.unanswered("이야기마다 처리유형을 하나씩 골라 보세요.")

    points: list[str] = []
    right = 0
    for story in INTAKE_STORIES:
        result = story.triage()
        expected = result.processing_type
        why = " ".join(result.reasons)
        pick = given.get(story.id)
        if pick is None:
            points.append(f"이야기 {story.id}: 아직 고르지 않았습니다.")
        elif pick is expected:
            right += 1
            points.append(f"이야기 {story.id}: {expected.label} — 맞습니다. {why}")
        else:
            points.append(
                f"이야기 {story.id}: '{pick.label}'을(를) 골랐지만 워크북의 판단 규칙으로는 "
                f"'{expected.label}'입니다. {_hint(pick, expected)} 까닭: {why}"
            )
    points.append("두 가지 유의사항: " + " / ".join(INTAKE_CAUTIONS))
    total = len(INTAKE_STORIES)
    missing = total - len([s for s in INTAKE_STORIES if s.id in given])
    summary = f"이야기 {total}개 가운데 {right}개를 맞게 분류했습니다."
    if missing:
        summary += f" {missing}개는 아직 고르지 않았습니다."
    if right == total:
        status = Status.CORRECT
    elif right:
        status = Status.PARTIAL
    else:
        status = Status.INCORRECT
    return Feedback(status, summary, tuple(points), right / total)


def triage_widget() -> w.VBox:
    """The four stories, a 처리유형 dropdown under each, one 확인 button and the feedback.

    The box has ``dropdowns`` ({story id: Dropdown}) and ``check()`` for tests and notebooks.
    """
    options = [_BLANK, *(m.label for m in ProcessingType)]
    drops: dict[str, w.Dropdown] = {}
    rows: list[w.Widget] = []
    for story in INTAKE_STORIES:
        drop = w.Dropdown(options=options, value=_BLANK, description="처리유형",
                          layout=w.Layout(width="420px"))
        drops[story.id] = drop
        rows.append(w.HTML(f"<p><b>이야기 {story.id}. {html.escape(story.title)}</b><br>"
                           f"{html.escape(story.narrative)}</p>"))
        rows.append(drop)
    return checked_box(rows, lambda: judge_triage({k: d.value for k, d in drops.items()}),
                       extra_attrs={"dropdowns": drops})


# ---------------------------------------------------------------------------
# A question to the person, checked against the questioning mistakes
# ---------------------------------------------------------------------------

UNCHECKED_REMINDER = (
    f"'{QuestionMistake.BAD_TIMING.value}'과 '{QuestionMistake.IRRELEVANT.value}'은 글만 보고는 알 수 "
    "없습니다. 지금 당사자가 답할 수 있는 때인지, 돕는 데 꼭 필요한 질문인지는 스스로 살펴보세요."
)
_HEURISTIC = "이 점검은 글자 모양만 보는 어림 규칙(휴리스틱)이라 틀릴 수 있습니다."


def judge_question(text: str) -> Feedback:
    """Which questioning mistakes does this question show? (a heuristic over ``check_question``)

    No finding with a question mark is praised as an open question. Without a question mark
    the yes/no check cannot tell a question from a statement, so the verdict is only partial.
    """
    if not isinstance(text, str):
        raise CaseworkError(f"질문은 글(문자열)로 넣어 주세요. 받은 값: {text!r}")
    if not text.strip():
        return Feedback.unanswered("당사자에게 건넬 질문을 한 문장 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?")
    findings = check_question(text)
    if findings:
        names = ", ".join(f"'{f.mistake.value}'" for f in findings)
        return Feedback(
            Status.INCORRECT,
            f"질문할 때 흔히 하는 실수가 {len(findings)}가지 보입니다: {names}.",
            tuple(f.message for f in findings) + (UNCHECKED_REMINDER,),
            0.0,
        )
    if "?" not in text and "？" not in text:
        return Feedback(
            Status.PARTIAL,
            "규칙에 걸린 실수는 없지만, 물음표가 없어 질문인지 확실하지 않습니다.",
            (
                "당사자에게 묻는 말이라면 끝에 물음표(?)를 붙여 다시 확인해 보세요. 물음표가 있어야 "
                "'예/아니오로 답하게 하는 질문'인지도 살펴볼 수 있습니다.",
                "'~말씀해 주세요'처럼 이야기를 청하는 말이라면 그대로도 좋은 열린 요청입니다.",
                _HEURISTIC,
            ),
            0.5,
        )
    return Feedback(
        Status.CORRECT,
        "규칙에 걸린 실수가 없습니다. 당사자가 자기 말로 길게 답할 수 있는 열린 질문으로 보입니다.",
        (LISTENING_PRINCIPLE, UNCHECKED_REMINDER, _HEURISTIC),
        1.0,
    )


def question_checker(value: str = "") -> w.VBox:
    """A text box for one question and the feedback from :func:`judge_question`."""
    if not isinstance(value, str):
        raise CaseworkError(f"처음 넣어 둘 질문(value)은 글이어야 합니다. 받은 값: {value!r}")
    return text_checker(
        judge_question,
        placeholder="당사자에게 건넬 질문을 적어 보세요. 예: 요즘 하루를 어떻게 보내세요?",
        button_label="질문 점검",
        value=value,
    )
