"""Checks of what a user typed, before anything is written: one line each, never a traceback.

A wrong ``--out``, ``--db`` or documents folder is a usage error (exit status 2). Checking
them before a run starts means a mistake creates nothing, in OUT or anywhere else.
"""

from __future__ import annotations

from pathlib import Path

from coatlas.errors import CoatlasError


class UsageError(CoatlasError):
    """A command-line argument that cannot work (one line: the argument and why)."""


def check_documents(docs_dir: Path) -> None:
    """DOCS must be a folder with at least one file in it.

    Files are recognised by their content as well as their name, so any file is tried
    (one that cannot be read is listed in errors.json, exit status 1); a folder with no
    file at all is a usage error.
    """
    from coatlas.ingest import SUPPORTED_SUFFIXES, iter_files

    if not docs_dir.is_dir():
        raise UsageError(f"{docs_dir}: not a folder")
    if next(iter(iter_files(docs_dir)), None) is None:
        kinds = ", ".join(SUPPORTED_SUFFIXES)
        raise UsageError(f"{docs_dir}: no supported files found ({kinds})")


def check_out(out: Path) -> None:
    """OUT must be a folder or not exist yet (it is created, with missing parents, as
    ``mkdir -p`` would: the README's ``--out out/example`` on a fresh clone), and no
    part of its path may be a file."""
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder (--out names the output folder)")
    for parent in out.resolve().parents:
        if parent.exists():
            if not parent.is_dir():
                raise UsageError(f"{out}: {parent} is a file, not a folder")
            return


def check_db_url(url: str | None) -> None:
    """A SQLAlchemy URL of a backend the store supports; a SQLite file's folder must exist."""
    if url is None:
        return
    from coatlas.store.db import check_url, probe

    check_url(url)
    probe(url)  # an unreachable server is found before OUT is created


def check_engine(engine: str, scheduler: str | None) -> None:
    """``--engine`` names a known engine, Dask is installed when asked for, and
    ``--scheduler`` goes with ``--engine dask`` only."""
    from coatlas.engine import ENGINES

    if engine not in ENGINES:
        raise CoatlasError(f"--engine {engine}: unknown (expected one of {', '.join(ENGINES)})")
    if scheduler and engine != "dask":
        raise CoatlasError("--scheduler needs --engine dask")
    if engine == "dask":
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise CoatlasError("--engine dask needs Dask distributed: pip install 'coatlas[dask]'")


def check_embedder(embedder: str) -> None:
    """``--embedder`` names a known embedder (checked before anything is written)."""
    from coatlas.embed import EMBEDDERS

    if embedder not in EMBEDDERS:
        raise CoatlasError(
            f"--embedder {embedder}: unknown (expected one of {', '.join(EMBEDDERS)})"
        )
