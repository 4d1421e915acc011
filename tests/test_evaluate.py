"""Metrics against gold: hand-computed numbers on small synthetic cases."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from coatlas.evaluate import (
    evaluate,
    evaluate_data,
    format_metrics,
    gold_as_output,
    lesson_similarity,
    name_candidates,
    name_match_score,
    normalise_name,
    write_gold_as_output,
)

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"


def _ini(
    id_,
    name,
    aliases=(),
    start=2010,
    end=None,
    ongoing=True,
    methods=(),
    levels=(),
    roles=(),
    active=(),
):
    return {
        "id": id_,
        "name": name,
        "aliases": list(aliases),
        "start": start,
        "end": end,
        "active_years": list(active),
        "ongoing": ongoing,
        "methods": list(methods),
        "levels": list(levels),
        "ppe_roles": list(roles),
        "documents": ["a.txt"],
    }


@pytest.fixture
def gold():
    return {
        "corpus": "toy",
        "initiatives": [
            _ini(
                "i01",
                "Studio Ung (formerly Designlabbet BUP) – young people co-design youth services",
                ["Studio Ung"],
                2018,
                None,
                True,
                ["co_design", "ppe_driven"],
                ["meso"],
                ["co_designer"],
            ),
            _ini(
                "i02",
                "Reader panel (Läsarpanelen) – patients review letters",
                ["läsarpanel"],
                2006,
                2013,
                False,
                ["co_evaluation"],
                ["meso"],
                ["evaluator"],
                [2006, 2009, 2013],
            ),
        ],
        "non_initiatives": [
            {
                "name": "Project Flow – lean in the supply logistics (2013–2014)",
                "documents": ["b.txt"],
            }
        ],
        "lessons": [
            {
                "document": "a.txt",
                "text": "Patients need time to prepare before meetings.",
                "cluster": "c01",
            },
            {
                "document": "a.txt",
                "text": "Leaders must ask how co-production goes.",
                "cluster": "c02",
            },
            {
                "document": "b.txt",
                "text": "Small tests make change possible at the ward level.",
                "cluster": "c02",
            },
        ],
        "clusters": {"c01": "Preparation", "c02": "Leadership"},
    }


# --------------------------------------------------------------------------- names


def test_normalise_name():
    assert normalise_name("  The  “Empty   Chair”! ") == "empty chair"
    assert normalise_name("Den tomma stolen") == "tomma stolen"
    assert normalise_name("Kitchen-table talks") == "kitchen table talks"
    assert normalise_name("ＳＴＵＤＩＯ Ung") == "studio ung"  # NFKC + casefold


def test_name_candidates_split_name_parens_and_description():
    full, parts = name_candidates("Studio Ung (formerly Designlabbet BUP) – young people co-design")
    assert "studio ung" in parts and "designlabbet bup" in parts
    assert all("young" not in p for p in parts)  # the description never becomes a name
    assert full.endswith("young people co design")


@pytest.mark.parametrize(
    "pred,gold_name,matches",
    [
        ("Studio Ung", "Studio Ung (formerly Designlabbet BUP) – young people co-design", True),
        ("Designlabbet", "Studio Ung (formerly Designlabbet BUP) – young people co-design", True),
        (
            "Kitchen-table talks with politicians",
            "Kitchen-table talks (Köksbordssamtalen) – x",
            True,
        ),
        ("the empty chair", "The Empty Chair (Den tomma stolen) – stories", True),
        ("patient", "Patient partners in improvement training", False),
        ("the network", "Stroke guides network", False),
        ("young people", "Studio Ung (formerly Designlabbet BUP) – young people co-design", False),
        ("Heart failure school", "Migraine school", False),  # share only "school", not contained
        ("2014", "Project Flow (2013–2014)", False),  # digits are not significant
        (
            "Lean logistics (2013–2014)",
            "Project Flow (2013–2014)",
            False,
        ),  # nor a shared year range
        ("Patient network", "Patient network", True),  # an all-generic name still matches itself
        ("Strokelotsarnas nätverk", "Strokelotsarna – peer network", True),  # genitive -s
        ("Patients", "Patient partners", False),
    ],
)
def test_name_matching(pred, gold_name, matches):
    assert (name_match_score({"name": pred}, {"name": gold_name}) > 0) is matches


def test_exact_match_outscores_containment():
    g = {"name": "Migraine school"}
    assert name_match_score({"name": "migraine school"}, g) == 1.0
    assert 0.5 <= name_match_score({"name": "Patient-led migraine school"}, g) < 1.0


def test_aliases_match():
    assert (
        name_match_score(
            {"name": "x", "aliases": ["Läsarpanelen"]}, {"name": "Reader panel (Läsarpanelen)"}
        )
        == 1.0
    )


# --------------------------------------------------------------------------- initiatives


def test_perfect_output_scores_one(gold):
    out = gold_as_output(gold)
    m = evaluate_data(gold, out["initiatives"], out["lessons"], out["non_initiatives"])
    ini = m["initiatives"]
    assert (ini["precision"], ini["recall"], ini["f1"]) == (1.0, 1.0, 1.0)
    assert ini["non_initiatives_reported"] == 0
    assert m["timeline"] == {
        "pairs": 2,
        "start_accuracy": 1.0,
        "end_accuracy": 1.0,
        "ongoing_accuracy": 1.0,
        "active_years_exact": 1.0,
    }
    for k in ("methods", "levels", "ppe_roles"):
        assert m[k]["f1"] == 1.0 and m[k]["kappa"] == 1.0
    assert m["methods"]["cells"] == 2 * 12
    assert m["non_initiatives"]["found"] == 1
    les = m["lessons"]
    assert (les["precision"], les["recall"], les["f1"], les["ari"], les["nmi"]) == (1.0,) * 5


def test_one_missing_initiative_and_a_non_initiative_reported(gold):
    pred = [
        _ini(
            "p1",
            "Studio Ung",
            start=2018,
            methods=["co_design"],
            levels=["meso"],
            roles=["co_designer"],
        ),
        _ini("p2", "Project Flow", start=2013, end=2014, ongoing=False),
    ]
    m = evaluate_data(gold, pred)
    ini = m["initiatives"]
    assert (ini["matched"], ini["tp"], ini["fp"], ini["fn"]) == (1, 1, 1, 1)
    assert ini["precision"] == 0.5 and ini["recall"] == 0.5 and ini["f1"] == 0.5
    assert ini["non_initiatives_reported"] == 1
    assert ini["non_initiatives_reported_names"][0]["predicted"] == "Project Flow"
    assert ini["missed"] == [gold["initiatives"][1]["name"]]
    # methods over the one pair: gold {co_design, ppe_driven}, pred {co_design}
    meth = m["methods"]
    assert (meth["tp"], meth["fp"], meth["fn"]) == (1, 0, 1)
    assert (
        meth["precision"] == 1.0 and meth["recall"] == 0.5 and meth["f1"] == pytest.approx(0.6667)
    )
    # 12 cells: 10 agree on 0, 1 agree on 1, 1 disagree -> po = 11/12;
    # pe = (2/12)(1/12) + (10/12)(11/12) = 112/144 -> kappa = (132/144-112/144)/(32/144) = 0.625
    assert meth["kappa"] == pytest.approx(0.625)
    assert meth["per_code"]["ppe_driven"] == {
        "tp": 0,
        "fp": 0,
        "fn": 1,
        "precision": None,
        "recall": 0.0,
        "f1": 0.0,
        "support": 1,
    }
    assert m["levels"]["f1"] == 1.0 and m["ppe_roles"]["f1"] == 1.0
    assert (
        meth["per_code"]["personas"]["f1"] is None
    )  # absent on both sides: no evidence either way


def test_timeline_accuracy(gold):
    pred = [
        _ini("p1", "Studio Ung", start=2017, end=None, ongoing=True),  # start wrong
        _ini("p2", "Läsarpanelen", start=2006, end=2013, ongoing=False, active=[2006, 2013]),
    ]
    tl = evaluate_data(gold, pred)["timeline"]
    assert tl["pairs"] == 2
    assert tl["start_accuracy"] == 0.5
    assert tl["end_accuracy"] == 1.0  # null == null is right
    assert tl["ongoing_accuracy"] == 1.0
    assert tl["active_years_exact"] == 0.5


def test_one_to_one_duplicates_are_false_positives(gold):
    pred = [_ini("p1", "Studio Ung"), _ini("p2", "Designlabbet BUP"), _ini("p3", "Läsarpanelen")]
    ini = evaluate_data(gold, pred)["initiatives"]
    assert (ini["tp"], ini["fp"], ini["fn"]) == (2, 1, 0)
    assert ini["false_positives"] == ["Designlabbet BUP"]  # exact name wins the assignment


def test_nothing_predicted(gold):
    m = evaluate_data(gold, [], {"lessons": [], "hierarchy": []})
    assert m["initiatives"]["recall"] == 0.0 and m["initiatives"]["f1"] == 0.0
    assert m["initiatives"]["precision"] is None
    assert m["methods"]["f1"] is None and m["timeline"]["start_accuracy"] is None
    assert m["lessons"]["f1"] == 0.0 and m["lessons"]["ari"] is None
    assert "–" in format_metrics(m)


# --------------------------------------------------------------------------- lessons


def test_lesson_similarity():
    s = "Patients need time to prepare before meetings."
    assert lesson_similarity(s, "  patients need time\nto prepare before meetings. ") == 1.0
    assert lesson_similarity(s, "Yes, I think so. " + s) >= 0.5  # a wider span still matches
    assert lesson_similarity(s, s + " Other words follow in this longer sentence here.") < 0.5
    assert lesson_similarity(s, "Leaders must ask how co-production goes.") < 0.5
    assert lesson_similarity("It’s – fine", "it's - fine") == 1.0


def test_lessons_matching_and_grouping(gold):
    lessons = {
        "lessons": [
            # same as gold 1, wider span
            {
                "id": "L1",
                "document": "sub/a.txt",
                "text": "Yes. Patients need time to prepare before meetings.",
                "cluster": "X",
            },
            {
                "id": "L2",
                "document": "a.txt",
                "text": "Leaders must ask how co-production goes.",
                "cluster": "Y",
            },
            # right text, wrong document: no match
            {
                "id": "L3",
                "document": "a.txt",
                "text": "Small tests make change possible at the ward level.",
                "cluster": "Y",
            },
            {
                "id": "L4",
                "document": "a.txt",
                "text": "Something nobody annotated as a lesson.",
                "cluster": "Y",
            },
        ],
        "hierarchy": [],
    }
    les = evaluate_data(gold, [], lessons)["lessons"]
    assert (les["tp"], les["fp"], les["fn"]) == (2, 2, 1)
    assert les["precision"] == 0.5 and les["recall"] == pytest.approx(0.6667)
    assert les["ari"] == 1.0 and les["nmi"] == 1.0  # c01/c02 vs X/Y: same partition
    assert les["by_document"] == {
        "a.txt": {"gold": 2, "predicted": 4, "matched": 2},
        "b.txt": {"gold": 1, "predicted": 0, "matched": 0},
    }


def test_lessons_a_reviewer_rejected_are_not_scored(gold):
    lessons = {
        "lessons": [
            {"id": "L1", "document": "a.txt", "text": gold["lessons"][0]["text"], "cluster": "X"},
            {
                "id": "L2",
                "document": "a.txt",
                "text": "Something nobody annotated as a lesson.",
                "cluster": "Y",
                "review": {"source": "human:anna", "rejected": True},
            },
        ]
    }
    les = evaluate_data(gold, [], lessons)["lessons"]
    assert (les["tp"], les["fp"], les["predicted"]) == (1, 0, 1)


def test_lesson_grouping_disagreement(gold):
    lessons = {
        "lessons": [
            {"document": "a.txt", "text": g["text"], "cluster": "same"} for g in gold["lessons"][:2]
        ]
        + [{"document": "b.txt", "text": gold["lessons"][2]["text"], "cluster": "other"}]
    }
    les = evaluate_data(gold, [], lessons)["lessons"]
    assert les["f1"] == 1.0
    # gold {1},{2,3} vs pred {1,2},{3}: no pair agrees beyond chance
    assert les["ari"] == pytest.approx(-0.5)


# --------------------------------------------------------------------------- files and CLI


def test_evaluate_reads_folder_and_reports_bad_json(tmp_path, gold):
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "initiatives.json").write_text("[]", encoding="utf-8")
    m = evaluate(tmp_path, out)  # corpus folder is accepted; lessons.json may be missing
    assert m["initiatives"]["predicted"] == 0 and m["non_initiatives"]["predicted"] is None
    (out / "lessons.json").write_text("{oops", encoding="utf-8")
    with pytest.raises(ValueError, match="lessons.json: not valid JSON"):
        evaluate(tmp_path / "gold.json", out)
    with pytest.raises(FileNotFoundError, match="initiatives.json"):
        evaluate(tmp_path / "gold.json", tmp_path / "nowhere")


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")
def test_dev_gold_against_itself_is_perfect(tmp_path):
    write_gold_as_output(DEV / "gold.json", tmp_path)
    m = evaluate(DEV / "gold.json", tmp_path)
    g = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    assert m["initiatives"]["matched"] == len(g["initiatives"])
    assert m["initiatives"]["f1"] == 1.0 and m["initiatives"]["non_initiatives_reported"] == 0
    assert m["non_initiatives"]["found"] == len(g["non_initiatives"])
    assert all(
        m["timeline"][k] == 1.0 for k in ("start_accuracy", "end_accuracy", "active_years_exact")
    )
    assert m["methods"]["kappa"] == 1.0 and m["ppe_roles"]["f1"] == 1.0
    assert m["lessons"]["matched"] == len(g["lessons"]) and m["lessons"]["ari"] == 1.0


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")
def test_dev_gold_with_one_initiative_dropped(tmp_path):
    g = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    out = gold_as_output(g)
    pred = copy.deepcopy(out["initiatives"][1:])
    for p in pred:  # only a short name, as a tool would write it
        p["name"], p["aliases"] = p["aliases"][0], []
    m = evaluate_data(g, pred)
    n = len(g["initiatives"])
    assert m["initiatives"]["matched"] == n - 1
    assert m["initiatives"]["recall"] == pytest.approx(round((n - 1) / n, 4))
    assert m["initiatives"]["precision"] == 1.0


def test_cli_evaluate(tmp_path, gold):
    from typer.testing import CliRunner

    from coatlas.cli import app

    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    write_gold_as_output(tmp_path / "gold.json", tmp_path / "out")
    r = CliRunner().invoke(app, ["evaluate", str(tmp_path / "gold.json"), str(tmp_path / "out")])
    assert r.exit_code == 0 and "initiatives" in r.output and "1.000" in r.output
    r = CliRunner().invoke(
        app, ["evaluate", str(tmp_path / "gold.json"), str(tmp_path / "out"), "--json"]
    )
    assert json.loads(r.output)["initiatives"]["f1"] == 1.0
