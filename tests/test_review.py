"""Review ops on a lessons.json dict: each op, each refusal, the invariants, determinism."""

from __future__ import annotations

import copy
import json

import pytest

from coatlas.jsonio import dumps
from coatlas.review import Review, ReviewError, apply_ops, normalize, rejected_lessons, replay

TEXT = "We learned to listen early. Involve carers from the start. Pay people for their time."


def _lesson(i: int, code: str, cat: str, clu: str, concepts: list[str]) -> dict:
    return {
        "id": f"L{i:03d}",
        "document": f"doc{i % 2}.txt",
        "start": i * 10,
        "end": i * 10 + 9,
        "text": f"lesson text {i}",
        "language": "en",
        "key_concepts": concepts,
        "code": code,
        "category": cat,
        "cluster": clu,
        "confidence": 0.7,
        "source": "rule:lessons.cues",
    }


def make_doc() -> dict:
    lessons = [
        _lesson(1, "K01", "G01", "C01", ["listen", "early"]),
        _lesson(2, "K01", "G01", "C01", ["listen", "trust"]),
        _lesson(3, "K02", "G01", "C01", ["carers", "start"]),
        _lesson(4, "K03", "G02", "C01", ["payment", "time"]),
        _lesson(5, "K04", "G03", "C02", ["payment", "budget"]),
        _lesson(6, "K04", "G03", "C02", ["budget", "time"]),
    ]
    hierarchy = [
        {
            "id": "C01",
            "label": "Listening",
            "categories": [
                {
                    "id": "G01",
                    "label": "Early listening",
                    "codes": [
                        {
                            "id": "K01",
                            "label": "listen",
                            "key_concepts": ["listen", "early"],
                            "lessons": ["L001", "L002"],
                        },
                        {
                            "id": "K02",
                            "label": "carers",
                            "key_concepts": ["carers", "start"],
                            "lessons": ["L003"],
                        },
                    ],
                },
                {
                    "id": "G02",
                    "label": "Paying",
                    "codes": [
                        {
                            "id": "K03",
                            "label": "payment",
                            "key_concepts": ["payment", "time"],
                            "lessons": ["L004"],
                        }
                    ],
                },
            ],
        },
        {
            "id": "C02",
            "label": "Resources",
            "categories": [
                {
                    "id": "G03",
                    "label": "Budget",
                    "codes": [
                        {
                            "id": "K04",
                            "label": "budget",
                            "key_concepts": ["budget", "payment"],
                            "lessons": ["L005", "L006"],
                        }
                    ],
                }
            ],
        },
    ]
    return {"lessons": lessons, "hierarchy": hierarchy, "sampling": []}


def nodes(doc: dict) -> dict[str, dict]:
    out = {}
    for c in doc["hierarchy"]:
        out[c["id"]] = c
        for g in c["categories"]:
            out[g["id"]] = g
            for k in g["codes"]:
                out[k["id"]] = k
    return out


def parent_of(doc: dict, nid: str) -> str | None:
    for c in doc["hierarchy"]:
        for g in c["categories"]:
            if g["id"] == nid:
                return c["id"]
            for k in g["codes"]:
                if k["id"] == nid:
                    return g["id"]
                if nid in k["lessons"]:
                    return k["id"]
    return None


def check_invariants(doc: dict) -> None:
    """Every lesson in exactly one code, fields agree with the tree, no empty proposed node."""
    seen: dict[str, str] = {}
    by_id = {x["id"]: x for x in doc["lessons"]}
    for c in doc["hierarchy"]:
        assert c["categories"] or c.get("proposed_label", "") is None, c["id"]
        for g in c["categories"]:
            assert g["codes"] or g.get("proposed_label", "") is None, g["id"]
            for k in g["codes"]:
                assert k["lessons"] or k.get("proposed_label", "") is None, k["id"]
                if k["lessons"]:
                    assert len(k["key_concepts"]) >= 2, k
                for lid in k["lessons"]:
                    assert lid not in seen, lid
                    seen[lid] = k["id"]
                    les = by_id[lid]
                    assert (les["code"], les["category"], les["cluster"]) == (
                        k["id"],
                        g["id"],
                        c["id"],
                    )
    assert set(seen) == set(by_id)
    ids = list(nodes(doc))
    assert len(ids) == len(set(ids))


def test_no_ops_give_the_proposal_back_unchanged():
    doc = make_doc()
    assert replay(doc, []) == doc
    assert dumps(replay(doc, [])) == dumps(doc)


def test_rename_keeps_the_proposed_label_and_says_who():
    doc = make_doc()
    out = apply_ops(doc, [{"op": "rename", "node": "G01", "label": "  Listen   first "}], "anna")
    g = nodes(out)["G01"]
    assert g["label"] == "Listen first"
    assert g["proposed_label"] == "Early listening"
    assert g["source"] == "human:anna"
    again = apply_ops(out, [{"op": "rename", "node": "G01", "label": "Listen"}], "bo")
    assert nodes(again)["G01"]["proposed_label"] == "Early listening"
    assert nodes(again)["G01"]["source"] == "human:bo"
    assert doc == make_doc()  # the input is never changed
    assert "source" not in nodes(out)["G02"]  # untouched nodes stay as proposed
    assert out["review"] == {"ops": 1, "removed": []}


def test_merge_codes_moves_lessons_and_removes_the_merged_one():
    out = apply_ops(make_doc(), [{"op": "merge", "node": "K02", "into": "K01"}], "anna")
    n = nodes(out)
    assert "K02" not in n
    assert n["K01"]["lessons"] == ["L001", "L002", "L003"]
    assert n["K01"]["merged"] == [{"id": "K02", "label": "carers"}]
    assert n["K01"]["source"] == "human:anna"
    assert "carers" in n["K01"]["key_concepts"] and n["K01"]["key_concepts"][0] == "listen"
    assert out["lessons"][2]["code"] == "K01"
    assert out["review"]["removed"] == [
        {
            "id": "K02",
            "level": "code",
            "label": "carers",
            "merged_into": "K01",
            "source": "human:anna",
        }
    ]
    check_invariants(out)


def test_merge_empties_parents_upward():
    # G03 is C02's only category: merging it into G01 empties C02, which goes too
    out = apply_ops(make_doc(), [{"op": "merge", "node": "G03", "into": "G01"}], "anna")
    n = nodes(out)
    assert "G03" not in n and "C02" not in n
    assert [k["id"] for k in n["G01"]["codes"]] == ["K01", "K02", "K04"]
    assert out["lessons"][4]["cluster"] == "C01" and out["lessons"][4]["category"] == "G01"
    removed = out["review"]["removed"]
    assert [(r["id"], r.get("merged_into"), r.get("reason")) for r in removed] == [
        ("G03", "G01", None),
        ("C02", None, "emptied"),
    ]
    check_invariants(out)


def test_merge_clusters():
    out = apply_ops(make_doc(), [{"op": "merge", "node": "C02", "into": "C01"}], "anna")
    assert [c["id"] for c in out["hierarchy"]] == ["C01"]
    assert [g["id"] for g in out["hierarchy"][0]["categories"]] == ["G01", "G02", "G03"]
    check_invariants(out)


def test_move_lesson_recomputes_key_concepts_of_both_codes():
    out = apply_ops(make_doc(), [{"op": "move", "item": "L002", "to": "K03"}], "anna")
    n = nodes(out)
    assert n["K01"]["lessons"] == ["L001"]
    assert n["K03"]["lessons"] == ["L002", "L004"]  # document order, not arrival order
    assert n["K01"]["key_concepts"] == ["listen", "early"]
    assert set(n["K03"]["key_concepts"]) == {"listen", "trust", "payment", "time"}
    les = out["lessons"][1]
    assert (les["code"], les["category"]) == ("K03", "G02")
    assert les["review"] == {"source": "human:anna", "proposed_code": "K01"}
    # moving back keeps the first proposal
    back = apply_ops(out, [{"op": "move", "item": "L002", "to": "K01"}], "bo")
    assert back["lessons"][1]["review"] == {"source": "human:bo", "proposed_code": "K01"}
    check_invariants(out)
    check_invariants(back)


def test_moving_a_codes_last_lesson_removes_the_code_and_empty_parents():
    out = apply_ops(make_doc(), [{"op": "move", "item": "L004", "to": "K01"}], "anna")
    n = nodes(out)
    assert "K03" not in n and "G02" not in n  # G02 had only K03
    assert [r["id"] for r in out["review"]["removed"]] == ["K03", "G02"]
    assert n["C01"]["source"] == "human:anna"
    check_invariants(out)


def test_move_code_and_category():
    out = apply_ops(
        make_doc(),
        [
            {"op": "move", "item": "K02", "to": "G03"},
            {"op": "move", "item": "G02", "to": "C02"},
        ],
        "anna",
    )
    n = nodes(out)
    assert [k["id"] for k in n["G03"]["codes"]] == ["K02", "K04"]
    assert [g["id"] for g in n["C02"]["categories"]] == ["G02", "G03"]
    assert out["lessons"][2]["cluster"] == "C02" and out["lessons"][3]["cluster"] == "C02"
    assert n["K02"]["source"] == "human:anna" and n["K02"]["proposed_label"] == "carers"
    assert n["K02"]["key_concepts"] == ["carers", "start"]  # same lessons, same concepts
    check_invariants(out)


def test_create_then_move_into_it():
    review = Review(make_doc())
    op = review.apply({"op": "create", "level": "code", "parent": "G02", "label": "Fair pay"}, "a")
    assert op == {
        "op": "create",
        "level": "code",
        "label": "Fair pay",
        "parent": "G02",
        "id": "K05",
    }
    new = nodes(review.doc)["K05"]
    assert new == {
        "id": "K05",
        "label": "Fair pay",
        "key_concepts": [],
        "lessons": [],
        "proposed_label": None,
        "source": "human:a",
    }
    review.apply({"op": "move", "item": "L005", "to": "K05"}, "a")
    assert nodes(review.doc)["K05"]["key_concepts"] == ["payment", "budget"]
    cl = review.apply({"op": "create", "level": "cluster", "label": "New"}, "a")
    assert cl["id"] == "C03" and review.doc["hierarchy"][-1]["categories"] == []
    cat = review.apply({"op": "create", "level": "category", "parent": "C03", "label": "x"}, "a")
    assert cat["id"] == "G04"
    check_invariants(review.doc)


def test_ids_are_never_reused_after_a_removal():
    review = Review(make_doc())
    review.apply({"op": "merge", "node": "K04", "into": "K03"}, "a")  # K04, G03, C02 removed
    assert (
        review.apply({"op": "create", "level": "code", "parent": "G01", "label": "x"}, "a")["id"]
        == "K05"
    )
    assert review.apply({"op": "create", "level": "cluster", "label": "y"}, "a")["id"] == "C03"
    with pytest.raises(ReviewError, match="already used"):
        review.apply(
            {"op": "create", "level": "code", "parent": "G01", "label": "x", "id": "K04"}, "a"
        )


def test_reject_and_restore():
    doc = make_doc()
    out = apply_ops(doc, [{"op": "reject", "lesson": "L001", "note": "not a lesson"}], "anna")
    les = out["lessons"][0]
    assert les["review"] == {"source": "human:anna", "rejected": True, "note": "not a lesson"}
    assert nodes(out)["K01"]["lessons"] == ["L001", "L002"]  # kept in place, marked
    assert nodes(out)["K01"]["key_concepts"] == ["listen", "trust"]  # from the kept lesson
    assert nodes(out)["K01"]["source"] == "human:anna"
    assert rejected_lessons(out) == {"L001"}
    back = apply_ops(out, [{"op": "restore", "lesson": "L001"}], "bo")
    assert back["lessons"][0]["review"] == {"source": "human:bo"}
    assert nodes(back)["K01"]["key_concepts"] == ["listen", "early", "trust"]
    assert rejected_lessons(back) == set()
    check_invariants(out)


def test_all_lessons_rejected_still_gives_two_concepts():
    out = apply_ops(
        make_doc(), [{"op": "reject", "lesson": "L001"}, {"op": "reject", "lesson": "L002"}], "a"
    )
    assert len(nodes(out)["K01"]["key_concepts"]) >= 2


@pytest.mark.parametrize(
    ("op", "message"),
    [
        ({"op": "explode"}, "review op 'explode': unknown"),
        ("rename", "expected an object"),
        ({"op": "rename", "node": "K01"}, "rename: missing 'label'"),
        ({"op": "rename", "node": "K01", "label": "   "}, "rename: 'label' is empty"),
        ({"op": "rename", "node": "K01", "label": 3}, "'label' must be text"),
        ({"op": "rename", "node": "K01", "label": "x", "into": "K02"}, "unknown field 'into'"),
        ({"op": "rename", "node": "K99", "label": "x"}, "rename K99: no such node"),
        ({"op": "rename", "node": "L001", "label": "x"}, "rename L001: a lesson, not a node"),
        ({"op": "rename", "node": "K01", "label": "listen"}, "already labelled"),
        ({"op": "merge", "node": "K01", "into": "K01"}, "cannot merge into itself"),
        ({"op": "merge", "node": "K01", "into": "G01"}, "K01 is a code, G01 a category"),
        ({"op": "merge", "node": "K01", "into": "K77"}, "merge K77: no such node"),
        ({"op": "move", "item": "K01", "to": "K02"}, "a code goes under a category, K02 is a code"),
        (
            {"op": "move", "item": "L001", "to": "G01"},
            "a lesson goes under a code, G01 is a category",
        ),
        ({"op": "move", "item": "C01", "to": "C02"}, "cluster is top level"),
        ({"op": "move", "item": "L001", "to": "K01"}, "already there"),
        ({"op": "move", "item": "K01", "to": "G01"}, "already there"),
        ({"op": "move", "item": "X1", "to": "K01"}, "move X1: no such lesson or node"),
        ({"op": "create", "level": "topic", "label": "x"}, "create topic: unknown level"),
        ({"op": "create", "level": "code", "label": "x"}, "say under which category"),
        ({"op": "create", "level": "code", "label": "x", "parent": "C01"}, "C01 is a cluster"),
        ({"op": "create", "level": "cluster", "label": "x", "parent": "C01"}, "top level"),
        ({"op": "create", "level": "code", "label": "x", "parent": "G01", "id": "L001"}, "used"),
        ({"op": "reject", "lesson": "K01"}, "reject K01: a code, not a lesson"),
        ({"op": "reject", "lesson": "L404"}, "reject L404: no such lesson"),
        ({"op": "restore", "lesson": "L001"}, "restore L001: not rejected"),
    ],
)
def test_bad_ops_are_refused_in_one_line_and_change_nothing(op, message):
    review = Review(make_doc())
    before = dumps(review.doc)
    with pytest.raises(ReviewError) as exc:
        review.apply(op, "anna")
    assert message in str(exc.value)
    assert "\n" not in str(exc.value)
    assert dumps(review.doc) == before


def test_reject_twice_and_empty_actor_are_refused():
    review = Review(make_doc())
    review.apply({"op": "reject", "lesson": "L001"}, "anna")
    with pytest.raises(ReviewError, match="already rejected"):
        review.apply({"op": "reject", "lesson": "L001"}, "anna")
    with pytest.raises(ReviewError, match="actor is empty"):
        review.apply({"op": "restore", "lesson": "L001"}, " ")


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda d: d["hierarchy"][0]["categories"][0]["codes"][0]["lessons"].append("L003"),
            "L003 is in codes",
        ),
        (
            lambda d: d["hierarchy"][1]["categories"][0]["codes"][0]["lessons"].append("L999"),
            "unknown lesson",
        ),
        (lambda d: d["hierarchy"][1]["categories"][0].update(id="G01"), "not unique"),
        (lambda d: d["lessons"].append(dict(d["lessons"][0])), "repeated id"),
    ],
)
def test_a_broken_proposal_is_refused(mutate, message):
    doc = make_doc()
    mutate(doc)
    with pytest.raises(ReviewError, match=message):
        Review(doc)


OPS = [
    ("anna", {"op": "rename", "node": "C01", "label": "Listening to people"}),
    ("anna", {"op": "create", "level": "category", "parent": "C02", "label": "Costs"}),
    ("bo", {"op": "move", "item": "K03", "to": "G04"}),
    ("bo", {"op": "merge", "node": "K02", "into": "K01"}),
    ("anna", {"op": "reject", "lesson": "L006", "note": "a plan, not a lesson"}),
    ("anna", {"op": "move", "item": "L005", "to": "K03"}),
]


def test_replay_is_deterministic_and_equals_step_by_step():
    doc = make_doc()
    a, b = replay(doc, OPS), replay(copy.deepcopy(doc), OPS)
    assert dumps(a) == dumps(b)
    review = Review(doc)
    recorded = [(actor, review.apply(op, actor)) for actor, op in OPS]
    assert review.doc == a
    # replaying what was recorded (ids filled in) gives the same again
    assert dumps(replay(doc, recorded)) == dumps(a)
    check_invariants(a)
    n = nodes(a)
    assert "G02" not in n  # emptied when K03 moved out
    assert n["G04"]["codes"][0]["id"] == "K03"
    assert n["K03"]["lessons"] == ["L004", "L005"]
    assert a["review"]["ops"] == len(OPS)
    json.loads(dumps(a))  # still plain JSON


def test_a_step_that_no_longer_applies_names_its_number():
    with pytest.raises(ReviewError, match=r"^review step 2: merge K02: no such node \(the node\)$"):
        replay(make_doc(), [("a", {"op": "merge", "node": "K02", "into": "K01"})] * 2)


def test_normalize_fixes_field_order():
    assert list(normalize({"label": "x", "node": "K01", "op": "rename"})) == ["op", "node", "label"]
