"""Benchmark infer_timeline on an annotated corpus (default: dev-norrvik).

Mentions are built here, from gold names/aliases (a stand-in for Step 1), so the
figures measure the timeline rules alone. Reads documents with
``coatlas.ingest.read_document`` when it is implemented, else with a small
stand-in reader for txt/md/html/docx/odt/pdf.

    PYTHONPATH=src python benchmarks/bench_timeline.py [corpus_dir] [-v] [--all-docs]

``--all-docs`` looks for the names in every document (as Step 1 would), not only
in the documents gold lists for the initiative.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from pathlib import Path

from coatlas.directed.timeline import infer_timeline
from coatlas.document import Document, Span, Turn

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"


def _text_of(path: Path) -> str:
    ext = path.suffix.lower()
    if ext in (".txt", ".md"):
        return path.read_text(encoding="utf-8", errors="replace")
    if ext in (".html", ".htm"):
        raw = path.read_text(encoding="utf-8", errors="replace")
        title = re.search(r"<title>(.*?)</title>", raw, re.S)
        raw = re.sub(r"(?is)<(script|style|nav|header|footer|head)\b.*?</\1>", " ", raw)
        raw = re.sub(r"(?is)<div[^>]*cookie.*?</div>", " ", raw)
        raw = re.sub(r"(?i)</?(p|h\d|li|div|section|article|tr|br|table|ul|ol)[^>]*>", "\n\n", raw)
        raw = re.sub(r"<[^>]+>", " ", raw)
        raw = html.unescape(raw)
        raw = re.sub(r"[ \t]+", " ", raw)
        raw = re.sub(r"\n\s*\n(\s*\n)*", "\n\n", raw).strip()
        return ((html.unescape(title.group(1)).strip() + "\n\n") if title else "") + raw
    if ext == ".docx":
        import docx

        d = docx.Document(str(path))
        return "\n\n".join(p.text for p in d.paragraphs if p.text.strip())
    if ext == ".odt":
        from odf import teletype, text
        from odf.opendocument import load

        d = load(str(path))
        return "\n\n".join(
            teletype.extractText(p)
            for p in d.getElementsByType(text.P) + d.getElementsByType(text.H)
        )
    if ext == ".pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n\n".join((p.extract_text() or "") for p in pdf.pages)
    raise ValueError(f"{path}: unsupported")


def _lang(text: str) -> str:
    sv = len(re.findall(r"(?i)\b(och|att|det|som|för|med|är|inte|vi|på)\b", text))
    en = len(re.findall(r"(?i)\b(and|the|that|of|is|with|we|not|for|on)\b", text))
    return "sv" if sv > en else "en"


def load(path: Path, root: Path) -> Document:
    try:
        from coatlas.ingest import read_document  # type: ignore[attr-defined]

        return read_document(path, root=root)
    except (ImportError, NotImplementedError, AttributeError):
        pass
    text = _text_of(path)
    paras = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]
    turns = []
    for sp in paras:
        m = re.match(r"([A-ZÅÄÖ][\w ]{0,20}?)(?: \([A-Z]\))?:\s", text[sp.start : sp.end])
        if m and m.group(1).lower() not in {"date", "datum", "place", "plats", "duration", "note"}:
            role = (
                "interviewer" if m.group(1) in {"I", "Intervjuare", "Interviewer"} else "respondent"
            )
            turns.append(Turn(m.group(1), role, sp.start + m.end(), sp.end))
    if len(turns) < 5:
        turns = []
    return Document(
        turns=turns,
        path=path.relative_to(root).as_posix(),
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(),
        format=path.suffix.lstrip("."),
        text=text,
        language=_lang(text),
        paragraphs=paras,
    )


def mentions_for(
    ini: dict, docs: dict[str, Document], all_docs: bool = False
) -> list[tuple[Document, int, int]]:
    names = {ini["name"].split(" (")[0].split(" – ")[0], *ini["aliases"]}
    names |= set(re.findall(r"\(([^)]+)\)", ini["name"]))
    names = {n.strip() for n in names if len(n.strip()) >= 4}
    rx = re.compile(
        r"(?<!\w)(?:"
        + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        + r")\w*",
        re.IGNORECASE,
    )
    out = []
    for fn in sorted(docs) if all_docs else ini["documents"]:
        d = docs.get(fn)
        if d is None:
            continue
        out.extend((d, m.start(), m.end()) for m in rx.finditer(d.text))
    return out


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    all_docs = "--all-docs" in argv  # search every document, as Step 1 would
    args = [a for a in argv if not a.startswith("-")]
    root = Path(args[0]) if args else DEFAULT
    gold = json.loads((root / "gold.json").read_text(encoding="utf-8"))
    docroot = root / "documents"
    docs: dict[str, Document] = {}
    for p in sorted(docroot.iterdir()):
        try:
            docs[p.name] = load(p, docroot)
        except Exception as exc:  # noqa: BLE001 - a benchmark reports and goes on
            print(f"skip {p.name}: {exc}", file=sys.stderr)
    n = ok_start = ok_end = ok_ong = ok_act = 0
    for ini in gold["initiatives"]:
        ms = mentions_for(ini, docs, all_docs)
        tl = infer_timeline(
            ms, sorted({m[0].path: m[0] for m in ms}.values(), key=lambda d: d.path)
        )
        n += 1
        s_ok = tl.start == ini["start"]
        e_ok = tl.end == ini["end"]
        o_ok = tl.ongoing == ini["ongoing"]
        a_ok = sorted(tl.active_years) == sorted(ini["active_years"])
        ok_start += s_ok
        ok_end += e_ok
        ok_ong += o_ok
        ok_act += a_ok
        if verbose or not (s_ok and e_ok and o_ok and a_ok):
            print(
                f"{ini['id']} {ini['name'][:40]:40} mentions={len(ms):3d} "
                f"start {tl.start}/{ini['start']}{'' if s_ok else ' X'} "
                f"end {tl.end}/{ini['end']}{'' if e_ok else ' X'} "
                f"ongoing {tl.ongoing}/{ini['ongoing']}{'' if o_ok else ' X'} "
                f"active {tl.active_years}/{ini['active_years']}{'' if a_ok else ' X'}"
            )
            if verbose:
                for k, evs in sorted(tl.evidence.items()):
                    for e in evs[:3]:
                        q = e.quote.replace("\n", " ")[:140]
                        print(f"     {k:12} {e.confidence:.2f} {e.source:32} {e.document}: {q}")
    print(
        f"initiatives={n} start_acc={ok_start / n:.3f} end_acc={ok_end / n:.3f} "
        f"ongoing_acc={ok_ong / n:.3f} active_years_acc={ok_act / n:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
