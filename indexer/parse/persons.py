"""People a release names: whether a subject is a person, and the organisation a person works for."""

from __future__ import annotations

import re

from .names import LEGAL_FORMS, NAME_WORD, PERSON_RE, STRICT_LEGAL_RE, matches_domain, same_org

_MIDDLE_INITIAL_RE = re.compile(r"\s[A-Z]\.\s")
_TITLE = (
    r"(?:CEO|CFO|COO|CTO|CMO|Chief|President|Founder|Co-Founder|Co-founder|Chair(?:man|woman)?|Director|Owner|Partner|"
    r"Principal|Managing|Vice|VP|Head|Executive|General Manager|Manager|manager|Senior|author|founder|owner|president|expert|"
    r"coach|attorney|lawyer|resident|longtime|speaker|chef|artist|broker|agent|consultant|entrepreneur|leader|"
    r"veteran|specialist|physician|doctor|dentist|surgeon|realtor|Realtor|Broker|Expert|Host|host|Advisor|advisor|"
    r"Officer|Professor|professor|Dr\.)"
)
_EMPLOYER_RE = re.compile(
    rf"^\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w\-/]+\s+){{0,4}}?{_TITLE}[\w\s&\-/]{{0,50}}?\b(?:of|at|for|with)\s+"
    rf"(?:the\s+)?(?P<org>(?:The\s+)?{NAME_WORD}(?:\s+(?:{NAME_WORD}|of|and|&|for|the))*(?:(?:,?\s+)(?:{LEGAL_FORMS})(?![\w]))*)"
)
_TITLE_APPOSITION_RE = re.compile(rf"\s*,\s*(?:the\s+|a\s+|an\s+|its\s+)?(?:[\w\-]+[\s/]+){{0,3}}?{_TITLE}\b")
_TITLE_PREDICATE_RE = re.compile(rf"\s+(?:is|was|has been|serves as)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}?{_TITLE}\b")
# A capitalised pronoun counts where it opens a sentence ("His cases ..."), not in a title ("What Would You Say To Her?").
_PRONOUN_RE = re.compile(r"\b(?:he|she|him|his|her|hers|himself|herself)\b|\b(?:He|She|His|Her)\s+[a-z]")
_ORG_AFTER_RE = re.compile(rf"(?=\b(?:of|at|for|with)\s+(?:the\s+)?((?:{NAME_WORD})(?:\s+(?:{NAME_WORD}|of|&))*))")
# "Summit Black Car is a leader in luxury transportation ... Known for its commitment ...": a word naming people and
# businesses alike ("a leader", "a specialist"), then "its" and no personal pronoun: a business.
_ORG_PREDICATE_RE = re.compile(
    r"\s+(?:is|was|has been)\s+(?:the|a|an)\s+(?:[\w\-]+\s+){0,3}?(?:leader|specialist|expert|veteran|consultant|advisor)\b"
    r"(?![^\n]*\b(?:he|she|him|his|her|hers)\b)(?=[^\n]*\bits\b)"
)
_SAID_RE = re.compile(
    r"\b(?:said|says|added|explained|noted|according to)\s+([A-Z][\w'\u2019\-]+)|\b([A-Z][\w'\u2019\-]+)\s+(?:said|says|added|explained|noted)\b"
)
_SAID_WORDS = ("said", "says", "added", "explained", "noted", "according to")
_SAID_AFTER_RE = re.compile(r"\s+(?:said|says|added|explained|noted)\b")


def _next_to_said_word(word: str, text: str) -> bool:
    """False only when word is nowhere in text right after or before a word of _SAID_RE and whitespace.

    Every _SAID_RE match whose name group is the word has it printed so, whatever the matches around it.
    """
    at = text.find(word)
    while at >= 0:
        before = text[max(0, at - 64) : at]
        said_end = before.rstrip()  # what is before the whitespace (\s and str.isspace agree)
        # A long run of whitespace (or the text's start) could hide the word before it: then the pattern decides.
        if len(before) - len(said_end) > 32 or not said_end or said_end.endswith(_SAID_WORDS):
            return True
        if _SAID_AFTER_RE.match(text, at + len(word)):
            return True
        at = text.find(word, at + 1)
    return False


# "Veritas Global Protection, a leader in ...", "Harbor Dental Group": a last word that names a business, never a
# person's surname, whatever title or pronoun follows ("Company" is left to the legal forms: an About of a supplier
# named "Acme Company" must not turn a museum's release into the listed supplier's).
_BUSINESS_TAIL_RE = re.compile(
    r"\s(?:Group|Protection|Solutions|Systems|Services|Technologies|Technology|Holdings|Partners|Capital|Labs|Media"
    r"|Healthcare|Clinic|Clinics|Insurance|Realty|Properties|Consulting|Marketing|Agency|Foundation|Institute"
    r"|Association|Network|Software|Studios|Industries|Ventures|Logistics|Energy|Bank|Financial|Management"
    r"|Academy|Center|Centre|Dental|Construction|Roofing|Plumbing|Motors|Pharmaceuticals|Therapeutics|Biosciences"
    r"|Robotics|Security|Enterprises|Restaurant|Hospital|Pharmacy|Orthodontics|Dentistry|Remodeling|Landscaping"
    r"|Transport|Transportation|Collective|Alliance|Coalition|Council|Society|Federation|Church|Ministries|Firm|Lawyers"
    r"|Attorneys)$"
)


def is_person(name: str, lede: str, text: str) -> bool:
    """Whether a subject is a person: 'Brian L. Roberts, Chairman ...', 'Chris Turner, a renowned coach', '... said Turner'."""
    if not PERSON_RE.match(name) or STRICT_LEGAL_RE.search(name) or same_org(name, None):
        return False
    if _BUSINESS_TAIL_RE.search(name):
        return False
    if _MIDDLE_INITIAL_RE.search(name):
        return True
    position = lede.find(name)
    after = lede[position + len(name) : position + len(name) + 80] if position >= 0 else ""
    if _TITLE_APPOSITION_RE.match(after):
        return True
    predicate = _TITLE_PREDICATE_RE.match(after)
    if predicate and not _ORG_PREDICATE_RE.match(
        after[: predicate.end()] + lede[position + len(name) + predicate.end() :][:300]
    ):
        return True
    if position >= 0 and _PRONOUN_RE.search(lede[position + len(name) : position + len(name) + 300]):
        return True  # "... when he was kidnapped": a person
    # People are quoted by surname alone ("said Turner"); a company keeps its whole name ("Alfa Chemistry noted").
    words = name.split()
    surname, rest = words[-1], " ".join(words[:-1])
    if not _next_to_said_word(surname, text):
        return False  # no _SAID_RE match can name the surname: saves trying that pattern at every capital
    for m in _SAID_RE.finditer(text):
        if surname == m.group(1) or (surname == m.group(2) and not text[: m.start()].endswith(rest + " ")):
            return True
    return False


_PART_OF_ORG_RE = re.compile(r"\b(?:Division|Department|Unit|Desk|Office|Team|Practice)$")


def employer(name: str, lede: str, domains: set[str]) -> str | None:
    """The organisation a person subject works for: 'Brian L. Roberts, Chairman and CEO of Comcast Corporation'.

    When the apposition names several ('Broker/Owner of McKay Mortgage Company and Chief Advocacy Officer of the
    Broker Action Coalition'), the one whose name is the contacts' e-mail domain wins.
    """
    position = lede.find(name)
    if position < 0:
        return None
    after = lede[position + len(name) :]
    m = _EMPLOYER_RE.match(after)
    if not m:
        return None
    apposition = after[: after.find(",", m.end()) if after.find(",", m.end()) > 0 else len(after)]
    orgs = _ORG_AFTER_RE.findall(apposition)
    for org in orgs:
        if matches_domain(org, domains):
            return org.strip(" ,")
    org = m.group("org").strip(" ,")
    if _PART_OF_ORG_RE.search(org) and orgs and orgs[-1].strip(" ,") != org:
        return orgs[-1].strip(" ,")  # "Director of the Viking Division at Club Cruise": the part's organisation
    return org


# "... the words of Shincheonji Church of Jesus Chairman Lee Man-hee": an organisation, its leader's title, the leader.
_LEADER_RE = re.compile(
    r"(?<![\w'\u2019])(?P<org>[A-Z][\w'\u2019\-]*(?:\s+(?:[A-Z][\w'\u2019\-]*|of|&|for)){1,6}?)\s+"
    r"(?:Chairman|Chairwoman|Chair|CEO|President|Founder|Pastor|Director|Executive\s+Director)\s+[A-Z][\w'\u2019\-]+"
)


def leader_org(lede: str, headline: str) -> str | None:
    """The organisation the lede names before its leader's title ("... Shincheonji Church of Jesus Chairman Lee Man-hee")
    when the headline names it too ("... Gather for Worship at Shincheonji Church of Jesus")."""
    for m in _LEADER_RE.finditer(lede[:600]):
        org = m.group("org")
        if org.split()[-1] not in ("of", "&", "for") and " " in org and org in headline:
            return org
    return None
