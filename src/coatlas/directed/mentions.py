"""Step 1a: find phrases that NAME an initiative, with their offsets.

Names in these corpora are rarely tidy proper nouns: Swedish writes them as
definite compounds ("X-panelen"), often uncapitalised, English as a modifier +
head noun ("user panel"), and both gloss each other in parentheses.  So a
mention is found by several weak, generic cues (head nouns, cue nouns such as
"the pilot X", naming verbs, parentheses, quotes, document titles); the
resolver (``resolve.py``) later weighs the cues over the whole corpus.
Every mention keeps ``start``/``end`` into ``Document.text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import simplemma

from coatlas.directed.lexicon import Lexicon, lexicons
from coatlas.lang.names import is_given_name, is_job_title, looks_like_person
from coatlas.text.sentences import sentence_spans

WORD = re.compile(r"[^\W\d_](?:\w|[-‐'’](?=\w))*|\d+(?:[-–]\d+)?", re.UNICODE)
QUOTES = re.compile(r"[\"“”„«»]([^\"“”„«»\n]{2,60})[\"“”„«»]")
# 'X Y' / ‘X Y’: single quotes only around a capitalised phrase (not an apostrophe)
SQUOTES = re.compile(r"(?<!\w)['‘]([A-ZÅÄÖ][^'‘’\n]{1,58}?[^\s'‘’])['’](?!\w)")
PAREN = re.compile(r"\(([^()\n]{2,70})\)")
ARTICLES = ("the ", "a ", "an ", "den ", "det ", "de ", "en ", "ett ")
MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "januari",
        "februari",
        "mars",
        "maj",
        "juni",
        "juli",
        "augusti",
        "oktober",
        "page",
        "sida",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    ]
)


@dataclass(frozen=True, slots=True)
class Tok:
    start: int
    end: int
    text: str

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        return len(self.text) >= 2 and self.text.isupper() and self.text.isalpha()


def _names_a_person(before: str) -> bool:
    """Whether the words before a naming verb are a job title or a person's relation
    ("a physiotherapist called", "en sköterska som heter"): the name is a person's."""
    words = re.findall(r"[^\W\d_]+", before[-60:])
    if words and words[-1] == "som":  # "en sköterska som heter"
        words = words[:-1]
    return any(is_job_title(" ".join(words[-n:])) for n in (1, 2) if len(words) >= n)


@dataclass(slots=True)
class Mention:
    document: str
    start: int
    end: int
    surface: str
    key: str
    lang: str  # language of the name itself: "sv", "en" or "und"
    cues: set[str] = field(default_factory=set)
    kind: str = "initiative"
    role: bool = False
    capitalised: bool = False  # capitalised NOT merely because it starts a sentence
    sentence: tuple[int, int] = (0, 0)

    def sort_key(self) -> tuple[str, int, int]:
        return (self.document, self.start, self.end)


# a compound's first part whose head is given once for two ("Patient- och närståenderådet",
# "user- and carer-led"): never a name on its own
_ELIDED = re.compile(r"-[ \t]+(?:och|eller|samt|and|or|&)[ \t]")
_ELIDED_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]{3,})-[ \t]+(?:och|eller)[ \t]+$")


@dataclass(frozen=True, slots=True)
class Link:
    """Evidence that two names denote one initiative (parenthesis, rename, gloss)."""

    a: str
    b: str
    reason: str
    document: str
    start: int
    end: int


# --------------------------------------------------------------------------- text


def tokens(text: str, start: int, end: int) -> list[Tok]:
    return [
        Tok(start + m.start(), start + m.end(), m.group()) for m in WORD.finditer(text[start:end])
    ]


# between a short form in capitals and the name it stands for
_APPOSITION_GAP = re.compile(r"(?:,[ \t]+(?:the|den|det)[ \t]+|[ \t]+[–—][ \t]+)")


def _joined_or_elided(text: str, a: Tok, b: Tok) -> bool:
    """Joined, or an elided compound's first part before "och"/"and": "patient- och
    invånarinflytande" spells P and N."""
    return _joined(text, a, b) or (
        _gap(text, a, b) in ("- ", "‐ ") and b.low in ("och", "eller", "and", "or")
    )


def _gap(text: str, a: Tok, b: Tok) -> str:
    return text[a.end : b.start]


def _joined(text: str, a: Tok, b: Tok) -> bool:
    """True when only spaces (or a soft line wrap) separate two tokens."""
    g = _gap(text, a, b)
    if g in ("' ", "’ ") and a.low.endswith("s"):
        return True  # plural possessive: "Citizens' Panel"
    if g == "–" and a.text[:1].isupper() and b.text[:1].isupper():
        return True  # two places' names an en dash joins: "Lerby–Holmfield Exchange"
    if g.strip() != "" or g.count("\n") > 1:
        return False
    if "\n" in g and b.text[:1].isupper():
        # a line break before a capital joins only a soft-wrapped long line
        line_start = text.rfind("\n", 0, a.start) + 1
        return 60 <= a.end - line_start <= 110
    return True


# ------------------------------------------------------------------------ keys


def _lemma_token(tok: str, lex: dict[str, Lexicon]) -> str:
    en = lex["en"]
    if tok in en.heads:
        return en.heads[tok].lemma
    sv = lex["sv"]
    best = None
    for form, h in sv.heads.items():
        if tok.endswith(form) and (best is None or len(form) > len(best[0])):
            best = (form, h)
    if best is not None:
        return tok[: len(tok) - len(best[0])] + best[1].lemma
    for ending, lemma in _noun_endings(lex):
        if tok.endswith(ending) and len(tok) - len(ending) >= sv.min_prefix:
            return tok[: len(tok) - len(ending)] + lemma
    return tok


def _noun_endings(lex: dict[str, Lexicon]) -> list[tuple[str, str]]:
    endings = lex["sv"].raw.get("noun_endings") or {}
    return sorted(((str(k), str(v)) for k, v in endings.items()), key=lambda kv: -len(kv[0]))


@lru_cache(maxsize=1)
def _leading_modifiers() -> tuple[str, ...]:
    """Words before a name that say who, not what ("former Youth Ambassadors"): lang data."""
    return tuple(
        sorted(
            {
                str(w).lower() + " "
                for g in lexicons().values()
                for w in g.raw.get("name_leading_modifiers") or []
            },
            key=len,
            reverse=True,
        )
    )


def norm_key(surface: str) -> str:
    """Case-, article-, hyphen- and inflection-insensitive key of a name."""
    lex = lexicons()
    s = surface.lower().strip(" \"“”'’«»")
    s = re.sub(r"[-‐–—/_]", " ", s)
    s = re.sub(r"[^\w\s]", "", s)
    s = re.sub(r"\s+", " ", s).strip()
    changed = True
    while changed:
        changed = False
        for art in ARTICLES + _leading_modifiers():
            if s.startswith(art) and len(s) > len(art) + 2:
                s = s[len(art) :]
                changed = True
    toks = s.split()
    if toks:
        last = _lemma_token(toks[-1], lex)
        if last != toks[-1] and len(toks) > 1:
            # "brukarstyrda inläggningar": the adjective agrees with a plural noun
            agree = tuple(str(a) for a in lex["sv"].raw.get("adjective_agreement") or [])
            toks[:-1] = [
                t[:-1] if agree and t.endswith(agree) and len(t) > 4 else t for t in toks[:-1]
            ]
        toks[-1] = last
    return " ".join(toks)


# prepositions that end a name's head ("Tea with the Board", "Brukare i styrelsen")
_HEAD_PREPOSITIONS = frozenset(
    {"at", "in", "on", "for", "of", "with", "to", "i", "på", "vid", "för", "hos", "med", "av"}
)


def is_org_key(key: str) -> bool:
    """'region x', 'x clinic', 'x unit', 'x director', 'x report': not initiatives."""
    lx = lexicons()
    org = lx["en"].org_heads | lx["sv"].org_heads
    tails = {str(w).lower() for g in lx.values() for w in g.raw.get("not_name_tails", []) or []}
    toks = key.split()
    if not toks:
        return False
    # "tea with the board": the organisation word after a preposition is where the
    # thing happens; the head is before the preposition
    at = next((i for i, t in enumerate(toks[1:-1], 1) if t in _HEAD_PREPOSITIONS), None)
    last = toks[at - 1] if at is not None else toks[-1]
    return toks[0] in org or last in org or last in tails


_NAME_THEN_ACRONYM = re.compile(r"([^\d,;()]{3,60}?),\s*([A-ZÅÄÖ][A-ZÅÄÖ&]{1,6}s?)\s*$")
_NAME_THEN_YEARS = re.compile(
    r"([^\d,;()]{3,60}?),\s*(?:(?:since|from|sedan|från)\s+)?(?:19|20)\d\d"
    r"(?:\s*[–-]\s*(?:(?:19|20)?\d\d)?)?\s*$"
)


def _coined_capitals(word: str) -> str | None:
    """The capitals of a coined name written in mixed case ("MeDi-Lab" -> "MDL",
    "KoKoA"): a capital right after a small letter marks the word's parts, as an
    acronym's letters do. None for ordinary words and hyphenated given names."""
    caps = re.sub(r"[^A-ZÅÄÖ]", "", word)
    if not 3 <= len(caps) <= 6 or re.search(r"[a-zåäö][A-ZÅÄÖ]", word) is None:
        return None
    return caps


def _spells(acr: str, words: list[str], skip: frozenset[str], ai: int = 0) -> bool:
    """Do ``words`` spell ``acr`` from letter ``ai`` on? Every word gives its initial (a
    word in ``skip`` may give it or not) and may give more letters from inside it, in
    order (Schwartz & Hearst's rule, every content word required to count)."""
    if not words:
        return ai == len(acr)
    w, rest = words[0], words[1:]
    if w.lower() in skip and _spells(acr, rest, skip, ai):
        return True
    if ai >= len(acr) or w[:1].upper() != acr[ai]:
        return False
    # the word's own initial, then any number of letters found later in it
    for n in range(len(acr) - ai, 0, -1):
        pos, ok = 1, True
        for ch in acr[ai + 1 : ai + n]:
            pos = w.upper().find(ch, pos) + 1
            if pos == 0:
                ok = False
                break
        if ok and _spells(acr, rest, skip, ai + n):
            return True
    return False


@lru_cache(maxsize=1)
def _sv_seasons() -> frozenset[str]:
    """Swedish season words of five letters or more (lang data ``seasons`` in
    time.yaml): "våren", "höstterminen"; "vt" and "höst" are too short to be sure of."""
    from coatlas.text.years import load_time_lexicon

    return frozenset(
        w.lower()
        for w in load_time_lexicon("sv").get("seasons") or {}
        if " " not in w and len(w) >= 5
    )


@lru_cache(maxsize=4096)
def _sv_present_verb(low: str) -> bool:
    """A Swedish present-tense verb ("består", "arbetar", "leder"): after "och" it starts
    a new clause, not a second noun of a name ("Rådet för unga och består av ...").
    The lemma is the form without its -r or -s (-ar, -år, -or, -ör, -as: "arbeta",
    "bestå", "träffa") or without -er plus -a ("leda"); nouns in -er make their lemma
    otherwise ("patient")."""
    if len(low) < 3 or low[-1] not in "rs":
        return False
    lemma = simplemma.lemmatize(low, lang="sv").lower()
    if lemma == low:
        return False
    if low[-2:] in ("ar", "år", "or", "ör", "as") and lemma == low[:-1]:
        return True  # "arbetar", "består", "träffas"
    return low.endswith("er") and lemma == low[:-2] + "a"


# pronouns and small words between a naming verb and the name ("we call it X")
_NAMING_SKIP = frozenset(
    {"it", "we", "they", "vi", "den", "det", "sig", "ourselves", "themselves", "itself",
     "the", "to", "till", "om", "ofta", "often"}
)  # fmt: skip

# prepositions a named lower-case phrase may go on over ("kallas X i Y", "called X of Y")
_NAME_PREPOSITIONS = frozenset(
    {"i", "av", "på", "vid", "för", "med", "of", "in", "at", "for", "with"}
)

# small words inside a title-case name ("Care for Carers", "Walk with Ease")
_NAME_CONNECTORS = frozenset({"after", "for", "of", "with", "and", "on", "in", "at", "to"})


# ---------------------------------------------------------------------- finder


_ROLE_ENDINGS = ("", "s", "n", "en", "na", "ar", "arna", "er", "erna", "e", "a")


# ", its X" / ", vår X": an apposition that gives the organisation's own name for it
_OWN_APPOSITION = re.compile(r",\s+(?:its|their|our|vår|vårt|sin|sitt|deras)\s+", re.IGNORECASE)

# organisation words that may head a body persons with patient experience sit on
_MEMBER_HEADS = frozenset({"group", "groups", "committee", "committees", "council"})


def _members_take_part(text: str, sent: tuple[int, int]) -> bool:
    """The sentence says persons with patient experience take part (not only served)."""
    from coatlas.directed.ppe import ppe_hits

    a, b = sent
    return b > a and any(h.score >= 1.0 for h in ppe_hits(text, a, b))


def _inflected(low: str, words: tuple[str, ...]) -> bool:
    """Is ``low`` one of ``words`` with at most a plural or definite ending?"""
    stems = [*words, *(w[:-1] for w in words if w.endswith("e"))]  # "-företrädarna"
    return any(low.startswith(w) and low[len(w) :] in _ROLE_ENDINGS for w in stems)


# ", som sedan januari 2019", ", which until 2019 was": what may stand between a name and
# the naming verb of a relative clause that renames it
_RELATIVE_RENAME = re.compile(r"\s*,\s*(?:som|which|that)\b[^.;:()\n]{0,30}?\s*", re.IGNORECASE)


class MentionFinder:
    """Find candidate initiative names in one document (both languages' cues)."""

    def __init__(self) -> None:
        self.lex = lexicons()
        en, sv = self.lex["en"], self.lex["sv"]
        self.stop = en.stopwords | sv.stopwords | MONTHS
        self.org = en.org_heads | sv.org_heads
        # words of an organisation's own name ("NHS", "Trust", "Board"): not a body of members
        self.org_words = frozenset(
            str(w).lower() for g in (en, sv) for w in g.raw.get("org_name_words") or []
        )
        self.ppe = tuple(sorted({*en.ppe_actors, *sv.ppe_actors}))
        self.tails = frozenset(
            str(w).lower() for lx in (en, sv) for w in lx.raw.get("not_name_tails", []) or []
        )
        # "Projekt X": capitalised right before a name, the noun is part of it
        self.not_paren = frozenset(
            str(w).lower() for lx in (en, sv) for w in lx.raw.get("paren_not_names", []) or []
        )
        self.prefix_nouns = frozenset(str(w).lower() for w in sv.raw.get("name_prefix_nouns") or [])
        self.cue_nouns = en.cue_nouns | sv.cue_nouns
        self.sv_cue_suffixes = tuple(sorted(sv.cue_nouns, key=len, reverse=True))
        self.adjectival_naming: dict[str, frozenset[str]] = {
            str(c).lower(): frozenset(str(w).lower() for w in ws)
            for g in self.lex.values()
            for c, ws in (g.raw.get("adjectival_naming_cues") or {}).items()
        }
        self.topic_nouns = frozenset(
            str(w).lower() for g in self.lex.values() for w in g.raw.get("topic_nouns") or []
        )
        self.naming = tuple(
            sorted(set(en.naming_cues) | set(sv.naming_cues), key=len, reverse=True)
        )
        leads = sorted(
            {
                str(w).lower()
                for g in self.lex.values()
                for w in g.raw.get("gloss_language_leads") or []
            },
            key=lambda w: (-len(w), w),
        )
        verbs = sorted(
            {
                str(w).lower()
                for g in self.lex.values()
                for w in g.raw.get("quote_naming_verbs") or []
            }
        )
        self._quote_naming = re.compile(
            r"(?<!\w)(?:"
            + ("|".join(re.escape(w) for w in verbs) or "(?!)")
            + r")(?:\s+[\w-]+){0,3}\s*$"
        )
        self._gloss_lead = re.compile(
            r"(?i)(?:" + ("|".join(re.escape(w) for w in leads) or "(?!)") + r")\s*[:,]\s*"
        )
        # "hette tidigare X", "was formerly called X": the adverb is not part of the name
        self.naming_adverbs = frozenset(
            str(w).lower() for g in self.lex.values() for w in g.raw.get("naming_adverbs") or []
        )
        self.alias_cues = tuple(
            sorted(set(en.alias_cues) | set(sv.alias_cues), key=len, reverse=True)
        )
        # each cue as a whole-word pattern, compiled once (built per sentence they cost a
        # third of the finder's time), with the words a sentence must hold to match it
        self._naming_rx = tuple(
            (c, re.compile(r"(?<!\w)" + re.escape(c) + r"(?!\w)")) for c in self.naming
        )
        alias_rx = []
        for c in self.alias_cues:
            pat, need = re.escape(c), (c,)
            if c in ("started as", "startade som"):
                w0, w1 = c.split()
                pat, need = re.escape(w0) + r"(?:\s+[\w-]+){0,4}?\s+" + re.escape(w1), (w0, w1)
            elif c == "i stället":
                # "heter X i stället Y" renames; "Y i stället för X" replaces
                pat += r"(?!\s+för\b)"
            alias_rx.append((c, need, re.compile(r"(?<!\w)" + pat + r"(?!\w)")))
        self._alias_rx = tuple(alias_rx)
        self._cue_lead = re.compile(
            r"(?i)(?:(?:"
            + "|".join(re.escape(c) for c in self.alias_cues + self.naming)
            + r")\s+)+"
        )
        self._sv_heads: dict[str, Any] = {}  # _sv_head by lower-cased word
        acr_cues = sorted(
            {
                str(w).lower()
                for g in self.lex.values()
                for w in g.raw.get("acronym_definition_cues") or []
            },
            key=lambda w: (-len(w), w),
        )
        self._acr_defined = re.compile(
            r"([A-ZÅÄÖ]{3,6})[ \t]+(?i:"
            + ("|".join(re.escape(w).replace(r"\ ", r"\s+") for w in acr_cues) or "(?!)")
            + r")[ \t]+"
        )
        self.sv_forms = sorted(sv.heads.items(), key=lambda kv: -len(kv[0]))
        self.ppe_prefixes = tuple(str(p).lower() for p in sv.raw.get("ppe_prefixes") or [])
        self.sv_body_heads = frozenset(str(p).lower() for p in sv.raw.get("ppe_body_heads") or [])
        # endings that make a capitalised PPE compound something other than a name of an
        # effort: an adjective or participle, a law, an organisation
        self.ppe_name_stop = tuple(
            sorted({str(w).lower() for w in sv.raw.get("ppe_name_stop_endings") or []})
        )
        self.en_body_heads = frozenset(
            str(p).lower() for p in en.raw.get("ppe_body_heads") or [] if " " not in str(p)
        )
        # two-word heads ("reference group"): the members' modifier comes before both
        self.en_body_heads2 = frozenset(
            tuple(str(p).lower().split())
            for p in en.raw.get("ppe_body_heads") or []
            if " " in str(p)
        )
        # a word for a slogan: what follows it, to the end of the clause, names a programme
        # "X, usually shortened to XY", "X, förkortat XY": the acronym after the cue
        abbrev = sorted(
            {str(c) for g in (en, sv) for c in g.raw.get("abbreviation_cues") or []},
            key=lambda c: (-len(c), c),
        )
        self.abbreviation_cues = (
            re.compile(
                r"(?i)(?<!\w)(?:" + "|".join(map(re.escape, abbrev)) + r")\s+(?=[A-ZÅÄÖ]{2,6}\b)"
            )
            if abbrev
            else None
        )
        verbs = sorted(
            {str(w).lower() for g in (en, sv) for w in g.raw.get("founding_verbs") or []},
            key=lambda w: (-len(w), w),
        )
        auxes = sorted(
            {str(w).lower() for g in (en, sv) for w in g.raw.get("founding_auxiliaries") or []},
            key=lambda w: (-len(w), w),
        )
        # "<Name> (was) started ... 2018": the subject of a founding verb, a year after it
        self._founding = (
            re.compile(
                r"(?i)[ \t]+(?:(?:" + "|".join(map(re.escape, auxes)) + r")[ \t]+)*"
                r"(?:"
                + "|".join(re.escape(v).replace(r"\ ", r"[ \t]+") for v in verbs)
                + r")(?!\w)(?=[^.;:!?\n]{0,60}?(?<!\d)(?:19|20)\d\d(?!\d))"
            )
            if verbs
            else None
        )
        # kinds whose bare Swedish head may come first, before the name ("Familjen X")
        self.head_first_kinds = frozenset(str(k) for k in sv.raw.get("head_first_kinds") or [])
        self.slogan_words = frozenset(
            str(w).lower() for g in (en, sv) for w in g.raw.get("slogan_function_words") or []
        )
        self.slogan_nouns = frozenset(
            str(w).lower() for g in (en, sv) for w in g.raw.get("slogan_nouns") or []
        )
        self.involvement_stems = tuple(
            sorted({str(w).lower() for g in (en, sv) for w in g.raw.get("involvement_stems") or []})
        )
        from coatlas.lang.names import lived_experience_roles

        self.le_roles = tuple(sorted(w for w in lived_experience_roles("sv") if " " not in w))
        self.en_body_member_words = frozenset(
            str(p).lower()
            for p in en.raw.get("ppe_body_modifiers") or []
            if " " not in str(p)
            and str(p).lower()
            not in {str(w).lower() for w in en.raw.get("ppe_body_governance_modifiers") or []}
        )
        self.en_body_mods = tuple(
            sorted(
                (tuple(str(p).lower().split()) for p in en.raw.get("ppe_body_modifiers") or []),
                key=len,
                reverse=True,
            )
        )

    # -- helpers --------------------------------------------------------------
    def _sv_head(self, low: str):
        """(form, head) of the Swedish head ``low`` ends in, or None; memoised per word
        (every token of every document asks, and most words repeat)."""
        try:
            return self._sv_heads[low]
        except KeyError:
            pass
        if len(self._sv_heads) > 200_000:
            self._sv_heads.clear()
        got = self._sv_heads[low] = self._sv_head_of(low)
        return got

    def _sv_head_of(self, low: str):
        sv = self.lex["sv"]
        false_end = max((len(e) for e in sv.false_head_endings if low.endswith(e)), default=0)
        for form, h in self.sv_forms:
            if low.endswith(form):
                if len(form) < false_end:
                    return None  # "verksamhetsområdet": the area, not a council
                prefix = low[: len(low) - len(form)].rstrip("-")
                if len(prefix) >= sv.min_prefix:
                    if h.role and any(
                        prefix == p or prefix.endswith(p) and len(p) > 3
                        for p in sv.role_stop_prefixes
                    ):
                        return None
                    if h.ppe_prefix and not prefix.startswith(self.ppe_prefixes):
                        return None
                    return form, h
                if h.bare and prefix == "":
                    return form, h
                return None
        return None

    def _slogan(self, out, doc_path, text, toks, sent) -> None:
        for i, t in enumerate(toks[:-1]):
            if t.low not in self.slogan_nouns:
                continue
            nxt = toks[i + 1]
            gap = text[t.end : nxt.start]
            if not nxt.cap or gap.strip() not in ("", ":", "–", "-", '"', "“", "”", "”"):
                continue
            stop = re.search(r'[.;:!?()\n"“”»]', text[nxt.start : sent[1]])
            end = nxt.start + (stop.start() if stop else sent[1] - nxt.start)
            phrase = text[nxt.start : end].rstrip(" ,–-")
            n = len(WORD.findall(phrase))
            if 2 <= n <= 8:
                self._add(out, doc_path, text, nxt.start, nxt.start + len(phrase), "und",
                          "cue_noun", "programme", False, True, sent)  # fmt: skip

    def _comma_slogan(self, out, doc_path, text, toks, sent) -> None:
        """'My Care, My Voice', 'Fewer Holds, More Kindness': two short title-case runs
        around a comma, with a slogan's function word among them (lang data
        ``slogan_function_words``), are a slogan that names a programme. A list of
        places, persons or units has none; a list goes on past the second run."""
        s0, s1 = sent
        for i in range(1, len(toks)):
            if text[toks[i - 1].end : toks[i].start] != ", ":
                continue
            a = i - 1
            while a > 0 and i - a < 3 and _joined(text, toks[a - 1], toks[a]) and toks[a - 1].cap:
                a -= 1
            b = i
            while (
                b + 1 < len(toks)
                and b - i < 2
                and _joined(text, toks[b], toks[b + 1])
                and toks[b + 1].cap
            ):
                b += 1
            if (
                b + 1 < len(toks)
                and _joined(text, toks[b], toks[b + 1])
                and not toks[b + 1].cap
                and toks[b + 1].low not in self.stop
            ):
                continue  # "X, Min vårdplan för": a list of names, the last goes on
            run = toks[a : b + 1]
            if not 3 <= len(run) <= 6 or not all(t.cap and not t.text.isupper() for t in run):
                continue
            lows = [t.low for t in run]
            if not any(w in self.slogan_words for w in lows) or any(
                w in MONTHS or w in self.org or w in self.org_words for w in lows
            ):
                continue
            # a run that starts the sentence is a slogan only when it is the whole line
            line_start = text.rfind("\n", 0, run[0].start) + 1
            line_end = text.find("\n", run[-1].end)
            line_end = len(text) if line_end == -1 else line_end
            whole_line = not text[line_start : run[0].start].strip(" \t#=-*") and not text[
                run[-1].end : line_end
            ].strip(" \t")
            if run[0].start == s0 and not whole_line:
                continue
            if a > 0 and text[toks[a - 1].end : run[0].start] == ", " and toks[a - 1].cap:
                continue  # "X, Y, Z": a list
            after = text[run[-1].end : toks[b + 1].start] if b + 1 < len(toks) else ""
            if after in (" and ", " och ") or (after == ", " and toks[b + 1].cap):
                continue  # "X, Y and Z", "X, Y, Z": a list
            if looks_like_person(text[run[0].start : toks[i - 1].end]):
                continue
            self._add(out, doc_path, text, run[0].start, run[-1].end, "en", "quote",
                      "programme", False, True, sent)  # fmt: skip

    def _ppe_compounds(self, out, doc_path, text, toks, sent) -> None:
        for i, t in enumerate(toks):
            if (
                i == 0
                or not t.cap
                or t.text.isupper()
                or "-" in t.text
                or "\n" in _gap(text, toks[i - 1], t)
                or "." in _gap(text, toks[i - 1], t)  # "4. Patientmedverkan": a numbered heading
                or toks[i - 1].text.endswith(".")
            ):
                continue
            low = t.low
            prefix = max((p for p in self.ppe_prefixes if low.startswith(p)), key=len, default="")
            if (
                not prefix
                or len(low) - len(prefix) < 4
                # "Patientmedverkan", "Brukarinflytande": the topic, not something's name
                or low[len(prefix) :].lstrip("-") in self.topic_nouns
                or low.endswith(self.ppe_name_stop)
                or any(low.endswith(o) for o in self.org)
                or self._sv_head(low) is not None
                or _inflected(low, self.le_roles)  # a role, not the name of an effort
            ):
                continue
            self._add(out, doc_path, text, t.start, t.end, "sv", "ppe_name", "initiative",
                      False, True, sent)  # fmt: skip

    def _is_sv_cue(self, low: str) -> bool:
        return low in self.lex["sv"].cue_nouns or any(
            low.endswith(c) and len(low) > len(c) + 2 for c in self.sv_cue_suffixes
        )

    @staticmethod
    def _title_and(toks: list[Tok], j: int) -> bool:
        """'and' between two capitalised words of one name ("Recovery and Learning College")."""
        return (
            toks[j].low in ("and", "&")
            and 0 < j < len(toks) - 1
            and toks[j - 1].cap
            and toks[j + 1].cap
        )

    def _for_phrase(self, text: str, toks: list[Tok], k: int) -> int | None:
        """Where a Swedish body's name that goes on with "för" and a lowercase noun
        phrase ends: "Rådet för patient- och invånarinflytande", "Lerbynätverket
        för psykisk hälsa". Only a capitalised body word opens one; the phrase is at
        most three content words (an elided "X- och Y" counts once) and must be
        followed by punctuation, a line end or a function word, or it is the sentence
        going on."""
        t = toks[k]
        low = t.low
        if not t.cap or not any(
            low == h or (low.endswith(h) and len(low) - len(h) >= 3) for h in self.sv_body_heads
        ):
            return None
        if (
            k + 2 >= len(toks)
            or toks[k + 1].low != "för"
            or not _joined(text, t, toks[k + 1])
            or not _joined(text, toks[k + 1], toks[k + 2])
        ):
            return None
        end = None
        content = 0
        coordinated = False
        j = k + 2
        while j < len(toks):
            tj = toks[j]
            if tj.cap or tj.text[:1].isdigit() or tj.low in self.stop or content == 3:
                break
            content += 1
            end = j
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is None:
                break
            gap = _gap(text, tj, nxt)
            if (
                gap in ("- ", "‐ ")
                and nxt.low in ("och", "eller")
                and j + 2 < len(toks)
                and _joined(text, nxt, toks[j + 2])
                and not toks[j + 2].cap
                and toks[j + 2].low not in self.stop
            ):
                end = j + 2  # "patient- och invånarinflytande": one word's two parts
                j += 3
                break
            if not _joined(text, tj, nxt):
                break
            if (
                nxt.low in ("och", "eller")
                and j + 2 < len(toks)
                and _joined(text, nxt, toks[j + 2])
                and not toks[j + 2].cap
                and toks[j + 2].low not in self.stop
                and not _sv_present_verb(toks[j + 2].low)
                and content < 3
                and not coordinated
            ):
                coordinated = True
                j += 2  # "för äldre och anhöriga"
                continue
            j += 1
        if end is None:
            return None
        if end + 1 < len(toks) and _joined(text, toks[end], toks[end + 1]):
            nxt = toks[end + 1]
            if not (nxt.low in self.stop or nxt.cap):
                return None  # "Seniorrådet för äldre personer träffas": the sentence goes on
        return end

    def _name_after(
        self, text: str, toks: list[Tok], k: int, lang: str, allow_lower: bool = True
    ) -> int | None:
        """Extent of a name starting at token k: a capitalised token followed by
        capitalised/number tokens or up to three lowercase content words."""
        if k >= len(toks):
            return None
        t = toks[k]
        if not (t.cap or t.text.isdigit()) or t.low in ("i", "jag"):
            return None
        fe = self._for_phrase(text, toks, k)
        if fe is not None:
            return fe
        end = k
        lower_run = 0
        headed = False
        j = k + 1
        while j < len(toks) and _joined(text, toks[j - 1], toks[j]):
            tj = toks[j]
            if (tj.low in self.tails or tj.low in self.org) and tj.cap and not lower_run:
                # "the Service User Advisory Group": the capitalised run is a body's or an
                # organisation's name going on past the part a cue noun would take
                return None
            if tj.low in MONTHS or tj.low in self.tails or tj.low in self.org:
                break
            if not tj.cap and tj.low in _sv_seasons():
                break  # "Kurser våren 2022": a heading's time, not part of a name
            if tj.cap or tj.text.isdigit():
                if lower_run:
                    break
                end = j
            elif (
                tj.low in _NAME_CONNECTORS
                and not lower_run
                and j + 1 < len(toks)
                and _joined(text, tj, toks[j + 1])
                and toks[j + 1].cap
                and toks[j + 1].low not in self.org
                and toks[j + 1].low not in self.tails
            ):
                # a title-case name with a small word inside: "Walk with Ease"
                end = j + 1
                j += 2
                continue
            elif (
                allow_lower
                and self._sv_head(tj.low)
                and toks[j - 1].low.endswith("s")
                and len(toks[j - 1].low) > 3
            ):
                # a Swedish genitive before a head compound ends the name: "Norra
                # länsdelens vårdråd", "Sjukvårdsstyrelsens brukarråd"
                end = j
                headed = True
                break
            elif (
                tj.low not in self.stop
                and lower_run < 2
                and not self._sv_head(tj.low)
                and allow_lower
                and (lower_run or end == k)
            ):
                lower_run += 1
                end = j
            else:
                break
            j += 1
        # a run that ends in lowercase words must end at punctuation/paren,
        # otherwise the lowercase words are probably the sentence going on
        if (
            lower_run
            and not headed
            and end + 1 < len(toks)
            and _joined(text, toks[end], toks[end + 1])
        ):
            nxt = toks[end + 1]
            if lang != "sv" or nxt.low not in self.stop:
                # trim lowercase tail
                while end > k and not toks[end].cap and not toks[end].text.isdigit():
                    end -= 1
        return end

    def _add(
        self,
        out: dict,
        doc_path: str,
        text: str,
        a: int,
        b: int,
        lang: str,
        cue: str,
        kind: str,
        role: bool,
        capitalised: bool,
        sent: tuple[int, int],
        body: bool = False,
    ) -> Mention | None:
        surface = text[a:b]
        key = norm_key(surface)
        if len(key) < 3 or not re.search(r"[^\W\d_]", key):
            return None
        if _ELIDED.match(text, b):
            return None  # "Patient- och närståenderådet": the first part of a compound
        toks = key.split()
        # a council or committee named after its members is a body, not an organisation
        # a name a naming verb introduces may start with an organisation's word
        # ("known as Board Stories"); it still may not end with one ("called Region X")
        lead_org = toks and toks[0] in self.org and not (cue == "naming" and len(toks) >= 2)
        if not body and toks and (toks[-1] in self.org or lead_org or toks[-1] in self.tails):
            return None
        m = out.get((a, b))
        if m is None:
            m = Mention(doc_path, a, b, surface, key, lang, {cue}, kind, role, capitalised, sent)
            out[(a, b)] = m
        else:
            m.cues.add(cue)
            m.capitalised = m.capitalised or capitalised
            if m.kind == "initiative":
                m.kind = kind
            m.role = m.role or role
        return m

    _ACR_SKIP = frozenset(
        {"and", "of", "for", "the", "in", "on", "to", "och", "för", "i", "av", "&"}
    )

    def _acronym(self, out, links, doc_path, text, toks, pa, ia, ib, pb, sent) -> None:
        """'Shared Treatment and Escalation Plans (STEP)': words whose initials spell the
        acronym in parentheses are a name, and the acronym is its alias."""
        acr = text[ia:ib].rstrip("s").replace("&", "").upper()
        before = [t for t in toks if t.end <= pa]
        if not before or text[before[-1].end : pa].strip():
            return
        # a Swedish compound may give two letters: prefix and head ("läkemedels|kontrakt")
        for split in (False, True):
            letters: list[str] = []
            k = len(before)
            while k > 0 and len(letters) < len(acr):
                t = before[k - 1]
                if k < len(before) and not (
                    _joined_or_elided(text, t, before[k])
                    # a slogan's comma: "Less Restraint, More Respect (LRMR)"
                    or (_gap(text, t, before[k]) == ", " and t.cap and before[k].cap)
                ):
                    return
                if t.low in self._ACR_SKIP:
                    k -= 1
                    continue
                parts = [p for p in re.split(r"[-‐]", t.text) if p]
                ls = []
                for p in parts:
                    hit = self._sv_head(p.lower()) if split else None
                    ls += [p[0].upper(), hit[0][0].upper()] if hit else [p[0].upper()]
                letters = ls + letters
                k -= 1
            if "".join(letters) == acr and k < len(before):
                break
        else:
            k = self._loose_expansion(text, before, acr)
            if k is None:
                return
            split = True  # coined from parts of words: the name must be capitalised
        first = before[k]
        # a lowercase expansion is a common noun (a disease, a method), not a name;
        # an acronym coined from a compound's parts was coined for a name
        if not split and not any(t.cap for t in before[k:] if t is not toks[0]):
            return
        if split and not first.cap:
            return
        x = self._add(
            out,
            doc_path,
            text,
            first.start,
            before[-1].end,
            "und",
            "acronym",
            "initiative",
            False,
            any(t.cap for t in before[k + 1 :]),
            sent,
        )
        y = self._add(
            out, doc_path, text, ia, ib, "und", "acronym", "initiative", False, True, sent
        )
        if x is not None and y is not None:
            links.append(Link(x.key, y.key, "acronym", doc_path, x.start, pb))

    def _loose_expansion(self, text: str, before: list[Tok], acr: str) -> int | None:
        """Where 'Brukare i förbättringsarbetet (BIFA)' starts: every word gives its
        initial (a function word may give it or not) and a word may give more letters
        from inside it, in order (Schwartz & Hearst's rule, with every content word
        required to count). The shortest such expansion wins."""

        def fits(ai: int, words: list[str]) -> bool:
            return _spells(acr, words, self._ACR_SKIP, ai)

        # an organisation's name ("X-regionen (XR)") is no initiative's
        last = before[-1].low if before else ""
        org_words = {
            str(w).lower() for g in self.lex.values() for w in g.raw.get("org_name_words") or []
        }
        if any(last.endswith(w) for w in org_words) or is_org_key(last):
            return None
        for k in range(len(before) - 1, max(-1, len(before) - len(acr) - 3), -1):
            if k < len(before) - 1 and not _joined_or_elided(text, before[k], before[k + 1]):
                return None
            if before[k].low in self._ACR_SKIP:
                continue
            content = [t for t in before[k:] if t.low not in self._ACR_SKIP]
            # one long word spelling several letters is a word, not an expansion
            if len(content) >= 2 and fits(0, [t.text for t in before[k:]]):
                return k
        return None

    _ABBREVIATION_LEAD = re.compile(
        r"(?i)[\s,(]*(?:(?:usually|often|commonly|also|generally|vanligen|ofta|även|oftast|"
        r"och|and|som|which is|is)\s+)*$"
    )

    def _abbreviated(self, out, links, doc_path, text, toks, sent) -> None:
        """'Rådet för x och y, usually shortened to RXY' / 'X, förkortat XY': the
        acronym the text gives after an abbreviation cue spells the name before it."""
        if self.abbreviation_cues is None:
            return
        s0, s1 = sent
        for mm in self.abbreviation_cues.finditer(text, s0, s1):
            ia = mm.end()
            acr = re.match(r"[A-ZÅÄÖ]{2,6}\b", text[ia:s1])
            if acr is None:
                continue
            lead = self._ABBREVIATION_LEAD.search(text, s0, mm.start())
            pa = lead.start() if lead else mm.start()
            self._acronym(
                out, links, doc_path, text, toks, pa, ia, ia + acr.end(), ia + acr.end(), sent
            )

    def _acronym_first(self, out, links, doc_path, text, toks, sent) -> None:
        """'VIP – Vårdplan i partnerskap', 'VIP (Vårdplan i partnerskap, ...)': an acronym
        written first, then the words that spell it, is a name and its alias."""
        org_words = {
            str(w).lower() for g in self.lex.values() for w in g.raw.get("org_name_words") or []
        }
        for i, t in enumerate(toks[:-2]):
            acr = t.text if re.fullmatch(r"[A-ZÅÄÖ]{3,6}", t.text) else _coined_capitals(t.text)
            if not acr:
                continue
            gap = text[t.end : toks[i + 1].start]
            if not re.fullmatch(r"[ \t]*(?:\(|[–—-][ \t]+)[ \t]*", gap):
                continue
            run = [toks[i + 1]]
            for nxt in toks[i + 2 : i + 2 + len(acr) + 3]:
                if not _joined(text, run[-1], nxt):
                    break
                run.append(nxt)
            if not run[0].cap:
                continue
            for n in range(len(run), 1, -1):
                words = run[:n]
                content = [w for w in words if w.low not in self._ACR_SKIP]
                if words[-1].low in self._ACR_SKIP or len(content) < 2:
                    continue
                if any(words[-1].low.endswith(w) for w in org_words):
                    break
                if _spells(acr, [w.text for w in words], self._ACR_SKIP):
                    x = self._add(
                        out, doc_path, text, words[0].start, words[-1].end, "und", "acronym",
                        "initiative", False, any(w.cap for w in words[1:]), sent,
                    )  # fmt: skip
                    if x is None:  # an organisation's name: neither is an initiative's
                        break
                    y = self._add(
                        out, doc_path, text, t.start, t.end, "und", "acronym", "initiative",
                        False, True, sent,
                    )  # fmt: skip
                    if y is not None:
                        links.append(Link(x.key, y.key, "acronym", doc_path, t.start, x.end))
                    break

    def _acronym_defined(self, out, links, doc_path, text, toks, sent, lang) -> None:
        """'SPU står för Seniorpanelen för utveckling', 'PACT stands for ...': a
        definition says outright which name an acronym is short for. The words must
        begin to spell it (Swedish compounds give letters from inside a word)."""
        if not toks:
            return
        s0, s1 = sent
        starts = {t.start: i for i, t in enumerate(toks)}
        for m in self._acr_defined.finditer(text, s0, s1):
            if m.start() > s0 and (text[m.start() - 1].isalnum()):
                continue
            k = starts.get(m.end())
            if k is None or not toks[k].cap or toks[k].text[:1].upper() != m.group(1)[0]:
                continue
            e = self._name_after(text, toks, k, lang)
            if e is None:
                continue
            words = [t.text for t in toks[k : e + 1]]
            if not any(
                _spells(m.group(1), words[:n], self._ACR_SKIP) for n in range(len(words), 0, -1)
            ):
                continue
            x = self._add(
                out, doc_path, text, toks[k].start, toks[e].end, "und", "acronym",
                "initiative", False, True, sent,
            )  # fmt: skip
            if x is None:
                continue
            y = self._add(
                out, doc_path, text, m.start(1), m.end(1), "und", "acronym", "initiative",
                False, True, sent,
            )  # fmt: skip
            if y is not None:
                links.append(Link(y.key, x.key, "acronym", doc_path, m.start(1), x.end))

    def _body_modifier(self, text: str, toks: list[Tok], i: int) -> int | None:
        """Index of the first token of a members' modifier right before head ``i``."""
        for mod in self.en_body_mods:
            n = len(mod)
            if i - n < 0:
                continue
            span = toks[i - n : i]
            words = [x.low.removesuffix("'s").removesuffix("’s") for x in span]
            if tuple(words) != mod and tuple(w.rstrip("'’") for w in words) != mod:
                continue
            if all(_joined(text, a, b) for a, b in zip(span, [*span[1:], toks[i]], strict=True)):
                return i - n
        return None

    def _named_phrase(self, out, doc_path, text, toks, k, sent) -> None:
        """'Metoden kallas brukarstyrd inläggning.', 'a so-called learning café': a
        lower-case phrase a naming verb introduces, up to the clause's end."""
        e = k
        while (
            e + 1 < len(toks)
            and e - k < 2
            and _joined(text, toks[e], toks[e + 1])
            and toks[e + 1].low not in self.stop
            and not toks[e + 1].text.isdigit()
        ):
            e += 1
        # "brukarmedverkan i läkemedelsgenomgång", "shared booking of beds": a preposition and
        # one or two words more belong to the name when the clause ends after them
        if (
            e + 2 < len(toks)
            and toks[e + 1].low in _NAME_PREPOSITIONS
            and _joined(text, toks[e], toks[e + 1])
        ):
            f = e + 1
            while (
                f + 1 < len(toks)
                and f - e < 3
                and _joined(text, toks[f], toks[f + 1])
                and toks[f + 1].low not in self.stop
                and not toks[f + 1].text.isdigit()
            ):
                f += 1
            tail = text[toks[f].end : toks[f].end + 2]
            if f > e + 1 and (
                f + 1 >= len(toks)
                or tail[:1] in '.,;:)!?\n"”’'
                or toks[f + 1].low in ("och", "and")
            ):
                e = f
        nxt = text[toks[e].end : toks[e].end + 2]
        ends = e + 1 >= len(toks) or nxt[:1] in '.,;:)!?\n"”’' or toks[e + 1].low in self.stop
        words = toks[k : e + 1]
        if (
            not ends
            or toks[k].low in self.stop
            or toks[k].low in MONTHS
            or not any(len(w.text) >= 5 for w in words)
        ):
            return
        self._add(
            out, doc_path, text, toks[k].start, toks[e].end, "und", "named_phrase",
            "initiative", False, False, sent,
        )  # fmt: skip

    _FOUNDING_LINKS = frozenset(
        {"of", "for", "and", "the", "on", "in", "för", "och", "på", "i", "&"}
    )

    def _founded(self, out, doc_path, text, toks, sent) -> None:
        """'Young Voices Kirkby kicked off in September 2018', 'Studio Framåt startade
        2018': a capitalised phrase right before a founding verb (lang data
        ``founding_verbs``, after ``founding_auxiliaries``) with a year later in the
        clause is the name of what began. Pronouns and determiners are no name; a lone
        word the document also writes in lower case ("Projektet ... projektet") is a
        common noun; a lone head word ("Rådet") refers back to a name."""
        if self._founding is None:
            return
        for mm in self._founding.finditer(text, sent[0], sent[1]):
            at = mm.start()
            j = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].end == at), None)
            if j is None or not toks[j].cap:
                continue
            k = j
            while k > 0 and j - k < 5 and _joined(text, toks[k - 1], toks[k]):
                prev = toks[k - 1]
                if prev.cap or (
                    prev.low in self._FOUNDING_LINKS
                    and k >= 2
                    and toks[k - 2].cap
                    and _joined(text, toks[k - 2], prev)
                ):
                    k -= 1
                    continue
                break
            # "När X startade", "The X began": an article or subordinator is not the name
            while k < j and toks[k].low in self.stop and toks[k].low not in self.slogan_words:
                k += 1
            run = toks[k : j + 1]
            if run[0].low in self._FOUNDING_LINKS or all(t.low in self.stop for t in run):
                continue
            if any(t.low in MONTHS for t in run) or looks_like_person(
                text[run[0].start : run[-1].end]
            ):
                continue
            if is_given_name(run[0].text) and len(run) > 1:
                continue  # "Ayesha and Robert started in June 2022": persons
            if len(run) == 1:
                w = run[0]
                if (
                    w.low in self.lex["sv"].heads
                    or w.low in self.sv_body_heads
                    or (w.low in self.cue_nouns)
                ):
                    continue  # "Rådet startade 2011", "Projektet": refers back to a name
                if w.low in self.lex["en"].heads or re.search(
                    r"(?<![\w-])" + re.escape(w.low) + r"(?![\w-])", text
                ):
                    continue  # a common noun the text also writes in lower case
            self._add(out, doc_path, text, run[0].start, run[-1].end, "und", "founded",
                      "initiative", False, True, sent)  # fmt: skip

    # -- main -------------------------------------------------------------------
    def find(
        self,
        doc_path: str,
        text: str,
        sentences: list[tuple[int, int]] | None = None,
        lang: str = "und",
    ) -> tuple[list[Mention], list[Link]]:
        en = self.lex["en"]
        sents = sentences or sentence_spans(text)
        out: dict[tuple[int, int], Mention] = {}
        links: list[Link] = []
        for s0, s1 in sents:
            toks = tokens(text, s0, s1)
            if not toks:
                continue
            sent = (s0, s1)
            # 1. English modifier + head ("user panel", "ICU co-design project")
            for i, t in enumerate(toks):
                h = en.heads.get(t.low)
                if h is None:
                    continue
                j = i - 1
                joins = 0
                while (
                    j >= 0
                    # a title-case name may have up to five ("Nordic Home Care Co-Design
                    # Network"); a lowercase run three
                    and i - j <= (5 if all(x.cap for x in toks[j : i + 1]) else 3) + joins
                    and _joined(text, toks[j], toks[j + 1])
                    and (
                        toks[j].low not in self.stop
                        or toks[j].cap
                        and j > 0
                        and toks[j].low not in ("the", "a", "an", "den", "det")
                        or self._title_and(toks, j)
                    )
                    and not toks[j].text.isdigit()
                    and toks[j].low not in self.org
                    and not toks[j].low.endswith(("'s", "’s"))
                    and toks[j].low not in self.naming
                ):
                    joins += self._title_and(toks, j)
                    j -= 1
                mods = toks[j + 1 : i]
                if t.cap and any(m.cap for m in mods) and not mods[0].cap:
                    # "introduced Shared Care Agreements": a title-case name starts at
                    # its first capital, not at the verb before it
                    while not mods[0].cap:
                        j += 1
                        mods = mods[1:]
                if (
                    t.cap
                    and i + 1 < len(toks)
                    and toks[i + 1].cap
                    and _joined(text, t, toks[i + 1])
                    and (
                        toks[i + 1].low in self.org
                        or toks[i + 1].low in self.en_body_heads
                        # "Council for Patient and Carer Voice": an "and" title goes on
                        or (joins and toks[i + 1].low not in self.stop)
                    )
                ):
                    continue  # "Youth and Family Council": the head word is a modifier here
                # "Studio Xyz", "Project Xyz": capitalised head + capitalised name; not
                # a head inside a longer title ("Council for Patient and Carer Voice")
                inside = (
                    i >= 2
                    and toks[i - 1].low in _NAME_CONNECTORS
                    and toks[i - 2].cap
                    and _joined(text, toks[i - 2], toks[i - 1])
                    and _joined(text, toks[i - 1], t)
                )
                if (
                    t.cap
                    and not inside
                    and i + 1 < len(toks)
                    and toks[i + 1].cap
                    and _joined(text, t, toks[i + 1])
                    and toks[i + 1].low not in self.stop
                    and toks[i + 1].low not in self.org  # "the Programme Board"
                ):
                    e = self._name_after(text, toks, i + 1, lang, allow_lower=False)
                    if e is not None:
                        self._add(
                            out,
                            doc_path,
                            text,
                            t.start,
                            toks[e].end,
                            "und",
                            "cue_noun",
                            h.kind,
                            h.role,
                            True,
                            sent,
                        )
                        continue
                if not mods:
                    continue
                # drop Swedish words that merely precede (a Swedish sentence using "panel")
                if h.strict and not any(any(c.isupper() for c in m.text) for m in mods):
                    continue
                # "a Nordic network for ...": an indefinite article makes it a kind, not a name
                k0 = j + 1
                if (
                    h.strict
                    and not t.cap
                    and k0 > 0
                    and toks[k0 - 1].low in ("a", "an")
                    and _joined(text, toks[k0 - 1], mods[0])
                ):
                    continue
                cap = any(m.cap for m in mods if m is not toks[0]) or (t.cap and t is not toks[0])
                self._add(
                    out,
                    doc_path,
                    text,
                    mods[0].start,
                    t.end,
                    "en",
                    "head",
                    h.kind,
                    h.role,
                    cap,
                    sent,
                )
            # 1b. a body named after its members: "Patient Council", "Carers' Committee"
            for i, t in enumerate(toks):
                # written as a name ("Patient Council"), not a description ("a user group")
                if t.low not in self.en_body_heads or i == 0 or not t.cap or t.text.isupper():
                    continue
                start = self._body_modifier(text, toks, i)
                if (
                    start is None
                    and i >= 2
                    and (toks[i - 1].low, t.low) in self.en_body_heads2
                    and toks[i - 1].cap
                    and _joined(text, toks[i - 1], t)
                ):
                    start = self._body_modifier(text, toks, i - 1)  # "Service User Advisory Group"
                if start is None:
                    continue
                k = start
                while (
                    k > 0
                    and start - k < 2
                    and toks[k - 1].cap
                    and toks[k - 1] is not toks[0]
                    and _joined(text, toks[k - 1], toks[k])
                    and toks[k - 1].low not in self.stop
                    and toks[k - 1].low not in self.org
                ):
                    k -= 1
                # "Youth and Family Council": two members' words joined by "and"
                if (
                    k >= 2
                    and self._title_and(toks, k - 1)
                    and _joined(text, toks[k - 2], toks[k - 1])
                    and _joined(text, toks[k - 1], toks[k])
                    and toks[k - 2].low not in self.stop
                    and toks[k - 2].low not in self.org
                ):
                    k -= 2
                cap = any(x.cap for x in toks[k : i + 1] if x is not toks[0])
                # "Carers' Council for Home Care": the name goes on in title case
                e = i
                if (
                    i + 2 < len(toks)
                    and toks[i + 1].low in ("for", "of")
                    and _joined(text, t, toks[i + 1])
                ):
                    j = i + 2
                    while (
                        j < len(toks)
                        and toks[j].cap
                        and _joined(text, toks[j - 1], toks[j])
                        and toks[j].low not in MONTHS
                        and toks[j].low not in self.tails
                        and j - i <= 5
                    ):
                        e = j
                        j += 1
                m = self._add(
                    out, doc_path, text, toks[k].start, toks[e].end, "en", "ppe_body", "council",
                    False, cap, sent, body=True,
                )  # fmt: skip
                short = out.get((toks[k].start, t.end)) if e > i else None
                if m is not None and short is not None and short is not m:
                    m.cues |= short.cues  # the head rule's shorter reading of the same name
                    del out[(toks[k].start, t.end)]
            # 1c. a group whose sentence says persons with patient experience take part in
            # it ("A Harbour Delivery Group ... with representation from people with lived
            # experience", "The X Working Group: patients and carers ... meet")
            member_check: bool | None = None
            for i, t in enumerate(toks):
                if t.low not in _MEMBER_HEADS or i == 0 or not t.cap or t.text.isupper():
                    continue
                k = i
                while (
                    k > 0
                    and i - k < 5
                    and _joined(text, toks[k - 1], toks[k])
                    and (
                        toks[k - 1].cap
                        or (toks[k - 1].low in ("and", "&") and k - 2 >= 0 and toks[k - 2].cap)
                    )
                    and toks[k - 1].low not in self.stop - {"and"}
                    and toks[k - 1].low not in self.org
                    and toks[k - 1].low not in self.org_words
                    and not toks[k - 1].text.isupper()
                    and not toks[k - 1].low.endswith(("'s", "’s"))  # the owner: "Trust's X"
                ):
                    k -= 1
                if k == i or toks[k].low in ("and", "&"):
                    continue
                if k > 0 and _joined(text, toks[k - 1], toks[k]):
                    own = toks[k - 1].low
                    if own.endswith(("'s", "’s")) or own in self.org or own in self.org_words:
                        continue  # an organisation's own group: "the Trust's X Group"
                # "Patient Safety Committee", "Patient Experience Team": named after a topic
                nxt = toks[k + 1].low
                if toks[k].low in en.ppe_modifier_only and (
                    nxt not in en.ppe_modifier_ok or nxt == "experience"
                ):
                    continue
                if member_check is None:
                    member_check = _members_take_part(text, sent)
                if not member_check:
                    break
                self._add(
                    out, doc_path, text, toks[k].start, t.end, "en", "members", "council",
                    False, True, sent, body=True,
                )  # fmt: skip
            # 2. Swedish compounds ending in a head ("X-panelen", "trygghetsvandringarna")
            for i, t in enumerate(toks):
                hit = self._sv_head(t.low)
                bare_for = None
                if hit is None and t.cap and t.low in self.sv_body_heads:
                    # "Rådet för patient- och invånarinflytande": a body word alone,
                    # capitalised, named by what follows "för"
                    bare_for = self._for_phrase(text, toks, i)
                    if bare_for is not None:
                        hit = next(((f, h) for f, h in self.sv_forms if f == t.low), None)
                if hit is None and t.cap and self.head_first_kinds:
                    # "Familjen Lindberg": a bare head of a kind named head first
                    hit = next(
                        (
                            (f, h)
                            for f, h in self.sv_forms
                            if f == t.low and h.kind in self.head_first_kinds
                        ),
                        None,
                    )
                if hit is None:
                    continue
                form, h = hit
                a, b = t.start, t.end
                if bare_for is not None:
                    b = toks[bare_for].end
                elif (
                    len(t.low) == len(form)
                    and t.cap
                    and h.kind in self.head_first_kinds
                    and i + 1 < len(toks)
                    and toks[i + 1].cap
                    and _joined(text, t, toks[i + 1])
                    and toks[i + 1].low not in self.stop
                    and toks[i + 1].low not in self.org
                    and toks[i + 1].low not in MONTHS
                    and (e1 := self._name_after(text, toks, i + 1, lang, allow_lower=False))
                    is not None
                ):
                    b = toks[e1].end  # "Familjen Lindberg": the head, then its name
                elif len(t.low) == len(form):  # bare head: needs an adjective ("gröna stolen")
                    if (
                        i == 0
                        or not toks[i - 1].low.endswith(("a", "ande", "ende"))
                        or toks[i - 1].low in self.stop
                        or not _joined(text, toks[i - 1], t)
                    ):
                        continue
                    a = toks[i - 1].start
                    if (
                        i >= 2
                        and toks[i - 2].low == "den"
                        and _joined(text, toks[i - 2], toks[i - 1])
                    ):
                        a = toks[i - 2].start
                elif i + 1 < len(toks) and toks[i + 1].acronym and _joined(text, t, toks[i + 1]):
                    b = toks[i + 1].end
                elif bare_for is None and (fe := self._for_phrase(text, toks, i)) is not None:
                    b = toks[fe].end  # "Seniorrådet för äldre och anhöriga"
                    # the compound alone is its short form ("Seniorrådet")
                    links.append(Link(norm_key(text[a:b]), norm_key(t.text), "short form",
                                      doc_path, a, b))  # fmt: skip
                cap = t.cap and i > 0
                # "Patient- och närståenderådet": the elided first part is part of the name
                lead = _ELIDED_BEFORE.search(text, max(0, a - 40), a)
                if lead and len(t.low) > len(form):
                    a = lead.start()
                    cap = cap or (lead.group(1)[:1].isupper() and lead.start() > sent[0])
                m = self._add(
                    out, doc_path, text, a, b, "sv", "compound", h.kind, h.role, cap, sent
                )
                prefix = t.low[: len(t.low) - len(form)].rstrip("-")
                if (
                    m is not None
                    and form in self.sv_body_heads
                    and prefix.startswith(self.ppe_prefixes)
                ):
                    m.cues.add("ppe_body")
            # 2b. Swedish capitalises only proper nouns: a capitalised compound in
            # mid-sentence whose first part names persons with patient experience is the
            # name of something they take part in ("... så byggde vi Patientkällaren")
            if lang == "sv":
                self._ppe_compounds(out, doc_path, text, toks, sent)
            # 3. cue noun + name ("projektet X", "the pilot X", "Project X")
            for i, t in enumerate(toks[:-1]):
                low = t.low
                prefix = t.cap and low in self.prefix_nouns
                if not (low in self.cue_nouns or prefix or self._is_sv_cue(low)):
                    continue
                if i > 0 and toks[i - 1].low in ("of", "in", "on", "at", "by", "with", "av", "på"):
                    continue  # "of course X", "in training X"
                k = i + 1
                if not _joined(text, t, toks[k]) and _gap(text, t, toks[k]).strip() not in (
                    ",",
                    ":",
                    "–",
                    "-",
                ):
                    continue
                e = self._name_after(text, toks, k, lang)
                if (
                    e is None
                    or (toks[k].low in self.stop and e == k)
                    or toks[k].low in MONTHS
                    or toks[k].low in self.tails
                    or toks[k].low in self.org  # "the Programme Board 14 September"
                    # in a line of capitals ("A PEER NETWORK OF STROKE SURVIVORS") no word
                    # is capitalised as a name is
                    or (
                        t.text.isupper()
                        and len(t.text) > 1
                        and toks[k].text.isupper()
                        and len(toks[k].text) > 1
                        and e > k
                    )
                ):
                    continue
                a = toks[k].start
                if t.cap and (low in en.cue_nouns or prefix) and _joined(text, t, toks[k]):
                    a = t.start  # "Project Flow", "Projekt Flöde"
                elif (
                    lang == "sv"
                    and t.cap
                    and low not in self.cue_nouns
                    and e == k
                    and _joined(text, t, toks[k])
                ):
                    # "Rehabnätverket Norrby", "Hemtjänsten Norrby": a unit's own compound and
                    # one word, often its place; the word alone names nothing of its own
                    a = t.start
                self._add(
                    out,
                    doc_path,
                    text,
                    a,
                    toks[e].end,
                    "und",
                    "cue_noun",
                    "project",
                    False,
                    True,
                    sent,
                )
            # 4. quotes
            stext = text[s0:s1]
            quoted = sorted(
                [*QUOTES.finditer(stext), *SQUOTES.finditer(stext)], key=lambda q: q.start(1)
            )
            for q in quoted:
                qa, qb = s0 + q.start(1), s0 + q.end(1)
                inner = q.group(1).strip()
                if inner[-1:] in "?!.,":
                    continue
                before = text[max(s0, qa - 40) : qa - 1].lower()
                # "the 'X' panel": a quoted name followed by an initiative head noun
                nxt = re.match(r"\s*([^\W\d_][\w-]*)", text[qb + 1 : s1])
                by_cue = any(
                    re.search(r"(?<!\w)" + re.escape(c) + r"(?:\s+[\w-]+){0,3}\s*$", before)
                    for c in self.naming
                )
                # a name may be a whole clause when the text says it is one ("under the
                # name 'Nobody waits alone again'"); otherwise a long quote is a citation
                verb = bool(self._quote_naming.search(before))
                by_cue = by_cue or verb
                if len(inner.split()) > (8 if by_cue else 5):
                    continue
                last = re.search(r"([^\W\d_][\w-]*)\s*$", before)
                named = (
                    by_cue
                    or before.rstrip().endswith(("–", "-"))
                    or bool(nxt and nxt.group(1).lower() in self.lex["en"].heads)
                    # "projektet 'X'", "the project 'X'": a type noun right before the quote
                    or bool(
                        last
                        and (last.group(1) in self.cue_nouns or self._is_sv_cue(last.group(1)))
                        and inner[:1].isupper()
                    )
                )
                inside = [m for (ma, mb), m in out.items() if ma >= qa and mb <= qb]
                for m in inside:
                    m.cues.add("quote")
                if verb:  # what a naming verb puts in quotes is a name as "called X" is
                    for m in inside:
                        m.cues.add("naming")
                if named and not inside:
                    lang = (
                        "sv"
                        if self._sv_head(norm_key(inner).split()[-1] if norm_key(inner) else "")
                        else "und"
                    )
                    x = self._add(
                        out, doc_path, text, qa, qb, lang, "quote", "initiative", False, False, sent
                    )
                    if x is not None and verb:
                        x.cues.add("naming")
            # 5. naming verbs: "called X", "heter X", "renamed X"
            slow = stext.lower()
            for c, rx in self._naming_rx:
                if c not in slow:
                    continue
                for mm in rx.finditer(slow):
                    after = s0 + mm.end()
                    # "a physiotherapist called X", "en sköterska som heter X": a person
                    if _names_a_person(slow[: mm.start()]):
                        continue
                    prev = re.findall(r"[^\W\d_]+", slow[max(0, mm.start() - 20) : mm.start()])
                    if prev and prev[-1] in self.adjectival_naming.get(c, ()):
                        continue  # "a named contact person": an adjective
                    ks = [i for i, t in enumerate(toks) if t.start >= after]
                    if not ks:
                        continue
                    k = ks[0]
                    while k < len(toks) and (
                        toks[k].low in _NAMING_SKIP or toks[k].low in self.naming_adverbs
                    ):
                        k += 1
                    if k >= len(toks) or toks[k].start - after > 25:
                        continue
                    named = [
                        m
                        for (ma, mb), m in out.items()
                        if ma == toks[k].start or (ma <= toks[k].start < mb)
                    ]
                    if named:
                        for m in named:
                            m.cues.add("naming")
                        continue
                    e = self._name_after(text, toks, k, lang)
                    if not (toks[k].cap or toks[k].acronym):
                        self._named_phrase(out, doc_path, text, toks, k, sent)
                        continue
                    if e is not None and (toks[k].cap or toks[k].acronym):
                        self._add(
                            out,
                            doc_path,
                            text,
                            toks[k].start,
                            toks[e].end,
                            "und",
                            "naming",
                            "initiative",
                            False,
                            True,
                            sent,
                        )
            self._acronym_first(out, links, doc_path, text, toks, sent)
            self._acronym_defined(out, links, doc_path, text, toks, sent, lang)
            self._abbreviated(out, links, doc_path, text, toks, sent)
            # 5b. a slogan is a programme's name, commas and dashes included: "under
            # parollen Lyssna först – sen gör vi", "the slogan Nothing for us, without us"
            self._slogan(out, doc_path, text, toks, sent)
            self._founded(out, doc_path, text, toks, sent)
            self._comma_slogan(out, doc_path, text, toks, sent)
            # 6. parentheses: "X (Y)" glosses
            for p in PAREN.finditer(stext):
                pa, pb = s0 + p.start(), s0 + p.end()
                inner = p.group(1).strip()
                ia = s0 + p.start(1) + (len(p.group(1)) - len(p.group(1).lstrip()))
                # "(Gå med lätthet, 2019–2020)": a name, then its years
                dated = _NAME_THEN_YEARS.match(inner) or _NAME_THEN_ACRONYM.match(inner)
                cut = None
                if dated:
                    if dated.re is _NAME_THEN_ACRONYM:
                        # "Carer Voice Network (Anhörigrösten, CVN)"; or the acronym
                        # spells the name inside: "Council X (Rådet för y och z, RYZ)"
                        aa = ia + dated.start(2)
                        n0 = len(links)
                        ends = [pa]
                        if any(mb == pa or text[mb:pa].strip() == "" for (_, mb) in out):
                            # only a name's gloss: "(Plan-Do-Study-Act, PDSA)"
                            # after a lowercase method is no name
                            ends.append(ia + len(dated.group(1).rstrip()))
                        for end in ends:
                            self._acronym(
                                out,
                                links,
                                doc_path,
                                text,
                                toks,
                                end,
                                aa,
                                aa + len(dated.group(2)),
                                pb,
                                sent,
                            )
                            if len(links) > n0:
                                break
                    inner = dated.group(1).rstrip()
                    cut = ia + len(inner)
                if re.search(r"\d", inner) or len(inner.split()) > 6 or re.search(r"[,;=]", inner):
                    continue
                if re.fullmatch(
                    r"[A-ZÅÄÖ][A-ZÅÄÖ&]{2,6}s?", inner
                ):  # 2 letters: a person's initials
                    self._acronym(
                        out, links, doc_path, text, toks, pa, ia, ia + len(inner), pb, sent
                    )
                    continue
                if not re.search(r"[a-zåäö]", inner) or len(inner) < 3:
                    continue
                if inner.strip().lower() in self.not_paren:
                    continue  # "Walking Partners (number)" in a table: a unit, not a name
                # "(formerly X)", "(tidigare kallad X)": the cue is not part of the name
                lead = self._cue_lead.match(inner)
                if lead:
                    ia += lead.end()
                    inner = inner[lead.end() :]
                    if not inner.strip():
                        continue
                art = re.match(r"(?i)(the|den|det|a|an)\s+", inner)
                if art:
                    ia += art.end()
                    inner = inner[art.end() :]
                # "(Swedish: X)", "(på svenska X)": the language is not part of the name
                lang_lead = self._gloss_lead.match(inner)
                if lang_lead and lang_lead.end() < len(inner):
                    ia += lang_lead.end()
                ib = (
                    cut
                    if cut is not None
                    else s0 + p.end(1) - (len(p.group(1)) - len(p.group(1).rstrip()))
                )
                left = [m for (ma, mb), m in out.items() if mb <= pa and text[mb:pa].strip() == ""]
                right_toks = tokens(text, ia, ib)
                if not right_toks:
                    continue
                if left:
                    x = max(left, key=lambda m: m.end - m.start)
                    if right_toks[-1].low in self.org:
                        continue
                    if looks_like_person(x.surface):
                        # "Jane Doe (Patient Council)" in a list of those present: the
                        # gloss says what she belongs to; she is not another name for it
                        self._add(out, doc_path, text, ia, ib, "und", "paren", x.kind, x.role,
                                  right_toks[0].cap, sent)  # fmt: skip
                        continue
                    y = self._add(
                        out,
                        doc_path,
                        text,
                        ia,
                        ib,
                        "und",
                        "paren",
                        x.kind,
                        x.role,
                        right_toks[0].cap,
                        sent,
                    )
                    if y is not None:
                        x.cues.add("paren")
                        links.append(Link(x.key, y.key, "parenthesis", doc_path, x.start, pb))
                    continue
                # "the county disability council (X-rådet)": the gloss says X is an organisation,
                # unless the gloss names persons with patient experience ("the Lived Experience
                # Council (X-rådet)", "the patient council"): that council is the initiative
                before_word = re.findall(r"[\w'’-]+", text[max(s0, pa - 30) : pa])
                gloss = " ".join(before_word[-4:]).lower()
                if (
                    before_word
                    and before_word[-1].lower() in self.org
                    and not any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", gloss) for a in self.ppe)
                    # "the Co-Design Board (X-rådet)": a body named for involvement
                    and not any(st in gloss for st in self.involvement_stems)
                    # "the county carers council (anhörigrådet)": named after its members
                    and not (
                        len(before_word) >= 2
                        and before_word[-1].lower() in self.en_body_heads
                        and before_word[-2].lower() in self.en_body_member_words
                    )
                ):
                    for m in out.values():
                        if m.start >= ia and m.end <= ib:
                            links.append(Link(m.key, m.key, "org", doc_path, m.start, m.end))
                    continue
                # both sides capitalised names: "Breathe Free (Andas fritt)"
                before_toks = [t for t in toks if t.end <= pa]
                if not before_toks or not right_toks[0].cap:
                    continue
                e = len(before_toks) - 1
                if text[before_toks[e].end : pa].strip():
                    continue
                k = e
                while (
                    k > 0
                    and _joined(text, toks[k - 1], toks[k])
                    and e - k < 4
                    and not toks[k].cap
                    and toks[k - 1].low not in self.stop
                    or (
                        k > 0
                        and toks[k - 1].cap
                        and _joined(text, toks[k - 1], toks[k])
                        and e - k < 4
                    )
                ):
                    k -= 1
                if (
                    not toks[k].cap
                    or before_toks[e].low in self.org
                    or right_toks[-1].low in self.org
                ):
                    continue
                # one word before the gloss only when the gloss is a rendering with its
                # article: "Strandbyn (the Shore Village)"
                if (
                    any(t.acronym for t in right_toks)
                    or len(right_toks) < 2
                    or (e - k < 1 and not (art and toks[k].low not in self.stop))
                ):
                    continue
                if looks_like_person(text[toks[k].start : before_toks[e].end]):
                    # "Jane Doe (Patient Council for X)": a person and what she belongs to
                    self._add(out, doc_path, text, ia, ib, "und", "paren", "initiative", False,
                              True, sent)  # fmt: skip
                    continue
                x = self._add(
                    out,
                    doc_path,
                    text,
                    toks[k].start,
                    before_toks[e].end,
                    "und",
                    "paren",
                    "initiative",
                    False,
                    True,
                    sent,
                )
                y = self._add(
                    out, doc_path, text, ia, ib, "und", "paren", "initiative", False, True, sent
                )
                if x is not None and y is not None:
                    links.append(Link(x.key, y.key, "parenthesis", doc_path, x.start, pb))
            # 7. dash glosses: "X – Y" where both are names
            ms = sorted(
                (m for m in out.values() if s0 <= m.start and m.end <= s1), key=Mention.sort_key
            )
            for m1, m2 in zip(ms, ms[1:], strict=False):
                if (
                    text[m1.end : m2.start].strip() in ("–", "-", "—", "– “", '– "', '- "', "– ‘")
                    and m1.key != m2.key
                ):
                    links.append(Link(m1.key, m2.key, "gloss", doc_path, m1.start, m2.end))
            # 7a. a short form in capitals before a name in apposition or after a dash:
            # "LERCO, the Nordic Home Care Network, ..."
            for t in toks[:-1]:
                if not (t.acronym and len(t.text) >= 3) or t.low in self.org or t.low in self.stop:
                    continue
                gap = _APPOSITION_GAP.match(text, t.end)
                if gap is None:
                    continue
                nxt = next(
                    (
                        m
                        for (ma, _), m in out.items()
                        if ma == gap.end() and "head" in m.cues and m.capitalised
                    ),
                    None,
                )
                if nxt is None or len(nxt.key.split()) < 2:
                    continue
                x = self._add(
                    out, doc_path, text, t.start, t.end, "und", "acronym", nxt.kind, nxt.role,
                    True, sent,
                )  # fmt: skip
                if x is not None:
                    links.append(Link(x.key, nxt.key, "apposition", doc_path, x.start, nxt.end))
            # 7b. apposition: "the MS collaborative Xyz", "Xyz, the lean project"
            for m1, m2 in zip(ms, ms[1:], strict=False):
                if (
                    (
                        text[m1.end : m2.start] in (" ", ", ")
                        # "Läkeskolan, its Learning College"
                        or _OWN_APPOSITION.fullmatch(text, m1.end, m2.start) is not None
                    )
                    and m1.key != m2.key
                    and (
                        "head" in m1.cues and m2.capitalised or "head" in m2.cues and m1.capitalised
                    )
                    # a by-line after a title ("... the X collaborative Jane Doe, coach")
                    and not looks_like_person(m1.surface)
                    and not looks_like_person(m2.surface)
                ):
                    links.append(Link(m1.key, m2.key, "apposition", doc_path, m1.start, m2.end))
            # 8. rename/alias cues inside the sentence link the names around them
            # ("X started in 2018 as Y": a few words may separate the cue's parts)
            for c, need, rx in self._alias_rx:
                if not all(w in slow for w in need):
                    continue
                for mm in rx.finditer(slow):
                    ca = s0 + mm.start()
                    before = [m for m in ms if m.end <= ca]
                    after = [m for m in ms if m.start >= ca]
                    if not before or not after:
                        continue
                    # the nearest name on each side, whole: "Carers Partners Panel", not
                    # the "Partners Panel" inside it that is dropped below
                    x = max(before, key=lambda m: (m.end, m.end - m.start))
                    y = min(after, key=lambda m: (m.start, m.start - m.end))
                    if x.key != y.key:
                        links.append(Link(x.key, y.key, "alias:" + c, doc_path, x.start, y.end))
            # 8b. "X, som sedan 2019 heter Y", "X, which until 2019 was called Y": a naming
            # verb in a relative clause right after a name renames that name
            for c, rx in self._naming_rx:
                if c not in slow:
                    continue
                for mm in rx.finditer(slow):
                    ca, cb = s0 + mm.start(), s0 + mm.end()
                    before = [m for m in ms if m.end <= ca]
                    after = [m for m in ms if m.start >= cb]
                    if not before or not after or before[-1].key == after[0].key:
                        continue
                    x, y = before[-1], after[0]
                    if _RELATIVE_RENAME.fullmatch(text[x.end : ca]) and re.fullmatch(
                        r"\s*(?:(?:the|den|det)\s+)?", text[cb : y.start], re.IGNORECASE
                    ):
                        links.append(Link(x.key, y.key, "alias:" + c, doc_path, x.start, y.end))
        mentions = sorted(out.values(), key=Mention.sort_key)
        # drop mentions nested in a longer mention with the same start/end region
        keep: list[Mention] = []
        for m in mentions:
            if any(
                o is not m
                and o.start <= m.start
                and m.end <= o.end
                and (o.end - o.start) > (m.end - m.start)
                and o.key.endswith(m.key)
                for o in mentions
            ):
                continue
            keep.append(m)
        return keep, links
