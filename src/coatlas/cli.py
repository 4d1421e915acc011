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

        def progress(stage: str, done: int, total: int) -> None:
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


if __name__ == "__main__":  # pragma: no cover
    app()
