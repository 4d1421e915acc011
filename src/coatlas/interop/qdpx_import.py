"""REFI-QDA Project (.qdpx) import: coding done in NVivo, ATLAS.ti, MAXQDA or QualCoder.

Why: teams code in their QDA tool. Read back, that coding is human coding: it can be compared
with the machine's (agreement), teach ``coatlas autocode``, and be reviewed here. A project
that coatlas exported comes back as the analysis it was (initiatives, evidence, lessons), so
export -> import -> export gives the same coded selections.

Parsing: ``pyrefiqda``'s Pydantic models of the REFI schema (MIT), fed with a tree that lxml
parsed strictly with entities and the network off; the zip is read member by member with size
limits, never extracted. Every problem is one line naming the file and the item.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from coatlas import __version__
from coatlas.errors import CoatlasError
from coatlas.interop.qdpx import _labels
from coatlas.jsonio import write_json

MAX_MEMBER = 200 * 2**20  # one member of the zip, uncompressed
MAX_TOTAL = 1024 * 2**20  # all members read
MAX_RATIO = 200  # uncompressed / compressed: beyond this a member is a bomb
_SOURCE_LINE = re.compile(r"^(format|language|sha256): (\S+)$", re.M)
_SHA = re.compile(r"[0-9a-f]{64}")
_ID_LINE = re.compile(r"^coatlas id: (?P<id>\S+)", re.M)
_EVIDENCE_NOTE = re.compile(
    r"^(?P<code>\S+) of (?P<iid>\S+): (?P<source>\S+), confidence (?P<conf>[0-9.]+|None)"
    r"(?:; (?P<status>accepted|rejected|edited) by (?P<actor>[^(]+?)(?: \((?P<note>.*)\))?)?$"
)
_LESSON_NOTE = re.compile(
    r"^lesson (?P<id>\S+): (?P<source>\S+), confidence (?P<conf>[0-9.]+|None)"
)
_NON_NOTE = re.compile(
    r"^not co-production \((?P<reason>.*)\): (?P<source>\S+), confidence (?P<conf>[0-9.]+|None)$"
)
_UNCODED_NOTE = re.compile(r"^uncoded \((?P<iid>[^)]*)\): (?P<reason>.*)$")


class ImportError_(CoatlasError):
    """A .qdpx that cannot be imported (one line: file, item, reason)."""


@dataclass
class QCode:
    guid: str
    name: str
    path: tuple[str, ...]  # names from the root
    description: str
    parent: str | None
    codable: bool

    @property
    def coatlas_id(self) -> str | None:
        m = _ID_LINE.search(self.description)
        return m.group("id") if m else None


@dataclass
class QSelection:
    guid: str
    source: str  # document path
    start: int
    end: int
    user: str
    codes: list[str]  # code guids (one per Coding)
    coders: list[str]  # the creating user of each Coding
    description: str


@dataclass
class QProject:
    name: str
    origin: str
    users: dict[str, str]
    codes: dict[str, QCode]
    texts: dict[str, str]  # document path -> text
    selections: list[QSelection]
    cases: list[dict[str, Any]]
    problems: list[str] = field(default_factory=list)
    # what a coatlas export said of each source ("format: docx", "sha256: …"): kept, so a
    # re-export names the same documents with the same GUIDs
    source_info: dict[str, dict[str, str]] = field(default_factory=dict)
    source_names: dict[str, str] = field(default_factory=dict)  # source guid -> document path


# ---------------------------------------------------------------------------------------------
# reading


def _member(z: zipfile.ZipFile, info: zipfile.ZipInfo, where: str, budget: list[int]) -> bytes:
    if info.file_size > MAX_MEMBER:
        raise ImportError_(f"{where}: {info.filename} is larger than {MAX_MEMBER // 2**20} MB")
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise ImportError_(f"{where}: {info.filename} is compressed suspiciously well (zip bomb?)")
    budget[0] += info.file_size
    if budget[0] > MAX_TOTAL:
        raise ImportError_(f"{where}: more than {MAX_TOTAL // 2**20} MB uncompressed")
    with z.open(info) as fh:
        data = fh.read(MAX_MEMBER + 1)
    if len(data) > MAX_MEMBER:
        raise ImportError_(f"{where}: {info.filename} is larger than its header says")
    return data


def _parse_xml(data: bytes, where: str) -> Any:
    from lxml import etree

    # a REFI-QDA project has no DTD; internal entities would still be expanded (billion laughs)
    if re.search(rb"<!(?:DOCTYPE|ENTITY)", data, re.I):
        raise ImportError_(f"{where}: project.qde declares a DTD or entities (refused)")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise ImportError_(f"{where}: project.qde is not well-formed XML ({e})") from None
    if root.tag != "{urn:QDA-XML:project:1.0}Project":
        raise ImportError_(f"{where}: not a REFI-QDA project (root element {root.tag})")
    return root


def read_qdpx(path: str | Path) -> QProject:
    """The project's users, code tree, text sources, coded selections and cases."""
    from pydantic import ValidationError
    from pyrefiqda.models import Project
    from xsdata.exceptions import ParserError
    from xsdata_pydantic.bindings import XmlParser

    path = Path(path)
    where = str(path)
    try:
        z = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ImportError_(f"{where}: no such file") from None
    except (zipfile.BadZipFile, OSError) as e:
        raise ImportError_(f"{where}: not a .qdpx (zip) file ({e})") from None
    budget = [0]
    with z:
        infos = {i.filename: i for i in z.infolist() if not i.is_dir()}
        qde = [n for n in infos if n.lower().endswith(".qde") and "/" not in n]
        if not qde:
            raise ImportError_(f"{where}: no project.qde inside")
        root = _parse_xml(_member(z, infos[sorted(qde)[0]], where, budget), where)
        try:
            project = XmlParser().parse(root, Project)
        except (ParserError, ValidationError, ValueError, TypeError) as e:
            line = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise ImportError_(
                f"{where}: project.qde does not follow the schema ({line})"
            ) from None

        users = {u.guid: u.name or u.guid for u in (project.users.user if project.users else [])}
        codes: dict[str, QCode] = {}

        def walk(items: Iterable[Any], parent: QCode | None) -> None:
            for c in items:
                path_ = (*(parent.path if parent else ()), c.name)
                node = QCode(
                    c.guid, c.name, path_, c.description or "", parent.guid if parent else None,
                    c.is_codable is not False,
                )  # fmt: skip
                codes[c.guid] = node
                walk(c.code or [], node)

        if project.code_book and project.code_book.codes:
            walk(project.code_book.codes.code, None)

        problems: list[str] = []
        texts: dict[str, str] = {}
        source_info: dict[str, dict[str, str]] = {}
        source_names: dict[str, str] = {}
        selections: list[QSelection] = []
        sources = project.sources
        names: set[str] = set()
        other = 0
        if sources is not None:
            for kind in ("pdfsource", "picture_source", "audio_source", "video_source"):
                other += len(getattr(sources, kind, None) or [])
            for src in sources.text_source or []:
                name = _doc_name(src.name or src.guid, names)
                text = _source_text(z, infos, src, where, budget)
                if text is None:
                    problems.append(f"{where}: source {src.name!r}: text not found in the project")
                    continue
                texts[name] = text
                source_names[src.guid] = name
                info = dict(_SOURCE_LINE.findall(src.description or ""))
                if _SHA.fullmatch(info.get("sha256", "")):
                    source_info[name] = info
                for sel in src.plain_text_selection or []:
                    start, end = int(sel.start_position), int(sel.end_position)
                    if not 0 <= start < end <= len(text):
                        problems.append(
                            f"{where}: selection {sel.guid} in {name!r}: positions {start}-{end} "
                            f"outside the text ({len(text)} characters)"
                        )
                        continue
                    user = users.get(sel.creating_user or "", sel.creating_user or "unknown")
                    refs, coders = [], []
                    for coding in sel.coding or []:
                        target = coding.code_ref.target_guid if coding.code_ref else None
                        if target not in codes:
                            problems.append(
                                f"{where}: selection {sel.guid}: coding refers to unknown code {target}"
                            )
                            continue
                        refs.append(target)
                        coders.append(users.get(coding.creating_user or "", user))
                    selections.append(
                        QSelection(
                            sel.guid, name, start, end, user, refs, coders, sel.description or ""
                        )
                    )
        if other:
            problems.append(
                f"{where}: {other} PDF, picture, audio or video sources left out (text sources only)"
            )
        cases = []
        variables = {
            v.guid: v.name for v in (project.variables.variable if project.variables else [])
        }
        for case in project.cases.case if project.cases else []:
            values = {}
            for vv in case.variable_value or []:
                key = variables.get(vv.variable_ref.target_guid if vv.variable_ref else "", "?")
                for attr in ("text_value", "integer_value", "boolean_value", "float_value",
                             "date_value", "date_time_value"):  # fmt: skip
                    v = getattr(vv, attr, None)
                    if v is not None:
                        values[key] = v if not hasattr(v, "to_datetime") else str(v)
                        break
            cases.append(
                {
                    "guid": case.guid,
                    "name": case.name or case.guid,
                    "description": case.description or "",
                    "codes": [r.target_guid for r in case.code_ref or []],
                    "sources": [r.target_guid for r in case.source_ref or []],
                    "variables": values,
                }
            )
    return QProject(
        name=project.name or path.stem,
        origin=project.origin or "",
        users=users,
        codes=codes,
        texts=texts,
        selections=selections,
        cases=cases,
        problems=problems,
        source_info=source_info,
        source_names=source_names,
    )


def _doc_name(name: str, taken: set[str]) -> str:
    """A source's name as a safe relative document path, unique in the project."""
    parts = [
        p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".", "..", "/")
    ]
    base = "/".join(parts) or "source"
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base} ({n})"
    taken.add(out)
    return out


def _source_text(
    z: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], src: Any, where: str, budget: list[int]
) -> str | None:
    if src.plain_text_content is not None:
        return str(src.plain_text_content)
    ref = src.plain_text_path or ""
    if not ref.startswith("internal://"):
        return None
    member = "sources/" + ref[len("internal://") :]
    info = infos.get(member)
    if info is None:
        return None
    data = _member(z, info, where, budget)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ImportError_(f"{where}: {member} is not UTF-8 (byte {e.start})") from None
    return text.removeprefix("\ufeff")


# ---------------------------------------------------------------------------------------------
# mapping back to coatlas's results


def _structural() -> dict[str, str]:
    """Every label of coatlas's own parent codes (any language) -> its key."""
    out: dict[str, str] = {}
    for key, entry in _labels()["codes"].items():
        for label in entry["label"].values():
            out[label] = key
    return out


@dataclass
class _Index:
    """Code names a team may have used (id, labels in any language) -> "group:code"."""

    codes: dict[str, list[str]]  # folded name -> keys of every group that has it
    groups: dict[str, str]  # folded group name or id -> group id

    def match(self, name: str, parent: str | None) -> str | None:
        """The codebook code: in the parent's group if the parent names one, else unique."""
        keys = self.codes.get(_fold(name), [])
        group = self.groups.get(_fold(parent)) if parent else None
        if group:
            keys = [k for k in keys if k.startswith(group + ":")]
        return keys[0] if len(keys) == 1 else None


def _codebook_index(codebook: Any) -> _Index:
    codes: dict[str, list[str]] = {}
    groups: dict[str, str] = {}
    if codebook is None:
        return _Index(codes, groups)
    for g in codebook.groups:
        for name in (g.id, g.id.replace("_", " "), *g.label.values()):
            groups.setdefault(_fold(name), g.id)
        for c in g.codes:
            key = f"{g.id}:{c.id}"
            for name in {_fold(n) for n in (c.id, *c.label.values())}:
                codes.setdefault(name, []).append(key)
    return _Index(codes, groups)


def _fold(s: str) -> str:
    return " ".join(re.sub(r"[-_]", " ", s).casefold().split())


def _conf(value: str | None) -> float:
    try:
        return float(value) if value not in (None, "None") else 1.0
    except ValueError:
        return 1.0


@dataclass
class Mapped:
    initiatives: list[dict[str, Any]]
    non_initiatives: list[dict[str, Any]]
    uncoded: list[dict[str, Any]]
    lessons_doc: dict[str, Any]
    codings: list[dict[str, Any]]  # every (selection, code) as human or machine coding


def map_project(p: QProject, codebook: Any) -> Mapped:
    """Rebuild initiatives, lessons and codings from the code tree and the selections."""
    struct = _structural()
    index = _codebook_index(codebook)
    role: dict[str, str] = {}  # code guid -> what it is
    for c in p.codes.values():
        parent = p.codes.get(c.parent) if c.parent else None
        pkey = struct.get(parent.name) if parent else None
        own = (
            struct.get(c.name)
            if parent is None or pkey == "evidence" or pkey == "lessons"
            else None
        )
        cid = c.coatlas_id
        if own and parent is None:
            role[c.guid] = f"root:{own}"
        elif own in ("name", "ppe", "start", "end") and pkey == "evidence":
            role[c.guid] = f"evidence:{own}"
        elif own == "unassigned" and pkey == "lessons":
            role[c.guid] = "lesson:unassigned"
        elif pkey == "initiatives":
            role[c.guid] = f"initiative:{cid or c.name}"
        elif pkey == "non_initiatives":
            role[c.guid] = "non_initiative"
        elif pkey == "other":
            role[c.guid] = f"evidence:{c.name}"
        elif cid and ":" in cid:
            role[c.guid] = f"evidence:{cid}"
        elif c.path[0] in struct and struct[c.path[0]] == "lessons":
            role[c.guid] = "lesson:" + {1: "cluster", 2: "category", 3: "code"}.get(
                len(c.path) - 1, "code"
            )
    # initiatives from their codes and cases
    inis: dict[str, dict[str, Any]] = {}
    for c in p.codes.values():
        r = role.get(c.guid, "")
        if r.startswith("initiative:"):
            iid = r.split(":", 1)[1]
            desc = c.description
            aliases = next(
                (
                    ln[len("Aliases: ") :].split("; ")
                    for ln in desc.splitlines()
                    if ln.startswith("Aliases: ")
                ),
                [],
            )
            text = "\n".join(
                ln for ln in desc.splitlines()
                if not ln.startswith(("coatlas id:", "Aliases: ", "Rejected in review by"))
            ).strip()  # fmt: skip
            inis[c.guid] = {
                "id": iid, "name": c.name, "aliases": aliases, "kind": None, "start": None,
                "end": None, "active_years": [], "ongoing": None, "methods": [], "levels": [],
                "ppe_roles": [], "documents": [], "description": text, "evidence": {},
            }  # fmt: skip
    kinds = {k: set(e["label"].values()) for k, e in _labels()["variables"].items()}
    for case in p.cases:
        for g in case["codes"]:
            ini = inis.get(g)
            if ini is None:
                continue
            for name, value in case["variables"].items():
                key = next((k for k, labels in kinds.items() if name in labels), None)
                if key:
                    ini[key] = value
    non: dict[str, dict[str, Any]] = {}
    for c in p.codes.values():
        if role.get(c.guid) == "non_initiative":
            non[c.guid] = {"name": c.name, "reason": c.description, "evidence": []}
    uncoded: list[dict[str, Any]] = []
    lessons: list[dict[str, Any]] = []
    codings: list[dict[str, Any]] = []
    for sel in sorted(p.selections, key=lambda s: (s.source, s.start, s.end, s.guid)):
        text = p.texts[sel.source]
        quote = text[sel.start : sel.end]
        notes = [ln for ln in sel.description.splitlines() if ln.strip()]
        human = f"human:{sel.user}"
        base = {"document": sel.source, "start": sel.start, "end": sel.end}
        sel_inis = [g for g in sel.codes if g in inis]
        sel_ev = [g for g in sel.codes if role.get(g, "").startswith("evidence:")]
        for g, coder in zip(sel.codes, sel.coders, strict=True):
            c = p.codes[g]
            r = role.get(g, "")
            parent = p.codes[c.parent].name if c.parent else None
            ours = r.startswith("evidence:") and ":" in r[9:]
            mapped = r.split(":", 1)[1] if ours else index.match(c.name, parent)
            codings.append({
                **base, "quote": quote, "code": " > ".join(c.path), "codebook_code": mapped,
                "coder": coder, "selection": sel.guid,
            })  # fmt: skip
        # initiative evidence: parsed notes first (coatlas's own export), else human coding
        placed = False
        for ln in notes:
            m = _EVIDENCE_NOTE.match(ln)
            if not m:
                continue
            ini = next((inis[g] for g in sel_inis if inis[g]["id"] == m.group("iid")), None)
            if ini is None:
                continue
            item = {
                **base,
                "quote": quote,
                "source": m.group("source"),
                "confidence": _conf(m.group("conf")),
            }
            if m.group("status"):
                rv = {"status": m.group("status"), "by": f"human:{m.group('actor').strip()}"}
                if m.group("note"):
                    rv["note"] = m.group("note")
                item["review"] = rv
            _add_evidence(ini, m.group("code"), item)
            placed = True
        ours = any(r.match(ln) for r in (_EVIDENCE_NOTE, _UNCODED_NOTE) for ln in notes)
        uncoded_code = any(role.get(g) == "root:uncoded" for g in sel.codes)
        if not placed and sel_inis and not ours and not uncoded_code:
            kinds_ = [role[g].split(":", 1)[1] for g in sel_ev] or ["name"]
            for g in sel_inis:
                for code in kinds_:
                    item = {**base, "quote": quote, "source": human, "confidence": 1.0}
                    _add_evidence(inis[g], code, item)
        for g in sel.codes:
            if g in non:
                m = next((_NON_NOTE.match(ln) for ln in notes if _NON_NOTE.match(ln)), None)
                non[g]["evidence"].append({
                    **base, "quote": quote,
                    "source": m.group("source") if m else human,
                    "confidence": _conf(m.group("conf")) if m else 1.0,
                })  # fmt: skip
            if role.get(g) == "root:uncoded":
                m = next((_UNCODED_NOTE.match(ln) for ln in notes if _UNCODED_NOTE.match(ln)), None)
                iid = next((inis[x]["id"] for x in sel_inis), None)
                item = {"initiative": iid, **base, "quote": quote}
                item["reason"] = m.group("reason") if m else f"coded by {sel.user}"
                uncoded.append(item)
            if role.get(g, "").startswith("lesson:") and role[g] in (
                "lesson:code",
                "lesson:unassigned",
            ):
                m = next((_LESSON_NOTE.match(ln) for ln in notes if _LESSON_NOTE.match(ln)), None)
                lessons.append(_lesson(p, g, role[g], sel, quote, notes, m, human))
    for ini in inis.values():
        docs = {e["document"] for items in _items(ini) for e in items}
        ini["documents"] = sorted(docs)
    hierarchy = _hierarchy(p, role, lessons)
    lessons.sort(key=lambda les: (les["id"], les["document"], les["start"]))
    return Mapped(
        initiatives=sorted(inis.values(), key=lambda i: _natural(i["id"])),
        non_initiatives=list(non.values()),
        uncoded=uncoded,
        lessons_doc={"lessons": lessons, "hierarchy": hierarchy, "sampling": []},
        codings=codings,
    )


def _natural(s: str) -> tuple[Any, ...]:
    return tuple(int(x) if x.isdigit() else x for x in re.split(r"(\d+)", s))


def _items(ini: dict[str, Any]) -> Iterable[list[dict[str, Any]]]:
    for value in ini["evidence"].values():
        if isinstance(value, dict):
            yield from value.values()
        else:
            yield value


def _add_evidence(ini: dict[str, Any], code: str, item: dict[str, Any]) -> None:
    ev = ini["evidence"]
    if code in ("name", "ppe", "start", "end"):
        ev.setdefault(code, []).append(item)
        return
    group, _, sub = code.partition(":")
    if not sub:
        ev.setdefault(code, []).append(item)
        return
    ev.setdefault(group, {}).setdefault(sub, []).append(item)
    field_ = {"methods": "methods", "levels": "levels", "ppe_roles": "ppe_roles"}.get(group)
    if field_ and sub not in ini[field_]:
        ini[field_] = sorted([*ini[field_], sub])  # as analyze writes them


def _lesson(
    p: QProject, g: str, r: str, sel: QSelection, quote: str, notes: list[str], m: Any, human: str
) -> dict[str, Any]:
    c = p.codes[g]
    ids = {"code": None, "category": None, "cluster": None}
    if r == "lesson:code":
        node: QCode | None = c
        for level in ("code", "category", "cluster"):
            if node is None:
                break
            ids[level] = _node_id(node)
            node = p.codes.get(node.parent) if node.parent else None
    item: dict[str, Any] = {
        "id": m.group("id") if m else f"Q{sel.guid[:8]}",
        "document": sel.source,
        "start": sel.start,
        "end": sel.end,
        "text": quote,
        **ids,
        "confidence": _conf(m.group("conf")) if m else 1.0,
        "source": m.group("source") if m else human,
    }
    if m:
        rest = notes[[i for i, ln in enumerate(notes) if ln.startswith("lesson ")][0]]
        for part in rest.split("; ")[1:]:
            if part.startswith("key concepts: "):
                item["key_concepts"] = part[len("key concepts: ") :].split(", ")
            elif part.startswith("facet "):
                name, _, terms = part[len("facet ") :].partition(": ")
                item.setdefault("facets", {})[name] = terms.split(", ")
    return item


def _node_id(c: QCode) -> str:
    m = re.match(r"^(?:Cluster|Category|Code) (\S+?)(?:;|$)", c.description)
    return m.group(1) if m else c.guid[:8]


def _hierarchy(
    p: QProject, role: dict[str, str], lessons: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    by_code: dict[str, list[str]] = {}
    for les in lessons:
        if les.get("code"):
            by_code.setdefault(les["code"], []).append(les["id"])
    out = []
    kids: dict[str, list[QCode]] = {}
    for c in p.codes.values():
        if c.parent:
            kids.setdefault(c.parent, []).append(c)
    for clu in [c for c in p.codes.values() if role.get(c.guid) == "lesson:cluster"]:
        cats = []
        for cat in kids.get(clu.guid, []):
            codes = []
            for k in kids.get(cat.guid, []):
                concepts = re.search(r"key concepts: (.*)$", k.description)
                kid = _node_id(k)
                codes.append({
                    "id": kid, "label": k.name,
                    "key_concepts": concepts.group(1).split(", ") if concepts else [],
                    "lessons": sorted(set(by_code.get(kid, []))),
                })  # fmt: skip
            cats.append({"id": _node_id(cat), "label": cat.name, "codes": codes})
        out.append({"id": _node_id(clu), "label": clu.name, "categories": cats})
    return out


# ---------------------------------------------------------------------------------------------
# agreement and autocode table


def agreement(p: QProject, codings: list[dict[str, Any]]) -> dict[str, Any]:
    """Cohen's kappa between every two coders over sentences, per code they both used.

    A coder codes a sentence with a code when one of its selections with that code overlaps
    the sentence. Only documents both coders coded count.
    """
    from coatlas.text.language import detect_language
    from coatlas.text.sentences import segment_paragraphs

    coders = sorted({c["coder"] for c in codings})
    if len(coders) < 2:
        return {"coders": coders, "pairs": []}
    units: dict[str, list[tuple[int, int]]] = {}
    for doc, text in p.texts.items():
        paras = _paragraphs(text, detect_language(text))
        units[doc] = [(s.start, s.end) for s in segment_paragraphs(text, paras)]
    key = lambda c: c["codebook_code"] or c["code"]  # noqa: E731
    marks: dict[tuple[str, str, str], set[int]] = {}
    docs_of: dict[str, set[str]] = {}
    for c in codings:
        docs_of.setdefault(c["coder"], set()).add(c["document"])
        hit = marks.setdefault((c["coder"], key(c), c["document"]), set())
        for i, (s, e) in enumerate(units[c["document"]]):
            if s < c["end"] and c["start"] < e:
                hit.add(i)
    pairs = []
    for i, a in enumerate(coders):
        for b in coders[i + 1 :]:
            docs = sorted(docs_of[a] & docs_of[b])
            codes = sorted(
                {k for (cd, k, _d) in marks if cd == a} & {k for (cd, k, _d) in marks if cd == b}
            )
            per = {}
            for code in codes:
                ya, yb = [], []
                for d in docs:
                    n = len(units[d])
                    sa, sb = marks.get((a, code, d), set()), marks.get((b, code, d), set())
                    ya += [j in sa for j in range(n)]
                    yb += [j in sb for j in range(n)]
                per[code] = {"kappa": _kappa(ya, yb), "units": len(ya), "a": sum(ya), "b": sum(yb)}
            pairs.append({"a": a, "b": b, "documents": len(docs), "codes": per})
    return {"coders": coders, "unit": "sentence", "pairs": pairs}


def _paragraphs(text: str, lang: str) -> list[Any]:
    from coatlas.document import Span

    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text + "\n\n"):
        if text[pos : m.start()].strip():
            out.append(Span(pos, min(m.start(), len(text)), lang))
        pos = m.end()
    return out


def _kappa(a: list[bool], b: list[bool]) -> float | None:
    n = len(a)
    if n == 0:
        return None
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe == 1:
        return 1.0 if po == 1 else 0.0
    return round((po - pe) / (1 - pe), 4)


def coding_table(p: QProject, codings: list[dict[str, Any]], coder: str | None = None) -> str:
    """CSV for ``coatlas autocode``: one row per sentence, 0/1 per code a human coder used."""
    from coatlas.text.language import detect_language
    from coatlas.text.sentences import segment_paragraphs

    human = [c for c in codings if coder is None or c["coder"] == coder]
    codes = sorted({c["codebook_code"] or c["code"] for c in human})
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["id", "document", "text", *codes])
    coded_docs = sorted({c["document"] for c in human})
    for doc in coded_docs:
        text = p.texts[doc]
        paras = _paragraphs(text, detect_language(text))
        for n, s in enumerate(segment_paragraphs(text, paras)):
            row = [
                int(any(
                    (c["codebook_code"] or c["code"]) == code and c["document"] == doc
                    and c["start"] < s.end and s.start < c["end"]
                    for c in human
                ))
                for code in codes
            ]  # fmt: skip
            w.writerow([f"{doc}#{n + 1}", doc, " ".join(text[s.start : s.end].split()), *row])
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# the output folder


@dataclass
class ImportSummary:
    out_dir: Path
    sources: int
    codes: int
    selections: int
    coders: list[str]
    initiatives: int
    lessons: int
    mapped: int  # codings whose code matched the codebook
    problems: list[str]


def import_qdpx(
    project_path: str | Path,
    out_dir: str | Path,
    *,
    codebook: str | None = None,
    db_url: str | None = None,
) -> ImportSummary:
    """Write an output folder (store, JSON files, report) from a .qdpx project."""
    from coatlas.codebook import load_codebook
    from coatlas.evidence import Coding, Evidence, codings_from_initiatives
    from coatlas.pipeline import STORE_FILE, method_labels
    from coatlas.report import write_reports
    from coatlas.store import open_store

    project_path, out = Path(project_path), Path(out_dir)
    p = read_qdpx(project_path)
    if not p.texts:
        raise ImportError_(f"{project_path}: no text source could be read")
    cb = load_codebook(codebook)
    mapped = map_project(p, cb)
    docs = [
        _document(name, text, p.source_info.get(name)) for name, text in sorted(p.texts.items())
    ]
    digest = hashlib.sha256("\n".join(f"{d.path}\t{d.sha256}" for d in docs).encode())
    coders = sorted({c["coder"] for c in mapped.codings})
    manifest = {
        "coatlas": __version__,
        "settings": {"imported_from": project_path.name, "codebook": codebook},
        "codebook": {"name": cb.name, "version": cb.version, "digest": cb.digest},
        "imported": {
            "project": p.name,
            "origin": p.origin,
            "coders": coders,
            "selections": len(p.selections),
            "codes": len(p.codes),
        },
        "inputs_digest": digest.hexdigest(),
        "inputs": [
            {
                "document": d.path,
                "sha256": d.sha256,
                "format": d.format,
                "language": d.language,
                "characters": len(d.text),
            }
            for d in docs
        ],  # fmt: skip
        "errors": len(p.problems),
    }
    out.mkdir(parents=True, exist_ok=True)
    errors = [{"file": str(project_path), "error": line} for line in p.problems]
    store_url = db_url or None
    store = open_store(url=store_url, path=None if store_url else out / STORE_FILE)
    try:
        run = store.start_run(
            manifest["settings"], {"coatlas": __version__}, digest.hexdigest(), actor="import"
        )
        store.add_documents(docs, actor="import", run_id=run)
        cb_id = store.add_codebook(
            cb.name, cb.version, cb.model_dump(mode="json"),
            codes=[{"id": f"{g}:{c.id}"} for g in cb.group_ids() for c in cb.codes(g)],
        )  # fmt: skip
        store.add_initiatives(run, mapped.initiatives)
        store.add_codings(run, codings_from_initiatives(mapped.initiatives), codebook_id=cb_id)
        store.add_lessons(
            run, mapped.lessons_doc["lessons"], mapped.lessons_doc["hierarchy"], sampling=[]
        )
        # every coded selection, by its coder, outside the run: the project's own coding
        for coder in coders:
            rows = [
                Coding(
                    f"selection:{c['selection']}",
                    c["codebook_code"] or c["code"],
                    Evidence(
                        c["document"], c["start"], c["end"], c["quote"], f"human:{coder}", 1.0
                    ),
                )
                for c in mapped.codings
                if c["coder"] == coder
            ]
            store.add_codings(None, rows, coder=coder, codebook_id=cb_id)
        store.finish_run(run, "succeeded", actor="import")
    finally:
        store.close()
    write_json(out / "manifest.json", manifest)
    write_json(out / "errors.json", errors)
    write_json(out / "initiatives.json", mapped.initiatives)
    write_json(out / "non_initiatives.json", mapped.non_initiatives)
    write_json(out / "uncoded.json", mapped.uncoded)
    write_json(out / "lessons.json", mapped.lessons_doc)
    write_json(out / "codings.json", mapped.codings)
    write_json(out / "cases.json", _cases(p))
    write_json(out / "agreement.json", agreement(p, mapped.codings))
    (out / "coding.csv").write_text(coding_table(p, mapped.codings), encoding="utf-8")
    write_reports(
        out,
        initiatives=mapped.initiatives,
        non_initiatives=mapped.non_initiatives,
        uncoded=mapped.uncoded,
        lessons_doc=mapped.lessons_doc,
        manifest=manifest,
        errors=errors,
        method_labels=method_labels(cb),
        title=f"coatlas report: {p.name} (imported)",
    )
    return ImportSummary(
        out_dir=out,
        sources=len(p.texts),
        codes=len(p.codes),
        selections=len(p.selections),
        coders=coders,
        initiatives=len(mapped.initiatives),
        lessons=len(mapped.lessons_doc["lessons"]),
        mapped=sum(1 for c in mapped.codings if c["codebook_code"]),
        problems=p.problems,
    )


def _cases(p: QProject) -> list[dict[str, Any]]:
    """Cases with their variables, and the documents and codes they refer to (by name)."""
    out = []
    for case in p.cases:
        out.append(
            {
                "name": case["name"],
                "description": case["description"],
                "variables": case["variables"],
                "codes": [" > ".join(p.codes[g].path) for g in case["codes"] if g in p.codes],
                "sources": [p.source_names.get(g, g) for g in case["sources"]],
            }
        )
    return out


def _document(path: str, text: str, info: dict[str, str] | None = None) -> Any:
    """A Document whose text is the source's text exactly (offsets must not move).

    A source coatlas exported keeps its format and the sha256 of the file it was read from;
    any other is identified by the hash of its text.
    """
    from coatlas.document import Document
    from coatlas.ingest.transcript import detect_turns
    from coatlas.text.language import detect_language
    from coatlas.text.sentences import segment_paragraphs

    info = info or {}
    lang = info.get("language") or detect_language(text)
    paras = _paragraphs(text, lang)
    turns, speakers = detect_turns(text)
    return Document(
        path=path,
        sha256=info.get("sha256") or hashlib.sha256(text.encode("utf-8")).hexdigest(),
        format=info.get("format", "txt"),
        text=text,
        language=lang,
        paragraphs=paras,
        sentences=segment_paragraphs(text, paras),
        turns=turns,
        meta={"speakers": speakers} if speakers else {},
    )
