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

DEV = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "dev-norrvik"
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
    """The strongest statement the data supports: every document listed for an initiative
    contains one of its aliases verbatim (case-sensitive; the canonical table name itself
    is an analyst's label and need not occur), and every non-initiative's documents name
    it by its short name or its parenthesised alternative."""
    silent = []
    for ini in gold["initiatives"]:
        for doc in ini["documents"]:
            if not any(a in dev_docs[doc].text for a in ini["aliases"]):
                silent.append((ini["id"], doc))
    for ni in gold["non_initiatives"]:
        alts = [f for f in re.findall(r"\(([^)]+)\)", ni["name"]) if re.search(r"[^\W\d_]", f)]
        forms = [re.split(r" – | \(", ni["name"])[0], *alts]
        for doc in ni["documents"]:
            if not any(f in dev_docs[doc].text for f in forms):
                silent.append((ni["name"], doc))
    assert silent == []
    assert sum(len(i["documents"]) for i in gold["initiatives"]) == 74


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
        "Deltagare 1: Personalen lyssnade mer.\n\n[Slut på inspelningen]\n"
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
    assert said[-1][2] == "Personalen lyssnade mer."  # the transcriber's note is nobody's turn


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


def test_focus_group_with_a_named_moderator_and_participants_heard_once(tmp_path):
    """The header names the moderator and lists the participants; each participant may
    speak only once, and all of them are respondents."""
    p = tmp_path / "fokusgrupp.txt"
    p.write_text(
        "Fokusgrupp om kursen\n"
        "Moderator: Karin Ek, FoU.\n"
        "Deltagare: Olle (kursledare), Siv (deltagare), Amir (deltagare).\n\n"
        "Karin: Hur började det?\n\n"
        "Olle: Vi startade kursen tillsammans med patienterna 2016.\n\n"
        "Karin: Siv, hur var det för dig?\n\n"
        "Siv: Det viktigaste var att kursen låg på kvällen.\n\n"
        "Karin: Amir?\n\n"
        "Amir: Jag lärde mig att fråga mer.\n\n"
        "Karin: Tack.\n\n"
        "Olle: Tack själv.\n",
        encoding="utf-8",
    )
    d = read_document(p)
    roles = {t.speaker: t.role for t in d.turns}
    assert roles["Karin"] == "interviewer"
    assert roles["Olle"] == roles["Siv"] == roles["Amir"] == "respondent"


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


def test_pdf_glyphs_without_a_character_become_bullets_not_cid_codes(tmp_path):
    """reportlab's list bullets (and many real PDFs' symbol fonts) carry no Unicode
    mapping; pdfminer then yields "(cid:127)", which must not reach text or quotes."""
    pytest.importorskip("reportlab")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import ListFlowable, ListItem, Paragraph, SimpleDocTemplate

    st = getSampleStyleSheet()
    p = tmp_path / "bullets.pdf"
    SimpleDocTemplate(str(p), pagesize=A4, invariant=1).build(
        [
            Paragraph("Recommendations", st["Heading2"]),
            ListFlowable(
                [ListItem(Paragraph(t, st["Normal"])) for t in ("note the progress", "approve it")],
                bulletType="bullet",
            ),
        ]
    )
    d = read_document(p)
    assert "(cid:" not in d.text
    assert "•" in d.text and "note the progress" in d.text
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


def test_transcript_sentences_start_after_labels(tmp_path):
    lines = []
    for i in range(3):
        lines += [f"I: Question {i} about the clinic?", f"R: Answer {i}. It changed a lot."]
    p = tmp_path / "t.txt"
    p.write_text("\n\n".join(lines))
    d = read_document(p)
    assert len(d.turns) == 6
    texts = [d.text[s.start : s.end] for s in d.sentences]
    assert not any(t.startswith(("I:", "R:")) for t in texts)
    assert "Answer 0." in texts and "It changed a lot." in texts


@needs_dev
def test_html_publication_date(dev_docs):
    assert dev_docs["news_kitchen_table_talks_2017.html"].meta.get("published") == "2017-09-05"


EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "documents"


def test_example_corpus_reads():
    docs, errors = read_folder(EXAMPLES)
    assert errors == []
    by = {d.path: d for d in docs}
    assert {d.format for d in docs} >= {"txt", "html", "docx", "pdf", "md"}
    assert {d.language for d in docs} == {"en", "sv"}
    assert {t.role for t in by["intervju_01_foraldraradet.txt"].turns} == {
        "interviewer",
        "respondent",
    }
    pdf = by["verksamhetsberattelse_2026.pdf"]
    assert len(pdf.pages) == 2 and "Sida" not in pdf.text
    html = by["foraldraradet_barnkliniken.html"]
    assert "kakor" not in html.text and "Hitta vård" not in html.text and "Växel" not in html.text
    assert "Familjecentrerad rond på vardagar (2025)." in html.text
    fg = by["focus_group_carers_cafe_2031.docx"]
    assert {t.speaker: t.role for t in fg.turns} == {
        "F": "interviewer",
        "Carer 1": "respondent",
        "Carer 2": "respondent",
        "Carer 3": "respondent",
    }
    docx = by["breathing_together_final_report_2022.docx"]
    assert "2018 | 3 | 22" in docx.text


def test_pdf_hyphen_rules(tmp_path):
    from hostile_files import simple_pdf

    p = tmp_path / "h.pdf"
    p.write_bytes(
        simple_pdf(
            [
                "Vi skickar e-",
                "post till alla sjuk-",
                "och hälsovårdens chefer om sam-",
                "verkan och KOL-",
                "vården.",
            ]
        )
    )
    assert (
        read_document(p).text
        == "Vi skickar e-post till alla sjuk- och hälsovårdens chefer om samverkan och KOL-vården."
    )


def test_docx_revisions_and_text_boxes(tmp_path):
    from hostile_files import _replace_member

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = (
        '<w:p><w:r><w:t xml:space="preserve">Before </w:t></w:r>'
        '<w:ins w:id="1" w:author="a"><w:r><w:t>inserted</w:t></w:r></w:ins>'
        '<w:del w:id="2" w:author="a"><w:r><w:delText>deleted</w:delText></w:r></w:del>'
        '<w:r><w:t xml:space="preserve"> after.</w:t></w:r></w:p>'
        "<w:p><w:r><w:t>Host</w:t></w:r><w:r><w:pict><w:txbxContent><w:p><w:r><w:t>Boxed text.</w:t></w:r></w:p>"
        "</w:txbxContent></w:pict></w:r></w:p>"
    )
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {w}><w:body>{body}</w:body></w:document>'
    p = tmp_path / "rev.docx"
    p.write_bytes(_replace_member(docx_bytes(["x"]), "word/document.xml", xml.encode()))
    assert read_document(p).text == "Before inserted after.\n\nHost\n\nBoxed text."


def test_ligatures_and_spaces_normalised(tmp_path):
    p = tmp_path / "l.txt"
    p.write_text("Eﬀective  ﬁrst\u00a0step\r\nnext line\u00ad here\r\n\r\n\r\nNew para.\t End")
    assert read_document(p).text == "Effective first step\nnext line here\n\nNew para. End"


def test_name_only_transcript_roles_from_questions(tmp_path):
    lines = []
    for i in range(4):
        lines += [
            f"Vera: How did round {i} go for the team?",
            f"Olle: It went well, round {i} taught us a lot.",
        ]
    p = tmp_path / "names.txt"
    p.write_text("\n\n".join(lines))
    d = read_document(p)
    assert {t.speaker: t.role for t in d.turns} == {"Vera": "interviewer", "Olle": "respondent"}


def test_document_from_text_matches_file(tmp_path):
    from coatlas.ingest import document_from_text

    text = "Rubrik\n\nI: Hur gick det?\n\nR: Bra.\n\nI: Och sen?\n\nR: Ännu bättre, t.ex. i maj.\n"
    p = tmp_path / "x.txt"
    p.write_text(text)
    a, b = read_document(p), document_from_text(text, "x.txt")
    assert (a.text, a.paragraphs, a.sentences, a.turns, a.sha256) == (
        b.text,
        b.paragraphs,
        b.sentences,
        b.turns,
        b.sha256,
    )


def test_odt_footnotes_and_spaces(tmp_path):
    import io

    from odf.opendocument import OpenDocumentText
    from odf.text import Note, NoteBody, NoteCitation, P, S, Span

    doc = OpenDocumentText()
    p = P(text="Patienterna var med")
    note = Note(id="n1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="Enligt protokollet."))
    note.addElement(body)
    p.addElement(note)
    p.addElement(Span(text=" från"))
    p.addElement(S(c=3))
    p.addElement(Span(text="början."))
    doc.text.addElement(p)
    buf = io.BytesIO()
    doc.write(buf)
    f = tmp_path / "n.odt"
    f.write_bytes(buf.getvalue())
    assert read_document(f).text == "Patienterna var med från början."
