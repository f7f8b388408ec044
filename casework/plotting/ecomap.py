"""Eco-maps (생태도) as charts (chapter 05): the person in the centre, ties around.

Drawing conventions (the workbook's, following common eco-map practice):

* line width shows strength (약함 thin, 보통 medium, 강함 thick);
* a red dashed line is a tie that causes stress;
* arrowheads show which way support and resources flow (toward the person, away from the
  person, both ways, or none);
* with two maps (before / after case management) every tie keeps the same place in both
  panels, and ties that are new in the second panel get a green frame.
"""

from __future__ import annotations

import math
import textwrap

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from casework.errors import CaseworkError
from casework.plotting import use_korean_font
from casework.resources import EcoMap, Flow, Tie, TieKind, TieStrength

__all__ = ["ecomap_chart", "LINE_WIDTHS", "KIND_COLOURS"]

LINE_WIDTHS: dict[TieStrength, float] = {
    TieStrength.WEAK: 1.2, TieStrength.MODERATE: 3.2, TieStrength.STRONG: 6.0,
}
KIND_COLOURS: dict[TieKind, str] = {
    TieKind.FAMILY: "#fde2e4",
    TieKind.NEIGHBOUR: "#e2f0cb",
    TieKind.FRIEND: "#fff1c1",
    TieKind.AGENCY: "#dbe9f6",
    TieKind.PUBLIC: "#e5dcf3",
    TieKind.OTHER: "#eeeeee",
}
_LINE = "#34495e"
_STRESS = "#c0392b"
_NEW_EDGE = "#1b7f3b"
_PERSON_FILL = "#ffffff"
_RING = 1.18      # distance of the ties from the centre (data units)
_LIMIT = 1.55     # the axes run from -_LIMIT to +_LIMIT


def _check(maps: list[EcoMap | None], titles: object) -> tuple[str, ...]:
    before, after = maps
    if not isinstance(before, EcoMap):
        raise CaseworkError(f"생태도는 EcoMap으로 주세요(resources.EcoMap). 받은 값: {type(before).__name__}")
    if after is not None:
        if not isinstance(after, EcoMap):
            raise CaseworkError(
                f"비교할 두 번째 생태도도 EcoMap이어야 합니다. 받은 값: {type(after).__name__}"
            )
        if after.person != before.person:
            raise CaseworkError(
                f"서로 다른 사람의 생태도입니다('{before.person}', '{after.person}'). "
                "같은 당사자의 이전·이후 생태도를 넣어 주세요."
            )
    needed = 1 if after is None else 2
    if (
        not isinstance(titles, (tuple, list))
        or len(titles) < needed
        or not all(isinstance(t, str) and t.strip() for t in titles[:needed])
    ):
        raise CaseworkError(
            f"titles에는 그림 제목을 {needed}개 이상 글로 넣어 주세요(예: ('사례관리 이전', '사례관리 이후')). "
            f"받은 값: {titles!r}"
        )
    return tuple(titles[:needed])


def _positions(names: list[str]) -> dict[str, tuple[float, float]]:
    # Start at the top and go clockwise, evenly spaced.
    n = len(names)
    return {
        name: (_RING * math.cos(math.pi / 2 - 2 * math.pi * i / n),
               _RING * math.sin(math.pi / 2 - 2 * math.pi * i / n))
        for i, name in enumerate(names)
    }


def _arrow(ax: Axes, tail: tuple[float, float], head: tuple[float, float], colour: str,
           width: float) -> None:
    # The head grows with the line so it stays visible on a thick (strong) tie.
    ax.annotate("", xy=head, xytext=tail, zorder=3,
                arrowprops=dict(arrowstyle="-|>", color=colour, lw=0, shrinkA=0, shrinkB=0,
                                mutation_scale=20 + 3 * width))


def _point(x: float, y: float, t: float) -> tuple[float, float]:
    return (x * t, y * t)


def _draw_flow(ax: Axes, x: float, y: float, flow: Flow, colour: str, width: float) -> None:
    # Arrowheads sit on the line, part of the way out from the centre (t = 0 centre, 1 tie).
    step = 0.09
    if flow in (Flow.TO_PERSON, Flow.BOTH):
        t = 0.5 if flow is Flow.TO_PERSON else 0.38
        _arrow(ax, _point(x, y, t + step), _point(x, y, t), colour, width)
    if flow in (Flow.FROM_PERSON, Flow.BOTH):
        t = 0.6 if flow is Flow.FROM_PERSON else 0.7
        _arrow(ax, _point(x, y, t - step), _point(x, y, t), colour, width)


def _label(tie: Tie) -> str:
    return f"{textwrap.fill(tie.name, 6)}\n({tie.kind.value})"


def _draw_panel(ax: Axes, ecomap: EcoMap, positions: dict[str, tuple[float, float]], title: str,
                new_names: set[str]) -> None:
    ax.set_xlim(-_LIMIT, _LIMIT)
    ax.set_ylim(-_LIMIT, _LIMIT)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.set_title(title, fontsize=14, pad=4)
    for tie in ecomap.ties:
        x, y = positions[tie.name]
        colour = _STRESS if tie.stressful else _LINE
        ax.plot([0, x], [0, y], color=colour, lw=LINE_WIDTHS[tie.strength],
                linestyle=(0, (3, 2)) if tie.stressful else "-", solid_capstyle="butt", zorder=1)
        _draw_flow(ax, x, y, tie.flow, colour, LINE_WIDTHS[tie.strength])
        new = tie.name in new_names
        ax.text(x, y, _label(tie), ha="center", va="center", fontsize=9.5, linespacing=1.3, zorder=5,
                bbox=dict(boxstyle="round,pad=0.45", facecolor=KIND_COLOURS[tie.kind],
                          edgecolor=_NEW_EDGE if new else "#555555", linewidth=2.4 if new else 1.0))
    ax.text(0, 0, textwrap.fill(ecomap.person, 5), ha="center", va="center", fontsize=12,
            zorder=6,
            bbox=dict(boxstyle="circle,pad=0.55", facecolor=_PERSON_FILL, edgecolor="#222222", linewidth=2))
    if not ecomap.ties:
        ax.text(0, -0.62, "이어진 관계가 없습니다", ha="center", va="center", fontsize=10, color="#666666")


def _legend_handles(show_new: bool) -> list[Line2D | Patch]:
    handles: list[Line2D | Patch] = [
        Line2D([], [], color=_LINE, lw=LINE_WIDTHS[s], label=f"{s.value} 관계") for s in TieStrength
    ]
    handles.append(Line2D([], [], color=_STRESS, lw=2.4, linestyle=(0, (3, 2)), label="스트레스를 주는 관계"))
    handles.append(Line2D([], [], color=_LINE, lw=0, marker=">", markersize=9,
                          label="화살표: 지원이 흐르는 방향"))
    if show_new:
        handles.append(Patch(facecolor="white", edgecolor=_NEW_EDGE, linewidth=2.4, label="새로 생긴 관계"))
    return handles


def ecomap_chart(
    before: EcoMap,
    after: EcoMap | None = None,
    *,
    titles: tuple[str, ...] = ("사례관리 이전", "사례관리 이후"),
) -> Figure:
    """Draw one eco-map, or two side by side (이전 / 이후) with each tie in the same place.

    Returns the Figure (in a notebook assign it, ``fig = ecomap_chart(...)``, so it shows once).
    With one map only the first title is used.
    """
    import matplotlib.pyplot as plt

    shown = _check([before, after], titles)
    maps = [before] if after is None else [before, after]
    names: list[str] = []
    for m in maps:
        names += [t.name for t in m.ties if t.name not in names]
    positions = _positions(names) if names else {}

    use_korean_font()
    fig, axes = plt.subplots(1, len(maps), figsize=(6.4 * len(maps), 6.6), layout="constrained",
                             squeeze=False)
    before_names = {t.name for t in before.ties}
    for i, (ax, m, title) in enumerate(zip(axes[0], maps, shown)):
        new_names = {t.name for t in m.ties} - before_names if i == 1 else set()
        _draw_panel(ax, m, positions, title, new_names)
    fig.legend(handles=_legend_handles(after is not None), loc="outside lower center",
               ncol=3 if after is None else 6, fontsize=9.5, frameon=False)
    return fig
