"""Where a review happens: the store of an output folder, the run, and the reviewed outputs.

``coatlas analyze DOCS --out OUT`` leaves OUT/coatlas.sqlite next to the outputs, so
``open_project("OUT")`` finds the store and the newest run without any setup; a
shared PostgreSQL store is named by URL. Shared by the CLI and the browser app so
both resolve targets and write outputs the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coatlas.fileio import write_bytes
from coatlas.jsonio import write_json
from coatlas.review.ops import ReviewError

STORE_FILE = "coatlas.sqlite"  # the name coatlas.pipeline gives the store in OUT
REJECTED_FILE = "rejected_initiatives.json"  # initiatives a reviewer rejected, with why
# the Step 1–2 outputs a reviewed report needs beside lessons.json
_CARRIED = (
    "initiatives.json",
    "non_initiatives.json",
    "uncoded.json",
    "manifest.json",
    "errors.json",
    REJECTED_FILE,
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

    # -- Steps 1–2 (coatlas.review.initiatives) ----------------------------------------

    def proposed_initiatives(self) -> list[dict[str, Any]]:
        """initiatives.json as analyze wrote it (the store keeps it exactly)."""
        return self.store.initiatives(self.run_id)

    def reviewed_initiatives(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(kept, rejected): the proposal with every recorded decision applied."""
        from coatlas.review.initiatives import apply_review, coding_reviews

        proposal = self.proposed_initiatives()
        return apply_review(
            proposal,
            coding_reviews(self.store, self.run_id, proposal),
            self.store.initiative_ops(self.run_id),
        )

    def codings(self, initiative: str | None = None) -> list[dict[str, Any]]:
        """The run's Step 1–2 codings (ids for the review verbs), optionally of one initiative."""
        target = f"initiative:{initiative}" if initiative else None
        rows = self.store.codings(run_id=self.run_id, target=target)
        return [r for r in rows if str(r["target"]).startswith("initiative:")]

    def _coding(self, coding_id: int) -> dict[str, Any]:
        for row in self.store.codings(run_id=self.run_id):
            if row["id"] == coding_id:
                return row
        raise ReviewError(f"coding {coding_id}: not a coding of run {self.run_id}")

    def decide(
        self, coding_id: int, status: str, actor: str, note: str | None = None
    ) -> dict[str, Any]:
        """Accept or reject one coding (a ``coding.status`` event)."""
        from coatlas.review.initiatives import check_actor, check_coding_decision

        if status not in ("accepted", "rejected"):
            raise ReviewError(f"coding {coding_id}: decide accepted or rejected, not {status!r}")
        row = self._coding(coding_id)
        check_coding_decision(row, self.run_id)
        note = note.strip() if note and note.strip() else None
        return self.store.set_coding_status(coding_id, status, check_actor(actor), note=note)

    def edit(
        self,
        coding_id: int,
        actor: str,
        *,
        code: str | None = None,
        start: int | None = None,
        end: int | None = None,
        note: str | None = None,
    ) -> dict[str, Any]:
        """Correct one coding's code (within its group) or span (a ``coding.edit`` event)."""
        from coatlas.review.initiatives import check_actor, check_coding_decision, full_code

        row = self._coding(coding_id)
        code = code.strip() if code and code.strip() else None
        if code is None and start is None and end is None:
            raise ReviewError(f"coding {coding_id}: nothing to edit (give a code or a span)")
        check_coding_decision(row, self.run_id, code=code)
        new_code = full_code(row, code) if code else None
        s = row["evidence"]["start"] if start is None else start
        e = row["evidence"]["end"] if end is None else end
        if not 0 <= s < e:
            raise ReviewError(f"coding {coding_id}: span {s}:{e} is empty or negative")
        note = note.strip() if note and note.strip() else None
        return self.store.edit_coding(
            coding_id, check_actor(actor), code=new_code, start=start, end=end, note=note
        )

    def review_initiatives(self, ops: list[dict[str, Any]], actor: str) -> list[dict[str, Any]]:
        """Reject, restore or rename whole initiatives (``initiative.review`` events)."""
        return self.store.review_initiatives(self.run_id, ops, actor)

    def initiative_log(self) -> list[dict[str, Any]]:
        """Every Step 1–2 decision of the run, oldest first (coding and initiative events)."""
        ids = {f"coding:{r['id']}" for r in self.codings()}
        run = f"run:{self.run_id}"
        return [
            e
            for e in self.store.events()
            if e["target"] in ids or (e["target"] == run and e["action"] == "initiative.review")
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
    """Write the reviewed lessons.json, initiatives.json and re-render every report.

    Into ``out_dir`` (default: the project's folder). Step 1–2 files are copied
    from the project's folder when writing elsewhere. The report is rendered with
    the run's codebook (from manifest.json, or ``codebook``), checked by digest, so
    Table 2 and Figure 1 come out byte-identical to what analyze wrote.
    """
    from coatlas.report import write_reports_from_folder

    out = Path(out_dir) if out_dir is not None else project.out_dir
    if out is None:
        raise ReviewError("review report: say where to write (--out DIR)")
    # the Step 1–2 files, the manifest and the errors come from a folder: it must be the
    # run's own, or the outputs would mix two runs
    if project.out_dir is not None:
        check_folder(project, project.out_dir)
    if out.is_dir() and (project.out_dir is None or out.resolve() != project.out_dir.resolve()):
        check_folder(project, out, required=False)
    out.mkdir(parents=True, exist_ok=True)
    if project.out_dir is not None and out.resolve() != project.out_dir.resolve():
        for name in _CARRIED:
            if (project.out_dir / name).is_file():
                write_bytes(out / name, (project.out_dir / name).read_bytes())
    labels = _method_labels(out / "manifest.json", codebook)
    write_json(out / "lessons.json", project.reviewed())
    written = {"lessons.json": out / "lessons.json"}
    if project.proposed_initiatives():  # runs stored before Steps 1–2 review: file left alone
        kept, rejected = project.reviewed_initiatives()
        write_json(out / "initiatives.json", kept)
        written["initiatives.json"] = out / "initiatives.json"
        if rejected:
            write_json(out / REJECTED_FILE, rejected)
            written[REJECTED_FILE] = out / REJECTED_FILE
        elif (out / REJECTED_FILE).exists():
            (out / REJECTED_FILE).unlink()  # every rejection was restored since the last report
    paths = write_reports_from_folder(out, method_labels=labels)
    return {**written, **paths}


def read_manifest(path: Path) -> dict[str, Any]:
    """manifest.json as a dict; a missing, truncated or foreign file is one ReviewError line."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReviewError(
            f"{path}: missing (the analysis that wrote this folder did not finish?); "
            "run coatlas analyze again"
        ) from None
    except json.JSONDecodeError as e:
        raise ReviewError(
            f"{path}: not valid JSON (line {e.lineno} column {e.colno}: {e.msg}; "
            "truncated?); run coatlas analyze again"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise ReviewError(f"{path}: cannot read ({e})") from None
    if not isinstance(data, dict):
        raise ReviewError(f"{path}: expected a JSON object, not {type(data).__name__}")
    return data


def check_folder(project: Project, folder: Path, *, required: bool = True) -> None:
    """Refuse (one ReviewError line) when ``folder``'s manifest.json is not from the run.

    A folder belongs to a run when its manifest has the run's inputs digest, settings and
    coatlas version: then, outputs being deterministic, its files are what that run wrote.
    A folder re-analysed since (``coatlas serve`` still open on it, a re-analysis killed
    half-way) fails the check. ``required=False``: a folder without a manifest passes
    (a fresh --out folder).
    """
    path = folder / "manifest.json"
    if not required and not path.exists():
        return
    manifest = read_manifest(path)
    runs = {r["id"]: r for r in project.store.runs()}
    run = runs.get(project.run_id)
    if run is None:
        raise ReviewError(f"run {project.run_id}: not in the store")
    why = _mismatch(manifest, run)
    if why is None:
        return
    matching = [
        r for r in project.store.lesson_runs() if r in runs and _mismatch(manifest, runs[r]) is None
    ]
    hint = (
        f"review run {matching[-1]} (--run {matching[-1]}) or run coatlas analyze again"
        if matching
        else "run coatlas analyze again"
    )
    raise ReviewError(f"{path}: another run than the store's run {project.run_id} ({why}); {hint}")


def _mismatch(manifest: dict[str, Any], run: dict[str, Any]) -> str | None:
    """What differs between a manifest and a stored run, or None if they belong together."""
    digest = manifest.get("inputs_digest")
    if not isinstance(digest, str):
        return "the manifest has no inputs_digest"
    if digest != run.get("input_digest"):
        return f"inputs digest {digest[:12]}, the run's {str(run.get('input_digest'))[:12]}"
    if manifest.get("settings") != run.get("settings"):
        return "settings differ"
    version = (run.get("versions") or {}).get("coatlas")
    if version is not None and manifest.get("coatlas") != version:
        return f"coatlas {manifest.get('coatlas')}, the run's {version}"
    return None


def _method_labels(manifest_path: Path, codebook: str | Path | None) -> dict[str, str] | None:
    from coatlas.codebook import load_codebook
    from coatlas.pipeline import method_labels

    manifest = {}
    if manifest_path.is_file():
        manifest = read_manifest(manifest_path)
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
