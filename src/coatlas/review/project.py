"""Where a review happens: the store of an output folder, the run, and the reviewed outputs.

``coatlas analyze DOCS --out OUT`` leaves OUT/coatlas.sqlite next to the outputs, so
``open_project("OUT")`` finds the store and the newest run without any setup; a
shared PostgreSQL store is named by URL. Shared by the CLI and the browser app so
both resolve targets and write outputs the same way.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coatlas.jsonio import write_json
from coatlas.review.ops import ReviewError

STORE_FILE = "coatlas.sqlite"  # the name coatlas.pipeline gives the store in OUT
# the Step 1–2 outputs a reviewed report needs beside lessons.json
_CARRIED = (
    "initiatives.json",
    "non_initiatives.json",
    "uncoded.json",
    "manifest.json",
    "errors.json",
)


@dataclass
class Project:
    """An open store, the run under review and the output folder it belongs to (if any)."""

    store: Any  # coatlas.store.Store
    run_id: int
    out_dir: Path | None

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def reviewed(self) -> dict[str, Any]:
        return self.store.reviewed_lessons(self.run_id)

    def proposed(self) -> dict[str, Any]:
        return self.store.proposed_lessons(self.run_id)

    def apply(self, ops: list[dict[str, Any]], actor: str) -> tuple[dict[str, Any], list[dict]]:
        return self.store.review_lessons(self.run_id, ops, actor)

    def log(self) -> list[dict[str, Any]]:
        return [
            e
            for e in self.store.events(target=f"run:{self.run_id}")
            if e["action"] == "lesson.review"
        ]


def open_project(
    target: str | Path,
    *,
    db: str | None = None,
    run: int | None = None,
    schema: str | None = None,
) -> Project:
    """Open what TARGET names: an output folder (its coatlas.sqlite), a SQLite file or a URL.

    ``db`` (a URL) overrides the store, e.g. for an OUT analysed with ``--db``;
    ``run`` picks a run, by default the newest with a stored lesson hierarchy.
    """
    from coatlas.store import open_store

    text = str(target)
    path = Path(text)
    out_dir = path if path.is_dir() else None
    if db is not None:
        store = open_store(url=db, schema=schema)
    elif "://" in text:
        store = open_store(url=text, schema=schema)
    elif path.is_dir():
        if not (path / STORE_FILE).is_file():
            raise ReviewError(
                f"{path}: no {STORE_FILE} here (run coatlas analyze DOCS --out {path} first, "
                "or give --db URL)"
            )
        store = open_store(path=path / STORE_FILE)
    elif path.is_file():
        store = open_store(path=path)
    else:
        raise ReviewError(f"{text}: no such output folder, store file or database URL")
    try:
        runs = store.lesson_runs()
        if run is None:
            if not runs:
                raise ReviewError(f"{text}: no analysis run with lessons to review")
            run = runs[-1]
        elif run not in runs:
            raise ReviewError(f"{text}: run {run} has no lesson hierarchy (runs: {runs})")
    except BaseException:
        store.close()
        raise
    return Project(store, run, out_dir)


def write_reviewed(
    project: Project, out_dir: str | Path | None = None, codebook: str | Path | None = None
) -> dict[str, Path]:
    """Write the reviewed lessons.json and re-render table3, report.html (and the rest).

    Into ``out_dir`` (default: the project's folder). Step 1–2 files are copied
    from the project's folder when writing elsewhere. The report is rendered with
    the run's codebook (from manifest.json, or ``codebook``), checked by digest, so
    Table 2 and Figure 1 come out byte-identical to what analyze wrote.
    """
    from coatlas.report import write_reports_from_folder

    out = Path(out_dir) if out_dir is not None else project.out_dir
    if out is None:
        raise ReviewError("review report: say where to write (--out DIR)")
    out.mkdir(parents=True, exist_ok=True)
    if project.out_dir is not None and out.resolve() != project.out_dir.resolve():
        for name in _CARRIED:
            if (project.out_dir / name).is_file():
                shutil.copyfile(project.out_dir / name, out / name)
    labels = _method_labels(out / "manifest.json", codebook)
    write_json(out / "lessons.json", project.reviewed())
    paths = write_reports_from_folder(out, method_labels=labels)
    return {"lessons.json": out / "lessons.json", **paths}


def _method_labels(manifest_path: Path, codebook: str | Path | None) -> dict[str, str] | None:
    import json

    from coatlas.codebook import load_codebook
    from coatlas.pipeline import method_labels

    manifest = {}
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    wanted = (manifest.get("codebook") or {}).get("digest")
    source = codebook or (manifest.get("settings") or {}).get("codebook")
    try:
        book = load_codebook(str(source) if source else None)
    except Exception as e:  # noqa: BLE001 — any failure to read it is the same one-line error
        raise ReviewError(
            f"{source}: cannot read the run's codebook ({str(e).splitlines()[0]}); "
            "pass --codebook FILE"
        ) from None
    if wanted and book.digest != wanted:
        raise ReviewError(
            f"{source or 'built-in codebook'}: digest {book.digest[:12]} is not the run's "
            f"{wanted[:12]} (manifest.json); pass the run's codebook with --codebook FILE"
        )
    return method_labels(book)
