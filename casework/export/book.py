"""The whole workbook as a read-only static site: every chapter run fresh, then one page each.

For a study group that reads on a phone or on paper instead of running code: code cells are
hidden, outputs (tables, charts, the worked feedback) are those of a fresh run, widgets show
as they look before anyone answers, and nothing is fetched from the internet when a page is
viewed. ``casework book --out build/book`` builds it; open ``index.html``.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote

import nbformat

from casework._util.fs import atomic_write
from casework.errors import CaseworkError
from casework.export.files import execute_notebook, read_notebook
from casework.export.html import PAGE_CSS, notebook_title, notebook_to_html

__all__ = ["BookPage", "Book", "chapter_files", "build_book"]

BOOK_TITLE = "사례관리 워크북"
NOTE = (
    "읽기 전용판입니다. 워크북을 처음부터 한 번 실행한 결과를 담았고, 코드는 감추었습니다. "
    "위젯은 아직 아무도 답하지 않은 모습이니, 직접 풀어 보려면 JupyterLab에서 노트북을 여세요."
)


@dataclass(frozen=True)
class BookPage:
    source: Path
    file_name: str
    title: str
    seconds: float


@dataclass(frozen=True)
class Book:
    index: Path
    pages: tuple[BookPage, ...]
    seconds: float


def chapter_files(notebooks: Path) -> list[Path]:
    """The chapter notebooks ``NN_*.ipynb`` of a folder, in chapter order."""
    files = sorted(p for p in notebooks.glob("[0-9][0-9]_*.ipynb") if p.is_file())
    if not files:
        raise CaseworkError(f"장 노트북(00_….ipynb)이 없습니다: {notebooks}")
    return files


_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+?\.ipynb)(#[^)\s]*)?\)")


def _relink(nb: nbformat.NotebookNode, pages: dict[str, str]) -> None:
    """Links to other chapters point at their pages; a link to a notebook not in the book
    becomes its plain text."""

    def swap(match: re.Match[str]) -> str:
        target = pages.get(Path(unquote(match.group(2))).name)
        if target is None:
            return match.group(1)
        return f"[{match.group(1)}]({quote(target)}{match.group(3) or ''})"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _LINK.sub(swap, cell.source)


def _nav(pages: Sequence[BookPage], at: int | None, *, bottom: bool = False) -> str:
    links = ["<a href='index.html'>목차</a>"]
    if at is not None and at > 0:
        prev = pages[at - 1]
        links.insert(0, f"<a href='{quote(prev.file_name)}'>← {html.escape(prev.title)}</a>")
    if at is not None and at + 1 < len(pages):
        nxt = pages[at + 1]
        links.append(f"<a href='{quote(nxt.file_name)}'>{html.escape(nxt.title)} →</a>")
    return f"<nav class='cw-nav{' cw-bottom' if bottom else ''}'>{''.join(links)}</nav>"


def _index_page(pages: Sequence[BookPage]) -> str:
    items = "".join(
        f"<li><a href='{quote(p.file_name)}'>{html.escape(p.title)}</a></li>" for p in pages
    )
    return (
        "<!DOCTYPE html><html lang='ko'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1.0'>"
        f"<title>{BOOK_TITLE}</title><style>{PAGE_CSS}</style></head>"
        f"<body class='cw-page'><main><h1>{BOOK_TITLE}</h1>"
        "<p>동 주민센터·구청 사회복지 공무원의 사례관리 학습 동아리를 위한 워크북입니다.</p>"
        f"<p class='cw-note'>{html.escape(NOTE)}</p>"
        f"<h2>차례</h2><ol class='cw-toc'>{items}</ol></main></body></html>"
    )


def build_book(
    out_dir: str | Path,
    notebooks: str | Path,
    *,
    chapters: Sequence[str] | None = None,
    workers: int = 2,
    timeout: float = 120.0,
    on_page: Callable[[BookPage], None] | None = None,
) -> Book:
    """Run each chapter of ``notebooks`` in a fresh kernel and write its page into ``out_dir``.

    ``chapters`` picks chapters by number (``["05", "08"]``); default all, in order.
    """
    started = time.perf_counter()
    source_dir = Path(notebooks)
    files = chapter_files(source_dir)
    if chapters is not None:
        wanted = {str(c).zfill(2) for c in chapters}
        unknown = sorted(wanted - {p.name[:2] for p in files})
        if unknown:
            raise CaseworkError(f"없는 장 번호입니다: {', '.join(unknown)}")
        files = [p for p in files if p.name[:2] in wanted]
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    names = {p.name: f"{p.stem}.html" for p in files}

    def run(path: Path) -> tuple[nbformat.NotebookNode, float]:
        begun = time.perf_counter()
        nb = execute_notebook(read_notebook(path), path.parent.resolve(), timeout=timeout)
        return nb, time.perf_counter() - begun

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        results = list(pool.map(run, files))
    pages = [
        BookPage(path, names[path.name], notebook_title(nb, path.stem), seconds)
        for path, (nb, seconds) in zip(files, results)
    ]
    for at, (page, (nb, _)) in enumerate(zip(pages, results)):
        _relink(nb, names)
        body = notebook_to_html(
            nb, title=f"{page.title} - {BOOK_TITLE}", hide_code=True, base_dir=page.source.parent,
            header_html=_nav(pages, at), footer_html=_nav(pages, at, bottom=True),
        )
        atomic_write(out / page.file_name, body, overwrite=True)
        if on_page is not None:
            on_page(page)
    index = atomic_write(out / "index.html", _index_page(pages), overwrite=True)
    return Book(index, tuple(pages), time.perf_counter() - started)
