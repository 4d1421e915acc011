"""Load a corpus folder as Documents for benchmarks (through coatlas' own ingestion)."""

from __future__ import annotations

from pathlib import Path

from coatlas.document import Document
from coatlas.ingest import read_folder


def load_docs(root: str | Path) -> list[Document]:
    docs, errors = read_folder(root)
    for e in errors:
        print(f"skipped {e}")
    return docs
