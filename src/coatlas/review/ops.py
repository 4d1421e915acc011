"""Review operations on a lessons.json-shaped dict: rename, merge, move, create, reject, restore.

Step 3's hierarchy is a first proposal; analysts correct it. Each correction is a
small plain-data op (``{"op": "rename", "node": "K03", "label": "…"}``) so it can
be recorded as an event and replayed: the reviewed hierarchy of a run is the
proposal plus its ops, applied in order. Applying the same ops to the same
proposal gives the same dict (and so the same bytes).

Invariants kept after every op:

- every placed lesson is in exactly one code; ids never change and are never reused;
- a node an op empties is removed, upward (a code without lessons has no quote
  behind it, so it cannot stay in a table that promises one). The only empty nodes
  are those a reviewer just created, waiting for something to be moved in;
- a code whose lessons changed gets its key concepts recomputed from its lessons
  (at least two when its lessons have them);
- a node a human changed says so: ``source: "human:<actor>"``, and keeps the label
  the machine proposed in ``proposed_label`` (``null`` for a node a human created).

An op that would break a rule is refused with a one-line :class:`ReviewError`
before anything changes.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from coatlas.errors import CoatlasError

LEVELS = ("cluster", "category", "code")
CHILDREN = {"cluster": "categories", "category": "codes", "code": "lessons"}
CHILD_LEVEL = {"cluster": "category", "category": "code", "code": "lesson"}
PARENT_LEVEL = {"category": "cluster", "code": "category", "lesson": "code"}
PREFIX = {"cluster": "C", "category": "G", "code": "K"}
OPS = ("rename", "merge", "move", "create", "reject", "restore", "add")
MAX_CONCEPTS = 6
_ID = re.compile(r"^([A-Za-z]*)(\d+)$")

# required and optional string fields of each op, in the order they are recorded
_FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "rename": (("node", "label"), ()),
    "merge": (("node", "into"), ()),
    "move": (("item", "to"), ()),
    "create": (("level", "label"), ("parent", "id")),
    "reject": (("lesson",), ("note",)),
    "restore": (("lesson",), ()),
    # a lesson a human coded by selecting its text: ``start``/``end`` are offsets (ints)
    "add": (("document", "start", "end", "text"), ("lesson", "to", "language")),
}
_INT_FIELDS = ("start", "end")


class ReviewError(CoatlasError):
    """A review op refused: one line naming the op, the item and the reason."""


@dataclass
class _Node:
    level: str
    node: dict[str, Any]
    parent: dict[str, Any] | None  # None for clusters (their container is the hierarchy)


def human(actor: str) -> str:
    """The ``source`` of anything a reviewer changed."""
    return f"human:{actor}"


def normalize(op: Any) -> dict[str, Any]:
    """The op as recorded: known fields only, in a fixed order, strings stripped.

    Refuses unknown ops, missing or non-string fields and unknown extra fields, so
    a typo never becomes an event that replays as something else.
    """
    if not isinstance(op, dict):
        raise ReviewError(f"review op: expected an object with 'op', got {type(op).__name__}")
    name = op.get("op")
    if name not in _FIELDS:
        raise ReviewError(f"review op {name!r}: unknown (one of {', '.join(OPS)})")
    required, optional = _FIELDS[name]
    extra = sorted(set(op) - {"op", *required, *optional})
    if extra:
        raise ReviewError(f"{name}: unknown field {extra[0]!r} (fields: {', '.join(required)})")
    out: dict[str, Any] = {"op": name}
    for key in (*required, *optional):
        value = op.get(key)
        if value is None:
            if key in required:
                raise ReviewError(f"{name}: missing {key!r}")
            continue
        if key in _INT_FIELDS:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ReviewError(f"{name}: {key!r} must be a character offset, got {value!r}")
            out[key] = value
            continue
        if key == "text":  # the quote, exactly as in the document
            if not isinstance(value, str) or not value.strip():
                raise ReviewError(f"{name}: 'text' is empty")
            out[key] = value
            continue
        if not isinstance(value, str):
            raise ReviewError(f"{name}: {key!r} must be text, got {type(value).__name__}")
        value = " ".join(value.split()) if key in ("label", "note") else value.strip()
        if not value:
            if key in required:
                raise ReviewError(f"{name}: {key!r} is empty")
            continue
        out[key] = value
    return out


def check_actor(actor: Any) -> str:
    if not isinstance(actor, str) or not actor.strip():
        raise ReviewError("review: say who is reviewing (actor is empty)")
    actor = actor.strip()
    if len(actor) > 200 or any(c in actor for c in "\r\n\t\x00"):
        raise ReviewError(f"review: actor {actor[:40]!r} must be one short line")
    return actor


class Review:
    """A lessons.json document under review. Works on its own deep copy.

    ``apply(op, actor)`` validates and applies one op and returns it as it should
    be recorded (``create`` gets the id it assigned, so replay gives the same id).
    """

    def __init__(self, doc: dict[str, Any]) -> None:
        if not isinstance(doc, dict):
            raise ReviewError("lessons.json: expected an object with 'lessons' and 'hierarchy'")
        self.doc = copy.deepcopy(doc)
        self.doc.setdefault("lessons", [])
        self.doc.setdefault("hierarchy", [])
        self._index()

    # -- lookups -----------------------------------------------------------------

    def _index(self) -> None:
        """Ids of every node and lesson; refuses a hierarchy that breaks the invariants."""
        self.lessons: dict[str, dict[str, Any]] = {}
        self.order: dict[str, int] = {}
        for i, les in enumerate(self.doc["lessons"]):
            lid = str(les.get("id", ""))
            if not lid or lid in self.lessons:
                raise ReviewError(f"lessons.json: lesson #{i} has a missing or repeated id {lid!r}")
            self.lessons[lid] = les
            self.order[lid] = i
        self.nodes: dict[str, _Node] = {}
        self.code_of: dict[str, str] = {}

        def visit(level: str, node: dict[str, Any], parent: dict[str, Any] | None) -> None:
            nid = str(node.get("id", ""))
            if not nid or nid in self.nodes or nid in self.lessons:
                raise ReviewError(f"lessons.json: {level} id {nid!r} is missing or not unique")
            self.nodes[nid] = _Node(level, node, parent)
            if level == "code":
                for lid in node.setdefault("lessons", []):
                    if lid not in self.lessons:
                        raise ReviewError(f"lessons.json: code {nid} lists unknown lesson {lid!r}")
                    if lid in self.code_of:
                        raise ReviewError(
                            f"lessons.json: lesson {lid} is in codes {self.code_of[lid]} and {nid}"
                        )
                    self.code_of[lid] = nid
                return
            for child in node.setdefault(CHILDREN[level], []):
                visit(CHILD_LEVEL[level], child, node)

        for cluster in self.doc["hierarchy"]:
            visit("cluster", cluster, None)

    def _node(self, name: str, key: str, nid: str) -> _Node:
        hit = self.nodes.get(nid)
        if hit is None:
            what = "a lesson, not a node" if nid in self.lessons else f"no such node (the {key})"
            raise ReviewError(f"{name} {nid}: {what}")
        return hit

    def _lesson(self, name: str, lid: str) -> dict[str, Any]:
        les = self.lessons.get(lid)
        if les is None:
            if lid in self.nodes:
                raise ReviewError(f"{name} {lid}: a {self.nodes[lid].level}, not a lesson")
            raise ReviewError(f"{name} {lid}: no such lesson")
        return les

    def level_of(self, ident: str) -> str | None:
        if ident in self.lessons:
            return "lesson"
        hit = self.nodes.get(ident)
        return hit.level if hit else None

    # -- applying ------------------------------------------------------------------

    def apply(self, op: Any, actor: str) -> dict[str, Any]:
        """Validate and apply one op; return it normalized, as it should be recorded."""
        actor = check_actor(actor)
        op = normalize(op)
        dirty: set[str] = set()  # codes whose lessons changed
        getattr(self, f"_{op['op']}")(op, actor, dirty)
        self._sync_lessons()
        for kid in sorted(dirty):
            if kid in self.nodes:
                self._recompute_concepts(kid)
        review = self.doc.setdefault("review", {"ops": 0, "removed": []})
        review["ops"] += 1
        return op

    def replay(self, steps: Iterable[tuple[str, dict[str, Any]]]) -> Review:
        """Apply recorded ``(actor, op)`` steps in order."""
        for n, (actor, op) in enumerate(steps, 1):
            try:
                self.apply(op, actor)
            except ReviewError as e:
                raise ReviewError(f"review step {n}: {e}") from None
        return self

    def _touch(self, node: dict[str, Any], actor: str) -> None:
        node.setdefault("proposed_label", node.get("label"))
        node["source"] = human(actor)

    def _rename(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        hit = self._node("rename", "node", op["node"])
        if hit.node.get("label") == op["label"]:
            raise ReviewError(f"rename {op['node']}: already labelled {op['label']!r}")
        self._touch(hit.node, actor)
        hit.node["label"] = op["label"]

    def _merge(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        src = self._node("merge", "node", op["node"])
        dst = self._node("merge", "into", op["into"])
        if op["node"] == op["into"]:
            raise ReviewError(
                f"merge {op['node']} into {op['into']}: a node cannot merge into itself"
            )
        if src.level != dst.level:
            raise ReviewError(
                f"merge {op['node']} into {op['into']}: {op['node']} is a {src.level}, "
                f"{op['into']} a {dst.level} (merge within one level)"
            )
        key = CHILDREN[src.level]
        dst.node[key] = self._sorted(CHILD_LEVEL[src.level], [*dst.node[key], *src.node[key]])
        src.node[key] = []
        self._touch(dst.node, actor)
        merged = {"id": op["node"], "label": src.node.get("label")}
        dst.node["merged"] = [*dst.node.get("merged", []), merged]
        if src.level == "code":
            dirty.add(op["into"])
        self._remove(op["node"], actor, into=op["into"])

    def _move(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        item, to = op["item"], op["to"]
        level = self.level_of(item)
        if level is None:
            raise ReviewError(f"move {item}: no such lesson or node")
        if level == "cluster":
            raise ReviewError(f"move {item}: a cluster is top level; merge it instead")
        dst = self._node(f"move {item} to", "to", to)
        want = PARENT_LEVEL[level]
        if dst.level != want:
            raise ReviewError(
                f"move {item} to {to}: a {level} goes under a {want}, {to} is a {dst.level}"
            )
        key = CHILDREN[want]
        if level == "lesson":
            old = self.code_of.get(item)
            if old == to:
                raise ReviewError(f"move {item} to {to}: already there")
            les = self.lessons[item]
            review = dict(les.get("review") or {})
            review.setdefault("proposed_code", les.get("code"))
            les["review"] = _lesson_review(review, actor)
            dst.node[key] = self._sorted(level, [*dst.node[key], item])
            dirty.add(to)
            self._touch(dst.node, actor)
            if old is not None:
                old_node = self.nodes[old].node
                old_node[key] = [x for x in old_node[key] if x != item]
                dirty.add(old)
                self._touch(old_node, actor)
                self._reindex()
                if not old_node[key]:
                    self._remove(old, actor)
            self._reindex()
            return
        src = self.nodes[item]
        if src.parent is not None and src.parent.get("id") == to:
            raise ReviewError(f"move {item} to {to}: already there")
        old_parent = src.parent
        assert old_parent is not None  # only clusters have none
        old_parent[key] = [x for x in old_parent[key] if x is not src.node]
        dst.node[key] = self._sorted(level, [*dst.node[key], src.node])
        self._touch(src.node, actor)
        self._touch(dst.node, actor)
        self._touch(old_parent, actor)
        self._reindex()
        if not old_parent[key]:
            self._remove(str(old_parent["id"]), actor)

    def _create(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        level, parent = op["level"], op.get("parent")
        if level not in LEVELS:
            raise ReviewError(f"create {level}: unknown level (one of {', '.join(LEVELS)})")
        parent_node: dict[str, Any] | None = None
        if level == "cluster":
            if parent is not None:
                raise ReviewError(f"create cluster under {parent}: clusters are top level")
            container = self.doc["hierarchy"]
        else:
            want = PARENT_LEVEL[level]
            if parent is None:
                raise ReviewError(f"create {level}: say under which {want} (parent)")
            hit = self._node(f"create {level} under", "parent", parent)
            if hit.level != want:
                raise ReviewError(
                    f"create {level} under {parent}: a {level} goes under a {want}, "
                    f"{parent} is a {hit.level}"
                )
            container, parent_node = hit.node[CHILDREN[want]], hit.node
        nid = op.get("id") or self._new_id(level)
        if nid in self.nodes or nid in self.lessons or nid in self._removed_ids():
            raise ReviewError(f"create {level} {nid}: the id is already used")
        op["id"] = nid
        if parent_node is not None:
            self._touch(parent_node, actor)
        node: dict[str, Any] = {"id": nid, "label": op["label"]}
        if level == "code":
            node["key_concepts"] = []
        node[CHILDREN[level]] = []
        node["proposed_label"] = None
        node["source"] = human(actor)
        container.append(node)
        self._reindex()

    def _reject(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        lid = op["lesson"]
        les = self._lesson("reject", lid)
        review = dict(les.get("review") or {})
        if review.get("rejected"):
            raise ReviewError(f"reject {lid}: already rejected")
        review["rejected"] = True
        if "note" in op:
            review["note"] = op["note"]
        les["review"] = _lesson_review(review, actor)
        self._touch_code_of(lid, actor, dirty)

    def _restore(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        lid = op["lesson"]
        les = self._lesson("restore", lid)
        review = dict(les.get("review") or {})
        if not review.get("rejected"):
            raise ReviewError(f"restore {lid}: not rejected")
        review.pop("rejected")
        review.pop("note", None)
        les["review"] = _lesson_review(review, actor)
        self._touch_code_of(lid, actor, dirty)

    def _add(self, op: dict[str, Any], actor: str, dirty: set[str]) -> None:
        """A lesson a reviewer found in a document: into a code (``to``) or into no code yet."""
        if op["end"] <= op["start"]:
            raise ReviewError(f"add lesson: span {op['start']}:{op['end']} is empty")
        if len(op["text"]) != op["end"] - op["start"]:
            raise ReviewError(f"add lesson: the quote is not {op['end'] - op['start']} characters")
        for les in self.doc["lessons"]:
            if (les.get("document"), les.get("start"), les.get("end")) == (
                op["document"],
                op["start"],
                op["end"],
            ):
                raise ReviewError(
                    f"add lesson: {op['document']} [{op['start']}:{op['end']}] is already "
                    f"lesson {les.get('id')}"
                )
        to = op.get("to")
        if to is not None:
            hit = self._node(f"add lesson to {to}", "to", to)
            if hit.level != "code":
                raise ReviewError(
                    f"add lesson to {to}: a lesson goes into a code, {to} is a {hit.level}"
                )
        lid = op.get("lesson") or self._new_lesson_id()
        if lid in self.lessons or lid in self.nodes:
            raise ReviewError(f"add lesson {lid}: the id is already used")
        op["lesson"] = lid
        record: dict[str, Any] = {
            "id": lid,
            "document": op["document"],
            "start": op["start"],
            "end": op["end"],
            "text": op["text"],
        }
        if op.get("language"):
            record["language"] = op["language"]
        record |= {"key_concepts": [], "code": None, "category": None, "cluster": None}
        record |= {"confidence": 1.0, "source": human(actor)}
        self.doc["lessons"].append(record)
        self._reindex()
        if to is not None:
            node = self.nodes[to].node
            node["lessons"] = self._sorted("lesson", [*node["lessons"], lid])
            self._touch(node, actor)
            dirty.add(to)
            self._reindex()

    def _new_lesson_id(self) -> str:
        numbers = [int(m[2]) for x in self.lessons if (m := _ID.match(x)) and m[1] == "L"]
        width = max((len(x) - 1 for x in self.lessons if x.startswith("L")), default=3)
        return f"L{max(numbers, default=0) + 1:0{width}d}"

    def _touch_code_of(self, lid: str, actor: str, dirty: set[str]) -> None:
        kid = self.code_of.get(lid)
        if kid is not None:
            self._touch(self.nodes[kid].node, actor)
            dirty.add(kid)

    # -- structure -------------------------------------------------------------------

    def _reindex(self) -> None:
        self._index()

    def _removed_ids(self) -> set[str]:
        return {r["id"] for r in (self.doc.get("review") or {}).get("removed", [])}

    def _remove(self, nid: str, actor: str, into: str | None = None) -> None:
        """Drop a node (now empty) and record it; an ancestor left empty goes too."""
        hit = self.nodes[nid]
        container = (
            self.doc["hierarchy"]
            if hit.parent is None
            else hit.parent[CHILDREN[PARENT_LEVEL[hit.level]]]
        )
        container[:] = [x for x in container if x is not hit.node]
        entry: dict[str, Any] = {"id": nid, "level": hit.level, "label": hit.node.get("label")}
        entry["merged_into" if into else "reason"] = into or "emptied"
        entry["source"] = human(actor)
        review = self.doc.setdefault("review", {"ops": 0, "removed": []})
        review["removed"].append(entry)
        self._reindex()
        if hit.parent is not None:
            self._touch(hit.parent, actor)
            if not container:
                self._remove(str(hit.parent["id"]), actor)

    def _new_id(self, level: str) -> str:
        """The prefix of the level and one past the highest number it ever used."""
        prefix = PREFIX[level]
        used = [n for n, h in self.nodes.items() if h.level == level]
        used += [
            r["id"]
            for r in (self.doc.get("review") or {}).get("removed", [])
            if r.get("level") == level
        ]
        numbers = [int(m[2]) for x in used if (m := _ID.match(x)) and m[1] == prefix]
        n = max(numbers, default=0) + 1
        while f"{prefix}{n:02d}" in self.nodes or f"{prefix}{n:02d}" in self.lessons:
            n += 1
        return f"{prefix}{n:02d}"

    def _sorted(self, level: str, items: list[Any]) -> list[Any]:
        """Children in a stable order: lessons as in the document list, nodes by id."""
        if level == "lesson":
            return sorted(items, key=lambda lid: self.order[lid])
        return sorted(items, key=lambda n: _natural(str(n.get("id", ""))))

    def _sync_lessons(self) -> None:
        """Each lesson's code/category/cluster fields follow the hierarchy."""
        for cluster in self.doc["hierarchy"]:
            for cat in cluster["categories"]:
                for code in cat["codes"]:
                    for lid in code["lessons"]:
                        les = self.lessons[lid]
                        for key, value in (
                            ("code", code["id"]),
                            ("category", cat["id"]),
                            ("cluster", cluster["id"]),
                        ):
                            if les.get(key) != value:
                                les[key] = value

    def _recompute_concepts(self, kid: str) -> None:
        """A code's key concepts from its lessons' (study rule: at least two).

        Its kept lessons first; if they give fewer than two, its rejected ones, then
        the kept lessons of its category and cluster, then what it had before.
        """
        hit = self.nodes[kid]
        cat = hit.parent or {}
        cluster_node = self.nodes[str(cat.get("id"))].parent if cat else None

        def live(lids: Iterable[str], rejected: bool = False) -> list[dict[str, Any]]:
            out = [self.lessons[x] for x in lids]
            return [x for x in out if bool((x.get("review") or {}).get("rejected")) == rejected]

        def under(node: dict[str, Any] | None, level: str) -> list[str]:
            if node is None:
                return []
            if level == "code":
                return list(node["lessons"])
            return [x for child in node[CHILDREN[level]] for x in under(child, CHILD_LEVEL[level])]

        sources = [
            live(hit.node["lessons"]),
            live(hit.node["lessons"], rejected=True),
            live(under(cat, "category")),
            live(under(cluster_node, "cluster")),
        ]
        out: list[str] = []
        for lessons in sources:
            for concept in _ranked(lessons):
                if concept not in out:
                    out.append(concept)
                if len(out) >= MAX_CONCEPTS:
                    break
            if len(out) >= 2:
                break
        for concept in hit.node.get("key_concepts") or []:
            if len(out) >= 2:
                break
            if concept not in out:
                out.append(concept)
        hit.node["key_concepts"] = out


def _ranked(lessons: list[dict[str, Any]]) -> list[str]:
    """Key concepts of several lessons, the most frequent and highest ranked first."""
    score: dict[str, int] = defaultdict(int)
    for les in lessons:
        for rank, concept in enumerate(les.get("key_concepts") or []):
            score[str(concept)] += max(1, MAX_CONCEPTS - rank)
    return [c for c, _ in sorted(score.items(), key=lambda kv: (-kv[1], kv[0]))]


def _lesson_review(review: dict[str, Any], actor: str) -> dict[str, Any]:
    """A lesson's ``review`` block in a fixed key order."""
    review["source"] = human(actor)
    keys = ("source", "proposed_code", "rejected", "note")
    return {k: review[k] for k in keys if k in review}


def _natural(ident: str) -> tuple[str, int, str]:
    m = _ID.match(ident)
    return (m[1], int(m[2]), ident) if m else (ident, -1, ident)


def apply_ops(doc: dict[str, Any], ops: Iterable[dict[str, Any]], actor: str) -> dict[str, Any]:
    """``doc`` reviewed by one actor's ops, in order (a new dict; ``doc`` is unchanged)."""
    review = Review(doc)
    for op in ops:
        review.apply(op, actor)
    return review.doc


def replay(doc: dict[str, Any], steps: Iterable[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """``doc`` with recorded ``(actor, op)`` steps applied in order (a new dict)."""
    return Review(doc).replay(steps).doc


def rejected_lessons(doc: dict[str, Any]) -> set[str]:
    """Ids of the lessons a reviewer rejected (kept in lessons.json, left out of counts)."""
    return {
        str(x.get("id"))
        for x in doc.get("lessons") or []
        if isinstance(x.get("review"), dict) and x["review"].get("rejected")
    }
