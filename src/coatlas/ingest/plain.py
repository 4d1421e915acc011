"""Plain text, Markdown and RTF: bytes -> decoded text -> blocks."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

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


@dataclass
class Decoded:
    """Text bytes decoded: the text, the encoding, and what had to be repaired.

    ``warnings``: ``{"kind", "count", "message"}`` dicts, e.g. ``replaced-bytes`` (bytes
    that were not valid in the encoding, each now U+FFFD) or ``nul-bytes`` (dropped).
    """

    text: str
    encoding: str
    warnings: list[dict[str, Any]] = field(default_factory=list)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes; return (text, encoding). Binary content raises unsupported-type."""
    d = decode_text(data, name)
    return d.text, d.encoding


def decode_text(data: bytes, name: str) -> Decoded:
    """Decode text bytes, repairing what can be repaired and saying so in ``warnings``.

    - A byte-order mark decides. Otherwise UTF-16 without a BOM is recognised by its zeros.
    - Stray NUL bytes (a few, in otherwise plain text) are dropped with a warning; many
      are binary content.
    - UTF-8 wins when the bytes are valid UTF-8, or when they hold at least as many valid
      multi-byte UTF-8 characters as invalid bytes: one bad byte in a UTF-8 transcript
      becomes one U+FFFD (warned), not a reason to read the whole file as another code page.
    - Otherwise the text is a legacy 8-bit encoding: cp1252 (Windows Western, a superset of
      ISO-8859-1's printables) whenever that reads as Western or Nordic text, since encoding
      detectors guess wildly on short Swedish text; the detector only for text that cp1252
      would turn into runs of accented letters (Cyrillic, Greek, CJK …).
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return _decode_bom(data[len(bom) :], enc, name)
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
        return Decoded(text, enc)
    warnings: list[dict[str, Any]] = []
    nuls = data.count(b"\x00")
    if nuls:
        if nuls > max(8, len(data) // 20):
            raise IngestError(name, "unsupported-type", "binary content, not text")
        data = data.replace(b"\x00", b"")
        warnings.append(_warning("nul-bytes", nuls, "NUL byte{s} dropped"))
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc, bad = _utf8_or_legacy(data, name)
        if bad:
            warnings.append(
                _warning("replaced-bytes", bad, "byte{s} not valid UTF-8, replaced with U+FFFD")
            )
    if _looks_binary(text):
        raise IngestError(name, "unsupported-type", "binary content, not text")
    return Decoded(text, enc, warnings)


def _warning(kind: str, count: int, what: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "count": count,
        "message": f"{count} " + what.format(s="" if count == 1 else "s"),
    }


def _decode_bom(body: bytes, enc: str, name: str) -> Decoded:
    try:
        return Decoded(body.decode(enc), enc + "-bom")
    except UnicodeDecodeError:
        pass
    # repair a few bad bytes (one U+FFFD each); more than that is a corrupt file
    parts: list[str] = []
    pos = bad = 0
    while True:
        try:
            parts.append(body[pos:].decode(enc))
            break
        except UnicodeDecodeError as e:
            parts.append(body[pos : pos + e.start].decode(enc))
            n = e.end - e.start
            bad += n
            parts.append("\ufffd" * n)
            pos += e.end
            if bad > 100 and bad * 50 > len(body):
                raise IngestError(
                    name, "corrupt", f"invalid {enc} after byte-order mark at byte {e.start}"
                ) from None
    text = "".join(parts)
    return Decoded(
        text,
        enc + "-bom",
        [
            _warning(
                "replaced-bytes", bad, f"byte{{s}} not valid {enc.upper()}, replaced with U+FFFD"
            )
        ],
    )


_ESCAPED = re.compile("[\udc80-\udcff]")
_HIGH = bytes(range(128, 256))


def _utf8_or_legacy(data: bytes, name: str) -> tuple[str, str, int]:
    """(text, encoding, bytes replaced) for bytes that are not valid UTF-8."""
    escaped = data.decode("utf-8", "surrogateescape")  # each invalid byte -> U+DC80..U+DCFF
    bad = len(_ESCAPED.findall(escaped))
    ascii_bytes = len(data.translate(None, _HIGH))
    valid_multibyte = len(escaped) - ascii_bytes - bad
    if valid_multibyte >= max(1, bad):
        return _ESCAPED.sub("\ufffd", escaped), "utf-8", bad
    text, enc = _legacy(data, name)
    return text, enc, 0


def _cp1252(data: bytes) -> str:
    """cp1252, with its five undefined bytes read as ISO-8859-1 (never a decode error)."""
    text = data.decode("cp1252", "surrogateescape")
    if _ESCAPED.search(text):
        text = _ESCAPED.sub(lambda m: chr(ord(m.group()) - 0xDC00), text)
    return text


def _western(text: str) -> bool:
    """Reads as Western or Nordic text: accented letters are a minority of the letters.

    Swedish has ~4 % å/ä/ö/é; a Cyrillic, Greek or CJK file read as cp1252 is nearly all
    accented Latin letters.
    """
    sample = text[:200_000]
    letters = sum(1 for c in sample if c.isalpha())
    accented = sum(1 for c in sample if c.isalpha() and ord(c) >= 0x80)
    return accented <= 0.35 * letters


def _legacy(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    text = _cp1252(data)
    if _western(text):
        return text, "cp1252"
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding in _WESTERN:
        return text, "cp1252"
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return text, "cp1252"


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
