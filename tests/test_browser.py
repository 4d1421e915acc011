"""The workbench in a real browser: Debian's chromium driven by Playwright.

Opens the document view, selects a passage with the mouse's selection API, codes it (a new
initiative, a method), moves a lesson from a labelled list, writes a memo, writes the
reviewed outputs and checks them. Screenshots of every page go to ``COATLAS_SCREENSHOTS``
(a folder) when set, for a person to look at. Skipped when Playwright or chromium is
missing, unless ``COATLAS_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
CHROMIUM = os.environ.get("COATLAS_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# a document with letters outside the BMP before the passage: offsets are code points
EXTRA = (
    "Peer support 🎉 in Lommarp\n\n"
    "The Peer Support Workers programme started in 2021 and is still running. "
    "Peer workers with lived experience co-designed the new discharge checklist with staff.\n"
)


def _need_browser() -> None:
    why = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        why = "playwright is not installed"
    if why is None and not Path(CHROMIUM).exists():
        why = f"{CHROMIUM} not found (apt-get install chromium)"
    if why:
        if os.environ.get("COATLAS_REQUIRE_BROWSER") == "1":
            pytest.fail(why)
        pytest.skip(why)


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    _need_browser()
    from werkzeug.serving import make_server

    from coatlas.review.project import open_project
    from coatlas.web import create_app

    root = tmp_path_factory.mktemp("browser")
    docs = root / "docs"
    shutil.copytree(EXAMPLES, docs)
    (docs / "peer_support_note.md").write_text(EXTRA, encoding="utf-8")
    out = root / "out"
    res = CliRunner().invoke(app, ["analyze", str(docs), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    project = open_project(out)
    server = make_server("127.0.0.1", 0, create_app(project, actor="anna"), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", out
    finally:
        server.shutdown()
        thread.join(timeout=10)
        project.close()


@pytest.fixture(scope="module")
def page(served) -> Iterator:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.errors = errors  # type: ignore[attr-defined]
        yield pg
        browser.close()


def _shot(pg, name: str) -> None:
    folder = os.environ.get("COATLAS_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


SELECT = """
(quote) => {
  const root = document.getElementById("doctext");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = []; let all = "";
  for (let t = walker.nextNode(); t; t = walker.nextNode()) { nodes.push([t, all.length]); all += t.data; }
  const at = all.indexOf(quote);
  if (at < 0) { return false; }
  const find = (pos) => { for (const [t, s] of nodes) { if (pos <= s + t.data.length) return [t, pos - s]; } };
  const [a, ao] = find(at), [b, bo] = find(at + quote.length);
  const r = document.createRange(); r.setStart(a, ao); r.setEnd(b, bo);
  const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(r);
  root.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
  return true;
}
"""


def _select(pg, quote: str) -> tuple[int, int]:
    # select.js listens for the selection once the page has loaded: selecting before
    # that is a race the test would sometimes lose (seen in CI)
    pg.wait_for_load_state("load")
    assert pg.evaluate(SELECT, quote), quote
    pg.wait_for_function("document.querySelector('#add-start').value !== ''")
    start = int(pg.input_value("#add-start"))
    end = int(pg.input_value("#add-end"))
    return start, end


def test_code_a_selection_move_a_lesson_write_a_memo_in_chromium(page, served) -> None:
    base, out = served
    pg = page
    pg.goto(f"{base}/documents")
    _shot(pg, "documents")
    pg.click("text=peer_support_note.md")
    pg.wait_for_selector("#doctext")
    text = pg.evaluate("document.getElementById('doctext').textContent")
    assert text.startswith("Peer support 🎉")
    _shot(pg, "document")

    # a new initiative from a selection: offsets in code points, as Python counts them
    name = "Peer Support Workers programme"
    start, end = _select(pg, name)
    assert (start, end) == (EXTRA.index(name), EXTRA.index(name) + len(name))
    assert pg.input_value("#code-start") == str(start)  # every form got the selection
    assert pg.input_value("#add-name") == name
    pg.fill("#f-add input[name=start_year]", "2021")
    pg.check("#f-add input[name=ongoing]")
    _shot(pg, "document-selected")
    pg.click("#f-add button")
    pg.wait_for_selector("#doctext")
    assert "Peer Support Workers programme" in pg.inner_text("ol.marks")

    # a method for it, chosen by label from the run's codebook
    quote = "co-designed the new discharge checklist"
    _select(pg, quote)
    iid = pg.eval_on_selector(
        "#f-code select[name=initiative]",
        "(s, n) => [...s.options].find(o => o.text === n).value",
        name,
    )
    pg.select_option("#f-code select[name=initiative]", iid)
    pg.select_option("#f-code select[name=code]", label="Co-design")
    pg.click("#f-code button")
    pg.wait_for_selector("#doctext")
    marks = pg.inner_text("ol.marks")
    assert "Co-design" in marks and "co_design" not in marks
    _shot(pg, "document-coded")

    # its page, linked from the document's list, shows the quote and links back
    pg.click(f"ol.marks a[href='/initiatives/{iid}']")
    pg.wait_for_selector("h1")
    assert name in pg.inner_text("h1")
    _shot(pg, "initiative")
    pg.click("text=✎ memo >> nth=0")
    pg.fill("details.memo[open] textarea", "Found by hand: Step 1 missed it")
    pg.click("details.memo[open] button")
    pg.wait_for_selector("ul.memos")
    assert "Found by hand" in pg.inner_text("ul.memos")

    # move a lesson by choosing its new code by label: no ids to type
    pg.goto(f"{base}/")
    first = pg.eval_on_selector("ol li[id^=L]", "li => li.id")
    select = f"li#{first} select[name=to]"
    target = pg.eval_on_selector(select, "s => s.options[1].value")
    label = pg.eval_on_selector(select, "s => s.options[1].text")
    pg.select_option(select, target)
    pg.click(f"li#{first} form:has(select[name=to]) button")
    pg.wait_for_selector(f"section#{target} li#{first}")
    _shot(pg, "hierarchy")
    pg.goto(f"{base}/initiatives")
    _shot(pg, "table2")
    assert "Co-design" in pg.inner_text("table")

    # write the reviewed outputs from the browser and read them
    pg.click("text=Write reviewed initiatives.json")
    pg.wait_for_selector("table")
    inis = json.loads((out / "initiatives.json").read_text("utf-8"))
    new = next(i for i in inis if i["id"] == iid)
    assert new["name"] == name and new["start"] == 2021 and new["ongoing"] is True
    assert new["evidence"]["name"][0]["quote"] == name
    item = new["evidence"]["methods"]["co_design"][0]
    assert item["quote"] == quote and item["source"] == "human:anna"
    assert EXTRA[item["start"] : item["end"]] == quote
    lessons = json.loads((out / "lessons.json").read_text("utf-8"))
    moved = next(x for x in lessons["lessons"] if x["id"] == first)
    assert moved["code"] == target and moved["review"]["source"] == "human:anna"
    memos = json.loads((out / "memos.json").read_text("utf-8"))
    assert memos[0]["target"] == f"initiative:{iid}" and label
    assert "Found by hand" in (out / "report.html").read_text("utf-8")
    assert pg.errors == []  # type: ignore[attr-defined]  # no script error, nothing the CSP blocked
