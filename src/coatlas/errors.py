"""Errors a user sees: one line naming the file and the reason, no traceback."""

from __future__ import annotations


class CoatlasError(Exception):
    """Base for errors that are reported to the user as one line."""


class IngestError(CoatlasError):
    """A file that cannot be read. ``kind`` is a stable short reason for machines."""

    KINDS = (
        "encrypted",
        "no-text-layer",
        "corrupt",
        "truncated",
        "unsupported-type",
        "too-large",
        "unreadable",
        "empty",
        "unsafe",
    )

    def __init__(self, path: str, kind: str, detail: str = "") -> None:
        self.path = path
        self.kind = kind
        self.detail = detail
        super().__init__(self.line())

    def line(self) -> str:
        return f"{self.path}: {self.kind}" + (f" ({self.detail})" if self.detail else "")


class CodebookError(CoatlasError):
    pass


class FacetError(CoatlasError):
    """A lesson-facet file that cannot be used (one line: file, facet, reason)."""
