"""The ``%%답`` cell magic: the answer cell of an exercise notebook.

The only module of the exercise runtime that imports IPython. A notebook's setup cell
registers it through :func:`casework.exercises.start`.
"""

from __future__ import annotations

from typing import Any

from casework.exercises.cells import MAGIC

__all__ = ["register"]


def register(shell: Any, checker: Any) -> None:
    """Make ``%%답`` judge its cell with ``checker`` (registering again replaces the checker)."""

    def answer(line: str, cell: str) -> None:
        checker.run_cell(line, cell)

    shell.register_magic_function(answer, magic_kind="cell", magic_name=MAGIC)
