"""The ``casework`` command line (instructors and developers; messages are Korean).

One small ``_cmd_*`` function per subcommand, registered in :func:`build_parser`. Every
handler returns the exit code: 0 success, 1 a check found problems, 2 a usage error or a
``CaseworkError`` (printed as a one-line Korean message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from casework import __version__
from casework._util.text import josa
from casework.errors import CaseworkError

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_ERROR = 2

# argparse's own messages are English; the usual ones are translated here.
_ARGPARSE_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"the following arguments are required: (?P<x>.+)"), "꼭 필요한 인자가 빠졌습니다: {x}"),
    (re.compile(r"unrecognized arguments: (?P<x>.+)"), "알 수 없는 인자입니다: {x}"),
    (
        re.compile(r"argument (?P<a>\S+): invalid choice: (?P<x>.+?) \(choose from (?P<c>.+)\)"),
        "없는 명령입니다: {x} (쓸 수 있는 명령: {c})",
    ),
    (re.compile(r"argument (?P<a>\S+): expected one argument"), "{a} 뒤에 값을 하나 쓰세요"),
    (
        re.compile(r"argument (?P<a>\S+): invalid (?:int|float) value: (?P<x>.+)"),
        "{a}에는 숫자를 쓰세요 (받은 값: {x})",
    ),
)


def _korean_argparse_message(message: str) -> str:
    for pattern, template in _ARGPARSE_MESSAGES:
        match = pattern.fullmatch(message)
        if match:
            return template.format(**match.groupdict())
    return f"명령줄 인자가 잘못되었습니다: {message}"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=32)

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.nargs == argparse.PARSER:
            # argparse measures command names one indent short, which wraps their help.
            longest = max((len(name) for name in action.choices or ()), default=0)
            self._action_max_length = max(
                self._action_max_length, longest + self._current_indent + 4
            )

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        if action.nargs == argparse.PARSER:
            # Drop the bare "명령" line argparse puts above the list of commands.
            text = text.split("\n", 1)[1]
        return text

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "사용법: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose help headings, -h text and error lines are Korean."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "인자"
        self._optionals.title = "옵션"
        self.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: 오류: {_korean_argparse_message(message)}\n")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _width(text: str) -> int:
    """Columns a string takes in a terminal (Hangul and other wide characters count 2)."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths)).rstrip()

    print(line(header))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def _progress(total: int, desc: str):
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: a short-lived command needs none
    return tqdm(total=total, desc=desc, unit="개", file=sys.stderr, dynamic_ncols=True, leave=False)


# --------------------------------------------------------------------------- subcommands


def _cmd_generate_exercises(args: argparse.Namespace) -> int:
    from casework import exercisegen

    solutions, exercises = Path(args.solutions), Path(args.exercises)
    if args.check:
        drift = exercisegen.find_drift(solutions, exercises)
        if drift:
            print(
                f"연습 노트북({_shown(exercises)})이 해답({_shown(solutions)})과 맞지 않습니다: {len(drift)}건",
                file=sys.stderr,
            )
            for line in drift:
                print(f"  - {line}", file=sys.stderr)
            print(
                "고치려면 'casework generate-exercises'를 실행한 뒤 바뀐 파일을 커밋하세요.",
                file=sys.stderr,
            )
            return EXIT_PROBLEMS
        count = len(exercisegen.solution_notebooks(solutions))
        print(f"연습 노트북 {count}개가 모두 해답과 일치합니다.")
        return EXIT_OK

    before = {
        p.name: p.read_bytes() for p in exercises.glob("*.ipynb") if p.is_file()
    } if exercises.is_dir() else {}
    paths = exercisegen.generate_all(solutions, exercises)
    if not paths:
        print(f"해답 폴더({_shown(solutions)})에 노트북이 없어 만들 연습 노트북이 없습니다.")
        return EXIT_OK
    changed = [p for p in paths if before.get(p.name) != p.read_bytes()]
    print(
        f"연습 노트북 {len(paths)}개를 {_shown(exercises)}에 만들었습니다 "
        f"(새로 쓰거나 바뀐 파일 {len(changed)}개)."
    )
    for path in changed:
        print(f"  - {_shown(path)}")
    extra = sorted(set(before) - {p.name for p in paths})
    if extra:
        print(
            f"주의: 해답이 없는 연습 파일이 있습니다: {', '.join(extra)}. "
            "필요 없는 파일이면 직접 지우세요.",
            file=sys.stderr,
        )
    return EXIT_OK


def _cmd_assign(args: argparse.Namespace) -> int:
    from casework import assign

    bar = None

    def progress(items):
        nonlocal bar
        items = list(items)
        bar = _progress(len(items), "노트북 만들기")
        for item in items:
            yield item
            bar.update(1)
        bar.close()

    result = assign.assign(
        args.cohort, args.exercise, args.out,
        seed_base=args.seed_base, force=args.force, progress=progress, allow_solutions=args.allow_solutions,
        show_hints=not args.no_hints, show_solutions=args.solutions,
    )
    if bar is not None:
        bar.close()
    rows = [
        [str(a.learner.line), a.learner.name, a.case_id or "(기본값)", str(a.seed), a.path.name, a.status.value]
        for a in result.assignments
    ]
    if rows:
        _print_table(["줄", "이름", "사례", "시드", "파일", "결과"], rows)
        print()
    counts = {s: sum(1 for a in result.assignments if a.status is s) for s in assign.WriteStatus}
    summary = ", ".join(f"{s.value} {n}" for s, n in counts.items() if n)
    print(
        f"연습 {result.exercise_id}: 학습자 {len(result.assignments)}명의 노트북을 "
        f"{_shown(Path(args.out))}에 두었습니다" + (f" ({summary})." if summary else ".")
    )
    print("배정 기록: " + _shown(Path(args.out) / "casework-manifest.json")
          + " (채점할 때 --manifest로 지정합니다. 학습자에게 나누어 주지 마세요.)")
    if counts[assign.WriteStatus.SKIPPED]:
        print("이미 있는 파일은 그대로 두었습니다. 새로 만들려면 --force를 붙이세요.")
    if args.hub:
        _push_to_hub(args, result)
    for warning in result.warnings:
        print(f"주의: {warning}", file=sys.stderr)
    if result.problems:
        print(f"명단에서 쓸 수 없는 줄 {len(result.problems)}개 (이 학습자들은 만들지 않았습니다):", file=sys.stderr)
        for problem in result.problems:
            print(f"  - {problem}", file=sys.stderr)
        print("명단을 고친 뒤 다시 실행하면 빠진 학습자만 새로 만듭니다.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _push_to_hub(args: argparse.Namespace, result) -> None:
    from casework.hub.client import HubClient
    from casework.hub.handback import push_assigned
    from casework.hub.transfer import PushStatus

    with_user = [(a.learner.user, a.path) for a in result.assignments if a.learner.user]
    without = [a.learner.name for a in result.assignments if not a.learner.user]
    with HubClient(args.hub, _hub_token(args)) as client:
        pushed = push_assigned(client, with_user, folder=args.folder, overwrite=args.force)
    rows = [[p.user, p.path, p.status.label, p.message or ""] for p in pushed]
    if rows:
        _print_table(["사용자", "파일", "결과", "설명"], rows)
    done = sum(p.status is PushStatus.PUSHED for p in pushed)
    print(f"허브: {len(pushed)}명 가운데 {done}명의 홈 폴더에 노트북을 두었습니다.")
    if without:
        print(f"명단에 '사용자' 열이 비어 허브로 보내지 못한 학습자: {', '.join(without)}", file=sys.stderr)


def _check_grade_out(submissions: Path, out: Path, force: bool) -> None:
    """Refuse a wrong --out before any work: a file, the submissions folder, old results."""
    from casework import report

    if out.exists() and not out.is_dir():
        raise CaseworkError(f"{_shown(out)}: 폴더가 아니라 파일입니다. --out에 결과를 둘 폴더를 지정하세요.")
    if out.resolve() == submissions.resolve():
        raise CaseworkError(
            f"--out({_shown(out)})이 제출물 폴더와 같습니다. 결과 파일이 제출물과 섞이지 않게 다른 폴더를 지정하세요."
        )
    existing = report.existing_outputs(out)
    if existing and not force:
        raise CaseworkError(
            f"{_shown(out)}에 이전 채점 결과({', '.join(p.name for p in existing)})가 있습니다. "
            "덮어쓰려면 --force를 붙이고, 남기려면 다른 --out 폴더를 지정하세요."
        )


def _cmd_grade(args: argparse.Namespace) -> int:
    from casework import grading, report

    submissions, out = Path(args.submissions), Path(args.out)
    grading.find_submissions(submissions)
    _check_grade_out(submissions, out, args.force)
    if args.max_size <= 0:
        raise CaseworkError(f"--max-size는 0보다 큰 MB 단위 숫자여야 합니다. 받은 값: {args.max_size}")
    from casework.manifest import read_manifest

    manifests = [read_manifest(m) for m in args.manifest]
    out.mkdir(parents=True, exist_ok=True)
    journal = out / grading.JOURNAL_FILE
    if journal.exists():
        print("지난번에 중단된 채점을 이어서 합니다(이미 채점한 제출물은 건너뜁니다).", file=sys.stderr)
    bar = None

    def progress(paths):
        nonlocal bar
        paths = list(paths)
        bar = _progress(len(paths), "채점")
        for path in paths:
            yield path
            bar.update(1)

    try:
        run = grading.grade_all(submissions, manifests, max_bytes=int(args.max_size * 1024 * 1024),
                                journal=journal, progress=progress)
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print("중단했습니다. 같은 명령을 다시 실행하면 멈춘 곳부터 이어서 채점합니다.", file=sys.stderr)
        return 130
    finally:
        if bar is not None:
            bar.close()
    written = report.write_outputs(run, out, force=True, mask_names=args.mask_names)
    journal.unlink(missing_ok=True)
    if run.results:
        rows = []
        for r in run.results:
            total = "" if r.status is grading.GradeStatus.NOT_GRADED else f"{r.total:g}/{len(r.questions)}"
            rows.append([r.learner or "(알 수 없음)", r.file, total, r.status.value])
        _print_table(["학습자", "파일", "총점", "상태"], rows)
        print()
    else:
        print(f"{_shown(submissions)}에 제출물이 없습니다.")
    broken = [r for r in run.results if r.status is not grading.GradeStatus.GRADED]
    print(
        f"제출물 {len(run.results)}개를 {run.seconds:.1f}초 만에 채점했습니다 "
        f"(문제없음 {len(run.results) - len(broken)}, 확인 필요 {len(broken)}). 제출물의 코드는 실행하지 않았습니다."
    )
    for r in broken:
        print(f"  - {r.file}: {'; '.join(p.message for p in r.problems)}")
    if run.missing:
        print(f"제출하지 않은 학습자 {len(run.missing)}명: {', '.join(e.learner for e in run.missing)}")
    print(f"성적표: {_shown(written[report.GRADES_FILE])}" + (" (이름 가림)" if args.mask_names else ""))
    print(f"보고서: {_shown(written[report.REPORT_FILE])}")
    lms = [_shown(p) for name, p in written.items() if name.startswith("lms_")]
    print(f"학습관리시스템(LMS)용: {', '.join(lms)}")
    if (out / report.OVERRIDES_FILE).is_file():
        print(f"강사가 바꾼 점수({report.OVERRIDES_FILE})를 반영했습니다.")
    return EXIT_OK


def _load_graded(out: Path):
    from casework import grading, report

    path = out / report.RESULTS_FILE
    if not path.is_file():
        raise CaseworkError(f"{_shown(out)}에 채점 결과({report.RESULTS_FILE})가 없습니다. 먼저 'casework grade ... --out "
                            f"{_shown(out)}'를 실행하세요.")
    run = grading.run_from_json(path.read_text(encoding="utf-8"), _shown(path))
    overrides = out / report.OVERRIDES_FILE
    if overrides.is_file():
        run, unused = grading.apply_overrides(run, grading.read_overrides(overrides))
        for note in unused:
            print(f"주의: {report.OVERRIDES_FILE} {note}", file=sys.stderr)
    return run


def _cmd_override(args: argparse.Namespace) -> int:
    import csv
    import io

    from casework import grading, report
    from casework._util.fs import atomic_write

    out = Path(args.results)
    run = _load_graded(out)
    result = next((r for r in run.results if r.file == args.file or r.learner == args.file), None)
    if result is None:
        raise CaseworkError(f"'{args.file}'인 제출물이 채점 결과에 없습니다. 파일 이름이나 학습자 이름을 grades.csv에서 확인하세요.")
    if args.question not in result.questions:
        raise CaseworkError(f"{args.question}은 이 연습의 문항이 아닙니다. 문항: {', '.join(result.questions)}")
    if not 0.0 <= args.score <= 1.0:
        raise CaseworkError(f"--score는 0부터 1까지의 숫자입니다(1 = 만점). 받은 값: {args.score}")
    if not args.reason.strip():
        raise CaseworkError("--reason에 점수를 바꾸는 이유를 적어 주세요. 학습자의 피드백과 보고서에 남습니다.")
    path = out / report.OVERRIDES_FILE
    existing = path.read_text(encoding="utf-8-sig") if path.is_file() else ""
    rows = [r for r in csv.reader(io.StringIO(existing))][1:] if existing else []
    rows = [r for r in rows if r[:2] != [result.file, args.question]]
    rows.append([result.file, args.question, f"{args.score:g}", args.reason.strip()])
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(grading.OVERRIDE_HEADER)
    writer.writerows(rows)
    atomic_write(path, buffer.getvalue().encode("utf-8-sig"))
    raw = grading.run_from_json((out / report.RESULTS_FILE).read_text(encoding="utf-8"))
    report.write_outputs(raw, out, force=True, mask_names=args.mask_names)
    print(f"{result.learner}의 {args.question} 점수를 {josa(f'{args.score:g}', '으로')} 바꾸었습니다. 이유: {args.reason.strip()}")
    print(f"grades.csv와 report.html을 다시 만들었습니다. 바꾼 점수는 {_shown(path)}에 남고, 다시 채점해도 유지됩니다.")
    return EXIT_OK


def _cmd_return(args: argparse.Namespace) -> int:
    from casework import handback

    out = Path(args.results)
    run = _load_graded(out)
    to = Path(args.to) if args.to else out / "피드백"
    if args.hub:
        from casework.hub.client import HubClient
        from casework.hub.handback import FEEDBACK_FOLDER, return_pages
        from casework.hub.transfer import PushStatus

        pages = [(r.user, handback.page_name(r), handback.render_page(r, show_solutions=args.show_solutions))
                 for r in run.results if r.user]
        with HubClient(args.hub, _hub_token(args)) as client:
            pushed = return_pages(client, pages)
        _print_table(["사용자", "파일", "결과", "설명"], [[p.user, p.path, p.status.label, p.message or ""] for p in pushed])
        done = sum(p.status is PushStatus.PUSHED for p in pushed)
        print(f"학습자 {done}명의 홈 폴더 '{FEEDBACK_FOLDER}'에 피드백 페이지를 두었습니다.")
        no_user = [r.learner for r in run.results if r.learner and not r.user]
        if no_user:
            print(f"허브 사용자 이름이 없어 돌려주지 못한 학습자: {', '.join(no_user)}", file=sys.stderr)
        return EXIT_OK if done == len(pages) else EXIT_PROBLEMS
    written = handback.write_pages(run, to, show_solutions=args.show_solutions, force=args.force)
    print(f"학습자 {len(written)}명의 피드백 페이지를 {_shown(to)}에 두었습니다"
          + (" (모범 답 포함)." if args.show_solutions else " (모범 답은 넣지 않음)."))
    return EXIT_OK


def _cmd_cases(args: argparse.Namespace) -> int:
    from casework import cases

    if not args.files:
        rows = [[c.id, c.title, c.kind] for c in cases.list_cases()]
        _print_table(["id", "제목", "종류"], rows)
        print(f"\n사례 {len(rows)}개 (폴더: {', '.join(_shown(d) for d in cases.case_dirs())}).")
        return EXIT_OK
    bad = 0
    for name in args.files:
        try:
            case = cases.check_case_file(name)
        except CaseworkError as err:
            bad += 1
            print(f"✗ {err}", file=sys.stderr)
        else:
            print(f"✓ {name}: '{case.title}' (id {case.id}) — 형식이 맞습니다.")
    if bad:
        print(f"사례 파일 {len(args.files)}개 중 {bad}개에 고칠 곳이 있습니다.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_clients(args: argparse.Namespace) -> int:
    from casework import client as clients
    from casework.conversation import Interview

    if not args.files:
        rows = [[c.id, c.title, c.case or "-", str(len(c.facts))] for c in clients.list_clients()]
        _print_table(["id", "제목", "사례", "사실"], rows)
        print(f"\n면접 연습 당사자 {len(rows)}명 (폴더: {', '.join(_shown(d) for d in clients.client_dirs())}).")
        return EXIT_OK
    bad = 0
    for name in args.files:
        try:
            found = clients.check_client_file(name)
            model = Interview.replay(found, 0, found.model_interview)
        except CaseworkError as err:
            bad += 1
            print(f"✗ {err}", file=sys.stderr)
            continue
        share = f"모범 질문 {len(found.model_interview)}개로 사실 {len(found.facts)}가지 가운데 {len(model.told)}가지"
        if model.found_share < found.pass_share or model.closed_down:
            bad += 1
            print(f"✗ {name}: {share}를 알아내 통과 기준({found.pass_share:.0%})에 못 미칩니다"
                  + ("(당사자가 면접을 그만둠)" if model.closed_down else "")
                  + ". model_interview나 사실의 topics·min_trust를 고쳐 주세요.", file=sys.stderr)
        else:
            print(f"✓ {name}: '{found.title}' (id {found.id}) — 형식이 맞고, {share}를 알아냅니다.")
    if bad:
        print(f"당사자 파일 {len(args.files)}개 중 {bad}개에 고칠 곳이 있습니다.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from casework.export.files import export_notebook

    formats = [f for f, wanted in (("html", args.html), ("pdf", args.pdf)) if wanted] or ["html", "pdf"]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name in args.notebooks:
        written = export_notebook(name, out, formats=formats, run=args.run, overwrite=args.force)
        for path in written:
            print(f"✓ {_shown(path)} ({path.stat().st_size / 1024:.0f} KB)")
    return EXIT_OK


def _cmd_book(args: argparse.Namespace) -> int:
    from casework.export.book import build_book

    def on_page(page) -> None:
        print(f"  {page.file_name} ({page.seconds:.1f}초)")

    book = build_book(args.out, args.notebooks, chapters=args.chapters, workers=args.workers,
                      on_page=on_page)
    print(f"읽기 전용 책을 {book.seconds:.1f}초 만에 만들었습니다: {_shown(book.index)}")
    return EXIT_OK


def _hub_token(args: argparse.Namespace) -> str:
    import os

    if args.token_file:
        try:
            return Path(args.token_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise CaseworkError(f"토큰 파일을 읽지 못했습니다 ({args.token_file}): {exc.strerror or exc}") from None
    token = os.environ.get("CASEWORK_HUB_TOKEN") or os.environ.get("JUPYTERHUB_API_TOKEN")
    if not token:
        raise CaseworkError(
            "허브 서비스 토큰이 없습니다. 'casework hub'가 데이터 폴더에 만든 instructor-token 파일을 "
            "--token-file로 주거나 CASEWORK_HUB_TOKEN 환경 변수에 적으세요."
        )
    return token


def _local_time(value: datetime | None) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M:%S %z") if value else "-"


def _cmd_collect(args: argparse.Namespace) -> int:
    from casework.hub.client import HubClient
    from casework.hub.transfer import CollectStatus, collect, parse_deadline
    from casework.manifest import read_manifest

    deadline = parse_deadline(args.deadline) if args.deadline else None
    manifest = read_manifest(args.manifest)
    with HubClient(args.hub, _hub_token(args), timeout=args.timeout) as client:
        result = collect(
            client, manifest, args.out, folder=args.folder, deadline=deadline,
            force=args.force, start_stopped=args.start_stopped,
        )
    rows = [
        [
            item.learner, item.user or "-", item.file, item.status.label, _local_time(item.last_modified),
            {True: "늦음", False: "", None: "-"}[item.late],
        ]
        for item in result.items
    ]
    _print_table(["학습자", "사용자", "파일", "결과", "마지막 저장", "마감"], rows)
    print()
    missed = [item for item in result.items if item.status is not CollectStatus.COLLECTED]
    late = sum(1 for item in result.items if item.late)
    print(
        f"연습 {manifest.exercise}: {len(result.items)}명 중 {len(result.items) - len(missed)}명의 노트북을 "
        f"{_shown(result.out)}에 가져왔습니다" + (f" (마감 뒤 저장 {late}명)." if deadline else ".")
    )
    print(f"기록: {_shown(result.record)}")
    if missed:
        print(f"가져오지 못한 학습자 {len(missed)}명:", file=sys.stderr)
        for item in missed:
            print(f"  - {item.learner}: {item.message}", file=sys.stderr)
        if any(item.status is CollectStatus.NOT_STARTED for item in missed):
            print("꺼진 학습 서버에서도 가져오려면 --start-stopped를 붙여 다른 --out 폴더로 다시 실행하세요.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def _cmd_hub(args: argparse.Namespace) -> int:
    import signal

    from casework.hub import launch
    from casework.hub.client import HubClient
    from casework.hub.settings import TOKEN_FILE

    launch.check_hub_installed()
    settings = launch.prepare(
        args.data, ip=args.ip, port=args.port, instructor=args.instructor, cull_timeout=args.cull_timeout,
    )
    print(f"허브를 시작합니다 (데이터 폴더: {_shown(settings.data)}) …", flush=True)
    hub = launch.start_hub(settings)

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    # A service manager's stop, or the terminal closing, is handled like Ctrl+C.
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGHUP, interrupt)
    try:
        learners = [n.strip() for n in (args.learners or "").split(",") if n.strip()]
        if learners:
            with HubClient(hub.url, hub.token) as client:
                client.create_users(learners)
        print(f"허브가 켜졌습니다: {hub.url}")
        print(f"  강사 계정: {settings.instructor} / 비밀번호: {settings.instructor_password}")
        print(f"  학습자 비밀번호(모두 같음): {settings.learner_password}")
        if learners:
            print(f"  학습자 계정: {', '.join(learners)}")
        print("  학습자 계정은 강사가 관리 화면(Admin)이나 'casework assign --hub'로 만듭니다.")
        print(f"  강사 도구 토큰 파일: {_shown(settings.data / TOKEN_FILE)} (casework collect --token-file)")
        print(f"  기록: {_shown(hub.log)}")
        print("끄려면 Ctrl+C를 누르세요.", flush=True)
        code = hub.process.wait()
        print(f"허브가 스스로 멈췄습니다 (종료 코드 {code}). 기록의 끝부분:\n{hub.log_tail(2000)}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("허브를 끕니다 …", flush=True)
        return EXIT_OK
    finally:
        hub.stop()
        print("허브와 학습 서버를 모두 껐습니다.")



# --------------------------------------------------------------------------- parser and entry


def build_parser() -> argparse.ArgumentParser:
    """The ``casework`` parser with one subparser per command."""
    parser = _Parser(
        prog="casework",
        description="사례관리 워크북의 강사·개발자용 명령입니다.",
        epilog="명령마다 자세한 도움말: casework 명령 --help",
    )
    parser.add_argument(
        "--version", action="version", version=f"casework {__version__}",
        help="버전을 보여 주고 끝냅니다",
    )
    parser.set_defaults(handler=None)
    commands = parser.add_subparsers(title="명령", metavar="명령", parser_class=_Parser)

    gen = commands.add_parser(
        "generate-exercises",
        help="해답 노트북에서 연습 노트북을 만듭니다",
        description=(
            "solutions/의 해답 노트북마다 같은 이름의 연습 노트북을 exercises/에 만듭니다.\n"
            "코드 셀의 '### BEGIN SOLUTION' ~ '### END SOLUTION' 사이는 '...' 한 줄로,\n"
            "'# SOLUTION'이 붙은 대입 줄의 값은 '...'로 바뀌고, 마크다운 셀의\n"
            "'<!-- BEGIN SOLUTION -->' ~ '<!-- END SOLUTION -->' 부분과 solution-only 태그가\n"
            "붙은 셀은 빠집니다. 출력은 지워집니다. 노트북을 실행하지는 않습니다."
        ),
    )
    gen.add_argument(
        "--solutions", metavar="DIR", default="solutions",
        help="해답 노트북 폴더 (기본값: 현재 폴더의 solutions)",
    )
    gen.add_argument(
        "--exercises", metavar="DIR", default="exercises",
        help="연습 노트북 폴더 (기본값: 현재 폴더의 exercises)",
    )
    gen.add_argument(
        "--check", action="store_true",
        help="파일을 쓰지 않고, 연습 노트북이 해답과 어긋난 곳만 알려 줍니다 (어긋나면 종료 코드 1)",
    )
    gen.set_defaults(handler=_cmd_generate_exercises)

    asg = commands.add_parser(
        "assign",
        help="학습자마다 값을 넣은 연습 노트북을 만듭니다",
        description=(
            "명단(CSV)의 학습자마다 연습 노트북을 하나씩 만듭니다. 노트북의 parameters 셀\n"
            "바로 다음에 학습자의 값(learner, case_id, seed, show_hints, show_solutions)을 넣은\n"
            "셀이 들어갑니다(papermill 방식, 실행은 하지 않음). 파일 이름은 '07_목표_홍길동.ipynb'\n"
            "꼴이고, --out 폴더에 배정 기록 casework-manifest.json이 함께 생깁니다(채점에 씀).\n\n"
            "명단의 첫 줄은 열 이름입니다: 이름(꼭 필요), 사례(사례 id, 비우면 연습의 기본 사례),\n"
            "시드(0 이상의 정수, 비우면 --seed-base + 명단 순서, 다른 학습자와 겹치면 다음 수),\n"
            "사용자(JupyterHub 사용자 이름, 선택). name, case, seed, user도 됩니다.\n"
            "UTF-8과 CP949(엑셀 CSV)로 저장한 파일을 읽습니다. 잘못된 줄은 줄 번호와 함께\n"
            "알려 주고 나머지는 만듭니다(잘못된 줄이 있으면 종료 코드 1). 해답 노트북은\n"
            "--allow-solutions 없이는 나눠 주지 않습니다."
        ),
    )
    asg.add_argument("--cohort", metavar="CSV", required=True, help="학습자 명단 CSV 파일")
    asg.add_argument("--exercise", metavar="IPYNB", required=True, help="나눠 줄 연습 노트북 (예: exercises/07_목표.ipynb)")
    asg.add_argument("--out", metavar="DIR", required=True, help="학습자별 노트북을 둘 폴더 (없으면 만듭니다)")
    asg.add_argument(
        "--seed-base", metavar="N", type=int, default=0,
        help="명단에 시드가 없을 때 쓸 시작 값 (기본값: 0; 학습자마다 1씩 늘어남)",
    )
    asg.add_argument("--force", action="store_true", help="이미 있는 학습자 노트북을 덮어씁니다")
    asg.add_argument("--no-hints", action="store_true", help="학습자가 힌트를 볼 수 없게 합니다")
    asg.add_argument("--solutions", action="store_true", help="학습자가 '풀이'로 모범 답을 볼 수 있게 합니다 (기본: 볼 수 없음)")
    asg.add_argument("--allow-solutions", action="store_true",
                     help="해답 노트북을 알고도 나눠 줍니다 (보통은 쓰지 않습니다)")
    asg.add_argument("--hub", metavar="URL", help="JupyterHub 주소: 명단의 '사용자' 홈 폴더에 노트북을 둡니다")
    asg.add_argument("--folder", metavar="DIR", default="", help="--hub에서 노트북을 둘 홈 안의 폴더 (기본값: 홈 폴더)")
    asg.add_argument("--token-file", metavar="FILE", help="강사 도구 토큰 파일 (기본값: CASEWORK_HUB_TOKEN 환경 변수)")
    asg.set_defaults(handler=_cmd_assign)

    grd = commands.add_parser(
        "grade",
        help="제출된 노트북을 한꺼번에 채점하고 보고서를 만듭니다",
        description=(
            "제출물 폴더의 노트북마다 답 칸(%%답)의 글을 읽어 채점합니다. 노트북의 코드는\n"
            "실행하지 않고, 제출 파일은 바꾸지 않습니다. 학습자·사례·시드는 배정 기록\n"
            "(--manifest)에서 가져오며, 나누어 준 노트북과 비교해 고치거나 지운 셀, 다른\n"
            "학습자의 노트북, 깨진 파일을 알려 줍니다. collect가 남긴 collected.json이 있으면\n"
            "늦게 낸 제출물도 표시합니다. 결과는 --out 폴더의 grades.csv(학습자별 점수)와\n"
            "report.html(요약, 학습자×문항 히트맵, 자주 나온 실수, 확인이 필요한 제출물)입니다.\n"
            "Ctrl-C로 멈추면 다시 실행할 때 멈춘 곳부터 이어서 채점합니다.\n"
            "채점이 끝나면 문제 있는 제출물이 있어도 종료 코드 0, 사용법 오류는 2입니다."
        ),
    )
    grd.add_argument("submissions", metavar="SUBMISSIONS_DIR", help="학습자 노트북을 모은 폴더")
    grd.add_argument("--manifest", metavar="JSON", action="append", required=True,
                     help="assign이 만든 배정 기록 casework-manifest.json (연습이 여럿이면 여러 번)")
    grd.add_argument("--out", metavar="DIR", required=True, help="grades.csv와 report.html을 둘 폴더")
    grd.add_argument("--max-size", metavar="MB", type=float, default=20.0,
                     help="이보다 큰 제출물은 읽지 않습니다 (기본값: 20)")
    grd.add_argument("--force", action="store_true", help="--out에 있는 이전 채점 결과를 덮어씁니다")
    grd.add_argument("--mask-names", action="store_true",
                     help="grades.csv, report.html, LMS 파일에서 학습자 이름을 '학습자 001'처럼 가립니다(슈퍼바이저와 나눌 때)")
    grd.set_defaults(handler=_cmd_grade)

    ovr = commands.add_parser(
        "override",
        help="채점된 한 문항의 점수를 강사가 바꿉니다 (이유와 함께)",
        description=(
            "채점 결과 폴더(grade의 --out)의 한 학습자, 한 문항 점수를 바꾸고 이유를 남깁니다.\n"
            "바꾼 점수는 그 폴더의 overrides.csv에 쌓여 grades.csv, report.html, 피드백 페이지에\n"
            "표시되고, 같은 --out으로 다시 채점해도 유지됩니다."
        ),
    )
    ovr.add_argument("results", metavar="RESULTS_DIR", help="casework grade의 --out 폴더")
    ovr.add_argument("--file", required=True, metavar="NAME", help="제출 파일 이름 또는 학습자 이름")
    ovr.add_argument("--question", required=True, metavar="Q", help="문항 (예: q3)")
    ovr.add_argument("--score", required=True, type=float, metavar="S", help="새 점수, 0부터 1까지 (1 = 만점)")
    ovr.add_argument("--reason", required=True, metavar="TEXT", help="바꾸는 이유 (학습자에게도 보입니다)")
    ovr.add_argument("--mask-names", action="store_true", help="다시 만드는 파일에서 이름을 가립니다")
    ovr.set_defaults(handler=_cmd_override)

    ret = commands.add_parser(
        "return",
        help="학습자마다 피드백 페이지를 만들어 돌려줍니다",
        description=(
            "채점 결과 폴더(grade의 --out)에서 학습자마다 한국어 피드백 페이지(HTML)를 만듭니다:\n"
            "문항별 점수, 쓴 답, 맞은 점과 고칠 점, 힌트, 강사가 바꾼 점수와 이유.\n"
            "모범 답은 --show-solutions를 붙일 때만 넣습니다. --hub를 주면 각 학습자의\n"
            "JupyterHub 홈 폴더에 두고, 아니면 --to 폴더(기본: RESULTS_DIR/피드백)에 둡니다."
        ),
    )
    ret.add_argument("results", metavar="RESULTS_DIR", help="casework grade의 --out 폴더")
    ret.add_argument("--to", metavar="DIR", help="피드백 페이지를 둘 폴더 (기본값: RESULTS_DIR/피드백)")
    ret.add_argument("--hub", metavar="URL", help="JupyterHub 주소: 학습자의 홈 폴더에 둡니다")
    ret.add_argument("--show-solutions", action="store_true", help="모범 답을 페이지에 넣습니다")
    ret.add_argument("--force", action="store_true", help="이미 있는 피드백 페이지를 덮어씁니다")
    ret.add_argument("--token-file", metavar="FILE", help="강사 도구 토큰 파일 (기본값: CASEWORK_HUB_TOKEN 환경 변수)")
    ret.set_defaults(handler=_cmd_return)

    cas = commands.add_parser(
        "cases",
        help="사례 목록을 보거나 새 사례 파일을 검사합니다",
        description=(
            "파일을 주지 않으면 쓸 수 있는 사례(기본 사례와 CASEWORK_CASES_DIR 폴더의 사례)를 보여 줍니다.\n"
            "YAML 파일을 주면 워크북이 불러올 때와 똑같이 검사해, 잘못된 곳을 파일·줄·항목과 함께\n"
            "알려 줍니다. 잘못된 파일이 있으면 종료 코드 1입니다."
        ),
    )
    cas.add_argument("files", nargs="*", metavar="FILE", help="검사할 사례 YAML 파일")
    cas.set_defaults(handler=_cmd_cases)

    cli_ = commands.add_parser(
        "clients",
        help="면접 연습 당사자 목록을 보거나 새 당사자 파일을 검사합니다",
        description=(
            "파일을 주지 않으면 쓸 수 있는 당사자(기본 당사자와 CASEWORK_CLIENTS_DIR 폴더의 당사자)를 보여 줍니다.\n"
            "YAML 파일을 주면 워크북이 불러올 때와 똑같이 검사하고, 모범 질문(model_interview)으로 면접해\n"
            "통과 기준만큼 사실을 알아내는지도 확인합니다. 고칠 곳이 있으면 종료 코드 1입니다."
        ),
    )
    cli_.add_argument("files", nargs="*", metavar="FILE", help="검사할 당사자 YAML 파일")
    cli_.set_defaults(handler=_cmd_clients)

    exp = commands.add_parser(
        "export",
        help="노트북을 HTML·PDF로 저장합니다 (답과 피드백 포함)",
        description=(
            "저장된 노트북을 그 안의 실행 결과·위젯 상태(답과 피드백) 그대로 HTML과 PDF로 저장합니다.\n"
            "PDF는 Chromium(또는 Chrome, Edge)으로 인쇄해 만들며 pandoc이나 TeX는 쓰지 않습니다.\n"
            "형식을 고르지 않으면 둘 다 만듭니다. 파일 이름은 노트북 이름에 .html/.pdf를 붙입니다."
        ),
    )
    exp.add_argument("notebooks", nargs="+", metavar="NOTEBOOK", help="저장할 노트북 (.ipynb)")
    exp.add_argument("--out", metavar="DIR", required=True, help="파일을 둘 폴더 (없으면 만듭니다)")
    exp.add_argument("--html", action="store_true", help="HTML 파일을 만듭니다")
    exp.add_argument("--pdf", action="store_true", help="PDF 파일을 만듭니다")
    exp.add_argument("--run", action="store_true",
                     help="저장된 결과 대신 새 커널에서 처음부터 실행한 결과로 만듭니다")
    exp.add_argument("--force", action="store_true", help="같은 이름의 파일이 있으면 덮어씁니다")
    exp.set_defaults(handler=_cmd_export)

    bk = commands.add_parser(
        "book",
        help="워크북 전체를 읽기 전용 웹 책으로 만듭니다",
        description=(
            "notebooks/의 장(00–11)을 차례로 새 커널에서 실행해, 코드를 감춘 정적 웹 페이지로 만듭니다.\n"
            "인터넷 없이 열리고 휴대전화 화면과 인쇄에 맞춥니다. --out 폴더의 index.html을 여세요."
        ),
    )
    bk.add_argument("--out", metavar="DIR", default="build/book", help="책을 둘 폴더 (기본값: build/book)")
    bk.add_argument("--notebooks", metavar="DIR", default="notebooks",
                    help="장 노트북 폴더 (기본값: 현재 폴더의 notebooks)")
    bk.add_argument("--chapters", metavar="NN", nargs="+", default=None,
                    help="일부 장만 만듭니다 (예: --chapters 05 08)")
    bk.add_argument("--workers", metavar="N", type=int, default=2, help="동시에 실행할 장 수 (기본값: 2)")
    bk.set_defaults(handler=_cmd_book)


    col = commands.add_parser(
        "collect",
        help="허브에서 학습자들의 노트북을 가져옵니다",
        description=(
            "배부 기록(casework-manifest.json)의 학습자마다 허브의 홈 폴더에서 지금 노트북을 읽어\n"
            "--out 폴더에 그대로 저장하고, collected.json에 가져온 시각, 마지막 저장 시각(서버 시각),\n"
            "마감(--deadline) 뒤에 저장했는지를 적습니다. 학습자의 파일은 바꾸지 않습니다.\n"
            "허브 사용자가 없거나, 서버가 꺼져 있거나, 파일이 없거나, 서버가 응답하지 않는 학습자는\n"
            "이름과 함께 알려 주고 나머지는 가져옵니다(그런 학습자가 있으면 종료 코드 1)."
        ),
    )
    col.add_argument("--hub", metavar="URL", required=True, help="허브 주소 (예: http://127.0.0.1:8000)")
    col.add_argument("--manifest", metavar="FILE", required=True, help="casework assign이 만든 배부 기록 파일 또는 그 폴더")
    col.add_argument("--out", metavar="DIR", required=True, help="가져온 노트북과 collected.json을 둘 폴더")
    col.add_argument("--deadline", metavar="ISO8601", help="마감 시각, 시간대 포함 (예: 2026-12-01T18:00+09:00)")
    col.add_argument("--folder", metavar="PATH", default="", help="학습자 홈 안에서 노트북이 있는 폴더 (기본값: 홈 바로 아래)")
    col.add_argument("--token-file", metavar="FILE", help="강사 도구 토큰 파일 (기본값: CASEWORK_HUB_TOKEN 환경 변수)")
    col.add_argument(
        "--timeout", metavar="SEC", type=float, default=15.0,
        help="허브나 학습 서버의 응답을 기다릴 시간 (기본값: 15초; 넘으면 '서버 응답 없음')",
    )
    col.add_argument("--start-stopped", action="store_true", help="꺼진 학습 서버를 잠시 켜서 가져오고 다시 끕니다")
    col.add_argument("--force", action="store_true", help="--out에 이미 가져온 파일이 있으면 덮어씁니다")
    col.set_defaults(handler=_cmd_collect)

    hub = commands.add_parser(
        "hub",
        help="워크북이 설치된 JupyterHub를 이 컴퓨터에서 시작합니다",
        description=(
            "학습자마다 자기 홈 폴더에서 한국어 JupyterLab(워크북 포함)을 쓰는 JupyterHub를 켭니다.\n"
            "강사 한 명이 관리자이고, 학습자는 모두 같은 비밀번호로 들어옵니다. 한동안 쓰지 않은\n"
            "학습 서버는 저절로 꺼집니다(--cull-timeout). 설정과 비밀번호는 --data 폴더에 남아\n"
            "다음에 켤 때도 같습니다. 처음이면 'python3 tasks.py hub'로 설치와 시작을 한 번에 하세요."
        ),
    )
    hub.add_argument("--data", metavar="DIR", default="hub-data", help="허브 데이터 폴더 (기본값: 현재 폴더의 hub-data)")
    hub.add_argument("--ip", default="127.0.0.1", help="받을 주소 (기본값: 127.0.0.1, 이 컴퓨터에서만)")
    hub.add_argument("--port", type=int, default=8000, help="허브 주소의 포트 (기본값: 8000)")
    hub.add_argument("--instructor", metavar="NAME", default="instructor", help="관리자인 강사 계정 이름 (기본값: instructor)")
    hub.add_argument("--learners", metavar="NAMES", help="미리 만들 학습자 계정, 쉼표로 구분 (예: hong,kim)")
    hub.add_argument("--cull-timeout", metavar="SEC", type=int, default=3600, help="이 시간 동안 쓰지 않은 학습 서버를 끕니다 (기본값: 3600초)")
    hub.set_defaults(handler=_cmd_hub)
    return parser


def _one_line(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``casework``; return the exit code instead of raising SystemExit."""
    if argv is None:
        # Started as the console script: skip jsonschema's optional IRI checker, which builds a
        # grammar for ~2 s when nbformat is imported; notebook schemas never use IRI formats.
        # Only in this process, never in a library import.
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None blocks the import
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version or a usage error
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    handler: Callable[[argparse.Namespace], int] | None = args.handler
    if handler is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return handler(args)
    except CaseworkError as exc:
        print(f"오류: {_one_line(str(exc))}", file=sys.stderr)
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"오류: 파일을 다루지 못했습니다{where}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("중단했습니다.", file=sys.stderr)
        return 130
    except Exception as exc:
        print(
            f"오류: 예상하지 못한 문제입니다({type(exc).__name__}: {_one_line(str(exc))}). "
            "개발자에게 이 문장을 알려 주세요.",
            file=sys.stderr,
        )
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
