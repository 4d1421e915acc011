"""Replace names by codes, keep the key apart, and give the texts back on request.

Why codes and a key: under GDPR interview transcripts are pseudonymised before they are
analysed or shared, but the research team must be able to go back (a quote checked with an
informant, a withdrawal of consent). The pseudonymised texts name nobody; the key, a separate
JSON file kept elsewhere, holds every replacement with its position, so restoring gives back
exactly the text that went in.

The same person gets the same code in every document ("Person 03", or with roles
"Relative 02"); a Swedish genitive keeps its ending ("Annas" -> "Person 01:s"), an English
possessive stays as written ("Anna's" -> "Person 01's").
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from coatlas.document import Document, Page, Span, Turn
from coatlas.errors import CoatlasError
from coatlas.pseudonymise.detect import Mention, detect, lang_data

KEY_FORMAT = "coatlas-pseudonymisation-key"
KEY_VERSION = 1
TEXT_SUFFIXES = (".txt", ".md")


class PseudonymiseError(CoatlasError):
    """Bad input or a key that does not fit (one line: file, reason)."""


@dataclass(frozen=True)
class Options:
    roles: bool = False  # codes by role ("Staff 01", "Relative 02") instead of "Person 01"
    contacts: bool = False  # also e-mail addresses, phone numbers, personnummer
    organisations: bool = False  # also regions, trusts, municipalities, hospitals, centres
    places: bool = False  # also capitalised places after "i", "på", "in", "at" …
    keep: tuple[str, ...] = ()  # phrases never touched (initiative names, aliases)
    language: str = "en"  # language of the code labels


@dataclass
class Result:
    """Pseudonymised texts by id, and the key that undoes them."""

    texts: dict[str, str]
    key: dict[str, Any]
    replaced: dict[str, list[tuple[int, int, str, str]]] = field(default_factory=dict)


def _width(n: int) -> int:
    return max(2, len(str(n)))


def _codes(
    mentions: dict[str, list[Mention]], texts: dict[str, str], opts: Options
) -> dict[tuple[str, str], str]:
    """(kind, key) -> code, numbered by first appearance (ids in sorted order)."""
    d = lang_data()
    lang = opts.language if opts.language in d["labels"] else "en"
    labels, kinds = d["labels"][lang], d["kind_labels"][lang]
    order: list[tuple[str, str]] = []
    roles: dict[str, str] = {}
    for tid in sorted(mentions):
        for m in mentions[tid]:
            kind = "person" if m.kind == "initials" else m.kind
            if (kind, m.key) not in order:
                order.append((kind, m.key))
            if m.role and m.key not in roles:
                roles[m.key] = m.role
    prefix: dict[tuple[str, str], str] = {}
    for kind, key in order:
        if kind == "person":
            role = roles.get(key, "person") if opts.roles else "person"
            prefix[(kind, key)] = labels.get(role) or d["code_label"][lang]
        else:
            prefix[(kind, key)] = kinds.get(kind, kind)
    counts: dict[str, int] = {}
    for p in prefix.values():
        counts[p] = counts.get(p, 0) + 1
    seen: dict[str, int] = {}
    out: dict[tuple[str, str], str] = {}
    for item in order:
        p = prefix[item]
        seen[p] = seen.get(p, 0) + 1
        out[item] = f"{p} {seen[p]:0{_width(counts[p])}d}"
    return out


def pseudonymise_texts(texts: dict[str, str], opts: Options | None = None) -> Result:
    """Pseudonymise ``{id: text}``; the key records every replacement by id."""
    opts = opts or Options()
    ids = sorted(texts)
    mentions = detect(
        ((i, texts[i]) for i in ids),
        keep=opts.keep,
        contacts=opts.contacts,
        organisations=opts.organisations,
        places=opts.places,
    )
    codes = _codes(mentions, texts, opts)
    genitive = lang_data()["genitive"].get("sv", "")
    out: dict[str, str] = {}
    replaced: dict[str, list[tuple[int, int, str, str]]] = {}
    entities: dict[str, dict[str, Any]] = {}
    docs: list[dict[str, Any]] = []
    for tid in ids:
        text = texts[tid]
        parts: list[str] = []
        pos = 0
        done: list[tuple[int, int, str, str]] = []  # (start, end) in the OUTPUT, original, code
        shift = 0
        for m in mentions[tid]:
            kind = "person" if m.kind == "initials" else m.kind
            code = codes[(kind, m.key)]
            new = code + (genitive if m.genitive else "")
            original = text[m.start : m.end]
            parts.append(text[pos : m.start])
            parts.append(new)
            start = m.start + shift
            done.append((start, start + len(new), original, code))
            shift += len(new) - (m.end - m.start)
            pos = m.end
            ent = entities.setdefault(code, {"code": code, "kind": kind, "forms": []})
            form = original[:-1] if m.genitive else original
            if form not in ent["forms"]:
                ent["forms"].append(form)
        parts.append(text[pos:])
        out[tid] = "".join(parts)
        replaced[tid] = done
        docs.append(
            {
                "id": tid,
                "sha256_original": _sha(text),
                "sha256_pseudonymised": _sha(out[tid]),
                "replacements": [[s, e, o] for s, e, o, _c in done],
            }
        )
    key = {
        "format": KEY_FORMAT,
        "version": KEY_VERSION,
        "options": {
            "roles": opts.roles,
            "contacts": opts.contacts,
            "organisations": opts.organisations,
            "places": opts.places,
            "keep": list(opts.keep),
        },
        "entities": [entities[c] for c in sorted(entities)],
        "documents": docs,
    }
    return Result(out, key, replaced)


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def restore_text(text: str, record: dict[str, Any], where: str) -> str:
    """Undo one document's replacements (its record in the key)."""
    if _sha(text) != record.get("sha256_pseudonymised"):
        raise PseudonymiseError(f"{where}: changed since it was pseudonymised (sha256 differs)")
    parts: list[str] = []
    pos = 0
    for s, e, original in record.get("replacements", []):
        parts.append(text[pos:s])
        parts.append(original)
        pos = e
    parts.append(text[pos:])
    restored = "".join(parts)
    if _sha(restored) != record.get("sha256_original"):
        raise PseudonymiseError(f"{where}: the key does not restore the original (sha256 differs)")
    return restored


# ---------------------------------------------------------------------------------------------
# Documents (analyze --pseudonymise)


def _remapper(done: Sequence[tuple[int, int, str, str]]) -> Callable[..., int]:
    """Old offset -> new offset, given the replacements (start, end in the new text).

    An offset inside a replaced name (never a sentence or turn edge in practice) snaps to
    the code's start, or to its end for the end of a span.
    """
    old_starts: list[int] = []
    spans: list[tuple[int, int, int, int]] = []  # old_s, old_e, new_s, new_e
    delta = 0
    for s, e, original, _code in done:
        old_s = s - delta
        spans.append((old_s, old_s + len(original), s, e))
        old_starts.append(old_s)
        delta += (e - s) - len(original)

    def remap(off: int, is_end: bool = False) -> int:
        i = bisect_left(old_starts, off) - 1  # the last replacement starting before off
        if i < 0:
            return off
        old_s, old_e, new_s, new_e = spans[i]
        if off >= old_e:
            return off + (new_e - old_e)
        return new_e if is_end else new_s

    return remap


def pseudonymise_documents(
    docs: Sequence[Document], opts: Options | None = None
) -> tuple[list[Document], dict[str, Any]]:
    """Documents with names replaced and every span moved to the new text, and the key.

    The sha256 becomes the pseudonymised text's (the store keeps one text per hash); the
    title and the speaker labels are pseudonymised with the same codes.
    """
    opts = opts or Options()
    res = pseudonymise_texts({d.path: d.text for d in docs}, opts)
    forms = _form_map(res.key)
    out: list[Document] = []
    for d in docs:
        done = res.replaced[d.path]
        remap = _remapper(done)

        def span(s: Span, remap: Any = remap) -> Span:
            return Span(remap(s.start), remap(s.end, True), s.lang)

        meta = dict(d.meta)
        if "speakers" in meta:
            meta["speakers"] = {
                _sub(forms, label): {k: _sub(forms, v) for k, v in info.items()}
                for label, info in meta["speakers"].items()
            }
        out.append(
            replace(
                d,
                # the identity of what is stored: the store keeps one text per sha256, and the
                # original file's hash would find the text with names of an earlier run
                sha256=_sha(res.texts[d.path]),
                text=res.texts[d.path],
                title=_sub(forms, d.title) if d.title else d.title,
                pages=[Page(p.number, remap(p.start), remap(p.end, True)) for p in d.pages],
                paragraphs=[span(p) for p in d.paragraphs],
                sentences=[span(s) for s in d.sentences],
                turns=[
                    Turn(_sub(forms, t.speaker), t.role, remap(t.start), remap(t.end, True))
                    for t in d.turns
                ],
                meta=meta,
            )
        )
    return out, res.key


def _form_map(key: dict[str, Any]) -> dict[str, str]:
    return {f: e["code"] for e in key["entities"] for f in e["forms"]}


def _sub(forms: dict[str, str], text: str) -> str:
    """Replace known name forms in a short string (a title, a speaker label)."""
    import re

    for form in sorted(forms, key=len, reverse=True):
        text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", forms[form], text)
    return text


# ---------------------------------------------------------------------------------------------
# folders


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def read_texts(docs_dir: Path) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Texts by relative path, output names, and one-line errors for unreadable files.

    Plain text and Markdown are pseudonymised as written (decoded), so restoring gives the
    file's text back; other formats (PDF, DOCX ...) as their canonical text, written as
    ``NAME.EXT.txt``.
    """
    from coatlas.ingest import iter_files, read_document
    from coatlas.ingest.plain import decode

    texts: dict[str, str] = {}
    names: dict[str, str] = {}
    errors: list[str] = []
    for path in iter_files(docs_dir):
        rel = path.relative_to(docs_dir).as_posix()
        try:
            if path.suffix.lower() in TEXT_SUFFIXES:
                text, _enc = decode(path.read_bytes(), rel)
                names[rel] = rel
            else:
                text = read_document(path, root=docs_dir).text
                names[rel] = rel + ".txt"
        except CoatlasError as e:
            errors.append(str(e))
            continue
        except OSError as e:
            errors.append(f"{rel}: unreadable ({e.strerror or type(e).__name__})")
            continue
        texts[rel] = text
    return texts, names, errors


def pseudonymise_folder(
    docs_dir: str | Path, out_dir: str | Path, key_path: str | Path, opts: Options | None = None
) -> tuple[int, list[str], dict[str, Any]]:
    """Pseudonymise every document of DOCS into OUT and write the key to KEY (kept apart).

    Returns (documents written, one-line errors, the key).
    """
    docs_dir, out_dir, key_path = Path(docs_dir), Path(out_dir), Path(key_path)
    if not docs_dir.is_dir():
        raise PseudonymiseError(f"{docs_dir}: not a folder")
    if out_dir.resolve() == docs_dir.resolve() or _inside(out_dir, docs_dir):
        raise PseudonymiseError(f"{out_dir}: must not be the documents folder or inside it")
    if _inside(key_path, out_dir) or _inside(key_path, docs_dir):
        raise PseudonymiseError(
            f"{key_path}: keep the key outside the documents and the output folder"
        )
    texts, names, errors = read_texts(docs_dir)
    res = pseudonymise_texts(texts, opts)
    for record in res.key["documents"]:
        record["path"] = record["id"]
        record["output"] = names[record["id"]]
    out_dir.mkdir(parents=True, exist_ok=True)
    for tid, text in res.texts.items():
        target = out_dir / names[tid]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="")
    write_key(res.key, key_path)
    return len(res.texts), errors, res.key


def write_key(key: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(key, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    path.write_text(data, encoding="utf-8")


def read_key(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    try:
        key = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise PseudonymiseError(f"{path}: no such key file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise PseudonymiseError(f"{path}: unreadable ({e})") from None
    except json.JSONDecodeError as e:
        raise PseudonymiseError(f"{path}: not valid JSON (line {e.lineno}: {e.msg})") from None
    if not isinstance(key, dict) or key.get("format") != KEY_FORMAT:
        raise PseudonymiseError(f"{path}: not a coatlas pseudonymisation key")
    if key.get("version") != KEY_VERSION:
        raise PseudonymiseError(f"{path}: key version {key.get('version')!r} is not supported")
    return key


def restore_folder(
    pseudo_dir: str | Path, key_path: str | Path, out_dir: str | Path
) -> tuple[int, list[str]]:
    """Give back the original texts of a pseudonymised folder. Returns (restored, errors)."""
    pseudo_dir, out_dir = Path(pseudo_dir), Path(out_dir)
    key = read_key(key_path)
    if not pseudo_dir.is_dir():
        raise PseudonymiseError(f"{pseudo_dir}: not a folder")
    if out_dir.resolve() == pseudo_dir.resolve():
        raise PseudonymiseError(f"{out_dir}: write the restored texts to another folder")
    errors: list[str] = []
    n = 0
    for record in key.get("documents", []):
        name = record.get("output") or record.get("id")
        src = pseudo_dir / name
        try:
            text = src.read_bytes().decode("utf-8")
        except FileNotFoundError:
            errors.append(f"{src}: missing (listed in the key)")
            continue
        except (OSError, UnicodeDecodeError) as e:
            errors.append(f"{src}: unreadable ({e})")
            continue
        try:
            restored = restore_text(text, record, str(src))
        except PseudonymiseError as e:
            errors.append(str(e))
            continue
        target = out_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(restored, encoding="utf-8", newline="")
        n += 1
    return n, errors
