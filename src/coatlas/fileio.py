"""Output files written atomically: a temporary file in the same folder, then a rename.

A reader (or a run killed half-way) sees either the old file or the new one, never a
0-byte or half-written one: the bytes go to ``.NAME.PID.RANDOM.coatlas-tmp`` next to
the target, are flushed to disk, and ``os.replace`` swaps the name in one step (same
folder, so same file system). A kill before the rename leaves only the hidden
temporary file, which ``sweep_temporaries`` removes once its process is gone.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

TEMP_SUFFIX = ".coatlas-tmp"
_TEMP = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + "$")


def temp_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


@contextmanager
def atomic_open(path: str | Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; renamed into place on success.

    On any exception (KeyboardInterrupt included) the temporary file is removed and
    ``path`` is left as it was.
    """
    path = Path(path)
    tmp = temp_path(path)
    # 0o666 and the process umask: the same permissions a plain open() would give
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(tmp)
        raise


def write_bytes(path: str | Path, data: bytes) -> Path:
    with atomic_open(path) as fh:
        fh.write(data)
    return Path(path)


def write_text(path: str | Path, text: str) -> Path:
    """UTF-8, line endings exactly as given (no platform translation)."""
    return write_bytes(path, text.encode("utf-8"))


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # someone else's process, or no way to tell: leave its files alone
    return True


def sweep_temporaries(folder: str | Path) -> list[Path]:
    """Remove temporary files that killed writers left in ``folder``; return them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for e in entries:
        m = _TEMP.match(e.name)
        if m and not _alive(int(m.group(1))):
            with suppress(OSError):
                os.unlink(e.path)
                removed.append(Path(e.path))
    return removed
