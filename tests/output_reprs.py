"""Find Python showing through in what a learner sees: reprs in a notebook's outputs.

A welfare worker reading a chapter after Run All should see Korean sentences and tables, never
``True``/``False``/``None``, ``datetime.date(2026, 3, 3)``, ``['종결']``, ``{'키': …}``, a
pandas table numbered from 0, ``<casework.planning.ServicePlan object at …>`` or an English
exception name. :func:`text_slips` checks one text, :func:`html_slips` one HTML fragment (tags,
styles and scripts are not text; tables are checked for a 0-based index column), and
:func:`notebook_slips` every output of an executed notebook, including the text held in its
saved widget state (what a widget shows when it first appears).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from typing import Any

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"

_HANGUL = "[\uac00-\ud7a3]"
_QUOTED_KO = rf"""(?:'[^'\n]*{_HANGUL}[^'\n]*'|"[^"\n]*{_HANGUL}[^"\n]*")"""
# ASCII word edges: Hangul counts as a word character in Python's re, and "True입니다" is a slip.
_L, _R = r"(?<![A-Za-z0-9_.])", r"(?![A-Za-z0-9_])"
PATTERNS: dict[str, re.Pattern[str]] = {
    "True/False/None": re.compile(rf"{_L}(?:True|False|None){_R}"),
    "datetime repr": re.compile(rf"{_L}datetime\.|{_L}(?:date|time|timedelta)\(\d"),
    "list or tuple repr of Korean words": re.compile(rf"\[\s*{_QUOTED_KO}\s*[,\]]|\(\s*{_QUOTED_KO}\s*,"),
    "dict repr": re.compile(r"""\{\s*(?:'[^'\n]*'|"[^"\n]*")\s*:"""),
    "object repr": re.compile(r"<[a-z_]+\.[\w.]+ (?:object )?at 0x|<casework\."),
    "enum repr": re.compile(r"<[A-Z]\w*\.[A-Z_]\w*: "),
    "dataclass repr": re.compile(rf"{_L}[A-Z][A-Za-z0-9_]+\([a-z_]\w*="),
    "English exception name": re.compile(rf"{_L}(?:Traceback|[A-Z][A-Za-z0-9_]*(?:Error|Exception|Warning)){_R}"),
}


def text_slips(text: str) -> list[str]:
    """The Python reprs in a plain text a learner reads, each as 'kind: …context…'."""
    found = []
    for kind, pattern in PATTERNS.items():
        for match in pattern.finditer(text):
            start, end = max(0, match.start() - 30), min(len(text), match.end() + 30)
            found.append(f"{kind}: {text[start:end]!r}")
    return found


class _Page(HTMLParser):
    """The visible text of an HTML fragment, and its tables as rows of (tag, text) cells."""

    _SKIP = frozenset({"style", "script", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tables: list[list[list[tuple[str, str]]]] = []
        self._skip = 0
        self._cell: list[str] | None = None
        self._cell_tag = ""
        self._in_body: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "table":
            self.tables.append([])
            self._in_body.append(False)
        elif tag == "tbody" and self._in_body:
            self._in_body[-1] = True
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables and self.tables[-1]:
            self._cell, self._cell_tag = [], tag
        if tag in ("br", "p", "div", "li", "tr", "td", "th"):
            self.text.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append((self._cell_tag, "".join(self._cell).strip()))
            self._cell = None
        elif tag == "table" and self._in_body:
            self._in_body.pop()

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def _zero_based_index(rows: list[list[tuple[str, str]]]) -> bool:
    """Do the rows start with header cells 0, 1, 2, … (pandas' default index)?"""
    firsts = [row[0] for row in rows if row]
    for start in range(len(firsts)):
        run = firsts[start:]
        if run and run[0] == ("th", "0") and all(
            tag == "th" and text == str(n) for n, (tag, text) in enumerate(run)
        ):
            return True
    return False


def html_slips(fragment: str) -> list[str]:
    """The Python reprs in an HTML fragment's visible text, and tables with a 0-based index."""
    page = _Page()
    page.feed(fragment)
    page.close()
    found = text_slips("".join(page.text))
    for table in page.tables:
        if _zero_based_index(table):
            header = " | ".join(text for _, text in (table[0] if table else []))
            found.append(f"0-based index column: table {header[:60]!r}")
    return found


_TEXT_KEYS = ("value", "description", "placeholder", "tooltip", "_options_labels", "_titles", "titles")
_HTML_MODELS = ("HTMLModel", "HTMLMathModel")


def _widget_texts(state: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """(kind, text) for every string a widget model shows; kind is 'html' or 'text'."""
    kind = "html" if state.get("_model_name") in _HTML_MODELS else "text"
    for key in _TEXT_KEYS:
        value = state.get(key)
        if isinstance(value, dict):  # older Accordion/Tab titles: {index: title}
            values = list(value.values())
        else:
            values = list(value) if isinstance(value, (list, tuple)) else [value]
        for item in values:
            if isinstance(item, str) and item and not item.startswith("IPY_MODEL_"):
                yield (kind if key == "value" else "text"), item


def output_slips(output: Mapping[str, Any], models: Mapping[str, Any] | None = None) -> list[str]:
    """The slips in one cell output, as JupyterLab would show it (richest text type first)."""
    kind = output.get("output_type")
    if kind == "error":
        return [f"error output: {output.get('ename')}: {str(output.get('evalue'))[:80]}"]
    if kind == "stream":
        text = output.get("text", "")
        return text_slips("".join(text) if isinstance(text, list) else text)
    data = output.get("data") or {}
    if WIDGET_VIEW_MIME in data:
        return widget_slips(data[WIDGET_VIEW_MIME].get("model_id", ""), models or {})
    if "text/html" in data:
        html = data["text/html"]
        return html_slips("".join(html) if isinstance(html, list) else html)
    if "text/markdown" in data:
        return text_slips(str(data["text/markdown"]))
    if "text/plain" in data and not any(k.startswith("image/") for k in data):
        text = data["text/plain"]
        return text_slips("".join(text) if isinstance(text, list) else text)
    return []


def widget_slips(model_id: str, models: Mapping[str, Any]) -> list[str]:
    """The slips in a widget and all its children (Output widgets' own outputs included)."""
    found: list[str] = []
    seen: set[str] = set()
    stack = [model_id]
    while stack:
        mid = stack.pop()
        if mid in seen or mid not in models:
            continue
        seen.add(mid)
        state = models[mid].get("state", {})
        for kind, text in _widget_texts(state):
            found += html_slips(text) if kind == "html" else text_slips(text)
        for out in state.get("outputs") or []:
            found += output_slips(out, models)
        for value in state.values():
            refs = value if isinstance(value, list) else [value]
            stack += [r[len("IPY_MODEL_"):] for r in refs if isinstance(r, str) and r.startswith("IPY_MODEL_")]
    return found


def notebook_slips(nb: Mapping[str, Any]) -> list[str]:
    """Every slip in an executed notebook, each prefixed with the cell it came from."""
    models = ((nb.get("metadata", {}).get("widgets") or {}).get(WIDGET_STATE_MIME) or {}).get("state") or {}
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            found += [f"cell {index}: {slip}" for slip in output_slips(output, models)]
    return found
