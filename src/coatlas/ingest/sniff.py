"""What a file really is, from its bytes (the extension is only a hint)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

from coatlas.errors import IngestError

# Binary formats we do not read: magic -> name (for the error message).
_FOREIGN = [
    (b"\x89PNG", "png image"),
    (b"\xff\xd8\xff", "jpeg image"),
    (b"GIF8", "gif image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ", "xz archive"),
    (b"7z\xbc\xaf", "7z archive"),
    (b"Rar!", "rar archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "executable"),
    (b"ID3", "audio"),
    (b"OggS", "audio"),
    (b"fLaC", "audio"),
    (b"RIFF", "audio/video"),
    (b"SQLite format 3", "sqlite database"),
]
_HTML_START = re.compile(
    rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)
TEXT_EXTS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".rtf", ""}


def sniff(data: bytes, suffix: str, name: str) -> str:
    """Return one of pdf, docx, odt, rtf, html, md, txt; raise for anything else."""
    head = data[:2048]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, name)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        # OLE2: legacy .doc, or an encrypted OOXML package
        if (
            b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e"
            in data[:65536]
            or b"EncryptedPackage" in data[:65536]
        ):
            raise IngestError(name, "encrypted", "password-protected Office document")
        raise IngestError(
            name, "unsupported-type", "legacy binary Office file (.doc/.xls); save as .docx"
        )
    for magic, what in _FOREIGN:
        if head.startswith(magic):
            raise IngestError(name, "unsupported-type", f"{what}, not a text document")
    stripped = head.lstrip(b"\xef\xbb\xbf")
    if stripped.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    if suffix in (".html", ".htm", ".xhtml") or _HTML_START.match(stripped[:1024]):
        return "html"  # decoded and checked for binary content by the text reader
    if suffix in (".md", ".markdown"):
        return "md"
    if suffix in (".docx", ".odt", ".pdf"):
        raise IngestError(name, "corrupt", f"not a {suffix[1:]} file (unrecognised content)")
    if suffix not in TEXT_EXTS:
        # source code, data files, logs: text, but not documents of a corpus
        raise IngestError(name, "unsupported-type", f"unknown file type {suffix!r}")
    return "txt"


def _sniff_zip(data: bytes, name: str) -> str:
    if b"PK\x05\x06" not in data[-66000:]:
        raise IngestError(name, "truncated", "zip container has no end record")
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        names = set(zf.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as e:
        raise IngestError(name, "corrupt", f"bad zip container: {e}") from None
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names:
        try:
            info = zf.getinfo("mimetype")
            mt = zf.read("mimetype")[:100] if info.file_size < 200 else b""
        except Exception:  # noqa: BLE001 - any failure means a broken container
            raise IngestError(name, "corrupt", "unreadable mimetype member") from None
        if mt.strip() == b"application/vnd.oasis.opendocument.text":
            return "odt"
        raise IngestError(
            name, "unsupported-type", f"OpenDocument type {mt.decode('ascii', 'replace')!r}"
        )
    if "EncryptionInfo" in names:
        raise IngestError(name, "encrypted", "password-protected Office document")
    if any(n.startswith("ppt/") for n in names):
        raise IngestError(name, "unsupported-type", "PowerPoint (.pptx); export it as PDF")
    if any(n.startswith("xl/") for n in names):
        raise IngestError(name, "unsupported-type", "spreadsheet (.xlsx)")
    raise IngestError(name, "unsupported-type", "zip archive, not a document")
