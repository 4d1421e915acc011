"""Plain text, Markdown and RTF: bytes -> decoded text -> blocks."""

from __future__ import annotations

import codecs
import re

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Encodings charset-normalizer may name for Western European text; Swedish text
# in any of them is best read as cp1252 (a superset of latin-1's printables).
_WESTERN = {
    "cp1252",
    "latin_1",
    "iso8859_15",
    "iso8859_1",
    "cp1250",
    "iso8859_2",
    "mac_roman",
    "cp850",
    "iso8859_9",
    "cp1254",
    "iso8859_10",
    "iso8859_4",
    "cp1257",
    "iso8859_13",
}


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes; return (text, encoding). Binary content raises unsupported-type."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(enc), enc + "-bom"
            except UnicodeDecodeError as e:
                raise IngestError(
                    name, "corrupt", f"invalid {enc} after byte-order mark at byte {e.start}"
                ) from None
    head = data[:8192]
    if head and head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM: every other byte is zero for Latin text
        even, odd = head[0::2].count(0), head[1::2].count(0)
        enc = "utf-16-le" if odd > even else "utf-16-be"
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            raise IngestError(name, "unsupported-type", "binary content, not text") from None
        if _looks_binary(text):
            raise IngestError(name, "unsupported-type", "binary content, not text")
        return text, enc
    if b"\x00" in head:
        raise IngestError(name, "unsupported-type", "binary content, not text")
    try:
        text = data.decode("utf-8")
        enc = "utf-8"
    except UnicodeDecodeError:
        text, enc = _guess(data, name)
    if _looks_binary(text):
        raise IngestError(name, "unsupported-type", "binary content, not text")
    return text, enc


def _guess(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    enc = best.encoding if best is not None else "cp1252"
    if enc in _WESTERN or best is None:
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1"
    try:
        return data.decode(enc), enc
    except (UnicodeDecodeError, LookupError):
        raise IngestError(name, "unsupported-type", "undecodable bytes, not text") from None


def _looks_binary(text: str) -> bool:
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(
        1
        for c in sample
        if (ord(c) < 32 and c not in "\t\n\r\f\v")
        or ord(c) >= 0xFFF0
        or 0xE000 <= ord(c) <= 0xF8FF
        or c == "\ufffd"
    )
    return bad / len(sample) > 0.02


def text_blocks(text: str) -> list[Block]:
    """Blank-line separated paragraphs; single line breaks stay inside a block."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [Block(chunk) for chunk in re.split(r"\n\s*\n", text) if chunk.strip()]


# --- Markdown -----------------------------------------------------------------

_TAG = re.compile(r"<[^>]{0,500}>")


def markdown_blocks(text: str) -> tuple[list[Block], str | None]:
    """Markdown -> blocks of prose (markup dropped, heading text kept); also the first heading."""
    from markdown_it import MarkdownIt

    text = _strip_front_matter(text)
    md = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = md.parse(text)
    blocks: list[Block] = []
    title: str | None = None
    kind = "p"
    row: list[str] = []
    in_cell = False
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            kind = "h"
        elif t == "bullet_list_open" or t == "ordered_list_open":
            pass
        elif t == "list_item_open":
            kind = "li"
        elif t == "tr_open":
            row = []
        elif t in ("th_open", "td_open"):
            in_cell = True
        elif t in ("th_close", "td_close"):
            in_cell = False
        elif t == "tr_close":
            cells = [c for c in row if c]
            if cells:
                blocks.append(Block(" | ".join(cells), kind="row"))
        elif t == "inline":
            s = _inline_text(tok)
            if in_cell:
                row.append(s.replace("\n", " ").strip())
                continue
            if s.strip():
                blocks.append(Block(s, kind=kind))
                if kind == "h" and title is None:
                    title = s.strip()
            if kind == "h":
                kind = "p"
        elif t in ("fence", "code_block"):
            if tok.content.strip():
                blocks.append(Block(tok.content))
        elif t == "html_block":
            s = _TAG.sub(" ", re.sub(r"<!--.*?-->", " ", tok.content, flags=re.S))
            if s.strip():
                blocks.append(Block(s))
        elif t == "list_item_close":
            kind = "p"
    return blocks, title


def _inline_text(tok) -> str:
    out: list[str] = []
    for ch in tok.children or []:
        if ch.type in ("text", "code_inline"):
            out.append(ch.content)
        elif ch.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif ch.type == "image":
            alt = "".join(c.content for c in ch.children or [])
            if alt:
                out.append(alt)
        elif ch.type == "html_inline" and ch.content.lower().startswith("<br"):
            out.append("\n")
    return "".join(out)


def _strip_front_matter(text: str) -> str:
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if 0 < end < 5000 and re.match(r"---\n(?:[\w-]+:.*\n)+", text[: end + 1]):
            return text[end + 5 :]
    return text


# --- RTF -----------------------------------------------------------------------


def rtf_text(data: bytes, name: str) -> str:
    from striprtf.striprtf import rtf_to_text

    raw = data.decode("cp1252", errors="replace")
    try:
        return rtf_to_text(raw, errors="replace")
    except Exception as e:  # noqa: BLE001 - striprtf raises plain exceptions on bad input
        raise IngestError(name, "corrupt", f"unreadable RTF: {type(e).__name__}") from None
