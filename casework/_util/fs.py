"""One atomic file writer for every file the project writes.

Every file the project writes for a person (exercises, assigned notebooks, the manifest,
grades, reports, plan forms, exported chapters, the book) goes through :func:`atomic_write` or
:func:`atomic_write_many`.

Permission policy: a written file gets exactly the mode a plain ``open(path, "w")`` would give
under the current umask (usually 0644), whatever temporary-file mechanism is used; replacing a
file keeps that policy rather than the old file's mode. Files with personal data (grades, plans
with birth dates) are protected by the folder the instructor chooses, not by per-file modes,
so that a colleague or a file-sharing tool sees the same permissions on every output.
"""

from __future__ import annotations

import errno
import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from casework.errors import CaseworkError

__all__ = ["file_mode", "atomic_write", "atomic_write_many", "free_name"]


@functools.cache
def file_mode() -> int:
    """The mode a plain ``open(..., "w")`` gives under the current umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(
    path: str | os.PathLike[str],
    data: bytes | str | Callable[[str], object],
    *,
    overwrite: bool = True,
    fsync: bool = False,
    mode: int | None = None,
) -> Path:
    """Write ``data`` to ``path`` all at once: readers see the old file or the new one, never half.

    ``data`` is bytes, text (written as UTF-8) or a function that saves to the temporary path
    it is given (for libraries such as openpyxl that write files themselves; the temporary name
    keeps the target's suffix). The temporary file sits beside the target and is removed on any
    failure or interrupt. With ``overwrite=False`` an existing target is never replaced (a
    Korean :class:`CaseworkError`), even if it appears while writing. ``mode`` overrides the
    permission policy for a secret (the hub's service token is written 0600).
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=f".tmp{target.suffix}", dir=target.parent)
    try:
        if callable(data):
            os.close(fd)
            data(tmp)
        else:
            payload = data.encode("utf-8") if isinstance(data, str) else data
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                if fsync:
                    handle.flush()
                    os.fsync(handle.fileno())
        os.chmod(tmp, file_mode() if mode is None else mode)
        if overwrite:
            os.replace(tmp, target)
        else:
            _place_new(tmp, target)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


def _place_new(tmp: str, target: Path) -> None:
    """Move ``tmp`` to ``target`` only if no file is there (a hard link refuses to clobber)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise CaseworkError(f"이미 파일이 있습니다: {target.name}. 다른 이름을 쓰거나 덮어쓰기를 고르세요.") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        # A file system without hard links (some network drives): check, then move.
        if target.exists():
            raise CaseworkError(f"이미 파일이 있습니다: {target.name}.") from None
        os.replace(tmp, target)


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem_2.suffix``, ``stem_3.suffix`` … if that is taken."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{number}{suffix}"
        number += 1
    return candidate


def atomic_write_many(files: dict[Path, bytes]) -> None:
    """Write several files so that either all are replaced or none is.

    Every file is first written to a temporary file beside its target; only when all are
    written are they moved into place. On any failure or interrupt the temporary files are
    removed and the old files stay as they were.
    """
    temps: dict[Path, str] = {}
    try:
        for target, data in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            temps[target] = tmp
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.chmod(tmp, file_mode())
        for target, tmp in temps.items():
            os.replace(tmp, target)
    finally:
        for tmp in temps.values():
            Path(tmp).unlink(missing_ok=True)
