"""Chapter 02: the "what comes next?" widget, and tables of the process models.

Wiring only. The situations are content (:mod:`casework.scenario_models`, ``next_step.yaml``);
the verdicts come from :func:`casework.judging.next_step.judge_next_step`, which rests on the
process rules of :mod:`casework.process`. The judging names are re-exported here because
chapter 02 imports them from this module.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as w
import pandas as pd

from casework.errors import CaseworkError
from casework.judging.feedback import Feedback
from casework.judging.next_step import explain_refusal, first_sentence, judge_next_step, step_label
from casework.process import STEP_ORDER, FiveStage, ProcessModel, RothmanStage, chart_marks, map_stage, participants
from casework.scenario_models import NextStepScenario, next_step_scenarios, record_at, scenario
from casework.widgets.base import BLANK_CHOICE as _BLANK
from casework.widgets.base import blank_to_none, checked_blocks, checked_box

__all__ = [
    "NextStepScenario",
    "next_step_scenarios",
    "record_at",
    "explain_refusal",
    "judge_next_step",
    "scenario",
    "step_label",
    "first_sentence",
    "next_step_widget",
    "stages_table",
    "mapping_table",
    "participants_table",
    "WideTable",
]


# --------------------------------------------------------------------------- widget


def next_step_widget(
    scenarios: Sequence[NextStepScenario] | None = None, *, only: Sequence[str] | None = None
) -> w.VBox:
    """One block per scenario: the story, a step dropdown, the ladder buttons and feedback.

    The box has ``items`` (the scenarios), ``dropdowns`` and ``check(i)``, ``hint(i)``,
    ``solution(i)`` so tests can drive it. The bundled scenarios keep their answers under
    ("ch02", scenario id).
    """
    chosen = list(scenarios) if scenarios is not None else list(next_step_scenarios())
    if only is not None:
        chosen = [scenario(s) for s in only]
    if not chosen:
        raise CaseworkError("보여 줄 상황이 없습니다. 상황을 하나 이상 고르세요.")
    options = [_BLANK, *(step_label(s) for s in STEP_ORDER)]
    dropdowns = [
        w.Dropdown(options=options, value=_BLANK, description="다음 단계", layout=w.Layout(width="360px"))
        for _ in chosen
    ]
    blocks = []
    for number, (item, drop) in enumerate(zip(chosen, dropdowns), start=1):
        header = (
            f"<b>상황 {number}. {html.escape(item.title)}</b><br>{html.escape(item.story)}<br>"
            f"<span style='color:#555'>지금 단계: <b>{step_label(item.step)}</b></span>"
        )

        def write(saved: object, drop=drop) -> None:
            if saved in drop.options:
                drop.value = saved

        def judge(item=item, drop=drop) -> Feedback:
            return judge_next_step(item, blank_to_none(drop.value))

        def read(drop=drop) -> object:
            return blank_to_none(drop.value)

        blocks.append(checked_box(
            [w.HTML(header)], judge,
            key=("ch02", f"next-step-{item.id}") if item in next_step_scenarios() else None,
            read=read, write=write, beside=drop))
    return checked_blocks(blocks, extra_attrs={"items": chosen, "dropdowns": dropdowns})


# --------------------------------------------------------------------------- tables


class WideTable(pd.DataFrame):
    """A DataFrame that a notebook shows in full: long Korean text is not cut to '...', cells
    are left-aligned, and an unnamed 0, 1, 2 … index is hidden."""

    @property
    def _constructor(self):  # keep the class through pandas operations
        return WideTable

    def _repr_html_(self) -> str:
        styler = self.style
        if self.index.name is None:
            styler = styler.hide(axis="index")
        left: list[tuple[str, str | float]] = [("text-align", "left"), ("vertical-align", "top")]
        return styler.set_table_styles([{"selector": "th", "props": left}, {"selector": "td", "props": left}]).to_html()


def stages_table(model: ProcessModel | str) -> pd.DataFrame:
    """The stages of one model with what happens in each (in the workbook's words)."""
    chosen = ProcessModel.parse(model)
    rows = []
    for number, stage in enumerate(chosen.stages, start=1):
        row = {"순서": number, "단계": stage.value}
        if isinstance(stage, FiveStage):
            row["영문"] = stage.english
        row["하는 일"] = stage.description
        rows.append(row)
    return WideTable(rows).set_index("순서")


def mapping_table() -> pd.DataFrame:
    """Each 동 step beside the Rothman (1991) and five-stage stage it belongs to."""
    rows = []
    for step in STEP_ORDER:
        (rothman,) = map_stage(step, ProcessModel.ROTHMAN)
        (five,) = map_stage(step, ProcessModel.FIVE_STAGE)
        assert isinstance(rothman, RothmanStage) and isinstance(five, FiveStage)
        rows.append({"동 단위 단계": step_label(step), "Rothman(1991)": rothman.value, "5단계 과정": five.value})
    return WideTable(rows)


def participants_table() -> pd.DataFrame:
    """Who takes part at each 동 step: the workbook's reading and what the chart itself marks."""
    rows = []
    for step in STEP_ORDER:
        marks = chart_marks(step)
        for task in step.subtasks:
            marks = (*marks, *(m for m in chart_marks(task) if m not in marks))
        rows.append({
            "단계": step_label(step),
            "세부 과업": "·".join(t.value for t in step.subtasks),
            "참여(워크북의 정리)": ", ".join(p.value for p in participants(step)),
            "교재 도표에 표시된 것": ", ".join(p.value for p in marks),
        })
    return WideTable(rows)
