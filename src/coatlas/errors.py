"""Errors a user sees: one line naming the file and the reason, no traceback."""

from __future__ import annotations

import re

# Characters that would break a line or drive a terminal: C0 and C1 controls, DEL and the
# Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def one_line(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``): one printable line.

    For file names and messages shown as "one line per bad file": a name with a newline
    would otherwise split its entry, and an escape sequence would drive the terminal.
    """
    return _CONTROL.sub(_escape, text)


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
        "symlink-outside",
    )

    def __init__(self, path: str, kind: str, detail: str = "") -> None:
        self.path = path
        self.kind = kind
        self.detail = detail
        super().__init__(self.line())

    def line(self) -> str:
        """One line, whatever the file name or the detail holds."""
        text = f"{self.path}: {self.kind}" + (f" ({self.detail})" if self.detail else "")
        return one_line(text)


class CodebookError(CoatlasError):
    pass


class FacetError(CoatlasError):
    """A lesson-facet file that cannot be used (one line: file, facet, reason)."""


class StaleError(CoatlasError):
    """An edit drawn from a page older than a colleague's change of the same thing.

    Optimistic concurrency: refused (HTTP 409 in the browser app) rather than letting the
    later writer silently undo the earlier one; the reviewer reloads and decides again.
    """
