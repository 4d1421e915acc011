"""Step 1 (+ the Step 2 hand-off): documents in, initiatives and non-initiatives out.

Recipe: find name mentions in every document (``mentions``), group them into
entities across documents and languages (``resolve``), keep the entities that
are named like initiatives (cue strength, recurrence over documents), decide
from the sentences around the mentions whether persons with patient experience
take part (``ppe``), then ask the Step 2 helpers for timeline and codes.
Everything is sorted, so the same documents give the same bytes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from coatlas.directed.lexicon import lexicons
from coatlas.directed.mentions import (
    Link,
    Mention,
    MentionFinder,
    is_org_key,
    norm_key,
    sentence_spans,
)
from coatlas.directed.phrases import extra_names
from coatlas.directed.ppe import PPEHit, codebook_actors, ppe_hits
from coatlas.directed.resolve import (
    Entity,
    join_entities,
    join_roles,
    merge_across_languages,
    resolve,
)
from coatlas.document import Document
from coatlas.errors import CoatlasError
from coatlas.evidence import Evidence, make_evidence

SOURCE = "rule:directed.initiatives"

# how much each kind of cue says "this phrase is a name"
CUE_WEIGHT = {
    "known": 3.0,
    "cue_noun": 2.0,
    "naming": 2.0,
    "title": 2.0,
    "heading": 1.5,
    "leadin": 1.2,
    "paren": 1.5,
    "acronym": 2.0,
    "quote": 1.0,
    "compound": 0.8,
    "head": 0.6,
    "repeat": 0.4,
    "anaphor": 0.4,  # the document refers back to its title ("this strategy")
}
CAPITAL_BONUS = 0.8
# Swedish capitalises only proper nouns: a capitalised compound ending in an
# initiative head in mid-sentence ("... patientmedverkan, X-nätverket, där") is a name
PROPER_COMPOUND_BONUS = 0.9
MIN_STRENGTH = 1.8  # summed over documents
MIN_STRENGTH_SINGLE = 2.2
CANDIDATE_STRENGTH = 1.5  # names weaker than this take no part in cross-language joins  # when only one document names it
MAX_CODE_EVIDENCE = 10  # strongest quotes kept per code (the coder sorts them by confidence)
SHORT_PAGE = 2500  # characters: a page this short that is titled by a name describes only it
PPE_MIN = 0.8  # involvement in the mention's sentence (1.0) or the next one (0.8)


@dataclass
class DirectedResult:
    initiatives: list[dict[str, Any]] = field(default_factory=list)
    non_initiatives: list[dict[str, Any]] = field(default_factory=list)
    uncoded: list[dict[str, Any]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list, repr=False)


# ------------------------------------------------------------------ helpers


def _doc_sentences(doc: Document) -> list[tuple[int, int]]:
    return sentence_spans(doc.text, doc.sentences or None)


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        a, b = spans[mid]
        if pos < a:
            hi = mid - 1
        elif pos >= b:
            lo = mid + 1
        else:
            return spans[mid]
    return None


def _mention_weight(m: Mention) -> float:
    w = max(CUE_WEIGHT.get(c, 0.5) for c in m.cues)
    w += 0.3 * (len(m.cues) - 1)
    if m.capitalised:
        w += CAPITAL_BONUS
        if "compound" in m.cues:
            w += PROPER_COMPOUND_BONUS
    return w


def strength(ent: Entity) -> float:
    """Name evidence summed over documents: the best cue in each document, plus
    a little when the document keeps using the name."""
    per_doc: dict[str, float] = defaultdict(float)
    count: Counter[str] = Counter()
    for m in ent.mentions:
        per_doc[m.document] = max(per_doc[m.document], _mention_weight(m))
        count[m.document] += 1
    return sum(min(3.0, v + (0.5 if count[d] >= 2 else 0.0)) for d, v in per_doc.items())


def _org_evidence(ent: Entity, docs: dict[str, Document]) -> int:
    """Count contexts that say the name is an organisation ("X – development unit",
    "head of X", "X is the region's unit")."""
    lx = lexicons()
    # "a rehabilitation group", "a team of peers" describe initiatives, not organisations
    # (an association of survivors may itself be the initiative)
    org = (lx["en"].org_heads | lx["sv"].org_heads) - {
        "group", "groups", "team", "teams", "ward", "association", "associations",
        "förening", "föreningen",
    }  # fmt: skip
    before = lx["en"].org_before + lx["sv"].org_before
    n = 0
    for m in ent.mentions:
        t = docs[m.document].text
        pre = t[max(0, m.start - 20) : m.start].lower()
        post = t[m.end : m.end + 60].lower()
        # the head of a noun phrase comes before its relative clause or prepositional phrase
        post = re.split(
            r"\s(?:där|som|vilket|which|who|where|that|med|with|för|for|i|in|på|at|of|av|från|from|by|genom)\s",
            post,
        )[0]
        if any(pre.rstrip().endswith(b) for b in before):
            n += 1
            continue
        # the appositive/predicate phrase up to punctuation; its LAST word is its head
        mm = re.match(
            r"[’']?s?\s*(?:[–,-]|(?:is|är|was|var)(?=\s+(?:a|an|the|en|ett|our|its|their|vår|vårt|\w+s)\s))\s+((?:[\w'’-]+[ \t]+){0,5}?)([\w-]+)\s*(?:[.,;:()\n]|$)",
            post,
        )
        if mm:
            last = mm.group(2)
            if last in org or any(last.endswith(o) for o in org if len(o) >= 6):
                n += 1
    return n


def _name_lang(s: str) -> str:
    return "sv" if re.search(r"[åäöÅÄÖ]", s) else "en"


_NEW_AFTER = (
    "renamed",
    "now called",
    "changed its name",
    "bytte namn",
    "döptes om",
    "nu kallat",
    "numera",
)
_NEW_BEFORE = (
    "formerly",
    "previously",
    "tidigare",
    "hette då",
    "hette tidigare",
    "started as",
    "startade som",
)


def _renamed(ent: Entity) -> tuple[str, str] | None:
    """(new key, old key) when a document says the initiative changed its name."""
    keys = set(ent.keys)
    for lk in sorted(ent.links, key=lambda x: (x.document, x.start, x.reason)):
        if not lk.reason.startswith("alias:") or lk.a not in keys or lk.b not in keys:
            continue
        cue = lk.reason[6:]
        if any(cue.startswith(c) for c in _NEW_AFTER):
            return lk.b, lk.a
        if any(cue.startswith(c) for c in _NEW_BEFORE):
            return lk.a, lk.b
    return None


def _canonical(ent: Entity) -> tuple[str, list[str]]:
    """Most frequent form (names over descriptors) — or the new name after a
    renaming — with the other language's form in parentheses."""
    forms: Counter[str] = Counter()
    display: dict[str, str] = {}
    lang: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ent.mentions:
        s = re.sub(r"\s+", " ", m.surface).strip(" \"“”'’")
        s = re.sub(r"^(?i:the|den|det)\s+", "", s) if len(s.split()) > 1 else s
        if s.isupper() and len(s) > 5:
            s = s.title()
        k = norm_key(s)
        forms[k] += 1 + _mention_weight(m)
        lang[k][m.lang if m.lang in ("sv", "en") else _name_lang(s)] += 1
        cur = display.get(k)
        # prefer a capitalised, indefinite-looking surface for display
        if (
            cur is None
            or (s[:1].isupper() and not cur[:1].isupper())
            or (s[:1].isupper() == cur[:1].isupper() and (len(s), s) < (len(cur), cur))
        ):
            display[k] = s
    ranked = [k for k, _ in sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))]
    if ent.display:
        return ent.display, sorted({display[k] for k in ranked}, key=lambda s: (s.lower(), s))

    def lg(k: str) -> str:
        return lang[k].most_common(1)[0][0] if lang[k] else _name_lang(display[k])

    first = ranked[0]
    acr = next(
        (
            lk
            for lk in sorted(ent.links, key=lambda x: (x.document, x.start))
            if lk.reason == "acronym"
        ),
        None,
    )
    if acr is not None and acr.a in display and acr.b in display:
        # "Shared Care Agreements (SCA)": the spelled-out name, the acronym in parentheses
        long, short = display[acr.a], display[acr.b]
        aliases = sorted({display[k] for k in ranked} - {long}, key=lambda s: (s.lower(), s))
        return f"{long[:1].upper() + long[1:]} ({short})", aliases
    renamed = _renamed(ent)
    if renamed and renamed[0] in display:
        first = renamed[0]
    main = display[first][:1].upper() + display[first][1:]
    aliases = sorted(
        {display[k] for k in ranked if k != first} - {main}, key=lambda s: (s.lower(), s)
    )
    if renamed and renamed[1] in display and renamed[0] == first:
        return f"{main} (formerly {display[renamed[1]]})", aliases
    other = [
        display[k]
        for k in ranked
        if k != first
        and lg(k) != lg(first)
        and not k.replace(" ", "").startswith(first.replace(" ", ""))  # "Xcaféer" of "X"
    ]
    if other:
        main = f"{main} ({other[0][:1].upper() + other[0][1:]})"
    return main, aliases


# ------------------------------------------------------------------ timeline/coding adapters


def _timeline(ent: Entity, evidence: list[Evidence], docs: dict[str, Document]) -> dict[str, Any]:
    """Ask the Step 2 timeline helper; fall back to a cautious stand-in without it."""
    try:
        from coatlas.directed.timeline import infer_timeline
    except ImportError:
        return _simple_timeline(evidence, docs)
    mentions = [(docs[m.document], m.start, m.end) for m in ent.mentions]
    tl = infer_timeline(mentions, [docs[p] for p in ent.documents])
    ev = tl.evidence or {}
    return {
        "start": tl.start,
        "end": tl.end,
        "ongoing": bool(tl.ongoing),
        "active_years": sorted(tl.active_years or []),
        "ev_start": list(ev.get("start", [])),
        "ev_end": list(ev.get("end", [])),
    }


_START = re.compile(
    r"(?i)(since|started|start(?:s|ed)? in|launched|introduced|began|from|sedan|startade|började|inleddes|infördes|the autumn of|the spring of|hösten|våren)\D{0,25}((?:19|20)\d\d)"
)
_END = re.compile(
    r"(?i)(ended|closed|concluded|completed|until|avslutades|avslutas|lades ned|slutade|upphörde|rann ut)\D{0,25}((?:19|20)\d\d)"
)


def _simple_timeline(evidence: list[Evidence], docs: dict[str, Document]) -> dict[str, Any]:
    starts: list[tuple[int, Evidence]] = []
    ends: list[tuple[int, Evidence]] = []
    for ev in evidence:
        t = docs[ev.document].text
        for rx, bucket in ((_START, starts), (_END, ends)):
            for m in rx.finditer(ev.quote):
                y = int(m.group(2))
                a = ev.start + m.start()
                bucket.append(
                    (
                        y,
                        make_evidence(
                            t,
                            ev.document,
                            a,
                            ev.start + m.end(),
                            "rule:directed.timeline-fallback",
                            0.5,
                        ),
                    )
                )
    start = min((y for y, _ in starts), default=None)
    end = max((y for y, _ in ends), default=None)
    if start is not None and end is not None and end < start:
        end = None
    return {
        "start": start,
        "end": end,
        "ongoing": end is None and start is not None,
        "active_years": [],
        "ev_start": [e for y, e in starts if y == start][:3],
        "ev_end": [e for y, e in ends if y == end][:3],
    }


def _coding(
    ent: Entity,
    docs: dict[str, Document],
    spans,
    codebook,
    embedder,
    iid: str,
    named: dict[str, list[tuple[int, int]]] | None = None,
) -> tuple[dict, list[dict]]:
    """Methods, levels and PPE roles from the Step 2 coder, over the sentences
    around the initiative's mentions; sentences that fit no code -> uncoded."""
    out: dict[str, dict[str, list[Evidence]]] = {"methods": {}, "levels": {}, "ppe_roles": {}}
    try:
        from coatlas.directed.coding import Context, code_all_groups
    except ImportError:
        return out, []
    ctx: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
    for m in ent.mentions:
        sp = spans[m.document]
        s = _sentence_of(sp, m.start)
        if s is None:
            continue
        idx = sp.index(s)
        text = docs[m.document].text
        end = s[1]
        if "title" in m.cues or "heading" in m.cues:
            # a document or section named after the initiative is about it throughout
            limit = min(len(text), s[0] + (4000 if "title" in m.cues else 2500))
            for nxt in sp[idx + 1 :]:
                if nxt[0] >= limit:
                    break
                line_start = text.rfind("\n", 0, nxt[0]) + 1
                line_end = text.find("\n", nxt[0])
                line = text[line_start : len(text) if line_end < 0 else line_end]
                if _HEADING.match(line) and nxt[0] > s[1] and "title" not in m.cues:
                    break
                end = nxt[1]
        else:
            for nxt in sp[idx + 1 : idx + 3]:
                if _is_heading(text, nxt):
                    break
                end = nxt[1]
        ctx[(m.document, s[0], end)].append((m.start, m.end))
    own = {(m.document, m.start, m.end) for m in ent.mentions}
    others = {
        p: tuple(sorted(sp for sp in (named or {}).get(p, []) if (p, *sp) not in own))
        for p in {p for p, _, _ in ctx}
    }
    contexts = [
        Context(docs[p], a, b, tuple(sorted(ms)), others[p])
        for (p, a, b), ms in sorted(ctx.items())
    ]
    if not contexts:
        return out, []
    results = code_all_groups(contexts, codebook, embedder)
    for group in out:
        res = results.get(group)
        if res is not None:
            out[group] = {code: list(evs) for code, evs in res.codes.items()}
    uncoded: list[dict] = []
    seen: set[tuple[str, int, int]] = set()
    for res in results.values():
        for e in res.uncoded:
            k = (e.document, e.start, e.end)
            if k in seen:
                continue
            seen.add(k)
            uncoded.append(
                {
                    "initiative": iid,
                    "document": e.document,
                    "start": e.start,
                    "end": e.end,
                    "quote": e.quote,
                    "reason": "fits no code of the codebook (possible new category)",
                }
            )
    return out, uncoded


# ------------------------------------------------------------------ main


def read_known(path: str | Path) -> list[list[str]]:
    """Directed mode's ``--initiatives FILE``: one initiative per line, aliases
    after ``|`` ("Listening panel | Lyssnarpanelen"); blank lines and ``#`` comments
    are skipped.  Raises ``CoatlasError`` naming the file and the reason."""
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise CoatlasError(f"{p}: cannot read initiatives file ({e.__class__.__name__})") from e
    out: list[list[str]] = []
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        names = [x.strip() for x in line.split("|") if x.strip()]
        if not names:
            raise CoatlasError(f"{p}:{n}: empty initiative name")
        out.append(names)
    if not out:
        raise CoatlasError(f"{p}: no initiative names in the file")
    return out


def find_mentions(
    docs: Sequence[Document], known: list[list[str]] | None = None
) -> tuple[list[Mention], list[Link]]:
    """All name mentions and alias links of a corpus (discovery or directed mode)."""
    mentions: list[Mention] = []
    links: list[Link] = []
    if known:
        for names in known:
            names = [n.strip() for n in names if n and n.strip()]
            if not names:
                continue
            key0 = norm_key(names[0])
            pats = [
                re.compile(
                    r"(?<!\w)"
                    + re.escape(n).replace(r"\ ", r"[\s\-]+")
                    + r"(?:s|en|et|n|na|arna|erna)?(?!\w)",
                    re.IGNORECASE,
                )
                for n in sorted(set(names), key=len, reverse=True)
            ]
            for doc in docs:
                spans = _doc_sentences(doc)
                taken: list[tuple[int, int]] = []
                for p in pats:
                    for mm in p.finditer(doc.text):
                        if any(a < mm.end() and mm.start() < b for a, b in taken):
                            continue
                        taken.append((mm.start(), mm.end()))
                        sent = _sentence_of(spans, mm.start()) or (mm.start(), mm.end())
                        m = Mention(
                            doc.path,
                            mm.start(),
                            mm.end(),
                            mm.group(),
                            key0,
                            _name_lang(mm.group()),
                            {"known"},
                            "initiative",
                            False,
                            True,
                            sent,
                        )
                        mentions.append(m)
        return sorted(mentions, key=Mention.sort_key), links
    finder = MentionFinder()
    per_doc: dict[str, list[Mention]] = {}
    for doc in docs:
        spans = _doc_sentences(doc)
        ms, ls = finder.find(doc.path, doc.text, spans, lang=doc.language)
        # the first lines of a document are its title: a name there is what the document is about
        head = [s for s in spans[:2] if s[1] - s[0] <= 140]
        for m in ms:
            if any(
                a <= m.start < b and not re.search(r"\w", doc.text[a : m.start]) for a, b in head
            ):
                m.cues.add("title")
        per_doc[doc.path] = _headings(doc, spans, ms)
        links.extend(ls)
    per_doc, ls = extra_names(docs, _doc_sentences, per_doc)
    links.extend(ls)
    for doc in docs:
        ms = per_doc[doc.path]
        mentions.extend(ms)
        links.extend(_coreference(doc, ms, _doc_sentences(doc)))
    return sorted(mentions, key=Mention.sort_key), links


_NUMBERED = (
    r"(?:#+\s*|\d+(?:\.\d+)*\.?\s+|(?i:item|agenda item|paper|section|punkt|ärende)\s*[\w/.-]*\s*[:.–-]?\s+"
    r"|§\s*\d+\s+|[A-ZÅÄÖ]{1,6}/\d{2}/\d{2,4}[a-z]?\s+)"
)
_NAME = r"(?:(?i:the|den|det)\s+)?([A-ZÅÄÖ][\w'’-]*(?:\s+[\w'’-]+){0,4}?)"
_GENERIC_TAIL = r"(?:\s+(?i:update|report|progress report|progress|review|proposal|overview|summary|evaluation|rapport|slutrapport|lägesrapport|uppföljning|utvärdering))?"
_HEADING = re.compile(r"^" + _NUMBERED + _NAME + _GENERIC_TAIL + r"(?:\s*:\s.*)?$")
# "2.4 Xyz abc. The collaborative ran ...": a numbered paragraph led by its subject
_LEADIN = re.compile(r"^" + _NUMBERED + _NAME + _GENERIC_TAIL + r"\.\s+\S")
_TITLE = re.compile(r"^(?:#+\s*)?" + _NAME + _GENERIC_TAIL + r"\s*(?:$|[–—|:]|\s-\s|\()")


_CLAUSE = re.compile(r"(?i)\b(som|att|that|which|who|how|what|where|när|hur|vad|vilka)\b")


def _heading_stop(name: str) -> bool:
    """Section headings that name no initiative ("Background", "What we learned",
    "Patients as co-creators" written as a clause)."""
    stop = _heading_words()
    first = name.split()[0].lower().strip("'’")
    return first in stop or name.lower() in stop or _CLAUSE.search(name) is not None


@lru_cache(maxsize=1)
def _heading_words() -> frozenset[str]:
    lx = lexicons()
    return frozenset(w for lg in lx.values() for w in lg.raw.get("heading_stop", []) or [])


def _headings(doc: Document, spans, ms: list[Mention]) -> list[Mention]:
    """A short heading line ("3. Carers' Kitchen", "## Xyz", "Item 4: Xyz update") or the
    document's title line whose words recur in the body names what it is about."""
    out = list(ms)
    text = doc.text
    lines: set[tuple[int, int]] = set()
    for a, b in spans:
        la = text.rfind("\n", 0, a) + 1
        lb = text.find("\n", b)
        lb = len(text) if lb < 0 else lb
        if b - a <= 60 or re.match(_NUMBERED, text[la:lb]):
            lines.add((la, lb))
    first = re.search(r"\S[^\n]*", text)
    title_line = (first.start(), first.end()) if first else None
    if title_line:
        lines.add(title_line)
    for a, b in sorted(lines):
        line = text[a:b]
        mm = _HEADING.match(line) if b - a <= 100 and text[b - 1 : b] not in ".!?,;" else None
        leadin = False
        if not mm:
            mm = _LEADIN.match(line)
            leadin = mm is not None
        if not mm and (a, b) == title_line:
            mm = _TITLE.match(line)
        if not mm or _heading_stop(mm.group(1)):
            continue
        na, nb = a + mm.start(1), a + mm.end(1)
        inside = [m for m in out if na <= m.start and m.end <= nb]
        if inside:
            for m in inside:
                m.cues.add("heading")
            continue
        name = text[na:nb]
        words = name.split()
        if len(words) > 5 or (len(words) == 1 and (a, b) != title_line):
            continue
        title_case = all(w[:1].isupper() for w in words[:2])
        body = text[:a] + " " + text[b:]
        # a name recurs verbatim; sentence-case ("Xyz för abc") or a one-word
        # title must recur more to count; a paragraph lead-in is checked against the
        # whole corpus later (cue "leadin")
        numbered = bool(re.match(_NUMBERED, line))
        need = 1 if (title_case and len(words) > 1) or numbered else 2
        # a numbered heading naming a kind of initiative ("Heart failure improvement
        # collaborative") may recur in lower case below; a topic heading must recur as written
        headed = _has_head(words) or re.search(
            r"(?i)(?<!\w)"
            + re.escape(name)
            + r"\s+(?:project|programme|program|pilot|initiative)\b",
            body,
        )
        found = re.findall(
            r"(?<!\w)" + re.escape(name) + r"(?!\w)",
            body,
            flags=re.IGNORECASE if numbered and (title_case or headed) else 0,
        )
        if not leadin and len(found) < need:
            continue
        key = norm_key(name)
        if not key or is_org_key(key):
            continue
        out.append(
            Mention(
                doc.path,
                na,
                nb,
                name,
                key,
                _name_lang(name),
                {"leadin" if leadin else "heading"},
                "initiative",
                False,
                True,
                (a, b),
            )
        )
        for bm in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if bm.start() == na or any(m.start <= bm.start() < m.end for m in out):
                continue
            out.append(
                Mention(
                    doc.path,
                    bm.start(),
                    bm.end(),
                    name,
                    key,
                    _name_lang(name),
                    {"repeat"},
                    "initiative",
                    False,
                    True,
                    (bm.start(), bm.end()),
                )
            )
    return sorted(out, key=Mention.sort_key)


_PRONOUN_NAMING = re.compile(
    r"(?i)\b(it|they|this|verksamheten|den|det|cirkeln|gruppen|projektet|programmet|rådet|"
    r"nätverket|satsningen|skolan|some people)\b[^.\n]{0,40}?"
    r"\b(called|kallas|kallades|named|renamed|heter|hette|under namnet|bytte namn till|"
    r"döptes om till)\b"
)


# subjects naming the kind of initiative: the earlier name must have that head
_HEAD_SUBJECTS = frozenset({"rådet", "nätverket", "programmet", "satsningen", "skolan"})


def _coreference(doc: Document, ms: list[Mention], spans) -> list[Link]:
    """'so some people called it the X' / 'verksamheten kallas "X"': X is another
    name of the initiative the text was just talking about."""
    out: list[Link] = []
    named = [m for m in ms if "naming" in m.cues or "quote" in m.cues]
    for m in named:
        sent = _sentence_of(spans, m.start)
        if sent is None:
            continue
        pre = doc.text[sent[0] : m.start]
        hit = _PRONOUN_NAMING.search(pre)
        if not hit:
            continue
        prev = [o for o in ms if o.end <= sent[0] and o.key != m.key and m.start - o.end < 1500]
        if not prev:
            prev = [o for o in ms if "title" in o.cues and o.key != m.key]
        subject = hit.group(1).lower()
        if subject in _HEAD_SUBJECTS:
            # "Rådet, som hette X": the earlier name whose head is that noun, not merely
            # the last name mentioned ("nätverket Y" in a list of those present)
            stem = re.sub(r"(?:et|en|n|an)$", "", subject)
            prev = [o for o in prev if stem in o.key] or [
                o for o in ms if "title" in o.cues and o.key != m.key and stem in o.key
            ]
        if prev:
            o = prev[-1]
            out.append(Link(o.key, m.key, "coreference", doc.path, o.start, m.end))
    return out


def classify(
    docs: Sequence[Document], *, embedder=None, known: list[list[str]] | None = None, codebook=None
) -> tuple[list[tuple[Entity, list[PPEHit]]], list[tuple[Entity, str]]]:
    """Entities judged initiatives (with PPE evidence) and non-initiatives (with a reason)."""
    dmap = {d.path: d for d in docs}
    mentions, links = find_mentions(docs, known)
    key_docs: dict[str, set[str]] = defaultdict(set)
    key_strong: dict[str, float] = defaultdict(float)
    for m in mentions:
        key_docs[m.key].add(m.document)
        key_strong[m.key] = max(key_strong[m.key], _mention_weight(m))

    def keep_key(k: str) -> bool:
        return len(key_docs[k]) >= 2 or key_strong[k] >= 2.0

    ents = resolve(mentions, links, keep_key=keep_key)
    if known:
        given = {norm_key(ns[0]): ns[0].strip() for ns in known if ns and ns[0].strip()}
        for ent in ents:
            for k in ent.keys:
                if k in given:
                    ent.display = given[k]
    spans = {d.path: _doc_sentences(d) for d in docs}
    if not known:
        # "<role> in <programme>" is one initiative, even when neither name is strong alone
        ents = join_roles(ents, {d.path: d.text for d in docs}, lambda e: _canonical(e)[0])
        lowered = Counter(w for d in docs for w in re.findall(r"\b[a-zåäöé][\w-]+", d.text))
        # a Swedish name and its English rendering are joined before judging either
        candidates = [e for e in ents if strength(e) >= CANDIDATE_STRENGTH]
        merged = merge_across_languages(candidates, embedder, background=ents)
        merged = merge_variants(merged)
        kept = []
        lowered_texts = {d.path: d.text.lower() for d in docs}
        for ent in merged:
            ndocs = len(ent.documents)
            st = strength(ent)
            if st < (MIN_STRENGTH_SINGLE if ndocs == 1 else MIN_STRENGTH):
                # a name recurring verbatim in other documents is a strong signal
                extra = _corpus_support(ent, lowered_texts)
                if extra == 0 or st + extra < MIN_STRENGTH:
                    continue
            if _common_word(ent, lowered):
                continue
            if _organisation_name(ent):
                continue
            if _org_evidence(ent, dmap) >= max(2, len(ent.mentions) // 4):
                continue
            if any(lk.reason == "org" for lk in ent.links):
                continue
            kept.append(ent)
        ents = kept
        for ent in ents:
            _propagate(ent, docs, spans)
    inits: list[tuple[Entity, list[PPEHit]]] = []
    nons: list[tuple[Entity, str]] = []
    # a short document naming only one candidate (a news item, a leaflet) is about it
    named_in: Counter[str] = Counter(d for ent in ents for d in ent.documents)
    for ent in ents:
        ndocs = len(ent.documents)
        sole = frozenset(
            d for d in ent.documents if named_in[d] == 1 and len(dmap[d].text) <= SHORT_PAGE
        )
        hits = _ppe_for(ent, dmap, spans, codebook, sole)
        involved = [h for h in hits if h.score >= PPE_MIN]
        if (
            not any(h.score >= 1.0 for h in involved)
            and len({(h.document, h.start) for h in involved}) < 2
            and ent.kind != "role"  # a role names the person: one sentence saying who is enough
        ):
            involved = []  # only one neighbouring sentence says so: too thin
        if involved or known:
            inits.append((ent, hits))
        else:
            benef = [h for h in hits if h.beneficiary or h.score > 0]
            # only what is named like a project is worth listing as a non-initiative;
            # a plain section heading ("Mental health") is a topic, not a project
            project_like = (
                any(c in m.cues for m in ent.mentions for c in ("cue_noun", "title", "acronym"))
                or ent.kind in ("project", "programme", "strategy", "evaluation", "collaborative")
                or any("heading" in m.cues and _title_case(m.surface) for m in ent.mentions)
            )
            if not project_like:
                continue
            reason = (
                "patients appear only as beneficiaries or recipients, not as participants"
                if benef
                else "no persons with patient experience take part in the descriptions (staff-only)"
            )
            nons.append((ent, reason))
    return inits, nons


def _words(s: str) -> list[str]:
    return re.findall(r"[\w'’-]+", s.lower())


def _organisation_name(ent: Entity) -> bool:
    """A head-less name that most mentions begin or end with an authority word
    ("NHS <Place>", "Region <Place>"): the organisation itself, never an initiative."""
    lx = lexicons()
    heads = set(lx["en"].heads) | set(lx["sv"].heads)
    org = {str(w).lower() for lg in ("en", "sv") for w in lx[lg].raw.get("org_name_words") or []}
    n = 0
    for m in ent.mentions:
        ws = _words(m.surface)
        if len(ws) < 2 or any(w in heads for w in ws):
            return False
        n += ws[0] in org or ws[-1] in org
    return n * 2 > len(ent.mentions)


@lru_cache(maxsize=1)
def _type_words() -> frozenset[str]:
    lx = lexicons()
    return frozenset(
        str(w).lower() for lg in ("en", "sv") for w in lx[lg].raw.get("type_nouns") or []
    )


def _core(surface: str) -> tuple[str, ...]:
    """A name without its bracketed short form and a trailing type word:
    "X Worker (XW) programme" and "X Worker" share the core ("x", "worker")."""
    ws = _words(re.sub(r"\([^)]*\)", " ", surface))
    while len(ws) > 1 and ws[-1] in _type_words():
        ws = ws[:-1]
    return tuple(ws)


def _same_word(a: str, b: str) -> bool:
    """Equal up to an inflectional ending (definite/plural: -en, -er, -s)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3


def merge_variants(ents: list[Entity]) -> list[Entity]:
    """Join variants of one name kept apart by the resolver: a long form and its
    short form with or without the type word, and a bare single word that is the
    head of exactly one longer name ("agreement" beside "My care agreement"; a long
    Swedish compound beside the same compound with one qualifier word after it)."""
    cores = [{_core(m.surface) for m in e.mentions} for e in ents]
    target: dict[int, int] = {}
    for i, ci in enumerate(cores):
        if i in target:
            continue
        same = [j for j in range(len(ents)) if j != i and j not in target and ci & cores[j]]
        singles = {c[0] for c in ci if len(c) == 1}
        head_of: list[int] = []
        if singles and all(len(c) == 1 for c in ci):
            head_of = [
                j
                for j, cj in enumerate(cores)
                if j != i
                and any(
                    len(c) >= 2
                    and any(
                        _same_word(c[-1], w)
                        # Swedish head-first name + qualifier: "X-nätverket Fjällbygden"
                        or (len(c) == 2 and len(w) >= 10 and _same_word(c[0], w))
                        for w in singles
                    )
                    for c in cj
                )
            ]
        if len(same) == 1:
            j = same[0]
            # the stronger entity absorbs the weaker one
            keep, drop = (i, j) if strength(ents[i]) >= strength(ents[j]) else (j, i)
        elif not same and len(head_of) == 1:
            keep, drop = head_of[0], i  # the full name absorbs its bare head
        else:
            continue
        if keep in target or drop in target:
            continue
        target[drop] = keep
    if not target:
        return ents
    absorbed: dict[int, list[int]] = defaultdict(list)
    for d, k in sorted(target.items()):
        absorbed[k].append(d)
    out: list[Entity] = []
    for i, e in enumerate(ents):
        if i in target:
            continue
        for d in absorbed.get(i, []):
            e = join_entities(e, ents[d])
        out.append(e)
    return out


def _corpus_support(ent: Entity, lowered_texts: dict[str, str]) -> float:
    """0.4 per other document that repeats one of the entity's multi-word names."""
    forms = {
        re.sub(r"\s+", " ", m.surface).strip().lower()
        for m in ent.mentions
        if len(m.surface.split()) >= 2 and len(m.surface) >= 8
    }
    forms = {re.sub(r"^(?:the|den|det)\s+", "", f) for f in forms}
    if not forms:
        return 0.0
    own = set(ent.documents)
    rx = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms))
        + r")(?!\w)"
    )
    n = sum(1 for path, t in lowered_texts.items() if path not in own and rx.search(t))
    return min(1.2, 0.4 * n)


def _common_word(ent: Entity, lowered: Counter) -> bool:
    """A one-word 'name' that the corpus also writes in lower case is an ordinary
    word that happened to start a heading ("Evaluation", "Training")."""
    if any(c in m.cues for m in ent.mentions for c in ("compound", "head", "paren")):
        return False
    keys = {k for k in ent.keys}
    return all(len(k.split()) == 1 and lowered[k] >= 2 for k in keys)


def _propagate(ent: Entity, docs: Sequence[Document], spans) -> None:
    """Repetition is evidence: find the entity's names wherever else they occur
    verbatim (a name recurring across documents), as 'repeat' mentions."""
    forms: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for m in ent.mentions:
        s = re.sub(r"\s+", " ", m.surface).strip()
        s = re.sub(r"^(?i:the|den|det)\s+", "", s)
        if re.fullmatch(r"[A-ZÅÄÖ]{3,7}", s):
            acronyms.setdefault(s, m.key)  # matched case-sensitively
            continue
        if len(s) < 6 or (" " not in s and not (m.capitalised or "compound" in m.cues)):
            continue
        forms.setdefault(s.lower(), m.key)
    if not forms and not acronyms:
        return
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in ent.mentions:
        taken[m.document].append((m.start, m.end))
    # Longer written forms first, then acronyms: the first pattern to claim a span keeps it.
    patterns = [
        (
            re.compile(
                r"(?<!\w)" + re.escape(low).replace(r"\ ", r"[\s-]+") + r"(?:s|n|en|et|na)?(?!\w)",
                re.IGNORECASE,
            ),
            forms[low],
            None,
        )
        for low in sorted(forms, key=lambda f: (-len(f), f))
    ] + [
        (re.compile(r"(?<![\w-])" + re.escape(acr) + r"s?(?![\w-])"), acronyms[acr], "und")
        for acr in sorted(acronyms)
    ]
    added = []
    for rx, key, lang in patterns:
        for doc in docs:
            for mm in rx.finditer(doc.text):
                if any(a < mm.end() and mm.start() < b for a, b in taken[doc.path]):
                    continue
                taken[doc.path].append((mm.start(), mm.end()))
                sent = _sentence_of(spans[doc.path], mm.start()) or (mm.start(), mm.end())
                added.append(
                    Mention(
                        doc.path,
                        mm.start(),
                        mm.end(),
                        mm.group(),
                        key,
                        lang or _name_lang(mm.group()),
                        {"repeat"},
                        ent.kind,
                        ent.role,
                        False,
                        sent,
                    )
                )
    ent.mentions = sorted(ent.mentions + added, key=Mention.sort_key)


_BODY_KINDS = frozenset({"panel", "council", "meeting_place", "network", "circle"})
_ROLE_STEMS = ("erfarenhet", "experience", "peer", "patient", "brukar", "user", "carer", "anhörig")
_BODY_STEMS = (
    "brukar", "patient", "anhörig", "närstående", "invånar", "medborgar", "user", "service user",
    "carer", "citizen", "people", "resident", "peer", "lived experience", "experience",
)  # fmt: skip


def _turn_span(doc: Document, pos: int, limit: int = 1500) -> tuple[int, int] | None:
    """The transcript turn around ``pos`` — with the answer when it is a question."""
    turns = doc.turns
    for i, t in enumerate(turns):
        if t.start <= pos < t.end:
            end = t.end
            if t.role == "interviewer" and i + 1 < len(turns):
                end = turns[i + 1].end
            return (max(t.start, pos - limit), min(end, pos + limit))
    return None


def _has_head(words: list[str]) -> bool:
    """Does the phrase end in an initiative head noun (either language)?"""
    lx = lexicons()
    last = words[-1].lower().strip(".,:;'’")
    if last in lx["en"].heads:
        return True
    sv = lx["sv"]
    return any(last.endswith(f) and len(last) - len(f) >= sv.min_prefix for f in sv.heads)


def _title_case(s: str) -> bool:
    words = [
        w for w in s.split() if w.lower() not in ("and", "of", "for", "the", "och", "för", "i")
    ]
    return len(words) >= 2 and all(w[:1].isupper() for w in words) and not s.isupper()


def _is_heading(text: str, s: tuple[int, int]) -> bool:
    return (s[1] - s[0]) < 90 and text[s[1] - 1 : s[1]] not in ".!?:;,"


def _ppe_for(
    ent: Entity, dmap: dict[str, Document], spans, codebook=None, sole: frozenset[str] = frozenset()
) -> list[PPEHit]:
    weight: dict[tuple[str, tuple[int, int]], float] = {}
    per_doc = Counter(m.document for m in ent.mentions)
    for m in ent.mentions:
        doc = dmap[m.document]
        sp = spans[m.document]
        s = _sentence_of(sp, m.start)
        if s is None:
            continue
        idx = sp.index(s)
        weight[(m.document, s)] = 1.0
        # the sentence after a mention usually still describes it ("X started in 2006. 24 patients ...");
        # a heading is described by the paragraph under it
        if m.document in sole and m.cues & {"cue_noun", "naming", "title"}:
            for other in sp:
                weight[(m.document, other)] = 1.0
            continue
        if "title" in m.cues and (per_doc[m.document] >= 2 or "anaphor" in m.cues):
            # a document named after the initiative (and naming it again) describes it throughout
            limit = s[0] + 4000
            # a short page (leaflet, web page) named after it and naming nothing else is
            # about nothing else
            w = 1.0 if m.document in sole else 0.8
            for nxt in sp[idx + 1 :]:
                if nxt[0] >= limit:
                    break
                weight[(m.document, nxt)] = max(w, weight.get((m.document, nxt), 0.0))
            continue
        turn = _turn_span(doc, m.start)
        if turn is not None:
            # speech comes in short sentences: the speaker's turn (and the answer to a
            # question) is the unit that describes what was named
            for other in sp:
                if turn[0] <= other[0] < turn[1] and other != s:
                    weight.setdefault((m.document, other), 0.8)
            continue
        heading = _is_heading(doc.text, s)
        for nxt in sp[idx + 1 : idx + (4 if heading else 2)]:
            same_line = "\n" not in doc.text[s[1] : nxt[0]]
            if _is_heading(doc.text, nxt) and not same_line:
                break  # a new section: no longer about this mention
            weight.setdefault((m.document, nxt), 0.8)
    hits: list[PPEHit] = []
    actors = {lg: codebook_actors(codebook, lg) for lg in ("en", "sv")}
    for (path, (a, b)), w in sorted(weight.items()):
        lang = dmap[path].language if dmap[path].language in ("en", "sv") else "en"
        for h in ppe_hits(dmap[path].text, a, b, actors[lang]):
            hits.append(PPEHit(h.start, h.end, h.actor, h.cue, h.beneficiary, h.score * w, path))
    # a role whose very name says lived experience ("experience workers"), or a body
    # named after its members ("user council", "Brukarrådet", "Citizens' Panel"), involves PPE
    if ent.role or ent.kind in _BODY_KINDS:
        for m in ent.mentions:
            low = m.key
            stems = _ROLE_STEMS if ent.role else _BODY_STEMS
            if (ent.role and ppe_hits(m.surface + " x", 0, len(m.surface))) or any(
                low.startswith(w) or (" " + w) in low for w in stems
            ):
                hits.append(PPEHit(m.start, m.end, m.surface, "name", False, 1.0, m.document))
                break
    return sorted(hits, key=lambda h: (h.document, h.start, h.end, h.actor))


def _dedupe_evidence(evs: list[Evidence], limit: int) -> list[Evidence]:
    seen, out = set(), []
    for e in sorted(evs, key=lambda e: (-e.confidence, e.document, e.start, e.end)):
        k = (e.document, e.start, e.end)
        if k in seen:
            continue
        seen.add(k)
        out.append(e)
    return sorted(out[:limit], key=lambda e: (e.document, e.start, e.end))


_DEFINES = re.compile(
    r"(?i)^\s*(?:\([^)]*\)\s*)?(?:,\s*|\s+[–-]\s+)?(?:is|was|are|were|är|var|blir|consists|består|"
    r"means|innebär|,? an?|,? the|,? ett|,? en)\b"
)
_SPEAKER = re.compile(r"^\s*(?:[A-ZÅÄÖ]{1,4}|[A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?)\s*:")
_FIRST_PERSON = re.compile(r"(?i)\b(i|we|my|our|jag|vi|min|mitt|vår|vårt)\b")


def _description(ent: Entity, dmap, spans) -> tuple[str, Evidence | None]:
    """The most defining sentence: the name as subject of "is a ..."/"är en ...",
    with PPE taking part, written as a statement rather than a heading or an
    interview turn."""
    best = None
    for m in ent.mentions:
        s = _sentence_of(spans[m.document], m.start)
        if s is None:
            continue
        text = dmap[m.document].text
        q = text[s[0] : s[1]]
        n = len(q)
        score = 0.0
        if 50 <= n <= 320:
            score += 1.5
        if _DEFINES.match(text[m.end : m.end + 25]):
            score += 3
        if m.start - s[0] <= 40:
            score += 1
        if any(h.score >= 1 for h in ppe_hits(text, s[0], s[1])):
            score += 2
        if q[-1:] not in ".!?":
            score -= 2  # a heading or a fragment
        if _SPEAKER.match(q) or any(t.start <= s[0] < t.end for t in dmap[m.document].turns):
            score -= 2.5
        if _FIRST_PERSON.search(q):
            score -= 1
        score -= max(0, n - 320) / 100
        key = (-score, m.document, s[0])
        if best is None or key < best[0]:
            best = (key, m.document, s)
    if best is None:
        return "", None
    _, path, s = best
    ev = make_evidence(dmap[path].text, path, s[0], s[1], SOURCE + ":description", 0.6)
    desc = re.sub(r"\s+", " ", ev.quote).strip()
    return re.sub(r"^(?:\d+(?:\.\d+)*\.?|[-–•*#]+)\s+", "", desc), ev


def run(
    docs: list[Document],
    *,
    codebook=None,
    embedder=None,
    known: list[list[str]] | None = None,
    progress: Callable[[str], None] | None = None,
) -> DirectedResult:
    """Steps 1–2 over a corpus: initiatives (with evidence), non-initiatives, uncoded text."""
    docs = sorted(docs, key=lambda d: d.path)
    dmap = {d.path: d for d in docs}
    spans = {d.path: _doc_sentences(d) for d in docs}
    if progress:
        progress("initiatives: finding mentions")
    inits, nons = classify(docs, embedder=embedder, known=known, codebook=codebook)
    rows = []
    for ent, hits in inits:
        name, aliases = _canonical(ent)
        name_ev = [
            make_evidence(
                dmap[m.document].text,
                m.document,
                m.start,
                m.end,
                SOURCE + ":" + "+".join(sorted(m.cues)),
                min(0.95, 0.4 + 0.15 * _mention_weight(m)),
            )
            for m in ent.mentions
        ]
        ppe_ev = [
            make_evidence(
                dmap[h.document].text,
                h.document,
                h.start,
                h.end,
                "rule:directed.ppe",
                round(0.5 + 0.4 * h.score, 3),
            )
            for h in hits
            if h.score >= PPE_MIN
        ]
        contexts = []
        for m in ent.mentions:
            s = _sentence_of(spans[m.document], m.start)
            if s:
                contexts.append(
                    make_evidence(
                        dmap[m.document].text, m.document, s[0], s[1], SOURCE + ":context", 0.7
                    )
                )
        contexts = _dedupe_evidence(contexts, 10_000)
        tl = _timeline(ent, contexts, dmap)
        desc, _ = _description(ent, dmap, spans)
        rows.append((ent, name, aliases, name_ev, ppe_ev, contexts, tl, desc, hits))
    rows.sort(
        key=lambda r: (r[6]["start"] if r[6]["start"] is not None else 9999, r[1].lower(), r[1])
    )
    out = DirectedResult(entities=[r[0] for r in rows])
    named: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for ent, *_ in rows:
        for m in ent.mentions:
            named[m.document].append((m.start, m.end))
    for n, (ent, name, aliases, name_ev, ppe_ev, _ctx, tl, desc, _hits) in enumerate(rows, 1):
        iid = f"i{n:02d}"
        codes, uncoded = _coding(ent, dmap, spans, codebook, embedder, iid, named)
        conf = min(0.95, 0.3 + 0.08 * strength(ent) + (0.2 if ppe_ev else 0))
        out.initiatives.append(
            {
                "id": iid,
                "name": name,
                "aliases": aliases,
                "kind": ent.kind,
                "start": tl["start"],
                "end": tl["end"],
                "active_years": tl["active_years"],
                "ongoing": tl["ongoing"],
                "methods": sorted(codes["methods"]),
                "levels": sorted(codes["levels"]),
                "ppe_roles": sorted(codes["ppe_roles"]),
                "documents": ent.documents,
                "description": desc,
                "confidence": round(conf, 4),
                "evidence": {
                    "name": [e.to_dict() for e in _dedupe_evidence(name_ev, 20)],
                    "ppe": [e.to_dict() for e in _dedupe_evidence(ppe_ev, 10)],
                    "start": [_ev_dict(e) for e in tl["ev_start"]],
                    "end": [_ev_dict(e) for e in tl["ev_end"]],
                    "methods": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["methods"].items())
                    },
                    "levels": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["levels"].items())
                    },
                    "ppe_roles": {
                        k: [_ev_dict(e) for e in v[:MAX_CODE_EVIDENCE]]
                        for k, v in sorted(codes["ppe_roles"].items())
                    },
                },
            }
        )
        out.uncoded.extend(uncoded)
    for ent, reason in sorted(nons, key=lambda x: _canonical(x[0])[0].lower()):
        name, aliases = _canonical(ent)
        evs = [
            make_evidence(
                dmap[m.document].text, m.document, m.start, m.end, SOURCE + ":non-initiative", 0.6
            )
            for m in ent.mentions
        ]
        out.non_initiatives.append(
            {
                "name": name,
                "aliases": aliases,
                "documents": ent.documents,
                "reason": reason,
                "evidence": [e.to_dict() for e in _dedupe_evidence(evs, 10)],
            }
        )
    out.uncoded.sort(
        key=lambda u: (u["initiative"] or "", u["document"] or "", u["start"] or 0, u["end"] or 0)
    )
    if progress:
        progress(
            f"initiatives: {len(out.initiatives)} found, {len(out.non_initiatives)} non-initiatives"
        )
    return out


def _ev_dict(e) -> dict[str, Any]:
    return e.to_dict() if hasattr(e, "to_dict") else dict(e)
