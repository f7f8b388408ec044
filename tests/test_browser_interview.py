"""Does chapter 04's interview answer a learner in a real JupyterLab in a real browser?

Start JupyterLab from the project venv, open chapter 04 in headless Debian Chromium (Playwright,
no browser download), run all cells, type three questions into the interview box and press 묻기
after each, then read the replies, the cue on the leading question and the facts learned. A
full-page screenshot is saved to build/browser_ch04_interview.png for a person to look at.
The JupyterLab (serving a copy of the workbook) and Chromium set-up is the one tests/test_browser.py uses.
"""

from __future__ import annotations

import pytest

from tests.browser.jupyterlab import ROOT
from tests.test_browser import (  # noqa: F401
    TIMEOUT_MS,
    _no_errors_on_page,
    _open,
    _panel,
    _run_all,
    lab,
    page,
    sync_api,
    workbook,
)

pytestmark = pytest.mark.browser

NOTEBOOK = "notebooks/04_초기상담과_정보수집.ipynb"
SCREENSHOT = ROOT / "build" / "browser_ch04_interview.png"
FAILURE_SCREENSHOT = ROOT / "build" / "browser_ch04_interview_failure.png"
QUESTIONS = ["요즘 어떻게 지내세요?", "혼자 병원 다니시기가 많이 힘드셨군요.", "혼자 사시니까 많이 외로우시죠?"]


def test_three_questions_get_three_replies(lab, page):  # noqa: F811
    """Typing three questions into chapter 04's interview box: are the replies, a cue and the facts shown?"""
    before = (ROOT / NOTEBOOK).read_bytes()
    try:
        _drive_interview(lab, page)
    except BaseException:
        FAILURE_SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(FAILURE_SCREENSHOT), full_page=True)
        raise
    finally:
        lab.end_sessions()
    assert (ROOT / NOTEBOOK).read_bytes() == before, "the browser session changed the notebook file"


def _drive_interview(lab, page) -> None:  # noqa: F811
    expect = sync_api.expect
    _open(lab, page, NOTEBOOK)
    _run_all(lab, page, NOTEBOOK)
    _no_errors_on_page(page)
    panel = _panel(page)

    box = panel.locator(".casework-interview").first
    expect(box).to_be_visible(timeout=TIMEOUT_MS)
    field = box.locator("input[placeholder^='어르신께 할 말을']")
    expect(field).to_have_count(1)
    transcript = box.locator(".casework-interview-transcript")
    for number, question in enumerate(QUESTIONS, start=1):
        field.scroll_into_view_if_needed()
        field.fill(question)
        box.locator("button").get_by_text("묻기", exact=True).click()
        expect(transcript).to_contain_text(f"{number}. 나: {question}", timeout=30_000)
    expect(transcript).to_contain_text("제일 힘든 건 병원 가는 거예요")      # the reply to the open question
    expect(transcript).to_contain_text("버스는 혼자 못 타요")                # what the reflection brought
    expect(transcript).to_contain_text("[답을 유도하는 질문]")               # the cue on the leading question
    expect(box.locator(".casework-interview-facts")).to_contain_text("(2/18)")
    expect(box.locator(".casework-interview-manner")).to_contain_text("지금 모습")
    box.scroll_into_view_if_needed()
    expect(page.locator(".Toastify__toast")).to_have_count(0)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    box.screenshot(path=str(SCREENSHOT))
