"""Invented documents and gold annotations for the held-out Vittangi corpus.

Everything here is fiction: Region Vittangi, its units, people, associations and
initiatives, and the Larchfield Centre. Lessons are marked ``{{cN:...}}``.
"""

from __future__ import annotations

CLUSTERS = {
    "c1": "Trust is built over time and by coming back",
    "c2": "Digital exclusion and access",
    "c3": "Professional identity and role boundaries",
    "c4": "Power and voice in meetings",
    "c5": "Language, interpretation and minority languages",
    "c6": "Sustainability after the project ends",
    "c7": "Burden on and recognition of participants",
}

# --------------------------------------------------------------------------- documents

STRATEGY = """
# Regional utvecklingsstrategi för hälsa och vård 2022–2030

Region Vittangi. Fastställd av regionfullmäktige 2021-11-23, § 142. Diarienummer RV 2021/0388.

## 1. Inledning

1.1 Strategin anger inriktningen för hälso- och sjukvården i Region Vittangi under perioden 2022–2030. Den ersätter Hälsoplan 2016–2021 och ska brytas ned i förvaltningarnas verksamhetsplaner varje år.

1.2 Strategin har tagits fram i samråd med kommunerna i länet, länsstyrelsen, Sametinget, minoritetsspråkssamordnarna och de föreningar som företräder patienter, närstående och pensionärer.

## 2. Utgångspunkter

2.1 Befolkning och geografi. Regionen har cirka 118 000 invånare på en yta större än flera europeiska länder. Avståndet från de västra fjällbyarna till Länssjukhuset i Kallmora är upp till 290 kilometer. Andelen invånare över 75 år är den högsta i landet. I länet talas förutom svenska även finska, meänkieli och samiska som modersmål av en betydande del av befolkningen.

2.2 Invånarnas röst. Sedan 2015 har regionen ett råd för personer med egen erfarenhet som patient eller närstående. Rådet hette Brukarrådet fram till 2020 och heter i dag Erfarenhetsrådet. Rådet har lämnat yttrande över denna strategi i två omgångar.

2.3 Dialogkaravanen. Dialogkaravanen är regionens återkommande dialogresa där förtroendevalda och tjänstepersoner besöker inlandskommunerna för att samtala med invånare, patienter och närstående om vården. Karavanen genomfördes 2014 och 2017, och en tredje omgång planeras hösten 2022. {{c2:Erfarenheterna från Dialogkaravanen visar att digitala kontaktvägar förkortar avstånden för många men förlänger dem för den som saknar bank-id, bredband eller vana.}}

## 3. Strategiska mål

3.1 Jämlik tillgång. Vården ska vara digital först men inte digital enbart. Varje digital tjänst ska ha en likvärdig väg in för den som inte kan eller vill använda den.

3.2 Invånarna i centrum – Familjen Alatalo. För att hålla invånarnas behov synliga i planeringen använder regionen sedan 2021 en fiktiv familj, Familjen Alatalo. Aili Alatalo är 81 år, änka och bor ensam i byn Lieksajärvi, sju mil från närmaste hälsocentral. Hennes son Tomas, 54 år, är skogsmaskinförare och har typ 2-diabetes. Barnbarnet Ronja, 17 år, går på gymnasiet i Kallmora och söker ibland ungdomsmottagningen. Grannen Nils-Ante, 68 år, är renskötare och har KOL. Personerna bygger på intervjuer som gjordes 2021 med 34 invånare i sex kommuner. I varje större beslut ska förvaltningen redovisa vad förslaget innebär för någon i Familjen Alatalo. {{c5:Personerna i Familjen Alatalo talar meänkieli hemma, och det har tvingat planerarna att fråga vad det innebär för en patient att alltid behöva ta emot information på sitt andra språk.}}

3.3 Berättelsen först. Sedan 2016 inleds varje sammanträde i hälso- och sjukvårdsnämnden med att en patient eller närstående berättar om sina erfarenheter av vården. Arbetssättet ska under strategiperioden prövas även i regionstyrelsen.

3.4 Kunskapsstyrd och säker vård. Regionen ska fortsätta att modernisera sin infrastruktur. Införandet av det nya vårdinformationssystemet VIS Norr planeras till åren 2022–2025 och leds av IT-förvaltningen.

## 4. Genomförande och uppföljning

4.1 Varje förvaltning redovisar årligen i sin verksamhetsberättelse hur strategins mål har omsatts. Hälso- och sjukvårdsnämnden följer upp strategin 2024 och 2027.

4.2 Strategin revideras senast 2030.
"""

PSR = """
# Patientsäkerhetsberättelse 2023

Region Vittangi, hälso- och sjukvårdsförvaltningen. Diarienummer RV 2024/0117. Beslutad av hälso- och sjukvårdsdirektören 2024-02-28.

## 1. Sammanfattning

Under 2023 rapporterades 4 812 avvikelser i hälso- och sjukvården, en ökning med 6 procent jämfört med 2022. Antalet lex Maria-anmälningar var 19. De vanligaste avvikelserna gällde läkemedelshantering, fall och brister i informationsöverföring mellan vårdgivare.

## 2. Organisation och ansvar

| Funktion | Ansvar |
| Hälso- och sjukvårdsnämnden | Fastställer mål för patientsäkerhetsarbetet |
| Hälso- och sjukvårdsdirektören | Vårdgivarens ledningssystem |
| Verksamhetschef | Patientsäkerhet i den egna verksamheten |
| Chefläkare | Lex Maria-anmälningar och händelseanalyser |
| Patientnämnden | Tar emot klagomål från patienter och närstående |

## 3. Avvikelser per kategori

| Kategori | 2022 | 2023 |
| Läkemedelshantering | 1 204 | 1 166 |
| Fall | 988 | 1 041 |
| Informationsöverföring | 731 | 822 |
| Vård och behandling | 612 | 659 |
| Övrigt | 985 | 1 124 |

## 4. Patienters och närståendes delaktighet i händelseanalyser

Sedan en pilot vid medicinkliniken i Kallmora 2019 erbjuds den drabbade patienten eller en närstående att medverka i händelseanalysen efter en allvarlig vårdskada. Arbetssättet kallas patientmedverkan i händelseanalys och är i dag infört vid samtliga kliniker på Länssjukhuset i Kallmora.

| År | Händelseanalyser | Varav med patient eller närstående |
| 2021 | 24 | 7 |
| 2022 | 28 | 11 |
| 2023 | 31 | 14 |

Patienten eller närstående intervjuas först av chefläkaren och bjuds sedan in till analysmötet. Från 2023 leds analysmötet av en analysledare från en annan klinik. Analysmötena hölls till en början alltid på kliniken. Från och med 2022 får den närstående välja om mötet ska hållas på kliniken, i patientnämndens lokaler eller digitalt, och får ta med en stödperson.

{{c7:Att återberätta en allvarlig händelse är påfrestande, och närstående som medverkar i en händelseanalys behöver erbjudas ett uppföljande samtal efteråt.}} Sedan hösten 2023 erbjuds alla som medverkat ett sådant samtal inom en månad.

## 5. Läkemedelsautomater

Projekt LÄMA har under 2021–2022 infört läkemedelsautomater på sex vårdavdelningar. Avvikelser som gäller förväxling av läkemedel minskade på dessa avdelningar från 96 till 41. Automaterna förvaltas från 2023 av regionens läkemedelsenhet och ska införas på ytterligare fyra avdelningar under 2024.

## 6. Mål för 2024

- Minska fallskador med 10 procent.
- Fler händelseanalyser med patient eller närstående.
- Strukturerad överrapportering enligt SBAR på alla avdelningar.
"""

PROTOKOLL = """
REGION VITTANGI                                              PROTOKOLL
Hälso- och sjukvårdsnämnden

Sammanträdesdatum: 2021-03-18
Plats och tid: Regionhuset, sal Aapa, Kallmora, kl. 09.00–15.10

Beslutande:
Aino Keskitalo (S), ordförande
Per-Erik Lantto (M), vice ordförande
Britt Vaara (C)
Mikael Stenlund (S)
Sofia Pekkari (V)
Henrik Gustavsson (SD)
Ulla Eriksson (KD)

Övriga närvarande:
Marita Liikavaara, hälso- och sjukvårdsdirektör
Tove Sarri, utvecklingsledare delaktighet, § 23–24
Jonas Mäki, projektledare, § 25–26
Eva Björk, nämndsekreterare

Utses att justera: Per-Erik Lantto

-----------------------------------------------------------------------

§ 21  Sammanträdets öppnande

Ordföranden förklarar sammanträdet öppnat. Dagordningen godkänns.

-----------------------------------------------------------------------

§ 22  Berättelsen först

Ordföranden hälsar Hilda Autio välkommen. Hilda Autio berättar om sin makes
sista månader på medicinavdelning 4 vid Länssjukhuset i Kallmora hösten 2020.
Hilda Autio framhöll att {{c5:maken först kunde beskriva sin smärta när en tolk
som talade meänkieli kallades in, efter tre veckor på avdelningen}}. Ledamöterna
ställer frågor. Hälso- och sjukvårdsdirektören återkommer till nämnden i maj med
en redovisning av hur tolk beställs på vårdavdelningarna.

Nämnden tackar Hilda Autio för hennes berättelse.

-----------------------------------------------------------------------

§ 23  Erfarenhetsrådet – reviderat reglemente          Dnr RV 2021/0061

Ärendebeskrivning
Brukarrådet inrättades 2015 som ett rådgivande organ till nämnden för personer
med egen erfarenhet som patient eller närstående. Från den 1 januari 2020 heter
rådet Erfarenhetsrådet. Förvaltningen har tillsammans med rådet tagit fram ett
reviderat reglemente. Rådet föreslås bestå av tolv ledamöter som nomineras av
patient- och närståendeföreningarna, varav minst tre från inlandskommunerna.

Förvaltningens bedömning är att {{c7:ledamöter som får arvode och
reseersättning på samma villkor som förtroendevalda oftare stannar kvar en hel
mandatperiod}}.

Beslut
Hälso- och sjukvårdsnämnden beslutar
att fastställa reviderat reglemente för Erfarenhetsrådet,
att rådets ledamöter ska få arvode och reseersättning enligt regionens
arvodesbestämmelser för förtroendevalda.

-----------------------------------------------------------------------

§ 24  Dialogkaravanen 2022                              Dnr RV 2021/0072

Ärendebeskrivning
Dialogkaravanen genomfördes 2014 och 2017 i regionens inlandskommuner.
Förvaltningen föreslår att en tredje omgång genomförs hösten 2022 med
Erfarenhetsrådet som medarrangör. {{c1:Från 2017 års omgång konstaterades att
orter som besöktes för andra gången kom med fler och mer konkreta synpunkter än
vid det första besöket.}}

Beslut
Hälso- och sjukvårdsnämnden beslutar
att genomföra Dialogkaravanen hösten 2022 enligt förvaltningens förslag,
att kostnaden, 640 000 kronor, ryms inom nämndens budget för 2022.

-----------------------------------------------------------------------

§ 25  Distansmonitorering vid KOL – information         Dnr RV 2020/0415

Projektledare Jonas Mäki informerar om projektet Distansmonitorering KOL,
där 120 patienter med svår KOL i inlandet får surfplatta och pulsoximeter och
följs av sjuksköterskor vid lungmottagningen i Kallmora. Utrustningen delades ut
till de första 40 patienterna i januari 2021.

Beslut
Nämnden noterar informationen.

-----------------------------------------------------------------------

§ 26  Projekt LÄMA – lägesrapport                       Dnr RV 2020/0388

Projektledare Jonas Mäki lämnar en lägesrapport om införandet av
läkemedelsautomater på vårdavdelningarna. Två av sex avdelningar har infört
automaterna. Integrationen med journalsystemet är försenad.

Beslut
Nämnden noterar informationen.

-----------------------------------------------------------------------

§ 27  Anmälningsärenden

Förteckning över delegationsbeslut, februari 2021, läggs till handlingarna.

-----------------------------------------------------------------------

Vid protokollet
Eva Björk

Justeras
Aino Keskitalo, ordförande          Per-Erik Lantto, justerare
"""

PENSION = """
# Regionala pensionärsrådet – minnesanteckningar

**Datum:** 2023-04-12, kl. 13.00–15.30
**Plats:** Regionhuset, Kallmora, rum Jänkä, samt via länk

**Närvarande:** Lars-Göran Perttu (Pensionärsföreningen Norrsken, ordförande), Irma Kuoppa (Pensionärsföreningen Norrsken), Bengt Olofsson (SPF Kallmora), Aina Labba (Samiska pensionärer i Vittangi), Gunnel Hedman (Hjärt- och lungföreningen), Tove Sarri (Region Vittangi, utvecklingsledare delaktighet), Kalle Niemi (Region Vittangi, e-hälsoenheten)

**Antecknare:** Tove Sarri

---

## 1. Föregående anteckningar

Godkändes utan ändringar.

## 2. Digitalcaféet

Kalle Niemi och Irma Kuoppa redovisade Digitalcaféet, som startade hösten 2022 på biblioteken i Kallmora och Jokkisaari. Pensionärsföreningen Norrsken driver caféet och e-hälsoenheten står för surfplattor, wifi och utbildning av handledarna. Handledarna är själva pensionärer och visar andra hur man loggar in på 1177, förnyar recept och gör ett videobesök.

- Hittills 14 träffar och cirka 190 besök.
- Irma berättade att {{c2:den som inte har e-legitimation blir i praktiken hänvisad till telefonkön, och där är väntetiden längst}}.
- Önskemål om att starta i Vuoskojärvi och Rautajoki under hösten.

Rådet ställer sig bakom att caféet sprids till fler orter.

## 3. Min vårdöverenskommelse

Tove Sarri visade utkastet till broschyr om Min vårdöverenskommelse, som nu ska spridas från Hälsocentralen Björkvalla till fler hälsocentraler. Rådet lämnade synpunkter på språk och bilder. Broschyren kommer tillbaka till rådet i juni.

## 4. Rådets arbetsformer

Diskussion om hur mötena fungerar. Bengt Olofsson framförde att {{c4:rådet vill få handlingarna en vecka före mötet, eftersom det annars bara är tjänstepersonerna som hinner sätta sig in i ärendena}}. Tove tar med sig frågan till förvaltningen.

Förfrågan från regionen om ledamöter till tre nya arbetsgrupper (äldres läkemedel, hemsjukvård, färdtjänst till vården). {{c7:Flera ledamöter tackade nej till att sitta i fler arbetsgrupper; det är samma fem personer som tillfrågas om allt.}} Lars-Göran kontaktar föreningarna för att hitta fler namn.

## 5. Övrigt

Aina Labba informerade om att Samiska pensionärer i Vittangi har sitt årsmöte i Gällivaara i maj.

## 6. Nästa möte

2023-06-14 kl. 13.00.
"""

YOUTH = """
# UngRåd Vittangi – anteckningar från möte 2022-11-09

Plats: Ungdomens hus, Kallmora. Närvarande: elva ledamöter i UngRåd, Sara Nyström (samordnare, Region Vittangi), Amir Haddad (kurator, ungdomsmottagningen Kallmora).

## 1. Avslutning av Ungdomsgranskarna

Det här var sista träffen för Ungdomsgranskarna. Gruppen startade våren 2020 och har bestått av tolv ungdomar mellan 15 och 21 år som har granskat regionens fem ungdomsmottagningar: bemötande i telefon och på plats, väntrum, webbsidor och öppettider. Varje ungdomsgranskare fick en halvdags introduktion. Granskarna har besökt mottagningarna parvis, fyllt i ett granskningsprotokoll och lämnat rapporter till verksamhetscheferna. Slutrapporten lämnades till hälso- och sjukvårdsnämnden i oktober 2022.

Vad vi tar med oss (gruppens egna ord):

- {{c4:Vi märkte att vi fick säga mer när mötena hölls på Ungdomens hus och inte på regionhuset.}}
- {{c2:Att vi är unga betyder inte att alla är digitala; flera i gruppen har inte egen dator och delar mobil med syskon.}}
- {{c7:Presentkorten var bra, men det som betydde mest var intyget som vi kan använda när vi söker jobb.}}

## 2. Varför tar det slut?

Sara berättade att projektmedlen från Ungdomssatsningen var slut i juni och att projektledaren har gått vidare till ett annat uppdrag. {{c6:När projektledaren slutade fanns det ingen som kallade till träffar, och gruppen rann ut i sanden.}} UngRåd vill att regionen tar ställning till om granskningarna ska göras igen.

## 3. Övrigt

Amir tackade gruppen. Mottagningen i Kallmora har ändrat sina öppettider efter granskningen och har nu drop-in på onsdagar efter skolan.

Nästa möte: 2023-01-18.
"""

INTERVIEW_PEER = """
Intervju 3 – kamratstödjare, psykiatriska öppenvårdsmottagningen, Länssjukhuset i Kallmora
Datum: 2022-09-14. Längd: 52 minuter.
I = intervjuare, R = respondent. Transkriberad ordagrant, (...) markerar paus.

I: Vill du börja med att berätta hur du kom in i det här?

R: Ja. Jag har själv varit patient på mottagningen i många år, med depression och en period med ätstörning. 2017 startade regionen kamratstödjare i psykiatrin, och jag sökte en av de två första tjänsterna. Jag hade gått en utbildning hos en förening i Umeå året innan.

I: Hur var det att börja?

R: (...) Rörigt, ärligt talat. {{c3:I början visste ingen i teamet vad en kamratstödjare fick göra, så jag fick antingen inga uppgifter alls eller fick koka kaffe.}} Och sen fanns det de som tyckte att jag var där för att kontrollera dem.

I: Hur menar du då?

R: Alltså, en del skötare och sjuksköterskor undrade om jag skulle rapportera till chefen. Det tog tid. Vi satte oss till slut ner, jag och tre sjuksköterskor och enhetschefen, en eftermiddag i månaden under en termin. {{c3:Det hjälpte när vi skrev en egen arbetsbeskrivning tillsammans med sjuksköterskorna, för då blev det tydligt var gränsen går.}}

I: Och patienterna, hur tar de emot dig?

R: Det är ju det som är det fina. {{c1:Patienterna litar på mig för att jag har varit där själv, men det förtroendet tar ändå månader att bygga och kan försvinna på en dag om jag byter schema.}} Så jag försöker ha samma tider varje vecka.

I: Hur mår du själv i rollen?

R: Bättre nu. Jag har handledning varannan vecka med en psykolog från en annan mottagning. {{c7:Man bär med sig sin egen historia in i varje samtal, och utan handledning hade jag inte klarat det första året.}}

I: Tjänsterna var ju projektfinansierade från början?

R: Ja, de första tre åren med statliga medel för psykisk hälsa. Och det var nära att det tog slut 2020. {{c6:Det som räddade tjänsterna var att de flyttades in i ordinarie budget innan de statliga pengarna tog slut.}} I dag är vi fyra kamratstödjare, två här och två i Jokkisaari, och
kamratstödjarna träffas en gång i månaden.

I: Är det något du vill tillägga?

R: Nej, jag tror jag har sagt det mesta. Jo, att jag gärna vill att fler mottagningar provar.

I: Tack så mycket.
"""

INTERVIEW_STROKE = """
# Intervju med Maria Nikula, enhetschef, strokeenheten, Länssjukhuset i Kallmora

Intervjuare: Johan Wennberg, FoU-enheten, Region Vittangi. Datum: 2023-02-02. Intervjun är en del av uppföljningen av regionens arbete med delaktighet. Utskriften har godkänts av den intervjuade.

Johan Wennberg: Du var enhetschef när Tillsammans efter stroke startade. Kan du beskriva projektet?

Maria Nikula: Ja. Det var ett projekt 2019–2020 där vi använde erfarenhetsbaserad samskapande design, EBCD. Vi filmade intervjuer med nio patienter och närstående om vad som hade varit viktigt för dem, från ambulansen till hemgången. Sedan visade vi en sammanklippt film för personalen och hade gemensamma träffar med patienter, närstående och personal, där vi valde ut sex förbättringsområden.

Johan Wennberg: Hur tog personalen emot filmen?

Maria Nikula: Blandat. Det var starkt. Men {{c3:flera sjuksköterskor upplevde filmen som en kritik av deras yrkeskunnande, och vi borde ha visat den för personalen innan patienterna var med}}. Vi gjorde tvärtom första gången och det tog ett tag att reparera.

Johan Wennberg: Och de gemensamma träffarna?

Maria Nikula: Den första var nästan pinsam. {{c4:I den gemensamma workshopen satt läkarna först vid ett eget bord, och det var när vi blandade borden som patienterna började prata.}} Efter det fungerade det mycket bättre.

Johan Wennberg: Vad hände med förbättringsområdena efter 2020?

Maria Nikula: (skratt) Det är den svåra frågan. {{c6:Efter projektet fanns ingen budget för att fortsätta träffarna, så av sex förbättringsområden lever två kvar i dag.}} Det är utskrivningssamtalet med närstående och informationsmappen på finska och svenska.

Johan Wennberg: Ni har en patientpartner i teamet nu?

Maria Nikula: Ja, via Patientpartnerprogrammet sedan 2020. En kvinna som själv hade en stroke 2018. {{c1:Patientpartnern i vårt team har varit med i tre år nu, och det är först nu jag märker att hon säger emot oss rakt ut.}}

Johan Wennberg: Tack, Maria.
"""

FOCUS = """
FOKUSGRUPP – NÄRSTÅENDENÄTVERKET TORNEDALEN
Datum: 2022-10-05
Plats: Jokkisaari bibliotek, studierummet
Samtalsledare: Anna-Lena Rantatalo, FoU-enheten, Region Vittangi
Deltagare: fyra närstående (A–D), samtliga medlemmar i Närståendenätverket
Tornedalen. Citat återges med deltagarnas samtycke.

Samtalsledare: Välkomna. Kan ni börja med att berätta vad nätverket är?

Närstående A: Vi startade 2012, några stycken som hade föräldrar eller makar
med demens. Vi träffades i församlingshemmet först. Nu är vi ett sextiotal, och
vi har möten två gånger om året med kommunen och regionen, och en anhörigcirkel
varannan vecka.

Närstående B: Och vi driver det själva. Ingen har anställt oss.

Samtalsledare: Hur har relationen till regionen förändrats?

Närstående A: Mycket. {{c1:Nätverket har funnits i tio år och det är därför
regionen lyssnar nu; i början var vi bara några arga anhöriga.}}

Närstående C: Jag håller med. Men stormötena är fortfarande svåra. {{c4:På
stormötena med regionen talar tjänstemännen i förkortningar, och när vi frågar
vad de betyder tappar vi vår tid.}}

Samtalsledare: Ni nämnde språket i förra träffen. Kan ni säga mer?

Närstående D: Ja. {{c5:Min mamma tappade svenskan när demensen kom, och då
spelade det ingen roll hur bra personalen var om de inte kunde meänkieli.}}

Närstående B: Och det blir vi som får tolka. {{c5:Vi anhöriga blev tolkar
utan att någon frågade, och då kan man inte samtidigt vara dotter.}}

Samtalsledare: Hur gick det under pandemin?

Närstående C: Dåligt. {{c2:Anhörigcirkeln flyttade till Teams under pandemin,
och de äldsta makarna föll bort och kom aldrig tillbaka.}}

Samtalsledare: Vad tror ni gör att nätverket har överlevt?

Närstående A: {{c6:Vi har aldrig haft projektpengar, och kanske är det därför
vi finns kvar när alla projekten runt omkring oss har tagit slut.}}

Närstående D: Och att vi har kaffe. (skratt)

Samtalsledare: Tack allihop.
"""

APPLICATION = """
# Ansökan till Innovationsfonden 2018 – Region Vittangi

## 1. Projektnamn

Tillsammans efter stroke – erfarenhetsbaserad samskapande design på strokeenheten

## 2. Sökande

Strokeenheten, medicinkliniken, Länssjukhuset i Kallmora. Kontaktperson: Maria Nikula, enhetschef. Projektledare: Leena Poromaa, sjuksköterska och förbättringsledare.

## 3. Bakgrund

Strokeenheten vårdar cirka 380 patienter per år. I den nationella patientenkäten får enheten låga värden för delaktighet och information inför hemgång. Klagomål till patientnämnden handlar ofta om att närstående inte fått veta vad som händer efter utskrivning.

## 4. Syfte och mål

Syftet är att tillsammans med patienter, närstående och personal förbättra vårdförloppet från ankomst till de första veckorna hemma. Målet är att minst fyra förbättringar ska vara införda i december 2020.

## 5. Metod

Projektet följer metoden erfarenhetsbaserad samskapande design (Experience-Based Co-Design, EBCD): filmade intervjuer med 8–10 patienter och närstående, intervjuer med personal, en gemensam film, separata träffar för patienter och personal och därefter gemensamma träffar där förbättringsområden väljs och arbetas fram i små grupper.

{{c5:Erfarenheten från kliniken är att inbjudningar som bara skickas på svenska inte når de patienter som har finska som modersmål, och de är en tredjedel av patienterna på enheten.}} Inbjudningar och information tas därför fram på svenska och finska.

## 6. Tidplan

| Period | Aktivitet |
| Jan–mars 2019 | Rekrytering, filmade intervjuer |
| April–juni 2019 | Personalintervjuer, filmredigering |
| Sept–dec 2019 | Separata och gemensamma träffar |
| 2020 | Förbättringsarbete i samskapande grupper |
| Dec 2020 | Slutrapport |

## 7. Budget

| Post | Kronor |
| Projektledare 50 procent, två år | 620 000 |
| Filmproduktion | 85 000 |
| Ersättning till patienter och närstående | 48 000 |
| Lokaler, resor, förtäring | 37 000 |
| Summa | 790 000 |

## 8. Implementering

{{c6:Tidigare förbättringsprojekt på kliniken har visat att förändringar som inte förs in i rutiner och checklistor under projekttiden försvinner inom ett år.}} Varje förbättringsområde ska därför ha en ansvarig i linjen innan projektet avslutas.

Kallmora 2018-10-15

Maria Nikula, enhetschef
"""

FINAL_REPORT = """
# Slutrapport: Tillsammans efter stroke 2019–2020

Strokeenheten, medicinkliniken, Länssjukhuset i Kallmora. Projektledare: Leena Poromaa. Rapporten lämnad till Innovationsfonden, Region Vittangi, 2021-03-30.

## 1. Sammanfattning

Projektet Tillsammans efter stroke har med metoden erfarenhetsbaserad samskapande design (EBCD) engagerat nio patienter, sju närstående och 22 medarbetare i att förbättra vårdförloppet på strokeenheten. Sex förbättringsområden valdes ut gemensamt, och fyra förbättringar var införda vid projektets slut i december 2020.

## 2. Genomförande

Under våren 2019 filmades intervjuer med nio patienter och närstående. En film på 28 minuter visades för personalen i september 2019 och för patienterna i oktober 2019. Den första gemensamma träffen hölls i november 2019.

Under 2020 begränsades arbetet av pandemin. Träffarna i arbetsgrupperna fick ställas om till video från mars 2020. {{c2:När de gemensamma träffarna under 2020 flyttades till video kunde bara hälften av patienterna delta, och det var de yngsta.}}

## 3. Resultat

| Förbättringsområde | Status december 2020 |
| Utskrivningssamtal med närstående | Infört |
| Informationsmapp på svenska och finska | Infört |
| Kontaktperson första veckan hemma | Infört |
| Bildstöd för patienter med afasi | Infört |
| Träffpunkt för närstående | Ej infört |
| Uppföljning via telefon efter 4 veckor | Ej infört |

## 4. Fortsättning

{{c6:Projektets avslut sammanföll med att projektledaren gick tillbaka till sin kliniska tjänst, och ingen hade fått i uppdrag att följa upp förbättringsområdena.}} Enheten har från 2020 en patientpartner genom regionens Patientpartnerprogram, som ska medverka i uppföljningen.

## 5. Ekonomi

Projektet förbrukade 742 000 kronor av beviljade 790 000 kronor.
"""

WEB_COUNCIL = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Erfarenhetsrådet - Region Vittangi</title>
<meta name="description" content="Erfarenhetsrådet ger patienter och närstående en röst i Region Vittangi.">
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>Vi använder kakor (cookies) för att webbplatsen ska fungera och för att förbättra din upplevelse. <a href="/om-kakor">Läs mer om kakor</a></p>
  <button>Godkänn alla</button> <button>Endast nödvändiga</button>
</div>
<header>
  <a href="/" class="logo">Region Vittangi</a>
  <nav>
    <ul>
      <li><a href="/vard-och-halsa">Vård och hälsa</a></li>
      <li><a href="/jobba-hos-oss">Jobba hos oss</a></li>
      <li><a href="/politik">Politik och påverkan</a></li>
      <li><a href="/kultur">Kultur och utbildning</a></li>
      <li><a href="/in-english">In English</a></li>
      <li><a href="/sok">Sök</a></li>
    </ul>
  </nav>
</header>
<div class="breadcrumb"><a href="/">Start</a> &gt; <a href="/politik">Politik och påverkan</a> &gt; Erfarenhetsrådet</div>
<main>
<article>
<h1>Erfarenhetsrådet – patienters och närståendes röst i regionen</h1>
<p class="ingress">Erfarenhetsrådet är ett rådgivande organ till hälso- och sjukvårdsnämnden. Rådet består av tolv personer med egen erfarenhet som patient eller närstående.</p>
<h2>Om rådet</h2>
<p>Rådet har funnits sedan 2015. Fram till 2020 hette det Brukarrådet. Ledamöterna nomineras av patient- och närståendeföreningarna i länet, och minst tre ledamöter ska komma från inlandskommunerna. Rådet träffas sex gånger per år och får arvode och reseersättning på samma villkor som förtroendevalda.</p>
<p>Rådet lämnar yttranden över planer och strategier, deltar i arbetsgrupper och är medarrangör av Dialogkaravanen. Rådet nominerar också de patienter och närstående som berättar vid nämndens sammanträden inom Berättelsen först.</p>
<h2>Vad har rådet lärt sig?</h2>
<p>Vi frågade rådets ordförande Kerstin Alm vad som har förändrats sedan starten. Hon svarar att rådet i början mest fick information om beslut som redan var fattade. – {{c4:Vi har lärt oss att be om att få vara med när frågan formuleras, inte bara när förslaget redan är klart.}} I dag får rådet en plats i styrgruppen när ett större utvecklingsarbete startar.</p>
<h2>Kontakta rådet</h2>
<p>Du når rådet via utvecklingsledare Tove Sarri, telefon 0980-123 45 eller via e-post till erfarenhetsradet@vittangi.example.</p>
</article>
<aside>
  <h3>Relaterat</h3>
  <ul>
    <li><a href="/bli-patientpartner">Bli patientpartner</a></li>
    <li><a href="/pensionarsradet">Regionala pensionärsrådet</a></li>
    <li><a href="/ungrad">UngRåd Vittangi</a></li>
  </ul>
</aside>
</main>
<footer>
  <p>Region Vittangi, Regionhuset, Storgatan 12, 981 00 Kallmora. Växel 0980-100 00.</p>
  <p><a href="/tillganglighet">Tillgänglighetsredogörelse</a> | <a href="/personuppgifter">Behandling av personuppgifter</a> | <a href="/om-kakor">Kakor</a></p>
  <p>Sidan uppdaterades 2023-11-20.</p>
</footer>
</body>
</html>
"""

WEB_PARTNER = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Bli patientpartner - Region Vittangi</title>
</head>
<body>
<div class="cookie-consent" role="dialog">
  <p>Region Vittangi använder kakor. Genom att fortsätta godkänner du vår <a href="/om-kakor">kakpolicy</a>.</p>
  <button>OK</button>
</div>
<header>
  <a href="/" class="logo">Region Vittangi</a>
  <nav>
    <ul>
      <li><a href="/vard-och-halsa">Vård och hälsa</a></li>
      <li><a href="/jobba-hos-oss">Jobba hos oss</a></li>
      <li><a href="/politik">Politik och påverkan</a></li>
      <li><a href="/in-english">In English</a></li>
    </ul>
  </nav>
</header>
<main>
<h1>Bli patientpartner</h1>
<p class="ingress">Har du egen erfarenhet av vården som patient eller närstående? Som patientpartner är du med i ett förbättringsteam och hjälper oss att förbättra vården.</p>
<h2>Vad är Patientpartnerprogrammet?</h2>
<p>Patientpartnerprogrammet (PPP) startade 2018. En patientpartner ingår i ett förbättringsteam på en klinik eller hälsocentral, deltar i teamets möten, är med och väljer vad som ska förbättras och hur förbättringarna testas och mäts. I dag finns 46 patientpartner i 31 team.</p>
<p>Du får en introduktionsutbildning på två dagar, en kontaktperson och arvode med 200 kronor per timme.</p>
<h2>Det här har vi lärt oss</h2>
<p>Programmet har följts av en extern utvärdering. En av de viktigaste erfarenheterna är att {{c3:patientpartnern inte ska ersätta personalens kunskap utan bidra med en annan sorts kunskap, och det behöver sägas tydligt till båda parter från början}}.</p>
<h2>Så anmäler du intresse</h2>
<p>Fyll i formuläret nedan eller ring samordnaren för Patientpartnerprogrammet på 0980-123 60. Vi hör av oss inom två veckor.</p>
<form action="/intresse" method="post">
  <label>Namn <input name="namn"></label>
  <label>Telefon <input name="tel"></label>
  <button>Skicka</button>
</form>
</main>
<footer>
  <p>Region Vittangi · Storgatan 12 · 981 00 Kallmora · 0980-100 00</p>
  <p><a href="/tillganglighet">Tillgänglighet</a> · <a href="/personuppgifter">Personuppgifter</a> · <a href="/om-kakor">Kakor</a></p>
</footer>
</body>
</html>
"""

NEWSLETTER = """<!DOCTYPE html>
<html lang="sv">
<head>
<meta charset="utf-8">
<title>Delaktighetsbladet nr 3 2023</title>
</head>
<body>
<table class="email-wrapper" width="100%">
<tr><td class="preheader">Nyhetsbrev från Region Vittangi om patienters och närståendes delaktighet. Visa i webbläsaren.</td></tr>
<tr><td>
<h1>Delaktighetsbladet nr 3 · oktober 2023</h1>
<p>Hej! Här kommer höstens nyhetsbrev om delaktighet i Region Vittangi. I det här numret: Diabetesguiderna fyller sju år, Digitalcaféet växer och Min vårdöverenskommelse sprids.</p>

<h2>Diabetesguiderna sju år</h2>
<p>Diabetesguiderna startade 2016 som ett samarbete mellan Tornedalens diabetesförening och Hälsocentralen Björkvalla. Guiderna är personer som själva lever med diabetes och som leder en kurs i sex träffar för andra med typ 2-diabetes: om mat, motion, fötter, blodsocker och om att leva med en kronisk sjukdom. Diabetessjuksköterskan Anna Keinänen är med på två av träffarna.</p>
<p>– {{c3:Jag var först rädd att guiderna skulle ge felaktiga medicinska råd, men de har varit noga med att hänvisa till oss när frågorna handlar om behandling}}, säger Anna Keinänen.</p>
<p>{{c5:Kursen hålls sedan 2019 även på finska, och det var först då som deltagare från de finsktalande byarna började komma.}}</p>

<h2>Digitalcaféet växer</h2>
<p>Digitalcaféet, där pensionärer hjälper pensionärer att använda 1177 och videobesök, öppnar nu även i Vuoskojärvi och Rautajoki. Caféet drivs av Pensionärsföreningen Norrsken tillsammans med regionens e-hälsoenhet. Handledaren Irma Kuoppa berättar: {{c2:De flesta besökare behöver komma tre eller fyra gånger innan de klarar ett videobesök på egen hand.}}</p>

<h2>Min vårdöverenskommelse sprids</h2>
<p>Min vårdöverenskommelse, som prövats på Hälsocentralen Björkvalla sedan 2021, införs under 2024 på ytterligare fyra hälsocentraler. Överenskommelsen är ett kort dokument som patienten och vårdteamet fyller i tillsammans: vad som är viktigt för patienten, vad patienten själv gör, vad vården gör, vem som är kontaktperson och när nästa kontakt ska ske.</p>

<h2>Kalender</h2>
<ul>
<li>8 november: Erfarenhetsrådet, öppet möte i Jokkisaari</li>
<li>22 november: Introduktionsutbildning för nya patientpartner</li>
</ul>
</td></tr>
<tr><td class="footer">
<p>Du får det här nyhetsbrevet eftersom du har anmält dig på vittangi.example. <a href="/avregistrera">Avregistrera</a> · <a href="/personuppgifter">Så hanterar vi dina personuppgifter</a></p>
<p>Region Vittangi, Storgatan 12, 981 00 Kallmora</p>
</td></tr>
</table>
</body>
</html>
"""

SLIDES = """
# Samskapande i Region Vittangi 2012–2023

Regionledningsforum 2023-06-07

Tove Sarri, utvecklingsledare delaktighet

===

# Varför?

- Långa avstånd och få invånare
- Många lever med flera kroniska sjukdomar
- Fem språk i länet
- Patientlagen: information och delaktighet

===

# Tidslinje

- 2012 Närståendenätverket Tornedalen bildas
- 2014 Dialogkaravanen, första omgången
- 2015 Brukarrådet (i dag Erfarenhetsrådet)
- 2016 Berättelsen först i nämnden
- 2016 Diabetesguiderna
- 2017 Kamratstödjare i psykiatrin
- 2017 Dialogkaravanen, andra omgången
- 2018 Patientpartnerprogrammet (PPP)
- 2019 Tillsammans efter stroke (EBCD), 2019–2020
- 2019 Patientmedverkan i händelseanalys
- 2020 Ungdomsgranskarna, 2020–2022
- 2021 Familjen Alatalo, Min vårdöverenskommelse
- 2022 Dialogkaravanen, tredje omgången; Digitalcaféet

===

# I siffror 2023

- 12 ledamöter i Erfarenhetsrådet
- 46 patientpartner i 31 team
- 4 kamratstödjare
- 14 händelseanalyser med patient eller närstående

===

# Vad har vi lärt oss?

- {{c6:Projekt tar slut – det som lever vidare har en ägare i linjen}}
- {{c7:Fler röster, inte samma fem}}
- {{c4:Fråga tidigt, inte när beslutet är klart}}

===

# Nästa steg

- Berättelsen först även i regionstyrelsen
- Digitalcaféet till fler orter
- Uppföljning av strategin 2024
"""

EVALUATION = """
# Lived experience in improvement and care: an evaluation of two programmes in Region Vittangi, Sweden

Final report, March 2022. Fiona Ashdown and Samuel Okafor, Larchfield Centre for Health Improvement, University of Larchfield.

The evaluation was commissioned by Region Vittangi and funded over two financial years (2019/20 and 2020/21) through the Larchfield Centre's international partnership budget, with fieldwork between October 2019 and November 2021.

## 1. Summary

This report evaluates two programmes in which people with lived experience of illness, as patients or family members, hold defined roles in the health services of Region Vittangi, a sparsely populated region in northern Sweden: the Patient Partner Programme (Patientpartnerprogrammet, PPP), which since 2018 has placed paid patient partners in clinical improvement teams, and the peer support workers (kamratstödjare) employed in adult psychiatric outpatient care since 2017. We also draw on the stroke unit's experience-based co-design project Together after Stroke (Tillsammans efter stroke, 2019–2020), which later took on a patient partner of its own.

## 2. Methods

We conducted 38 semi-structured interviews (14 patient partners, 4 peer support workers, 20 staff and managers), observed 11 improvement team meetings and analysed programme documents. Interviews were held in Swedish or English with an interpreter where needed.

## 3. Findings

3.1 Roles and professional boundaries. {{c3:Staff who had worked alongside a peer support worker for more than a year were markedly less likely to describe the role as a threat to their own professional judgement.}}

3.2 Voice in improvement teams. {{c4:In improvement team meetings observed, patient partners spoke far more when the chair explicitly asked for their view before the clinicians had given theirs.}}

3.3 Payment and recognition. {{c7:Patient partners reported that being paid changed how seriously their contributions were taken, although several said the money itself mattered less than being listed as a team member.}}

3.4 Who is recruited. {{c2:Recruitment through the regional website and social media produced a pool of patient partners who were younger and more digitally confident than the patients the teams served.}} {{c5:The programme had not reached speakers of Meänkieli or Sámi, and recruitment in these languages will require working through local associations rather than through the region's own channels.}}

## 4. Recommendations

- Provide a written role description for every patient partner and peer support worker.
- Offer recruitment routes that do not depend on digital channels.
- Review the remuneration rates every two years.

## 5. Acknowledgements

We thank the patient partners, peer support workers and staff of Region Vittangi, and the members of the Lived Experience Council (Erfarenhetsrådet) who commented on a draft of this report.
"""

LAMA = """
SLUTRAPPORT – PROJEKT LÄMA
Läkemedelsautomater på vårdavdelningar, Länssjukhuset i Kallmora
Projekttid: 2021-02-01 – 2022-09-30
Projektägare: Marita Liikavaara, hälso- och sjukvårdsdirektör
Projektledare: Jonas Mäki
Rapportdatum: 2022-11-04

1. BAKGRUND
Avvikelser i läkemedelshanteringen är den vanligaste avvikelsetypen i regionen.
Sjuksköterskor på vårdavdelningarna lägger i genomsnitt 70 minuter per pass på
att iordningställa läkemedel. Projektet fick i uppdrag att införa
läkemedelsautomater med streckkodsskanning på sex vårdavdelningar.

2. PROJEKTORGANISATION
Styrgrupp: hälso- och sjukvårdsdirektör, IT-chef, chefapotekare.
Projektgrupp: projektledare, två apotekare, fyra sjuksköterskor, två
IT-tekniker, leverantörens implementeringsansvarig.

3. GENOMFÖRANDE
- Upphandling avslutad 2021-04.
- Installation avdelning 4 och 7: 2021-03 (försenad till 2021-06).
- Integration med journalsystemet: 2021-09 – 2022-03.
- Installation övriga fyra avdelningar: 2022-04 – 2022-08.
- Utbildning av 310 medarbetare.

4. RESULTAT
Förväxlingsavvikelser på berörda avdelningar: 96 (2020) -> 41 (2022).
Tid för iordningställande: 70 -> 38 minuter per pass.
Svinn av läkemedel: minskat med 22 procent.

5. LÄRDOMAR
- Integrationen med journalsystemet bör testas i testmiljö innan installation.
- Streckkoder på leverantörens förpackningar varierar; rutin för ommärkning behövs.
- Superanvändare på varje avdelning var avgörande för utbildningen.

6. ÖVERLÄMNING
Automaterna förvaltas från 2023-01-01 av läkemedelsenheten. Utökning till
fyra avdelningar planeras 2024.
"""

KOL = """
# Projektdirektiv: Distansmonitorering KOL

**Region Vittangi, lungmottagningen, Länssjukhuset i Kallmora**
**Version 1.0, 2020-09-10. Dnr RV 2020/0415**

## Bakgrund

Patienter med svår KOL i inlandet har långa resor till lungmottagningen och läggs ofta in akut vid försämring. Andra regioner har visat att daglig mätning av syremättnad och symtom kan upptäcka försämring tidigare.

## Mål

- Minska antalet akuta inläggningar för KOL-patienter i inlandet med 20 procent.
- Minska antalet resor till lungmottagningen.

## Omfattning

120 patienter med KOL stadium 3–4 boende mer än 100 km från Kallmora. Patienterna får en surfplatta med förinstallerad app och en pulsoximeter. De svarar på fem frågor och mäter syremättnad varje morgon. Värdena följs av två sjuksköterskor på lungmottagningen, som ringer upp vid avvikande värden.

## Organisation

- Projektägare: verksamhetschef medicinkliniken
- Projektledare: Jonas Mäki
- Projektgrupp: två sjuksköterskor, en läkare, IT-förvaltningen, upphandlare

## Tidplan

- 2020-10: upphandling av plattform
- 2021-01: start med 40 patienter
- 2021-09: samtliga 120 patienter
- 2022-06: utvärdering och beslut om förvaltning

## Budget

2,4 miljoner kronor, varav 1,1 miljoner kronor i statsbidrag för digitala vårdtjänster.
"""

BJORKVALLA = """
# Verksamhetsberättelse 2022 – Hälsocentralen Björkvalla

Region Vittangi, primärvårdsförvaltningen. Verksamhetschef: Pirjo Lindbäck.

## 1. Verksamheten i korthet

Hälsocentralen Björkvalla har 7 900 listade invånare och 38 medarbetare. Under 2022 genomfördes 41 200 besök, varav 6 100 digitala.

| Nyckeltal | 2021 | 2022 |
| Listade invånare | 7 840 | 7 900 |
| Läkarbesök | 14 300 | 14 950 |
| Sjuksköterskebesök | 19 600 | 20 150 |
| Digitala besök | 4 900 | 6 100 |
| Vårdöverenskommelser upprättade | 64 | 212 |

## 2. Min vårdöverenskommelse

Sedan 2021 prövar hälsocentralen Min vårdöverenskommelse för patienter med flera kroniska sjukdomar. Dokumentet och arbetssättet togs fram under våren 2021 av en arbetsgrupp med sex patienter, två representanter från Erfarenhetsrådet och personal från hälsocentralen. Arbetssättet pågår och ska spridas till fler hälsocentraler 2024.

Överenskommelsen innehåller patientens egna mål, vad patienten själv gör, vad vården gör, en namngiven kontaktperson och datum för nästa kontakt. {{c1:Överenskommelsen fungerar som ett löfte, och patienterna märker direkt när den namngivna kontaktpersonen inte ringer tillbaka som avtalat.}} Från hösten 2022 har varje kontaktperson en ersättare.

## 3. Diabetesguiderna

Hälsocentralen har sedan 2016 samarbetat med Tornedalens diabetesförening om Diabetesguiderna. Under 2022 genomfördes fyra kurser, varav en på finska, med sammanlagt 37 deltagare. Hälsocentralen lånar ut lokal och diabetessjuksköterska.

## 4. Distansmonitorering KOL

Elva av hälsocentralens listade patienter ingår i regionens projekt Distansmonitorering KOL.

## 5. Ekonomi

Verksamheten redovisar ett underskott på 1,2 miljoner kronor, huvudsakligen på grund av kostnader för hyrläkare.
"""

WEB_ENGLISH = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>In English - Region Vittangi</title>
</head>
<body>
<div id="cookies"><p>This website uses cookies. <a href="/om-kakor">Read more</a> <button>Accept</button> <button>Decline</button></p></div>
<header>
  <a href="/" class="logo">Region Vittangi</a>
  <nav><ul>
    <li><a href="/vard-och-halsa">Vård och hälsa</a></li>
    <li><a href="/jobba-hos-oss">Jobba hos oss</a></li>
    <li><a href="/in-english">In English</a></li>
    <li><a href="/suomeksi">Suomeksi</a></li>
    <li><a href="/meankielelä">Meänkielelä</a></li>
    <li><a href="/samegillii">Sámegillii</a></li>
  </ul></nav>
</header>
<main>
<h1>Region Vittangi in English</h1>
<p>Region Vittangi is responsible for health and medical care, dental care, public transport and regional development in the county. About 118,000 people live in the region. The main hospital is Länssjukhuset i Kallmora; there are 19 health centres (hälsocentraler).</p>
<h2>Patient and family involvement</h2>
<p>People with experience as patients or family members take part in the work of the region in several ways:</p>
<p>The Lived Experience Council (Erfarenhetsrådet) advises the Health and Medical Care Committee. It was founded in 2015 under the name Brukarrådet.</p>
<p>Story First (Berättelsen först): every meeting of the Health and Medical Care Committee begins with a patient or family member telling their story.</p>
<p>The Dialogue Caravan (Dialogkaravanen) takes politicians and officials to the inland municipalities to meet residents. It has been held in 2014, 2017 and 2022; no further round has been decided.</p>
<p>The Alatalo family is a set of fictional residents used in regional planning to keep real needs in view.</p>
<p>Peer support workers (kamratstödjare) with their own experience of mental illness work in psychiatric outpatient care.</p>
<p>In the Digital Café (Digitalcaféet), pensioners help other pensioners to use digital health services.</p>
<p>My Care Agreement (Min vårdöverenskommelse) is a short written agreement between the patient and the care team.</p>
<h2>Contact</h2>
<p>Region Vittangi, Regionhuset, Storgatan 12, SE-981 00 Kallmora, Sweden. Telephone +46 980 100 00.</p>
</main>
<footer><p>© Region Vittangi · <a href="/tillganglighet">Accessibility</a> · <a href="/personuppgifter">Privacy</a></p></footer>
</body>
</html>
"""

INTERVIEW_GUIDE = """
Intervju 5 – diabetesguide, Tornedalens diabetesförening
Plats: Hälsocentralen Björkvalla. Datum: 2023-03-21.
Int = intervjuare (Johan Wennberg, FoU-enheten). IP = intervjuperson (Ritva, 66 år).

Int: Hur började Diabetesguiderna?

IP: Det var 2016. Föreningen hade länge tyckt att patientutbildningen på
hälsocentralen var för mycket föreläsning. Så vi frågade om vi fick göra en egen
kurs, och Anna, diabetessköterskan, sa ja på villkor att hon fick vara med på ett
par träffar. Jag har varit guide sedan första kursen.

Int: Vad är skillnaden mot när sköterskan håller kursen?

IP: {{c3:Vi guider är inte vårdpersonal och ska inte låtsas vara det; vår styrka
är att vi kan säga hur det faktiskt känns. Folk frågar oss saker de aldrig
skulle fråga doktorn.}}

Int: Hur får ni deltagare?

IP: Inte genom annonser i alla fall. {{c1:Folk kommer inte på första
inbjudan; de kommer när grannen har gått kursen och berättat att det var på
riktigt.}}

Int: Hur har det varit för dig personligen?

IP: Både och. {{c7:Efter fem år som guide var jag utbränd, eftersom jag hade
blivit den som alla i byn ringde när blodsockret krånglade.}} Nu är vi sex
guider och turas om, och jag har sagt att jag inte svarar i telefon på helgerna.

Int: Hälsocentralen har haft stora problem med läkarbemanningen. Har det
påverkat kursen?

IP: Nej, och det är ingen slump. {{c6:Kursen har överlevt för att föreningen
äger den och hälsocentralen bara lånar ut lokalen och sköterskan.}}

Int: Tack, Ritva.
"""

DOCS: dict[str, dict] = {
    "regional_utvecklingsstrategi_2022-2030.pdf": {
        "title": "Regional utvecklingsstrategi för hälsa och vård 2022–2030",
        "text": STRATEGY,
    },
    "patientsakerhetsberattelse_2023.docx": {
        "title": "Patientsäkerhetsberättelse 2023",
        "text": PSR,
    },
    "protokoll_hsn_2021-03-18.txt": {"text": PROTOKOLL},
    "pensionarsradet_minnesanteckningar_2023-04-12.md": {"text": PENSION},
    "ungrad_anteckningar_2022-11-09.md": {"text": YOUTH},
    "intervju_03_transkript.txt": {"text": INTERVIEW_PEER},
    "intervju_maria_nikula_2023.docx": {
        "title": "Intervju med Maria Nikula",
        "text": INTERVIEW_STROKE,
    },
    "fokusgrupp_narstaende_2022-10-05.txt": {"text": FOCUS},
    "ansokan_tillsammans_efter_stroke_2018.docx": {
        "title": "Ansökan Innovationsfonden 2018 – Tillsammans efter stroke",
        "text": APPLICATION,
    },
    "slutrapport_tillsammans_efter_stroke_2021.pdf": {
        "title": "Slutrapport Tillsammans efter stroke",
        "text": FINAL_REPORT,
    },
    "erfarenhetsradet.html": {"text": WEB_COUNCIL},
    "bli-patientpartner.html": {"text": WEB_PARTNER},
    "delaktighetsbladet_nr3_2023.html": {"text": NEWSLETTER},
    "samskapande_regionledningsforum_2023.pdf": {
        "title": "Samskapande i Region Vittangi 2012–2023",
        "text": SLIDES,
        "slides": True,
    },
    "larchfield_evaluation_report_2022.pdf": {
        "title": "Lived experience in improvement and care: evaluation report",
        "text": EVALUATION,
    },
    "slutrapport_projekt_lama_2022.txt": {"text": LAMA},
    "projektdirektiv_distansmonitorering_kol.md": {"text": KOL},
    "verksamhetsberattelse_bjorkvalla_2022.docx": {
        "title": "Verksamhetsberättelse 2022 Hälsocentralen Björkvalla",
        "text": BJORKVALLA,
    },
    "in-english.html": {"text": WEB_ENGLISH},
    "intervju_05_diabetesguide.txt": {"text": INTERVIEW_GUIDE},
}

# --------------------------------------------------------------------------- gold

STRAT = "regional_utvecklingsstrategi_2022-2030.pdf"
PSR_F = "patientsakerhetsberattelse_2023.docx"
PROT = "protokoll_hsn_2021-03-18.txt"
PENS = "pensionarsradet_minnesanteckningar_2023-04-12.md"
UNG = "ungrad_anteckningar_2022-11-09.md"
INT3 = "intervju_03_transkript.txt"
NIK = "intervju_maria_nikula_2023.docx"
FOK = "fokusgrupp_narstaende_2022-10-05.txt"
ANS = "ansokan_tillsammans_efter_stroke_2018.docx"
SLUT = "slutrapport_tillsammans_efter_stroke_2021.pdf"
WRAD = "erfarenhetsradet.html"
WPP = "bli-patientpartner.html"
NEWS = "delaktighetsbladet_nr3_2023.html"
SLID = "samskapande_regionledningsforum_2023.pdf"
EVAL = "larchfield_evaluation_report_2022.pdf"
LAMA_F = "slutrapport_projekt_lama_2022.txt"
KOL_F = "projektdirektiv_distansmonitorering_kol.md"
BJV = "verksamhetsberattelse_bjorkvalla_2022.docx"
ENG = "in-english.html"
INT5 = "intervju_05_diabetesguide.txt"


def _ini(
    iid: str,
    name: str,
    aliases: list[str],
    start: int,
    end: int | None,
    ongoing: bool,
    methods: list[str],
    levels: list[str],
    roles: list[str],
    docs: list[str],
    active_years: list[int] | None = None,
) -> dict:
    return {
        "id": iid,
        "name": name,
        "aliases": aliases,
        "start": start,
        "end": end,
        "active_years": active_years or [],
        "ongoing": ongoing,
        "methods": methods,
        "levels": levels,
        "ppe_roles": roles,
        "documents": docs,
    }


INITIATIVES = [
    _ini(
        "i01",
        "Erfarenhetsrådet",
        ["Brukarrådet", "Lived Experience Council"],
        2015,
        None,
        True,
        ["dialogue_meetings"],
        ["macro"],
        ["informant"],
        [STRAT, PROT, WRAD, SLID, ENG, EVAL, BJV],
    ),
    _ini(
        "i02",
        "Patientpartnerprogrammet",
        ["PPP", "Patient Partner Programme", "patientpartner"],
        2018,
        None,
        True,
        ["quality_improvement", "co_design"],
        ["meso"],
        ["co_designer"],
        [WPP, EVAL, NIK, SLUT, SLID, NEWS],
    ),
    _ini(
        "i03",
        "Kamratstödjare i psykiatrin",
        ["kamratstödjare", "kamratstödjarna", "peer support workers"],
        2017,
        None,
        True,
        ["ppe_as_staff"],
        ["micro"],
        ["staff"],
        [INT3, EVAL, SLID, ENG],
    ),
    _ini(
        "i04",
        "Tillsammans efter stroke",
        ["Together after Stroke", "EBCD"],
        2019,
        2020,
        False,
        ["co_design", "storytelling"],
        ["micro"],
        ["co_designer", "informant"],
        [ANS, SLUT, NIK, EVAL, SLID],
    ),
    _ini(
        "i05",
        "Dialogkaravanen",
        ["Dialogue Caravan"],
        2014,
        2022,
        False,
        ["dialogue_meetings"],
        ["macro"],
        ["informant"],
        [STRAT, PROT, WRAD, SLID, ENG],
        active_years=[2014, 2017, 2022],
    ),
    _ini(
        "i06",
        "Berättelsen först",
        ["Story First"],
        2016,
        None,
        True,
        ["storytelling"],
        ["macro"],
        ["informant"],
        [STRAT, PROT, WRAD, SLID, ENG],
    ),
    _ini(
        "i07",
        "Min vårdöverenskommelse",
        ["vårdöverenskommelse", "My Care Agreement"],
        2021,
        None,
        True,
        ["care_agreement", "person_centred_care", "co_design"],
        ["micro"],
        ["participant", "co_designer"],
        [BJV, PENS, NEWS, SLID, ENG],
    ),
    _ini(
        "i08",
        "Diabetesguiderna",
        ["diabetesguide"],
        2016,
        None,
        True,
        ["learning_education", "self_management", "ppe_driven"],
        ["micro"],
        ["educator", "leader"],
        [NEWS, BJV, INT5, SLID],
    ),
    _ini(
        "i09",
        "Ungdomsgranskarna",
        ["ungdomsgranskare"],
        2020,
        2022,
        False,
        ["co_evaluation"],
        ["meso"],
        ["evaluator"],
        [UNG, SLID],
    ),
    _ini(
        "i10",
        "Närståendenätverket Tornedalen",
        ["Närståendenätverket"],
        2012,
        None,
        True,
        ["ppe_driven", "dialogue_meetings"],
        ["meso"],
        ["leader"],
        [FOK, SLID],
    ),
    _ini(
        "i11",
        "Familjen Alatalo",
        ["Alatalo family", "Aili Alatalo"],
        2021,
        None,
        True,
        ["personas"],
        ["macro"],
        ["informant"],
        [STRAT, SLID, ENG],
    ),
    _ini(
        "i12",
        "Patientmedverkan i händelseanalys",
        ["händelseanalyser med patient eller närstående"],
        2019,
        None,
        True,
        ["co_evaluation"],
        ["meso"],
        ["informant", "evaluator"],
        [PSR_F, SLID],
    ),
    _ini(
        "i13",
        "Digitalcaféet",
        ["Digital Café"],
        2022,
        None,
        True,
        ["learning_education", "ppe_driven"],
        ["micro"],
        ["educator", "leader"],
        [PENS, NEWS, SLID, ENG],
    ),
]

NON_INITIATIVES = [
    {
        "name": "Projekt LÄMA – läkemedelsautomater på vårdavdelningar (2021–2022)",
        "documents": [LAMA_F, PSR_F, PROT],
    },
    {
        "name": "Distansmonitorering KOL – remote monitoring; patients only recipients (2020–)",
        "documents": [KOL_F, PROT, BJV],
    },
    {
        "name": "VIS Norr – nytt vårdinformationssystem (2022–2025)",
        "documents": [STRAT],
    },
]
