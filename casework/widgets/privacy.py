"""Chapter 10: mask a case summary before sharing it, and see what may still identify someone.

:func:`check_masking` runs :func:`casework.privacy.mask_case_text` and then looks through the
masked text for things the masking does not touch but that often identify a person: long runs
of digits (account numbers, landlines without separators), birth dates, street addresses and
apartment units, e-mail addresses, and name-like words before a title such as 씨 or 어르신.

These checks are the workbook's teaching heuristics, not rules from the sources: they will
miss some things and flag some harmless ones. The feedback always ends by asking the learner
to read the text once more, as :data:`casework.privacy.SHARING_PRINCIPLE` does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import ipywidgets as w

from casework.errors import CaseworkError
from casework.feedback import Feedback, Status
from casework.privacy import MaskResult, mask_case_text
from casework.scenarios import bundled_scenario_file
from casework.widgets.base import check_button, feedback_area, judged, with_attrs

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
]

@dataclass(frozen=True)
class MaskingSample:
    """A fictional case summary to practise on and the names to mask in it."""

    text: str
    names: tuple[str, ...]

    @property
    def names_text(self) -> str:
        """The names as one comma-separated line, as the names box shows them."""
        return ", ".join(self.names)


# The sample's resident number, assembled here so that no RRN-shaped string is stored in a
# data file (bundled data must hold none); the YAML has the placeholder below instead.
SYNTHETIC_RRN = "-".join(("000101", "4000000"))
RRN_PLACEHOLDER = "{가짜_주민등록번호}"


def masking_sample() -> MaskingSample:
    """The bundled sample, read once from ``casework/data/scenarios/privacy_sample.yaml``.

    The names are the classic placeholder 홍길동 (and 홍길순) and the tale's 성춘향; every
    number in it is synthetic, made to be masked. ``{가짜_주민등록번호}`` in the file becomes
    :data:`SYNTHETIC_RRN`.
    """
    sample = bundled_scenario_file("privacy_sample.yaml", MaskingSample)
    return MaskingSample(sample.text.replace(RRN_PLACEHOLDER, SYNTHETIC_RRN), sample.names)


@dataclass(frozen=True)
class Leftover:
    """Something in the masked text that still looks like personal data."""

    kind: str
    text: str
    advice: str


@dataclass(frozen=True)
class MaskCheck:
    """The masking result and what still looks like personal data afterwards."""

    result: MaskResult
    leftovers: tuple[Leftover, ...]

    @property
    def clean(self) -> bool:
        """Did the heuristics find nothing left?"""
        return not self.leftovers


_DATE = re.compile(r"^(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}$")
_LONG_DIGITS = re.compile(r"(?<![0-9*])[0-9](?:[0-9]|[- ](?=[0-9])){6,}(?![0-9])")
_BIRTH = re.compile(
    r"(?:생년월일|출생일?|생일)\s*[:：]?\s*\d{2,4}\s*[-./년]\s*\d{1,2}\s*[-./월]\s*\d{1,2}일?"
    r"|\d{2,4}년\s*\d{1,2}월\s*\d{1,2}일\s*생"
)
_ADDRESS = re.compile(
    r"[가-힣0-9]+(?:로|길)\s?\d+(?:-\d+)?(?:번길\s?\d+)?"
    r"(?![0-9])(?!\s?(?:명|개|회|건|세|살|원|만|천|년|월|일|시|분|주|번째|차례|가지|층))"
    r"|\d+동\s?\d+호"
    r"|[가-힣]+(?:동|리)\s\d+-\d+"
    r"|\d+번지"
    r"|[가-힣]{2,}아파트"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Common family names; a rare one will be missed (this is a heuristic).
_SURNAMES = "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진지엄채원천방공현함변염여추도석선설마길연위표명기반왕금옥육인맹제모탁국은편용예경봉복태목형피두감"
_NAME_BEFORE_TITLE = re.compile(
    rf"(?<![가-힣○])([{_SURNAMES}][가-힣]{{1,2}})(?=\s?(?:씨|님|어르신|할머니|할아버지))"
)
# A number followed by one of these is an amount or a count, not an identifier.
_UNIT_AFTER = "원만명개회건세"
# Words that look like a name before 씨/님 but are ordinary words or titles.
_NOT_NAMES = frozenset({
    "이웃", "이모", "고모", "부모", "조부", "조모", "남편", "동생", "선생", "주민", "이장", "통장", "반장",
    "원장", "과장", "계장", "실장", "소장", "회장", "부장", "구청장", "동장", "주무관", "복지사", "간호사",
    "기사", "신부", "목사", "스님", "경비", "집주인", "주인", "고객", "환자", "보호자", "회원",
})


def find_leftovers(text: str) -> tuple[Leftover, ...]:
    """What in ``text`` still looks like personal data, in the order it appears."""
    if not isinstance(text, str):
        raise CaseworkError(f"살펴볼 내용은 글자(str)여야 합니다. 받은 값의 종류: {type(text).__name__}")
    found: list[tuple[int, Leftover]] = []
    taken: list[range] = []

    def add(start: int, end: int, kind: str, advice: str) -> None:
        if any(start < r.stop and r.start < end for r in taken):
            return
        taken.append(range(start, end))
        found.append((start, Leftover(kind, text[start:end].strip(), advice)))

    for m in _BIRTH.finditer(text):
        add(m.start(), m.end(), "생년월일", "생년월일은 나이(78세)나 연령대 정도로 바꾸세요.")
    for m in _EMAIL.finditer(text):
        add(m.start(), m.end(), "전자우편", "전자우편 주소는 지우세요.")
    for m in _LONG_DIGITS.finditer(text):
        if _DATE.match(m.group(0)) or text[m.end():].lstrip()[:1] in tuple(_UNIT_AFTER):
            continue
        add(m.start(), m.end(), "긴 숫자", "계좌번호나 전화번호일 수 있습니다. 지우거나 '통장'처럼 말로만 적으세요.")
    for m in _ADDRESS.finditer(text):
        add(m.start(), m.end(), "주소", "도로명·번지·호수는 지우고, 필요하면 '○○동' 정도만 남기세요.")
    for m in _NAME_BEFORE_TITLE.finditer(text):
        word = m.group(1)
        if word in _NOT_NAMES or word.endswith(("장", "씨", "님")):
            continue
        add(m.start(1), m.end(1), "이름", "이름으로 보입니다. 가릴 이름 칸에 넣거나 '이웃 주민'처럼 바꾸세요.")
    return tuple(item for _, item in sorted(found, key=lambda pair: pair[0]))


def parse_names(text: str) -> list[str]:
    """Names typed in one box, separated by commas (or line breaks); blanks are skipped."""
    if not isinstance(text, str):
        raise CaseworkError(f"이름은 쉼표로 나누어 적어 주세요. 예: '홍길순, 홍길동'. 받은 값: {text!r}")
    return [part.strip() for part in re.split(r"[,\n]", text) if part.strip()]


def check_masking(text: str, names: Iterable[str] = ()) -> MaskCheck:
    """Mask ``text`` (RRNs, phone numbers, the listed names) and look for what is left."""
    result = mask_case_text(text, names)
    return MaskCheck(result, find_leftovers(result.text))


def _counts_line(result: MaskResult) -> str:
    parts = [f"{kind} {n}건" for kind, n in result.counts.items()]
    return "가린 것: " + ", ".join(parts) + f" (모두 {result.total}건)"


_READ_AGAIN = "자동으로 찾지 못하는 정보(직장, 학교, 드문 사연 등)도 있으니 나누기 전에 한 번 더 읽어 보세요."


def masking_feedback(text: str, names: Iterable[str] | str = ()) -> Feedback:
    """Feedback on a masked case text; ``names`` may be a list or one comma-separated string."""
    if isinstance(names, str):
        names = parse_names(names)
    if isinstance(text, str) and not text.strip():
        return Feedback.unanswered("나눌 사례 요약을 붙여 넣으세요.")
    check = check_masking(text, names)
    counts = _counts_line(check.result)
    if check.leftovers:
        points = [f"{item.kind}: '{item.text}' — {item.advice}" for item in check.leftovers]
        return Feedback(
            Status.PARTIAL,
            f"아직 개인정보로 보이는 것이 {len(check.leftovers)}군데 남아 있습니다.",
            (counts, *points),
            0.5,
        )
    if check.result.total == 0:
        return Feedback(
            Status.CORRECT,
            "가릴 만한 번호나 이름을 찾지 못했습니다.",
            (_READ_AGAIN,),
            1.0,
        )
    return Feedback(Status.CORRECT, "개인정보로 보이는 것은 더 찾지 못했습니다.", (counts, _READ_AGAIN), 1.0)


_FROM_SAMPLE: Any = object()  # default marker: take the value from masking_sample()


def masking_widget(value: str = _FROM_SAMPLE, names: str = _FROM_SAMPLE) -> w.VBox:
    """A text area for the case summary, a names box, a 가리기 button, the masked text and feedback.

    ``value`` and ``names`` (comma-separated) default to :func:`masking_sample`. The box has
    ``text``, ``names``, ``masked`` (HTML) and ``check()`` for tests.
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
    area = feedback_area()
    button = check_button("가리기")

    def judge() -> Feedback:
        masked.value = ""
        listed = parse_names(names_box.value)
        feedback = masking_feedback(text_box.value, listed)
        if text_box.value.strip():
            shown = mask_case_text(text_box.value, listed).text
            masked.value = (
                "<div style='white-space:pre-wrap;border:1px solid #ccc;padding:6px 10px;"
                f"background:#fafafa'><b>가린 결과</b><br>{html.escape(shown)}</div>"
            )
        return feedback

    check = judged(judge, area)
    button.on_click(check)
    return with_attrs(w.VBox([text_box, names_box, button, masked, area]),
                      text=text_box, names=names_box, masked=masked, feedback_area=area, check=check)
