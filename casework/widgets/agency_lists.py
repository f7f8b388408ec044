"""Exercise widget: combine two agencies' lists, then say who is served twice and who was missed.

The widget only wires inputs: the combined table and the people to tick come from
:mod:`casework.agency_lists`, the verdict from :func:`casework.judging.lists.judge_agency_lists`
(the judge of exercise 11). The sample lists keep the learner's picks in the progress file.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import ipywidgets as w
import pandas as pd

from casework import agency_lists as al
from casework.errors import CaseworkError
from casework.judging.feedback import Feedback
from casework.judging.guard import judge_safely
from casework.judging.lists import judge_agency_lists
from casework.widgets.base import Ladder, check_button, show, with_attrs

CSS_CLASS = "casework-agency-lists"
COMBINE_LABEL = "명단 합치기"
CHECK_LABEL = "답 확인"
_TWICE_TITLE = "① 두 곳 이상의 기관에서 서비스를 받는 사람"
_MISSED_TITLE = "② 욕구가 확인됐는데 어느 기관도 돕지 않는 사람(누락)"


# Widget HTML does not get JupyterLab's output-table styling, so the tables bring their own.
_TABLE_CSS = (
    "<style>"
    f".{CSS_CLASS} table.casework-table{{border-collapse:collapse;margin:4px 0;font-size:13px}}"
    f".{CSS_CLASS} table.casework-table th,.{CSS_CLASS} table.casework-table td"
    "{border-bottom:1px solid #ddd;padding:3px 10px;text-align:left}"
    f".{CSS_CLASS} table.casework-table thead th{{border-bottom:2px solid #999;background:#f5f5f5}}"
    "</style>"
)


def _table_html(frame: pd.DataFrame, title: str) -> str:
    table = frame.to_html(index=False, border=0, classes="casework-table")
    return (
        f"<div style='margin:6px 0'><b>{html.escape(title)}</b>"
        f"<div style='max-height:340px;overflow:auto'>{table}</div></div>"
    )


def _ticks(labels: list[str]) -> tuple[w.GridBox, dict[str, w.Checkbox]]:
    boxes = {label: w.Checkbox(value=False, description=label, indent=False,
                               layout=w.Layout(width="auto")) for label in labels}
    grid = w.GridBox(list(boxes.values()),
                     layout=w.Layout(grid_template_columns="repeat(3, minmax(180px, 1fr))"))
    return grid, boxes


def agency_list_exercise(
    lists: Mapping[str, pd.DataFrame] | None = None,
    need_list: pd.DataFrame | None = None,
    *,
    first: str | None = None,
    second: str | None = None,
) -> w.VBox:
    """Pick two lists, press 명단 합치기, tick people in ① and ②, press 답 확인.

    ``lists`` maps a title to a service list (default: the workbook's fictional samples);
    ``need_list`` is the 동's need list (default: the sample one). The returned box has
    ``combine()``, ``tick(twice=[...], missed=[...])`` and ``check()`` for tests and notebooks.
    """
    lists_given = lists
    lists = dict(al.sample_agency_lists() if lists is None else lists)
    needs = al.sample_need_list() if need_list is None else need_list
    if len(lists) < 2:
        raise CaseworkError("합쳐 볼 기관 명단이 두 개 이상 있어야 합니다.")
    titles = list(lists)
    for title in (first, second):
        if title is not None and title not in titles:
            raise CaseworkError(f"'{title}' 명단이 없습니다. 고를 수 있는 명단: {', '.join(titles)}")
    pick_a = w.Dropdown(options=titles, value=first or titles[0], description="첫째 명단",
                        style={"description_width": "initial"}, layout=w.Layout(width="340px"))
    pick_b = w.Dropdown(options=titles, value=second or titles[1], description="둘째 명단",
                        style={"description_width": "initial"}, layout=w.Layout(width="340px"))
    combine_button = check_button(COMBINE_LABEL)
    combine_button.icon = "object-group"
    combine_button.tooltip = "고른 두 명단을 한 표로 합칩니다"
    table_area = w.HTML()
    answer_area = w.VBox()
    ladder_row = w.HBox()
    state: dict[str, object] = {"chosen": None}
    ticks: dict[str, dict[str, w.Checkbox]] = {"twice": {}, "missed": {}}

    def chosen() -> list[pd.DataFrame]:
        if pick_a.value == pick_b.value:
            raise CaseworkError("같은 명단을 두 번 골랐습니다. 서로 다른 두 기관의 명단을 골라 주세요.")
        return [lists[pick_a.value], lists[pick_b.value]]

    def combine(_=None) -> pd.DataFrame | None:
        ladder.area.value = ""
        outcome = judge_safely(lambda: (chosen(), al.combine(chosen()), al.person_choices(chosen(), needs)))
        if isinstance(outcome, Feedback):
            state["chosen"] = None
            answer_area.children = ()
            table_area.value = ""
            show(ladder.area, outcome)
            return None
        _, merged, choices = outcome
        state["chosen"] = (pick_a.value, pick_b.value)
        table_area.value = _TABLE_CSS + (
            _table_html(merged, f"합친 명단: {pick_a.value} + {pick_b.value}")
            + _table_html(al.masked_view(needs), "욕구 사정 명단")
        )
        labels = list(choices)
        grid_twice, ticks["twice"] = _ticks(labels)
        grid_missed, ticks["missed"] = _ticks(labels)
        answer_area.children = (
            w.HTML(f"<b>{_TWICE_TITLE}</b>"), grid_twice,
            w.HTML(f"<b>{_MISSED_TITLE}</b>"), grid_missed,
            ladder_row,
        )
        return merged

    def ticked(which: str) -> list[str]:
        boxes = ticks[which]
        return [label for label, box in boxes.items() if box.value]

    def tick(*, twice: Iterable[str] = (), missed: Iterable[str] = ()) -> None:
        for which, labels in (("twice", twice), ("missed", missed)):
            boxes = ticks[which]
            labels = list(labels)
            unknown = [label for label in labels if label not in boxes]
            if unknown:
                raise CaseworkError(f"고를 수 없는 사람입니다: {', '.join(unknown)}. 먼저 명단을 합쳐 주세요.")
            for label, box in boxes.items():
                box.value = label in labels

    def judge() -> Feedback:
        if state["chosen"] != (pick_a.value, pick_b.value):
            raise CaseworkError("명단을 새로 골랐습니다. '명단 합치기'를 먼저 눌러 주세요.")
        return judge_agency_lists((ticked("twice"), ticked("missed")), chosen(), needs)

    def read() -> dict[str, object]:
        return {"lists": [pick_a.value, pick_b.value], "twice": ticked("twice"), "missed": ticked("missed")}

    def write(saved: Any) -> None:
        saved = dict(saved)
        first_title, second_title = saved["lists"]
        if first_title in titles and second_title in titles:
            pick_a.value, pick_b.value = first_title, second_title
            if combine() is not None:
                tick(twice=saved.get("twice", []), missed=saved.get("missed", []))

    samples = lists_given is None and need_list is None
    ladder = Ladder(judge, key=("ch11", "agency-lists") if samples else None, read=read, write=write,
                    button_label=CHECK_LABEL, compact=True, restore=False)
    ladder_row.children = (ladder.button, ladder.hint_button, ladder.solution_button)
    ladder.restore()
    combine_button.on_click(combine)
    box = w.VBox([
        w.HTML("<b>두 기관의 명단을 골라 합쳐 보세요.</b> 이름은 가려서 보여 줍니다."),
        w.HBox([pick_a, pick_b, combine_button]),
        table_area,
        answer_area,
        ladder.note,
        ladder.area,
    ])
    box.add_class(CSS_CLASS)
    return with_attrs(box, combine=combine, tick=tick, check=ladder.check, hint=ladder.hint,
                      solution=ladder.solution, ladder=ladder, pickers=(pick_a, pick_b),
                      feedback_area=ladder.area, table_area=table_area)


# --------------------------------------------------------------------------- our own lists

UPLOAD_CSS_CLASS = "casework-agency-upload"
MATCH_LABEL = "명단 맞춰 보기"
CLEAR_LABEL = "결과 지우기"


def _uploaded_files(upload: w.FileUpload) -> list[tuple[str, bytes]]:
    """The files in an upload box as (name, bytes); the box is emptied at once.

    JupyterLab saves every widget's state into the notebook, so a file's content must not stay
    in the box's value after it is read.
    """
    files = [(str(f.get("name", "")), bytes(f.get("content", b""))) for f in upload.value]
    upload.value = ()
    return files


@dataclass
class _Uploaded:
    """The lists read from uploaded files, kept in this kernel's memory only."""

    agencies: dict[str, pd.DataFrame] = field(default_factory=dict)
    needs: pd.DataFrame | None = None
    need_name: str = ""


def agency_list_upload() -> w.VBox:
    """Upload our 동's agency lists and need list (CSV), then see who is served twice and who is missed.

    Files are read with :func:`casework.agency_lists.read_agency_list` and ``read_need_list`` as
    soon as they arrive and the upload boxes are emptied, so no file content stays in widget
    state; the lists are kept in this kernel's memory only. '명단 맞춰 보기' runs the exercise's
    merge (:func:`casework.agency_lists.served_twice` and ``missed``) with names masked;
    '결과 지우기' empties the tables and forgets the lists. Nothing is written to the progress file.
    The box has ``agency_upload``, ``need_upload``, ``files_area``, ``table_area``,
    ``feedback_area``, ``match()``, ``clear()`` and ``lists`` (for tests).
    """
    agency_upload = w.FileUpload(accept=".csv", multiple=True, description="기관 명단 올리기",
                                 layout=w.Layout(width="auto"))
    need_upload = w.FileUpload(accept=".csv", multiple=False, description="욕구 사정 명단 올리기",
                               layout=w.Layout(width="auto"))
    match_button = check_button(MATCH_LABEL, compact=True)
    match_button.icon = "object-group"
    clear_button = w.Button(description=CLEAR_LABEL, icon="trash", layout=w.Layout(width="auto"))
    files_area = w.HTML("")
    area = w.HTML("", layout=w.Layout(min_height="1.5em"))
    table_area = w.HTML("")
    lists = _Uploaded()

    def redraw_files() -> None:
        rows = [f"<li>기관 명단: {html.escape(name)} ({len(table)}줄)</li>" for name, table in lists.agencies.items()]
        if lists.needs is not None:
            rows.append(f"<li>욕구 사정 명단: {html.escape(lists.need_name)} ({len(lists.needs)}명)</li>")
        files_area.value = f"<b>읽은 명단</b><ul>{''.join(rows)}</ul>" if rows else ""

    def read_files(upload: w.FileUpload, reader: Callable[[bytes, str], pd.DataFrame]) -> list[tuple[str, pd.DataFrame]] | None:
        files = _uploaded_files(upload)
        outcome = judge_safely(lambda: [(name, reader(raw, name)) for name, raw in files])
        if isinstance(outcome, Feedback):
            show(area, outcome)
            return None
        area.value = ""
        return outcome

    def on_agencies(change: Mapping[str, Any]) -> None:
        if not change["new"]:
            return  # the box was just emptied
        read = read_files(agency_upload, al.read_agency_list)
        if read is not None:
            lists.agencies.update(dict(read))
            table_area.value = ""
            redraw_files()

    def on_needs(change: Mapping[str, Any]) -> None:
        if not change["new"]:
            return
        read = read_files(need_upload, al.read_need_list)
        if read:
            lists.need_name, lists.needs = read[-1]
            table_area.value = ""
            redraw_files()

    def tables() -> tuple[pd.DataFrame, pd.DataFrame]:
        agencies = list(lists.agencies.values())
        if not agencies:
            raise CaseworkError("기관 명단을 먼저 올려 주세요. 두 기관 이상의 명단을 올려야 겹치는 사람이 보입니다.")
        if lists.needs is None:
            raise CaseworkError("욕구 사정 명단을 먼저 올려 주세요. 누락된 사람은 이 명단과 견주어 찾습니다.")
        return al.served_twice(agencies), al.missed(lists.needs, agencies)

    def match(_: object = None) -> Feedback | tuple[pd.DataFrame, pd.DataFrame]:
        outcome = judge_safely(tables)
        if isinstance(outcome, Feedback):
            table_area.value = ""
            show(area, outcome)
            return outcome
        twice, missed_people = outcome
        area.value = ""
        if len(lists.agencies) < 2:
            area.value = ("<div style='color:#a66a00'>기관 명단이 하나뿐이라 ①에는 아무도 나오지 않습니다. "
                          "다른 기관의 명단도 올려 보세요.</div>")
        table_area.value = _TABLE_CSS_UPLOAD + (
            _table_html(twice, f"{_TWICE_TITLE}: {len(twice)}명") + _table_html(missed_people, f"{_MISSED_TITLE}: {len(missed_people)}명")
            + "<p style='color:#555'>이름은 가려서 보여 줍니다. 결과는 확인할 후보일 뿐이니 기관과 직접 확인하세요. "
              "노트북을 저장하거나 나누기 전에 [결과 지우기]를 누르세요.</p>"
        )
        return outcome

    def clear(_: object = None) -> None:
        lists.agencies, lists.needs, lists.need_name = {}, None, ""
        agency_upload.value = ()
        need_upload.value = ()
        table_area.value = files_area.value = area.value = ""

    agency_upload.observe(on_agencies, names="value")
    need_upload.observe(on_needs, names="value")
    match_button.on_click(match)
    clear_button.on_click(clear)
    box = w.VBox([
        w.HTML("<b>우리 동의 명단으로 맞춰 보기</b> 기관 명단(CSV)은 여러 개, 욕구 사정 명단(CSV)은 하나를 올리세요. "
               "올린 파일은 읽자마자 올리기 칸에서 비우므로 노트북이나 학습 기록에 남지 않습니다. "
               "다만 화면의 결과(이름을 가린 표)는 [결과 지우기]를 누를 때까지 노트북과 함께 저장되니, "
               "노트북을 저장하거나 나누기 전에 지우세요."),
        w.HBox([agency_upload, need_upload]),
        files_area,
        w.HBox([match_button, clear_button]),
        area,
        table_area,
    ])
    box.add_class(UPLOAD_CSS_CLASS)
    return with_attrs(box, agency_upload=agency_upload, need_upload=need_upload, files_area=files_area,
                      table_area=table_area, feedback_area=area, match=match, clear=clear, lists=lists,
                      match_button=match_button, clear_button=clear_button)


# The exercise's table styling, for the upload box's own class.
_TABLE_CSS_UPLOAD = _TABLE_CSS.replace(f".{CSS_CLASS} ", f".{UPLOAD_CSS_CLASS} ")
