"""Lesson facets (src/coatlas/inductive/facets.yaml): the shipped file is valid and keeps its
house rules, broken files fail with one line naming file and facet, and generic lesson
sentences written for this test land on the facet one would expect by term overlap."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest

from coatlas.codebook.match import lemma, norm_word
from coatlas.errors import FacetError
from coatlas.inductive.facets import (
    BUILTIN,
    load_facet_file,
    load_facets,
    parse_facets,
    term_hits,
)

MINI = """
version: 1
name: mini
languages: [en, sv]
source: made up for a test
facets:
  - id: money
    domain: context
    label: {en: Money, sv: Pengar}
    description: {en: ["Money matters."], sv: ["Pengar spelar roll."]}
    terms: {en: [money, budget], sv: [pengar, budget]}
    include: money
    exclude: time goes to time
  - id: time
    domain: context
    label: {en: Time, sv: Tid}
    description: {en: ["Time matters."], sv: ["Tid spelar roll."]}
    terms: {en: [time, "lack of time"], sv: [tid, tidsbrist]}
    include: time
    exclude: money goes to money
"""


def write(tmp_path: Path, text: str, name: str = "f.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- the shipped file ---------------------------------------------------------------------


def test_builtin_loads_and_is_shipped_as_package_data():
    ff = load_facet_file()
    assert ff.version >= 1 and ff.name == "lesson-facets"
    assert ff.languages == ["en", "sv"]
    assert 30 <= len(ff.facets) <= 45
    assert load_facets() == ff.facets and load_facets(BUILTIN) == ff.facets
    assert len(set(ff.ids())) == len(ff.ids())
    assert resources.files("coatlas.inductive").joinpath("facets.yaml").is_file()
    assert ff.facet("payment_recognition").label["sv"] == "Ersättning och erkännande"
    with pytest.raises(KeyError):
        ff.facet("no_such_facet")


def test_builtin_digest_is_stable_and_content_sensitive(tmp_path):
    ff = load_facet_file()
    text = BUILTIN.read_text(encoding="utf-8")
    assert load_facet_file(write(tmp_path, text)).digest == ff.digest  # path is not hashed
    changed = text.replace('"Funding and resources"', '"Funding"', 1)
    assert changed != text
    assert load_facet_file(write(tmp_path, changed, "g.yaml")).digest != ff.digest


def test_builtin_house_rules():
    """Sizes from the design brief; no digits (years) and no proper names in descriptions."""
    cap = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäö]+")
    for f in load_facets():
        assert f.basis.strip(), f.id
        for lang in ("en", "sv"):
            assert 2 <= len(f.description[lang]) <= 4, (f.id, lang)
            assert 10 <= len(f.terms[lang]) <= 30, (f.id, lang, len(f.terms[lang]))
            for s in f.description[lang]:
                assert not re.search(r"\d", s), (f.id, s)
                assert not cap.findall(s), (f.id, s)  # only the first word is capitalised
                assert s.endswith("."), (f.id, s)


def test_builtin_terms_are_one_axis_each_by_lemma():
    """A term (as lemmas) belongs to one facet, so a hit is evidence for one axis only."""
    for lang in ("en", "sv"):
        owner: dict[str, set[str]] = defaultdict(set)
        for f in load_facets():
            for t in f.terms[lang]:
                owner[" ".join(lemma(norm_word(w), lang) for w in t.split())].add(f.id)
        shared = {k: sorted(v) for k, v in owner.items() if len(v) > 1}
        assert not shared, (lang, shared)


def test_builtin_exclusions_name_existing_facets():
    ids = set(load_facet_file().ids())
    for f in load_facets():
        named = set(re.findall(r"\b[a-z]+(?:_[a-z]+)+\b", f.exclude))
        assert named, f.id  # every exclusion says where the excluded material goes
        assert named <= ids, (f.id, named - ids)
        assert f.id not in named


# -- validation ---------------------------------------------------------------------------


def test_mini_file_loads(tmp_path):
    fs = load_facets(write(tmp_path, MINI))
    assert [f.id for f in fs] == ["money", "time"]
    assert fs[1].terms["en"] == ["time", "lack of time"]


@pytest.mark.parametrize(
    ("old", "new", "expect"),
    [
        ("- id: time\n", "- id: money\n", "facet 'money': duplicate id"),
        ('sv: ["Tid spelar roll."]', "sv: []", "facet 'time': description.sv needs at least one"),
        ('description: {en: ["Time matters."], sv: ["Tid spelar roll."]}',
         'description: {en: ["Time matters."]}', "facet 'time': description: missing sv"),
        ("sv: [tid, tidsbrist]", "sv: [Tid, tidsbrist]", "facet 'time': terms.sv: term 'Tid' must be lowercase"),
        ("sv: [tid, tidsbrist]", "sv: [pengar, tidsbrist]", "term 'pengar' listed also in facet 'money'"),
        ("sv: [tid, tidsbrist]", "sv: [tid, tid]", "facet 'time': terms.sv: term 'tid' listed twice"),
        ("sv: [tid, tidsbrist]", "sv: []", "facet 'time': terms.sv is empty"),
        ("sv: [tid, tidsbrist]", "sv: [tid, no]", "facet 'time', terms, sv, item 2: must be text"),
        ("sv: [tid, tidsbrist]", "sv: [tid, år 2020]", "contains a digit"),
        ("sv: [tid, tidsbrist]", "sv: [tid, att vänta]", "without 'att'"),
        ("sv: [tid, tidsbrist]", "sv: [tid, tids*]", "wildcard"),
        ("- id: time\n", "- id: Time\n", "id 'Time' must be lower_snake_case"),
        ("    domain: context\n    label: {en: Time",
         "    domain: weather\n    label: {en: Time", "facet 'time', domain:"),
        ("    include: time\n", "    include: time\n    colour: blue\n", "facet 'time', colour: unknown field"),
        ("    exclude: money goes to money\n", "", "facet 'time', exclude: missing required field"),
        ("version: 1\n", "version: one\n", "version: "),
        ("    terms: {en: [time", "    terms: {en: [time]]", "invalid YAML at line"),
    ],
)  # fmt: skip
def test_broken_files_fail_with_one_line(tmp_path, old, new, expect):
    assert old in MINI
    p = write(tmp_path, MINI.replace(old, new, 1), "broken.yaml")
    with pytest.raises(FacetError) as e:
        load_facets(p)
    msg = str(e.value)
    assert "\n" not in msg
    assert msg.startswith("broken.yaml: "), msg
    assert expect in msg, msg


def test_not_a_mapping_and_missing_file(tmp_path):
    with pytest.raises(FacetError, match=r"^x\.yaml: a facet file must be a mapping"):
        parse_facets("- just\n- a list\n", "x.yaml")
    with pytest.raises(FacetError, match="facet file not found"):
        load_facets(tmp_path / "nope.yaml")


def test_reload_after_edit(tmp_path):
    p = write(tmp_path, MINI)
    assert len(load_facets(p)) == 2
    text = MINI.replace("sv: [tid, tidsbrist]", "sv: [tid, tidsbrist, väntetid]")
    p.write_text(text, encoding="utf-8")
    import os

    st = p.stat()
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert "väntetid" in load_facets(p)[1].terms["sv"]


# -- term matching ------------------------------------------------------------------------

# Generic lesson sentences written for this test (not taken from any document): each should
# have the expected facet among those with the most term hits.
SENTENCES = [
    ("en", "Managers must ask for the work and follow it up, otherwise nothing happens.", "leadership_support"),
    ("en", "Participants should be paid for their time and get travel expenses reimbursed quickly.", "payment_recognition"),
    ("en", "Tell contributors what happened with their feedback, even if nothing changed.", "feedback_to_contributors"),
    ("en", "We recruited through several channels and sent personal invitations.", "recruitment"),
    ("en", "Use plain language and avoid jargon and abbreviations in the papers.", "communication_language"),
    ("en", "The work depended on a few enthusiasts and stopped when they left; staff turnover made it fragile.", "key_person_dependence"),
    ("en", "Without a budget and secure funding the project could not continue.", "funding_resources"),
    ("en", "It was a box-ticking exercise with no real influence on decisions already made.", "genuine_influence"),
    ("en", "The pandemic and the lockdown stopped all face-to-face work for a year.", "external_pressure"),
    ("en", "Staff were sceptical at first and feared criticism, but the resistance faded.", "staff_attitudes"),
    ("en", "Seldom-heard groups such as migrants and homeless people need outreach where they are.", "equity_inclusion"),
    ("en", "Video meetings and an online platform helped some, but not everyone had the equipment.", "digital_tools"),
    ("en", "Consent and confidentiality must be clear when participants see sensitive data; think about the risk of harm.", "ethics_risk"),
    ("en", "The staff gained new insight and became aware of things they had taken for granted.", "learning_perspectives"),
    ("en", "It is hard to measure the impact; we lacked indicators and a baseline for the evaluation.", "evaluation_impact"),
    ("en", "Change takes time, so patience and persistence are needed; do not give up.", "patience_persistence"),
    ("sv", "Verksamhetschefen behöver efterfråga arbetet och förankringen hos ledningen måste finnas.", "leadership_support"),
    ("sv", "Arvodet och reseersättningen betalades ut för sent, vilket skapade irritation.", "payment_recognition"),
    ("sv", "Deltagarna fick aldrig någon återkoppling på sina förslag.", "feedback_to_contributors"),
    ("sv", "Det var svårt att rekrytera deltagare trots annonser och inbjudningar.", "recruitment"),
    ("sv", "Använd klarspråk och undvik fackspråk och förkortningar.", "communication_language"),
    ("sv", "När eldsjälen slutade och det blev chefsbyte föll arbetet, personalomsättningen är en risk.", "key_person_dependence"),
    ("sv", "Projektmedlen tog slut och det fanns ingen budget för fortsatt finansiering.", "funding_resources"),
    ("sv", "Utan verkligt inflytande blir medverkan bara en symbolisk skenmedverkan.", "genuine_influence"),
    ("sv", "Pandemin och omorganisationen gjorde att allt stannade av.", "external_pressure"),
    ("sv", "Det fanns ett motstånd och en oro bland personalen, många var skeptiska.", "staff_attitudes"),
    ("sv", "Vi behöver nå socialt utsatta grupper och nyanlända genom uppsökande arbete.", "equity_inclusion"),
    ("sv", "Digitala möten på distans passar inte alla, uppkopplingen och utrustningen saknas ofta.", "digital_tools"),
    ("sv", "Tystnadsplikt, samtycke och sekretess måste vara tydligt för patientföreträdarna.", "ethics_risk"),
    ("sv", "Medarbetarna fick nya insikter och ett perspektivskifte om sitt eget arbete.", "learning_perspectives"),
    ("sv", "Vi saknade nyckeltal och en nollmätning, så utvärderingen blev svår att göra.", "evaluation_impact"),
    ("sv", "Det är ett långsiktigt arbete som kräver tålamod och uthållighet.", "patience_persistence"),
    ("sv", "Informella mötesplatser, som en fika, gav en bättre dialog än formella möten.", "meeting_format"),
    ("sv", "Rollerna och förväntningarna måste tydliggöras i en skriftlig överenskommelse.", "roles_expectations"),
]  # fmt: skip


@pytest.mark.parametrize(("lang", "text", "expected"), SENTENCES)
def test_generic_sentences_map_to_the_expected_facet(lang, text, expected):
    hits = term_hits(text, lang)
    assert expected in hits, (text, hits)
    best = max(len(v) for v in hits.values())
    assert len(hits[expected]) == best, (text, hits)


def test_term_matching_rules():
    # inflected forms match base-form terms
    assert term_hits("The coordinators facilitated every meeting.", "en") == {
        "coordination_facilitation": ["coordinator", "facilitate"]
    }
    # a Swedish compound may end with a single-word term ...
    assert "arvode" in term_hits("Timarvodet kom sent.", "sv").get("payment_recognition", [])
    # ... but not when the whole word is itself a term of some facet
    hits = term_hits("Vårdplanen skrevs tillsammans.", "sv")
    assert "planning_structure" not in hits and "individual_care" in hits
    # multi-word terms need their words in sequence
    assert "leadership_support" not in term_hits("We ask them what they need for support.", "en")
    # a custom facet list is honoured; output is deterministic and sorted
    fs = load_facets(BUILTIN)[:2]
    assert set(term_hits("law and budget", "en", fs)) == {
        "funding_resources",
        "laws_policy_contracts",
    }
    assert term_hits("law and budget", "en", fs) == term_hits("law and budget", "en", fs)
    assert term_hits("", "sv") == {}
