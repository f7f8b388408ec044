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
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, PARTS, Note, load_notes, score_masking  # noqa: E402

from casework._util.text import final_consonant  # noqa: E402
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
from casework.language.names import _words  # noqa: E402
from casework.privacy import mask_case_text  # noqa: E402

DEFAULT_THRESHOLD = 0.8
"""Chosen by --cross-validate (0.5–0.9 compared). Six-fold over the forty-one parts (4,088 notes, 9,971
identifiers, 9,933 kept items): the rules alone hide 9,415 and keep 9,885; 0.7 hides 9,689 and keeps 9,871,
0.8 9,675 and 9,872, 0.9 9,650 and 9,875. No threshold keeps every item the rules keep; 0.8 gives up fourteen
names of 0.7 for one kept word (0.9 twenty-five more for three more), and stays where earlier
cross-validations put it. Earlier figures are in README's table and the git log."""


def _examples(notes: list[Note]):
    return [(n.text, [(s, e) for kind, s, e in n.identifiers if kind == "이름"]) for n in notes]


COPIES = 0
"""How many name-substituted copies of each note (:func:`substituted`) train the model beside the note
itself. Tried on 2026-12-01 (``--cross-validate --folds 6 --copies 2``): two copies hid 7,072 of 7,262
instead of 7,063 at 0.8 but kept 6,862 of 6,889 instead of 6,866, the very figures no copies give at
0.9 (a move along the same trade, not a gain); on three fresh sets +3 of 78 names left visible, kept
equal. Training took three times as long, so the model is trained on the notes alone."""

# Syllables of Korean given names, older and newer generations alike; the substitutes are drawn
# from these, not from the notes, so the model learns where a name stands rather than which names
# the annotators chose.
_GIVEN_FIRST = ("민서지하윤준우현수연예도주은채유진시아원영재태승동성정혜희경숙자순옥철호석길남"
                "복말춘금명미선나라율온솔담별봄결빈한건훈환규혁찬범용기창광상종인말덕분점귀향")
_GIVEN_LAST = ("민서지하윤준우현수연예도주은채유진시아원영재태승동성정혜희경숙자순옥철호석길남"
               "식복분례말춘금명미선나라린율온솔담별봄결빈한건훈환규혁찬범용기창광상종인덕녀자숙희")
_LATIN = ("Anna", "Maria", "John", "David", "Ahmed", "Fatima", "Yuki", "Kenji", "Bolor", "Bat", "Tuya",
          "Enkh", "Lan", "Hoa", "Minh", "Thu", "Duc", "Hung", "Mai", "Linh", "Siti", "Nur", "Rina", "Jose",
          "Carlo", "Elena", "Olga", "Ivan", "Dmitri", "Aziz", "Dilnoza", "Rustam", "Sabina", "Priya", "Ravi",
          "Sunita", "Kim", "Lee", "Park", "Chen", "Wang", "Li", "Zhang", "Liu", "Nguyen", "Tran", "Pham",
          "Le", "Hoang", "Santos", "Reyes", "Cruz", "Garcia", "Smith", "Brown", "Novak", "Petrov", "Ivanova",
          "Karimov", "Tursunov", "Rahman", "Khan", "Singh", "Thapa", "Gurung", "Suzuki", "Sato")
_KOREAN = re.compile(r"[가-힣]+")
_LATIN_NAME = re.compile(r"[A-Za-z]+(?:[ -][A-Za-z]+)*")


def _syllable(rng: random.Random, pool: str, like: str) -> str:
    """A syllable of ``pool`` with a final consonant if ``like`` has one (the particle after it stays right)."""
    return rng.choice([c for c in pool if bool(final_consonant(c)) == bool(final_consonant(like))] or list(pool))


def _substitutes(names: list[str], rng: random.Random) -> dict[str, str]:
    """For each name of a note a substitute of the same shape: a Korean full name another full name
    (its given name and surname mapped with it, so later mentions agree), a given name another, a
    surname another surname, a Latin name other Latin words. Other names (foreign names in Hangul,
    nicknames, handles) keep their text."""
    surnames = sorted(_words("surnames") - {"리", "림", "량"})
    out: dict[str, str] = {}
    for name in sorted(names, key=len, reverse=True):
        if name in out:
            continue
        if _KOREAN.fullmatch(name) and len(name) == 3 and name[0] in surnames:
            given = out.get(name[1:]) or _syllable(rng, _GIVEN_FIRST, name[1]) + _syllable(rng, _GIVEN_LAST, name[2])
            family = out.get(name[0]) or _syllable(rng, "".join(surnames), name[0])
            out.update({name: family + given, name[1:]: given, name[0]: family})
        elif _KOREAN.fullmatch(name) and len(name) == 2:
            out[name] = _syllable(rng, _GIVEN_FIRST, name[0]) + _syllable(rng, _GIVEN_LAST, name[1])
        elif _KOREAN.fullmatch(name) and len(name) == 1:
            out[name] = _syllable(rng, "".join(surnames) if name in surnames else _GIVEN_LAST, name)
        elif _LATIN_NAME.fullmatch(name):
            words = re.split(r"([ -])", name)
            out[name] = "".join(w if w in " -" else out.get(w) or rng.choice(_LATIN) for w in words)
            if name.isupper():
                out[name] = out[name].upper()
    return out


def substituted(text: str, spans: list[tuple[int, int]], rng: random.Random) -> tuple[str, list[tuple[int, int]]]:
    """``text`` with its names (``spans``) replaced by substitutes of the same shape, and the new spans."""
    names = _substitutes([text[s:e] for s, e in spans], rng)
    pieces, new_spans, at, shift = [], [], 0, 0
    for s, e in sorted(spans):
        new = names.get(text[s:e], text[s:e])
        pieces += [text[at:s], new]
        new_spans.append((s + shift, s + shift + len(new)))
        shift += len(new) - (e - s)
        at = e
    pieces.append(text[at:])
    return "".join(pieces), new_spans


def training_examples(notes: list[Note], copies: int = COPIES):
    """Each note with its names, then ``copies`` copies of it with other names (a fixed seed per note
    and copy, so training is reproducible and every cross-validation fold sees the same copies)."""
    examples = _examples(notes)
    for text, spans in list(examples):
        for k in range(copies):
            if spans:
                examples.append(substituted(text, spans, random.Random(f"{k}:{text}")))
    return examples


def _pct(a: int, b: int) -> str:
    return f"{a / b * 100:5.1f}%" if b else "   -  "


def _held_out_models(tmp: str, folds: int = 0, copies: int = COPIES):
    """Leave annotators out: (label, held-out notes, a model trained on every other part) for each
    part, or with ``folds`` for each group of parts (part k in group k mod folds: faster, coarser)."""
    parts = {p: load_notes(DATA / "masking.txt", p) for p in PARTS[1:]}
    names = list(parts)
    groups = [names[k::folds] for k in range(folds)] if folds else [[p] for p in names]
    for k, group in enumerate(groups):
        model = Path(tmp) / f"fold{k}.crfsuite"
        train_model(training_examples([n for p, ns in parts.items() if p not in group for n in ns], copies), model)
        yield group[0] if len(group) == 1 else f"fold {k + 1}", [n for p in group for n in parts[p]], model


def cross_validate(thresholds: list[float], show_errors: bool = False, folds: int = 0,
                   copies: int = COPIES) -> dict[float, list[int]]:
    """Print hidden % and kept-intact % per held-out part, rules alone and combined; return the sums."""
    totals: dict[float, list[int]] = {t: [0, 0, 0, 0] for t in [2.0, *thresholds]}
    notes = 0
    head = f"{'part':11} {'notes':>5} {'ids':>4}  {'rules hidden':>12} {'kept':>6}" + "".join(
        f"  {f't={t:g} hidden':>12} {'kept':>6}" for t in thresholds)
    print(head)
    errors: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for part, held, model in _held_out_models(tmp, folds, copies):
            notes += len(held)
            line = f"{part:11} {len(held):5} {sum(len(n.identifiers) for n in held):4}"
            for t in totals:
                with model_in_use(model, t):
                    m = score_masking(mask_case_text, held)
                for k, key in enumerate(("hidden", "total", "kept_ok", "kept_total")):
                    totals[t][k] += m[key]
                line += f"  {_pct(m['hidden'], m['total']):>12} {_pct(m['kept_ok'], m['kept_total']):>6}"
                if show_errors and t == (DEFAULT_THRESHOLD if DEFAULT_THRESHOLD in thresholds else thresholds[0]):
                    errors += [f"  {part}: not hidden: {x}  | {c}" for x, c in zip(m["misses"], m["contexts"], strict=True)]
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
    train_model(training_examples(notes), MODEL)
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
    parser.add_argument("--folds", type=int, default=0,
                        help="with --cross-validate: leave out groups of parts, this many groups (0: one part at a time)")
    parser.add_argument("--copies", type=int, default=COPIES,
                        help="name-substituted copies of each training note (cross-validation only; training uses COPIES)")
    parser.add_argument("--show-errors", action="store_true", help="with --cross-validate: the errors at the default threshold (else the first)")
    args = parser.parse_args(argv)
    if args.cross_validate_suggestions:
        cross_validate_suggestions([(0.1, None), (SUGGEST_THRESHOLD, EVIDENCE_THRESHOLD),
                                    (0.1, 0.01), (0.05, 0.003), (0.02, 0.003), (0.01, 0.001)])
    elif args.cross_validate:
        cross_validate(args.thresholds, args.show_errors, args.folds, args.copies)
    else:
        train(args.threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
