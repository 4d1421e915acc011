"""Web pages: main content only (no navigation, banners, footers, scripts), plus the title.

trafilatura does the boilerplate removal; its XML output keeps structure
(headings, list items, table rows) so blocks stay paragraphs. When it finds
nothing (tiny or odd pages) a conservative cleaner of our own takes over.
"""

from __future__ import annotations

import re

from coatlas.errors import IngestError
from coatlas.ingest.blocks import Block

_DOCTYPE = re.compile(r"<!DOCTYPE[^>\[]*(\[.*?\])?\s*>", re.I | re.S)
# Elements that are never content.
_DROP_TAGS = [
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "nav",
    "header",
    "footer",
    "aside",
    "dialog",
    "menu",
]
_JUNK_CLASS = re.compile(
    r"cookie|consent|gdpr|banner|breadcrumb|crumbs|navbar|\bnav\b|menu|footer|header|skip|share|social|toplinks|related|sidebar|popup|modal",
    re.I,
)
_BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "td",
    "th",
    "caption",
    "figcaption",
}


def _clean_source(html: str) -> str:
    # Internal DTD subsets are how entity attacks (XXE, billion laughs) ride into
    # an HTML file; a web page never needs one, so drop the whole declaration.
    return _DOCTYPE.sub("", html)


def html_blocks(html: str, name: str) -> tuple[list[Block], str | None, dict[str, str]]:
    """Return (blocks, <title>, meta); meta["published"] is the page's date when found."""
    html = _clean_source(html)
    title = _title(html)
    blocks = _trafilatura_blocks(html)
    if not blocks:
        blocks = _fallback_blocks(html, name)
    if not blocks:
        blocks = _stripped_blocks(html)
    meta: dict[str, str] = {}
    published = _published(html)
    if published:
        meta["published"] = published
    return blocks, title, meta


def _published(html: str) -> str | None:
    """The page's publication/update date (ISO) from its metadata or byline, if any.

    Offline only: htmldate (inside trafilatura) reads the markup, never the network;
    it is told not to guess from the current date.
    """
    try:
        from trafilatura import extract_metadata

        m = extract_metadata(html, extensive=False)
        return m.date if m is not None and m.date else None
    except Exception:  # noqa: BLE001 - a date is a bonus, never a failure
        return None


def _title(html: str) -> str | None:
    m = re.search(r"<title[^>]*>(.*?)</title>", html[:200_000], re.I | re.S)
    if not m:
        return None
    import html as htmlmod

    t = re.sub(r"\s+", " ", htmlmod.unescape(re.sub(r"<[^>]+>", "", m.group(1)))).strip()
    return t or None


def _trafilatura_blocks(html: str) -> list[Block]:
    try:
        import trafilatura
        from lxml import etree

        xml = trafilatura.extract(
            html,
            output_format="xml",
            include_tables=True,
            include_comments=False,
            include_links=False,
            include_images=False,
            favor_recall=True,
            deduplicate=False,
        )
        if not xml:
            return []
        root = etree.fromstring(
            xml.encode("utf-8"),
            etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False),
        )
    except Exception:  # noqa: BLE001 - any library failure falls back to our cleaner
        return []
    main = root.find("main")
    if main is None:
        main = root
    blocks: list[Block] = []
    _walk_trafilatura(main, blocks)
    return blocks


def _text_of(el) -> str:
    parts: list[str] = []
    if el.text:
        parts.append(el.text)
    for ch in el:
        if ch.tag == "lb":
            parts.append("\n")
        elif ch.tag in ("list", "table"):
            pass  # nested structure handled by the walker
        else:
            parts.append(_text_of(ch))
        if ch.tail:
            parts.append(ch.tail)
    return "".join(parts)


def _walk_trafilatura(el, blocks: list[Block]) -> None:
    for ch in el:
        tag = ch.tag
        if tag in ("p", "quote", "code"):
            t = _text_of(ch)
            if t.strip():
                blocks.append(Block(t))
            for sub in ch:
                if sub.tag in ("list", "table"):
                    _walk_trafilatura(ch, blocks)
                    break
        elif tag == "head":
            t = _text_of(ch)
            if t.strip():
                blocks.append(Block(t, kind="h"))
        elif tag == "list":
            for item in ch:
                if item.tag == "item":
                    t = _text_of(item)
                    if t.strip():
                        blocks.append(Block(t, kind="li"))
                    _walk_trafilatura(item, blocks)
        elif tag == "table":
            for row in ch.iter("row"):
                cells = [re.sub(r"\s+", " ", _text_of(c)).strip() for c in row if c.tag == "cell"]
                cells = [c for c in cells if c]
                if cells:
                    blocks.append(Block(" | ".join(cells), kind="row"))
        elif tag in ("div", "main", "section"):
            _walk_trafilatura(ch, blocks)


def _fallback_blocks(html: str, name: str) -> list[Block]:
    """A careful cleaner: drop non-content elements, take <main>/<article>/<body> blocks."""
    try:
        from lxml import html as lhtml

        parser = lhtml.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
        doc = lhtml.document_fromstring(html, parser=parser)
    except Exception as e:  # noqa: BLE001
        raise IngestError(name, "corrupt", f"unparseable HTML: {type(e).__name__}") from None
    for bad in list(doc.iter(*_DROP_TAGS)):
        bad.drop_tree()
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        cls = " ".join(filter(None, [el.get("class"), el.get("id"), el.get("role")]))
        if cls and _JUNK_CLASS.search(cls) and el.tag not in ("html", "body", "main", "article"):
            el.drop_tree()
    scope = next(iter(doc.iter("main")), None) or next(iter(doc.iter("article")), None) or doc.body
    if scope is None:
        return []
    blocks: list[Block] = []
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCK_TAGS:
            continue
        if any(a.tag in _BLOCK_TAGS for a in el.iterancestors()):
            continue
        for br in el.iter("br"):
            br.tail = "\n" + (br.tail or "")
        t = el.text_content()
        if t.strip():
            kind = (
                "h"
                if el.tag.startswith("h") and len(el.tag) == 2
                else ("li" if el.tag == "li" else "p")
            )
            blocks.append(Block(t, kind=kind))
    if not blocks:
        t = scope.text_content()
        if t.strip():
            blocks = [Block(c) for c in re.split(r"\n\s*\n", t) if c.strip()]
    return blocks


def _stripped_blocks(html: str) -> list[Block]:
    """Last resort for markup the parsers give up on (e.g. nesting deeper than libxml2's
    limit): drop non-content elements and tags by pattern, keep the text."""
    import html as htmlmod

    body = re.sub(
        r"(?is)<(script|style|noscript|template|nav|header|footer|aside)\b.*?</\1\s*>", " ", html
    )
    body = re.sub(r"(?is)<head\b.*?</head\s*>", " ", body)
    body = re.sub(r"(?i)<(?:br|/p|/div|/li|/h[1-6]|/tr|/section|/article)\b[^>]*>", "\n\n", body)
    body = htmlmod.unescape(re.sub(r"<[^>]{0,2000}>", " ", body))
    return [Block(c) for c in re.split(r"\n\s*\n", body) if c.strip()]
