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
from pathlib import Path

from casework import __version__
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

    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        return super().add_usage(usage, actions, groups, "사용법: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose help headings, -h text and error lines are Korean."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = "인자"
        self._optionals.title = "옵션"
        self.add_argument("-h", "--help", action="help", help="이 도움말을 보여 주고 끝냅니다")

    def error(self, message: str):  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: 오류: {_korean_argparse_message(message)}\n")


def _shown(path: Path) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


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
    return parser


def _one_line(text: str) -> str:
    return " ".join(text.split())


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``casework``; return the exit code instead of raising SystemExit."""
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
    except Exception as exc:  # noqa: BLE001 - the CLI promises no traceback
        print(
            f"오류: 예상하지 못한 문제입니다({type(exc).__name__}: {_one_line(str(exc))}). "
            "개발자에게 이 문장을 알려 주세요.",
            file=sys.stderr,
        )
    return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
