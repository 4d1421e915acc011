"""The evidence features a learned code assigner decides on (coding.code_features)."""

from __future__ import annotations

from coatlas.codebook import load_codebook
from coatlas.directed.coding import Context, LexiconCoder, code_features, sentences_of
from coatlas.ingest import document_from_text

TEXT = (
    "Egenvårdsteamet startade 2019.\n\n"
    "I Egenvårdsteamet sköter patienterna sin behandling själva hemma och lär sig "
    "egenvård tillsammans med sjuksköterskan.\n\n"
    "Patienterna sköter själva sin egenvård och sin egen behandling.\n"
)


def _features(with_sentences: bool):
    doc = document_from_text(TEXT, "team.txt")
    name = "Egenvårdsteamet"
    mentions = tuple((i, i + len(name)) for i in range(len(TEXT)) if TEXT.startswith(name, i))
    ctx = [Context(doc, 0, len(TEXT), mentions)]
    cb = load_codebook()
    codings = LexiconCoder().code(ctx, cb)
    sents = sentences_of(ctx) if with_sentences else None
    return code_features(codings, cb, "methods", sents), codings


def test_evidence_features_say_where_the_evidence_stands():
    feats, codings = _features(True)
    sm = feats["self_management"]
    assert sm["any"] == 1.0 and sm["best"] == 1.0
    # a sentence naming the initiative carries self-management evidence
    assert sm["named_max"] > 0
    assert sm["code=self_management*named_max"] == sm["named_max"]
    assert sm["documents"] > 0 and 0 < sm["density"] <= 1
    # a code without evidence has none of it
    assert feats["personas"]["any"] == 0.0 and feats["personas"]["named_max"] == 0.0


def test_each_code_sees_which_code_has_the_most_evidence():
    feats, _ = _features(True)
    best = [c for c, f in feats.items() if f["best"]]
    assert best == ["self_management"]
    for code, f in feats.items():
        others = {k for k in f if k.startswith(f"code={code}*with=")}
        assert len(others) == len(feats) - 1
        if code != "self_management":
            assert f[f"code={code}*with=self_management"] == 1.0
        if code != "personas":
            assert f[f"code={code}*with=personas"] == 0.0


def test_without_sentences_only_the_support_features():
    feats, _ = _features(False)
    assert not any(
        "*" in k or k in ("named_max", "documents", "density") for f in feats.values() for k in f
    )


def test_a_prior_below_one_shrinks_a_features_weight():
    from coatlas.directed.scoring import fit_logistic, logistic_proba

    rows = [{"a": float(i % 2), "b": float((i // 2) % 2)} for i in range(40)]
    labels = [int(r["a"] or (r["b"] and i % 3 == 0)) for i, r in enumerate(rows)]
    groups = [f"g{i % 4}" for i in range(40)]
    free = fit_logistic(rows, labels, groups, c=1.0, balanced=False)
    tight = fit_logistic(rows, labels, groups, c=1.0, balanced=False, prior={"b": 0.2})
    coef = {
        m: dict(zip(m_["features"], m_["coef"], strict=True))
        for m, m_ in (("free", free), ("tight", tight))
    }
    assert abs(coef["tight"]["b"]) < abs(coef["free"]["b"])
    # the stored model applies the factor itself: scoring needs no prior
    p = logistic_proba(tight, {"a": 0.0, "b": 1.0})
    assert 0.0 < p < 1.0
