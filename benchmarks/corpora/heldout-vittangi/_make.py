"""Generate the held-out Vittangi corpus (documents/ and gold.json), deterministically.

Written blind (without reading the engine or the other corpora). Lessons learned are
marked in the source text as ``{{cN:...}}``; the markers are stripped from the documents
and the spans recorded verbatim in gold.json. Re-running gives byte-identical files.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from _content import (  # sibling module; _make.py is run as a script
    CLUSTERS,
    DOCS,
    INITIATIVES,
    NON_INITIATIVES,
)
from docx import Document
from docx.shared import Pt
from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)

rl_config.invariant = 1

HERE = Path(__file__).resolve().parent
OUT = HERE / "documents"
FIXED = dt.datetime(2024, 1, 15, 9, 0, 0)
MARK = re.compile(r"\{\{(c\d+):(.*?)\}\}", re.S)


def strip_marks(name: str, src: str, lessons: list[dict]) -> str:
    """Record each marked span as a gold lesson and return the text without markers."""
    for m in MARK.finditer(src):
        text = re.sub(r"\s+", " ", m.group(2)).strip()
        lessons.append({"document": name, "text": text, "cluster": m.group(1)})
    return MARK.sub(lambda m: m.group(2), src)


def blocks(src: str) -> list[tuple[str, object]]:
    """Parse the mini markup shared by the PDF and DOCX writers."""
    out: list[tuple[str, object]] = []
    para: list[str] = []
    table: list[list[str]] = []

    def flush() -> None:
        if para:
            out.append(("p", " ".join(para)))
            para.clear()
        if table:
            out.append(("table", [row[:] for row in table]))
            table.clear()

    for raw in src.strip("\n").splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line == "===":
            flush()
            out.append(("break", ""))
        elif line.startswith("# "):
            flush()
            out.append(("h1", line[2:]))
        elif line.startswith("## "):
            flush()
            out.append(("h2", line[3:]))
        elif line.startswith("- "):
            flush()
            out.append(("li", line[2:]))
        elif line.startswith("| "):
            if para:
                out.append(("p", " ".join(para)))
                para.clear()
            table.append([c.strip() for c in line.strip("| ").split(" | ")])
        else:
            para.append(line)
    flush()
    return out


def write_pdf(path: Path, src: str, title: str, slides: bool = False) -> None:
    styles = getSampleStyleSheet()
    body = styles["BodyText"]
    if slides:
        body = styles["BodyText"].clone("slidebody", fontSize=16, leading=21)
    h1 = styles["Title"] if slides else styles["Heading1"]
    h2 = styles["Heading2"]
    story: list = []

    for kind, val in blocks(src):
        if kind == "h1":
            story.append(Paragraph(escape(str(val)), h1))
        elif kind == "h2":
            story.append(Paragraph(escape(str(val)), h2))
        elif kind == "p":
            story.append(Paragraph(escape(str(val)), body))
        elif kind == "li":
            story.append(Paragraph("\u2013 " + escape(str(val)), body))
        elif kind == "table":
            story.append(Table([[Paragraph(escape(c), body) for c in r] for r in val]))
            story.append(Spacer(1, 0.3 * cm))
        elif kind == "break":
            story.append(PageBreak())
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf,
        pagesize=landscape(A4) if slides else A4,
        title=title,
        author="Region Vittangi",
        subject=title,
        creator="Region Vittangi",
        producer="Region Vittangi",
    )
    doc.build(story)
    path.write_bytes(buf.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed member timestamps so DOCX output is byte-identical."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 15, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return buf.getvalue()


def write_docx(path: Path, src: str, title: str) -> None:
    doc = Document()
    doc.styles["Normal"].font.size = Pt(11)
    cp = doc.core_properties
    cp.author = "Region Vittangi"
    cp.last_modified_by = "Region Vittangi"
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    for kind, val in blocks(src):
        if kind == "h1":
            doc.add_heading(str(val), level=1)
        elif kind == "h2":
            doc.add_heading(str(val), level=2)
        elif kind == "p":
            doc.add_paragraph(str(val))
        elif kind == "li":
            doc.add_paragraph(str(val), style="List Bullet")
        elif kind == "table":
            rows = list(val)  # type: ignore[arg-type]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        elif kind == "break":
            doc.add_page_break()
    buf = io.BytesIO()
    doc.save(buf)
    path.write_bytes(normalise_zip(buf.getvalue()))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    lessons: list[dict] = []
    for name, spec in DOCS.items():
        text = strip_marks(name, spec["text"], lessons)
        path = OUT / name
        kind = path.suffix
        if kind == ".pdf":
            write_pdf(path, text, spec["title"], slides=spec.get("slides", False))
        elif kind == ".docx":
            write_docx(path, text, spec["title"])
        else:
            path.write_text(text.strip("\n") + "\n", encoding="utf-8")
    gold = {
        "corpus": "heldout-vittangi",
        "languages": ["en", "sv"],
        "initiatives": INITIATIVES,
        "non_initiatives": NON_INITIATIVES,
        "lessons": lessons,
        "clusters": CLUSTERS,
    }
    (HERE / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    print(f"{len(DOCS)} documents, {len(INITIATIVES)} initiatives, {len(lessons)} lessons")


if __name__ == "__main__":
    main()
