"""Integrity of the heldout-solvik gold corpus against ingestion (not engine quality)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coatlas.ingest import read_folder

ROOT = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora" / "heldout-solvik"
CODES = {
    "personas",
    "storytelling",
    "person_centred_care",
    "co_design",
    "quality_improvement",
    "ppe_as_staff",
    "ppe_driven",
    "co_evaluation",
    "dialogue_meetings",
    "learning_education",
    "self_management",
    "care_agreement",
}


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def corpus():
    docs, errors = read_folder(ROOT / "documents")
    gold = json.loads((ROOT / "gold.json").read_text(encoding="utf-8"))
    texts = {Path(d.path).name: _norm(d.text) for d in docs}
    return texts, errors, gold


def test_all_documents_read(corpus):
    texts, errors, _ = corpus
    assert errors == []
    on_disk = {p.name for p in (ROOT / "documents").iterdir()}
    assert set(texts) == on_disk
    assert len(texts) >= 20
    assert all(len(t) > 200 for t in texts.values())


def test_lessons_verbatim(corpus):
    texts, _, gold = corpus
    assert len(gold["lessons"]) >= 25
    for lesson in gold["lessons"]:
        assert _norm(lesson["text"]) in texts[lesson["document"]], lesson
        assert lesson["cluster"] in gold["clusters"]


def test_aliases_in_documents(corpus):
    texts, _, gold = corpus
    for ini in gold["initiatives"]:
        assert ini["documents"], ini["id"]
        for doc in ini["documents"]:
            assert doc in texts, (ini["id"], doc)
        for alias in ini["aliases"]:
            assert any(alias in texts[d] for d in ini["documents"]), (ini["id"], alias)
        assert set(ini["methods"]) <= CODES


def test_non_initiatives_documents(corpus):
    texts, _, gold = corpus
    for non in gold["non_initiatives"]:
        assert all(d in texts for d in non["documents"]), non
