"""The codebook as plain, validated data.

A codebook is what an analyst writes before directed content analysis: groups
(dimensions) of codes, each with a definition, inclusion and exclusion notes,
vocabulary per language (for manifest coding) and example sentences (for
latent, semantic coding). The engine reads everything from here so any user
codebook works the same way as the built-in one.
"""

from __future__ import annotations

import hashlib
import json
from functools import cached_property
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Vocabulary(_Strict):
    """Manifest vocabulary of one code in one language.

    Term syntax: words separated by spaces, matched token by token, case-insensitive,
    hyphens ignored inside a word (``co-design`` == ``codesign``). A word without ``*``
    matches its inflections (same lemma; snowball stem for words the lemmatiser does
    not know); ``word*`` matches any word starting with it (Swedish compounds:
    ``patient*`` -> ``patientrådet``), ``*word`` any word ending with it, ``*word*`` any
    word containing it.
    """

    terms: list[str] = Field(default_factory=list)  # one hit is strong evidence
    cues: list[str] = Field(default_factory=list)  # weak evidence: needs support
    patterns: list[str] = Field(default_factory=list)  # regexes (strong), case-insensitive
    exclude: list[str] = Field(default_factory=list)  # terms that veto the code in a sentence
    exclude_patterns: list[str] = Field(default_factory=list)  # regexes that veto


class Code(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: dict[str, str] = Field(default_factory=dict)
    definition: str = Field(min_length=1)
    inclusion: str = ""
    exclusion: str = ""
    vocabulary: dict[str, Vocabulary] = Field(default_factory=dict)
    examples: dict[str, list[str]] = Field(default_factory=dict)
    # ids of groups or codes whose vocabulary must also occur in the same context
    # (e.g. quality improvement counts only with persons with patient experience present)
    requires: list[str] = Field(default_factory=list)
    # codes of other groups that follow from this one when it is assigned (a method
    # entails a role: co-design -> co_designer); evidence is carried over
    implies: list[str] = Field(default_factory=list)
    # codes of the same group that subsume this one: when any of them is assigned,
    # this one is dropped (a patient lecturer telling her story is an educator, not
    # an informant)
    yields_to: list[str] = Field(default_factory=list)

    @field_validator("definition")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("definition is blank")
        return v


class Group(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    label: dict[str, str] = Field(default_factory=dict)
    description: str = ""
    # False for a vocabulary-only group (e.g. who counts as a person with patient
    # experience): used by detection, not assigned to initiatives.
    coding: bool = True
    semantic: bool = True  # whether the embedding coder may assign codes of this group
    # a code is assigned only if its summed support reaches this share of the best
    # code's in the group (0 = codes are independent; levels are relative to each other)
    min_share: float = Field(default=0.0, ge=0.0, le=1.0)
    # where a code's ``requires`` vocabulary must occur: anywhere in the same context,
    # or in the same sentence (roles: the persons must be in the sentence that says
    # what they do, not merely somewhere around it)
    requires_scope: Literal["context", "sentence"] = "context"
    # extra factor for evidence from sentences that do not name the initiative (or
    # hits far from its name): < 1 where the code should follow from what the
    # initiative itself is (its level), not from every place word around it
    context_weight: float = Field(default=1.0, ge=0.0, le=1.0)
    # every initiative has one code of this group (it works at some level): when none
    # reaches the thresholds, the best-supported code with some evidence is given
    at_least_one: bool = False
    # one sentence with at least this support assigns a code (default: the coder's
    # ASSIGN_SINGLE, 0.85 = a term in a sentence naming the initiative); methods use
    # 0.67 so that a term in a neighbouring sentence of the same paragraph suffices
    assign_single: float | None = Field(default=None, ge=0.0, le=1.0)
    # ignore evidence from sentences that name another initiative and not this one (in a
    # document about several, what such a sentence says is about the other): methods
    skip_other_initiatives: bool = False
    codes: list[Code] = Field(min_length=1)


class Codebook(_Strict):
    name: str = Field(min_length=1)
    version: str = Field(min_length=1)
    description: str = ""
    languages: list[str] = Field(default_factory=lambda: ["en", "sv"])
    groups: list[Group] = Field(min_length=1)
    # generic sentences that fit no code: the semantic coder's reference for "nothing"
    background: dict[str, list[str]] = Field(default_factory=dict)
    source: str = Field(default="", exclude=True)  # file it was loaded from (not hashed)

    @field_validator("version", mode="before")
    @classmethod
    def _version_str(cls, v: Any) -> Any:
        return str(v) if isinstance(v, int | float) else v

    # -- queries -----------------------------------------------------------------
    @cached_property
    def digest(self) -> str:
        """sha256 of the canonical JSON of the content: stable across key order and file paths."""
        data = self.model_dump(mode="json")
        blob = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()

    def group(self, group_id: str) -> Group:
        for g in self.groups:
            if g.id == group_id:
                return g
        raise KeyError(f"codebook {self.name!r} has no group {group_id!r}")

    def group_ids(self, coding_only: bool = False) -> list[str]:
        return [g.id for g in self.groups if g.coding or not coding_only]

    def codes(self, group: str | None = None) -> list[Code]:
        """Codes of one group (in file order), or of all groups when ``group`` is None."""
        if group is None:
            return [c for g in self.groups for c in g.codes]
        return list(self.group(group).codes)

    def code(self, code_id: str) -> Code:
        for c in self.codes():
            if c.id == code_id:
                return c
        raise KeyError(f"codebook {self.name!r} has no code {code_id!r}")

    def group_of(self, code_id: str) -> str:
        for g in self.groups:
            if any(c.id == code_id for c in g.codes):
                return g.id
        raise KeyError(f"codebook {self.name!r} has no code {code_id!r}")

    def terms(self, group_or_code: str, lang: str | None = None, *, cues: bool = True) -> list[str]:
        """Vocabulary terms (and cues) of a group or a code, for one language or all; sorted, unique."""
        ids = {g.id for g in self.groups}
        codes = self.codes(group_or_code) if group_or_code in ids else [self.code(group_or_code)]
        out: set[str] = set()
        for c in codes:
            for lg, voc in c.vocabulary.items():
                if lang is None or lg == lang:
                    out.update(voc.terms)
                    if cues:
                        out.update(voc.cues)
        return sorted(out)

    def examples(self, code_id: str, lang: str | None = None) -> list[str]:
        c = self.code(code_id)
        return [s for lg in sorted(c.examples) if lang in (None, lg) for s in c.examples[lg]]
