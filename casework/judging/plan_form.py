"""Judging the ①–⑮ service plan form a learner filled in (chapter 07), and saving it.

:func:`plan_form_feedback` builds a :class:`casework.planning.ServicePlan` from what the form's
boxes hold (text, as typed) and says, row by row, what keeps it from being built. Each ③
개입목표 of a built plan goes through :func:`casework.judging.goals.judge_goal`, the goal
checker of chapter 07 and exercise 07. :func:`export_plan` is the form's save button.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from casework._util.text import josa, short_quote
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.feedback import Feedback, Status
from casework.judging.goals import judge_goal

__all__ = ["HEADER_FIELDS", "ITEM_FIELDS", "PLAN_FORM_HINTS", "plan_form_feedback", "plan_to_form", "export_plan"]

#: Header fields of the form, in order, with their labels.
HEADER_FIELDS: tuple[tuple[str, str], ...] = (
    ("case_number", "① 관리번호"),
    ("client_name", "① 대상자명"),
    ("birth_date", "① 생년월일"),
    ("case_manager", "① 담당 사례관리자"),
    ("short_term_goal", "② 단기 성과목표"),
    ("long_term_goal", "② 장기 성과목표"),
    ("consent_from", "동의 시작일"),
    ("signed_on", "작성일"),
    ("client_signature", "⑭ 성명"),
    ("manager_signature", "⑮ 사례관리자"),
)
ITEM_FIELDS: tuple[str, ...] = (
    "objective", "service", "priority", "timing", "start", "end", "times_per_week",
    "provider", "staff", "check_method", "result",
)
_DATE_FIELDS = {"birth_date", "consent_from", "signed_on", "start", "end"}

PLAN_FORM_HINTS = (
    "날짜는 2025-03-03처럼 연-월-일로, 우선순위와 주당 횟수는 숫자로 적습니다.",
    "③ 개입목표는 당사자가 주어이고, 기간과 수준이 드러나는 문장입니다. 서비스 이름은 ④ 서비스 칸에 씁니다.",
)


def _field_labels() -> Mapping[str, str]:
    from casework.planning import FIELD_LABELS

    return FIELD_LABELS


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _form_int(value: object, name: str) -> object:
    """A whole number typed into a box ('2') becomes 2; anything else is passed on to be refused."""
    if isinstance(value, str):
        text = value.strip()
        if text.isdecimal():  # not isdigit: int() refuses '①'
            return int(text)
        raise CaseworkError(f"{_field_labels()[name]}에는 숫자만 적으세요(예: 2). 받은 값: {value!r}")
    return value


def _header_values(header: Mapping[str, Any]) -> dict[str, Any]:
    if not isinstance(header, Mapping):
        raise CaseworkError("머리말(header)은 {'case_number': '…', …} 꼴의 사전으로 주세요.")
    known = {name for name, _ in HEADER_FIELDS}
    unknown = sorted(str(k) for k in header if k not in known)
    if unknown:
        raise CaseworkError(f"머리말에 알 수 없는 항목이 있습니다: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, _ in HEADER_FIELDS:
        value = header.get(name, "")
        if value is None:
            value = ""
        if name in _DATE_FIELDS and _blank(value):
            value = None
        values[name] = value
    return values


def _item_from_row(row: Mapping[str, Any]):
    from casework.planning import ServicePlanItem

    if not isinstance(row, Mapping):
        raise CaseworkError("서비스 항목은 {'objective': '…', 'service': '…', …} 꼴의 사전으로 주세요.")
    unknown = sorted(str(k) for k in row if k not in ITEM_FIELDS)
    if unknown:
        raise CaseworkError(f"알 수 없는 칸이 있습니다: {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name in ITEM_FIELDS:
        value = row.get(name, "")
        if name in _DATE_FIELDS or name in ("times_per_week", "result"):
            value = None if _blank(value) else value
        elif value is None:
            value = ""
        if name in ("priority", "times_per_week") and value is not None and value != "":
            value = _form_int(value, name)
        if name == "priority" and _blank(value):
            raise CaseworkError(f"{josa(_field_labels()['priority'], '이')} 비어 있습니다. 1, 2, 3 …처럼 순서를 적으세요.")
        values[name] = value
    return ServicePlanItem(**values)


def _example_solution() -> str:
    """One row of the workbook's practice plan, as a model of a filled row."""
    from casework.pdn import practice_service_plan

    item = practice_service_plan().items[0]
    labels = _field_labels()
    parts = [f"{labels['objective']} '{item.objective}'", f"{labels['service']} '{item.service}'",
             f"{labels['priority']} {item.priority}"]
    if item.start:
        parts.append(f"{labels['start']} {item.start.isoformat()}")
    if item.times_per_week:
        parts.append(f"{labels['times_per_week']} {item.times_per_week}")
    return "워크북 연습 계획표의 첫 항목처럼 적습니다: " + ", ".join(parts) + "."


def plan_form_feedback(header: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]):
    """Build the ①–⑮ form from what the learner typed; say what is wrong, row by row.

    ``header`` maps the names in :data:`HEADER_FIELDS` to values, ``rows`` are dicts keyed by
    :data:`ITEM_FIELDS`; text boxes may hold '' for empty, dates ISO text ('2025-03-03'),
    numbers as text ('2'). Returns ``(feedback, plan)``; the plan is None when anything is
    wrong. A plan whose ③ objectives the goal checker does not pass is built, with *partial*
    feedback. The workbook asks for at least one service row (its rule, not the form's).
    """
    from casework.goals import HEURISTIC_NOTE
    from casework.planning import ServicePlan

    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Sequence):
        raise CaseworkError("서비스 항목(rows)은 사전 여러 개를 담은 목록으로 주세요.")
    errors: list[str] = []
    header_values: dict[str, Any] = {}
    try:
        header_values = _header_values(header)
        ServicePlan(**header_values)
    except CaseworkError as err:
        errors.append(f"머리말: {err}")
    items = []
    for number, row in enumerate(rows, 1):
        if isinstance(row, Mapping) and all(_blank(v) for v in row.values()):
            errors.append(f"{number}번째 서비스 항목이 비어 있습니다. 채우거나 지우세요.")
            continue
        try:
            items.append(_item_from_row(row))
        except CaseworkError as err:
            errors.append(f"{number}번째 서비스 항목: {err}")
    if not rows:
        errors.append("서비스 항목이 없습니다. '항목 추가'를 눌러 하나 이상 적으세요.")
    solution = _example_solution()
    if errors:
        return rubric.wrong(f"고칠 곳이 {len(errors)}군데 있습니다.", errors).with_ladder(PLAN_FORM_HINTS, solution), None
    plan = ServicePlan(**header_values, items=tuple(items))
    warnings: list[str] = []
    for number, item in enumerate(plan.items, 1):
        verdict = judge_goal(item.objective)
        if verdict.status is not Status.CORRECT:
            warnings.append(f"{number}번째 항목의 ③ 개입목표 {short_quote(item.objective)}: {verdict.summary} "
                            "목표 점검기로 고쳐 보세요.")
    if warnings:
        return rubric.partial("계획표는 만들어졌지만, 개입목표를 다듬으면 좋겠습니다.",
                              (*warnings, HEURISTIC_NOTE)).with_ladder(PLAN_FORM_HINTS, solution), plan
    return rubric.right(f"계획표가 만들어졌습니다(서비스 항목 {len(plan.items)}개).",
                        ("아래 인쇄용 미리보기를 확인하고, 필요하면 엑셀 파일로 저장하세요.",)
                        ).with_ladder(PLAN_FORM_HINTS, solution), plan


def _form_text(value: object) -> str:
    from casework.planning import PlanResult

    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, PlanResult):
        return value.value
    return str(value)


def plan_to_form(plan) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The form values of an existing plan, as text, for pre-filling the form."""
    from casework.planning import ServicePlan

    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"ServicePlan을 주세요. 받은 값: {plan!r}")
    header = {name: _form_text(getattr(plan, name)) for name, _ in HEADER_FIELDS}
    rows = [{name: _form_text(getattr(item, name)) for name in ITEM_FIELDS} for item in plan.items]
    return header, rows


def export_plan(plan, file_name: str, folder: str | os.PathLike[str] | None = None, *,
                overwrite: bool = False) -> Feedback:
    """Save the plan as an .xlsx file named ``file_name`` inside ``folder`` (default: cwd).

    ``file_name`` is a bare name ending in .xlsx (no folders), so the file lands next to the
    notebook. An existing file is never replaced unless ``overwrite`` is True: the feedback
    says so and asks for another name or the overwrite box. Bad input raises CaseworkError.
    """
    from casework.planning import ServicePlan

    if plan is None:
        raise CaseworkError("계획표에 고칠 곳이 있어 저장하지 않았습니다. 위의 안내를 보고 고친 뒤 다시 누르세요.")
    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"저장할 계획표(ServicePlan)가 없습니다. 먼저 '계획표 확인'을 누르세요. 받은 값: {plan!r}")
    if not isinstance(file_name, str) or not file_name.strip():
        raise CaseworkError("저장할 파일 이름을 적으세요. 예: 내_계획표.xlsx")
    if not isinstance(overwrite, bool):
        raise CaseworkError(f"overwrite는 True 또는 False로 주세요. 받은 값: {overwrite!r}")
    name = file_name.strip()
    if "/" in name or "\\" in name or name.startswith("."):
        raise CaseworkError(
            f"파일 이름에는 폴더를 넣을 수 없습니다: {name}. 노트북과 같은 폴더에 저장되니 "
            "'내_계획표.xlsx'처럼 이름만 적으세요."
        )
    if not name.lower().endswith(".xlsx"):
        raise CaseworkError(f"파일 이름은 '.xlsx'로 끝나야 합니다: {name}. 예: 내_계획표.xlsx")
    base = Path.cwd() if folder is None else Path(folder)
    if not base.is_dir():
        raise CaseworkError(f"저장할 폴더가 없습니다: {base}")
    target = base / name
    if target.exists() and not overwrite:
        return rubric.wrong(
            f"'{name}' 파일이 이미 있어서 저장하지 않았습니다.",
            ("다른 이름을 적거나, 정말 바꾸려면 '같은 이름의 파일이 있으면 덮어쓰기'에 체크한 뒤 다시 누르세요.",),
        )
    replaced = target.exists()
    saved = plan.to_excel(target, overwrite=overwrite)
    verb = "기존 파일을 새 내용으로 바꾸어 " if replaced else ""
    return rubric.right(
        f"{verb}'{saved.name}'에 저장했습니다.",
        (f"저장한 곳: {saved.resolve()}", "생년월일 같은 개인정보가 들어 있으니, 동의한 사람만 볼 수 있는 곳에 두세요."),
    )
