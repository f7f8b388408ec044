"""Widgets as static HTML: what a saved or printed page shows in place of a live widget.

A notebook stores its widgets as model states (``metadata.widgets`` after a save with
"save widget state", or :meth:`ipywidgets.Widget.get_manager_state` in a running kernel):
a tree of models whose children are ``"IPY_MODEL_<id>"`` references. :func:`render` turns one
model and its children into plain HTML with the same words and answers (chosen options, typed
text, feedback), so an exported page needs no JavaScript and nothing from the internet.

It reads plain dicts and never imports ipywidgets.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from typing import Any

__all__ = ["WIDGET_VIEW_MIME", "WIDGET_STATE_MIME", "CSS", "render", "state_of", "merge_states"]

WIDGET_VIEW_MIME = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE_MIME = "application/vnd.jupyter.widget-state+json"
_REF = "IPY_MODEL_"

CSS = """
.cw-w{margin:.2rem 0}
.cw-w-row{display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}
.cw-w-field{display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline;margin:.15rem 0}
.cw-w-desc{font-weight:600;min-width:6rem}
.cw-w-value{border:1px solid #999;border-radius:3px;padding:.1rem .4rem;min-width:8rem;
  white-space:pre-wrap;background:#fff}
.cw-w-empty{color:#777;font-style:italic}
.cw-w-options{list-style:none;margin:.2rem 0;padding-left:.4rem}
.cw-w-options li{margin:.1rem 0}
.cw-w-chosen{font-weight:600}
.cw-w-button{display:inline-block;border:1px solid #1976d2;color:#1976d2;border-radius:3px;
  padding:.05rem .5rem;font-size:.85em}
.cw-w-note{color:#777;font-style:italic}
.cw-w img{max-width:100%;height:auto}
"""


def _esc(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def state_of(notebook_metadata: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The ``{model_id: {"model_name", "state", ...}}`` map saved in a notebook, or ``{}``."""
    saved = (notebook_metadata.get("widgets") or {}).get(WIDGET_STATE_MIME) or {}
    return dict(saved.get("state") or {})


def merge_states(*states: Mapping[str, dict[str, Any]] | None) -> dict[str, dict[str, Any]]:
    """One model map from several; later ones win (e.g. a live kernel over a saved file)."""
    merged: dict[str, dict[str, Any]] = {}
    for state in states:
        merged.update(state or {})
    return merged


def _ref(value: object) -> str | None:
    return value[len(_REF):] if isinstance(value, str) and value.startswith(_REF) else None


class _Renderer:
    def __init__(self, models: Mapping[str, Mapping[str, Any]], render_output) -> None:
        self.models = models
        self.render_output = render_output
        self.seen: set[str] = set()

    def hidden(self, state: Mapping[str, Any]) -> bool:
        layout = self.models.get(_ref(state.get("layout")) or "", {}).get("state", {})
        return layout.get("display") == "none" or layout.get("visibility") == "hidden"

    def model(self, model_id: str) -> str:
        entry = self.models.get(model_id)
        if entry is None or model_id in self.seen:
            return ""
        self.seen.add(model_id)
        try:
            state = dict(entry.get("state") or {})
            if self.hidden(state):
                return ""
            name = str(entry.get("model_name") or state.get("_model_name") or "")
            body = self.body(name.removesuffix("Model"), state, entry)
        finally:
            self.seen.discard(model_id)
        if not body:
            return ""
        classes = " ".join(_esc(c) for c in state.get("_dom_classes") or ())
        return f"<div class='cw-w {classes}'>{body}</div>"

    def children(self, state: Mapping[str, Any]) -> list[str]:
        return [self.model(ref) for ref in (_ref(c) for c in state.get("children") or ()) if ref]

    def field(self, state: Mapping[str, Any], value_html: str) -> str:
        description = state.get("description") or ""
        desc = f"<span class='cw-w-desc'>{_esc(description)}</span>" if description else ""
        return f"<div class='cw-w-field'>{desc}{value_html}</div>"

    def options(self, state: Mapping[str, Any]) -> tuple[list[str], set[int]]:
        labels = [str(x) for x in state.get("_options_labels") or ()]
        index = state.get("index")
        chosen = set(index) if isinstance(index, (list, tuple)) else {index} if isinstance(index, int) else set()
        return labels, chosen

    def body(self, kind: str, state: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
        if kind in ("VBox", "Box", "GridBox", "Accordion", "Stack"):
            return "".join(self.children(state))
        if kind == "Tab":
            titles = state.get("titles") or ()
            parts = []
            for number, child in enumerate(self.children(state)):
                title = titles[number] if number < len(titles) else ""
                parts.append((f"<h4>{_esc(title)}</h4>" if title else "") + child)
            return "".join(parts)
        if kind == "HBox":
            return f"<div class='cw-w-row'>{''.join(self.children(state))}</div>"
        if kind in ("HTML", "HTMLMath"):
            value = str(state.get("value") or "")
            return self.field(state, value) if state.get("description") else value
        if kind == "Label":
            return _esc(state.get("value"))
        if kind in ("Text", "Textarea", "Password", "Combobox"):
            value = "●●●●" if kind == "Password" and state.get("value") else state.get("value") or ""
            shown = (f"<span class='cw-w-value'>{_esc(value)}</span>" if value else
                     f"<span class='cw-w-value cw-w-empty'>{_esc(state.get('placeholder') or '(비어 있음)')}</span>")
            return self.field(state, shown)
        if kind in ("Dropdown", "Select"):
            labels, chosen = self.options(state)
            picked = [labels[i] for i in sorted(chosen) if 0 <= i < len(labels)]
            shown = (f"<span class='cw-w-value'>{_esc(picked[0])}</span>" if picked else
                     "<span class='cw-w-value cw-w-empty'>(고르지 않음)</span>")
            return self.field(state, shown)
        if kind in ("RadioButtons", "ToggleButtons", "SelectMultiple"):
            labels, chosen = self.options(state)
            items = "".join(
                f"<li class='cw-w-chosen'>● {_esc(label)}</li>" if i in chosen else f"<li>○ {_esc(label)}</li>"
                for i, label in enumerate(labels)
            )
            return self.field(state, f"<ul class='cw-w-options'>{items}</ul>")
        if kind in ("Checkbox", "ToggleButton", "Valid"):
            mark = "☑" if state.get("value") else "☐"
            return f"<div class='cw-w-field'>{mark} {_esc(state.get('description'))}</div>"
        if kind == "Button":
            label = state.get("description") or ""
            return f"<span class='cw-w-button'>{_esc(label)}</span>" if label else ""
        if kind == "DatePicker":
            day = state.get("value")
            text = (f"{day['year']:04d}-{day['month'] + 1:02d}-{day['date']:02d}"
                    if isinstance(day, Mapping) and {"year", "month", "date"} <= set(day) else "")
            return self.field(state, f"<span class='cw-w-value'>{_esc(text) or '(비어 있음)'}</span>")
        if kind == "Image":
            return self.image(state, entry)
        if kind == "Output":
            return "".join(self.render_output(out) for out in state.get("outputs") or ())
        if kind.endswith(("Slider", "Progress", "Text")) or "value" in state:
            raw = state.get("value")
            if isinstance(raw, (list, tuple)):
                raw = " – ".join(str(v) for v in raw)
            return self.field(state, f"<span class='cw-w-value'>{_esc(raw)}</span>")
        if state.get("children"):
            return "".join(self.children(state))
        return ""

    def image(self, state: Mapping[str, Any], entry: Mapping[str, Any]) -> str:
        data = None
        for buffer in entry.get("buffers") or ():
            if list(buffer.get("path") or ()) == ["value"]:
                data = buffer.get("data")
        if data is None and isinstance(state.get("value"), (bytes, bytearray)):
            data = base64.b64encode(state["value"]).decode("ascii")
        if not data:
            return ""
        fmt = _esc(state.get("format") or "png")
        mime = "svg+xml" if fmt == "svg" else fmt
        return f"<img src='data:image/{mime};base64,{data}' alt=''>"


def render(model_id: str, models: Mapping[str, Mapping[str, Any]], render_output=None) -> str | None:
    """Static HTML for the widget ``model_id``, or None when its state is not in ``models``.

    ``render_output`` turns one nbformat output (of an Output widget) into HTML; without it
    such outputs are left out.
    """
    if model_id not in models:
        return None
    return _Renderer(models, render_output or (lambda output: "")).model(model_id)
