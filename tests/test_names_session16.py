"""What two blind sets of session 16 showed (a Finland-Swedish archive and a fourth set
of real pages): a signature's given name is a person when the archive also writes it
with a surname, and the subject of a founding verb with a year is a name. Invented
texts; each test checks a generic rule."""

from __future__ import annotations

from coatlas.directed.mentions import Mention, MentionFinder, norm_key
from coatlas.directed.resolve import Entity
from coatlas.directed.scoring import Corpus, _person_context
from coatlas.ingest import document_from_text


def _ent(doc: str, surface: str) -> Entity:
    m = Mention(
        doc, 0, len(surface), surface, norm_key(surface), "sv", {"subheading"}, "initiative", False
    )
    return Entity([m.key], [m])


def test_a_given_name_alone_is_a_person_when_the_archive_gives_its_surname() -> None:
    mail = document_from_text(
        "Hej Ulf-Göran,\n\ntack för svaret om kamratstödet.\n\nUlf-Göran\n\n"
        "Ulf-Göran Backlund\nförvaltningschef\n",
        "mail.txt",
    )
    assert _person_context(_ent("mail.txt", "Ulf-Göran"), Corpus.of([mail])) == 1.0
    # a persona named by a given name alone, never with a surname, stays a candidate
    persona = document_from_text(
        "Personan Hedvig är 84 år. Vad skulle Hedvig säga om väntrummet?\n\nHedvig\n",
        "persona.txt",
    )
    assert _person_context(_ent("persona.txt", "Hedvig"), Corpus.of([persona])) == 0.0


def _founded(text: str, lang: str) -> list[str]:
    ms, _ = MentionFinder().find("a.txt", text, lang=lang)
    return [m.surface for m in ms if "founded" in m.cues]


def test_the_subject_of_a_founding_verb_with_a_year_is_a_name() -> None:
    assert _founded(
        "Young Voices Kirkby kicked off in September 2019 with six volunteers.", "en"
    ) == ["Young Voices Kirkby"]
    assert _founded("The Kettle Club was launched in 2016 by two carers.", "en") == ["Kettle Club"]
    assert _founded("Bryggverket startade hösten 2017 på initiativ av två anhöriga.", "sv") == [
        "Bryggverket"
    ]
    assert _founded("När Unga Stämmor började 2015 var gruppen liten.", "sv") == ["Unga Stämmor"]


def test_pronouns_persons_places_and_common_nouns_are_no_founded_name() -> None:
    for text, lang in (
        ("It started in 2018 on two wards.", "en"),
        ("We launched it in spring 2019.", "en"),
        ("Anna and Robert started in June 2022 as volunteers.", "en"),
        ("Rådet startade 2011 och möts fyra gånger per år.", "sv"),
        # the same word in lower case in the text: a common noun, not a name
        ("Projektet startade i mars 2011. Under projektet deltog sex patienter.", "sv"),
        # no year in the clause
        ("Bryggverket startade med sex deltagare.", "sv"),
    ):
        assert _founded(text, lang) == [], text


def test_a_whole_service_or_sector_name_is_the_organisation() -> None:
    from coatlas.directed.scoring import _organisation_name

    def ent(surface: str) -> Entity:
        m = Mention(
            "a.txt",
            0,
            len(surface),
            surface,
            norm_key(surface),
            "en",
            {"heading"},
            "initiative",
            False,
        )
        return Entity([m.key], [m])

    assert _organisation_name(ent("Mental Health Services"))
    assert _organisation_name(ent("Hälso- och sjukvården"))
    # the sector inside a longer name is where an initiative works, not the organisation
    assert not _organisation_name(ent("Peer support in mental health services"))
    assert not _organisation_name(ent("Brukarinflytande i socialtjänsten"))


def test_a_split_label_is_never_a_word_of_the_initiative_s_own_name() -> None:
    from coatlas.directed.contexts import _label

    d = document_from_text(
        "The Quality Advisory Group at Brackenfield meets monthly. Advisory members "
        "and the Brackenfield team review every leaflet.",
        "a.txt",
    )
    contexts = {"a.txt": frozenset({"advisory", "brackenfield"})}
    # "advisory" is as widespread as the place, and first in order; it is the name's own
    assert _label(["a.txt"], contexts, {"a.txt": d}) == "Advisory"
    own = frozenset({"quality", "advisory", "group"})
    assert _label(["a.txt"], contexts, {"a.txt": d}, own) == "Brackenfield"


def test_a_field_before_a_staff_head_is_a_job_title() -> None:
    from coatlas.lang.names import is_job_title

    # a staff head after the field it works in (lang data field_title_heads)
    assert is_job_title("Service User and Carer Involvement Co-ordinator")
    assert is_job_title("Patient Experience Manager")
    # a staff head makes a staff job of a lived-experience role's field too
    assert is_job_title("Peer Support Coordinator")
    # roles built on lived experience stay initiatives, whatever stands before them
    assert not is_job_title("Lead Peer Support Worker")
    assert not is_job_title("Senior Patient Partner")
    # and an initiative's name is no title
    assert not is_job_title("Carers' Involvement Network")


def test_a_name_in_parentheses_after_a_job_title_is_a_person() -> None:
    from coatlas.lang.names import looks_like_person

    # an unlisted given name before a known surname, with a title beside it
    assert looks_like_person("Deputy Director Tegid Lloyd-Evans")
    assert not looks_like_person("Tegid Lloyd-Evans")  # no title: the lists decide
    page = document_from_text(
        "The unit has a Deputy Director (Tegid Lloyd-Evans) with responsibility for involvement.",
        "p.txt",
    )
    a = page.text.index("Tegid")
    m = Mention("p.txt", a, a + 17, "Tegid Lloyd-Evans", norm_key("Tegid Lloyd-Evans"), "en",
                {"paren"}, "initiative", False)  # fmt: skip
    assert _person_context(Entity([m.key], [m]), Corpus.of([page])) == 1.0
