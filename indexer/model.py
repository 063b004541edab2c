"""Domain objects: releases, hits, pages of results, facets, exports, build reports, and the domain exceptions."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime


class ReleaseSearchError(Exception):
    """Base class for every error the core reports to a user."""

    status = 400


class IndexNotFound(ReleaseSearchError):
    """The index directory does not exist or holds no index."""

    status = 404


class SourceNotFound(ReleaseSearchError):
    """A file or folder given to index does not exist."""

    status = 404


class IndexLocked(ReleaseSearchError):
    """Another process is writing the index."""

    status = 409


class BackendUnavailable(ReleaseSearchError):
    """The search cluster cannot be reached or failed."""

    status = 503


class IndexWorkerFailed(ReleaseSearchError):
    """An index build's worker processes failed beyond what the build can recover from."""

    status = 500


class QueryError(ReleaseSearchError):
    """The user's query or filters cannot be understood."""

    status = 400


class ParseError(ReleaseSearchError):
    """A release file cannot be read or understood."""

    status = 422

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class IssuerFileError(ReleaseSearchError):
    """A file of issuers (the user's own, or the SEC's list) cannot be read."""

    status = 422

    def __init__(self, path: str, line: int, reason: str):
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason


@dataclass
class EdgarFiling:
    """Where an EDGAR release was filed: the filing's header, and the document of the submission that holds it."""

    cik: str | None = None  # the filer's Central Index Key, without leading zeros
    company: str | None = None  # the filer's conformed name as the header prints it ("APPLE INC")
    accession: str | None = None  # "0001193125-12-178928"
    form: str | None = None  # the submission type: "8-K", "6-K", ...
    filing_date: str | None = None  # "YYYY-MM-DD", the header's FILED AS OF DATE
    exhibit: str | None = None  # the document's <TYPE>: "EX-99.1"
    document: int | None = None  # 1-based position of the <DOCUMENT> block in the (first copy of the) submission
    filename: str | None = None  # the document's <FILENAME>
    date_source: str | None = None  # "dateline": the release prints its date; "filing": the filing date stands in
    former_names: list[str] | None = None  # the filer's former conformed names, newest first ("FACEBOOK INC")

    @property
    def index_url(self) -> str | None:
        """The filing's index page on EDGAR, built from the CIK and the accession number."""
        if not (self.cik and self.accession):
            return None
        return (
            f"https://www.sec.gov/Archives/edgar/data/{self.cik}/{self.accession.replace('-', '')}/"
            f"{self.accession}-index.htm"
        )

    def to_json(self) -> dict:
        """The JSON form printed under "edgar" by `releases parse --json`."""
        return {
            "cik": self.cik,
            "company": self.company,
            "accession": self.accession,
            "form": self.form,
            "filing_date": self.filing_date,
            "exhibit": self.exhibit,
            "document": self.document,
            "filename": self.filename,
            "date_source": self.date_source,
        } | ({"former_names": list(self.former_names)} if self.former_names else {})


@dataclass
class Release:
    """One press release, as parsed from a file (or fetched from an index), with its sections kept apart.

    path is where the file was read (from an index: the same as source); source is its path inside the source
    folder the user gave ('2024/0102/acme.md'), what pages show and what the id derives from; source_url is the
    original's web address when the file gives one (a wire's page, the EDGAR filing)."""

    path: str
    headline: str
    subheadline: str | None = None
    # The release's own timestamp: aware when the source gives a time zone, else naive local.
    published: datetime | None = None
    tickers: list[str] = field(default_factory=list)
    company: str | None = None
    wire: str | None = None
    location: str | None = None
    language: str | None = None
    dateline: str | None = None
    lede: str = ""
    body: str = ""
    about: str = ""
    forward_looking: str = ""
    contacts: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    item: int = 0  # position inside a file that holds several releases
    source_hash: str = ""
    # Filled by indexer.issuers when the release's issuer is known: its registry id and SEC CIK.
    issuer_id: str | None = None
    cik: str | None = None
    edgar: EdgarFiling | None = None  # the filing, for releases read from EDGAR submissions
    source: str = ""  # path inside the source folder ("" for a release not parsed through a Source: path is used)
    source_url: str | None = None
    # From an index only: other copies of the same release (other wires, re-posts): [{id, path, wire, date}].
    duplicates: list[dict] = field(default_factory=list)

    @property
    def id(self) -> str:
        """A stable identifier: the release's path inside its source folder and its item, wherever that folder is."""
        return release_id(self.source or self.path, self.item)

    @property
    def date(self) -> str | None:
        """The local calendar date as printed in the release, 'YYYY-MM-DD'."""
        return self.published.date().isoformat() if self.published else None

    @property
    def published_utc(self) -> datetime | None:
        """The timestamp in UTC (naive), used for sorting and range filters."""
        if self.published is None:
            return None
        if self.published.tzinfo is None:
            return self.published
        return self.published.astimezone(UTC).replace(tzinfo=None)

    @property
    def exchanges(self) -> list[str]:
        """Exchanges of the issuer's listings, in ticker order, without repeats."""
        return list(dict.fromkeys(t.split(":", 1)[0] for t in self.tickers))

    @property
    def symbols(self) -> list[str]:
        """Bare symbols of the issuer's listings ("IMGN")."""
        return list(dict.fromkeys(t.split(":", 1)[-1] for t in self.tickers))

    @property
    def text(self) -> str:
        """The whole release text in reading order."""
        parts = [self.lede, self.body, self.about, self.forward_looking, self.contacts]
        return "\n\n".join(p for p in parts if p)

    def to_json(self) -> dict:
        """The JSON form printed by `releases parse --json`."""
        data = {
            "path": self.path,
            "source": self.source or self.path,
            "source_url": self.source_url,
            "id": self.id,
            "headline": self.headline,
            "subheadline": self.subheadline,
            "date": self.date,
            "datetime": self.published.isoformat() if self.published else None,
            "tickers": self.tickers,
            "wire": self.wire,
            "location": self.location,
            "company": self.company,
            "language": self.language,
            "dateline": self.dateline,
            "types": self.types,
            "flags": self.flags,
            "sections": {
                "lede": self.lede,
                "body": self.body,
                "about": self.about,
                "forward_looking": self.forward_looking,
                "contacts": self.contacts,
            },
            "emails": self.emails,
            "phones": self.phones,
            "links": self.links,
        }
        if self.issuer_id:
            data["issuer"] = {"id": self.issuer_id, "name": self.company, "cik": self.cik, "listings": self.tickers}
        if self.item:
            data["item"] = self.item
        if self.edgar is not None:
            data["edgar"] = self.edgar.to_json()
            data["source_url"] = self.source_url
        return data


def release_id(path: str, item: int = 0) -> str:
    """Derive a release id from its path inside the source folder and its position in that file."""
    key = f"{path}#{item}" if item else path
    return hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]


@dataclass
class FacetValue:
    """One value of a facet with the number of matching releases."""

    value: str
    count: int
    selected: bool = False


@dataclass
class Facet:
    """Counts of one facet over the whole result set."""

    name: str
    values: list[FacetValue] = field(default_factory=list)

    def to_json(self) -> list[dict]:
        """The JSON form: a list of {value, count, selected}."""
        # Written out rather than dataclasses.asdict, which deep-copies recursively: this runs for every
        # facet value of every page the web API serves.
        return [{"value": v.value, "count": v.count, "selected": v.selected} for v in self.values]


@dataclass
class Hit:
    """One search result: the fields a result list shows, a score and a snippet."""

    id: str
    path: str  # inside the source folder the user indexed ('2024/0102/acme.md'), never the server's own path
    headline: str
    date: str | None
    tickers: list[str]
    company: str | None
    wire: str | None
    score: float | None
    snippet: str
    location: str | None = None
    types: list[str] = field(default_factory=list)
    issuer: str | None = None  # the issuer's id, for a link to its page
    cik: str | None = None  # the issuer's SEC CIK (no leading zeros), when it has one
    # Other copies of the same release (other wires, re-posts): [{id, path, wire, date}].
    duplicates: list[dict] = field(default_factory=list)
    # Words of the query this release lacks: set only on the some-words matches listed after the full ones.
    missing: list[str] = field(default_factory=list)
    source_url: str | None = None  # the original's web address, when the file gives one
    flags: list[str] = field(default_factory=list)  # "editorial", "sponsored", ...
    datetime: str | None = None  # the release's timestamp as printed (ISO 8601, with its offset when known)

    def to_json(self) -> dict:
        """The JSON form of a hit."""
        return {
            "id": self.id,
            "path": self.path,
            "headline": self.headline,
            "date": self.date,
            "tickers": list(self.tickers),
            "company": self.company,
            "wire": self.wire,
            "score": None if self.score is None else round(self.score, 4),
            "snippet": self.snippet,
            "location": self.location,
            "types": list(self.types),
            "issuer": self.issuer,
            "cik": self.cik,
            "flags": list(self.flags),
            "source_url": self.source_url,
            "datetime": self.datetime,
            "duplicates": [dict(d) for d in self.duplicates],
            "missing": list(self.missing),
        }


@dataclass
class Page:
    """One page of search results with exact totals and facet counts.

    The unit counted is a release with its copies folded (one per duplicate group): total, facets and
    timeline count the same units. In "all" mode they count releases holding every word; partial_total
    counts those holding only some, listed after them (each hit naming its missing words).
    """

    query: str
    total: int
    page: int
    per_page: int
    hits: list[Hit]
    facets: dict[str, Facet]
    sort: str = "relevance"
    suggestion: str | None = None
    # True: the results are the suggestion's (a word no release holds was searched as its known spellings).
    corrected: bool = False
    # Matching releases per period, for a timeline: [{"period": "2011-11", "count": 2}].
    timeline: list[dict] = field(default_factory=list)
    match: str = "all"
    # Releases matching some but not all of the words (listed after the total's, not counted in it).
    partial_total: int = 0
    # Releases of the total without a date (in no timeline bar): the bars add up to total - undated.
    undated: int = 0
    # A cursor for the results after this page (SearchRequest.after), at any depth; None on the last page.
    next: str | None = None

    @property
    def pages(self) -> int:
        """The number of pages for the full matches and the partial ones after them."""
        return max(1, -(-(self.total + self.partial_total) // self.per_page))

    def shown(self, first: int) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """The ranks of this page's hits (the first at rank `first`) among the releases counted in `total`, and
        among those holding only some words (`partial_total`): (first, last) of each, None where the page shows
        none, so a count line never reads "21-40 of 9"."""
        whole = max(0, min(len(self.hits), self.total - first + 1))
        start = max(first - self.total, 1)
        some = len(self.hits) - whole
        return ((first, first + whole - 1) if whole else None), ((start, start + some - 1) if some else None)

    def to_json(self) -> dict:
        """The one JSON shape of results, shared by the CLI and the HTTP API."""
        return {
            "ok": True,
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "sort": self.sort,
            "suggestion": self.suggestion,
            "corrected": self.corrected,
            "hits": [h.to_json() for h in self.hits],
            "facets": {name: facet.to_json() for name, facet in self.facets.items()},
            "timeline": [dict(t) for t in self.timeline],
            "match": self.match,
            "partial_total": self.partial_total,
            "undated": self.undated,
            "next": self.next,
        }


@dataclass
class BuildReport:
    """What an indexing run did."""

    index: str
    added: int = 0  # releases written (from new or changed files)
    removed: int = 0  # releases dropped because their file changed or is gone
    files: int = 0  # files looked at
    new_files: int = 0  # files with no release in the index yet (skipped ones are tried again each run)
    changed_files: int = 0
    unchanged_files: int = 0
    gone_files: int = 0  # files indexed before, under the given sources, that no longer exist
    skipped: list[dict] = field(default_factory=list)  # [{"path", "reason"}]
    total: int = 0  # releases in the index after the run
    segments: int = 0  # index segments after the run
    seconds: float = 0.0
    rebuilt: bool = False
    created: bool = False  # no index was there before this run
    reason: str = ""  # why a run that could have been incremental rebuilt from scratch
    workers: int = 1
    issuers: int = 0  # issuers in the registry the releases were resolved with
    reresolved_files: int = 0  # files indexed again because their issuer changed (a lesson or a new registry)
    issuer_conflicts: list[str] = field(default_factory=list)  # listings two issuers claimed, and who kept them

    def to_json(self) -> dict:
        """The JSON summary printed by `releases index --json`."""
        return {
            "ok": True,
            "index": self.index,
            "files": self.files,
            "new_files": self.new_files,
            "changed_files": self.changed_files,
            "unchanged_files": self.unchanged_files,
            "gone_files": self.gone_files,
            "added": self.added,
            "removed": self.removed,
            "skipped": self.skipped,
            "total": self.total,
            "segments": self.segments,
            "seconds": round(self.seconds, 3),
            "releases_per_s": round(self.added / self.seconds, 1) if self.seconds else None,
            "rebuilt": self.rebuilt,
            "reason": self.reason or None,
            "workers": self.workers,
            "issuers": self.issuers,
            "reresolved_files": self.reresolved_files,
            "issuer_conflicts": self.issuer_conflicts,
        }


@dataclass
class BuildProgress:
    """Where a running build is: files done out of an estimate, releases indexed, the last file."""

    files_done: int
    files_total: int | None
    releases: int
    path: str
    started: float  # time.monotonic() at the start of the run


@dataclass
class ExportRow:
    """One row of an export: the hit, and the release's text (lede and body) when it was asked for."""

    hit: Hit
    text: str | None = None


@dataclass
class Export:
    """A whole result set for export: the number of rows known up front, the rows read as they are consumed
    (a batch at a time, so memory stays bounded whatever the size)."""

    total: int
    rows: Iterator[ExportRow]


def counted(number: int, noun: str) -> str:
    """A count with its noun, singular for one: "1 release", "2,345 releases"."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def error_json(message: str, status: int) -> dict:
    """The one JSON shape of errors."""
    return {"ok": False, "error": message, "status": status}


def parse_date_arg(text: str | date | None, end: bool = False) -> date | None:
    """Read a user's date ('2011-10-20', 'Oct 20 2011', ...) or raise QueryError. A year or month alone ('2011',
    '2011-10', 'Oct 2011') is its first day, or with end its last day, never today's day and month filled in."""
    if text is None or str(text).strip() == "":
        return None
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    from dateutil import parser as dateparser

    # dateutil takes the parts not written from the default, and keeps a default day within the month's length.
    default = datetime(date.today().year, 12, 31) if end else datetime(date.today().year, 1, 1)
    try:
        return dateparser.parse(str(text), default=default).date()
    except (ValueError, OverflowError) as exc:
        if re.fullmatch(r"\s*\d{4}-\d{1,2}-\d{1,2}\s*", str(text)):
            raise QueryError(f"there is no such day as {str(text).strip()!r}: e.g. 2011-10-20") from exc
        raise QueryError(f"cannot read the date {text!r}: write it as YYYY-MM-DD, e.g. 2011-10-20") from exc
