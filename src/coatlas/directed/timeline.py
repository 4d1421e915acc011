"""Step 2: when did an initiative start, end, or does it go on?

Reads the time expressions near each place an initiative is mentioned (its
sentence and neighbours in the same paragraph or speaker turn) and weighs each by
how tightly it is tied to the mention: the same sentence, few words between, a
cue word ("started", "avslutades", "sedan", "pågår") linking them. A document's
own date (header "Date:", a dated file name, the title) anchors relative
expressions and orders documents in time; it is never read as a start year.

Rules (source ``rule:timeline.<rule>``): ``start.range``, ``start.since``,
``start.cue``, ``start.mention_year``,
``end.range``, ``end.until``, ``end.cue``, ``end.final_report``,
``ongoing.since``, ``ongoing.cue``, ``ongoing.present``, ``active.rounds``,
``active.round_cue``, ``active.edition``, and ``start.field``/``end.field``/``ongoing.field`` for
labelled fields ("Startår: 2016", "Status: Avslutat") of a page about it. When no text dates an initiative its start stays None:
a document's own date is never promoted to a start year.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import PurePosixPath
from typing import Any

from coatlas.document import Document
from coatlas.evidence import Evidence, make_evidence
from coatlas.text.sentences import sentence_spans
from coatlas.text.years import (
    LANGS,
    YEAR_MAX,
    YEAR_MIN,
    TimeExpr,
    find_time_expressions,
    load_time_lexicon,
)

Mention = tuple[Document, int, int]

# weights of a neighbour sentence, by distance in sentences from the mention's
SENTENCE_WEIGHT = {0: 1.0, 1: 0.55, 2: 0.3}
HEADING_NEXT_WEIGHT = 0.6  # a mention in a heading governs the paragraph below it
SUPPORT_RATIO = 0.5  # an earlier start year needs half the support of the best one
MIN_SUPPORT = 0.25
INDIRECT_MIN_SUPPORT = 0.12  # when only neighbouring sentences speak, the best of them
ONGOING_MIN = 0.4  # summed weight of continuation signals needed to call it ongoing


@dataclass(slots=True)
class Timeline:
    start: int | None
    end: int | None
    ongoing: bool
    active_years: list[int]
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "ongoing": self.ongoing,
            "active_years": list(self.active_years),
            "confidence": {k: round(v, 4) for k, v in sorted(self.confidence.items())},
            "evidence": {k: [e.to_dict() for e in v] for k, v in sorted(self.evidence.items())},
        }


@dataclass(frozen=True, slots=True)
class _Vote:
    role: str  # start | end | ongoing | active | round
    year: int | None
    weight: float
    rule: str
    doc: Document
    span: tuple[int, int]  # quote span (the sentence that carries the vote)
    doc_year: int | None
    direct: bool = True  # tied to the mention itself, not just nearby


@dataclass(frozen=True)
class _Cues:
    start: re.Pattern[str]
    end: re.Pattern[str]
    cont: re.Pattern[str]
    present: re.Pattern[str]
    past: re.Pattern[str]
    rounds: re.Pattern[str]
    person: re.Pattern[str]
    date_label: re.Pattern[str]
    final_report: re.Pattern[str]
    anaphora: re.Pattern[str]
    conj: re.Pattern[str]  # list conjunctions: "A (2010), B and C"
    pronoun: re.Pattern[str]  # "I": case-sensitive, so Swedish "i" (in) is not taken for it
    field_line: re.Pattern[str]  # "Start: 2016", "Projekttid: 2019–2021", "Status: Avslutat"
    status_ongoing: re.Pattern[str]
    status_ended: re.Pattern[str]
    rename: re.Pattern[str]


def _alt(words: Iterable[str]) -> str:
    ws = sorted({w.lower() for w in words}, key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ws)
    return rf"(?<![\w])(?:{body})(?!\w)"


@lru_cache(maxsize=4)
def _cues(lang: str) -> _Cues:
    langs = (lang,) if lang in LANGS else LANGS
    lx: dict[str, list[str]] = defaultdict(list)
    fields: dict[str, list[str]] = defaultdict(list)
    for la in langs:
        for k, v in load_time_lexicon(la).items():
            if isinstance(v, list) and all(isinstance(x, str) for x in v):
                lx[k].extend(v)
        for k, v in load_time_lexicon(la).get("field_labels", {}).items():
            fields[k].extend(v)
    field_alts = "|".join(
        f"(?P<{kind}>{_alt(words)})" for kind, words in sorted(fields.items()) if words
    )

    def c(key: str, flags: int = re.IGNORECASE) -> re.Pattern[str]:
        return re.compile(_alt(lx[key]), flags)

    return _Cues(
        start=c("start_cues"),
        end=c("end_cues"),
        cont=c("continue_cues"),
        present=c("present_markers"),
        past=c("past_markers"),
        rounds=c("round_cues"),
        # person cues are case-sensitive for one-letter pronouns ("I" vs Swedish "i")
        person=re.compile(_alt([w for w in lx["person_cues"] if len(w) > 1]), re.IGNORECASE),
        date_label=re.compile(
            r"^\s*" + _alt(lx["date_labels"]) + r"\s*[:.]?", re.IGNORECASE | re.MULTILINE
        ),
        final_report=c("final_report_cues"),
        conj=c("list_conjunctions"),
        pronoun=re.compile(
            r"(?<![\w])(?:"
            + "|".join([re.escape(w) for w in lx["person_pronouns_cased"]] or ["(?!x)x"])
            + r")(?![\w'’])"
        ),
        anaphora=re.compile(r"[\s\"“(]*" + _alt(lx["anaphora"]), re.IGNORECASE),
        field_line=re.compile(
            rf"^[ \t*#|-]*(?:{field_alts})[ \t*]*[:|\t][ \t*]*(?P<value>[^\n]{{1,80}})$",
            re.IGNORECASE | re.MULTILINE,
        ),
        status_ongoing=c("status_ongoing"),
        status_ended=c("status_ended"),
        rename=c("rename_cues"),
    )


# ---------------------------------------------------------------- documents


def _lang(doc: Document) -> str:
    return doc.language if doc.language in LANGS else "und"


_FILE_DATE = re.compile(r"(?<!\d)((?:19[5-9]|20\d)\d)(?:[-_.]?(?:0[1-9]|1[0-2])[-_.]?\d\d)?(?!\d)")

_FILE_PERIOD = re.compile(r"(?<!\d)((?:19[5-9]|20\d)\d)[-_](?:to[-_])?((?:19[5-9]|20\d)\d)(?!\d)")


def document_year(doc: Document) -> tuple[int | None, tuple[int, int] | None, str]:
    """The document's own year, where it was read from (a text span, if any) and how.

    Order: metadata, a dated header line ("Date: 3 February 2001"), the file
    name (``minutes_2001-02-03``), the title. Returns ``(None, None, "")`` when unknown.
    """
    for key in ("date", "published", "created", "modified", "year"):
        val = doc.meta.get(key)
        if val is not None:
            m = re.search(r"(?:19[5-9]|20\d)\d", str(val))
            if m:
                return int(m.group()), None, f"meta.{key}"
    cues = _cues(_lang(doc))
    head = doc.text[:2000]
    for m in cues.date_label.finditer(head):
        line_end = head.find("\n", m.end())
        line_end = len(head) if line_end < 0 else line_end
        ym = re.search(r"(?<!\d)(?:19[5-9]|20\d)\d(?!\d)", head[m.end() : line_end])
        if ym:
            s = m.end() + ym.start()
            return int(ym.group()), (s, s + 4), "header"
    stem = PurePosixPath(doc.path).stem
    ys = [int(m.group(1)) for m in _FILE_DATE.finditer(stem)]
    ys = [y for y in ys if YEAR_MIN <= y <= YEAR_MAX]
    # "plan_2022-2025": a period in the name is what the plan covers; it was
    # written at its start, not at its end
    period = _FILE_PERIOD.search(stem)
    if period and int(period.group(1)) < int(period.group(2)) <= int(period.group(1)) + 20:
        return int(period.group(1)), None, "file_name"
    if ys:
        return ys[-1], None, "file_name"
    # a full date near the top ("Public Board Meeting, 24 March 2022") dates a paper
    # or minutes that have no "Date:" label
    for x in find_time_expressions(doc.text[:HEAD_DATE_CHARS], doc.language):
        # a labelled line ("Start date: 1 April 2017") is a field, not the paper's date
        labelled = ":" in doc.text[doc.text.rfind("\n", 0, x.start) + 1 : x.start]
        if x.kind == "date" and x.first is not None and not x.relative and not labelled:
            return x.first, (x.start, x.end), "head_date"
    if doc.title:
        ym = re.search(r"(?<!\d)(?:19[5-9]|20\d)\d(?!\d)", doc.title)
        if ym:
            return int(ym.group()), None, "title"
    return None, None, ""


@dataclass
class _DocInfo:
    doc: Document
    year: int | None  # the document's own date, when it states one
    order_year: int | None  # its date, or for an undated one the latest year it names
    exprs: list[TimeExpr]
    sentences: list[tuple[int, int]]
    blocks: list[tuple[int, int]]  # paragraphs or turns
    date_lines: list[tuple[int, int]]  # the document's own date lines
    title: tuple[int, int] | None  # a title-like first paragraph
    fields: list[tuple[str, int, int, int]]  # (label kind, line start, value start, line end)
    final_report: bool


def _fallback_blocks(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\n\s*\n", text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


HEAD_DATE_CHARS = 300  # how far into a document its own date line may stand

_INFO_CACHE: OrderedDict[tuple[Any, ...], _DocInfo] = OrderedDict()
# Parsed documents kept across initiatives: every initiative asks about its documents in
# turn, so a bound below the corpus size re-parses documents once per initiative (an
# archive of thousands of documents thrashed at 512).
_INFO_CACHE_SIZE = 8192


def _info_key(doc: Document) -> tuple[Any, ...]:
    return (
        doc.path,
        doc.sha256,
        doc.language,
        hash(doc.text),
        len(doc.sentences),
        len(doc.paragraphs),
        len(doc.turns),
        repr(sorted(doc.meta.items())) if doc.meta else "",
        doc.title,
    )


def document_info(doc: Document) -> _DocInfo:
    """A document parsed for the timeline (its date, time expressions, blocks): per
    document, so it can be done where the document is read (``coatlas.perdoc``)."""
    return _doc_info(doc, {})


def remember_document_info(doc: Document, info: _DocInfo) -> None:
    """Keep ``document_info(doc)``, made elsewhere, for the timeline to find: the
    timeline then does not parse ``doc`` again (the result is the same)."""
    if info.doc.text != doc.text:
        return
    _INFO_CACHE[_info_key(doc)] = dataclasses.replace(info, doc=doc)
    _INFO_CACHE.move_to_end(_info_key(doc))
    if len(_INFO_CACHE) > _INFO_CACHE_SIZE:
        _INFO_CACHE.popitem(last=False)


def _doc_info(doc: Document, cache: dict[int, _DocInfo]) -> _DocInfo:
    """Parse a document once: Step 2 asks about every initiative in turn."""
    key = id(doc)
    if key in cache:
        return cache[key]
    gkey = _info_key(doc)
    hit = _INFO_CACHE.get(gkey)
    if hit is not None and hit.doc.text == doc.text:
        _INFO_CACHE.move_to_end(gkey)
        info = dataclasses.replace(hit, doc=doc)
        cache[key] = info
        return info
    year, _span, _how = document_year(doc)
    exprs = find_time_expressions(doc.text, doc.language, anchor_year=year)
    order_year = year
    if year is None:
        # undated (a web page): it was written no earlier than the latest year it
        # names. Used only to order documents in time, never as an anchor or a start.
        named = [x.last or x.first for x in exprs if x.years and not x.relative]
        order_year = max((y for y in named if y is not None), default=None)
    sentences = [(s.start, s.end) for s in doc.sentences] or sentence_spans(doc.text)
    if doc.turns:
        blocks = [(t.start, t.end) for t in doc.turns]
    elif doc.paragraphs:
        blocks = [(p.start, p.end) for p in doc.paragraphs]
    else:
        blocks = _fallback_blocks(doc.text)
    # the document's own date lines ("Date: ...", "Publicerad ...") and its title:
    # a single date there dates the document, not the initiative (a period in a
    # title, "Visits 2001–2005", is still read)
    cues = _cues(_lang(doc))
    date_lines: list[tuple[int, int]] = []
    for m in cues.date_label.finditer(doc.text):
        nl = doc.text.find("\n", m.end())
        date_lines.append((m.start(), len(doc.text) if nl < 0 else nl))
    paras = [(p.start, p.end) for p in doc.paragraphs] or _fallback_blocks(doc.text)
    title: tuple[int, int] | None = None
    if paras:
        ts, te = paras[0]
        if te - ts < 120 and not re.search(r"[.!?]\s*$", doc.text[ts:te].strip()):
            title = (ts, te)
    fields = []
    for m in cues.field_line.finditer(doc.text):
        kind = next(k for k, v in m.groupdict().items() if v and k != "value")
        fields.append((kind, m.start(), m.start("value"), m.end()))
    title_text = (doc.title or "") + " " + doc.text[:300]
    final_report = bool(cues.final_report.search(title_text)) or bool(
        cues.final_report.search(PurePosixPath(doc.path).stem.replace("_", " "))
    )
    info = _DocInfo(
        doc, year, order_year, exprs, sentences, blocks, date_lines, title, fields, final_report
    )
    cache[key] = info
    _INFO_CACHE[gkey] = info
    if len(_INFO_CACHE) > _INFO_CACHE_SIZE:
        _INFO_CACHE.popitem(last=False)
    return info


def _index(spans: Sequence[tuple[int, int]], pos: int) -> int | None:
    """The span holding ``pos`` (spans sorted and disjoint, as ingestion makes them)."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    if 0 <= i < len(spans) and spans[i][0] <= pos < spans[i][1]:
        return i
    for j, (s, e) in enumerate(spans):  # unsorted or overlapping input: the slow way
        if s <= pos < e:
            return j
    return None


# ---------------------------------------------------------------- voting


def _votes_for_mention(info: _DocInfo, ms: int, me: int) -> list[_Vote]:
    doc, text = info.doc, info.doc.text
    cues = _cues(_lang(doc))
    si = _index(info.sentences, ms)
    bi = _index(info.blocks, ms)
    block = info.blocks[bi] if bi is not None else (0, len(text))
    # sentences to read, with their weights
    window: list[tuple[tuple[int, int], float, int]] = []
    if si is None:  # a mention outside every sentence span (a bare heading): read its line
        ls = text.rfind("\n", 0, ms) + 1
        le = text.find("\n", me)
        window.append(((ls, len(text) if le < 0 else le), 1.0, 0))
    for d, w in SENTENCE_WEIGHT.items() if si is not None else ():
        for j in {si - d, si + d}:
            if 0 <= j < len(info.sentences):
                s, e = info.sentences[j]
                if j == si or (s < block[1] and e > block[0]):
                    window.append(((s, e), w, j - si))
    # a heading (short, unpunctuated) or an interviewer's question governs the block
    # after it: "I: And the patient council?" -> "R: It first met in 2006."
    if bi is not None and bi + 1 < len(info.blocks):
        bs, be = block
        btxt = text[bs:be].strip()
        question = bool(doc.turns) and doc.turns[bi].role == "interviewer"
        if question or (len(btxt) < 120 and not re.search(r"[.!?]$", btxt)):
            nb = info.blocks[bi + 1]
            for s, e in info.sentences:
                if s < nb[1] and e > nb[0]:
                    k = sum(1 for _ in window if _[2] > 100)
                    if k >= 2:
                        break
                    window.append(((s, e), HEADING_NEXT_WEIGHT * (0.7**k), 101 + k))
    votes: list[_Vote] = []
    for (ss, se), sw, rel in sorted(window, key=lambda t: t[0]):
        sent = text[ss:se]
        same = rel == 0
        for x in info.exprs:
            if x.vague or x.start < ss or x.end > se or _dates_document(info, x):
                continue
            votes.extend(_votes_for_expr(info, x, ms, me, ss, se, sw, rel, cues))
        # stand-alone continuation cues: the mention's sentence, less so its neighbours
        if cues.cont.search(sent) and (same or rel > 0):
            # "continues during 2020–2022" said in 2019: it goes on after the document
            ahead = [
                x.last
                for x in info.exprs
                if ss <= x.start < se and x.last and info.year and x.last > info.year
            ]
            votes.append(
                _Vote(
                    "ongoing",
                    max(ahead) if ahead else None,
                    0.8
                    * sw
                    * (1.0 if same or rel > 100 or _refers_back(text, ss, se, cues) else 0.6),
                    "ongoing.cue",
                    doc,
                    (ss, se),
                    info.order_year,
                )
            )
        if same:
            # tense is weak evidence, and weaker still in interviews, which narrate the past
            tw = 0.1 if doc.is_transcript else 0.3
            pres = len(cues.present.findall(sent))
            past = len(cues.past.findall(sent)) + len(cues.end.findall(sent))
            if pres > past:
                votes.append(
                    _Vote("present", None, tw, "ongoing.present", doc, (ss, se), info.order_year)
                )
            elif past > pres:
                votes.append(
                    _Vote("past", None, tw, "ongoing.present", doc, (ss, se), info.order_year)
                )
    if info.fields and _is_about(info, ms, me):
        votes.extend(_field_votes(info, cues))
    if info.final_report and info.year is not None and _is_about(info, ms, me):
        # a final report ends what it is the final report *of*, not every programme it cites
        votes.append(
            _Vote(
                "end", info.year, 0.35, "end.final_report", doc, _title_span(info), info.order_year
            )
        )
    return votes


_SINGLE_KINDS = frozenset({"year", "date", "month", "season", "fiscal", "relative"})


def _dates_document(info: _DocInfo, x: TimeExpr) -> bool:
    """An expression that is the document's own date, not a fact about an initiative."""
    if any(s <= x.start and x.end <= e for s, e in info.date_lines):
        return True
    t = info.title
    return t is not None and t[0] <= x.start and x.end <= t[1] and x.kind in _SINGLE_KINDS


def _parenthesis_of_another(text: str, x: TimeExpr, ms: int, me: int, cues: _Cues) -> bool:
    """'A (2010–2012), B (2014) and C': a bracketed period belongs to the name just before it."""
    opened = text[max(0, x.start - 2) : x.start].rstrip().endswith("(")
    if not opened or ")" not in text[x.end : x.end + 3]:
        return False
    if x.end <= ms:
        return True  # it closes an item before the mention
    between = text[me : x.start]
    return bool(re.search(r"[),;]", between) or cues.conj.search(between))


def _about_a_person(
    text: str, x: TimeExpr, ss: int, se: int, ms: int, me: int, cues: _Cues
) -> bool:
    """'a nurse since 1979', 'worked there from 1991': the year of a career, not of the initiative.

    A cue verb between the person word and the year ("a nurse, ended in 2022")
    hands the year back to the clause's subject.
    """
    b0, a1 = max(ss, x.start - 40), min(se, x.end + 25)
    if b0 <= ms and me <= a1:
        return False  # the mention itself is right there
    before = [m for m in cues.person.finditer(text, b0, x.start)]
    if before:
        gap = text[before[-1].end() : x.start]
        if not (cues.start.search(gap) or cues.end.search(gap)):
            return True
    return bool(cues.person.search(text, x.end, a1))


def _is_about(info: _DocInfo, ms: int, me: int) -> bool:
    """The document is about the initiative: it is named in the title or the opening."""
    name = info.doc.text[ms:me].casefold()
    if info.doc.title and name in info.doc.title.casefold():
        return True
    first = info.blocks[0] if info.blocks else (0, 0)
    return (info.title is not None and info.title[0] <= ms < info.title[1]) or ms < first[1]


def _field_votes(info: _DocInfo, cues: _Cues) -> list[_Vote]:
    """Labelled fields of a page about the initiative: "Start: 2016", "Status: Avslutat"."""
    doc, out = info.doc, []
    for kind, ls, vs, le in info.fields:
        span = (ls, le)
        xs = [x for x in info.exprs if vs <= x.start and x.end <= le and x.years and not x.vague]
        value = doc.text[vs:le]

        def vote(role: str, year: int | None, w: float, rule: str, span=span) -> None:
            out.append(_Vote(role, year, w, rule, doc, span, info.order_year))

        for x in xs[:1]:
            if kind == "start" or (kind == "period" and x.first is not None):
                vote("start", x.first if x.first is not None else x.years[0], 0.9, "start.field")
            if (
                kind in ("end", "period")
                and x.last is not None
                and (kind == "end" or x.kind == "range")
            ):
                vote("end", x.last, 0.9, "end.field")
            if x.ongoing:
                vote("ongoing", None, 0.8, "ongoing.field")
        if kind in ("status", "period") or not xs:
            if cues.status_ended.search(value):
                vote("past", None, 0.8, "ongoing.field")
            elif cues.status_ongoing.search(value) or cues.cont.search(value):
                vote("ongoing", None, 0.9, "ongoing.field")
    return out


def _refers_back(text: str, ss: int, se: int, cues: _Cues) -> bool:
    """The sentence opens by pointing back ("It ...", "Since they ...", "Projektet ...")."""
    head = " ".join(text[ss:se].split()[:4])
    return bool(cues.anaphora.search(head))


QUOTE_MAX = 400  # characters; a longer sentence (a PDF table, a run-on line) is cut


def _quote_span(ss: int, se: int, a: int, b: int) -> tuple[int, int]:
    """The sentence, or for an overlong one the stretch around what matters in it."""
    if se - ss <= QUOTE_MAX:
        return ss, se
    if b - a > QUOTE_MAX - 100:
        a, b = max(a, b - (QUOTE_MAX - 100)), b
    return max(ss, a - 50), min(se, b + 50)


def _title_span(info: _DocInfo) -> tuple[int, int]:
    if info.blocks:
        s, e = info.blocks[0]
        return s, min(e, s + 200)
    return 0, min(len(info.doc.text), 200)


def _nearest(rx: re.Pattern[str], text: str, pos: int) -> tuple[int, int] | None:
    """(distance, position) of the cue nearest to ``pos`` within ``text``."""
    best = None
    for m in rx.finditer(text):
        d = 0 if m.start() <= pos <= m.end() else min(abs(m.start() - pos), abs(m.end() - pos))
        if best is None or d < best[0]:
            best = (d, m.start())
    return best


def _votes_for_expr(
    info: _DocInfo,
    x: TimeExpr,
    ms: int,
    me: int,
    ss: int,
    se: int,
    sw: float,
    rel: int,
    cues: _Cues,
) -> list[_Vote]:
    text, doc = info.doc.text, info.doc
    same = rel == 0
    direct = True
    # how tightly the expression is tied to the mention
    if same:
        gap = x.start - me if x.start >= me else ms - x.end
        gap = max(gap, 0)
        between = text[min(me, x.end) : max(ms, x.start)]
        tie = 1.0 / (1.0 + gap / 60.0)
        if gap <= 3 and "(" in text[me : x.start + 1]:
            tie = 1.0
        if ";" in between:
            tie *= 0.6
        if _parenthesis_of_another(text, x, ms, me, cues):
            tie *= 0.2
            direct = False
    elif rel == 101 or (rel == 1 and _refers_back(text, ss, se, cues)):
        tie = 0.8  # under the mention's heading, or "It/Den/The project ..." right after it
    else:
        tie, direct = 0.4, False  # a neighbour sentence about something else, perhaps
    around = text[max(ss, x.start - 40) : min(se, x.end + 25)]
    if cues.pronoun.search(around) and not same:
        tie *= 0.6
    w = sw * tie * x.confidence
    # the doc's own year mentioned loosely is weak evidence about the initiative
    if info.year is not None and x.years == (info.year,) and x.kind == "year" and tie < 0.7:
        w *= 0.5
    if w < 0.05:
        return []
    span = _quote_span(
        ss, se, min(x.start, ms) if same else x.start, max(x.end, me) if same else x.end
    )
    v: list[_Vote] = []
    # "X ombildas från och med 2019 till Y": the year dates the new name; a body found
    # under both names was there before, so the year says it was active, not that it began
    renamed = bool(cues.rename.search(text[ss:se]))

    def add(role: str, year: int | None, weight: float, rule: str) -> None:
        if renamed and role == "start":
            role, rule = "active", "active.renamed"
        if weight > 0:
            v.append(_Vote(role, year, round(weight, 6), rule, doc, span, info.order_year, direct))

    # cue words: between mention and expression (same sentence) or near the expression;
    # cue words inside the expression itself ("the end of 2022") do not count
    lo = min(me, x.end) if same else ss
    hi = max(ms, x.start) if same else se
    r0 = max(ss, min(lo, x.start - 40))
    region = (
        text[r0 : x.start] + " " * (x.end - x.start) + text[x.end : min(se, max(hi, x.end + 30))]
    )
    rpos = x.start - r0
    st = _nearest(cues.start, region, rpos)
    en = _nearest(cues.end, region, rpos)
    sentence = text[ss:se]
    ended_here = bool(cues.end.search(sentence[: x.start - ss] + sentence[x.end - ss :]))
    # a cue right next to the expression ties it to the clause's subject
    adjacent = min([c[0] for c in (st, en) if c is not None], default=99) <= 25
    if adjacent and tie < 0.75:
        w = w / max(tie, 1e-6) * (0.75 if same else min(tie, 0.75))
    # a person's career or life, not the initiative's
    if _about_a_person(text, x, ss, se, ms, me, cues):
        w *= 0.25
        direct = False
    # an end later than the document's own date is a plan, not a fact
    future = info.year is not None and x.last is not None and x.last > info.year
    end_factor = 0.3 if future else 1.0
    # a period that runs up to the document's own date ("visits 2001–2005" in a 2005
    # summary) reports on it; it does not say it ended
    if info.year is not None and x.last == info.year and x.kind in ("range", "until") and not en:
        end_factor = 0.25
    if x.kind == "range" and x.first is not None and x.last is not None:
        add("start", x.first, w, "start.range")
        add("end", x.last, w * 0.9 * end_factor, "end.range")
        if future:
            add("ongoing", x.last, w * 0.5, "ongoing.since")
        add("span", x.first, w, "start.range")
    elif x.kind == "since":
        add("start", x.first, w, "start.since")
        if not ended_here:
            add("ongoing", x.first, w * (0.8 if direct else 0.4), "ongoing.since")
    elif x.kind == "from":
        add("start", x.first, w * (1.0 if st else 0.8), "start.since")
    elif x.kind == "until":
        add("end", x.last, w * (1.0 if en else 0.6) * end_factor, "end.until")
    elif x.kind == "rounds":
        for y in x.years:
            add("round", y, w, "active.rounds")
        add("start", x.first, w * 0.8, "start.range")
        add("end", x.last, w * 0.6, "end.range")
    elif x.first is not None:
        near_rounds = cues.rounds.search(region)
        if st and (not en or st[0] <= en[0]):
            add("start", x.first, w * (1.0 if st[0] < 60 else 0.6), "start.cue")
        elif en and (not st or en[0] < st[0]):
            add("end", x.first, w * (1.0 if en[0] < 60 else 0.6) * end_factor, "end.cue")
        else:
            add("active", x.first, w, "start.mention_year")
        if near_rounds:
            add("round", x.first, w * 0.8, "active.round_cue")
        elif same and x.kind == "year" and 0 <= x.start - me <= 2 and not st and not en:
            # "the Letter Review 2009": a year named like an edition may be one round
            add("round", x.first, w * 0.4, "active.edition")
    return v


# ---------------------------------------------------------------- decision


def infer_timeline(mentions: Sequence[Mention], docs: Sequence[Document] = ()) -> Timeline:
    """Start, end, ongoing and rounds of one initiative from the places it is mentioned.

    ``mentions`` are ``(Document, start, end)`` spans of the initiative's name;
    ``docs`` may add the documents that describe it without a located mention
    (used only for their dates). Every decided value carries its evidence.
    """
    cache: dict[int, _DocInfo] = {}
    votes: list[_Vote] = []
    seen: set[tuple[str, int, int]] = set()
    for doc, s, e in sorted(mentions, key=lambda m: (m[0].path, m[1], m[2])):
        if (doc.path, s, e) in seen:
            continue
        seen.add((doc.path, s, e))
        votes.extend(_votes_for_mention(_doc_info(doc, cache), s, e))
    # one vote per (role, year, sentence): repeated mentions in a sentence don't multiply it
    dedup: dict[tuple[str, int | None, str, int, int, str], _Vote] = {}
    for v in votes:
        k = (v.role, v.year, v.doc.path, v.span[0], v.span[1], v.rule)
        if k not in dedup or dedup[k].weight < v.weight:
            dedup[k] = v
    votes = sorted(dedup.values(), key=lambda v: (v.doc.path, v.span, v.role, v.year or 0, v.rule))
    doc_years = [
        y
        for y in (
            _doc_info(d, cache).order_year
            for d in list({id(m[0]): m[0] for m in mentions}.values()) + list(docs)
        )
        if y is not None
    ]
    return _decide(votes, doc_years, mentions, cache)


def _support(votes: list[_Vote], role: str) -> dict[int, float]:
    out: dict[int, float] = defaultdict(float)
    for v in votes:
        if v.role == role and v.year is not None:
            out[v.year] += v.weight
    return dict(out)


def _evidence(votes: Iterable[_Vote], limit: int = 5) -> list[Evidence]:
    best = sorted(votes, key=lambda v: (-v.weight, v.doc.path, v.span))[:limit]
    return [
        make_evidence(
            v.doc.text,
            v.doc.path,
            v.span[0],
            v.span[1],
            f"rule:timeline.{v.rule}",
            min(1.0, v.weight),
        )
        for v in best
    ]


def _decide(
    votes: list[_Vote],
    doc_years: list[int],
    mentions: Sequence[Mention],
    cache: dict[int, _DocInfo],
) -> Timeline:
    ev: dict[str, list[Evidence]] = {}
    conf: dict[str, float] = {}
    # ---- start
    # direct ties decide when there are any; nearby sentences only fill the gap
    tier, floor = [v for v in votes if v.direct], MIN_SUPPORT
    # a renaming's year bounds the start from above; it does not stop nearby sentences
    # that say when the body itself began from being heard
    dated = [v for v in tier if v.rule != "active.renamed"]
    if not _support(tier, "start") and not _support(dated, "active"):
        tier, floor = votes, INDIRECT_MIN_SUPPORT
    start_sup = _support(tier, "start")
    active_sup = _support(tier, "active")
    start: int | None = None
    if start_sup:
        top = max(start_sup.values())
        ok = [y for y, w in start_sup.items() if w >= max(floor, SUPPORT_RATIO * top)]
        if ok:
            start = min(ok)
    if start is None and active_sup:
        top = max(active_sup.values())
        ok = [y for y, w in active_sup.items() if w >= max(floor, SUPPORT_RATIO * top)]
        if ok:
            start = min(ok)
            # a year the text speaks of as a repeat ("the second round, 2014") was not
            # the first: an earlier year tied to the name as closely starts it
            if any(
                v.role == "round" and v.rule == "active.round_cue" and v.year == start
                for v in votes
            ):
                start = min([y for y, w in active_sup.items() if w >= floor], default=start)
            conf["start"] = min(0.6, active_sup[start])
            ev["start"] = _evidence(v for v in tier if v.role == "active" and v.year == start)
    elif start is not None:
        total = sum(start_sup.values())
        conf["start"] = round(
            min(1.0, start_sup[start]) * (0.5 + 0.5 * start_sup[start] / total), 4
        )
        ev["start"] = _evidence(v for v in tier if v.role == "start" and v.year == start)
    # ---- rounds
    # editions ("the Panel 2009") count only where something speaks of rounds at all
    round_votes = [v for v in votes if v.role == "round"]
    if all(v.rule == "active.edition" for v in round_votes):
        round_votes = []
    round_sup = _support(round_votes, "round")
    rounds = sorted(y for y, w in round_sup.items() if w >= MIN_SUPPORT)
    active_years: list[int] = []
    if len(rounds) >= 2 and any(b - a > 1 for a, b in zip(rounds, rounds[1:], strict=False)):
        if start is not None and start < rounds[0] and start not in rounds:
            rounds = [start, *rounds]
        active_years = rounds
        ev["active_years"] = _evidence(
            (v for v in votes if v.role == "round" and v.year in set(rounds)), limit=8
        )
        conf["active_years"] = round(min(1.0, min(round_sup.get(y, 0.3) for y in rounds) + 0.3), 4)
        if start is None or start > rounds[0]:
            start = rounds[0]
            ev.setdefault("start", ev["active_years"][:2])
            conf.setdefault("start", conf["active_years"])
    # ---- end and ongoing
    end_sup = {y: w for y, w in _support(votes, "end").items() if start is None or y >= start}
    end: int | None = None
    if end_sup:
        ok = [y for y, w in end_sup.items() if w >= MIN_SUPPORT]
        if ok:
            end = max(ok)
    # a later round shows it had not ended
    if active_years and (end is None or end < active_years[-1]):
        end = active_years[-1]
    latest_doc = max(doc_years) if doc_years else None
    # an end every source gives as a plan ("the approach for 2022-2025"), with no
    # document written after it, is not a fact: the initiative is still running
    planned = False
    if end is not None and not active_years and (latest_doc is None or latest_doc < end):
        said = [v.doc_year for v in votes if v.role == "end" and v.year == end]
        planned = bool(said) and all(d is not None and d < end for d in said)
        if planned:
            end = None
    ongoing_votes = [v for v in votes if v.role in ("ongoing", "present")]
    past_votes = [v for v in votes if v.role == "past"]

    def later_than(v: _Vote, y: int | None) -> bool:
        """Said after year ``y``: in a later document, or about a later (planned) year."""
        if y is None:
            return True
        said = v.doc_year
        if v.year is not None and said is not None and v.year > said:
            said = v.year
        return said is not None and said > y

    ong_w = sum(v.weight for v in ongoing_votes if later_than(v, end))
    # present tense in the latest document that mentions it (all of them when undated)
    late = [v for v in ongoing_votes if v.role == "present" and v.doc_year == latest_doc]
    late_past = [v for v in past_votes if v.doc_year == latest_doc]
    if active_years:
        # the present tense in the year of the last round describes that round
        late = [v for v in late if later_than(v, end)]
    ong_w += 0.2 * (len(late) - len(late_past))
    # a fact box that says "Status: completed" outweighs tense and cue words
    ong_w -= sum(v.weight for v in past_votes if v.rule == "ongoing.field")
    ongoing = planned or (ong_w >= ONGOING_MIN and (end is None or ong_w > end_sup.get(end, 0.0)))
    if ongoing:
        ev["ongoing"] = _evidence(v for v in ongoing_votes if later_than(v, end))
        conf["ongoing"] = round(min(1.0, ong_w), 4)
        if end is not None and not active_years:
            end = None
    if end is not None and not ongoing:
        ev["end"] = _evidence(v for v in votes if v.role == "end" and v.year == end) or _evidence(
            v for v in round_votes if v.year == end
        )
        conf["end"] = round(min(1.0, end_sup.get(end, 0.3)), 4)
    if ongoing and active_years:
        end = None
    return Timeline(start, end if not ongoing else None, ongoing, active_years, ev, conf)
