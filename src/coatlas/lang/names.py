"""Person names and staff job titles: is a phrase a person, or a post, rather than an initiative?

Why: Step 1 looks for capitalised phrases that name co-production initiatives, and a person's
name ("Karin Sandström", "Dr Sarah Jones") or a staff title ("Chief Nurse", "verksamhetschef",
"Head of Patient Experience") has the same shape. These two tests let the caller drop such
phrases. The vocabulary is language DATA under ``coatlas/lang/<lang>/`` (docs/lang-data.md):

* ``given_names_female.txt``, ``given_names_male.txt``, ``surnames.txt``: generated from the
  Faker package (MIT) by ``tools/build_lang_names.py``; Swedish names from Isof and
  Skatteverket statistics, English ones from ONS, US SSA/Census and NISRA lists. The same
  lists are meant for pseudonymising transcripts, hence the female/male split.
* ``job_titles.txt`` (English, generated from Faker) and ``job_titles_curated.txt``
  (project-written health-care and senior posts, both languages).
* ``lived_experience_roles.txt``: roles built on lived experience (peer support worker,
  brukarspecialist ...). They ARE co-production initiatives, so they are never job titles.
* ``ambiguous_names.txt``: names that are also everyday words ("Grace", "Ward", "Dag"); weak
  evidence, so "Rose Ward" or "Grace Hall" is not taken for a person.
* ``person_cues.toml``: honorifics, surname particles, title modifiers and links, Swedish
  inflection and compound heads.

Both languages are used together for every phrase: Swedish documents quote English titles and
English ones cite Swedish names. Names are matched case-insensitively but must be written
capitalised (or in capitals) to count; titles are matched case-insensitively.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

__all__ = [
    "LANGS",
    "ambiguous_names",
    "given_names",
    "is_given_name",
    "is_job_title",
    "is_lived_experience_role",
    "job_titles",
    "lived_experience_roles",
    "looks_like_person",
    "surnames",
]

LANGS = ("en", "sv")
Sex = Literal["female", "male"]

# A name token: letters with inner hyphens or apostrophes ("Anna-Karin", "O'Brien").
_NAME = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# An initial: "K", "K.", "K.-G."
_INITIAL = re.compile(r"[^\W\d_]\.?(?:-[^\W\d_]\.?)?")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# "Sarah Jones, Chief Nurse", "Karin Sandström (verksamhetschef)", "Anna Berg – överläkare"
_APPOSITIVE = re.compile(r"^(?P<head>[^,()–—]+?)\s*(?:,|\s[–—-]\s|\()\s*(?P<tail>[^()]+?)\)?$")
_EDGE_PUNCT = " \t\"'“”‘’«»:;.!?"
_MAX_NAME_TOKENS = 5


def _norm(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _lang_dir(lang: str) -> Any:
    ref = resources.files("coatlas.lang").joinpath(lang)
    if not ref.is_dir():
        raise ValueError(f"no language data for {lang!r} (have: {', '.join(LANGS)})")
    return ref


@cache
def _read_list(lang: str, name: str) -> tuple[str, ...]:
    """Entries of ``lang/<lang>/<name>``: '#' starts a comment; empty tuple when absent."""
    ref = _lang_dir(lang).joinpath(name)
    if not ref.is_file():
        return ()
    out = []
    for line in ref.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(unicodedata.normalize("NFC", entry))
    return tuple(out)


@cache
def _cues(lang: str) -> dict[str, Any]:
    ref = _lang_dir(lang).joinpath("person_cues.toml")
    if not ref.is_file():
        return {}
    return tomllib.loads(ref.read_text(encoding="utf-8"))


@cache
def given_names(lang: str, sex: Sex | None = None) -> frozenset[str]:
    """Given names of ``lang`` as written ("Karin", "Anna-Karin"); ``sex`` picks one list.

    A name in both lists is of either or unknown sex (the source's split).
    """
    files = {"female": ("given_names_female.txt",), "male": ("given_names_male.txt",)}
    names = files[sex] if sex else files["female"] + files["male"]
    return frozenset(n for f in names for n in _read_list(lang, f))


@cache
def surnames(lang: str) -> frozenset[str]:
    """Surnames of ``lang`` as written ("Sandström", "O'Brien")."""
    return frozenset(_read_list(lang, "surnames.txt"))


@cache
def ambiguous_names(lang: str) -> frozenset[str]:
    """Names of ``lang`` that are also everyday words: weak evidence of a person."""
    return frozenset(_read_list(lang, "ambiguous_names.txt"))


@cache
def job_titles(lang: str) -> frozenset[str]:
    """Staff job titles of ``lang``, lower case: the generated list plus the curated one.

    Roles built on lived experience are never in it (see ``lived_experience_roles``).
    """
    return frozenset(
        _read_list(lang, "job_titles.txt") + _read_list(lang, "job_titles_curated.txt")
    )


@cache
def lived_experience_roles(lang: str) -> frozenset[str]:
    """Roles built on lived experience (lower case): initiatives, never staff titles."""
    return frozenset(_read_list(lang, "lived_experience_roles.txt"))


# ---------------------------------------------------------------------------------------------
# Job titles


@dataclass(frozen=True)
class _TitleLang:
    """One language's title vocabulary and its rules for inflection and compounds."""

    titles: frozenset[str]
    modifiers: frozenset[str]
    links: tuple[str, ...]
    conjunctions: tuple[str, ...]
    suffixes: tuple[str, ...]
    stem_endings: tuple[str, ...]
    compound_heads: tuple[str, ...]
    min_compound_prefix: int
    refused_prefixes: tuple[str, ...]
    field_heads: frozenset[str] = frozenset()

    def forms(self, words: list[str]) -> Iterator[str]:
        """The phrase, then the phrase with its last word de-inflected in every way."""
        yield " ".join(words)
        last = words[-1]
        for suffix in self.suffixes:
            if last.endswith(suffix) and len(last) - len(suffix) >= 2:
                stem = last[: -len(suffix)]
                for ending in self.stem_endings:
                    yield " ".join([*words[:-1], stem + ending])

    def compound(self, word: str) -> bool:
        """A one-word compound on a staff head ("vårdenhetschef", "hr-direktör")."""
        if " " in word or word.startswith(self.refused_prefixes):
            return False
        for head in self.compound_heads:
            if word.endswith(head) and word != head:
                prefix = word[: -len(head)]
                if prefix.endswith("-") or len(prefix) >= self.min_compound_prefix:
                    return True
        return False

    def core(self, words: list[str]) -> bool:
        """Is this phrase (no "of X" part) a title, after modifiers and inflection?"""
        while words:
            for form in self.forms(words):
                if form in self.titles or self.compound(form):
                    return True
            if len(words) > 1 and words[0] in self.modifiers:
                words = words[1:]
                continue
            return False
        return False


@cache
def _title_langs() -> tuple[_TitleLang, ...]:
    out = []
    for lang in LANGS:
        c = _cues(lang)
        out.append(
            _TitleLang(
                titles=job_titles(lang),
                modifiers=frozenset(m.rstrip(".") for m in c.get("title_modifiers", [])),
                links=tuple(c.get("title_links", [])),
                conjunctions=tuple(c.get("title_conjunctions", [])),
                suffixes=tuple(c.get("plural_suffixes", []) + c.get("inflection_suffixes", [])),
                stem_endings=tuple(c.get("stem_endings", [""])),
                compound_heads=tuple(c.get("compound_heads", [])),
                min_compound_prefix=int(c.get("min_compound_prefix", 3)),
                refused_prefixes=tuple(c.get("compound_refused_prefixes", [])),
                field_heads=frozenset(
                    str(w).replace("-", "") for w in c.get("field_title_heads", [])
                ),
            )
        )
    return tuple(out)


@cache
def _lived_roles() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(multi-word roles padded with spaces, one-word roles) over all languages."""
    phrases, words = set(), set()
    for lang in LANGS:
        for role in lived_experience_roles(lang):
            r = role.casefold().replace("-", " ")
            (phrases if " " in r else words).add(r)
    return tuple(sorted(f" {p} " for p in phrases)), tuple(sorted(words))


def _title_words(phrase: str) -> list[str]:
    """Lower-case words of a title phrase; trailing full stops dropped ("tf." -> "tf")."""
    text = _norm(phrase).casefold().strip(_EDGE_PUNCT)
    return [w.rstrip(".") or w for w in text.split()]


def is_lived_experience_role(phrase: str) -> bool:
    """Does the phrase name a role built on lived experience (in any inflection)?

    "Lead Peer Support Worker", "patient partners", "erfarenhetsexperten",
    "cancerpatientstödjare" -> True. Such roles are co-production initiatives.
    """
    words = _title_words(phrase)
    if not words:
        return False
    phrases, singles = _lived_roles()
    for tl in _title_langs():
        for form in tl.forms(words):
            padded = f" {form.replace('-', ' ')} "
            if any(p in padded for p in phrases):
                return True
            if any(w.endswith(s) for w in form.split() for s in singles):
                return True
    return False


def _is_title(words: list[str]) -> bool:
    if not words:
        return False
    langs = _title_langs()
    # "<field> Co-ordinator", "Peer Support Coordinator", "Patient Experience Manager": a
    # staff head after the field it works in is a staff job, whatever the field
    if len(words) >= 2:
        for tl in langs:
            if any(f.split()[-1].replace("-", "") in tl.field_heads for f in tl.forms(words)):
                return True
    if not is_lived_experience_role(" ".join(words)) and any(tl.core(words) for tl in langs):
        return True
    for tl in langs:
        # "Head of Patient Experience": only the part before the link must be a title
        for link in tl.links:
            if link in words[1:]:
                i = words.index(link, 1)
                core = words[:i]
                if not is_lived_experience_role(" ".join(core)) and tl.core(core):
                    return True
        # "Chief Nurse and Deputy Chief Executive": every part a title
        for conj in tl.conjunctions:
            if conj in words[1:-1]:
                parts, cur = [], []
                for w in words:
                    if w == conj:
                        parts.append(cur)
                        cur = []
                    else:
                        cur.append(w)
                parts.append(cur)
                if all(p and _is_title(p) for p in parts):
                    return True
    return False


def is_job_title(phrase: str) -> bool:
    """Is the WHOLE phrase a staff job title, optionally followed by "of X"/"for X"/"för X"?

    "Head of Patient Experience", "Chief Executive", "verksamhetschef", "vårdenhetschefen",
    "Senior Nurse" -> True. Roles built on lived experience are initiatives, not titles:
    "peer support worker", "patient supporter", "brukarspecialist" -> False; so is any
    phrase that is not a title as a whole ("Patient Experience Programme").
    """
    words = _title_words(phrase.replace("/", " / "))
    return _is_title(words)


# ---------------------------------------------------------------------------------------------
# Persons


@dataclass(frozen=True)
class _NameData:
    given: frozenset[str]
    surnames: frozenset[str]
    ambiguous: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    surname_suffixes: tuple[str, ...]


@cache
def _names() -> _NameData:
    """Case-folded lookups over all languages: a Swedish name in English text is still one."""

    def fold(items: Iterable[str]) -> frozenset[str]:
        return frozenset(i.casefold() for i in items)

    given: set[str] = set()
    sur: set[str] = set()
    amb: set[str] = set()
    hon: set[str] = set()
    part: set[str] = set()
    suffixes: set[str] = set()
    for lang in LANGS:
        given |= fold(given_names(lang))
        sur |= fold(surnames(lang))
        amb |= fold(ambiguous_names(lang))
        c = _cues(lang)
        hon |= {h.casefold().rstrip(".") for h in c.get("honorifics", [])}
        part |= fold(c.get("particles", []))
        suffixes |= fold(c.get("surname_suffixes", []))
    return _NameData(
        frozenset(given),
        frozenset(sur),
        frozenset(amb),
        frozenset(hon),
        frozenset(part),
        tuple(sorted(suffixes)),
    )


def _name_shaped(tok: str) -> bool:
    return bool(_NAME.fullmatch(tok)) and tok[0].isupper()


def _is_initial(tok: str) -> bool:
    return bool(_INITIAL.fullmatch(tok)) and tok[0].isupper()


def _parts(tok: str) -> list[str]:
    return [p for p in tok.casefold().split("-") if p]


def _is_given(tok: str) -> bool:
    given = _names().given
    return _name_shaped(tok) and (tok.casefold() in given or all(p in given for p in _parts(tok)))


def is_given_name(tok: str) -> bool:
    """One token that is a given name of either language ("Karin", "Kaj-Erik")."""
    return _is_given(tok)


def _surname_forms(tok: str) -> list[str]:
    """The token and its form without a genitive ("Jones's", "Sandströms")."""
    cf = tok.casefold()
    forms = [cf]
    bare = _POSSESSIVE.sub("", cf)
    if bare != cf:
        forms.append(bare)
    elif cf.endswith("s") and len(cf) > 3:
        forms.append(cf[:-1])
    return forms


def _is_surname(tok: str) -> bool:
    sur = _names().surnames
    if not _name_shaped(_POSSESSIVE.sub("", tok)):
        return False
    for form in _surname_forms(tok):
        parts = [p for p in form.split("-") if p]
        if form in sur or (len(parts) > 1 and all(p in sur for p in parts)):
            return True
    return False


def _surname_by_form(tok: str) -> bool:
    """An unknown surname that looks like one ("Lövgren", "Sjöstedt"): Swedish endings."""
    d = _names()
    if not _name_shaped(_POSSESSIVE.sub("", tok)):
        return False
    last = _surname_forms(tok)[-1].split("-")[-1]
    return any(last.endswith(s) and len(last) >= len(s) + 2 for s in d.surname_suffixes)


def _is_weak(tok: str) -> bool:
    """A name that is also an everyday word (every part of a hyphenated one)."""
    amb = _names().ambiguous
    return any(all(p in amb for p in f.split("-") if p) for f in _surname_forms(tok))


def _is_honorific(tok: str) -> bool:
    return tok.casefold().rstrip(".") in _names().honorifics


def _strip_honorifics(tokens: list[str]) -> tuple[list[str], bool]:
    found = False
    while tokens:
        # two-word honorifics ("med dr")
        if len(tokens) > 1 and _is_honorific(f"{tokens[0]} {tokens[1]}"):
            tokens, found = tokens[2:], True
        elif _is_honorific(tokens[0]):
            tokens, found = tokens[1:], True
        else:
            break
    return tokens, found


def _is_name_sequence(tokens: list[str], backed: bool) -> bool:
    """[given | initial] (given | initial | particle | surname)* surname.

    ``backed``: an honorific or a job title stands before or after the name, which makes a
    known surname alone ("Dr Jones") or an unknown last word after a given name
    ("Dr Sarah Xu") enough.
    """
    if not tokens or len(tokens) > _MAX_NAME_TOKENS:
        return False
    d = _names()
    last = tokens[-1]
    if _is_initial(last) or not _name_shaped(_POSSESSIVE.sub("", last)):
        return False
    if len(tokens) == 1:  # "Dr Jones", "Chief Nurse Sandström"
        return backed and (_is_surname(last) or _surname_by_form(last))
    first, middle = tokens[0], tokens[1:-1]
    first_initial = _is_initial(first)
    if not (first_initial or _is_given(first)):
        # a title beside it makes an unlisted given name before a known surname a
        # person's ("Deputy Director Bryn Lloyd-Evans"): name lists miss many given names
        return (
            backed
            and not middle
            and _name_shaped(first)
            and (_is_surname(last) or _surname_by_form(last))
        )
    for t in middle:
        if not (_is_initial(t) or t in d.particles or _is_given(t) or _is_surname(t)):
            return False
    if backed:
        return True
    known = _is_surname(last)
    if first_initial or any(_is_initial(t) for t in middle):
        return known or _surname_by_form(last)
    if known:
        return not (_is_weak(first) and _is_weak(last))
    return not _is_weak(first) and _surname_by_form(last)


def _split_appositive(text: str) -> tuple[str, str | None]:
    m = _APPOSITIVE.match(text)
    if not m:
        return text, None
    return m.group("head"), m.group("tail")


def looks_like_person(phrase: str) -> bool:
    """Is the phrase a person's name, possibly with an honorific or a job title?

    "Karin Sandström", "Dr Sarah Jones", "Anna K. Berg", "Sarah Jones, Chief Nurse",
    "verksamhetschef Karin Sandström" -> True. A given name alone is NOT a person (networks
    and courses are named after personas: "Hedda"), nor is a phrase of two everyday-word
    names ("Rose Ward", "Grace Hall"), nor "Patient Council", "Hedda-nätverket",
    "Hope Café".
    """
    text = _norm(phrase).strip(_EDGE_PUNCT)
    if not text or is_job_title(text):
        return False
    backed = False
    head, tail = _split_appositive(text)
    if tail is not None:
        if not is_job_title(tail):
            return False
        text, backed = head, True
    tokens = text.split()
    # a title before the name: "Chief Nurse Sarah Jones", "överläkare Anna Berg"
    for k in range(len(tokens) - 1, 0, -1):
        if is_job_title(" ".join(tokens[:k])):
            tokens, backed = tokens[k:], True
            break
    tokens, honorific = _strip_honorifics(tokens)
    return _is_name_sequence(tokens, backed or honorific)
