"""Whether the places where a release names its own issuer agree with the pick.

An About heading, the SOURCE line, the contact block and the release's web and mail domains each say who issued a
release. A pick none of them vouches for ("Unleash" of "Unleash Your Child's Imagination ...") yields to a name that
two of them do ("About Kooky Goats Books" with kookygoatbooks.com); a pick one of them vouches for stays.
"""

from __future__ import annotations

import re

from .authorship import WEB_ADDRESS_RE
from .credits import BRAND_ABOUT_RE
from .names import (
    PERSON_RE,
    STRICT_LEGAL_RE,
    common_word,
    core_words,
    domains_in,
    fold,
    has_word,
    leading_name,
    matches_domain,
    same_org,
)
from .persons import is_person
from .places import is_place
from .sections import About
from .subject import PUBLISHER_ABOUT_RE
from .wires import canonical_wire

# Words a sentence opens with, run into the heading before them ("TG.Casino AnnouncementIn a May 6 tweet, ...").
_GLUED_OPENER_RE = re.compile(
    r"^[A-Z][a-z]{5,}(?:In|On|At|As|For|With|This|The|Our|We|Today|Since|Founded|After|Following|Earlier|Last)$"
)
# "South Auckland's rising ... stars", "back home in South Auckland": a part of a place the text says one is in or from.
_REGION_NAME_RE = re.compile(
    r"^(?:Northern|Southern|Eastern|Western|North|South|East|West|Central|Upper|Lower|Greater)"
    r"\s+[A-Z][a-z\u00e0-\u00ff]+$"
)
_ORG_WORD_RE = re.compile(
    r"\b(?:Bank|Group|Company|Corp\w*|Inc|LLC|Ltd|Partners|Capital|Holdings|Club|College|University|School|Hospital"
    r"|Church|Center|Centre|Foundation|Association|Society|Council|Agency|Institute|Studios?|Media|Realty|Law|Clinic"
    r"|Services|Solutions|Systems|Technologies|Energy|Airlines?|Motors|Brewing|Farms?|Gym|Academy|Team|Fund)\b"
)


# A public relations agency in the contacts speaks for its client.
_AGENCY_RE = re.compile(r"\b(?:PR|Public Relations|Communications|Media Relations)(?:,?\s+(?:Inc|LLC|Ltd)\.?)?$")


_READER_RE = re.compile(r"\s+(?:your|yourself|you)\b")


def addresses_reader(name: str | None, lede: str) -> bool:
    """Whether a one-word name opening the lede is a verb calling the reader ("Unleash your inner artist ...")."""
    if not name or " " in name or not lede.startswith(name):
        return False
    return bool(_READER_RE.match(lede, len(name)))


def product_maker(name: str | None, text: str) -> str | None:
    """The organisation whose product the name is: "ByEnzo Jewelry's Platinum Cuban Chain", the possessor printed as a
    name elsewhere in the text; None when the text prints no such possessor."""
    if not name or (f"'s {name}" not in text and f"\u2019s {name}" not in text):
        return None  # a substring test first: the pattern would scan every release without an About section
    m = re.search(rf"\b((?:[A-Z][\w&\-]*\s+){{0,3}}[A-Z][\w&\-]*)['\u2019]s\s+{re.escape(name)}\b", text)
    if not m or m.group(1).startswith("The ") or same_org(m.group(1), name):
        return None
    maker = m.group(1)
    if re.search(rf"\b(?:in|at|near|from)\s+{re.escape(maker)}\b", text):
        return None  # "venues in Streamwood, Algonquin, and Crystal Lake": a place, not a maker
    if _founder_of(maker, name, text):
        return None  # "Kiana Danial's Invest Diva", "Founded by ... Kiana Danial": her organisation, not her product
    return maker if " " in maker and text.count(maker) >= 2 and not is_place(maker) else None


# "The 2025 Annual Federal Tax Refresher (AFTR) course is now available ...": the name before a lower-case noun and a
# verb qualifies a thing the sentence is about.
_THING_AFTER_RE = r"(?:\s*\([^()]{1,30}\))?\s+(?P<noun>[a-z]{3,})\s+(?:is|are|was|were|has|have|will|now|can)\b"
_NOT_THING_NOUNS = {"and", "the", "for", "with", "today", "inc", "llc", "corp", "which", "who", "that", "also"}


def thing_maker(subject: str | None, lede: str, abouts: list[About]) -> str | None:
    """The organisation an About section presents, when the lede's subject names a thing it offers ("The 2025 Annual
    Federal Tax Refresher (AFTR) course is now available from WebCE, a leading provider ..." with "About WebCE") and the
    lede names that organisation after it, after "from" or "by"."""
    if not subject or not abouts:
        return None
    m = re.search(re.escape(subject) + _THING_AFTER_RE, lede[:600])
    if not m or m.group("noun") in _NOT_THING_NOUNS:
        return None
    after = lede[m.end() : m.end() + 300]
    # Offered "from" or "by" it: not an About naming another thing the sentence lists ("... of PD-1 inhibitor Libtayo
    # and oncolytic virus Voyager-V1" with "About Voyager-V1").
    return next(
        (
            a.name
            for a in abouts
            if re.search(rf"\b(?:from|by)\s+(?:the\s+)?{re.escape(a.name)}(?![\w\-])", after)
            and not same_org(a.name, subject)
        ),
        None,
    )


def _founder_of(person: str, name: str, text: str) -> bool:
    """Whether a possessor is a person behind the name: the person reader says so, or the text says they founded,
    created or lead it ("Founded by ... Kiana Danial, Invest Diva ...")."""
    if not PERSON_RE.match(person):
        return False
    who = re.escape(person)
    return is_person(person, text[:600], text) or bool(
        re.search(rf"\b(?:[Ff]ounded|[Cc]reated|[Ss]tarted|[Ll]ed)\s+by\b[^.]{{0,160}}\b{who}\b", text)
        or re.search(rf"\b{who},\s+(?:the\s+)?(?:founder|co-founder|creator|CEO)\s+of\s+{re.escape(name)}\b", text)
    )


def glued_opener_cut(name: str | None) -> str | None:
    """A name without a heading word run into the text's first word: 'TG.Casino AnnouncementIn' -> 'TG.Casino'."""
    if not name or " " not in name:
        return name
    head, last = name.rsplit(" ", 1)
    return head if _GLUED_OPENER_RE.search(last) and last[0].isupper() else name


def region_of_place(name: str | None, text: str) -> bool:
    """Whether a name is a part of a place ('South Auckland'): a compass or region word and one word, no organisation
    word, printed after "in", "from" or "across" in the text (not "North Bay Resources")."""
    if not name or not _REGION_NAME_RE.match(name) or _ORG_WORD_RE.search(name):
        return False
    if is_place(name):
        return True
    return bool(re.search(rf"\b(?:in|from|across|throughout|around)\s+(?:the\s+)?{re.escape(name)}\b(?![\w\-])", text))


def _domain_spells(name: str, domains: set[str]) -> bool:
    """Whether a web or mail domain spells the name, a plural's "s" aside ('Kooky Goats Books' ~ kookygoatbooks)."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(name)) if w not in ("the", "inc", "llc", "ltd", "corp", "co")]
    if not words or sum(len(w) for w in words) < 4:
        return False
    pattern = re.compile("".join(re.escape(w[:-1] if w.endswith("s") and len(w) > 3 else w) + "s?" for w in words))
    return any(pattern.fullmatch(d) for d in domains)


def _vouchers(name: str, witnesses: list[tuple[str, str]], domains: set[str]) -> set[str]:
    """The kinds of witness (about, source, contact, domain) that name the same organisation as name."""
    kinds = {kind for kind, witness in witnesses if same_org(name, witness)}
    if _domain_spells(name, domains):
        kinds.add("domain")
    return kinds


def corroborated_pick(
    company: str | None,
    witnesses: list[tuple[str, str]],
    domains: set[str],
    text: str,
) -> str | None:
    """The pick when a witness vouches for it or none vouches for another name; else the first witness's name that
    two kinds of witness vouch for and the text prints outside its heading. witnesses: (kind, name) pairs, kind one
    of about, source, contact."""
    if company and (_vouchers(company, witnesses, domains) or _named_firmly(company, text)):
        return company
    if company and any(_initials_of(company, name) for _kind, name in witnesses):
        return company  # "United Network for Organ Sharing" with "About UNOS": the name written out
    for _kind, name in witnesses:
        if not core_words(name) or (company and same_org(company, name)):
            continue
        if len(_vouchers(name, witnesses, domains)) >= 2 and text.count(name) + text.count(fold(name)) >= 2:
            return name
    return company


def _named_firmly(name: str, text: str) -> bool:
    """Whether a pick reads as an organisation of its own: a legal form or an organisation's word, or printed three
    times ("Rogue Space Systems Corporation", "Cereal4All" beside a partner's About section and domain)."""
    return bool(STRICT_LEGAL_RE.search(name) or _ORG_WORD_RE.search(name)) or text.count(name) >= 3


def _initials_of(name: str, short: str) -> bool:
    """Whether short is name's acronym: the initials of its capitalised words ('UNOS', 'ESPG')."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w&'\-]*", name))
    return len(short) >= 3 and short.isupper() and initials.startswith(short.rstrip("."))


def vouched_issuer(
    company: str | None,
    abouts: list[About],
    source_name: str | None,
    contacts: str,
    text: str,
    headline: str,
    issuer_line: str | None = None,
) -> str | None:
    """The pick, or the name its About headings, SOURCE line, contacts and domains agree on (corroborated_pick). A pick
    the headline or the wire's issuer line ("/ Net Business International /") names stays; publishers' brands, wires
    and people vouch for no one."""
    if company and (has_word(fold(headline), fold(company)) or same_org(company, issuer_line)):
        return company
    domains = domains_in(f"{contacts}\n{text[-2000:]}")
    witnesses = [("about", a.name) for a in abouts if not PUBLISHER_ABOUT_RE.search(a.text[:400])]
    if source_name and plausible_source(source_name):
        witnesses.append(("source", source_name))
    if contact := contact_org(contacts, domains):
        witnesses.append(("contact", contact))
    witnesses = [(kind, name) for kind, name in witnesses if _may_vouch(name, text)]
    if company and not witnesses and text.count(company) <= 1 and not _named_firmly(company, text):
        return _spoken_for(text, domains) or company
    return corroborated_pick(company, witnesses, domains, text) if witnesses else company


# "At Fast Guard Service, we take pride in ...": the organisation a first-person sentence speaks for (a sentence's
# "At", after a heading run into it too: "Security and Trust at Every Level At Fast Guard Service, we ...").
_WE_AT_RE = re.compile(
    r"(?<!\S)At\s+(?P<name>[A-Z][\w&'\u2019.\-]*(?:\s+(?:[A-Z][\w&'\u2019.\-]*|of|and|&)){0,6}),"
    r"\s+(?:we|our\s+team)\b"
)


def _spoken_for(text: str, domains: set[str]) -> str | None:
    """The organisation a first-person sentence speaks for ("At Fast Guard Service, we ...") when the release's own
    mail or web domain spells it: the issuer, named once, of a release whose pick is printed nowhere else ("Introduction
    Hello" of a heading run into a greeting); not a place nor a person."""
    for m in _WE_AT_RE.finditer(text):
        name = m.group("name")
        if matches_domain(name, domains) and not is_place(name) and not is_person(name, text, text):
            return name
    return None


def _may_vouch(name: str, text: str) -> bool:
    """Whether a witness's name can be an issuer: not a publisher's brand, a wire, a person or a common word."""
    if BRAND_ABOUT_RE.search(name) or canonical_wire(name) or re.match(r"(?:Dr|Mr|Mrs|Ms|Prof)\.?\s", name):
        return False
    if _AGENCY_RE.search(name):
        return False  # "Farrington PR" in the contacts: the agency that sent it, not its client
    if STRICT_LEGAL_RE.search(name):
        return True
    if " " not in name.strip():  # one word: "CaseyGerry", "Debt.com", "HKTDC"; not "Jay" nor "Book"
        return bool(re.search(r"[a-z][A-Z]|\.[a-z]|^[A-Z]{3,}$", name))
    return not is_person(name, "", text)


def contact_org(contacts: str, domains: set[str]) -> str | None:
    """The organisation named first in a contact block ('Contact Details / YourUpdateTV / +1 212 ...'), not a person."""
    m = re.match(
        r"\s*(?:Media\s+|Press\s+|Company\s+)?Contact(?:s|\s+Details|\s+Information)?\s*:?\s*\n*\s*([^\n]{2,60})",
        contacts,
    )
    if not m:
        return None
    line = m.group(1).strip()
    if re.search(r"[@\d]|^(?:Media|Press|Investor|Public|PR|Enquiries|Inquiries|Contact)\b", line, re.I):
        return None
    if PERSON_RE.match(line) and not matches_domain(line, domains) and not re.search(r"[a-z][A-Z]", line):
        return None
    return line if len(line.split()) <= 6 else None


def issuer_of_record(source_name: str | None, text: str) -> str | None:
    """The SOURCE line's name, unless the line cites a figure's source mid-story: a "Source:" line an About heading
    follows, naming what the text prints nowhere else ("Source: Circana Unify+ - Mulo+ w/Conv L52wks ending 2/23/25"
    under a list of brands' rankings, before "About Monarca Authentic Snacks")."""
    if not source_name or text.count(source_name) != 1:
        return source_name
    at = text.find(source_name)
    return None if re.search(r"(?:^|\n)\s*About\s+[A-Z]", text[at:]) else source_name


def plausible_source(name: str) -> bool:
    """Whether a SOURCE line reads as a name (one to eight words, no web address)."""
    return 1 <= len(name.split()) <= 8 and not WEB_ADDRESS_RE.search(name)


# A closing sentence presenting a name ("Treewurk is a tree care company ..."), split as closing_about splits the tail.
_CLOSING_SPLIT_RE = re.compile(r"\s*\n\s*|\s{2,}|(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")
_PRESENTED_RE = re.compile(
    r"\s+(?:is|offers|provides|specializes|specialises|serves|helps|has\s+been)\b"
)  # not "Drivers are"
# "Los Asesinos Silenciosos is a profoundly touching novel ...": a work the release presents, not who issues it.
_WORK_PREDICATE_RE = re.compile(
    r"\s+is\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,4}?(?:novel|book|memoir|film|movie|album|song|single|story|series|poem)\b"
)


def closing_presented(headline: str, text: str) -> str | None:
    """For a release no reader named: the organisation a closing sentence presents ("Treewurk is a tree care company
    ...") that the headline or the opening also names and the text prints three times; not a person, a place, a wire,
    a publisher's brand, a work or a plain word."""
    sentences = [p for p in _CLOSING_SPLIT_RE.split(text[-2500:]) if len(p) > 30][-8:]
    for para in reversed(sentences):
        name = leading_name(para)
        if not name or not para.startswith(name) or not _PRESENTED_RE.match(para, len(name)):
            continue
        if _WORK_PREDICATE_RE.match(para, len(name)) or text.count(name) < 3 or name not in f"{headline} {text[:600]}":
            continue
        if is_person(name, para, text) or is_place(name) or canonical_wire(name) or BRAND_ABOUT_RE.search(name):
            continue
        if re.search(rf"\b(?:Dr|Mr|Mrs|Ms|Prof|Rev|Pastor)\.?\s+{re.escape(name)}\b", text) or _AGENCY_RE.search(name):
            continue  # "Rev. Oreste J. D'Aversa"; "PR & Communications" of "Hey, Sandy! PR & Communications"
        if re.search(rf"[\"\u201c]{re.escape(name)}[\"\u201d]", f"{headline} {text}") or _owner_in(headline, name):
            continue  # a work quoted ("New Memoir \"Woody\" Chronicles"), a product of "Cork Supply's ... X100"
        if " " in name:
            if PERSON_RE.match(name) and not _ORG_WORD_RE.search(name):
                continue  # "Jody Sharpe is a bestselling author ...": a person the reader did not know
        elif len(name) < 4 or common_word(name, text) or _surname_or_first_name(name, text):
            continue
        return name
    return None


# Capitalised words that open a sentence or a phrase before a name, not a first name ("The Treewurk team").
_NOT_FIRST_NAMES = {
    "The",
    "A",
    "An",
    "At",
    "By",
    "For",
    "From",
    "In",
    "On",
    "With",
    "Visit",
    "About",
    "Contact",
    "Call",
}
_NOT_FIRST_NAMES |= {
    "Choose",
    "Choosing",
    "Join",
    "Meet",
    "Why",
    "How",
    "Try",
    "Our",
    "Your",
    "And",
    "Of",
    "To",
    "Team",
}


def _surname_or_first_name(word: str, text: str) -> bool:
    """Whether a one-word name is printed as a part of a person's name ("Scott A. Faultless", "Dr. Tola", "David W.
    Craig", "Christy Crowe Childers"), not an organisation's one-word name ("Treewurk", "The Treewurk team")."""
    w = re.escape(word)
    if re.search(rf"\b(?:Dr|Mr|Mrs|Ms|Prof|Rev|Pastor)\.?\s+{w}\b|\b{w}\s+[A-Z]\.\s", text):
        return True
    if not re.fullmatch(r"[A-Z][a-z\u00e0-\u00ff]+", word):
        return False  # "EHNOTE", "PyProxy": no person's name is spelled so
    before = re.finditer(rf"\b([A-Z][a-z'\u2019\-]+)(?:\s+[A-Z]\.)?\s+{w}\b", text)
    after = re.findall(rf"\b{w}\s+[A-Z][a-z'\u2019\-]+\b", text)  # "David Nevins is president ...", "David is ..."
    return any(m.group(1) not in _NOT_FIRST_NAMES for m in before) or any(
        PERSON_RE.match(p) and not _ORG_WORD_RE.search(p) for p in after
    )


def _owner_in(headline: str, name: str) -> bool:
    """Whether the headline names another organisation by a possessive ("Cork Supply's AI driven ... Technology")."""
    m = re.match(r"((?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)['\u2019]s\s", headline)
    return bool(m) and not same_org(m.group(1), name)


def owned_abouts(subject: str, abouts: list[About]) -> bool:
    """Whether an About section presents a unit the lede's subject owns: "The City of Indian Wells is proud to ..." with
    "About Indian Wells Golf Resort ... Owned by the City of Indian Wells and managed by Troon, ...", or "..., a
    division of Acme Corp": the owner speaks, its unit's section is added."""
    owner = re.escape(subject.removeprefix("The "))
    owned = re.compile(
        rf"\b(?:[Oo]wned|[Oo]perated|[Rr]un)\s+(?:and\s+[a-z]+\s+)?by\s+(?:the\s+)?{owner}\b"
        rf"|,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:division|unit|subsidiary|affiliate|brand)\s+of\s+(?:the\s+)?{owner}\b"
    )
    return any(not same_org(a.name, subject) and owned.search(a.text[:1500]) for a in abouts)
