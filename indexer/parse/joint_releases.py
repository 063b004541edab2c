"""Joint releases: which of two organisations a lede opens with as joint subjects issued this copy.

"Biogen Inc. (Nasdaq: BIIB) and Alkermes plc (Nasdaq: ALKS) today announced ..." goes out on the wire twice, once
from each partner, and each copy's closing SOURCE line names the partner that sent it ("SOURCE Alkermes plc"): that
copy is Alkermes's, with Alkermes's listing. Without a SOURCE line naming one of the two, the first named issues it.
Partners named otherwise: About sections presenting only partners, and partners' names an About heading writes out.
"""

from __future__ import annotations

import re

from .names import LEGAL_FORMS, leading_name, same_org
from .sections import About

# Between the first subject and "and": its listings in brackets, then an apposition set off by commas ("Verisk
# (Nasdaq:VRSK), a leading data analytics provider, and Equifax Inc. ..."), then the conjunction.
_JOINED_RE = re.compile(
    r"\s*(?:\([^()]{0,80}\)\s*)*(?:,[^,.;()]{0,160}(?:\([^()]{0,80}\)[^,.;()]{0,80})?,\s*)?(?:and|&)\s+(?:the\s+)?"
)


# "those risks described in the Alkermes Annual Report on Form 10-K", "filings made by Alkermes with the U.S.
# Securities and Exchange Commission": the forward-looking statements of the partner that sent this copy.
_FILER_RES = (
    re.compile(
        r"\b(?:in|of)\s+(?:the\s+)?(?P<name>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}?)(?:['\u2019]s)?\s+"
        r"(?:most\s+recent\s+)?(?:Annual\s+Report\s+on\s+Form\s+10-K|Form\s+10-[KQ]|Quarterly\s+Report\s+on\s+Form)"
    ),
    re.compile(
        r"\bfilings?\s+(?:made\s+)?(?:by|of)\s+(?P<name>[A-Z][\w&.\-]*(?:\s+[A-Z][\w&.\-]*){0,2}?)\s+with\s+the\s+"
        r"(?:U\.S\.\s+)?(?:Securities|SEC\b)"
    ),
)


def _filer_named(text: str) -> str | None:
    """The one company whose own SEC reports the text's forward-looking statements cite; None for none or several."""
    if "10-K" not in text and "10-Q" not in text and "Securities and Exchange" not in text:
        return None
    names = {m.group("name") for pattern in _FILER_RES for m in pattern.finditer(text)}
    names = {n for n in names if not n.startswith(("Company", "Our", "The", "Its", "Form"))}
    firsts = {n.split()[0] for n in names}
    return names.pop() if len(firsts) == 1 else None


def source_partner(subject: str | None, lede: str, source_name: str | None, text: str = "") -> str | None:
    """The second of two joint subjects opening the lede when the SOURCE line names it and not the first: "Microsoft
    and AT&T are ramping up ..." with "SOURCE AT&T" is AT&T's copy; without a SOURCE line, the one whose SEC reports
    the forward-looking statements alone cite ("... described in the Alkermes Annual Report on Form 10-K"). None
    otherwise."""
    if not subject or not (source_name or text):
        return None
    first = subject.split(" and ")[0].strip() if " and " in subject else subject
    if source_name and same_org(first, source_name):
        return None
    at = lede.find(first)
    if at < 0 or at > 120:
        return None
    joined = _JOINED_RE.match(lede, at + len(first))
    if not joined:
        return None
    second = leading_name(lede[joined.end() :])
    # Only a joint opening reads the forward-looking statements (a long scan of the text).
    source_name = source_name or _filer_named(text)
    if not second or not source_name or same_org(first, source_name):
        return None
    if not same_org(second, source_name) or same_org(second, first):
        return None
    return second


def joined_to(text: str, end: int, company: str | None) -> bool:
    """Whether the company is the next joint subject after a listing ending at end: "Biogen Inc. (Nasdaq: BIIB) and
    Alkermes plc (Nasdaq: ALKS) ..." for Alkermes's copy; BIIB is then the partner's listing."""
    if not company:
        return False
    joined = _JOINED_RE.match(text, end)
    if not joined:
        return False
    second = leading_name(text[joined.end() : joined.end() + 300])
    return bool(second) and same_org(second, company)


# "Gulf Elite and Kerning Merge to Form Highphen", "... merged into Highphen a dynamic new entity": the entity a merger
# forms speaks for it. The name stops at an article or a joiner a Title Case headline runs on with ("– A New Leader").
_MERGED_RE = re.compile(
    r"\b(?:[Mm]erge[sd]?|[Cc]ombine[sd]?)\s+(?:[Tt]o\s+(?:[Ff]orm|[Cc]reate|[Bb]ecome)|[Ii]nto)\s+"
    r"(?P<name>[A-Z][\w&.\-]*(?:\s+(?!(?:A|An|The|As|In|For|With|To|And|Across|Of)\b)[A-Z][\w&.\-]*){0,4})"
)


def merged_entity(headline: str, lede: str) -> str | None:
    """The new organisation a merger announced in the headline forms, when the lede names it too."""
    m = _MERGED_RE.search(headline)
    if not m:
        return None
    name = m.group("name").rstrip(".")
    return name if re.search(rf"\b{re.escape(name)}\b", lede) else None


# "created with Full Turn Custom Apparel", "from our partner Full Turn", "in partnership with Acme": a partner named.
_PARTNER_RE = (
    r"(?:\b(?:our|its|their)\s+(?:[\w\-]+\s+)?partners?,?\s+|\bpartner(?:ship|ed|ing)?\s+with\s+"
    r"|\b(?:created|made|developed|designed|produced|built)\s+(?:with|in\s+(?:partnership|collaboration)\s+with)\s+)"
    r"(?:the\s+)?"
)
_ANNOUNCES_RE = r"\s+(?:today\s+|has\s+|recently\s+)?(?:announc|unveil|launch|introduc)(?:es|ed|e|s)\b"


def partners_abouts(subject: str, lede: str, text: str, abouts: list[About]) -> bool:
    """Whether every About section presents an organisation the release calls a partner, under a lede whose subject
    announces: "The Arnold Palmer Group today announced AD Palmer, ... created with Full Turn Custom Apparel" with
    "About Full Turn" alone is the Group's release."""
    if not abouts or not re.search(rf"{re.escape(subject)}{_ANNOUNCES_RE}", lede):
        return False
    return all(re.search(rf"{_PARTNER_RE}{re.escape(a.name.split()[0])}\b", text) for a in abouts)


# ", Shaffer & Harris LLP": a partner's name after a comma, then "&" or "and" (not a legal form: ", Inc.").
_PARTNERS_AFTER_RE = re.compile(rf",\s+(?!(?:{LEGAL_FORMS})(?!\w))[A-Z][\w'\u2019\-]*\s+(?:&|and)\s")


def partners_about(subject: str, abouts: list[About]) -> str | None:
    """An About heading writing out the partners' names a lede's subject stopped at a comma before: "Schechter" of
    "Schechter, Shaffer & Harris, LLP, in collaboration with ..." is "About Schechter, Shaffer & Harris LLP"'s."""
    return next(
        (a.name for a in abouts if a.name.startswith(subject) and _PARTNERS_AFTER_RE.match(a.name, len(subject))), None
    )
