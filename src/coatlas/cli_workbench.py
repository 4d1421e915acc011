"""`coatlas review` verbs that code what the machine missed: the terminal twins of the
document view's selection forms.

Spans are character offsets into the canonical text that `coatlas extract` prints, as
``START:END``. Each verb records one event through :class:`coatlas.review.project.Project`,
exactly the event the browser records for the same action, so `review report` gives the
same bytes whichever was used. Kept apart from ``coatlas.cli`` so the two stay small.
"""

from __future__ import annotations

import re
import sys

import typer

from coatlas.errors import CoatlasError

_SPAN = re.compile(r"^\s*(\d+)\s*:\s*(\d+)\s*$")


def parse_span(text: str) -> tuple[int, int]:
    """``"120:180"`` -> ``(120, 180)``; a one-line ``ValueError`` otherwise."""
    m = _SPAN.match(text or "")
    if not m:
        raise ValueError(f"--span {text!r}: give character offsets as START:END (e.g. 120:180)")
    start, end = int(m[1]), int(m[2])
    if end <= start:
        raise ValueError(f"--span {text}: END must be after START")
    return start, end


def register(review_app: typer.Typer) -> None:
    """Add add-initiative, code, set-years, add-lesson, uncode and memo to ``review``."""
    from coatlas import cli

    _doc = typer.Option(..., "--doc", help="Document path as in the outputs (e.g. plan.docx)")
    _span = typer.Option(..., "--span", help="START:END character offsets (coatlas extract)")

    def record(target: str, db: str | None, run_id: int | None, actor: str | None, action) -> None:
        who = cli._actor(actor)
        with cli._project(target, db, run_id) as project:
            try:
                line = action(project, who)
            except (CoatlasError, ValueError) as e:
                raise cli._fail(e) from None
        cli._say(f"{line} (by {who})")

    def quote(op: dict) -> str:
        text = " ".join(str(op.get("quote") or op.get("text") or "").split())
        return f"“{text}”"

    @review_app.command("add-initiative")
    def add_initiative(
        target: str = cli._TARGET,
        name: str = typer.Argument(..., help="The initiative's name"),
        doc: str = _doc,
        span: str = _span,
        start: int | None = typer.Option(None, "--start", help="Start year the quote gives"),
        end: int | None = typer.Option(None, "--end", help="End year the quote gives"),
        ongoing: bool = typer.Option(False, "--ongoing", help="Still running, says the quote"),
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Add an initiative the machine missed, named in DOC at SPAN (prints its id)."""

        def action(project, who: str) -> str:
            s, e = parse_span(span)
            op = project.add_initiative(
                name, doc, s, e, who, start_year=start, end_year=end, ongoing=ongoing
            )
            sys.stdout.write(op["initiative"] + "\n")
            return f"add {op['initiative']} {op['name']!r}: {doc} [{s}:{e}] {quote(op)}"

        record(target, db, run, actor, action)

    @review_app.command("code")
    def code(
        target: str = cli._TARGET,
        initiative: str = typer.Argument(..., help="Initiative id (i03)"),
        code_id: str = typer.Argument(
            ..., metavar="CODE_ID", help="A method, level or role of the run's codebook"
        ),
        doc: str = _doc,
        span: str = _span,
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Code INITIATIVE with CODE_ID (co_design, meso, educator …) from a quote; prints its coding id."""

        def action(project, who: str) -> str:
            s, e = parse_span(span)
            op = project.code(initiative, code_id, doc, s, e, who)
            sys.stdout.write(op["coding"] + "\n")
            return f"code {initiative} {op['code']} ({op['coding']}): {doc} [{s}:{e}] {quote(op)}"

        record(target, db, run, actor, action)

    @review_app.command("set-years")
    def set_years(
        target: str = cli._TARGET,
        initiative: str = typer.Argument(..., help="Initiative id (i03)"),
        start: int | None = typer.Option(None, "--start", help="Start year"),
        end: int | None = typer.Option(None, "--end", help="End year"),
        ongoing: bool = typer.Option(False, "--ongoing", help="Still running (no end year)"),
        doc: str = _doc,
        span: str = _span,
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Correct INITIATIVE's years from a quote that gives them (--end YEAR or --ongoing)."""

        def action(project, who: str) -> str:
            s, e = parse_span(span)
            op = project.set_years(
                initiative, doc, s, e, who, start_year=start, end_year=end, ongoing=ongoing
            )
            years = ", ".join(
                f"{k}={op[k]}" for k in ("start_year", "end_year", "ongoing") if k in op
            )
            return f"years {initiative} {years} ({op['coding']}): {doc} [{s}:{e}] {quote(op)}"

        record(target, db, run, actor, action)

    @review_app.command("add-lesson")
    def add_lesson(
        target: str = cli._TARGET,
        doc: str = _doc,
        span: str = _span,
        to: str | None = typer.Option(
            None, "--to", help="The code node it belongs to (K03); none: not yet grouped"
        ),
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Add a lesson the machine missed: DOC's text at SPAN (prints its id)."""

        def action(project, who: str) -> str:
            s, e = parse_span(span)
            op = project.add_lesson(doc, s, e, who, to=to)
            sys.stdout.write(op["lesson"] + "\n")
            where = f" into {to}" if to else ""
            return f"add lesson {op['lesson']}{where}: {doc} [{s}:{e}] {quote(op)}"

        record(target, db, run, actor, action)

    @review_app.command("uncode")
    def uncode(
        target: str = cli._TARGET,
        coding: str = typer.Argument(
            ..., help="A coding a person added (h2, from `review codings`)"
        ),
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Take back a coding a person added (a machine's coding: `review reject ID`)."""

        def action(project, who: str) -> str:
            project.uncode(coding, who)
            return f"uncode {coding}"

        record(target, db, run, actor, action)

    @review_app.command("memo")
    def memo(
        target: str = cli._TARGET,
        about: str = typer.Argument(
            ...,
            metavar="TARGET",
            help="What it is about: an initiative (i03), node (K03), lesson (L012), "
            "coding (45 or h2) or document (plan.docx)",
        ),
        text: str = typer.Argument(..., help="The memo"),
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
        actor: str | None = cli._ACTOR,
    ) -> None:
        """Write a memo on an initiative, node, lesson, coding or document."""

        def action(project, who: str) -> str:
            done = project.add_memo(about, text, who)
            return f"memo on {done['target']}"

        record(target, db, run, actor, action)

    @review_app.command("memos")
    def memos(
        target: str = cli._TARGET,
        db: str | None = cli._DB,
        run: int | None = cli._RUN,
    ) -> None:
        """List the run's memos, oldest first: target, author, text."""
        with cli._project(target, db, run) as project:
            rows = project.memos()
        for m in rows:
            body = " ".join(m["text"].split())
            sys.stdout.write(f"{m['target']}\t{m['by']}\t{body}\n")
