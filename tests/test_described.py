"""Initiatives the documents describe instead of naming (directed/described.py): a local
effort known by its method and care unit, and patients' stories told to a governing
body. Also the two places the scorer and the mention stage must not misread them.

The examples are invented; none is a name from an annotated corpus.
"""

from __future__ import annotations

from coatlas.directed.candidates import RuleCandidates
from coatlas.directed.described import governing_story_mentions, place_activity_mentions
from coatlas.directed.mentions import MentionFinder
from test_names_session7 import doc


def _place(text: str, lang: str = "en") -> list[str]:
    return [m.surface for m in place_activity_mentions([doc("a.txt", text, lang)], [])]


def test_a_method_and_a_care_unit_at_a_place_is_a_description_of_one_effort():
    assert _place(
        "In 2019 we began the co-design of the stroke ward at Brackley with patients."
    ) == ["co-design of the stroke ward at Brackley"]
    assert _place(
        "Förbättringsgruppen på barnavdelningen i Norrås består av fyra patienter.", "sv"
    ) == ["Förbättringsgruppen på barnavdelningen i Norrås"]
    assert _place("Samskapandet av barnmottagningen på Lindby vårdcentral tog två år.", "sv") == [
        "Samskapandet av barnmottagningen på Lindby vårdcentral"
    ]


def test_a_method_at_a_place_without_a_care_unit_is_a_whole_approach_not_one_effort():
    assert _place("We share what we learned about co-design in Brackley with other trusts.") == []
    assert _place("Samskapande i Region Norrås är ett långsiktigt arbete.", "sv") == []


def test_the_description_ends_at_the_place_not_at_the_next_word():
    got = _place("I förbättringsgruppen på dialysen i Norrås sitter i dag fyra patienter.", "sv")
    assert got == ["förbättringsgruppen på dialysen i Norrås"]


def _stories(*texts: str, lang: str = "en") -> list[tuple[str, str, frozenset[str]]]:
    docs = [doc(f"d{i}.txt", t, lang) for i, t in enumerate(texts)]
    return [(m.surface, m.key, frozenset(m.cues)) for m in governing_story_mentions(docs, [])]


def test_a_patient_story_at_every_board_meeting_is_a_practice():
    got = _stories(
        "Since 2015 every public meeting of the Board has opened with a carer story, "
        "told in person by a patient or carer."
    )
    assert [(s, k) for s, k, _ in got] == [("carer story", "carer story")]
    assert "practice" in got[0][2]


def test_story_forms_share_one_key_and_a_document_without_patients_repeats_it():
    got = _stories(
        "Sedan 2014 inleds varje sammanträde i nämnden med en anhörigberättelse: en patient "
        "eller närstående berättar om sina erfarenheter.",
        "Anhörigberättelsen på nämnden fortsätter.",
        lang="sv",
    )
    keys = {k for _, k, _ in got}
    assert keys == {"anhörigberättelse"}
    assert {s for s, _, c in got if "repeat" in c} == {"Anhörigberättelsen"}


def test_who_tells_the_stories_may_be_said_in_the_sentence_before():
    got = _stories(
        "Styrelsen började 2012 bjuda in patienter att berätta om sina erfarenheter vid "
        "sammanträden. Anhörigberättelsen inleder fortfarande styrelsens möten.",
        lang="sv",
    )
    assert [s for s, _, c in got if "practice" in c] == ["Anhörigberättelsen"]


def test_a_story_without_a_governing_meeting_or_without_patients_is_no_practice():
    assert _stories("The ward collects a carer story from every discharged patient.") == []
    assert _stories("The Board noted the carer story in the annual report.") == []
    # an annual report ("årsberättelse") is a document, not a story
    assert (
        _stories(
            "Nämnden godkände årsberättelsen, som patienter har läst och kommenterat.", lang="sv"
        )
        == []
    )


def test_a_practice_with_a_name_is_left_to_the_name():
    text = (
        "Sedan 2016 inleds varje sammanträde i nämnden med Första ordet, där en patient "
        "berättar sin historia. Anhörigberättelsen följs upp av förvaltningen."
    )
    d = doc("a.txt", text, "sv")
    ms, _ = MentionFinder().find("a.txt", text, lang="sv")
    named = [m for m in ms if m.surface.startswith("Första ordet")]
    if not named:  # whatever cue finds it, a name in the sentence is what counts
        from coatlas.directed.mentions import Mention, norm_key

        a = text.index("Första ordet")
        named = [
            Mention("a.txt", a, a + 12, "Första ordet", norm_key("Första ordet"), "sv",
                    {"sentence_case"}, "initiative", False, True, (0, len(text)))
        ]  # fmt: skip
    assert governing_story_mentions([d], named) == []
    # mid-sentence and capitalised, a Swedish story noun begins a name
    assert (
        _stories(
            "Patienter och anhöriga berättar vid nämndens sammanträden inom Berättelsen vid bordet.",
            lang="sv",
        )
        == []
    )


def test_described_names_are_never_the_organisation_or_its_board():
    from coatlas.directed.scoring import _organisation_name

    docs = [
        doc(
            "a.txt",
            "Each public Board meeting opens with a patient or carer story, known as "
            "Board Narratives. Board Narratives are chosen by the patient panel.",
        ),
        doc("b.txt", "Board Narratives continue in 2023, told by patients and carers."),
    ]
    ents = RuleCandidates().generate(docs)
    board = [e for e in ents if "board narratives" in e.keys]
    assert board and not _organisation_name(board[0])


def test_a_unit_in_a_parenthesis_is_not_another_name():
    ms, links = MentionFinder().find(
        "a.txt", "| Harbour Walking Partners (number) | 6 | 7 |\n", lang="en"
    )
    assert "number" not in {m.surface for m in ms}
    assert not links


def test_a_story_noun_says_who_tells_it_only_in_the_possessive():
    got = _stories("The Board opens each meeting with a patient's story.")
    assert [s for s, _, c in got if "practice" in c] == ["patient's story"]
    assert _stories("The Board opens each meeting with a carer story.") == []


def _entity(*surfaces: str, cues: set[str] | None = None):
    from coatlas.directed.mentions import Mention, norm_key
    from coatlas.directed.resolve import Entity

    ms = [
        Mention(f"d{i}.txt", 0, len(s), s, norm_key(s), "sv", set(cues or {"naming"}),
                "initiative", False, True, (0, len(s)))
        for i, s in enumerate(surfaces)
    ]  # fmt: skip
    return Entity(sorted({m.key for m in ms}), ms)


def test_a_year_and_the_words_after_it_are_no_name():
    from collections import Counter

    from coatlas.directed.scoring import _common_word

    assert _common_word(_entity("2017 annonserade", cues={"cue_noun"}), Counter())
    assert not _common_word(_entity("2030 Vision", cues={"cue_noun"}), Counter())


def test_a_phrase_the_text_names_is_no_initiative_when_it_names_a_field_of_work():
    from collections import Counter

    from coatlas.directed.scoring import _common_word

    lowered = Counter({"brukarinflytande": 3, "hemmadialysering": 3})
    # "förr hette det brukarinflytande": the old word for the field, not an effort
    assert _common_word(_entity("brukarinflytande", cues={"named_phrase"}), lowered)
    # "det kallas hemmadialysering": a practice the text names
    assert not _common_word(_entity("hemmadialysering", cues={"named_phrase"}), lowered)


def test_a_bare_head_joins_the_one_name_it_heads_with_a_complement():
    from coatlas.directed.candidates import merge_variants

    long_ = _entity("Samtalsforum med anhöriga", "Samtalsforum med anhöriga")
    short = _entity("Samtalsforum", "Samtalsforum")
    out = merge_variants([long_, short])
    assert len(out) == 1
    # two names it could head: it is left alone
    other = _entity("Samtalsforum för unga", "Samtalsforum för unga")
    assert len(merge_variants([long_, other, _entity("Samtalsforum", "Samtalsforum")])) == 3


def test_a_one_word_given_name_is_marked_as_one_for_the_scorer():
    from coatlas.directed.scoring import Corpus, candidate_features

    d = doc("a.txt", "Greta hjälper oss att tänka på de äldre. Greta är vår persona.")
    ent = _entity("Greta")
    ent.mentions[0].document = "a.txt"
    assert candidate_features(ent, Corpus.of([d]))["given_name"] == 1.0
    ent = _entity("Tekoppen")
    ent.mentions[0].document = "a.txt"
    assert candidate_features(ent, Corpus.of([d]))["given_name"] == 0.0


def test_a_compounds_elided_first_part_is_part_of_the_name_not_a_name():
    ms, _ = MentionFinder().find(
        "a.txt",
        "Rådet heter från 2014 Anhörig- och seniorrådet vid Strandby vårdcentral.",
        lang="sv",
    )
    surfaces = {m.surface for m in ms}
    assert "Anhörig- och seniorrådet" in surfaces
    assert "Anhörig" not in surfaces and "seniorrådet" not in surfaces
    # no head after the elision: the first part alone is still no name
    ms, _ = MentionFinder().find(
        "a.txt", "Sedan 2019 heter den Barn- och ungdomsmottagningen Strandby.", lang="sv"
    )
    assert "Barn" not in {m.surface for m in ms}
