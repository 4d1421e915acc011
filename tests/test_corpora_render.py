"""Each corpus's sources render to exactly the committed documents/ and gold.json.

A corpus under benchmarks/corpora/ that has sources/ is data: sources/*.md and
corpus.yaml, rendered by benchmarks/corpora/render.py (see FORMAT.md there). This
test renders each into a scratch folder and compares every byte, so the sources
and the files the other tests and the benchmarks read can never drift apart.
After editing a source: render in place and commit both.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

CORPORA = Path(__file__).resolve().parents[1] / "benchmarks" / "corpora"
WITH_SOURCES = sorted(p.parent.name for p in CORPORA.glob("*/sources"))


def _renderer():
    spec = importlib.util.spec_from_file_location("corpora_render", CORPORA / "render.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("corpora_render", module)
    spec.loader.exec_module(module)
    return module


def test_the_six_held_out_corpora_are_sources():
    assert {
        "heldout-hallsta",
        "heldout-kvarnby",
        "heldout-lowmoor",
        "heldout-ravnas",
        "heldout-solvik",
        "heldout-vittangi",
    } <= set(WITH_SOURCES)


@pytest.mark.parametrize("corpus", WITH_SOURCES)
def test_sources_render_to_the_committed_files(corpus, tmp_path):
    render = _renderer()
    committed = CORPORA / corpus
    render.render(committed, tmp_path)
    new = sorted(p.name for p in (tmp_path / "documents").iterdir())
    old = sorted(p.name for p in (committed / "documents").iterdir())
    assert new == old, "documents/ and sources/ name different files: render and commit"
    differ = [
        name
        for name in new
        if (tmp_path / "documents" / name).read_bytes()
        != (committed / "documents" / name).read_bytes()
    ]
    assert differ == [], "these documents differ from their sources: render and commit"
    assert (tmp_path / "gold.json").read_bytes() == (committed / "gold.json").read_bytes()


def test_rendering_twice_gives_the_same_bytes(tmp_path):
    render = _renderer()
    corpus = CORPORA / WITH_SOURCES[0]
    render.render(corpus, tmp_path / "a")
    render.render(corpus, tmp_path / "b")
    for p in sorted((tmp_path / "a" / "documents").iterdir()):
        assert p.read_bytes() == (tmp_path / "b" / "documents" / p.name).read_bytes(), p.name


def test_markup_blocks():
    render = _renderer()
    body = (
        "= T\n\n# H1\n\n## H2\n\n~ small\n\n- a\n- b\n\n| x | y |\n| z | w |\n\n"
        "one\ntwo \\\nthree\n\n\\- not a bullet\n\n===\n\n<p>raw</p>\n"
    )
    kinds = [(b.kind, b.text or b.rows) for b in render.parse(body, raw_html=True)]
    assert kinds == [
        ("title", "T"),
        ("h1", "H1"),
        ("h2", "H2"),
        ("small", "small"),
        ("li", "a"),
        ("li", "b"),
        ("table", [["x", "y"], ["z", "w"]]),
        ("p", "one two\nthree"),
        ("p", "- not a bullet"),
        ("break", []),
        ("raw", "<p>raw</p>"),
    ]


def test_a_new_corpus_needs_only_sources_and_corpus_yaml(tmp_path):
    """The layouts no held-out corpus uses yet (odt, the built-in page shell) render and ingest."""
    from coatlas.ingest import read_folder

    render = _renderer()
    (tmp_path / "sources").mkdir()
    (tmp_path / "corpus.yaml").write_text(
        "corpus: toy\nlanguages: [en]\nclusters: {c01: Things}\n"
        "initiatives: []\nnon_initiatives: []\n",
        encoding="utf-8",
    )
    long = "The panel met four times a year and reviewed every leaflet before print. " * 3
    (tmp_path / "sources" / "notes.odt.md").write_text(
        f"---\ntitle: Notes\n---\n= Notes\n\n{long}{{{{c1:We learned to\nask early.}}}}\n\n"
        "- one\n- two\n\n| a | b |\n",
        encoding="utf-8",
    )
    (tmp_path / "sources" / "page.html.md").write_text(
        "---\ntitle: Page\nsite: Region Toy\nnav: [Care, Jobs]\nfooter: Box 1\n---\n"
        f"# Page\n\n{long}\n\n{long}{{{{c1:Pay people for their time.}}}}\n",
        encoding="utf-8",
    )
    assert render.render(tmp_path) == (2, 2)
    docs, errors = read_folder(tmp_path / "documents")
    assert errors == []
    text = {Path(d.path).name: " ".join(d.text.split()) for d in docs}
    assert "We learned to ask early." in text["notes.odt"]
    assert "a | b" in text["notes.odt"]
    assert "Pay people for their time." in text["page.html"]
    assert "Jobs" not in text["page.html"]
    gold = (tmp_path / "gold.json").read_text(encoding="utf-8")
    assert '"text": "We learned to ask early."' in gold
    assert '"cluster": "c01"' in gold
