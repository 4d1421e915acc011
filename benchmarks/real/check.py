#!/usr/bin/env python3
"""Consistency check for the real-pages evaluation set (stdlib only).

Checks gold.json and aliases.json against each other and, when the git-ignored
pages/ folder is present, against the page texts:

  * every gold file exists in pages/ and its sha256 matches;
  * every canonical name used in gold.json is in aliases.json (and every
    canonical name in aliases.json is used by some page);
  * every primary initiative is among the page's initiatives;
  * distractor pages list no initiatives;
  * for every initiative listed for a page, its canonical name or at least one
    of its aliases occurs in that page's text (case-insensitive, whitespace
    normalised);
  * every alias occurs in at least one page that lists its initiative;
  * years in start_years_mentioned occur in the page text.

Usage: python3 benchmarks/real/check.py [SET_FOLDER]   (exit code 1 on any mismatch)

SET_FOLDER defaults to this folder; `benchmarks/real2` checks the second set.
"""

import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else Path(__file__).resolve().parent
PAGES = HERE / "pages"

KEYS = {
    "file",
    "source",
    "organisation",
    "language",
    "query",
    "initiatives",
    "primary_initiatives",
    "start_years_mentioned",
    "other_years_mentioned",
    "methods_mentioned",
    "levels",
    "distractor",
    "notes",
    "sha256",
}
METHODS = {
    "personas",
    "storytelling",
    "person_centred_care",
    "co_design",
    "quality_improvement",
    "ppe_as_staff",
    "ppe_driven",
    "co_evaluation",
    "dialogue_meetings",
    "learning_education",
    "self_management",
    "care_agreement",
}
LEVELS = {"micro", "meso", "macro"}


def norm(s):
    return re.sub(r"\s+", " ", s).strip().casefold()


def main():
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    aliases = json.loads((HERE / "aliases.json").read_text(encoding="utf-8"))
    problems = []

    def bad(msg):
        problems.append(msg)

    files = [g["file"] for g in gold]
    if len(set(files)) != len(files):
        bad("duplicate file names in gold.json")
    if len({g["source"] for g in gold}) != len(gold):
        bad("duplicate sources in gold.json")

    used = set()
    for g in gold:
        f = g.get("file", "?")
        missing = KEYS - set(g)
        if missing:
            bad(f"{f}: missing keys {sorted(missing)}")
        if g["language"] not in ("sv", "en"):
            bad(f"{f}: language {g['language']!r}")
        for name in g["initiatives"]:
            used.add(name)
            if name not in aliases:
                bad(f"{f}: initiative not in aliases.json: {name}")
        for name in g["primary_initiatives"]:
            if name not in g["initiatives"]:
                bad(f"{f}: primary initiative not among initiatives: {name}")
        if g["distractor"] and g["initiatives"]:
            bad(f"{f}: distractor with initiatives")
        if not g["distractor"] and not g["primary_initiatives"]:
            bad(f"{f}: non-distractor without primary initiatives")
        for m in g["methods_mentioned"]:
            if m not in METHODS:
                bad(f"{f}: unknown method code {m}")
        for lv in g["levels"]:
            if lv not in LEVELS:
                bad(f"{f}: unknown level {lv}")
    for name, entry in aliases.items():
        if name not in used:
            bad(f"aliases.json: canonical name used by no page: {name}")
        if set(entry) != {"start", "aliases"}:
            bad(f"aliases.json: {name}: keys {sorted(entry)}")

    if not PAGES.is_dir():
        print(f"pages/ not present ({PAGES}): skipping file, sha256 and text checks")
    else:
        texts = {}
        for g in gold:
            f = g["file"]
            p = PAGES / f
            if not p.is_file():
                bad(f"{f}: missing in pages/")
                continue
            data = p.read_bytes()
            if hashlib.sha256(data).hexdigest() != g["sha256"]:
                bad(f"{f}: sha256 mismatch")
            texts[f] = norm(data.decode("utf-8"))
        alias_seen = {(n, a): False for n, e in aliases.items() for a in e["aliases"]}
        for g in gold:
            f = g["file"]
            if f not in texts:
                continue
            t = texts[f]
            for name in g["initiatives"]:
                names = [name] + aliases.get(name, {}).get("aliases", [])
                hits = [a for a in names if norm(a) in t]
                if not hits:
                    bad(f"{f}: no name or alias of '{name}' occurs in the text")
                for a in hits:
                    if (name, a) in alias_seen:
                        alias_seen[(name, a)] = True
            for y in g["start_years_mentioned"]:
                if str(y) not in t:
                    bad(f"{f}: start year {y} not in the text")
            for y in g["other_years_mentioned"]:
                if str(y) not in t:
                    bad(f"{f}: other year {y} not in the text")
        for (name, a), seen in alias_seen.items():
            if not seen:
                bad(f"aliases.json: alias '{a}' of '{name}' occurs in no page that lists it")

    n_init = len(aliases)
    multi = sum(1 for n in aliases if sum(n in g["initiatives"] for g in gold) >= 2)
    print(
        f"pages: {len(gold)}, distractors: {sum(g['distractor'] for g in gold)}, "
        f"organisations: {len({g['organisation'] for g in gold})}, initiatives: {n_init}, "
        f"on >=2 pages: {multi}"
    )
    if problems:
        print(f"{len(problems)} problem(s):")
        for m in problems:
            print("  " + m)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
