"""REFI-QDA Project export (.qdpx): coatlas's results in NVivo, ATLAS.ti, MAXQDA, QualCoder.

A .qdpx is a zip of ``project.qde`` (XML, namespace ``urn:QDA-XML:project:1.0``) and
``sources/``. Every source is a document's canonical text as UTF-8, so the
selections' ``startPosition``/``endPosition`` (character positions, i.e. Unicode code
points, which is what Python string offsets count) land on exactly the quoted text.

Determinism: GUIDs are uuid5 of stable keys, the XML has no timestamps unless a
fixed one is given, and zip entries are sorted with a fixed date. Same results in,
same bytes out.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

from coatlas.interop.results import ExportError, Results, load_results

NS = "urn:QDA-XML:project:1.0"
SCHEMA_LOCATION = f"{NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DEFAULT_FILE = "coatlas.qdpx"
# Fixed namespace for every GUID coatlas writes (uuid5 of this and a stable key).
GUID_NS = uuid.UUID("6f1c1f8e-3c1a-5b0e-9d55-0c0a7a5c0a71")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip can hold: no clock in the bytes
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def guid(key: str) -> str:
    """A GUID that is the same for the same key, run after run."""
    return str(uuid.uuid5(GUID_NS, key))


def _x(s: Any) -> str:
    """Text safe for XML 1.0 (control characters from PDFs would make lxml refuse)."""
    return _NOT_XML.sub("\ufffd", str(s))


@cache
def _labels() -> dict[str, Any]:
    text = resources.files("coatlas.interop").joinpath("labels.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def _label(section: str, key: str, lang: str) -> tuple[str, str]:
    entry = _labels()[section][key]
    return entry["label"].get(lang) or entry["label"]["en"], entry.get("description", "")


@dataclass
class _Code:
    key: str
    name: str
    description: str = ""
    codable: bool = True
    children: list[_Code] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # GUIDs of memos on this code

    @property
    def guid(self) -> str:
        return guid(f"code:{self.key}")

    def add(self, child: _Code) -> _Code:
        taken = {c.name for c in self.children}
        if child.name in taken:  # siblings with one name confuse every QDA tool
            child.name = f"{child.name} ({child.key.rsplit(':', 1)[-1]})"
        self.children.append(child)
        return child


@dataclass
class _Selection:
    document: str
    start: int
    end: int
    user: str
    modifier: str | None = None
    codes: dict[str, None] = field(default_factory=dict)  # code guids, insertion-ordered
    notes: set[str] = field(default_factory=set)
    memos: list[str] = field(default_factory=list)  # GUIDs of memos on this selection


@dataclass
class ExportSummary:
    path: Path
    sources: int
    codes: int
    selections: int
    codings: int
    users: list[str]
    skipped: dict[str, int]


class _Builder:
    """Collects codes, selections and users, then writes them in schema order."""

    def __init__(self, results: Results, lang: str, include_rejected: bool) -> None:
        self.r = results
        self.lang = lang
        self.include_rejected = include_rejected
        blob = json.dumps(results.manifest, sort_keys=True, ensure_ascii=False)
        # Codes and selections of one run get their own GUIDs (two runs' "i01" are
        # different initiatives); codebook codes and sources keep theirs across runs.
        self.run = hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]
        self.roots: list[_Code] = []
        self.by_key: dict[str, _Code] = {}
        self.selections: dict[tuple[str, int, int, str], _Selection] = {}
        self.users: dict[str, None] = {"coatlas": None}
        self.skipped: dict[str, int] = {}
        self.codebook = _codebook(results.manifest)
        # what a memo can be about: target name -> a code, a selection or a source
        self.targets: dict[str, tuple[str, Any]] = {}
        self.memo_notes: list[tuple[str, str, str, str]] = []  # guid, name, user, text
        self.source_memos: dict[str, list[str]] = {}
        self.inis = self._reviewed_initiatives()

    # -- codes ---------------------------------------------------------------------

    def code(
        self, key: str, name: str, description: str = "", parent: _Code | None = None, **kw: Any
    ) -> _Code:
        if key in self.by_key:
            return self.by_key[key]
        node = _Code(key, _x(name), _x(description), **kw)
        self.by_key[key] = node
        if parent is None:
            self.roots.append(node)
        else:
            parent.add(node)
        return node

    def structural(self, name: str, parent: _Code | None = None, codable: bool = False) -> _Code:
        label, desc = _label("codes", name, self.lang)
        return self.code(f"coatlas:{name}", label, desc, parent, codable=codable)

    def group_code(self, group: str, code: str | None) -> _Code:
        """The codebook group's parent code, or one of its codes (made if unknown)."""
        cb = self.codebook
        gkey = f"codebook:{cb.name if cb else '?'}:{group}"
        if gkey not in self.by_key:
            g = _find_group(cb, group)
            name = _pick(g.label, self.lang) if g else None
            self.code(gkey, name or group, g.description if g else "", codable=False)
        parent = self.by_key[gkey]
        if code is None:
            return parent
        key = f"{gkey}:{code}"
        if key not in self.by_key:
            c = _find_code(cb, code)
            if c is None:
                desc = f"coatlas id: {group}:{code} (not in the codebook)"
                return self.code(key, code, desc, parent)
            notes = [c.definition.strip()]
            if c.inclusion:
                notes.append(f"Inclusion: {c.inclusion.strip()}")
            if c.exclusion:
                notes.append(f"Exclusion: {c.exclusion.strip()}")
            notes.append(f"coatlas id: {group}:{code}")
            self.code(key, _pick(c.label, self.lang) or code, "\n".join(notes), parent)
        return self.by_key[key]

    # -- selections ----------------------------------------------------------------

    def mark(
        self,
        where: str,
        ev: dict[str, Any],
        codes: list[_Code],
        note: str,
        user: str = "coatlas",
        modifier: str | None = None,
        target: str | None = None,
    ) -> None:
        """Code ``ev``'s span with ``codes``, after checking it against the canonical text.

        ``target`` names it for memos (``lesson:L012``, ``coding:h2``, ``coding:<key>``)."""
        try:
            doc, start, end = ev["document"], int(ev["start"]), int(ev["end"])
        except (KeyError, TypeError, ValueError):
            raise ExportError(f"{where}: evidence lacks document/start/end") from None
        text = self.r.texts.get(doc)
        if text is None:
            raise ExportError(f"{where}: document {doc!r} is not among manifest.json's inputs")
        if not 0 <= start <= end <= len(text):
            raise ExportError(
                f"{where}: {doc} offsets {start}:{end} outside the text of length {len(text)}"
            )
        quote = ev.get("quote", ev.get("text"))
        if quote is not None and text[start:end] != quote:
            raise ExportError(f"{where}: {doc} quote does not match text[{start}:{end}]")
        if start == end:  # an empty selection cannot be shown or imported
            self.skipped["empty selections"] = self.skipped.get("empty selections", 0) + 1
            return
        self.users[user] = None
        if modifier:
            self.users[modifier] = None
        sel = self.selections.setdefault(
            (doc, start, end, user), _Selection(doc, start, end, user, modifier)
        )
        if modifier and not sel.modifier:
            sel.modifier = modifier
        for c in codes:
            sel.codes[c.guid] = None
        sel.notes.add(_x(note))
        if target is not None:
            self.targets.setdefault(target, ("selection", sel))

    # -- the parts of the analysis -------------------------------------------------

    def build(self) -> None:
        self._codebook_frame()
        self._initiatives()
        self._non_initiatives()
        self._uncoded()
        self._lessons()
        self._memos()

    def _memos(self) -> None:
        """The analysts' memos (memos.json) as notes, each referenced from what it is about."""
        for n, m in enumerate(self.r.memos, 1):
            if not isinstance(m, dict) or not m.get("text"):
                continue
            target = str(m.get("target") or "")
            user = str(m.get("by") or "reviewer").removeprefix("human:")
            self.users[user] = None
            nguid = guid(f"run:{self.run}:memo:{n}:{target}")
            name = _short(f"Memo on {m.get('about') or target}", 80)
            self.memo_notes.append((nguid, _x(name), user, _x(str(m["text"]))))
            kind, _, what = target.partition(":")
            if kind == "initiative":
                hit = self.by_key.get(f"run:{self.run}:initiative:{what}")
            elif kind == "node":
                hit = self.by_key.get(f"run:{self.run}:lessons:{what}")
            elif kind == "document":
                if what in self.r.texts:
                    self.source_memos.setdefault(what, []).append(nguid)
                continue
            else:
                found = self.targets.get(target)
                if found is not None:
                    found[1].memos.append(nguid)
                continue
            if hit is not None:
                hit.notes.append(nguid)

    def _codebook_frame(self) -> None:
        """Every coding group and code of the codebook, used or not: the frame to go on with."""
        self.structural("initiatives")
        evidence = self.structural("evidence")
        for kind in ("name", "ppe", "start", "end"):
            self.structural(kind, evidence, codable=True)
        if self.codebook is not None:
            for g in self.codebook.groups:
                if g.coding:
                    for c in g.codes:
                        self.group_code(g.id, c.id)

    def _reviewed_initiatives(self) -> list[dict[str, Any]]:
        """The proposal with the review applied by the core (the same as `review report`)."""
        from coatlas.review.initiatives import apply_review

        rejected_codings = sum(1 for rv in self.r.reviews if rv.status == "rejected")
        try:
            kept, rejected = apply_review(
                self.r.initiatives,
                self.r.reviews,
                self.r.initiative_ops,
                keep_rejected=self.include_rejected,
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ExportError(
                f"{self.r.origin}/initiatives.json: malformed evidence ({e})"
            ) from None
        if self.include_rejected:
            return kept + rejected
        for what, n in (
            ("rejected codings", rejected_codings),
            ("rejected initiatives", len(rejected)),
        ):
            if n:
                self.skipped[what] = n
        return kept

    def _initiatives(self) -> None:
        from coatlas.evidence import evidence_slots

        parent = self.structural("initiatives")
        ini_codes: dict[str, _Code] = {}
        for ini in self.inis:
            iid = str(ini.get("id"))
            desc = [str(ini.get("description") or "").strip(), f"coatlas id: {iid}"]
            if ini.get("aliases"):
                desc.insert(1, "Aliases: " + "; ".join(map(str, ini["aliases"])))
            rv = ini.get("review") or {}
            if rv.get("rejected"):
                desc.append(
                    f"Rejected in review by {rv.get('by')}"
                    + (f": {rv['note']}" if rv.get("note") else "")
                )
            ini_codes[iid] = self.code(
                f"run:{self.run}:initiative:{iid}", str(ini.get("name") or iid), "\n".join(desc),
                parent,
            )  # fmt: skip
        try:
            slots = list(evidence_slots(self.inis))
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ExportError(
                f"{self.r.origin}/initiatives.json: malformed evidence ({e})"
            ) from None
        for ini, key, sub, e in slots:
            iid = str(ini.get("id"))
            code = f"{key}:{sub}" if sub else key
            if not isinstance(e, dict):
                raise ExportError(
                    f"{self.r.origin}/initiatives.json: {iid} {code}: malformed evidence"
                )
            # human coding (imported from a QDA tool) stays its coder's
            src = str(e.get("source") or "")
            user = src.removeprefix("human:") if src.startswith("human:") else "coatlas"
            modifier = None
            note = f"{code} of {iid}: {e.get('source')}, confidence {e.get('confidence')}"
            rv = e.get("review")
            if isinstance(rv, dict) and rv.get("status"):
                actor = str(rv.get("by") or "reviewer").removeprefix("human:")
                note += f"; {rv['status']} by {actor}" + (
                    f" ({rv['note']})" if rv.get("note") else ""
                )
                if rv["status"] in ("edited", "added"):
                    user = actor
                else:
                    modifier = actor
            where = f"{self.r.origin}/initiatives.json: {iid} {code}"
            self.mark(
                where, e, [self._evidence_code(code), ini_codes[iid]], note, user, modifier,
                target=_coding_target(iid, code, e),
            )  # fmt: skip

    def _evidence_code(self, code: str) -> _Code:
        if code in ("name", "ppe", "start", "end"):
            return self.structural(code, self.structural("evidence"), codable=True)
        group, _, sub = code.partition(":")
        if not sub:
            return self.code(
                f"coatlas:other:{code}", code, "", self.structural("other"), codable=True
            )
        return self.group_code(group, sub)

    def _non_initiatives(self) -> None:
        if not self.r.non_initiatives:
            return
        parent = self.structural("non_initiatives")
        for n, item in enumerate(self.r.non_initiatives):
            name = str(item.get("name") or f"#{n + 1}")
            node = self.code(
                f"run:{self.run}:non_initiative:{n}", name, str(item.get("reason") or ""), parent
            )
            for ev in item.get("evidence") or []:
                note = f"not co-production ({item.get('reason', '')}): {ev.get('source')}, confidence {ev.get('confidence')}"
                self.mark(f"{self.r.origin}/non_initiatives.json: {name}", ev, [node], note)

    def _uncoded(self) -> None:
        if not self.r.uncoded:
            return
        node = self.structural("uncoded", codable=True)
        ini_codes = {
            str(i.get("id")): self.by_key.get(f"run:{self.run}:initiative:{i.get('id')}")
            for i in self.inis
        }
        for item in self.r.uncoded:
            ini = ini_codes.get(str(item.get("initiative")))
            note = (
                f"uncoded ({item.get('initiative') or 'no initiative'}): {item.get('reason', '')}"
            )
            self.mark(
                f"{self.r.origin}/uncoded.json: {item.get('document')}",
                item,
                [node] + ([ini] if ini else []),
                note,
            )

    def _lessons(self) -> None:
        doc = self.r.lessons_doc
        lessons, hierarchy = doc.get("lessons") or [], doc.get("hierarchy") or []
        if not lessons and not hierarchy:
            return
        root = self.structural("lessons")
        leaf: dict[str, _Code] = {}
        for clu in hierarchy:
            cnode = self.code(
                f"run:{self.run}:lessons:{clu['id']}", clu.get("label") or clu["id"],
                f"Cluster {clu['id']}", root,
            )  # fmt: skip
            for cat in clu.get("categories", []):
                gnode = self.code(
                    f"run:{self.run}:lessons:{cat['id']}", cat.get("label") or cat["id"],
                    f"Category {cat['id']}", cnode,
                )  # fmt: skip
                for k in cat.get("codes", []):
                    concepts = ", ".join(k.get("key_concepts") or [])
                    leaf[k["id"]] = self.code(
                        f"run:{self.run}:lessons:{k['id']}", k.get("label") or k["id"],
                        f"Code {k['id']}" + (f"; key concepts: {concepts}" if concepts else ""),
                        gnode,
                    )  # fmt: skip
        for les in lessons:
            if (les.get("review") or {}).get("rejected") and not self.include_rejected:
                self.skipped["rejected lessons"] = self.skipped.get("rejected lessons", 0) + 1
                continue
            node = leaf.get(str(les.get("code")))
            if node is None:
                node = self.structural("unassigned", root, codable=True)
            parts = [
                f"lesson {les.get('id')}: {les.get('source')}, confidence {les.get('confidence')}"
            ]
            if les.get("key_concepts"):
                parts.append("key concepts: " + ", ".join(map(str, les["key_concepts"])))
            for facet, terms in sorted((les.get("facets") or {}).items()):
                parts.append(f"facet {facet}: {', '.join(map(str, terms))}")
            rv = les.get("review") or {}
            if rv.get("rejected"):
                parts.append(f"rejected in review by {rv.get('source')}" + (
                    f": {rv['note']}" if rv.get("note") else ""))  # fmt: skip
            user = "coatlas"
            if str(les.get("source") or "").startswith("human:"):
                user = str(les["source"]).removeprefix("human:")
            self.mark(
                f"{self.r.origin}/lessons.json: {les.get('id')}", les, [node], "; ".join(parts),
                user, target=f"lesson:{les.get('id')}",
            )  # fmt: skip

    # -- XML -----------------------------------------------------------------------

    def xml(self, name: str, created: str | None) -> bytes:
        m = self.r.manifest
        user_guid = {u: guid(f"user:{u}") for u in self.users}
        proj = etree.Element(f"{{{NS}}}Project", nsmap={None: NS, "xsi": XSI})
        proj.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
        proj.set("name", _x(name))
        proj.set("origin", f"coatlas {m.get('coatlas', '')}".strip())
        proj.set("creatingUserGUID", user_guid["coatlas"])
        if created:
            proj.set("creationDateTime", created)

        users = etree.SubElement(proj, f"{{{NS}}}Users")
        for u in sorted(self.users, key=lambda u: (u != "coatlas", u)):
            etree.SubElement(users, f"{{{NS}}}User", guid=user_guid[u], name=_x(u))

        book = etree.SubElement(proj, f"{{{NS}}}CodeBook")
        codes_el = etree.SubElement(book, f"{{{NS}}}Codes")
        for c in self.roots:
            _code_xml(codes_el, c)

        self._cases_xml(proj)

        sources = etree.SubElement(proj, f"{{{NS}}}Sources")
        inputs = {i["document"]: i for i in m.get("inputs", [])}
        by_doc: dict[str, list[_Selection]] = {}
        for s in self.selections.values():
            by_doc.setdefault(s.document, []).append(s)
        for doc in sorted(self.r.texts):
            info = inputs.get(doc, {})
            src = etree.SubElement(
                sources,
                f"{{{NS}}}TextSource",
                guid=self.source_guid(doc),
                name=_x(doc),
                plainTextPath=f"internal://{self.source_guid(doc)}.txt",
                creatingUser=user_guid["coatlas"],
            )
            if created:
                src.set("creationDateTime", created)
            desc = [f"{k}: {info[k]}" for k in ("format", "language", "sha256") if k in info]
            etree.SubElement(src, f"{{{NS}}}Description").text = _x(
                "\n".join([f"document: {doc}", *desc])
            )
            for s in sorted(by_doc.get(doc, []), key=lambda s: (s.start, s.end, s.user)):
                sguid = guid(f"run:{self.run}:selection:{doc}:{s.start}:{s.end}:{s.user}")
                sel = etree.SubElement(
                    src,
                    f"{{{NS}}}PlainTextSelection",
                    guid=sguid,
                    name=_x(_short(self.r.texts[doc][s.start : s.end])),
                    startPosition=str(s.start),
                    endPosition=str(s.end),
                    creatingUser=user_guid[s.user],
                )
                if created:
                    sel.set("creationDateTime", created)
                if s.modifier:
                    sel.set("modifyingUser", user_guid[s.modifier])
                    if created:
                        sel.set("modifiedDateTime", created)
                etree.SubElement(sel, f"{{{NS}}}Description").text = "\n".join(sorted(s.notes))
                for cg in s.codes:
                    coding = etree.SubElement(
                        sel,
                        f"{{{NS}}}Coding",
                        guid=guid(f"{sguid}:coding:{cg}"),
                        creatingUser=user_guid[s.user],
                    )
                    if created:
                        coding.set("creationDateTime", created)
                    etree.SubElement(coding, f"{{{NS}}}CodeRef", targetGUID=cg)
                for ng in s.memos:
                    etree.SubElement(sel, f"{{{NS}}}NoteRef", targetGUID=ng)
            for ng in self.source_memos.get(doc, []):
                etree.SubElement(src, f"{{{NS}}}NoteRef", targetGUID=ng)

        if self.memo_notes:
            notes = etree.SubElement(proj, f"{{{NS}}}Notes")
            for nguid, nname, nuser, ntext in self.memo_notes:
                note = etree.SubElement(
                    notes, f"{{{NS}}}Note", guid=nguid, name=nname, creatingUser=user_guid[nuser]
                )
                if created:
                    note.set("creationDateTime", created)
                etree.SubElement(note, f"{{{NS}}}PlainTextContent").text = ntext

        etree.SubElement(proj, f"{{{NS}}}Description").text = _x(self._project_note())
        return etree.tostring(proj, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    def source_guid(self, doc: str) -> str:
        sha = next(
            (i.get("sha256") for i in self.r.manifest.get("inputs", []) if i["document"] == doc),
            "",
        )
        return guid(f"source:{doc}:{sha}")

    def _cases_xml(self, proj: etree._Element) -> None:
        """Initiatives as cases with attributes too: NVivo's case classifications, QualCoder's cases."""
        if not self.inis:
            return
        kinds = {
            "kind": "Text",
            "start": "Integer",
            "end": "Integer",
            "ongoing": "Boolean",
        }
        variables = etree.SubElement(proj, f"{{{NS}}}Variables")
        for key, typ in kinds.items():
            label, desc = _label("variables", key, self.lang)
            v = etree.SubElement(
                variables,
                f"{{{NS}}}Variable",
                guid=guid(f"variable:{key}"),
                name=label,
                typeOfVariable=typ,
            )
            etree.SubElement(v, f"{{{NS}}}Description").text = desc
        cases = etree.SubElement(proj, f"{{{NS}}}Cases")
        for ini in self.inis:
            iid = str(ini.get("id"))
            code = self.by_key[f"run:{self.run}:initiative:{iid}"]
            case = etree.SubElement(
                cases, f"{{{NS}}}Case", guid=guid(f"run:{self.run}:case:{iid}"), name=code.name
            )
            etree.SubElement(case, f"{{{NS}}}Description").text = code.description
            etree.SubElement(case, f"{{{NS}}}CodeRef", targetGUID=code.guid)
            for key, typ in kinds.items():
                value = ini.get(key)
                if value is None or (typ == "Integer" and not _is_int(value)):
                    continue
                vv = etree.SubElement(case, f"{{{NS}}}VariableValue")
                etree.SubElement(vv, f"{{{NS}}}VariableRef", targetGUID=guid(f"variable:{key}"))
                tag = {"Text": "TextValue", "Integer": "IntegerValue", "Boolean": "BooleanValue"}
                text = str(value).lower() if typ == "Boolean" else _x(value)
                etree.SubElement(vv, f"{{{NS}}}{tag[typ]}").text = text
            for doc in sorted(set(ini.get("documents") or [])):
                if doc in self.r.texts:
                    etree.SubElement(case, f"{{{NS}}}SourceRef", targetGUID=self.source_guid(doc))

    def _project_note(self) -> str:
        m = self.r.manifest
        cb = m.get("codebook") or {}
        lines = [
            f"Exported by coatlas {m.get('coatlas', '')} from an analysis output folder.",
            f"Codebook: {cb.get('name')} {cb.get('version')} (digest {cb.get('digest')}).",
            f"Inputs digest: {m.get('inputs_digest')}.",
            "Selections count Unicode code points of each source's UTF-8 text; "
            "each selection's description keeps coatlas's rule or model and confidence.",
        ]
        if self.codebook is None:
            lines.append("Codebook file not found or changed: codes are named by their ids.")
        for what, n in sorted(self.skipped.items()):
            lines.append(f"Not exported: {n} {what}.")
        return "\n".join(lines)


def _code_xml(parent: etree._Element, c: _Code) -> None:
    el = etree.SubElement(
        parent,
        f"{{{NS}}}Code",
        guid=c.guid,
        name=c.name,
        isCodable="true" if c.codable else "false",
    )
    if c.description:
        etree.SubElement(el, f"{{{NS}}}Description").text = c.description
    for ng in c.notes:
        etree.SubElement(el, f"{{{NS}}}NoteRef", targetGUID=ng)
    for child in c.children:
        _code_xml(el, child)


def _coding_target(iid: str, code: str, e: dict[str, Any]) -> str:
    """The name a memo gives this evidence item: ``coding:h2``, or the machine coding's key
    (what the machine proposed, before any edit)."""
    from coatlas.evidence import evidence_key

    rv = e.get("review") if isinstance(e.get("review"), dict) else {}
    if rv.get("coding"):
        return f"coding:{rv['coding']}"
    was = rv.get("proposed") if isinstance(rv.get("proposed"), dict) else {}
    return "coding:" + evidence_key(
        iid, was.get("code", code), e.get("document"), was.get("start", e.get("start")),
        was.get("end", e.get("end")),
    )  # fmt: skip


def _short(s: str, n: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[: n - 1] + "…"


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _pick(label: dict[str, str], lang: str) -> str | None:
    return label.get(lang) or label.get("en") or next(iter(label.values()), None)


def _find_group(cb: Any, gid: str) -> Any:
    return next((g for g in cb.groups if g.id == gid), None) if cb is not None else None


def _find_code(cb: Any, cid: str) -> Any:
    return next((c for c in cb.codes() if c.id == cid), None) if cb is not None else None


def _codebook(manifest: dict[str, Any]) -> Any:
    """The run's codebook for labels and definitions, if it is still the same file."""
    from coatlas.codebook import load_codebook
    from coatlas.errors import CoatlasError

    info = manifest.get("codebook") or {}
    ref = (manifest.get("settings") or {}).get("codebook") or info.get("name")
    try:
        cb = load_codebook(ref)
    except (CoatlasError, OSError):
        return None
    return cb if not info.get("digest") or cb.digest == info["digest"] else None


def _datetime(value: str) -> str:
    try:
        t = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ExportError(
            f"{value!r}: not an ISO 8601 date-time (e.g. 2024-05-01T00:00:00Z)"
        ) from None
    if t.tzinfo is None:
        t = t.replace(tzinfo=UTC)
    return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_qdpx(
    results: Results,
    *,
    name: str = "coatlas",
    created: str | None = None,
    language: str = "en",
    include_rejected: bool = False,
) -> tuple[dict[str, bytes], ExportSummary]:
    """The zip members (name -> bytes) of a .qdpx for ``results``, and what went in."""
    b = _Builder(results, language, include_rejected)
    try:
        b.build()
    except (KeyError, TypeError, AttributeError) as e:  # a hand-edited or foreign JSON file
        raise ExportError(
            f"{results.origin}: malformed results ({type(e).__name__}: {e})"
        ) from None
    stamp = _datetime(created) if created else None
    members = {"project.qde": b.xml(name, stamp)}
    for doc, text in results.texts.items():
        members[f"sources/{b.source_guid(doc)}.txt"] = text.encode("utf-8")
    n_codes = len(b.by_key)
    summary = ExportSummary(
        path=Path(),
        sources=len(results.texts),
        codes=n_codes,
        selections=len(b.selections),
        codings=sum(len(s.codes) for s in b.selections.values()),
        users=sorted(b.users),
        skipped=dict(b.skipped),
    )
    return members, summary


def write_zip(members: dict[str, bytes], path: Path) -> None:
    """Sorted entries, fixed dates and attributes: the same members give the same bytes.

    Written to a temporary file in the same folder and renamed (coatlas.fileio).
    """
    from coatlas.fileio import atomic_open

    with atomic_open(path) as fh, zipfile.ZipFile(fh, "w") as z:
        for member in sorted(members):
            info = zipfile.ZipInfo(member, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            z.writestr(info, members[member], compresslevel=6)


def write_qdpx(
    source: str | Path | Results,
    path: str | Path | None = None,
    *,
    docs_dir: str | Path | None = None,
    db_url: str | None = None,
    name: str = "coatlas",
    created: str | None = None,
    language: str = "en",
    include_rejected: bool = False,
) -> ExportSummary:
    """Write a REFI-QDA project for an output folder of ``coatlas analyze`` (or loaded Results).

    ``path`` defaults to ``OUT/coatlas.qdpx``. Texts come from the run's store, or are
    read again from ``docs_dir``; ``created`` (ISO 8601) is the only date written.
    Rejected codings of a review are left out unless ``include_rejected``.
    """
    if isinstance(source, Results):
        results = source
        if path is None:
            raise ExportError("write_qdpx: give a path for the .qdpx when passing Results")
    else:
        results = load_results(source, docs_dir=docs_dir, db_url=db_url)
        if path is None:
            path = Path(source) / DEFAULT_FILE
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: is a folder; give a file name ending in .qdpx")
    members, summary = build_qdpx(
        results, name=name, created=created, language=language, include_rejected=include_rejected
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_zip(members, path)
    except OSError as e:
        raise ExportError(f"{path}: cannot write ({e.strerror or e})") from None
    summary.path = path
    return summary
