"""The read-only book: built offline from a fresh run, readable on a phone, printable.

One build of two chapters (05 with charts and tables, 08 with the progress chart) is shared by
every test here; ``casework book`` builds all twelve the same way. The browser part opens the
pages in headless Debian Chromium (Playwright with /usr/bin/chromium, no browser download) and
saves screenshots under build/ for a person to look at.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casework.export.book import build_book

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    return build_book(tmp_path_factory.mktemp("book"), ROOT / "notebooks", chapters=["05", "08"])


def test_book_has_an_index_and_one_page_per_chapter(book):
    """Are there index.html and a page per chosen chapter, in order, linked from the index?"""
    names = [p.file_name for p in book.pages]
    assert names == ["05_사례연구_80세_독거노인.html", "08_서비스_제공_점검_재사정.html"]
    index = book.index.read_text(encoding="utf-8")
    assert all(p.title in index for p in book.pages)
    assert index.index(book.pages[0].title) < index.index(book.pages[1].title)
    page = (book.index.parent / names[0]).read_text(encoding="utf-8")
    assert "08_%EC%84%9C%EB%B9%84%EC%8A%A4" in page, "no 'next' link from 05 to 08"
    assert ".ipynb" not in re.sub(r"<pre.*?</pre>", "", page, flags=re.S), "a link still points at a notebook"


def test_pages_fetch_nothing_and_hide_code(book):
    """Do the pages load no script or stylesheet from the internet and show no code cells?"""
    for page in [book.index, *(book.index.parent / p.file_name for p in book.pages)]:
        text = page.read_text(encoding="utf-8")
        assert "<script" not in text, page.name
        assert not re.search(r"<(?:link|img|iframe|source)[^>]+(?:src|href)=['\"]?(?:https?:)?//", text), page.name
        assert 'name="viewport"' in text or "name='viewport'" in text, page.name
        assert not re.search(r'class="[^"]*jp-InputArea-editor', text), f"{page.name} shows code"


if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (python3 tasks.py test installs it as root)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.mark.browser
def test_chart_and_table_on_a_phone(book, browser):
    """On a 390-px phone screen: does chapter 05 show a chart image and a Korean table, no sideways page?"""
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((book.index.parent / book.pages[0].file_name).as_uri())
    charts = page.locator(".jp-OutputArea-output img[src^='data:image/png']")
    assert charts.count() >= 2
    chart = charts.first
    chart.scroll_into_view_if_needed()
    size = chart.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
    assert size[0] > 200 and 0 < size[1] <= 390, size
    assert page.locator("[data-mime-type='application/vnd.jupyter.stderr']").count() == 0
    tables = page.locator("main table").filter(has_text="사례관리 실천방법")
    assert tables.count() >= 1
    assert tables.first.locator("tr").count() >= 3
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 391, f"the page scrolls sideways on a phone ({width}px)"
    assert all(u.startswith(("file:", "data:")) for u in requests), [u for u in requests if not u.startswith(("file:", "data:"))]
    BUILD.mkdir(exist_ok=True)
    page.screenshot(path=str(BUILD / "book_ch05_phone.png"))
    chart.screenshot(path=str(BUILD / "book_ch05_chart.png"))
    page.close()


@pytest.mark.browser
def test_desktop_page_and_print(book, browser):
    """Does chapter 08 read on a desktop with its chart, and print without the navigation bar?"""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto((book.index.parent / book.pages[1].file_name).as_uri())
    assert page.locator("h1").first.inner_text().startswith("08.")
    assert page.locator(".jp-OutputArea-output img[src^='data:image/png']").count() >= 1
    nav = page.locator("nav.cw-nav").first
    assert nav.is_visible()
    page.screenshot(path=str(BUILD / "book_ch08_desktop.png"))
    page.emulate_media(media="print")
    assert not nav.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000
    (BUILD / "book_ch08_print.pdf").write_bytes(pdf)
    page.close()
