"""The analyst's workbench: coding what the machine missed, in the terminal and the browser.

On the bundled example: each terminal verb shows up in `review report`'s outputs with the
exact quote; each web action records the same event and gives the same bytes as its
terminal twin; memos reach the report, the .qdpx and the Word/Excel exports; usage errors
are one line, never a traceback.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.events import INITIATIVE_REVIEW, LESSON_REVIEW, MEMO
from coatlas.review.docview import document_view, runs_of
from coatlas.review.project import open_project

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
DOC = "intervju_01_foraldraradet.txt"
runner = CliRunner()


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wb") / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    return out


def _copy(analysed: Path, where: Path) -> Path:
    shutil.copytree(analysed, where)
    return where


def _text(out: Path) -> str:
    with open_project(out) as p:
        text = p.text(DOC)
    assert text
    return text


def _span(text: str, quote: str) -> tuple[int, int]:
    i = text.index(quote)
    return i, i + len(quote)


def review(*args: str, actor: str = "anna"):
    return runner.invoke(app, ["review", *args], env={"COATLAS_ACTOR": actor})


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".sqlite"}


def _events(out: Path) -> list[tuple[str, str, dict]]:
    with open_project(out) as p:
        return [
            (e["action"], e["actor"], e["payload"])
            for e in p.store.run_events(p.run_id, (LESSON_REVIEW, INITIATIVE_REVIEW, MEMO))
        ]


QUOTES = {
    "name": "Så våren 2024 startade Föräldrarådet",
    "method": "erfarenhetsbaserad samskapande design",
    "lesson": "Att det tar tid.",
}


def _terminal(out: Path) -> dict[str, str]:
    """Every verb of the issue, in the terminal; returns the ids they printed."""
    text = _text(out)
    s = {k: "{}:{}".format(*_span(text, q)) for k, q in QUOTES.items()}
    res = review("add-initiative", str(out), "Föräldraskolan", "--doc", DOC, "--span", s["name"],
                 "--start", "2024")  # fmt: skip
    assert res.exit_code == 0, res.output
    new = res.stdout.strip()
    res = review("code", str(out), "i02", "co_design", "--doc", DOC, "--span", s["method"])
    assert res.exit_code == 0, res.output
    coded = res.stdout.strip()
    res = review("code", str(out), "i02", "meso", "--doc", DOC, "--span", s["method"])
    assert res.exit_code == 0, res.output
    res = review("uncode", str(out), res.stdout.strip())
    assert res.exit_code == 0, res.output
    res = review("set-years", str(out), "i02", "--start", "2024", "--ongoing", "--doc", DOC,
                 "--span", s["name"])  # fmt: skip
    assert res.exit_code == 0, res.output
    res = review("add-lesson", str(out), "--doc", DOC, "--span", s["lesson"], "--to", "K01")
    assert res.exit_code == 0, res.output
    lesson = res.stdout.strip()
    for target, text_ in (("i02", "Ask Tove whether it still meets"), ("K01", "Label?"),
                          (lesson, "A lesson of time"), (coded, "Strong quote"),
                          (DOC, "Interview 1"), ("3", "PPE evidence is thin")):  # fmt: skip
        res = review("memo", str(out), target, text_)
        assert res.exit_code == 0, res.output
    res = review("move", str(out), "L001", "--to", "K04")
    assert res.exit_code == 0, res.output
    return {"initiative": new, "coding": coded, "lesson": lesson}


def test_each_terminal_verb_reaches_the_outputs_with_the_exact_quote(analysed, tmp_path) -> None:
    out = _copy(analysed, tmp_path / "out")
    ids = _terminal(out)
    res = review("report", str(out))
    assert res.exit_code == 0, res.output
    text = _text(out)
    inis = {i["id"]: i for i in json.loads((out / "initiatives.json").read_text("utf-8"))}
    new = inis[ids["initiative"]]
    name_ev = new["evidence"]["name"][0]
    assert new["name"] == "Föräldraskolan" and new["start"] == 2024
    assert name_ev["quote"] == text[name_ev["start"] : name_ev["end"]] == QUOTES["name"]
    assert name_ev["source"] == "human:anna" and new["review"]["created"] is True
    council = inis["i02"]
    item = council["evidence"]["methods"]["co_design"][-1]
    assert "co_design" in council["methods"] and item["quote"] == QUOTES["method"]
    assert item["source"] == "human:anna" and item["review"]["coding"] == ids["coding"]
    assert "meso" not in [  # coded, then uncoded: gone again
        c for c, items in council["evidence"]["levels"].items()
        for e in items if e["source"].startswith("human:")
    ]  # fmt: skip
    assert council["ongoing"] is True and council["end"] is None and council["start"] == 2024
    assert council["evidence"]["end"][-1]["quote"] == QUOTES["name"]
    assert "proposed_timeline" in council["review"]
    lessons = json.loads((out / "lessons.json").read_text("utf-8"))
    added = next(x for x in lessons["lessons"] if x["id"] == ids["lesson"])
    assert added["text"] == QUOTES["lesson"] == text[added["start"] : added["end"]]
    assert added["source"] == "human:anna" and added["code"] == "K01"
    memos = json.loads((out / "memos.json").read_text("utf-8"))
    assert [m["target"].split(":", 1)[0] for m in memos] == [
        "initiative", "node", "lesson", "coding", "document", "coding",
    ]  # fmt: skip
    assert memos[5]["target"].startswith("coding:i01|")  # a machine coding, by its stable key
    assert all(m["by"] == "human:anna" for m in memos)
    table2 = (out / "table2.csv").read_text("utf-8-sig")
    report = (out / "report.html").read_text("utf-8")
    assert "Föräldraskolan" in table2 and "Co-design" in table2
    assert "Ask Tove whether it still meets" in report and "Föräldraskolan" in report
    assert QUOTES["lesson"] in report
    # replayed from the log: the same bytes again
    before = _files(out)
    assert review("report", str(out)).exit_code == 0
    assert _files(out) == before


def _web(out: Path, ids: dict[str, str] | None = None):
    from coatlas.web import create_app

    project = open_project(out)
    app_ = create_app(project, actor="anna", token="t")
    app_.config["TESTING"] = True
    return project, app_.test_client()


def _post(client, path: str, **form: str):
    return client.post(path, data={"token": "t", **form}, headers={"Origin": "http://localhost"})


def test_each_web_action_records_the_event_and_bytes_of_its_terminal_twin(
    analysed, tmp_path
) -> None:
    cli_out = _copy(analysed, tmp_path / "cli")
    web_out = _copy(analysed, tmp_path / "web")
    _terminal(cli_out)
    text = _text(web_out)
    s = {k: _span(text, q) for k, q in QUOTES.items()}
    project, c = _web(web_out)
    try:
        back = f"/document?path={DOC}"

        def work(**form: str) -> None:
            res = _post(c, "/workbench", document=DOC, back=back, **form)
            assert res.status_code == 303, res.get_data(as_text=True)

        work(action="add-initiative", name="Föräldraskolan", start=str(s["name"][0]),
             end=str(s["name"][1]), start_year="2024")  # fmt: skip
        work(action="code", initiative="i02", code="methods:co_design",
             start=str(s["method"][0]), end=str(s["method"][1]))  # fmt: skip
        work(action="code", initiative="i02", code="meso", start=str(s["method"][0]),
             end=str(s["method"][1]))  # fmt: skip
        work(action="uncode", coding="h3")
        work(action="years", initiative="i02", start=str(s["name"][0]), end=str(s["name"][1]),
             start_year="2024", ongoing="1")  # fmt: skip
        work(action="add-lesson", start=str(s["lesson"][0]), end=str(s["lesson"][1]), to="K01")
        for target, text_ in (("i02", "Ask Tove whether it still meets"), ("K01", "Label?"),
                              ("L010", "A lesson of time"), ("h2", "Strong quote"),
                              (DOC, "Interview 1"), ("3", "PPE evidence is thin")):  # fmt: skip
            res = _post(c, "/memo", target=target, text=text_, back="/")
            assert res.status_code == 303, res.get_data(as_text=True)
        res = _post(c, "/op", op="move", item="L001", to="K04")
        assert res.status_code == 303
        # the document view shows what was coded, and the page links both ways
        html = c.get(f"/document?path={DOC}").get_data(as_text=True)
        assert "Föräldraskolan" in html and 'href="/initiatives/i02"' in html
        assert "Co-design" in html and "/static/select.js" in html
        page = c.get("/initiatives/i02").get_data(as_text=True)
        assert f"/document?path={DOC}&amp;focus={s['method'][0]}:{s['method'][1]}" in page
        assert c.get("/static/select.js").status_code == 200
    finally:
        project.close()
    assert _events(web_out) == _events(cli_out)
    assert review("report", str(cli_out)).exit_code == 0
    assert review("report", str(web_out)).exit_code == 0
    assert _files(web_out) == _files(cli_out)


def test_refusals_are_one_line_and_record_nothing(analysed, tmp_path) -> None:
    out = _copy(analysed, tmp_path / "out")
    text = _text(out)
    a, b = _span(text, QUOTES["method"])
    n = len(_events(out))
    cases = [
        (["code", str(out), "i02", "nonsense", "--doc", DOC, "--span", f"{a}:{b}"], "not a method"),
        (["code", str(out), "i99", "co_design", "--doc", DOC, "--span", f"{a}:{b}"], "i99"),
        (["code", str(out), "i02", "co_design", "--doc", DOC, "--span", "5:x"], "START:END"),
        (["code", str(out), "i02", "co_design", "--doc", DOC, "--span", "1:99999"], "outside"),
        (["code", str(out), "i02", "co_design", "--doc", "nope.txt", "--span", "1:5"], "nope.txt"),
        (["set-years", str(out), "i02", "--doc", DOC, "--span", f"{a}:{b}"], "start year"),
        (
            [
                "set-years",
                str(out),
                "i02",
                "--end",
                "2020",
                "--ongoing",
                "--doc",
                DOC,
                "--span",
                f"{a}:{b}",
            ],
            "not both",
        ),  # fmt: skip
        (["uncode", str(out), "h9"], "h9"),
        (["add-lesson", str(out), "--doc", DOC, "--span", f"{a}:{b}", "--to", "G01"], "code"),
        (["memo", str(out), "Z99", "text"], "Z99"),
        (["memo", str(out), "i02", "  "], "empty"),
    ]
    for args, message in cases:
        res = review(*args)
        assert res.exit_code == 2, (args, res.output)
        assert message in res.output and len(res.output.strip().splitlines()) == 1, res.output
        assert "Traceback" not in res.output
    assert len(_events(out)) == n


def test_document_view_cuts_overlapping_codings_and_keeps_offsets() -> None:
    from coatlas.review.docview import Mark

    text = "Patientrådet 🎉 startade 2019 i Lommarp."
    marks = [
        Mark(1, "name", 0, 12, text[0:12], "Initiative named", "P", "/initiatives/i01", "rule:x"),
        Mark(2, "start", 6, 29, text[6:29], "Start year", "P", "/initiatives/i01", "rule:y"),
        Mark(3, "lesson", 15, len(text), text[15:], "Lesson learned", "K", "/#L001", "human:a"),
    ]
    runs = runs_of(text, marks)
    assert "".join(r.text for r in runs) == text
    assert [r.start for r in runs] == [0, 6, 12, 15, 29]
    assert all(text[r.start : r.start + len(r.text)] == r.text for r in runs)
    assert runs[1].marks == [1, 2] and "k-name" in runs[1].classes
    assert runs[3].marks == [2, 3] and runs[0].anchors == [1]
    inis = [{"id": "i01", "name": "P", "evidence": {"methods": {"co_design": [
        {"document": "d.txt", "start": 0, "end": 12, "quote": text[:12], "source": "rule:z",
         "confidence": 0.5}]}}}]  # fmt: skip
    view = document_view("d.txt", text, inis, {}, {"methods": {"co_design": "Co-design"}})
    assert [m.label for m in view["marks"]] == ["Co-design"]  # the codebook's label, not the id
    assert view["counts"]["methods"] == 1


def test_docx_and_xlsx_hold_every_table2_row_and_the_memos(analysed, tmp_path) -> None:
    import openpyxl
    from docx import Document

    out = _copy(analysed, tmp_path / "out")
    _terminal(out)
    assert review("report", str(out)).exit_code == 0
    rows = [i["name"] for i in json.loads((out / "initiatives.json").read_text("utf-8"))]
    for fmt in ("docx", "xlsx"):
        res = runner.invoke(app, ["export", str(out), "--format", fmt])
        assert res.exit_code == 0, res.output
    doc = Document(str(out / "coatlas.docx"))
    table2 = next(t for t in doc.tables if t.rows[0].cells[0].text == "Co-production initiative")
    assert sorted(c.text for c in table2.columns[0].cells[1:]) == sorted(rows)
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "Ask Tove whether it still meets" in body and QUOTES["method"] in body
    assert len(doc.inline_shapes) == 1  # Figure 1
    wb = openpyxl.load_workbook(out / "coatlas.xlsx")
    assert wb.sheetnames == ["Table 1", "Table 2", "Table 3", "Quotes", "Sampling", "Memos"]
    names = [r[0] for r in wb["Table 2"].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(rows)
    quotes = [r[4] for r in wb["Quotes"].iter_rows(min_row=2, values_only=True)]
    assert QUOTES["method"] in quotes and QUOTES["lesson"] in quotes
    # the same folder, the same bytes
    first = {f: (out / f"coatlas.{f}").read_bytes() for f in ("docx", "xlsx")}
    for fmt in ("docx", "xlsx"):
        assert runner.invoke(app, ["export", str(out), "--format", fmt]).exit_code == 0
        assert (out / f"coatlas.{fmt}").read_bytes() == first[fmt]


def test_qdpx_leaves_rejected_lessons_out_and_carries_memos_as_notes(analysed, tmp_path) -> None:
    from lxml import etree

    out = _copy(analysed, tmp_path / "out")
    _terminal(out)
    assert review("reject", str(out), "L002", "--note", "a plan").exit_code == 0
    assert review("report", str(out)).exit_code == 0
    schema = etree.XMLSchema(etree.parse(str(Path(__file__).parent / "data/refi/Project.xsd")))

    def project(*extra: str) -> etree._Element:
        res = runner.invoke(app, ["export", str(out), "--format", "qdpx", *extra])
        assert res.exit_code == 0, res.output
        with zipfile.ZipFile(out / "coatlas.qdpx") as z:
            root = etree.fromstring(z.read("project.qde"))
        assert schema.validate(root), schema.error_log.last_error
        return root

    ns = {"q": "urn:QDA-XML:project:1.0"}
    lessons = json.loads((out / "lessons.json").read_text("utf-8"))
    rejected = next(x for x in lessons["lessons"] if x["id"] == "L002")

    def spans(root) -> set[tuple[int, int]]:
        return {
            (int(s.get("startPosition")), int(s.get("endPosition")))
            for s in root.iterfind(".//q:PlainTextSelection", ns)
        }

    root = project()
    assert (rejected["start"], rejected["end"]) not in spans(root)
    notes = root.findall(".//q:Notes/q:Note", ns)
    assert len(notes) == 6
    texts = {n.findtext("q:PlainTextContent", namespaces=ns) for n in notes}
    assert "Ask Tove whether it still meets" in texts
    refs = {r.get("targetGUID") for r in root.iterfind(".//q:NoteRef", ns)}
    assert refs == {n.get("guid") for n in notes}  # every memo hangs on what it is about
    assert (rejected["start"], rejected["end"]) in spans(project("--include-rejected"))


@pytest.mark.parametrize(
    "args, message",
    [
        (["analyze", "{empty}", "--out", "{tmp}/o"], "no supported files found"),
        (["analyze", str(EXAMPLES), "--out", "{file}"], "is not a folder"),
        (["analyze", str(EXAMPLES), "--out", "{file}/o"], "is a file, not a folder"),
        (["analyze", str(EXAMPLES), "--out", "{tmp}/o", "--db", "not a url"], "not a database URL"),
        (
            [
                "analyze",
                str(EXAMPLES),
                "--out",
                "{tmp}/o",
                "--db",
                "postgresql+psycopg://u:secret@127.0.0.1:1/x",
            ],
            "cannot open the store",
        ),  # fmt: skip
        (
            ["analyze", str(EXAMPLES), "--out", "{tmp}/o", "--db", "sqlite:///{tmp}/no/such/x.db"],
            "does not exist",
        ),  # fmt: skip
        (
            ["review", "show", "{tmp}", "--db", "postgresql+psycopg://u:secret@127.0.0.1:1/x"],
            "cannot open the store",
        ),  # fmt: skip
        (["export", "{tmp}", "--format", "pdf"], "unknown format"),
    ],
)
def test_usage_errors_are_one_line_exit_2_and_create_nothing(tmp_path, args, message) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "file").write_text("x")
    before = sorted(p.name for p in tmp_path.rglob("*"))
    fill = {"empty": str(tmp_path / "empty"), "tmp": str(tmp_path), "file": str(tmp_path / "file")}
    res = runner.invoke(app, [a.format(**fill) for a in args])
    assert res.exit_code == 2, res.output
    assert message in res.output and "Traceback" not in res.output
    assert len(res.output.strip().splitlines()) == 1, res.output
    assert "secret" not in res.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_the_review_web_benchmark_runs(tmp_path) -> None:
    """benchmarks/bench_review_web.py on a small store (the full size is its own run)."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    try:
        import bench_review_web as bench
    finally:
        sys.path.pop(0)
    bench.seed(tmp_path / "out", n_lessons=100, n_initiatives=10, n_docs=5)
    res = bench.measure(tmp_path / "out", repeat=2)
    assert set(res) >= {"first render /", "action: code a selection"}


def test_pages_and_code_lists_follow_the_runs_own_codebook(tmp_path) -> None:
    """A run with its own codebook: its labels on every page, its codes in every list."""
    book = tmp_path / "mine.yaml"
    book.write_text(
        "name: mini\nversion: '1'\ngroups:\n"
        "  - id: methods\n    codes:\n"
        "      - id: peer_support\n        label: {en: Peer support}\n"
        "        definition: People with lived experience support others.\n"
        "        vocabulary:\n          en: {terms: ['peer support*', 'patient educator*']}\n"
        "      - id: walkabout\n        label: {en: Walk-through with patients}\n"
        "        definition: Patients walk staff through the ward.\n"
        "  - id: levels\n    codes:\n"
        "      - id: meso\n        label: {en: The unit}\n        definition: A unit.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    res = runner.invoke(
        app,
        ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings", "--codebook", str(book)],
    )
    assert res.exit_code == 0, res.output
    project, c = _web(out)
    try:
        html = c.get(f"/document?path={DOC}").get_data(as_text=True)
        assert "Walk-through with patients" in html and "The unit" in html
        assert "Personas" not in html and "Co-design" not in html  # not the built-in codebook
        text = project.text(DOC) or ""
        a, b = _span(text, QUOTES["method"])
        res = _post(c, "/workbench", action="code", document=DOC, initiative="i02",
                    code="methods:co_design", start=str(a), end=str(b), back="/")  # fmt: skip
        assert res.status_code == 400 and "not a method, level or role" in res.get_data(
            as_text=True
        )
        res = _post(c, "/workbench", action="code", document=DOC, initiative="i02",
                    code="methods:walkabout", start=str(a), end=str(b), back="/")  # fmt: skip
        assert res.status_code == 303
        page = c.get("/initiatives/i02").get_data(as_text=True)
        assert "Method: Walk-through with patients" in page
    finally:
        project.close()
