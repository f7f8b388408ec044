"""The ``%%답`` cell magic: the answer cell of an exercise notebook.

The only module of the exercise runtime that touches IPython. Every kernel of the workbook
loads it as an extension at start (``.venv/etc/ipython/ipython_kernel_config.py``, written by
``tasks.py``), so an answer cell run before the notebook's setup cell gets a Korean message
instead of IPython's English "Cell magic not found"; :func:`casework.exercises.start` then
registers the real judge.
"""

from __future__ import annotations

from typing import Any

from casework.exercises.cells import MAGIC

__all__ = ["register", "load_ipython_extension", "BEFORE_SETUP"]

BEFORE_SETUP = ("이 노트북의 준비 셀을 아직 실행하지 않았습니다. 맨 위의 셀부터 차례로 실행하거나, 메뉴에서 "
                "실행 → 모든 셀 실행을 누른 뒤 답 칸을 다시 실행하세요. 적은 답은 그대로 남아 있습니다.")


def register(shell: Any, checker: Any) -> None:
    """Make ``%%답`` judge its cell with ``checker`` (registering again replaces the checker)."""

    def answer(line: str, cell: str) -> None:
        checker.run_cell(line, cell)

    shell.register_magic_function(answer, magic_kind="cell", magic_name=MAGIC)


def load_ipython_extension(shell: Any) -> None:
    """Kernel start: ``%%답`` exists from the first cell and says what to run first."""
    from casework.errors import CaseworkError

    def answer_before_setup(line: str, cell: str) -> None:
        raise CaseworkError(BEFORE_SETUP)

    shell.register_magic_function(answer_before_setup, magic_kind="cell", magic_name=MAGIC)
