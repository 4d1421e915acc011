"""Generate the held-out Hallsta corpus: documents/ and gold.json.

Written blind (without reading the engine or other corpora). Lessons are marked
in the texts below as {{cN:...}}; the markers are stripped from the documents and
the spans recorded verbatim in gold.json. Output is byte-identical on rerun: all
dates and metadata are fixed, DOCX zips get a fixed timestamp, PDFs are invariant.

Run: /work/venv/bin/python benchmarks/corpora/heldout-hallsta/_make.py
"""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

HERE = Path(__file__).resolve().parent
OUT = HERE / "documents"
MARK = re.compile(r"\{\{c(\d+):(.*?)\}\}", re.S)
LESSONS: list[dict] = []


def strip(doc: str, text: str) -> str:
    """Record every {{cN:...}} span of `text` as a lesson of `doc`; return clean text."""

    def rec(m: re.Match) -> str:
        span = re.sub(r"\s+", " ", m.group(2)).strip()
        LESSONS.append({"document": doc, "text": span, "cluster": f"c{int(m.group(1)):02d}"})
        return m.group(2)

    return MARK.sub(rec, text)


def blocks(text: str) -> list[tuple[str, object]]:
    """Mini-markup for DOCX/PDF: '# '/'## ' headings, '| a | b |' table rows, blank-line paragraphs."""
    out: list[tuple[str, object]] = []
    for chunk in re.split(r"\n\s*\n", text.strip()):
        lines = chunk.strip().splitlines()
        if lines[0].startswith("|"):
            out.append(
                ("table", [[c.strip() for c in ln.strip().strip("|").split("|")] for ln in lines])
            )
        elif lines[0].startswith("## "):
            out.append(("h2", lines[0][3:]))
        elif lines[0].startswith("# "):
            out.append(("h1", lines[0][2:]))
        else:
            out.append(("p", " ".join(ln.strip() for ln in lines)))
    return out


def write_text(name: str, text: str) -> None:
    (OUT / name).write_text(strip(name, text).strip() + "\n", encoding="utf-8")


def write_pdf(name: str, title: str, author: str, text: str) -> None:
    ss = getSampleStyleSheet()
    story: list = []
    for kind, val in blocks(strip(name, text)):
        if kind == "table":
            t = Table([[Paragraph(escape(c), ss["BodyText"]) for c in row] for row in val])
            story += [t, Spacer(1, 0.3 * cm)]
        elif kind == "h1":
            story.append(Paragraph(escape(str(val)), ss["Title"]))
        elif kind == "h2":
            story.append(Paragraph(escape(str(val)), ss["Heading2"]))
        else:
            story.append(Paragraph(escape(str(val)), ss["BodyText"]))
            story.append(Spacer(1, 0.2 * cm))
    buf = io.BytesIO()
    SimpleDocTemplate(
        buf,
        pagesize=A4,
        invariant=1,
        title=title,
        author=author,
        creator="Region Hallsta",
        subject=title,
        producer="Region Hallsta",
    ).build(story)
    (OUT / name).write_bytes(buf.getvalue())


def write_docx(name: str, title: str, author: str, text: str) -> None:
    d = docx.Document()
    for kind, val in blocks(strip(name, text)):
        if kind == "table":
            rows = list(val)
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    t.cell(r, c).text = cell
        elif kind == "h1":
            d.add_heading(str(val), level=1)
        elif kind == "h2":
            d.add_heading(str(val), level=2)
        else:
            d.add_paragraph(str(val))
    cp = d.core_properties
    fixed = datetime(2024, 10, 1, 9, 0, 0)
    cp.title, cp.author, cp.last_modified_by = title, author, author
    cp.created = cp.modified = fixed
    cp.last_printed = fixed
    cp.revision = 1
    cp.comments = cp.keywords = cp.subject = cp.category = ""
    buf = io.BytesIO()
    d.save(buf)
    # Re-zip with fixed timestamps and order so reruns are byte-identical.
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for n in sorted(src.namelist()):
            info = zipfile.ZipInfo(n, date_time=(2024, 10, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, src.read(n))
    (OUT / name).write_bytes(out.getvalue())


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------

HANDLINGSPLAN = """
# Handlingsplan för patient- och närståendedelaktighet 2024–2026

Region Hallsta, Hälso- och sjukvårdsförvaltningen. Fastställd av hälso- och sjukvårdsnämnden 2024-02-14, § 23. Dnr HSN 2023/0412.

## 1. Bakgrund

Region Hallsta har arbetat med patienters och närståendes delaktighet på flera nivåer sedan Patientrådet vid Hallsta lasarett inrättades 2011. Rådet bytte 2018 namn till Patient- och närståenderådet (PNR) när närstående fick egna platser. Sedan dess har arbetet breddats: brukarspecialister anställdes i psykiatrin 2016, Hälsoskolan Lärkan leds av kursledare med egen erfarenhet av långvarig smärta, och Min vårdöverenskommelse (MVÖ) finns nu på elva av regionens sexton vårdcentraler. Genombrottsprogrammet Hjärtlyftet avslutades 2023 och erfarenheterna från de sju teamen tas tillvara när nästa program planeras.

Den förra planen (2020–2023) hade tjugotvå aktiviteter. Uppföljningen visade att {{c7:aktiviteter som byggde på en enskild eldsjäl avstannade när personen bytte tjänst, medan de som hade en utsedd förvaltningsägare och en skriftlig rutin levde vidare}}. Den nya planen har därför färre mål, och varje mål har en ägare.

## 2. Mål

Mål 1. Patienter och närstående ska involveras innan beslut om förändring fattas. {{c6:Erfarenheten från Akutverkstan är att synpunkter som kommer in efter att ritningarna låsts bara kan påverka detaljer, medan samma synpunkter i ett tidigt skede hade kunnat ändra hela flödet}}. Ägare: utvecklingsdirektören. Indikator: andel ärenden till nämnden där det framgår när och hur patienter involverats.

Mål 2. Den som bidrar ska få veta vad som hände med bidraget. Varje råd, panel och verkstad ska inom sex veckor skicka en skriftlig återkoppling till deltagarna. Ägare: respektive verksamhetschef. Indikator: andel möten där återkoppling skickats.

Mål 3. Ersättning och villkor ska vara lika i hela regionen. Regionens riktlinje för arvodering av patient- och närståendeföreträdare (dnr RS 2023/0198) ska tillämpas också i tidsbegränsade projekt. {{c1:När villkoren skilde sig mellan förvaltningarna tackade framför allt yngre personer och personer i arbete nej, vilket gav en skev bild av vilka som ville vara med}}. Ägare: ekonomidirektören.

Mål 4. Brukarrevision ska genomföras i psykiatrisk öppenvård under 2025, i samverkan med Föreningen Sinnesro Hallsta och Hallsta kommun. Ägare: verksamhetschef psykiatri.

Mål 5. Ett ungdomsråd, Unga röster, ska starta under 2025. Se separat projektplan. Ägare: hälso- och sjukvårdsdirektören.

Mål 6. Alla nyanställda chefer ska under introduktionen möta en erfarenhetsexpert från Regionala funktionshinderrådet eller Patient- och närståenderådet. Ägare: HR-direktören.

## 3. Uppföljning

Planen följs upp i delårsrapporterna och i årsredovisningen. Nämnden får en samlad redovisning i februari varje år.

| Mål | Ägare | Första uppföljning |
| 1 | Utvecklingsdirektör | Delårsrapport augusti 2024 |
| 2 | Verksamhetschefer | Delårsrapport augusti 2024 |
| 3 | Ekonomidirektör | Årsredovisning 2024 |
| 4 | Verksamhetschef psykiatri | Årsredovisning 2025 |
| 5 | Hälso- och sjukvårdsdirektör | Delårsrapport april 2025 |
| 6 | HR-direktör | Årsredovisning 2024 |
"""

DELARSRAPPORT = """
# Delårsrapport januari–augusti 2023

Hälso- och sjukvårdsnämnden, Region Hallsta. Behandlad av nämnden 2023-09-27.

## Sammanfattning

Nämnden prognostiserar ett underskott om 38 mnkr för helåret, främst till följd av ökade kostnader för inhyrd personal. Tillgängligheten i primärvården har förbättrats medan väntetiderna till planerade operationer fortfarande ligger över målet.

## Ekonomi

| Område | Budget (mnkr) | Prognos (mnkr) | Avvikelse |
| Primärvård | 1 412 | 1 420 | -8 |
| Specialiserad somatisk vård | 3 955 | 3 990 | -35 |
| Psykiatri | 812 | 807 | 5 |

## Utvecklingsarbete

Projekt Kapacitetsstyrning, som införde en gemensam vårdplatskoordinering för lasaretten i Hallsta och Brännvik, avslutades i mars 2023 enligt plan. Projektet var ett internt logistikprojekt och slutrapporten finns hos förvaltningens kansli.

Nybyggnationen av akutmottagningen (hus A7) följer tidplanen; inflyttning planeras till hösten 2025.

Hjärtlyftet, regionens genombrottsprogram för hjärtsviktsvård, pågår med sju team från sjukhus och vårdcentraler. Varje team har minst en patient eller närstående som deltar i teamets möten och i lärandeseminarierna. Programmet avslutas med ett sista lärandeseminarium i november 2023.

Njurkollen, appen för egenmätning vid hemdialys, används nu av 46 patienter. Utvecklingen sker fortsatt tillsammans med en grupp patienter. {{c2:Antalet aktiva i patientgruppen har ökat sedan utvecklingsteamet började visa vilka förslag som blivit ändringar i varje ny version}}.

Min vårdöverenskommelse (MVÖ) har införts på ytterligare två vårdcentraler och finns nu på elva.

Det fallförebyggande programmet Stå stadigt har erbjudits 1 240 personer över 75 år; 61 procent har tackat ja till hembesök av arbetsterapeut.

Patient- och närståenderådet har haft fyra möten under perioden. {{c7:Rådet har i år för första gången ersatt avgående ledamöter med överlappning, så att nya och gamla ledamöter deltagit vid samma möten, vilket enligt rådets ordförande gjort att frågor inte behövt börja om från början}}.

## Medarbetare

Sjukfrånvaron har minskat till 6,1 procent. Rekryteringsläget för specialistsjuksköterskor är fortsatt ansträngt.
"""

HSN_2019 = """
REGION HALLSTA
Hälso- och sjukvårdsnämnden

PROTOKOLL
Sammanträdesdatum: 2019-11-20
Plats och tid: Regionhuset, sal Ljusnan, kl. 09.00–12.10

Beslutande: Anders Wiklöf (M), ordförande; Karin Össby (S), vice ordförande; Jan-Erik Tall (C); Sofia Rahimi (S); Göran Lestander (KD); Mona Blixt (V); Per Huss (SD)
Övriga: Lena Fagerholm, hälso- och sjukvårdsdirektör; Elin Sjöberg, nämndsekreterare
Justerare: Karin Össby

§ 141 Val av justerare
Nämnden utser Karin Össby att jämte ordföranden justera protokollet.

§ 142 Godkännande av dagordning
Dagordningen godkänns.

§ 143 Finansiering av fortsatt utveckling av Njurkollen
Dnr HSN 2019/0877
Njurkollen är en app för egenmätning och egenrapportering för patienter i hemdialys. Utvecklingen har pågått sedan våren 2019 tillsammans med fem patienter och två sjuksköterskor vid njurmedicinska kliniken, Hallsta lasarett. Patienterna har deltagit i alla skisser och tester. Förvaltningen föreslår att utvecklingen fortsätter under 2020 och att appen prövas av samtliga hemdialyspatienter.
Beslut
Nämnden beslutar att avsätta 1,2 mnkr under 2020 för fortsatt utveckling av Njurkollen.

§ 144 Första kvarten avslutas i nuvarande form
Dnr HSN 2019/0901
Sedan 2014 har varje sammanträde med regionledningsgruppen inletts med att en patient eller närstående berättat om sina erfarenheter, den så kallade Första kvarten. Regiondirektören föreslår att formen avslutas vid årsskiftet och att berättelserna i stället förs in i verksamheternas egna ledningsgrupper. Av tjänsteskrivelsen framgår att {{c4:flera berättare efteråt beskrivit att det var påfrestande att berätta om svåra händelser inför en stor grupp chefer utan att veta vad som hände sedan, och att de hade behövt ett samtal efteråt}}. {{c2:Tjänsteskrivelsen konstaterar också att inslaget efter fem år riskerade att bli en ritual som inleder mötet men inte påverkar dagordningen}}.
Yrkanden
Mona Blixt (V) yrkar att nämnden ska få en redovisning av hur berättelserna används i verksamheterna.
Beslut
Nämnden noterar informationen och ställer sig bakom att Första kvarten avslutas 2019-12-31. Nämnden bifaller Mona Blixts yrkande.

§ 145 Projekt Kapacitetsstyrning – information
Dnr HSN 2019/0650
Projektet startar i januari 2020 och ska införa en gemensam vårdplatskoordinering för lasaretten i Hallsta och Brännvik. Projektgruppen består av vårdenhetschefer, vårdplatskoordinatorer och representanter för IT-avdelningen.
Beslut
Nämnden noterar informationen.

§ 146 Meddelanden
Förteckning över delegationsbeslut för oktober 2019 läggs till handlingarna.

Vid protokollet
Elin Sjöberg

Justeras
Anders Wiklöf          Karin Össby
"""

SOCIALNAMND_2018 = """
HALLSTA KOMMUN
Socialnämnden
SAMMANTRÄDESPROTOKOLL 2018-05-15

Plats: Kommunhuset, Tallen, kl. 13.15–16.00
Beslutande: Marita Engström (S), ordförande; Olof Brandt (M); Hanna Lindkvist (C); Reza Karimi (S); Birger Alm (L)
Tjänstepersoner: Kerstin Åhlund, socialchef; Jonas Wendel, sekreterare

§ 57 Ekonomisk uppföljning april 2018
Socialchefen redovisar uppföljningen. Nämnden prognostiserar ett överskott om 1,4 mnkr.
Beslut: Nämnden godkänner uppföljningen.

§ 58 Brukarrevision av boendestöd och psykiatrisk öppenvård 2018
Dnr SN 2018/112
Brukarrevisionen genomfördes under februari–april 2018 av sex brukarrevisorer från Föreningen Sinnesro Hallsta, på uppdrag av kommunen och Region Hallsta gemensamt. Det är tredje gången; tidigare brukarrevisioner gjordes 2012 och 2015. Revisorerna har intervjuat 41 personer som har boendestöd eller går på psykiatrisk öppenvårdsmottagning.
Förvaltningens yttrande: {{c2:Förvaltningen konstaterar att flera av förbättringsförslagen från 2015 återkom i årets revision, eftersom det inte fanns någon rutin för att redovisa vidtagna åtgärder för brukarrevisorerna}}. Förvaltningen föreslår därför ett gemensamt återföringsmöte med regionen.
Beslut: Nämnden ger socialchefen i uppdrag att tillsammans med regionen redovisa åtgärder med anledning av brukarrevisionen till nämnden och till Föreningen Sinnesro Hallsta senast 2018-11-30.

§ 59 Delegationsbeslut
Redovisade delegationsbeslut läggs till handlingarna.

Justerat 2018-05-21
Marita Engström, ordförande     Hanna Lindkvist, justerare
"""

FUNKTIONSHINDERRAD = """
# Regionala funktionshinderrådet – minnesanteckningar

**Datum:** 2022-10-04, kl. 13.00–15.30
**Plats:** Regionhuset, sal Ljusnan, samt via Teams

**Närvarande:**
- Peter Almgren, regionråd (ordförande)
- Göran Vik, Synskadades förening Hallsta
- Lena Aspholm, Hörselföreningen Hallsta
- Tomas Rönn, Föreningen Sinnesro Hallsta
- Eva Strand, Neuroföreningen Hallsta-Brännvik
- Nadia Berg, projektledare, fastighetsavdelningen (punkt 2)
- Sara Lindh, sekreterare

## 1. Föregående anteckningar

Anteckningarna från 2022-06-07 lades till handlingarna. Ordföranden påminde om att rådet funnits sedan 2008 och att arbetsordningen ska ses över under 2023.

## 2. Akutverkstan – återrapport

Nadia Berg redovisade resultat från Akutverkstan, de designverkstäder som hölls 2020–2021 inför nybyggnationen av akutmottagningen. Fem av tolv förslag finns med i bygghandlingarna. Göran Vik påpekade att ledstråken i entrén tillkom först efter att Synskadades förening själva bett om en extra verkstad. {{c6:Rådet enades om att funktionshinderperspektivet måste komma in redan i programskedet, eftersom tillgänglighet som läggs till i efterhand blir både dyrare och sämre}}.

## 3. Brukarrevision 2022

Tomas Rönn berättade att årets brukarrevision i psykiatrisk öppenvård och boendestöd är klar och att rapporten skickas till rådet i november.

## 4. Planerat ungdomsråd

Regionen planerar ett ungdomsråd. Lena Aspholm framhöll att {{c1:möten på dagtid under skoltid stänger ute just de unga man vill nå, och att den som har hörselnedsättning behöver skrivtolk som bokas i god tid}}. Rådet vill få projektplanen på remiss.

## 5. Övriga frågor

Eva Strand tog upp att {{c3:regionens remisser till rådet ofta är skrivna som om man kan förvaltningens förkortningar, och att föreningarna därför lägger mycket tid på att översätta dem till sina medlemmar}}. Sekreteraren tar fram en ordlista till nästa möte.

**Nästa möte:** 2022-12-06.
"""

PATIENTNAMND = """
# Patientnämnden Region Hallsta – Årsberättelse 2022

Patientnämnden är en fristående och opartisk instans som tar emot klagomål och synpunkter på hälso- och sjukvård och tandvård i Region Hallsta.

## Inledning

Under året har patientnämnden tagit emot 1 412 ärenden, en ökning med nio procent jämfört med 2021. Den största ökningen gäller primärvården. Kansliet har haft fem handläggare.

| Kategori | Antal ärenden | Andel |
| Vård och behandling | 498 | 35 % |
| Kommunikation | 376 | 27 % |
| Tillgänglighet | 301 | 21 % |
| Övrigt | 237 | 17 % |

## Teman under året

Kommunikation är den näst största ärendekategorin. {{c3:Många klagomål på kommunikation handlar inte om att information saknats utan om att den getts på ett språk som patienten inte förstått, till exempel medicinska termer i ett utskrivningsmeddelande}}. Nämnden rekommenderar att verksamheterna låter patienter läsa mallar för utskrivningsmeddelanden innan de tas i bruk.

## Samverkan

Under året har kansliet träffat Patient- och närståenderådet vid Hallsta lasarett två gånger för att diskutera mönster i klagomålen. {{c2:Rådets ledamöter påpekade att det är först när anonymiserade ärenden återförs till verksamheterna tillsammans med en redovisning av vilka åtgärder som vidtagits som klagomålen blir en källa till lärande och inte en arkivfråga}}.

Mellan 2014 och 2019 medverkade patientnämnden genom att förmedla kontakter med patienter som ville berätta i Första kvarten vid regionledningsgruppens möten. Nämnden har under 2022 fortsatt att förmedla berättare till introduktionsutbildningar för nya medarbetare.

## Ekonomi

Nämndens kostnader uppgick till 6,3 mnkr.
"""

INTERVJU_01 = """
Intervju 1 – brukarspecialist, allmänpsykiatrisk öppenvård, Hallsta lasarett
Datum: 2023-03-21. Längd: 48 min. Transkribering: ML.
Intervjuare: ML (utvärderare, FoU Hallsta). Informant: brukarspecialist, anonymiserad.
[ ] = ohörbart, ... = paus

Intervjuare: Kan du börja med att berätta hur du kom att bli brukarspecialist?

Informant: Ja. Jag var själv patient på mottagningen i, ja, ganska många år. När regionen 2016 startade Brukarspecialister i psykiatrin så var det en annons via Föreningen Sinnesro, och jag sökte. Vi var tre som började första året, efter en utbildning på tio veckor. Nu är vi fem brukarspecialister på två mottagningar.

Intervjuare: Hur tog personalen emot er i början?

Informant: Blandat... Några var jättepositiva. Andra visste inte vad vi skulle göra. {{c5:Det som hjälpte mest var att vi fick en skriftlig uppdragsbeskrivning där det stod vad en brukarspecialist gör och inte gör, för innan dess trodde en del att vi skulle vara något slags extra skötare}}. Den kom först efter ett år ungefär.

Intervjuare: Har det funnits situationer som varit svåra?

Informant: Absolut. Tystnadsplikten, till exempel, och att man möter folk man känner. {{c5:Man måste ha bestämt i förväg hur man gör när man möter någon som man känner från sin egen tid som patient, annars hamnar man i det mitt i ett samtal}}. Det har vi en rutin för nu.

Intervjuare: Och för dig själv, hur påverkar jobbet dig?

Informant: Det är ju min egen historia jag använder, det är det som är grejen. {{c4:Jag har lärt mig att jag behöver handledning med någon som inte är min chef, för det är min egen historia jag använder i jobbet och den tar ibland mer kraft än man tror}}.

Intervjuare: Har villkoren förändrats sedan starten?

Informant: Ja, det var arvode per timme de första två åren. {{c5:Sedan vi fick fast anställning med lön i stället för timarvode blev vi inbjudna till arbetsplatsträffarna, och det var först då vi blev en del av teamet}}.

Intervjuare: Vilka lärdomar skulle du vilja att andra regioner tog med sig?

Informant: [ ] ... Förra året slutade två av fem samtidigt och då var det nästan som att börja om. {{c7:Nu anställer vi två åt gången och låter den nya följa en erfaren kollega i en månad, så att det som vi har byggt upp inte försvinner med en person}}.

Intervjuare: Tack, då stänger jag av inspelningen.
"""

INTERVJU_02 = """
# Intervju med företrädare för närståendenätverket Bredvid

AL = Anna Lundgren, intervjuare (FoU Hallsta). BH = Birgitta Hedman, informant, en av grundarna av nätverket. Datum: 2022-09-08. Platsen: nätverkets lokal i Brännvik.

AL: Hur startade nätverket?

BH: Vi var fyra närstående till personer med demenssjukdom som brukade sitta i väntrummet på minnesmottagningen samtidigt. Det var 2013. Vi började ses på caféet varannan torsdag, och sedan 2013 har det vuxit till omkring 120 medlemmar i tre kommuner. Nätverket Bredvid drivs helt av oss närstående, men regionen och kommunerna ger bidrag och lånar ut lokaler.

AL: Hur ser ekonomin ut?

BH: Vi har brutet räkenskapsår, så verksamhetsåret 2019/20 var första gången vi fick ett treårigt bidrag från regionen. {{c1:Det är en stor skillnad att slippa lägga ut egna pengar för resor och fika, för de som har det tightast slutade annars komma}}.

AL: Hur samarbetar ni med vården?

BH: Vi håller närståendecaféer tillsammans med minnesmottagningen två gånger per termin, och vi föreläser på sjuksköterskornas introduktion. Sedan 2018 har vi en plats i Patient- och närståenderådet. {{c3:Vi fick lära oss att inte använda vårdens ord; när vi sa beteendemässiga och psykiska symtom nickade alla, men när vi berättade om natten då pappa inte kände igen mamma förstod de}}.

AL: Vad gör ni för dem som inte orkar vara så aktiva?

BH: Det är viktigt. {{c1:Den som är mitt i det orkar inte alltid sitta i en arbetsgrupp, så vi har lärt oss att ha sätt att vara med som kräver mindre, som att svara på ett par frågor per telefon}}. Och {{c4:efter att någon i nätverket har förlorat sin anhörige behöver man få stanna kvar ett tag om man vill, annars blir det en förlust till}}.

AL: Vad händer med nätverket när du slutar?

BH: Jag är 74, så det är en rimlig fråga. {{c7:Vi har skrivit ner hur allt fungerar i en pärm och på hemsidan, så att nätverket inte står och faller med mig eller Gunnel}}.

AL: Tack så mycket.
"""

INTERVIEW_03 = """
Interview 3 – Harrowden Community Health Trust (England), peer support lead
Recorded by video call, 14 June 2023. Duration 41 minutes.
Q = interviewer (Region Hallsta evaluation team). A = respondent, Head of Peer Support.

Q: Could you describe the peer support worker programme at Harrowden?

A: We started the Peer Support Worker Programme in 2012 with four posts in community mental health. Today we have thirty-one peer support workers across adult mental health, substance use and the memory service. Everyone in the role has their own lived experience of using services, and they are employed on the same pay scale as other support staff.

Q: What would you say made the posts work?

A: Honestly, the first three years were rocky. {{c5:The posts only worked once we stopped asking peer workers to be a bridge between patients and staff on everything; they need a defined caseload and the same supervision structure as any other clinician}}. We also learned that {{c5:a peer worker should never be the only person with lived experience in a team, because then every disagreement becomes about them personally}}.

Q: How do you look after the wellbeing of peer workers?

A: {{c4:We learned to build in a wellbeing plan from day one, agreed before the person starts, covering what they want colleagues to do if they become unwell}}. It is not about expecting people to be fragile. It is about not having that conversation for the first time in a crisis.

Q: You visited Region Hallsta in 2019. What did you take away?

A: We met the peer specialists in Hallsta, the brukarspecialisterna as I think you say, and compared notes on contracts. We also sat in on a regional leadership meeting that began with a patient telling her story; they called it the first quarter of an hour, Första kvarten. It was very powerful, though I understand it has stopped since.

Q: If another organisation were starting now, what would you say to them?

A: {{c6:If you design the role first and then recruit someone with lived experience into it, you have already lost half of what they could bring; our best posts were shaped together with the first post-holders}}.

Q: Thank you very much.
"""

FOKUSGRUPP = """
Fokusgrupp – Hälsoskolan Lärkan
Datum: 2023-05-10, kl. 17.30–19.00. Plats: Brännviks vårdcentral, samtalsrummet.
Moderator: Helena Strid, FoU Hallsta.
Deltagare: Ingrid (grundare, erfarenhetsexpert), Maj-Britt (tidigare kursdeltagare, nu kursledare), Leif (fysioterapeut och kursledare), Jonas (kursdeltagare 2022), Fatima (kursdeltagare 2023).
Transkriberad ordagrant. Namnen är fingerade.

Helena: Välkomna. Kan vi börja med att ni berättar hur Lärkan kom till?

Ingrid: Jag hade haft ont i ryggen i femton år och gått på alla möjliga kurser där någon stod och pratade. Jag tog kontakt med Leif 2015 och sa att vi borde göra en skola där vi som har ont också leder. Så vi startade Smärtskolan Lärkan på Brännviks vårdcentral hösten 2015.

Leif: Och 2020 bytte vi namn till Hälsoskolan Lärkan, när vi tog in deltagare med långvarig trötthet också.

Helena: Jonas, du gick kursen förra året. Hur var det?

Jonas: {{c3:När Maj-Britt sa att hon vet hur det är att inte kunna knäppa en knapp en dålig morgon hände något som inte händer när en fysioterapeut förklarar smärtfysiologi; man lyssnar på ett annat sätt}}. Jag hade hört samma saker förut men aldrig förstått dem.

Helena: Fatima?

Fatima: För mig var det praktiska viktigast. {{c1:Det som gjorde att jag kunde gå var att kursen låg på kvällstid och att man fick ligga ner under passen om man behövde}}.

Helena: Maj-Britt, hur är det att leda kursen med egen smärta?

Maj-Britt: Det är fint men det är inte alltid lätt. {{c4:Som kursledare med egen smärta måste jag få ha dåliga dagar, och därför är vi alltid två som leder varje tillfälle}}.

Helena: Vad har ni lärt er om hur man leder en sådan kurs tillsammans?

Leif: {{c5:Det tog mig ett par år att förstå att jag inte ska rätta Maj-Britt när hon beskriver sin smärta; vi har olika uppgifter i rummet och det måste vara tydligt för deltagarna vem som gör vad}}.

Maj-Britt: Ja, och det är skönt att Leif svarar på frågorna om medicinerna.

Helena: Ingrid, vad har betytt mest för att Lärkan fortfarande finns?

Ingrid: {{c7:Att kursen bytte namn och fick en egen budgetrad 2020 betydde mer för överlevnaden än alla goda utvärderingar, för då fanns den med i planeringen även när någon av oss var borta}}.

Helena: Tack, vi avrundar där.
"""

INTRANAT = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Hjärtlyftet avslutat – sju team visar resultat | Insidan</title>
</head>
<body>
<header class="site-header">
  <a class="logo" href="/">Insidan – Region Hallsta</a>
  <nav class="main-nav">
    <ul>
      <li><a href="/nyheter">Nyheter</a></li>
      <li><a href="/mitt-arbete">Mitt arbete</a></li>
      <li><a href="/stod-och-service">Stöd och service</a></li>
      <li><a href="/organisation">Organisation</a></li>
      <li><a href="/telefonlista">Telefonlista</a></li>
    </ul>
  </nav>
  <form class="search"><input type="search" placeholder="Sök på Insidan"></form>
</header>
<div class="breadcrumbs"><a href="/">Start</a> / <a href="/nyheter">Nyheter</a> / Hjärtlyftet avslutat</div>
<main>
<article>
<h1>Hjärtlyftet avslutat – sju team visar resultat</h1>
<p class="meta">Publicerad 2023-12-04 av Kommunikationsavdelningen</p>
<p class="ingress">Den 23 november samlades sju team i Brännvik för det sista lärandeseminariet i Hjärtlyftet, regionens genombrottsprogram för hjärtsviktsvård som startade i februari 2022.</p>
<p>Teamen kom från hjärtmottagningarna i Hallsta och Brännvik och från fem vårdcentraler. I varje team fanns minst en patient eller närstående som var med på teamets möten och på lärandeseminarierna. Teamen testade förändringar i små steg och mätte varje månad.</p>
<p>– Vi trodde att det svåra skulle bli att mäta, säger projektledaren Oskar Nyström. Men {{c1:det svåra var att hitta mötestider som fungerade för en patient som samtidigt har tre andra vårdkontakter i veckan}}.</p>
<p>Rolf Ek, som har hjärtsvikt sedan 2017, var patientrepresentant i teamet från Tallbackens vårdcentral.</p>
<p>– {{c6:Jag kom in när teamet redan hade bestämt vad de skulle mäta, och då blev jag mest en som fick godkänna}}, säger han. Men det jag sa om telefontiderna ledde faktiskt till en förändring.</p>
<p>Sex av sju team nådde sitt mål om att patienter med nydiagnostiserad hjärtsvikt ska få ett uppföljande besök inom två veckor.</p>
<div class="comments"><h2>Kommentarer (2)</h2>
<p><strong>Anna K:</strong> Grattis alla team!</p>
<p><strong>Mikael R:</strong> Finns presentationerna någonstans?</p>
</div>
</article>
<aside><h2>Läs också</h2>
<ul><li><a href="/nyheter/ny-lonekartlaggning">Ny lönekartläggning klar</a></li>
<li><a href="/nyheter/julbord">Anmälan till julbordet</a></li></ul>
</aside>
</main>
<footer>
<p>Insidan – intranät för medarbetare i Region Hallsta. Ansvarig utgivare: kommunikationsdirektören.</p>
<p><a href="/om-insidan">Om Insidan</a> | <a href="/it-support">IT-support 010-123 45 00</a></p>
</footer>
</body>
</html>
"""

WEBB_PNR = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Patient- och närståenderådet - Region Hallsta</title>
</head>
<body>
<div id="cookie-banner" class="cookie">
  <p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra den. <a href="/om-kakor">Läs mer om kakor</a></p>
  <button>Godkänn alla</button> <button>Endast nödvändiga</button>
</div>
<header>
  <a class="logo" href="/">Region Hallsta</a>
  <nav>
    <ul>
      <li><a href="/hitta-vard">Hitta vård</a></li>
      <li><a href="/regional-utveckling">Regional utveckling</a></li>
      <li><a href="/kultur">Kultur</a></li>
      <li><a href="/jobba-hos-oss">Jobba hos oss</a></li>
      <li><a href="/om-region-hallsta">Om Region Hallsta</a></li>
    </ul>
  </nav>
  <a href="/lattlast">Lättläst</a> <a href="/other-languages">Other languages</a>
</header>
<div class="breadcrumbs">Start &gt; Om Region Hallsta &gt; Delaktighet &gt; Patient- och närståenderådet</div>
<main>
<h1>Patient- och närståenderådet</h1>
<p class="lead">Patient- och närståenderådet vid Hallsta lasarett ger patienter och närstående en röst när vården utvecklas.</p>
<h2>Om rådet</h2>
<p>Rådet startade 2011 under namnet Patientrådet. Sedan 2018 heter det Patient- och närståenderådet, eftersom närstående fick egna platser. Rådet har tolv ledamöter: åtta patienter och fyra närstående. Ledamöterna utses för två år i taget.</p>
<h2>Vad gör rådet?</h2>
<p>Rådet träffar sjukhusledningen fyra gånger per år. Rådet granskar skriftlig patientinformation, till exempel kallelser och informationsblad, och lämnar synpunkter innan förändringar genomförs på sjukhuset.</p>
<p>Efter varje möte skickar sekreteraren en sammanfattning av vad som har hänt med rådets synpunkter. {{c2:Sedan vi började skicka en sammanfattning av vad som hänt med rådets synpunkter har nästan ingen ledamot lämnat rådet i förtid}}, säger rådets ordförande Ulla Forsberg.</p>
<h2>Arvode</h2>
<p>Ledamöterna får arvode och reseersättning enligt regionens riktlinje.</p>
<h2>Vill du vara med?</h2>
<p>Intresseanmälan skickas till pnr@hallsta.example. Vi söker särskilt närstående till barn och unga.</p>
</main>
<aside><h2>Relaterat</h2><ul><li><a href="/patientnamnden">Patientnämnden</a></li><li><a href="/synpunkter">Lämna synpunkter</a></li></ul></aside>
<footer>
<p>Region Hallsta, Regionhuset, Storgatan 12, 871 00 Hallsta. Telefon 010-123 40 00.</p>
<p><a href="/tillganglighet">Tillgänglighetsredogörelse</a> | <a href="/om-kakor">Om kakor</a> | <a href="/personuppgifter">Behandling av personuppgifter</a></p>
<p>Följ oss: Facebook | Instagram | LinkedIn</p>
<p>© Region Hallsta</p>
</footer>
</body>
</html>
"""

ABSTRACT = """
Nordic Forum for Person-Centred Care 2022 – Abstract 118
Track: Digital health and self-care

KidneyCheck (Njurkollen): co-designing a self-monitoring app with home dialysis patients in Region Hallsta, Sweden

Authors: Karin Lövgren, RN, Department of Nephrology, Hallsta Hospital; Mats Edholm, patient co-developer; Sanna Kvist, PhD, R&D Unit Hallsta.

Background: Patients in home haemodialysis record blood pressure, weight and symptoms on paper and phone the clinic when in doubt. In spring 2019 the Department of Nephrology at Hallsta Hospital started developing KidneyCheck, an app for self-monitoring and self-reporting, together with five patients and two nurses.

Methods: Development followed an iterative co-design process: patients and nurses sketched screens together, tested prototypes at home and met every six weeks. Usage data and short interviews were used to evaluate each version.

Results: By August 2022, 31 of 38 home dialysis patients used KidneyCheck. Unplanned phone calls to the clinic fell by a third. Patients reported feeling more confident in deciding when to contact the clinic.

Lessons learned: {{c6:Involving patients from the first sketch meant that the app was built around the patients' own questions, such as whether a reading was worth a phone call, rather than around the data the clinic wanted to collect}}. {{c3:Patients and nurses used different words for the same measurements, and agreeing on a shared vocabulary for the app screens took longer than building them}}.

Conclusion: Co-designing a digital self-monitoring tool with patients is feasible within ordinary clinical budgets and produced a tool that patients use.
"""

PROJEKTPLAN = """
# Projektplan – Ungdomsrådet Unga röster

Region Hallsta, Hälso- och sjukvårdsförvaltningen. Version 1.0, 2024-09-30. Projektägare: hälso- och sjukvårdsdirektören. Projektledare: Amira Haddad.

## 1. Bakgrund

Enligt handlingsplanen för patient- och närståendedelaktighet 2024–2026 (mål 5) ska ett ungdomsråd starta under 2025. Regionen har i dag inget forum där unga med egen erfarenhet av vården kan påverka. Under våren 2024 genomfördes en förstudie med intervjuer med tolv unga i åldern 16–25 år, tre skolkuratorer och personal på två ungdomsmottagningar.

{{c1:Förstudien visade att unga inte svarar på inbjudningar via brev eller 1177 utan via skolkuratorer, ungdomsmottagningar och föreningar som de redan känner}}. {{c6:Förstudien visade också att unga uppfattar ett remissförfarande som att de vuxna redan har bestämt, och att rådet därför behöver få formulera egna frågor från början}}.

## 2. Syfte och mål

Syftet är att unga med egen erfarenhet av vården ska kunna påverka hur vården för unga utformas. Målet är att Ungdomsrådet Unga röster ska ha haft sitt första möte senast i april 2025 och att rådet under första året själv ska ha valt minst två frågor att arbeta med.

## 3. Målgrupp och sammansättning

Rådet ska ha 10–12 ledamöter i åldern 16–25 år från hela länet. Ledamöterna utses för två år. Arvode betalas enligt regionens riktlinje.

## 4. Tidplan

| Aktivitet | Tid |
| Remiss till Regionala funktionshinderrådet och ungdomsmottagningarna | oktober–november 2024 |
| Rekrytering | januari–mars 2025 |
| Första möte | april 2025 |
| Utvärdering av första året | mars 2026 |

## 5. Risker

Ledamöterna kan flytta för studier. Åtgärd: möjlighet att delta digitalt. Risk att rådet uppfattas som en symbol. Åtgärd: regionledningen deltar vid två möten per år.

## 6. Budget

Arvoden, resor och mat: 240 000 kr per år. Projektledning: 0,5 tjänst under 2025.
"""

LEAFLET = """
# Stå stadigt – förebygg fall i hemmet

Information till dig som är 75 år eller äldre och bor i Hallsta, Brännvik eller Övre Sel.

## Varför får jag den här broschyren?

Du får broschyren eftersom du fyller 75 år i år. Fall är den vanligaste orsaken till att äldre personer skadar sig. Många fall går att förebygga. Programmet Stå stadigt startade 2021 och drivs av Region Hallsta tillsammans med kommunerna.

## Vad händer om jag tackar ja?

En arbetsterapeut från kommunen kommer hem till dig. Besöket tar ungefär en timme. Arbetsterapeuten går igenom hemmet tillsammans med dig och ger råd om belysning, mattor och trösklar. Du får också ett häfte med enkla balansövningar och erbjudande om en kontroll av dina läkemedel på din vårdcentral.

## Kostar det något?

Nej, hembesöket är kostnadsfritt.

## Så tackar du ja

Ring 010-123 47 70 vardagar kl. 8–12 eller logga in på 1177 och skicka ett meddelande till Stå stadigt. Du kan också skicka tillbaka svarstalongen i det bifogade kuvertet.

## Tips redan nu

Tänd lampan när du går upp på natten. Ta bort lösa mattor. Använd skor med bra grepp även inomhus. Res dig långsamt.

Region Hallsta 2023. Denna broschyr finns även på lättläst svenska, arabiska, somaliska och finska.
"""

KAPACITET = """
SLUTRAPPORT
Projekt Kapacitetsstyrning – gemensam vårdplatskoordinering för Hallsta lasarett och Brännviks lasarett
Projektperiod: januari 2020 – mars 2023
Rapportdatum: 2023-04-18
Projektägare: Lena Fagerholm, hälso- och sjukvårdsdirektör
Projektledare: Tobias Wärn

1. Sammanfattning
Projektet har infört en gemensam vårdplatskoordinering för de två lasaretten med en gemensam lägesbild i realtid, daglig avstämning och en regional koordinatorsfunktion dygnet runt. Antalet utlokaliserade patienter minskade med 28 procent mellan 2020 och 2022.

2. Organisation
Styrgrupp: hälso- och sjukvårdsdirektören, sjukhuscheferna, IT-chefen. Projektgrupp: vårdenhetschefer, vårdplatskoordinatorer, en systemförvaltare och en controller. Projektet har inte involverat patienter eller närstående; målgruppen var vårdplatskoordinatorer och vårdenhetschefer.

3. Genomförande
Fas 1 (2020): kartläggning av flöden. Fas 2 (2021): införande av lägesbild i realtid. Fas 3 (2022–2023): regional koordinatorsfunktion och utvärdering. Pandemin försenade fas 2 med sex månader.

4. Resultat
Utlokaliserade patienter: 2 140 (2020) till 1 540 (2022). Överbeläggningar per 100 vårdplatser: 3,1 till 2,4.

5. Lärdomar
Den dagliga avstämningen kl. 08.30 mellan lasaretten blev projektets viktigaste arbetssätt. IT-stödet borde ha varit klart innan koordinatorsfunktionen startade. Avtalet med leverantören av lägesbilden borde ha haft tydligare krav på svarstider.

6. Överlämning
Koordinatorsfunktionen förvaltas från och med april 2023 av Hallsta lasarett.
"""

BRUKARREVISION = """
# Brukarrevision 2022 – psykiatrisk öppenvård och boendestöd i Hallsta

Föreningen Sinnesro Hallsta, på uppdrag av Region Hallsta och Hallsta kommun. Rapport 2022-11-15.

## Om brukarrevision

En brukarrevision är en granskning som utförs av brukare med egen erfarenhet, brukarrevisorer, som intervjuar andra brukare om hur de upplever stödet och vården. Föreningen Sinnesro Hallsta har genomfört brukarrevision i Hallsta 2012, 2015, 2018 och nu 2022. Omgången som planerades till 2021 sköts upp ett år på grund av pandemin.

## Genomförande 2022

Åtta brukarrevisorer genomgick en utbildning på tre dagar. Revisorerna intervjuade 64 personer på fyra öppenvårdsmottagningar och i kommunens boendestöd under april–juni 2022. Intervjuerna gjordes parvis.

## Resultat i korthet

| Område | Andel positiva 2018 | Andel positiva 2022 |
| Bemötande | 71 % | 78 % |
| Delaktighet i planering | 48 % | 55 % |
| Kontinuitet | 39 % | 44 % |

Kontinuiteten är fortsatt det svagaste området. Många brukare har haft tre eller fler kontaktpersoner under det senaste året.

## Erfarenheter från fyra omgångar

{{c2:Revisionen 2018 var den första där verksamheterna fick presentera sina åtgärder för brukarrevisorerna vid ett återföringsmöte, och det är den omgång efter vilken flest förbättringar faktiskt genomfördes}}.

{{c3:Brukare svarade öppnare när frågorna ställdes av en brukarrevisor med egen erfarenhet och med vardagliga ord än när samma frågor ställdes i verksamhetens egna enkäter}}.

{{c7:Varje omgång har vi fått utbilda nästan alla brukarrevisorer på nytt, eftersom det gått tre år sedan förra gången; en mindre grupp som håller igång mellan omgångarna skulle spara mycket arbete}}.

{{c4:Några brukarrevisorer tyckte att det var tungt att intervjua i en verksamhet där de själva blivit illa bemötta, och vi låter numera revisorerna välja bort enheter}}.

## Rekommendationer

Föreningen rekommenderar att nästa brukarrevision genomförs 2025 och att ett återföringsmöte hålls inom tre månader efter rapporten.
"""

AKUTVERKSTAN = """
# Akutverkstan – slutrapport

*Designverkstäder inför den nya akutmottagningen vid Hallsta lasarett. Rapportdatum 2021-12-15. Författare: Nadia Berg och Johan Sandell.*

## Sammanfattning

Akutverkstan pågick från september 2020 till november 2021. Totalt hölls nio designverkstäder, varav tre digitalt under pandemin, med 24 patienter och närstående och 19 medarbetare. Arbetet följde en modell för erfarenhetsbaserad samdesign: filmade intervjuer med patienter, separata möten för patienter och personal och därefter gemensamma verkstäder där förslag togs fram.

Verkstäderna gav tolv förslag. Fem av dem har förts in i bygghandlingarna för nybyggnationen av akutmottagningen (hus A7), bland annat ett separat väntrum för barn, ledstråk i entrén och en skärm som visar ungefärlig väntetid.

## Deltagare

Patienterna och de närstående rekryterades via Patient- och närståenderådet, Regionala funktionshinderrådet och via affischer på akuten. Alla fick arvode enligt regionens riktlinje.

## Lärdomar

{{c6:Verkstäderna startade när lokalprogrammet redan var fastställt, och därför kunde förslagen om väntrummets placering inte genomföras}}.

{{c1:De digitala verkstäderna nådde fler närstående som bodde långt bort men färre äldre patienter, så båda formerna behövs}}.

{{c4:Att se de filmade intervjuerna väckte starka känslor hos både personal och patienter, och det var nödvändigt att ha en samtalsledare som kunde ta hand om det efteråt}}.

{{c2:Flera deltagare sa i utvärderingen att de inte visste om deras förslag hade gått vidare, vilket visar att återkopplingen borde ha planerats in från början}}.

## Fortsättning

Designverkstäderna är avslutade och Akutverkstan är därmed avslutad. Fastighetsavdelningen ansvarar för att förslagen följs i byggprojektet.
"""

PNR_2019 = """
# Patient- och närståenderådet (PNR), Hallsta lasarett

## Minnesanteckningar 2019-02-12

**Närvarande:** Ulla Forsberg (ordförande), Ove Brandt, Siv Marklund, Hamid Nouri, Gunnel Sandberg (närstående, nätverket Bredvid), Petra Lind (närstående), Kent Ylvén (sjukhuschef), Maria Öst (sekreterare).

### 1. Välkomna

Ordföranden hälsade två nya ledamöter välkomna. Rådet, som hette Patientrådet fram till 2018, har nu fyra platser för närstående.

### 2. Granskning av kallelsebrev från ortopedmottagningen

Rådet gick igenom det nya kallelsebrevet. Synpunkter: tiden ska stå överst, förklara vad "fastande" betyder, ta bort förkortningen "ssk". Maria Öst återkommer med en ny version.

### 3. Återkoppling sedan förra mötet

Sekreteraren gick igenom återkopplingslistan: parkeringsskyltarna är utbytta, synpunkterna på matsedeln har skickats till kostenheten, frågan om väntetider på röntgen är inte löst. {{c2:Ledamöterna konstaterade att återkopplingslistan gör det lättare att se att rådet gör skillnad, och att den bör bli en stående punkt}}.

### 4. Mandatperioder

{{c7:När hela rådet byttes ut samtidigt 2017 tappades mycket kunskap, och rådet föreslår därför att bara halva rådet förnyas varje år}}. Sjukhuschefen tar med förslaget till ledningsgruppen.

### 5. Nästa möte

2019-05-14.
"""

MVO = """
MIN VÅRDÖVERENSKOMMELSE (MVÖ) – INTRODUKTION FÖR VÅRDCENTRALER
Region Hallsta, Primärvårdsstaben. Version 2, 2019-08-20.

Vad är MVÖ?
Min vårdöverenskommelse är ett gemensamt dokument som patienten och den fasta vårdkontakten tar fram tillsammans. Den riktar sig till personer med flera långvariga sjukdomar. Vårdöverenskommelsen beskriver vad som är viktigt för patienten, patientens egna mål, vem som gör vad, vem patienten ska kontakta och när nästa kontakt ska ske. Patienten får en egen kopia och överenskommelsen finns i journalen.

Bakgrund
MVÖ prövades första gången 2017 på Vårdcentralen Tallbacken och Vårdcentralen Sjöhagen. 86 patienter fick en vårdöverenskommelse under piloten. Från hösten 2019 sprids arbetssättet till fler vårdcentraler.

Erfarenheter från piloten
{{c3:Överenskommelsen ska skrivas med patientens egna ord; i piloten blev de dokument som skrevs på journalspråk sällan använda av patienterna}}.

Så här gör ni
1. Utse fasta vårdkontakter.
2. Boka ett samtal på 45 minuter med patienten, gärna med närstående.
3. Använd mallen i journalsystemet.
4. Bestäm tillsammans med patienten när överenskommelsen ska följas upp.

Kontakt: Primärvårdsstaben, mvo@hallsta.example
"""

TEXT_DOCS = {
    "hsn_protokoll_2019-11-20.txt": HSN_2019,
    "socialnamnden_protokoll_2018-05-15.txt": SOCIALNAMND_2018,
    "minnesanteckningar_funktionshinderradet_2022-10-04.md": FUNKTIONSHINDERRAD,
    "intervju_01_transkript.txt": INTERVJU_01,
    "interview_03_harrowden.txt": INTERVIEW_03,
    "fokusgrupp_halsoskolan_2023-05-10.txt": FOKUSGRUPP,
    "insidan_nyhet_2023-12-04.html": INTRANAT,
    "hallsta_se_patient-och-narstaenderadet.html": WEBB_PNR,
    "abstract_nordic_forum_2022.txt": ABSTRACT,
    "slutrapport_kapacitetsstyrning_2023.txt": KAPACITET,
    "akutverkstan_slutrapport_2021.md": AKUTVERKSTAN,
    "pnr_minnesanteckningar_2019-02-12.md": PNR_2019,
    "mvo_introduktion_2019.txt": MVO,
}
PDF_DOCS = {
    "delarsrapport_jan-aug_2023.pdf": (
        "Delårsrapport januari–augusti 2023",
        "Region Hallsta",
        DELARSRAPPORT,
    ),
    "patientnamnden_arsberattelse_2022.pdf": (
        "Patientnämnden årsberättelse 2022",
        "Patientnämnden Region Hallsta",
        PATIENTNAMND,
    ),
    "brukarrevision_rapport_2022.pdf": (
        "Brukarrevision 2022",
        "Föreningen Sinnesro Hallsta",
        BRUKARREVISION,
    ),
    "sta_stadigt_patientinformation.pdf": ("Stå stadigt", "Region Hallsta", LEAFLET),
}
DOCX_DOCS = {
    "handlingsplan_delaktighet_2024-2026.docx": (
        "Handlingsplan för patient- och närståendedelaktighet 2024–2026",
        "Region Hallsta",
        HANDLINGSPLAN,
    ),
    "intervju_02_AL_BH.docx": ("Intervju 2", "FoU Hallsta", INTERVJU_02),
    "projektplan_unga_roster_2024.docx": (
        "Projektplan Ungdomsrådet Unga röster",
        "Region Hallsta",
        PROJEKTPLAN,
    ),
}

# ---------------------------------------------------------------------------
# Gold
# ---------------------------------------------------------------------------

CLUSTERS = {
    "c01": "Practical conditions that decide who can take part",
    "c02": "Showing contributors what their input changed",
    "c03": "Language and mutual understanding between lived and professional knowledge",
    "c04": "Emotional load and care for those who share their experience",
    "c05": "Clear roles, mandates and boundaries",
    "c06": "Involving people early, before the frame is set",
    "c07": "Continuity beyond individuals and project rounds",
}


def ini(id_, name, aliases, start, end, active, ongoing, methods, levels, roles, docs):
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
        "documents": docs,
    }


INITIATIVES = [
    ini(
        "i01",
        "Patient- och närståenderådet",
        ["Patientrådet", "PNR"],
        2011,
        None,
        [],
        True,
        ["dialogue_meetings", "co_evaluation"],
        ["meso"],
        ["informant", "evaluator"],
        [
            "hallsta_se_patient-och-narstaenderadet.html",
            "pnr_minnesanteckningar_2019-02-12.md",
            "handlingsplan_delaktighet_2024-2026.docx",
            "delarsrapport_jan-aug_2023.pdf",
            "patientnamnden_arsberattelse_2022.pdf",
            "intervju_02_AL_BH.docx",
            "akutverkstan_slutrapport_2021.md",
        ],
    ),
    ini(
        "i02",
        "Närståendenätverket Bredvid",
        ["nätverket Bredvid", "Bredvid"],
        2013,
        None,
        [],
        True,
        ["ppe_driven", "dialogue_meetings", "learning_education"],
        ["meso"],
        ["leader", "educator"],
        ["intervju_02_AL_BH.docx", "pnr_minnesanteckningar_2019-02-12.md"],
    ),
    ini(
        "i03",
        "Brukarspecialister i psykiatrin",
        ["brukarspecialister", "brukarspecialisterna", "peer specialists"],
        2016,
        None,
        [],
        True,
        ["ppe_as_staff"],
        ["micro", "meso"],
        ["staff"],
        [
            "intervju_01_transkript.txt",
            "handlingsplan_delaktighet_2024-2026.docx",
            "interview_03_harrowden.txt",
        ],
    ),
    ini(
        "i04",
        "Hälsoskolan Lärkan",
        ["Smärtskolan Lärkan", "Lärkan"],
        2015,
        None,
        [],
        True,
        ["learning_education", "self_management", "ppe_driven"],
        ["micro"],
        ["educator", "leader"],
        ["fokusgrupp_halsoskolan_2023-05-10.txt", "handlingsplan_delaktighet_2024-2026.docx"],
    ),
    ini(
        "i05",
        "Akutverkstan",
        ["designverkstäder", "designverkstäderna"],
        2020,
        2021,
        [],
        False,
        ["co_design"],
        ["meso"],
        ["co_designer"],
        [
            "akutverkstan_slutrapport_2021.md",
            "minnesanteckningar_funktionshinderradet_2022-10-04.md",
            "handlingsplan_delaktighet_2024-2026.docx",
        ],
    ),
    ini(
        "i06",
        "Njurkollen",
        ["KidneyCheck"],
        2019,
        None,
        [],
        True,
        ["co_design", "self_management"],
        ["micro", "meso"],
        ["co_designer", "participant"],
        [
            "hsn_protokoll_2019-11-20.txt",
            "abstract_nordic_forum_2022.txt",
            "delarsrapport_jan-aug_2023.pdf",
        ],
    ),
    ini(
        "i07",
        "Min vårdöverenskommelse",
        ["MVÖ", "vårdöverenskommelsen"],
        2017,
        None,
        [],
        True,
        ["care_agreement", "person_centred_care"],
        ["micro"],
        ["participant"],
        [
            "mvo_introduktion_2019.txt",
            "delarsrapport_jan-aug_2023.pdf",
            "handlingsplan_delaktighet_2024-2026.docx",
        ],
    ),
    ini(
        "i08",
        "Första kvarten",
        ["the first quarter of an hour"],
        2014,
        2019,
        [],
        False,
        ["storytelling"],
        ["macro"],
        ["informant"],
        [
            "hsn_protokoll_2019-11-20.txt",
            "patientnamnden_arsberattelse_2022.pdf",
            "interview_03_harrowden.txt",
        ],
    ),
    ini(
        "i09",
        "Brukarrevision i psykiatrisk öppenvård och boendestöd",
        ["brukarrevision", "brukarrevisionen"],
        2012,
        None,
        [2012, 2015, 2018, 2022],
        True,
        ["co_evaluation", "ppe_driven"],
        ["meso"],
        ["evaluator", "leader"],
        [
            "brukarrevision_rapport_2022.pdf",
            "socialnamnden_protokoll_2018-05-15.txt",
            "minnesanteckningar_funktionshinderradet_2022-10-04.md",
            "handlingsplan_delaktighet_2024-2026.docx",
        ],
    ),
    ini(
        "i10",
        "Hjärtlyftet",
        ["genombrottsprogram för hjärtsviktsvård", "genombrottsprogrammet"],
        2022,
        2023,
        [],
        False,
        ["quality_improvement"],
        ["meso"],
        ["participant", "co_designer"],
        [
            "insidan_nyhet_2023-12-04.html",
            "delarsrapport_jan-aug_2023.pdf",
            "handlingsplan_delaktighet_2024-2026.docx",
        ],
    ),
    ini(
        "i11",
        "Ungdomsrådet Unga röster",
        ["Unga röster", "ungdomsråd"],
        2025,
        None,
        [],
        True,
        ["dialogue_meetings"],
        ["meso", "macro"],
        ["informant"],
        [
            "projektplan_unga_roster_2024.docx",
            "handlingsplan_delaktighet_2024-2026.docx",
            "minnesanteckningar_funktionshinderradet_2022-10-04.md",
        ],
    ),
    ini(
        "i12",
        "Regionala funktionshinderrådet",
        ["funktionshinderrådet"],
        2008,
        None,
        [],
        True,
        ["dialogue_meetings"],
        ["macro"],
        ["informant"],
        [
            "minnesanteckningar_funktionshinderradet_2022-10-04.md",
            "akutverkstan_slutrapport_2021.md",
            "projektplan_unga_roster_2024.docx",
            "handlingsplan_delaktighet_2024-2026.docx",
        ],
    ),
    ini(
        "i13",
        "Peer Support Worker Programme",
        ["peer support workers"],
        2012,
        None,
        [],
        True,
        ["ppe_as_staff"],
        ["micro"],
        ["staff"],
        ["interview_03_harrowden.txt"],
    ),
]

NON_INITIATIVES = [
    {
        "name": "Projekt Kapacitetsstyrning – gemensam vårdplatskoordinering (2020–2023)",
        "documents": [
            "slutrapport_kapacitetsstyrning_2023.txt",
            "hsn_protokoll_2019-11-20.txt",
            "delarsrapport_jan-aug_2023.pdf",
        ],
    },
    {
        "name": "Stå stadigt – fallförebyggande hembesök (patients only recipients, 2021–)",
        "documents": ["sta_stadigt_patientinformation.pdf", "delarsrapport_jan-aug_2023.pdf"],
    },
    {
        "name": "Nybyggnation av akutmottagningen (hus A7) – the building project itself",
        "documents": [
            "delarsrapport_jan-aug_2023.pdf",
            "akutverkstan_slutrapport_2021.md",
            "minnesanteckningar_funktionshinderradet_2022-10-04.md",
        ],
    },
]


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir()
    LESSONS.clear()
    for name, text in TEXT_DOCS.items():
        write_text(name, text)
    for name, (title, author, text) in PDF_DOCS.items():
        write_pdf(name, title, author, text)
    for name, (title, author, text) in DOCX_DOCS.items():
        write_docx(name, title, author, text)
    for i in INITIATIVES:
        i["documents"] = sorted(i["documents"])
    for n in NON_INITIATIVES:
        n["documents"] = sorted(n["documents"])
    gold = {
        "corpus": "heldout-hallsta",
        "languages": ["en", "sv"],
        "initiatives": INITIATIVES,
        "non_initiatives": NON_INITIATIVES,
        "lessons": sorted(LESSONS, key=lambda x: (x["document"], x["text"])),
        "clusters": CLUSTERS,
    }
    (HERE / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
