"""One-line calls for a notebook cell: keep this chapter or a plan, with download links.

* :func:`save_notebook` — the notebook this kernel runs, as saved, with the answers now in its
  widgets, as HTML and PDF in the learner's folder ``내 작업``.
* :func:`plan_files` — a service plan (by default the one last checked in the plan form
  above) as .xlsx, .hwpx and printable .html in the same folder.

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
            "어느 노트북인지 알 수 없습니다. JupyterLab에서 연 노트북에서 실행하거나, "
            "save_notebook('파일이름.ipynb')처럼 노트북 파일을 적어 주세요."
        )
    if not path.is_file():
        raise CaseworkError(
            f"노트북 파일을 찾지 못했습니다: {path.name}. 이름을 바꾸었다면 커널을 다시 시작한 뒤 실행하세요."
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
                "이 셀을 다시 실행하세요.")
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
            "저장된 노트북에 실행 결과가 없습니다. 셀을 실행하고 Ctrl+S로 저장한 뒤 이 셀을 다시 실행하세요."
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


def _checked_form_plan():  # -> ServicePlan | None
    """The plan last checked (계획표 확인) in a service plan form shown in this kernel."""
    import sys

    if "ipywidgets" not in sys.modules:
        return None
    from ipywidgets.widgets import widget as widget_module

    instances = getattr(widget_module, "_instances", {})
    plans = []
    for widget in list(instances.values()):
        state = getattr(widget, "state", None)
        if "casework-plan-form" in getattr(widget, "_dom_classes", ()) and isinstance(state, dict):
            if state.get("plan") is not None:
                plans.append(state["plan"])
    return plans[-1] if plans else None


PLAN_FORMATS = ("xlsx", "hwpx", "html")


def plan_files(plan: Any = None, *, formats: Sequence[str] = PLAN_FORMATS) -> Saved | str:
    """Save a service plan as .xlsx, .hwpx and .html in ``내 작업``, with download links.

    Without ``plan``: the plan last checked with '계획표 확인' in the form above.
    """
    from casework import plan_export
    from casework.planning import ServicePlan

    if plan is None:
        plan = _checked_form_plan()
        if plan is None:
            return _Message(
                "아직 확인한 계획표가 없습니다. 위 양식을 채우고 '계획표 확인'을 누른 뒤 이 셀을 다시 "
                "실행하세요. 예시 계획표로 해 보려면 괄호 안에 plan을 넣으세요: plan_files(plan)"
            )
    if not isinstance(plan, ServicePlan):
        raise CaseworkError(f"저장할 계획표(ServicePlan)를 주세요. 받은 값: {type(plan).__name__}")
    unknown = [f for f in formats if f not in PLAN_FORMATS]
    if unknown or not formats:
        raise CaseworkError(f"계획표는 {', '.join(PLAN_FORMATS)} 가운데서 고르세요: {', '.join(unknown) or '(없음)'}")
    folder = work_folder()
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


class _Message(str):
    """A Korean sentence shown as a grey note in a notebook, as itself elsewhere."""

    def _repr_html_(self) -> str:
        return f"<div class='casework-downloads' style='color:#555'>{html.escape(str(self))}</div>"

    def __repr__(self) -> str:
        return str(self)
