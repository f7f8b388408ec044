"""Accuracy of the topic detector (which subjects a sentence to the person is about) on a labelled set.

    .venv/bin/python benchmarks/bench_topics.py                  # the development set
    .venv/bin/python benchmarks/bench_topics.py --data DIR       # another topics.tsv in the same format
    .venv/bin/python benchmarks/bench_topics.py --show-errors    # the sentences it gets wrong

Prints recall and precision per topic, and the share of sentences with no topic (general
openings, greetings) that were given one. The set format is in
``benchmarks/data/language/README.md``; scoring is the one ``bench_language.py`` uses.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, Scores, _labels, _rows, report_table  # noqa: E402 (a sibling script, found via sys.path)


def load_topics(path: Path) -> list[tuple[frozenset[str], str]]:
    """(topic ids, sentence)."""
    return [(_labels(lab), text) for lab, text in _rows(path)]


def score_topics(find_topics, rows, topics) -> Scores:
    s = Scores()
    for expected, text in rows:
        s.add(expected, frozenset(h.topic for h in find_topics(text)), topics)
    return s


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with topics.tsv")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N sentences")
    parser.add_argument("--show-errors", action="store_true", help="list the sentences the rules get wrong")
    args = parser.parse_args(argv)

    from casework.language import load_kiwi, load_seconds
    from casework.topics import find_topics, topic_ids, topic_label

    rows = load_topics(args.data / "topics.tsv")
    rows = rows[: args.limit] if args.limit else rows
    topics = list(topic_ids())
    unknown = sorted({t for expected, _ in rows for t in expected} - set(topics))
    if unknown:
        raise SystemExit(f"topics.tsv names topics the rules do not define: {', '.join(unknown)}")
    load_kiwi()
    started = time.perf_counter()
    scores = score_topics(find_topics, rows, topics)
    elapsed = time.perf_counter() - started
    names = {t: f"{t} ({topic_label(t)})" for t in topics}
    out = [f"set: {args.data / 'topics.tsv'} — {len(rows)} sentences",
           f"analyser load {load_seconds():.2f} s; reading all sentences {elapsed:.2f} s"]
    out += report_table("Topics: recall R, precision P", scores, None, topics, names)
    out[-1] = out[-1].replace("good items flagged", "no-topic given a topic")
    found = [(e, frozenset(h.topic for h in find_topics(t)), t) for e, t in rows]
    exact = sum(e == g for e, g, _ in found)
    out.append(f"  sentences with exactly the labelled topics: {exact}/{len(found)} ({exact / len(found) * 100:.1f}%)")
    if args.show_errors:
        out.append("\nErrors")
        for expected, got, text in found:
            if got != expected:
                out.append(f"  exp {','.join(sorted(expected)) or '-':28} got {','.join(sorted(got)) or '-':28} {text}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
