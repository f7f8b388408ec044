"""Matplotlib helpers: a Hangul font on request, and the workbook's charts.

Nothing here changes matplotlib's global state at import time; call
:func:`use_korean_font` (the charts below call it for you).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

FONT_FAMILY = "NanumGothic"


def nanum_gothic_path() -> Path:
    """Path of NanumGothic.ttf shipped in the koreanize-matplotlib wheel.

    The package is located without being imported: importing it pulls in distutils
    (gone in Python 3.12) and rewrites rcParams as a side effect.
    """
    spec = importlib.util.find_spec("koreanize_matplotlib")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "koreanize-matplotlib 패키지가 설치되어 있지 않아 한글 글꼴을 찾을 수 없습니다. "
            "'python3 tasks.py lab' 으로 환경을 다시 설치하세요."
        )
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / "NanumGothic.ttf"
    if not path.is_file():
        raise RuntimeError(f"한글 글꼴 파일이 없습니다: {path}")
    return path


def use_korean_font() -> str:
    """Register NanumGothic with matplotlib and make it the default family.

    Also turns off the Unicode minus (NanumGothic has no U+2212 glyph), so negative
    tick labels render. Safe to call many times. Returns the family name.
    """
    import matplotlib as mpl
    from matplotlib import font_manager

    path = str(nanum_gothic_path())
    if not any(f.fname == path for f in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    mpl.rcParams["font.family"] = FONT_FAMILY
    mpl.rcParams["axes.unicode_minus"] = False
    return FONT_FAMILY
