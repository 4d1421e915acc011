"""coatlas.lang.names and its data: persons and staff titles are not initiatives.

Also checks the data files themselves (header, licence, order, duplicates) and that
tools/build_lang_names.py reproduces the generated ones byte for byte when the pinned Faker
is installed (skipped otherwise: Faker is a build-time tool, not a dependency).
"""

from __future__ import annotations

import importlib.util
import unicodedata
from importlib import metadata
from pathlib import Path

import pytest
import yaml

import coatlas.lang
from coatlas.lang.names import (
    LANGS,
    ambiguous_names,
    given_names,
    is_job_title,
    is_lived_experience_role,
    job_titles,
    lived_experience_roles,
    looks_like_person,
    surnames,
)

LANG_DIR = Path(coatlas.lang.__file__).parent
REPO = Path(__file__).resolve().parents[1]
GENERATED = [
    "NOTICE-faker.txt",
    "en/given_names_female.txt",
    "en/given_names_male.txt",
    "en/surnames.txt",
    "en/job_titles.txt",
    "sv/given_names_female.txt",
    "sv/given_names_male.txt",
    "sv/surnames.txt",
]
WRITTEN = [
    f"{lang}/{name}"
    for lang in LANGS
    for name in (
        "job_titles_curated.txt",
        "lived_experience_roles.txt",
        "ambiguous_names.txt",
    )
] + ["en/job_titles_rejected.txt"]
LISTS = [f for f in GENERATED if f.endswith(".txt") and "/" in f] + WRITTEN


# --------------------------------------------------------------------------- looks_like_person

PERSONS = [
    "Karin Sandström",
    "Dr Sarah Jones",
    "Anna K. Berg",
    "Sarah Jones, Chief Nurse",
    "Karin Sandström, verksamhetschef",
    "Karin Sandström (verksamhetschef)",
    "Anna Berg – överläkare",
    "verksamhetschef Karin Sandström",
    "Chief Nurse Sarah Jones",
    "Dr Jones",
    "Prof. Anna Berg",
    "docent Eva Lind",
    "KARIN SANDSTRÖM",
    "Anna-Karin Lövgren",  # unknown surname with a Swedish surname ending
    "Karin Berg-Sandström",
    "Anna Berg Sandström",
    "Karin Sandströms",  # genitive
    "Per Holm",  # an ambiguous given name with a plain surname
    "Jan Berg",
    "Joy Williams",
    "Eva Hall",
    "K. Sandström",
    "Anna van der Berg",
    "Mohammed Ali",
    "Dr Grace Hall",  # two everyday words, but an honorific backs them
]

NOT_PERSONS = [
    "Patient Council",
    "Esther-nätverket",
    "Esther",  # a given name alone: networks are named after personas
    "Karin",
    "Hope Café",
    "Grace Hall",  # both names are everyday words
    "Rose Ward",
    "Daisy Ward",
    "Holly Lane",
    "Chief Nurse",
    "verksamhetschef",
    "Esther Network",
    "Mary Seacole Programme",
    "Bo Bra",
    "Liv och Hälsa",
    "Per Dag",
    "Patient Experience Programme",
    "Sarah Jones, Patient Council",  # the appended part is not a title
    "peer support worker",
    "Anna Maria",  # two given names, no surname
    "Dr",
    "",
    "karin sandström",  # names are written capitalised
    "Dr Foster Intelligence",
]


@pytest.mark.parametrize("phrase", PERSONS)
def test_person(phrase: str) -> None:
    assert looks_like_person(phrase)


@pytest.mark.parametrize("phrase", NOT_PERSONS)
def test_not_person(phrase: str) -> None:
    assert not looks_like_person(phrase)


# --------------------------------------------------------------------------- is_job_title

TITLES = [
    "Head of Patient Experience",
    "Chief Executive",
    "Chief Nurse",
    "verksamhetschef",
    "vårdenhetschef",
    "Vårdenhetschefen",  # definite form
    "enhetschef",
    "överläkare",
    "kurator",
    "sjuksköterskorna",
    "läkarna",
    "undersköterskor",
    "biträdande verksamhetschef",
    "tf. enhetschef",
    "chef för patientsäkerhet",
    "kvalitetschef",  # compound on -chef
    "HR-direktör",
    "ST-läkare",
    "Hälso- och sjukvårdsdirektör",
    "anhörigkonsulent",  # staff who support next of kin: a post, not lived experience
    "Senior Nurse",
    "Deputy Chief Executive",
    "Director of Nursing and Quality",
    "Chief Nurse and Deputy Chief Executive",
    "Matrons",
    "Medical Director",
    "Consultant Psychiatrist",
    "Clinical Lead for Co-production",
    "Patient Experience Manager",
    "Head of Peer Support",  # a manager's post; the "of" part names the field
    "occupational therapist",  # from the generated list
    "adult nurse",  # "Nurse, adult" in the source
]

NOT_TITLES = [
    "peer support worker",
    "Peer Support Worker",
    "Lead Peer Support Worker",
    "Peer Supporters",
    "patient supporter",
    "Patient Partner",
    "Senior Patient Partner",
    "expert by experience",
    "Lived Experience Lead",
    "Lay Member",
    "Public Governor",
    "brukarspecialist",
    "erfarenhetsexpert",
    "erfarenhetsexperten",
    "patientstödjare",
    "brukarrevisor",
    "brukarrevisorerna",
    "brukarsamordnare",
    "kamratstödjare",
    "Patientrepresentanter",
    "Patient Experience Programme",
    "Patient Council",
    "Improvement Project",
    "Esther",
    "Karin Sandström",
    "Leader",  # Swedish inflection is not applied to English words
    "",
]


@pytest.mark.parametrize("phrase", TITLES)
def test_job_title(phrase: str) -> None:
    assert is_job_title(phrase)


@pytest.mark.parametrize("phrase", NOT_TITLES)
def test_not_job_title(phrase: str) -> None:
    assert not is_job_title(phrase)


@pytest.mark.parametrize(
    ("phrase", "lived"),
    [
        ("Lead Peer Support Worker", True),
        ("patient partners", True),
        ("erfarenhetsexperten", True),
        ("cancerpatientstödjare", True),
        ("experts-by-experience", True),
        ("Chief Nurse", False),
        ("anhörigkonsulent", False),
        ("Patient Experience Manager", False),
    ],
)
def test_lived_experience_role(phrase: str, lived: bool) -> None:
    assert is_lived_experience_role(phrase) is lived


# --------------------------------------------------------------------------- loaders


def test_loaders_sizes_and_content() -> None:
    assert len(given_names("sv")) > 900 and len(surnames("sv")) >= 500
    assert len(given_names("en")) > 1000 and len(surnames("en")) > 3000
    assert {"Karin", "Anna"} <= given_names("sv") and "Sandström" in surnames("sv")
    assert {"Sarah", "James"} <= given_names("en") and "Jones" in surnames("en")
    assert "Karin" in given_names("sv", "female") and "Karin" not in given_names("sv", "male")
    assert given_names("en", "female") | given_names("en", "male") == given_names("en")
    assert "chief nurse" in job_titles("en") and "adult nurse" in job_titles("en")
    assert "verksamhetschef" in job_titles("sv")
    assert isinstance(job_titles("sv"), frozenset)


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        surnames("xx")


@pytest.mark.parametrize("lang", LANGS)
def test_no_lived_experience_role_is_a_job_title(lang: str) -> None:
    roles = lived_experience_roles(lang)
    assert roles
    for other in LANGS:
        bad = [t for t in job_titles(other) if is_lived_experience_role(t)]
        assert not bad, bad
    assert not any(is_job_title(r) for r in roles)


@pytest.mark.parametrize("lang", LANGS)
def test_ambiguous_names_are_names(lang: str) -> None:
    names = given_names(lang) | surnames(lang)
    assert ambiguous_names(lang) <= names, sorted(ambiguous_names(lang) - names)


def test_initiative_words_that_are_names_are_ambiguous() -> None:
    """A word that heads initiative names ("Ward", "Key") must not count as a plain name."""
    names = {n.casefold() for lang in LANGS for n in given_names(lang) | surnames(lang)}
    weak = {n.casefold() for lang in LANGS for n in ambiguous_names(lang)}
    for lang in LANGS:
        data = yaml.safe_load((LANG_DIR / lang / "initiatives.yaml").read_text(encoding="utf-8"))
        words: set[str] = set()
        for head, spec in data["heads"].items():
            words |= {head, *spec.get("forms", [])}
        for key in ("type_nouns", "org_heads", "cue_nouns", "not_name_tails"):
            for w in data.get(key) or []:
                words |= set(str(w).casefold().split())
        clash = sorted(w for w in words if w in names and w not in weak)
        assert not clash, f"{lang}: add to ambiguous_names.txt: {clash}"


# --------------------------------------------------------------------------- data files


def entries(path: Path) -> list[str]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip()
        if entry:
            out.append(entry)
    return out


@pytest.mark.parametrize("rel", LISTS)
def test_list_file_integrity(rel: str) -> None:
    path = LANG_DIR / rel
    text = path.read_text(encoding="utf-8")
    head = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# coatlas language data: "), "header first"
    assert any(line.startswith("# source: ") for line in head), "source named"
    assert any("MIT" in line for line in head), "licence named"
    assert text.endswith("\n") and "\r" not in text
    items = entries(path)
    assert items, "not empty"
    assert items == sorted(items), "sorted by code point"
    assert len(items) == len(set(items)), "no duplicates"
    assert all(unicodedata.is_normalized("NFC", e) for e in items)
    assert all(e == " ".join(e.split()) for e in items)
    if "job_titles" in rel or "lived_experience" in rel:
        assert all(e == e.lower() for e in items), "titles are lower case"
    if rel in GENERATED:
        assert any(line == f"# entries: {len(items)}" for line in head)
        assert any(line.startswith("# build: python tools/build_lang_names.py") for line in head)
        assert any("GENERATED FILE" in line for line in head)
        assert all(not line.startswith("#") for line in text.splitlines()[len(head) :])
    else:
        assert any("project-written" in line for line in head)
        assert any("exclusion" in line for line in head), "inclusion/exclusion notes"


def test_job_title_headers_state_the_exclusion_rule() -> None:
    for rel in ["en/job_titles.txt", "en/job_titles_curated.txt", "sv/job_titles_curated.txt"]:
        text = (LANG_DIR / rel).read_text(encoding="utf-8")
        assert "exclusion rule: " in text and "lived experience" in text


def test_notice_carries_fakers_licence() -> None:
    text = (LANG_DIR / "NOTICE-faker.txt").read_text(encoding="utf-8")
    assert "Copyright (c) 2012 Daniele Faraglia" in text
    assert "Permission is hereby granted, free of charge" in text


@pytest.mark.parametrize("lang", LANGS)
def test_person_cues_load(lang: str) -> None:
    import tomllib

    cues = tomllib.loads((LANG_DIR / lang / "person_cues.toml").read_text(encoding="utf-8"))
    assert cues["version"] == 1
    for key in ("honorifics", "particles", "title_modifiers", "title_links"):
        assert cues[key] and all(isinstance(x, str) and x == x.lower() for x in cues[key])


def _pinned_faker() -> str:
    first = (LANG_DIR / "sv" / "surnames.txt").read_text(encoding="utf-8").splitlines()[1]
    return first.split("Faker ", 1)[1].split(" ", 1)[0]


def test_build_reproduces_committed_files() -> None:
    pytest.importorskip("faker", reason="Faker is a build-time tool; not installed")
    pinned = _pinned_faker()
    if metadata.version("faker") != pinned:
        pytest.skip(f"Faker {metadata.version('faker')} installed; files built with {pinned}")
    spec = importlib.util.spec_from_file_location(
        "build_lang_names", REPO / "tools" / "build_lang_names.py"
    )
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    assert pinned == build.FAKER_VERSION
    files = build.build()
    assert sorted(str(p) for p in files) == sorted(GENERATED)
    for rel, text in files.items():
        assert (LANG_DIR / rel).read_bytes() == text.encode("utf-8"), rel
