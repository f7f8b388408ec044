"""A learner's progress: the last answer and verdict of every checked widget and exercise question.

One JSON file per learner keeps it, so an answer survives closing the notebook, restarting the
kernel and running the cells again: a widget reads its saved answer back when it is created and
saves again on every 확인. The file is ``~/.casework/progress.json`` (the folder is made readable
by its owner only), or the path in the environment variable ``CASEWORK_PROGRESS``.

Layout (version 1)::

    {"version": 1,
     "items": {"ch03": {"scene_01": {"answer": "비밀보장을 어겼다", "status": "correct",
                                     "score": 1.0, "attempts": 2, "hint_used": true,
                                     "solution_seen": false, "updated": "2026-11-20T10:31:02"}}}}

``items`` is keyed by the chapter or exercise (``ch00`` … ``ch11``, ``ex04`` …) and then by the
widget's own id. Every change re-reads the file under a lock and rewrites it atomically, so two
notebooks open at once never lose each other's entries. A file that cannot be read as progress
is moved aside to ``progress.json.broken-<time>`` with a Korean warning, never a crash.
"""

from __future__ import annotations

import contextlib
import json
import os
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from casework._util.fs import atomic_write
from casework.errors import CaseworkError

__all__ = [
    "ENV_VAR", "VERSION", "ProgressError", "ProgressWarning", "ChapterProgress",
    "progress_path", "load_progress", "saved_entry", "record_check", "record_level",
    "reset_progress", "chapter_progress", "exercise_records", "merge_exercise_records",
    "chapter_title", "item_label",
]

ENV_VAR = "CASEWORK_PROGRESS"
VERSION = 1


class ProgressError(CaseworkError):
    """The progress file could not be written; the message says where and why, in Korean."""


class ProgressWarning(UserWarning):
    """The progress file was unreadable and has been set aside (the message is Korean)."""


def progress_path() -> Path:
    """Where this learner's progress is kept (``CASEWORK_PROGRESS`` wins over the default)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    return Path.home() / ".casework" / "progress.json"


def _empty() -> dict[str, Any]:
    return {"version": VERSION, "items": {}}


def _valid(data: object) -> bool:
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("items"), dict):
        return False
    return all(isinstance(chapter, dict) and all(isinstance(e, dict) for e in chapter.values())
               for chapter in data["items"].values())


def _set_aside(path: Path, why: str) -> None:
    backup = path.with_name(f"{path.name}.broken-{datetime.now():%Y%m%d-%H%M%S-%f}")
    try:
        os.replace(path, backup)
        where = f"원래 파일은 {backup}에 옮겨 두었습니다."
    except OSError:
        where = "원래 파일을 옮기지 못해 그대로 두었습니다."
    warnings.warn(f"학습 기록 파일({path})을 읽을 수 없어 새로 시작합니다({why}). {where}",
                  ProgressWarning, stacklevel=3)


def _read(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return _empty()
    except (OSError, UnicodeDecodeError) as exc:
        _set_aside(path, f"읽기 오류: {exc.__class__.__name__}")
        return _empty()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _set_aside(path, f"JSON 형식이 깨짐, {exc.lineno}번째 줄")
        return _empty()
    if not _valid(data):
        _set_aside(path, "워크북의 학습 기록 모양이 아님")
        return _empty()
    return data


def load_progress() -> dict[str, Any]:
    """The whole progress file as a dict (an empty one when there is none yet)."""
    return _read(progress_path())


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: atomic replace only
        yield
        return
    with open(path.with_name(path.name + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _change(update) -> Any:
    """Re-read the file under the lock, apply ``update(data)``, write it back atomically."""
    path = progress_path()
    try:
        if not path.parent.is_dir():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with _locked(path):
            data = _read(path)
            result = update(data)
            atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1, default=str))
    except OSError as exc:
        raise ProgressError(
            f"학습 기록을 {path}에 저장하지 못했습니다({exc.strerror or exc}). 답은 이 화면에만 남습니다. "
            f"다른 곳에 저장하려면 환경 변수 {ENV_VAR}에 파일 경로를 적어 주세요."
        ) from exc
    return result


def _key(chapter: object, item: object) -> tuple[str, str]:
    if not isinstance(chapter, str) or not chapter.strip() or not isinstance(item, str) or not item.strip():
        raise CaseworkError(f"학습 기록의 자리는 장과 문제의 이름(글)으로 주세요. 받은 값: {chapter!r}, {item!r}")
    return chapter.strip(), item.strip()


def saved_entry(chapter: str, item: str) -> dict[str, Any] | None:
    """The saved entry of one widget (answer, status, attempts …), or None."""
    chapter, item = _key(chapter, item)
    entry = load_progress()["items"].get(chapter, {}).get(item)
    return dict(entry) if entry is not None else None


def record_check(chapter: str, item: str, *, answer: object, status: str, score: float,
                 attempts: int | None = None, hint_used: bool = False, solution_seen: bool = False) -> dict[str, Any]:
    """Save one checked answer; ``attempts`` None counts one more try. Returns the new entry.

    Hint and solution use are kept once seen (a later check does not clear them).
    """
    chapter, item = _key(chapter, item)

    def update(data: dict[str, Any]) -> dict[str, Any]:
        old = data["items"].setdefault(chapter, {}).get(item, {})
        entry = {
            "answer": answer,
            "status": str(status),
            "score": round(float(score), 4),
            "attempts": int(attempts) if attempts is not None else int(old.get("attempts", 0)) + 1,
            "hint_used": bool(old.get("hint_used")) or bool(hint_used),
            "solution_seen": bool(old.get("solution_seen")) or bool(solution_seen),
            "updated": datetime.now().isoformat(timespec="seconds"),
        }
        data["items"][chapter][item] = entry
        return dict(entry)

    return _change(update)


def record_level(chapter: str, item: str, *, hint_used: bool = False, solution_seen: bool = False) -> dict[str, Any]:
    """Note that the learner opened the hints or the model answer of one widget."""
    chapter, item = _key(chapter, item)

    def update(data: dict[str, Any]) -> dict[str, Any]:
        entry = data["items"].setdefault(chapter, {}).setdefault(
            item, {"answer": None, "status": "", "score": 0.0, "attempts": 0})
        entry["hint_used"] = bool(entry.get("hint_used")) or hint_used or solution_seen
        entry["solution_seen"] = bool(entry.get("solution_seen")) or solution_seen
        entry["updated"] = datetime.now().isoformat(timespec="seconds")
        return dict(entry)

    return _change(update)


def reset_progress(chapter: str | None = None) -> int:
    """Forget every saved answer (or only one chapter's); returns how many were removed."""
    if chapter is not None:
        chapter, _ = _key(chapter, "-")

    def update(data: dict[str, Any]) -> int:
        items = data["items"]
        if chapter is None:
            removed = sum(len(v) for v in items.values())
            items.clear()
        else:
            removed = len(items.pop(chapter, {}))
        return removed

    return _change(update)


@dataclass(frozen=True)
class ChapterProgress:
    """What one chapter or exercise shows in the progress view."""

    chapter: str
    answered: int
    correct: int
    hint_used: tuple[str, ...]
    solution_seen: tuple[str, ...]
    not_yet_right: tuple[str, ...]


def chapter_progress(data: Mapping[str, Any] | None = None) -> list[ChapterProgress]:
    """Per chapter (in order): answered, right, and the items where hints or answers were opened."""
    items = (load_progress() if data is None else data)["items"]
    rows = []
    for chapter in sorted(items):
        entries = items[chapter]
        answered = {k: e for k, e in entries.items() if int(e.get("attempts", 0) or 0) > 0}
        rows.append(ChapterProgress(
            chapter=chapter,
            answered=len(answered),
            correct=sum(e.get("status") == "correct" for e in answered.values()),
            hint_used=tuple(k for k, e in entries.items() if e.get("hint_used")),
            solution_seen=tuple(k for k, e in entries.items() if e.get("solution_seen")),
            not_yet_right=tuple(k for k, e in answered.items() if e.get("status") not in ("correct", "")),
        ))
    return rows


def exercise_records(folder: str | os.PathLike[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """The last check record of each question in the saved exercise notebooks of ``folder``.

    Exercise notebooks keep each check as a record in the answer cell's output; this reads them
    without running anything. Returns ``{"ex07": {"q1": entry}}`` in the progress file's shape.
    """
    from casework.exercises.checker import MIME_TYPE

    found: dict[str, dict[str, dict[str, Any]]] = {}
    for notebook in sorted(Path(folder).glob("*.ipynb")):
        try:
            cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
            continue
        for cell in cells if isinstance(cells, list) else []:
            for output in cell.get("outputs", []) if isinstance(cell, dict) else []:
                record = output.get("data", {}).get(MIME_TYPE) if isinstance(output, dict) else None
                if not isinstance(record, dict) or not record.get("exercise") or not record.get("question"):
                    continue
                found.setdefault(f"ex{record['exercise']}", {})[str(record["question"])] = {
                    "answer": None,
                    "status": str(record.get("status", "")),
                    "score": float(record.get("score", 0.0) or 0.0),
                    "attempts": int(record.get("attempt", 1) or 1),
                    "hint_used": bool(record.get("hint_used")),
                    "solution_seen": bool(record.get("solution_seen")),
                }
    return found


def merge_exercise_records(data: Mapping[str, Any], records: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """``data`` with the exercise records added where the file has no entry of its own."""
    items = {chapter: dict(entries) for chapter, entries in data["items"].items()}
    for chapter, entries in records.items():
        for item, entry in entries.items():
            items.setdefault(chapter, {}).setdefault(item, dict(entry))
    return {"version": VERSION, "items": items}


# Korean names of the chapter widgets, by the start of their id (quiz questions use their prompt).
_WIDGET_LABELS = {
    "next-step": "다음 단계 고르기", "triage": "처리유형 나누기", "question": "질문 점검",
    "severity": "욕구 심각도", "kadl": "K-ADL 채점", "iadl": "Lawton IADL 채점", "resources": "욕구에 자원 잇기",
    "pdn": "문제·요구·욕구 나누기", "practice-need": "다섯 번째 사례의 욕구", "practice-goal": "다섯 번째 사례의 목표",
    "goal": "목표 점검기", "plan-form": "서비스 제공 계획표", "checklist": "점검 질문", "monitoring-log": "점검 기록",
    "closure": "종결 판단", "follow-up": "사후관리 일정", "caseload": "업무량 기준", "masking": "개인정보 가리기",
    "agency-lists": "두 기관 명단 합치기", "interview-need": "면접에서 찾은 욕구", "interview-goal": "면접 뒤의 목표",
    "interview": "면접 연습",
}


def chapter_title(chapter: str) -> str:
    """'03장 관계 맺기' for a chapter id, '연습 07 목표 설정과 계획 수립 연습' for an exercise id."""
    import re

    if chapter.startswith("ex"):
        try:
            from casework.exercises import exercise_text

            return f"연습 {chapter[2:]} {exercise_text(chapter[2:]).title}"
        except CaseworkError:
            return f"연습 {chapter[2:]}"
    try:
        from casework.quiz import load_quiz

        title = re.sub(r"^\d+\.\s*", "", load_quiz(chapter).title)
    except CaseworkError:
        return chapter
    number = chapter[2:] if chapter.startswith("ch") else chapter
    return f"{number}장 {title}"


_STORIES = ("closure", "next-step")


def _story_title(prefix: str, story_id: str) -> str:
    from casework import scenario_models

    find = scenario_models.closure_case if prefix == "closure" else scenario_models.scenario
    try:
        return find(story_id).title
    except CaseworkError:
        return story_id


def item_label(chapter: str, item: str) -> str:
    """A short Korean name for one saved item: a quiz question's prompt, a widget's name, or 문제 q1."""
    from casework._util.text import short_quote

    if chapter.startswith("ex"):
        return f"문제 {item}"
    for prefix, label in _WIDGET_LABELS.items():
        if item == prefix or item.startswith(prefix + "-"):
            return f"{label}: {_story_title(prefix, item[len(prefix) + 1:])}" if prefix in _STORIES else label
    try:
        from casework.quiz import load_quiz

        return short_quote(load_quiz(chapter).question(item).prompt, 36)
    except CaseworkError:
        return item
