"""The index schema, declared once: fields, their weights and analyzers, and the facets built on them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from whoosh import fields
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.analysis.filters import STOP_WORDS
from whoosh.lang.porter2 import stem as porter2_stem
from whoosh.support.charset import accent_map

from .model import Release

# Words of one family that the stemmer leaves apart, joined so that "acquires" finds "acquisition",
# "buys" finds "bought" and "expands" finds "expansion" (stem -> the family's stem).
WORD_FAMILIES = {
    "acquisit": "acquir",
    "merger": "merg",
    "expans": "expand",
    "extens": "extend",
    "partnership": "partner",
    "agreement": "agre",
    "decis": "decid",
    "subscript": "subscrib",
    "introduct": "introduc",
    "departur": "depart",
    "divestitur": "divest",
    "settlement": "settl",
    "nomine": "nomin",
    "growth": "grow",
    "grew": "grow",
    "sold": "sell",
    "bought": "buy",
    "won": "win",
    "paid": "pay",
    "held": "hold",
    "began": "begin",
}
# "may" is a month here and must stay searchable; "s" is what a possessive leaves ("Align’s").
STOP = frozenset(STOP_WORDS - {"may"} | {"s"})
# A word; "U.S.", "AT&T", "3.5", "amazon.com" stay whole, but hyphens and apostrophes split
# ("T-Mobile" -> t mobile, "Align's" -> align), and a dot before a capitalised word ends the word
# (paragraphs glued as "worldwide.The" in some sources).
WORD_PATTERN = r"\w+(?:(?:&|\.(?![A-Z][a-z]))\w+)*"


@functools.lru_cache(maxsize=200_000)
def index_stem(word: str) -> str:
    """The index term of a lower-case word: its Porter2 stem joined to its family; abbreviations, numbers
    and names with dots or '&' ("u.s", "3.5", "at&t") stay as they are."""
    if not word.isalpha():
        # "911s", "1980s": a number's plural is the number.
        return word[:-1] if len(word) > 2 and word[-1] == "s" and word[:-1].isdigit() else word
    stemmed = porter2_stem(word)
    return WORD_FAMILIES.get(stemmed, stemmed)


# Beside each word's stem the index keeps the word's own form, marked ("=earnings"): a quoted word matches that
# form only, and a word's own form ranks above its relatives. The parts of a compound name are kept in this
# form only, so "Sirius XM" finds "SiriusXM" but "earnings" does not find "EarnedMedia.io" (part "Earned").
EXACT_MARK = "="


class PressStemFilter(Filter):
    """Stems words with index_stem (Porter2 and word families); a word's own form and compound parts (tokens
    marked part) are kept as they are, marked with EXACT_MARK."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for token in tokens:
            if not token.stopped:
                token.text = EXACT_MARK + token.text if getattr(token, "part", False) else index_stem(token.text)
            yield token

    def per_word(self, word: str) -> str:
        """This filter's effect on one word: lets the index writer cache the analyzer per word."""
        return index_stem(word)

    def per_part(self, part: str) -> str:
        """This filter's effect on a part added beside a word (its own form, a compound's part)."""
        return EXACT_MARK + part


def exact_form(word: str) -> str | None:
    """The index term of a word's own form ('Earnings' -> '=earnings'), None for a stop word."""
    words = re.findall(WORD_PATTERN, word)
    if len(words) != 1:
        return None  # "T-Mobile": several words, matched as a phrase
    folded = words[0].lower().translate(accent_map)
    return EXACT_MARK + folded if folded not in STOP else None


_COMPOUND_SPLIT = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z]{2})\.(?=[A-Za-z]{2})")


def compound_parts(word: str) -> list[str]:
    """The parts of a compound name: "InsurtechTips.com" -> Insurtech, Tips, com; "SiriusXM" -> Sirius, XM."""
    rest = word[1:]
    if "." not in rest and rest == rest.lower():
        return []  # most words: no capital after the first letter, no dot, so nothing to split at
    parts = [p for p in _COMPOUND_SPLIT.split(word) if p and p != "."]
    return [p for p in parts if len(p) >= 2] if len(parts) > 1 else []


class CompoundFilter(Filter):
    """Indexes the parts of a compound name beside it, so "insurtech tips" finds "InsurtechTips.com" and
    "Sirius XM" finds "SiriusXM" (queries are not split: QUERY_ANALYZER)."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for token in tokens:
            # Copies are made before the token is passed on: later filters change tokens in place.
            copies = []
            for part in word_parts(token.text):
                copy = token.copy()
                copy.text = part
                copy.part = True
                copies.append(copy)
            yield token
            yield from copies

    def word_parts(self, word: str) -> list[str]:
        """The parts this filter adds beside a word (lets the index writer cache the analyzer per word)."""
        return word_parts(word)


def word_parts(word: str) -> list[str]:
    """What the index keeps beside a word, in its own form: the word itself, then a compound name's parts."""
    return [word, *compound_parts(word)]


class PositionFilter(Filter):
    """Numbers the words left after stop words are dropped (so phrases skip stop words); a compound's
    parts share the compound's position, so phrases across it still match."""

    # Tells the index writer how this filter numbers words (see indexer/analysis.word_pipeline).
    parts_share_position = True

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        pos = -1
        for token in tokens:
            if token.positions:
                if getattr(token, "part", False):
                    token.pos = max(pos, 0)
                else:
                    pos += 1
                    token.pos = pos
            yield token


def _analyzer(*, compounds: bool):
    chain = RegexTokenizer(WORD_PATTERN)
    if compounds:
        chain = chain | CompoundFilter()
    return (
        chain
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=STOP, minsize=1, renumber=False)
        | PositionFilter()
        | PressStemFilter()
    )


# Words are stemmed so "acquires" finds "acquisition"; accents are folded so "societe" finds "société".
QUERY_ANALYZER = _analyzer(compounds=False)
# The index also holds the parts of compound names.
TEXT_ANALYZER = _analyzer(compounds=True)

# Weight of each searchable text field. Boilerplate repeats in every release of a company,
# so the "About" text, safe-harbor language and contacts must not decide the ranking.
FIELD_WEIGHTS: dict[str, float] = {
    "headline": 4.0,
    "subheadline": 2.0,
    "lede": 1.5,
    "company": 3.0,
    "body": 1.0,
    "about": 0.15,
    "forward_looking": 0.05,
    "contacts": 0.05,
}
# Fields a plain word searches, and the ones that `field:word` may name.
DEFAULT_FIELDS = tuple(FIELD_WEIGHTS)


@dataclass(frozen=True)
class FacetSpec:
    """A facet: its public name, the index field holding its values, and how to label it."""

    name: str
    field: str
    label: str
    multi: bool = False  # a release may carry several values (tickers, types)
    # A timeline: every value the results hold is listed, not the top ones by count, so that a period with few
    # releases is not missing from the middle of the list (months too: at most MAX_FACET_VALUES, 83 years of them).
    every_value: bool = False


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("ticker", "ticker", "Ticker", multi=True),
    FacetSpec("company", "company_facet", "Company"),
    FacetSpec("year", "year", "Year", every_value=True),
    FacetSpec("month", "month", "Month", every_value=True),
    FacetSpec("wire", "wire_facet", "Wire service"),
    FacetSpec("exchange", "exchange", "Exchange", multi=True),
    FacetSpec("location", "location_facet", "Location"),
    FacetSpec("type", "type", "Release type", multi=True),
    # Releases per issuer id: counts for `releases companies` and the issuer pages (not shown as a facet).
    FacetSpec("issuer", "issuer_id", "Issuer"),
    # Editorial articles and sponsored content beside releases: to find them, or to see how many a search holds.
    FacetSpec("flag", "flags", "Editorial or sponsored", multi=True),
)
FACETS_BY_NAME = {f.name: f for f in FACETS}
# The facets a result page shows unless asked for others.
DEFAULT_FACETS = ("ticker", "year", "wire", "company", "exchange", "type", "flag", "location")

# Stored fields a hit needs; the rest (full sections) is loaded only for the release page.
HIT_FIELDS = (
    "id",
    "source",
    "source_url",
    "flags",
    "headline",
    "date_text",
    "ticker",
    "company_facet",
    "wire_facet",
    "location_facet",
    "type",
    "dupkey",
    "issuer_id",
    "cik",
)


def _text(weight: float, stored: bool = True) -> fields.TEXT:
    return fields.TEXT(analyzer=TEXT_ANALYZER, stored=stored, field_boost=weight, phrase=True)


def build_schema() -> fields.Schema:
    """The Whoosh schema for releases."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        path=fields.ID(stored=True),  # where the build read the file: bookkeeping for incremental builds, never shown
        source=fields.STORED(),  # the path inside the source folder the user gave: what users see
        source_url=fields.STORED(),  # the original's web address, when the file gives one
        source_hash=fields.STORED(),  # read by incremental builds, never searched: not indexed
        headline=_text(FIELD_WEIGHTS["headline"]),
        subheadline=_text(FIELD_WEIGHTS["subheadline"]),
        lede=_text(FIELD_WEIGHTS["lede"]),
        body=_text(FIELD_WEIGHTS["body"]),
        about=_text(FIELD_WEIGHTS["about"]),
        forward_looking=_text(FIELD_WEIGHTS["forward_looking"]),
        contacts=_text(FIELD_WEIGHTS["contacts"]),
        # Searchable name, location and wire words; their exact display values live in the facet fields.
        company=_text(FIELD_WEIGHTS["company"], stored=False),
        location=fields.TEXT(analyzer=TEXT_ANALYZER),
        wire=fields.TEXT(analyzer=TEXT_ANALYZER),
        date=fields.DATETIME(stored=True, sortable=True),  # UTC, for sorting and ranges
        date_text=fields.STORED(),  # local ISO timestamp as printed, for display
        year=fields.ID(stored=True),
        month=fields.ID(stored=True),
        ticker=fields.KEYWORD(stored=True, commas=True, scorable=True),  # "NASDAQ:IMGN"
        symbol=fields.KEYWORD(commas=True, lowercase=True, scorable=True),  # "imgn"
        exchange=fields.KEYWORD(stored=True, commas=True),
        company_facet=fields.ID(stored=True),
        # The issuer's registry id ("cik320193") and SEC CIK without leading zeros ("320193"): `cik:320193`.
        issuer_id=fields.ID(stored=True),
        cik=fields.ID(stored=True),
        wire_facet=fields.ID(stored=True),
        location_facet=fields.ID(stored=True),
        type=fields.KEYWORD(stored=True, commas=True),
        language=fields.ID(stored=True),
        flags=fields.KEYWORD(stored=True, commas=True),
        dupkey=fields.ID(stored=True),
        dupsketch=fields.STORED(),  # the whole text's fingerprint: copies sharing a key fold only if it agrees
        meta=fields.STORED(),  # dateline, emails, phones, links: shown on the release page only
    )


def release_to_document(release: Release, dupkey: str = "", dupsketch: str = "") -> dict:
    """The Whoosh document for a release (values for every schema field)."""
    utc = release.published_utc
    doc = {
        "id": release.id,
        "path": release.path,
        "source": release.source or release.path,
        "source_url": release.source_url,
        "source_hash": release.source_hash,
        "headline": release.headline,
        "subheadline": release.subheadline or "",
        "lede": release.lede,
        "body": release.body,
        "about": release.about,
        "forward_looking": release.forward_looking,
        "contacts": release.contacts,
        "company": release.company or "",
        "location": release.location or "",
        "wire": release.wire or "",
        "date_text": release.published.isoformat() if release.published else None,
        "ticker": ",".join(release.tickers),
        "symbol": ",".join(release.symbols),
        "exchange": ",".join(release.exchanges),
        "company_facet": release.company or "",
        "issuer_id": release.issuer_id or "",
        "cik": release.cik or "",
        "wire_facet": release.wire or "",
        "location_facet": release.location or "",
        "type": ",".join(release.types),
        "language": release.language or "",
        "flags": ",".join(release.flags),
        "dupkey": dupkey,
        "dupsketch": dupsketch if dupkey else "",
        "meta": {
            "dateline": release.dateline,
            "emails": release.emails,
            "phones": release.phones,
            "links": release.links,
            "item": release.item,
        },
    }
    if release.edgar is not None:
        # The filing a release came from, for its page's link to EDGAR: stored only, never searched.
        doc["meta"]["edgar"] = release.edgar.to_json()
        doc["meta"]["source_url"] = release.source_url
    if utc is not None:
        doc["date"] = utc
        month = release.published.strftime("%Y-%m")
        doc["year"] = month[:-3]  # strftime("%Y"): the month is always two digits
        doc["month"] = month
    # Whoosh rejects empty ID values poorly in facets: leave them out instead.
    return {k: v for k, v in doc.items() if v != "" and v is not None}
