"""Tests for casework.plotting: does Hangul render with a real glyph?"""

import subprocess
import sys
import warnings
from pathlib import Path

import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")

from casework import plotting  # noqa: E402

BUILD = Path(__file__).resolve().parents[1] / "build"


def test_font_file_is_found_without_importing_koreanize():
    """Is the bundled TTF found without running koreanize_matplotlib's import side effects?"""
    code = (
        "import sys; from casework import plotting; p = plotting.nanum_gothic_path(); "
        "assert p.is_file(), p; assert 'koreanize_matplotlib' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_importing_plotting_changes_no_rcparams():
    """Does importing the module leave matplotlib's font settings alone?"""
    code = (
        "import matplotlib as mpl; before = dict(mpl.rcParams); "
        "import casework.plotting; after = dict(mpl.rcParams); "
        "assert before == after; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr


def test_hangul_and_minus_render_without_glyph_warnings():
    """Does a Hangul title with a negative axis draw with no missing-glyph warning?"""
    import matplotlib.pyplot as plt

    assert plotting.use_korean_font() == "NanumGothic"
    BUILD.mkdir(exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig, ax = plt.subplots(figsize=(5, 3))
        ax.plot([-2, -1, 0, 1, 2], [-2, 1, 0, 1, 2])
        ax.set_title("한글 제목: 사례관리 목표 달성도")
        ax.set_xlabel("점검 회차 (−2 ~ +2)".replace("−", "-"))
        fig.savefig(BUILD / "hangul_check.png", dpi=80)
        plt.close(fig)
    assert (BUILD / "hangul_check.png").stat().st_size > 1000


def test_the_font_resolves_to_nanum_not_a_fallback():
    """Does matplotlib resolve the family to the NanumGothic file, not DejaVu?"""
    from matplotlib import font_manager

    plotting.use_korean_font()
    found = font_manager.findfont(font_manager.FontProperties(family="NanumGothic"), fallback_to_default=False)
    assert Path(found).name == "NanumGothic.ttf"


def test_calling_twice_registers_the_font_once():
    """Is use_korean_font idempotent?"""
    from matplotlib import font_manager

    plotting.use_korean_font()
    plotting.use_korean_font()
    path = str(plotting.nanum_gothic_path())
    assert sum(f.fname == path for f in font_manager.fontManager.ttflist) == 1
