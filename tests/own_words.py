"""Find runs of text the workbook shares with the source texts, without the source texts.

The source texts live outside the repository (``../shared/seeds/*.txt``) and are not
committed. What is committed is ``tests/data/seed_shingles.txt``: one hash per window of
``WINDOW`` characters of the normalised seeds (whitespace and punctuation removed). A text
shares a run of ``WINDOW`` or more characters with a seed exactly when one of its own
normalised windows hashes to a line of that file.

Regenerate the file after the seeds change::

    .venv/bin/python -m tests.own_words ../shared/seeds
"""

from __future__ import annotations

import base64
import hashlib
import sys
import unicodedata
from collections.abc import Iterable
from pathlib import Path

WINDOW = 30
HASH_CHARS = 16  # 80 bits of sha1: a chance collision over ~22k seed windows is negligible
SHINGLES = Path(__file__).parent / "data" / "seed_shingles.txt"


def normalise(text: str) -> str:
    """NFC, case-folded, letters and digits only (whitespace and punctuation removed)."""
    return "".join(ch for ch in unicodedata.normalize("NFC", text).casefold() if ch.isalnum())


def window_hash(window: str) -> str:
    # base32, not hex: a run of 13 hex digits can look like a 주민등록번호 to a privacy scan
    digest = hashlib.sha1(window.encode("utf-8")).digest()
    return base64.b32encode(digest).decode("ascii").lower()[:HASH_CHARS]


def hashes_of(text: str) -> set[str]:
    norm = normalise(text)
    return {window_hash(norm[i : i + WINDOW]) for i in range(len(norm) - WINDOW + 1)}


def seed_lines(seed_dir: Path) -> list[str]:
    """The lines of the shingle file for the seeds in ``seed_dir`` (sorted, header first)."""
    seeds = sorted(seed_dir.glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"no *.txt in {seed_dir}")
    hashes: set[str] = set()
    for seed in seeds:
        hashes |= hashes_of(seed.read_text(encoding="utf-8"))
    names = " ".join(s.name for s in seeds)
    header = f"# base32(sha1)[:{HASH_CHARS}] of every {WINDOW}-char window of normalised {names}"
    return [header, *sorted(hashes)]


def load_shingles(path: Path = SHINGLES) -> frozenset[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def shared_runs(text: str, shingles: frozenset[str], allowed: Iterable[str] = ()) -> list[str]:
    """The normalised runs of ``WINDOW`` or more characters that ``text`` shares with a seed.

    An ``allowed`` phrase (a title, a name of a work, a fixed term) is cut out of the text
    first, so a run made only of it and its neighbours shorter than ``WINDOW`` is not reported.
    """
    norm = normalise(text)
    for phrase in allowed:
        norm = norm.replace(normalise(phrase), "|")
    hits = [
        i for i in range(len(norm) - WINDOW + 1)
        if "|" not in norm[i : i + WINDOW] and window_hash(norm[i : i + WINDOW]) in shingles
    ]
    runs: list[str] = []
    start = prev = None
    for i in [*hits, None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if start is not None:
            runs.append(norm[start : prev + WINDOW])
        start = prev = i
    return runs


def main(argv: list[str]) -> int:
    seed_dir = Path(argv[0]) if argv else Path(__file__).resolve().parents[2] / "shared" / "seeds"
    lines = seed_lines(seed_dir)
    SHINGLES.parent.mkdir(parents=True, exist_ok=True)
    SHINGLES.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SHINGLES}: {len(lines) - 1} shingles from {seed_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
