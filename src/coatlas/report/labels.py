"""Readable labels for codes, from the run's codebook: the single source of labels.

A codebook gives every method, level and role a label per language; the report, the
review pages, the Word and Excel exports and the .qdpx all read them from here, so a
run with its own codebook is labelled by that codebook everywhere. Without a codebook
(plain data in, a test), the built-in one supplies the labels; an unknown code still
reads as words.
"""

from __future__ import annotations

from functools import cache
from typing import Any

GROUPS = ("methods", "levels", "ppe_roles")


def codebook_labels(book: Any, language: str = "en") -> dict[str, dict[str, str]]:
    """``{group: {code: label}}`` of a codebook's methods, levels and roles, in file order.

    The order of ``methods`` is the codebook's: it fixes Figure 1's colours.
    """
    out: dict[str, dict[str, str]] = {}
    for group in GROUPS:
        if group not in book.group_ids():
            continue
        out[group] = {
            c.id: c.label.get(language) or c.label.get("en") or label(c.id, {})
            for c in book.codes(group)
        }
    return out


@cache
def _default() -> dict[str, dict[str, str]]:
    from coatlas.codebook import load_codebook

    return codebook_labels(load_codebook())


def default_labels() -> dict[str, dict[str, str]]:
    """Labels of the built-in codebook (a copy: callers may change it)."""
    return {g: dict(v) for g, v in _default().items()}


def default_method_labels() -> dict[str, str]:
    """Labels of the built-in codebook's methods, in codebook order."""
    return dict(_default().get("methods", {}))


def level_labels() -> dict[str, str]:
    return dict(_default().get("levels", {}))


def role_labels() -> dict[str, str]:
    return dict(_default().get("ppe_roles", {}))


def with_defaults(labels: dict[str, dict[str, str]] | None) -> dict[str, dict[str, str]]:
    """The given groups' labels, the built-in codebook's for a group not given."""
    out = default_labels()
    for group, codes in (labels or {}).items():
        out[group] = dict(codes)
    return out


def label(code: Any, labels: dict[str, str]) -> str:
    """The label of a code; an unknown code still reads as words."""
    code = str(code)
    return labels.get(code) or code.replace("_", " ").capitalize()


def method_order(
    labels: dict[str, str], used: set[str] | frozenset[str] = frozenset()
) -> list[str]:
    """Codebook order first (it fixes colours), then unknown codes sorted."""
    return list(labels) + sorted(set(used) - set(labels))
