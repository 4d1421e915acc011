"""Step 1: mentions of named initiatives, PPE involvement, aliases, directed mode.

The snippets are invented (names that occur in no corpus) so that the tests
check the generic cues, not remembered answers.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from coatlas.directed import find_mentions, run
from coatlas.directed.mentions import MentionFinder, norm_key
from coatlas.directed.ppe import ppe_hits
from coatlas.directed.scoring import RuleScorer
from coatlas.document import Document
from coatlas.jsonio import dumps

DATA = Path(__file__).parent / "data" / "directed"


def doc(path: str, text: str, lang: str = "sv") -> Document:
    return Document(
        path=path,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        format="txt",
        text=text,
        language=lang,
    )


def keys(text: str, lang: str = "sv") -> set[str]:
    ms, _ = MentionFinder().find("x.txt", text, lang=lang)
    return {m.key for m in ms}


def links(text: str, lang: str = "sv") -> set[frozenset[str]]:
    _, ls = MentionFinder().find("x.txt", text, lang=lang)
    return {frozenset((lk.a, lk.b)) for lk in ls}


# ----------------------------------------------------------------- mentions


def test_swedish_definite_compound_is_a_name():
    assert "smärtpanel" in keys("Hösten 2019 startade Smärtpanelen vid smärtmottagningen.")


def test_swedish_uncapitalised_compound_and_indefinite_form_share_a_key():
    assert "trygghetsvandring" in keys(
        "Vi gjorde trygghetsvandringarna tillsammans med föreningarna."
    )
    assert norm_key("trygghetsvandringarna") == norm_key("Trygghetsvandring")
    assert norm_key("Astmaskolan") == norm_key("astmaskola")


def test_a_named_practice_in_plural_and_singular_shares_a_key():
    """'brukarstyrda inläggningar' on one page and 'brukarstyrd inläggning' on another
    are one name: -ning nouns inflect regularly and the adjective agrees."""
    assert norm_key("Brukarstyrda inläggningarna") == norm_key("brukarstyrd inläggning")
    assert norm_key("självvalda inläggningar") == "självvald inläggning"
    assert norm_key("Levande bibliotek") == "levande bibliotek"  # no -ning noun: unchanged


def test_english_modifier_plus_head_uncapitalised():
    ks = keys("The listening panel met four times in 2020.", "en")
    assert "listening panel" in ks


def test_strict_heads_need_a_capitalised_modifier():
    ks = keys(
        "Every improvement project must report. The COPD collaborative started in 2011.", "en"
    )
    assert "copd collaborative" in ks
    assert "improvement project" not in ks


def test_cue_noun_introduces_a_swedish_name_with_lowercase_words():
    ks = keys("Projektet Trygg hemgång vid medicinkliniken avslutas i november.")
    assert "trygg hemgång" in ks


def test_english_cue_noun_and_capitalised_head_name():
    ks = keys("The staff pilot Rotaplan, in which nurses plan rotas, started in 2017.", "en")
    assert "rotaplan" in ks
    assert "studio blå" in keys("Sedan 2021 heter vi Studio Blå och träffas varannan vecka.")


def test_naming_verb_and_quotes():
    ks = keys('Verksamheten kallas bland deltagarna ofta "torsdagsgruppen".')
    assert "torsdagsgruppen" in ks


def test_role_built_on_lived_experience_is_a_mention():
    assert "brukarstödjare" in keys("Från 2021 anställs två brukarstödjare i öppenvården.")
    ks = keys("Since 2020 the clinic employs recovery mentors (återhämtningsstödjare).", "en")
    assert {"recovery mentor", "återhämtningsstödjare"} <= ks


def test_swedish_guide_and_reviewer_roles_are_mentions():
    assert "hjärtguide" in keys("Hjärtguiderna startade 2018 på mottagningen.")
    assert "ungdomsgranskare" in keys("Ungdomsgranskarna lämnade sin rapport i maj.")
    assert "brukarspecialist" in keys("Sedan 2016 finns brukarspecialister i öppenvården.")
    assert "läkarspecialist" not in keys("Två läkarspecialister anställdes 2016.")
    assert any(k.startswith("idéverkst") for k in keys("Idéverkstan startade hösten 2020."))


def test_a_role_needs_only_one_sentence_saying_who_fills_it():
    """A role is named after the person: one neighbouring sentence saying the role holders
    live with the illness is enough, where a project would need more."""
    text = (
        "Nyhetsbrev\n\nHjärtguiderna finns sedan 2018 på mottagningen. Guiderna är personer "
        "som själva lever med hjärtsvikt.\n\nHjärtguiderna fick i år ett pris."
    )
    # longer than a short page, so the "a short page is about its one name" rule stays out
    filler = "\n\n" + " ".join(["Mottagningen har öppet vardagar mellan åtta och fyra."] * 60)
    res = run([doc("nyhetsbrev.txt", text + filler)])
    assert any("hjärtguid" in i["name"].lower() for i in res.initiatives), res.initiatives


def test_a_council_that_was_called_x_is_linked_to_the_council_not_the_last_name():
    """'Rådet, som hette X fram till 2018': X is the council's old name, even when the
    last name before it was another initiative in a list of those present."""
    from coatlas.directed.candidates import _coreference, _doc_sentences, find_mentions

    text = (
        "Minnesanteckningar från Seniorrådet\n\n"
        "Närvarande: Ulla (ordförande), Siv (närstående, nätverket Grannstöd).\n\n"
        "Rådet, som hette Pensionärsrådet fram till 2018, har nu fyra platser för närstående."
    )
    d = doc("m.txt", text)
    ms, _ = find_mentions([d], None)
    pairs = {frozenset((lk.a, lk.b)) for lk in _coreference(d, ms, _doc_sentences(d))}
    assert any("pensionärsråd" in p and "seniorråd" in p for p in pairs), pairs
    assert not any("pensionärsråd" in p and "grannstöd" in p for p in pairs), pairs


def test_english_juries_walkabouts_and_passports_are_initiative_heads():
    assert "harbour citizens jury" in keys("The Harbour Citizens' Jury met in 2019.", "en")
    ks = keys("Since 2018 the Night Light walkabouts have brought patients onto the wards.", "en")
    assert any("walkabout" in k for k in ks), ks
    assert any("passport" in k for k in keys("The Family Passport was launched in 2021.", "en"))


def test_parenthesis_links_swedish_and_english_names():
    ls = links("After the listening panel (Lyssnarpanelen), 20 letters were rewritten.", "en")
    assert frozenset({"listening panel", "lyssnarpanel"}) in ls


def test_title_case_name_with_a_small_word_inside():
    ks = keys("The co-design project Care for Carers started in 2019.", "en")
    assert "care for carers" in ks


def test_parenthesis_with_a_name_then_its_years_links_both_names():
    text = "We draw on the project Breathe after Illness (Andas efter sjukdom, 2019–2020)."
    assert frozenset({"breathe after illness", "andas efter sjukdom"}) in links(text, "en")


def test_parenthesis_with_a_name_then_an_acronym_links_all_three():
    text = "The region runs the Carer Voice Network (Anhörigrösten, CVN) in three towns."
    ls = links(text, "en")
    assert frozenset({"carer voice network", "anhörigrösten"}) in ls
    assert frozenset({"carer voice network", "cvn"}) in ls


def test_both_sides_capitalised_parenthesis():
    ls = links("Trygg Hemgång (Safe Homecoming) is a pilot in primary care.", "en")
    assert frozenset({"trygg hemgång", "safe homecoming"}) in ls


def test_rename_cue_links_old_and_new_name():
    text = (
        "Designverkstaden BUV, where young people design services, was renamed Studio Blå in 2021."
    )
    ls = links(text, "en")
    assert any("studio blå" in pair and "designverkstaden buv" in pair for pair in ls)


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("Members of the county disability council (Länshandikapprådet) attended.", True),
        ("Members of the Lived Experience Council (Erfarenhetsrådet) commented on it.", False),
        ("The hospital's patient council (Patientrådet) met four times.", False),
    ],
)
def test_a_council_glossed_as_an_organisation_unless_it_is_made_of_patients(text, org):
    """An English gloss naming an organisation marks the Swedish name as one; a council of
    persons with patient experience is itself a co-production initiative."""
    _, ls = MentionFinder().find("x.txt", text, lang="en")
    assert any(lk.reason == "org" for lk in ls) is org


def test_organisations_are_not_mentions():
    ks = keys("Utvecklingsenheten och Patientnämnden deltog. Region Västland ansvarar.")
    assert not any(k.startswith("region") for k in ks)


def test_mention_offsets_index_the_text():
    text = "Intro.\n\nI Läsecirkeln träffas patienter varje vecka. Läsecirkeln startade 2012."
    ms, _ = MentionFinder().find("x.txt", text, lang="sv")
    assert ms
    for m in ms:
        assert text[m.start : m.end] == m.surface


# ----------------------------------------------------------------- PPE


def _score(text: str) -> float:
    return max((h.score for h in ppe_hits(text, 0, len(text))), default=0.0)


@pytest.mark.parametrize(
    "text",
    [
        "Patients and relatives co-designed the new leaflet together with the staff.",
        "Tio patienter och närstående granskade kallelserna och föreslog nya formuleringar.",
        "The sessions are led by a person who has lived with epilepsy for many years.",
        "Brukare och anhöriga med egen erfarenhet medverkar i utvecklingen av verksamheten.",
        "Patienterna och de närstående rekryterades via patientrådet till verkstäderna.",
        "Eight carers were recruited through the carers' centre for the workshops.",
    ],
)
def test_involvement_is_recognised(text):
    assert _score(text) >= 1.0


@pytest.mark.parametrize(
    "text",
    [
        "The new booking service will be offered to patients from March.",
        "Each ward will get 24 single patient rooms with their own toilets.",
        "The kanban system reduced the time nurses spend looking for materials.",
        "Tjänsten erbjuds alla patienter med hjärtsvikt under 2023.",
        "The project was run by the logistics department; no patients or relatives took part.",
        "Patienter deltog inte i planeringen, som sköttes av fastighetsavdelningen.",
        "Neither involved patients in their design; both are expected to benefit patients through shorter waits.",
        "Design decisions were made by 64 clinical and administrative super-users.",
        "Present: Mrs Jane Doe (Patient representative, Town Panel), Mr John Roe (Programme Director, Project Zeta)",
    ],
)
def test_beneficiaries_and_staff_only_are_not_involvement(text):
    assert _score(text) < 0.8


# ----------------------------------------------------------------- resolution and run


SV = doc(
    "a/smartskolan.txt",
    "Smärtskolan\n\nSmärtskolan startade 2015 vid rehabkliniken. Kursen leds av en patient med "
    "egen erfarenhet av långvarig smärta tillsammans med en fysioterapeut.\n\n"
    "Smärtskolan har haft 200 deltagare.",
)
EN = doc(
    "b/report.txt",
    "Annual report 2019\n\nThe pain school at the rehabilitation clinic continued in 2019. "
    "Patients who had completed the pain school took part as co-leaders of the groups.\n\n"
    "The Rotaplan pilot, in which nurses plan their own rotas, ended in 2019. "
    "Rotaplan reduced overtime on two wards.",
    "en",
)
EN2 = doc(
    "c/minutes.txt",
    "Minutes 2018\n\n1. Rotaplan\nThe head of HR reported that the Rotaplan pilot started in "
    "September 2018 on two wards. Staff plan their own rotas within agreed frames.",
    "en",
)


def test_swedish_and_english_names_resolve_to_one_initiative():
    res = run([SV, EN, EN2])
    names = [(i["name"], sorted(i["aliases"])) for i in res.initiatives]
    assert len(res.initiatives) == 1, names
    ini = res.initiatives[0]
    assert ini["documents"] == ["a/smartskolan.txt", "b/report.txt"]
    assert "(" in ini["name"]  # the other language's form in parentheses


def test_staff_only_pilot_is_a_non_initiative_with_reason_and_evidence():
    res = run([SV, EN, EN2])
    non = [n for n in res.non_initiatives if "rotaplan" in n["name"].lower()]
    assert non, res.non_initiatives
    assert non[0]["reason"]
    assert non[0]["evidence"]
    assert all("rotaplan" not in i["name"].lower() for i in res.initiatives)


def test_output_shape_ids_and_evidence_round_trip():
    docs = [SV, EN, EN2]
    res = run(docs)
    texts = {d.path: d.text for d in docs}
    ini = res.initiatives[0]
    assert ini["id"] == "i01"
    assert set(ini) >= {
        "id", "name", "aliases", "kind", "start", "end", "active_years", "ongoing", "methods",
        "levels", "ppe_roles", "documents", "description", "confidence", "evidence",
    }  # fmt: skip
    assert set(ini["evidence"]) == {"name", "ppe", "start", "end", "methods", "levels", "ppe_roles"}
    assert ini["evidence"]["ppe"], "PPE involvement must carry its evidence"
    evs = list(ini["evidence"]["name"]) + list(ini["evidence"]["ppe"])
    evs += [e for n in res.non_initiatives for e in n["evidence"]]
    for e in evs:
        assert texts[e["document"]][e["start"] : e["end"]] == e["quote"]
    assert ini["description"]


def test_ids_follow_chronology():
    d1 = doc(
        "x1.txt",
        "Läsecirkeln startade 2012. Patienter och närstående träffas i Läsecirkeln varje vecka och leder samtalen själva.",
    )
    d2 = doc(
        "x2.txt",
        "Astmaskolan startade 2004. Astmaskolan leds av patienter tillsammans med en sjuksköterska.",
    )
    res = run([d1, d2])
    starts = [i["start"] for i in res.initiatives]
    assert [i["id"] for i in res.initiatives] == ["i01", "i02"]
    assert starts == sorted(starts) and starts[0] == 2004


def test_directed_mode_finds_known_names_and_their_mentions():
    res = run([SV, EN, EN2], known=[["Smärtskolan", "pain school"], ["Rotaplan"]])
    by = {i["name"]: i for i in res.initiatives}
    assert "Smärtskolan" in " ".join(by)
    ini = next(i for n, i in by.items() if "Smärtskolan" in n)
    assert ini["documents"] == ["a/smartskolan.txt", "b/report.txt"]
    assert len(ini["evidence"]["name"]) >= 4


def test_deterministic_bytes():
    a = dumps(run([SV, EN, EN2]).__dict__ | {"entities": None})
    b = dumps(run([EN2, EN, SV]).__dict__ | {"entities": None})
    assert a == b


def test_find_mentions_is_sorted():
    ms, _ = find_mentions([EN, SV])
    assert ms == sorted(ms, key=lambda m: (m.document, m.start, m.end))


# ----------------------------------------------------------------- other styles


def _fixture_docs() -> list[Document]:
    from coatlas.ingest import read_document

    return [read_document(p, root=DATA) for p in sorted(DATA.iterdir())]


def test_board_paper_and_focus_group_style():
    res = run(_fixture_docs())
    names = {i["name"] for i in res.initiatives}
    assert {"Lived Experience Panel", "Carers' Kitchen"} <= names, names
    non = {n["name"] for n in res.non_initiatives}
    assert any("Theatre Scheduling" in n for n in non)
    assert any("Front Door" in n for n in non)
    assert not any("Front Door" in n or "Theatre" in n for n in names)


def test_short_swedish_web_page():
    res = run(_fixture_docs())
    assert any(i["name"].startswith("Brukarrådet") for i in res.initiatives)


def test_short_swedish_pages_one_initiative_each():
    from coatlas.ingest import read_folder

    docs, errors = read_folder(Path(__file__).parent / "data" / "directed_sv_web")
    assert not errors
    res = run(docs)
    names = {i["name"] for i in res.initiatives}
    assert any(n.startswith("Glädje i vardagen") for n in names), names
    assert any(n.startswith("Lärcaf") for n in names), names
    assert not any("Vitus" in n for n in names)
    assert any("Vitus" in n["name"] for n in res.non_initiatives)


@pytest.mark.slow
def test_dev_corpus_targets():
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"
    if not corpus.exists():
        pytest.skip("dev corpus not available")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from bench_directed import match

    from coatlas.codebook import load_codebook
    from coatlas.embed import default_embedder
    from coatlas.ingest import read_folder

    docs, _ = read_folder(corpus / "documents")
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    res = run(docs, codebook=load_codebook(), embedder=default_embedder())
    tp = len(match(res.initiatives, gold["initiatives"]))
    p, r = tp / len(res.initiatives), tp / len(gold["initiatives"])
    assert 2 * p * r / (p + r) >= 0.9
    bad = match(res.initiatives, gold["non_initiatives"])
    matched = {i for i, _ in match(res.initiatives, gold["initiatives"])}
    assert not [i for i, _ in bad if i not in matched]


def test_one_word_title_name_and_compound_built_on_it():
    d = doc(
        "greta.txt",
        "Greta – Region Västland\n\nGreta är ett nätverk där personal från sjukhus och kommuner "
        "arbetar tillsammans för äldre personer. Arbetet startade 1999 med frågan: vad är bäst "
        "för Greta?\n\nI Gretacaféer berättar äldre och anhöriga om sina erfarenheter av vården "
        "tillsammans med personalen.\n\nGreta finns i dag i flera länder.",
    )
    res = run([d])
    assert [i["name"] for i in res.initiatives] == ["Greta"]
    assert "Gretacaféer" in res.initiatives[0]["aliases"]


def test_organisation_glossed_in_parentheses_is_not_an_initiative():
    d = doc(
        "walks.txt",
        "The walks were made together with the county disability council (Länsbrukarrådet). "
        "Persons with disabilities and their relatives took part in every walk. "
        "Länsbrukarrådet has met the management twice a year since 2001.",
        "en",
    )
    res = run([d])
    assert not any("brukarråd" in i["name"].lower() for i in res.initiatives)


def test_renamed_initiative_is_shown_under_its_new_name():
    d1 = doc(
        "p1.txt",
        "Designverkstaden BUV, where young people and staff have designed services together "
        "since 2018, was renamed Studio Blå in 2021.",
        "en",
    )
    d2 = doc(
        "p2.txt",
        "I Studio Blå jobbar unga tillsammans med personal för att göra vården bättre. Studio Blå "
        "startade 2018 och hette då Designverkstaden BUV.",
    )
    res = run([d1, d2])
    assert len(res.initiatives) == 1
    assert res.initiatives[0]["name"].startswith("Studio Blå (formerly")


def test_read_known_file(tmp_path):
    from coatlas.directed import read_known
    from coatlas.errors import CoatlasError

    f = tmp_path / "known.txt"
    f.write_text("# initiatives\nSmärtskolan | pain school\n\nRotaplan\n", encoding="utf-8")
    assert read_known(f) == [["Smärtskolan", "pain school"], ["Rotaplan"]]
    with pytest.raises(CoatlasError, match="missing.txt"):
        read_known(tmp_path / "missing.txt")


def test_board_paper_item_headings_and_roles_named_after_carers():
    d = doc(
        "board.txt",
        "Item 6: Carer Representatives\nCarer Representatives sit on the Integration Joint Board "
        "since 2017. The Carer Representatives are unpaid carers who speak for carers in the "
        "board's decisions.\nItem 7: Estates Masterplan\nThe Estates Masterplan sets out the "
        "capital programme for FY 2021/22 to 2025/26. The Estates Masterplan was prepared by the "
        "estates team.",
        "en",
    )
    res = run([d])
    assert [i["name"] for i in res.initiatives] == ["Carer Representatives"]
    assert [n["name"] for n in res.non_initiatives] == ["Estates Masterplan"]


def test_empty_input():
    assert run([]).initiatives == []
    assert run([doc("e.txt", "")]).initiatives == []


def test_role_inside_a_course_is_one_initiative():
    d1 = doc(
        "c1.txt",
        "Since 2020 patient tutors teach on Ledarresan, our course for new managers. The patient "
        "tutors have their own experience of long-term illness and lead one session each.",
        "en",
    )
    d2 = doc(
        "c2.txt",
        "Patienthandledarna i Ledarresan undervisar tillsammans med oss sedan 2020. "
        "Ledarresan är regionens utbildning för nya chefer.",
    )
    res = run([d1, d2])
    names = [i["name"] for i in res.initiatives]
    assert len(names) == 1 and " in " in names[0], names


def test_example_corpus_of_the_repository():
    root = Path(__file__).resolve().parents[1] / "examples" / "documents"
    if not root.exists():
        pytest.skip("examples/ not present")
    from coatlas.ingest import read_folder

    docs, _ = read_folder(root)
    res = run(docs)
    names = {i["name"] for i in res.initiatives}
    assert {"Breathing Together", "Föräldrarådet", "Medverkansnätverket"} <= names, names
    assert not any("store" in n.lower() for n in names)


def test_acronym_gloss_names_and_common_noun_expansions():
    ks = keys(
        "Since 2019 we have introduced Shared Care Agreements (SCA) for people with frailty. "
        "Many have chronic obstructive pulmonary disease (COPD).",
        "en",
    )
    sca = norm_key("Shared Care Agreements")
    assert {sca, "sca"} <= ks
    assert "copd" not in ks and "chronic obstructive pulmonary disease" not in ks
    assert frozenset({sca, "sca"}) in links(
        "Since 2019 we have introduced Shared Care Agreements (SCA) for people with frailty.", "en"
    )


def test_numbered_paragraph_lead_in_recurring_elsewhere_is_an_initiative():
    d1 = doc(
        "paper.txt",
        "1. Purpose\n1.1 To update the Board.\n2. Current work\n2.1 Family listening sessions. "
        "The sessions ran from 2019 with relatives and patients in every team, who told staff "
        "about their experience of discharge.\n2.2 What we have learned. People took part "
        "when they were paid.",
        "en",
    )
    d2 = doc(
        "minutes.txt",
        "QSE/19/014 Family listening sessions: update\nThe Committee heard that family listening "
        "sessions continue; relatives who took part said the sessions were worthwhile.",
        "en",
    )
    # the lead-in cue is what is tested here; whether two short documents are enough
    # evidence is the scorer's call, and the fitted model puts this one just under its
    # threshold, so the test asks the rule scorer
    res = run([d1, d2], scorer=RuleScorer())
    names = [i["name"] for i in res.initiatives]
    assert any(n.lower().startswith("family listening session") for n in names), names
    assert not any("learned" in n.lower() for n in names)


def test_a_renamed_council_is_one_initiative_with_both_names():
    minutes = doc(
        "protokoll.txt",
        "§ 12 Namnbyte för Östra länsdelens hälsoråd\n\nÖstra länsdelens hälsoråd har funnits "
        "sedan 2005. Rådet består av invånarrepresentanter och patientföreningar som möts "
        "fyra gånger per år.\n\nBeslut: att Östra länsdelens hälsoråd från och med 2021 byter "
        "namn till Hälsoforum Öst.",
    )
    page = doc(
        "sida.html",
        "Hälsoforum Öst\n\nForumet bildades 2005 under namnet Östra länsdelens hälsoråd. "
        "Invånare och patienter möts fyra gånger per år tillsammans med regionen.",
    )
    res = run([minutes, page])
    names = [{i["name"], *i["aliases"]} for i in res.initiatives]
    assert len(res.initiatives) == 1, names
    (ini,) = res.initiatives
    assert ini["name"].startswith("Hälsoforum"), ini["name"]  # the new name leads
    assert "Östra länsdelens hälsoråd" in ini["aliases"]  # the old one stays as an alias
    assert ini["start"] == 2005


def test_a_practice_seen_once_with_patients_counts_where_it_recurs_without_them():
    """'självvald inläggning' with patients taking part in one document, and named
    without them in another: both documents are evidence that the practice recurs."""
    from coatlas.directed.candidates import find_mentions, practice_mentions

    docs = [
        doc("a.txt", "Patienterna väljer själva självvald inläggning när de behöver det."),
        doc("b.txt", "Avdelningen har två platser för självvald inläggning."),
        doc("c.txt", "Avdelningen har två platser för akuta inläggningar."),
    ]
    ms, _ = find_mentions(docs, None)
    got = practice_mentions(docs, ("self_management",), ms)
    by_doc = {m.document: m.cues for m in got if m.key == "självvald inläggning"}
    assert by_doc == {"a.txt": {"practice"}, "b.txt": {"repeat"}}, by_doc


def test_a_sentence_case_name_after_a_cue_noun_is_the_whole_recurring_phrase():
    """'projektet Inflytande i rättspsykiatrin' names 'Inflytande i rättspsykiatrin' when
    the phrase recurs; a capitalised word once followed by 'i …' stays as it is."""
    from coatlas.directed.candidates import extend_sentence_case, find_mentions

    text = (
        "Sten är rådgivare i projektet Samråd i hjärtvården sedan 2019. "
        "Samråd i hjärtvården leds av patienter. "
        "I projektet Trygghet i hemmet deltog tre kommuner."
    )
    d = doc("a.txt", text)
    ms, _ = find_mentions([d], None)
    keys = {m.key for m in extend_sentence_case(ms, [d])}
    assert "samråd i hjärtvården" in keys, keys
    assert not any(k.startswith("trygghet i") for k in keys), keys


def test_a_council_that_is_called_something_else_today_is_one_initiative():
    # "hette X fram till 2020 och heter i dag Y": the old and the new name in one sentence
    strategy = doc(
        "strategi.txt",
        "Invånarnas röst\n\nSedan 2012 har regionen ett råd för personer med egen erfarenhet "
        "som patient eller närstående. Rådet hette Anhörigrådet fram till 2019 och heter i dag "
        "Medskaparrådet. Patienter och närstående i rådet deltar i arbetet med "
        "regionens planer.",
    )
    page = doc(
        "radet.html",
        "Medskaparrådet\n\nI Medskaparrådet deltar patienter och närstående som "
        "ledamöter. Medskaparrådet är med och påverkar regionens planer.",
    )
    res = run([strategy, page])
    names = [{i["name"], *i["aliases"]} for i in res.initiatives]
    both = [n for n in names if {"Medskaparrådet", "Anhörigrådet"} <= n]
    assert len(both) == 1, names


def test_a_name_glossed_in_another_language_is_one_initiative():
    # the English page glosses the Swedish practice in a parenthesis, lowercase: not a name
    # in that document, but an initiative of its own in the Swedish ones
    en = doc(
        "report.txt",
        "Patient-Booked Admission\n\nThe ward offers Patient-Booked Admission (in Swedish, "
        "egenvald vårdplats) to patients with a written agreement. Patients decide themselves "
        "when to come in, and patients took part in designing the agreement. Patient-Booked "
        "Admission has been part of routine care since 2018.",
        "en",
    )
    sv = doc(
        "avdelning.html",
        "Egenvald vårdplats\n\nEgenvald vårdplats innebär att patienter själva bestämmer när "
        "de behöver komma in. Patienter och närstående har varit med och utformat "
        "överenskommelsen om egenvald vårdplats.",
        "sv",
    )
    res = run([en, sv])
    names = [{i["name"], *i["aliases"]} for i in res.initiatives]
    assert len(res.initiatives) == 1, names
    assert "Egenvald vårdplats" in names[0] and any(
        n.startswith("Patient-Booked") for n in names[0]
    )


def test_an_area_is_not_a_council():
    # "verksamhetsområdet" ends in "rådet" but is "område" (area), not "om" + "rådet"
    from coatlas.directed.candidates import find_mentions

    d = doc(
        "a.txt",
        "Verksamhetsområdet och välfärdsområdet ansvarar för vården. Patientrådet möts.",
        "sv",
    )
    assert [m.surface for m in find_mentions([d])[0]] == ["Patientrådet"]
