"""Fallback reader for dev-norrvik while ``coatlas.ingest.read_document`` is not on main.

Benchmark helper only (never used by the engine): plain text per format, lines of a
paragraph joined, speaker turns approximated by ``LABEL:`` prefixes.
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path

from coatlas.document import Document, Span, Turn

_INTERVIEWER = {"i", "int", "interviewer", "intervjuare", "kf", "q", "fråga"}
_LABEL = re.compile(r"^([A-ZÅÄÖ][\wÅÄÖåäö]{0,20}):\s+")
_NOT_SPEAKER = {
    "date",
    "datum",
    "plats",
    "place",
    "location",
    "recorded",
    "language",
    "length",
    "duration",
    "transcription",
    "ljudfil",
    "transkriberad",
    "transkriberat",
    "present",
    "secretary",
    "decision",
    "beslut",
    "närvarande",
    "sekreterare",
    "längd",
    "anm",
    "background",
    "aim",
    "method",
    "results",
    "conclusions",
    "keywords",
    "note",
    "project",
    "urval",
    "analys",
    "författare",
    "handledare",
}


def _paragraphs_of(path: Path) -> list[str]:
    ext = path.suffix.lower()
    if ext == ".docx":
        import docx

        return [p.text for p in docx.Document(str(path)).paragraphs]
    if ext == ".odt":
        from odf import teletype
        from odf import text as odftext
        from odf.opendocument import load

        d = load(str(path))
        out = []
        for el in d.text.childNodes:
            if el.qname[1] in ("p", "h"):
                out.append(teletype.extractText(el))
            elif el.qname[1] == "list":
                for p in el.getElementsByType(odftext.P):
                    out.append(teletype.extractText(p))
        return out
    if ext == ".pdf":
        import pypdf

        raw = "\n".join(p.extract_text() or "" for p in pypdf.PdfReader(str(path)).pages)
        lines = raw.split("\n")
        paras, cur = [], ""
        for ln in lines:
            ln = ln.strip()
            if not ln:
                continue
            if cur.endswith("-") and ln[:1].islower():
                cur = cur[:-1] + ln
            elif cur and (cur[-1] in ".:!?" or re.match(r"^(\d+(\.\d+)*\.?\s|[-–•]\s)", ln)):
                paras.append(cur)
                cur = ln
            elif cur:
                cur += " " + ln
            else:
                cur = ln
        if cur:
            paras.append(cur)
        return paras
    raw = path.read_text(encoding="utf-8")
    if ext in (".html", ".htm"):
        raw = re.sub(r"(?is)<(script|style).*?</\1>", "", raw)
        raw = re.sub(r"(?i)</(p|h\d|li|div|title|tr)>", "\n\n", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
    return [re.sub(r"\s+", " ", p).strip() for p in re.split(r"\n\s*\n|\n(?=\S+: )", raw)]


def _sentences(text: str, start: int, end: int) -> list[Span]:
    out = []
    for m in re.finditer(r"[^.!?]+(?:[.!?]+[\"”’)]*|$)", text[start:end]):
        s, e = start + m.start(), start + m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Span(s, e))
    return out


def load(path: Path, root: Path) -> Document:
    paras = [p.strip() for p in _paragraphs_of(path) if p and p.strip()]
    text = "\n\n".join(paras)
    spans, turns, sents = [], [], []
    pos = 0
    for p in paras:
        spans.append(Span(pos, pos + len(p)))
        m = _LABEL.match(p)
        body = pos
        header = (
            m
            and re.search(r"\(\w{1,4}\)|,", p[m.end() : m.end() + 60])
            and len(turns) < 2
            and len(p) < 200
        )
        if m and m.group(1).lower() not in _NOT_SPEAKER and not header:
            lab = m.group(1)
            role = "interviewer" if lab.lower() in _INTERVIEWER else "respondent"
            turns.append(Turn(lab, role, pos + m.end(), pos + len(p)))
            body = pos + m.end()
        sents.extend(_sentences(text, body, pos + len(p)))
        pos += len(p) + 2
    sv = len(re.findall(r"\b(och|att|det|som|är|för|inte)\b", text.lower()))
    en = len(re.findall(r"\b(and|the|that|is|for|not|of)\b", text.lower()))
    return Document(
        path=path.relative_to(root).as_posix(),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        format=path.suffix.lower().lstrip("."),
        text=text,
        title=paras[0] if paras else None,
        language="sv" if sv > en else "en",
        paragraphs=spans,
        sentences=sents,
        turns=turns if len(turns) >= 4 else [],
    )


def load_corpus(root: str | Path) -> list[Document]:
    """Documents of a folder, via coatlas.ingest when it exists, else the fallback above."""
    root = Path(root)
    try:
        from coatlas.ingest import read_folder  # type: ignore[attr-defined]

        docs, _errors = read_folder(root)
        if docs:
            return sorted(docs, key=lambda d: d.path)
    except (ImportError, NotImplementedError, AttributeError):
        pass
    return [load(p, root) for p in sorted(root.iterdir()) if p.is_file()]
