"""An interview's headline: the organisation of the person interviewed, who speaks for it.

"Q&A with Devorah Kermisch, Director of Community Relations with Gulfstream Goodwill Industries: No One Deserves
..." is Gulfstream Goodwill Industries' release, whatever the title's own "of" ("Director of Community Relations")
or the topic after the colon say.
"""

from __future__ import annotations

import re

_OPENING_RE = re.compile(
    r"^(?:(?:Q\s*&\s*A|Q&amp;A|Interview|In Conversation|A Conversation|Fireside Chat)\s+with"
    # "David Nevins Interviews Izzy Patoka, Councilman, Baltimore County": the interviewer, then the interviewee.
    r"|(?P<interviewer>(?:[\w ]{3,30}\s[\u2013\u2014-]\s)?[A-Z][a-z]+\s+[A-Z][a-z]+\s+Interviews))\s+(?P<rest>.+)$"
)
# Where the interviewee's part of the headline ends: a topic after a colon or a dash, a "(Part 2)", a second role.
_TOPIC_RE = re.compile(r":\s|\s[\u2013\u2014-]\s|\s\(Part\s+\w+\)|\s+(?:Shares|Talks|Discusses|on\s+How)\b")
# An organisation brought in by a title: "Director of Community Relations with X", "CEO at X", "President for X".
_AT_RE = re.compile(r"\s(?:at|with|for)\s+(?:the\s+)?(?=[A-Z0-9])")
_OF_RE = re.compile(r"\s(?:of)\s+(?:the\s+)?(?=[A-Z0-9])")
_FOUNDED_OF_RE = re.compile(
    r"\b(?:[Ff]ounders?|[Cc]o-[Ff]ounders?|CEO|[Oo]wners?|[Cc]hair(?:man|woman)?)\s+of\s+(?:the\s+)?(?=[A-Z0-9])"
)
_DEPARTMENT_OF_RE = re.compile(
    r"(?:Technology|Development|Operations|Marketing|Sales|Engineering|Finance|Communications|Product|Strategy"
    r"|Research|Business|Partnerships|Growth|Data|Design|Programs|People|Innovation)\s+(?:at|of|for)\s+(?:the\s+)?"
    r"(?=[A-Z0-9])"
)
# "Secretary of Agriculture", "Minister of Health": a portfolio after the title, no organisation.
_PORTFOLIO_RE = re.compile(r"\b(?:Secretary|Minister|Commissioner|Professor)$")
# "Universal Parking's Justin Kinsey": the organisation before the person.
_POSSESSIVE_RE = re.compile(r"^(?P<org>(?:[A-Z][\w&.\-]*\s+){0,4}[A-Z][\w&.\-]*)['\u2019]s\s+[A-Z]")
# Words of a job title, never an organisation's name on their own.
_TITLE_WORDS = {
    "ceo", "cfo", "coo", "cto", "cmo", "cio", "president", "founder", "co-founder", "cofounder", "chief", "officer",
    "director", "manager", "head", "owner", "owners", "partner", "principal", "lead", "vp", "vice", "chair",
    "chairman", "executive", "general", "managing", "senior", "founders", "co-founders", "educator", "entrepreneur",
    "author", "and", "&", "phd", "ph.d.", "md", "mph", "dr.",
}  # fmt: skip


def _organisation(part: str) -> str | None:
    """The name opening part, up to a comma, a second role ("and President at ...") or a bracket."""
    name = re.split(r",|\s\(|\s+at\s+|\s+and\s+(?=(?:[A-Z][\w\-]*\s+){0,3}(?:at|of|for)\s)", part, maxsplit=1)[0]
    name = name.strip()
    name = name.rstrip(" .;")
    words = name.split()
    if not words or len(words) > 8 or not name[:1].isupper() and not name[:1].isdigit():
        return None
    if all(word.lower().strip(",") in _TITLE_WORDS for word in words):
        return None
    return name


def interviewee_org(headline: str) -> str | None:
    """The organisation an interview's headline gives its interviewee ("Q&A with Jane Roe, CEO at Acme Labs: ..."
    -> "Acme Labs"); None when it names none ("Q&A with Jane Roe, Author and Speaker")."""
    opening = _OPENING_RE.match(headline.strip())
    if not opening:
        return None
    rest = opening.group("rest")
    if re.search(r"\b[Aa]uthor\s+of\b", rest):
        return None  # "..., author of Social Media Marketing for Your Business": a work, not an employer
    topic = _TOPIC_RE.search(rest)
    rest = rest[: topic.start()] if topic else rest
    possessive = _POSSESSIVE_RE.match(rest)
    if possessive:
        return possessive.group("org")
    person, comma, role = rest.partition(",")
    if not comma:
        return None
    parts = [p.strip() for p in role.split(",") if p.strip()]
    if opening.group("interviewer") and len(parts) >= 2 and _organisation(parts[-1]):
        return _organisation(parts[-1])  # "Amy Riley, Arts Enthusiast, Maryland Center for the Arts": after the title
    # "Co-Founder of Scientific Adventures for Girls": a founder's "of" comes before any "at", "with" or "for", which
    # then belongs to the name; "Director of Community Relations with X": a department's "of" does not.
    at, founded = _AT_RE.search(role), _FOUNDED_OF_RE.search(role)
    for found in (founded, at) if founded and (not at or founded.start() < at.start()) else (at, _OF_RE.search(role)):
        if found:
            # "Author of Undressed: ...": a work, not an employer.
            author = re.search(r"\b(?:[Aa]uthor|[Ww]riter|[Cc]reator|[Hh]ost)$", role[: found.start()])
            department = _DEPARTMENT_OF_RE.match(role, found.end()) if found is not founded else None
            found = department or found  # "Vice President of Technology of Hylaine": a department, then the firm
            tail = role[found.end() :].split(",")
            if found is not founded and found is not at and len(tail) > 1 and _organisation(tail[-1].strip()):
                return _organisation(tail[-1].strip())  # "Head of Marketing, Byline Bank": a department, then the bank
            org = _organisation(role[found.end() :])
            if org and re.fullmatch(r"[A-Z][a-z]+", org) and _PORTFOLIO_RE.search(role[: found.start()]):
                return None  # "Maryland Secretary of Agriculture": a government's portfolio, not an organisation
            return None if author else org
    # "John Wall, CTO and Co-Founder, FortressFire": the last part after the title.
    return _organisation(parts[-1]) if len(parts) >= 2 else None


# "Josh Roe, lead fund manager of the Acme Fund, tells Proactive's Stephen Gunnion ...": an interviewer's outlet.
_INTERVIEWER_VERB_RE = r"\b(?:tells|told|speaks\s+(?:to|with)|spoke\s+(?:to|with)|sits\s+down\s+with|sat\s+down\s+with|talks\s+(?:to|with)|joins|joined)\s+(?:the\s+)?"


def interviewer_outlet(org: str, lede: str) -> bool:
    """Whether the lede names an organisation only as the outlet of the person interviewing ("tells Proactive's")."""
    first = re.escape(org.split()[0])
    return re.search(rf"{_INTERVIEWER_VERB_RE}{first}\b", lede) is not None
