"""Does the workbook work for a learner in a real JupyterLab in a real browser?

One JupyterLab (from the project venv) serves a temporary copy of the workbook (notebooks/,
exercises/, 내 작업/), so saving never touches the repository; headless Chromium is Debian's
/usr/bin/chromium driven by Playwright (no browser download). For every chapter:

1. the notebook opens and the menu bar is Korean (파일, 편집, 보기, 실행, 커널);
2. 실행 → 모든 셀 실행 runs every cell with no error output and no "Error displaying widget";
3. one widget exercise is answered and checked, clicking only exact buttons inside that cell;
4. Ctrl+S saves it (the saved widget state must hold the feedback), the tab is closed (the
   kernel shuts down with it), the notebook is opened and run again: the widget brings the answer
   back from the learner's progress file and says so, with no widget error.

One exercise notebook is answered in plain Korean in a ``%%답`` cell, checked, saved, closed and
reopened the same way. Screenshots go to build/screenshots/ for a person to look at. Three
chapters run every time; the other nine are marked ``slow`` (see QUICK).
"""

from __future__ import annotations

import json
import re
import shutil
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import nbformat
import pytest

from tests.browser.jupyterlab import ROOT, running_lab

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
TIMEOUT_MS = 60_000
KOREAN_MENUS = ["파일", "편집", "보기", "실행", "커널"]
WIDGET_ERROR = re.compile(r"Error displaying widget|model not found", re.I)

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is missing: install Debian's chromium (python3 tasks.py test does it as root)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect


# --------------------------------------------------------------------------- what a learner does


@dataclass(frozen=True)
class Exercise:
    """One widget exercise of a chapter: which cell, how to answer, what the feedback says."""

    chapter: str
    cell: str  # a piece of the widget cell's source, to find its index in the notebook file
    answer: Callable  # (cell locator) -> locator of the first control answered
    button: str  # the exact label of the button that checks
    expected: str  # text the feedback must contain
    kept: Callable  # (cell locator) -> None: assert the answer is shown
    result: str = "맞음"  # the last result the widget reports when it brings the answer back

    @property
    def path(self) -> str:
        return next(p for p in (ROOT / "notebooks").glob(f"{self.chapter}_*.ipynb")).relative_to(ROOT).as_posix()


def _correct_option(chapter: str, question: str) -> str:
    from casework.quiz import load_quiz

    item = next(q for q in load_quiz(chapter).questions if q.id == question)
    return next(o.text for o in item.options if o.correct)


def _radio(text: str):
    return lambda cell: cell.get_by_role("radio", name=text, exact=True)


def _question(cell, prompt: str):
    """The innermost widget box in ``cell`` whose text holds ``prompt`` (one quiz question)."""
    return cell.locator(".widget-vbox", has_text=prompt).last if prompt else cell


def _choose(text: str, prompt: str = ""):
    def answer(cell):
        radio = _radio(text)(_question(cell, prompt))
        radio.check()
        return radio

    return answer


def _chosen(text: str, prompt: str = ""):
    return lambda cell: expect(_radio(text)(_question(cell, prompt))).to_be_checked()


def _type(text: str, nth: int = 0):
    def answer(cell) -> None:
        box = cell.locator("input[type='text'], textarea").nth(nth)
        box.scroll_into_view_if_needed()
        box.fill(text)
        return box

    return answer


def _typed(text: str, nth: int = 0):
    return lambda cell: expect(cell.locator("input[type='text'], textarea").nth(nth)).to_have_value(text)


def _selected_labels(cell) -> list[str]:
    """The chosen option of every dropdown in ``cell`` (ipywidgets writes spaces as no-break spaces)."""
    labels = cell.locator("select").evaluate_all("ss => ss.map(s => s.options[s.selectedIndex]?.textContent ?? '')")
    return [label.replace("\xa0", " ") for label in labels]


def _select(labels: list[str]):
    def answer(cell):
        for nth, label in enumerate(labels):
            cell.locator("select").nth(nth).select_option(label=label)
        return cell.locator("select").first

    return answer


def _selected(labels: list[str]):
    def kept(cell) -> None:
        expect(cell.locator("select").first).to_be_visible()
        assert _selected_labels(cell)[: len(labels)] == labels

    return kept


def _tick(labels: list[str], scope: str = ""):
    def answer(cell):
        area = cell.locator(scope) if scope else cell
        for label in labels:
            area.get_by_role("checkbox", name=label, exact=True).check()
        return area.get_by_role("checkbox", name=labels[0], exact=True)

    return answer


def _ticked(labels: list[str], scope: str = ""):
    def kept(cell) -> None:
        area = cell.locator(scope) if scope else cell
        for label in labels:
            expect(area.get_by_role("checkbox", name=label, exact=True)).to_be_checked()

    return kept


def _slide_to(value: int):
    def answer(cell):
        readout = cell.locator(".widget-readout").first
        readout.click()
        readout.press("Control+A")
        readout.type(str(value))
        readout.press("Enter")
        expect(readout).to_have_text(str(value))
        return readout

    return answer


def _slid_to(value: int):
    return lambda cell: expect(cell.locator(".widget-readout").first).to_have_text(str(value))


def _both(*steps):
    def run(cell):
        return [step(cell) for step in steps][-1]

    return run


def _button(scope, label: str):
    """The button whose text is exactly ``label`` (its icon's CSS glyph is not part of the text)."""
    return scope.locator("button").get_by_text(label, exact=True)


def _click(label: str):
    return lambda cell: _button(cell, label).click()


def _people(frame) -> list[str]:
    """The tick labels of the agency-list exercise for the people in ``frame``: '가○○ (1941-03)'."""
    return [f"{name} ({born})" for name, born in frame[["이름", "생년월일"]].values.tolist()]


def _exercises() -> list[Exercise]:
    from casework.agency_lists import missed, sample_agency_lists, sample_need_list, served_twice
    from casework.assessment import KADL_ITEMS, KADL_LEVELS
    from casework.caseload import example_team, lowest_shared_limit
    from casework.cases import load_case
    from casework.goals import PlanningMistake
    from casework.judging.next_step import step_label
    from casework.scenario_models import next_step_scenarios

    first_scenario = next_step_scenarios()[0]
    kadl = {score.item: score.score for score in load_case("elderly_alone").practice_data.kadl}
    kadl_labels = [f"{kadl[item]} · {KADL_LEVELS[kadl[item]]}" for item in KADL_ITEMS]
    lists = sample_agency_lists()
    pair = [lists["가나1동 주민센터"], lists["가나종합사회복지관"]]
    twice, missing = _people(served_twice(pair)), _people(missed(sample_need_list(), pair))
    months = ["1개월", "3개월", "6개월"]
    checklist = [f"{i}." for i in range(1, 8)]
    limit = lowest_shared_limit(example_team())
    need = "손녀의 학교생활 적응의 욕구"
    question = "요즘 하루를 어떻게 보내세요?"
    goal = "도시락 배달 서비스를 연계한다"
    return [
        Exercise("00", 'only=["run_cell"]', _choose(_correct_option("ch00", "run_cell")), "확인", "맞았습니다",
                 _chosen(_correct_option("ch00", "run_cell"))),
        Exercise("01", 'only=["definitions", "one_agency", "oconnor"', _choose(_correct_option("ch01", "oconnor")),
                 "확인", "맞았습니다", _chosen(_correct_option("ch01", "oconnor"))),
        Exercise("02", "next_step_widget()", _select([step_label(first_scenario.expected)]), "확인", "맞았습니다",
                 _selected([step_label(first_scenario.expected)])),
        Exercise("03", '"scene_01", "scene_02"', _choose(_correct_option("ch03", "scene_01"), "[장면 1]"), "확인",
                 "맞았습니다", _chosen(_correct_option("ch03", "scene_01"), "[장면 1]")),
        Exercise("04", "intake.question_checker()", _type(question), "질문 점검", "맞았습니다", _typed(question)),
        Exercise("05", "exercises.kadl_widget(case)", _select(kadl_labels), "총점 계산", "맞았습니다",
                 _selected(kadl_labels)),
        Exercise("06", "practice_case_widget()", _type(need), "욕구 점검", "맞았습니다", _typed(need)),
        Exercise("07", "goal_checker()", _type(goal), "목표 점검", PlanningMistake.WORKER_TASK.value, _typed(goal),
                 "아직 맞지 않음"),
        Exercise("08", "checklist_widget(SERVICE_CHECKLIST)", _tick_prefixed(checklist), "점검 결과 보기", "맞았습니다",
                 _ticked_prefixed(checklist)),
        Exercise("09", "follow_up_widget()", _tick(months), "일정 만들기", "맞았습니다", _ticked(months)),
        Exercise("10", "caseload_widget()", _slide_to(limit), "이 기준으로 답하기", "맞았습니다", _slid_to(limit)),
        Exercise("11", "agency_list_exercise()",
                 _both(_click("명단 합치기"), _tick(twice, ".widget-gridbox >> nth=0"),
                       _tick(missing, ".widget-gridbox >> nth=1")),
                 "답 확인", "맞았습니다",
                 _both(_ticked(twice, ".widget-gridbox >> nth=0"), _ticked(missing, ".widget-gridbox >> nth=1"))),
    ]


def _tick_prefixed(prefixes: list[str]):
    """Tick the checkboxes whose label starts with each prefix (the checklist's '1.' … '7.')."""

    def answer(cell):
        boxes = [cell.get_by_role("checkbox", name=re.compile("^" + re.escape(prefix) + " ")) for prefix in prefixes]
        for box in boxes:
            box.check()
        return boxes[0]

    return answer


def _ticked_prefixed(prefixes: list[str]):
    def kept(cell) -> None:
        for prefix in prefixes:
            expect(cell.get_by_role("checkbox", name=re.compile("^" + re.escape(prefix) + " "))).to_be_checked()

    return kept


EXERCISES = _exercises()
# Three chapters (a quiz, a free-text checker, a two-step list exercise with tick boxes) and the
# exercise notebook run every time; the other nine chapters are marked slow (about 35 s each on
# the shared 2-core machine): `python3 tasks.py test` and CI run them, `-m "not slow"` skips them.
QUICK = {"00", "04", "11"}
CASES = [pytest.param(e, marks=() if e.chapter in QUICK else pytest.mark.slow, id=f"ch{e.chapter}")
         for e in EXERCISES]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    """A copy of what a learner's JupyterLab shows: notebooks/, exercises/ and an empty 내 작업/."""
    root = tmp_path_factory.mktemp("workbook")
    for folder in ("notebooks", "exercises"):
        shutil.copytree(ROOT / folder, root / folder)
    (root / "내 작업").mkdir()
    return root


@pytest.fixture(scope="module")
def lab(workbook, tmp_path_factory):
    state = tmp_path_factory.mktemp("lab-state")
    env = {"CASEWORK_PROGRESS": str(state / "progress.json"), "CASEWORK_WORK_DIR": str(workbook / "내 작업")}
    with running_lab(state, root=workbook, env=env) as server:
        yield server


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    with sync_api.sync_playwright() as pw:
        # A persistent context is how Playwright takes an explicit --user-data-dir: a fresh,
        # temporary Chromium profile for these tests only.
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(CHROMIUM),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 1000},
        )
        try:
            yield context.pages[0] if context.pages else context.new_page()
        finally:
            context.close()


# --------------------------------------------------------------------------- JupyterLab steps


def _panel(page):
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")


def _wait_for_kernel(lab, page, path: str) -> None:
    """Wait until the server has one idle kernel for ``path``, connected, and the page agrees."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        state = lab.kernel_state(path)
        if state is not None and state[0] == "idle" and state[1] >= 1:
            break
        assert time.monotonic() < deadline, f"kernel not idle (state {state}):\n{lab.log_tail()}"
        page.wait_for_timeout(200)
    indicator = _panel(page).locator(".jp-Notebook-ExecutionIndicator")
    expect(indicator).to_have_attribute("data-status", "idle", timeout=TIMEOUT_MS)


def _open(lab, page, path: str) -> None:
    # ?reset: start from an empty layout, not the tabs the last test left open
    page.goto(f"{lab.url}/lab/tree/{quote(path)}?reset", wait_until="domcontentloaded")
    expect(_panel(page).locator(".jp-Cell").first).to_be_visible(timeout=TIMEOUT_MS)
    _wait_for_kernel(lab, page, path)


def _menus_are_korean(page) -> None:
    labels = [t.strip() for t in page.locator(".lm-MenuBar-item .lm-MenuBar-itemLabel").all_inner_texts()]
    assert all(name in labels for name in KOREAN_MENUS), labels


def _run_all(lab, page, path: str) -> None:
    page.locator(".lm-MenuBar-item").get_by_text("실행", exact=True).click()
    page.locator(".lm-Menu .lm-Menu-itemLabel").get_by_text("모든 셀 실행", exact=True).click()
    # A cell with a collapsed source shows no prompt number; it is done when its output is there
    # (such a cell only shows a widget or a chart, so it always has one).
    cells = _panel(page).locator(".jp-CodeCell")
    done = """cells => cells.map(c => [(c.querySelector('.jp-InputPrompt')?.textContent ?? '').trim(),
                                    c.querySelectorAll('.jp-OutputArea-output').length])"""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while True:
        states = cells.evaluate_all(done)
        if states and all(re.fullmatch(r"\[\d+\]:", p) or (p == "" and n > 0) for p, n in states):
            break
        assert time.monotonic() < deadline, f"cells did not finish running ({states}):\n{lab.log_tail()}"
        page.wait_for_timeout(200)
    _wait_for_kernel(lab, page, path)


def _no_errors_on_page(page) -> None:
    panel = _panel(page)
    errors = panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()
    # Outputs only: chapter 00's text names the message so that a learner recognises it.
    text = "\n".join(panel.locator(".jp-OutputArea").all_inner_texts())
    found = WIDGET_ERROR.search(text)
    assert not found, f"a widget could not be displayed, after: {text[max(0, found.start() - 300):found.start()]!r}"


def _cell(page, workbook: Path, path: str, source_part: str):
    nb = nbformat.read(workbook / path, as_version=4)
    hits = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and source_part in c.source]
    assert len(hits) == 1, f"{path}: {len(hits)} cells hold {source_part!r}"
    cell = _panel(page).locator(".jp-Cell").nth(hits[0])
    cell.scroll_into_view_if_needed()
    return cell


def _save_and_close(lab, page, workbook: Path, path: str) -> dict:
    """Ctrl+S, wait for the file to change, close the tab; return the saved notebook as JSON."""
    file = workbook / path
    before = file.stat().st_mtime_ns
    _panel(page).locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 20
    while file.stat().st_mtime_ns == before:
        assert time.monotonic() < deadline, "Ctrl+S did not save the notebook"
        page.wait_for_timeout(100)
    expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current.jp-mod-dirty")).to_have_count(0)
    page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current .lm-TabBar-tabCloseIcon").click()
    expect(_panel(page)).to_have_count(0, timeout=10_000)
    assert not page.locator(".jp-Dialog").count(), page.locator(".jp-Dialog").inner_text()
    deadline = time.monotonic() + 20
    while lab.kernel_state(path) is not None:  # the kernel shuts down with the tab
        assert time.monotonic() < deadline, "the kernel kept running after the notebook was closed"
        page.wait_for_timeout(200)
    return json.loads(file.read_text(encoding="utf-8"))


def _block(control, button: str):
    """The widget block around ``control`` that holds the ``button`` to press (one question of
    a quiz, one story of a list): the nearest VBox above the control with that exact button.

    The element is marked once and found by its mark: a locator chained through the control
    could point elsewhere after the widget redraws part of itself.
    """
    control.evaluate(
        """(el, label) => {
            document.querySelectorAll('[data-test-block]').forEach(e => e.removeAttribute('data-test-block'));
            for (let n = el.parentElement; n; n = n.parentElement) {
                if (n.classList.contains('widget-vbox') &&
                    [...n.querySelectorAll('button')].some(b => b.textContent.trim() === label)) {
                    n.setAttribute('data-test-block', '');
                    return;
                }
            }
            throw new Error('no widget block with the button ' + label);
        }""",
        button,
    )
    return control.page.locator("[data-test-block]")


def _with_feedback(block):
    """The block, or its nearest ancestor inside the same cell, that holds a feedback area (a
    list exercise shows its feedback under the box with the button, not inside it)."""
    has_class = "contains(concat(' ', normalize-space(@class), ' '), ' {} ')".format
    return block.locator(f"xpath=ancestor-or-self::*[.//*[{has_class('casework-feedback')}]]"
                         f"[ancestor::*[{has_class('jp-Cell')}]][1]")


def _shot(page, name: str, locator=None) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    (locator or page).screenshot(path=str(SHOTS / f"{name}.png"))


@contextmanager
def _session(lab, page, name: str) -> Iterator[None]:
    """On a failure, save the page as ``{name}_failure``; always end the lab's sessions."""
    try:
        yield
    except BaseException:
        _shot(page, f"{name}_failure")
        raise
    finally:
        lab.end_sessions()


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("exercise", CASES)
def test_chapter_runs_and_keeps_an_answer(lab, page, workbook, exercise):
    """Open, Run All, answer one widget, save, close, reopen: is the answer still there?"""
    name = f"ch{exercise.chapter}"
    with _session(lab, page, name):
        _open(lab, page, exercise.path)
        _menus_are_korean(page)
        _run_all(lab, page, exercise.path)
        _no_errors_on_page(page)
        cell = _cell(page, workbook, exercise.path, exercise.cell)
        block = _block(exercise.answer(cell), exercise.button)
        _button(block, exercise.button).click()
        answered = _with_feedback(block)
        expect(answered.locator(".casework-feedback").first).to_contain_text(exercise.expected, timeout=30_000)
        expect(page.locator(".Toastify__toast")).to_have_count(0)
        _shot(page, f"{name}_1_answered", answered)

        saved = _save_and_close(lab, page, workbook, exercise.path)
        state = json.dumps(saved["metadata"].get("widgets", {}), ensure_ascii=False)
        assert exercise.expected in state, "the saved widget state does not hold the checked answer's feedback"

        # Reopened the next day: the learner runs the chapter again and the widget puts the saved
        # answer back from the progress file. (The saved widget state is not looked at in the page:
        # jupyterlab-manager 5.0 may render it before it has loaded it and show "model not found"
        # until the cell runs again, an upstream race seen here under load.)
        _open(lab, page, exercise.path)
        _run_all(lab, page, exercise.path)
        _no_errors_on_page(page)
        cell = _cell(page, workbook, exercise.path, exercise.cell)
        exercise.kept(cell)
        expect(cell).to_contain_text("지난번 답을 불러왔습니다", timeout=30_000)
        expect(cell).to_contain_text(f"마지막 결과: {exercise.result})")
        cell.get_by_text("지난번 답을 불러왔습니다").first.scroll_into_view_if_needed()
        _shot(page, f"{name}_2_reopened")


def test_exercise_answered_in_plain_korean(lab, page, workbook):
    """In exercises/07, does a goal typed in plain Korean under %%답 q3 get checked, and stay after reopening?"""
    path = "exercises/07_목표_설정_연습.ipynb"
    goal = "어르신이 3개월 안에 주 3회 이상 경로당에 나간다"
    with _session(lab, page, "ex07"):
        _open(lab, page, path)
        _menus_are_korean(page)
        _run_all(lab, page, path)
        _no_errors_on_page(page)
        cell = _cell(page, workbook, path, "%%답 q3")
        expect(cell.locator(".jp-OutputArea")).to_contain_text("아직 답하지 않았습니다")
        editor = cell.locator(".cm-content")
        editor.click()
        page.keyboard.press("Control+End")
        page.keyboard.press("Enter")
        page.keyboard.type(goal)
        page.keyboard.press("Shift+Enter")
        expect(cell.locator(".jp-OutputArea")).to_contain_text("맞았습니다", timeout=30_000)
        _wait_for_kernel(lab, page, path)
        _shot(page, "ex07_1_answered", cell)

        saved = _save_and_close(lab, page, workbook, path)
        sources = ["".join(c["source"]) for c in saved["cells"] if c["cell_type"] == "code"]
        assert any(s.startswith("%%답 q3") and goal in s for s in sources), "the answer is not in the saved file"

        _open(lab, page, path)
        cell = _cell(page, workbook, path, "%%답 q3")
        expect(cell.locator(".cm-content")).to_contain_text(goal)
        expect(cell.locator(".jp-OutputArea")).to_contain_text("맞았습니다")
        _shot(page, "ex07_2_reopened", cell)


def test_plan_form_and_chapter_save_buttons_give_download_links(lab, page, workbook):
    """In chapter 07, do '예시 계획표로 채우기' and '파일로 저장' give three file links, and does the
    closing '이 노트북을 HTML·PDF로 남기기' (after Ctrl+S) give the chapter as HTML and PDF, no code typed?"""
    path = "notebooks/07_목표_설정과_계획_수립.ipynb"
    folder = workbook / "내 작업"
    with _session(lab, page, "ch07_buttons"):
        _open(lab, page, path)
        _run_all(lab, page, path)
        _no_errors_on_page(page)
        cell = _cell(page, workbook, path, "service_plan_form()")
        form = cell.locator(".casework-plan-form")
        _button(form, "예시 계획표로 채우기").click()
        expect(form.locator("input[type='text']").first).to_have_value("연습-2025-001", timeout=30_000)
        _button(form, "예시 계획표로 채우기").click()  # the form has entries now: asked first
        expect(form).to_contain_text("바꿀까요?", timeout=30_000)
        _button(form, "예시 계획표로 채우기").scroll_into_view_if_needed()
        _shot(page, "ch07_plan_example_asks")
        _button(form, "아니요").click()
        expect(form.get_by_text("바꿀까요?")).to_be_hidden(timeout=30_000)
        before = set(folder.iterdir())
        _button(form, "파일로 저장 (엑셀·한글·웹 문서)").click()
        links = form.locator(".casework-downloads a[download]")
        expect(links).to_have_count(3, timeout=60_000)
        names = sorted(links.all_inner_texts())
        assert [Path(n).suffix for n in names] == [".html", ".hwpx", ".xlsx"], names
        assert sorted(p.name for p in set(folder.iterdir()) - before) == names
        links.first.scroll_into_view_if_needed()
        _shot(page, "ch07_plan_files", form)

        _panel(page).locator(".jp-Notebook").first.click(position={"x": 5, "y": 5})
        page.keyboard.press("Control+s")
        expect(page.locator("#jp-main-dock-panel .lm-TabBar-tab.lm-mod-current.jp-mod-dirty")).to_have_count(0,
                                                                                                     timeout=20_000)
        closing = _cell(page, workbook, path, "save_notebook_widget()").locator(".casework-save-notebook")
        _button(closing, "이 노트북을 HTML·PDF로 남기기").click()
        page_links = closing.locator(".casework-downloads a[download]")
        expect(page_links).to_have_count(2, timeout=120_000)
        saved_names = sorted(page_links.all_inner_texts())
        assert [Path(n).suffix for n in saved_names] == [".html", ".pdf"], saved_names
        assert all((folder / n).stat().st_size > 0 for n in saved_names)
        assert "서비스계획표" not in saved_names[0] and saved_names[0].startswith("07_목표_설정과_계획_수립_")
        _shot(page, "ch07_save_notebook", closing)


def _choose_files(page, scope, label: str, paths) -> None:
    """Press an upload button and pick ``paths`` in the file chooser it opens, as a learner does."""
    with page.expect_file_chooser() as chooser:
        scope.locator("button").filter(has_text=label).click()
    chooser.value.set_files([str(p) for p in paths])


def test_chapter_11_upload_of_our_own_lists(lab, page, workbook, tmp_path):
    """In chapter 11, do uploaded CSV lists give the masked tables, and does the notebook JSON that
    JupyterLab saves hold no name, birth date or file content, the results only until 결과 지우기?"""
    path = "notebooks/11_동_단위_사례관리와_자원개발.ipynb"
    files = {
        "복지관.csv": "이름,생년월일,주소(동),기관,서비스\n하늘별,1941-03-17,가나1동,가나복지관,별빛반찬 배달\n",
        "주민센터.csv": "이름,생년월일,주소(동),기관,서비스\n하늘별,1941-03-17,가나1동,가나1동 주민센터,긴급지원 생계비\n",
        "욕구사정.csv": "이름,생년월일,주소(동),욕구\n바람솔,1938-11-30,가나1동,안전한 일상 유지의 욕구\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with _session(lab, page, "ch11_upload"):
        _open(lab, page, path)
        _run_all(lab, page, path)
        _no_errors_on_page(page)
        box = _cell(page, workbook, path, "agency_list_upload()").locator(".casework-agency-upload")
        _choose_files(page, box, "기관 명단 올리기", [tmp_path / "복지관.csv", tmp_path / "주민센터.csv"])
        expect(box).to_contain_text("기관 명단: 주민센터.csv (1줄)", timeout=30_000)
        _choose_files(page, box, "욕구 사정 명단 올리기", [tmp_path / "욕구사정.csv"])
        expect(box).to_contain_text("욕구 사정 명단: 욕구사정.csv (1명)", timeout=30_000)
        _button(box, "명단 맞춰 보기").click()
        expect(box).to_contain_text("하○○", timeout=30_000)
        expect(box).to_contain_text("바○○")
        _shot(page, "ch11_upload", box)

        saved = json.dumps(_save_and_close(lab, page, workbook, path), ensure_ascii=False)
        for private in ("하늘별", "바람솔", "1941-03-17", "1938-11-30"):
            assert private not in saved, f"{private!r} is in the saved notebook"
        assert "하○○" in saved, "the masked result is expected in the saved widget state until 결과 지우기"

        _open(lab, page, path)
        _run_all(lab, page, path)
        box = _cell(page, workbook, path, "agency_list_upload()").locator(".casework-agency-upload")
        _choose_files(page, box, "기관 명단 올리기", [tmp_path / "복지관.csv", tmp_path / "주민센터.csv"])
        _choose_files(page, box, "욕구 사정 명단 올리기", [tmp_path / "욕구사정.csv"])
        expect(box).to_contain_text("욕구사정.csv", timeout=30_000)
        _button(box, "명단 맞춰 보기").click()
        expect(box).to_contain_text("하○○", timeout=30_000)
        _button(box, "결과 지우기").click()
        expect(box).not_to_contain_text("하○○", timeout=30_000)
        saved = json.dumps(_save_and_close(lab, page, workbook, path), ensure_ascii=False)
        for private in ("하늘별", "바람솔", "1941-03-17", "하○○", "별빛반찬 배달", "가나복지관"):
            assert private not in saved, f"{private!r} is in the notebook saved after 결과 지우기"
