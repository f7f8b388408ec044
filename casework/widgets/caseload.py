"""Chapter 10: set a caseload limit and see who is over it; find where sharing stops helping.

The slider sets the limit; the chart (:func:`casework.plotting.caseload.caseload_chart`) and
the summary (:func:`casework.caseload.summary_lines`) show who is over it. The question asks
for the lowest limit at which sharing cases inside the team would bring everyone within it:
below that, overload is a matter of staffing or caseload, not of how cases are divided.
:func:`judge_lowest_shared_limit` is the plain judge. The slider starts at the team's
largest caseload (nobody over), a starting point for the exercise, not a standard.
"""

from __future__ import annotations

import html
import io
import math
from collections.abc import Iterable, Sequence

import ipywidgets as w

from casework.caseload import Caseload, example_team, summarize, summary_lines
from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.widgets.base import checked_box

__all__ = ["lowest_shared_limit", "judge_lowest_shared_limit", "chart_png", "caseload_widget"]


def _team(workers: object) -> tuple[Caseload, ...]:
    if isinstance(workers, (str, bytes)) or not isinstance(workers, Iterable):
        raise CaseworkError("팀은 Caseload의 목록으로 주세요. 예: [Caseload('가람', 18), Caseload('나래', 25)]")
    team = tuple(workers)
    summarize(team, 1)  # validates every member
    return team


def lowest_shared_limit(workers: Sequence[Caseload]) -> int:
    """The lowest limit at which the team's cases, shared out, leave nobody over it."""
    team = _team(workers)
    total = sum(m.active_cases for m in team)
    return max(1, math.ceil(total / len(team)))


def judge_lowest_shared_limit(workers: Sequence[Caseload], limit: int) -> Feedback:
    """Judge a proposed answer to "the lowest limit that sharing cases can meet"."""
    team = _team(workers)
    summary = summarize(team, limit)  # validates the limit
    lowest = lowest_shared_limit(team)
    total, people = summary.total_cases, summary.workers
    if limit == lowest:
        points = [
            f"팀 전체 {total}건을 {people}명이 나누면 한 사람에 {total / people:.1f}건입니다. "
            f"그래서 {lowest}건이 나누어 해결되는 가장 낮은 기준입니다.",
        ]
        if summary.overloaded:
            points.append(
                f"지금은 {len(summary.overloaded)}명이 넘지만, 넘는 {summary.excess}건을 "
                f"여유 {summary.spare}건에 옮기면 모두 기준 안에 듭니다."
            )
        points.append(f"기준을 {lowest - 1}건 이하로 잡으면 나누기만으로는 안 되고, 인력 보강이나 사례 조정이 필요합니다.")
        return Feedback(Status.CORRECT, f"{lowest}건이 맞습니다.", tuple(points), 1.0)
    if limit > lowest:
        return Feedback(
            Status.INCORRECT,
            f"기준 {limit}건에서도 나누어 맡으면 해결되지만, 더 낮은 기준에서도 됩니다.",
            (f"기준을 조금씩 낮추며 요약의 마지막 줄이 바뀌는 곳을 찾아보세요. (팀 전체 {total}건, {people}명)",),
            0.0,
        )
    return Feedback(
        Status.INCORRECT,
        f"기준 {limit}건에서는 나누어 맡아도 모두 기준 안에 들 수 없습니다.",
        (
            f"팀이 기준 안에서 맡을 수 있는 사례는 {limit}건 × {people}명 = {summary.capacity}건인데, "
            f"맡고 있는 사례는 {total}건입니다. 기준을 올려 보세요.",
        ),
        0.0,
    )


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
    team = _team(example_team() if workers is None else workers)
    if limit is None:
        limit = max(m.active_cases for m in team)  # start where nobody is over
    summarize(team, limit)  # validates the limit
    top = max(max(m.active_cases for m in team), limit)
    slider = w.IntSlider(value=limit, min=1, max=max(10, top + 10), step=1, description="기준(건)",
                         continuous_update=False, layout=w.Layout(width="480px"))
    image = w.Image(format="png", layout=w.Layout(width="640px"))
    summary = w.HTML()
    box = checked_box(
        [slider, image, summary,
         w.HTML("<b>질문</b>: 팀 안에서 사례를 나누어 맡기만 해도 모두가 기준 안에 들 수 있는 "
                "<b>가장 낮은 기준</b>은 몇 건일까요? 슬라이더를 그 값에 놓고 버튼을 누르세요.")],
        lambda: judge_lowest_shared_limit(team, slider.value),
        button_label="이 기준으로 답하기",
        extra_attrs={"slider": slider, "image": image, "summary": summary},
    )

    def redraw(_=None) -> None:
        image.value = chart_png(team, slider.value)
        lines = summary_lines(summarize(team, slider.value))
        summary.value = "<br>".join(html.escape(line) for line in lines)
        box.feedback_area.value = ""

    slider.observe(redraw, names="value")
    redraw()
    return box
