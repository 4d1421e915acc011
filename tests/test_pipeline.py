"""End to end: `coatlas analyze` on the bundled example, through the CLI as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
OUTPUTS = [
    "errors.json",
    "manifest.json",
    "initiatives.json",
    "non_initiatives.json",
    "uncoded.json",
    "lessons.json",
    "table2.csv",
    "table2.md",
    "table3.csv",
    "table3.md",
    "figure1.svg",
    "figure1.png",
    "report.html",
]
runner = CliRunner()


@pytest.fixture(scope="module")
def cache(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("cache") / "emb.sqlite")


def _analyze(docs: Path, out: Path, cache: str, *extra: str):
    return runner.invoke(
        app,
        ["analyze", str(docs), "--out", str(out), *extra],
        env={"COATLAS_CACHE": str(Path(cache).parent)},
    )


@pytest.fixture(scope="module")
def example_run(tmp_path_factory, cache):
    out = tmp_path_factory.mktemp("run1")
    res = _analyze(EXAMPLES, out, cache)
    assert res.exit_code == 0, res.output
    return out, res


def test_analyze_writes_every_output(example_run):
    out, res = example_run
    for name in OUTPUTS:
        assert (out / name).stat().st_size > 0, name
    assert json.loads((out / "errors.json").read_text()) == []
    assert "report.html" in res.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["inputs"]) == len(list(EXAMPLES.iterdir()))
    assert manifest["codebook"]["name"] == "coproduction"


def test_evidence_quotes_are_exact_slices_of_the_canonical_text(example_run):
    from coatlas.ingest import read_document

    out, _ = example_run
    texts = {p.name: read_document(p, root=EXAMPLES).text for p in EXAMPLES.iterdir()}
    inits = json.loads((out / "initiatives.json").read_text())
    assert inits, "the example describes co-production initiatives"
    seen = 0
    for ini in inits:
        ev = ini["evidence"]
        groups = [ev.get("name", []), ev.get("start", []), ev.get("ppe", [])]
        for key in ("methods", "levels", "ppe_roles"):
            groups.extend((ev.get(key) or {}).values())
        for items in groups:
            for e in items:
                assert texts[e["document"]][e["start"] : e["end"]] == e["quote"]
                assert 0 <= e["confidence"] <= 1 and e["source"]
                seen += 1
    lessons = json.loads((out / "lessons.json").read_text())["lessons"]
    for les in lessons:
        assert texts[les["document"]][les["start"] : les["end"]] == les["text"]
    assert seen > 0


def test_same_inputs_same_bytes(example_run, tmp_path, cache):
    out1, _ = example_run
    out2 = tmp_path / "run2"
    assert _analyze(EXAMPLES, out2, cache).exit_code == 0
    for name in OUTPUTS:
        assert (out1 / name).read_bytes() == (out2 / name).read_bytes(), name


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path, cache):
    docs = tmp_path / "docs"
    shutil.copytree(EXAMPLES, docs)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (docs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    res = _analyze(docs, out, cache)
    assert res.exit_code == 0, res.output
    errors = json.loads((out / "errors.json").read_text())
    assert [e["file"] for e in errors] == ["broken.pdf", "empty.txt"]
    assert all(e["error"].startswith(e["file"] + ": ") for e in errors)
    assert "Traceback" not in res.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["inputs"]) == len(list(EXAMPLES.iterdir()))


def test_rerun_into_the_same_store_adds_no_duplicate_documents(example_run, cache):
    from coatlas.store import open_store

    out, _ = example_run
    assert _analyze(EXAMPLES, out, cache).exit_code == 0
    with open_store(path=out / "coatlas.sqlite") as st:
        assert len(st.documents()) == len(list(EXAMPLES.iterdir()))
        runs = st.runs()
        assert len(runs) >= 2
        codings = st.codings(runs[-1]["id"])
        assert codings and all(c["target"].startswith("initiative:") for c in codings)
        assert any(c["code"].startswith("methods:") for c in codings)


def test_exit_codes(tmp_path, cache):
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "x.bin").write_bytes(b"\x00\x01\x02")
    assert _analyze(nothing, tmp_path / "o1", cache).exit_code == 1
    assert _analyze(tmp_path / "missing", tmp_path / "o2", cache).exit_code == 2
    assert runner.invoke(app, ["analyze", str(EXAMPLES)]).exit_code == 2  # --out missing


def test_evaluate_cli_scores_an_output_folder(tmp_path):
    from coatlas.evaluate import write_gold_as_output

    gold = Path(__file__).resolve().parents[1] / "benchmarks/corpora/heldout-lowmoor/gold.json"
    write_gold_as_output(gold, tmp_path / "perfect")
    res = runner.invoke(app, ["evaluate", str(gold), str(tmp_path / "perfect"), "--json"])
    assert res.exit_code == 0, res.output
    m = json.loads(res.output)
    assert m["initiatives"]["f1"] == 1.0


def test_a_user_codebook_drives_the_methods(tmp_path, cache):
    book = tmp_path / "mine.yaml"
    book.write_text(
        "name: mini\nversion: '1'\ngroups:\n  - id: methods\n    codes:\n"
        "      - id: peer_support\n        definition: People with lived experience support others.\n"
        "        vocabulary:\n          en: {terms: ['peer support*', 'patient educator*']}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = _analyze(EXAMPLES, out, cache, "--codebook", str(book), "--no-embeddings")
    assert res.exit_code == 0, res.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["codebook"]["name"] == "mini"
    inits = json.loads((out / "initiatives.json").read_text())
    assert {m for i in inits for m in i["methods"]} <= {"peer_support"}


def test_a_broken_codebook_is_a_usage_error(tmp_path, cache):
    book = tmp_path / "bad.yaml"
    book.write_text("name: x\nversion: 1\ngroups: []\n", encoding="utf-8")
    res = _analyze(EXAMPLES, tmp_path / "out", cache, "--codebook", str(book))
    assert res.exit_code == 2
    assert "bad.yaml" in res.output and "Traceback" not in res.output


def test_directed_mode_finds_the_listed_initiatives(tmp_path, cache):
    known = tmp_path / "known.txt"
    known.write_text("# from Step 1\nBreathing Together | the COPD group\n", encoding="utf-8")
    out = tmp_path / "out"
    assert _analyze(EXAMPLES, out, cache, "--initiatives", str(known)).exit_code == 0
    names = [i["name"] for i in json.loads((out / "initiatives.json").read_text())]
    assert any("Breathing Together" in n for n in names)


def test_a_reader_bug_is_one_line_and_the_batch_goes_on(tmp_path, cache, monkeypatch):
    import coatlas.ingest as ingest

    real = ingest.read_document

    def flaky(path, *a, **kw):
        if Path(path).suffix == ".md":
            raise RuntimeError("boom")
        return real(path, *a, **kw)

    monkeypatch.setattr(ingest, "read_document", flaky)
    out = tmp_path / "out"
    res = _analyze(EXAMPLES, out, cache, "--no-embeddings")
    assert res.exit_code == 0, res.output
    errors = json.loads((out / "errors.json").read_text())
    assert [e["error"] for e in errors] == [
        "central_store_project_2020.md: unreadable (RuntimeError)"
    ]
    assert len(json.loads((out / "manifest.json").read_text())["inputs"]) == 5


def test_review_works_on_the_output_folder_and_reproduces_it(example_run, tmp_path):
    """analyze leaves a store the review verbs use as is; no ops re-render the same bytes."""
    out, _ = example_run
    work = tmp_path / "out"
    shutil.copytree(out, work)
    again = tmp_path / "again"
    res = runner.invoke(app, ["review", "report", str(work), "--out", str(again)])
    assert res.exit_code == 0, res.output
    for name in OUTPUTS:
        assert (again / name).read_bytes() == (out / name).read_bytes(), name
    doc = json.loads((out / "lessons.json").read_text(encoding="utf-8"))
    if not doc["hierarchy"]:
        pytest.skip("the example has no lessons")
    code = doc["hierarchy"][0]["categories"][0]["codes"][0]
    res = runner.invoke(
        app, ["review", "rename", str(work), code["id"], "Renamed"], env={"COATLAS_ACTOR": "anna"}
    )
    assert res.exit_code == 0, res.output
    assert runner.invoke(app, ["review", "report", str(work)]).exit_code == 0
    reviewed = json.loads((work / "lessons.json").read_text(encoding="utf-8"))
    first = reviewed["hierarchy"][0]["categories"][0]["codes"][0]
    assert (first["label"], first["proposed_label"], first["source"]) == (
        "Renamed",
        code["label"],
        "human:anna",
    )
    assert "Renamed" in (work / "report.html").read_text(encoding="utf-8")


def test_out_is_created_with_its_missing_parents(tmp_path):
    """The README's ``--out out/example`` on a fresh clone: out/ does not exist yet."""
    from coatlas.usage import check_out

    check_out(tmp_path / "out" / "example")  # no error: created as mkdir -p would
