"""Time expressions in English and Swedish: what is a year, what is not."""

from __future__ import annotations

import pytest

from coatlas.text.years import TimeExpr, find_time_expressions, load_time_lexicon


def only(text: str, lang: str, anchor: int | None = None) -> TimeExpr:
    xs = [x for x in find_time_expressions(text, lang, anchor) if x.kind != "ongoing"]
    assert len(xs) == 1, [(x.kind, x.text) for x in xs]
    return xs[0]


def find(text: str, lang: str, needle: str, anchor: int | None = None) -> TimeExpr:
    for x in find_time_expressions(text, lang, anchor):
        if needle in x.text:
            return x
    raise AssertionError(f"{needle!r} not found in {text!r}")


@pytest.mark.parametrize(
    "lang,text,quote,year",
    [
        ("en", "The clinic opened it in 2014.", "in 2014", 2014),
        ("en", "2014 was a good year.", "2014", 2014),
        ("en", "The 2014's report.", "2014's", 2014),
        ("en", "It began during 1999 at the ward.", "during 1999", 1999),
        ("sv", "Det var år 2014 som det hände.", "år 2014", 2014),
        ("sv", "Enligt 2014 års verksamhetsplan.", "2014 års", 2014),
        ("sv", "Under 2016 genomfördes tolv samtal.", "Under 2016", 2016),
        ("sv", "Rapport 2003 från kliniken.", "2003", 2003),
        ("en", "A report (2019) on it.", "2019", 2019),
        ("en", "Year 2100 and 1950 bound the range.", "Year 2100", 2100),
    ],
)
def test_single_years(lang: str, text: str, quote: str, year: int) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last, x.years) == ("year", year, year, (year,))
    assert not x.vague and not x.ongoing


@pytest.mark.parametrize(
    "lang,text,quote,first,last",
    [
        ("en", "It ran 2006–2012 in the north.", "2006–2012", 2006, 2012),
        ("en", "It ran 2006-2012 in the north.", "2006-2012", 2006, 2012),
        ("en", "It ran 2006 — 2012.", "2006 — 2012", 2006, 2012),
        ("en", "It ran 2006 to 2012.", "2006 to 2012", 2006, 2012),
        ("en", "It ran from 2006 until 2012.", "from 2006 until 2012", 2006, 2012),
        ("en", "It ran between 2006 and 2012.", "between 2006 and 2012", 2006, 2012),
        ("en", "It ran 2013–14.", "2013–14", 2013, 2014),
        ("en", "It ran 1998–03 abroad.", "1998–03", 1998, 2003),
        ("en", "From autumn 2014 to spring 2016.", "From autumn 2014 to spring 2016", 2014, 2016),
        ("en", "The programme (2011–2012) ended.", "2011–2012", 2011, 2012),
        ("sv", "Projektet pågick mellan 2006 och 2012.", "mellan 2006 och 2012", 2006, 2012),
        ("sv", "Projektet pågick 2006 till 2012.", "2006 till 2012", 2006, 2012),
        ("sv", "Projektet pågick 2006–2012.", "2006–2012", 2006, 2012),
        ("sv", "Projektet pågick från 2006 till 2012.", "från 2006 till 2012", 2006, 2012),
        ("sv", "Projektet pågick 2013-14.", "2013-14", 2013, 2014),
        ("sv", "Från hösten 2014 till våren 2016.", "Från hösten 2014 till våren 2016", 2014, 2016),
    ],
)
def test_ranges(lang: str, text: str, quote: str, first: int, last: int) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last) == ("range", first, last)
    assert x.years == tuple(range(first, last + 1))


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "In 2019-04 we met."),  # not a period: '04' cannot close 2019
        ("en", "It ran 2012–2008."),  # backwards
    ],
)
def test_not_ranges(lang: str, text: str) -> None:
    assert all(x.kind != "range" for x in find_time_expressions(text, lang))


@pytest.mark.parametrize(
    "lang,text,quote,kind,first,ongoing",
    [
        ("en", "We have done it since 2016.", "since 2016", "since", 2016, True),
        ("en", "Ever since autumn 2014 it runs.", "Ever since autumn 2014", "since", 2014, True),
        ("en", "It is offered from April 2015.", "from April 2015", "from", 2015, False),
        ("en", "As of 2017 it is funded.", "As of 2017", "from", 2017, False),
        ("en", "From 2022 onwards it is offered.", "From 2022 onwards", "since", 2022, True),
        ("en", "It runs 2018 to ongoing.", "2018 to ongoing", "since", 2018, True),
        ("en", "It runs 2018- ongoing.", "2018- ongoing", "since", 2018, True),
        ("en", "It runs 2018 to date.", "2018 to date", "since", 2018, True),
        ("en", "The group (2018–) meets.", "2018–", "since", 2018, True),
        ("en", "From 1997 until today.", "From 1997 until today", "since", 1997, True),
        ("sv", "Sedan 2016 har gruppen träffats.", "Sedan 2016", "since", 2016, True),
        ("sv", "Den har funnits sedan hösten 2018.", "sedan hösten 2018", "since", 2018, True),
        ("sv", "Gäller fr.o.m. 2017 i hela regionen.", "fr.o.m. 2017", "from", 2017, False),
        ("sv", "Gäller från och med 2017.", "från och med 2017", "from", 2017, False),
        ("sv", "Från 2022 och framåt erbjuds det.", "Från 2022 och framåt", "since", 2022, True),
        ("sv", "Arbetet 2018–pågående.", "2018–pågående", "since", 2018, True),
        ("sv", "Arbetet 2018 – idag.", "2018 – idag", "since", 2018, True),
    ],
)
def test_open_ended(lang: str, text: str, quote: str, kind: str, first: int, ongoing: bool) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last, x.ongoing) == (kind, first, None, ongoing)
    assert not x.open_start


@pytest.mark.parametrize(
    "lang,text,quote,last",
    [
        ("en", "It was funded until 2012.", "until 2012", 2012),
        ("en", "It was funded up to 2012.", "up to 2012", 2012),
        ("en", "The pilot (–2012) closed.", "–2012", 2012),
        ("sv", "Gäller t.o.m. 2020.", "t.o.m. 2020", 2020),
        ("sv", "Gäller till och med 2020.", "till och med 2020", 2020),
        ("sv", "Det pågick fram till 2012.", "fram till 2012", 2012),
    ],
)
def test_open_start(lang: str, text: str, quote: str, last: int) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last, x.open_start) == ("until", None, last, True)


@pytest.mark.parametrize(
    "text",
    ["Tidslinje\n– 2016 Berättelsen i nämnden\n– 2014 Karavanen", "– 2016 The panel starts"],
)
def test_a_dash_bullet_before_a_year_is_not_until(text: str) -> None:
    """Slides and timelines list "– 2016 X": the dash is the bullet, the year a plain year."""
    xs = find_time_expressions(text, "sv")
    assert xs and all(x.kind == "year" for x in xs), [(x.kind, x.text) for x in xs]


@pytest.mark.parametrize(
    "lang,text,quote,kind,year,month",
    [
        ("en", "Minutes of 2019-04-10 meeting.", "2019-04-10", "date", 2019, 4),
        ("en", "Date: 14 November 2023", "14 November 2023", "date", 2023, 11),
        ("en", "Held on November 14, 2023 at noon.", "November 14, 2023", "date", 2023, 11),
        ("en", "Held on 14/11/2023.", "14/11/2023", "date", 2023, 11),
        ("en", "It opened in April 2015.", "in April 2015", "month", 2015, 4),
        ("en", "It opened in the spring of 2019.", "in the spring of 2019", "season", 2019, None),
        ("en", "It opened at the end of 2012.", "the end of 2012", "year", 2012, None),
        ("sv", "Mötet den 21 november 2023 beslöt.", "den 21 november 2023", "date", 2023, 11),
        ("sv", "Mötet 21.11.2023 beslöt.", "21.11.2023", "date", 2023, 11),
        ("sv", "Det startade hösten 2018.", "hösten 2018", "season", 2018, None),
        ("sv", "Det startade våren 2019.", "våren 2019", "season", 2019, None),
        ("sv", "Det startade i mars 2003.", "i mars 2003", "month", 2003, 3),
        ("sv", "Det startade i slutet av 2012.", "i slutet av 2012", "year", 2012, None),
    ],
)
def test_dates_months_seasons(
    lang: str, text: str, quote: str, kind: str, year: int, month: int | None
) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last, x.month) == (kind, year, year, month)


@pytest.mark.parametrize(
    "lang,text,quote,first,last",
    [
        ("en", "Costs in FY2019–20 rose.", "FY2019–20", 2019, 2020),
        ("en", "Costs in FY 2019/20 rose.", "FY 2019/20", 2019, 2020),
        ("en", "Costs in FY2021 rose.", "FY2021", 2021, 2021),
        ("en", "Costs in 2011/12 rose.", "2011/12", 2011, 2012),
        ("en", "Costs in 2011/2012 rose.", "2011/2012", 2011, 2012),
        ("en", "In the financial year 2020/21 it grew.", "financial year 2020/21", 2020, 2021),
        ("sv", "Under verksamhetsåret 2019 växte det.", "verksamhetsåret 2019", 2019, 2019),
        ("sv", "Budgetåret 2020/21 kostade det.", "Budgetåret 2020/21", 2020, 2021),
    ],
)
def test_financial_years(lang: str, text: str, quote: str, first: int, last: int) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.first, x.last) == ("fiscal", first, last)


def test_fiscal_slash_must_be_consecutive() -> None:
    assert all(x.kind != "fiscal" for x in find_time_expressions("In 2011/15 no.", "en"))


@pytest.mark.parametrize(
    "lang,text,quote,years",
    [
        ("en", "Rounds ran in 2004, 2007 and 2011.", "in 2004, 2007 and 2011", (2004, 2007, 2011)),
        ("en", "Rounds ran 2004, 2007, 2011.", "2004, 2007, 2011", (2004, 2007, 2011)),
        ("en", "It ran in 2009 and 2013.", "in 2009 and 2013", (2009, 2013)),
        (
            "sv",
            "Panelen genomfördes 2006, 2009 och 2013.",
            "2006, 2009 och 2013",
            (2006, 2009, 2013),
        ),
        ("sv", "Panelen genomfördes 2006 och 2009.", "2006 och 2009", (2006, 2009)),
    ],
)
def test_rounds(lang: str, text: str, quote: str, years: tuple[int, ...]) -> None:
    x = find(text, lang, quote)
    assert x.text == quote
    assert (x.kind, x.years, x.first, x.last) == ("rounds", years, years[0], years[-1])


def test_two_years_without_and_are_not_rounds() -> None:
    xs = find_time_expressions("Planer 2014, 2015.", "sv")
    assert [x.kind for x in xs] == ["year", "year"]


@pytest.mark.parametrize(
    "lang,text,quote,expected",
    [
        ("en", "It began in 2010. Three years later it grew.", "Three years later", 2013),
        ("en", "It began in 2010. Two years after that it grew.", "Two years after that", 2012),
        ("en", "It began in 2010. The following year it grew.", "The following year", 2011),
        ("en", "It began in 2010. A year earlier we planned.", "A year earlier", 2009),
        ("en", "It ran 2006–2012. The following year it closed.", "The following year", 2013),
        ("en", "In 2004, 2007 and 2011. The year after it ended.", "The year after", 2012),
        ("sv", "Det började 2010. Tre år senare växte det.", "Tre år senare", 2013),
        ("sv", "Det började 2010. Året därpå växte det.", "Året därpå", 2011),
        ("sv", "Det började 2010. Året därefter växte det.", "Året därefter", 2011),
        ("sv", "Det började 2010. Fem år senare lades det ned.", "Fem år senare", 2015),
    ],
)
def test_relative_anaphoric(lang: str, text: str, quote: str, expected: int) -> None:
    x = find(text, lang, quote, anchor=2023)
    assert x.text == quote
    assert (x.kind, x.first, x.years, x.relative) == ("relative", expected, (expected,), True)


def test_relative_chains() -> None:
    xs = find_time_expressions(
        "In 2010 it began. The following year it grew. Two years later.", "en"
    )
    assert [x.first for x in xs] == [2010, 2011, 2013]


@pytest.mark.parametrize(
    "lang,text,quote,expected",
    [
        ("en", "In 1999 we met. Last year it changed.", "Last year", 2022),
        ("en", "Next year it will grow.", "Next year", 2024),
        ("en", "After last year's panel.", "last year's", 2022),
        ("sv", "År 1999 började vi. Förra året ändrades det.", "Förra året", 2022),
        ("sv", "Nästa år växer det.", "Nästa år", 2024),
        ("sv", "I fjol ändrades det.", "I fjol", 2022),
        ("sv", "Årets panel var stor.", "Årets", 2023),
    ],
)
def test_relative_deictic_uses_document_year(
    lang: str, text: str, quote: str, expected: int
) -> None:
    x = find(text, lang, quote, anchor=2023)
    assert x.text == quote
    assert x.first == expected


def test_relative_without_anchor_falls_back() -> None:
    x = find("In 2010 it began. Last year it changed.", "en", "Last year")
    assert x.first == 2009  # no document year: the last explicit year stands in
    y = find("The following year it grew.", "en", "following year")
    assert y.first is None and y.years == () and y.confidence == 0.0
    z = find("The following year it grew.", "en", "following year", anchor=2020)
    assert z.first == 2021


@pytest.mark.parametrize(
    "lang,text,quote",
    [
        ("en", "It started in the early 2000s.", "in the early 2000s"),
        ("en", "It started in the nineties.", "in the nineties"),
        ("en", "It started in the late 1990s.", "in the late 1990s"),
        ("en", "It started in the 2010s.", "in the 2010s"),
        ("en", "It started in the mid-2010s.", "mid-2010s"),
        ("en", "It started in the '90s.", "'90s"),
        ("en", "At the turn of the millennium it began.", "turn of the millennium"),
        ("sv", "Det startade på 2010-talet.", "på 2010-talet"),
        ("sv", "Det startade i början av 2000-talet.", "i början av 2000-talet"),
        ("sv", "Det startade under nittiotalet.", "under nittiotalet"),
        ("sv", "Det startade på 90-talet.", "på 90-talet"),
        ("sv", "Det startade vid millennieskiftet.", "millennieskiftet"),
    ],
)
def test_vague_periods_have_no_years(lang: str, text: str, quote: str) -> None:
    xs = find_time_expressions(text, lang)
    assert len(xs) == 1, xs
    x = xs[0]
    assert quote in x.text or x.text in quote
    assert x.vague and x.kind == "vague"
    assert x.years == () and x.first is None and x.last is None


@pytest.mark.parametrize(
    "lang,text",
    [
        ("sv", "Det kostade 2 000 kr per år."),
        ("sv", "Avgiften är 2019 kr."),
        ("en", "We saw 1500 patients."),
        ("en", "We saw 2000 patients last spring."),
        ("sv", "Totalt 2010 deltagare och 1990 besök."),
        ("en", "Call 070-123 45 67 or +46 640 2019 00."),
        ("sv", "Ring 0640-20 19 12 för tid."),
        ("sv", "Mötet börjar kl. 20.15 i sal 3."),
        ("sv", "Skicka till Box 2014, 831 21 Norrvik."),
        ("en", "See page 2012 of the file."),
        ("sv", "Se sidan 12 och s. 2015."),
        ("en", "Building 12 and Building 2020 on site."),
        ("en", "Work toward Agenda 2030 and Vision 2030."),
        ("en", "The price rose 2019.5 percent."),
        ("en", "Version 2.2019 was sent."),
        ("en", "Ward 2012 takes patients."),
        ("en", "Counted 12 2015 items."),
        ("en", "It was 1949 or 2101 or 1200."),
        ("sv", "Org.nr 232100-2019 gäller."),
        ("en", "The spring of eighty-six."),
        ("en", "A budget of SEK 2019 million, £2015 and $2020."),
        ("sv", "Budgeten är 2020 miljoner kronor."),
        ("sv", "Ärendet har Dnr 2019/123 och diarienummer 2020/45."),
        ("en", "See Paper 2021 and case 2019/1234."),
    ],
)
def test_exclusions(lang: str, text: str) -> None:
    xs = [x for x in find_time_expressions(text, lang) if x.years]
    assert xs == [], [(x.kind, x.text) for x in xs]


@pytest.mark.parametrize(
    "lang,text,quote",
    [
        ("en", "It is still running.", "still"),
        ("en", "The programme is ongoing.", "ongoing"),
        ("sv", "Arbetet pågår.", "pågår"),
        ("sv", "En pågående satsning.", "pågående"),
        ("sv", "Gruppen träffas fortfarande.", "fortfarande"),
    ],
)
def test_ongoing_cues(lang: str, text: str, quote: str) -> None:
    x = find(text, lang, quote)
    assert (x.kind, x.ongoing, x.years) == ("ongoing", True, ())


@pytest.mark.parametrize("lang", ["en", "sv", "und"])
def test_offsets_round_trip(lang: str) -> None:
    text = (
        "Date: 14 November 2023\n\nSjälvmätarcirkeln startade hösten 1999 och pågick "
        "2006–2012; sedan 2016, FY 2019/20, 2011/12, in 2004, 2007 and 2011. "
        "Three years later, året därpå, 2010-talet, (2011–2012), t.o.m. 2020."
    )
    xs = find_time_expressions(text, lang, anchor_year=2023)
    assert xs
    assert [x.start for x in xs] == sorted(x.start for x in xs)
    for x in xs:
        assert text[x.start : x.end] == x.text
        assert x.text == x.text.strip()
    for a, b in zip(xs, xs[1:], strict=False):
        assert a.end <= b.start  # never overlapping


def test_deterministic() -> None:
    text = "Sedan 2016, mellan 2006 och 2012, hösten 2018, tre år senare."
    assert find_time_expressions(text, "sv", 2020) == find_time_expressions(text, "sv", 2020)


def test_swedish_i_is_not_an_english_pronoun_problem() -> None:
    # 'i' is a Swedish preposition: the English lexicon must not be needed to read it
    x = only("Det hände i 2015 års budget.", "sv")
    assert x.first == 2015


def test_lexicons_are_data() -> None:
    for lang in ("en", "sv"):
        lx = load_time_lexicon(lang)
        assert lx["months"] and lx["seasons"] and lx["numbers"]
        assert lx["start_cues"] and lx["end_cues"] and lx["continue_cues"]
    with pytest.raises(ValueError):
        load_time_lexicon("xx")


@pytest.mark.parametrize(
    ("lang", "text", "quote", "kind", "last"),
    [
        ("en", "The service started in 2020-21 in the unit.", "2020-21", "fiscal", 2021),
        ("en", "It was renamed during 2019–20.", "2019–20", "fiscal", 2020),
        ("en", "It ran 2013–14.", "2013–14", "range", 2014),
        ("sv", "Projektet startade under 2019-20.", "2019-20", "fiscal", 2020),
    ],
)
def test_short_next_year_after_in_is_one_financial_year(
    lang: str, text: str, quote: str, kind: str, last: int
) -> None:
    x = find(text, lang, quote)
    assert (x.kind, x.last) == (kind, last)
