"""The held-out Lowmoor corpus is readable and its gold is anchored in the text.

Only corpus integrity is checked here: the engine is never run against this corpus.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from coatlas.ingest import read_folder

ROOT = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora" / "heldout-lowmoor"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def corpus():
    docs, errors = read_folder(ROOT / "documents")
    gold = json.loads((ROOT / "gold.json").read_text(encoding="utf-8"))
    return {d.path: _norm(d.text) for d in docs}, errors, gold


def test_every_document_is_read(corpus):
    texts, errors, gold = corpus
    assert errors == []
    listed = {n for i in gold["initiatives"] for n in i["documents"]}
    listed |= {n for x in gold["non_initiatives"] for n in x["documents"]}
    listed |= {lesson["document"] for lesson in gold["lessons"]}
    assert listed <= set(texts)
    assert len(texts) == len(list((ROOT / "documents").iterdir()))
    assert all(texts.values())


def test_every_lesson_is_verbatim_in_its_document(corpus):
    texts, _, gold = corpus
    assert len(gold["lessons"]) >= 35
    missing = [
        (lesson["document"], lesson["text"][:60])
        for lesson in gold["lessons"]
        if _norm(lesson["text"]) not in texts[lesson["document"]]
    ]
    assert missing == []
    assert {lesson["cluster"] for lesson in gold["lessons"]} == set(gold["clusters"])


def test_every_alias_appears_in_a_listed_document(corpus):
    texts, _, gold = corpus
    missing = [
        (initiative["id"], alias)
        for initiative in gold["initiatives"]
        for alias in initiative["aliases"]
        if not any(_norm(alias) in texts[name] for name in initiative["documents"])
    ]
    assert missing == []
