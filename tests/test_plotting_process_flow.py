"""Tests for casework.plotting.process_flow: is the 동 flow drawn with its loop back?"""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from casework.errors import CaseworkError  # noqa: E402
from casework.plotting.process_flow import LOOP_LABEL, SHORT_PARTICIPANT, dong_flow_chart  # noqa: E402
from casework.process import STEP_ORDER, Participant, SubTask, participants  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


@pytest.fixture
def chart():
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = dong_flow_chart()
        fig.savefig(BUILD / "dong_flow_chart.png", dpi=100)
    yield fig
    plt.close(fig)


def _texts(fig):
    return [t.get_text() for t in fig.axes[0].texts]


def test_chart_draws_without_warnings_and_saves_a_png(chart):
    """Does the flow chart draw with Hangul and no warning (no missing glyph), and save?"""
    assert (BUILD / "dong_flow_chart.png").stat().st_size > 20_000


def test_every_step_has_a_numbered_box(chart):
    """Is each of the nine steps written in a box, numbered in flow order?"""
    texts = _texts(chart)
    for step in STEP_ORDER:
        assert f"{step.order}. {step.value}" in texts
    boxes = [p for p in chart.axes[0].patches if isinstance(p, FancyBboxPatch)]
    assert len(boxes) == len(STEP_ORDER) + len(SubTask)


def test_subtasks_and_loop_label_are_drawn(chart):
    """Are 기능평가·사정·직접실천·간접실천 shown, with the '욕구 및 상황 변화' loop, NO and 재개입?"""
    texts = _texts(chart)
    for task in SubTask:
        assert task.value in texts
    assert LOOP_LABEL == "욕구 및 상황 변화" and LOOP_LABEL in texts
    assert "NO" in texts and "재개입" in texts


def test_loop_arrow_points_into_needs_assessment(chart):
    """Does the red loop arrow end at the 욕구(재)사정 box's left edge, at its height?"""
    ax = chart.axes[0]
    box_label = next(t for t in ax.texts if t.get_text() == "2. 욕구(재)사정")
    arrows = [a for a in ax.texts if type(a).__name__ == "Annotation" and a.arrow_patch is not None
              and a.arrow_patch.get_edgecolor()[0] > 0.5]  # the red arrow
    assert len(arrows) == 1
    x_end, y_end = arrows[0].xy
    assert y_end == pytest.approx(box_label.get_position()[1])
    assert x_end < box_label.get_position()[0]


def test_participants_column_uses_the_library_reading(chart):
    """Is each step's participants line built from casework.process.participants?"""
    texts = _texts(chart)
    planning = STEP_ORDER[3]
    names = [SHORT_PARTICIPANT[p] for p in participants(planning)]
    expected = "\n".join(", ".join(names[i:i + 3]) for i in range(0, len(names), 3))
    assert expected in texts
    assert set(SHORT_PARTICIPANT) == set(Participant)


def test_chart_without_participants_leaves_them_out():
    """With show_participants=False, is the participants column gone but the flow intact?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = dong_flow_chart(show_participants=False)
        fig.savefig(BUILD / "dong_flow_chart_plain.png", dpi=100)
    try:
        texts = _texts(fig)
        assert not any(t.startswith("참여") for t in texts)
        assert not any("사례관리자" in t for t in texts)
        assert "9. 사후관리" in texts
    finally:
        plt.close(fig)


@pytest.mark.parametrize("bad", ["yes", 1, None])
def test_show_participants_must_be_a_bool(bad):
    """Is a non-boolean show_participants refused in Korean, without leaving a figure open?"""
    before = plt.get_fignums()
    with pytest.raises(CaseworkError, match="show_participants"):
        dong_flow_chart(show_participants=bad)
    assert plt.get_fignums() == before
