"""Load and validate a codebook file; every problem becomes one line naming file, code and fault."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from coatlas.datafile import parse_yaml_model
from coatlas.errors import CodebookError

from .model import Codebook

BUILTIN_DEFAULT = "coproduction"


def builtin_names() -> list[str]:
    """Names of the codebooks shipped with coatlas."""
    root = resources.files("coatlas.codebook").joinpath("codebooks")
    return sorted(p.name[:-5] for p in root.iterdir() if p.name.endswith(".yaml"))


def _resolve(name_or_path: str | Path | None) -> Path:
    if name_or_path is None or name_or_path == "":
        name_or_path = BUILTIN_DEFAULT
    p = Path(name_or_path)
    if p.suffix.lower() in (".yaml", ".yml") or p.exists() or "/" in str(name_or_path):
        if not p.is_file():
            raise CodebookError(f"{p}: codebook file not found")
        return p
    if str(name_or_path) in builtin_names():
        ref = resources.files("coatlas.codebook").joinpath("codebooks", f"{name_or_path}.yaml")
        return Path(str(ref))
    raise CodebookError(
        f"{name_or_path}: no such codebook (built in: {', '.join(builtin_names())}; "
        "or give a path to a .yaml file)"
    )


def load_codebook(name_or_path: str | Path | None = None) -> Codebook:
    """The built-in codebook by name (None = ``coproduction``) or a user's YAML file."""
    path = _resolve(name_or_path)
    return _load_cached(str(path.resolve()), path.stat().st_mtime_ns)


@lru_cache(maxsize=32)
def _load_cached(path: str, _mtime: int) -> Codebook:
    return parse_codebook(Path(path).read_text(encoding="utf-8"), Path(path).name)


def parse_codebook(text: str, filename: str = "<codebook>") -> Codebook:
    """Validate YAML text; ``filename`` is only used in error lines."""
    cb, _raw = parse_yaml_model(
        text,
        filename,
        Codebook,
        CodebookError,
        items={"groups": "group", "codes": "code"},
        shape="a codebook must be a mapping with name, version, groups",
    )
    _check_semantics(cb, filename)
    return cb.model_copy(update={"source": filename})


def _check_semantics(cb: Codebook, filename: str) -> None:
    seen: dict[str, str] = {}
    for g in cb.groups:
        if g.id in seen:
            raise CodebookError(f"{filename}: duplicate id {g.id!r} (group; also {seen[g.id]})")
        seen[g.id] = "a group"
    for g in cb.groups:
        for c in g.codes:
            if c.id in seen:
                raise CodebookError(
                    f"{filename}: group {g.id!r}, code {c.id!r}: duplicate id (also {seen[c.id]})"
                )
            seen[c.id] = f"in group {g.id!r}"
    for g in cb.groups:
        for c in g.codes:
            where = f"{filename}: group {g.id!r}, code {c.id!r}"
            for r in c.requires:
                if r not in seen:
                    raise CodebookError(f"{where}: requires unknown group or code {r!r}")
            for r in c.implies:
                target = next((gg for gg in cb.groups if any(cc.id == r for cc in gg.codes)), None)
                if target is None:
                    raise CodebookError(f"{where}: implies unknown code {r!r}")
                if target.id == g.id or not target.coding:
                    raise CodebookError(
                        f"{where}: implies {r!r}, which must be a code of another coding group"
                    )
            for r in c.yields_to:
                if r == c.id or all(cc.id != r for cc in g.codes):
                    raise CodebookError(
                        f"{where}: yields_to {r!r}, which must be another code of the same group"
                    )
            for lang, voc in c.vocabulary.items():
                for field in ("patterns", "exclude_patterns"):
                    for pat in getattr(voc, field):
                        try:
                            re.compile(pat)
                        except re.error as e:
                            raise CodebookError(
                                f"{where}: vocabulary.{lang}.{field}: invalid regex {pat!r} ({e})"
                            ) from None
                for field in ("terms", "cues", "exclude"):
                    for term in getattr(voc, field):
                        bad = _bad_term(term)
                        if bad:
                            raise CodebookError(
                                f"{where}: vocabulary.{lang}.{field}: term {term!r} {bad}"
                            )


def _bad_term(term: str) -> str:
    words = term.split()
    if not words:
        return "is empty"
    for w in words:
        core = w.strip("*")
        if not core:
            return "has a word that is only '*'"
        if "*" in core:
            return "may use '*' only at the start or end of a word"
    return ""
