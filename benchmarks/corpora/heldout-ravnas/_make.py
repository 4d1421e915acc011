"""Generate the held-out Rävnäs/Ashcombe corpus (documents/ and gold.json), deterministically.

Written blind (without reading the engine or the other corpora). Lessons are marked in the
source text as {{cN:...}}; the marks are stripped from the documents and the inner text is
recorded verbatim in gold.json, so gold and documents cannot drift apart.
Run: /work/venv/bin/python benchmarks/corpora/heldout-ravnas/_make.py
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import datetime
from pathlib import Path

import docx
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
MARK = re.compile(r"\{\{c(\d+):(.*?)\}\}", re.S)
LESSONS: list[dict[str, str]] = []
FIXED = datetime(2024, 1, 1, 12, 0, 0)


def ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def mark(doc: str, text: str) -> str:
    """Strip lesson marks, recording each lesson for gold.json under its document."""

    def rep(m: re.Match[str]) -> str:
        LESSONS.append(
            {"document": doc, "text": ws(m.group(2)), "cluster": f"c{int(m.group(1)):02d}"}
        )
        return m.group(2)

    return MARK.sub(rep, text)


def write_text(name: str, text: str) -> None:
    (DOCS / name).write_text(mark(name, text).lstrip("\n"), encoding="utf-8")


def write_pdf(name: str, title: str, blocks: list[tuple[str, str]]) -> None:
    """A report-style PDF: blocks are ("h", heading) or ("p", paragraph)."""
    styles = getSampleStyleSheet()
    story: list = [Paragraph(title, styles["Title"]), Spacer(1, 12)]
    for kind, text in blocks:
        text = mark(name, text)
        if kind == "h":
            story.append(Paragraph(text, styles["Heading2"]))
        elif kind == "table":
            rows = [r.split("|") for r in text.strip().split("\n")]
            story.append(Table(rows))
        else:
            story.append(Paragraph(text, styles["BodyText"]))
            story.append(Spacer(1, 6))
    doc = SimpleDocTemplate(
        str(DOCS / name), pagesize=A4, invariant=1, title=title, author="", creator=""
    )
    doc.build(story)


def write_slides(name: str, title: str, slides: list[tuple[str, list[str]]]) -> None:
    """A slide deck exported to PDF: one landscape page per slide, plain '–' bullets."""
    w, h = landscape(A4)
    c = canvas.Canvas(str(DOCS / name), pagesize=(w, h), invariant=1)
    c.setTitle(title)
    for n, (head, lines) in enumerate(slides, 1):
        c.setFont("Helvetica-Bold", 28)
        c.drawString(60, h - 80, head)
        y = h - 140
        for line in lines:
            line = mark(name, line)
            c.setFont("Helvetica", 20)
            for part in simpleSplit(line, "Helvetica", 20, w - 120):
                c.drawString(60, y, part)
                y -= 28
            y -= 8
        c.setFont("Helvetica", 10)
        c.drawString(w - 90, 30, f"{n} / {len(slides)}")
        c.showPage()
    c.save()


def write_docx(name: str, title: str, blocks: list[tuple[str, object]]) -> None:
    """DOCX with fixed core properties and zip timestamps, so reruns are byte-identical."""
    d = docx.Document()
    cp = d.core_properties
    cp.author = ""
    cp.last_modified_by = ""
    cp.title = title
    cp.created = FIXED
    cp.modified = FIXED
    cp.last_printed = FIXED
    cp.revision = 1
    d.add_heading(title, level=0)
    for kind, content in blocks:
        if kind == "table":
            rows = content  # type: ignore[assignment]
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    t.cell(i, j).text = mark(name, cell)
        elif kind in ("h1", "h2"):
            d.add_heading(str(content), level=1 if kind == "h1" else 2)
        elif kind == "bullet":
            d.add_paragraph(mark(name, str(content)), style="List Bullet")
        else:
            d.add_paragraph(mark(name, str(content)))
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, src.read(info.filename))
    (DOCS / name).write_bytes(out.getvalue())


def paras(text: str) -> list[tuple[str, str]]:
    """Blank-line separated paragraphs; a line starting with '## ' is a heading."""
    out: list[tuple[str, str]] = []
    for chunk in text.strip().split("\n\n"):
        chunk = chunk.strip()
        if chunk.startswith("## "):
            out.append(("h", chunk[3:]))
        else:
            out.append(("p", " ".join(chunk.split("\n"))))
    return out


# ---------------------------------------------------------------- Region Rävnäs (Swedish)


def verksamhetsberattelse() -> None:
    write_pdf(
        "verksamhetsberattelse_2022_patientsamverkan.pdf",
        "Region Rävnäs – Verksamhetsberättelse 2022",
        paras("""
Hälso- och sjukvårdsförvaltningen. Avsnitt 4: Samverkan med patienter och närstående. Fastställd av hälso- och sjukvårdsnämnden 2023-03-16.

## 4.1 Inledning

Region Rävnäs har sedan 2011 arbetat för att patienter och närstående ska vara delaktiga i utvecklingen av vården. Under 2022 har arbetet fortsatt inom ramen för regionens mål om en jämlik och nära vård. Avsnittet beskriver de viktigaste verksamheterna under året.

## 4.2 Patient- och närståenderådet

Rådet vid Rävnäs lasarett startade 2011 under namnet Patientrådet och bytte 2018 namn till Patient- och närståenderådet, eftersom närstående ville ha en egen röst i rådet. Rådet har tolv ledamöter och sammanträdde sex gånger under 2022. Rådet har bland annat granskat det nya väntrummet på akutmottagningen och lämnat synpunkter på lasarettets besöksregler. {{c4:En lärdom från året är att rådets synpunkter behöver återkopplas skriftligt inom en månad; när återkopplingen dröjde tappade ledamöterna förtroendet för att deras arbete gjorde skillnad.}}

## 4.3 Erfarenhetsexperter inom psykiatrin

Sedan 2016 finns anställda erfarenhetsexperter vid Psykiatriska kliniken i Tallvik. Under 2022 fanns fem tjänster motsvarande 3,5 årsarbetare inom Erfarenhetsexpertprogrammet. Erfarenhetsexperterna medverkar i vårdteamen, i introduktionen av nyanställda och i utbildningen av sjuksköterskestudenter. {{c6:Uppdragsbeskrivningarna har förtydligats under året, eftersom otydliga roller ledde till att erfarenhetsexperterna ibland användes som extra vårdpersonal i stället för i sitt eget uppdrag.}}

## 4.4 Egenvårdsskolan för KOL

Egenvårdsskolan har funnits sedan 2014 vid Lungmottagningen på Rävnäs lasarett. Kurserna leds av en fysioterapeut tillsammans med en kursledare som själv har KOL. Under 2022 genomfördes åtta kursomgångar med totalt 61 deltagare, som bland annat lär sig att själva justera sin inhalationsbehandling enligt en personlig plan.

## 4.5 Begripliga brev

Projektet Begripliga brev, där patienter och närstående tillsammans med medarbetare skrev om regionens kallelser, avslutades 2021. De nya kallelserna används nu inom fyra förvaltningar. {{c5:Att förvaltningsledningen beslutade att de nya mallarna skulle gälla för hela regionen var avgörande; utan ett sådant beslut hade de stannat på de två kliniker som deltog.}}

## 4.6 Ungas röst i vården

Under hösten 2022 startade ungdomsrådet Ungas röst i vården (URV) med tio ledamöter mellan 15 och 24 år. Arbetet redovisas i en separat lägesrapport.

## 4.7 Förvaltningens bedömning

{{c3:Förvaltningen konstaterar att de som deltar i råden i hög grad är pensionärer med högskoleutbildning, och att regionen behöver söka upp grupper som inte själva hör av sig.}} Under 2023 prioriteras arbetet med ungdomsrådet och med att sprida de nya kallelserna till primärvården.
"""),
    )


def namndprotokoll() -> None:
    write_text(
        "protokoll_halso_och_sjukvardsnamnden_2021-03-18.txt",
        """
REGION RÄVNÄS                                   PROTOKOLL
Hälso- och sjukvårdsnämnden                     Sammanträdesdatum 2021-03-18

Plats och tid: Regionhuset, Tallvik, sal Ödeby, kl. 09.00–12.15

Beslutande:  Anders Holmfrid (S), ordförande
             Lena Vikström (M), vice ordförande
             Per-Olof Nyström (C)
             Amina Jusufović (V)
             Gunnel Sjöberg (KD)
Övriga:      Birgitta Lönnqvist, hälso- och sjukvårdsdirektör
             Maja Sundelin, utvecklingsledare
             Jonas Fager, verksamhetschef Laboratoriemedicin, § 24
Justerare:   Lena Vikström

§ 21  Val av justerare
Lena Vikström utses att justera dagens protokoll.

§ 22  Godkännande av dagordning
Dagordningen godkänns.

§ 23  Slutredovisning av projektet Begripliga brev (HSN 2019/214)
Ärendebeskrivning
Projektet Begripliga brev har pågått sedan januari 2020. Tolv patienter och
närstående från patient- och närståenderådet och från Föreningen Anhöriga i
Rävnäs har tillsammans med medarbetare skrivit om 34 kallelser och
informationsbrev. Breven har testats på besökare i väntrummen innan de
fastställdes. Andelen uteblivna besök på de två pilotklinikerna minskade från
6,1 till 4,8 procent.
I slutrapporten skriver projektgruppen: {{c2:Vi underskattade hur mycket tid
det tar att förbereda varje möte så att alla kan delta på lika villkor; material
måste skickas ut i god tid och i ett format som fungerar för den som har nedsatt
syn.}}
Beslut
Nämnden tar emot slutredovisningen och noterar att projektet avslutas.

§ 24  Information om Projekt Snabbsvar, Laboratoriemedicin (HSN 2020/077)
Ärendebeskrivning
Verksamhetschef Jonas Fager informerar om Projekt Snabbsvar, där
provtransporterna mellan vårdcentralerna och laboratoriet i Tallvik har lagts
om under 2020–2021. Projektet har genomförts av Laboratoriemedicin,
Transportenheten och IT-avdelningen. Svarstiden för vanliga blodprover har
minskat med i genomsnitt fem timmar.
Beslut
Informationen noteras.

§ 25  Dialogforum Rävnäs – fortsatt inriktning (HSN 2021/031)
Ärendebeskrivning
Dialogforum Rävnäs har genomförts tre gånger, 2015, 2017 och 2019, som en
heldag där patient- och anhörigföreningar, politiker och tjänstepersoner möts.
Det planerade forumet 2021 kan inte genomföras på grund av pandemin.
Förvaltningen föreslår att formen inte återupptas utan ersätts med mindre,
återkommande dialoger och med ett ungdomsråd.
{{c4:Utvärderingen av 2019 års forum visar att föreningarna uppskattade mötet
men saknade besked om vad som hände med deras förslag efteråt.}}
Ordföranden yttrar sig i ärendet. {{c5:Dialogen med föreningarna måste ägas av
nämnden och inte enbart av förvaltningen, annars riskerar den att bli en
formalitet.}}
Beslut
1. Dialogforum Rävnäs avslutas i sin nuvarande form.
2. Förvaltningen får i uppdrag att senast 2021-09-30 lämna förslag om ett
   ungdomsråd.

§ 26  Meddelanden
Inkomna skrivelser redovisas enligt bilaga.

Vid protokollet
Karin Ek, nämndsekreterare

Justeras
Anders Holmfrid            Lena Vikström
""",
    )


def intervju() -> None:
    write_text(
        "intervju_ip2_erfarenhetsexpert_2023.txt",
        """
Intervju 2 – erfarenhetsexpert, Psykiatriska kliniken i Tallvik
Datum: 2023-04-12. Intervjuare: utvecklingsledare (I). Intervjuperson (IP):
anställd erfarenhetsexpert sedan 2017. Transkriberad ordagrant; pauser markeras (.)

I: Kan du börja med att berätta hur du kom in i erfarenhetsexpertprogrammet?

IP: Ja, jag satt först i patientrådet, det var innan det bytte namn, och sedan
sökte jag en av de första tjänsterna 2017. Programmet hade startat året innan
med två personer.

I: Vad var svårast i början?

IP: (.) Att veta vad jag fick göra. {{c6:Jag tror att det viktigaste vi lärde oss
var att en erfarenhetsexpert behöver en egen handledare utanför linjen, någon som
inte är ens chef, för annars har man ingenstans att ta det som river upp gamla
minnen.}} Det fick vi till först 2019.

I: Hur tog personalen emot er?

IP: Blandat. En del var jättepositiva. Andra undrade vad vi skulle göra där.
{{c1:Det som vände det var att jag fick vara på samma avdelning varje vecka i ett
helt år; man måste få tid att bli en kollega och inte en gäst.}}

I: Märker du någon skillnad i hur personalen arbetar i dag?

IP: Ja, faktiskt. {{c7:När jag berättade på en arbetsplatsträff hur det var att
bli fastspänd blev det alldeles tyst, och efter det började de prata om
bältesläggning på ett annat sätt.}} Det var inget jag hade planerat.

I: Vad skulle du säga till en region som vill börja med erfarenhetsexperter?

IP: {{c5:Börja inte om inte verksamhetschefen verkligen vill det, för det är hen
som måste försvara tjänsterna när budgeten ska skäras.}} Och {{c2:betala
ordentligt, med riktiga anställningar och inte timarvode, för annars är det bara
de som har råd som kan vara med.}}

I: Finns det något mer du vill ta upp?

IP: Vi har en nätverksträff för alla erfarenhetsexperter i regionen en gång i
månaden nu. Och så undervisar vi på sjuksköterskeprogrammet varje termin.

I: Tack så mycket.
""",
    )


def referensgrupp() -> None:
    write_text(
        "referensgruppen_egenvardsskolan_2023-02-09.md",
        """
# Referensgruppen för Egenvårdsskolan – minnesanteckningar

**Datum:** 9 februari 2023, kl. 13.00–15.00
**Plats:** Lungmottagningen, Rävnäs lasarett, konferensrum Tjädern
**Närvarande:** Kerstin Ålund (kursledare, egen erfarenhet av KOL), Erik Skog (kursledare,
egen erfarenhet av KOL), Tove Brännström (fysioterapeut), Leila Haddad (enhetschef),
två representanter för Hjärt- och lungföreningen Rävnäs
**Antecknare:** Tove Brännström

## 1. Föregående anteckningar

Godkändes utan ändringar.

## 2. Kursomgångar hösten 2022

Fyra omgångar av KOL-skolan, som kursen kallas bland deltagarna, genomfördes med
sammanlagt 29 deltagare. Samtliga omgångar leddes av en fysioterapeut och en kursledare
med egen erfarenhet. Nytt sedan i höstas är att alla deltagare går hem med en egen
handlingsplan för försämringsperioder som de har gjort tillsammans med sin sjuksköterska.

## 3. Rekrytering

{{c3:Gruppen konstaterade att inbjudningar via 1177 och vårdcentralernas väntrum främst
når dem som redan är aktiva; personer med annat modersmål har nästan bara kommit när
någon de känner har tipsat dem.}}

- Beslut: en omgång på arabiska med tolk provas våren 2023.
- Leila kontaktar Vårdcentralen Ödeby om gemensam inbjudan.

## 4. Kursledarnas villkor

{{c2:Kursledarna med egen erfarenhet har sedan 2021 arvode per kurstillfälle, vilket
enligt Erik gjorde att uppdraget kändes som ett riktigt uppdrag och inte som
välgörenhet.}}

{{c6:Kerstin tog upp att det är tungt när en deltagare försämras eller dör under
kursen; gruppen var enig om att kursledarna ska erbjudas samma avlastningssamtal som
personalen.}}

## 5. Övrigt

Hjärt- och lungföreningen erbjuder lokal för en uppföljningsträff i maj.

## 6. Nästa möte

11 maj 2023.
""",
    )


HTML_SV = """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Var med och påverka vården – Region Rävnäs</title></head>
<body>
<div id="cookie-banner" class="cookie">
  <p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för besöksstatistik.
  <a href="/om-kakor">Läs mer om kakor</a></p>
  <button>Godkänn alla</button> <button>Endast nödvändiga</button>
</div>
<header>
  <a class="logo" href="/">Region Rävnäs</a>
  <nav>
    <ul>
      <li><a href="/vard">Vård och hälsa</a></li>
      <li><a href="/jobb">Jobba hos oss</a></li>
      <li><a href="/politik">Politik och påverkan</a></li>
      <li><a href="/kontakt">Kontakta oss</a></li>
    </ul>
  </nav>
  <form role="search"><input type="search" placeholder="Sök på ravnas.se"></form>
</header>
<div class="breadcrumbs"><a href="/">Start</a> › <a href="/politik">Politik och påverkan</a> › Var med och påverka</div>
<main>
<h1>Var med och påverka vården</h1>
<p>Region Rävnäs vill utveckla vården tillsammans med patienter, närstående och invånare.
Här kan du läsa om de olika sätten att vara med.</p>

<h2>Patient- och närståenderådet</h2>
<p>Vid Rävnäs lasarett finns sedan 2011 ett råd för patienter och närstående. Rådet hette
tidigare Patientrådet. Rådet träffas sex gånger per år och ger synpunkter på allt från
väntrum till skriftlig information. {{c4:Vi berättar alltid vad som har hänt med era
synpunkter – rådet får en skriftlig återkoppling efter varje möte, eftersom vi har lärt oss
att det är det som gör att människor vill fortsätta.}}</p>

<h2>Ungas röst i vården – för dig mellan 15 och 24 år</h2>
<p>URV är regionens ungdomsråd. Ni träffas en kväll i månaden och är med och tar fram nya
tjänster för unga, till exempel ungdomsmottagningens nya webbsida.
{{c3:Du behöver inte vara medlem i en förening för att vara med. Vi har märkt att många av de
viktigaste synpunkterna kommer från personer som aldrig tidigare har blivit tillfrågade.}}</p>

<h2>Arbeta som erfarenhetsexpert</h2>
<p>Inom psykiatrin i Tallvik arbetar erfarenhetsexperter, anställda personer som har egen
erfarenhet av psykisk ohälsa. Lediga tjänster annonseras under Jobba hos oss.</p>

<h2>Anmäl intresse</h2>
<p>Fyll i formuläret eller ring Patientsamverkan på 0770-12 34 56.</p>
</main>
<aside><h3>Relaterat</h3><ul><li><a href="/patientnamnden">Patientnämnden</a></li>
<li><a href="/1177">Kontakta vården via 1177</a></li></ul></aside>
<footer>
  <p>Region Rävnäs, Regionhuset, Storgatan 4, 891 20 Tallvik. Växel 0770-12 00 00.</p>
  <p><a href="/tillganglighet">Tillgänglighetsredogörelse</a> | <a href="/personuppgifter">Behandling av personuppgifter</a> | © Region Rävnäs</p>
</footer>
</body>
</html>
"""


def lagesrapport() -> None:
    write_docx(
        "lagesrapport_ungas_rost_i_varden_2024.docx",
        "Lägesrapport 2 – Ungas röst i vården (URV)",
        [
            (
                "p",
                "Projektperiod: 2022-09-01 – 2025-06-30. Rapportdatum: 2024-03-15. Projektägare: hälso- och sjukvårdsdirektören. Projektledare: Maja Sundelin. Status: pågår enligt plan, med risk för finansieringen efter projekttiden (gul).",
            ),
            ("h1", "1. Bakgrund"),
            (
                "p",
                "Hälso- och sjukvårdsnämnden beslutade 2021 (§ 25) att avsluta Dialogforum i dess dåvarande form och att ta fram ett förslag om ett ungdomsråd. Ungdomsrådet Ungas röst i vården startade i september 2022 med tio ledamöter mellan 15 och 24 år från alla fem kommuner i regionen.",
            ),
            ("h1", "2. Genomfört sedan förra lägesrapporten"),
            ("bullet", "URV har haft elva möten, varav fyra digitala."),
            (
                "bullet",
                "Ledamöterna har tillsammans med ungdomsmottagningen i Tallvik tagit fram en ny webbsida och testat den på jämnåriga.",
            ),
            (
                "bullet",
                "Två ledamöter har deltagit i arbetsgruppen för nytt väntrum på barn- och ungdomspsykiatrin.",
            ),
            (
                "bullet",
                "Rådet har presenterat sina förslag för hälso- och sjukvårdsnämnden i november 2023.",
            ),
            ("h1", "3. Avvikelser från plan"),
            ("p", "Rekryteringen till andra omgången ledamöter blev försenad med två månader."),
            ("h1", "4. Lärdomar hittills"),
            (
                "bullet",
                "{{c2:Mötestiden har flyttats från dagtid till kvällar och mötena kan följas digitalt, eftersom ledamöterna annars måste välja mellan rådet och skolan.}}",
            ),
            (
                "bullet",
                "{{c1:Det tog ungefär ett halvår innan ledamöterna började ta egna initiativ; de första mötena präglades av att de väntade på att de vuxna skulle säga vad som förväntades.}}",
            ),
            (
                "bullet",
                "{{c5:Projektet saknar ännu en mottagare i linjeorganisationen efter 2025, och utan ett beslut om permanent finansiering finns risk att rådet upphör när projektmedlen tar slut.}}",
            ),
            ("h1", "5. Milstolpar"),
            (
                "table",
                [
                    ["Milstolpe", "Planerat", "Status"],
                    ["Rådet startar", "2022-09", "Klar"],
                    ["Förslag till nämnden", "2023-11", "Klar"],
                    ["Utvärdering", "2024-12", "Pågår"],
                    ["Beslut om fortsättning", "2025-04", "Ej påbörjad"],
                ],
            ),
        ],
    )


def bildspel() -> None:
    write_slides(
        "dialogforum_ravnas_2019_presentation.pdf",
        "Dialogforum Rävnäs 2019",
        [
            (
                "Dialogforum Rävnäs 2019",
                [
                    "Patientföreningar, politiker och vården – för tredje gången",
                    "Tallvik, 14 november 2019",
                    "Hälso- och sjukvårdsnämnden",
                ],
            ),
            (
                "Bakgrund",
                [
                    "– Dialogforum startade 2015",
                    "– Genomfört 2015, 2017 och nu 2019",
                    "– Arrangör: nämnden tillsammans med 14 patient- och anhörigföreningar",
                    "– Heldag: samtal i blandade grupper",
                ],
            ),
            (
                "Vad hände efter 2017?",
                [
                    "– Nya besöksregler på lasarettet",
                    "– Tolk vid telefonrådgivning",
                    "– Anhörigstöd inom psykiatrin",
                ],
            ),
            (
                "Det här har vi lärt oss",
                [
                    "– {{c4:Förslagen måste följas upp synligt – annars kommer föreningarna inte tillbaka}}",
                    "– {{c1:Samma politiker vid varje forum bygger förtroende}}",
                ],
            ),
            (
                "Dagens upplägg",
                [
                    "– 09.30 Välkommen",
                    "– 10.00 Samtal i grupper: nära vård",
                    "– 13.00 Grupperna redovisar",
                    "– 14.30 Politikerna svarar",
                ],
            ),
            (
                "Tack!",
                ["Frågor: Patientsamverkan, Region Rävnäs", "patientsamverkan@ravnas.example"],
            ),
        ],
    )


def snabbsvar() -> None:
    write_text(
        "slutrapport_projekt_snabbsvar_2021.txt",
        """
SLUTRAPPORT
Projekt Snabbsvar – ny provlogistik mellan vårdcentralerna och Laboratoriemedicin
Region Rävnäs, Laboratoriemedicin. Dnr HSN 2020/077. Datum: 2021-11-30

1. Sammanfattning
Projektet har lagt om provtransporterna från regionens 22 vårdcentraler till
laboratoriet i Tallvik. I stället för en daglig transport körs nu tre rutter per dag,
och proverna registreras med streckkod redan vid provtagningen. Den genomsnittliga
svarstiden för vanliga blodprover har minskat från 26 till 21 timmar.

2. Organisation
Projektägare: verksamhetschef Jonas Fager. Projektgruppen bestod av företrädare för
Laboratoriemedicin, Transportenheten, IT-avdelningen och två vårdcentralschefer.
Projektet pågick från mars 2020 till november 2021.

3. Resultat
- Tre transportrutter per dag (tidigare en).
- Streckkodsregistrering vid samtliga vårdcentraler.
- Andelen prover som analyseras samma dag ökade från 54 till 81 procent.

4. Projektets lärdomar
- Transportrutterna borde ha provkörts innan avtalet med åkeriet skrevs.
- IT-avdelningen behöver vara med från början när nya streckkodsskrivare köps in.
- Vårdcentralernas provtagningstider behöver samordnas med transporterna.

5. Överlämning
Arbetet överlämnas till linjeorganisationen. Uppföljning sker i
Laboratoriemedicins ordinarie kvalitetsrapport.
""",
    )


def intranatnyhet() -> None:
    write_text(
        "intranat_nyhet_begripliga_brev_2021.md",
        """
# Begripliga brev får Rävnäspriset för förbättringsarbete

*Publicerad på Insidan 2021-11-24 · Nyheter · Kvalitet och utveckling*

Årets Rävnäspris för förbättringsarbete går till brevprojektet Begripliga brev. Under
två år har patienter och närstående tillsammans med medarbetare skrivit om regionens
kallelser så att de går att förstå även för den som är orolig, har svårt att läsa eller
har svenska som andraspråk.

– {{c7:Jag trodde att våra kallelser var tydliga. Det var först när en pappa läste
upp vår text högt och sa att han inte förstod om hans dotter fick äta före operationen
som jag förstod hur de låter för den som är orolig}}, säger undersköterskan Anna Berg
på Ortopedmottagningen, som var med i projektgruppen.

Priset delas ut av hälso- och sjukvårdsdirektören Birgitta Lönnqvist vid
kvalitetsdagen den 2 december. Prissumman, 25 000 kronor, ska användas till att sprida
de nya kallelserna till primärvården.

*Taggar: patientsamverkan, kallelser, Rävnäspriset*
""",
    )


# ------------------------------------------- Ashcombe and Wendle NHS Foundation Trust (English)


def annual_report() -> None:
    write_pdf(
        "ppi_annual_report_2019-20.pdf",
        "Patient and Public Involvement Annual Report 2019/20",
        paras("""
Ashcombe and Wendle NHS Foundation Trust. Presented to the Quality and Safety Committee, June 2020.

## 1. Foreword from the Chief Nurse

This report describes how patients, carers and members of the public were involved in shaping our services during 2019/20. It has been a year of growth, cut short in March by the first wave of COVID-19, when most face-to-face activity was paused. {{c5:Involvement has moved forward fastest in the services where the matron or clinical lead has personally championed it, and slowest where it was delegated to whoever had time.}} Dr Helen Marsh, Chief Nurse.

## 2. Patient Partners Panel

In April 2019 the Patient Reference Group, which had met since 2012, was relaunched as the Patient Partners Panel (PPP). Membership grew from 9 to 23 and the Panel now reviews every new patient information leaflet and takes part in the annual review of complaints themes. {{c3:The relaunch taught us that advertising in GP surgeries alone brings in people who already know the system; the eight members recruited through community groups in Brackley Moor have changed the conversation.}}

## 3. Patient stories at Trust Board

Since 2014 every public meeting of the Trust Board has opened with a patient story, told in person or on film by a patient or carer. In 2019/20 eleven stories were heard, including two from young people using the children's diabetes service.

## 4. Fresh Eyes walkabouts

Our Fresh Eyes walkabouts, based on the 15 Steps Challenge, began in 2017/18. In 2019/20 teams of one patient partner and one member of staff visited 31 wards and departments and recorded their first impressions. {{c4:Wards now receive a written summary within a week and are re-visited after three months, because the early walkabouts produced reports that nobody followed up.}}

## 5. Stroke Journeys

The experience-based co-design (EBCD) project Stroke Journeys on Ward 7 at Ashcombe General Hospital started in 2018/19 and completed in 2019/20. Fourteen patients and carers were filmed, and mixed groups of patients, carers and staff agreed six priorities, which were tested in PDSA cycles. A separate summary is available.

## 6. Renal Peer Mentors

The Renal Peer Mentor scheme was established in 2015. Eight trained mentors, all with experience of dialysis, meet patients who are starting treatment and support those who choose to learn home haemodialysis. {{c6:Peer mentors need a clear line about what they can and cannot advise on; two mentors were asked medication questions they felt unable to answer, and we have since introduced a short guide and a named nurse to refer to.}}

## 7. Priorities for 2020/21

Restart involvement activity safely, including virtual meetings; write a new Patient Experience Strategy for 2021–2024 together with the Patient Partners Panel; and agree a payment policy for patient partners.
"""),
    )


def board_minutes() -> None:
    write_docx(
        "trust_board_minutes_2022-07-14.docx",
        "Minutes of the Public Trust Board Meeting",
        [
            (
                "p",
                "Ashcombe and Wendle NHS Foundation Trust. Held on Thursday 14 July 2022 at 10:00 in the Boardroom, Wendle Community Hospital.",
            ),
            (
                "p",
                "Present: Owen Pryce (Chair), Dr Helen Marsh (Chief Nurse), Gareth Lloyd (Non-Executive Director), Fiona Carver (Non-Executive Director), Dr Samir Nadeem (Medical Director), Rachel Upton (Director of Strategy), Martin Hale (Director of Finance). In attendance: Priya Raman (Head of Patient Experience), Sandra Okafor (patient partner, item 6), Mrs D. (carer, item 2). Minutes: Joanne Reece, Board Secretary.",
            ),
            ("h2", "1. Welcome and apologies"),
            (
                "p",
                "The Chair welcomed members and the public. Apologies were received from the Chief Executive.",
            ),
            ("h2", "2. Patient story"),
            (
                "p",
                "Mrs D. described the discharge of her husband from Ward 12 in May, when he waited nine hours for transport and medication and she was not told what was happening. The Board thanked Mrs D. for sharing her experience. {{c7:The Chair observed that the Board had discussed discharge delays as a number for two years, and that hearing one family's account had done more to focus minds than any of the reports.}}",
            ),
            ("h2", "3. Minutes of the previous meeting and matters arising"),
            (
                "p",
                "The minutes of 12 May 2022 were approved. Matters arising are covered in the action log.",
            ),
            ("h2", "4. Citizens' Jury on urgent care: report and recommendations"),
            (
                "p",
                "Rachel Upton presented the report of the Ashcombe Citizens' Jury. Eighteen residents, selected by stratified random sampling, met over four days in March 2022 to consider how urgent care should be organised across the two towns, and made nine recommendations. {{c5:Non-executive director Gareth Lloyd said that the Board must respond formally to every recommendation, including those it could not accept, as the credibility of the jury depended on it.}} The Board agreed to publish a response by September.",
            ),
            ("h2", "5. Outpatient text message reminders: evaluation"),
            (
                "p",
                "Martin Hale presented the evaluation of the text reminder service introduced in 2020/21. The service was designed by the Digital Services team and the outpatient booking team, and patients receive a reminder seven days and two days before their appointment. The did-not-attend rate fell from 9.2% to 7.1%. The Board noted the evaluation.",
            ),
            ("h2", "6. Patient Partners Panel: annual update"),
            (
                "p",
                "Priya Raman and Sandra Okafor presented the annual update. The Panel met ten times, reviewed 27 leaflets and took part in Fresh Eyes walkabouts again after the pandemic pause. {{c2:Sandra Okafor asked that expenses be paid within two weeks rather than at month end, explaining that some members had stopped claiming because they could not afford to wait.}} This was agreed.",
            ),
            ("h2", "7. Any other business"),
            ("p", "None. The next public meeting will be held on 8 September 2022."),
            ("h2", "Action log"),
            (
                "table",
                [
                    ["Ref", "Action", "Lead", "Due", "Status"],
                    [
                        "TB22/41",
                        "Publish the Board's response to each Citizens' Jury recommendation",
                        "R. Upton",
                        "Sep 2022",
                        "Open",
                    ],
                    [
                        "TB22/42",
                        "Review discharge transport for Ward 12 following the patient story",
                        "H. Marsh",
                        "Sep 2022",
                        "Open",
                    ],
                    [
                        "TB22/43",
                        "Change expenses process for patient partners to a two-week turnaround",
                        "M. Hale",
                        "Aug 2022",
                        "Open",
                    ],
                    [
                        "TB22/38",
                        "Add text reminders to community clinics",
                        "M. Hale",
                        "Jul 2022",
                        "Closed",
                    ],
                ],
            ),
        ],
    )


def interview_en() -> None:
    write_text(
        "interview_participant3_renal_peer_mentor.txt",
        """
Project: Evaluation of involvement roles, Ashcombe and Wendle NHS FT
Interview 3 of 7. Date: 9 March 2023. Duration: 41 minutes.
Participant 3: Renal Peer Mentor since 2016, on home haemodialysis.
Transcription: intelligent verbatim. [inaudible] marks unclear speech.

Interviewer: Thanks for agreeing to talk to me. Could you start by telling me how you
became a peer mentor?

Participant 3: [00:00:41] Yes. I'd been on dialysis about three years, and the renal
nurse asked if I'd do the training. The scheme had started the year before, there were
only three of us then.

Interviewer: What was it like at the beginning?

Participant 3: [00:01:30] Honestly a bit awkward. {{c1:The nurses didn't really know what
to do with me at first. It was only after I'd been coming in every Tuesday for months that
they started saying, go and see bed four, he's struggling.}}

Interviewer: Has anything changed in how the staff work, do you think?

Participant 3: [00:03:12] I think so. {{c7:One of the consultants told me he'd changed how
he explains home dialysis after sitting in on one of my chats, because he realised he
always started with the machine and I always start with the holidays.}}

Interviewer: And what has it been like for you personally?

Participant 3: [00:05:50] Mostly good. But {{c6:you carry other people's worries home with
you. I've learnt I have to tell the team when it gets too much, and that's allowed now, it
wasn't at the start.}}

Interviewer: The role became paid in 2021, is that right?

Participant 3: [00:07:04] Sessional, yes. {{c2:Being paid made a difference, not just the
money, it meant I was on the rota and people expected me.}} Before that I'd sometimes not
come in when I was tired, and nobody really noticed.

Interviewer: Is there anything else you'd like to add?

Participant 3: [00:08:20] Just that the training for new mentors is better now. We do
part of it ourselves, the experienced mentors, with one of the nurses.

Interviewer: Thank you, that's really helpful.
""",
    )


def focus_group() -> None:
    write_text(
        "carers_focus_group_2023-05-23.txt",
        """
FOCUS GROUP TRANSCRIPT – CARERS' PASSPORT
Ashcombe and Wendle NHS Foundation Trust, Patient Experience Team
Date: 23 May 2023, Carers' Centre, Wendle. Six carers took part (C1–C6).
Facilitator: Head of Patient Experience. Co-facilitator: a carer partner.

FACILITATOR: Welcome, everyone. The Carers' Passport was introduced in 2019/20 so that
carers can be recognised on the wards, visit outside normal hours and agree with the team
how they want to be involved. We'd like to hear how it has worked for you.

C2: {{c1:On the ward where they knew me it worked brilliantly, but when Mum moved wards I
had to start from scratch explaining who I was, even with the passport.}}

FACILITATOR: So the relationship with the ward mattered more than the card?

C2: Yes, the card opens the door but it's the people who let you in.

C4: Can I say something about the surveys? {{c4:We filled in that survey twice and never
heard anything back, so why would I do it again?}}

FACILITATOR: That's fair. Who else hasn't been asked before?

C1: {{c3:Most of the carers I know wouldn't come to something like this, they're working or
they don't speak English well, you have to go to them.}}

C3: For me the best bit was the "about me" page. {{c7:Once the staff nurse read what I'd
written on the passport about how Dad reacts when he's frightened, she changed how she
approached him at night.}}

FACILITATOR: C6, you helped design the passport leaflet, didn't you?

C6: I did. {{c6:I was glad to help design the leaflet but I didn't expect it to stir up all
the memories of his last months; someone should have warned us.}}

C5: And the free parking that comes with it, don't take that away.

FACILITATOR: Thank you all. We'll send you a summary of what we heard and what we plan to
do about it.
""",
    )


def strategy() -> None:
    write_docx(
        "patient_experience_strategy_2021-2024.docx",
        "Patient Experience Strategy 2021–2024: Listening, Involving, Changing",
        [
            (
                "p",
                "Ashcombe and Wendle NHS Foundation Trust. Approved by the Trust Board, March 2021. Written with the Patient Partners Panel.",
            ),
            ("h1", "1. Foreword"),
            (
                "p",
                "This strategy sets out how we will listen to patients, carers and communities, involve them in designing and improving care, and show what has changed as a result.",
            ),
            ("h1", "2. Where we are now"),
            (
                "bullet",
                "The Patient Partners Panel (formerly the Patient Reference Group) has advised the Trust since 2012.",
            ),
            ("bullet", "A Patient Story has opened every public Trust Board meeting since 2014."),
            (
                "bullet",
                "Fresh Eyes walkabouts bring patient partners onto our wards to give first impressions.",
            ),
            (
                "bullet",
                "The Renal Peer Mentor scheme supports people starting dialysis and those learning home haemodialysis.",
            ),
            (
                "bullet",
                "The Carer Partnership scheme, known on the wards as the Carers' Passport, agrees with each carer how they want to be involved and names a contact on the ward.",
            ),
            ("h1", "3. What we have learned"),
            (
                "p",
                "{{c4:People tell us they are willing to give their time, but they want to know what happened as a result; from 2021 every involvement activity will end with a \u201cyou said, we did\u201d summary.}}",
            ),
            (
                "p",
                "{{c5:Involvement that depends on one enthusiastic person stops when that person moves on; it needs to be part of every care group's business plan.}}",
            ),
            (
                "p",
                "{{c2:We will pay patient partners for their time at a standard rate and reimburse expenses promptly, because unpaid involvement excludes people on low incomes.}}",
            ),
            ("h1", "4. Our commitments 2021–2024"),
            (
                "table",
                [
                    ["Commitment", "By when"],
                    ["Hold a Citizens' Jury on the future of urgent care", "2022"],
                    ["Extend Fresh Eyes walkabouts to community services", "2022/23"],
                    ["Introduce paid sessional roles for peer mentors", "2021/22"],
                    ["Publish a you said, we did report every quarter", "From 2021"],
                ],
            ),
            ("h1", "5. How we will know"),
            (
                "p",
                "We will report progress to the Quality and Safety Committee twice a year and to the Board annually, together with the Patient Partners Panel.",
            ),
        ],
    )


HTML_EN = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Get involved | Ashcombe and Wendle NHS Foundation Trust</title></head>
<body>
<div class="cookie-consent" role="dialog">
  <p>We use cookies to make this website work and to understand how it is used.
  <a href="/cookies">Cookie settings</a></p>
  <button>Accept all cookies</button> <button>Reject non-essential</button>
</div>
<header>
  <a href="/" class="brand">Ashcombe and Wendle NHS Foundation Trust</a>
  <nav aria-label="Main">
    <ul>
      <li><a href="/services">Our services</a></li>
      <li><a href="/visiting">Patients and visitors</a></li>
      <li><a href="/careers">Work for us</a></li>
      <li><a href="/about">About us</a></li>
      <li><a href="/contact">Contact</a></li>
    </ul>
  </nav>
</header>
<main>
<h1>Get involved</h1>
<p>There are many ways you can help us improve care at Ashcombe General Hospital, Wendle
Community Hospital and in our community services.</p>

<h2>Join the Patient Partners Panel</h2>
<p>The Patient Partners Panel meets monthly, in person and online. Members review leaflets,
take part in interviews for senior staff and help us decide priorities. We pay for your
time and travel. {{c1:Many of our panel members say it took them a few meetings to feel
confident enough to challenge a consultant, so we pair every new member with an
experienced buddy.}}</p>

<h2>Fresh Eyes walkabouts</h2>
<p>Visit a ward with a member of staff and tell us what you notice in the first fifteen
steps. No experience needed; we provide a short training session.</p>

<h2>Carers' Passport</h2>
<p>If you look after someone who is in hospital, ask the ward for a Carers' Passport.</p>

<h2>Citizens' Jury 2022: what happened next</h2>
<p>In March 2022 eighteen local residents took part in our first Citizens' Jury, on the
future of urgent care. The Board's response to all nine recommendations is published
below, and six are now being put into practice.</p>
</main>
<footer>
  <ul>
    <li><a href="/accessibility">Accessibility</a></li>
    <li><a href="/privacy">Privacy notice</a></li>
    <li><a href="/foi">Freedom of information</a></li>
  </ul>
  <p>Ashcombe General Hospital, Moor Road, Ashcombe. Switchboard 01632 960 000.</p>
  <p>&copy; Ashcombe and Wendle NHS Foundation Trust</p>
</footer>
</body>
</html>
"""


def newsletter() -> None:
    write_text(
        "involvement_matters_newsletter_autumn_2023.md",
        """
# Involvement Matters

**Autumn 2023 · Issue 14 · News for patient partners, carers and staff**

## Learning from Sweden: a visit to Region Rävnäs

In September three members of the Patient Partners Panel and two staff visited Region
Rävnäs in Sweden, Ashcombe's partner region in a European learning network. We met the
Patient and Family Council (Patient- och närståenderådet) at Rävnäs lasarett, the
regional hospital, and spent a day with the Experience Experts programme
(Erfarenhetsexpertprogrammet) at the psychiatric clinic in Tallvik, which has employed
people with lived experience of mental illness since 2016.

{{c5:What struck our team was that the Swedish experience experts are written into the
clinic's staffing establishment, so the roles do not disappear when a project ends.}}

Our hosts also showed us their plain-language appointment letters, rewritten with
patients. We will bring the idea to the Panel in November.

## Fresh Eyes reaches 100 visits

Our walkabout teams completed their 100th visit in July, at the Wendle Minor Injuries
Unit. Thank you to everyone who has taken part.

## Dates for your diary

- Patient Partners Panel: 7 November, 2 pm, online and in the Education Centre
- Carers' Week coffee morning: 14 November, Carers' Centre, Wendle
""",
    )


def text_reminders() -> None:
    write_pdf(
        "outpatient_text_reminders_evaluation_2021.pdf",
        "Evaluation of the Outpatient Text Message Reminder Service, 2020/21",
        paras("""
Ashcombe and Wendle NHS Foundation Trust, Digital Services Directorate. Version 1.0, June 2021.

## 1. Summary

In 2020/21 the Trust introduced automated text message reminders for all outpatient appointments. Patients with a mobile number on record receive a reminder seven days and two days before their appointment and can reply to cancel. The did-not-attend rate fell from 9.2% to 7.1%, releasing an estimated 4,100 appointments a year.

## 2. How the service was developed

The service was specified by the Digital Services team and the outpatient booking team, with Information Governance approving the message wording. The supplier was procured through a national framework. The service went live in three phases between October 2020 and March 2021.

## 3. Results

Reminders were sent for 212,000 appointments. 3.8% of messages failed because numbers were out of date. Cancellations by reply increased, allowing slots to be rebooked.

## 4. Lessons learned

Integration with the patient administration system should have been tested before the first phase went live. Mobile numbers need to be checked at every contact. The reply-to-cancel function needs staff cover at weekends.

## 5. Recommendations

Extend reminders to community clinics and radiology, and add a second language option in 2021/22.
"""),
    )


def stroke_summary() -> None:
    write_text(
        "stroke_journeys_ebcd_summary_2020.txt",
        """
STROKE JOURNEYS – EXPERIENCE-BASED CO-DESIGN ON WARD 7
Final summary, May 2020
Ashcombe General Hospital, Stroke Unit (Ward 7)

Background
Stroke Journeys used experience-based co-design (EBCD) to improve the experience of
patients and carers in the first week after a stroke. The project ran from 2018/19 to
2019/20 with support from the Trust's improvement team.

What we did
- Observed the ward and interviewed 12 staff (autumn 2018).
- Filmed interviews with 14 patients and carers and edited a 25-minute trigger film.
- Held a patient and carer event and a staff event, then a joint event (June 2019).
- Four co-design groups of patients, carers and staff worked on six priorities and
  tested changes in PDSA cycles (July 2019 to February 2020).

What changed
- A "first night" welcome pack and a picture board for patients with aphasia.
- Carers can stay past 8 pm in the first 72 hours.
- A named nurse introduces themselves to the family within 24 hours.

What we learned
{{c7:Watching the trigger film was the first time many staff had heard what the first
night on the unit is like for a patient who cannot speak.}}
{{c2:Holding the co-design groups in the afternoon and providing transport meant that
patients with mobility problems could attend; the first morning session had only two
patients.}}
{{c1:Patients said that seeing the same staff members at every session made them trust
that their suggestions would not be forgotten.}}

Next steps
The changes are now part of the ward's standard operating procedures. The project closed
in March 2020.
""",
    )


# ------------------------------------------------------------------------------------ gold

VB = "verksamhetsberattelse_2022_patientsamverkan.pdf"
PROT = "protokoll_halso_och_sjukvardsnamnden_2021-03-18.txt"
INT_SV = "intervju_ip2_erfarenhetsexpert_2023.txt"
REF = "referensgruppen_egenvardsskolan_2023-02-09.md"
WEB_SV = "ravnas_var_med_och_paverka.html"
LAGE = "lagesrapport_ungas_rost_i_varden_2024.docx"
SLIDES = "dialogforum_ravnas_2019_presentation.pdf"
SNABB = "slutrapport_projekt_snabbsvar_2021.txt"
NYHET = "intranat_nyhet_begripliga_brev_2021.md"
AR = "ppi_annual_report_2019-20.pdf"
MIN = "trust_board_minutes_2022-07-14.docx"
INT_EN = "interview_participant3_renal_peer_mentor.txt"
FG = "carers_focus_group_2023-05-23.txt"
STRAT = "patient_experience_strategy_2021-2024.docx"
WEB_EN = "ashcombe_get_involved.html"
NEWS = "involvement_matters_newsletter_autumn_2023.md"
SMS = "outpatient_text_reminders_evaluation_2021.pdf"
STROKE = "stroke_journeys_ebcd_summary_2020.txt"


def ini(id_, name, aliases, start, end, active, ongoing, methods, levels, roles, documents):
    return {
        "id": id_,
        "name": name,
        "aliases": aliases,
        "start": start,
        "end": end,
        "active_years": active,
        "ongoing": ongoing,
        "methods": methods,
        "levels": levels,
        "ppe_roles": roles,
        "documents": documents,
    }


INITIATIVES = [
    ini(
        "i01",
        "Patient- och närståenderådet",
        ["Patientrådet", "Patient and Family Council"],
        2011,
        None,
        [],
        True,
        ["dialogue_meetings", "co_evaluation"],
        ["meso"],
        ["informant", "evaluator"],
        [VB, PROT, INT_SV, WEB_SV, NEWS],
    ),
    ini(
        "i02",
        "Erfarenhetsexpertprogrammet",
        ["erfarenhetsexperter", "Experience Experts programme", "experience experts"],
        2016,
        None,
        [],
        True,
        ["ppe_as_staff", "learning_education"],
        ["micro", "meso"],
        ["staff", "educator"],
        [VB, INT_SV, WEB_SV, NEWS],
    ),
    ini(
        "i03",
        "Ungas röst i vården",
        ["URV", "ungdomsrådet"],
        2022,
        None,
        [],
        True,
        ["dialogue_meetings", "co_design"],
        ["meso", "macro"],
        ["informant", "co_designer"],
        [VB, WEB_SV, LAGE],
    ),
    ini(
        "i04",
        "Dialogforum Rävnäs",
        ["Dialogforum"],
        2015,
        2019,
        [2015, 2017, 2019],
        False,
        ["dialogue_meetings"],
        ["macro"],
        ["informant", "participant"],
        [PROT, SLIDES, LAGE],
    ),
    ini(
        "i05",
        "Egenvårdsskolan för KOL",
        ["Egenvårdsskolan", "KOL-skolan"],
        2014,
        None,
        [],
        True,
        ["self_management", "learning_education", "ppe_driven", "care_agreement"],
        ["micro"],
        ["leader", "educator", "participant"],
        [VB, REF],
    ),
    ini(
        "i06",
        "Begripliga brev",
        ["brevprojektet"],
        2020,
        2021,
        [],
        False,
        ["co_design", "co_evaluation"],
        ["meso"],
        ["co_designer", "evaluator"],
        [VB, PROT, NYHET],
    ),
    ini(
        "i07",
        "Patient Partners Panel",
        ["Patient Reference Group", "PPP"],
        2012,
        None,
        [],
        True,
        ["dialogue_meetings", "co_evaluation"],
        ["meso", "macro"],
        ["informant", "evaluator"],
        [AR, MIN, STRAT, WEB_EN, NEWS],
    ),
    ini(
        "i08",
        "Patient stories at Trust Board",
        ["Patient story"],
        2014,
        None,
        [],
        True,
        ["storytelling"],
        ["macro"],
        ["informant"],
        [AR, MIN, STRAT],
    ),
    ini(
        "i09",
        "Fresh Eyes walkabouts",
        ["Fresh Eyes"],
        2017,
        None,
        [],
        True,
        ["co_evaluation"],
        ["micro"],
        ["evaluator"],
        [AR, MIN, STRAT, WEB_EN, NEWS],
    ),
    ini(
        "i10",
        "Stroke Journeys",
        ["EBCD", "experience-based co-design"],
        2018,
        2020,
        [],
        False,
        ["co_design", "storytelling", "quality_improvement"],
        ["micro"],
        ["co_designer", "informant"],
        [AR, STROKE],
    ),
    ini(
        "i11",
        "Renal Peer Mentor scheme",
        ["Renal Peer Mentors", "peer mentor"],
        2015,
        None,
        [],
        True,
        ["ppe_as_staff", "self_management", "learning_education"],
        ["micro"],
        ["staff", "educator"],
        [AR, INT_EN, STRAT],
    ),
    ini(
        "i12",
        "Ashcombe Citizens' Jury",
        ["Citizens' Jury"],
        2022,
        2022,
        [],
        False,
        ["dialogue_meetings"],
        ["macro"],
        ["informant"],
        [MIN, STRAT, WEB_EN],
    ),
    ini(
        "i13",
        "Carers' Passport",
        ["Carer Partnership scheme"],
        2019,
        None,
        [],
        True,
        ["care_agreement", "person_centred_care"],
        ["micro"],
        ["participant"],
        [FG, STRAT, WEB_EN],
    ),
]

NON_INITIATIVES = [
    {
        "name": "Projekt Snabbsvar – ny provlogistik på Laboratoriemedicin (2020–2021)",
        "documents": [SNABB, PROT],
    },
    {"name": "Outpatient text message reminder service (2020/21)", "documents": [SMS, MIN]},
]

CLUSTERS = {
    "c01": "Relationships and trust take time and continuity",
    "c02": "Practical conditions: payment, timing and accessibility",
    "c03": "Reaching beyond the usual voices",
    "c04": "Closing the loop: feedback and visible change",
    "c05": "Leadership ownership and organisational anchoring",
    "c06": "Role clarity, boundaries and the wellbeing of people with lived experience",
    "c07": "Experience stories shift staff perspectives",
}


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for old in DOCS.iterdir():
        old.unlink()
    verksamhetsberattelse()
    namndprotokoll()
    intervju()
    referensgrupp()
    write_text(WEB_SV, HTML_SV)
    lagesrapport()
    bildspel()
    snabbsvar()
    intranatnyhet()
    annual_report()
    board_minutes()
    interview_en()
    focus_group()
    strategy()
    write_text(WEB_EN, HTML_EN)
    newsletter()
    text_reminders()
    stroke_summary()
    gold = {
        "corpus": "heldout-ravnas",
        "languages": ["en", "sv"],
        "initiatives": INITIATIVES,
        "non_initiatives": NON_INITIATIVES,
        "lessons": LESSONS,
        "clusters": CLUSTERS,
    }
    (HERE / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
