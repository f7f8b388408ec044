"""Are the workbook's sentences its own? Facts carry over from the source texts; sentences do not.

Every notebook (notebooks/, solutions/, exercises/), every data file under casework/data/,
every Python string literal in casework/ and README.md is compared with the source texts
(``../shared/seeds/*.txt``) through ``tests/data/seed_shingles.txt`` (see ``tests/own_words.py``).
A shared run of 30 or more characters, whitespace and punctuation removed, fails the test
unless it is made of a phrase on the reviewed allow-list below.

A YAML data file is compared value by value (and its comments as one text). The person's own
spoken lines in a case file (``problem_quote`` and ``demands``, shown in quotation marks) may
be quoted as the textbook records them, one short line each.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest
import yaml

from casework.notebooks_sync import without_generated
from tests import own_words

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"

# Reviewed: each phrase is a title, a name of a work or a fixed term that must stay as the
# source spells it. A phrase is cut out before comparing, so it never joins a longer run.
ALLOWED: dict[str, str] = {
    "Commission for Case Manager Certification": "name of the US certifying body (lecture slide 28)",
    "모니터링 및 조정(Monitoring and Coordination)": "name of a stage of the five-stage process (002)",
    "발굴/접수/초기상담 → 욕구(재)사정 → 대상자 선정 및 동의 확보 → 계획 수립 및 계약 → 개입 → 점검 → 평가 → 종결 → 사후관리":
        "the nine stage names of the 동 flow chart, in order (003)",
    "① 복지급여 신청 ② 복지서비스 신청 ③ 서비스연계 및 사례관리 의뢰 ④ 타기관 사업 정보 제공":
        "the names of the four intake outcomes, in order (003)",
    "외부 지지체계 부재/부족": "the first weakness kind the textbook names (003 정보수집)",
    "Continuous Evaluation and Adjustment": "English name of one of the four cautions (002)",
}

# Keys of a case file whose values are the person's own words, shown as quotations.
QUOTE_KEYS = frozenset({"problem_quote", "demands"})
MAX_QUOTE = 40  # normalised characters: a short spoken line, not a paragraph

NOTEBOOKS = sorted(p for d in ("notebooks", "solutions", "exercises") for p in (ROOT / d).glob("*.ipynb"))
# the name tagger's model is binary: its strings are feature names (characters, character pairs, single words)
DATA_FILES = sorted(p for p in (ROOT / "casework" / "data").rglob("*") if p.is_file() and p.suffix != ".crfsuite")
PY_FILES = sorted((ROOT / "casework").rglob("*.py"))


@pytest.fixture(scope="module")
def shingles() -> frozenset[str]:
    return own_words.load_shingles()


def _runs(text: str, shingles: frozenset[str]) -> list[str]:
    return own_words.shared_runs(text, shingles, ALLOWED)


def _report(where: str, runs: list[str]) -> str:
    return "\n".join(f"{where}: {len(run)} chars shared with a seed: {run}" for run in runs)


def test_the_check_finds_a_copied_sentence_and_passes_a_paraphrase(shingles):
    """Does a known source sentence fail and the workbook's paraphrase of it pass?"""
    copied = "남편은 부인에게 생활비를 맡기게 되면, 가출 등 결혼생활이 깨질 것을 염려하여"
    ours = "남편은 아내가 생활비를 쥐면 집을 나갈까 봐, 결혼이 깨질까 두려워했습니다"
    assert own_words.normalise(" a,B·c ") == "abc"
    assert [len(r) for r in _runs(copied, shingles)] == [len(own_words.normalise(copied))]
    assert _runs(ours, shingles) == []
    fake = frozenset(own_words.window_hash(own_words.normalise(copied)[i : i + 30]) for i in range(3))
    assert len(own_words.shared_runs(copied, fake)[0]) == 32
    assert own_words.shared_runs("짧은 문장", fake) == []


def test_no_shingle_looks_like_a_registration_number(shingles):
    """Is every committed hash free of a 13-digit run that a privacy scan would read as a 주민등록번호?"""
    assert not [h for h in shingles if re.search(r"[0-9]{13}", h)]


def test_the_shingle_file_matches_the_seeds():
    """When the seeds are here, is the committed shingle file generated from exactly them?"""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is not here (a clean clone): the committed shingle file is used")
    committed = own_words.SHINGLES.read_text(encoding="utf-8").splitlines()
    assert committed == own_words.seed_lines(SEEDS), "run: .venv/bin/python -m tests.own_words ../shared/seeds"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_cells_are_our_own_words(path, shingles):
    """Generated markdown (casework.notebooks_sync) is left out: it is the data and library text
    checked where it lives, and joining its values would make runs no one wrote."""
    nb = nbformat.read(path, as_version=4)
    found = [_report(f"cell {i}", _runs(without_generated(cell.source), shingles)) for i, cell in enumerate(nb.cells)]
    found = [f for f in found if f]
    assert not found, "\n".join(found)


def _yaml_texts(node, key=""):
    """(key, text) for every string in a parsed YAML document."""
    if isinstance(node, str):
        yield key, node
    elif isinstance(node, dict):
        for k, value in node.items():
            yield from _yaml_texts(value, str(k))
    elif isinstance(node, list):
        for value in node:
            yield from _yaml_texts(value, key)


def _data_texts(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix not in (".yaml", ".yml"):
        yield "", text
        return
    yield "# comments", "\n".join(line for line in text.splitlines() if line.lstrip().startswith("#"))
    for key, value in _yaml_texts(yaml.safe_load(text)):
        if key in QUOTE_KEYS and len(own_words.normalise(value)) <= MAX_QUOTE:
            continue
        yield key, value


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: str(p.relative_to(ROOT / "casework" / "data")))
def test_data_files_are_our_own_words(path, shingles):
    found = [_report(f"{path.name} {key}", _runs(text, shingles)) for key, text in _data_texts(path)]
    found = [f for f in found if f]
    assert not found, "\n".join(found)


def _literals(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


@pytest.mark.parametrize("path", PY_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_python_strings_are_our_own_words(path, shingles):
    found = [_report(f"line {line}", _runs(text, shingles)) for line, text in _literals(path)]
    found = [f for f in found if f]
    assert not found, "\n".join(found)


def test_readme_is_our_own_words(shingles):
    runs = _runs((ROOT / "README.md").read_text(encoding="utf-8"), shingles)
    assert not runs, _report("README.md", runs)
