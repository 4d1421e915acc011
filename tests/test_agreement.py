"""Agreement figures against published worked examples, the CSV verb and a run's coders.

Sources of the worked examples:
- Krippendorff, K. (2011). *Computing Krippendorff's Alpha-Reliability*. Annenberg School
  for Communication, University of Pennsylvania. Example A (two observers, binary, ten
  units): α = 0.095. Example C (four observers, nominal, twelve units, missing values):
  α = 0.743.
- Gwet, K. L. (2014). *Handbook of Inter-Rater Reliability* (4th ed.), the same 4 × 12
  table (irrCAC's ``cac.raw4raters``): percent agreement 0.818, Fleiss' κ 0.761 (pe 0.239),
  Gwet's AC1 0.775 (pe 0.190).
- Fleiss' κ: the worked example of Wikipedia's "Fleiss' kappa" article (ten subjects,
  fourteen raters, five categories): P̄ = 0.378, κ = 0.210.
- Cohen's κ: the worked example of Wikipedia's "Cohen's kappa" article (50 grant
  proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no): p_o = 0.7, κ = 0.4.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from coatlas.agreement import from_rows, intervals, report, statistics
from coatlas.cli import app

runner = CliRunner()
N = None
# Krippendorff (2011) example C / Gwet (2014) cac.raw4raters: observers A–D, units 1–12
KRIPP_C = {
    "A": [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    "B": [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    "C": [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    "D": [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
}


def _table(columns: dict[str, list]) -> list[list]:
    return [list(u) for u in zip(*columns.values(), strict=True)]


def test_krippendorff_example_c_and_gwet_handbook() -> None:
    f = statistics(_table(KRIPP_C))
    assert f["krippendorff_alpha"] == pytest.approx(0.743, abs=5e-4)
    assert f["percent"] == pytest.approx(0.818, abs=5e-4)
    assert f["fleiss_kappa"] == pytest.approx(0.761, abs=5e-4)
    assert f["gwet_ac1"] == pytest.approx(0.775, abs=5e-4)
    assert f["cohen_kappa"] is None  # four coders


def test_krippendorff_example_a_binary() -> None:
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    f = statistics(_table({"A": a, "B": b}))
    assert f["krippendorff_alpha"] == pytest.approx(0.095, abs=5e-4)
    assert f["percent"] == pytest.approx(0.6)


def test_fleiss_wikipedia_example() -> None:
    counts = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    table = [[k for k, n in enumerate(row) for _ in range(n)] for row in counts]
    f = statistics(table)
    assert f["percent"] == pytest.approx(0.378, abs=5e-4)
    assert f["fleiss_kappa"] == pytest.approx(0.210, abs=5e-4)


def test_cohen_wikipedia_example() -> None:
    table = [["y", "y"]] * 20 + [["y", "n"]] * 5 + [["n", "y"]] * 10 + [["n", "n"]] * 15
    f = statistics(table)
    assert f["percent"] == pytest.approx(0.7)
    assert f["cohen_kappa"] == pytest.approx(0.4)


def test_undefined_figures_are_none_and_intervals_deterministic() -> None:
    same = [["x", "x"]] * 5
    f = statistics(same)
    assert f["percent"] == 1.0
    assert f["cohen_kappa"] is None and f["krippendorff_alpha"] is None
    table = _table(KRIPP_C)
    first = intervals(table)
    assert first == intervals(table)
    lo, hi = first["krippendorff_alpha"]
    assert lo < 0.743 < hi


def test_from_rows_single_and_multiple_codes() -> None:
    rows = [(f"u{u}", c, str(v)) for c, col in KRIPP_C.items() for u, v in enumerate(col) if v]
    names, overall, per_code = from_rows(rows)
    assert names == ["A", "B", "C", "D"]
    assert statistics(overall)["krippendorff_alpha"] == pytest.approx(0.743, abs=5e-4)
    assert sorted(per_code) == ["1", "2", "3", "4", "5"]
    # a coder who gives a unit two codes: (unit, code) yes/no units
    multi = [("u1", "a", "x"), ("u1", "a", "y"), ("u1", "b", "x"), ("u2", "a", "y"),
             ("u2", "b", "y")]  # fmt: skip
    names, overall, per_code = from_rows(multi)
    assert len(overall) == 4 and overall[1] == [True, False]  # u1 × y: a yes, b no
    out = report(names, overall, per_code, resamples=50)
    assert out["overall"]["percent"] == pytest.approx(0.75)


def _csv(tmp_path: Path) -> Path:
    p = tmp_path / "coding.csv"
    lines = ["unit,coder,value"]
    for c, col in KRIPP_C.items():
        lines += [f"u{u + 1},{c},{v}" for u, v in enumerate(col) if v is not None]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def test_cli_csv_json(tmp_path: Path) -> None:
    p = _csv(tmp_path)
    args = ["agreement", str(p), "--unit", "unit", "--coder", "coder", "--code", "value"]
    res = runner.invoke(app, [*args, "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["coders"] == ["A", "B", "C", "D"] and data["units"] == 11
    assert set(data["overall"]) >= {
        "percent", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "gwet_ac1"
    }  # fmt: skip
    assert data["overall"]["krippendorff_alpha"] == pytest.approx(0.743, abs=5e-4)
    assert data["overall"]["cohen_kappa"] is None
    assert set(data["per_code"]) == {"1", "2", "3", "4", "5"}
    again = runner.invoke(app, [*args, "--json"])
    assert again.stdout == res.stdout  # deterministic, intervals included
    two = runner.invoke(app, [*args, "--json", "--coders", "A,B"])
    assert json.loads(two.stdout)["overall"]["cohen_kappa"] is not None
    text = runner.invoke(app, args)
    assert "Krippendorff α  0.743" in text.stdout


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--unit", "unit", "--coder", "coder", "--code", "nope"], "no column 'nope'"),
        ([], "needs --unit COL --coder COL --code COL"),
        (["--unit", "unit", "--coder", "coder", "--code", "value", "--coders", "A,Z"], "Z"),
    ],
)
def test_cli_csv_errors_are_one_line(tmp_path: Path, extra: list[str], message: str) -> None:
    res = runner.invoke(app, ["agreement", str(_csv(tmp_path)), *extra])
    assert res.exit_code == 2
    assert message in res.stderr and len(res.stderr.strip().splitlines()) == 1


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("agree") / "out"
    res = runner.invoke(app, ["analyze", str(EXAMPLES), "--out", str(out), "--no-embeddings"])
    assert res.exit_code == 0, res.output
    return out


def _machine_codings(out: Path) -> list[tuple[int, str, str]]:
    from coatlas.review.project import open_project

    with open_project(out) as p:
        return [
            (r["id"], r["code"], r["evidence"]["document"])
            for r in p.codings()
            if r["code"].partition(":")[0] in ("methods", "levels", "ppe_roles")
        ]


def test_run_coders_machine_and_people(analysed: Path, tmp_path: Path) -> None:
    out = shutil.copytree(analysed, tmp_path / "out")
    rows = _machine_codings(out)
    doc = rows[0][2]
    in_doc = [r for r in rows if r[2] == doc]
    ids = [str(r[0]) for r in in_doc]
    # anna accepts everything the machine proposed in one document: full agreement with it
    assert (
        runner.invoke(app, ["review", "accept", str(out), *ids, "--actor", "anna"]).exit_code == 0
    )
    res = runner.invoke(app, ["agreement", str(out), "--coders", "machine,anna", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["coders"] == ["machine", "anna"]
    assert data["overall"]["percent"] == 1.0
    # bo rejects every code the machine found there: no agreement on those units
    assert runner.invoke(app, ["review", "reject", str(out), *ids, "--actor", "bo"]).exit_code == 0
    data = json.loads(
        runner.invoke(app, ["agreement", str(out), "--coders", "anna,bo", "--json"]).stdout
    )
    codes = {r[1] for r in in_doc}
    assert data["units"] >= len(codes)
    for code in codes:
        assert data["per_code"][code]["percent"] == 0.0
    full = json.loads(runner.invoke(app, ["agreement", str(out), "--json"]).stdout)
    assert full["coders"] == ["machine", "anna", "bo"] and full["overall"]["cohen_kappa"] is None
    res = runner.invoke(app, ["agreement", str(out), "--coders", "machine,zed"])
    assert res.exit_code == 2 and "zed coded nothing" in res.stderr


def test_a_unit_half_decided_is_missing_for_that_person(analysed: Path, tmp_path: Path) -> None:
    out = shutil.copytree(analysed, tmp_path / "out")
    rows = _machine_codings(out)
    units: dict[tuple[str, str], list[int]] = {}
    for cid, code, doc in rows:
        units.setdefault((code, doc), []).append(cid)
    (code, doc), ids = next((u, i) for u, i in units.items() if len(i) >= 2)
    res = runner.invoke(app, ["review", "reject", str(out), str(ids[0]), "--actor", "carl"])
    assert res.exit_code == 0
    data = json.loads(
        runner.invoke(app, ["agreement", str(out), "--coders", "machine,carl", "--json"]).stdout
    )
    assert data["per_code"][code]["units"] == 0  # one quote of several rejected: undecided
    rest = [str(i) for i in ids[1:]]
    assert (
        runner.invoke(app, ["review", "reject", str(out), *rest, "--actor", "carl"]).exit_code == 0
    )
    data = json.loads(
        runner.invoke(app, ["agreement", str(out), "--coders", "machine,carl", "--json"]).stdout
    )
    assert data["per_code"][code]["units"] == 1 and data["per_code"][code]["percent"] == 0.0


def test_each_figure_lies_in_its_interval_when_one_coder_rated_more() -> None:
    # the machine rates every unit, the person only some: the intervals must resample the
    # same units the figures use (a bug once put Fleiss' κ outside its own interval)
    table = [[False, False]] * 5 + [[True, True]] * 3 + [[True, False]] + [[False, None]] * 30
    table += [[True, None]] * 5
    figures, ci = statistics(table), intervals(table)
    for k, v in figures.items():
        lo, hi = ci[k]
        assert lo <= v <= hi, (k, v, ci[k])


def test_segments_matched_by_overlap() -> None:
    from coatlas.agreement import NOT_CODED, from_segments, segment_rows

    segs = [
        ("a", "d", 0, 10, "x"), ("b", "d", 5, 12, "x"),  # overlap: one unit, both x
        ("a", "d", 20, 30, "y"),  # only a coded this passage
        ("b", "d", 30, 40, "y"),  # touches a's span at 30 but shares no character
        ("m", "e", 0, 5, "x"),  # nobody else read e
    ]  # fmt: skip
    rows = segment_rows(segs)
    units = sorted({u for u, _, _ in rows})
    assert units == ["d@0-12", "d@20-30", "d@30-40", "e@0-5"]
    assert ("d@20-30", "b", NOT_CODED) in rows and ("d@30-40", "a", NOT_CODED) in rows
    assert not [r for r in rows if r[0] == "e@0-5" and r[1] != "m"]
    names, overall, per_code = from_segments(segs)
    assert names == ["a", "b", "m"] and NOT_CODED not in per_code
    f = statistics(overall)
    assert f["percent"] == pytest.approx(1 / 3, abs=1e-4)  # d@0-12 agrees; the other two do not


def test_cli_spans_csv_and_run_segments(analysed: Path, tmp_path: Path) -> None:
    p = tmp_path / "spans.csv"
    p.write_text(
        "doc,from,to,who,code\nd,0,10,a,x\nd,5,12,b,x\nd,20,30,a,y\nd,22,28,b,z\n", "utf-8"
    )
    args = ["--document", "doc", "--start", "from", "--end", "to", "--coder", "who"]
    res = runner.invoke(app, ["agreement", str(p), *args, "--code", "code", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["units"] == 2 and data["overall"]["percent"] == 0.5
    assert data["overall"]["cohen_kappa"] is not None
    bad = runner.invoke(app, ["agreement", str(p), "--document", "doc", "--coder", "who"])
    assert bad.exit_code == 2 and "spans need" in bad.stderr
    out = shutil.copytree(analysed, tmp_path / "out")
    ids = [str(c) for c, _, _ in _machine_codings(out)[:6]]
    assert (
        runner.invoke(app, ["review", "accept", str(out), *ids, "--actor", "anna"]).exit_code == 0
    )
    res = runner.invoke(app, ["agreement", str(out), "--units", "segments", "--json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["coders"] == ["machine", "anna"] and data["units"] > 0
    bad = runner.invoke(app, ["agreement", str(out), "--units", "pages"])
    assert bad.exit_code == 2 and "documents or segments" in bad.stderr
