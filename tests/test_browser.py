"""Does chapter 07's goal checker work for a learner in a real JupyterLab in a real browser?

One end-to-end test: start JupyterLab from the project venv, open chapter 07 in headless
Chromium (Debian's /usr/bin/chromium, driven by Playwright; no browser download), run all
cells from the Run menu (실행 → 모든 셀 실행; the interface is Korean), type a goal with a known planning mistake into the goal checker,
press its button and read the feedback. A full-page screenshot is saved to
build/browser_ch07.png for a person to look at (Hangul glyphs, no toast over the page).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from urllib.parse import quote

import pytest

from casework.goals import PlanningMistake
from tests.browser.jupyterlab import ROOT, running_lab

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
NOTEBOOK = "notebooks/07_목표_설정과_계획_수립.ipynb"
SCREENSHOT = ROOT / "build" / "browser_ch07.png"
FAILURE_SCREENSHOT = ROOT / "build" / "browser_ch07_failure.png"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
GOAL = "도시락 배달 서비스를 연계한다"
# The service itself written as the goal: the first of the textbook's seven planning mistakes.
EXPECTED = PlanningMistake.WORKER_TASK.value
RUN_TIMEOUT_MS = 60_000

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (python3 tasks.py test does it as root)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def lab(tmp_path):
    with running_lab(tmp_path) as server:
        yield server


@pytest.fixture
def page(tmp_path):
    with sync_api.sync_playwright() as pw:
        # A persistent context is how Playwright takes an explicit --user-data-dir: a fresh,
        # temporary Chromium profile for this test only.
        context = pw.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


def _wait_for_idle_kernel(lab, page, notebook: str = NOTEBOOK) -> None:
    """Wait until the server has one idle kernel for the notebook, connected to this page.

    The toolbar's execution indicator says 'idle' for a moment before a kernel even exists, so
    the server's session list is asked first; then the page's own indicator must agree.
    """
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while True:
        state = lab.kernel_state(notebook)
        if state is not None and state[0] == "idle" and state[1] >= 1:
            break
        assert time.monotonic() < deadline, f"kernel not idle (state {state}):\n{lab.log_tail()}"
        page.wait_for_timeout(250)
    indicator = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator")
    sync_api.expect(indicator).to_have_attribute("data-status", "idle", timeout=RUN_TIMEOUT_MS)


def _all_cells_ran(page) -> bool:
    prompts = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt")
    texts = [t.strip() for t in prompts.all_inner_texts()]
    return bool(texts) and all(re.fullmatch(r"\[\d+\]:", t) for t in texts)


def test_goal_checker_names_the_planning_mistake(lab, page):
    """Does typing '도시락 배달 서비스를 연계한다' and pressing 목표 점검 name the worker-task mistake?"""
    before = (ROOT / NOTEBOOK).read_bytes() if (ROOT / NOTEBOOK).is_file() else b""
    try:
        _drive_goal_checker(lab, page)
    except BaseException:
        FAILURE_SCREENSHOT.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(FAILURE_SCREENSHOT), full_page=True)
        raise
    assert (ROOT / NOTEBOOK).read_bytes() == before, "the browser session changed the notebook file"


def _drive_goal_checker(lab, page) -> None:
    expect = sync_api.expect
    assert (ROOT / NOTEBOOK).is_file(), f"{NOTEBOOK} is missing"
    page.goto(f"{lab.url}/lab/tree/{quote(NOTEBOOK)}", wait_until="domcontentloaded")

    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    _wait_for_idle_kernel(lab, page)

    # The menus are Korean: jupyter/overrides.json sets the ko_KR language pack.
    page.locator(".lm-MenuBar-item").get_by_text("실행", exact=True).click()
    menu = page.locator(".lm-Menu")
    menu.locator(".lm-Menu-itemLabel").get_by_text("모든 셀 실행", exact=True).click()

    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while not _all_cells_ran(page):
        assert time.monotonic() < deadline, f"cells did not finish running:\n{lab.log_tail()}"
        page.wait_for_timeout(250)
    _wait_for_idle_kernel(lab, page)
    errors = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()

    checkers = panel.locator(".casework-goal-checker")
    expect(checkers.first).to_be_visible(timeout=RUN_TIMEOUT_MS)
    checker = checkers.first
    box = checker.locator("input[placeholder^='목표를 입력하세요'], textarea[placeholder^='목표를 입력하세요']")
    expect(box).to_have_count(1)
    box.scroll_into_view_if_needed()
    box.fill(GOAL)
    checker.locator("button").get_by_text("목표 점검", exact=True).click()

    feedback = checker.locator(".casework-feedback")
    expect(feedback).to_contain_text(EXPECTED, timeout=30_000)

    checker.scroll_into_view_if_needed()
    expect(page.locator(".Toastify__toast")).to_have_count(0)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
