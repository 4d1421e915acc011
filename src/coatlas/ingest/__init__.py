"""Ingestion: files in, one canonical-text Document out.

Contract (used by every later stage):

- ``read_document(path, *, root=None, limits=None) -> Document``; raises
  ``coatlas.errors.IngestError`` (one line: file and reason) for anything unreadable.
- ``iter_files(root) -> Iterator[Path]``: a sorted, loop-safe recursive walk.
- ``read_folder(root) -> tuple[list[Document], list[IngestError]]``: the batch goes
  on past bad files.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from coatlas.document import Document
from coatlas.errors import IngestError

__all__ = ["read_document", "iter_files", "read_folder", "IngestError"]


def read_document(path: str | Path, *, root: str | Path | None = None, limits=None) -> Document:
    raise NotImplementedError  # filled in by the ingestion work (issue 2)


def iter_files(root: str | Path) -> Iterator[Path]:
    raise NotImplementedError


def read_folder(root: str | Path, progress=None) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    root = Path(root)
    for p in iter_files(root):
        try:
            docs.append(read_document(p, root=root))
        except IngestError as e:
            errors.append(e)
        if progress is not None:
            progress(p)
    return docs, errors
