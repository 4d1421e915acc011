"""Step 1a, second pass: names that carry no initiative-type word.

Many initiatives are named by an ordinary phrase (a possessive phrase,
a slogan, "<activity> for <group>") that no head noun or cue noun marks.  Two
generic, corpus-level signals still mark them:

* the phrase is the TITLE of a short document (its first line / HTML title,
  possibly "<type word>: <name>") and recurs elsewhere in the corpus;
* the phrase is the SUBJECT of a defining copula ("X är ett projekt där ...",
  "X is a programme in which ...") and recurs elsewhere in the corpus.

Recurrence keeps one-off headlines out; the PPE test (initiatives.py) still
decides whether the named thing involves persons with patient experience.
Vocabulary (type nouns, determiners) lives in lang/<xx>/initiatives.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from coatlas.directed.lexicon import lexicons
from coatlas.directed.mentions import MONTHS, Link, Mention, _sv_seasons, is_org_key, norm_key
from coatlas.document import Document
from coatlas.text.sentences import sentence_at
from coatlas.text.wordindex import WordIndex

_ACR = re.compile(r"\s*[(,]\s*([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,6})\s*[),]?\s*$")
_YEARS = re.compile(r"\s+(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?$")
_SPLIT_TITLE = re.compile(r"\s+[–—|-]\s+|\s+\|\s*")


@dataclass(frozen=True)
class _Vocab:
    types: tuple[str, ...]  # longest first: word endings naming a kind of initiative
    determiners: frozenset[str]
    stop: frozenset[str]  # stopwords and heading-stop words of both languages
    topics: tuple[str, ...]
    doc_words: tuple[str, ...]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    def words(key: str) -> set[str]:
        return {str(w).lower() for lg in lx.values() for w in lg.raw.get(key, []) or []}

    lx = lexicons()
    return _Vocab(
        types=tuple(sorted(words("type_nouns"), key=lambda w: (-len(w), w))),
        determiners=frozenset(words("copula_determiners")),
        stop=frozenset(words("heading_stop") | {w for lg in lx.values() for w in lg.stopwords}),
        topics=tuple(sorted(words("topic_nouns"))),
        doc_words=tuple(sorted(words("document_title_words") | words("publication_words"))),
    )


_INFL = ("", "s", "en", "et", "n", "er", "erna", "ar", "arna", "na", "es")


def is_type_word(word: str) -> bool:
    """'medborgardialog', 'pilotprojektet', 'programme': a word naming a kind of initiative."""
    types = _vocab().types
    w = word.lower()
    for t in types:
        for inf in _INFL:
            if w == t + inf or (len(t) >= 5 and w.endswith(t + inf) and len(w) - len(t + inf) >= 3):
                return True
    return False


_CLAUSE = re.compile(r"(?i)\b(som|att|that|which|who|how|what|where|när|hur|vad|vilka)\b")


@lru_cache(maxsize=1)
def _headline_verbs() -> frozenset[str]:
    lx = lexicons()
    return frozenset(
        str(w).lower() for lg in lx.values() for w in lg.raw.get("headline_verbs", []) or []
    )


def is_headline(name: str) -> bool:
    """A heading with a news verb inside ("X startar på Y", "X helps the trust to ..."):
    it tells what happened, it does not name an initiative."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", name)]
    verbs = _headline_verbs()
    return any(w in verbs for w in words[1:-1])


def _plausible(name: str, min_words: int = 2) -> bool:
    """A short nominal phrase: 2-6 words, capitalised start, no digits, no clause
    punctuation, not a generic heading or an organisation."""
    stop = _vocab().stop
    # a strategy titled by its period ("X Strategy 2024-2027") is still a name
    name = _YEARS.sub("", name)
    words = name.split()
    if not min_words <= len(words) <= 6 or not name[:1].isupper():
        return False
    if re.search(r"[\d:;!?.,\"“”]", name) or (name.isupper() and len(words) > 1):
        return False  # an all-capitals line is a document label
    first, last = words[0].lower(), words[-1].lower()
    if first in stop and first not in ("min", "mitt", "mina", "my", "our", "vår", "vårt", "våra"):
        return False
    if last in stop or last in ("and", "och", "of", "for", "för", "with", "med"):
        return False
    if last in MONTHS or last in _sv_seasons():
        return False  # "Kurser våren 2022": a title dated by its season, not a name
    # "Patient and public involvement": the field itself, a topic, not an initiative
    if any(last.endswith(t) for t in _vocab().topics):
        return False
    if is_headline(name):
        return False  # a news heading tells, it does not name
    key = norm_key(name)
    return bool(key) and not is_org_key(key)


def _anaphor(name: str, body: str, lang: str) -> bool:
    """The body refers back to the title's head noun in definite form: English
    'this/the/our <last word>', Swedish '<first or last word>' + a definite ending."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w-]*", _YEARS.sub("", name))]
    if len(words) < 2:
        return False
    low = body.lower()
    if lang == "sv":
        for w in {words[0], words[-1]}:
            if len(w) < 5:
                continue
            stem = re.sub(r"(?:or|ar|er|a|e)$", "", w) if len(w) > 6 else w
            if re.search(
                r"(?<!\w)" + re.escape(stem) + r"(?:en|et|na|erna|arna|orna|n)(?!\w)", low
            ):
                return True
        return False
    return (
        re.search(r"(?<!\w)(?:this|the|our)\s+" + re.escape(words[-1]) + r"(?!\w)", low) is not None
    )


def _count(
    rx: re.Pattern[str],
    texts: Sequence[str],
    index: WordIndex | None = None,
    literal: str | None = None,
) -> int:
    """Matches of ``rx`` over ``texts``. With ``index`` (over ``texts``, same order) and
    the ``literal`` phrase ``rx`` was built from, only the texts holding its words are
    scanned: the same count, without a pass over the corpus per phrase."""
    where = index.candidates(literal) if index is not None and literal is not None else None
    if where is not None:
        return sum(len(rx.findall(texts[i])) for i in where)
    return sum(len(rx.findall(t)) for t in texts)


def _phrase_rx(name: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<!\w)" + re.escape(name).replace(r"\ ", r"\s+") + r"(?!\w)", re.IGNORECASE
    )


def _title_candidates(doc: Document) -> list[tuple[int, int, str, tuple[int, int]]]:
    """(start, end, name) of the name a document's first line announces; offsets
    index doc.text.  'Type: Name' gives Name; a trailing '(ACR)' is dropped."""
    text = doc.text
    out = []
    first = re.search(r"\S[^\n]*", text)
    if first and first.end() - first.start() <= 90:
        out += _title_line(text, first.start(), first.end())
    # a web page's <title> ("Name - Region X") when menus or banners open the text
    title = (doc.title or "").strip()
    if title and len(title) <= 90:
        seg = _SPLIT_TITLE.split(title)
        for part in seg[:2]:
            part = part.strip()
            at = text.find(part) if len(part) >= 5 else -1
            if at >= 0 and not (first and first.start() <= at < first.end()):
                out += _title_line(text, at, at + len(part))
                break
    return out


def _title_line(text: str, a: int, b: int) -> list[tuple[int, int, str, tuple[int, int]]]:
    first_a = a
    line = text[a:b]
    prefix = (a, a)
    m = re.match(r"^(#+\s*)", line)
    if m:
        a += m.end()
        line = line[m.end() :]
    colon = re.match(r"^([^\s:]+)\s*:\s+", line)
    if colon:
        if not is_type_word(colon.group(1)):
            return []
        a += colon.end()
        line = line[colon.end() :]
        # the type word labels the name; it is no name itself
        prefix = (first_a, a)
    # "Name – final report", "Name – Region X", "Name | News": the first segment
    seg = _SPLIT_TITLE.search(line)
    if seg:
        head = line[: seg.start()]
        if is_org_key(norm_key(head)):
            # "<Organisation> — Name": the organisation publishes, the name follows
            a += seg.end()
            line = line[seg.end() :]
            seg = _SPLIT_TITLE.search(line)
        if seg:
            line = line[: seg.start()]
    acr = _ACR.search(line)
    if acr:
        line = line[: acr.start()]
    line = line.rstrip()
    return [(a, a + len(line), line, prefix)]


def _copula_candidates(doc: Document, spans) -> list[tuple[int, int, str]]:
    """'X är ett/regionens ... projekt', 'X is a ... programme': X names a kind of initiative."""
    dets = _vocab().determiners
    text = doc.text
    out = []
    for s0, s1 in spans:
        sent = text[s0:s1]
        m = re.match(r"^\s*([^\n]{3,70}?)\s+(är|var|is|was)\s+(.{0,80})", sent)
        if not m:
            continue
        x = m.group(1)
        acr = _ACR.search(x)
        if acr:
            x = x[: acr.start()]
        x = x.strip()
        rest = re.findall(r"[\w’'-]+", m.group(3))[:5]
        if not rest or rest[0].lower() not in dets:
            continue
        if not any(is_type_word(w) for w in rest[1:]):
            continue
        a = s0 + m.start(1)
        out.append((a, a + len(x), x))
    return out


_APPOSITION = re.compile(
    r"([A-ZÅÄÖ][\w’'-]+(?:[ \t]+(?:[A-ZÅÄÖ][\w’'-]+|and|of|for|och|för|i|på)){0,4}?)"
    r"(?:,[ \t]+|[ \t]+[–—][ \t]+)((?:[\w’'-]+[ \t]+){0,3}?)([a-zåäö][\w-]+)"
    r"(?=[ \t]+(?:för|for|som|där|of|with|med|that|which|who|where|i|in)\b)"
)


def _apposition_candidates(doc: Document, spans) -> list[tuple[int, int, str]]:
    """'X, en träffpunkt för unga', 'X – nätverket för närstående', 'X, the network
    of carers that ...': a description in apposition naming a kind of initiative
    says X is one, even when X is a single word. The kind word is lowercase and a
    clause or qualifier follows it, so list items and headings do not qualify."""
    dets = _vocab().determiners
    text = doc.text
    out = []
    for s0, s1 in spans:
        for m in _APPOSITION.finditer(text, s0, s1):
            lead = m.group(2).split()
            if lead and lead[0].lower() not in dets:
                continue
            if len(lead) > 1 and not all(w.islower() for w in lead[1:]):
                continue
            if not is_type_word(m.group(3)):
                continue
            a, name = m.start(1), m.group(1)
            # "of The Willow Table, a monthly café for ...": the article is not the name's
            art = re.match(r"(?:The|Den|Det)[ \t]+(?=[A-ZÅÄÖ])", name)
            if art:
                a, name = a + art.end(), name[art.end() :]
            out.append((a, m.end(1), name))
    return out


def extra_names(
    docs: Sequence[Document], spans_of, mentions_of: dict[str, list[Mention]]
) -> tuple[dict[str, list[Mention]], list[Link]]:
    """Add title and copula names (with their repeats in the same document) to each
    document's mentions; a mention inside a new name is absorbed by it."""
    texts = [d.text for d in docs]
    index = WordIndex(texts)
    out: dict[str, list[Mention]] = {}
    links: list[Link] = []
    for doc in docs:
        ms = list(mentions_of.get(doc.path, []))
        spans = spans_of(doc)
        found: list[tuple[int, int, str, str]] = []
        for a, b, name, (pa, pb) in _title_candidates(doc):
            found.append((a, b, name, "title"))
            if pb > pa:
                ms = [m for m in ms if not (pa <= m.start < pb)]
        for a, b, name in _copula_candidates(doc, spans):
            found.append((a, b, name, "naming"))
        single: set[tuple[int, int]] = set()
        for a, b, name in _apposition_candidates(doc, spans):
            found.append((a, b, name, "naming"))
            if " " not in name and name.lower() not in _given_names():
                single.add((a, b))
        docwords = _vocab().doc_words
        for a, b, name, cue in found:
            name = re.sub(r"\s+", " ", name)
            ny = _YEARS.sub("", name)
            if ny != name and doc.text[a : a + len(ny)] == ny:
                name, b = ny, a + len(ny)
            if not _plausible(name, 1 if (a, b) in single else 2) or (
                cue == "title"
                and (
                    any(name.lower().endswith(w) for w in docwords)
                    or _names_document(name, docwords)
                )
            ):
                continue
            rx = _phrase_rx(name)
            # the name must recur: beyond its own line in this document, or elsewhere;
            # a title may instead be taken up by a definite anaphor ("this strategy",
            # "träffarna") in its own document
            anaphor = cue == "title" and _anaphor(name, doc.text[b:], doc.language)
            if _count(rx, texts, index, name) < 2 and not anaphor:
                continue
            # "Xrådet vid Y", "Xrevision i Y": an already found name qualified by a
            # place or field is that name
            if any(m.start == a and m.end < b and m.cues - {"repeat"} for m in ms):
                continue
            key = norm_key(name)
            occ = [(a, b, cue)] + [
                (mm.start(), mm.end(), "repeat")
                for mm in rx.finditer(doc.text)
                if not (mm.start() < b and a < mm.end())
            ]
            for oa, ob, c in occ:
                inner = [m for m in ms if oa <= m.start and m.end <= ob]
                same = [m for m in inner if m.start == oa and m.end == ob]
                if same:
                    for m in same:
                        m.cues.add(c)
                    continue
                ms = [m for m in ms if m not in inner]
                ms.append(
                    Mention(
                        doc.path,
                        oa,
                        ob,
                        doc.text[oa:ob],
                        key,
                        "sv" if doc.language == "sv" else "und",
                        {c},
                        "initiative",
                        False,
                        c != "repeat",
                        _sentence(spans, oa),
                    )
                )
            if anaphor:
                # the document keeps talking about what its title names
                for m in ms:
                    if m.start == a and m.end == b:
                        m.cues.add("anaphor")
            # an acronym right after the title/copula name is its alias
            tail = doc.text[b : b + 12]
            am = re.match(r"\s*[(,]\s*([A-ZÅÄÖ][A-ZÅÄÖ0-9]{1,6})\s*[),]", tail)
            if am:
                acr = am.group(1)
                ia = b + am.start(1)
                if not any(m.start <= ia < m.end for m in ms):
                    ms.append(
                        Mention(
                            doc.path,
                            ia,
                            ia + len(acr),
                            acr,
                            norm_key(acr),
                            "und",
                            {"acronym"},
                            "initiative",
                            False,
                            True,
                            _sentence(spans, ia),
                        )
                    )
                links.append(Link(key, norm_key(acr), "acronym", doc.path, a, b + am.end()))
        out[doc.path] = sorted(ms, key=Mention.sort_key)
    return out, links


@lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """Given names of both languages: a single word in apposition may be a person."""
    from coatlas.lang.names import given_names

    return frozenset(n.lower() for lang in ("en", "sv") for n in given_names(lang))


def _names_document(name: str, docwords: tuple[str, ...]) -> bool:
    """'Ansökan om utvecklingsmedel', 'Report on the pilot': a title led by a kind of
    document and a preposition names the document, not an initiative."""
    words = name.lower().split()
    return (
        len(words) >= 3
        and words[0] in docwords
        and words[1] in ("om", "för", "till", "angående", "on", "for", "about", "of", "to")
    )


def _sentence(spans, pos: int) -> tuple[int, int]:
    return sentence_at(spans, pos) or (pos, pos)
