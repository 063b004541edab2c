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
_WORK_WORD_RE = re.compile(r"Book|Novel|Memoir|Guide|Collection")
_AUTHOR_RES = (
    # "Bestselling Author Dr. Barbara Becker Holstein's New Book, ..."
    re.compile(rf"\b{_PERSON}['\u2019]s\s+(?:(?:New|Latest|Debut|Upcoming|Newest|First|Second)\s+)+{_WORK}\b"),
    # "New Book "Nursing 101" by Nurse Practitioner Lorraine Voltaire Empowers ..."
    re.compile(
        rf"\b{_WORK}\b[^:;]{{0,80}}?\bby\s+{_DESCRIPTION}{_PERSON}(?=\s+[A-Z][a-z]+s\b|\s*[,:;\u2013\u2014-]|$)"
    ),
)


def headline_author(headline: str) -> str | None:
    """The person whose book the headline presents, as printed ("Lorraine Voltaire", "Dr. Barbara Becker Holstein")."""
    if not _WORK_WORD_RE.search(headline):
        return None
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
    return None


def author_issues(author: str | None, subject: str | None, about_names: list[str], source_name: str | None) -> bool:
    """Whether the headline's author issues the release: the lede opens with them or with no one, and no About section
    or SOURCE line presents an organisation (a publisher presenting its author's book issues it)."""
    if not author:
        return False
    surname = author.split()[-1]
    if subject and surname not in subject.split():
        return False
    return not source_name and all(surname in name.split() for name in about_names)
