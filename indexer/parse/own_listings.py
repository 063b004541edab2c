"""Which listings a release prints are its issuer's own, and the names printed before listings.

The issuer's listings are those printed in the subject of the lede or of the headline, apposition included
("Adaptive Insights, a Workday (NASDAQ: WDAY) company"), else those printed right after the issuer's name in its own
"About" section or anywhere in the text. Listings after the verb belong to partners, lawsuit targets or covered
companies; a listing followed by a colon ("Aemetis (Nasdaq: AMTX): Stonegate updates ...") is a topic; a partner
tied to the subject by "and", "with", "by" ... keeps its own; a listing printed after "formerly" is no longer one.
"""

from __future__ import annotations

import re

from .joint_releases import joined_to
from .names import LEAD_NOISE_RE, LEGAL_FORMS, VERBS, same_org, subject_end, tidy_name
from .parent_listing import parent_listings
from .places import is_place
from .sections import About
from .tickers import ListingGroup, listing_groups

_NAME_BEFORE_RE = re.compile(
    rf"((?:(?:[A-Z0-9\u00c0-\u00de][\w.&'\u2019+\-]*|[a-z]+[A-Z][\w.&'\-]*|of|and|&|de|the)\s+){{0,6}}"
    rf"(?:[A-Z0-9\u00c0-\u00de][\w.&'\u2019+\-]*|[a-z]+[A-Z][\w.&'\-]*)(?:(?:,?\s+)(?:{LEGAL_FORMS}))*)[\u2122\u00ae]?\s*$"
)
_LEADING_JOINERS_RE = re.compile(r"^(?:(?:and|of|&|de|the|The|And)\s+)+")
# "How Iveda Solutions (NASDAQ: IVDA) is Redefining ...": a headline's question word is no part of the name.
_QUESTION_RE = re.compile(
    r"^(?:How|Why|What|When|Where|Who|Which|Is|Are|Can|Could|Will|Would|Does|Do|Should)\s+(?=[A-Z0-9])"
)
# Where a name printed before a listing may restart: after a sentence's end or an "About" heading glued to it
# ("About SiriusXMSirius XM Holdings Inc. (NASDAQ: SIRI) is ...", "About ADP (NASDAQ: ADP)").
_NAME_RESTART_RE = re.compile(r"[.:!?]\s+|(?:\b|(?<=[a-z]))(?:About|ABOUT)\s+(?:the\s+)?")
_TOPIC_COLON_RE = re.compile(r"\s*:")


def group_names(text: str, group: ListingGroup) -> str | None:
    """The name printed just before a listing group ('... Critical Metals Corp. (Nasdaq: CRML)' -> 'Critical Metals Corp.')."""
    return _name_ending(_line_before(text, group))


def _line_before(text: str, group: ListingGroup) -> str:
    """The text of a listing group's line before it (160 characters at most), trailing commas and spaces left out."""
    return text[max(0, group.start - 160) : group.start].split("\n")[-1].rstrip(" ,\u00a0")


def _name_ending(before: str) -> str | None:
    """The name at the end of a text ('... shares of Critical Metals Corp.' -> 'Critical Metals Corp.')."""
    m = _NAME_BEFORE_RE.search(before)
    if not m:
        return None
    name = m.group(1).strip()
    name = _QUESTION_RE.sub("", _LEADING_JOINERS_RE.sub("", name))
    return name or None


def listed_names(text: str) -> list[str]:
    """The names printed right before each listing of a text ("Companies like GEMXX Corp. (OTC: GEMZ)" -> GEMXX Corp.)."""
    before = (text[max(0, g.start - 120) : g.start].split("\n")[-1] for g in listing_groups(text))
    names = (_name_ending(part.rstrip(" ,\u00a0")) for part in before)
    return [name for name in names if name]


def subject_groups(text: str, *, headline: bool = False) -> tuple[list[ListingGroup], int]:
    """The listing groups printed in the subject of a lede or headline (topics left out), and where it ends."""
    stripped = LEAD_NOISE_RE.sub("", text)
    offset = len(text) - len(stripped)
    end = subject_end(stripped, headline=headline) + offset
    groups = [g for g in listing_groups(text) if g.start < end and not _is_topic(text, g)]
    return groups, end


def _is_topic(text: str, group: ListingGroup) -> bool:
    """Whether a listing names what the release is about, not its issuer."""
    # "Aemetis, Inc. (Nasdaq: AMTX): Stonegate Capital Partners updates ..." names what the release is about.
    return bool(_TOPIC_COLON_RE.match(text[group.end : group.end + 3]))


def _about_for(abouts: list[About], company: str | None) -> About | None:
    for about in abouts:
        if company and same_org(about.name, company):
            return about
    return None


# After a listed name, what shows it is its sentence's subject: an apposition or a verb ("Rezolve Ai (NASDAQ: RZLV),
# a leader in ...", "Citrix Systems, Inc. (NASDAQ:CTXS), today announced").
_SUBJECT_AFTER_RE = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:(?:a|an|the)\s|today\b|recently\b|has\b|have\b|is\b|are\b|will\b|was\b"
    r"|announced\b|reported\b|unveiled\b|launched\b|said\b)"
)
# Before a listed name, a word that makes it an object, not a subject ("partnered with", "shares of", "invested in").
_OBJECT_BEFORE_RE = re.compile(
    r"(?:\b(?:with|in|from|by|to|of|for|at|on|and|versus|vs\.?|against|like|as|including|such\s+as)|&)\s*(?:the\s+)?$",
    re.I,
)


_TITLES = (
    r"(?:CEO|CFO|COO|CTO|Founder|Co-Founder|President|Chair(?:man|woman)?|Director|Head|Partner|Owner|Manager|Officer)"
)
# "CEO of MangoRX", "Founder and President of Acme": a person's title before their employer's name.
_TITLE_OF_RE = re.compile(rf"^(?:(?:[A-Z][\w\-]*|and|&)\s+){{0,4}}?{_TITLES}\s+(?:of|at|for)\s+(?:the\s+)?")
_TITLE_BEFORE_RE = re.compile(rf"\b{_TITLES}\s+(?:of|at|for)\s*(?:the\s+)?$")


def lede_listed(lede: str) -> str | None:
    """The first name the lede prints with a listing as its sentence's subject."""
    for group in listing_groups(lede[:1200]):
        if _is_topic(lede, group) or not _SUBJECT_AFTER_RE.match(lede, group.end):
            continue
        if OTHER_COMPANY_RE.match(lede[group.end : group.end + 80]):
            continue
        before = _line_before(lede, group)
        name = _name_ending(before)
        if not name:
            continue
        # The name starts after a sentence's end, an opener's comma or a heading glued to it.
        tails = [name[m.end() :] for m in _NAME_RESTART_RE.finditer(name)]
        name = tails[-1] if tails else name
        prefix = before[: len(before) - len(name)].rstrip(" ,")
        if (_OBJECT_BEFORE_RE.search(prefix) and not _TITLE_BEFORE_RE.search(prefix)) or is_place(name):
            continue
        return tidy_name(
            _TITLE_OF_RE.sub("", name)
        )  # "Jacob Cohen, CEO of MangoRX (NASDAQ: MGRX), was ...": his employer
    return None


def titled_employer(lede: str) -> str | None:
    """The listed organisation a person opening the lede works for, by their title before it: "Gideon Ben-Zvi, CEO of
    Valens Semiconductor (NYSE: VLN), was ...", "David Howson, EVP, Global President for Cboe Global Markets Inc.
    (Cboe: CBOE) was ..."."""
    listed = lede_listed(lede)
    at = lede.find(listed) if listed else -1
    return listed if at > 0 and _TITLE_BEFORE_RE.search(lede[:at]) and at < subject_end(lede) else None


# "Humanity, a Workday (NASDAQ:WDAY) Access software partner, ...": an apposition naming a listed company the
# issuer works with, not one it belongs to ("a Workday (NASDAQ: WDAY) company").
OTHER_COMPANY_RE = re.compile(
    r"^[^,;.]{0,60}?\b(?:partner|customer|client|supplier|vendor|reseller|distributor|licensee|licensor|competitor)s?\b"
)


# "McEwen Mining (NYSE: MUX), a key strategic investor in Goliath Resources Limited (TSX-V: GOT)", "Orbit Foods
# (NYSE: ORBF), together with Zenith Robotics (NASDAQ: ZNTH)": the word that ties another listed name to the subject.
# "and" too: "Gilead (Nasdaq: GILD) and Galapagos NV (NASDAQ: GLPG) announced" is a joint release whose company is the
# first named; the partner's listing is the partner's (a wrong ticker is worse than none).
_OTHER_OWNER_RE = re.compile(
    r"(?:\bwith|\bin|\bfrom|\bby|\bto|\bversus|\bvs\.?|\bagainst|\band|&)\s*(?:the\s+)?$", re.I
)
# "Duke Robotics Corp. (OTCQB: DUKR) (formerly known as UAS Drone Corp, OTCQB: USDR)": a listing it no longer has.
_FORMER_RE = re.compile(r"\(\s*(?:formerly|previously)\b[^()]*$", re.I)
_FORMER_WORD_RE = re.compile(r"\b(?:formerly|previously)\b", re.I)


def _current(text: str, group: ListingGroup) -> list[str]:
    """A group's listings less those printed after "formerly" inside it ("(OTCQB: DUKR) (formerly known as UAS
    Drone Corp, OTCQB: USDR)" is read as one group)."""
    span = text[group.start : group.end]
    former = _FORMER_WORD_RE.search(span)
    if not former:
        return list(group.tickers)
    head = span[: former.start()]
    return [t for t in group.tickers if re.search(rf"\b{re.escape(t.split(':', 1)[1])}\b", head)]


_ALIAS_AFTER_RE = re.compile(r"\s*\(\s*[\"\u201c][^()]{1,40}[\"\u201d]\s*\)$")


def _second_of_pair(name: str | None, company: str | None) -> bool:
    """Whether a name printed before a listing is two names joined by "and", the listing the second's: "Peterbilt
    Motors Company and Dana Incorporated (NYSE: DAN) have announced", "Moomoo and Cboe Global Markets (BATS:
    CBOE)" (not "Procter and Gamble" for "Procter & Gamble": a company named with a joiner)."""
    if not name or not company or " and " not in name or re.search(r"\s(?:and|&)\s", company):
        return False
    first, second = name.split(" and ", 1)
    return same_org(first, company) and not same_org(second, company)


def _own_groups(text: str, groups: list[ListingGroup], company: str | None) -> list[ListingGroup]:
    """The subject's listing groups less those of another name tied to it by 'with', 'in', 'by' ... (a partner, an
    investee, an acquirer); a group printed right after another one ('(NYSE: MUX) (TSX: MUX)') shares its owner."""
    kept: list[ListingGroup] = []
    previous_end, previous_kept = 0, True
    for group in groups:
        between = text[previous_end : group.start]
        if _FORMER_RE.search(text[max(0, group.start - 120) : group.start]):
            own = False
        elif previous_end and not between.strip(" ,;\u00a0"):
            own = previous_kept
        else:
            # 'Alibaba Group Holding Limited ("Alibaba") (NYSE: BABA)': the name before its defined short form.
            before = _ALIAS_AFTER_RE.sub("", between.split("\n")[-1].rstrip(" ,\u00a0"))
            name = _name_ending(before)
            prefix = before[: len(before) - len(name)].rstrip(" ,") if name else ""
            other = bool(name) and not (company and same_org(name, company))
            # "Amgen (NASDAQ: AMGN), Cytokinetics, Incorporated (NASDAQ: CYTK) and Servier announced": the next name
            # of a list after the subject's listing is another issuer's.
            listed_next = bool(previous_end) and not prefix.strip()
            own = not (other and (_OTHER_OWNER_RE.search(prefix) or listed_next)) and not _second_of_pair(name, company)
            # "Biogen Inc. (Nasdaq: BIIB) and Alkermes plc ..." in Alkermes's copy: the first subject's is the partner's.
            own = own and not (other and joined_to(text, group.end, company))
            # "Roth Canada Advises Tiny Ltd. (TSX.V: TINY) on ...": the listed name after the company and its verb is
            # the verb's object (a client, a target), whose listing it is.
            own = own and not (other and _verb_object(prefix, company)) and not _verb_object_run(name, company)
        if own:
            kept.append(group)
        previous_end, previous_kept = group.end, own
    return kept


# The company's name, then one to three words and no punctuation: a verb and its particles ("Advises", "to Acquire").
_VERB_RUN_RE = re.compile(r"\s+(?:[A-Za-z][a-z]+\s+){0,2}[A-Za-z][a-z]+\s*$")


def _verb_object(prefix: str, company: str | None) -> bool:
    """Whether prefix is the company's name followed by a verb, so that the name after it is the verb's object."""
    if not company:
        return False
    at = prefix.rfind(company)
    run = prefix[at + len(company) :] if at >= 0 else ""
    return at >= 0 and bool(_VERB_RUN_RE.fullmatch(run)) and not re.search(r"\b(?:of|and|&)\s*$", run)


# Verbs whose object is another organisation, its listing printed after it in a Title Case headline.
_OBJECT_VERBS = {
    "advises", "advised", "selects", "selected", "acquires", "acquire", "acquired", "supports", "hires", "engages",
    "engaged", "retains", "retained", "represents", "represented", "backs", "funds", "invests", "welcomes", "taps",
    "chooses", "adds", "joins", "partners", "serves", "counsels", "guides", "finances", "sponsors", "signs",
    "initiates", "arranges", "assists", "underwrites", "lends", "covers", "rates", "upgrades", "downgrades",
}  # fmt: skip


def _verb_object_run(name: str | None, company: str | None) -> bool:
    """Whether a Title Case run read as one name is the company, a verb and the verb's object: "Roth Canada Advises
    Tiny Ltd." before "(TSX.V: TINY)" is Tiny's listing, not Roth Canada's."""
    if not name or not company or not name.startswith(company + " "):
        return False
    words = name[len(company) :].split()
    verb = bool(words) and (words[0].lower() in _OBJECT_VERBS or words[0].lower() in VERBS)
    # ("Acme Closes Financing for Beta Mining Corp.": any verb; "Acme Announces Acme Gold Corp.": its own.)
    return verb and len(words) >= 2 and words[1][:1].isupper() and company.split()[0] not in words[1:]


def pick_tickers(head: str, lede: str, text: str, abouts: list[About], company: str | None) -> list[str]:
    """The issuer's own listings ('EXCHANGE:SYMBOL'): the lede's subject's, else the headline's (its publisher's
    label left off), else those printed with the company's name in its About section or anywhere in the text."""
    groups, _ = subject_groups(lede)
    groups = [g for g in groups if not OTHER_COMPANY_RE.match(lede[g.end : g.end + 80])]
    groups = _own_groups(lede, groups, company)
    if groups:
        return [t for g in groups for t in _current(lede, g)]
    groups, _ = subject_groups(head, headline=True)
    groups = _own_groups(head, groups, company)
    if groups:
        return [t for g in groups for t in _current(head, g)]
    if not company:
        return []
    about = _about_for(abouts, company)
    if about:
        groups, _ = subject_groups(about.text)
        if groups:
            return [t for g in groups for t in _current(about.text, g)]
    for group in listing_groups(text):
        if _names_company(text, group, company) and not _is_topic(text, group):
            return _current(text, group)
    return parent_listings(text, company)


# Whose shares a listing told in prose lists, from the start of its sentence: "Its stock is traded ...", "The
# Company's common stock is listed ...", "Shares of Acme Group Inc. trade ...", "Acme's shares are quoted ...".
_PROSE_OWNER_RE = re.compile(
    r"(?:(?P<pronoun>its|the\s+company['\u2019]s)|(?:the\s+)?(?:common\s+|ordinary\s+)?(?:shares|stock)\s+of\s+"
    r"(?P<of>[^,;]{2,80}?)|(?P<owner>[^,;]{2,80}?)['\u2019]s?)\s*(?:(?:class\s+\w\s+)?(?:common\s+|ordinary\s+)?"
    r"(?:stock|shares)\s*)?(?:is|are)?\s*(?:publicly\s+)?$",
    re.I,
)
# "The common stock of United's parent, United Airlines Holdings, Inc., is traded ...", "Acme's parent company, Acme
# Group plc, is listed ...": the issuer's parent's shares, the listing an analyst follows the issuer by.
_PARENT_PROSE_RE = re.compile(
    r"(?:(?:the\s+)?(?:(?:common|ordinary)\s+)?(?:shares|stock)\s+of\s+)?(?P<unit>[^,;]{2,80}?)['\u2019]s?\s+parent"
    r"(?:\s+company)?(?:,\s+[^;]{2,100}?,)?\s+(?:is|are)\s+(?:publicly\s+)?$",
    re.I,
)
# "Blue Cap AG is listed on ...": the sentence's subject is the listed company.
_NAME_IS_RE = re.compile(r"(?P<name>[^,;]{2,80}?)\s+(?:is|are)\s+(?:publicly\s+)?$")
_SENTENCE_END_RE = re.compile(r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bPlc)(?<!\b[A-Z])[.!?]\s+|\n")


def _prose_owner(text: str, group: ListingGroup, company: str) -> bool:
    """Whether a listing told in prose ("... traded on NASDAQ under the symbol CSCO") lists the company's shares."""
    head = text[max(0, group.start - 200) : group.start]
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(head)]  # not after "Inc.", "Co.", "Corp."
    sentence = head[ends[-1] if ends else 0 :].strip()
    # A space closes the sentence's head: "... is publicly" must meet the pattern's "publicly ".
    parent = _PARENT_PROSE_RE.fullmatch(sentence + " ") if "parent" in sentence.lower() else None
    if parent:
        return same_org(parent.group("unit"), company)
    m = _PROSE_OWNER_RE.fullmatch(sentence + " ") if sentence else None
    if not m:
        named = _NAME_IS_RE.fullmatch(sentence + " ") if sentence else None
        return bool(named) and same_org(named.group("name"), company)
    pronoun = m.group("pronoun")
    if pronoun and pronoun.lower() == "its":
        # "Its stock": the paragraph's own company, when the paragraph names it.
        paragraph = text[: group.start].rsplit("\n", 1)[-1].lower()
        return company.lower() in paragraph or company.split()[0].lower() in paragraph
    if pronoun:
        return True  # "the Company's": a release's defined term for its issuer
    return same_org(m.group("of") or m.group("owner"), company)


def _names_company(text: str, group: ListingGroup, company: str) -> bool:
    """Whether the name printed just before a listing group is the company's."""
    if _prose_owner(text, group, company):
        return True
    before = _line_before(text, group)
    if before.endswith(company):  # also names the name pattern does not take ("lululemon athletica inc.")
        return True
    name = _name_ending(before)
    if not name or _second_of_pair(name, company):
        return False
    # The name may start with the end of a sentence or a heading glued to it ("... 90%1. Cintas Corporation",
    # "Thursday-Sunday. About SiriusXMSirius XM Holdings Inc."): the company's name then follows one of these.
    # (Not any tail: "Surf Air Mobility Inc." is not "Air New Zealand".)
    tails = [name[m.end() :] for m in _NAME_RESTART_RE.finditer(name)]
    return any(same_org(tail, company) for tail in [name, *tails] if tail)
