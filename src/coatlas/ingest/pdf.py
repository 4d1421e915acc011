"""PDF with a text layer -> blocks in reading order, one page at a time.

pdfplumber gives words with coordinates; the layout decisions are ours because
they are what matters for quotes: two-column pages are read column by column,
running headers/footers and page numbers are dropped, line-end hyphens of
split words are rejoined, and paragraphs are recovered from vertical gaps.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from io import BytesIO

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block
from coatlas.ingest.limits import Limits
from coatlas.text.sentences import load_lang_data

_PAGE_NO = re.compile(
    r"^(?:[-–—]\s*)?(?:(?:sida|page|p\.|s\.|sid\.?)\s*)?\d{1,4}(?:\s*(?:av|of|/|\()\s*\d{1,4}\)?)?(?:\s*[-–—])?$",
    re.I,
)
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
    password = _check_encryption(data, name)
    import pdfplumber
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(BytesIO(data), password=password)
    except PDFSyntaxError as e:
        raise IngestError(name, "corrupt", f"PDF syntax error: {str(e)[:80]}") from None
    except Exception as e:  # noqa: BLE001 - pdfminer raises a zoo of types
        kind = (
            "encrypted"
            if "password" in str(e).lower() or "encrypt" in type(e).__name__.lower()
            else "corrupt"
        )
        raise IngestError(name, kind, f"unreadable PDF: {type(e).__name__}") from None
    try:
        n = len(pdf.pages)
        if n > limits.max_pdf_pages:
            raise IngestError(name, "too-large", f"{n} pages (limit {limits.max_pdf_pages})")
        pages: list[tuple[list[Line], float]] = []
        for page in pdf.pages:
            words = page.extract_words(
                use_text_flow=False, keep_blank_chars=False, extra_attrs=["size"]
            )
            pages.append((_lines(words), float(page.height)))
            page.flush_cache()
        title = None
        try:
            t = (pdf.metadata or {}).get("Title")
            if isinstance(t, bytes):
                t = t.decode("utf-8", "ignore")
            title = str(t).strip() or None if t else None
        except Exception:  # noqa: BLE001
            title = None
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001
        raise IngestError(
            name, "corrupt", f"unreadable PDF page: {type(e).__name__}: {str(e)[:60]}"
        ) from None
    finally:
        pdf.close()
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


def _check_encryption(data: bytes, name: str) -> str:
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
    except IngestError:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        OSError,
    ) as e:
        raise IngestError(name, "corrupt", f"unreadable PDF structure: {str(e)[:80]}") from None
    except Exception as e:  # noqa: BLE001
        raise IngestError(
            name, "corrupt", f"unreadable PDF structure: {type(e).__name__}"
        ) from None
    return ""


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


def _reading_order(lines: list[Line]) -> list[list[Line]]:
    """Order lines: full-width lines top-down; two-column stretches left column first.

    Returns runs of lines that belong to one flow (a column stretch or the full width),
    in reading order.
    """
    if not lines:
        return []
    lines = sorted(lines, key=lambda ln: (ln.top, ln.x0))
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)
    gutter = _find_gutter(lines, left, right)
    if gutter is None:
        return [lines]
    runs: list[list[Line]] = []
    stretch: list[Line] = []

    def flush() -> None:
        if stretch:
            lcol = [ln for ln in stretch if ln.x1 <= gutter]
            rcol = [ln for ln in stretch if ln.x1 > gutter]
            if lcol:
                runs.append(lcol)
            if rcol:
                runs.append(rcol)
            stretch.clear()

    for ln in lines:
        if ln.x0 < gutter < ln.x1:  # spans the gutter: full width
            flush()
            if runs and runs[-1] and runs[-1][-1].x0 < gutter < runs[-1][-1].x1:
                runs[-1].append(ln)
            else:
                runs.append([ln])
        else:
            stretch.append(ln)
    flush()
    return runs


def _find_gutter(lines: list[Line], left: float, right: float) -> float | None:
    """An x position in the middle band that no line of a column stretch crosses."""
    width = right - left
    if width <= 0:
        return None
    lo, hi = left + 0.3 * width, left + 0.7 * width
    step = 2.0
    best: tuple[int, float] | None = None
    x = lo
    while x <= hi:
        crossing = sum(1 for ln in lines if ln.x0 < x < ln.x1)
        beside = sum(1 for ln in lines if ln.x1 <= x) and sum(1 for ln in lines if ln.x0 >= x)
        if beside and (best is None or crossing < best[0]):
            best = (crossing, x)
        x += step
    if best is None:
        return None
    crossing, x = best
    lcount = sum(1 for ln in lines if ln.x1 <= x and ln.x0 >= left - 1)
    rcount = sum(1 for ln in lines if ln.x0 >= x)
    # two real columns: several lines on each side, few lines across
    if lcount >= 3 and rcount >= 3 and crossing <= 0.34 * len(lines):
        return x
    return None


def _paragraphs(runs: list[list[Line]]) -> list[list[Line]]:
    """Split each flow at vertical gaps larger than the usual line spacing or font changes."""
    paras: list[list[Line]] = []
    for run in runs:
        gaps = [b.top - a.top for a, b in zip(run, run[1:], strict=False) if b.top > a.top]
        usual = statistics.median(gaps) if gaps else 0.0
        cur: list[Line] = []
        for ln in run:
            if cur:
                prev = cur[-1]
                gap = ln.top - prev.top
                size_change = abs(ln.size - prev.size) > 0.5
                if gap > 1.35 * max(usual, 1.0) or size_change or gap < 0:
                    paras.append(cur)
                    cur = []
            cur.append(ln)
        if cur:
            paras.append(cur)
    return paras


def _conjunctions() -> frozenset[str]:
    out: set[str] = set()
    for lang in ("en", "sv"):
        out.update(load_lang_data(lang, "abbreviations").get("hyphen_conjunctions", []))
    return frozenset(out)


def _join_lines(lines: list[Line]) -> str:
    """Join lines into one paragraph, rejoining words split by a line-end hyphen."""
    text = lines[0].text.strip()
    conj = _conjunctions()
    for ln in lines[1:]:
        nxt = ln.text.strip()
        if not nxt:
            continue
        m = re.search(r"(\w)[-\u00ad]$", text)
        first = nxt.split(" ", 1)[0]
        if m and first[:1].islower() and first.lower().strip(",.;:") not in conj:
            # "KOL-" + "genombrottet" keeps a real hyphen; "sam-" + "verkan" -> "samverkan"
            real = m.group(1).isupper() or m.group(1).isdigit()
            text = text + nxt if real else text[:-1] + nxt
        else:
            text = text + " " + nxt
    return text


def _merge_across_pages(blocks: list[Block]) -> list[Block]:
    """A paragraph that runs over a page break becomes one block (kept on its first page)."""
    out: list[Block] = []
    for b in blocks:
        if (
            out
            and out[-1].page is not None
            and b.page == out[-1].page + 1
            and _continues(out[-1].text, b.text)
            and _is_first_on_page(b, blocks)
        ):
            prev = out[-1]
            out[-1] = Block(_join_text(prev.text, b.text), page=prev.page, kind=prev.kind)
            continue
        out.append(b)
    return out


def _continues(prev: str, nxt: str) -> bool:
    prev = prev.rstrip()
    return bool(prev) and prev[-1] not in '.!?:;…"”' and nxt[:1].islower()


def _is_first_on_page(b: Block, blocks: list[Block]) -> bool:
    return next(x for x in blocks if x.page == b.page) is b


def _join_text(a: str, b: str) -> str:
    m = re.search(r"(\w)-$", a)
    if m and not (m.group(1).isupper() or m.group(1).isdigit()):
        return a[:-1] + b
    if m:
        return a + b
    return a + " " + b
