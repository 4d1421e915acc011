"""Find the person names (and, on request, contact details) in a set of texts.

Why a corpus and not one text at a time: a name is replaced by the same code in every
document, and a bare "Anna" or "Berg" is only known to be a person once "Anna Berg" has been
seen somewhere. Detection therefore runs in two passes:

1. per text: full names (a given name followed by surname-like words, "M. Doyle"), names
   backed by an honorific or a job title ("Dr Ng", "kuratorn Linnea Hjort"), speaker labels
   of transcripts, initials a header pairs with a name ("Maria Holmgren (MH)"), and lone
   given names where they cannot be an ordinary word;
2. over the corpus: every capitalised word that is a given name or surname of a person
   found in pass 1 (also in the Swedish genitive, "Annas", "Bergs") is that person.

Names of initiatives and institutions stay: a name followed by a head noun ("Ella Network",
"Ellas café", "Sankt Görans sjukhus", "Greta-caféet") is left alone, and so is every phrase
of a keep list. The vocabulary is language data (``lang/<lang>/pseudonymise.toml``, the name
lists of ``coatlas.lang.names``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from coatlas.lang.names import LANGS, ambiguous_names, given_names, is_job_title, surnames
from coatlas.text.sentences import load_lang_data

__all__ = ["Mention", "detect", "lang_data"]

# A word: letters with inner hyphens or apostrophes ("Anna-Karin", "O'Brien").
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’]s?\b")
_LABEL = re.compile(
    r"^[ \t]*(?P<label>[^\W\d_][\w.'’\- ]{0,38}?)[ \t]*(?:\([^()\n]{1,24}\))?[ \t]*:", re.M
)
_INITIALS = re.compile(r"\((?P<abbr>[A-ZÅÄÖÆØ]{2,4})\)")
_SENTENCE_END = '.!?:;\n•–—-*"“”«»(['

# Contact details. Personnummer: YYYYMMDD[-+]NNNN or YYMMDD-NNNN (ten bare digits are more
# often a mobile number); day 61–91 is a samordningsnummer. Phone numbers: an optional +CC, then groups of digits separated by
# spaces or hyphens, 7 to 13 digits in all, not a date and not a year range.
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?![\w-])")
_PNR = re.compile(
    r"(?<![\d-])(?:(?:19|20)(\d{2})(\d{2})(\d{2})[-+]?|(\d{2})(\d{2})(\d{2})[-+])\d{4}(?![\d-])"
)
_PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ -]?(?:\(0\)[ -]?)?\d|0\d)[\d -]{5,16}\d(?![\d-])")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$|^\d{4} ?- ?\d{4}$|^\d{2,4}[- ]\d{2}[- ]\d{2}$")


@dataclass(frozen=True, slots=True)
class Mention:
    """One span to replace. ``key`` names the entity (same key, same code everywhere)."""

    start: int
    end: int
    kind: str  # person | initials | email | phone | personnummer
    key: str
    genitive: bool = False  # a Swedish genitive -s belongs to the span ("Annas")
    role: str | None = None  # staff | patient | relative | interviewer | participant


@dataclass
class _Tok:
    start: int
    end: int
    text: str  # without an English possessive
    initial: bool = False

    @property
    def cf(self) -> str:
        return self.text.casefold()


@dataclass
class _Found:
    """Pass 1's result for one text."""

    persons: list[tuple[int, int, tuple[str, ...], str | None]] = field(default_factory=list)
    initials: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "MH" -> name tokens
    blocked: list[tuple[int, int]] = field(default_factory=list)  # protected or contact spans
    contacts: list[Mention] = field(default_factory=list)


@cache
def lang_data() -> dict[str, Any]:
    """Both languages' cue words, merged (documents mix them)."""
    out: dict[str, Any] = {
        "relative": set(),
        "patient": set(),
        "heads": set(),
        "before": set(),
        "not_names": set(),
        "labels": {},
        "code_label": {},
        "genitive": {},
        "kind_labels": {},
        "organisation_patterns": [],
        "place_before": set(),
    }
    for lang in LANGS:
        d = load_lang_data(lang, "pseudonymise")
        cues = d.get("cues", {})
        out["relative"] |= {w.casefold() for w in cues.get("relative_cues", [])}
        out["patient"] |= {w.casefold() for w in cues.get("patient_cues", [])}
        out["heads"] |= {w.casefold() for w in cues.get("protect_heads", [])}
        out["before"] |= {w.casefold() for w in cues.get("protect_before", [])}
        out["not_names"] |= {w.casefold() for w in cues.get("not_names", [])}
        out["labels"][lang] = dict(d.get("role_labels", {}))
        out["code_label"][lang] = d.get("code_label", "Person")
        out["genitive"][lang] = d.get("genitive", "")
        out["kind_labels"][lang] = dict(d.get("kind_labels", {}))
        out["organisation_patterns"] += [
            re.compile(p) for p in cues.get("organisation_patterns", [])
        ]
        out["place_before"] |= {w.casefold() for w in cues.get("place_before", [])}
    return out


# month names that are also given names (June, May, Juni) and the words that put a
# date after them
_MONTHS = frozenset({"april", "may", "june", "july", "august", "maj", "juni", "juli", "augusti"})
_BEFORE_DATE = frozenset(
    {"in", "since", "until", "during", "from", "by", "early", "late", "mid", "last", "next",
     "i", "sedan", "från", "till", "under", "före", "efter", "förra", "nästa", "början", "slutet"}
)  # fmt: skip


def _a_month(text: str, start: int, end: int, cf: str) -> bool:
    """A month that is also a given name, used as a date ("June 2021", "in May")."""
    if cf not in _MONTHS:
        return False
    if re.match(r"[ \t]*\d", text[end : end + 4]):
        return True
    before = _prev_words(text, start, 1)
    return bool(before) and before[-1] in _BEFORE_DATE


@cache
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    given: set[str] = set()
    sur: set[str] = set()
    weak: set[str] = set()
    for lang in LANGS:
        given |= {n.casefold() for n in given_names(lang)}
        sur |= {n.casefold() for n in surnames(lang)}
        weak |= {n.casefold() for n in ambiguous_names(lang)}
    weak |= lang_data()["not_names"]
    return frozenset(given), frozenset(sur), frozenset(weak), _honorifics()


@cache
def _honorifics() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        cues = load_lang_data(lang, "person_cues")
        out |= {h.casefold().rstrip(".") for h in cues.get("honorifics", [])}
    return frozenset(out)


@cache
def _particles() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        out |= {p.casefold() for p in load_lang_data(lang, "person_cues").get("particles", [])}
    return frozenset(out - {"de", "la", "le", "st", "du", "di", "da"}) | {"af", "von", "van"}


@cache
def _surname_suffixes() -> tuple[str, ...]:
    out: set[str] = set()
    for lang in LANGS:
        out |= {
            s.casefold() for s in load_lang_data(lang, "person_cues").get("surname_suffixes", [])
        }
    return tuple(sorted(out))


@cache
def _links() -> frozenset[str]:
    out: set[str] = set()
    for lang in LANGS:
        out |= {w.casefold() for w in load_lang_data(lang, "person_cues").get("title_links", [])}
    return frozenset(out)


@cache
def _role_words() -> frozenset[str]:
    """Transcript role labels ("Intervjuare", "P3", "Moderator"): labels that are not names."""
    out: set[str] = set()
    for lang in LANGS:
        d = load_lang_data(lang, "transcript")
        for k in ("interviewer", "respondent", "other", "metadata"):
            out |= {x.casefold() for x in d.get(k, [])}
        for words in d.get("header_plurals", {}).values():
            out |= {x.casefold() for x in words}
    return frozenset(out)


@cache
def _label_role(label: str) -> str | None:
    """The role a transcript label or header word stands for ("Intervjuare", "Participants")."""
    for lang in LANGS:
        d = load_lang_data(lang, "transcript")
        plurals = d.get("header_plurals", {})
        for k in ("interviewer", "respondent"):
            words = [*d.get(k, []), *plurals.get(k, [])]
            if label.casefold() in {x.casefold() for x in words}:
                return k
    return None


# ---------------------------------------------------------------------------------------------
# tokens


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for m in _WORD.finditer(text):
        s, e = m.start(), m.end()
        word = m.group()
        p = _POSSESSIVE.search(word)
        if p and p.end() == len(word) and p.start() > 0:
            word = word[: p.start()]
        initial = len(word) == 1 and word.isupper() and text[e : e + 1] == "."
        out.append(_Tok(s, s + len(word), word, initial))
    return out


def _cap(t: _Tok) -> bool:
    return t.text[:1].isupper() and not t.text.isupper() or (len(t.text) == 1 and t.initial)


def _name_shaped(t: _Tok) -> bool:
    """Capitalised, and every hyphen part too ("Anna-Karin", not "Greta-caféet")."""
    if not t.text[:1].isupper() or (t.text.isupper() and len(t.text) > 1):
        return False
    return all(p[:1].isupper() for p in re.split(r"[-]", t.text) if p)


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“”‘’«»([":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _is_given(cf: str) -> bool:
    given = _lists()[0]
    return cf in given or ("-" in cf and all(p in given for p in cf.split("-") if p))


def _is_surname(cf: str) -> bool:
    sur = _lists()[1]
    if cf in sur or ("-" in cf and all(p in sur for p in cf.split("-") if p)):
        return True
    return any(cf.endswith(s) and len(cf) >= len(s) + 2 for s in _surname_suffixes())


def _bare(cf: str) -> tuple[str, bool]:
    """A Swedish genitive -s taken off when the rest is a name and the word is not one."""
    if cf.endswith("s") and len(cf) > 3 and not (_is_given(cf) or cf in _lists()[1]):
        base = cf[:-1]
        if _is_given(base) or _is_surname(base):
            return base, True
    return cf, False


# ---------------------------------------------------------------------------------------------
# pass 1: one text


def _blocked(spans: Sequence[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _contacts(text: str, found: _Found) -> None:
    taken: list[tuple[int, int]] = []
    for m in _EMAIL.finditer(text):
        found.contacts.append(Mention(m.start(), m.end(), "email", m.group().casefold()))
        taken.append(m.span())
    for m in _PNR.finditer(text):
        mm, dd = int(m.group(2) or m.group(5)), int(m.group(3) or m.group(6))
        if _blocked(taken, *m.span()) or not (1 <= mm <= 12 and (1 <= dd <= 31 or 61 <= dd <= 91)):
            continue
        digits = re.sub(r"\D", "", m.group())[-10:]
        found.contacts.append(Mention(m.start(), m.end(), "personnummer", digits))
        taken.append(m.span())
    for m in _PHONE.finditer(text):
        raw = m.group().strip(" -")
        digits = re.sub(r"\D", "", raw)
        if _blocked(taken, *m.span()) or not 7 <= len(digits) <= 13 or _DATE.match(raw):
            continue
        end = m.start() + len(raw)
        key = digits[2:] if raw.startswith("+") and digits[2:3] != "0" else digits.lstrip("0")
        found.contacts.append(Mention(m.start(), end, "phone", key.lstrip("0")))
        taken.append((m.start(), end))
    found.blocked.extend(taken)


def _organisations_places(
    text: str, toks: list[_Tok], found: _Found, organisations: bool, places: bool
) -> None:
    """Names of public bodies and care sites (lang data patterns) and capitalised words
    right after a locative preposition ("i Kvarnås", "at Lommarp"), when asked: they can
    trace a transcript to a ward as surely as a name can. Kept phrases stay."""
    d = lang_data()
    given_l, sur_l, _weak, _hon = _lists()
    if organisations:
        for rx in d["organisation_patterns"]:
            for m in rx.finditer(text):
                s, e = m.span(1)
                if _blocked(found.blocked, s, e):
                    continue
                key = " ".join(m.group(1).casefold().split())
                found.contacts.append(Mention(s, e, "organisation", key))
                found.blocked.append((s, e))
    if not places:
        return
    months = {w.casefold() for w in _MONTHS_AND_DAYS}
    for i, t in enumerate(toks[1:], 1):
        prev = toks[i - 1]
        if prev.cf not in d["place_before"] or not t.text[:1].isupper() or t.text.isupper():
            continue
        if text[prev.end : t.start] != " ":
            continue
        j = i
        while (
            j + 1 < len(toks)
            and toks[j + 1].text[:1].isupper()
            and text[toks[j].end : toks[j + 1].start] == " "
        ):
            j += 1
        s, e = t.start, toks[j].end
        words = [x.cf for x in toks[i : j + 1]]
        if _blocked(found.blocked, s, e) or words[0] in months or words[0] in d["not_names"]:
            continue
        if words[0] in given_l or words[-1] in sur_l and len(words) > 1:
            continue  # a person ("till Anna", "with Karin Berg") is the person finder's
        bare = _bare(words[-1])[0] if len(words) == 1 else " ".join(words)
        found.contacts.append(Mention(s, e, "place", bare))
        found.blocked.append((s, e))


_MONTHS_AND_DAYS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Christmas",
    "Easter",
    "Januari",
    "Februari",
    "Mars",
    "Maj",
    "Juni",
    "Juli",
    "Augusti",
    "Oktober",
    "Måndag",
    "Tisdag",
    "Onsdag",
    "Torsdag",
    "Fredag",
    "Lördag",
    "Söndag",
    "Jul",
    "Påsk",
    "Midsommar",
]


def _protected(text: str, toks: list[_Tok], keep: Sequence[str], found: _Found) -> None:
    """Spans that must stay: keep-list phrases, names of things ("Ellas café")."""
    heads = lang_data()["heads"]
    for phrase in keep:
        if phrase.strip():
            pat = re.compile(rf"(?<!\w){re.escape(phrase.strip())}(?!\w)", re.I)
            found.blocked.extend(m.span() for m in pat.finditer(text))
    for t in toks:
        # compound on a head: "Greta-caféet", "Sigrid-modellen"
        if "-" in t.text:
            tail = t.text.rsplit("-", 1)[1].casefold()
            if tail in heads or any(tail.endswith(h) for h in heads if len(h) >= 4):
                found.blocked.append((t.start, t.end))


def _runs(text: str, toks: list[_Tok]) -> list[list[int]]:
    """Indices of maximal sequences of capitalised words on one line ("Maj-Britt Åkesson")."""
    runs: list[list[int]] = []
    cur: list[int] = []
    particles = _particles()
    for i, t in enumerate(toks):
        ok = _cap(t) or (cur and t.cf in particles and i + 1 < len(toks) and _cap(toks[i + 1]))
        if ok and cur:
            gap = text[toks[cur[-1]].end : t.start]
            prev = toks[cur[-1]]
            if not (gap == " " or (prev.initial and gap in (". ", "."))):
                runs.append(cur)
                cur = []
        if ok:
            cur.append(i)
        elif cur:
            runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    return runs


_CLINICAL = frozenset({"dr", "doktor", "doctor", "prof", "professor", "docent"})
_ARTICLES = frozenset({"the", "a", "den", "det"})


def _name_start(t: _Tok) -> bool:
    return t.initial or t.cf.rstrip(".") in _lists()[3] or _is_given(t.cf)


def _in_name_list(text: str, start: int, end: int, found: _Found) -> bool:
    """An unlisted name among listed ones ("Present: A B (Chair), Kwame Mensah, C D")."""
    line_s = text.rfind("\n", 0, start) + 1
    line_e = text.find("\n", end)
    line_e = len(text) if line_e < 0 else line_e
    before = text[line_s:start].rstrip()
    after = text[end:line_e].lstrip()
    if not (before.endswith((",", ";", ":")) or after.startswith((",", ";", "("))):
        return False
    near = [
        (s, e) for s, e, name, _r in found.persons if len(name) >= 2 and line_s <= s and e <= line_e
    ]
    left = any(0 <= start - e <= 45 for s, e in near)
    right = any(0 <= s - end <= 45 for s, e in near)
    return left or right


def _prev_words(text: str, start: int, n: int = 3) -> list[str]:
    line_start = text.rfind("\n", 0, start) + 1
    words = _WORD.findall(text[line_start:start])
    return [w.casefold() for w in words[-n:]]


def _backing(text: str, start: int) -> str | None:
    """A job title or honorific right before the name: "staff" (or "title" for Dr/Mr)."""
    line = text[text.rfind("\n", 0, start) + 1 : start]
    m = re.search(r"([^\W\d_]+)(\.?)[ \t]+$", line)
    if not m or (m.group(2) and m.group(1).casefold() not in _lists()[3]):
        return None  # punctuation between ("distriktssköterska. Jag"), bar "Dr. Ng"
    words = _prev_words(text, start, 3)
    if not words or words[-1] in _links():
        return None  # "Director of Nursing"
    hon = _lists()[3]
    if words[-1].rstrip(".") in hon:
        return "staff" if words[-1].rstrip(".") in _CLINICAL else "title"
    for k in range(len(words)):
        if is_job_title(" ".join(words[k:])):
            return "staff"
    return None


def _cue_role(text: str, start: int) -> str | None:
    line = text[text.rfind("\n", 0, start) + 1 : start]
    m = re.match(r"\s*([^\W\d_][\w ]{0,30}?)\s*:\s*$", line)
    if m:
        role = _label_role(m.group(1))
        if role:
            return "interviewer" if role == "interviewer" else "participant"
    words = _prev_words(text, start, 2)
    d = lang_data()
    for w in reversed(words):
        if w in d["relative"]:
            return "relative"
        if w in d["patient"]:
            return "patient"
    return None


def _after_title(text: str, end: int) -> bool:
    """A job title after the name: "Joanne Baker (Head of Patient Experience)", "Ingrid, distriktssköterska"."""
    m = re.match(r"\s*(?:,|\(|–|—| - )\s*([^,()\n.;]{2,60})", text[end : end + 80])
    return bool(m) and is_job_title(m.group(1).strip())


def _doc_words(text: str) -> frozenset[str]:
    """Lower-case words of the text: a name also written in lower case here is a word here."""
    return frozenset(w for w in _WORD.findall(text) if w.islower())


def _pass1(
    text: str,
    keep: Sequence[str],
    contacts: bool,
    organisations: bool = False,
    places: bool = False,
) -> _Found:
    found = _Found()
    if contacts:
        _contacts(text, found)
    toks = _tokens(text)
    _protected(text, toks, keep, found)
    if organisations or places:
        _organisations_places(text, toks, found, organisations, places)
    given_l, sur_l, weak, hon = _lists()
    heads, before = lang_data()["heads"], lang_data()["before"]
    lower = _doc_words(text)

    def add(ts: list[_Tok], role: str | None) -> None:
        s, e = ts[0].start, ts[-1].end
        if _blocked(found.blocked, s, e):
            return
        name = tuple(_bare(t.cf)[0] if t is ts[-1] else t.cf for t in ts)
        found.persons.append((s, e, name, role))

    for run in _runs(text, toks):
        ts = [toks[i] for i in run]
        # a capitalised word before the name starts the sentence ("Through Dr Ng", "När Camilla
        # Wester"): the name begins at the first honorific, initial or given name
        while len(ts) > 1 and not _name_start(ts[0]) and any(_name_start(x) for x in ts[1:]):
            ts = ts[1:]
        # honorifics and titles inside the run ("Dr Sarah Jones", "Cllr Margaret Doyle")
        backed: str | None = _backing(text, ts[0].start)
        while ts and ts[0].cf.rstrip(".") in hon:
            backed = "staff" if ts[0].cf.rstrip(".") in _CLINICAL else "title"
            ts = ts[1:]
        if not ts or re.match(r"[ \t]?\d{1,3}(?!\d)", text[ts[-1].end : ts[-1].end + 5]):
            continue  # "Ward 7", or a code already ("Person 04")
        nxt = text[ts[-1].end : ts[-1].end + 40]
        m = re.match(r"(?:['’]s)?\s+([^\W\d_]+)", nxt)
        next_word = m.group(1).casefold() if m else ""
        prev = _prev_words(text, ts[0].start, 1)
        # names of things: "Ella Network", "Ellas café", "Sankt Görans sjukhus"; a head that is
        # also a surname ends a person's name unless "the" stands before ("Emma Ward")
        thing = next_word in heads or bool(prev and prev[0] in before)
        for t in ts[1:]:
            if t.cf in heads and not (
                t is ts[-1] and t.cf in sur_l and not (prev and prev[0] in _ARTICLES)
            ):
                thing = True
        if thing:
            found.blocked.append((ts[0].start, ts[-1].end))
            continue
        if not all(_name_shaped(t) or t.initial or t.cf in _particles() for t in ts):
            continue
        role = _cue_role(text, ts[0].start) or (
            "staff" if backed == "staff" or _after_title(text, ts[-1].end) else None
        )
        first = ts[0]
        initial_start = _sentence_initial(text, first.start)
        if len(ts) >= 2:
            last_cf = _bare(ts[-1].cf)[0]
            starts_name = first.initial or _is_given(first.cf)
            if starts_name and not ts[-1].initial:
                if first.initial and not (_is_surname(last_cf) or backed):
                    continue
                if first.cf in weak and initial_start and not (_is_surname(last_cf) or backed):
                    continue
                add(ts, role)
                continue
            if backed and all(
                _is_given(t.cf) or _is_surname(_bare(t.cf)[0]) or t.initial for t in ts
            ):
                add(ts, role)
                continue
            # an unlisted given name before a listed surname, inside a sentence ("Priya Shah")
            if (
                len(ts) == 2
                and not initial_start
                and last_cf in sur_l
                and last_cf not in weak
                and not is_job_title(first.text)
            ):
                add(ts, role)
                continue
            if len(ts) <= 3 and _in_name_list(text, ts[0].start, ts[-1].end, found):
                add(ts, role)
            continue
        # one word
        t = first
        cf, _gen = _bare(t.cf)
        if backed:
            add([t], role)
            continue
        if initial_start and t.cf in lower:
            continue  # "Finns det": a word here, though "Finn" is a name
        if re.search(r"\d[ \t]*$", text[max(0, t.start - 4) : t.start]):
            continue  # a date ("3 May", "12 Juni")
        if _a_month(text, t.start, t.end, cf):
            continue  # a month: "June 2021", "in June", "sedan maj"
        if _is_given(cf) and not (cf in given_l and cf in sur_l and initial_start and cf in lower):
            if cf in weak and (initial_start or cf in lower):
                continue  # "Inga papper", "Per dag", "May I": only as an alias (pass 2)
            add([t], role)
    _labels(text, toks, found)
    return found


def _labels(text: str, toks: list[_Tok], found: _Found) -> None:
    """Speaker labels that are names ("Karin:", "Olle Svensson:") and header initials."""
    roles = _role_words()
    counts: dict[str, int] = {}
    spans: list[tuple[int, int, str]] = []
    for m in _LABEL.finditer(text):
        label = m.group("label").strip()
        if label.casefold() in roles or re.sub(r"\s*\d+$", "", label).casefold() in roles:
            continue
        s = m.start("label") + (len(m.group("label")) - len(m.group("label").lstrip()))
        counts[label] = counts.get(label, 0) + 1
        spans.append((s, s + len(label), label))
    for s, e, label in spans:
        words = label.split()
        if label.isupper() and 2 <= len(label) <= 4:
            continue  # initials: resolved below
        if not all(w[:1].isupper() for w in words) or len(words) > 3:
            continue
        named = _is_given(words[0].casefold()) or counts[label] >= 2
        inside = any(a <= s and e <= b for a, b, *_ in found.persons)
        if named and not inside and not _blocked(found.blocked, s, e):
            found.persons.append((s, e, tuple(w.casefold() for w in words), None))
    # "Maria Holmgren (MH)": initials of a found name
    for _s, e, name, _role in list(found.persons):
        m = _INITIALS.match(text, e) or _INITIALS.match(text, e + 1)
        if m and len(name) >= 2:
            abbr = m.group("abbr")
            letters = "".join(p[0] for n in name for p in n.split("-")).upper()
            if abbr[0] == letters[0] and set(abbr) <= set(letters):
                found.initials.setdefault(abbr, name)


# ---------------------------------------------------------------------------------------------
# pass 2: the corpus


def detect(
    texts: Iterable[tuple[str, str]],
    *,
    keep: Sequence[str] = (),
    contacts: bool = False,
    organisations: bool = False,
    places: bool = False,
) -> dict[str, list[Mention]]:
    """Mentions per text id for ``(id, text)`` pairs; the same person has the same key.

    ``keep``: phrases never touched (initiative names and aliases). ``contacts``: also
    e-mail addresses, phone numbers and personnummer.
    """
    items = list(texts)
    firsts = {tid: _pass1(text, keep, contacts, organisations, places) for tid, text in items}
    # entities: full names over the corpus; a one-word name joins the only full name it fits
    full: list[tuple[str, ...]] = []
    for tid, _ in items:
        for _s, _e, name, _r in firsts[tid].persons:
            if len(name) >= 2 and name not in full:
                full.append(name)

    def resolve(name: tuple[str, ...], local: list[tuple[str, ...]]) -> str:
        if len(name) >= 2:
            if len(name[0]) == 1:  # "M. Doyle"
                fits = [f for f in full if f[-1] == name[-1] and f[0][:1] == name[0]]
                if len(fits) == 1:
                    return " ".join(fits[0])
            return " ".join(name)
        w = name[0]
        for pool in (local, full):
            fits = [f for f in pool if w in (f[0], f[-1]) or w in f[0].split("-")]
            if len({" ".join(f) for f in fits}) == 1:
                return " ".join(fits[0])
            if fits:
                return " ".join(fits[-1]) if pool is local else w
        return w

    out: dict[str, list[Mention]] = {}
    given_l, sur_l, weak, hon = _lists()
    places_seen = sorted(
        {
            (text[c.start : c.end], c.key)
            for tid, text in items
            for c in firsts[tid].contacts
            if c.kind == "place"
        }
    )
    for tid, text in items:
        f = firsts[tid]
        local = [n for _s, _e, n, _r in f.persons if len(n) >= 2]
        mentions: dict[int, Mention] = {}
        roles: dict[str, str] = {}
        for s, e, name, role in f.persons:
            key = resolve(name, local)
            gen = text[s:e].casefold().endswith("s") and _bare(text[s:e].split()[-1].casefold())[1]
            mentions[s] = Mention(s, e, "person", key, bool(gen), role)
        # aliases: every capitalised word that is a part of a person's name
        parts: dict[str, str] = {}
        for pool in (full, local):
            for n in pool:
                for p in (n[0], n[-1], *n[0].split("-")):
                    if len(p) > 1:
                        parts.setdefault(p, " ".join(n))
        for s, _e, _n, _r in f.persons:
            if len(_n) == 1 and _n[0] not in parts:
                parts[_n[0]] = mentions[s].key
        for t in _tokens(text):
            if t.start in mentions or not _name_shaped(t):
                continue
            if any(m.start <= t.start < m.end for m in mentions.values()):
                continue
            if _blocked(f.blocked, t.start, t.end):
                continue
            cf, gen = _bare(t.cf)
            if cf not in parts:
                if t.cf in parts:
                    cf, gen = t.cf, False
                elif t.cf.endswith("s") and t.cf[:-1] in parts:
                    cf, gen = t.cf[:-1], True  # "Wiks": genitive of an unlisted surname
                else:
                    continue
            if re.match(r"\s?\d", text[t.end : t.end + 2]):
                continue  # "Ward 7", "Rum 3"
            if _a_month(text, t.start, t.end, cf):
                continue  # "in June", though June Smith is named elsewhere
            lower = cf in _doc_words(text)
            if cf in weak and not any(cf in n or cf in n[0].split("-") for n in local):
                continue  # an everyday word ("Ward", "Per") only for a person named here
            if (cf in weak or lower) and _sentence_initial(text, t.start):
                # "Hans fru", "Per dag": a weak word starting a sentence is a person only when
                # the same text names the person in full, and not before a kinship noun
                if not any(cf in n for n in local):
                    continue
                nxt = _WORD.findall(text[t.end : t.end + 30])
                d = lang_data()
                if nxt and nxt[0].casefold() in d["relative"] | d["heads"]:
                    continue
            key = parts[cf]
            mentions[t.start] = Mention(t.start, t.end, "person", key, gen, None)
        # initials from the header, wherever they stand as a word
        for abbr, name in f.initials.items():
            key = resolve(name, local)
            for m in re.finditer(rf"(?<![\w]){re.escape(abbr)}(?![\w])", text):
                if not any(x.start <= m.start() < x.end for x in mentions.values()):
                    mentions[m.start()] = Mention(m.start(), m.end(), "initials", key)
        for c in f.contacts:
            mentions[c.start] = c
        # a place named once after "i"/"at" is the same place wherever else it stands
        for surface, key in places_seen:
            for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
                if _blocked(f.blocked, m.start(), m.end()) and m.start() not in mentions:
                    continue
                if not any(x.start < m.end() and m.start() < x.end for x in mentions.values()):
                    mentions[m.start()] = Mention(m.start(), m.end(), "place", key)
        for m in mentions.values():
            if m.role and m.key not in roles:
                roles[m.key] = m.role
        ordered = sorted(mentions.values(), key=lambda m: m.start)
        merged: list[Mention] = []
        for m in ordered:  # overlaps: the earlier, longer span wins
            if merged and m.start < merged[-1].end:
                continue
            merged.append(m)
        out[tid] = merged
    return out
