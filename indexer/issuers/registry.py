"""The issuer registry: issuer records from every source, merged by trust, looked up by listing, name or CIK."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace

from ..parse.tickers import normalise_exchange
from .names import name_key

# Sources in order of trust: a user's file overrides the SEC's list, then EDGAR filings' headers (filings.py), then
# what the corpus teaches.
TRUST = {"user": 0, "sec": 1, "filing": 2, "corpus": 3}
_NOT_SLUG_RE = re.compile(r"[^a-z0-9]+")
# What a symbol's suffix makes of it: warrants, units, rights ("CRMLW", "ACONW", "XYZ.U").
_DERIVATIVE_SUFFIXES = {"W", "WS", "WT", "U", "UN", "R", "RT"}
# A share class's suffix after a separator: one letter ("BRK-A", "HEI-A", "BF.B"), "P" being a preferred's ("AXIA-P").
_CLASS_SUFFIX_RE = re.compile(r"^[A-OQ-Z]$")


# Nasdaq's fifth letter of a five-letter symbol: A, B (classes), J (voting), K (non-voting) name shares; the others
# preferreds (P, O, N, M), notes and bonds (G, H, I, L, Z), rights, units, warrants (R, U, W) and the like.
_NASDAQ_CLASS_LETTERS = "ABJK"


def _other_fifth_letter(exchange: str, main: str, other: str) -> bool:
    """Whether a symbol as long as the main one and differing from it in its last letter is a line other than a share
    class: on Nasdaq, five letters whose last is not a class's ("FCNCP" beside FCNCA; "LBRDK" beside LBRDA is a
    class); on the NYSE, which writes classes after a separator ("BF-B"), always ("CRBD" beside CRBG)."""
    if len(main) != len(other) or main[:-1] != other[:-1] or not (main + other).isalpha():
        return False  # not one letter changed, or classes after a separator ("BF-A", "BF-B")
    if exchange == "NASDAQ":
        return len(other) == 5 and other[-1] not in _NASDAQ_CLASS_LETTERS
    return exchange == "NYSE"


def _other_line(main: str, other: str) -> bool:
    """Whether a symbol beside an issuer's main one is a line other than a share class: a warrant, unit or right, a
    preferred share after a separator ("BAC-PB", "AXIA-P"), or the main symbol with letters added and no separator,
    the form exchanges give notes and preferreds ("TMUSI" of TMUS, "XELLL" of XEL); a shorter symbol the main one
    extends ("GOOG" of GOOGL, "FOX" of FOXA) or one of the same length ("FWONK" of FWONA) is a class."""
    longer, shorter = (other, main) if len(other) > len(main) else (main, other)
    if not longer.startswith(shorter):
        return False
    suffix = longer[len(shorter) :]
    if suffix.lstrip(".-") in _DERIVATIVE_SUFFIXES:
        return True
    if suffix[:1] in ".-":
        return not _CLASS_SUFFIX_RE.match(suffix[1:])
    return longer == other


@dataclass
class Issuer:
    """One issuing company: a stable id, its canonical name, other names, listings ('NASDAQ:AAPL') and CIK."""

    id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    listings: list[str] = field(default_factory=list)  # current listings, the main one first
    former_listings: list[str] = field(default_factory=list)  # symbols it no longer trades under ("NASDAQ:FB")
    cik: str | None = None  # without leading zeros, as EDGAR's URLs take it
    source: str = "sec"  # "user", "sec", "filing" or "corpus"

    @property
    def all_listings(self) -> list[str]:
        """Current and former listings: a release printed under either belongs to this issuer."""
        return list(dict.fromkeys(self.listings + self.former_listings))

    @property
    def main_listing(self) -> str | None:
        """The listing shown beside the name ('Apple Inc. · NASDAQ:AAPL')."""
        return (self.listings or self.former_listings or [None])[0]

    @property
    def share_classes(self) -> list[str]:
        """The main listing and its other share classes on the same exchange ('NASDAQ:GOOGL', 'NASDAQ:GOOG',
        'NYSE:BRK-B', 'NYSE:BRK-A'), without warrants, units or rights ('CRMLW'), preferred shares ('NYSE:BAC-PB'),
        notes ('NASDAQ:TMUSI' of TMUS) and other lines (foreign over-the-counter copies)."""
        main = self.main_listing
        if main is None:
            return []
        exchange, symbol = main.split(":", 1)
        found = [main]
        for listing in self.listings:
            other_exchange, other = listing.split(":", 1)
            if listing == main or other_exchange != exchange or other[:3] != symbol[:3]:
                continue
            if _other_line(symbol, other) or _other_fifth_letter(exchange, symbol, other):
                continue
            found.append(listing)
        return found

    @property
    def names(self) -> list[str]:
        """The canonical name and every alias."""
        return [self.name, *self.aliases]

    def to_json(self) -> dict:
        """The JSON form of an issuer record (API, CLI, the index's registry file)."""
        return {
            "id": self.id,
            "name": self.name,
            "aliases": list(self.aliases),
            "listings": list(self.listings),
            "former_listings": list(self.former_listings),
            "cik": self.cik,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: dict) -> Issuer:
        """An issuer from its JSON form."""
        return cls(
            id=data["id"],
            name=data["name"],
            aliases=list(data.get("aliases") or []),
            listings=list(data.get("listings") or []),
            former_listings=list(data.get("former_listings") or []),
            cik=data.get("cik"),
            source=data.get("source", "sec"),
        )


def normalise_listing(text: str) -> str | None:
    """'Nasdaq: aapl', 'NASDAQ:AAPL' -> 'NASDAQ:AAPL'; None when it is not EXCHANGE:SYMBOL."""
    if ":" not in text:
        return None
    exchange, symbol = (part.strip() for part in text.split(":", 1))
    if not exchange or not symbol or not re.fullmatch(r"[A-Za-z0-9.\-]{1,12}", symbol):
        return None
    return f"{normalise_exchange(exchange)}:{symbol.upper()}"


def normalise_cik(value) -> str | None:
    """A CIK as digits without leading zeros ('0000320193' -> '320193'); None when empty or not a number."""
    text = str(value if value is not None else "").strip()
    if not text or not text.isdigit():
        return None
    return str(int(text))


def _listing_key(listing: str) -> str:
    """A listing with the class separator unified: 'NYSE:BRK.B' and 'NYSE:BRK-B' are one listing."""
    return listing.replace(".", "-")


def _symbol_key(symbol: str) -> str:
    return symbol.upper().replace(".", "-")


def slug(text: str) -> str:
    """A URL-safe id made of a text's letters and digits ('NASDAQ:ACON' -> 'nasdaq-acon')."""
    return _NOT_SLUG_RE.sub("-", text.lower()).strip("-")


@dataclass
class Conflict:
    """Two issuers claiming one listing: which kept it and which lost it."""

    listing: str
    kept: str  # issuer id
    lost: str

    def message(self) -> str:
        """What a build reports about it."""
        return (
            f"{self.listing} is claimed by {self.kept} and {self.lost}: kept for {self.kept} (the more trusted source)"
        )


class Registry:
    """Issuers merged from their sources, with lookups by id, listing, symbol, name and CIK.

    Its Issuer records and symbol sets are never changed in place (a change stores a new one), so a copy shares
    them with the registry it came from: every build learns on a copy of the 8,000-issuer registry."""

    def __init__(self, issuers: list[Issuer] | None = None, fingerprint_parts: list[str] | None = None):
        self.issuers: dict[str, Issuer] = {}
        self.conflicts: list[Conflict] = []
        self._by_listing: dict[str, str] = {}
        self._by_name: dict[str, str | None] = {}  # None: a name two issuers share, so it decides nothing
        self._by_cik: dict[str, str] = {}
        self._by_symbol: dict[str, frozenset[str]] = {}
        self._fingerprint_parts = list(fingerprint_parts or [])
        for issuer in issuers or []:
            self.add(issuer)

    def __len__(self) -> int:
        return len(self.issuers)

    def __iter__(self):
        return iter(self.issuers.values())

    def add(self, issuer: Issuer) -> None:
        """Add an issuer; on a listing or CIK it shares with a more trusted issuer, that one keeps it."""
        same = self._by_cik.get(issuer.cik) if issuer.cik else None
        if same is not None and same != issuer.id:
            self._merge_into(self.issuers[same], issuer)
            return
        if issuer.id in self.issuers:
            self._merge_into(self.issuers[issuer.id], issuer)
            return
        self.issuers[issuer.id] = issuer
        kept_listings = []
        for listing in issuer.all_listings:
            owner = self._by_listing.get(listing)
            if owner is not None and owner != issuer.id:
                other = self.issuers[owner]
                if TRUST.get(issuer.source, 9) < TRUST.get(other.source, 9):
                    self.conflicts.append(Conflict(listing, issuer.id, owner))
                    self._drop_listing(other, listing)
                else:
                    self.conflicts.append(Conflict(listing, owner, issuer.id))
                    continue
            self._claim(listing, issuer.id)
            kept_listings.append(listing)
        if len(kept_listings) != len(issuer.all_listings):  # a new record: the caller's may be another registry's
            issuer = replace(
                issuer,
                listings=[x for x in issuer.listings if x in kept_listings],
                former_listings=[x for x in issuer.former_listings if x in kept_listings],
            )
            self.issuers[issuer.id] = issuer
        if issuer.cik:
            self._by_cik.setdefault(issuer.cik, issuer.id)
        for name in issuer.names:
            self._index_name(name, issuer.id)

    def _merge_into(self, kept: Issuer, extra: Issuer) -> None:
        """Fold a second record of one issuer (another of its tickers, a less trusted source) into the first."""
        listings, former, aliases, cik = list(kept.listings), list(kept.former_listings), list(kept.aliases), kept.cik
        for listing in extra.all_listings:
            if listing not in self._by_listing:
                self._claim(listing, kept.id)
                (former if listing in extra.former_listings else listings).append(listing)
        for name in extra.names:
            if name_key(name) and name not in kept.names and name not in aliases:
                aliases.append(name)
                self._index_name(name, kept.id)
        if cik is None and extra.cik:
            cik = extra.cik
            self._by_cik.setdefault(extra.cik, kept.id)
        self.issuers[kept.id] = replace(kept, listings=listings, former_listings=former, aliases=aliases, cik=cik)

    def _claim(self, listing: str, issuer_id: str) -> None:
        self._by_listing[listing] = issuer_id
        self._by_listing.setdefault(_listing_key(listing), issuer_id)
        key = _symbol_key(listing.split(":", 1)[1])
        self._by_symbol[key] = self._by_symbol.get(key, frozenset()) | {issuer_id}

    def _drop_listing(self, issuer: Issuer, listing: str) -> None:
        self._by_listing.pop(listing, None)
        key = _symbol_key(listing.split(":", 1)[1])
        if key in self._by_symbol:
            self._by_symbol[key] = self._by_symbol[key] - {issuer.id}
        self.issuers[issuer.id] = replace(
            issuer,
            listings=[x for x in issuer.listings if x != listing],
            former_listings=[x for x in issuer.former_listings if x != listing],
        )

    def _index_name(self, name: str, issuer_id: str) -> None:
        key = name_key(name)
        if not key:
            return
        owner = self._by_name.get(key, issuer_id)
        if owner != issuer_id:
            # Two issuers of one name: a more trusted one keeps it, equals make it undecided.
            a, b = self.issuers.get(owner) if owner else None, self.issuers[issuer_id]
            if a is not None and TRUST.get(a.source, 9) < TRUST.get(b.source, 9):
                return
            if a is not None and TRUST.get(b.source, 9) < TRUST.get(a.source, 9):
                self._by_name[key] = issuer_id
                return
            self._by_name[key] = None
            return
        self._by_name[key] = issuer_id

    def add_alias(self, issuer_id: str, name: str) -> None:
        """Another name of an issuer (learned from releases); a name another issuer holds stays that issuer's."""
        issuer = self.issuers[issuer_id]
        key = name_key(name)
        if not key or name in issuer.names or self._by_name.get(key, issuer_id) != issuer_id:
            return
        self.issuers[issuer_id] = replace(issuer, aliases=[*issuer.aliases, name])
        self._by_name[key] = issuer_id

    def copy(self) -> Registry:
        """A registry that changes apart from this one (learning adds to the copy only): its lookups are copied,
        its issuer records and symbol sets shared, since neither registry changes one in place."""
        made = Registry(fingerprint_parts=self._fingerprint_parts)
        made._saved_fingerprint = getattr(self, "_saved_fingerprint", None)
        made.issuers = dict(self.issuers)
        made._by_listing = dict(self._by_listing)
        made._by_name = dict(self._by_name)
        made._by_cik = dict(self._by_cik)
        made._by_symbol = dict(self._by_symbol)
        made.conflicts = list(self.conflicts)
        return made

    # -- lookups --

    def get(self, issuer_id: str) -> Issuer | None:
        """The issuer with this id."""
        return self.issuers.get(issuer_id)

    def by_listing(self, listing: str) -> Issuer | None:
        """The issuer listed as 'EXCHANGE:SYMBOL'."""
        found = self._by_listing.get(listing) or self._by_listing.get(_listing_key(listing))
        return self.issuers[found] if found else None

    def by_symbol(self, symbol: str) -> Issuer | None:
        """The one issuer listed under this symbol on any exchange; None when none or several are."""
        owners = self._by_symbol.get(_symbol_key(symbol), set())
        return self.issuers[next(iter(owners))] if len(owners) == 1 else None

    def by_name(self, name: str | None) -> Issuer | None:
        """The one issuer whose name or alias has this name's key ('Apple' and 'Apple Inc.' alike)."""
        found = self._by_name.get(name_key(name))
        return self.issuers[found] if found else None

    def by_cik(self, cik) -> Issuer | None:
        """The issuer with this CIK."""
        found = self._by_cik.get(normalise_cik(cik) or "")
        return self.issuers[found] if found else None

    def find(self, text: str) -> Issuer | None:
        """An issuer by what a user types: its id, a listing ('NASDAQ:AAPL'), a bare symbol, a CIK or a name."""
        text = text.strip()
        if text in self.issuers:
            return self.issuers[text]
        if text.isdigit():
            return self.by_cik(text)
        listing = normalise_listing(text)
        if listing and self.by_listing(listing):
            return self.by_listing(listing)
        upper = text.upper()
        symbol_owners = {i for key, i in self._by_listing.items() if key.split(":", 1)[1] == upper}
        if len(symbol_owners) == 1:
            return self.issuers[symbol_owners.pop()]
        return self.by_name(text)

    # -- identity --

    def fingerprint(self) -> str:
        """A hash of what the registry was built from: a changed source re-resolves issuers on the next build."""
        if getattr(self, "_saved_fingerprint", None):
            return self._saved_fingerprint
        digest = hashlib.sha256()
        for part in self._fingerprint_parts:
            digest.update(part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()[:16]

    def to_json(self) -> dict:
        """Every issuer record, for the index's registry file."""
        return {"fingerprint": self.fingerprint(), "issuers": [i.to_json() for i in self.issuers.values()]}

    @classmethod
    def from_json(cls, data: dict) -> Registry:
        """A registry as saved by to_json (issuers as they were merged, listings already settled)."""
        made = cls()
        for item in data.get("issuers", []):
            made.add(Issuer.from_json(item))
        made._saved_fingerprint = data.get("fingerprint")
        return made

    def dumps(self) -> str:
        """The registry as compact JSON."""
        return json.dumps(self.to_json(), separators=(",", ":"))
