"""Giving back: one Korean feedback page per learner after grading (``casework return``).

A page shows the learner's score per question, their answer as written, what was right and
what to fix (the judges' points), the hints, an instructor's changed score with its reason,
and the model answers only when the instructor chooses to show them.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path

from casework._util.fs import atomic_write
from casework.errors import CaseworkError
from casework.grading import GradeRun, GradeStatus, SubmissionResult
from casework.judging.feedback import STATUS_LABELS, Status

__all__ = ["page_name", "render_page", "write_pages"]

_CSS = """
body { font-family: 'NanumGothic', 'Malgun Gothic', sans-serif; margin: 2em auto; max-width: 820px; color: #222;
       line-height: 1.6; padding: 0 1em; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; margin-top: 1.6em; }
.q { border-left: 4px solid #999; padding: .2em 1em; margin: 1em 0; }
.correct { border-color: #1b7f3b; } .partial { border-color: #a66a00; }
.incorrect { border-color: #b3261e; } .unanswered { border-color: #555; }
pre { white-space: pre-wrap; background: #f6f6f6; padding: .5em; margin: .3em 0; font-family: inherit; }
.note { color: #555; } @media print { body { margin: 0; } }
"""


def page_name(result: SubmissionResult) -> str:
    """The feedback page's file name: the submission's name with ``_피드백.html``."""
    return f"{Path(result.file).stem}_피드백.html"


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") or "0"


def _items(lines: Iterable[str]) -> str:
    return "".join(f"<li>{html.escape(line)}</li>" for line in lines)


def render_page(result: SubmissionResult, *, show_solutions: bool = False, title: str = "") -> str:
    """One learner's page as self-contained HTML."""
    e = html.escape
    heading = title or f"연습 {result.exercise} 채점 결과"
    parts = [f"<h1>{e(heading)} — {e(result.learner)}</h1>"]
    if result.status is GradeStatus.NOT_GRADED:
        reasons = "".join(f"<li>{e(p.message)}</li>" for p in result.problems)
        parts.append(f"<p>제출한 노트북을 채점하지 못했습니다.</p><ul>{reasons}</ul>"
                     "<p>강사와 함께 노트북을 다시 열어 저장해 보세요.</p>")
    else:
        parts.append(f"<p>총점 <b>{_fmt(result.total)} / {len(result.questions)}</b></p>")
        for q in result.questions:
            rec = result.records.get(q)
            if rec is None:
                parts.append(f"<div class='q unanswered'><h2>{e(q)}</h2><p>답 칸이 없어 채점하지 못했습니다(0점).</p></div>")
                continue
            body = [f"<h2>{e(q)} — {e(STATUS_LABELS[rec.status])} ({_fmt(rec.score)}점)</h2>"]
            answer = "\n".join(line for line in rec.answer.splitlines() if not line.lstrip().startswith("#")).strip()
            body.append(f"<p>내 답:</p><pre>{e(answer) or '(비어 있음)'}</pre>")
            body.append(f"<p>{e(rec.summary)}</p>")
            if rec.points:
                body.append(f"<ul>{_items(rec.points)}</ul>")
            if rec.hints and rec.status is not Status.CORRECT:
                body.append(f"<p>힌트:</p><ul>{_items(rec.hints)}</ul>")
            if rec.override_reason:
                body.append(f"<p class='note'>강사가 점수를 {_fmt(rec.judged_score or 0.0)}점에서 {_fmt(rec.score)}점으로 "
                            f"바꾸었습니다. 이유: {e(rec.override_reason)}</p>")
            if show_solutions and rec.solution:
                body.append(f"<p>모범 답:</p><pre>{e(rec.solution)}</pre>")
            parts.append(f"<div class='q {rec.status.value}'>{''.join(body)}</div>")
        late = "<p class='note'>마감 뒤에 거둔 제출물입니다.</p>" if result.late else ""
        parts.append(late + "<p class='note'>글로 쓴 답은 워크북의 자동 점검 규칙으로 본 것이라 틀릴 수 있습니다. "
                     "이상하면 강사와 이야기해 보세요.</p>")
    return ("<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{e(heading)} — {e(result.learner)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            + "\n".join(parts) + "\n</body>\n</html>\n")


def write_pages(run: GradeRun, folder: str | os.PathLike[str], *, show_solutions: bool = False,
                force: bool = False) -> list[Path]:
    """One page per submission into ``folder``; an existing page is replaced only with ``force``."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{out}: 폴더가 아니라 파일입니다. 피드백을 둘 폴더를 지정하세요.")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for result in run.results:
        if not result.learner:
            continue  # a file no manifest names: nobody to give it back to
        written.append(atomic_write(out / page_name(result), render_page(result, show_solutions=show_solutions),
                                    overwrite=force))
    return written
