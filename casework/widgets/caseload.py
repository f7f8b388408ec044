"""Chapter 10: set a caseload limit and see who is over it; find where sharing stops helping.

The slider sets the limit; the chart (:func:`casework.plotting.caseload.caseload_chart`) and
the summary (:func:`casework.caseload.summary_lines`) show who is over it. The question asks
for the lowest limit at which sharing cases inside the team would bring everyone within it;
:func:`casework.judging.caseload.judge_lowest_shared_limit` judges it. The slider starts at the
team's largest caseload (nobody over), a starting point for the exercise, not a standard.
"""

from __future__ import annotations

import html
import io
from collections.abc import Sequence
from typing import Any

import ipywidgets as w

from casework.caseload import Caseload, example_team, lowest_shared_limit, summarize, summary_lines
from casework.judging.caseload import judge_lowest_shared_limit
from casework.widgets.base import checked_box

__all__ = ["lowest_shared_limit", "judge_lowest_shared_limit", "chart_png", "caseload_widget"]


def chart_png(workers: Sequence[Caseload], limit: int) -> bytes:
    """The caseload chart as PNG bytes (the figure is closed, so nothing else shows it)."""
    import matplotlib.pyplot as plt

    from casework.plotting.caseload import caseload_chart

    fig = caseload_chart(workers, limit)
    try:
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=90)
    finally:
        plt.close(fig)
    return buffer.getvalue()


def caseload_widget(workers: Sequence[Caseload] | None = None, *, limit: int | None = None) -> w.VBox:
    """A limit slider, the team chart and summary, and a 확인 button for the sharing question.

    ``workers`` defaults to :func:`casework.caseload.example_team`. The box has ``slider``,
    ``image``, ``summary`` and ``check()`` for tests.
    """
    chosen = example_team() if workers is None else workers
    lowest_shared_limit(chosen)  # validates the team, with the Korean message
    team = tuple(chosen)
    if limit is None:
        limit = max(m.active_cases for m in team)  # start where nobody is over
    summarize(team, limit)  # validates the limit
    top = max(max(m.active_cases for m in team), limit)
    slider = w.IntSlider(value=limit, min=1, max=max(10, top + 10), step=1, description="기준(건)",
                         continuous_update=False, layout=w.Layout(width="480px"))
    image = w.Image(format="png", layout=w.Layout(width="640px"))
    summary = w.HTML()

    def write(saved: Any) -> None:
        slider.value = int(saved)

    box = checked_box(
        [slider, image, summary,
         w.HTML("<b>질문</b>: 팀 안에서 사례를 나누어 맡기만 해도 모두가 기준 안에 들 수 있는 "
                "<b>가장 낮은 기준</b>은 몇 건일까요? 슬라이더를 그 값에 놓고 버튼을 누르세요.")],
        lambda: judge_lowest_shared_limit(team, slider.value),
        key=("ch10", "caseload") if workers is None else None,
        read=lambda: slider.value, write=write,
        button_label="이 기준으로 답하기",
        extra_attrs={"slider": slider, "image": image, "summary": summary},
    )

    def redraw(change=None) -> None:
        image.value = chart_png(team, slider.value)
        lines = summary_lines(summarize(team, slider.value))
        summary.value = "<br>".join(html.escape(line) for line in lines)
        if change is not None:
            box.feedback_area.value = ""

    slider.observe(redraw, names="value")
    redraw()
    return box
