"""Stand-alone grounding check for this corpus (does not use coatlas).

    python benchmarks/corpora/heldout-granlunda/check_corpus.py

Extracts each document's text with pdfminer.six, python-docx, odfpy or trafilatura
and checks that every gold lesson is in its document's text and every alias occurs
verbatim in at least one of its initiative's documents. Also lists, per initiative,
listed documents in which neither name nor alias occurs (described, not named).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def text_of(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in (".txt", ".md"):
        return path.read_text(encoding="utf-8")
    if ext == ".pdf":
        from pdfminer.high_level import extract_text

        return extract_text(str(path))
    if ext == ".docx":
        import docx

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                parts.extend(c.text for c in row.cells)
        return "\n".join(parts)
    if ext == ".odt":
        from odf import teletype
        from odf.opendocument import load
        from odf.text import H, P

        doc = load(str(path))
        return "\n".join(teletype.extractText(e) for e in doc.getElementsByType(P) + doc.getElementsByType(H))
    if ext in (".html", ".htm"):
        import trafilatura

        return trafilatura.extract(path.read_text(encoding="utf-8"), include_tables=True) or ""
    raise ValueError(path)


def norm(s: str) -> str:
    return " ".join(s.split())


def main() -> int:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    docs = {p.name: norm(text_of(p)) for p in sorted((HERE / "documents").iterdir())}
    bad = 0
    for les in gold["lessons"]:
        if norm(les["text"]) not in docs.get(les["document"], ""):
            print(f"LESSON NOT FOUND in {les['document']}: {les['text'][:70]}")
            bad += 1
    for ini in gold["initiatives"]:
        for d in ini["documents"]:
            if d not in docs:
                print(f"{ini['id']}: unknown document {d}")
                bad += 1
        for a in ini["aliases"]:
            if not any(a in docs[d] for d in ini["documents"] if d in docs):
                print(f"{ini['id']}: ALIAS NOT FOUND in its documents: {a!r}")
                bad += 1
        names = [ini["name"], *ini["aliases"]]
        unnamed = [d for d in ini["documents"] if d in docs and not any(n in docs[d] for n in names)]
        if unnamed:
            print(f"{ini['id']} ({ini['name']}): described but not named in {unnamed}")
        elsewhere = [d for d in docs if d not in ini["documents"] and any(re.search(r"(?<!\w)" + re.escape(a) + r"(?!\w)", docs[d]) for a in names)]
        if elsewhere:
            print(f"{ini['id']} ({ini['name']}): alias also occurs in unlisted {elsewhere}")
    for ni in gold["non_initiatives"]:
        for d in ni["documents"]:
            if d not in docs:
                print(f"non-initiative {ni['name']}: unknown document {d}")
                bad += 1
    print(f"{len(docs)} documents, {len(gold['initiatives'])} initiatives, "
          f"{len(gold['non_initiatives'])} non-initiatives, {len(gold['lessons'])} lessons; problems: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
