"""`coatlas analyze` as a log sees it: stderr a pipe, one line per bad file, warnings listed."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hostile_files import TRANSCRIPT, _with_bad_byte

LONG = "a_rather_long_file_name_that_would_wrap_at_eighty_columns_" * 2 + "report.pdf"


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """analyze on a folder of awkward names, stderr captured as a pipe (not a terminal)."""
    base = tmp_path_factory.mktemp("lines")
    docs = base / "docs"
    docs.mkdir()
    (docs / "intervju.txt").write_bytes(_with_bad_byte(TRANSCRIPT.encode("utf-8")))
    (docs / "kort.txt").write_bytes("Närstående och patienter möttes.".encode("cp1252"))
    (docs / LONG).write_bytes(b"%PDF-1.7\n1 0 obj <<")
    (docs / "two\nlines.txt").write_bytes(b"")
    (docs / "esc\x1b[2Jname.txt").write_bytes(b"")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Personal notes outside the documents folder.")
    os.symlink(outside / "secret.txt", docs / "link.txt")
    proc = subprocess.run(
        [sys.executable, "-m", "coatlas", "analyze", str(docs), "--out", str(base / "out")],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "80", "COATLAS_CACHE": str(base / "cache")},
    )
    return docs, base / "out", proc


def test_one_line_per_bad_file_when_stderr_is_not_a_terminal(run):
    _, _, proc = run
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[:4] == [  # sorted by file name
        f"{LONG}: truncated (no end-of-file marker (%%EOF))",
        "esc\\x1b[2Jname.txt: empty (no content)",
        lines[2],  # the link, checked below
        "two\\nlines.txt: empty (no content)",
    ]
    assert lines[2].startswith("link.txt: symlink-outside (a symbolic link to ")
    assert lines[2].endswith("not read (--follow-symlinks reads it))")
    assert lines[4] == "intervju.txt: warning: 1 byte not valid UTF-8, replaced with U+FFFD"
    assert lines[5].startswith("2 documents read (1 with warnings), 4 failed;")
    assert len(lines) == 6 and all(line.isprintable() for line in lines)


def test_errors_json_lists_errors_then_warnings(run):
    _, out, _ = run
    entries = json.loads((out / "errors.json").read_text(encoding="utf-8"))
    errors = [e for e in entries if "error" in e]
    warnings = [e for e in entries if "warning" in e]
    assert entries == errors + warnings
    assert [e["file"] for e in errors] == sorted(
        ["esc\x1b[2Jname.txt", LONG, "link.txt", "two\nlines.txt"]
    )
    assert warnings == [
        {
            "file": "intervju.txt",
            "warning": "intervju.txt: warning: 1 byte not valid UTF-8, replaced with U+FFFD",
            "kind": "replaced-bytes",
            "count": 1,
        }
    ]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["errors"] == 4  # files not read; warnings are not failures
    assert {i["document"] for i in manifest["inputs"]} == {"intervju.txt", "kort.txt"}
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<b>4</b>files not read" in html
    assert "Files read with a warning" in html and "1 byte not valid UTF-8" in html
    assert "Personal notes" not in html


def test_the_link_is_read_with_follow_symlinks(run, tmp_path):
    from typer.testing import CliRunner

    from coatlas.cli import app

    docs, _, _ = run
    res = CliRunner().invoke(
        app,
        ["analyze", str(docs), "--out", str(tmp_path / "out"), "--follow-symlinks"],
        env={"COATLAS_CACHE": str(tmp_path / "cache")},
    )
    assert res.exit_code == 0, res.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert "link.txt" in {i["document"] for i in manifest["inputs"]}
    assert manifest["settings"]["follow_symlinks"] is True


def test_a_truncated_manifest_is_one_line_naming_the_file(run, tmp_path):
    import shutil

    _, out, _ = run
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    (copy / "manifest.json").write_bytes((out / "manifest.json").read_bytes()[:25])
    for argv in (["review", "report", str(copy)], ["export", str(copy)]):
        proc = subprocess.run(
            [sys.executable, "-m", "coatlas", *argv],
            capture_output=True,
            text=True,
            env={**os.environ, "COATLAS_ACTOR": "anna"},
        )
        assert proc.returncode == 2, argv
        assert proc.stderr.count("\n") == 1, proc.stderr
        assert proc.stderr.startswith(f"{copy / 'manifest.json'}: not valid JSON"), argv
