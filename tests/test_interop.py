"""REFI-QDA (.qdpx) export: structure, exact selections, determinism, schema, CLI, bad input."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.codebook import load_codebook
from coatlas.document import Document
from coatlas.evidence import codings_from_initiatives
from coatlas.interop import ExportError, Results, load_results, write_qdpx

NS = "urn:QDA-XML:project:1.0"
Q = {"q": NS}
XSD = Path(__file__).parent / "data" / "refi" / "Project.xsd"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
runner = CliRunner()

# Swedish letters and an emoji (outside the BMP: 1 code point, 2 UTF-16 units, 4 UTF-8
# bytes) *before* the coded spans, so any other way of counting shifts them.
TEXT_A = (
    "Årsrapport 😀 för vårdcentralen.\n\n"
    "Ungdomsrådet på vårdcentralen startade 2019. Patienter och närstående "
    "deltog i samdesign av väntrummet tillsammans med personalen.\n\n"
    "Vi lärde oss att förberedelser tar tid 🙂 och att ersättning spelar roll."
)
TEXT_B = "The new ward building opened in 2021 without patient involvement.\r\nDone."


def _ev(text: str, doc: str, quote: str, source: str = "rule:test", conf: float = 0.8) -> dict:
    start = text.index(quote)
    return {
        "document": doc,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "source": source,
        "confidence": conf,
    }


def _sample() -> dict:
    a = lambda q, **kw: _ev(TEXT_A, "a.txt", q, **kw)  # noqa: E731
    lesson_q = "Vi lärde oss att förberedelser tar tid 🙂 och att ersättning spelar roll."
    ini = {
        "id": "i01",
        "name": "Ungdomsrådet",
        "aliases": [],
        "kind": "council",
        "start": 2019,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["co_design"],
        "levels": ["micro"],
        "ppe_roles": ["co_designer"],
        "documents": ["a.txt"],
        "description": "Ett råd.",
        "confidence": 0.9,
        "evidence": {
            "name": [a("Ungdomsrådet", source="rule:directed.initiatives:naming", conf=0.91)],
            "ppe": [a("Patienter och närstående")],
            "start": [a("2019")],
            "end": [],
            "methods": {"co_design": [a("samdesign av väntrummet", source="model:e5", conf=0.66)]},
            "levels": {"micro": [a("väntrummet")]},
            "ppe_roles": {"co_designer": [a("samdesign av väntrummet")]},
        },
    }
    non = {
        "name": "New ward building",
        "aliases": [],
        "documents": ["b/ö.txt"],
        "reason": "no persons with patient experience",
        "evidence": [_ev(TEXT_B, "b/ö.txt", "new ward building")],
    }
    uncoded = [{"initiative": "i01", **_ev(TEXT_A, "a.txt", "Årsrapport 😀 för vårdcentralen"),
                "reason": "fits no code"}]  # fmt: skip
    les = _ev(TEXT_A, "a.txt", lesson_q)
    lessons = {
        "lessons": [
            {"id": "L001", "document": "a.txt", "start": les["start"], "end": les["end"],
             "text": lesson_q, "language": "sv", "key_concepts": ["förberedelse", "tid"],
             "code": "K01", "category": "G01", "cluster": "C01", "confidence": 0.7,
             "source": "rule:lessons.cues", "facets": {"resources": ["ersättning"]}},
            {"id": "L002", "document": "b/ö.txt", "start": 0, "end": 3, "text": "The",
             "language": "en", "key_concepts": [], "code": None, "category": None,
             "cluster": None, "confidence": 0.5, "source": "rule:lessons.cues"},
        ],
        "hierarchy": [
            {"id": "C01", "label": "Relationer och struktur", "categories": [
                {"id": "G01", "label": "Förberedelser", "codes": [
                    {"id": "K01", "label": "Förbered tillsammans",
                     "key_concepts": ["förberedelse", "tid"], "lessons": ["L001"]}]}]},
        ],
        "sampling": [],
    }  # fmt: skip
    cb = load_codebook()
    manifest = {
        "coatlas": "0.1.0",
        "settings": {"codebook": None},
        "codebook": {"name": cb.name, "version": cb.version, "digest": cb.digest},
        "inputs_digest": "d" * 64,
        "inputs": [
            {"document": "a.txt", "sha256": _sha(TEXT_A), "format": "txt", "language": "sv",
             "characters": len(TEXT_A)},
            {"document": "b/ö.txt", "sha256": _sha(TEXT_B), "format": "txt", "language": "en",
             "characters": len(TEXT_B)},
        ],
    }  # fmt: skip
    return {
        "manifest": manifest,
        "initiatives": [ini],
        "non_initiatives": [non],
        "uncoded": uncoded,
        "lessons_doc": lessons,
    }


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _results(**changes) -> Results:
    data = _sample() | changes
    return Results(texts={"a.txt": TEXT_A, "b/ö.txt": TEXT_B}, origin="OUT", **data)


def _write_out(out: Path, data: dict | None = None, store: bool = True) -> Path:
    """An output folder as `coatlas analyze` leaves it: JSON files and the run's store."""
    data = data or _sample()
    out.mkdir(parents=True, exist_ok=True)
    for name, key in (
        ("manifest.json", "manifest"),
        ("initiatives.json", "initiatives"),
        ("non_initiatives.json", "non_initiatives"),
        ("uncoded.json", "uncoded"),
        ("lessons.json", "lessons_doc"),
    ):
        (out / name).write_text(json.dumps(data[key], ensure_ascii=False), encoding="utf-8")
    if store:
        from coatlas.store import open_store

        with open_store(path=out / "coatlas.sqlite") as s:
            run = s.start_run({}, {}, data["manifest"]["inputs_digest"])
            docs = [
                Document("a.txt", _sha(TEXT_A), "txt", TEXT_A),
                Document("b/ö.txt", _sha(TEXT_B), "txt", TEXT_B),
            ]
            s.add_documents(docs, run_id=run)
            s.add_codings(run, codings_from_initiatives(data["initiatives"]))
            s.finish_run(run, "succeeded")
    return out


def _open(path: Path) -> tuple[zipfile.ZipFile, etree._Element]:
    z = zipfile.ZipFile(path)
    return z, etree.fromstring(z.read("project.qde"))


def _source_texts(z: zipfile.ZipFile, root: etree._Element) -> dict[str, tuple[str, str]]:
    """guid -> (name, text read from the zip member its plainTextPath names)."""
    out = {}
    for src in root.iterfind("q:Sources/q:TextSource", Q):
        path = src.get("plainTextPath")
        assert path == f"internal://{src.get('guid')}.txt"
        member = "sources/" + path.removeprefix("internal://")
        out[src.get("guid")] = (src.get("name"), z.read(member).decode("utf-8"))
    return out


def _codes(root: etree._Element) -> dict[str, etree._Element]:
    return {c.get("guid"): c for c in root.iter(f"{{{NS}}}Code")}


def _coded(root: etree._Element, texts: dict, code_name: str) -> list[str]:
    """The texts of the selections coded to the code called ``code_name``."""
    guids = {g for g, c in _codes(root).items() if c.get("name") == code_name}
    assert guids, code_name
    out = []
    for src in root.iterfind("q:Sources/q:TextSource", Q):
        text = texts[src.get("guid")][1]
        for sel in src.iterfind("q:PlainTextSelection", Q):
            refs = {r.get("targetGUID") for r in sel.iterfind("q:Coding/q:CodeRef", Q)}
            if refs & guids:
                out.append(text[int(sel.get("startPosition")) : int(sel.get("endPosition"))])
    return sorted(out)


# --------------------------------------------------------------------------- structure


def test_zip_members_namespace_and_references(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    z, root = _open(path)
    names = z.namelist()
    assert names == sorted(names) and names[0] == "project.qde"
    assert all(n == "project.qde" or n.startswith("sources/") for n in names)
    assert len(names) == 3  # two text sources
    assert root.tag == f"{{{NS}}}Project"
    codes = _codes(root)
    refs = [r.get("targetGUID") for r in root.iter(f"{{{NS}}}CodeRef")]
    assert refs and all(r in codes for r in refs)
    users = {u.get("guid") for u in root.iter(f"{{{NS}}}User")}
    for el in root.iter():
        for attr in ("creatingUser", "modifyingUser", "creatingUserGUID"):
            if el.get(attr):
                assert el.get(attr) in users
    variables = {v.get("guid") for v in root.iter(f"{{{NS}}}Variable")}
    assert all(r.get("targetGUID") in variables for r in root.iter(f"{{{NS}}}VariableRef"))
    sources = _source_texts(z, root)
    assert all(r.get("targetGUID") in sources for r in root.iter(f"{{{NS}}}SourceRef"))
    all_guids = [el.get("guid") for el in root.iter() if el.get("guid")]
    assert len(all_guids) == len(set(all_guids))


def test_sources_are_the_canonical_texts_byte_for_byte(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    z, root = _open(path)
    by_name = {name: text for name, text in _source_texts(z, root).values()}
    assert by_name == {"a.txt": TEXT_A, "b/ö.txt": TEXT_B}  # \r\n kept, emoji kept
    for src in root.iterfind("q:Sources/q:TextSource", Q):
        raw = z.read(f"sources/{src.get('guid')}.txt")
        assert not raw.startswith(b"\xef\xbb\xbf")  # no BOM: position 0 is the text's first char


def test_every_selection_is_exactly_its_evidence_in_code_points(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    z, root = _open(path)
    texts = _source_texts(z, root)
    assert _coded(root, texts, "Ungdomsrådet") == sorted(
        ["Ungdomsrådet", "Patienter och närstående", "2019", "samdesign av väntrummet",
         "väntrummet", "Årsrapport 😀 för vårdcentralen"]
    )  # fmt: skip
    assert _coded(root, texts, "Co-design") == ["samdesign av väntrummet"]
    assert _coded(root, texts, "Microsystem") == ["väntrummet"]
    assert _coded(root, texts, "Time: start") == ["2019"]
    assert _coded(root, texts, "Initiative mention") == ["Ungdomsrådet"]
    assert _coded(root, texts, "Förbered tillsammans") == [
        "Vi lärde oss att förberedelser tar tid 🙂 och att ersättning spelar roll."
    ]
    assert _coded(root, texts, "New ward building") == ["new ward building"]
    # positions are code points: in UTF-16 units or UTF-8 bytes the same span starts later
    sel = next(
        s for s in root.iter(f"{{{NS}}}PlainTextSelection") if s.get("name") == "Ungdomsrådet"
    )
    start = int(sel.get("startPosition"))
    assert start == TEXT_A.index("Ungdomsrådet")
    assert len(TEXT_A[:start].encode("utf-16-le")) // 2 != start
    assert len(TEXT_A[:start].encode("utf-8")) != start


def test_shared_span_is_one_selection_with_several_codings(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    _, root = _open(path)
    sels = [
        s
        for s in root.iter(f"{{{NS}}}PlainTextSelection")
        if s.get("name") == "samdesign av väntrummet"
    ]
    assert len(sels) == 1
    names = {
        _codes(root)[r.get("targetGUID")].get("name") for r in sels[0].iter(f"{{{NS}}}CodeRef")
    }
    assert names == {"Co-design", "Co-designer", "Ungdomsrådet"}
    desc = sels[0].findtext("q:Description", namespaces=Q)
    assert "methods:co_design of i01: model:e5, confidence 0.66" in desc
    assert "ppe_roles:co_designer of i01: rule:test, confidence 0.8" in desc


def test_codebook_tree_groups_and_step3_hierarchy(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    _, root = _open(path)
    top = root.find("q:CodeBook/q:Codes", Q)

    def child(el, name):
        found = [c for c in el.iterfind("q:Code", Q) if c.get("name") == name]
        assert len(found) == 1, (name, [c.get("name") for c in el.iterfind("q:Code", Q)])
        return found[0]

    methods = child(top, "Methods")
    assert methods.get("isCodable") == "false"
    assert len(methods.findall("q:Code", Q)) == 12  # the whole frame, used or not
    assert "Inclusion:" in child(methods, "Co-design").findtext("q:Description", namespaces=Q)
    assert {c.get("name") for c in child(top, "System levels").iterfind("q:Code", Q)} == {
        "Microsystem", "Mesosystem", "Macrosystem"
    }  # fmt: skip
    child(top, "Roles of persons with patient experience")
    lessons = child(top, "Lessons learned (Step 3)")
    k01 = child(
        child(child(lessons, "Relationer och struktur"), "Förberedelser"), "Förbered tillsammans"
    )
    assert "förberedelse, tid" in k01.findtext("q:Description", namespaces=Q)
    child(lessons, "Lessons not grouped")  # L002 has no code
    child(child(top, "Initiatives (Step 1)"), "Ungdomsrådet")
    # the ppe group is vocabulary only: no code for it
    assert all(
        c.get("name") != "Persons with patient experience" for c in top.iterfind("q:Code", Q)
    )


def test_initiative_is_also_a_case_with_attributes(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    _, root = _open(path)
    case = root.find("q:Cases/q:Case", Q)
    assert case.get("name") == "Ungdomsrådet"
    assert _codes(root)[case.find("q:CodeRef", Q).get("targetGUID")].get("name") == "Ungdomsrådet"
    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{{{NS}}}Variable")}
    values = {
        variables[vv.find("q:VariableRef", Q).get("targetGUID")]: vv[1].text
        for vv in case.iterfind("q:VariableValue", Q)
    }
    assert values == {"Kind": "council", "Start year": "2019", "Ongoing": "true"}  # end unknown


def test_lesson_description_keeps_source_confidence_concepts_facets(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    _, root = _open(path)
    descs = [d.text for d in root.iter(f"{{{NS}}}Description")]
    assert any(
        "lesson L001: rule:lessons.cues, confidence 0.7; key concepts: förberedelse, tid; "
        "facet resources: ersättning" in d
        for d in descs
    )


def test_swedish_code_names(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path, language="sv")
    _, root = _open(path)
    names = {c.get("name") for c in root.iter(f"{{{NS}}}Code")}
    assert {"Metoder", "Initiativ (steg 1)", "Lärdomar (steg 3)"} <= names


# --------------------------------------------------------------------------- determinism


def test_same_input_same_bytes(tmp_path):
    a, b = tmp_path / "a.qdpx", tmp_path / "sub" / "b.qdpx"
    write_qdpx(_results(), a)
    write_qdpx(_results(), b)
    assert a.read_bytes() == b.read_bytes()
    _, root = _open(a)
    assert not any("DateTime" in k for el in root.iter() for k in el.attrib)
    for info in zipfile.ZipFile(a).infolist():
        assert info.date_time == (1980, 1, 1, 0, 0, 0)


def test_other_input_other_guids(tmp_path):
    data = _sample()
    data["manifest"]["inputs_digest"] = "e" * 64
    write_qdpx(_results(), tmp_path / "a.qdpx")
    write_qdpx(_results(manifest=data["manifest"]), tmp_path / "b.qdpx")
    _, ra = _open(tmp_path / "a.qdpx")
    _, rb = _open(tmp_path / "b.qdpx")
    ga = {c.get("name"): c.get("guid") for c in ra.iter(f"{{{NS}}}Code")}
    gb = {c.get("name"): c.get("guid") for c in rb.iter(f"{{{NS}}}Code")}
    assert ga["Co-design"] == gb["Co-design"]  # the codebook's codes merge across runs
    assert ga["Ungdomsrådet"] != gb["Ungdomsrådet"]  # a run's initiatives do not


def test_created_stamp_is_the_only_date(tmp_path):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path, created="2024-05-01T12:00:00+02:00")
    _, root = _open(path)
    stamps = {v for el in root.iter() for k, v in el.attrib.items() if "DateTime" in k}
    assert stamps == {"2024-05-01T10:00:00Z"}
    with pytest.raises(ExportError, match="not an ISO 8601"):
        write_qdpx(_results(), path, created="yesterday")


# --------------------------------------------------------------------------- schema


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


@pytest.mark.parametrize("created", [None, "2024-05-01T00:00:00Z"])
def test_valid_against_refi_xsd(tmp_path, schema, created):
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path, created=created)
    _, root = _open(path)
    assert schema.validate(root), schema.error_log


def test_xsd_catches_a_broken_project(tmp_path, schema):
    """The schema test can fail: a selection without endPosition is rejected."""
    path = tmp_path / "p.qdpx"
    write_qdpx(_results(), path)
    _, root = _open(path)
    sel = next(root.iter(f"{{{NS}}}PlainTextSelection"))
    del sel.attrib["endPosition"]
    assert not schema.validate(root)


# --------------------------------------------------------------------------- bad input


def test_offsets_outside_the_text_name_file_and_item(tmp_path):
    data = _sample()
    data["initiatives"][0]["evidence"]["start"][0].update(start=5000, end=5004)
    with pytest.raises(
        ExportError,
        match=r"OUT/initiatives.json: i01 start: a.txt offsets 5000:5004 outside the text of length \d+",
    ):
        write_qdpx(_results(initiatives=data["initiatives"]), tmp_path / "p.qdpx")


def test_quote_that_does_not_match_is_refused(tmp_path):
    data = _sample()
    data["lessons_doc"]["lessons"][0]["start"] -= 1
    data["lessons_doc"]["lessons"][0]["end"] -= 1
    with pytest.raises(ExportError, match=r"lessons.json: L001: a.txt quote does not match"):
        write_qdpx(_results(lessons_doc=data["lessons_doc"]), tmp_path / "p.qdpx")


def test_unknown_document_is_refused(tmp_path):
    data = _sample()
    data["non_initiatives"][0]["evidence"][0]["document"] = "gone.txt"
    with pytest.raises(ExportError, match="'gone.txt' is not among manifest.json's inputs"):
        write_qdpx(_results(non_initiatives=data["non_initiatives"]), tmp_path / "p.qdpx")


def test_missing_and_broken_json(tmp_path):
    out = _write_out(tmp_path / "out", store=False)
    (out / "lessons.json").unlink()
    with pytest.raises(ExportError, match=r"lessons.json: missing"):
        load_results(out)
    (out / "lessons.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(ExportError, match=r"lessons.json: not valid JSON \(line 1"):
        load_results(out)
    (out / "lessons.json").write_text("[]", encoding="utf-8")
    with pytest.raises(ExportError, match=r"lessons.json: expected a JSON object"):
        load_results(out)
    with pytest.raises(ExportError, match="not a folder"):
        load_results(tmp_path / "nope")


def test_no_store_and_no_documents(tmp_path):
    out = _write_out(tmp_path / "out", store=False)
    with pytest.raises(ExportError, match=r"no canonical text for a.txt .*--docs"):
        load_results(out)


def test_texts_from_the_store(tmp_path):
    out = _write_out(tmp_path / "out")
    before = (out / "coatlas.sqlite").read_bytes()
    r = load_results(out)
    assert r.texts == {"a.txt": TEXT_A, "b/ö.txt": TEXT_B}
    assert r.reviews == []
    write_qdpx(out)
    assert (out / "coatlas.qdpx").is_file()
    assert (out / "coatlas.sqlite").read_bytes() == before  # export does not write the store


def test_texts_read_again_from_docs_and_checked(tmp_path):
    from coatlas.ingest import read_document

    docs = tmp_path / "docs"
    (docs / "b").mkdir(parents=True)
    (docs / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (docs / "b" / "ö.txt").write_bytes(TEXT_B.encode("utf-8"))
    data = _sample()
    for item in data["manifest"]["inputs"]:
        doc = read_document(docs / item["document"], root=docs)
        item["sha256"], item["characters"] = doc.sha256, len(doc.text)
    texts = {i["document"]: read_document(docs / i["document"], root=docs).text
             for i in data["manifest"]["inputs"]}  # fmt: skip
    out = _write_out(tmp_path / "out", data, store=False)
    r = load_results(out, docs_dir=docs)
    assert r.texts == texts
    (docs / "a.txt").write_text(TEXT_A + " Ändrad.", encoding="utf-8")
    with pytest.raises(ExportError, match=r"a.txt: changed since the analysis"):
        load_results(out, docs_dir=docs)


def test_character_count_must_match_the_manifest(tmp_path):
    data = _sample()
    data["manifest"]["inputs"][0]["characters"] += 1
    out = _write_out(tmp_path / "out", data)
    with pytest.raises(
        ExportError, match=r"manifest.json: a.txt has \d+ characters, the manifest says"
    ):
        load_results(out)


# --------------------------------------------------------------------------- reviews


def test_review_decisions_from_the_store(tmp_path, schema):
    from coatlas.store import open_store

    out = _write_out(tmp_path / "out")
    with open_store(path=out / "coatlas.sqlite") as s:
        rows = s.codings()
        by_code = {r["code"]: r["id"] for r in rows}
        s.set_coding_status(by_code["levels:micro"], "rejected", actor="anna", note="not a level")
        s.set_coding_status(by_code["name"], "accepted", actor="björn")
        pos = TEXT_A.index("startade 2019")
        s.edit_coding(by_code["start"], "anna", start=pos, end=pos + len("startade 2019"))
    summary = write_qdpx(out)
    assert summary.skipped == {"rejected codings": 1}
    assert summary.users == ["anna", "björn", "coatlas"]
    z, root = _open(summary.path)
    assert schema.validate(root), schema.error_log
    texts = _source_texts(z, root)
    assert _coded(root, texts, "Time: start") == ["startade 2019"]
    assert _coded(root, texts, "Microsystem") == []  # the rejected coding is left out
    users = {u.get("name"): u.get("guid") for u in root.iter(f"{{{NS}}}User")}
    edited = next(
        s for s in root.iter(f"{{{NS}}}PlainTextSelection") if s.get("name") == "startade 2019"
    )
    assert edited.get("creatingUser") == users["anna"]
    accepted = next(
        s for s in root.iter(f"{{{NS}}}PlainTextSelection") if s.get("name") == "Ungdomsrådet"
    )
    assert accepted.get("modifyingUser") == users["björn"]
    assert "accepted by björn" in accepted.findtext("q:Description", namespaces=Q)
    kept = write_qdpx(out, tmp_path / "all.qdpx", include_rejected=True)
    assert kept.skipped == {}
    z2, root2 = _open(kept.path)
    assert _coded(root2, _source_texts(z2, root2), "Microsystem") == ["väntrummet"]


# --------------------------------------------------------------------------- CLI


def test_cli_export_default_file(tmp_path):
    out = _write_out(tmp_path / "out")
    res = runner.invoke(app, ["export", str(out), "--format", "qdpx"])
    assert res.exit_code == 0, res.output
    assert (out / "coatlas.qdpx").is_file()
    assert "2 sources" in res.output and "coatlas.qdpx" in res.output
    res = runner.invoke(app, ["export", str(out), "--to", str(tmp_path / "x" / "p.qdpx")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "x" / "p.qdpx").read_bytes() == (out / "coatlas.qdpx").read_bytes()


@pytest.mark.parametrize(
    "args,expected",
    [
        (["--format", "nvp"], "nvp: unknown format (qdpx, docx or xlsx)"),
        (["--created", "soon"], "'soon': not an ISO 8601 date-time"),
    ],
)
def test_cli_bad_options(tmp_path, args, expected):
    out = _write_out(tmp_path / "out")
    res = runner.invoke(app, ["export", str(out), *args])
    assert res.exit_code == 2
    assert expected in res.output
    assert "Traceback" not in res.output


def test_cli_bad_folder_is_one_line(tmp_path):
    out = _write_out(tmp_path / "out", store=False)
    (out / "manifest.json").unlink()
    res = runner.invoke(app, ["export", str(out)])
    assert res.exit_code == 2
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "manifest.json: missing" in lines[0]


# --------------------------------------------------------------------------- end to end


@pytest.mark.slow
def test_examples_end_to_end(tmp_path, schema):
    from coatlas.ingest import read_document

    out = tmp_path / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["export", str(out)])
    assert res.exit_code == 0, res.output
    z, root = _open(out / "coatlas.qdpx")
    assert schema.validate(root), schema.error_log
    texts = {name: text for name, text in _source_texts(z, root).values()}
    for p in EXAMPLES.iterdir():
        assert texts[p.name] == read_document(p, root=EXAMPLES).text
    inits = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    quotes = {
        (e["document"], e["start"], e["end"])
        for c in codings_from_initiatives(inits)
        for e in [c.evidence.to_dict()]
        if e["start"] < e["end"]
    }
    exported = set()
    for src in root.iterfind("q:Sources/q:TextSource", Q):
        for sel in src.iterfind("q:PlainTextSelection", Q):
            exported.add(
                (src.get("name"), int(sel.get("startPosition")), int(sel.get("endPosition")))
            )
    assert quotes and quotes <= exported
    first = (out / "coatlas.qdpx").read_bytes()
    assert runner.invoke(app, ["export", str(out)]).exit_code == 0
    assert (out / "coatlas.qdpx").read_bytes() == first


def test_malformed_hierarchy_is_one_line(tmp_path):
    data = _sample()
    del data["lessons_doc"]["hierarchy"][0]["id"]
    with pytest.raises(ExportError, match=r"^OUT: malformed results \(KeyError: 'id'\)$"):
        write_qdpx(_results(lessons_doc=data["lessons_doc"]), tmp_path / "p.qdpx")
