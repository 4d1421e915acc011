"""Every annotated corpus is readable and its gold is grounded in the text coatlas extracts.

Corpus integrity only: the engine is never run here. One parametrised set of checks
for every corpus under benchmarks/corpora/ that has a gold.json, plus the stricter
checks some corpora were written to (EXTRA).
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from coatlas.ingest import read_folder

CORPORA = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora"
NAMES = sorted(p.parent.name for p in CORPORA.glob("*/gold.json"))

METHODS = {
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
ROLES = {"participant", "informant", "co_designer", "staff", "leader", "educator", "evaluator"}

# Per corpus: minimum document count (default 18); (min, max) lesson, initiative and
# cluster counts; whether each initiative's canonical name occurs (case-insensitively)
# in one of its documents; whether aliases occur with their exact case; a regex for
# interviewer turns no lesson may sit in (plain-text transcripts).
EXTRA: dict[str, dict] = {
    "heldout-hallsta": {
        "names_occur": True,
        "lessons": (40, 50),
        "initiatives": (10, 14),
        "clusters": (6, 8),
        "interviewer": r"^(Intervjuare|Q|Helena|AL):",
    },
    "heldout-kvarnby": {"names_occur": True},
    "heldout-lowmoor": {"aliases_exact_case": True, "lessons": (35, None)},
    "heldout-ravnas": {"names_occur": True},
    "heldout-solvik": {"aliases_exact_case": True, "documents": 20, "lessons": (25, None)},
    "heldout-vittangi": {"names_occur": True},
}


def ws(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


@pytest.fixture(scope="module", params=NAMES)
def corpus(request):
    root = CORPORA / request.param
    docs, errors = read_folder(root / "documents")
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    texts = {Path(d.path).name: ws(d.text) for d in docs}
    return request.param, root, texts, errors, gold


def _within(n: int, bounds: tuple[int | None, int | None] | None) -> bool:
    lo, hi = bounds or (None, None)
    return (lo is None or n >= lo) and (hi is None or n <= hi)


def test_every_document_is_read(corpus):
    name, root, texts, errors, _ = corpus
    assert errors == []
    assert sorted(texts) == sorted(p.name for p in (root / "documents").iterdir())
    assert len(texts) >= EXTRA.get(name, {}).get("documents", 18)
    assert all(len(t) > 200 for t in texts.values())


def test_gold_documents_exist(corpus):
    _, _, texts, _, gold = corpus
    named = {d for i in gold["initiatives"] + gold["non_initiatives"] for d in i["documents"]}
    named |= {les["document"] for les in gold["lessons"]}
    assert named <= set(texts)
    assert all(i["documents"] for i in gold["initiatives"])


def test_lessons_are_verbatim(corpus):
    _, _, texts, _, gold = corpus
    missing = [
        (les["document"], les["text"][:60])
        for les in gold["lessons"]
        if ws(les["text"]) not in texts[les["document"]]
    ]
    assert missing == []
    assert {les["cluster"] for les in gold["lessons"]} == set(gold["clusters"])


def test_no_lesson_marks_leak_into_documents(corpus):
    _, _, texts, _, _ = corpus
    assert [n for n, t in texts.items() if re.search(r"\{\{|\}\}|\[\[c\d", t)] == []


def test_aliases_appear_in_a_listed_document(corpus):
    name, _, texts, _, gold = corpus
    extra = EXTRA.get(name, {})
    missing = []
    for ini in gold["initiatives"]:
        names = [ini["name"], *ini["aliases"]] if extra.get("names_occur") else ini["aliases"]
        for alias in names:
            if not any(ws(alias).lower() in texts[d].lower() for d in ini["documents"]):
                missing.append((ini["id"], alias))
            if extra.get("aliases_exact_case") and not any(
                ws(alias) in texts[d] for d in ini["documents"]
            ):
                missing.append((ini["id"], alias, "case"))
    assert missing == []


def test_codes_and_counts(corpus):
    name, _, _, _, gold = corpus
    extra = EXTRA.get(name, {})
    for i in gold["initiatives"]:
        assert set(i["methods"]) <= METHODS, i["id"]
        assert set(i["ppe_roles"]) <= ROLES, i["id"]
        assert set(i["levels"]) <= {"micro", "meso", "macro"}, i["id"]
    assert _within(len(gold["lessons"]), extra.get("lessons"))
    assert _within(len(gold["initiatives"]), extra.get("initiatives"))
    assert _within(len(gold["clusters"]), extra.get("clusters"))


@pytest.mark.parametrize("name", [n for n in NAMES if "interviewer" in EXTRA.get(n, {})])
def test_lessons_are_not_in_interviewer_turns(name):
    """Lessons are spoken by informants; a span inside a question would reward quoting the interviewer."""
    root = CORPORA / name
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    asking = re.compile(EXTRA[name]["interviewer"], re.M)
    raw = {p.name: p.read_text(encoding="utf-8") for p in (root / "documents").glob("*.txt")}
    bad = []
    for les in gold["lessons"]:
        text = raw.get(les["document"])
        if text is None:
            continue
        for line in text.splitlines():
            if asking.match(line) and ws(les["text"]) in ws(line):
                bad.append(les["text"])
    assert bad == []
