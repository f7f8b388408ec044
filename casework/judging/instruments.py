"""Judging a K-ADL or Lawton IADL scoring (chapter 05).

The learner scores each item; with the case's observations (``practice``, from the case file's
``practice_data``) each item is compared with the score the observation implies. A wrong item
is told what the chosen score means and which observation to read again, never the score that
fits; the total and what it means are given once every item fits (or when there is nothing to
compare). The scores that fit are the model answer (풀이 보기).

An answer is ``{item: score or None}`` (what the widget's dropdowns hold) or text with one
``항목: 점수`` line per item (``목욕하기: 2``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from casework._util.text import josa, short_quote
from casework.assessment import (
    KADL_ITEMS,
    KADL_LEVELS,
    KADL_SOURCE,
    LAWTON_IADL_ITEMS,
    LAWTON_SCORING_NOTE,
    LAWTON_SOURCE,
    score_kadl,
    score_lawton_iadl,
)
from casework.errors import CaseworkError
from casework.judging import rubric
from casework.judging.answers import AnswerFormatError, read_number, read_pairs
from casework.judging.feedback import Feedback
from casework.judging.items import match_labels

__all__ = ["KADL_GUIDE", "LAWTON_GUIDE", "IADL_RESOURCE_HINTS", "KADL_HINTS", "LAWTON_HINTS",
           "judge_kadl", "judge_lawton"]

KADL_GUIDE: dict[int, str] = {
    1: "자립: 남의 도움 없이 혼자 한다",
    2: "부분도움: 일부를 도와주거나 곁에서 붙잡아 주어야 한다",
    3: "완전도움: 거의 모두 남이 해 준다",
}
"""The workbook's short reading of the three K-ADL levels (not the instrument's own wording)."""

LAWTON_GUIDE: dict[str, tuple[str, str]] = {
    "전화 사용": ("스스로 번호를 찾아 걸거나, 아는 번호 몇 개만 걸거나, 걸려 온 전화를 받기만 해도 1점",
              "전화를 전혀 쓰지 못하면 0점"),
    "장보기": ("필요한 장을 모두 혼자 보면 1점",
            "작은 물건만 혼자 사거나, 누가 같이 가야 하거나, 전혀 못 보면 0점"),
    "식사 준비": ("끼니를 스스로 계획하고 준비해 제대로 차려 먹으면 1점",
              "재료를 갖다줘야 하거나, 데우기만 하거나, 차려도 끼니가 부실하거나, 남이 차려 줘야 하면 0점"),
    "집안일": ("혼자 하거나 힘든 일만 가끔 도움받거나, 가벼운 일만 하거나, 깔끔하게 유지하지 못해도 "
            "집안일에 참여하면 1점", "집안일에 전혀 참여하지 않으면 0점"),
    "빨래": ("자기 빨래를 다 하거나 양말 같은 작은 빨래만 해도 1점", "빨래를 모두 남이 해 주면 0점"),
    "교통수단 이용": ("대중교통을 혼자 타거나 운전하거나, 스스로 택시를 불러 타거나, 누가 함께하면 대중교통을 "
                "탈 수 있으면 1점", "남의 도움을 받아 택시·자가용으로만 다니거나 전혀 외출하지 않으면 0점"),
    "약 복용 관리": ("정해진 양을 제때 스스로 챙겨 먹으면 1점",
                "누가 미리 한 번 먹을 만큼씩 나눠 줘야 먹거나, 스스로 먹지 못하면 0점"),
    "재정 관리": ("돈 관리를 스스로 하거나, 날마다 쓰는 돈은 챙기되 은행 일·큰 지출만 도움받으면 1점",
              "돈을 다룰 수 없으면 0점"),
}
"""Lawton & Brody (1969)'s scoring of each item, shortened into Korean by the workbook."""

IADL_RESOURCE_HINTS: dict[str, str] = {
    "전화 사용": "정기적인 안부 확인",
    "장보기": "장보기 동행이나 배달",
    "식사 준비": "도시락 나눔이나 밑반찬 지원",
    "집안일": "가사 지원",
    "빨래": "가사 지원",
    "교통수단 이용": "이동 지원 서비스나 병원 동행",
    "약 복용 관리": "복약 확인(방문 간호, 이웃의 안부 확인)",
    "재정 관리": "금전관리 지원",
}
"""Where each IADL item that a person cannot do points for resources (the workbook's examples)."""

KADL_HINTS = (
    "관찰 기록에서 '혼자', '도와주면', '붙잡아', '해 준다' 같은 말을 찾아보세요. 누가 얼마나 거드는지가 점수를 가릅니다.",
    "1점은 남의 도움 없이 혼자 하는 것, 2점은 일부를 도와주거나 곁에서 붙잡아 주어야 하는 것, 3점은 거의 모두 남이 해 주는 것입니다.",
)
LAWTON_HINTS = (
    "Lawton IADL은 항목마다 1점(할 수 있음) 또는 0점입니다. 항목 아래의 채점 기준과 관찰 기록을 한 줄씩 견주어 보세요.",
    "조금이라도 스스로 하면 1점인 항목(전화 사용, 집안일, 빨래)과, 모두 혼자 해야 1점인 항목(장보기, 식사 준비)이 있습니다.",
)

_ALIASES = {"이동": "이동(옮겨 앉기)", "옮겨앉기": "이동(옮겨 앉기)", "옮겨 앉기": "이동(옮겨 앉기)"}


def _from_text(answer: str, items: Sequence[str], tool: str) -> dict[str, object]:
    answers: dict[str, object] = {}
    for name, value in read_pairs(answer, f"{tool} 점수", f"{items[0]}: 1"):
        matched, unknown = match_labels([name], items, _ALIASES)
        if unknown:
            raise AnswerFormatError(f"{josa(short_quote(name), '은')} {tool}의 항목이 아닙니다. 항목: {', '.join(items)}")
        number = read_number(value, f"{matched[0]} 점수", "1")
        answers[matched[0]] = int(number) if number.is_integer() else number
    return answers


def _check_answers(answers: object, items: Sequence[str], allowed: Iterable[int], tool: str) -> dict[str, int | None]:
    if isinstance(answers, str):
        answers = _from_text(answers, items, tool)
    if not isinstance(answers, Mapping):
        raise CaseworkError(f"{tool} 응답은 {{항목: 점수}} 형태의 사전(dict)으로 주세요. 받은 값: {answers!r}")
    unknown = [str(k) for k in answers if k not in items]
    if unknown:
        raise CaseworkError(f"{tool}에 없는 항목입니다: {', '.join(unknown)}. 항목: {', '.join(items)}")
    allowed = tuple(allowed)
    checked: dict[str, int | None] = {}
    for item in items:
        value = answers.get(item)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value not in allowed):
            raise CaseworkError(
                f"{tool} 항목 '{item}'의 점수는 {', '.join(map(str, allowed))} 가운데 하나여야 합니다. 받은 값: {value!r}"
            )
        checked[item] = value
    return checked


def _key(practice: object, items: Sequence[str], tool: str) -> dict:
    from casework.cases import PracticeItemScore

    if isinstance(practice, (str, bytes)) or not isinstance(practice, Sequence):
        raise CaseworkError(f"{tool} 연습 자료는 PracticeItemScore의 목록으로 주세요. 받은 값: {practice!r}")
    key = {}
    for p in practice:
        if not isinstance(p, PracticeItemScore) or p.item not in items:
            raise CaseworkError(f"{tool} 연습 자료에 알 수 없는 항목이 있습니다: {p!r}")
        key[p.item] = p
    return key


def _blank(checked: Mapping[str, int | None], tool: str, hints: tuple[str, ...], solution: str) -> Feedback | None:
    blank = [i for i, v in checked.items() if v is None]
    if len(blank) == len(checked):
        return Feedback.unanswered(f"{tool}의 항목마다 점수를 골라 보세요.", hints=hints, solution=solution)
    if blank:
        return Feedback.unanswered(
            f"{tool} {len(checked)}개 항목 가운데 {len(blank)}개를 아직 고르지 않았습니다: {', '.join(blank)}. "
            "모든 항목을 골라야 총점을 낼 수 있습니다.", hints=hints, solution=solution)
    return None


def _misfits(scores: Mapping[str, int], key: Mapping, meaning: Callable[[str, int], str]) -> list[str]:
    points = []
    for item, value in scores.items():
        expected = key.get(item)
        if expected is not None and value != expected.score:
            points.append(f"{short_quote(item)}: {meaning(item, value)} 관찰 기록 "
                          f"{josa(short_quote(expected.observation, 60), '과')} 견주어 다시 보세요.")
    return points


def _verdict(tool: str, total: int, scale: str, about: list[str], notes: list[str], misfits: list[str],
             n_key: int, hints: tuple[str, ...], solution: str) -> Feedback:
    """Correct with the total and its meaning when every item fits; else the share of items that fit."""
    if not misfits:
        fits = f"{n_key}개 항목 모두 관찰 기록에 맞게 매겼습니다. " if n_key else ""
        return rubric.right(f"{fits}{tool} 총점 {total}점({scale}).", (*about, *notes)).with_ladder(hints, solution)
    right = n_key - len(misfits)
    return rubric.from_share(
        right, n_key,
        all_right=f"{n_key}개 항목 모두 관찰 기록에 맞게 매겼습니다.",
        some_right=f"관찰 기록에 맞게 매긴 항목은 {n_key}개 가운데 {right}개입니다(지금 매긴 점수의 총점 {total}점).",
        points=(*misfits, "점수를 관찰 기록에 맞춘 뒤 총점과 도움이 필요한 항목을 다시 보세요."),
    ).with_ladder(hints, solution)


def _solution(key: Mapping, items: Sequence[str], describe: Callable[[int], str],
              summary: Callable[[dict[str, int]], str]) -> str:
    """The scores the observations imply, item by item, and the total once every item has one."""
    if not key:
        return ""
    scores = {item: p.score for item, p in key.items()}
    text = ", ".join(f"{item} {describe(score)}" for item, score in scores.items())
    tail = f" {summary(scores)}" if len(scores) == len(items) else ""
    return f"관찰 기록에 맞는 점수: {text}.{tail}"


def _kadl_summary(scores: dict[str, int]) -> str:
    result = score_kadl(scores)
    helped = ", ".join(f"{i}({result.level(i)})" for i in result.needs_help) or "없음"
    return f"총점 {result.total}점, 도움이 필요한 항목: {helped}."


def judge_kadl(answers: Mapping[str, int | None] | str, practice: Sequence = ()) -> Feedback:
    """Total and interpretation of a K-ADL scoring (``{item: 1|2|3 or None}``).

    With ``practice`` (the case's observations and their scores) each item is also compared.
    Blank items are listed and no total is given until every item is scored.
    """
    checked = _check_answers(answers, KADL_ITEMS, KADL_LEVELS, "K-ADL")
    key = _key(practice, KADL_ITEMS, "K-ADL")
    solution = _solution(key, KADL_ITEMS, lambda v: f"{v}({KADL_LEVELS[v]})", _kadl_summary)
    blank = _blank(checked, "K-ADL", KADL_HINTS, solution)
    if blank is not None:
        return blank
    scores = {i: v for i, v in checked.items() if v is not None}
    result = score_kadl(scores)
    misfits = _misfits(scores, key, lambda _item, v: f"고른 {josa(f'{v}({KADL_LEVELS[v]})', '은')} "
                                                      f"'{KADL_GUIDE[v].split(': ')[1]}'는 뜻입니다.")
    about: list[str] = []
    if result.needs_help:
        helped = ", ".join(f"{i}({result.level(i)})" for i in result.needs_help)
        about.append(f"도움이 필요한 항목: {helped}. 이 항목들이 돌봄서비스·가사지원 같은 자원을 잇는 근거가 됩니다.")
    else:
        about.append("일곱 항목 모두 혼자 합니다. 기본 일상생활은 자립입니다.")
    notes = ["워크북은 '몇 점 이상이면 어떻다'는 절단점을 쓰지 않습니다. 출처에서 확인하지 못했기 때문입니다. "
             f"출처: {KADL_SOURCE}"]
    return _verdict("K-ADL", result.total, "7~21점, 높을수록 다른 사람의 도움이 더 필요합니다", about, notes,
                    misfits, len(key), KADL_HINTS, solution)


def judge_lawton(answers: Mapping[str, int | None] | str, practice: Sequence = ()) -> Feedback:
    """Total and interpretation of a Lawton IADL scoring (``{item: 0|1 or None}``).

    With ``practice`` each item is also compared; a wrong item is shown the scoring guide of
    the score it was given.
    """
    checked = _check_answers(answers, LAWTON_IADL_ITEMS, (0, 1), "Lawton IADL")
    key = _key(practice, LAWTON_IADL_ITEMS, "Lawton IADL")
    solution = _solution(key, LAWTON_IADL_ITEMS, lambda v: f"{v}점",
                         lambda scores: f"총점 {score_lawton_iadl(scores).total}점.")
    blank = _blank(checked, "Lawton IADL", LAWTON_HINTS, solution)
    if blank is not None:
        return blank
    scores = {i: v for i, v in checked.items() if v is not None}
    result = score_lawton_iadl(scores)

    def meaning(item: str, value: int) -> str:
        able, unable = LAWTON_GUIDE[item]
        return f"고른 {value}점의 채점 기준은 '{able if value else unable}'입니다."

    misfits = _misfits(scores, key, meaning)
    about: list[str] = []
    if result.unable:
        hints = "; ".join(f"{i} → {IADL_RESOURCE_HINTS[i]}" for i in result.unable)
        about.append(f"혼자 하기 어려운 일이 자원을 이을 곳을 알려 줍니다: {hints}.")
    else:
        about.append("여덟 가지 일을 모두 혼자 할 수 있습니다.")
    notes = [f"{LAWTON_SCORING_NOTE} 출처: {LAWTON_SOURCE}"]
    return _verdict("Lawton IADL", result.total, "0~8점, 높을수록 혼자 할 수 있는 일이 많습니다", about, notes,
                    misfits, len(key), LAWTON_HINTS, solution)
