"""Step 1's involvement evidence and the scorer's training rows.

Invented sentences; each test checks one generic rule: a line break inside a sentence
does not cut a statement, a body named after its members is neither an organisation
nor without involvement, and the fitted scorer learns only from candidates whose fate
its score decides.
"""

from __future__ import annotations

from coatlas.directed.mentions import Mention
from coatlas.directed.ppe import ppe_hits
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import _organisation_name, fit_scorer, has_involvement


def test_a_line_break_inside_a_sentence_keeps_the_statement_whole() -> None:
    # easy-read text breaks lines mid-sentence: the cue and the actor are one statement
    text = "Samverkan är ett sätt att påverka\nför dig som är patient\neller anhörig."
    assert max(h.score for h in ppe_hits(text, 0, len(text))) == 1.0


def test_a_line_break_that_ends_a_line_still_cuts() -> None:
    # a table or list: the next line starts anew, so the cue above says nothing of it
    text = "Syfte: att påverka\nPatienter 2021 | 24"
    assert max((h.score for h in ppe_hits(text, 0, len(text))), default=0.0) < 1.0


def _ent(surface: str, cues: set[str]) -> Entity:
    m = Mention("a.txt", 0, len(surface), surface, surface.lower(), "en", set(cues), "council")
    return Entity([surface.lower()], [m])


def test_a_council_named_after_its_members_is_not_an_organisation() -> None:
    assert not _organisation_name(_ent("Patient Council", {"ppe_body"}))
    assert not _organisation_name(_ent("Youth Board", {"ppe_body"}))


def test_the_public_board_is_the_organisations_own() -> None:
    # "public" names the trust's board meeting held in public, not a body of patients
    assert _organisation_name(_ent("Public Board", {"ppe_body"}))
    assert _organisation_name(_ent("Lowfield Council", set()))


def _row(strength: float, ppe: float) -> dict[str, float]:
    return {"strength": strength, "log_mentions": 1.0, "ppe_max": ppe, "ppe_sentences": 0.0}


def test_the_scorer_learns_only_from_candidates_with_involvement() -> None:
    involved = [_row(s, 1.0) for s in (1.0, 2.0, 3.0, 4.0)]
    labels = [0, 0, 1, 1]
    groups = ["a", "b", "a", "b"]
    base = fit_scorer(involved, labels, groups)
    # strong names without any involvement evidence: dropped after scoring anyway
    noise = [_row(s, 0.0) for s in (5.0, 6.0)]
    more = fit_scorer(involved + noise, labels + [0, 0], groups + ["a", "b"])
    assert more["coef"] == base["coef"] and more["threshold"] == base["threshold"]
    everything = fit_scorer(
        involved + noise, labels + [0, 0], groups + ["a", "b"], involved_only=False
    )
    assert everything["coef"] != base["coef"]
    assert has_involvement(_row(1.0, 1.0)) and not has_involvement(_row(9.0, 0.8))
