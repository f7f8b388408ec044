"""A notebook as one self-contained HTML page: readable offline, on a phone and on paper.

nbconvert's JupyterLab layout with a template that loads nothing at view time (see
``templates/casework_static``): images are embedded, widgets become static HTML from their
saved or live state (:mod:`casework.export.widget_html`), and the stylesheet is the project's
own (Korean fonts, a column that fits a phone, A4 print rules).
"""

from __future__ import annotations

import copy
import html
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import nbformat

from casework.closing import without_closing
from casework.export import widget_html

__all__ = ["PAGE_CSS", "notebook_title", "notebook_to_html", "static_widgets", "output_html"]

TEMPLATES = Path(__file__).resolve().parent / "templates"

PAGE_CSS = """
:root{color-scheme:light}
body.cw-page{margin:0;background:#fff;color:#1b1b1b;line-height:1.7;font-size:16px;
  font-family:'NanumGothic','Nanum Gothic','Malgun Gothic','Apple SD Gothic Neo','Noto Sans KR',sans-serif;
  -webkit-text-size-adjust:100%;word-break:keep-all;overflow-wrap:anywhere}
main{max-width:52rem;margin:0 auto;padding:.5rem 1rem 3rem}
h1{font-size:1.7rem;line-height:1.3;margin:1.2rem 0 .8rem}
h2{font-size:1.35rem;margin:1.8rem 0 .6rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
h3{font-size:1.15rem;margin:1.4rem 0 .5rem}
a{color:#0b57a4}
img,svg{max-width:100%;height:auto}
code,pre{font-family:'NanumGothicCoding','D2Coding',Consolas,monospace;font-size:.9em}
pre{white-space:pre-wrap;overflow-wrap:anywhere;margin:.3rem 0}
.jp-InputPrompt,.jp-OutputPrompt,.jp-Collapser,.anchor-link{display:none}
.jp-InputArea-editor pre,.jp-InputArea .highlight pre{background:#f4f5f7;border-left:3px solid #c9ccd1;
  padding:.4rem .7rem;border-radius:2px}
.jp-Cell{margin:.3rem 0}
.jp-OutputArea-output{margin:.3rem 0}
.jp-RenderedText pre{background:#fafafa;padding:.3rem .6rem}
.jp-RenderedHTMLCommon,.jp-RenderedMarkdown{overflow-x:auto}
table{border-collapse:collapse;margin:.6rem 0;font-size:.92em}
th,td{border:1px solid #bfc4ca;padding:.3rem .55rem;text-align:left;vertical-align:top}
th{background:#eef2f7}
blockquote{margin:.6rem 0;padding:.2rem .9rem;border-left:4px solid #d0d7de;color:#444}
.cw-math{display:block;margin:.6rem auto;max-width:100%;height:auto;zoom:1.3}
.cw-nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;max-width:52rem;
  margin:0 auto;padding:.6rem 1rem;font-size:.95rem;border-bottom:1px solid #e2e2e2}
.cw-nav.cw-bottom{border-bottom:none;border-top:1px solid #e2e2e2}
.cw-note{max-width:52rem;margin:.5rem auto;padding:.5rem 1rem;color:#555;font-size:.9rem}
@media (max-width:600px){body.cw-page{font-size:15px}main{padding:.3rem .7rem 2rem}h1{font-size:1.45rem}}
@media print{
  @page{size:A4;margin:14mm 12mm}
  body.cw-page{font-size:10.5pt;line-height:1.55}
  main{max-width:none;padding:0}
  .cw-nav{display:none}
  a{color:inherit;text-decoration:none}
  img,table,pre,.cw-w,.casework-feedback{break-inside:avoid}
  h1,h2,h3{break-after:avoid}
  .jp-RenderedHTMLCommon,.jp-RenderedMarkdown{overflow:visible}
}
""" + widget_html.CSS

_HEADING = re.compile(r"^#\s+(.+?)\s*$", re.MULTILINE)


def notebook_title(nb: nbformat.NotebookNode, default: str = "") -> str:
    """The first level-1 heading of the notebook's first markdown cell, or ``default``."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = _HEADING.search(cell.source)
            if match:
                return match.group(1)
            break
    return default


def output_html(output: Mapping[str, Any], models: Mapping[str, Mapping[str, Any]] | None = None) -> str:
    """One nbformat output as HTML (used for the outputs kept inside Output widgets)."""
    kind = output.get("output_type")
    if kind == "stream":
        return f"<pre>{html.escape(str(output.get('text', '')))}</pre>"
    if kind == "error":
        return f"<pre>{html.escape(str(output.get('ename', '')))}: {html.escape(str(output.get('evalue', '')))}</pre>"
    data = output.get("data") or {}
    view = data.get(widget_html.WIDGET_VIEW_MIME)
    if view and models is not None:
        rendered = widget_html.render(view.get("model_id", ""), models,
                                      lambda out: output_html(out, models))
        if rendered is not None:
            return rendered
    if "text/html" in data:
        value = data["text/html"]
        return "".join(value) if isinstance(value, list) else str(value)
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            return f"<img src='data:{mime};base64,{str(data[mime]).strip()}' alt=''>"
    if "image/svg+xml" in data:
        value = data["image/svg+xml"]
        return "".join(value) if isinstance(value, list) else str(value)
    if "text/plain" in data:
        return f"<pre>{html.escape(str(data['text/plain']))}</pre>"
    return ""


MISSING_WIDGET = (
    "<div class='cw-w-note'>(이 자리의 위젯 내용은 저장되지 않았습니다. 노트북에서 셀을 실행하고 "
    "저장한 뒤 다시 내보내세요.)</div>"
)


_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)


def _math_image(match: re.Match[str]) -> str:
    """A display formula as an embedded SVG drawn by matplotlib's mathtext (no MathJax)."""
    import base64
    import io

    from matplotlib import mathtext

    tex = " ".join(match.group(1).split())
    buffer = io.BytesIO()
    try:
        mathtext.math_to_image(f"${tex}$", buffer, format="svg")
    except ValueError:  # TeX that mathtext does not know: leave the formula as text
        return match.group(0)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f"<img class='cw-math' alt='{html.escape(tex, quote=True)}' src='data:image/svg+xml;base64,{data}'>"


def static_math(nb: nbformat.NotebookNode) -> None:
    """Replace display formulas ($$…$$) in markdown cells by pictures, in place."""
    for cell in nb.cells:
        if cell.cell_type == "markdown" and "$$" in cell.source:
            cell.source = _DISPLAY_MATH.sub(_math_image, cell.source)


def static_widgets(nb: nbformat.NotebookNode, live_state: Mapping[str, Any] | None = None) -> nbformat.NotebookNode:
    """A copy of ``nb`` whose widget outputs are static HTML and with no widget metadata.

    Widget state comes from the notebook's metadata, overridden by ``live_state`` (the
    ``state`` map of a running kernel) where both know a model.
    """
    nb = copy.deepcopy(nb)
    models = widget_html.merge_states(widget_html.state_of(nb.metadata), live_state)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data or widget_html.WIDGET_VIEW_MIME not in data:
                continue
            model_id = data[widget_html.WIDGET_VIEW_MIME].get("model_id", "")
            rendered = widget_html.render(model_id, models, lambda out: output_html(out, models))
            output["data"] = {"text/html": MISSING_WIDGET if rendered is None else rendered}
    nb.metadata.pop("widgets", None)
    return nb


def notebook_to_html(
    nb: nbformat.NotebookNode,
    *,
    title: str | None = None,
    live_state: Mapping[str, Any] | None = None,
    hide_code: bool = False,
    header_html: str = "",
    footer_html: str = "",
    base_dir: str | Path | None = None,
) -> str:
    """The whole page for ``nb``: nothing loaded from elsewhere when it is viewed. The closing
    '파일로 남기기' section (:mod:`casework.closing`) is left out.

    ``base_dir`` is the notebook's folder, where images linked from markdown are found.
    """
    from nbconvert import HTMLExporter

    page = static_widgets(nb, live_state)
    page.cells = without_closing(page.cells)  # the save button means nothing on paper or in the book
    static_math(page)
    exporter = HTMLExporter(
        template_name="casework_static",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input=hide_code,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        embed_images=True,
        language_code="ko",
    )
    resources = {
        "metadata": {"name": title or notebook_title(nb, "사례관리 워크북"),
                     "path": str(base_dir or Path.cwd())},
        "casework_css": PAGE_CSS,
        "casework_header": header_html,
        "casework_footer": footer_html,
    }
    body, _ = exporter.from_notebook_node(page, resources=resources)
    return body
