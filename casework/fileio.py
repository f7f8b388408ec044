"""Whole-file writes that never leave a half-written file or clobber one by accident."""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path


@functools.cache
def _file_mode() -> int:
    """Permissions a plain ``open(..., "w")`` would give (mkstemp's are owner-only)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(target: str | os.PathLike[str], data: bytes, *, overwrite: bool = False,
                 mode: int | None = None) -> Path:
    """Write ``data`` to ``target`` through a temporary file in the same folder.

    Without ``overwrite`` the file is linked into place, which fails with FileExistsError if
    ``target`` exists (even if it appeared meanwhile). ``mode`` defaults to what ``open``
    would give; pass 0o600 for secrets.
    """
    path = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), _file_mode() if mode is None else mode)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
            os.unlink(tmp)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return path
