"""Hostile and odd files: the right one-line error kind, fast, and the batch goes on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from coatlas.errors import IngestError
from coatlas.ingest import Limits, iter_files, read_document, read_folder
from hostile_files import SWEDISH, make_hostile


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Path, dict[str, str | None]]:
    d = tmp_path_factory.mktemp("hostile")
    return d, make_hostile(d)


def test_suite_is_big_enough(hostile):
    _, expected = hostile
    assert len(expected) >= 20
    assert sum(1 for k in expected.values() if k) >= 15


def test_each_file_gives_its_kind(hostile):
    d, expected = hostile
    wrong = {}
    for name, kind in sorted(expected.items()):
        t = time.perf_counter()
        try:
            doc = read_document(d / name, root=d)
            got = None
            assert doc.path == name
        except IngestError as e:
            got = e.kind
            line = str(e)
            assert "\n" not in line and line.startswith(name + ": " + e.kind)
        assert time.perf_counter() - t < 20, name
        if got != kind:
            wrong[name] = (kind, got)
    assert wrong == {}


def test_encodings_keep_swedish_letters(hostile):
    d, _ = hostile
    for name in ("cp1252.txt", "utf8_bom.txt", "utf16le_bom.txt", "utf16be_bom.txt"):
        doc = read_document(d / name)
        assert doc.text == SWEDISH, name
        assert doc.language == "sv"
    assert read_document(d / "cp1252.txt").meta["encoding"] == "cp1252"


def test_xxe_html_does_not_leak_files(hostile):
    d, _ = hostile
    doc = read_document(d / "xxe.html")
    assert "root:" not in doc.text
    assert "Patients and relatives took part in the redesign" in doc.text
    assert doc.title == "Safe page"


def test_big_single_line_reads_quickly(hostile):
    d, _ = hostile
    t = time.perf_counter()
    doc = read_document(d / "big_line.txt")
    assert len(doc.text) > 8_000_000
    assert time.perf_counter() - t < 30


def test_rtf_text(hostile):
    d, _ = hostile
    assert read_document(d / "doc.rtf").text == "Vården och närstående."


def test_limits_are_configurable(hostile):
    d, _ = hostile
    with pytest.raises(IngestError) as e:
        read_document(d / "good.pdf", limits=Limits(max_file_bytes=100))
    assert e.value.kind == "too-large"
    with pytest.raises(IngestError) as e:
        read_document(d / "file with spaces.txt", limits=Limits(max_text_chars=10))
    assert e.value.kind == "too-large"


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(IngestError) as e:
        read_document(tmp_path / "nope.txt")
    assert e.value.kind == "unreadable"
    with pytest.raises(IngestError) as e:
        read_document(tmp_path)
    assert e.value.kind == "unreadable"


def test_iter_files_sorted_skips_junk_and_loops(hostile):
    d, expected = hostile
    t = time.perf_counter()
    files = [p.relative_to(d).as_posix() for p in iter_files(d)]
    assert time.perf_counter() - t < 5
    assert sorted(files) == sorted(expected)
    assert files == [p.relative_to(d).as_posix() for p in iter_files(d)]  # deterministic
    assert not any(Path(f).name.startswith((".", "~$")) for f in files)
    assert "sub/nested.txt" in files and not any("loop" in f for f in files)


def test_read_folder_keeps_going(hostile):
    d, expected = hostile
    docs, errors = read_folder(d)
    assert sorted(x.path for x in docs) == sorted(n for n, k in expected.items() if k is None)
    assert sorted(e.path for e in errors) == sorted(n for n, k in expected.items() if k)


def test_pathological_structure_reads(hostile):
    d, _ = hostile
    assert "Deep text about care." in read_document(d / "deep_nesting.html").text
    assert len(read_document(d / "many_turns.txt").turns) == 40_000


def test_odd_byte_and_nfd_names(tmp_path):
    import os

    (tmp_path / "a\u0308pple.txt").write_text("Text om vården.")  # NFD, as macOS writes names
    with open(os.path.join(os.fsencode(tmp_path), b"bad\xffname.txt"), "wb") as fh:
        fh.write(b"Text om patienter.")
    docs, errors = read_folder(tmp_path)
    assert errors == []
    assert sorted(d.path for d in docs) == ["bad\ufffdname.txt", "\u00e4pple.txt"]
