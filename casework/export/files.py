"""Export a notebook file as HTML and/or PDF into a folder (what ``casework export`` does)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import nbformat

from casework._util.fs import atomic_write
from casework.errors import CaseworkError
from casework.export.html import notebook_to_html
from casework.export.pdf import html_to_pdf

__all__ = ["FORMATS", "read_notebook", "execute_notebook", "export_notebook"]

FORMATS = ("html", "pdf")


def read_notebook(path: str | os.PathLike[str]) -> nbformat.NotebookNode:
    """Read a notebook, or say in Korean why it cannot be read."""
    source = Path(path)
    if source.suffix != ".ipynb":
        raise CaseworkError(f"노트북 파일(.ipynb)을 주세요: {source.name}")
    if not source.is_file():
        raise CaseworkError(f"노트북 파일이 없습니다: {source}")
    try:
        return nbformat.read(source, as_version=4)
    except Exception as exc:  # invalid JSON, wrong schema, bad encoding
        raise CaseworkError(f"노트북을 읽을 수 없습니다: {source.name} ({type(exc).__name__})") from None


def execute_notebook(nb: nbformat.NotebookNode, cwd: Path, *, timeout: float = 120.0) -> nbformat.NotebookNode:
    """Run every cell in a fresh kernel started in ``cwd``; widget state is kept in metadata."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    client = NotebookClient(nb, timeout=timeout, kernel_name="python3", store_widget_state=True,
                            resources={"metadata": {"path": str(cwd)}})
    try:
        # The kernel's own log lines (e.g. about its transport) are not for the reader.
        client.execute(stderr=subprocess.DEVNULL)
    except CellExecutionError as exc:
        first = str(exc).strip().splitlines()[-1:] or [""]
        raise CaseworkError(f"노트북을 실행하다 오류가 났습니다: {first[0][:300]}") from None
    return nb


def export_notebook(
    path: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    formats: Iterable[str] = FORMATS,
    run: bool = False,
    stem: str | None = None,
    live_state: Mapping[str, Any] | None = None,
    notebook: nbformat.NotebookNode | None = None,
    overwrite: bool = False,
) -> list[Path]:
    """Write ``path`` as ``out_dir/stem.html`` and/or ``.pdf``; return the files written.

    With ``run`` the notebook is first run from the top in a fresh kernel (for a notebook saved
    without outputs); otherwise the saved outputs and widget state are used as they are.
    ``notebook`` gives the content when it is already read (the file is then only a name).
    """
    wanted = [f.lower() for f in formats]
    unknown = sorted(set(wanted) - set(FORMATS))
    if unknown or not wanted:
        raise CaseworkError(f"내보낼 형식은 html, pdf 가운데서 고르세요: {', '.join(unknown) or '(없음)'}")
    source = Path(path)
    nb = notebook if notebook is not None else read_notebook(source)
    out = Path(out_dir)
    if not out.is_dir():
        raise CaseworkError(f"저장할 폴더가 없습니다: {out}")
    stem = stem or source.stem
    targets = {fmt: out / f"{stem}.{fmt}" for fmt in wanted}
    existing = [t.name for t in targets.values() if t.exists()]
    if existing and not overwrite:
        raise CaseworkError(
            f"이미 파일이 있습니다: {', '.join(existing)}. 덮어쓰려면 --force를 붙이거나 다른 폴더를 고르세요."
        )
    if run:
        nb = execute_notebook(nb, source.parent.resolve())
    page = notebook_to_html(nb, live_state=live_state, base_dir=source.parent.resolve())
    written: list[Path] = []
    if "html" in targets:
        written.append(atomic_write(targets["html"], page, overwrite=overwrite))
    if "pdf" in targets:
        with tempfile.TemporaryDirectory(prefix="casework-export-") as temp:
            html_file = targets.get("html") or atomic_write(Path(temp) / "page.html", page, overwrite=False)
            written.append(html_to_pdf(html_file, targets["pdf"], overwrite=overwrite))
    return written
