"""The command line: small verbs, each a thin call into the library."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from coatlas.errors import CoatlasError

app = typer.Typer(add_completion=False, no_args_is_help=True, help=__doc__)
err = Console(stderr=True)


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
        err.print(str(e), markup=False, highlight=False)
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
) -> None:
    """Read DOCS_DIR, run every analysis step and write the map to OUT."""
    from coatlas.pipeline import Settings
    from coatlas.pipeline import analyze as run

    if not docs_dir.is_dir():
        err.print(f"{docs_dir}: not a folder", markup=False)
        raise typer.Exit(2)
    settings = Settings(
        codebook=str(codebook) if codebook else None,
        initiatives_file=str(initiatives) if initiatives else None,
        all_documents=all_documents,
        label_language=label_language,
        db_url=db,
        embeddings=not no_embeddings,
    )
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, int] = {}

        def progress(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total)
            bar.update(tasks[stage], completed=done, total=total)

        try:
            summary = run(docs_dir, out, settings, progress=progress)
        except CoatlasError as e:
            err.print(str(e), markup=False)
            raise typer.Exit(2) from None
    for e in summary.errors:
        err.print(e["error"], markup=False, highlight=False)
    err.print(
        f"{summary.documents} documents read, {len(summary.errors)} failed; "
        f"{summary.initiatives} initiatives, {summary.lessons} lessons. "
        f"Report: {out / 'report.html'}",
        markup=False,
        highlight=False,
    )
    if summary.documents == 0:
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
        err.print(f"{e}", markup=False)
        raise typer.Exit(2) from None
    sys.stdout.write(dumps(metrics) if as_json else format_metrics(metrics))


@app.command()
def export(
    out_dir: Path = typer.Argument(..., help="Output folder of `coatlas analyze`"),
    fmt: str = typer.Option("qdpx", "--format", help="Exchange format: qdpx (REFI-QDA Project)"),
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
    """Write OUT_DIR's results for NVivo, ATLAS.ti, MAXQDA or QualCoder (REFI-QDA .qdpx)."""
    from coatlas.interop import write_qdpx

    if fmt != "qdpx":
        err.print(f"{fmt}: unknown format (only qdpx)", markup=False, highlight=False)
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


if __name__ == "__main__":  # pragma: no cover
    app()
