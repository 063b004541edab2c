"""Who issues a release its lede does not plainly name: a byline's organisation, a report's author, a ranking's
author, the body honouring a person; a government is none. And what a repost's front matter says of its issuer."""

from __future__ import annotations

import re

from .names import (
    LEAD_NOISE_RE,
    PERSON_RE,
    STRICT_LEGAL_RE,
    VERBS,
    domains_in,
    first_of_pair,
    leading_name,
    matches_domain,
    same_org,
)
from .persons import is_person
from .places import is_place
from .sections import About
from .tickers import listing_groups
from .wires import canonical_wire

WEB_ADDRESS_RE = re.compile(r"https?://|www\.")


# "Netflix, Inc. ... earn the #1 ranking in the biggest corporate reputation study", "Acme was named to the list":
# the lede's subject is what a study ranks.
_RANKED_RE = re.compile(
    r"(?<!\w)(?:rank(?:s|ed|ing)?|#\s?1|No\.\s?1|number one|top spot|first place|named (?:to|among|one of)|tops)\b",
    re.I,
)
_STUDY = r"(?:study|survey|report|ranking|list|index|poll|awards?)"


def ranker(subject: str, lede: str, text: str, abouts: list[About]) -> str | None:
    """The study's author when the lede's subject is only what it ranks: the release's one About section names
    another organisation, which the text calls the study's author ("The study by Reputation Institute",
    "Reputation Institute's U.S. RepTrak 100") - a survey's sponsor issues it, not the company it ranks first."""
    if len(abouts) != 1 or same_org(abouts[0].name, subject) or not _RANKED_RE.search(lede):
        return None
    name = re.escape(first_of_pair(abouts[0].name))
    author = rf"{_STUDY}\s+(?:\w+\s+)?by\s+(?:the\s+)?{name}|{name}['\u2019]s?\s+(?:[\w.\-]+\s+){{0,4}}?{_STUDY}"
    return first_of_pair(abouts[0].name) if re.search(author, text, re.I) else None


# "According to a new report by Acme Research, ...", "A survey from the Acme Institute finds ...": the author.
_REPORT_BY_RE = re.compile(
    r"^(?:According\s+to\s+)?(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?(?:report|study|survey|analysis|poll|index)\s+"
    r"(?:released\s+|published\s+|conducted\s+)?(?:by|from)\s+(?:the\s+)?(?=[A-Z0-9])",
    re.I,
)


def report_author(lede: str) -> str | None:
    """The author of the report a lede opens with ("According to a new report by Acme Research, ...")."""
    m = _REPORT_BY_RE.match(LEAD_NOISE_RE.sub("", lede.strip()))
    if not m:
        return None
    name = leading_name(LEAD_NOISE_RE.sub("", lede.strip())[m.end() :])
    return name if name and not is_place(name) else None


# "ISBN: 978-... Publisher: Historium Press Order through Ingram": a book's publisher field.
_PUBLISHER_FIELD_RE = re.compile(r"\bPublisher\s*:\s*([A-Z][\w&'\u2019.\-]*(?:\s+[A-Z][\w&'\u2019.\-]*){0,4})")


def publisher_field(text: str, domains: set[str]) -> str | None:
    """A book's publisher printed as a field, when the release's own web or mail domain is the publisher's: the
    publisher issues the promotion (an author's own domain leaves the author to issue it)."""
    for m in _PUBLISHER_FIELD_RE.finditer(text):
        words = m.group(1).split()
        for end in range(len(words), 0, -1):  # "Historium Press Order": the longest run the domain spells
            if matches_domain(" ".join(words[:end]), domains):
                return " ".join(words[:end])
    return None


# "<a person> Has Been Recognized as One of America's Most Influential Businessmen by the International Association
# of Who's Who": the organisation honouring a person issues the release about them.
HONOURED_BY_RE = re.compile(
    r"\b(?i:recogni[sz]ed|honou?red|named|selected|inducted|awarded|chosen|featured)\b.*?\b(?i:by)\s+(?:(?i:the)\s+)?"
    r"((?:[A-Z][\w&.\-]*(?:['\u2019]s)?)(?:\s+(?:of|for|and|&|the|[A-Z][\w&.\-]*(?:['\u2019]s)?))*)\s*$"
)


# "The Biden Administration ...", "Starmer Government ...": a government named after its head, not an issuer (not
# "Small Business Administration", "Food and Drug Administration": agencies).
GOVERNMENT_RE = re.compile(r"(?:The\s+)?[A-Z][a-z]+\s+(?i:administration|government|cabinet)\b")


# "By Cboe", "By Mary Burke and Peter Riccio, Capital News Service": a byline line opening the story.
BYLINE_RE = re.compile(r"^\s*By\s+([^\n]{2,100}?)\s*$", re.M)


def byline_org(text: str, lede: str, body: str) -> str | None:
    """The organisation a byline names ('By Cboe', 'By Jane Roe and John Doe, Capital News Service'), not a person."""
    for m in BYLINE_RE.finditer(text[:1500]):
        people, _, org = m.group(1).rpartition(",")
        org = org.strip()
        # After the writers' names the organisation; alone, a name shaped like a person's ("By Jane Roe") is one.
        if not org[:1].isupper() or " and " in org or len(org.split()) > 6 or is_person(org, lede, body):
            continue
        if people or not PERSON_RE.match(org):
            return org
    return None


def front_matter_company(fields: dict[str, str], text: str) -> str | None:
    """The issuer a repost's front matter names besides 'company': its 'organization' or 'publisher', a 'source'
    that is no wire ("source: Acme Widgets Inc."), an 'author' that is no person's name. A source or author the
    release's text never prints is a site's label ("author: Newsroom"), not the issuer."""
    source = fields.get("wire") or ""
    candidates = [fields.get("organization"), None if canonical_wire(source) else source, fields.get("author")]
    for n, value in enumerate(candidates):
        value = (value or "").strip()
        if not value or WEB_ADDRESS_RE.search(value) or "/" in value or len(value.split()) > 8:
            continue
        if n == 2 and (
            PERSON_RE.match(value) or " and " in value or "," in value and not STRICT_LEGAL_RE.search(value)
        ):
            continue  # "author: Jane Doe", "author: Jane Doe and John Roe": the writers, not the issuer
        if n >= 1 and not _printed_in(value, text):
            continue
        return value
    return None


def _printed_in(name: str, text: str) -> bool:
    """Whether the text prints the name's first word of three letters or more (case-insensitive, whole word)."""
    words = [w for w in re.findall(r"[A-Za-z0-9&'.-]+", name) if len(w.strip(".'-")) >= 3]
    if not words:
        return True
    return (
        re.search(r"(?<![A-Za-z0-9])" + re.escape(words[0].strip(".'-")) + r"(?![A-Za-z0-9])", text, re.I) is not None
    )


def front_matter_tickers(value: str | None) -> list[str]:
    """The listings a front matter's 'ticker' field gives ("NASDAQ:ACMW", "NYSE: X, TSX: X"); none without an
    exchange."""
    if not value:
        return []
    return [t for group in listing_groups(f"({value.strip('[] ')})") for t in group.tickers]


# "About the Friedman & Simon Academic Scholarship Every year, ...": an About heading run into its text (24-7PressRelease
# glues them with spaces), which the section splitter cannot see.
# Also after a sentence, a link or a bracket ending a paragraph the feed ran together ("... (on Spotify) About ...").
_GLUED_ABOUT_RE = re.compile(
    r"(?:^|\n|(?<=[.!?/)])\s+)(?:About|ABOUT)\s+(?P<the>[Tt]he\s+)?(?P<rest>[A-Z0-9][^\n]{20,})"
)
# "... Watch the segment here About Marquis Who's Who\u00ae: Since 1899, ...": a heading closed by a colon, run into the
# sentence before it. It opens with its literal word, so the engine skips to each "About" rather than trying every
# position.
_COLON_ABOUT_RE = re.compile(r"About\s+(?=[^\n:.]{3,60}:\s)(?P<the>[Tt]he\s+)?(?P<rest>[A-Z0-9][^\n]{20,})")
# An About section for a programme, not an organisation: its first sentence names who runs it.
_PROGRAMME_RE = re.compile(
    r"\b(?:Scholarships?|Awards?|Prizes?|Program|Programme|Grants?|Fellowships?|Contest|Competition)$"
)
# "Brother Filtration is a trusted manufacturer ...": a closing sentence presenting the issuer without a heading.
_PRESENTS_RE = re.compile(
    r"\s+(?:is|are|offers|provides|specializes|specialises|serves|helps|has\s+been|was\s+founded)\b"
)
# "... contact the Brenner Scheel & Casey Team at floridakeysrealestategroup.com": the closing call to action.
# "TAPPIN is a software company committed to ...": a predicate that calls the name an organisation.
# "Children of God United is a global faith\u2011based movement ...": a movement, a ministry or a charity too (the
# adjectives' hyphens may be non-breaking).
_ORG_PREDICATE_RE = re.compile(
    r"\s+(?:is|are)\s+(?:a|an)\s+(?:[\w\-\u2010\u2011]+\s+){0,4}?(?:company|firm|provider|manufacturer|developer"
    r"|agency|clinic|practice|nonprofit|non-profit|organi[sz]ation|startup|start-up|studio|retailer|publisher"
    r"|consultancy|movement|ministry|church|charity|foundation|association)\b"
)
_HASHTAGS_RE = re.compile(r"#\w+\s+(?=[A-Z])")
_SHORT_FORM_RE = re.compile(r"\s*\([A-Z][A-Za-z&\-]{1,11}\)")
_CONTACT_US_RE = re.compile(
    r"\b(?:[Cc]ontact|[Cc]all)\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'\u2019.\-]*(?:\s(?:[A-Z][\w&'\u2019.\-]*|of|and|&)){1,7})\s+(?:at|on|by|via|today)\b"
)
_BUSINESS_WORD_RE = re.compile(
    r"(?:\s&\s|\b(?:Team|Group|Company|Firm|Law|Lawyers|Agency|Office|Clinic|Center|Centre|Associates|Partners|"
    r"Realty|Studio|Services)\b)"
)
_SENTENCE_RE = re.compile(r"\s*\n\s*|\s{2,}|(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_NAME_WORD_RE = re.compile(r"[A-Z0-9][\w&'\u2019.\-]*|of|and|&|for|de|the|in")


# "About PR Club Founded in 1948, PR Club (formerly ...) promotes ...", "About WebCE Recognized as a Newsweek Top
# Online Learning Provider ..., WebCE is ...": a participle's clause, then the heading's name; or a time's ("For over
# three decades, The Law Offices of ... has ...").
_FOUNDED_RE = re.compile(
    r"(?:[A-Z][a-z]{2,}ed|Known|Chosen)\b[^.,]{0,160},\s+(?:the\s+)?|(?:For|Since)\s+[a-z0-9][^.,]{0,160},\s+(?:[Tt]he\s+)?"
)


def _founded_then(body: str, name: str) -> bool:
    """Whether a heading's text opens with a founding clause and then repeats the heading's name."""
    m = _FOUNDED_RE.match(body)
    after = m.end() + len(name) if m else 0
    if m and body.startswith(name, m.end()) and not body[after : after + 1].isalnum():
        return True
    # "Headquartered in Denver, Colorado, Blazy Susan has ...": a place with its state before the name.
    return bool(m) and bool(re.match(rf"[^.,]{{0,40}},\s+(?:the\s+)?{re.escape(name)}\b", body[m.end() :]))


_GENERIC_HEADING_RE = re.compile(
    r"(?:Company|Firm|Practice|Organi[sz]ation|Business|Provider|Agency|Studio|Clinic|Sponsor|Issuer)\s+(?=[A-Z0-9])"
)
# "Dr. Lee of Wuhan TCM Clinic": a titled person of the organisation the section presents.
_TITLED_OF_RE = re.compile(
    r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+[A-Z][\w'\u2019\-]+(?:\s+[A-Z][\w'\u2019\-]+)?\s+of\s+(?:the\s+)?(?=[A-Z])"
)


_TITLE_RE = re.compile(r"(?:Dr|Mr|Mrs|Ms|Prof|Pastor|Rev)\.?\s")


def _heading_split(rest: str, generic: bool = False) -> tuple[str, str] | None:
    """(name, text) of a heading run into its text: where the text repeats the name ("Law Group of Iowa The Law Group
    of Iowa is ...", its "&" as "and" too), else after a programme's name ("Acme Scholarship Every year, ...")."""
    # "About the Company Nickel Masonry & Construction proudly serves ...": a generic heading, then the name its text
    # opens with.
    # Only after "the": "About Business Information Solutions Business ..." names the business itself.
    after_the, generic = generic, _GENERIC_HEADING_RE.match(rest) if generic else None
    if generic and (name := leading_name(rest[generic.end() : generic.end() + 300])):
        # One word must be printed again ("About the Company Voted best renovation company ...": no name).
        if " " in name or rest.count(name) > 1:
            return name, rest[generic.end() :]
    head, _, after = rest.partition(":")
    # A titled person of an organisation closed by a colon ("About Dr. Lee of Wuhan TCM Clinic:  Dr. Lee graduated
    # ..."): the section presents the clinic.
    titled = _TITLED_OF_RE.match(head)
    if titled and (after[:1].isspace() or not after) and all(_NAME_WORD_RE.fullmatch(w) for w in head.split()):
        return head[titled.end() :], after.strip()
    bare = re.sub(r"[\u2122\u00ae\u00a9]", "", head).strip()
    words = bare.split()
    if len(words) == 1 and after[:1].isspace() and re.match(rf"{re.escape(bare)}\s+(?:is|was|has)\b", after.strip()):
        return bare, after.strip()  # "About Debt.com: Debt.com is a leading ...": one word, its text's subject
    if (
        after[:1].isspace()
        and not after_the
        and 2 <= len(words) <= 6
        and all(_NAME_WORD_RE.fullmatch(w) for w in words)
        and not _TITLE_RE.match(bare)
        and bare in re.sub(r"[\u2122\u00ae\u00a9]", "", after)
    ):
        # "... Watch the segment here About Marquis Who's Who\u00ae: Since 1899, ... Marquis Who's Who\u00ae has ...": a
        # heading closed by a colon, the name printed again in its text (not "About the Book:", "About Dr. Sam:").
        return bare, after.strip()
    # "About WebCE\u00ae  Recognized ...": the name without its mark, the words one space apart.
    words = re.sub(r" {2,}", " ", re.sub(r"[\u2122\u00ae\u00a9]", "", rest)).split(" ")
    programme = None
    for k in range(1, min(9, len(words))):
        listed = words[k - 1].endswith(",") and words[k][:1].isupper()
        if not _NAME_WORD_RE.fullmatch(words[k - 1].removesuffix(",") if listed else words[k - 1]):
            break
        if listed:
            continue  # "About Craig, Kelley & Faultless Craig, Kelley & Faultless is ...": partners' names, commas between
        name, body = " ".join(words[:k]), " ".join(words[k:])
        lead = body.removeprefix("The ").removeprefix("the ").replace(" and ", " & ", name.count(" & "))
        if lead.startswith(name) or leading_name(body) == name or _founded_then(body, name):
            return name, body
        if k >= 2 and re.match(rf"The\s+{re.escape(words[k - 1].lower())}\b", body):
            return name, body  # "About DFW Car & Toy Museum The museum was founded ...": its last word as a noun
        initials = "".join(w[0] for w in words[:k] if w[:1].isupper())
        if k >= 2 and len(initials) == k and re.match(rf"{initials}\b", lead):
            return name, body  # "About Diversified Compliance Services DCS Rescue specializes in ...": its initials
        if _PROGRAMME_RE.search(name):
            programme = (name, body)
    return programme


# "As the largest hotel outside the city, ...": a section presenting a place events are held in.
_VENUE_RE = re.compile(
    r"\b(?:[Hh]otels?|[Rr]esorts?|[Vv]enues?|[Aa]renas?|[Ss]tadiums?|[Bb]allrooms?|[Cc]onvention|[Aa]uditoriums?"
    r"|[Tt]heat(?:re|er)s?|[Cc]onference\s+cent(?:re|er)|[Ee]vent\s+(?:space|cent(?:re|er)|hall))\b"
)


def _event_venue(name: str, body: str, before: str) -> bool:
    """Whether an About section presents the venue of the release's event, not its issuer: the text before it holds
    the event "at (the elegant) <name>" and the name or the section's first sentence calls it a venue ("About Hyatt
    Regency O'Hare Chicago: As the largest hotel outside the city, ...")."""
    first = re.split(r"(?<=[.!?])\s", body, maxsplit=1)[0][:300]
    if not _VENUE_RE.search(name) and not _VENUE_RE.search(first):
        return False
    lead = re.escape(" ".join(name.split()[:2]))
    # Its first mention is where the event is held ("The Grand Harbor Hotel today announced ... at the Grand Harbor
    # Hotel": the venue issues the release).
    first_mention = re.search(rf"\b{lead}\b", before)
    held_at = re.search(rf"\bat\s+(?:the\s+)?(?:[a-z]+\s+)?{lead}\b", before)
    return bool(first_mention and held_at and held_at.end() == first_mention.end())


# An organisation's word: a heading's name that the release prints elsewhere too is an organisation's.
_HEADING_ORG_RE = re.compile(
    r"\b(?:Firm|Law|Group|Company|Clinic|Center|Centre|Foundation|Association|Institute|Agency|Studio|Academy|Church"
    r"|Society|Council|Partners|Services|Solutions)$"
)


# A person's title opening a section's text: "Attorney Kelvin Birk holds ...", "Dr. Jane Roe founded ...".
_TITLE_OPENS_RE = re.compile(
    r"(?:Attorney|Lawyer|Dr\.|Doctor|Founder|Co-Founder|CEO|President|Owner|Director|Principal|Partner|Pastor|Chef"
    r"|Mr\.|Ms\.|Mrs\.)\s+[A-Z]"
)


def _printed_heading(rest: str, text: str) -> tuple[str, str] | None:
    """(name, text) of a heading run into a text that opens otherwise ("About Birk Law Firm Attorney Kelvin Birk holds
    ..."): the longest run of its first words ending in an organisation's word that the release prints twice
    elsewhere."""
    words = rest.split(" ", 7)[:6]
    for k in range(min(6, len(words) - 1), 1, -1):
        name = " ".join(words[:k])
        if all(_NAME_WORD_RE.fullmatch(w) for w in words[:k]) and _HEADING_ORG_RE.search(name):
            body = rest[len(name) :].strip()
            if text.count(name) >= 3 and _TITLE_OPENS_RE.match(body):
                return name, body
    return None


def glued_abouts(text: str) -> list[About]:
    """The About sections run into their text; a programme's section counts for the organisation its first sentence
    names ('About the Acme Scholarship Every year, Acme Law LLP presents ...')."""
    found = []
    colon = [m for m in _COLON_ABOUT_RE.finditer(text) if m.start() >= 2 and text[m.start() - 2].islower()]
    for m in sorted([*_GLUED_ABOUT_RE.finditer(text), *colon], key=lambda m: m.start()):  # in the text's order
        split = _heading_split(m.group("rest"), generic=bool(m.group("the"))) or _printed_heading(m.group("rest"), text)
        if not split:
            continue
        name, body = split
        if _PROGRAMME_RE.search(name):
            runner = leading_name(body) or ""
            # "Established a decade ago to recognize ..., the award ...": a participle, no one named; the programme
            # presents itself.
            participle = " " not in runner and runner.endswith(("ed", "ing")) and runner not in _NOT_PARTICIPLE
            name = name if participle else runner
        if (
            not name
            or is_place(name)
            or is_person(name, body, text)
            or (_PROGRAMME_RE.search(name) and name != split[0])
            or _event_venue(name, body, text[: m.start()])
        ):
            continue
        found.append(About(name, body))
    return found


def with_glued_abouts(abouts: list[About], text: str, headline: str = "") -> list[About]:
    """The About sections found, then those run into their text that the section reader missed ("About Blazy Susan
    Headquartered in Denver, Colorado, Blazy Susan has ..." before the partners' headed ones)."""
    if not abouts or text.count("About ") + text.count("ABOUT ") <= len(abouts):
        return abouts  # no heading left that the section reader did not read
    missed = [g for g in glued_abouts(text) if not any(same_org(g.name, a.name) for a in abouts)]
    # The headline's subject's section first ("Acme and Partner Co Celebrate ..." over "About Acme Your neighborhood
    # Acme has ..." and a headed "About Partner Co"); other missed ones after the headed ones, which keep precedence
    # (a missed one still vouches for the lede's subject).
    opening = headline.removeprefix("The ")
    lead = [g for g in missed if opening.startswith(g.name) and not opening[len(g.name) : len(g.name) + 1].isalnum()]
    return [*lead, *abouts, *(g for g in missed if g not in lead)]


def closing_about(text: str, domains: set[str]) -> About | None:
    """The closing sentence that presents the issuer without an About heading ("Total Publishing And Media offers
    the full range of ...", "UGI Utilities, Inc. is a natural gas ..."), when the name carries a legal form or
    is the release's web or mail domain ('avenueaesthetics.com' for "Avenue Aesthetic and Reconstructive Surgery")."""
    tail = text[-2000:]
    domains = domains | domains_in(re.sub(r"www\.\s+", "www.", tail))
    sentences = [p for p in _SENTENCE_RE.split(tail) if len(p) > 30][-6:]
    # "... #childrenofgodunited #shelmireministries Children of God United is a global ... movement": the sentence
    # after the hashtags run into it.
    sentences = [_HASHTAGS_RE.split(p)[-1] if "#" in p else p for p in sentences]
    for para in reversed(sentences):
        name = leading_name(para)
        # "Heavenly Culture World Peace Restoration of Light (HWPL) is a non-governmental ...": past its short form.
        short = _SHORT_FORM_RE.match(para, len(name)) if name else None
        end = short.end() if short else len(name or "")
        if not name or not para.startswith(name) or not _PRESENTS_RE.match(para, end):
            continue
        if is_person(name, para, text) or is_place(name) or len(name.split()) > 7 or name.startswith("About "):
            continue  # ("About Quinn Patton Quinn Patton is ...": a heading run into its text, not a name)
        joined = re.sub(r"[^a-z0-9]", "", name.lower())
        if (
            STRICT_LEGAL_RE.search(name)
            or (len(joined) >= 6 and any(d[:8] == joined[:8] and len(d) >= 6 for d in domains))
            or _ORG_PREDICATE_RE.match(para, end)
        ):
            return About(name, para)
    for para in reversed(sentences):
        contact = _CONTACT_US_RE.search(para)
        name = contact.group("name") if contact else ""
        # A person is contacted too ("contact Jenny Roe at ..."): only a name that says it is a business counts.
        if (_BUSINESS_WORD_RE.search(name) or STRICT_LEGAL_RE.search(name)) and not is_person(name, para, text):
            return About(name, para)
    return None


# "Organised by Dubai Electricity and Water Authority (DEWA), WETEX runs ...": an event's organiser issues it.
_EVENT_RE = re.compile(r"\b(?:Exhibition|Expo|Conference|Summit|Festival|Forum|Fair|Convention|Congress|Show)\b")
_ORGANISER_RE = re.compile(
    r"\b(?:[Oo]rgani[sz]ed|[Hh]osted|[Cc]onvened)\s+by\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&'\u2019.\-]*(?:\s(?:[A-Z][\w&'\u2019.\-]*|of|and|&|for|de|the)){0,8})"
)


def event_organiser(subject: str, lede: str) -> str | None:
    """The organiser the lede names when its subject is an event ('The 26th Water, Energy, Technology, and
    Environment Exhibition (WETEX) will ... Organised by Dubai Electricity and Water Authority (DEWA), ...')."""
    start = lede.find(subject)
    if start < 0 or not _EVENT_RE.search(lede[start : start + 160]):
        return None
    m = _ORGANISER_RE.search(lede[:600])
    if not m:
        return None
    name = re.sub(r"\s+(?:and|of|&|for|de|the)$", "", m.group("name").rstrip("."))
    return None if is_person(name, lede, lede) or name == subject else name


# "Photo courtesy of Getty Images Source: American Heart Association Family Features": a syndicated feature's closing
# credit names its sponsor, then the syndicate that placed it.
_CREDIT_RE = re.compile(r"(?:^|[\s.])Source:\s+(?P<name>[A-Z][^\n:]{2,90}?)\s*$")
_SYNDICATES_RE = re.compile(r"\s+(?:Family Features|StatePoint(?: Media)?|North American Precis Syndicate|NAPS)$")


# The end mark a release may close with under its credit ("###", "# # #", "-30-"), as a text saved from Word keeps it
# (on a line of its own, or joined to the credit's line when the text was unwrapped).
_END_MARK_RE = re.compile(r"(?:\s+(?:#[ \t]*#[ \t]*#|-[ \t]*30[ \t]*-)[ \t]*)+$")


def closing_credit(text: str) -> str | None:
    """The sponsor a closing 'Source: ...' credit names, the syndicate's name after it left off."""
    m = _CREDIT_RE.search(_END_MARK_RE.sub("", text[-300:].rstrip()).rstrip())
    if not m:
        return None
    name = _SYNDICATES_RE.sub("", m.group("name")).strip(" .")
    return None if not name or WEB_ADDRESS_RE.search(name) or is_person(name, text, text) else name


# "denton, United States - June 22, 2026 / Affordable Dentist Near me of Denton /": a Press Services dateline the
# dateline reader passed over (a lower-case place) names its issuer between slashes.
_SLASHED_ISSUER_RE = re.compile(
    r"^[^/\n]{2,60}?\s[-\u2013\u2014]\s[A-Z][a-z]+\.?\s\d{1,2},\s\d{4}\s*/\s*(?P<name>[^/\n]{2,80}?)\s*/\s*$"
)


def slashed_issuer(lede: str) -> str | None:
    """The issuer a lede that is only a 'place - date / Issuer /' line names."""
    m = _SLASHED_ISSUER_RE.match(lede.strip())
    return m.group("name") if m else None


# "About the Provider:", "About the Company": a heading that names no one; the section's first sentence does.
_GENERIC_ABOUT_RE = re.compile(
    r"(?i:the\s+|our\s+)?(?:Provider|Company|Firm|Practice|Organi[sz]ation|Business|Client|Sponsor|Author|Artist|Brand|"
    r"Publisher|Developer|Issuer|Agency|Studio|Team|Clinic)$"
)


# "About the Owner", "About the Founders": a section presenting people, not the issuer.
_WORK_ABOUT_RE = re.compile(
    r"(?i:the\s+)?(?:Book|Novel|Memoir|Poems|Collection|Film|Movie|Documentary|Album|Song|Single|Series|Episode|Game|"
    r"App|Exhibit|Exhibition)$"
)
_PEOPLE_ABOUT_RE = re.compile(
    r"(?i:the\s+)?(?:Owners?|Founders?|Co-Founders?|Chef|Doctor|Host|Speakers?|Coach|CEO|President|Director|Experts?)$"
)


def _heading_before_repeat(name: str) -> str:
    """A heading line that ran on into its text, cut where the text repeats the name's first word: "About CodeShield
    Construction Group  CodeShield" (the text goes on "Construction Group is ...") -> "CodeShield Construction Group";
    not "Johnson & Johnson"."""
    founded = re.search(r"\s(?=(?:Founded|Established|Formed|Launched|Headquartered|Based|Created)\b)", name)
    if founded and _founded_then(name[founded.end() :], name[: founded.start()]):
        return name[: founded.start()]  # "QS Fencing Established in 2010, QS Fencing"
    words = name.split()
    for k in range(1, len(words)):
        head = " ".join(words[:k])
        if words[k] == words[0] and words[k - 1] not in ("&", "and", "of", "the", "for") and not head.endswith(","):
            return head
        if words[k] == words[0]:
            return name
    return name


def _heading_into_sentence(name: str, body: str) -> str:
    """A heading line that ran on into its text's opening clause, cut where the clause starts: "Huntington Fine
    Jewelers For over" over "35 years, Huntington Fine Jewelers has served ..." -> "Huntington Fine Jewelers"."""
    words = name.split()
    for k in range(1, len(words)):
        if words[k][:1].isupper() and (k + 1 == len(words) or not words[k + 1][:1].isupper()):
            head = " ".join(words[:k])
            if leading_name(f"{' '.join(words[k:])} {body}"[:300]) == head:
                return head
    return name


def named_abouts(abouts: list[About], text: str) -> list[About]:
    """The About sections with the names they are about: a generic heading ("About the Provider:", "About the
    auction") takes the name its text opens with; a first name alone ("About Jay:" over "Jay Paterno is an author
    ...") or a role ("About the Owner") is a person's."""
    found = []
    for about in abouts:
        name, body = about.name, about.text
        if ": " in name and not body:
            name, body = name.split(": ", 1)  # "About Jay: Jay Paterno is ..." read as one heading
            about = About(name, body)
        if name.isupper() and _GENERIC_ABOUT_RE.fullmatch(name.title()):
            name = name.title()  # "ABOUT THE AUTHOR": a shouted heading names a role as a title-case one does
        if _PEOPLE_ABOUT_RE.fullmatch(name) or _WORK_ABOUT_RE.fullmatch(name):
            continue  # ("About the Book": a work the release presents, not who issues it)
        name = _heading_into_sentence(_heading_before_repeat(name), about.text)
        # "About the auction": one lower-case word, no name (not "eBay", nor "lululemon athletica inc.").
        lower = name[:1].islower() and " " not in name and not re.match(r"[a-z]+[A-Z0-9]", name)
        if _GENERIC_ABOUT_RE.fullmatch(name) or lower:
            at = text.find(name)
            body = body or (text[at + len(name) :].lstrip(" :\n") if at >= 0 else "")
            name = leading_name(body[:300]) or ""
            if not name or is_person(name, body, text):
                continue
        elif " " not in name and re.search(rf"\b{re.escape(name)}\s+[A-Z][a-z]+\s+(?:is|was|has)\b", about.text or ""):
            continue  # "About Jay: Jay Paterno is an author ...": the first name of the person the section presents
        found.append(About(name, about.text))
    return found


# "Stephanie Vanderbilt of ...": a surname, then "of"; not a governing body ("Acme Board of Directors").
_PERSON_OF_RE = (
    r"\s+(?!(?:Board|Council|Committee|Trustees|Directors|Governors)\b)[A-Z][\w'\u2019\-]+\s+of\s+(?:the\s+)?"
)
_NAME_PART_RE = re.compile(r"[A-Z][\w&'\u2019.\-]*|&|and|of")
_NOT_PARTICIPLE = {"United", "Limited", "Incorporated", "Red", "Reed", "Seed", "Speed", "Feed"}


def first_name_employer(company: str | None, headline: str, text: str) -> str | None:
    """The organisation of a person whose first name was read as the company: "Stephanie Vanderbilt of Coastal
    Windows & Exteriors Featured on ..." gives "Coastal Windows & Exteriors", not "Stephanie"."""
    if not company or " " in company:
        return company
    for source in (text[:1500], headline):
        m = re.search(rf"\b{re.escape(company)}{_PERSON_OF_RE}", source)
        if not m:
            continue
        words = []
        for word in source[m.end() :].split():
            word = word.rstrip(",.;:")
            title_verb = word.endswith("ed") and word not in _NOT_PARTICIPLE
            if not _NAME_PART_RE.fullmatch(word) or word.lower() in VERBS or title_verb:
                break
            words.append(word)
        while words and words[-1] in {"&", "and", "of"}:
            words.pop()
        if len(words) >= 1 and words[0][:1].isupper():
            return " ".join(words)
    return company


_PART_OF_RE = r",?\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}?(?:division|unit|subsidiary|part|member|program|programme|affiliate|arm)\s+of\s+(?:the\s+)?"


def division_about(abouts: list[About], lede: str) -> About | None:
    """Of two About sections, the one whose organisation the lede calls a division of the other's: "... the American
    Stroke Association, a division of the American Heart Association, is raising awareness ..." is the Stroke
    Association's campaign, whichever About is printed first."""
    for part in abouts:
        for whole in abouts:
            if part is not whole and re.search(
                rf"{re.escape(part.name)}{_PART_OF_RE}{re.escape(whole.name)}", lede, re.I
            ):
                return part
    return None


# "About SecureAgent SecureAgent is VectorCertain LLC's AI Safety and Governance Platform ...": a product's section,
# its text naming the maker by a possessive.
_MAKERS_RE = re.compile(
    r"\s+is\s+(?:the\s+)?(?P<org>[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|of|&)){0,4})['\u2019]s\s+(?:[\w\-]+\s+){0,6}?"
    r"(?i:platform|product|app|application|software|tool|service|solution|brand|line|system|device)\b"
)


def makers_abouts(abouts: list[About], headline: str, text: str) -> list[About]:
    """The About sections, a product's presenting its maker instead when its text names the maker's product by a
    possessive ("SecureAgent is VectorCertain LLC's AI Safety and Governance Platform")."""
    out = []
    for about in abouts:
        body = about.text.lstrip()
        m = _MAKERS_RE.match(body, len(about.name)) if body.startswith(about.name) else None
        org = m.group("org") if m else None
        # Its maker by a legal form or by the headline's possessive ("How VectorCertain's SecureAgent ..."), not a
        # network a platform runs on ("JustLend DAO is TRON's decentralized financial platform").
        first = org.split()[0] if org else ""
        if org and (STRICT_LEGAL_RE.search(org) or re.search(rf"\b{re.escape(first)}['\u2019]s\b", headline)):
            about = About(org, about.text)
        out.append(about)
    return out
