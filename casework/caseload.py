"""Caseload (담당 사례 수) per case manager, and who is over a chosen limit.

Seed 002 names "과부하 및 스트레스" as a weakness of case management: a case manager often
carries many cases at once, and the quality of service can fall. None of the sources gives a
number of cases that counts as too many. The limit is therefore always a parameter the learner
(or the team) chooses; this module never supplies a default, so no number can pass for a
standard.

Workbook teaching rules (not the sources'):
- A worker is over the limit when the number of active cases is strictly greater than the
  limit; carrying exactly the limit is "at the limit", not over it.
- Spare room is counted only below the limit, so it shows how far moving cases inside the
  team could go before more people or fewer cases are needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from casework._util.text import particle
from casework.errors import CaseworkError
from casework.scenarios import bundled_scenario_file

__all__ = [
    "Caseload",
    "CaseloadSummary",
    "overloaded",
    "summarize",
    "summary_lines",
    "lowest_shared_limit",
    "team_from_counts",
    "example_team",
]


def _require_count(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise CaseworkError(f"{what}{particle(str(what), '은')} 0 이상의 정수로 적어 주세요. 받은 값: {value!r}. 예: 12")
    if value < 0:
        raise CaseworkError(f"{what}{particle(str(what), '은')} 음수일 수 없습니다. 받은 값: {value}. 0 이상으로 적어 주세요.")
    return value


def _require_limit(limit: object) -> int:
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise CaseworkError(
            f"기준(limit)은 1 이상의 정수(건)로 정해 주세요. 받은 값: {limit!r}. "
            "교재에는 적정 사례 수가 나와 있지 않으니, 팀에서 정한 값을 넣으세요."
        )
    if limit < 1:
        raise CaseworkError(f"기준(limit)은 1건 이상이어야 합니다. 받은 값: {limit}.")
    return limit


@dataclass(frozen=True)
class Caseload:
    """One case manager and the number of cases they currently carry."""

    worker: str
    active_cases: int

    def __post_init__(self) -> None:
        if not isinstance(self.worker, str) or not self.worker.strip():
            raise CaseworkError(f"담당자 이름(worker)을 글자로 적어 주세요. 받은 값: {self.worker!r}")
        if self.worker != self.worker.strip():
            raise CaseworkError(f"담당자 이름 {self.worker!r}의 앞뒤 빈칸을 지우고 적어 주세요.")
        _require_count(self.active_cases, f"{self.worker}의 담당 사례 수(active_cases)")

    def over_by(self, limit: int) -> int:
        """How many cases above ``limit`` (0 when at or below it)."""
        return max(0, self.active_cases - _require_limit(limit))

    def is_over(self, limit: int) -> bool:
        """Does this worker carry more cases than ``limit``?"""
        return self.over_by(limit) > 0


def _check_team(workers: object) -> tuple[Caseload, ...]:
    if isinstance(workers, (str, bytes, Caseload)) or not isinstance(workers, Iterable):
        raise CaseworkError(
            "팀은 Caseload의 목록으로 주세요. 예: [Caseload('가람', 18), Caseload('나래', 25)]"
        )
    team = tuple(workers)
    if not team:
        raise CaseworkError("팀에 담당자가 한 명도 없습니다. Caseload를 하나 이상 넣어 주세요.")
    seen: set[str] = set()
    for member in team:
        if not isinstance(member, Caseload):
            raise CaseworkError(
                f"팀 목록에는 Caseload만 넣을 수 있습니다. 받은 값: {member!r}. "
                "예: Caseload('가람', 18)"
            )
        if member.worker in seen:
            raise CaseworkError(
                f"담당자 '{member.worker}'{particle(str(member.worker), '이')} 두 번 들어 있습니다. 한 사람은 한 번만 적고 사례 수를 합치세요."
            )
        seen.add(member.worker)
    return team


def overloaded(workers: Iterable[Caseload], limit: int) -> tuple[Caseload, ...]:
    """The workers carrying more than ``limit`` cases, most loaded first (ties keep team order)."""
    team = _check_team(workers)
    limit = _require_limit(limit)
    over = [w for w in team if w.active_cases > limit]
    return tuple(sorted(over, key=lambda w: -w.active_cases))


@dataclass(frozen=True)
class CaseloadSummary:
    """The team's caseload against one limit."""

    limit: int
    workers: int
    total_cases: int
    overloaded: tuple[Caseload, ...]
    excess: int
    spare: int

    @property
    def mean(self) -> float:
        """Average cases per worker."""
        return self.total_cases / self.workers

    @property
    def capacity(self) -> int:
        """Cases the team could carry with nobody over the limit."""
        return self.limit * self.workers

    @property
    def rebalancing_possible(self) -> bool:
        """Could moving cases inside the team bring everyone to the limit or below?"""
        return self.total_cases <= self.capacity


def summarize(workers: Iterable[Caseload], limit: int) -> CaseloadSummary:
    """Totals, who is over ``limit``, the excess above it and the spare room below it."""
    team = _check_team(workers)
    limit = _require_limit(limit)
    return CaseloadSummary(
        limit=limit,
        workers=len(team),
        total_cases=sum(w.active_cases for w in team),
        overloaded=overloaded(team, limit),
        excess=sum(w.over_by(limit) for w in team),
        spare=sum(max(0, limit - w.active_cases) for w in team),
    )


def summary_lines(summary: CaseloadSummary) -> tuple[str, ...]:
    """The summary in plain Korean sentences, one per line."""
    if not isinstance(summary, CaseloadSummary):
        raise CaseworkError(f"summarize(...)의 결과(CaseloadSummary)를 넣어 주세요. 받은 값: {summary!r}")
    lines = [
        f"팀원 {summary.workers}명이 모두 {summary.total_cases}건을 맡고 있습니다 "
        f"(1인당 평균 {summary.mean:.1f}건).",
        f"기준을 {summary.limit}건으로 잡으면, 아무도 기준을 넘지 않고 팀이 맡을 수 있는 사례는 최대 {summary.capacity}건입니다.",
    ]
    if not summary.overloaded:
        lines.append("기준을 넘는 사람이 없습니다.")
        return tuple(lines)
    names = ", ".join(f"{w.worker}({w.active_cases}건)" for w in summary.overloaded)
    lines.append(f"기준을 넘는 사람 {len(summary.overloaded)}명: {names}. 넘는 사례는 모두 {summary.excess}건입니다.")
    if summary.rebalancing_possible:
        lines.append(
            f"기준 아래 여유가 {summary.spare}건 있어, 팀 안에서 사례를 나누어 맡으면 모두 기준 안으로 들어올 수 있습니다."
        )
    else:
        lines.append(
            f"기준 아래 여유는 {summary.spare}건뿐이라 팀 안에서 나누어도 모두 기준 안에 들 수 없습니다. "
            "인력 보강이나 사례 조정을 논의해야 합니다."
        )
    return tuple(lines)


def lowest_shared_limit(workers: Iterable[Caseload]) -> int:
    """The lowest limit at which the team's cases, shared out, leave nobody over it."""
    team = _check_team(workers)
    total = sum(m.active_cases for m in team)
    return max(1, -(-total // len(team)))


def example_team() -> tuple[Caseload, ...]:
    """A clearly fictional team for chapter 10 (햇살동 is not a real 동 in this workbook).

    Read once from ``casework/data/scenarios/caseload_team.yaml``.
    """
    return bundled_scenario_file("caseload_team.yaml", Caseload, "team", id_field="worker")


def team_from_counts(counts: Sequence[tuple[str, int]]) -> tuple[Caseload, ...]:
    """Build a team from ``(name, cases)`` pairs, checking every entry."""
    if isinstance(counts, (str, bytes)) or not isinstance(counts, Sequence):
        raise CaseworkError("(이름, 사례 수) 쌍의 목록으로 주세요. 예: [('가람', 18), ('나래', 25)]")
    team = []
    for entry in counts:
        if not isinstance(entry, (tuple, list)) or len(entry) != 2:
            raise CaseworkError(f"각 항목은 (이름, 사례 수) 두 개로 적어 주세요. 받은 값: {entry!r}")
        team.append(Caseload(entry[0], entry[1]))
    return _check_team(team)
