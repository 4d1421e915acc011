"""Names a blind corpus showed cut short or split (session 12): a Swedish body's name
that goes on with "för" and a lowercase phrase, an acronym of an elided compound or of
a gloss inside parentheses, an abbreviation the text announces, a head word inside a
longer title, and a body renamed by "bytt namn från" / "inrättades som". Invented
names; each test checks a generic rule."""

from __future__ import annotations

from coatlas.directed.candidates import _coreference, _doc_sentences, find_mentions
from coatlas.directed.mentions import MentionFinder
from coatlas.directed.resolve import resolve
from coatlas.ingest import document_from_text


def _found(text: str, lang: str = "sv") -> list[str]:
    ms, _ = MentionFinder().find("x.txt", text, lang=lang)
    return [m.surface for m in ms]


def _links(text: str, lang: str = "sv") -> set[frozenset[str]]:
    _, links = MentionFinder().find("x.txt", text, lang=lang)
    return {frozenset((lk.a, lk.b)) for lk in links}


def test_a_body_named_with_for_and_a_lowercase_phrase_is_named_whole() -> None:
    assert _found(
        "Planen har remitterats till Seniorrådet för äldre och anhöriga, som svarat."
    ) == ["Seniorrådet för äldre och anhöriga"]
    assert _found("I länet finns Lerbynätverket för psykisk hälsa sedan 2019.") == [
        "Lerbynätverket för psykisk hälsa"
    ]
    # an elided compound counts as one word
    assert _found("Nu finns Rådet för patient- och invånarinflytande i Lerby.") == [
        "Rådet för patient- och invånarinflytande"
    ]


def test_the_for_phrase_stops_where_the_sentence_goes_on() -> None:
    # "för att" is a purpose clause, not a name
    assert "Rådet för att" not in " ".join(_found("Rådet för att stödja anhöriga träffas."))
    # three lowercase words and then another: the sentence going on, not a name
    found = _found("I Lerby träffas Seniorrådet för äldre personer träffas ofta.")
    assert found == ["Seniorrådet"], found


def test_the_compound_alone_is_the_short_form_of_the_long_name() -> None:
    text = "Seniorrådet för äldre och anhöriga yttrade sig. Seniorrådet tackade."
    ms, links = MentionFinder().find("x.txt", text, lang="sv")
    assert len(resolve(ms, links)) == 1


def test_an_acronym_of_an_elided_compound_is_the_names_short_form() -> None:
    text = "Ulla Berg, ordförande Rådet för patient- och invånarinflytande (RPI), adjungerad."
    assert frozenset(("rådet för patient och invånarinflytande", "rpi")) in _links(text)


def test_an_acronym_inside_a_gloss_spells_the_gloss() -> None:
    text = (
        "In 2017 it was renamed the Lerby Influence Forum "
        "(Rådet för patient- och invånarinflytande, RPI) and opened to all."
    )
    links = _links(text, "en")
    assert frozenset(("rådet för patient och invånarinflytande", "rpi")) in links
    assert frozenset(("lerby influence forum", "rådet för patient och invånarinflytande")) in links
    # after a lowercase method the gloss is a method's name: no initiative
    method = "Vi följer metoden samskapande design (Experience-Based Co-Design, EBCD) i år."
    assert "EBCD" not in _found(method)


def test_an_announced_abbreviation_is_the_names_short_form() -> None:
    en = "In Swedish it is called Rådet för patient- och invånarinflytande, usually shortened to RPI."
    assert frozenset(("rådet för patient och invånarinflytande", "rpi")) in _links(en, "en")
    sv = "Vi har Rådet för äldres hälsa, förkortat RÄH, sedan 2019."
    assert frozenset(("rådet för äldres hälsa", "räh")) in _links(sv)
    # a shortened stay is no abbreviation
    assert _found("Vårdtiden har förkortats till tre dagar.") == []


def test_a_head_word_inside_a_longer_title_is_no_name_of_its_own() -> None:
    found = _found("The Council for Patient and Family Influence advises the board.", "en")
    assert "Family Influence" not in found and "Patient and Family" not in found
    # the title ending in the head is still one name
    assert _found("We set up the Youth and Family Council in 2019.", "en") == [
        "Youth and Family Council"
    ]


def test_a_body_renamed_from_an_old_name_is_linked_to_the_heading_above() -> None:
    text = (
        "Verksamhetsberättelse 2024\n\n"
        "## 1. Lerbyrådet\n\n"
        "Lerbyrådet är den politiska styrelsen för samverkan.\n\n"
        "## 2. Rådet för patient- och invånarinflytande\n\n"
        "Rådet har haft fem möten. Rådet inrättades 2009 som Seniorrådet för äldre och "
        "anhöriga och har sedan 2017 sitt nuvarande namn."
    )
    d = document_from_text(text, "v.txt")
    ms, _ = find_mentions([d], None)
    pairs = {frozenset((lk.a, lk.b)) for lk in _coreference(d, ms, _doc_sentences(d))}
    assert (
        frozenset(("rådet för patient och invånarinflytande", "seniorrådet för äldre och anhöriga"))
        in pairs
    ), pairs
    # not the other council of an earlier section
    assert not any("lerbyråd" in p for p in pairs), pairs


def test_has_renamed_from_links_within_the_paragraph() -> None:
    text = (
        "Protokoll\n\n"
        "§ 29 Rådet för patient- och invånarinflytande, årsrapport\n\n"
        "Ulla Berg redovisade årsrapporten. Rådet har bytt namn från Seniorrådet för "
        "äldre och anhöriga till nuvarande namn 2017."
    )
    d = document_from_text(text, "p.txt")
    ms, _ = find_mentions([d], None)
    pairs = {frozenset((lk.a, lk.b)) for lk in _coreference(d, ms, _doc_sentences(d))}
    assert any("seniorrådet för äldre och anhöriga" in p for p in pairs), pairs


def test_a_rendering_with_its_article_glosses_a_one_word_name() -> None:
    text = "Strandbyn (the Shore Village) was a co-design project at Lerby Hospital."
    assert frozenset(("strandbyn", "shore village")) in _links(text, "en")


def test_a_title_case_name_may_have_four_modifiers() -> None:
    text = "LERCO, the Nordic Home Care Co-Design Network, brought together older people."
    assert "Nordic Home Care Co-Design Network" in _found(text, "en")
    # the short form in capitals before it is the same initiative
    assert frozenset(("lerco", "nordic home care co design network")) in _links(text, "en")
    assert frozenset(("lerco", "nordic home care co design network")) in _links(
        "LERCO – Nordic Home Care Co-Design Network", "en"
    )


def test_a_network_with_an_indefinite_article_is_a_kind_not_a_name() -> None:
    assert _found("Since 2017 Lerby leads a Nordic network for home care.", "en") == []
    assert _found("The Nordic network met in Lerby.", "en") == ["Nordic network"]


def test_a_comma_slogan_names_a_programme() -> None:
    assert _found("Every team will start using My Care, My Voice from April.", "en") == [
        "My Care, My Voice"
    ]
    assert "Fewer Holds, More Kindness" in _found(
        "In 2017 we launched Fewer Holds, More Kindness, a two-year collaborative.", "en"
    )
    # a title line of its own
    assert _found("With Us, Not For Us\n\nOur involvement strategy.", "en") == [
        "With Us, Not For Us"
    ]
    # lists of places, a reply, a greeting: no slogan
    assert _found("We visited Lerby, Holmfield, Strandby and Brackley.", "en") == []
    assert _found("Yes, I Think So.", "en") == []
    # its acronym spells across the comma
    text = "Fewer Holds, More Kindness (FHMK) set out to reduce restraint."
    assert frozenset(("fewer holds more kindness", "fhmk")) in _links(text, "en")


def test_a_description_that_says_what_a_name_is_is_not_another_initiative() -> None:
    from coatlas.directed.described import place_activity_mentions

    named = document_from_text(
        "Strandbyn (the Shore Village) was an experience-based co-design project at "
        "Lerby Hospital in 2012–2014.",
        "a.txt",
    )
    ms, _ = find_mentions([named], None)
    assert place_activity_mentions([named], ms) == []
    # without a name before it the description is a candidate of its own
    bare = document_from_text("In 2014 we ran a co-design project at Lerby Hospital.", "b.txt")
    ms, _ = find_mentions([bare], None)
    assert [m.surface for m in place_activity_mentions([bare], ms)] == [
        "co-design project at Lerby Hospital"
    ]


def test_a_host_with_lived_experience_is_a_role() -> None:
    ms, _ = MentionFinder().find(
        "x.txt", "Vi har åtta patientvärdar på nio vårdcentraler.", lang="sv"
    )
    assert [(m.surface, m.kind, m.role) for m in ms] == [("patientvärdar", "role", True)]
    # a host without lived experience is staff
    assert _found("Värdarna i receptionen hälsar alla välkomna.") == []


def test_a_persona_family_is_named_head_first() -> None:
    ms, _ = MentionFinder().find(
        "x.txt", "Regionen använder sedan 2021 en fiktiv familj, Familjen Lindberg.", lang="sv"
    )
    assert [(m.surface, m.kind) for m in ms] == [("Familjen Lindberg", "personas")]
    assert _found("Familjen är viktig för patienten.") == []


def test_a_persona_the_text_calls_fictional_represents_its_residents() -> None:
    from coatlas import directed
    from coatlas.codebook import load_codebook

    text = (
        "Regionens plan\n\n"
        "För att hålla invånarnas behov synliga använder regionen sedan 2021 en fiktiv "
        "familj, Familjen Lindberg. Planerarna frågar vad ett förslag betyder för den.\n\n"
        "Varje beslut prövas mot Familjen Lindberg."
    )
    res = directed.run([document_from_text(text, "plan.txt")], codebook=load_codebook())
    assert [i["name"] for i in res.initiatives] == ["Familjen Lindberg"], res.initiatives


def test_a_list_of_names_whose_last_goes_on_is_no_slogan() -> None:
    assert _found("- 2021 Familjen Lindberg, Min vårdplan och mer", "sv") == ["Familjen Lindberg"]
