"""The browser review app: the hierarchy with every quote, and forms that post review ops.

Thin by design: every action is one op handed to the store (``review_lessons``),
which checks it, records it as an event and returns the new state; the page is
then rendered again from the store. Local use: ``coatlas serve OUT`` binds
127.0.0.1. POSTs carry a per-process token and must be same-origin (CSRF), every
text is escaped by Jinja's autoescape, and the page runs no script.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import quote, urlsplit

from flask import Flask, Response, abort, jsonify, redirect, render_template, request

from coatlas.errors import CoatlasError
from coatlas.review.ops import LEVELS, rejected_lessons
from coatlas.review.project import Project, write_reviewed

# form fields an op may use (anything else in a form is ignored)
_OP_FIELDS = ("op", "node", "label", "into", "item", "to", "level", "parent", "lesson", "note")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)


_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def create_app(
    project: Project,
    actor: str,
    token: str | None = None,
    allowed_hosts: tuple[str, ...] = _LOCAL_HOSTS,
) -> Flask:
    """A Flask app reviewing ``project``'s run as ``actor``.

    ``allowed_hosts``: names the Host header may carry. A page on another site that
    rebinds its own name to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with
    the app and could read the token; checking Host stops that.
    """
    app = Flask(__name__)
    app.config["TOKEN"] = token or secrets.token_urlsafe(32)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # a form of ids and labels, nothing more
    hosts = frozenset(h.strip("[]").lower() for h in allowed_hosts)

    @app.before_request
    def check_host() -> None:
        name = urlsplit("//" + (request.host or "")).hostname or ""
        if name.lower() not in hosts:
            abort(403, f"host {request.host!r} refused (serve binds {', '.join(sorted(hosts))})")

    def page(error: str | None = None, status: int = 200, note: str | None = None) -> Response:
        doc = project.reviewed()
        html = render_template(
            "review.html",
            doc=doc,
            view=_view(doc),
            run_id=project.run_id,
            actor=actor,
            token=app.config["TOKEN"],
            error=error,
            note=note,
            can_write=project.out_dir is not None,
            log=project.log()[-20:][::-1],
            levels=LEVELS,
        )
        return Response(html, status=status, mimetype="text/html")

    def check_post() -> None:
        sent = request.form.get("token", "")
        if not hmac.compare_digest(sent.encode(), app.config["TOKEN"].encode()):
            abort(403, "missing or wrong form token (reload the page)")
        origin = request.headers.get("Origin")
        if origin is not None and origin.rstrip("/") != request.host_url.rstrip("/"):
            abort(403, "cross-origin form post refused")
        if request.headers.get("Sec-Fetch-Site") not in (None, "same-origin", "none"):
            abort(403, "cross-site form post refused")

    @app.get("/")
    def index() -> Response:
        written = request.args.get("written")
        return page(note="Reviewed outputs written." if written else None)

    @app.get("/lessons.json")
    def lessons_json() -> Response:
        return jsonify(project.reviewed())

    @app.post("/op")
    def op() -> Any:
        check_post()
        fields = {k: request.form[k] for k in _OP_FIELDS if request.form.get(k, "").strip()}
        try:
            _, done = project.apply([fields], actor)
        except CoatlasError as e:
            return page(error=str(e).splitlines()[0], status=400)
        anchor = next(
            (done[0].get(k) for k in ("into", "to", "id", "node", "lesson") if done[0].get(k)), ""
        )
        return redirect(f"/#{anchor}", code=303)

    # -- Steps 1–2: Table 2 and one page per initiative ------------------------------------

    def step12(iid: str | None = None, error: str | None = None, status: int = 200) -> Response:
        kept, rejected = project.reviewed_initiatives()
        common = {
            "run_id": project.run_id,
            "actor": actor,
            "token": app.config["TOKEN"],
            "error": error,
            "can_write": project.out_dir is not None,
        }
        if iid is None:
            html = render_template(
                "initiatives.html", rows=_table2(kept), rejected=rejected, **common
            )
        else:
            known = {str(i.get("id")): i for i in kept + rejected}
            if iid not in known:
                abort(404, f"{iid}: no such initiative in run {project.run_id}")
            html = render_template(
                "initiative.html",
                ini=known[iid],
                rejected=iid not in {str(i.get("id")) for i in kept},
                groups=_coding_groups(project.codings(iid)),
                choices=_code_choices(),
                **common,
            )
        return Response(html, status=status, mimetype="text/html")

    @app.get("/initiatives")
    def initiatives() -> Response:
        return step12()

    @app.get("/initiatives/<iid>")
    def initiative(iid: str) -> Response:
        return step12(iid)

    @app.post("/coding")
    def coding() -> Any:
        check_post()
        form = request.form
        iid = form.get("initiative", "").strip()
        try:
            raw = form.get("coding", "").strip()
            if not raw.isdigit():
                raise ValueError(f"coding {raw!r}: not a coding id")
            cid = int(raw)
            action = form.get("action", "")
            note = form.get("note") or None
            if action in ("accept", "reject"):
                project.decide(cid, f"{action}ed", actor, note)
            elif action == "edit":
                start, end = (
                    int(form[k]) if form.get(k, "").strip() else None for k in ("start", "end")
                )
                project.edit(
                    cid, actor, code=form.get("code") or None, start=start, end=end, note=note
                )
            else:
                raise ValueError(f"{action!r}: unknown action (accept, reject or edit)")
        except (CoatlasError, ValueError) as e:
            return step12(iid or None, error=str(e).splitlines()[0], status=400)
        return redirect(f"/initiatives/{quote(iid)}#c{cid}" if iid else "/initiatives", code=303)

    @app.post("/initiative")
    def initiative_op() -> Any:
        check_post()
        fields = {k: request.form[k] for k in ("op", "initiative", "name", "note")
                  if request.form.get(k, "").strip()}  # fmt: skip
        try:
            project.review_initiatives([fields], actor)
        except CoatlasError as e:
            return step12(error=str(e).splitlines()[0], status=400)
        return redirect(f"/initiatives/{quote(fields['initiative'])}", code=303)

    @app.post("/report")
    def report() -> Any:
        check_post()
        try:
            write_reviewed(project)
        except (CoatlasError, OSError, ValueError) as e:
            return page(error=str(e).splitlines()[0], status=400)
        back = request.form.get("back", "")
        return redirect("/initiatives" if back == "initiatives" else "/?written=1", code=303)

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = _CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    return app


def _view(doc: dict[str, Any]) -> dict[str, Any]:
    """Lookups the template needs: lessons by id, what is rejected, the choice lists."""
    lessons = {str(x.get("id")): x for x in doc.get("lessons") or []}
    choices: dict[str, list[tuple[str, str]]] = {level: [] for level in LEVELS}
    for c in doc.get("hierarchy") or []:
        choices["cluster"].append((c["id"], c.get("label", "")))
        for g in c.get("categories") or []:
            choices["category"].append((g["id"], g.get("label", "")))
            for k in g.get("codes") or []:
                choices["code"].append((k["id"], k.get("label", "")))
    placed = {
        lid
        for c in doc.get("hierarchy") or []
        for g in c.get("categories") or []
        for k in g.get("codes") or []
        for lid in k.get("lessons") or []
    }
    return {
        "lessons": lessons,
        "rejected": rejected_lessons(doc),
        "choices": choices,
        "unplaced": [x for lid, x in lessons.items() if lid not in placed],
        "removed": (doc.get("review") or {}).get("removed") or [],
    }


def _table2(initiatives: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Table 2 as the review index: each cell a list of codes linking to their evidence."""
    from coatlas.report.tables import timeline

    return [
        {
            "id": str(i.get("id")),
            "name": str(i.get("name") or ""),
            "timeline": timeline(
                i.get("start"), i.get("end"), bool(i.get("ongoing")), i.get("active_years") or []
            ),
            "cells": [list(i.get(g) or []) for g in ("methods", "levels", "ppe_roles")],
            "review": i.get("review") or {},
        }
        for i in initiatives
    ]


def _coding_groups(rows: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """An initiative's codings by what they code (name, ppe, years, then each code)."""
    order = ("name", "ppe", "start", "end", "methods", "levels", "ppe_roles")
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["code"], []).append(r)

    def rank(code: str) -> tuple[int, str]:
        head = code.partition(":")[0]
        return (order.index(head) if head in order else len(order), code)

    return [(code, groups[code]) for code in sorted(groups, key=rank)]


def _code_choices() -> dict[str, list[str]]:
    """Codes a coding can be changed to, per group (the store checks them against the codebook)."""
    from coatlas.report.labels import default_method_labels, level_labels, role_labels

    return {
        "methods": list(default_method_labels()),
        "levels": list(level_labels()),
        "ppe_roles": list(role_labels()),
    }
