"""The cohort report of a grading run: ``grades.csv`` and ``report.html``.

``report.html`` is one self-contained Korean page: a summary, per-question results, a
learners × questions heatmap (an HTML table whose cells are coloured by score), the most common
mistakes (the judges' feedback points grouped) and the submissions that need a look, with the
reason. No plotting library is needed, so a report for a thousand learners takes a moment.
"""

from __future__ import annotations

import html
import os
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casework._util.fs import atomic_write_many
from casework.errors import CaseworkError
from casework.grading import GradeRun, GradeStatus, SubmissionResult, grades_csv
from casework.judging.feedback import Status

__all__ = [
    "GRADES_FILE",
    "REPORT_FILE",
    "Mistake",
    "common_mistakes",
    "heatmap_html",
    "render_report",
    "existing_outputs",
    "write_outputs",
    "RESULTS_FILE",
    "OVERRIDES_FILE",
]

GRADES_FILE = "grades.csv"
REPORT_FILE = "report.html"
_UNANSWERED = "답을 쓰지 않았습니다"


# --------------------------------------------------------------------------- mistakes


@dataclass(frozen=True)
class Mistake:
    """One piece of feedback and the learners who got it on one question."""

    exercise: str
    question: str
    feedback: str
    learners: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.learners)


def common_mistakes(run: GradeRun, limit: int = 10) -> list[Mistake]:
    """The most frequent feedback on answers that were not fully right, most learners first.

    Each feedback point counts once per learner; a record without points counts by its
    summary; an unanswered question counts as "답을 쓰지 않았습니다".
    """
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for result in run.results:
        for question, record in result.records.items():
            if record.status is Status.CORRECT:
                continue
            if record.status is Status.UNANSWERED:
                texts: Sequence[str] = (_UNANSWERED,)
            else:
                texts = record.points or ((record.summary,) if record.summary else ())
            for text in dict.fromkeys(t.strip() for t in texts if t.strip()):
                who = groups[(record.exercise, question, text)]
                if result.learner not in who:
                    who.append(result.learner)
    order = {q: i for ex in run.questions for i, q in enumerate(run.questions[ex])}
    mistakes = [Mistake(ex, q, text, tuple(who)) for (ex, q, text), who in groups.items()]
    mistakes.sort(key=lambda m: (-m.count, m.exercise, order.get(m.question, 0), m.feedback))
    return mistakes[:limit]


# --------------------------------------------------------------------------- heatmap


def _row_labels(results: Sequence[SubmissionResult]) -> list[str]:
    names = [r.learner for r in results]
    return [f"{r.learner} ({r.file})" if names.count(r.learner) > 1 else r.learner for r in results]


def _cell_colour(value: float) -> str:
    """Red (0) through yellow to green (1), as an rgb() CSS colour."""
    low, mid, high = (215, 48, 39), (254, 224, 139), (26, 152, 80)
    a, b, t = (low, mid, value * 2) if value < 0.5 else (mid, high, (value - 0.5) * 2)
    r, g, bl = (round(x + (y - x) * t) for x, y in zip(a, b))
    return f"rgb({r},{g},{bl})"


def heatmap_html(run: GradeRun, exercise: str) -> str:
    """A learners × questions table of one exercise's scores, each cell coloured by its score.

    Green is full marks, red zero; a grey cell marked "—" is an answer cell that was not there.
    An HTML table (not a picture) so it prints sharply, can be copied and needs no plotting
    library.
    """
    questions = run.questions.get(exercise)
    if not questions:
        raise CaseworkError(f"이 채점 결과에 연습 {exercise}이 없습니다.")
    results = [r for r in run.results if r.exercise == exercise and r.status is not GradeStatus.NOT_GRADED]
    if not results:
        return "<p>채점된 제출물이 없습니다.</p>"
    head = "".join(f"<th>{_e(q)}</th>" for q in questions)
    rows = []
    for label, r in zip(_row_labels(results), results):
        cells = []
        for q in questions:
            v = r.scores.get(q)
            if v is None:
                cells.append('<td class="heat" style="background:#d9d9d9">—</td>')
            else:
                ink = "#222" if 0.25 < v < 0.8 else "#fff"
                cells.append(f'<td class="heat" style="background:{_cell_colour(v)};color:{ink}">{_fmt(v)}</td>')
        rows.append(f"<tr><th class=\"who\">{_e(label)}</th>{''.join(cells)}</tr>")
    return (f'<table class="heatmap" aria-label="연습 {_e(exercise)} 학습자별 문항 점수"><thead><tr><th>학습자</th>{head}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            '<p class="note">초록은 만점, 빨강은 0점, 회색 —는 답 칸이 없는 문항입니다.</p>')


# --------------------------------------------------------------------------- HTML


_CSS = """
body { font-family: 'NanumGothic', 'Malgun Gothic', sans-serif; margin: 2em; color: #222; max-width: 1100px; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
table { border-collapse: collapse; margin: .6em 0; }
th, td { border: 1px solid #ccc; padding: .3em .6em; text-align: left; vertical-align: top; word-break: keep-all; }
th { background: #f2f2f2; white-space: nowrap; } td.num { text-align: right; }
.ok { color: #1b7f3b; } .warn { color: #a66a00; } .bad { color: #b3261e; }
.ok, .warn, .bad { white-space: nowrap; }
td.heat { text-align: center; min-width: 3em; font-weight: bold; }
th.who { background: #fff; font-weight: normal; }
.note { color: #555; font-size: .9em; }
"""

_STATUS_CLASS = {
    GradeStatus.GRADED: "ok",
    GradeStatus.NEEDS_REVIEW: "warn",
    GradeStatus.NOT_GRADED: "bad",
}


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") or "0"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row)
        )
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _summary(run: GradeRun) -> str:
    counts = {s: sum(1 for r in run.results if r.status is s) for s in GradeStatus}
    rows = [[_e(s.value), str(counts[s])] for s in GradeStatus]
    rows.append(["<b>전체 제출물</b>", f"<b>{len(run.results)}</b>"])
    text = (
        f"<p>제출물 {len(run.results)}개를 채점했습니다(걸린 시간 {run.seconds:.1f}초). 채점은 답 칸의 글만 "
        "읽어 판단했고, 제출물의 코드는 실행하지 않았습니다.</p>"
    )
    if run.missing:
        text += f"<p>배정했지만 제출물이 없는 학습자: {_e(', '.join(e.learner for e in run.missing))}</p>"
    return text + _table(["상태", "제출물 수"], rows, numeric=(1,))


def _question_stats(run: GradeRun) -> str:
    parts = []
    for exercise in sorted(run.questions):
        results = [r for r in run.results if r.exercise == exercise and r.status is not GradeStatus.NOT_GRADED]
        rows = []
        for q in run.questions[exercise]:
            scores = [r.scores.get(q) for r in results]
            ran = [s for s in scores if s is not None]
            correct = sum(1 for r in results if q in r.records and r.records[q].status is Status.CORRECT)
            average = _fmt(sum(ran) / len(ran)) if ran else "—"
            rows.append([_e(q), str(len(ran)), str(correct), average, str(len(scores) - len(ran))])
        totals = [r.total for r in results]
        average_total = _fmt(sum(totals) / len(totals)) if totals else "—"
        parts.append(
            f"<h3>연습 {_e(exercise)}</h3><p>채점한 학습자 {len(results)}명, 평균 총점 "
            f"{average_total} / {len(run.questions[exercise])}</p>"
            + _table(["문항", "채점됨", "정답", "평균 점수", "답 칸 없음"], rows, numeric=(1, 2, 3, 4))
        )
    return "".join(parts) or "<p>채점한 연습이 없습니다.</p>"


def _heatmaps(run: GradeRun) -> str:
    parts = [f"<h3>연습 {_e(ex)}</h3>{heatmap_html(run, ex)}" if len(run.questions) > 1 else heatmap_html(run, ex)
             for ex in sorted(run.questions)]
    return "".join(parts) or "<p>그릴 점수가 없습니다.</p>"


def _mistakes(run: GradeRun) -> str:
    mistakes = common_mistakes(run)
    if not mistakes:
        return "<p>틀리거나 빠뜨린 답이 없습니다.</p>"
    rows = []
    for m in mistakes:
        shown = ", ".join(m.learners[:5]) + (f" 외 {m.count - 5}명" if m.count > 5 else "")
        question = f"{m.exercise} {m.question}" if len(run.questions) > 1 else m.question
        rows.append([_e(question), _e(m.feedback), str(m.count), _e(shown)])
    return _table(["문항", "피드백", "학습자 수", "학습자"], rows, numeric=(2,))


def _broken(run: GradeRun) -> str:
    rows = []
    for r in run.results:
        if r.status is GradeStatus.GRADED:
            continue
        reasons = "<br>".join(_e(p.message) for p in r.problems)
        css = _STATUS_CLASS[r.status]
        rows.append([_e(r.learner), _e(r.file), f'<span class="{css}">{_e(r.status.value)}</span>', reasons])
    if not rows:
        return "<p>모든 제출물을 문제없이 채점했습니다.</p>"
    return _table(["학습자", "파일", "상태", "이유"], rows)


def _learners(run: GradeRun) -> str:
    rows = []
    for r in run.results:
        total = "" if r.status is GradeStatus.NOT_GRADED else f"{_fmt(r.total)} / {len(r.questions)}"
        css = _STATUS_CLASS[r.status]
        rows.append([_e(r.learner), _e(r.file), _e(r.exercise or ""), total,
                     f'<span class="{css}">{_e(r.status.value)}</span>'])
    return _table(["학습자", "파일", "연습", "총점", "상태"], rows, numeric=(3,))


def _difficulty(run: GradeRun) -> str:
    from casework.analytics import question_stats

    rows = []
    for st in question_stats(run):
        label = f"{st.exercise} {st.question}" if len(run.questions) > 1 else st.question
        rows.append([_e(label), _e(st.difficulty), f"{st.share_correct:.0%}", _fmt(st.mean_score), str(st.unanswered),
                     str(st.hint_used), str(st.solution_seen)])
    if not rows:
        return "<p>채점한 문항이 없습니다.</p>"
    return (_table(["문항", "난이도", "정답 비율", "평균 점수", "답하지 않음", "힌트 본 학습자", "풀이 본 학습자"], rows,
                   numeric=(2, 3, 4, 5, 6))
            + "<p class=\"note\">난이도는 정답 비율로 나눈 워크북의 구분입니다(80% 이상 쉬움, 50% 이상 보통, 그 밖에 어려움). "
              "힌트·풀이를 본 수는 학습자 커널이 남긴 기록으로, 점수에는 쓰지 않습니다.</p>")


def _wrong_answers(run: GradeRun) -> str:
    from casework.analytics import common_wrong_answers

    rows = []
    for w in common_wrong_answers(run):
        label = f"{w.exercise} {w.question}" if len(run.questions) > 1 else w.question
        shown = ", ".join(w.learners[:5]) + (f" 외 {len(w.learners) - 5}명" if len(w.learners) > 5 else "")
        rows.append([_e(label), _e(w.answer[:300]), str(len(w.learners)), _e(shown)])
    return _table(["문항", "답", "학습자 수", "학습자"], rows, numeric=(2,)) if rows else "<p>틀린 답이 없습니다.</p>"


def _late(run: GradeRun) -> str:
    late = [r for r in run.results if r.late]
    if not late:
        known = any(r.late is not None for r in run.results)
        return "<p>늦게 낸 제출물이 없습니다.</p>" if known else "<p>거둔 시각 기록(collected.json)이 없어 알 수 없습니다.</p>"
    return _table(["학습자", "파일"], [[_e(r.learner), _e(r.file)] for r in late])


def _similar(run: GradeRun) -> str:
    from casework.analytics import SIMILARITY_THRESHOLD, similar_answers

    pairs = similar_answers(run)
    note = (f"<p class=\"note\">같은 문항의 글로 쓴 답이 {SIMILARITY_THRESHOLD:.0f}% 이상 비슷한 학습자 쌍입니다. "
            "판정이 아니라 이야기를 나눠 볼 계기입니다. 좋은 답은 서로 비슷할 수 있고, 풀이를 본 학습자는 모범 답과 "
            "비슷하게 쓰기 쉽습니다.</p>")
    if not pairs:
        return note + "<p>비슷한 답이 없습니다.</p>"
    rows = [[_e(f"{p.exercise} {p.question}" if len(run.questions) > 1 else p.question), _e(p.first), _e(p.second),
             f"{p.similarity:.0f}%", _e(p.first_answer[:200]), _e(p.second_answer[:200]), "예" if p.solution_seen else ""]
            for p in pairs[:50]]
    return note + _table(["문항", "학습자", "학습자", "비슷한 정도", "첫 답", "둘째 답", "풀이 봄"], rows, numeric=(3,))


def _overrides(run: GradeRun) -> str:
    rows = [[_e(r.learner), _e(r.file), _e(rec.question), _fmt(rec.judged_score or 0.0), _fmt(rec.score),
             _e(rec.override_reason)]
            for r in run.results for rec in r.records.values() if rec.override_reason]
    if not rows:
        return "<p>강사가 바꾼 점수가 없습니다.</p>"
    return _table(["학습자", "파일", "문항", "채점 점수", "바꾼 점수", "이유"], rows, numeric=(3, 4))


def render_report(run: GradeRun, *, title: str = "채점 보고서", generated: datetime | None = None) -> str:
    """The whole report.html as text (UTF-8, no external files)."""
    when = (generated or datetime.now()).strftime("%Y-%m-%d %H:%M")
    sections = [
        ("요약", _summary(run)),
        ("문항별 결과", _question_stats(run)),
        ("문항별 난이도와 힌트 사용", _difficulty(run)),
        ("학습자 × 문항 점수", _heatmaps(run)),
        ("자주 나온 실수", _mistakes(run)),
        ("자주 나온 틀린 답", _wrong_answers(run)),
        ("비슷한 답", _similar(run)),
        ("늦게 낸 제출물", _late(run)),
        ("강사가 바꾼 점수", _overrides(run)),
        ("확인이 필요한 제출물", _broken(run)),
        ("학습자별 총점", _learners(run)),
    ]
    body = "".join(f"<h2>{_e(name)}</h2>\n{content}\n" for name, content in sections)
    return (
        "<!DOCTYPE html>\n<html lang=\"ko\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
        f"<h1>{_e(title)}</h1>\n<p>만든 때: {when}</p>\n{body}</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- writing


RESULTS_FILE = "results.json"
OVERRIDES_FILE = "overrides.csv"


def existing_outputs(out_dir: str | os.PathLike[str]) -> list[Path]:
    """The report files already in ``out_dir`` (what writing would overwrite)."""
    out = Path(out_dir)
    return [out / name for name in (GRADES_FILE, REPORT_FILE) if (out / name).exists()]


def write_outputs(run: GradeRun, out_dir: str | os.PathLike[str], *, force: bool = False,
                  mask_names: bool = False) -> dict[str, Path]:
    """Write the cohort's files into ``out_dir`` together, all or none; return them by kind.

    ``results.json`` keeps every judged verdict as graded (for ``casework return`` and for
    re-applying overrides); ``overrides.csv`` in ``out_dir``, if present, puts the instructor's
    scores into ``grades.csv``, ``report.html`` and the LMS files, each marked with its reason.
    ``mask_names`` shows every learner as '학습자 001' … in grades.csv, report.html and the LMS
    files (results.json keeps the names: it stays with the instructor).
    """
    from casework.analytics import lms_rows, mask_learners
    from casework.grading import apply_overrides, read_overrides, run_to_json

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{out}: 폴더가 아니라 파일입니다. --out에 폴더를 지정하세요.")
    existing = existing_outputs(out)
    if existing and not force:
        raise CaseworkError(
            f"{out}에 이전 채점 결과({', '.join(p.name for p in existing)})가 있습니다. "
            "덮어쓰려면 --force를 붙이고, 남기려면 다른 --out 폴더를 지정하세요."
        )
    shown = run
    if (out / OVERRIDES_FILE).is_file():
        shown, _ = apply_overrides(run, read_overrides(out / OVERRIDES_FILE))
    if mask_names:
        shown = mask_learners(shown)
    files: dict[str, bytes] = {
        GRADES_FILE: grades_csv(shown).encode("utf-8-sig"),  # BOM: Excel then reads Hangul right
        REPORT_FILE: render_report(shown).encode("utf-8"),
        RESULTS_FILE: run_to_json(run).encode("utf-8"),
    }
    for exercise in sorted(run.questions):
        header, rows = lms_rows(shown, exercise)
        files[f"lms_{exercise}.csv"] = _csv_text(header, rows).encode("utf-8-sig")
    out.mkdir(parents=True, exist_ok=True)
    atomic_write_many({out / name: data for name, data in files.items()})
    return {name: out / name for name in files}


def _csv_text(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()
