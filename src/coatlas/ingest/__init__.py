"""Ingestion: files in, one canonical-text Document out.

Contract (used by every later stage):

- ``read_document(path, root=None, *, limits=None) -> Document``; raises
  ``coatlas.errors.IngestError`` (one line: file and reason) for anything unreadable.
- ``iter_files(root) -> Iterator[Path]``: a sorted, loop-safe recursive walk that
  skips hidden files and OS/editor junk.
- ``read_folder(root, progress=None, *, limits=None) -> (docs, errors)``: the batch
  goes on past bad files.
- ``document_from_text(text, path="<text>")``: a string read like a .txt file.

``Document.meta`` keys: ``size`` (file bytes), ``encoding`` (text formats),
``page_count`` (PDF), ``published`` (ISO date a web page states, when found),
``speakers`` (transcripts: label -> {"role", "name"}), ``warnings`` (what reading had
to repair: ``[{"kind", "count", "message"}]``, e.g. bytes that were not valid UTF-8).

Each format module turns bytes into ``Block``s; ``blocks.assemble`` alone builds
the canonical text, so pages, paragraphs, sentences and turns all index into the
same string whatever the format.
"""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import os
import stat
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from coatlas.document import Document, Span
from coatlas.errors import IngestError, one_line
from coatlas.ingest.blocks import Block, assemble
from coatlas.ingest.limits import DEFAULT_LIMITS, Limits

__all__ = [
    "document_from_text",
    "read_document",
    "iter_files",
    "read_folder",
    "warnings_of",
    "IngestError",
    "Limits",
    "SUPPORTED_SUFFIXES",
]

SUPPORTED_SUFFIXES = (
    ".txt",
    ".text",
    ".md",
    ".markdown",
    ".html",
    ".htm",
    ".xhtml",
    ".docx",
    ".odt",
    ".rtf",
    ".pdf",
)
# Files an OS or an editor leaves behind; never documents.
_JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "icon\r", ".localized"}
_JUNK_DIRS = {"__macosx", ".git", ".svn", ".hg", "__pycache__", ".ipynb_checkpoints"}


def _display(path: Path, root: Path | None) -> str:
    """The document's name: relative to root, POSIX separators, NFC (macOS writes NFD),
    and undecodable bytes of odd file names replaced so the name always prints."""
    if root is not None:
        try:
            name = Path(os.path.relpath(path, root)).as_posix()
        except ValueError:  # other drive on Windows
            name = path.as_posix()
    else:
        name = str(path)
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return unicodedata.normalize("NFC", name)


def read_document(
    path: str | Path,
    root: str | Path | None = None,
    *,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
) -> Document:
    """Read one file into a Document; every failure is a one-line IngestError.

    With ``root`` (the documents folder), a path that resolves outside it (a symbolic
    link, or a folder link on the way) is refused, not read, unless ``follow_symlinks``.
    """
    path = Path(path)
    limits = limits or DEFAULT_LIMITS
    name = _display(path, Path(root) if root is not None else None)
    if root is not None and not follow_symlinks:
        _check_inside(path, Path(root), name)
    data = _read_bytes(path, name, limits)
    if not data.strip():
        raise IngestError(name, "empty", "no content" if not data else "only whitespace")
    try:
        return _build(data, path, name, limits)
    except IngestError:
        raise
    except MemoryError:
        raise IngestError(name, "too-large", "out of memory while reading") from None
    except RecursionError:
        raise IngestError(name, "corrupt", "structure nested too deeply") from None
    except Exception as e:  # noqa: BLE001 - a library bug on one file must not stop a batch
        raise IngestError(name, "corrupt", f"{type(e).__name__}: {str(e)[:100]}") from None


def _inside(path: str, root: str) -> bool:
    try:
        return os.path.commonpath([path, root]) == root
    except ValueError:  # other drive on Windows
        return False


def _check_inside(path: Path, root: Path, name: str) -> None:
    """Refuse a path that leads out of ``root`` through a symbolic link."""
    try:
        real, base = os.path.realpath(path), os.path.realpath(root)
    except (OSError, ValueError) as e:
        raise IngestError(name, "unreadable", type(e).__name__) from None
    if not _inside(real, base):
        raise IngestError(
            name,
            "symlink-outside",
            f"a symbolic link to {real}, outside the documents folder; not read "
            "(--follow-symlinks reads it)",
        )


def _read_bytes(path: Path, name: str, limits: Limits) -> bytes:
    try:
        st = path.stat()
    except FileNotFoundError:
        raise IngestError(name, "unreadable", "no such file") from None
    except OSError as e:
        raise IngestError(name, "unreadable", e.strerror or type(e).__name__) from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError(name, "unreadable", "not a regular file")
    if st.st_size > limits.max_file_bytes:
        raise IngestError(
            name,
            "too-large",
            f"{st.st_size // 2**20} MB > limit {limits.max_file_bytes // 2**20} MB",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(limits.max_file_bytes + 1)
    except OSError as e:
        raise IngestError(name, "unreadable", e.strerror or type(e).__name__) from None
    if len(data) > limits.max_file_bytes:
        raise IngestError(name, "too-large", f"more than {limits.max_file_bytes // 2**20} MB")
    return data


def _build(data: bytes, path: Path, name: str, limits: Limits) -> Document:
    from coatlas.ingest.sniff import sniff

    suffix = path.suffix.lower()
    fmt = sniff(data, suffix, name)
    title: str | None = None
    meta: dict = {"size": len(data)}
    blocks: list[Block]
    if fmt == "pdf":
        from coatlas.ingest.pdf import pdf_blocks

        blocks, title, n_pages = pdf_blocks(data, name, limits)
        meta["page_count"] = n_pages
    elif fmt == "docx":
        from coatlas.ingest.office import docx_blocks

        blocks, title = docx_blocks(data, name, limits)
    elif fmt == "odt":
        from coatlas.ingest.office import odt_blocks

        blocks, title = odt_blocks(data, name, limits)
    elif fmt == "rtf":
        from coatlas.ingest.plain import rtf_text, text_blocks

        blocks = text_blocks(rtf_text(data, name))
    else:
        from coatlas.ingest.plain import decode_text, markdown_blocks, text_blocks

        decoded = decode_text(data, name)
        text = decoded.text
        meta["encoding"] = decoded.encoding
        if decoded.warnings:
            meta["warnings"] = decoded.warnings
        if len(text) > limits.max_text_chars:
            raise IngestError(
                name, "too-large", f"{len(text)} characters > limit {limits.max_text_chars}"
            )
        if fmt in ("txt", "md"):  # before millions of blocks are built, not after
            _check_structure(text, [], name, limits)
        if fmt == "html":
            from coatlas.ingest.html import html_blocks

            blocks, title, html_meta = html_blocks(text, name)
            meta.update(html_meta)
        elif fmt == "md":
            blocks, title = markdown_blocks(text)
            if not any(b.text.strip() for b in blocks):
                blocks = text_blocks(text)  # markup the parser refused (nesting limits)
        else:
            blocks = text_blocks(text)
    return finish(
        blocks,
        name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        fmt=fmt,
        title=title,
        meta=meta,
        limits=limits,
    )


def document_from_text(
    text: str, path: str = "<text>", *, fmt: str = "txt", limits: Limits | None = None
) -> Document:
    """A Document from a string (tests, notebooks, pasted text): same rules as a .txt file."""
    from coatlas.ingest.plain import markdown_blocks, text_blocks

    blocks = markdown_blocks(text)[0] if fmt == "md" else text_blocks(text)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return finish(blocks, name=path, sha256=sha, fmt=fmt, limits=limits or DEFAULT_LIMITS)


def finish(
    blocks: list[Block],
    *,
    name: str,
    sha256: str,
    fmt: str,
    title: str | None = None,
    meta: dict | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> Document:
    """Blocks -> Document: canonical text, paragraphs with language, sentences, turns."""
    from coatlas.ingest.transcript import detect_turns
    from coatlas.text.language import detect_language
    from coatlas.text.sentences import segment_paragraphs

    if len(blocks) > limits.max_paragraphs:
        raise IngestError(
            name, "too-large", f"{len(blocks)} paragraphs > limit {limits.max_paragraphs}"
        )
    # site furniture (skip links, menus, cookie banners) never reaches the analysed text
    blocks, dropped = _without_furniture(blocks)
    text, paras, pages = assemble(blocks)
    if not text.strip():
        raise IngestError(name, "empty", "no text content")
    _check_structure(text, paras, name, limits)
    language = detect_language(text)
    paras = [
        Span(p.start, p.end, detect_language(text[p.start : p.end], prior=language)) for p in paras
    ]
    sentences = segment_paragraphs(text, paras)
    turns, speakers = detect_turns(text)
    if turns:
        sentences = _trim_labels(sentences, turns)
    meta = dict(meta or {})
    if dropped:
        meta["furniture_lines_dropped"] = dropped
    if speakers:
        meta["speakers"] = speakers
    if title is None and paras:
        title = _first_line_title(text[paras[0].start : paras[0].end])
    return Document(
        path=name,
        sha256=sha256,
        format=fmt,
        text=text,
        title=title,
        language=language,
        pages=pages,
        paragraphs=paras,
        sentences=sentences,
        turns=turns,
        meta=meta,
    )


def _without_furniture(blocks: list[Block]) -> tuple[list[Block], int]:
    from coatlas.lang.furniture import strip_furniture

    out: list[Block] = []
    dropped = 0
    for b in blocks:
        text, n = strip_furniture(b.text)
        dropped += n
        if n == 0:
            out.append(b)
        elif text.strip():
            out.append(dataclasses.replace(b, text=text))
    return out, dropped


def _check_structure(text: str, paras: list[Span], name: str, limits: Limits) -> None:
    """Refuse text whose size or structure would cost unbounded memory and time later."""
    if len(text) > limits.max_text_chars:
        raise IngestError(
            name, "too-large", f"{len(text)} characters > limit {limits.max_text_chars}"
        )
    if len(paras) > limits.max_paragraphs:
        raise IngestError(
            name, "too-large", f"{len(paras)} paragraphs > limit {limits.max_paragraphs}"
        )
    marks = text.count(".") + text.count("!") + text.count("?")
    if marks > limits.max_sentence_marks:
        raise IngestError(
            name,
            "too-large",
            f"{marks} sentence marks > limit {limits.max_sentence_marks} (sentences)",
        )
    lines = text.count("\n")
    if lines > limits.max_lines:
        raise IngestError(name, "too-large", f"{lines} lines > limit {limits.max_lines}")


def _first_line_title(first: str) -> str | None:
    """A short opening line that is not a sentence or a "Label: value" line."""
    line = first.split("\n", 1)[0].strip()
    if 0 < len(line) <= 150 and not line.endswith((".", "?", "!", ":")) and ": " not in line[:40]:
        return line
    return None


def _trim_labels(sentences: list[Span], turns: list) -> list[Span]:
    """A sentence starts after a speaker label ("R: ..."), not on it."""
    starts = sorted(t.start for t in turns)
    out: list[Span] = []
    for s in sentences:
        j = bisect.bisect_left(starts, s.start)
        if j < len(starts) and s.start < starts[j] < s.end:
            out.append(Span(starts[j], s.end, s.lang))
        else:
            out.append(s)
    return out


def _is_junk(name: str) -> bool:
    low = name.lower()
    return name.startswith((".", "~$", "._")) or low in _JUNK_NAMES or low.endswith((".tmp", "~"))


def iter_files(root: str | Path, *, follow_symlinks: bool = False) -> Iterator[Path]:
    """Every candidate document under ``root``, sorted; hidden files and OS junk skipped.

    Follows symlinked folders once (tracked by real path), so loops cannot hang it. A
    folder link that leads out of ``root`` is not entered unless ``follow_symlinks``: it
    is yielded itself, so reading it gives one ``symlink-outside`` line.
    """
    root = Path(root)
    if root.is_file():
        yield root
        return
    base = os.path.realpath(root)
    seen_dirs: set[str] = set()
    seen_files: set[str] = set()

    def walk(d: Path) -> Iterator[Path]:
        try:
            real = os.path.realpath(d)
        except OSError:
            return
        if real in seen_dirs:
            return
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError:
            return
        for e in entries:
            if _is_junk(e.name):
                continue
            p = Path(e.path)
            try:
                is_dir = e.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                if e.name.lower() in _JUNK_DIRS:
                    continue
                if not follow_symlinks and not _inside(os.path.realpath(p), base):
                    yield p  # a link out of the folder: read_document says why it is skipped
                    continue
                yield from walk(p)
                continue
            try:
                real_f = os.path.realpath(p)
            except OSError:
                real_f = e.path
            if real_f in seen_files:
                continue
            seen_files.add(real_f)
            yield p

    yield from walk(root)


def warnings_of(docs: list[Document]) -> list[dict]:
    """errors.json's warning entries: one per repair reading a document had to make.

    ``{"file", "warning", "kind", "count"}``; ``warning`` is one line naming the file.
    """
    out = [
        {
            "file": d.path,
            "warning": one_line(f"{d.path}: warning: {w['message']}"),
            "kind": w["kind"],
            "count": w["count"],
        }
        for d in docs
        for w in d.meta.get("warnings") or []
    ]
    return sorted(out, key=lambda w: (w["file"], w["kind"]))


def _read_one(
    p: Path,
    base: Path,
    limits: Limits | None,
    follow_symlinks: bool,
    then: Callable[[Document], Any] | None = None,
) -> Document | tuple[Document, Any] | tuple[str, str, str]:
    """One file: its Document (with ``then(doc)`` beside it when given), or the (path,
    kind, detail) of its IngestError (plain data, so it crosses a process boundary
    whatever the exception class pickles)."""
    try:
        doc = read_document(p, root=base, limits=limits, follow_symlinks=follow_symlinks)
    except IngestError as e:
        return (e.path, e.kind, e.detail)
    except Exception as e:  # noqa: BLE001 - a reader bug must not stop the batch
        return (_display(p, base), "unreadable", type(e).__name__)
    return doc if then is None else (doc, then(doc))


def _read_chunk(
    args: tuple[list[Path], Path, Limits | None, bool, Callable[[Document], Any] | None],
) -> list[Document | tuple[Document, Any] | tuple[str, str, str]]:
    files, base, limits, follow_symlinks, then = args
    return [_read_one(p, base, limits, follow_symlinks, then) for p in files]


def read_folder(
    root: str | Path,
    progress: Callable[[int, int], None] | None = None,
    *,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    workers: int = 1,
    engine: Any = None,
) -> tuple[list[Document], list[IngestError]]:
    """Read every file under ``root``; failures are collected, never raised.

    ``progress(done, total)`` is called after each file. Even an unexpected error
    from a reader becomes one ``unreadable`` line, so one file never stops a batch.
    Symbolic links that lead out of ``root`` are not read (one ``symlink-outside``
    line each) unless ``follow_symlinks``.

    ``workers`` > 1 reads files in that many processes (reading is per file and
    CPU-bound: PDF layout, HTML extraction, language detection); ``engine`` (a
    ``coatlas.engine`` engine, e.g. Dask) runs them there instead. Results come back
    in file order, so the documents and errors are the same whatever ran them.
    """
    pairs, errors = read_documents(
        root,
        None,
        progress,
        limits=limits,
        follow_symlinks=follow_symlinks,
        workers=workers,
        engine=engine,
    )
    return [d for d, _ in pairs], errors


def read_documents(
    root: str | Path,
    then: Callable[[Document], Any] | None,
    progress: Callable[[int, int], None] | None = None,
    *,
    limits: Limits | None = None,
    follow_symlinks: bool = False,
    workers: int = 1,
    engine: Any = None,
    ahead: ReadAhead | None = None,
) -> tuple[list[tuple[Document, Any]], list[IngestError]]:
    """``read_folder`` with a per-document stage: ``then(doc)`` runs in the same task
    that read ``doc`` (a worker process or Dask task), and its result comes back beside
    the Document: [(doc, then(doc))] in file order (None beside each without ``then``).
    ``then`` must be picklable (a module-level function or a ``functools.partial``).
    ``ahead``: files of ``root`` already read by a ``ReadAhead`` (only ``then`` is left
    for them); the result is the same."""
    root = Path(root)
    base = root if root.is_dir() else root.parent
    if root.is_file():
        follow_symlinks = True  # a file named on its own is read wherever it points
    if ahead is not None:
        files, read = ahead.take(root, limits, follow_symlinks)
    else:
        files, read = list(iter_files(root, follow_symlinks=follow_symlinks)), {}
    if engine is None and workers > 1 and len(files) >= 4:
        from coatlas.engine import LocalEngine

        engine = LocalEngine(workers)
    if read:
        results = _read_rest(files, read, base, limits, follow_symlinks, engine, progress, then)
    elif engine is not None and (engine.workers > 1 or engine.name != "local"):
        results = _read_parallel(files, base, limits, follow_symlinks, engine, progress, then)
    else:
        results = []
        for i, p in enumerate(files):
            results.append(_read_one(p, base, limits, follow_symlinks, then))
            if progress is not None:
                progress(i + 1, len(files))
    docs: list[tuple[Document, Any]] = []
    errors: list[IngestError] = []
    for r in results:
        if isinstance(r, Document):
            docs.append((r, None))
        elif len(r) == 2:
            docs.append((r[0], r[1]))
        else:
            errors.append(IngestError(*r))
    return docs, errors


def _read_parallel(
    files: list[Path],
    base: Path,
    limits: Limits | None,
    follow_symlinks: bool,
    engine: Any,
    progress: Callable[[int, int], None] | None,
    then: Callable[[Document], Any] | None = None,
) -> list[Document | tuple[Document, Any] | tuple[str, str, str]]:
    """``_read_one`` over ``files`` on an engine (``coatlas.engine``), in file order.

    Files go out in small chunks (a few per task) so one huge PDF does not hold back
    a whole share of the corpus, while the cost of each task stays per chunk."""
    size = max(1, min(8, len(files) // (engine.workers * 4) or 1))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    out: list[Document | tuple[Document, Any] | tuple[str, str, str]] = []
    for part in engine.map(_read_chunk, [(c, base, limits, follow_symlinks, then) for c in chunks]):
        out.extend(part)
    if progress is not None:
        progress(len(out), len(files))
    return out


class ReadAhead:
    """Files read into Documents in a process forked now, while this one gets ready
    for the pool (``analyze`` loads lexicons and models first so the pool's workers
    inherit them: 1.5–2 s in which the other core would idle).

    It reads from the last file backwards until ``take()`` asks for what it has (the
    file under way is finished first); ``read_documents(ahead=...)`` has the pool read
    the others and run the per-document stage on all, in file order. Reading a file is
    a pure function of it, so the Documents are the same whoever read them. Needs fork
    (``engine.forkable``); ``close()`` stops it if nothing took its work."""

    def __init__(
        self, root: str | Path, *, limits: Limits | None = None, follow_symlinks: bool = False
    ) -> None:
        import multiprocessing as mp

        root = Path(root)
        self._key = (root, limits, follow_symlinks)
        if root.is_file():
            follow_symlinks = True  # as read_documents does
        self.files = list(iter_files(root, follow_symlinks=follow_symlinks))
        base = root if root.is_dir() else root.parent
        ctx = mp.get_context("fork")
        self._conn, theirs = ctx.Pipe()
        self._proc = ctx.Process(
            target=_read_ahead,
            args=(theirs, self._conn, self.files, base, limits, follow_symlinks),
            daemon=True,
        )
        from coatlas.engine import frozen

        with frozen():
            self._proc.start()
        theirs.close()
        self._read: dict[int, Any] | None = None

    def take(
        self, root: Path, limits: Limits | None, follow_symlinks: bool
    ) -> tuple[list[Path], dict[int, Any]]:
        """Stop reading: the files and what was read of them, by index (a Document or
        ``_read_one``'s error). For the same root and options only."""
        if (Path(root), limits, follow_symlinks) != self._key:
            raise ValueError("ReadAhead.take: another folder or other options")
        if self._read is None:
            try:
                self._conn.send(None)
                self._read = self._conn.recv()
            except (EOFError, OSError):  # it died: the pool reads everything
                self._read = {}
            self._conn.close()
            self._proc.join()
        return self.files, self._read

    def close(self) -> None:
        """Stop the process if nothing took what it read (the run failed first)."""
        if self._read is None:
            if self._proc.is_alive():
                self._proc.terminate()
            self._proc.join()
            self._conn.close()
            self._read = {}


def _read_ahead(
    conn: Any,
    theirs: Any,
    files: list[Path],
    base: Path,
    limits: Limits | None,
    follow_symlinks: bool,
) -> None:
    theirs.close()  # the caller's end: a dead caller means EOF here
    read: dict[int, Any] = {}
    try:
        for i in range(len(files) - 1, -1, -1):
            if conn.poll():
                break
            read[i] = _read_one(files[i], base, limits, follow_symlinks)
        conn.recv()  # asked (or, having read everything, waits to be)
        conn.send(read)
    except (EOFError, OSError):  # the caller is gone
        pass
    finally:
        conn.close()


def _read_rest(
    files: list[Path],
    read: dict[int, Any],
    base: Path,
    limits: Limits | None,
    follow_symlinks: bool,
    engine: Any,
    progress: Callable[[int, int], None] | None,
    then: Callable[[Document], Any] | None,
) -> list[Document | tuple[Document, Any] | tuple[str, str, str]]:
    """``_read_one`` over ``files`` where ``read`` (a ``ReadAhead``'s) has some already:
    those only get ``then``. On a local pool forked from here (``engine.shared_map``:
    the read Documents are inherited, not pickled), the unread files first in small
    chunks, then the read ones; elsewhere in this process. Results in file order."""
    from coatlas.engine import shared_map

    todo = [i for i in range(len(files)) if i not in read]
    done = [i for i in sorted(read) if then is not None and isinstance(read[i], Document)]
    workers = getattr(engine, "workers", 1)
    items = [("read", p) for p in _guided(todo, len(done), workers)]
    items += [("then", p) for p in _guided(done, 0, workers)]
    state = (files, read, base, limits, follow_symlinks, then)
    out: list[Any] = [read.get(i) for i in range(len(files))]
    for (kind, part), got in zip(items, shared_map(engine, _rest_chunk, state, items), strict=True):
        for i, r in zip(part, got, strict=True):
            out[i] = r if kind == "read" else (read[i], r)
    if progress is not None:
        progress(len(out), len(files))
    return out


def _guided(indices: list[int], after: int, workers: int) -> list[list[int]]:
    """``indices`` in consecutive chunks of at most 8, smaller as the work left (with
    ``after`` more items to come) runs out: each costs a task's overhead, and the last
    ones decide how long one worker waits for the other at the end."""
    out: list[list[int]] = []
    i = 0
    while i < len(indices):
        left = len(indices) - i + after
        size = max(1, min(8, left // (workers * 4)))
        out.append(indices[i : i + size])
        i += size
    return out


def _rest_chunk(state: tuple[Any, ...], item: tuple[str, list[int]]) -> list[Any]:
    """``_read_rest``'s task: read files (``_read_one``) or run ``then`` on read ones."""
    files, read, base, limits, follow_symlinks, then = state
    kind, part = item
    if kind == "read":
        return [_read_one(files[i], base, limits, follow_symlinks, then) for i in part]
    return [then(read[i]) for i in part]
