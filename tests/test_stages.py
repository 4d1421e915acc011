"""One conformance suite per stage interface, run on every implementation.

In the manner of scikit-learn's estimator checks: an implementation that is handed
to ``directed.run`` / ``pipeline.analyze`` (candidates, scorer, timeline, coder) or
to Step 3 (clusterer) must pass these, so "any object with X works" is a tested
promise rather than a hope.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.cluster import AgglomerativeClustering, KMeans

from coatlas import directed
from coatlas.codebook import load_codebook
from coatlas.directed.candidates import RuleCandidates
from coatlas.directed.coding import CombinedCoder, Context, EmbeddingCoder, LexiconCoder
from coatlas.directed.scoring import (
    Corpus,
    LogisticScorer,
    RuleScorer,
    default_scorer,
    fit_scorer,
)
from coatlas.directed.stages import (
    CandidateGenerator,
    Coder,
    InitiativeScorer,
    RuleTimeline,
    TimelineModel,
)
from coatlas.evidence import Coding
from coatlas.inductive import as_levels
from coatlas.inductive.grouping import Clusterer
from coatlas.ingest import document_from_text

TEXTS = {
    "a.txt": (
        "Lyssnarpanelen\n\nLyssnarpanelen startade 2016 på medicinkliniken. I panelen deltar "
        "patienter och närstående som tillsammans med personalen formar nya rutiner. "
        "Patienterna berättar sina erfarenheter för ledningsgruppen.\n\n"
        "Projektet Nya Journalen infördes 2019 av IT-avdelningen utan patienter."
    ),
    "b.txt": (
        "Annual report 2021\n\nThe Listening Panel (Lyssnarpanelen) met six times in 2021. "
        "Patients and carers on the panel co-designed the new discharge leaflet with staff. "
        "Lyssnarpanelen will continue in 2022."
    ),
    "c.txt": (
        "Verksamhetsplan 2020\n\nLyssnarpanelen fortsätter. Patientrepresentanter deltar i "
        "förbättringsarbetet med PDSA-cykler tillsammans med vårdpersonal."
    ),
}


@pytest.fixture(scope="module")
def docs():
    return [document_from_text(t, p) for p, t in sorted(TEXTS.items())]


class FakeEmbedder:
    """Deterministic bag-of-characters vectors: enough to exercise an embedding coder."""

    name = "fake"

    def embed(self, texts):
        out = np.zeros((len(texts), 32))
        for i, t in enumerate(texts):
            for ch in t.lower():
                out[i, ord(ch) % 32] += 1.0
            out[i] /= np.linalg.norm(out[i]) or 1.0
        return out


def _toy_model() -> dict:
    rows = [
        {"strength": float(s), "log_docs": float(d)} for s, d in [(1, 0), (3, 1), (2, 1), (0, 0)]
    ]
    return fit_scorer(rows, [0, 1, 1, 0], ["x", "x", "y", "y"], involved_only=False)


# ------------------------------------------------------------------ candidates

CANDIDATES = [RuleCandidates(), RuleCandidates(min_strength=0.5)]


@pytest.mark.parametrize("gen", CANDIDATES, ids=lambda g: f"{type(g).__name__}")
def test_candidates_conform(gen, docs):
    assert isinstance(gen, CandidateGenerator)
    assert isinstance(gen.name, str) and gen.name
    ents = gen.generate(docs)
    assert ents, "a corpus naming a panel in three documents has a candidate"
    text = {d.path: d.text for d in docs}
    for e in ents:
        assert e.keys and e.mentions
        for m in e.mentions:
            assert text[m.document][m.start : m.end] == m.surface
    again = gen.generate(docs)
    assert [(e.keys, [(m.document, m.start) for m in e.mentions]) for e in ents] == [
        (e.keys, [(m.document, m.start) for m in e.mentions]) for e in again
    ]
    assert gen.generate([]) == []
    known = gen.generate(docs, known=[["Lyssnarpanelen", "Listening Panel"]])
    assert any("lyssnarpanel" in k for e in known for k in e.keys)


# ------------------------------------------------------------------ scorers

SCORERS = [
    RuleScorer(),
    RuleScorer(min_strength=1.0),
    default_scorer(),
    LogisticScorer(_toy_model()),
]


@pytest.mark.parametrize("scorer", SCORERS, ids=lambda s: s.name)
def test_scorers_conform(scorer, docs):
    assert isinstance(scorer, InitiativeScorer)
    assert 0.0 <= scorer.threshold <= 1.0
    ents = RuleCandidates(min_strength=0.5).generate(docs)
    corpus = Corpus.of(docs)
    rows = [scorer.features(e, corpus) for e in ents]
    assert rows
    keys = set(rows[0])
    for f in rows:
        assert set(f) == keys, "every candidate has the same features"
        assert all(isinstance(v, float) and math.isfinite(v) for v in f.values())
    p = scorer.predict_proba(rows)
    assert len(p) == len(rows)
    assert all(0.0 <= x <= 1.0 for x in p)
    assert scorer.predict_proba(rows) == p
    assert scorer.predict_proba([]) == []
    res = directed.run(docs, codebook=load_codebook(), scorer=scorer)
    for ini in res.initiatives:
        assert ini["documents"]


def test_logistic_scorer_file_errors_name_the_file(tmp_path):
    from coatlas.errors import CoatlasError

    bad = tmp_path / "m.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(CoatlasError, match="m.json: not a scorer model"):
        LogisticScorer.from_file(bad)
    with pytest.raises(CoatlasError, match="missing.json: cannot read"):
        LogisticScorer.from_file(tmp_path / "missing.json")


def test_fit_is_deterministic_and_threshold_from_held_out_groups():
    a, b = _toy_model(), _toy_model()
    assert a == b
    assert a["features"] == ["log_docs", "strength"]
    assert 0.0 <= a["threshold"] <= 1.0


# ------------------------------------------------------------------ timeline

TIMELINES = [RuleTimeline()]


@pytest.mark.parametrize("tl", TIMELINES, ids=lambda t: t.name)
def test_timelines_conform(tl, docs):
    assert isinstance(tl, TimelineModel)
    d = docs[0]
    a = d.text.index("Lyssnarpanelen startade")
    res = tl.infer([(d, a, a + len("Lyssnarpanelen"))], [d])
    assert res.start == 2016
    assert isinstance(res.ongoing, bool)
    for evs in (res.evidence or {}).values():
        for e in evs:
            assert d.text[e.start : e.end] == e.quote
    empty = tl.infer([], [])
    assert empty.start is None and empty.end is None


# ------------------------------------------------------------------ coders

CODERS = [
    LexiconCoder(),
    EmbeddingCoder(FakeEmbedder()),
    CombinedCoder([LexiconCoder(), EmbeddingCoder(FakeEmbedder())]),
]


@pytest.mark.parametrize("coder", CODERS, ids=lambda c: c.name)
def test_coders_conform(coder, docs):
    assert isinstance(coder, Coder)
    cb = load_codebook()
    codes = {c.id for g in cb.groups for c in cb.codes(g.id)}
    d = docs[2]
    ctx = [Context(d, 0, len(d.text), ((d.text.index("Lyssnarpanelen"), 40),))]
    out = coder.code(ctx, cb)
    assert all(isinstance(c, Coding) for c in out)
    for c in out:
        assert c.code in codes
        assert d.text[c.evidence.start : c.evidence.end] == c.evidence.quote
        assert 0.0 <= c.evidence.confidence <= 1.0
    assert coder.code(ctx, cb) == out
    assert coder.code([], cb) == []
    res = directed.run(docs, codebook=cb, coder=coder)
    assert isinstance(res.initiatives, list)


# ------------------------------------------------------------------ Step 3 clusterers

CLUSTERERS = [
    Clusterer(n_clusters=2),
    KMeans(n_clusters=2, n_init=10, random_state=0),
    AgglomerativeClustering(n_clusters=2),
]


@pytest.mark.parametrize("clusterer", CLUSTERERS, ids=lambda c: type(c).__name__)
def test_clusterers_conform(clusterer):
    rng = np.random.default_rng(0)
    x = np.vstack([rng.normal(0, 0.1, (5, 4)), rng.normal(3, 0.1, (5, 4))])
    levels = as_levels(clusterer.fit_predict(x), len(x))
    assert levels.shape == (10, 3)
    assert len(set(levels[:5, 0])) == 1 and levels[0, 0] != levels[9, 0]
    # clusters contain categories contain codes
    for lv in (1, 2):
        parent: dict[int, int] = {}
        for row in levels:
            assert parent.setdefault(int(row[lv]), int(row[lv - 1])) == int(row[lv - 1])


def test_a_clusterer_with_a_wrong_shape_is_refused():
    with pytest.raises(ValueError, match="expected"):
        as_levels(np.zeros((3, 2)), 3)


# ------------------------------------------------------------------ code assigners


def test_code_assigners_conform(docs, tmp_path):
    from coatlas.directed.coding import LearnedAssigner, RuleAssigner, default_assigner
    from coatlas.errors import CoatlasError

    shipped = default_assigner()
    assert shipped is not None and shipped.covers("methods") and not shipped.covers("ppe_roles")
    cb = load_codebook()
    for assigner in (RuleAssigner(), shipped):
        res = directed.run(docs, codebook=cb, assigner=assigner)
        for ini in res.initiatives:
            for group in ("methods", "levels", "ppe_roles"):
                assert set(ini[group]) <= {c.id for c in cb.codes(group)}
                for code in ini[group]:
                    assert ini["evidence"][group][code], (group, code)
    bad = tmp_path / "a.json"
    bad.write_text('{"name": "x"}', encoding="utf-8")
    with pytest.raises(CoatlasError, match="a.json: not a code assigner"):
        LearnedAssigner.from_file(bad)
