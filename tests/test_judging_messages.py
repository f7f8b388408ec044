"""Is every Korean sentence the judges produce well formed?

Every judge of :mod:`casework.judging` (and every exercise question, which judges with them) is
run over the bundled data with right, wrong, blank and malformed answers. Each message — the
summary, the points, the hints and the model answer, and the guidance of a refused answer — is
checked for:

* a bracketed particle: ``(는)``, ``(가)``, ``(를)``, ``(과)``, ``(와)``, ``(으)``, ``(을)``, ``(은)``, ``(이)``
  (particles are chosen from the word, :func:`casework._util.text.josa`);
* a status word that contradicts the verdict ('맞습니다' in a summary that is not correct,
  '다시 생각해 보세요' in a correct one);
* praise said twice: the headline of a right answer already says '맞았습니다', so its summary and
  points do not open with '맞습니다' again;
* a quote cut mid-word: an opening ' without its closing ', or a quote shortened with '…' that does
  not end at a word boundary of the text it quotes.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import pytest

from casework import quiz
from casework.judging.feedback import Feedback, Level, Status
from casework.judging.guard import judge_safely

BRACKETED = re.compile(r"\((?:는|가|를|과|와|으|을|은|이)\)")
NOT_RIGHT_WORDS = ("맞습니다", "맞았습니다", "정답입니다")
RIGHT_CONTRADICTIONS = ("다시 생각해 보세요", "틀렸", "보기는 어렵습니다", "처리하기는 어렵습니다")
APOSTROPHE = re.compile(r"(?<=[A-Za-z])'(?=[A-Za-z])")  # O'Connor
CUT_QUOTE = re.compile(r"'([^']*)…'")


@dataclass(frozen=True)
class Rendered:
    judge: str
    answer: str
    feedback: Feedback

    def messages(self) -> list[str]:
        fb = self.feedback
        return [fb.summary, *fb.points, *fb.hints, fb.solution]


def _run(judge: str, answer: object, call: Callable[[], Feedback]) -> Rendered:
    feedback = judge_safely(call)
    assert isinstance(feedback, Feedback), (judge, answer)
    return Rendered(judge, repr(answer)[:80], feedback)


# --------------------------------------------------------------------------- the answers, judge by judge


def _quiz() -> Iterator[Rendered]:
    from casework.judging.quiz import judge

    for quiz_id in quiz.quiz_ids():
        for q in quiz.load_quiz(quiz_id).questions:
            name = f"quiz {quiz_id}/{q.id}"
            right = q.right_answer()
            answers: list[object] = [right, None, "", "없는 보기\n두 줄", 0]
            if q.kind == "choice":
                answers += list(range(1, len(q.options) + 1))
            elif q.kind == "order":
                answers += [list(reversed(right)), right[:1]]
            else:
                values = list(right.values())
                answers.append(dict(zip(right, values[1:] + values[:1])))
                answers.append("\n".join(f"{k}: {v}" for k, v in right.items()))
            for answer in answers:
                yield _run(name, answer, lambda q=q, a=answer: judge(q, a))


def _free_text() -> Iterator[Rendered]:
    from casework import pdn
    from casework.exercises.checker import exercise_text
    from casework.judging.goals import judge_goal
    from casework.judging.needs import judge_need
    from casework.judging.questions import judge_question

    goals = [i.text for i in quiz.load_quiz("ch07").question("mistakes").items]
    goals += [o.text for o in quiz.load_quiz("ch07").question("good_goal").options]
    goals += ["어르신이 운동을 한다", "3개월 안에 주거환경이 개선된다", "도시락 배달 서비스를 연계한다", "", 42]
    for goal in goals:
        yield _run("goal", goal, lambda g=goal: judge_goal(g))
        yield _run("goal+owner", goal, lambda g=goal: judge_goal(g, owner="어르신"))
    questions = list(exercise_text("04").flawed_questions)
    questions += ["병원비가 없으시죠?", "요즘 하루를 어떻게 보내시는지 이야기해 주세요.", "요즘 어떻게 지내시나요",
                  "아이가 공부를 잘 못합니다.", "왜 약을 안 드셨어요? 그리고 병원은요?", "", 3]
    for question in questions:
        yield _run("question", question, lambda t=question: judge_question(t))
    needs: list[object] = ["", 3, "손녀가 학교에 안 가요"]
    for case_id in ("sick_child", "low_grades", "no_living_money", "drinking_violence"):
        for chain in pdn.load_case(case_id).chains:
            needs += [chain.problem, *chain.demands, *(n.text for n in chain.needs)]
    for need in needs:
        yield _run("need", need, lambda t=need: judge_need(t))


def _triage() -> Iterator[Rendered]:
    from casework.assessment import ProcessingType
    from casework.judging.triage import judge_intake_stories

    for story in ("가", "나", "다", "라"):
        for kind in ProcessingType:
            yield _run("triage", (story, kind), lambda s=story, k=kind: judge_intake_stories({s: k.label}))
    for answer in ({}, "", {"가": "상담"}, "가: 상담", {"마": "①"}, 5):
        yield _run("triage", answer, lambda a=answer: judge_intake_stories(a))


def _lists() -> Iterator[Rendered]:
    from casework import agency_lists as al
    from casework.judging.lists import judge_agency_lists

    lists, needs = al.sample_agency_lists(), al.sample_need_list()
    titles = list(lists)
    for a, b in ((0, 1), (1, 2), (0, 2)):
        pair = [lists[titles[a]], lists[titles[b]]]
        for label in al.person_choices(pair, needs):
            for answer in (([label], []), ([], [label])):
                yield _run("agency lists", answer, lambda p=pair, x=answer: judge_agency_lists(x, p, needs))
        for answer in (([], []), "두 곳: 가", "두 곳 이상: 없음\n누락: 없음"):
            yield _run("agency lists", answer, lambda p=pair, x=answer: judge_agency_lists(x, p, needs))


def _masking() -> Iterator[Rendered]:
    from casework.judging.masking import judge_masked_text, masking_feedback
    from casework.privacy import mask_case_text
    from casework.scenario_models import masking_sample

    sample = masking_sample()
    names = list(sample.names)
    right = mask_case_text(sample.text, names).text
    for answer in (right, sample.text, right.replace("어르신", "할머니"), "", right + " 성춘향 씨"):
        yield _run("masked text", answer, lambda a=answer: judge_masked_text(a, sample.text, names))
    fixed = sample.text.replace("햇살로 12, 3층", "햇살동").replace(" 110-000-000000", "")  # synthetic
    for text, listed in ((sample.text, sample.names_text), (fixed, sample.names_text), (fixed, "홍길순, 홍길동, 성춘향"),
                         ("무릎이 아프십니다.", ""), ("", ""), (sample.text, "홍"), (3, "")):
        yield _run("masking feedback", (text, listed), lambda t=text, n=listed: masking_feedback(t, n))


def _case_study() -> Iterator[Rendered]:
    from casework.cases import load_case
    from casework.judging.instruments import judge_kadl, judge_lawton
    from casework.judging.resources import judge_resource_picks
    from casework.judging.severity import judge_severity

    case = load_case("elderly_alone")
    example = {n.id: case.practice_data.need_ratings[n.id].severity for n in case.needs_by_domain}
    ratings: list[object] = [example, {k: 3 for k in example}, {k: (1 if v >= 3 else 5) for k, v in example.items()},
                             example | {"legal_help": 0}, {"medical": 3}, {}, "없는 욕구: 3", "의료적인 문제: 다섯"]
    for answer in ratings:
        yield _run("severity", answer, lambda a=answer: judge_severity(case, a))
    practice = case.practice_data
    for base, judge, items, levels in ((practice.kadl_answers(), judge_kadl, practice.kadl, (1, 2, 3)),
                                       (practice.lawton_answers(), judge_lawton, practice.lawton_iadl, (0, 1))):
        answers: list[object] = [base, {}, {next(iter(base)): levels[0]}, "달리기: 1", {k: 9 for k in base}]
        answers += [base | {item: level} for item in base for level in levels if level != base[item]]
        for answer in answers:
            yield _run(judge.__name__, answer, lambda j=judge, a=answer, p=items: j(a, p))
            yield _run(judge.__name__ + " (no practice)", answer, lambda j=judge, a=answer: j(a))
    full = {n.id: [n.resources[0].name] for n in case.needs_by_domain}
    for answer in (full, full | {"loneliness": [*full["loneliness"], "이웃의 안부 방문(이웃 관계망)"]},
                   {"medical": ["기초노령연금"]}, {"medical": ["정기검진", "기초노령연금"]}, {}, "의료적인 문제: 로또",
                   "없는 욕구: 정기검진"):
        yield _run("resources", answer, lambda a=answer: judge_resource_picks(case, a))


def _closure_and_steps() -> Iterator[Rendered]:
    from casework.closure import ClosureReason
    from casework.judging.closure import follow_up_feedback, judge_closure
    from casework.judging.next_step import judge_next_step
    from casework.process import STEP_ORDER
    from casework.scenario_models import closure_cases, next_step_scenarios

    for case in closure_cases():
        calls: list[tuple[object, object]] = [("아직 종결할 수 없다", None), (None, None), ("종결할 수 있다", None),
                                              ("어쩌면", None), ("예", "바빠서")]
        calls += [("종결할 수 있다", r.value) for r in ClosureReason]
        for may, reason in calls:
            yield _run("closure", (case.id, may, reason), lambda c=case, m=may, r=reason: judge_closure(c, m, r))
    for months, reason in (([1, 3, 6], "목표 달성"), ([4, 6], "목표 달성"), ([1, 13], "목표 달성"), ([2], "목표 달성"),
                           ([4, 14], "목표 달성"), ([], "목표 달성"), ([1], "사망"), ("1, 세", "목표 달성"), ([3, 1], "목표 달성")):
        yield _run("follow-up", months, lambda m=months, r=reason: follow_up_feedback(date(2024, 9, 2), m, reason=r))
    for item in next_step_scenarios():
        for choice in [*STEP_ORDER, None, "없는 단계", 12]:
            yield _run("next step", (item.id, choice), lambda i=item, c=choice: judge_next_step(i, c))


def _forms() -> Iterator[Rendered]:
    from casework import pdn
    from casework.caseload import example_team
    from casework.judging.caseload import judge_lowest_shared_limit
    from casework.judging.checklist import checklist_feedback
    from casework.judging.plan_form import ITEM_FIELDS, plan_form_feedback, plan_to_form
    from casework.monitoring import REASSESSMENT_CHECKLIST, SERVICE_CHECKLIST

    team = example_team()
    for limit in [*range(1, 41, 3), 24, None, "스물넷", "24.5"]:
        yield _run("caseload", limit, lambda x=limit: judge_lowest_shared_limit(team, x))
    for checklist in (SERVICE_CHECKLIST, REASSESSMENT_CHECKLIST):
        n = len(checklist)
        for answer in ([True] * n, [False] * n, *([i != j for j in range(n)] for i in range(n)), "", "예", [1] * n):
            yield _run("checklist", answer, lambda c=checklist, a=answer: checklist_feedback(c, a))
    header, rows = plan_to_form(pdn.practice_service_plan())
    broken = [dict(r) for r in rows]
    broken[0]["start"], broken[1]["priority"] = "2025-13-01", "둘"
    weak = [dict(r) for r in rows]
    weak[0]["objective"] = "학교사회복지사 상담을 연계한다"
    for h, r in ((header, rows), (header | {"case_number": ""}, broken), (header, weak), (header, []),
                 (header, [*rows, {name: "" for name in ITEM_FIELDS}]), (header, [{"colour": "빨강"}])):
        yield _run("plan form", (len(r),), lambda h=h, r=r: plan_form_feedback(h, r)[0])


def _exercises() -> Iterator[Rendered]:
    from casework.cases import case_ids
    from casework.exercises.checker import exercise_ids, new_checker

    for exercise_id in exercise_ids():
        for case_id in case_ids():
            for seed in (0, 1):
                checker = new_checker(exercise_id, learner="홍길동", case_id=case_id, seed=seed)
                models = {q: checker.model_answer(q) for q in checker.question_ids}
                others = list(models.values())
                for qid in checker.question_ids:
                    for answer in (models[qid], "", "모르겠어요", "1\n2\n3\n4\n5\n6\n7\n8\n9", *others):
                        yield _run(f"exercise {exercise_id} {qid}", answer,
                                   lambda c=checker, q=qid, a=answer: c.judge(q, a))


GROUPS = {
    "quiz": _quiz, "free text": _free_text, "triage": _triage, "agency lists": _lists, "masking": _masking,
    "case study": _case_study, "closure and steps": _closure_and_steps, "forms": _forms, "exercises": _exercises,
}


@functools.cache
def rendered(group: str) -> tuple[Rendered, ...]:
    return tuple(GROUPS[group]())


# --------------------------------------------------------------------------- what a quote may cut


@functools.cache
def _sources() -> tuple[str, ...]:
    """Every text a message may quote: the bundled content and the answers above."""
    from casework.cases import case_ids, load_case
    from casework.scenario_models import closure_cases, intake_stories, next_step_scenarios

    texts: list[str] = []

    def collect(value: object) -> None:
        if isinstance(value, str):
            texts.append(" ".join(value.split()))
        elif isinstance(value, dict):
            for k, v in value.items():
                collect(k)
                collect(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                collect(v)

    for quiz_id in quiz.quiz_ids():
        collect(json.loads(quiz.load_quiz(quiz_id).model_dump_json()))
    for case_id in case_ids():
        collect(json.loads(load_case(case_id).model_dump_json()))
    for item in (*closure_cases(), *next_step_scenarios(), *intake_stories()):
        collect(repr(item))
    for group in GROUPS:
        for r in rendered(group):
            collect(r.answer)
            collect(r.feedback.solution)
    return tuple(texts)


def _cut_at_a_word_boundary(fragment: str) -> bool:
    fragment = " ".join(fragment.split()).rstrip(" ,.·")
    for source in _sources():
        at = source.find(fragment)
        while at != -1:
            after = source[at + len(fragment):at + len(fragment) + 1]
            if after in ("", " ") or not after.isalnum():
                return True
            at = source.find(fragment, at + 1)
    return False


# --------------------------------------------------------------------------- the checks


def _offenders(group: str, check: Callable[[Rendered, str], bool]) -> list[str]:
    found = []
    for r in rendered(group):
        for message in r.messages():
            if message and check(r, message):
                found.append(f"{r.judge} {r.answer}: {message}")
    return found


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_judge_was_run_with_several_verdicts(group):
    """Did each group of judges give more than one kind of verdict (so the checks below saw them)?"""
    statuses = {r.feedback.status for r in rendered(group)}
    assert len(statuses) >= 3, (group, statuses)
    assert len(rendered(group)) >= 10


@pytest.mark.parametrize("group", list(GROUPS))
def test_no_bracketed_particles(group):
    """Is no particle written as '은(는)', '이(가)', '을(를)', '과(와)' or '(으)로'?"""
    def bracketed(r: Rendered, message: str) -> bool:
        return bool(BRACKETED.search(message))

    found = _offenders(group, bracketed)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("group", list(GROUPS))
def test_no_status_word_contradicts_the_verdict(group):
    """Does no summary say '맞습니다' unless the answer is right, or '다시 생각해 보세요' when it is?"""
    def contradicts(r: Rendered, message: str) -> bool:
        if message != r.feedback.summary:
            return False
        if r.feedback.status is Status.CORRECT:
            return any(word in message for word in RIGHT_CONTRADICTIONS)
        # A word, not a piece of one: '알맞습니다' (fits) is not '맞습니다' (right).
        return any(re.search(rf"(?<![가-힣]){word}", message) for word in NOT_RIGHT_WORDS)

    found = _offenders(group, contradicts)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("group", list(GROUPS))
def test_a_right_answer_is_not_praised_twice(group):
    """Does no summary or point of a right answer open with '맞습니다' after the '맞았습니다' headline?"""
    def praised_again(r: Rendered, message: str) -> bool:
        return (r.feedback.status is Status.CORRECT and message in (r.feedback.summary, *r.feedback.points)
                and message.lstrip().startswith(NOT_RIGHT_WORDS))

    found = _offenders(group, praised_again)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("group", list(GROUPS))
def test_every_quote_is_closed(group):
    """Has every opening ' its closing ' (apostrophes inside Latin names aside)?"""
    found = _offenders(group, lambda r, m: APOSTROPHE.sub("", m).count("'") % 2 == 1)
    assert not found, "\n".join(found[:20])


@pytest.mark.parametrize("group", list(GROUPS))
def test_shortened_quotes_end_at_a_word_boundary(group):
    """Is every quote shortened with '…' cut between words of the text it quotes?"""
    found = _offenders(group, lambda r, m: any(not _cut_at_a_word_boundary(f) for f in CUT_QUOTE.findall(m)))
    assert not found, "\n".join(found[:20])


def test_the_checks_catch_what_they_look_for():
    """Would each check fail on the faults the old messages had (so a pass means something)?"""
    old = Rendered("old", "", Feedback(Status.INCORRECT, "정답은 'X' 입니다: 맞습니다.",
                                       ("'…' 은(는) 욕구 이(가) 아니라 문제 입니다.", "'병원비가 없으시",
                                        "'부동산 처'…' 부분")))
    messages = old.messages()
    assert any(BRACKETED.search(m) for m in messages)
    assert any(w in old.feedback.summary for w in NOT_RIGHT_WORDS)
    assert any(APOSTROPHE.sub("", m).count("'") % 2 for m in messages)
    assert not _cut_at_a_word_boundary("부동산 처")
    assert _cut_at_a_word_boundary("부동산")


def test_the_ladder_levels_render_without_a_traceback():
    """Does every rendered feedback show at each level of the ladder, as text and HTML?"""
    for group in GROUPS:
        for r in rendered(group)[:50]:
            for level in Level:
                assert r.feedback.to_text(level) and r.feedback.to_html(level)
