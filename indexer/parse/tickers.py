"""Stock tickers: find '(Nasdaq: IMGN)'-style listings and normalise them to 'NASDAQ:IMGN'."""

from __future__ import annotations

import re

# Printed exchange names (upper-cased, spaces collapsed) -> canonical exchange.
EXCHANGES: dict[str, str] = {
    "NASDAQ": "NASDAQ",
    "NASDAQ GS": "NASDAQ",
    "NASDAQ GM": "NASDAQ",
    "NASDAQ CM": "NASDAQ",
    "NASDAQGS": "NASDAQ",
    "NASDAQGM": "NASDAQ",
    "NASDAQCM": "NASDAQ",
    "NASDAQ GLOBAL SELECT": "NASDAQ",
    "NASDAQ GLOBAL SELECT MARKET": "NASDAQ",
    "NASDAQ GLOBAL MARKET": "NASDAQ",
    "NASDAQ CAPITAL MARKET": "NASDAQ",
    "NASDAQ-GS": "NASDAQ",
    "NYSE": "NYSE",
    "NEW YORK STOCK EXCHANGE": "NYSE",
    "NYSE AMERICAN": "NYSEAMERICAN",
    "NYSE MKT": "NYSEAMERICAN",
    "NYSE AMEX": "NYSEAMERICAN",
    "NYSEAMERICAN": "NYSEAMERICAN",
    "NYSE ARCA": "NYSEARCA",
    "TSX": "TSX",
    "TSX VENTURE": "TSXV",
    "TSX VENTURE EXCHANGE": "TSXV",
    "TSX-V": "TSXV",
    "TSXV": "TSXV",
    "TSX.V": "TSXV",
    "OTCQB": "OTC",
    "OTCQX": "OTC",
    "OTC PINK": "OTC",
    "OTC": "OTC",
    "OTCMKTS": "OTC",
    "OTC MARKETS": "OTC",
    "OTCBB": "OTC",
    "PINK": "OTC",
    "CSE": "CSE",
    "ASX": "ASX",
    "LSE": "LSE",
    "LON": "LSE",
    "AIM": "AIM",
    "FSE": "FSE",
    "FRANKFURT": "FSE",
    "FWB": "FSE",
    "XETRA": "FSE",
    "NEO": "NEO",
    "CBOE": "CBOE",
    "EURONEXT": "EURONEXT",
    "HKEX": "HKEX",
    "SEHK": "HKEX",
    "SIX": "SIX",
    "TASE": "TASE",
    "NZX": "NZX",
    "JSE": "JSE",
}

_EXCHANGE_ALT = "|".join(re.escape(name).replace(r"\ ", r"[\s-]*") for name in sorted(EXCHANGES, key=len, reverse=True))
# One listing inside a parenthesis: "Nasdaq: IMGN", "TSX VENTURE:AXL", "NYSE:TU".
LISTING_RE = re.compile(
    rf"(?P<exchange>{_EXCHANGE_ALT})\s*[:\uff1a]\s*(?P<symbol>[A-Z0-9]{{1,6}}(?:[.\-][A-Z0-9]{{1,4}})?)\b",
    re.I,
)
_PAREN_RE = re.compile(r"\(([^()]{3,120})\)")


def normalise_exchange(printed: str) -> str:
    """Canonical exchange name for a printed one ('Nasdaq Global Select' -> 'NASDAQ')."""
    key = re.sub(r"[\s]+", " ", printed.strip().upper())
    key = key.replace("-", " ") if key not in EXCHANGES else key
    return EXCHANGES.get(key) or EXCHANGES.get(key.replace(" ", "")) or key.replace(" ", "")


def listings_in(text: str) -> list[tuple[int, int, list[str]]]:
    """Every parenthesised group of listings in text, as (start, end, ['NASDAQ:IMGN', ...])."""
    groups = []
    for paren in _PAREN_RE.finditer(text):
        found = [
            f"{normalise_exchange(m.group('exchange'))}:{m.group('symbol').upper()}"
            for m in LISTING_RE.finditer(paren.group(1))
        ]
        if found:
            groups.append((paren.start(), paren.end(), found))
    return groups


def issuer_tickers(lede: str) -> tuple[list[str], int | None]:
    """The issuer's listings: the first run of adjacent listing groups in the lede.

    Returns the tickers and where the first group starts (the company name stands just before it).
    Later groups name partners or competitors, not the issuer.
    """
    groups = listings_in(lede)
    if not groups:
        return [], None
    tickers = list(groups[0][2])
    end = groups[0][1]
    for start, stop, found in groups[1:]:
        # "(CSE: LFLR) (OTC: LFLRF)" or "(TSX: X) and (NYSE: Y)" continue the same issuer.
        if re.fullmatch(r"[\s,;]*(?:and|&)?[\s,;]*", lede[end:start]):
            tickers.extend(found)
            end = stop
        else:
            break
    return list(dict.fromkeys(tickers)), groups[0][0]
