"""The intermediate every format reader returns, and the one place text is normalised.

Readers know structure (pages, headings, table rows); this module alone decides
how the canonical text looks, so every format follows the same whitespace rules:
NFC, ``\\n`` line ends, single spaces, paragraphs separated by one blank line.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from coatlas.document import Page, Span

# Unicode spaces -> " "; invisible characters dropped (soft hyphen, zero width, BOM).
_SPACES = re.compile(r"[\t\x0b\x0c\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u00ad\u200b-\u200d\u2060\ufeff]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_RUN = re.compile(r" {2,}")
# Typographic ligatures PDF text layers often carry; NFC keeps them, quotes must not.
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
)
_BULLET_LINE = re.compile(r"(?:[-–—•*·▪]|\d{1,3}[.)])\s")
_LABEL_LINE = re.compile(r"[^\W\d_][\w .'’-]{0,40}?(?:\s*\([^)\n]{1,20}\))?\s*:\s")


@dataclass(slots=True)
class Block:
    """One paragraph-like unit of a document; ``text`` may hold line breaks."""

    text: str
    page: int | None = None
    kind: str = "p"  # p, h (heading), li (list item), row (table row)


def normalise(text: str) -> str:
    """Canonical form of a piece of text (lines kept, spaces collapsed)."""
    text = unicodedata.normalize("NFC", text).translate(_LIGATURES)
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    text = _CONTROL.sub("", text)
    text = _RUN.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n"))


def assemble(blocks: list[Block]) -> tuple[str, list[Span], list[Page]]:
    """Join blocks into the canonical text; return (text, paragraph spans, page spans)."""
    parts: list[str] = []
    paras: list[Span] = []
    page_bounds: dict[int, list[int]] = {}
    pos = 0
    for b in blocks:
        t = normalise(b.text)
        # a blank line inside a block separates paragraphs like everywhere else
        for chunk in re.split(r"\n{2,}", t.strip("\n")):
            chunk = chunk.strip()
            if not chunk:
                continue
            if parts:
                parts.append("\n\n")
                pos += 2
            start = pos
            parts.append(chunk)
            pos += len(chunk)
            paras.extend(_sub_paragraphs(chunk, start))
            if b.page is not None:
                bounds = page_bounds.setdefault(b.page, [start, pos])
                bounds[1] = pos
    text = "".join(parts)
    pages = [Page(n, s, e) for n, (s, e) in sorted(page_bounds.items())]
    return text, paras, pages


def _sub_paragraphs(chunk: str, offset: int) -> list[Span]:
    """Lines that start a list item or a speaker label are paragraphs of their own."""
    if "\n" not in chunk:
        return [Span(offset, offset + len(chunk))]
    spans: list[Span] = []
    start = 0
    pos = 0
    for i, line in enumerate(chunk.split("\n")):
        if i and (_BULLET_LINE.match(line) or _LABEL_LINE.match(line)):
            spans.append(Span(offset + start, offset + pos - 1))
            start = pos
        pos += len(line) + 1
    spans.append(Span(offset + start, offset + len(chunk)))
    return spans
