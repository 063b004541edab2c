"""The listing of companies (the site's /companies and GET /api/companies): issuers with their number of releases,
most first, narrowed by a prefix of a name, a symbol or a CIK, a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from indexer.issuers.pages import CompanyEntry, list_companies
from indexer.model import QueryError

from .params import get_index, whole_number

COMPANIES_PER_PAGE = 100
MAX_COMPANIES_PER_PAGE = 500
MAX_PREFIX_CHARS = 100


@dataclass
class CompaniesPage:
    """One page of the listing: the prefix asked, how many issuers answer it, and this page's entries."""

    prefix: str
    total: int
    page: int
    per_page: int
    entries: list[CompanyEntry]

    @property
    def pages(self) -> int:
        """Pages the listing takes (at least one)."""
        return max(1, -(-self.total // self.per_page))

    @property
    def first(self) -> int:
        """The rank of this page's first issuer (1-based)."""
        return (self.page - 1) * self.per_page + 1


def companies_page(args) -> CompaniesPage:
    """The page of the listing a request asks for (q: prefix, page, per_page); QueryError for a bad parameter."""
    prefix = args.get("q", "").strip()
    if len(prefix) > MAX_PREFIX_CHARS:
        raise QueryError(f"the prefix is too long (at most {MAX_PREFIX_CHARS} characters)")
    per_page = whole_number(args, "per_page", COMPANIES_PER_PAGE, 1, MAX_COMPANIES_PER_PAGE)
    found = list_companies(get_index(), prefix)
    last = max(1, -(-len(found) // per_page))
    page = whole_number(args, "page", 1, 1, last)
    start = (page - 1) * per_page
    return CompaniesPage(prefix, len(found), page, per_page, found[start : start + per_page])
