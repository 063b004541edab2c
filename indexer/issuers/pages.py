"""What an issuer page, its API and `releases companies` show: the issuer's record and its releases in the index."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Hit, ReleaseSearchError
from .registry import Issuer

EDGAR_COMPANY_URL = "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={cik}"
# Issuers a listing of companies counts at most (each facet value is one issuer).
MAX_ISSUERS = 100_000


class IssuerNotFound(ReleaseSearchError):
    """No issuer in the index answers to what the user gave."""

    status = 404


def edgar_url(cik: str | None) -> str | None:
    """EDGAR's company page for a CIK."""
    return EDGAR_COMPANY_URL.format(cik=cik.zfill(10)) if cik else None


@dataclass
class CompanyEntry:
    """One issuer in a listing of companies: its record and how many releases the index holds from it."""

    issuer: Issuer
    releases: int

    def to_json(self) -> dict:
        """The JSON form: id, name, main listing, listings, CIK, releases."""
        return {
            "id": self.issuer.id,
            "name": self.issuer.name,
            "listing": self.issuer.main_listing,
            "listings": self.issuer.all_listings,
            "cik": self.issuer.cik,
            "releases": self.releases,
        }


@dataclass
class CompanyPage:
    """An issuer's page: its record, its number of releases, their timeline and types, the newest ones."""

    issuer: Issuer
    releases: int
    timeline: list[dict] = field(default_factory=list)
    types: list[dict] = field(default_factory=list)
    newest: list[Hit] = field(default_factory=list)

    @property
    def edgar_url(self) -> str | None:
        """EDGAR's page for the issuer, when its CIK is known."""
        return edgar_url(self.issuer.cik)

    def to_json(self) -> dict:
        """The JSON form served by GET /api/companies/<issuer>."""
        return {
            "ok": True,
            "issuer": {**self.issuer.to_json(), "listing": self.issuer.main_listing, "edgar_url": self.edgar_url},
            "releases": self.releases,
            "timeline": [dict(t) for t in self.timeline],
            "types": [dict(t) for t in self.types],
            "newest": [h.to_json() for h in self.newest],
        }


def list_companies(index, prefix: str = "") -> list[CompanyEntry]:
    """Issuers with releases in the index, most releases first; prefix narrows to names, aliases or listings."""
    registry = index.issuers()
    # Releases with their copies folded, the unit a search for the issuer counts.
    page = index.search("", per_page=1, facets=("issuer",), facet_limit=MAX_ISSUERS, snippets=False)
    key = prefix.strip().casefold()
    found = []
    for value in page.facets["issuer"].values:
        issuer = registry.get(value.value)
        if issuer is None:
            continue
        if key and not _matches(issuer, key):
            continue
        found.append(CompanyEntry(issuer, value.count))
    found.sort(key=lambda e: (-e.releases, e.issuer.name.casefold()))
    return found


def _matches(issuer: Issuer, key: str) -> bool:
    words = [w.casefold() for name in issuer.names for w in name.split()]
    names = [n.casefold() for n in issuer.names]
    symbols = [x.casefold() for listing in issuer.all_listings for x in (listing, listing.split(":", 1)[1])]
    # A CIK as EDGAR prints it (0000320193) or without its zeros, as cik: takes it.
    return any(x.startswith(key) for x in names + words + symbols) or bool(issuer.cik and key.lstrip("0") == issuer.cik)


def company_page(index, key: str, newest: int = 10) -> CompanyPage:
    """An issuer's page by its id, a listing, a symbol, a CIK or a name; IssuerNotFound when none answers."""
    issuer = index.issuers().find(key or "")
    if issuer is None:
        raise IssuerNotFound(f"no issuer {key!r} in this index: list them with 'releases companies' or /companies")
    page = index.search(
        "",
        filters={"issuer": [issuer.id]},
        sort="newest",
        per_page=newest,
        facets=("type",),
        facet_limit=50,
        snippets=False,
    )
    types = [{"value": v.value, "count": v.count} for v in page.facets["type"].values]
    return CompanyPage(issuer, page.total, page.timeline, types, page.hits)
