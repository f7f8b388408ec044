"""Widgets for chapters 06 (문제·요구·욕구) and 07 (목표 설정과 계획 수립).

Every widget wires its inputs to a plain function that returns a
:class:`~casework.feedback.Feedback` (or a plan) and is unit-tested without a browser:

* :func:`goal_feedback` → :func:`goal_checker` (the seven planning mistakes);
* :func:`casework.pdn.categorize_question` → :func:`pdn_sort_widget`;
* :func:`casework.pdn.need_feedback` and :func:`goal_feedback` → :func:`practice_case_widget`;
* :func:`plan_form_feedback` and :func:`export_plan` → :func:`service_plan_form`.

The ``*_table`` functions render the textbook's lists for reading (HTML in a notebook).
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import ipywidgets as w

from casework import pdn
from casework import quiz as quizlib
from casework.cases import Case
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.planning import (
    ASSESSMENT_STEPS,
    FIELD_LABELS,
    HEURISTIC_NOTE,
    MAX_TIMES_PER_WEEK,
    GoalType,
    PlanningMistake,
    PlanResult,
    ServicePlan,
    ServicePlanItem,
    check_goal,
    suggest_goal_type,
)
from casework.widgets.base import check_button, checked_box, feedback_area, judged, with_attrs
from casework.widgets.quiz import question_widget, text_checker

__all__ = [
    "assessment_steps_table",
    "goal_types_table",
    "planning_mistakes_table",
    "goal_feedback",
    "goal_checker",
    "pdn_sort_widget",
    "practice_case_widget",
    "HEADER_FIELDS",
    "ITEM_FIELDS",
    "plan_form_feedback",
    "plan_to_form",
    "export_plan",
    "service_plan_form",
]

GOAL_PLACEHOLDER = "목표를 입력하세요 (예: 어르신이 3개월 안에 주 2회 이상 경로당 모임에 나간다)"


# --------------------------------------------------------------------------- reading tables


def assessment_steps_table() -> pdn.HtmlBlock:
    """The three steps from needs assessment to planning, with their guiding questions."""
    rows = [(f"{s.number}단계: {s.title}", [s.explanation, *s.questions]) for s in ASSESSMENT_STEPS]
    return pdn.key_value_table("욕구사정에서 계획수립으로: 세 단계", rows)


def goal_types_table() -> pdn.HtmlBlock:
    """The six goal types with what each changes and the textbook's examples."""
    rows = [
        (f"{i}. {t.value}", [t.description, "교재의 예: " + ", ".join(t.examples)])
        for i, t in enumerate(GoalType, 1)
    ]
    return pdn.key_value_table("목표의 여섯 가지 유형", rows)


def planning_mistakes_table() -> pdn.HtmlBlock:
    """The seven common planning mistakes, each with why it is a mistake."""
    rows = [(f"{m.number}. {m.value}", [m.explanation]) for m in PlanningMistake]
    return pdn.key_value_table("계획을 세울 때 흔히 하는 일곱 가지 실수", rows)


# --------------------------------------------------------------------------- goal checker


def goal_feedback(text: str, owner: str | None = None) -> Feedback:
    """Judge one written goal against the seven planning mistakes.

    A blank goal is 'not answered yet'. A blank ``owner`` (an empty box in the widget) means
    no owner was given. Each finding names the mistake, the words behind it and the fix; a
    goal with none is praised and its likely goal type suggested. The checks are
    :func:`casework.planning.check_goal`'s keyword heuristics, and the feedback says so.
    """
    if not isinstance(text, str):
        raise CaseworkError(f"목표는 글자로 적어 주세요. 받은 값: {text!r}")
    if owner is not None and not isinstance(owner, str):
        raise CaseworkError(f"목표의 주인은 '어르신'처럼 글자로 적거나 비워 두세요. 받은 값: {owner!r}")
    if not text.strip():
        return Feedback.unanswered("당사자에게 일어날 변화를 기간과 수준을 넣어 적어 보세요.")
    findings = check_goal(text, owner=owner.strip() if owner and owner.strip() else None)
    if not findings:
        types = suggest_goal_type(text)
        points = ["누가, 언제까지, 어느 수준으로 달라지는지가 드러나는 목표입니다."]
        if types:
            points.append("목표 유형으로는 " + ", ".join(f"'{t.value}'" for t in types) + "에 가까워 보입니다.")
        points.append(
            "자동 점검은 낱말만 봅니다. 당사자가 이 목표를 자기 목표로 받아들였는지는 직접 확인하세요."
        )
        return Feedback(Status.CORRECT, "일곱 가지 실수가 보이지 않습니다. 잘 세운 목표입니다.",
                        tuple(points), 1.0)
    points = [
        f"{f.mistake.number}. {f.mistake.value} — 근거: {f.evidence}. "
        f"{f.mistake.explanation} 고치기: {f.how_to_fix}"
        for f in findings
    ]
    points.append(HEURISTIC_NOTE)
    kinds = {f.mistake for f in findings}
    return Feedback(
        Status.INCORRECT,
        f"일곱 가지 실수 가운데 {len(kinds)}가지가 보입니다: "
        + ", ".join(f"{m.number}번" for m in PlanningMistake if m in kinds) + ".",
        tuple(points),
        (len(PlanningMistake) - len(kinds)) / len(PlanningMistake),
    )


def goal_checker(value: str = "", owner: str = "") -> w.VBox:
    """THE GOAL CHECKER: a goal box, an optional owner box, a '목표 점검' button and feedback.

    The box carries the CSS class ``casework-goal-checker`` (the browser test finds it by
    that) and the attributes ``goal``, ``owner``, ``button``, ``feedback_area`` and ``check()``.
    """
    goal_in = w.Text(value=value, placeholder=GOAL_PLACEHOLDER, layout=w.Layout(width="90%"))
    owner_in = w.Text(
        value=owner,
        placeholder="목표의 주인 (선택, 예: 어르신) — 문장에 주어가 없을 때만 적으세요",
        layout=w.Layout(width="60%"),
    )
    return checked_box(
        [w.HTML("<b>목표</b>"), goal_in, w.HTML("<b>목표의 주인</b> (선택)"), owner_in],
        lambda: goal_feedback(goal_in.value, owner_in.value),
        button_label="목표 점검", compact=True, css_class="casework-goal-checker",
        extra_attrs={"goal": goal_in, "owner": owner_in},
    )


# --------------------------------------------------------------------------- chapter 06


def pdn_sort_widget(case: Case | str, *, seed: int = 0) -> w.VBox:
    """Sort a case's statements into 문제 / 요구·바램 / 욕구; after a check, show the textbook's plan.

    The textbook's agreed objectives and service plan appear once the learner has checked an
    answer (any answer, right or wrong), so the learner commits before seeing them.
    """
    question = pdn.categorize_question(case)
    quiz_box = question_widget(question, seed=seed)
    reveal = w.HTML(value="")
    plan = pdn.plan_table(case)

    def reveal_plan(_=None) -> None:
        feedback = quizlib.judge(question, quiz_box.read_answer())
        if feedback.status is not Status.UNANSWERED:
            reveal.value = (
                "<p><b>교재는 이 욕구들에서 다음 목표와 서비스 계획을 세웠습니다.</b></p>" + plan.html
            )

    quiz_box.button.on_click(reveal_plan)
    box = w.VBox([quiz_box, reveal])
    box.add_class("casework-pdn-sort")

    def check() -> Feedback:
        feedback = quiz_box.check()
        reveal_plan()
        return feedback

    return with_attrs(box, question=question, quiz=quiz_box, reveal=reveal, check=check)


def practice_case_widget() -> w.VBox:
    """The fictional fifth case: read it, write a need and a goal, get feedback, see an answer."""
    case = pdn.practice_case()
    chain = case.chains[0]
    facts = "".join(f"<li>{html.escape(f)}</li>" for f in case.facts)
    demands = "".join(f"<li>“{html.escape(d)}”</li>" for d in chain.demands)
    intro = w.HTML(
        f"<h4>{html.escape(case.title)}</h4><p>{html.escape(case.summary)}</p><ul>{facts}</ul>"
        f"<p><b>할머니가 처음 한 말</b>: “{html.escape(chain.problem_quote)}”</p>"
        f"<p><b>이어서 한 말</b></p><ul>{demands}</ul>"
        f"<p style='color:#555'>{html.escape(case.practice_data.note if case.practice_data else '')}</p>"
    )
    need_box = text_checker(
        pdn.need_feedback,
        placeholder="내가 찾은 욕구를 적으세요 (예: ○○의 욕구)",
        button_label="욕구 점검",
    )
    need_box.button.layout.align_self = "flex-start"  # not stretched across the page
    goal_box = goal_checker()
    answer = w.HTML(value="")
    answer_button = w.Button(description="워크북의 답 보기", icon="eye", layout=w.Layout(width="auto"))
    answer_button.layout.align_self = "flex-start"  # not stretched across the page

    def show_answer(_=None) -> None:
        answer.value = (
            "<p>정답은 하나가 아닙니다. 아래는 워크북이 세운 한 가지 예입니다.</p>"
            + pdn.chain_table(case).html
        )

    answer_button.on_click(show_answer)
    box = w.VBox([
        intro,
        w.HTML("<b>1. 이 가정의 욕구를 하나 적어 보세요.</b>"), need_box,
        w.HTML("<b>2. 그 욕구에서 개입목표를 하나 세워 보세요.</b>"), goal_box,
        answer_button, answer,
    ])
    box.add_class("casework-practice-case")
    return with_attrs(box, need=need_box, goal=goal_box, answer=answer, show_answer=show_answer)


# --------------------------------------------------------------------------- service plan form

#: Header fields of the form widget, in order, with their labels.
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


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _form_int(value: object, name: str) -> object:
    """A whole number typed into a box ('2') becomes 2; anything else is passed on to be refused."""
    if isinstance(value, str):
        text = value.strip()
        if text.isdigit():
            return int(text)
        raise CaseworkError(f"{FIELD_LABELS[name]}에는 숫자만 적으세요(예: 2). 받은 값: {value!r}")
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


def _item_from_row(row: Mapping[str, Any]) -> ServicePlanItem:
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
            raise CaseworkError(f"{FIELD_LABELS['priority']}가 비어 있습니다. 1, 2, 3 …처럼 순서를 적으세요.")
        values[name] = value
    return ServicePlanItem(**values)


def plan_form_feedback(
    header: Mapping[str, Any], rows: Sequence[Mapping[str, Any]]
) -> tuple[Feedback, ServicePlan | None]:
    """Build the ①–⑮ form from what the learner typed; say what is wrong, row by row.

    ``header`` maps the names in :data:`HEADER_FIELDS` to values, ``rows`` are dicts keyed by
    :data:`ITEM_FIELDS`; text boxes may hold '' for empty, dates ISO text ('2025-03-03'),
    numbers as text ('2'). Returns the feedback and the plan (None when anything is wrong).
    A valid plan whose ③ objectives trip the goal checks is returned with PARTIAL feedback.
    The workbook asks for at least one service row (its rule, not the form's).
    """
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Sequence):
        raise CaseworkError("서비스 항목(rows)은 사전 여러 개를 담은 목록으로 주세요.")
    errors: list[str] = []
    header_values: dict[str, Any] = {}
    try:
        header_values = _header_values(header)
        ServicePlan(**header_values)
    except CaseworkError as err:
        errors.append(f"머리말: {err}")
    items: list[ServicePlanItem] = []
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
    if errors:
        return Feedback(Status.INCORRECT, f"고칠 곳이 {len(errors)}군데 있습니다.", tuple(errors)), None
    plan = ServicePlan(**header_values, items=tuple(items))
    warnings: list[str] = []
    for number, item in enumerate(plan.items, 1):
        found = check_goal(item.objective)
        if found:
            names = ", ".join(f"{f.mistake.number}. {f.mistake.value}" for f in found)
            warnings.append(f"{number}번째 항목의 ③ 개입목표 '{item.objective}': {names}. 목표 점검기로 고쳐 보세요.")
    if warnings:
        return Feedback(
            Status.PARTIAL,
            "계획표는 만들어졌지만, 개입목표를 다듬으면 좋겠습니다.",
            (*warnings, HEURISTIC_NOTE),
            0.5,
        ), plan
    return Feedback(
        Status.CORRECT,
        f"계획표가 만들어졌습니다 (서비스 항목 {len(plan.items)}개).",
        ("아래 인쇄용 미리보기를 확인하고, 필요하면 엑셀 파일로 저장하세요.",),
        1.0,
    ), plan


def _form_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, PlanResult):
        return value.value
    return str(value)


def plan_to_form(plan: ServicePlan) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The form values of an existing plan, as text, for pre-filling the widget."""
    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"ServicePlan을 주세요. 받은 값: {plan!r}")
    header = {name: _form_text(getattr(plan, name)) for name, _ in HEADER_FIELDS}
    rows = [{name: _form_text(getattr(item, name)) for name in ITEM_FIELDS} for item in plan.items]
    return header, rows


def export_plan(
    plan: ServicePlan, file_name: str, folder: str | os.PathLike[str] | None = None,
    *, overwrite: bool = False,
) -> Feedback:
    """Save the plan as an .xlsx file named ``file_name`` inside ``folder`` (default: cwd).

    ``file_name`` is a bare name ending in .xlsx (no folders), so the file lands next to the
    notebook. An existing file is never replaced unless ``overwrite`` is True: the feedback
    says so and asks for another name or the overwrite box. Bad input raises CaseworkError.
    """
    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"저장할 계획표(ServicePlan)가 없습니다. 먼저 '계획표 확인'을 누르세요. 받은 값: {plan!r}")
    if not isinstance(file_name, str) or not file_name.strip():
        raise CaseworkError("저장할 파일 이름을 적으세요. 예: 내_계획표.xlsx")
    if not isinstance(overwrite, bool):
        raise CaseworkError(f"overwrite는 True 또는 False로 주세요. 받은 값: {overwrite!r}")
    name = file_name.strip()
    if "/" in name or "\\" in name or name.startswith(".") or name in ("..",):
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
        return Feedback(
            Status.INCORRECT,
            f"'{name}' 파일이 이미 있어서 저장하지 않았습니다.",
            ("다른 이름을 적거나, 정말 바꾸려면 '같은 이름의 파일이 있으면 덮어쓰기'에 체크한 뒤 "
             "다시 누르세요.",),
        )
    replaced = target.exists()
    saved = plan.to_excel(target, overwrite=overwrite)
    verb = "기존 파일을 새 내용으로 바꾸어" if replaced else ""
    return Feedback(
        Status.CORRECT,
        f"{verb} '{saved.name}'에 저장했습니다.".strip(),
        (f"저장한 곳: {saved.resolve()}", "생년월일 같은 개인정보가 들어 있으니, 동의한 사람만 볼 수 있는 곳에 두세요."),
        1.0,
    )


_LABEL_STYLE = {"description_width": "150px"}


def _text(label: str, value: str = "", placeholder: str = "", width: str = "95%") -> w.Text:
    return w.Text(value=value, description=label, placeholder=placeholder, style=_LABEL_STYLE,
                  layout=w.Layout(width=width))


_PRIORITY_OPTIONS = [str(n) for n in range(1, 10)]
_TIMES_BLANK = "(주 단위 아님)"
_TIMES_OPTIONS = [_TIMES_BLANK, *(str(n) for n in range(1, MAX_TIMES_PER_WEEK + 1))]
_RESULT_BLANK = "(점검 전)"
_RESULT_OPTIONS = [_RESULT_BLANK, *(r.value for r in PlanResult)]


def _item_widgets(values: Mapping[str, str] | None = None) -> dict[str, w.Widget]:
    v = dict(values or {})
    priority = v.get("priority", "1") or "1"
    times = v.get("times_per_week", "") or _TIMES_BLANK
    result = v.get("result", "") or _RESULT_BLANK
    return {
        "objective": _text(FIELD_LABELS["objective"], v.get("objective", ""), "당사자가 … 안에 … 한다"),
        "service": _text(FIELD_LABELS["service"], v.get("service", ""), "예: 지역아동센터 방과후 활동 연계"),
        "priority": w.Dropdown(options=_PRIORITY_OPTIONS, value=priority if priority in _PRIORITY_OPTIONS else "1",
                               description=FIELD_LABELS["priority"], style=_LABEL_STYLE),
        "timing": _text(FIELD_LABELS["timing"], v.get("timing", ""), "예: 즉시, 1개월 안", "48%"),
        "start": _text(FIELD_LABELS["start"], v.get("start", ""), "예: 2025-03-03", "48%"),
        "end": _text(FIELD_LABELS["end"], v.get("end", ""), "예: 2025-05-30", "48%"),
        "times_per_week": w.Dropdown(options=_TIMES_OPTIONS, value=times if times in _TIMES_OPTIONS else _TIMES_BLANK,
                                     description=FIELD_LABELS["times_per_week"], style=_LABEL_STYLE),
        "provider": _text(FIELD_LABELS["provider"], v.get("provider", ""), "예: ○○지역아동센터", "48%"),
        "staff": _text(FIELD_LABELS["staff"], v.get("staff", ""), "예: 담당 교사", "48%"),
        "check_method": _text(FIELD_LABELS["check_method"], v.get("check_method", ""), "예: 가정방문·상담", "48%"),
        "result": w.Dropdown(options=_RESULT_OPTIONS, value=result if result in _RESULT_OPTIONS else _RESULT_BLANK,
                             description=FIELD_LABELS["result"], style=_LABEL_STYLE),
    }


def _read_item(fields: Mapping[str, w.Widget]) -> dict[str, str]:
    row = {name: fields[name].value for name in ITEM_FIELDS}
    if row["times_per_week"] == _TIMES_BLANK:
        row["times_per_week"] = ""
    if row["result"] == _RESULT_BLANK:
        row["result"] = ""
    return row


def service_plan_form(
    plan: ServicePlan | None = None, folder: str | os.PathLike[str] | None = None
) -> w.VBox:
    """The ①–⑮ service plan form as a widget: fill, check, preview, save as .xlsx.

    ``plan`` pre-fills the boxes (e.g. :func:`casework.pdn.practice_service_plan`); ``folder``
    is where files are saved (default: the notebook's folder, i.e. the working directory).
    Attributes for tests: ``header``, ``items``, ``add_item()``, ``remove_item()``,
    ``check()``, ``save()``, ``file_name``, ``overwrite``, ``feedback_area``,
    ``save_area``, ``preview``.
    """
    header_values, row_values = plan_to_form(plan) if plan is not None else ({}, [{}])
    placeholders = {name: "연-월-일 (예: 2025-03-03)" for name in ("birth_date", "consent_from", "signed_on")}
    header = {
        name: _text(label, header_values.get(name, ""), placeholders.get(name, ""))
        for name, label in HEADER_FIELDS
    }
    items: list[dict[str, w.Widget]] = []
    items_box = w.VBox()

    def redraw() -> None:
        children = []
        for number, fields in enumerate(items, 1):
            children.append(w.VBox(
                [w.HTML(f"<b>서비스 항목 {number}</b>"), fields["objective"], fields["service"],
                 w.HBox([fields["priority"], fields["times_per_week"], fields["result"]]),
                 w.HBox([fields["timing"], fields["start"]]), w.HBox([fields["end"], fields["provider"]]),
                 w.HBox([fields["staff"], fields["check_method"]])],
                layout=w.Layout(border="1px solid #ccc", padding="4px", margin="4px 0"),
            ))
        items_box.children = children

    def add_item(_=None, values: Mapping[str, str] | None = None) -> None:
        items.append(_item_widgets(values))
        redraw()

    def remove_item(_=None) -> None:
        if items:
            items.pop()
            redraw()

    for values in row_values:
        add_item(values=values)

    add_button = w.Button(description="항목 추가", icon="plus", layout=w.Layout(width="auto"))
    remove_button = w.Button(description="마지막 항목 지우기", icon="minus", layout=w.Layout(width="auto"))
    check_btn = check_button("계획표 확인", compact=True)
    area = feedback_area()
    preview = w.HTML(value="")
    file_name = w.Text(value="", placeholder="내_계획표.xlsx", description="파일 이름",
                       style={"description_width": "80px"}, layout=w.Layout(width="320px"))
    overwrite = w.Checkbox(value=False, description="같은 이름의 파일이 있으면 덮어쓰기", indent=False)
    save_button = w.Button(description="엑셀로 저장", icon="download", layout=w.Layout(width="auto"))
    save_button.layout.align_self = "flex-start"  # not stretched across the page
    save_area = feedback_area()
    state: dict[str, ServicePlan | None] = {"plan": None}

    def judge_form() -> Feedback:
        state["plan"], preview.value = None, ""
        feedback, state["plan"] = plan_form_feedback(
            {name: box.value for name, box in header.items()}, [_read_item(f) for f in items]
        )
        if state["plan"] is not None:
            preview.value = state["plan"].to_html(full_document=False)
        return feedback

    def judge_save() -> Feedback:
        if check().status is Status.INCORRECT or state["plan"] is None:
            return Feedback(Status.INCORRECT, "계획표에 고칠 곳이 있어 저장하지 않았습니다. 위의 안내를 보세요.")
        return export_plan(state["plan"], file_name.value, folder, overwrite=overwrite.value)

    check = judged(judge_form, area)
    save = judged(judge_save, save_area)
    add_button.on_click(add_item)
    remove_button.on_click(remove_item)
    check_btn.on_click(check)
    save_button.on_click(save)
    box = w.VBox([
        w.HTML("<h4>서비스제공 계획 및 점검표</h4><p>날짜는 2025-03-03처럼 연-월-일로 적습니다.</p>"),
        *header.values(),
        items_box,
        w.HBox([add_button, remove_button]),
        check_btn, area, preview,
        w.HTML("<b>엑셀 파일로 저장</b> (노트북과 같은 폴더에 저장됩니다)"),
        w.HBox([file_name, overwrite]), save_button, save_area,
    ])
    box.add_class("casework-plan-form")
    return with_attrs(box, header=header, items=items, add_item=add_item, remove_item=remove_item,
                      check=check, save=save, file_name=file_name, overwrite=overwrite,
                      feedback_area=area, save_area=save_area, preview=preview, state=state)
