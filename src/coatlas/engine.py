"""Where per-document work runs: this process, a local process pool, or Dask.

The per-document stages (reading a file into a Document with its ``perdoc`` summary)
and Step 2's coder (a chunk of initiatives with their contexts) are pure functions of
one input, so they can run anywhere; the other cross-document steps (resolving names
across documents, Step 3's grouping) stay in the calling process and work from the
gathered results. Every engine returns results in input order, so the outputs are
the same bytes whichever engine ran and however many workers it had.

- ``LocalEngine(workers)``: a process pool on this machine (``--workers N``).
- ``DaskEngine(scheduler, workers)``: Dask distributed (``--engine dask``): a local
  cluster of ``workers`` processes, or an existing scheduler at ``scheduler``
  (``tcp://host:8786``). Workers must have coatlas installed and see the documents
  folder at the same path (docs/scale.md).

``shared_map`` runs a cross-document pass over many independent items (Step 1's
candidates) in a pool forked from this process, whose workers inherit the corpus
instead of receiving it. ``background`` and ``later`` run one central call in a forked process beside the
caller (Step 3, the document writes, Figure 1); ``one_blas_thread`` keeps numpy's BLAS
from oversubscribing the cores the processes share.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "dask")


class Engine(Protocol):
    """Maps a picklable module-level function over items, results in input order."""

    name: str
    workers: int

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]: ...

    def close(self) -> None: ...


def one_blas_thread() -> contextlib.AbstractContextManager[Any]:
    """numpy's BLAS on one thread while the block runs (restored after).

    With ``--workers`` the pool's processes, Step 3's and the main one share the cores,
    and OpenBLAS's own threads (one per core each, spinning while they wait) made Step
    2's coder cost 2.6× the CPU in a pool of two at 200 documents; the matrices here are
    too small for BLAS threads to pay anyway. One thread in every run, whatever the
    workers, also keeps every process on the same summation order (Dask workers run BLAS
    on one thread too), so the outputs stay the same bytes."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn depends on it
        return contextlib.nullcontext()
    return threadpool_limits(limits=1, user_api="blas")


@contextlib.contextmanager
def frozen() -> Iterator[None]:
    """Processes forked in this block inherit every object as frozen (``gc.freeze``):
    their garbage collections then skip what they inherited instead of walking the
    whole corpus (which cost CPU and copied every page it touched: 0.4–0.5 CPU s over
    a run at 200 documents with two workers). This process's objects are unfrozen
    after, so its own collections go on as before."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _pool_context() -> Any:
    """Processes for the pool: forked where the platform allows it (no re-import of
    the readers' models per worker), spawned elsewhere."""
    import multiprocessing as mp

    return mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")


class LocalEngine:
    """This machine: in this process for one worker, else a process pool."""

    name = "local"

    def __init__(self, workers: int = 1) -> None:
        self.workers = max(1, int(workers))

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        items = list(items)
        if self.workers == 1 or len(items) < 2:
            return [fn(x) for x in items]
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(
            max_workers=min(self.workers, len(items)), mp_context=_pool_context()
        ) as pool:
            with frozen():  # a forked pool starts its processes at the first task
                results = pool.map(fn, items)
            return list(results)

    def close(self) -> None:
        pass


class DaskEngine:
    """Dask distributed: a local cluster by default, or the scheduler at ``scheduler``.

    Tasks are submitted as not pure (each input is read once, never deduplicated by
    Dask's hashing) and gathered in submission order."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as e:  # pragma: no cover - depends on the extra
            from coatlas.errors import CoatlasError

            raise CoatlasError(
                "--engine dask needs Dask distributed: pip install 'coatlas[dask]'"
            ) from e
        self._cluster = None
        if scheduler:
            self._client = Client(scheduler)
            info = self._client.scheduler_info()
            self.workers = max(1, len(info.get("workers", {})))
        else:
            self.workers = max(1, int(workers or os.cpu_count() or 1))
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            self._client = Client(self._cluster)

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
        items = list(items)
        if not items:
            return []
        futures = self._client.map(fn, items, pure=False)
        return list(self._client.gather(futures))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


_SHARED: Any = None  # what ``shared_map``'s forked workers inherit


def _shared_call(job: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    fn, item = job
    return fn(_SHARED, item)


def shared_map(
    engine: Engine | None, fn: Callable[[Any, T], R], shared: Any, items: Iterable[T]
) -> list[R]:
    """``fn(shared, item)`` for each item, results in input order.

    For the cross-document passes of Steps 1–2 whose items are independent given the
    corpus (each candidate's features): on a local pool of more than one worker the
    pool is forked from this process, so its workers inherit ``shared`` (the
    Documents, the candidates) and only the items and results are pickled; elsewhere
    (one worker, Dask, no fork) the calls run here, since shipping a corpus to Dask
    workers costs more than the pass. Same function, same inputs: the same results.
    ``fn`` must be a module-level function and must not run OpenMP code this process
    has run (the e5 model's: a forked child would hang in it)."""
    global _SHARED
    items = list(items)
    if (
        engine is None
        or engine.name != "local"
        or engine.workers < 2
        or len(items) < 2
        or not forkable()
    ):
        return [fn(shared, x) for x in items]
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    _SHARED = shared
    try:
        with ProcessPoolExecutor(
            max_workers=min(engine.workers, len(items)), mp_context=mp.get_context("fork")
        ) as pool:
            with frozen():
                results = pool.map(_shared_call, [(fn, x) for x in items])
            return list(results)
    finally:
        _SHARED = None


def make_engine(name: str = "local", workers: int = 1, scheduler: str | None = None) -> Engine:
    """The engine a run asked for (``Settings.engine``)."""
    if name == "local":
        return LocalEngine(workers)
    if name == "dask":
        return DaskEngine(scheduler, workers)
    from coatlas.errors import CoatlasError

    raise CoatlasError(f"unknown engine {name!r} (expected one of {', '.join(ENGINES)})")


class Aside(Generic[R]):
    """``fn(*args, **kwargs)`` running in a process of its own (``background``)."""

    def __init__(self, fn: Callable[..., R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self._recv, send = ctx.Pipe(duplex=False)
        # a daemon: it goes when this process exits; killed, it ends when it has
        # finished and finds no one to send to (nothing waits on it for ever)
        self._proc = ctx.Process(
            target=_aside, args=(send, self._recv, fn, args, kwargs), daemon=True
        )
        with frozen():
            self._proc.start()
        send.close()
        self._out: tuple[bool, Any] | None = None

    def result(self) -> R:
        """The call's result (waiting for it), or its exception raised here."""
        if self._out is None:
            try:
                self._out = self._recv.recv()
            except EOFError:
                self._proc.join()
                why = f"exit code {self._proc.exitcode}"
                self._out = (False, RuntimeError(f"a background process died ({why})"))
            self._recv.close()
            self._proc.join()
        ok, value = self._out
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the process if its result was never asked for (the run failed)."""
        if self._out is None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
        if self._out is None:
            self._recv.close()
            self._out = (False, RuntimeError("cancelled"))


class Later(Generic[R]):
    """A forked process that gets ready now (``prepare()``) and makes its call when
    given the arguments (``start``): ``later``."""

    def __init__(self, fn: Callable[..., R], prepare: Callable[[], Any] | None) -> None:
        import multiprocessing as mp

        ctx = mp.get_context("fork")
        self._conn, theirs = ctx.Pipe()
        self._proc = ctx.Process(target=_later, args=(theirs, self._conn, fn, prepare), daemon=True)
        with frozen():
            self._proc.start()
        theirs.close()
        self._out: tuple[bool, Any] | None = None
        self._started = False

    def start(self, *args: Any, **kwargs: Any) -> None:
        """Make the call with these arguments (pickled to the process)."""
        self._conn.send((args, kwargs))
        self._started = True

    def result(self) -> R:
        """The call's result (waiting for it), or its exception raised here."""
        if self._out is None:
            if not self._started:
                raise RuntimeError("Later.result() before start()")
            try:
                self._out = self._conn.recv()
            except EOFError:
                self._proc.join()
                why = f"exit code {self._proc.exitcode}"
                self._out = (False, RuntimeError(f"a background process died ({why})"))
            self._conn.close()
            self._proc.join()
        ok, value = self._out
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """Stop the process if its result was never asked for (the run failed)."""
        if self._out is None and self._proc.is_alive():
            self._proc.terminate()
            self._proc.join()
        if self._out is None:
            self._conn.close()
            self._out = (False, RuntimeError("cancelled"))


class _Done(Generic[R]):
    """A call made here at once, where processes cannot be forked."""

    def __init__(self, fn: Callable[..., R], args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        try:
            self._out: tuple[bool, Any] = (True, fn(*args, **kwargs))
        except Exception as e:  # noqa: BLE001 - raised again by result()
            self._out = (False, e)

    def result(self) -> R:
        ok, value = self._out
        if not ok:
            raise value
        return value

    def close(self) -> None:
        pass


def _aside(send: Any, recv: Any, fn: Callable[..., Any], args: Any, kwargs: Any) -> None:
    if recv is not None:
        recv.close()  # this end is the caller's: a dead caller means a broken pipe here
    try:
        out: tuple[bool, Any] = (True, fn(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - handed to the caller
        out = (False, e)
    try:
        send.send(out)
    except BrokenPipeError:  # the caller is gone
        pass
    except Exception as e:  # noqa: BLE001 - e.g. an exception that does not pickle
        send.send((False, RuntimeError(f"{type(e).__name__}: {e}")))
    finally:
        send.close()


def _later(conn: Any, theirs: Any, fn: Callable[..., Any], prepare: Any) -> None:
    theirs.close()  # the caller's end: a dead caller means EOF here
    try:
        if prepare is not None:
            with contextlib.suppress(Exception):  # only a head start: the call will say
                prepare()
        args, kwargs = conn.recv()
    except (EOFError, OSError):  # the caller is gone (or never sent)
        conn.close()
        return
    _aside(conn, None, fn, args, kwargs)


def later(fn: Callable[..., R], prepare: Callable[[], Any] | None = None) -> Later[R]:
    """``fn`` in a process forked now, which runs ``prepare()`` (imports, caches) at
    once and makes the call when ``.start(*args, **kwargs)`` hands it the arguments;
    ``.result()`` waits for it, ``.close()`` stops it unasked.

    For central work whose input comes last but whose setting up does not need it
    (Figure 1: matplotlib's imports and fonts load while Steps 1–2 run, and the figure
    renders once the initiatives are coded). Like ``background``: the same function on
    this machine, so the same bytes; no OpenMP code this process has run; needs fork
    (``forkable``)."""
    return Later(fn, prepare)


def forkable() -> bool:
    """Whether this platform forks processes (``background``, ``later``)."""
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods()


def background(fn: Callable[..., R], *args: Any, **kwargs: Any) -> Aside[R] | _Done[R]:
    """``fn(*args, **kwargs)`` in a process of its own on this machine, forked from
    this one, while the caller goes on; ``.result()`` waits for it and returns what
    the call returned (or raises what it raised), ``.close()`` stops it unasked.

    For central work that does not feed what the caller does next (Step 3 beside
    Steps 1–2, Figure 1 beside the store writes): the same function on this machine,
    so the same bytes as calling it here. Where processes cannot be forked it runs
    here, at once. ``fn`` must not use OpenMP code this process has run (the e5
    model's): a forked child of such a process hangs in it."""
    if not forkable():
        return _Done(fn, args, kwargs)
    return Aside(fn, args, kwargs)
