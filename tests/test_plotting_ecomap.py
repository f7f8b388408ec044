"""Tests for casework.plotting.ecomap: does the eco-map draw strength, stress and flow as promised?"""

import warnings
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from matplotlib.colors import to_hex  # noqa: E402

from casework.cases import load_case  # noqa: E402
from casework.errors import CaseworkError  # noqa: E402
from casework.plotting.ecomap import LINE_WIDTHS, ecomap_chart  # noqa: E402
from casework.resources import EcoMap, Flow, Tie, TieKind, TieStrength  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


@pytest.fixture(scope="module")
def maps():
    return load_case("elderly_alone").practice_data.ecomaps()


def _tie_lines(ax):
    # Tie lines start at the centre (0, 0); legend handles are not on the axes.
    return [line for line in ax.lines if next(iter(line.get_xdata())) == 0 and next(iter(line.get_ydata())) == 0]


def _arrows(ax):
    return [c for c in ax.get_children() if type(c).__name__ == "Annotation"]


def test_before_after_draws_without_warnings_and_saves(maps):
    """Does the two-panel eco-map draw with no warning (Hangul glyphs found) and save a PNG?"""
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = ecomap_chart(*maps)
        fig.savefig(BUILD / "ecomap_before_after.png", dpi=100)
    assert (BUILD / "ecomap_before_after.png").stat().st_size > 10_000
    assert [ax.get_title() for ax in fig.axes] == ["사례관리 이전", "사례관리 이후"]


def test_single_map_has_one_panel(maps):
    """Does one map give one panel with the first title?"""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig = ecomap_chart(maps[0], titles=("김○○ 어르신의 생태도",))
        fig.savefig(BUILD / "ecomap_single.png", dpi=100)
    assert [ax.get_title() for ax in fig.axes] == ["김○○ 어르신의 생태도"]


def test_one_line_per_tie_with_width_by_strength(maps):
    """Is each tie one line whose width is its strength's width?"""
    before, after = maps
    fig = ecomap_chart(before, after)
    for ax, m in zip(fig.axes, (before, after)):
        lines = _tie_lines(ax)
        assert len(lines) == len(m.ties)
        assert sorted(x.get_linewidth() for x in lines) == sorted(LINE_WIDTHS[t.strength] for t in m.ties)


def test_stressful_tie_is_red_and_dashed():
    """Is a stressful tie drawn red and dashed, and a calm one solid?"""
    m = EcoMap("당사자", (Tie("병원", TieKind.AGENCY, TieStrength.WEAK, stressful=True),
                         Tie("이웃", TieKind.NEIGHBOUR, TieStrength.STRONG)))
    ax = ecomap_chart(m).axes[0]
    by_width = {x.get_linewidth(): x for x in _tie_lines(ax)}
    stressful = by_width[LINE_WIDTHS[TieStrength.WEAK]]
    calm = by_width[LINE_WIDTHS[TieStrength.STRONG]]
    assert to_hex(stressful.get_color()) == "#c0392b" and stressful.get_linestyle() == "--"
    assert calm.get_linestyle() == "-" and to_hex(calm.get_color()) != "#c0392b"


@pytest.mark.parametrize("flow, count", [(Flow.NONE, 0), (Flow.TO_PERSON, 1), (Flow.FROM_PERSON, 1), (Flow.BOTH, 2)])
def test_flow_gives_arrowheads(flow, count):
    """Does each flow direction give the right number of arrowheads?"""
    m = EcoMap("당사자", (Tie("이웃", TieKind.NEIGHBOUR, TieStrength.MODERATE, flow=flow),))
    assert len(_arrows(ecomap_chart(m).axes[0])) == count


@pytest.mark.parametrize("flow, inward", [(Flow.TO_PERSON, True), (Flow.FROM_PERSON, False)])
def test_arrow_points_the_right_way(flow, inward):
    """Does a flow toward the person point at the centre, and a flow away point outward?"""
    m = EcoMap("당사자", (Tie("이웃", TieKind.NEIGHBOUR, TieStrength.MODERATE, flow=flow),))
    arrow = _arrows(ecomap_chart(m).axes[0])[0]
    head, tail = arrow.xy, arrow.xyann
    closer = (head[0] ** 2 + head[1] ** 2) < (tail[0] ** 2 + tail[1] ** 2)
    assert closer is inward


def test_ties_keep_their_place_and_new_ties_are_framed(maps):
    """Does a tie sit at the same spot in both panels, and are new ties framed in green?"""
    before, after = maps
    fig = ecomap_chart(before, after)

    def nodes(ax):
        return {t.get_text().split("\n(")[0].replace("\n", " "): t for t in ax.texts if "\n(" in t.get_text()}

    left, right = nodes(fig.axes[0]), nodes(fig.axes[1])
    for name in left:
        assert left[name].get_position() == right[name].get_position(), name
    green = {name for name, t in right.items() if to_hex(t.get_bbox_patch().get_edgecolor()) == "#1b7f3b"}
    assert green == {"돌봄서비스", "병원 동행 자원봉사자", "경로당 친구들"}


def test_person_is_in_the_centre(maps):
    """Is the person's name drawn at the centre of each panel?"""
    fig = ecomap_chart(*maps)
    for ax in fig.axes:
        centre = [t for t in ax.texts if t.get_position() == (0, 0)]
        assert centre and centre[0].get_text().replace("\n", "") == "김○○어르신"


def test_labels_stay_inside_the_figure(maps):
    """Do all node labels fit inside the figure (nothing cut off)?"""
    fig = ecomap_chart(*maps)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        for text in ax.texts:
            box = text.get_bbox_patch().get_window_extent(renderer) if text.get_bbox_patch() else text.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= fig.bbox.width and box.y0 >= 0 and box.y1 <= fig.bbox.height


def test_empty_map_says_so():
    """Does a map with no ties say that there are none?"""
    ax = ecomap_chart(EcoMap("당사자")).axes[0]
    assert any("관계가 없습니다" in t.get_text() for t in ax.texts)


@pytest.mark.parametrize("bad", [None, "지도", {"person": "a"}])
def test_bad_first_map_refused(bad):
    """Is anything but an EcoMap refused?"""
    with pytest.raises(CaseworkError, match="EcoMap"):
        ecomap_chart(bad)


def test_bad_second_map_refused(maps):
    """Is a second map that is not an EcoMap refused?"""
    with pytest.raises(CaseworkError, match="EcoMap"):
        ecomap_chart(maps[0], "이후")


def test_maps_of_two_people_refused(maps):
    """Is a before/after pair of two different people refused?"""
    with pytest.raises(CaseworkError, match="서로 다른 사람"):
        ecomap_chart(maps[0], EcoMap("다른 사람"))


@pytest.mark.parametrize("titles", [("이전",), "이전이후", ("이전", ""), (1, 2)])
def test_bad_titles_refused(maps, titles):
    """Are titles that do not give a non-empty text per panel refused?"""
    with pytest.raises(CaseworkError, match="titles"):
        ecomap_chart(*maps, titles=titles)
