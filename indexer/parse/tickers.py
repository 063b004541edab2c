"""Stock listings as releases print them ('(Nasdaq: IMGN)', '(TSX: T, NYSE: TU)', '(TSXV-CGP) (F-GWN)'), normalised."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Printed exchange names, upper-cased with everything but letters and digits removed -> canonical exchange.
_EXCHANGE_NAMES: dict[str, tuple[str, ...]] = {
    "NASDAQ": (
        "NASDAQ", "NASDAQGS", "NASDAQGM", "NASDAQCM", "NASDAQGLOBALSELECT", "NASDAQGLOBALSELECTMARKET",
        "NASDAQGLOBALMARKET", "NASDAQCAPITALMARKET", "NASDAQSTOCKMARKET", "NASDAQNMS", "NMS", "NASDAQ100",
    ),
    "NYSE": ("NYSE", "NEWYORKSTOCKEXCHANGE", "NYSEBIG"),
    "VFEX": ("VFEX", "VICTORIAFALLSSTOCKEXCHANGE"),
    "NYSEAMERICAN": ("NYSEAMERICAN", "NYSEMKT", "NYSEAMEX", "AMEX", "NYSEAMERICANLLC"),
    "NYSEARCA": ("NYSEARCA", "ARCA"),
    "TSX": ("TSX", "TORONTOSTOCKEXCHANGE", "TSE"),
    "TSXV": ("TSXV", "TSXVENTURE", "TSXVENTUREEXCHANGE", "TSXVEXCHANGE", "TSXVE", "CVE", "TSXVX"),
    "OTC": (
        "OTC", "OTCQB", "OTCQX", "OTCPINK", "OTCMKTS", "OTCMARKETS", "OTCMARKET", "OTCBB", "OTCID", "PINK",
        "PINKSHEETS", "OTCPINKSHEETS", "OTCEXPERTMARKET", "OTCQXBEST", "OTCQXUS",
    ),
    "CSE": ("CSE", "CNSX", "CANADIANSECURITIESEXCHANGE", "CNQ"),
    "NEO": ("NEO", "NEOEXCHANGE", "AEQUITASNEO"),
    "CBOECA": ("CBOECA", "CBOECANADA"),
    "CBOE": ("CBOE", "CBOEBZX", "BATS"),
    "ASX": ("ASX", "AUSTRALIANSECURITIESEXCHANGE"),
    "LSE": ("LSE", "LON", "LONDONSTOCKEXCHANGE"),
    "AIM": ("AIM", "LSEAIM"),
    "FSE": ("FSE", "FRA", "FWB", "FRANKFURT", "FRANKFURTSTOCKEXCHANGE", "XETRA", "F", "FF", "DE", "FRANKFURTEXCHANGE"),
    "BERLIN": ("BERLIN", "BER", "B"),
    "MUNICH": ("MUNICH", "MUN"),
    "STUTTGART": ("STUTTGART", "STU"),
    "EURONEXT": (
        "EURONEXT", "EURONEXTPARIS", "EURONEXTBRUSSELS", "EURONEXTAMSTERDAM", "EURONEXTLISBON", "EURONEXTDUBLIN",
        "EURONEXTGROWTH", "EURONEXTOSLO", "EPA", "AMS", "EBR",
    ),
    "HKEX": ("HKEX", "SEHK", "HKSE", "HK", "HKG"),
    "SGX": ("SGX",),
    "TASE": ("TASE", "TLV"),
    "NZX": ("NZX",),
    "JSE": ("JSE",),
    "SIX": ("SIX", "SWX"),
    "TYO": ("TYO", "TOKYO", "TOKYOSTOCKEXCHANGE"),
    "KRX": ("KRX", "KOSDAQ", "KOSPI"),
    "NSE": ("NSE",),
    "BSE": ("BSE",),
    "HOSE": ("HOSE", "HSX"),
    "HNX": ("HNX",),
    "IDX": ("IDX",),
    "BURSA": ("BURSA", "BURSAMALAYSIA", "KLSE"),
    "B3": ("B3", "BOVESPA"),
    "BMV": ("BMV",),
    "OMX": ("OMX", "NASDAQSTOCKHOLM", "NASDAQHELSINKI", "NASDAQCOPENHAGEN", "NASDAQFIRSTNORTH", "STO"),
    "OSE": ("OSE", "OSLOBORS", "OSLO"),
    "WSE": ("WSE", "GPW"),
    "BME": ("BME",),
    "BIT": ("BIT", "BORSAITALIANA", "MIL"),
}  # fmt: skip
EXCHANGES: dict[str, str] = {alias: name for name, aliases in _EXCHANGE_NAMES.items() for alias in aliases}
# One-letter codes ("F-GWN", "B-GWN") are exchanges only in the hyphenated form.
_ONE_LETTER = {alias for alias in EXCHANGES if len(alias) == 1}

# The printed forms, loosely spelled: "Nasdaq Global Select Market", "TSX-V", "TSX.V", "OTC Pink", "Cboe CA".
_PRINTED = (
    r"nasdaq(?:[\s-]*(?:gs|gm|cm|global\s+select(?:\s+market)?|global\s+market|capital\s+market|stock\s+market"
    r"|stockholm|helsinki|copenhagen|first\s+north)|[\s-]*100)?|nyse(?:[\s-]*(?:american(?:\s+llc)?|mkt|amex|arca))?"
    r"|new\s+york\s+stock\s+exchange|amex|tsx(?:[\s.\-]*v(?:enture)?(?:\s+exchange)?)?|toronto\s+stock\s+exchange"
    r"|otc(?:[\s-]*(?:qb|qx|pink(?:\s+sheets)?|id|mkts|markets?|bb|expert\s+market))?|pink\s*sheets"
    r"|cse|cnsx|canadian\s+securities\s+exchange|neo(?:\s+exchange)?|cboe(?:\s*(?:ca|canada|bzx))?|bats(?:\s*bzx)?"
    r"|asx|lse|lon|aim|london\s+stock\s+exchange|fse|fra|fwb|frankfurt(?:\s+stock\s+exchange)?|xetra|berlin|ber"
    r"|munich|stuttgart|euronext(?:\s+(?:paris|brussels|amsterdam|lisbon|dublin|growth|oslo))?|epa"
    r"|hkex|sehk|hkse|hkg|tase|tlv|nzx|jse|six|swx|sgx|tyo|tokyo\s+stock\s+exchange|krx|kosdaq|nse|bse|hose|hnx"
    r"|idx|bursa(?:\s+malaysia)?|klse|b3|bovespa|bmv|omx|oslo\s+b[øo]rs|wse|gpw|bme|borsa\s+italiana|tse|cve"
    r"|nms|vfex"
)
_EXCHANGE_RE = rf"(?i:(?<![\w.])(?:{_PRINTED})(?![\w]))"
_SYMBOL_RE = r"[A-Z0-9]{1,7}(?:[.\-][A-Z0-9]{1,4}){0,2}"
# "NYSE: TU", "Euronext & NASDAQ: GLPG", "NYSE, Nasdaq: VZ", "TSX : T", "Nasdaq \"MSFT\"", "NYSE: \"KDP\"".
LISTING_RE = re.compile(
    rf"(?P<exchanges>{_EXCHANGE_RE}(?:\s*(?:&|,|and|/)\s*{_EXCHANGE_RE})*)"
    rf"(?:\s*[:\uff1a]\s*[\"\u201c]?(?P<symbol>{_SYMBOL_RE})[\"\u201d]?|\s+[\"\u201c](?P<quoted>{_SYMBOL_RE})[\"\u201d])"
    rf"(?![a-z\w])"
)
# "(NASDAQ: LBTYA, LBTYB and LBTYK)": more symbols of the same exchange after the first, each ended by a separator or
# the bracket's end, never by a colon (that is the next exchange's listing: "(NYSE: TU, TSX: T)").
_MORE_SYMBOLS_RE = re.compile(
    r"\s*(?:,|&|\band\b)\s*(?:and\s+)?(?P<symbol>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?=\s*(?:,|&|\band\b|$))"
)
# "Nasdaq 100 (ROST)", "traded on the NYSE (ACME)": a bracket holding a bare symbol right after an exchange's name.
_EXCHANGE_BEFORE_RE = re.compile(rf"(?P<exchange>{_EXCHANGE_RE})\s*$")
_BARE_SYMBOL_RE = re.compile(r"\s*(?P<symbol>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)\s*")
# "(TSXV-CGP)", "(F-GWN)": an exchange code and a symbol joined by a hyphen, alone in a bracket.
_HYPHENATED_RE = re.compile(rf"^\s*(?P<exchange>[A-Za-z.]{{1,10}})\s*-\s*(?P<symbol>{_SYMBOL_RE})\s*$")
_GROUP_RE = re.compile(r"[(\[]([^()\[\]]{3,160})[)\]]")
# "ZAC: TSX Venture; ZCTSF: OTC Markets": the symbol first, then its exchange, each listing ended by ';', ',' or the end.
_SYMBOL_FIRST_RE = re.compile(
    rf"(?<![\w.])(?P<symbol>[A-Z]{{1,6}}(?:\.[A-Z]{{1,2}})?)\s*:\s*(?P<exchange>{_EXCHANGE_RE})\s*(?=[;,]|$)"
)
# "NYSE: AMCR; ASX: AMC" printed without brackets: two or more listings in a row.
_BARE_LISTING = (
    rf"{_EXCHANGE_RE}(?:\s*(?:&|,|and|/)\s*{_EXCHANGE_RE})*\s*[:\uff1a]\s*[\"\u201c]?{_SYMBOL_RE}[\"\u201d]?(?![a-z\w])"
)
_BARE_RUN_RE = re.compile(rf"{_BARE_LISTING}(?:\s*[;,]\s*(?:and\s+)?{_BARE_LISTING})+")
# "listed on the New York Stock Exchange under the symbol 'COF'", "traded in the United States on NASDAQ under the symbol
# CSCO": a listing told in prose.
_PROSE_TAIL = (
    rf"on\s+(?:the\s+)?(?P<exchange>{_EXCHANGE_RE})(?:\s+stock\s+market)?"
    rf"\s+under\s+the\s+(?:(?:ticker\s+|trading\s+|stock\s+)?symbols?|ticker)"
    rf"\s+[\"'\u201c\u2018]?(?P<symbol>[A-Z]{{1,6}}(?:\.[A-Z]{{1,2}})?)(?![\w])[\"'\u201d\u2019]?"
)
_PROSE_RE = re.compile(
    r"\b(?:listed|traded|trades?|quoted|trading)\s+(?:in\s+(?:the\s+)?(?:United\s+States|U\.S\.|US|Canada)\s+)?"
    + _PROSE_TAIL
)
# "... under the symbol "ABC" and on the OTCQX under the symbol "ABCDF"": the same shares' second listing.
_PROSE_MORE_RE = re.compile(r",?\s+and\s+(?:also\s+)?" + _PROSE_TAIL)
_PROSE_ANCHOR_RE = re.compile(r"symbol|ticker")
# "Blue Cap AG is listed on the Open Market (Scale segment) of the Frankfurt Stock Exchange and m:access of the Munich
# Stock Exchange; ISIN: DE000A0JM2M1; Stock ticker: B7E": the exchanges named between the verb and a labelled symbol,
# each listing that symbol.
_LABELLED_SYMBOL_RE = re.compile(
    r"\b(?:stock\s+|trading\s+|ticker\s+)?(?:ticker|symbol)(?:\s+symbol)?\s*:\s*"
    r"(?P<symbol>(?=[A-Z0-9]*[A-Z])[A-Z0-9]{1,6}(?:\.[A-Z]{1,2})?)(?![\w])"
)
_LISTED_ON_RE = re.compile(r"\b(?:listed|traded|quoted)\s+(?:on|in)\b")
_LISTED_REACH = 240  # how far before the labelled symbol the verb may stand
_SENTENCE_BREAK_RE = re.compile(r"[.!?]\s+[A-Z]")


@dataclass
class ListingGroup:
    """A bracket that holds one or more listings: where it is and what it lists."""

    start: int
    end: int
    tickers: list[str]


_NOT_KEY_RE = re.compile(r"[^A-Z0-9]")
_EXCHANGE_SEPARATOR_RE = re.compile(r"\s*(?:&|,|\band\b|/)\s*")
_BETWEEN_BRACKETS_RE = re.compile(r"[\s,;/&]*(?:and\s*)?")


def normalise_exchange(printed: str) -> str:
    """Canonical exchange name for a printed one ('Nasdaq Global Select' -> 'NASDAQ', 'TSX-V' -> 'TSXV')."""
    key = _NOT_KEY_RE.sub("", printed.upper())
    return EXCHANGES.get(key, key)


def _exchange_key(printed: str) -> str | None:
    key = _NOT_KEY_RE.sub("", printed.upper())
    return EXCHANGES.get(key)


def listings_in_bracket(inner: str) -> list[str]:
    """The listings inside one bracket's text, as 'EXCHANGE:SYMBOL'."""
    return list(_listings_in_bracket(inner))


# The same bracket ("(NYSE: PEE)") is read in the lede, the headline and the whole text of a release.
@lru_cache(maxsize=1024)
def _listings_in_bracket(inner: str) -> tuple[str, ...]:
    found: list[str] = []
    for match in LISTING_RE.finditer(inner):
        symbol = match.group("symbol") or match.group("quoted")
        for printed in _EXCHANGE_SEPARATOR_RE.split(match.group("exchanges")):
            if printed.strip():
                exchange = normalise_exchange(printed)
                if printed.strip().upper() == "TSE" and symbol.isdigit():
                    exchange = "TYO"  # "TSE:4502" is Tokyo; Toronto's symbols are letters
                found.append(f"{exchange}:{symbol}")
                found += [f"{exchange}:{more}" for more in _more_symbols(inner, match.end())]
    if not found:
        for match in _SYMBOL_FIRST_RE.finditer(inner):
            found.append(f"{normalise_exchange(match.group('exchange'))}:{match.group('symbol')}")
    if not found:
        hyphen = _HYPHENATED_RE.match(inner)
        if hyphen and _exchange_key(hyphen.group("exchange")) and hyphen.group("exchange").isupper():
            found.append(f"{_exchange_key(hyphen.group('exchange'))}:{hyphen.group('symbol')}")
    return tuple(dict.fromkeys(found))


def _more_symbols(inner: str, at: int) -> list[str]:
    """Symbols listed after a listing's first one on the same exchange ('LBTYB', 'LBTYK' of 'NASDAQ: LBTYA, ...')."""
    symbols: list[str] = []
    while (more := _MORE_SYMBOLS_RE.match(inner, at)) is not None and _exchange_key(more.group("symbol")) is None:
        symbols.append(more.group("symbol"))
        at = more.end()
    return symbols


def _listed_after_exchange(text: str, start: int, inner: str) -> list[str]:
    """A bare symbol in brackets right after an exchange's name ('Nasdaq 100 (ROST)'), as a listing."""
    bare = _BARE_SYMBOL_RE.fullmatch(inner)
    if not bare or _exchange_key(bare.group("symbol")) is not None:
        return []
    before = _EXCHANGE_BEFORE_RE.search(text, max(0, start - 40), start)
    return [f"{normalise_exchange(before.group('exchange'))}:{bare.group('symbol')}"] if before else []


def listing_groups(text: str) -> list[ListingGroup]:
    """Every bracket in text that lists stock symbols, in order; adjacent brackets are one group."""
    groups: list[ListingGroup] = []
    for bracket in _GROUP_RE.finditer(text):
        found = listings_in_bracket(bracket.group(1)) or _listed_after_exchange(text, bracket.start(), bracket.group(1))
        if not found:
            continue
        # "(CSE: LFLR) (OTC: LFLRF) (FSE: 3WK0)": brackets side by side list one issuer.
        if groups and _BETWEEN_BRACKETS_RE.fullmatch(text[groups[-1].end : bracket.start()]):
            groups[-1].end = bracket.end()
            groups[-1].tickers = list(dict.fromkeys(groups[-1].tickers + found))
        else:
            groups.append(ListingGroup(bracket.start(), bracket.end(), found))
    groups += _unbracketed_groups(text, groups)
    groups.sort(key=lambda g: g.start)
    # A lone one-letter hyphen code ("(F-GWN)") counts only beside another listing.
    return [
        g
        for g in groups
        if len(g.tickers) > 1 or g.tickers[0].split(":")[0] not in {"FSE", "BERLIN"} or _not_one_letter(text, g)
    ]


def _unbracketed_groups(text: str, groups: list[ListingGroup]) -> list[ListingGroup]:
    """Listings printed without brackets: a run of two or more ('NYSE: AMCR; ASX: AMC'), or told in prose."""
    inside = [(g.start, g.end) for g in groups]
    return [g for g in _unbracketed(text) if not any(start <= g.start < end for start, end in inside)]


# The big exchange alternation is tried only around what every such listing holds: a symbol after a colon and then a
# separator (a run), or the word 'symbol' (prose). Scanning whole releases with it cost more than the rest of a parse.
_RUN_HINT_RE = re.compile(rf":\s*[\"\u201c]?{_SYMBOL_RE}[\"\u201d]?\s*[;,]")
_RUN_REACH = 80  # how far before the first colon a run's exchange names may start


@lru_cache(maxsize=256)
def _unbracketed(text: str) -> tuple[ListingGroup, ...]:
    found: list[ListingGroup] = []
    seen_end = -1
    for hint in _RUN_HINT_RE.finditer(text) if ":" in text else ():
        if hint.start() < seen_end:
            continue
        start = max(0, hint.start() - _RUN_REACH)
        for match in _BARE_RUN_RE.finditer(text, start, min(len(text), hint.end() + 200)):
            if match.start() <= hint.start() < match.end() and match.start() >= seen_end:
                tickers = list(_listings_in_bracket(match.group(0)))
                if len(tickers) > 1:
                    found.append(ListingGroup(match.start(), match.end(), tickers))
                    seen_end = match.end()
                break
    prose_end = -1
    for anchor in _PROSE_ANCHOR_RE.finditer(text) if "symbol" in text or "ticker" in text else ():
        at = anchor.start()
        if at < prose_end:
            continue  # inside a listing already read ("under the ticker symbol ...")
        match = _PROSE_RE.search(text, max(0, at - 160), min(len(text), at + 40))
        if not match or match.end() <= at:
            continue
        tickers = [f"{normalise_exchange(match.group('exchange'))}:{match.group('symbol')}"]
        end = match.end()
        while (more := _PROSE_MORE_RE.match(text, end)) is not None:
            tickers.append(f"{normalise_exchange(more.group('exchange'))}:{more.group('symbol')}")
            end = more.end()
        found.append(ListingGroup(match.start(), end, tickers))
        prose_end = end
    found += _labelled_listings(text, prose_end)
    return tuple(sorted(found, key=lambda g: g.start))


def _labelled_listings(text: str, read_until: int) -> list[ListingGroup]:
    """Listings told as 'listed on <exchanges> ...; ticker: SYMBOL' in one sentence (past what prose rules read)."""
    found: list[ListingGroup] = []
    for label in _LABELLED_SYMBOL_RE.finditer(text) if ":" in text else ():
        if label.start() < read_until:
            continue
        window = text[max(0, label.start() - _LISTED_REACH) : label.start()]
        verbs = list(_LISTED_ON_RE.finditer(window))
        if not verbs:
            continue
        span = window[verbs[-1].end() :]
        if _SENTENCE_BREAK_RE.search(span):
            continue  # the symbol belongs to another sentence than the listing
        exchanges = [normalise_exchange(m.group(0)) for m in re.finditer(_EXCHANGE_RE, span)]
        if exchanges:
            symbol = label.group("symbol")
            start = label.start() - len(span) - (verbs[-1].end() - verbs[-1].start())
            found.append(ListingGroup(start, label.end(), [f"{ex}:{symbol}" for ex in dict.fromkeys(exchanges)]))
    return found


def _not_one_letter(text: str, group: ListingGroup) -> bool:
    inner = text[group.start + 1 : group.end - 1]
    hyphen = _HYPHENATED_RE.match(inner)
    return not (hyphen and hyphen.group("exchange").upper() in _ONE_LETTER)
