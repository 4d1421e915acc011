"""Team mode: accounts, login, roles and the authenticated actor of every event.

Targets of issue 10: an anonymous request to any page in team mode is a 401 or a redirect
to the login page; a viewer's write is a 403; an analyst cannot finalise.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.review.project import open_project

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
runner = CliRunner()
PASSWORDS = {"olga": "overseer-pass", "anna": "analyst-pass", "vera": "viewer-pass"}
ROLES = {"olga": "overseer", "anna": "analyst", "vera": "viewer"}


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("team") / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    for name, role in ROLES.items():
        res = runner.invoke(
            app,
            ["users", "add", str(out), name, "--role", role, "--actor", "admin"],
            input=PASSWORDS[name] + "\n",
        )
        assert res.exit_code == 0, res.output
    return out


def test_users_add_and_list(analysed: Path, tmp_path: Path) -> None:
    res = runner.invoke(app, ["users", "list", str(analysed)])
    assert res.stdout.split("\n")[:3] == ["anna\tanalyst", "olga\toverseer", "vera\tviewer"]
    with open_project(analysed) as p:
        stored = p.store.user("anna")
        assert stored["password_hash"].startswith("$argon2id$")
        assert "analyst-pass" not in stored["password_hash"]
        added = [e for e in p.store.events() if e["action"] == "user.add"]
        assert [e["target"] for e in added] == ["user:olga", "user:anna", "user:vera"]
        assert all(e["actor"] == "admin" and e["payload"] == {"role": ROLES[e["target"][5:]]}
                   for e in added)  # fmt: skip
    secret = tmp_path / "pw.txt"
    secret.write_text("from-a-file-123\n", encoding="utf-8")
    out = shutil.copytree(analysed, tmp_path / "out")
    res = runner.invoke(
        app, ["users", "add", str(out), "bo", "--role", "viewer", "--password-file", str(secret)]
    )
    assert res.exit_code == 0, res.output
    from coatlas.team import authenticate

    with open_project(out) as p:
        assert authenticate(p.store, "bo", "from-a-file-123") == {"name": "bo", "role": "viewer"}
        assert authenticate(p.store, "bo", "wrong-password") is None
        assert authenticate(p.store, "nobody", "from-a-file-123") is None


@pytest.mark.parametrize(
    ("args", "stdin", "message"),
    [
        (["anna", "--role", "analyst"], "another-pass\n", "already exists"),
        (["zoe", "--role", "boss"], "another-pass\n", "role 'boss'"),
        (["zoe", "--role", "viewer"], "short\n", "at least 8 characters"),
        (["zoe", "--role", "viewer"], "", "give it on stdin"),
        (["z o", "--role", "viewer"], "another-pass\n", "user name 'z o'"),
    ],
)
def test_users_add_refusals_are_one_line(
    analysed: Path, args: list[str], stdin: str, message: str
) -> None:
    res = runner.invoke(app, ["users", "add", str(analysed), *args], input=stdin)
    assert res.exit_code == 2
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1


def test_serve_team_needs_members(analysed: Path, tmp_path: Path) -> None:
    bare = tmp_path / "bare"
    shutil.copytree(analysed, bare)
    from sqlalchemy import text

    with open_project(bare) as p, p.store.engine.begin() as c:
        c.execute(text("DELETE FROM users"))
    res = runner.invoke(app, ["serve", str(bare), "--team", "--port", "0"])
    assert res.exit_code == 2 and "no team members yet" in res.stderr


# -- the browser app in team mode ------------------------------------------------------------


@pytest.fixture
def team(analysed: Path, tmp_path: Path):
    from coatlas.web import create_app

    out = shutil.copytree(analysed, tmp_path / "out")
    project = open_project(out)
    web = create_app(project, actor="", team=True)
    web.config["TESTING"] = True
    yield web, project
    project.close()


def _token(html: str) -> str:
    m = re.search(r'name="token" value="([^"]+)"', html)
    assert m, html[:500]
    return m.group(1)


def _login(web, name: str, password: str | None = None):
    c = web.test_client()
    page = c.get("/login")
    res = c.post(
        "/login",
        data={"token": _token(page.text), "name": name, "password": password or PASSWORDS[name]},
    )
    return c, res


PAGES = ["/", "/initiatives", "/initiatives/i01", "/documents", "/lessons.json",
         "/document?path=x"]  # fmt: skip
POSTS = ["/op", "/coding", "/initiative", "/workbench", "/memo", "/report"]


@pytest.mark.parametrize("path", PAGES)
def test_anonymous_get_redirects_to_login(team, path: str) -> None:
    web, _ = team
    res = web.test_client().get(path)
    assert res.status_code == 303 and res.headers["Location"].startswith("/login?next=")


@pytest.mark.parametrize("path", POSTS)
def test_anonymous_post_is_401(team, path: str) -> None:
    web, project = team
    before = len(project.store.events())
    res = web.test_client().post(path, data={"token": "x", "coding": "9", "action": "accept"})
    assert res.status_code == 401
    assert len(project.store.events()) == before


def test_login_wrong_password_then_right(team) -> None:
    web, _ = team
    c, res = _login(web, "anna", "not-her-password")
    assert res.status_code == 401 and "Wrong name or password" in res.text
    c, res = _login(web, "nobody", "whatever-123")
    assert res.status_code == 401
    c, res = _login(web, "anna")
    assert res.status_code == 303
    page = c.get("/initiatives")
    assert page.status_code == 200 and "<b>anna</b> (analyst)" in page.text
    # the login form itself needs its token
    fresh = web.test_client()
    assert fresh.post("/login", data={"name": "anna", "password": "x"}).status_code == 403


def _coding_id(project) -> int:
    return next(r["id"] for r in project.codings() if r["code"].startswith("methods:"))


def test_viewer_cannot_change_anything(team) -> None:
    web, project = team
    c, _ = _login(web, "vera")
    page = c.get("/initiatives/i01")
    assert page.status_code == 200 and "You are a viewer" in page.text
    token = _token(page.text)
    before = len(project.store.events())
    cid = str(_coding_id(project))
    for path, form in [
        ("/coding", {"coding": cid, "action": "accept", "initiative": "i01"}),
        ("/initiative", {"op": "reject", "initiative": "i01"}),
        ("/memo", {"target": "i01", "text": "hm"}),
        ("/op", {"op": "reject", "item": "L001"}),
        ("/report", {}),
    ]:
        res = c.post(path, data={"token": token, **form})
        assert res.status_code == 403, path
    assert len(project.store.events()) == before


def test_analyst_codes_as_herself_but_cannot_finalise(team) -> None:
    web, project = team
    c, _ = _login(web, "anna")
    page = c.get("/initiatives/i01")
    assert "Write reviewed" not in c.get("/").text  # the overseer's button
    token = _token(page.text)
    cid = _coding_id(project)
    res = c.post(
        "/coding",
        data={"token": token, "coding": str(cid), "action": "accept", "initiative": "i01"},
    )
    assert res.status_code == 303
    last = project.store.events(target=f"coding:{cid}")[-1]
    assert last["actor"] == "anna" and last["payload"]["to"] == "accepted"
    assert c.post("/report", data={"token": token}).status_code == 403
    # another session's token is refused
    other, _ = _login(web, "olga")
    other_token = _token(other.get("/").text)
    res = c.post("/memo", data={"token": other_token, "target": "i01", "text": "x"})
    assert res.status_code == 403


def test_overseer_finalises(team) -> None:
    web, project = team
    c, _ = _login(web, "olga")
    page = c.get("/")
    assert "Write reviewed" in page.text
    res = c.post("/report", data={"token": _token(page.text)})
    assert res.status_code == 303
    res = c.post("/logout", data={"token": _token(c.get("/").text)})
    assert res.status_code == 303
    assert c.get("/").status_code == 303  # logged out


def test_stale_page_is_refused_with_409(team) -> None:
    web, project = team
    anna, _ = _login(web, "anna")
    olga, _ = _login(web, "olga")
    page_a = anna.get("/initiatives/i01").text
    page_o = olga.get("/initiatives/i01").text  # both drawn before either decides
    cid = str(_coding_id(project))
    seen = re.search(r'name="seen" value="(\d+)"', page_o).group(1)
    form = {"coding": cid, "initiative": "i01", "seen": seen}
    res = anna.post("/coding", data={"token": _token(page_a), "action": "accept", **form})
    assert res.status_code == 303
    res = olga.post("/coding", data={"token": _token(page_o), "action": "reject", **form})
    assert res.status_code == 409
    assert "changed by anna since your page was loaded" in res.text
    assert project.store.events(target=f"coding:{cid}")[-1]["actor"] == "anna"
    # reloaded, the overseer may overrule
    fresh = olga.get("/initiatives/i01").text
    seen = re.search(r'name="seen" value="(\d+)"', fresh).group(1)
    res = olga.post("/coding", data={"token": _token(fresh), "action": "reject", **form,
                                     "seen": seen})  # fmt: skip
    assert res.status_code == 303
    # the same for a node of the hierarchy
    page_a, page_o = anna.get("/").text, olga.get("/").text
    seen = re.search(r'name="seen" value="(\d+)"', page_o).group(1)
    op = {"op": "rename", "node": "K01", "seen": seen}
    assert anna.post("/op", data={"token": _token(page_a), **op, "label": "A"}).status_code == 303
    res = olga.post("/op", data={"token": _token(page_o), **op, "label": "O"})
    assert res.status_code == 409 and "node K01: changed by anna" in res.text


def test_agreement_page_lists_figures_and_disagreements(team) -> None:
    web, project = team
    anna, _ = _login(web, "anna")
    assert "Nobody has decided anything yet" in anna.get("/agreement").text
    page = anna.get("/initiatives/i01").text
    rows = [r for r in project.codings() if r["code"].startswith("methods:")]
    unit = (rows[0]["code"], rows[0]["evidence"]["document"])
    # rejecting every quote of a code in a document is a "no" to that unit
    for r in rows:
        if (r["code"], r["evidence"]["document"]) == unit:
            ini = r["target"].split(":", 1)[1]
            res = anna.post(
                "/coding",
                data={"token": _token(page), "coding": str(r["id"]), "action": "reject",
                      "initiative": ini},
            )  # fmt: skip
            assert res.status_code == 303
    html = anna.get("/agreement").text
    assert "Krippendorff α" in html and "<b>machine</b>, <b>anna</b>" in html
    assert "Disagreements (" in html and "rejected:" in html
    assert rows[0]["evidence"]["quote"][:30] in html.replace("&#39;", "'")
    vera, _ = _login(web, "vera")
    assert vera.get("/agreement").status_code == 200  # reading is every role's
    assert web.test_client().get("/agreement").status_code == 303  # not anonymous
