"""Whether what a release's opening named is an organisation at all, and whether its headline and lede agree on it."""

from __future__ import annotations

import re

from .names import (
    NAME_WORD,
    PERSON_RE,
    ROLE_RE,
    STRICT_LEGAL_RE,
    VERBS,
    core_words,
    domains_in,
    fold,
    has_word,
    leading_name,
    matches_domain,
    same_org,
)
from .persons import is_person
from .places import demonym, is_place

_MONTH_YEAR_RE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r"(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?\s+\d{4}"
)


def no_name(name: str | None, place: str | None = None) -> bool:
    """Whether a picked name names no one: nothing, a legal form alone ("Inc."), a country or state, or the
    dateline's own place ("Fort Worth" under "FORT WORTH, TX")."""
    if not name or not core_words(name) or is_place(name) or place_owned(name) or _MONTH_YEAR_RE.fullmatch(name):
        return True  # ("January 2025 marks a major milestone for ...": a date)
    if demonym(name):
        return True  # "Australian Super Caught in the AI Bubble ...": a place's people, not an organisation
    places = {fold(part.strip()) for part in (place or "").split(",") if part.strip()}
    return fold(name.strip(" ,.")) in places


_PUBLIC_BODY_WORD_RE = re.compile(
    r"\b(?:Department|Ministry|Assembly|Agency|Office|Council|Commission|Authority|Bureau|Board|Government|Court"
    r"|Legislature|Senate|University|College|Institute|Association|Bank|Police|Army|Navy|Museum|Library)\b"
)
_POSSESSOR_RE = re.compile(r"^(.+?)['\u2019]s?(?:\s|$)")


def place_owned(name: str) -> bool:
    """Whether a name is a place's possession ("Maryland’s Federal Job Losses", "Texas' Growth"): a topic."""
    owner = _POSSESSOR_RE.match(name)
    # A place's body is an organisation ("Thailand's Department of ...", "Maryland's General Assembly").
    return bool(owner) and is_place(owner.group(1)) and not _PUBLIC_BODY_WORD_RE.search(name[owner.end() :])


def setting_word(headline: str, word: str) -> bool:
    """Whether the headline names a one-word subject only as a setting ("... Rising to Fame in Renaissance Venice"
    over "Venice, 1710 Poinsettia Girl is ...": a place or a time the story is set in, not its organisation)."""
    named = list(re.finditer(rf"\b{re.escape(word)}\b", headline))
    # The word ends the name it is part of ("in Renaissance Venice"), unlike "at RALLY Conference".
    setting = rf"\b(?:in|from|near|across|around)\s+(?:[A-Z][\w\-]*\s+)?{re.escape(word)}\b(?!\s+[A-Z0-9])"
    return bool(named) and len(re.findall(setting, headline)) == len(named)


# "As a document scanning service in Seattle, Micro Com Systems has drafted ...": an opener calling the name after it
# a business.
_AS_KIND_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+)As\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,6}?(?:service|company|firm|provider|agency|business"
    r"|practice|clinic|studio|manufacturer|developer|specialist|organi[sz]ation|nonprofit|non-profit|consultancy)\b"
    r"[^,.]{0,60},\s+(?:the\s+)?(?=[A-Z])"
)


# A sentence's end (not an abbreviation's point: "Inc.", "J.").
_SENTENCE_END_RE = re.compile(r"(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\b[A-Z])[.!?](?=\s+[A-Z]|\s*$)")
# "Boston has a new book shop, Philip Salmon & Company Rare Books.": the lede's opener (a place) gains a new business,
# named in apposition.
_PLACE_GAINS_RE = re.compile(
    r"^(?P<place>[A-Z][\w.'\u2019\-]*(?:,?\s+[A-Z][\w.'\u2019\-]*){0,3})\s+(?:now\s+)?(?:has|gets|welcomes)\s+"
    r"(?:a|an|its)\s+(?:first|new|newest)\s+(?:[\w\-]+\s+){0,3}?(?:shop|store|bookstore|boutique|business"
    r"|restaurant|caf[e\u00e9]|bakery|bar|brewery|winery|gallery|clinic|practice|studio|salon|gym|firm|company|school"
    r"|hotel|dealership)\s*,\s+(?:the\s+)?(?=[A-Z])"
)
# "The nation's leading buyer-to-buyer event dedicated to ..., New York K-Food Fair, announces ...": a description
# opening the lede, then the name it describes between commas.
_DESCRIPTION_FIRST_RE = re.compile(r"^(?:The|A|An)\s+[^,.;:\n]{8,200}?,\s+(?=[A-Z])")
_AFTER_APPOSITION = ("is", "has", "have", "will", "today", "recently", "proudly")
# "The CEO of Acme, Jane Roe, announced ...": a description of a person's post names a person.
_POST_RE = re.compile(
    r"\b(?:CEO|CFO|COO|chief|president|chair\w*|director|officer|manager|head|owner|partner|vice)\b", re.I
)


# An event's tag opening the lede before its subject, as trade-show releases print it: "RSA Conference 2019— Mellanox
# Technologies, Ltd. (NASDAQ:MLNX) ...", "CES 2025 -- Zentro Labs ...". A tag is a short capitalised phrase that
# names an event (a year, or an event word) and ends in a dash before a capitalised word; an all-capitals tag is read
# as a second dateline place already.
_EVENT_TAG_RE = re.compile(
    r"^\s*(?P<tag>[A-Z0-9][\w&.'\u2019+-]*(?:\s+(?:of|the|and|for|on|&|[A-Z0-9][\w&.'\u2019+-]*)){0,6})"
    r"\s*(?:\u2014|\u2013|--)\s*(?=[A-Z])"
)
_EVENT_MARK_RE = re.compile(
    r"\b(?:(?:19|20)\d\d|Conference|Summit|Expo|Show|Congress|Week|Forum|Festival|Fair|Convention|Meeting|Symposium"
    r"|Exhibition|Keynote|Awards?)\b|[A-Za-z](?:19|20|2[0-9])\b"
)


# "Cisco SecureX Summary:RSA Conference 2020 -- Cisco, the leader ...": a summary's heading closed by a colon, run
# into the lede it sums up, names no one (its first words are a product's or a topic's).
_SUMMARY_HEADING_RE = re.compile(
    r"^\s*(?:[A-Z][\w&.'\u2019+-]*\s+){0,4}(?:Summary|Highlights|Overview|At a Glance|Key (?:Takeaways|Facts|Points)"
    r"|Fast Facts|Snapshot)\s*:\s*(?=[A-Z])"
)


def without_event_tag(lede: str) -> str:
    """The lede without an event's tag opening it ("CES 2019\u2014 Acme Widgets, Inc. ..." -> "Acme Widgets, ..."),
    nor a summary's heading before that tag ("Acme Widget Summary:CES 2019 -- Acme ...")."""
    heading = _SUMMARY_HEADING_RE.match(lede)
    rest = lede[heading.end() :] if heading else lede
    m = _EVENT_TAG_RE.match(rest)
    if m and _EVENT_MARK_RE.search(m.group("tag")):
        return rest[m.end() :]
    return lede


def described_subject(lede: str, headline: str = "") -> str | None:
    """The name a lede's sentence introduces as a business ("As a ... service in Seattle, Micro Com Systems has
    ...", "Boston has a new book shop, Philip Salmon & Company Rare Books."), or names between commas after a
    description opening the lede ("The nation's leading ... event, New York K-Food Fair, announces ...", the headline
    printing its first word: "The new project backed by X, Y, has added ..." under a headline on Z is about Y in
    passing), where its first sentence named no organisation."""
    m = _AS_KIND_RE.search(lede) or _PLACE_GAINS_RE.match(lede)
    rest = lede[m.end() :] if m else ""
    end = _SENTENCE_END_RE.search(rest)  # "... Rare Books. Collectors will ...": the name ends with its sentence
    name = leading_name(rest[: end.start()] if end else rest) if m else None
    if not name:
        m = _DESCRIPTION_FIRST_RE.match(lede)
        named = leading_name(lede[m.end() :]) if m else None
        rest = lede[m.end() + len(named) :] if named and lede.startswith(named, m.end()) else ""
        verb = rest[1:].split(maxsplit=1)[0].lower() if rest.startswith(",") and rest[1:].strip() else ""
        person = _POST_RE.search(m.group()) or ROLE_RE.search(m.group().lower()) if verb else None
        headlined = bool(named) and has_word(fold(headline), fold(named.split()[0]))
        if (
            (verb in VERBS or verb in _AFTER_APPOSITION)
            and headlined
            and not person
            and not is_person(named, lede, lede)
        ):
            name = named
    return name if name and not is_place(name) else None


_HONORIFIC_RE = (
    r"(?:Rep|Sen|Gov|Mayor|Senator|Representative|Congress(?:man|woman)|Council(?:man|woman)|Mr|Ms|Mrs|Dr)\.?"
)


def surname_of_person(name: str, text: str) -> bool:
    """Whether a one-word name is the surname of a person the text names with an honorific ("Rep. Jamie Raskin")."""
    return " " not in name and bool(re.search(rf"\b{_HONORIFIC_RE}\s+(?:[A-Z][a-z]+\s+)?{re.escape(name)}\b", text))


_OWNER_AFTER = r"(?:\.[a-z]{2,6})?\s+(?:program|programme|initiative|campaign|project)\s+(?:by|of|from)\s+(?:the\s+)?"


def programme_owner(name: str, text: str) -> str | None:
    """The organisation a programme is 'by' ("the NoCharityNeeded.com program by Wealth Armor"): it issues."""
    m = re.search(rf"\b{re.escape(name)}{_OWNER_AFTER}(?=[A-Z])", text)
    owner = leading_name(text[m.end() : m.end() + 200]) if m else None
    return owner if owner and not is_place(owner) and not is_person(owner, text, text) else None


def gerund(word: str, text: str) -> bool:
    """Whether a capitalised word ending in -ing is a verb the text also prints as its stem in lower case
    ("Honoring" beside "to honor"; not "Boeing")."""
    if not word.endswith("ing") or len(word) < 6 or not word[0].isupper():
        return False
    for m in re.finditer(rf"\b{re.escape(word)}\b", text):
        before = text[: m.start()].rstrip()
        if before and before[-1] not in ".!?:'\"\u2018\u201c#*-\u2013\u2014(":
            return False  # capitalised inside a sentence: a name ("... at Horning Manufacturing")
    stem = word[:-3].lower()
    return any(has_word(text, form) for form in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""))


_TITLED_PERSON_OF_RE = re.compile(
    r"^(?P<role>[A-Z][a-z]+)\s+[A-Z][\w'\u2019\-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'\u2019\-]+\s+of\s+(?:the\s+)?(?P<org>[A-Z].*)$"
)


def titled_person_org(name: str | None, lede: str) -> str | None:
    """The organisation of a person read with their title ("Attorney Eric Stevenson of Fasig | Brooks has been
    named ..."): the employer, whole as the lede prints it."""
    m = _TITLED_PERSON_OF_RE.match(name or "")
    if not m or not ROLE_RE.fullmatch(m.group("role").lower()):
        return None
    org = m.group("org")
    whole = (
        re.match(rf"{re.escape(org)}(?:\s*[|&]\s*[A-Z][\w'\u2019\-]*)*", lede[lede.find(org) :])
        if org in lede
        else None
    )
    return whole.group(0) if whole else org


_PROSE_JOINERS = {
    "of",
    "and",
    "for",
    "the",
    "de",
    "du",
    "la",
    "le",
    "des",
    "del",
    "y",
    "e",
    "in",
    "on",
    "at",
    "by",
    "&",
}
_TRAILING_FOUNDED_RE = re.compile(r"\s+(?:Founded|Established|Headquartered|Based)\b[^A-Z]*$")


def prose_cut(name: str | None) -> str | None:
    """A name cut where running prose took over ("Venture X office space options on the planet. For" from text in
    two columns run together, "Karen Kienbaum: a short profile by ..."): two lower-case words in a row are no name's."""
    if not name:
        return name
    name = re.split(r"(?<=[A-Za-z])[\-\u2013\u2014]\s+(?=[A-Z])", name)[0]  # "Sungold Solar- Leaders in ..."
    words = name.split()
    bare = [w.strip(",.;:") for w in words]
    again = bare.index(bare[0], 2) if bare[0] in bare[2:] else 0
    if again and bare[again : 2 * again] == bare[:again]:
        words = words[:again]  # "Gerard Matthews Gerard Matthews": a heading and its text's first words
    elif again and bare[again - 1] in ("At", "In", "For", "With") and words[again].endswith(","):
        words = words[: again - 1]  # "Biogen At Biogen, our mission is clear"
    name = " ".join(words)
    for i in range(1, len(words) - 1):
        pair = words[i : i + 2]
        if all(w[:1].islower() and w not in _PROSE_JOINERS for w in pair):
            head = " ".join(words[:i])
            while head.split() and head.split()[-1] in _PROSE_JOINERS:
                head = head.rsplit(" ", 1)[0] if " " in head else ""
            head = head.rstrip(" :;,-\u2013\u2014")
            return head if re.search(r"[A-Z0-9]", head) else name
    name = re.sub(r"(?<=s)['\u2019]$", "", name)  # "Candel Therapeutics\u2019 (NASDAQ: CADL) Lead Candidate ..."
    return _TRAILING_FOUNDED_RE.sub("", name)


def venue_about(headline: str, name: str) -> bool:
    """Whether the headline names an About section's organisation as where its subject appears ("... Showcased on
    Designing Spaces TV", "... at the Salon Spa Galleria"): a venue or a show, not the issuer."""
    # ("... on HTX's 11th Anniversary": its own occasion, not a venue.)
    return bool(re.search(rf"\b(?:on|at|in)\s+(?:the\s+)?{re.escape(name)}\b(?!['\u2019]s)", headline))


def headline_opens(headline: str, name: str) -> bool:
    """Whether the headline opens with the name as a whole (trademark signs aside): "RAW® Rolling Papers Surpasses
    ..." opens with "RAW Rolling Papers"."""
    bare = fold(headline.replace("\u00ae", "").replace("\u2122", "")).lstrip(" \"'\u201c")
    return bare.startswith(fold(name)) and has_word(bare[: len(name) + 1], fold(name))


# "GreenEnergyStocks ("GES") is a specialized communications platform ... one of 70+ brands within the Dynamic Brand
# Portfolio @ IBN": an About section presenting a publisher, whose story is about a company, not by it.
PUBLISHER_ABOUT_RE = re.compile(
    r"\b(?:communications\s+platform|(?:article|editorial|content)\s+syndication|financial\s+news\s+(?:platform|outlet)"
    r"|news\s+(?:outlet|publisher)|brands\s+within)\b",
    re.I,
)


# "Company Website https://igcpharma.com/": News Direct's contact block names the site of the company it distributes for.
_COMPANY_SITE_RE = re.compile(r"Company\s+Website\s*:?\s*(?:https?://)?(?:www\.)?([\w-]+)\.[a-z]{2,6}\b", re.I)


def company_site(contacts: str) -> set[str]:
    """The domain names the contact block gives as the company's own website ('igcpharma')."""
    return {m.group(1).lower().replace("-", "") for m in _COMPANY_SITE_RE.finditer(contacts)}


# Title Case verbs that end a subject a lede prints in a headline's style ("Stonegate Capital Partners Updates Coverage
# on ..."): third-person forms that no name ends with (not "Partners", "Reports", "Holdings", "Marks").
_NAME_ENDING_VERBS = set(
    """
announces updates launches unveils introduces completes expands secures signs appoints elects declares receives
wins joins acquires closes investigates reminds releases presents celebrates showcases highlights offers provides
becomes achieves reaches extends opens debuts begins starts adds delivers invests raises prices establishes says
earns ranks welcomes confirms agrees obtains approves promotes hires collaborates continues seeks publishes
explains explores reveals urges warns supports accelerates transforms creates builds helps makes invites grows
surpasses exceeds
""".split()
)


def cut_at_verb(name: str | None) -> str | None:
    """The name before a Title Case verb that a headline-style sentence ran into it ("Stonegate Capital Partners
    Updates Coverage" -> "Stonegate Capital Partners")."""
    if not name:
        return name
    words = name.split()
    for i, word in enumerate(words[1:-1], start=1):
        if word.lower() in _NAME_ENDING_VERBS and word[:1].isupper() and not word.isupper():
            return " ".join(words[:i])
    return name


# "..., Bedsure introduces the Bedsure PureWoven Bamboo Collection", "Acme Labs today announced ...": a name acting in
# a later sentence of a lede whose first sentence names no one.
_ACTOR_RE = re.compile(
    rf"(?:^|[.,;:\u2014]\s+|\n)(?P<name>{NAME_WORD}(?:\s+(?:{NAME_WORD}|of|and|&))*?)\s+(?:today\s+|proudly\s+|has\s+)?"
    r"(?:introduces|introduced|announces|announced|launches|launched|unveils|unveiled|debuts|debuted|presents)\b"
)


def lede_actor(lede: str, headline: str) -> str | None:
    """The first name in the lede that introduces, announces or launches something and that the headline prints too."""
    bare = headline.replace("\u00ae", "").replace("\u2122", "")
    for m in _ACTOR_RE.finditer(lede[:1500].replace("\u00ae", "").replace("\u2122", "")):
        name = m.group("name")
        if has_word(bare, name) and core_words(name) and not is_place(name):
            return name
    return None


_OFFICE_RE = re.compile(
    r"\b(?:Chair(?:man|woman|person)?|CEO|CFO|COO|CTO|President|Founder|Co-Founder|Director|Officer|Manager|Partner"
    r"|Executive|VP|Vice|Head|Principal|Owner)\b"
)


def described_person(subject: str, lede: str, text: str) -> str | None:
    """The person a subject ends with after Title Case words describing them ("Licensed Esthetician Christian
    Garcia is ...", quoted later as "Garcia said"), or None."""
    words = subject.split()
    if len(words) < 3 or STRICT_LEGAL_RE.search(subject) or _OFFICE_RE.search(subject):
        return None  # "Hive Digital Technologies Executive Chairman Frank Holmes": an organisation's officer
    for size in (3, 2):
        tail = " ".join(words[-size:])
        if len(words) <= size or not PERSON_RE.fullmatch(tail):
            continue
        # Referred to by surname alone elsewhere, as people are ("Garcia took steps"), not as a name's last word is.
        rest = text.replace(subject, " ").replace(tail, " ")
        surname = words[-1]
        if has_word(rest, surname) and not has_word(rest, surname.lower()) and is_person(tail, lede, text):
            return tail
    return None


def first_of_two(subject: str, evidence: list[str], text: str) -> str:
    """The first of two organisations a lede's subject joins ("HTX DAO and TRON, in collaboration with ..."), when
    the About sections and SOURCE line vouch for it alone and the text names the second on its own."""
    if " and " not in subject or STRICT_LEGAL_RE.search(subject):
        return subject
    first, second = (part.strip() for part in subject.split(" and ", 1))
    if not first or not second or fold(first) == fold(second):
        return subject
    alone = has_word(text.replace(subject, " "), second)
    if alone and any(same_org(first, n) for n in evidence) and not any(same_org(second, n) for n in evidence):
        return first
    return subject


_JOINER_WORDS = {"&", "and", "of", "for", "the"}


def headline_longer(company: str | None, headline: str) -> str | None:
    """The headline's longer spelling of a name, from its first word to its last, when the headline opens with it:
    "Suniasol Integrative Mental Health & Ketamine Clinic Empowers ..." for the lede's "Suniasol Clinic"."""
    if not company or " " not in company:
        return company
    words, head = company.split(), headline.split()[:10]
    if len(head) < 2 or head[0] != words[0] or head[1].rstrip(",:;") in (words[0], words[1]):
        return company
    for end in range(1, len(head)):
        word = head[end]
        if word.lower() in VERBS or not (word[:1].isupper() or word in _JOINER_WORDS) or word[-1] in ",:;":
            return company  # a verb, a lower-case word or a colon ends the headline's name first
        if word == words[-1]:
            longer = " ".join(head[: end + 1])
            return longer if len(core_words(longer)) > len(core_words(company)) else company
    return company


def contacts_side_with(about: str, contacts: str, domains: set[str]) -> bool:
    """Whether the contact block names an About section's organisation: its name, or a mail or web domain that spells
    it or its first word ("press@tron.network" for "TRON DAO", "@global.vic.gov.au" for "Global Victoria")."""
    joined = re.sub(r"[^a-z0-9]", "", fold(about))
    if len(joined) >= 4 and fold(about) in fold(contacts):
        return True
    return any(len(d) >= 4 and joined.startswith(d) for d in domains)


# "Moda Velocity 2025, held at the historic Pickering Barn ..., delivered ...": the lede's subject is an event.
_SETTING_CUT_RE = re.compile(r"\s+(?:at|in|on|during)\s+[A-Z][^.,;]{0,40}?\s+(?:The|This|Our|Its)\s+[a-z]")
_EVENT_APPOSITION_RE = re.compile(r",\s+(?:held|hosted|staged|which\s+took\s+place|taking\s+place)\s+(?:at|in|on)\b")


def passing_subject(subject: str, lede: str, headline: str, text: str) -> bool:
    """Whether the lede's opening name is a setting, not the issuer: an event described as held somewhere ("Moda
    Velocity 2025, held at ..."), or a phrase the release prints once and the headline never names (a section heading
    run into the lede: "Nexus Conference Home Run at Booth #13 The company stole the show ...")."""
    if not lede.startswith(subject) or STRICT_LEGAL_RE.search(subject):
        return False
    if _EVENT_APPOSITION_RE.match(lede, len(subject)):
        return True
    # Cut at a preposition and never printed again: a heading, not a name that goes on to act.
    cut = _SETTING_CUT_RE.match(lede, len(subject))
    return bool(cut) and text.count(subject) == 1 and not has_word(fold(headline), fold(subject))


# "At Affiliated Court Reporters, we are committed to ...": a first-person article speaks for the name after "At".
_FIRST_PERSON_RE = re.compile(
    r"(?:^|(?<=[.!?])\s+|\n\s*)At\s+(?P<name>[A-Z][\w&'\u2019.\-]*(?:\s+(?:[A-Z][\w&'\u2019.\-]*|of|and|&)){0,6}),"
    r"\s+(?:we|our\s+team)\b"
)


def first_person_org(text: str) -> str | None:
    """The organisation a first-person article's opening speaks for ("At Affiliated Court Reporters, we ..."), when
    the text prints it again; not a place ("At Denver, we ...") nor a person."""
    m = _FIRST_PERSON_RE.search(text[:1500])
    name = m.group("name") if m else None
    if not name or is_place(name) or is_person(name, text, text) or text.count(name) < 2:
        return None
    return name


# "Bitcoin, the pioneering cryptocurrency, is marking ...": an apposition calling the name a currency or an asset (not
# "a cryptocurrency exchange").
_ASSET_APPOSITION_RE = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?:cryptocurrency|crypto\s*currency|digital\s+currency|currency"
    r"|digital\s+asset|commodity)(?=\s*[,.;)])"
)
# "Start-ups and small businesses may benefit ...": a plural joined to a lower-case plural, common nouns both.
_PLURAL_PAIR_RE = re.compile(r"\s+(?:and|or)\s+(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*s\b")


def not_an_organisation(name: str | None, lede: str, text: str) -> bool:
    """Whether the text calls a name a currency or an asset at its first mention ("Bitcoin, the pioneering
    cryptocurrency, ..."), or the lede opens with it as a plural joined to lower-case plurals ("Start-ups and small
    businesses may ..."): no one issues as it."""
    if not name:
        return False
    at = text.find(name)
    if at >= 0 and _ASSET_APPOSITION_RE.match(text, at + len(name)):
        # A token's own project, which the release's web or mail address spells, issues it ("Kangamoon, a
        # play-to-earn meme coin" with kangamoon.com).
        return not matches_domain(name, domains_in(text))
    opening = lede.lstrip()
    return (
        " " not in name
        and name.endswith("s")
        and opening.startswith(name)
        and bool(_PLURAL_PAIR_RE.match(opening, len(name)))
    )
