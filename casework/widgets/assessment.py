"""Chapter 05 widgets on the case study: rate needs by domain, score K-ADL / Lawton IADL, and
link resources to needs.

Wiring only; the verdicts come from :mod:`casework.judging.severity`,
:mod:`casework.judging.instruments` and :mod:`casework.judging.resources`, whose names are
re-exported here because chapter 05 imports them from this module.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as w

from casework.assessment import KADL_ITEMS, KADL_LEVELS, LAWTON_IADL_ITEMS
from casework.cases import Case
from casework.errors import CaseworkError
from casework.judging.feedback import Feedback, Level, Status
from casework.judging.instruments import KADL_GUIDE, LAWTON_GUIDE, judge_kadl, judge_lawton
from casework.judging.resources import judge_resource_picks, resource_options, resource_pool
from casework.judging.severity import (
    CLOSE_ENOUGH,
    SEVERITY_CHOICES,
    judge_severity,
    learner_needs,
    practice_needs,
    priority_from_severity,
)
from casework.widgets.base import checked_box, labelled_row

__all__ = [
    "SEVERITY_CHOICES", "CLOSE_ENOUGH", "priority_from_severity", "practice_needs", "learner_needs",
    "judge_severity", "severity_widget",
    "KADL_GUIDE", "LAWTON_GUIDE", "judge_kadl", "judge_lawton", "kadl_widget", "iadl_widget",
    "resource_pool", "resource_options", "judge_resource_picks", "resource_widget",
]

_BLANK_LABEL = "— 고르세요 —"
_BLANK = -1  # dropdown value for "not chosen yet"


def _case(case: object) -> Case:
    if not isinstance(case, Case):
        raise CaseworkError(f"사례를 넣어 주세요(예: load_case('elderly_alone')). 받은 값: {type(case).__name__}")
    return case


def _practice(case: Case, what: str):
    data = case.practice_data
    if data is None:
        raise CaseworkError(f"사례 '{case.id}'에는 {what}에 쓸 연습 자료(practice_data)가 없습니다.")
    return data


def _read(drops: Mapping[str, w.Dropdown]) -> dict[str, int | None]:
    return {k: (None if d.value == _BLANK else d.value) for k, d in drops.items()}


def _write(drops: Mapping[str, w.Dropdown]):
    def write(saved: Any) -> None:
        for k, value in dict(saved).items():
            if k in drops and value in [v for _, v in drops[k].options]:
                drops[k].value = value
    return write


# ---------------------------------------------------------------------------
# Needs by domain: severity ratings
# ---------------------------------------------------------------------------

def _rating_dropdown() -> w.Dropdown:
    options = [(_BLANK_LABEL, _BLANK)] + [(f"{k} · {v}", k) for k, v in SEVERITY_CHOICES.items()]
    return w.Dropdown(options=options, value=_BLANK, layout=w.Layout(width="170px"))


def severity_widget(case: Case) -> w.VBox:
    """A dropdown per need; 확인 shows the feedback and a chart of the ratings.

    The chart shows the learner's ratings; the workbook's example joins it at 풀이 보기.
    The box has ``dropdowns`` ({need id: Dropdown}), ``ratings()``, ``check()``, ``hint()``,
    ``solution()`` and ``chart``.
    """
    case = _case(case)
    practice_needs(case)  # fail early, with the Korean message, if the case has no ratings
    drops = {n.id: _rating_dropdown() for n in case.needs_by_domain}
    rows = [labelled_row(f"{html.escape(n.label)} <span style='color:#666'>[{n.domain.value}]</span>", drops[n.id],
                         "330px")
            for n in case.needs_by_domain]
    chart = w.Output()

    def ratings() -> dict[str, int | None]:
        return _read(drops)

    def draw(feedback: Feedback, level: Level) -> None:
        import matplotlib.pyplot as plt
        from IPython.display import display

        from casework.plotting.needs import needs_chart

        chart.clear_output()
        if feedback.status is Status.UNANSWERED:
            return
        current = ratings()
        with_example = level >= Level.SOLUTION
        notes = {k: ("0 · 문제 아님" if v == 0 else "고르지 않음") for k, v in current.items() if not v}
        fig = needs_chart(learner_needs(case, current), reference=practice_needs(case) if with_example else None,
                          title="내가 매긴 심각도와 워크북 예시" if with_example else "내가 매긴 심각도",
                          row_notes=notes if with_example else None)
        with chart:
            display(fig)
        plt.close(fig)

    return checked_box(rows, lambda: judge_severity(case, ratings()), key=("ch05", f"severity-{case.id}"),
                       read=ratings, write=_write(drops), on_show=draw, button_label="확인하고 그래프 보기",
                       after=[chart], extra_attrs={"dropdowns": drops, "ratings": ratings, "chart": chart})


# ---------------------------------------------------------------------------
# Functional assessment: K-ADL and Lawton IADL
# ---------------------------------------------------------------------------

def _instrument_widget(items: Sequence[str], options: list[tuple[str, int]], guides: Mapping[str, str],
                       practice: Sequence, judge, key: tuple[str, str]) -> w.VBox:
    observations = {p.item: p.observation for p in practice}
    drops = {i: w.Dropdown(options=[(_BLANK_LABEL, _BLANK), *options], value=_BLANK,
                           layout=w.Layout(width="200px")) for i in items}
    rows = []
    for item in items:
        seen = observations.get(item)
        text = f"<b>{item}</b>" + (f"<br><span style='color:#444'>관찰: {html.escape(seen)}</span>" if seen else "")
        guide = guides.get(item)
        if guide:
            text += f"<br><span style='color:#777;font-size:90%'>{html.escape(guide)}</span>"
        rows.append(labelled_row(text, drops[item], "520px"))

    def answers() -> dict[str, int | None]:
        return _read(drops)

    return checked_box(rows, lambda: judge(answers(), practice), key=key, read=answers, write=_write(drops),
                       button_label="총점 계산", extra_attrs={"dropdowns": drops, "answers": answers})


def kadl_widget(case: Case | None = None) -> w.VBox:
    """K-ADL: a 1/2/3 dropdown per item (with the case's observations, if any) and the total."""
    practice = [] if case is None else list(_practice(_case(case), "K-ADL").kadl)
    options = [(f"{k} · {v}", k) for k, v in KADL_LEVELS.items()]
    key = ("ch05", f"kadl-{case.id if case is not None else 'blank'}")
    return _instrument_widget(KADL_ITEMS, options, {}, practice, judge_kadl, key)


def iadl_widget(case: Case | None = None) -> w.VBox:
    """Lawton IADL: a 1/0 dropdown per item with its scoring guide, and the total."""
    practice = [] if case is None else list(_practice(_case(case), "Lawton IADL").lawton_iadl)
    options = [("1 · 할 수 있음", 1), ("0 · 도움 없이는 못 함", 0)]
    guides = {i: f"{a} / {b}" for i, (a, b) in LAWTON_GUIDE.items()}
    key = ("ch05", f"iadl-{case.id if case is not None else 'blank'}")
    return _instrument_widget(LAWTON_IADL_ITEMS, options, guides, practice, judge_lawton, key)


# ---------------------------------------------------------------------------
# Linking resources to needs
# ---------------------------------------------------------------------------

def resource_widget(case: Case, *, seed: int = 0) -> w.VBox:
    """Per need, checkboxes for its resource options; 확인 says which needs are still unmet.

    The box has ``checkboxes`` ({need id: {resource name: Checkbox}}), ``picks()`` and ``check()``.
    """
    case = _case(case)
    options = resource_options(case, seed=seed)
    pool = resource_pool(case)
    boxes: dict[str, dict[str, w.Checkbox]] = {}
    rows: list[w.Widget] = []
    for need in case.needs_by_domain:
        boxes[need.id] = {
            name: w.Checkbox(value=False, description=f"{name} ({pool[name].sector.value})", indent=False,
                             layout=w.Layout(width="auto", margin="0 14px 0 0"))
            for name in options[need.id]
        }
        rows.append(w.HTML(f"<b>{html.escape(need.label)}</b> <span style='color:#666'>[{need.domain.value}]</span>"))
        rows.append(w.HBox(list(boxes[need.id].values()), layout=w.Layout(flex_flow="row wrap")))

    def picks() -> dict[str, list[str]]:
        return {nid: [name for name, cb in row.items() if cb.value] for nid, row in boxes.items()}

    def write(saved: Any) -> None:
        for need_id, names in dict(saved).items():
            for name, cb in boxes.get(need_id, {}).items():
                cb.value = name in names

    return checked_box(rows, lambda: judge_resource_picks(case, picks()), key=("ch05", f"resources-{case.id}"),
                       read=picks, write=write, extra_attrs={"checkboxes": boxes, "picks": picks})
