"""Reports: the study's Table 2, Figure 1 and Table 3, and one HTML page that links
every cell to its evidence. Plain dicts in (the output-format JSON), files out;
same inputs give the same bytes."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from coatlas.fileio import write_bytes, write_text
from coatlas.report.figure import DPI, primary_method, render_figure1
from coatlas.report.html import render_html
from coatlas.report.labels import default_method_labels
from coatlas.report.tables import (
    rejected_ids,
    table2_csv,
    table2_md,
    table2_rows,
    table3_csv,
    table3_md,
    table3_rows,
    timeline,
)

__all__ = [
    "default_method_labels",
    "full_method_labels",
    "now_year",
    "primary_method",
    "render_figure1",
    "render_html",
    "report_figure1",
    "table2_rows",
    "table3_rows",
    "timeline",
    "write_reports",
    "write_reports_from_folder",
]


def _write(path: Path, data: str | bytes) -> Path:
    # atomically: a killed run leaves the old file or the new one, never half of one
    return write_bytes(path, data) if isinstance(data, bytes) else write_text(path, data)


def write_reports(
    out_dir: str | Path,
    *,
    initiatives: Sequence[dict[str, Any]],
    non_initiatives: Sequence[dict[str, Any]] = (),
    uncoded: Sequence[dict[str, Any]] = (),
    lessons_doc: dict[str, Any] | None = None,
    manifest: dict[str, Any] | None = None,
    errors: Sequence[dict[str, Any]] = (),
    today_year: int | None = None,
    method_labels: dict[str, str] | None = None,
    title: str = "coatlas report",
    rejected_initiatives: Sequence[dict[str, Any]] = (),
    group_labels: dict[str, dict[str, str]] | None = None,
    memos: Sequence[dict[str, Any]] = (),
    dpi: int = DPI,
    figure: tuple[bytes, bytes | Callable[[], bytes]] | None = None,
) -> dict[str, Path]:
    """Write table2.csv/.md, table3.csv/.md, figure1.svg/.png and report.html.

    ``method_labels`` maps codes to readable labels (defaults: the built-in
    codebook's); its order fixes the figure's colours. ``group_labels`` are the run's
    codebook's labels of levels and roles (``{"levels": {…}, "ppe_roles": {…}}``,
    :func:`coatlas.report.labels.codebook_labels`). ``today_year`` is the "now" of
    Figure 1, where ongoing bars end (None: the latest year in the data).
    ``rejected_initiatives`` (those a reviewer rejected) are listed in the report, out
    of Table 2 and Figure 1; ``memos`` (review memos) get a section. ``dpi`` is the
    PNG's resolution. ``figure``: Figure 1's (svg, png) when already rendered from
    the same arguments (:func:`report_figure1`, e.g. in another process while the
    run went on); its PNG may be a call that returns it, made once everything else is
    rendered (the PNG takes longest to render and the HTML needs only the SVG).
    Returns the written paths by file name.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    labels = full_method_labels(method_labels)
    groups = {**(group_labels or {}), "methods": labels}
    lessons_doc = lessons_doc or {}
    rows2 = table2_rows(initiatives, labels, groups)
    rows3 = table3_rows(lessons_doc.get("hierarchy") or [], rejected_ids(lessons_doc))
    svg, png = figure or report_figure1(
        initiatives, today_year, method_labels=method_labels, group_labels=group_labels, dpi=dpi
    )
    html = render_html(
        initiatives=initiatives,
        non_initiatives=non_initiatives,
        uncoded=uncoded,
        lessons_doc=lessons_doc,
        manifest=manifest or {},
        errors=errors,
        method_labels=labels,
        figure_svg=svg,
        title=title,
        rejected_initiatives=rejected_initiatives,
        labels=groups,
        memos=memos,
    )
    files = {
        "table2.csv": table2_csv(rows2),
        "table2.md": table2_md(rows2),
        "table3.csv": table3_csv(rows3),
        "table3.md": table3_md(rows3),
        "figure1.svg": svg,
        "figure1.png": png,
        "report.html": html,
    }
    if (manifest or {}).get("table1"):
        from coatlas.sampling import table1_csv, table1_md

        files["table1.csv"] = table1_csv(manifest["table1"])  # type: ignore[index]
        files["table1.md"] = table1_md(manifest["table1"])  # type: ignore[index]
    if callable(png):
        files["figure1.png"] = png()  # the slowest part comes last (rendered elsewhere)
    return {name: _write(out / name, data) for name, data in files.items()}


def report_figure1(
    initiatives: Sequence[dict[str, Any]],
    today_year: int | None,
    *,
    method_labels: dict[str, str] | None = None,
    group_labels: dict[str, dict[str, str]] | None = None,
    dpi: int = DPI,
    formats: tuple[str, ...] = ("svg", "png"),
) -> tuple[bytes, bytes]:
    """Figure 1's (svg, png) exactly as :func:`write_reports` renders it from the same
    arguments: a caller may render it first (or elsewhere, each format in a process of
    its own: ``formats``) and pass it as ``figure``."""
    labels = full_method_labels(method_labels)
    groups = {**(group_labels or {}), "methods": labels}
    return render_figure1(
        list(initiatives), labels, today_year, dpi=dpi, labels=groups, formats=formats
    )


def full_method_labels(method_labels: dict[str, str] | None) -> dict[str, str]:
    """The caller's codebook order first (it fixes colours), built-in codes after."""
    labels = default_method_labels()
    if not method_labels:
        return labels
    return {**dict(method_labels), **{k: v for k, v in labels.items() if k not in method_labels}}


def now_year(manifest: dict[str, Any] | None, today_year: int | None = None) -> int | None:
    """Figure 1's "now": ``--today``, else the run's setting, else the latest year the
    documents mention (``manifest.json`` ``latest_year``); None: the latest year in the data."""
    if today_year is not None:
        return today_year
    manifest = manifest or {}
    setting = (manifest.get("settings") or {}).get("today")
    if isinstance(setting, int):
        return setting
    latest = manifest.get("latest_year")
    return latest if isinstance(latest, int) else None


def _read(path: Path, default: Any) -> Any:
    if not path.exists():
        return default
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e.msg}, line {e.lineno})") from None


def write_reports_from_folder(
    out_dir: str | Path,
    *,
    today_year: int | None = None,
    method_labels: dict[str, str] | None = None,
    group_labels: dict[str, dict[str, str]] | None = None,
    dpi: int = DPI,
) -> dict[str, Path]:
    """Re-render the reports from the JSON files of an output folder (e.g. after
    a review changed them). Missing files count as empty; ``today_year``
    defaults to the manifest's ``settings.today``, then its ``latest_year``."""
    out = Path(out_dir)
    manifest = _read(out / "manifest.json", {})
    today_year = now_year(manifest, today_year)
    return write_reports(
        out,
        initiatives=_read(out / "initiatives.json", []),
        non_initiatives=_read(out / "non_initiatives.json", []),
        uncoded=_read(out / "uncoded.json", []),
        lessons_doc=_read(out / "lessons.json", {}),
        manifest=manifest,
        errors=_read(out / "errors.json", []),
        today_year=today_year,
        method_labels=method_labels,
        rejected_initiatives=_read(out / "rejected_initiatives.json", []),
        group_labels=group_labels,
        memos=_read(out / "memos.json", []),
        dpi=dpi,
    )
