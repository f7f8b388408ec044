"""The answer cell of an exercise notebook: ``%%답 q3`` on the first line, the answer below.

Reading it needs no kernel: the grader reads the same text the learner's kernel judged.
The first line may end with ``힌트`` (show the hints too) or ``풀이`` (show the model answer too).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from casework.judging.feedback import Level

__all__ = ["MAGIC", "HINT_WORD", "SOLUTION_WORD", "AnswerCell", "parse_answer_cell", "answer_cell_source",
           "header_line"]

MAGIC = "답"
HINT_WORD = "힌트"
SOLUTION_WORD = "풀이"
_HEADER = re.compile(rf"^%%{MAGIC}(?:\s+(\S+))?(?:\s+(.*))?$")


@dataclass(frozen=True)
class AnswerCell:
    """What an answer cell says: which question, how far up the ladder, and the answer text."""

    question: str
    level: Level
    body: str
    problem: str = ""  # a Korean note when the first line is not as written in the exercise


def _level(words: str) -> tuple[Level, str]:
    found = words.split()
    if not found:
        return Level.CHECK, ""
    if found == [HINT_WORD]:
        return Level.HINT, ""
    if found == [SOLUTION_WORD]:
        return Level.SOLUTION, ""
    return Level.CHECK, (f"첫 줄 끝에는 '{HINT_WORD}'나 '{SOLUTION_WORD}'만 붙일 수 있습니다(받은 것: "
                         f"'{' '.join(found)}'). 답은 둘째 줄부터 적어 주세요.")


def parse_answer_cell(source: str) -> AnswerCell | None:
    """The answer cell's parts, or None when the first line is not ``%%답 …``."""
    first, _, body = source.lstrip("\ufeff").partition("\n")
    match = _HEADER.match(first.strip())
    if not match:
        return None
    question = match.group(1) or ""
    level, problem = _level(match.group(2) or "")
    if not question:
        problem = "첫 줄에 문제 번호가 없습니다. '%%답 q1'처럼 적어 주세요."
    return AnswerCell(question, level, body, problem)


def header_line(question: str, level: Level = Level.CHECK) -> str:
    word = {Level.CHECK: "", Level.HINT: f" {HINT_WORD}", Level.SOLUTION: f" {SOLUTION_WORD}"}[level]
    return f"%%{MAGIC} {question}{word}"


def answer_cell_source(question: str, guidance: str, answer: str = "") -> str:
    """The text of an answer cell: the header, a ``#`` guidance line, then the answer."""
    lines = [header_line(question), f"# {guidance}"]
    if answer:
        lines.append(answer)
    return "\n".join(lines)
