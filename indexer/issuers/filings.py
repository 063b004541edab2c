"""What EDGAR filings teach about their filers: a CIK's name, its former names and the listings printed with them.

An EDGAR filing's header names its filer (CENTRAL INDEX KEY, COMPANY CONFORMED NAME) and the names it filed under
before (FORMER COMPANY: FORMER CONFORMED NAME). That is as good a source as the SEC's list for that CIK, trusted
below the user's file and the SEC's list ("filing" in registry.TRUST): a filer no other source knows becomes an issuer
with its CIK, and every filer's former names become its issuer's aliases. A listing printed beside a name of the
filer is the issuer's: beside its current name (for a filer only the filings know), or beside a former name it no
longer trades under, as a former listing ("Facebook, Inc. (NASDAQ: FB)" of CIK 1326801, now Meta's: NASDAQ:FB).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..parse.names import core_words
from .names import clean_name, display_name, name_key
from .registry import Issuer, Registry


@dataclass
class Filer:
    """One CIK as its filings name it: the conformed names their headers print and the former names they list."""

    cik: str
    conformed: Counter = field(default_factory=Counter)  # display name -> releases filed under it
    listed_former: list[str] = field(default_factory=list)  # FORMER CONFORMED NAMEs, display form

    def current(self) -> str:
        """The name it files under now: the one most filed under that no header lists as former (a tie: the
        longer, then the first in order of spelling, so that a build does not depend on the order of files)."""
        former = {name_key(n) for n in self.listed_former}
        names = [n for n in self.conformed if name_key(n) not in former] or list(self.conformed)
        return max(names, key=lambda n: (self.conformed[n], len(n), [-ord(c) for c in n]))

    def former_names(self, current: str) -> list[str]:
        """Every name of it that is not the current one: listed as former, or filed under before."""
        names = [*self.listed_former, *sorted(self.conformed)]
        kept: dict[str, str] = {}
        for name in names:
            if not _agrees(name, current):
                kept.setdefault(name_key(name), name)
        return list(kept.values())


def filers(evidences) -> dict[str, Filer]:
    """The filers of the releases read from EDGAR filings, by CIK."""
    found: dict[str, Filer] = {}
    for evidence in evidences:
        if not (evidence.cik and evidence.filer and name_key(evidence.filer)):
            continue
        filer = found.setdefault(evidence.cik, Filer(evidence.cik))
        filer.conformed[display_name(evidence.filer)] += 1
        for name in evidence.former:
            shown = display_name(name)
            if name_key(shown) and shown not in filer.listed_former:
                filer.listed_former.append(shown)
    return found


def with_filers(evidences, base: Registry) -> Registry:
    """The registry with what the releases' filings teach (see the module's doc); base itself when none was filed."""
    found = filers(evidences)
    if not found:
        return base
    registry = base.copy()
    former: dict[str, list[str]] = {}  # issuer id -> its former names
    for cik, filer in sorted(found.items()):
        issuer = registry.by_cik(cik)
        if issuer is None:
            issuer = Issuer(id=f"cik{cik}", name=filer.current(), cik=cik, source="filing")
            registry.add(issuer)
            issuer = registry.by_cik(cik)
        former[issuer.id] = filer.former_names(issuer.name)
        for name in former[issuer.id]:
            if all(name_key(name) != name_key(n) for n in issuer.names):
                registry.add_alias(issuer.id, name)
    _add_listings(evidences, registry, former)
    return registry


def _add_listings(evidences, registry: Registry, former: dict[str, list[str]]) -> None:
    """Give a filer's issuer the listings no issuer holds that its releases print beside its names."""
    claims: dict[str, set[str]] = {}  # listing -> issuer ids it was printed beside
    kinds: dict[tuple[str, str], str] = {}  # (issuer id, listing) -> "current" or "former"
    for evidence in evidences:
        name = clean_name(evidence.name)
        if not evidence.printed or not name:
            continue
        issuer = registry.by_cik(evidence.cik) if evidence.cik else registry.by_name(name)
        if issuer is None or issuer.id not in former:
            continue
        if any(_agrees(name, old) for old in former[issuer.id]) and not _agrees(name, issuer.name):
            kind = "former"  # a name it no longer files under: the listing, unless still its own, is a former one
        elif issuer.source == "filing" and _agrees(name, issuer.name):
            kind = "current"  # a filer only its filings know: what it prints beside its own name is its listing
        else:
            continue  # (an SEC issuer's listings are the SEC's; another company's name lends nothing)
        for listing in evidence.printed:
            if registry.by_listing(listing) is None:
                claims.setdefault(listing, set()).add(issuer.id)
                kinds.setdefault((issuer.id, listing), kind)
    given: dict[str, tuple[list[str], list[str]]] = {}
    for listing, owners in sorted(claims.items()):
        if len(owners) != 1:
            continue  # printed beside two filers' names (a parent's and its subsidiary's): whose it is, unknown
        (owner,) = owners
        current, formerly = given.setdefault(owner, ([], []))
        (current if kinds[(owner, listing)] == "current" else formerly).append(listing)
    for issuer_id, (current, formerly) in given.items():
        issuer = registry.get(issuer_id)
        registry.add(
            Issuer(
                id=issuer.id,
                name=issuer.name,
                listings=current,
                former_listings=formerly,
                cik=issuer.cik,
                source=issuer.source,
            )
        )


def _agrees(printed: str, name: str) -> bool:
    """Whether a printed name is this name, legal forms, case and punctuation aside, or its first words ("Office
    Depot" of "Office Depot Inc."; not "Face" of "Facebook")."""
    a, b = core_words(printed), core_words(name)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    return longer[: len(shorter)] == shorter
