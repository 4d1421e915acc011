"""Resource limits for reading untrusted files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that keep one hostile file from exhausting memory or time.

    Generous by default: a real 300-page report is far below every one of them.
    """

    max_file_bytes: int = 100 * 1024 * 1024  # input file size
    max_text_chars: int = 20_000_000  # canonical text length
    max_unzipped_bytes: int = 400 * 1024 * 1024  # sum of a docx/odt's member sizes
    max_zip_ratio: float = 200.0  # uncompressed/compressed, for members > 1 MB
    max_zip_members: int = 20_000
    max_pdf_pages: int = 5_000
    # Structure within the text limit: 20M characters as millions of one-word paragraphs,
    # sentences or lines would cost gigabytes of spans. A 300-page report has ~5,000
    # paragraphs, ~15,000 sentences and ~20,000 line breaks.
    max_paragraphs: int = 300_000
    max_sentence_marks: int = 1_000_000  # ". ! ?" in the text: an upper bound on sentences
    max_lines: int = 1_000_000  # line breaks, the two between paragraphs included


DEFAULT_LIMITS = Limits()
