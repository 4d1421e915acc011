"""REFI-QDA import: coatlas's own export round-trips; other writers' projects are read as human
coding (coders kept, codes mapped to the codebook, agreement, an autocode table)."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from coatlas.autocode import read_coded_csv
from coatlas.cli import app
from coatlas.interop import write_qdpx
from coatlas.interop.qdpx_import import ImportError_, import_qdpx, read_qdpx
from coatlas.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "documents"
HAND = ROOT / "tests" / "data" / "refi" / "handwritten"
XSD = ROOT / "tests" / "data" / "refi" / "Project.xsd"
NS = "{urn:QDA-XML:project:1.0}"
runner = CliRunner()


def selections(qdpx: Path) -> set[tuple]:
    """Every coded selection as (source, start, end, creating user, code paths, description)."""
    with zipfile.ZipFile(qdpx) as z:
        root = etree.fromstring(z.read("project.qde"))
    codes: dict[str, str] = {}

    def walk(el, prefix: tuple) -> None:
        for c in el.findall(NS + "Code"):
            path = (*prefix, c.get("name"))
            codes[c.get("guid")] = " > ".join(path)
            walk(c, path)

    walk(root.find(f"{NS}CodeBook/{NS}Codes"), ())
    users = {u.get("guid"): u.get("name") for u in root.iter(NS + "User")}
    out = set()
    for src in root.iter(NS + "TextSource"):
        for s in src.findall(NS + "PlainTextSelection"):
            refs = sorted(
                codes[c.find(NS + "CodeRef").get("targetGUID")] for c in s.iter(NS + "Coding")
            )
            d = s.find(NS + "Description")
            out.add((src.get("name"), int(s.get("startPosition")), int(s.get("endPosition")),
                     users[s.get("creatingUser")], tuple(refs), d.text if d is not None else None))  # fmt: skip
    return out


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("analysed")
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    return out


def _zip(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w") as z:
        for f in sorted(folder.rglob("*")):
            if f.is_file():
                z.write(f, f.relative_to(folder).as_posix())
    return target


def test_export_import_export_gives_the_same_selections(analysed, tmp_path):
    first = tmp_path / "first.qdpx"
    write_qdpx(analysed, first)
    res = runner.invoke(app, ["import", str(first), "--out", str(tmp_path / "imported")])
    assert res.exit_code == 0, res.output
    second = tmp_path / "second.qdpx"
    write_qdpx(tmp_path / "imported", second)
    a, b = selections(first), selections(second)
    assert len(a) > 30 and a == b  # 100 % of selections identical, descriptions included
    # the same documents come back under the same GUIDs (path and original sha256 kept)
    with zipfile.ZipFile(first) as z1, zipfile.ZipFile(second) as z2:
        assert sorted(n for n in z1.namelist() if n.startswith("sources/")) == sorted(
            n for n in z2.namelist() if n.startswith("sources/")
        )
    imported = json.loads((tmp_path / "imported" / "initiatives.json").read_text(encoding="utf-8"))
    original = json.loads((analysed / "initiatives.json").read_text(encoding="utf-8"))
    assert [i["name"] for i in imported] == [i["name"] for i in original]
    assert [(i["start"], i["end"], i["methods"]) for i in imported] == [
        (i["start"], i["end"], i["methods"]) for i in original
    ]


def test_round_trip_keeps_review_decisions(analysed, tmp_path):
    import shutil

    out = tmp_path / "reviewed"
    shutil.copytree(analysed, out)
    rows = runner.invoke(app, ["review", "codings", str(out), "--json"])
    ids = [r["id"] for r in json.loads(rows.stdout)]
    for args in (
        ["reject", str(out), str(ids[0])],
        ["accept", str(out), str(ids[1]), "--note", "ok"],
    ):
        res = runner.invoke(app, ["review", *args, "--actor", "anna"])
        assert res.exit_code == 0, res.output
    first = tmp_path / "first.qdpx"
    write_qdpx(out, first)
    import_qdpx(first, tmp_path / "imported")
    second = tmp_path / "second.qdpx"
    write_qdpx(tmp_path / "imported", second)
    a = selections(first)
    assert any("accepted by anna (ok)" in (s[5] or "") for s in a)
    assert a == selections(second)


def test_handwritten_project_follows_the_standard_and_imports(tmp_path):
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    assert schema.validate(etree.parse(str(HAND / "project.qde"))), schema.error_log
    qdpx = _zip(HAND, tmp_path / "hand.qdpx")
    s = import_qdpx(qdpx, tmp_path / "out")
    assert (s.sources, s.codes, s.selections, s.coders) == (2, 6, 7, ["Anna", "Björn"])
    assert any("PDF" in p for p in s.problems)  # left out, said in one line
    out = tmp_path / "out"
    codings = json.loads((out / "codings.json").read_text(encoding="utf-8"))
    by = {(c["coder"], c["code"]): c for c in codings}
    # codes match the codebook by name under a parent naming its group; others stay as they are
    assert by[("Anna", "Methods > Storytelling")]["codebook_code"] == "methods:storytelling"
    assert by[("Björn", "Methods > Co-design")]["codebook_code"] == "methods:co_design"
    assert by[("Anna", "Themes > Peer support")]["codebook_code"] is None
    # positions count code points: Swedish letters and a dash stand before the inline source's spans
    sv = [c for c in codings if c["document"] == "Intervju 2 (patient)"]
    assert {c["quote"] for c in sv} == {
        "Vi fick berätta om våra erfarenheter för ledningen.",
        "gjorde vi om väntrummet tillsammans med personalen",
    }
    # human coding in the store, by coder
    with open_store(path=out / "coatlas.sqlite") as store:
        rows = store.codings()
    assert {r["evidence"]["source"] for r in rows} == {"human:Anna", "human:Björn"}
    # agreement between the two coders, sentence by sentence
    agree = json.loads((out / "agreement.json").read_text(encoding="utf-8"))
    pair = agree["pairs"][0]
    assert (pair["a"], pair["b"]) == ("Anna", "Björn")
    assert pair["codes"]["methods:co_design"]["kappa"] == 1.0
    # a table autocode can learn from
    table = read_coded_csv(out / "coding.csv", "id", "text")
    assert "methods:storytelling" in table.codes and len(table.ids) >= 10
    cases = json.loads((out / "cases.json").read_text(encoding="utf-8"))
    assert cases[0]["variables"] == {"Age group": "65+", "Years caring": 6}
    assert cases[0]["sources"] == ["Interview 1 (carer)"]
    assert (out / "report.html").is_file()


def test_project_written_by_another_library_imports(tmp_path):
    pyrefiqda = pytest.importorskip("pyrefiqda")
    from pyrefiqda.models import (
        CodeRefType,
        CodingType,
        PlainTextSelectionType,
        Project,
        ProjectCodeBookType,
        ProjectCodesType,
        ProjectCodeType,
        SourcesType,
        TextSourceType,
        UsersType,
        UserType,
    )
    from pyrefiqda.refiproject import RefiProject

    assert pyrefiqda
    text = "Patienterna berättade sina historier. Sedan designade vi om mottagningen."
    user = UserType(guid=str(uuid.uuid4()), name="Cecilia")
    code = ProjectCodeType(guid=str(uuid.uuid4()), name="Berättelser", is_codable=True)
    sel = PlainTextSelectionType(
        guid=str(uuid.uuid4()), name="s", start_position=0, end_position=37,
        creating_user=user.guid,
        coding=[CodingType(guid=str(uuid.uuid4()), creating_user=user.guid,
                           code_ref=CodeRefType(target_guid=code.guid))],
    )  # fmt: skip
    project = Project(
        name="Written by pyrefiqda",
        users=UsersType(user=[user]),
        code_book=ProjectCodeBookType(codes=ProjectCodesType(code=[code])),
        sources=SourcesType(
            text_source=[
                TextSourceType(
                    guid=str(uuid.uuid4()),
                    name="Intervju 3",
                    plain_text_content=text,
                    plain_text_selection=[sel],
                )  # fmt: skip
            ]
        ),
    )
    qdpx = tmp_path / "other.qdpx"
    RefiProject.save(project, qdpx)
    s = import_qdpx(qdpx, tmp_path / "out")
    assert (s.sources, s.selections, s.coders, s.mapped) == (1, 1, ["Cecilia"], 1)
    codings = json.loads((tmp_path / "out" / "codings.json").read_text(encoding="utf-8"))
    assert codings[0]["quote"] == "Patienterna berättade sina historier."
    assert codings[0]["codebook_code"] == "methods:storytelling"  # the Swedish label matched


def _project(tmp_path: Path, qde: bytes, extra: dict[str, bytes] | None = None) -> Path:
    path = tmp_path / "p.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", qde)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def test_bad_projects_fail_with_one_line(tmp_path):
    bad = tmp_path / "x.qdpx"
    bad.write_bytes(b"plain text")
    with pytest.raises(ImportError_, match="not a .qdpx"):
        read_qdpx(bad)
    empty = tmp_path / "empty.qdpx"
    with zipfile.ZipFile(empty, "w") as z:
        z.writestr("readme.txt", "x")
    with pytest.raises(ImportError_, match="no project.qde"):
        read_qdpx(empty)
    with pytest.raises(ImportError_, match="not well-formed"):
        read_qdpx(_project(tmp_path, b"<Project"))
    with pytest.raises(ImportError_, match="not a REFI-QDA project"):
        read_qdpx(_project(tmp_path, b"<Other/>"))
    res = runner.invoke(app, ["import", str(bad), "--out", str(tmp_path / "o")])
    assert res.exit_code == 2 and "not a .qdpx" in res.output and "Traceback" not in res.output


def test_entities_are_not_expanded_and_bombs_refused(tmp_path):
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>'
    )
    with pytest.raises(ImportError_, match="DTD or entities"):
        read_qdpx(_project(tmp_path, laughs))
    bomb = tmp_path / "bomb.qdpx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", b"<" + b" " * (50 * 2**20) + b">")
    with pytest.raises(ImportError_, match="zip bomb"):
        read_qdpx(bomb)


def test_selections_outside_the_text_are_reported_not_imported(tmp_path):
    qde = (HAND / "project.qde").read_bytes().replace(b'endPosition="334"', b'endPosition="9999"')
    extra = {
        f"sources/{f.name}": f.read_bytes() for f in (HAND / "sources").iterdir() if f.is_file()
    }
    p = read_qdpx(_project(tmp_path, qde, extra))
    assert len(p.selections) == 5
    assert sum("outside the text" in line for line in p.problems) == 2
