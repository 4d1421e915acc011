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


def _best(text: str) -> float:
    return max((h.score for h in ppe_hits(text, 0, len(text))), default=0.0)


def test_a_body_made_of_patients_involves_them() -> None:
    # the actors are the body's members: lang data membership_before
    assert _best("Since 2019 the panel of 18 patients and carers has read every leaflet.") == 1.0
    assert _best("Rådet består av åtta patienter och två närstående.") == 1.0


def test_a_body_of_others_or_a_negated_one_does_not() -> None:
    assert _best("The panel of experts discussed the care of patients.") < 1.0
    assert _best("No panel of patients was ever set up.") < 1.0


def test_the_fitted_scorer_cuts_at_the_out_of_corpus_cut_never_above_one_half() -> None:
    rows, groups = [], []
    for g in ("a", "b", "c"):
        for i in range(8):
            rows.append({"ppe_max": 1.0, "cue": float(i % 4)})
            groups.append(g)
    # positives are rare: the best out-of-corpus cut is low, and it is the cut
    rare = [int(r["cue"] == 3.0) for r in rows]
    low = fit_scorer(rows, rare, groups)
    assert low["threshold"] == low["oof_threshold"] < 0.5
    # positives are common: a cut above one half is not taken (more likely than not
    # is kept), the out-of-corpus cut stays beside it
    common = [int(r["cue"] != 0.0) for r in rows]
    high = fit_scorer(rows, common, groups)
    assert high["oof_threshold"] > 0.5 and high["threshold"] == 0.5
    # a fixed cut when asked for one
    fixed = fit_scorer(rows, rare, groups, threshold=0.5)
    assert fixed["threshold"] == 0.5 and fixed["oof_threshold"] == low["oof_threshold"]


def test_a_lived_experience_role_takes_part_by_holding_it() -> None:
    # lang data lived_experience_roles.txt: the role's holders are involved
    assert _best("The walkabouts bring carer representatives onto the wards every month.") == 1.0
    assert _best("Två patientrepresentanter finns nu på avdelningen.") == 1.0


def test_a_role_as_recipient_or_negated_is_not_involvement() -> None:
    assert _best("The course is for carer representatives.") < 1.0
    assert _best("No carer representatives were asked.") < 1.0


def test_a_name_the_documents_give_a_title_beside_is_a_person() -> None:
    import hashlib

    from coatlas.directed.scoring import Corpus, _person_context
    from coatlas.document import Document

    text = (
        "Närvarande: Samira Okonjo (Anhörigföreningen), Per Ek (SPF).\n\n"
        "Samira Okonjo, ordförande\n"
    )
    d = Document("a.txt", hashlib.sha256(text.encode()).hexdigest(), "txt", text, "sv")
    a = text.index("Samira Okonjo")
    m = Mention("a.txt", a, a + 13, "Samira Okonjo", "samira okonjo", "sv", {"paren"})
    assert _person_context(Entity(["samira okonjo"], [m]), Corpus.of([d])) == 1.0
    b = text.index("Anhörigföreningen")
    m2 = Mention("a.txt", b, b + 17, "Anhörigföreningen", "anhörigförening", "sv", {"paren"})
    assert _person_context(Entity(["anhörigförening"], [m2]), Corpus.of([d])) == 0.0


def test_the_fitted_scorer_leaves_candidates_without_involvement_to_the_rules() -> None:
    from coatlas.directed.scoring import LogisticScorer

    # a model that says no to everything, fit (as the shipped one) on involved rows only
    model = {
        "features": ["ppe_max"], "mean": [0.0], "scale": [1.0], "coef": [0.0],
        "intercept": -5.0, "threshold": 0.5,
        "rows_used": "not vetoed, with involvement evidence",
    }  # fmt: skip
    named = {"strength": 6.0, "single_doc": 0.0, "corpus_support": 0.0, "ppe_max": 0.0}
    involved = named | {"ppe_max": 1.0}
    p_named, p_involved = LogisticScorer(model).predict_proba([named, involved])
    assert p_named == 1.0  # the rules: strongly named, no involvement -> listed as a non-initiative
    assert p_involved < 0.5  # the model decides what it was fit on


def test_a_body_named_after_a_topic_is_not_named_after_its_members() -> None:
    # "patient experience" names what a committee deals with, not who sits on it
    from coatlas.directed.mentions import MentionFinder

    text = (
        "The Patient Experience Committee reviews complaints each quarter; patients and "
        "carers attend. The Carers Committee meets monthly and carers take part."
    )
    ms, _ = MentionFinder().find("x.txt", text, lang="en")
    bodies = {m.surface for m in ms if "ppe_body" in m.cues}
    assert "Carers Committee" in bodies
    assert not any("Experience" in s for s in bodies), bodies
