"""Do persons with patient experience TAKE PART, or are they only served?

The study counts an initiative only when PPE (patients, relatives, residents,
users) are involved: they design, tell, review, lead, test, sit in the team.
"Offered to patients" or "for patients" is a beneficiary, not involvement, and
a project run by staff alone (logistics, records, scheduling, buildings) is a
non-initiative.  The actor vocabulary comes from the codebook's ``ppe`` group
when one is given, else from ``lang/<xx>/initiatives.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from coatlas.directed.lexicon import lexicons


@dataclass(frozen=True, slots=True)
class PPEHit:
    start: int  # the sentence that shows it
    end: int
    actor: str
    cue: str | None
    beneficiary: bool
    score: float  # 1 involvement, 0.3 beneficiary-only mention with a cue, 0 none
    document: str = ""


def _term_rx(w: str) -> str:
    """A vocabulary term as regex; the codebook's ``*`` is any word ending/beginning."""
    core = re.escape(w.strip("*")).replace(r"\ ", r"\s+")
    return (r"\w*" if w.startswith("*") else "") + core + (r"\w*" if w.endswith("*") else "")


def _alt(words) -> re.Pattern[str]:
    ws = sorted({w.lower() for w in words if w and len(w.strip("*")) >= 2}, key=len, reverse=True)
    # "super-users" is not "users": no hyphen before a term
    return re.compile(
        r"(?<![\w-])(" + "|".join(_term_rx(w) for w in ws) + r")(?!\w)", re.IGNORECASE
    )


def codebook_actors(codebook, lang: str) -> tuple[str, ...]:
    """PPE vocabulary of the codebook's ``ppe`` group for one language (empty without one)."""
    if codebook is None:
        return ()
    try:
        terms = codebook.terms("ppe", lang)
    except (KeyError, AttributeError):
        return ()
    # very short or one-word kinship terms are too ambiguous to decide involvement on
    return tuple(sorted(t for t in terms if len(t.strip("*")) >= 5))


@lru_cache(maxsize=16)
def _patterns(extra_actors: tuple[str, ...] = ()):
    lx = lexicons()
    actors = set(extra_actors)
    inv, ben_before, ben_phr, mod_only, mod_ok, stop = set(), set(), set(), set(), set(), set()
    neg: set[str] = set()
    member: set[str] = set()
    for lex in lx.values():
        member |= {str(w).lower() for w in lex.raw.get("membership_before") or []}
        actors |= set(lex.ppe_actors)
        inv |= set(lex.involvement)
        ben_before |= set(lex.beneficiary_before)
        ben_phr |= set(lex.beneficiary_phrases)
        mod_only |= set(lex.ppe_modifier_only)
        mod_ok |= set(lex.ppe_modifier_ok)
        stop |= set(lex.stopwords)
        neg |= set(lex.negations)
    return (
        _alt(actors),
        _alt(inv),
        frozenset(ben_before),
        _alt(ben_phr),
        frozenset(mod_only),
        frozenset(mod_ok),
        frozenset(stop),
        _alt(neg),
        re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(member))
            + r")\s+(?:[\w-]+\s+){0,2}$"
        )
        if member
        else None,
    )


_ROSTER = re.compile(
    r"(?im)^[ \t]*(?:present|in attendance|attendees|apologies|also present|chair|secretary|"
    r"närvarande|frånvarande|övriga närvarande|ordförande|sekreterare|justerare)\s*:[^\n]*"
    r"(?:\n(?![ \t]*\n)[^\n:]*(?:\([^)\n]*\))?[^\n:]*(?=\n))*"
)


@lru_cache(maxsize=1)
def _generic_participants() -> tuple[frozenset[str], re.Pattern[str] | None]:
    """Actor words that say only that someone took part ("deltagare", "participants"),
    and the staff groups that, named in the same sentence, say who they were ("för
    första linjens chefer, med 60 deltagare"): lang data ``generic_participants`` and
    ``staff_groups``."""
    lx = lexicons()
    generic = frozenset(
        str(w).lower() for g in lx.values() for w in g.raw.get("generic_participants") or []
    )
    staff = {str(w).lower() for g in lx.values() for w in g.raw.get("staff_groups") or []}
    return generic, _alt(staff) if staff else None


@lru_cache(maxsize=1)
def _not_ppe_before() -> frozenset[str]:
    """Words that make the actor word after them staff ("system users")."""
    lx = lexicons()
    return frozenset(str(w).lower() for g in lx.values() for w in g.raw.get("not_ppe_before") or [])


@lru_cache(maxsize=1)
def _led_terms() -> re.Pattern[str] | None:
    words = {str(w) for g in lexicons().values() for w in g.raw.get("ppe_led_terms") or []}
    return _alt(words) if words else None


def names_leading_ppe(surface: str) -> bool:
    """Whether a name or practice term itself says PPE lead or control it ("brukarstyrd
    vård", "patient-led clinic"; lang data ``ppe_led_terms``). Only the thing so
    named: a sentence with such a term says nothing of the other names in it."""
    led = _led_terms()
    return led is not None and led.search(surface) is not None


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str] | None:
    """Roles built on lived experience (lang data ``lived_experience_roles.txt``, with
    plural and definite endings): whoever holds one takes part by holding it."""
    from coatlas.lang.names import lived_experience_roles

    words = sorted({r for lang in ("en", "sv") for r in lived_experience_roles(lang)}, key=len)
    if not words:
        return None
    alts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in reversed(words))
    return re.compile(r"(?<![\w-])(?:" + alts + r")(?:s|es|er|erna|en|n|na|ar|arna|e|a)?(?!\w)")


def _continues(seg: str, i: int) -> bool:
    """Whether the line break at ``i`` is inside a sentence: the next line starts with
    a lowercase letter and the line before does not end a clause (as the sentence
    splitter decides)."""
    nxt = seg[i + 1 : i + 2]
    prev = seg[:i].rstrip(" \t")[-1:]
    return nxt.isalpha() and nxt.islower() and prev != "" and prev not in ".!?:;…|"


def ppe_hits(text: str, start: int, end: int, extra_actors: tuple[str, ...] = ()) -> list[PPEHit]:
    """PPE actors in ``text[start:end]`` (one sentence) and whether they take part."""
    actors, inv, ben_before, ben_phr, mod_only, mod_ok, stop, neg, member = _patterns(extra_actors)
    not_ppe = _not_ppe_before()
    seg = text[start:end]
    low = seg.lower()
    # lists of who attended a meeting say nothing about who took part in what
    low = _ROSTER.sub(lambda m: " " * len(m.group()), low)
    cues = [(m.start(), m.end(), m.group().lower()) for m in inv.finditer(low)]
    bens = [(m.start(), m.end()) for m in ben_phr.finditer(low)]
    breaks = [i for i, ch in enumerate(low) if ch == ";" or (ch == "\n" and not _continues(seg, i))]
    hits: list[PPEHit] = []
    generic, staff = _generic_participants()
    staffed = staff is not None and staff.search(low) is not None
    for m in actors.finditer(low):
        word = m.group().lower()
        if staffed and word in generic:
            continue  # "a leadership programme for managers, with 60 participants"
        after = re.match(r"\s+([\w-]+)", low[m.end() :])
        if word in mod_only and after:
            nxt = after.group(1)
            if nxt not in mod_ok and nxt not in stop and nxt.isalpha():
                continue  # "patient rooms", "peer review"
        before = re.findall(r"[\w-]+", low[max(0, m.start() - 25) : m.start()])
        prev = before[-1] if before else ""
        prev2 = before[-2] if len(before) > 1 else ""
        if prev in not_ppe:
            continue  # "system users", "superusers' meeting": staff who use a system
        beneficiary = prev in ben_before or (
            prev in stop and prev2 in ben_before and prev not in ("with", "med")
        )
        beneficiary = beneficiary or any(a <= m.start() < b + 3 for a, b in bens)
        if prev in ("with", "med") and prev2 in ("together", "tillsammans"):
            beneficiary = False
        # "a panel of 24 patients": the actors are the body's members
        membership = member is not None and member.search(low[max(0, m.start() - 40) : m.start()])
        # a line break or semicolon ends a statement (tables, lists, clauses), but not a
        # break inside a sentence (easy-read text breaks lines mid-sentence)
        line_a = max((b for b in breaks if b < m.start()), default=-1) + 1
        line_b = min((b for b in breaks if b >= m.end()), default=len(low))
        near = [
            c
            for c in cues
            if abs(c[0] - m.start()) <= 120
            and not (c[0] <= m.start() < c[1])
            and line_a <= c[0] < line_b
        ]
        best = min(near, key=lambda c: abs(c[0] - m.start())) if near else None
        cue = best[2] if best else None
        if membership:
            a0 = m.start() - len(membership.group())
            best, cue, beneficiary = (a0, m.start(), "member"), "member", False
        negated = False
        if best is not None:
            # "no patients took part", "patienter deltog inte": negation around actor and cue
            a0 = max(0, min(m.start(), best[0]) - 25)
            a1 = min(len(low), max(m.end(), best[1]) + 12)
            negated = neg.search(low[a0:a1]) is not None
        if cue is None or negated:
            score = 0.0
        elif beneficiary:
            score = 0.3
        else:
            score = 1.0
        hits.append(PPEHit(start, end, word, cue, beneficiary, score))
    # a lived-experience role ("carer representatives", "patientrepresentanter") is itself
    # involvement: its holders take part by holding it
    roles = _roles()
    if roles is not None and not any(h.score >= 1.0 for h in hits):
        for m in roles.finditer(low):
            before = re.findall(r"[\w-]+", low[max(0, m.start() - 25) : m.start()])
            if before and before[-1] in ben_before:
                continue  # "training for carer representatives"
            # "does not currently include patient or carer representatives": the
            # negation may stand a few words before the role
            if neg.search(low[max(0, m.start() - 50) : m.end() + 12]):
                continue
            hits.append(PPEHit(start, end, m.group(), "role", False, 1.0))
            break
    return hits
