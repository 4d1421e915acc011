"""Names without an initiative-type word: page titles, defining copulas, sole subjects.

All names here are invented for the tests.
"""

from __future__ import annotations

import hashlib

from coatlas.directed import run
from coatlas.directed.phrases import is_type_word
from coatlas.document import Document


def doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="html",
        text=text,
        language=lang,
    )


OVERVIEW = doc(
    "oversikt.html",
    "Patient- och brukarmedverkan\n\nHär kan du som patient eller anhörig vara med och "
    "påverka vården. Patienter deltar i flera råd.\n\nExempel:\n\n"
    "Invånardialogen Länets röst om vården.\n\nMitt hälsokort (MHK) i primärvården.\n\n"
    "Kontakta oss för att delta.",
)


def test_type_words_are_recognised_inflected_and_in_compounds():
    assert is_type_word("invånardialog")
    assert is_type_word("pilotprojektet")
    assert is_type_word("programme")
    assert not is_type_word("sjukhus")
    assert not is_type_word("vården")


def test_type_prefixed_title_names_the_initiative_and_the_type_word_does_not():
    page = doc(
        "dialog.html",
        "Invånardialog: Länets röst om vården\n\nLänets röst om vården är regionens återkommande "
        "invånardialog om vårdens framtid. Politiker möter invånare och patientföreningar i "
        "öppna samtal.\n\nSynpunkterna lämnas till nämnden.",
    )
    res = run([page, OVERVIEW])
    names = [i["name"] for i in res.initiatives]
    assert "Länets röst om vården" in names, names
    assert not any(n.lower().startswith("invånardialog") for n in names), names


def test_possessive_title_with_acronym_alias_on_a_short_page():
    page = doc(
        "mhk.html",
        "Mitt hälsokort (MHK)\n\nMitt hälsokort, MHK, är ett sätt för dig som har många "
        "vårdkontakter att samla det viktigaste på ett ställe.\n\nArbetssättet har tagits fram "
        "av patienter, anhöriga och personal i tre verkstäder.",
    )
    res = run([page, OVERVIEW])
    hit = [i for i in res.initiatives if i["name"].startswith("Mitt hälsokort")]
    assert hit, [i["name"] for i in res.initiatives]
    assert "MHK" in hit[0]["aliases"] or "MHK" in hit[0]["name"]
    # the topic page listing examples is not itself an initiative
    assert not any("medverkan" in i["name"] for i in res.initiatives)


def test_title_that_recurs_nowhere_is_a_headline_not_a_name():
    page = doc(
        "nyhet.html",
        "Fler får träffa sin läkare\n\nPatienter deltar nu i planeringen av mottagningen.",
    )
    res = run([page])
    assert not any("träffa" in i["name"] for i in res.initiatives)


def test_defining_copula_in_english():
    a = doc(
        "a.md",
        "Annual summary\n\nOpen Kitchen Evenings is a programme in which patients and carers "
        "take part as equal partners in planning the ward's meals.\n",
        "en",
    )
    b = doc("b.md", "Board notes\n\nThe board welcomed Open Kitchen Evenings again.\n", "en")
    res = run([a, b])
    assert any(i["name"] == "Open Kitchen Evenings" for i in res.initiatives), [
        i["name"] for i in res.initiatives
    ]


def test_sole_subject_of_a_short_news_item_is_described_by_the_whole_item():
    news = doc(
        "nyhet.html",
        "Nyheter\n\nFärre återinskrivningar\n\nNu startar förbättringsprogrammet Lugn natt. "
        "Tio team från sjukhusen ska under ett år pröva nya arbetssätt.\n\nI varje team ingår "
        "en patient som själv har varit inlagd.\n\nProgrammet avslutas med en konferens.",
    )
    res = run([news])
    assert [i["name"] for i in res.initiatives] == ["Lugn natt"]


def test_organisation_then_name_and_period_in_title_with_anaphor():
    strategy = doc(
        "strategy.md",
        "# Fenbury Health Board — Shared Voices Framework 2023-2026\n\n"
        "*Draft for consultation.*\n\n## Why this framework\n\n"
        "This framework was drafted together with patients and carers in six workshops. "
        "Patients and carers will take part in every service redesign.\n\n"
        "## Our commitments\n\nPeople with lived experience will co-design each change.\n",
        "en",
    )
    res = run([strategy])
    names = [i["name"] for i in res.initiatives]
    assert names == ["Shared Voices Framework"], names


def test_document_type_titles_are_not_names():
    plan = doc(
        "plan.md",
        "# Fenbury Health Board — Business Plan 2024\n\nThis plan was written with patients "
        "and carers, who took part in three workshops.\n",
        "en",
    )
    res = run([plan])
    assert not any("Plan" in i["name"] for i in res.initiatives)


def test_acronym_coined_from_a_compounds_parts():
    from coatlas.directed.mentions import MentionFinder

    ms, ls = MentionFinder().find(
        "x.txt", "Mitt läkemedelskontrakt (MLK) i primärvården.", lang="sv"
    )
    assert {m.surface for m in ms} >= {"Mitt läkemedelskontrakt", "MLK"}
    assert any({lk.a, lk.b} == {"mitt läkemedelskontrakt", "mlk"} for lk in ls)
    # a lowercase common noun with an acronym is still no name
    ms, _ = MentionFinder().find(
        "x.txt", "Han har kroniskt obstruktiv lungsjukdom (KOL).", lang="sv"
    )
    assert not any(m.surface == "KOL" for m in ms)


def test_html_title_found_below_a_menu_line():
    text = (
        "Startsida Vård och hälsa Kontakt\n\nTrygg väntan på akuten\n\nPatienter och närstående "
        "var med och tog fram Trygg väntan på akuten tillsammans med personalen.\n\n"
        "Senast uppdaterad: 2024-01-01"
    )
    d = Document(
        path="sida.html",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="html",
        text=text,
        title="Trygg väntan på akuten - Region Q",
        language="sv",
    )
    res = run([d])
    assert [i["name"] for i in res.initiatives] == ["Trygg väntan på akuten"]
