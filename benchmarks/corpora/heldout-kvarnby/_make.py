"""Build the held-out Kvarnby/Glenbrae corpus deterministically.

Run: /work/venv/bin/python benchmarks/corpora/heldout-kvarnby/_make.py

Lessons are marked inline as ``{{cN:statement}}``; the marker is stripped from the
written document and the statement is recorded verbatim in gold.json. Everything
here is invented (Region Kvarnby, NHS Glenbrae and all people and projects).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"
MARK = re.compile(r"\{\{(c\d):(.+?)\}\}", re.S)

LESSONS: list[dict] = []


def strip(name: str, text: str) -> str:
    """Remove lesson markers, recording each statement for ``name``."""

    def rep(m: re.Match) -> str:
        LESSONS.append({"document": name, "text": m.group(2), "cluster": m.group(1)})
        return m.group(2)

    return MARK.sub(rep, text)


# ---------------------------------------------------------------- writers


def write_text(name: str, text: str) -> None:
    (DOCS / name).write_text(strip(name, text).strip() + "\n", encoding="utf-8")


def write_html(name: str, html: str) -> None:
    (DOCS / name).write_text(strip(name, html).strip() + "\n", encoding="utf-8")


def _fix_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and order so DOCX output is byte-stable."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def write_docx(name: str, blocks: list[tuple[str, str]]) -> None:
    """blocks: (kind, text) with kind in h1, h2, p, li, table (rows joined by '||', cells by '|')."""
    import datetime

    from docx import Document

    doc = Document()
    cp = doc.core_properties
    fixed = datetime.datetime(2020, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_printed = fixed
    cp.author = "Region"
    cp.last_modified_by = "Region"
    cp.revision = 1
    for kind, text in blocks:
        text = strip(name, text)
        if kind == "h1":
            doc.add_heading(text, level=1)
        elif kind == "h2":
            doc.add_heading(text, level=2)
        elif kind == "li":
            doc.add_paragraph(text, style="List Bullet")
        elif kind == "table":
            rows = [r.split("|") for r in text.split("||")]
            t = doc.add_table(rows=len(rows), cols=len(rows[0]))
            for i, r in enumerate(rows):
                for j, c in enumerate(r):
                    t.cell(i, j).text = c.strip()
        else:
            doc.add_paragraph(text)
    buf = io.BytesIO()
    doc.save(buf)
    (DOCS / name).write_bytes(_fix_zip(buf.getvalue()))


def write_pdf(name: str, blocks: list[tuple[str, str]], footer: str) -> None:
    """Simple multi-page report with a running footer and page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    ss = getSampleStyleSheet()
    story = []
    for kind, text in blocks:
        if kind == "pagebreak":
            story.append(PageBreak())
            continue
        text = strip(name, text)
        esc = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        style = {"h1": ss["Heading1"], "h2": ss["Heading2"], "li": ss["BodyText"]}.get(
            kind, ss["BodyText"]
        )
        if kind == "li":
            esc = "• " + esc
        story.append(Paragraph(esc, style))
        story.append(Spacer(1, 4))

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(56, 30, footer)
        canvas.drawRightString(540, 30, str(doc.page))
        canvas.restoreState()

    buf = io.BytesIO()
    tpl = SimpleDocTemplate(buf, pagesize=A4, invariant=1, title=footer, author="", creator="")
    tpl.build(story, onFirstPage=on_page, onLaterPages=on_page)
    (DOCS / name).write_bytes(buf.getvalue())


# ---------------------------------------------------------------- HTML chrome

SV_MENU = """<header class="site-header"><a class="logo" href="/">Region Kvarnby</a>
<nav class="main-nav"><ul><li><a href="/vard">Vård och hälsa</a></li><li><a href="/jobb">Jobba hos oss</a></li>
<li><a href="/politik">Politik och påverkan</a></li><li><a href="/kontakt">Kontakta oss</a></li><li><a href="/en">In English</a></li></ul></nav>
<form class="search"><input type="search" placeholder="Sök på webbplatsen"><button>Sök</button></form></header>
<div class="cookie-banner" id="cookies"><p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra din upplevelse.
<a href="/kakor">Läs mer om kakor</a></p><button>Godkänn alla</button><button>Endast nödvändiga</button></div>"""

SV_FOOT = """<footer class="site-footer"><div class="col"><h2>Region Kvarnby</h2><p>Box 410, 871 20 Kvarnby<br>Växel 0612-40 00 00</p></div>
<div class="col"><ul><li><a href="/tillganglighet">Tillgänglighetsredogörelse</a></li><li><a href="/personuppgifter">Behandling av personuppgifter</a></li>
<li><a href="/kakor">Kakor</a></li></ul></div><p class="small">© Region Kvarnby. Sidan granskades senast 2023-04-12.</p></footer>"""

EN_MENU = """<header><div class="brand">NHS Glenbrae</div><nav><ul><li><a href="/">Home</a></li><li><a href="/services">Our services</a></li>
<li><a href="/get-involved">Get involved</a></li><li><a href="/news">News</a></li><li><a href="/contact">Contact us</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie"><p>We use cookies to make this website work and to understand how it is used.</p>
<button>Accept all cookies</button><button>Reject optional cookies</button><a href="/cookies">Cookie settings</a></div>"""

EN_FOOT = """<footer><p>NHS Glenbrae, Glenbrae House, Station Road, Glenbrae GB7 2QT</p>
<ul><li><a href="/accessibility">Accessibility</a></li><li><a href="/privacy">Privacy notice</a></li><li><a href="/foi">Freedom of information</a></li></ul>
<p>© NHS Glenbrae 2022</p></footer>"""


def page(lang: str, title: str, body: str, menu: str, foot: str, meta: str = "") -> str:
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>{meta}
<link rel="stylesheet" href="/css/site.css"><script src="/js/analytics.js"></script></head>
<body>{menu}
<nav class="breadcrumbs"><a href="/">Start</a> &gt; <a href="#">{title.split(" - ")[0]}</a></nav>
<main id="content"><article>
{body}
</article>
<aside class="related"><h2>Relaterat / Related</h2><ul><li><a href="#">Nyheter</a></li><li><a href="#">Kalender</a></li></ul></aside>
</main>
{foot}
</body></html>"""


# ================================================================ DOCUMENTS


def sv_tjansteskrivelse() -> None:
    name = "RS-2021-0412_tjansteskrivelse.docx"
    write_docx(
        name,
        [
            ("p", "REGION KVARNBY\tTjänsteskrivelse\nRegionledningskontoret\tDatum 2021-09-28\nDiarienummer RS 2021/412"),
            ("h1", "Uppföljning av arbetet med patienters och närståendes delaktighet"),
            ("p", "Till regionstyrelsen"),
            ("h2", "Förslag till beslut"),
            ("p", "Regionstyrelsen föreslås besluta"),
            ("li", "att godkänna redovisningen av arbetet med delaktighet 2016–2021,"),
            ("li", "att Brukarrådet för hälso- och sjukvård från och med 2022 byter namn till Delaktighetsrådet och får ett reviderat uppdrag enligt bilaga 1,"),
            ("li", "att uppdra åt regiondirektören att ta fram en handlingsplan för delaktighet 2022–2025."),
            ("h2", "Sammanfattning"),
            ("p", "Regionfullmäktige har i budget och verksamhetsplan angett att patienter och närstående ska ges möjlighet att vara delaktiga i utvecklingen av vården. I denna skrivelse redovisas hur uppdraget har genomförts och vilka erfarenheter som gjorts."),
            ("h2", "Ärendebeskrivning"),
            ("h2", "1. Bakgrund"),
            ("p", "Sedan våren 2016 har regionen haft ett brukarråd för hälso- och sjukvård där representanter för patient- och anhörigföreningar möter förtroendevalda och tjänstepersoner fyra gånger per år. Rådet har yttrat sig över bland annat tillgänglighetsplanen, regionens vårdval och utformningen av den nya väntrumsmiljön på länssjukhuset."),
            ("h2", "2. Brukarrådet blir Delaktighetsrådet"),
            ("p", "Rådets ledamöter har själva föreslagit att rådet ska få en tydligare roll i att samskapa, inte bara yttra sig. Förslaget är att rådet byter namn till Delaktighetsrådet och att ordförandeskapet delas mellan en förtroendevald och en representant för föreningarna."),
            ("h2", "3. Patientvägledare i cancervården"),
            ("p", "Från och med hösten 2019 är fyra patientvägledare anställda på deltid vid cancercentrum. Patientvägledarna har egen erfarenhet av cancersjukdom, antingen som patient eller som närstående, och stöttar nyinsjuknade patienter genom utredning och behandling."),
            ("h2", "4. Min vårdöverenskommelse"),
            ("p", "Inom primärvården pågår sedan 2020 arbetet med Min vårdöverenskommelse (MVÖ), där patienter med flera kroniska sjukdomar och deras vårdteam tillsammans skriver en överenskommelse om mål, vem som är fast vårdkontakt och när nästa kontakt ska ske. Blanketten och arbetssättet har tagits fram tillsammans med patienter från två vårdcentraler."),
            ("h2", "5. Övriga utvecklingsprojekt"),
            ("p", "Ombyggnaden av akutmottagningen (Akutbygget) fortsätter enligt plan och beräknas vara klar 2024. Projektet styrs av fastighetsavdelningen och förväntas ge patienterna kortare väntetider och bättre avskildhet. Även införandet av Samlad journal, regionens nya journalsystem, fortgår under 2021–2023."),
            ("h2", "6. Erfarenheter"),
            ("p", "Regionledningskontorets samlade bedömning är följande. {{c3:Delaktighetsarbetet har fått genomslag där förvaltningsledningen har efterfrågat resultat och följt upp det i dialogerna med verksamheterna.}} {{c5:Flera satsningar har avslutats när de statliga stimulansmedlen upphörde, vilket visar att arbetet behöver finansieras inom ordinarie budget.}} {{c2:Ersättning till patient- och närståendeföreträdare för deras tid och resor behöver vara enhetlig i hela regionen.}}"),
            ("h2", "7. Ekonomiska konsekvenser"),
            ("p", "Förslaget ryms inom regionledningskontorets budgetram för 2022."),
            ("p", "Helena Vikberg\tRegiondirektör\nMagnus Ekstrand\tUtvecklingsdirektör"),
            ("p", "Beslutet skickas till: Hälso- och sjukvårdsförvaltningen, Delaktighetsrådet"),
        ],
    )


def sv_protokoll() -> None:
    write_text(
        "hsn_protokoll_2019-10-17.txt",
        """PROTOKOLL
Hälso- och sjukvårdsnämnden, Region Kvarnby
Sammanträdesdatum: 2019-10-17
Plats och tid: Regionhuset, sammanträdesrum Forsen, kl. 09.00–12.15

Beslutande: Anna Lindqvist (S), ordförande; Per-Olof Nyman (M), 1:e vice ordförande; Sara Håkansson (C); Emil Rantanen (V); Britt Sjöberg (KD); Jonas Ek (L); Maria Grönlund (SD)
Övriga närvarande: Karin Holm, hälso- och sjukvårdsdirektör; Tobias Wall, nämndsekreterare
Justerare: Per-Olof Nyman

§ 86 Val av justerare
Nämnden beslutar att utse Per-Olof Nyman att jämte ordföranden justera dagens protokoll.

§ 87 Patientvägledare inom cancervården
Dnr HSN 2019/233
Ärendet
Cancercentrum föreslår att personer med egen erfarenhet av cancer som patient eller närstående anställs som patientvägledare från och med hösten 2019. Patientvägledarna ska ge stöd till nyinsjuknade patienter och delta i verksamhetens förbättringsarbete.
Diskussion
I diskussionen framhölls att {{c1:patientvägledarna måste ses som kollegor med en egen kompetens och inte som volontärer som hjälper till vid sidan av.}}
Beslut
Nämnden beslutar att inrätta fyra deltidstjänster som patientvägledare vid cancercentrum från och med 2019-11-01.

§ 88 Berättarcaféet – återrapport
Dnr HSN 2019/198
Ärendet
Utvecklingsenheten återrapporterar Berättarcaféet, där patienter och närstående berättar om sina erfarenheter av vården för medarbetare och chefer. Caféerna genomfördes under 2015 och en andra omgång under 2018, med sammanlagt 23 träffar.
Diskussion
Nämnden noterade att {{c4:samma personer återkom som berättare vid flera tillfällen, och att yngre patienter och personer med annat modersmål än svenska nästan inte alls kom till tals.}}
Beslut
Nämnden beslutar att lägga återrapporten till handlingarna.

§ 89 Samlad journal – lägesrapport
Dnr HSN 2018/077
Ärendet
Projektledningen för Samlad journal redovisar tidplan och kostnader för regionens nya journalsystem. Migreringen av journaldata sker i tre etapper. Utbildning av medarbetare pågår.
Beslut
Nämnden beslutar att lägga lägesrapporten till handlingarna.

§ 90 Brukarrevisionen i psykiatrin – slutrapport
Dnr HSN 2019/041
Ärendet
Brukarrevisionen genomfördes under perioden 2014–2017 av brukarföreningen Sinnesro i Kvarnby på uppdrag av psykiatriförvaltningen. Brukarrevisorer med egen erfarenhet av psykiatrisk vård intervjuade patienter på samtliga öppenvårdsmottagningar och lämnade rekommendationer till verksamheterna.
Diskussion
Nämnden konstaterade att {{c6:det saknades en plan för att följa upp om brukarrevisorernas rekommendationer faktiskt ledde till förändringar för patienterna.}} Vidare framhölls att {{c3:brukarrevisionen fick större tyngd när förvaltningschefen personligen tog emot rapporterna och svarade skriftligt på varje rekommendation.}}
Beslut
Nämnden beslutar att tacka Sinnesro för genomfört uppdrag och att lägga slutrapporten till handlingarna.

§ 91 Meddelanden
Inga meddelanden.

Vid protokollet
Tobias Wall

Justeras
Anna Lindqvist, ordförande          Per-Olof Nyman, justerare
""",
    )


def sv_delarsrapport() -> None:
    write_pdf(
        "delarsrapport_jan-aug_2022.pdf",
        [
            ("h1", "Delårsrapport januari–augusti 2022"),
            ("p", "Hälso- och sjukvårdsförvaltningen, Region Kvarnby"),
            ("h2", "1. Väsentliga händelser under perioden"),
            ("p", "Verksamheten har under perioden återgått till mer normala förhållanden efter pandemin. Den planerade vården har ökat med 7 procent jämfört med samma period föregående år. Ombyggnaden av akutmottagningen (Akutbygget) har nått etapp två; ett nytt triageområde togs i drift i maj."),
            ("h2", "2. Mål: Delaktiga patienter och närstående"),
            ("p", "Berättarcaféet har startats igen efter pandemin. Under våren 2022 genomfördes den tredje omgången med elva träffar, denna gång även med berättare från två av regionens kommuners hemtjänst och med tolk för arabisk- och somaliskspråkiga deltagare."),
            ("p", "Egendialysen på njurmedicinska mottagningen, där patienter sedan 2013 själva sköter hela eller delar av sin hemodialys, omfattar nu 31 patienter. Patienterna bokar själva sina dialystider via en digital kalender."),
            ("p", "Patientvägledarna inom cancervården har under perioden haft 412 stödsamtal. Ytterligare två patientvägledare rekryteras till hösten."),
            ("p", "Min vårdöverenskommelse (MVÖ) används nu på sju av regionens tjugotvå vårdcentraler. Andelen listade patienter med flera kroniska diagnoser som har en överenskommelse är 18 procent."),
            ("h2", "3. Analys"),
            ("p", "{{c6:Det är svårt att mäta vilken effekt delaktighetsarbetet har på patienternas hälsa, eftersom nuvarande indikatorer främst följer volymer och väntetider.}} {{c4:Erfarenheten från vårens berättarcaféer är att tolk och träffar på andra platser än sjukhuset gör att fler grupper kommer till tals.}}"),
            ("pagebreak", ""),
            ("h2", "4. Ekonomi"),
            ("p", "Förvaltningen prognostiserar ett underskott på 64 miljoner kronor för helåret, främst till följd av kostnader för inhyrd personal och ökade läkemedelskostnader. Projektet Samlad journal beräknas överskrida budget med 12 miljoner kronor."),
            ("h2", "5. Medarbetare"),
            ("p", "Sjukfrånvaron har minskat till 6,1 procent. Rekryteringsläget för specialistsjuksköterskor är fortsatt ansträngt."),
        ],
        footer="Region Kvarnby – Delårsrapport januari–augusti 2022",
    )


def sv_handlingsplan() -> None:
    write_docx(
        "handlingsplan_delaktighet_2022-2025.docx",
        [
            ("h1", "Handlingsplan för delaktighet 2022–2025"),
            ("p", "Region Kvarnby. Fastställd av regionstyrelsen 2022-03-15, § 41."),
            ("h2", "1. Syfte"),
            ("p", "Handlingsplanen beskriver hur regionen under 2022–2025 ska stärka patienters och närståendes delaktighet i den egna vården och i utvecklingen av verksamheterna. Planen bygger på patientlagen och regionens budget och verksamhetsplan."),
            ("h2", "2. Det här bygger vi vidare på"),
            ("li", "Delaktighetsrådet (tidigare Brukarrådet för hälso- och sjukvård), sedan våren 2016."),
            ("li", "Brukarrevisionen i psykiatrin 2014–2017, genomförd av brukarföreningen Sinnesro."),
            ("li", "Personan Alva, 84 år, som togs fram 2012 tillsammans med seniorföreningar och användes fram till 2015 i planeringen av äldrevården."),
            ("li", "Patientvägledarna i cancervården, från och med hösten 2019."),
            ("li", "Berättarcaféet, 2015, 2018 och 2022."),
            ("li", "Min vårdöverenskommelse (MVÖ) i primärvården, sedan 2020."),
            ("h2", "3. Lärdomar som ligger till grund för planen"),
            ("p", "{{c1:Patienter och närstående ska bjudas in tidigt, när problemet formuleras, och inte först när personalen redan har bestämt lösningen.}}"),
            ("p", "{{c2:Den som deltar behöver få underlagen i god tid och på ett begripligt språk, annars blir delaktigheten bara formell.}}"),
            ("p", "{{c5:När en eldsjäl slutar riskerar arbetet att upphöra, därför ska varje förvaltning ha en utsedd funktion med ansvar för delaktighet.}}"),
            ("p", "{{c4:Föreningarna representerar inte alla patienter, och därför behöver regionen också nå personer som inte är organiserade.}}"),
            ("h2", "4. Aktiviteter"),
            ("table", "Aktivitet|Ansvarig|Tidplan||Ta fram regiongemensamma riktlinjer för ersättning till patientföreträdare|Regionledningskontoret|2022||Utbilda chefer i att leda samskapande arbete|HR-avdelningen|2022–2023||Införa MVÖ på samtliga vårdcentraler|Primärvården|2023–2025||Utreda fler tjänster för patientvägledare|Cancercentrum|2023"),
            ("h2", "5. Uppföljning"),
            ("p", "Planen följs upp årligen i delårsrapport och årsredovisning. Delaktighetsrådet lämnar synpunkter på uppföljningen."),
        ],
    )


def sv_web_radet() -> None:
    body = """<h1>Delaktighetsrådet</h1>
<p class="ingress">I Delaktighetsrådet möts patient- och anhörigföreningar, förtroendevalda och tjänstepersoner för att tillsammans utveckla hälso- och sjukvården i Region Kvarnby.</p>
<h2>Vad gör rådet?</h2>
<p>Rådet startade våren 2016 under namnet Brukarrådet för hälso- och sjukvård och bytte namn till Delaktighetsrådet 2022. Rådet träffas fyra gånger per år. Föreningarna sätter själva upp hälften av punkterna på dagordningen, och ordförandeskapet delas mellan en förtroendevald och en föreningsrepresentant.</p>
<p>Rådet ger synpunkter på regionens planer innan de beslutas, till exempel handlingsplanen för delaktighet, och deltar i arbetsgrupper när nya arbetssätt tas fram.</p>
<h2>Vilka sitter i rådet?</h2>
<ul><li>Åtta representanter för patient- och anhörigföreningar</li><li>Tre förtroendevalda från hälso- och sjukvårdsnämnden</li><li>Hälso- och sjukvårdsdirektören</li></ul>
<h2>Minnesanteckningar</h2>
<p><a href="#">Minnesanteckningar 2023</a> | <a href="#">Minnesanteckningar 2022</a></p>
<p class="updated">Senast uppdaterad: 12 april 2023</p>"""
    write_html(
        "kvarnby_se_delaktighetsradet.html",
        page("sv", "Delaktighetsrådet - Region Kvarnby", body, SV_MENU, SV_FOOT),
    )


def sv_web_vagledare() -> None:
    body = """<h1>Patientvägledare – stöd av någon som varit med om det</h1>
<p class="ingress">Har du nyligen fått ett cancerbesked? På cancercentrum i Kvarnby kan du få stöd av en patientvägledare.</p>
<p>Våra patientvägledare har själva haft cancer eller varit närstående till någon som haft det. De är anställda av regionen och har gått en utbildning i samtalsstöd. Sedan hösten 2019 finns patientvägledare på cancercentrum.</p>
<h2>Hur får jag kontakt?</h2>
<p>Fråga din kontaktsjuksköterska, eller ring cancercentrums växel vardagar kl. 8–16. Samtalet är kostnadsfritt.</p>
<div class="quote"><p>"Det var skönt att prata med någon som förstod utan att jag behövde förklara." – patient, 58 år</p></div>
<div class="share">Dela sidan: <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">E-post</a></div>"""
    write_html(
        "kvarnby_se_patientvagledare.html",
        page("sv", "Patientvägledare - Region Kvarnby", body, SV_MENU, SV_FOOT),
    )


def sv_1177() -> None:
    menu = """<header class="top"><a href="/">1177</a><nav><ul><li><a href="#">Sök vård</a></li><li><a href="#">Läs om hälsa</a></li><li><a href="#">Logga in</a></li></ul></nav>
<div class="region-select">Du visar information för: <strong>Region Kvarnby</strong> <a href="#">Byt region</a></div></header>
<div class="cookie-banner"><p>1177 använder kakor. <a href="#">Läs om kakor</a></p><button>OK</button></div>"""
    foot = """<footer><p>1177 – en tjänst från Sveriges regioner.</p><ul><li><a href="#">Om 1177</a></li><li><a href="#">Tillgänglighet</a></li></ul></footer>"""
    body = """<h1>Egendialys på njurmottagningen i Kvarnby</h1>
<p class="ingress">Om du behöver hemodialys kan du lära dig att sköta hela eller delar av behandlingen själv på mottagningen. Det kallas egendialys.</p>
<h2>Vad innebär egendialys?</h2>
<p>Du lär dig steg för steg att koppla upp dig, starta och avsluta dialysen, och att själv följa dina värden. Personalen finns alltid i närheten om du behöver hjälp. Du bestämmer själv hur mycket du vill göra.</p>
<p>Njurmedicinska mottagningen vid Kvarnby sjukhus har erbjudit egendialys sedan 2013.</p>
<h2>Boka din dialystid</h2>
<p>Som egendialyspatient bokar du själv dina tider i mottagningens digitala kalender. Mottagningen är öppen för egendialys dygnet runt.</p>
<h2>Vem kan få egendialys?</h2>
<p>Prata med din njurläkare eller dialyssjuksköterska. Det går bra att pröva och sedan gå tillbaka till vanlig dialys.</p>
<p class="meta">Senast uppdaterad: 2022-11-03. Redaktör: Lena Forsberg, Region Kvarnby. Granskare: Olle Stenmark, överläkare, njurmedicin.</p>"""
    write_html("1177_egendialys_kvarnby.html", page("sv", "Egendialys - 1177", body, menu, foot))


def sv_news() -> None:
    menu = """<header><div class="masthead">Kvarnbyposten</div><nav><ul><li><a href="#">Nyheter</a></li><li><a href="#">Sport</a></li><li><a href="#">Kultur</a></li><li><a href="#">Debatt</a></li><li><a href="#">E-tidning</a></li></ul></nav>
<div class="paywall-note">Logga in för att läsa alla artiklar</div></header>
<div class="cookie"><p>Vi och våra partner använder cookies för att anpassa annonser.</p><button>Jag godkänner</button><button>Inställningar</button></div>"""
    foot = """<footer><p>Kvarnbyposten, ansvarig utgivare Gunnar Lehto. Tipsa oss: 0612-55 55 55</p></footer>"""
    meta = '<meta property="article:published_time" content="2022-03-09T06:00:00+01:00">'
    body = """<h1>Patienternas berättelser ska göra vården bättre</h1>
<p class="byline">Av Elin Norrman · 9 mars 2022</p>
<p class="ingress">Efter tre års uppehåll är Berättarcaféet tillbaka. Nu ska personal på Kvarnby sjukhus återigen lyssna på patienter och anhöriga som berättar om sina erfarenheter.</p>
<p>Det första berättarcaféet hölls 2015, och 2018 kom en andra omgång. Under pandemin låg verksamheten nere. I vår hålls elva träffar, flera av dem i kommunernas träffpunkter i stället för på sjukhuset.</p>
<p>– Man tror att man vet hur det är att vara patient här, men när en pappa berättar om natten på akuten med sin son blir det något helt annat, säger Annika Berg, enhetschef på barnkliniken.</p>
<p>Siv Hedström, 71, berättade på ett av de första caféerna om sin väg genom strokevården.</p>
<p>– Jag blev lyssnad på. Efteråt ändrade de hur de informerar anhöriga på avdelningen, säger hon.</p>
<h2>Akutbygget försenat</h2>
<p>Samtidigt står det klart att ombyggnaden av akutmottagningen blir försenad ett halvår. Fastighetschefen hänvisar till materialbrist.</p>
<div class="tags">Ämnen: <a href="#">Vård</a> <a href="#">Kvarnby sjukhus</a></div>
<div class="more"><h3>Mest läst</h3><ul><li><a href="#">Nytt bostadsområde vid älven</a></li><li><a href="#">Kvarnby IF vidare i cupen</a></li></ul></div>"""
    write_html("kvarnbyposten_2022-03-09.html", page("sv", "Patienternas berättelser - Kvarnbyposten", body, menu, foot, meta))


def sv_fokusgrupp() -> None:
    write_text(
        "fokusgrupp_njurmottagningen_2021.txt",
        """Fokusgrupp – egendialys och vårdöverenskommelser
Njurmedicinska mottagningen, Region Kvarnby, 2021-05-19
Transkribering. Deltagarnas namn är borttagna.

Moderator: Välkomna. Vi vill höra om era erfarenheter av egendialysen och av att skriva en vårdöverenskommelse. Vill någon börja?
Deltagare 1: Jag har kört egendialys sedan 2016. I början var det personalen som inte riktigt släppte taget, de stod och tittade hela tiden. {{c1:Det tog ett tag innan de litade på att vi kunde saker, och det förändrades först när vi fick visa vad vi klarade.}}
Moderator: Hur märktes det att det förändrades?
Deltagare 1: De började fråga oss om råd. Nya sjuksköterskor fick gå bredvid en av oss patienter.
Deltagare 2: För mig var det viktigaste att kunna boka själv. Jag jobbar ju. Men jag vill säga en sak: {{c6:man måste vara ärlig om riskerna, vi som sköter dialysen själva behöver veta exakt vem som har ansvaret om något går fel.}}
Anhörig 3: Jag är här som min mans anhöriga. Han skrev en sådan där överenskommelse, MVÖ, i höstas. Det som var bra var att jag fick vara med.
Moderator: Var ni med och tog fram själva blanketten?
Anhörig 3: Nej, det var andra. Men vi har sett den och tyckte den var begriplig.
Deltagare 2: Jag var med i en av de där grupperna på vårdcentralen. {{c2:Vi träffades efter arbetstid och fick ersättning för resan, och det gjorde att även vi som jobbar kunde vara med.}}
Moderator: Finns det något ni tycker borde göras annorlunda?
Deltagare 1: {{c4:Det är alltid samma sorts människor som ställer upp, vi som är pigga och pratar bra svenska.}} De som mår sämst orkar inte komma hit en kväll.
Anhörig 3: {{c5:Och när projektet tar slut försvinner kontaktpersonen, då står man där igen och får börja om från början.}}
Deltagare 2: Håller med. Och det här med egendialys, det borde finnas på fler ställen.
Moderator: Tack, då avrundar vi.
""",
    )


def sv_intervju() -> None:
    write_text(
        "intervju_07_samordnare.txt",
        """Intervju 7
Respondent: tidigare samordnare för Brukarrevisionen, numera utvecklare vid psykiatriförvaltningen
Datum: 2020-02-11. Längd: 48 min.

F: Kan du börja med att berätta hur brukarrevisionen kom till?
S: Det var föreningen Sinnesro som tog initiativet 2013. De hade sett något liknande i en annan region och kom till förvaltningen med en färdig idé. Vi startade 2014 och höll på till 2017.
F: Vad var din roll?
S: Jag var samordnare på förvaltningssidan. Brukarrevisorerna planerade och genomförde granskningarna själva, jag såg till att de fick komma in på mottagningarna.
F: Vad tar du med dig från det arbetet?
S: Ganska mycket. {{c1:Det viktigaste är nog att makten måste delas på riktigt, brukarrevisorerna måste få bestämma vad som ska granskas och inte bara svara på våra frågor.}}
F: Hur tog personalen emot dem?
S: Blandat. Vissa mottagningar var väldigt öppna. Andra såg det som en inspektion. {{c3:Där chefen hade förberett personalen och själv var med vid återkopplingen gick det mycket bättre.}}
F: Varför tog det slut 2017?
S: Pengarna. Det var projektmedel från en statlig satsning. {{c5:Vi borde från början ha planerat för hur det skulle fortsätta när projektmedlen tog slut, nu föll allt på en gång.}}
F: Användes resultaten?
S: En del. {{c6:Vi kunde visa många förändrade rutiner, men vi kunde aldrig visa att patienterna faktiskt mådde bättre, och det gjorde det svårt att argumentera för fortsättning.}}
F: Var det något med personan Alva du vill säga? Du var ju med i äldrevårdsarbetet också.
S: Ja, Alva, 84 år, togs fram 2012 med seniorföreningarna. Hon hjälpte oss att prata om en hel grupp utan att peka ut någon. Men efter några år blev hon lite av en kliché. {{c4:En persona kan aldrig ersätta att man faktiskt träffar de äldre som har det svårast att göra sin röst hörd.}}
F: Tack för att du tog dig tid.
""",
    )


def sv_minnes() -> None:
    write_text(
        "minnesanteckningar_delaktighetsradet_2023-02.md",
        """# Minnesanteckningar – Delaktighetsrådet

**Datum:** 2023-02-08 **Plats:** Regionhuset, rum Ådalen

**Närvarande:** åtta föreningsrepresentanter, tre förtroendevalda, hälso- och sjukvårdsdirektören, sekreterare

## 1. Föregående minnesanteckningar
Godkändes.

## 2. Uppföljning av handlingsplanen för delaktighet
Hälso- och sjukvårdsdirektören redovisade läget. Riktlinjer för ersättning till patientföreträdare är beslutade. Utbildning av chefer har startat.

Rådet diskuterade erfarenheterna av det första året med delat ordförandeskap. {{c1:Rådet var enigt om att det delade ordförandeskapet har gjort att föreningarna upplever sig som jämbördiga parter och inte som gäster.}}

## 3. Regionens budget 2024
{{c3:Rådet framhöll att delaktighet måste finnas med som ett mål i regionens budget och verksamhetsplan, annars prioriteras den bort när ekonomin är ansträngd.}}

## 4. Övrigt
Nästa möte 2023-05-10.
""",
    )


# ---------------------------------------------------------------- English


def en_board_paper() -> None:
    write_pdf(
        "GB-2021-58_board_paper_involvement.pdf",
        [
            ("p", "NHS Glenbrae Board Meeting – 26 October 2021. Paper No. 21/58"),
            ("h1", "Public Involvement and Co-production: Progress Report"),
            ("p", "Lead Director: Director of Nursing. Author: Head of Person-Centred Care. Status: For Approval"),
            ("h2", "1. Purpose"),
            ("p", "This paper updates the Board on the involvement of patients, carers and the public in the design and delivery of services, and seeks approval to mainstream the Peer Support Worker programme."),
            ("h2", "2. Recommendations"),
            ("p", "Members are asked to:"),
            ("li", "note the progress described in this paper;"),
            ("li", "approve recurring funding of £186k from 2022/23 for the Peer Support Worker (PSW) programme;"),
            ("li", "endorse the closure of the Better Breathing Together project and the spread of its learning."),
            ("h2", "3. Background"),
            ("p", "The Peer Support Worker programme was piloted in 2011/12 in two community mental health teams and extended the following year to all adult mental health services. Peer support workers are employed in Band 4 posts and draw on their own lived experience of mental ill health and recovery."),
            ("p", "Better Breathing Together used experience-based co-design with people living with COPD, their families and pulmonary rehabilitation staff to redesign the rehabilitation pathway. The project ran from 2018/19 to 2020/21 and closed in March 2021."),
            ("p", "The Carers' Improvement Collaborative began in Q2 2020/21 on four dementia wards. Carers and ward teams test changes together using PDSA cycles."),
            ("h2", "4. Assessment"),
            ("p", "{{c5:Short-term project funding has repeatedly left peer support workers on fixed-term contracts, and we have lost experienced staff as a result.}} {{c3:Where a service manager has sponsored the work, co-designed changes have been adopted; where sponsorship was absent, good ideas stalled.}} {{c6:The Board should expect outcome measures agreed with patients and carers at the outset, rather than relying on activity counts.}}"),
            ("p", "The Theatre Scheduling Optimisation Project, reported separately (Paper 21/61), delivered a 9% improvement in theatre utilisation and is not covered by this paper."),
            ("h2", "5. Financial implications"),
            ("p", "Recurring cost £186k from 2022/23, offset in part by reduced bank staffing in mental health inpatient services. Non-recurring spend in Q2 2020/21 was £14k."),
            ("h2", "6. Risk"),
            ("p", "Without recurring funding, the PSW programme will end on 31 March 2022. Risk score 12 (amber)."),
        ],
        footer="NHS Glenbrae Board – Paper 21/58 – OFFICIAL",
    )


def en_annual_report() -> None:
    write_pdf(
        "glenbrae_public_involvement_annual_report_2021-22.pdf",
        [
            ("h1", "Public Involvement Annual Report 2021/22"),
            ("p", "NHS Glenbrae"),
            ("h2", "Foreword"),
            ("p", "This has been a year of rebuilding. As services recovered from the pandemic we asked more people than ever to help us shape them. Thank you to every patient, carer and volunteer who gave their time."),
            ("h2", "Public Partnership Forum"),
            ("p", "The Public Partnership Forum (PPF) has met since 2006 and is chaired by a member of the public. In 2021/22 it met six times, three of them online, and the Forum's members sat on four service-redesign groups."),
            ("h2", "Voices in Training"),
            ("p", "Since 2017, the 'Voices in Training' panel has brought patients and carers into the induction of newly qualified nurses and into GP trainee teaching. Panel members co-write the sessions and deliver them alongside clinical educators. In 2021/22 panel members taught 41 sessions."),
            ("h2", "Better Breathing Together"),
            ("p", "The experience-based co-design project with people living with COPD concluded in March 2021. Its filmed patient stories are now part of the pulmonary rehabilitation induction."),
            ("h2", "Learning from elsewhere"),
            ("p", "In May 2022 PPF members joined a virtual exchange with Region Kvarnby in Sweden to hear about their Brukarrevisionen, a user-led audit of mental health outpatient services carried out by service users between 2014 and 2017. We are considering a similar approach for our community mental health teams."),
            ("h2", "What we have learned"),
            ("p", "{{c4:We reach people more easily when we go to where they already meet, such as community cafés and carers' centres, than when we ask them to come to hospital meetings.}} {{c2:Paying people for their time, and saying so clearly in the invitation, increased the number of first-time volunteers.}}"),
            ("pagebreak", ""),
            ("h2", "Other developments"),
            ("p", "The hospital pharmacy's automated dispensing robot went live in September 2021, reducing dispensing time for inpatient medicines. The laboratory courier consolidation was completed in 2021/22."),
            ("h2", "Contact"),
            ("p", "Public Involvement Team, Glenbrae House. Telephone 01730 600 600."),
        ],
        footer="NHS Glenbrae – Public Involvement Annual Report 2021/22",
    )


def en_focus_group() -> None:
    write_text(
        "fg_carers_dementia_wards_2022.txt",
        """NHS Glenbrae – Carers' Improvement Collaborative
Focus group with carers and ward staff, 14 September 2022
Transcript (anonymised)

Facilitator: Thanks for coming. We want to hear what it's been like to be part of the collaborative on the wards. Who'd like to start?
Carer B: I'll go. My mum was on Ward 7 for eleven weeks. When they asked me to join the improvement team I thought I'd be making the tea. {{c1:It was only when the charge nurse asked me to lead the test on visiting times that I felt my knowledge counted as much as theirs.}}
Participant A: I'm a staff nurse on Ward 7. Honestly, we were nervous at first. {{c1:We had to unlearn the habit of deciding things in the staff room and then telling carers afterwards.}}
Facilitator: What helped you get past that?
Participant A: The coaching sessions, mostly. And carers telling their stories at the first learning session.
Carer B: And the carers' stories. Some of the staff were in tears.
Participant C: I'm a carer too, for my husband, he was on Ward 4. I'd add that {{c4:the carers on the team were mostly retired people like me, and we never heard from working carers or from families who don't speak English at home.}}
Facilitator: How about the PDSA cycles themselves?
Participant A: They worked. Small tests, quick feedback. {{c6:But we measured falls and complaints, and nobody ever asked the carers what a good outcome would look like for them.}}
Carer B: {{c5:My worry is what happens when the improvement advisor leaves, because she's the one who holds it all together.}}
Facilitator: That's really helpful, thank you all.
""",
    )


def en_interview() -> None:
    write_text(
        "interview_peer_worker.md",
        """# Interview: peer support worker, community mental health

*Recorded for the Public Involvement Annual Report, June 2022. Edited transcript.*

Interviewer: How did you come to be a peer support worker?
Respondent: I was a patient of the community mental health team for years. When the PSW programme was piloted in 2011/12, my care coordinator showed me the advert. I was in the second cohort, in 2012/13, when it was extended across the board.
Interviewer: What does the job involve?
Respondent: Walking alongside people. Going with them to their first appointments, sharing bits of my own recovery when it helps, running the recovery group on Thursdays. I also teach on the Voices in Training sessions for new nurses.
Interviewer: What would you tell a board that wants to start something like this?
Respondent: {{c1:Don't bolt peer workers onto the side of the team, we need to be in the team meetings and on the rota like everyone else.}} {{c2:Give us proper supervision from someone who understands peer work, not just clinical supervision from a nurse.}}
Interviewer: Anything else?
Respondent: {{c5:Permanent contracts. Most of us spent years on one-year contracts, and you can't build trust with people when you don't know if you'll be here in April.}}
Interviewer: Thank you.
""",
    )


def en_minutes() -> None:
    write_docx(
        "ppf_minutes_2022-06.docx",
        [
            ("h1", "Glenbrae Public Partnership Forum"),
            ("p", "Minutes of the meeting held on Tuesday 21 June 2022, 14:00–16:00, Community Room, Glenbrae Library and via Teams"),
            ("p", "Present: Morag Sinclair (Chair, public member), eight public members, two carer representatives. In attendance: Head of Person-Centred Care; Public Involvement Officer (minutes)."),
            ("h2", "1. Welcome and apologies"),
            ("p", "The Chair welcomed members. Apologies were received from three members."),
            ("h2", "2. Minutes of the previous meeting and matters arising"),
            ("p", "The minutes of 19 April 2022 were approved. Action 22/07 (parking charges feedback) is complete."),
            ("h2", "3. Exchange with Region Kvarnby"),
            ("p", "Members who took part in the virtual exchange reported back on Brukarrevisionen. {{c1:The Forum agreed that service users must set the questions for any audit themselves, otherwise it becomes another staff survey.}}"),
            ("h2", "4. Carers' Improvement Collaborative"),
            ("p", "The Head of Person-Centred Care gave an update. Two carers have joined the collaborative's steering group. {{c4:Members noted that recruitment through the carers' centre alone had produced a narrow group, and asked that future recruitment use GP practices and faith groups as well.}}"),
            ("h2", "5. Forum development"),
            ("p", "The Forum discussed a buddy and induction scheme for new members (action 22/13). {{c3:Members asked that the Board's annual objectives include an involvement objective so that the Forum's advice is reported back to the Board.}}"),
            ("h2", "6. Any other business"),
            ("p", "None. Date of next meeting: 23 August 2022."),
            ("h2", "Action log"),
            ("table", "Ref|Action|Owner|Due|Status||22/11|Circulate Kvarnby exchange notes to all members|Public Involvement Officer|July 2022|Open||22/12|Propose wider recruitment routes for the Carers' Improvement Collaborative|Head of Person-Centred Care|August 2022|Open||22/13|Draft buddy and induction scheme for new members|Chair|August 2022|Open||22/14|Request involvement objective in Board objectives 2023/24|Head of Person-Centred Care|October 2022|Open"),
        ],
    )


def en_closure() -> None:
    write_pdf(
        "theatre_scheduling_closure_report.pdf",
        [
            ("h1", "Project Closure Report: Theatre Scheduling Optimisation Project"),
            ("p", "NHS Glenbrae – Planned Care Programme. Version 1.0, approved by the Programme Board 14 September 2021."),
            ("h2", "1. Project summary"),
            ("p", "The project ran from Q3 2019/20 to Q1 2021/22. It introduced a new electronic theatre scheduling tool, standardised list templates and a weekly scheduling meeting, with the aim of improving theatre utilisation and reducing on-the-day cancellations. Patients are expected to benefit through shorter waits for planned surgery."),
            ("h2", "2. Objectives and delivery"),
            ("li", "Theatre utilisation: target 85%, achieved 83% (baseline 74%)."),
            ("li", "On-the-day cancellations for non-clinical reasons: target below 5%, achieved 4.6%."),
            ("li", "Scheduling tool live in all eleven theatres: achieved June 2021."),
            ("h2", "3. Budget"),
            ("p", "Total spend £412k against a budget of £430k."),
            ("h2", "4. Stakeholders"),
            ("p", "Surgeons, anaesthetists, theatre nurses, the waiting list team and eHealth. The project team was drawn from the surgical directorate and the Planned Care Programme office."),
            ("h2", "5. Lessons learned"),
            ("li", "Early agreement on list templates with each surgical specialty saved rework later."),
            ("li", "The scheduling tool's reports should have been tested with end users before go-live."),
            ("li", "Weekly scheduling meetings need a consistent chair to keep decisions moving."),
            ("h2", "6. Handover"),
            ("p", "Ongoing ownership passes to the Theatres General Manager. Benefits will be tracked through the Planned Care dashboard."),
        ],
        footer="NHS Glenbrae – Theatre Scheduling Optimisation – Closure Report v1.0",
    )


def en_news() -> None:
    meta = '<meta name="date" content="2021-04-20">'
    body = """<h1>Patients and staff redesign pulmonary rehab together</h1>
<p class="date">20 April 2021</p>
<p>People living with chronic obstructive pulmonary disease (COPD) have worked side by side with physiotherapists and nurses to redesign pulmonary rehabilitation in Glenbrae.</p>
<p>The Better Breathing Together project, which used experience-based co-design, began in 2018/19. Patients and family members were filmed talking about the best and worst moments of their care, and the film was shown to staff before joint co-design groups agreed priorities.</p>
<p>Changes include evening classes, a buddy system for new participants and classes held in two leisure centres rather than the hospital gym.</p>
<p>"I was asked what mattered to me, and then I was in the room when they decided what to change," said one participant.</p>
<p>The project formally closed in March 2021 and the new pathway is now standard across the board area.</p>
<div class="share">Share: <a href="#">X</a> <a href="#">Facebook</a></div>"""
    write_html("glenbrae_news_better_breathing.html", page("en", "Better Breathing Together - NHS Glenbrae", body, EN_MENU, EN_FOOT, meta))


def en_get_involved() -> None:
    body = """<h1>Get involved</h1>
<p>There are lots of ways you can help shape health services in Glenbrae.</p>
<h2>Public Partnership Forum</h2>
<p>The PPF is an independent group of local people who give the public's view on our plans. It has met since 2006 and is chaired by a public member. New members are always welcome.</p>
<h2>Voices in Training</h2>
<p>Help train the next generation of nurses and doctors. Our 'Voices in Training' panel members share their experience of care in teaching sessions. Training and expenses are provided.</p>
<h2>Become a peer support worker</h2>
<p>Peer support workers use their own experience of mental ill health and recovery to support others. Vacancies are advertised on our jobs pages.</p>
<h2>Carers' Improvement Collaborative</h2>
<p>If you care for someone who has been on one of our dementia wards, you can join a ward improvement team.</p>"""
    write_html("glenbrae_get_involved.html", page("en", "Get involved - NHS Glenbrae", body, EN_MENU, EN_FOOT))


def en_storyboard() -> None:
    write_text(
        "carers_collaborative_storyboard.md",
        """# Carers' Improvement Collaborative – Ward 7 storyboard

**Team:** charge nurse, two staff nurses, healthcare support worker, occupational therapist, two family carers, improvement advisor

**Aim:** By March 2022, 90% of carers of patients on Ward 7 will say they were involved in planning their relative's care.

**Start:** Q2 2020/21 (first learning session, September 2020)

## Change ideas tested

| PDSA | Change | Result |
| --- | --- | --- |
| 1 | "Getting to know me" form completed with carer on admission | Adopted after 3 cycles |
| 2 | Open visiting, carers welcome at mealtimes | Adopted |
| 3 | Carer joins weekly multidisciplinary meeting (by phone) | Adapted: 15-minute slot |
| 4 | Carers' story shared at staff huddle each month | Adopted |

## Measures

Carer involvement (monthly survey): 41% baseline, 78% in February 2022. Falls per 1000 occupied bed days: no significant change.

## Next steps

Spread to Wards 4, 9 and 12 through the collaborative's final learning session in June 2022.
""",
    )


def en_interview2_scots() -> None:
    """A Glenbrae officer describes the Kvarnby exchange (Swedish names in English text)."""
    write_text(
        "glenbrae_exchange_note_2022.txt",
        """NHS Glenbrae – Note of virtual exchange with Region Kvarnby, 24 May 2022

Attendees: four PPF members, Public Involvement Officer; from Region Kvarnby, two members of Delaktighetsrådet (their regional involvement council) and a development officer.

1. Region Kvarnby presented Brukarrevisionen, the user-led audit of psychiatric outpatient clinics run by the service-user association Sinnesro from 2014 to 2017. Auditors with lived experience interviewed patients and reported recommendations to each clinic.
2. They also described their patient guides in cancer care (patientvägledare), employed since autumn 2019.
3. Discussion of how the Glenbrae Peer Support Worker programme compares with the Kvarnby patient guides. Both are paid roles built on lived experience.
4. The Kvarnby colleagues asked about the Carers' Improvement Collaborative and the PDSA approach.

Next steps: notes to be circulated to the PPF (action 22/11).
""",
    )


# ================================================================ GOLD

INITIATIVES = [
    {
        "id": "i01",
        "name": "Brukarrevisionen i psykiatrin",
        "aliases": ["Brukarrevisionen", "brukarrevisionen", "user-led audit"],
        "start": 2014,
        "end": 2017,
        "active_years": [],
        "ongoing": False,
        "methods": ["co_evaluation", "ppe_driven"],
        "levels": ["meso"],
        "ppe_roles": ["evaluator", "leader"],
        "documents": [
            "hsn_protokoll_2019-10-17.txt",
            "handlingsplan_delaktighet_2022-2025.docx",
            "intervju_07_samordnare.txt",
            "glenbrae_public_involvement_annual_report_2021-22.pdf",
            "ppf_minutes_2022-06.docx",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i02",
        "name": "Patientvägledare i cancervården",
        "aliases": ["patientvägledare", "patientvägledarna", "patient guides"],
        "start": 2019,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["ppe_as_staff"],
        "levels": ["micro", "meso"],
        "ppe_roles": ["staff"],
        "documents": [
            "RS-2021-0412_tjansteskrivelse.docx",
            "hsn_protokoll_2019-10-17.txt",
            "delarsrapport_jan-aug_2022.pdf",
            "handlingsplan_delaktighet_2022-2025.docx",
            "kvarnby_se_patientvagledare.html",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i03",
        "name": "Delaktighetsrådet",
        "aliases": ["Brukarrådet för hälso- och sjukvård", "brukarråd", "Delaktighetsrådet", "regional involvement council"],
        "start": 2016,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["dialogue_meetings", "co_design"],
        "levels": ["macro"],
        "ppe_roles": ["participant", "co_designer", "leader"],
        "documents": [
            "RS-2021-0412_tjansteskrivelse.docx",
            "handlingsplan_delaktighet_2022-2025.docx",
            "kvarnby_se_delaktighetsradet.html",
            "minnesanteckningar_delaktighetsradet_2023-02.md",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i04",
        "name": "Personan Alva",
        "aliases": ["Alva, 84 år", "personan Alva", "Alva"],
        "start": 2012,
        "end": 2015,
        "active_years": [],
        "ongoing": False,
        "methods": ["personas", "co_design"],
        "levels": ["meso", "macro"],
        "ppe_roles": ["informant", "co_designer"],
        "documents": ["handlingsplan_delaktighet_2022-2025.docx", "intervju_07_samordnare.txt"],
    },
    {
        "id": "i05",
        "name": "Egendialys",
        "aliases": ["egendialys", "egendialysen", "Egendialysen på njurmedicinska mottagningen"],
        "start": 2013,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["self_management", "person_centred_care"],
        "levels": ["micro"],
        "ppe_roles": ["participant", "educator"],
        "documents": [
            "delarsrapport_jan-aug_2022.pdf",
            "1177_egendialys_kvarnby.html",
            "fokusgrupp_njurmottagningen_2021.txt",
        ],
    },
    {
        "id": "i06",
        "name": "Berättarcaféet",
        "aliases": ["Berättarcaféet", "berättarcaféer", "berättarcafé"],
        "start": 2015,
        "end": 2022,
        "active_years": [2015, 2018, 2022],
        "ongoing": False,
        "methods": ["storytelling", "learning_education"],
        "levels": ["meso"],
        "ppe_roles": ["educator", "informant"],
        "documents": [
            "hsn_protokoll_2019-10-17.txt",
            "delarsrapport_jan-aug_2022.pdf",
            "handlingsplan_delaktighet_2022-2025.docx",
            "kvarnbyposten_2022-03-09.html",
        ],
    },
    {
        "id": "i07",
        "name": "Min vårdöverenskommelse",
        "aliases": ["MVÖ", "Min vårdöverenskommelse", "vårdöverenskommelse"],
        "start": 2020,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["care_agreement", "person_centred_care", "co_design"],
        "levels": ["micro", "meso"],
        "ppe_roles": ["participant", "co_designer"],
        "documents": [
            "RS-2021-0412_tjansteskrivelse.docx",
            "delarsrapport_jan-aug_2022.pdf",
            "handlingsplan_delaktighet_2022-2025.docx",
            "fokusgrupp_njurmottagningen_2021.txt",
        ],
    },
    {
        "id": "i08",
        "name": "Peer Support Worker programme",
        "aliases": ["PSW programme", "peer support workers", "peer support worker", "Peer Support Worker (PSW) programme"],
        "start": 2011,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["ppe_as_staff", "learning_education"],
        "levels": ["micro", "meso"],
        "ppe_roles": ["staff"],
        "documents": [
            "GB-2021-58_board_paper_involvement.pdf",
            "interview_peer_worker.md",
            "glenbrae_get_involved.html",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i09",
        "name": "Better Breathing Together",
        "aliases": ["experience-based co-design project with people living with COPD", "Better Breathing Together project"],
        "start": 2018,
        "end": 2021,
        "active_years": [],
        "ongoing": False,
        "methods": ["co_design", "storytelling"],
        "levels": ["meso"],
        "ppe_roles": ["co_designer", "informant"],
        "documents": [
            "GB-2021-58_board_paper_involvement.pdf",
            "glenbrae_public_involvement_annual_report_2021-22.pdf",
            "glenbrae_news_better_breathing.html",
        ],
    },
    {
        "id": "i10",
        "name": "Carers' Improvement Collaborative",
        "aliases": ["Carers' Improvement Collaborative", "improvement collaborative", "ward improvement team"],
        "start": 2020,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["quality_improvement", "storytelling", "co_design"],
        "levels": ["micro", "meso"],
        "ppe_roles": ["participant", "co_designer", "leader"],
        "documents": [
            "GB-2021-58_board_paper_involvement.pdf",
            "fg_carers_dementia_wards_2022.txt",
            "ppf_minutes_2022-06.docx",
            "glenbrae_get_involved.html",
            "carers_collaborative_storyboard.md",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i11",
        "name": "Public Partnership Forum",
        "aliases": ["PPF", "Public Partnership Forum", "Glenbrae Public Partnership Forum"],
        "start": 2006,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["dialogue_meetings", "ppe_driven"],
        "levels": ["macro"],
        "ppe_roles": ["leader", "participant"],
        "documents": [
            "glenbrae_public_involvement_annual_report_2021-22.pdf",
            "ppf_minutes_2022-06.docx",
            "glenbrae_get_involved.html",
            "glenbrae_exchange_note_2022.txt",
        ],
    },
    {
        "id": "i12",
        "name": "Voices in Training",
        "aliases": ["'Voices in Training' panel", "Voices in Training"],
        "start": 2017,
        "end": None,
        "active_years": [],
        "ongoing": True,
        "methods": ["learning_education", "co_design"],
        "levels": ["meso"],
        "ppe_roles": ["educator", "co_designer"],
        "documents": [
            "glenbrae_public_involvement_annual_report_2021-22.pdf",
            "interview_peer_worker.md",
            "glenbrae_get_involved.html",
        ],
    },
]

NON_INITIATIVES = [
    {
        "name": "Akutbygget (ombyggnad av akutmottagningen)",
        "documents": [
            "RS-2021-0412_tjansteskrivelse.docx",
            "delarsrapport_jan-aug_2022.pdf",
            "kvarnbyposten_2022-03-09.html",
        ],
    },
    {
        "name": "Samlad journal (nytt journalsystem)",
        "documents": [
            "RS-2021-0412_tjansteskrivelse.docx",
            "hsn_protokoll_2019-10-17.txt",
            "delarsrapport_jan-aug_2022.pdf",
        ],
    },
    {
        "name": "Theatre Scheduling Optimisation Project",
        "documents": ["theatre_scheduling_closure_report.pdf", "GB-2021-58_board_paper_involvement.pdf"],
    },
    {
        "name": "Automated dispensing robot (hospital pharmacy)",
        "documents": ["glenbrae_public_involvement_annual_report_2021-22.pdf"],
    },
    {
        "name": "Laboratory courier consolidation",
        "documents": ["glenbrae_public_involvement_annual_report_2021-22.pdf"],
    },
]

CLUSTERS = {
    "c1": "Roles, power and mutual respect",
    "c2": "Preparation, support and remuneration",
    "c3": "Leadership anchoring and steering",
    "c4": "Diversity: whose voices are heard",
    "c5": "Continuity beyond project funding",
    "c6": "Evaluation, outcomes and risks",
}


def main() -> None:
    DOCS.mkdir(parents=True, exist_ok=True)
    for p in DOCS.iterdir():
        p.unlink()
    for fn in (
        sv_tjansteskrivelse,
        sv_protokoll,
        sv_delarsrapport,
        sv_handlingsplan,
        sv_web_radet,
        sv_web_vagledare,
        sv_1177,
        sv_news,
        sv_fokusgrupp,
        sv_intervju,
        sv_minnes,
        en_board_paper,
        en_annual_report,
        en_focus_group,
        en_interview,
        en_minutes,
        en_closure,
        en_news,
        en_get_involved,
        en_storyboard,
        en_interview2_scots,
    ):
        fn()
    lessons = sorted(LESSONS, key=lambda d: (d["document"], d["text"]))
    gold = {
        "corpus": "heldout-kvarnby",
        "languages": ["en", "sv"],
        "initiatives": INITIATIVES,
        "non_initiatives": NON_INITIATIVES,
        "lessons": lessons,
        "clusters": CLUSTERS,
    }
    (HERE / "gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
