"""Step 1 candidates: name mentions in every document, grouped into entities.

Mentions come from generic cues (``mentions``), headings and titles, lead-ins,
coreference ("it was renamed X") and repetition across documents; entities join
them across documents and languages (``resolve``). Nothing here decides what is
an initiative: that is the scorer's job (``scoring``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from coatlas.directed.described import governing_story_mentions, place_activity_mentions
from coatlas.directed.lexicon import lexicons
from coatlas.directed.mentions import (
    _HEAD_PREPOSITIONS,
    MONTHS,
    Link,
    Mention,
    MentionFinder,
    _sv_seasons,
    is_org_key,
    norm_key,
)
from coatlas.directed.naming import _canonical, _name_lang
from coatlas.directed.phrases import _CLAUSE, extra_names, is_headline
from coatlas.directed.resolve import (
    Entity,
    apposition_links,
    join_entities,
    join_glossed,
    join_roles,
    merge_across_languages,
    resolve,
)
from coatlas.directed.scoring import _words, strength
from coatlas.document import Document
from coatlas.errors import CoatlasError
from coatlas.lang.names import is_given_name
from coatlas.text.sentences import document_sentences, sentence_at
from coatlas.text.wordindex import WordIndex, bounded

_doc_sentences = document_sentences
_sentence_of = sentence_at


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


_FINDER: list[MentionFinder] = []


def default_finder() -> MentionFinder:
    """One finder per process while the lexicons stay the same objects, so its memo
    (each word's Swedish head) carries over from one document to the next."""
    lex = lexicons()
    if not (_FINDER and all(_FINDER[0].lex.get(k) is v for k, v in lex.items())):
        _FINDER[:] = [MentionFinder()]
    return _FINDER[0]


def doc_mentions(
    doc: Document, finder: MentionFinder | None = None
) -> tuple[list[Mention], list[Link]]:
    """One document's own name mentions and alias links (discovery mode), before the
    cross-document passes: cue-based names, the title cue and headings. Per document,
    so it runs where the document is read (``coatlas.perdoc``)."""
    finder = finder or default_finder()
    spans = _doc_sentences(doc)
    ms, ls = finder.find(doc.path, doc.text, spans, lang=doc.language)
    # the first lines of a document are its title: a name there is what the document is about
    head = [s for s in spans[:2] if s[1] - s[0] <= 140]
    for m in ms:
        if any(a <= m.start < b and not re.search(r"\w", doc.text[a : m.start]) for a, b in head):
            m.cues.add("title")
    return _headings(doc, spans, ms), ls


def find_mentions(
    docs: Sequence[Document],
    known: list[list[str]] | None = None,
    found: dict[str, tuple[list[Mention], list[Link]]] | None = None,
) -> tuple[list[Mention], list[Link]]:
    """All name mentions and alias links of a corpus (discovery or directed mode).

    ``found``: ``doc_mentions`` per document path, computed earlier (on the workers);
    documents missing from it are done here."""
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
    per_doc: dict[str, list[Mention]] = {}
    for doc in docs:
        got = found.get(doc.path) if found is not None else None
        if got is None:
            got = doc_mentions(doc)
        per_doc[doc.path], ls = got
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


# a document title may name a project at some length before "– project summary"
_TITLE = re.compile(
    r"^(?:#+\s*)?"
    + _NAME.replace("{0,4}", "{0,6}")
    + _GENERIC_TAIL
    # an en dash between two words joins them ("X–Y Exchange", "2018–2021"): no break
    + r"\s*(?:$|[—|:]|(?<=\s)–|–(?=\s)|\s-\s|\()"
)


_REPORT_OF = re.compile(
    r"^\s*[–—:|-]\s*(?i:(?:project|final|interim|progress|evaluation)\s+"
    r"(?:summary|report|plan|review)|projektplan|slutrapport|delrapport|projektrapport|"
    r"utvärdering|lägesrapport|projektsammanfattning)\b"
)
_SUBHEADING = re.compile(r"^" + _NAME + r"\s*$")
# a letterhead line: organisations or units joined by separators, or a line ending in a
# date ("Landstinget X · Y kommun  Lägesrapport 2  2016-09-19")
_LETTERHEAD = re.compile(r"(?:[·|•].*){2}|\b(?:19|20)\d\d-\d\d-\d\d\s*$")


def _standalone(text: str, a: int, b: int) -> bool:
    """A short line that is a paragraph of its own: blank line (or start) before and after."""
    line = text[a:b]
    if not 3 <= len(line) <= 60 or line[-1:] in ".!?,;:" or len(line.split()) > 6:
        return False
    before = text[max(0, a - 2) : a]
    after = text[b : b + 2]
    return (a == 0 or before == "\n\n") and (b == len(text) or after == "\n\n")


def _heading_stop(name: str) -> bool:
    """Section headings that name no initiative ("Background", "What we learned",
    "Patients as co-creators" written as a clause)."""
    stop = _heading_words()
    first = name.split()[0].lower().strip("'’")
    last = name.split()[-1].lower()
    return (
        first in stop
        # "Kurser våren (2022)", "News March": a heading dated by its season or month
        or (len(name.split()) > 1 and (last in MONTHS or last in _sv_seasons()))
        # "Riverside News", "Personalnytt": a publication's masthead
        or any(last.endswith(w) for w in _publication_words())
        or name.lower() in stop
        or _CLAUSE.search(name) is not None
        or _WHO_TOOK_PART.search(name) is not None
        or is_headline(name)
    )


# "Developed together with patients", "Framtaget med patienter": a heading saying who
# took part describes the work; it does not name it
_WHO_TOOK_PART = re.compile(
    r"(?i)\b(?:together with|with|tillsammans med|med)\s+(?:the\s+)?(?:patients?|carers?|"
    r"relatives|families|users|service users|young people|people|patienter|anhöriga|"
    r"närstående|brukare|brukarna|föräldrar|invånare)\b"
)


@lru_cache(maxsize=1)
def _publication_words() -> tuple[str, ...]:
    lx = lexicons()
    return tuple(
        sorted(
            {str(w).lower() for lg in lx.values() for w in lg.raw.get("publication_words") or []}
        )
    )


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
    if first and _LETTERHEAD.search(first.group()):
        # "Region X · Kommun Y  Lägesrapport 2  2016-09-19": the letterhead, then the title
        first = re.compile(r"\S[^\n]*").search(text, first.end()) or first
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
        sub = False
        if not mm and _standalone(text, a, b):
            # an unnumbered heading line of its own ("Läsecirkeln" above the text
            # about it, as web pages and leaflets write them)
            mm = _SUBHEADING.match(line)
            sub = mm is not None
        if not mm or _heading_stop(mm.group(1)):
            continue
        na, nb = a + mm.start(1), a + mm.end(1)
        inside = [m for m in out if na <= m.start and m.end <= nb]
        if inside:
            whole = (a, b) == title_line and _REPORT_OF.search(line[mm.end(1) :]) is not None
            for m in inside:
                m.cues.add("heading")
                if whole and (m.start, m.end) == (na, nb):
                    m.cues |= {"title", "report_title"}  # "X – lägesrapport": about X
            continue
        name = text[na:nb]
        words = name.split()
        if len(words) > (7 if (a, b) == title_line else 5) or (
            len(words) == 1 and (a, b) != title_line and not sub
        ):
            continue
        title_case = all(w[:1].isupper() for w in words[:2])
        body = text[:a] + " " + text[b:]
        # a name recurs verbatim; sentence-case ("Xyz för abc") or a one-word
        # title must recur more to count; a paragraph lead-in is checked against the
        # whole corpus later (cue "leadin")
        numbered = bool(re.match(_NUMBERED, line))
        need = 1 if (title_case and len(words) > 1) or numbered or sub else 2
        if sub and len(words) == 1:
            need = 2
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
            flags=re.IGNORECASE if (numbered and (title_case or headed)) or sub else 0,
        )
        if sub:
            # what a subheading names is described below it, not above
            found = re.findall(r"(?i)(?<!\w)" + re.escape(name) + r"(?!\w)", text[b : b + 3000])
        report = (a, b) == title_line and _REPORT_OF.search(line[mm.end(1) :]) is not None
        if report:
            # "X – project summary", "X: slutrapport": the document reports on X
            need = 0
        if not leadin and len(found) < need:
            continue
        key = norm_key(name)
        if not key or is_org_key(key):
            continue
        if sub and len(words) == 1 and is_given_name(name):
            continue  # "Mikael" on a line of its own above "Mikael Lund": a signature
        out.append(
            Mention(
                doc.path,
                na,
                nb,
                name,
                key,
                _name_lang(name),
                {"leadin" if leadin else "subheading" if sub else "heading"}
                | ({"title", "report_title"} if report else set()),
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
    r"nätverket|satsningen|skolan|forumet|panelen|mötesplatsen|partnerskapet|some people)\b"
    r"[^.\n]{0,40}?"
    r"\b(called|kallas|kallades|named|renamed|heter|hette|under namnet|bytte namn till|"
    r"döptes om till)\b"
)


# "Rådet har bytt namn från X", "Rådet inrättades 2009 som X", "it was set up as X":
# the name right after the verb is an earlier name of what the subject refers to
_PRONOUN_WAS = re.compile(
    r"(?i)\b(it|they|this|verksamheten|den|det|cirkeln|gruppen|projektet|programmet|rådet|"
    r"nätverket|satsningen|skolan|forumet|panelen|mötesplatsen|partnerskapet|the council|"
    r"the network|the panel|the forum)\b"
    r"[^.\n]{0,40}?"
    r"\b(?:bytt namn från|bytte namn från|changed (?:its|the) name from|was then called|"
    r"(?:inrättades|bildades|startade|började|grundades)(?:\s+(?:år\s+)?\d{4})?\s+som|"
    r"(?:was\s+)?(?:set up|started|founded|established|began)(?:\s+in\s+\d{4})?\s+as)"
    r"\s+(?:(?:the|den|det)\s+)?$"
)


# subjects naming the kind of initiative: the earlier name must have that head
_HEAD_SUBJECTS = frozenset(
    {"rådet", "nätverket", "programmet", "satsningen", "skolan", "panelen", "mötesplatsen"}
)


def _same_block(text: str, o: Mention, at: int) -> bool:
    """``o`` is in the paragraph that goes on to ``at``, or on the heading line just above it."""
    between = text[o.end : at]
    breaks = between.count("\n\n")
    if breaks == 0:
        return True
    line_start = text.rfind("\n", 0, o.start) + 1
    line_end = text.find("\n", o.end)
    heading = line_end != -1 and line_end - line_start <= 80
    return breaks == 1 and heading and text.startswith("\n\n", line_end)


def _coreference(doc: Document, ms: list[Mention], spans) -> list[Link]:
    """'so some people called it the X' / 'verksamheten kallas "X"': X is another
    name of the initiative the text was just talking about."""
    out: list[Link] = []
    for m in ms:
        sent = _sentence_of(spans, m.start)
        if sent is None:
            continue
        pre = doc.text[sent[0] : m.start]
        hit = _PRONOUN_NAMING.search(pre) if "naming" in m.cues or "quote" in m.cues else None
        was = None if hit else _PRONOUN_WAS.search(pre)
        hit = hit or was
        if not hit:
            continue
        prev = [o for o in ms if o.end <= sent[0] and o.key != m.key and m.start - o.end < 1500]
        if was:
            # an earlier name is only read off the same paragraph or the heading above it
            prev = [o for o in prev if _same_block(doc.text, o, sent[0])]
        if not prev and not was:
            prev = [o for o in ms if "title" in o.cues and o.key != m.key]
        subject = hit.group(1).lower()
        if subject in _HEAD_SUBJECTS or subject.startswith("the "):
            # "Rådet, som hette X": the earlier name whose head is that noun, not merely
            # the last name mentioned ("nätverket Y" in a list of those present)
            stem = (
                subject[4:]
                if subject.startswith("the ")
                else re.sub(r"(?:et|en|n|an)$", "", subject)
            )
            prev = [o for o in prev if stem in o.key] or [
                o for o in ms if not was and "title" in o.cues and o.key != m.key and stem in o.key
            ]
        if prev:
            o = prev[-1]
            out.append(Link(o.key, m.key, "coreference", doc.path, o.start, m.end))
    return out


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


def _loose(core: tuple[str, ...]) -> tuple[str, ...]:
    """A core with a possessive's apostrophe and an -s off its words: "Growers'
    Council", "Growers Council" and "Grower Council" are one name written three ways."""
    out = []
    for w in core:
        w = w.rstrip("’'")
        out.append(w[:-1] if len(w) > 4 and w.endswith("s") else w)
    return tuple(out)


def _same_word(a: str, b: str) -> bool:
    """Equal up to an inflectional ending (definite/plural: -en, -er, -s)."""
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short) and len(long_) - len(short) <= 3


# a name's head followed by its complement ("Forum med X", "Council for X")
_COMPLEMENT_PREPOSITIONS = frozenset({"med", "för", "om", "with", "for", "of"})


def merge_variants(ents: list[Entity]) -> list[Entity]:
    """Join variants of one name kept apart by the resolver: a long form and its
    short form with or without the type word, and a bare single word that is the
    head of exactly one longer name ("agreement" beside "My care agreement"; a long
    Swedish compound beside the same compound with one qualifier word after it).

    Pairs are blocked: only entities sharing a core, or a multi-word core whose head
    (or Swedish first word) starts with a single word's first five letters (all
    ``_same_word`` can accept), are compared, so the cost follows the pairs that can
    join rather than the square of the entities."""
    cores = [{_core(m.surface) for m in e.mentions} for e in ents]
    by_core: dict[tuple[str, ...], list[int]] = defaultdict(list)
    by_head: dict[str, list[int]] = defaultdict(list)  # c[-1][:5] of multi-word cores
    by_first: dict[str, list[int]] = defaultdict(list)  # c[0][:5] of two-word cores
    by_prep: dict[str, list[int]] = defaultdict(list)  # c[0][:5] of "<head> <prep> ..."
    for j, cj in enumerate(cores):
        for c in cj:
            by_core[_loose(c)].append(j)
            if len(c) >= 2:
                by_head[c[-1][:5]].append(j)
                if len(c) == 2:
                    by_first[c[0][:5]].append(j)
                elif c[1] in _COMPLEMENT_PREPOSITIONS:
                    by_prep[c[0][:5]].append(j)
    target: dict[int, int] = {}
    for i, ci in enumerate(cores):
        if i in target:
            continue
        near = {j for c in ci for j in by_core[_loose(c)]}
        same = [j for j in sorted(near) if j != i and j not in target]
        singles = {c[0] for c in ci if len(c) == 1}
        head_of: list[int] = []
        if singles and all(len(c) == 1 for c in ci):
            block = (
                {j for w in singles if len(w) >= 5 for j in by_head.get(w[:5], ())}
                | {j for w in singles if len(w) >= 10 for j in by_first.get(w[:5], ())}
                | {j for w in singles if len(w) >= 5 for j in by_prep.get(w[:5], ())}
            )
            head_of = [
                j
                for j in sorted(block)
                if j != i
                and any(
                    len(c) >= 2
                    and any(
                        _same_word(c[-1], w)
                        # Swedish head-first name + qualifier: "X-nätverket Fjällbygden"
                        or (len(c) == 2 and len(w) >= 10 and _same_word(c[0], w))
                        # a head and its complement: "Samrådet" ~ "Samråd med X" (one such)
                        or (
                            len(c) >= 3 and c[1] in _COMPLEMENT_PREPOSITIONS and _same_word(c[0], w)
                        )
                        for w in singles
                    )
                    for c in cores[j]
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


def _propagate(
    ent: Entity, docs: Sequence[Document], spans, index: WordIndex | None = None
) -> None:
    """Repetition is evidence: find the entity's names wherever else they occur
    verbatim (a name recurring across documents), as 'repeat' mentions.

    ``index`` (a ``WordIndex`` over ``docs`` in this order) narrows each name's scan
    to the documents holding its words, so a corpus costs names × hits instead of
    names × documents; the mentions found are the same."""
    forms: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for m in ent.mentions:
        s = re.sub(r"\s+", " ", m.surface).strip()
        s = re.sub(r"^(?i:the|den|det)\s+", "", s)
        if re.fullmatch(r"[A-ZÅÄÖ]{3,7}", s):
            acronyms.setdefault(s, m.key)  # matched case-sensitively
            continue
        if len(s) < 6 or (
            " " not in s and not (m.capitalised or m.cues & {"compound", "named_phrase"})
        ):
            continue
        if " " not in s and _names_an_organisation(s, docs, index):
            continue  # "Tornedalens förening": a place or an organisation, not the name
        forms.setdefault(s.lower(), m.key)
    if not forms and not acronyms:
        return
    # a name in the definite plural is also written in the indefinite plural
    for low, key in sorted(forms.items()):
        for other in _inflections(low):
            forms.setdefault(other, key)
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
            (low, _FORM_ENDINGS),
        )
        for low in sorted(forms, key=lambda f: (-len(f), f))
    ] + [
        (
            # "PIU-arbetet": a Swedish compound on the acronym names it too
            re.compile(r"(?<![\w-])" + re.escape(acr) + r"s?(?!\w)(?!-(?![a-zåäö]))"),
            acronyms[acr],
            "und",
            (acr, ("s",)),
        )
        for acr in sorted(acronyms)
    ]
    if index is not None and index.size != len(docs):
        index = None
    added = []
    for rx, key, lang, (literal, endings) in patterns:
        where = index.candidates(literal, endings) if index is not None else None
        for doc in docs if where is None else [docs[i] for i in where]:
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


_FORM_ENDINGS = ("s", "n", "en", "et", "na")  # the optional endings of _propagate's forms


@lru_cache(maxsize=1)
def _org_tail() -> str:
    lx = lexicons()
    words = sorted({w for g in ("en", "sv") for w in lx[g].org_heads if len(w) >= 4}, key=len)
    return "|".join(re.escape(w) for w in reversed(words))


def _names_an_organisation(
    word: str, docs: Sequence[Document], index: WordIndex | None = None
) -> bool:
    """A one-word name the documents also put right before an organisation's noun
    ("Granbos diabetesförening", "Granbo Hospital") names a place or that
    organisation: spread over the corpus it would pull in every page about them."""
    rx = re.compile(
        r"(?<![\w-])" + re.escape(word) + r"s?\s+[\w-]*(?:" + _org_tail() + r")(?![\w-])",
        re.IGNORECASE,
    )
    where = (
        index.candidates(word, ("s",)) if index is not None and index.size == len(docs) else None
    )
    return any(rx.search(d.text) for d in (docs if where is None else [docs[i] for i in where]))


@lru_cache(maxsize=1)
def _sv_head_forms() -> list[tuple[str, tuple[str, ...]]]:
    heads = lexicons()["sv"].heads
    return sorted(((f, h.forms) for f, h in heads.items()), key=lambda x: (-len(x[0]), x[0]))


def _inflections(low: str) -> list[str]:
    """A one-word compound in the definite plural ("Xverkstäderna") is also written in
    the indefinite plural ("xverkstäder"), when the lexicon lists both forms of its head.
    Not the singular: "ett anhörigråd" is any council, "Anhörigrådet" one."""
    if " " in low or "-" in low or not low.endswith("na"):
        return []
    for form, forms in _sv_head_forms():
        prefix = low[: len(low) - len(form)]
        if low.endswith(form) and len(prefix) >= 4:
            return [prefix + form[:-2]] if form[:-2] in forms else []
    return []


def _has_head(words: list[str]) -> bool:
    """Does the phrase end in an initiative head noun (either language)?"""
    lx = lexicons()
    last = words[-1].lower().strip(".,:;'’")
    if last in lx["en"].heads:
        return True
    sv = lx["sv"]
    return any(last.endswith(f) and len(last) - len(f) >= sv.min_prefix for f in sv.heads)


def _is_heading(text: str, s: tuple[int, int]) -> bool:
    return (s[1] - s[0]) < 90 and text[s[1] - 1 : s[1]] not in ".!?:;,"


class RuleCandidates:
    """The default candidate stage: cue-based mentions, resolved into entities.

    Mentions whose key recurs in two documents or carries a strong cue enter
    resolution; after joining roles to their programmes, entities with at least
    ``min_strength`` of name evidence are joined across languages (with the
    embedder, when given) and their name variants merged. Everything else is the
    scorer's to decide.
    """

    name = "rules"

    def __init__(
        self,
        min_strength: float = 1.5,
        min_key_cue: float = 2.0,
        practice_codes: tuple[str, ...] = ("self_management", "ppe_as_staff"),
    ) -> None:
        self.min_strength = min_strength
        self.min_key_cue = min_key_cue
        # codes whose vocabulary names a practice an organisation runs as an initiative
        # without giving it a proper name (a kind of self-care, a peer role)
        self.practice_codes = practice_codes

    def generate(
        self,
        docs: Sequence[Document],
        *,
        embedder: Any = None,
        known: list[list[str]] | None = None,
        prepared: dict[str, Any] | None = None,
    ) -> list[Entity]:
        """``prepared``: per-document summaries (``coatlas.perdoc.DocSummary`` by path)
        holding what ``doc_mentions`` and ``practice_hits`` found where each document was
        read; the entities are the same as without them."""
        from coatlas.directed.scoring import _mention_weight

        found = practice = None
        if prepared is not None and not known:
            found = {p: s.mentions for p, s in prepared.items() if s.mentions is not None}
            practice = {
                p: s.practice
                for p, s in prepared.items()
                if s.practice is not None and s.practice_codes == tuple(self.practice_codes)
            }
        mentions, links = find_mentions(docs, known, found)
        if not known:
            mentions = extend_sentence_case(mentions, docs)
            mentions = sorted(mentions + sentence_case_names(docs, mentions), key=Mention.sort_key)
        if not known and self.practice_codes:
            mentions = sorted(
                mentions + practice_mentions(docs, self.practice_codes, mentions, practice),
                key=Mention.sort_key,
            )
        if not known:
            mentions = sorted(
                mentions
                + place_activity_mentions(docs, mentions)
                + governing_story_mentions(docs, mentions),
                key=Mention.sort_key,
            )
            texts = {d.path: d.text for d in docs}
            links = links + apposition_links(mentions, texts) + gloss_anaphor_links(mentions, texts)
        key_docs: dict[str, set[str]] = defaultdict(set)
        key_strong: dict[str, float] = defaultdict(float)
        for m in mentions:
            key_docs[m.key].add(m.document)
            key_strong[m.key] = max(key_strong[m.key], _mention_weight(m))

        # a lower-case phrase the text says is a name ("Det kallas hemmadialysering") that other
        # documents use too, in lower case as such names are written, recurs
        named = {
            m.key: m.surface.lower()
            for m in mentions
            if "named_phrase" in m.cues and len(key_docs[m.key]) == 1 and len(m.surface) >= 8
        }
        if named:
            mentions = sorted(
                mentions + _named_repeats(named, key_docs, docs), key=Mention.sort_key
            )
            for m in mentions:
                key_docs[m.key].add(m.document)

        def keep_key(k: str) -> bool:
            return len(key_docs[k]) >= 2 or key_strong[k] >= self.min_key_cue

        ents = resolve(mentions, links, keep_key=keep_key)
        if known:
            given = {norm_key(ns[0]): ns[0].strip() for ns in known if ns and ns[0].strip()}
            for ent in ents:
                for k in ent.keys:
                    if k in given:
                        ent.display = given[k]
            return ents
        # "<role> in <programme>" is one initiative, even when neither name is strong alone
        ents = join_roles(ents, {d.path: d.text for d in docs}, lambda e: _canonical(e)[0])
        # a Swedish name and its English rendering are joined before judging either
        strong = [e for e in ents if strength(e) >= self.min_strength]
        texts = {d.path: d.text for d in docs}
        merged = merge_variants(
            join_glossed(
                merge_across_languages(
                    strong,
                    embedder,
                    background=ents,
                    doc_lang={d.path: d.language for d in docs},
                ),
                texts,
            )
        )
        head_anaphora(merged, docs)
        return _drop_embedded_practices(_join_doers(_join_elided_parts(merged, texts)))


@lru_cache(maxsize=1)
def _doer_suffixes() -> tuple[str, ...]:
    lx = lexicons()
    return tuple(
        sorted({str(w) for g in lx.values() for w in g.raw.get("doer_suffixes") or []}, key=len)
    )


def _doer_of(activity: str, doer: str) -> bool:
    """Whether "peer supporter" is a doer of "peer support": the same words, the last with a
    doer's ending (lang data ``doer_suffixes``)."""
    return (
        len(activity) >= 5
        and doer.startswith(activity)
        and doer[len(activity) :] in _doer_suffixes()
    )


def _join_doers(ents: list[Entity]) -> list[Entity]:
    """An activity and the people who do it, named in the same documents ("peer
    support" and "peer supportrarna"), are one initiative: the role is how the
    activity is run. Only when the pairing is unique on both sides."""
    cores = [{" ".join(_core(m.surface)) for m in e.mentions} for e in ents]
    block: dict[str, list[int]] = defaultdict(list)
    for i, cs in enumerate(cores):
        for c in cs:
            block[c[:5]].append(i)
    pairs: dict[int, set[int]] = defaultdict(set)  # activity -> doers
    for i, cs in enumerate(cores):
        for j in sorted({j for c in cs for j in block[c[:5]]} - {i}):
            if set(ents[i].documents) & set(ents[j].documents) and any(
                _doer_of(a, d) for a in cs for d in cores[j]
            ):
                pairs[i].add(j)
    doer_of: dict[int, int] = {}
    for i, js in sorted(pairs.items()):
        if len(js) == 1:
            (j,) = js
            if sum(j in v for v in pairs.values()) == 1 and j not in pairs:
                doer_of[j] = i
    if not doer_of:
        return ents
    out = []
    for i, e in enumerate(ents):
        if i in doer_of:
            continue
        for j in sorted(j for j, a in doer_of.items() if a == i):
            e = join_entities(e, ents[j])
        out.append(e)
    return out


_COORDINATED = re.compile(r"(\w+) (?:och|and|&) (\w+)")


def _elided_parts(key: str) -> set[str]:
    """The compounds a coordinated name with an elided head stands for: "senior och
    anhörigråd" ("Senior- och anhörigrådet") is "seniorråd" and "anhörigråd"."""
    m = _COORDINATED.fullmatch(key)
    if m is None:
        return set()
    first, second = m.groups()
    out = {second}
    for i in range(1, len(second) - 2):
        out.add(first + second[i:])  # the head, at every split of the second compound
    return out


@lru_cache(maxsize=1)
def _rename_rx() -> re.Pattern[str]:
    """Words that say a body took a new name (lang data ``alias_cues`` and
    ``rename_cues``: "byter namn", "ombildas", "renamed")."""
    lx = lexicons()
    words = {
        str(w).lower()
        for g in lx.values()
        for key in ("alias_cues", "rename_cues")
        for w in g.raw.get(key) or []
    }
    alts = "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(r"(?i)(?<![\w-])(?:" + alts + r")(?![\w-])")


def _renamed(part: Mention, whole: Entity, texts: dict[str, str]) -> bool:
    """The sentence of ``part`` says it took the coordinated name that follows it
    ("Trädgårdsrådet ombildas till Trädgårds- och parkrådet")."""
    text = texts.get(part.document)
    if text is None or part.sentence == (0, 0):
        return False
    s, e = part.sentence
    later = [
        m.start for m in whole.mentions
        if m.document == part.document and part.end <= m.start < e
    ]  # fmt: skip
    return bool(later) and _rename_rx().search(text, part.end, min(later)) is not None


def _join_elided_parts(ents: list[Entity], texts: dict[str, str] | None = None) -> list[Entity]:
    """ "Seniorrådet" on a page about "Senior- och anhörigrådet" is that council
    named short: in a document that names a coordinated name, a mention of one of its
    parts moves to it. Elsewhere the short name may be another body, and stays, unless
    a sentence says the short name became the coordinated one ("Rådet X ombildas till
    X- och Y-rådet"): then it is one body under two names, and all of it joins."""
    parts: dict[str, int] = {}
    for i, e in enumerate(ents):
        for k in e.keys:
            for part in _elided_parts(k):
                parts.setdefault(part, i)
    if not parts:
        return ents
    moved: dict[int, list[Mention]] = defaultdict(list)
    out: list[Entity | None] = list(ents)
    for j, e in enumerate(ents):
        if any(_elided_parts(k) for k in e.keys):
            continue
        renamed_to = next(
            (
                i
                for m in e.mentions
                if (i := parts.get(m.key)) is not None
                and i != j
                and texts is not None
                and _renamed(m, ents[i], texts)
            ),
            None,
        )
        if renamed_to is not None:
            moved[renamed_to].extend(e.mentions)
            out[j] = None
            continue
        stay = []
        for m in e.mentions:
            i = parts.get(m.key)
            if i is not None and i != j and m.document in ents[i].documents:
                moved[i].append(m)
            else:
                stay.append(m)
        if len(stay) < len(e.mentions):
            keys = [k for k in e.keys if any(m.key == k for m in stay)]
            out[j] = replace(e, keys=keys, mentions=stay) if stay else None
    for i, ms in moved.items():
        e = out[i]
        assert e is not None
        out[i] = replace(
            e,
            keys=sorted(set(e.keys) | {m.key for m in ms}),
            mentions=sorted(e.mentions + ms, key=Mention.sort_key),
        )
    return [e for e in out if e is not None]


def _drop_embedded_practices(ents: list[Entity]) -> list[Entity]:
    """A practice term ("self-dosing") found only in sentences that name another
    candidate ("a model for self-dosing at home, the X Programme") describes that
    one: it is no initiative of its own. A practice the text ever speaks of alone stays."""
    by_sentence: dict[tuple[str, tuple[int, int]], set[int]] = defaultdict(set)
    for i, e in enumerate(ents):
        for m in e.mentions:
            by_sentence[(m.document, m.sentence)].add(i)

    def embedded(i: int, e: Entity) -> bool:
        if not all(m.kind == "practice" for m in e.mentions):
            return False
        return all(
            m.sentence != (0, 0) and by_sentence[(m.document, m.sentence)] - {i} for m in e.mentions
        )

    return [e for i, e in enumerate(ents) if not embedded(i, e)]


def _named_repeats(
    named: dict[str, str], key_docs: dict[str, set[str]], docs: Sequence[Document]
) -> list[Mention]:
    """The phrases a document says are names ("Det kallas hemmadialysering"), where other
    documents write them (cue "repeat"): lower case, they are found by no other cue, and
    without these their one mention is too weak to judge."""
    out: list[Mention] = []
    for k, phrase in sorted(named.items()):
        rx = re.compile(
            r"(?<![\w-])" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?:en|et|n|na)?(?!\w)",
            re.IGNORECASE,
        )
        for d in docs:
            if d.path in key_docs[k]:
                continue
            spans = None
            for mm in rx.finditer(d.text):
                spans = spans or document_sentences(d)
                sent = _sentence_of(spans, mm.start()) or (mm.start(), mm.end())
                out.append(
                    Mention(
                        d.path, mm.start(), mm.end(), mm.group(), k, _name_lang(mm.group()),
                        {"repeat"}, "initiative", False, False, sent,
                    )
                )  # fmt: skip
    return out


def _head_of(surface: str) -> tuple[str, tuple[str, ...]] | None:
    """(head lemma, the words that refer back to it) for a name ending in a head noun:
    "Carers' Café" → the café; "Klientrådet" → rådet."""
    lx = lexicons()
    words = re.findall(r"[\w'’-]+", surface.lower())
    if not words:
        return None
    # "Rådet för brukarfrågor", "Council of Governors", "Tea with the Board": the
    # head stands before the preposition
    cut = next((i for i, w in enumerate(words) if i and w in _HEAD_PREPOSITIONS), len(words))
    last = words[cut - 1].strip("'’")
    en_body = {
        str(w).lower() for w in lx["en"].raw.get("ppe_body_heads") or [] if " " not in str(w)
    }
    h = lx["en"].heads.get(last)
    if h is not None or last in en_body:
        lemma = h.lemma if h is not None else last.removesuffix("s")
        return lemma, (f"the {lemma}", f"this {lemma}")
    for form, hd in sorted(lx["sv"].heads.items(), key=lambda kv: -len(kv[0])):
        if last.endswith(form):
            definite = tuple(f for f in hd.forms if f != hd.lemma and f.endswith(("et", "en", "n")))
            return hd.lemma, definite
    return None


# "the forum (X)", "Forumet (X)": a definite head noun glossed by a name in parentheses
_GLOSSED_ANAPHOR = re.compile(
    r"(?<![\w-])(?:(?:the|this|den|det|detta|denna)\s+)?([^\W\d_]+)\s*\(([^()\n]{3,70})\)",
    re.IGNORECASE,
)


def gloss_anaphor_links(mentions: list[Mention], texts: dict[str, str]) -> list[Link]:
    """A heading names "The Riverside Carers Forum", the next sentence says "The
    forum (Vårdforum Strandkanten) meets …": the name in parentheses glosses the head
    noun, which refers back to the one earlier name in the document with that head. The
    gloss must be a name the corpus mentions elsewhere, and the document must give the
    head to one name only before it."""
    keys = {m.key for m in mentions}
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document].append(m)
    out: list[Link] = []
    for doc in sorted(by_doc):
        ms = sorted(by_doc[doc], key=Mention.sort_key)
        heads = [(m, _head_of(m.surface)) for m in ms]
        for mm in _GLOSSED_ANAPHOR.finditer(texts[doc]):
            word = mm.group(1).lower()
            inner = mm.group(2).strip()
            if not inner[:1].isupper() or norm_key(inner) not in keys:
                continue
            lemmas = {
                hd[0]
                for m, hd in heads
                if hd and m.end <= mm.start() and word in _anaphor_words(hd)
            }
            owners = {
                m.key
                for m, hd in heads
                if hd and m.end <= mm.start() and hd[0] in lemmas and m.key != norm_key(inner)
            }
            if len(lemmas) != 1 or len(owners) != 1:
                continue
            a = [m for m, hd in heads if m.key in owners and m.end <= mm.start()][-1]
            out.append(Link(a.key, norm_key(inner), "anaphor-gloss", doc, a.start, mm.end()))
    return out


def _anaphor_words(hd: tuple[str, tuple[str, ...]]) -> set[str]:
    """The head words that refer back to a name: "forum" for "the forum", "forumet"."""
    lemma, forms = hd
    return {lemma} | {f.split()[-1] for f in forms}


_NEXT_WORD = re.compile(r"[ \t]+([a-zåäöé][\w-]*)")


@lru_cache(maxsize=1)
def _compound_tails() -> frozenset[str]:
    """English nouns that make a head before them a modifier ("the project group", "the
    council meeting", "the panel report"): heads, organisation heads, job and document
    words of the English lexicon."""
    en = lexicons()["en"]
    words = set(en.heads) | set(en.org_heads)
    for key in ("not_name_tails", "type_nouns", "document_title_words"):
        words |= {str(w).lower() for w in en.raw.get(key) or []}
    return frozenset(words)


def _modifies_next(text: str, end: int) -> bool:
    m = _NEXT_WORD.match(text, end)
    return bool(m and m.group(1) in _compound_tails())


def head_anaphora(ents: list[Entity], docs: Sequence[Document]) -> None:
    """After a name ending in a head noun, "the café" / "rådet" in the same document
    refers back to it, when no other candidate there has that head: one more mention
    (cue "anaphor"), so a single document that keeps talking about it counts."""
    dmap = {d.path: d for d in docs}
    heads: dict[tuple[str, str], list[tuple[Entity, tuple[str, ...], int]]] = defaultdict(list)
    for e in ents:
        firsts: dict[str, tuple[int, tuple[str, ...], str]] = {}
        for m in e.mentions:
            hd = _head_of(m.surface)
            if hd and m.document not in firsts:
                firsts[m.document] = (m.end, hd[1], hd[0])
        for doc, (pos, forms, lemma) in firsts.items():
            heads[(doc, lemma)].append((e, forms, pos))
    for (path, _), owners in sorted(heads.items(), key=lambda kv: kv[0]):
        if len(owners) != 1 or not owners[0][1]:
            continue
        e, forms, pos = owners[0]
        text = dmap[path].text
        taken = [(m.start, m.end) for m in e.mentions if m.document == path]
        rx = re.compile(
            r"(?i)(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])"
        )
        added = []
        for mm in rx.finditer(text, pos):
            if any(a < mm.end() and mm.start() < b for a, b in taken):
                continue
            if " " in mm.group() and _modifies_next(text, mm.end()):
                continue  # "the project group": English writes a compound's parts apart
            added.append(
                Mention(
                    path, mm.start(), mm.end(), mm.group(), e.mentions[0].key, "und", {"anaphor"},
                    e.kind, e.role, False, (mm.start(), mm.end()),
                )
            )  # fmt: skip
        if added:
            e.mentions = sorted(e.mentions + added, key=Mention.sort_key)


_CONTINUATION = re.compile(
    r"[ \t]+(i|för|på|och|med|av|in|for|of|on|and)[ \t]+([a-zåäöé][\w-]{2,})(?![\w-])"
)


def extend_sentence_case(mentions: list[Mention], docs: Sequence[Document]) -> list[Mention]:
    """'projektet Inflytande i rättspsykiatrin': a Swedish name in sentence case reads as
    its capitalised first word. When the same word is followed by the same preposition
    and lower-case word at least twice in the documents that name it, the name is the
    whole phrase."""
    dmap = {d.path: d for d in docs}
    where: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        where[m.key].add(m.document)
    out: list[Mention] = []
    for m in mentions:
        if (
            "cue_noun" not in m.cues
            or " " in m.surface.strip()
            or not m.surface[:1].isupper()
            or m.surface.isupper()
        ):
            out.append(m)
            continue
        text = dmap[m.document].text
        cont = _CONTINUATION.match(text, m.end)
        if cont is None:
            out.append(m)
            continue
        phrase = m.surface + " " + cont.group(1) + " " + cont.group(2)
        rx = re.compile(r"(?<![\w-])" + re.escape(m.surface) + r"[ \t]+" + re.escape(cont.group(1))
                        + r"[ \t]+" + re.escape(cont.group(2)) + r"(?![\w-])")  # fmt: skip
        seen = sum(len(rx.findall(dmap[p].text)) for p in sorted(where[m.key]))
        if seen < 2:
            out.append(m)
            continue
        end = cont.end()
        out.append(
            Mention(
                m.document, m.start, end, text[m.start : end], norm_key(phrase), m.lang,
                set(m.cues), m.kind, m.role, m.capitalised, m.sentence,
            )
        )  # fmt: skip
    return out


# a capitalised word in mid-sentence (after a lower-case word or a comma), then one to
# three lower-case words: "... presenterade Trygg natt, som ..."
_MID_CAPITAL = re.compile(
    r"(?<=[a-zåäöé,] )([A-ZÅÄÖ][a-zåäöé]{3,})((?:[ \t]+[a-zåäöé][a-zåäöé-]{2,}){1,3})"
)


def sentence_case_names(docs: Sequence[Document], mentions: Sequence[Mention]) -> list[Mention]:
    """Swedish writes a name in sentence case ("Trygg natt"): only its first word
    is capitalised, and it carries no cue. A common word (the corpus also writes it in
    lower case) capitalised in mid-sentence and followed by the same lower-case words
    at least twice is a name, unless the documents also write the whole phrase in
    lower case ("Nära vård" beside "nära vård" is a notion, not a name). Every place
    the phrase is written with its capital becomes a mention (cue "sentence_case")."""
    sv = lexicons()["sv"]
    stop = sv.stopwords | lexicons()["en"].stopwords
    org = sv.org_heads | {str(w).lower() for w in sv.raw.get("org_name_words") or []}
    texts = {d.path: d.text for d in docs if d.language == "sv"}
    if not texts:
        return []
    all_text = "\n".join(d.text for d in docs)
    counts: Counter[str] = Counter()
    for text in texts.values():
        for m in _MID_CAPITAL.finditer(text):
            words = []
            for w in m.group(2).split():
                if w in stop or w in org:
                    break
                words.append(w)
            if words:
                counts[" ".join([m.group(1), *words])] += 1
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mn in mentions:
        taken[mn.document].append((mn.start, mn.end))
    out: list[Mention] = []
    for phrase, n in sorted(counts.items()):
        first = phrase.split()[0]
        if n < 2 or first.lower() in org:
            continue
        if not bounded(first.lower()).search(all_text):
            continue  # never written in lower case: a proper noun (a place, a person)
        # the phrase after its first word, spaces as runs of blanks (``bounded``: the
        # scans look for the first word's letters first, the same matches)
        tail = re.escape(phrase[len(first) :]).replace(r"\ ", r"[ \t]+")
        if bounded(first.lower(), tail.lower()).search(all_text):
            continue
        rx = bounded(first, tail)
        for d in docs:
            spans = None
            for mm in rx.finditer(d.text):
                if any(a < mm.end() and mm.start() < b for a, b in taken[d.path]):
                    continue
                spans = spans or document_sentences(d)
                sent = _sentence_of(spans, mm.start()) or (mm.start(), mm.end())
                taken[d.path].append((mm.start(), mm.end()))
                out.append(
                    Mention(
                        d.path, mm.start(), mm.end(), mm.group(), norm_key(mm.group()), "sv",
                        {"sentence_case"}, "initiative", False, True, sent,
                    )
                )  # fmt: skip
    return out


@lru_cache(maxsize=4)
def _practice_codes(codes: tuple[str, ...]) -> frozenset[str]:
    from coatlas.codebook import load_codebook

    cb = load_codebook()
    known = {c.id for g in cb.groups for c in cb.codes(g.id)}
    return frozenset(set(codes) & known)


@lru_cache(maxsize=1)
def _term_languages() -> dict[tuple[str, str], frozenset[str]]:
    """(code, term) -> the languages whose vocabulary (built-in codebook) lists it."""
    from coatlas.codebook import load_codebook

    out: dict[tuple[str, str], set[str]] = defaultdict(set)
    for c in load_codebook().codes():
        for lang, voc in c.vocabulary.items():
            for t in voc.terms:
                out[(c.id, t)].add(lang)
    return {k: frozenset(v) for k, v in out.items()}


def practice_hits(doc: Document, codes: tuple[str, ...]) -> list[tuple[int, int, list[Any], bool]]:
    """One document's sentences (start, end, hits, PPE take part) where a practice term
    of ``codes`` occurs: ``practice_mentions``'s per-document part (it runs where the
    document is read, ``coatlas.perdoc``)."""
    from coatlas.codebook import load_codebook
    from coatlas.codebook.match import lexicon as codebook_lexicon
    from coatlas.directed.ppe import names_leading_ppe, ppe_hits

    wanted = _practice_codes(tuple(codes))
    if not wanted:
        return []
    lx = codebook_lexicon(load_codebook())
    langs_of = _term_languages()
    langs = set(lx.langs)
    out: list[tuple[int, int, list[Any], bool]] = []
    for a, b in document_sentences(doc):
        hits = [
            h
            for h in lx.find(doc.text, a, b)
            if h.code in wanted
            and h.kind == "term"
            and h.end - h.start >= 8
            # a loan word is a practice's name in the language that borrowed it ("peer
            # support" in Swedish), not wherever its words occur
            and (doc.language not in langs or doc.language in langs_of.get((h.code, h.term), ()))
        ]
        if hits:
            involved = any(x.score >= 1.0 for x in ppe_hits(doc.text, a, b)) or any(
                names_leading_ppe(doc.text[h.start : h.end]) for h in hits
            )
            out.append((a, b, hits, involved))
    return out


def practice_mentions(
    docs: Sequence[Document],
    codes: tuple[str, ...],
    existing: Sequence[Mention],
    found: dict[str, list[tuple[int, int, list[Any], bool]]] | None = None,
) -> list[Mention]:
    """Initiatives without a proper name: a practice term of the codebook ("självvald
    inläggning", "peer support worker") in a sentence where persons with patient
    experience take part (cue "practice"), and the same term in the documents that
    name it without them (cue "repeat"). Whether it recurs enough to be one
    organisation's initiative is the scorer's question.

    ``found``: ``practice_hits`` per document path, computed earlier (on the workers)."""
    if not _practice_codes(tuple(codes)):
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in existing:
        taken[m.document].append((m.start, m.end))
    out: list[Mention] = []
    elsewhere: list[Mention] = []  # the same terms in sentences without PPE
    for doc in docs:
        got = found.get(doc.path) if found is not None else None
        if got is None:
            got = practice_hits(doc, codes)
        for a, b, hits, involved in got:
            for h in hits:
                if any(x < h.end and h.start < y for x, y in taken[doc.path]):
                    continue
                surface = doc.text[h.start : h.end]
                key = norm_key(surface)
                if len(key) < 5:
                    continue
                taken[doc.path].append((h.start, h.end))
                (out if involved else elsewhere).append(
                    Mention(
                        doc.path, h.start, h.end, surface, key, _name_lang(surface),
                        {"practice"} if involved else {"repeat"}, "practice",
                        h.code == "ppe_as_staff", False, (a, b),
                    )
                )  # fmt: skip
    # one practice, many forms: "peer support", "peer supporter", "peer supportrarna"
    # (the same word with an ending or the doer's suffix) are one key
    root: dict[str, str] = {}
    by_start: dict[str, list[str]] = defaultdict(list)  # blocked on the first 5 letters
    for k in sorted({m.key for m in out + elsewhere}, key=lambda k: (len(k), k)):
        root[k] = next((root[r] for r in by_start[k[:5]] if _inflected(r, k)), k)
        by_start[k[:5]].append(k)
    out = [replace(m, key=root[m.key]) if root[m.key] != m.key else m for m in out]
    elsewhere = [replace(m, key=root[m.key]) if root[m.key] != m.key else m for m in elsewhere]
    # a practice seen once with PPE taking part is the same practice where a document
    # names it without them: those documents count towards its recurrence
    seen = {m.key for m in out}
    return out + [m for m in elsewhere if m.key in seen]


def _inflected(short: str, long: str) -> bool:
    """``long`` is ``short`` with an ending of up to five letters ("peer supportrarna")."""
    extra = long[len(short) :]
    return len(short) >= 5 and long.startswith(short) and 0 < len(extra) <= 5 and extra.isalpha()
