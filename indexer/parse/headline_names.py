"""Names a headline gives: the company it confirms, a person it describes, a joint or listed subject, its spellings."""

from __future__ import annotations

import re

from .authorship import GOVERNMENT_RE
from .interviews import interviewee_org
from .name_tails import printed_whole
from .names import (
    LEGAL_FORMS,
    PERSON_RE,
    ROLE_RE,
    common_word,
    domains_in,
    has_word,
    leading_name,
    matches_domain,
    subject_end,
)
from .own_listings import group_names, subject_groups
from .persons import is_person
from .places import demonym, is_place
from .subject import gerund, surname_of_person

HEADLINE_BRAND_RE = re.compile(r"^[A-Z][\w.]*(?:Breaks|Wire|News|Alert)\s+[\u2013\u2014\-:]\s+")


def headline_word(company: str | None, headline: str, lede: str) -> str | None:
    """The headline's one-word spelling of a name the lede does not print and the text spaces out ("Brother
    Filtration" under the headline "Brotherfiltration Industrial Filtration Solutions": the first spelling)."""
    if not company or " " not in company or company in lede:
        return company
    joined = re.sub(r"\W", "", company).lower()
    return next((w for w in re.findall(r"[\w]+", headline) if w.lower() == joined), company)


def headline_spelling(company: str | None, headline: str, lede: str) -> str | None:
    """The headline's longer spelling of the company when the lede prints the same words in lower case: "Hive
    Digital technologies Executive Chairman ..." under "Hive Digital Technologies' Strategic Alliance ..."."""
    if not company:
        return company
    # The headline's name ends in a possessive: a name, not a Title Case verb ("... LLP Is Investigating").
    # The name found with str.find and the words after it with one compiled pattern: a pattern built around each
    # release's own name would be compiled anew for every release.
    at = headline.find(company)
    while at >= 0 and not (m := _POSSESSED_TAIL_RE.match(headline, at + len(company))):
        at = headline.find(company, at + 1)
    if at < 0:
        return company
    longer = f"{company}{m.group(1)}"
    if longer not in lede and re.search(rf"{re.escape(longer)}\b", lede, re.I):
        return longer
    return company


_POSSESSED_TAIL_RE = re.compile(r"((?:\s+[A-Z][\w&\-]*){1,3})['\u2019]")
_QUOTE_OPEN_RE = re.compile(r"[\u201c\"\u2018](?:The\s+)?")


def quoted_in(name: str, headline: str) -> bool:
    """Whether the headline prints the name just after an opening quote ('"The Acme Way" ...'), and not first."""
    if headline.startswith(name + " "):
        return False  # 'Acme Launches "Acme Go"': the company, then its product's title
    for quote in _QUOTE_OPEN_RE.finditer(headline):
        if headline.startswith(name, quote.start() + 1) or headline.startswith(name, quote.end()):
            return True
    return False


# Words a name does not end with: a headline's Title Case phrase cut there is no name ("Step Into Your").
_OPEN_ENDINGS = {"your", "our", "my", "their", "his", "her", "its", "the", "a", "an", "of", "for", "to", "into", "with", "and", "in", "on", "at", "from", "by"}  # fmt: skip


def headline_company(headline: str, text: str, contacts: str) -> str | None:
    """A name in the headline that the release confirms: an interviewee's organisation, a name the text repeats,
    or one that matches a contact's e-mail or web domain."""
    interviewed = interviewee_org(headline)
    if interviewed:
        return interviewed
    head = strip_headline_brand(headline)
    if ": " in head[:60] and (titled := _colon_title_name(head, text)):
        return titled
    domains = domains_in(text[:20000] + "\n" + text[-5000:])
    runs = re.findall(
        r"(?:(?:The\s+)?(?:[A-Z0-9][\w&.'\u2019+\-]*)(?:\s+(?:of|and|&|for|the)?\s*[A-Z0-9][\w&.'\u2019+\-]*)*)", head
    )
    for run in runs:
        if matches_domain(run, domains):
            return run.strip()
    subject = _legal_form_end(leading_name(head, headline=True), head)
    if not subject or is_person(subject, text[:600], text) or surname_of_person(subject, text):
        return None  # ("Raskin Raises ..." over "Rep. Jamie Raskin": a person)
    if gerund(subject.split()[0], text):
        return None  # "Honoring Dr. King's Vision: ..." beside "... to honor Dr. King's vision": a verb opens it
    if headline_person(head, text):
        return None  # "Chicago Music Award Nominee Dantès Alexander Reveals ...": a person, described
    words = subject.split()
    if GOVERNMENT_RE.match(head):
        return None  # "The Biden Administration Just Finalized ...": a government, named after its head
    if not text.strip() and " " in subject:
        return subject  # a body with nothing but its dateline: the headline's subject is all the release says
    # The longest opening of the headline subject that the body repeats ("Creative Biolabs Facilitates ..." -> "Creative Biolabs").
    words = subject.split()
    found = _repeated_opening(words, text)
    owner = _owner_words(words, text) if found and ("'" in subject or "\u2019" in subject) else words
    if owner != words:
        # "Lenovo's Meet Your Digital Self" -> "Lenovo"; "Carlos Alberto" (cut before "Serrano's") -> "Carlos Alberto
        # Serrano". Only a name found with the possessive, or a shorter one, gives way: no name where none was.
        cut = _repeated_opening(owner, text)
        if cut and (_POSSESSIVE_WORD_RE.search(found) or cut.startswith(found + " ")):
            found = cut
    return found


# "The Advocate: Supporting the Patient Voice Releases ...": a name of two parts joined by a colon, then a verb.
_COLON_TITLE_RE = re.compile(
    r"^(?P<name>(?:The\s+)?[A-Z][\w&'\u2019\-]*(?:\s+[A-Z][\w&'\u2019\-]*){0,3}:\s+[A-Z][\w&'\u2019\-]*"
    r"(?:\s+(?:[A-Z][\w&'\u2019\-]*|the|of|and|for|&)){0,6}?)\s+(?=[A-Z][a-z]+(?:s|ed)\s)"
)


def _colon_title_name(head: str, text: str) -> str | None:
    """A headline's subject whose name holds a colon, when the text prints it whole as a name, with a possessive or a
    verb after it ("The Advocate: Supporting the Patient Voice's goal is ...")."""
    m = _COLON_TITLE_RE.match(head)
    if not m:
        return None
    name = m.group("name")
    return name if printed_whole(name, text) else None


# "Hagen Rosskopf LLC Commemorates The Life ...": a legal form ends a title-case headline's subject, whatever verb
# follows it (one the verb list lacks leaves the whole headline read as a name).
_LEGAL_END_RE = re.compile(
    r"^(?:[A-Z][\w&'\u2019\-]*\s+){1,5}?(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|LLP|PLLC|Corp\.?|Corporation|PLC|GmbH|P\.C\.)"
    r"(?=\s+[A-Z][a-z]+(?:s|ed)\s)"
)


def _legal_form_end(subject: str | None, headline: str) -> str | None:
    """The headline's subject cut after its legal form, where the name read runs past it or none was read."""
    m = _LEGAL_END_RE.match(headline)
    if m and (not subject or len(subject) > m.end()):
        return m.group(0)
    return subject


def _repeated_opening(words: list[str], text: str) -> str | None:
    """The longest opening of a headline subject's words that the text repeats (in its own spelling when shouted)."""
    for size in range(len(words), 0, -1):
        candidate = " ".join(words[:size])
        if is_place(candidate) or demonym(candidate):
            return None  # "Bergen County Residents Make the Move to ...", "Australian Super ...": a place's people
        if words[size - 1].lower() in _OPEN_ENDINGS:
            continue  # "Step Into Your Dream Life: ...": a phrase, not a name
        if len(candidate) >= 3 and has_word(text, candidate):
            if size == 1 and common_word(candidate, text):
                return None
            return candidate
        spelled = _text_spelling(candidate, text) if size > 1 and candidate.isupper() else None
        if spelled:
            return spelled
    return None


_JOINING = {"of", "and", "&", "the", "for", "de", "du", "la", "el"}


def _text_spelling(shouted: str, text: str) -> str | None:
    """How the text spells a name a shouted headline prints in capitals ("THE BRONZEVILLE TRAIL TASK FORCE PRESENTS
    ..." over "The Bronzeville Trail Task Force (BTTF) will hold ..."): its first Title Case spelling, if any."""
    spaced = r"\s+".join(map(re.escape, shouted.split()))
    for m in re.finditer(rf"(?<![\w@./]){spaced}(?![\w@.])", text, re.I):
        spelled = " ".join(m.group(0).split())
        named = [w for w in spelled.split() if w.lower() not in _JOINING]
        if (
            spelled[:1].isupper()
            and all(w[:1].isupper() for w in named)
            and any(any(c.islower() for c in w) for w in named)
            and not _POSSESSIVE_WORD_RE.search(spelled)
        ):
            return spelled
    return None


_POSSESSIVE_RE = re.compile(r"^(?P<owner>.+?)(?:['\u2019]s|s['\u2019])$")
_POSSESSIVE_WORD_RE = re.compile(r"\w(?:['\u2019]s|s['\u2019])(?:\s|$)")
_CORPORATE_WORD_RE = re.compile(rf"^(?:{LEGAL_FORMS}|Companies|Stores|Investors|Restaurants)$")


def _owner_words(words: list[str], text: str) -> list[str]:
    """A subject that opens with an owner's possessive names the owner's thing: "Lenovo\u2019s Meet Your Digital Self"
    is Lenovo's programme, and the name is "Lenovo" when the text names it alone too (twice, without the possessive).
    A name that is possessive itself ("Lowe's Companies", "Macy's Inc.") stays whole."""
    for at, word in enumerate(words[:-1]):
        m = _POSSESSIVE_RE.match(word)
        if not m:
            continue
        owner = [*words[:at], m.group("owner")]
        if _CORPORATE_WORD_RE.match(words[at + 1]):
            return words
        bare = re.findall(rf"\b{re.escape(' '.join(owner))}\b(?!['\u2019\w])", text)
        return owner if len(bare) >= 2 else words
    return words


def headline_person(head: str, text: str) -> str | None:
    """The person a headline opens with after words describing them: "Seattle Author Stephen Mark Silvers Reflects
    ...", "Chicago Music Award Nominee Dantès Alexander, ...", "Author Andre Soares Announces ..."."""
    words = head.replace(",", " ").replace(":", " ").split()[:8]
    for at, word in enumerate(words):
        if not ROLE_RE.fullmatch(word.lower()):
            continue
        for size in (3, 2):
            name = " ".join(words[at + 1 : at + 1 + size])
            if len(name.split()) == size and PERSON_RE.match(name) and is_person(name, text[:600], text):
                return name
    return None


def introduced_person(head: str, lede: str, text: str) -> str | None:
    """The person a headline opens with whom the lede introduces by their trade: "Jane Roe Unveils New Single ..."
    over "Rising R&B artist Jane Roe is set to release her ..." (a person speaking for themself)."""
    words = head.replace(",", " ").replace(":", " ").split()[:3]
    for size in (3, 2):
        name = " ".join(words[:size])
        if len(name.split()) != size or not PERSON_RE.match(name):
            continue
        introduced = re.search(rf"{ROLE_RE.pattern}\s+{re.escape(name)}(?![\w'\u2019]|\s+[A-Z])", lede[:400])
        if introduced and is_person(name, lede[:600], text):
            return name
    return None


_BASE_VERB_RE = re.compile(
    r"\s*(?:Announce|Partner|Launch|Join|Unveil|Sign|Team|Expand|Complete|Enter|Form|Agree|Collaborate|Introduce|"
    r"Celebrate|Host|Present|Open|Close|Debut|Combine|Merge|Unite|Deliver|Bring|Win|Receive)\b"
)


def joint_headline(headline: str) -> bool:
    """Whether the headline's subject takes a plural verb ('Acme and Globex Announce ...'): two issuers."""
    head = strip_headline_brand(headline)
    end = subject_end(head, headline=True)
    return (" and " in head[:end] or " & " in head[:end]) and bool(_BASE_VERB_RE.match(head[end:]))


def headline_listed(headline: str) -> str | None:
    """The name printed before a listing in the headline's subject: 'Clene (NASDAQ: CLNN) Seeks ...' -> 'Clene'."""
    head = strip_headline_brand(headline)
    groups, _ = subject_groups(head, headline=True)
    if not groups:
        return None
    return group_names(head, groups[0])


def strip_headline_brand(headline: str) -> str:
    # "InvestorNewsBreaks – Nightfood Holdings ...", "TechMediaBreaks – PowerBank ...": a publisher's label first.
    return HEADLINE_BRAND_RE.sub("", headline)


# Verbs of speech around a quoted surname ("confesses Blake", "Blake said").
_SPEECH = "says|said|adds|added|confesses|confessed|explains|explained|notes|noted|shares|shared|recalls|recalled"
# "...: Patricia Blake's New Podcast Lands ...": a person's name, then a possessive.
_PERSON_OWNER_RE = re.compile(r"(?<![\w'\u2019])([A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z][\w\-]*)['\u2019]s\s+[A-Z]")


def headline_possessor(headline: str, text: str) -> str | None:
    """The person whose work a headline presents by a possessive ("Patricia Blake's New Podcast ..."), when the text
    names them whole and quotes them by surname ("confesses Blake"): not a place ("Orange Mound's African ...")."""
    for m in _PERSON_OWNER_RE.finditer(headline):
        name = m.group(1)
        surname = name.split()[-1]
        if not PERSON_RE.fullmatch(name) or name not in text or is_place(name):
            continue
        if re.search(rf"\b(?:{_SPEECH}) {re.escape(surname)}\b|\b{re.escape(surname)} (?:{_SPEECH})\b", text):
            return name
    return None
