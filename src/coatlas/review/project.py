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
MEMOS_FILE = "memos.json"  # the analysts' memos, each with its target and author
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
        from coatlas.review.log import reviewed_lessons

        return reviewed_lessons(self.store, self.run_id)

    def proposed(self) -> dict[str, Any]:
        return self.store.proposed_lessons(self.run_id)

    def apply(
        self, ops: list[dict[str, Any]], actor: str, *, seen: int | None = None
    ) -> tuple[dict[str, Any], list[dict]]:
        """Record lesson ops (rename … restore, and ``add`` of a lesson coded by selection).

        ``seen``: the newest event id the reviewer's page showed; an op on something a
        colleague changed since is refused (``coatlas.review.log.check_fresh``).
        """
        from coatlas.review.log import review_lessons

        return review_lessons(self.store, self.run_id, ops, actor, texts=self.text, seen=seen)

    def log(self) -> list[dict[str, Any]]:
        from coatlas.events import LESSON_REVIEW

        return [
            e
            for e in self.store.events(target=f"run:{self.run_id}")
            if e["action"] == LESSON_REVIEW
        ]

    # -- the documents every offset refers to ----------------------------------------------

    def documents(self) -> list[dict[str, Any]]:
        """The run's documents (``path``, ``sha256``, ``language``, ``chars``), by path."""
        return self.store.run_documents(self.run_id)

    def text(self, path: str) -> str | None:
        """The canonical text the run read at ``path`` (what `coatlas extract` prints)."""
        cache = self.__dict__.setdefault("_texts", {})
        if path not in cache:
            cache[path] = self.store.document_text(self.run_id, path)
        return cache[path]

    def codebook_codes(self) -> list[str] | None:
        """``group:code`` of every method, level and role in the run's codebook (None: unknown)."""
        from coatlas.review.labels import run_codebook

        if self.out_dir is None:  # a store named by URL: its manifest is not at hand
            return None
        book = run_codebook(self.out_dir)
        if book is None:
            return None
        return [f"{g}:{c.id}" for g in ("methods", "levels", "ppe_roles")
                if g in book.group_ids() for c in book.codes(g)]  # fmt: skip

    # -- coding by selection: what the machine missed (the CLI verbs and the web forms) ----

    def add_initiative(
        self,
        name: str,
        document: str,
        start: int,
        end: int,
        actor: str,
        *,
        start_year: int | None = None,
        end_year: int | None = None,
        ongoing: bool = False,
    ) -> dict[str, Any]:
        """A new initiative named by ``text[start:end]`` of ``document``, with its years."""
        op = {"op": "add", "name": name, "document": document, "start": start, "end": end}
        return self.review_initiatives([_years(op, start_year, end_year, ongoing)], actor)[0]

    def code(
        self, initiative: str, code: str, document: str, start: int, end: int, actor: str
    ) -> dict[str, Any]:
        """A method, level or role of the run's codebook for an initiative, from a quote."""
        op = {"op": "code", "initiative": initiative, "code": code, "document": document}
        return self.review_initiatives([{**op, "start": start, "end": end}], actor)[0]

    def set_years(
        self,
        initiative: str,
        document: str,
        start: int,
        end: int,
        actor: str,
        *,
        start_year: int | None = None,
        end_year: int | None = None,
        ongoing: bool = False,
    ) -> dict[str, Any]:
        """Correct an initiative's start, end or ongoing from a quote that says so."""
        op = {"op": "years", "initiative": initiative, "document": document}
        op |= {"start": start, "end": end}
        return self.review_initiatives([_years(op, start_year, end_year, ongoing)], actor)[0]

    def uncode(self, coding: str, actor: str) -> dict[str, Any]:
        """Take back a coding a person added (``h2``); a machine's coding is rejected instead."""
        return self.review_initiatives([{"op": "uncode", "coding": coding}], actor)[0]

    def add_lesson(
        self, document: str, start: int, end: int, actor: str, to: str | None = None
    ) -> dict[str, Any]:
        """A lesson the machine missed, ``text[start:end]`` of ``document``, into code ``to``."""
        op: dict[str, Any] = {"op": "add", "document": document, "start": start, "end": end}
        language = next((d["language"] for d in self.documents() if d["path"] == document), None)
        if to:
            op["to"] = to
        if language:
            op["language"] = language
        return self.apply([op], actor)[1][0]

    # -- memos ------------------------------------------------------------------------------

    def memos(self) -> list[dict[str, Any]]:
        """Every memo of the run, oldest first (``target``, ``text``, ``by``)."""
        from coatlas.review.log import memo_events
        from coatlas.review.memos import memo_records

        return memo_records(memo_events(self.store, self.run_id))

    def add_memo(self, target: str, text: str, actor: str) -> dict[str, Any]:
        """A memo on an initiative, node, lesson, coding or document (a ``memo`` event)."""
        from coatlas.review.log import add_memos
        from coatlas.review.memos import normalize_memo

        memo = normalize_memo(target, text, self)
        return add_memos(self.store, self.run_id, [memo], actor)[0]

    # -- Steps 1–2 (coatlas.review.initiatives) ----------------------------------------

    def proposed_initiatives(self) -> list[dict[str, Any]]:
        """initiatives.json as analyze wrote it (the store keeps it exactly)."""
        return self.store.initiatives(self.run_id)

    def reviewed_initiatives(
        self, *, by: str | None = None
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """(kept, rejected): the proposal with every recorded decision applied.

        ``by`` (blind double coding): only that person's coding decisions and added codings,
        as if nobody else had coded (initiative rejections and renames stay shared).
        """
        from coatlas.review.initiatives import apply_review, coding_reviews
        from coatlas.review.log import initiative_ops

        proposal = self.proposed_initiatives()
        if by is not None:
            from coatlas.review.blind import own_reviews

            return apply_review(
                proposal,
                own_reviews(self.store, self.run_id, by),
                initiative_ops(self.store, self.run_id),
                human_by=by,
            )
        return apply_review(
            proposal,
            coding_reviews(self.store, self.run_id),
            initiative_ops(self.store, self.run_id),
        )

    def unmatched_decisions(self) -> list[Any]:
        """Coding decisions that find no evidence item in the proposal (never silently lost)."""
        from coatlas.review.initiatives import coding_reviews, unmatched

        return unmatched(self.proposed_initiatives(), coding_reviews(self.store, self.run_id))

    def codings(
        self, initiative: str | None = None, *, by: str | None = None
    ) -> list[dict[str, Any]]:
        """The run's Step 1–2 codings (ids for the review verbs), optionally of one initiative.

        ``by`` (blind double coding): status, code and span as that person left them.
        """
        target = f"initiative:{initiative}" if initiative else None
        rows = self.store.codings(run_id=self.run_id, target=target)
        rows = [r for r in rows if str(r["target"]).startswith("initiative:")]
        if by is not None:
            from coatlas.review.blind import own_rows

            rows = own_rows(self.store, self.run_id, by, rows)
        return rows

    def human_codings(
        self, initiative: str | None = None, *, by: str | None = None
    ) -> list[dict[str, Any]]:
        """Codings people added by selection (ids ``h1`` …), shaped like :meth:`codings` rows."""
        from coatlas.review.initiatives import human_item, replay_initiative_ops
        from coatlas.review.log import initiative_ops

        state = replay_initiative_ops(
            self.proposed_initiatives(), initiative_ops(self.store, self.run_id)
        )
        out = []
        for hid, (actor, op) in state.human.items():
            if initiative is not None and op["initiative"] != initiative:
                continue
            if by is not None and actor != by:
                continue
            item = human_item(op, actor)
            item.pop("review")
            code = {"add": "name", "years": "years"}.get(op["op"], op.get("code"))
            out.append(
                {
                    "id": hid,
                    "run_id": self.run_id,
                    "target": f"initiative:{op['initiative']}",
                    "code": code,
                    "status": "added",
                    "coder": actor,
                    "evidence": item,
                }
            )
        return out

    def _coding(self, coding_id: int) -> dict[str, Any]:
        for row in self.store.codings(run_id=self.run_id):
            if row["id"] == coding_id:
                return row
        raise ReviewError(f"coding {coding_id}: not a coding of run {self.run_id}")

    def decide(
        self,
        coding_id: int,
        status: str,
        actor: str,
        note: str | None = None,
        *,
        seen: int | None = None,
    ) -> dict[str, Any]:
        """Accept or reject one coding (a ``coding.status`` event)."""
        from coatlas.review.initiatives import check_actor, check_coding_decision

        if status not in ("accepted", "rejected"):
            raise ReviewError(f"coding {coding_id}: decide accepted or rejected, not {status!r}")
        row = self._coding(coding_id)
        check_coding_decision(row, self.run_id)
        note = note.strip() if note and note.strip() else None
        return self.store.set_coding_status(
            coding_id, status, check_actor(actor), note=note, seen=seen
        )

    def edit(
        self,
        coding_id: int,
        actor: str,
        *,
        code: str | None = None,
        start: int | None = None,
        end: int | None = None,
        note: str | None = None,
        seen: int | None = None,
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
            coding_id, check_actor(actor), code=new_code, start=start, end=end, note=note, seen=seen
        )

    def review_initiatives(
        self, ops: list[dict[str, Any]], actor: str, *, seen: int | None = None
    ) -> list[dict[str, Any]]:
        """Initiative ops (``initiative.review`` events): reject, restore, rename whole
        initiatives; add one, code, correct years or uncode, by selected text."""
        from coatlas.review.log import review_initiatives

        needs_codes = any(isinstance(o, dict) and o.get("op") == "code" for o in ops)
        return review_initiatives(
            self.store,
            self.run_id,
            ops,
            actor,
            texts=self.text,
            codes=self.codebook_codes() if needs_codes else None,
            seen=seen,
        )

    def initiative_log(self) -> list[dict[str, Any]]:
        """Every Step 1–2 decision of the run, oldest first (coding and initiative events)."""
        from coatlas.events import INITIATIVE_REVIEW, MEMO

        ids = {f"coding:{r['id']}" for r in self.codings()}
        run = f"run:{self.run_id}"
        return [
            e
            for e in self.store.events()
            if e["target"] in ids
            or (e["target"] == run and e["action"] in (INITIATIVE_REVIEW, MEMO))
        ]


def _years(
    op: dict[str, Any], start_year: int | None, end_year: int | None, ongoing: bool
) -> dict[str, Any]:
    if start_year is not None:
        op["start_year"] = start_year
    if end_year is not None:
        op["end_year"] = end_year
    if ongoing:
        op["ongoing"] = True
    return op


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
    project: Project,
    out_dir: str | Path | None = None,
    codebook: str | Path | None = None,
    *,
    today_year: int | None = None,
    dpi: int | None = None,
) -> dict[str, Path]:
    """Write the reviewed lessons.json, initiatives.json, memos.json and re-render every report.

    Into ``out_dir`` (default: the project's folder). Step 1–2 files are copied
    from the project's folder when writing elsewhere. The report is rendered with
    the run's codebook (from manifest.json, or ``codebook``), checked by digest, so
    Table 2 and Figure 1 come out byte-identical to what analyze wrote, and its labels
    name every code. ``today_year`` is Figure 1's "now"; ``dpi`` the PNG's resolution.
    """
    from coatlas.pipeline import method_labels
    from coatlas.report import write_reports_from_folder
    from coatlas.report.figure import DPI
    from coatlas.report.labels import codebook_labels
    from coatlas.review.labels import run_codebook
    from coatlas.review.memos import describe

    out = Path(out_dir) if out_dir is not None else project.out_dir
    if out is None:
        raise ReviewError("review report: say where to write (--out DIR)")
    if out.exists() and not out.is_dir():
        raise ReviewError(f"{out}: not a folder (--out names an existing file)")
    # the Step 1–2 files, the manifest and the errors come from a folder: it must be the
    # run's own, or the outputs would mix two runs
    if project.out_dir is not None:
        check_folder(project, project.out_dir)
    if out.is_dir() and (project.out_dir is None or out.resolve() != project.out_dir.resolve()):
        check_folder(project, out, required=False)
    source = project.out_dir if project.out_dir is not None else out
    book = run_codebook(source, codebook, strict=True)
    out.mkdir(parents=True, exist_ok=True)
    if project.out_dir is not None and out.resolve() != project.out_dir.resolve():
        for name in _CARRIED:
            if (project.out_dir / name).is_file():
                write_bytes(out / name, (project.out_dir / name).read_bytes())
    lessons = project.reviewed()
    write_json(out / "lessons.json", lessons)
    written = {"lessons.json": out / "lessons.json"}
    kept: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    if project.proposed_initiatives():  # runs stored before Steps 1–2 review: file left alone
        kept, rejected = project.reviewed_initiatives()
        write_json(out / "initiatives.json", kept)
        written["initiatives.json"] = out / "initiatives.json"
        if rejected:
            write_json(out / REJECTED_FILE, rejected)
            written[REJECTED_FILE] = out / REJECTED_FILE
        elif (out / REJECTED_FILE).exists():
            (out / REJECTED_FILE).unlink()  # every rejection was restored since the last report
    memos = [
        {**m, "about": describe(m["target"], kept + rejected, lessons)} for m in project.memos()
    ]
    if memos:
        write_json(out / MEMOS_FILE, memos)
        written[MEMOS_FILE] = out / MEMOS_FILE
    elif (out / MEMOS_FILE).exists():
        (out / MEMOS_FILE).unlink()
    paths = write_reports_from_folder(
        out,
        method_labels=method_labels(book),
        group_labels=codebook_labels(book),
        today_year=today_year,
        dpi=dpi or DPI,
    )
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
