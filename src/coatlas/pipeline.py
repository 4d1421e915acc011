"""analyze(): wires the stages together; it holds no analysis logic of its own."""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coatlas import __version__
from coatlas.jsonio import write_json


@dataclass
class Settings:
    codebook: str | None = None  # path to a user codebook; None = built-in "coproduction"
    initiatives_file: str | None = None  # directed mode: known initiative names
    all_documents: bool = False  # Step 3: sample every document, not only transcripts and plans
    label_language: str | None = None  # Step 3 labels: None = corpus main language, or "en"
    embeddings: bool = True
    embedding_cache: str | None = None  # None = default cache location
    db_url: str | None = None  # None = sqlite file in the output folder
    today: int | None = None  # year used for "ongoing" bars; None = from the documents

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class RunSummary:
    documents: int = 0
    errors: list[dict[str, str]] = field(default_factory=list)
    initiatives: int = 0
    lessons: int = 0
    out_dir: Path | None = None


def analyze(
    docs_dir: str | Path,
    out_dir: str | Path,
    settings: Settings | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> RunSummary:
    from coatlas.errors import IngestError
    from coatlas.ingest import iter_files, read_document

    settings = settings or Settings()
    docs_dir, out_dir = Path(docs_dir), Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)

    files = list(iter_files(docs_dir))
    docs, errors = [], []
    for i, p in enumerate(files):
        try:
            docs.append(read_document(p, root=docs_dir))
        except IngestError as e:
            errors.append({"file": e.path, "error": e.line()})
        if progress:
            progress("read", i + 1, len(files))
    docs.sort(key=lambda d: d.path)
    errors.sort(key=lambda e: e["file"])

    manifest = {
        "coatlas": __version__,
        "python": platform.python_version(),
        "settings": {k: v for k, v in settings.to_dict().items() if k != "embedding_cache"},
        "inputs": [
            {"document": d.path, "sha256": d.sha256, "format": d.format, "language": d.language}
            for d in docs
        ],
        "errors": len(errors),
    }
    manifest["inputs_digest"] = hashlib.sha256("".join(d.sha256 for d in docs).encode()).hexdigest()
    write_json(out_dir / "errors.json", errors)
    write_json(out_dir / "manifest.json", manifest)
    write_json(out_dir / "initiatives.json", [])
    write_json(out_dir / "lessons.json", {"lessons": [], "hierarchy": []})
    (out_dir / "report.html").write_text(
        "<!doctype html><title>coatlas</title>\n", encoding="utf-8"
    )
    return RunSummary(documents=len(docs), errors=errors, out_dir=out_dir)
