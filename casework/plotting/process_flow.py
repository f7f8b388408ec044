"""The 동 단위 case management flow drawn as a chart (chapter 02).

Redrawn by the workbook from the chart "사례관리 수행과정 및 구조" in 광진구청 복지정책과
희망나눔팀 「사례관리 학습 동아리 교재」 (seed 003): the nine steps top to bottom, the sub-tasks
of 욕구(재)사정 and 개입 beside them, the loop back to 욕구(재)사정 labelled
"욕구 및 상황 변화" (with the chart's "NO" at 평가 and re-intervention from 사후관리), and,
optionally, who takes part at each step in the workbook's reading of the chart
(:func:`casework.process.participants`).
"""

from __future__ import annotations

import itertools

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import FancyBboxPatch

from casework.errors import CaseworkError
from casework.plotting import use_korean_font
from casework.process import LOOP_BACK_FROM, STEP_ORDER, DongStep, Participant, participants

LOOP_LABEL = "욕구 및 상황 변화"
SOURCE_NOTE = "광진구청 복지정책과 희망나눔팀 「사례관리 학습 동아리 교재」의 '사례관리 수행과정 및 구조'를 워크북이 다시 그림"

# Short names so the participants column fits beside the boxes.
SHORT_PARTICIPANT: dict[Participant, str] = {
    Participant.PERSON: "당사자",
    Participant.CASE_MANAGER: "사례관리자",
    Participant.TEAM_LEADER: "팀장·슈퍼바이저",
    Participant.INTERNAL_SUPPORT: "내부(동+구)",
    Participant.EXTERNAL_SUPPORT: "외부(민관)",
    Participant.CASE_MEETING: "사례회의",
    Participant.INTEGRATED_CASE_MEETING: "통합사례회의",
}

_STEP_FILL = "#e8f0f8"
_STEP_EDGE = "#3f6d99"
_SUB_FILL = "#fdf3e1"
_SUB_EDGE = "#b9832f"
_LOOP_COLOR = "#b3261e"
_TEXT_GRAY = "#444444"

# Layout in data units (the axes run 0..X_MAX across and 0..len(STEP_ORDER) down).
_MAIN_X, _MAIN_W, _BOX_H = 1.6, 3.8, 0.6
_SUB_X0, _SUB_W, _SUB_GAP = 6.0, 1.45, 0.15
_LANE_X = 0.85
_PART_X = 9.3
_X_MAX_WITH, _X_MAX_WITHOUT = 12.9, 9.3


def _y(step: DongStep) -> float:
    # Top step at the top; one unit per step.
    return len(STEP_ORDER) - step.order + 0.5


def _box(ax: Axes, x: float, y: float, w: float, text: str, *, fill: str, edge: str,
         size: float, h: float = _BOX_H) -> None:
    ax.add_patch(FancyBboxPatch((x, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.12",
                                facecolor=fill, edgecolor=edge, linewidth=1.4, zorder=2))
    ax.text(x + w / 2, y, text, ha="center", va="center", fontsize=size, zorder=3)


def _arrow(ax: Axes, start: tuple[float, float], end: tuple[float, float], *, color: str = _STEP_EDGE,
           style: str = "-|>", linestyle: str = "-", lw: float = 1.4) -> None:
    ax.annotate("", xy=end, xytext=start, zorder=1,
                arrowprops=dict(arrowstyle=style, color=color, lw=lw, linestyle=linestyle,
                                shrinkA=0, shrinkB=0, mutation_scale=14))


def dong_flow_chart(*, show_participants: bool = True) -> Figure:
    """The 동 flow with sub-tasks, the loop back to 욕구(재)사정 and (optionally) participants."""
    import matplotlib.pyplot as plt

    if not isinstance(show_participants, bool):
        raise CaseworkError(
            f"show_participants에는 True 또는 False를 넣어야 합니다. 받은 값: {show_participants!r}"
        )
    use_korean_font()
    x_max = _X_MAX_WITH if show_participants else _X_MAX_WITHOUT
    n = len(STEP_ORDER)
    fig, ax = plt.subplots(figsize=(x_max * 0.78, n * 0.78 + 1.0), layout="constrained")
    ax.set_xlim(0, x_max)
    ax.set_ylim(-0.35, n + 0.45)
    ax.axis("off")
    ax.set_title("동 단위 사례관리 흐름", fontsize=15)

    # Main steps and the arrows between them.
    for step in STEP_ORDER:
        _box(ax, _MAIN_X, _y(step), _MAIN_W, f"{step.order}. {step.value}",
             fill=_STEP_FILL, edge=_STEP_EDGE, size=12)
    centre = _MAIN_X + _MAIN_W / 2
    for upper, lower in itertools.pairwise(STEP_ORDER):
        _arrow(ax, (centre, _y(upper) - _BOX_H / 2), (centre, _y(lower) + _BOX_H / 2))

    # Sub-tasks beside their step.
    for step in STEP_ORDER:
        tasks = step.subtasks
        if not tasks:
            continue
        y = _y(step)
        ax.plot([_MAIN_X + _MAIN_W, _SUB_X0], [y, y], color=_SUB_EDGE, lw=1.2, zorder=1)
        for k, task in enumerate(tasks):
            x = _SUB_X0 + k * (_SUB_W + _SUB_GAP)
            _box(ax, x, y, _SUB_W, task.value, fill=_SUB_FILL, edge=_SUB_EDGE, size=10.5, h=_BOX_H * 0.8)

    # Loop back to 욕구(재)사정: branches from the left of each step that may loop back.
    target_y = _y(DongStep.NEEDS_ASSESSMENT)
    # Solid from 평가 up; the stretch that only re-intervention from 사후관리 uses is dashed.
    ax.plot([_LANE_X, _LANE_X], [_y(DongStep.EVALUATION), target_y], color=_LOOP_COLOR, lw=1.6, zorder=1)
    ax.plot([_LANE_X, _LANE_X], [_y(DongStep.FOLLOW_UP), _y(DongStep.EVALUATION)], color=_LOOP_COLOR,
            lw=1.4, linestyle="--", zorder=1)
    _arrow(ax, (_LANE_X, target_y), (_MAIN_X, target_y), color=_LOOP_COLOR, lw=1.6)
    for step in LOOP_BACK_FROM:
        dashed = step is DongStep.FOLLOW_UP
        ax.plot([_MAIN_X, _LANE_X], [_y(step), _y(step)], color=_LOOP_COLOR, lw=1.4,
                linestyle="--" if dashed else "-", zorder=1)
    ax.text(_LANE_X - 0.18, (target_y + _y(DongStep.MONITORING)) / 2, LOOP_LABEL, rotation=90,
            ha="right", va="center", fontsize=11.5, color=_LOOP_COLOR)
    ax.text((_LANE_X + _MAIN_X) / 2, _y(DongStep.EVALUATION) + 0.06, "NO", ha="center", va="bottom",
            fontsize=9.5, color=_LOOP_COLOR)
    ax.text((_LANE_X + _MAIN_X) / 2, _y(DongStep.FOLLOW_UP) + 0.06, "재개입", ha="center", va="bottom",
            fontsize=9, color=_LOOP_COLOR)

    # Who takes part.
    if show_participants:
        ax.text(_PART_X, n + 0.15, "참여 (워크북의 정리)", ha="left", va="center", fontsize=11,
                color=_TEXT_GRAY)
        for step in STEP_ORDER:
            names = [SHORT_PARTICIPANT[p] for p in participants(step)]
            lines = [", ".join(names[i:i + 3]) for i in range(0, len(names), 3)]
            ax.text(_PART_X, _y(step), "\n".join(lines), ha="left", va="center", fontsize=9.5,
                    color=_TEXT_GRAY, linespacing=1.3)

    ax.text(0.0, -0.3, SOURCE_NOTE, ha="left", va="bottom", fontsize=8, color="#777777")
    return fig
