"""Tests for casework.plotting.needs: does the needs chart show severity by domain and priority?"""

import warnings
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib.colors import to_hex  # noqa: E402

from casework.assessment import AssessedNeed  # noqa: E402
from casework.cases import load_case  # noqa: E402
from casework.domains import Domain  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.plotting.needs import PRIORITY_COLOURS, needs_chart  # noqa: E402
from casework.widgets.assessment import practice_needs  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


@pytest.fixture(scope="module")
def elderly():
    return load_case("elderly_alone")


def _bars(fig):
    return [bar for container in fig.axes[0].containers for bar in container]


def test_practice_chart_draws_without_warnings_and_saves(elderly):
    """Does the elderly needs chart draw with no warning and save a PNG under build/?"""
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = needs_chart(practice_needs(elderly), title="김○○ 어르신의 영역별 욕구 (워크북 예시)")
        fig.savefig(BUILD / "needs_chart.png", dpi=100)
    assert (BUILD / "needs_chart.png").stat().st_size > 10_000


def test_comparison_chart_draws_without_warnings(elderly):
    """Does a learner-vs-example chart, with unrated rows, draw with no warning?"""
    mine = [AssessedNeed(n.domain, n.label, 3, 2, key=n.id) for n in elderly.needs_by_domain[:6]]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = needs_chart(mine, reference=practice_needs(elderly), title="내가 매긴 심각도와 워크북 예시",
                          row_notes={"legal_help": "0 · 문제 아님"})
        fig.savefig(BUILD / "needs_chart_compare.png", dpi=100)
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert "0 · 문제 아님" in texts and "고르지 않음" in texts


def test_one_bar_per_need_with_severity_as_length(elderly):
    """Is there one bar per need, as long as its severity?"""
    needs = practice_needs(elderly)
    fig = needs_chart(needs)
    widths = sorted(p.get_width() for p in _bars(fig))
    assert widths == sorted(n.severity for n in needs)


def test_bars_are_coloured_by_priority():
    """Does a priority-1 need get the priority-1 colour and a priority-3 need the priority-3 colour?"""
    needs = [
        AssessedNeed(Domain.HEALTH, "만성질환 관리", 5, 1, key="a"),
        AssessedNeed(Domain.ECONOMY, "생활비", 2, 3, key="b"),
    ]
    fig = needs_chart(needs)
    by_width = {p.get_width(): to_hex(p.get_facecolor()) for p in _bars(fig)}
    assert by_width[5] == PRIORITY_COLOURS[1]
    assert by_width[2] == PRIORITY_COLOURS[3]


def test_rows_follow_domain_order():
    """Are rows grouped in Domain order (안전 before 건강 before 경제), top to bottom?"""
    needs = [
        AssessedNeed(Domain.ECONOMY, "생활비", 3, 1, key="e"),
        AssessedNeed(Domain.SAFETY, "낙상 위험", 2, 2, key="s"),
        AssessedNeed(Domain.HEALTH, "만성질환", 4, 1, key="h"),
    ]
    fig = needs_chart(needs)
    ax = fig.axes[0]
    labels = sorted(((t.get_position()[1], t.get_text()) for t in ax.get_yticklabels()), reverse=True)
    assert [text.split("\n")[0] for _, text in labels] == ["낙상 위험", "만성질환", "생활비"]


def test_reference_markers_and_legend(elderly):
    """Does each reference need get a marker line and the legend name the comparison?"""
    ref = practice_needs(elderly)
    fig = needs_chart(ref[:2], reference=ref)
    markers = [line for line in fig.axes[0].lines if len(line.get_xdata()) == 2]
    assert sorted(line.get_xdata()[0] for line in markers) == sorted(n.severity for n in ref)
    legend_texts = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "비교 기준(워크북 예시)" in legend_texts
    assert any(t.startswith("우선순위 1") for t in legend_texts)


def test_labels_are_hangul_and_not_cut_off(elderly):
    """Do all tick labels sit inside the figure (nothing cut off on the left)?"""
    fig = needs_chart(practice_needs(elderly))
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    width = fig.bbox.width
    for label in fig.axes[0].get_yticklabels():
        box = label.get_window_extent(renderer)
        assert box.x0 >= 0 and box.x1 <= width, label.get_text()


@pytest.mark.parametrize("bad", [None, "욕구", [1, 2], [("건강", 3)]])
def test_bad_needs_refused(bad):
    """Is anything but a list of AssessedNeed refused with a Korean message?"""
    with pytest.raises(CaseworkError, match="AssessedNeed"):
        needs_chart(bad)


def test_empty_chart_refused():
    """Is a chart with nothing to draw refused?"""
    with pytest.raises(CaseworkError, match="그릴 욕구가 없습니다"):
        needs_chart([])


def test_duplicate_keys_refused():
    """Are two needs with the same key refused?"""
    need = AssessedNeed(Domain.HEALTH, "만성질환", 4, 1, key="a")
    with pytest.raises(CaseworkError, match="두 번"):
        needs_chart([need, need])


def test_same_key_in_another_domain_refused():
    """Is a reference need whose domain differs from the learner's need of the same key refused?"""
    mine = [AssessedNeed(Domain.HEALTH, "만성질환", 4, 1, key="a")]
    ref = [AssessedNeed(Domain.ECONOMY, "만성질환", 4, 1, key="a")]
    with pytest.raises(CaseworkError, match="영역이 다릅니다"):
        needs_chart(mine, reference=ref)


@pytest.mark.parametrize("title", ["", "   ", None, 3])
def test_bad_title_refused(title):
    """Is an empty or non-text title refused?"""
    with pytest.raises(CaseworkError, match="제목"):
        needs_chart([AssessedNeed(Domain.HEALTH, "만성질환", 4, 1)], title=title)


@pytest.mark.parametrize("notes", [["a"], {"a": ""}, {"a": 3}])
def test_bad_row_notes_refused(notes):
    """Are row notes that are not {key: text} refused?"""
    with pytest.raises(CaseworkError, match="row_notes"):
        needs_chart([AssessedNeed(Domain.HEALTH, "만성질환", 4, 1, key="b")], row_notes=notes)
