"""The command line: small verbs, each a thin call into the library."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from coatlas.errors import CoatlasError, one_line

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
# Plain lines on stderr: never wrapped at the console width (80 columns when stderr is a
# file or a pipe), no markup, emoji codes or highlighting taken from file names.
err = Console(stderr=True, soft_wrap=True, markup=False, emoji=False, highlight=False)


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A document to read"),
    as_json: bool = typer.Option(
        False,
        "--json",
        help="Print the whole Document (pages, paragraphs, sentences, turns) as JSON",
    ),
) -> None:
    """Print the canonical text of FILE (the text every offset refers to)."""
    from coatlas.ingest import read_document

    try:
        doc = read_document(file)
    except CoatlasError as e:
        err.print(one_line(str(e)))
        raise typer.Exit(1) from None
    if as_json:
        from coatlas.jsonio import dumps

        sys.stdout.write(dumps(doc.to_dict()))
        sys.stdout.write("\n")
        return
    sys.stdout.write(doc.text)
    if not doc.text.endswith("\n"):
        sys.stdout.write("\n")


@app.command()
def analyze(
    docs_dir: Path = typer.Argument(..., help="Folder of documents (read recursively)"),
    out: Path = typer.Option(..., "--out", help="Output folder"),
    codebook: Path | None = typer.Option(None, "--codebook", help="A codebook YAML of your own"),
    initiatives: Path | None = typer.Option(
        None, "--initiatives", help="Known initiative names, one per line (directed mode)"
    ),
    all_documents: bool = typer.Option(
        False, "--all-documents", help="Step 3: look for lessons in every document"
    ),
    label_language: str | None = typer.Option(
        None, "--label-language", help="Step 3 labels: en or sv"
    ),
    db: str | None = typer.Option(None, "--db", help="Project store URL (default: SQLite in OUT)"),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help="Lexicon rules only"),
    embedder: str = typer.Option(
        "full",
        "--embedder",
        help="Steps 1–2's embedder: full (e5) or static (distilled from e5: faster, less accurate)",
    ),
    scorer: str | None = typer.Option(
        None,
        "--scorer",
        help='Step 1 scorer: "rules", or a model file (default: the shipped model)',
    ),
    assigner: str | None = typer.Option(
        None,
        "--assigner",
        help='Step 2 code assigner: "rules", or a model file (default: the shipped model)',
    ),
    follow_symlinks: bool = typer.Option(
        False,
        "--follow-symlinks",
        help="Read files that symbolic links in DOCS_DIR point to outside it (default: skip them)",
    ),
    today: int | None = typer.Option(
        None, "--today", help="Figure 1's now (default: the latest year the documents mention)"
    ),
    pseudonymise: bool = typer.Option(
        False, "--pseudonymise", help="Replace person names by codes before anything is stored"
    ),
    key: Path | None = typer.Option(
        None, "--key", help="With --pseudonymise: write the key here (outside OUT)"
    ),
    workers: int = typer.Option(
        0,
        "--workers",
        min=0,
        help="Processes for the per-document stages and Step 2's coder (default 0: every core); same outputs",
    ),
    engine: str = typer.Option(
        "local", "--engine", help="Where per-document stages run: local or dask (docs/scale.md)"
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="--engine dask: an existing scheduler (default: a local cluster)"
    ),
) -> None:
    """Read DOCS_DIR, run every analysis step and write the map to OUT."""
    from coatlas.pipeline import Settings
    from coatlas.pipeline import analyze as run
    from coatlas.usage import (
        check_db_url,
        check_documents,
        check_embedder,
        check_engine,
        check_out,
    )

    try:  # usage errors first, so a mistake creates nothing
        check_documents(docs_dir)
        check_out(out)
        check_db_url(db)
        check_engine(engine, scheduler)
        check_embedder(embedder)
    except CoatlasError as e:
        raise _fail(e) from None
    settings = Settings(
        codebook=str(codebook) if codebook else None,
        initiatives_file=str(initiatives) if initiatives else None,
        all_documents=all_documents,
        label_language=label_language,
        db_url=db,
        embeddings=not no_embeddings,
        embedder=embedder,
        scorer=scorer,
        assigner=assigner,
        follow_symlinks=follow_symlinks,
        today=today,
        pseudonymise=pseudonymise,
        pseudonymise_key=str(key) if key else None,
        workers=workers or os.cpu_count() or 1,
        engine=engine,
        scheduler=scheduler,
    )
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # a log file gets the result lines only
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            summary = run(docs_dir, out, settings, progress=progress)
        except CoatlasError as e:
            raise _fail(e) from None
    for e in summary.errors:
        err.print(one_line(e["error"]))
    for w in summary.warnings:
        err.print(w["warning"])
    warned = f" ({len(summary.warnings)} with warnings)" if summary.warnings else ""
    err.print(
        one_line(
            f"{summary.documents} documents read{warned}, {len(summary.errors)} failed; "
            f"{summary.initiatives} initiatives, {summary.lessons} lessons. "
            f"Report: {out / 'report.html'}"
        )
    )
    if summary.documents == 0:
        raise typer.Exit(1)


@app.command()
def pseudonymise(
    docs_dir: Path = typer.Argument(
        ..., help="Documents to pseudonymise (or, with --restore, a pseudonymised folder)"
    ),
    out: Path = typer.Option(..., "--out", help="Folder for the pseudonymised (or restored) texts"),
    key: Path = typer.Option(..., "--key", help="The key file (JSON), kept apart from OUT"),
    restore: bool = typer.Option(False, "--restore", help="Give back the original texts"),
    roles: bool = typer.Option(False, "--roles", help='Codes by role ("Staff 01", "Relative 02")'),
    contacts: bool = typer.Option(
        False, "--contacts", help="Also e-mail addresses, phone numbers and personnummer"
    ),
    organisations: bool = typer.Option(
        False, "--organisations", help="Also regions, trusts, municipalities, hospitals"
    ),
    places: bool = typer.Option(
        False, "--places", help='Also places after "i", "på", "in", "at" (a heuristic)'
    ),
    keep: Path | None = typer.Option(
        None, "--keep", help="Names never to touch, one per line, aliases after | (initiatives)"
    ),
    language: str = typer.Option("en", "--language", help="Language of the codes: en or sv"),
) -> None:
    """Replace person names by codes consistently across DOCS_DIR; the key restores them."""
    from coatlas.pseudonymise import Options, pseudonymise_folder, restore_folder

    try:
        if restore:
            n, errors = restore_folder(docs_dir, key, out)
            what = "restored"
        else:
            names: tuple[str, ...] = ()
            if keep is not None:
                from coatlas.directed.candidates import read_known

                names = tuple(n for row in read_known(keep) for n in row)
            opts = Options(
                roles=roles,
                contacts=contacts,
                organisations=organisations,
                places=places,
                keep=names,
                language=language,
            )
            n, errors, k = pseudonymise_folder(docs_dir, out, key, opts)
            what = f"pseudonymised ({len(k['entities'])} names and details coded)"
    except CoatlasError as e:
        err.print(str(e), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    for line in errors:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    err.print(f"{n} documents {what} -> {out}", markup=False, highlight=False, soft_wrap=True)
    if n == 0:
        raise typer.Exit(1)


@app.command()
def suggest(
    archive: Path = typer.Argument(..., help="Folder of documents the analysis did not read"),
    from_out: Path = typer.Option(..., "--from", help="Output folder of `coatlas analyze`"),
    top: int = typer.Option(5, "--top", min=1, help="Suggestions per initiative"),
    as_json: bool = typer.Option(False, "--json", help="Print the suggestions as JSON"),
    no_embeddings: bool = typer.Option(False, "--no-embeddings", help="Names and BM25 only"),
    copy_to: Path | None = typer.Option(
        None, "--copy-to", help="Copy the suggested documents here and record their step"
    ),
) -> None:
    """Rank ARCHIVE's documents by how much they are about each initiative of --from."""
    from coatlas.suggest import suggest as run

    embedder = None
    if not no_embeddings:
        from coatlas.embed import default_embedder

        embedder = default_embedder()
    try:
        found, errors = run(archive, from_out, top=top, embedder=embedder)
    except CoatlasError as e:
        err.print(str(e), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    for line in errors:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    if as_json:
        from coatlas.jsonio import dumps

        keys = ("initiative", "document", "score", "passage")
        rows = [{k: s.to_json()[k] for k in keys} for s in found]
        sys.stdout.write(dumps({"suggestions": rows}))
        sys.stdout.write("\n")
    else:
        last = None
        for s in found:
            if s.initiative != last:
                sys.stdout.write(f"{s.initiative}\t{s.name}\n")
                last = s.initiative
            quote = s.passage if len(s.passage) <= 160 else s.passage[:159] + "…"
            sys.stdout.write(f"  {s.score:.3f}\t{s.document}\t“{quote}”\n")
    if copy_to is not None:
        from coatlas.suggest import copy_suggested

        try:
            n = copy_suggested(found, archive, copy_to, source=from_out.name)
        except (CoatlasError, OSError) as e:
            err.print(str(e), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(2) from None
        err.print(f"{n} documents copied to {copy_to} (step: suggested)", markup=False)


@app.command()
def transcribe(
    audio: list[Path] = typer.Argument(..., help="Audio files or folders of them"),
    out: Path = typer.Option(..., "--out", help="Folder for the transcripts (NAME.txt)"),
    model: str = typer.Option(
        ..., "--model", help="A Whisper model folder (CTranslate2) or a package that ships one"
    ),
    language: str | None = typer.Option(
        None, "--language", help="Spoken language (sv, en); default: Whisper detects it"
    ),
    speakers: str = typer.Option(
        "auto", "--speakers", help="auto (one per stereo channel when they differ), channels, none"
    ),
    labels: str = typer.Option("en", "--labels", help='Speaker labels: en "Speaker", sv "Talare"'),
) -> None:
    """Transcribe recorded interviews into transcripts with speaker turns and time stamps."""
    try:
        from coatlas.audio import transcribe_files
    except ImportError as e:  # pragma: no cover - numpy is a core dependency
        raise _fail(e) from None
    if speakers not in ("auto", "channels", "none"):
        raise _fail(ValueError(f"--speakers {speakers}: use auto, channels or none"))
    try:
        written, errors = transcribe_files(
            audio, out, model, language=language, speakers=speakers, label_language=labels
        )
    except CoatlasError as e:
        raise _fail(e) from None
    for line in errors:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    err.print(f"{len(written)} transcripts -> {out}", markup=False, highlight=False)
    if not written:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="gold.json of an annotated corpus"),
    out_dir: Path = typer.Argument(..., help="Output folder of `coatlas analyze`"),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON"),
) -> None:
    """Score OUT_DIR against GOLD (the metrics of the corpus FORMAT)."""
    from coatlas.evaluate import evaluate as score
    from coatlas.evaluate import format_metrics
    from coatlas.jsonio import dumps

    try:
        metrics = score(gold, out_dir)
    except (CoatlasError, OSError, ValueError) as e:
        err.print(one_line(f"{e}"))
        raise typer.Exit(2) from None
    sys.stdout.write(dumps(metrics) if as_json else format_metrics(metrics))


@app.command()
def export(
    out_dir: Path = typer.Argument(..., help="Output folder of `coatlas analyze`"),
    fmt: str = typer.Option(
        "qdpx", "--format", help="qdpx (REFI-QDA Project), docx (Word report) or xlsx (Excel)"
    ),
    to: Path | None = typer.Option(None, "--to", help="File to write (default: OUT/coatlas.qdpx)"),
    docs: Path | None = typer.Option(
        None, "--docs", help="Documents folder, read again if the store has no texts"
    ),
    db: str | None = typer.Option(None, "--db", help="Project store URL (default: SQLite in OUT)"),
    created: str | None = typer.Option(
        None, "--created", help="ISO 8601 date-time to stamp on every item (default: none)"
    ),
    language: str = typer.Option("en", "--language", help="Language of code names: en or sv"),
    include_rejected: bool = typer.Option(
        False, "--include-rejected", help="Also export codings a reviewer rejected"
    ),
) -> None:
    """Write OUT_DIR's results for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA .qdpx),
    or as a Word report (docx) or an Excel workbook (xlsx)."""
    from coatlas.interop import write_qdpx

    if fmt in ("docx", "xlsx"):
        from coatlas.interop.office import write_office

        try:
            path = write_office(out_dir, fmt, to)
        except CoatlasError as e:
            raise _fail(e) from None
        err.print(f"{fmt} written -> {path}", markup=False, highlight=False, soft_wrap=True)
        return
    if fmt != "qdpx":
        err.print(f"{fmt}: unknown format (qdpx, docx or xlsx)", markup=False, highlight=False)
        raise typer.Exit(2)
    try:
        summary = write_qdpx(
            out_dir,
            to,
            docs_dir=docs,
            db_url=db,
            created=created,
            language=language,
            include_rejected=include_rejected,
        )
    except CoatlasError as e:
        err.print(str(e), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    skipped = "".join(f", {n} {what} left out" for what, n in sorted(summary.skipped.items()))
    err.print(
        f"{summary.sources} sources, {summary.codes} codes, {summary.selections} coded "
        f"segments{skipped} -> {summary.path}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command("import")
def import_(
    project: Path = typer.Argument(
        ..., help="A REFI-QDA project (.qdpx) from NVivo, ATLAS.ti, MAXQDA, QualCoder or coatlas"
    ),
    out: Path = typer.Option(..., "--out", help="Output folder (store, JSON files, report)"),
    codebook: Path | None = typer.Option(
        None, "--codebook", help="Codebook to map the project's codes to (default: built-in)"
    ),
    db: str | None = typer.Option(None, "--db", help="Project store URL (default: SQLite in OUT)"),
) -> None:
    """Read a .qdpx: sources, codes, coded selections (human coding, by coder) and cases."""
    from coatlas.interop.qdpx_import import import_qdpx

    try:
        s = import_qdpx(project, out, codebook=str(codebook) if codebook else None, db_url=db)
    except CoatlasError as e:
        err.print(str(e), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    for line in s.problems:
        err.print(line, markup=False, highlight=False, soft_wrap=True)
    err.print(
        f"{s.sources} sources, {s.codes} codes, {s.selections} coded selections by "
        f"{', '.join(s.coders) or 'nobody'} ({s.mapped} codings matched the codebook); "
        f"{s.initiatives} initiatives, {s.lessons} lessons -> {s.out_dir}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def autocode(
    train: Path = typer.Argument(..., help="Coded CSV: id, text and one 0/1 column per code"),
    apply: Path = typer.Argument(..., help="CSV to code: id and text columns"),
    id_col: str = typer.Option(..., "--id", help="Name of the id column (both files)"),
    text_col: str = typer.Option(..., "--text", help="Name of the text column (both files)"),
    out: Path = typer.Option(..., "--out", help="Write id + 0/1 code columns here"),
    scores: Path | None = typer.Option(
        None, "--scores", help="Also write id + confidences (0..1) per code here"
    ),
    codes: str | None = typer.Option(
        None,
        "--codes",
        help="Comma-separated code columns (default: every other column of only 0/1/empty)",
    ),
    embeddings: bool = typer.Option(
        False, "--embeddings/--no-embeddings", help="Add sentence embeddings (slower)"
    ),
) -> None:
    """Learn the coding of TRAIN and code every row of APPLY the same way (in its order)."""
    from coatlas.autocode import AutoCoder, read_coded_csv, read_texts_csv, write_codes_csv
    from coatlas.autocode.io import AutocodeError

    code_list = [c.strip() for c in codes.split(",") if c.strip()] if codes else None
    try:
        table = read_coded_csv(train, id_col, text_col, code_list)
        todo = read_texts_csv(apply, id_col, text_col)
    except AutocodeError as e:
        err.print(str(e), markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    try:
        coder = AutoCoder(use_embeddings=embeddings).fit(table.texts, table.Y, table.codes)
    except ValueError as e:
        err.print(f"{train}: {e}", markup=False, highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    for w in coder.warnings_:
        err.print(f"{train}: warning: {w}", markup=False, highlight=False, soft_wrap=True)
    proba = coder.predict_proba(todo.texts)
    pred = coder.predict_from_proba(proba, todo.texts)
    try:
        write_codes_csv(out, id_col, todo.ids, coder.codes_, pred)
        if scores is not None:
            write_codes_csv(scores, id_col, todo.ids, coder.codes_, proba, decimals=4)
    except OSError as e:
        err.print(f"{e.filename or out}: cannot write ({e.strerror})", markup=False, soft_wrap=True)
        raise typer.Exit(2) from None
    err.print(
        f"{len(todo.ids)} rows coded with {len(coder.codes_)} codes "
        f"learnt from {len(table.ids)} rows -> {out}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


# -- review of Step 3's hierarchy ------------------------------------------------------

review_app = typer.Typer(
    no_args_is_help=True,
    help="Review the analysis: Step 3's hierarchy (show, rename, merge, move, create, reject, "
    "restore), Steps 1–2's codings (codings, accept, reject, edit) and initiatives "
    "(reject-initiative, restore-initiative, rename-initiative); log, report. TARGET is an output folder of `coatlas analyze` (its coatlas.sqlite), "
    "a store file or a database URL.",
)
app.add_typer(review_app, name="review")

_TARGET = typer.Argument(..., help="Output folder of `coatlas analyze`, a store file or a URL")
_DB = typer.Option(None, "--db", help="Store URL when OUT was analysed with --db")
_RUN = typer.Option(None, "--run", help="Run to review (default: the newest with lessons)")
_ACTOR = typer.Option(
    None, "--actor", envvar="COATLAS_ACTOR", help="Who is reviewing (default: your user name)"
)


def _fail(e: BaseException, code: int = 2) -> typer.Exit:
    err.print(one_line(str(e).splitlines()[0]) if str(e) else type(e).__name__)
    return typer.Exit(code)


def _project(target: str, db: str | None, run: int | None):
    from coatlas.review.project import open_project

    try:
        return open_project(target, db=db, run=run)
    except CoatlasError as e:
        raise _fail(e) from None


def _actor(actor: str | None) -> str:
    if actor:
        return actor
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 — no login name (containers): ask for one
        raise _fail(ValueError("say who is reviewing: --actor NAME or COATLAS_ACTOR")) from None


def _apply(
    target: str, db: str | None, run: int | None, ops: list[dict], actor: str | None
) -> list[dict]:
    who = _actor(actor)
    with _project(target, db, run) as project:
        try:
            _, done = project.apply(ops, who)
        except CoatlasError as e:
            raise _fail(e) from None
    for op in done:
        err.print(_describe(op, who), markup=False, highlight=False, soft_wrap=True)
    return done


def _describe(op: dict, actor: str) -> str:
    fields = " ".join(f"{k}={v!r}" for k, v in op.items() if k != "op")
    return f"{op['op']}: {fields} (by {actor})"


@review_app.command("show")
def review_show(
    target: str = _TARGET,
    db: str | None = _DB,
    run: int | None = _RUN,
    as_json: bool = typer.Option(False, "--json", help="Print the reviewed lessons.json"),
    proposed: bool = typer.Option(False, "--proposed", help="The hierarchy as Step 3 proposed it"),
    quotes: bool = typer.Option(True, "--quotes/--no-quotes", help="List every lesson's quote"),
) -> None:
    """Print the hierarchy (as reviewed so far) with ids, labels and every quote."""
    from coatlas.jsonio import dumps
    from coatlas.review.view import render_text

    with _project(target, db, run) as project:
        try:
            doc = project.proposed() if proposed else project.reviewed()
        except CoatlasError as e:
            raise _fail(e) from None
        run_id = project.run_id
    sys.stdout.write(dumps(doc) if as_json else render_text(doc, run_id, quotes=quotes))


@review_app.command("rename")
def review_rename(
    target: str = _TARGET,
    node: str = typer.Argument(..., help="Cluster, category or code id (C01, G03, K12)"),
    label: str = typer.Argument(..., help="The new label"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Give a cluster, category or code a new label (the proposed one is kept)."""
    _apply(target, db, run, [{"op": "rename", "node": node, "label": label}], actor)


@review_app.command("merge")
def review_merge(
    target: str = _TARGET,
    nodes: list[str] = typer.Argument(..., help="Nodes to merge away (same level as --into)"),
    into: str = typer.Option(..., "--into", help="The node that stays"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Merge NODES into --into: their children move there and they disappear."""
    _apply(target, db, run, [{"op": "merge", "node": n, "into": into} for n in nodes], actor)


@review_app.command("move")
def review_move(
    target: str = _TARGET,
    items: list[str] = typer.Argument(..., help="Lessons, codes or categories to move"),
    to: str = typer.Option(..., "--to", help="The new parent: a code, category or cluster"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Move lessons to a code, codes to a category, or categories to a cluster."""
    _apply(target, db, run, [{"op": "move", "item": i, "to": to} for i in items], actor)


@review_app.command("create")
def review_create(
    target: str = _TARGET,
    level: str = typer.Argument(..., help="cluster, category or code"),
    label: str = typer.Argument(..., help="Its label"),
    under: str | None = typer.Option(None, "--under", help="Parent (not for a cluster)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Create an empty node to move things into; prints its id."""
    op: dict = {"op": "create", "level": level, "label": label}
    if under is not None:
        op["parent"] = under
    done = _apply(target, db, run, [op], actor)
    sys.stdout.write(done[0]["id"] + "\n")


@review_app.command("reject")
def review_reject(
    target: str = _TARGET,
    ids: list[str] = typer.Argument(
        ..., help="Lesson ids (L001 …) or Step 1–2 coding ids (numbers, from `review codings`)"
    ),
    note: str | None = typer.Option(None, "--note", help="Why (kept in the event and output)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Reject lessons (kept, not counted in Table 3) or codings (their evidence is dropped)."""
    if all(x.isdigit() for x in ids):
        _decide(target, db, run, ids, "rejected", note, actor)
        return
    if any(x.isdigit() for x in ids):
        raise _fail(ValueError("reject: give lesson ids or coding ids, not both"))
    ops = [{"op": "reject", "lesson": x, **({"note": note} if note else {})} for x in ids]
    _apply(target, db, run, ops, actor)


# -- review of Steps 1–2: codings and initiatives ----------------------------------------


def _say(line: str) -> None:
    err.print(line, markup=False, highlight=False, soft_wrap=True)


def _decide(
    target: str,
    db: str | None,
    run: int | None,
    ids: list[str],
    status: str,
    note: str | None,
    actor: str | None,
) -> None:
    who = _actor(actor)
    with _project(target, db, run) as project:
        for x in ids:
            try:
                row = project.decide(int(x), status, who, note)
            except (CoatlasError, ValueError) as e:
                raise _fail(e) from None
            _say(f"coding {row['id']} ({row['target']} {row['code']}): {status} by {who}")


@review_app.command("codings")
def review_codings(
    target: str = _TARGET,
    initiative: str | None = typer.Option(None, "--initiative", help="Only this initiative (i03)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    as_json: bool = typer.Option(False, "--json", help="Print the codings as JSON"),
) -> None:
    """List the run's Step 1–2 codings with their ids, status and quote (for accept/reject/edit)."""
    from coatlas.jsonio import dumps

    with _project(target, db, run) as project:
        rows = project.codings(initiative) + project.human_codings(initiative)
    if as_json:
        sys.stdout.write(dumps(rows))
        return
    for r in rows:
        ev = r["evidence"]
        quote = " ".join(str(ev["quote"]).split())
        iid = str(r["target"]).split(":", 1)[1]
        sys.stdout.write(
            f"{r['id']}\t{iid}\t{r['code']}\t{r['status']}\t"
            f"{ev['document']} [{ev['start']}–{ev['end']}]\t“{quote}”\n"
        )


@review_app.command("accept")
def review_accept(
    target: str = _TARGET,
    codings: list[int] = typer.Argument(..., help="Coding ids (from `review codings`)"),
    note: str | None = typer.Option(None, "--note", help="Why (kept in the event and output)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Accept codings: their evidence is marked as checked by you (also undoes a rejection)."""
    _decide(target, db, run, [str(c) for c in codings], "accepted", note, actor)


@review_app.command("edit")
def review_edit(
    target: str = _TARGET,
    coding: int = typer.Argument(..., help="Coding id (from `review codings`)"),
    code: str | None = typer.Option(
        None, "--code", help="Another code of the same group (co_design or methods:co_design)"
    ),
    start: int | None = typer.Option(None, "--start", help="New start offset of the quote"),
    end: int | None = typer.Option(None, "--end", help="New end offset of the quote"),
    note: str | None = typer.Option(None, "--note", help="Why (kept in the event)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Correct a coding: another method/level/role, or another span of the same document."""
    who = _actor(actor)
    with _project(target, db, run) as project:
        try:
            row = project.edit(coding, who, code=code, start=start, end=end, note=note)
        except CoatlasError as e:
            raise _fail(e) from None
    ev = row["evidence"]
    _say(
        f"coding {row['id']}: {row['code']} [{ev['start']}–{ev['end']}] “{ev['quote']}” (by {who})"
    )


def _initiative_ops(
    target: str, db: str | None, run: int | None, ops: list[dict], actor: str | None
) -> None:
    who = _actor(actor)
    with _project(target, db, run) as project:
        try:
            done = project.review_initiatives(ops, who)
        except CoatlasError as e:
            raise _fail(e) from None
    for op in done:
        _say(_describe(op, who))


@review_app.command("reject-initiative")
def review_reject_initiative(
    target: str = _TARGET,
    initiatives: list[str] = typer.Argument(..., help="Initiative ids (i03 …)"),
    note: str | None = typer.Option(None, "--note", help="Why (shown in the report)"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Not a co-production initiative: out of Table 2 and Figure 1, listed as rejected."""
    ops = [
        {"op": "reject", "initiative": i, **({"note": note} if note else {})} for i in initiatives
    ]
    _initiative_ops(target, db, run, ops, actor)


@review_app.command("restore-initiative")
def review_restore_initiative(
    target: str = _TARGET,
    initiatives: list[str] = typer.Argument(..., help="Rejected initiative ids"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Undo the rejection of initiatives."""
    _initiative_ops(
        target, db, run, [{"op": "restore", "initiative": i} for i in initiatives], actor
    )


@review_app.command("rename-initiative")
def review_rename_initiative(
    target: str = _TARGET,
    initiative: str = typer.Argument(..., help="Initiative id (i03)"),
    name: str = typer.Argument(..., help="Its name as the report should give it"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Give an initiative another name (the proposed one is kept as proposed_name)."""
    _initiative_ops(
        target, db, run, [{"op": "rename", "initiative": initiative, "name": name}], actor
    )


@review_app.command("restore")
def review_restore(
    target: str = _TARGET,
    lessons: list[str] = typer.Argument(..., help="Rejected lesson ids"),
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
) -> None:
    """Undo a rejection."""
    _apply(target, db, run, [{"op": "restore", "lesson": x} for x in lessons], actor)


@review_app.command("log")
def review_log(
    target: str = _TARGET,
    db: str | None = _DB,
    run: int | None = _RUN,
) -> None:
    """Every review change of the run, oldest first: when, who, what."""
    with _project(target, db, run) as project:
        events = sorted(project.log() + project.initiative_log(), key=lambda e: e["id"])
    for e in events:
        if e["action"].startswith("coding."):
            p = e["payload"]
            was, now = (
                (f"{x['code']} [{x['start']}–{x['end']}]" for x in (p["from"], p["to"]))
                if e["action"] == "coding.edit"
                else (p.get("from"), p.get("to"))
            )
            what = f"{e['action']} {e['target']}: {was} -> {now}"
            what += f" ({p['note']})" if p.get("note") else ""
            sys.stdout.write(f"{e['id']}\t{e['at']}\t{e['actor']}\t{what}\n")
            continue
        sys.stdout.write(
            f"{e['id']}\t{e['at']}\t{e['actor']}\t{_describe(e['payload'], e['actor'])}\n"
        )


@review_app.command("report")
def review_report(
    target: str = _TARGET,
    out: Path | None = typer.Option(None, "--out", help="Write here (default: TARGET's folder)"),
    codebook: Path | None = typer.Option(
        None, "--codebook", help="The run's codebook, if manifest.json's path no longer reads"
    ),
    db: str | None = _DB,
    run: int | None = _RUN,
    today: int | None = typer.Option(
        None, "--today", help="Figure 1's now (default: the latest year the documents mention)"
    ),
    dpi: int | None = typer.Option(None, "--dpi", help="Figure 1 PNG resolution (default 300)"),
) -> None:
    """Write the reviewed lessons.json, initiatives.json and re-render Tables 2–3, Figure 1, report."""
    from coatlas.review.project import write_reviewed

    with _project(target, db, run) as project:
        try:
            paths = write_reviewed(project, out, codebook, today_year=today, dpi=dpi)
        except (CoatlasError, OSError, ValueError) as e:
            raise _fail(e) from None
        for rv in project.unmatched_decisions():
            _say(
                f"warning: decision on coding {rv.coding_id} ({rv.key}) matches no evidence "
                "in the run's initiatives; not applied"
            )
    err.print(
        f"reviewed outputs written: {paths['lessons.json'].parent}",
        markup=False,
        highlight=False,
        soft_wrap=True,
    )


@app.command()
def serve(
    target: str = _TARGET,
    db: str | None = _DB,
    run: int | None = _RUN,
    actor: str | None = _ACTOR,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on"),
    port: int = typer.Option(8765, "--port", help="Port to listen on"),
    team: bool = typer.Option(
        False, "--team", help="Team mode: log in (coatlas users add), roles, events by member"
    ),
    blind: bool = typer.Option(
        False, "--blind", help="With --team: blind double coding (analysts see only their own)"
    ),
) -> None:
    """Review Step 3's hierarchy in a browser (a local web app on 127.0.0.1)."""
    try:
        from coatlas.web import create_app
    except ImportError as e:
        raise _fail(
            ImportError(f"coatlas serve needs the web extra: pip install 'coatlas[web]' ({e})")
        ) from None
    from werkzeug.serving import make_server

    if blind and not team:
        raise _fail(ValueError("--blind needs --team (each analyst logs in)"))
    who = _actor(actor) if not team else ""
    project = _project(target, db, run)
    if team and not project.store.users():
        project.close()
        raise _fail(
            ValueError(
                f"{target}: no team members yet (coatlas users add {target} NAME --role overseer)"
            )
        )
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(
            f"warning: listening on {host}: "
            + (
                "passwords and pages cross the network unencrypted (put HTTPS in front)"
                if team
                else "anyone who can reach it can edit the review"
            ),
            markup=False,
        )
    app_ = create_app(
        project,
        actor=who,
        allowed_hosts=(*("127.0.0.1", "localhost", "::1"), host),
        team=team,
        blind=blind,
    )
    try:
        # make_server, not run_simple: no reloader, no debugger, one local process
        server = make_server(host, port, app_, threaded=True)
    except (OSError, SystemExit) as e:  # werkzeug exits when the port is taken
        project.close()
        why = e.strerror if isinstance(e, OSError) else "address in use"
        raise _fail(OSError(f"{host}:{port}: cannot listen ({why})")) from None
    err.print(
        f"reviewing run {project.run_id} "
        + ("in team mode (log in)" if team else f"as {who}")
        + f": http://{host}:{port}/",
        markup=False,
        highlight=False,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        project.close()


def _register_workbench() -> None:
    from coatlas.cli_workbench import register

    register(review_app)


_register_workbench()


def _register_team() -> None:
    from coatlas.cli_team import register

    register(app)


_register_team()


if __name__ == "__main__":  # pragma: no cover
    app()
