"""Team mode in a real browser (Debian's chromium via Playwright): login, roles, logout.

An anonymous visit lands on the login page; an analyst logs in and accepts a quote, which
the log records under her name; a viewer sees the pages, and her click on Accept is a 403
that records nothing; the overseer writes the reviewed outputs. Screenshots go to
``COATLAS_SCREENSHOTS`` when set. Skipped without Playwright or chromium unless
``COATLAS_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from coatlas.cli import app
from test_browser import ARGS, CHROMIUM, EXAMPLES, _need_browser, _shot

PASSWORDS = {"olga": "overseer-pass", "anna": "analyst-pass", "vera": "viewer-pass",
             "bo": "analyst-two"}  # fmt: skip
ROLES = {"olga": "overseer", "anna": "analyst", "vera": "viewer", "bo": "analyst"}


def _serve(tmp_path_factory, blind: bool) -> Iterator[tuple[str, object]]:
    _need_browser()
    from werkzeug.serving import make_server

    from coatlas.review.project import open_project
    from coatlas.web import create_app

    root = tmp_path_factory.mktemp("browser_team")
    docs = root / "docs"
    shutil.copytree(EXAMPLES, docs)
    out = root / "out"
    runner = CliRunner()
    res = runner.invoke(app, ["analyze", str(docs), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    for name, role in ROLES.items():
        res = runner.invoke(
            app, ["users", "add", str(out), name, "--role", role], input=PASSWORDS[name] + "\n"
        )
        assert res.exit_code == 0, res.output
    project = open_project(out)
    server = make_server(
        "127.0.0.1", 0, create_app(project, actor="", team=True, blind=blind), threaded=True
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", project
    finally:
        server.shutdown()
        thread.join(timeout=10)
        project.close()


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, object]]:
    yield from _serve(tmp_path_factory, blind=False)


@pytest.fixture(scope="module")
def served_blind(tmp_path_factory) -> Iterator[tuple[str, object]]:
    yield from _serve(tmp_path_factory, blind=True)


@pytest.fixture(scope="module")
def browser(served) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _login(browser, base: str, name: str):
    ctx = browser.new_context(viewport={"width": 1300, "height": 850})
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.goto(f"{base}/initiatives/i01")
    assert "/login" in pg.url  # anonymous: the login page, nothing else
    pg.fill("input[name=name]", name)
    pg.fill("input[name=password]", PASSWORDS[name])
    pg.click("button[type=submit]")
    assert pg.url.endswith("/initiatives/i01"), pg.url  # back where they were going
    return ctx, pg, errors


def test_login_roles_and_logout_in_chromium(browser, served) -> None:
    base, project = served
    ctx = browser.new_context(viewport={"width": 1300, "height": 850})
    pg = ctx.new_page()
    pg.goto(f"{base}/")
    assert "/login" in pg.url
    _shot(pg, "team_login")
    pg.fill("input[name=name]", "anna")
    pg.fill("input[name=password]", "not-her-password")
    pg.click("button[type=submit]")
    assert "Wrong name or password" in pg.content()
    ctx.close()

    # the analyst accepts a quote: the event is hers
    ctx, pg, errors = _login(browser, base, "anna")
    assert "(analyst)" in pg.inner_text("header")
    first = pg.locator("form[action='/coding'] input[name=action][value=accept]").first
    cid = first.locator("xpath=..").locator("input[name=coding]").get_attribute("value")
    first.locator("xpath=..").locator("button").click()
    pg.wait_for_load_state()
    assert project.store.events(target=f"coding:{cid}")[-1]["actor"] == "anna"
    assert pg.locator("text=Write reviewed").count() == 0  # finalising is the overseer's
    _shot(pg, "team_analyst")
    pg.click("header button:has-text('Log out')")
    assert "/login" in pg.url
    assert errors == []
    ctx.close()

    # the viewer reads; her click changes nothing
    ctx, pg, _ = _login(browser, base, "vera")
    assert "You are a viewer" in pg.content()
    _shot(pg, "team_viewer")
    before = len(project.store.events())
    resp = None
    with pg.expect_response(lambda r: r.url.endswith("/coding")) as info:
        pg.locator("form[action='/coding'] button").first.click()
    resp = info.value
    assert resp.status == 403
    assert len(project.store.events()) == before
    ctx.close()

    # the overseer finalises
    ctx, pg, _ = _login(browser, base, "olga")
    pg.goto(f"{base}/")
    pg.click("text=Write reviewed lessons.json")
    assert "Reviewed outputs written" in pg.content()
    _shot(pg, "team_overseer")
    ctx.close()


def _status(pg, cid: str) -> str:
    return pg.locator(f"#c{cid} .src b").first.inner_text()


def test_blind_double_coding_and_resolution_in_chromium(browser, served_blind) -> None:
    base, project = served_blind
    rows = [r for r in project.codings() if r["code"].startswith("methods:")]
    doc, code = rows[0]["evidence"]["document"], rows[0]["code"]
    unit = [r for r in rows if (r["evidence"]["document"], r["code"]) == (doc, code)]

    assert all(r["target"] == unit[0]["target"] for r in unit)

    def decide(name: str, action: str) -> None:
        ctx, pg, errors = _login(browser, base, name)
        assert "Blind double coding" in pg.content()
        for r in unit:
            assert _status(pg, str(r["id"])) == "proposed"  # the colleague's is hidden
            pg.locator(f"#c{r['id']} form[action='/coding']:has(input[value={action}]) button")\
                .click()  # fmt: skip
            pg.wait_for_load_state()
            assert _status(pg, str(r["id"])) == f"{action}ed"
        assert errors == []
        ctx.close()

    decide("anna", "accept")
    decide("bo", "reject")
    ctx, pg, errors = _login(browser, base, "olga")
    pg.goto(f"{base}/agreement")
    assert "Disagreements (" in pg.content()
    row = pg.locator("table.disagree tr", has=pg.locator(f"form input[name=code][value='{code}']"))
    row = row.filter(has_text=doc).first
    assert "yes" in row.locator("td").nth(2).inner_text()  # anna
    assert "no" in row.locator("td").nth(3).inner_text()  # bo
    _shot(pg, "team_agreement")
    row.locator("input[name=note]").fill("a plan, not practice")
    row.locator("button:has-text('Resolve: no')").click()
    pg.wait_for_load_state()
    assert "by olga: a plan, not practice" in pg.content()
    for r in unit:  # the resolution is the latest decision on every quote of the unit
        last = project.store.events(target=f"coding:{r['id']}")[-1]
        assert (last["actor"], last["payload"]["to"]) == ("olga", "rejected")
    assert errors == []
    ctx.close()
