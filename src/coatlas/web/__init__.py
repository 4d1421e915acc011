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


def create_app(project: Project, actor: str, token: str | None = None) -> Flask:
    """A Flask app reviewing ``project``'s run as ``actor``."""
    app = Flask(__name__)
    app.config["TOKEN"] = token or secrets.token_urlsafe(32)
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # a form of ids and labels, nothing more

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

    @app.post("/report")
    def report() -> Any:
        check_post()
        try:
            write_reviewed(project)
        except (CoatlasError, OSError, ValueError) as e:
            return page(error=str(e).splitlines()[0], status=400)
        return redirect("/?written=1", code=303)

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
