"""Sentences and the units a lesson may span (a respondent turn, or a paragraph).

Lesson spans never cross a unit: a lesson is what one respondent said in one answer, or
what one paragraph of a plan states. Sentences come from ``Document.sentences`` when
ingestion filled them; otherwise a conservative splitter is used on the canonical text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from coatlas.document import Document, Span
from coatlas.text.sentences import split_sentences as _split

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
    """Sentence spans of ``text[start:end]`` from the one splitter in ``coatlas.text``."""
    return [Span(a, b) for a, b in _split(text, start, end)]


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
