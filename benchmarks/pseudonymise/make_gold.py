#!/usr/bin/env python3
"""Build the pseudonymisation test sets: sources/*.txt (annotated) -> texts/*.txt + gold.json,
and heldout/*.txt -> heldout_texts/*.txt + heldout_gold.json.

Markup in the sources (written for coatlas, invented people and places):
  [[Anna Berg]]   a person's name (Swedish genitive included: [[Annas]]; an English "'s"
                  stays outside: [[Anna]]'s; honorifics stay outside: Dr [[Ng]])
  <<MH>>          a person's initials (counted apart from names)
  {{Ella Network}} the name of an initiative or institution: must not be altered
  ((070-123 45 67)) a phone number, e-mail address or personnummer

Run from the repository root: python benchmarks/pseudonymise/make_gold.py [--check]
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(
    r"\[\[(?P<person>.+?)\]\]|<<(?P<initials>.+?)>>|\{\{(?P<keep>.+?)\}\}|\(\((?P<contact>.+?)\)\)"
)
KINDS = ("person", "initials", "keep", "contact")


def parse(source: str) -> tuple[str, dict[str, list[list]]]:
    out: list[str] = []
    spans: dict[str, list[list]] = {k: [] for k in KINDS}
    pos = 0
    n = 0
    for m in MARK.finditer(source):
        out.append(source[pos : m.start()])
        n += m.start() - pos
        kind = next(k for k in KINDS if m.group(k) is not None)
        value = m.group(kind)
        spans[kind].append([n, n + len(value), value])
        out.append(value)
        n += len(value)
        pos = m.end()
    out.append(source[pos:])
    return "".join(out), spans


# annotated folder -> (texts folder, gold file): the development set, and a held-out set
# written after the engine was tuned on the first and measured once.
SETS = {"sources": ("texts", "gold.json"), "heldout": ("heldout_texts", "heldout_gold.json")}


def build() -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for folder, (texts, gold_name) in SETS.items():
        gold = []
        for src in sorted((HERE / folder).glob("*.txt")):
            text, spans = parse(src.read_text(encoding="utf-8"))
            lang = src.name.split("_", 1)[0]
            files[f"{texts}/{src.name}"] = text.encode("utf-8")
            gold.append({"file": f"{texts}/{src.name}", "language": lang, **spans})
        data = json.dumps(gold, ensure_ascii=False, indent=1) + "\n"
        files[gold_name] = data.encode("utf-8")
    return files


def main() -> int:
    files = build()
    if "--check" in sys.argv:
        stale = [
            n for n, b in files.items() if not (HERE / n).is_file() or (HERE / n).read_bytes() != b
        ]
        for n in stale:
            print(f"{n}: differs from its source; run make_gold.py", file=sys.stderr)
        return 1 if stale else 0
    for name, data in files.items():
        (HERE / name).parent.mkdir(parents=True, exist_ok=True)
        (HERE / name).write_bytes(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
