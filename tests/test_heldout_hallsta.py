"""The held-out Hallsta/Harrowden corpus is readable and its gold is grounded in the text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coatlas.ingest import read_folder

CORPUS = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora" / "heldout-hallsta"
GOLD = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    docs, errors = read_folder(CORPUS / "documents")
    assert errors == []
    return {Path(d.path).name: ws(d.text) for d in docs}


def test_every_document_is_read(texts):
    files = sorted(p.name for p in (CORPUS / "documents").iterdir())
    assert sorted(texts) == files
    assert len(files) >= 18
    assert all(len(t) > 200 for t in texts.values())


def test_gold_documents_exist(texts):
    named = {d for i in GOLD["initiatives"] + GOLD["non_initiatives"] for d in i["documents"]}
    named |= {les["document"] for les in GOLD["lessons"]}
    assert named <= set(texts)


def test_lessons_are_verbatim(texts):
    missing = [
        les["text"] for les in GOLD["lessons"] if ws(les["text"]) not in texts[les["document"]]
    ]
    assert missing == []
    assert set(les["cluster"] for les in GOLD["lessons"]) == set(GOLD["clusters"])


def test_aliases_appear_in_a_listed_document(texts):
    missing = []
    for ini in GOLD["initiatives"]:
        for name in [ini["name"], *ini["aliases"]]:
            if not any(ws(name).lower() in texts[d].lower() for d in ini["documents"]):
                missing.append((ini["id"], name))
    assert missing == []


def test_lessons_are_not_in_interviewer_turns(texts):
    """Lessons are spoken by informants; a span inside a question would reward quoting the interviewer."""
    raw = {p.name: p.read_text(encoding="utf-8") for p in (CORPUS / "documents").glob("*.txt")}
    asking = re.compile(r"^(Intervjuare|Q|Helena|AL):", re.M)
    bad = []
    for les in GOLD["lessons"]:
        text = raw.get(les["document"])
        if text is None:
            continue
        for line in text.splitlines():
            if asking.match(line) and ws(les["text"]) in ws(line):
                bad.append(les["text"])
    assert bad == []


def test_gold_counts_and_codes():
    methods = {
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
    roles = {"participant", "informant", "co_designer", "staff", "leader", "educator", "evaluator"}
    inis = GOLD["initiatives"]
    assert 10 <= len(inis) <= 14
    assert 40 <= len(GOLD["lessons"]) <= 50
    assert 6 <= len(GOLD["clusters"]) <= 8
    for i in inis:
        assert set(i["methods"]) <= methods, i["id"]
        assert set(i["ppe_roles"]) <= roles, i["id"]
        assert set(i["levels"]) <= {"micro", "meso", "macro"}, i["id"]

