"""Memory and load time of Kiwi's constructor options, and whether they change any judge output.

    .venv/bin/python benchmarks/bench_kiwi_options.py [--data DIR]

Each configuration runs in a fresh interpreter: it sets ``casework.language.KIWI_OPTIONS``,
loads the analyser, then analyses every sentence of the labelled sets (goals, questions,
masking notes, topics; ``benchmarks/data/language``) and runs each judge on them. Printed per
configuration: RSS and PSS of the process after loading and after the whole set (MiB), load
time, and how many sentences got different tokens or a different judge output than the
workbook's current options (the first row). The same comparison then runs over every Korean
text in the workbook's content files (cases, clients, scenarios, quizzes, exercises under
``casework/data``; each through the masker, topic finder, goal and question checkers). A
configuration is only worth taking if every count is 0.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_language import DATA, load_goals, load_notes, load_questions  # noqa: E402 (sibling script)
from bench_topics import load_topics  # noqa: E402

CURRENT: dict[str, object] = {"load_typo_dict": False, "load_multi_dict": False}
CONFIGS: dict[str, dict[str, object]] = {
    "current (typo, multi off)": CURRENT,
    "num_workers=0": {**CURRENT, "num_workers": 0},
    "num_workers=1": {**CURRENT, "num_workers": 1},
    "load_default_dict=False": {**CURRENT, "load_default_dict": False},
    "num_workers=0, no default dict": {**CURRENT, "num_workers": 0, "load_default_dict": False},
    "model_type=knlm": {**CURRENT, "model_type": "knlm"},
    "model_type=sbg": {**CURRENT, "model_type": "sbg"},
    "model_type=cong-global": {**CURRENT, "model_type": "cong-global"},
    "Kiwi() defaults (typo, multi on)": {},
}
MiB = 1024


def _memory() -> dict[str, float]:
    """RSS and PSS of this process in MiB (from /proc/self/smaps_rollup)."""
    values = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("Rss", "Pss"):
                values[key.lower()] = int(rest.split()[0]) / MiB
    return values


def probe(options: dict[str, object], data: Path) -> dict[str, Any]:
    """Load Kiwi with ``options`` in this process; analyse and judge every labelled sentence."""
    import casework.language as language

    language.KIWI_OPTIONS = options
    from casework.goals import check_goal
    from casework.privacy import mask_case_text
    from casework.questions import check_question
    from casework.topics import find_topics

    before = _memory()
    started = time.perf_counter()
    language.load_kiwi()
    load_s = time.perf_counter() - started
    loaded = _memory()
    goals = load_goals(data / "goals.tsv")
    questions = load_questions(data / "questions.tsv")
    notes = load_notes(data / "masking.txt")
    topics = load_topics(data / "topics.tsv")
    texts = [t for _, _, t in goals] + [t for _, t in questions] + [n.text for n in notes] + [t for _, t in topics]
    started = time.perf_counter()
    tokens = [" ".join(f"{t.form}/{t.tag}/{t.start}/{t.end}/{int(t.oov)}" for t in language.analyse(x)) for x in texts]
    analyse_s = time.perf_counter() - started
    judged = ([repr(check_goal(t, owner=o)) for _, o, t in goals] + [repr(check_question(t)) for _, t in questions]
              + [repr(mask_case_text(n.text)) for n in notes] + [repr(find_topics(t)) for _, t in topics])
    content = content_texts()
    content_tokens = [" ".join(f"{t.form}/{t.tag}/{t.start}/{t.end}/{int(t.oov)}" for t in language.analyse(x))
                      for x in content]
    content_judged = [repr((mask_case_text(t), find_topics(t), check_goal(t), check_question(t))) for t in content]
    return {"before": before, "loaded": loaded, "after": _memory(), "load_s": load_s, "analyse_s": analyse_s,
            "texts": len(texts), "tokens": tokens, "judged": judged,
            "content": len(content), "content_tokens": content_tokens, "content_judged": content_judged}


def content_texts() -> list[str]:
    """Every Korean string of five characters or more in the content YAML (rule tables left out)."""
    import yaml

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) > 4 and re.search("[가-힣]", value):
            found.add(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for path in sorted((ROOT / "casework" / "data").rglob("*.yaml")):
        if "language" not in path.parts:
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted(found)


def run(options: dict[str, object], data: Path) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, "--probe", json.dumps(options), "--data", str(data)],
                         capture_output=True, text=True)
    if out.returncode:
        return {"error": (out.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--probe", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.probe is not None:
        print(json.dumps(probe(json.loads(args.probe), args.data), ensure_ascii=False))
        return 0
    reference: dict[str, Any] | None = None
    print(f"{'configuration':34} {'RSS/PSS loaded':>15} {'RSS/PSS after set':>18} {'load s':>7} {'set s':>6}"
          f"  tokens / judge output differ: labelled sets; content texts")
    for name, options in CONFIGS.items():
        r = run(options, args.data)
        if "error" in r:
            print(f"{name:34} not available: {r['error'][:90]}")
            continue
        reference = reference or r
        tok = sum(a != b for a, b in zip(r["tokens"], reference["tokens"], strict=True))
        jud = sum(a != b for a, b in zip(r["judged"], reference["judged"], strict=True))
        ctok = sum(a != b for a, b in zip(r["content_tokens"], reference["content_tokens"], strict=True))
        cjud = sum(a != b for a, b in zip(r["content_judged"], reference["content_judged"], strict=True))
        lo, af = r["loaded"], r["after"]
        print(f"{name:34} {lo['rss']:6.0f}/{lo['pss']:6.0f}  {af['rss']:8.0f}/{af['pss']:6.0f}    "
              f"{r['load_s']:6.2f} {r['analyse_s']:6.2f}  {tok} / {jud} of {r['texts']}; {ctok} / {cjud} of {r['content']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
