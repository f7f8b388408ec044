"""What the save buttons do: keep this chapter or a plan as files, with download links.

* :func:`save_notebook` — the notebook this kernel runs, as saved, with the answers now in its
  widgets, as HTML and PDF in the learner's folder ``내 작업`` (the closing section's button,
  :mod:`casework.widgets.export`).
* :func:`plan_files` — a service plan as .xlsx, .hwpx and printable .html in the same folder
  (the plan form's '파일로 저장' button, :mod:`casework.widgets.planning`).

Both show links that download the files in JupyterLab (relative links, which JupyterLab
serves from its ``files/`` address). This is a front-end module: it may import IPython.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from casework.errors import CaseworkError

__all__ = ["WORK_FOLDER", "work_folder", "current_notebook", "download_links", "save_notebook",
           "plan_files", "Saved"]

WORK_FOLDER = "내 작업"


class Saved:
    """What an export cell shows: a Korean sentence and a download link per file."""

    def __init__(self, files: Sequence[Path], notes: Iterable[str] = (), *, base: Path | None = None) -> None:
        self.files = list(files)
        self.notes = [n for n in notes if n]
        self.base = base

    def _repr_html_(self) -> str:
        return download_links(self.files, self.notes, base=self.base)

    def __repr__(self) -> str:  # plain-text front-ends (a terminal, nbval's text/plain)
        lines = [f"저장한 파일 {len(self.files)}개:"] + [f"  {p}" for p in self.files] + self.notes
        return "\n".join(lines)


def work_folder(start: Path | None = None) -> Path:
    """The learner's folder for exports: ``CASEWORK_WORK_DIR``, else ``내 작업`` beside or above.

    Looks in the notebook's folder and the two folders above it (``notebooks/`` sits one level
    under the workbook's root, where ``내 작업`` is); if none has one, makes it beside the notebook.
    """
    named = os.environ.get("CASEWORK_WORK_DIR")
    if named:
        folder = Path(named)
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    here = (start or Path.cwd()).resolve()
    for folder in (here, *list(here.parents)[:2]):
        if (folder / WORK_FOLDER).is_dir():
            return folder / WORK_FOLDER
    (here / WORK_FOLDER).mkdir(exist_ok=True)
    return here / WORK_FOLDER


def current_notebook() -> Path:
    """The notebook file this kernel belongs to (JupyterLab tells the kernel when it starts it)."""
    name = os.environ.get("JPY_SESSION_NAME", "")
    path = Path(name)
    if not name or path.suffix != ".ipynb":
        raise CaseworkError(
            "어느 노트북인지 알 수 없습니다. JupyterLab에서 노트북을 열고 그 안의 단추를 눌러 주세요. "
            "강사라면 명령줄의 'casework export'를 쓰세요."
        )
    if not path.is_file():
        raise CaseworkError(
            f"노트북 파일을 찾지 못했습니다: {path.name}. 이름을 바꾸었다면 커널을 다시 시작하고 셀을 위에서부터 다시 실행하세요."
        )
    return path


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 1024:.0f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def download_links(files: Sequence[Path], notes: Iterable[str] = (), *, base: Path | None = None) -> str:
    """HTML: one download link per file (relative to ``base``, the notebook's folder) and notes."""
    base = (base or Path.cwd()).resolve()
    items = []
    for path in files:
        href = quote(Path(os.path.relpath(path.resolve(), base)).as_posix())
        items.append(
            f"<li><a href='{html.escape(href)}' download='{html.escape(path.name)}'>"
            f"{html.escape(path.name)}</a> ({_size(path)})</li>"
        )
    folder = html.escape(files[0].parent.name) if files else WORK_FOLDER
    notes_html = "".join(f"<p>{html.escape(n)}</p>" for n in notes)
    return (
        "<div class='casework-downloads' style='border-left:4px solid #2e7d32;padding:.3rem .8rem'>"
        f"<p><b>저장했습니다.</b> 파일 이름을 누르면 내 컴퓨터로 내려받습니다. 왼쪽 파일 목록의 "
        f"'{folder}' 폴더에도 있습니다.</p><ul>{''.join(items)}</ul>{notes_html}</div>"
    )


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d_%H%M")


def _free_stem(folder: Path, stem: str, suffixes: Iterable[str]) -> str:
    suffixes = list(suffixes)
    candidate, number = stem, 2
    while any((folder / f"{candidate}{s}").exists() for s in suffixes):
        candidate, number = f"{stem}_{number}", number + 1
    return candidate


def _live_widget_state() -> dict[str, Any]:
    import sys

    if "ipywidgets" not in sys.modules:
        return {}
    from ipywidgets import Widget

    return dict(Widget.get_manager_state(drop_defaults=False).get("state") or {})


def _stale_note(saved_counts: list[int]) -> str:
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return ""
    shell = get_ipython()
    if shell is None or not saved_counts:
        return ""
    # This cell runs as number N; a file saved right before it holds cells up to N-1.
    if max(saved_counts) < shell.execution_count - 1:
        return ("주의: 마지막으로 저장한 뒤에 실행한 셀이 있습니다. 그 결과까지 담으려면 Ctrl+S로 저장하고 "
                "다시 눌러 주세요.")
    return ""


def save_notebook(notebook: str | os.PathLike[str] | None = None, *, pdf: bool = True) -> Saved:
    """Save the notebook (as last saved, with the answers now in its widgets) as HTML and PDF.

    Save first (Ctrl+S): the page is made from the file. Files go to ``내 작업`` with the time
    in their name, so earlier copies are kept.
    """
    from casework.export.files import export_notebook, read_notebook
    from casework.export.pdf import NO_BROWSER, find_browser

    path = Path(notebook) if notebook is not None else current_notebook()
    nb = read_notebook(path)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code" and c.execution_count]
    if not counts:
        raise CaseworkError(
            "저장된 노트북에 실행 결과가 없습니다. 셀을 실행하고 Ctrl+S로 저장한 뒤 다시 눌러 주세요."
        )
    folder = work_folder(path.parent)
    stem = _free_stem(folder, f"{path.stem}_{_stamp()}", (".html", ".pdf"))
    live = _live_widget_state()
    files = export_notebook(path, folder, formats=["html"], stem=stem, live_state=live, notebook=nb)
    notes = [_stale_note(counts)]
    if pdf:
        if find_browser() is None:
            notes.append(NO_BROWSER)
        else:
            from casework.export.pdf import html_to_pdf

            files.append(html_to_pdf(files[0], folder / f"{stem}.pdf"))
    return Saved(files, notes, base=Path.cwd())


PLAN_FORMATS = ("xlsx", "hwpx", "html")


def plan_files(plan: Any, *, formats: Sequence[str] = PLAN_FORMATS,
               folder: str | os.PathLike[str] | None = None) -> Saved:
    """Save a service plan as .xlsx, .hwpx and .html in ``folder`` (default ``내 작업``), with
    download links: what the plan form's '파일로 저장' button does with the plan it has just checked.
    """
    from casework import plan_export
    from casework.planning import ServicePlan

    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"저장할 계획표(ServicePlan)를 주세요. 받은 값: {type(plan).__name__}")
    unknown = [f for f in formats if f not in PLAN_FORMATS]
    if unknown or not formats:
        raise CaseworkError(f"계획표는 {', '.join(PLAN_FORMATS)} 가운데서 고르세요: {', '.join(unknown) or '(없음)'}")
    folder = Path(folder) if folder is not None else work_folder()
    if not folder.is_dir():
        raise CaseworkError(f"저장할 폴더가 없습니다: {folder}")
    stem = _free_stem(folder, f"서비스계획표_{_stamp()}", [f".{f}" for f in formats])
    files = []
    for fmt in formats:
        target = folder / f"{stem}.{fmt}"
        if fmt == "xlsx":
            files.append(plan.to_excel(target))
        elif fmt == "hwpx":
            files.append(plan_export.to_hwpx(plan, target))
        else:
            from casework._util.fs import atomic_write

            files.append(atomic_write(target, plan.to_html(), overwrite=False))
    return Saved(files, ["생년월일 같은 개인정보가 들어 있으니, 동의한 사람만 볼 수 있는 곳에 두세요."],
                 base=Path.cwd())
