"""Needs by domain as a chart (chapter 05): one horizontal bar of severity per need.

Bars are grouped by domain (in :class:`casework.domains.Domain` order) and coloured by
priority, so a reader sees at once which needs are severe and which come first. A
``reference`` list (e.g. the workbook's practice ratings) is drawn as a black marker on the
same row, so a learner can compare their own ratings with it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from casework.assessment import SEVERITY_WORDS, AssessedNeed, needs_by_domain
from casework.domains import Domain
from casework.errors import CaseworkError
from casework.plotting import use_korean_font

__all__ = ["needs_chart", "PRIORITY_COLOURS", "SEVERITY_WORDS"]

PRIORITY_COLOURS: dict[int, str] = {1: "#c0392b", 2: "#e67e22", 3: "#d4ac0d"}
"""Bar colour per priority; priority 4 and later share :data:`_LATER_COLOUR`."""
_LATER_COLOUR = "#7f8c8d"
_REFERENCE_COLOUR = "#111111"
_BAND_COLOUR = "#f2f4f7"


def _colour(priority: int) -> str:
    return PRIORITY_COLOURS.get(priority, _LATER_COLOUR)


def _priority_label(priority: int) -> str:
    return f"우선순위 {priority}" + (" (가장 먼저)" if priority == 1 else "")


def _rows(needs: list[AssessedNeed], reference: list[AssessedNeed]) -> list[tuple[Domain, str, str]]:
    """(domain, key, description) per row: domains in order, within a domain needs first."""
    seen: dict[str, tuple[Domain, str]] = {}
    for need in [*needs, *reference]:
        if need.key in seen:
            if seen[need.key][0] is not need.domain:
                raise CaseworkError(
                    f"욕구 '{need.key}'가 비교 목록과 영역이 다릅니다({seen[need.key][0].value} / "
                    f"{need.domain.value}). 같은 욕구는 같은 영역에 두세요."
                )
            continue
        seen[need.key] = (need.domain, need.description)
    order = {d: i for i, d in enumerate(Domain)}
    keys = list(seen)
    return sorted(
        ((seen[k][0], k, seen[k][1]) for k in keys),
        key=lambda row: (order[row[0]], keys.index(row[1])),
    )


def _unique(needs: list[AssessedNeed], what: str) -> dict[str, AssessedNeed]:
    by_key: dict[str, AssessedNeed] = {}
    for need in needs:
        if need.key in by_key:
            raise CaseworkError(f"{what}에 같은 이름(key)의 욕구 '{need.key}'가 두 번 있습니다. 하나만 남겨 주세요.")
        by_key[need.key] = need
    return by_key


def needs_chart(
    needs: Iterable[AssessedNeed],
    *,
    reference: Iterable[AssessedNeed] | None = None,
    title: str = "영역별 욕구의 심각도",
    row_notes: Mapping[str, str] | None = None,
) -> Figure:
    """Horizontal bars of severity (1–5) per need, grouped by domain, coloured by priority.

    ``reference`` needs (matched by ``key``) are drawn as black markers for comparison; a
    need that appears only in ``reference`` gets an empty row marked '고르지 않음', or with the
    text given for its key in ``row_notes`` (e.g. '0 · 문제 아님'). Returns the
    Figure (in a notebook assign it, ``fig = needs_chart(...)``, so it shows once).
    """
    import matplotlib.pyplot as plt

    items = [n for group in needs_by_domain(needs).values() for n in group]
    refs = [] if reference is None else [n for g in needs_by_domain(reference).values() for n in g]
    if not isinstance(title, str) or not title.strip():
        raise CaseworkError(f"그래프 제목(title)은 비어 있지 않은 글로 적어 주세요. 받은 값: {title!r}")
    if not items and not refs:
        raise CaseworkError("그릴 욕구가 없습니다. 심각도를 매긴 욕구(AssessedNeed)를 하나 이상 넣어 주세요.")
    if row_notes is not None and not isinstance(row_notes, Mapping):
        raise CaseworkError(f"row_notes에는 {{욕구 key: 보여 줄 글}} 사전(dict)을 넣어 주세요. 받은 값: {row_notes!r}")
    notes = dict(row_notes or {})
    for key, note in notes.items():
        if not isinstance(key, str) or not isinstance(note, str) or not note.strip():
            raise CaseworkError(f"row_notes에는 {{욕구 key: 보여 줄 글}}을 넣어 주세요. 받은 값: {key!r}: {note!r}")
    mine = _unique(items, "욕구 목록")
    theirs = _unique(refs, "비교할 욕구 목록(reference)")
    rows = _rows(items, refs)

    use_korean_font()
    height = 1.7 + 0.62 * len(rows)
    fig, ax = plt.subplots(figsize=(10, height), layout="constrained")
    ys = list(range(len(rows)))[::-1]  # first row at the top

    # Light bands behind alternate domains make the grouping visible.
    domain_rows: dict[Domain, list[int]] = {}
    for y, (domain, _, _) in zip(ys, rows):
        domain_rows.setdefault(domain, []).append(y)
    for i, ys_of in enumerate(domain_rows.values()):
        if i % 2 == 0:
            ax.axhspan(min(ys_of) - 0.5, max(ys_of) + 0.5, color=_BAND_COLOUR, zorder=0)

    priorities: set[int] = set()
    for y, (_domain, key, _description) in zip(ys, rows):
        need = mine.get(key)
        if need is not None:
            priorities.add(need.priority)
            ax.barh(y, need.severity, height=0.62, color=_colour(need.priority), zorder=2)
            ax.text(need.severity + 0.06, y, f"{need.severity}", va="center", ha="left", fontsize=10, zorder=3)
        else:
            ax.text(0.06, y, notes.get(key, "고르지 않음"), va="center", ha="left", fontsize=9.5, color="#666666", zorder=3)
        ref = theirs.get(key)
        if ref is not None:
            ax.plot([ref.severity, ref.severity], [y - 0.4, y + 0.4], color=_REFERENCE_COLOUR, lw=2.6, zorder=4)

    labels = [f"{textwrap.fill(description, 20)}\n[{domain.value}]" for domain, _, description in rows]
    ax.set_yticks(ys, labels, fontsize=9.5, linespacing=1.45)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlim(0, 5.6)
    ax.set_xticks(range(0, 6), ["0"] + [f"{s}\n{w}" for s, w in SEVERITY_WORDS.items()], fontsize=9.5)
    ax.set_xlabel("심각도 (1 가벼움 ~ 5 매우 심각)", fontsize=10.5)
    ax.grid(axis="x", color="#dddddd", zorder=1)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(title, fontsize=14)

    handles: list[Patch | Line2D] = [
        Patch(color=_colour(p), label=_priority_label(p)) for p in sorted(priorities)
    ]
    if refs:
        handles.append(Line2D([], [], color=_REFERENCE_COLOUR, lw=2.6, label="비교 기준(워크북 예시)"))
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 4),
                   fontsize=9.5, frameon=False)
    return fig
