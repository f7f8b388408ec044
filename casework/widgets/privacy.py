"""Chapter 10: mask a case summary before sharing it, and see what may still identify someone.

Wiring only: :func:`casework.judging.masking.masking_feedback` judges, :mod:`casework.leftovers`
finds what the masking leaves, :mod:`casework.scenario_models` holds the practice sample. The
names are re-exported here because chapter 10 imports them from this module.

The text a learner pastes is never written to the progress file (it may be a real case summary);
only the verdict and the number of tries are kept.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as w

from casework.errors import CaseworkError
from casework.judging.feedback import Feedback, Level
from casework.judging.guard import judge_safely
from casework.judging.masking import MaskCheck, check_masking, masking_feedback, parse_names
from casework.leftovers import Leftover, find_leftovers
from casework.scenario_models import RRN_PLACEHOLDER, SYNTHETIC_RRN, MaskingSample, masking_sample
from casework.widgets.base import checked_box

__all__ = [
    "Leftover",
    "MaskCheck",
    "MaskingSample",
    "masking_sample",
    "find_leftovers",
    "parse_names",
    "check_masking",
    "masking_feedback",
    "masking_widget",
    "RRN_PLACEHOLDER",
    "SYNTHETIC_RRN",
]

_FROM_SAMPLE: Any = object()  # default marker: take the value from masking_sample()


def masking_widget(value: str = _FROM_SAMPLE, names: str = _FROM_SAMPLE) -> w.VBox:
    """A text area for the case summary, a names box, a 가리기 button, the masked text and feedback.

    ``value`` and ``names`` (comma-separated) default to :func:`masking_sample`. The box has
    ``text``, ``names``, ``masked`` (HTML), ``check()``, ``hint()`` and ``solution()`` for tests.
    """
    if value is _FROM_SAMPLE:
        value = masking_sample().text
    if names is _FROM_SAMPLE:
        names = masking_sample().names_text
    if not isinstance(value, str) or not isinstance(names, str):
        raise CaseworkError("사례 요약과 이름은 글자(str)로 넣어 주세요.")
    text_box = w.Textarea(value=value, placeholder="나누고 싶은 사례 요약을 붙여 넣으세요",
                          layout=w.Layout(width="95%", height="140px"))
    names_box = w.Text(value=names, description="가릴 이름", placeholder="쉼표로 나누어 적기: 홍길순, 홍길동",
                       layout=w.Layout(width="60%"))
    masked = w.HTML()

    def show_masked(feedback: Feedback, _level: Level) -> None:
        masked.value = ""
        checked = judge_safely(lambda: check_masking(text_box.value, parse_names(names_box.value)))
        if text_box.value.strip() and isinstance(checked, MaskCheck):
            shown = checked.result.text
            masked.value = (
                "<div style='white-space:pre-wrap;border:1px solid #ccc;padding:6px 10px;"
                f"background:#fafafa'><b>가린 결과</b><br>{html.escape(shown)}</div>"
            )

    return checked_box(
        [text_box, names_box], lambda: masking_feedback(text_box.value, names_box.value),
        key=("ch10", "masking"), read=lambda: None, save_answer=False, on_show=show_masked,
        button_label="가리기", after=[masked],
        extra_attrs={"text": text_box, "names": names_box, "masked": masked},
    )
