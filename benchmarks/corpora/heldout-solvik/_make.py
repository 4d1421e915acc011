"""Deterministic generator for the heldout-solvik corpus (invented Region Solvik).

Run: /work/venv/bin/python benchmarks/corpora/heldout-solvik/_make.py
Writes documents/ and gold.json next to this file. Written blind to the engine
and to the other corpora. PDFs: reportlab with invariant=1 (no timestamps);
DOCX: python-docx with fixed core properties.
"""

from __future__ import annotations

import datetime
import json
import shutil
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "documents"

LESSONS: list[dict] = []


def les(doc: str, cluster: str, text: str) -> str:
    """Record a lessons-learned statement and return it for inclusion."""
    LESSONS.append({"document": doc, "text": text, "cluster": cluster})
    return text


CLUSTERS = {
    "c1": "Förberedelse, stöd och ersättning till medverkande",
    "c2": "Ledningens stöd och långsiktig struktur",
    "c3": "Bredd och representativitet",
    "c4": "Personalens roller och förhållningssätt",
    "c5": "Återkoppling och synliga resultat",
    "c6": "Risker, belastning och osäkerhet",
}

# --------------------------------------------------------------------------
# HTML templates (several hands)
# --------------------------------------------------------------------------

REGION_MENU = """<nav class="huvudmeny" aria-label="Huvudmeny"><ul>
<li><a href="/vard-och-halsa">Vård och hälsa</a></li><li><a href="/kultur">Kultur och fritid</a></li>
<li><a href="/kollektivtrafik">Kollektivtrafik</a></li><li><a href="/politik">Politik och påverkan</a></li>
<li><a href="/jobb">Jobba hos oss</a></li><li><a href="/om-regionen">Om Region Solvik</a></li></ul></nav>"""

COOKIE = """<div id="cookie-banner" class="cookie"><p>Vi använder kakor (cookies) för att
förbättra webbplatsen. <a href="/kakor">Läs mer om kakor</a></p>
<button>Godkänn alla</button><button>Endast nödvändiga</button></div>"""

REGION_FOOTER = """<footer class="sidfot"><div>Region Solvik · Regionens hus, Storgatan 14, 871 20 Solvik ·
Växel 0611-45 00 00 · <a href="mailto:region@regionsolvik.se">region@regionsolvik.se</a></div>
<ul><li><a href="/tillganglighet">Tillgänglighetsredogörelse</a></li><li><a href="/personuppgifter">Behandling av personuppgifter</a></li>
<li><a href="/kakor">Kakor</a></li><li><a href="/in-english">In English</a></li></ul></footer>"""


def region_page(
    title: str, crumbs: list[str], body: str, updated: str, factbox: str = "", ingress: str = ""
) -> str:
    crumb = " / ".join(f'<a href="#">{c}</a>' for c in crumbs)
    fact = f'<aside class="faktaruta"><h2>Fakta</h2>{factbox}</aside>' if factbox else ""
    ing = f'<p class="ingress"><strong>{ingress}</strong></p>' if ingress else ""
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{title} - Region Solvik</title>
<meta name="description" content="{title}"></head>
<body>{COOKIE}
<header><a class="logo" href="/">Region Solvik</a><form role="search"><input type="search" placeholder="Sök på webbplatsen"></form>
{REGION_MENU}</header>
<div class="brodsmulor">Du är här: <a href="/">Startsida</a> / {crumb}</div>
<main><article>
<h1>{title}</h1>
{ing}
{body}
{fact}
<p class="senast">Senast uppdaterad: {updated}</p>
</article></main>
<div class="dela">Dela sidan: <a href="#">Facebook</a> <a href="#">LinkedIn</a> <a href="#">E-post</a></div>
<div class="hjalp">Hjälpte informationen på sidan dig? <button>Ja</button> <button>Nej</button></div>
{REGION_FOOTER}</body></html>
"""


def news_page(title: str, date: str, body: str, kind: str = "Nyheter") -> str:
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{title} | {kind} | Region Solvik</title>
<meta property="article:published_time" content="{date}"></head>
<body>{COOKIE}
<header><a class="logo" href="/">Region Solvik</a>{REGION_MENU}</header>
<div class="brodsmulor"><a href="/">Startsida</a> &gt; <a href="/nyheter">{kind}</a> &gt; {title}</div>
<main><article class="nyhet">
<p class="kategori">{kind}</p>
<h1>{title}</h1>
<p class="publicerad">Publicerad {date}</p>
{body}
</article>
<section class="fler"><h2>Fler nyheter</h2><ul><li><a href="#">Influensavaccinationen startar</a></li>
<li><a href="#">Ändrade öppettider i påsk</a></li><li><a href="#">Regionfullmäktige sammanträder</a></li></ul></section></main>
{REGION_FOOTER}</body></html>
"""


def press_page(title: str, date: str, body: str, contact: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Pressmeddelande: {title}</title></head>
<body><div class="cookie-notice">Den här webbplatsen använder kakor. <a href="#">OK</a></div>
<header><span>Region Solvik Press</span> <nav><a href="#">Pressmeddelanden</a> | <a href="#">Bilder</a> | <a href="#">Presskontakter</a></nav></header>
<main>
<div class="press-meta">PRESSMEDDELANDE · {date}</div>
<h1>{title}</h1>
{body}
<h3>För mer information</h3>
<p>{contact}</p>
<p class="om"><em>Region Solvik ansvarar för hälso- och sjukvård, kollektivtrafik och regional utveckling för cirka 210 000 invånare.</em></p>
</main>
<footer>© Region Solvik · Prenumerera på våra pressmeddelanden</footer></body></html>
"""


def P(*paras: str) -> str:
    return "\n".join(f"<p>{p}</p>" for p in paras)


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


def docs_html() -> dict[str, str]:
    d: dict[str, str] = {}

    d["patient-och-brukarmedverkan.html"] = region_page(
        "Patient- och brukarmedverkan",
        ["Vård och hälsa", "Så arbetar vi", "Patient- och brukarmedverkan"],
        "<h2>Vi arbetar tillsammans med patienter, närstående och invånare</h2>"
        + P(
            "I Region Solvik ska den som har egen erfarenhet av vården kunna vara med och påverka hur "
            "vården utformas. Vi kallar det samskapande. Det kan handla om allt från att vara med i ett "
            "patientråd till att berätta sin historia för regionens politiker.",
            "Redan i början av 2010-talet började regionens ledning bjuda in patienter och anhöriga att "
            "berätta om sina erfarenheter vid sammanträden. Patientberättelserna inleder fortfarande "
            "många möten i regionstyrelsen och i sjukhusledningarna.",
        )
        + "<h2>Exempel på hur du kan medverka</h2><ul>"
        "<li>Patientrådet vid Havsbo sjukhus – träffas sedan 2015 och granskar bland annat kallelser och skyltning.</li>"
        "<li>Hälsoskolan – kurser i egenvård där erfarenhetsexperter leder delar av undervisningen.</li>"
        "<li>Brukarrådet inom psykiatri och beroende.</li>"
        '<li>"Fråga oss" – stödpersoner med egen cancererfarenhet på Solviks centrallasarett.</li>'
        "<li>Invånardialogen Vården vi vill ha.</li>"
        "<li>Min vårdöverenskommelse (MVÖ) i primärvården.</li></ul>"
        + P(
            "Vill du veta mer eller anmäla intresse? Kontakta enheten för patientmedverkan via växeln."
        ),
        "2024-05-16",
        ingress="Patientmedverkan och brukarmedverkan är en del av hur Region Solvik utvecklar vården.",
    )

    d["patientradet-havsbo.html"] = region_page(
        "Patientrådet vid Havsbo sjukhus",
        ["Vård och hälsa", "Havsbo sjukhus", "Patientrådet"],
        P(
            "Patientrådet vid Havsbo sjukhus består av tio personer med egen erfarenhet som patient eller "
            "närstående. Rådet har funnits sedan 2015 och träffar sjukhusledningen fyra gånger per år.",
            "Rådets ledamöter granskar kallelser, patientinformation och skyltning innan den tas i bruk. "
            "Under 2022 gick rådet igenom samtliga kallelser från sjukhusets mottagningar och föreslog "
            "enklare språk. Ledamöterna deltar också i sjukhusets egna uppföljningar av patientenkäter och "
            "lämnar synpunkter på hur resultaten ska tolkas.",
            "Ledamöterna får arvode och ersättning för resor enligt regionens riktlinjer.",
        )
        + "<h2>Vill du vara med?</h2>"
        + P(
            "Vi söker just nu nya ledamöter, gärna yngre personer och personer med erfarenhet av "
            "förlossningsvården. Skicka en intresseanmälan till sjukhusets kansli."
        ),
        "2023-11-02",
        factbox="<p>Startår: 2015</p><p>Möten: 4 per år</p><p>Kontakt: Kansliet, Havsbo sjukhus</p>",
    )

    d["halsoskolan.html"] = region_page(
        "Hälsoskolan",
        ["Vård och hälsa", "Leva med långvarig sjukdom", "Hälsoskolan"],
        P(
            "Hälsoskolan (tidigare kallad Diabetesskolan) är en kursserie för dig som lever med en "
            "långvarig sjukdom och vill lära dig mer om egenvård. Kurserna leds av en sjuksköterska eller "
            "dietist tillsammans med en erfarenhetsexpert – en person som själv lever med sjukdomen.",
            "Hälsoskolan startade hösten 2018 som Diabetesskolan på vårdcentralerna i Solvik och Strandås. "
            "Från och med 2021 vänder sig kurserna även till personer med hjärtsvikt och KOL, och då bytte "
            "vi namn.",
            "Under kursen lär du dig att själv följa dina värden, justera din behandling i samråd med "
            "vården och planera din vardag. Du träffar andra i samma situation.",
        ),
        "2024-02-09",
        factbox="<p>Kurstid: 5 träffar à 2 timmar</p><p>Kostnad: Kostnadsfritt</p><p>Anmälan: via din vårdcentral</p>",
    )

    d["nyhet-2018-diabetesskolan.html"] = news_page(
        "Ny skola lär ut egenvård vid diabetes",
        "2018-08-27",
        P(
            "I september startar Diabetesskolan på två vårdcentraler. Det nya är att varje kurs leds av "
            "både en diabetessjuksköterska och en person som själv har typ 2-diabetes.",
            "– Deltagarna lyssnar på ett annat sätt när det är någon som har gjort samma resa, säger "
            "Helena Strömgren, diabetessjuksköterska på Strandås vårdcentral.",
            "Kursledarna med egen erfarenhet har gått en utbildning i pedagogik och får arvode. Kursen är "
            "kostnadsfri och man anmäler sig via sin vårdcentral.",
        ),
    )

    d["fraga-oss-cancer.html"] = region_page(
        '"Fråga oss" – stödpersoner på cancermottagningen',
        ["Vård och hälsa", "Solviks centrallasarett", "Cancercentrum", "Fråga oss"],
        P(
            "På cancermottagningen vid Solviks centrallasarett finns stödpersoner som själva har haft "
            "cancer eller varit närstående till någon med cancer. De är anställda på deltid och finns i "
            "väntrummet tre dagar i veckan.",
            'Stödpersonerna i "Fråga oss" ersätter inte vårdpersonalen. De kan berätta hur det var för '
            "dem, lyssna och hjälpa dig att formulera frågor inför läkarbesöket.",
            "Verksamheten startade i maj 2017 och har sedan dess haft fler än 4 000 samtal.",
        ),
        "2024-01-22",
        factbox="<p>Öppet: måndag, onsdag och torsdag 9–15</p><p>Plats: Väntrummet, plan 2</p>",
    )

    d["pressmeddelande-2017-04-fraga-oss.html"] = press_page(
        "Tidigare patienter blir stödpersoner på cancermottagningen",
        "3 april 2017",
        P(
            "Från och med maj 2017 anställer Region Solvik tre personer med egen erfarenhet av cancer som "
            "stödpersoner på cancermottagningen vid Solviks centrallasarett. Satsningen får namnet "
            '"Fråga oss".',
            "– Många patienter har frågor som de inte ställer till läkaren. Vi tror att en person som har "
            "varit i samma situation kan göra stor skillnad, säger Anders Vikberg, verksamhetschef.",
            "Stödpersonerna har genomgått en utbildning i samtalsmetodik och tystnadsplikt.",
        ),
        "Anders Vikberg, verksamhetschef cancercentrum, 0611-45 12 30",
    )

    d["brukarpanelen-arkiv.html"] = region_page(
        "Brukarpanelen inom psykiatrin (avslutat projekt)",
        ["Vård och hälsa", "Psykiatri", "Arkiv", "Brukarpanelen"],
        P(
            "<em>Detta är en arkiverad sida. Informationen uppdateras inte.</em>",
            "Brukarpanelen var ett projekt inom vuxenpsykiatrin som pågick 2016–2019. Panelen bestod av "
            "åtta personer med egen erfarenhet av psykisk ohälsa som granskade och bedömde psykiatrins "
            "informationsmaterial, vårdplaner och väntrumsmiljöer.",
            "Panelen utvärderade också hur patienter upplevde inskrivningen på avdelning 31 med hjälp av "
            "en enkät som panelen själv hade utformat.",
            "Arbetet fortsätter sedan 2020 i Brukarrådet för psykiatri och beroende.",
        ),
        "2020-03-05",
        factbox="<p>Projekttid: 2016–2019</p><p>Finansiering: Statliga stimulansmedel för psykisk hälsa</p>",
    )

    d["egenbokad-plats.html"] = region_page(
        "Egenbokad plats – självvald korttidsinläggning",
        ["Vård och hälsa", "Psykiatri", "Egenbokad plats"],
        P(
            "Egenbokad plats innebär att du som har en pågående kontakt med vuxenpsykiatrin själv kan "
            "boka in dig på en vårdplats i upp till tre dygn när du känner att du behöver det, utan att gå "
            "via akuten.",
            "Innan du kan använda Egenbokad plats gör du och ditt behandlingsteam en skriftlig "
            "överenskommelse. Där står vad som ska hända under vistelsen, vad du själv ansvarar för och "
            "vem du kontaktar. Överenskommelsen följs upp var sjätte månad.",
            "Egenbokad plats startade som försök i januari 2020 på avdelning 32 och är nu en permanent del "
            "av verksamheten.",
        ),
        "2023-09-18",
    )

    d["kustbladet-egenbokad-plats.html"] = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>”Jag slipper vänta på akuten i tio timmar” | Kustbladet</title>
<meta property="article:published_time" content="2021-10-11"></head>
<body><div class="consent">Kustbladet och våra partner använder cookies. <button>Acceptera</button> <button>Inställningar</button></div>
<header><span class="logo">KUSTBLADET</span><nav><a href="#">Nyheter</a> <a href="#">Solvik</a> <a href="#">Strandås</a> <a href="#">Sport</a> <a href="#">Åsikter</a> <a href="#">E-tidning</a></nav></header>
<main><article>
<p class="kicker">SOLVIK</p>
<h1>”Jag slipper vänta på akuten i tio timmar”</h1>
<p class="byline">Av Petra Lindkvist · 11 oktober 2021 06:00</p>
<p class="lead">Sedan januari förra året kan patienter inom psykiatrin i Solvik boka en vårdplats själva. Nu vill regionen att fler ska få möjligheten.</p>
<p>Mikaela, 34, har bipolär sjukdom och har använt Egenbokad plats fyra gånger.</p>
<p>– Förut fick jag sitta på akuten en hel natt för att bevisa att jag mådde dåligt. Nu ringer jag och säger att jag kommer. Det är jag som känner mig själv bäst, säger hon.</p>
<p>Systemet bygger på en överenskommelse som patienten skriver tillsammans med sin behandlare. Enligt avdelningschefen Jonas Ek har antalet tvångsinläggningar bland deltagarna minskat.</p>
<p>– Vi var oroliga för att platserna skulle bli fullbokade, men det har inte hänt. Patienterna bokar oftast kortare än de får, säger han.</p>
<p>Kritiker menar dock att modellen kräver mer personal. Vårdförbundets lokalavdelning efterlyser en utvärdering.</p>
</article>
<aside><h2>Mest läst</h2><ol><li>Ny rondell på Hamnvägen</li><li>Solvik IF vidare i cupen</li></ol></aside></main>
<footer>Kustbladet · Ansvarig utgivare: Karin Holm · Tipsa oss: 0611-700 00</footer></body></html>
"""

    d["min-vardoverenskommelse.html"] = region_page(
        "Min vårdöverenskommelse (MVÖ)",
        ["Vård och hälsa", "Vårdcentraler", "Min vårdöverenskommelse"],
        P(
            "Min vårdöverenskommelse, MVÖ, är ett sätt för dig som har flera kontakter med vården att "
            "tillsammans med din vårdcentral komma överens om vad som är viktigast för dig.",
            "Överenskommelsen innehåller fyra delar: dina egna mål, en plan som alla dina vårdkontakter "
            "känner till, en namngiven kontaktperson och när nästa kontakt ska ske.",
            "Arbetssättet har tagits fram av patienter, anhöriga och personal i fyra "
            "utvecklingsverkstäder under 2020. Från och med 2021 erbjuds MVÖ på alla regionens "
            "vårdcentraler.",
        ),
        "2024-03-28",
        factbox="<p>Kontakt: Din vårdcentral</p><p>Gäller: Alla regionens vårdcentraler</p>",
    )

    d["anhorigforeningen-samtalsgrupper.html"] = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Samtalsgrupper för anhöriga – Anhörigföreningen Solvik</title></head>
<body><header><h2>Anhörigföreningen Solvik</h2><nav><a href="#">Hem</a> · <a href="#">Om oss</a> · <a href="#">Bli medlem</a> · <a href="#">Kalender</a> · <a href="#">Kontakt</a></nav></header>
<main><article>
<h1>Samtalsgrupper för anhöriga</h1>
<p>Är du anhörig till någon med psykisk ohälsa eller demens? Då är du välkommen till våra samtalsgrupper!</p>
<p>Vi i föreningen tog initiativet till samtalsgrupperna 2019 efter att många medlemmar berättat att de saknade någonstans att prata. Grupperna leds av två av våra medlemmar som själva är anhöriga och som har gått en gruppledarutbildning.</p>
<p>Projektet är ett samarbete mellan föreningen, Region Solvik och Ekeby kommun. Regionen och kommunen står för lokaler och utbildning av gruppledarna, men det är vi anhöriga som bestämmer innehållet.</p>
<p>Grupperna träffas varannan vecka, åtta gånger per termin. Det kostar ingenting.</p>
<p><strong>Anmälan:</strong> ring Birgitta på 070-123 45 67.</p>
</article></main>
<footer>Anhörigföreningen Solvik · Bankgiro 123-4567 · Org.nr 802000-0000</footer></body></html>
"""

    d["ekeby-kommun-anhorigstod.html"] = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>Anhörigstöd i samverkan - Ekeby kommun</title></head>
<body><div class="cookiebar">Ekeby kommun använder kakor. <a href="#">Jag förstår</a></div>
<header><a href="/">Ekeby kommun</a><nav><a href="#">Omsorg och stöd</a> <a href="#">Skola</a> <a href="#">Bygga och bo</a> <a href="#">Kommun och politik</a></nav></header>
<div class="breadcrumb">Startsida › Omsorg och stöd › Anhörigstöd › Samverkan med Region Solvik</div>
<main><h1>Anhörigstöd i samverkan med Region Solvik</h1>
<p>Ekeby kommun och Region Solvik har ett gemensamt avtal om stöd till anhöriga. Inom avtalet ryms bland annat samtalsgrupper för anhöriga som drivs av Anhörigföreningen Solvik.</p>
<p>Samverkansprojektet pågick 2019–2021 med medel från den regionala samverkansnämnden. Från och med 2022 ingår samtalsgrupperna i kommunens ordinarie anhörigstöd.</p>
<p>Kommunen erbjuder också avlösning i hemmet, anhörigcafé och enskilda stödsamtal med anhörigkonsulent.</p>
<div class="fakta"><p>Projekttid: 2019–2021</p><p>Kontakt: Anhörigkonsulent, Ekeby kommun</p></div>
<p>Sidan uppdaterades 2023-06-12</p></main>
<footer>Ekeby kommun · Kommunhuset · 873 80 Ekeby · 0611-88 00 00</footer></body></html>
"""

    d["varden-vi-vill-ha.html"] = region_page(
        "Invånardialog: Vården vi vill ha",
        ["Politik och påverkan", "Invånardialog", "Vården vi vill ha"],
        P(
            "Vården vi vill ha är regionens återkommande invånardialog om primärvårdens framtid. "
            "Regionfullmäktiges ledamöter möter invånare, patientföreningar och personal i öppna "
            "samtal på bibliotek, bygdegårdar och vårdcentraler.",
            "Under 2020 och 2022 genomfördes dialoger i alla sex kommuner i länet. 2020 hölls träffarna "
            "digitalt på grund av pandemin. En tredje omgång genomfördes hösten 2024 med fokus på unga "
            "vuxna.",
            "Synpunkterna sammanställs och lämnas till hälso- och sjukvårdsnämnden som underlag för "
            "budget och verksamhetsplan.",
        ),
        "2024-12-03",
    )

    d["nyhet-2017-saker-hemgang.html"] = news_page(
        "Tolv team ska göra hemgången från sjukhuset säkrare",
        "2017-09-14",
        P(
            "Nu startar genombrottsprogrammet Säker hemgång. Tolv förbättringsteam från sjukhusen, "
            "kommunernas hemtjänst och vårdcentraler ska under ett år testa nya sätt att planera "
            "utskrivningen.",
            "I varje team ingår en patient eller närstående som själv har varit med om en rörig hemgång. "
            "Teamen arbetar med små tester enligt PDSA-hjulet och mäter resultat varje vecka.",
            "Programmet pågår från september 2017 till juni 2018 och avslutas med en gemensam "
            "lärandekonferens.",
        ),
    )

    d["english-summary.html"] = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Co-production with patients - Region Solvik</title></head>
<body><div id="cookie-banner">We use cookies. <button>Accept</button></div>
<header><a href="/">Region Solvik</a><nav><a href="/in-english">In English</a> <a href="/">Svenska</a></nav></header>
<div class="breadcrumbs">Home / In English / Co-production with patients</div>
<main><article><h1>Co-production with patients and citizens</h1>
<p>Region Solvik is responsible for health care for about 210,000 residents in the north-east of Sweden. We work together with patients, relatives and citizens to improve care.</p>
<h2>Some examples</h2>
<p><strong>The Health School</strong> (Hälsoskolan) offers courses in self-care for people with long-term conditions. Since autumn 2018, each course is co-led by a nurse and a peer educator who lives with the condition.</p>
<p><strong>Ask Us</strong> (\"Fråga oss\") is a peer support service at the cancer clinic of Solvik Central Hospital, staffed since 2017 by former patients and relatives employed part-time.</p>
<p><strong>Self-booked admission</strong> (Egenbokad plats) allows psychiatric patients to admit themselves for up to three days, based on a written agreement with their care team. It started as a pilot in 2020.</p>
<p><strong>The ED Design Workshop</strong> (Akutens designverkstad, 2018–2019) used experience-based co-design to redesign the emergency department together with patients and relatives.</p>
<p><strong>My Care Agreement</strong> (Min vårdöverenskommelse, MVÖ) has been offered in all primary care centres since 2021.</p>
<p>Page last updated: 14 May 2024</p>
</article></main>
<footer>Region Solvik · Storgatan 14 · SE-871 20 Solvik · Sweden</footer></body></html>
"""

    # ---- non-initiatives --------------------------------------------------
    d["nyhet-2022-hus-7.html"] = news_page(
        "Första spadtaget för nya vårdbyggnaden Hus 7",
        "2022-04-20",
        P(
            "I dag togs det första spadtaget för Hus 7 vid Solviks centrallasarett. Den nya "
            "vårdbyggnaden ska rymma 96 vårdplatser i enkelrum, en ny intensivvårdsavdelning och åtta "
            "operationssalar.",
            "– Hus 7 gör att patienterna får en lugnare vårdmiljö och att vi kan minska överbeläggningarna, "
            "säger regiondirektör Lena Sandell.",
            "Byggnaden beräknas vara klar 2026. I samband med bygget flyttar även sterilcentralen till "
            "nya lokaler i kulvertplanet under hösten 2023.",
        ),
    )

    d["pressmeddelande-2023-webbtidbokning.html"] = press_page(
        "Nu kan du boka tid på vårdcentralen på webben",
        "14 februari 2023",
        P(
            "Från och med mars införs webbtidbokning på samtliga vårdcentraler i Region Solvik. "
            "Införandet sker stegvis och ska vara klart i juni 2023.",
            "Webbtidbokningen införs för att patienterna ska få kortare väntetider i telefon och för att "
            "frigöra tid för sjuksköterskorna på vårdcentralerna.",
            "Projektet leds av regionens IT-avdelning tillsammans med leverantören.",
        ),
        "Tomas Berg, projektledare IT-avdelningen, 0611-45 20 10",
    )

    d["jobba-i-solvik-kampanj.html"] = region_page(
        'Rekryteringskampanjen "Vårda i Solvik"',
        ["Jobba hos oss", "Våra satsningar", "Vårda i Solvik"],
        P(
            'Under 2023–2024 genomför Region Solvik rekryteringskampanjen "Vårda i Solvik" för att '
            "locka sjuksköterskor, barnmorskor och specialistläkare till regionen.",
            "Kampanjen omfattar annonser i sociala medier, mässor på lärosätena i Umeå och Uppsala och ett "
            "nytt introduktionsprogram för nyanställda. Målet är 120 nya sjuksköterskor till och med 2024.",
            "Fler medarbetare behövs för att patienterna ska få vård i rätt tid och för att minska "
            "beroendet av bemanningsföretag.",
        ),
        "2024-01-15",
        factbox="<p>Kampanjperiod: 2023–2024</p><p>Kontakt: HR-avdelningen</p>",
    )

    d["provflodet-laboratoriemedicin.html"] = region_page(
        "Projektet Provflödet",
        ["Om Region Solvik", "Projekt", "Provflödet"],
        P(
            "Provflödet är ett logistikprojekt inom Laboratoriemedicin Solvik. Målet är att blodprover från "
            "vårdcentralerna ska nå laboratoriet samma dag.",
            "Projektet inför fasta budslingor, spårbara provlådor med streckkod och nya rutiner för "
            "provtagningsmaterial. Svarstiderna för rutinprover ska halveras så att patienterna får "
            "snabbare besked.",
        ),
        "2021-05-04",
        factbox="<p>Projekttid: 2020–2021</p><p>Projektägare: Laboratoriemedicin</p><p>Kontakt: Projektledare Sara Nyqvist</p>",
    )
    return d


# --------------------------------------------------------------------------
# Plain text: interview transcript, brukarråd notes, conference abstract
# --------------------------------------------------------------------------


def doc_interview() -> str:
    n = "intervju-utvecklingsledare-2024.txt"
    t = f"""Transkribering, intervju 3
Datum: 2024-10-08
Informant: utvecklingsledare, enheten för patientmedverkan, Region Solvik
Intervjuare: AB

I: Kan du berätta hur arbetet med patientmedverkan har växt fram här?

IP: Ja, alltså det började ju med berättelserna. I början av 2010-talet bjöd regiondirektören in patienter till ledningsgruppen för att berätta. {les(n, "c2", "Det som gjorde skillnad var att regiondirektören själv satt och lyssnade, då förstod alla chefer att det här var på riktigt.")} Sen kom patientråden, och så småningom Hälsoskolan och allt det andra.

I: Vad har ni lärt er om hur man får med patienterna?

IP: Mycket. {les(n, "c1", "Vi lärde oss att man måste förbereda patienterna innan mötet, annars sitter de tysta och känner sig som gäster.")} Och sen ersättningen. {les(n, "c1", "När vi började betala arvode blev det mycket lättare att få folk att stanna kvar, det signalerar att deras tid är lika mycket värd som vår.")}

I: Mm.

IP: {les(n, "c3", "Vi har haft för många pensionerade lärare i våra råd, det är ett problem, vi når inte de unga eller de som inte pratar svenska.")} {les(n, "c3", "Det har hjälpt att gå ut till föreningarna och träffa folk där de redan är i stället för att bjuda in till regionhuset.")}

I: Hur har personalen tagit emot det här?

IP: Blandat. {les(n, "c4", "Många läkare var rädda att stödpersonerna skulle ge medicinska råd, men det har inte hänt en enda gång.")} {les(n, "c4", "Personalen behövde själva få pröva att sitta i en verkstad med patienter för att förstå att det inte är ett hot.")} Och så tror jag att det handlar om vem som äger frågan. {les(n, "c4", "Man måste släppa kontrollen lite, det är inte vi som ska bestämma vad som är viktigt för patienten.")}

I: Finns det något som inte har fungerat?

IP: Ja. Brukarpanelen, till exempel, den tog slut när pengarna tog slut. {les(n, "c2", "Projekt som bara lever på stimulansmedel dör när pengarna tar slut, det måste in i den vanliga budgeten från början.")} {les(n, "c5", "Och vi var dåliga på att berätta för panelen vad som hände med deras förslag, det tror jag gjorde att flera hoppade av.")}

I: Och risker?

IP: {les(n, "c6", "Vi får inte glömma att de som medverkar ofta är sjuka själva, det kan bli för tungt att bära andras berättelser också.")} {les(n, "c6", "Vi vet fortfarande inte riktigt vad samskapandet ger i form av hälsa, vi har mest berättelser och enstaka siffror.")}

I: Tack. Något du vill lägga till?

IP: Bara att det tar tid. {les(n, "c2", "Det har tagit tio år att komma hit, och det går inte att hoppa över stegen.")}

[Slut på inspelningen]
"""
    return t


def doc_brukarrad() -> str:
    n = "minnesanteckningar-brukarradet-2023-03-14.txt"
    return f"""MINNESANTECKNINGAR
Brukarrådet psykiatri och beroende, Region Solvik
Datum: 2023-03-14, kl. 13.00–15.30
Plats: Konferensrum Tallen, Solviks centrallasarett

Närvarande: sju brukarrepresentanter (från Föreningen Andrum, RSMH Solvik och Anhörigföreningen Solvik samt två enskilda ledamöter), verksamhetschef vuxenpsykiatrin, verksamhetschef beroendevård, utvecklingsledare (sekreterare).

1. Mötets öppnande
Ordföranden hälsade välkommen. Brukarrådet har funnits sedan 2020 och detta är rådets tjugonde möte.

2. Föregående minnesanteckningar
Godkändes och lades till handlingarna.

3. Uppföljning av Egenbokad plats
Verksamhetschefen redogjorde för tre års erfarenheter. 212 överenskommelser har skrivits. Rådet diskuterade erfarenheterna:
- {les(n, "c6", "Det finns en oro bland personalen för vem som bär ansvaret om något händer under en egenbokad vistelse.")}
- {les(n, "c4", "Personalen har fått gå från att bestämma till att fråga, och det har tagit tid för alla att vänja sig.")}
- {les(n, "c5", "Patienterna vill få veta hur många som använder platserna och vad det har gett, annars är det svårt att veta om det fungerar.")}

4. Årets utvärdering av patientinformation
Rådet har granskat fyra informationsblad. Synpunkter:
- {les(n, "c5", "Rådet vill få skriftlig återkoppling på vilka synpunkter som har tagits om hand, inte bara ett tack.")}
- {les(n, "c1", "Handlingarna måste skickas ut minst en vecka före mötet så att alla hinner läsa.")}

5. Rådets sammansättning
- {les(n, "c3", "Rådet saknar representanter för unga vuxna och för personer med beroendeproblematik, vilket gör att deras perspektiv inte kommer fram.")}
- {les(n, "c3", "Det räcker inte med en representant per förening, en person kan inte tala för alla.")}
- {les(n, "c1", "Nya ledamöter behöver en introduktion och en kontaktperson i verksamheten som de kan ringa mellan mötena.")}

6. Övriga frågor
- {les(n, "c6", "Några ledamöter känner sig pressade att berätta om sin egen sjukdom för att bli lyssnade på.")}
Arvodet höjs från och med 1 juli enligt regionens nya riktlinjer.

7. Nästa möte
2023-06-13. Mötet avslutades.

Vid anteckningarna: Utvecklingsledare, Region Solvik
"""


def doc_abstract() -> str:
    return """# Co-designing the emergency department with patients: the Solvik ED Design Workshop

*Abstract, Nordic Conference on Health Services Improvement, Tromsø, 2021. Poster session 4B.*

**Background.** Long waits and poor information were the most common complaints at the emergency department (ED) of Solvik Central Hospital. Between 2018 and 2019, Region Solvik ran the ED Design Workshop (Akutens designverkstad), an experience-based co-design project.

**Methods.** Twenty patients and relatives were interviewed on film about their ED visit. The films were shown to staff, and four co-design groups of patients, relatives, nurses and physicians identified touchpoints and designed changes together. The project ended in December 2019.

**Results.** Changes included a new information screen in the waiting room, a named contact nurse for every patient waiting more than two hours, and a revised triage conversation. Patient-reported information scores improved from 58% to 74%.

**Conclusions.** Patients' filmed stories created a shared understanding that made joint design possible. Experience-based co-design is feasible in a busy ED but requires protected staff time.
"""


# --------------------------------------------------------------------------
# PDF and DOCX
# --------------------------------------------------------------------------


def write_pdf(path: Path, title: str, blocks: list[tuple[str, str]]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    styles = getSampleStyleSheet()
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, title=title, author="Region Solvik", invariant=1
    )
    story = []
    for kind, text in blocks:
        style = {"h1": styles["Title"], "h2": styles["Heading2"], "p": styles["BodyText"]}[kind]
        story.append(Paragraph(text, style))
        story.append(Spacer(1, 6))
    doc.build(story)


def pdf_designverkstad(path: Path) -> None:
    n = path.name
    write_pdf(
        path,
        "Akutens designverkstad - slutrapport",
        [
            ("h1", "Akutens designverkstad – slutrapport i korthet"),
            ("p", "Region Solvik, Akutmottagningen Solviks centrallasarett. Januari 2020."),
            ("h2", "Bakgrund"),
            (
                "p",
                "Akutens designverkstad startade i mars 2018. Syftet var att tillsammans med patienter och "
                "närstående förbättra upplevelsen av väntan och information på akutmottagningen. Projektet "
                "avslutades i december 2019.",
            ),
            ("h2", "Genomförande"),
            (
                "p",
                "Vi filmade intervjuer med 20 patienter och närstående om deras besök. Filmerna visades för "
                "personalen och blev utgångspunkt för fyra designgrupper där patienter, närstående, "
                "sjuksköterskor och läkare tillsammans tog fram förslag på förändringar. Metoden bygger på "
                "erfarenhetsbaserad samdesign.",
            ),
            ("h2", "Resultat"),
            (
                "p",
                "Nya informationsskärmar i väntrummet, en namngiven kontaktsjuksköterska för den som väntar "
                "mer än två timmar och ett nytt sätt att inleda triagesamtalet.",
            ),
            ("h2", "Lärdomar"),
            (
                "p",
                les(
                    n,
                    "c4",
                    "Filmerna med patienternas berättelser fick personalen att se akuten med nya ögon på ett sätt som statistik aldrig hade gjort.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c2",
                    "Personalen måste få avsatt tid för designgrupperna, annars hinner de inte delta när akuten är full.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c1",
                    "Patienterna i designgrupperna behövde en egen förberedande träff för att känna sig trygga att säga emot läkarna.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c5",
                    "Deltagarna blev mer engagerade när de såg att deras förslag genomfördes redan under projekttiden.",
                ),
            ),
        ],
    )


def pdf_halsoskolan(path: Path) -> None:
    write_pdf(
        path,
        "Hälsoskolan - folder",
        [
            ("h1", "Välkommen till Hälsoskolan!"),
            (
                "p",
                "Lever du med diabetes, hjärtsvikt eller KOL? I Hälsoskolan lär du dig mer om din sjukdom och "
                "om hur du själv kan ta hand om din hälsa.",
            ),
            ("h2", "Så går det till"),
            (
                "p",
                "Fem träffar i grupp om 6–10 personer. Varje träff leds av en sjuksköterska och en "
                "erfarenhetsexpert som själv lever med sjukdomen. Du lär dig bland annat att mäta ditt "
                "blodsocker eller din vikt hemma och vad du gör om värdena ändras.",
            ),
            ("h2", "Anmälan"),
            (
                "p",
                "Prata med din sjuksköterska på vårdcentralen eller ring 0611-45 33 00. Kursen är "
                "kostnadsfri.",
            ),
            (
                "p",
                "Region Solvik · Hälsoskolan startade hösten 2018 som Diabetesskolan · Folder 2023",
            ),
        ],
    )


def pdf_verksamhetsplan(path: Path) -> None:
    n = path.name
    write_pdf(
        path,
        "Verksamhetsplan 2023 - utdrag",
        [
            ("h1", "Verksamhetsplan med budget 2023 (utdrag)"),
            ("p", "Region Solvik. Fastställd av regionfullmäktige 2022-11-22."),
            ("h2", "3.4 Strategi för patient- och brukarmedverkan"),
            (
                "p",
                "Region Solvik ska utveckla vården i samskapande med patienter, närstående och invånare. "
                "Personcentrerad vård är grunden. Under 2023 ska alla förvaltningar ha en plan för "
                "patientmedverkan och alla patientråd och brukarråd ska ha en kontaktperson i ledningen.",
            ),
            ("p", "Erfarenheter från de senaste årens arbete visar följande:"),
            (
                "p",
                les(
                    n,
                    "c2",
                    "Patientmedverkan behöver finnas med i verksamhetsplanen år efter år för att inte bli beroende av enskilda eldsjälar.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c2",
                    "Chefer på alla nivåer behöver efterfråga hur patienter har varit delaktiga när beslut fattas.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c1",
                    "Ersättningen till patient- och brukarrepresentanter måste vara enhetlig i hela regionen, så att ingen behöver avstå av ekonomiska skäl.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c3",
                    "Invånardialogerna har visat att vi når andra grupper när mötena hålls på bibliotek och i bygdegårdar än när de hålls i regionhuset.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c3",
                    "Medverkan behöver spegla befolkningen, inte bara de som redan är vana att ta plats.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c5",
                    "Invånare som deltar i dialoger ska få veta vad deras synpunkter har lett till.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c6",
                    "När patienter tar över delar av sin egen vård behöver ansvarsfördelningen mellan patient och vårdpersonal vara tydlig och dokumenterad.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c6",
                    "Effekterna av samskapande behöver följas upp med både berättelser och mätbara resultat, vilket kräver mer kunskap och stöd från forskningen.",
                ),
            ),
            ("h2", "3.5 Ekonomiska ramar"),
            ("p", "Nämnden tilldelas 2,1 miljoner kronor för patient- och brukarmedverkan 2023."),
        ],
    )


def write_docx(path: Path, title: str, paras: list[tuple[str, str]]) -> None:
    import docx

    document = docx.Document()
    cp = document.core_properties
    fixed = datetime.datetime(2022, 11, 30, 12, 0, 0)
    cp.author = "Region Solvik"
    cp.title = title
    cp.created = fixed
    cp.modified = fixed
    cp.last_modified_by = "Region Solvik"
    cp.revision = 1
    for kind, text in paras:
        if kind == "h":
            document.add_heading(text, level=1)
        elif kind == "li":
            document.add_paragraph(text, style="List Bullet")
        else:
            document.add_paragraph(text)
    document.save(str(path))
    _normalise_zip(path)


def _normalise_zip(path: Path) -> None:
    """Rewrite the zip with fixed timestamps and order so the bytes are stable."""
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            info = zipfile.ZipInfo(name, date_time=(2022, 11, 30, 12, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(info, data)


def docx_dialog(path: Path) -> None:
    n = path.name
    write_docx(
        path,
        "Sammanfattning dialogmöte Strandås",
        [
            ("h", "Vården vi vill ha – sammanfattning av dialogmöte i Strandås"),
            (
                "p",
                "Datum: 15 november 2022. Plats: Strandås bibliotek. Deltagare: 34 invånare, representanter "
                "från Reumatikerföreningen och PRO, tre ledamöter i hälso- och sjukvårdsnämnden, "
                "verksamhetschef för primärvården.",
            ),
            (
                "p",
                "Mötet var en del av invånardialogen Vården vi vill ha, som genomfördes första gången 2020.",
            ),
            ("h", "Vad deltagarna tog upp"),
            ("li", "Svårt att komma fram på telefon till vårdcentralen."),
            ("li", "Önskemål om samma läkare vid varje besök."),
            ("li", "Oro för att vårdcentralen i Norrstrand ska läggas ner."),
            ("h", "Reflektioner från arrangörerna"),
            (
                "p",
                les(
                    n,
                    "c3",
                    "Fler kom när vi annonserade i lokaltidningen och på ICA:s anslagstavla än när vi bara använde regionens webbplats.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c5",
                    "Deltagarna var tydliga med att de vill få återkoppling, flera frågade vad som hände efter dialogen 2020.",
                ),
            ),
            (
                "p",
                les(
                    n,
                    "c2",
                    "Att politikerna själva satt vid borden gjorde att deltagarna upplevde att de blev tagna på allvar.",
                ),
            ),
            ("h", "Fortsättning"),
            ("p", "Sammanställningen lämnas till hälso- och sjukvårdsnämnden i februari 2023."),
        ],
    )


# --------------------------------------------------------------------------
# Gold
# --------------------------------------------------------------------------


def gold() -> dict:
    ITEMS = [
        dict(
            name="Patientrådet vid Havsbo sjukhus",
            aliases=["Patientrådet"],
            start=2015,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["dialogue_meetings", "co_evaluation"],
            levels=["meso"],
            ppe_roles=["participant", "evaluator"],
            documents=["patient-och-brukarmedverkan.html", "patientradet-havsbo.html"],
        ),
        dict(
            name="Hälsoskolan",
            aliases=["Diabetesskolan", "The Health School"],
            start=2018,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["learning_education", "self_management"],
            levels=["micro", "meso"],
            ppe_roles=["educator", "participant"],
            documents=[
                "patient-och-brukarmedverkan.html",
                "halsoskolan.html",
                "nyhet-2018-diabetesskolan.html",
                "folder-halsoskolan.pdf",
                "english-summary.html",
            ],
        ),
        dict(
            name="Brukarpanelen inom psykiatrin",
            aliases=["Brukarpanelen"],
            start=2016,
            end=2019,
            active_years=[],
            ongoing=False,
            methods=["co_evaluation"],
            levels=["meso"],
            ppe_roles=["evaluator", "co_designer"],
            documents=["brukarpanelen-arkiv.html", "intervju-utvecklingsledare-2024.txt"],
        ),
        dict(
            name="Fråga oss",
            aliases=['"Fråga oss"', "Ask Us"],
            start=2017,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["ppe_as_staff"],
            levels=["micro"],
            ppe_roles=["staff"],
            documents=[
                "patient-och-brukarmedverkan.html",
                "fraga-oss-cancer.html",
                "pressmeddelande-2017-04-fraga-oss.html",
                "english-summary.html",
            ],
        ),
        dict(
            name="Samtalsgrupper för anhöriga",
            aliases=["samtalsgrupper för anhöriga"],
            start=2019,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["ppe_driven", "dialogue_meetings"],
            levels=["micro", "meso"],
            ppe_roles=["leader", "participant"],
            documents=["anhorigforeningen-samtalsgrupper.html", "ekeby-kommun-anhorigstod.html"],
        ),
        dict(
            name="Egenbokad plats",
            aliases=["Self-booked admission"],
            start=2020,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["self_management", "care_agreement", "person_centred_care"],
            levels=["micro"],
            ppe_roles=["participant"],
            documents=[
                "egenbokad-plats.html",
                "kustbladet-egenbokad-plats.html",
                "english-summary.html",
                "minnesanteckningar-brukarradet-2023-03-14.txt",
            ],
        ),
        dict(
            name="Min vårdöverenskommelse",
            aliases=["MVÖ", "My Care Agreement"],
            start=2021,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["care_agreement", "person_centred_care", "co_design"],
            levels=["micro", "meso"],
            ppe_roles=["co_designer", "participant"],
            documents=[
                "patient-och-brukarmedverkan.html",
                "min-vardoverenskommelse.html",
                "english-summary.html",
            ],
        ),
        dict(
            name="Akutens designverkstad",
            aliases=["ED Design Workshop"],
            start=2018,
            end=2019,
            active_years=[],
            ongoing=False,
            methods=["co_design", "storytelling"],
            levels=["meso"],
            ppe_roles=["co_designer", "informant"],
            documents=[
                "akutens-designverkstad-slutrapport.pdf",
                "english-summary.html",
                "abstract-nordic-conference-2021.md",
            ],
        ),
        dict(
            name="Patientberättelser i regionens ledning",
            aliases=["Patientberättelserna", "berättelserna"],
            start=None,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["storytelling"],
            levels=["macro"],
            ppe_roles=["informant"],
            documents=["patient-och-brukarmedverkan.html", "intervju-utvecklingsledare-2024.txt"],
        ),
        dict(
            name="Vården vi vill ha",
            aliases=["invånardialogen Vården vi vill ha", "Invånardialog: Vården vi vill ha"],
            start=2020,
            end=2024,
            active_years=[2020, 2022, 2024],
            ongoing=False,
            methods=["dialogue_meetings"],
            levels=["macro"],
            ppe_roles=["participant", "informant"],
            documents=[
                "varden-vi-vill-ha.html",
                "dialogmote-strandas-2022.docx",
                "patient-och-brukarmedverkan.html",
            ],
        ),
        dict(
            name="Säker hemgång",
            aliases=["genombrottsprogrammet Säker hemgång"],
            start=2017,
            end=2018,
            active_years=[],
            ongoing=False,
            methods=["quality_improvement"],
            levels=["meso"],
            ppe_roles=["co_designer"],
            documents=["nyhet-2017-saker-hemgang.html"],
        ),
        dict(
            name="Brukarrådet psykiatri och beroende",
            aliases=["Brukarrådet", "Brukarrådet för psykiatri och beroende"],
            start=2020,
            end=None,
            active_years=[],
            ongoing=True,
            methods=["dialogue_meetings", "co_evaluation"],
            levels=["meso"],
            ppe_roles=["participant", "evaluator"],
            documents=[
                "minnesanteckningar-brukarradet-2023-03-14.txt",
                "brukarpanelen-arkiv.html",
                "patient-och-brukarmedverkan.html",
            ],
        ),
    ]
    inits = []
    for k, x in enumerate(ITEMS, 1):
        inits.append({"id": f"i{k:02d}", **x})
    non = [
        {
            "name": "Hus 7 (ny vårdbyggnad vid Solviks centrallasarett)",
            "documents": ["nyhet-2022-hus-7.html"],
        },
        {"name": "Sterilcentralens flytt", "documents": ["nyhet-2022-hus-7.html"]},
        {
            "name": "Webbtidbokning på vårdcentralerna",
            "documents": ["pressmeddelande-2023-webbtidbokning.html"],
        },
        {
            "name": "Vårda i Solvik (rekryteringskampanj)",
            "documents": ["jobba-i-solvik-kampanj.html"],
        },
        {"name": "Provflödet (provlogistik)", "documents": ["provflodet-laboratoriemedicin.html"]},
    ]
    return {
        "corpus": "heldout-solvik",
        "languages": ["en", "sv"],
        "initiatives": inits,
        "non_initiatives": non,
        "lessons": sorted(LESSONS, key=lambda x: (x["document"], x["text"])),
        "clusters": CLUSTERS,
    }


def main() -> None:
    if DOCS.exists():
        shutil.rmtree(DOCS)
    DOCS.mkdir(parents=True)
    LESSONS.clear()
    for name, html in docs_html().items():
        (DOCS / name).write_text(html, encoding="utf-8")
    (DOCS / "intervju-utvecklingsledare-2024.txt").write_text(doc_interview(), encoding="utf-8")
    (DOCS / "minnesanteckningar-brukarradet-2023-03-14.txt").write_text(
        doc_brukarrad(), encoding="utf-8"
    )
    (DOCS / "abstract-nordic-conference-2021.md").write_text(doc_abstract(), encoding="utf-8")
    pdf_designverkstad(DOCS / "akutens-designverkstad-slutrapport.pdf")
    pdf_halsoskolan(DOCS / "folder-halsoskolan.pdf")
    pdf_verksamhetsplan(DOCS / "verksamhetsplan-2023-utdrag.pdf")
    docx_dialog(DOCS / "dialogmote-strandas-2022.docx")
    text = json.dumps(gold(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    (HERE / "gold.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
