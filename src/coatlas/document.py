"""The Document every later stage reads.

One canonical text per document: every offset anywhere in coatlas (pages, turns,
sentences, evidence) indexes into ``Document.text`` so a quote is always
``text[start:end]``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Role = Literal["interviewer", "respondent", "other"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of the canonical text, with its language when known."""

    start: int
    end: int
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Page:
    number: int  # 1-based
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn of a transcript; ``start``/``end`` cover what was said, not the label."""

    speaker: str
    role: Role
    start: int
    end: int


@dataclass(slots=True)
class Document:
    path: str  # relative to the corpus root (POSIX separators) or the path as given
    sha256: str  # of the file's bytes: the identity of a document
    format: str  # txt, md, html, docx, odt, rtf, pdf
    text: str
    title: str | None = None
    language: str = "und"  # en, sv, or another ISO 639-1 code flagged as such; und = undetermined
    pages: list[Page] = field(default_factory=list)
    paragraphs: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def is_transcript(self) -> bool:
        return bool(self.turns)

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
