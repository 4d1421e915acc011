"""The display name of a Step 1 entity and its aliases.

The most used form wins, unless a document says the initiative was renamed (then
the new name, "formerly" the old) or spells out an acronym ("Long name (LN)"); a
name in the other language is added in parentheses, as the study's Table 2 does.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from coatlas.directed.mentions import norm_key
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import _mention_weight


def _name_lang(s: str) -> str:
    return "sv" if re.search(r"[åäöÅÄÖ]", s) else "en"


_NEW_AFTER = (
    "renamed",
    "now called",
    "changed its name",
    "bytte namn",
    "byter namn",
    "bytt namn",
    "döptes om",
    "nu kallat",
    "numera",
    "will be called",
    "will be known as",
    "is to be called",
    "relaunched as",
    "re-launched as",
    "kommer att heta",
    "ska heta",
)


_NEW_BEFORE = (
    "formerly",
    "previously",
    "tidigare",
    "hette då",
    "hette tidigare",
    "started as",
    "startade som",
    "opened as",
    "öppnade som",
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
    """The display name and aliases; a piece of a generic name that several
    organisations use carries where it is from ("Youth Forum – Leeds")."""
    name, aliases = _canonical_name(ent)
    if ent.context:
        return f"{name} – {ent.context}", aliases if name in aliases else sorted(
            [*aliases, name], key=lambda s: (s.lower(), s)
        )
    return name, aliases


def _canonical_name(ent: Entity) -> tuple[str, list[str]]:
    """Most frequent form (names over descriptors) — or the new name after a
    renaming — with the other language's form in parentheses."""
    forms: Counter[str] = Counter()
    display: dict[str, str] = {}
    lang: dict[str, Counter[str]] = defaultdict(Counter)
    for m in ent.mentions:
        if m.cues == {"anaphor"}:
            continue  # "the café", "rådet": a reference back, not a name
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
