"""DOCX and ODT: zip containers of XML, checked first, then read as a stream.

Guards run before any parser sees a byte: member count, total uncompressed size and
compression ratio (zip bombs; for deflate, zipfile never inflates a member past its
declared size, and other methods are refused), and a DTD ban on every XML member (XXE
and entity expansion; a real Office file never carries a DTD), scanned in chunks.

The text is then read by an lxml *target* parser fed from the zip member in chunks:
no tree is built, only the text of the paragraph at hand is kept, and reading stops
as soon as the text passes ``Limits.max_text_chars``. Memory stays bounded whatever
the XML holds (a 57 MB .docx can unpack to a 399 MB document.xml under every zip
limit), and the time to refuse such a file is the time to read up to the limit. The
parser itself resolves no entities, loads no DTD and opens no network, as a second line.
"""

from __future__ import annotations

import codecs
import posixpath
import re
import zipfile
import zlib
from io import BytesIO
from typing import Any

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block
from coatlas.ingest.limits import Limits

_XML_MEMBER = re.compile(r"\.(xml|rels)$|^mimetype$", re.I)
_CHUNK = 1 << 20  # bytes read from a member at a time
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError, zlib.error)


def check_zip(data: bytes, name: str, limits: Limits) -> zipfile.ZipFile:
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise IngestError(name, "corrupt", f"bad zip container: {e}") from None
    if len(infos) > limits.max_zip_members:
        raise IngestError(name, "too-large", f"{len(infos)} zip members")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise IngestError(name, "encrypted", "encrypted zip member")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            # zipfile caps inflated output per read only for deflate; Office writes nothing else
            raise IngestError(
                name, "unsafe", f"member {info.filename} uses compression {info.compress_type}"
            )
        total += info.file_size
        if total > limits.max_unzipped_bytes:
            raise IngestError(
                name,
                "too-large",
                f"unpacks to more than {limits.max_unzipped_bytes // 2**20} MB (zip bomb?)",
            )
        if info.file_size > 2**20 and info.file_size > limits.max_zip_ratio * max(
            info.compress_size, 1
        ):
            raise IngestError(
                name,
                "too-large",
                f"member {info.filename} compresses {info.file_size // max(info.compress_size, 1)}:1 (zip bomb?)",
            )
    for info in infos:
        if _XML_MEMBER.search(info.filename) and info.filename != "mimetype":
            _check_xml(zf, info, name)
    return zf


def _chunks(zf: zipfile.ZipFile, info: zipfile.ZipInfo | str, name: str):
    """A member's bytes, ``_CHUNK`` at a time; a broken member is one ``corrupt`` line."""
    member = info.filename if isinstance(info, zipfile.ZipInfo) else info
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk
    except KeyError:
        raise IngestError(name, "corrupt", f"no member {member}") from None
    except _ZIP_ERRORS as e:
        raise IngestError(name, "corrupt", f"member {member}: {e}") from None


def _check_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Reject any DTD: stricter than defusedxml's entity checks; a byte scan, not a parse.

    Streamed in chunks (with an overlap for a marker split between two of them), so a
    huge member costs time, never memory.
    """
    decoder = None
    tail = b""
    first = True
    for chunk in _chunks(zf, info, name):
        if first:
            first = False
            if chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:64]:
                # UTF-16 XML would hide "<!DOCTYPE" from a byte scan
                decoder = codecs.getincrementaldecoder("utf-16")()
        if decoder is not None:
            try:
                chunk = decoder.decode(chunk).encode("utf-8")
            except UnicodeDecodeError:
                raise IngestError(
                    name, "corrupt", f"member {info.filename}: undecodable XML"
                ) from None
        low = tail + chunk.lower()
        if b"<!doctype" in low or b"<!entity" in low:
            raise IngestError(
                name,
                "unsafe",
                f"member {info.filename} declares a DTD/entities (XXE or entity expansion)",
            )
        tail = low[-16:]


class _TooLong(Exception):
    """Raised from inside the parser when the text passes a limit (the message says which)."""


def _parser(target: Any) -> Any:
    from lxml import etree

    return etree.XMLParser(
        target=target, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def _stream(zf: zipfile.ZipFile, member: str, target: Any, name: str, what: str):
    """Feed ``member`` to ``target`` chunk by chunk; stop at the first limit passed."""
    from lxml import etree

    parser = _parser(target)
    try:
        for chunk in _chunks(zf, member, name):
            parser.feed(chunk)
        return parser.close()
    except _TooLong as e:
        raise IngestError(name, "too-large", f"{e} (stopped reading)") from None
    except etree.XMLSyntaxError as e:
        raise IngestError(
            name, "corrupt", f"unreadable {what}: XMLSyntaxError: {str(e)[:80]}"
        ) from None


def _small_xml(zf: zipfile.ZipFile, member: str, max_bytes: int = 2**20) -> Any | None:
    """A small member (relationships, properties) as a tree, or None if absent/too big/broken."""
    from lxml import etree

    try:
        info = zf.getinfo(member)
        if info.file_size > max_bytes:
            return None
        raw = zf.read(info)
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        return etree.fromstring(raw, parser)
    except (KeyError, etree.XMLSyntaxError, *_ZIP_ERRORS):
        return None


class _Counter:
    """What a document has given so far, against the limits: characters and blocks."""

    __slots__ = ("chars", "blocks", "limits")

    def __init__(self, limits: Limits) -> None:
        self.chars = self.blocks = 0
        self.limits = limits

    def block(self, sink: list[Block], block: Block) -> None:
        self.blocks += 1
        if self.blocks > self.limits.max_paragraphs:
            raise _TooLong(f"more than {self.limits.max_paragraphs} paragraphs")
        sink.append(block)


class _Text:
    """A paragraph's text as it streams in, counted against the document's limit."""

    __slots__ = ("parts", "counter")

    def __init__(self, counter: _Counter) -> None:
        self.parts: list[str] = []
        self.counter = counter

    def add(self, s: str) -> None:
        c = self.counter
        c.chars += len(s)
        if c.chars > c.limits.max_text_chars:
            raise _TooLong(f"more than {c.limits.max_text_chars} characters of text")
        parts = self.parts
        parts.append(s)
        if len(parts) > 4096:  # thousands of tiny runs: keep one string, not a list of them
            parts[:] = ["".join(parts)]

    def value(self) -> str:
        return "".join(self.parts)


# --- DOCX ----------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
# Never text: deleted revisions and field codes (a text box inside is still emitted apart);
# properties hold neither text nor boxes, so they are skipped whole.
_W_SKIP = {_W + t for t in ("del", "delText", "instrText")}
_W_PROPS = {_W + "pPr", _W + "rPr"}
_W_WRAPPERS = {_W + t for t in ("sdt", "sdtContent", "customXml")}  # content controls
_W_CHARS = {
    _W + "tab": "\t",
    _W + "ptab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
}

# the tags the reader compares against, built once (the parser calls it per element)
_W_P, _W_R, _W_T, _W_TBL, _W_TR, _W_TC = (_W + t for t in ("p", "r", "t", "tbl", "tr", "tc"))
_W_PPR, _W_PSTYLE, _W_VAL, _W_BODY = (_W + t for t in ("pPr", "pStyle", "val", "body"))
_W_TXBX = _W + "txbxContent"

# frame kinds of the DOCX reader
_ROOT, _CONTAINER, _PARA, _INLINE, _T, _PPR, _TABLE, _ROW, _CELL = range(9)


class _Para:
    __slots__ = ("text", "sink", "boxes", "style", "in_cell", "cell", "ppr_seen", "frames")

    def __init__(self, counter: _Counter, sink: Any, cell: Any = None) -> None:
        self.text = _Text(counter)
        self.sink = sink  # where the block goes (a list of blocks)
        self.boxes: list[Block] = []  # text boxes anchored here: their blocks follow it
        self.style: str | None = None
        self.in_cell = cell is not None
        self.cell = cell
        self.ppr_seen = False
        self.frames: dict[tuple[int, bool, bool], _Frame] = {}

    def frame(self, kind: int, skip: bool, fallback: bool) -> _Frame:
        """The inline frame of this paragraph for a context: frames hold no state of
        their own, so every run, field or w:t in the same context shares one."""
        key = (kind, skip, fallback)
        f = self.frames.get(key)
        if f is None:
            f = self.frames[key] = _Frame(kind, para=self, skip=skip, fallback=fallback)
        return f


_NONE: list[str] = []  # never appended to: frames that keep no texts share it


class _Frame:
    """One open element the reader cares about (ignored subtrees are only counted)."""

    __slots__ = ("kind", "sink", "para", "skip", "fallback", "parts", "cells", "owner")

    def __init__(
        self,
        kind: int,
        *,
        sink: Any = None,
        para: _Para | None = None,
        skip: bool = False,
        fallback: bool = False,
        owner: Any = None,
    ) -> None:
        self.kind = kind
        self.sink = sink
        self.para = para
        self.skip = skip
        self.fallback = fallback
        self.owner = owner  # a row's table frame, a cell's row frame, a table's cell frame
        # a cell's paragraph texts, a row's cell texts (only those frames use them)
        self.parts: list[str] = [] if kind in (_CELL, _O_CELL) else _NONE
        self.cells: list[str] = [] if kind in (_ROW, _O_ROW) else _NONE


class _DocxReader:
    """lxml parser target for word/document.xml: body paragraphs and table rows as blocks.

    Paragraph text comes from w:t, tabs, breaks and non-breaking hyphens, inserted
    revisions (w:ins), smart tags, fields and content controls included; deleted text,
    field codes and properties left out. Text boxes anchored in a paragraph follow it
    as their own paragraphs (not their VML fallback copy). Tables give one block per row,
    cells joined by " | "; a nested table's rows join its cell's text.
    """

    def __init__(self, limits: Limits) -> None:
        self.blocks: list[Block] = []
        self.stack: list[_Frame] = []
        self.ignore = 0  # depth inside a subtree that gives no text
        self.counter = _Counter(limits)
        self.body_seen = False

    def start(self, tag: str, attrib: Any) -> None:
        if self.ignore:
            self.ignore += 1
            return
        st = self.stack
        if not st:
            st.append(_Frame(_ROOT))
            return
        top = st[-1]
        k = top.kind
        if k in (_INLINE, _PARA):
            para = top.para
            assert para is not None
            if tag == _W_R:  # the commonest element: a run
                st.append(para.frame(_INLINE, top.skip, top.fallback))
            elif tag == _W_T:
                st.append(para.frame(_T, top.skip, False))
            elif tag == _W_PPR and k == _PARA and not para.ppr_seen:
                para.ppr_seen = True
                st.append(_Frame(_PPR, para=para))
            elif tag in _W_PROPS:
                self.ignore = 1
            elif tag in _W_CHARS:
                if not top.skip:
                    para.text.add(_W_CHARS[tag])
                self.ignore = 1
            elif tag == _W_TXBX:
                if top.fallback or para.in_cell:
                    self.ignore = 1
                else:
                    st.append(_Frame(_CONTAINER, sink=para.boxes))
            elif tag == _MC_FALLBACK:
                st.append(para.frame(_INLINE, True, True))
            elif tag in _W_SKIP:
                st.append(para.frame(_INLINE, True, top.fallback))
            else:
                st.append(para.frame(_INLINE, top.skip, top.fallback))
        elif k == _CONTAINER:
            if tag == _W_P:
                st.append(_Frame(_PARA, para=_Para(self.counter, top.sink)))
            elif tag == _W_TBL:
                st.append(_Frame(_TABLE, sink=top.sink))
            elif tag in _W_WRAPPERS:
                st.append(_Frame(_CONTAINER, sink=top.sink))
            else:
                self.ignore = 1
        elif k == _TABLE:
            if tag == _W_TR:
                st.append(_Frame(_ROW, owner=top))
            else:
                self.ignore = 1
        elif k == _ROW:
            if tag == _W_TC:
                st.append(_Frame(_CELL, owner=top))
            else:
                self.ignore = 1
        elif k == _CELL:
            if tag == _W_P:
                st.append(_Frame(_PARA, para=_Para(self.counter, None, cell=top)))
            elif tag == _W_TBL:
                st.append(_Frame(_TABLE, owner=top))
            else:
                self.ignore = 1
        elif k == _ROOT:
            if tag == _W_BODY and not self.body_seen:
                self.body_seen = True
                st.append(_Frame(_CONTAINER, sink=self.blocks))
            else:
                self.ignore = 1
        else:  # _PPR, _T: only the paragraph style inside, nothing below a w:t
            if k == _PPR and tag == _W_PSTYLE and top.para and top.para.style is None:
                top.para.style = attrib.get(_W_VAL) or ""
            self.ignore = 1

    def end(self, tag: str) -> None:
        if self.ignore:
            self.ignore -= 1
            return
        f = self.stack.pop()
        k = f.kind
        if k in (_INLINE, _T):  # most ends: nothing to do
            return
        if k == _PARA:
            p = f.para
            assert p is not None
            text = p.text.value()
            if p.in_cell:
                t = text.strip()
                if t:
                    p.cell.parts.append(t)
                return
            if text.strip():
                self.counter.block(p.sink, Block(text, kind=_docx_kind(p.style or "")))
            p.sink.extend(p.boxes)
        elif k == _CELL:
            t = " ".join(f.parts).replace("\n", " ").strip()
            if t:
                f.owner.cells.append(t)
        elif k == _ROW and f.cells:
            row = " | ".join(f.cells)
            table = f.owner
            if table.owner is None:  # a table in the body (or a text box)
                self.counter.block(table.sink, Block(row, kind="row"))
            else:  # a table nested in a cell: its rows are that cell's text
                table.owner.parts.append(row)

    def data(self, text: str) -> None:
        if self.ignore or not self.stack:
            return
        top = self.stack[-1]
        if top.kind == _T and not top.skip:
            assert top.para is not None
            top.para.text.add(text)

    def close(self) -> list[Block]:
        return self.blocks


def _docx_kind(style: str) -> str:
    low = style.lower()
    if low.startswith(("heading", "rubrik", "title")):
        return "h"
    return "li" if "list" in low else "p"


def _package_parts(zf: zipfile.ZipFile) -> tuple[str, str]:
    """(main document, core properties) members, from the package relationships."""
    main, core = "word/document.xml", "docProps/core.xml"
    rels = _small_xml(zf, "_rels/.rels")
    if rels is not None:
        for rel in rels.iter(_REL):
            kind, target = rel.get("Type") or "", rel.get("Target") or ""
            if rel.get("TargetMode") == "External" or not target:
                continue
            member = posixpath.normpath(target.lstrip("/"))
            if kind.endswith("/officeDocument") and member in zf.NameToInfo:
                main = member
            elif kind.endswith("/core-properties") and member in zf.NameToInfo:
                core = member
    return main, core


def docx_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    """Body paragraphs and table rows in document order (headers/footers/notes left out)."""
    zf = check_zip(data, name, limits)
    main, core = _package_parts(zf)
    if main not in zf.NameToInfo:
        raise IngestError(name, "corrupt", f"unreadable DOCX: no main document part {main}")
    blocks = _stream(zf, main, _DocxReader(limits), name, "DOCX")
    props = _small_xml(zf, core)
    title_el = props.find(_DC_TITLE) if props is not None else None
    title = ((title_el.text if title_el is not None else "") or "").strip() or None
    return blocks, title


# --- ODT -----------------------------------------------------------------------

_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE_NS = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_ODF_SKIP = {"note", "annotation", "tracked-changes", "bookmark-ref-start"}  # any namespace
_ODF_NOT_TEXT = {_TEXT + t for t in ("tracked-changes", "sequence-decls", "variable-decls")}
_ODF_CHARS = {_TEXT + "tab": "\t", _TEXT + "line-break": "\n"}

# frame kinds of the ODT reader
_O_ROOT, _O_BODY, _O_CONTAINER, _O_PARA, _O_INLINE, _O_TABLE, _O_ROW, _O_CELL = range(10, 18)


class _OdtReader:
    """lxml parser target for content.xml's office:text: headings, paragraphs, table rows.

    Paragraph text is every text node inside it, footnote bodies, comments and tracked
    changes left out, ``text:s`` as its count of spaces. A table gives one block per row
    (its cells' paragraphs, at any depth, joined by " "; cells joined by " | ").
    """

    def __init__(self, limits: Limits) -> None:
        self.blocks: list[Block] = []
        self.stack: list[_Frame] = []
        self.ignore = 0
        self.counter = _Counter(limits)
        self.text_seen = False

    def start(self, tag: str, attrib: Any) -> None:
        if self.ignore:
            self.ignore += 1
            return
        st = self.stack
        if not st:
            st.append(_Frame(_O_ROOT))
            return
        top = st[-1]
        k = top.kind
        if k in (_O_PARA, _O_INLINE):
            para = top.para
            assert para is not None
            if tag.rpartition("}")[2] in _ODF_SKIP:
                self.ignore = 1
            elif tag == _TEXT + "s":
                c = attrib.get(_TEXT + "c")
                para.text.add(" " * (int(c) if c and str(c).isdigit() else 1))
                self.ignore = 1
            elif tag in _ODF_CHARS:
                para.text.add(_ODF_CHARS[tag])
                self.ignore = 1
            else:
                st.append(_Frame(_O_INLINE, para=para))
        elif k == _O_CONTAINER:
            if tag == _TEXT + "h" or tag == _TEXT + "p":
                para = _Para(self.counter, top.sink)
                para.style = "h" if tag == _TEXT + "h" else "p"
                st.append(_Frame(_O_PARA, para=para))
            elif tag == _TABLE_NS + "table":
                st.append(_Frame(_O_TABLE, sink=top.sink))
            elif tag in _ODF_NOT_TEXT:
                self.ignore = 1
            else:
                st.append(_Frame(_O_CONTAINER, sink=top.sink))  # lists, sections, frames …
        elif k == _O_TABLE:  # rows at any depth (header rows, row groups), not in a row
            if tag == _TABLE_NS + "table-row":
                st.append(_Frame(_O_ROW, owner=top))
            else:
                st.append(_Frame(_O_TABLE, sink=top.sink))
        elif k == _O_ROW:
            if tag == _TABLE_NS + "table-cell":
                st.append(_Frame(_O_CELL, owner=top))
            else:
                self.ignore = 1
        elif k == _O_CELL:  # the cell's paragraphs at any depth, each as one text
            if tag == _TEXT + "p":
                st.append(_Frame(_O_PARA, para=_Para(self.counter, None, cell=top)))
            else:
                frame = _Frame(_O_CELL, owner=top.owner)
                frame.parts = top.parts  # the same cell, one level down
                st.append(frame)
        elif k == _O_ROOT:
            if tag == _OFFICE + "body":
                st.append(_Frame(_O_BODY))
            else:
                self.ignore = 1
        elif k == _O_BODY:
            if tag == _OFFICE + "text" and not self.text_seen:
                self.text_seen = True
                st.append(_Frame(_O_CONTAINER, sink=self.blocks))
            else:
                self.ignore = 1

    def end(self, tag: str) -> None:
        if self.ignore:
            self.ignore -= 1
            return
        f = self.stack.pop()
        k = f.kind
        if k == _O_PARA:
            p = f.para
            assert p is not None
            text = p.text.value()
            if p.in_cell:
                p.cell.parts.append(text)
            elif text.strip():
                self.counter.block(p.sink, Block(text, kind=p.style or "p"))
        elif k == _O_CELL and f.owner is not None and self.stack[-1].kind == _O_ROW:
            t = " ".join(f.parts).strip()
            if t:
                f.owner.cells.append(t)
        elif k == _O_ROW and f.cells:
            self.counter.block(f.owner.sink, Block(" | ".join(f.cells), kind="row"))

    def data(self, text: str) -> None:
        if self.ignore or not self.stack:
            return
        top = self.stack[-1]
        if top.kind == _O_PARA or top.kind == _O_INLINE:
            assert top.para is not None
            top.para.text.add(text)

    def close(self) -> list[Block]:
        return self.blocks


def _contains(zf: zipfile.ZipFile, member: str, needle: bytes, name: str) -> bool:
    if member not in zf.NameToInfo:
        return False
    tail = b""
    for chunk in _chunks(zf, member, name):
        if needle in tail + chunk:
            return True
        tail = chunk[-len(needle) :]
    return False


def odt_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    zf = check_zip(data, name, limits)
    if _contains(zf, "META-INF/manifest.xml", b"encryption-data", name):
        raise IngestError(name, "encrypted", "password-protected OpenDocument file")
    if "content.xml" not in zf.NameToInfo:
        raise IngestError(name, "corrupt", "unreadable ODT: no content.xml")
    blocks = _stream(zf, "content.xml", _OdtReader(limits), name, "ODT")
    meta = _small_xml(zf, "meta.xml")
    title_el = meta.find(f".//{_DC_TITLE}") if meta is not None else None
    title = "".join(title_el.itertext()).strip() if title_el is not None else ""
    return blocks, title or None
