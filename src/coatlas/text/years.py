"""Time expressions in English and Swedish text: years, ranges, open periods, rounds.

Why hand-written patterns: date parsers (dateparser, dateutil) read calendar
dates, not the period language of reports and interviews ("sedan hösten 2018",
"2013–14", "FY 2019/20", "from 2022 onwards", "tre år senare", "2010-talet").
The grammar below is language-neutral; every word it uses comes from
``coatlas/lang/<lang>/time.yaml`` so a new language is a new data file.

A *year* is a number 1950..2100 in year context: counts and amounts ("2000
patients", "2 000 kr"), identifiers ("Agenda 2030", "page 2012"), phone numbers
and clock times are excluded. Decades and eras are returned as ``vague`` with
no years. Spoken years ("eighty-six") are not read (too easily an age or a count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

YEAR_MIN, YEAR_MAX = 1950, 2100
LANGS = ("en", "sv")

# kinds: year, date, month, season, range, fiscal, since, from, until, rounds,
# relative, vague, ongoing


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """One time expression; ``start``/``end`` index into the text it was found in.

    ``first``/``last`` bound the period (None when open or unknown), ``years`` lists
    the concrete years it names (all years of a range, the rounds of a series),
    ``ongoing`` marks a period said to continue, ``open_start`` one with no known
    beginning ("until 2012"), ``vague`` a decade or era that names no year.
    """

    start: int
    end: int
    kind: str
    first: int | None
    last: int | None
    ongoing: bool = False
    open_start: bool = False
    vague: bool = False
    years: tuple[int, ...] = ()
    confidence: float = 1.0
    text: str = ""
    month: int | None = None
    relative: bool = False


@lru_cache(maxsize=8)
def load_time_lexicon(lang: str) -> dict[str, Any]:
    """The time vocabulary of one language (``lang/<lang>/time.yaml``)."""
    if lang not in LANGS:
        raise ValueError(f"no time lexicon for language {lang!r}")
    path = resources.files("coatlas.lang").joinpath(f"{lang}/time.yaml")
    with path.open("r", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def _merged_lexicon(langs: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for lang in langs:
        for key, val in load_time_lexicon(lang).items():
            if isinstance(val, dict):
                out.setdefault(key, {}).update(val)
            elif isinstance(val, list):
                out.setdefault(key, []).extend(val)
            else:
                out[key] = val
    return out


def _words(items: Any) -> str:
    """A regex alternation of lexicon entries, longest first, spaces flexible."""
    words = sorted({str(w).lower() for w in items}, key=lambda w: (-len(w), w))
    parts = [re.escape(w).replace(r"\ ", r"\s+") for w in words]
    return "(?:" + "|".join(parts) + ")" if parts else "(?!x)x"


def _w(items: Any) -> str:
    return rf"(?<![\w.]){_words(items)}(?!\w)"


YEAR_CORE = r"(?:19[5-9]\d|20\d\d|2100)"
YEAR = rf"(?<![\w.,:/]){YEAR_CORE}(?!\d)"
_YEAR_RE = re.compile(YEAR_CORE + r"(?!\d)")
DASH = r"(?:–|—|-|‐|‑|−)"


@dataclass(frozen=True)
class _Grammar:
    lex: dict[str, Any]
    months: dict[str, int]
    numbers: dict[str, int]
    patterns: list[tuple[str, re.Pattern[str]]]
    relative: list[tuple[re.Pattern[str], str, str, int]]  # regex, kind, offset spec, length
    relative_any: re.Pattern[str]  # any relative pattern: one scan finds the candidates
    phone: re.Pattern[str]
    units_after: re.Pattern[str]
    name_before: re.Pattern[str]
    year_prefix_before: re.Pattern[str]
    approx_before: re.Pattern[str]
    from_strict_re: re.Pattern[str]
    onwards_re: re.Pattern[str]
    in_period_re: re.Pattern[str]
    month_re: re.Pattern[str]


@lru_cache(maxsize=8)
def _grammar(langs: tuple[str, ...]) -> _Grammar:
    lx = _merged_lexicon(langs)
    months = {k.lower(): int(v) for k, v in lx["months"].items()}
    numbers = {k.lower(): int(v) for k, v in lx["numbers"].items()}
    month = _w(months)
    season = _w(lx["seasons"])
    qual = _w(lx["year_qualifiers"])
    day = r"(?<!\d)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|:e|:a)?\.?"
    the = rf"(?:{_w(lx['articles'])}\s+)?"  # optional article: "the spring of 2019"
    of = rf"(?:\s+{_w(lx['of_words'])})?"
    dpre = rf"(?:{_w(lx['date_prefixes'])}\s+)?"
    yref = (
        r"(?:"
        rf"{YEAR}{DASH}(?:0[1-9]|1[0-2]){DASH}(?:[0-2]\d|3[01])(?!\d)"  # ISO date
        rf"|(?<!\d)(?:[12]\d|3[01]|0?[1-9])[./](?:0?[1-9]|1[0-2])[./]{YEAR_CORE}(?!\d)"
        rf"|{dpre}{day}{of}\s+{month}\.?,?{of}\s+{YEAR_CORE}(?!\d)"
        rf"|{month}\.?\s+{day},?\s+{YEAR_CORE}(?!\d)"
        rf"|(?:{qual}\s+)?{the}(?:{season}|{month})\.?{of}\s+{YEAR_CORE}(?!\d)"
        rf"|(?:{qual}\s+)?{YEAR}"
        r")"
    )
    short = r"(?<!\d)\d{2}(?!\d)"
    since = _w(lx["since"])
    frm = _w(lx["from"] + lx["from_strict"])
    until = _w(lx["until"])
    onwards = _w(lx["onwards"])
    ongoing_end = _w(lx["ongoing_range_ends"])
    connectors = [c for c in lx["range_connectors"] if c.lower() not in {"and", "och"}]
    conn = _w(connectors)
    between = "|".join(
        rf"{_w([a])}\s+{the}{yref}\s*,?\s*{_w([b])}\s+{the}{yref}" for a, b in lx["between"]
    )
    fiscal = rf"(?<![\w]){_words(lx['fiscal_prefixes'])}"
    andw = _w(lx["rounds_and"])
    quals = _w(lx["decade_qualifiers"])
    suffixes = "|".join(
        re.escape(x) for x in sorted(lx["decade_suffixes"], key=lambda x: (-len(x), x))
    )
    decade_num = rf"(?<![\w'’])(?:(?:19|20)\d0|['’]?\d0)(?:{suffixes})(?!\w)"
    decade_words = _w(lx["decade_words"])
    eras = _w(lx["vague_eras"])
    prefixes = _w(lx["year_prefixes"])
    ongoing = _w(lx["ongoing"])
    genitive = "|".join(re.escape(g) for g in lx["year_genitive"])
    patterns: list[tuple[str, str]] = [
        ("vague", rf"(?:{quals}\s+)?{the}(?:{decade_num}|{decade_words})|{eras}"),
        (
            "fiscal",
            rf"{fiscal}\s*{YEAR_CORE}(?!\d)(?:\s*(?:/|{DASH})\s*(?:{YEAR_CORE}|\d{{2}})(?!\d))?",
        ),
        ("fiscal", rf"{YEAR}\s*/\s*(?:{YEAR_CORE}|\d{{2}})(?![\d/.])"),
        ("between", between),
        ("open_range", rf"(?:{frm}\s+)?{the}{yref}\s*(?:{DASH}|{conn})\s*{ongoing_end}"),
        (
            "range",
            rf"(?:{frm}\s+)?{the}{yref}\s*(?:{DASH}|\s{conn}\s)\s*{the}(?:{yref}|{short})",
        ),
        ("open_range", rf"{YEAR}\s*{DASH}(?=\s*(?:[)\]]|$|\n))"),
        # "(–2016)", "till –2016", "X – 2016"; not a list bullet "– 2016 X" opening a line
        (
            "until",
            rf"(?:(?<=[(\[])|(?<=[^\S\n])){DASH}\s*{YEAR}|(?:(?<=\n)|^){DASH}{YEAR}",
        ),
        ("since", rf"{since}\s+{the}{yref}(?:\s*,?\s*{onwards})?"),
        ("from", rf"{frm}\s+{the}{yref}(?:\s*,?\s*{onwards})?"),
        ("onwards", rf"{yref}\s*,?\s*{onwards}"),
        ("until", rf"{until}\s+{the}{yref}"),
        (
            "rounds",
            rf"(?:{prefixes}\s+)?{YEAR}(?:\s*,\s*(?:{prefixes}\s+)?{YEAR})+(?:\s*,?\s*{andw}\s+(?:{prefixes}\s+)?{YEAR})?",
        ),
        ("rounds", rf"(?:{prefixes}\s+)?{YEAR}\s+{andw}\s+(?:{prefixes}\s+)?{YEAR}"),
        ("genitive", rf"{YEAR}\s*(?:{genitive})(?!\w)"),
        ("single", rf"(?:{prefixes}\s+)?{the}{yref}"),
        ("ongoing", ongoing),
    ]
    compiled = [(k, re.compile(p, re.IGNORECASE)) for k, p in patterns]
    num = r"(?P<n>\d{1,2}|" + _words(numbers) + ")"
    relative: list[tuple[re.Pattern[str], str, str, int]] = []
    for kind in ("relative_anaphoric", "relative_deictic"):
        for entry in lx.get(kind, []):
            pat = re.escape(entry["pattern"].lower()).replace(r"\ ", r"\s+")
            pat = pat.replace(r"\{n\}", num)
            spec = str(entry["offset"])
            relative.append(
                (re.compile(rf"(?<![\w]){pat}(?!\w)", re.IGNORECASE), kind, spec, len(pat))
            )
    relative.sort(key=lambda r: -r[3])  # longest patterns claim first
    relative_any = re.compile(
        "|".join(f"(?:{r[0].pattern.replace('(?P<n>', '(?:')})" for r in relative), re.IGNORECASE
    )
    phone = re.compile(
        r"(?<![\w\-–./:])(?:\+\d{1,3}(?:[\s\-]?\(?\d{1,4}\)?){2,5}"
        r"|\(?0\d{1,4}\)?\s?[\-/]\s?\d{2,4}(?:[\s\-]\d{2,4}){0,3}"
        r"|\d{6}-\d{4})(?!\d)"
    )
    return _Grammar(
        lex=lx,
        months=months,
        numbers=numbers,
        patterns=compiled,
        relative=relative,
        relative_any=relative_any,
        phone=phone,
        units_after=re.compile(rf"^[ \t\u00a0]*(?:{_words(lx['units'])})(?!\w)", re.IGNORECASE),
        name_before=re.compile(rf"(?<![\w]){_words(lx['name_prefixes'])}\s*$", re.IGNORECASE),
        year_prefix_before=re.compile(rf"(?<![\w]){prefixes}\s+{the}$", re.IGNORECASE),
        approx_before=re.compile(rf"(?<![\w]){_words(lx['approximate'])}\s*$", re.IGNORECASE),
        from_strict_re=re.compile(_w(lx["from_strict"]), re.IGNORECASE),
        onwards_re=re.compile(onwards, re.IGNORECASE),
        in_period_re=re.compile(rf"(?<![\w]){_words(lx['point_in_period'])}\s+$", re.IGNORECASE),
        month_re=re.compile(month, re.IGNORECASE),
    )


def _year_windows(text: str, margin: int = 120) -> list[tuple[int, int]]:
    """Merged stretches of text around every four-digit number."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(r"\d{4}", text):
        s, e = max(0, m.start() - margin), min(len(text), m.end() + margin)
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _langs(lang: str | None) -> tuple[str, ...]:
    return (lang,) if lang in LANGS else LANGS


def _years_in(s: str) -> list[int]:
    return [int(m.group()) for m in _YEAR_RE.finditer(s)]


def _expand_short(first: int, s: str) -> int | None:
    """'2013–14' -> 2014; None when the two digits cannot close a period from ``first``."""
    yy = int(s)
    full = first // 100 * 100 + yy
    if full <= first:
        full += 100
    return full if first < full <= first + 20 else None


class _Finder:
    def __init__(self, text: str, g: _Grammar) -> None:
        self.text = text
        self.g = g
        self.taken = bytearray(len(text))
        self.out: list[TimeExpr] = []
        self.rel: dict[tuple[int, int], tuple[int, bool]] = {}
        for m in g.phone.finditer(text):
            if not re.fullmatch(rf"{YEAR_CORE}\s*{DASH}\s*{YEAR_CORE}", m.group()):
                self._take(m.start(), m.end())

    def _free(self, s: int, e: int) -> bool:
        return not any(self.taken[s:e])

    def _take(self, s: int, e: int) -> None:
        self.taken[s:e] = b"\x01" * (e - s)

    def add(self, s: int, e: int, **kw: Any) -> None:
        # trim trailing whitespace/punctuation the patterns may have swallowed
        while e > s and self.text[e - 1] in " \t\n,":
            e -= 1
        self._take(s, e)
        self.out.append(TimeExpr(start=s, end=e, text=self.text[s:e], **kw))

    def month_of(self, s: str) -> int | None:
        m = self.g.month_re.search(s)
        if m:
            return self.g.months.get(re.sub(r"\s+", " ", m.group().lower()))
        iso = re.search(rf"{YEAR_CORE}{DASH}(\d\d){DASH}\d\d", s)
        if iso:
            return int(iso.group(1))
        num = re.search(r"\d{1,2}[./](\d{1,2})[./]\d{4}", s)
        return int(num.group(1)) if num else None

    def bad_single(self, s: int, e: int, ys: int, ye: int) -> bool:
        """A bare number that is an amount, an identifier, a decimal or part of a bigger number."""
        t = self.text
        after, before = t[ye : ye + 40], t[max(0, ys - 30) : ys]
        if re.match(r"^[.,:]\d|^/\d{3,}|^\s\d{3}(?!\d)", after):
            return True
        # "1.2019", "COVID-2019"; a space before is no thousands group (those have 3 digits)
        if re.search(r"\d[.,]$|\w[-–]$|[£$€¥]\s?$", before):
            return True
        if self.g.units_after.match(after):
            return True
        return bool(self.g.name_before.search(before))


def find_time_expressions(text: str, lang: str, anchor_year: int | None = None) -> list[TimeExpr]:
    """Every time expression in ``text``, sorted by offset.

    ``lang`` picks the vocabulary ("en"/"sv"; anything else uses both).
    ``anchor_year`` is the document's own year: deictic expressions ("last year",
    "i fjol") resolve against it; anaphoric ones ("three years later") against the
    most recent explicit year before them, falling back to it.
    """
    g = _grammar(_langs(lang))
    f = _Finder(text, g)
    windows = _year_windows(text)
    whole = [(0, len(text))]
    for kind, rx in g.patterns:
        # patterns that need a year only run near one: same matches, far less work
        for ws, we in whole if kind in ("vague", "ongoing") else windows:
            for m in rx.finditer(text, ws, we):
                s, e = m.start(), m.end()
                if s == e or not f._free(s, e):
                    continue
                _build(f, kind, m)
    for m in g.relative_any.finditer(text):
        if not f._free(m.start(), m.end()):
            continue
        for rx, rkind, spec, _ in g.relative:
            m2 = rx.match(text, m.start())
            if m2 is None or not f._free(m2.start(), m2.end()):
                continue
            m = m2
            n = 1
            if "n" in rx.groupindex and m.group("n"):
                raw = re.sub(r"\s+", " ", m.group("n").lower())
                n = int(raw) if raw.isdigit() else g.numbers.get(raw, 1)
            offset = (
                int(spec) if spec.lstrip("-").isdigit() else (-n if spec.startswith("-") else n)
            )
            f.add(
                m.start(),
                m.end(),
                kind="relative",
                first=None,
                last=None,
                relative=True,
                confidence=0.7 if rkind == "relative_anaphoric" else 0.8,
            )
            f.rel[(m.start(), m.end())] = (offset, rkind == "relative_deictic")
            break
    return _resolve(sorted(f.out, key=lambda x: (x.start, x.end)), f.rel, anchor_year)


def _resolve(
    exprs: list[TimeExpr], rel: dict[tuple[int, int], tuple[int, bool]], anchor_year: int | None
) -> list[TimeExpr]:
    out: list[TimeExpr] = []
    last_year: int | None = None
    for x in exprs:
        if x.kind == "relative":
            offset, deictic = rel[(x.start, x.end)]
            base = (anchor_year or last_year) if deictic else (last_year or anchor_year)
            y = base + offset if base is not None else None
            ok = y is not None and YEAR_MIN <= y <= YEAR_MAX
            x = TimeExpr(
                x.start,
                x.end,
                "relative",
                y if ok else None,
                y if ok else None,
                years=(y,) if ok and y is not None else (),
                confidence=x.confidence if ok else 0.0,
                text=x.text,
                relative=True,
            )
            if not deictic and ok:
                last_year = y
        elif x.years and not x.vague:
            last_year = x.years[-1] if x.kind != "range" else (x.last or x.first)
        out.append(x)
    return out


def _build(f: _Finder, kind: str, m: re.Match[str]) -> None:
    g, s, e, raw = f.g, m.start(), m.end(), m.group()
    ys = _years_in(raw)
    if kind == "vague":
        f.add(s, e, kind="vague", first=None, last=None, vague=True, confidence=0.9)
        return
    if kind == "ongoing":
        f.add(s, e, kind="ongoing", first=None, last=None, ongoing=True, confidence=0.6)
        return
    if not ys:
        return
    if kind == "fiscal":
        first = ys[0]
        tail = re.search(r"(?:/|" + DASH + r")\s*(\d{2,4})\s*$", raw)
        last = first
        if tail:
            t = tail.group(1)
            last = int(t) if len(t) == 4 else (_expand_short(first, t) or 0)
            if not (first <= last <= first + 1):
                return
        if last == first and not re.match(r"^[A-Za-z]", raw):
            return
        f.add(s, e, kind="fiscal", first=first, last=last, years=tuple(range(first, last + 1)))
        return
    if kind in ("between", "range"):
        first = ys[0]
        if len(ys) >= 2:
            last = ys[1]
        else:
            tail = re.search(r"(\d{2})\s*$", raw)
            if kind != "range" or not tail:
                return
            last = _expand_short(first, tail.group(1))
            if last is None:
                return
            # "in 2019-20": a bare year and the next one, written short, names one
            # financial year (a point in time), not a two-year span
            before = f.text[max(0, s - 12) : s]
            if last == first + 1 and raw[:1].isdigit() and g.in_period_re.search(before):
                f.add(s, e, kind="fiscal", first=first, last=last, years=(first, last))
                return
        if not first <= last <= first + 60:
            return
        f.add(
            s,
            e,
            kind="range",
            first=first,
            last=last,
            years=tuple(range(first, last + 1)),
            month=f.month_of(raw),
        )
        return
    first = ys[0]
    if kind == "open_range":
        f.add(s, e, kind="since", first=first, last=None, ongoing=True, years=(first,))
        return
    if kind in ("since", "from", "onwards"):
        onwards = bool(g.onwards_re.search(raw))
        if kind == "since" or onwards:
            k, ongoing, conf = "since", True, 0.95
        else:
            strict = bool(g.from_strict_re.match(raw))
            k, ongoing, conf = "from", False, 0.9 if strict else 0.7
        f.add(
            s,
            e,
            kind=k,
            first=first,
            last=None,
            ongoing=ongoing,
            years=(first,),
            confidence=conf,
            month=f.month_of(raw),
        )
        return
    if kind == "until":
        f.add(
            s,
            e,
            kind="until",
            first=None,
            last=first,
            open_start=True,
            years=(first,),
            month=f.month_of(raw),
        )
        return
    if kind == "rounds":
        has_and = bool(re.search(_w(g.lex["rounds_and"]), raw, re.IGNORECASE))
        if ys != sorted(set(ys)) or len(ys) < (2 if has_and else 3):
            return  # left unclaimed: the single-year pass reads the years one by one
        f.add(s, e, kind="rounds", first=ys[0], last=ys[-1], years=tuple(ys), confidence=0.85)
        return
    if kind == "genitive":
        f.add(s, e, kind="year", first=first, last=first, years=(first,), confidence=0.9)
        return
    # single: a year, a month, a season or a date
    ym = _YEAR_RE.search(raw)
    assert ym is not None
    ys_abs, ye_abs = s + ym.start(), s + ym.end()
    prefixed = ym.start() > 0 or bool(f.g.year_prefix_before.search(f.text[max(0, s - 25) : s]))
    month = f.month_of(raw)
    has_season = bool(re.search(_w(g.lex["seasons"]), raw, re.IGNORECASE))
    if month is None and not has_season and f.bad_single(s, e, ys_abs, ye_abs):
        return
    if re.search(r"\d[./]\d|\d\s+\w+\.?,?\s+\d{4}|\d{4}" + DASH + r"\d\d" + DASH, raw) or (
        month and re.search(r"\d{1,2}\D+" + YEAR_CORE + "|" + YEAR_CORE + r"\D+\d{1,2}", raw)
    ):
        k = "date"
    elif month:
        k = "month"
    elif has_season:
        k = "season"
    else:
        k = "year"
    conf = 0.95 if (prefixed or k != "year") else 0.75
    if f.g.approx_before.search(f.text[max(0, s - 20) : ys_abs]):
        conf = min(conf, 0.6)
    f.add(s, e, kind=k, first=first, last=first, years=(first,), confidence=conf, month=month)


def latest_year(texts: list[tuple[str, str]]) -> int | None:
    """The latest year that ``(text, lang)`` pairs name in a time expression (None: none).

    Figure 1's "now": an ongoing initiative runs on to the latest year the documents
    speak of, not just to the latest start or end year found. Vague ("the 2010s") and
    relative ("last year") expressions do not count; a plan's target year does (pass
    ``--today`` where that is not "now").
    """
    found = [latest_of(find_time_expressions(text, lang)) for text, lang in texts]
    return max((y for y in found if y is not None), default=None)


def latest_of(exprs: list[TimeExpr]) -> int | None:
    """``latest_year`` of expressions already found: an anchor year changes only the
    relative ones, which do not count, so a parse made for the timeline serves."""
    best: int | None = None
    for expr in exprs:
        if expr.vague or expr.relative:
            continue
        for y in (*expr.years, expr.first, expr.last):
            if y is not None and (best is None or y > best):
                best = y
    return best
