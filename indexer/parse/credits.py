"""Who a release credits when its opening names no issuer: the outlet a quoted person told, a name its own domain
spells, the company a sponsored article's disclosure says paid for it, an opening "(Name) -" credit, a research
release's "Journal" field."""

from __future__ import annotations

import re

from .names import LEGAL_FORMS, domains_in, fold, has_word, leading_name, matches_domain, same_org, tidy_name
from .own_listings import group_names
from .places import is_place
from .tickers import listing_groups
from .wires import canonical_wire

# A publisher brand's name ("About InvestorWire", "AINewsWire"): never an issuer found by its domain.
BRAND_ABOUT_RE = re.compile(r"News\s*Wire|Newswire|Wire$|\bIBN\b")

# A capitalised run of words in running text ("commissioned by Borden Cheese that ...", "Desde 2009, PROMPERÚ ...").
_NAME_RUN_RE = re.compile(r"[A-Z0-9\u00c0-\u00de][\w&'\u2019+\-]*(?:\s+[A-Z0-9\u00c0-\u00de][\w&'\u2019+\-]*){0,5}")


# Platforms a release links to (its book on Amazon, its page on Facebook): never the issuer's own domain.
_PLATFORM_HOSTS = {
    "amazon", "facebook", "instagram", "linkedin", "twitter", "x", "youtube", "tiktok", "google", "apple", "spotify",
    "medium", "substack", "wordpress", "blogspot", "wix", "eventbrite", "bit", "linktr", "barnesandnoble", "goodreads",
}  # fmt: skip


# "More info: universaldoormeditationcenter.org": a web address printed bare, without "www." or "http".
_BARE_DOMAIN_RE = re.compile(r"(?<![\w@/.\-])([a-z0-9][a-z0-9\-]{5,})\.(?:com|org|net|us|info|biz|co|io)\b(?![\w\-])")


def bare_site_named(text: str, contacts: str) -> str | None:
    """The name of two words or more that a web address printed bare spells, printed twice in the story (the Universal
    Door Meditation Center of "More info: universaldoormeditationcenter.org"), for a release no other reader named."""
    if not any(tld in text for tld in (".co", ".org", ".net", ".us", ".info", ".biz", ".io")):
        return None
    domains = {m.group(1).replace("-", "") for m in _BARE_DOMAIN_RE.finditer(text)}
    name = domain_named(text, contacts, domains) if domains else None
    return name if name and " " in name else None


def domain_named(text: str, contacts: str, domains: set[str]) -> str | None:
    """The first name that the release's own web or mail domain spells ('PROMPERÚ' for promperu.gob.pe) and that
    its story names twice, outside the contacts (a PR agency is named only there); not a place, not a wire."""
    domains = {d for d in domains if d not in _PLATFORM_HOSTS}
    if not domains:
        return None
    story = text.replace(contacts, "") if contacts else text
    for run in _NAME_RUN_RE.finditer(story):
        words = run.group(0).split()
        for start in range(len(words)):
            for end in range(len(words), start, -1):
                candidate = " ".join(words[start:end])
                if (
                    matches_domain(candidate, domains)
                    and story.count(candidate) >= 2
                    and not is_place(candidate)
                    and not canonical_wire(candidate)
                    and not BRAND_ABOUT_RE.search(candidate)
                ):
                    return candidate
    return None


# '"... crippling for Marylanders," Rep. Johnny Olszewski told Capital News Service.': the outlet reporting the story.
_TOLD_OUTLET_RE = re.compile(
    r"\b(?:told|said\s+to|speaking\s+to)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w&'\u2019\-]*\s+){0,3}"
    r"(?:News|Service|Press|Times|Journal|Post|Media|Radio|Television|TV|Magazine|Herald|Tribune|Gazette|Wire))"
    r"(?:\s+[A-Z][\w&\-]*)?(?=[.,;]|\s+(?:that|on|in|last|this)\b)"
)


def told_outlet(text: str) -> str | None:
    """The news outlet a quoted person told, when nothing else names who issues a story."""
    m = _TOLD_OUTLET_RE.search(text[:3000])
    return m.group("name") if m else None


# "RazorPitch has been retained and compensated by Pineapple Financial to assist in the production and distribution
# of this content": the publisher's disclosure of who paid for a sponsored article.
_SPONSOR_RE = re.compile(
    r"\b(?:has|have)\s+been\s+(?:retained|hired|paid)(?:\s+and\s+(?:has\s+been\s+|expects\s+to\s+be\s+)?"
    r"(?:compensated|paid))?\s+by\s+(?P<name>[A-Z][\w&.'\u2019\-]*(?:\s+[A-Z&][\w&.'\u2019\-]*){0,4})\s+(?:to|for)\b"
)


# "RazorPitch has been retained and compensated by Awareness Consulting to assist in the production and distribution
# of this content": the publisher (before the verb) and who paid it (after "by"), for content it wrote and distributes.
_PAID_PUBLISHER_RE = re.compile(
    r"(?P<publisher>[A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3})(?:,?\s+(?:Inc|LLC|Ltd)\.?)?\s+(?:and\s+)?"
    r"(?:has|have)\s+been\s+(?:retained|hired|paid)(?:\s+and\s+(?:has\s+been\s+|expects\s+to\s+be\s+)?"
    r"(?:compensated|paid))?\s+by\s+(?P<payer>(?:a\s+third\s+party|[A-Za-z][\w&.'\u2019\-]*(?:\s+[A-Z&][\w&.'\u2019\-]*){0,4}))"
    r"\s+to\s+(?:assist\s+in\s+)?(?:the\s+)?(?:production|distribut|promot|creat|writ)"
)


def paid_publisher(text: str, company: str | None, tickers: list[str], contacts: str) -> str | None:
    """The publisher of a sponsored article whose disclosure says a third party paid for it ("RazorPitch has been
    retained and compensated by Awareness Consulting ...") and whose contacts or domains name it: the covered company,
    which neither paid nor wrote it, is its topic and lends no listing. Paid by the company itself ("by the company",
    its name or its symbol), the article is the company's (sponsor_named)."""
    if "been retained" not in text and "been hired" not in text and "been paid" not in text:
        return None  # a plain substring test first: the pattern would scan every long release
    symbols = {t.split(":")[-1] for t in tickers}
    for m in _PAID_PUBLISHER_RE.finditer(text):
        publisher, payer = m.group("publisher"), m.group("payer").rstrip(".")
        if payer.lower().startswith(("the ", "its ", "our ")) or payer in symbols:
            continue  # "by the company", "by ZENA": the covered company paid
        if company and (same_org(payer, company) or has_word(fold(company), fold(payer.split()[0]))):
            continue
        if company and same_org(publisher, company):
            return None  # the pick is the publisher already
        if publisher in contacts or matches_domain(publisher, domains_in(contacts or text[-1500:])):
            return publisher
    return None


# "The Article was issued on behalf of and sponsored by, West Red Lake Gold Mines Ltd.": a disclosure naming the one
# company the article was written for.
_ON_BEHALF_RE = re.compile(
    r"\b(?P<verb>issued|[Dd]isseminated)\s+on\s+behalf\s+of(?:\s+and\s+sponsored\s+by)?,?\s+"
    r"(?P<name>[A-Z][\w&.'\u2019\-]*(?:[ \t]+[A-Z&][\w&.'\u2019\-]*){0,5})"
)
_LEGAL_WORD_RE = re.compile(rf"^(?:{LEGAL_FORMS})$")


def sponsor_named(text: str, headline: str) -> str | None:
    """The company a sponsored article's disclosure says paid for it, when the headline is about that company
    ("... Opportunity For Pineapple Financial"); an agency paying on a client's behalf, or a company the headline
    does not name (one of several covered), is not its issuer."""
    for m in _SPONSOR_RE.finditer(text):
        name = m.group("name")
        if has_word(fold(headline), fold(name)):
            return name
    return None


# "This post contains sponsored content.", "This is a sponsored article": a publisher's disclosure that a company paid
# for the story it wrote.
_SPONSORED_RE = re.compile(r"\bsponsored\s+(?:content|post|article|story)\b", re.I)
# Words before a listed name that are no part of it: a glued heading's tail ("CancersTheriva"), "Maryland-based".
_GLUED_RE = re.compile(r"^.*[a-z](?=[A-Z][a-z]{2})")
_POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# "Amazon, Google And Microsoft ...": a name followed by a comma heads a list; by a colon, a topic.
_LIST_OR_TOPIC_RE = re.compile(r"(?:['\u2019]s?)?\s*[,:]")
_FUNCTION_WORD_RE = re.compile(
    r"(?:^|\s)(?i:how|why|what|like|the|of|with|and|for|as|at|on|in|by|from|to|about|says)$|[\u2013\u2014\-:?!.]$"
)
_LEGAL_TAIL_RE = re.compile(rf"(?:,?\s+(?:{LEGAL_FORMS}))+$")


def sponsored_subject(text: str, headline: str, pick: str | None = None) -> str | None:
    """The listed company a sponsored story prints first, when its headline names it ("Theriva Biologics Advances ..."
    with "Theriva Biologics (AMEX: TOVX)" and "This post contains sponsored content"): the story was written for it,
    not by its publisher. A company listed after another ("... Partnering With Nvidia" where Aeva Technologies is
    listed first), one of a list ("Amazon, Google And Microsoft Bet ..."), a topic ("Acme: A Potential Proxy?") or
    one beside products the headline names by their symbols ("ZZUP And ZZDN: ETFs On Acme") is one it covers. Under a
    headline naming no company, the story's subject replaces no pick but none or the publisher signing it off."""
    if ("ponsored" not in text and "PONSORED" not in text) or not _SPONSORED_RE.search(text):
        return None  # a plain substring test first: the pattern would scan every long release
    groups = listing_groups(text[:6000])
    name = group_names(text, groups[0]) if groups else None
    if any(has_word(headline, s.split(":")[-1]) for g in groups[1:] for s in g.tickers):
        return None
    listed = _headline_tail(_POSSESSIVE_RE.sub("", name), headline) if name else None
    if listed or (opener := _headline_opener(text, headline)):
        return listed or opener
    # A headline naming no company: the story's subject stands in for no one or its publisher, never another name.
    return _story_subject(text, groups, name) if pick is None or _signs_off(pick, text) else None


def _signs_off(pick: str, text: str) -> bool:
    """Whether a name is printed only in a byline ("By Jane Roe, Benzinga") or where a story signs off (its last 2,000
    characters, its second half): its publisher's closing sentence and contacts ("Benzinga is a leading financial
    media ..."), not a company it covers."""
    unsigned = re.sub(rf"\bBy\s[^,\n]{{3,60}},\s+{re.escape(pick)}\b", "", text)
    first = unsigned.find(pick)
    return first < 0 or first >= max(len(unsigned) - 2000, len(unsigned) // 2)


# "BluSky Trading Company is a leading proprietary trading firm ...": a sentence presenting an organisation.
_PRESENTED_RE = re.compile(
    r"(?<![\w&\-])((?:[A-Z][\w&\-]*\s+){1,4}(?:Company|Corp\w*|Inc\.?|LLC|Ltd\.?|Group|Holdings|Technologies))"
    r"\s+is\s+(?:a|an)\s+(?:[\w\-]+\s+){0,4}?(?:company|firm|provider|developer|manufacturer|miner|producer|platform)\b"
)
_STORY_MENTIONS = 5  # a subject the story keeps returning to, not one it cites


def _story_subject(text: str, groups: list, name: str | None) -> str | None:
    """The company a sponsored story whose headline names none is about: the first listed company, its first word
    printed five times or more and no other listed company's more than once ("... exploration company Pasofino Gold
    (OTC: EFRGF) ..." then "Pasofino" throughout); without a listing, the organisation a sentence presents under a
    legal or business word, printed as often ("BluSky Trading Company is a leading proprietary trading firm")."""
    if name:
        counts = [_mentions(group_names(text, g) or "", text) for g in groups[1:]]
        subject = tidy_name(_POSSESSIVE_RE.sub("", name))  # "Aeva Technologies Inc.'s lidar": the company
        return subject if _mentions(name, text) >= _STORY_MENTIONS and all(c <= 1 for c in counts) else None
    presented = _PRESENTED_RE.search(text)
    org = _unglued(presented.group(1), text) if presented else None
    if not org or is_place(org) or canonical_wire(org):
        return None
    return tidy_name(org) if _mentions(org, text) >= _STORY_MENTIONS else None


def _unglued(run: str, text: str) -> str:
    """A name without the heading glued to its first word ("Real Market SuccessBluSky Trading Company" -> "BluSky
    Trading Company"): it starts at the first joint of a lower- and an upper-case letter whose rest the text prints as
    a word of its own."""
    for m in re.finditer(r"(?<=[a-z])(?=[A-Z])", run):
        word = run[m.start() :].split()[0]
        if re.search(rf"(?<![\w\-]){re.escape(word)}(?![\w\-])", text):
            return run[m.start() :]
    return run


def _mentions(name: str, text: str) -> int:
    """How often the text prints a name's first word, a word of four letters or more ("Pasofino" for Pasofino Gold)."""
    first = name.split()[0] if name.split() else ""
    if len(first) < 4 or not first[:1].isupper():
        return 0
    return len(re.findall(rf"(?<![\w\-]){re.escape(first)}(?![\w\-])", text))


def _headline_opener(text: str, headline: str) -> str | None:
    """The unlisted company a sponsored story's headline opens with as its subject, a name of two words or more the
    text prints twice ("Wolfpack Financial Has A Plan To Help ..."); not a list's or a topic's first name."""
    opener = leading_name(headline, headline=True)
    if not opener or " " not in opener or not headline.startswith(opener) or is_place(opener):
        return None
    if _LIST_OR_TOPIC_RE.match(headline[len(opener) :]) or headline[len(opener) :].lstrip().startswith(("And ", "&")):
        return None
    return opener if text.count(opener) >= 2 else None


def _headline_tail(name: str, headline: str) -> str | None:
    """The longest tail of a name the headline prints, outside a list or a topic: the whole name, else from where a
    glued heading or "-based" ends ("Maryland-based Theriva Biologics" -> "Theriva Biologics"), else a tail the
    headline prints after a function word ("Here's How Austin Gold"); one word only where it is the whole name."""
    whole = _LEGAL_TAIL_RE.sub("", name).split()
    cuts = [i for i, w in enumerate(whole) if (i and _GLUED_RE.match(w)) or "-based" in w]
    if not cuts:
        return _tail_in(name, whole, headline)
    i = cuts[-1]  # a camel-cased name ("LogicMark") is glued to nothing before it
    cut = [w for w in (_GLUED_RE.sub("", whole[i]).split("-based")[-1], *whole[i + 1 :]) if w]
    return _tail_in(name, cut, headline) or _tail_in(name, whole, headline)


def _tail_in(name: str, words: list[str], headline: str) -> str | None:
    """The longest tail of words the headline prints (see _headline_tail), written as the name prints it."""
    for size in range(len(words), 0, -1):
        tail = " ".join(words[-size:])
        if (size == 1 and len(words) > 1) or not all(
            w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words[-size:]
        ):
            continue
        m = re.search(rf"(?<![\w]){re.escape(tail)}(?![\w])", headline, re.I)
        if not m:
            continue
        before = headline[: m.start()].rstrip()
        if _LIST_OR_TOPIC_RE.match(headline[m.end() :]) or before.endswith(","):
            return None
        if size < len(words) and before and not _FUNCTION_WORD_RE.search(before):
            return None  # "... US Preferred Stock ETF" for "U.S. Preferred Stock ETF": where the name starts is unsure
        return tidy_name(name[name.rfind(tail) :] if tail in name else tail)
    return None


def behalf_of(text: str, *, disseminated: bool = False) -> str | None:
    """The company an article says it was issued (or disseminated) on behalf of, when the text prints that company
    with its listing ("The Article was issued on behalf of and sponsored by, West Red Lake Gold Mines Ltd." with "West
    Red Lake Gold Mines Ltd. (TSXV:WRLG)"; "Disseminated on behalf of SolarBank Corporation" with "SolarBank (NASDAQ:
    SUUN)"): the article is its, whatever topic the headline opens with. The "disseminated" disclosures (a publisher's
    editorial or teaser) are read only when asked."""
    if "on behalf of" not in text:
        return None  # a plain substring test first: the pattern would scan every long earnings release
    for m in _ON_BEHALF_RE.finditer(text):
        if (m.group("verb") != "issued") is not disseminated:
            continue
        words = m.group("name").split()
        for size in range(len(words), 0, -1):  # the longest opening printed with its listing
            name = " ".join(words[:size]).rstrip(".")
            if size == 1 and (len(words) == 1 or not _LEGAL_WORD_RE.match(words[1].rstrip(".,"))):
                continue  # one word only before its legal form: "SolarBank Corporation" printed "SolarBank (NASDAQ: ...)"
            if re.search(rf"{re.escape(name)}\.?\s*\([A-Z][\w.]*\s*:", text):
                rest = words[size:]
                legal = bool(rest) and all(_LEGAL_WORD_RE.match(w.rstrip(".,")) for w in rest)
                # With its legal form: "Inc." keeps its full stop, "Corporation." ends a sentence.
                whole = re.sub(
                    r"(?<!\bInc)(?<!\bLtd)(?<!\bCorp)(?<!\bCo)\.+$|(?<=\.)\.+$", "", " ".join(words).rstrip(",")
                )
                return whole if legal else name
    return None


# "(BookTrib) - “Palm Beach Confidential” by ...": a column's credit opening a syndicated release.
_OPENING_CREDIT_RE = re.compile(r"^\s*\((?P<name>[A-Z][\w&.'\u2019\- ]{1,40}?)\s*\)\s*[\u2013\u2014\-]\s")


def opening_credit(opening: str | None, headline: str) -> str | None:
    """The name credited in parentheses at the start of the release, not a wire's, when the headline names it too
    ("BookTrib's Bites: ..." over "(BookTrib) - ...")."""
    m = _OPENING_CREDIT_RE.match(opening or "")
    if not m or canonical_wire(m.group("name")):
        return None
    name = m.group("name").strip()
    return name if has_word(headline, name) else None


# "... Funding Information ...  Journal Global Transitions  Chuanlink Innovations, where ...": a research release's
# closing fields; the journal publishing the study issues it (its distributor signs off after it).
_JOURNAL_FIELD_RE = re.compile(r"(?:^|\n|\s{2}|(?<=[.\d)])\s)Journal\s+(?P<run>[A-Za-z][^\n]{1,90})")
_RUN_WORD_RE = re.compile(r"[A-Za-z][\w&:'\u2019\-]*|&|of|and|in|for|the")


def journal_field(text: str) -> str | None:
    """The journal a research release's "Journal" field names, cut to the longest opening the text prints twice
    ("Journal Global Transitions Chuanlink Innovations, where ..." with "in the KeAi journal Global Transitions")."""
    for m in _JOURNAL_FIELD_RE.finditer(text[-4000:]):
        words = []
        for word in m.group("run").split():
            if not _RUN_WORD_RE.fullmatch(word.rstrip(",.")) or (
                words and word[:1].islower() and word not in "of and in for the &"
            ):
                break
            words.append(word.rstrip(",."))
            if word.endswith((",", ".")):
                break
        for size in range(len(words), 0, -1):
            name = " ".join(words[:size])
            if words[size - 1] in ("of", "and", "in", "for", "the", "&") or len(name) < 4:
                continue
            if text.count(name) >= 2:
                return name
    return None


# "Filip Tortevski is the Senior Analyst and Finance Commentator at Wealth Within.": a closing sentence presenting the
# quoted expert by their title at an organisation.
_PRESENTED_EXPERT_RE = re.compile(
    r"(?:^|\n|[.!?]\s+)(?P<person>[A-Z][\w'\u2019\-]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'\u2019\-]+)\s+is\s+(?:the|a|an)\s+"
    r"(?:[A-Za-z&\-]+\s+){1,8}?(?:at|of|with)\s+(?P<org>[A-Z][\w&.'\u2019\-]*(?:\s+(?:[A-Z][\w&.'\u2019\-]*|of|&)){0,4}?)"
    r"(?=[.,;]\s|[.]?$|\s+(?:and|where|since|who)\b)"
)


def presented_expert_org(text: str) -> str | None:
    """The organisation of the expert a closing sentence presents ("Filip Tortevski is the Senior Analyst ... at Wealth
    Within."), when the text quotes that person with the organisation too: a commentary naming no other issuer is
    theirs."""
    for m in _PRESENTED_EXPERT_RE.finditer(text[-1500:]):
        person, org = m.group("person"), m.group("org")
        if text.count(org) >= 2 and text.count(person) >= 2:
            return org
    return None
