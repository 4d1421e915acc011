"""The browser review app: the hierarchy, Table 2 and a document view to code in.

Thin by design: every action is one op handed to :class:`coatlas.review.project.Project`
(the same call the terminal verb makes), which checks it and records it as an event;
the page is then rendered again from the store. Local use: ``coatlas serve OUT`` binds
127.0.0.1. POSTs carry a per-process token and must be same-origin (CSRF), every text
is escaped by Jinja's autoescape. The one script, ``/static/select.js``, is served by
the app itself (CSP ``script-src 'self'``: no inline script, no CDN); it only fills
the selection's offsets into the plain forms, which work without it.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import quote, urlsplit

from flask import (
    Flask,
    Response,
    abort,
    jsonify,
    redirect,
    render_template,
    request,
    session,
)
from flask import (
    g as current,
)

from coatlas.errors import CoatlasError, StaleError
from coatlas.review.docview import KIND_LABELS, KINDS, document_view
from coatlas.review.ops import LEVELS, rejected_lessons
from coatlas.review.project import Project, write_reviewed

# form fields an op may use (anything else in a form is ignored)
_OP_FIELDS = ("op", "node", "label", "into", "item", "to", "level", "parent", "lesson", "note")
_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
_GROUP_NAMES = {"methods": "Method", "levels": "System level", "ppe_roles": "PPE role"}
_SINGLE_NAMES = {
    "name": "Initiative named",
    "ppe": "PPE involvement",
    "start": "Start year",
    "end": "End year",
    "years": "Years (corrected)",
}


_LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def create_app(
    project: Project,
    actor: str,
    token: str | None = None,
    allowed_hosts: tuple[str, ...] = _LOCAL_HOSTS,
    team: bool = False,
    blind: bool = False,
) -> Flask:
    """A Flask app reviewing ``project``'s run as ``actor``.

    ``allowed_hosts``: names the Host header may carry. A page on another site that
    rebinds its own name to 127.0.0.1 (DNS rebinding) would otherwise be same-origin with
    the app and could read the token; checking Host stops that.

    ``team``: every page needs a login (the store's members, ``coatlas users add``); the
    member who logged in is the actor of every event, their role decides what they may
    change (:mod:`coatlas.team`), and the form token is per session. Without it, one
    reviewer (``actor``) on their own machine, as before.

    ``blind`` (with ``team``): double coding. Each analyst's Steps 1–2 pages show only their
    own decisions (:mod:`coatlas.review.blind`), the agreement page is the overseer's, and
    the overseer resolves the disagreements there.
    """
    app = Flask(__name__, static_folder="static", static_url_path="/static")
    app.config["TOKEN"] = token or secrets.token_urlsafe(32)
    app.config["TEAM"] = team
    if team:
        app.config.update(
            SECRET_KEY=secrets.token_bytes(32),  # sessions end when the server stops
            SESSION_COOKIE_HTTPONLY=True,
            SESSION_COOKIE_SAMESITE="Strict",
            SESSION_COOKIE_NAME="coatlas_session",
        )
    from coatlas.review.labels import run_labels

    labels = run_labels(project.out_dir)  # the run's codebook: every label on every page
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # a form of ids and labels, nothing more
    hosts = frozenset(h.strip("[]").lower() for h in allowed_hosts)

    @app.before_request
    def check_host() -> Any:
        name = urlsplit("//" + (request.host or "")).hostname or ""
        if name.lower() not in hosts:
            abort(403, f"host {request.host!r} refused (serve binds {', '.join(sorted(hosts))})")
        if not team or request.path == "/login" or request.path.startswith("/static/"):
            return None
        user = project.store.user(session["user"]) if session.get("user") else None
        if user is None:  # no session, or a member no longer in the store
            session.clear()
            if request.method == "GET":
                return redirect(f"/login?next={quote(request.full_path.rstrip('?'))}", code=303)
            abort(401, "log in first")
        current.user = user
        if blind and request.path == "/agreement" and user["role"] == "analyst":
            abort(403, "blind double coding: the agreement page is the overseer's")
        if request.method == "POST" and request.path not in ("/logout",):
            need = "finalise" if request.path in ("/report", "/resolve") else "code"
            from coatlas.team import allowed

            if not allowed(user["role"], need):
                what = "finalise the review" if need == "finalise" else "change anything"
                abort(403, f"{user['name']} is a {user['role']}: a {user['role']} cannot {what}")
        return None

    def who() -> str:
        """The actor of this request's events: the member logged in, or the server's actor."""
        return str(current.user["name"]) if team else actor

    def blind_as() -> str | None:
        """Whose own view the pages show in blind mode (an analyst), else None: everyone's."""
        if blind and team and current.user["role"] == "analyst":
            return str(current.user["name"])
        return None

    def form_token() -> str:
        if not team:
            return str(app.config["TOKEN"])
        if "token" not in session:
            session["token"] = secrets.token_urlsafe(32)
        return str(session["token"])

    def common(error: str | None = None, note: str | None = None) -> dict[str, Any]:
        from coatlas.team import allowed

        role = current.user["role"] if team else None
        return {
            "run_id": project.run_id,
            "actor": who(),
            "role": role,
            "team": team,
            "token": form_token(),
            "error": error,
            "note": note,
            "can_write": project.out_dir is not None
            and (role is None or allowed(role, "finalise")),
            "read_only": role is not None and not allowed(role, "code"),
            "memos": _memo_map(project.memos()),
            "seen": project.store.last_event_id(),
            "blind": blind_as() is not None,
        }

    def page(error: str | None = None, status: int = 200, note: str | None = None) -> Response:
        doc = project.reviewed()
        html = render_template(
            "review.html",
            doc=doc,
            view=_view(doc),
            log=[_log_line(e, doc) for e in project.log()[-20:][::-1]],
            levels=LEVELS,
            **common(error, note),
        )
        return Response(html, status=status, mimetype="text/html")

    def check_post() -> None:
        sent = request.form.get("token", "")
        if not hmac.compare_digest(sent.encode(), form_token().encode()):
            abort(403, "missing or wrong form token (reload the page)")
        check_origin()

    def check_origin() -> None:
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
            _, done = project.apply([fields], who(), seen=_seen(request.form))
        except CoatlasError as e:
            return page(error=str(e).splitlines()[0], status=_status(e))
        anchor = next(
            (done[0].get(k) for k in ("into", "to", "id", "node", "lesson") if done[0].get(k)), ""
        )
        return redirect(f"/#{anchor}", code=303)

    # -- Steps 1–2: Table 2 and one page per initiative ------------------------------------

    def step12(iid: str | None = None, error: str | None = None, status: int = 200) -> Response:
        from coatlas.review.initiatives import coding_keys

        kept, rejected = project.reviewed_initiatives(by=blind_as())
        if iid is None:
            html = render_template(
                "initiatives.html",
                rows=_table2(kept, labels),
                rejected=rejected,
                **common(error),
            )
        else:
            known = {str(i.get("id")): i for i in kept + rejected}
            if iid not in known:
                abort(404, f"{iid}: no such initiative in run {project.run_id}")
            keys = coding_keys(project.store, project.run_id)
            rows = [
                {**r, "key": keys.get(r["id"], "")} for r in project.codings(iid, by=blind_as())
            ] + [{**r, "key": r["id"]} for r in project.human_codings(iid, by=blind_as())]
            html = render_template(
                "initiative.html",
                ini=known[iid],
                summary=_summary(known[iid], labels),
                rejected=iid not in {str(i.get("id")) for i in kept},
                groups=_coding_groups(rows, labels),
                choices=_code_choices(labels),
                **common(error),
            )
        return Response(html, status=status, mimetype="text/html")

    # -- documents: the text with its codings, where a selection is coded -----------------

    def doc_page(path: str, error: str | None = None, status: int = 200) -> Response:
        text = project.text(path)
        if text is None:
            abort(404, f"{path}: not a document of run {project.run_id}")
        shown = [k for k in request.args.getlist("show") if k in KINDS] or list(KINDS)
        only = request.args.get("initiative") or None
        kept, _ = project.reviewed_initiatives(by=blind_as())
        lessons = project.reviewed()
        view = document_view(path, text, kept, lessons, labels, shown, only)
        focus = _span_arg(request.args.get("focus", ""))
        html = render_template(
            "document.html",
            doc=view,
            focus=focus,
            shown=shown,
            only=only,
            kinds=[(k, KIND_LABELS[k], view["counts"][k]) for k in KINDS],
            initiatives=sorted(
                ((str(i["id"]), str(i.get("name") or i["id"])) for i in kept),
                key=lambda t: t[1].casefold(),
            ),
            code_choices=_code_choices(labels),
            group_names=_GROUP_NAMES,
            nodes=_view(lessons)["choices"]["code"],
            back=request.full_path.rstrip("?"),
            **common(error),
        )
        return Response(html, status=status, mimetype="text/html")

    @app.get("/documents")
    def documents() -> Response:
        kept, _ = project.reviewed_initiatives(by=blind_as())
        lessons = project.reviewed()
        rows = []
        for d in project.documents():
            n = sum(
                1
                for i in kept
                for value in (i.get("evidence") or {}).values()
                for items in (value.values() if isinstance(value, dict) else [value])
                for e in items or []
                if e.get("document") == d["path"]
            )
            n_lessons = sum(
                1 for x in lessons.get("lessons") or [] if x.get("document") == d["path"]
            )
            rows.append({**d, "codings": n, "lessons": n_lessons})
        html = render_template("documents.html", rows=rows, **common())
        return Response(html, mimetype="text/html")

    @app.get("/document")
    def document() -> Response:
        return doc_page(request.args.get("path", ""))

    @app.post("/workbench")
    def workbench() -> Any:
        """One op coded by selection: the same Project call as its terminal verb."""
        check_post()
        form = request.form
        back = _back(form.get("back", ""))
        path = form.get("document", "").strip()
        try:
            action = form.get("action", "")
            if action == "uncode":
                project.uncode(form.get("coding", "").strip(), who())
            else:
                start, end = _int(form, "start", True), _int(form, "end", True)
                years = {
                    "start_year": _int(form, "start_year"),
                    "end_year": _int(form, "end_year"),
                    "ongoing": bool(form.get("ongoing")),
                }
                if action == "add-initiative":
                    project.add_initiative(
                        form.get("name", "").strip(), path, start, end, who(), **years
                    )
                elif action == "code":
                    project.code(
                        form.get("initiative", "").strip(),
                        form.get("code", "").strip(),
                        path,
                        start,
                        end,
                        who(),
                    )
                elif action == "years":
                    project.set_years(
                        form.get("initiative", "").strip(), path, start, end, who(), **years
                    )
                elif action == "add-lesson":
                    project.add_lesson(path, start, end, who(), to=form.get("to") or None)
                else:
                    raise ValueError(f"{action!r}: unknown action")
        except (CoatlasError, ValueError) as e:
            if path and project.text(path) is not None:
                return doc_page(path, error=str(e).splitlines()[0], status=400)
            return step12(error=str(e).splitlines()[0], status=400)
        return redirect(back, code=303)

    @app.post("/memo")
    def memo() -> Any:
        check_post()
        back = _back(request.form.get("back", ""))
        try:
            project.add_memo(request.form.get("target", ""), request.form.get("text", ""), who())
        except CoatlasError as e:
            return page(error=str(e).splitlines()[0], status=400)
        return redirect(back, code=303)

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
                # blind: colleagues' decisions on the same coding are theirs, not a conflict
                seen = None if blind_as() else _seen(form)
                project.decide(cid, f"{action}ed", who(), note, seen=seen)
            elif action == "edit":
                start, end = (
                    int(form[k]) if form.get(k, "").strip() else None for k in ("start", "end")
                )
                project.edit(
                    cid,
                    who(),
                    code=form.get("code") or None,
                    start=start,
                    end=end,
                    note=note,
                    seen=None if blind_as() else _seen(form),
                )
            else:
                raise ValueError(f"{action!r}: unknown action (accept, reject or edit)")
        except (CoatlasError, ValueError) as e:
            return step12(iid or None, error=str(e).splitlines()[0], status=_status(e))
        return redirect(f"/initiatives/{quote(iid)}#c{cid}" if iid else "/initiatives", code=303)

    @app.post("/initiative")
    def initiative_op() -> Any:
        check_post()
        fields = {k: request.form[k] for k in ("op", "initiative", "name", "note")
                  if request.form.get(k, "").strip()}  # fmt: skip
        try:
            project.review_initiatives([fields], who(), seen=_seen(request.form))
        except CoatlasError as e:
            return step12(error=str(e).splitlines()[0], status=_status(e))
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

    # -- agreement: the figures and the disagreements side by side ---------------------------

    @app.get("/agreement")
    def agreement_page() -> Response:
        """What `coatlas agreement OUT` prints, and every unit the coders disagree on."""
        from coatlas.agreement import STATISTICS, report
        from coatlas.review.coders import disagreements

        wanted = [c for c in request.args.get("coders", "").split(",") if c.strip()] or None
        error = None
        result: dict[str, Any] | None = None
        listing: dict[str, Any] = {"coders": [], "units": []}
        try:
            listing = disagreements(project, wanted)
            from coatlas.review.coders import coder_tables

            names, overall, per_code = coder_tables(project, wanted)
            if len(names) >= 2:
                result = report(names, overall, per_code)
        except CoatlasError as e:
            error = str(e).splitlines()[0]
        html = render_template(
            "agreement.html",
            result=result,
            listing=listing,
            statistics=STATISTICS,
            code_labels=_flat_labels(labels),
            **common(error),
        )
        return Response(html, status=400 if error else 200, mimetype="text/html")

    @app.post("/resolve")
    def resolve() -> Any:
        """The overseer's resolution of a disputed unit (document × code): yes or no."""
        from coatlas.review.blind import resolve as record

        check_post()
        form = request.form
        value = form.get("value", "")
        try:
            if value not in ("yes", "no"):
                raise ValueError(f"resolve: value {value!r} is not yes or no")
            record(project, form.get("document", ""), form.get("code", ""), value == "yes",
                   who(), form.get("note") or None)  # fmt: skip
        except (CoatlasError, ValueError) as e:
            return Response(str(e).splitlines()[0], status=400, mimetype="text/plain")
        return redirect("/agreement#disagreements", code=303)

    # -- team mode: log in and out ----------------------------------------------------------

    @app.get("/login")
    def login_form() -> Response:
        if not team:
            abort(404)
        return login_page()

    def login_page(error: str | None = None, status: int = 200) -> Response:
        session.setdefault("login", secrets.token_urlsafe(32))
        html = render_template(
            "login.html",
            error=error,
            token=session["login"],
            next=_back(request.values.get("next", "") or "/documents"),
            run_id=project.run_id,
        )
        return Response(html, status=status, mimetype="text/html")

    @app.post("/login")
    def login() -> Any:
        from coatlas.team import authenticate

        if not team:
            abort(404)
        sent = request.form.get("token", "")
        expected = session.get("login", "")
        if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
            abort(403, "missing or wrong form token (reload the page)")
        check_origin()
        user = authenticate(
            project.store, request.form.get("name", "").strip(), request.form.get("password", "")
        )
        if user is None:
            return login_page(error="Wrong name or password.", status=401)
        session.clear()  # a fresh session: no fixation
        session["user"] = user["name"]
        session["token"] = secrets.token_urlsafe(32)
        return redirect(_back(request.form.get("next", "") or "/documents"), code=303)

    @app.post("/logout")
    def logout() -> Any:
        check_post()
        session.clear()
        return redirect("/login", code=303)

    @app.after_request
    def headers(resp: Response) -> Response:
        resp.headers["Content-Security-Policy"] = _CSP
        if request.path.startswith("/static/"):
            resp.headers["Cache-Control"] = "no-cache"
            return resp
        resp.headers["X-Content-Type-Options"] = "nosniff"
        # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on
        # its own form posts, which the same-origin check must refuse
        resp.headers["Referrer-Policy"] = "same-origin"
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
        "labels": _labels_of(doc),
    }


def _table2(
    initiatives: list[dict[str, Any]], labels: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    """Table 2 as the review index: each cell a list of (code, label) linking to its evidence."""
    from coatlas.report.labels import label
    from coatlas.report.tables import chronological, timeline

    return [
        {
            "id": str(i.get("id")),
            "name": str(i.get("name") or ""),
            "timeline": timeline(
                i.get("start"), i.get("end"), bool(i.get("ongoing")), i.get("active_years") or []
            ),
            "cells": [
                (g, [(c, label(c, labels.get(g, {}))) for c in i.get(g) or []])
                for g in ("methods", "levels", "ppe_roles")
            ],
            "review": i.get("review") or {},
        }
        for i in chronological(initiatives)
    ]


def _summary(ini: dict[str, Any], labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """An initiative's values in words, for the head of its page."""
    from coatlas.report.labels import label
    from coatlas.report.tables import timeline

    def words(group: str) -> str:
        return ", ".join(label(c, labels.get(group, {})) for c in ini.get(group) or []) or "–"

    return {
        "timeline": timeline(
            ini.get("start"),
            ini.get("end"),
            bool(ini.get("ongoing")),
            ini.get("active_years") or [],
        ),
        "methods": words("methods"),
        "levels": words("levels"),
        "ppe_roles": words("ppe_roles"),
    }


def _coding_groups(
    rows: list[dict[str, Any]], labels: dict[str, dict[str, str]]
) -> list[dict[str, Any]]:
    """An initiative's codings by what they code (name, ppe, years, then each code), labelled."""
    from coatlas.report.labels import label

    order = ("name", "ppe", "start", "end", "years", "methods", "levels", "ppe_roles")
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault(r["code"], []).append(r)

    def rank(code: str) -> tuple[int, str]:
        head = code.partition(":")[0]
        return (order.index(head) if head in order else len(order), code)

    out = []
    for code in sorted(groups, key=rank):
        group, _, sub = code.partition(":")
        if sub:
            title = f"{_GROUP_NAMES.get(group, group)}: {label(sub, labels.get(group, {}))}"
        else:
            title = _SINGLE_NAMES.get(code, code)
        out.append({"code": code, "group": group, "title": title, "rows": groups[code]})
    return out


def _code_choices(labels: dict[str, dict[str, str]]) -> dict[str, list[tuple[str, str]]]:
    """The run's codebook codes per group, as (code, label): what a coding can become."""
    return {g: list(labels.get(g, {}).items()) for g in ("methods", "levels", "ppe_roles")}


def _memo_map(memos: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for m in memos:
        out.setdefault(m["target"], []).append(m)
    return out


def _log_line(e: dict[str, Any], doc: dict[str, Any]) -> str:
    """A lesson op in words, ids replaced by labels where the node still exists."""
    names = {cid: lab for cid, lab in _labels_of(doc).items()}
    p = e.get("payload") or {}
    parts = []
    for k, v in p.items():
        if k == "op" or k == "text":
            continue
        shown = f"“{names[v]}”" if isinstance(v, str) and v in names else str(v)
        parts.append(f"{k} {shown}")
    return f"{e['at'][:16].replace('T', ' ')} · {e['actor']} · {p.get('op')} " + ", ".join(parts)


def _labels_of(doc: dict[str, Any]) -> dict[str, str]:
    out = {}
    for c in doc.get("hierarchy") or []:
        out[c["id"]] = c.get("label", "")
        for g in c.get("categories") or []:
            out[g["id"]] = g.get("label", "")
            for k in g.get("codes") or []:
                out[k["id"]] = k.get("label", "")
    return out


def _int(form: Any, key: str, required: bool = False) -> int | None:
    raw = str(form.get(key, "")).strip()
    if not raw:
        if required:
            raise ValueError(f"{key}: select a passage (or give its {key} offset)")
        return None
    if not raw.isdigit():
        raise ValueError(f"{key} {raw!r}: not a whole number")
    return int(raw)


def _flat_labels(labels: dict[str, dict[str, str]]) -> dict[str, str]:
    """``methods:co_design`` -> its codebook label, for every method, level and role."""
    return {f"{g}:{c}": lab for g, codes in labels.items() for c, lab in codes.items()}


def _seen(form: Any) -> int | None:
    """The event id the posting page was drawn from (None: an old page, no check)."""
    raw = str(form.get("seen", "")).strip()
    return int(raw) if raw.isdigit() else None


def _status(e: BaseException) -> int:
    """409 for an edit of a stale page (reload and decide again), else 400."""
    return 409 if isinstance(e, StaleError) else 400


def _span_arg(raw: str) -> tuple[int, int] | None:
    a, sep, b = raw.partition(":")
    return (int(a), int(b)) if sep and a.isdigit() and b.isdigit() else None


def _back(raw: str) -> str:
    """Where to go after a post: a path of this app, never another site."""
    return raw if raw.startswith("/") and not raw.startswith("//") else "/documents"
