"""Steps 1–2's cross-document work on the workers: the same results as in one process,
and the embedder asked for the same texts in the same order (a cold cache fills as
it would have)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from coatlas import directed, perdoc
from coatlas import engine as engines
from coatlas.directed import step2
from coatlas.directed.coding import default_coder
from coatlas.directed.scoring import Corpus, _corpus_support
from coatlas.document import Document
from coatlas.embed import LookupEmbedder
from coatlas.engine import LocalEngine, shared_map
from coatlas.ingest import read_folder
from coatlas.text.wordindex import WordIndex

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"


class RecordingEmbedder:
    """Bag-of-characters vectors (no model) that records every call it gets."""

    name = "recording"

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 32), np.float32)
        for i, t in enumerate(texts):
            for ch in t.lower():
                out[i, ord(ch) % 32] += 1.0
            out[i] /= np.linalg.norm(out[i]) or 1.0
        return out


class CountingEngine(LocalEngine):
    """A local pool that counts the tasks it was given, by function name."""

    def __init__(self, workers: int) -> None:
        super().__init__(workers)
        self.tasks: dict[str, int] = {}

    def map(self, fn, items):
        items = list(items)
        self.tasks[fn.__name__] = self.tasks.get(fn.__name__, 0) + len(items)
        return super().map(fn, items)


@pytest.fixture(autouse=True)
def _count_shared(monkeypatch) -> None:
    """A CountingEngine also counts the chunks ``engine.shared_map`` forks for it."""
    real = engines.shared_map

    def counting(engine, fn, shared, items):
        items = list(items)
        if isinstance(engine, CountingEngine):
            engine.tasks[fn.__name__] = engine.tasks.get(fn.__name__, 0) + len(items)
        return real(engine, fn, shared, items)

    monkeypatch.setattr(engines, "shared_map", counting)


@pytest.fixture(scope="module")
def docs() -> list[Document]:
    found, _ = read_folder(EXAMPLES)
    return sorted(found, key=lambda d: d.path)


def _dump(res: directed.DirectedResult) -> str:
    return json.dumps(
        [res.initiatives, res.non_initiatives, res.uncoded, res.code_features],
        sort_keys=True,
        default=str,
    )


def _fresh_protos() -> None:
    """Forget the prototype vectors, as a new process would (they are embedded once)."""
    from coatlas.directed.coding import _PROTO_CACHE

    for key in [k for k in _PROTO_CACHE if k[1] == RecordingEmbedder.name]:
        del _PROTO_CACHE[key]


@pytest.mark.parametrize("summaries", [False, True])
def test_step2_coder_on_workers_gives_the_same_results(docs, summaries) -> None:
    prepared = perdoc.summarise_all(docs) if summaries else None
    _fresh_protos()
    here = RecordingEmbedder()
    one = directed.run(docs, embedder=here, prepared=prepared)
    _fresh_protos()
    there = RecordingEmbedder()
    engine = CountingEngine(2)
    two = directed.run(docs, embedder=there, prepared=prepared, engine=engine)
    # the coder did run on the pool (forked from here: the jobs are inherited)
    assert engine.tasks.get("_code_shared", 0) > 1
    assert len(one.initiatives) > 1 and _dump(one) == _dump(two)
    assert here.calls == there.calls  # same texts, same batches, same order


def test_step2_without_embeddings_on_workers(docs) -> None:
    engine = CountingEngine(2)
    assert _dump(directed.run(docs)) == _dump(directed.run(docs, engine=engine))
    assert engine.tasks.get("_code_shared", 0) > 1


def test_a_callers_coder_stays_in_this_process(docs) -> None:
    emb = RecordingEmbedder()
    engine = CountingEngine(2)
    res = directed.run(docs, embedder=emb, coder=default_coder(emb), engine=engine)
    assert "_code_chunk" not in engine.tasks and "_code_shared" not in engine.tasks
    assert _dump(res) == _dump(directed.run(docs, embedder=emb, coder=default_coder(emb)))


def _scaled(shared: int, item: int) -> tuple[int, int]:
    import os

    return shared * item, os.getpid()


def test_shared_map_keeps_order_and_forks_only_a_local_pool() -> None:
    import os

    items = list(range(40))
    here = shared_map(None, _scaled, 3, items)
    assert [r for r, _ in here] == [3 * x for x in items]
    assert {pid for _, pid in here} == {os.getpid()}
    assert shared_map(LocalEngine(1), _scaled, 3, items) == here
    there = shared_map(LocalEngine(2), _scaled, 3, items)
    assert [r for r, _ in there] == [3 * x for x in items]  # inherited, not pickled
    assert os.getpid() not in {pid for _, pid in there}
    assert engines._SHARED is None  # the corpus is not kept after the pass


def test_step1_candidate_passes_on_workers_give_the_same_results(docs, monkeypatch) -> None:
    prepared = perdoc.summarise_all(docs)
    one = directed.run(docs, prepared=prepared)
    ran: list[str] = []

    def recording(engine, fn, shared, items):
        items = list(items)
        ran.append(fn.__name__)
        return shared_map(engine, fn, shared, items)

    monkeypatch.setattr(engines, "shared_map", recording)
    two = directed.run(docs, prepared=prepared, engine=LocalEngine(2))
    assert {"_features_chunk", "_propagate_chunk", "_split_chunk", "_describe"} <= set(ran)
    assert len(one.initiatives) > 1 and _dump(one) == _dump(two)


def test_chunks_are_consecutive_and_cover_every_job() -> None:
    weights = [5, 1, 1, 40, 3, 3, 3, 1, 9, 2]
    for n in (1, 2, 3, 8, 20):
        parts = step2._chunks(weights, n)
        assert [i for p in parts for i in p] == list(range(len(weights)))
        assert all(parts) and len(parts) <= max(1, n)


def test_lookup_embedder_returns_the_vectors_it_was_given() -> None:
    emb = RecordingEmbedder()
    texts = ["en mening", "another sentence", "en mening"]
    vecs = emb.embed(texts)
    look = LookupEmbedder(emb.name, dict(zip(texts, vecs, strict=True)))
    assert np.array_equal(look.embed(texts), vecs) and look.embed([]).shape[0] == 0


def test_corpus_support_with_the_index_counts_as_a_full_scan(docs) -> None:
    from coatlas.directed.candidates import RuleCandidates

    tricky = [
        Document(path="x1.txt", sha256="1", format="txt", text="Om İstanbul Projektet och mer."),
        Document(path="x2.txt", sha256="2", format="txt", text="the peer-support   programme\n"),
        Document(path="x3.txt", sha256="3", format="txt", text="PEER-SUPPORT PROGRAMME, again"),
    ]
    corpus = Corpus.of([*docs, *tricky])
    assert isinstance(corpus.index, WordIndex)
    ents = RuleCandidates().generate([*docs, *tricky])
    assert ents
    for ent in ents:
        full = _corpus_support(ent, corpus.lowered_texts)
        assert _corpus_support(ent, corpus.lowered_texts, corpus.index) == full


def test_table1_takes_the_genres_the_per_document_stage_found(docs) -> None:
    from coatlas.sampling import entry_steps, table1

    prepared = perdoc.summarise_all(docs)
    steps = entry_steps(docs, {})
    types = {p: s.doctype.type for p, s in prepared.items()}
    assert table1(docs, steps, types) == table1(docs, steps)


def test_context_words_from_the_per_document_stage_give_the_same_contexts(docs) -> None:
    from coatlas.directed.contexts import document_contexts, document_words

    words = {d.path: document_words(d) for d in docs}
    assert document_contexts(docs, words) == document_contexts(docs)
    summaries = perdoc.summarise_all(docs)
    assert all(summaries[d.path].contexts == words[d.path] for d in docs)
    off = perdoc.summarise(docs[0], perdoc.Options(contexts=False))
    assert off.contexts is None


def test_repeats_found_on_workers_are_the_same_mentions_in_the_same_order(docs) -> None:
    from coatlas.directed.candidates import RuleCandidates
    from coatlas.directed.initiatives import _doc_sentences, _propagate_all

    spans = {d.path: _doc_sentences(d) for d in docs}
    here, there = RuleCandidates().generate(docs), RuleCandidates().generate(docs)
    _propagate_all(here, docs, spans)
    _propagate_all(there, docs, spans, LocalEngine(2))
    assert [e.mentions for e in here] == [e.mentions for e in there]
    assert any("repeat" in m.cues for e in here for m in e.mentions)
