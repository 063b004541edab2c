"""An author's release: a headline presenting a person's book speaks for the person, not for a company their title
names ("New Book "Nursing 101" by Nurse Practitioner Lorraine Voltaire ..." over "founder of OPTEAMAL Tea Company")."""

from __future__ import annotations

import re

from .names import PERSON_RE, ROLE_RE

# Words describing an author that a Title Case headline runs into the name ("Nurse Practitioner Lorraine Voltaire").
_DESCRIBING = {
    "practitioner", "nurse", "doctor", "pastor", "designer", "bestselling", "best-selling", "award-winning", "renowned",
    "veteran", "former", "retired", "acclaimed", "celebrated", "debut", "first-time", "local", "leading",
}  # fmt: skip

_WORK = r"(?:Book|Novel|Memoir|Cookbook|Workbook|Guide|Children['\u2019]s\s+Book|Picture\s+Book|Poetry\s+Collection)"
# Words describing an author before the name: "Bestselling Author Dr.", "Nurse Practitioner", "Award-Winning".
_DESCRIPTION = r"(?:(?:[A-Z][\w\-]*|[a-z]+-[a-z]+)\s+){0,4}?"
_PERSON = r"(?P<person>(?:Dr\.\s+)?[A-Z][a-z'\u2019\-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][\w'\u2019\-]+){1,2})"
_WORK_WORD_RE = re.compile(r"[Bb]ook|[Nn]ovel|[Mm]emoir|Guide|Collection")
_AUTHOR_RES = (
    # "Bestselling Author Dr. Barbara Becker Holstein's New Book, ...", "Author Jane Roe's book Lost Souls ..."
    # (a lower-case work word may follow the possessive alone; "His New Children's Book" names no one)
    re.compile(
        rf"\b{_PERSON}['\u2019]s\s+(?:(?:(?:New|Latest|Debut|Upcoming|Newest|First|Second)\s+)+{_WORK}"
        r"|(?:book|novel|memoir)\b)"
    ),
    # "New Book "Nursing 101" by Nurse Practitioner Lorraine Voltaire Empowers ..."
    re.compile(
        rf"\b{_WORK}\b[^;]{{0,80}}?\bby\s+{_DESCRIPTION}{_PERSON}(?=\s+[A-Z][a-z]+s\b|\s+(?:is|are|was|has)\b|\s*[,:;\u2013\u2014]|\s+-\s|$)"
    ),
)


# "Subordinating American Democracy by Robert L. Foster Explores ...": a title then its author, the lede calling it a
# book. Not "... Series B Led by Evolution Equity": a participle before "by" is no title's end.
_TITLE_BY_RE = re.compile(
    rf"^[\"\u201c]?(?P<title>[^:;\"\u201d]{{3,80}}?)[\"\u201d]?\s+by\s+{_PERSON}(?=\s+[A-Z][a-z]+s\b|\s+(?:is|are|was|has)\b|\s*[,:;\u2013\u2014]|\s+-\s|$)"
)
_BOOK_RE = re.compile(r"\b(?:book|novel|memoir|debut|cookbook|poetry collection)\b", re.I)
_TITLE_VERB_RE = re.compile(r"\b(?:Announces?|Releases?|Launch(?:es)?|Presents?|Unveils?|Introduces?|Publishes?)\b|ed$")


def titled_author(headline: str, lede: str) -> tuple[str, str] | None:
    """The title and author of a headline opening "<Title> by <Person>" when the lede calls the title a book:
    ("Subordinating American Democracy", "Robert L. Foster")."""
    m = _TITLE_BY_RE.match(headline)
    if not m or _TITLE_VERB_RE.search(m.group("title")) or not _BOOK_RE.search(lede[:400]):
        return None
    return m.group("title"), m.group("person")


# "Media Bullying: A Call For Respect ... By Bestselling Author Jody Sharpe": a headline closed by its author's credit.
_CREDITED_AUTHOR_RE = re.compile(
    rf"\s[Bb]y\s+{_DESCRIPTION}(?:Author|Writer|Novelist|Poet|Columnist|Journalist)\s+{_PERSON}\s*$"
)


def headline_author(headline: str, lede: str = "") -> str | None:
    """The person whose book the headline presents, as printed ("Lorraine Voltaire", "Dr. Barbara Becker Holstein"),
    or whom the headline closes by crediting as its author when the lede names them too."""
    credited = _CREDITED_AUTHOR_RE.search(headline)
    if credited and credited.group("person") in lede:
        return credited.group("person")
    titled = titled_author(headline, lede)
    if not _WORK_WORD_RE.search(headline):
        return titled[1] if titled else None
    for pattern in _AUTHOR_RES:
        for m in pattern.finditer(headline):
            person = m.group("person")
            bare = person.removeprefix("Dr. ")
            # The description may run into the name ("Nurse Practitioner Lorraine Voltaire"): its last two or three
            # capitalised words are the person.
            words = bare.split()
            for size in (3, 2) if len(words) >= 3 else (2,):
                candidate = " ".join(words[-size:])
                described = words[-size].lower() in _DESCRIBING or ROLE_RE.fullmatch(words[-size].lower())
                if len(words) >= size and PERSON_RE.fullmatch(candidate) and not described:
                    return f"Dr. {candidate}" if bare != person and size == len(words) else candidate
    return titled[1] if titled else None


def author_issues(
    author: str | None,
    subject: str | None,
    about_names: list[str],
    source_name: str | None,
    title: str = "",
    lede: str = "",
) -> bool:
    """Whether the headline's author issues the release: the lede opens with them, with no one or with the book's
    title or subtitle ("Quiet Harbors: Notes ..."), and no About section or SOURCE line presents an organisation (a
    publisher presenting its author's book issues it)."""
    if not author:
        return False
    surname = author.split()[-1]
    titled = bool(title and subject) and (subject in title or f"{title}: {subject}" in lede)
    if subject and surname not in subject.split() and not titled:
        return False
    return not source_name and all(surname in name.split() for name in about_names)


def quoted_work_author(name: str | None, text: str) -> str | None:
    """The author of a work a pick names: "'Trauterose: Growing Up in Postwar Munich' by Elisabeth Haggblade" for the
    headline's "Trauterose", when the text quotes the pick as a title and prints the author twice."""
    if not name or not any(quote + name in text for quote in "'\u2018\"\u201c"):
        return None  # (a substring test first: the pattern below would be tried at every character)
    m = re.search(
        rf"['\u2018\"\u201c]{re.escape(name)}\b[^'\u2019\"\u201d\n]{{0,80}}['\u2019\"\u201d],?\s+by\s+{_PERSON}", text
    )
    person = m.group("person") if m else None
    return person if person and PERSON_RE.fullmatch(person) and text.count(person) >= 2 else None
