"""`coatlas review …` verbs and the browser app, on an output folder as analyze leaves it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.codebook import load_codebook
from coatlas.jsonio import dumps, write_json
from coatlas.review.log import review_lessons
from coatlas.review.project import open_project
from coatlas.store import open_store
from test_review import make_doc, nodes
from test_review_store import seed

runner = CliRunner()
HOSTILE = '<script>alert("x")</script> & listen'


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder with its store, lessons.json and manifest, as analyze writes them."""
    folder = tmp_path / "out"
    folder.mkdir()
    settings = {"codebook": None, "today": 2020}
    with open_store(path=folder / "coatlas.sqlite") as st:
        seed(st, settings)
        run = st.lesson_runs()[0]
        write_json(folder / "lessons.json", st.proposed_lessons(run))
    book = load_codebook()
    manifest = {
        "coatlas": "test",
        "settings": settings,
        "inputs_digest": "digest",
        "codebook": {"name": book.name, "version": book.version, "digest": book.digest},
    }
    write_json(folder / "manifest.json", manifest)
    write_json(folder / "initiatives.json", [])
    return folder


def review(*args: str, actor: str = "anna"):
    return runner.invoke(app, ["review", *args], env={"COATLAS_ACTOR": actor})


# -- CLI ---------------------------------------------------------------------------------


def test_show_lists_ids_labels_and_quotes(out: Path) -> None:
    res = review("show", str(out))
    assert res.exit_code == 0, res.output
    assert "C01  Listening" in res.stdout
    assert "K01  listen  (2; listen, early)" in res.stdout
    assert "L001  doc1.txt [10–19]  “lesson text 1”" in res.stdout
    shown = json.loads(review("show", str(out), "--json").stdout)
    assert shown == json.loads((out / "lessons.json").read_text(encoding="utf-8"))


def test_each_verb_changes_the_reviewed_state_and_is_logged(out: Path) -> None:
    assert review("rename", str(out), "K01", "Listen first").exit_code == 0
    res = review("create", str(out), "code", "Fair pay", "--under", "G02", actor="bo")
    assert res.exit_code == 0, res.output
    assert res.stdout.strip() == "K05"
    assert review("move", str(out), "L004", "L005", "--to", "K05").exit_code == 0
    assert review("merge", str(out), "K02", "--into", "K01").exit_code == 0
    assert review("reject", str(out), "L006", "--note", "a plan").exit_code == 0
    assert review("reject", str(out), "L002").exit_code == 0
    assert review("restore", str(out), "L002").exit_code == 0
    doc = json.loads(review("show", str(out), "--json").stdout)
    n = nodes(doc)
    assert n["K01"]["label"] == "Listen first" and n["K01"]["source"] == "human:anna"
    assert n["K05"]["lessons"] == ["L004", "L005"] and n["K05"]["proposed_label"] is None
    assert "K02" not in n and "K03" not in n  # merged; emptied by the move
    assert doc["lessons"][5]["review"] == {
        "source": "human:anna",
        "rejected": True,
        "note": "a plan",
    }
    log = review("log", str(out)).stdout.splitlines()
    assert len(log) == 8  # one event per op: the move of two lessons is two
    assert "\tbo\tcreate: level='code' label='Fair pay' parent='G02' id='K05' (by bo)" in log[1]
    text = review("show", str(out)).stdout
    assert "proposed: listen; reviewed by human:anna" in text
    assert "L006  REJECTED  doc0.txt [60–69]" in text


def test_a_refused_op_is_one_line_and_exit_2(out: Path) -> None:
    res = review("merge", str(out), "K01", "--into", "G01")
    assert res.exit_code == 2
    assert (
        res.stderr.strip()
        == "merge K01 into G01: K01 is a code, G01 a category (merge within one level)"
    )
    assert review("log", str(out)).stdout == ""


def test_a_folder_without_a_store_is_one_line(tmp_path: Path) -> None:
    res = review("show", str(tmp_path))
    assert res.exit_code == 2
    assert "no coatlas.sqlite here" in res.stderr and len(res.stderr.strip().splitlines()) == 1
    res = review("show", str(tmp_path / "missing"))
    assert res.exit_code == 2 and "no such output folder" in res.stderr


def test_report_without_changes_reproduces_the_proposal_bytes(out: Path) -> None:
    before = (out / "lessons.json").read_bytes()
    res = review("report", str(out))
    assert res.exit_code == 0, res.output
    assert (out / "lessons.json").read_bytes() == before
    assert (out / "table3.csv").is_file() and (out / "report.html").is_file()


def test_report_writes_the_reviewed_state_deterministically(out: Path, tmp_path: Path) -> None:
    review("rename", str(out), "C01", "Listening to people")
    review("reject", str(out), "L003", "--note", "not a lesson")
    review("reject", str(out), "L004")
    assert review("report", str(out)).exit_code == 0
    first = {p.name: p.read_bytes() for p in out.iterdir() if p.suffix != ".sqlite" and p.is_file()}
    elsewhere = tmp_path / "copy"
    assert review("report", str(out), "--out", str(elsewhere)).exit_code == 0
    for name in ("lessons.json", "table3.csv", "table3.md", "report.html", "table2.csv"):
        assert (elsewhere / name).read_bytes() == first[name], name
    doc = json.loads(first["lessons.json"])
    assert nodes(doc)["C01"]["proposed_label"] == "Listening"
    rows = list(csv.DictReader(io.StringIO(first["table3.csv"].decode())))
    # G01 keeps K01 (2 lessons) but K02's only lesson is rejected; G02 is all rejected
    assert [(r["Cluster"], r["Category"], r["Codes"], r["Lessons"]) for r in rows] == [
        ("Listening to people", "Early listening", "1", "2"),
        ("Resources", "Budget", "1", "2"),
    ]
    html = first["report.html"].decode()
    assert "rejected by human:anna: not a lesson" in html
    assert "proposed as “Listening”, reviewed by human:anna" in html


def test_report_refuses_a_codebook_that_is_not_the_runs(out: Path, tmp_path: Path) -> None:
    manifest = json.loads((out / "manifest.json").read_text())
    manifest["codebook"]["digest"] = "f" * 64
    write_json(out / "manifest.json", manifest)
    res = review("report", str(out))
    assert res.exit_code == 2 and "is not the run's" in res.stderr


# -- browser app -------------------------------------------------------------------------


@pytest.fixture
def client(out: Path):
    pytest.importorskip("flask")
    from coatlas.web import create_app

    with open_store(path=out / "coatlas.sqlite") as st:
        run = st.lesson_runs()[0]
        review_lessons(st, run, [{"op": "rename", "node": "K04", "label": HOSTILE}], "setup")
    project = open_project(out)
    web = create_app(project, actor="anna", token="t0ken")
    web.testing = True
    with web.test_client() as c:
        yield c, project
    project.close()


def post(c, path: str = "/op", **form: str):
    return c.post(path, data={"token": "t0ken", **form})


def test_page_shows_every_quote_with_its_place_and_escapes_text(client) -> None:
    c, _ = client
    res = c.get("/")
    assert res.status_code == 200
    html = res.get_data(as_text=True)
    for les in make_doc()["lessons"]:
        assert les["text"] in html
        # its place: a link into the document view, at the quote
        assert (
            f"path={les['document']}&amp;focus={les['start']}:{les['end']}#o{les['start']}" in html
        )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert res.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_post_rename_changes_the_label(client) -> None:
    c, project = client
    res = post(c, op="rename", node="G01", label="Listen first")
    assert res.status_code == 303 and res.headers["Location"].endswith("/#G01")
    assert nodes(project.reviewed())["G01"]["label"] == "Listen first"
    assert project.log()[-1]["actor"] == "anna"
    assert "Listen first" in c.get("/").get_data(as_text=True)


def test_post_move_reject_and_create(client) -> None:
    c, project = client
    assert post(c, op="create", level="code", parent="G01", label="New").status_code == 303
    assert post(c, op="move", item="L003", to="K05").status_code == 303
    assert post(c, op="reject", lesson="L001", note="").status_code == 303
    doc = project.reviewed()
    assert nodes(doc)["K05"]["lessons"] == ["L003"]
    assert doc["lessons"][0]["review"] == {"source": "human:anna", "rejected": True}


def test_a_bad_op_is_400_with_the_one_line_error(client) -> None:
    c, project = client
    n = len(project.log())
    res = post(c, op="merge", node="K01", into="K01")
    assert res.status_code == 400
    assert "merge K01 into K01: a node cannot merge into itself" in res.get_data(as_text=True)
    assert len(project.log()) == n


def test_posts_without_the_token_or_from_elsewhere_are_refused(client) -> None:
    c, project = client
    n = len(project.log())
    assert c.post("/op", data={"op": "rename", "node": "G01", "label": "x"}).status_code == 403
    res = c.post(
        "/op",
        data={"token": "t0ken", "op": "rename", "node": "G01", "label": "x"},
        headers={"Origin": "http://evil.example"},
    )
    assert res.status_code == 403
    assert len(project.log()) == n


def test_a_foreign_host_name_is_refused_even_with_token_and_origin(client) -> None:
    """DNS rebinding: evil.example resolving to 127.0.0.1 is same-origin with itself."""
    c, project = client
    n = len(project.log())
    assert c.get("/", headers={"Host": "evil.example:8765"}).status_code == 403
    res = c.post(
        "/op",
        data={"token": "t0ken", "op": "rename", "node": "G01", "label": "x"},
        headers={"Host": "evil.example:8765", "Origin": "http://evil.example:8765"},
    )
    assert res.status_code == 403 and len(project.log()) == n
    assert c.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200


def test_post_report_writes_the_reviewed_outputs(client, out: Path) -> None:
    c, project = client
    res = post(c, "/report")
    assert res.status_code == 303
    assert json.loads((out / "lessons.json").read_text()) == project.reviewed()
    assert dumps(project.reviewed()) == (out / "lessons.json").read_text(encoding="utf-8")


def test_serve_refuses_cleanly(out: Path, tmp_path: Path) -> None:
    pytest.importorskip("flask")
    import socket

    res = runner.invoke(app, ["serve", str(tmp_path / "nothing"), "--actor", "a"])
    assert res.exit_code == 2 and "no such output folder" in res.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = runner.invoke(app, ["serve", str(out), "--actor", "a", "--port", str(port)])
    assert res.exit_code == 2
    assert f"127.0.0.1:{port}: cannot listen" in res.stderr
