"""The code stays honest: ruff's lint rules and mypy's type checks (configured in pyproject.toml) find nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["casework", "tests", "tools", "benchmarks", "tasks.py"]


def test_ruff_finds_nothing():
    """Does ruff pass on the package, the tests, the tools and the benchmarks?"""
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", *CHECKED],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_would_catch_an_unused_import(tmp_path):
    """Is the configuration live: does the same command fail on a file with an unused import?"""
    bad = tmp_path / "bad.py"
    bad.write_text("import os\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--config", str(ROOT / "pyproject.toml"), str(bad)],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "F401" in done.stdout


def test_mypy_finds_nothing():
    """Does mypy pass on the files pyproject.toml names (the package, the tools and the benchmarks)?"""
    done = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_configuration_is_live(tmp_path):
    """Does the same configuration catch a type error in an unannotated function and an unneeded ignore?"""
    bad = tmp_path / "bad.py"
    bad.write_text('def f():\n    n: int = "세 번"\n    return n\n\n\nm: int = 1  # type: ignore[assignment]\n',
                   encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"),
                           "--cache-dir", str(tmp_path / "cache"), str(bad)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "bad.py:2: error" in done.stdout and "[assignment]" in done.stdout  # check_untyped_defs
    assert "bad.py:6: error: Unused \"type: ignore\" comment" in done.stdout  # warn_unused_ignores


BRACKETED = re.compile(r"[은이을과]\([는가를와]\)|\(으\)로")


def test_no_message_writes_a_bracketed_particle():
    """Does every Korean message choose its particle from the word (josa/particle), never '은(는)'?"""
    found = []
    for path in sorted((ROOT / "casework").rglob("*.py")):
        if path.parts[-2:] == ("_util", "text.py"):
            continue  # the particle helper's own docstring names the forms
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if BRACKETED.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "\n".join(found)
