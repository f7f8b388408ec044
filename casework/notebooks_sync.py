"""The facts a chapter teaches, written into its markdown from the workbook's data.

A chapter must read like a book before anyone runs it, yet its facts (the intake cautions, the
case of the 80-year-old, the closure reasons …) live once, in ``casework/data`` and the library.
So the notebooks hold *generated* markdown between two marker comments::

    <!-- begin generated: ch04.intake_cautions (python -m casework.notebooks_sync) -->

    1. …

    <!-- end generated: ch04.intake_cautions -->

``python -m casework.notebooks_sync`` rewrites every such part from :data:`BLOCKS`;
``--check`` only lists what differs (tests/test_notebooks_in_sync.py fails on any difference,
like the exercises' drift check). Edit the data or the block function, never the generated text.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any, cast

from casework._util.dates import korean_date
from casework._util.text import markdown_escape as esc
from casework.errors import CaseworkError

__all__ = ["BLOCKS", "COMMAND", "render", "sync_text", "without_generated", "sync_notebook", "sync_folder", "main"]

COMMAND = "python -m casework.notebooks_sync"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
_BEGIN = re.compile(r"<!-- begin generated: (?P<name>[\w.-]+)[^>]*-->")
_END = "<!-- end generated: {name} -->"

BLOCKS: dict[str, Callable[[], str]] = {}


def block(name: str) -> Callable[[Callable[[], str]], Callable[[], str]]:
    def register(fn: Callable[[], str]) -> Callable[[], str]:
        BLOCKS[name] = fn
        return fn

    return register


def render(name: str) -> str:
    """The markdown of one block, without markers."""
    if name not in BLOCKS:
        raise CaseworkError(f"없는 생성 블록입니다: {name}. 있는 블록: {', '.join(sorted(BLOCKS))}")
    return BLOCKS[name]().strip()


def begin_marker(name: str) -> str:
    return f"<!-- begin generated: {name} ({COMMAND}) -->"


def wrapped(name: str) -> str:
    """A block with its markers, as it stands in a markdown cell."""
    return f"{begin_marker(name)}\n\n{render(name)}\n\n{_END.format(name=name)}"


def sync_text(source: str) -> tuple[str, list[str]]:
    """``source`` with every generated part rewritten, and the names of the parts it holds."""
    out, names, at = [], [], 0
    for match in _BEGIN.finditer(source):
        if match.start() < at:
            continue
        name = match.group("name")
        end = source.find(_END.format(name=name), match.end())
        if end < 0:
            raise CaseworkError(f"'{name}' 블록의 끝 표시({_END.format(name=name)})가 없습니다.")
        out.append(source[at:match.start()])
        out.append(wrapped(name))
        names.append(name)
        at = end + len(_END.format(name=name))
    out.append(source[at:])
    return "".join(out), names


def without_generated(source: str) -> str:
    """``source`` with every generated part (markers included) cut out: the hand-written text."""
    out, at = [], 0
    for match in _BEGIN.finditer(source):
        if match.start() < at:
            continue
        end = source.find(_END.format(name=match.group("name")), match.end())
        if end < 0:
            break
        out.append(source[at:match.start()])
        at = end + len(_END.format(name=match.group("name")))
    out.append(source[at:])
    return "".join(out)


def sync_notebook(path: Path, *, write: bool = True) -> tuple[list[str], list[str]]:
    """(blocks held, blocks that differed) for one notebook; rewrites the file when ``write``."""
    import nbformat

    nb = nbformat.read(path, as_version=4)
    held, differed = [], []
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        new, names = sync_text(cell.source)
        held += names
        if new != cell.source:
            differed += names
            cell.source = new
    if differed and write:
        nbformat.write(nb, path)
    return held, differed


def sync_folder(folder: Path = NOTEBOOKS, *, write: bool = True) -> dict[str, list[str]]:
    """{notebook name: blocks that differed} over the chapters of ``folder``."""
    return {p.name: sync_notebook(p, write=write)[1] for p in sorted(folder.glob("[0-9][0-9]_*.ipynb"))}


# --------------------------------------------------------------------------- markdown helpers


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A GFM table; every cell escaped."""
    lines = ["| " + " | ".join(esc(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(esc("" if v is None else str(v)) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def frame_table(frame) -> str:
    """A DataFrame as a GFM table: a named index is the first column, an unnamed one is left out,
    dates read 2025년 3월 3일 and empty cells stay empty."""
    headers = [str(c) for c in frame.columns]
    rows = [[_cell(v) for v in row] for row in frame.astype(object).itertuples(index=False)]
    if frame.index.name is not None:
        headers = [str(frame.index.name), *headers]
        rows = [[index, *row] for index, row in zip(frame.index, rows)]
    return table(headers, rows)


def _cell(value: object) -> object:
    import pandas as pd

    if isinstance(value, date):
        return korean_date(value)
    if isinstance(value, (list, tuple)):
        return value
    return "" if pd.isna(cast("Any", value)) else value


def bullets(items: Iterable[object], *, numbered: bool = False) -> str:
    return "\n".join(f"{f'{i}.' if numbered else '-'} {esc(str(item))}" for i, item in enumerate(items, 1))


def _yes_no(value: bool) -> str:
    return "예" if value else "아니요"


# --------------------------------------------------------------------------- 02 사례관리 과정


@block("ch02.rothman_stages")
def _ch02_rothman() -> str:
    from casework.widgets.process import stages_table

    return frame_table(stages_table("Rothman"))


@block("ch02.five_stages")
def _ch02_five() -> str:
    from casework.widgets.process import stages_table

    return frame_table(stages_table("5단계"))


@block("ch02.participants")
def _ch02_participants() -> str:
    from casework.widgets.process import participants_table

    return frame_table(participants_table())


@block("ch02.mapping")
def _ch02_mapping() -> str:
    from casework.widgets.process import mapping_table

    return frame_table(mapping_table())


def _ch02_record():
    from casework.process import CaseRecord

    record = CaseRecord("연습-01", date(2024, 3, 4))
    record.advance("욕구(재)사정", date(2024, 3, 11))
    record.advance("대상자 선정 및 동의 확보", date(2024, 3, 18))
    return record


@block("ch02.record_before_consent")
def _ch02_before() -> str:
    from casework.process import allowed_next_steps, next_step

    record = _ch02_record()
    return table(["물음", "워크북의 과정 규칙이 답한 것"], [
        ["지금 단계", record.step.value],
        ["흐름상 다음 단계", getattr(next_step(record), "value", "없음 (마지막 단계)")],
        ["지금 갈 수 있는 단계", ", ".join(s.value for s in allowed_next_steps(record))],
    ])


@block("ch02.record_after_consent")
def _ch02_after() -> str:
    from casework.process import allowed_next_steps

    record = _ch02_record()
    record.record_consent(date(2024, 3, 20))
    return table(["물음", "워크북의 과정 규칙이 답한 것"], [
        ["동의한 날", korean_date(record.consent_on)],
        ["지금 갈 수 있는 단계", ", ".join(s.value for s in allowed_next_steps(record))],
    ])


# --------------------------------------------------------------------------- 04 초기상담


@block("ch04.triage_rule")
def _ch04_triage() -> str:
    from casework.assessment import TRIAGE_RULE

    return bullets((re.sub(r"^\d+\.\s*", "", rule) for rule in TRIAGE_RULE), numbered=True)


@block("ch04.intake_cautions")
def _ch04_cautions() -> str:
    from casework.assessment import INTAKE_CAUTIONS

    return bullets(INTAKE_CAUTIONS, numbered=True)


@block("ch04.listening")
def _ch04_listening() -> str:
    from casework.interview import ASKING_SHARE, LISTENING_PRINCIPLE, LISTENING_SHARE

    return f"> {esc(LISTENING_PRINCIPLE)}\n>\n> 묻기 {ASKING_SHARE:.0%} · 듣기 {LISTENING_SHARE:.0%}"


@block("ch04.story_information")
def _ch04_story() -> str:
    from casework.scenario_models import intake_story

    info = intake_story("가").information
    return table(["갈래", "이야기 가에서 모은 것"], [
        ["현재 문제", ", ".join(info.current_problems)],
        ["잠재적인 문제", ", ".join(info.potential_problems)],
        ["강점", " / ".join(f"{s.kind.value} — {s.note}" for s in info.strengths)],
        ["약점", " / ".join(f"{w.kind.value} — {w.note}" for w in info.weaknesses)],
    ])


@block("ch04.missing_notes")
def _ch04_missing() -> str:
    from casework.assessment import IntakeInformation

    return bullets(IntakeInformation(current_problems=("석 달째 수입이 없음",)).missing())


@block("ch04.uncheckable")
def _ch04_uncheckable() -> str:
    from casework.interview import UNCHECKABLE_MISTAKES

    return "\n\n".join(
        f"**{esc(item.mistake.value)}** — {esc(item.why_not_checked)} 스스로 살펴볼 점:\n\n{bullets(item.watch_for)}"
        for item in UNCHECKABLE_MISTAKES.values()
    )


@block("ch04.resource_kinds")
def _ch04_resources() -> str:
    from casework.resources import ResourceKind

    return "\n".join(f"- **{esc(kind.value)}** — {esc(kind.explanation)}" for kind in ResourceKind)


@block("ch04.complex_needs")
def _ch04_complex() -> str:
    from casework.assessment import AssessedNeed, connected_groups, is_complex
    from casework.domains import Domain
    from casework.scenario_models import intake_story

    separate = [
        AssessedNeed(Domain("경제"), "밀린 공과금", 3, 1, key="공과금"),
        AssessedNeed(Domain("건강"), "무릎 통증", 4, 1, key="무릎"),
        AssessedNeed(Domain("생활환경"), "욕실 곰팡이", 2, 2, key="곰팡이"),
    ]
    tangled = intake_story("가").summary.needs
    links = "\n".join(" ↔ ".join(n.description for n in group) for group in connected_groups(tangled))
    return table(["욕구", "복합적인가?", "서로 이어진 욕구"], [
        [", ".join(n.description for n in separate), _yes_no(is_complex(separate)), "없음"],
        ["이야기 가의 문제들", _yes_no(is_complex(tangled)), links],
    ])


# --------------------------------------------------------------------------- 05 사례 연구


def _elderly():
    from casework.cases import load_case

    return load_case("elderly_alone")


@block("ch05.case_facts")
def _ch05_facts() -> str:
    case = _elderly()
    return f"**{esc(case.title)}**\n\n{esc(case.summary)}\n\n{bullets(case.facts)}"


@block("ch05.practice_facts")
def _ch05_practice() -> str:
    data = _elderly().practice_data
    return f"*{esc(data.note)}*\n\n**{esc(data.person_name)}**\n\n{bullets(data.facts)}"


@block("ch05.traditional")
def _ch05_traditional() -> str:
    approach = _elderly().approaches.traditional
    steps = " → ".join(esc(s) for s in approach.steps)
    return f"**{esc(approach.label)}**\n\n{steps}\n\n한계: {esc(approach.note)}"


@block("ch05.case_management")
def _ch05_managed() -> str:
    approach = _elderly().approaches.case_management
    return f"**{esc(approach.label)}**\n\n{bullets(approach.steps)}\n\n특징: {esc(approach.note)}"


@block("ch05.needs_and_resources")
def _ch05_needs() -> str:
    rows = []
    for need in _elderly().needs_by_domain:
        label = need.label + (f" — {need.detail}" if need.detail else "")
        for number, r in enumerate(need.resources):
            name = r.name + (" (연습용 예시)" if r.practice_data else "")
            rows.append([label if number == 0 else "", need.domain.value if number == 0 else "", r.sector.value, name])
    return table(["욕구", "욕구 영역", "자원의 갈래", "자원"], rows)


@block("ch05.connected_needs")
def _ch05_connected() -> str:
    from casework.assessment import connected_groups
    from casework.widgets.assessment import practice_needs

    groups = connected_groups(practice_needs(_elderly()))
    return bullets(" ↔ ".join(need.description for need in group) for group in groups)


@block("ch05.function_tools")
def _ch05_tools() -> str:
    from casework.assessment import KADL_ITEMS, KADL_SOURCE, LAWTON_SCORING_NOTE, LAWTON_SOURCE

    return "\n".join([
        f"- **K-ADL** — {esc(KADL_SOURCE)}",
        f"  - 항목: {esc(', '.join(KADL_ITEMS))}",
        f"- **Lawton IADL** — {esc(LAWTON_SOURCE)}",
        f"  - {esc(LAWTON_SCORING_NOTE)}",
    ])


@block("ch05.lunch_box")
def _ch05_lunch() -> str:
    lunch = _elderly().neighbour_network
    return "\n".join([
        f"**{esc(lunch.title)}**", "", esc(lunch.purpose), "",
        table(["살펴볼 것", "내용"], [
            ["생각해 볼 질문", " / ".join(lunch.questions)],
            ["해야 할 일", " / ".join(lunch.tasks)],
            ["계속 살필 것", ", ".join(lunch.monitoring)],
        ]), "", "교재의 결론:", "", bullets(lunch.conclusion),
    ])


@block("ch05.ecomap_changes")
def _ch05_ecomap() -> str:
    from casework.resources import compare_ecomaps

    before, after = _elderly().practice_data.ecomaps()
    return bullets(compare_ecomaps(before, after).summary_lines())


# --------------------------------------------------------------------------- 06 문제·요구·욕구


@block("ch06.columns")
def _ch06_columns() -> str:
    from casework.pdn import columns_table

    return columns_table().markdown


def _chain(case_id: str) -> str:
    from casework.pdn import chain_table

    return chain_table(case_id).markdown


for _case in ("sick_child", "low_grades", "no_living_money", "drinking_violence"):
    BLOCKS[f"ch06.chain_{_case}"] = partial(_chain, _case)


# --------------------------------------------------------------------------- 07 목표와 계획


@block("ch07.assessment_steps")
def _ch07_steps() -> str:
    from casework.widgets.planning import assessment_steps_table

    return assessment_steps_table().markdown


@block("ch07.goal_types")
def _ch07_types() -> str:
    from casework.widgets.planning import goal_types_table

    return goal_types_table().markdown


@block("ch07.goal_type_guesses")
def _ch07_guesses() -> str:
    from casework.planning import suggest_goal_type

    goals = ["할머니가 3개월 안에 손자녀 양육기술을 익힌다", "남편이 3개월 안에 술 마시는 날이 주 1일 이하로 줄어든다"]
    return table(["목표 문장", "짐작한 유형"],
                 [[goal, ", ".join(t.value for t in suggest_goal_type(goal)) or "(짐작하지 못함)"] for goal in goals])


@block("ch07.planning_mistakes")
def _ch07_mistakes() -> str:
    from casework.widgets.planning import planning_mistakes_table

    return planning_mistakes_table().markdown


@block("ch07.consent")
def _ch07_consent() -> str:
    from casework.pdn import practice_service_plan
    from casework.planning import consent_text

    return "> " + esc(consent_text(practice_service_plan().consent_from))


@block("ch07.practice_plan_items")
def _ch07_items() -> str:
    from casework.pdn import practice_service_plan

    return frame_table(practice_service_plan().to_dataframe())


# --------------------------------------------------------------------------- 08 점검과 재사정


@block("ch08.monitoring_definition")
def _ch08_monitoring() -> str:
    from casework.monitoring import MONITORING_DEFINITION

    return "> " + esc(MONITORING_DEFINITION)


@block("ch08.methods")
def _ch08_methods() -> str:
    from casework.widgets.monitoring import methods_table

    return methods_table().markdown


@block("ch08.service_checklist")
def _ch08_service() -> str:
    from casework.monitoring import SERVICE_CHECKLIST
    from casework.widgets.monitoring import checklist_table

    return checklist_table(SERVICE_CHECKLIST).markdown


@block("ch08.reassessment_definition")
def _ch08_reassessment() -> str:
    from casework.monitoring import REASSESSMENT_DEFINITION

    return "> " + esc(REASSESSMENT_DEFINITION)


@block("ch08.annual_reassessment")
def _ch08_annual() -> str:
    from casework.monitoring import next_annual_reassessment

    last = date(2025, 3, 3)
    return (f"예를 들어 마지막으로 사정한 날이 **{korean_date(last)}**이면, "
            f"다음 정기 재사정은 **{korean_date(next_annual_reassessment(last))}**까지 합니다.")


@block("ch08.reassessment_checklist")
def _ch08_reassessment_checklist() -> str:
    from casework.monitoring import REASSESSMENT_CHECKLIST
    from casework.widgets.monitoring import checklist_table

    return checklist_table(REASSESSMENT_CHECKLIST).markdown


@block("ch08.practice_log")
def _ch08_log() -> str:
    from casework.monitoring_report import log_table
    from casework.pdn import practice_monitoring_log

    return frame_table(log_table(practice_monitoring_log()))


@block("ch08.t_scores")
def _ch08_t_scores() -> str:
    from casework.monitoring import gas_t_score

    rows = [("첫 점검 (4월)", [-1, -1, -2]), ("마지막 점검 (9월)", [1, 1, 0]), ("모두 기대한 만큼", [0, 0, 0])]
    return table(["점검", "목표별 수준", "T점수"],
                 [[name, ", ".join(f"{x:+d}" if x else "0" for x in levels), f"{gas_t_score(levels):.1f}"]
                  for name, levels in rows])


# --------------------------------------------------------------------------- 09 종결과 사후관리


@block("ch09.reasons")
def _ch09_reasons() -> str:
    from casework.widgets.closure import reasons_table

    return frame_table(reasons_table())


@block("ch09.decision")
def _ch09_decision() -> str:
    from casework.closure import decide_closure

    decision = decide_closure("목표 달성", date(2024, 9, 2), decided_with_person=True, goals_reviewed=True)
    return table(["항목", "기록된 결정"], [
        ["종결 사유", f"{decision.reason.value} — {decision.reason.explanation}"],
        ["결정한 날", korean_date(decision.decided_on)],
        ["당사자와 함께 정했나", _yes_no(decision.decided_with_person)],
    ])


@block("ch09.follow_up_purposes")
def _ch09_purposes() -> str:
    from casework.closure import FOLLOW_UP_PURPOSES

    return bullets(FOLLOW_UP_PURPOSES, numbered=True)


@block("ch09.follow_up_schedule")
def _ch09_schedule() -> str:
    from casework.closure import follow_up_schedule
    from casework.widgets.closure import follow_up_table

    return frame_table(follow_up_table(follow_up_schedule(date(2024, 9, 2))))


@block("ch09.reintervention")
def _ch09_reintervention() -> str:
    from casework.closure import FollowUpObservation, judge_reintervention

    observation = FollowUpObservation(on=date(2024, 12, 2), change_maintained=False, difficulty_raised_again=True,
                                      note="다시 끼니를 거르신다고 함")
    advice = judge_reintervention(observation)
    return "\n".join([f"재개입 검토: **{_yes_no(advice.suggested)}**", "", bullets(advice.reasons), "",
                      esc(advice.next_action)])


# --------------------------------------------------------------------------- 10 장단점과 유의사항


@block("ch10.caseload_summary")
def _ch10_caseload() -> str:
    from casework.caseload import example_team, summarize, summary_lines

    return bullets(summary_lines(summarize(example_team(), 20)))


@block("ch10.sharing_principle")
def _ch10_sharing() -> str:
    from casework.privacy import SHARING_PRINCIPLE

    return "> " + esc(SHARING_PRINCIPLE)


# --------------------------------------------------------------------------- 11 동 단위 사례관리


def _ch11_pair():
    from casework.agency_lists import sample_agency_lists

    lists = sample_agency_lists()
    return [lists["가나1동 주민센터"], lists["가나재가노인지원센터"]]


@block("ch11.sample_lists")
def _ch11_lists() -> str:
    from casework.agency_lists import sample_agency_lists, sample_need_list

    rows = [[title, f"{len(frame)}줄"] for title, frame in sample_agency_lists().items()]
    rows.append(["가나1동 주민센터의 욕구 사정 명단", f"{len(sample_need_list())}줄"])
    return table(["명단", "크기"], rows)


@block("ch11.masked_centre_list")
def _ch11_masked() -> str:
    from casework.agency_lists import masked_view, sample_agency_lists

    return frame_table(masked_view(sample_agency_lists()["가나1동 주민센터"]))


@block("ch11.normalised")
def _ch11_normalised() -> str:
    from casework.agency_lists import normalise_birth, normalise_name

    return table(["명단에 적힌 값", "맞춰 볼 때 읽는 값"], [
        ["바사 아", normalise_name("바사 아")],
        ["1943.09", normalise_birth("1943.09")],
        ["1943년 9월 15일", normalise_birth("1943년 9월 15일")],
    ])


@block("ch11.served_twice")
def _ch11_twice() -> str:
    from casework.agency_lists import served_twice

    return frame_table(served_twice(_ch11_pair()))


@block("ch11.missed")
def _ch11_missed() -> str:
    from casework.agency_lists import missed, sample_need_list

    return frame_table(missed(sample_need_list(), _ch11_pair()))


# --------------------------------------------------------------------------- rule tables (04, 06, 07, 10)


def _rule_table_size(rules) -> str:
    """One sentence on how big a checker's rule table is, for the passage beside its widget."""
    lists = rules.lists.values()
    cues = sum(len(cue_list.cues) for cue_list in lists)
    examples = sum(len(cue_list.examples) + len(cue_list.counter_examples) for cue_list in lists)
    return (f"이 점검이 쓰는 **규칙 표**는 「{esc(rules.title)}」입니다. 찾는 말을 {len(rules.lists)}갈래로 "
            f"묶어 모두 {cues}개 적어 두었고, 갈래마다 무엇을 찾는지 풀어 쓴 설명과, 꼭 찾아야 하는 예문과 "
            f"찾으면 안 되는 예문(모두 {examples}개)이 함께 있습니다. 예문은 점검 도구를 고칠 때마다 다시 "
            "확인합니다.")


@block("ch04.question_rules")
def _ch04_rules() -> str:
    from casework.questions import question_rules

    return _rule_table_size(question_rules())


@block("ch06.need_rules")
def _ch06_rules() -> str:
    from casework.pdn import need_rules

    return _rule_table_size(need_rules())


@block("ch07.goal_rules")
def _ch07_rules() -> str:
    from casework.goals import goal_rules

    return _rule_table_size(goal_rules())


@block("ch10.masking_rules")
def _ch10_rules() -> str:
    from casework.language.names import masking_rules

    return _rule_table_size(masking_rules())


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog=COMMAND, description="장 노트북의 생성 마크다운을 데이터에서 다시 만듭니다.")
    parser.add_argument("--check", action="store_true", help="고치지 않고, 데이터와 다른 블록만 알려 줍니다")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="장 노트북 폴더 (기본: notebooks/)")
    args = parser.parse_args(argv)
    try:
        differed = {name: blocks for name, blocks in sync_folder(args.notebooks, write=not args.check).items() if blocks}
    except CaseworkError as exc:
        print(f"⚠ {exc}", file=sys.stderr)
        return 2
    for name, blocks in differed.items():
        print(f"{'다름' if args.check else '고침'}: {name}: {', '.join(blocks)}")
    if not differed:
        print("모든 생성 블록이 데이터와 같습니다.")
    return 1 if args.check and differed else 0


if __name__ == "__main__":
    sys.exit(main())
