"""Names found or joined by cues that need no head noun: a capitalised Swedish compound on a
lived-experience word, a rename in a relative clause, a head noun glossed by a name;
and what is never an initiative (a standing pensioners' council).

The examples are invented; none is a name from an annotated corpus.
"""

from __future__ import annotations

import hashlib

from coatlas.directed.candidates import gloss_anaphor_links
from coatlas.directed.mentions import Mention, MentionFinder
from coatlas.directed.ppe import ppe_hits
from coatlas.directed.scoring import vetoed
from coatlas.document import Document


def doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        text=text,
        language=lang,
    )


def _surfaces(text: str, lang: str = "sv") -> dict[str, set[str]]:
    ms, _ = MentionFinder().find("a.txt", text, lang=lang)
    return {m.surface: m.cues for m in ms}


def test_a_capitalised_compound_on_a_lived_experience_word_is_a_name():
    found = _surfaces("Till slut byggde vi Patientkällaren med en utbildning och ett avtal.")
    assert "ppe_name" in found.get("Patientkällaren", set())


def test_sentence_initial_adjectival_and_law_compounds_are_not_names():
    found = _surfaces(
        "Patientkällaren öppnade i maj. Enligt Patientlagen ska vården vara "
        "Patientcentrerade och vi träffade Anhörigföreningen i april."
    )
    for word in ("Patientkällaren", "Patientlagen", "Patientcentrerade", "Anhörigföreningen"):
        assert "ppe_name" not in found.get(word, set()), word


def test_english_documents_get_no_swedish_compound_cue():
    found = _surfaces("We met the trust in Barnstaple and Patientsworth last May.", lang="en")
    assert not any("ppe_name" in cues for cues in found.values())


def test_a_relative_clause_with_a_naming_verb_renames_the_name_before_it():
    text = "Anhörigrådet, som sedan januari 2021 heter Samverkansrådet, möts fyra gånger."
    _, links = MentionFinder().find("a.txt", text, lang="sv")
    pairs = {(lk.a, lk.b) for lk in links if lk.reason.startswith("alias:")}
    assert ("anhörigråd", "samverkansråd") in pairs, links


def test_a_naming_verb_far_from_the_name_links_nothing():
    text = "Anhörigrådet bjöd in regionen till ett projekt som heter Samverkansrådet."
    _, links = MentionFinder().find("a.txt", text, lang="sv")
    assert not [lk for lk in links if lk.reason.startswith("alias:")]


def _m(path: str, text: str, surface: str, key: str, at: int = 0) -> Mention:
    a = text.index(surface, at)
    return Mention(
        path, a, a + len(surface), surface, key, "und", {"heading"}, "council", False, True
    )


def test_a_head_noun_glossed_by_a_name_refers_back_to_the_named_body():
    text = (
        "The Riverside Carers Forum\n\nThe forum (Vårdforum Strandkanten) meets four times a year."
    )
    ms = [
        _m("a.txt", text, "Riverside Carers Forum", "riverside carers forum"),
        _m(
            "b.txt",
            "Vårdforum Strandkanten möts.",
            "Vårdforum Strandkanten",
            "vårdforum strandkanten",
        ),
    ]
    links = gloss_anaphor_links(ms, {"a.txt": text, "b.txt": "Vårdforum Strandkanten möts."})
    assert [(lk.a, lk.b) for lk in links] == [("riverside carers forum", "vårdforum strandkanten")]


def test_a_glossed_head_noun_with_two_possible_owners_links_nothing():
    text = (
        "The Riverside Carers Forum and the Hillside Youth Forum met.\n"
        "The forum (Vårdforum Strandkanten) meets four times a year."
    )
    ms = [
        _m("a.txt", text, "Riverside Carers Forum", "riverside carers forum"),
        _m("a.txt", text, "Hillside Youth Forum", "hillside youth forum"),
        _m(
            "b.txt",
            "Vårdforum Strandkanten möts.",
            "Vårdforum Strandkanten",
            "vårdforum strandkanten",
        ),
    ]
    assert gloss_anaphor_links(ms, {"a.txt": text, "b.txt": "Vårdforum Strandkanten möts."}) == []


def test_a_standing_pensioners_council_is_vetoed():
    from coatlas.directed.scoring import _standing_council

    assert _standing_council("Kommunala pensionärsrådet")
    assert not _standing_council("Brukarrådet")
    assert vetoed({"standing_council": 1.0})
    assert not vetoed({"standing_council": 0.0})


def test_people_with_their_own_experience_in_a_body_take_part():
    text = "I Patientkällaren finns i dag ett sextiotal personer med egen erfarenhet som patient."
    hits = ppe_hits(text, 0, len(text))
    assert any(h.score >= 1.0 for h in hits)


def test_a_council_named_after_its_members_is_not_glossed_as_an_organisation():
    _, links = MentionFinder().find(
        "a.txt", "We met the county carers council (anhörigrådet) in May.", lang="en"
    )
    assert not [lk for lk in links if lk.reason == "org"]
    _, links = MentionFinder().find(
        "a.txt", "We met the county finance council (ekonomirådet) in May.", lang="en"
    )
    assert [lk for lk in links if lk.reason == "org"]


def test_a_capitalised_lived_experience_role_is_not_a_name_cue():
    found = _surfaces("Vi har Brukarföreträdarna och Patientkällaren i regionen.")
    assert "ppe_name" not in found.get("Brukarföreträdarna", set())
    assert "ppe_name" in found.get("Patientkällaren", set())


def test_a_swedish_name_in_sentence_case_is_found_where_it_recurs():
    from coatlas.directed.candidates import sentence_case_names

    docs = [
        doc("a.txt", "Sjuksköterskan presenterade Trygg natt, som startade 2020.\n"),
        doc("b.txt", "Nu deltar 40 patienter i Trygg natt, där de själva ringer.\n"),
        doc("c.txt", "Många har en trygg och lugn vardag. Natt och dag.\n"),
    ]
    found = {m.surface for m in sentence_case_names(docs, [])}
    assert found == {"Trygg natt"}


def test_a_phrase_also_written_in_lower_case_is_no_name():
    from coatlas.directed.candidates import sentence_case_names

    docs = [
        doc("a.txt", "Arbetet med Nära vård fortsätter, och Nära vård är målet.\n"),
        doc("b.txt", "Omställningen till nära vård tar tid.\n"),
    ]
    assert sentence_case_names(docs, []) == []


def test_a_proper_noun_in_mid_sentence_starts_no_name():
    from coatlas.directed.candidates import sentence_case_names

    docs = [
        doc("a.txt", "Vi åkte till Granbo kyrka och sedan till Granbo kyrka igen.\n"),
    ]
    assert sentence_case_names(docs, []) == []


def test_a_one_word_name_used_for_an_organisation_is_not_spread():
    from coatlas.directed.candidates import _names_an_organisation

    docs = [
        doc("a.txt", "Granbos diabetesförening träffas i maj."),
        doc("b.txt", "Kvistlyktan träffas varje vecka."),
    ]
    assert _names_an_organisation("Granbo", docs)
    assert not _names_an_organisation("Kvistlyktan", docs)


def test_a_slogan_names_a_programme_to_the_end_of_its_clause():
    found = _surfaces("Sedan 2015 arbetar kliniken under parollen Lyssna först – sen gör vi.")
    assert "cue_noun" in found.get("Lyssna först – sen gör vi", set()), found
    found = _surfaces("Our slogan Nothing for us, without us (in Swedish X) is known.", lang="en")
    assert "Nothing for us, without us" in found, found
