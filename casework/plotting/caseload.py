"""Bar chart of a team's caseload against a chosen limit (chapter 10)."""

from __future__ import annotations

from collections.abc import Iterable

from matplotlib.figure import Figure
from matplotlib.patches import Patch

from casework.caseload import Caseload, summarize
from casework.plotting import use_korean_font

OVER_COLOR = "#c0392b"
OK_COLOR = "#5b8db8"
LIMIT_COLOR = "#333333"


def caseload_chart(workers: Iterable[Caseload], limit: int, *, title: str = "팀원별 담당 사례 수") -> Figure:
    """One bar per worker; bars over ``limit`` are red and labelled with how far over they are.

    The dashed line is the limit the learner chose; the label says it is a chosen value, since
    the sources give no standard number.
    """
    import matplotlib.pyplot as plt

    if isinstance(workers, Iterable) and not isinstance(workers, (str, bytes, Caseload)):
        workers = tuple(workers)  # an iterator would be used up by summarize
    summary = summarize(workers, limit)  # validates the team and the limit
    team = tuple(workers)  # summarize refused anything but a team of Caseloads
    use_korean_font()
    fig, ax = plt.subplots(figsize=(8, 4.6), layout="constrained")
    names = [w.worker for w in team]
    counts = [w.active_cases for w in team]
    colors = [OVER_COLOR if w.is_over(limit) else OK_COLOR for w in team]
    bars = ax.bar(names, counts, color=colors, width=0.6, zorder=2)
    top = max(max(counts), limit)
    # The counts go under the names, not on the bars, so no label can cross the limit line;
    # only the excess is written, above bars that are already above the line.
    ax.set_xticks(range(len(team)), [f"{w.worker}\n{w.active_cases}건" for w in team])
    for bar, member in zip(bars, team):
        if member.is_over(limit):
            ax.annotate(f"+{member.over_by(limit)}건 초과", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        fontsize=9.5, color=OVER_COLOR)
    ax.axhline(limit, color=LIMIT_COLOR, linestyle="--", linewidth=1.4, zorder=3)
    ax.set_ylim(0, top * 1.25 + 1)
    ax.set_ylabel("담당 사례 수(건)")
    ax.set_title(title)
    ax.grid(axis="y", alpha=0.3, zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    handles = [
        Patch(color=OVER_COLOR, label=f"기준 초과 ({len(summary.overloaded)}명)"),
        Patch(color=OK_COLOR, label="기준 이하"),
        plt.Line2D([], [], color=LIMIT_COLOR, linestyle="--", label=f"기준 {limit}건 (연습용으로 정한 값)"),
    ]
    ax.legend(handles=handles, loc="upper left", fontsize=9, frameon=False, ncols=3)
    return fig
