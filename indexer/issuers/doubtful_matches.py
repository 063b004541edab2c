"""Registry matches a release does not vouch for: a name matched only past a holding word, a misprinted symbol.

- "Teads Unveils ..." with "About Teads / Teads operates a ... platform" (no listing, exchange or stock named) is not
  the SEC list's "Teads Holding Co." (NASDAQ:TEAD, a company that took the name later), nor "Highway" the SEC's
  "Highway Holdings Ltd.": the names agree only once "Holding(s)", "Group", "Trust" or "Partners" is set aside, and
  the release's own About section says nothing of a listing. A listed company's About usually does; where it does
  not, the name alone must agree ("Apple" and "Apple Inc.").
- "GlobalTech Corporation (OTCID: GTLK)" beside the SEC list's GlobalTech Corp (OTC:GLTK): a printed symbol no
  source knows, spelling the issuer's own symbol on that market with its letters swapped, is a misprint of it.
"""

from __future__ import annotations

import re

from ..parse.names import core_words
from ..parse.tickers import listing_groups
from .registry import Issuer, Registry

# Words the name keys set aside ("Highway" = "Highway Holdings Ltd."): a match past one of them needs more.
_QUALIFIER_RE = re.compile(r"\b(?:Holdings?|Hldgs|Group|Trust|Partners)\b", re.IGNORECASE)
# What a listed company's About section says of its listing.
_LISTED_WORDS_RE = re.compile(
    r"\b(?:NYSE|NASDAQ|Nasdaq|TSX|TSXV|OTC\w*|ASX|AIM|LSE|Euronext|CSE|Cboe|ticker|symbol|stock|shares"
    r"|publicly[ -](?:traded|listed|held)|listed\s+on|exchange)\b",
    re.IGNORECASE,
)
_ABOUT_LENGTH = 1500


def unlisted_about(name: str | None, text: str) -> bool:
    """Whether the release has an About section headed by the name's first word whose text names no listing,
    exchange or stock ("About Teads / Teads operates a ... platform ...")."""
    words = core_words(name)
    if not words or not text:
        return False
    first = re.escape(name.split()[0].rstrip(",")) if name else ""
    found = re.search(rf"\bAbout\s+(?:the\s+)?{first}(?![a-z])", text) if first else None
    if found is None:
        return False
    section = text[found.end() : found.end() + _ABOUT_LENGTH]
    following = re.search(r"\n\s*About\s+[A-Z]", section)
    section = section[: following.start()] if following else section
    return not listing_groups(section) and not _LISTED_WORDS_RE.search(section)


def qualifier_only(name: str | None, issuer: Issuer) -> bool:
    """Whether the printed name agrees with the issuer's only once its holding or group word is set aside
    ("Teads" and "Teads Holding Co.", not "Tonix Pharmaceuticals Holding" and "Tonix Pharmaceuticals Holding Corp.")."""
    if not name or issuer.source == "user":
        return False
    return bool(_QUALIFIER_RE.search(issuer.name)) and not _QUALIFIER_RE.search(name)


def misprints(printed: list[str], issuer: Issuer, registry: Registry) -> set[str]:
    """The printed listings no source knows that swap the letters of the issuer's own symbol on that market."""
    own = [listing.split(":", 1) for listing in issuer.listings]
    found = set()
    for listing in printed:
        exchange, symbol = listing.split(":", 1)
        if registry.by_listing(listing) is not None or registry.by_symbol(symbol) is not None:
            continue
        if any(e == exchange and s != symbol and sorted(s) == sorted(symbol) for e, s in own):
            found.add(listing)
    return found
