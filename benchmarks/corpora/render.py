"""Render an annotated corpus from its sources: ``sources/*.md`` + ``corpus.yaml``.

    python benchmarks/corpora/render.py CORPUS_DIR [--out DIR]

writes ``DIR/documents/`` (one file per source) and ``DIR/gold.json`` (DIR defaults
to CORPUS_DIR). The source format and every layout are described in FORMAT.md next
to this file. Output is deterministic: the same sources give the same bytes on every
run (reportlab in invariant mode, fixed DOCX/ODT properties and zip timestamps).

Uses only what ``pip install -e '.[dev]'`` installs: PyYAML, reportlab, python-docx,
odfpy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import yaml

MARK = re.compile(r"\{\{c(\d+):(.*?)\}\}", re.S)
FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
DEFAULT_DATE = dt.datetime(2024, 1, 1, 0, 0, 0)
DEFAULT_LAYOUT = {
    ".txt": "text",
    ".md": "text",
    ".html": "html-page",
    ".htm": "html-page",
    ".pdf": "pdf-report",
    ".docx": "docx",
    ".odt": "odt",
}


class SourceError(ValueError):
    """A source file or corpus.yaml that cannot be rendered (message names the file)."""


# --------------------------------------------------------------------------- sources


@dataclass
class Source:
    name: str  # output file name, e.g. "minutes_2022.docx"
    meta: dict
    body: str  # lesson marks already removed
    lessons: list[dict] = field(default_factory=list)

    @property
    def layout(self) -> str:
        return str(self.meta.get("layout") or DEFAULT_LAYOUT.get(Path(self.name).suffix, ""))


def read_source(path: Path, clusters: dict) -> Source:
    """Split front matter from body and take the lesson marks out of the body."""
    raw = path.read_text(encoding="utf-8")
    name = path.name[: -len(".md")]
    m = FRONT.match(raw)
    if not m:
        raise SourceError(f"{path}: no front matter (a '---' line, YAML, a '---' line)")
    meta = yaml.safe_load(m.group(1)) or {}
    if not isinstance(meta, dict):
        raise SourceError(f"{path}: front matter is not a mapping")
    by_number = {int(k[1:]): k for k in clusters if re.fullmatch(r"c\d+", k)}
    lessons: list[dict] = []

    def take(mk: re.Match) -> str:
        key = by_number.get(int(mk.group(1)))
        if key is None:
            raise SourceError(f"{path}: mark c{mk.group(1)} names no cluster in corpus.yaml")
        lessons.append({"document": name, "text": " ".join(mk.group(2).split()), "cluster": key})
        return mk.group(2)

    body = MARK.sub(take, raw[m.end() :])
    if "{{" in body and re.search(r"\{\{c\d", body):
        raise SourceError(f"{path}: an unclosed lesson mark")
    return Source(name, meta, body, lessons)


# --------------------------------------------------------------------------- markup


@dataclass
class Block:
    kind: str  # title h1 h2 h3 p small li table break raw
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


_PREFIX = (("### ", "h3"), ("## ", "h2"), ("# ", "h1"), ("= ", "title"), ("~ ", "small"))


def parse(body: str, *, raw_html: bool = False, keep_breaks: bool = False) -> list[Block]:
    """The light markup shared by the pdf, docx, odt and html layouts (see FORMAT.md).

    Chunks are separated by blank lines. In a chunk each line is a heading (``= ``,
    ``# ``, ``## ``, ``### ``), small print (``~ ``), a bullet (``- ``), a table row
    (``| a | b |``), a page/slide break (``===``) or paragraph text; consecutive text
    lines make one paragraph, joined by a space (``keep_breaks``: by a newline), and
    a line ending in `` \\`` ends with a line break. A leading backslash makes a line
    plain text. With ``raw_html`` a chunk whose first line starts with ``<`` is HTML
    passed through unchanged.
    """
    blocks: list[Block] = []
    for chunk in re.split(r"\n[ \t]*\n", body.strip("\n")):
        lines = [ln.rstrip() for ln in chunk.split("\n") if ln.strip()]
        if not lines:
            continue
        if raw_html and lines[0].lstrip().startswith("<"):
            blocks.append(Block("raw", "\n".join(lines)))
        else:
            blocks.extend(_parse_chunk(lines, keep_breaks))
    return blocks


def _paragraph(lines: list[str], keep_breaks: bool) -> Block:
    text = ""
    for i, ln in enumerate(lines):
        hard = ln.endswith(" \\")
        text += ln[:-2].rstrip() if hard else ln
        if i < len(lines) - 1:
            text += "\n" if hard or keep_breaks else " "
    return Block("p", text)


def _parse_chunk(lines: list[str], keep_breaks: bool) -> list[Block]:
    blocks: list[Block] = []
    para: list[str] = []
    table: Block | None = None  # the table that following rows extend
    for line in lines:
        s = line.strip()
        if s.startswith("\\"):
            para.append(s[1:])
            continue
        block: Block | None = None
        if s == "===":
            block = Block("break")
        elif s.startswith("- "):
            block = Block("li", s[2:])
        elif s.startswith("|") and s.endswith("|") and len(s) > 1:
            cells = [c.strip() for c in s[1:-1].split("|")]
            if table is not None and not para:
                table.rows.append(cells)
                continue
            block = Block("table", rows=[cells])
        else:
            for pre, kind in _PREFIX:
                if s.startswith(pre):
                    block = Block(kind, s[len(pre) :])
                    break
        if block is None:
            para.append(line if keep_breaks else s)
            continue
        if para:
            blocks.append(_paragraph(para, keep_breaks))
            para = []
        blocks.append(block)
        table = block if block.kind == "table" else None
    if para:
        blocks.append(_paragraph(para, keep_breaks))
    return blocks


# --------------------------------------------------------------------------- text


def render_text(src: Source) -> bytes:
    """``text``: the body is the file, byte for byte (marks removed)."""
    return src.body.encode("utf-8")


# --------------------------------------------------------------------------- html

_SHELL = """<!DOCTYPE html>
<html lang="{{ lang or 'en' }}"><head><meta charset="utf-8"><title>{{ title }}</title>
{%- if published %}<meta property="article:published_time" content="{{ published }}">{% endif %}
{%- if description %}<meta name="description" content="{{ description }}">{% endif %}</head>
<body>
{% if cookie %}<div class="cookie-banner"><p>{{ cookie }}</p><button>OK</button></div>
{% endif %}{% if site or nav %}<header>{% if site %}<a class="logo" href="/">{{ site }}</a>{% endif %}
{%- if nav %}<nav><ul>{% for n in nav %}<li><a href="#">{{ n }}</a></li>{% endfor %}</ul></nav>{% endif %}</header>
{% endif %}<main><article>
{{ body }}
</article></main>
{% if footer %}<footer>{% for f in ([footer] if footer is string else footer) %}<p>{{ f }}</p>{% endfor %}</footer>
{% endif %}</body></html>
"""


def html_body(blocks: list[Block]) -> str:
    out: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            out.append("<ul>\n" + "\n".join(f"<li>{t}</li>" for t in items) + "\n</ul>")
            items.clear()

    for b in blocks:
        if b.kind == "li":
            items.append(b.text)
            continue
        close_list()
        if b.kind == "raw":
            out.append(b.text)
        elif b.kind in ("title", "h1", "h2", "h3"):
            level = "1" if b.kind == "title" else b.kind[1]
            out.append(f"<h{level}>{b.text}</h{level}>")
        elif b.kind == "p":
            out.append(f"<p>{b.text}</p>")
        elif b.kind == "small":
            out.append(f"<p><small>{b.text}</small></p>")
        elif b.kind == "table":
            rows = "\n".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in b.rows)
            out.append(f"<table>\n{rows}\n</table>")
        elif b.kind == "break":
            out.append("<hr>")
    close_list()
    return "\n".join(out)


def render_html(src: Source, corpus_dir: Path) -> bytes:
    """``html-page``: the markup as HTML, in the built-in page shell or in the Jinja
    template ``sources/_templates/NAME.html`` that ``template: NAME`` names. A body that
    starts with ``<!DOCTYPE`` or ``<html`` is the whole page as it stands."""
    import jinja2

    body = html_body(parse(src.body, raw_html=True, keep_breaks=True))
    if re.match(r"\s*<(!DOCTYPE|html)", body, re.I):
        page = body
    else:
        env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(corpus_dir / "sources" / "_templates")),
            autoescape=False,
            keep_trailing_newline=True,
        )
        try:
            if src.meta.get("template"):
                tpl = env.get_template(f"{src.meta['template']}.html")
            else:
                tpl = env.from_string(_SHELL)
        except jinja2.TemplateError as e:
            raise SourceError(f"{src.name}: template: {e}") from None
        page = tpl.render(**{**src.meta, "body": body})
    if not page.endswith("\n"):
        page += "\n"
    return page.encode("utf-8")


# --------------------------------------------------------------------------- pdf


def _file_title(src: Source) -> str:
    """The title written into the file's metadata: ``file_title`` if given, else ``title``."""
    t = src.meta.get("file_title", src.meta.get("title", ""))
    return "" if t is None else str(t)


def _pdf_meta(src: Source) -> dict:
    m = src.meta
    out = {"title": _file_title(src), "author": str(m.get("author", ""))}
    for k in ("subject", "creator", "producer"):
        if k in m:
            out[k] = str(m[k])
    out.setdefault("creator", "")
    return out


def _invariant() -> None:
    from reportlab import rl_config

    rl_config.invariant = 1


def _pdf_story(src: Source, *, slides: bool) -> list:
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

    ss = getSampleStyleSheet()
    body = ss["BodyText"]
    if slides:
        body = ss["BodyText"].clone("slidebody", fontSize=16, leading=21)
    styles = {
        "title": ss["Title"],
        "h1": ss["Title"] if slides else ss["Heading1"],
        "h2": ss["Heading2"],
        "h3": ss["Heading3"],
        "p": body,
        "li": body,
        "small": ss["Italic"],
    }
    gaps = {"title": 0, "h1": 0, "h2": 0, "h3": 0, "p": 0, "li": 0, "small": 0, "table": 0}
    given = src.meta.get("spacing") or {}
    for k, v in given.items():
        keys = list(gaps) if k == "all" else ["h1", "h2", "h3"] if k == "heading" else [k]
        for key in keys:
            gaps[key] = float(v)
    for k, v in given.items():  # specific keys win over "all"/"heading"
        if k in gaps:
            gaps[k] = float(v)
    bullet = str(src.meta.get("bullet", "\u2022"))
    story: list = []
    for b in parse(src.body):
        if b.kind == "break":
            story.append(PageBreak())
            continue
        if b.kind == "table":
            story.append(Table([[Paragraph(escape(c), body) for c in r] for r in b.rows]))
        else:
            text = escape(b.text).replace("\n", "<br/>")
            if b.kind == "li":
                text = f"{bullet} {text}"
            story.append(Paragraph(text, styles.get(b.kind, body)))
        if gaps[b.kind]:
            story.append(Spacer(1, gaps[b.kind]))
    return story


def render_pdf(src: Source) -> bytes:
    """``pdf-report`` (A4 portrait) and ``pdf-slides`` (A4 landscape, large type)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate

    _invariant()
    slides = src.layout == "pdf-slides"
    story = _pdf_story(src, slides=slides)
    footer = src.meta.get("footer")
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=landscape(A4) if slides else A4, invariant=1, **_pdf_meta(src)
    )
    if footer:

        def on_page(canvas, d) -> None:
            canvas.saveState()
            canvas.setFont("Helvetica", 8)
            canvas.drawString(56, 30, str(footer))
            canvas.drawRightString(d.pagesize[0] - 55.27, 30, str(d.page))
            canvas.restoreState()

        doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    else:
        doc.build(story)
    return buf.getvalue()


def render_deck(src: Source) -> bytes:
    """``pdf-deck``: a slide deck drawn slide by slide (heading, one line per item, n / N)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfgen import canvas

    _invariant()
    slides: list[tuple[str, list[str]]] = []
    for b in parse(src.body):
        if b.kind == "break":
            continue
        if b.kind in ("title", "h1", "h2", "h3"):
            slides.append((b.text, []))
        elif not slides:
            raise SourceError(f"{src.name}: pdf-deck text before the first '# ' slide heading")
        elif b.kind == "table":
            slides[-1][1].extend(" | ".join(r) for r in b.rows)
        else:
            slides[-1][1].append(b.text if b.kind != "li" else f"\u2013 {b.text}")
    w, h = landscape(A4)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(w, h), invariant=1)
    meta = _pdf_meta(src)
    c.setTitle(meta["title"])
    if meta["author"]:
        c.setAuthor(meta["author"])
    for n, (head, lines) in enumerate(slides, 1):
        c.setFont("Helvetica-Bold", 28)
        c.drawString(60, h - 80, head)
        y = h - 140
        for line in lines:
            c.setFont("Helvetica", 20)
            for part in simpleSplit(line, "Helvetica", 20, w - 120):
                c.drawString(60, y, part)
                y -= 28
            y -= 8
        c.setFont("Helvetica", 10)
        c.drawString(w - 90, 30, f"{n} / {len(slides)}")
        c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- docx


def _date(src: Source) -> dt.datetime:
    d = src.meta.get("date", DEFAULT_DATE)
    if isinstance(d, dt.datetime):
        return d.replace(tzinfo=None)
    if isinstance(d, dt.date):
        return dt.datetime(d.year, d.month, d.day)
    return dt.datetime.fromisoformat(str(d))


def _fixed_zip(data: bytes, when: dt.datetime, first: str) -> bytes:
    """Re-zip with a fixed timestamp and order (``first`` leads) so bytes are stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != first, n))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in names:
            info = zipfile.ZipInfo(n, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, src.read(n))
    return out.getvalue()


_LABEL = re.compile(r"^([^\s:][^:\n]{0,40}?:)(\s.*)$", re.S)


def render_docx(src: Source) -> bytes:
    """``docx`` and ``docx-transcript`` (speaker labels ``Name:`` set in bold)."""
    import docx
    from docx.shared import Pt

    d = docx.Document()
    when = _date(src)
    cp = d.core_properties
    cp.title = _file_title(src)
    cp.author = str(src.meta.get("author", ""))
    cp.last_modified_by = str(src.meta.get("last_modified_by", src.meta.get("author", "")))
    cp.created = cp.modified = cp.last_printed = when
    cp.revision = 1
    cp.comments = cp.keywords = cp.subject = cp.category = ""
    transcript = src.layout == "docx-transcript"
    for b in parse(src.body):
        if b.kind == "title":
            d.add_heading(b.text, level=0)
        elif b.kind in ("h1", "h2", "h3"):
            d.add_heading(b.text, level=int(b.kind[1]))
        elif b.kind == "li":
            d.add_paragraph(b.text, style="List Bullet")
        elif b.kind == "table":
            cols = max(len(r) for r in b.rows)
            t = d.add_table(rows=len(b.rows), cols=cols)
            t.style = "Table Grid"
            for i, row in enumerate(b.rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = cell
        elif b.kind == "break":
            d.add_page_break()
        elif b.kind == "small":
            p = d.add_paragraph(b.text)
            for r in p.runs:
                r.font.size = Pt(9)
        else:
            m = _LABEL.match(b.text) if transcript else None
            if m:
                p = d.add_paragraph()
                p.add_run(m.group(1)).bold = True
                p.add_run(m.group(2))
            else:
                d.add_paragraph(b.text)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue(), when, "[Content_Types].xml")


# --------------------------------------------------------------------------- odt


def render_odt(src: Source) -> bytes:
    """``odt``: the same blocks as docx, as an OpenDocument text file."""
    from odf import dc, meta, teletype
    from odf.opendocument import OpenDocumentText
    from odf.style import ParagraphProperties, Style, TextProperties
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, List, ListItem, P, SoftPageBreak

    doc = OpenDocumentText()
    when = _date(src).isoformat()
    doc.meta.addElement(dc.Title(text=_file_title(src)))
    doc.meta.addElement(dc.Creator(text=str(src.meta.get("author", ""))))
    doc.meta.addElement(dc.Date(text=when))
    doc.meta.addElement(meta.CreationDate(text=when))
    doc.meta.addElement(meta.Generator(text="coatlas corpus renderer"))
    small = Style(name="Small", family="paragraph")
    small.addElement(TextProperties(fontsize="9pt", fontstyle="italic"))
    title = Style(name="Title", family="paragraph")
    title.addElement(TextProperties(fontsize="20pt", fontweight="bold"))
    brk = Style(name="Break", family="paragraph")
    brk.addElement(ParagraphProperties(breakbefore="page"))
    for s in (small, title, brk):
        doc.styles.addElement(s)
    pending_break = False
    for i, b in enumerate(parse(src.body)):
        kw = {"stylename": brk} if pending_break else {}
        pending_break = False
        if b.kind == "break":
            pending_break = True
            doc.text.addElement(SoftPageBreak())
            continue
        if b.kind == "title":
            el = P(stylename=title)
            teletype.addTextToElement(el, b.text)
        elif b.kind in ("h1", "h2", "h3"):
            el = H(outlinelevel=int(b.kind[1]), **kw)
            teletype.addTextToElement(el, b.text)
        elif b.kind == "li":
            el = List()
            item = ListItem()
            p = P(**kw)
            teletype.addTextToElement(p, b.text)
            item.addElement(p)
            el.addElement(item)
        elif b.kind == "table":
            cols = max(len(r) for r in b.rows)
            el = Table(name=f"Table{i}")
            el.addElement(TableColumn(numbercolumnsrepeated=cols))
            for r in b.rows:
                tr = TableRow()
                for c in r:
                    cell = TableCell()
                    p = P()
                    teletype.addTextToElement(p, c)
                    cell.addElement(p)
                    tr.addElement(cell)
                el.addElement(tr)
        else:
            el = P(stylename=small) if b.kind == "small" else P(**kw)
            teletype.addTextToElement(el, b.text)
        doc.text.addElement(el)
    buf = io.BytesIO()
    doc.write(buf)
    return _fixed_zip(_odf_namespaces(buf.getvalue()), _date(src), "mimetype")


_NS_DECLS = re.compile(r"<[\w:.-]+((?:\s+xmlns:[\w.-]+=\"[^\"]*\")+)")


def _sorted_decls(m: re.Match[str]) -> str:
    decls = sorted(re.findall(r"xmlns:[\w.-]+=\"[^\"]*\"", m.group(1)))
    return m.group(0)[: m.start(1) - m.start(0)] + "".join(" " + d for d in decls)


def _odf_namespaces(data: bytes) -> bytes:
    """odfpy declares every namespace any earlier odfpy call in the process used, in the
    order it met them (a module-level registry), so the XML depends on what ran before;
    keep only the namespaces each part uses, in sorted order: the document alone decides."""
    from lxml import etree

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in src.namelist():
            raw = src.read(n)
            if n.endswith(".xml"):
                root = etree.fromstring(raw)
                etree.cleanup_namespaces(root)
                raw = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
                raw = _NS_DECLS.sub(_sorted_decls, raw.decode("utf-8"), count=1).encode("utf-8")
            z.writestr(n, raw)
    return out.getvalue()


# --------------------------------------------------------------------------- corpus

LAYOUTS = {
    "text": "txt/md: the body is the file",
    "html-page": "web page from markup (optional furniture or template)",
    "pdf-report": "A4 report",
    "pdf-slides": "A4 landscape slides, flowing",
    "pdf-deck": "A4 landscape slides, drawn",
    "docx": "Word document",
    "docx-transcript": "Word transcript, speaker labels bold",
    "odt": "OpenDocument text",
}


def render_one(src: Source, corpus_dir: Path) -> bytes:
    layout = src.layout
    if layout == "text":
        return render_text(src)
    if layout == "html-page":
        return render_html(src, corpus_dir)
    if layout in ("pdf-report", "pdf-slides"):
        return render_pdf(src)
    if layout == "pdf-deck":
        return render_deck(src)
    if layout in ("docx", "docx-transcript"):
        return render_docx(src)
    if layout == "odt":
        return render_odt(src)
    raise SourceError(f"{src.name}: unknown layout {layout!r} (one of {', '.join(LAYOUTS)})")


def load_corpus(corpus_dir: Path) -> tuple[dict, list[Source]]:
    cfg_path = corpus_dir / "corpus.yaml"
    if not cfg_path.exists():
        raise SourceError(f"{cfg_path}: missing")
    cfg = yaml.safe_load(cfg_path.read_text(encoding="utf-8")) or {}
    for key in ("corpus", "languages", "initiatives", "non_initiatives", "clusters"):
        if key not in cfg:
            raise SourceError(f"{cfg_path}: no '{key}'")
    files = sorted(p for p in (corpus_dir / "sources").glob("*.md") if not p.name.startswith("_"))
    if not files:
        raise SourceError(f"{corpus_dir / 'sources'}: no *.md sources")
    sources = {s.name: s for s in (read_source(p, cfg["clusters"]) for p in files)}
    order = list(cfg.get("documents") or [])
    unknown = [n for n in order if n not in sources]
    if unknown:
        raise SourceError(f"{cfg_path}: documents without a source: {unknown}")
    order += [n for n in sorted(sources) if n not in order]
    return cfg, [sources[n] for n in order]


def gold_of(cfg: dict, sources: list[Source]) -> str:
    lessons = [les for s in sources for les in s.lessons]
    order = cfg.get("lesson_order", "sorted")
    if order == "sorted":
        lessons.sort(key=lambda x: (x["document"], x["text"]))
    elif order != "documents":
        raise SourceError(f"lesson_order must be 'sorted' or 'documents', not {order!r}")
    gold = {
        "corpus": cfg["corpus"],
        "languages": cfg["languages"],
        "initiatives": cfg["initiatives"],
        "non_initiatives": cfg["non_initiatives"],
        "lessons": lessons,
        "clusters": cfg["clusters"],
    }
    return json.dumps(gold, ensure_ascii=False, indent=2) + "\n"


def render(corpus_dir: Path, out: Path | None = None) -> tuple[int, int]:
    """Render CORPUS_DIR into OUT (default: in place); return (documents, lessons)."""
    corpus_dir = Path(corpus_dir)
    out = Path(out) if out is not None else corpus_dir
    cfg, sources = load_corpus(corpus_dir)
    rendered = {s.name: render_one(s, corpus_dir) for s in sources}
    gold = gold_of(cfg, sources)
    docs = out / "documents"
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    for name, data in rendered.items():
        (docs / name).write_bytes(data)
    (out / "gold.json").write_text(gold, encoding="utf-8")
    return len(rendered), sum(len(s.lessons) for s in sources)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path, help="corpus folder with corpus.yaml and sources/")
    ap.add_argument("--out", type=Path, help="write documents/ and gold.json here instead")
    args = ap.parse_args(argv)
    try:
        n, k = render(args.corpus, args.out)
    except SourceError as e:
        print(f"render: {e}", file=sys.stderr)
        return 1
    print(f"{args.corpus.name}: {n} documents, {k} lessons")
    return 0


if __name__ == "__main__":
    sys.exit(main())
