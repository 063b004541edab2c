"""Reading organisation names in release text: a sentence's subject, legal forms, people, acronyms, domains."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .cleanup import address_matches, trim_period
from .dates import DATE_RE

LEGAL_FORMS = (
    r"Inc\.?|Incorporated|Corp\.?|Corporation|Co\.|Company|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|L\.P\.|LP|PLC|plc|"
    r"N\.V\.|NV|S\.A\.|SA|AG|SE|GmbH|S\.p\.A\.|SpA|B\.V\.|BV|AB|ASA|Oyj|Pty\.? Ltd\.?|Pte\.? Ltd\.?|P\.C\.|PC|PLLC|"
    r"S\.A\.S\.|SAS|K\.K\.|Holdings?|Group|Trust|Partners|Foundation|Association|Institute|University"
)
_LEGAL_RE = re.compile(rf"(?:,?\s+|\s*,\s*)(?:{LEGAL_FORMS})(?![\w])")
STRICT_LEGAL_RE = re.compile(
    r"(?:,?\s+)(?:Inc\.?|Incorporated|Corp\.?|Corporation|Ltd\.?|Limited|LLC|LLP|L\.P\.|PLC|plc|N\.V\.|S\.A\.|AG|SE|"
    r"GmbH|S\.p\.A\.|B\.V\.|Pty\.? Ltd\.?|Pte\.? Ltd\.?|P\.C\.|PLLC)(?![\w])"
)
# Words that join a name without being capitalised: "Bank of the West", "Procter & Gamble".
_NAME_JOINERS = {
    "of",
    "and",
    "&",
    "for",
    "de",
    "du",
    "des",
    "la",
    "le",
    "the",
    "y",
    "et",
    "und",
    "van",
    "von",
    "der",
    "da",
    "do",
    "di",
}
# Verbs that end a headline's subject ("Acme Announces ...", "Acme to Present ...").
VERBS = set(
    """
announce announces announced announcing report reports reported reporting update updates updated launch launches
launched unveil unveils unveiled introduce introduces introduced complete completes completed enter enters entered
expand expands expanded secure secures secured sign signs signed name names named appoint appoints appointed elect
elects elected declare declares declared receive receives received win wins won join joins joined partner partners
partnered acquire acquires acquired close closes closed file files filed investigate investigates remind reminds
release releases released present presents presented host hosts hosted celebrate celebrates celebrated showcase
showcases showcased highlight highlights highlighted offer offers offered provide provides provided to will is are
was were has have had becomes become achieve achieves achieved reach reaches reached mark marks marked extend
extends extended opens open opened debuts debut debuted begins begin began start starts started commences commence
adds add added deliver delivers delivered invests invest invested raises raise raised prices price priced plans
plan planned sets set establishes establish established says said recognized recognised honored honoured awarded
earns earned ranks ranked selected chosen among lists listed welcomes welcome welcomed names confirms confirm
confirmed agrees agree agreed obtains obtain obtained approves approve approved issues issue issued promotes promote
promoted hires hire hired taps tapped collaborates collaborate teams team teamed debuts continues continue continued
targets target targeted seeks seek sought shares share shared publishes publish published explains explain
explores explore reveals reveal revealed calls call called urges urge urged warns warn warned supports support
supported accelerates accelerate accelerated transforms transform transformed leads lead led brings bring brought
creates create created builds build built helps help helped makes make made moves move moved wraps wrap
invites invite invited marks returns return returned grows grow grew surpasses surpass surpassed exceeds exceed
exceeded achieves today via through with at on in by after from as amid following
""".split()
)
_APPOSITION_STARTS = {
    "a", "an", "the", "one", "its", "provider", "leader", "developer", "maker", "manufacturer", "operator", "owner",
    "creator", "pioneer", "parent", "subsidiary", "part", "division", "member", "home", "formerly", "doing", "dba",
    "d/b/a", "known", "headquartered", "based", "together", "along", "which", "who", "that", "inc", "inc.", "llc",
    "ltd", "ltd.", "corp", "corp.", "co.", "plc", "l.p.", "lp", "n.v.", "s.a.", "ag", "gmbh", "through", "via",
    "america's", "canada's", "world's", "europe's", "asia's", "a/k/a", "aka", "also", "or",
}  # fmt: skip
LEAD_NOISE_RE = re.compile(
    r"^(?:(?:Today|Yesterday|Now|Recently|This week|This month|Earlier today|Meanwhile)\s*,?\s+|(?:WHAT|WHO|WHEN|WHERE)\s*:\s*"
    r"|[\-\u2013\u2014*\u2022:]+\s*|\[[^\[\]\n]{4,30}\d\]\s*|via\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?\s*[\-\u2013\u2014]+\s*)+"  # "[22 April, 2025] – X": a date; "via IBN — X": its wire
)
_LEGAL_WORD_RE = re.compile(r"(?:Inc|Corp|Co|Ltd|LLC|LLP|L\.P|LP|PLC|plc|N\.V|S\.A|AG|SE|GmbH|Limited|Corporation)\.?")
_TOKEN_RE = re.compile(r"\(|\)|,|;|[^\s,;()]+")


# Patterns the functions below use for every release, compiled once (re.sub(pattern, ...) looks each up every call).
_TIDY_MARKS_RE = re.compile(r"[\u2122\u00ae\u00a9\u2120]|\((?:TM|R)\)")
_TRAILING_BRACKET_RE = re.compile(r"\s*\([^()]*\)\s*$")
_PERSON_TITLE_RE = re.compile(
    r"\s+(?:Co-[Ff]ounder|Founder|CEO|President|Chairman|Chairwoman|Chief|Managing Director|Executive|Dr\.)(?:\s|$)"
)
_SPACES_RE = re.compile(r"\s+")
_LEADING_MARKS_RE = re.compile(r"[\u2122\u00ae\u00a9]|\(TM\)|\(R\)")
# What _LEADING_MARKS_RE matches: a few substring scans rule a lede out faster than the regex, tried at every position.
_LEADING_MARKS = ("\u2122", "\u00ae", "\u00a9", "(TM)", "(R)")
_TOPIC_LABEL_RE = re.compile(r"\s*(?:\([^()]*\))?\s*:\s+(?=[A-Z])")
_POSSESSIVE_RE = re.compile(r"[\u2019']s$")
_ACRONYM_RE = re.compile(r"[A-Z][A-Z&]{1,7}")


def fold(text: str) -> str:
    if text.isascii():
        return text.casefold()  # no ASCII character decomposes or combines: the steps below would keep it as it is
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


_MARKS_RE = re.compile(r"[\u2122\u00ae\u00a9]")
_CORE_WORD_RE = re.compile(r"[\w]+")
_NOT_CORE_WORDS = {"the", "inc", "corp", "ltd", "llc", "co", "plc", "and", "of"}


# A release compares the same few names again and again (subject, About sections, SOURCE line, metadata).
@lru_cache(maxsize=1024)
def core_words(name: str | None) -> tuple[str, ...]:
    """The words of a name that identify it: no legal form, marks or punctuation ('Gilead Sciences, Inc.' -> gilead sciences)."""
    if not name:
        return ()
    text = _MARKS_RE.sub(" ", name)
    text = _LEGAL_RE.sub(" ", text)
    return tuple(w for w in _CORE_WORD_RE.findall(fold(text)) if w not in _NOT_CORE_WORDS)


def same_org(a: str | None, b: str | None) -> bool:
    """Whether two printed names can be the same organisation ('ADP' ~ 'ADP Research Institute', 'IBM' ~ 'I.B.M.')."""
    wa, wb = core_words(a), core_words(b)
    if not wa or not wb:
        return False
    if wa[0] == wb[0] and (len(wa[0]) >= 3 or wa[:2] == wb[:2]):
        return True
    joined_a, joined_b = "".join(wa), "".join(wb)
    if (
        joined_a == joined_b
        or (len(joined_a) >= 4 and joined_b.startswith(joined_a))
        or (len(joined_b) >= 4 and joined_a.startswith(joined_b))
    ):
        return True
    initials_a, initials_b = "".join(w[0] for w in wa), "".join(w[0] for w in wb)
    return (len(wa) == 1 and len(wa[0]) >= 2 and wa[0] == initials_b) or (
        len(wb) == 1 and len(wb[0]) >= 2 and wb[0] == initials_a
    )


# What can end a bracket or an apposition in subject_end: a bracket, a comma or semicolon, or the colon that ends a
# word (every other word is passed over there, whatever it is).
_SUBJECT_MARK_RE = re.compile(r"[(),;]|:(?![^\s,;()])")


# The issuer rules ask where the same lede's or headline's subject ends several times over.
@lru_cache(maxsize=256)
def subject_end(text: str, *, headline: bool = False) -> int:
    """Where the grammatical subject at the start of text ends (before its verb), apposition included."""
    head = text[:400]
    depth = 0
    in_apposition = False
    # Tokens are read only as far as asked (most subjects end early), each with the token after it.
    tokens = _TOKEN_RE.finditer(head)
    tok = next(tokens, None)
    i = 0  # the token's index (after a skip below, only whether it is the first)
    while tok is not None:
        following = next(tokens, None)
        word = tok.group(0)
        if word == "(":
            depth += 1
        elif word == ")":
            depth = max(0, depth - 1)
            if depth == 0 and following is not None and following.group(0).startswith(":"):
                return tok.end()
        elif depth:
            pass
        elif word in {",", ";"}:
            nxt = following.group(0) if following is not None else ""
            if in_apposition:
                in_apposition = False
                if nxt[:1].islower() or nxt.lower() in VERBS:
                    return tok.start()
            elif _LEGAL_WORD_RE.fullmatch(nxt):
                pass  # "ArcherDX, Inc. today ...": the legal form belongs to the name
            elif nxt.lower().strip(".") in _APPOSITION_STARTS or nxt.lower() in _APPOSITION_STARTS:
                in_apposition = True
            elif not (nxt[:1].isupper() or nxt[:1].isdigit()):
                return tok.start()
        elif word.endswith(":") and i > 0:
            return tok.end() - 1
        elif not in_apposition and i > 0:
            bare = word.strip("\u201c\u201d\"'\u2019.")
            lowered = bare.lower()
            if headline and lowered in VERBS:
                return tok.start()
            if bare[:1].islower() and lowered not in _NAME_JOINERS:
                return tok.start()
            if not headline and lowered in {"today", "announced", "announces", "reported", "reports"}:
                return tok.start()
        i += 1
        if depth or in_apposition:
            # Inside brackets or an apposition only the marks above change anything: go straight to the next one
            # (a colon's match ends where its word does, which is all the colon rule reads of it).
            tok = _SUBJECT_MARK_RE.search(head, tok.end())
            if tok is not None:
                tokens = _TOKEN_RE.finditer(head, tok.end())
        else:
            tok = following
    return min(len(text), 400)


NAME_WORD = r"(?:[A-Z0-9\u00c0-\u00de][\w.&'\u2019+\-!]*|[a-z]+[A-Z][\w.&'\-]*)"
_NAME_RE = re.compile(
    rf"^(?:The\s+)?(?P<name>(?:{NAME_WORD}|[a-z][\w]*\.(?=\s)|[a-z][\w\-]*(?=\s+(?:AG|SE|GmbH|Inc\.?|Ltd\.?|LLC|Corp\.?)\b))"
    rf"(?:\s+(?:{NAME_WORD}|(?:of|and|&|for|de|du|des|la|le|the|y|et|und|van|von|der|da|do|di|on)(?=\s+[A-Z0-9])"
    rf"(?!\s+(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b)))*"
    rf"(?:(?:,?\s+|\s*,\s*)(?:{LEGAL_FORMS})(?![\w]))*)"
)
# Capitalised words that open a sentence as a description, not a name ("Shareholder rights law firm Johnson Fistel").
_DESCRIPTOR_RE = re.compile(r"^(?:[A-Z][a-z]+(?:-[a-z]+)?)$")
# What a person is, after a name that only qualifies them ("New York Times bestselling author", "Emmy-winning host").
ROLE_RE = re.compile(
    r"\b(?:author|writer|novelist|speaker|founder|expert|coach|attorney|lawyer|pioneer|entrepreneur|journalist|"
    r"columnist|host|professor|producer|artist|chef|consultant|strategist|advisor|adviser|contributor|trainer|"
    r"therapist|physician|surgeon|dentist|realtor|economist|scientist|researcher|candidate|nominee|illusionist|"
    r"winner|finalist|honoree|laureate|recipient|"
    r"magician|musician|singer|songwriter|poet|photographer|designer)s?\b"
)
_ARTICLES = {"a", "an", "the"}
_PLURAL_VERB_RE = re.compile(
    r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:today\s+|jointly\s+|together\s+)?(?:are|have|were|announce|partner|join|team|unveil|launch|collaborate|expand)\b"
)
_LEGAL_START_RE = re.compile(rf"(?:{LEGAL_FORMS})(?![\w])")
_DATE_OPENER_RE = re.compile(rf"^(?:{DATE_RE.pattern})\s*,\s+(?=[A-Z]|the\s+[A-Z])", re.I)
# "The Mexican startup Nufi, specialized in ...", "A Denver-based nonprofit, Acme, ...": an article and a lower-case
# kind of organisation before the name describe it; the name follows.
_KIND_OPENER_RE = re.compile(
    r"^(?:The|A|An)\s+(?:[A-Z][a-z]+(?:-[a-z]+)?\s+)?(?:[a-z][a-z\-]+\s+){0,2}"
    r"(?:startup|start-up|company|firm|brand|nonprofit|non-profit|charity|organi[sz]ation|agency|platform|studio|"
    r"manufacturer|developer|provider|retailer|maker|museum|foundation)\s*,?\s+(?=[A-Z])"
)
_OWNED_BRAND_RE = re.compile(
    r"\s+by\s+(?P<owner>[A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,2})\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]+)\b"
)
# "... 2025, the National Blues Museum in St. Louis ...": after an opener, "the" belongs to the name's sentence.
_THE_AFTER_OPENER_RE = re.compile(r"^the\s+(?=[A-Z])")
_OPENER_RE = re.compile(
    r"^(?:(?:[A-Z][a-z]+ing|In|On|As|At|After|Following|With|For|During|Since|Amid|Through|Under|Earlier|Last|This"
    r"|Every|Each|(?:Based|Headquartered|Founded|Established)\s+(?:in|at|by)"  # "Based in Waldorf, Acme ..."
    r")\b(?![.\-]\w)"  # not "Learning.com, a provider of ...": a name, not a gerund's clause
    r"[^,]{0,120},\s+)(?=\S)"
)


def _name_at(text: str, headline: bool) -> tuple[str | None, int]:
    """The name opening text, and where the subject it opens ends."""
    end = subject_end(text, headline=headline)
    m = _NAME_RE.match(text[:end])
    if not m:
        return None, end
    # "Paradigm Asset Management’s"; a full stop stays only as part of an abbreviation ("Inc.", "N.V.").
    name = trim_period(_POSSESSIVE_RE.sub("", m.group("name").strip(" ,-")))
    return first_of_pair(name), end


_PAIR_RES = (
    re.compile(rf"^(.+?(?:{LEGAL_FORMS}|\.com))\s+(?:and|&)\s+[A-Z]"),
    re.compile(r"^(.+?)\s+and\s+the\s+[A-Z]"),
)


def first_of_pair(name: str) -> str:
    """The first of two names joined by 'and': 'Microsoft Corp. and Genesys', 'HR.com and the HR Research Institute'."""
    if "and" not in name and "&" not in name:
        return name  # both patterns need an 'and' or a '&'
    pair = _PAIR_RES[0].match(name) or _PAIR_RES[1].match(name)
    return pair.group(1) if pair else name


_LISTING_OPENS_RE = re.compile(r"\([A-Za-z][\w .\-/]*:\s*[A-Z0-9]")


# Words that open a clause or a question, not a name ("Why Acme ...", "During the year, ...", "Q&A with ...").
_NOT_NAME_OPENERS = {
    "why", "how", "during", "while", "although", "because", "unlike", "despite", "if", "what", "when", "where",
    "who", "which", "whether", "this", "these", "our", "we", "it", "its", "he", "she", "they", "a", "an", "in", "on",
    "as", "at", "for", "q&a",
}  # fmt: skip


def leading_name(text: str, *, headline: bool = False) -> str | None:
    """The organisation-like name that opens text, or None: 'Zignal Labs, provider of ...' -> 'Zignal Labs'.

    A capitalised first word that is only a description ("Shareholder rights law firm Johnson Fistel, LLP has ...")
    is passed over for the name that follows it.
    """
    text = LEAD_NOISE_RE.sub("", text.strip())
    if any(mark in text for mark in _LEADING_MARKS):
        text = _LEADING_MARKS_RE.sub("", text)
    if not headline:
        # "On Tuesday, March 3, 2020, Comcast ...", "Expanding upon its initiative launched in 2017, Ovation, ...".
        for _ in range(3):
            opener = _OPENER_RE.match(text) or _DATE_OPENER_RE.match(text)
            if (
                not opener
                or _LEGAL_START_RE.match(text, opener.end())
                or _LISTING_OPENS_RE.search(text, 0, opener.end())
            ):
                # "Leading widget maker Acme Widgets, Inc. ...", "Gaming Realms PLC (AIM:GMR, OTCQX:PSDMF) CEO ...",
                # "Booking Holdings (NASDAQ: BKNG) announced that ..., Glenn Fogel,": the comma was the name's or
                # came after its listing, not an opener's
                break
            text = text[opener.end() :]
            text = _THE_AFTER_OPENER_RE.sub("", text, count=1)
        kind = _KIND_OPENER_RE.match(text)
        if kind:
            text = text[kind.end() :]
    name, end = _name_at(text, headline)
    if name and not headline and " and " in name and _PLURAL_VERB_RE.match(text[end:]):
        name = name.split(" and ")[0]  # "KPMG and Microsoft Corp. are strengthening ...": the first of the two
    topic = _TOPIC_LABEL_RE.match(text[end:])
    if name and not headline and topic:
        # "Aemetis, Inc. (Nasdaq: AMTX): Stonegate Capital Partners updates ...": a topic label, then the subject.
        text = text[end + topic.end() :]
        name, end = _name_at(text, headline)
    if name and not headline and text.startswith(name):
        # "Shareholder rights law firm Johnson Fistel, LLP has ...", "New York Times bestselling author and speaker
        # Jane Doe returned ...": the opening name only describes the one that follows (not "When a FedEx truck").
        later = re.search(r"\s(?=[A-Z0-9])", text[len(name) : 160])
        lower_run = text[len(name) : len(name) + later.start()] if later else ""
        run_words = lower_run.split()
        plain = bool(run_words) and not any(w.lower() in VERBS or w.lower() in _ARTICLES for w in run_words)
        described = (" " not in name and _DESCRIPTOR_RE.match(name) and len(run_words) <= 4) or (
            len(run_words) <= 8 and ROLE_RE.search(lower_run)
        )
        # ("Uniko and Mercado Libre (NASDAQ: MELI) have partnered ...": "and" joins two subjects, it describes neither.)
        joined = run_words in (["and"], ["or"])
        if (
            later
            and plain
            and described
            and not joined
            and run_words[0][:1].islower()
            and not re.search(r"[,.;:()]", lower_run)
        ):
            retry, _ = _name_at(text[len(name) + later.end() :], headline)
            if retry:
                name = retry
    if name and not headline and text.startswith(name) and ROLE_RE.fullmatch(name.split()[-1].lower()):
        # "Chicago Music Award Nominee and esteemed EDM artist, Dantès Alexander, ...": a title that describes the
        # person named after the comma.
        comma = re.match(r"[^,.;:()]{0,60},\s+", text[len(name) :])
        retry, _ = _name_at(text[len(name) + comma.end() :], headline) if comma else (None, 0)
        if retry and PERSON_RE.match(retry):
            name = retry
    if name and not headline and text.startswith(name):
        # "Home2 Suites by Hilton proudly announces ...": a brand 'by' its owner, ended by the sentence's verb.
        owned = _OWNED_BRAND_RE.match(text, len(name))
        # The owner is one word ("by Hilton", "by Marriott"): two ("by Jane Doe") may be a person, an author.
        if owned and owned.group("verb").lower() in VERBS and " " not in owned.group("owner"):
            name = f"{name} by {owned.group('owner')}"
    if not name:
        return None
    words = name.split()
    if not words or len(words) > 9:
        return None
    if re.fullmatch(LEGAL_FORMS, name.strip(" .,")):
        return None  # "Inc., the leading media brand, announced ...": a publication, not a name
    if words[0].lower() in _NOT_NAME_OPENERS:
        return None
    return name


# Names are spelt with accents too ("Jaime Treviño", "José Carlos Collazo"): Latin-1 letters count.
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
PERSON_RE = re.compile(
    rf"^(?:Dr\.|Mr\.|Ms\.|Mrs\.)?\s*(?:[{_UPPER}][{_LOWER}'\u2019\-]+|[{_UPPER}]{{2}}(?=\s))(?:\s+[{_UPPER}]\.)?"
    rf"(?:\s+(?:de|van|von|del|da)?\s*(?:Mc|Mac|O'|O\u2019)?[{_UPPER}][{_LOWER}'\u2019\-]+){{1,2}}$"
)


_EMAIL_DOMAIN_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@(?:[\w-]+\.)*?([\w-]+)\.[a-z]{2,6}\b")
# (w(?<=\bw)ww is \bwww: both alternatives then start with a letter, which the regex engine skips straight to.)
_WEB_DOMAIN_RE = re.compile(r"(?:https?://|w(?<=\bw)ww\.)(?:www\.)?([\w-]+)\.[a-z]{2,6}\b")
_MAIL_HOSTS = {
    "gmail",
    "yahoo",
    "outlook",
    "hotmail",
    "aol",
    "icloud",
    "proton",
    "protonmail",
    "mail",
    "live",
    "msn",
    "me",
}


def has_word(text: str, word: str) -> bool:
    """Whether word occurs in text as a whole word (not inside a longer word, an e-mail or a web address)."""
    start = 0
    while True:
        i = text.find(word, start)
        if i < 0:
            return False
        before = text[i - 1] if i else " "
        after = text[i + len(word)] if i + len(word) < len(text) else " "
        if not (before.isalnum() or before in "_.@/-") and not (after.isalnum() or after in "_@"):
            return True
        start = i + 1


def domains_in(text: str) -> set[str]:
    """The names of the e-mail and web domains in text ('media@brokeractioncoalition.com' -> 'brokeractioncoalition')."""
    found = {m.group(1).lower() for m in address_matches(_EMAIL_DOMAIN_RE, text)}
    # _WEB_DOMAIN_RE is tried at every position; a web address has 'http' or 'www.'.
    if "http" in text or "www." in text:
        found |= {d.lower() for d in _WEB_DOMAIN_RE.findall(text)}
    return {d.replace("-", "") for d in found if d.lower() not in _MAIL_HOSTS}


def matches_domain(name: str, domains: set[str]) -> bool:
    joined = re.sub(r"[^a-z0-9]", "", fold(re.sub(r"[\u2122\u00ae]", "", name)))
    return len(joined) >= 4 and any(d in (joined, joined.removeprefix("the")) for d in domains)


def expand_acronym(name: str | None, text: str) -> str | None:
    """An acronym issuer written out as the text first names it: 'CCHR' -> 'Citizens Commission on Human Rights'."""
    if not name or not _ACRONYM_RE.fullmatch(name):
        return name
    m = re.search(
        rf"((?:[A-Z][\w'\u2019&.\-]*\s+(?:(?:of|on|for|and|the|de|in)\s+)*){{2,9}})\(\s*{re.escape(name)}\s*\)", text
    )
    if not m:
        return name
    words = m.group(1).split()
    capitals = [w for w in words if w[:1].isupper()]
    for start in range(len(capitals)):
        # Inner capitals count as initials too: "TradeDog Market Management (TDMM)".
        camel = "".join(re.sub(r"[^A-Z]", "", w) or w[0] for w in capitals[start:])
        if name.replace("&", "") in ("".join(w[0] for w in capitals[start:]).upper(), camel):
            first = words.index(capitals[start])
            return " ".join(words[first:])
    return name


def expand_acronym_tail(name: str | None, text: str) -> str | None:
    """A name ending in an acronym written out as the text prints it: 'Opus VO' -> 'Opus Virtual Offices'."""
    if not name or " " not in name:
        return name
    head, tail = name.rsplit(" ", 1)
    if not _ACRONYM_RE.fullmatch(tail) or "&" in tail:
        return name
    words = r"\s+".join([r"[A-Z][\w'\u2019\-]*"] * len(tail))
    for m in re.finditer(rf"\b{re.escape(head)}\s+({words})\b", text):
        spelled = m.group(1).split()
        if "".join(w[0] for w in spelled) == tail:
            return f"{head} {' '.join(spelled)}"
    return name


def common_word(name: str, text: str) -> bool:
    """A one-word 'name' that the text also writes in lower case is a common noun ('Electrode chip technology')."""
    if " " in name.strip() or STRICT_LEGAL_RE.search(name) or re.search(r"\w\.[a-z]{2,6}$", name):
        return False  # "Learning.com" is written in lower case in its own web address
    # Written in lower case only in a web or mail address or a link's path ("visit uniko.co", ".../uniko-partner-to-
    # ..."): the organisation's own domain, not a common noun.
    word, start = name.lower(), 0
    while (i := text.find(word, start)) >= 0:
        start, before, after = i + 1, text[i - 1] if i else " ", text[i + len(word) : i + len(word) + 2]
        if before.isalnum() or before in "_.@/-" or _WORD_GOES_ON_RE.match(after):
            continue  # inside a longer word (has_word's rule), or its own domain ("uniko.co")
        token = text[max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1 : i] + _NON_SPACE_RE.match(text, i).group()
        if "/" not in token and "@" not in token:  # not in a link's path or a mail address
            return True
    return False


_WORD_GOES_ON_RE = re.compile(r"[\w@]|\.[a-z]")
_NON_SPACE_RE = re.compile(r"\S*")
_CALENDAR_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
}  # fmt: skip
_GENERIC_NAMES = {"company", "the company", "corporation", "group", "us", "we", "media", "team", "management", "press"}


# "The Board of Directors of Exelon Corporation declared a ... dividend", "Shareholders of Acme Inc. approved ...",
# "The Supervisory Board of Medios AG has appointed ...": a body of the company speaks for it.
_BOARD_OF_RE = re.compile(
    r"^(?:The\s+)?(?:(?:Supervisory|Executive|Management|Administrative)\s+Board|Board\s+of\s+Directors"
    r"|Shareholders|Stockholders|Unitholders|Employees|Members|Researchers"
    r"|Scientists|Engineers|Executives|Leaders|Officials|Management|Team|Students|Faculty)\s+of\s+(?:the\s+)?"
    r"(?=[A-Z0-9])"
)


def tidy_name(name: str | None) -> str | None:
    """A name without trademark signs, a trailing symbol in brackets or a person's title after it; None if generic."""
    if not name:
        return None
    name = _TIDY_MARKS_RE.sub("", name)
    name = _TRAILING_BRACKET_RE.sub("", name)
    name = _BOARD_OF_RE.sub("", name)
    name = _PERSON_TITLE_RE.split(name)[0]
    name = _SPACES_RE.sub(" ", name).strip(" ,;:-")
    if not name or name.lower() in _GENERIC_NAMES or name.lower().strip(".") in _CALENDAR_WORDS:
        return None  # "October EV sales collapse ...": a month is no company
    if name.isupper() and len(name.split()) > 5 and not STRICT_LEGAL_RE.search(name):
        return None  # "MORE FAMILIES USE RELIGIOUS EXEMPTION IN SCHOOL VAX REQUIREMENT": a shouted phrase
    return name
