"""Ingestion throughput: a generated mixed-format corpus (PDF, DOCX, HTML, TXT), pages/second.

A "page" is a PDF page, or 3,000 characters of canonical text for the other formats.
Run: PYTHONPATH=src python benchmarks/bench_ingest.py [--pages 2000]
"""

from __future__ import annotations

import argparse
import io
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

CHARS_PER_PAGE = 3000
WORDS = [
    "patienter",
    "närstående",
    "vården",
    "utvecklas",
    "tillsammans",
    "med",
    "personal",
    "och",
    "ledning",
    "under",
    "året",
    "the",
    "patients",
    "and",
    "relatives",
    "took",
    "part",
    "in",
    "redesigning",
    "the",
    "service",
    "with",
    "staff",
    "over",
    "two",
    "years",
    "förbättringsarbete",
    "medverkan",
    "samskapande",
    "erfarenheter",
    "lärdomar",
    "uppföljning",
    "nätverk",
    "co-design",
    "improvement",
    "lessons",
    "learned",
    "feedback",
    "meetings",
    "fees",
    "training",
    "network",
]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 6)))


def _text_pages(rng: random.Random, pages: int) -> list[str]:
    out: list[str] = []
    for _ in range(pages):
        paras: list[str] = []
        while sum(len(p) + 2 for p in paras) < CHARS_PER_PAGE:
            paras.append(_paragraph(rng))
        out.append("\n\n".join(paras))
    return out


def make_pdf(rng: random.Random, pages: int) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    style = ParagraphStyle("b", fontName="Helvetica", fontSize=10, leading=13)
    story = []
    for i, page in enumerate(_text_pages(rng, pages)):
        if i:
            story.append(PageBreak())  # one generated page of text per PDF page
        for p in page.split("\n\n"):
            story += [Paragraph(p, style), Spacer(1, 6)]

    def footer(c, doc):
        c.setFont("Helvetica", 8)
        c.drawString(72, 30, f"Benchmark report · Page {doc.page}")

    buf = io.BytesIO()
    SimpleDocTemplate(buf, invariant=1, pagesize=A4).build(
        story, onFirstPage=footer, onLaterPages=footer
    )
    return buf.getvalue()


def make_docx(rng: random.Random, pages: int) -> bytes:
    import docx

    d = docx.Document()
    for i, page in enumerate(_text_pages(rng, pages)):
        d.add_heading(f"Section {i + 1}", level=2)
        for p in page.split("\n\n"):
            d.add_paragraph(p)
        t = d.add_table(rows=2, cols=3)
        for r in range(2):
            for c in range(3):
                t.cell(r, c).text = rng.choice(WORDS)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_html(rng: random.Random, pages: int) -> bytes:
    body = "".join(
        f"<h2>Part {i}</h2>" + "".join(f"<p>{p}</p>" for p in page.split("\n\n"))
        for i, page in enumerate(_text_pages(rng, pages))
    )
    return (
        "<!DOCTYPE html><html><head><title>Bench page</title><script>var x=1;</script></head><body>"
        "<div class='cookie-banner'>We use cookies. <button>OK</button></div>"
        "<nav><a href='/'>Home</a> <a href='/a'>About</a></nav>"
        f"<main><h1>Bench</h1>{body}</main><footer>Footer text · Contact</footer></body></html>"
    ).encode()


def make_txt(rng: random.Random, pages: int) -> bytes:
    return "\n\n".join(_text_pages(rng, pages)).encode("utf-8")


def build_corpus(root: Path, target_pages: int, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    # share of pages per format
    plan = {"pdf": 0.5, "docx": 0.2, "html": 0.15, "txt": 0.15}
    makers = {"pdf": make_pdf, "docx": make_docx, "html": make_html, "txt": make_txt}
    pages_per_file = {"pdf": 12, "docx": 8, "html": 3, "txt": 5}
    made: dict[str, int] = {}
    for fmt, share in plan.items():
        budget = int(target_pages * share)
        i = 0
        while budget > 0:
            n = min(pages_per_file[fmt], budget)
            (root / f"{fmt}_{i:04d}.{fmt}").write_bytes(makers[fmt](rng, n))
            budget -= n
            i += 1
        made[fmt] = i
    return made


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument(
        "--tracemalloc", action="store_true", help="also trace Python allocations (2-3x slower)"
    )
    args = ap.parse_args()
    from coatlas.ingest import read_folder

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        made = build_corpus(root, args.pages)
        t_gen = time.perf_counter() - t0
        size = sum(p.stat().st_size for p in root.iterdir())
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if args.tracemalloc:
            tracemalloc.start()
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        docs, errors = read_folder(root)
        elapsed = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
        peak = tracemalloc.get_traced_memory()[1] if args.tracemalloc else 0
        tracemalloc.stop()
    pages = 0
    by_fmt: dict[str, int] = {}
    for d in docs:
        n = len(d.pages) if d.format == "pdf" else max(1, round(len(d.text) / CHARS_PER_PAGE))
        pages += n
        by_fmt[d.format] = by_fmt.get(d.format, 0) + n
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"corpus: {sum(made.values())} files {made}, {size / 2**20:.1f} MB, generated in {t_gen:.1f} s"
    )
    print(f"ingested: {len(docs)} documents, {len(errors)} errors, {pages} pages {by_fmt}")
    print(f"time: {elapsed:.1f} s wall, {cpu:.1f} s CPU  ->  {pages / elapsed:.1f} pages/s wall")
    print(f"max RSS: {rss:.0f} MB (before ingesting: {rss_before:.0f} MB)")
    if args.tracemalloc:
        print(f"peak traced Python memory: {peak / 2**20:.1f} MB")
    if errors:
        print("errors:", *[str(e) for e in errors[:5]], sep="\n  ", file=sys.stderr)


if __name__ == "__main__":
    main()
