"""HTML to PDF with a Chromium-family browser in headless mode: no pandoc, no TeX.

Debian's ``chromium`` (installed by ``python3 tasks.py`` as root) or, on an office PC, Chrome
or Edge. ``CASEWORK_BROWSER`` names another executable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from casework._util.fs import atomic_write
from casework.errors import CaseworkError

__all__ = ["find_browser", "html_to_pdf", "NO_BROWSER"]

_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge",
          "microsoft-edge")
_PLACES = (
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
)
NO_BROWSER = (
    "PDF를 만들 브라우저(Chromium, Chrome, Edge)를 찾지 못했습니다. HTML 파일은 저장했으니 브라우저로 "
    "열어 인쇄(Ctrl+P) → 'PDF로 저장'을 고르세요. 관리자는 'python3 tasks.py lab'을 root로 실행하면 "
    "Chromium이 설치됩니다."
)


def find_browser() -> str | None:
    """Path of a Chromium-family browser, or None."""
    named = os.environ.get("CASEWORK_BROWSER")
    if named:
        return named if Path(named).exists() or shutil.which(named) else None
    for name in _NAMES:
        found = shutil.which(name)
        if found:
            return found
    return next((place for place in _PLACES if Path(place).exists()), None)


def html_to_pdf(source: str | os.PathLike[str], target: str | os.PathLike[str], *,
                overwrite: bool = False, timeout: float = 120.0) -> Path:
    """Print the HTML file ``source`` to the PDF ``target`` (A4, as its print CSS says)."""
    browser = find_browser()
    if browser is None:
        raise CaseworkError(NO_BROWSER)
    source, target = Path(source).resolve(), Path(target)
    with tempfile.TemporaryDirectory(prefix="casework-pdf-") as temp:
        pdf = Path(temp) / "out.pdf"
        cmd = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-extensions",
            f"--user-data-dir={Path(temp) / 'profile'}", "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}", source.as_uri(),
        ]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise CaseworkError(f"PDF를 {timeout:.0f}초 안에 만들지 못했습니다: {source.name}") from None
        if done.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
            raise CaseworkError(f"브라우저가 PDF를 만들지 못했습니다({detail[0][:200]}).")
        return atomic_write(target, pdf.read_bytes(), overwrite=overwrite)
