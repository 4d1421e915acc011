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

STORE_FILE = "coatlas.sqlite"  # as written by coatlas.pipeline
REQUIRED = ("manifest.json", "initiatives.json", "lessons.json")
OPTIONAL = ("non_initiatives.json", "uncoded.json")


class ExportError(CoatlasError):
    """An output folder that cannot be exported (one line: file or item, reason)."""


@dataclass(frozen=True, slots=True)
class Review:
    """A reviewer's decision on one Step 1–2 coding, read from the store's event log.

    ``index`` is the coding's position in ``codings_from_initiatives`` order, which is
    the order the pipeline stored them in.
    """

    index: int
    status: str  # accepted | rejected | edited
    actor: str
    code: str
    start: int
    end: int
    note: str | None = None


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
    origin: str = "<results>"  # the folder, for error lines


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
    if store_url is not None:
        texts, reviews = _from_store(store_url, out, manifest, initiatives)
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
        origin=str(out),
    )


def _reread(docs: Path, items: list[dict[str, Any]]) -> dict[str, str]:
    from coatlas.ingest import read_document

    texts: dict[str, str] = {}
    for item in items:
        path = docs / item["document"]
        if not path.is_file():
            raise ExportError(f"{path}: missing (listed in manifest.json)")
        doc = read_document(path, root=docs)
        if item.get("sha256") and doc.sha256 != item["sha256"]:
            raise ExportError(
                f"{path}: changed since the analysis (sha256 differs from manifest.json)"
            )
        texts[item["document"]] = doc.text
    return texts


def _from_store(
    url: str, out: Path, manifest: dict[str, Any], initiatives: list[dict[str, Any]]
) -> tuple[dict[str, str], list[Review]]:
    """Texts by the manifest's sha256, and reviewers' decisions on this run's codings."""
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
            reviews = _reviews(store, manifest, initiatives)
    except SQLAlchemyError as e:
        line = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ExportError(f"{out / STORE_FILE if 'sqlite' in url else url}: {line}") from None
    return texts, reviews


def _reviews(
    store: Any, manifest: dict[str, Any], initiatives: list[dict[str, Any]]
) -> list[Review]:
    """Decisions a review layer recorded on this run's codings (none if it cannot align).

    The run is the latest succeeded one with the manifest's inputs digest. Its
    codings were stored in ``codings_from_initiatives`` order; if they no longer line
    up with initiatives.json (another run, a hand-edited file), no review is applied.
    """
    from coatlas.evidence import codings_from_initiatives

    digest = manifest.get("inputs_digest")
    runs = [r for r in store.runs() if r["input_digest"] == digest and r["status"] == "succeeded"]
    if not runs:
        return []
    rows = store.codings(run_id=runs[-1]["id"])
    expected = codings_from_initiatives(initiatives)
    if len(rows) != len(expected) or any(
        r["target"] != c.target for r, c in zip(rows, expected, strict=True)
    ):
        return []
    reviewed = {r["id"]: i for i, r in enumerate(rows) if r["status"] != "proposed"}
    if not reviewed:
        return []
    last: dict[int, dict[str, Any]] = {}
    for ev in store.events():
        if ev["action"] in ("coding.status", "coding.edit") and ev["target"].startswith("coding:"):
            cid = int(ev["target"].split(":", 1)[1])
            if cid in reviewed:
                last[cid] = ev
    out: list[Review] = []
    for cid, i in sorted(reviewed.items(), key=lambda kv: kv[1]):
        row, ev = rows[i], last.get(cid)
        payload = (ev or {}).get("payload") or {}
        out.append(
            Review(
                index=i,
                status=row["status"],
                actor=(ev or {}).get("actor") or "reviewer",
                code=row["code"],
                start=row["evidence"]["start"],
                end=row["evidence"]["end"],
                note=payload.get("note"),
            )
        )
    return out
