#!/usr/bin/env python3
"""Regenerate coatlas's person-name and job-title lists from the Faker package.

Why a build step and not a dependency: the lists are language DATA that coatlas ships as plain
text under ``src/coatlas/lang/<lang>/``; Faker (MIT) is only needed to regenerate them, never at
run time. Install it for the build only, in a throwaway environment::

    python3 -m venv .faker-venv && .faker-venv/bin/pip install 'faker==40.63.0'
    .faker-venv/bin/python tools/build_lang_names.py            # rewrite the files
    .faker-venv/bin/python tools/build_lang_names.py --check    # exit 1 if they differ

The script needs the standard library and Faker only (no coatlas import), so it runs in that
throwaway environment. Output is deterministic: NFC-normalised entries, one per line, duplicates
removed, sorted by code point, under a comment header naming source, version, licence and this
command. A different Faker version is refused unless ``--any-version`` is given (the headers then
record the version actually used).

What it writes (see docs/lang-data.md):
  <lang>/given_names_female.txt, <lang>/given_names_male.txt, <lang>/surnames.txt  (sv, en)
  en/job_titles.txt                       (Faker's job list; Faker has no Swedish job titles)
  NOTICE-faker.txt                        (Faker's MIT licence text, for attribution)
Job titles that name a role built on lived experience (``<lang>/lived_experience_roles.txt``,
project-written) are dropped: those roles are co-production initiatives, not staff titles; so
are the source's non-titles listed in ``en/job_titles_rejected.txt`` (project-written).
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

FAKER_VERSION = "40.63.0"
LANG_DIR = Path(__file__).resolve().parents[1] / "src" / "coatlas" / "lang"
BUILD_CMD = "python tools/build_lang_names.py  (with faker=={v} installed for the build only)"

# Faker locales per coatlas language, and what their upstream data is according to Faker's
# own provider comments (quoted in the headers so a reader need not open Faker).
LOCALES: dict[str, tuple[str, ...]] = {"sv": ("sv_SE",), "en": ("en_GB", "en_US", "en_IE")}
UPSTREAM: dict[str, str] = {
    "sv_SE": "first names: Isof (Institutet för språk och folkminnen) top-500 name statistics "
    "2023; surnames: Skatteverket top-500 surnames 2025",
    "en_GB": "first names: ONS (UK Office for National Statistics) reference tables; "
    "surnames: not stated",
    "en_US": "first names: US Social Security Administration top names of the 1960s-1990s; "
    "surnames: US Census top 1000",
    "en_IE": "first names: NISRA (Northern Ireland Statistics and Research Agency) baby names "
    "2016; names otherwise: duchas.ie (UCD and DCU) names project",
}
LANG_NAMES = {"sv": "Swedish", "en": "English"}

# One name = one token: letters, with inner hyphens or apostrophes ("Anna-Karin", "O'Brien").
NAME_TOKEN = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", " ".join(s.split()))


def header(title: str, source: str, upstream: Iterable[str], notes: Iterable[str], n: int) -> str:
    v = metadata.version("faker")
    lines = [
        f"coatlas language data: {title}",
        f"source: Faker {v} (PyPI package 'Faker', https://github.com/joke2k/faker), {source}",
        *(f"upstream: {u}" for u in upstream),
        "licence: MIT, Copyright (c) 2012 Daniele Faraglia; full text in "
        "src/coatlas/lang/NOTICE-faker.txt",
        f"build: {BUILD_CMD.format(v=FAKER_VERSION)}",
        "format: one entry per line, NFC, duplicates removed, sorted by code point; "
        "lines starting with '#' are comments",
        *notes,
        f"entries: {n}",
        "GENERATED FILE: do not edit by hand; change tools/build_lang_names.py and rebuild.",
    ]
    return "".join(f"# {line}\n" for line in lines)


def render(head: str, entries: Iterable[str]) -> str:
    return head + "".join(f"{e}\n" for e in entries)


def person_provider(locale: str) -> type:
    return importlib.import_module(f"faker.providers.person.{locale}").Provider


def names_file(lang: str, attr: str, what: str) -> str:
    kept: set[str] = set()
    dropped: set[str] = set()
    for loc in LOCALES[lang]:
        for raw in getattr(person_provider(loc), attr):  # tuple or OrderedDict (name -> weight)
            name = nfc(raw)
            (kept if NAME_TOKEN.match(name) else dropped).add(name)
    notes = []
    if attr.startswith("first_names_"):
        notes.append(
            "note: a name in both the female and the male file is of either sex or of unknown "
            "sex (the source's split; a few, e.g. Swedish 'Ahmed', are mis-filed upstream)"
        )
    if dropped:
        notes.append("dropped (not a single name token): " + "; ".join(sorted(dropped)))
    locs = ", ".join(LOCALES[lang])
    src = f"locales {locs}, attribute faker.providers.person.<locale>.Provider.{attr}"
    head = header(
        f"{LANG_NAMES[lang]} {what}",
        src,
        (f"{loc}: {UPSTREAM[loc]}" for loc in LOCALES[lang]),
        notes,
        len(kept),
    )
    return render(head, sorted(kept))


def read_list(path: Path) -> list[str]:
    """Entries of a coatlas list file: '#' starts a comment, blank lines are skipped."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


def lived_experience(title: str, roles: Iterable[str]) -> bool:
    """Same rule as coatlas.lang.names: a title containing such a role (as whole words) is one."""
    padded = f" {title.replace('-', ' ')} "
    return any(f" {r.replace('-', ' ')} " in padded for r in roles)


def normalise_job(raw: str) -> str | None:
    """Faker's careers-list style -> the title as written in running text, lower case.

    "Nurse, adult" -> "adult nurse"; "Research scientist (medical)" -> "research scientist";
    entries with "/" alternatives ("Housing manager/officer") are dropped: their scope is
    ambiguous and none is a health-care staff title.
    """
    s = nfc(raw)
    if "/" in s:
        return None
    s = nfc(re.sub(r"\s*\([^)]*\)", "", s))
    if ", " in s:
        head, _, qualifier = s.partition(", ")
        s = f"{qualifier} {head}"
    return nfc(s).lower()


def job_titles_file(lang: str) -> str:
    jobs = importlib.import_module("faker.providers.job.en_US").Provider.jobs
    roles = read_list(LANG_DIR / lang / "lived_experience_roles.txt")
    rejected = set(read_list(LANG_DIR / lang / "job_titles_rejected.txt"))
    kept: set[str] = set()
    slash = excluded = junk = 0
    for raw in jobs:
        t = normalise_job(raw)
        if t is None:
            slash += 1
        elif t in rejected:
            junk += 1
        elif lived_experience(t, roles):
            excluded += 1
        else:
            kept.add(t)
    notes = [
        "normalised: lower case; 'Nurse, adult' -> 'adult nurse'; '(...)' qualifiers removed; "
        f"{slash} entries with '/' alternatives dropped; {junk} non-titles dropped "
        "(job_titles_rejected.txt)",
        "exclusion rule: titles of roles built on lived experience (peer support worker, "
        "expert by experience, patient partner ...; see lived_experience_roles.txt) are "
        f"co-production initiatives, not staff titles, and are left out ({excluded} dropped)",
        "see also job_titles_curated.txt (project-written health-care and senior posts)",
    ]
    head = header(
        f"{LANG_NAMES[lang]} job titles",
        "attribute faker.providers.job.en_US.Provider.jobs (Faker's base English list)",
        [
            "Faker does not document where its English job list comes from (UK careers-guide "
            "style and spelling)"
        ],
        notes,
        len(kept),
    )
    return render(head, sorted(kept))


def notice_file() -> str:
    dist = metadata.distribution("faker")
    lic = next(
        (f for f in dist.files or () if f.name.upper().startswith("LICENSE")),
        None,
    )
    if lic is None:
        raise SystemExit("Faker's licence file was not found in its installed distribution")
    text = Path(dist.locate_file(lic)).read_text(encoding="utf-8").strip()
    return (
        "coatlas ships person-name and job-title lists derived from Faker "
        f"{dist.version} (https://github.com/joke2k/faker),\n"
        "regenerated by tools/build_lang_names.py. Faker's licence:\n\n"
        f"{text}\n"
    )


def build() -> dict[Path, str]:
    """Relative path (under src/coatlas/lang) -> file text, for every generated file."""
    files: dict[Path, str] = {Path("NOTICE-faker.txt"): notice_file()}
    for lang in LOCALES:
        files[Path(lang, "given_names_female.txt")] = names_file(
            lang, "first_names_female", "given names (female)"
        )
        files[Path(lang, "given_names_male.txt")] = names_file(
            lang, "first_names_male", "given names (male)"
        )
        files[Path(lang, "surnames.txt")] = names_file(lang, "last_names", "surnames")
    files[Path("en", "job_titles.txt")] = job_titles_file("en")
    return files


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare, write nothing; 1 if different")
    ap.add_argument(
        "--out", type=Path, default=LANG_DIR, help="root to write (default: the package)"
    )
    ap.add_argument(
        "--any-version", action="store_true", help=f"allow Faker other than {FAKER_VERSION}"
    )
    args = ap.parse_args(argv)
    try:
        version = metadata.version("faker")
    except metadata.PackageNotFoundError:
        print(f"Faker is not installed: pip install 'faker=={FAKER_VERSION}'", file=sys.stderr)
        return 2
    if version != FAKER_VERSION and not args.any_version:
        print(
            f"Faker {version} installed, {FAKER_VERSION} expected (or --any-version)",
            file=sys.stderr,
        )
        return 2
    differ = []
    for rel, text in sorted(build().items()):
        path = args.out / rel
        old = path.read_bytes() if path.exists() else None
        if old != text.encode("utf-8"):
            differ.append(rel)
            if not args.check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(text.encode("utf-8"))
    verb = "differ" if args.check else "written"
    for rel in differ:
        print(f"{verb}: {rel}")
    if not differ:
        print("up to date")
    return 1 if (args.check and differ) else 0


if __name__ == "__main__":
    raise SystemExit(main())
