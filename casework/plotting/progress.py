"""Progress chart for monitoring: GAS level per goal over time, with the GAS T score below."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING

from casework.errors import CaseworkError
from casework.monitoring import GAS_LEVELS, MonitoringLog, t_scores_over_time

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

__all__ = ["progress_chart"]

_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
_LINESTYLES = ("-", "--", "-.", ":")
# Goals on the same level would hide each other; each goal's line is nudged a little
# vertically (a drawing aid only: the tick labels and the data are the true levels).
_NUDGE = 0.07


def _level_tick(level: int) -> str:
    sign = "+" if level > 0 else ""
    return f"{sign}{level}"  # ASCII '-' from str(): NanumGothic has no U+2212


def progress_chart(
    log: MonitoringLog,
    *,
    weights: Mapping[str, float] | None = None,
    title: str | None = None,
) -> Figure:
    """Two panels sharing the date axis: each goal's GAS level (−2..+2) and the T score.

    The T score (Kiresuk & Sherman 1968) is computed by
    :func:`casework.monitoring.t_scores_over_time` (``weights`` as there); the dashed line at
    50 marks "every goal at the expected level". Entries whose needs changed or whose result
    is 재사정 are marked with a vertical line labelled "재사정 필요". Returns the Figure (not shown, not closed).
    """
    if not isinstance(log, MonitoringLog):
        raise CaseworkError(f"점검 기록(MonitoringLog)을 넣어 주세요. 받은 값: {log!r}")
    if title is not None and not isinstance(title, str):
        raise CaseworkError(f"제목은 글자로 주세요. 받은 값: {title!r}")
    scores = t_scores_over_time(log, weights)
    if not scores:
        raise CaseworkError(
            "목표달성 수준을 매긴 점검 기록이 없어 그래프를 그릴 수 없습니다. "
            "점검 기록에 목표별 수준(−2~+2)을 하나 이상 넣어 주세요."
        )

    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    from casework.plotting import use_korean_font

    use_korean_font()
    fig, (ax_levels, ax_t) = plt.subplots(
        2, 1, sharex=True, figsize=(9, 6.2), height_ratios=(3, 2), layout="constrained"
    )
    goals = log.goals
    middle = (len(goals) - 1) / 2
    for index, goal in enumerate(goals):
        points = log.levels_over_time(goal)
        nudge = (index - middle) * _NUDGE
        ax_levels.plot(
            [d for d, _ in points], [lvl + nudge for _, lvl in points],
            marker=_MARKERS[index % len(_MARKERS)],
            linestyle=_LINESTYLES[index % len(_LINESTYLES)],
            linewidth=2, markersize=7, label=textwrap.fill(goal, 14),
        )
    ax_levels.axhline(0, color="#888888", linewidth=1, linestyle=":")
    flagged = [e.on for e in log.entries if e.calls_for_reassessment]
    for day in dict.fromkeys(flagged):
        for ax in (ax_levels, ax_t):
            ax.axvline(day, color="#a66a00", linewidth=1.2, linestyle="--", alpha=0.8)
        ax_levels.annotate("재사정 필요", (day, max(GAS_LEVELS) + 0.3), xytext=(4, 0),
                           textcoords="offset points", color="#a66a00", fontsize=9, va="center")
    ax_levels.set_yticks(list(GAS_LEVELS), [_level_tick(lvl) for lvl in GAS_LEVELS])
    ax_levels.set_ylim(min(GAS_LEVELS) - 0.5, max(GAS_LEVELS) + 0.5)
    ax_levels.set_ylabel("목표달성 수준 (GAS)")
    ax_levels.grid(axis="y", alpha=0.3)
    ax_levels.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="목표", frameon=False)
    ax_levels.set_title(title or "목표별 달성 수준과 GAS T점수")

    dates = [d for d, _ in scores]
    values = [t for _, t in scores]
    ax_t.plot(dates, values, marker="o", color="#1f5fa8", linewidth=2, label="T점수")
    ax_t.axhline(50, color="#b3261e", linestyle="--", linewidth=1, label="50 = 기대한 만큼")
    for d, t in scores:
        ax_t.annotate(f"{t:.1f}", (d, t), textcoords="offset points", xytext=(0, 7),
                      ha="center", fontsize=9,
                      bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85})
    low, high = min([*values, 50.0]), max([*values, 50.0])
    ax_t.set_ylim(low - 8, high + 10)
    ax_t.set_ylabel("GAS T점수")
    ax_t.grid(axis="y", alpha=0.3)
    ax_t.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)

    ax_t.set_xticks(dates)
    ax_t.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d"))
    ax_t.tick_params(axis="x", labelrotation=30)
    ax_t.set_xlabel("점검 날짜")
    if len(dates) == 1:
        only = mdates.date2num(dates[0])
        ax_t.set_xlim(only - 15, only + 15)
    return fig
