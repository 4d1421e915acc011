"""PDF with a text layer -> blocks in reading order, one page at a time.

pdfminer.six gives characters with coordinates; the layout decisions are ours because
they are what matters for quotes: two-column pages are read column by column,
running headers/footers and page numbers are dropped, line-end hyphens of
split words are rejoined, and paragraphs are recovered from vertical gaps.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from io import BytesIO

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block
from coatlas.ingest.limits import Limits
from coatlas.text.sentences import load_lang_data

_PAGE_NO = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:sida|page|p\.|s\.|sid\.?)\s*)?\d{1,4}(?:\s*(?:av|of|/|\()\s*\d{1,4}\)?)?(?:\s*[-–—])?$",
    re.I,
)
_BULLET = re.compile(r"(?:[-–—•▪◦*·]|\d{1,2}[.)])\s")
_ZONE = 0.09  # top/bottom share of the page height where running headers live


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    words: list = field(default_factory=list)


def pdf_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None, int]:
    """Return (blocks, title, page_count)."""
    if b"%%EOF" not in data[-4096:]:
        # cut off in transfer: pdfminer would "recover" a partial text silently
        raise IngestError(name, "truncated", "no end-of-file marker (%%EOF)")
    password, title, n = _check_encryption(data, name)
    if n > limits.max_pdf_pages:
        raise IngestError(name, "too-large", f"{n} pages (limit {limits.max_pdf_pages})")
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pages = _pdfminer_pages(data, password, limits.max_pdf_pages)
    except PDFSyntaxError as e:
        raise IngestError(name, "corrupt", f"PDF syntax error: {str(e)[:80]}") from None
    except Exception as e:  # noqa: BLE001 - pdfminer raises a zoo of types
        low = (str(e) + type(e).__name__).lower()
        kind = "encrypted" if "password" in low or "encrypt" in low else "corrupt"
        raise IngestError(
            name, kind, f"unreadable PDF: {type(e).__name__}: {str(e)[:60]}"
        ) from None
    n = max(n, len(pages))
    if not any(lines for lines, _ in pages):
        raise IngestError(
            name, "no-text-layer", f"{n} page(s) without extractable text (scanned? run OCR first)"
        )
    running = _running_lines(pages)
    blocks: list[Block] = []
    for number, (lines, height) in enumerate(pages, start=1):
        body = [ln for ln in lines if not _is_furniture(ln, height, running)]
        for para in _paragraphs(_reading_order(body)):
            blocks.append(Block(_join_lines(para), page=number))
    blocks = _merge_across_pages(blocks)
    return blocks, title, n


def _check_encryption(data: bytes, name: str) -> tuple[str, str | None, int]:
    """Return (password, title, page count); raise for encrypted or broken files."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - unsupported algorithms etc.
                ok = 0
            if not ok:
                raise IngestError(name, "encrypted", "password-protected PDF")
        n = len(reader.pages)
        title = None
        try:
            meta = reader.metadata
            title = str(meta.title).strip() or None if meta and meta.title else None
        except Exception:  # noqa: BLE001 - metadata is optional
            title = None
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001 - pypdf raises many types on broken files
        detail = str(e)[:80] if isinstance(e, PdfReadError | ValueError) else type(e).__name__
        raise IngestError(name, "corrupt", f"unreadable PDF structure: {detail}") from None
    return "", title, n


def _pdfminer_pages(data: bytes, password: str, max_pages: int) -> list[tuple[list[Line], float]]:
    """Characters straight from pdfminer (no layout analysis: ours is below).

    pdfplumber wraps the same parser but spends most of its time building
    per-character dicts; reading LTChar objects directly is about 3x faster.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTContainer

    out: list[tuple[list[Line], float]] = []
    for ltpage in extract_pages(
        BytesIO(data), password=password, laparams=None, maxpages=max_pages
    ):
        chars: list = []
        stack = [ltpage]
        while stack:
            node = stack.pop()
            for obj in node:
                if isinstance(obj, LTChar):
                    chars.append(obj)
                elif isinstance(obj, LTContainer):
                    stack.append(obj)
        top_y = ltpage.y1
        out.append((_lines(_words(chars, top_y)), float(ltpage.height)))
    return out


def _words(chars: list, top_y: float) -> list[dict]:
    """Group characters (in content-stream order) into words with top-down coordinates."""
    words: list[dict] = []
    cur: dict | None = None
    for c in chars:
        t = c.get_text()
        size = c.size or 10.0
        top, bottom = top_y - c.y1, top_y - c.y0
        if not t or t.isspace():
            cur = None
            continue
        if (
            cur is not None
            and abs(top - cur["top"]) < 0.5 * size
            and -0.5 <= c.x0 - cur["x1"] < 0.2 * size
        ):
            cur["text"] += t
            cur["x1"] = max(cur["x1"], c.x1)
            cur["bottom"] = max(cur["bottom"], bottom)
            continue
        cur = {"text": t, "x0": c.x0, "x1": c.x1, "top": top, "bottom": bottom, "size": size}
        words.append(cur)
    for w in words:
        if "(cid:" in w["text"]:
            # a glyph the font maps to no character: alone it is a list bullet, inside a word
            # it is noise ("(cid:127) endorse" would otherwise reach the text and the quotes)
            w["text"] = "•" if _CID.fullmatch(w["text"]) else _CID.sub("", w["text"])
    return [w for w in words if w["text"]]


_CID = re.compile(r"\(cid:\d+\)")


def _lines(words: list[dict]) -> list[Line]:
    """Group words into visual lines (same baseline band), left to right."""
    words = sorted(words, key=lambda w: (round(w["top"], 1), w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        placed = False
        for ln in reversed(lines[-4:]):
            ref = ln[0]
            h = min(ref["bottom"] - ref["top"], w["bottom"] - w["top"]) or 1.0
            if abs(ref["top"] - w["top"]) < 0.5 * h:
                ln.append(w)
                placed = True
                break
        if not placed:
            lines.append([w])
    out: list[Line] = []
    for ln in lines:
        ln.sort(key=lambda w: w["x0"])
        # split a visual line where a wide gap separates two columns
        groups: list[list[dict]] = [[ln[0]]]
        for a, b in zip(ln, ln[1:], strict=False):
            size = a.get("size", 10) or 10
            if b["x0"] - a["x1"] > 2.5 * size:
                groups.append([b])
            else:
                groups[-1].append(b)
        for g in groups:
            out.append(
                Line(
                    text=" ".join(w["text"] for w in g),
                    x0=min(w["x0"] for w in g),
                    x1=max(w["x1"] for w in g),
                    top=min(w["top"] for w in g),
                    bottom=max(w["bottom"] for w in g),
                    size=statistics.median(w.get("size", 10) or 10 for w in g),
                    words=g,
                )
            )
    return out


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip().lower())


def _running_lines(pages: list[tuple[list[Line], float]]) -> set[str]:
    """Shapes of lines that recur in the top/bottom zone of many pages."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for lines, height in pages:
        seen = {
            _shape(ln.text)
            for ln in lines
            if ln.top < _ZONE * height or ln.bottom > (1 - _ZONE) * height
        }
        counts.update(seen)
    need = max(2, (len(pages) + 1) // 2)
    return {s for s, c in counts.items() if c >= need}


def _is_furniture(ln: Line, height: float, running: set[str]) -> bool:
    in_zone = ln.top < _ZONE * height or ln.bottom > (1 - _ZONE) * height
    if not in_zone:
        return False
    return _shape(ln.text) in running or bool(_PAGE_NO.match(ln.text.strip()))


def _rows(lines: list[Line]) -> list[list[Line]]:
    """Lines sharing a baseline band (segments of one visual row), top-down, left-right."""
    rows: list[list[Line]] = []
    for ln in sorted(lines, key=lambda ln: (ln.top, ln.x0)):
        if rows and abs(rows[-1][0].top - ln.top) < 0.5 * max(ln.size, 1.0):
            rows[-1].append(ln)
        else:
            rows.append([ln])
    for r in rows:
        r.sort(key=lambda ln: ln.x0)
    return rows


def _merge_row(row: list[Line]) -> Line:
    """Segments of one row outside a column layout are table cells: one line, " | " between."""
    if len(row) == 1:
        return row[0]
    return Line(
        text=" | ".join(ln.text for ln in row),
        x0=row[0].x0,
        x1=max(ln.x1 for ln in row),
        top=min(ln.top for ln in row),
        bottom=max(ln.bottom for ln in row),
        size=row[0].size,
        words=[w for ln in row for w in ln.words],
    )


def _reading_order(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines in reading order: full-width flow top-down, column stretches left first.

    A stretch between two gutter-crossing lines is read as two columns only when it
    has several rows with exactly one text segment on each side of the gutter; a
    short last line of a paragraph or a table does not make a column layout.
    """
    if not lines:
        return []
    rows = _rows(lines)
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    gutter = _find_gutter(lines, left, right, rows)
    if gutter is None:
        return [[_merge_row(r) for r in rows]]
    runs: list[list[Line]] = []
    flow: list[Line] = []
    stretch: list[list[Line]] = []

    def flush() -> None:
        paired = sum(1 for r in stretch if _is_paired(r, gutter))
        if paired >= 2:
            if flow:
                runs.append(list(flow))
                flow.clear()
            lcol = [ln for r in stretch for ln in r if ln.x1 <= gutter]
            rcol = [ln for r in stretch for ln in r if ln.x0 >= gutter]
            runs.extend(c for c in (lcol, rcol) if c)
        else:
            flow.extend(_merge_row(r) for r in stretch)
        stretch.clear()

    for r in rows:
        if any(ln.x0 < gutter < ln.x1 for ln in r):
            flush()
            flow.append(_merge_row(r))
        else:
            stretch.append(r)
    flush()
    if flow:
        runs.append(flow)
    return runs


def _is_paired(row: list[Line], gutter: float) -> bool:
    lsegs = [ln for ln in row if ln.x1 <= gutter]
    rsegs = [ln for ln in row if ln.x0 >= gutter]
    return len(lsegs) == 1 and len(rsegs) == 1


def _find_gutter(
    lines: list[Line], left: float, right: float, rows: list[list[Line]]
) -> float | None:
    """An x in the middle band that text columns leave empty, or None for one column."""
    width = right - left
    if width <= 0:
        return None
    lo, hi = left + 0.3 * width, left + 0.7 * width
    best: tuple[int, float] | None = None
    x = lo
    while x <= hi:
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += 2.0
    if best is None:
        return None
    crossing, x = best
    if crossing > 0.34 * len(lines):
        return None
    side = [r for r in rows if not any(ln.x0 < x < ln.x1 for ln in r)]
    both = [r for r in side if any(ln.x1 <= x for ln in r) and any(ln.x0 >= x for ln in r)]
    if len(both) < 3:
        return None
    # text columns: one segment per side, and the segments fill most of their column
    paired = [r for r in both if _is_paired(r, x)]
    if len(paired) < 0.8 * len(both):
        return None
    lw = statistics.median(r[0].x1 - r[0].x0 for r in paired)
    rw = statistics.median(r[-1].x1 - r[-1].x0 for r in paired)
    if lw < 0.5 * (x - left) or rw < 0.5 * (right - x):
        return None
    return x


def _paragraphs(runs: list[list[Line]]) -> list[list[Line]]:
    """Split each flow at vertical gaps larger than the usual line pitch, or font changes.

    The usual pitch is the most frequent gap between same-size lines (short
    paragraphs make a median land on paragraph gaps), scaled for larger type so a
    two-line title stays one paragraph.
    """
    paras: list[list[Line]] = []
    for run in runs:
        pairs = [
            (a, b)
            for a, b in zip(run, run[1:], strict=False)
            if b.top > a.top and abs(a.size - b.size) <= 0.5
        ]
        gaps = Counter(round(b.top - a.top) for a, b in pairs)
        usual = float(min(gaps, key=lambda g: (-gaps[g], g))) if gaps else 0.0
        sizes = Counter(round(a.size) for a, b in pairs if round(b.top - a.top) == usual)
        body = float(sizes.most_common(1)[0][0]) if sizes else 0.0
        cur: list[Line] = []
        for ln in run:
            if cur:
                prev = cur[-1]
                gap = ln.top - prev.top
                pitch = max(usual * (ln.size / body if body and ln.size > body else 1.0), 1.0)
                size_change = abs(ln.size - prev.size) > 0.5
                table = " | " in ln.text or " | " in prev.text
                bullet = bool(_BULLET.match(ln.text))
                wrapped = ln.text[:1].islower() and prev.text.rstrip()[-1:] not in ".!?:;"
                too_far = gap > (2.5 if wrapped else 1.35) * pitch
                if too_far or size_change or gap < 0 or bullet or table:
                    paras.append(cur)
                    cur = []
            cur.append(ln)
        if cur:
            paras.append(cur)
    return paras


@cache
def _conjunctions() -> frozenset[str]:
    out: set[str] = set()
    for lang in ("en", "sv"):
        out.update(load_lang_data(lang, "abbreviations").get("hyphen_conjunctions", []))
    return frozenset(out)


def _glue(text: str, nxt: str) -> str:
    """Append the next line, rejoining a word split by a line-end hyphen.

    "sam-" + "verkan" -> "samverkan"; a real hyphen stays: "KOL-" + "genombrottet",
    "e-" + "post" (one-letter prefix), "sjuk- och" (suspended compound before a
    conjunction from lang/*/abbreviations.toml).
    """
    tail = text[-64:]  # tail only: linear in paragraph length
    m = re.search(r"(\w+)[-\u00ad]$", tail)
    first = nxt.split(" ", 1)[0]
    if m and first[:1].islower() and first.lower().strip(",.;:") not in _conjunctions():
        frag = m.group(1)
        real = frag[-1].isupper() or frag[-1].isdigit() or len(frag) == 1
        return text + nxt if real else text[:-1] + nxt
    return text + " " + nxt


def _join_lines(lines: list[Line]) -> str:
    """Join the lines of one paragraph."""
    text = lines[0].text.strip()
    for ln in lines[1:]:
        nxt = ln.text.strip()
        if nxt:
            text = _glue(text, nxt)
    return text


def _merge_across_pages(blocks: list[Block]) -> list[Block]:
    """A paragraph that runs over a page break becomes one block (kept on its first page)."""
    first_on_page: dict[int | None, int] = {}
    for b in blocks:
        first_on_page.setdefault(b.page, id(b))
    out: list[Block] = []
    for b in blocks:
        if (
            out
            and out[-1].page is not None
            and b.page == out[-1].page + 1
            and _continues(out[-1].text, b.text)
            and first_on_page[b.page] == id(b)
        ):
            prev = out[-1]
            out[-1] = Block(_glue(prev.text, b.text), page=prev.page, kind=prev.kind)
            continue
        out.append(b)
    return out


def _continues(prev: str, nxt: str) -> bool:
    prev = prev.rstrip()
    return bool(prev) and prev[-1] not in '.!?:;…"”' and nxt[:1].islower()
