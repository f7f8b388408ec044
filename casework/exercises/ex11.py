"""Exercise 11 동 단위: combine agency lists, mask a case text, sort resources, find unmet needs."""

from __future__ import annotations

import re
from typing import Any

from casework._util.text import josa
from casework.cases import load_case
from casework.exercises.definition import Build, Context, Exercise, Question, as_lines, case_info, case_needs
from casework.judging.answers import Choice
from casework.judging.feedback import Feedback
from casework.judging.items import judge_set
from casework.judging.lists import MISSED, TWICE, judge_agency_lists
from casework.judging.masking import judge_masked_text
from casework.judging.table import judge_table


def build(b: Build) -> tuple[dict[str, Any], dict[str, Any]]:
    from casework import agency_lists
    from casework.resources import sample_resources, unmet_needs

    rng = b.rng
    lists = agency_lists.sample_agency_lists()
    names = list(lists)
    chosen = sorted(rng.sample(names, k=rng.choice((2, 3))), key=names.index)
    service_lists = [lists[n] for n in chosen]
    need_list = agency_lists.sample_need_list()
    choices = list(agency_lists.person_choices(service_lists, need_list))

    # Synthetic identifiers only: assembled so that no RRN-shaped literal sits in the source.
    person = rng.choice(("김가나", "이다라", "박마바", "최사아"))
    family = rng.choice(("김자차", "이카타", "박파하"))
    rrn = f"{rng.randint(30, 59):02d}{'01'}{'01'}-{rng.choice('12')}{'0' * 6}"
    phone = f"010-{'0' * 4}-{'0' * 3}{rng.randint(1, 9)}"
    share_text = rng.choice(b.text.share_texts).format(name=person, family=family, rrn=rrn, phone=phone)
    names_to_mask = [person, family] if family in share_text else [person]

    resources = list(sample_resources())
    kinds_pick = [r for r in resources if r.kind.value != "물적 자원"]
    kinds_pick += rng.sample([r for r in resources if r.kind.value == "물적 자원"], k=2)
    rng.shuffle(kinds_pick)

    needs = case_needs(b.case) or case_needs(load_case("elderly_alone"))
    picked_needs = rng.sample(needs, k=min(len(needs), rng.choice((3, 4))))
    available = rng.sample(resources, k=rng.randint(2, len(resources)))
    if not unmet_needs(picked_needs, available):
        gone = rng.choice(picked_needs)[1]
        available = [r for r in available if gone not in r.domains]
    available.sort(key=resources.index)
    public = {
        "case": case_info(b.case),
        "service_lists": {n: agency_lists.masked_view(lists[n]) for n in chosen},
        "need_list": agency_lists.masked_view(need_list),
        "people": choices,
        "share_text": share_text,
        "names": names_to_mask,
        "resources_to_sort": {r.name: r.description for r in kinds_pick},
        "needs": [f"{text} ({domain.value})" for text, domain in picked_needs],
        "available_resources": {r.name: ", ".join(sorted(d.value for d in r.domains)) for r in available},
    }
    private = {
        "service_lists": service_lists,
        "need_list": need_list,
        "kinds": {r.name: r.kind.value for r in kinds_pick},
        "unmet": [f"{text} ({domain.value})" for text, domain in unmet_needs(picked_needs, available)],
    }
    return public, private


def _q1_solution(ctx: Context) -> str:
    from casework import agency_lists

    twice = agency_lists.served_twice(ctx.private["service_lists"])
    missed = agency_lists.missed(ctx.private["need_list"], ctx.private["service_lists"])
    twice_labels = [f"{n} ({b})" for n, b in zip(twice["이름"], twice["생년월일"])]
    missed_labels = [f"{n} ({b})" for n, b in zip(missed["이름"], missed["생년월일"])]
    return f"{TWICE}: {', '.join(twice_labels) or '없음'}\n{MISSED}: {', '.join(missed_labels) or '없음'}"


def _q2_solution(ctx: Context) -> str:
    from casework.privacy import mask_case_text

    return mask_case_text(ctx.data["share_text"], ctx.data["names"]).text


def _kind_choices() -> list[Choice]:
    from casework.resources import ResourceKind

    return [Choice(k.value, k.value, (k.value.replace(" 자원", ""),)) for k in ResourceKind]


def _q3(answer: object, ctx: Context) -> Feedback:
    from casework.resources import ResourceKind

    meaning = {k.value: k.explanation for k in ResourceKind}
    return judge_table(answer, ctx.private["kinds"], _kind_choices(), what="자원 분류", label_what="자원 종류",
                       example="이웃 도시락 나눔: 관계 자원",
                       why_not=lambda item, chosen: f"{josa(chosen, '은')} {meaning[chosen]} 이 자원이 그런지 다시 보세요.")


def _q4(answer: object, ctx: Context) -> Feedback:
    shown = ctx.data["needs"]
    aliases = {re.sub(r"\s*\([^)]*\)$", "", n): n for n in shown}
    return judge_set(answer, shown, ctx.private["unmet"], what="맞는 자원이 없는 욕구", aliases=aliases,
                     right_points=("맞는 자원이 없는 욕구는 새 자원을 개발할 단서입니다. 이웃, 주민 모임, 동네 가게처럼 "
                                   "지역의 인적·관계 자원부터 찾아보세요.",))


EXERCISE = Exercise(
    id="11",
    build=build,
    questions={
        "q1": Question(("service_lists", "need_list", "people"),
                       lambda a, ctx: judge_agency_lists(a, ctx.private["service_lists"], ctx.private["need_list"]),
                       _q1_solution),
        "q2": Question(("share_text", "names"),
                       lambda a, ctx: judge_masked_text(a, ctx.data["share_text"], ctx.data["names"]),
                       _q2_solution),
        "q3": Question(("resources_to_sort",), _q3,
                       lambda ctx: "\n".join(f"{n}: {k}" for n, k in ctx.private["kinds"].items())),
        "q4": Question(("case", "needs", "available_resources"), _q4, lambda ctx: as_lines(ctx.private["unmet"])),
    },
    banks=("share_texts",),
)
