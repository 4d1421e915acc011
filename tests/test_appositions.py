"""Names joined or found through apposition: a kind word beside a name, a role beside
its programme, a description in apposition, an acronym coined from parts of words.

The examples are invented; none is a name from an annotated corpus.
"""

from __future__ import annotations

import hashlib

from coatlas.directed import run
from coatlas.directed.candidates import RuleCandidates
from coatlas.directed.mentions import Mention, MentionFinder
from coatlas.directed.resolve import apposition_links, resolve
from coatlas.document import Document


def doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        text=text,
        language=lang,
    )


def _names(res) -> list[set[str]]:
    return [{i["name"], *i["aliases"]} for i in res.initiatives]


def _mention(path: str, text: str, surface: str, key: str, kind: str, cap: bool) -> Mention:
    a = text.index(surface)
    return Mention(path, a, a + len(surface), surface, key, "sv", {"compound"}, kind, False, cap)


def test_a_kind_word_before_a_name_refers_to_that_name():
    text = "Vi träffade anhörignätverket Fyrbåken i mars."
    ms = [
        _mention("a.txt", text, "anhörignätverket", "anhörignätverk", "network", False),
        _mention("a.txt", text, "Fyrbåken", "fyrbåken", "initiative", True),
    ]
    ls = apposition_links(ms, {"a.txt": text})
    assert [(lk.a, lk.b, lk.reason) for lk in ls] == [("anhörignätverk", "fyrbåken", "apposition")]
    ents = resolve(ms, ls)
    assert len(ents) == 1


def test_a_kind_word_given_to_two_names_joins_neither():
    t1 = "Vi träffade anhörignätverket Fyrbåken i mars."
    t2 = "Sedan kom anhörignätverket Ljusglimten till mötet."
    ms = [
        _mention("a.txt", t1, "anhörignätverket", "anhörignätverk", "network", False),
        _mention("a.txt", t1, "Fyrbåken", "fyrbåken", "initiative", True),
        _mention("b.txt", t2, "anhörignätverket", "anhörignätverk", "network", False),
        _mention("b.txt", t2, "Ljusglimten", "ljusglimten", "initiative", True),
    ]
    assert apposition_links(ms, {"a.txt": t1, "b.txt": t2}) == []
    assert len(resolve(ms, [])) == 3


def test_a_role_and_the_programme_named_after_it_are_one_initiative():
    page = doc(
        "program.txt",
        "Brukarambassadörer\n\nThe User Ambassadors programme (Brukarambassadörsprogrammet) "
        "started in 2017. Brukarambassadörer är personer med egen erfarenhet som patient som "
        "deltar i regionens utvecklingsarbete.",
    )
    other = doc(
        "rapport.txt",
        "Under året har tolv brukarambassadörer medverkat i förbättringsarbetet, och två nya "
        "brukarambassadörer har anställts.",
    )
    ents = RuleCandidates().generate([page, other])
    keys = [set(e.keys) for e in ents if any(k.startswith("brukarambassadör") for k in e.keys)]
    assert len(keys) == 1 and len(keys[0]) >= 2, keys


def test_a_kind_is_not_joined_to_a_name_built_on_it():
    # "dialog" is a kind, not a role: "Dialogrummet" is no programme of it
    page = doc(
        "dialog.txt",
        "Dialogrummet öppnade 2019. I Dialogrummet möter patienter personalen varje vecka. "
        "En dialog med patienterna hölls också i maj, och ytterligare en dialog i juni.",
    )
    ents = RuleCandidates().generate([page])
    assert not any({"dialog", "dialogrummet"} <= set(e.keys) for e in ents)


def test_an_acronym_coined_from_parts_of_words_links_its_expansion():
    text = "Erfarenheten från Brukare i förbättringsarbetet (BIFA) är god."
    _, ls = MentionFinder().find("x.txt", text, lang="sv")
    assert any({lk.a, lk.b} == {"brukare i förbättringsarbetet", "bifa"} for lk in ls), ls


def test_letters_that_do_not_fit_the_words_are_no_expansion():
    text = "Teamet arbetar med trygg hemgång (KVRT) sedan i fjol."
    _, ls = MentionFinder().find("x.txt", text, lang="sv")
    assert not any(lk.reason == "acronym" for lk in ls), ls


def test_a_one_word_name_described_in_apposition_is_an_initiative():
    news = doc(
        "nyhet.html",
        "Lyktfisken fyller fem år\n\nLyktfisken, träffpunkten för unga med epilepsi som "
        "startades av patienter, firade fem år i maj. Lyktfisken drivs av de unga själva, "
        "och medlemmarna träffas varje torsdag.",
    )
    page = doc(
        "paverka.html",
        "Det finns mötesplatser som patienter själva har startat. Ett exempel är Lyktfisken, "
        "en träffpunkt för unga med epilepsi där deltagarna själva planerar träffarna.",
    )
    res = run([news, page])
    assert any("Lyktfisken" in n for n in _names(res)), _names(res)


def test_a_person_in_apposition_is_not_a_name():
    text = (
        "Vi talade med Karin, projektledaren för arbetet. Karin har lett projektet sedan 2019. "
        "Karin, projektledaren för arbetet, berättade om patienterna."
    )
    res = run([doc("a.txt", text), doc("b.txt", text.replace("Vi talade", "Vi mötte"))])
    assert not any("Karin" in n for n in _names(res)), _names(res)


def test_a_name_in_the_definite_plural_is_found_in_the_indefinite_plural_too():
    from coatlas.directed.candidates import _inflections, _propagate
    from coatlas.directed.resolve import Entity

    assert _inflections("vårdverkstäderna") == ["vårdverkstäder"]
    assert _inflections("anhörigrådet") == []  # "ett anhörigråd" is any council
    title = doc("a.txt", "Vårdverkstäderna\n\nVårdverkstäderna hölls i maj.")
    later = doc("b.txt", "Under hösten hölls fler vårdverkstäder, där invånare deltog.")
    m = _mention("a.txt", title.text, "Vårdverkstäderna", "vårdverkstad", "studio", False)
    m.cues = {"compound", "heading"}
    ent = Entity(["vårdverkstad"], [m])
    spans = {d.path: [(0, len(d.text))] for d in (title, later)}
    _propagate(ent, [title, later], spans)
    assert "b.txt" in {x.document for x in ent.mentions}


def test_a_line_of_capitals_gives_no_name_after_a_kind_word():
    text = "SAMMANFATTNING\n\nA PEER NETWORK OF CARERS AND RELATIVES AT A RURAL WARD\n\nText."
    ms, _ = MentionFinder().find("x.txt", text, lang="en")
    assert not any("CARERS" in m.surface for m in ms), [m.surface for m in ms]


def test_an_organisation_spelled_out_before_its_acronym_gives_no_initiative_name():
    text = "Arbetet leds av Östra Fjällandsregionen (ÖFR) sedan 2020."
    _, ls = MentionFinder().find("x.txt", text, lang="sv")
    assert not any(lk.reason == "acronym" for lk in ls), ls


def test_a_verb_after_a_name_is_not_part_of_it():
    # "nätverket X blivit något eget": the sentence goes on after the name
    text = "Sedan dess har nätverket Bryggan blivit något eget, där de äldre själva sitter med."
    ms, _ = MentionFinder().find("x.txt", text, lang="sv")
    assert "Bryggan" in {m.surface for m in ms}, [m.surface for m in ms]
    assert not any(m.surface.startswith("Bryggan ") for m in ms)


def test_former_members_are_the_same_initiative():
    from coatlas.directed.mentions import norm_key

    assert norm_key("former Young Carers Ambassadors") == norm_key("Young Carers Ambassadors")
    assert norm_key("före detta brukarambassadörer") == norm_key("brukarambassadörer")
    # "tidigare" is also an adverb ("hette tidigare X"): not stripped
    assert norm_key("tidigare anhörigråd") != norm_key("anhörigråd")


def test_an_adverb_after_a_naming_verb_is_not_part_of_the_name():
    # "hette tidigare X": the name is X, so the old and the new name share a key
    text = "Forumet startade 2021; forumet hette tidigare Seniorernas råd och bildades 2013."
    ms, _ = MentionFinder().find("x.txt", text, lang="sv")
    assert "Seniorernas råd" in {m.surface for m in ms}, [m.surface for m in ms]


def test_a_name_a_naming_verb_gives_may_start_with_an_organisation_word():
    text = "Each meeting opens with a story told in person, known as Ward Voices."
    ms, _ = MentionFinder().find("x.txt", text, lang="en")
    assert "Ward Voices" in {m.surface for m in ms}


def test_a_swedish_compound_on_an_authoritys_noun_is_the_organisation():
    from coatlas.directed.resolve import Entity
    from coatlas.directed.scoring import _organisation_name

    def ent(surface: str) -> Entity:
        m = Mention("a.txt", 0, len(surface), surface, surface.lower(), "sv", {"title"})
        return Entity([surface.lower()], [m])

    assert _organisation_name(ent("Fritidsnämnden"))
    assert not _organisation_name(ent("Anhörigföreningen"))  # an association may be one
    assert not _organisation_name(ent("Samverkansnätverket"))  # "-nätverket", not "-verket"


def test_a_title_led_by_a_kind_of_document_names_the_document():
    from coatlas.directed.phrases import _names_document

    words = ("ansökan", "report")
    assert _names_document("Ansökan om medel till dialogmöten", words)
    assert not _names_document("Ansökan", words)


def test_an_acronym_written_first_links_the_words_that_spell_it():
    for text in (
        "Vintern 2019 prövades KVP – Kvalitetsplan i partnerskap på två vårdcentraler.",
        "I primärvården infördes planen KVP (Kvalitetsplan i partnerskap, en plan) 2020.",
    ):
        _, ls = MentionFinder().find("x.txt", text, lang="sv")
        assert any({lk.a, lk.b} == {"kvalitetsplan i partnerskap", "kvp"} for lk in ls), text


def test_an_acronym_first_that_names_an_organisation_or_nothing_gives_no_name():
    for text in (
        "Stödet kommer från CEPS (Centrum för evidensbaserade psykosociala stöd).",
        "Vi ringde SOS – de kom snabbt.",
    ):
        ms, ls = MentionFinder().find("x.txt", text, lang="sv")
        assert not any(lk.reason == "acronym" for lk in ls), ls


def test_a_pool_of_patients_is_a_body_named_after_its_members():
    text = "Under året har patientpoolen vuxit, och medlemmarna deltar i förbättringsarbeten."
    ms, _ = MentionFinder().find("x.txt", text, lang="sv")
    assert any(m.key.startswith("patientpool") and "ppe_body" in m.cues for m in ms), ms
    # only after a first part naming lived experience: a staff pool is no initiative
    ms, _ = MentionFinder().find("x.txt", "Bemanningspoolen täcker sjukfrånvaro.", lang="sv")
    assert not any(m.key.startswith("bemanningspool") for m in ms)


def test_a_body_compound_then_its_name_is_one_initiative():
    text = "Projektplan – Seniorrådet Gröna gången\n\nEtt seniorråd, Gröna gången, ska starta."
    ms = [
        _mention("a.txt", text, "Seniorrådet", "seniorråd", "council", False),
        _mention("a.txt", text, "Gröna gången", "gröna gången", "initiative", True),
    ]
    ls = apposition_links(ms, {"a.txt": text})
    assert [(lk.a, lk.b) for lk in ls] == [("seniorråd", "gröna gången")]
