"""Blind double coding: each analyst sees only their own decisions; the overseer resolves.

Two analysts and the machine code the same documents; neither analyst's pages show the
other's decisions; the agreement page (the overseer's) lists their disagreements side by
side with the quotes; the overseer's resolution is what the reviewed outputs show.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.review.project import open_project
from test_team import PASSWORDS, _token

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
ROLES = {"olga": "overseer", "anna": "analyst", "bo": "analyst", "vera": "viewer"}
PASSWORDS = {**PASSWORDS, "bo": "analyst-two"}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("blind") / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    for name, role in ROLES.items():
        res = runner.invoke(
            app, ["users", "add", str(out), name, "--role", role], input=PASSWORDS[name] + "\n"
        )
        assert res.exit_code == 0, res.output
    return out


@pytest.fixture
def blind(analysed: Path, tmp_path: Path):
    from coatlas.web import create_app

    out = shutil.copytree(analysed, tmp_path / "out")
    project = open_project(out)
    web = create_app(project, actor="", team=True, blind=True)
    web.config["TESTING"] = True
    yield web, project, out
    project.close()


def _login(web, name: str):
    c = web.test_client()
    page = c.get("/login")
    res = c.post("/login", data={"token": _token(page.text), "name": name,
                                 "password": PASSWORDS[name]})  # fmt: skip
    assert res.status_code == 303
    return c


def _unit(project) -> tuple[str, str, list[dict]]:
    """A document × method with one machine quote or more, and its codings."""
    rows = [r for r in project.codings() if r["code"].startswith("methods:")]
    doc, code = rows[0]["evidence"]["document"], rows[0]["code"]
    return doc, code, [r for r in rows if (r["evidence"]["document"], r["code"]) == (doc, code)]


def _decide(c, rows: list[dict], action: str) -> None:
    for r in rows:
        iid = r["target"].split(":", 1)[1]
        page = c.get(f"/initiatives/{iid}").text
        res = c.post("/coding", data={"token": _token(page), "coding": str(r["id"]),
                                      "action": action, "initiative": iid})  # fmt: skip
        assert res.status_code == 303, res.text[:300]


def _status_on_page(c, iid: str, cid: int) -> str:
    html = c.get(f"/initiatives/{iid}").text
    m = re.search(rf'id="c{cid}".*?· <b>(\w+)</b>', html, re.S)
    assert m, html[:400]
    return m.group(1)


def test_analysts_do_not_see_each_other(blind) -> None:
    web, project, _ = blind
    doc, code, rows = _unit(project)
    anna, bo = _login(web, "anna"), _login(web, "bo")
    _decide(anna, rows, "accept")
    iid = rows[0]["target"].split(":", 1)[1]
    assert "Blind double coding" in bo.get(f"/initiatives/{iid}").text
    assert _status_on_page(anna, iid, rows[0]["id"]) == "accepted"
    assert _status_on_page(bo, iid, rows[0]["id"]) == "proposed"  # anna's is hidden
    _decide(bo, rows, "reject")  # not refused as stale: his own decision, blind
    assert _status_on_page(anna, iid, rows[0]["id"]) == "accepted"
    assert _status_on_page(bo, iid, rows[0]["id"]) == "rejected"
    # bo's Table 2 lacks the code only if no other document backs it; anna's keeps it
    assert anna.get("/agreement").status_code == 403  # the overseer's page
    olga = _login(web, "olga")
    # the overseer sees everyone's decisions (the latest on each coding)
    assert _status_on_page(olga, iid, rows[0]["id"]) == "rejected"


def test_disagreements_side_by_side_and_resolution(blind) -> None:
    web, project, out = blind
    doc, code, rows = _unit(project)
    anna, bo, olga = _login(web, "anna"), _login(web, "bo"), _login(web, "olga")
    _decide(anna, rows, "accept")
    _decide(bo, rows, "reject")
    html = olga.get("/agreement").text
    assert "<b>machine</b>, <b>anna</b>, <b>bo</b>" in html  # the overseer is no coder
    assert "Resolve: yes" in html
    quote = rows[0]["evidence"]["quote"]
    assert quote[:25] in html.replace("&#39;", "'")
    token = _token(html)
    res = olga.post("/resolve", data={"token": token, "document": doc, "code": code,
                                      "value": "no", "note": "a plan, not practice"})  # fmt: skip
    assert res.status_code == 303
    html = olga.get("/agreement").text
    assert "by olga: a plan, not practice" in html
    # analysts cannot resolve; viewers neither
    assert anna.post("/resolve", data={"token": token, "document": doc, "code": code,
                                       "value": "yes"}).status_code == 403  # fmt: skip
    # the resolution is what the reviewed outputs show
    assert olga.post("/report", data={"token": _token(olga.get("/").text)}).status_code == 303
    kept = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    group, _, sub = code.partition(":")
    for ini in kept:
        items = ((ini.get("evidence") or {}).get(group) or {}).get(sub) or []
        assert not [e for e in items if e["document"] == doc]
    # and the agreement figures still count anna's and bo's own decisions
    data = json.loads(runner.invoke(app, ["agreement", str(out), "--json"]).stdout)
    assert data["coders"] == ["machine", "anna", "bo"]
    assert data["per_code"][code]["percent"] < 1.0


def test_blind_needs_team(analysed: Path) -> None:
    res = runner.invoke(app, ["serve", str(analysed), "--blind", "--port", "0"])
    assert res.exit_code == 2 and "--blind needs --team" in res.stderr
