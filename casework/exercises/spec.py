"""The course text of each exercise (``casework/data/exercises/NN.yaml``), validated on load."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from casework.datafiles import load_yaml_model
from casework.errors import CaseworkError

__all__ = ["EXERCISES_DIR", "QuestionText", "MonitoringScenario", "ExerciseText", "load_exercise_text"]

EXERCISES_DIR = Path(__file__).resolve().parent.parent / "data" / "exercises"


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("글이 비어 있습니다. 내용을 적거나 필요 없는 줄이면 지우세요.")
    return value


Text = Annotated[str, AfterValidator(_not_blank)]


def _each_shows_one_mistake(items: list[str], check: Callable[[str], list], what: str, kind: str) -> list[str]:
    """Practice items must show exactly one mistake, or the question they feed is ambiguous."""
    for text in items:
        found = check(text)
        if len(found) != 1:
            names = ", ".join(f.mistake.value for f in found) or "없음"
            raise ValueError(
                f"'{text}'에서 찾은 {what}가 {len(found)}개입니다({names}). 실수가 꼭 하나만 "
                f"잡히는 {kind}으로 고쳐 주세요."
            )
    return items


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class QuestionText(_Model):
    """One question: its id, title, prompt (markdown), how to write the answer, and its hints."""

    id: str = Field(pattern=r"^q[1-9][0-9]?$", description="문제 번호, 예: q1")
    title: Text = Field(description="문제 제목")
    prompt: Text = Field(description="노트북에 보이는 문제 설명 (마크다운)")
    form: Text = Field(description="답 쓰는 법 한 줄 (답 칸의 안내와 형식이 틀렸을 때의 안내)")
    hints: list[Text] = Field(min_length=1, description="'힌트'를 청할 때 차례로 보여 줄 힌트")


class MonitoringScenario(_Model):
    """A monitoring contact described in words, with the method it is an example of."""

    text: Text = Field(description="점검 장면 설명")
    method: Text = Field(description="점검 방법: 가정방문·상담, 비공식 모니터링, 척도·기록, 제공기관 통해")

    @field_validator("method")
    @classmethod
    def _known_method(cls, value: str) -> str:
        from casework.monitoring import MonitoringMethod

        try:
            return MonitoringMethod.parse(value).value
        except CaseworkError as exc:
            raise ValueError(str(exc)) from None


class ExerciseText(_Model):
    """The course text of one exercise."""

    id: str = Field(pattern=r"^[0-9]{2}$", description="연습 번호 (장 번호 두 자리), 예: '07'")
    title: Text = Field(description="연습 제목")
    notebook: Text = Field(description="연습 노트북 파일 이름 (확장자 없이)")
    chapter: Text = Field(description="먼저 읽을 장 노트북 파일 이름 (확장자 없이)")
    questions: list[QuestionText] = Field(min_length=1, description="문제 목록 (q1, q2, … 순서)")
    model_answers: dict[str, dict[str, Text]] = Field(
        default_factory=dict, description="사례 id별 모범 답 (문제 id → 사례 id → 답)")
    flawed_questions: list[Text] = Field(default_factory=list,
                                         description="실수가 꼭 하나 있는 면접 질문 (04)")
    other_agency_programmes: list[Text] = Field(default_factory=list,
                                                description="안내할 타기관 사업 이름 (04)")
    flawed_goals: list[Text] = Field(default_factory=list,
                                     description="실수가 꼭 하나 있는 목표 문장 (07)")
    monitoring_scenarios: list[MonitoringScenario] = Field(default_factory=list,
                                                           description="점검 장면 (08)")
    share_texts: list[Text] = Field(default_factory=list,
                                    description="가려서 나눌 사례 글, {name} {family} {rrn} {phone} 자리 포함 (11)")

    @field_validator("questions")
    @classmethod
    def _numbered_in_order(cls, questions: list[QuestionText]) -> list[QuestionText]:
        ids = [q.id for q in questions]
        wanted = [f"q{i}" for i in range(1, len(ids) + 1)]
        if ids != wanted:
            raise ValueError(f"문제 id는 q1부터 차례대로 써야 합니다. 지금: {', '.join(ids)} / 기대: {', '.join(wanted)}")
        return questions

    @field_validator("flawed_questions")
    @classmethod
    def _one_question_mistake_each(cls, items: list[str]) -> list[str]:
        from casework.interview import check_question

        return _each_shows_one_mistake(items, check_question, "질문 실수", "질문")

    @field_validator("flawed_goals")
    @classmethod
    def _one_goal_mistake_each(cls, items: list[str]) -> list[str]:
        from casework.goals import check_goal

        return _each_shows_one_mistake(items, check_goal, "계획 실수", "목표 문장")

    @field_validator("share_texts")
    @classmethod
    def _placeholders(cls, items: list[str]) -> list[str]:
        for text in items:
            missing = [p for p in ("{name}", "{rrn}", "{phone}") if p not in text]
            if missing:
                raise ValueError(f"사례 글에 {', '.join(missing)} 자리가 없습니다: '{text[:40]}…'")
            try:
                text.format(name="가", family="나", rrn="0", phone="0")
            except (KeyError, IndexError, ValueError):
                raise ValueError(
                    "사례 글의 중괄호 자리는 {name}, {family}, {rrn}, {phone}만 쓸 수 있습니다: "
                    f"'{text[:40]}…'"
                ) from None
        return items

    def question(self, question_id: str) -> QuestionText:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)


@functools.cache
def load_exercise_text(exercise_id: str) -> ExerciseText:
    """The validated text of one exercise; its file must name the same id."""
    text = load_yaml_model(EXERCISES_DIR / f"{exercise_id}.yaml", ExerciseText)
    if text.id != exercise_id:
        raise CaseworkError(
            f"casework/data/exercises/{exercise_id}.yaml: id가 '{text.id}'입니다. 파일 이름과 같은 '{exercise_id}'로 고쳐 주세요."
        )
    return text
