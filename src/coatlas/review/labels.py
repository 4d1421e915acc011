"""The run's codebook: where review, the pages and the exports get their labels.

``manifest.json`` names the codebook a run used and its digest. Labels and the codes a
person may code with come from that codebook, checked by digest, so a run with its own
codebook is never shown (or coded with) the built-in one's codes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from coatlas.review.ops import ReviewError


def run_codebook(
    out_dir: str | Path | None, codebook: str | Path | None = None, *, strict: bool = False
) -> Any:
    """The codebook named in ``out_dir/manifest.json`` (or ``codebook``), checked by digest.

    With ``strict`` a codebook that cannot be read or has another digest is a one-line
    ``ReviewError``; otherwise None (callers fall back to the built-in labels).
    """
    from coatlas.codebook import load_codebook

    manifest: dict[str, Any] = {}
    path = Path(out_dir) / "manifest.json" if out_dir is not None else None
    if path is not None and path.is_file():
        try:
            manifest = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            if strict:
                raise ReviewError(f"{path}: cannot read ({e})") from None
    wanted = (manifest.get("codebook") or {}).get("digest")
    source = codebook or (manifest.get("settings") or {}).get("codebook")
    try:
        book = load_codebook(str(source) if source else None)
    except Exception as e:  # noqa: BLE001 — any failure to read it is the same one-line error
        if not strict:
            return None
        raise ReviewError(
            f"{source}: cannot read the run's codebook ({str(e).splitlines()[0]}); "
            "pass --codebook FILE"
        ) from None
    if wanted and book.digest != wanted:
        if not strict:
            return None
        raise ReviewError(
            f"{source or 'built-in codebook'}: digest {book.digest[:12]} is not the run's "
            f"{wanted[:12]} (manifest.json); pass the run's codebook with --codebook FILE"
        )
    return book


def run_labels(
    out_dir: str | Path | None, codebook: str | Path | None = None
) -> dict[str, dict[str, str]]:
    """``{group: {code: label}}`` of the run's codebook (the built-in one's if it cannot be read)."""
    from coatlas.report.labels import codebook_labels, default_labels

    book = run_codebook(out_dir, codebook)
    return codebook_labels(book) if book is not None else default_labels()


__all__ = ["run_codebook", "run_labels"]
