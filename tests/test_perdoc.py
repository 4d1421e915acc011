"""The per-document stage (coatlas.perdoc) changes where work runs, never the results;
Step 3's large-corpus path stays bounded and deterministic."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from coatlas import directed, inductive, perdoc
from coatlas.engine import LocalEngine
from coatlas.inductive import grouping
from coatlas.ingest import read_documents, read_folder

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"


class FakeEmbedder:
    """Deterministic bag-of-characters vectors (no model)."""

    name = "fake"

    def embed(self, texts):
        out = np.zeros((len(texts), 32))
        for i, t in enumerate(texts):
            for ch in t.lower():
                out[i, ord(ch) % 32] += 1.0
            out[i] /= np.linalg.norm(out[i]) or 1.0
        return out


@pytest.fixture(scope="module")
def docs():
    found, _ = read_folder(EXAMPLES)
    return sorted(found, key=lambda d: d.path)


def _same(a, b) -> bool:
    return json.dumps(a, sort_keys=True, default=str) == json.dumps(b, sort_keys=True, default=str)


def test_summaries_cross_a_process_boundary(docs) -> None:
    for s in perdoc.summarise_all(docs).values():
        back = pickle.loads(pickle.dumps(s))
        assert back.path == s.path and back.mentions is not None
        assert [m.key for m in back.mentions[0]] == [m.key for m in s.mentions[0]]


def test_steps_give_the_same_results_with_summaries(docs) -> None:
    prepared = perdoc.summarise_all(docs)
    emb = FakeEmbedder()
    plain = directed.run(docs, embedder=emb)
    fed = directed.run(docs, embedder=emb, prepared=prepared)
    assert plain.initiatives and _same(plain.initiatives, fed.initiatives)
    assert _same(plain.non_initiatives, fed.non_initiatives)
    assert _same(plain.uncoded, fed.uncoded)
    a = inductive.run(docs, embedder=emb, sparse_encoder=False)
    b = inductive.run(docs, embedder=emb, sparse_encoder=False, prepared=prepared)
    assert a["lessons"] and _same(a, b)


def test_summaries_from_the_pool_match_those_made_here(docs) -> None:
    here = perdoc.summarise_all(docs)
    pool = perdoc.summarise_all(docs, engine=LocalEngine(2))
    assert list(here) == list(pool)
    for p in here:
        assert pickle.dumps(here[p].lessons) == pickle.dumps(pool[p].lessons)
        assert here[p].concepts == pool[p].concepts


def test_read_documents_runs_the_stage_where_it_reads() -> None:
    pairs, _ = read_documents(EXAMPLES, perdoc.summarise, workers=2)
    assert pairs and all(s is not None and s.path == d.path for d, s in pairs)
    plain, _ = read_documents(EXAMPLES, None)
    assert all(s is None for _, s in plain)


def test_large_step3_is_bounded_and_deterministic(monkeypatch) -> None:
    monkeypatch.setattr(grouping, "LARGE_LESSONS", 20)
    monkeypatch.setattr(grouping, "SILHOUETTE_SAMPLE", 15)
    rng = np.random.default_rng(3)
    n = 60
    bags = [{f"c{j}": float(rng.integers(1, 4)) for j in rng.choice(500, 5)} for _ in range(n)]
    cm = grouping.concept_matrix(bags)
    assert cm.shape == (n, grouping.PROJECTED_DIMS) and cm.dtype == np.float32
    vecs = grouping.StatementEmbedder(FakeEmbedder()).fit_transform(
        [f"statement {i} " * (i % 7 + 1) for i in range(n)],
        [f"d{i % 9}" for i in range(n)],
        ["en"] * n,
    )
    assert vecs.dtype == np.float32
    x = grouping.lesson_vectors(vecs, bags)
    first = grouping.Clusterer().fit_predict(x)
    assert first.shape == (n, 3)
    assert np.array_equal(first, grouping.Clusterer().fit_predict(x))


def test_lexicon_hits_travel_with_the_summary_and_are_remembered() -> None:
    """``DocSummary.found``: each sentence's hits, taken by the main process's lexicon
    (``perdoc.adopt``), the same as scanning there."""
    from coatlas.codebook import load_codebook
    from coatlas.codebook.match import Lexicon, lexicon
    from coatlas.ingest import document_from_text
    from coatlas.text.sentences import document_sentences

    doc = document_from_text(
        "Projektet Brukarrådet\n\nBrukarrådet är ett projekt där patienter deltar som "
        "peer support workers. Vi anställde brukarrevisorer.\n",
        "found.txt",
    )
    summary = perdoc.summarise(doc)
    texts = [doc.text[a:b] for a, b in document_sentences(doc)]
    assert summary.found is not None and set(summary.found) == set(texts)
    fresh = Lexicon(load_codebook())
    fresh.remember(summary.found)
    assert fresh.known(texts) == summary.found
    assert all(fresh.find(t) == Lexicon(load_codebook()).find(t) for t in texts)
    perdoc.adopt({doc.path: summary})
    assert summary.found is None  # dropped once taken
    assert lexicon(load_codebook()).known(texts).keys() == set(texts)


def test_latest_year_comes_from_the_timelines_parse_unchanged() -> None:
    """The summary's latest year reuses the timeline's parse (anchored on the document's
    date); relative years do not count either way, so it is the year ``latest_year``
    finds in the text."""
    from coatlas.ingest import document_from_text
    from coatlas.perdoc import summarise
    from coatlas.text.years import latest_year

    text = (
        "Lägesrapport\n\nDatum: 2019-05-01\n\nProjektet startade i fjol och pågår till "
        "2023. Om tio år vill vi att alla enheter arbetar så."
    )
    doc = document_from_text(text, "rapport.txt")
    got = summarise(doc)
    assert got.timeline is not None
    assert got.latest_year == latest_year([(doc.text, doc.language)]) == 2023
