"""Build the held-out Lowmoor corpus: documents/ and gold.json.

Everything here is invented. Lessons are marked inline as ``[[cN|text]]``; the
marker is stripped from the written document and the text recorded in gold.json,
so every gold lesson is verbatim by construction. Deterministic: fixed dates in
DOCX zips and core properties, reportlab in invariant mode.

Run: /work/venv/bin/python benchmarks/corpora/heldout-lowmoor/_make.py
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path

from docx import Document as DocxDocument
from docx.shared import Pt
from reportlab import rl_config

rl_config.invariant = 1
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer  # noqa: E402

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
MARK = re.compile(r"\[\[(c\d)\|(.+?)\]\]", re.S)
LESSONS: list[dict] = []

CLUSTERS = {
    "c1": "Paying for and resourcing involvement",
    "c2": "Reaching beyond the usual voices",
    "c3": "Feeding back and closing the loop",
    "c4": "Staff readiness and changing professional roles",
    "c5": "Moving from pilot to business as usual",
    "c6": "Looking after participants' wellbeing and safety",
    "c7": "Showing the difference it makes",
}


def take(name: str, text: str) -> str:
    """Strip lesson markers from text, recording each lesson for document name."""

    def repl(m: re.Match) -> str:
        LESSONS.append(
            {"document": name, "text": " ".join(m.group(2).split()), "cluster": m.group(1)}
        )
        return m.group(2)

    return MARK.sub(repl, text)


def write_text(name: str, text: str) -> None:
    text = re.sub(r"\n{3,}", "\n\n", take(name, text).strip())
    (DOCS / name).write_text(text + "\n", encoding="utf-8")


FIXED = (2024, 1, 1, 0, 0, 0)


def write_docx(name: str, blocks: list[tuple[str, str]]) -> None:
    """blocks: (kind, text) with kind in title/h1/h2/p/small."""
    d = DocxDocument()
    d.core_properties.author = "Lowmoor Health Board"
    d.core_properties.created = dt.datetime(2024, 1, 1)
    d.core_properties.modified = dt.datetime(2024, 1, 1)
    d.core_properties.last_modified_by = "Board Secretary"
    d.core_properties.revision = 1
    for kind, text in blocks:
        text = take(name, text)
        if kind == "title":
            d.add_heading(text, level=0)
        elif kind == "h1":
            d.add_heading(text, level=1)
        elif kind == "h2":
            d.add_heading(text, level=2)
        else:
            p = d.add_paragraph(text)
            if kind == "small":
                for r in p.runs:
                    r.font.size = Pt(9)
    buf = io.BytesIO()
    d.save(buf)
    # re-zip with fixed timestamps so the bytes are reproducible
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in sorted(
            src.infolist(), key=lambda i: (i.filename != "[Content_Types].xml", i.filename)
        ):
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    (DOCS / name).write_bytes(out.getvalue())


def write_pdf(name: str, blocks: list[tuple[str, str]], title: str) -> None:
    ss = getSampleStyleSheet()
    style = {
        "title": ss["Title"],
        "h1": ss["Heading1"],
        "h2": ss["Heading2"],
        "p": ss["BodyText"],
        "small": ss["Italic"],
    }
    flow = []
    for kind, text in blocks:
        text = take(name, text)
        esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        flow.append(Paragraph(esc, style[kind]))
        flow.append(Spacer(1, 4))
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf, pagesize=A4, title=title, author="Lowmoor Health Board", invariant=1
    ).build(flow)
    (DOCS / name).write_bytes(buf.getvalue())


def paras(text: str) -> list[tuple[str, str]]:
    """Tiny markup for docx/pdf bodies: '# ' h1, '## ' h2, '= ' title, '~ ' small, blank-line separated."""
    out = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        chunk = " ".join(chunk.split())
        for pre, kind in (("= ", "title"), ("## ", "h2"), ("# ", "h1"), ("~ ", "small")):
            if chunk.startswith(pre):
                out.append((kind, chunk[len(pre) :]))
                break
        else:
            out.append(("p", chunk))
    return out


from _content import DOCUMENTS, GOLD_INITIATIVES, GOLD_NON_INITIATIVES  # noqa: E402


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for old in DOCS.iterdir():
        old.unlink()
    LESSONS.clear()
    for name, body in DOCUMENTS:
        suffix = Path(name).suffix
        if suffix in (".txt", ".md", ".html"):
            write_text(name, body)
        elif suffix == ".docx":
            write_docx(name, paras(body))
        elif suffix == ".pdf":
            write_pdf(name, paras(body), title=name)
        else:
            raise ValueError(name)
    gold = {
        "corpus": "heldout-lowmoor",
        "languages": ["en", "sv"],
        "initiatives": GOLD_INITIATIVES,
        "non_initiatives": GOLD_NON_INITIATIVES,
        "lessons": LESSONS,
        "clusters": CLUSTERS,
    }
    (HERE / "gold.json").write_text(
        json.dumps(gold, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(
        f"{len(DOCUMENTS)} documents, {len(GOLD_INITIATIVES)} initiatives, {len(LESSONS)} lessons"
    )


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(HERE))
    main()
