"""Review of Steps 1–2: coding and initiative decisions applied to initiatives.json.

Core (pure function), store events (SQLite and PostgreSQL), the CLI verbs and the browser
pages, and the end-to-end promise: no decisions, the same bytes as analyze wrote.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from markupsafe import escape
from typer.testing import CliRunner

from coatlas.cli import app
from coatlas.evidence import codings_from_initiatives, evidence_keys, evidence_slots
from coatlas.jsonio import dumps
from coatlas.review import ReviewError
from coatlas.review.initiatives import (
    CodingReview,
    apply_review,
    check_coding_decision,
    replay_initiative_ops,
    unmatched,
)
from coatlas.review.log import initiative_ops, review_initiatives
from coatlas.store import Store
from test_interop import TEXT_A, _sample

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"
runner = CliRunner()


def _inis() -> list[dict]:
    second = copy.deepcopy(_sample()["initiatives"][0])
    second["id"], second["name"] = "i02", "Andra rådet"
    return [_sample()["initiatives"][0], second]


def _index(inis: list[dict], iid: str, code: str) -> int:
    for i, c in enumerate(codings_from_initiatives(inis)):
        if c.target == f"initiative:{iid}" and c.code == code:
            return i
    raise AssertionError(code)


def _rv(inis, iid, proposed, status, actor="anna", **kw) -> CodingReview:
    i = _index(inis, iid, proposed)
    ev = codings_from_initiatives(inis)[i].evidence
    base = {"code": proposed, "start": ev.start, "end": ev.end, "quote": ev.quote}
    return CodingReview(key=evidence_keys(inis)[i], status=status, actor=actor, **(base | kw))


# -- core ----------------------------------------------------------------------------------


def test_no_decisions_is_the_proposal_itself() -> None:
    inis = _inis()
    kept, rejected = apply_review(inis)
    assert dumps(kept) == dumps(inis) and rejected == []
    # a decision taken back (status proposed, nothing changed) is no decision either
    kept, _ = apply_review(inis, [_rv(inis, "i01", "methods:co_design", "proposed")])
    assert dumps(kept) == dumps(inis)


def test_slots_are_the_stored_coding_order() -> None:
    inis = _inis()
    slots = [f"{k}:{c}" if c else k for _, k, c, _ in evidence_slots(inis)]
    assert slots == [c.code for c in codings_from_initiatives(inis)]


def test_rejecting_the_only_evidence_removes_the_value() -> None:
    inis = _inis()
    before = copy.deepcopy(inis)
    kept, _ = apply_review(inis, [_rv(inis, "i01", "methods:co_design", "rejected", note="no")])
    assert inis == before  # the input is not changed
    i01 = kept[0]
    assert i01["methods"] == [] and "co_design" not in i01["evidence"]["methods"]
    assert i01["review"] == {"removed": {"methods": ["co_design"]}}
    assert kept[1] == inis[1]  # the other initiative is untouched, same object content


def test_rejected_year_evidence_makes_the_year_unknown_and_says_so() -> None:
    inis = _inis()
    kept, _ = apply_review(inis, [_rv(inis, "i02", "start", "rejected")])
    assert kept[1]["start"] is None and kept[1]["evidence"]["start"] == []
    assert kept[1]["review"] == {"proposed_years": {"start": 2019}}


def test_accept_marks_the_evidence() -> None:
    inis = _inis()
    kept, _ = apply_review(inis, [_rv(inis, "i01", "name", "accepted", actor="björn")])
    assert kept[0]["evidence"]["name"][0]["review"] == {"status": "accepted", "by": "human:björn"}
    assert "review" not in kept[0]  # nothing about the initiative itself changed


def test_an_edited_code_moves_the_evidence_to_the_other_value() -> None:
    inis = _inis()
    kept, _ = apply_review(inis, [_rv(inis, "i01", "levels:micro", "edited", code="levels:meso")])
    i01 = kept[0]
    assert i01["levels"] == ["meso"]
    assert list(i01["evidence"]["levels"]) == ["meso"]
    item = i01["evidence"]["levels"]["meso"][0]
    assert item["quote"] == "väntrummet"
    assert item["review"] == {
        "status": "edited",
        "by": "human:anna",
        "proposed": {"code": "levels:micro"},
    }
    assert i01["review"] == {"removed": {"levels": ["micro"]}, "added": {"levels": ["meso"]}}


def test_an_edited_span_replaces_quote_and_offsets() -> None:
    inis = _inis()
    pos = TEXT_A.index("startade 2019")
    rv = _rv(inis, "i01", "start", "edited", start=pos, end=pos + 13, quote="startade 2019")
    kept, _ = apply_review(inis, [rv])
    item = kept[0]["evidence"]["start"][0]
    assert (item["start"], item["end"], item["quote"]) == (pos, pos + 13, "startade 2019")
    assert item["review"]["proposed"]["quote"] == "2019"
    assert kept[0]["start"] == 2019  # the year stays: its evidence was corrected, not rejected


def test_keep_rejected_keeps_marked_evidence_for_exporters() -> None:
    inis = _inis()
    rv = _rv(inis, "i01", "levels:micro", "rejected", note="x")
    kept, _ = apply_review(inis, [rv], keep_rejected=True)
    item = kept[0]["evidence"]["levels"]["micro"][0]
    assert item["review"] == {"status": "rejected", "by": "human:anna", "note": "x"}
    assert kept[0]["levels"] == []  # still not a level of the initiative


def test_initiative_ops_reject_rename_restore() -> None:
    inis = _inis()
    ops = [
        ("anna", {"op": "rename", "initiative": "i01", "name": "Unga rådet"}),
        ("bo", {"op": "reject", "initiative": "i02", "note": "a duplicate"}),
    ]
    kept, rejected = apply_review(inis, (), ops)
    assert [i["id"] for i in kept] == ["i01"] and kept[0]["name"] == "Unga rådet"
    assert kept[0]["review"] == {"proposed_name": "Ungdomsrådet", "by": "human:anna"}
    assert [i["id"] for i in rejected] == ["i02"]
    assert rejected[0]["review"] == {"rejected": True, "by": "human:bo", "note": "a duplicate"}
    ops.append(("anna", {"op": "restore", "initiative": "i02"}))
    kept, rejected = apply_review(inis, (), ops)
    assert [i["id"] for i in kept] == ["i01", "i02"] and rejected == []
    assert dumps(apply_review(inis, (), ops)) == dumps(apply_review(inis, (), ops))


@pytest.mark.parametrize(
    "ops,message",
    [
        ([{"op": "reject", "initiative": "i09"}], "reject i09: no such initiative"),
        ([{"op": "restore", "initiative": "i01"}], "restore i01: it was not rejected"),
        ([{"op": "reject", "initiative": "i01"}] * 2, "reject i01: already rejected"),
        ([{"op": "rename", "initiative": "i01", "name": "Ungdomsrådet"}], "already called"),
        ([{"op": "rename", "initiative": "i01", "name": "  "}], "name must be a non-empty"),
        ([{"op": "drop", "initiative": "i01"}], "'drop': unknown initiative op"),
        ([{"op": "reject", "initiative": "i01", "why": "x"}], "unknown field 'why'"),
    ],
)
def test_initiative_ops_refused(ops, message) -> None:
    with pytest.raises(ReviewError, match=message):
        replay_initiative_ops(_inis(), [("anna", op) for op in ops])


@pytest.mark.parametrize(
    "coding,code,message",
    [
        ({"code": "start"}, "end", "start evidence has no code to change"),
        ({"code": "levels:micro"}, "methods:co_design", "can only become another levels code"),
        ({"code": "levels:micro", "run_id": 2}, None, "not a Step 1–2 coding of run 1"),
        ({"code": "x", "target": "lesson:L1"}, None, "not a Step 1–2 coding"),
    ],
)
def test_coding_decisions_refused(coding, code, message) -> None:
    row = {"id": 7, "run_id": 1, "target": "initiative:i01"} | coding
    with pytest.raises(ReviewError, match=message):
        check_coding_decision(row, 1, code=code)
    check_coding_decision({**row, "code": "levels:micro", "run_id": 1,
                           "target": "initiative:i01"}, 1, code="meso")  # fmt: skip


# -- store ---------------------------------------------------------------------------------


def _seed(store: Store) -> int:
    from coatlas.document import Document
    from test_interop import _sha

    run = store.start_run({}, {}, "d")
    store.add_document(Document("a.txt", _sha(TEXT_A), "txt", TEXT_A), run_id=run)
    store.add_initiatives(run, _inis())
    cb = store.add_codebook("cb", "1", {"x": 1}, codes=[{"id": "levels:micro"},
                                                       {"id": "levels:meso"}])  # fmt: skip
    store.add_codings(run, codings_from_initiatives(_inis()), codebook_id=cb)
    store.finish_run(run, "succeeded")
    return run


def test_initiative_ops_are_events_replayed_in_order(store: Store) -> None:
    run = _seed(store)
    done = review_initiatives(
        store, run, [{"op": "reject", "initiative": " i02 ", "note": "dup"}], "anna"
    )
    assert done == [{"op": "reject", "initiative": "i02", "note": "dup"}]
    review_initiatives(store, run, [{"op": "rename", "initiative": "i01", "name": "Nytt"}], "bo")
    assert initiative_ops(store, run) == [
        ("anna", {"op": "reject", "initiative": "i02", "note": "dup"}),
        ("bo", {"op": "rename", "initiative": "i01", "name": "Nytt"}),
    ]
    events = [e for e in store.events(f"run:{run}") if e["action"] == "initiative.review"]
    assert [e["actor"] for e in events] == ["anna", "bo"]
    n = store.count("events")
    with pytest.raises(ReviewError, match="op 3 of 3: reject i02: already rejected"):
        review_initiatives(store,
            run,
            [{"op": "restore", "initiative": "i02"}, {"op": "reject", "initiative": "i02"},
             {"op": "reject", "initiative": "i02"}],
            "anna",
        )  # fmt: skip
    assert store.count("events") == n  # all or none
    assert store.initiatives(run) == _inis()  # the proposal is never edited


def test_coding_decisions_from_the_store_apply(store: Store) -> None:
    from coatlas.review.initiatives import coding_reviews

    run = _seed(store)
    rows = store.codings(run_id=run)
    micro = next(r["id"] for r in rows if r["code"] == "levels:micro")
    with pytest.raises(Exception, match="'levels:nowhere' is not a code of its codebook"):
        store.edit_coding(micro, "anna", code="levels:nowhere")
    store.edit_coding(micro, "anna", code="levels:meso", note="waiting room = unit")
    reviews = coding_reviews(store, run, store.initiatives(run))
    assert [(r.key, r.status, r.actor, r.code, r.note) for r in reviews] == [
        (evidence_keys(_inis())[_index(_inis(), "i01", "levels:micro")], "edited", "anna",
         "levels:meso", "waiting room = unit"),
    ]  # fmt: skip
    kept, _ = apply_review(store.initiatives(run), reviews)
    assert kept[0]["levels"] == ["meso"] and kept[1]["levels"] == ["micro"]
    # matched by what it codes, not by position: the other initiative first, same result
    swapped, _ = apply_review(store.initiatives(run)[::-1], reviews)
    assert swapped[1]["levels"] == ["meso"] and swapped[0]["levels"] == ["micro"]
    # and a decision whose coding is not there is reported, never silently dropped
    assert unmatched(_inis()[1:], reviews) == reviews
    assert unmatched(_inis(), reviews) == []


# -- CLI and browser on a real output folder -------------------------------------------------


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("analysed") / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    return out


@pytest.fixture
def out(analysed: Path, tmp_path: Path) -> Path:
    dst = tmp_path / "out"
    shutil.copytree(analysed, dst)
    return dst


def review(*args: str, actor: str = "anna"):
    return runner.invoke(app, ["review", *args], env={"COATLAS_ACTOR": actor})


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.suffix != ".sqlite"}


def _method_cells(out: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO((out / "table2.csv").read_text(encoding="utf-8-sig")))
    return {r["id"]: r["Methods"] for r in rows}


def _a_method_coding(out: Path) -> tuple[str, str, list[str]]:
    """(initiative, code, coding ids) of a method that has evidence in the run."""
    rows = json.loads(review("codings", str(out), "--json").stdout)
    by: dict[tuple[str, str], list[str]] = {}
    for r in rows:
        if r["code"].startswith("methods:"):
            by.setdefault((r["target"].split(":")[1], r["code"]), []).append(str(r["id"]))
    (iid, code), ids = sorted(by.items())[0]
    return iid, code, ids


def test_report_without_decisions_is_byte_identical(out: Path) -> None:
    before = _files(out)
    assert review("report", str(out)).exit_code == 0
    assert _files(out) == before


def test_cli_reject_accept_edit_and_initiative_verbs(out: Path) -> None:
    iid, code, ids = _a_method_coding(out)
    listing = review("codings", str(out), "--initiative", iid).stdout
    assert all(line.split("\t")[1] == iid for line in listing.splitlines())
    assert f"{ids[0]}\t{iid}\t{code}\tproposed" in listing
    proposed = {i["id"]: i for i in json.loads((out / "initiatives.json").read_text())}
    assert code.split(":")[1] in proposed[iid]["methods"]
    label_before = _method_cells(out)[iid]
    assert label_before
    res = review("reject", str(out), *ids, "--note", "not this method")
    assert res.exit_code == 0, res.output
    assert review("report", str(out)).exit_code == 0
    inis = {i["id"]: i for i in json.loads((out / "initiatives.json").read_text())}
    assert code.split(":")[1] not in inis[iid]["methods"]
    assert inis[iid]["review"]["removed"]["methods"] == [code.split(":")[1]]
    assert _method_cells(out)[iid] != label_before

    assert review("accept", str(out), ids[0]).exit_code == 0  # undoes the rejection
    other = next(i for i in inis.values() if i["id"] != iid)["id"]
    assert review("rename-initiative", str(out), iid, "A better name").exit_code == 0
    assert (
        review("reject-initiative", str(out), other, "--note", "not co-production").exit_code == 0
    )
    assert review("report", str(out)).exit_code == 0
    inis = {i["id"]: i for i in json.loads((out / "initiatives.json").read_text())}
    assert code.split(":")[1] in inis[iid]["methods"] and inis[iid]["name"] == "A better name"
    assert other not in inis
    rejected = json.loads((out / "rejected_initiatives.json").read_text())
    assert [i["id"] for i in rejected] == [other]
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "Rejected by reviewer" in html and "not co-production" in html
    assert "A better name" in (out / "table2.md").read_text(encoding="utf-8")

    assert review("restore-initiative", str(out), other).exit_code == 0
    assert review("report", str(out)).exit_code == 0
    assert not (out / "rejected_initiatives.json").exists()
    log = review("log", str(out)).stdout
    assert "coding.status" in log and "reject: initiative=" in log and "restore:" in log


@pytest.mark.parametrize(
    "args,message",
    [
        (["accept", "{out}", "999999"], "coding 999999: not a coding of run"),
        (["reject", "{out}", "1", "L001"], "give lesson ids or coding ids, not both"),
        (["edit", "{out}", "1"], "coding 1: nothing to edit"),
        (["reject-initiative", "{out}", "i99"], "reject i99: no such initiative"),
    ],
)
def test_cli_refusals_are_one_line_exit_2(out: Path, args, message) -> None:
    n = len(review("log", str(out)).stdout.splitlines())
    res = review(*[a.format(out=out) for a in args])
    assert res.exit_code == 2 and message in res.stderr
    assert len([ln for ln in res.stderr.splitlines() if ln.strip()]) == 1
    assert len(review("log", str(out)).stdout.splitlines()) == n


def test_edit_a_level_code_from_the_cli(out: Path) -> None:
    rows = json.loads(review("codings", str(out), "--json").stdout)
    lv = next(r for r in rows if r["code"].startswith("levels:"))
    other = "micro" if lv["code"] != "levels:micro" else "macro"
    res = review("edit", str(out), str(lv["id"]), "--code", other)
    assert res.exit_code == 0, res.output
    res = review("edit", str(out), str(lv["id"]), "--code", "methods:co_design")
    assert res.exit_code == 2 and "can only become another levels code" in res.stderr


@pytest.fixture
def client(out: Path):
    pytest.importorskip("flask")
    from coatlas.review.project import open_project
    from coatlas.web import create_app

    project = open_project(out)
    web = create_app(project, actor="anna", token="t0ken")
    web.testing = True
    with web.test_client() as c:
        yield c, project
    project.close()


def test_web_index_and_initiative_page_show_the_quotes(client) -> None:
    c, project = client
    res = c.get("/initiatives")
    assert res.status_code == 200
    kept, _ = project.reviewed_initiatives()
    html = res.get_data(as_text=True)
    for i in kept:
        assert f'href="/initiatives/{i["id"]}"' in html
    page = c.get(f"/initiatives/{kept[0]['id']}").get_data(as_text=True)
    for r in project.codings(kept[0]["id"]):
        assert f'id="c{r["id"]}"' in page
        assert str(escape(r["evidence"]["quote"])) in page
    assert c.get("/initiatives/i999").status_code == 404


def test_web_reject_removes_the_method_from_table2(client, out: Path) -> None:
    c, project = client
    iid, code, ids = _a_method_coding(out)
    before = _method_cells(out)[iid]
    for cid in ids:
        res = c.post("/coding", data={"token": "t0ken", "coding": cid, "action": "reject",
                                      "initiative": iid, "note": "no"})  # fmt: skip
        assert res.status_code == 303 and res.headers["Location"].endswith(f"#c{cid}")
    assert c.post("/report", data={"token": "t0ken", "back": "initiatives"}).status_code == 303
    assert _method_cells(out)[iid] != before
    kept, _ = project.reviewed_initiatives()
    assert code.split(":")[1] not in next(i for i in kept if i["id"] == iid)["methods"]


def test_web_bad_input_and_bad_token(client) -> None:
    c, project = client
    n = len(project.initiative_log())
    assert c.post("/coding", data={"coding": "1", "action": "reject"}).status_code == 403
    res = c.post(
        "/coding",
        data={"token": "t0ken", "coding": "1", "action": "reject"},
        headers={"Origin": "http://evil.example"},
    )
    assert res.status_code == 403
    res = c.post("/coding", data={"token": "t0ken", "coding": "x", "action": "reject"})
    assert res.status_code == 400 and "coding &#39;x&#39;: not a coding id" in res.get_data(
        as_text=True
    )
    res = c.post("/coding", data={"token": "t0ken", "coding": "1", "action": "burn"})
    assert res.status_code == 400 and "unknown action" in res.get_data(as_text=True)
    res = c.post("/initiative", data={"token": "t0ken", "op": "reject", "initiative": "i99"})
    assert res.status_code == 400 and "reject i99: no such initiative" in res.get_data(as_text=True)
    assert len(project.initiative_log()) == n


def test_web_initiative_rename_and_reject(client) -> None:
    c, project = client
    kept, _ = project.reviewed_initiatives()
    iid = kept[0]["id"]
    data = {"token": "t0ken", "initiative": iid}
    assert c.post("/initiative", data=data | {"op": "rename", "name": "X y"}).status_code == 303
    assert c.post("/initiative", data=data | {"op": "reject", "note": "n"}).status_code == 303
    kept, rejected = project.reviewed_initiatives()
    assert [i["name"] for i in rejected] == ["X y"]
    assert "Rejected by reviewer" in c.get("/initiatives").get_data(as_text=True)


def test_export_after_review_report_applies_the_decisions_once(out: Path) -> None:
    from coatlas.interop import load_results, write_qdpx

    iid, _, ids = _a_method_coding(out)
    proposal = json.loads((out / "initiatives.json").read_text(encoding="utf-8"))
    assert review("reject", str(out), *ids).exit_code == 0
    other = next(i["id"] for i in proposal if i["id"] != iid)
    assert review("reject-initiative", str(out), other).exit_code == 0
    assert review("report", str(out)).exit_code == 0
    r = load_results(out)
    assert r.initiatives == proposal  # the store's proposal is the base, not the reviewed file
    summary = write_qdpx(out)
    assert summary.skipped["rejected codings"] == len(ids)
    assert summary.skipped["rejected initiatives"] == 1
    assert write_qdpx(out, out / "all.qdpx", include_rejected=True).skipped == {}
