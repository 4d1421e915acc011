"""What a blind set of real pages (session 14) showed missed: a practice whose own name
says users control it, a dialogue named after the users in it, and people invited to
join a group. Invented names and pages; each test checks a generic rule."""

from __future__ import annotations

from coatlas import directed
from coatlas.codebook import load_codebook
from coatlas.directed.candidates import find_mentions, practice_mentions
from coatlas.directed.ppe import names_leading_ppe, ppe_hits
from coatlas.ingest import document_from_text


def _practice(text: str, code: str) -> list[str]:
    docs = [document_from_text(text, "a.txt")]
    ms, _ = find_mentions(docs, None)
    return [m.surface.lower() for m in practice_mentions(docs, (code,), ms)]


def test_a_practice_named_as_user_controlled_involves_users_by_its_name() -> None:
    # patients appear only as the ones who get it: the term itself says they decide
    got = _practice(
        "De som fick tillgång till brukarstyrda inläggningar mådde bättre efter ett år.",
        "self_management",
    )
    assert got == ["brukarstyrda inläggningar"], got
    # the same sentence with a practice that says nothing of who leads it
    assert _practice("De som fick självdialys mådde bättre efter ett år.", "self_management") == []
    assert names_leading_ppe("a patient-led clinic")
    assert not names_leading_ppe("patientcentrerad vård")


def test_a_led_term_gives_nothing_to_the_other_names_in_its_sentence() -> None:
    text = "Projektet Klarsyn samarbetar med föreningen om brukarledda granskningar."
    assert not [h for h in ppe_hits(text, 0, len(text)) if h.score >= 1.0]


def test_people_invited_to_join_a_group_take_part() -> None:
    text = "We invite young people aged 12 to 18 to join our Research Voices Group."
    assert [h.cue for h in ppe_hits(text, 0, len(text)) if h.score >= 1.0] == ["join"]
    text = "Patients could not join the panel this year."
    assert not [h for h in ppe_hits(text, 0, len(text)) if h.score >= 1.0]


def _run(text: str) -> tuple[list[str], list[str]]:
    docs = [
        document_from_text(text, "a.txt"),
        document_from_text("Annat.", "b.txt"),
        document_from_text("Mer annat.", "c.txt"),
    ]
    res = directed.run(docs, codebook=load_codebook())
    return [i["name"] for i in res.initiatives], [n["name"] for n in res.non_initiatives]


def test_a_dialogue_named_after_its_users_involves_them() -> None:
    page = (
        "{X} på Lindgårdens boende\n\n{X} hålls varje termin på Lindgårdens boende. På "
        "{x}en diskuteras allmänna frågor som rör boendet, och förslagen tas med till "
        "ledningen. {X} kan genomföras flera gånger per termin."
    )
    got = _run(page.format(X="Anhörigdialog", x="anhörigdialog"))
    assert got == (["Anhörigdialog"], []), got
    # a dialogue named after staff stays a non-initiative
    got = _run(page.format(X="Ledningsdialog", x="ledningsdialog"))
    assert got == ([], ["Ledningsdialog"]), got


def test_a_law_and_role_abbreviations_say_nothing_about_where_a_page_is_from() -> None:
    from tests.test_contexts import doc

    from coatlas.directed.contexts import document_contexts

    pages = [
        doc("a.txt", "Enligt Patientlagen ska vården ske i samråd. Mötet hölls på Ekbacka.", "sv"),
        doc(
            "b.txt",
            "Enligt Patientlagen ska vården ske i samråd. Vår VD hälsade på Lindgården.",
            "sv",
        ),
    ]
    ctx = document_contexts(pages)
    assert ctx["a.txt"] == {"ekbacka"}, ctx
    assert ctx["b.txt"] == {"lindgården"}, ctx


def test_a_piece_is_labelled_by_its_organisation_not_by_a_person_in_it() -> None:
    from coatlas.directed.contexts import _label

    texts = {
        "a.txt": "Sara Brännvik berättar om rådet. Brännvik har varit med sedan starten.",
        "b.txt": "Rådet på Norrlunda sjukhus möts varje månad. Brännvik var där.",
    }
    dmap = {p: doc for p, doc in ((p, document_from_text(t, p)) for p, t in texts.items())}
    ctx = {"a.txt": frozenset({"brännvik"}), "b.txt": frozenset({"brännvik", "norrlunda"})}
    assert _label(["a.txt", "b.txt"], ctx, dmap) == "Norrlunda"
    # a word the documents write only in an address or inflected is still a name
    dmap = {"c.txt": document_from_text("Se www.ekmora.se och Ekmoras sida.", "c.txt")}
    assert _label(["c.txt"], {"c.txt": frozenset({"ekmora"})}, dmap) == "Ekmora"


def test_a_short_name_on_a_page_about_a_coordinated_name_is_that_name() -> None:
    from coatlas.directed.candidates import _elided_parts

    assert {"seniorråd", "anhörigråd"} <= _elided_parts("senior och anhörigråd")
    page = (
        "Premiär för Lindgårdens senior- och anhörigråd\n\nNu har Lindgårdens senior- och "
        "anhörigråd haft sitt första möte. I rådet ingår sex personer med egen erfarenhet "
        "av att vara patient och närstående.\n\nNär jag såg annonsen att ingå i Lindgårdens "
        "seniorråd sökte jag direkt, säger en av ledamöterna."
    )
    inits, _ = _run(page)
    assert len(inits) == 1 and "anhörigråd" in inits[0].lower(), inits


def test_an_authority_in_the_genitive_with_its_acronym_is_the_organisation() -> None:
    from coatlas.directed.mentions import Mention
    from coatlas.directed.resolve import Entity
    from coatlas.directed.scoring import _organisation_name

    def ent(*surfaces: str) -> Entity:
        ms = [
            Mention("a.txt", i * 40, i * 40 + len(s), s, s.lower(), "sv")
            for i, s in enumerate(surfaces)
        ]
        return Entity(keys=sorted({s.lower() for s in surfaces}), mentions=ms)

    # "Hälso- och sjukvårdsnämndernas (HSN) funktionshinderdialoger": the owner, not a name
    assert _organisation_name(ent("Hälso- och sjukvårdsnämndernas", "HSN"))
    assert _organisation_name(ent("Socialnämndens", "SN"))
    # a council named after its members, with an acronym, stays a candidate
    assert not _organisation_name(ent("Anhörigrådets", "AR"))
