"""Figure 1: the development of co-production over time.

One row per initiative (chronological, earliest at the top): a bar from the start
of its first year to the end of its last (the grid marks year boundaries, each
year's label sits in its column), an arrow running on to "now" when ongoing,
separate rounds (active_years) as blocks on a thin line. "Now" is the end of
``today_year``: the latest year the documents mention, or ``--today``. The bar's
colour is the initiative's primary method; a strip on the right has one column
per system level, headed by the codebook's label (a filled square: the initiative
works at that level), and every method as a dot, so nothing is hidden by picking
one colour.

Rendering is byte-deterministic: no pyplot state, fixed rcParams, fixed SVG
hash salt, no date/creator/software metadata.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from typing import Any

from coatlas.report.labels import label, method_order
from coatlas.report.tables import _int, chronological, short_name, year_runs

LEVELS = ("micro", "meso", "macro")
NO_METHOD = "#9e9e9e"
# Distinct, colour-blind-friendlier colours (tab10 + two darker tab20 tones),
# assigned in codebook order so a code keeps its colour across reports.
PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#393b79", "#637939", "#e7ba52",
    "#843c39", "#7b4173", "#3182bd", "#e6550d",
)  # fmt: skip
RC = {
    "svg.hashsalt": "coatlas-figure1",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "path.simplify": False,
    "axes.unicode_minus": False,
}
DPI = 300  # print resolution; the SVG is the scalable one
# A PNG above this many pixels is rendered at a lower resolution so it stays at it: at
# 300 dpi each initiative adds a 3,300 × 90 px row, and a corpus of hundreds of
# initiatives asked for a buffer of hundreds of MB (207 MB at 166 initiatives) for a
# picture nobody prints whole. The SVG keeps every detail; up to ~130 initiatives the
# PNG is at 300 dpi as before.
MAX_PNG_PIXELS = 40_000_000


def method_colours(order: Sequence[str]) -> dict[str, str]:
    return {m: PALETTE[k % len(PALETTE)] for k, m in enumerate(order)}


def primary_method(ini: dict[str, Any]) -> str | None:
    """The method with the most evidence (then the highest confidence, then list
    order): the code the documents say most about, not an arbitrary first one."""
    methods = list(ini.get("methods") or [])
    if not methods:
        return None
    ev = (ini.get("evidence") or {}).get("methods") or {}

    def key(k_m: tuple[int, str]) -> tuple:
        k, m = k_m
        items = ev.get(m) or []
        conf = max((float(e.get("confidence") or 0) for e in items), default=0.0)
        return (-len(items), -conf, k)

    return min(enumerate(methods), key=key)[1]


def _label(name: str, width: int = 44) -> str:
    s = short_name(name)
    return s if len(s) <= width else textwrap.shorten(s, width=width, placeholder="…")


def _span(ini: dict[str, Any], today: int) -> tuple[list[tuple[int, int]], bool, bool]:
    """(runs to draw, arrow at the end?, open end?) in whole years [first, last]."""
    runs = year_runs(ini.get("active_years") or [])
    ongoing = bool(ini.get("ongoing"))
    if runs:
        if ongoing:
            runs = [*runs[:-1], (runs[-1][0], max(runs[-1][1], today))]
        return runs, ongoing, False
    s, e = _int(ini.get("start")), _int(ini.get("end"))
    if s is None and e is None:
        return [], ongoing, False
    if ongoing:
        first = s if s is not None else e
        return [(first, max(first, today))], True, False
    if s is None:
        return [(e, e)], False, False
    if e is None:
        return [(s, s)], False, True
    return [(min(s, e), max(s, e))], False, False


def warm_up(fmt: str = "png") -> None:
    """Load what rendering Figure 1 in ``fmt`` loads the first time (matplotlib's
    modules, the font, its glyph caches) by rendering a two-row figure: a process
    that renders the real one later (``analyze`` with ``--workers``) does it while
    Steps 1–2 run. The figure's bytes do not depend on it."""
    rows = [
        {"id": "i01", "name": "Warm-up", "start": 2020, "end": 2021, "methods": ["x"]},
        {"id": "i02", "name": "Uppvärmning", "start": 2021, "ongoing": True},
    ]
    render_figure1(rows, {"x": "X"}, 2022, formats=(fmt,))


def png_dpi(height: float, dpi: int = DPI, width: float = 11.0) -> int:
    """``dpi``, or the largest whole resolution at which a ``width`` × ``height`` inch
    figure stays within ``MAX_PNG_PIXELS``."""
    if width * height * dpi * dpi <= MAX_PNG_PIXELS:
        return dpi
    return max(1, int(math.sqrt(MAX_PNG_PIXELS / (width * height))))


def render_figure1(
    initiatives: Sequence[dict[str, Any]],
    method_labels: dict[str, str],
    today_year: int | None,
    *,
    dpi: int = DPI,
    labels: dict[str, dict[str, str]] | None = None,
    formats: tuple[str, ...] = ("svg", "png"),
) -> tuple[bytes, bytes]:
    """Figure 1 as (svg, png) bytes; the PNG at ``dpi``, levels named by ``labels``.

    ``formats``: the ones to render (the other comes back empty): the two are the same
    bytes rendered together or apart, so two processes can share the work."""
    from matplotlib import rc_context
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Polygon, Rectangle

    from coatlas.report.labels import with_defaults

    inis = chronological(initiatives)
    used = {m for i in inis for m in i.get("methods") or []}
    order = method_order(method_labels, used)
    colours = method_colours(order)
    years = [y for i in inis for y in (_int(i.get("start")), _int(i.get("end"))) if y is not None]
    years += [y for i in inis for r in year_runs(i.get("active_years") or []) for y in r]
    today = today_year if today_year is not None else (max(years) if years else 2000)
    level_names = with_defaults(labels).get("levels", {})
    level_heads = [label(code, level_names) for code in LEVELS]
    n = len(inis)
    legend_items = [m for m in order if m in used]
    legend_rows = (len(legend_items) + 1 + 3) // 4
    max_methods = max((len(i.get("methods") or []) for i in inis), default=0)

    with rc_context(RC):
        rows = max(n, 3)  # a lone initiative keeps the bar shape of a full figure
        height = 1.65 + 0.3 * rows + 0.22 * legend_rows
        fig = Figure(figsize=(11, height), dpi=dpi)
        FigureCanvasAgg(fig)
        strip_x = 3.4 + max(0.55 * max_methods, 1.7)  # room for the "methods" header
        strip_w = 0.3 * (strip_x + 0.6)
        gs = fig.add_gridspec(1, 2, width_ratios=[11 - strip_w - 3.3, strip_w], wspace=0.02)
        ax = fig.add_subplot(gs[0, 0])
        side = fig.add_subplot(gs[0, 1], sharey=ax)
        bottom = (0.35 + 0.22 * legend_rows + 0.25) / height
        fig.subplots_adjust(left=3.3 / 11, right=0.985, top=1 - 0.8 / height, bottom=bottom)

        lo = min(years) if years else today - 5
        hi = max(today, max(years) if years else today)
        ax.set_xlim(lo - 0.5, hi + 1.9)
        ax.set_ylim(-0.7, rows - 0.3)
        ax.invert_yaxis()
        span = hi - lo
        step = 1 if span <= 12 else 2 if span <= 24 else 5
        first_tick = lo - lo % step
        ticks = list(range(first_tick, hi + 1, step))
        if n:  # grid lines at year boundaries, each year's label in the middle of its column
            ax.set_xticks([t + 0.5 for t in ticks])
            ax.set_xticklabels([str(t) for t in ticks])
            ax.set_xticks(list(range(lo, hi + 2)), minor=True)
        else:
            ax.set_xticks([])
        ax.tick_params(axis="x", which="major", labelsize=8, length=0)
        ax.tick_params(axis="x", which="minor", length=3)
        ax.grid(axis="x", which="minor", color="#e0e0e0", linewidth=0.6)
        ax.set_axisbelow(True)
        for sp in ("top", "right"):
            ax.spines[sp].set_visible(False)
        if any(i.get("ongoing") for i in inis):
            ax.axvline(today + 1, color="#bdbdbd", linewidth=0.8, linestyle=(0, (3, 3)))
            ax.text(
                today + 1, -0.55, f"now ({today})", ha="center", va="bottom", fontsize=7,
                color="#757575",
            )  # fmt: skip
        ax.set_yticks(range(n))
        ax.set_yticklabels(
            [_label(str(i.get("name") or i.get("id") or "")) for i in inis], fontsize=8
        )
        ax.set_title("Co-production initiatives over time", fontsize=10, loc="left")

        h = 0.56
        for y, ini in enumerate(inis):
            pm = primary_method(ini)
            col = colours.get(pm, NO_METHOD) if pm else NO_METHOD
            runs, arrow, open_end = _span(ini, today)
            if not runs:
                ax.text(lo - 0.4, y, "year unknown", va="center", fontsize=7, color="#757575")
                continue
            if len(runs) > 1:
                ax.plot(
                    [runs[0][0] + 0.5, runs[-1][1] + 0.5],
                    [y, y],
                    color=col,
                    linewidth=1.0,
                    alpha=0.6,
                )
            for k, (a, b) in enumerate(runs):
                x0, x1 = a, b + 1
                if arrow and k == len(runs) - 1:
                    tip = 0.55
                    ax.add_patch(
                        Polygon(
                            [
                                (x0, y - h / 2),
                                (x1, y - h / 2),
                                (x1 + tip, y),
                                (x1, y + h / 2),
                                (x0, y + h / 2),
                            ],
                            closed=True,
                            facecolor=col,
                            edgecolor="none",
                        )
                    )
                else:
                    ax.add_patch(
                        Rectangle((x0, y - h / 2), x1 - x0, h, facecolor=col, edgecolor="none")
                    )
            if open_end:
                b = runs[-1][1] + 1
                ax.plot([b, b + 1.2], [y, y], color=col, linewidth=1.2, linestyle=(0, (1, 1.5)))
                ax.text(b + 1.3, y, "?", va="center", fontsize=7, color="#757575")

        # level strip and all methods as dots
        side.set_xlim(-0.6, strip_x)
        side.axis("off")
        for x, head in enumerate(level_heads):
            side.text(x, -0.75, head, ha="left", va="bottom", fontsize=7, rotation=50,
                      rotation_mode="anchor")  # fmt: skip
        side.text(3.2, -0.75, "Methods", ha="left", va="bottom", fontsize=7)
        for y, ini in enumerate(inis):
            lv = set(ini.get("levels") or [])
            for x, code in enumerate(LEVELS):
                on = code in lv
                side.add_patch(
                    Rectangle(
                        (x - 0.32, y - 0.28),
                        0.64,
                        0.56,
                        facecolor="#424242" if on else "white",
                        edgecolor="#9e9e9e",
                        linewidth=0.5,
                    )
                )
            for k, m in enumerate(ini.get("methods") or []):
                side.plot(
                    [3.4 + 0.55 * k],
                    [y],
                    marker="o",
                    markersize=5,
                    color=colours.get(m, NO_METHOD),
                    linestyle="none",
                )

        handles = [Patch(facecolor=colours[m], label=label(m, method_labels)) for m in legend_items]
        if any(not i.get("methods") for i in inis):
            handles.append(Patch(facecolor=NO_METHOD, label="No method coded"))
        handles.append(
            Line2D(
                [],
                [],
                color="#424242",
                marker="s",
                linestyle="none",
                label="Filled square: works at that system level",
            )
        )
        fig.legend(
            handles=handles,
            loc="lower left",
            bbox_to_anchor=(0.01, 0.005),
            ncol=4,
            fontsize=7.5,
            frameon=False,
            title="Bar colour: primary method · dots: all methods · arrow: ongoing",
            title_fontsize=7.5,
            alignment="left",
        )
        if n == 0:
            ax.text(
                0.5, 0.5, "No initiatives found", transform=ax.transAxes, ha="center", va="center"
            )

        svg = io.BytesIO()
        if "svg" in formats:
            fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        png = io.BytesIO()
        if "png" in formats:
            fig.savefig(png, format="png", dpi=png_dpi(height, dpi), metadata={"Software": None})
    return svg.getvalue(), png.getvalue()
