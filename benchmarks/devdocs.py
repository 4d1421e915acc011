"""Load a corpus folder as Documents for benchmarks/tests.

Uses ``coatlas.ingest.read_document`` when ingestion is available, else a small
stand-in (development only) that extracts text from txt/md/html/pdf/docx/odt.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from coatlas.document import Document


def _fallback(path: Path, root: Path) -> Document:
    ext = path.suffix.lower().lstrip(".")
    raw = path.read_bytes()
    title = None
    if ext == "pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as p:
            text = "\n".join(pg.extract_text() or "" for pg in p.pages)
    elif ext == "docx":
        import docx

        text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    elif ext == "odt":
        from odf import teletype
        from odf import text as odftext
        from odf.opendocument import load

        d = load(str(path))
        text = "\n".join(
            teletype.extractText(p)
            for p in d.getElementsByType(odftext.H) + d.getElementsByType(odftext.P)
        )
    elif ext in ("html", "htm"):
        import trafilatura

        html = raw.decode("utf-8", "replace")
        text = trafilatura.extract(html, include_tables=True, favor_recall=True) or ""
        md = trafilatura.extract_metadata(html)
        title = md.title if md else None
    else:
        text = raw.decode("utf-8", "replace")
    lang = (
        "sv"
        if sum(text.count(w) for w in (" och ", " att ", " som "))
        > sum(text.count(w) for w in (" and ", " the ", " of "))
        else "en"
    )
    return Document(
        path=path.relative_to(root).as_posix(),
        sha256=hashlib.sha256(raw).hexdigest(),
        format=ext,
        text=text,
        title=title,
        language=lang,
    )


def load_docs(root: str | Path) -> list[Document]:
    root = Path(root)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    try:
        from coatlas.ingest import read_document

        docs = [read_document(p, root=root) for p in files]
    except NotImplementedError:
        docs = [_fallback(p, root) for p in files]
    return docs
