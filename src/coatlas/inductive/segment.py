"""Sentences and the units a lesson may span (a respondent turn, or a paragraph).

Lesson spans never cross a unit: a lesson is what one respondent said in one answer, or
what one paragraph of a plan states. Sentences come from ``Document.sentences`` when
ingestion filled them; otherwise a conservative splitter is used on the canonical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coatlas.document import Document, Span

_SENT = re.compile(r"\S.*?(?:[.!?…]+[\"”’»)\]]*(?=\s|$)|(?=\n\s*\n)|$)", re.DOTALL)
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|etc|dr|mr|mrs|ms|prof|nr|no|ca|t\.ex|bl\.a|d\.v\.s|dvs|m\.m|s\.k|o\.s\.v|jfr|st)\.)$",
    re.IGNORECASE,
)
_SV_HINT = re.compile(r"\b(och|att|det|som|är|för|inte|vi|jag|med|på)\b", re.IGNORECASE)
_EN_HINT = re.compile(r"\b(and|the|that|is|for|not|we|with|on|of|to)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Unit:
    """Consecutive sentences that may form lessons; ``kind`` is turn or paragraph."""

    kind: str
    start: int
    end: int
    sentences: tuple[Span, ...]


def guess_language(text: str, default: str = "en") -> str:
    """en or sv from function words: enough to pick a lexicon for one sentence."""
    sv, en = len(_SV_HINT.findall(text)), len(_EN_HINT.findall(text))
    if sv == en:
        return default
    return "sv" if sv > en else "en"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    out: list[Span] = []
    pending: int | None = None
    for m in _SENT.finditer(text, start, end):
        s, e = m.start(), min(m.end(), end)
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        if pending is not None:
            s = pending
            pending = None
        if _ABBREV.search(text[s:e]) and e < end:
            pending = s
            continue
        out.append(Span(s, e))
    if pending is not None:
        out.append(Span(pending, end))
    return out


def document_sentences(doc: Document) -> list[Span]:
    if doc.sentences:
        return sorted(doc.sentences, key=lambda s: (s.start, s.end))
    spans: list[Span] = []
    blocks = doc.paragraphs or [
        Span(m.start(), m.end())
        for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n\s*\n|\s*$)", doc.text, re.DOTALL)
    ]
    for b in blocks:
        spans.extend(split_sentences(doc.text, b.start, b.end))
    return spans


def units(doc: Document, *, respondent_only: bool = True) -> list[Unit]:
    """Respondent turns of a transcript, else paragraphs (or the whole text)."""
    sents = document_sentences(doc)
    if doc.turns:
        turns = [t for t in doc.turns if t.role == "respondent" or not respondent_only]
        if not turns:  # speakers not mapped to roles: everyone but the interviewer
            turns = [t for t in doc.turns if t.role != "interviewer"]
        regions = [(t.start, t.end, "turn") for t in turns]
    elif doc.paragraphs:
        regions = [(p.start, p.end, "paragraph") for p in doc.paragraphs]
    else:
        regions = [(0, len(doc.text), "paragraph")]
    out: list[Unit] = []
    for s0, e0, kind in sorted(regions):
        inside = [s for s in sents if s.start >= s0 and s.end <= e0]
        if not inside and e0 > s0:
            inside = split_sentences(doc.text, s0, e0)
        if inside:
            out.append(Unit(kind, s0, e0, tuple(inside)))
    return out
