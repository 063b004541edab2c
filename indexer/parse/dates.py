"""Dates as releases print them: 'Nov. 7, 2011', '3 August 2026', 'Tuesday Sep 16, 2025 @ 4:00 AM Pacific', '26 mai 2020'."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as dateparser

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan janvier janv enero ene januar jänner gennaio janeiro",
        "february feb février fevrier févr fevr febrero febr februar febbraio fevereiro",
        "march mar mars marzo märz maerz março marco",
        "april apr avril avr abril abr aprile",
        "may mai mayo maggio maio",
        "june jun juin junio juni giugno junho",
        "july jul juillet juil julio juli luglio julho",
        "august aug août aout agosto",
        "september sep sept septembre septiembre setiembre settembre setembro",
        "october oct octobre octubre oktober ottobre outubro okt",
        "november nov novembre noviembre novembro",
        "december dec décembre decembre déc diciembre dic dezember dicembre dezembro dez",
    ),
    start=1,
):
    for _name in _names.split():
        MONTHS[_name] = _number


def _longest_first(words) -> str:
    """A regex matching any of words, the longest that fits first, written as a prefix tree ('ma(?:r(?:ch|s)?|y)').

    It matches exactly what 'word1|word2|...' sorted longest first matches (two words that fit at one place are
    prefixes of one another, and the tree tries the longer first), but the regex engine tests a position against
    a dozen first letters instead of a hundred month names: dates are looked for around every year in every
    release, and this alternation was most of that cost.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def emit(node: dict) -> str:
        branches = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not branches:
            return ""
        if "" in node:  # the longer words first, then this one
            return "(?:" + "|".join(branches) + ")?"
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(tree)


_MONTH_ALT = _longest_first(MONTHS)
_MONTH = rf"(?:{_MONTH_ALT})\.?"
_DAY = r"[0-3]?\d(?:st|nd|rd|th|er|º)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = (
    r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?|lundi|mardi|mercredi|jeudi|vendredi"
    r"|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo)"
)
_TZ_NAME = (
    r"(?P<tz>[A-Z][a-z]+/[A-Za-z_]+(?:/[A-Za-z_]+)?|US/[A-Z][a-z]+|(?:Eastern|Pacific|Central|Mountain)(?:\s+(?:Standard|Daylight))?"
    r"(?:\s+Time)?|[ECMP][SD]?T|GMT(?:[+-]\d{1,2}(?::?\d\d)?)?|UTC(?:[+-]\d{1,2}(?::?\d\d)?)?|BST|CES?T|HA[EN]|JST|SGT|HKT|AEST|AEDT|IST)"
)
_TIME = (
    rf"(?:\s*,?\s*(?:at|@|à|a las)?\s*(?P<hour>[0-2]?\d)(?=[:.h][0-5]\d|\s?[ap]\.?\s?m\b)(?:[:.h](?P<minute>[0-5]\d))?\s*"
    rf"(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*\(?{_TZ_NAME}\)?)?(?![\w:]))?"
)
# The letters a date can start with: a month's first letter, or a weekday's in English (mtwfs) and in French or
# Spanish (lmjvsd); re.I adds the capitals. Checked first, with the digits, so that the regex engine gives up at
# once at most positions instead of trying every weekday and month name there.
_DATE_FIRST_LETTERS = "".join(sorted({name[0] for name in MONTHS} | set("mtwfs" + "lmjvsd")))
# One printed date, with an optional weekday before it and an optional time and zone after it.
DATE_RE = re.compile(
    rf"(?=[\d{_DATE_FIRST_LETTERS}])(?:{_WEEKDAY},?\s+(?:the\s+)?)?(?:"
    rf"(?P<m1>{_MONTH})\s*,?\s*(?P<d1>{_DAY})(?:,|\s)\s*,?\s*(?P<y1>{_YEAR})"  # Nov. 7, 2011 / May, 7 2025 / Nov.  06, 2019
    rf"|(?P<d2>{_DAY})\s+(?:de\s+)?(?P<m2>{_MONTH})\s*(?:de\s+|,\s*)?(?P<y2>{_YEAR})"  # 3 August 2026 / 18 de julio de 2024
    rf"|(?P<y3>{_YEAR})-(?P<m3>[01]\d)-(?P<d3>[0-3]\d)"  # 2024-03-08
    rf"){_TIME}",
    re.I,
)
_TZ_ALIASES = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "EASTERN": "America/New_York",
    "CT": "America/Chicago",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "CENTRAL": "America/Chicago",
    "MT": "America/Denver",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "MOUNTAIN": "America/Denver",
    "PT": "America/Los_Angeles",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "PACIFIC": "America/Los_Angeles",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "HAE": "America/Toronto",  # heure avancée de l'Est
    "HAN": "America/Toronto",
    "JST": "Asia/Tokyo",
    "SGT": "Asia/Singapore",
    "HKT": "Asia/Hong_Kong",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
    "IST": "Asia/Kolkata",
    "GMT": "UTC",
    "UTC": "UTC",
}
TZINFOS = {name: ZoneInfo(zone) for name, zone in _TZ_ALIASES.items()}


def zone(name: str | None):
    """A tzinfo for a printed zone name ('EST', 'Pacific', 'Asia/Manila', 'GMT+8'); None when unknown."""
    if not name:
        return None
    key = re.sub(r"\s+(?:Standard|Daylight|Time)\b", "", name.strip(), flags=re.I).upper()
    if key in _TZ_ALIASES:
        return ZoneInfo(_TZ_ALIASES[key])
    offset = re.fullmatch(r"(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d\d))?", key)
    if offset:
        sign = 1 if offset.group(1) == "+" else -1
        return timezone(sign * timedelta(hours=int(offset.group(2)), minutes=int(offset.group(3) or 0)))
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return None


def date_from_match(match: re.Match) -> datetime | None:
    """The datetime a DATE_RE match stands for: naive, or aware when a zone is printed; None when impossible."""
    if match.group("y3"):
        year, month, day = int(match.group("y3")), int(match.group("m3")), int(match.group("d3"))
    else:
        n = "1" if match.group("y1") else "2"
        year = int(match.group("y" + n))
        month = MONTHS.get(match.group("m" + n).lower().rstrip("."))
        day = int(_DIGITS_RE.match(match.group("d" + n)).group(0))
    if not month:
        return None
    hour = minute = 0
    if match.group("hour") is not None and (match.group("minute") or match.group("ampm")):
        hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
        ampm = (match.group("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    try:
        value = datetime(year, month, day, hour if hour < 24 else 0, minute)
    except ValueError:
        return None
    tzinfo = zone(match.group("tz")) if match.group("hour") is not None else None
    return value.replace(tzinfo=tzinfo) if tzinfo else value


# (?<!\d..) after the first two digits is the former leading (?<!\d): starting with the literal digits lets the regex
# engine skip straight to a '1' or '2' instead of trying the look-behind at every position.
_YEAR_RE = re.compile(r"(?:19|20)(?<!\d..)\d\d(?!\d)")
_DIGITS_RE = re.compile(r"\d+")
# What may stand between a day or month and the year of a date: \s (ASCII) and commas.
_DATE_GAP = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f,"
_ASCII_MONTHS = tuple(name for name in MONTHS if name.isascii())
_DAY_SUFFIXES = ("st", "nd", "rd", "th", "er")


def _may_be_date_year(text: str, start: int, end: int) -> bool:
    """False only when no DATE_RE match can contain the four digits text[start:end], which saves trying DATE_RE.

    In a match those digits are its year (after a day and commas or spaces: 'Nov. 7, 2011'; after a month: '3 August
    2026', '18 de julio de 2024'; before a hyphen: '2024-03-08'), or a zone offset after '+' or '-' ('GMT+1930'), or
    an ISO date's day and hour run together ('2024-03-1920:00'). A match starts at most 48 characters before them.
    Text that is not ASCII is always tried: re.I matches some other letters to ASCII ones.
    """
    if text[end : end + 1] == "-":
        return True
    before = text[max(0, start - 48) : start]
    if not before.isascii() or before.endswith(("+", "-")):
        return True
    core = before.rstrip(_DATE_GAP).lower()
    if core[-1:].isdigit() or core.endswith(_DAY_SUFFIXES):
        return True
    if core.endswith("de"):  # "julio de 2024"
        core_without_de = core[:-2].rstrip(_DATE_GAP)
        if core_without_de.removesuffix(".").endswith(_ASCII_MONTHS):
            return True
    return core.removesuffix(".").endswith(_ASCII_MONTHS)


def iter_dates(text: str) -> list[re.Match]:
    """Every DATE_RE match in text, found by looking only around four-digit years (a date always has one)."""
    found: list[re.Match] = []
    end = 0
    for year in _YEAR_RE.finditer(text):
        if year.start() < end or not _may_be_date_year(text, year.start(), year.end()):
            continue
        match = _date_with_year(text, max(end, year.start() - 48), year, min(len(text), year.end() + 60))
        if match is not None:
            found.append(match)
            end = match.end()
    return found


# The first three letters of every weekday name _WEEKDAY matches (all its alternatives are longer).
_WEEKDAY_STARTS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun", "lun", "mar", "mer", "jeu", "ven", "sam", "dim",
                   "mié", "jue", "vie", "sáb", "dom")  # fmt: skip
# Where a date can start in ASCII text in lower case: at a digit (a day or a year), or at the first three letters of
# a weekday or month name (no name is shorter). A look-ahead, so that finditer gives every such position.
_DATE_START_RE = re.compile(
    rf"(?=\d|{_longest_first(sorted({name[:3] for name in (*MONTHS, *_WEEKDAY_STARTS) if name[:3].isascii()}))})"
)


def _date_with_year(text: str, window_start: int, year: re.Match, endpos: int) -> re.Match | None:
    """The first match of DATE_RE.finditer(text, window_start, endpos) that holds the year, if one starts by it.

    DATE_RE (under re.I, a long alternation at every letter) is slow to try at each position of the window. In ASCII
    text re.I matches only ASCII letters to one another, so a match starts only where _DATE_START_RE finds one
    possible: DATE_RE is tried there alone, in order, and after a match not holding the year only from its end on,
    as finditer does. Positions after the year's start are not tried: a match starting there cannot hold it.
    """
    head = text[window_start : year.start() + 3]
    if head.isascii():
        resume = window_start
        for possible in _DATE_START_RE.finditer(head.lower(), 0, year.start() + 1 - window_start):
            start = window_start + possible.start()
            if start < resume:
                continue
            match = DATE_RE.match(text, start, endpos)
            if match:
                if match.end() >= year.end():
                    return match
                resume = match.end()
        return None
    for match in DATE_RE.finditer(text, window_start, endpos):
        if match.start() <= year.start() and match.end() >= year.end():
            return match
    return None


def find_dates(text: str) -> list[tuple[re.Match, datetime]]:
    """Every readable date in text, with its match."""
    found = []
    for match in iter_dates(text):
        value = date_from_match(match)
        if value is not None:
            found.append((match, value))
    return found


def parse_when(text: object) -> datetime | None:
    """Read a metadata timestamp ('Mar 4, 2020 4:00PM EST', '2011-11-07T09:00:00Z', 1583355600); None if unreadable."""
    if text is None or isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        seconds = text / 1000 if text > 1e11 else text  # milliseconds since the epoch
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    cleaned = re.sub(r"\s+", " ", str(text)).strip()
    if not cleaned:
        return None
    compact = re.fullmatch(r"(\d{8})T(\d{6})([+-]\d{4}|Z)?", cleaned)  # NewsML 1.2: 20210131T024100+0000
    if compact:
        cleaned = f"{compact.group(1)}T{compact.group(2)}{compact.group(3) or ''}"
    try:
        value = dateparser.parse(cleaned, tzinfos=TZINFOS)
    except (ValueError, OverflowError, TypeError):
        value = None
    if value is None:
        match = DATE_RE.search(cleaned)
        value = date_from_match(match) if match else None
    if value is None or not (1900 <= value.year <= 2100):
        return None
    return value


_PATH_DATE_RES = (
    re.compile(r"(?:^|[\\/])((?:19|20)\d\d)[\\/]([01]\d)([0-3]\d)(?=[\\/])"),  # .../2024/0412/...
    re.compile(r"(?:^|[\\/])((?:19|20)\d\d)[\\/]([01]\d)[\\/]([0-3]\d)(?=[\\/])"),  # .../2024/04/12/...
    re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)"),  # 2024-04-12 in a file or folder name
)


def date_from_path(path: str) -> datetime | None:
    """A date spelled by the folders or the file name ('feed/2024/0412/x.md'); None when there is none."""
    for pattern in _PATH_DATE_RES:
        for match in pattern.finditer(path):
            try:
                return datetime(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            except ValueError:
                continue
    return None


# Business Wire's multimedia note and its closing line give the release's own address on the wire, whose number
# begins with the day the wire published it: "View the full release here: https://www.businesswire.com/news/home/
# 20200131005625/en/", "View source version on businesswire.com: https://...". Only those lines count, not any address
# of the wire: a release may cite an older one. (On the NASDAQ-100 archive's 569 such releases the day is the
# metadata's day for 560; the rest were sent the evening before a release at 1-2 a.m. Eastern.)
_PERMALINK_LABEL_RE = re.compile(r"(?:full\s+release\s+here|source\s+version\s+on\s+businesswire\.com)\s*:?", re.I)
_PERMALINK_RE = re.compile(
    r"(?:https?://)?(?:www\.)?businesswire\.com/news/home/((?:19|20)\d\d)(\d\d)(\d\d)\d{4,}", re.I
)
_SPACE_RE = re.compile(r"\s+")


def date_from_permalink(text: str) -> datetime | None:
    """The day a wire published a release, read from its own address the release prints; None when it prints none."""
    label = _PERMALINK_LABEL_RE.search(text) if "businesswire" in text else None
    if label is None:
        return None
    # The address as printed, though a narrow column broke it over lines ("https://www." | "businesswire.com/...").
    match = _PERMALINK_RE.match(_SPACE_RE.sub("", text[label.end() : label.end() + 120]))
    if match is None:
        return None
    try:
        return datetime(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


# Dateline places -> the time zone their local date is printed in (US states in AP and postal style, provinces).
_PLACE_ZONES: dict[str, str] = {}
for _zone_name, _names in {
    "America/New_York": "Conn. CT Connecticut Del. DE Delaware D.C. DC Fla. FL Florida Ga. GA Georgia Ind. IN Indiana "
    "Ky. KY Kentucky Maine ME Md. MD Maryland Mass. MA Massachusetts Mich. MI Michigan N.H. NH New_Hampshire N.J. NJ "
    "New_Jersey N.Y. NY N.C. NC North_Carolina South_Carolina Rhode_Island West_Virginia "
    "Ohio OH Pa. PA Penn. Pennsylvania R.I. RI S.C. SC Vt. VT Vermont Va. VA Virginia W.Va. WV Ontario ON Quebec QC "
    "Québec Toronto Montreal Ottawa New_York Boston Atlanta Miami",
    "America/Chicago": "Ala. AL Alabama Ark. AR Arkansas Ill. IL Illinois Iowa IA Kan. KS Kansas La. LA Louisiana "
    "Minn. MN Minnesota Miss. MS Mississippi Mo. MO Missouri Neb. NE Nebraska N.D. ND North_Dakota Okla. OK Oklahoma "
    "S.D. SD South_Dakota "
    "Tenn. TN Tennessee Texas TX Wis. WI Wisconsin Manitoba MB Winnipeg Chicago Dallas Houston",
    "America/Denver": "Colo. CO Colorado Idaho ID Mont. MT Montana N.M. NM New_Mexico Utah UT Wyo. WY Alberta AB Calgary "
    "Denver",
    "America/Phoenix": "Ariz. AZ Arizona Phoenix Scottsdale",
    "America/Los_Angeles": "Calif. CA California Nev. NV Nevada Ore. OR Oregon Wash. WA Washington B.C. BC "
    "British_Columbia Vancouver Seattle",
    "Europe/London": "England UK U.K. United_Kingdom London Scotland Wales Ireland Dublin",
    "Europe/Paris": "France Paris Germany Netherlands the_Netherlands Belgium Switzerland Spain Italy Sweden Denmark "
    "Norway Austria",
    "Asia/Shanghai": "China Beijing Shanghai Shenzhen Hong_Kong Taiwan Taipei Singapore",
    "Asia/Tokyo": "Japan Tokyo",
    "Australia/Sydney": "Australia Sydney Melbourne",
}.items():
    for _name in _names.split():
        _PLACE_ZONES[_name.replace("_", " ").lower()] = _zone_name


# The cities of the table above: a place that ends with one of them names no state, province or country.
_CITIES = {
    "toronto", "montreal", "ottawa", "new york", "boston", "atlanta", "miami", "winnipeg", "chicago", "dallas",
    "houston", "calgary", "denver", "phoenix", "scottsdale", "vancouver", "seattle", "london", "dublin", "paris",
    "beijing", "shanghai", "shenzhen", "hong kong", "taipei", "singapore", "tokyo", "sydney", "melbourne",
}  # fmt: skip


# Countries that span several time zones: a region of a dateline, though they give no one zone.
_WIDE_COUNTRIES = {
    "united states", "usa", "u.s.a.", "u.s.", "us", "united states of america", "canada", "brazil", "mexico",
    "russia", "india", "indonesia",
}  # fmt: skip


def ends_with_region(place: str) -> bool:
    """Whether a place's last part is a US state, a province or a country we know ('Jersey City, New Jersey')."""
    last = place.rsplit(",", 1)[-1].strip().lower()
    return (last in _PLACE_ZONES and last not in _CITIES) or last in _WIDE_COUNTRIES


def zone_for_place(place: str | None):
    """The time zone of a dateline place ('Greenwich, Conn.' -> America/New_York); None when unknown."""
    if not place:
        return None
    parts = [p.strip().lower() for p in place.split(",") if p.strip()]
    for part in reversed(parts):
        if part in _PLACE_ZONES:
            return ZoneInfo(_PLACE_ZONES[part])
    return None
