"""The bundled example does what examples/README.md says it does.

The README's tables are parsed, not copied here, so a claim that stops being true
fails this test whichever side changed. It runs the README's first command.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "examples" / "README.md"

pytestmark = pytest.mark.slow


def _table(text: str, first_header: str) -> list[list[str]]:
    lines = text.splitlines()
    start = next(i for i, ln in enumerate(lines) if ln.startswith(f"| {first_header} |"))
    rows = []
    for ln in lines[start + 2 :]:
        if not ln.startswith("|"):
            break
        rows.append([c.strip() for c in ln.strip().strip("|").split("|")])
    return rows


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("example")
    subprocess.run(
        [sys.executable, "-m", "coatlas", "analyze", str(ROOT / "examples" / "documents"), "--out", str(out)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return out


def test_every_initiative_row_of_the_readme_is_in_the_output(out):
    rows = _table(README.read_text(encoding="utf-8"), "initiative")
    assert len(rows) >= 4
    found = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    by_name = {i["name"]: i for i in found}
    for name, start, end, methods in rows:
        assert name in by_name, (name, sorted(by_name))
        ini = by_name[name]
        assert ini["start"] == int(start), (name, ini["start"])
        if end == "ongoing":
            assert ini["ongoing"] and ini["end"] is None, (name, ini["end"])
        elif re.fullmatch(r"\d{4}", end):
            assert ini["end"] == int(end), (name, ini["end"])
        else:
            assert ini["end"] is None, (name, ini["end"])
        want = {m.strip() for m in methods.split(",") if m.strip()}
        assert want <= set(ini["methods"]), (name, ini["methods"])
        # every claim is backed by a quote
        for code in want:
            assert ini["evidence"]["methods"][code], (name, code)
    assert len(found) == len(rows), "the README lists every initiative the example gives"


def test_every_non_initiative_row_of_the_readme_is_in_the_output(out):
    rows = _table(README.read_text(encoding="utf-8"), "non-initiative")
    found = json.loads((out / "non_initiatives.json").read_text(encoding="utf-8"))
    names = {n["name"]: n for n in found}
    for name, why in rows:
        assert name in names, (name, sorted(names))
        assert "no persons with patient experience" in names[name]["reason"]
        assert why in names[name]["reason"]


def test_the_web_page_furniture_is_dropped():
    from coatlas.ingest import read_document

    doc = read_document(ROOT / "examples" / "documents" / "foraldraradet_barnkliniken.html")
    low = doc.text.lower()
    assert "cookie" not in low and "kakor" not in low
