"""Team verbs: `coatlas agreement` (inter-coder figures) and `coatlas users` (accounts).

Kept apart from ``coatlas.cli`` so that module stays small; each verb is a thin call into
``coatlas.agreement``, ``coatlas.review.coders`` and ``coatlas.team``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from coatlas.errors import CoatlasError


def _fmt(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _ci(ci: list[float] | None) -> str:
    return "" if not ci else f" [{ci[0]:.3f}, {ci[1]:.3f}]"


def render_text(result: dict) -> str:
    """The agreement figures as plain lines: overall, then one line per code."""
    from coatlas.agreement import STATISTICS

    names = {
        "percent": "percent",
        "cohen_kappa": "Cohen κ",
        "fleiss_kappa": "Fleiss κ",
        "krippendorff_alpha": "Krippendorff α",
        "gwet_ac1": "Gwet AC1",
    }
    lines = [f"coders: {', '.join(result['coders'])}; units rated by 2 or more: {result['units']}"]
    o = result["overall"]
    lines.append("overall (95 % bootstrap interval):")
    for k in STATISTICS:
        lines.append(f"  {names[k]:<15} {_fmt(o[k])}{_ci(o['ci95'].get(k))}")
    if result["per_code"]:
        lines.append("per code: units  percent  Cohen κ  Fleiss κ  Krippendorff α  Gwet AC1")
        for code, f in result["per_code"].items():
            figs = "  ".join(f"{_fmt(f[k]):>7}" for k in STATISTICS)
            lines.append(f"  {code}: {f['units']}  {figs}")
    return "\n".join(lines)


def register(app: typer.Typer) -> None:
    """Add `agreement` and `users add|list` to the top-level app."""
    from coatlas import cli

    @app.command()
    def agreement(
        target: str = typer.Argument(
            ..., help="Output folder (or store) of `coatlas analyze`, or a CSV table"
        ),
        coders: str | None = typer.Option(
            None, "--coders", help="Coders to compare, e.g. anna,bo,machine (default: all)"
        ),
        as_json: bool = typer.Option(False, "--json", help="Print JSON"),
        unit: str | None = typer.Option(None, "--unit", help="CSV: the unit column"),
        coder: str | None = typer.Option(None, "--coder", help="CSV: the coder column"),
        code: str | None = typer.Option(None, "--code", help="CSV: the code column"),
        document: str | None = typer.Option(
            None, "--document", help="CSV of spans: the document column (with --start, --end)"
        ),
        start: str | None = typer.Option(None, "--start", help="CSV of spans: the start column"),
        end: str | None = typer.Option(None, "--end", help="CSV of spans: the end column"),
        units: str = typer.Option(
            "documents",
            "--units",
            help="A run's units: documents (document × code) or segments (quotes by overlap)",
        ),
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        resamples: int = typer.Option(1000, "--bootstrap", help="Resamples for the intervals"),
    ) -> None:
        """Inter-coder agreement (percent, Cohen's and Fleiss' κ, Krippendorff's α, Gwet's
        AC1 with 95 % bootstrap intervals) of a run's coders, the machine one of them, or of
        a CSV of (unit, coder, code) rows."""
        from coatlas.agreement import (
            from_rows,
            from_segments,
            read_segments,
            read_table,
            report,
        )

        wanted = [c.strip() for c in coders.split(",") if c.strip()] if coders else None
        try:
            if resamples < 0:
                raise ValueError(f"--bootstrap {resamples}: give 0 or more resamples")
            path = Path(target)
            if units not in ("documents", "segments"):
                raise ValueError(f"--units {units!r}: documents or segments")
            spans = (document, start, end)
            if path.is_file() and path.suffix.lower() in (".csv", ".tsv", ".txt"):
                if any(spans):
                    if not (all(spans) and coder and code):
                        raise ValueError(
                            f"{target}: spans need --document --start --end --coder --code COL"
                        )
                    segs = read_segments(path, document, start, end, coder, code)  # type: ignore[arg-type]
                    names, overall, per_code = from_segments(segs, wanted)
                else:
                    if not (unit and coder and code):
                        raise ValueError(
                            f"{target}: a table needs --unit COL --coder COL --code COL "
                            "(or --document --start --end for spans)"
                        )
                    rows = read_table(path, unit, coder, code)
                    names, overall, per_code = from_rows(rows, wanted)
            else:
                if unit or coder or code or any(spans):
                    raise ValueError(f"{target}: column options are for a CSV table")
                from coatlas.review.coders import coder_tables, segment_tables

                with cli._project(target, db, run) as project:
                    tables = segment_tables if units == "segments" else coder_tables
                    names, overall, per_code = tables(project, wanted)
            if len(names) < 2:
                raise ValueError(f"{target}: agreement needs two coders or more (got {names})")
            result = report(names, overall, per_code, resamples=resamples)
        except (CoatlasError, ValueError) as e:
            raise cli._fail(e) from None
        if as_json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render_text(result) + "\n")

    users_app = typer.Typer(
        no_args_is_help=True,
        help="Team members of a store (for `coatlas serve OUT --team`): add, list.",
    )
    app.add_typer(users_app, name="users")

    @users_app.command("add")
    def users_add(
        target: str = cli._TARGET,
        name: str = typer.Argument(..., help="The member's name (as events will show it)"),
        role: str = typer.Option(..., "--role", help="analyst, overseer or viewer"),
        password_file: Path | None = typer.Option(
            None, "--password-file", help="Read the password from this file's first line"
        ),
        db: str | None = cli._DB,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Add a member; the password comes from stdin (first line) or --password-file."""
        from coatlas.team import add_user

        who = cli._actor(actor)
        try:
            if password_file is not None:
                try:
                    raw = password_file.read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError) as e:
                    raise ValueError(f"{password_file}: cannot read ({e})") from None
            else:
                raw = sys.stdin.readline()
            password = raw.splitlines()[0] if raw.strip() else ""
            if not password:
                raise ValueError("password: give it on stdin or with --password-file")
            with cli._project(target, db, None) as project:
                added = add_user(project.store, name, role, password, who)
        except (CoatlasError, ValueError) as e:
            raise cli._fail(e) from None
        cli._say(f"user {added['name']} added as {added['role']} (by {who})")

    @users_app.command("list")
    def users_list(target: str = cli._TARGET, db: str | None = cli._DB) -> None:
        """Every member and role."""
        with cli._project(target, db, None) as project:
            for u in project.store.users():
                sys.stdout.write(f"{u['name']}\t{u['role']}\n")
