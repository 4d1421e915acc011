"""report.html: one self-contained page (inline CSS and SVG, no network), built
from jinja2 templates kept as package data. Autoescape is on: every quote is
untrusted document text. The only markup inserted unescaped is the figure's
SVG, which matplotlib generates (and escapes) itself."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from markupsafe import Markup

from coatlas.report.labels import label, with_defaults
from coatlas.report.tables import chronological, rejected_ids, table3_rows, timeline


def _ev(items: Any) -> list[dict[str, Any]]:
    """Evidence dicts, tolerant of missing fields, with confidence pre-formatted."""
    out = []
    for e in items or []:
        if not isinstance(e, dict):
            continue
        conf = e.get("confidence")
        out.append(
            {
                "document": str(e.get("document") or ""),
                "start": e.get("start"),
                "end": e.get("end"),
                "quote": str(e.get("quote") or ""),
                "source": str(e.get("source") or ""),
                "confidence": f"{float(conf):.2f}" if isinstance(conf, (int, float)) else "",
                "review": _evidence_review(e.get("review")),
            }
        )
    return out


def _evidence_review(rv: Any) -> str:
    """A reviewer's decision on one quote, as one short line ("" when nobody decided)."""
    if not isinstance(rv, dict) or not rv.get("status"):
        return ""
    text = f"{rv['status']} by {rv.get('by') or 'a reviewer'}"
    proposed = rv.get("proposed") if isinstance(rv.get("proposed"), dict) else {}
    if "code" in proposed:
        text += f", proposed as {proposed['code']}"
    if "start" in proposed:
        text += f", proposed span [{proposed['start']}–{proposed.get('end')}]"
    if rv.get("note"):
        text += f": {rv['note']}"
    return text


def _initiative_review(ini: dict[str, Any], labels: dict[str, dict[str, str]]) -> list[str]:
    """What review changed on an initiative, one line each (empty for an untouched one)."""
    rv = ini.get("review")
    if not isinstance(rv, dict):
        return []
    out = []
    if rv.get("created"):
        out.append(f"added in review by {rv.get('by')}: the machine did not find it")
    if rv.get("rejected"):
        out.append(f"rejected by {rv.get('by')}" + (f": {rv['note']}" if rv.get("note") else ""))
    if "proposed_name" in rv:
        out.append(f"proposed as “{rv['proposed_name']}”, renamed by {rv.get('by')}")
    for year, was in (rv.get("proposed_years") or {}).items():
        out.append(f"{year} year unknown: its evidence was rejected in review (proposed {was})")
    was = rv.get("proposed_timeline")
    if isinstance(was, dict):
        before = timeline(
            was.get("start"),
            was.get("end"),
            bool(was.get("ongoing")),
            was.get("active_years") or [],
        )
        out.append(f"years corrected in review by {rv.get('by')} (proposed: {before})")
    for verb in ("removed", "added"):
        for group, codes in (rv.get(verb) or {}).items():
            names = ", ".join(label(c, labels.get(group, {})) for c in codes)
            out.append(f"{group.replace('_', ' ')} {verb} in review: {names}")
    return out


def _coded(
    codes: Sequence[str], evidence: dict[str, Any], labels: dict[str, str]
) -> list[dict[str, Any]]:
    return [
        {"code": c, "label": label(c, labels), "evidence": _ev((evidence or {}).get(c))}
        for c in codes
    ]


def _anchor(prefix: str, ident: Any) -> str:
    return prefix + re.sub(r"[^A-Za-z0-9_.-]", "_", str(ident))


def initiative_view(
    ini: dict[str, Any],
    method_labels: dict[str, str],
    labels: dict[str, dict[str, str]] | None = None,
) -> dict[str, Any]:
    groups = with_defaults(labels)
    lv, rl = groups.get("levels", {}), groups.get("ppe_roles", {})
    ev = ini.get("evidence") or {}
    conf = ini.get("confidence")
    return {
        "id": str(ini.get("id") or ""),
        "anchor": _anchor("ini-", ini.get("id") or ini.get("name")),
        "name": str(ini.get("name") or ""),
        "aliases": [str(a) for a in ini.get("aliases") or []],
        "kind": str(ini.get("kind") or ""),
        "timeline": timeline(
            ini.get("start"),
            ini.get("end"),
            bool(ini.get("ongoing")),
            ini.get("active_years") or [],
        ),
        "start_evidence": _ev(ev.get("start")),
        "end_evidence": _ev(ev.get("end")),
        "name_evidence": _ev(ev.get("name")),
        "ppe_evidence": _ev(ev.get("ppe")),
        "methods": _coded(list(ini.get("methods") or []), ev.get("methods"), method_labels),
        "levels": _coded(list(ini.get("levels") or []), ev.get("levels"), lv),
        "roles": _coded(list(ini.get("ppe_roles") or []), ev.get("ppe_roles"), rl),
        "description": str(ini.get("description") or ""),
        "documents": [str(d) for d in ini.get("documents") or []],
        "confidence": f"{float(conf):.2f}" if isinstance(conf, (int, float)) else "",
        "review": _initiative_review(
            ini,
            {"methods": method_labels, "levels": lv, "ppe_roles": rl},
        ),
    }


def _manifest_rows(manifest: dict[str, Any]) -> list[tuple[str, str]]:
    """Scalar and small fields of the manifest as key/value rows (inputs get a table)."""
    rows = []
    for k, v in (manifest or {}).items():
        if k == "inputs":
            continue
        if isinstance(v, dict):
            v = ", ".join(f"{a}={b}" for a, b in v.items())
        elif isinstance(v, list):
            v = ", ".join(str(x) for x in v)
        rows.append((str(k), "" if v is None else str(v)))
    return rows


def _facet_summary(lessons: list[dict[str, Any]], names: dict[str, str]) -> list[str]:
    """Facets that at least a quarter of a node's lessons (and at least two) signal.

    Computed from the lessons at render time, so a reviewed tree is summarised as it is now.
    """
    n = Counter(f for x in lessons for f in (x.get("facets") or {}))
    keep = [(f, c) for f, c in n.items() if c >= 2 and c * 4 >= len(lessons)]
    keep.sort(key=lambda fc: (-fc[1], fc[0]))
    return [f"{names.get(f, f)} ({c} of {len(lessons)})" for f, c in keep[:4]]


def _facet_names() -> dict[str, str]:
    from coatlas.inductive.facets import load_facet_file

    return {f.id: f.label.get("en", f.id) for f in load_facet_file().facets}


def _reviewed(node: dict[str, Any]) -> dict[str, str]:
    """What a reviewer did to a node, for the report: who, and the label it replaced."""
    source = str(node.get("source") or "")
    if not source.startswith("human:"):
        return {"by": "", "was": ""}
    proposed = node.get("proposed_label", "")
    was = (
        "created in review"
        if proposed is None
        else (f"proposed as “{proposed}”" if proposed != node.get("label") else "")
    )
    return {"by": source, "was": was}


def _hierarchy_view(lessons_doc: dict[str, Any]) -> list[dict[str, Any]]:
    by_id = {str(x.get("id")): x for x in lessons_doc.get("lessons") or []}
    names = _facet_names()
    rejected = rejected_ids(lessons_doc)
    out = []
    for c in lessons_doc.get("hierarchy") or []:
        cats = []
        n_c = 0
        raw_c: list[dict[str, Any]] = []
        for g in c.get("categories") or []:
            codes = []
            n_g = 0
            raw_g: list[dict[str, Any]] = []
            for k in g.get("codes") or []:
                ls = []
                for lid in k.get("lessons") or []:
                    x = by_id.get(str(lid), {})
                    rev = x.get("review") if isinstance(x.get("review"), dict) else {}
                    if not rev.get("rejected"):
                        raw_g.append(x)  # a rejected quote is no evidence for the node
                    ls.append(
                        {
                            "id": str(lid),
                            "text": str(x.get("text") or ""),
                            "document": str(x.get("document") or ""),
                            "start": x.get("start"),
                            "end": x.get("end"),
                            "language": str(x.get("language") or ""),
                            "source": str(x.get("source") or ""),
                            "key_concepts": [str(y) for y in x.get("key_concepts") or []],
                            "rejected": str(lid) in rejected,
                            "review_by": str(rev.get("source") or ""),
                            "review_note": str(rev.get("note") or ""),
                        }
                    )
                kept = sum(1 for x in ls if not x["rejected"])
                n_g += kept
                codes.append(
                    {
                        "id": str(k.get("id") or ""),
                        "label": str(k.get("label") or k.get("id") or ""),
                        "key_concepts": [str(y) for y in k.get("key_concepts") or []],
                        "lessons": ls,
                        "n": kept,
                        "review": _reviewed(k),
                    }
                )
            n_c += n_g
            raw_c.extend(raw_g)
            cats.append(
                {
                    "id": str(g.get("id") or ""),
                    "label": str(g.get("label") or g.get("id") or ""),
                    "codes": codes,
                    "n": n_g,
                    "facets": _facet_summary(raw_g, names),
                    "review": _reviewed(g),
                }
            )
        out.append(
            {
                "id": str(c.get("id") or ""),
                "label": str(c.get("label") or c.get("id") or ""),
                "categories": cats,
                "n": n_c,
                "facets": _facet_summary(raw_c, names),
                "review": _reviewed(c),
            }
        )
    return out


def _review_summary(lessons_doc: dict[str, Any]) -> dict[str, Any] | None:
    review = lessons_doc.get("review")
    if not isinstance(review, dict):
        return None
    return {
        "ops": int(review.get("ops") or 0),
        "rejected": len(rejected_ids(lessons_doc)),
        "removed": [
            {
                "id": str(r.get("id") or ""),
                "label": str(r.get("label") or ""),
                "level": str(r.get("level") or ""),
                "why": f"merged into {r['merged_into']}" if r.get("merged_into") else "emptied",
                "by": str(r.get("source") or ""),
            }
            for r in review.get("removed") or []
        ],
    }


def _unplaced(lessons_doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Lessons the hierarchy does not reference: shown, not silently dropped."""
    placed = {
        str(lid)
        for c in lessons_doc.get("hierarchy") or []
        for g in c.get("categories") or []
        for k in g.get("codes") or []
        for lid in k.get("lessons") or []
    }
    return [
        {
            "id": str(x.get("id") or ""),
            "text": str(x.get("text") or ""),
            "document": str(x.get("document") or ""),
            "start": x.get("start"),
            "end": x.get("end"),
            "source": str(x.get("source") or ""),
        }
        for x in lessons_doc.get("lessons") or []
        if str(x.get("id")) not in placed
    ]


def _svg_inline(svg: bytes | str | None) -> Markup:
    if not svg:
        return Markup("")
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    i = text.find("<svg")
    text = text[i:] if i >= 0 else ""
    # the RDF metadata block only names vocabularies by URL; a page without URLs is easier to audit
    text = re.sub(r"\s*<metadata>.*?</metadata>", "", text, count=1, flags=re.S)
    return Markup(text)  # our own matplotlib output, which escapes its text itself


def render_html(
    *,
    initiatives: Sequence[dict[str, Any]],
    non_initiatives: Sequence[dict[str, Any]],
    uncoded: Sequence[dict[str, Any]],
    lessons_doc: dict[str, Any],
    manifest: dict[str, Any],
    errors: Sequence[dict[str, Any]],
    method_labels: dict[str, str],
    figure_svg: bytes | str | None = None,
    title: str = "coatlas report",
    rejected_initiatives: Sequence[dict[str, Any]] = (),
    labels: dict[str, dict[str, str]] | None = None,
    memos: Sequence[dict[str, Any]] = (),
) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(
        loader=PackageLoader("coatlas.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    inis = [initiative_view(i, method_labels, labels) for i in chronological(initiatives)]
    names = {v["id"]: (v["name"], v["anchor"]) for v in inis}
    unc = []
    for u in uncoded or []:
        ini = u.get("initiative")
        name, anchor = names.get(str(ini), (str(ini) if ini else "", "")) if ini else ("", "")
        unc.append(
            {
                "initiative": name,
                "anchor": anchor,
                "document": str(u.get("document") or ""),
                "start": u.get("start"),
                "end": u.get("end"),
                "quote": str(u.get("quote") or ""),
                "reason": str(u.get("reason") or ""),
            }
        )
    non = [
        {
            "name": str(n.get("name") or ""),
            "aliases": [str(a) for a in n.get("aliases") or []],
            "documents": [str(d) for d in n.get("documents") or []],
            "reason": str(n.get("reason") or ""),
            "evidence": _ev(n.get("evidence")),
        }
        for n in non_initiatives or []
    ]
    lessons_doc = lessons_doc or {}
    sampling = [
        {
            "document": str(s.get("document") or ""),
            "type": str(s.get("type") or ""),
            "sampled": bool(s.get("sampled")),
            "reason": str(s.get("reason") or ""),
        }
        for s in lessons_doc.get("sampling") or []
    ]
    inputs = [
        {
            "document": str(d.get("document") or ""),
            "format": str(d.get("format") or ""),
            "language": str(d.get("language") or ""),
            "sha256": str(d.get("sha256") or "")[:12],
        }
        for d in (manifest or {}).get("inputs") or []
    ]
    # errors.json: entries with "error" are files not read, with "warning" files read
    # with a repair (docs/output-format.md)
    errs = [
        {"file": str(e.get("file") or ""), "error": str(e.get("error") or "")}
        for e in errors or []
        if "warning" not in e
    ]
    warns = [
        {"file": str(e.get("file") or ""), "warning": str(e.get("warning") or "")}
        for e in errors or []
        if "warning" in e
    ]
    html = env.get_template("report.html").render(
        title=title,
        summary={
            "documents": len(inputs),
            "errors": len(errs),
            "initiatives": len(inis),
            "non_initiatives": len(non),
            "uncoded": len(unc),
            "lessons": len(lessons_doc.get("lessons") or []) - len(rejected_ids(lessons_doc)),
            "clusters": len(lessons_doc.get("hierarchy") or []),
        },
        errors=errs,
        warnings=warns,
        manifest_rows=_manifest_rows(manifest or {}),
        inputs=inputs,
        initiatives=inis,
        figure=_svg_inline(figure_svg),
        non_initiatives=non,
        uncoded=unc,
        sampling=sampling,
        hierarchy=_hierarchy_view(lessons_doc),
        unplaced=_unplaced(lessons_doc),
        table3=table3_rows(lessons_doc.get("hierarchy") or [], rejected_ids(lessons_doc)),
        review=_review_summary(lessons_doc),
        rejected_initiatives=[
            initiative_view(i, method_labels, labels) for i in rejected_initiatives
        ],
        memos=[
            {
                "target": str(m.get("target") or ""),
                "about": str(m.get("about") or m.get("target") or ""),
                "text": str(m.get("text") or ""),
                "by": str(m.get("by") or ""),
            }
            for m in memos or []
        ],
        table1=_table1((manifest or {}).get("table1") or []),
    )
    return html


def _table1(rows: Sequence[dict[str, Any]]) -> list[list[str]]:
    from coatlas.sampling import table1_view

    return table1_view(rows)
