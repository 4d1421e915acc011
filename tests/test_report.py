"""Reports: files, deterministic bytes, escaping, timeline strings, empty inputs."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from coatlas.evaluate import gold_as_output
from coatlas.report import primary_method, render_figure1, table2_rows, timeline, write_reports
from coatlas.report.labels import default_method_labels
from coatlas.report.tables import chronological, table3_md, table3_rows, year_runs

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"
FILES = {
    "table2.csv",
    "table2.md",
    "table3.csv",
    "table3.md",
    "figure1.svg",
    "figure1.png",
    "report.html",
}


def _ev(quote, doc="a.txt", start=0, source="rule:test", conf=0.8):
    return {
        "document": doc,
        "start": start,
        "end": start + len(quote),
        "quote": quote,
        "source": source,
        "confidence": conf,
    }


def _ini(
    id_,
    name,
    start,
    end=None,
    ongoing=False,
    active=(),
    methods=(),
    levels=("meso",),
    roles=("participant",),
):
    return {
        "id": id_,
        "name": name,
        "aliases": [],
        "kind": "project",
        "start": start,
        "end": end,
        "active_years": list(active),
        "ongoing": ongoing,
        "methods": list(methods),
        "levels": list(levels),
        "ppe_roles": list(roles),
        "documents": ["a.txt"],
        "description": f"About {name}.",
        "confidence": 0.9,
        "evidence": {
            "name": [_ev(name)],
            "ppe": [_ev("patients took part")],
            "start": [_ev(f"started in {start}", start=40)] if start else [],
            "end": [],
            "methods": {m: [_ev(f"quote for {m}", start=100)] for m in methods},
            "levels": {x: [_ev(f"level {x}")] for x in levels},
            "ppe_roles": {x: [_ev(f"role {x}")] for x in roles},
        },
    }


@pytest.fixture
def sample():
    inis = [
        _ini(
            "i2",
            "Learning café – patients learn",
            2007,
            ongoing=True,
            methods=["learning_education", "co_design"],
        ),
        _ini(
            "i1",
            "Pharmaceuticals project",
            2004,
            2011,
            active=[2004, 2007, 2011],
            methods=["co_evaluation"],
        ),
        _ini(
            "i3",
            "Patient safety programme",
            2006,
            2012,
            methods=["storytelling"],
            levels=["micro", "meso", "macro"],
        ),
    ]
    lessons = {
        "lessons": [
            {"id": "L001", "document": "int1.txt", "start": 5, "end": 40, "text": "Preparation made the meetings work.",
             "language": "en", "key_concepts": ["preparation"], "code": "K01", "category": "G01", "cluster": "C01",
             "confidence": 0.7, "source": "rule:lessons"},
        ],
        "hierarchy": [
            {"id": "C01", "label": "Relations and structure", "categories": [
                {"id": "G01", "label": "Preparations and expectations",
                 "codes": [{"id": "K01", "label": "Prepare together", "key_concepts": ["preparation", "time"], "lessons": ["L001"]}]},
                {"id": "G02", "label": "Structure and tools", "codes": []},
            ]},
        ],
        "sampling": [{"document": "int1.txt", "type": "transcript", "sampled": True, "reason": "interview"}],
    }  # fmt: skip
    return {
        "initiatives": inis,
        "non_initiatives": [{"name": "New ward building", "aliases": [], "documents": ["b.txt"],
                             "reason": "no persons with patient experience", "evidence": [_ev("a building", "b.txt")]}],
        "uncoded": [{"initiative": "i3", "document": "a.txt", "start": 3, "end": 9, "quote": "walked", "reason": "fits no code"}],
        "lessons_doc": lessons,
        "manifest": {"coatlas": "0.1.0", "inputs": [{"document": "a.txt", "sha256": "0" * 64, "format": "txt", "language": "en"}]},
        "errors": [{"file": "x.pdf", "error": "x.pdf: encrypted"}],
        "today_year": 2020,
    }  # fmt: skip


# --------------------------------------------------------------------------- timeline


@pytest.mark.parametrize(
    "args,expected",
    [
        ((2005, None, True, []), "2005 to ongoing"),
        ((2006, 2012, False, []), "2006–2012"),
        ((2010, 2010, False, []), "2010"),
        ((2004, 2011, False, [2004, 2007, 2011]), "2004, 2007, 2011"),
        ((2013, 2015, False, [[2013, 2014], 2015]), "2013–2014, 2015"),
        ((2013, 2015, False, ["2013-2014", 2015]), "2013–2014, 2015"),
        ((2013, 2015, False, [2013, 2014, 2015]), "2013–2015"),  # consecutive years are one run
        ((2004, None, True, [2004, 2007]), "2004, 2007 to ongoing"),
        ((2010, None, False, []), "from 2010"),
        ((None, 2012, False, []), "until 2012"),
        ((None, None, False, []), "year unknown"),
        ((None, None, True, []), "ongoing"),
        (("2006", "2012", False, []), "2006–2012"),
    ],
)
def test_timeline(args, expected):
    assert timeline(*args) == expected


def test_year_runs_merge_only_plain_years():
    assert year_runs([2015, [2013, 2014], 2016]) == [(2013, 2014), (2015, 2016)]


def test_chronological_order_unknown_last():
    inis = [
        _ini("a", "B", None),
        _ini("b", "A", 2010),
        _ini("c", "C", 2001),
        _ini("d", "Z", None, active=[1999]),
    ]
    assert [i["id"] for i in chronological(inis)] == ["d", "c", "b", "a"]


# --------------------------------------------------------------------------- tables


def test_table2_rows(sample):
    rows = table2_rows(sample["initiatives"], default_method_labels())
    assert [r["Co-production initiative"] for r in rows] == [
        "Pharmaceuticals project",
        "Patient safety programme",
        "Learning café – patients learn",
    ]
    assert [r["Timeline"] for r in rows] == ["2004, 2007, 2011", "2006–2012", "2007 to ongoing"]
    assert rows[2]["Description and stated or inferred method"] == (
        "About Learning café – patients learn. Methods: Learning and education; Co-design."
    )
    assert rows[1]["Levels"] == "Microsystem; Mesosystem; Macrosystem"  # the codebook's labels


def test_custom_method_labels(sample, tmp_path):
    write_reports(tmp_path, **sample, method_labels={"co_design": "Samskapande design"})
    assert "Samskapande design" in (tmp_path / "table2.md").read_text(encoding="utf-8")
    assert "Samskapande design" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_table3_rows_and_markdown(sample):
    rows = table3_rows(sample["lessons_doc"]["hierarchy"])
    assert rows[0]["cluster"] == "Relations and structure"
    assert [(g["label"], g["codes"], g["lessons"]) for g in rows[0]["categories"]] == [
        ("Preparations and expectations", 1, 1),
        ("Structure and tools", 0, 0),
    ]
    md = table3_md(rows)
    assert (
        "| Preparations and expectations; Structure and tools | 1. Relations and structure |" in md
    )


def test_markdown_and_csv_escape_cells(sample, tmp_path):
    sample["initiatives"][0]["name"] = "A | B <b>bold</b>"
    write_reports(tmp_path, **sample)
    md = (tmp_path / "table2.md").read_text(encoding="utf-8")
    assert "A \\| B &lt;b&gt;bold&lt;/b&gt;" in md
    rows = list(csv.reader(io.StringIO((tmp_path / "table2.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == [
        "Co-production initiative",
        "Timeline",
        "Description and stated or inferred method",
    ]
    assert "A | B <b>bold</b>" in [r[0] for r in rows]


# --------------------------------------------------------------------------- files


def test_files_written_and_deterministic(sample, tmp_path):
    a = write_reports(tmp_path / "a", **sample)
    b = write_reports(tmp_path / "b", **sample)
    assert set(a) == FILES
    for name in FILES:
        assert a[name].read_bytes() == b[name].read_bytes(), name
    assert a["figure1.png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = a["figure1.svg"].read_text(encoding="utf-8")
    assert "<svg" in svg and "<dc:date>" not in svg and "Matplotlib" not in svg
    assert b"Software" not in a["figure1.png"].read_bytes()


def test_figure_bytes_identical_and_change_with_data(sample):
    s1, p1 = render_figure1(sample["initiatives"], default_method_labels(), 2020)
    s2, p2 = render_figure1(sample["initiatives"], default_method_labels(), 2020)
    assert (s1, p1) == (s2, p2)
    s3, _ = render_figure1(sample["initiatives"][:2], default_method_labels(), 2020)
    assert s3 != s1


def test_figure_formats_rendered_apart_are_the_same_bytes(sample, tmp_path):
    """A parallel run renders Figure 1's SVG and PNG in two processes and hands them to
    write_reports: the same files as rendering them together."""
    from coatlas.report import report_figure1

    args = (sample["initiatives"], sample.get("today_year"))
    svg, _ = report_figure1(*args, formats=("svg",))
    _, png = report_figure1(*args, formats=("png",))
    assert (svg, png) == report_figure1(*args) and svg and png
    a = write_reports(tmp_path / "a", **sample)
    b = write_reports(tmp_path / "b", **sample, figure=(svg, png))
    asked: list[bool] = []
    c = write_reports(tmp_path / "c", **sample, figure=(svg, lambda: asked.append(True) or png))
    assert asked == [True]  # the PNG asked for once, when the rest is rendered
    for name in FILES:
        assert a[name].read_bytes() == b[name].read_bytes() == c[name].read_bytes(), name


def test_primary_method_is_the_best_evidenced():
    ini = _ini("x", "X", 2010, methods=["co_design", "storytelling"])
    assert primary_method(ini) == "co_design"  # tie: list order
    ini["evidence"]["methods"]["storytelling"].append(_ev("another story"))
    assert primary_method(ini) == "storytelling"
    assert primary_method({"methods": []}) is None


class _Checker(HTMLParser):
    """Counts scripts and external references, checks that tags nest."""

    VOID = {
        "meta",
        "br",
        "img",
        "input",
        "link",
        "hr",
        "path",
        "use",
        "stop",
        "rect",
        "circle",
        "ellipse",
        "line",
        "polyline",
        "polygon",
    }

    def __init__(self):
        super().__init__()
        self.stack, self.scripts, self.external, self.errors = [], 0, [], []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts += 1
        for k, v in attrs:
            if k in ("src", "href") and v and not v.startswith("#"):
                self.external.append(v)
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        for k, v in attrs:
            if k in ("src", "href", "xlink:href") and v and not v.startswith("#"):
                self.external.append(v)

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> (open: {self.stack[-3:]})")
        else:
            self.stack.pop()


def _check(html: str) -> _Checker:
    c = _Checker()
    c.feed(html)
    return c


def test_html_escapes_untrusted_quotes(sample, tmp_path):
    bad = "<script>alert('x')</script>"
    sample["initiatives"][0]["evidence"]["methods"]["co_design"].append(_ev(bad))
    sample["initiatives"][0]["description"] = bad
    sample["uncoded"][0]["quote"] = bad
    sample["lessons_doc"]["lessons"][0]["text"] = bad
    sample["non_initiatives"][0]["reason"] = bad
    sample["errors"][0]["error"] = bad
    sample["initiatives"][1]["name"] = bad + " -->"  # also drawn in the inline SVG figure
    write_reports(tmp_path, **sample)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html
    assert html.count("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") == 7
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html  # the figure's own escaping
    c = _check(html)
    assert c.scripts == 1  # only our own expand/collapse helper
    assert c.external == [] and c.errors == [] and c.stack == []


def test_html_links_cells_to_evidence(sample, tmp_path):
    write_reports(tmp_path, **sample)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "quote for co_design" in html and "started in 2007" in html and "level macro" in html
    assert "role participant" in html and "patients took part" in html
    assert 'href="#ini-i3"' in html and 'id="ini-i3"' in html  # uncoded -> its initiative
    assert "a.txt [100–119] · rule:test · confidence 0.80" in html
    assert (
        "Prepare together" in html and "preparation" in html and "Relations and structure" in html
    )
    assert "x.pdf: encrypted" in html and "<svg" in html
    assert "<metadata>" not in html and "http://purl" not in html
    assert html.index("Pharmaceuticals project") < html.index("Learning café")


def test_empty_inputs(tmp_path):
    paths = write_reports(
        tmp_path,
        initiatives=[],
        non_initiatives=[],
        uncoded=[],
        lessons_doc={},
        manifest={},
        errors=[],
        today_year=None,
    )
    assert set(paths) == FILES
    html = paths["report.html"].read_text(encoding="utf-8")
    assert "No co-production initiatives found." in html and "No lessons learned found." in html
    assert _check(html).errors == []
    assert (tmp_path / "table2.csv").read_text(encoding="utf-8-sig").count("\n") == 1  # header only
    assert "_No initiatives found._" in (tmp_path / "table2.md").read_text(encoding="utf-8")
    assert paths["figure1.png"].stat().st_size > 1000


@pytest.mark.skipif(not DEV.exists(), reason="dev corpus not available")
def test_dev_gold_as_sample_report(tmp_path):
    """The dev gold in the output format: a realistic report of 15 initiatives."""
    gold = json.loads((DEV / "gold.json").read_text(encoding="utf-8"))
    out = gold_as_output(gold)
    paths = write_reports(
        tmp_path,
        initiatives=out["initiatives"],
        non_initiatives=out["non_initiatives"],
        uncoded=[],
        lessons_doc=out["lessons"],
        manifest={},
        errors=[],
        today_year=2024,
    )
    rows = list(csv.DictReader(io.StringIO(paths["table2.csv"].read_text(encoding="utf-8-sig"))))
    assert len(rows) == len(gold["initiatives"])
    starts = [int(r["Timeline"][:4]) for r in rows]
    assert starts == sorted(starts)
    by_id = {r["id"]: r["Timeline"] for r in rows}
    for g in gold["initiatives"]:
        if g["active_years"]:
            assert by_id[g["id"]] == ", ".join(str(y) for y in g["active_years"])
        elif g["ongoing"]:
            assert by_id[g["id"]] == f"{g['start']} to ongoing"
    t3 = list(csv.DictReader(io.StringIO(paths["table3.csv"].read_text(encoding="utf-8-sig"))))
    assert len(t3) == len(gold["clusters"])
    assert sum(int(r["Lessons"]) for r in t3) == len(gold["lessons"])
    assert _check(paths["report.html"].read_text(encoding="utf-8")).errors == []


def test_write_reports_from_folder(sample, tmp_path):
    from coatlas.jsonio import write_json
    from coatlas.report import write_reports_from_folder

    write_json(tmp_path / "initiatives.json", sample["initiatives"])
    write_json(tmp_path / "lessons.json", sample["lessons_doc"])
    write_json(tmp_path / "manifest.json", {**sample["manifest"], "settings": {"today": 2020}})
    paths = write_reports_from_folder(tmp_path)  # no errors/uncoded/non_initiatives files
    direct = write_reports(
        tmp_path / "direct",
        initiatives=sample["initiatives"],
        lessons_doc=sample["lessons_doc"],
        manifest={**sample["manifest"], "settings": {"today": 2020}},
        today_year=2020,
    )
    assert paths["figure1.svg"].read_bytes() == direct["figure1.svg"].read_bytes()
    assert paths["report.html"].read_bytes() == direct["report.html"].read_bytes()
    (tmp_path / "lessons.json").write_text("{", encoding="utf-8")
    with pytest.raises(ValueError, match="lessons.json"):
        write_reports_from_folder(tmp_path)


def test_lessons_outside_the_hierarchy_are_listed(sample, tmp_path):
    sample["lessons_doc"]["lessons"].append(
        {
            "id": "L002",
            "document": "int2.txt",
            "start": 0,
            "end": 12,
            "text": "Alone lesson",
            "cluster": None,
        }
    )
    write_reports(tmp_path, **sample)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Lessons not placed in any cluster" in html and "Alone lesson" in html


def test_report_summarises_framework_facets_per_cluster(sample, tmp_path):
    lessons = sample["lessons_doc"]
    lessons["lessons"][0]["facets"] = {"leadership_support": ["manager"]}
    lessons["lessons"].append(
        dict(lessons["lessons"][0], id="L002", facets={"leadership_support": ["chef"]})
    )
    lessons["hierarchy"][0]["categories"][0]["codes"][0]["lessons"].append("L002")
    write_reports(tmp_path, **sample)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Framework facets:" in html and "(2 of 2)" in html
    # one lesson alone is not a summary
    lessons["hierarchy"][0]["categories"][0]["codes"][0]["lessons"].remove("L002")
    lessons["lessons"].pop()
    write_reports(tmp_path, **sample)
    assert "Framework facets:" not in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_a_tall_figure_1_png_stays_within_its_pixel_budget():
    """Hundreds of initiatives: the PNG at the resolution that keeps it within
    ``MAX_PNG_PIXELS`` (the SVG whole); a figure of a usual size keeps 300 dpi."""
    import struct

    from coatlas.report.figure import DPI, MAX_PNG_PIXELS, png_dpi, render_figure1

    assert png_dpi(1.65 + 0.3 * 40) == DPI
    rows = [
        {"id": f"i{k:03d}", "name": f"Initiative {k}", "start": 2000 + k % 20, "methods": ["x"]}
        for k in range(300)
    ]
    _, png = render_figure1(rows, {"x": "X"}, 2024, formats=("png",))
    w, h = struct.unpack(">II", png[16:24])
    assert w * h <= MAX_PNG_PIXELS
    assert w < 11 * DPI and h > 8 * w  # lower resolution, the whole 92-inch height
    _, png5 = render_figure1(rows[:5], {"x": "X"}, 2024, formats=("png",))
    assert struct.unpack(">II", png5[16:24])[0] == 11 * DPI
