"""The button that keeps this notebook as HTML and PDF (the closing section of every notebook).

Wiring only: the files come from :func:`casework.export.notebook.save_notebook`; a refused
save (no saved outputs, an unknown notebook, no browser for the PDF) shows its Korean message.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from casework.export.notebook import Saved, save_notebook
from casework.judging.feedback import Feedback
from casework.judging.guard import judge_safely
from casework.widgets.base import show, with_attrs

__all__ = ["SAVE_LABEL", "CSS_CLASS", "save_notebook_widget", "action_button", "run_action"]

SAVE_LABEL = "이 노트북을 HTML·PDF로 남기기"
CSS_CLASS = "casework-save-notebook"


def action_button(label: str, icon: str, tooltip: str) -> w.Button:
    """A button for an action (save, fill), not stretched across the page."""
    button = w.Button(description=label, icon=icon, tooltip=tooltip, layout=w.Layout(width="auto"))
    button.layout.align_self = "flex-start"
    return button


def run_action(action: Callable[[], Saved], area: w.HTML) -> Saved | Feedback:
    """Run ``action``; show its download links in ``area``, or the Korean reason it was refused."""
    area.value = "<div style='color:#555'>만드는 중입니다…</div>"
    outcome = judge_safely(action)
    if isinstance(outcome, Feedback):
        show(area, outcome)
    else:
        area.value = outcome._repr_html_()
    return outcome


def save_notebook_widget(notebook: str | None = None, *, pdf: bool = True) -> w.VBox:
    """A note to press Ctrl+S first, the save button and the area for links or an error.

    ``notebook`` names the file (default: the one JupyterLab runs this kernel for). The box has
    ``button``, ``area`` and ``save()`` (what a click does; returns the files or the feedback).
    """
    note = w.HTML("<div style='color:#555'>먼저 <b>Ctrl+S</b>로 저장하세요. 파일은 마지막으로 저장한 노트북으로 "
                  "만들어집니다.</div>")
    button = action_button(SAVE_LABEL, "file-pdf-o", "저장한 노트북을 HTML과 PDF 파일로 만듭니다")
    area = w.HTML(value="", layout=w.Layout(min_height="1.5em"))

    def save(_: object = None) -> Saved | Feedback:
        return run_action(lambda: save_notebook(notebook, pdf=pdf), area)

    button.on_click(save)
    box = w.VBox([note, button, area])
    box.add_class(CSS_CLASS)
    return with_attrs(box, button=button, area=area, save=save)
