"""Ingestion behaviour: dev corpus gold, offsets, transcripts, PDF layout, language, sentences."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from coatlas.ingest import read_document, read_folder
from coatlas.text.language import detect_language
from coatlas.text.sentences import split_sentences
from hostile_files import docx_bytes, layout_pdf, odt_bytes

DEV = Path("/work/shared/corpora/dev-norrvik")
needs_dev = pytest.mark.skipif(not (DEV / "gold.json").exists(), reason="dev corpus not available")


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@pytest.fixture(scope="module")
def dev_docs():
    docs, errors = read_folder(DEV / "documents")
    assert errors == []
    return {d.path: d for d in docs}


@pytest.fixture(scope="module")
def gold():
    return json.loads((DEV / "gold.json").read_text(encoding="utf-8"))


@needs_dev
def test_every_dev_document_reads(dev_docs):
    assert len(dev_docs) == len(list((DEV / "documents").iterdir()))
    for d in dev_docs.values():
        assert d.language in ("en", "sv"), d.path
        assert d.paragraphs and d.sentences, d.path
        if d.format == "pdf":
            assert d.pages and d.pages[0].number == 1


@needs_dev
def test_all_gold_lessons_found_verbatim(dev_docs, gold):
    missing = [
        (g["document"], g["text"][:60])
        for g in gold["lessons"]
        if ws(g["text"]) not in ws(dev_docs[g["document"]].text)
    ]
    assert len(gold["lessons"]) == 115
    assert missing == []


@needs_dev
def test_initiative_documents_mention_it(dev_docs, gold):
    """Every document listed for an initiative names it (canonical name or an alias)."""
    silent = []
    for ini in gold["initiatives"]:
        names = [ini["name"], *ini["aliases"]]
        for doc in ini["documents"]:
            text = dev_docs[doc].text.lower()
            if not any(n.lower() in text for n in names):
                silent.append((ini["id"], doc))
    assert silent == []


@needs_dev
def test_html_main_content_only(dev_docs):
    d = dev_docs["strokelotsarna.html"]
    assert d.title and d.title.startswith("Strokelotsarna")
    low = d.text.lower()
    for junk in (
        "cookies",
        "jag förstår",
        "hitta vård",
        "jobba hos oss",
        "du är här",
        "sidansvarig",
        "växel",
    ):
        assert junk not in low, junk
    assert "Vi läser inte journaler" in d.text


@needs_dev
def test_dev_transcripts_have_roles(dev_docs):
    transcripts = [d for d in dev_docs.values() if re.match(r"interv", d.path)]
    assert len(transcripts) == 9
    for d in transcripts:
        roles = {t.role for t in d.turns}
        assert roles == {"interviewer", "respondent"}, (d.path, d.meta.get("speakers"))
        assert len(d.turns) >= 15
    others = [d for d in dev_docs.values() if not re.match(r"interv", d.path)]
    assert all(not d.turns for d in others)


def _check_offsets(doc):
    n = len(doc.text)
    for span in [*doc.paragraphs, *doc.sentences, *doc.pages, *doc.turns]:
        assert 0 <= span.start < span.end <= n
        piece = doc.text[span.start : span.end]
        assert piece == piece.strip()
    starts = [p.start for p in doc.paragraphs]
    assert starts == sorted(starts)
    for s in doc.sentences:
        assert any(p.start <= s.start and s.end <= p.end for p in doc.paragraphs)


@needs_dev
def test_offsets_round_trip(dev_docs):
    for d in dev_docs.values():
        _check_offsets(d)
        assert "\r" not in d.text and "  " not in d.text and "\n\n\n" not in d.text


def test_transcript_turns(tmp_path):
    text = (
        "Fokusgrupp 3\n\nDatum: 2031-04-02\nPlats: Biblioteket\nModerator: Lova Tenn (M)\n\n"
        "M: Välkomna hit. Vad tycker ni om mottagningen?\n\n"
        "Deltagare 1: Den har blivit bättre sedan vi fick vara med.\n\n"
        "Deltagare 2: Jag håller med, men väntetiderna är långa.\n"
        "Och telefontiderna också.\n\n"
        "M: Hur märktes det?\n\n"
        "Deltagare 1: Personalen lyssnade mer.\n"
    )
    p = tmp_path / "fg.txt"
    p.write_text(text, encoding="utf-8")
    d = read_document(p)
    said = [(t.speaker, t.role, d.text[t.start : t.end]) for t in d.turns]
    assert said[0] == ("M", "interviewer", "Välkomna hit. Vad tycker ni om mottagningen?")
    assert said[2] == (
        "Deltagare 2",
        "respondent",
        "Jag håller med, men väntetiderna är långa.\nOch telefontiderna också.",
    )
    assert [s[1] for s in said] == [
        "interviewer",
        "respondent",
        "respondent",
        "interviewer",
        "respondent",
    ]
    assert d.meta["speakers"]["M"]["name"] == "Lova Tenn"


def test_named_speakers_and_docx_transcript(tmp_path):
    lines = ["Interviewer: Tom Vale", "Respondent: Nell Oak", ""]
    for i in range(4):
        lines += [
            f"Tom: Question number {i} about the ward?",
            f"Nell: Answer number {i}, we changed it together.",
        ]
    p = tmp_path / "t.docx"
    p.write_bytes(docx_bytes(lines))
    d = read_document(p)
    assert d.format == "docx" and len(d.turns) == 8
    assert {t.speaker: t.role for t in d.turns} == {"Tom": "interviewer", "Nell": "respondent"}


def test_report_with_note_lines_is_not_a_transcript(tmp_path):
    text = "Annual report\n\nNote: figures are preliminary.\n\nThe ward improved.\n\nSource: survey 2030.\n\nNote: see appendix.\n\nResults: better.\n"
    p = tmp_path / "r.txt"
    p.write_text(text)
    assert read_document(p).turns == []


def test_pdf_layout_columns_hyphens_furniture(tmp_path):
    p = tmp_path / "layout.pdf"
    p.write_bytes(layout_pdf())
    d = read_document(p)
    t = d.text
    assert "Sida" not in t and "Regionens rapport om samverkan 2031" not in t
    assert "Samverkan var en nyckel" in t and "Sam- verkan" not in t
    assert "KOL-genombrottet" in t
    # left column is read before the right one, not interleaved line by line
    assert t.index("Slut på vänster spalt") < t.index("Höger spalt 1")
    assert "närstående i vården." in t and "om arbetet med patienter" in t
    assert [pg.number for pg in d.pages] == [1, 2]
    assert d.pages[0].end <= d.pages[1].start
    assert "Höger spalt 2" in t[d.pages[1].start : d.pages[1].end]
    _check_offsets(d)


def test_docx_tables_in_order_and_odt(tmp_path):
    p = tmp_path / "t.docx"
    p.write_bytes(
        docx_bytes(
            ["Före tabellen.", "Efter tabellen."], table=[["Mål", "Utfall"], ["60 %", "72 %"]]
        )
    )
    d = read_document(p)
    assert d.text == "Före tabellen.\n\nMål | Utfall\n\n60 % | 72 %\n\nEfter tabellen."
    o = tmp_path / "t.odt"
    o.write_bytes(odt_bytes(["Första stycket om vården.", "Andra stycket."]))
    d = read_document(o)
    assert d.format == "odt" and d.text == "Rubrik\n\nFörsta stycket om vården.\n\nAndra stycket."


def test_markdown_markup_dropped(tmp_path):
    p = tmp_path / "m.md"
    p.write_text(
        "# Title here\n\nSome **bold** and [a link](http://x.y) text.\n\n- item one\n- item two\n\n<!-- hidden -->\n"
    )
    d = read_document(p)
    assert d.title == "Title here"
    assert d.text == "Title here\n\nSome bold and a link text.\n\nitem one\n\nitem two"


def test_binary_sniffed_not_extension(tmp_path):
    p = tmp_path / "report.txt"
    p.write_bytes(docx_bytes(["Real docx content under a txt name."]))
    d = read_document(p)
    assert d.format == "docx" and "Real docx content" in d.text


def test_paragraph_language(tmp_path):
    p = tmp_path / "mixed.txt"
    p.write_text(
        "Patienterna och de närstående var med från början, och det gjorde stor skillnad för arbetet.\n\n"
        "The patients and their relatives were involved from the start, which made a big difference.\n\n"
        "Projektet avslutades 2030.\n\n"
        "Die Patienten waren von Anfang an beteiligt und das hat viel verändert in der Arbeit.\n"
    )
    d = read_document(p)
    assert [s.lang for s in d.paragraphs] == ["sv", "en", "sv", "de"]


def test_language_short_text_uses_evidence_and_prior():
    assert detect_language("och det är inte så", prior="en") == "sv"
    assert detect_language("Tabell 3", prior="sv") == "sv"
    assert (
        detect_language("Det var svårt i början, men vi lärde oss mycket av patienterna.") == "sv"
    )
    assert detect_language("It was hard at first, but we learned a lot from the patients.") == "en"


@pytest.mark.parametrize(
    "text,n",
    [
        ("Vi använde t.ex. berättelser och bl.a. enkäter. Det fungerade bra.", 2),
        ("Fr.o.m. 2019 gäller regeln, d.v.s. alla ska delta. Mötet börjar kl. 14 i rummet.", 2),
        ("Hon kom från inst. för vårdvetenskap. Sedan gick hon.", 2),
        ("Vi köpte pennor, papper m.m. Sedan började arbetet.", 2),
        ("Dr. Smith met Prof. Jones, e.g. at the clinic. They agreed.", 2),
        ("Cirka 30 patienter, ca. 12 närstående. Alla var nöjda!", 2),
        ("Is it good? Yes. It is.", 3),
    ],
)
def test_sentences_respect_abbreviations(text, n):
    spans = split_sentences(text)
    assert len(spans) == n, [text[s:e] for s, e in spans]
