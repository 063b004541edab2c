"""A release -> its issuer: from its own listing, else its company name; what the parser found is the evidence.

The parser (indexer/parse/issuer.py) already tells the issuer apart from companies only mentioned: its company
is the lede's subject, the dateline's or the "About" section's organisation, and its tickers are those printed
with the issuer's own name. So only that evidence is used here: a partner's or a lawsuit target's name or
ticker, printed elsewhere in the text, never reaches the registry lookups.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Release
from ..parse.names import VERBS, core_words, domains_in, fold, same_org
from ..parse.own_listings import OTHER_COMPANY_RE as _OTHER_COMPANY_RE
from ..parse.tickers import listing_groups
from .about_subjects import about_subject, another_organisation
from .doubtful_matches import misprints, qualifier_only, unlisted_about
from .filings import with_filers
from .fuller_names import fuller_name
from .names import clean_name, name_key
from .owner_sentences import crosses_sentence
from .registry import Issuer, Registry, slug


@dataclass
class Evidence:
    """What a release says about its own issuer, kept so issuers can be resolved again without re-parsing."""

    name: str | None  # the parser's company, as printed
    printed: list[str] = field(default_factory=list)  # the parser's own listings ('NASDAQ:ACON')
    place: str | None = None  # the dateline's place: a name that is only this place is no company
    parent: list[str] = field(default_factory=list)  # listings of the company it is part of ('a unit of X (NYSE: X)')
    # The company it is part of, named without a listing: no longer read (a subsidiary named so is its own issuer,
    # without its owner's listing), kept so that an index's issuer file keeps its form.
    parent_name: str | None = None
    source: str | None = None  # its wire's closing "SOURCE Ross Stores, Inc." line: the issuer of record
    cik: str | None = None  # the filer's CIK, for a release read from an EDGAR filing: the issuer of record
    vouched: bool = True  # a one-word name is also an About heading's, a SOURCE line's or a web or mail domain's
    filer: str | None = None  # an EDGAR filing's filer as its header names it ("OFFICE DEPOT INC"): see filings.py
    former: list[str] = field(default_factory=list)  # the filer's former names ("FACEBOOK INC")
    unlisted: bool = False  # its own About section names no listing: a name matched past "Holdings" is not it
    about: str | None = None  # that unlisted About's subject ("TRON DAO"): see about_subjects.py
    fuller: str | None = None  # the first fuller legal name of the name ("UGI Utilities, Inc."): see fuller_names.py

    @classmethod
    def of(cls, release: Release) -> Evidence:
        """The evidence of a freshly parsed release (before resolve() fills its issuer)."""
        parent = parent_listings(release.company, release.text)
        source = _SOURCE_RE.search(release.text[-600:])
        name = source.group("name").strip().rstrip(".") if source else None
        cik = release.edgar.cik if release.edgar else None
        vouched = _vouched(release.company, release.headline or "", release.text, name)
        made = cls(release.company, list(release.tickers), release.location, parent, None, name, cik, vouched)
        if release.edgar and release.edgar.cik:
            made.filer, made.former = release.edgar.company, list(release.edgar.former_names or ())
        made.unlisted = not release.tickers and unlisted_about(release.company, release.text)
        made.about = about_subject(release.company, release.text) if made.unlisted else None
        made.fuller = fuller_name(clean_name(release.company), release.text)
        return made

    def to_json(self) -> list:
        """A compact form for the index's issuer file."""
        later = [self.unlisted, self.about, self.fuller]
        while later and not later[-1]:
            later.pop()  # (written only as far as the last one set)
        filed = [self.filer, self.former] if self.filer or later else []  # (an EDGAR filing's filer)
        return [
            self.name,
            self.printed,
            self.place,
            self.parent,
            self.parent_name,
            self.source,
            self.cik,
            self.vouched,
            *filed,
            *later,
        ]

    @classmethod
    def from_json(cls, data: list) -> Evidence:
        """The evidence from its compact form (an index written before `vouched` vouches for every name)."""
        extra = list(data[6:8]) + [None, True][len(data[6:8]) :]
        made = cls(data[0], list(data[1]), data[2], list(data[3]), data[4], data[5], extra[0], bool(extra[1]))
        if len(data) > 8:
            made.filer, made.former = data[8], list(data[9])
        made.unlisted = len(data) > 10 and bool(data[10])
        made.about = data[11] if len(data) > 11 else None
        made.fuller = data[12] if len(data) > 12 else None
        return made


# "Tesla, Inc.", "Nova Ltd.": a name printed with its legal form.
_LEGAL_AFTER_RE = r",?\s+(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|plc|PLC|N\.V|S\.A|AG|SE|Holdings)\b"


def _vouched(name: str | None, headline: str, text: str, source: str | None) -> bool:
    """Whether a one-word name is more than a word of the story: the headline opens with it, the text prints it with
    a legal form, or the release's About heading, SOURCE line or web or mail domain names it ("Tesla Announces ...",
    "Apple" with "About Apple" and apple.com; not "Nova" of "... For Nova Homebuyers at University Park"). Only such
    a name may find an issuer by name alone: a wrong ticker is worse than none."""
    words = core_words(clean_name(name))
    if len(words) != 1 or not name:
        return True
    word = words[0]
    short = re.escape((clean_name(name) or name).split()[0].rstrip(","))
    if _heads(short, headline) or re.search(rf"\b{short}{_LEGAL_AFTER_RE}", text):
        return True
    if source and core_words(clean_name(source))[:1] == (word,):
        return True
    if re.search(rf"\b(?:About|ABOUT)\s+(?:[Tt]he\s+)?{re.escape(name or '')}", text):
        return True
    return any(d.startswith(word) for d in domains_in(text))


def _heads(short: str, headline: str) -> bool:
    """Whether the headline opens with the name as its subject: then a verb, a mark, a figure or nothing ("Tesla
    Announces ...", "Tesla: ...", "Tesla to Open ...", "Tesla Q4 2019 ..."); not a word describing the Title Case
    noun after it ("Nova Homebuyers Find ...")."""
    m = re.match(rf"{short}\b(?!['\u2019])\s*(\S*)", headline)
    if not m:
        return False
    after = m.group(1).rstrip(",:;")
    # A period or a figure after it is its own ("Tesla Q4 2019 Vehicle Production & Deliveries").
    return not after.isalpha() or not after[:1].isupper() or after.lower() in VERBS


# PR Newswire's closing line, often glued to what is before it: "... /PRNewswire -- March 4, 2020/SOURCE Ross Stores";
# Business Wire's "Source: Electronic Arts Inc." on the last line.
_SOURCE_RE = re.compile(r"(?:^|[\s./])(?:SOURCE:?|Source:)\s+(?P<name>[A-Z0-9][^\n/]{1,80}?)\s*(?:\n|$)")


_PART_WORDS = "division|subsidiary|unit|brand|business|member|company|label|imprint|affiliate|segment|studio"
# "Blizzard Entertainment, Inc., a division of Activision Blizzard (NASDAQ: ATVI)", "Part of Booking Holdings Inc.
# (NASDAQ: BKNG)", "ComEd is a unit of ... Exelon Corporation (NYSE:EXC)", "Audible, Inc., an Amazon.com, Inc.
# subsidiary (NASDAQ:AMZN)": the listing of the company the issuer belongs to.
_PARENT_BEFORE_RE = re.compile(
    rf"(?:\b(?:(?:an?|the)\s+(?:[\w$\-]+\s+){{0,4}}?(?:{_PART_WORDS})"
    r"|\b(?:is\s+)?(?:a\s+)?part|\bowned\s+by|\bsubsidiary)\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"|\ban?\s+)(?P<parent>[A-Z][\w.&,'\u2019\- ]{1,60}?)(?:\s+(?:subsidiary|company|business|brand))?\s*,?\s*$"
)


def parent_listings(name: str | None, text: str) -> list[str]:
    """Listings of the company a release's issuer is part of, printed in a sentence about the issuer."""
    words = core_words(name)
    if not words or not text:
        return []
    for group in listing_groups(text):
        before = text[max(0, group.start - 240) : group.start]
        match = _PARENT_BEFORE_RE.search(before)
        if (
            not match
            or same_org(match.group("parent"), name)
            or crosses_sentence(match.group("parent"))
            or _OTHER_COMPANY_RE.match(text[group.end : group.end + 80])
        ):
            continue  # (not "Humanity, a Workday (NASDAQ: WDAY) software partner": a company it works with)
        # The issuer is named just before (its "About" heading, the sentence's subject, or its initials: "BGE").
        if _names_issuer(words, before[: match.start("parent")]):
            return list(group.tickers)
    return []


def _names_issuer(words: tuple[str, ...], before: str) -> bool:
    """Whether the text just before names the issuer: its first word, or its initials ('BGE')."""
    window = fold(before)
    initials = "".join(w[0] for w in words)
    return words[0] in window or (len(initials) >= 2 and re.search(rf"\b{initials}\b", window) is not None)


@dataclass(frozen=True)
class Resolution:
    """A release's issuer as the index holds it: company to show, tickers to find it by, issuer id and CIK."""

    company: str | None
    tickers: tuple[str, ...] = ()
    issuer_id: str | None = None
    cik: str | None = None

    def apply(self, release: Release) -> Release:
        """Fill the release's company, tickers, issuer id and CIK."""
        release.company = self.company
        release.tickers = list(self.tickers)
        release.issuer_id = self.issuer_id
        release.cik = self.cik
        return release

    def to_json(self) -> list:
        """A compact form for the index's issuer file."""
        return [self.company, list(self.tickers), self.issuer_id, self.cik]

    @classmethod
    def from_json(cls, data: list) -> Resolution:
        """The resolution from its compact form."""
        return cls(data[0], tuple(data[1]), data[2], data[3])


def issuer_name(evidence: Evidence) -> str | None:
    """The printed name cleaned: no possessive, marks or trailing place, and not the dateline's place itself."""
    name = clean_name(evidence.name)
    if name and evidence.place:
        places = {name_key(part) for part in evidence.place.split(",")}
        if name_key(name) in places:
            return None  # "Florida": the dateline's place read as a name
    return name


def find_issuer(evidence: Evidence, registry: Registry) -> Issuer | None:
    """The registry's issuer for a release: by its own printed listing, else by its name; None when unknown."""
    if evidence.cik:
        filer = registry.by_cik(evidence.cik)  # an EDGAR filing names its filer by CIK: nothing is surer
        if filer is not None:
            return filer
    name = issuer_name(evidence)
    for listing in evidence.printed:
        # A listing decides when the names agree: a symbol reused since, or a made-up one in a sample release
        # ("Acme Robotics (NASDAQ: ACMR)"), must not make another company the issuer.
        issuer = registry.by_listing(listing)
        if issuer is not None and (_names_agree(name, issuer) or listing in evidence.parent):
            return issuer  # its own, or its owner's: "The Gatorade Company, a division of PepsiCo (NASDAQ: PEP)"
    for listing in evidence.printed:
        # The same symbol on another exchange's spelling ("NYSE American" for the SEC's "NYSE").
        issuer = registry.by_symbol(listing.split(":", 1)[1])
        if issuer is not None and name and _names_agree(name, issuer):
            return issuer
    found = registry.by_name(name) if name else None
    if found is not None and not evidence.vouched and found.source != "user":
        found = None  # "Nova" is only a word of the story: the SEC's Nova Ltd. is not vouched for
    if found is not None and evidence.unlisted and qualifier_only(name, found):
        found = None  # "Teads" with an About naming no listing is not the SEC's "Teads Holding Co."
    if found is not None and evidence.unlisted and another_organisation(evidence.about, name, found):
        found = None  # "TRON" whose About is "TRON DAO is a ..." is not the SEC's "Tron Inc."
    if found is not None and another_organisation(evidence.fuller, name, found):
        found = None  # "UGI" printed in full as "UGI Utilities, Inc." is not the SEC's "UGI Corp.", its owner
    if found is None and evidence.source:
        found = registry.by_name(clean_name(evidence.source))
    for listing in evidence.parent if found is None else ():
        found = registry.by_listing(listing)
        if found is not None:
            return found
    # A subsidiary or brand whose owner is named without a listing ("Elsevier is part of RELX", "Play It Again Sports
    # is part of Winmark") stays its own issuer: the owner's listing, not printed with it, would be a wrong ticker.
    return found


def _names_agree(name: str | None, issuer: Issuer) -> bool:
    """Whether a printed name can be this issuer's (no name printed: nothing disagrees)."""
    if not name or issuer.source == "user":
        return True
    key, initials = name_key(name), "".join(w[0] for w in core_words(name))
    for other in issuer.names:
        other_key = name_key(other)
        shorter, longer = sorted((key, other_key), key=len)
        if len(shorter) >= 3 and longer.startswith(shorter):
            return True  # "Meta" and "Meta Platforms, Inc.", "TELUS Communications" and "Telus Corp."
        other_initials = "".join(w[0] for w in core_words(other))
        if len(key) >= 2 and (key == other_initials or other_key == initials):
            return True  # "IBM" and "International Business Machines"
    return False


def resolve(evidence: Evidence, registry: Registry) -> Resolution:
    """The issuer of a release as the index will hold it."""
    issuer = find_issuer(evidence, registry)
    if issuer is not None:
        # What the release printed, its issuer's main listing, share classes and former listings; not every
        # warrant or other line the SEC lists (a release of Comcast is not one of its notes, "NYSE:CCZ").
        printed = sorted(set(evidence.printed) - misprints(evidence.printed, issuer, registry))  # "GTLK" for GLTK
        tickers = list(dict.fromkeys(issuer.share_classes + printed + issuer.former_listings))
        return Resolution(issuer.name, tuple(tickers), issuer.id, issuer.cik)
    name = issuer_name(evidence)
    if evidence.parent and not evidence.printed:
        # Part of a listed company no source knows: found by that company's listing, under its own name.
        return Resolution(name, tuple(sorted(evidence.parent)), corpus_id(evidence.parent), evidence.cik)
    if evidence.printed:
        # Listed but in no source yet: the release itself makes an issuer of its name and listings.
        return Resolution(name, tuple(sorted(evidence.printed)), corpus_id(evidence.printed), evidence.cik)
    return Resolution(name, (), None, evidence.cik)


def corpus_id(listings: list[str]) -> str:
    """The id of an issuer known only from releases: its first listing ('NASDAQ:ACON' -> 'nasdaq-acon')."""
    return slug(sorted(listings)[0])


def resolve_release(release: Release, registry: Registry) -> Evidence:
    """Fill a parsed release's issuer fields from the registry; return the evidence they came from."""
    evidence = Evidence.of(release)
    resolve(evidence, registry).apply(release)
    return evidence


# ---- Learning from the corpus ------------------------------------------------------------------


def learn(evidences: list[Evidence], base: Registry) -> Registry:
    """The registry with what the releases teach: a name printed beside a listing names that listing's issuer
    for every release of that name, including those that print no listing.

    Listings no source knows are grouped (releases printing overlapping listings are one issuer), named by the
    name printed most often beside them; names printed beside a known issuer's listing become its aliases.
    A name printed beside two issuers' listings teaches nothing. EDGAR filings teach their filers first (filings.py).
    """
    base = with_filers(evidences, base)
    parent: dict[str, str] = {}

    def root(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    aliases: dict[str, dict[str, int]] = {}  # issuer id -> printed name -> count
    group_names: dict[str, dict[str, int]] = {}  # first listing -> printed name -> count
    listing_counts: dict[str, int] = {}
    key_owners: dict[str, set[str]] = {}  # name key -> issuer ids or listing roots it was printed beside
    unknown: list[tuple[str | None, list[str]]] = []
    for evidence in evidences:
        if not evidence.printed:
            continue
        name = issuer_name(evidence)
        known = find_issuer(evidence, base)
        if known is not None:
            if name:
                aliases.setdefault(known.id, {}).setdefault(name, 0)
                aliases[known.id][name] += 1
                key_owners.setdefault(name_key(name), set()).add("id:" + known.id)
            continue
        for listing in evidence.printed:
            listing_counts[listing] = listing_counts.get(listing, 0) + 1
            parent.setdefault(listing, listing)
            parent[root(listing)] = root(evidence.printed[0])
        unknown.append((name, evidence.printed))
    for name, printed in unknown:
        group = root(printed[0])
        if name:
            group_names.setdefault(group, {}).setdefault(name, 0)
            group_names[group][name] += 1
    learned: list[Issuer] = []
    members: dict[str, list[str]] = {}
    for listing in listing_counts:
        members.setdefault(root(listing), []).append(listing)
    for group in members:
        for name in group_names.get(group, {}):
            key_owners.setdefault(name_key(name), set()).add("group:" + group)
    for group, listings in members.items():
        names = group_names.get(group, {})
        ordered = sorted(listings, key=lambda x: (-listing_counts[x], x))
        usable = {n: c for n, c in names.items() if len(key_owners.get(name_key(n), ())) == 1}
        canonical = _most_printed(usable) or _most_printed(names)
        if canonical is None:
            continue  # listings printed with no name: nothing to call the issuer
        learned.append(
            Issuer(
                id=corpus_id(listings),
                name=canonical,
                aliases=[n for n in usable if n != canonical],
                listings=ordered,
                source="corpus",
            )
        )
    merged = base.copy()
    for issuer in learned:
        merged.add(issuer)
    for issuer_id, names in aliases.items():
        for name in names:
            if len(key_owners.get(name_key(name), ())) == 1:
                merged.add_alias(issuer_id, name)
    return merged


def _most_printed(names: dict[str, int]) -> str | None:
    """The name printed most often; on a tie the one with a legal form, then the longer."""
    if not names:
        return None
    return max(names, key=lambda n: (names[n], len(core_words(n)) < len(n.split()), len(n), n))
