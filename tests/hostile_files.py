"""Generators for ingestion test files (hostile and layout fixtures), built at test time.

Nothing big is committed: every file is written into a temp dir by these functions.
``make_hostile(dir)`` returns {file name: expected IngestError kind, or None when the
file must be read}; ``WARNINGS`` names the files that are read with a warning (its kind).
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

SWEDISH = "Vården utvecklas tillsammans med patienter och närstående. Åsa och Örjan är överens."
# A transcript long enough that one bad byte is a small part of it.
TRANSCRIPT = "\n\n".join(
    f"I: Välkommen, fråga {i}: hur gick mötet?\n\nIP: Närstående och personal möttes på "
    "vårdcentralen, och alla var överens om att fortsätta."
    for i in range(30)
)
# Files of make_hostile that are read, with a warning in errors.json: name -> warning kind.
WARNINGS = {"utf8_one_bad_byte.txt": "replaced-bytes", "nul_bytes.txt": "nul-bytes"}
HUGE_XML_BYTES = 34 * 2**20  # huge_xml.docx: text past the 20M-character limit


def _pdf_bytes(pages: list[list[tuple[float, float, str]]], size: float = 11) -> bytes:
    """A text-layer PDF: each page is a list of (x, y-from-top, text) strings."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setTitle("Test document")
    w, h = A4
    for lines in pages:
        c.setFont("Helvetica", size)
        for x, y, t in lines:
            c.drawString(x, h - y, t)
        c.showPage()
    c.save()
    return buf.getvalue()


def simple_pdf(text_lines: list[str]) -> bytes:
    return _pdf_bytes([[(72, 100 + 16 * i, t) for i, t in enumerate(text_lines)]])


def scanned_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for _ in range(2):
        c.setFillGray(0.3)
        c.rect(72, 400, 300, 200, fill=1)  # a "scan": ink, no text layer
        c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(user_password: str = "secret") -> bytes:
    """AES-128; with an empty user password it opens without one (owner restrictions only)."""
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for p in PdfReader(io.BytesIO(simple_pdf(["Secret text about the project."]))).pages:
        w.add_page(p)
    w.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-128")
    buf = io.BytesIO()
    w.write(buf)
    return buf.getvalue()


def layout_pdf() -> bytes:
    """Two pages, two columns, a running header, a 'Sida N av 2' footer and split words."""
    pages = []
    for n in (1, 2):
        lines: list[tuple[float, float, str]] = [
            (72, 40, "Regionens rapport om samverkan 2031"),  # running header
            (260, 815, f"Sida {n} av 2"),  # footer page number
        ]
        left = [
            f"Vänster spalt {n} rad ett om",
            "arbetet med patienter och",
            "närstående i vården. Sam-",
            "verkan var en nyckel och",
            "KOL-genombrottet kom sedan.",
            "Slut på vänster spalt.",
        ]
        right = [
            f"Höger spalt {n} börjar här och",
            "handlar om lärdomar från",
            "projektet under flera år. Det",
            "krävs tid och uthållighet.",
            "Mer text i högra spalten.",
            "Slut på höger spalt.",
        ]
        for i, t in enumerate(left):
            lines.append((72, 120 + 15 * i, t))
        for i, t in enumerate(right):
            lines.append((320, 120 + 15 * i, t))
        pages.append(lines)
    return _pdf_bytes(pages)


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for i, p in enumerate(paragraphs):
        d.add_paragraph(p)
        if table and i == 0:
            t = d.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, val in enumerate(row):
                    t.cell(r, c).text = val
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _replace_member(
    data: bytes, member: str, content: bytes, extra: dict[str, bytes] | None = None
) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, content if info.filename == member else src.read(info))
        for k, v in (extra or {}).items():
            z.writestr(k, v)
    return out.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in members.items():
            z.writestr(k, v)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def billion_laughs_docx() -> bytes:
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    xml = f'<?xml version="1.0"?><!DOCTYPE lolz [{ents}]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    return _replace_member(docx_bytes(["x"]), "word/document.xml", xml.encode())


def xxe_docx() -> bytes:
    xml = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'
    return _replace_member(docx_bytes(["x"]), "word/document.xml", xml.encode())


def _bzip2_docx() -> bytes:
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(["x"])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_BZIP2) as z:
        for info in src.infolist():
            z.writestr(info.filename, src.read(info))
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    # a 6 MB member of zeros compresses ~1000:1
    return _replace_member(
        docx_bytes(["Ordinary text."]),
        "word/media/zeros.bin",
        b"",
        {"word/media/zeros.bin": b"\0" * (6 * 2**20)},
    )


def odt_bytes(paragraphs: list[str]) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    doc.text.addElement(H(outlinelevel=1, text="Rubrik"))
    for p in paragraphs:
        doc.text.addElement(P(text=p))
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def xxe_odt() -> bytes:
    data = odt_bytes(["x"])
    content = zipfile.ZipFile(io.BytesIO(data)).read("content.xml").decode()
    content = content.replace(
        "?>", '?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1
    ).replace(">x<", ">&xxe;<")
    return _replace_member(data, "content.xml", content.encode())


XXE_HTML = """<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<html><head><title>Safe page</title></head><body><main>
<p>This page tries to read &xxe; from the disk but must only show this sentence about care.</p>
<p>Patients and relatives took part in the redesign of the ward over two years.</p>
</main></body></html>"""


def make_hostile(d: Path) -> dict[str, str | None]:
    """Write the hostile suite into ``d``; return expected kinds (None = must read)."""
    d.mkdir(parents=True, exist_ok=True)
    good = simple_pdf(
        ["A good report about co-production with patients.", "It has two lines of text."]
    )
    files: dict[str, tuple[bytes, str | None]] = {
        "corrupt.pdf": (
            b"%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> garbage \x00\xff\n%%EOF\n",
            "corrupt",
        ),
        "encrypted.pdf": (encrypted_pdf(), "encrypted"),
        "owner_restricted.pdf": (encrypted_pdf(user_password=""), None),
        "truncated.pdf": (good[: len(good) // 2], "truncated"),
        "scanned.pdf": (scanned_pdf(), "no-text-layer"),
        "good.pdf": (good, None),
        "zip_bomb.docx": (zip_bomb_docx(), "too-large"),
        "billion_laughs.docx": (billion_laughs_docx(), "unsafe"),
        "xxe.docx": (xxe_docx(), "unsafe"),
        "xxe.odt": (xxe_odt(), "unsafe"),
        "xxe.html": (XXE_HTML.encode(), None),
        "truncated.docx": (docx_bytes(["Some text " * 50])[:1500], "truncated"),
        "not_really.docx": (b"This is plain text saved with a .docx name.\n", "corrupt"),
        "slides.docx": (
            _zip({"[Content_Types].xml": b"<Types/>", "ppt/presentation.xml": b"<p/>"}),
            "unsupported-type",
        ),
        "encrypted_office.docx": (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
            + b"\0" * 500
            + "EncryptedPackage".encode("utf-16-le")
            + b"\0" * 500,
            "encrypted",
        ),
        "encrypted.odt": (
            _replace_member(
                odt_bytes(["x"]),
                "META-INF/manifest.xml",
                b'<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
                b'<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry>'
                b"</manifest:manifest>",
            ),
            "encrypted",
        ),
        "bzip2_member.docx": (_bzip2_docx(), "unsafe"),
        "garbage.odt": (b"PK\x03\x04" + os.urandom(16) + b"\0" * 100, "truncated"),
        "binary.txt": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "unsupported-type"),
        "random_bytes.txt": (bytes((i * 7919) % 256 for i in range(4000)), "unsupported-type"),
        "empty.txt": (b"", "empty"),
        "blank.md": (b" \n\n\t \n", "empty"),
        "empty.docx": (docx_bytes([]), "empty"),
        "cp1252.txt": (SWEDISH.encode("cp1252"), None),
        "utf8_bom.txt": (b"\xef\xbb\xbf" + SWEDISH.encode("utf-8"), None),
        "utf16le_bom.txt": (b"\xff\xfe" + SWEDISH.encode("utf-16-le"), None),
        "utf16be_bom.txt": (b"\xfe\xff" + SWEDISH.encode("utf-16-be"), None),
        "big_line.txt": (
            ("Patienter och personal utvecklar vården tillsammans " * 160_000)[
                : 8 * 2**20
            ].encode(),
            None,
        ),
        "file with spaces.txt": (b"Plain text in a file with spaces in its name.", None),
        "åäö ünïcode.md": (
            "# Rubrik\n\nText om vården i en fil med ett svenskt namn.".encode(),
            None,
        ),
        "-leading-dash.txt": (b"A file whose name starts with a dash.", None),
        ("long_" + "x" * 200 + ".txt"): (b"A file with a very long name.", None),
        "deep_nesting.html": (
            (
                "<html><body>" + "<div>" * 5000 + "<p>Deep text about care.</p>" + "</div>" * 5000
            ).encode(),
            None,
        ),
        "deep_quotes.md": ((">" * 5000 + " quote\n").encode(), None),
        "many_turns.txt": (("I: A question?\nR: An answer.\n" * 20000).encode(), None),
        "doc.rtf": (
            rb"{\rtf1\ansi{\fonttbl\f0\fswiss Helvetica;}\f0\pard V\'e5rden och n\'e4rst\'e5ende.\par}",
            None,
        ),
        # one bad byte in UTF-8: read as UTF-8, that byte replaced, one warning
        "utf8_one_bad_byte.txt": (_with_bad_byte(TRANSCRIPT.encode("utf-8")), None),
        # short Swedish cp1252, where encoding detectors guess another code page
        "cp1252_short.txt": ("Närstående".encode("cp1252"), None),
        # stray NULs in text: dropped with a warning, not a binary refusal
        "nul_bytes.txt": (SWEDISH.encode("utf-8").replace(b". ", b".\x00\x00\x00 ", 1), None),
        # a file name that would split its error line, one that drives a terminal
        "new\nline.txt": (b"", "empty"),
        "esc\x1b[31mred.txt": (b"Text om patienter och personal.", None),
        (("very_long_name_" * 8) + ".pdf"): (b"%PDF-1.7\n1 0 obj <<", "truncated"),
    }
    expected: dict[str, str | None] = {}
    for name, (data, kind) in files.items():
        (d / name).write_bytes(data)
        expected[name] = kind
    # a small .docx whose document.xml is large: streamed, stopped at the text limit
    write_big_docx(d / "huge_xml.docx", HUGE_XML_BYTES, text_per_run=400)
    expected["huge_xml.docx"] = "too-large"
    # symbolic links out of the folder: not followed by default
    outside = d.parent / f"{d.name}_outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.txt").write_text("A file outside the documents folder.")
    # things iter_files must skip
    (d / ".hidden.txt").write_text("hidden")
    (d / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    (d / "~$lock.docx").write_bytes(b"\0" * 162)
    # a symlink loop in a sub-folder
    sub = d / "sub"
    sub.mkdir(exist_ok=True)
    (sub / "nested.txt").write_text("A nested good file about patient involvement.")
    expected["sub/nested.txt"] = None
    try:
        os.symlink("..", sub / "loop")
        os.symlink("nowhere.txt", d / "broken_link.txt")
        expected["broken_link.txt"] = "unreadable"
        os.symlink(outside / "secret.txt", d / "link_out.txt")
        expected["link_out.txt"] = "symlink-outside"
        os.symlink(outside, d / "dir_out")
        expected["dir_out"] = "symlink-outside"
    except OSError:
        pass
    return expected


def _with_bad_byte(data: bytes) -> bytes:
    """``data`` with one \\xff put in the middle, between two characters."""
    i = len(data) // 2
    while data[i] & 0xC0 == 0x80:  # not inside a multi-byte character
        i += 1
    return data[:i] + b"\xff" + data[i:]


def write_big_docx(
    path: Path, xml_bytes: int, *, text_per_run: int = 60, seed: int = 0
) -> dict[str, int]:
    """A .docx whose word/document.xml is about ``xml_bytes`` long, streamed into the zip.

    Nothing is held whole in memory, so the benchmark can write the 399 MB case. Runs
    carry Word-like revision ids (random hex, so the member compresses ~5:1 and passes
    the zip-bomb ratio check, as real Word files do) and ``text_per_run`` characters of
    Swedish-looking words each: few characters per run make a file that is mostly
    markup (read to the end), many make one that passes the text limit early.
    Returns the sizes: ``xml`` (bytes), ``text`` (characters), ``file`` (bytes).
    """
    import random

    rng = random.Random(seed)
    letters = "abcdefghijklmnoprstuvåäö"
    vocab = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9))) for _ in range(4000)]
    base = docx_bytes(["x"])
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {_W}><w:body>'
    tail = "</w:body></w:document>"
    written = text = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        src = zipfile.ZipFile(io.BytesIO(base))
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info.filename, src.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            written = len(head)
            while written < xml_bytes - len(tail):
                runs = []
                for _ in range(8):
                    words, n = [], 0
                    while n < text_per_run:
                        w = rng.choice(vocab)
                        words.append(w)
                        n += len(w) + 1
                    t = " ".join(words)[:text_per_run]
                    text += len(t)
                    runs.append(
                        f'<w:r w:rsidR="{rng.getrandbits(32):08X}" w:rsidRPr="{rng.getrandbits(32):08X}">'
                        f'<w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/><w:sz w:val="{rng.choice((20, 22, 24))}"/>'
                        f'<w:lang w:val="sv-SE"/></w:rPr><w:t xml:space="preserve">{t} </w:t></w:r>'
                    )
                    text += 1
                para = f'<w:p w:rsidR="{rng.getrandbits(32):08X}">{"".join(runs)}</w:p>'.encode()
                fh.write(para)
                written += len(para)
            fh.write(tail.encode())
            written += len(tail)
    return {"xml": written, "text": text, "file": path.stat().st_size}
