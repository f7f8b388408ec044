"""Widgets for chapters 06 (문제·요구·욕구) and 07 (목표 설정과 계획 수립).

Wiring only; every verdict comes from :mod:`casework.judging`, the same judges the exercises use:

* :func:`casework.judging.goals.judge_goal` → :func:`goal_checker` (the seven planning mistakes);
* :func:`casework.judging.quiz.judge` → :func:`pdn_sort_widget`;
* :func:`casework.judging.needs.judge_need` and ``judge_goal`` → :func:`practice_case_widget`;
* :func:`casework.judging.plan_form.plan_form_feedback` → :func:`service_plan_form`, which saves
  files with :func:`casework.export.notebook.plan_files`.

The ``*_table`` functions render the textbook's lists for reading (HTML in a notebook).
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from typing import TypedDict

import ipywidgets as w

from casework import pdn
from casework.cases import Case
from casework.export.notebook import Saved, plan_files
from casework.goals import PlanningMistake
from casework.judging import rubric
from casework.judging.feedback import Feedback, Status
from casework.judging.goals import judge_goal
from casework.judging.needs import judge_need
from casework.judging.plan_form import HEADER_FIELDS, ITEM_FIELDS, export_plan, plan_form_feedback, plan_to_form
from casework.planning import (
    ASSESSMENT_STEPS,
    FIELD_LABELS,
    MAX_TIMES_PER_WEEK,
    GoalType,
    PlanResult,
    ServicePlan,
)
from casework.widgets.base import Key, checked_box, show, with_attrs
from casework.widgets.export import action_button, run_action
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

goal_feedback = judge_goal
"""Chapter 07's name for :func:`casework.judging.goals.judge_goal`."""

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


def goal_checker(value: str = "", owner: str = "", *, key: Key | None = ("ch07", "goal")) -> w.VBox:
    """THE GOAL CHECKER: a goal box, an optional owner box, a '목표 점검' button and feedback.

    The box carries the CSS class ``casework-goal-checker`` (the browser test finds it by
    that) and the attributes ``goal``, ``owner``, ``button``, ``feedback_area``, ``check()``,
    ``hint()`` and ``solution()``. ``key`` is where the goal is saved (None: not saved).
    """
    goal_in = w.Text(value=value, placeholder=GOAL_PLACEHOLDER, layout=w.Layout(width="90%"))
    owner_in = w.Text(
        value=owner,
        placeholder="목표의 주인 (선택, 예: 어르신) — 문장에 주어가 없을 때만 적으세요",
        layout=w.Layout(width="60%"),
    )

    def read() -> dict[str, str]:
        return {"goal": goal_in.value, "owner": owner_in.value}

    def write(saved: object) -> None:
        if not value and not owner and isinstance(saved, Mapping):
            goal_in.value = str(saved.get("goal", ""))
            owner_in.value = str(saved.get("owner", ""))

    return checked_box(
        [w.HTML("<b>목표</b>"), goal_in, w.HTML("<b>목표의 주인</b> (선택)"), owner_in],
        lambda: judge_goal(goal_in.value, owner=owner_in.value),
        key=key, read=read, write=write,
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
    reveal = w.HTML(value="")
    plan = pdn.plan_table(case)

    def reveal_plan(feedback: Feedback | None = None, _level: object = None) -> None:
        if feedback is None or feedback.status is not Status.UNANSWERED:
            reveal.value = "<p><b>교재는 이 욕구들에서 다음 목표와 서비스 계획을 세웠습니다.</b></p>" + plan.html

    quiz_box = question_widget(question, seed=seed, key=("ch06", question.id), on_show=reveal_plan)
    if quiz_box.ladder.attempts:  # answered in an earlier session: the learner has committed already
        reveal_plan()
    box = w.VBox([quiz_box, reveal])
    box.add_class("casework-pdn-sort")
    return with_attrs(box, question=question, quiz=quiz_box, reveal=reveal, check=quiz_box.check,
                      hint=quiz_box.hint, solution=quiz_box.solution)


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
        judge_need,
        placeholder="내가 찾은 욕구를 적으세요 (예: ○○의 욕구)",
        button_label="욕구 점검",
        key=("ch06", "practice-need"),
    )
    need_box.button.layout.align_self = "flex-start"  # not stretched across the page
    goal_box = goal_checker(key=("ch06", "practice-goal"))
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

_LABEL_STYLE = {"description_width": "150px"}
EXAMPLE_LABEL = "예시 계획표로 채우기"
FILES_LABEL = "파일로 저장 (엑셀·한글·웹 문서)"
# Item fields a learner types; the dropdowns always hold a value and say nothing about entries.
_TYPED_FIELDS = ("objective", "service", "timing", "start", "end", "provider", "staff", "check_method")


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


class _PlanForm(TypedDict):
    """What the plan form holds: the header fields and one dict per service item."""

    header: dict[str, str]
    rows: list[dict[str, str]]


def _read_item(fields: Mapping[str, w.Widget]) -> dict[str, str]:
    row = {name: fields[name].value for name in ITEM_FIELDS}
    if row["times_per_week"] == _TIMES_BLANK:
        row["times_per_week"] = ""
    if row["result"] == _RESULT_BLANK:
        row["result"] = ""
    return row


def service_plan_form(
    plan: ServicePlan | None = None, folder: str | os.PathLike[str] | None = None,
    *, key: Key | None = ("ch07", "plan-form"),
) -> w.VBox:
    """The ①–⑮ service plan form as a widget: fill (or fill with the example), check, preview,
    save as .xlsx, .hwpx and .html with download links.

    ``plan`` pre-fills the boxes; without it the form saved at ``key`` comes back. '예시 계획표로
    채우기' puts :func:`casework.pdn.practice_service_plan` in (asking first if the form has
    entries). '파일로 저장' checks the form and writes the plan with
    :func:`casework.export.notebook.plan_files` into ``folder`` (default: ``내 작업``).
    Attributes for tests: ``header``, ``items``, ``add_item()``, ``remove_item()``, ``check()``,
    ``hint()``, ``solution()``, ``fill_example()``, ``cancel_example()``, ``confirm_row``,
    ``save_files()``, ``feedback_area``, ``save_area``, ``preview``.
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

    def read() -> _PlanForm:
        return {"header": {name: box.value for name, box in header.items()}, "rows": [_read_item(f) for f in items]}

    def write(saved: object) -> None:
        if plan is not None or not isinstance(saved, Mapping):
            return  # a plan given explicitly wins over the saved form
        for name, value in dict(saved.get("header", {})).items():
            if name in header and isinstance(value, str):
                header[name].value = value
        items.clear()
        for row in saved.get("rows", []):
            add_item(values={k: str(v) for k, v in dict(row).items()})

    add_button = w.Button(description="항목 추가", icon="plus", layout=w.Layout(width="auto"))
    remove_button = w.Button(description="마지막 항목 지우기", icon="minus", layout=w.Layout(width="auto"))
    example_button = action_button(EXAMPLE_LABEL, "clipboard", "06장 가상 사례의 계획표로 양식을 채웁니다")
    confirm_yes = w.Button(description="예, 예시로 바꿉니다", button_style="warning", layout=w.Layout(width="auto"))
    confirm_no = w.Button(description="아니요", layout=w.Layout(width="auto"))
    confirm_text = w.HTML("")
    confirm_row = w.HBox([confirm_text, confirm_yes, confirm_no], layout=w.Layout(display="none", align_items="center"))
    preview = w.HTML(value="")
    files_button = action_button(FILES_LABEL, "download", "확인한 계획표를 엑셀·한글·웹 문서 파일로 저장합니다")
    save_area = w.HTML(value="", layout=w.Layout(min_height="1.5em"))
    state: dict[str, ServicePlan | None] = {"plan": None}

    def judge_form() -> Feedback:
        state["plan"], preview.value = None, ""
        answer = read()
        feedback, state["plan"] = plan_form_feedback(answer["header"], answer["rows"])
        if state["plan"] is not None:
            preview.value = state["plan"].to_html(full_document=False)
        return feedback

    box = checked_box(
        [w.HTML("<h4>서비스제공 계획 및 점검표</h4><p>날짜는 2025-03-03처럼 연-월-일로 적습니다.</p>"),
         example_button, confirm_row,
         *header.values(), items_box, w.HBox([add_button, remove_button])],
        judge_form, key=key, read=read, write=write, button_label="계획표 확인", compact=True,
        css_class="casework-plan-form",
        after=[preview, w.HTML("<b>파일로 저장</b> (엑셀 .xlsx, 한글 .hwpx, 인쇄용 웹 문서 .html을 "
                               "'내 작업' 폴더에 만듭니다. 저장한 시각이 이름에 붙어 앞의 파일은 그대로 남습니다)"),
               files_button, save_area],
    )

    def has_entries() -> bool:
        answer = read()
        return any(v.strip() for v in answer["header"].values()) or any(
            str(row[name]).strip() for row in answer["rows"] for name in _TYPED_FIELDS)

    def put_example() -> None:
        header_example, rows_example = plan_to_form(pdn.practice_service_plan())
        for name, box_ in header.items():
            box_.value = header_example.get(name, "")
        items.clear()
        for values in rows_example:
            add_item(values=values)
        box.ladder.keep()  # the filled form survives a reopen even before it is checked

    def fill_example(_: object = None, *, confirmed: bool = False) -> bool:
        """Fill the form with the worked example; ask first when it already has entries."""
        if has_entries() and not confirmed:
            confirm_text.value = ("<span style='color:#a66a00'>양식에 적은 내용이 있습니다. 예시로 바꾸면 지금 적은 "
                                  "내용은 지워집니다. 바꿀까요?</span>")
            confirm_row.layout.display = ""
            return False
        confirm_row.layout.display = "none"
        put_example()
        return True

    def cancel_example(_: object = None) -> None:
        confirm_row.layout.display = "none"

    def save_files(_: object = None) -> Saved | Feedback:
        """Check the form; if it is right, write .xlsx, .hwpx and .html with download links."""
        feedback = box.check()
        if state["plan"] is None:
            show(save_area, rubric.wrong("계획표에 고칠 곳이 있어 파일을 만들지 않았습니다.",
                                         ("위 '계획표 확인' 결과에서 고칠 칸을 보고 고친 뒤 다시 눌러 주세요.",)))
            return feedback
        plan_now = state["plan"]
        return run_action(lambda: plan_files(plan_now, folder=folder), save_area)

    add_button.on_click(add_item)
    remove_button.on_click(remove_item)
    example_button.on_click(fill_example)
    confirm_yes.on_click(lambda _: fill_example(confirmed=True))
    confirm_no.on_click(cancel_example)
    files_button.on_click(save_files)
    return with_attrs(box, header=header, items=items, add_item=add_item, remove_item=remove_item,
                      fill_example=fill_example, cancel_example=cancel_example, confirm_row=confirm_row,
                      confirm_yes=confirm_yes, example_button=example_button, save_files=save_files,
                      files_button=files_button, save_area=save_area, preview=preview, state=state)
