"""Load an analysis output folder, with the canonical texts its offsets refer to.

Exporters need more than the JSON files: every offset indexes a document's
canonical text, and only the text coatlas read gives selections that line up.
The run's store holds those texts (by sha256, as listed in manifest.json); when
the store is elsewhere or gone, the documents can be read again and are checked
against the manifest's hashes so a changed file cannot shift the selections.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coatlas.errors import CoatlasError
from coatlas.review.initiatives import CodingReview

STORE_FILE = "coatlas.sqlite"  # as written by coatlas.pipeline
REQUIRED = ("manifest.json", "initiatives.json", "lessons.json")
OPTIONAL = ("non_initiatives.json", "uncoded.json", "memos.json")


class ExportError(CoatlasError):
    """An output folder that cannot be exported (one line: file or item, reason)."""


# A reviewer's decision on one Step 1–2 coding: defined in the core (coatlas.review), which
# applies it for `review report`, the browser app and this exporter alike.
Review = CodingReview


@dataclass
class Results:
    """Everything an exporter needs, as plain data (``coatlas analyze`` outputs + texts)."""

    manifest: dict[str, Any]
    initiatives: list[dict[str, Any]]
    lessons_doc: dict[str, Any]
    texts: dict[str, str]  # document path (as in evidence) -> canonical text
    non_initiatives: list[dict[str, Any]] = field(default_factory=list)
    uncoded: list[dict[str, Any]] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    initiative_ops: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (actor, op)
    origin: str = "<results>"  # the folder, for error lines
    memos: list[dict[str, Any]] = field(default_factory=list)  # memos.json: target, text, by


def _read_json(path: Path, kind: type) -> Any:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExportError(
            f"{path}: missing (is this an output folder of `coatlas analyze`?)"
        ) from None
    except json.JSONDecodeError as e:
        raise ExportError(f"{path}: not valid JSON (line {e.lineno}: {e.msg})") from None
    except (OSError, UnicodeDecodeError) as e:
        raise ExportError(f"{path}: cannot read ({e})") from None
    if not isinstance(data, kind):
        raise ExportError(f"{path}: expected a JSON {'list' if kind is list else 'object'}")
    return data


def load_results(
    out_dir: str | Path,
    *,
    docs_dir: str | Path | None = None,
    db_url: str | None = None,
) -> Results:
    """Read OUT's JSON files and the canonical texts (store first, then DOCS re-read)."""
    out = Path(out_dir)
    if not out.is_dir():
        raise ExportError(f"{out}: not a folder")
    manifest = _read_json(out / "manifest.json", dict)
    initiatives = _read_json(out / "initiatives.json", list)
    lessons_doc = _read_json(out / "lessons.json", dict)
    extra = {
        name: _read_json(out / name, list) if (out / name).exists() else [] for name in OPTIONAL
    }
    inputs = manifest.get("inputs")
    if not isinstance(inputs, list) or not all(
        isinstance(i, dict) and isinstance(i.get("document"), str) for i in inputs
    ):
        raise ExportError(f"{out / 'manifest.json'}: no list of inputs with documents")

    store_url = db_url or (
        f"sqlite:///{(out / STORE_FILE).resolve()}" if (out / STORE_FILE).is_file() else None
    )
    texts: dict[str, str] = {}
    reviews: list[Review] = []
    ops: list[tuple[str, dict[str, Any]]] = []
    if store_url is not None:
        texts, initiatives, reviews, ops = _from_store(
            store_url, out, manifest, initiatives, (out / "rejected_initiatives.json").exists()
        )
    missing = [i for i in inputs if i["document"] not in texts]
    if missing and docs_dir is not None:
        texts.update(_reread(Path(docs_dir), missing))
        missing = [i for i in inputs if i["document"] not in texts]
    if missing:
        where = "the store" if store_url else f"a store ({out / STORE_FILE} does not exist)"
        raise ExportError(
            f"{out}: no canonical text for {missing[0]['document']} in {where}; "
            "pass the documents folder (--docs) to read them again"
        )
    for item in inputs:
        n = item.get("characters")
        if isinstance(n, int) and len(texts[item["document"]]) != n:
            raise ExportError(
                f"{out / 'manifest.json'}: {item['document']} has {len(texts[item['document']])} "
                f"characters, the manifest says {n}"
            )
    return Results(
        manifest=manifest,
        initiatives=initiatives,
        lessons_doc=lessons_doc,
        texts=texts,
        non_initiatives=extra["non_initiatives.json"],
        uncoded=extra["uncoded.json"],
        reviews=reviews,
        initiative_ops=ops,
        origin=str(out),
        memos=extra["memos.json"],
    )


def _reread(docs: Path, items: list[dict[str, Any]]) -> dict[str, str]:
    from coatlas.ingest import read_document

    texts: dict[str, str] = {}
    for item in items:
        path = docs / item["document"]
        if not path.is_file():
            raise ExportError(f"{path}: missing (listed in manifest.json)")
        # in the run's inputs, so read as the run read it (links were followed if given)
        doc = read_document(path, root=docs, follow_symlinks=True)
        if item.get("sha256") and doc.sha256 != item["sha256"]:
            raise ExportError(
                f"{path}: changed since the analysis (sha256 differs from manifest.json)"
            )
        texts[item["document"]] = doc.text
    return texts


def _from_store(
    url: str,
    out: Path,
    manifest: dict[str, Any],
    initiatives: list[dict[str, Any]],
    reviewed_file: bool,
) -> tuple[dict[str, str], list[dict[str, Any]], list[Review], list[tuple[str, dict[str, Any]]]]:
    """Texts by the manifest's sha256, and the run's proposal with its review decisions."""
    from sqlalchemy.exc import SQLAlchemyError

    from coatlas.store import open_store

    texts: dict[str, str] = {}
    try:
        # migrate=False: exporting must not change the project store.
        with open_store(url=url, migrate=False) as store:
            for item in manifest.get("inputs", []):
                sha = item.get("sha256")
                doc = store.get_document(sha) if isinstance(sha, str) else None
                if doc is not None:
                    texts[item["document"]] = doc.text
            base, reviews, ops = _reviews(store, manifest, initiatives, reviewed_file)
    except SQLAlchemyError as e:
        line = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ExportError(f"{out / STORE_FILE if 'sqlite' in url else url}: {line}") from None
    return texts, base, reviews, ops


def _reviews(
    store: Any, manifest: dict[str, Any], initiatives: list[dict[str, Any]], reviewed_file: bool
) -> tuple[list[dict[str, Any]], list[Review], list[tuple[str, dict[str, Any]]]]:
    """The initiatives to export from and the decisions a review recorded on them.

    The run is the latest succeeded one with the manifest's inputs digest. Decisions apply
    to the run's proposal as stored; initiatives.json is that proposal, or the reviewed
    file `review report` wrote from it (then the store's proposal is the base, so the
    decisions are not applied twice). A file that is neither (hand-edited) is exported as
    it is, with the decisions that still line up with it.
    """
    from coatlas.review.initiatives import apply_review, coding_reviews
    from coatlas.review.log import initiative_ops

    digest = manifest.get("inputs_digest")
    runs = [r for r in store.runs() if r["input_digest"] == digest and r["status"] == "succeeded"]
    if not runs:
        return initiatives, [], []
    run = runs[-1]["id"]
    proposal = store.initiatives(run)
    if proposal:
        reviews, ops = coding_reviews(store, run), initiative_ops(store, run)
        if (
            reviewed_file
            or initiatives == proposal
            or initiatives == apply_review(proposal, reviews, ops)[0]
        ):
            return proposal, reviews, ops
    return initiatives, coding_reviews(store, run), []
