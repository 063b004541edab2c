"""The index schema, declared once: fields, their weights and analyzers, and the facets built on them."""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import fields
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.support.charset import accent_map

from .model import Release

# Words are stemmed so "acquires" finds "acquisition"; accents are folded so "societe" finds "société".
TEXT_ANALYZER = (
    RegexTokenizer(r"\w+(?:[.'\u2019&-]\w+)*")
    | LowercaseFilter()
    | CharsetFilter(accent_map)
    | StopFilter(minsize=1)
    | StemFilter(cachesize=50000)
)

# Weight of each searchable text field. Boilerplate repeats in every release of a company,
# so the "About" text, safe-harbor language and contacts must not decide the ranking.
FIELD_WEIGHTS: dict[str, float] = {
    "headline": 4.0,
    "subheadline": 2.0,
    "lede": 2.0,
    "company": 2.0,
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


FACETS: tuple[FacetSpec, ...] = (
    FacetSpec("ticker", "ticker", "Ticker", multi=True),
    FacetSpec("company", "company_facet", "Company"),
    FacetSpec("year", "year", "Year"),
    FacetSpec("month", "month", "Month"),
    FacetSpec("wire", "wire_facet", "Wire service"),
    FacetSpec("exchange", "exchange", "Exchange", multi=True),
    FacetSpec("location", "location_facet", "Location"),
    FacetSpec("type", "type", "Release type", multi=True),
)
FACETS_BY_NAME = {f.name: f for f in FACETS}
# The facets a result page shows unless asked for others.
DEFAULT_FACETS = ("ticker", "year", "wire", "company", "exchange", "type", "location")

# Stored fields a hit needs; the rest (full sections) is loaded only for the release page.
HIT_FIELDS = (
    "id",
    "path",
    "headline",
    "date_text",
    "ticker",
    "company_facet",
    "wire_facet",
    "location_facet",
    "type",
    "dupkey",
)
# Text fields stored for the release page and snippets.
SECTION_FIELDS = ("lede", "body", "about", "forward_looking", "contacts")


def _text(weight: float, stored: bool = True) -> fields.TEXT:
    return fields.TEXT(analyzer=TEXT_ANALYZER, stored=stored, field_boost=weight, phrase=True)


def build_schema() -> fields.Schema:
    """The Whoosh schema for releases."""
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        path=fields.ID(stored=True),
        source_hash=fields.ID(stored=True),
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
        wire_facet=fields.ID(stored=True),
        location_facet=fields.ID(stored=True),
        type=fields.KEYWORD(stored=True, commas=True),
        language=fields.ID(stored=True),
        flags=fields.KEYWORD(stored=True, commas=True),
        dupkey=fields.ID(stored=True),
        meta=fields.STORED(),  # dateline, emails, phones, links: shown on the release page only
    )


def release_to_document(release: Release, dupkey: str = "") -> dict:
    """The Whoosh document for a release (values for every schema field)."""
    utc = release.published_utc
    doc = {
        "id": release.id,
        "path": release.path,
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
        "wire_facet": release.wire or "",
        "location_facet": release.location or "",
        "type": ",".join(release.types),
        "language": release.language or "",
        "flags": ",".join(release.flags),
        "dupkey": dupkey,
        "meta": {
            "dateline": release.dateline,
            "emails": release.emails,
            "phones": release.phones,
            "links": release.links,
            "item": release.item,
        },
    }
    if utc is not None:
        doc["date"] = utc
        doc["year"] = release.published.strftime("%Y")
        doc["month"] = release.published.strftime("%Y-%m")
    # Whoosh rejects empty ID values poorly in facets: leave them out instead.
    return {k: v for k, v in doc.items() if v not in ("", None)}
