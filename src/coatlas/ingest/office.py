"""DOCX and ODT: zip containers of XML, read only after they pass safety checks.

Guards run before python-docx / odfpy see a byte: member count, total
uncompressed size and compression ratio (zip bombs; for deflate, zipfile never
inflates a member past its declared size, and other methods are refused), and a
DTD ban on every XML member (XXE and entity expansion; a real Office file never
carries a DTD). Behind the guard, python-docx parses with lxml
``resolve_entities=False`` and odfpy with defusedxml's SAX parser (external
entities off), so each is a second line.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block
from coatlas.ingest.limits import Limits

_XML_MEMBER = re.compile(r"\.(xml|rels)$|^mimetype$", re.I)


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


def _check_xml(zf: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> None:
    """Reject any DTD: stricter than defusedxml's entity checks and a byte scan, not a parse."""
    try:
        raw = zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as e:
        raise IngestError(name, "corrupt", f"member {info.filename}: {e}") from None
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in raw[:64]:
        try:  # UTF-16 XML would hide "<!DOCTYPE" from a byte scan
            raw = raw.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise IngestError(name, "corrupt", f"member {info.filename}: undecodable XML") from None
    low = raw.lower()
    if b"<!doctype" in low or b"<!entity" in low:
        raise IngestError(
            name,
            "unsafe",
            f"member {info.filename} declares a DTD/entities (XXE or entity expansion)",
        )


# --- DOCX ----------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Never text: deleted revisions, field codes, properties; text boxes are emitted apart.
_SKIP = {_W + t for t in ("del", "delText", "instrText", "pPr", "rPr", "txbxContent")} | {
    _MC_FALLBACK
}


def docx_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    """Body paragraphs and table rows in document order (headers/footers/notes left out).

    Paragraph text is read from the XML rather than python-docx's ``Paragraph.text``,
    which skips inserted revisions (w:ins), smart tags, inline content controls and
    simple fields.
    """
    check_zip(data, name, limits)
    try:
        import docx

        d = docx.Document(BytesIO(data))
        body = d.element.body
        blocks: list[Block] = []
        _docx_container(body, blocks)
        title = (d.core_properties.title or "").strip() or None
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many types on bad input
        raise IngestError(
            name, "corrupt", f"unreadable DOCX: {type(e).__name__}: {str(e)[:80]}"
        ) from None
    return blocks, title


def _docx_container(el, blocks: list[Block]) -> None:
    for child in el.iterchildren():
        tag = child.tag
        if tag == _W + "p":
            _docx_para(child, blocks)
        elif tag == _W + "tbl":
            _docx_table(child, blocks)
        elif tag in (_W + "sdt", _W + "sdtContent", _W + "customXml"):
            _docx_container(child, blocks)  # content controls wrap ordinary content


def _run_text(el, out: list[str]) -> None:
    for ch in el.iterchildren():
        tag = ch.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == _W + "t":
            out.append(ch.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        else:
            _run_text(ch, out)


def _p_text(p) -> str:
    out: list[str] = []
    _run_text(p, out)
    return "".join(out)


def _docx_para(p, blocks: list[Block]) -> None:
    text = _p_text(p)
    if text.strip():
        ppr = p.find(_W + "pPr")
        style_el = ppr.find(_W + "pStyle") if ppr is not None else None
        style = (style_el.get(_W + "val") if style_el is not None else "") or ""
        low = style.lower()
        kind = (
            "h"
            if low.startswith(("heading", "rubrik", "title"))
            else ("li" if "list" in low else "p")
        )
        blocks.append(Block(text, kind=kind))
    # text boxes anchored in this paragraph: their own paragraphs, once (not the VML fallback)
    for box in p.iter(_W + "txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        _docx_container(box, blocks)


def _docx_table(tbl, blocks: list[Block]) -> None:
    """One block per row, cells joined by " | "; vertically merged continuation cells are empty."""
    for tr in tbl.iterchildren(_W + "tr"):
        cells: list[str] = []
        for tc in tr.iterchildren(_W + "tc"):
            parts: list[str] = []
            for child in tc.iterchildren():
                if child.tag == _W + "p":
                    t = _p_text(child).strip()
                    if t:
                        parts.append(t)
                elif child.tag == _W + "tbl":
                    sub: list[Block] = []
                    _docx_table(child, sub)
                    parts.extend(b.text for b in sub)
            t = " ".join(parts).replace("\n", " ").strip()
            if t:
                cells.append(t)
        if cells:
            blocks.append(Block(" | ".join(cells), kind="row"))


# --- ODT -----------------------------------------------------------------------


def odt_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    zf = check_zip(data, name, limits)
    try:
        manifest = zf.read("META-INF/manifest.xml")
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, RuntimeError):
        manifest = b""
    if b"encryption-data" in manifest:
        raise IngestError(name, "encrypted", "password-protected OpenDocument file")
    try:
        from odf import teletype
        from odf.namespaces import TABLENS, TEXTNS
        from odf.opendocument import load

        doc = load(BytesIO(data))
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001
        raise IngestError(
            name, "corrupt", f"unreadable ODT: {type(e).__name__}: {str(e)[:80]}"
        ) from None
    blocks: list[Block] = []

    def walk(node) -> None:
        for ch in node.childNodes:
            qn = getattr(ch, "qname", None)
            if qn is None:
                continue
            if qn == (TEXTNS, "h"):
                t = _odf_text(ch)
                if t.strip():
                    blocks.append(Block(t, kind="h"))
            elif qn == (TEXTNS, "p"):
                t = _odf_text(ch)
                if t.strip():
                    blocks.append(Block(t))
            elif qn == (TABLENS, "table"):
                for row in _iter_q(ch, (TABLENS, "table-row")):
                    cells = []
                    for cell in row.childNodes:
                        if getattr(cell, "qname", None) == (TABLENS, "table-cell"):
                            t = " ".join(_odf_text(p) for p in _iter_q(cell, (TEXTNS, "p"))).strip()
                            if t:
                                cells.append(t)
                    if cells:
                        blocks.append(Block(" | ".join(cells), kind="row"))
            elif qn in (
                (TEXTNS, "tracked-changes"),
                (TEXTNS, "sequence-decls"),
                (TEXTNS, "variable-decls"),
            ):
                continue
            else:
                walk(ch)

    walk(doc.text)
    title = None
    try:
        from odf import dc

        t = doc.meta.getElementsByType(dc.Title)
        if t:
            title = teletype.extractText(t[0]).strip() or None
    except Exception:  # noqa: BLE001 - metadata is optional
        title = None
    return blocks, title


_ODF_SKIP = {"note", "annotation", "tracked-changes", "bookmark-ref-start"}


def _odf_text(node) -> str:
    """Paragraph text without footnote bodies and comments (odfpy's teletype inlines them)."""
    from odf.namespaces import TEXTNS

    out: list[str] = []

    def walk(n) -> None:
        for ch in n.childNodes:
            if ch.nodeType == ch.TEXT_NODE:
                out.append(ch.data)
                continue
            qn = getattr(ch, "qname", None)
            if qn is None or qn[1] in _ODF_SKIP:
                continue
            if qn == (TEXTNS, "s"):
                c = ch.getAttrNS(TEXTNS, "c")
                out.append(" " * (int(c) if c and str(c).isdigit() else 1))
            elif qn == (TEXTNS, "tab"):
                out.append("\t")
            elif qn == (TEXTNS, "line-break"):
                out.append("\n")
            else:
                walk(ch)

    walk(node)
    return "".join(out)


def _iter_q(node, qn):
    for ch in node.childNodes:
        if getattr(ch, "qname", None) == qn:
            yield ch
        else:
            yield from _iter_q(ch, qn)
