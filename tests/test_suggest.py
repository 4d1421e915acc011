"""Snowball sampling: `coatlas suggest` ranks archive documents per initiative; analyze records
each document's entry step and writes Table 1."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.ingest import document_from_text
from coatlas.sampling import SAMPLING_FILE, entry_steps, read_sampling, table1
from coatlas.suggest import SuggestError, rank, suggest
from coatlas.suggest.bm25 import BM25

runner = CliRunner()

INITIATIVES = [
    {"id": "i01", "name": "Läsarpanelen", "aliases": ["reader panel"],
     "description": "Patients review the region's letters."},
    {"id": "i02", "name": "Heart Diary (Hjärtdagboken)", "aliases": [],
     "description": "Self-monitoring at home for heart failure."},
]  # fmt: skip

ARCHIVE = {
    "rapport_lasarpanel.txt": "Läsarpanelens rapport 2013\n\nI läsarpanelen granskade 27 patienter "
    "regionens brev. Läsarpanelen föreslog kortare brev.",
    "newsletter.txt": "News in brief\n\nThe reader panel met again. Other news: a new car park.",
    "heart.txt": "Hjärtdagbok för dig med hjärtsvikt\n\nDu väger dig varje morgon och svarar på "
    "frågor i appen. Sjuksköterskan följer dina värden.",
    "unrelated.txt": "Lean logistics\n\nThe supply chain project reduced stock by a third.",
}


def docs():
    return [document_from_text(t, p) for p, t in sorted(ARCHIVE.items())]


def test_bm25_prefers_rare_terms_and_is_deterministic():
    bm = BM25([["panel", "letter"], ["panel", "car"], ["car", "park"]])
    assert bm.idf("letter") > bm.idf("panel")
    assert bm.scores(["letter"]) == [bm.score(["letter"], 0), 0.0, 0.0]


def test_names_in_any_inflection_rank_first_with_their_passage():
    found = rank(INITIATIVES, docs(), top=2)
    by = {}
    for s in found:
        by.setdefault(s.initiative, []).append(s)
    first = by["i01"][0]
    assert first.document == "rapport_lasarpanel.txt"  # "Läsarpanelens", three times
    assert by["i01"][1].document == "newsletter.txt"  # "reader panel", once
    assert "läsarpanelen" in first.passage.lower()
    # "Hjärtdagbok" (indefinite) is the name "Hjärtdagboken" inflected
    assert by["i02"][0].document == "heart.txt"
    assert all(s.score > 0 for s in found)
    assert [s.score for s in by["i01"]] == sorted((s.score for s in by["i01"]), reverse=True)


class _Topic:
    """A fake embedder: one dimension per topic word, so similarity is known."""

    name = "topic"
    words = ("brev", "letters", "hjärtsvikt", "heart", "stock")

    def embed(self, texts):
        v = np.array([[t.lower().count(w) + 0.01 for w in self.words] for t in texts], float)
        return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def test_embeddings_find_a_document_that_does_not_name_the_initiative():
    archive = docs() + [
        document_from_text("Brev till patienter\n\nVi skrev om alla brev och letters.", "brev.txt")
    ]
    plain = {(s.initiative, s.document) for s in rank(INITIATIVES, archive, top=3)}
    with_emb = rank(INITIATIVES, archive, top=3, embedder=_Topic())
    i01 = [s.document for s in with_emb if s.initiative == "i01"]
    assert ("i01", "brev.txt") not in plain or i01.index("brev.txt") < 3
    assert "brev.txt" in i01 and "unrelated.txt" not in i01[:2]


def _out(tmp_path: Path, inputs: list[dict]) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "initiatives.json").write_text(json.dumps(INITIATIVES), encoding="utf-8")
    (out / "manifest.json").write_text(json.dumps({"inputs": inputs}), encoding="utf-8")
    return out


def test_suggest_skips_what_the_analysis_read_and_cli_json(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name, text in ARCHIVE.items():
        (archive / name).write_text(text, encoding="utf-8")
    analysed = [d for d in docs() if d.path == "newsletter.txt"]
    from coatlas.ingest import read_document

    sha = read_document(archive / "newsletter.txt").sha256
    out = _out(tmp_path, [{"document": "newsletter.txt", "sha256": sha}])
    found, errors = suggest(archive, out, top=5)
    assert errors == [] and analysed
    assert "newsletter.txt" not in {s.document for s in found}
    res = runner.invoke(
        app,
        ["suggest", str(archive), "--from", str(out), "--json", "--no-embeddings", "--top", "1"],
    )
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [s["initiative"] for s in data["suggestions"]] == ["i01", "i02"]
    assert set(data["suggestions"][0]) == {"initiative", "document", "score", "passage"}
    assert data["suggestions"][0]["document"] == "rapport_lasarpanel.txt"
    with pytest.raises(SuggestError, match="missing"):
        suggest(archive, tmp_path)


def test_copy_to_records_the_step_and_analyze_writes_table1(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for name, text in ARCHIVE.items():
        (archive / name).write_text(text, encoding="utf-8")
    out = _out(tmp_path, [])
    docs_dir = tmp_path / "docs"
    docs_dir.mkdir()
    (docs_dir / "verksamhetsplan_2018.txt").write_text(
        "Verksamhetsplan 2018\n\nRegionen startar Läsarpanelen, där patienter granskar brev.",
        encoding="utf-8",
    )
    (docs_dir / "intervju_1.txt").write_text(
        "I: Hur började det?\n\nIP: Med ett brev.\n\nI: Och sedan?\n\nIP: En panel.\n\n"
        "I: Vem ledde den?\n\nIP: Patienterna själva.\n",
        encoding="utf-8",
    )
    res = runner.invoke(
        app,
        ["suggest", str(archive), "--from", str(out), "--top", "1", "--no-embeddings",
         "--copy-to", str(docs_dir)],
    )  # fmt: skip
    assert res.exit_code == 0, res.output
    recorded = read_sampling(docs_dir)
    assert recorded["rapport_lasarpanel.txt"]["step"] == "suggested"
    assert recorded["rapport_lasarpanel.txt"]["initiative"] == "i01"
    assert (docs_dir / "rapport_lasarpanel.txt").is_file()
    res = runner.invoke(
        app, ["analyze", str(docs_dir), "--out", str(tmp_path / "run"), "--no-embeddings"]
    )
    assert res.exit_code == 0, res.output
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text(encoding="utf-8"))
    entry = {i["document"]: i["entry"]["step"] for i in manifest["inputs"]}
    assert entry == {
        "intervju_1.txt": "interview",
        "rapport_lasarpanel.txt": "suggested",
        "heart.txt": "suggested",
        "verksamhetsplan_2018.txt": "given",
    }
    steps = [r["step"] for r in manifest["table1"]]
    assert steps == ["given", "suggested", "interview"]
    md = (tmp_path / "run" / "table1.md").read_text(encoding="utf-8")
    assert "Snowball sampling" in md and "Läsarpanelen" in md
    assert "Table 1." in (tmp_path / "run" / "report.html").read_text(encoding="utf-8")
    assert not any(i["document"] == SAMPLING_FILE for i in manifest["inputs"])


def test_entry_steps_and_table1_from_plain_data():
    a = document_from_text("Verksamhetsplan 2014\n\nText om planen.", "plan_2014.txt")
    b = document_from_text("Business plan 2019\n\nText about the plan.", "plan_2019.txt")
    c = document_from_text("Rapport\n\nOm läsarpanelen.", "rapport.txt")
    steps = entry_steps([a, b, c], {"rapport.txt": {"step": "suggested", "initiative": "i01"}})
    assert [steps[d.path]["step"] for d in (a, b, c)] == ["given", "given", "suggested"]
    rows = table1([a, b, c], steps)
    assert rows[0]["documents"] == 2 and rows[0]["years"] == [2014, 2019]
    assert rows[0]["languages"] == {"en": 1, "sv": 1}
    assert rows[1]["initiatives"] == ["i01"]


def test_a_bad_sampling_file_is_one_line(tmp_path):
    (tmp_path / SAMPLING_FILE).write_text('{"documents": {"a.txt": {"step": "maybe"}}}')
    from coatlas.errors import CoatlasError

    with pytest.raises(CoatlasError, match="step must be one of"):
        read_sampling(tmp_path)
