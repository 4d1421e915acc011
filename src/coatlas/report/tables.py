"""Table 2 (initiatives, timeline, method) and Table 3 (categories by cluster) as rows,
CSV and Markdown — the study's tables, rebuilt from plain dicts."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from typing import Any

from coatlas.report.labels import label, with_defaults

DASH = "\u2013"  # en dash, as in the study's "2006–2012"


def _int(v: Any) -> int | None:
    try:
        return int(v) if v is not None and v != "" else None
    except (TypeError, ValueError):
        return None


def year_runs(active_years: Iterable[Any]) -> list[tuple[int, int]]:
    """Separate rounds as (first, last) runs.

    Entries are years; consecutive years form one run ([2013, 2014] ->
    2013–2014). Two rounds that touch (the study's "2013–2014, 2015") can be
    written as pairs or strings: [[2013, 2014], 2015] or ["2013-2014", 2015].
    """
    runs: list[tuple[int, int]] = []
    singles: list[int] = []
    for item in active_years or []:
        if isinstance(item, (list, tuple)) and len(item) == 2:
            a, b = _int(item[0]), _int(item[1])
            if a is not None and b is not None:
                runs.append((min(a, b), max(a, b)))
        elif isinstance(item, str) and (
            m := re.fullmatch(r"\s*(\d{4})\s*[-\u2013\u2014]\s*(\d{4})\s*", item)
        ):
            a, b = int(m[1]), int(m[2])
            runs.append((min(a, b), max(a, b)))
        elif _int(item) is not None:
            singles.append(_int(item))
    merged: list[tuple[int, int]] = []  # plain years: consecutive ones form one run
    for y in sorted(set(singles)):
        if merged and merged[-1][1] + 1 == y:
            merged[-1] = (merged[-1][0], y)
        else:
            merged.append((y, y))
    return sorted(set(runs) | set(merged))


def timeline(start: Any, end: Any, ongoing: bool, active_years: Iterable[Any] = ()) -> str:
    """The Timeline cell: "2005 to ongoing", "2006–2012", "2004, 2007, 2011", "2013–2014, 2015"."""
    runs = year_runs(active_years)
    if runs:
        text = ", ".join(str(a) if a == b else f"{a}{DASH}{b}" for a, b in runs)
        return f"{text} to ongoing" if ongoing else text
    s, e = _int(start), _int(end)
    if ongoing:
        return f"{s} to ongoing" if s is not None else "ongoing"
    if s is None and e is None:
        return "year unknown"
    if s is None:
        return f"until {e}"
    if e is None:
        return f"from {s}"
    if e == s:
        return str(s)
    return f"{min(s, e)}{DASH}{max(s, e)}"


def first_year(ini: dict[str, Any]) -> int | None:
    """Where an initiative sits in time: its start, else its first round, else its end."""
    s = _int(ini.get("start"))
    if s is not None:
        return s
    runs = year_runs(ini.get("active_years") or [])
    if runs:
        return runs[0][0]
    return _int(ini.get("end"))


def chronological(initiatives: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sorted by first year (unknown last), then end, then name, then id."""

    def key(i: dict[str, Any]) -> tuple:
        y = first_year(i)
        e = _int(i.get("end"))
        return (
            y is None,
            y or 0,
            bool(i.get("ongoing")),
            e or 0,
            str(i.get("name") or "").casefold(),
            str(i.get("id") or ""),
        )

    return sorted(initiatives, key=key)


def short_name(name: str) -> str:
    """The name without a " – description" tail, for the figure's labels."""
    return re.split(r"\s+[-\u2010-\u2015]\s+", (name or "").strip(), maxsplit=1)[0]


def method_sentence(methods: Sequence[str], method_labels: dict[str, str]) -> str:
    if not methods:
        return ""
    return "Methods: " + "; ".join(label(m, method_labels) for m in methods) + "."


def table2_rows(
    initiatives: Iterable[dict[str, Any]],
    method_labels: dict[str, str],
    labels: dict[str, dict[str, str]] | None = None,
) -> list[dict[str, str]]:
    """One row per initiative, chronological, with the study's three columns plus
    machine-friendly extras (id, methods, levels, roles). ``labels`` are the run's
    codebook's level and role labels (the built-in codebook's when not given)."""
    groups = with_defaults(labels)
    lv, rl = groups.get("levels", {}), groups.get("ppe_roles", {})
    rows = []
    for i in chronological(initiatives):
        methods = list(i.get("methods") or [])
        desc = " ".join(str(i.get("description") or "").split())
        sentence = method_sentence(methods, method_labels)
        rows.append(
            {
                "Co-production initiative": " ".join(str(i.get("name") or "").split()),
                "Timeline": timeline(
                    i.get("start"),
                    i.get("end"),
                    bool(i.get("ongoing")),
                    i.get("active_years") or [],
                ),
                "Description and stated or inferred method": " ".join(
                    x for x in (desc, sentence) if x
                ),
                "Methods": "; ".join(label(m, method_labels) for m in methods),
                "Levels": "; ".join(label(x, lv) for x in i.get("levels") or []),
                "PPE roles": "; ".join(label(x, rl) for x in i.get("ppe_roles") or []),
                "id": str(i.get("id") or ""),
            }
        )
    return rows


TABLE2_MD_COLUMNS = (
    "Co-production initiative",
    "Timeline",
    "Description and stated or inferred method",
)
TABLE2_CSV_COLUMNS = (*TABLE2_MD_COLUMNS, "Methods", "Levels", "PPE roles", "id")


def rejected_ids(lessons_doc: dict[str, Any] | None) -> set[str]:
    """Lessons a reviewer rejected: kept in lessons.json and the report, left out of counts."""
    return {
        str(x.get("id"))
        for x in (lessons_doc or {}).get("lessons") or []
        if isinstance(x.get("review"), dict) and x["review"].get("rejected")
    }


def table3_rows(
    hierarchy: Iterable[dict[str, Any]], rejected: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """Table 3: one row per cluster with its categories (and how many codes/lessons).

    Lessons a reviewer rejected do not count, and a code, category or cluster whose
    lessons were all rejected is left out: nothing is left behind it.
    """
    out = set(rejected)
    rows = []
    for c in hierarchy or []:
        cats = []
        for g in c.get("categories") or []:
            counts = [
                (
                    len(k.get("lessons") or []),
                    sum(1 for x in k.get("lessons") or [] if str(x) not in out),
                )
                for k in g.get("codes") or []
            ]
            if sum(a for a, _ in counts) and not sum(b for _, b in counts):
                continue
            cats.append(
                {
                    "id": str(g.get("id") or ""),
                    "label": str(g.get("label") or g.get("id") or ""),
                    "codes": sum(1 for a, b in counts if b or not a),
                    "lessons": sum(b for _, b in counts),
                }
            )
        if c.get("categories") and not cats:
            continue
        rows.append(
            {
                "number": len(rows) + 1,
                "id": str(c.get("id") or ""),
                "cluster": str(c.get("label") or c.get("id") or ""),
                "categories": cats,
            }
        )
    return rows


# --------------------------------------------------------------------------- writers


BOM = "\ufeff"  # lets Excel read the CSV as UTF-8 ("Patientrådet", not "PatientrÃ¥det")


def to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """CSV text that starts with a byte-order mark, so Excel opens it as UTF-8.

    Python's ``csv`` and pandas read it with ``encoding="utf-8-sig"``.
    """
    buf = io.StringIO()
    buf.write(BOM)
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if c is None else c for c in r])
    return buf.getvalue()


def _md_cell(x: Any) -> str:
    s = " ".join(str("" if x is None else x).split())
    # no raw HTML from documents in Markdown: many renderers would pass it through
    s = s.replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("\\", "\\\\").replace("|", "\\|")


def to_markdown(header: Sequence[str], rows: Iterable[Sequence[Any]], title: str = "") -> str:
    lines = [f"# {title}", ""] if title else []
    lines.append("| " + " | ".join(_md_cell(h) for h in header) + " |")
    lines.append("|" + "|".join(" --- " for _ in header) + "|")
    lines += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def table2_csv(rows: list[dict[str, str]]) -> str:
    return to_csv(TABLE2_CSV_COLUMNS, ([r[c] for c in TABLE2_CSV_COLUMNS] for r in rows))


def table2_md(rows: list[dict[str, str]]) -> str:
    body = [[r[c] for c in TABLE2_MD_COLUMNS] for r in rows]
    md = to_markdown(
        TABLE2_MD_COLUMNS, body, "Table 2. Co-production initiatives, timeline and methods"
    )
    return md if rows else md + "\n_No initiatives found._\n"


def table3_csv(rows: list[dict[str, Any]]) -> str:
    return to_csv(
        ("Cluster number", "Cluster", "Category", "Codes", "Lessons", "cluster_id", "category_id"),
        (
            [r["number"], r["cluster"], g["label"], g["codes"], g["lessons"], r["id"], g["id"]]
            for r in rows
            for g in r["categories"]
        ),
    )


def table3_md(rows: list[dict[str, Any]]) -> str:
    body = [
        ["; ".join(g["label"] for g in r["categories"]), f"{r['number']}. {r['cluster']}"]
        for r in rows
    ]
    md = to_markdown(
        ("Categories", "Clusters"), body, "Table 3. Categories and clusters of lessons learned"
    )
    return md if rows else md + "\n_No lessons learned found._\n"
