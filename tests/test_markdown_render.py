"""Does every markdown text a learner reads render as its author meant?

JupyterLab renders markdown cells with marked (CommonMark + GFM). Two slips change what a
learner sees: a ``**`` that CommonMark does not close (after punctuation, before a Hangul
particle: ``**[확인]**을``) stays on the page as literal stars, and GFM strikethrough, which
in marked also pairs *single* tildes, turns ``4~5는 … 1~2는`` into struck-out text.

Each markdown cell of notebooks/, exercises/ and solutions/ and each exercise prompt is
rendered with markdown-it-py (CommonMark, GFM tables and its strikethrough rule). The test
fails on a strikethrough token, on literal ``**`` or ``__`` left in rendered text, and on two
or more ``~`` left in one paragraph (markdown-it-py only strikes ``~~``; marked also strikes
``~x~``). Quiz texts and exercise hints are shown as HTML, not markdown, so a ``**`` or ``__``
there would show as literal marks too.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
import yaml
from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(
    p for folder in ("notebooks", "exercises", "solutions") for p in (ROOT / folder).glob("*.ipynb")
)
EXERCISE_YAML = sorted((ROOT / "casework" / "data" / "exercises").glob("*.yaml"))
QUIZ_YAML = sorted((ROOT / "casework" / "data" / "quizzes").glob("*.yaml"))

_MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def render_problems(markdown: str) -> list[str]:
    """What a learner would see wrongly in ``markdown``: literal stars, struck-out text."""
    problems = []
    for block in _MD.parse(markdown):
        if block.type != "inline":
            continue
        text = "".join(t.content for t in block.children or [] if t.type == "text")
        if any(t.type == "s_open" for t in block.children or []):
            problems.append(f"strikethrough: {block.content[:80]!r}")
        for mark in ("**", "__"):
            if mark in text:
                problems.append(f"literal {mark}: {block.content[:80]!r}")
        if text.count("~") >= 2:
            problems.append(f"~ pair (struck out in JupyterLab): {block.content[:80]!r}")
    return problems


def test_the_check_catches_the_known_slips():
    """Would the check have caught the slips the learner walkthrough saw?"""
    assert render_problems("답을 고르고 **[확인]**을 눌러 보세요.")
    assert render_problems("**O'Connor (1988)**는 이렇게 말합니다.")
    assert render_problems("4~5는 1순위, 3은 2순위, 1~2는 3순위")
    assert render_problems("~~지운 말~~")
    assert render_problems("snake__case 는 밑줄 두 개가 그대로 보입니다")
    assert not render_problems("답을 고르고 **[확인]** 단추를 눌러 보세요.")
    assert not render_problems("4–5는 1순위, 3은 2순위, 1–2는 3순위. `a ~ b ~ c` 는 코드입니다.")
    assert not render_problems("| 점수 | 뜻 |\n|---|---|\n| **3** | 완전도움 |")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_markdown_cells_render_cleanly(path):
    """Does every markdown cell render without literal stars or strikethrough?"""
    nb = nbformat.read(path, as_version=4)
    problems = [
        f"cell {i}: {problem}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "markdown"
        for problem in render_problems(cell.source)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", EXERCISE_YAML, ids=lambda p: p.name)
def test_exercise_prompts_render_cleanly(path):
    """Do the exercise prompts (inserted into the exercise notebooks as markdown) render cleanly?"""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [f"{q['id']}: {problem}" for q in data["questions"] for problem in render_problems(q["prompt"])]
    assert not problems, "\n".join(problems)


def _strings(node):
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


@pytest.mark.parametrize("path", QUIZ_YAML + EXERCISE_YAML, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_html_texts_have_no_bold_marks(path):
    """Quiz texts and exercise hints are shown as HTML: would a ``**`` or ``__`` show literally?"""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if path.parent.name == "exercises":
        data = [q.get("hint", "") for q in data["questions"]]
    bad = [t[:80] for t in _strings(data) if "**" in t or "__" in t]
    assert not bad, "\n".join(bad)
