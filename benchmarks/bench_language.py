"""Accuracy of the free-text judges on labelled sets: the analyser-based rules against the old regexes.

    .venv/bin/python benchmarks/bench_language.py                 # the development sets
    .venv/bin/python benchmarks/bench_language.py --data DIR      # other sets in the same format
    .venv/bin/python benchmarks/bench_language.py --limit 20      # a quick slice
    .venv/bin/python benchmarks/bench_language.py --part first    # one annotator's items only (first … fifty-ninth)
    .venv/bin/python benchmarks/bench_language.py --hold-out sixth  # that part's figures and its own rule cues

Prints, for goals and questions, recall and precision per mistake and the share of good items
flagged; for masking, the share of identifiers hidden and of kept items left intact. The
baseline is the regex implementation before the analyser (commit ``BASELINE_COMMIT``), loaded
from git history into a temporary module (``git show``), so the old code is reachable only here.
The set format is described in ``benchmarks/data/language/README.md``.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data" / "language"
BASELINE_COMMIT = "92fec55"
PARTS = ("all", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth",
         "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
         "eighteenth", "nineteenth", "twentieth",
         "twenty-first", "twenty-second", "twenty-third",
         "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth",
         "thirtieth", "thirty-first", "thirty-second", "thirty-third", "thirty-fourth", "thirty-fifth",
         "thirty-sixth", "thirty-seventh", "thirty-eighth",
         "thirty-ninth", "fortieth", "forty-first",
         "forty-second", "forty-third", "forty-fourth",
         "forty-fifth", "forty-sixth", "forty-seventh", "forty-eighth", "forty-ninth", "fiftieth",
         "fifty-first", "fifty-second", "fifty-third", "fifty-fourth", "fifty-fifth", "fifty-sixth",
         "fifty-seventh", "fifty-eighth", "fifty-ninth")
ANNOTATOR_MARKS = {f"# ---- {part} annotator": part for part in PARTS[2:]}
"""A comment line starting so divides a set: the items after it are that annotator's."""
QUESTION_CODES = {"L": "LEADING", "C": "CLOSED_WHEN_INFO_NEEDED", "M": "MULTIPLE", "X": "COMPLEX",
                  "W": "WHY_INTERROGATION"}


# --------------------------------------------------------------------------- sets


def _lines(path: Path, part: str = "all") -> list[tuple[int, str]]:
    """(line number, line) of the items of ``part``: all, or one annotator's."""
    if part not in PARTS:
        raise SystemExit(f"part must be one of {', '.join(PARTS)}: {part!r}")
    current, lines = "first", []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        current = next((p for mark, p in ANNOTATOR_MARKS.items() if line.startswith(mark)), current)
        if not line.strip() or line.startswith("#"):
            continue
        if part in ("all", current):
            lines.append((number, line))
    return lines


def _rows(path: Path, part: str = "all") -> list[list[str]]:
    rows = []
    for number, line in _lines(path, part):
        parts = line.split("\t")
        if "" in parts:
            raise SystemExit(f"{path.name}:{number}: empty column")
        rows.append(parts)
    return rows


def _labels(text: str) -> frozenset[str]:
    return frozenset() if text == "-" else frozenset(text.split(","))


def load_goals(path: Path, part: str = "all") -> list[tuple[frozenset[str], str | None, str]]:
    """(mistake numbers as strings, owner or None, goal)."""
    return [(_labels(lab), None if owner == "-" else owner, text) for lab, owner, text in _rows(path, part)]


def load_questions(path: Path, part: str = "all") -> list[tuple[frozenset[str], str]]:
    """(mistake codes L C M X W, question)."""
    return [(_labels(lab), text) for lab, text in _rows(path, part)]


@dataclass
class Note:
    """A masking note: its text, the identifiers to hide and the items to keep (spans)."""

    text: str
    identifiers: list[tuple[str, int, int]] = field(default_factory=list)
    kept: list[tuple[int, int]] = field(default_factory=list)


_MARK = re.compile(r"\[\[(이름|주민|외국인|전화):([^\]]+)\]\]|\{\{([^}]+)\}\}")


def _registration(value: str) -> str:
    """'520315 - 2' → the date part, the separator as written, the digit and six zeros."""
    m = re.fullmatch(r"(\d{6})(\D*)(\d)", value)
    if not m:
        raise SystemExit(f"bad registration number markup: {value!r}")
    return f"{m.group(1)}{m.group(2)}{m.group(3)}000000"


def load_notes(path: Path, part: str = "all") -> list[Note]:
    notes = []
    for _number, line in _lines(path, part):
        note, out, at = Note(""), [], 0
        for m in _MARK.finditer(line):
            out.append(line[at:m.start()])
            start = sum(len(p) for p in out)
            if m.group(3) is not None:
                value = m.group(3)
                note.kept.append((start, start + len(value)))
            else:
                kind, value = m.group(1), m.group(2)
                if kind in ("주민", "외국인"):
                    value = _registration(value)
                note.identifiers.append((kind, start, start + len(value)))
            out.append(value)
            at = m.end()
        out.append(line[at:])
        note.text = "".join(out)
        notes.append(note)
    return notes


# --------------------------------------------------------------------------- scoring


@dataclass
class Scores:
    tp: dict = field(default_factory=dict)
    fp: dict = field(default_factory=dict)
    fn: dict = field(default_factory=dict)
    good: int = 0
    good_flagged: int = 0

    def add(self, expected: frozenset, got: frozenset, categories) -> None:
        for c in categories:
            if c in expected and c in got:
                self.tp[c] = self.tp.get(c, 0) + 1
            elif c in got:
                self.fp[c] = self.fp.get(c, 0) + 1
            elif c in expected:
                self.fn[c] = self.fn.get(c, 0) + 1
        if not expected:
            self.good += 1
            self.good_flagged += bool(got)

    def recall(self, c) -> float:
        tp, fn = self.tp.get(c, 0), self.fn.get(c, 0)
        return tp / (tp + fn) if tp + fn else float("nan")

    def precision(self, c) -> float:
        tp, fp = self.tp.get(c, 0), self.fp.get(c, 0)
        return tp / (tp + fp) if tp + fp else float("nan")

    @property
    def good_share(self) -> float:
        return self.good_flagged / self.good if self.good else float("nan")


def score_goals(check_goal, rows) -> Scores:
    s = Scores()
    for expected, owner, text in rows:
        got = frozenset(str(f.mistake.number) for f in check_goal(text, owner=owner))
        s.add(expected, got, [str(n) for n in range(1, 8)])
    return s


def score_questions(check_question, rows) -> Scores:
    s = Scores()
    for expected, text in rows:
        got = frozenset(code for f in check_question(text) for code, name in QUESTION_CODES.items()
                        if f.mistake.name == name)
        s.add(expected, got, list(QUESTION_CODES))
    return s


def _in_context(text: str, start: int, end: int, width: int = 25) -> str:
    """The span between ⟦ ⟧ with up to ``width`` characters either side, on one line."""
    return f"{text[max(0, start - width):start]}⟦{text[start:end]}⟧{text[end:end + width]}"


def score_masking(mask, notes: list[Note]) -> dict:
    hidden = total = kept_ok = kept_total = 0
    by_kind: dict[str, list[int]] = {}  # kind → [hidden, total]
    misses: list[str] = []
    contexts: list[str] = []  # each miss in its words, for --show-errors
    broken: list[str] = []
    asked = asked_other = 0  # missed names named for checking; words named that are no identifier
    spans_total = 0
    over: list[str] = []  # hidden spans that touch no identifier (kept items broken are counted apart)
    for note in notes:
        result = mask(note.text)
        spans = [(h.start, h.end) for h in getattr(result, "hidden", ())]
        to_check = getattr(result, "to_check", ())
        named = {note.text[s:e] for _, s, e in note.identifiers}
        spans_total += len(spans)
        over += [note.text[a:b] for a, b in spans
                 if not any(a < e and s < b for _, s, e in note.identifiers)]
        asked_other += sum(1 for word in to_check if word not in named)
        for kind, start, end in note.identifiers:
            total += 1
            # a name may keep its first syllable, as the masker writes a full name (김○○); a surname the
            # worker wrote before a blank given name in the masker's own ○ (김○○) is that form already
            must = range(start + 1, end) if kind == "이름" and (end - start > 1 or note.text[end:end + 1] == "○") \
                else range(start, end)
            sensitive = [i for i in must if not note.text[i].isspace() and note.text[i] not in "-·"]
            if not sensitive or spans:
                ok = all(any(a <= i < b for a, b in spans) for i in sensitive)
                if ok and kind == "이름" and len(result.text) == len(note.text):
                    # a span keeps its first character (김○○): a span that starts on the name leaves it shown
                    ok = all(result.text[i] != note.text[i] for i in sensitive if note.text[i] != "○")
            else:  # the baseline has no spans: the identifier must be gone from the text
                ok = note.text[start:end] not in result.text
            hidden += ok
            counts = by_kind.setdefault(kind, [0, 0])
            counts[0] += ok
            counts[1] += 1
            if not ok:
                misses.append(note.text[start:end])
                contexts.append(_in_context(note.text, start, end))
                asked += note.text[start:end] in to_check
        for start, end in note.kept:
            kept_total += 1
            value = note.text[start:end]
            ok = (not any(a < end and start < b for a, b in spans)) if spans else value in result.text
            kept_ok += ok
            if not ok:
                broken.append(value)
    return {"hidden": hidden, "total": total, "kept_ok": kept_ok, "kept_total": kept_total,
            "misses": misses, "contexts": contexts, "broken": broken, "spans": spans_total, "over": over,
            "by_kind": by_kind, "asked": asked, "asked_other": asked_other}


# --------------------------------------------------------------------------- one annotator's own cues


def _parts_of(path: Path) -> list[tuple[str, str]]:
    """(part, text) of every item of a set; the text is a goal, a question or a note."""
    out = []
    for part in PARTS[1:]:
        if path.suffix == ".txt":
            out += [(part, n.text) for n in load_notes(path, part)]
        else:
            out += [(part, row[-1]) for row in _rows(path, part)]
    return out


def own_cues(table, items: list[tuple[str, str]], part: str, analyse) -> list[str]:
    """Cues of ``table`` that exist only for ``part``: no other part's item matches them, and
    some of its items or all of the cue's matched examples do.

    ``items`` are (part, text) of the development set the table judges. Such a cue was fitted to
    one annotator; a rule that generalises is used across annotators.
    """
    analysed = [(p, text, analyse(text)) for p, text in items]
    texts_of = {text: p for p, text in items}
    own = []
    for list_name, cue_list in table.lists.items():
        analysed_examples = [(e, analyse(e)) for e in cue_list.examples]
        for cue in cue_list.parsed:
            dev = {p for p, text, tokens in analysed if cue.find(text, tokens)}
            examples = [e for e, tokens in analysed_examples if cue.find(e, tokens)]
            from_part = [e for e in examples if texts_of.get(e) == part]
            if dev <= {part} and (dev or (examples and len(from_part) == len(examples))):
                own.append(f"{list_name}: {cue.source} (dev hits: {', '.join(sorted(dev)) or 'none'}; "
                           f"examples {len(from_part)}/{len(examples)} from {part})")
    return own


def hold_out_report(data: Path, part: str) -> list[str]:
    """The lines listing, per rule table, the cues that only ``part``'s items use."""
    from casework.goals import goal_rules
    from casework.language import analyse
    from casework.language.names import masking_rules
    from casework.questions import question_rules

    out = [f"\nCues that exist only for the {part} annotator (no other part's item matches them)"]
    for name, table, path in (("goals", goal_rules(), data / "goals.tsv"),
                              ("questions", question_rules(), data / "questions.tsv"),
                              ("masking", masking_rules(), data / "masking.txt")):
        cues = own_cues(table, _parts_of(path), part, analyse)
        out.append(f"  {name}: {len(cues)} of {sum(len(c.cues) for c in table.lists.values())} cues")
        out += [f"    {c}" for c in cues]
    return out


# --------------------------------------------------------------------------- baseline


def load_baseline() -> dict | None:
    """The regex judges at BASELINE_COMMIT as temporary modules, or None without git history."""
    modules = {}
    # The sources are executed as they are loaded, so the folder can go once all three are in.
    with tempfile.TemporaryDirectory(prefix="casework-baseline-") as folder:
        tmp = Path(folder)
        for name in ("planning", "interview", "privacy"):
            try:
                source = subprocess.run(["git", "-C", str(ROOT), "show", f"{BASELINE_COMMIT}:casework/{name}.py"],
                                        capture_output=True, text=True, check=True).stdout
            except (subprocess.CalledProcessError, FileNotFoundError):
                return None
            path = tmp / f"baseline_{name}.py"
            path.write_text(source, encoding="utf-8")
            spec = importlib.util.spec_from_file_location(f"baseline_{name}", path)
            assert spec is not None and spec.loader is not None  # a .py file always has both
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses look their module up while building
            spec.loader.exec_module(module)
            modules[name] = module
    return modules


# --------------------------------------------------------------------------- report


def _fmt(x: float) -> str:
    return "  -  " if x != x else f"{x:5.2f}"


def report_table(title: str, new: Scores, old: Scores | None, categories, names) -> list[str]:
    lines = [f"\n{title}", f"{'':34} {'new R':>6} {'new P':>6}" + (f" {'old R':>6} {'old P':>6}" if old else "")]
    for c in categories:
        n = new.tp.get(c, 0) + new.fn.get(c, 0)
        line = f"  {names[c][:26]:26} n={n:<3} {_fmt(new.recall(c)):>6} {_fmt(new.precision(c)):>6}"
        if old:
            line += f" {_fmt(old.recall(c)):>6} {_fmt(old.precision(c)):>6}"
        lines.append(line)
    line = f"  {'good items flagged':26} n={new.good:<3} {new.good_share * 100:5.1f}%"
    if old:
        line += f"        {old.good_share * 100:5.1f}%"
    lines.append(line)
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with goals.tsv, questions.tsv, masking.txt")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N items of each set")
    parser.add_argument("--part", choices=PARTS, default="all",
                        help="one annotator's items only (the sets mark where the second to fifty-ninth begin)")
    parser.add_argument("--hold-out", choices=PARTS[1:], metavar="PART",
                        help="figures for one part only, and the rule cues that only that part's items use")
    parser.add_argument("--no-baseline", action="store_true", help="skip the old regex rules")
    parser.add_argument("--show-errors", action="store_true", help="list the items the new rules get wrong")
    args = parser.parse_args(argv)
    if args.hold_out:
        args.part = args.hold_out

    sys.path.insert(0, str(ROOT))
    from casework.goals import PlanningMistake, check_goal
    from casework.language import load_kiwi, load_seconds
    from casework.privacy import mask_case_text
    from casework.questions import QuestionMistake, check_question

    def cut(items):
        return items[: args.limit] if args.limit else items

    goals = cut(load_goals(args.data / "goals.tsv", args.part))
    questions = cut(load_questions(args.data / "questions.tsv", args.part))
    notes = cut(load_notes(args.data / "masking.txt", args.part))
    load_kiwi()
    started = time.perf_counter()
    new_g = score_goals(check_goal, goals)
    new_q = score_questions(check_question, questions)
    new_m = score_masking(mask_case_text, notes)
    elapsed = time.perf_counter() - started
    old = None if args.no_baseline else load_baseline()
    old_g = score_goals(old["planning"].check_goal, goals) if old else None
    old_q = score_questions(old["interview"].check_question, questions) if old else None
    old_m = score_masking(lambda t: old["privacy"].mask_case_text(t), notes) if old else None

    which = "" if args.part == "all" else f" ({args.part} annotator)"
    out = [f"sets: {args.data}{which} — {len(goals)} goals, {len(questions)} questions, {len(notes)} masking notes",
           f"analyser load {load_seconds():.2f} s; judging all items {elapsed:.2f} s"
           + ("" if old else "; baseline not run (--no-baseline)" if args.no_baseline
              else "; baseline not available (no git history)")]
    names_g = {str(m.number): f"{m.number}. {m.value}" for m in PlanningMistake}
    out += report_table("Goals (7 planning mistakes): recall R, precision P", new_g, old_g,
                        [str(n) for n in range(1, 8)], names_g)
    names_q = {code: f"{code} {QuestionMistake[name].value}" for code, name in QUESTION_CODES.items()}
    out += report_table("Questions (5 checkable mistakes)", new_q, old_q, list(QUESTION_CODES), names_q)
    out.append("\nMasking")
    for label, m in (("new", new_m), ("old", old_m)):
        if m is None:
            continue
        out.append(f"  {label}: identifiers hidden {m['hidden']}/{m['total']} "
                   f"({m['hidden'] / m['total'] * 100:.1f}%), kept items intact {m['kept_ok']}/{m['kept_total']} "
                   f"({m['kept_ok'] / m['kept_total'] * 100:.1f}%)")
        out.append("       by kind: " + ", ".join(f"{kind} {h}/{n}" for kind, (h, n) in sorted(m["by_kind"].items())))
        if label == "new":
            out.append(f"       left visible but named for checking: {m['asked']} of the {m['total'] - m['hidden']} "
                       f"not hidden; {m['asked_other']} words named that are no identifier")
            out.append(f"       hidden spans that are no identifier: {len(m['over'])} of {m['spans']}")
    if args.show_errors:
        out.append("\nErrors of the new rules")
        for expected, owner, text in goals:
            got = frozenset(str(f.mistake.number) for f in check_goal(text, owner=owner))
            if got != expected:
                out.append(f"  goal  exp {','.join(sorted(expected)) or '-':7} got {','.join(sorted(got)) or '-':7} {text}")
        for expected, text in questions:
            got = frozenset(c for f in check_question(text) for c, n in QUESTION_CODES.items() if f.mistake.name == n)
            if got != expected:
                out.append(f"  quest exp {','.join(sorted(expected)) or '-':7} got {','.join(sorted(got)) or '-':7} {text}")
        out += [f"  mask  not hidden: {x}  | {c}" for x, c in zip(new_m["misses"], new_m["contexts"], strict=True)]
        out += [f"  mask  kept item touched: {x}" for x in new_m["broken"]]
        out += [f"  mask  hidden, no identifier: {x}" for x in new_m["over"]]
    if args.hold_out:
        out += hold_out_report(args.data, args.hold_out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
