"""DOCX and ODT: zip containers of XML, read only after they pass safety checks.

Guards run before python-docx / odfpy see a byte: member count, total
uncompressed size and compression ratio (zip bombs), and a DTD ban on every XML
member (XXE and entity expansion; a real Office file never carries a DTD).
python-docx parses with lxml ``resolve_entities=False`` and odfpy with
expat/SAX, so the ban is what actually keeps entity tricks out.
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
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        raw = zf.read(info)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as e:
        raise IngestError(name, "corrupt", f"member {info.filename}: {e}") from None
    head = raw[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in raw.lower():
        raise IngestError(
            name,
            "unsafe",
            f"member {info.filename} declares a DTD/entities (XXE or entity expansion)",
        )
    try:
        fromstring(raw, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as e:
        raise IngestError(name, "unsafe", f"member {info.filename}: {type(e).__name__}") from None
    except Exception as e:  # noqa: BLE001 - ParseError and friends
        raise IngestError(
            name, "corrupt", f"member {info.filename} is not well-formed XML: {str(e)[:80]}"
        ) from None


# --- DOCX ----------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def docx_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    check_zip(data, name, limits)
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        d = docx.Document(BytesIO(data))
    except IngestError:
        raise
    except Exception as e:  # noqa: BLE001 - python-docx raises many types on bad input
        raise IngestError(
            name, "corrupt", f"unreadable DOCX: {type(e).__name__}: {str(e)[:80]}"
        ) from None
    blocks: list[Block] = []
    body = d.element.body
    for child in body.iterchildren():
        if child.tag == _W + "p":
            _docx_para(Paragraph(child, d), blocks)
        elif child.tag == _W + "tbl":
            _docx_table(Table(child, d), blocks)
        elif child.tag == _W + "sdt":  # content controls wrap ordinary paragraphs
            for p in child.iter(_W + "p"):
                _docx_para(Paragraph(p, d), blocks)
    title = (d.core_properties.title or "").strip() or None
    return blocks, title


def _docx_para(p, blocks: list[Block]) -> None:
    text = p.text
    if not text.strip():
        return
    style = (p.style.name if p.style is not None else "") or ""
    kind = (
        "h"
        if style.lower().startswith(("heading", "rubrik", "title"))
        else ("li" if "list" in style.lower() else "p")
    )
    blocks.append(Block(text, kind=kind))


def _docx_table(table, blocks: list[Block]) -> None:
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # merged cells repeat the same element
                continue
            seen.add(id(cell._tc))
            t = "\n".join(p.text for p in cell.paragraphs if p.text.strip()).strip()
            for sub in cell.tables:
                t += "\n" + "\n".join(" | ".join(c.text for c in r.cells) for r in sub.rows)
            if t:
                cells.append(t.replace("\n", " "))
        if cells:
            blocks.append(Block(" | ".join(cells), kind="row"))


# --- ODT -----------------------------------------------------------------------


def odt_blocks(data: bytes, name: str, limits: Limits) -> tuple[list[Block], str | None]:
    check_zip(data, name, limits)
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
                t = teletype.extractText(ch)
                if t.strip():
                    blocks.append(Block(t, kind="h"))
            elif qn == (TEXTNS, "p"):
                t = teletype.extractText(ch)
                if t.strip():
                    blocks.append(Block(t))
            elif qn == (TABLENS, "table"):
                for row in _iter_q(ch, (TABLENS, "table-row")):
                    cells = []
                    for cell in row.childNodes:
                        if getattr(cell, "qname", None) == (TABLENS, "table-cell"):
                            t = " ".join(
                                teletype.extractText(p) for p in _iter_q(cell, (TEXTNS, "p"))
                            ).strip()
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


def _iter_q(node, qn):
    for ch in node.childNodes:
        if getattr(ch, "qname", None) == qn:
            yield ch
        else:
            yield from _iter_q(ch, qn)
