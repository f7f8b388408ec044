"""A learner's practice material: a dict of data that displays itself in Korean."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any, TypeGuard

from casework.errors import CaseworkError

__all__ = ["LABELS", "PracticeData"]

# Korean labels of the practice-data keys, for display.
LABELS: dict[str, str] = {
    "case": "사례", "quote": "당사자가 처음 한 말", "question_to_check": "살펴볼 질문",
    "intake": "초기상담 요약", "kadl": "K-ADL 응답 (1 자립 · 2 부분도움 · 3 완전도움)",
    "iadl": "Lawton IADL 응답 (1 할 수 있음 · 0 할 수 없음)", "focus_item": "목표를 세울 IADL 항목",
    "need_resources": "욕구와 자원", "statements": "나눌 문장", "demand": "당사자의 요구",
    "objective": "교재의 개입목적·개입목표", "goal_to_check": "살펴볼 목표 문장",
    "goal_example": "목표의 예", "need": "목표를 세울 욕구", "steps_shuffled": "뒤섞인 사정 단계",
    "gas": "목표별 달성 수준 (−2 ~ +2)", "case_history": "사례 기록", "reassessment": "재사정 자료",
    "contact": "점검 장면", "service_lists": "기관별 서비스 명단 (이름 가림)",
    "need_list": "욕구 사정 명단 (이름 가림)", "people": "고를 수 있는 사람 표시",
    "share_text": "학습 동아리에 나누려는 사례 글", "names": "가릴 이름",
    "resources_to_sort": "나눌 자원", "needs": "욕구", "available_resources": "지금 쓸 수 있는 자원 (돕는 욕구 영역)",
    "interview": "면접할 당사자",
}

_CELL = "text-align:left;vertical-align:top;padding:2px 10px 2px 0"


def _is_record_list(value: object) -> TypeGuard[Sequence[Mapping[Any, Any]]]:
    return (isinstance(value, (list, tuple)) and bool(value) and all(isinstance(v, Mapping) for v in value)
            and all(list(v) == list(value[0]) for v in value))


def _html_value(value: object) -> str:
    if hasattr(value, "to_html") and hasattr(value, "columns"):
        return value.to_html(index=False, border=0)  # a pandas DataFrame
    if _is_record_list(value):
        rows = list(value)
        head = "".join(f"<th style='{_CELL}'>{html.escape(str(k))}</th>" for k in rows[0])
        body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{html.escape(str(v))}</td>" for v in row.values())
                       + "</tr>" for row in rows)
        return f"<table><tr>{head}</tr>{body}</table>"
    if isinstance(value, (list, tuple)) and not value:
        return "(없음)"
    if isinstance(value, Mapping):
        rows_html = "".join(f"<tr><th style='{_CELL}'>{html.escape(str(k))}</th>"
                            f"<td style='{_CELL}'>{_html_value(v)}</td></tr>" for k, v in value.items())
        return f"<table>{rows_html}</table>"
    if isinstance(value, (list, tuple)):
        return "<ul style='margin:0;padding-left:1.2em'>" + "".join(f"<li>{_html_value(v)}</li>" for v in value) + "</ul>"
    return html.escape(str(value))


def _text_value(value: object, indent: str = "  ") -> str:
    if hasattr(value, "to_string") and hasattr(value, "columns"):
        return "\n".join(indent + line for line in value.to_string(index=False).splitlines())
    if _is_record_list(value):
        return "\n".join(indent + " | ".join(str(v) for v in row.values()) for row in value)
    if isinstance(value, (list, tuple)) and not value:
        return indent + "(없음)"
    if isinstance(value, Mapping):
        return "\n".join(f"{indent}{k}: {_text_value(v, indent + '  ').strip()}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "\n".join(f"{indent}- {_text_value(v, indent + '  ').strip()}" for v in value)
    return indent + str(value)


class PracticeData(dict):
    """The learner's practice material: a plain dict (``data["kadl"]``) that displays in Korean.

    ``show("q1")`` displays only what question q1 uses.
    """

    def __init__(self, items: Mapping[str, Any], question_keys: Mapping[str, tuple[str, ...]]) -> None:
        super().__init__(items)
        self._question_keys = dict(question_keys)

    def show(self, question_id: str) -> PracticeData:
        """The part of the material that one question uses."""
        if question_id not in self._question_keys:
            raise CaseworkError(
                f"없는 문제 번호입니다: {question_id!r}. 쓸 수 있는 값: {', '.join(self._question_keys)}"
            )
        keys = self._question_keys[question_id]
        return PracticeData({k: self[k] for k in keys if k in self}, {question_id: keys})

    def _rows(self) -> list[tuple[str, object]]:
        return [(LABELS.get(key, key), value) for key, value in self.items()]

    def _repr_html_(self) -> str:
        if not self:
            return "<p>이 문제에는 따로 주는 자료가 없습니다.</p>"
        rows = "".join(
            f"<tr><th style='{_CELL};white-space:nowrap'>{html.escape(label)}</th>"
            f"<td style='{_CELL}'>{_html_value(value)}</td></tr>"
            for label, value in self._rows()
        )
        return f"<table class='casework-practice'>{rows}</table>"

    def to_text(self) -> str:
        if not self:
            return "이 문제에는 따로 주는 자료가 없습니다."
        return "\n".join(f"{label}\n{_text_value(value)}" for label, value in self._rows())

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        printer.text(self.to_text())

    def __reduce_ex__(self, protocol: Any) -> Any:  # keeps deepcopy simple
        return (self.__class__, (dict(self), self._question_keys))
