"""Write the bundled example corpus into examples/documents/ (deterministic output).

Everything here is invented: Region Fjällmark, its hospitals, people and projects
do not exist. Run: PYTHONPATH=src .venv/bin/python examples/_make/make_examples.py
"""

from __future__ import annotations

import io
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "documents"
FIXED = (2031, 1, 1, 0, 0, 0)


def _stable_docx(d) -> bytes:
    """Save a python-docx Document with fixed metadata and zip timestamps (byte-identical runs)."""
    import datetime
    import zipfile

    when = datetime.datetime(*FIXED)
    d.core_properties.created = when
    d.core_properties.modified = when
    d.core_properties.last_printed = when
    d.core_properties.author = "coatlas examples"
    d.core_properties.last_modified_by = "coatlas examples"
    raw = io.BytesIO()
    d.save(raw)
    src = zipfile.ZipFile(io.BytesIO(raw.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(
                zipfile.ZipInfo(info.filename, date_time=FIXED),
                src.read(info),
                zipfile.ZIP_DEFLATED,
            )
    return out.getvalue()


INTERVIEW_SV = """Region Fjällmark – utvärdering av patientmedverkan
Intervju 1 – transkribering

Datum: 2031-03-12
Plats: Lommarps vårdcentral, samtalsrum 2
Intervjuare: Signe Alm (I)
Informant: Tove Renlund (IP), förälder och medlem i Föräldrarådet vid barnkliniken, Sjöbacka sjukhus, sedan 2024
Längd: 38 min

I: Kan du berätta hur du kom med i Föräldrarådet?

IP: Ja. Min son var inlagd på barnkliniken flera gånger 2023, och jag skrev ett ganska argt brev om besökstiderna. Avdelningschefen, Maj Hult, ringde upp och frågade om jag ville vara med och göra om rutinerna i stället. Så våren 2024 startade Föräldrarådet, sex föräldrar och fyra i personalen.

I: Hur arbetade ni?

IP: Vi använde erfarenhetsbaserad samskapande design, alltså att vi först filmade korta intervjuer med föräldrar om vad som var svårast, t.ex. nätterna och utskrivningen. Sedan tittade personal och föräldrar på filmerna tillsammans och valde ut tre saker att förändra. Vi gjorde bl.a. en ny välkomstfolder och ändrade ronden så att föräldrarna får vara med.

I: Vad har ni lärt er?

IP: Att det tar tid. Det första halvåret handlade mest om att lita på varandra. Personalen behövde höra föräldrarnas berättelser innan de var beredda att ändra något, och vi föräldrar behövde förstå varför vissa rutiner fanns. Förtroende måste byggas innan man kan designa något tillsammans.

I: Och om någon annan vill starta ett liknande råd?

IP: Se till att föräldrarna får ersättning och att mötena ligger på tider då man kan komma. Kvällstid, och med barnvakt ordnad. Annars blir det bara de som har råd och tid som är med, och då får man inte hela bilden.

I: Finns rådet kvar i dag?

IP: Ja, det finns kvar, vi träffas en gång i månaden. Nu har vi också börjat följa upp förändringarna med en egen enkät som vi föräldrar har tagit fram.

I: Tack för att du tog dig tid.

IP: Tack själv.
"""

HTML_SV = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Föräldrarådet – Barnkliniken – Sjöbacka sjukhus</title>
<script>window.analytics = function () { return 1; };</script>
<style>.cookie { position: fixed; }</style>
</head>
<body onload="analytics()">
<div class="cookie-banner" id="cookieconsent"><p>Vi använder kakor för att förbättra webbplatsen. Genom att surfa vidare godkänner du detta.</p><button onclick="accept()">Godkänn alla kakor</button></div>
<header><a class="logo" href="/">Region Fjällmark</a>
<nav><ul><li><a href="/vard">Hitta vård</a></li><li><a href="/jobb">Lediga jobb</a></li><li><a href="/kontakt">Kontakta oss</a></li></ul></nav></header>
<div class="breadcrumbs">Du är här: Start / Sjöbacka sjukhus / Barnkliniken / Föräldrarådet</div>
<main>
<h1>Föräldrarådet</h1>
<p class="lead">Sedan 2024 finns ett föräldraråd på barnkliniken vid Sjöbacka sjukhus. I rådet utvecklar föräldrar och personal vården på avdelningen tillsammans.</p>
<h2>Vad gör rådet?</h2>
<p>Rådet träffas en gång i månaden. Föräldrarna har bland annat varit med och tagit fram en ny välkomstfolder, ändrat ronden så att föräldrar kan delta och utformat en enkät om nätterna på avdelningen.</p>
<ul>
<li>Ny välkomstfolder på fem språk (2024).</li>
<li>Familjecentrerad rond på vardagar (2025).</li>
<li>Föräldraenkät som föräldrarna själva har utformat (2026).</li>
</ul>
<h2>Vill du vara med?</h2>
<p>Har ditt barn vårdats på barnkliniken de senaste tre åren? Kontakta avdelningens samordnare så berättar vi mer. Ledamöterna får arvode enligt regionens riktlinje.</p>
</main>
<footer><p>Region Fjällmark · Box 12 · 999 10 Lommarp · Växel 0999-100 00</p><p>Senast uppdaterad: 2031-01-20</p></footer>
</body>
</html>
"""

LOGISTICS_MD = """# New central store for medical supplies – project summary

*Region Fjällmark, Procurement and Logistics, 2020*

## Background

The region's hospitals ordered supplies through three separate stores. In 2019 the regional board decided to merge them into one central store in Lommarp with a shared ordering system.

## What was done

- A new warehouse management system was procured and installed in 2020.
- Deliveries to the wards were changed from weekly to twice weekly.
- Store staff were trained in the new system by the supplier.

## Results

The number of emergency orders fell by 40 per cent in the first year. The project was run by the logistics department and the wards' supply coordinators; no patients or relatives took part.

## Lessons for the next logistics project

Involve the ward supply coordinators from the start, since they know the daily stock levels best.
"""


def breathing_docx() -> bytes:
    import docx

    d = docx.Document()
    d.core_properties.title = "Breathing Together – final report"
    d.add_heading("Breathing Together – final report 2022", level=1)
    d.add_paragraph(
        "Breathing Together was a rehabilitation group for people with COPD at the medical clinic of "
        "Kvarnås hospital, Region Fjällmark, from 2018 to 2022. Each group of eight participants met "
        "weekly for ten weeks. Every session was led by a physiotherapist together with a patient "
        "educator, a person living with COPD who had completed the course and a short teaching module."
    )
    d.add_heading("Method", level=2)
    d.add_paragraph(
        "The programme was planned with three patients and one relative in a working group in 2017, "
        "using improvement cycles (PDSA): each term the patient educators and staff reviewed the "
        "participants' feedback and changed one part of the course."
    )
    t = d.add_table(rows=4, cols=3)
    rows = [
        ("Year", "Groups", "Participants"),
        ("2018", "3", "22"),
        ("2020", "1", "7"),
        ("2022", "4", "31"),
    ]
    for r, row in enumerate(rows):
        for c, val in enumerate(row):
            t.cell(r, c).text = val
    d.add_heading("Lessons learned", level=2)
    d.add_paragraph(
        "Participants trusted advice about breathing techniques more when it came from someone who "
        "lived with the same illness. Patient educators need preparation, supervision and a fee; "
        "goodwill alone does not carry a programme for five years."
    )
    d.add_paragraph(
        "During the pandemic in 2020 the groups moved online, and several participants without "
        "computers dropped out. Digital formats must be planned together with the participants, "
        "not introduced for them."
    )
    return _stable_docx(d)


FOCUS_GROUP = [
    "Focus group 2 – carers of people with dementia, Kvarnås",
    "Date: 9 May 2031",
    "Venue: Kvarnås library, meeting room",
    "Facilitator: Ruth Lindqvist (F)",
    "Participants: three carers (Carer 1–3); a note-taker from the evaluation team",
    "F: Thank you all for coming. You all took part in the Carers' Café at Kvarnås hospital. How did it start for you?",
    "Carer 1: I came in 2027, when my husband was diagnosed. A nurse gave me a leaflet. The first evening I just sat and listened.",
    "Carer 2: For me it was the memory clinic that asked whether I wanted to help plan the café. So I was there from the start, in 2026, in the planning group with two nurses and another carer.",
    "F: What did the planning group do?",
    "Carer 2: We decided the themes for the evenings together, e.g. legal questions, respite care and how to talk to the children. The staff wanted lectures; we wanted time to talk to each other. We ended up with half and half.",
    "Carer 3: And we changed the time. It was at two in the afternoon at first, which is impossible if you work or if you cannot leave the person alone.",
    "F: What would you say to a hospital that wants to start something similar?",
    "Carer 3: Ask the carers before you decide the format, not after. The practical things, the time, the parking, someone to sit with the person, decide whether we can come at all.",
    "Carer 1: And keep it going. When the nurse who started it moved in 2029, it almost stopped. It should not depend on one enthusiast.",
    "F: Thank you. Anything else before we finish?",
    "Carer 2: Only that being asked made a difference. We were treated as people who know something.",
]


def focus_group_docx() -> bytes:
    import docx

    d = docx.Document()
    for line in FOCUS_GROUP:
        d.add_paragraph(line)
    return _stable_docx(d)


def annual_report_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    buf = io.BytesIO()
    style = ParagraphStyle("body", fontName="Helvetica", fontSize=10.5, leading=14)
    head = ParagraphStyle("head", fontName="Helvetica-Bold", fontSize=13, leading=18)
    paras = [
        ("head", "Verksamhetsberättelse 2026 – Region Fjällmark"),
        ("head", "1. Patienter och närstående som medskapare"),
        (
            "body",
            "Regionen har under 2026 fortsatt att utveckla vården tillsammans med patienter och närstående. "
            "Föräldrarådet vid barnkliniken på Sjöbacka sjukhus, som startade 2024, har haft elva möten under året. "
            "Rådet har bl.a. tagit fram en föräldraenkät och följt upp den familjecentrerade ronden.",
        ),
        (
            "body",
            "Erfarenheten visar att patienters och närståendes medverkan behöver ersättning och planering "
            "i god tid; annars når regionen bara de som redan har tid och resurser att delta.",
        ),
        ("head", "2. Lärande nätverk"),
        (
            "body",
            "Sedan 2025 driver regionen ett lärande nätverk för patientmedverkan, Medverkansnätverket, "
            "där medarbetare och patientföreträdare från alla förvaltningar träffas fyra gånger per år. "
            "Nätverket använder berättelser från patienter som utgångspunkt för varje träff.",
        ),
        (
            "body",
            "Ett nätverk ersätter inte ledningens ansvar. Det som efterfrågas i ledningens uppföljning "
            "blir prioriterat, och därför ska medverkan redovisas i varje förvaltnings tertialrapport fr.o.m. 2027.",
        ),
        ("break", ""),
        ("head", "3. Lokaler"),
        (
            "body",
            "Ombyggnaden av akutmottagningen i Kvarnås avslutades i oktober 2026. Den nya mottagningen har "
            "24 undersökningsrum och en separat ingång för barn. Patienter deltog inte i planeringen, som "
            "sköttes av fastighetsavdelningen och mottagningens ledning.",
        ),
        ("head", "4. Mål för 2027"),
        (
            "body",
            "– Minst hälften av förbättringsarbetena ska ha patienter eller närstående i projektgruppen.",
        ),
        ("body", "– Alla förvaltningar ska redovisa hur patienter och närstående har medverkat."),
    ]
    story = []
    for kind, text in paras:
        if kind == "break":
            story.append(PageBreak())
            continue
        story.append(Paragraph(text, head if kind == "head" else style))
        story.append(Spacer(1, 8))

    def footer(canvas, doc):
        canvas.setFont("Helvetica", 8)
        canvas.drawString(
            72, 30, f"Region Fjällmark · Verksamhetsberättelse 2026 · Sida {doc.page}"
        )

    doc = SimpleDocTemplate(buf, pagesize=A4, invariant=1, title="Verksamhetsberättelse 2026")
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return buf.getvalue()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "intervju_01_foraldraradet.txt").write_text(INTERVIEW_SV, encoding="utf-8")
    (OUT / "foraldraradet_barnkliniken.html").write_text(HTML_SV, encoding="utf-8")
    (OUT / "central_store_project_2020.md").write_text(LOGISTICS_MD, encoding="utf-8")
    (OUT / "breathing_together_final_report_2022.docx").write_bytes(breathing_docx())
    (OUT / "verksamhetsberattelse_2026.pdf").write_bytes(annual_report_pdf())
    (OUT / "focus_group_carers_cafe_2031.docx").write_bytes(focus_group_docx())


if __name__ == "__main__":
    main()
