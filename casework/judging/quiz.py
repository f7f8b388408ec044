"""Judging the four quiz kinds of the chapters (choice, match, order, categorize).

Each kind is judged by the generic judge an exercise uses for the same shape of answer —
:func:`~casework.judging.choice.judge_choice`, :func:`~casework.judging.table.judge_table`,
:func:`~casework.judging.items.judge_order` — so a chapter quiz and an exercise never disagree on a
choice, a table or an order. A wrong try is told why the chosen answer does not fit; the right
answer is only in the model answer (풀이 보기).

An answer is what a widget holds (the option text or number, ``{left: right}``, a list in order,
``{statement: category}``) or the plain text a learner typed (``3``; ``항목: 값`` lines; one
item per line).
"""

from __future__ import annotations

from collections.abc import Callable

from casework._util.text import josa, short_quote, squash_label
from casework.judging.answers import AnswerFormatError, Choice, choices_line, is_blank, read_list
from casework.judging.choice import judge_choice
from casework.judging.feedback import Feedback
from casework.judging.items import judge_order, match_labels
from casework.judging.table import judge_table

__all__ = ["judge", "question_hints", "question_solution", "KIND_HINTS"]

WhyNot = Callable[[str, str], str]

KIND_HINTS = {
    "choice": ("보기마다 본문의 어느 대목과 이어지는지 떠올려 보고, 문제가 묻는 낱말(가장, 직접, 아닌 것)을 다시 읽어 보세요.",),
    "match": ("확실한 짝부터 먼저 잇고, 남은 것끼리 견주어 보세요. 낱말 하나가 실마리가 되기도 합니다.",),
    "order": ("첫 단계와 마지막 단계부터 정하고, 앞 단계가 끝나야 할 수 있는 일이 무엇인지 차례로 따져 보세요.",),
    "categorize": ("칸마다 어떤 말이 들어가는지 먼저 떠올린 뒤, 문장을 하나씩 그 뜻에 견주어 보세요.",),
}


def question_hints(question) -> tuple[str, ...]:
    """The question's own hints, or the hints for its kind."""
    return tuple(getattr(question, "hints", ()) or ()) or KIND_HINTS[question.kind]


def question_solution(question) -> str:
    """The model answer of a question in one line, with the reason where the data gives one."""
    if question.kind == "choice":
        right = next(o for o in question.options if o.correct)
        why = " ".join(right.why.split())
        return f"{right.text} — {why}" if why else right.text
    if question.kind == "match":
        return " / ".join(f"{short_quote(p.left)} → {p.right}" + (f"({' '.join(p.why.split())})" if p.why else "")
                          for p in question.pairs)
    if question.kind == "order":
        reasons = [f"{i}. {item}: {question.reasons[item]}" for i, item in enumerate(question.items, 1)
                   if question.reasons.get(item)]
        return " → ".join(question.items) + (" (" + " / ".join(reasons) + ")" if reasons else "")
    return " / ".join(f"{short_quote(i.text)} → {i.category}" + (f"({' '.join(i.why.split())})" if i.why else "")
                      for i in question.items)


def judge(question, answer: object, *, why_not: WhyNot | None = None) -> Feedback:
    """Judge one answer to a quiz question; a blank answer is *unanswered*, never an error.

    ``why_not(item, chosen)`` explains a wrong category of a categorize question (default: a
    pointer back to the categories). An answer that names no option raises
    :class:`~casework.judging.answers.AnswerFormatError` with Korean guidance.
    """
    hints, solution = question_hints(question), question_solution(question)
    if is_blank(answer):
        return Feedback.unanswered(hints=hints, solution=solution)
    if question.kind == "categorize":
        result = _categorize(question, answer, why_not)
    else:
        result = {"choice": _choice, "match": _match, "order": _order}[question.kind](question, answer)
    return result.with_ladder(hints, solution)


def _choice(q, answer: object) -> Feedback:
    options = [Choice(number, o.text) for number, o in enumerate(q.options, 1)]
    if isinstance(answer, bool) or not isinstance(answer, (int, str)):  # True == 1 in Python
        raise AnswerFormatError(f"보기의 번호나 이름을 적어 주세요. 보기: {choices_line(options)}")
    if isinstance(answer, int) and not 1 <= answer <= len(options):
        raise AnswerFormatError(f"보기 번호는 1부터 {len(options)}까지입니다(받은 답: {answer}). "
                                f"보기: {choices_line(options)}")
    if isinstance(answer, str):
        # An option's own text wins over reading it as a number ('50', '4분의 1' are options).
        exact = [c.key for c in options if squash_label(c.label) == squash_label(answer)]
        if exact:
            answer = exact[0]
    expected = next(n for n, o in enumerate(q.options, 1) if o.correct)
    right_points = [q.options[expected - 1].why]
    if q.explanation:
        right_points.append(q.explanation)
    return judge_choice(answer, options, expected, what="답", right_points=right_points,
                        why_not=lambda chosen: q.options[chosen - 1].why)


def _match(q, answer: object) -> Feedback:
    options = [Choice(c, c) for c in q.choices]
    first = q.pairs[0]
    def why_not(_item: str, chosen: str) -> str:
        # What the chosen one is known for: it teaches without naming the right partner.
        own = next((p.why for p in q.pairs if p.right == chosen and p.why), "")
        return f"{short_quote(chosen, 30)}의 특징: {own}" if own else "다른 짝과 견주어 다시 생각해 보세요."

    right = [f"{short_quote(p.left, 30)} — {p.why}" for p in q.pairs if p.why]
    return judge_table(answer, {p.left: p.right for p in q.pairs}, options, what="연결", label_what="짝",
                       example=f"{short_quote(first.left, 20)}: {first.right}", matching=True, why_not=why_not,
                       right_points=tuple(right) + ((q.explanation,) if q.explanation else ()))


def _order(q, answer: object) -> Feedback:
    items = read_list(answer, "순서")
    matched, unknown = match_labels(items, q.items)
    wrong_points: list[str] = []
    if not unknown and len(matched) == len(q.items):
        wrong_points = [f"{pos}번째 자리의 {josa(short_quote(given), '은')} 그 자리가 아닙니다."
                        + (f" {q.reasons[given]}" if q.reasons.get(given) else "")
                        for pos, (given, right) in enumerate(zip(matched, q.items), 1) if given != right]
    return judge_order(answer, q.items, what="항목", wrong_points=wrong_points,
                       right_points=(q.explanation,) if q.explanation else ())


def _default_why_not(_item: str, _chosen: str) -> str:
    return "칸마다 어떤 말이 들어가는지 다시 떠올리고, 이 문장이 그 뜻에 맞는지 살펴보세요."


def _column_why_not(_item: str, chosen: str) -> str:
    from casework.pdn import category_meaning

    return f"{category_meaning(chosen)} 이 문장이 그런 말인지 다시 살펴보세요."


def _why_not_for(q) -> WhyNot:
    """The 문제·요구·욕구 columns explain themselves (chapter 06); other categories get a pointer back."""
    from casework.pdn import CATEGORIES

    return _column_why_not if list(q.categories) == list(CATEGORIES) else _default_why_not


def _categorize(q, answer: object, why_not: WhyNot | None) -> Feedback:
    options = [Choice(c, c) for c in q.categories]
    first = q.items[0]
    return judge_table(answer, {i.text: i.category for i in q.items}, options, what="분류", label_what="분류",
                       example=f"{short_quote(first.text, 20)}: {q.categories[0]}",
                       why_not=why_not or _why_not_for(q),
                       right_points=(q.explanation,) if q.explanation else ())
