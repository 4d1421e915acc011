"""Step 2 coding: lexicon/embedding/combined coders, aggregation, evidence, determinism."""

from __future__ import annotations

import hashlib
import re

import numpy as np
import pytest

from coatlas.codebook import load_codebook, parse_codebook
from coatlas.directed.coding import (
    CombinedCoder,
    Context,
    EmbeddingCoder,
    LexiconCoder,
    code_all_groups,
    code_contexts,
    sentences_of,
)
from coatlas.document import Document, Span

USER_CB = """
name: garden
version: "0.1"
groups:
  - id: tools
    codes:
      - id: digging
        definition: Digging the soil with spades or forks.
        vocabulary:
          en: {terms: [spade, "dig*"], exclude: ["digital*"]}
          sv: {terms: ["spad*", "gräv*"]}
        examples: {en: ["She dug the bed with a spade."]}
      - id: watering
        definition: Giving water to plants.
        requires: [people]
        vocabulary:
          en: {terms: ["water*", "hose*"]}
          sv: {terms: ["vattn*", "*slang"]}
        examples: {en: ["The roses were watered every evening."]}
  - id: people
    coding: false
    codes:
      - id: gardener
        definition: People who garden.
        vocabulary: {en: {terms: [gardener, gardeners]}, sv: {terms: ["trädgårdsmästare*"]}}
"""


def doc(text: str, path: str = "d.txt", lang: str = "en") -> Document:
    sents = [Span(m.start(), m.end(), lang) for m in re.finditer(r"[^.!?]+[.!?]", text)]
    sents = [
        Span(s.start + (len(text[s.start : s.end]) - len(text[s.start : s.end].lstrip())), s.end)
        for s in sents
    ]
    return Document(
        path, hashlib.sha256(text.encode()).hexdigest(), "txt", text, sentences=sents, language=lang
    )


def whole(d: Document) -> tuple[Document, int, int]:
    return (d, 0, len(d.text))


def test_user_codebook_end_to_end():
    cb = parse_codebook(USER_CB, "garden.yaml")
    d = doc(
        "The gardeners dug the beds with spades. Then the gardener watered the roses. It rained."
    )
    res = code_contexts([whole(d)], cb, group="tools")
    assert res.assigned == ["digging", "watering"]
    ev = res.codes["digging"][0]
    assert ev.source == "rule:garden.digging.lexicon"
    assert ev.quote == d.text[ev.start : ev.end] == "The gardeners dug the beds with spades."
    assert [e.quote for e in res.uncoded] == []  # "It rained." is too short to report
    assert res.digest == cb.digest


def test_requires_and_exclusion():
    cb = parse_codebook(USER_CB, "garden.yaml")
    # watering needs a gardener in the context; digital is excluded from digging
    d = doc("The hose watered the lawn automatically. The digital display was installed.")
    res = code_contexts([whole(d)], cb, group="tools")
    assert res.assigned == []
    assert {e.quote for e in res.uncoded} == set(s for s in (d.text[:40], d.text[41:]))


def test_swedish_compounds_in_user_codebook():
    cb = parse_codebook(USER_CB, "garden.yaml")
    d = doc(
        "Trädgårdsmästaren grävde rabatten med spaden. Sedan vattnades allt med trädgårdsslangen.",
        lang="sv",
    )
    res = code_contexts([whole(d)], cb, group="tools")
    assert res.assigned == ["digging", "watering"]


def test_builtin_methods_with_inflections_and_exclusions():
    cb = load_codebook(None)
    sv = doc(
        "Informationsmaterialet har tagits fram tillsammans med patienter och närstående i samdesign. "
        "Varje patient får en gemensam vårdplan med en fast vårdkontakt.",
        lang="sv",
    )
    res = code_contexts([whole(sv)], cb, group="methods")
    assert "co_design" in res.assigned and "care_agreement" in res.assigned
    assert "storytelling" not in res.assigned
    # storytelling is excluded where staff present statistics
    en = doc("The nurse told the story of the statistics for patients on the ward.")
    assert "storytelling" not in code_contexts([whole(en)], cb).assigned
    en2 = doc(
        "At the start of each management meeting a patient told her story about the care she received."
    )
    assert "storytelling" in code_contexts([whole(en2)], cb).assigned


def test_staff_only_lean_project_is_not_quality_improvement_with_ppe():
    cb = load_codebook(None)
    d = doc(
        "The logistics staff ran PDSA cycles in a lean project to reduce stock. Managers measured lead times."
    )
    assert "quality_improvement" not in code_contexts([whole(d)], cb).assigned
    d2 = doc("Two patients were members of the improvement team and took part in the PDSA cycles.")
    assert "quality_improvement" in code_contexts([whole(d2)], cb).assigned


def test_mentions_weight_following_sentences_less():
    cb = load_codebook(None)
    text = "The Group meets monthly. Patients designed a leaflet together with staff in co-design workshops."
    d = doc(text)
    anchored = code_contexts([Context(d, 0, len(text), ((4, 9),))], cb)
    plain = code_contexts([whole(d)], cb)
    assert "co_design" in plain.assigned
    assert plain.scores["co_design"] > anchored.scores["co_design"]
    assert [s.anchor for s in sentences_of([Context(d, 0, len(text), ((4, 9),))])] == [True, False]


def test_evidence_offsets_round_trip_and_fallback_splitter():
    cb = load_codebook(None)
    text = (
        "Intro line.\n\nPatienterna berättade om sina erfarenheter för ledningsgruppen. Sedan fika."
    )
    d = Document(
        "x.md", "0" * 64, "md", text, language="sv"
    )  # no sentence spans: fallback splitter
    res = code_all_groups([(d, 13, len(text))], cb)
    evs = [e for r in res.values() for lst in r.codes.values() for e in lst]
    assert evs
    for e in evs:
        assert e.quote == text[e.start : e.end]
        assert e.document == "x.md" and 0 < e.confidence <= 1
    assert "storytelling" in res["methods"].assigned


class BagEmbedder:
    """Deterministic toy embedder: hashed bag of lower-cased words (no model needed)."""

    name = "bag"

    def embed(self, texts):
        out = np.zeros((len(texts), 64), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"\w+", t.lower()):
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % 64] += 1
        out += 0.05
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_embedding_coder_is_relative_and_deterministic():
    cb = parse_codebook(USER_CB, "garden.yaml")
    d = doc(
        "She dug the bed with a spade and the gardener smiled. The roses were watered every evening by the gardener."
    )
    coder = CombinedCoder([LexiconCoder(), EmbeddingCoder(BagEmbedder(), margin=0.0, z=0.5)])
    a = code_contexts([whole(d)], cb, group="tools", coder=coder)
    b = code_contexts([whole(d)], cb, group="tools", coder=coder)
    assert a.to_dict() == b.to_dict()
    sources = {e.source for lst in a.codes.values() for e in lst}
    assert "model:bag" in sources


def test_determinism_independent_of_context_order():
    cb = load_codebook(None)
    d1 = doc("Patients and relatives co-designed the waiting room in workshops.", "a.txt")
    d2 = doc(
        "The patient council meets the politicians in dialogue meetings twice a year.", "b.txt"
    )
    r1 = code_all_groups([whole(d1), whole(d2)], cb)
    r2 = code_all_groups([whole(d2), whole(d1)], cb)
    assert {k: v.to_dict() for k, v in r1.items()} == {k: v.to_dict() for k, v in r2.items()}


def test_wrong_group_is_a_clear_error():
    with pytest.raises(KeyError, match="no group 'nope'"):
        code_contexts([], load_codebook(None), group="nope")


@pytest.mark.slow
def test_e5_semantic_storytelling_without_the_word():
    from coatlas.embed import E5Embedder

    cb = load_codebook(None)
    d = doc(
        "At the start of the leadership meeting a mother described the night her son waited "
        "eleven hours in the emergency room, and the managers listened in silence."
    )
    coder = EmbeddingCoder(E5Embedder("query"))
    codes = {c.code for c in coder.code([whole(d)], cb)}
    assert "storytelling" in codes


IMPLY_CB = """
name: imply
version: "1"
groups:
  - id: methods
    codes:
      - id: baking
        definition: Baking bread.
        implies: [baker]
        vocabulary: {en: {terms: ["bak*"]}}
  - id: roles
    codes:
      - id: baker
        definition: Someone who bakes.
        vocabulary: {en: {terms: [baker]}}
      - id: eater
        definition: Someone who eats.
        vocabulary: {en: {terms: [ate, eats]}}
"""


def test_implied_codes_carry_the_implying_evidence():
    cb = parse_codebook(IMPLY_CB, "imply.yaml")
    d = doc("We baked rye bread every morning. The children ate it.")
    res = code_all_groups([whole(d)], cb)
    assert res["methods"].assigned == ["baking"]
    assert res["roles"].assigned == ["baker", "eater"]
    (ev,) = res["roles"].codes["baker"]
    assert ev.source == "rule:imply.baking.implies"
    assert ev.quote == "We baked rye bread every morning."
    # implications can be switched off: then only direct evidence counts
    from coatlas.directed.coding import LexiconCoder as LC
    from coatlas.directed.coding import aggregate

    cods = LC().code([whole(d)], cb)
    assert aggregate(cods, cb, "roles", implied=False).assigned == ["eater"]


def test_builtin_patterns_catch_generic_phrasings():
    cb = load_codebook(None)
    cases = {
        "co_design": "Young people and staff have designed the services together since the start.",
        "co_evaluation": "A group of patients reviewed the new appointment letters before they were sent.",
        "storytelling": "Patients talked to the managers about their own experiences of the night shift.",
        "dialogue_meetings": "Twice a year the politicians meet residents and patient organisations in the villages.",
    }
    for code, text in cases.items():
        assert code in code_contexts([whole(doc(text))], cb).assigned, code
    sv = doc(
        "Ungdomarna har tillsammans med personalen granskat alla kallelser och broschyrer.",
        lang="sv",
    )
    assert "co_evaluation" in code_contexts([whole(sv)], cb).assigned


def _ctx(d: Document, name: str) -> Context:
    i = d.text.index(name)
    return Context(d, 0, len(d.text), ((i, i + len(name)),))


def test_list_of_initiatives_does_not_lend_one_its_neighbours_method():
    cb = load_codebook(None)
    text = (
        "We have worked with patients for a decade, from the ward co-design project "
        "(2012-2016) to the Harbour Service, the Lantern Plans and the Youth Group."
    )
    d = doc(text)
    listed = code_all_groups([_ctx(d, "Harbour Service")], cb)
    own = code_all_groups([_ctx(d, "co-design project")], cb)
    assert "co_design" not in listed["methods"].assigned
    assert "co_design" in own["methods"].assigned
    # the far hit still counts as (weaker) evidence, so it stays traceable
    assert 0 < listed["methods"].scores["co_design"] < own["methods"].scores["co_design"]


def test_roles_need_the_persons_in_the_sentence_that_says_what_they_do():
    cb = load_codebook(None)
    # patients are in the context, but the reviewing is done by the committee
    text = "Patients joined the Harbour Group in 2019. The committee will review the Harbour Group annually."
    d = doc(text)
    res = code_all_groups([_ctx(d, "Harbour Group")], cb)
    assert "evaluator" not in res["ppe_roles"].assigned
    text2 = "Patients in the Harbour Group review the new letters and rate how clear they are."
    res2 = code_all_groups([_ctx(doc(text2), "Harbour Group")], cb)
    assert "evaluator" in res2["ppe_roles"].assigned


def test_level_follows_the_initiative_not_the_organisation_name():
    cb = load_codebook(None)
    # "the Board" as the organisation introducing a ward practice is not the macro level
    text = (
        "Since 2016 the Board has been introducing the Lantern Plans on the ward. "
        "The Lantern Plans are agreed with each patient at the bedside. "
        "The Health Board publishes an annual report."
    )
    res = code_all_groups([_ctx(doc(text), "Lantern Plans")], cb)
    assert res["levels"].assigned == ["micro"]
    # the board as a decision-maker is macro evidence
    text2 = "The board approved the Lantern Strategy for the whole region in 2020."
    res2 = code_all_groups([_ctx(doc(text2), "Lantern Strategy")], cb)
    assert "macro" in res2["levels"].assigned


def test_every_initiative_gets_a_level_when_there_is_any_evidence():
    cb = load_codebook(None)
    # only a weak cue, in a sentence that does not name the initiative
    text = "The Harbour Circle started in 2019. It meets in the nurses' room."
    res = code_all_groups([_ctx(doc(text), "Harbour Circle")], cb)
    assert res["levels"].assigned == ["micro"]
    assert all(e.quote in text for e in res["levels"].codes["micro"])
    none = code_all_groups([_ctx(doc("The Harbour Circle started in 2019."), "Harbour Circle")], cb)
    assert none["levels"].assigned == []


def test_informant_yields_to_educator_and_participant_to_leader():
    cb = load_codebook(None)
    text = (
        "In the Harbour Lectures, patients tell their own stories of care to nursing students. "
        "The patients teach the students what it is like to live with the illness."
    )
    res = code_all_groups([_ctx(doc(text), "Harbour Lectures")], cb)
    assert "educator" in res["ppe_roles"].assigned
    assert "informant" not in res["ppe_roles"].assigned
    # without teaching, telling one's story is the informant role
    text2 = "In the Harbour Meetings, patients tell their own stories of care to the managers."
    res2 = code_all_groups([_ctx(doc(text2), "Harbour Meetings")], cb)
    assert "informant" in res2["ppe_roles"].assigned


def test_care_agreement_implies_micro_with_its_evidence():
    cb = load_codebook(None)
    text = "With the Lantern Plan, each patient and the nurse agree a shared care plan with personal goals."
    res = code_all_groups([_ctx(doc(text), "Lantern Plan")], cb)
    assert "care_agreement" in res["methods"].assigned
    assert res["levels"].assigned == ["micro"]
    assert any(e.source.endswith("care_agreement.implies") for e in res["levels"].codes["micro"])


def test_method_term_in_the_next_sentence_assigns_but_a_heading_does_not():
    cb = load_codebook(None)
    text = "The Harbour Group met in 2019.\nThey filmed patients telling their stories to staff."
    res = code_all_groups([_ctx(doc(text), "Harbour Group")], cb)
    assert "storytelling" in res["methods"].assigned
    heading = "The Harbour Group met in 2019.\n\n3.2 Storytelling and patient stories\n"
    res2 = code_all_groups([_ctx(doc(heading), "Harbour Group")], cb)
    assert "storytelling" not in res2["methods"].assigned


def test_methods_ignore_sentences_about_another_initiative():
    """A report listing several initiatives: the sentence naming the other one describes
    that one's method, not this one's (methods set ``skip_other_initiatives``)."""
    cb = load_codebook(None)
    text = (
        "The Letter Panel meets every month with patients. "
        "The Care Pact uses written care agreements signed by each patient. "
        "The Letter Panel rewrote twelve letters."
    )
    d = doc(text)
    own = ((4, 16), (text.rindex("Letter Panel"), text.rindex("Letter Panel") + 12))
    other = ((text.index("Care Pact"), text.index("Care Pact") + 9),)
    res = code_all_groups([Context(d, 0, len(text), own, other)], cb)
    assert "care_agreement" not in res["methods"].codes
    res_plain = code_all_groups([Context(d, 0, len(text), own)], cb)
    assert "care_agreement" in res_plain["methods"].codes


@pytest.mark.parametrize(
    ("text", "lang", "coded"),
    [
        ("Regionens handlingsplan för delaktighet antogs av nämnden.", "sv", False),
        ("Varje patient får en personlig handlingsplan som skrivs tillsammans.", "sv", True),
        ("The board adopted an action plan for public involvement.", "en", False),
        ("Each patient writes a personal action plan with the nurse.", "en", True),
    ],
)
def test_an_organisations_action_plan_is_not_a_care_agreement(text, lang, coded):
    res = code_contexts([whole(doc(text, lang=lang))], load_codebook(None))
    assert ("care_agreement" in res.assigned) is coded, res.scores


def test_uncoded_passages_are_statements_not_table_rows_or_headings():
    text = (
        "Walking group final report\n\n"
        "Year | Groups | Participants\n\n"
        "2018 | 3 | 22\n\n"
        "The group met in the library every Thursday evening during the winter."
    )
    d = Document(
        "r.txt",
        "x",
        "txt",
        text,
        language="en",
        paragraphs=[Span(0, 26), Span(28, 55), Span(57, 70), Span(72, len(text))],
    )
    res = code_contexts([whole(d)], load_codebook(None))
    quotes = [e.quote for e in res.uncoded]
    assert quotes == ["The group met in the library every Thursday evening during the winter."], (
        quotes
    )


# --- session 17: "the programme" in a document named after the initiative --------------


def _titled(text: str, name: str, lang: str = "en", others=()) -> Context:
    d = doc(text, lang=lang)
    return Context(d, 0, len(text), ((0, len(name)),), others, True)


def test_the_programme_in_a_document_named_after_it_names_it():
    text = (
        "Windmill Walks final report. Walks ran weekly in the park. "
        "The programme was planned with three patients, using improvement cycles."
    )
    s = sentences_of([_titled(text, "Windmill Walks")])[-1]
    assert s.text.startswith("The programme") and s.anchor and s.weight == 1.0
    # without "the programme" the same sentence is only near the name
    plain = text.replace("The programme was", "It was")
    assert not sentences_of([_titled(plain, "Windmill Walks")])[-1].anchor


def test_swedish_definite_anaphor_and_its_limits():
    text = (
        "Gröna Rummet slutrapport. Vi träffades varje vecka. "
        "Projektet planerades med tre patienter. Projektgruppen bestod av personal."
    )
    sents = sentences_of([_titled(text, "Gröna Rummet", "sv")])
    assert [s.anchor for s in sents] == [True, False, True, False]
    # a modifier, not the project: "the project group"
    en = "Blue Door report. The project group met monthly."
    assert not sentences_of([_titled(en, "Blue Door")])[-1].anchor
    # a sentence naming another initiative is about that one
    other = "Blue Door report. The project worked with Red Gate on it."
    i = other.index("Red Gate")
    assert not sentences_of([_titled(other, "Blue Door", others=((i, i + 8),))])[-1].anchor
    # only in a document named after the initiative
    d = doc(text, lang="sv")
    assert not sentences_of([Context(d, 0, len(text), ((0, 12),))])[2].anchor
