"""Word and Excel exports of an output folder: the tables with their quotes, for a report.

Analysts write their articles in Word and check tables in Excel, so both get the
study's tables as they stand in OUT (after `review report`, the reviewed ones):

- ``.docx`` (python-docx): Table 1 (the documents analysed), Table 2 with the quotes
  behind every method, level and role, Figure 1 at print resolution, Table 3 with the
  lessons behind every category, the sampling of Step 3, and the analysts' memos;
- ``.xlsx`` (openpyxl): one sheet per table, a Quotes sheet (one row per quote, with
  document, offsets, source and review state), Sampling and Memos.

Both are byte-deterministic: fixed document properties, and the zip rewritten with
fixed dates, so the same folder gives the same file.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coatlas.errors import CoatlasError

FIXED = dt.datetime(2000, 1, 1, 0, 0, 0)  # written as every document date: no clock in the bytes
GROUPS = (("methods", "Method"), ("levels", "System level"), ("ppe_roles", "PPE role"))


class OfficeError(CoatlasError):
    """An output folder that cannot be written as Word or Excel (one line)."""


@dataclass
class Tables:
    """What both exports show, read from an output folder."""

    manifest: dict[str, Any]
    table1: list[dict[str, str]]
    table2: list[dict[str, str]]
    table3: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    sampling: list[dict[str, Any]]
    memos: list[dict[str, Any]]
    figure_png: bytes = b""
    notes: list[str] = field(default_factory=list)


def _read(path: Path, default: Any) -> Any:
    if not path.exists():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise OfficeError(f"{path}: cannot read ({str(e).splitlines()[0]})") from None


def load_tables(out_dir: str | Path, *, dpi: int = 300, figure: bool = True) -> Tables:
    """Tables 1–3, every quote, the sampling and the memos of ``out_dir`` as plain rows."""
    from coatlas.pipeline import method_labels
    from coatlas.report import now_year
    from coatlas.report.figure import render_figure1
    from coatlas.report.labels import codebook_labels, default_labels, label
    from coatlas.report.tables import chronological, rejected_ids, table2_rows, table3_rows
    from coatlas.review.labels import run_codebook

    out = Path(out_dir)
    if not out.is_dir():
        raise OfficeError(f"{out}: not a folder")
    if not (out / "manifest.json").is_file():
        raise OfficeError(f"{out / 'manifest.json'}: missing (is this an output folder?)")
    manifest = _read(out / "manifest.json", {})
    initiatives = _read(out / "initiatives.json", [])
    lessons_doc = _read(out / "lessons.json", {})
    book = run_codebook(out)
    labels = codebook_labels(book) if book is not None else default_labels()
    methods = (method_labels(book) if book is not None else None) or labels.get("methods", {})
    sampling = list(lessons_doc.get("sampling") or [])
    kinds = {str(s.get("document")): s for s in sampling}
    table1 = [
        {
            "Document": str(i.get("document") or ""),
            "Format": str(i.get("format") or ""),
            "Language": str(i.get("language") or ""),
            "Type": str((kinds.get(str(i.get("document"))) or {}).get("type") or ""),
            "Characters": str(i.get("characters") or ""),
        }
        for i in manifest.get("inputs") or []
    ]
    table2 = table2_rows(initiatives, methods, labels)
    rejected = rejected_ids(lessons_doc)
    table3 = table3_rows(lessons_doc.get("hierarchy") or [], rejected)

    quotes: list[dict[str, Any]] = []
    for ini in chronological(initiatives):
        ev = ini.get("evidence") or {}
        for group, title in GROUPS:
            for code in ini.get(group) or []:
                for e in (ev.get(group) or {}).get(code) or []:
                    quotes.append(_quote("Table 2", ini.get("name"), title,
                                         label(code, labels.get(group, {})), e))  # fmt: skip
        for key, title in (("start", "Start year"), ("end", "End year")):
            for e in ev.get(key) or []:
                quotes.append(_quote("Table 2", ini.get("name"), title, str(ini.get(key) or ""), e))
    by_id = {str(x.get("id")): x for x in lessons_doc.get("lessons") or []}
    for c in lessons_doc.get("hierarchy") or []:
        for g in c.get("categories") or []:
            for k in g.get("codes") or []:
                for lid in k.get("lessons") or []:
                    if str(lid) in rejected or str(lid) not in by_id:
                        continue
                    x = by_id[str(lid)]
                    e = {**x, "quote": x.get("text")}
                    where = f"{c.get('label')} › {g.get('label')}"
                    quotes.append(_quote("Table 3", where, "Lesson", str(k.get("label") or ""), e))
    png = b""
    if figure:
        _, png = render_figure1(initiatives, methods, now_year(manifest), dpi=dpi, labels=labels)
    memos = [
        {"About": str(m.get("about") or m.get("target") or ""), "Memo": str(m.get("text") or ""),
         "By": str(m.get("by") or "")}
        for m in _read(out / "memos.json", [])
    ]  # fmt: skip
    return Tables(manifest, table1, table2, table3, quotes, sampling, memos, png)


def _quote(table: str, about: Any, kind: str, code: str, e: dict[str, Any]) -> dict[str, Any]:
    rv = e.get("review") if isinstance(e.get("review"), dict) else {}
    state = str(rv.get("status") or ("rejected" if rv.get("rejected") else ""))
    by = str(rv.get("by") or rv.get("source") or "")
    return {
        "Table": table,
        "About": " ".join(str(about or "").split()),
        "Kind": kind,
        "Code": code,
        "Quote": str(e.get("quote") or ""),
        "Document": str(e.get("document") or ""),
        "Start": e.get("start"),
        "End": e.get("end"),
        "Source": str(e.get("source") or ""),
        "Confidence": e.get("confidence"),
        "Review": f"{state} by {by}".strip() if state else "",
    }


# -- Word ---------------------------------------------------------------------------------


def build_docx(t: Tables, title: str = "coatlas report") -> bytes:
    """The Word report as bytes."""
    from docx import Document
    from docx.shared import Inches, Pt

    doc = Document()
    props = doc.core_properties
    props.title, props.author, props.last_modified_by = title, "coatlas", "coatlas"
    props.created = props.modified = FIXED
    props.revision = 1
    doc.styles["Normal"].font.size = Pt(10)
    doc.add_heading(title, 0)
    cb = t.manifest.get("codebook") or {}
    doc.add_paragraph(
        f"coatlas {t.manifest.get('coatlas', '')}, codebook {cb.get('name', '')} "
        f"{cb.get('version', '')}. {len(t.table1)} documents, {len(t.table2)} initiatives."
    )

    doc.add_heading("Table 1. Documents analysed", 1)
    _docx_table(doc, ("Document", "Format", "Language", "Type", "Characters"), t.table1)

    doc.add_heading("Table 2. Co-production initiatives, timeline and methods", 1)
    cols = ("Co-production initiative", "Timeline", "Description and stated or inferred method")
    _docx_table(doc, cols, t.table2)
    doc.add_heading("The quotes behind Table 2", 2)
    _docx_quotes(doc, [q for q in t.quotes if q["Table"] == "Table 2"])

    if t.figure_png:
        doc.add_heading("Figure 1. Development over time", 1)
        doc.add_picture(io.BytesIO(t.figure_png), width=Inches(6.5))

    doc.add_heading("Table 3. Categories and clusters of lessons learned", 1)
    rows3 = [
        {"Categories": "; ".join(g["label"] for g in r["categories"]),
         "Clusters": f"{r['number']}. {r['cluster']}"}
        for r in t.table3
    ]  # fmt: skip
    _docx_table(doc, ("Categories", "Clusters"), rows3)
    doc.add_heading("The lessons behind Table 3", 2)
    _docx_quotes(doc, [q for q in t.quotes if q["Table"] == "Table 3"])

    doc.add_heading("Sampling (Step 3)", 1)
    _docx_table(
        doc,
        ("Document", "Type", "Sampled", "Reason"),
        [
            {"Document": str(s.get("document") or ""), "Type": str(s.get("type") or ""),
             "Sampled": "yes" if s.get("sampled") else "no", "Reason": str(s.get("reason") or "")}
            for s in t.sampling
        ],
    )  # fmt: skip
    if t.memos:
        doc.add_heading("Memos", 1)
        for m in t.memos:
            p = doc.add_paragraph(style="List Bullet")
            p.add_run(m["About"]).bold = True
            p.add_run(f" ({m['By']}): {m['Memo']}")
    buf = io.BytesIO()
    doc.save(buf)
    return _fixed_zip(buf.getvalue())


def _docx_table(doc: Any, cols: tuple[str, ...], rows: list[dict[str, Any]]) -> None:
    table = doc.add_table(rows=1, cols=len(cols))
    table.style = "Table Grid"
    for cell, col in zip(table.rows[0].cells, cols, strict=True):
        cell.text = col
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for r in rows:
        cells = table.add_row().cells
        for cell, col in zip(cells, cols, strict=True):
            cell.text = _clean(r.get(col))


def _docx_quotes(doc: Any, quotes: list[dict[str, Any]]) -> None:
    last = None
    for q in quotes:
        if q["About"] != last:
            doc.add_paragraph(q["About"], style="Heading 3")
            last = q["About"]
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(f"{q['Kind']}: {q['Code']}. ").bold = True
        p.add_run(f"“{_clean(q['Quote'])}”").italic = True
        where = f" ({q['Document']} [{q['Start']}–{q['End']}], {q['Source']}"
        p.add_run(where + (f"; {q['Review']})" if q["Review"] else ")"))


# -- Excel --------------------------------------------------------------------------------


def build_xlsx(t: Tables) -> bytes:
    """The workbook as bytes: Table 1, Table 2, Table 3, Quotes, Sampling, Memos."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from coatlas.report.tables import TABLE2_CSV_COLUMNS

    wb = Workbook()
    wb.properties.creator = "coatlas"
    wb.properties.lastModifiedBy = "coatlas"
    wb.properties.created = wb.properties.modified = FIXED

    def sheet(name: str, cols: tuple[str, ...], rows: list[dict[str, Any]], first: bool = False):
        ws = wb.active if first else wb.create_sheet()
        ws.title = name
        ws.append(list(cols))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in rows:
            ws.append([_cell(r.get(c)) for c in cols])
        ws.freeze_panes = "A2"
        for k, col in enumerate(cols, 1):
            width = max([len(str(col))] + [min(len(str(r.get(col) or "")), 80) for r in rows])
            ws.column_dimensions[ws.cell(1, k).column_letter].width = max(8, min(width + 2, 82))
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if cell.data_type == "f":  # "=…" in a document is text, never a formula
                    cell.data_type = "s"
        return ws

    sheet("Table 1", ("Document", "Format", "Language", "Type", "Characters"), t.table1, True)
    sheet("Table 2", TABLE2_CSV_COLUMNS, t.table2)
    rows3 = [
        {"Cluster number": r["number"], "Cluster": r["cluster"], "Category": g["label"],
         "Codes": g["codes"], "Lessons": g["lessons"]}
        for r in t.table3 for g in r["categories"]
    ]  # fmt: skip
    sheet("Table 3", ("Cluster number", "Cluster", "Category", "Codes", "Lessons"), rows3)
    sheet(
        "Quotes",
        ("Table", "About", "Kind", "Code", "Quote", "Document", "Start", "End", "Source",
         "Confidence", "Review"),
        t.quotes,
    )  # fmt: skip
    sheet(
        "Sampling",
        ("Document", "Type", "Sampled", "Reason"),
        [{"Document": s.get("document"), "Type": s.get("type"),
          "Sampled": "yes" if s.get("sampled") else "no", "Reason": s.get("reason")}
         for s in t.sampling],
    )  # fmt: skip
    sheet("Memos", ("About", "Memo", "By"), t.memos)
    buf = io.BytesIO()
    wb.save(buf)
    return _fixed_zip(buf.getvalue())


# -- shared -------------------------------------------------------------------------------


def _clean(value: Any) -> str:
    """Text a Word or Excel cell can hold: no control characters but tab and newline."""
    s = "" if value is None else str(value)
    return "".join(ch for ch in s if ch in "\t\n" or ord(ch) >= 32)


def _cell(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value)
    if isinstance(value, int | float):
        return value
    return _clean(value)


def _fixed_zip(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, so equal content is equal bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>",
                    body,
                )
            dst.writestr(fixed, body, compresslevel=6)
    return buf.getvalue()


def write_office(
    out_dir: str | Path, fmt: str, to: str | Path | None = None, *, dpi: int = 300
) -> Path:
    """Write OUT as ``coatlas.docx`` or ``coatlas.xlsx`` (or ``to``); returns the path."""
    if fmt not in ("docx", "xlsx"):
        raise OfficeError(f"{fmt}: not an office format (docx or xlsx)")
    out = Path(out_dir)
    path = Path(to) if to is not None else out / f"coatlas.{fmt}"
    if path.exists() and path.is_dir():
        raise OfficeError(f"{path}: is a folder (--to names the file to write)")
    if not path.parent.is_dir():
        raise OfficeError(f"{path.parent}: no such folder")
    tables = load_tables(out, dpi=dpi, figure=fmt == "docx")
    data = build_docx(tables) if fmt == "docx" else build_xlsx(tables)
    from coatlas.fileio import write_bytes

    try:
        write_bytes(path, data)  # atomic: a killed export leaves no half-written file
    except OSError as e:
        raise OfficeError(f"{path}: cannot write ({e.strerror})") from None
    return path


__all__ = ["OfficeError", "Tables", "build_docx", "build_xlsx", "load_tables", "write_office"]
