"""The organisation a release's spokesperson speaks for, where nothing else names the issuer.

An expert's commentary ("Larry Mastropieri: Public-Private Partnerships Drive ...") or a story built on one person's
words often names its issuer only beside that person: "according to Larry Mastropieri, Broker/Owner of The
Mastropieri Group", "Mark Gordon from Christiania Realty", "Tuttle is the founder/owner of Island Welcome Real
Estate". A release no other reader named is that organisation's when the person is the one the release speaks
through: the person its headline names, else the only person the text ties to an organisation and names again.
"""

from __future__ import annotations

import re

from .credits import BRAND_ABOUT_RE
from .names import PERSON_RE, STRICT_LEGAL_RE
from .places import is_place
from .wires import canonical_wire

_UPPER = "A-Z\u00c0-\u00de"
_NAME_WORD = rf"[{_UPPER}][\w'\u2019\-]*+"  # possessive: a word is never given back (no backtracking inside it)
# A person: two or three capitalised words, an initial allowed between them ("H. Jack Miller", "Valerie J. Roe").
_PERSON = rf"(?:[{_UPPER}]\.[ ]+)?{_NAME_WORD}(?:[ ]+[{_UPPER}]\.)?(?:[ ]+{_NAME_WORD}){{1,2}}"
# An organisation: capitalised words, "&", "of", "and" or "the" between them, "The" before them; ends on a
# capitalised word (a legal form's full stop kept: "Gelt Financial LLC", "Acme Co.").
_ORG = (
    rf"(?:The[ ]+)?{_NAME_WORD}(?:[ ]+(?:&[ ]+|(?:of|and|the|for|de)[ ]+)?{_NAME_WORD}){{0,5}}"
    r"(?:,?[ ]+(?:Inc|LLC|Ltd|Co|Corp|LLP|PLLC|P\.A)\.?)?"
)
# A short title before "of" or "at": "Broker/Owner", "President and CEO", "the founder/owner", "managing partner".
_TITLE = r"(?:(?:the|a|an)[ ]+)?[\w/&\-]++(?:[ ]+(?:and[ ]+|&[ ]+)?[\w/&\-]++){0,5}?"
# "Larry Mastropieri, Broker/Owner of The Mastropieri Group", "Mark Gordon from Christiania Realty", "Scott Spelker of
# The Spelker Team": a person tied to an organisation by a title or by "of", "from", "with", "at".
_TIED_RE = re.compile(
    rf"(?<![\w'\u2019.\-])(?P<person>{_PERSON})(?:,[ ]+{_TITLE}[ ]+(?:of|at|with)[ ]+|[ ]+(?:of|from|with|at)[ ]+)(?P<org>{_ORG})"
    r"(?=[,.;:)\s]|$)"
)
_TITLE_GOES_ON_RE = re.compile(rf"[ ]+(?:at|of|with)[ ]+(?P<org>{_ORG})(?=[,.;:)\s]|$)")
# "Tuttle is the founder/owner of Island Welcome Real Estate": a surname presented by a title.
_PRESENTED_RE = re.compile(
    rf"\b(?P<person>{_NAME_WORD})[ ]+is[ ]+{_TITLE}[ ]+(?:of|at|with)[ ]+(?P<org>{_ORG})(?=[,.;:\s]|$)"
)
# A headline opening with a person and a colon: an expert's commentary ("Scott Spelker: Mortgage Rate Lock-In ...").
_HEADLINE_SPEAKER_RE = re.compile(rf"^\s*#?\s*(?P<person>{_PERSON})\s*:")
# Organisation words a place never ends with: "Christiania Realty", "The Spelker Team".
_ORG_WORDS = (
    "Group",
    "Team",
    "Realty",
    "Real Estate",
    "Properties",
    "Partners",
    "Company",
    "Firm",
    "Agency",
    "Associates",
    "Advisors",
    "Consulting",
    "Law",
    "Institute",
    "Foundation",
    "Center",
    "Clinic",
    "Academy",
    "Studio",
    "Studios",
    "Capital",
    "Financial",
    "Homes",
    "Brokerage",
    "Bank",
    "Services",
    "Solutions",
)


# Words that make a capitalised pair no person: "Asian Journal of ...", "National Day of ...".
_NOT_PERSON_RE = re.compile(
    r"\b(?:Journal|Day|Week|Month|Year|University|College|School|Department|Office|Board|Council|Institute|Center"
    r"|Society|Association|Foundation|Group|Team|Court|County|City|State|National|American|International|Global"
    r"|Lawyers|Attorneys|Experts|Staff|Members|Residents|Officials|Offices)\b"
)
# A title of one who speaks for an organisation: "Broker/Owner of", "founder of", "Managing Director at".
_ROLE_RE = re.compile(
    r"\b(?:founder|co-founder|owner|broker|president|CEO|COO|CFO|CTO|chief|director|partner|principal|attorney|"
    r"manager|agent|realtor|chair|chairman|chairwoman|head|lead|officer|executive|VP|leader|pastor)s?\b",
    re.IGNORECASE,
)


def _surname(person: str) -> str:
    """The last word of a name: how a story names its person again ("Whitlock expects ...")."""
    return person.split()[-1]


def _organisation(org: str, person: str, text: str) -> str | None:
    """The tied name, when it reads as an organisation the text names again; else None."""
    org = re.sub(r"\s+(?:and|the|of|for|de)$", "", org.strip())
    org = re.split(r"['\u2019]s\b", org)[0]  # "Alvarez & Marsal's Consumer and Retail Group": its owner
    bare = org[4:] if org.startswith("The ") else org
    if re.search(r"\s[A-Z]$", bare):
        return None  # "The Law Offices of Mark T" of "Mark T. Hurt": cut at an initial
    if " " not in bare and not STRICT_LEGAL_RE.search(bare):
        return None  # one word ("Coldwell", "Madison"): a brand, a town or a surname, too weak alone
    if is_place(bare) or canonical_wire(bare) or BRAND_ABOUT_RE.search(bare):
        return None
    if PERSON_RE.fullmatch(bare) and not any(bare.endswith(" " + w) for w in _ORG_WORDS):
        return None  # "Jane Roe" of "with Jane Roe": another person
    if bare in (person, _surname(person)):
        return None  # "Jane Roe of Roe": the person's own name
    worded = STRICT_LEGAL_RE.search(bare) or any(bare.endswith(" " + w) for w in _ORG_WORDS)
    if text.count(bare) < 2 and not worded:
        return None
    return org


def _ties(text: str) -> list[tuple[str, str, bool]]:
    """(surname, organisation as printed, tied by a title) for each person the text ties to an organisation."""
    found = []
    # Where a release ties its person to an organisation: its opening and its closing (a long story's middle
    # quotes others; reading it whole costs a release ~0.7 ms).
    scanned = text if len(text) <= 6000 else f"{text[:4000]}\n{text[-2000:]}"
    for m in _TIED_RE.finditer(scanned):
        person = m.group("person")
        if PERSON_RE.fullmatch(person) and not _NOT_PERSON_RE.search(person):
            # "Jane Roe, Head of Institutional ETF Strategy at Acme Funds": the title runs on to the organisation.
            titled = m.group(0).startswith(person + ",")
            more = _TITLE_GOES_ON_RE.match(scanned, m.end()) if titled else None
            org = more.group("org") if more else m.group("org")
            found.append((_surname(person), org, titled and bool(_ROLE_RE.search(m.group(0)))))
    for m in _PRESENTED_RE.finditer(scanned):
        surname = m.group("person")
        if re.search(rf"\b[{_UPPER}][\w'\u2019\-]+\s+{re.escape(surname)}\b", text) and _ROLE_RE.search(m.group(0)):
            found.append((surname, m.group("org"), True))
    return found


def spokesperson_org(headline: str, text: str) -> str | None:
    """For a release no reader named: the organisation of the person it speaks through (see the module's note)."""
    ties = [(s, o, titled) for s, o, titled in _ties(text) if len(re.findall(rf"\b{re.escape(s)}\b", text)) >= 2]
    speaker = _HEADLINE_SPEAKER_RE.match(headline)
    speakers = {_surname(speaker.group("person"))} if speaker else set()
    speakers |= {s for s, _, _ in ties if re.search(rf"\b{re.escape(s)}\b", headline)}
    # The person the headline names speaks for the organisation the text ties them to; else, with no one named in
    # the headline, the one organisation the text gives a titled person (two people of two organisations: a story
    # quoting both, issued by neither).
    pool = [(s, o) for s, o, _ in ties if s in speakers] if speakers else [(s, o) for s, o, _ in ties]
    orgs = {_organisation(o, s, text) for s, o in pool}
    if len(orgs) != 1 or len({s for s, _ in pool}) != 1 or not (speakers or any(t for *_, t in ties)):
        return None
    org = orgs.pop()
    if not speakers and org and text.count(org.removeprefix("The ")) < 2:
        return None  # "Barry Silbert, founder of Digital Currency Group (DCG), has long championed ...": a source cited once
    return org
