#!/usr/bin/env python3
"""Train the masking's name tagger on the development notes, or cross-validate it by annotator.

    .venv/bin/python tools/train_name_tagger.py                    # train, write the model and its JSON
    .venv/bin/python tools/train_name_tagger.py --cross-validate   # leave one annotator out, per part
    .venv/bin/python tools/train_name_tagger.py --cross-validate --thresholds 0.3 0.5 0.7
    .venv/bin/python tools/train_name_tagger.py --cross-validate-suggestions   # words named for checking

Training writes ``casework/data/language/name_tagger.crfsuite`` and ``name_tagger.json`` (the
training files' hash, the feature version, the threshold, the date). The threshold is chosen by
the cross-validation only: for each annotator's part, train on the others and mask the held-out
part with the rules alone and with rules + tagger.
tests/test_name_tagger.py fails when the training files changed and the model was not retrained.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, PARTS, Note, load_notes, score_masking  # noqa: E402

from casework.language.name_features import FEATURE_VERSION  # noqa: E402
from casework.language.name_tagger import (  # noqa: E402
    EVIDENCE_THRESHOLD,
    META,
    MODEL,
    SUGGEST_THRESHOLD,
    model_in_use,
    name_probabilities,
    train_model,
    training_hash,
    words_to_check,
)
from casework.privacy import mask_case_text  # noqa: E402

DEFAULT_THRESHOLD = 0.8
"""Chosen by --cross-validate (0.5–0.9 compared). Over the twenty-nine parts (2,716 notes, 7,262
identifiers, 6,889 kept items): the rules alone hide 6,902 and keep 6,870; 0.7 hides 7,074 and keeps
6,862, 0.8 7,065 and 6,863, 0.9 7,052 and 6,865. No threshold keeps every item the rules keep; 0.8
gives up nine names of 0.7 for one kept word (0.9 thirteen more for two more). Earlier figures are in
README's table and the git log."""


def _examples(notes: list[Note]):
    return [(n.text, [(s, e) for kind, s, e in n.identifiers if kind == "이름"]) for n in notes]


def _pct(a: int, b: int) -> str:
    return f"{a / b * 100:5.1f}%" if b else "   -  "


def _held_out_models(tmp: str):
    """Leave one annotator out: (part, its notes, a model trained on every other part) for each part."""
    parts = {p: load_notes(DATA / "masking.txt", p) for p in PARTS[1:]}
    for part, held in parts.items():
        model = Path(tmp) / f"{part}.crfsuite"
        train_model(_examples([n for p, ns in parts.items() if p != part for n in ns]), model)
        yield part, held, model


def cross_validate(thresholds: list[float], show_errors: bool = False) -> dict[float, list[int]]:
    """Print hidden % and kept-intact % per held-out part, rules alone and combined; return the sums."""
    totals: dict[float, list[int]] = {t: [0, 0, 0, 0] for t in [2.0, *thresholds]}
    notes = 0
    head = f"{'part':11} {'notes':>5} {'ids':>4}  {'rules hidden':>12} {'kept':>6}" + "".join(
        f"  {f't={t:g} hidden':>12} {'kept':>6}" for t in thresholds)
    print(head)
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for part, held, model in _held_out_models(tmp):
            notes += len(held)
            line = f"{part:11} {len(held):5} {sum(len(n.identifiers) for n in held):4}"
            for t in totals:
                with model_in_use(model, t):
                    m = score_masking(mask_case_text, held)
                for k, key in enumerate(("hidden", "total", "kept_ok", "kept_total")):
                    totals[t][k] += m[key]
                line += f"  {_pct(m['hidden'], m['total']):>12} {_pct(m['kept_ok'], m['kept_total']):>6}"
                if show_errors and t == (DEFAULT_THRESHOLD if DEFAULT_THRESHOLD in thresholds else thresholds[0]):
                    errors += [f"  {part}: not hidden: {x}" for x in m["misses"]]
                    errors += [f"  {part}: kept item touched: {x}" for x in m["broken"]]
            print(line, flush=True)
    line = f"{'all':11} {notes:5} {totals[2.0][1]:4}"
    for h, n, k, kn in totals.values():
        line += f"  {_pct(h, n):>12} {_pct(k, kn):>6}"
    print(line)
    print("  ".join(f"t={t:g}: hidden {h}/{n}, kept {k}/{kn}" for t, (h, n, k, kn) in totals.items() if t <= 1))
    print(f"rules alone: hidden {totals[2.0][0]}/{totals[2.0][1]}, kept {totals[2.0][2]}/{totals[2.0][3]}")
    if errors:
        print("\n".join(errors))
    return totals


def cross_validate_suggestions(settings: list[tuple[float, float | None]]) -> None:
    """Leave one annotator out: of the names rules + tagger miss, how many the worker is told to check
    (:func:`words_to_check`) at each (tagger threshold, threshold for a word in a name's place; None:
    the tagger alone), how many words are named that are no identifier, and how many of those are
    items the note keeps ({{…}}); per part at the first two settings, then in total for each."""
    counts = {setting: [0, 0, 0, 0] for setting in settings}  # missed, named, no identifier, kept items
    notes = 0
    first = settings[:2]
    print(f"{'part':13} {'notes':>5} {'missed':>6}" + "".join(
        f"  {f'{low:g}/{ev:g}: named' if ev is not None else f'{low:g}: named':>14} {'other':>5} {'kept':>4}"
        for low, ev in first))
    with tempfile.TemporaryDirectory() as tmp:
        for part, held, model in _held_out_models(tmp):
            notes += len(held)
            part_counts = {setting: [0, 0, 0, 0] for setting in settings}
            with model_in_use(model, DEFAULT_THRESHOLD):
                for note in held:
                    hidden = [(h.start, h.end) for h in mask_case_text(note.text).hidden]
                    missed = [(s, e) for kind, s, e in note.identifiers if kind == "이름" and not all(
                        any(a <= i < b for a, b in hidden) for i in range(s + (e - s > 1), e) if not note.text[i].isspace())]
                    probs = name_probabilities(note.text)
                    for (low, ev), c in part_counts.items():
                        words = [(w.start, w.end) for w in words_to_check(note.text, hidden, probs, low, ev)]
                        stray = [(a, b) for a, b in words if not any(a < e and s < b for _, s, e in note.identifiers)]
                        c[0] += len(missed)
                        c[1] += sum(1 for s, e in missed if any(a < e and s < b for a, b in words))
                        c[2] += len(stray)
                        c[3] += sum(1 for a, b in stray if any(a < e and s < b for s, e in note.kept))
            for setting, c in part_counts.items():
                counts[setting] = [x + y for x, y in zip(counts[setting], c, strict=True)]
            print(f"{part:13} {len(held):5} {part_counts[settings[0]][0]:6}" + "".join(
                f"  {part_counts[st][1]:>14} {part_counts[st][2]:5} {part_counts[st][3]:4}" for st in first), flush=True)
    for (low, ev), (missed_total, hit, other, kept) in counts.items():
        place = f"name's place ≥ {ev:g}" if ev is not None else "no name's place"
        print(f"tagger ≥ {low:g}, {place}: {hit}/{missed_total} missed names named for checking; {other} words "
              f"named that are no identifier ({kept} of them kept items), in {notes} notes")


def train(threshold: float) -> None:
    notes = load_notes(DATA / "masking.txt")
    started = time.perf_counter()
    train_model(_examples(notes), MODEL)
    META.write_text(json.dumps({
        "training_hash": training_hash(),
        "feature_version": FEATURE_VERSION,
        "threshold": threshold,
        "notes": len(notes),
        "date": datetime.date.today().isoformat(),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {MODEL.relative_to(ROOT)} ({MODEL.stat().st_size} bytes) and {META.name} "
          f"in {time.perf_counter() - started:.1f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cross-validate", action="store_true", help="leave one annotator's part out, per part")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.5, 0.6, 0.7, 0.8, 0.9],
                        help="the tagger's thresholds to compare in cross-validation")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD, help="the threshold written with the model")
    parser.add_argument("--cross-validate-suggestions", action="store_true",
                        help="leave one annotator out: the names left visible that the tagger would name for checking")
    parser.add_argument("--show-errors", action="store_true", help="with --cross-validate: the errors at the default threshold (else the first)")
    args = parser.parse_args(argv)
    if args.cross_validate_suggestions:
        cross_validate_suggestions([(0.1, None), (SUGGEST_THRESHOLD, EVIDENCE_THRESHOLD),
                                    (0.1, 0.01), (0.05, 0.003), (0.02, 0.003), (0.01, 0.001)])
    elif args.cross_validate:
        cross_validate(args.thresholds, args.show_errors)
    else:
        train(args.threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
