"""Where a name read from a release's opening starts and ends: not at an imperative verb or a "<place>-based"
description before it, nor at a lower-case word inside it."""

from __future__ import annotations

import functools
import re

from .names import STRICT_LEGAL_RE, VERBS, core_words, fold, has_word, leading_name, same_org
from .own_listings import lede_listed
from .places import is_city, is_place

# "Join Cboe® for an educational webinar ...", "Meet Acme at booth 12": a call to the reader, not part of the name.
_IMPERATIVES = {"join", "meet", "visit", "discover", "explore", "attend", "experience", "celebrate", "welcome", "support"}  # fmt: skip

# "Virginia Beach, Va.-based Kilsar, which ...", "New York-based Cotulla Holdings": where the subject is based.
_BASED_RE = re.compile(r"^(?:[A-Z][\w.'\u2019\-]*\s+){0,3}[A-Z][\w.'\u2019]*(?:,\s+[A-Z][\w.]*)?-based\s+(?=[A-Z0-9])")


def imperative_cut(name: str | None, text: str) -> str | None:
    """The name without an imperative verb opening the lede before it ("Join Cboe" -> "Cboe"), when the text prints the
    rest of the name without the verb elsewhere."""
    if not name or " " not in name:
        return name
    verb, rest = name.split(" ", 1)
    if verb.lower() not in _IMPERATIVES:
        return name
    # Printed again as a whole, the verb is the name's ("Discover Puerto Rico", a tourism agency).
    return rest if text.count(name) == 1 and has_word(text.replace(name, ""), rest) else name


def based_subject(lede: str) -> str | None:
    """The subject after a "<place>-based" description opening the lede: "Virginia Beach, Va.-based Kilsar, which is
    building ..." -> "Kilsar" (the place is where the subject is, not the subject)."""
    m = _BASED_RE.match(lede)
    return leading_name(lede[m.end() :]) if m else None


def _opens_as_name(text: str, name: str) -> bool:
    """Whether text opens with the name followed by a verb, a comma, a bracket or nothing."""
    if not text.startswith(name):
        return False
    rest = text[len(name) :]
    nxt = rest.split(maxsplit=1)[0].lower() if rest.strip() else ""
    return not rest.strip() or rest[:1] in ",(:" or nxt in VERBS


# Up to three words after a name (one compiled pattern, matched after the name: not a pattern built per name).
_NAME_TAIL_RE = re.compile(r"((?:\s+[\w&'\u2019\-]+){1,3})")


def lower_case_spelling(name: str | None, headline: str, lede: str, text: str) -> str | None:
    """The whole name where the one read from the lede stopped at a lower-case word inside it: the headline's Title
    Case spelling ("Switched on London stresses ..." under "Switched On London Highlights ...", the text printing
    "Switched On London" too), or the lede's, when the headline opens with it too ("Board in the Kitchen, a premier
    provider ..." under "Board in the Kitchen Announces ...")."""
    if not name:
        return name
    opening = lede.lstrip()
    m = _NAME_TAIL_RE.match(opening, len(name)) if opening.startswith(name) else None
    if not m:
        return name
    words = m.group(1).split()
    for size in range(len(words), 0, -1):
        tail = words[:size]
        if not tail[-1][:1].isupper() or not any(w[:1].islower() for w in tail):
            continue
        spelled = " ".join([name, *tail])
        # Not a place after the name ("... Psychiatry in North Bethesda, MD"), nor a second name ("Cisco and Goldman
        # Sachs to host ...": two issuers).
        joined = not any(w in ("and", "&") for w in tail) and (tail[0] != "in" or tail[1:2] == ["the"])
        if joined and _opens_as_name(headline, spelled) and _opens_as_name(lede.strip(), spelled):
            return spelled  # "Board in the Kitchen Announces ..." over "Board in the Kitchen, a premier provider ..."
        start = fold(headline).find(fold(spelled))
        titled = headline[start : start + len(spelled)] if start == 0 else ""
        if (
            titled
            and fold(titled) == fold(spelled)
            and titled != spelled
            and all(w[:1].isupper() for w in titled.split())
        ):
            if has_word(text.replace(spelled, ""), titled):
                return titled
    return name


# "HIGHLIGHTSMarriott International, Inc.", "ABOUT ACTIVATE CAPITALActivate Capital": a heading in capitals run into
# the name after it.
_CAPS_HEADING_RE = re.compile(
    r"^(?P<caps>[A-Z0-9][A-Z0-9&.'\-]*(?:\s+[A-Z0-9&.'\-]+)*?)(?P<gap>\s*)(?P<name>[A-Z][a-z].*)$"
)


def caps_heading_cut(name: str | None, text: str) -> str | None:
    """The name without a heading in capitals run into it: glued to it ("HIGHLIGHTSMarriott International, Inc."),
    or repeating it ("ABOUT CLAY BRIDGES PRESS Clay Bridges Press"), when the text prints the name elsewhere."""
    m = _CAPS_HEADING_RE.match(name or "")
    if not m or sum(ch.isalpha() for ch in m.group("caps")) < 4:
        return name
    rest = m.group("name")
    repeats = fold(rest) in fold(m.group("caps"))
    if (m.group("gap") and not repeats) or not has_word(text.replace(name, ""), rest):
        return name
    return rest


# "Craig, Kelley & Faultless, a personal injury firm": partners' surnames joined by commas and a last "&" or "and";
# "Skin, Bones, Hearts & Private Parts, a provider of ...": the last part up to three words. One pattern for each
# length of the last part, longest first (a greedy last part would swallow the headline's verb).
_PARTNERS_RES = tuple(
    re.compile(
        r"(?:,\s+[A-Z][\w'\u2019\-]+){1,4},?\s+(?:&|and)\s+[A-Z][\w'\u2019\-]+"
        + r"\s+[A-Z][\w'\u2019\-]+" * extra
        + r"(?:,?\s+(?:LLP|LLC|PLLC|P\.C\.|P\.A\.))?"
    )
    for extra in (2, 1, 0)
)


def partners_name(name: str | None, headline: str, lede: str) -> str | None:
    """A name of several parts that a comma cut short ("Craig" of "Craig, Kelley & Faultless, a ... firm", "Skin" of
    "Skin, Bones, Hearts & Private Parts, a ... provider"), when the lede opens with the whole name and the headline
    prints it too (a list of things is not printed as a name)."""
    if not name or not lede.startswith(name):
        return name
    for pattern in _PARTNERS_RES:
        m = pattern.match(lede, len(name))
        if not m:
            continue
        whole = lede[: m.end()]
        after = lede[m.end() :]
        if after.startswith((",", " is ", " has ", " announced", " today")) and whole in headline:
            return whole
    return name


# "Styled by Binky Opens ...", "Friends of Lakeview Park Hosts ...": a lower-case word inside a name the headline
# opens with, then capitalised words (no "and" or "&": two names).
_CONNECTED_TAIL_RE = re.compile(r"\s+(?:by|of|for|on|de|du|la|le|von|van|da)((?:\s+[A-Z][\w'\u2019\-]*){1,4})")
_BRACKETED_TAIL_RE = re.compile(
    r"\s+\([A-Z][\w&.\-]{1,9}\)\s+(?P<word>of|for|de)(?P<tail>(?:\s+[A-Z][\w'\u2019\-]*){1,4})"
)


def connected_name(name: str | None, headline: str, text: str) -> str | None:
    """The whole name where the one read stopped at a lower-case word inside it ("Styled" of "Styled by Binky Opens
    ..."), when the headline opens with the whole name (up to four words after that word: the longest the text
    prints whole at least twice, and the short form no more often alone)."""
    if not name or not headline.startswith(name):
        return name
    bracketed = _BRACKETED_TAIL_RE.match(headline, len(name))
    if bracketed:
        # "Trauma Intervention Program (TIP) of Orange County Celebrated ...": a short form in brackets inside the
        # name; the tail after it belongs to the name where the text prints the two together.
        words = bracketed.group("tail").split()
        for size in range(len(words), 0, -1):
            whole = f"{name} {bracketed.group('word')} {' '.join(words[:size])}"
            if whole in text.replace(headline, ""):
                return whole
        return name
    m = _CONNECTED_TAIL_RE.match(headline, len(name))
    if not m:
        return name
    body = text.replace(headline, "")
    words = m.group(1).split()
    for size in range(len(words), 0, -1):
        whole = headline[: m.start(1)] + " " + " ".join(words[:size])
        spelled = body.count(whole)
        if spelled >= 2 and body.count(name) - spelled <= spelled:
            return whole
        if spelled and m.group(0).split()[0] == "of" and body.find(name) == body.find(whole):
            # A chapter of a body ("... presented by Girl Scouts of Southeast Florida."): the text's first mention of
            # the name writes it whole.
            return whole
    return name


# "AI Exchange (AIX)", "Heavenly Culture, World Peace, Restoration of Light (HWPL)": capitalised words (commas and
# small words between them), then a short form in brackets (one compiled pattern; the short form is compared after).
_DEFINED_RE = re.compile(
    r"((?:[A-Z][\w'\u2019&.\-]*,?\s+(?:(?:of|on|for|and|the|de|in|&)\s+)*){1,9})\(\s*([A-Z][A-Z&]{1,7})\s*\)"
)


def _spells(short: str, words: list[str]) -> bool:
    """Whether words spell a short form: its letters in order, the first word's initial first, its last letter in the
    last word, every letter but one an initial or a capital ("AI Exchange" spells AIX, "Heavenly Culture, World
    Peace, Restoration of Light" HWPL; not "Acme Holdings" for AIX)."""
    letters = [ch.lower() for ch in short if ch.isalpha()]
    if not words or words[0][:1].lower() != letters[0]:
        return False
    spots = [(ch.lower(), k == 0 or ch.isupper(), w) for w, word in enumerate(words) for k, ch in enumerate(word)]

    @functools.cache
    def fits(i: int, at: int, weak: int) -> bool:
        """Whether letters[i:] fit in spots[at:] (a search: the first spot that fits may not be the one that does)."""
        if i == len(letters):
            return spots[at - 1][2] == len(words) - 1
        return any(
            fits(i + 1, j + 1, weak + (not strong))
            for j in range(at, len(spots))
            if spots[j][0] == letters[i] and weak + (not spots[j][1]) <= 1
            for strong in (spots[j][1],)
        )

    return fits(1, 1, 0)  # the first letter is the first word's initial


def defined_short_form(name: str | None, text: str) -> str | None:
    """A short form written out where the text defines it: "AIX" of "AI Exchange (AIX), developed in partnership
    with ...", "HWPL" of "... organization, Heavenly Culture, World Peace, Restoration of Light (HWPL)": the name in
    full, its letters not only the initials ('expand_acronym' reads initials alone)."""
    if not name or not re.fullmatch(r"[A-Z][A-Z&]{1,7}", name):
        return name
    for m in _DEFINED_RE.finditer(text):
        if m.group(2) != name:
            continue
        words = [w.rstrip(",") for w in m.group(1).split()]
        # The shortest spelling, never one holding the short form itself ("About AGMT The Architectural Glass &
        # Metal Technician (AGMT)" is "Architectural Glass & Metal Technician").
        for start in range(len(words) - 1, -1, -1):
            if name in words[start:]:
                break
            if words[start][:1].isupper() and _spells(name, words[start:]):
                return " ".join(m.group(1).split()[start:]).rstrip(",")
    # Defined the other way round, the short form first: 'NCL ("Natural Cure Labs") today announced ...'; not one term
    # of a list ("ADHD (Attention Deficit Hyperactivity Disorder) and LD (Learning Disabilities)").
    for m in re.finditer(
        rf"(?<![\w-]){re.escape(name)}\s*\(\s*[\"\u201c]?([^()\"\u201c\u201d]{{3,80}}?)['\u2019]?[\"\u201d]?\s*\)"
        r"(?!,?\s+(?:and|or)\s)",
        text,
    ):
        words = m.group(1).split()
        if (
            len(words) > 1
            and all(_NAMED_WORD_RE.fullmatch(w) for w in words)
            and words[-1][:1].isupper()
            and _spells(name, words)
        ):
            return m.group(1).rstrip("'\u2019")
    return name


# A word of a name written out: capitalised, or a small joining word.
_NAMED_WORD_RE = re.compile(r"[A-Z][\w'\u2019&.\-]*,?|of|on|for|and|the|de|in|&")


def connected_opening(headline: str, text: str) -> str | None:
    """The name a headline opens with, joined by a lower-case word, when nothing else named the issuer: "Smile on
    Westbury Launches ..." with the text printing "Smile on Westbury" (the first word alone is a common noun)."""
    words = headline.split()
    if len(words) < 3 or not words[0][:1].isupper():
        return None
    whole = connected_name(words[0], headline, text)
    return whole if whole != words[0] else None


# "Dynamic Global Events (“DGE”) will host ...": a run of capitalised words, then its short form in brackets.
_DEFINING_RUN_RE = re.compile(
    r"((?:[A-Z][\w&'\u2019.\-]*\s+(?:(?:of|and|for|the|&)\s+)?){1,7}[A-Z][\w&'\u2019.\-]*)"
    r"\s+\(\s*[\"\u201c]?([A-Z][A-Z&]{1,7})[\"\u201d]?\s*\)"
    # the sentence's subject: a verb follows ("... (NGM) will host"), not a preposition ("... (ITLA) President's
    # Award", "Applicant Tracking Systems (ATS) and ...": an award's giver, a term)
    r"\s+(?!(?:and|or|of|in|for|to|with|at|on|by|from|as|the|a|an)\b)[a-z]"
)


# "Dynamic Global Events", "Harbor Policy Center": a name that ends in an organisation's word, or a legal form; not a
# term the text defines ("Enterprise Resource Planning (ERP) helps ...", "Remote Patient Monitoring (RPM) is ...").
_ORGANISATION_TAIL_RE = re.compile(
    r"\s(?:Events|Meetings|Group|Institute|Center|Centre|Association|Foundation|Council|Society|Federation|Alliance"
    r"|Coalition|Agency|Partners|Holdings|Network|Project|Programme|Organization|Organisation|Company|Academy|Club"
    r"|Museum|Church|Ministries|Fund|Trust|Union|League|Committee|Commission|Authority|Inc\.?|Corp\.?|Corporation"
    r"|Ltd\.?|Limited|LLC)$"
)


def nameless_names(headline: str, lede: str, text: str) -> str | None:
    """A release nothing else names: the short form its headline opens with, written out where the text defines it
    ("HWPL New York Commemorates ..." over "... Heavenly Culture, World Peace, Restoration of Light (HWPL)"), else
    the name the lede defines a short form of by its initials ("Dynamic Global Events (“DGE”) will host ...")."""
    opening = re.match(r"[A-Z][A-Z&]{1,7}\b", headline)
    if opening and (full := defined_short_form(opening.group(0), text)) != opening.group(0):
        return full
    for m in _DEFINING_RUN_RE.finditer(lede[:600]):
        words, short = m.group(1).split(), m.group(2).replace("&", "")
        # The shortest tail of the run whose capitalised words give the short form's letters ("MA Dynamic Global
        # Events (“DGE”)" after a venue line is "Dynamic Global Events").
        for start in range(len(words) - 1, -1, -1):
            tail = words[start:]
            if words[start][0].isupper() and "".join(w[0] for w in tail if w[0].isupper()) == short:
                # "A Substance Abuse Professional (SAP) is ...": after an article, a role or a term
                name = " ".join(tail)
                if start and words[start - 1] in ("A", "An") or not _ORGANISATION_TAIL_RE.search(name):
                    return None
                return name
    return None


# "Contact DetailsNews Media Group, Inc.": a contact block's heading run into the name after it (its line break lost).
_GLUED_CONTACT_HEADING_RE = re.compile(
    r"^(?:Contact\s+(?:Details|Information|Info)|(?:Media|Press|Investor)\s+Contacts?|Company\s+Website)"
    r":?(?=[A-Z][a-z])"
)


def contact_heading_cut(name: str | None) -> str | None:
    """The name without a contact block's heading glued to it ("Contact DetailsNews Media Group, Inc." -> "News Media
    Group, Inc."); a heading of two words, so that a name such as "ContactMonkey" stays."""
    m = _GLUED_CONTACT_HEADING_RE.match(name or "")
    return name[m.end() :] if m else name


# "Birk Law Firm Attorney Kelvin": an About heading run into a sentence opening with a titled person ("About Birk Law
# Firm Attorney Kelvin Birk holds dual roles ..."); the title ends the name.
_TITLE_WORDS = {"Attorney", "Dr.", "Dr", "CEO", "CFO", "COO", "Chairman", "Founder", "Owner", "President", "Director",
                "Broker", "Realtor"}  # fmt: skip


# "FeganScott Managing Partner Elizabeth Fegan": a title of several words, then a person's first name and surname.
_TITLE_RUN_RE = re.compile(
    r"\s(?:(?:Managing|Senior|Founding|Executive|General|Vice|Co-|Chief\s+[A-Z]\w+)\s*)?(?:Partner|Director|President"
    r"|Officer|Principal|Founder|Co-Founder|Owner|CEO|Chair|Chairman|Chairwoman|Attorney)"
    r"\s+(?P<person>[A-Z][a-z'\u2019\-]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'\u2019\-]+)$"
)


def titled_person_cut(name: str | None, text: str) -> str | None:
    """The name cut before a title and a person's name run on after it, when the text prints the part before the title
    as a name of its own (followed by a lower-case word, a comma or a full stop)."""
    words = (name or "").split()
    for at in range(2, len(words) - 1):
        if words[at] not in _TITLE_WORDS or not all(w[:1].isupper() for w in words[at + 1 :]):
            continue
        head = " ".join(words[:at])
        if re.search(rf"{re.escape(head)}(?:[,.]|\s+[a-z])", text.replace(name, "")):
            return head
        break
    # A title of several words before a person's first name and surname, after an organisation of one word or more
    # ("FeganScott Managing Partner Elizabeth Fegan has been named ...", the text printing "FeganScott has ...").
    m = _TITLE_RUN_RE.search(name or "")
    head = name[: m.start()] if m else ""
    if head and re.search(rf"(?<![\w-]){re.escape(head)}(?:[,.]|\s+[a-z])", text.replace(name, "")):
        return head
    return name


# The words after a name's first mention that write it whole with a legal form: "Nostra Terra| Oil & Gas Company PLC".
_MENTION_LEGAL_RE = re.compile(
    r"((?:\s+(?:[A-Z](?:[a-z'\u2019\-]+|[A-Z'\u2019\-]*)|&|of)){0,5}?),?\s+"
    r"(?:Inc\.?|Incorporated|Corp\.?|Corporation|Company\s+PLC|Company\s+plc|Ltd\.?|Limited|LLC|PLC|plc|N\.V\.|S\.A\.|AG"
    r"|SE|GmbH)(?![\w])"
)
# What follows a name printed whole: a comma, a full stop or a bracket.
_APPOSITION_RE = re.compile(r"\s*[,.(]")
# A headline's possessive after a name: "Brooksby Village\u2019s Predictable Costs ...".
_HEADLINE_OWNER_RE = re.compile(r"((?:\s+[A-Z][\w&\-]*){1,3})['\u2019]s\b")


def first_mention_whole(name: str | None, headline: str, text: str) -> str | None:
    """A short name written whole as the text's first mention of it prints it: with a legal form ("Nostra Terra Oil &
    Gas Company PLC CEO Paul Welch talked ..." for the headline's "Nostra Terra"), or with the words the headline's
    possessive adds ("Brooksby Village\u2019s ..." over "... heard great things about Brooksby Village, an ...")."""
    if not name or len(name.split()) > 3 or STRICT_LEGAL_RE.search(name):
        return name
    at = text.find(name)
    while at > 0 and text[at - 1].isalnum():
        at = text.find(name, at + 1)
    if at < 0 or at > 3000:
        return name
    end = at + len(name)
    legal = _MENTION_LEGAL_RE.match(text, end)
    added = legal.group(1).split() if legal else []
    # Words the name lacked ("Oil & Gas"), not its legal form alone, nor the name again or a person's title after it
    # ("Numa Numa Resources Inc.", "U.S. Gold CEO George Bee Corp").
    if added and name.split()[0] not in added and not _TITLE_WORDS.intersection(added):
        return text[at : legal.end()]
    owner = _HEADLINE_OWNER_RE.match(headline, len(name)) if headline.startswith(name) else None
    if owner and text.startswith(owner.group(1), end) and _APPOSITION_RE.match(text, end + len(owner.group(1))):
        return name + owner.group(1)
    return name


def issuer_line_spelling(known: str, subject: str, text: str) -> bool:
    """Whether the name the release's issuer line gives ("Farmington Hills, United States - March 18, 2025 / Perfect
    Impressions Graphic Solutions /") spells the lede's subject longer or shorter ("Perfect Impressions stands out
    ...", "Physician Aesthetic Institute MedSpa Unveils ...") and the text prints it: that spelling is the name."""
    if known == subject or not (known.startswith(subject + " ") or subject.startswith(known + " ")):
        return False
    # Not cut at a lower-case word ("Holdings" for "Holdings for Good"), nor the same name with or without its legal
    # form.
    shorter, longer = sorted((known, subject), key=len)
    if longer[len(shorter) :].split()[0][:1].islower() or core_words(known) == core_words(subject):
        return False
    return has_word(text, known)


def lede_case(name: str | None, lede: str) -> str | None:
    """The lede's spelling of a name read from a heading that prints it in other capitals ("About the Dfw Car and Toy
    Museum" over "... the DFW Car and Toy Museum ..."): the one with more capitals, as the issuer writes it."""
    if not name or name in lede:
        return name
    at = lede.lower().find(name.lower())
    printed = lede[at : at + len(name)] if at >= 0 else ""
    # Not a shouted spelling ("WATERPIK" in a lede written in capitals).
    if printed and not printed.isupper() and sum(c.isupper() for c in printed) > sum(c.isupper() for c in name):
        return printed
    return name


# "Debt.com\u2019s 2024 budgeting survey": a name read on past its possessive into what it owns.
# What the possessive owns may be an organisation of its own ("Hong Kong's Government Flying Service").
_OWNED_ORG_RE = re.compile(
    r"\b(?:Foundation|Institute|Services?|Homes|Company|Group|Association|Society|Council|Agency|Department|Club"
    r"|Academy|School|College|University|Hospital|Center|Centre|Classroom|Studios?|Fund|Trust|Bank|Ministry|Office)\b"
)
_INNER_POSSESSIVE_RE = re.compile(r"^(?P<owner>\S.*?\S)['\u2019]s\s+\S")


def possessive_cut(name: str | None, text: str) -> str | None:
    """The owner of a name read on past a possessive ("Debt.com\u2019s 2024" -> "Debt.com"), when the text prints the
    owner alone, without the possessive, twice or more (not "Macy's Inc.", whose "Macy" the text never prints alone).
    One plain word owns nothing here ("City\u2019s Community Investment ...", "Jay's Kitchen": a common word, a first
    name), nor does a place ("Maryland\u2019s Department of Health")."""
    m = _INNER_POSSESSIVE_RE.match(name or "")
    if not m or STRICT_LEGAL_RE.search(name):
        return name
    owner = m.group("owner")
    if (" " not in owner and not re.search(r"[a-z][A-Z]|\.[a-z]|^[A-Z]{2,}", owner)) or is_place(owner):
        return name
    # "Lake Travis ISD\u2019s Education Foundation", "Chef Eric's Culinary Classroom": what it owns is a body of its own.
    if _OWNED_ORG_RE.search(name[m.end() - 1 :]):
        return name
    alone = re.findall(rf"(?<![\w.]){re.escape(owner)}(?![\w'\u2019\-]|\.\w)", text)
    return owner if len(alone) >= 2 else name


def branch_place_cut(name: str | None, text: str, place: str | None) -> str | None:
    """A name closed by a dash and the place of its branch, the dateline's or a known place, cut off where the text
    names the business without it: "Not Your Basic Locksmith - Arlington" of "Arlington, United States - March 7,
    2025 / Not Your Basic Locksmith - Arlington /" and "Not Your Basic Locksmith delivers ..." (twice or more); an
    office named by "in" and a known place, where the text prints the organisation without it once ("Trade
    Commissioner of ProChile in Los Angeles" and "ProChile in collaboration with ...")."""
    m = re.fullmatch(
        r"(?P<head>.+?)\s+(?P<joint>[-\u2013\u2014]|in)\s+(?P<tail>[A-Z][\w.'\u2019\- ]{1,40})", name or ""
    )
    if not m:
        return name
    head, tail, dash = m.group("head"), m.group("tail"), m.group("joint") != "in"
    at_place = dash and bool(place) and fold(tail) == fold(re.split(r"\s*,\s*", place or "")[0])
    rest = text.replace(name or "", "")
    printed = rest.count(head) if dash else len(re.findall(rf"(?<![\w\-]){re.escape(head)}(?![\w\-])", rest))
    if (at_place or is_place(tail) or is_city(tail)) and printed >= (2 if dash else 1):
        return head
    return name


# A headline's phrase joined to a name by a preposition: "Fueling Nevada's Mining Renaissance Alongside Lahontan ...".
_JOINING_PREPOSITIONS = {"Alongside", "With", "Behind", "Inside", "Featuring", "Through", "Beside", "Among", "Via"}


def printed_tail(company: str | None, text: str) -> str | None:
    """A long name the text never prints whole, of which it prints the part after a joining preposition: "Fueling
    Nevada's Mining Renaissance Alongside Lahontan Gold Corp." read off a headline is "Lahontan Gold Corp.", as the
    story names it."""
    words = (company or "").split()
    if len(words) < 4 or company in text:
        return company
    for start in range(1, len(words) - 1):
        tail = " ".join(words[start:])
        if words[start - 1] in _JOINING_PREPOSITIONS and words[start][:1].isupper() and tail in text:
            return tail
    return company


def listed_whole(company: str | None, text: str) -> str | None:
    """A name read short ("About Alexion") that the opening prints whole with its listing as the subject: "Alexion
    Pharmaceuticals, Inc. (NASDAQ:ALXN) today announced ...", where a subheading ahead hid the lede."""
    if not company or STRICT_LEGAL_RE.search(company) or len(company.split()) > 2 or company + " " not in text[:1500]:
        return company  # (the opening never prints the name with more after it: nothing to read)
    listed = lede_listed(text[:1500])
    # Written whole with a legal form ("Xilinx Developer Forum Europe 2019, Xilinx, Inc. ..." is an event's name).
    if listed and listed.startswith(company + " ") and same_org(company, listed) and STRICT_LEGAL_RE.search(listed):
        return listed
    return company


# A listing's bracket right after a name: "ESGold Corp. (CSE: ESAU)".
_LISTING_AFTER_RE = r"\s*\(\s*[A-Za-z][\w .\-]*:\s*[A-Z0-9]"
_LEGAL_WORD_RE = re.compile(
    r"^(?:Inc\.?|Corp\.?|Corporation|Ltd\.?|Limited|LLC|PLC|plc|Co\.?|Company|Group|Holdings?)$"
)


def listed_tail(company: str | None, headline: str, text: str) -> str | None:
    """A name read off a headline run into the words before it, cut to the tail the text prints: "Scalability of ESGold
    Corp. (CSE: ESAU) ... Tailings Model", "New ESGold Corp. (CSE: ESAU) CEO Discusses ...", "Bitcoin Miner Bitdeer
    (NASDAQ: BTDR) Grows ..." name ESGold Corp. and Bitdeer. Only a name the headline prints with its listing, cut where
    the text never joins the words on either side; the tail is the longest the text prints twice, or once with a
    listing."""
    words = (company or "").split()
    if len(words) < 2 or not re.search(re.escape(company) + _LISTING_AFTER_RE, headline):
        return company
    for start in range(1, len(words)):
        tail = " ".join(words[start:])
        if not words[start][:1].isupper() or all(_LEGAL_WORD_RE.match(w) for w in words[start:]):
            continue
        joint = rf"{re.escape(words[start - 1].rstrip(','))},?\s+{re.escape(words[start].rstrip(','))}"
        if re.search(rf"(?<![\w\-]){joint}(?![\w\-])", text):
            return company  # "New Pacific Metals" or "Calidi Biotherapeutics", as the text prints it (lines broken)
        core = words[start:]
        while len(core) > 1 and _LEGAL_WORD_RE.match(core[-1].rstrip(",")):
            core = core[:-1]  # "ESGold Corp." is printed "ESGold" too
        for printed in dict.fromkeys((tail, " ".join(core).rstrip(","))):
            found = re.findall(rf"(?<![\w\-]){re.escape(printed)}(?![\w\-])", text)
            if len(found) >= 2 or re.search(rf"(?<![\w\-]){re.escape(printed)}{_LISTING_AFTER_RE}", text):
                return tail
    return company
