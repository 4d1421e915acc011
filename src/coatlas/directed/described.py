"""Step 1a, third pass: initiatives the documents describe instead of naming.

Two kinds recur in organisations' documents without a proper name (issue 8, "names
that don't look like names" and "initiatives without a proper name"):

* a local effort known by its method and place: "co-design of the fracture clinic at
  X", "förbättringsgruppen på dialysen i X". The description is its name; it is
  written the same way wherever it recurs (cue "described");
* patients' stories told to a governing body: "every public Board meeting opens with
  a carer's story", "sammanträdet inleds med en anhörigberättelse". The practice is the
  organisation's initiative even when it has no name of its own (cue "practice", as
  the codebook's practice terms).

Both are only candidates: recurrence and involvement go through the scorer and the
PPE test like any name. Vocabulary (activities, care units, governing meetings, story
nouns) is lang data: ``place_activities``, ``place_units``, ``governing_meetings``,
``story_practice_names`` and ``story_not_names`` in lang/<xx>/initiatives.yaml.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from coatlas.directed.lexicon import lexicons
from coatlas.directed.mentions import Mention, norm_key
from coatlas.document import Document
from coatlas.text.sentences import document_sentences, sentence_at

_SV_ENDINGS = r"(?:en|et|n|t|na|er|erna|ar|arna|ens|ets)?"
_EN_ENDINGS = r"(?:s|es)?"


@dataclass(frozen=True)
class _Vocab:
    place: re.Pattern[str] | None
    units: tuple[str, ...]  # word endings naming a care unit (compounds count)
    meetings: re.Pattern[str] | None
    stories: re.Pattern[str] | None
    not_stories: frozenset[str]


def _alternation(words: list[str], endings: str) -> str:
    forms = sorted({re.escape(str(w).lower()).replace(r"\ ", r"[ \t]+") for w in words}, key=len)
    return "(?:" + "|".join(reversed(forms)) + ")" + endings


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    lx = lexicons()

    def raw(lang: str, key: str) -> list[str]:
        return [str(w) for w in (lx[lang].raw.get(key) or [])] if lang in lx else []

    acts = [
        _alternation(raw(lang, "place_activities"), ends)
        for lang, ends in (("sv", _SV_ENDINGS), ("en", _EN_ENDINGS))
        if raw(lang, "place_activities")
    ]
    place = None
    if acts:
        units = r"\w*" + _alternation(raw("en", "place_units") + raw("sv", "place_units"), r"\w*")
        low = r"[a-zåäöéü][\w-]*"
        cap = r"[A-ZÅÄÖÉ][\w-]+"
        place = re.compile(
            r"(?<![\w-])(?P<act>(?i:" + "|".join(acts) + r"))"
            # "of the new maternity unit", "av förlossningsavdelningen"
            r"(?P<obj>[ \t]+(?:of|av|för)[ \t]+(?:(?:the|den|det|nya|new)[ \t]+)?"
            + low
            + r"(?:[ \t]+"
            + low
            + r"){0,2}?)?"
            r"[ \t]+(?:at|in|on|på|i|vid)[ \t]+"
            # "the fracture clinic at X", "dialysen i X", "X vårdcentral"
            r"(?P<place>(?:the[ \t]+)?(?:"
            + low
            + r"[ \t]+){0,2}?(?:(?:at|in|på|i|vid)[ \t]+)?"
            + cap
            + r"(?:[ \t]+(?:"
            + cap
            + "|"
            + units
            + r"))?)(?![\w-])"
        )
    meet = raw("en", "governing_meetings") + raw("sv", "governing_meetings")
    meetings = (
        re.compile(r"(?<![\w-])\w*" + _alternation(meet, r"\w*") + r"(?![\w-])", re.IGNORECASE)
        if meet
        else None
    )
    names_en = raw("en", "story_practice_names")
    names_sv = raw("sv", "story_practice_names")
    alts = []
    if names_en:
        alts.append(_alternation(names_en, ""))
    if names_sv:
        alts.append(r"\w*" + _alternation(names_sv, r"(?:n|r|rna|ns|rnas)?"))
    stories = (
        re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.IGNORECASE)
        if alts
        else None
    )
    units = tuple(
        sorted({w.lower() for lang in ("en", "sv") for w in raw(lang, "place_units")}, key=len)
    )
    not_stories = frozenset(
        w.lower() for w in raw("sv", "story_not_names") + raw("en", "story_not_names")
    )
    return _Vocab(place, units, meetings, stories, not_stories)


def _names_unit(words: str, units: tuple[str, ...]) -> bool:
    for w in re.findall(r"[\w-]+", words.lower()):
        stem = re.sub(r"(?:en|et|n|na|erna|s)$", "", w)
        if any(w.endswith(u) or stem.endswith(u) for u in units):
            return True
    return False


def _covered(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x <= a and b <= y for x, y in spans)


# between a name and a description of it: "(the Y) was an experience-based", "är ett"
_PREDICATE = re.compile(
    r"(?i)[ \t]*(?:\([^()\n]{1,60}\)[ \t]*)?,?[ \t]*(?:was|is|has been|had been|var|är|"
    r"blev|har varit)[ \t]+(?:(?:an?|the|ett|en)[ \t]+)?(?:[\w-]+[ \t]+){0,3}"
)


def place_activity_mentions(docs: Sequence[Document], mentions: Sequence[Mention]) -> list[Mention]:
    """ "<activity> [of <unit>] at <Place>" where the description names a care unit: a
    local effort known by its method and place. Every place a document writes it is a
    mention (cue "described"); a span an earlier cue already took whole is left to it."""
    v = _vocab()
    if v.place is None:
        return []
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for m in mentions:
        taken[m.document].append((m.start, m.end))
    out: list[Mention] = []
    for doc in docs:
        spans = None
        for mm in v.place.finditer(doc.text):
            if not _names_unit((mm.group("obj") or "") + " " + mm.group("place"), v.units):
                continue
            if _covered(taken[doc.path], mm.start(), mm.end()):
                continue
            # "X (the Y) was an experience-based co-design project at Z": the description
            # says what a name is; it is that initiative, not another
            if any(
                e <= mm.start() and _PREDICATE.fullmatch(doc.text, e, mm.start())
                for _, e in taken[doc.path]
            ):
                continue
            spans = spans or document_sentences(doc)
            sent = sentence_at(spans, mm.start()) or (mm.start(), mm.end())
            surface = mm.group()
            out.append(
                Mention(
                    doc.path, mm.start(), mm.end(), surface, norm_key(surface), doc.language,
                    {"described"}, "project", False, False, sent,
                )
            )  # fmt: skip
    return out


def _story_key(surface: str) -> str:
    """One key for a story noun's forms: "Carer Stories" ~ "carer story",
    "Anhörigberättelsen" ~ "anhörigberättelse"."""
    k = norm_key(re.sub(r"['’]s\b", "", surface))
    k = re.sub(r"berättelse(?:n|r|rna|ns)?$", "berättelse", k)
    k = re.sub(r"stories$", "story", k)
    k = re.sub(r"narratives$", "narrative", k)
    return k


def _proper_sv(text: str, sent_start: int, start: int, surface: str) -> bool:
    """A capitalised Swedish story noun in mid-sentence begins a name (Swedish
    capitalises only proper nouns); at the sentence's start it is any noun."""
    if not surface[:1].isupper() or "berättelse" not in surface.lower():
        return False
    return bool(re.search(r"[^\W\d_]", text[sent_start:start]))


def _takes_part(
    text: str,
    span: tuple[int, int],
    stories: list[re.Match[str]],
    ppe_hits: Callable[..., list[Any]],
) -> bool:
    """Persons with patient experience take part in the sentence, the story nouns aside:
    "a carer story" names the practice, it does not say who told one; "a patient's
    story" does (the possessive names the teller)."""
    seg = text[span[0] : span[1]]
    for h in stories:
        if re.search(r"['’]s\b", h.group()):
            continue
        seg = seg[: h.start()] + " " * (h.end() - h.start()) + seg[h.end() :]
    return any(h.score >= 1.0 for h in ppe_hits(seg, 0, len(seg)))


def governing_story_mentions(
    docs: Sequence[Document], mentions: Sequence[Mention]
) -> list[Mention]:
    """Patients' stories told to a governing body, named by the practice's noun ("patient
    story", "patientberättelse") where a sentence names a board's or committee's meeting.
    Persons with patient experience take part in that sentence or in a neighbouring one
    about the same meetings (cue "practice"); elsewhere the noun is a repeat. A document
    that gives the practice a name (another candidate's name in such a sentence) is left
    to that name."""
    from coatlas.codebook import load_codebook
    from coatlas.codebook.match import lexicon as codebook_lexicon
    from coatlas.directed.ppe import ppe_hits

    v = _vocab()
    if v.meetings is None or v.stories is None:
        return []
    lx = codebook_lexicon(load_codebook())
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.document].append(m)
    involved: list[Mention] = []
    elsewhere: list[Mention] = []
    for doc in docs:
        text = doc.text
        if not v.stories.search(text) or not v.meetings.search(text):
            continue
        spans = document_sentences(doc)
        about: list[int] = []  # sentences naming a governing meeting and a story
        found: dict[int, list[re.Match[str]]] = {}
        for i, (a, b) in enumerate(spans):
            seg = text[a:b]
            hits = [
                h
                for h in v.stories.finditer(seg)
                if norm_key(h.group()).split()[-1] not in v.not_stories
            ]
            if hits and v.meetings.search(seg):
                about.append(i)
                found[i] = hits
        if not about:
            continue
        # a neighbouring sentence about the same meetings may say who tells the stories
        # ("the board invited patients to tell ... . The stories still open its meetings.")
        near = set(about)
        for j in {j for i in about for j in (i - 1, i + 1)} - near:
            if (
                0 <= j < len(spans)
                and v.meetings.search(text[spans[j][0] : spans[j][1]])
                and any(
                    h.code == "storytelling" and h.kind == "term" for h in lx.find(text, *spans[j])
                )
            ):
                near.add(j)
        names = [m for m in by_doc[doc.path] if m.cues - {"repeat", "anaphor"}]
        if any(
            spans[i][0] <= m.start and m.end <= spans[i][1]
            and not v.meetings.fullmatch(m.surface.split()[-1])
            and not v.stories.fullmatch(m.surface)
            for i in near
            for m in names
        ):  # fmt: skip
            continue  # the practice has a name here
        takes = {i: _takes_part(text, spans[i], found.get(i, []), ppe_hits) for i in near}
        for i in about:
            by = [i] if takes[i] else [j for j in (i - 1, i + 1) if takes.get(j, False)][:1]
            part = bool(by)
            a, _ = spans[i]
            # the evidence is the sentence and the one that says who tells the stories
            sent = (
                min([spans[i][0], *(spans[j][0] for j in by)]),
                max([spans[i][1], *(spans[j][1] for j in by)]),
            )
            for h in found[i]:
                s, e = a + h.start(), a + h.end()
                if _proper_sv(text, a, s, h.group()):
                    continue  # "inom Berättelsen vid bordet": part of a name
                if any(m.start < e and s < m.end for m in by_doc[doc.path]):
                    continue
                (involved if part else elsewhere).append(
                    Mention(
                        doc.path, s, e, h.group(), _story_key(h.group()), doc.language,
                        {"practice", "described"} if part else {"repeat"}, "practice", False, False,
                        sent,
                    )
                )  # fmt: skip
    keys = {m.key for m in involved}
    return involved + [m for m in elsewhere if m.key in keys]
