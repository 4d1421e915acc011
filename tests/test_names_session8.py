"""Names a blind corpus showed the mention stage missing or misreading: a quoted name
after a type noun or a naming verb, a long name the text says is a name, a language
label inside a gloss, a person in a list of those present, a topic compound, and a
name given to a person ("a physiotherapist called X").

The examples are invented; none is a name from an annotated corpus.
"""

from __future__ import annotations

from coatlas.directed.candidates import _propagate
from coatlas.directed.mentions import MentionFinder
from coatlas.directed.resolve import resolve
from coatlas.text.sentences import document_sentences
from test_names_session7 import doc


def _found(text: str, lang: str = "sv") -> tuple[dict[str, set[str]], list]:
    ms, links = MentionFinder().find("a.txt", text, lang=lang)
    return {m.surface: m.cues for m in ms}, links


def test_a_quoted_name_right_after_a_type_noun_is_a_name():
    found, _ = _found('Fyra av våra medlemmar deltog i projektet "Stilla kväll" på kliniken.')
    assert "Stilla kväll" in found
    found, _ = _found("Two members joined the project 'Quiet Evenings' last spring.", "en")
    assert "Quiet Evenings" in found


def test_a_quoted_lowercase_phrase_after_a_type_noun_is_not_a_name():
    found, _ = _found('Vi kallade det i projektet "bra att ha" för enkelhetens skull.')
    assert "bra att ha" not in found


def test_a_long_quoted_name_after_a_naming_cue_is_kept_whole():
    found, _ = _found(
        'Arbetet drivs sedan dess under namnet "Alla ska kunna hitta hem igen" i länet.'
    )
    assert "Alla ska kunna hitta hem igen" in found


def test_a_long_quote_without_a_naming_cue_is_a_citation():
    found, _ = _found('Hon sa "Alla ska kunna hitta hem igen till sist" på mötet.')
    assert "Alla ska kunna hitta hem igen till sist" not in found


def test_a_quoted_name_after_a_naming_verb_carries_the_naming_cue():
    found, _ = _found('Deltagarna döpte själva kvällarna till "Tekoppen" redan första året.')
    assert "naming" in found.get("Tekoppen", set())


def test_a_language_label_in_a_gloss_is_not_part_of_the_name():
    found, _ = _found("In 2014 the ward started Open Doors (Swedish: Öppna dörrar) together "
                      "with patients.", "en")  # fmt: skip
    assert "Öppna dörrar" in found
    assert not any(s.startswith("Swedish") for s in found)


def test_a_person_in_a_list_of_those_present_is_not_another_name_for_her_body():
    found, links = _found(
        "Present: Jane Holloway (Patient Council for Rural Care), Tom Bradley (Volunteer Visitor).",
        "en",
    )
    assert "Patient Council for Rural Care" in found
    assert not [lk for lk in links if lk.reason == "parenthesis"], links


def test_a_topic_compound_on_a_lived_experience_word_is_not_a_name():
    found, _ = _found("Vi ser fram emot mer Patientmedverkan och Brukarinflytande i år.")
    assert "ppe_name" not in found.get("Patientmedverkan", set())
    assert "ppe_name" not in found.get("Brukarinflytande", set())


def test_a_numbered_heading_is_not_a_mid_sentence_capital():
    found, _ = _found("Inledning\n\n4. Patientkällaren\n\nDe tidigare patienterna berättade.")
    assert "ppe_name" not in found.get("Patientkällaren", set())


def test_a_name_a_job_title_introduces_is_a_person():
    found, _ = _found("I said so to a physiotherapist called Priyanka last spring.", "en")
    assert "Priyanka" not in found
    found, _ = _found("We met a network called Open Hands last spring.", "en")
    assert "Open Hands" in found


def test_a_body_named_after_its_members_keeps_its_title_case_tail():
    found, _ = _found("The Carers' Council for Home Care met in May.", "en")
    assert "Carers' Council for Home Care" in found
    found, _ = _found("The Youth Panel met with the Patient Council for the ward.", "en")
    assert "Patient Council" in found and "Youth Panel" in found


def test_an_acronym_in_a_swedish_compound_is_a_mention_of_the_acronym():
    d = doc(
        "b.txt", "Vi startade Trygg Rehabilitering Hemma (TRH) 2019. I TRH-arbetet var alla med."
    )
    ms, links = MentionFinder().find(d.path, d.text, lang="sv")
    ent = next(e for e in resolve(ms, links) if "TRH" in {m.surface for m in e.mentions})
    _propagate(ent, [d], {d.path: document_sentences(d)})
    assert any(d.text[m.start : m.end] == "TRH" and m.start > 50 for m in ent.mentions)


def test_an_exchange_between_organisations_is_named_by_its_head():
    found, _ = _found("In 2017 we joined the Baltic Carers Exchange with two trusts.", "en")
    assert "Baltic Carers Exchange" in found, found
    found, _ = _found("The exchange of information was slow.", "en")
    assert not found, found


def test_a_unit_s_compound_and_one_word_after_it_are_one_name():
    found, _ = _found("Arbetssättet presenteras i Rehabnätverket Norrby varje år.")
    assert "Rehabnätverket Norrby" in found, found
    assert "Norrby" not in found, found
    found, _ = _found("Sedan 2012 driver vi projektet Fasta fötter, med patienterna.")
    assert "Fasta fötter" in found, found


def test_a_capitalised_swedish_project_word_is_part_of_the_name():
    from coatlas.directed.mentions import MentionFinder

    f = MentionFinder()
    for text, want in [
        ("Rutinen togs fram i Projekt Vintergäck, som avslutades 2015.", "Projekt Vintergäck"),
        ("Program Solkatten startade 2019.", "Program Solkatten"),
    ]:
        ms, _ = f.find("a.txt", text)
        assert want in [m.surface for m in ms], (text, [m.surface for m in ms])
    # lower case and no name after it: no mention
    ms, _ = f.find("a.txt", "Vi har ett projekt för äldre.")
    assert ms == []
