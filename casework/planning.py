"""Planning: from the presenting problem to a service plan.

The chain follows the Gwangjin-gu study-group textbook (광진구청 희망나눔팀 학습동아리 교재):
(제시된) 문제 → 요구/바램 → 욕구 → (합의된) 개입목적·개입목표 → 서비스 계획.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casework.domains import Domain


@dataclass(frozen=True)
class Objective:
    """개입목적 (the hoped-for change) with its 개입목표 (the concrete level of it)."""

    purpose: str
    objective: str


@dataclass(frozen=True)
class NeedStatement:
    """A need (욕구): the gap between the expected standard of life and the present state."""

    text: str
    domain: Domain = Domain.OTHER


@dataclass(frozen=True)
class PlanChain:
    """One worked row: problem → demands → needs → agreed objectives → service items.

    ``problem_quote`` is what the person said; ``problem`` the worker's reading of it.
    """

    problem: str
    problem_quote: str = ""
    demands: tuple[str, ...] = ()
    needs: tuple[NeedStatement, ...] = ()
    objectives: tuple[Objective, ...] = ()
    services: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())
