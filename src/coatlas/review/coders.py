"""Each coder's Steps 1–2 coding of a run as a ratings table: the input of the agreement figures.

A unit is a document × a codebook code (a method, level or role): does this document show
this initiative feature? The machine is one coder: yes wherever its proposal has evidence
of the code in the document, no elsewhere. A person is a coder of every document in which
they recorded anything, read from their events in the store's log (so the figures need no
extra bookkeeping and every event keeps its author):

- accepting a machine coding, a span correction, or a code they added by selection: yes;
- rejecting a machine coding, or moving it to another code: no for the old code (and yes
  for the new one);
- a code nobody proposed there and the person did not add: no (they read the document and
  did not code it);
- a machine proposal in their document they decided nothing on: missing.

Their latest decision on a coding counts; an ``uncode`` takes back an added coding.
"""

from __future__ import annotations

from typing import Any

from coatlas.events import CODING_EDIT, CODING_STATUS

MACHINE = "machine"
_GROUPS = ("methods", "levels", "ppe_roles")

Unit = tuple[str, str]  # (document, group:code)


def machine_votes(initiatives: list[dict[str, Any]]) -> set[Unit]:
    """(document, code) pairs the machine has evidence for."""
    out: set[Unit] = set()
    for ini in initiatives:
        ev = ini.get("evidence") or {}
        for group in _GROUPS:
            for code, items in (ev.get(group) or {}).items():
                for item in items or []:
                    if item.get("document"):
                        out.add((str(item["document"]), f"{group}:{code}"))
    return out


Quotes = dict[tuple[str, Unit], list[dict[str, Any]]]  # (coder, unit) -> the quotes behind it


def human_votes(project: Any, quotes: Quotes | None = None) -> dict[str, dict[Unit, bool | None]]:
    """Each person's yes/no per (document, code) they decided, from the run's events.

    ``quotes``, when given, is filled with the quotes behind each vote (``quote``, ``start``,
    ``end``, ``yes``), for the side-by-side list of disagreements.
    """
    rows = {r["id"]: r for r in project.codings()}
    events = [
        e
        for e in project.store.events()
        if e["action"] in (CODING_STATUS, CODING_EDIT)
        and str(e["target"]).partition(":")[2].isdigit()
        and int(str(e["target"]).partition(":")[2]) in rows
    ]
    # the code each coding had when a decision was taken: its proposal, then each edit
    current: dict[int, str | None] = {cid: r["code"] for cid, r in rows.items()}
    for e in reversed(events):
        if e["action"] == CODING_EDIT:
            current[int(e["target"].partition(":")[2])] = (e["payload"].get("from") or {}).get(
                "code"
            )
    latest: dict[str, dict[int, list[tuple[str | None, bool]]]] = {}
    for e in events:
        cid = int(e["target"].partition(":")[2])
        p = e["payload"]
        if e["action"] == CODING_STATUS:
            decision = [(current[cid], p.get("to") == "accepted")]
        else:
            before, after = (p.get("from") or {}).get("code"), (p.get("to") or {}).get("code")
            decision = [(after, True)] if before == after else [(before, False), (after, True)]
            current[cid] = after
        latest.setdefault(e["actor"], {})[cid] = decision
    # the machine's codings of each unit, by the code they were proposed with
    proposed: dict[Unit, set[int]] = {}
    for cid, code in current.items():
        proposed.setdefault((str(rows[cid]["evidence"]["document"]), str(code)), set()).add(cid)
    votes: dict[str, dict[Unit, bool | None]] = {}
    rejected: dict[str, dict[Unit, set[int]]] = {}

    def vote(
        actor: str, doc: str, code: str | None, yes: bool, ev: dict[str, Any], cid: int = 0
    ) -> None:
        if not code or code.partition(":")[0] not in _GROUPS:
            return
        unit = (doc, code)
        if yes:
            votes.setdefault(actor, {})[unit] = True
        else:
            rejected.setdefault(actor, {}).setdefault(unit, set()).add(cid)
        if quotes is not None:
            quotes.setdefault((actor, (doc, code)), []).append(
                {"quote": ev["quote"], "start": ev["start"], "end": ev["end"], "yes": yes}
            )

    for actor, decisions in latest.items():
        for cid, decision in decisions.items():
            ev = rows[cid]["evidence"]
            for code, yes in decision:
                vote(actor, str(ev["document"]), code, yes, ev, cid)
    for r in project.human_codings():
        ev = r["evidence"]
        vote(str(r["coder"]), str(ev["document"]), r.get("code"), True, ev)
    # no: every machine coding of the unit rejected (or moved away) and nothing said yes;
    # a unit with some of its quotes left undecided stays undecided
    # (None: some quotes rejected, others undecided; the document still counts as read)
    for actor, units in rejected.items():
        mine = votes.setdefault(actor, {})
        for unit, ids in units.items():
            if unit not in mine:
                mine[unit] = False if ids >= proposed.get(unit, set()) else None
    return votes


def coder_tables(
    project: Any, coders: list[str] | None = None
) -> tuple[list[str], list[list[Any]], dict[str, list[list[Any]]]]:
    """(coders, overall table, per-code tables) of a run, for :func:`coatlas.agreement.report`.

    ``coders`` picks and orders them (``machine`` is the machine); default: the machine
    and every person who decided anything, by name.
    """
    from coatlas.agreement import AgreementError

    machine = machine_votes(project.proposed_initiatives())
    people = human_votes(project)
    # the overseer resolves disagreements: their decisions are not one more coder's
    overseers = {u["name"] for u in project.store.users() if u["role"] == "overseer"}
    names = coders or [MACHINE, *sorted(p for p in people if p not in overseers)]
    unknown = [c for c in names if c != MACHINE and c not in people]
    if unknown:
        known = ", ".join([MACHINE, *sorted(people)])
        raise AgreementError(f"--coders: {', '.join(unknown)} coded nothing in run "
                             f"{project.run_id} (coders: {known})")  # fmt: skip
    docs = [d["path"] for d in project.documents()]
    codes = set(project.codebook_codes() or [])
    touched = {p: {d for d, _ in v} for p, v in people.items()}
    codes |= {c for _, c in machine} | {c for v in people.values() for _, c in v}
    ordered = sorted(codes)

    def value(coder: str, unit: Unit) -> bool | None:
        if coder == MACHINE:
            return unit in machine
        mine = people[coder]
        if unit[0] not in touched[coder]:
            return None
        if unit in mine:
            return mine[unit]
        return None if unit in machine else False

    per_code = {code: [[value(c, (doc, code)) for c in names] for doc in docs] for code in ordered}
    overall = [row for code in ordered for row in per_code[code]]
    return names, overall, per_code


def segment_tables(
    project: Any, coders: list[str] | None = None
) -> tuple[list[str], list[list[Any]], dict[str, list[list[Any]]]]:
    """Segment coding of a run: quotes matched by overlap (:func:`coatlas.agreement.segment_rows`).

    The machine's spans are its evidence quotes of methods, levels and roles; a person's are
    the quotes they accepted, corrected or added (a rejected quote is a passage they read
    and did not code). A person coded the documents they decided anything in.
    """
    from coatlas.agreement import AgreementError, from_segments

    said: Quotes = {}
    people = human_votes(project, said)
    overseers = {u["name"] for u in project.store.users() if u["role"] == "overseer"}
    names = coders or [MACHINE, *sorted(p for p in people if p not in overseers)]
    unknown = [c for c in names if c != MACHINE and c not in people]
    if unknown:
        raise AgreementError(f"--coders: {', '.join(unknown)} coded nothing in run "
                             f"{project.run_id}")  # fmt: skip
    segments = []
    for ini in project.proposed_initiatives():
        ev = ini.get("evidence") or {}
        for group in _GROUPS:
            for code, items in (ev.get(group) or {}).items():
                for item in items or []:
                    segments.append((MACHINE, str(item["document"]), int(item["start"]),
                                     int(item["end"]), f"{group}:{code}"))  # fmt: skip
    read = {MACHINE: {d["path"] for d in project.documents()}}
    for (who, (doc, code)), quotes in said.items():
        read.setdefault(who, set()).add(doc)
        for q in quotes:
            if q["yes"]:
                segments.append((who, doc, int(q["start"]), int(q["end"]), code))
    chosen = set(names)
    return from_segments(
        sorted(x for x in set(segments) if x[0] in chosen),
        names,
        {c: d for c, d in read.items() if c in chosen},
    )


def disagreements(project: Any, coders: list[str] | None = None) -> dict[str, Any]:
    """The units on which the coders disagree, side by side with the quotes behind each value.

    ``{"coders": [...], "units": [{"document", "code", "values": [yes/no/None per coder],
    "quotes": [[{quote, start, end, yes}, ...] per coder]}]}``, by document then code. A unit
    only one coder rated is no disagreement.
    """
    proposal = project.proposed_initiatives()
    said: Quotes = {}
    people = human_votes(project, said)
    names, _, per_code = coder_tables(project, coders)
    docs = [d["path"] for d in project.documents()]
    machine_quotes: Quotes = {}
    for ini in proposal:
        ev = ini.get("evidence") or {}
        for group in _GROUPS:
            for code, items in (ev.get(group) or {}).items():
                for item in items or []:
                    unit = (str(item.get("document")), f"{group}:{code}")
                    machine_quotes.setdefault((MACHINE, unit), []).append(
                        {"quote": item.get("quote"), "start": item.get("start"),
                         "end": item.get("end"), "yes": True, "initiative": ini.get("id")}
                    )  # fmt: skip
    del people  # the votes are in per_code; the quotes were collected on the way
    from coatlas.review.blind import resolutions

    resolved = resolutions(project.store, project.run_id)
    units = []
    for doc_i, doc in enumerate(docs):
        for code in sorted(per_code):
            values = per_code[code][doc_i]
            rated = [v for v in values if v is not None]
            if len(rated) < 2 or len(set(rated)) == 1:
                continue
            unit = (doc, code)
            units.append(
                {
                    "document": doc,
                    "code": code,
                    "resolution": resolved.get(unit),
                    "values": values,
                    "quotes": [
                        _dedupe((machine_quotes if c == MACHINE else said).get((c, unit), []))
                        for c in names
                    ],
                }
            )
    return {"coders": names, "units": units}


def _dedupe(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, Any, Any]] = set()
    out = []
    for q in sorted(quotes, key=lambda q: (q["start"], q["end"], not q["yes"])):
        k = (q["start"], q["end"], q["yes"])
        if k not in seen:
            seen.add(k)
            out.append(q)
    return out


__all__ = ["disagreements", "MACHINE", "coder_tables", "human_votes", "machine_votes"]
