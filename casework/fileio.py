"""Writing output files safely: whole or not at all, never clobbering unless asked.

Every file the workbook writes for a person (plan forms, exported chapters, the book) goes
through :func:`write_atomic`: the content is written to a temporary file in the target folder
and moved into place, so a failure never leaves half a file, and the file gets the mode a plain
``open(..., "w")`` would give (0644 under the usual umask), not mkstemp's owner-only 0600.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from casework.errors import CaseworkError

__all__ = ["file_mode", "write_atomic", "free_name"]


@functools.cache
def file_mode() -> int:
    """Permissions a plain ``open(..., "w")`` would give under the current umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomic(
    target: str | os.PathLike[str],
    content: bytes | str | Callable[[str], object],
    *,
    overwrite: bool = False,
) -> Path:
    """Write ``content`` (bytes, text, or a function that saves to a given path) to ``target``.

    Without ``overwrite`` an existing file is never replaced, even one that appears while
    writing (a hard link refuses to clobber); with it the old file is swapped out in one step.
    """
    target = Path(target)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix,
                                         dir=target.parent)
    os.close(handle)
    try:
        if callable(content):
            content(temp_name)
        else:
            data = content.encode("utf-8") if isinstance(content, str) else content
            Path(temp_name).write_bytes(data)
        os.chmod(temp_name, file_mode())
        if overwrite:
            os.replace(temp_name, target)
        else:
            try:
                os.link(temp_name, target)
            except FileExistsError:
                raise CaseworkError(
                    f"이미 파일이 있습니다: {target.name}. 다른 이름을 쓰거나 덮어쓰기를 고르세요."
                ) from None
            except OSError:  # a file system without hard links (some network drives)
                if target.exists():
                    raise CaseworkError(f"이미 파일이 있습니다: {target.name}.") from None
                os.replace(temp_name, target)
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem.suffix``, or ``stem_2.suffix``, ``stem_3.suffix`` … if that is taken."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}_{number}{suffix}"
        number += 1
    return candidate
